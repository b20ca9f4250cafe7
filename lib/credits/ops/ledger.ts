// Shared writes every operation uses: loading rows that must exist, issuing a credit, appending to the ledger.
import { eq, sql } from "drizzle-orm";
import {
  adAccounts,
  campaigns,
  credits,
  promotions,
  transactions,
  type CreditSource,
  type CreditType,
  type Requirement,
  type Restrictions,
  type TransactionType,
} from "@/db/schema";
import { fail } from "../errors";
import { DAY } from "../rules/time";
import { perConnection, type Tx } from "../tx";

const id = sql.placeholder("id");
const queries = perConnection((tx) => ({
  account: tx.select().from(adAccounts).where(eq(adAccounts.id, id)).prepare(),
  campaign: tx.select().from(campaigns).where(eq(campaigns.id, id)).prepare(),
  appendTransaction: tx
    .insert(transactions)
    .values({
      accountId: sql.placeholder("accountId"),
      type: sql.placeholder("type"),
      amount: sql.placeholder("amount"),
      at: sql.placeholder("at"),
      creditId: sql.placeholder("creditId"),
      campaignId: sql.placeholder("campaignId"),
      chargeId: sql.placeholder("chargeId"),
    })
    .prepare(),
}));

export function loadAccount(tx: Tx, accountId: string) {
  return queries(tx).account.get({ id: accountId }) ?? fail("not_found", { entity: "account", id: accountId });
}

export function loadCampaign(tx: Tx, campaignId: string) {
  return queries(tx).campaign.get({ id: campaignId }) ?? fail("not_found", { entity: "campaign", id: campaignId });
}

export function loadPromotion(tx: Tx, id: string) {
  return (
    tx.select().from(promotions).where(eq(promotions.id, id)).get() ?? fail("not_found", { entity: "promotion", id })
  );
}

export function appendTransaction(
  tx: Tx,
  row: {
    accountId: string;
    type: TransactionType;
    amount: number;
    at: number;
    creditId?: string | null;
    campaignId?: string | null;
    chargeId?: string | null;
  },
) {
  queries(tx).appendTransaction.run({ creditId: null, campaignId: null, chargeId: null, ...row });
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
export function issueCredit(tx: Tx, c: NewCredit, recordedAt: number): string {
  if (tx.select({ id: credits.id }).from(credits).where(eq(credits.id, c.id)).get())
    fail("already_exists", { entity: "credit", id: c.id });
  tx.insert(credits)
    .values({
      id: c.id,
      accountId: c.accountId,
      name: c.name,
      type: c.type,
      source: c.source,
      currency: c.currency,
      amount: c.amount,
      percent: c.type === "discount" ? (c.percent ?? null) : null,
      used: 0,
      unused: c.amount,
      forfeited: 0,
      issuedAt: c.issuedAt,
      expiresAt: c.issuedAt + c.validDays * DAY,
      restrictions: c.restrictions ?? {},
      requirement: c.requirement ?? {},
      status: "active",
      promotionId: c.promotionId ?? null,
      code: c.code ?? null,
    })
    .run();
  appendTransaction(tx, {
    accountId: c.accountId,
    type: "credit_issued",
    amount: c.amount,
    at: recordedAt,
    creditId: c.id,
  });
  return c.id;
}
