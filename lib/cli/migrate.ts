// npm run db:migrate: applies committed migrations to the app's database: SQLite at DB_PATH or
// data/promotions.db (db/migrations), or PostgreSQL when DATABASE_URL is a postgres:// URL (db/migrations-pg).
import { z } from "zod";
import { getDb } from "@/db/client";
import { migratePg, openPg, postgresUrl } from "@/db/pg";
import { env } from "@/lib/env";

async function migratePostgres(databaseUrl: string) {
  const url = postgresUrl.safeParse(databaseUrl);
  if (!url.success) {
    console.error(`DATABASE_URL: ${z.prettifyError(url.error)}`);
    process.exit(1);
  }
  const db = openPg(url.data);
  try {
    await migratePg(db);
    const { host, pathname } = new URL(url.data);
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

const databaseUrl = process.env.DATABASE_URL?.trim() ?? "";
if (/^postgres(ql)?:/i.test(databaseUrl)) {
  void migratePostgres(databaseUrl);
} else {
  getDb();
  console.log(`Database ready at ${env.dbPath}`);
}
