// Throttling of sign-in and sign-up attempts per email and per client address, kept in the database so a
// restart does not reset it. An attempt is reserved before any password is hashed: a throttled caller costs one
// indexed read, and concurrent attempts cannot all slip past the limit together.
//
//   const attempt = await takeAttempt(db, "sign_in", { email, address: clientAddress(await headers()) });
//   if (!attempt.ok) return { error: attempt.message };   // no hashing
//   … hash and compare …
//   if (matched) await forgiveAttempt(db, attempt);      // sign-in only: a success does not count
import { and, asc, count, eq, gt, inArray, lte } from "drizzle-orm";
import { appTransaction, lockOn, type AppDb } from "@/db/app";

const MINUTE = 60_000;

export type ThrottleScope = "sign_in" | "sign_up";
export type Limit = { max: number; windowMs: number };

/**
 * Sign-in counts failures: five per email lock that email for a quarter of an hour, thirty per address lock
 * the address. Sign-up counts every attempt: it creates users and accounts, and an "email already in use"
 * answer tells whether an address has an account.
 */
export const throttleLimits: Record<ThrottleScope, { email: Limit; address: Limit }> = {
  sign_in: { email: { max: 5, windowMs: 15 * MINUTE }, address: { max: 30, windowMs: 15 * MINUTE } },
  sign_up: { email: { max: 5, windowMs: 60 * MINUTE }, address: { max: 20, windowMs: 60 * MINUTE } },
};

const longestWindow = Math.max(...Object.values(throttleLimits).flatMap((l) => [l.email.windowMs, l.address.windowMs]));

export type Who = { email?: string | null; address?: string | null };
export type Attempt = { scope: ThrottleScope; email: string | null; ids: number[] };
export type Throttled = { ok: false; error: "throttled"; retryAfterMs: number; message: string };

const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;

function keysOf(scope: ThrottleScope, who: Who): { key: string; limit: Limit }[] {
  const limits = throttleLimits[scope];
  const keys: { key: string; limit: Limit }[] = [];
  if (who.email) keys.push({ key: emailKey(who.email), limit: limits.email });
  if (who.address) keys.push({ key: `address:${who.address}`, limit: limits.address });
  return keys;
}

/** How long until `key` has a free place in its window, or 0 when it has one now. */
async function waitFor(db: AppDb, scope: ThrottleScope, key: string, limit: Limit, now: number): Promise<number> {
  const { authAttempts } = db.tables;
  const inWindow = and(eq(authAttempts.scope, scope), eq(authAttempts.key, key), gt(authAttempts.at, now - limit.windowMs));
  const [counted] = await db.select({ n: count() }).from(authAttempts).where(inWindow);
  const used = counted?.n ?? 0;
  if (used < limit.max) return 0;
  // A place frees up when the attempt that keeps the count at the limit leaves the window.
  const [blocking] = await db
    .select({ at: authAttempts.at })
    .from(authAttempts)
    .where(inWindow)
    .orderBy(asc(authAttempts.at), asc(authAttempts.id))
    .limit(1)
    .offset(used - limit.max);
  return Math.max(1, (blocking?.at ?? now) + limit.windowMs - now);
}

/** "Try again in 14 minutes." — the wait, rounded up, in words. */
export function waitMessage(scope: ThrottleScope, ms: number): string {
  const what = scope === "sign_in" ? "sign-in attempts" : "sign-up attempts";
  const minutes = Math.ceil(ms / MINUTE);
  const wait = ms < MINUTE ? `${Math.ceil(ms / 1000)} seconds` : minutes === 1 ? "1 minute" : `${minutes} minutes`;
  return `Too many ${what}. Please wait and try again in ${wait}.`;
}

/**
 * Reserves one attempt for every key given (email, client address) unless one of them is at its limit.
 * Check and reservation are one transaction holding its keys (SQLite: IMMEDIATE, PostgreSQL: an advisory
 * lock per key, taken in one order), so concurrent requests see each other's attempts.
 */
export async function takeAttempt(db: AppDb, scope: ThrottleScope, who: Who, now = Date.now()): Promise<({ ok: true } & Attempt) | Throttled> {
  return appTransaction(db, async (tx): Promise<({ ok: true } & Attempt) | Throttled> => {
    const { authAttempts } = tx.tables;
    const keys = keysOf(scope, who);
    for (const { key } of keys) await lockOn(tx, `throttle:${scope}:${key}`);
    await tx.delete(authAttempts).where(lte(authAttempts.at, now - longestWindow));
    let wait = 0;
    for (const { key, limit } of keys) wait = Math.max(wait, await waitFor(tx, scope, key, limit, now));
    if (wait > 0) return { ok: false, error: "throttled", retryAfterMs: wait, message: waitMessage(scope, wait) };
    const ids: number[] = [];
    for (const { key } of keys) {
      const [row] = await tx.insert(authAttempts).values({ scope, key, at: now }).returning({ id: authAttempts.id });
      ids.push(row!.id);
    }
    return { ok: true, scope, email: who.email ?? null, ids };
  });
}

/**
 * A sign-in that succeeded: its own attempt does not count, and earlier failures of that email are forgiven
 * (a person who mistyped a few times is not locked out later). The address keeps its failures, so signing
 * in to one's own account cannot reset a guessing run against others.
 */
export async function forgiveAttempt(db: AppDb, attempt: Attempt): Promise<void> {
  await appTransaction(db, async (tx) => {
    const { authAttempts } = tx.tables;
    if (attempt.ids.length) await tx.delete(authAttempts).where(inArray(authAttempts.id, attempt.ids));
    if (attempt.email)
      await tx.delete(authAttempts).where(and(eq(authAttempts.scope, attempt.scope), eq(authAttempts.key, emailKey(attempt.email))));
  });
}

/**
 * The client's address as the nearest proxy saw it: the last entry of X-Forwarded-For (`next start` fills
 * the header with the socket's address when a request arrives without one). Behind a reverse proxy that
 * appends to the header, that is the real client; see docs/security.md for a server exposed directly.
 */
export function clientAddress(headers: Headers): string {
  const hops = (headers.get("x-forwarded-for") ?? "").split(",");
  const last = hops[hops.length - 1]!.trim().toLowerCase();
  return /^[0-9a-f.:]{2,45}$/.test(last) ? last : "unknown";
}
