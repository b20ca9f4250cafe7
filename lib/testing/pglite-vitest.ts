// The vitest side of lib/testing/pglite.ts, apart so that the scenario CLI can open a PGlite without vitest.
import { afterAll, beforeAll } from "vitest";
import { openPglite, type PgliteDb } from "./pglite";

/**
 * One migrated PGlite for the calling test file: booted before its tests (seconds, so once a file) and
 * closed after them. Call at the file's top level; the getter answers inside tests and hooks.
 */
export function pgliteForFile(): () => PgliteDb {
  let db: PgliteDb | undefined;
  beforeAll(async () => {
    db = await openPglite();
  }, 120_000);
  afterAll(async () => {
    await db?.$client.close();
  });
  return () => db!;
}
