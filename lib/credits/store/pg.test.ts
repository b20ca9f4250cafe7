// The PostgreSQL adapter on PGlite: the Store contract (store/contract.ts), and what only a locking
// database needs checking for. One migrated PGlite for the file, emptied before each test.
import { describe, expect, it } from "vitest";
import { resetPglite } from "@/lib/testing/pglite";
import { pgliteForFile } from "@/lib/testing/pglite-vitest";
import { audit } from "../audit";
import { must } from "../errors";
import * as engine from "../index";
import { T0 } from "../test-kit";
import { storeContract } from "./contract";
import { PgStore } from "./pg";

const pglite = pgliteForFile();

storeContract("pg on PGlite", async () => {
  await resetPglite(pglite());
  return { store: new PgStore(pglite()), close: () => undefined };
});

describe("PostgreSQL store on PGlite", () => {
  it("the database refuses changes to the ledger (R16), whoever asks", async () => {
    await resetPglite(pglite());
    const store = new PgStore(pglite());
    await store.transaction(async (tx) => {
      await tx.insertAccount({ id: "a1", name: "a1", businessCenterId: null, currency: "USD", country: "US", timeZone: "UTC", industry: null, billing: "manual", kind: "self_serve", paymentMethod: false, priorPaidHistory: false, billingThreshold: 0, creditLimit: 0, createdAt: 0 });
      await tx.appendTransaction({ accountId: "a1", type: "top_up", amount: 5, at: 0 });
    });
    await expect(pglite().$client.exec("update transactions set amount = 6")).rejects.toThrow(/append-only/);
    await expect(pglite().$client.exec("delete from transactions")).rejects.toThrow(/append-only/);
    expect(await store.appendOnlyGuards()).toContain("transactions_no_update");
  });
});

// The audit (R16) on PostgreSQL: its checks are the adapter's SQL, the append-only guards come from pg_trigger.
describe("ledger audit on PostgreSQL (R16)", () => {
  async function history() {
    await resetPglite(pglite());
    const store = new PgStore(pglite());
    const now = () => T0;
    must(await engine.initClock(store, T0));
    must(await engine.createAccount(store, now(), { id: "a1", paymentMethod: true }));
    must(await engine.topUp(store, now(), { accountId: "a1", amount: 100_000 }));
    must(await engine.createCampaign(store, now(), { id: "c1", accountId: "a1", adProduct: "in_feed" }));
    must(await engine.createPromotion(store, now(), { id: "p", kind: "ladder", tiers: [{ spend: 100_000, reward: 1 }], eligibility: {} }));
    must(await engine.issueCode(store, now(), { code: "L", promotionId: "p" }));
    must(await engine.redeem(store, now(), { accountId: "a1", code: "L", as: "r" }));
    must(await engine.grantCredit(store, now(), { id: "g", accountId: "a1", type: "free", amount: 500 }));
    must(await engine.charge(store, now(), { id: "x", campaignId: "c1", amount: 800 }));
    must(await engine.charge(store, now(), { id: "y", campaignId: "c1", amount: 200 }));
    return store;
  }

  it("finds nothing on a history the engine wrote", async () => {
    expect(await audit(await history())).toEqual([]);
  });

  it("catches a credit whose used differs from its allocations, and qualifying spend that does not match", async () => {
    const store = await history();
    await pglite().$client.exec(`update credits set used = used - 1, unused = unused + 1 where id = 'g';
                           delete from qualifying_spend where charge_id = 'y'`);
    const checks = (await audit(store)).map((v) => v.check);
    expect(checks).toContain("credit used = allocations");
    expect(checks).toContain("qualifying spend");
  });

  it("catches a cash balance the ledger does not explain, a daily total that lies, and a missing append-only trigger", async () => {
    const store = await history();
    // PGlite is one session: the audit runs inside this open transaction, and the trigger comes back with the rollback.
    await pglite().$client.exec(`begin;
                           update ad_accounts set cash_balance = cash_balance + 1;
                           update daily_totals set amount = amount + 1 where type = 'top_up';
                           drop trigger transactions_no_delete on transactions`);
    try {
      const checks = (await audit(store)).map((v) => v.check);
      expect(checks).toEqual(expect.arrayContaining(["account balances", "daily totals", "transactions append-only"]));
    } finally {
      await pglite().$client.exec("rollback");
    }
    expect(await store.appendOnlyGuards()).toContain("transactions_no_delete");
  });
});
