// npm run audit -- [database file]: checks every R16 invariant (default: the app's database), prints each
// violation with the ids involved, and exits 1 if there is any. Opens a SQLite file read-only; with
// DATABASE_URL a postgres:// URL (and no file given), audits that PostgreSQL database (SELECTs only).
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { z } from "zod";
import * as schema from "@/db/schema";
import { openPg } from "@/db/pg";
import { audit, type Violation } from "@/lib/credits/audit";
import { PgStore } from "@/lib/credits/store/pg";
import { env } from "@/lib/env";

type Counts = { credits: number; charges: number; transactions: number };
const countsSql = "select (select count(*) from credits) credits, (select count(*) from charges) charges, (select count(*) from transactions) transactions";

const args = z.array(z.string()).max(1).safeParse(process.argv.slice(2));
if (!args.success) {
  console.error("usage: npm run audit -- [path/to/database.db]");
  process.exit(2);
}

function report(violations: Violation[], counts: Counts, where: string) {
  for (const v of violations) console.log(`✗ ${v.check} [${v.ids.join(", ")}]: ${v.detail}`);
  console.log(
    `${violations.length === 0 ? "✓ ledger consistent" : `${violations.length} violation(s)`}: ${counts.credits} credits, ${counts.charges} charges, ${counts.transactions} transactions checked in ${where}`,
  );
  process.exit(violations.length === 0 ? 0 : 1);
}

async function auditPostgres(url: string) {
  const db = openPg(url);
  try {
    const violations = await audit(new PgStore(db));
    // node-postgres returns bigint counts as text.
    const { rows } = await db.execute<Record<keyof Counts, string | number>>(sql.raw(countsSql));
    const { credits, charges, transactions } = rows[0]!;
    const { host, pathname } = new URL(url);
    await db.$client.end();
    report(violations, { credits: Number(credits), charges: Number(charges), transactions: Number(transactions) }, `${host || "localhost"}${pathname}`);
  } catch (error) {
    await db.$client.end();
    let e = error;
    while (e instanceof Error && e.cause instanceof Error) e = e.cause;
    console.error(`Could not audit the PostgreSQL database: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
}

function auditSqlite(file: string) {
  if (!existsSync(file)) {
    console.error(`No database at ${file}.`);
    process.exit(2);
  }
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  void audit(drizzle(sqlite, { schema })).then((violations) => report(violations, sqlite.prepare(countsSql).get() as Counts, file));
}

if (args.data[0] === undefined && env.postgresUrl) void auditPostgres(env.postgresUrl);
else auditSqlite(args.data[0] ?? env.dbPath);
