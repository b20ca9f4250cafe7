// The campaign an advertiser action names, only if it is the account's own.
import { and, eq } from "drizzle-orm";
import type { AppDb } from "@/db/app";
import type { Campaign } from "@/db/schema";

export async function campaignOfAccount(db: AppDb, accountId: string, campaignId: string): Promise<Campaign | null> {
  const { campaigns } = db.tables;
  const [row] = await db.select().from(campaigns).where(and(eq(campaigns.accountId, accountId), eq(campaigns.id, campaignId))).limit(1);
  return row ?? null;
}
