"use server";
import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/app";
import { safeNextPath } from "@/lib/auth/next-path";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { startSession } from "@/lib/auth/session";
import { clientAddress, forgiveAttempt, takeAttempt } from "@/lib/auth/throttle";

const schema = z.object({
  email: z.email({ error: "Enter the email address you sign in with." }).max(254).transform((e) => e.toLowerCase()),
  password: z.string().min(1, { error: "Enter your password." }).max(200),
});

export type SignInState = { error?: string; fieldErrors?: { email?: string[]; password?: string[] }; email?: string };

// Compared against when the email is unknown, so a wrong email costs the same time as a wrong password.
let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword("decoy-password-for-timing"));

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
};

export async function signIn(_prev: SignInState, form: unknown): Promise<SignInState> {
  if (!(form instanceof FormData)) return { error: "Please sign in with the form on this page." };
  const parsed = schema.safeParse({ email: text(form, "email"), password: text(form, "password") });
  if (!parsed.success)
    return { fieldErrors: z.flattenError(parsed.error).fieldErrors, email: (text(form, "email") ?? "").slice(0, 254) };
  const { email, password } = parsed.data;
  const db = getDb();
  // Throttled before any hashing: a locked-out guesser costs one indexed read.
  const attempt = await takeAttempt(db, "sign_in", { email, address: clientAddress(await headers()) });
  if (!attempt.ok) return { error: attempt.message, email };
  const [user] = await db.select().from(db.tables.users).where(eq(db.tables.users.email, email)).limit(1);
  const matched = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!matched || !user) return { error: "That email and password don't match an account. Check them and try again.", email };
  await forgiveAttempt(db, attempt);
  await startSession(user.id);
  redirect(safeNextPath(text(form, "next")) ?? (user.isOps ? "/ops" : "/"));
}
