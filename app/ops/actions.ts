"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { opsLog } from "@/db/schema";
import { opsUser } from "@/lib/auth/ops";
import * as engine from "@/lib/credits";
import { appNow } from "@/lib/clock";

const advanceSchema = z.object({ hours: z.coerce.number().pipe(z.union([z.literal(1), z.literal(24), z.literal(168)])) });

export type AdvanceState = { ok?: boolean; message?: string };

/** Sandbox clock: runs delivery hour by hour (every active campaign spends its budget) and every due event. */
export async function advanceClock(_prev: AdvanceState, form: FormData): Promise<AdvanceState> {
  const user = await opsUser();
  if (!user) return { ok: false, message: "Only platform operators can move the sandbox clock." };
  const parsed = advanceSchema.safeParse({ hours: form.get("hours") });
  if (!parsed.success) return { ok: false, message: "Choose an hour, a day or a week." };
  const db = getDb();
  const result = engine.simulate(db, { hours: parsed.data.hours });
  if (!result.ok) return { ok: false, message: `The clock could not move (${result.error}).` };
  db.insert(opsLog)
    .values({ actorUserId: user.id, action: "advance_clock", detail: JSON.stringify({ hours: parsed.data.hours, charged: result.charged, failed: result.failed }), at: appNow(db) })
    .run();
  revalidatePath("/", "layout");
  const skipped = result.failed ? `, ${result.failed} skipped (insufficient balance or credit limit)` : "";
  return { ok: true, message: `Moved ${parsed.data.hours === 1 ? "an hour" : parsed.data.hours === 24 ? "a day" : "a week"}: ${result.charged} delivery charges${skipped}.` };
}
