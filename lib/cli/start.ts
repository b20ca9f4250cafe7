// npm start: builds when the sources are newer than the last build, migrates, seeds an empty database,
// then serves the production build (lib/server/serve.ts) on PORT (default 3000) and prints the URL. The database is the SQLite
// file (DB_PATH, default data/promotions.db), or PostgreSQL when DATABASE_URL is a postgres:// URL.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { closeDb, getDb } from "@/db/app";
import { migratePg, openPg } from "@/db/pg";
import { isEmpty, seedDemo, SEED_DAYS } from "@/db/seed";
import { env } from "@/lib/env";
import { serverCommand } from "@/lib/server/command";


const SOURCES = ["app", "components", "lib", "db", "public", "next.config.mjs", "package.json", "postcss.config.mjs"];

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}

const buildId = path.join(".next", "BUILD_ID");
const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
if (builtAt < Math.max(...SOURCES.map(newest))) {
  console.log("Building the app (npm run build)…");
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** Where the data lives, for the "running at" line: the SQLite file, or PostgreSQL's host and database. */
function where(): string {
  if (!env.postgresUrl) return env.dbPath;
  const { host, pathname } = new URL(env.postgresUrl);
  return `PostgreSQL at ${host || "localhost"}${pathname}`;
}

async function main() {
  if (env.postgresUrl) {
    // SQLite migrates when it is opened (db/client.ts); PostgreSQL here, once, before the server starts.
    const pg = openPg(env.postgresUrl);
    try {
      await migratePg(pg);
    } finally {
      await pg.$client.end();
    }
  }
  const db = getDb();
  if (await isEmpty(db)) {
    console.log(`Seeding demo data (${SEED_DAYS} simulated days through the engine)…`);
    const { charges, ms } = await seedDemo(db);
    console.log(`Seeded ${charges} charges in ${(ms / 1000).toFixed(1)} s.`);
  }
  await closeDb(db);

  const server = spawn(...serverCommand(), {
    stdio: ["inherit", "pipe", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DB_PATH: env.dbPath, PORT: String(env.port) },
  });
  server.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (/Ready|started server/i.test(chunk.toString()))
      console.log(`\nPromotions is running at http://localhost:${env.port}  (database: ${where()})\n`);
  });
  server.on("exit", (code) => process.exit(code ?? 0));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
}
void main();
