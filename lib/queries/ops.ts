// Read models for the ops console: every promotion with its offer and code usage, and the appeals queue.
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { adAccounts, appeals, credits, promoCodes, promotions, promotionTiers, redemptions, type Promotion } from "@/db/schema";

export type PromotionRow = Promotion & {
  tiers: { spend: number; reward: number }[];
  codes: number;
  redemptions: number;
};

export function listPromotions(db: Db): PromotionRow[] {
  const tiers = db.select().from(promotionTiers).orderBy(promotionTiers.promotionId, asc(promotionTiers.idx)).all();
  const codes = db
    .select({ promotionId: promoCodes.promotionId, n: count() })
    .from(promoCodes)
    .groupBy(promoCodes.promotionId)
    .all();
  const used = db
    .select({ promotionId: promoCodes.promotionId, n: count() })
    .from(redemptions)
    .innerJoin(promoCodes, eq(promoCodes.code, redemptions.code))
    .groupBy(promoCodes.promotionId)
    .all();
  const codeCount = new Map(codes.map((c) => [c.promotionId, c.n]));
  const usedCount = new Map(used.map((c) => [c.promotionId, c.n]));
  return db
    .select()
    .from(promotions)
    .orderBy(desc(promotions.createdAt), promotions.id)
    .all()
    .map((p) => ({
      ...p,
      tiers: tiers.filter((t) => t.promotionId === p.id).map(({ spend, reward }) => ({ spend, reward })),
      codes: codeCount.get(p.id) ?? 0,
      redemptions: usedCount.get(p.id) ?? 0,
    }));
}

export type PendingAppeal = {
  id: number;
  accountId: string;
  accountName: string;
  currency: string;
  filedAt: number;
  /** The advertiser's reason, when the appeal was filed with one. */
  reason: string | null;
  /** What a revocation would forfeit: the account's active credits and their unused amount. */
  activeCredits: number;
  unused: number;
};

export function pendingAppeals(db: Db): PendingAppeal[] {
  return db
    .select({
      id: appeals.id,
      accountId: appeals.accountId,
      accountName: adAccounts.name,
      currency: adAccounts.currency,
      filedAt: appeals.filedAt,
      reason: appeals.reason,
      activeCredits: sql<number>`count(${credits.id})`,
      unused: sql<number>`coalesce(sum(${credits.unused}), 0)`,
    })
    .from(appeals)
    .innerJoin(adAccounts, eq(adAccounts.id, appeals.accountId))
    .leftJoin(credits, and(eq(credits.accountId, appeals.accountId), eq(credits.status, "active")))
    .where(eq(appeals.status, "pending"))
    .groupBy(appeals.id)
    .orderBy(appeals.filedAt, appeals.id)
    .all();
}
