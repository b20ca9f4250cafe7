import { describe, expect, it } from "vitest";
import { chargeIdFor, hourEndedAt, hourlyAmount } from "./delivery";

describe("delivery (simulate, SPEC §5)", () => {
  it("hourly amounts sum exactly to the daily budget", () => {
    for (const budget of [1, 23, 24, 2_400, 9_999, 15_000]) {
      const hours = Array.from({ length: 24 }, (_, i) => hourlyAmount(budget, i + 1));
      expect(hours.reduce((a, b) => a + b, 0)).toBe(budget);
      expect(Math.min(...hours)).toBeGreaterThanOrEqual(0);
    }
  });
  it("midnight ends hour 24; charge ids are campaign@ISO boundary", () => {
    expect(hourEndedAt(Date.parse("2026-01-02T00:00:00Z"))).toBe(24);
    expect(hourEndedAt(Date.parse("2026-01-02T01:00:00Z"))).toBe(1);
    expect(chargeIdFor("c1", Date.parse("2026-01-02T01:00:00Z"))).toBe("c1@2026-01-02T01:00:00.000Z");
  });
});
