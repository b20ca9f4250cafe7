// npm run bench: the engine's throughput on its reference workload against the SQLite floor, measured in
// the same run (alternating, median of BENCH_RUNS each), with the ratio; then single charges and the demo
// seed (median of BENCH_RUNS runs each). Prints figures; asserts nothing. Timings on a shared machine are
// noisy (a run can be a third slower than the next): compare medians, or the ratio.
//
// npm run bench -- --backend pg: `charge` throughput on PostgreSQL beside SQLite's for the same workloads
// (lib/bench/charge-load.ts): one process, BENCH_PROCS processes over many accounts, and over one hot
// account; each run's charges are counted and its ledger audited. PostgreSQL is DATABASE_URL when it is a
// postgres:// URL (the bench adds accounts and charges under a fresh id prefix), else a throwaway cluster.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { openDb } from "@/db/client";
import { seedDemo } from "@/db/seed";
import * as engine from "@/lib/credits";
import { chargeCount, deliveryWorld, WORKLOAD } from "@/lib/bench/delivery-workload";
import { floorCharges } from "@/lib/bench/floor";
import { singleChargeWorld, T0 } from "@/lib/bench/single-charge-world";
import { chargeRows, runLoad, type Load, type Target } from "@/lib/bench/charge-load";
import { migratePg, openPg } from "@/db/pg";
import { env } from "@/lib/env";
import { startPostgres, type PgCluster } from "@/lib/testing/postgres";

const usage = "usage: npm run bench [-- --backend sqlite|pg]";
const args = z
  .union([
    z.tuple([]).transform(() => ({ backend: "sqlite" as const })),
    z.tuple([z.literal("--backend"), z.enum(["sqlite", "pg"], { error: "--backend is sqlite or pg" })]).transform(([, backend]) => ({ backend })),
  ])
  .safeParse(process.argv.slice(2));
if (!args.success) {
  const argv = process.argv.slice(2);
  const bad = argv[0] === "--backend" && argv.length === 2 ? `--backend is sqlite or pg, not "${argv[1]}"\n` : "";
  console.error(`${bad}${usage}`);
  process.exit(2);
}

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 3));
const N = Number(process.env.BENCH_CHARGES || 20_000);

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const line = (label: string, perSecond: number, detail: string) =>
  console.log(`${label.padEnd(58)} ${perSecond.toLocaleString("en-US").padStart(9)} /s   ${detail}`);

async function engineWorkload(): Promise<{ charges: number; ms: number }> {
  const db = await deliveryWorld();
  const before = chargeCount(db);
  const start = performance.now();
  const result = await engine.simulate(db, { hours: WORKLOAD.hours });
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(`simulate failed: ${result.error}`);
  const charges = chargeCount(db) - before;
  db.$client.close();
  return { charges, ms };
}



async function main() {
  console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  console.log("In-memory SQLite. Engine: the app's schema (indexes, foreign keys, CHECKs, daily totals), every rule.\n");

  {
    const engineRates: number[] = [];
    const floorRates: number[] = [];
    let charges = 0;
    for (let run = 0; run < RUNS; run++) {
      const e = await engineWorkload();
      charges = e.charges;
      engineRates.push(rate(e.charges, e.ms));
      const f = floorCharges(e.charges);
      floorRates.push(rate(f.charges, f.ms));
    }
    const e = median(engineRates);
    const f = median(floorRates);
    console.log(`Reference workload: hourly delivery of ${WORKLOAD.campaigns} campaigns × ${WORKLOAD.hours} h, one account with ${WORKLOAD.credits} active credits (${charges.toLocaleString("en-US")} charges), median of ${RUNS}:`);
    line("  engine.simulate (one transaction, every rule)", e, `runs: ${engineRates.join(", ")}`);
    line("  floor: raw prepared SQLite, plain tables, 1 tx per charge", f, `runs: ${floorRates.join(", ")}`);
    console.log(`  ratio engine / floor: ${(e / f).toFixed(3)}  (target ≥ 0.25)\n`);
  }

  {
    // Each run on a fresh database: N charges, then the same N again (replays). Median of RUNS, as above.
    const charges: number[] = [];
    const replays: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const db = await singleChargeWorld();
      let start = performance.now();
      for (let i = 0; i < N; i++) await engine.charge(db, T0 + i, { id: `x${i}`, campaignId: "c1", amount: 1_000 });
      charges.push(rate(N, performance.now() - start));
      start = performance.now();
      for (let i = 0; i < N; i++) await engine.charge(db, T0 + i, { id: `x${i}`, campaignId: "c1", amount: 1_000 });
      replays.push(rate(N, performance.now() - start));
      db.$client.close();
    }
    line("engine.charge, one operation (BEGIN IMMEDIATE) each", median(charges), `(${N} a run; runs: ${charges.join(", ")})`);
    line("engine.charge replay (idempotent hit)", median(replays), `(runs: ${replays.join(", ")})`);
  }

  {
    const times: number[] = [];
    let charges = 0;
    for (let run = 0; run < RUNS; run++) {
      const db = openDb(":memory:");
      const seeded = await seedDemo(db);
      charges = seeded.charges;
      times.push(seeded.ms / 1000);
      db.$client.close();
    }
    console.log(`${"demo seed (60 days of delivery through the engine)".padEnd(58)} ${median(times).toFixed(2).padStart(9)} s    (${charges} charges; runs: ${times.map((t) => t.toFixed(2)).join(", ")} s)`);
  }
}
const PROCS = Math.max(2, Number(process.env.BENCH_PROCS || 4));
const PER_PROC = Math.max(1, Number(process.env.BENCH_PG_CHARGES || 1_000));
const ACCOUNTS = 100;

async function postgresTarget(): Promise<{ target: Target; cluster?: PgCluster; where: string }> {
  if (env.postgresUrl) {
    const db = openPg(env.postgresUrl);
    await migratePg(db);
    await db.$client.end();
    return { target: { backend: "pg", url: env.postgresUrl }, where: "DATABASE_URL (accounts and charges added under a fresh bench_ prefix)" };
  }
  const cluster = await startPostgres({ fast: process.env.BENCH_PG_FSYNC === "off" });
  const db = openPg(cluster.url);
  await migratePg(db);
  await db.$client.end();
  return { target: { backend: "pg", url: cluster.url }, cluster, where: `a throwaway cluster (initdb; ${process.env.BENCH_PG_FSYNC === "off" ? "fsync off, as SQLite's synchronous = NORMAL does not sync each commit" : "PostgreSQL's defaults: each commit waits for its WAL to reach the disk"})` };
}

async function mainPg() {
  console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  const { target: pg, cluster, where } = await postgresTarget();
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-sqlite-"));
  const sqlite: Target = { backend: "sqlite", file: path.join(dir, "bench.db") };
  console.log(`PostgreSQL: ${where}.`);
  console.log("SQLite: one file in WAL mode (synchronous = NORMAL), as the app opens it; every process its own connection.");
  console.log("engine.charge, one operation (one transaction) each, 1,000 minor units with a 5% discount, a free credit and cash; processes charge one after another.\n");
  const loads: [string, Load][] = [
    ["1 process (1 connection), 100 accounts", { processes: 1, perProcess: PER_PROC, accounts: ACCOUNTS }],
    [`${PROCS} processes, ${ACCOUNTS} accounts`, { processes: PROCS, perProcess: PER_PROC, accounts: ACCOUNTS }],
    [`${PROCS} processes, 1 hot account`, { processes: PROCS, perProcess: PER_PROC, accounts: 1 }],
  ];
  const run = Date.now().toString(36);
  console.log(`${"workload".padEnd(40)} ${"SQLite".padStart(12)} ${"PostgreSQL".padStart(12)}   checks`);
  try {
    for (const [n, [label, load]] of loads.entries()) {
      const cells: string[] = [];
      const checks: string[] = [];
      for (const target of [sqlite, pg]) {
        const prefix = `bench_${run}_${n}_`;
        const r = await runLoad(target, prefix, load);
        const rows = await chargeRows(target, prefix);
        const expected = load.processes * load.perProcess;
        cells.push(`${rate(r.charges, r.ms).toLocaleString("en-US")} /s`);
        const name = target.backend === "pg" ? "PostgreSQL" : "SQLite";
        if (r.failed || rows !== expected || r.charges !== expected || r.auditFindings)
          checks.push(`${name}: ${r.charges}/${expected} charged, ${rows} rows, ${r.failed} failed ${r.failures.join("; ")}, ${r.auditFindings} audit findings`);
        else checks.push(`${name}: ${rows.toLocaleString("en-US")} charges, none lost or doubled, audit clean`);
      }
      console.log(`${label.padEnd(40)} ${cells[0]!.padStart(12)} ${cells[1]!.padStart(12)}   ${checks.join("; ")}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    cluster?.stop();
  }
  console.log(`\nload average after: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
}

if (args.data.backend === "pg") void mainPg();
else void main();
