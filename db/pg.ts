// PostgreSQL: a drizzle client over a node-postgres pool, and its migrations (db/migrations-pg, made by
// `npx drizzle-kit generate --config drizzle.pg.config.ts` from db/schema.pg.ts). SQLite stays the default
// database (db/client.ts); this is used when DATABASE_URL is a postgres:// URL (parsed in lib/env.ts).
import path from "node:path";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Pool } from "pg";
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
