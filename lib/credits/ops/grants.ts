// Credits ops grant directly, and Business Center allocations (R13).
import type { CreditType, Requirement, Restrictions } from "@/db/schema";
import { fail } from "../errors";
import { validId, validRequirement, validRestrictions } from "../rules/ranges";
import type { Store } from "../store/store";
import { isPositiveInt } from "../tx";
import { issueCredit, loadAccount } from "./ledger";

export type GrantCreditInput = {
  id: string;
  accountId: string;
  type: CreditType;
  amount: number;
  percent?: number;
  validDays?: number;
  restrictions?: Restrictions;
  requirement?: Requirement;
  /** Back-dated test data only (R10's 2024 cut-off); defaults to now. */
  issuedAt?: number;
  name?: string;
};

export async function grantCredit(store: Store, now: number, input: GrantCreditInput) {
  const validDays = input.validDays ?? 30;
  const percentOk =
    input.type === "discount"
      ? Number.isSafeInteger(input.percent) && input.percent! >= 1 && input.percent! <= 100
      : input.percent === undefined;
  const issuedAt = input.issuedAt ?? now;
  if (
    !validId(input.id) ||
    !isPositiveInt(input.amount) ||
    !isPositiveInt(validDays) ||
    !percentOk ||
    issuedAt > now ||
    !validRestrictions(input.restrictions) ||
    !validRequirement(input.requirement)
  )
    fail("invalid_input");
  const account = await loadAccount(store, input.accountId);
  await issueCredit(
    store,
    {
      id: input.id,
      accountId: account.id,
      currency: account.currency,
      name: input.name ?? (input.type === "discount" ? `${input.percent}% off` : "Ad credit"),
      type: input.type,
      source: "grant",
      amount: input.amount,
      percent: input.percent ?? null,
      issuedAt,
      validDays,
      restrictions: input.restrictions,
      requirement: input.requirement,
    },
    now,
  );
  return { creditId: input.id };
}

export async function allocateFromBC(
  store: Store,
  now: number,
  input: { id: string; accountId: string; amount: number; validDays?: number; name?: string },
) {
  const validDays = input.validDays ?? 30;
  if (!validId(input.id) || !isPositiveInt(input.amount) || !isPositiveInt(validDays)) fail("invalid_input");
  const account = await loadAccount(store, input.accountId);
  await issueCredit(
    store,
    {
      id: input.id,
      accountId: account.id,
      currency: account.currency,
      name: input.name ?? "Business Center credit",
      type: "free",
      source: "business_center",
      amount: input.amount,
      issuedAt: now,
      validDays,
    },
    now,
  );
  return { creditId: input.id };
}
