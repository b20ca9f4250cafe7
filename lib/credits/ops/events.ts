// R15: advancing the clock runs every due event in time order, ties by kind (ladder completion, reward
// issuance, expiry, monthly billing), then by id. Events can cause later events (a completion schedules a
// reward, a reward can expire), so the next event is looked up again after each one.
import { and, asc, eq, gt, lte } from "drizzle-orm";
import { activations, adAccounts, credits, promotions, promotionTiers } from "@/db/schema";
import { HOUR, monthStartsIn } from "../rules/time";
import { sqliteStore } from "../sqlite-store";
import type { Tx } from "../tx";
import { appendTransaction, issueCredit } from "./ledger";

const KINDS = ["completion", "reward", "expiry", "billing"] as const;
type Due = { kind: (typeof KINDS)[number]; t: number; id: string };

const earlier = (a: Due, b: Due) =>
  a.t - b.t || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function runDueEvents(tx: Tx, from: number, until: number): number {
  const months = monthStartsIn(from, until);
  const store = sqliteStore(tx);
  let processed = 0;
  for (;;) {
    const candidates: Due[] = [];
    const completion = store.nextCompletion(until);
    if (completion) candidates.push({ kind: "completion", ...completion });
    // R12: a frozen account's rewards wait for reinstatement.
    const reward = store.nextReward(until);
    if (reward) candidates.push({ kind: "reward", ...reward });
    const expiry = store.nextExpiry(until);
    if (expiry) candidates.push({ kind: "expiry", ...expiry });
    if (months.length) candidates.push({ kind: "billing", t: months[0]!, id: "" });

    const next = candidates.sort(earlier)[0];
    if (!next) return processed;
    // Data back-dated before `from` (a grant's issuedAt) is handled now, not in the past.
    const at = Math.max(next.t, from);
    if (next.kind === "completion") completeLadder(tx, next.id);
    else if (next.kind === "reward") issueReward(tx, next.id, at);
    else if (next.kind === "expiry") expireCredit(tx, next.id, at);
    else {
      months.shift();
      monthlyBilling(tx, at);
    }
    processed++;
  }
}

/** R5 (b): the window ended. With a tier reached the reward is scheduled; with none, it expired. */
function completeLadder(tx: Tx, activationId: string) {
  const row = tx
    .select({ a: activations, delay: promotions.rewardDelayHours })
    .from(activations)
    .innerJoin(promotions, eq(promotions.id, activations.promotionId))
    .where(eq(activations.id, activationId))
    .get()!;
  const { a } = row;
  tx.update(activations)
    .set(
      a.tierReached === null
        ? { status: "expired", endedAt: a.windowEndsAt }
        : { status: "qualified", endedAt: a.windowEndsAt, rewardDueAt: a.windowEndsAt + (row.delay ?? 24) * HOUR },
    )
    .where(eq(activations.id, a.id))
    .run();
}

/** R5: the reward of the highest tier reached, valid creditValidityDays from `at` (R12: from reinstatement). */
export function issueReward(tx: Tx, activationId: string, at: number) {
  const { a, p } = tx
    .select({ a: activations, p: promotions })
    .from(activations)
    .innerJoin(promotions, eq(promotions.id, activations.promotionId))
    .where(eq(activations.id, activationId))
    .get()!;
  const tier = tx
    .select()
    .from(promotionTiers)
    .where(and(eq(promotionTiers.promotionId, p.id), eq(promotionTiers.idx, a.tierReached ?? -1)))
    .get()!;
  const account = tx.select({ currency: adAccounts.currency }).from(adAccounts).where(eq(adAccounts.id, a.accountId)).get()!;
  const creditId = `${a.id}:reward`;
  issueCredit(
    tx,
    {
      id: creditId,
      accountId: a.accountId,
      currency: account.currency,
      name: p.name,
      type: p.creditType,
      source: "ladder_reward",
      amount: tier.reward,
      issuedAt: at,
      validDays: p.creditValidityDays,
      restrictions: p.restrictions,
      requirement: p.requirement,
      promotionId: p.id,
      code: a.code,
    },
    at,
  );
  tx.update(activations).set({ status: "rewarded", rewardCreditId: creditId }).where(eq(activations.id, a.id)).run();
}

/** R11: the unused part is forfeited and the credit expires. */
function expireCredit(tx: Tx, creditId: string, at: number) {
  const c = tx.select().from(credits).where(eq(credits.id, creditId)).get()!;
  tx.update(credits)
    .set({ status: "expired", forfeited: c.forfeited + c.unused, unused: 0 })
    .where(eq(credits.id, c.id))
    .run();
  appendTransaction(tx, { accountId: c.accountId, type: "credit_expired", amount: c.unused, at, creditId: c.id });
}

/** R14: at 00:00 UTC on the 1st, every automatic account with an amount due pays it. */
function monthlyBilling(tx: Tx, at: number) {
  const due = tx
    .select({ id: adAccounts.id, amountDue: adAccounts.amountDue })
    .from(adAccounts)
    .where(and(eq(adAccounts.billing, "automatic"), gt(adAccounts.amountDue, 0)))
    .orderBy(asc(adAccounts.id))
    .all();
  for (const a of due) {
    appendTransaction(tx, { accountId: a.id, type: "payment", amount: a.amountDue, at });
    tx.update(adAccounts).set({ amountDue: 0 }).where(eq(adAccounts.id, a.id)).run();
  }
}

/** R12: rewards that fell due while the account was frozen, issued at reinstatement. */
export function issueWaitingRewards(tx: Tx, accountId: string, now: number) {
  const waiting = tx
    .select({ id: activations.id })
    .from(activations)
    .where(
      and(eq(activations.accountId, accountId), eq(activations.status, "qualified"), lte(activations.rewardDueAt, now)),
    )
    .orderBy(asc(activations.rewardDueAt), asc(activations.id))
    .all();
  for (const w of waiting) issueReward(tx, w.id, now);
}
