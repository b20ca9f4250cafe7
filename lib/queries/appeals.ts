// The advertiser's view of its appeals (R12): the latest one, for the frozen-account banner.
import { desc, eq } from "drizzle-orm";
import type { AppDb } from "@/db/app";
import type { Appeal } from "@/db/schema";

export async function latestAppeal(db: AppDb, accountId: string): Promise<Appeal | null> {
  const { appeals } = db.tables;
  const [row] = await db.select().from(appeals).where(eq(appeals.accountId, accountId)).orderBy(desc(appeals.id)).limit(1);
  return row ?? null;
}
