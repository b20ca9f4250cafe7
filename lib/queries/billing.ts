// Read models for the Billing page: the card on file, past payments and top-ups, the next billing date.
// Always filtered by the account the caller may see.
import { and, desc, eq, inArray } from "drizzle-orm";
import type { AppDb } from "@/db/app";
import type { PaymentMethod } from "@/db/schema";

export async function paymentMethodOf(db: AppDb, accountId: string): Promise<PaymentMethod | null> {
  const { paymentMethods } = db.tables;
  const [row] = await db.select().from(paymentMethods).where(eq(paymentMethods.accountId, accountId)).limit(1);
  return row ?? null;
}

export type MoneyRow = { id: number; amount: number; at: number };

/** The account's newest rows of one money-in type: `payment` (automatic billing) or `top_up` (manual). */
export async function recentMoneyIn(db: AppDb, accountId: string, type: "payment" | "top_up", limit = 10): Promise<MoneyRow[]> {
  const { transactions } = db.tables;
  return db
    .select({ id: transactions.id, amount: transactions.amount, at: transactions.at })
    .from(transactions)
    .where(and(eq(transactions.accountId, accountId), eq(transactions.type, type)))
    .orderBy(desc(transactions.at), desc(transactions.id))
    .limit(limit);
}

/** R14's calendar settlement: 00:00 UTC on the 1st of the month after `now`. */
export function nextMonthlyBilling(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** Names of the promotions R8 just started on the account, from the ids the engine returned. */
export async function startedPromotionNames(db: AppDb, accountId: string, ids: string[]): Promise<string[]> {
  const { promotions } = db.tables;
  // An auto-activation's id, ladder or coupon, is "<promotionId>:<accountId>" (SPEC 5).
  const suffix = `:${accountId}`;
  const promotionIds = ids.filter((id) => id.endsWith(suffix)).map((id) => id.slice(0, -suffix.length));
  if (promotionIds.length === 0) return [];
  const rows = await db.select({ name: promotions.name }).from(promotions).where(inArray(promotions.id, promotionIds)).orderBy(promotions.id);
  return rows.map((p) => p.name);
}
