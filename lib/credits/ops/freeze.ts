// R12: freezing, appeals and rulings.
import { fail } from "../errors";
import type { Store } from "../store/store";
import { issueWaitingRewards } from "./events";
import { appendTransaction, loadAccount } from "./ledger";

export async function freeze(store: Store, _now: number, input: { accountId: string }) {
  const account = await loadAccount(store, input.accountId);
  if (!account.frozen) await store.setFrozen(account.id, true);
  return { frozen: true };
}

export const APPEAL_REASON_MAX = 1000;

/**
 * Files an appeal, optionally with the advertiser's reason (1 to 1,000 characters once trimmed), which
 * ops read in the appeals queue. Filing while one is pending changes nothing, its reason included.
 */
export async function appeal(store: Store, now: number, input: { accountId: string; reason?: string }) {
  const reason = input.reason?.trim();
  if (reason !== undefined && (reason.length === 0 || reason.length > APPEAL_REASON_MAX))
    fail("invalid_input", `the reason must be 1 to ${APPEAL_REASON_MAX} characters`);
  const account = await loadAccount(store, input.accountId);
  if (!account.frozen) fail("not_frozen");
  const pending = await store.pendingAppeal(account.id);
  if (pending) return { appealId: pending.id };
  return { appealId: await store.insertAppeal({ accountId: account.id, filedAt: now, reason: reason ?? null }) };
}

async function reinstate(store: Store, now: number, accountId: string) {
  await store.setFrozen(accountId, false);
  await issueWaitingRewards(store, accountId, now);
}

/** Revocation forfeits every active credit and ends every earning or qualified activation. */
async function revoke(store: Store, now: number, accountId: string) {
  for (const c of await store.activeCredits(accountId)) {
    await store.forfeitCredit(c.id, "revoked");
    await appendTransaction(store, { accountId, type: "credit_revoked", amount: c.unused, at: now, creditId: c.id });
  }
  await store.revokeActivations(accountId, now);
  await store.setFrozen(accountId, false);
}

export async function resolveAppeal(store: Store, now: number, input: { accountId: string; outcome: "reinstate" | "revoke" }) {
  const account = await loadAccount(store, input.accountId);
  const pending = (await store.pendingAppeal(account.id)) ?? fail("no_pending_appeal");
  if (input.outcome === "reinstate") await reinstate(store, now, account.id);
  else await revoke(store, now, account.id);
  await store.resolveAppeal(pending.id, input.outcome === "reinstate" ? "reinstated" : "revoked", now);
  return { outcome: input.outcome };
}

/** Ops lift a freeze without an appeal: the same as reinstating. A pending appeal is closed as reinstated. */
export async function unfreeze(store: Store, now: number, input: { accountId: string }) {
  const account = await loadAccount(store, input.accountId);
  if (!account.frozen) fail("not_frozen");
  await reinstate(store, now, account.id);
  await store.closePendingAppeals(account.id, "reinstated", now);
  return { frozen: false };
}
