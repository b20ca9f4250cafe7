// Error codes are SPEC's snake_case names (sections 4 and 5), nothing else.
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

/** Thrown inside an operation's transaction: rolls it back and becomes `{ ok: false, error }`. */
export class EngineError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = "EngineError";
  }
}

export type Ok<T> = { ok: true } & T;
export type Failure = { ok: false; error: ErrorCode; message: string };
export type Result<T = object> = Ok<T> | Failure;

export function fail(code: ErrorCode, detail?: string): never {
  throw new EngineError(code, detail);
}
