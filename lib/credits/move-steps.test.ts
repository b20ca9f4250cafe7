// Clock moves step by step on PostgreSQL (issue 12, step 4; R15, R3; ops/clock.ts), on PGlite: a move cut
// short at a known step (the store's transactions start failing, as if the process died there) is recorded
// in the clock row; running the same `simulate` again resumes it and answers for the whole move; another
// move first finishes it; bad input changes nothing, not even that. The state equals SQLite's each time.
import { beforeEach, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { pgStateRows, sqliteStateRows, stateFrom } from "@/lib/scenario/state";
import { buildDeliveryWorld, WORLD_START } from "@/lib/testing/delivery-world";
import { resetPglite } from "@/lib/testing/pglite";
import { pgliteForFile } from "@/lib/testing/pglite-vitest";
import { audit } from "./audit";
import * as engine from "./index";
import { HOUR } from "./rules/time";
import { PgStore } from "./store/pg";
import type { Store } from "./store/store";
import { must } from "./test-kit";

const HOURS = 30;

const pglite = pgliteForFile();
beforeEach(async () => {
  await resetPglite(pglite());
});

/** The store, whose transactions fail from the `cutAt`-th on: the process "died" before that step. */
function cutShort(store: PgStore, cutAt: number): Store {
  let n = 0;
  const cut: Store = Object.create(store);
  cut.transaction = (fn) => (++n >= cutAt ? Promise.reject(new Error("the process died here")) : store.transaction(fn));
  return cut;
}

async function sqliteAfter(moves: (db: ReturnType<typeof openDb>) => Promise<void>) {
  const lite = openDb(":memory:");
  await buildDeliveryWorld(lite);
  await moves(lite);
  const state = JSON.stringify(stateFrom(sqliteStateRows(lite), (await engine.clockNow(lite))!));
  lite.$client.close();
  return state;
}

const pgState = async (store: Store) => JSON.stringify(stateFrom(await pgStateRows(pglite()), (await engine.clockNow(store))!));
const recorded = async () => (await pglite().$client.query<{ move: { to: number } | null }>("select move from sandbox_clock")).rows[0]!.move;

it("a simulate cut short resumes when run again, and answers for the whole move (R3, R15)", async () => {
  let whole: unknown;
  const expected = await sqliteAfter(async (lite) => {
    whole = must(await engine.simulate(lite, { hours: HOURS }));
  });
  const store = new PgStore(pglite());
  await buildDeliveryWorld(store);
  await expect(engine.simulate(cutShort(store, 120), { hours: HOURS })).rejects.toThrow("the process died here");
  expect(await recorded()).toMatchObject({ to: WORLD_START + HOURS * HOUR });
  expect(await audit(store)).toEqual([]);

  // Bad input changes nothing: the move stays recorded, unfinished.
  expect(await engine.simulate(store, { hours: 0 })).toMatchObject({ ok: false, error: "invalid_input" });
  expect(await engine.advance(store, { hours: 1, days: 1 })).toMatchObject({ ok: false, error: "invalid_input" });
  expect(await recorded()).toMatchObject({ to: WORLD_START + HOURS * HOUR });

  expect(await engine.simulate(store, { hours: HOURS })).toEqual(whole);
  expect(await recorded()).toBeNull();
  expect(await pgState(store)).toBe(expected);
});

it("another move finds a move cut short and finishes it first, then makes its own (R15)", async () => {
  const expected = await sqliteAfter(async (lite) => {
    must(await engine.simulate(lite, { hours: HOURS }));
    must(await engine.advance(lite, { hours: 2 }));
  });
  const store = new PgStore(pglite());
  await buildDeliveryWorld(store);
  await expect(engine.simulate(cutShort(store, 60), { hours: HOURS })).rejects.toThrow("the process died here");
  // Two hours from where the clock is once the delivery is done.
  expect(must(await engine.advance(store, { hours: 2 }))).toMatchObject({ now: WORLD_START + (HOURS + 2) * HOUR });
  expect(await recorded()).toBeNull();
  expect(await audit(store)).toEqual([]);
  expect(await pgState(store)).toBe(expected);
});
