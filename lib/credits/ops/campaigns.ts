// What an advertiser does to campaigns: launch one, pause and resume it, change its daily budget.
// Unlike `createCampaign`/`setCampaignStatus` (which set up any state, for scenario files and the seed),
// these follow the product's rules: an automatic-billing account bills delivery to its card, so with no
// payment method linked it cannot launch or resume a campaign (`payment_method_required`). A frozen
// account's campaigns keep delivering (R4), so freezing does not stop any of these.
import { eq } from "drizzle-orm";
import { campaigns, type AdAccount, type AdProduct, type Campaign } from "@/db/schema";
import { fail } from "../errors";
import { isNonNegativeInt, type Tx } from "../tx";
import { validId } from "../rules/ranges";
import { createCampaign } from "./accounts";
import { loadAccount, loadCampaign } from "./ledger";

function mustBeAbleToPay(account: AdAccount) {
  if (account.billing === "automatic" && !account.paymentMethod) fail("payment_method_required");
}

export type LaunchCampaignInput = { id: string; accountId: string; name?: string; adProduct: AdProduct; dailyBudget?: number };

/**
 * Creates an `active` campaign, as an advertiser's `Create campaign` does. Its ranges are
 * `createCampaign`'s; checks run in SPEC's order: range, existence, then the payment method.
 */
export function launchCampaign(tx: Tx, now: number, input: LaunchCampaignInput) {
  if (!validId(input.id) || !isNonNegativeInt(input.dailyBudget ?? 0)) fail("invalid_input");
  const account = loadAccount(tx, input.accountId);
  if (tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, input.id)).get())
    fail("already_exists", { entity: "campaign", id: input.id });
  mustBeAbleToPay(account);
  return createCampaign(tx, now, { ...input, status: "active" });
}

function setStatus(tx: Tx, campaign: Campaign, status: Campaign["status"]) {
  tx.update(campaigns).set({ status }).where(eq(campaigns.id, campaign.id)).run();
  return { campaignId: campaign.id, status };
}

/**
 * Stops an active or scheduled campaign's delivery. Pausing a paused campaign changes nothing; a draft or
 * archived one has no delivery to stop (`campaign_not_delivering`).
 */
export function pauseCampaign(tx: Tx, _now: number, input: { campaignId: string }) {
  const campaign = loadCampaign(tx, input.campaignId);
  if (campaign.status === "paused") return { campaignId: campaign.id, status: campaign.status };
  if (campaign.status !== "active" && campaign.status !== "scheduled")
    fail("campaign_not_delivering", { campaignId: campaign.id, status: campaign.status });
  return setStatus(tx, campaign, "paused");
}

/**
 * Makes a paused campaign active again. Resuming an active campaign changes nothing; only a paused one can
 * be resumed (`campaign_not_delivering` otherwise).
 */
export function resumeCampaign(tx: Tx, _now: number, input: { campaignId: string }) {
  const campaign = loadCampaign(tx, input.campaignId);
  if (campaign.status === "active") return { campaignId: campaign.id, status: campaign.status };
  if (campaign.status !== "paused") fail("campaign_not_delivering", { campaignId: campaign.id, status: campaign.status });
  mustBeAbleToPay(loadAccount(tx, campaign.accountId));
  return setStatus(tx, campaign, "active");
}

/**
 * Changes a campaign's daily budget (a non-negative integer, as `createCampaign` accepts). Delivery
 * (`simulate`) reads the budget each hour, so the next hour spends its share of the new budget.
 */
export function setDailyBudget(tx: Tx, _now: number, input: { campaignId: string; dailyBudget: number }) {
  if (!isNonNegativeInt(input.dailyBudget)) fail("invalid_input", "the daily budget must be a non-negative integer");
  const campaign = loadCampaign(tx, input.campaignId);
  tx.update(campaigns).set({ dailyBudget: input.dailyBudget }).where(eq(campaigns.id, campaign.id)).run();
  return { campaignId: campaign.id, dailyBudget: input.dailyBudget };
}
