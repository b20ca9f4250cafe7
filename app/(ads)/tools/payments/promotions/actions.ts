"use server";
// The Promotions page's writes: redeem a code (R7), assign and unassign a credit's campaigns (R10).
// Each goes through accountAction (zod, session, membership, role, and the refresh after a write), then
// the engine; a refusal is worded from the facts the engine's failure carries (lib/messages).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/db/app";
import { accountAction, type ActionResult } from "@/lib/actions/account-action";
import { appNow } from "@/lib/clock";
import * as engine from "@/lib/credits";
import { failureMessage, whoMay } from "@/lib/messages";
import { campaignsOfAccount, creditOfAccount } from "@/lib/queries/promotions";

/** A short, unguessable id: "act_…" for a ladder activation, "cr_…" for a credit. */
const newId = (prefix: "act" | "cr", token: string) => `${prefix}_${token}`;

const redeemSchema = z.object({
  accountId: z.string().min(1).max(200),
  code: z
    .string()
    .trim()
    .min(1, { error: "Enter a promotional code." })
    .max(64, { error: "Promotional codes are at most 64 characters." }),
});

export type Redeemed = { kind: "ladder" | "coupon" | "discount"; id: string; name: string; code: string };

const redeem = accountAction(redeemSchema, ["admin", "operator"], async (input, { account }): Promise<ActionResult<Redeemed>> => {
  const db = getDb();
  // The engine names what it creates once it knows the promotion's kind.
  const token = randomUUID().replace(/-/g, "").slice(0, 16);
  const as = { activation: newId("act", token), credit: newId("cr", token) };
  const result = await engine.redeem(db.store, await appNow(db), { accountId: account.id, code: input.code, as });
  if (!result.ok) return { ok: false, error: result.error, message: failureMessage(result, account) };
  return {
    ok: true,
    kind: result.kind,
    id: result.activationId ?? result.creditId ?? as.credit,
    name: result.promotionName,
    code: result.code.toUpperCase(),
  };
});

/** accountAction's own refusals in this page's words: who may do this, or what the input is missing. */
function reword<T extends object>(result: ActionResult<T>, forbidden: string): ActionResult<T> {
  if (result.ok) return result;
  if (result.error === "forbidden") return { ...result, message: forbidden };
  const fieldError = Object.values(result.fieldErrors ?? {}).flat()[0];
  return fieldError ? { ...result, message: fieldError } : result;
}

export async function redeemCode(raw: unknown): Promise<ActionResult<Redeemed>> {
  return reword(await redeem(raw), whoMay.redeem);
}

const assignSchema = z.object({
  accountId: z.string().min(1).max(200),
  creditId: z.string().min(1).max(200),
  campaignIds: z
    .array(z.string().min(1).max(200))
    .min(1, { error: "Select at least one campaign." })
    .max(100),
});

type Changed = { changed: string[]; assignedCampaigns: number };

function change(action: "assign" | "unassign") {
  return accountAction(assignSchema, ["admin"], async (input, { account, role, user }): Promise<ActionResult<Changed>> => {
    const db = getDb();
    // The credit and every campaign must be this account's: ids typed into the request cannot reach
    // another account's rows, whatever role the user has there.
    const credit = await creditOfAccount(db, account.id, input.creditId);
    const ids = [...new Set(input.campaignIds)];
    if (!credit || (await campaignsOfAccount(db, account.id, ids)).length !== ids.length)
      return { ok: false, error: "not_found", message: "We couldn't find that credit or campaign on this ad account." };
    const op = action === "assign" ? engine.assign : engine.unassign;
    const result = await op(db.store, await appNow(db), { creditId: credit.id, campaignIds: ids, actorRole: role, actorUserId: user.id });
    if (!result.ok) return { ok: false, error: result.error, message: failureMessage(result, account) };
    return { ok: true, changed: result.changed, assignedCampaigns: result.assignedCampaigns };
  });
}

const assign = change("assign");
const unassign = change("unassign");

export async function assignCampaigns(raw: unknown): Promise<ActionResult<Changed>> {
  return reword(await assign(raw), whoMay.assign);
}

export async function unassignCampaigns(raw: unknown): Promise<ActionResult<Changed>> {
  return reword(await unassign(raw), whoMay.assign);
}
