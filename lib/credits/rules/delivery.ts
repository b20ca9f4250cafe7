// Delivery simulation (SPEC section 5, `simulate`): a daily budget spread over the 24 UTC hours so that a
// day sums exactly to the budget.
import { HOUR } from "./time";

/** The amount spent in hour h (1–24) of a UTC day with daily budget B. */
export function hourlyAmount(budget: number, h: number): number {
  return Math.floor((budget * h) / 24) - Math.floor((budget * (h - 1)) / 24);
}

/** The hour of the UTC day that ends at `boundary` (a whole hour): 1–24, midnight being 24. */
export function hourEndedAt(boundary: number): number {
  return new Date(boundary).getUTCHours() || 24;
}

/** The charge ids of one hour's delivery, `"<campaignId>@<ISO time of the boundary>"` (the time formatted once). */
export function chargeIdsAt(boundary: number): (campaignId: string) => string {
  const suffix = `@${new Date(boundary).toISOString()}`;
  return (campaignId) => campaignId + suffix;
}

export const chargeIdFor = (campaignId: string, boundary: number) => chargeIdsAt(boundary)(campaignId);

export { HOUR };
