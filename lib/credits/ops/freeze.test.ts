import { describe, expect, it } from "vitest";
import { audit } from "../audit";
import { DAY, HOUR } from "../rules/time";
import { fresh, must, T0 } from "../test-kit";

async function ladderAccount() {
  const kit = await fresh();
  const { db, now, account, campaign, engine } = kit;
  await account();
  await campaign("c1");
  must(await engine.createPromotion(db, now(), { id: "p", kind: "ladder", tiers: [{ spend: 1_000, reward: 500 }], windowDays: 5, eligibility: {} }));
  must(await engine.issueCode(db, now(), { code: "L", promotionId: "p" }));
  must(await engine.redeem(db, now(), { accountId: "a1", code: "L", as: "r" }));
  return kit;
}

describe("freeze and appeal (R12)", () => {
  it("an appeal can be filed only while frozen; a ruling needs a pending appeal (R12)", async () => {
    const { db, now, engine } = await ladderAccount();
    expect(await engine.appeal(db, now(), { accountId: "a1" })).toMatchObject({ error: "not_frozen" });
    expect(await engine.resolveAppeal(db, now(), { accountId: "a1", outcome: "reinstate" })).toMatchObject({ error: "no_pending_appeal" });
    must(await engine.freeze(db, now(), { accountId: "a1" }));
    expect(await engine.resolveAppeal(db, now(), { accountId: "a1", outcome: "reinstate" })).toMatchObject({ error: "no_pending_appeal" });
    must(await engine.appeal(db, now(), { accountId: "a1" }));
    must(await engine.resolveAppeal(db, now(), { accountId: "a1", outcome: "reinstate" }));
    expect(db.query.adAccounts.findFirst().sync()?.frozen).toBe(false);
  });

  it("an appeal keeps the advertiser's trimmed reason; a blank or over-long one is refused (R12)", async () => {
    const { db, now, engine } = await ladderAccount();
    must(await engine.freeze(db, now(), { accountId: "a1" }));
    expect(await engine.appeal(db, now(), { accountId: "a1", reason: " \n " })).toMatchObject({ error: "invalid_input" });
    expect(await engine.appeal(db, now(), { accountId: "a1", reason: "x".repeat(1_001) })).toMatchObject({ error: "invalid_input" });
    expect(db.query.appeals.findMany().sync()).toEqual([]);
    const first = must(await engine.appeal(db, now(), { accountId: "a1", reason: "  Our documents are verified.  " }));
    expect(must(await engine.appeal(db, now(), { accountId: "a1", reason: "Another try" })).appealId).toBe(first.appealId);
    expect(db.query.appeals.findMany().sync()).toMatchObject([{ status: "pending", reason: "Our documents are verified." }]);
  });

  it("a reward falling due while frozen waits, then is issued at reinstatement with validity from then (R12)", async () => {
    const { db, now, engine } = await ladderAccount();
    must(await engine.charge(db, now(), { id: "s", campaignId: "c1", amount: 1_000 })); // completes at T0; reward due T0+24h
    must(await engine.freeze(db, now(), { accountId: "a1" }));
    must(await engine.appeal(db, now(), { accountId: "a1" }));
    must(await engine.advance(db, { days: 3 }));
    expect(db.query.credits.findFirst().sync()).toBeUndefined();
    expect(db.query.activations.findFirst().sync()?.status).toBe("qualified");
    must(await engine.resolveAppeal(db, now(), { accountId: "a1", outcome: "reinstate" }));
    expect(db.query.credits.findFirst().sync()).toMatchObject({ id: "r:reward", issuedAt: T0 + 3 * DAY, expiresAt: T0 + 33 * DAY });
    expect(db.query.activations.findFirst().sync()?.status).toBe("rewarded");
    expect(await audit(db)).toEqual([]);
  });

  it("revoke forfeits every active credit, ends earning and qualified activations, and unfreezes (R12)", async () => {
    const { db, now, engine } = await ladderAccount();
    must(await engine.grantCredit(db, now(), { id: "g", accountId: "a1", type: "free", amount: 800 }));
    must(await engine.charge(db, now(), { id: "s", campaignId: "c1", amount: 300 }));
    must(await engine.freeze(db, now(), { accountId: "a1" }));
    must(await engine.appeal(db, now(), { accountId: "a1" }));
    must(await engine.advance(db, { hours: 2 }));
    must(await engine.resolveAppeal(db, now(), { accountId: "a1", outcome: "revoke" }));
    expect(db.query.credits.findFirst().sync()).toMatchObject({ status: "revoked", used: 300, unused: 0, forfeited: 500 });
    expect(db.query.activations.findFirst().sync()).toMatchObject({ status: "revoked", endedAt: T0 + 2 * HOUR });
    expect(db.query.transactions.findFirst({ where: (t, { eq }) => eq(t.type, "credit_revoked") }).sync()).toMatchObject({ amount: 500, creditId: "g" });
    expect(db.query.adAccounts.findFirst().sync()?.frozen).toBe(false);
    expect(await audit(db)).toEqual([]);
  });

  it("Business Center allocation creates a free, unassignable credit (R13)", async () => {
    const { db, now, engine } = await ladderAccount();
    must(await engine.allocateFromBC(db, now(), { id: "bc", accountId: "a1", amount: 3_000 }));
    expect(db.query.credits.findFirst().sync()).toMatchObject({ type: "free", source: "business_center", amount: 3_000 });
    expect(await engine.assign(db, now(), { creditId: "bc", campaignIds: ["c1"], actorRole: "admin" })).toMatchObject({ error: "not_assignable" });
  });
});

describe("revoking a qualified activation (found by the property test)", () => {
  it("keeps the moment it stopped earning, so later spend is not owed to it (R4, R12, R16)", async () => {
    const { db, now, account, campaign, engine } = await fresh();
    await account();
    await campaign("c1");
    must(await engine.createPromotion(db, now(), { id: "p", kind: "ladder", tiers: [{ spend: 1_000, reward: 500 }], eligibility: {} }));
    must(await engine.issueCode(db, now(), { code: "L", promotionId: "p" }));
    must(await engine.redeem(db, now(), { accountId: "a1", code: "L", as: "r" }));
    must(await engine.charge(db, now(), { id: "top", campaignId: "c1", amount: 1_000 })); // qualifies at T0
    must(await engine.advance(db, { hours: 1 }));
    must(await engine.charge(db, now(), { id: "after", campaignId: "c1", amount: 300 })); // not qualifying
    must(await engine.freeze(db, now(), { accountId: "a1" }));
    must(await engine.appeal(db, now(), { accountId: "a1" }));
    must(await engine.advance(db, { hours: 1 }));
    must(await engine.resolveAppeal(db, now(), { accountId: "a1", outcome: "revoke" }));
    expect(db.query.activations.findFirst().sync()).toMatchObject({ status: "revoked", endedAt: T0, qualifyingSpend: 1_000 });
    expect(await audit(db)).toEqual([]);
  });
});
