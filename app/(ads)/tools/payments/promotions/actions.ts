"use server";
// The Promotions page's writes: redeem a code (R7), assign and unassign a credit's campaigns (R10).
// Each goes through accountAction (zod, session, membership, role), then the engine; the page's path is
// revalidated only after a write succeeded.
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { accountAction, type ActionResult } from "@/lib/actions/account-action";
import { appNow } from "@/lib/clock";
import * as engine from "@/lib/credits";
import { campaignLimit } from "@/lib/credits/rules/assignment";
import { DAY } from "@/lib/credits/rules/time";
import { campaignsOfAccount, codeFacts, creditOfAccount } from "@/lib/queries/promotions";
import { assignErrorMessage, ineligibility, redeemErrorMessage } from "@/components/promotions/messages";

const PAGE = "/tools/payments/promotions";

/** A short, unguessable id for what a redemption creates: "act_…" for a ladder, "cr_…" for a credit. */
const newId = (prefix: "act" | "cr") => `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 16)}`;

const redeemSchema = z.object({
  accountId: z.string().min(1).max(200),
  code: z
    .string()
    .trim()
    .min(1, { error: "Enter a promotional code." })
    .max(64, { error: "Promotional codes are at most 64 characters." }),
});

export type Redeemed = { kind: "ladder" | "coupon" | "discount"; id: string; name: string; code: string };

const redeem = accountAction(redeemSchema, ["admin", "operator"], (input, { account }): ActionResult<Redeemed> => {
  const db = getDb();
  const now = appNow(db);
  const facts = codeFacts(db, input.code);
  const as = newId(facts?.promotion.kind === "ladder" ? "act" : "cr");
  const result = engine.redeem(db, now, { accountId: account.id, code: input.code, as });
  if (!result.ok) {
    const message = redeemErrorMessage(result.error, {
      timeZone: account.timeZone,
      deadline: facts?.activationDeadline,
      activationDays: facts ? Math.round((facts.activationDeadline - facts.receivedAt) / DAY) : undefined,
      ineligible: facts ? ineligibility(facts.promotion.eligibility, account) : null,
      promotionCurrency: facts?.promotion.currency,
      accountCurrency: account.currency,
    });
    return { ok: false, error: result.error, message };
  }
  return {
    ok: true,
    kind: result.kind,
    id: result.activationId ?? result.creditId ?? as,
    name: facts?.promotion.name ?? input.code,
    code: input.code.toUpperCase(),
  };
});

/** accountAction's own refusals (role, input) in this page's words. */
function reword<T extends object>(result: ActionResult<T>, words: (error: string) => string): ActionResult<T> {
  if (result.ok || (result.error !== "forbidden" && result.error !== "invalid_input")) return result;
  return { ...result, message: words(result.error) };
}

export async function redeemCode(raw: unknown): Promise<ActionResult<Redeemed>> {
  const result = await redeem(raw);
  if (result.ok) revalidatePath(PAGE);
  return reword(result, (error) => redeemErrorMessage(error, { timeZone: "UTC" }));
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
  return accountAction(assignSchema, ["admin"], (input, { account, role, user }): ActionResult<Changed> => {
    const db = getDb();
    // The credit and every campaign must be this account's: ids typed into the request cannot reach
    // another account's rows, whatever role the user has there.
    const credit = creditOfAccount(db, account.id, input.creditId);
    const ids = [...new Set(input.campaignIds)];
    if (!credit || campaignsOfAccount(db, account.id, ids).length !== ids.length)
      return { ok: false, error: "not_found", message: assignErrorMessage("not_found") };
    const op = action === "assign" ? engine.assign : engine.unassign;
    const result = op(db, appNow(db), { creditId: credit.id, campaignIds: ids, actorRole: role, actorUserId: user.id });
    if (!result.ok)
      return {
        ok: false,
        error: result.error,
        message: assignErrorMessage(result.error, { limit: campaignLimit(credit.issuedAt) }),
      };
    return { ok: true, changed: result.changed, assignedCampaigns: result.assignedCampaigns };
  });
}

const assign = change("assign");
const unassign = change("unassign");

export async function assignCampaigns(raw: unknown): Promise<ActionResult<Changed>> {
  const result = await assign(raw);
  if (result.ok) revalidatePath(PAGE);
  return reword(result, assignErrorMessage);
}

export async function unassignCampaigns(raw: unknown): Promise<ActionResult<Changed>> {
  const result = await unassign(raw);
  if (result.ok) revalidatePath(PAGE);
  return reword(result, assignErrorMessage);
}
