// "Expiring soon" (SPEC 6.1): a credit with unused value that expires within 7 days. One rule, used by the
// Available table, the coupon card and Home.
import { and, asc, eq, gt, lte } from "drizzle-orm";
import type { AppDb } from "@/db/app";
import type { Credit } from "@/db/schema";
import { DAY } from "@/lib/credits/rules/time";

export const EXPIRING_SOON_DAYS = 7;

export function isExpiringSoon(c: Pick<Credit, "status" | "unused" | "issuedAt" | "expiresAt">, now: number): boolean {
  return c.status === "active" && c.unused > 0 && c.issuedAt <= now && now < c.expiresAt && c.expiresAt - now <= EXPIRING_SOON_DAYS * DAY;
}

/** The account's credits expiring soon, soonest first. */
export async function expiringCredits(db: AppDb, accountId: string, now: number): Promise<Credit[]> {
  const { credits } = db.tables;
  return db
    .select()
    .from(credits)
    .where(
      and(
        eq(credits.accountId, accountId),
        eq(credits.status, "active"),
        gt(credits.unused, 0),
        lte(credits.issuedAt, now),
        gt(credits.expiresAt, now),
        lte(credits.expiresAt, now + EXPIRING_SOON_DAYS * DAY),
      ),
    )
    .orderBy(asc(credits.expiresAt), asc(credits.id));
}
