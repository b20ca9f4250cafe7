// The engine's read side for a ladder in progress (R4, R5): the tier it is working towards and the whole
// days left in its window. (The tier reached is the activation's own `tierReached`, kept live by R5.) Pure
// functions of what the database holds, so the coupon card, Home's progress bar and the Promotions page all
// say the same thing.
import { DAY } from "./rules/time";
import type { Tier } from "./rules/ladder";

/** The tier progress is measured against: the first not reached yet, or the top one once all are. */
export function nextTier<T extends Tier>(tiers: readonly T[], spend: number): T | undefined {
  return tiers.find((t) => spend < t.spend) ?? tiers[tiers.length - 1];
}

/** Whole days until the window ends, rounded up; 0 once it has ended. */
export function daysLeft(windowEndsAt: number, now: number): number {
  return Math.max(0, Math.ceil((windowEndsAt - now) / DAY));
}
