// The state document a scenario prints (SPEC section 5, Output): every account, credit, activation,
// charge and transaction, keyed by id, times as toISOString() prints them.
import { asc } from "drizzle-orm";
import {
  activations,
  adAccounts,
  appeals,
  assignmentLog,
  assignments,
  campaigns,
  chargeAllocations,
  charges,
  credits,
  paymentMethods,
  transactions,
} from "@/db/schema";
import type { Db } from "@/db/client";
import { iso } from "@/lib/credits/rules/time";

const groupBy = <T, K extends string>(rows: T[], key: (r: T) => K) => {
  const out = new Map<K, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
};

/** The card details on file, as the Billing page shows them: never more than brand, last four and expiry. */
function cardOf(card: { brand: string; last4: string; expMonth: number; expYear: number } | undefined) {
  return card ? { brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear } : null;
}

export function stateOf(tx: Db, now: number) {
  const assigned = groupBy(tx.select().from(assignments).orderBy(asc(assignments.campaignId)).all(), (r) => r.creditId);
  const log = groupBy(tx.select().from(assignmentLog).orderBy(asc(assignmentLog.id)).all(), (r) => r.creditId);
  const allocations = groupBy(tx.select().from(chargeAllocations).all(), (r) => r.chargeId);
  const cards = new Map(tx.select().from(paymentMethods).all().map((p) => [p.accountId, p]));

  const accounts = Object.fromEntries(
    tx
      .select()
      .from(adAccounts)
      .orderBy(asc(adAccounts.id))
      .all()
      .map((a) => [
        a.id,
        {
          cashBalance: a.cashBalance,
          amountDue: a.amountDue,
          creditLineUsed: a.creditLineUsed,
          frozen: a.frozen,
          priorPaidHistory: a.priorPaidHistory,
          paymentMethod: a.paymentMethod,
          card: cardOf(cards.get(a.id)),
        },
      ]),
  );

  const campaignState = Object.fromEntries(
    tx
      .select()
      .from(campaigns)
      .orderBy(asc(campaigns.id))
      .all()
      .map((c) => [c.id, { account: c.accountId, status: c.status, dailyBudget: c.dailyBudget }]),
  );

  const creditState = Object.fromEntries(
    tx
      .select()
      .from(credits)
      .orderBy(asc(credits.id))
      .all()
      .map((c) => [
        c.id,
        {
          account: c.accountId,
          type: c.type,
          source: c.source,
          status: c.status,
          amount: c.amount,
          ...(c.type === "discount" ? { percent: c.percent } : {}),
          used: c.used,
          unused: c.unused,
          forfeited: c.forfeited,
          issuedAt: iso(c.issuedAt),
          expiresAt: iso(c.expiresAt),
          ...(c.type === "assignable"
            ? {
                assignedCampaigns: (assigned.get(c.id) ?? []).map((a) => a.campaignId),
                assignmentLog: (log.get(c.id) ?? []).map((l) => ({
                  action: l.action,
                  campaign: l.campaignId,
                  actorRole: l.actorRole,
                  at: iso(l.at),
                })),
              }
            : {}),
        },
      ]),
  );

  const activationState = Object.fromEntries(
    tx
      .select()
      .from(activations)
      .orderBy(asc(activations.id))
      .all()
      .map((a) => [
        a.id,
        {
          account: a.accountId,
          promotion: a.promotionId,
          status: a.status,
          qualifyingSpend: a.qualifyingSpend,
          tierReached: a.tierReached,
          activatedAt: iso(a.activatedAt),
          windowEndsAt: iso(a.windowEndsAt),
          rewardCredit: a.rewardCreditId,
        },
      ]),
  );

  const chargeState = Object.fromEntries(
    tx
      .select()
      .from(charges)
      .orderBy(asc(charges.at), asc(charges.id))
      .all()
      .map((c) => [
        c.id,
        {
          campaign: c.campaignId,
          at: iso(c.at),
          amount: c.amount,
          discount: c.discount,
          credits: Object.fromEntries(
            (allocations.get(c.id) ?? []).filter((a) => a.step > 0).map((a) => [a.creditId, a.amount]),
          ),
          cash: c.cash,
          billed: c.billed,
          creditLine: c.creditLine,
        },
      ]),
  );

  const ledger = tx
    .select()
    .from(transactions)
    .orderBy(asc(transactions.id))
    .all()
    .map((t) => ({
      type: t.type,
      account: t.accountId,
      amount: t.amount,
      ...(t.creditId ? { credit: t.creditId } : {}),
      ...(t.campaignId ? { campaign: t.campaignId } : {}),
      ...(t.chargeId ? { charge: t.chargeId } : {}),
      at: iso(t.at),
    }));

  const appealRows = tx
    .select()
    .from(appeals)
    .orderBy(asc(appeals.id))
    .all()
    .map((a) => ({
      account: a.accountId,
      status: a.status,
      reason: a.reason,
      filedAt: iso(a.filedAt),
      resolvedAt: a.resolvedAt === null ? null : iso(a.resolvedAt),
    }));

  return {
    now: iso(now),
    accounts,
    campaigns: campaignState,
    appeals: appealRows,
    credits: creditState,
    activations: activationState,
    charges: chargeState,
    transactions: ledger,
  };
}

export type State = ReturnType<typeof stateOf>;
