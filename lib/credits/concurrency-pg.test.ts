// Races between processes on a real PostgreSQL server (issue 12; the pg store's locking, store/pg.ts): four
// processes, each with its own pool, start the same work at the same moment through the engine. The same
// charge ids from every process are one charge each and replays elsewhere (R3); eight accounts redeeming a
// `max_redemptions = 1` code give exactly one redemption; charges racing a freeze see it in one serial order
// (credits until the freeze, none after: R12). Nothing throws (no deadlock reaches a caller), and the R16
// audit is clean after each. One throwaway cluster for the file (lib/testing/postgres.ts), emptied per test.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PgDb } from "@/db/pg";
import { resetPostgres, startMigratedPostgres, type PgCluster } from "@/lib/testing/postgres";
import { describePostgres } from "@/lib/testing/postgres-vitest";
import type { Run } from "@/lib/testing/race-protocol";
import { audit } from "./audit";
import * as engine from "./index";
import { PgStore } from "./store/pg";
import { must, T0 } from "./test-kit";

const WORKERS = 4;

type Outcome = { call: string; ok: boolean; error?: string; thrown?: string; result?: { cash?: number; credits?: number; discount?: number; replayed?: boolean } };

describePostgres("processes racing on one PostgreSQL database", () => {
  let cluster: (PgCluster & { db: PgDb }) | undefined;
  beforeAll(async () => {
    cluster = await startMigratedPostgres({ fast: true });
  }, 120_000);
  afterAll(async () => {
    await cluster?.db.$client.end();
    cluster?.stop();
  });

  /** A fresh database and a store on it. */
  async function world() {
    await resetPostgres(cluster!.db);
    const store = new PgStore(cluster!.db);
    must(await engine.initClock(store, T0));
    return store;
  }

  /** Starts the workers, waits until every one is ready, says go to all at once, and gathers their outcomes. */
  async function race(name: string, count = 0): Promise<Outcome[]> {
    const workers = Array.from({ length: WORKERS }, (_, n) => {
      const child = spawn(process.execPath, ["--import", "tsx", "lib/testing/pg-race-worker.ts", cluster!.url, name, String(n), String(count)], {
        stdio: ["pipe", "pipe", "inherit"],
      });
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      return { child, next: async () => (await lines.next()).value as string };
    });
    for (const w of workers) expect(await w.next()).toBe("ready");
    for (const w of workers) w.child.stdin.end("go\n");
    const all = (await Promise.all(workers.map(async (w) => JSON.parse(await w.next()) as Run & { outcomes: Outcome[] }))).flatMap((r) => r.outcomes);
    expect(all.filter((o) => o.thrown).map((o) => `${o.call}: ${o.thrown}`)).toEqual([]);
    return all;
  }

  const one = async <T>(query: string, params: unknown[] = []) => (await cluster!.db.$client.query(query, params)).rows as T[];

  it("the same charge ids from every process: one charge row each, every other answer a replay of it (R3)", async () => {
    const store = await world();
    const CHARGES = 200;
    for (let a = 0; a < 10; a++) {
      must(await engine.createAccount(store, T0, { id: `acct_${a}`, paymentMethod: true }));
      must(await engine.topUp(store, T0, { accountId: `acct_${a}`, amount: 10_000_000 }));
      must(await engine.createCampaign(store, T0, { id: `camp_${a}`, accountId: `acct_${a}`, adProduct: "in_feed" }));
      must(await engine.grantCredit(store, T0, { id: `free_${a}`, accountId: `acct_${a}`, type: "free", amount: 5_000 }));
    }
    const all = await race("same-ids", CHARGES);
    expect(all).toHaveLength(WORKERS * CHARGES);
    expect(all.filter((o) => !o.ok)).toEqual([]);
    for (let i = 0; i < CHARGES; i++) {
      const answers = all.filter((o) => o.call === `charge same-${i}`);
      expect(answers.filter((o) => !o.result!.replayed), `same-${i} charged once`).toHaveLength(1);
      expect(new Set(answers.map((o) => JSON.stringify({ ...o.result, replayed: undefined }))).size, `same-${i} one split`).toBe(1);
    }
    const [rows] = await one<{ n: number; amount: number }>("select count(*)::int as n, sum(amount)::int as amount from charges");
    expect(rows).toEqual({ n: CHARGES, amount: Array.from({ length: CHARGES }, (_, i) => 300 + (i % 7) * 100).reduce((a, b) => a + b) });
    // Each charge's ledger rows were written once.
    expect(
      await one("select charge_id from transactions where charge_id is not null group by charge_id, type, coalesce(credit_id, '') having count(*) > 1"),
    ).toEqual([]);
    expect(await audit(store)).toEqual([]);
  });

  it("eight accounts redeem a max_redemptions = 1 code at once: exactly one redemption (R10)", async () => {
    const store = await world();
    for (let a = 0; a < 2 * WORKERS; a++) must(await engine.createAccount(store, T0, { id: `acct_${a}`, paymentMethod: true }));
    must(await engine.createPromotion(store, T0, { id: "once", kind: "coupon", amount: 5_000, eligibility: {}, exclusive: false }));
    must(await engine.issueCode(store, T0, { code: "ONCE", promotionId: "once", maxRedemptions: 1 }));
    const all = await race("redeem");
    expect(all).toHaveLength(2 * WORKERS);
    expect(all.filter((o) => o.ok)).toHaveLength(1);
    expect(new Set(all.filter((o) => !o.ok).map((o) => o.error))).toEqual(new Set(["code_used_up"]));
    expect(await one("select count(*)::int as n from redemptions")).toEqual([{ n: 1 }]);
    expect(await one("select count(*)::int as n from credits where promotion_id = 'once'")).toEqual([{ n: 1 }]);
    expect(await audit(store)).toEqual([]);
  });

  it("charges racing a freeze on one account: credits pay until the freeze, none after it, in one serial order (R12)", async () => {
    const store = await world();
    const CHARGES = 60;
    must(await engine.createAccount(store, T0, { id: "hot", paymentMethod: true }));
    must(await engine.topUp(store, T0, { accountId: "hot", amount: 10_000_000 }));
    must(await engine.createCampaign(store, T0, { id: "hot_c", accountId: "hot", adProduct: "in_feed" }));
    // Enough to pay every charge, so only the freeze stops the credit paying.
    must(await engine.grantCredit(store, T0, { id: "free", accountId: "hot", type: "free", amount: 10_000_000 }));
    const all = await race("freeze", CHARGES);
    expect(all.filter((o) => !o.ok)).toEqual([]);
    const frozenAt = all.findIndex((o) => o.call === "freeze");
    expect(frozenAt).toBeGreaterThanOrEqual(0);
    // The freezing worker's own charges after its freeze see it.
    const after = all.slice(frozenAt + 1).filter((o) => o.call.startsWith("charge f-0-"));
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((o) => o.result!.credits !== 0)).toEqual([]);
    // In the order the account's lock admitted them (their ledger rows' identity), the charges that used the
    // credit all come before those that did not: no charge used it once another had seen the freeze.
    const ordered = await one<{ id: string; credits: number }>(
      `select c.id, c.credits::int as credits from charges c join transactions t on t.charge_id = c.id
       group by c.id, c.credits order by min(t.id)`,
    );
    expect(ordered).toHaveLength(WORKERS * CHARGES);
    const firstUnpaid = ordered.findIndex((c) => c.credits === 0);
    expect(firstUnpaid).toBeGreaterThan(0);
    expect(ordered.slice(firstUnpaid).filter((c) => c.credits !== 0)).toEqual([]);
    // The processes really overlapped: each worker's charges interleave with another's in that order.
    const span = (n: number) => {
      const at = ordered.flatMap((c, i) => (c.id.startsWith(`f-${n}-`) ? [i] : []));
      return { first: at[0]!, last: at[at.length - 1]! };
    };
    const spans = Array.from({ length: WORKERS }, (_, n) => span(n));
    expect(spans.filter((a, i) => spans.some((b, j) => i !== j && a.first < b.last && b.first < a.last)).length).toBeGreaterThanOrEqual(2);
    expect(await audit(store)).toEqual([]);
  });
});
