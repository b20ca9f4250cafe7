// Error codes are SPEC's snake_case names (sections 4 and 5), nothing else. A failure carries the facts
// behind its code (a deadline, both currencies, the rule an account failed, a limit), so a caller can
// explain it without reading the database again or re-implementing the rule.
import type { AccountKind, AdProduct, BillingMethod, CampaignStatus, CreditStatus, CreditType, Role } from "@/db/schema";

export const errorCodes = [
  "invalid_input",
  "not_found",
  "already_exists",
  "insufficient_balance",
  "credit_limit_exceeded",
  "idempotency_conflict",
  "campaign_not_delivering",
  "billing_method_mismatch",
  "code_not_found",
  "code_expired",
  "code_already_redeemed",
  "code_used_up",
  "account_frozen",
  "account_ineligible",
  "payment_method_required",
  "currency_mismatch",
  "promotion_conflict",
  "forbidden",
  "credit_not_found",
  "not_assignable",
  "credit_inactive",
  "campaign_ineligible",
  "campaign_limit_reached",
  "not_frozen",
  "no_pending_appeal",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type Entity = "account" | "campaign" | "promotion" | "credit" | "code" | "activation";

/** The eligibility rule (R7) an account failed, in the order they are checked. */
export type Ineligibility = "self_serve_only" | "new_advertisers_only" | "country";

/** Why a campaign cannot take an assignable credit (R10). */
export type CampaignIneligibility = "other_account" | "not_delivering" | "restricted_product";

/** The facts each failure carries; codes not listed carry none. */
type Facts = {
  invalid_input: { reason?: string };
  not_found: { entity: Entity; id: string };
  already_exists: { entity: Entity; id: string };
  insufficient_balance: { currency: string; cashBalance: number; needed: number };
  credit_limit_exceeded: { currency: string; creditLimit: number; creditLineUsed: number; needed: number };
  idempotency_conflict: { chargeId: string };
  campaign_not_delivering: { campaignId: string; status: CampaignStatus };
  billing_method_mismatch: { billing: BillingMethod };
  /** The activation deadline, and the days after receipt it allowed. */
  code_expired: { deadline: number; activationDays: number };
  code_used_up: { maxRedemptions: number };
  account_ineligible: { rule: Ineligibility; kind: AccountKind; country: string };
  currency_mismatch: { promotionCurrency: string; accountCurrency: string };
  /** The exclusive promotion already in progress. */
  promotion_conflict: { activationId: string; promotionName: string };
  forbidden: { role: Role };
  not_assignable: { type: CreditType };
  credit_inactive: { status: CreditStatus; frozen: boolean };
  campaign_ineligible: {
    campaignId: string;
    campaignName: string;
    status: CampaignStatus;
    adProduct: AdProduct;
    reason: CampaignIneligibility;
  };
  /** How many campaigns the credit may hold, and how many it would hold after the batch. */
  campaign_limit_reached: { limit: number; requested: number };
};

export type DetailsOf<C extends ErrorCode> = C extends keyof Facts ? Facts[C] : Record<string, never>;

/** A rule's answer when it refuses: the code and its facts. */
export type Refusal = { [C in ErrorCode]: { error: C; details: DetailsOf<C> } }[ErrorCode];

// TypeScript cannot relate a generic code to its own member of the Refusal union; the signature does.
export const refusal = <C extends ErrorCode>(error: C, details: DetailsOf<C>) => ({ error, details }) as Refusal;

/** Thrown inside an operation's transaction: rolls it back and becomes `{ ok: false, error, message, details }`. */
export class EngineError extends Error {
  constructor(readonly refusal: Refusal) {
    const facts = Object.entries(refusal.details);
    super(facts.length ? `${refusal.error}: ${facts.map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(", ")}` : refusal.error);
    this.name = "EngineError";
  }

  toFailure(): Failure {
    return { ok: false, message: this.message, ...this.refusal };
  }
}

export type Ok<T> = { ok: true } & T;
export type Failure = { ok: false; message: string } & Refusal;
export type Result<T = object> = Ok<T> | Failure;

type FailArgs<C extends ErrorCode> = C extends "invalid_input"
  ? [reason?: string]
  : Record<string, never> extends DetailsOf<C>
    ? []
    : [details: DetailsOf<C>];

/** Refuses the operation with a code and its facts (`invalid_input` takes the reason in words). */
export function fail<C extends ErrorCode>(code: C, ...args: FailArgs<C>): never {
  const [arg] = args;
  const details = code === "invalid_input" ? (arg === undefined ? {} : { reason: arg }) : (arg ?? {});
  throw new EngineError(refusal(code, details as DetailsOf<C>));
}

export function refuse(r: Refusal): never {
  throw new EngineError(r);
}

/** The value of a step that must succeed (set-up in tests, the demo seed); throws with the failure otherwise. */
export function must<T extends object>(r: Result<T>, what = "engine operation"): T {
  if (!r.ok) throw new Error(`${what} failed: ${r.message}`);
  return r;
}
