// R15: advancing the clock runs every due event in time order, ties by kind (ladder completion, reward
// issuance, expiry, monthly billing), then by id. Events can cause later events (a completion schedules a
// reward, a reward can expire), so the next event is looked up again after each one.
import { HOUR, monthStartsIn } from "../rules/time";
import type { Store } from "../store/store";
import { appendTransaction, issueCredit } from "./ledger";

const KINDS = ["completion", "reward", "expiry", "billing"] as const;
export type DueEvent = { kind: (typeof KINDS)[number]; t: number; id: string };

const earlier = (a: DueEvent, b: DueEvent) =>
  a.t - b.t || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function runDueEvents(store: Store, from: number, until: number): Promise<number> {
  const months = monthStartsIn(from, until);
  let processed = 0;
  for (;;) {
    const next = await nextDueEvent(store, until, months);
    if (!next) return processed;
    if (next.kind === "billing") months.shift();
    // Data back-dated before `from` (a grant's issuedAt) is handled now, not in the past.
    await runEvent(store, next, Math.max(next.t, from));
    processed++;
  }
}

/**
 * The first event due at or before `until` (R15's order), of those in the database and the month starts
 * still to bill (`months`, ascending).
 */
export async function nextDueEvent(store: Store, until: number, months: readonly number[]): Promise<DueEvent | undefined> {
  const candidates: DueEvent[] = [];
  // R12: a frozen account's rewards wait for reinstatement (the store's `reward` skips them).
  const { completion, reward, expiry } = await store.nextDue(until);
  if (completion) candidates.push({ kind: "completion", ...completion });
  if (reward) candidates.push({ kind: "reward", ...reward });
  if (expiry) candidates.push({ kind: "expiry", ...expiry });
  if (months.length) candidates.push({ kind: "billing", t: months[0]!, id: "" });
  return candidates.sort(earlier)[0];
}

/** Runs one due event at `at` (its due time, or later for back-dated data). */
export async function runEvent(store: Store, event: DueEvent, at: number) {
  if (event.kind === "completion") await completeLadder(store, event.id);
  else if (event.kind === "reward") await issueReward(store, event.id, at);
  else if (event.kind === "expiry") await expireCredit(store, event.id, at);
  else await monthlyBilling(store, at);
}

/** R5 (b): the window ended. With a tier reached the reward is scheduled; with none, it expired. */
async function completeLadder(store: Store, activationId: string) {
  const { a, p } = (await store.activationForUpdate(activationId))!;
  // Another operation may have ended it between finding it due and holding its account (Postgres).
  if (a.status !== "earning") return;
  await store.endLadder(a.id, {
    endedAt: a.windowEndsAt,
    rewardDueAt: a.tierReached === null ? null : a.windowEndsAt + (p.rewardDelayHours ?? 24) * HOUR,
  });
}

/** R5: the reward of the highest tier reached, valid creditValidityDays from `at` (R12: from reinstatement). */
export async function issueReward(store: Store, activationId: string, at: number) {
  const { a, p } = (await store.activationForUpdate(activationId))!;
  const account = (await store.accountForUpdate(a.accountId))!;
  // Revoked, or its account frozen, between finding it due and holding its account (Postgres).
  if (a.status !== "qualified" || account.frozen) return;
  const tier = (await store.tiers(p.id))[a.tierReached ?? -1]!;
  const creditId = `${a.id}:reward`;
  await issueCredit(
    store,
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
  await store.markRewarded(a.id, creditId);
}

/** R11: the unused part is forfeited and the credit expires. */
async function expireCredit(store: Store, creditId: string, at: number) {
  const c = (await store.creditForUpdate(creditId))!;
  // Revoked between finding it due and holding its account (Postgres).
  if (c.status !== "active") return;
  await store.forfeitCredit(c.id, "expired");
  await appendTransaction(store, { accountId: c.accountId, type: "credit_expired", amount: c.unused, at, creditId: c.id });
}

/** R14: at 00:00 UTC on the 1st, every automatic account with an amount due pays it. */
async function monthlyBilling(store: Store, at: number) {
  for (const a of await store.accountsWithAmountDue()) {
    await appendTransaction(store, { accountId: a.id, type: "payment", amount: a.amountDue, at });
    await store.clearAmountDue(a.id);
  }
}

/** R12: rewards that fell due while the account was frozen, issued at reinstatement. */
export async function issueWaitingRewards(store: Store, accountId: string, now: number) {
  for (const id of await store.waitingRewards(accountId, now)) await issueReward(store, id, now);
}
