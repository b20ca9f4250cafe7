// npm run db:migrate: applies committed migrations to the app's database: SQLite at DB_PATH or
// data/promotions.db (db/migrations), or PostgreSQL when DATABASE_URL is a postgres:// URL (db/migrations-pg).
// DATABASE_URL is parsed (zod) in lib/env.ts.
import { openDb } from "@/db/client";
import { migratePg, openPg } from "@/db/pg";
import { env } from "@/lib/env";

async function migratePostgres(url: string) {
  const db = openPg(url);
  try {
    await migratePg(db);
    const { host, pathname } = new URL(url);
    console.log(`PostgreSQL database ready at ${host || "localhost"}${pathname}`);
  } catch (error) {
    console.error(`Could not migrate the PostgreSQL database: ${rootCause(error)}`);
    process.exitCode = 1;
  } finally {
    await db.$client.end();
  }
}

/** drizzle wraps the driver's error ("Failed query: …"); the driver's own message says what went wrong. */
function rootCause(error: unknown): string {
  let e = error;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  return e instanceof Error ? e.message || String(e) : String(e);
}

if (env.postgresUrl) {
  void migratePostgres(env.postgresUrl);
} else {
  openDb(env.dbPath).$client.close();
  console.log(`Database ready at ${env.dbPath}`);
}
