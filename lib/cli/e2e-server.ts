// The end-to-end tests' server: a fresh seeded database at DB_PATH, then the production server (lib/server/serve.ts) on PORT. When the run
// made a temp folder for the database (E2E_REMOVE_DIR, see playwright.config.ts), it is removed once Next
// has stopped.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { openDb } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { env } from "@/lib/env";
import { serverCommand } from "@/lib/server/command";

async function main() {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(env.dbPath + suffix, { force: true });
  const db = openDb(env.dbPath);
  await seedDemo(db);
  db.$client.close();

  const server = spawn(...serverCommand(), {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", PORT: process.env.PORT || "3100" },
  });
  server.on("exit", (code) => {
    if (process.env.E2E_REMOVE_DIR) rmSync(process.env.E2E_REMOVE_DIR, { recursive: true, force: true });
    process.exit(code ?? 0);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
}
void main();
