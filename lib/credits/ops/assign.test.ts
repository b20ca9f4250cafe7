import { describe, expect, it } from "vitest";
import { fresh, must } from "../test-kit";

async function setup(issuedAt?: number) {
  const kit = await fresh();
  const { db, now, account, campaign, engine } = kit;
  await account();
  for (let i = 1; i <= 12; i++) await campaign(`c${String(i).padStart(2, "0")}`);
  await campaign("tv", "a1", "topview");
  must(await engine.grantCredit(db, now(), { id: "g", accountId: "a1", type: "assignable", amount: 5_000, restrictions: { adProducts: ["in_feed"] }, issuedAt }));
  return kit;
}
const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${String(i + 1).padStart(2, "0")}`);

describe("assignment (R10)", () => {
  it("only admins assign; every real change writes one log row per campaign (R10)", async () => {
    const { db, now, engine } = await setup();
    expect(await engine.assign(db, now(), { creditId: "g", campaignIds: ["c01"], actorRole: "operator" })).toMatchObject({ error: "forbidden" });
    must(await engine.assign(db, now(), { creditId: "g", campaignIds: ["c01", "c02"], actorRole: "admin", actorUserId: null }));
    must(await engine.assign(db, now(), { creditId: "g", campaignIds: ["c02"], actorRole: "admin" })); // no-op
    must(await engine.unassign(db, now(), { creditId: "g", campaignIds: ["c01", "c03"], actorRole: "admin" })); // c03 no-op
    const log = db.query.assignmentLog.findMany({ orderBy: (l, { asc }) => asc(l.id) }).sync();
    expect(log.map((l) => `${l.action}:${l.campaignId}`)).toEqual(["assign:c01", "assign:c02", "unassign:c01"]);
    expect(db.query.assignments.findMany().sync().map((a) => a.campaignId)).toEqual(["c02"]);
  });

  it("a batch is all or nothing: one ineligible campaign refuses the lot (R10)", async () => {
    const { db, now, engine } = await setup();
    expect(await engine.assign(db, now(), { creditId: "g", campaignIds: ["c01", "tv"], actorRole: "admin" })).toMatchObject({ error: "campaign_ineligible" });
    must(await engine.setCampaignStatus(db, now(), { campaignId: "c02", status: "paused" }));
    expect(await engine.assign(db, now(), { creditId: "g", campaignIds: ["c01", "c02"], actorRole: "admin" })).toMatchObject({ error: "campaign_ineligible" });
    expect(db.query.assignments.findMany().sync()).toEqual([]);
    expect(db.query.assignmentLog.findMany().sync()).toEqual([]);
  });

  it("credits issued up to 2024-07-31 hold 10 campaigns, later ones 30 (R10)", async () => {
    const old = await setup(Date.parse("2024-07-31T23:59:59Z"));
    must(await old.engine.assign(old.db, old.now(), { creditId: "g", campaignIds: ids(10), actorRole: "admin" }));
    expect(await old.engine.assign(old.db, old.now(), { creditId: "g", campaignIds: ["c11"], actorRole: "admin" })).toMatchObject({ error: "campaign_limit_reached" });
    const recent = await setup();
    must(await recent.engine.assign(recent.db, recent.now(), { creditId: "g", campaignIds: ids(12), actorRole: "admin" }));
  });

  it("credit must exist, be assignable and active, on an account that is not frozen (R10)", async () => {
    const { db, now, engine } = await setup();
    must(await engine.grantCredit(db, now(), { id: "free", accountId: "a1", type: "free", amount: 10 }));
    expect(await engine.assign(db, now(), { creditId: "nope", campaignIds: ["c01"], actorRole: "admin" })).toMatchObject({ error: "credit_not_found" });
    expect(await engine.assign(db, now(), { creditId: "free", campaignIds: ["c01"], actorRole: "admin" })).toMatchObject({ error: "not_assignable" });
    must(await engine.freeze(db, now(), { accountId: "a1" }));
    expect(await engine.assign(db, now(), { creditId: "g", campaignIds: ["c01"], actorRole: "admin" })).toMatchObject({ error: "credit_inactive" });
  });

  it("expiry and exhaustion leave assignments and the log as they are (R10)", async () => {
    const { db, now, engine } = await setup();
    must(await engine.assign(db, now(), { creditId: "g", campaignIds: ["c01"], actorRole: "admin" }));
    must(await engine.charge(db, now(), { id: "x", campaignId: "c01", amount: 5_000 }));
    expect(db.query.credits.findFirst({ where: (c, { eq }) => eq(c.id, "g") }).sync()?.status).toBe("exhausted");
    expect(db.query.assignments.findMany().sync()).toHaveLength(1);
    expect(db.query.assignmentLog.findMany().sync()).toHaveLength(1);
    expect(await engine.unassign(db, now(), { creditId: "g", campaignIds: ["c01"], actorRole: "admin" })).toMatchObject({ error: "credit_inactive" });
  });
});
