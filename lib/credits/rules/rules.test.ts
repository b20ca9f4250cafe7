import { describe, expect, it } from "vitest";
import { campaignIneligibility, campaignLimit, checkAssignment, LIMIT_CUTOFF } from "./assignment";
import { chargeIdFor, hourEndedAt, hourlyAmount } from "./delivery";
import { reachedTopTier, tierReached, validTiers } from "./ladder";
import { checkAccount, checkCode, normalizeCode, type AccountFacts } from "./redemption";
import { HOUR, hourBoundariesIn, monthStartsIn } from "./time";

describe("R5 ladder tiers", () => {
  const tiers = [
    { spend: 5_000, reward: 2_000 },
    { spend: 20_000, reward: 10_000 },
  ];
  it("the tier reached is the highest threshold met; rewards do not add up (R5)", () => {
    expect(tierReached(tiers, 4_999)).toBeNull();
    expect(tierReached(tiers, 5_000)).toBe(0);
    expect(tierReached(tiers, 19_999)).toBe(0);
    expect(tierReached(tiers, 20_000)).toBe(1);
    expect(reachedTopTier(tiers, 19_999)).toBe(false);
    expect(reachedTopTier(tiers, 20_000)).toBe(true);
  });
  it("tiers must ascend by spend and be positive integers", () => {
    expect(validTiers(tiers)).toBe(true);
    expect(validTiers([])).toBe(false);
    expect(validTiers([tiers[1]!, tiers[0]!])).toBe(false);
    expect(validTiers([{ spend: 10.5, reward: 1 }])).toBe(false);
  });
});

describe("R7 redemption checks", () => {
  const code = { activationDeadline: 100, maxRedemptions: 1, redemptionCount: 0, redeemedByAccount: false };
  const account: AccountFacts = { frozen: false, kind: "self_serve", priorPaidHistory: false, country: "US", paymentMethod: true, currency: "USD" };
  const promo = { currency: "USD", eligibility: { selfServeOnly: true }, exclusive: true };

  it("codes compare case-insensitively, ignoring spaces and dashes (R7)", () => {
    expect(normalizeCode(" welcome - 30 ")).toBe("WELCOME30");
    expect(normalizeCode("Welcome-30")).toBe(normalizeCode("WELCOME30"));
  });
  it("code checks run in SPEC order, first failure wins (R7)", () => {
    expect(checkCode(null, 0)).toBe("code_not_found");
    // expired beats already redeemed and used up
    expect(checkCode({ ...code, redeemedByAccount: true, redemptionCount: 1 }, 100)).toBe("code_expired");
    expect(checkCode({ ...code, redeemedByAccount: true, redemptionCount: 1 }, 99)).toBe("code_already_redeemed");
    expect(checkCode({ ...code, redemptionCount: 1 }, 99)).toBe("code_used_up");
    expect(checkCode(code, 99)).toBeNull();
  });
  it("account checks run in SPEC order (R7)", () => {
    const everything = { ...account, frozen: true, kind: "agency" as const, paymentMethod: false, currency: "EUR" };
    expect(checkAccount(promo, everything, true)).toBe("account_frozen");
    expect(checkAccount(promo, { ...everything, frozen: false }, true)).toBe("account_ineligible");
    expect(checkAccount(promo, { ...everything, frozen: false, kind: "self_serve" }, true)).toBe("payment_method_required");
    expect(checkAccount(promo, { ...account, currency: "EUR" }, true)).toBe("currency_mismatch");
    expect(checkAccount(promo, account, true)).toBe("promotion_conflict");
    expect(checkAccount({ ...promo, exclusive: false }, account, true)).toBeNull();
  });
  it("eligibility: self-serve only, new advertisers only, admitted countries (R7)", () => {
    const p = { ...promo, eligibility: { selfServeOnly: true, newAdvertisersOnly: true, countries: ["US", "CA"] } };
    expect(checkAccount(p, { ...account, kind: "bc_managed" }, false)).toBe("account_ineligible");
    expect(checkAccount(p, { ...account, priorPaidHistory: true }, false)).toBe("account_ineligible");
    expect(checkAccount(p, { ...account, country: "GB" }, false)).toBe("account_ineligible");
    expect(checkAccount(p, { ...account, country: "CA" }, false)).toBeNull();
  });
});

describe("R10 assignment checks", () => {
  const credit = { accountId: "a1", type: "assignable" as const, status: "active" as const, issuedAt: LIMIT_CUTOFF, restrictions: {} };
  const campaign = { id: "c1", accountId: "a1", status: "active" as const, adProduct: "in_feed" as const };
  const base = { action: "assign" as const, actorRole: "admin" as const, credit, accountFrozen: false, campaigns: [campaign], assignedAfter: 1 };

  it("10 campaigns for credits issued up to 2024-07-31T23:59:59Z, 30 after (R10)", () => {
    expect(campaignLimit(Date.parse("2024-07-31T23:59:59Z"))).toBe(10);
    expect(campaignLimit(Date.parse("2024-08-01T00:00:00Z"))).toBe(30);
  });
  it("checks run in SPEC order (R10)", () => {
    expect(checkAssignment({ ...base, actorRole: "operator", credit: null })).toBe("forbidden");
    expect(checkAssignment({ ...base, credit: null })).toBe("credit_not_found");
    expect(checkAssignment({ ...base, credit: { ...credit, type: "free", status: "expired" } })).toBe("not_assignable");
    expect(checkAssignment({ ...base, credit: { ...credit, status: "exhausted" } })).toBe("credit_inactive");
    expect(checkAssignment({ ...base, accountFrozen: true })).toBe("credit_inactive");
    expect(checkAssignment({ ...base, campaigns: [{ ...campaign, status: "paused" }], assignedAfter: 31 })).toBe("campaign_ineligible");
    expect(checkAssignment({ ...base, assignedAfter: 31 })).toBe("campaign_limit_reached");
    expect(checkAssignment({ ...base, assignedAfter: 30 })).toBeNull();
  });
  it("unassign skips the campaign eligibility check (R10)", () => {
    expect(checkAssignment({ ...base, action: "unassign", campaigns: [{ ...campaign, status: "archived" }] })).toBeNull();
  });
  it("a campaign is ineligible in another account, when not active/scheduled, or outside restrictions (R10)", () => {
    expect(campaignIneligibility(credit, { ...campaign, accountId: "a2" })).toBe("other_account");
    expect(campaignIneligibility(credit, { ...campaign, status: "draft" })).toBe("not_delivering");
    expect(campaignIneligibility(credit, { ...campaign, status: "scheduled" })).toBeNull();
    expect(campaignIneligibility({ ...credit, restrictions: { adProducts: ["traffic"] } }, campaign)).toBe("restricted_product");
  });
});

describe("delivery and time", () => {
  it("hourly amounts sum exactly to the daily budget (simulate)", () => {
    for (const budget of [1, 23, 24, 2_400, 9_999, 15_000]) {
      const hours = Array.from({ length: 24 }, (_, i) => hourlyAmount(budget, i + 1));
      expect(hours.reduce((a, b) => a + b, 0)).toBe(budget);
      expect(Math.min(...hours)).toBeGreaterThanOrEqual(0);
    }
  });
  it("midnight ends hour 24; charge ids are campaign@ISO boundary (simulate)", () => {
    expect(hourEndedAt(Date.parse("2026-01-02T00:00:00Z"))).toBe(24);
    expect(hourEndedAt(Date.parse("2026-01-02T01:00:00Z"))).toBe(1);
    expect(chargeIdFor("c1", Date.parse("2026-01-02T01:00:00Z"))).toBe("c1@2026-01-02T01:00:00.000Z");
  });
  it("boundaries are whole hours and month starts in (from, to] (R14, R15)", () => {
    const from = Date.parse("2026-01-31T22:30:00Z");
    expect(hourBoundariesIn(from, from + 2 * HOUR).map((t) => new Date(t).toISOString())).toEqual([
      "2026-01-31T23:00:00.000Z",
      "2026-02-01T00:00:00.000Z",
    ]);
    expect(monthStartsIn(Date.parse("2026-01-01T00:00:00Z"), Date.parse("2026-03-01T00:00:00Z")).map((t) => new Date(t).toISOString())).toEqual([
      "2026-02-01T00:00:00.000Z",
      "2026-03-01T00:00:00.000Z",
    ]);
  });
});
