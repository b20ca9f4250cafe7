// The charge load of `npm run bench -- --backend pg`: processes charging at once through the engine, on
// SQLite (one WAL file, as the app runs) and on PostgreSQL, over many accounts or one hot account. Each
// process is lib/bench/charge-worker.ts; the clock runs from "go" (all processes started and connected) to
// the last one's answer. After a run, every charge is counted and the ledger audited (R16).
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { openDb } from "@/db/client";
import { openPg } from "@/db/pg";
import { audit } from "@/lib/credits/audit";
import * as engine from "@/lib/credits";
import { PgStore } from "@/lib/credits/store/pg";
import type { EngineDb } from "@/lib/credits/tx";

export const BENCH_T0 = Date.UTC(2026, 0, 1);

export type Target = { backend: "sqlite"; file: string } | { backend: "pg"; url: string };
export type Load = { processes: number; perProcess: number; accounts: number };
export type LoadResult = { charges: number; ms: number; failed: number; failures: string[]; auditFindings: number };

const account = (prefix: string, a: number) => `${prefix}a${a}`;

/** Worker `worker`'s `i`th charge: its own id, on an account the workers take in turn. */
export function chargeTarget(prefix: string, worker: number, i: number, accounts: number) {
  const a = (i * 7919 + worker) % accounts;
  return { id: `${prefix}w${worker}-${i}`, campaignId: `${account(prefix, a)}c` };
}

async function withEngineDb<T>(target: Target, fn: (db: EngineDb) => Promise<T>): Promise<T> {
  if (target.backend === "sqlite") {
    const db = openDb(target.file);
    try {
      return await fn(db);
    } finally {
      db.$client.close();
    }
  }
  const db = openPg(target.url);
  try {
    return await fn(new PgStore(db));
  } finally {
    await db.$client.end();
  }
}

/**
 * Accounts `prefix`a0… with cash, a campaign, a 5% discount and a free credit each (so a charge takes the
 * discount, the credit and cash: every step of R5). The clock is set once per database.
 */
async function world(db: EngineDb, prefix: string, accounts: number) {
  if ((await engine.clockNow(db)) == null) await engine.initClock(db, BENCH_T0);
  for (let a = 0; a < accounts; a++) {
    const id = account(prefix, a);
    const must = (r: engine.Result<object>) => {
      if (!r.ok) throw new Error(`bench world ${id}: ${r.error}`);
    };
    must(await engine.createAccount(db, BENCH_T0, { id, paymentMethod: true }));
    must(await engine.topUp(db, BENCH_T0, { accountId: id, amount: 1_000_000_000 }));
    must(await engine.createCampaign(db, BENCH_T0, { id: `${id}c`, accountId: id, adProduct: "in_feed" }));
    must(await engine.grantCredit(db, BENCH_T0, { id: `${id}d`, accountId: id, type: "discount", percent: 5, amount: 100_000_000 }));
    must(await engine.grantCredit(db, BENCH_T0, { id: `${id}g`, accountId: id, type: "free", amount: 100_000_000 }));
  }
}

/** Runs `load` on `target` under the id prefix `prefix` (unique per run, so a shared database is never reused). */
export async function runLoad(target: Target, prefix: string, load: Load): Promise<LoadResult> {
  await withEngineDb(target, (db) => world(db, prefix, load.accounts));
  const where = target.backend === "sqlite" ? target.file : target.url;
  const workers = Array.from({ length: load.processes }, (_, n) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "lib/bench/charge-worker.ts", target.backend, where, prefix, String(n), String(load.perProcess), String(load.accounts)],
      { stdio: ["pipe", "pipe", "inherit"] },
    );
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    return { child, next: async () => (await lines.next()).value as string | undefined };
  });
  for (const w of workers) if ((await w.next()) !== "ready") throw new Error("a bench worker did not start");
  const start = performance.now();
  for (const w of workers) w.child.stdin.end("go\n");
  const answers = await Promise.all(
    workers.map(async (w) => JSON.parse((await w.next()) ?? '{"ok":0,"failed":1,"failures":["worker died"]}') as { ok: number; failed: number; failures: string[] }),
  );
  const ms = performance.now() - start;
  return withEngineDb(target, async (db) => {
    const findings = await audit(db);
    return {
      charges: answers.reduce((sum, a) => sum + a.ok, 0),
      ms,
      failed: answers.reduce((sum, a) => sum + a.failed, 0),
      failures: answers.flatMap((a) => a.failures).slice(0, 5),
      auditFindings: findings.length,
    };
  });
}

/** How many charges rows the run wrote: equal to the charges answered, or one was lost or doubled. */
export async function chargeRows(target: Target, prefix: string): Promise<number> {
  if (target.backend === "sqlite") {
    const db = openDb(target.file);
    try {
      return db.$client.prepare("select count(*) from charges where id like ?").pluck().get(`${prefix}w%`) as number;
    } finally {
      db.$client.close();
    }
  }
  const db = openPg(target.url);
  try {
    const { rows } = await db.$client.query<{ n: number }>("select count(*)::int as n from charges where id like $1", [`${prefix}w%`]);
    return rows[0]!.n;
  } finally {
    await db.$client.end();
  }
}
