// The engine's read side for a ladder in progress (R4, R5): the tier it is working towards, the reward it
// would pay now, and the whole days left in its window. Pure functions of what the database holds, so the
// coupon card, Home's progress bar and the Promotions page all say the same thing.
import { DAY } from "./rules/time";
import { tierReached, type Tier } from "./rules/ladder";

/** The tier progress is measured against: the first not reached yet, or the top one once all are. */
export function nextTier<T extends Tier>(tiers: readonly T[], spend: number): T | undefined {
  return tiers.find((t) => spend < t.spend) ?? tiers[tiers.length - 1];
}

/** The reward the activation would pay if it completed now (R5: the highest tier reached), or null. */
export function currentReward(tiers: readonly Tier[], spend: number): number | null {
  const reached = tierReached(tiers, spend);
  return reached === null ? null : tiers[reached]!.reward;
}

/** Whole days until the window ends, rounded up; 0 once it has ended. */
export function daysLeft(windowEndsAt: number, now: number): number {
  return Math.max(0, Math.ceil((windowEndsAt - now) / DAY));
}
