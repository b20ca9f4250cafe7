// The workloads `npm run bench:instructions` counts (lib/cli/bench-instructions.ts runs this file under
// valgrind): the demo seed, or single charges after a delivery run, as `npm run bench` runs them.
//
//   node --import tsx lib/bench/instructions-workload.ts seed <k>      k demo seeds, each on a fresh database
//   node --import tsx lib/bench/instructions-workload.ts charges <k> <n>   the reference delivery run, then
//                                                                           k runs of n standalone charges
// Written against the engine's public operations only, so the same file runs on an older checkout too.
import { z } from "zod";
import { openDb, type Db } from "@/db/client";
import { seedDemo } from "@/db/seed";
import * as engine from "@/lib/credits";
import { deliveryWorld, WORKLOAD } from "./delivery-workload";

const T0 = Date.UTC(2026, 0, 1);

const workloadArgs = z.tuple([
  z.enum(["seed", "charges"], { error: "the workload is seed or charges" }),
  z.coerce.number({ error: "k is a number of runs" }).int().min(0).max(10),
  z.coerce.number({ error: "n is a number of charges" }).int().min(1).max(1_000_000).optional(),
]);

/**
 * The world `npm run bench` charges in: one account, one campaign, a discount and two credits to spend. A
 * copy of lib/cli/bench.ts's, not an import: this file runs in older checkouts, which may not have a shared one.
 */
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
  const parsed = workloadArgs.safeParse(process.argv.slice(2));
  if (!parsed.success) {
    console.error(`${z.prettifyError(parsed.error)}\nusage: instructions-workload.ts seed <k> | charges <k> <n>`);
    process.exit(2);
  }
  const [what, k, n = 20_000] = parsed.data;
  if (what === "seed") {
    for (let i = 0; i < k; i++) {
      const db = openDb(":memory:");
      await seedDemo(db);
      db.$client.close();
    }
    return;
  }
  const world = await deliveryWorld();
  const delivered = await engine.simulate(world, { hours: WORKLOAD.hours });
  if (!delivered.ok) throw new Error(`simulate failed: ${delivered.error}`);
  world.$client.close();
  for (let i = 0; i < k; i++) {
    const db = await singleChargeWorld();
    for (let j = 0; j < n; j++) {
      const charged = await engine.charge(db, T0 + j, { id: `x${j}`, campaignId: "c1", amount: 1_000 });
      if (!charged.ok) throw new Error(`charge failed: ${charged.error}`);
    }
    db.$client.close();
  }
}

void main();
