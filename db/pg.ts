// PostgreSQL: a drizzle client over a node-postgres pool, and its migrations (db/migrations-pg, made by
// `npx drizzle-kit generate --config drizzle.pg.config.ts` from db/schema.pg.ts). SQLite stays the default
// database (db/client.ts); this is used when DATABASE_URL is a postgres:// URL (parsed in lib/env.ts).
import path from "node:path";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Pool, types, type PoolClient } from "pg";
import * as schema from "./schema.pg";

export type PgDb = NodePgDatabase<typeof schema> & { $client: Pool };

export const pgMigrationsFolder = path.join(process.cwd(), "db", "migrations-pg");

/** A pool on `url`. The caller ends it with `db.$client.end()`. */
export function openPg(url: string): PgDb {
  return drizzle({ client: new Pool({ connectionString: url }), schema });
}

/** Applies every migration in db/migrations-pg not yet applied, in one transaction (drizzle's migrator). */
export async function migratePg(db: PgDb): Promise<void> {
  await migrate(db, { migrationsFolder: pgMigrationsFolder });
}

/**
 * Runs `fn` on a scratch database beside the one at `url` (on the same server), created and migrated for
 * it and dropped after: a fresh database for a scenario run that leaves the server's databases alone. A
 * scratch schema would not do: the migrations name their foreign keys' tables as "public".…. Needs the
 * CREATEDB privilege.
 */
export async function withScratchDatabase<T>(url: string, fn: (db: PgDb) => Promise<T>): Promise<T> {
  const name = `scratch_${process.pid}_${Date.now()}`;
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  const admin = new Pool({ connectionString: url, max: 1 });
  try {
    await admin.query(`create database ${name}`);
    const db = openPg(scratch.toString());
    try {
      await migratePg(db);
      return await fn(db);
    } finally {
      await db.$client.end();
      await admin.query(`drop database ${name}`);
    }
  } finally {
    await admin.end();
  }
}

/**
 * Parses bigint (int8) and numeric as JS numbers: times, money, ids and counts fit in 2^53, as SQLite's
 * integers do. For hand-written SQL on the pool (drizzle's queries map their columns themselves).
 */
export const numericTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === 20 || oid === 1700 ? (value: string) => Number(value) : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
};

/** Hand-written SQL with $1… parameters on the pool; bigint and numeric columns come back as numbers. */
export async function pgQuery<R>(pool: Pool | PoolClient, text: string, values: unknown[], rowMode?: "array"): Promise<R[]> {
  const result = await pool.query({ text, values, types: numericTypes, ...(rowMode ? { rowMode } : {}) });
  return result.rows as R[];
}
