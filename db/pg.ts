// PostgreSQL: a drizzle client over a node-postgres pool, and its migrations (db/migrations-pg, made by
// `npx drizzle-kit generate --config drizzle.pg.config.ts` from db/schema.pg.ts). SQLite stays the default
// database (db/client.ts); this is used when DATABASE_URL is a postgres:// URL.
import path from "node:path";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Pool, types } from "pg";
import * as schema from "./schema.pg";

export type PgDb = NodePgDatabase<typeof schema> & { $client: Pool };

export const pgMigrationsFolder = path.join(process.cwd(), "db", "migrations-pg");

/** A `postgres://` or `postgresql://` URL; anything else in DATABASE_URL names a SQLite file (lib/env.ts). */
export { postgresUrl } from "@/lib/env";

/**
 * bigint (int8) comes back as a JS number, as SQLite's integers do and as PGlite returns it: drizzle's
 * `bigint({ mode: "number" })` columns already are, and raw SQL (the audit, sums cast to bigint) needs it too.
 * Money and epoch milliseconds stay far below 2^53. The parser is pg's global one: drizzle passes its own
 * `types` with every query, which falls back to the global parsers and so would bypass a pool's.
 */
types.setTypeParser(types.builtins.INT8, Number);

/** A pool on `url`. The caller ends it with `db.$client.end()`. */
export function openPg(url: string): PgDb {
  return drizzle({ client: new Pool({ connectionString: url }), schema });
}

/** Applies every migration in db/migrations-pg not yet applied, in one transaction (drizzle's migrator). */
export async function migratePg(db: PgDb): Promise<void> {
  await migrate(db, { migrationsFolder: pgMigrationsFolder });
}
