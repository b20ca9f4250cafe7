// A throwaway copy of the app for tests and benchmarks that change or load it: a freshly seeded database
// (an SQLite file in a temporary folder, or with `postgres`, a throwaway PostgreSQL cluster from
// lib/testing/postgres.ts) and `next start` (the production build in .next) on a free port.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { poolAppDb } from "@/db/app";
import { openDb } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { startMigratedPostgres, type PgCluster } from "./postgres";
import { serverCommand } from "@/lib/server/command";

export type Served = {
  url: string;
  /** The SQLite file the app serves; with `postgres`, unused (the app reads `postgresUrl`). */
  dbPath: string;
  /** With `postgres`: the cluster's URL (the app's DATABASE_URL). */
  postgresUrl?: string;
  stop: () => Promise<void>;
};

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

export async function serve(options: { postgres?: boolean } = {}): Promise<Served> {
  const dir = mkdtempSync(path.join(tmpdir(), "promotions-serve-"));
  const dbPath = path.join(dir, "app.db");
  let cluster: PgCluster | undefined;
  if (options.postgres) {
    const pg = await startMigratedPostgres({ fast: true });
    cluster = pg;
    try {
      await seedDemo(poolAppDb(pg.db));
    } catch (e) {
      pg.stop();
      throw e;
    } finally {
      await pg.db.$client.end();
    }
  } else {
    const db = openDb(dbPath);
    await seedDemo(db);
    db.$client.close();
  }
  const port = await freePort();
  const url = `http://localhost:${port}`;
  // DATABASE_URL picks the database: the cluster, or (unset) the SQLite file at DB_PATH.
  const { DATABASE_URL: _inherited, ...inherited } = process.env;
  const database = cluster ? { DATABASE_URL: cluster.url } : { DB_PATH: dbPath };
  const server = spawn(...serverCommand(), {
    env: { ...inherited, ...database, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  for (let tries = 0; ; tries++) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/login`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (tries > 600) throw new Error("the server did not answer within a minute");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    dbPath,
    postgresUrl: cluster?.url,
    stop: async () => {
      server.kill("SIGTERM");
      await exited;
      cluster?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
