import { describe, expect, it } from "vitest";
import { audit } from "../audit";
import { DAY, HOUR } from "../rules/time";
import { fresh, must, T0 } from "../test-kit";

describe("clock and due events", () => {
  it("at window end a ladder with a tier reached qualifies, one without expires (R5)", async () => {
    const { db, now, account, campaign, engine } = await fresh();
    await account("a1");
    await account("a2");
    await campaign("c1");
    must(await engine.createPromotion(db, now(), { id: "p", kind: "ladder", tiers: [{ spend: 1_000, reward: 400 }, { spend: 9_000, reward: 2_000 }], windowDays: 10, exclusive: false, eligibility: {} }));
    must(await engine.issueCode(db, now(), { code: "L", promotionId: "p", maxRedemptions: 2 }));
    must(await engine.redeem(db, now(), { accountId: "a1", code: "L", as: "r1" }));
    must(await engine.redeem(db, now(), { accountId: "a2", code: "L", as: "r2" }));
    must(await engine.charge(db, now(), { id: "s", campaignId: "c1", amount: 1_200 }));
    must(await engine.advance(db, { days: 10 }));
    const [r1, r2] = db.query.activations.findMany({ orderBy: (a, { asc }) => asc(a.id) }).sync();
    expect(r1).toMatchObject({ status: "qualified", tierReached: 0, rewardDueAt: T0 + 10 * DAY + 24 * HOUR });
    expect(r2).toMatchObject({ status: "expired", tierReached: null });
    must(await engine.advance(db, { days: 1 }));
    expect(db.query.credits.findFirst().sync()).toMatchObject({ id: "r1:reward", amount: 400, issuedAt: T0 + 11 * DAY, expiresAt: T0 + 41 * DAY });
  });

  it("expiry forfeits the unused part and records credit_expired (R11)", async () => {
    const { db, now, account, campaign, engine } = await fresh();
    await account();
    await campaign("c1");
    must(await engine.grantCredit(db, now(), { id: "g", accountId: "a1", type: "free", amount: 1_000, validDays: 2 }));
    must(await engine.charge(db, now(), { id: "s", campaignId: "c1", amount: 300 }));
    must(await engine.advance(db, { hours: 47 }));
    expect(db.query.credits.findFirst().sync()?.status).toBe("active");
    must(await engine.advance(db, { hours: 1 }));
    expect(db.query.credits.findFirst().sync()).toMatchObject({ status: "expired", used: 300, unused: 0, forfeited: 700 });
    const expired = db.query.transactions.findFirst({ where: (t, { eq }) => eq(t.type, "credit_expired") }).sync();
    expect(expired).toMatchObject({ amount: 700, creditId: "g", at: T0 + 2 * DAY });
  });

  it("on the 1st at 00:00 UTC an automatic account's amount due is settled (R14)", async () => {
    const { db, now, account, campaign, engine } = await fresh(Date.UTC(2026, 0, 30));
    await account("a1", { billing: "automatic", billingThreshold: 1_000_000 });
    await campaign("c1");
    must(await engine.charge(db, now(), { id: "s", campaignId: "c1", amount: 2_500 }));
    must(await engine.advance(db, { days: 5 }));
    const payment = db.query.transactions.findFirst({ where: (t, { eq }) => eq(t.type, "payment") }).sync();
    expect(payment).toMatchObject({ amount: 2_500, at: Date.UTC(2026, 1, 1) });
    expect(db.query.adAccounts.findFirst().sync()?.amountDue).toBe(0);
  });

  it("due events run in time order, ties by kind: completion, reward, expiry, billing (R15)", async () => {
    const start = Date.UTC(2026, 0, 31);
    const { db, now, account, campaign, engine } = await fresh(start);
    await account("a1", { billing: "automatic", billingThreshold: 1_000_000 });
    await campaign("c1");
    // All due at 2026-02-01T00:00Z: a ladder window end (delay 0 → reward at the same instant), an expiry,
    // and monthly billing.
    must(await engine.createPromotion(db, now(), { id: "p", kind: "ladder", tiers: [{ spend: 100, reward: 50 }, { spend: 100_000, reward: 60 }], windowDays: 1, rewardDelayHours: 0, creditValidityDays: 1, eligibility: {} }));
    must(await engine.issueCode(db, now(), { code: "L", promotionId: "p" }));
    must(await engine.redeem(db, now(), { accountId: "a1", code: "L", as: "r" }));
    must(await engine.charge(db, now(), { id: "s", campaignId: "c1", amount: 510 }));
    must(await engine.grantCredit(db, now(), { id: "g", accountId: "a1", type: "free", amount: 10, validDays: 1 }));
    must(await engine.advance(db, { days: 3 }));
    const kinds = db.query.transactions.findMany({ orderBy: (t, { asc }) => asc(t.id) }).sync()
      .filter((t) => t.at >= Date.UTC(2026, 1, 1))
      .map((t) => `${t.type}:${t.creditId ?? ""}@${new Date(t.at).toISOString()}`);
    expect(kinds).toEqual([
      "credit_issued:r:reward@2026-02-01T00:00:00.000Z",
      "credit_expired:g@2026-02-01T00:00:00.000Z",
      "payment:@2026-02-01T00:00:00.000Z",
      "credit_expired:r:reward@2026-02-02T00:00:00.000Z",
    ]);
    expect(await audit(db)).toEqual([]);
  });

  it("advancing in one go equals advancing in steps (R15)", async () => {
    const run = async (steps: number[]) => {
      const { db, now, account, campaign, engine } = await fresh();
      await account();
      await campaign("c1", "a1", "in_feed", 2_400);
      must(await engine.createPromotion(db, now(), { id: "p", kind: "ladder", tiers: [{ spend: 3_000, reward: 1_000 }], windowDays: 3, autoActivate: true, eligibility: {} }));
      must(await engine.grantCredit(db, now(), { id: "g", accountId: "a1", type: "free", amount: 700, validDays: 2 }));
      must(await engine.linkPaymentMethod(db, now(), { accountId: "a1" }));
      for (const h of steps) must(await engine.simulate(db, { hours: h }));
      return JSON.stringify([db.query.credits.findMany().sync(), db.query.activations.findMany().sync(), db.query.adAccounts.findMany().sync(), db.query.charges.findMany().sync().length]);
    };
    expect(run([120])).toEqual(run([1, 23, 24, 5, 67]));
  });

  it("simulate charges each active campaign its hourly share, a day summing to the budget", async () => {
    const { db, now, account, campaign, engine } = await fresh();
    await account();
    await campaign("c1", "a1", "in_feed", 1_000);
    await campaign("c2", "a1", "traffic", 0);
    await campaign("c3", "a1", "traffic", 2_400);
    must(await engine.setCampaignStatus(db, now(), { campaignId: "c3", status: "paused" }));
    must(await engine.simulate(db, { hours: 24 }));
    const charges = db.query.charges.findMany().sync();
    expect(charges.every((c) => c.campaignId === "c1")).toBe(true);
    expect(charges.reduce((s, c) => s + c.amount, 0)).toBe(1_000);
    expect(charges[0]?.id).toBe("c1@2026-01-01T01:00:00.000Z");
  });

  it("the clock never goes back", async () => {
    const { db, engine } = await fresh();
    expect(await engine.advance(db, { to: T0 - 1 })).toMatchObject({ ok: false, error: "invalid_input" });
    expect(await engine.advance(db, { hours: 0 })).toMatchObject({ ok: false, error: "invalid_input" });
  });
});
