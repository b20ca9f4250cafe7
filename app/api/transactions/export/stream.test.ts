// The CSV export stream: the same rows as the page walk, in order, from one snapshot, produced only as
// fast as the client reads them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sqliteAppDb, type SqliteAppDb } from "@/db/app";
import { openDb } from "@/db/client";
import type { AdAccount } from "@/db/schema";
import * as engine from "@/lib/credits";
import { namesOf, resolveTransactionFilter, transactionPage, dailyTotalsPage, type ResolvedFilter } from "@/lib/queries/transactions";
import { exportStream, sqliteRows, type ExportSource } from "./stream";

const T0 = Date.UTC(2026, 10, 1, 12);
let dir: string;
let file: string;
let db: SqliteAppDb;

function ok<T extends object>(r: engine.Result<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r;
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "export-"));
  file = path.join(dir, "db.sqlite");
  db = sqliteAppDb(openDb(file));
  ok(await engine.initClock(db.store, T0));
  ok(await engine.createAccount(db.store, T0, { id: "a1", paymentMethod: true, timeZone: "America/New_York" }));
  ok(await engine.topUp(db.store, T0, { accountId: "a1", amount: 100_000_000 }));
  ok(await engine.createCampaign(db.store, T0, { id: "c1", accountId: "a1", name: "Feed, \"best\"", adProduct: "in_feed", dailyBudget: 24_000 }));
  ok(await engine.createCampaign(db.store, T0, { id: "c2", accountId: "a1", name: "=Video", adProduct: "video_views", dailyBudget: 12_000 }));
  ok(await engine.grantCredit(db.store, T0, { id: "g1", accountId: "a1", type: "free", amount: 50_000, name: "Welcome, friend" }));
  ok(await engine.simulate(db.store, { hours: 24 * 20 }));
});

afterEach(async () => {
  db.sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

const account = () => db.sqlite.prepare("select id, currency, time_zone as timeZone from ad_accounts where id = 'a1'").get() as AdAccount;

async function filter(query: string): Promise<ResolvedFilter> {
  const r = await resolveTransactionFilter(db, { ...account(), timeZone: "America/New_York" }, new URLSearchParams(query));
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

/** Opens read-only connections to the test database, counting the rows the export's statement yields. */
function reader() {
  const seen: { rows: number; connection?: Database.Database } = { rows: 0 };
  const open = (statement: { sql: string; params: (string | number)[] }) => {
    const sqlite = new Database(file, { readonly: true });
    seen.connection = sqlite;
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((sql: string) => {
      const stmt = prepare(sql);
      const iterate = stmt.iterate.bind(stmt);
      stmt.iterate = ((...params: unknown[]) =>
        (function* () {
          for (const row of iterate(...params)) {
            seen.rows++;
            yield row;
          }
        })()) as typeof stmt.iterate;
      return stmt;
    }) as typeof sqlite.prepare;
    return sqliteRows(sqlite, statement);
  };
  return { open, seen };
}

const source = async (f: ResolvedFilter, open: ExportSource["open"]) => ({ open, account: account(), filter: f, names: await namesOf(db, "a1"), digits: 2 });

async function text(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

/** Every row id of a view, walking the page's Next links. */
async function walkIds(f: ResolvedFilter): Promise<number[]> {
  const page = f.view === "all" ? (g: ResolvedFilter) => transactionPage(db, "a1", g) : (g: ResolvedFilter) => dailyTotalsPage(db, "a1", g);
  const ids: number[] = [];
  for (let p = await page(f); ; ) {
    ids.push(...p.rows.map((r) => r.id));
    if (!p.older) return ids;
    const [key, id] = p.older.split(".");
    p = await page({ ...f, cursor: { direction: "after", key: f.view === "all" ? Number(key) : key!, id: Number(id) } });
  }
}

describe("CSV export stream", () => {
  it("lists exactly the rows the page walk lists, in the same order, quoting what needs quoting", async () => {
    const f = await filter("view=all&type=ad_credit");
    const { open, seen } = reader();
    const [header, ...lines] = (await text(exportStream(await source(f, open)))).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(seen.connection?.open, "the export's connection is closed at the end").toBe(false);
    expect(header).toBe("Transaction ID,Time (America/New_York),Time (UTC),Type,Description,Charge ID,Campaign,Campaign ID,Amount,Currency");
    expect(lines.map((l) => Number(l.split(",")[0]))).toEqual(await walkIds(f));
    expect(lines[0]).toMatch(/^\d+,2026-11-\d\dT\d\d:00:00-05:00,2026-11-\d\dT\d\d:00:00\.000Z,Ad credit,"Welcome, friend",c\d@[^,]+,("Feed, ""best""",c1|'=Video,c2),\d+\.\d\d,USD$/);
  });

  it("follows the view: daily totals, one line per total, summing to the ledger", async () => {
    const f = await filter("type=cash");
    const [header, ...lines] = (await text(exportStream(await source(f, reader().open)))).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(header).toBe("Day (America/New_York),Type,Description,Campaign,Campaign ID,Credit ID,Transactions,Amount,Currency");
    expect(lines).toHaveLength((await walkIds(f)).length);
    const sum = (ls: string[]) => ls.reduce((s, l) => s + Math.round(Number(l.split(",").at(-2)) * 100), 0);
    const ledger = db.sqlite.prepare("select sum(amount) from transactions where account_id = 'a1' and type = 'cash'").pluck().get();
    expect(sum(lines)).toBe(ledger);
    expect(lines[0]).toMatch(/^2026-11-\d\d,Cash,Delivery charges paid from cash balance,("Feed, ""best""",c1|'=Video,c2),,\d+,\d+\.\d\d,USD$/);
  });

  it("reads one snapshot: rows written while it streams are not in it", async () => {
    const f = await filter("view=all");
    const before = (await walkIds(f)).length;
    const reading = exportStream(await source(f, reader().open)).getReader();
    await reading.read();
    ok(await engine.simulate(db.store, { hours: 24 }));
    expect((await walkIds(f)).length).toBeGreaterThan(before);
    let out = "";
    for (let chunk = await reading.read(); !chunk.done; chunk = await reading.read()) out += new TextDecoder().decode(chunk.value);
    expect(out.trimEnd().split("\r\n").length).toBe(before);
  });

  it("makes rows only as fast as they are read (back-pressure), and stops when cancelled", async () => {
    for (let i = 3; i <= 10; i++) ok(await engine.createCampaign(db.store, T0, { id: `c${i}`, accountId: "a1", adProduct: "traffic", dailyBudget: 2_400 }));
    ok(await engine.simulate(db.store, { hours: 24 * 15 }));
    const f = await filter("view=all");
    const total = (await walkIds(f)).length;
    const { open, seen } = reader();
    const reading = exportStream({ ...(await source(f, open)), chunkChars: 16 * 1024 }).getReader();
    await reading.read();
    await reading.read();
    // Two reads: the header and one 16 kB chunk (about 120 rows), plus at most one chunk queued ahead.
    expect(total).toBeGreaterThan(3_000);
    expect(seen.rows).toBeGreaterThan(0);
    expect(seen.rows).toBeLessThan(400);
    await reading.cancel();
    expect(seen.rows).toBeLessThan(400);
    expect(seen.connection?.open).toBe(false);
  });
});
