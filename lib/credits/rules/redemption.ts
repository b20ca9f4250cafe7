// R7: redemption checks, in SPEC order, first failure wins. R8 reuses the account part.
import type { AccountKind, Eligibility } from "@/db/schema";
import type { ErrorCode } from "../errors";

/** Codes compare case-insensitively, ignoring spaces and dashes. */
export const normalizeCode = (code: string): string => code.toUpperCase().replace(/[\s-]+/g, "");

export type CodeFacts = {
  activationDeadline: number;
  maxRedemptions: number;
  redemptionCount: number;
  redeemedByAccount: boolean;
};

export type AccountFacts = {
  frozen: boolean;
  kind: AccountKind;
  priorPaidHistory: boolean;
  country: string;
  paymentMethod: boolean;
  currency: string;
};

export type PromotionFacts = { currency: string; eligibility: Eligibility; exclusive: boolean };

/** code_not_found → code_expired → code_already_redeemed → code_used_up. */
export function checkCode(code: CodeFacts | null, now: number): ErrorCode | null {
  if (!code) return "code_not_found";
  if (now >= code.activationDeadline) return "code_expired";
  if (code.redeemedByAccount) return "code_already_redeemed";
  if (code.redemptionCount >= code.maxRedemptions) return "code_used_up";
  return null;
}

export function isEligibleAccount(e: Eligibility, a: AccountFacts): boolean {
  if (e.selfServeOnly && a.kind !== "self_serve") return false;
  if (e.newAdvertisersOnly && a.priorPaidHistory) return false;
  if (e.countries?.length && !e.countries.includes(a.country)) return false;
  return true;
}

/**
 * account_frozen → account_ineligible → payment_method_required → currency_mismatch → promotion_conflict.
 * `hasExclusiveActivation`: the account has an earning or qualified activation of an exclusive promotion.
 */
export function checkAccount(
  p: PromotionFacts,
  a: AccountFacts,
  hasExclusiveActivation: boolean,
): ErrorCode | null {
  if (a.frozen) return "account_frozen";
  if (!isEligibleAccount(p.eligibility, a)) return "account_ineligible";
  if (!a.paymentMethod) return "payment_method_required";
  if (p.currency !== a.currency) return "currency_mismatch";
  if (p.exclusive && hasExclusiveActivation) return "promotion_conflict";
  return null;
}
