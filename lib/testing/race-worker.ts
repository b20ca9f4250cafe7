// One of several processes racing on one database file (lib/credits/concurrency.test.ts). It opens the
// file, says "ready", waits for "go" on stdin, then redeems the shared codes and charges the shared
// campaigns through the engine, and prints what every call answered as one JSON line. An exception (such
// as SQLITE_BUSY) is recorded, not thrown, so the test can say which call it reached.
//
//   node --import tsx lib/testing/race-worker.ts <db file> <worker number> <charges>
import { openDb } from "@/db/client";
import * as engine from "@/lib/credits";
import { raceRecorder, runOnGo } from "./race-protocol";

const [file, worker, count] = process.argv.slice(2);
const db = openDb(file!);
const n = Number(worker);

const { outcomes, attempt } = raceRecorder();

const now = async () => (await engine.clockNow(db))!;

runOnGo(
  outcomes,
  async () => {
    // The single-use code, each worker for its own account: one may win.
    await attempt("redeem ONCE", async () => engine.redeem(db, await now(), { accountId: `race_${n}`, code: "ONCE", as: `once_${n}` }));
    // A many-use code, every worker for the same account: it may be redeemed once.
    await attempt("redeem MANY", async () => engine.redeem(db, await now(), { accountId: "shared", code: "MANY", as: `many_${n}` }));
    for (let i = 0; i < Number(count); i++) {
      const campaignId = `camp_${i % 3}`;
      // Ids every worker uses (idempotent replays racing each other) and ids of its own.
      await attempt(`charge same-${i}`, async () => engine.charge(db, await now(), { id: `same-${i}`, campaignId, amount: 700 + (i % 5) * 100 }));
      await attempt(`charge own-${n}-${i}`, async () => engine.charge(db, await now(), { id: `own-${n}-${i}`, campaignId, amount: 500 }));
    }
  },
  () => db.$client.close(),
);
