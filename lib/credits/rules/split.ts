// R2: the split of a charge across discount, assigned credits, free/conditional credits and out of pocket.
import { isEligible, type ChargeContext, type CreditFacts } from "./eligibility";

export type Allocation = { creditId: string; amount: number; step: 0 | 1 | 2 };
export type Split = {
  /** Every credit that paid, in the order it paid; step 0 is the discount. */
  allocations: Allocation[];
  discount: number;
  credits: number;
  outOfPocket: number;
};

/** Soonest expiry first; ties by earlier issuedAt, then id. */
export function byExpiry(a: CreditFacts, b: CreditFacts): number {
  return a.expiresAt - b.expiresAt || a.issuedAt - b.issuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function splitCharge(amount: number, candidates: readonly CreditFacts[], ctx: ChargeContext): Split {
  const eligible = candidates.filter((c) => isEligible(c, ctx)).sort(byExpiry);
  const allocations: Allocation[] = [];
  let remaining = amount;
  let discount = 0;

  const discountCredit = eligible.find((c) => c.type === "discount");
  if (discountCredit) {
    discount = Math.min(Math.floor((amount * (discountCredit.percent ?? 0)) / 100), discountCredit.unused);
    if (discount > 0) allocations.push({ creditId: discountCredit.id, amount: discount, step: 0 });
    remaining -= discount;
  }

  for (const c of eligible) if (c.type === "assignable") remaining = take(allocations, c, 1, remaining);
  for (const c of eligible) if (c.type === "free" || c.type === "conditional") remaining = take(allocations, c, 2, remaining);

  return { allocations, discount, credits: amount - discount - remaining, outOfPocket: remaining };
}

/** Pays what it can of `remaining` from credit `c` at `step`; returns what is left to pay. */
function take(allocations: Allocation[], c: CreditFacts, step: 1 | 2, remaining: number): number {
  if (remaining === 0) return 0;
  const part = Math.min(remaining, c.unused);
  allocations.push({ creditId: c.id, amount: part, step });
  return remaining - part;
}
