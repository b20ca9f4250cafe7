// One of several processes racing on one PostgreSQL database (lib/credits/concurrency-pg.test.ts). It opens a
// pool on the URL, says "ready", waits for "go" on stdin, runs its part of the race through the engine on the
// PostgreSQL store, and prints what every call answered as one JSON line. An exception (a deadlock, a
// serialization failure) is recorded, not thrown, so the test can say which call it reached.
//
//   node --import tsx lib/testing/pg-race-worker.ts <postgres url> <race> <worker number> <count>
// Races: "same-ids" (charge ids every worker uses), "redeem" (two accounts each, one single-use code),
// "freeze" (charges on one account; worker 0 freezes it part-way).
import { openPg } from "@/db/pg";
import * as engine from "@/lib/credits";
import { raceRecorder, runOnGo } from "./race-protocol";
import { PgStore } from "@/lib/credits/store/pg";

const [url, race, worker, count] = process.argv.slice(2);
const db = openPg(url!);
const store = new PgStore(db);
const n = Number(worker);
const T0 = Date.UTC(2026, 0, 1);

const { outcomes, attempt } = raceRecorder();

const races: Record<string, () => Promise<void>> = {
  // Every worker charges the same ids, each starting at its own place in the list so that they collide
  // on first writes as well as on replays. Ten accounts, a campaign each.
  "same-ids": async () => {
    const total = Number(count);
    for (let k = 0; k < total; k++) {
      const i = (k + n * Math.floor(total / 4)) % total;
      await attempt(`charge same-${i}`, () => engine.charge(store, T0, { id: `same-${i}`, campaignId: `camp_${i % 10}`, amount: 300 + (i % 7) * 100 }));
    }
  },
  // Two accounts per worker redeem the one single-use code at the same moment (two pool connections).
  redeem: async () => {
    await Promise.all(
      [2 * n, 2 * n + 1].map((a) => attempt(`redeem acct_${a}`, () => engine.redeem(store, T0, { accountId: `acct_${a}`, code: "ONCE", as: `once_${a}` }))),
    );
  },
  // Charges on one account with a free credit; worker 0 freezes the account after its first quarter.
  freeze: async () => {
    const total = Number(count);
    for (let i = 0; i < total; i++) {
      if (n === 0 && i === Math.floor(total / 4)) await attempt("freeze", () => engine.freeze(store, T0, { accountId: "hot" }));
      await attempt(`charge f-${n}-${i}`, () => engine.charge(store, T0, { id: `f-${n}-${i}`, campaignId: "hot_c", amount: 500 }));
    }
  },
};

runOnGo(outcomes, () => races[race!]!(), () => db.$client.end());
