// Read models for an ad account's header and summaries. Always filtered by the account the caller may see.
import { and, eq, gt, lte, ne, sql } from "drizzle-orm";
import type { AppDb } from "@/db/app";
import type { AdAccount, Campaign } from "@/db/schema";

/** Unused ad credit that can still pay (active, inside its validity), discounts excluded: they are a cap, not money. */
export async function creditBalance(db: AppDb, accountId: string, now: number): Promise<number> {
  const { credits } = db.tables;
  const [row] = await db
    .select({ total: sql`coalesce(sum(${credits.unused}), 0)`.mapWith(Number) })
    .from(credits)
    .where(
      and(
        eq(credits.accountId, accountId),
        eq(credits.status, "active"),
        ne(credits.type, "discount"),
        lte(credits.issuedAt, now),
        gt(credits.expiresAt, now),
      ),
    );
  return row?.total ?? 0;
}

export type Balances = { label: string; amount: number; secondary?: { label: string; amount: number } };

/** The out-of-pocket balance as the account's billing method has it. */
export function billingBalance(account: AdAccount): Balances {
  if (account.billing === "manual") return { label: "Cash balance", amount: account.cashBalance };
  if (account.billing === "automatic")
    return {
      label: "Amount due",
      amount: account.amountDue,
      secondary: { label: "Billing threshold", amount: account.billingThreshold },
    };
  return {
    label: "Credit line used",
    amount: account.creditLineUsed,
    secondary: { label: "Credit limit", amount: account.creditLimit },
  };
}

export type CampaignRow = {
  id: string;
  name: string;
  adProduct: Campaign["adProduct"];
  status: Campaign["status"];
  dailyBudget: number;
  spend: number;
  creditPaid: number;
};

/** Campaigns with lifetime spend and the part ad credit paid (discount included). */
export async function campaignsWithSpend(db: AppDb, accountId: string): Promise<CampaignRow[]> {
  const { campaigns, charges } = db.tables;
  return db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      adProduct: campaigns.adProduct,
      status: campaigns.status,
      dailyBudget: campaigns.dailyBudget,
      spend: sql`coalesce(sum(${charges.amount}), 0)`.mapWith(Number),
      creditPaid: sql`coalesce(sum(${charges.discount} + ${charges.credits}), 0)`.mapWith(Number),
    })
    .from(campaigns)
    .leftJoin(charges, eq(charges.campaignId, campaigns.id))
    .where(eq(campaigns.accountId, accountId))
    .groupBy(campaigns.id)
    .orderBy(campaigns.name);
}
