"use server";
import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { startSession } from "@/lib/auth/session";

const schema = z.object({
  email: z.email({ error: "Enter the email address you sign in with." }).max(254).transform((e) => e.toLowerCase()),
  password: z.string().min(1, { error: "Enter your password." }).max(200),
});

export type SignInState = { error?: string; fieldErrors?: { email?: string[]; password?: string[] }; email?: string };

// Compared against when the email is unknown, so a wrong email costs the same time as a wrong password.
const decoy = hashPassword("decoy-password-for-timing");

export async function signIn(_prev: SignInState, form: FormData): Promise<SignInState> {
  const parsed = schema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, email: String(form.get("email") ?? "") };
  const { email, password } = parsed.data;
  const user = getDb().select().from(users).where(eq(users.email, email)).get();
  const ok = verifyPassword(password, user?.passwordHash ?? decoy) && user !== undefined;
  if (!ok || !user) return { error: "That email and password don't match an account. Check them and try again.", email };
  await startSession(user.id);
  redirect(user.isOps ? "/ops" : "/");
}
