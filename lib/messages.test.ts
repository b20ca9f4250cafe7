// The words a person reads come from the facts the engine's own failures carry: each case below makes the
// engine refuse for real, then checks the sentence names those facts.
import { describe, expect, it } from "vitest";
import type { Failure, Result } from "@/lib/credits";
import { fresh, must } from "@/lib/credits/test-kit";
import { DAY } from "@/lib/credits/rules/time";
import { couldNot, failureMessage } from "./messages";

const NY = { timeZone: "America/New_York" };

function failure(r: Result): Failure {
  if (r.ok) throw new Error("expected the engine to refuse");
  return r;
}

describe("redemption failures in words (R7)", () => {
  async function setUp() {
    const t = await fresh(Date.UTC(2026, 4, 1, 2));
    const { db, now, account, engine } = t;
    await account("a1");
    await account("studio", { kind: "bc_managed" });
    await account("eur", { currency: "EUR" }, 0);
    must(await engine.createPromotion(db, now(), { id: "lad", name: "Holiday ladder", kind: "ladder", tiers: [{ spend: 100, reward: 10 }] }));
    must(await engine.createPromotion(db, now(), { id: "cpn", kind: "coupon", amount: 100, exclusive: false, eligibility: { selfServeOnly: true } }));
    must(await engine.issueCode(db, now(), { code: "OLD", promotionId: "cpn", activationDays: 2 }));
    must(await engine.issueCode(db, now(), { code: "LAD", promotionId: "lad", maxRedemptions: 5 }));
    must(await engine.issueCode(db, now(), { code: "CPN", promotionId: "cpn", maxRedemptions: 5 }));
    const redeem = async (accountId: string, code: string) => failure(await engine.redeem(db, now(), { accountId, code }));
    return { ...t, redeem };
  }

  it("an expired code names its deadline in the account's time zone and its activation window", async () => {
    const { engine, db, redeem } = await setUp();
    must(await engine.advance(db, { days: 2 }));
    // The deadline, 3 May 2026 02:00 UTC, is still 2 May in New York.
    expect(failureMessage(await redeem("a1", "OLD"), NY)).toBe(
      "This code expired on 2 May 2026. Codes must be activated within 2 days of receipt.",
    );
    expect(failureMessage(await redeem("a1", "OLD"), { timeZone: "UTC" })).toContain("expired on 3 May 2026");
  });

  it("an ineligible account hears which rule it failed; a currency mismatch names both currencies", async () => {
    const { redeem } = await setUp();
    expect(failureMessage(await redeem("studio", "CPN"), NY)).toBe(
      "This ad account isn't eligible for this promotion. It is only for self-serve ad accounts, and this one is managed by an agency or a Business Center.",
    );
    expect(failureMessage(await redeem("eur", "CPN"), NY)).toBe("This code is for ad accounts that pay in USD, and this account pays in EUR.");
  });

  it("a conflict names the exclusive promotion already in progress; a used-up code its limit", async () => {
    const { engine, db, now, account, redeem } = await setUp();
    must(await engine.redeem(db, now(), { accountId: "a1", code: "LAD" }));
    must(await engine.createPromotion(db, now(), { id: "lad2", kind: "ladder", tiers: [{ spend: 100, reward: 10 }] }));
    must(await engine.issueCode(db, now(), { code: "LAD2", promotionId: "lad2" }));
    expect(failureMessage(await redeem("a1", "LAD2"), NY)).toContain("an exclusive promotion in progress (“Holiday ladder”)");
    await account("a2");
    must(await engine.redeem(db, now(), { accountId: "a2", code: "LAD2" }));
    expect(failureMessage(await redeem("eur", "LAD2"), NY)).toBe(
      "This code has been redeemed the maximum number of times (1) and can't be used any more.",
    );
  });
});

describe("assignment failures in words (R10)", () => {
  it("names the campaign and why it can't take the credit, and the credit's limit", async () => {
    const { db, now, account, campaign, engine } = await fresh();
    await account();
    await campaign("c1");
    must(await engine.createCampaign(db, now(), { id: "c2", accountId: "a1", name: "Summer Sale", adProduct: "traffic", status: "paused" }));
    must(await engine.grantCredit(db, now(), { id: "g", accountId: "a1", type: "assignable", amount: 100, issuedAt: now() - 700 * DAY }));
    const assign = async (campaignIds: string[]) => failure(await engine.assign(db, now(), { creditId: "g", campaignIds, actorRole: "admin" }));
    expect(failureMessage(await assign(["c1", "c2"]), NY)).toBe(
      "Summer Sale can't use this credit. Paused: only active or scheduled campaigns can use ad credit.",
    );
    for (let i = 0; i < 10; i++) await campaign(`k${i}`);
    expect(failureMessage(await assign(["c1", ...Array.from({ length: 10 }, (_, i) => `k${i}`)]), NY)).toBe(
      "This credit can be assigned to at most 10 campaigns, and this would make 11. Remove a campaign or select fewer.",
    );
    expect(failureMessage(failure(await engine.assign(db, now(), { creditId: "g", campaignIds: ["c1"], actorRole: "operator" })), NY)).toBe(
      "Only ad-account admins can assign credits. Your role is operator.",
    );
  });
});

describe("operator failures in words", () => {
  it("says what could not be done and names the missing or taken thing", async () => {
    const { db, now, account, engine } = await fresh();
    await account();
    expect(couldNot("rule on the appeal", failure(await engine.resolveAppeal(db, now(), { accountId: "a1", outcome: "reinstate" })))).toBe(
      "Could not rule on the appeal: That ad account has no pending appeal: it may have just been resolved.",
    );
    expect(couldNot("grant the credit", failure(await engine.grantCredit(db, now(), { id: "x", accountId: "ghost", type: "free", amount: 5 })))).toBe(
      "Could not grant the credit: We couldn't find the account “ghost”. It may have been removed.",
    );
  });

  it("a charge the balance can't cover names both amounts in the account's currency", async () => {
    const { db, now, account, campaign, engine } = await fresh();
    await account("a1", {}, 1_000);
    await campaign("c1");
    expect(failureMessage(failure(await engine.charge(db, now(), { id: "ch", campaignId: "c1", amount: 2_500 })), NY)).toBe(
      "The cash balance ($10.00) doesn't cover the $25.00 this charge needs. Add funds first.",
    );
  });
});
