// One process of the charge load (lib/bench/charge-load.ts): opens the database, says "ready", waits for
// "go" on stdin, charges one after another through the engine, and prints one JSON line: how many charges
// it made and the first failures. Sequential, so it holds one connection at a time.
//
//   node --import tsx lib/bench/charge-worker.ts <sqlite|pg> <file or url> <prefix> <worker> <count> <accounts>
import { createInterface } from "node:readline";
import { z } from "zod";
import { openDb } from "@/db/client";
import { openPg } from "@/db/pg";
import * as engine from "@/lib/credits";
import type { EngineDb } from "@/lib/credits/tx";
import { PgStore } from "@/lib/credits/store/pg";
import { BENCH_T0, chargeTarget } from "./charge-load";

const [backend, target, prefix, worker, count, accounts] = z
  .tuple([z.enum(["sqlite", "pg"]), z.string().min(1), z.string(), z.coerce.number().int().min(0), z.coerce.number().int().positive(), z.coerce.number().int().positive()])
  .parse(process.argv.slice(2));

const pg = backend === "pg" ? openPg(target) : undefined;
const sqlite = backend === "sqlite" ? openDb(target) : undefined;
const db: EngineDb = pg ? new PgStore(pg) : sqlite!;

createInterface({ input: process.stdin }).once("line", async () => {
  let ok = 0;
  const failures: string[] = [];
  for (let i = 0; i < count; i++) {
    const { id, campaignId } = chargeTarget(prefix, worker, i, accounts);
    try {
      const r = await engine.charge(db, BENCH_T0, { id, campaignId, amount: 1_000 });
      if (r.ok) ok++;
      else failures.push(`${id}: ${r.error}`);
    } catch (e) {
      failures.push(`${id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  process.stdout.write(JSON.stringify({ ok, failures: failures.slice(0, 5), failed: failures.length }) + "\n");
  await pg?.$client.end();
  sqlite?.$client.close();
});
process.stdout.write("ready\n");
