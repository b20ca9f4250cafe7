// Read models for the ops console: every ad account, every promotion with its offer and code usage, the
// appeals queue and the console's own activity log. Operators see every account; the console's pages and
// actions check the operator before they read.
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { AppDb } from "@/db/app";
import type { AdAccount, Promotion } from "@/db/schema";

/** Every ad account, by name. */
export async function allAccounts(db: AppDb): Promise<AdAccount[]> {
  const { adAccounts } = db.tables;
  return db.select().from(adAccounts).orderBy(adAccounts.name);
}

export async function accountById(db: AppDb, id: string): Promise<AdAccount | null> {
  const { adAccounts } = db.tables;
  const [row] = await db.select().from(adAccounts).where(eq(adAccounts.id, id)).limit(1);
  return row ?? null;
}

export async function promotionName(db: AppDb, id: string): Promise<string | null> {
  const { promotions } = db.tables;
  const [row] = await db.select({ name: promotions.name }).from(promotions).where(eq(promotions.id, id)).limit(1);
  return row?.name ?? null;
}

export type ActivityRow = { id: number; at: number; action: string; detail: string; who: string | null };

/** The console's most recent changes, newest first, with the operator's name. */
export async function recentActivity(db: AppDb, limit = 10): Promise<ActivityRow[]> {
  const { opsLog, users } = db.tables;
  return db
    .select({ id: opsLog.id, at: opsLog.at, action: opsLog.action, detail: opsLog.detail, who: users.name })
    .from(opsLog)
    .leftJoin(users, eq(users.id, opsLog.actorUserId))
    .orderBy(desc(opsLog.id))
    .limit(limit);
}

export type PromotionRow = Promotion & {
  tiers: { spend: number; reward: number }[];
  codes: number;
  redemptions: number;
};

export async function listPromotions(db: AppDb): Promise<PromotionRow[]> {
  const { promoCodes, promotions, promotionTiers, redemptions } = db.tables;
  const tiers = await db.select().from(promotionTiers).orderBy(promotionTiers.promotionId, asc(promotionTiers.idx));
  const codes = await db
    .select({ promotionId: promoCodes.promotionId, n: count() })
    .from(promoCodes)
    .groupBy(promoCodes.promotionId);
  const used = await db
    .select({ promotionId: promoCodes.promotionId, n: count() })
    .from(redemptions)
    .innerJoin(promoCodes, eq(promoCodes.code, redemptions.code))
    .groupBy(promoCodes.promotionId);
  const codeCount = new Map(codes.map((c) => [c.promotionId, c.n]));
  const usedCount = new Map(used.map((c) => [c.promotionId, c.n]));
  const rows = await db.select().from(promotions).orderBy(desc(promotions.createdAt), promotions.id);
  return rows.map((p) => ({
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

export async function pendingAppeals(db: AppDb): Promise<PendingAppeal[]> {
  const { adAccounts, appeals, credits } = db.tables;
  return db
    .select({
      id: appeals.id,
      accountId: appeals.accountId,
      accountName: adAccounts.name,
      currency: adAccounts.currency,
      filedAt: appeals.filedAt,
      reason: appeals.reason,
      activeCredits: count(credits.id),
      unused: sql`coalesce(sum(${credits.unused}), 0)`.mapWith(Number),
    })
    .from(appeals)
    .innerJoin(adAccounts, eq(adAccounts.id, appeals.accountId))
    .leftJoin(credits, and(eq(credits.accountId, appeals.accountId), eq(credits.status, "active")))
    .where(eq(appeals.status, "pending"))
    // The account's columns too: PostgreSQL selects only what the grouping determines.
    .groupBy(appeals.id, adAccounts.id)
    .orderBy(appeals.filedAt, appeals.id);
}
