// R5: tiers of a Spend X, Get Y ladder. Rewards do not add up: the highest tier reached wins.
export type Tier = { spend: number; reward: number };

/** 0-based index of the highest tier whose threshold `spend` reaches, or null. Tiers ascend by spend. */
export function tierReached(tiers: readonly Tier[], spend: number): number | null {
  let reached: number | null = null;
  tiers.forEach((tier, i) => {
    if (spend >= tier.spend) reached = i;
  });
  return reached;
}

export function reachedTopTier(tiers: readonly Tier[], spend: number): boolean {
  const top = tiers[tiers.length - 1];
  return top !== undefined && spend >= top.spend;
}

/** Tiers must be non-empty, with positive integers, strictly ascending by spend. */
export function validTiers(tiers: readonly Tier[]): boolean {
  return (
    tiers.length > 0 &&
    tiers.every(
      (t, i) =>
        Number.isSafeInteger(t.spend) &&
        Number.isSafeInteger(t.reward) &&
        t.spend > 0 &&
        t.reward > 0 &&
        (i === 0 || t.spend > tiers[i - 1]!.spend),
    )
  );
}
