// The campaign an advertiser action names, only if it is the account's own.
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, type Campaign } from "@/db/schema";

export function campaignOfAccount(db: Db, accountId: string, campaignId: string): Campaign | null {
  return db.select().from(campaigns).where(and(eq(campaigns.accountId, accountId), eq(campaigns.id, campaignId))).get() ?? null;
}
