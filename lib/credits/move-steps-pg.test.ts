// Clock moves step by step on a real PostgreSQL server (issue 12, step 4; R15, R3, R16; ops/clock.ts):
// `simulate` commits each due event and each campaign-hour's charge in its own transaction, with the clock
// row recording how far it got. So (1) a process killed (SIGKILL) part-way through a long delivery leaves
// a clean ledger, and running the same `simulate` again resumes it, ending with exactly the ledger, and
// the answer, of an uninterrupted run on PostgreSQL and on SQLite; (2) while a delivery runs, an operation
// on an account it delivers for commits before it ends. The runs announce their commits through a NOTIFY
// trigger (no sleeps, no polling): the test waits for the commit it needs, then acts.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import type { Client, PoolClient } from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { migratePg, openPg, type PgDb } from "@/db/pg";
import { buildDeliveryWorld, WORLD_START } from "@/lib/testing/delivery-world";
import { startPostgres, type PgCluster } from "@/lib/testing/postgres";
import { describePostgres } from "@/lib/testing/postgres-vitest";
import { audit } from "./audit";
import * as engine from "./index";
import { HOUR } from "./rules/time";
import { PgStore } from "./store/pg";
import { must } from "./test-kit";

/** Eight days from late January: credits expire, the ladder completes and pays, February's billing runs. */
const HOURS = 24 * 8;
const END = WORLD_START + HOURS * HOUR;

const LEDGER = {
  charges: "select id, campaign_id, amount, discount, credits, cash, billed, credit_line, at from charges order by id",
  allocations: "select charge_id, credit_id, amount, step from charge_allocations order by charge_id, credit_id",
  transactions: `select account_id, type, amount, at, coalesce(credit_id, ''), coalesce(campaign_id, ''), coalesce(charge_id, '')
    from transactions order by id`,
  credits: "select id, used, unused, forfeited, status from credits order by id",
  accounts: "select id, cash_balance, amount_due, credit_line_used, prior_paid_history from ad_accounts order by id",
  activations: "select id, status, qualifying_spend, tier_reached, ended_at, reward_due_at from activations order by id",
  dailyTotals: "select account_id, day, type, campaign_id, credit_id, count, amount from daily_totals order by account_id, day, type, campaign_id, credit_id",
};
type Ledger = Record<keyof typeof LEDGER, unknown[][]>;

/** Every value as SQLite gives it: bigint text as numbers, booleans as 0 and 1. */
const plain = (v: unknown) => (typeof v === "boolean" ? Number(v) : typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : v);

async function pgLedger(db: PgDb): Promise<Ledger> {
  const out = {} as Ledger;
  for (const [name, text] of Object.entries(LEDGER))
    out[name as keyof Ledger] = (await db.$client.query({ text, rowMode: "array" })).rows.map((r: unknown[]) => r.map(plain));
  return out;
}

function sqliteLedger(db: Db): Ledger {
  const out = {} as Ledger;
  for (const [name, text] of Object.entries(LEDGER))
    out[name as keyof Ledger] = (db.$client.prepare(text).raw().all() as unknown[][]).map((r) => r.map(plain));
  return out;
}

describePostgres("clock moves step by step on PostgreSQL", () => {
  let cluster: PgCluster | undefined;
  const pools: PgDb[] = [];
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    cluster = await startPostgres({ fast: true });
  }, 120_000);
  afterAll(async () => {
    // A run a failed test left going.
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    for (const db of pools) await db.$client.end();
    cluster?.stop();
  });

  /** A new database on the cluster, migrated, with the delivery world built in it. */
  async function worldDb(name: string) {
    const admin = openPg(cluster!.url);
    await admin.$client.query(`create database ${name}`);
    await admin.$client.end();
    const url = new URL(cluster!.url);
    url.pathname = `/${name}`;
    const db = openPg(url.toString());
    pools.push(db);
    await migratePg(db);
    await buildDeliveryWorld(new PgStore(db));
    return { db, url: url.toString() };
  }

  /** A connection that hears each charge as it commits ("<account id> <charge id>"). */
  async function listen(db: PgDb): Promise<{ client: PoolClient; charges: AsyncIterator<string> }> {
    await db.$client.query(`create function announce_charge() returns trigger language plpgsql as $$
      begin perform pg_notify('charged', new.account_id || ' ' || new.id); return null; end $$`);
    await db.$client.query("create trigger announce_charge after insert on charges for each row execute function announce_charge()");
    const client = await db.$client.connect();
    const queue: string[] = [];
    let wake: (() => void) | undefined;
    (client as unknown as Client).on("notification", (n) => {
      queue.push(n.payload ?? "");
      wake?.();
    });
    await client.query("listen charged");
    const charges: AsyncIterator<string> = {
      async next() {
        while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        return { value: queue.shift()!, done: false };
      },
    };
    return { client, charges };
  }

  async function unlisten(db: PgDb, client: PoolClient) {
    client.release();
    await db.$client.query("drop trigger announce_charge on charges; drop function announce_charge()");
  }

  function simulateIn(url: string, hours: number) {
    const child = spawn(process.execPath, ["--import", "tsx", "lib/testing/pg-simulate-worker.ts", url, String(hours)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(child);
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
    return { child, exited, nextLine: async () => (await lines.next()).value as string | undefined };
  }

  const clockRow = async (db: PgDb) =>
    (await db.$client.query<{ now: string; move: { to: number; charged: number } | null }>("select now, move from sandbox_clock")).rows[0]!;

  it("a delivery killed part-way resumes when run again, to the ledger and answer of an uninterrupted run, on PostgreSQL and SQLite (R3, R15, R16)", async () => {
    // The uninterrupted runs: SQLite (one transaction) and PostgreSQL (step by step).
    const lite = openDb(":memory:");
    await buildDeliveryWorld(lite);
    const liteResult = must(await engine.simulate(lite, { hours: HOURS }));
    expect(liteResult.charged).toBeGreaterThan(1_000);
    expect(liteResult.failed).toBeGreaterThan(0);
    const control = await worldDb("control");
    const controlResult = must(await engine.simulate(new PgStore(control.db), { hours: HOURS }));
    expect(controlResult).toEqual(liteResult);
    const expected = sqliteLedger(lite);
    expect(await pgLedger(control.db)).toEqual(expected);
    // The run covered every kind of due event.
    expect(expected.transactions.some((t) => t[1] === "credit_expired")).toBe(true);
    expect(expected.transactions.some((t) => t[1] === "payment" && t[3] === Date.UTC(2026, 1, 1))).toBe(true);
    expect(expected.activations.some((a) => a[1] === "rewarded")).toBe(true);

    const crashed = await worldDb("crashed");
    const { client, charges } = await listen(crashed.db);
    const run = simulateIn(crashed.url, HOURS);
    // Killed once half the charges have committed: past the first expiries, before February's billing.
    for (let heard = 0; heard < liteResult.charged / 2; heard++) await charges.next();
    run.child.kill("SIGKILL");
    expect(await run.exited).toBe("SIGKILL");
    await unlisten(crashed.db, client);

    const store = new PgStore(crashed.db);
    expect(await audit(store)).toEqual([]);
    const cut = await clockRow(crashed.db);
    expect(Number(cut.now)).toBeGreaterThan(WORLD_START);
    expect(Number(cut.now)).toBeLessThan(END);
    // The clock row says where the move got to, and where it goes.
    expect(cut.move).toMatchObject({ to: END });
    expect(cut.move!.charged).toBeGreaterThanOrEqual(liteResult.charged / 2);

    // The same call again: it finishes the move cut short, and answers for the whole of it.
    expect(must(await engine.simulate(store, { hours: HOURS }))).toEqual(liteResult);
    expect(await audit(store)).toEqual([]);
    expect(await clockRow(crashed.db)).toEqual({ now: String(END), move: null });
    expect(await pgLedger(crashed.db)).toEqual(expected);
    lite.$client.close();
  }, 600_000);

  it("an operation on an account the delivery charges commits while the delivery runs (each campaign-hour its own transaction)", async () => {
    const { db, url } = await worldDb("beside");
    const store = new PgStore(db);
    const { client, charges } = await listen(db);
    // Hold w4's account: the delivery waits there in its first hour, after w0–w3's charges of that hour
    // (campaign-id order), so it cannot end while this test holds it.
    const holder = await db.$client.connect();
    await holder.query("begin");
    await holder.query("select id from ad_accounts where id = 'w4' for no key update");
    const run = simulateIn(url, 3);
    // w1's first charge has committed: the delivery is under way.
    while (!(await charges.next()).value.startsWith("w1 "));

    const now = (await engine.clockNow(store))!;
    const mine = must(await engine.charge(store, now, { id: "beside-1", campaignId: "w1-c0", amount: 500 }));
    expect(mine.replayed).toBe(false);
    // Committed, while the delivery has not ended (it is waiting for w4).
    expect((await db.$client.query("select id from charges where id = 'beside-1'")).rowCount).toBe(1);
    expect((await clockRow(db)).move).toMatchObject({ to: WORLD_START + 3 * HOUR });

    await holder.query("rollback");
    holder.release();
    const done = await run.nextLine();
    expect(await run.exited).toBe(0);
    const result = JSON.parse(done!.replace(/^done /, "")) as { ok: boolean; now: number; charged: number };
    expect(result).toMatchObject({ ok: true, now: WORLD_START + 3 * HOUR });
    await unlisten(db, client);
    expect(await audit(store)).toEqual([]);
    // The delivery went on charging w1 after the operation between its steps.
    expect((await db.$client.query("select id from charges where campaign_id = 'w1-c0' and at > $1", [now])).rowCount).toBeGreaterThan(0);
  }, 600_000);
});
