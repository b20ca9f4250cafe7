// Which ad accounts a user may see, and with which role. Every page, route handler and action asks here.
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getDb } from "@/db/app";
import type { AdAccount, Role, User } from "@/db/schema";
import { currentUser, requireUser } from "./session";

export const ACCOUNT_COOKIE = "promotions_account";

export type Membership = { account: AdAccount; role: Role; businessCenter: string | null };
export type AccountAccess = { user: User; account: AdAccount; role: Role; memberships: Membership[] };

export async function membershipsOf(userId: string): Promise<Membership[]> {
  const db = getDb();
  const { adAccounts, businessCenters, memberships } = db.tables;
  return db
    .select({ account: adAccounts, role: memberships.role, businessCenter: businessCenters.name })
    .from(memberships)
    .innerJoin(adAccounts, eq(adAccounts.id, memberships.accountId))
    .leftJoin(businessCenters, eq(businessCenters.id, adAccounts.businessCenterId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(adAccounts.name));
}

/** The role of a user on an account, or null when they are not a member. */
export async function roleOn(userId: string, accountId: string): Promise<Role | null> {
  const db = getDb();
  const { memberships } = db.tables;
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.accountId, accountId)))
    .limit(1);
  return row?.role ?? null;
}

function pick(all: Membership[], wanted: string | undefined, remembered: string | undefined) {
  if (wanted) return all.find((m) => m.account.id === wanted) ?? null;
  return all.find((m) => m.account.id === remembered) ?? all[0] ?? null;
}

/**
 * For pages: the account named by `aadvid` (the Ads Manager URL parameter) or the one last used. A user who
 * is not a member gets a 404, never a hint that the account exists.
 */
export async function requireAccount(aadvid?: string): Promise<AccountAccess> {
  const user = await requireUser();
  const all = await membershipsOf(user.id);
  const chosen = pick(all, aadvid, (await cookies()).get(ACCOUNT_COOKIE)?.value);
  if (!chosen) notFound();
  return { user, account: chosen.account, role: chosen.role, memberships: all };
}

/** For route handlers: the same check, answered with a status instead of a redirect. */
export async function accountForApi(aadvid: string | null): Promise<AccountAccess | { status: 401 | 404 }> {
  const user = await currentUser();
  if (!user) return { status: 401 };
  const all = await membershipsOf(user.id);
  const chosen = pick(all, aadvid ?? undefined, (await cookies()).get(ACCOUNT_COOKIE)?.value);
  if (!chosen) return { status: 404 };
  return { user, account: chosen.account, role: chosen.role, memberships: all };
}

export const canAssign = (role: Role) => role === "admin";
export const canChange = (role: Role) => role !== "analyst";
