// Sessions: a random token in an httpOnly, SameSite=Lax cookie (Secure in production); the database keeps
// only its SHA-256, with an expiry. Every read of the session goes through here.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { sessions, users, type User } from "@/db/schema";
import { env } from "@/lib/env";

export const SESSION_COOKIE = "promotions_session";
export const SESSION_DAYS = 7;

const digest = (token: string) => createHash("sha256").update(token).digest("base64url");

export async function startSession(userId: string) {
  const db = getDb();
  const token = randomBytes(32).toString("base64url");
  // Sessions expire on the real clock, whatever the sandbox clock says.
  const now = Date.now();
  const expiresAt = now + SESSION_DAYS * 86_400_000;
  db.delete(sessions).where(lt(sessions.expiresAt, now)).run();
  db.insert(sessions).values({ id: digest(token), userId, createdAt: now, expiresAt }).run();
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.secureCookies,
    path: "/",
    expires: new Date(expiresAt),
  });
}

export async function endSession() {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) getDb().delete(sessions).where(eq(sessions.id, digest(token))).run();
  jar.delete(SESSION_COOKIE);
}

/** The user a session token belongs to, if the session is live. */
export function userForToken(token: string | undefined): User | null {
  if (!token) return null;
  const row = getDb()
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, digest(token)), gt(sessions.expiresAt, Date.now())))
    .get();
  return row?.user ?? null;
}

/** The signed-in user, or null. Cached per request. */
export const currentUser = cache(async (): Promise<User | null> =>
  userForToken((await cookies()).get(SESSION_COOKIE)?.value),
);

export async function requireUser(): Promise<User> {
  return (await currentUser()) ?? redirect("/login");
}
