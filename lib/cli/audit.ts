// npm run audit -- [database file]: checks every R16 invariant (default: the app's database), prints each
// violation with the ids involved, and exits 1 if there is any. Opens the file read-only.
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { z } from "zod";
import * as schema from "@/db/schema";
import { audit } from "@/lib/credits/audit";
import { env } from "@/lib/env";

const args = z.array(z.string()).max(1).safeParse(process.argv.slice(2));
if (!args.success) {
  console.error("usage: npm run audit -- [path/to/database.db]");
  process.exit(2);
}
const file = args.data[0] ?? env.dbPath;
if (!existsSync(file)) {
  console.error(`No database at ${file}.`);
  process.exit(2);
}

const sqlite = new Database(file, { readonly: true, fileMustExist: true });
void audit(drizzle(sqlite, { schema })).then((violations) => {
const counts = sqlite
  .prepare("select (select count(*) from credits) credits, (select count(*) from charges) charges, (select count(*) from transactions) transactions")
  .get() as { credits: number; charges: number; transactions: number };
for (const v of violations) console.log(`✗ ${v.check} [${v.ids.join(", ")}]: ${v.detail}`);
console.log(
  `${violations.length === 0 ? "✓ ledger consistent" : `${violations.length} violation(s)`}: ${counts.credits} credits, ${counts.charges} charges, ${counts.transactions} transactions checked in ${file}`,
);
process.exit(violations.length === 0 ? 0 : 1);
});
