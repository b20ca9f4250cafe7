import { describe, expect, it } from "vitest";
import { DAY } from "./time";
import { checkAccount, checkCode, normalizeCode, type AccountFacts } from "./redemption";

const code = { receivedAt: 100 - 14 * DAY, activationDeadline: 100, maxRedemptions: 1, redemptionCount: 0, redeemedByAccount: false };
const account: AccountFacts = { frozen: false, kind: "self_serve", priorPaidHistory: false, country: "US", paymentMethod: true, currency: "USD" };
const promo = { currency: "USD", eligibility: { selfServeOnly: true }, exclusive: true };
const running = { activationId: "act1", promotionName: "Holiday ladder" };
const errorOf = (r: { error: string } | null) => r?.error ?? null;

describe("R7 redemption checks", () => {
  it("codes compare case-insensitively, ignoring spaces and dashes (R7)", () => {
    expect(normalizeCode(" welcome - 30 ")).toBe("WELCOME30");
    expect(normalizeCode("Welcome-30")).toBe(normalizeCode("WELCOME30"));
  });

  it("code checks run in SPEC order, first failure wins (R7)", () => {
    expect(errorOf(checkCode(null, 0))).toBe("code_not_found");
    // expired beats already redeemed and used up
    expect(errorOf(checkCode({ ...code, redeemedByAccount: true, redemptionCount: 1 }, 100))).toBe("code_expired");
    expect(errorOf(checkCode({ ...code, redeemedByAccount: true, redemptionCount: 1 }, 99))).toBe("code_already_redeemed");
    expect(errorOf(checkCode({ ...code, redemptionCount: 1 }, 99))).toBe("code_used_up");
    expect(checkCode(code, 99)).toBeNull();
  });

  it("an expired code says when it expired and how long the activation window was (R7)", () => {
    expect(checkCode({ ...code, receivedAt: 100 - 3 * DAY }, 100)).toEqual({ error: "code_expired", details: { deadline: 100, activationDays: 3 } });
    expect(checkCode({ ...code, maxRedemptions: 5, redemptionCount: 5 }, 99)).toEqual({ error: "code_used_up", details: { maxRedemptions: 5 } });
  });

  it("account checks run in SPEC order (R7)", () => {
    const everything = { ...account, frozen: true, kind: "agency" as const, paymentMethod: false, currency: "EUR" };
    expect(errorOf(checkAccount(promo, everything, running))).toBe("account_frozen");
    expect(errorOf(checkAccount(promo, { ...everything, frozen: false }, running))).toBe("account_ineligible");
    expect(errorOf(checkAccount(promo, { ...everything, frozen: false, kind: "self_serve" }, running))).toBe("payment_method_required");
    expect(checkAccount(promo, { ...account, currency: "EUR" }, running)).toEqual({
      error: "currency_mismatch",
      details: { promotionCurrency: "USD", accountCurrency: "EUR" },
    });
    expect(checkAccount(promo, account, running)).toEqual({ error: "promotion_conflict", details: running });
    expect(checkAccount({ ...promo, exclusive: false }, account, running)).toBeNull();
  });

  it("account_ineligible names the first eligibility rule failed: self-serve, new advertisers, country (R7)", () => {
    const p = { ...promo, eligibility: { selfServeOnly: true, newAdvertisersOnly: true, countries: ["US", "CA"] } };
    const studio = { ...account, kind: "bc_managed" as const, priorPaidHistory: true, country: "GB" };
    expect(checkAccount(p, studio, null)).toEqual({ error: "account_ineligible", details: { rule: "self_serve_only", kind: "bc_managed", country: "GB" } });
    expect(checkAccount(p, { ...studio, kind: "self_serve" }, null)?.details).toMatchObject({ rule: "new_advertisers_only" });
    expect(checkAccount(p, { ...account, country: "GB" }, null)?.details).toMatchObject({ rule: "country" });
    expect(checkAccount(p, { ...account, country: "CA" }, null)).toBeNull();
  });
});
