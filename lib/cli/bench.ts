// npm run bench: the engine's throughput on its reference workload against the SQLite floor, measured in
// the same run (alternating, median of BENCH_RUNS each), with the ratio; then single charges and the demo
// seed. Prints figures; asserts nothing. Timings on a shared machine are noisy: compare the ratio.
import os from "node:os";
import { openDb, type Db } from "@/db/client";
import { seedDemo } from "@/db/seed";
import * as engine from "@/lib/credits";
import { chargeCount, deliveryWorld, WORKLOAD } from "@/lib/bench/delivery-workload";
import { floorCharges } from "@/lib/bench/floor";

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 3));
const N = Number(process.env.BENCH_CHARGES || 20_000);
const T0 = Date.UTC(2026, 0, 1);

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

async function singleChargeWorld(): Promise<Db> {
  const db = openDb(":memory:");
  await engine.initClock(db, T0);
  await engine.createAccount(db, T0, { id: "a1", paymentMethod: true });
  await engine.topUp(db, T0, { accountId: "a1", amount: 1_000_000_000 });
  await engine.createCampaign(db, T0, { id: "c1", accountId: "a1", adProduct: "in_feed" });
  await engine.grantCredit(db, T0, { id: "d", accountId: "a1", type: "discount", percent: 5, amount: 100_000_000 });
  await engine.grantCredit(db, T0, { id: "g", accountId: "a1", type: "free", amount: 100_000_000 });
  await engine.grantCredit(db, T0, { id: "k", accountId: "a1", type: "conditional", amount: 100_000_000, requirement: { minCashBalance: 1 } });
  return db;
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
    const db = await singleChargeWorld();
    let start = performance.now();
    for (let i = 0; i < N; i++) await engine.charge(db, T0 + i, { id: `x${i}`, campaignId: "c1", amount: 1_000 });
    let ms = performance.now() - start;
    line("engine.charge, one operation (BEGIN IMMEDIATE) each", rate(N, ms), `(${N} in ${ms.toFixed(0)} ms)`);
    start = performance.now();
    for (let i = 0; i < N; i++) await engine.charge(db, T0 + i, { id: `x${i}`, campaignId: "c1", amount: 1_000 });
    ms = performance.now() - start;
    line("engine.charge replay (idempotent hit)", rate(N, ms), `(${N} in ${ms.toFixed(0)} ms)`);
  }

  {
    const db = openDb(":memory:");
    const { charges, ms } = await seedDemo(db);
    console.log(`${"demo seed (60 days of delivery through the engine)".padEnd(58)} ${(ms / 1000).toFixed(2).padStart(9)} s    (${charges} charges)`);
  }
}
void main();
