"use server";
// The Campaigns page's writes: create (launch) a campaign, pause or resume it, change its daily budget.
// Each goes through accountAction (zod, session, membership; admins and operators, never analysts) and
// then an engine operation; a campaign id typed into the request must be one of this account's.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/db/app";
import { adProducts } from "@/db/schema";
import { accountAction, type ActionResult } from "@/lib/actions/account-action";
import { dailyBudget } from "@/lib/campaigns/budget";
import { appNow } from "@/lib/clock";
import * as engine from "@/lib/credits";
import type { Failure } from "@/lib/credits";
import { failureMessage, whoMay } from "@/lib/messages";
import { campaignOfAccount } from "@/lib/queries/campaigns";

const WHO = ["admin", "operator"] as const;
const accountId = z.string().min(1).max(200);
const campaignId = z.string().min(1).max(200);

const NOT_FOUND = "We couldn't find that campaign on this ad account.";

/** An engine refusal in this page's words where they say more than the general ones. */
function say(f: Failure, timeZone: string, doing: "create" | "pause" | "resume" | "budget"): string {
  if (f.error === "payment_method_required")
    return "Add a payment method on Billing first: automatic payment bills your campaigns' delivery to your card.";
  if (f.error === "campaign_not_delivering" && doing === "pause") return "Only active or scheduled campaigns can be paused.";
  if (f.error === "campaign_not_delivering" && doing === "resume") return "Only paused campaigns can be resumed.";
  return failureMessage(f, { timeZone });
}

/** accountAction's own refusal of an analyst, in this page's words. */
function reword<T extends object>(result: ActionResult<T>): ActionResult<T> {
  return !result.ok && result.error === "forbidden" ? { ...result, message: whoMay.changeCampaigns } : result;
}

async function after<T extends object>(pending: Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  return reword(await pending);
}

const createSchema = z.object({
  accountId,
  name: z
    .string({ error: "Enter a campaign name." })
    .trim()
    .min(1, { error: "Enter a campaign name." })
    .max(100, { error: "Use at most 100 characters." }),
  adProduct: z.enum(adProducts, { error: "Choose an ad product." }),
  dailyBudget: z.string({ error: "Enter a daily budget." }).max(30, { error: "Enter a daily budget like 50.00." }),
});

const create = accountAction(createSchema, WHO, async (input, { account }): Promise<ActionResult<{ campaignId: string; name: string }>> => {
  const budget = dailyBudget(account.currency).safeParse(input.dailyBudget);
  if (!budget.success) {
    const message = budget.error.issues[0]?.message ?? "Enter a daily budget.";
    return { ok: false, error: "invalid_input", message, fieldErrors: { dailyBudget: [message] } };
  }
  const db = getDb();
  const id = `cmp_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const result = await engine.launchCampaign(db.store, await appNow(db), { id, accountId: account.id, name: input.name, adProduct: input.adProduct, dailyBudget: budget.data });
  if (!result.ok) return { ok: false, error: result.error, message: say(result, account.timeZone, "create") };
  return { ok: true, campaignId: id, name: input.name };
});

export async function createCampaign(raw: unknown) {
  return after(create(raw));
}

type Changed = { status: string };

function statusChange(op: "pause" | "resume") {
  return accountAction(z.object({ accountId, campaignId }), WHO, async (input, { account }): Promise<ActionResult<Changed>> => {
    const db = getDb();
    const campaign = await campaignOfAccount(db, account.id, input.campaignId);
    if (!campaign) return { ok: false, error: "not_found", message: NOT_FOUND };
    const run = op === "pause" ? engine.pauseCampaign : engine.resumeCampaign;
    const result = await run(db.store, await appNow(db), { campaignId: campaign.id });
    if (!result.ok) return { ok: false, error: result.error, message: say(result, account.timeZone, op) };
    return { ok: true, status: result.status };
  });
}

const pause = statusChange("pause");
const resume = statusChange("resume");

export async function pauseCampaign(raw: unknown) {
  return after(pause(raw));
}

export async function resumeCampaign(raw: unknown) {
  return after(resume(raw));
}

const budgetSchema = z.object({ accountId, campaignId, dailyBudget: z.string({ error: "Enter a daily budget." }).max(30, { error: "Enter a daily budget like 50.00." }) });

const setBudget = accountAction(budgetSchema, WHO, async (input, { account }): Promise<ActionResult<{ dailyBudget: number }>> => {
  const budget = dailyBudget(account.currency).safeParse(input.dailyBudget);
  if (!budget.success) {
    const message = budget.error.issues[0]?.message ?? "Enter a daily budget.";
    return { ok: false, error: "invalid_input", message, fieldErrors: { dailyBudget: [message] } };
  }
  const db = getDb();
  const campaign = await campaignOfAccount(db, account.id, input.campaignId);
  if (!campaign) return { ok: false, error: "not_found", message: NOT_FOUND };
  const result = await engine.setDailyBudget(db.store, await appNow(db), { campaignId: campaign.id, dailyBudget: budget.data });
  if (!result.ok) return { ok: false, error: result.error, message: say(result, account.timeZone, "budget") };
  return { ok: true, dailyBudget: result.dailyBudget };
});

export async function updateDailyBudget(raw: unknown) {
  return after(setBudget(raw));
}
