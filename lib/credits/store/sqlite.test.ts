// The SQLite adapter: the Store contract, and its own promise (store/sqlite.ts): no other code runs on the
// connection between a transaction's BEGIN and COMMIT.
import { describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { storeContract } from "./contract";
import * as engine from "@/lib/credits";
import { audit } from "@/lib/credits/audit";
import { sqliteStore } from "./sqlite";

storeContract("sqlite", async () => {
  const db = openDb(":memory:");
  return { store: sqliteStore(db), close: () => void db.$client.close() };
});

const T0 = Date.UTC(2026, 0, 1);

async function world(): Promise<Db> {
  const db = openDb(":memory:");
  await sqliteStore(db).transaction(async (tx) => tx.initClock(T0));
  return db;
}

/** What other code would see of the connection if it ran now. */
const seen = (db: Db) => ({
  open: db.$client.inTransaction,
  clock: db.$client.prepare("select now from sandbox_clock").pluck().get() as number,
});

describe("SQLite store: interleaving (store/sqlite.ts)", () => {
  it("runs no other code between BEGIN and COMMIT, whatever was queued before or during the transaction", async () => {
    const db = await world();
    const store = sqliteStore(db);
    const observed: ReturnType<typeof seen>[] = [];
    // Another request's code, queued as microtasks, next ticks, immediates and timers around the transaction.
    const foreign = async () => {
      for (let i = 0; i < 5; i++) {
        await null;
        observed.push(seen(db));
      }
    };
    void foreign();
    process.nextTick(() => observed.push(seen(db)));
    setImmediate(() => observed.push(seen(db)));
    const done = store.transaction(async (tx) => {
      setImmediate(() => observed.push(seen(db)));
      for (let hour = 1; hour <= 20; hour++) await tx.setClock(T0 + hour);
      await tx.setClock(T0 + 99);
    });
    void foreign();
    await done;
    await new Promise((resolve) => setImmediate(resolve));
    expect(observed).toHaveLength(13);
    // Never inside the transaction, never a clock it had not committed.
    expect(observed.filter((o) => o.open || (o.clock !== T0 && o.clock !== T0 + 99))).toEqual([]);
  });

  it("rolls back a transaction whose body awaits real I/O before other code runs, and refuses its further calls", async () => {
    const db = await world();
    const store = sqliteStore(db);
    const observed: ReturnType<typeof seen>[] = [];
    const timer = new Promise<void>((resolve) =>
      setTimeout(() => {
        observed.push(seen(db));
        resolve();
      }, 0),
    );
    const broken = store.transaction(async (tx) => {
      await tx.setClock(T0 + 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await tx.setClock(T0 + 2);
    });
    await expect(broken).rejects.toThrow(/awaited something other than the store/);
    await timer;
    expect(observed).toEqual([{ open: false, clock: T0 }]);
    expect(seen(db)).toEqual({ open: false, clock: T0 });
    // The store works again for the next transaction.
    await store.transaction(async (tx) => tx.setClock(T0 + 3));
    expect(await store.clockNow()).toBe(T0 + 3);
  });

  it("the database refuses changes to the ledger (R16), whoever asks", async () => {
    const db = await world();
    const store = sqliteStore(db);
    await store.transaction(async (tx) => {
      await tx.insertAccount({ id: "a1", name: "a1", businessCenterId: null, currency: "USD", country: "US", timeZone: "UTC", industry: null, billing: "manual", kind: "self_serve", paymentMethod: false, priorPaidHistory: false, billingThreshold: 0, creditLimit: 0, createdAt: T0 });
      await tx.appendTransaction({ accountId: "a1", type: "top_up", amount: 5, at: T0 });
    });
    expect(() => db.$client.exec("update transactions set amount = 6")).toThrow(/append-only/);
    expect(() => db.$client.exec("delete from transactions")).toThrow(/append-only/);
  });
});

describe("SQLite store: a charge straight through (transactionNow, maybe.ts)", () => {
  async function chargeWorld(cash: number): Promise<Db> {
    const db = await world();
    expect((await engine.createAccount(db, T0, { id: "a1", paymentMethod: true })).ok).toBe(true);
    if (cash > 0) expect((await engine.topUp(db, T0, { accountId: "a1", amount: cash })).ok).toBe(true);
    expect((await engine.createCampaign(db, T0, { id: "c1", accountId: "a1", adProduct: "in_feed" })).ok).toBe(true);
    return db;
  }

  it("R1–R3: runs a new charge as one transaction that no queued code can see into", async () => {
    const db = await chargeWorld(10_000);
    const observed: boolean[] = [];
    const foreign = async () => {
      for (let i = 0; i < 5; i++) {
        await null;
        observed.push(db.$client.inTransaction);
      }
    };
    void foreign();
    process.nextTick(() => observed.push(db.$client.inTransaction));
    const charged = engine.charge(db, T0 + 1, { id: "x1", campaignId: "c1", amount: 700 });
    // Straight through: committed before the call returned, with nothing else run in between.
    expect(db.$client.prepare("select count(*) from charges where id = 'x1'").pluck().get()).toBe(1);
    void foreign();
    expect(await charged).toMatchObject({ ok: true, cash: 700, replayed: false });
    await new Promise((resolve) => setImmediate(resolve));
    expect(observed).toHaveLength(11);
    expect(observed.filter(Boolean)).toEqual([]);
    expect(db.$client.prepare("select cash_balance from ad_accounts").pluck().get()).toBe(9_300);
  });

  it("waits behind a transaction already under way instead of running before it or inside it", async () => {
    const db = await chargeWorld(0);
    const store = sqliteStore(db);
    // Queued first (it waits for the next macrotask to BEGIN): the top-up the charge needs.
    const topUp = store.transaction(async (tx) => {
      expect(store.transactionNow((inner) => inner.clockNow())).toBeUndefined();
      await tx.setCashBalance("a1", 500);
      await tx.appendTransaction({ accountId: "a1", type: "top_up", amount: 500, at: T0 });
    });
    expect(store.transactionNow((tx) => tx.clockNow())).toBeUndefined();
    const charged = engine.charge(db, T0 + 1, { id: "x1", campaignId: "c1", amount: 500 });
    await topUp;
    expect(await charged).toMatchObject({ ok: true, cash: 500 });
    expect(await audit(db)).toEqual([]);
  });

  it("leaves alone a transaction other code has open on the connection, and charges once it has ended", async () => {
    const db = await chargeWorld(10_000);
    db.$client.exec("BEGIN");
    db.$client.prepare("update sandbox_clock set now = ?").run(T0 + 7);
    const charged = engine.charge(db, T0 + 1, { id: "x1", campaignId: "c1", amount: 700 });
    expect(db.$client.inTransaction).toBe(true);
    db.$client.exec("COMMIT");
    expect(await charged).toMatchObject({ ok: true, cash: 700 });
    expect(await sqliteStore(db).clockNow()).toBe(T0 + 7);
  });

  it("rolls back a body that waits for something, and refuses calls until it has finished", async () => {
    const db = await chargeWorld(0);
    const store = sqliteStore(db);
    let finish!: () => void;
    const later = new Promise<void>((resolve) => (finish = resolve));
    expect(() =>
      store.transactionNow(async (tx) => {
        await tx.setClock(T0 + 5);
        await later;
      }),
    ).toThrow(/awaited something other than the store/);
    expect(db.$client.inTransaction).toBe(false);
    await expect(store.clockNow()).rejects.toThrow(/awaited something other than the store/);
    finish();
    await later;
    await new Promise((resolve) => setImmediate(resolve));
    expect(await store.clockNow()).toBe(T0);
    expect(store.transactionNow((tx) => tx.chargesByIds(["none"]))).toEqual({ value: new Map() });
  });
});
