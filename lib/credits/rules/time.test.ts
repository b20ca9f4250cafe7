import { describe, expect, it } from "vitest";
import { HOUR, hourBoundariesIn, monthStartsIn } from "./time";

const isoAll = (ts: number[]) => ts.map((t) => new Date(t).toISOString());

describe("time boundaries", () => {
  it("delivery boundaries are the whole hours in (from, to] (R15)", () => {
    const from = Date.parse("2026-01-31T22:30:00Z");
    expect(isoAll(hourBoundariesIn(from, from + 2 * HOUR))).toEqual(["2026-01-31T23:00:00.000Z", "2026-02-01T00:00:00.000Z"]);
  });
  it("monthly billing runs at 00:00 UTC on each 1st in (from, to] (R14)", () => {
    expect(isoAll(monthStartsIn(Date.parse("2026-01-01T00:00:00Z"), Date.parse("2026-03-01T00:00:00Z")))).toEqual([
      "2026-02-01T00:00:00.000Z",
      "2026-03-01T00:00:00.000Z",
    ]);
  });
});
