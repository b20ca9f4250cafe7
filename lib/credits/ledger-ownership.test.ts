// SPEC §7: the engine is the only code that changes credits, charges, activations, assignments and
// transactions. This reads every source file outside lib/credits and fails on a write to a ledger table,
// through drizzle's query builder or in raw SQL.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Ledger tables: their drizzle export names (db/schema.ts) and their SQL names. */
const LEDGER: Record<string, string> = {
  credits: "credits",
  charges: "charges",
  chargeAllocations: "charge_allocations",
  activations: "activations",
  assignments: "assignments",
  assignmentLog: "assignment_log",
  transactions: "transactions",
  dailyTotals: "daily_totals",
  qualifyingSpend: "qualifying_spend",
  redemptions: "redemptions",
  promotions: "promotions",
  promotionTiers: "promotion_tiers",
  promoCodes: "promo_codes",
  appeals: "appeals",
  paymentMethods: "payment_methods",
  sandboxClock: "sandbox_clock",
};

const ROOT = path.resolve(__dirname, "../..");
/**
 * Skipped: the engine itself; generated migrations (the append-only triggers); the schema's own tests, which
 * write rows by hand to prove the database's constraints and triggers refuse bad ones (and, for the
 * PostgreSQL schema's parity, read the same rows back from both databases); and the benchmarks,
 * whose floor writes the same rows with raw SQL into its own in-memory database to measure the engine
 * against, and whose scale data (lib/bench/scale-data.ts) is timing data written straight into a copy of
 * the demo database.
 */
const SKIP = new Set([
  "node_modules",
  ".next",
  ".git",
  "test-results",
  "playwright-report",
  "lib/credits",
  "db/migrations",
  "db/schema.test.ts",
  "db/schema-parity.test.ts",
  "lib/cli/bench.ts",
  "lib/bench",
]);

function sources(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    const rel = path.relative(ROOT, full);
    if (SKIP.has(rel) || SKIP.has(entry.name)) return [];
    if (entry.isDirectory()) return sources(full);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [rel] : [];
  });
}

/** Comments out of the way, so prose such as "update credits" is not a write. */
const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");

const names = (list: string[]) => list.join("|");
const drizzleWrite = new RegExp(String.raw`\.(insert|update|delete)\(\s*(?:\w+\.)?(${names(Object.keys(LEDGER))})\s*[,)]`, "g");
const sqlWrite = new RegExp(
  String.raw`\b(insert\s+(?:or\s+\w+\s+)?into|replace\s+into|update|delete\s+from)\s+["'\x60\[]?(${names(Object.values(LEDGER))})\b`,
  "gi",
);

/** Every write to a ledger table in a piece of source, as "insert credits", "UPDATE transactions"… */
function ledgerWrites(code: string): string[] {
  const text = withoutComments(code);
  return [...text.matchAll(drizzleWrite), ...text.matchAll(sqlWrite)].map((m) => `${m[1]} ${m[2]}`);
}

describe("only the engine writes the ledger (SPEC §7)", () => {
  it("finds writes through drizzle and raw SQL, and not in comments", () => {
    expect(ledgerWrites("db.insert(credits).values(row).run();")).toEqual(["insert credits"]);
    expect(ledgerWrites("tx.update(schema.assignmentLog).set({})")).toEqual(["update assignmentLog"]);
    expect(ledgerWrites("tx.delete(assignments)\n  .where(x)")).toEqual(["delete assignments"]);
    expect(ledgerWrites('sqlite.exec(`UPDATE "transactions" SET amount = 0`)')).toEqual(['UPDATE transactions']);
    expect(ledgerWrites("db.$client.prepare('insert or ignore into charge_allocations values (?)')")).toEqual(["insert or ignore into charge_allocations"]);
    expect(ledgerWrites("// we update credits here\n/* delete from charges */ db.select().from(credits)")).toEqual([]);
    expect(ledgerWrites("db.insert(memberships).values(m)")).toEqual([]);
  });

  it("the engine does write every table counted as ledger (the list is not stale)", () => {
    const engine = readdirSync(path.join(ROOT, "lib/credits"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => readFileSync(path.join(ROOT, "lib/credits", f), "utf8"))
      .join("\n");
    // Through drizzle a write names the export (chargeAllocations), in raw SQL the table (charge_allocations).
    const written = new Set(ledgerWrites(engine).map((w) => w.split(" ").pop()));
    expect(Object.entries(LEDGER).filter(([name, table]) => !written.has(name) && !written.has(table))).toEqual([]);
  });

  it("no code outside lib/credits writes a ledger table", () => {
    const files = sources();
    expect(files.length).toBeGreaterThan(50);
    const offences = files.flatMap((f) => ledgerWrites(readFileSync(path.join(ROOT, f), "utf8")).map((w) => `${f}: ${w}`));
    expect(offences).toEqual([]);
  });

  it("inside the engine, operations reach the database only through the Store (lib/credits/store)", () => {
    // The adapters hold the SQL; daily-totals.ts rebuilds SQLite's totals when a database is opened; the
    // test kit reads the clock for tests.
    const skip = new Set(["daily-totals.ts", "test-kit.ts"]);
    const files = readdirSync(path.join(ROOT, "lib/credits"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.startsWith("store/") && !skip.has(f));
    expect(files).toContain("ops/charge.ts");
    const offences = files.flatMap((f) => {
      const code = withoutComments(readFileSync(path.join(ROOT, "lib/credits", f), "utf8"));
      const direct = /from "drizzle-orm|from "better-sqlite3"|\$client\.|\bsql`/.test(code) ? ["queries the database directly"] : [];
      return [...ledgerWrites(code), ...direct].map((w) => `${f}: ${w}`);
    });
    expect(offences).toEqual([]);
  });
});
