// An in-process PostgreSQL (PGlite, Postgres compiled to WebAssembly) for tests and the scenario runner:
// migrated with db/migrations-pg and wrapped in drizzle's pg client over db/schema.pg.ts. Starting one
// takes seconds and close to 1 GB, so a test file opens one (beforeAll) and empties it between tests.
import { PGlite } from "@electric-sql/pglite";
import { drizzle, type PgliteDatabase } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { pgAppDb, type AppDb } from "@/db/app";
import { pgMigrationsFolder } from "@/db/pg";
import * as schema from "@/db/schema.pg";

export type PgliteDb = PgliteDatabase<typeof schema> & { $client: PGlite };

/** A fresh in-memory PGlite with every migration applied. Close it with `db.$client.close()`. */
export async function openPglite(): Promise<PgliteDb> {
  const db = drizzle({ client: await PGlite.create(), schema });
  await migrate(db, { migrationsFolder: pgMigrationsFolder });
  return db;
}

/**
 * Empties every table and restarts every identity, so the next test sees a just-migrated database (ids
 * from 1 again). TRUNCATE fires no row trigger, so the append-only tables empty too; the migrations'
 * own record (schema "drizzle") is kept.
 */
export async function resetPglite(db: PgliteDb): Promise<void> {
  const { rows } = await db.$client.query<{ name: string }>(
    "select quote_ident(tablename) as name from pg_tables where schemaname = 'public' order by tablename",
  );
  await db.$client.exec(`truncate ${rows.map((r) => r.name).join(", ")} restart identity cascade`);
}

/** PGlite as the web app's database (lib/queries and the rest take an AppDb). Make a new one after a reset. */
export function pgliteAppDb(db: PgliteDb): AppDb {
  const parsers = { 20: Number, 1700: Number };
  return pgAppDb(db, {
    pool: null,
    query: async <R>(text: string, values: unknown[], rowMode?: "array") =>
      (await db.$client.query<R>(text, values, { rowMode: rowMode ?? "object", parsers })).rows,
  });
}
