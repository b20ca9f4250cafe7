import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { audit } from "./audit";
import { fresh, must } from "./test-kit";

// The audit must catch what the engine would never do: tamper with rows behind its back (R16).
async function history() {
  const kit = await fresh();
  const { db, now, account, campaign, engine } = kit;
  await account();
  await campaign("c1");
  must(await engine.createPromotion(db, now(), { id: "p", kind: "ladder", tiers: [{ spend: 100_000, reward: 1 }], eligibility: {} }));
  must(await engine.issueCode(db, now(), { code: "L", promotionId: "p" }));
  must(await engine.redeem(db, now(), { accountId: "a1", code: "L", as: "r" }));
  must(await engine.grantCredit(db, now(), { id: "g", accountId: "a1", type: "free", amount: 500 }));
  must(await engine.advance(db, { hours: 1 }));
  must(await engine.charge(db, now(), { id: "x", campaignId: "c1", amount: 800 }));
  must(await engine.charge(db, now(), { id: "y", campaignId: "c1", amount: 200 }));
  return db;
}

describe("ledger audit (R16)", () => {
  it("finds nothing on a history the engine wrote", async () => {
    expect(await audit(await history())).toEqual([]);
  });

  it("catches a credit whose used differs from its allocations", async () => {
    const db = await history();
    db.run(sql`update credits set used = used - 1, unused = unused + 1 where id = 'g'`);
    expect((await audit(db)).map((v) => v.check)).toContain("credit used = allocations");
  });

  it("catches an allocation outside the credit's validity", async () => {
    const db = await history();
    db.run(sql`update credits set issued_at = issued_at + 7200000, expires_at = expires_at + 7200000 where id = 'g'`);
    expect(await audit(db)).toContainEqual(expect.objectContaining({ check: "allocation within validity", ids: ["x", "g"] }));
  });

  it("catches qualifying spend that does not match the admitted charges", async () => {
    const db = await history();
    db.run(sql`delete from qualifying_spend where charge_id = 'y'`);
    expect((await audit(db)).map((v) => v.check)).toContain("qualifying spend");
  });

  it("catches a cash balance the ledger does not explain, and a missing append-only trigger", async () => {
    const db = await history();
    db.run(sql`update ad_accounts set cash_balance = cash_balance + 1`);
    db.run(sql`drop trigger transactions_no_delete`);
    const checks = (await audit(db)).map((v) => v.check);
    expect(checks).toContain("account balances");
    expect(checks).toContain("transactions append-only");
  });
});
