// The PostgreSQL adapter on PGlite: the Store contract (store/contract.ts), and what only a locking
// database needs checking for. One migrated PGlite for the file, emptied before each test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite, resetPglite, type PgliteDb } from "@/lib/testing/pglite";
import { storeContract } from "./contract";
import { PgStore } from "./pg";

let db: PgliteDb;
beforeAll(async () => {
  db = await openPglite();
}, 120_000);
afterAll(async () => {
  await db?.$client.close();
});

storeContract("pg on PGlite", async () => {
  await resetPglite(db);
  return { store: new PgStore(db), close: () => undefined };
});

describe("PostgreSQL store on PGlite", () => {
  it("the database refuses changes to the ledger (R16), whoever asks", async () => {
    await resetPglite(db);
    const store = new PgStore(db);
    await store.transaction(async (tx) => {
      await tx.insertAccount({ id: "a1", name: "a1", businessCenterId: null, currency: "USD", country: "US", timeZone: "UTC", industry: null, billing: "manual", kind: "self_serve", paymentMethod: false, priorPaidHistory: false, billingThreshold: 0, creditLimit: 0, createdAt: 0 });
      await tx.appendTransaction({ accountId: "a1", type: "top_up", amount: 5, at: 0 });
    });
    await expect(db.$client.exec("update transactions set amount = 6")).rejects.toThrow(/append-only/);
    await expect(db.$client.exec("delete from transactions")).rejects.toThrow(/append-only/);
    expect(await store.appendOnlyGuards()).toContain("transactions_no_update");
  });
});
