// Where a scenario runs: the engine's store on a fresh database, and the rows its state is printed from.
// SQLite in memory is the default; PGlite (PostgreSQL in-process) and a PostgreSQL server (a scratch
// database beside DATABASE_URL's) run the same scenario through the PostgreSQL adapter, and must print
// the same bytes.
import { z } from "zod";
import { openDb, type Db } from "@/db/client";
import type { EngineDb } from "@/lib/credits";
import { PgStore, type AnyPgDb } from "@/lib/credits/store/pg";
import { pgStateRows, sqliteStateRows, type StateRows } from "./state";

export type Backend = {
  /** What engine operations are given. */
  db: EngineDb;
  rows: () => StateRows | Promise<StateRows>;
};

export const backendNames = ["sqlite", "pglite", "postgres"] as const;
export const backendName = z.enum(backendNames, {
  error: (issue) => `unknown backend ${JSON.stringify(issue.input)}: use sqlite, pglite or postgres`,
});
export type BackendName = z.infer<typeof backendName>;

export function sqliteBackend(db: Db = openDb(":memory:")): Backend {
  return { db, rows: () => sqliteStateRows(db) };
}

/** A PostgreSQL database that is empty and migrated (a fresh or reset PGlite). */
export function pgBackend(db: AnyPgDb): Backend {
  return { db: new PgStore(db), rows: () => pgStateRows(db) };
}
