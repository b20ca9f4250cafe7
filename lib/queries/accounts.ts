// Read models for an ad account's header and summaries. Always filtered by the account the caller may see.
import { and, eq, gt, lte, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, charges, credits, type AdAccount } from "@/db/schema";

/** Unused ad credit that can still pay (active, inside its validity), discounts excluded: they are a cap, not money. */
export function creditBalance(db: Db, accountId: string, now: number): number {
  return (
    db
      .select({ total: sql<number>`coalesce(sum(${credits.unused}), 0)` })
      .from(credits)
      .where(
        and(
          eq(credits.accountId, accountId),
          eq(credits.status, "active"),
          ne(credits.type, "discount"),
          lte(credits.issuedAt, now),
          gt(credits.expiresAt, now),
        ),
      )
      .get()?.total ?? 0
  );
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
  adProduct: (typeof campaigns.$inferSelect)["adProduct"];
  status: (typeof campaigns.$inferSelect)["status"];
  dailyBudget: number;
  spend: number;
  creditPaid: number;
};

/** Campaigns with lifetime spend and the part ad credit paid (discount included). */
export function campaignsWithSpend(db: Db, accountId: string): CampaignRow[] {
  return db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      adProduct: campaigns.adProduct,
      status: campaigns.status,
      dailyBudget: campaigns.dailyBudget,
      spend: sql<number>`coalesce(sum(${charges.amount}), 0)`,
      creditPaid: sql<number>`coalesce(sum(${charges.discount} + ${charges.credits}), 0)`,
    })
    .from(campaigns)
    .leftJoin(charges, eq(charges.campaignId, campaigns.id))
    .where(eq(campaigns.accountId, accountId))
    .groupBy(campaigns.id)
    .orderBy(campaigns.name)
    .all();
}
