// For tests whose cases must answer alike on both databases: the app's database on SQLite (a fresh
// in-memory one per case) and on PostgreSQL (one PGlite for the test file, booted once and emptied per
// case, since it takes seconds to start).
import { sqliteAppDb, type AppDb } from "@/db/app";
import { openDb } from "@/db/client";
import { pgliteAppDb, resetPglite } from "./pglite";
import { pgliteForFile } from "./pglite-vitest";

export type AppDbBackend = { name: string; open: () => Promise<AppDb> };

/** Call at a test file's top level: registers the PGlite's start and close with the file's hooks. */
export function appDbBackends(): AppDbBackend[] {
  const pglite = pgliteForFile();
  return [
    { name: "SQLite", open: async () => sqliteAppDb(openDb(":memory:")) },
    {
      name: "PostgreSQL (PGlite)",
      open: async () => {
        await resetPglite(pglite());
        return pgliteAppDb(pglite());
      },
    },
  ];
}
