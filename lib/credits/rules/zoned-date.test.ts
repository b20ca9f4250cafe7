import { describe, expect, it } from "vitest";
import { parseIsoDate, startOfZonedDay, zonedIsoDate, zonedIsoDateTime, zoneOffset } from "./zoned-date";

describe("calendar days in an account's time zone", () => {
  it("starts a New York day at 05:00 UTC in winter and 04:00 UTC in summer", () => {
    expect(new Date(startOfZonedDay("2026-11-20", "America/New_York")).toISOString()).toBe("2026-11-20T05:00:00.000Z");
    expect(new Date(startOfZonedDay("2026-07-04", "America/New_York")).toISOString()).toBe("2026-07-04T04:00:00.000Z");
  });

  it("ends a day where the next one starts, across a DST change (a 25-hour day)", () => {
    const start = startOfZonedDay("2026-11-01", "America/New_York");
    const end = startOfZonedDay("2026-11-01", "America/New_York", 1);
    expect(end - start).toBe(25 * 3_600_000);
  });

  it("handles zones east of UTC and UTC itself", () => {
    expect(new Date(startOfZonedDay("2026-01-01", "Asia/Tokyo")).toISOString()).toBe("2025-12-31T15:00:00.000Z");
    expect(new Date(startOfZonedDay("2026-01-01", "UTC")).toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(zoneOffset(Date.UTC(2026, 0, 1), "Asia/Kolkata")).toBe(5.5 * 3_600_000);
  });

  it("accepts only real calendar dates", () => {
    expect(parseIsoDate("2026-02-28")).toEqual([2026, 2, 28]);
    expect(parseIsoDate("2026-02-30")).toBeNull();
    expect(parseIsoDate("2026-2-3")).toBeNull();
    expect(parseIsoDate("yesterday")).toBeNull();
  });

  it("prints an instant as the local date and ISO time with offset", () => {
    const t = Date.UTC(2026, 10, 21, 3, 0, 0);
    expect(zonedIsoDate(t, "America/New_York")).toBe("2026-11-20");
    expect(zonedIsoDateTime(t, "America/New_York")).toBe("2026-11-20T22:00:00-05:00");
    expect(zonedIsoDateTime(t, "Asia/Kolkata")).toBe("2026-11-21T08:30:00+05:30");
  });
});
