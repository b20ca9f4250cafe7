"use server";
// Ops: the sandbox clock. Advancing runs delivery hour by hour (every active campaign spends its budget)
// and every due event, through the engine.
import { z } from "zod";
import { runOpsAction, type OpsState } from "@/lib/actions/ops-action";
import * as engine from "@/lib/credits";
import { couldNot } from "@/lib/messages";

const spans = { 1: "an hour", 24: "a day", 168: "a week" } as const;
const choose = "Choose an hour, a day or a week.";
const advanceSchema = z.object({
  hours: z.enum(["1", "24", "168"], { error: choose }).transform((h) => Number(h) as keyof typeof spans),
});

export async function advanceClock(_prev: OpsState, form: unknown): Promise<OpsState> {
  return runOpsAction(advanceSchema, form, async ({ hours }, { db }) => {
    const result = await engine.simulate(db.store, { hours });
    if (!result.ok) return { ok: false, message: couldNot("move the clock", result) };
    const skipped = result.failed ? `, ${result.failed} skipped (insufficient balance or credit limit)` : "";
    return {
      ok: true,
      message: `Moved ${spans[hours]}: ${result.charged} delivery charges${skipped}.`,
      log: { action: "advance_clock", detail: { hours, charged: result.charged, failed: result.failed } },
    };
  }, { alone: true });
}
