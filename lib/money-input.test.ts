import { describe, expect, it } from "vitest";
import { parseMoney } from "./money-input";

const minor = (s: string, digits?: number) => {
  const r = parseMoney(s, digits);
  return r.ok ? r.minor : r.message;
};

describe("parseMoney: dollars typed by a person become integer cents without floats", () => {
  it("reads whole amounts, cents and a trailing dot", () => {
    expect(minor("200")).toBe(20_000);
    expect(minor("200.00")).toBe(20_000);
    expect(minor("200.5")).toBe(20_050);
    expect(minor("7.")).toBe(700);
    expect(minor("0.01")).toBe(1);
  });

  it("is exact where a float is not", () => {
    expect(minor("0.29")).toBe(29);
    expect(minor("1.15")).toBe(115);
    expect(minor("4.35")).toBe(435);
    expect(minor("9007199254740.99")).toBe(900_719_925_474_099);
  });

  it("accepts thousands separators, a dollar sign and spaces around", () => {
    expect(minor(" $1,250.50 ")).toBe(125_050);
  });

  it("rejects more than two decimals", () => {
    expect(minor("1.005")).toBe("Use at most 2 decimals.");
  });

  it("rejects empty, zero, negative, exponent and non-numeric input", () => {
    expect(minor("")).toBe("Enter an amount.");
    expect(minor("0.00")).toBe("Enter an amount above zero.");
    for (const s of ["-5", "1e3", "abc", "1.2.3", ".5", "Infinity", "0x10"]) expect(minor(s)).toBe("Enter an amount like 200.00.");
  });

  it("rejects amounts beyond a safe integer of cents", () => {
    expect(minor("90071992547409.92")).toBe("That amount is too large.");
  });

  it("follows the currency's decimals: none for yen", () => {
    expect(minor("5000", 0)).toBe(5000);
    expect(minor("50.5", 0)).toBe("This currency has no cents.");
  });
});
