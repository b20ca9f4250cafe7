// The web app's database, on SQLite (the default: the file at DB_PATH) or PostgreSQL (DATABASE_URL is a
// postgres:// URL). Pages, sign-in, actions and read models are written once, against an AppDb:
//
//   - drizzle's query builders, typed as SQLite's. Both dialects' builders are awaitable, so read models
//     `await db.select()…` and never call SQLite's synchronous runners (get, all, run: a source test
//     keeps them out: lib/queries/dialect-neutral.test.ts). On PostgreSQL the object underneath is
//     drizzle's node-postgres database, typed as SQLite's: the two schemas' select models are equal (the
//     compile-time half of db/schema-parity.test.ts), so what a query returns is the same type;
//   - `tables`: the table objects of the dialect in use (db/schema.ts or db/schema.pg.ts, typed as the
//     former). Read models take their tables from here, never from an import of db/schema;
//   - `store`: the credit engine's Store on the same database, for engine operations;
//   - the raw connection for the few hand-written statements (the Transactions keyset, the CSV export),
//     which keep their SQLite fast path and have a PostgreSQL twin: SQLite's connection (`sqlite`), or
//     `query` on PostgreSQL (and `pool`, for the export's cursor on a connection of its own; PGlite, in
//     tests, has none).
//
// Writes to tables the engine does not own (users, sessions, memberships, sign-in attempts, the ops log)
// that must commit together go through appTransaction.
import type Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { Pool } from "pg";
import { PgStore, type AnyPgDb } from "@/lib/credits/store/pg";
import { sqliteStore } from "@/lib/credits/store/sqlite";
import type { Store } from "@/lib/credits/store/store";
import { env } from "@/lib/env";
import { openDb, type Db } from "./client";
import { openPg, pgQuery, type PgDb } from "./pg";
import * as sqliteSchema from "./schema";
import * as pgSchema from "./schema.pg";

/** drizzle's builders, minus SQLite's synchronous runners and transactions (see appTransaction). */
type Builders = Omit<BetterSQLite3Database<typeof sqliteSchema>, "$client" | "transaction" | "run" | "all" | "get" | "values" | "batch">;

/** The tables of the dialect in use (only the tables: enums and types come from db/schema.ts). */
export type Tables = typeof sqliteSchema;

/** Hand-written SQL with $1… parameters; bigint and numeric columns come back as numbers. */
export type RawQuery = <R>(text: string, values: unknown[], rowMode?: "array") => Promise<R[]>;

export type AppDb = Builders & { tables: Tables; store: Store } & (
    | { kind: "sqlite"; sqlite: Database.Database; sqliteDb: Db }
    | { kind: "postgres"; pg: AnyPgDb; query: RawQuery; pool: Pool | null }
  );

export type SqliteAppDb = Extract<AppDb, { kind: "sqlite" }>;

const sqliteApps = new WeakMap<Database.Database, SqliteAppDb>();

/** The AppDb on an SQLite connection (one per connection, like its store). */
export function sqliteAppDb(db: Db): SqliteAppDb {
  let app = sqliteApps.get(db.$client);
  if (!app) {
    app = Object.assign(Object.create(db) as Builders, {
      kind: "sqlite" as const,
      tables: sqliteSchema,
      store: sqliteStore(db),
      sqlite: db.$client,
      sqliteDb: db,
    });
    sqliteApps.set(db.$client, app);
  }
  return app;
}

const pgTables = pgSchema as unknown as Tables;

type PgConnection = { query: RawQuery; pool: Pool | null };

/**
 * The AppDb on PostgreSQL: `handle` is drizzle's database (or a transaction on it), `connection` runs
 * raw SQL on the same database, and `store` is the engine's store on `handle`. Make one per database and
 * keep it (the store caches time zones).
 */
export function pgAppDb(handle: AnyPgDb, connection: PgConnection, store: Store = new PgStore(handle)): AppDb {
  return Object.assign(Object.create(handle) as Builders, { kind: "postgres" as const, tables: pgTables, store, pg: handle, ...connection });
}

/** The AppDb on a node-postgres pool (the app's, or a test's throwaway cluster's). */
export function poolAppDb(db: PgDb): AppDb {
  const pool = db.$client;
  return pgAppDb(db, { pool, query: (text, values, rowMode) => pgQuery(pool, text, values, rowMode) });
}

/** An AppDb, or an SQLite connection (tests, CLIs) made into one. */
export const toAppDb = (db: AppDb | Db): AppDb => ("kind" in db ? db : sqliteAppDb(db));

/**
 * Runs `fn` in one transaction (a savepoint inside another) and hands it the AppDb to use inside it.
 * SQLite: the engine store's transaction (BEGIN IMMEDIATE behind its promise mutex), so `fn` must await
 * nothing but queries and engine operations (see lib/credits/store/sqlite.ts); every other writer waits.
 * PostgreSQL: a READ COMMITTED transaction on one pooled connection, with an engine store on it whose
 * operations nest as savepoints. Concurrent transactions really run at once there: a check-then-write
 * that must not race takes `lock` first (see lockOn).
 */
export async function appTransaction<T>(db: AppDb, fn: (tx: AppDb) => Promise<T>): Promise<T> {
  if (db.kind === "sqlite") return db.store.transaction(() => fn(db));
  const { query, pool } = db;
  return db.pg.transaction((tx) => fn(pgAppDb(tx, { query, pool }, new PgStore(tx, undefined, 1))));
}

/**
 * Inside appTransaction: serialises the transactions that name the same key until they end. On SQLite a
 * transaction already holds the whole database; on PostgreSQL this is a transaction-scoped advisory lock.
 */
export async function lockOn(tx: AppDb, key: string): Promise<void> {
  if (tx.kind === "postgres") await tx.pg.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

/** A unique key another transaction took first: SQLite's SQLITE_CONSTRAINT_UNIQUE, PostgreSQL's 23505. */
export function isUniqueViolation(e: unknown): boolean {
  for (let c = e; c instanceof Error; c = c.cause)
    if ("code" in c && (c.code === "23505" || c.code === "SQLITE_CONSTRAINT_UNIQUE" || c.code === "SQLITE_CONSTRAINT_PRIMARYKEY")) return true;
  return false;
}

const cache = globalThis as unknown as { __promotionsDb?: Db; __promotionsPg?: AppDb };

/** The app's database, opened once per process (and kept across dev reloads). */
export function getDb(): AppDb {
  if (env.postgresUrl) {
    cache.__promotionsPg ??= poolAppDb(openPg(env.postgresUrl));
    return cache.__promotionsPg;
  }
  cache.__promotionsDb ??= openDb(env.dbPath);
  return sqliteAppDb(cache.__promotionsDb);
}

/** Closes the app's connection (SQLite) or pool (PostgreSQL): for command-line tools that are done. */
export async function closeDb(db: AppDb): Promise<void> {
  if (db.kind === "sqlite") db.sqlite.close();
  else await db.pool?.end();
}
