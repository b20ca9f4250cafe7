"use server";
// The Campaigns page's writes: create (launch) a campaign, pause or resume it, change its daily budget.
// Each goes through accountAction (zod, session, membership; admins and operators, never analysts) and
// then an engine operation; a campaign id typed into the request must be one of this account's.
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { adProducts } from "@/db/schema";
import { accountAction, type ActionResult } from "@/lib/actions/account-action";
import { dailyBudget } from "@/lib/campaigns/budget";
import { appNow } from "@/lib/clock";
import * as engine from "@/lib/credits";
import type { ErrorCode } from "@/lib/credits";
import { campaignOfAccount } from "@/lib/queries/campaigns";

const WHO = ["admin", "operator"] as const;
const accountId = z.string().min(1).max(200);
const campaignId = z.string().min(1).max(200);

const words: Partial<Record<ErrorCode, string>> & Record<string, string | undefined> = {
  forbidden: "Analysts can view campaigns but can't create or change them. Ask an admin or operator.",
  not_found: "We couldn't find that campaign on this ad account.",
  payment_method_required: "Add a payment method on Billing first: automatic payment bills your campaigns' delivery to your card.",
  already_exists: "That campaign already exists. Please try again.",
};
const say = (error: string, fallback: string) => words[error] ?? fallback;

/** accountAction's own refusals in this page's words. */
function reword<T extends object>(result: ActionResult<T>): ActionResult<T> {
  return !result.ok && result.error === "forbidden" ? { ...result, message: say("forbidden", result.message) } : result;
}

async function after<T extends object>(pending: Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  const result = reword(await pending);
  if (result.ok) revalidatePath("/", "layout");
  return result;
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

const create = accountAction(createSchema, WHO, (input, { account }): ActionResult<{ campaignId: string; name: string }> => {
  const budget = dailyBudget(account.currency).safeParse(input.dailyBudget);
  if (!budget.success) {
    const message = budget.error.issues[0]?.message ?? "Enter a daily budget.";
    return { ok: false, error: "invalid_input", message, fieldErrors: { dailyBudget: [message] } };
  }
  const db = getDb();
  const id = `cmp_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const result = engine.launchCampaign(db, appNow(db), { id, accountId: account.id, name: input.name, adProduct: input.adProduct, dailyBudget: budget.data });
  if (!result.ok) return { ok: false, error: result.error, message: say(result.error, "We couldn't create the campaign. Please try again.") };
  return { ok: true, campaignId: id, name: input.name };
});

export async function createCampaign(raw: unknown) {
  return after(create(raw));
}

type Changed = { status: string };

function statusChange(op: "pause" | "resume") {
  return accountAction(z.object({ accountId, campaignId }), WHO, (input, { account }): ActionResult<Changed> => {
    const db = getDb();
    const campaign = campaignOfAccount(db, account.id, input.campaignId);
    if (!campaign) return { ok: false, error: "not_found", message: say("not_found", "") };
    const run = op === "pause" ? engine.pauseCampaign : engine.resumeCampaign;
    const result = run(db, appNow(db), { campaignId: campaign.id });
    if (!result.ok) {
      const fallback =
        result.error === "campaign_not_delivering"
          ? op === "pause"
            ? "Only active or scheduled campaigns can be paused."
            : "Only paused campaigns can be resumed."
          : `We couldn't ${op} ${campaign.name}. Please try again.`;
      return { ok: false, error: result.error, message: say(result.error, fallback) };
    }
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

const setBudget = accountAction(budgetSchema, WHO, (input, { account }): ActionResult<{ dailyBudget: number }> => {
  const budget = dailyBudget(account.currency).safeParse(input.dailyBudget);
  if (!budget.success) {
    const message = budget.error.issues[0]?.message ?? "Enter a daily budget.";
    return { ok: false, error: "invalid_input", message, fieldErrors: { dailyBudget: [message] } };
  }
  const db = getDb();
  const campaign = campaignOfAccount(db, account.id, input.campaignId);
  if (!campaign) return { ok: false, error: "not_found", message: say("not_found", "") };
  const result = engine.setDailyBudget(db, appNow(db), { campaignId: campaign.id, dailyBudget: budget.data });
  if (!result.ok) return { ok: false, error: result.error, message: say(result.error, "We couldn't change the budget. Please try again.") };
  return { ok: true, dailyBudget: result.dailyBudget };
});

export async function updateDailyBudget(raw: unknown) {
  return after(setBudget(raw));
}
