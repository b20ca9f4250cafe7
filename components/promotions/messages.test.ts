import { describe, expect, it } from "vitest";
import { errorCodes } from "@/lib/credits";
import {
  assignErrorCodes,
  assignErrorMessage,
  ineligibility,
  redeemErrorCodes,
  redeemErrorMessage,
} from "./messages";

const ctx = { timeZone: "America/New_York" };
const fallback = redeemErrorMessage("something_else", ctx);

describe("redemption messages (R7)", () => {
  it("covers every R7 code with its own sentence", () => {
    const messages = redeemErrorCodes.map((code) => redeemErrorMessage(code, ctx));
    for (const m of messages) {
      expect(m).not.toBe(fallback);
      expect(m).toMatch(/^[A-Z].*\.$/);
      expect(m).not.toMatch(/_/);
    }
    expect(new Set(messages).size).toBe(redeemErrorCodes.length);
  });

  it("lists only codes the engine can return", () => {
    for (const code of redeemErrorCodes) expect(errorCodes).toContain(code);
  });

  it.each([
    ["code_not_found", "We couldn't find that code. Check it and try again."],
    ["code_already_redeemed", "already redeemed"],
    ["code_used_up", "maximum number of times"],
    ["account_frozen", "frozen"],
    ["payment_method_required", "Add a payment method"],
    ["promotion_conflict", "exclusive promotion in progress"],
  ])("%s says what happened", (code, words) => {
    expect(redeemErrorMessage(code, ctx)).toContain(words);
  });

  it("code_expired names the real deadline in the account's time zone and the activation window", () => {
    // 3 May 2026 02:00 UTC is still 2 May in New York.
    const deadline = Date.UTC(2026, 4, 3, 2);
    expect(redeemErrorMessage("code_expired", { ...ctx, deadline, activationDays: 14 })).toBe(
      "This code expired on 2 May 2026. Codes must be activated within 14 days of receipt.",
    );
    expect(redeemErrorMessage("code_expired", { timeZone: "UTC", deadline, activationDays: 1 })).toBe(
      "This code expired on 3 May 2026. Codes must be activated within 1 day of receipt.",
    );
  });

  it("account_ineligible explains which rule the account failed", () => {
    expect(redeemErrorMessage("account_ineligible", { ...ctx, ineligible: "self_serve_only" })).toContain("self-serve");
    expect(redeemErrorMessage("account_ineligible", { ...ctx, ineligible: "new_advertisers_only" })).toContain("new advertisers");
    expect(redeemErrorMessage("account_ineligible", { ...ctx, ineligible: "country" })).toContain("country");
    expect(redeemErrorMessage("account_ineligible", ctx)).toContain("isn't eligible");
  });

  it("currency_mismatch names both currencies", () => {
    expect(redeemErrorMessage("currency_mismatch", { ...ctx, promotionCurrency: "EUR", accountCurrency: "USD" })).toBe(
      "This code is for ad accounts that pay in EUR, and this account pays in USD.",
    );
  });

  it("finds the first eligibility rule an account fails, in R7's order", () => {
    const studio = { kind: "bc_managed" as const, priorPaidHistory: true, country: "DE" };
    expect(ineligibility({ selfServeOnly: true, newAdvertisersOnly: true, countries: ["US"] }, studio)).toBe("self_serve_only");
    expect(ineligibility({ newAdvertisersOnly: true, countries: ["US"] }, studio)).toBe("new_advertisers_only");
    expect(ineligibility({ countries: ["US"] }, studio)).toBe("country");
    expect(ineligibility({ countries: ["DE"] }, studio)).toBeNull();
  });
});

describe("assignment messages (R10)", () => {
  it("covers every R10 code with its own sentence", () => {
    const generic = assignErrorMessage("something_else");
    for (const code of assignErrorCodes) {
      expect(assignErrorMessage(code)).not.toBe(generic);
      expect(assignErrorMessage(code)).not.toMatch(/_/);
    }
  });

  it("campaign_limit_reached names the credit's limit", () => {
    expect(assignErrorMessage("campaign_limit_reached", { limit: 10 })).toContain("at most 10 campaigns");
  });

  it("forbidden says who may assign", () => {
    expect(assignErrorMessage("forbidden")).toBe("Only ad-account admins can assign credits.");
  });
});
