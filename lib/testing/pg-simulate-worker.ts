// A process that runs a long delivery (`simulate`) on a PostgreSQL database, for the tests of moves made
// step by step (lib/credits/move-steps-pg.test.ts) to kill part-way or to run beside. It reports nothing
// while it runs: each step's commit is announced by the database itself (the test's NOTIFY trigger), so
// what the test sees is what committed. When done it prints "done <result as JSON>".
//
//   node --import tsx lib/testing/pg-simulate-worker.ts <postgres url> <hours>
import { writeSync } from "node:fs";
import { openPg } from "@/db/pg";
import * as engine from "@/lib/credits";
import { PgStore } from "@/lib/credits/store/pg";

const [url, hours] = process.argv.slice(2);
const db = openPg(url!);
void engine.simulate(new PgStore(db), { hours: Number(hours) }).then(async (result) => {
  writeSync(1, `done ${JSON.stringify(result)}\n`);
  await db.$client.end();
});
