// Read models for the Promotions page: credits, ladder activations, assignments and the assignment log.
// Every read takes the account the caller may see and never returns another account's rows.
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  activations,
  assignmentLog,
  assignments,
  campaigns,
  credits,
  promoCodes,
  promotions,
  promotionTiers,
  users,
  type Activation,
  type ActivationStatus,
  type Campaign,
  type Credit,
  type CreditStatus,
  type Promotion,
} from "@/db/schema";
import { normalizeCode } from "@/lib/credits/rules/redemption";
import { isExpiringSoon } from "./expiring";

export type CreditRow = Credit & { assignedCount: number; expiringSoon: boolean };

const spentStatuses: CreditStatus[] = ["exhausted", "expired", "revoked"];

/** The account's credits, soonest expiry first: `available` (active) and `spent` (used up, expired, revoked). */
export function creditsOf(db: Db, accountId: string, now: number): { available: CreditRow[]; spent: CreditRow[] } {
  const rows = db
    .select({ credit: credits, assignedCount: count(assignments.campaignId) })
    .from(credits)
    .leftJoin(assignments, eq(assignments.creditId, credits.id))
    .where(eq(credits.accountId, accountId))
    .groupBy(credits.id)
    .orderBy(asc(credits.expiresAt), asc(credits.issuedAt), asc(credits.id))
    .all()
    .map((r) => ({ ...r.credit, assignedCount: r.assignedCount, expiringSoon: isExpiringSoon(r.credit, now) }));
  return {
    available: rows.filter((c) => c.status === "active"),
    spent: rows.filter((c) => spentStatuses.includes(c.status)).reverse(),
  };
}

export type Tier = { spend: number; reward: number };
export type ActivationRow = Activation & {
  promotionName: string;
  currency: string;
  tiers: Tier[];
  rewardAmount: number | null;
};

/** The account's ladder activations with their promotion's name and tiers, newest first. */
export function activationsOf(db: Db, accountId: string, statuses: readonly ActivationStatus[]): ActivationRow[] {
  if (statuses.length === 0) return [];
  const rows = db
    .select({ activation: activations, promotionName: promotions.name, currency: promotions.currency, rewardAmount: credits.amount })
    .from(activations)
    .innerJoin(promotions, eq(promotions.id, activations.promotionId))
    .leftJoin(credits, and(eq(credits.id, activations.rewardCreditId), eq(credits.accountId, accountId)))
    .where(and(eq(activations.accountId, accountId), inArray(activations.status, [...statuses])))
    .orderBy(desc(activations.activatedAt), asc(activations.id))
    .all();
  const ids = [...new Set(rows.map((r) => r.activation.promotionId))];
  const tiers =
    ids.length === 0
      ? []
      : db.select().from(promotionTiers).where(inArray(promotionTiers.promotionId, ids)).orderBy(asc(promotionTiers.idx)).all();
  return rows.map((r) => ({
    ...r.activation,
    promotionName: r.promotionName,
    currency: r.currency,
    rewardAmount: r.rewardAmount,
    tiers: tiers.filter((t) => t.promotionId === r.activation.promotionId).map(({ spend, reward }) => ({ spend, reward })),
  }));
}

/** A credit, only if it belongs to the account. */
export function creditOfAccount(db: Db, accountId: string, creditId: string): Credit | null {
  return db.select().from(credits).where(and(eq(credits.id, creditId), eq(credits.accountId, accountId))).get() ?? null;
}

/** The account's campaigns among `ids`; callers compare lengths to spot a foreign or unknown id. */
export function campaignsOfAccount(db: Db, accountId: string, ids: readonly string[]): Campaign[] {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.accountId, accountId), inArray(campaigns.id, [...ids])))
    .all();
}

export type AssignmentView = {
  credit: Credit;
  /** Campaigns the credit is assigned to now, by name. */
  assigned: Campaign[];
  /** Every campaign of the account, by name. */
  campaigns: Campaign[];
};

/** What the View/Assign dialog shows for an assignable credit of the account, or null. */
export function assignmentView(db: Db, accountId: string, creditId: string): AssignmentView | null {
  const credit = creditOfAccount(db, accountId, creditId);
  if (!credit || credit.type !== "assignable") return null;
  const assigned = db
    .select({ campaign: campaigns })
    .from(assignments)
    .innerJoin(campaigns, eq(campaigns.id, assignments.campaignId))
    .where(and(eq(assignments.creditId, credit.id), eq(campaigns.accountId, accountId)))
    .orderBy(asc(campaigns.name))
    .all()
    .map((r) => r.campaign);
  const all = db.select().from(campaigns).where(eq(campaigns.accountId, accountId)).orderBy(asc(campaigns.name)).all();
  return { credit, assigned, campaigns: all };
}

export type LogRow = {
  id: number;
  at: number;
  action: "assign" | "unassign";
  campaignName: string;
  actorRole: "admin" | "operator" | "analyst";
  actorName: string | null;
};

/** An assignable credit's assignment log, newest first, or null when the credit is not the account's. */
export function assignmentLogOf(db: Db, accountId: string, creditId: string): { credit: Credit; rows: LogRow[] } | null {
  const credit = creditOfAccount(db, accountId, creditId);
  if (!credit || credit.type !== "assignable") return null;
  const rows = db
    .select({
      id: assignmentLog.id,
      at: assignmentLog.at,
      action: assignmentLog.action,
      campaignName: campaigns.name,
      actorRole: assignmentLog.actorRole,
      actorName: users.name,
    })
    .from(assignmentLog)
    .innerJoin(campaigns, eq(campaigns.id, assignmentLog.campaignId))
    .leftJoin(users, eq(users.id, assignmentLog.actorUserId))
    .where(eq(assignmentLog.creditId, credit.id))
    .orderBy(desc(assignmentLog.at), desc(assignmentLog.id))
    .all();
  return { credit, rows };
}

export type CodeFacts = {
  receivedAt: number;
  activationDeadline: number;
  promotion: Pick<Promotion, "id" | "name" | "kind" | "currency" | "eligibility">;
};

/**
 * What the redeem action needs to explain an R7 failure in words (the deadline of an expired code, the
 * currency of a mismatched one) and to name what it creates. Codes are global, not per account; this
 * reveals nothing beyond what the engine's own error already says about the code.
 */
export function codeFacts(db: Db, code: string): CodeFacts | null {
  const row = db
    .select({
      receivedAt: promoCodes.receivedAt,
      activationDeadline: promoCodes.activationDeadline,
      id: promotions.id,
      name: promotions.name,
      kind: promotions.kind,
      currency: promotions.currency,
      eligibility: promotions.eligibility,
    })
    .from(promoCodes)
    .innerJoin(promotions, eq(promotions.id, promoCodes.promotionId))
    .where(eq(promoCodes.code, normalizeCode(code)))
    .get();
  if (!row) return null;
  const { receivedAt, activationDeadline, ...promotion } = row;
  return { receivedAt, activationDeadline, promotion };
}
