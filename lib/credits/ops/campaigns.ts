// What an advertiser does to campaigns: launch one, pause and resume it, change its daily budget.
// Unlike `createCampaign`/`setCampaignStatus` (which set up any state, for scenario files and the seed),
// these follow the product's rules: an automatic-billing account bills delivery to its card, so with no
// payment method linked it cannot launch or resume a campaign (`payment_method_required`). A frozen
// account's campaigns keep delivering (R4), so freezing does not stop any of these.
import type { AdAccount, AdProduct, Campaign } from "@/db/schema";
import { fail } from "../errors";
import type { Store } from "../store/store";
import { isNonNegativeInt } from "../tx";
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
export async function launchCampaign(store: Store, now: number, input: LaunchCampaignInput) {
  if (!validId(input.id) || !isNonNegativeInt(input.dailyBudget ?? 0)) fail("invalid_input");
  const account = await loadAccount(store, input.accountId);
  if (await store.campaignExists(input.id)) fail("already_exists", { entity: "campaign", id: input.id });
  mustBeAbleToPay(account);
  return createCampaign(store, now, { ...input, status: "active" });
}

async function setStatus(store: Store, campaign: Campaign, status: Campaign["status"]) {
  await store.setCampaignStatus(campaign.id, status);
  return { campaignId: campaign.id, status };
}

/**
 * Stops an active or scheduled campaign's delivery. Pausing a paused campaign changes nothing; a draft or
 * archived one has no delivery to stop (`campaign_not_delivering`).
 */
export async function pauseCampaign(store: Store, _now: number, input: { campaignId: string }) {
  const campaign = await loadCampaign(store, input.campaignId);
  if (campaign.status === "paused") return { campaignId: campaign.id, status: campaign.status };
  if (campaign.status !== "active" && campaign.status !== "scheduled")
    fail("campaign_not_delivering", { campaignId: campaign.id, status: campaign.status });
  return setStatus(store, campaign, "paused");
}

/**
 * Makes a paused campaign active again. Resuming an active campaign changes nothing; only a paused one can
 * be resumed (`campaign_not_delivering` otherwise).
 */
export async function resumeCampaign(store: Store, _now: number, input: { campaignId: string }) {
  const campaign = await loadCampaign(store, input.campaignId);
  if (campaign.status === "active") return { campaignId: campaign.id, status: campaign.status };
  if (campaign.status !== "paused") fail("campaign_not_delivering", { campaignId: campaign.id, status: campaign.status });
  mustBeAbleToPay(await loadAccount(store, campaign.accountId));
  return setStatus(store, campaign, "active");
}

/**
 * Changes a campaign's daily budget (a non-negative integer, as `createCampaign` accepts). Delivery
 * (`simulate`) reads the budget each hour, so the next hour spends its share of the new budget.
 */
export async function setDailyBudget(store: Store, _now: number, input: { campaignId: string; dailyBudget: number }) {
  if (!isNonNegativeInt(input.dailyBudget)) fail("invalid_input", "the daily budget must be a non-negative integer");
  const campaign = await loadCampaign(store, input.campaignId);
  await store.setDailyBudget(campaign.id, input.dailyBudget);
  return { campaignId: campaign.id, dailyBudget: input.dailyBudget };
}
