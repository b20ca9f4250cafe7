// Shared steps every operation uses: loading rows that must exist, issuing a credit, appending to the ledger.
import type { CreditSource, CreditType, Requirement, Restrictions } from "@/db/schema";
import { fail } from "../errors";
import { DAY } from "../rules/time";
import type { LedgerRow, Store } from "../store/store";

export async function loadAccount(store: Store, accountId: string) {
  return (await store.accountForUpdate(accountId)) ?? fail("not_found", { entity: "account", id: accountId });
}

/** The campaign, to be changed: its account is held (on a store that locks rows) until the operation ends. */
export async function loadCampaign(store: Store, campaignId: string) {
  return (await store.campaignForUpdate(campaignId)) ?? fail("not_found", { entity: "campaign", id: campaignId });
}

export async function loadPromotion(store: Store, id: string) {
  return (await store.promotion(id)) ?? fail("not_found", { entity: "promotion", id });
}

/** Appends a ledger row (and adds it to its day's total) in the operation's transaction. */
export function appendTransaction(store: Store, row: LedgerRow) {
  return store.appendTransaction(row);
}

export type NewCredit = {
  id: string;
  accountId: string;
  currency: string;
  name: string;
  type: CreditType;
  source: CreditSource;
  amount: number;
  percent?: number | null;
  issuedAt: number;
  validDays: number;
  restrictions?: Restrictions;
  requirement?: Requirement;
  promotionId?: string | null;
  code?: string | null;
};

/** Creates a credit and its `credit_issued` transaction (R6). `recordedAt` is when the ledger sees it. */
export async function issueCredit(store: Store, c: NewCredit, recordedAt: number): Promise<string> {
  if (await store.creditExists(c.id)) fail("already_exists", { entity: "credit", id: c.id });
  await store.insertCredit({
    id: c.id,
    accountId: c.accountId,
    name: c.name,
    type: c.type,
    source: c.source,
    currency: c.currency,
    amount: c.amount,
    percent: c.type === "discount" ? (c.percent ?? null) : null,
    issuedAt: c.issuedAt,
    expiresAt: c.issuedAt + c.validDays * DAY,
    restrictions: c.restrictions ?? {},
    requirement: c.requirement ?? {},
    promotionId: c.promotionId ?? null,
    code: c.code ?? null,
  });
  await appendTransaction(store, {
    accountId: c.accountId,
    type: "credit_issued",
    amount: c.amount,
    at: recordedAt,
    creditId: c.id,
  });
  return c.id;
}
