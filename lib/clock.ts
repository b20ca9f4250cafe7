// The app's `now`. In sandbox mode (the default) it is the stored clock that ops advance; in live mode it
// is the real clock, and due events (R15) are run up to it before it is used.
import { eq } from "drizzle-orm";
import type { AppDb } from "@/db/app";
import * as engine from "@/lib/credits";

export async function appNow(db: AppDb): Promise<number> {
  const { sandboxClock } = db.tables;
  const [row] = await db.select().from(sandboxClock).where(eq(sandboxClock.id, 1)).limit(1);
  if (!row) {
    const now = Date.now();
    await engine.initClock(db.store, now);
    return now;
  }
  if (row.mode === "sandbox") return row.now;
  const now = Date.now();
  if (now > row.now) await engine.advance(db.store, { to: now });
  return Math.max(now, row.now);
}
