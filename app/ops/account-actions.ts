"use server";
// Ops: freeze and unfreeze ad accounts, and rule on their appeals (R12).
import { z } from "zod";
import { runOpsAction, type OpsState } from "@/lib/actions/ops-action";
import { couldNot } from "@/lib/messages";
import * as engine from "@/lib/credits";
import { accountById } from "@/lib/queries/ops";

const freezeSchema = z.object({ accountId: z.string().min(1), intent: z.enum(["freeze", "unfreeze"]) });

export async function setFrozen(_prev: OpsState, form: unknown): Promise<OpsState> {
  return runOpsAction(freezeSchema, form, async ({ accountId, intent }, { db, now }) => {
    const account = await accountById(db, accountId);
    if (!account) return { ok: false, message: "That ad account does not exist." };
    const result = intent === "freeze" ? await engine.freeze(db.store, now, { accountId }) : await engine.unfreeze(db.store, now, { accountId });
    if (!result.ok) return { ok: false, message: couldNot(`${intent} ${account.name}`, result) };
    return {
      ok: true,
      message:
        intent === "freeze"
          ? `Froze ${account.name}: its credits pay for nothing and it cannot redeem until reinstated.`
          : `Unfroze ${account.name}. Any pending appeal was closed as reinstated.`,
      log: { action: intent === "freeze" ? "freeze_account" : "unfreeze_account", detail: { accountId, summary: `${intent === "freeze" ? "froze" : "unfroze"} ${account.name}` } },
    };
  });
}

const rulingSchema = z.object({ accountId: z.string().min(1), outcome: z.enum(["reinstate", "revoke"]) });

export async function resolveAppeal(_prev: OpsState, form: unknown): Promise<OpsState> {
  return runOpsAction(rulingSchema, form, async ({ accountId, outcome }, { db, now }) => {
    const account = await accountById(db, accountId);
    if (!account) return { ok: false, message: "That ad account does not exist." };
    const result = await engine.resolveAppeal(db.store, now, { accountId, outcome });
    if (!result.ok) return { ok: false, message: couldNot(`rule on ${account.name}'s appeal`, result) };
    return {
      ok: true,
      message:
        outcome === "reinstate"
          ? `Reinstated ${account.name}: it is unfrozen and keeps its credits.`
          : `Revoked ${account.name}'s credits: every active credit is forfeited and the account is unfrozen.`,
      log: { action: "resolve_appeal", detail: { accountId, outcome, summary: `${outcome === "reinstate" ? "reinstated" : "revoked the credits of"} ${account.name} on appeal` } },
    };
  });
}
