// Property tests over random histories: accounts of every billing method, grants of every type, codes and
// redemptions, assignments, charges, clock advances and delivery, freezes, appeals and rulings.
// PROPERTY_RUNS sets how many histories each property tries (default 200).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { stateOf } from "@/lib/scenario/state";
import { audit } from "./audit";
import { history, play as playOn, setup as setupOn } from "./histories";
import * as engine from "./index";
import { fresh } from "./test-kit";

const RUNS = Number(process.env.PROPERTY_RUNS || 200);

async function setup() {
  const kit = await fresh();
  await setupOn(kit.db);
  return kit;
}

const play = (db: Db, cmds: Parameters<typeof playOn>[1], chunked: boolean) =>
  playOn({ db, credits: async () => db.query.credits.findMany({ orderBy: (t, { asc }) => asc(t.id) }).sync() }, cmds, chunked);

const snapshot = async (db: Db) => JSON.stringify(stateOf(db, (await engine.clockNow(db))!));

describe("engine properties", () => {
  it("after any history the R16 audit finds nothing (R16)", async () => {
    await fc.assert(
      fc.asyncProperty(history, async (cmds) => {
        const { db } = await setup();
        await play(db, cmds, false);
        expect(await audit(db)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("running a history in one go equals running its clock advances in chunks (R15)", async () => {
    await fc.assert(
      fc.asyncProperty(history, async (cmds) => {
        const whole = await setup();
        await play(whole.db, cmds, false);
        const chunks = await setup();
        await play(chunks.db, cmds, true);
        expect(await snapshot(chunks.db)).toEqual(await snapshot(whole.db));
      }),
      { numRuns: RUNS },
    );
  });

  it("replaying any charge id changes nothing (R3)", async () => {
    await fc.assert(
      fc.asyncProperty(history, async (cmds) => {
        const { db, now } = await setup();
        const charges = await play(db, cmds, false);
        const before = await snapshot(db);
        for (const c of charges) {
          const r = await engine.charge(db, now(), c);
          expect(r).toMatchObject({ ok: true, replayed: true });
        }
        expect(await snapshot(db)).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });
});
