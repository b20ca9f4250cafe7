// The property tests' random histories on PostgreSQL (PGlite, through store/pg.ts): after any history the
// R16 audit finds nothing there, and the state equals the one the same history leaves on SQLite, byte for
// byte; replaying any charge id changes nothing (R3). One migrated PGlite for the file, emptied per
// history. PROPERTY_RUNS_PG sets how many histories (default 40: PGlite is slower than SQLite in memory).
import { asc } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { credits } from "@/db/schema.pg";
import { pgStateRows, sqliteStateRows, stateFrom } from "@/lib/scenario/state";
import { resetPglite } from "@/lib/testing/pglite";
import { pgliteForFile } from "@/lib/testing/pglite-vitest";
import { audit } from "./audit";
import { history, play, setup, type World } from "./histories";
import * as engine from "./index";
import { PgStore } from "./store/pg";
import { fresh, T0 } from "./test-kit";

const RUNS = Number(process.env.PROPERTY_RUNS_PG || 40);

const pglite = pgliteForFile();

/** An emptied PGlite with the clock at T0 and the histories' accounts, campaigns and codes. */
async function pgWorld(): Promise<World> {
  await resetPglite(pglite());
  const db = new PgStore(pglite());
  await engine.initClock(db, T0);
  await setup(db);
  return { db, credits: () => pglite().select({ id: credits.id, type: credits.type, accountId: credits.accountId }).from(credits).orderBy(asc(credits.id)) };
}

const pgState = async (world: World) => JSON.stringify(stateFrom(await pgStateRows(pglite()), (await engine.clockNow(world.db))!));

describe("engine properties on PostgreSQL (PGlite)", () => {
  it("after any history the audit finds nothing, and the state is SQLite's (R16)", async () => {
    await fc.assert(
      fc.asyncProperty(history, async (cmds) => {
        const lite = await fresh();
        await setup(lite.db);
        await play({ db: lite.db, credits: async () => lite.db.query.credits.findMany({ orderBy: (t, { asc: up }) => up(t.id) }).sync() }, cmds, false);
        const world = await pgWorld();
        await play(world, cmds, false);
        expect(await audit(world.db)).toEqual([]);
        expect(await pgState(world)).toBe(JSON.stringify(stateFrom(sqliteStateRows(lite.db), lite.now())));
      }),
      { numRuns: RUNS },
    );
    // Delivery there commits each campaign-hour on its own (ops/clock.ts): slower than in one transaction.
  }, 600_000);

  it("replaying any charge id changes nothing (R3)", async () => {
    await fc.assert(
      fc.asyncProperty(history, async (cmds) => {
        const world = await pgWorld();
        const charges = await play(world, cmds, false);
        const before = await pgState(world);
        const now = (await engine.clockNow(world.db))!;
        for (const c of charges) expect(await engine.charge(world.db, now, c)).toMatchObject({ ok: true, replayed: true });
        expect(await pgState(world)).toBe(before);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  }, 600_000);
});
