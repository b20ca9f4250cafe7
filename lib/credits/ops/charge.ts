// A delivery charge: R1–R4 and R9, and R14's threshold billing. Idempotent by charge id (R3).
import { and, eq, gt, lte, sql } from "drizzle-orm";
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
import { isPositiveInt, perConnection, type Tx } from "../tx";
import { appendTransaction, loadAccount, loadCampaign } from "./ledger";

const p = sql.placeholder;
const queries = perConnection((tx) => ({
  byId: tx.select().from(charges).where(eq(charges.id, p("id"))).prepare(),
  candidates: tx
    .select()
    .from(credits)
    .where(
      and(
        eq(credits.accountId, p("accountId")),
        eq(credits.status, "active"),
        lte(credits.issuedAt, p("now")),
        gt(credits.expiresAt, p("now")),
      ),
    )
    .prepare(),
  assigned: tx.select({ id: assignments.creditId }).from(assignments).where(eq(assignments.campaignId, p("campaignId"))).prepare(),
  insertCharge: tx
    .insert(charges)
    .values({
      id: p("id"),
      accountId: p("accountId"),
      campaignId: p("campaignId"),
      amount: p("amount"),
      at: p("at"),
      discount: p("discount"),
      credits: p("credits"),
      cash: p("cash"),
      billed: p("billed"),
      creditLine: p("creditLine"),
    })
    .prepare(),
  insertAllocation: tx
    .insert(chargeAllocations)
    .values({ chargeId: p("chargeId"), creditId: p("creditId"), amount: p("amount"), step: p("step") })
    .prepare(),
  // Spends `amount` of a credit; the credit becomes exhausted when nothing is left.
  spendCredit: tx
    .update(credits)
    .set({
      used: sql`${credits.used} + ${p("amount")}`,
      unused: sql`${credits.unused} - ${p("amount")}`,
      status: sql`case when ${credits.unused} - ${p("amount")} = 0 then 'exhausted' else ${credits.status} end`,
    })
    .where(eq(credits.id, p("id")))
    .prepare(),
  updateAccount: tx
    .update(adAccounts)
    .set({
      cashBalance: sql`${p("cashBalance")}`,
      amountDue: sql`${p("amountDue")}`,
      creditLineUsed: sql`${p("creditLineUsed")}`,
      priorPaidHistory: true,
    })
    .where(eq(adAccounts.id, p("id")))
    .prepare(),
  earning: tx
    .select({ activation: activations, restrictions: promotions.restrictions, delay: promotions.rewardDelayHours })
    .from(activations)
    .innerJoin(promotions, eq(promotions.id, activations.promotionId))
    .where(
      and(
        eq(activations.accountId, p("accountId")),
        eq(activations.status, "earning"),
        lte(activations.activatedAt, p("now")),
        gt(activations.windowEndsAt, p("now")),
      ),
    )
    .prepare(),
  tiers: tx
    .select({ spend: promotionTiers.spend, reward: promotionTiers.reward })
    .from(promotionTiers)
    .where(eq(promotionTiers.promotionId, p("promotionId")))
    .orderBy(promotionTiers.idx)
    .prepare(),
  insertQualifying: tx
    .insert(qualifyingSpend)
    .values({ activationId: p("activationId"), chargeId: p("chargeId"), amount: p("amount") })
    .prepare(),
}));

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
  // Any id that is not blank: delivery's ids are "<campaignId>@<time>", longer than a created row's id may be.
  if (!isPositiveInt(input.amount) || !input.id.trim()) fail("invalid_input", "amount must be a positive integer and the id not blank");
  const q = queries(tx);
  const seen = q.byId.get({ id: input.id });
  if (seen) {
    if (seen.campaignId !== input.campaignId || seen.amount !== input.amount) fail("idempotency_conflict", { chargeId: input.id });
    return { ...seen, replayed: true };
  }
  const campaign = loadCampaign(tx, input.campaignId);
  if (campaign.status !== "active") fail("campaign_not_delivering", { campaignId: campaign.id, status: campaign.status });
  const account = loadAccount(tx, campaign.accountId);

  const split = splitFor(tx, now, account, campaign, input.amount);
  const R = split.outOfPocket;
  const pay = { cash: 0, billed: 0, creditLine: 0 };
  if (account.billing === "manual") {
    if (account.cashBalance < R) fail("insufficient_balance", { currency: account.currency, cashBalance: account.cashBalance, needed: R });
    pay.cash = R;
  } else if (account.billing === "automatic") pay.billed = R;
  else {
    if (account.creditLineUsed + R > account.creditLimit)
      fail("credit_limit_exceeded", { currency: account.currency, creditLimit: account.creditLimit, creditLineUsed: account.creditLineUsed, needed: R });
    pay.creditLine = R;
  }

  const row = { id: input.id, accountId: account.id, campaignId: campaign.id, amount: input.amount, at: now };
  q.insertCharge.run({ ...row, discount: split.discount, credits: split.credits, ...pay });
  for (const a of split.allocations) {
    q.insertAllocation.run({ chargeId: input.id, ...a });
    q.spendCredit.run({ id: a.creditId, amount: a.amount });
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
  const q = queries(tx);
  const candidates = q.candidates.all({ accountId: account.id, now });
  const assigned = new Set(q.assigned.all({ campaignId: campaign.id }).map((r) => r.id));
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
  queries(tx).updateAccount.run({
    id: account.id,
    cashBalance: account.cashBalance - pay.cash,
    amountDue,
    creditLineUsed: account.creditLineUsed + pay.creditLine,
  });
}

/** R4: out-of-pocket spend counts on earning activations whose window holds t and whose restrictions admit C. */
function countQualifyingSpend(tx: Tx, now: number, accountId: string, campaign: Campaign, chargeId: string, R: number) {
  const q = queries(tx);
  for (const { activation: a, restrictions, delay } of q.earning.all({ accountId, now })) {
    if (!admitsProduct(restrictions, campaign.adProduct)) continue;
    const tiers = q.tiers.all({ promotionId: a.promotionId });
    const spend = a.qualifyingSpend + R;
    const done = reachedTopTier(tiers, spend);
    q.insertQualifying.run({ activationId: a.id, chargeId, amount: R });
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
