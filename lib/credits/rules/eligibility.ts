// R1: may this credit pay for a charge on campaign C of account A at time t?
import type { AdProduct, CreditStatus, CreditType, Requirement, Restrictions } from "@/db/schema";
import { admits } from "./restrictions";

export type CreditFacts = {
  id: string;
  accountId: string;
  type: CreditType;
  currency: string;
  percent: number | null;
  unused: number;
  status: CreditStatus;
  issuedAt: number;
  expiresAt: number;
  restrictions: Restrictions;
  requirement: Requirement;
};

export type ChargeContext = {
  t: number;
  accountId: string;
  currency: string;
  country: string;
  frozen: boolean;
  /** Cash balance before the charge (conditional credits' requirement). */
  cashBalance: number;
  adProduct: AdProduct;
  /** Credits currently assigned to the campaign being charged. */
  assignedCreditIds: ReadonlySet<string>;
};

export function requirementHolds(req: Requirement, ctx: ChargeContext): boolean {
  return req.minCashBalance === undefined || ctx.cashBalance >= req.minCashBalance;
}

export function isEligible(c: CreditFacts, ctx: ChargeContext): boolean {
  if (c.accountId !== ctx.accountId || ctx.frozen) return false;
  if (!(c.issuedAt <= ctx.t && ctx.t < c.expiresAt)) return false;
  if (c.unused <= 0 || c.status !== "active" || c.currency !== ctx.currency) return false;
  if (!admits(c.restrictions, ctx.adProduct, ctx.country)) return false;
  if (c.type === "assignable" && !ctx.assignedCreditIds.has(c.id)) return false;
  if (c.type === "conditional" && !requirementHolds(c.requirement, ctx)) return false;
  return true;
}
