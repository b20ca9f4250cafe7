// Read models for the Members page: the account's members and its membership change log.
import { alias } from "drizzle-orm/sqlite-core";
import { asc, desc, eq, sql } from "drizzle-orm";
import type { AppDb } from "@/db/app";
import type { MemberChange, Role } from "@/db/schema";

export type Member = { userId: string; name: string; email: string; role: Role };

/** Admins first, then operators, then analysts; by email within a role. */
export async function membersOf(db: AppDb, accountId: string): Promise<Member[]> {
  const { memberships, users } = db.tables;
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.accountId, accountId))
    .orderBy(sql`case ${memberships.role} when 'admin' then 0 when 'operator' then 1 else 2 end`, asc(users.email));
}

export type MemberChangeRow = {
  id: number;
  at: number;
  actorName: string;
  actorEmail: string;
  memberEmail: string;
  action: MemberChange;
  role: Role | null;
  previousRole: Role | null;
};

/** The newest membership changes first. */
export async function memberChangesOf(db: AppDb, accountId: string, limit = 50): Promise<MemberChangeRow[]> {
  const { membershipLog, users } = db.tables;
  const actor = alias(users, "actor");
  const member = alias(users, "member");
  return db
    .select({
      id: membershipLog.id,
      at: membershipLog.at,
      actorName: actor.name,
      actorEmail: actor.email,
      memberEmail: member.email,
      action: membershipLog.action,
      role: membershipLog.role,
      previousRole: membershipLog.previousRole,
    })
    .from(membershipLog)
    .innerJoin(actor, eq(actor.id, membershipLog.actorUserId))
    .innerJoin(member, eq(member.id, membershipLog.userId))
    .where(eq(membershipLog.accountId, accountId))
    .orderBy(desc(membershipLog.id))
    .limit(limit);
}
