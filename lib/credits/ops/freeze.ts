// R12: freezing, appeals and rulings.
import { and, eq, inArray, sql } from "drizzle-orm";
import { activations, adAccounts, appeals, credits } from "@/db/schema";
import { fail } from "../errors";
import type { Tx } from "../tx";
import { issueWaitingRewards } from "./events";
import { appendTransaction, loadAccount } from "./ledger";

export function freeze(tx: Tx, _now: number, input: { accountId: string }) {
  const account = loadAccount(tx, input.accountId);
  if (!account.frozen) tx.update(adAccounts).set({ frozen: true }).where(eq(adAccounts.id, account.id)).run();
  return { frozen: true };
}

function pendingAppeal(tx: Tx, accountId: string) {
  return tx
    .select()
    .from(appeals)
    .where(and(eq(appeals.accountId, accountId), eq(appeals.status, "pending")))
    .get();
}

export const APPEAL_REASON_MAX = 1000;

/**
 * Files an appeal, optionally with the advertiser's reason (1 to 1,000 characters once trimmed), which
 * ops read in the appeals queue. Filing while one is pending changes nothing, its reason included.
 */
export function appeal(tx: Tx, now: number, input: { accountId: string; reason?: string }) {
  const reason = input.reason?.trim();
  if (reason !== undefined && (reason.length === 0 || reason.length > APPEAL_REASON_MAX))
    fail("invalid_input", `the reason must be 1 to ${APPEAL_REASON_MAX} characters`);
  const account = loadAccount(tx, input.accountId);
  if (!account.frozen) fail("not_frozen");
  const pending = pendingAppeal(tx, account.id);
  if (pending) return { appealId: pending.id };
  const row = tx
    .insert(appeals)
    .values({ accountId: account.id, filedAt: now, status: "pending", reason: reason ?? null })
    .returning()
    .get();
  return { appealId: row.id };
}

function reinstate(tx: Tx, now: number, accountId: string) {
  tx.update(adAccounts).set({ frozen: false }).where(eq(adAccounts.id, accountId)).run();
  issueWaitingRewards(tx, accountId, now);
}

/** Revocation forfeits every active credit and ends every earning or qualified activation. */
function revoke(tx: Tx, now: number, accountId: string) {
  const active = tx
    .select()
    .from(credits)
    .where(and(eq(credits.accountId, accountId), eq(credits.status, "active")))
    .orderBy(credits.id)
    .all();
  for (const c of active) {
    tx.update(credits)
      .set({ status: "revoked", forfeited: c.forfeited + c.unused, unused: 0 })
      .where(eq(credits.id, c.id))
      .run();
    appendTransaction(tx, { accountId, type: "credit_revoked", amount: c.unused, at: now, creditId: c.id });
  }
  // A qualified activation stopped earning when it completed; only an earning one stops now.
  tx.update(activations)
    .set({ status: "revoked", endedAt: sql`coalesce(${activations.endedAt}, ${now})` })
    .where(and(eq(activations.accountId, accountId), inArray(activations.status, ["earning", "qualified"])))
    .run();
  tx.update(adAccounts).set({ frozen: false }).where(eq(adAccounts.id, accountId)).run();
}

export function resolveAppeal(tx: Tx, now: number, input: { accountId: string; outcome: "reinstate" | "revoke" }) {
  const account = loadAccount(tx, input.accountId);
  const pending = pendingAppeal(tx, account.id) ?? fail("no_pending_appeal");
  if (input.outcome === "reinstate") reinstate(tx, now, account.id);
  else revoke(tx, now, account.id);
  tx.update(appeals)
    .set({ status: input.outcome === "reinstate" ? "reinstated" : "revoked", resolvedAt: now })
    .where(eq(appeals.id, pending.id))
    .run();
  return { outcome: input.outcome };
}

/** Ops lift a freeze without an appeal: the same as reinstating. A pending appeal is closed as reinstated. */
export function unfreeze(tx: Tx, now: number, input: { accountId: string }) {
  const account = loadAccount(tx, input.accountId);
  if (!account.frozen) fail("not_frozen");
  reinstate(tx, now, account.id);
  tx.update(appeals)
    .set({ status: "reinstated", resolvedAt: now })
    .where(and(eq(appeals.accountId, account.id), eq(appeals.status, "pending")))
    .run();
  return { frozen: false };
}
