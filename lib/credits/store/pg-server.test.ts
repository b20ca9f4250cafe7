// The PostgreSQL adapter on a real server, through a node-postgres pool, where transactions really run at
// once: the Store contract, scenario output equal to SQLite's, and races that the row locks must settle as
// BEGIN IMMEDIATE does (docs/scaling.md). On PG_TEST_URL when it names a database it may empty (e.g.
// postgres://postgres@127.0.0.1:5432/promotions_test), else on a throwaway cluster (lib/testing/postgres.ts),
// skipped with the reason when no PostgreSQL is installed, failed under CI.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratePg, openPg, type PgDb } from "@/db/pg";
import { startMigratedPostgres, type PgCluster } from "@/lib/testing/postgres";
import { describePostgres } from "@/lib/testing/postgres-vitest";
import { pgBackend, sqliteBackend } from "@/lib/scenario/backend";
import { expectationSchema } from "@/lib/scenario/expectation";
import { runScenario } from "@/lib/scenario/run";
import { InvalidScenario, parseScenario } from "@/lib/scenario/schema";
import { audit } from "../audit";
import { must } from "../errors";
import * as engine from "../index";
import { T0 } from "../test-kit";
import { storeContract } from "./contract";
import { PgStore } from "./pg";

const url = process.env.PG_TEST_URL;

let db: PgDb;
let cluster: PgCluster | undefined;

/** Empties every table and restarts the identities (TRUNCATE fires no row trigger). */
async function reset() {
  const { rows } = await db.$client.query<{ name: string }>(
    "select quote_ident(tablename) as name from pg_tables where schemaname = 'public' order by tablename",
  );
  await db.$client.query(`truncate ${rows.map((r) => r.name).join(", ")} restart identity cascade`);
}

const describeServer = url ? (name: string, fn: () => void) => void describe(name, fn) : describePostgres;

describeServer(url ? "PostgreSQL server (PG_TEST_URL)" : "PostgreSQL server (a throwaway cluster)", () => {
  beforeAll(async () => {
    if (url) {
      db = openPg(url);
      await migratePg(db);
    } else {
      const started = await startMigratedPostgres({ fast: true });
      cluster = started;
      db = started.db;
    }
  }, 120_000);
  afterAll(async () => {
    await db?.$client.end();
    cluster?.stop();
  });

  storeContract(
    "pg on a node-postgres pool",
    async () => {
      await reset();
      return { store: new PgStore(db), close: () => undefined };
    },
    { inCallOrder: false },
  );

  /** An account "a1" paying by card with campaign "c1", and a one-use code for a coupon, at T0. */
  async function world(store: PgStore) {
    await reset();
    must(await engine.initClock(store, T0));
    must(await engine.createPromotion(store, T0, { id: "p", kind: "coupon", amount: 500, eligibility: {}, exclusive: false }));
    must(await engine.issueCode(store, T0, { code: "ONCE", promotionId: "p", maxRedemptions: 1 }));
    must(await engine.createAccount(store, T0, { id: "a1", billing: "automatic", paymentMethod: true, billingThreshold: 1_000_000 }));
    must(await engine.createCampaign(store, T0, { id: "c1", accountId: "a1", adProduct: "in_feed" }));
  }

  it("a new charge is seven statements and a retry four, each a round trip to the server (docs/scaling.md)", async () => {
    const store = new PgStore(db);
    await world(store);
    must(await engine.grantCredit(store, T0, { id: "g", accountId: "a1", type: "free", amount: 100_000 }));
    must(await engine.grantCredit(store, T0, { id: "d", accountId: "a1", type: "discount", percent: 5, amount: 100_000 }));
    const counted = async (run: () => Promise<unknown>) => {
      let n = 0;
      const query = Client.prototype.query;
      Client.prototype.query = function (this: Client, ...args: unknown[]) {
        n++;
        return (query as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof query;
      try {
        await run();
      } finally {
        Client.prototype.query = query;
      }
      return n;
    };
    // BEGIN, the account's lock, the campaign with any charge of this id, the books' accounts and the rest
    // of the books, every write, COMMIT.
    expect(await counted(async () => must(await engine.charge(store, T0, { id: "x", campaignId: "c1", amount: 1_000 })))).toBe(7);
    let again: unknown;
    expect(await counted(async () => (again = must(await engine.charge(store, T0, { id: "x", campaignId: "c1", amount: 1_000 }))))).toBe(4);
    expect(again).toMatchObject({ replayed: true, discount: 50, credits: 950 });
  });

  it("a campaign created after a charge looked for its account is not charged: the charge came first (R3's lock, serial order)", async () => {
    const store = new PgStore(db);
    await world(store);
    // Between the charge's lock (which finds no campaign c9, so holds no account) and its next statement,
    // another connection creates c9 and commits.
    const rows = Object.getOwnPropertyDescriptor(PgStore.prototype, "rows")!.value as (...a: unknown[]) => Promise<unknown>;
    let created = false;
    const patched = async function (this: PgStore, ...args: unknown[]) {
      const out = await rows.apply(this, args);
      if (!created) {
        created = true;
        must(await engine.createCampaign(new PgStore(db), T0, { id: "c9", accountId: "a1", adProduct: "in_feed" }));
      }
      return out;
    };
    Object.defineProperty(PgStore.prototype, "rows", { value: patched, configurable: true, writable: true });
    let result;
    try {
      result = await engine.charge(store, T0, { id: "early", campaignId: "c9", amount: 1_000 });
    } finally {
      Object.defineProperty(PgStore.prototype, "rows", { value: rows, configurable: true, writable: true });
    }
    expect(created).toBe(true);
    expect(result).toMatchObject({ ok: false, error: "not_found" });
    // Once created, the campaign is charged as usual.
    expect(await engine.charge(store, T0, { id: "later", campaignId: "c9", amount: 1_000 })).toMatchObject({ ok: true, replayed: false });
  });

  it("a charge id with a lone surrogate is stored (as U+FFFD, as bound text is) and its retry is a replay", async () => {
    const store = new PgStore(db);
    await world(store);
    expect(await engine.charge(store, T0, { id: "x\ud800", campaignId: "c1", amount: 1_000 })).toMatchObject({ ok: true, replayed: false });
    expect(await engine.charge(store, T0, { id: "x\ud800", campaignId: "c1", amount: 1_000 })).toMatchObject({ ok: true, replayed: true });
    expect(await audit(store)).toEqual([]);
  });

  it("the same charge ids from many connections at once: one charge each, the rest replayed (R3), audit clean", async () => {
    const store = new PgStore(db);
    await world(store);
    const ids = Array.from({ length: 10 }, (_, i) => `x${i}`);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => ids.map((id) => engine.charge(store, T0, { id, campaignId: "c1", amount: 100 }))).flat(),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.replayed)).toHaveLength(ids.length);
    expect((await db.$client.query("select count(*)::int as n from charges")).rows[0].n).toBe(ids.length);
    expect((await store.accountForUpdate("a1"))!.amountDue).toBe(100 * ids.length);
    expect(await audit(store)).toEqual([]);
  });

  it("one charge id used by two accounts at once: one charge, the other answered as a conflict (R3), not an error", async () => {
    const store = new PgStore(db);
    await world(store);
    must(await engine.createAccount(store, T0, { id: "a2", billing: "automatic", paymentMethod: true, billingThreshold: 1_000_000 }));
    must(await engine.createCampaign(store, T0, { id: "c2", accountId: "a2", adProduct: "in_feed" }));
    for (let round = 0; round < 5; round++) {
      const id = `z${round}`;
      const results = await Promise.all([
        engine.charge(store, T0, { id, campaignId: "c1", amount: 100 }),
        engine.charge(store, T0, { id, campaignId: "c2", amount: 100 }),
      ]);
      expect(results.filter((r) => r.ok && !r.replayed)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(["idempotency_conflict"]);
    }
    expect(await audit(store)).toEqual([]);
  });

  it("8 accounts redeem a max_redemptions = 1 code at once: exactly one succeeds (R7), audit clean", async () => {
    const store = new PgStore(db);
    await world(store);
    const accounts = Array.from({ length: 8 }, (_, i) => `b${i}`);
    for (const id of accounts) must(await engine.createAccount(store, T0, { id, paymentMethod: true, kind: "self_serve" }));
    const results = await Promise.all(accounts.map((accountId) => engine.redeem(store, T0, { accountId, code: "ONCE" })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(Array(7).fill("code_used_up"));
    expect(await audit(store)).toEqual([]);
  });

  it("charges racing a freeze on one account: each charge sees the account frozen or not, never half (R1), audit clean", async () => {
    const store = new PgStore(db);
    await world(store);
    must(await engine.grantCredit(store, T0, { id: "g", accountId: "a1", type: "free", amount: 10_000 }));
    const charges = Array.from({ length: 20 }, (_, i) => engine.charge(store, T0, { id: `y${i}`, campaignId: "c1", amount: 300 }));
    const [frozen] = await Promise.all([engine.freeze(store, T0, { accountId: "a1" }), ...charges]);
    expect(frozen.ok).toBe(true);
    const paid = await Promise.all(charges);
    // Once frozen, credits pay for nothing: every charge after the freeze is out of pocket entirely.
    const byCredits = paid.filter((r) => r.ok && r.credits > 0);
    const billed = paid.filter((r) => r.ok && r.billed === 300);
    expect(byCredits.length + billed.length).toBe(20);
    expect(await audit(store)).toEqual([]);
  });

  it("npm run scenario -- --backend postgres prints SQLite's bytes, in a scratch database it drops after", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "scenario-pg-"));
    try {
      const file = path.join(dir, "s.json");
      writeFileSync(file, JSON.stringify(JSON.parse(readFileSync("lib/credits/scenarios/r02-assigned-order.json", "utf8")).scenario));
      const run = (args: string[]) =>
        spawnSync(process.execPath, ["--import", "tsx", "lib/cli/scenario.ts", ...args, file], { encoding: "utf8", env: { ...process.env, DATABASE_URL: url ?? cluster!.url } });
      const lite = run([]);
      const pg = run(["--backend", "postgres"]);
      expect([lite.status, pg.status, pg.stderr]).toEqual([0, 0, ""]);
      expect(pg.stdout).toBe(lite.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const folder = "lib/credits/scenarios";
  const runnable = (existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith(".json")).sort() : []).flatMap((f) => {
    try {
      return [{ file: f, scenario: parseScenario(expectationSchema.parse(JSON.parse(readFileSync(path.join(folder, f), "utf8"))).scenario) }];
    } catch (e) {
      if (e instanceof InvalidScenario) return [];
      throw e;
    }
  });

  it.each(runnable)("$file: the same output as on SQLite", async ({ scenario }) => {
    const onSqlite = JSON.stringify(await runScenario(scenario, sqliteBackend()));
    await reset();
    expect(JSON.stringify(await runScenario(scenario, pgBackend(db)))).toBe(onSqlite);
  });
});
