// A delivery charge: R1–R4 and R9, and R14's threshold billing. Idempotent by charge id (R3).
import { and, eq, gt, lte } from "drizzle-orm";
import {
  activations,
  adAccounts,
  assignments,
  chargeAllocations,
  charges,
  credits,
  promotions,
  promotionTiers,
  qualifyingSpend,
  type AdAccount,
  type Campaign,
} from "@/db/schema";
import { fail } from "../errors";
import { reachedTopTier, tierReached } from "../rules/ladder";
import { admitsProduct } from "../rules/restrictions";
import { splitCharge, type Split } from "../rules/split";
import { HOUR } from "../rules/time";
import { isPositiveInt, type Tx } from "../tx";
import { appendTransaction, loadAccount, loadCampaign } from "./ledger";

export type ChargeInput = { id: string; campaignId: string; amount: number };

export type ChargeResult = {
  id: string;
  campaignId: string;
  amount: number;
  discount: number;
  credits: number;
  cash: number;
  billed: number;
  creditLine: number;
  replayed: boolean;
};

export function charge(tx: Tx, now: number, input: ChargeInput): ChargeResult {
  if (!isPositiveInt(input.amount) || !input.id) fail("invalid_input", "amount must be a positive integer");
  const seen = tx.select().from(charges).where(eq(charges.id, input.id)).get();
  if (seen) {
    if (seen.campaignId !== input.campaignId || seen.amount !== input.amount) fail("idempotency_conflict");
    return { ...seen, replayed: true };
  }
  const campaign = loadCampaign(tx, input.campaignId);
  if (campaign.status !== "active") fail("campaign_not_delivering");
  const account = loadAccount(tx, campaign.accountId);

  const split = splitFor(tx, now, account, campaign, input.amount);
  const R = split.outOfPocket;
  const pay = { cash: 0, billed: 0, creditLine: 0 };
  if (account.billing === "manual") {
    if (account.cashBalance < R) fail("insufficient_balance");
    pay.cash = R;
  } else if (account.billing === "automatic") pay.billed = R;
  else {
    if (account.creditLineUsed + R > account.creditLimit) fail("credit_limit_exceeded");
    pay.creditLine = R;
  }

  const row = { id: input.id, accountId: account.id, campaignId: campaign.id, amount: input.amount, at: now };
  tx.insert(charges)
    .values({ ...row, discount: split.discount, credits: split.credits, ...pay })
    .run();
  for (const a of split.allocations) {
    tx.insert(chargeAllocations).values({ chargeId: input.id, ...a }).run();
    const c = tx.select({ unused: credits.unused, used: credits.used }).from(credits).where(eq(credits.id, a.creditId)).get()!;
    const unused = c.unused - a.amount;
    tx.update(credits)
      .set({ used: c.used + a.amount, unused, ...(unused === 0 ? { status: "exhausted" as const } : {}) })
      .where(eq(credits.id, a.creditId))
      .run();
    appendTransaction(tx, { ...chargeRef(row), type: "ad_credit", amount: a.amount, creditId: a.creditId });
  }
  if (R > 0) {
    const type = account.billing === "manual" ? "cash" : account.billing === "automatic" ? "billed" : "credit_line";
    appendTransaction(tx, { ...chargeRef(row), type, amount: R });
    settleAccount(tx, now, account, pay);
    countQualifyingSpend(tx, now, account.id, campaign, input.id, R);
  }
  return { ...row, discount: split.discount, credits: split.credits, ...pay, replayed: false };
}

const chargeRef = (row: { id: string; accountId: string; campaignId: string; at: number }) => ({
  accountId: row.accountId,
  campaignId: row.campaignId,
  chargeId: row.id,
  at: row.at,
});

function splitFor(tx: Tx, now: number, account: AdAccount, campaign: Campaign, amount: number): Split {
  if (account.frozen) return { allocations: [], discount: 0, credits: 0, outOfPocket: amount };
  const candidates = tx
    .select()
    .from(credits)
    .where(
      and(
        eq(credits.accountId, account.id),
        eq(credits.status, "active"),
        lte(credits.issuedAt, now),
        gt(credits.expiresAt, now),
      ),
    )
    .all();
  const assigned = new Set(
    tx
      .select({ id: assignments.creditId })
      .from(assignments)
      .where(eq(assignments.campaignId, campaign.id))
      .all()
      .map((r) => r.id),
  );
  return splitCharge(amount, candidates, {
    t: now,
    accountId: account.id,
    currency: account.currency,
    country: account.country,
    frozen: account.frozen,
    cashBalance: account.cashBalance,
    adProduct: campaign.adProduct,
    assignedCreditIds: assigned,
  });
}

/** Out-of-pocket moves the balances; R9 marks paid history; R14 settles at the billing threshold. */
function settleAccount(tx: Tx, now: number, account: AdAccount, pay: { cash: number; billed: number; creditLine: number }) {
  let amountDue = account.amountDue + pay.billed;
  if (account.billing === "automatic" && amountDue > 0 && amountDue >= account.billingThreshold) {
    appendTransaction(tx, { accountId: account.id, type: "payment", amount: amountDue, at: now });
    amountDue = 0;
  }
  tx.update(adAccounts)
    .set({
      cashBalance: account.cashBalance - pay.cash,
      amountDue,
      creditLineUsed: account.creditLineUsed + pay.creditLine,
      priorPaidHistory: true,
    })
    .where(eq(adAccounts.id, account.id))
    .run();
}

/** R4: out-of-pocket spend counts on earning activations whose window holds t and whose restrictions admit C. */
function countQualifyingSpend(tx: Tx, now: number, accountId: string, campaign: Campaign, chargeId: string, R: number) {
  const earning = tx
    .select({ activation: activations, restrictions: promotions.restrictions, delay: promotions.rewardDelayHours })
    .from(activations)
    .innerJoin(promotions, eq(promotions.id, activations.promotionId))
    .where(
      and(
        eq(activations.accountId, accountId),
        eq(activations.status, "earning"),
        lte(activations.activatedAt, now),
        gt(activations.windowEndsAt, now),
      ),
    )
    .all();
  for (const { activation: a, restrictions, delay } of earning) {
    if (!admitsProduct(restrictions, campaign.adProduct)) continue;
    const tiers = tx
      .select({ spend: promotionTiers.spend, reward: promotionTiers.reward })
      .from(promotionTiers)
      .where(eq(promotionTiers.promotionId, a.promotionId))
      .orderBy(promotionTiers.idx)
      .all();
    const spend = a.qualifyingSpend + R;
    const done = reachedTopTier(tiers, spend);
    tx.insert(qualifyingSpend).values({ activationId: a.id, chargeId, amount: R }).run();
    tx.update(activations)
      .set({
        qualifyingSpend: spend,
        tierReached: tierReached(tiers, spend),
        ...(done ? { status: "qualified" as const, endedAt: now, rewardDueAt: now + (delay ?? 24) * HOUR } : {}),
      })
      .where(eq(activations.id, a.id))
      .run();
  }
}
