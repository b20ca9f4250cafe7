// npm run bench:scale: the Transactions page and the CSV export on the demo data and on the same database
// with millions of ledger rows added through SQL, served side by side by two production servers (lib/server/serve.ts) and
// timed in turns (demo, scale, demo, …), so both sizes see the same machine load. Prints, for each page,
// p50/p95 of the full response (signed in, body read to the end) at both sizes and their ratio; the
// export's rows/s against a raw read of the same rows; the server's memory while it exports. Asserts nothing.
//
//   SCALE_ROWS=5000000 (rows added)   SCALE_RUNS=40 (requests per page and size)   SCALE_DIR=<tmp>/promotions-scale
//   PORT (the demo server's port; the scale server takes a free one; both free ones when unset)
// Needs a production build (`npm run build`) and Chromium (to sign in, as a person would).
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { chromium } from "@playwright/test";
import { z } from "zod";
import { openDb } from "@/db/client";
import { seedDemo, SEED_START } from "@/db/seed";
import { addLedgerHistory, SCALE_ACCOUNT } from "@/lib/bench/scale-data";
import { serverCommand } from "@/lib/server/command";

const config = z
  .object({
    SCALE_ROWS: z.coerce.number().int().min(1_000).default(5_000_000),
    SCALE_RUNS: z.coerce.number().int().min(5).max(1_000).default(40),
    PORT: z.coerce.number().int().min(1).max(65535).optional(),
    SCALE_DIR: z.string().default(path.join(os.tmpdir(), "promotions-scale")),
    CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
  })
  .safeParse(process.env);
if (!config.success) {
  console.error(z.prettifyError(config.error));
  process.exit(2);
}
const { SCALE_ROWS, SCALE_RUNS, PORT, SCALE_DIR, CHROMIUM_PATH } = config.data;
const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
if (!existsSync(path.join(".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first.");
  process.exit(2);
}
const T = "/tools/payments/transactions";
const A = `aadvid=${SCALE_ACCOUNT}`;

type Timing = { p50: number; p95: number };
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** A port nothing listens on now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

type Server = { process: ChildProcess; base: string; cookie: string };

async function startServer(dbPath: string, port: number): Promise<Server> {
  const server = spawn(...serverCommand(), {
    env: { ...process.env, DB_PATH: dbPath, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on("data", (chunk: Buffer) => {
      if (/Ready/i.test(chunk.toString())) resolve();
    });
    server.on("exit", (code) => reject(new Error(`the server exited with ${code}`)));
  });
  const base = `http://localhost:${port}`;
  return { process: server, base, cookie: await signIn(base) };
}

async function stopServer(server: Server) {
  const exited = new Promise((resolve) => server.process.once("exit", resolve));
  server.process.kill("SIGTERM");
  await exited;
}

/** Signs in through the login page in Chromium; returns the session cookie for plain requests. */
async function signIn(base: string): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill("promotions");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  const cookie = (await page.context().cookies(base)).map((c) => `${c.name}=${c.value}`).join("; ");
  await browser.close();
  return cookie;
}

/** One full response (headers and the whole body), in ms. */
async function once(server: Server, url: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${server.base}${url}`, { headers: { cookie: server.cookie }, redirect: "manual" });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - start;
}

/** `runs` requests to each server in turns, after two warm-ups each; p50/p95 per server. */
async function timeBoth(servers: Server[], url: string): Promise<Timing[]> {
  for (const server of servers) for (let i = 0; i < 2; i++) await once(server, url);
  const ms: number[][] = servers.map(() => []);
  for (let i = 0; i < SCALE_RUNS; i++) for (const [k, server] of servers.entries()) ms[k]!.push(await once(server, url));
  return ms.map((xs) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95) }));
}

/** Resident memory of a process in kB (Linux). */
function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) : 0;
}

/** Downloads the export, counting its rows and sampling the server's memory as it streams. */
async function exportRate(server: Server, url: string) {
  const serverPid = server.process.pid!;
  const before = rssKb(serverPid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb(serverPid))), 100);
  const start = performance.now();
  const response = await fetch(`${server.base}${url}`, { headers: { cookie: server.cookie } });
  const reader = response.body!.getReader();
  let lines = 0;
  let bytes = 0;
  let firstByteMs = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    if (!firstByteMs) firstByteMs = performance.now() - start;
    bytes += chunk.value.byteLength;
    // indexOf, not a loop over every byte: the client must not be what slows the export down.
    for (let at = chunk.value.indexOf(10); at !== -1; at = chunk.value.indexOf(10, at + 1)) lines++;
  }
  const ms = performance.now() - start;
  clearInterval(sampler);
  const rows = lines - 1;
  return { rows, ms, bytes, firstByteMs, rowsPerSecond: Math.round((rows / ms) * 1000), rssBeforeMb: before / 1024, rssPeakMb: peak / 1024 };
}

/** The same rows as the export, read raw from SQLite in the same order: the reference the export is held to. */
function rawRead(dbPath: string, type: string) {
  const sqlite = new Database(dbPath, { readonly: true });
  const stmt = sqlite
    .prepare(
      `select id, type, amount, at, credit_id, campaign_id, charge_id from transactions indexed by transactions_account_type_at_idx
       where account_id = ? and type = ? order by at desc, id desc`,
    )
    .raw();
  const start = performance.now();
  let rows = 0;
  for (const row of stmt.iterate(SCALE_ACCOUNT, type)) if (row) rows++;
  const ms = performance.now() - start;
  sqlite.close();
  return { rows, ms, rowsPerSecond: Math.round((rows / ms) * 1000) };
}

/** A cursor `offset` rows into the newest-first Ad credit list (the old "page 5,000"), or near the end. */
function deepCursor(dbPath: string, offset: number): string {
  const sqlite = new Database(dbPath, { readonly: true });
  const n = sqlite.prepare("select count(*) from transactions where account_id = ? and type = 'ad_credit'").pluck().get(SCALE_ACCOUNT) as number;
  const row = sqlite
    .prepare("select at, id from transactions where account_id = ? and type = 'ad_credit' order by at desc, id desc limit 1 offset ?")
    .get(SCALE_ACCOUNT, Math.max(0, Math.min(offset, n - 60))) as { at: number; id: number };
  sqlite.close();
  return `${row.at}.${row.id}`;
}

/** The pages timed; `deep` stands in the URL for a cursor 250,000 rows into the Ad credit list. */
function pages(deep: string): [string, string][] {
  return [
    ["Transactions · Daily totals", `${T}?${A}`],
    ["Transactions · Daily totals · Ad credit", `${T}?${A}&type=ad_credit`],
    ["Transactions · Every transaction", `${T}?${A}&view=all`],
    ["Transactions · Every transaction · Ad credit", `${T}?${A}&view=all&type=ad_credit`],
    ["Transactions · Every · Ad credit · campaign", `${T}?${A}&view=all&type=ad_credit&campaign=cmp_brand`],
    ["Transactions · Every · one day", `${T}?${A}&view=all&from=2026-11-20&to=2026-11-20`],
    ["Transactions · Every · Ad credit · 250,000 rows in", `${T}?${A}&view=all&type=ad_credit&after=${deep}`],
    ["Home", `/?${A}`],
    ["Promotions", `/tools/payments/promotions?${A}`],
    ["Campaigns", `/campaigns?${A}`],
  ];
}

async function main() {
  mkdirSync(SCALE_DIR, { recursive: true });
  const demo = path.join(SCALE_DIR, "demo.db");
  const scale = path.join(SCALE_DIR, "scale.db");
  for (const f of [demo, scale]) for (const s of ["", "-wal", "-shm"]) rmSync(f + s, { force: true });
  console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  console.log(`${SCALE_RUNS} requests per page and size, in turns, signed in as admin@example.com, full response.\n`);

  const db = openDb(demo);
  const seeded = await seedDemo(db);
  const demoRows = db.$client.prepare("select count(*) from transactions").pluck().get() as number;
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  console.log(`Demo data: ${fmt(seeded.charges)} charges, ${fmt(demoRows)} ledger rows (seeded in ${fmt(seeded.ms / 1000)} s)`);

  copyFileSync(demo, scale);
  const big = new Database(scale);
  big.pragma("journal_mode = WAL");
  const added = addLedgerHistory(big, SCALE_ROWS, SEED_START);
  big.pragma("wal_checkpoint(TRUNCATE)");
  big.close();
  console.log(
    `Scale data: +${fmt(added.rows)} ledger rows (${fmt(added.demoRows)} on ${SCALE_ACCOUNT}) written through SQL in ${fmt(added.generateMs / 1000)} s; ` +
      `${fmt(added.dailyTotals)} daily totals rebuilt in ${fmt(added.totalsMs / 1000)} s\n`,
  );

  const servers = [await startServer(demo, PORT ?? (await freePort())), await startServer(scale, await freePort())];
  const timings = new Map<string, Timing[]>();
  const exports: { exp: Awaited<ReturnType<typeof exportRate>>; raw: ReturnType<typeof rawRead> }[] = [];
  try {
    const deep = [deepCursor(demo, 250_000), deepCursor(scale, 250_000)];
    for (const [name, url] of pages("DEEP")) {
      if (!url.includes("DEEP")) timings.set(name, await timeBoth(servers, url));
      else {
        // The deep cursor differs per database: time each server's own, in turns all the same.
        for (const server of servers) for (let i = 0; i < 2; i++) await once(server, url.replace("DEEP", deep[servers.indexOf(server)]!));
        const ms: number[][] = [[], []];
        for (let i = 0; i < SCALE_RUNS; i++)
          for (const [k, server] of servers.entries()) ms[k]!.push(await once(server, url.replace("DEEP", deep[k]!)));
        timings.set(name, ms.map((xs) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95) })));
      }
    }
    for (const [k, server] of servers.entries())
      exports.push({ exp: await exportRate(server, `/api/transactions/export?${A}&view=all&type=ad_credit`), raw: rawRead([demo, scale][k]!, "ad_credit") });
  } finally {
    for (const server of servers) await stopServer(server);
  }

  console.log(`${"page".padEnd(50)} ${"demo p50/p95 ms".padStart(16)} ${"scale p50/p95 ms".padStart(17)} ${"p95 ratio".padStart(10)}`);
  for (const [name, [s, l]] of timings) {
    console.log(`${name.padEnd(50)} ${`${fmt(s!.p50)} / ${fmt(s!.p95)}`.padStart(16)} ${`${fmt(l!.p50)} / ${fmt(l!.p95)}`.padStart(17)} ${(l!.p95 / s!.p95).toFixed(2).padStart(10)}`);
  }
  for (const [k, { exp, raw }] of exports.entries()) {
    const label = k === 0 ? "demo data" : `+${fmt(SCALE_ROWS)} rows`;
    console.log(
      `\nExport, every Ad credit row of ${SCALE_ACCOUNT} (${label}): ${fmt(exp.rows)} rows, ${fmt(exp.bytes / 1048576)} MB in ${fmt(exp.ms / 1000)} s ` +
        `= ${fmt(exp.rowsPerSecond)} rows/s (first byte ${fmt(exp.firstByteMs)} ms); server memory ${fmt(exp.rssBeforeMb)} MB before, ${fmt(exp.rssPeakMb)} MB at most while streaming`,
    );
    console.log(`  raw read of the same rows, newest first: ${fmt(raw.rows)} rows in ${fmt(raw.ms)} ms = ${fmt(raw.rowsPerSecond)} rows/s; export / raw = ${(exp.rowsPerSecond / raw.rowsPerSecond).toFixed(3)}`);
  }
  console.log(`\nDatabases kept in ${SCALE_DIR} (delete when done).`);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
