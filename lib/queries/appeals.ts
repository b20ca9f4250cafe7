// The advertiser's view of its appeals (R12): the latest one, for the frozen-account banner.
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals, type Appeal } from "@/db/schema";

export function latestAppeal(db: Db, accountId: string): Appeal | null {
  return db.select().from(appeals).where(eq(appeals.accountId, accountId)).orderBy(desc(appeals.id)).limit(1).get() ?? null;
}
