// The state document a scenario prints (SPEC section 5, Output): every account, credit, activation,
// charge and transaction, keyed by id, times as toISOString() prints them. Built from the rows of either
// database (SQLite or PostgreSQL: their select models are the same), read in the same order.
import { asc, sql } from "drizzle-orm";
import * as lite from "@/db/schema";
import * as pg from "@/db/schema.pg";
import type { Db } from "@/db/client";
import type { AnyPgDb } from "@/lib/credits/store/pg";
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

export type StateRows = {
  assignments: (typeof lite.assignments.$inferSelect)[];
  assignmentLog: (typeof lite.assignmentLog.$inferSelect)[];
  allocations: (typeof lite.chargeAllocations.$inferSelect)[];
  paymentMethods: (typeof lite.paymentMethods.$inferSelect)[];
  accounts: (typeof lite.adAccounts.$inferSelect)[];
  campaigns: (typeof lite.campaigns.$inferSelect)[];
  credits: (typeof lite.credits.$inferSelect)[];
  activations: (typeof lite.activations.$inferSelect)[];
  charges: (typeof lite.charges.$inferSelect)[];
  transactions: (typeof lite.transactions.$inferSelect)[];
  appeals: (typeof lite.appeals.$inferSelect)[];
};

/** The rows a state is made of, from SQLite. Charge allocations come in the order they were written. */
export function sqliteStateRows(tx: Db): StateRows {
  return {
    assignments: tx.select().from(lite.assignments).orderBy(asc(lite.assignments.campaignId)).all(),
    assignmentLog: tx.select().from(lite.assignmentLog).orderBy(asc(lite.assignmentLog.id)).all(),
    allocations: tx.select().from(lite.chargeAllocations).all(),
    paymentMethods: tx.select().from(lite.paymentMethods).all(),
    accounts: tx.select().from(lite.adAccounts).orderBy(asc(lite.adAccounts.id)).all(),
    campaigns: tx.select().from(lite.campaigns).orderBy(asc(lite.campaigns.id)).all(),
    credits: tx.select().from(lite.credits).orderBy(asc(lite.credits.id)).all(),
    activations: tx.select().from(lite.activations).orderBy(asc(lite.activations.id)).all(),
    charges: tx.select().from(lite.charges).orderBy(asc(lite.charges.at), asc(lite.charges.id)).all(),
    transactions: tx.select().from(lite.transactions).orderBy(asc(lite.transactions.id)).all(),
    appeals: tx.select().from(lite.appeals).orderBy(asc(lite.appeals.id)).all(),
  };
}

/**
 * The same rows from PostgreSQL. Charge allocations have no ORDER BY on SQLite, which reads them in
 * insertion (rowid) order; here `ctid`, their place in the heap, is that order (rows that are never
 * updated or deleted stay where they were inserted).
 */
export async function pgStateRows(tx: AnyPgDb): Promise<StateRows> {
  return {
    assignments: await tx.select().from(pg.assignments).orderBy(asc(pg.assignments.campaignId)),
    assignmentLog: await tx.select().from(pg.assignmentLog).orderBy(asc(pg.assignmentLog.id)),
    allocations: await tx.select().from(pg.chargeAllocations).orderBy(sql`ctid`),
    paymentMethods: await tx.select().from(pg.paymentMethods),
    accounts: await tx.select().from(pg.adAccounts).orderBy(asc(pg.adAccounts.id)),
    campaigns: await tx.select().from(pg.campaigns).orderBy(asc(pg.campaigns.id)),
    credits: await tx.select().from(pg.credits).orderBy(asc(pg.credits.id)),
    activations: await tx.select().from(pg.activations).orderBy(asc(pg.activations.id)),
    charges: await tx.select().from(pg.charges).orderBy(asc(pg.charges.at), asc(pg.charges.id)),
    transactions: await tx.select().from(pg.transactions).orderBy(asc(pg.transactions.id)),
    appeals: await tx.select().from(pg.appeals).orderBy(asc(pg.appeals.id)),
  };
}

/** The state of an SQLite database. */
export function stateOf(tx: Db, now: number) {
  return stateFrom(sqliteStateRows(tx), now);
}

export function stateFrom(rows: StateRows, now: number) {
  const assigned = groupBy(rows.assignments, (r) => r.creditId);
  const log = groupBy(rows.assignmentLog, (r) => r.creditId);
  const allocations = groupBy(rows.allocations, (r) => r.chargeId);
  const cards = new Map(rows.paymentMethods.map((p) => [p.accountId, p]));

  const accounts = Object.fromEntries(
    rows.accounts
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
    rows.campaigns
      .map((c) => [c.id, { account: c.accountId, status: c.status, dailyBudget: c.dailyBudget }]),
  );

  const creditState = Object.fromEntries(
    rows.credits
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
    rows.activations
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
    rows.charges
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

  const ledger = rows.transactions
    .map((t) => ({
      type: t.type,
      account: t.accountId,
      amount: t.amount,
      ...(t.creditId ? { credit: t.creditId } : {}),
      ...(t.campaignId ? { campaign: t.campaignId } : {}),
      ...(t.chargeId ? { charge: t.chargeId } : {}),
      at: iso(t.at),
    }));

  const appealRows = rows.appeals
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

export type State = ReturnType<typeof stateFrom>;
