// The SQLite connection (the default database): WAL, foreign keys, a busy timeout; migrations applied on
// first open. The web app reaches it through db/app.ts (getDb), which also speaks PostgreSQL.
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { rebuildDailyTotals } from "@/lib/credits/daily-totals";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Opens (creating if needed) a database at `file` — `:memory:` for tests — and migrates it. */
export function openDb(file: string): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  fillDailyTotals(sqlite);
  return db;
}

/**
 * drizzle prepares every query afresh, and SQLite's prepare costs more than most of the engine's queries
 * themselves. Keep the last few hundred statements by SQL text. Raw mode is reset on hand-out because
 * drizzle only switches it on when it wants arrays.
 */
function cacheStatements(sqlite: Database.Database, size = 512) {
  const prepare = sqlite.prepare.bind(sqlite);
  const statements = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let stmt = statements.get(source);
    if (stmt) {
      statements.delete(source);
    } else {
      stmt = prepare(source);
      if (statements.size >= size) statements.delete(statements.keys().next().value!);
    }
    statements.set(source, stmt);
    return stmt.reader ? stmt.raw(false) : stmt;
  }) as typeof sqlite.prepare;
}

/**
 * A read-only connection of its own to `db`'s database, for a long read (the CSV export) that must not keep
 * the app's one connection busy. In WAL mode it reads one snapshot while writers carry on. An in-memory
 * database (tests) cannot be opened twice: the reader gets a copy of it, which is a snapshot too.
 */
export function openReader(db: Db): Database.Database {
  if (db.$client.memory) return new Database(db.$client.serialize(), { readonly: true });
  const sqlite = new Database(db.$client.name, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  return sqlite;
}

/** A ledger written before the engine kept daily totals gets them once, from its rows. */
function fillDailyTotals(sqlite: Database.Database) {
  const missing = sqlite
    .prepare("select exists (select 1 from transactions) and not exists (select 1 from daily_totals)")
    .pluck()
    .get();
  if (missing) sqlite.transaction(() => rebuildDailyTotals(sqlite)).immediate();
}
