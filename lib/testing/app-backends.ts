// For tests whose cases must answer alike on both databases: the app's database on SQLite (a fresh
// in-memory one per case) and on PostgreSQL (one PGlite for the test file, booted once and emptied per
// case, since it takes seconds to start).
import { afterAll, beforeAll } from "vitest";
import { sqliteAppDb, type AppDb } from "@/db/app";
import { openDb } from "@/db/client";
import { openPglite, pgliteAppDb, resetPglite, type PgliteDb } from "./pglite";

export type AppDbBackend = { name: string; open: () => Promise<AppDb> };

/** Call at a test file's top level: registers the PGlite's start and close with the file's hooks. */
export function appDbBackends(): AppDbBackend[] {
  let pglite: PgliteDb | undefined;
  beforeAll(async () => {
    pglite = await openPglite();
  }, 120_000);
  afterAll(async () => {
    await pglite?.$client.close();
  });
  return [
    { name: "SQLite", open: async () => sqliteAppDb(openDb(":memory:")) },
    {
      name: "PostgreSQL (PGlite)",
      open: async () => {
        await resetPglite(pglite!);
        return pgliteAppDb(pglite!);
      },
    },
  ];
}
