import { describe, expect, it } from "vitest";
import { reachedTopTier, tierReached, validTiers } from "./ladder";

describe("R5 ladder tiers", () => {
  const tiers = [
    { spend: 5_000, reward: 2_000 },
    { spend: 20_000, reward: 10_000 },
  ];
  it("the tier reached is the highest threshold met; rewards do not add up (R5)", () => {
    expect(tierReached(tiers, 4_999)).toBeNull();
    expect(tierReached(tiers, 5_000)).toBe(0);
    expect(tierReached(tiers, 19_999)).toBe(0);
    expect(tierReached(tiers, 20_000)).toBe(1);
    expect(reachedTopTier(tiers, 19_999)).toBe(false);
    expect(reachedTopTier(tiers, 20_000)).toBe(true);
  });
  it("tiers must ascend by spend and be positive integers (SPEC §5 settled details)", () => {
    expect(validTiers(tiers)).toBe(true);
    expect(validTiers([])).toBe(false);
    expect(validTiers([tiers[1]!, tiers[0]!])).toBe(false);
    expect(validTiers([{ spend: 10.5, reward: 1 }])).toBe(false);
  });
});
