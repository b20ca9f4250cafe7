import { describe, expect, it } from "vitest";
import { currencySymbol, formatMoney, formatMoneyShort, minorPerMajor } from "./format";

// Money leaves the engine as integer minor units and is only turned into text here (Standards: money is
// integer minor units everywhere). The coupon summary sends these strings to the browser (lib/queries/coupons).
describe("money formatting", () => {
  it("prints minor units in the currency's own precision", () => {
    expect(formatMoney(150_050, "USD")).toBe("$1,500.50");
    expect(formatMoney(2_000, "JPY")).toBe("¥2,000");
    expect([minorPerMajor("USD"), minorPerMajor("JPY")]).toEqual([100, 1]);
  });

  it("drops the cents of whole amounts in short labels, and keeps them otherwise", () => {
    expect(formatMoneyShort(150_000, "USD")).toBe("$1,500");
    expect(formatMoneyShort(150_050, "USD")).toBe("$1,500.50");
    expect(formatMoneyShort(2_000, "JPY")).toBe("¥2,000");
    // The short and the full formatter are cached apart: one does not take the other's place.
    expect(formatMoney(150_000, "USD")).toBe("$1,500.00");
  });

  it("names the symbol a money field shows", () => {
    expect(["USD", "EUR", "JPY"].map(currencySymbol)).toEqual(["$", "€", "¥"]);
  });
});
