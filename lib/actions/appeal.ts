"use server";
// Filing an appeal against a freeze (R12), from the banner every advertiser page shows while frozen.
import { z } from "zod";
import { getDb } from "@/db/app";
import { accountAction, type ActionResult } from "./account-action";
import { appNow } from "@/lib/clock";
import * as engine from "@/lib/credits";

const schema = z.object({
  accountId: z.string().min(1).max(200),
  reason: z
    .string({ error: "Tell us why the freeze should be lifted." })
    .trim()
    .min(10, { error: "Tell us a little more: at least 10 characters." })
    .max(engine.APPEAL_REASON_MAX, { error: `Keep it to ${engine.APPEAL_REASON_MAX} characters.` }),
});

const file = accountAction(schema, ["admin", "operator"], async (input, { account }): Promise<ActionResult> => {
  const db = getDb();
  const result = await engine.appeal(db.store, await appNow(db), { accountId: account.id, reason: input.reason });
  if (!result.ok)
    return {
      ok: false,
      error: result.error,
      message: result.error === "not_frozen" ? "This ad account isn't frozen any more, so there is nothing to appeal." : "We couldn't file the appeal. Please try again.",
    };
  return { ok: true };
});

export async function fileAppeal(raw: unknown): Promise<ActionResult> {
  return file(raw);
}
