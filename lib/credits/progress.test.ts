import { describe, expect, it } from "vitest";
import { daysLeft, nextTier } from "./progress";
import { DAY, HOUR } from "./rules/time";

const tiers = [
  { spend: 150_000, reward: 15_000 },
  { spend: 450_000, reward: 60_000 },
  { spend: 900_000, reward: 150_000 },
];

describe("a ladder in progress (R5)", () => {
  it("measures progress against the first tier not reached, then the top tier", () => {
    expect(nextTier(tiers, 0)).toBe(tiers[0]);
    expect(nextTier(tiers, 150_000)).toBe(tiers[1]);
    expect(nextTier(tiers, 899_999)).toBe(tiers[2]);
    expect(nextTier(tiers, 2_000_000)).toBe(tiers[2]);
    expect(nextTier([], 10)).toBeUndefined();
  });

  it("counts whole days left, rounded up, and never below zero", () => {
    const end = Date.UTC(2026, 11, 1);
    expect(daysLeft(end, end - 2 * DAY)).toBe(2);
    expect(daysLeft(end, end - 2 * DAY - HOUR)).toBe(3);
    expect(daysLeft(end, end - HOUR)).toBe(1);
    expect(daysLeft(end, end)).toBe(0);
    expect(daysLeft(end, end + DAY)).toBe(0);
  });
});
