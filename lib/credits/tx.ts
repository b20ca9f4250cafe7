// Every engine operation is one synchronous BEGIN IMMEDIATE transaction. Inside it, a rule failure is
// thrown as an EngineError, which rolls everything back and comes out as `{ ok: false, error }`.
import type Database from "better-sqlite3";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type * as schema from "@/db/schema";
import { EngineError, type Result } from "./errors";
import { sqliteStore } from "./sqlite-store";

/** The connection an operation runs on: drizzle for most queries, `$client` for the hot path's statements. */
export type Tx = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const transactions = new WeakMap<Database.Database, Database.Transaction<(fn: () => object) => object>>();

// Operations run their queries on the connection itself inside better-sqlite3's native transaction (one
// connection; nested transactions become savepoints), so prepared statements can be kept per connection.
// The ledger's daily totals gathered during the operation are written just before it commits, and
// forgotten when it rolls back.
export function runOp<T extends object>(db: Tx, fn: (tx: Tx) => T): Result<T> {
  let transaction = transactions.get(db.$client);
  if (!transaction) {
    transaction = db.$client.transaction((inner: () => object) => inner());
    transactions.set(db.$client, transaction);
  }
  const store = sqliteStore(db);
  // Nested in another operation: its totals so far belong to it, not to this one's possible rollback.
  store.writeDailyTotals();
  try {
    const result = transaction.immediate(() => {
      const out = fn(db);
      store.writeDailyTotals();
      return out;
    }) as T;
    return { ok: true, ...result };
  } catch (e) {
    store.discardDailyTotals();
    if (e instanceof EngineError) return e.toFailure();
    throw e;
  }
}

export const isPositiveInt = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) > 0;
export const isNonNegativeInt = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/** Builds a set of prepared queries once per connection. */
export function perConnection<T>(build: (tx: Tx) => T): (tx: Tx) => T {
  const cache = new WeakMap<Tx, T>();
  return (tx) => {
    let queries = cache.get(tx);
    if (!queries) {
      queries = build(tx);
      cache.set(tx, queries);
    }
    return queries;
  };
}
