// npm run bench: how fast the engine applies charges, against raw SQLite writing the same rows, and how
// long the demo seed takes. Prints figures; asserts nothing.
import { openDb, type Db } from "@/db/client";
import { seedDemo } from "@/db/seed";
import * as engine from "@/lib/credits";

const N = Number(process.env.BENCH_CHARGES || 20_000);
const T0 = Date.UTC(2026, 0, 1);

function world(): Db {
  const db = openDb(":memory:");
  engine.initClock(db, T0);
  engine.createAccount(db, T0, { id: "a1", paymentMethod: true });
  engine.topUp(db, T0, { accountId: "a1", amount: 1_000_000_000 });
  engine.createCampaign(db, T0, { id: "c1", accountId: "a1", adProduct: "in_feed" });
  engine.grantCredit(db, T0, { id: "d", accountId: "a1", type: "discount", percent: 5, amount: 100_000_000 });
  engine.grantCredit(db, T0, { id: "g", accountId: "a1", type: "free", amount: 100_000_000 });
  engine.grantCredit(db, T0, { id: "k", accountId: "a1", type: "conditional", amount: 100_000_000, requirement: { minCashBalance: 1 } });
  return db;
}

function time(label: string, n: number, fn: () => void) {
  const start = performance.now();
  fn();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(52)} ${String(Math.round((n / ms) * 1000)).padStart(8)} /s   (${n} in ${ms.toFixed(0)} ms)`);
  return ms;
}

console.log(`Node ${process.version}, in-memory SQLite (WAL, one BEGIN IMMEDIATE transaction per operation)\n`);

{
  const db = world();
  time("engine.charge (discount + free credit, full rules)", N, () => {
    for (let i = 0; i < N; i++) engine.charge(db, T0 + i, { id: `x${i}`, campaignId: "c1", amount: 1_000 });
  });
  time("engine.charge replay (idempotent hit)", N, () => {
    for (let i = 0; i < N; i++) engine.charge(db, T0 + i, { id: `x${i}`, campaignId: "c1", amount: 1_000 });
  });
}

{
  // The same rows a charge writes — charge, two allocations, two credit updates, two ledger rows — with
  // hand-written prepared statements and no rules: the floor the engine's overhead is measured against.
  const db = world();
  const s = db.$client;
  const insertCharge = s.prepare("insert into charges (id, account_id, campaign_id, amount, at, discount, credits) values (?, 'a1', 'c1', 1000, ?, 50, 950)");
  const insertAllocation = s.prepare("insert into charge_allocations (charge_id, credit_id, amount, step) values (?, ?, ?, ?)");
  const spend = s.prepare("update credits set used = used + ?, unused = unused - ? where id = ?");
  const ledger = s.prepare("insert into transactions (account_id, type, amount, at, credit_id, campaign_id, charge_id) values ('a1', 'ad_credit', ?, ?, ?, 'c1', ?)");
  const write = s.transaction((i: number) => {
    const id = `raw${i}`;
    insertCharge.run(id, T0 + i);
    for (const [credit, amount, step] of [["d", 50, 0], ["g", 950, 2]] as const) {
      insertAllocation.run(id, credit, amount, step);
      spend.run(amount, amount, credit);
      ledger.run(amount, T0 + i, credit, id);
    }
  });
  time("raw SQLite, same rows, prepared, one tx each", N, () => {
    for (let i = 0; i < N; i++) write.immediate(i);
  });
}

{
  const db = world();
  engine.createCampaign(db, T0, { id: "c2", accountId: "a1", adProduct: "traffic", dailyBudget: 240_000 });
  engine.createCampaign(db, T0, { id: "c3", accountId: "a1", adProduct: "in_feed", dailyBudget: 120_000 });
  const hours = 24 * 30;
  time("engine.simulate: campaign-hours delivered (30 days × 2)", hours * 2, () => engine.simulate(db, { hours }));
}

{
  const db = openDb(":memory:");
  const { charges, ms } = seedDemo(db);
  console.log(`${"demo seed (60 days of delivery through the engine)".padEnd(52)} ${(ms / 1000).toFixed(1).padStart(8)} s    (${charges} charges)`);
}
