// R7: redemption checks, in SPEC order, first failure wins. R8 reuses the account part. Each refusal
// carries the facts that explain it.
import type { AccountKind, Eligibility } from "@/db/schema";
import { refusal, type Ineligibility, type Refusal } from "../errors";
import { DAY } from "./time";

/** Codes compare case-insensitively, ignoring spaces and dashes. */
export const normalizeCode = (code: string): string => code.toUpperCase().replace(/[\s-]+/g, "");

export type CodeFacts = {
  receivedAt: number;
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

/** The exclusive promotion an account is already earning or has qualified for (R7's promotion_conflict). */
export type ExclusiveActivation = { activationId: string; promotionName: string };

/** code_not_found → code_expired → code_already_redeemed → code_used_up. */
export function checkCode(code: CodeFacts | null, now: number): Refusal | null {
  if (!code) return refusal("code_not_found", {});
  if (now >= code.activationDeadline)
    return refusal("code_expired", {
      deadline: code.activationDeadline,
      activationDays: Math.round((code.activationDeadline - code.receivedAt) / DAY),
    });
  if (code.redeemedByAccount) return refusal("code_already_redeemed", {});
  if (code.redemptionCount >= code.maxRedemptions) return refusal("code_used_up", { maxRedemptions: code.maxRedemptions });
  return null;
}

/** The first eligibility rule the account fails, or null when it is eligible. */
export function ineligibility(e: Eligibility, a: Pick<AccountFacts, "kind" | "priorPaidHistory" | "country">): Ineligibility | null {
  if (e.selfServeOnly && a.kind !== "self_serve") return "self_serve_only";
  if (e.newAdvertisersOnly && a.priorPaidHistory) return "new_advertisers_only";
  if (e.countries?.length && !e.countries.includes(a.country)) return "country";
  return null;
}

/**
 * account_frozen → account_ineligible → payment_method_required → currency_mismatch → promotion_conflict.
 * `exclusiveActivation`: the account's earning or qualified activation of an exclusive promotion, if any.
 */
export function checkAccount(
  p: PromotionFacts,
  a: AccountFacts,
  exclusiveActivation: ExclusiveActivation | null,
): Refusal | null {
  if (a.frozen) return refusal("account_frozen", {});
  const rule = ineligibility(p.eligibility, a);
  if (rule) return refusal("account_ineligible", { rule, kind: a.kind, country: a.country });
  if (!a.paymentMethod) return refusal("payment_method_required", {});
  if (p.currency !== a.currency)
    return refusal("currency_mismatch", { promotionCurrency: p.currency, accountCurrency: a.currency });
  if (p.exclusive && exclusiveActivation) return refusal("promotion_conflict", exclusiveActivation);
  return null;
}
