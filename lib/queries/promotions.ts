// Read models for the Promotions page: credits, ladder activations, assignments and the assignment log.
// Every read takes the account the caller may see and never returns another account's rows.
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type { AppDb } from "@/db/app";
import type { Activation, ActivationStatus, Campaign, Credit, CreditStatus, Promotion } from "@/db/schema";
import { normalizeCode } from "@/lib/credits/rules/redemption";
import { isExpiringSoon } from "./expiring";

export type CreditRow = Credit & { assignedCount: number; expiringSoon: boolean };

const spentStatuses: CreditStatus[] = ["exhausted", "expired", "revoked"];

/** The account's credits, soonest expiry first: `available` (active) and `spent` (used up, expired, revoked). */
export async function creditsOf(db: AppDb, accountId: string, now: number): Promise<{ available: CreditRow[]; spent: CreditRow[] }> {
  const { assignments, credits } = db.tables;
  const found = await db
    .select({ credit: credits, assignedCount: count(assignments.campaignId) })
    .from(credits)
    .leftJoin(assignments, eq(assignments.creditId, credits.id))
    .where(eq(credits.accountId, accountId))
    .groupBy(credits.id)
    .orderBy(asc(credits.expiresAt), asc(credits.issuedAt), asc(credits.id));
  const rows = found.map((r) => ({ ...r.credit, assignedCount: r.assignedCount, expiringSoon: isExpiringSoon(r.credit, now) }));
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
export async function activationsOf(db: AppDb, accountId: string, statuses: readonly ActivationStatus[]): Promise<ActivationRow[]> {
  if (statuses.length === 0) return [];
  const { activations, credits, promotions, promotionTiers } = db.tables;
  const rows = await db
    .select({ activation: activations, promotionName: promotions.name, currency: promotions.currency, rewardAmount: credits.amount })
    .from(activations)
    .innerJoin(promotions, eq(promotions.id, activations.promotionId))
    .leftJoin(credits, and(eq(credits.id, activations.rewardCreditId), eq(credits.accountId, accountId)))
    .where(and(eq(activations.accountId, accountId), inArray(activations.status, [...statuses])))
    .orderBy(desc(activations.activatedAt), asc(activations.id));
  const ids = [...new Set(rows.map((r) => r.activation.promotionId))];
  const tiers =
    ids.length === 0
      ? []
      : await db.select().from(promotionTiers).where(inArray(promotionTiers.promotionId, ids)).orderBy(asc(promotionTiers.idx));
  return rows.map((r) => ({
    ...r.activation,
    promotionName: r.promotionName,
    currency: r.currency,
    rewardAmount: r.rewardAmount,
    tiers: tiers.filter((t) => t.promotionId === r.activation.promotionId).map(({ spend, reward }) => ({ spend, reward })),
  }));
}

/** A credit, only if it belongs to the account. */
export async function creditOfAccount(db: AppDb, accountId: string, creditId: string): Promise<Credit | null> {
  const { credits } = db.tables;
  const [row] = await db.select().from(credits).where(and(eq(credits.id, creditId), eq(credits.accountId, accountId))).limit(1);
  return row ?? null;
}

/** The account's campaigns among `ids`; callers compare lengths to spot a foreign or unknown id. */
export async function campaignsOfAccount(db: AppDb, accountId: string, ids: readonly string[]): Promise<Campaign[]> {
  if (ids.length === 0) return [];
  const { campaigns } = db.tables;
  return db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.accountId, accountId), inArray(campaigns.id, [...ids])));
}

export type AssignmentView = {
  credit: Credit;
  /** Campaigns the credit is assigned to now, by name. */
  assigned: Campaign[];
  /** Every campaign of the account, by name. */
  campaigns: Campaign[];
};

/** What the View/Assign dialog shows for an assignable credit of the account, or null. */
export async function assignmentView(db: AppDb, accountId: string, creditId: string): Promise<AssignmentView | null> {
  const credit = await creditOfAccount(db, accountId, creditId);
  if (!credit || credit.type !== "assignable") return null;
  const { assignments, campaigns } = db.tables;
  const assigned = await db
    .select({ campaign: campaigns })
    .from(assignments)
    .innerJoin(campaigns, eq(campaigns.id, assignments.campaignId))
    .where(and(eq(assignments.creditId, credit.id), eq(campaigns.accountId, accountId)))
    .orderBy(asc(campaigns.name));
  const all = await db.select().from(campaigns).where(eq(campaigns.accountId, accountId)).orderBy(asc(campaigns.name));
  return { credit, assigned: assigned.map((r) => r.campaign), campaigns: all };
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
export async function assignmentLogOf(db: AppDb, accountId: string, creditId: string): Promise<{ credit: Credit; rows: LogRow[] } | null> {
  const credit = await creditOfAccount(db, accountId, creditId);
  if (!credit || credit.type !== "assignable") return null;
  const { assignmentLog, campaigns, users } = db.tables;
  const rows = await db
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
    .orderBy(desc(assignmentLog.at), desc(assignmentLog.id));
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
export async function codeFacts(db: AppDb, code: string): Promise<CodeFacts | null> {
  const { promoCodes, promotions } = db.tables;
  const [row] = await db
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
    .limit(1);
  if (!row) return null;
  const { receivedAt, activationDeadline, ...promotion } = row;
  return { receivedAt, activationDeadline, promotion };
}
