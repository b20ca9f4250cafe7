// Read model of the coupon card and the home page's progress bar: the account's earning ladder promotions
// (R4 qualifying spend against R5 tiers) and its assignable credits that can still be assigned and used.
// Plain JSON: it is served by /api/coupons and seeds the browser's store from the server render. Money
// (`…Text`, `…Short`) and dates (`…On`) arrive formatted: server and browser print the same, and the browser
// builds no Intl formatter while a page loads (the first one a page builds costs ~30 ms of ICU set-up on its
// main thread, ~120 ms at Lighthouse's 4× CPU slowdown).
import { and, asc, count, eq, gt, inArray, lte } from "drizzle-orm";
import type { AppDb } from "@/db/app";
import type { AdAccount } from "@/db/schema";
import { campaignLimit } from "@/lib/credits/rules/assignment";
import { daysLeft, nextTier } from "@/lib/credits/progress";
import { formatDate, formatMoney, formatMoneyShort } from "@/lib/format";
import { isExpiringSoon } from "./expiring";

export type LadderTier = {
  index: number;
  spend: number;
  reward: number;
  reached: boolean;
  /** "$1,500.00" */
  spendText: string;
  rewardText: string;
  /** Whole amounts without cents ("$1,500"), others as usual: the short labels under the tier marks. */
  spendShort: string;
  rewardShort: string;
};

export type EarningPromotion = {
  activationId: string;
  promotionId: string;
  name: string;
  code: string | null;
  qualifyingSpend: number;
  qualifyingSpendText: string;
  /** What is left to spend to reach the next tier (0 once the top tier is reached). */
  remainingText: string;
  /** The tier progress is measured against: the lowest tier not reached yet (the top tier once all are). */
  nextTier: LadderTier;
  /** The reward the activation would pay if it completed now (R5: the highest tier reached), or null. */
  currentReward: number | null;
  currentRewardText: string | null;
  tiers: LadderTier[];
  windowEndsAt: number;
  /** Whole days until the window ends, rounded up; 0 once it has ended. */
  daysLeft: number;
  /** In the account's time zone. */
  activatedOn: string;
  endsOn: string;
};

export type AssignableCredit = {
  id: string;
  name: string;
  amount: number;
  unused: number;
  amountText: string;
  unusedText: string;
  expiresOn: string;
  /** Unused value expiring within 7 days (SPEC 6.1 Expiring soon). */
  expiringSoon: boolean;
  assignedCampaigns: number;
  campaignLimit: number;
};

export type CouponSummary = {
  accountId: string;
  currency: string;
  earning: EarningPromotion[];
  assignable: AssignableCredit[];
};

export async function earningPromotions(db: AppDb, account: AdAccount, now: number): Promise<EarningPromotion[]> {
  const { activations, promotions, promotionTiers } = db.tables;
  const rows = await db
    .select({
      activationId: activations.id,
      promotionId: activations.promotionId,
      name: promotions.name,
      code: activations.code,
      qualifyingSpend: activations.qualifyingSpend,
      tierReached: activations.tierReached,
      activatedAt: activations.activatedAt,
      windowEndsAt: activations.windowEndsAt,
    })
    .from(activations)
    .innerJoin(promotions, eq(promotions.id, activations.promotionId))
    .where(and(eq(activations.accountId, account.id), eq(activations.status, "earning")))
    .orderBy(asc(activations.windowEndsAt), asc(activations.id));
  if (rows.length === 0) return [];
  const money = (minor: number) => formatMoney(minor, account.currency);

  const tierRows = await db
    .select()
    .from(promotionTiers)
    .where(
      inArray(
        promotionTiers.promotionId,
        rows.map((r) => r.promotionId),
      ),
    )
    .orderBy(asc(promotionTiers.promotionId), asc(promotionTiers.idx));

  return rows.flatMap((r) => {
    const tiers = tierRows
      .filter((t) => t.promotionId === r.promotionId)
      .map((t) => ({
        index: t.idx,
        spend: t.spend,
        reward: t.reward,
        reached: r.tierReached !== null && t.idx <= r.tierReached,
        spendText: money(t.spend),
        rewardText: money(t.reward),
        spendShort: formatMoneyShort(t.spend, account.currency),
        rewardShort: formatMoneyShort(t.reward, account.currency),
      }));
    const next = nextTier(tiers, r.qualifyingSpend);
    if (!next) return [];
    const currentReward = r.tierReached === null ? null : (tiers[r.tierReached]?.reward ?? null);
    return [
      {
        activationId: r.activationId,
        promotionId: r.promotionId,
        name: r.name,
        code: r.code,
        qualifyingSpend: r.qualifyingSpend,
        qualifyingSpendText: money(r.qualifyingSpend),
        remainingText: money(Math.max(0, next.spend - r.qualifyingSpend)),
        nextTier: next,
        currentReward,
        currentRewardText: currentReward === null ? null : money(currentReward),
        tiers,
        windowEndsAt: r.windowEndsAt,
        daysLeft: daysLeft(r.windowEndsAt, now),
        activatedOn: formatDate(r.activatedAt, account.timeZone),
        endsOn: formatDate(r.windowEndsAt, account.timeZone),
      },
    ];
  });
}

/** Active assignable credits with money left, inside their validity, soonest expiry first. */
export async function assignableCredits(db: AppDb, account: AdAccount, now: number): Promise<AssignableCredit[]> {
  const { assignments, credits } = db.tables;
  const assigned = await db
    .select({ creditId: assignments.creditId, n: count() })
    .from(assignments)
    .innerJoin(credits, eq(credits.id, assignments.creditId))
    .where(eq(credits.accountId, account.id))
    .groupBy(assignments.creditId);
  const rows = await db
    .select()
    .from(credits)
    .where(
      and(
        eq(credits.accountId, account.id),
        eq(credits.type, "assignable"),
        eq(credits.status, "active"),
        gt(credits.unused, 0),
        lte(credits.issuedAt, now),
        gt(credits.expiresAt, now),
      ),
    )
    .orderBy(asc(credits.expiresAt), asc(credits.issuedAt), asc(credits.id));
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    amount: c.amount,
    unused: c.unused,
    amountText: formatMoney(c.amount, account.currency),
    unusedText: formatMoney(c.unused, account.currency),
    expiresOn: formatDate(c.expiresAt, account.timeZone),
    expiringSoon: isExpiringSoon(c, now),
    assignedCampaigns: assigned.find((a) => a.creditId === c.id)?.n ?? 0,
    campaignLimit: campaignLimit(c.issuedAt),
  }));
}

export async function couponSummary(db: AppDb, account: AdAccount, now: number): Promise<CouponSummary> {
  return {
    accountId: account.id,
    currency: account.currency,
    earning: await earningPromotions(db, account, now),
    assignable: await assignableCredits(db, account, now),
  };
}
