// The workloads `npm run bench:instructions` counts (lib/cli/bench-instructions.ts runs this file under
// valgrind): the demo seed, or single charges after a delivery run, as `npm run bench` runs them.
//
//   node --import tsx lib/bench/instructions-workload.ts seed <k>      k demo seeds, each on a fresh database
//   node --import tsx lib/bench/instructions-workload.ts charges <k> <n>   the reference delivery run, then
//                                                                           k runs of n standalone charges
//   node --import tsx lib/bench/instructions-workload.ts bench <k> <n>     in npm run bench's order: the
//                 delivery run, n standalone charges and their n replays, then k demo seeds
// Written against the engine's public operations only, so that it runs on an older checkout too: the bench
// copies this file and ./single-charge-world.ts into a folder of their own there.
import { z } from "zod";
import { openDb, type Db } from "@/db/client";
import { seedDemo } from "@/db/seed";
import * as engine from "@/lib/credits";
import { deliveryWorld, WORKLOAD } from "@/lib/bench/delivery-workload";
import { singleChargeWorld, T0 } from "./single-charge-world";

const workloadArgs = z.tuple([
  z.enum(["seed", "charges", "bench"], { error: "the workload is seed, charges or bench" }),
  z.coerce.number({ error: "k is a number of runs" }).int().min(0).max(10),
  z.coerce.number({ error: "n is a number of charges" }).int().min(1).max(1_000_000).optional(),
]);

async function main() {
  const parsed = workloadArgs.safeParse(process.argv.slice(2));
  if (!parsed.success) {
    console.error(`${z.prettifyError(parsed.error)}\nusage: instructions-workload.ts seed <k> | charges <k> <n> | bench <k> <n>`);
    process.exit(2);
  }
  const [what, k, n = 20_000] = parsed.data;
  if (what === "seed") {
    await seeds(k);
    return;
  }
  const world = await deliveryWorld();
  const delivered = await engine.simulate(world, { hours: WORKLOAD.hours });
  if (!delivered.ok) throw new Error(`simulate failed: ${delivered.error}`);
  world.$client.close();
  if (what === "bench") {
    // One run of charges, as `charges 1 n` makes, then the same ids again: every one a replay.
    const db = await singleChargeWorld();
    await charges(db, n);
    await charges(db, n);
    db.$client.close();
    await seeds(k);
    return;
  }
  for (let i = 0; i < k; i++) {
    const db = await singleChargeWorld();
    await charges(db, n);
    db.$client.close();
  }
}

async function seeds(k: number) {
  for (let i = 0; i < k; i++) {
    const db = openDb(":memory:");
    await seedDemo(db);
    db.$client.close();
  }
}

async function charges(db: Db, n: number) {
  for (let j = 0; j < n; j++) {
    const charged = await engine.charge(db, T0 + j, { id: `x${j}`, campaignId: "c1", amount: 1_000 });
    if (!charged.ok) throw new Error(`charge failed: ${charged.error}`);
  }
}

void main();
