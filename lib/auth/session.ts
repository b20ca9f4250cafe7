// Sessions: a random token in an httpOnly, SameSite=Lax cookie (Secure in production); the database keeps
// only its SHA-256, with an expiry. Every read of the session goes through here.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/app";
import type { User } from "@/db/schema";
import { env } from "@/lib/env";

export const SESSION_COOKIE = "promotions_session";
export const SESSION_DAYS = 7;

const digest = (token: string) => createHash("sha256").update(token).digest("base64url");

export async function startSession(userId: string) {
  const db = getDb();
  const { sessions } = db.tables;
  const token = randomBytes(32).toString("base64url");
  // Sessions expire on the real clock, whatever the sandbox clock says.
  const now = Date.now();
  const expiresAt = now + SESSION_DAYS * 86_400_000;
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  await db.insert(sessions).values({ id: digest(token), userId, createdAt: now, expiresAt });
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
  if (token) {
    const db = getDb();
    await db.delete(db.tables.sessions).where(eq(db.tables.sessions.id, digest(token)));
  }
  jar.delete(SESSION_COOKIE);
}

/** The user a session token belongs to, if the session is live. */
export async function userForToken(token: string | undefined): Promise<User | null> {
  if (!token) return null;
  const db = getDb();
  const { sessions, users } = db.tables;
  const [row] = await db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, digest(token)), gt(sessions.expiresAt, Date.now())))
    .limit(1);
  return row?.user ?? null;
}

/** The signed-in user, or null. Cached per request. */
export const currentUser = cache(async (): Promise<User | null> =>
  userForToken((await cookies()).get(SESSION_COOKIE)?.value),
);

export async function requireUser(): Promise<User> {
  return (await currentUser()) ?? redirect("/login");
}
