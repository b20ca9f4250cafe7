// drizzle-kit for the PostgreSQL schema (db/schema.pg.ts): `npx drizzle-kit generate --config drizzle.pg.config.ts`.
// Its migrations live apart from SQLite's; db/pg.ts applies them.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.pg.ts",
  out: "./db/migrations-pg",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost/promotions" },
  strict: true,
  verbose: false,
});
