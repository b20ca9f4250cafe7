// What a person reads when redeeming a code (R7) or assigning a credit (R10) fails: one plain sentence per
// engine error code, with the facts that make it actionable (a deadline, a currency, a limit).
import type { AccountKind, Eligibility } from "@/db/schema";
import type { ErrorCode } from "@/lib/credits/errors";
import { formatDate } from "@/lib/format";

/** R7's failures, in the order the engine checks them. */
export const redeemErrorCodes = [
  "code_not_found",
  "code_expired",
  "code_already_redeemed",
  "code_used_up",
  "account_frozen",
  "account_ineligible",
  "payment_method_required",
  "currency_mismatch",
  "promotion_conflict",
] as const satisfies readonly ErrorCode[];

export type Ineligibility = "self_serve_only" | "new_advertisers_only" | "country";

export type RedeemContext = {
  timeZone: string;
  /** The code's activation deadline and how many days after receipt that was (code_expired). */
  deadline?: number;
  activationDays?: number;
  /** Which eligibility rule the account failed (account_ineligible). */
  ineligible?: Ineligibility | null;
  promotionCurrency?: string;
  accountCurrency?: string;
};

/** The first eligibility rule an account fails, in R7's order, or null. */
export function ineligibility(
  e: Eligibility,
  a: { kind: AccountKind; priorPaidHistory: boolean; country: string },
): Ineligibility | null {
  if (e.selfServeOnly && a.kind !== "self_serve") return "self_serve_only";
  if (e.newAdvertisersOnly && a.priorPaidHistory) return "new_advertisers_only";
  if (e.countries?.length && !e.countries.includes(a.country)) return "country";
  return null;
}

const ineligibleWords: Record<Ineligibility, string> = {
  self_serve_only: "It is only for self-serve ad accounts, and this one is managed by an agency or a Business Center.",
  new_advertisers_only: "It is only for new advertisers, and this ad account has already paid for ads.",
  country: "It isn't offered in this ad account's country.",
};

export function redeemErrorMessage(error: string, ctx: RedeemContext): string {
  switch (error) {
    case "code_not_found":
      return "We couldn't find that code. Check it and try again.";
    case "code_expired": {
      const days = ctx.activationDays ?? 14;
      const when = ctx.deadline === undefined ? "" : ` on ${formatDate(ctx.deadline, ctx.timeZone)}`;
      return `This code expired${when}. Codes must be activated within ${days} ${days === 1 ? "day" : "days"} of receipt.`;
    }
    case "code_already_redeemed":
      return "This ad account has already redeemed this code. Each code can be used once per ad account.";
    case "code_used_up":
      return "This code has been redeemed the maximum number of times and can't be used any more.";
    case "account_frozen":
      return "This ad account is frozen, so it can't redeem codes. Codes can be redeemed again once the account is reinstated.";
    case "account_ineligible":
      return `This ad account isn't eligible for this promotion. ${
        ctx.ineligible ? ineligibleWords[ctx.ineligible] : "Check the promotion's terms."
      }`;
    case "payment_method_required":
      return "Add a payment method to this ad account before activating this code.";
    case "currency_mismatch":
      return ctx.promotionCurrency && ctx.accountCurrency
        ? `This code is for ad accounts that pay in ${ctx.promotionCurrency}, and this account pays in ${ctx.accountCurrency}.`
        : "This code is for ad accounts in a different currency.";
    case "promotion_conflict":
      return "This ad account already has an exclusive promotion in progress. You can activate this code once that promotion ends.";
    case "forbidden":
      return "Your role on this ad account can't redeem codes. Ask an admin or operator.";
    case "invalid_input":
      return "Enter a promotional code.";
    default:
      return "We couldn't activate this code. Please try again.";
  }
}

/** R10's failures, plus the page's own checks. */
export const assignErrorCodes = [
  "forbidden",
  "credit_not_found",
  "not_found",
  "not_assignable",
  "credit_inactive",
  "campaign_ineligible",
  "campaign_limit_reached",
  "invalid_input",
] as const;

export function assignErrorMessage(error: string, ctx: { limit?: number } = {}): string {
  switch (error) {
    case "forbidden":
      return "Only ad-account admins can assign credits.";
    case "credit_not_found":
    case "not_found":
      return "We couldn't find that credit or campaign on this ad account.";
    case "not_assignable":
      return "This credit applies automatically and can't be assigned to campaigns.";
    case "credit_inactive":
      return "This credit is no longer active, or the ad account is frozen, so its campaigns can't change.";
    case "campaign_ineligible":
      return "At least one selected campaign can't use this credit: it must be active or scheduled, with an ad product the credit allows.";
    case "campaign_limit_reached":
      return ctx.limit
        ? `This credit can be assigned to at most ${ctx.limit} campaigns. Remove a campaign or select fewer.`
        : "This credit can't be assigned to more campaigns. Remove a campaign or select fewer.";
    case "invalid_input":
      return "Select at least one campaign.";
    default:
      return "We couldn't change this credit's campaigns. Please try again.";
  }
}
