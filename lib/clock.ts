// The app's `now`. In sandbox mode (the default) it is the stored clock that ops advance; in live mode it
// is the real clock, and due events (R15) are run up to it before it is used.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sandboxClock } from "@/db/schema";
import * as engine from "@/lib/credits";

export async function appNow(db: Db): Promise<number> {
  const row = db.select().from(sandboxClock).where(eq(sandboxClock.id, 1)).get();
  if (!row) {
    const now = Date.now();
    await engine.initClock(db, now);
    return now;
  }
  if (row.mode === "sandbox") return row.now;
  const now = Date.now();
  if (now > row.now) await engine.advance(db, { to: now });
  return Math.max(now, row.now);
}
