import { describe, expect, it } from "vitest";
import { paymentMethods } from "@/db/schema";
import { fresh, must, T0 } from "../test-kit";

const card = { brand: "visa" as const, last4: "4242", expMonth: 12, expYear: 2027 };

async function withAutoLadder() {
  const kit = await fresh();
  must(await kit.engine.createPromotion(kit.db, kit.now(), { id: "p", kind: "ladder", tiers: [{ spend: 1_000, reward: 500 }], autoActivate: true }));
  return kit;
}

describe("payment methods", () => {
  it("linking a card stores only brand, last four and expiry, and auto-activates once (R8)", async () => {
    const { db, now, engine } = await withAutoLadder();
    must(await engine.createAccount(db, now(), { id: "a1" }));
    expect(must(await engine.linkPaymentMethod(db, now(), { accountId: "a1", card })).autoActivated).toEqual(["p:a1"]);
    expect(db.select().from(paymentMethods).all()).toEqual([{ accountId: "a1", ...card, linkedAt: T0 }]);
    const replaced = must(await engine.linkPaymentMethod(db, now(), { accountId: "a1", card: { ...card, brand: "amex", last4: "0005" } }));
    expect(replaced.autoActivated).toEqual([]);
    expect(db.select().from(paymentMethods).all()).toMatchObject([{ brand: "amex", last4: "0005" }]);
    expect(db.query.activations.findMany().sync()).toHaveLength(1);
  });

  it("a card that expired before now, or with malformed details, is refused and changes nothing", async () => {
    const { db, now, engine } = await withAutoLadder();
    must(await engine.createAccount(db, now(), { id: "a1" }));
    for (const bad of [
      { ...card, expYear: 2025 },
      { ...card, last4: "42" },
      { ...card, expMonth: 0 },
      // A caller outside TypeScript (a route, a script) can send any brand.
      { ...card, brand: "maestro" as "visa" },
    ])
      expect(await engine.linkPaymentMethod(db, now(), { accountId: "a1", card: bad })).toMatchObject({ ok: false, error: "invalid_input" });
    expect(db.query.adAccounts.findFirst().sync()?.paymentMethod).toBe(false);
    expect(db.select().from(paymentMethods).all()).toEqual([]);
    expect(db.query.activations.findMany().sync()).toEqual([]);
    // Good through the last instant of its expiry month: January 2026 at T0.
    must(await engine.linkPaymentMethod(db, now(), { accountId: "a1", card: { ...card, expMonth: 1, expYear: 2026 } }));
  });

  it("removing the payment method makes R7 ask for one again; manual accounts keep delivering", async () => {
    const { db, now, account, campaign, engine } = await fresh();
    await account();
    await campaign("c1", "a1", "in_feed", 2_400);
    must(await engine.createPromotion(db, now(), { id: "p", kind: "coupon", amount: 500 }));
    must(await engine.issueCode(db, now(), { code: "C", promotionId: "p" }));
    expect(must(await engine.removePaymentMethod(db, now(), { accountId: "a1" })).pausedCampaigns).toEqual([]);
    expect(await engine.redeem(db, now(), { accountId: "a1", code: "C" })).toMatchObject({ error: "payment_method_required" });
    expect(db.query.campaigns.findFirst().sync()?.status).toBe("active");
  });

  it("removing an automatic account's card pauses its active campaigns, which stay paused after a new card", async () => {
    const { db, now, engine } = await fresh();
    must(await engine.createAccount(db, now(), { id: "a1", billing: "automatic", paymentMethod: true }));
    must(await engine.linkPaymentMethod(db, now(), { accountId: "a1", card }));
    for (const [id, status] of [["b", "active"], ["a", "active"], ["s", "scheduled"], ["d", "draft"]] as const)
      must(await engine.createCampaign(db, now(), { id, accountId: "a1", adProduct: "in_feed", status, dailyBudget: 2_400 }));
    expect(must(await engine.removePaymentMethod(db, now(), { accountId: "a1" })).pausedCampaigns).toEqual(["a", "b"]);
    expect(db.select().from(paymentMethods).all()).toEqual([]);
    expect(must(await engine.removePaymentMethod(db, now(), { accountId: "a1" })).pausedCampaigns).toEqual([]);
    must(await engine.simulate(db, { hours: 2 }));
    expect(db.query.charges.findMany().sync()).toEqual([]);
    must(await engine.linkPaymentMethod(db, now(), { accountId: "a1", card }));
    expect(db.query.campaigns.findMany().sync().map((c) => c.status)).toEqual(["paused", "paused", "scheduled", "draft"]);
  });

  it("an automatic account that never had a card is still charged as before (existing ops unchanged)", async () => {
    const { db, now, engine } = await fresh();
    must(await engine.createAccount(db, now(), { id: "a1", billing: "automatic" }));
    must(await engine.createCampaign(db, now(), { id: "c1", accountId: "a1", adProduct: "in_feed" }));
    expect(must(await engine.charge(db, now(), { id: "x", campaignId: "c1", amount: 700 })).billed).toBe(700);
  });
});
