// A throwaway PostgreSQL cluster for the real-database tests and `npm run bench -- --backend pg`: Debian's
// binaries (`postgresql` package: /usr/lib/postgresql/<version>/bin, or pg_ctl on PATH), `initdb` in a temp
// dir, `pg_ctl start` on a free localhost port with its unix socket in that dir (never the system's
// /var/run/postgresql), migrated with db/migrations-pg, and removed afterwards. PostgreSQL refuses to run as
// root, so as root the cluster belongs to the `postgres` user and its commands run through `runuser`.
//
// The cluster trades durability for speed where it is a test's (`fast`: fsync off); the benchmark keeps
// PostgreSQL's defaults. Tests declare their blocks with describePostgres (lib/testing/postgres-vitest.ts).
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Pool } from "pg";
import { migratePg, openPg, type PgDb } from "@/db/pg";

export type PgCluster = {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`: trust authentication, localhost only. */
  url: string;
  dir: string;
  /** Stops the server (fast shutdown) and removes its directory. */
  stop: () => void;
};

const INSTALL_HINT = "install Debian's PostgreSQL (apt-get install -y postgresql) or put pg_ctl on PATH";

/** The directory holding initdb and pg_ctl: the newest /usr/lib/postgresql/<version>/bin, else pg_ctl's on PATH. */
export function postgresBinDir(): string | undefined {
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(path.join(debian, v, "bin", "pg_ctl")) && existsSync(path.join(debian, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(debian, versions[0], "bin");
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, "pg_ctl")) && existsSync(path.join(dir, "initdb"))) return dir;
  }
  return undefined;
}

/** Why PostgreSQL cannot be started here, or undefined when it can. */
export function postgresMissing(): string | undefined {
  if (!postgresBinDir()) return `no PostgreSQL binaries found (looked in /usr/lib/postgresql/*/bin and PATH): ${INSTALL_HINT}`;
  if (process.getuid?.() === 0 && !userIds("postgres"))
    return "running as root, and PostgreSQL will not: a `postgres` user is needed to own the cluster (Debian's postgresql package creates it)";
  return undefined;
}

function userIds(name: string): { uid: number; gid: number } | undefined {
  const id = (flag: string) => spawnSync("id", [flag, name], { encoding: "utf8" });
  const uid = id("-u");
  const gid = id("-g");
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a fresh cluster. Throws with initdb's or pg_ctl's own output when they fail. */
export async function startPostgres(options: { fast?: boolean } = {}): Promise<PgCluster> {
  const missing = postgresMissing();
  if (missing) throw new Error(missing);
  const bin = postgresBinDir()!;
  const dir = mkdtempSync(path.join(tmpdir(), "pg-"));
  const data = path.join(dir, "data");
  const owner = process.getuid?.() === 0 ? userIds("postgres") : undefined;
  if (owner) chownSync(dir, owner.uid, owner.gid);
  // As root, every server command runs as `postgres`; its environment is the same either way.
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = owner ? ["runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args]] : [path.join(bin, cmd), args];
    const out = spawnSync(file, argv, { encoding: "utf8", cwd: dir, env: { ...process.env, LC_ALL: "C.UTF-8", LANG: "C.UTF-8", TZ: "UTC" } });
    if (out.status !== 0) throw new Error(`${cmd} failed (exit ${out.status ?? out.signal}):\n${out.stdout}${out.stderr}`);
  };
  // Also on the process's exit, so that a test run or benchmark that ends early leaves no server behind.
  const stop = () => {
    process.off("exit", stop);
    spawnSync(owner ? "runuser" : path.join(bin, "pg_ctl"), [...(owner ? ["-u", "postgres", "--", path.join(bin, "pg_ctl")] : []), "stop", "-D", data, "-m", "fast", "-w"], {
      stdio: "ignore",
    });
    rmSync(dir, { recursive: true, force: true });
  };
  process.on("exit", stop);
  try {
    run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions"]);
    const port = await freePort();
    const settings = [`-p ${port}`, "-h 127.0.0.1", `-k ${dir}`, "-c max_connections=200", ...(options.fast ? ["-c fsync=off", "-c full_page_writes=off"] : [])];
    run("pg_ctl", ["start", "-D", data, "-w", "-t", "60", "-l", path.join(dir, "server.log"), "-o", settings.join(" ")]);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, stop };
  } catch (e) {
    stop();
    throw e;
  }
}

/** A started cluster, migrated, with a pool on it. */
export async function startMigratedPostgres(options: { fast?: boolean } = {}): Promise<PgCluster & { db: PgDb }> {
  const cluster = await startPostgres(options);
  try {
    const db = openPg(cluster.url);
    await migratePg(db);
    return { ...cluster, db };
  } catch (e) {
    cluster.stop();
    throw e;
  }
}

/**
 * Empties every table and restarts every identity (as resetPglite does), so the next test sees a
 * just-migrated database. TRUNCATE fires no row trigger, so the append-only tables empty too.
 */
export async function resetPostgres(db: PgDb): Promise<void> {
  const { rows } = await db.$client.query<{ name: string }>(
    "select quote_ident(tablename) as name from pg_tables where schemaname = 'public' order by tablename",
  );
  await db.$client.query(`truncate ${rows.map((r) => r.name).join(", ")} restart identity cascade`);
}

/**
 * Ends a pool whose cluster is about to stop. `pool.end()` resolves once it has asked its connections to
 * close, not once they have; a connection the stopping server terminates first (57P01) reports that through
 * the pool's "error" event, which, with no listener, would be an uncaught exception in the test run. Nothing
 * uses those connections any more, so that report is dropped.
 */
export async function endPool(pool: Pool): Promise<void> {
  pool.on("error", () => undefined);
  await pool.end();
}
