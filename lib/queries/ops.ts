// Read models for the ops console: every ad account, every promotion with its offer and code usage, the
// appeals queue and the console's own activity log. Operators see every account; the console's pages and
// actions check the operator before they read.
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  adAccounts,
  appeals,
  credits,
  opsLog,
  promoCodes,
  promotions,
  promotionTiers,
  redemptions,
  users,
  type AdAccount,
  type Promotion,
} from "@/db/schema";

/** Every ad account, by name. */
export function allAccounts(db: Db): AdAccount[] {
  return db.select().from(adAccounts).orderBy(adAccounts.name).all();
}

export function accountById(db: Db, id: string): AdAccount | null {
  return db.select().from(adAccounts).where(eq(adAccounts.id, id)).get() ?? null;
}

export function promotionName(db: Db, id: string): string | null {
  return db.select({ name: promotions.name }).from(promotions).where(eq(promotions.id, id)).get()?.name ?? null;
}

export type ActivityRow = { id: number; at: number; action: string; detail: string; who: string | null };

/** The console's most recent changes, newest first, with the operator's name. */
export function recentActivity(db: Db, limit = 10): ActivityRow[] {
  return db
    .select({ id: opsLog.id, at: opsLog.at, action: opsLog.action, detail: opsLog.detail, who: users.name })
    .from(opsLog)
    .leftJoin(users, eq(users.id, opsLog.actorUserId))
    .orderBy(desc(opsLog.id))
    .limit(limit)
    .all();
}

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
