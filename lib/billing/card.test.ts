import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cardBrand, cardForm, luhnValid, NOT_ACCEPTED, parseExpiry } from "./card";

const NOW = Date.UTC(2026, 10, 22); // 22 Nov 2026
const good = { number: "4242 4242 4242 4242", expiry: "12/27", cvc: "123", name: "Ada Lovelace" };
const errorsOf = (input: object): Record<string, string[] | undefined> | null => {
  const r = cardForm(NOW).safeParse(input);
  return r.success ? null : z.flattenError(r.error).fieldErrors;
};

describe("sandbox card checks (SPEC 6.1 Billing)", () => {
  it("Luhn accepts the networks' test numbers and refuses a changed digit", () => {
    for (const n of ["4242424242424242", "5555555555554444", "378282246310005", "6011111111111117", "3530111333300000", "36227206271667", "6200000000000005"])
      expect(luhnValid(n), n).toBe(true);
    expect(luhnValid("4242424242424241")).toBe(false);
    expect(luhnValid("4242-4242")).toBe(false);
  });

  it("reads the brand from the number's prefix and length", () => {
    expect(cardBrand("4242424242424242")).toBe("visa");
    expect(cardBrand("5555555555554444")).toBe("mastercard");
    expect(cardBrand("2223003122003222")).toBe("mastercard");
    expect(cardBrand("378282246310005")).toBe("amex");
    expect(cardBrand("6011111111111117")).toBe("discover");
    expect(cardBrand("3530111333300000")).toBe("jcb");
    expect(cardBrand("36227206271667")).toBe("diners");
    expect(cardBrand("6200000000000005")).toBe("unionpay");
    expect(cardBrand("37828224631000")).toBeNull(); // amex prefix, wrong length
    expect(cardBrand("9111111111111111")).toBeNull();
  });

  it("reads MM/YY and MM/YYYY", () => {
    expect(parseExpiry("08/29")).toEqual({ month: 8, year: 2029 });
    expect(parseExpiry(" 8 / 2029 ")).toEqual({ month: 8, year: 2029 });
    expect(parseExpiry("13/29")).toBeNull();
    expect(parseExpiry("0829")).toBeNull();
  });

  it("keeps only brand, last four, expiry and name: never the number or security code", () => {
    const r = cardForm(NOW).parse(good);
    expect(r).toEqual({ brand: "visa", last4: "4242", expMonth: 12, expYear: 2027, name: "Ada Lovelace" });
    expect(JSON.stringify(r)).not.toContain("424242");
    expect(JSON.stringify(r)).not.toContain("123");
  });

  it("refuses a number failing Luhn, an unknown network, a past expiry and a short security code, field by field", () => {
    expect(errorsOf({ ...good, number: "4242 4242 4242 4241" })?.number).toEqual(["This card number isn't valid. Check the digits and try again."]);
    expect(errorsOf({ ...good, number: "9111 1111 1111 1110" })?.number).toEqual([NOT_ACCEPTED]);
    expect(errorsOf({ ...good, number: "4242" })?.number).toEqual(["A card number has 12 to 19 digits."]);
    expect(errorsOf({ ...good, expiry: "10/26" })?.expiry).toEqual(["This card has expired. Use a card that is still valid."]);
    expect(errorsOf({ ...good, expiry: "tomorrow" })?.expiry?.[0]).toMatch(/MM\/YY/);
    expect(errorsOf({ ...good, cvc: "12" })?.cvc?.[0]).toMatch(/3-digit/);
    expect(errorsOf({ ...good, number: "378282246310005", cvc: "123" })?.cvc?.[0]).toMatch(/4-digit/);
    expect(errorsOf({ ...good, name: "  " })?.name).toEqual(["Enter the name on the card."]);
  });

  it("reports every field's error at once", () => {
    expect(Object.keys(errorsOf({ number: "4242 4242 4242 4241", expiry: "", cvc: "", name: "" }) ?? {}).sort()).toEqual(["cvc", "expiry", "name", "number"]);
  });

  it("a card is good through the last day of its expiry month", () => {
    expect(errorsOf({ ...good, expiry: "11/26" })).toBeNull();
    expect(cardForm(Date.UTC(2026, 11, 1)).safeParse({ ...good, expiry: "11/26" }).success).toBe(false);
  });
});
