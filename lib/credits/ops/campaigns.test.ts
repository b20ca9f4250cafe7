import { describe, expect, it } from "vitest";
import { HOUR } from "../rules/time";
import { fresh, must } from "../test-kit";

const statusOf = (kit: Awaited<ReturnType<typeof fresh>>, id: string) =>
  kit.db.query.campaigns.findFirst({ where: (c, { eq }) => eq(c.id, id) }).sync()?.status;

describe("advertiser campaign operations", () => {
  it("launch creates an active campaign that delivers its daily budget", async () => {
    const kit = await fresh();
    const { db, now, account, engine } = kit;
    await account();
    expect(must(await engine.launchCampaign(db, now(), { id: "c1", accountId: "a1", name: "Spring", adProduct: "traffic", dailyBudget: 2_400 }))).toMatchObject({
      campaignId: "c1",
    });
    expect(db.query.campaigns.findFirst().sync()).toMatchObject({ name: "Spring", status: "active", dailyBudget: 2_400, adProduct: "traffic" });
    must(await engine.simulate(db, { hours: 24 }));
    expect(db.query.adAccounts.findFirst().sync()?.cashBalance).toBe(100_000 - 2_400);
  });

  it("an automatic-billing account without a payment method can neither launch nor resume (payment_method_required)", async () => {
    const kit = await fresh();
    const { db, now, engine } = kit;
    must(await engine.createAccount(db, now(), { id: "a1", billing: "automatic" }));
    must(await engine.createCampaign(db, now(), { id: "old", accountId: "a1", adProduct: "in_feed", status: "paused" }));
    expect(await engine.launchCampaign(db, now(), { id: "c1", accountId: "a1", adProduct: "in_feed" })).toMatchObject({ ok: false, error: "payment_method_required" });
    expect(await engine.resumeCampaign(db, now(), { campaignId: "old" })).toMatchObject({ ok: false, error: "payment_method_required" });
    expect(db.query.campaigns.findMany().sync().map((c) => [c.id, c.status])).toEqual([["old", "paused"]]);
    must(await engine.linkPaymentMethod(db, now(), { accountId: "a1" }));
    must(await engine.resumeCampaign(db, now(), { campaignId: "old" }));
    expect(statusOf(kit, "old")).toBe("active");
  });

  it("checks run range, then existence, then the payment method (SPEC 5, settled order)", async () => {
    const { db, now, engine } = await fresh();
    must(await engine.createAccount(db, now(), { id: "a1", billing: "automatic" }));
    must(await engine.createCampaign(db, now(), { id: "taken", accountId: "a1", adProduct: "in_feed" }));
    expect(await engine.launchCampaign(db, now(), { id: "x", accountId: "nobody", adProduct: "in_feed", dailyBudget: -1 })).toMatchObject({ error: "invalid_input" });
    expect(await engine.launchCampaign(db, now(), { id: "x", accountId: "nobody", adProduct: "in_feed" })).toMatchObject({ error: "not_found" });
    expect(await engine.launchCampaign(db, now(), { id: "taken", accountId: "a1", adProduct: "in_feed" })).toMatchObject({ error: "already_exists" });
    expect(await engine.launchCampaign(db, now(), { id: "new", accountId: "a1", adProduct: "in_feed" })).toMatchObject({ error: "payment_method_required" });
  });

  it("pause stops delivery from the next hour; resume starts it again; repeating either is a no-op", async () => {
    const kit = await fresh();
    const { db, now, account, campaign, engine } = kit;
    await account();
    await campaign("c1", "a1", "in_feed", 2_400);
    must(await engine.simulate(db, { hours: 1 }));
    must(await engine.pauseCampaign(db, now(), { campaignId: "c1" }));
    must(await engine.pauseCampaign(db, now(), { campaignId: "c1" }));
    must(await engine.simulate(db, { hours: 3 }));
    expect(db.query.charges.findMany().sync()).toHaveLength(1);
    must(await engine.resumeCampaign(db, now(), { campaignId: "c1" }));
    must(await engine.resumeCampaign(db, now(), { campaignId: "c1" }));
    must(await engine.simulate(db, { hours: 1 }));
    expect(db.query.charges.findMany().sync().map((c) => c.at)).toEqual([kit.now() - 4 * HOUR, kit.now()]);
  });

  it("only active or scheduled campaigns pause, and only paused ones resume (campaign_not_delivering)", async () => {
    const kit = await fresh();
    const { db, now, account, engine } = kit;
    await account();
    for (const status of ["draft", "archived", "scheduled"] as const)
      must(await engine.createCampaign(db, now(), { id: status, accountId: "a1", adProduct: "in_feed", status }));
    expect(await engine.pauseCampaign(db, now(), { campaignId: "draft" })).toMatchObject({ error: "campaign_not_delivering" });
    expect(await engine.pauseCampaign(db, now(), { campaignId: "archived" })).toMatchObject({ error: "campaign_not_delivering" });
    expect(await engine.resumeCampaign(db, now(), { campaignId: "scheduled" })).toMatchObject({ error: "campaign_not_delivering" });
    must(await engine.pauseCampaign(db, now(), { campaignId: "scheduled" }));
    expect(statusOf(kit, "scheduled")).toBe("paused");
    expect(await engine.pauseCampaign(db, now(), { campaignId: "nobody" })).toMatchObject({ error: "not_found" });
  });

  it("a frozen account's campaigns can still be paused and resumed: they keep delivering while frozen (R4)", async () => {
    const kit = await fresh();
    const { db, now, account, campaign, engine } = kit;
    await account();
    await campaign("c1", "a1", "in_feed", 2_400);
    must(await engine.freeze(db, now(), { accountId: "a1" }));
    must(await engine.pauseCampaign(db, now(), { campaignId: "c1" }));
    must(await engine.resumeCampaign(db, now(), { campaignId: "c1" }));
    expect(statusOf(kit, "c1")).toBe("active");
  });

  it("a new daily budget is spent from the next delivery hour; a negative or fractional one is refused", async () => {
    const { db, now, account, campaign, engine } = await fresh();
    await account();
    await campaign("c1", "a1", "in_feed", 2_400);
    must(await engine.simulate(db, { hours: 1 }));
    must(await engine.setDailyBudget(db, now(), { campaignId: "c1", dailyBudget: 24_000 }));
    must(await engine.simulate(db, { hours: 1 }));
    expect(db.query.charges.findMany().sync().map((c) => c.amount)).toEqual([100, 1_000]);
    expect(await engine.setDailyBudget(db, now(), { campaignId: "c1", dailyBudget: -1 })).toMatchObject({ error: "invalid_input" });
    expect(await engine.setDailyBudget(db, now(), { campaignId: "c1", dailyBudget: 10.5 })).toMatchObject({ error: "invalid_input" });
    expect(await engine.setDailyBudget(db, now(), { campaignId: "nobody", dailyBudget: 10 })).toMatchObject({ error: "not_found" });
    expect(db.query.campaigns.findFirst().sync()?.dailyBudget).toBe(24_000);
  });
});
