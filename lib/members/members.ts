// Who may use an ad account, and as what. Memberships are not ledger data, so they are written here and
// not by the credit engine, but with the same discipline: each change is one BEGIN IMMEDIATE transaction
// that re-checks the actor is an admin, keeps at least one admin on the account, and appends a row to
// the membership log (who, when, what). `now` is an argument, as in the engine.
import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { membershipLog, memberships, users, type MemberChange, type Role } from "@/db/schema";

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

function run<T extends object>(db: Db, fn: () => T): MemberResult<T> {
  try {
    return { ok: true, ...db.transaction(fn, { behavior: "immediate" }) };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, error: e.code };
    throw e;
  }
}

const roleOf = (db: Db, accountId: string, userId: string): Role | null =>
  db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), eq(memberships.userId, userId)))
    .get()?.role ?? null;

const adminCount = (db: Db, accountId: string) =>
  db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), eq(memberships.role, "admin")))
    .get()?.n ?? 0;

function requireAdmin(db: Db, accountId: string, actorUserId: string) {
  if (roleOf(db, accountId, actorUserId) !== "admin") refuse("forbidden");
}

function log(
  db: Db,
  row: { accountId: string; actorUserId: string; userId: string; action: MemberChange; role: Role | null; previousRole: Role | null; at: number },
) {
  db.insert(membershipLog).values(row).run();
}

type Actor = { accountId: string; actorUserId: string };

/** Gives an existing user a role on the account. */
export function addMember(db: Db, now: number, input: Actor & { email: string; role: Role }): MemberResult<{ userId: string }> {
  return run(db, () => {
    requireAdmin(db, input.accountId, input.actorUserId);
    const user =
      db.select({ id: users.id }).from(users).where(eq(users.email, input.email.trim().toLowerCase())).get() ?? refuse("user_not_found");
    if (roleOf(db, input.accountId, user.id)) refuse("already_member");
    db.insert(memberships).values({ userId: user.id, accountId: input.accountId, role: input.role }).run();
    log(db, { ...input, userId: user.id, action: "add", role: input.role, previousRole: null, at: now });
    return { userId: user.id };
  });
}

/** Changes a member's role. The last admin cannot stop being one. The same role again changes nothing. */
export function changeRole(db: Db, now: number, input: Actor & { userId: string; role: Role }): MemberResult<{ changed: boolean }> {
  return run(db, () => {
    requireAdmin(db, input.accountId, input.actorUserId);
    const previous = roleOf(db, input.accountId, input.userId) ?? refuse("not_member");
    if (previous === input.role) return { changed: false };
    if (previous === "admin" && adminCount(db, input.accountId) === 1) refuse("last_admin");
    db.update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.accountId, input.accountId), eq(memberships.userId, input.userId)))
      .run();
    log(db, { ...input, action: "change_role", previousRole: previous, at: now });
    return { changed: true };
  });
}

/** Takes a member off the account (an admin may remove themselves while another admin remains). */
export function removeMember(db: Db, now: number, input: Actor & { userId: string }): MemberResult {
  return run(db, () => {
    requireAdmin(db, input.accountId, input.actorUserId);
    const previous = roleOf(db, input.accountId, input.userId) ?? refuse("not_member");
    if (previous === "admin" && adminCount(db, input.accountId) === 1) refuse("last_admin");
    db.delete(memberships)
      .where(and(eq(memberships.accountId, input.accountId), eq(memberships.userId, input.userId)))
      .run();
    log(db, { ...input, action: "remove", role: null, previousRole: previous, at: now });
    return {};
  });
}
