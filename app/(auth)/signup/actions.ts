"use server";
// Sign-up: one transaction creates the user, their self-serve ad account (through the engine, as a
// savepoint inside it) and their admin membership, then a session; the person lands on the new account's
// Home. Sign-up is not account-scoped, so it does what accountAction does itself: any input read as a form
// or plain object, zod, field errors beside their fields, and nothing written unless every step succeeds.
// Every attempt that parses counts against the sign-up throttle (per email and client address), before
// the "email in use" check and before any hashing.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { appTransaction, getDb, isUniqueViolation, type AppDb } from "@/db/app";
import { currencies } from "@/db/schema";
import { actionInput } from "@/lib/actions/input";
import { hashPassword } from "@/lib/auth/password";
import { startSession } from "@/lib/auth/session";
import { clientAddress, takeAttempt } from "@/lib/auth/throttle";
import { appNow } from "@/lib/clock";
import * as engine from "@/lib/credits";
import { countryByCode, EMAIL_TAKEN, industryIds, isTimeZone, PASSWORD_MIN } from "@/lib/signup/options";

const schema = z.object({
  email: z
    .string({ error: "Enter your email address." })
    .trim()
    .min(1, { error: "Enter your email address." })
    .pipe(z.email({ error: "Enter an email address like name@company.com." }).max(254, { error: "Use at most 254 characters." }))
    .transform((e) => e.toLowerCase()),
  password: z
    .string({ error: "Choose a password." })
    .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters.` })
    .max(200, { error: "Use at most 200 characters." }),
  businessName: z
    .string({ error: "Enter your business name." })
    .trim()
    .min(2, { error: "Enter your business name (at least 2 characters)." })
    .max(100, { error: "Use at most 100 characters." }),
  industry: z.enum(industryIds, { error: "Choose your industry." }),
  country: z.string({ error: "Choose your country." }).refine((c) => countryByCode(c) !== undefined, { error: "Choose your country." }),
  currency: z.enum(currencies, { error: "Choose a currency." }),
  timeZone: z.string({ error: "Choose a time zone." }).refine(isTimeZone, { error: "Choose a time zone from the list." }),
  billing: z.enum(["manual", "automatic"], { error: "Choose how you want to pay." }),
});

export type SignUpFields = keyof z.input<typeof schema>;
export type SignUpResult = {
  ok: false;
  error: "invalid_input" | "throttled" | "email_taken";
  message: string;
  fieldErrors?: Partial<Record<SignUpFields, string[]>>;
};

const newId = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 16)}`;

class EmailTaken extends Error {}

export async function signUp(raw: unknown): Promise<SignUpResult> {
  const parsed = schema.safeParse(actionInput(raw));
  if (!parsed.success)
    return { ok: false, error: "invalid_input", message: "Please check the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const input = parsed.data;
  const db = getDb();
  const attempt = await takeAttempt(db, "sign_up", { email: input.email, address: clientAddress(await headers()) });
  if (!attempt.ok) return { ok: false, error: "throttled", message: attempt.message };
  const taken = async (tx: AppDb) =>
    (await tx.select({ id: tx.tables.users.id }).from(tx.tables.users).where(eq(tx.tables.users.email, input.email)).limit(1)).length > 0;
  if (await taken(db)) return { ok: false, error: "email_taken", message: EMAIL_TAKEN };

  const passwordHash = await hashPassword(input.password);
  const now = await appNow(db);
  const userId = newId("usr");
  const accountId = newId("acc");
  try {
    await appTransaction(db, async (tx) => {
      // Checked again inside the transaction: someone may have signed up with this email meanwhile (on
      // PostgreSQL, one still deciding then fails on the unique email below).
      if (await taken(tx)) throw new EmailTaken();
      await tx
        .insert(tx.tables.users)
        .values({ id: userId, email: input.email, name: input.email.split("@")[0]!, passwordHash, createdAt: now });
      const created = await engine.createAccount(tx.store, now, {
        id: accountId,
        name: input.businessName,
        currency: input.currency,
        country: input.country,
        timeZone: input.timeZone,
        industry: input.industry,
        billing: input.billing,
        kind: "self_serve",
      });
      if (!created.ok) throw new Error(`createAccount refused: ${created.error}`);
      await tx.insert(tx.tables.memberships).values({ userId, accountId, role: "admin" });
    });
  } catch (e) {
    if (e instanceof EmailTaken || isUniqueViolation(e)) return { ok: false, error: "email_taken", message: EMAIL_TAKEN };
    throw e;
  }
  await startSession(userId);
  redirect(`/?aadvid=${encodeURIComponent(accountId)}`);
}
