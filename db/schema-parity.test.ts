// The SQLite schema (db/schema.ts) and the PostgreSQL one (db/schema.pg.ts) describe the same database, so
// the engine reads and writes the same rows on either. At compile time every table's select model is the
// same type in both (`npm run typecheck` fails on drift); at run time a migrated SQLite database and a
// migrated PGlite agree on tables, columns, CHECK names, indexes and append-only triggers (R16), and text
// keys sort in SQLite's byte order.
import { readFileSync } from "node:fs";
import path from "node:path";
import { generateDrizzleJson, generateMigration, generateSQLiteDrizzleJson, generateSQLiteMigration } from "drizzle-kit/api";
import { getTableColumns, getTableName, is, type InferSelectModel, type Table } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { beforeEach, describe, expect, it } from "vitest";
import { resetPglite } from "@/lib/testing/pglite";
import { pgliteForFile } from "@/lib/testing/pglite-vitest";
import { migrationsFolder, openDb, type Db } from "./client";
import { pgMigrationsFolder } from "./pg";
import * as lite from "./schema";
import * as pg from "./schema.pg";

// ---- compile time -------------------------------------------------------------------------------------

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type LiteTables = { [K in keyof typeof lite as (typeof lite)[K] extends SQLiteTable ? K : never]: (typeof lite)[K] };
type PgTables = { [K in keyof typeof pg as (typeof pg)[K] extends PgTable ? K : never]: (typeof pg)[K] };
type Common = keyof LiteTables & keyof PgTables;
/** Tables exported by one schema only, or whose select models differ: `never` when the schemas agree. */
type Drift =
  | Exclude<keyof LiteTables, keyof PgTables>
  | Exclude<keyof PgTables, keyof LiteTables>
  | { [K in Common]: Equal<InferSelectModel<LiteTables[K]>, InferSelectModel<PgTables[K]>> extends true ? never : K }[Common];
// A drifting table makes this a type error that names it (e.g. `"in step"` is not assignable to `"credits"`).
const inStep: [Drift] extends [never] ? "in step" : Drift = "in step";

// ---- run time -----------------------------------------------------------------------------------------

const liteTables = Object.values(lite).filter((v) => is(v, SQLiteTable));
const pgTables = Object.values(pg).filter((v) => is(v, PgTable));

let sqlite: Db;
// PGlite compiles and boots PostgreSQL in WebAssembly: seconds, more beside the other test files.
const pglite = pgliteForFile();
beforeEach(async () => {
  sqlite = openDb(":memory:");
  await resetPglite(pglite());
});

async function pgRows<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return (await pglite().$client.query<T>(query, params)).rows;
}
const liteRows = <T>(query: string, ...params: unknown[]) => sqlite.$client.prepare(query).all(...params) as T[];
const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

/** The tables of the migrated SQLite database, without SQLite's and drizzle's own. */
const liteTableNames = () =>
  liteRows<{ name: string }>(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != '__drizzle_migrations' order by name",
  ).map((r) => r.name);

/** The snapshot drizzle-kit left beside the newest migration in `folder`. */
function latestSnapshot(folder: string) {
  const journal = JSON.parse(readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: { idx: number }[] };
  const idx = String(journal.entries.at(-1)!.idx).padStart(4, "0");
  return JSON.parse(readFileSync(path.join(folder, "meta", `${idx}_snapshot.json`), "utf8"));
}

describe("schema parity between SQLite and PostgreSQL", () => {
  it("has every schema change in its migrations (drizzle-kit generate would write nothing)", async () => {
    // The run-time checks below read the migrated databases, the compile-time one the schema files: this
    // ties each schema file to its migration folder.
    expect(await generateSQLiteMigration(latestSnapshot(migrationsFolder), await generateSQLiteDrizzleJson(lite))).toEqual([]);
    expect(await generateMigration(latestSnapshot(pgMigrationsFolder), generateDrizzleJson(pg))).toEqual([]);
  });

  it("has the same tables and the same property names on every table, in both schemas and both databases", async () => {
    expect(inStep).toBe("in step");
    const byName = <T extends Table>(ts: T[]) =>
      Object.fromEntries(ts.map((t) => [getTableName(t), Object.keys(getTableColumns(t)).sort()]));
    expect(byName(pgTables)).toEqual(byName(liteTables));

    const pgNames = (
      await pgRows<{ name: string }>("select table_name as name from information_schema.tables where table_schema = 'public' order by 1")
    ).map((r) => r.name);
    expect(pgNames).toEqual(liteTableNames());
    expect(pgNames.sort()).toEqual(liteTables.map((t) => getTableName(t)).sort());
  });

  it("has the same columns with the same nullability on every table", async () => {
    const lite = liteTableNames().flatMap((table) =>
      liteRows<{ name: string; notnull: number; pk: number }>(`select name, "notnull", pk from pragma_table_info(?)`, table).map(
        // SQLite lets a primary key column be null unless it says NOT NULL; drizzle always says it.
        (c) => ({ table, column: c.name, notNull: c.notnull === 1 || c.pk > 0 }),
      ),
    );
    const pgCols = await pgRows<{ table: string; column: string; nullable: string }>(
      `select table_name as table, column_name as column, is_nullable as nullable
       from information_schema.columns where table_schema = 'public'`,
    );
    expect(sorted(pgCols.map((c) => ({ table: c.table, column: c.column, notNull: c.nullable === "NO" })))).toEqual(sorted(lite));
    expect(lite.length).toBeGreaterThan(150);
  });

  it("collates every PostgreSQL text column \"C\", so text compares and sorts byte by byte as in SQLite", async () => {
    const other = await pgRows<{ table: string; column: string; collation: string | null }>(
      `select table_name as table, column_name as column, collation_name as collation from information_schema.columns
       where table_schema = 'public' and data_type = 'text' and collation_name is distinct from 'C'`,
    );
    expect(other).toEqual([]);
  });

  it("has the same CHECK constraint names on every table", async () => {
    const lite = liteRows<{ table: string; sql: string }>("select name as \"table\", sql from sqlite_master where type = 'table'").flatMap(
      (t) => [...t.sql.matchAll(/CONSTRAINT "([^"]+)" CHECK/g)].map((m) => ({ table: t.table, check: m[1] })),
    );
    const pgChecks = await pgRows<{ table: string; check: string }>(
      `select c.conrelid::regclass::text as table, c.conname as check from pg_constraint c
       join pg_namespace n on n.oid = c.connamespace where n.nspname = 'public' and c.contype = 'c'`,
    );
    expect(sorted(pgChecks)).toEqual(sorted(lite));
    expect(lite.length).toBeGreaterThan(60);
  });

  it("has the same indexes, on the same columns in the same order and direction", async () => {
    const lite = liteTableNames().flatMap((table) =>
      liteRows<{ name: string; origin: string }>("select name, origin from pragma_index_list(?) where origin != 'pk'", table).map((ix) => ({
        table,
        index: ix.name,
        columns: liteRows<{ name: string; desc: number; key: number }>("select name, \"desc\", key from pragma_index_xinfo(?) order by seqno", ix.name)
          .filter((c) => c.key === 1)
          .map((c) => (c.desc ? `${c.name} desc` : c.name)),
      })),
    );
    const pgIndexes = await pgRows<{ table: string; index: string; columns: string[] }>(
      `select t.relname as table, i.relname as index,
              array(select a.attname || case when x.indoption[k.n - 1] & 1 = 1 then ' desc' else '' end
                    from generate_subscripts(x.indkey, 1) with ordinality k(pos, n)
                    join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[k.pos] order by k.n) as columns
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
       join pg_namespace n on n.oid = t.relnamespace where n.nspname = 'public' and not x.indisprimary`,
    );
    // Every SQLite index on a rowid table ends in the rowid unsaid; the Transactions page's keyset order
    // (at, id) needs it, so PostgreSQL's transactions indexes say `id` last. No other difference.
    const withoutImplicitRowid = pgIndexes.map((ix) =>
      ix.table === "transactions" && ix.columns.at(-1) === "id" ? { ...ix, columns: ix.columns.slice(0, -1) } : ix,
    );
    expect(sorted(withoutImplicitRowid)).toEqual(sorted(lite));
    expect(lite.map((ix) => ix.index)).toEqual(
      expect.arrayContaining(["transactions_account_campaign_type_at_idx", "daily_totals_key_uq", "daily_totals_account_campaign_type_day_idx"]),
    );
  });

  it("guards the same tables with append-only triggers of the same names (R16)", async () => {
    const lite = liteRows<{ table: string; trigger: string }>(
      "select tbl_name as \"table\", name as \"trigger\" from sqlite_master where type = 'trigger'",
    );
    const pgTriggers = await pgRows<{ table: string; trigger: string }>(
      `select tgrelid::regclass::text as table, tgname as trigger from pg_trigger where not tgisinternal`,
    );
    expect(sorted(pgTriggers)).toEqual(sorted(lite));
    expect(new Set(lite.map((t) => t.table))).toEqual(new Set(["transactions", "assignment_log", "membership_log"]));
  });
});

// ---- behaviour ----------------------------------------------------------------------------------------

const user = { id: "u1", email: "a@example.com", name: "A", passwordHash: "x", createdAt: 0 };
const account = { id: "a1", name: "A", currency: "USD", country: "US", billing: "manual", kind: "self_serve", createdAt: 0 } as const;
const campaign = { id: "c1", accountId: "a1", name: "C", adProduct: "in_feed", status: "active", createdAt: 0 } as const;
const credit: typeof lite.credits.$inferInsert = {
  id: "cr1", accountId: "a1", name: "Credit", type: "free", source: "grant", currency: "USD", amount: 100, unused: 100,
  issuedAt: 0, expiresAt: 10, restrictions: { adProducts: ["in_feed"], countries: ["US"] }, requirement: {}, status: "active",
};
const guarded = {
  transactions: { accountId: "a1", type: "top_up", amount: 5, at: 0 },
  assignment_log: { creditId: "cr1", campaignId: "c1", action: "assign", actorRole: "admin", at: 0 },
  membership_log: { accountId: "a1", actorUserId: "u1", userId: "u1", action: "add", role: "admin", at: 0 },
} as const;

function fillLite() {
  sqlite.insert(lite.users).values(user).run();
  sqlite.insert(lite.adAccounts).values(account).run();
  sqlite.insert(lite.campaigns).values(campaign).run();
  sqlite.insert(lite.credits).values(credit).run();
  sqlite.insert(lite.transactions).values(guarded.transactions).run();
  sqlite.insert(lite.assignmentLog).values(guarded.assignment_log).run();
  sqlite.insert(lite.membershipLog).values(guarded.membership_log).run();
}
async function fillPg() {
  await pglite().insert(pg.users).values(user);
  await pglite().insert(pg.adAccounts).values(account);
  await pglite().insert(pg.campaigns).values(campaign);
  await pglite().insert(pg.credits).values(credit);
  await pglite().insert(pg.transactions).values(guarded.transactions);
  await pglite().insert(pg.assignmentLog).values(guarded.assignment_log);
  await pglite().insert(pg.membershipLog).values(guarded.membership_log);
}

describe("the same rows on SQLite and PostgreSQL", () => {
  it("refuses UPDATE and DELETE of a row in every append-only table, on both (R16)", async () => {
    fillLite();
    await fillPg();
    for (const table of Object.keys(guarded)) {
      expect(() => sqlite.$client.prepare(`update ${table} set at = 1`).run(), table).toThrow(/append-only/);
      expect(() => sqlite.$client.prepare(`delete from ${table}`).run(), table).toThrow(/append-only/);
      await expect(pglite().$client.query(`update ${table} set at = 1`), table).rejects.toThrow(/append-only/);
      await expect(pglite().$client.query(`delete from ${table}`), table).rejects.toThrow(/append-only/);
      // Row triggers on both: a statement that touches no row is not refused, and the row is unchanged.
      sqlite.$client.prepare(`delete from ${table} where id = 99`).run();
      await pglite().$client.query(`delete from ${table} where id = 99`);
      expect(liteRows(`select id, at from ${table}`)).toEqual([{ id: 1, at: 0 }]);
      expect(await pgRows(`select id, at from ${table}`)).toEqual([{ id: 1, at: 0 }]);
    }
  });

  it("reads back the same select model from both: numbers for bigint, booleans, JSON objects", async () => {
    fillLite();
    await fillPg();
    const big = { ...account, id: "a2", cashBalance: Number.MAX_SAFE_INTEGER, frozen: true, createdAt: 1_790_000_000_000 };
    sqlite.insert(lite.adAccounts).values(big).run();
    await pglite().insert(pg.adAccounts).values(big);
    expect(await pglite().select().from(pg.adAccounts)).toEqual(sqlite.select().from(lite.adAccounts).all());
    expect(await pglite().select().from(pg.credits)).toEqual(sqlite.select().from(lite.credits).all());
    expect(await pglite().select().from(pg.transactions)).toEqual(sqlite.select().from(lite.transactions).all());
  });

  it("orders text keys byte by byte on both, as delivery and event order expect", async () => {
    const ids = ["acc_b", "acc_B", "Acc_a", "acc_a", "acc-a", "acc__", "acc_a1", "acc_a_1", "ACC", "acc", "acc~", "accé", "acc2", "acc10"];
    for (const id of ids) {
      sqlite.insert(lite.adAccounts).values({ ...account, id }).run();
      await pglite().insert(pg.adAccounts).values({ ...account, id });
    }
    const bytewise = [...ids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(liteRows<{ id: string }>("select id from ad_accounts order by id").map((r) => r.id)).toEqual(bytewise);
    expect((await pgRows<{ id: string }>("select id from ad_accounts order by id")).map((r) => r.id)).toEqual(bytewise);
    // PGlite's database collation happens to be C; a server initialised with a linguistic locale (ICU's
    // root, like en_US) would sort these ids otherwise — which the column's own COLLATE "C" rules out.
    const linguistic = await pgRows<{ id: string }>(`select id from ad_accounts order by id collate "unicode"`);
    expect(linguistic.map((r) => r.id)).not.toEqual(bytewise);
  });
});
