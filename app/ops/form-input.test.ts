import { describe, expect, it } from "vitest";
import { checkbox, money, wholeNumber } from "./form-input";

describe("ops form input", () => {
  it("turns dollars into cents with the field's own message on failure", () => {
    expect(money().parse("200.00")).toBe(20_000);
    expect(money(0).parse("5000")).toBe(5000);
    const r = money().safeParse("1.999");
    expect(r.success ? null : r.error.issues[0]?.message).toBe("Use at most 2 decimals.");
  });

  it("takes whole numbers in range only", () => {
    const days = wholeNumber("days", 1, 365);
    expect(days.parse(" 30 ")).toBe(30);
    for (const bad of ["0", "366", "1.5", "-3", "", "ten"]) expect(days.safeParse(bad).success).toBe(false);
  });

  it("reads a checkbox as ticked only when the browser sent it", () => {
    expect(checkbox.parse("on")).toBe(true);
    expect(checkbox.parse(undefined)).toBe(false);
  });
});
