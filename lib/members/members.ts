// Who may use an ad account, and as what. Memberships are not ledger data, so they are written here and
// not by the credit engine, but with the same discipline: each change is one transaction that holds the
// account's memberships (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock on the account), re-checks
// the actor is an admin, keeps at least one admin on the account, and appends a row to the membership log
// (who, when, what). `now` is an argument, as in the engine.
import { and, count, eq } from "drizzle-orm";
import { appTransaction, lockOn, type AppDb } from "@/db/app";
import type { MemberChange, Role } from "@/db/schema";

export const memberErrors = ["forbidden", "user_not_found", "already_member", "not_member", "last_admin"] as const;
export type MemberError = (typeof memberErrors)[number];
export type MemberResult<T extends object = object> = ({ ok: true } & T) | { ok: false; error: MemberError };

class Refused extends Error {
  constructor(readonly code: MemberError) {
    super(code);
  }
}
const refuse = (code: MemberError): never => {
  throw new Refused(code);
};

async function run<T extends object>(db: AppDb, accountId: string, fn: (tx: AppDb) => Promise<T>): Promise<MemberResult<T>> {
  try {
    const out = await appTransaction(db, async (tx) => {
      await lockOn(tx, `members:${accountId}`);
      return fn(tx);
    });
    return { ok: true, ...out };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, error: e.code };
    throw e;
  }
}

async function roleOf(db: AppDb, accountId: string, userId: string): Promise<Role | null> {
  const { memberships } = db.tables;
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), eq(memberships.userId, userId)))
    .limit(1);
  return row?.role ?? null;
}

async function adminCount(db: AppDb, accountId: string): Promise<number> {
  const { memberships } = db.tables;
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), eq(memberships.role, "admin")));
  return row?.n ?? 0;
}

async function requireAdmin(db: AppDb, accountId: string, actorUserId: string) {
  if ((await roleOf(db, accountId, actorUserId)) !== "admin") refuse("forbidden");
}

async function log(
  db: AppDb,
  row: { accountId: string; actorUserId: string; userId: string; action: MemberChange; role: Role | null; previousRole: Role | null; at: number },
) {
  await db.insert(db.tables.membershipLog).values(row);
}

type Actor = { accountId: string; actorUserId: string };

/** Gives an existing user a role on the account. */
export function addMember(db: AppDb, now: number, input: Actor & { email: string; role: Role }): Promise<MemberResult<{ userId: string }>> {
  return run(db, input.accountId, async (tx) => {
    const { memberships, users } = tx.tables;
    await requireAdmin(tx, input.accountId, input.actorUserId);
    const [found] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email.trim().toLowerCase())).limit(1);
    const user = found ?? refuse("user_not_found");
    if (await roleOf(tx, input.accountId, user.id)) refuse("already_member");
    await tx.insert(memberships).values({ userId: user.id, accountId: input.accountId, role: input.role });
    await log(tx, { ...input, userId: user.id, action: "add", role: input.role, previousRole: null, at: now });
    return { userId: user.id };
  });
}

/** Changes a member's role. The last admin cannot stop being one. The same role again changes nothing. */
export function changeRole(db: AppDb, now: number, input: Actor & { userId: string; role: Role }): Promise<MemberResult<{ changed: boolean }>> {
  return run(db, input.accountId, async (tx) => {
    const { memberships } = tx.tables;
    await requireAdmin(tx, input.accountId, input.actorUserId);
    const previous = (await roleOf(tx, input.accountId, input.userId)) ?? refuse("not_member");
    if (previous === input.role) return { changed: false };
    if (previous === "admin" && (await adminCount(tx, input.accountId)) === 1) refuse("last_admin");
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.accountId, input.accountId), eq(memberships.userId, input.userId)));
    await log(tx, { ...input, action: "change_role", previousRole: previous, at: now });
    return { changed: true };
  });
}

/** Takes a member off the account (an admin may remove themselves while another admin remains). */
export function removeMember(db: AppDb, now: number, input: Actor & { userId: string }): Promise<MemberResult> {
  return run(db, input.accountId, async (tx) => {
    const { memberships } = tx.tables;
    await requireAdmin(tx, input.accountId, input.actorUserId);
    const previous = (await roleOf(tx, input.accountId, input.userId)) ?? refuse("not_member");
    if (previous === "admin" && (await adminCount(tx, input.accountId)) === 1) refuse("last_admin");
    await tx.delete(memberships).where(and(eq(memberships.accountId, input.accountId), eq(memberships.userId, input.userId)));
    await log(tx, { ...input, action: "remove", role: null, previousRole: previous, at: now });
    return {};
  });
}
