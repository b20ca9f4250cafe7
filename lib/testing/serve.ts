// A throwaway copy of the app for tests and benchmarks that change or load it: a freshly seeded database
// in a temporary folder and `next start` (the production build in .next) on a free port.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDb } from "@/db/client";
import { seedDemo } from "@/db/seed";

export type Served = { url: string; dbPath: string; stop: () => Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function serve(): Promise<Served> {
  const dir = mkdtempSync(path.join(tmpdir(), "promotions-serve-"));
  const dbPath = path.join(dir, "app.db");
  const db = openDb(dbPath);
  await seedDemo(db);
  db.$client.close();
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const server = spawn(process.execPath, [path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
    env: { ...process.env, DB_PATH: dbPath, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  for (let tries = 0; ; tries++) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/login`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (tries > 600) throw new Error("next start did not answer within a minute");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    dbPath,
    stop: async () => {
      server.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
