// What a person reads when a write fails, in one place: every engine failure in a plain sentence, built
// from the facts the failure carries (a deadline, both currencies, the rule an account failed, a limit).
// Pages and actions call these; none of them re-derives why the engine refused.
import type { AdProduct, BillingMethod, CampaignStatus } from "@/db/schema";
import type { CampaignIneligibility, Failure, Ineligibility, Refusal } from "@/lib/credits";
import { creditStatus } from "@/lib/describe";
import { formatDate, formatMoney } from "@/lib/format";
import { adProductLabel, campaignStatusLabel, roleLabel } from "@/lib/labels";

/** Who may do what, as the pages explain a disabled control and the actions refuse one. */
export const whoMay = {
  redeem: "Analysts can't redeem codes. Ask an admin or operator.",
  assign: "Only ad-account admins can assign credits.",
  changeCampaigns: "Analysts can view campaigns but can't create or change them. Ask an admin or operator.",
  manageMembers: "Only ad-account admins can manage members.",
} as const;

const ineligibleWords: Record<Ineligibility, string> = {
  self_serve_only: "It is only for self-serve ad accounts, and this one is managed by an agency or a Business Center.",
  new_advertisers_only: "It is only for new advertisers, and this ad account has already paid for ads.",
  country: "It isn't offered in this ad account's country.",
};

const billingWords: Record<BillingMethod, string> = {
  manual: "manual payment",
  automatic: "automatic card payment",
  invoice: "monthly invoicing",
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Why a campaign can't take an assignable credit (R10), for the picker and for a refused assignment. */
export function campaignIneligibleReason(
  reason: CampaignIneligibility,
  campaign: { status: CampaignStatus; adProduct: AdProduct },
): string {
  switch (reason) {
    case "not_delivering":
      return `${campaignStatusLabel[campaign.status]}: only active or scheduled campaigns can use ad credit.`;
    case "restricted_product":
      return `${adProductLabel[campaign.adProduct]} isn't one of this credit's ad products.`;
    case "other_account":
      return "This campaign belongs to another ad account.";
  }
}

/** An engine refusal in words. `timeZone` is the account's, for dates. */
export function failureMessage(f: Refusal, ctx: { timeZone: string }): string {
  switch (f.error) {
    case "invalid_input":
      return f.details.reason ? `Some values are out of range: ${f.details.reason}.` : "Some values are out of range.";
    case "not_found":
      return `We couldn't find the ${f.details.entity} “${f.details.id}”. It may have been removed.`;
    case "already_exists":
      return `There already is a ${f.details.entity} “${f.details.id}”. Choose another.`;
    case "insufficient_balance":
      return `The cash balance (${formatMoney(f.details.cashBalance, f.details.currency)}) doesn't cover the ${formatMoney(f.details.needed, f.details.currency)} this charge needs. Add funds first.`;
    case "credit_limit_exceeded":
      return `This charge needs ${formatMoney(f.details.needed, f.details.currency)} more of the credit line, which has ${formatMoney(f.details.creditLimit - f.details.creditLineUsed, f.details.currency)} left.`;
    case "idempotency_conflict":
      return `Charge “${f.details.chargeId}” was already recorded with another campaign or amount.`;
    case "campaign_not_delivering":
      return `This campaign is ${campaignStatusLabel[f.details.status].toLowerCase()}; only active campaigns deliver.`;
    case "billing_method_mismatch":
      return `Only ad accounts on manual payment take funds; this one is on ${billingWords[f.details.billing]}.`;
    case "code_not_found":
      return "We couldn't find that code. Check it and try again.";
    case "code_expired":
      return `This code expired on ${formatDate(f.details.deadline, ctx.timeZone)}. Codes must be activated within ${plural(f.details.activationDays, "day")} of receipt.`;
    case "code_already_redeemed":
      return "This ad account has already redeemed this code. Each code can be used once per ad account.";
    case "code_used_up":
      return `This code has been redeemed the maximum number of times (${f.details.maxRedemptions}) and can't be used any more.`;
    case "account_frozen":
      return "This ad account is frozen, so it can't redeem codes. Codes can be redeemed again once the account is reinstated.";
    case "account_ineligible":
      return `This ad account isn't eligible for this promotion. ${ineligibleWords[f.details.rule]}`;
    case "payment_method_required":
      return "Add a payment method to this ad account first.";
    case "currency_mismatch":
      return `This code is for ad accounts that pay in ${f.details.promotionCurrency}, and this account pays in ${f.details.accountCurrency}.`;
    case "promotion_conflict":
      return `This ad account already has an exclusive promotion in progress (“${f.details.promotionName}”). You can activate this code once that promotion ends.`;
    case "forbidden":
      return `${whoMay.assign} Your role is ${roleLabel[f.details.role].toLowerCase()}.`;
    case "credit_not_found":
      return "We couldn't find that credit on this ad account.";
    case "not_assignable":
      return "This credit applies automatically and can't be assigned to campaigns.";
    case "credit_inactive":
      return f.details.status !== "active"
        ? `This credit is ${creditStatus[f.details.status].label.toLowerCase()}, so its campaigns can't change.`
        : "This ad account is frozen, so credit assignments can't change.";
    case "campaign_ineligible":
      return `${f.details.campaignName} can't use this credit. ${campaignIneligibleReason(f.details.reason, f.details)}`;
    case "campaign_limit_reached":
      return `This credit can be assigned to at most ${plural(f.details.limit, "campaign")}, and this would make ${f.details.requested}. Remove a campaign or select fewer.`;
    case "not_frozen":
      return "That ad account is not frozen.";
    case "no_pending_appeal":
      return "That ad account has no pending appeal: it may have just been resolved.";
  }
}

/** An operator's action the engine refused: "Could not <doing>: <why>". */
export function couldNot(doing: string, f: Failure): string {
  return `Could not ${doing}: ${failureMessage(f, { timeZone: "UTC" })}`;
}
