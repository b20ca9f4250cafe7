"use server";
import { z } from "zod";
import { engineMessage, runOpsAction, type OpsState } from "@/lib/actions/ops-action";
import * as engine from "@/lib/credits";

const advanceSchema = z.object({
  hours: z.coerce.number().pipe(z.union([z.literal(1), z.literal(24), z.literal(168)], { error: "Choose an hour, a day or a week." })),
});

export type AdvanceState = OpsState;

/** Sandbox clock: runs delivery hour by hour (every active campaign spends its budget) and every due event. */
export async function advanceClock(_prev: AdvanceState, form: unknown): Promise<AdvanceState> {
  return runOpsAction(advanceSchema, form, ({ hours }, { db }) => {
    const result = engine.simulate(db, { hours });
    if (!result.ok) return { ok: false, message: engineMessage(result.error, "move the clock") };
    const skipped = result.failed ? `, ${result.failed} skipped (insufficient balance or credit limit)` : "";
    return {
      ok: true,
      message: `Moved ${hours === 1 ? "an hour" : hours === 24 ? "a day" : "a week"}: ${result.charged} delivery charges${skipped}.`,
      log: { action: "advance_clock", detail: { hours, charged: result.charged, failed: result.failed } },
    };
  });
}
