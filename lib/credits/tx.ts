// Every engine operation is one synchronous BEGIN IMMEDIATE transaction. Inside it, a rule failure is
// thrown as an EngineError, which rolls everything back and comes out as `{ ok: false, error }`.
import type { RunResult } from "better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as schema from "@/db/schema";
import { EngineError, type Result } from "./errors";

export type Tx = BaseSQLiteDatabase<"sync", RunResult, typeof schema>;

// Operations run their queries on the connection itself inside the native transaction (better-sqlite3 has
// one connection, and nests transactions as savepoints), so prepared queries can be cached per connection.
export function runOp<T extends object>(db: Tx, fn: (tx: Tx) => T): Result<T> {
  try {
    return { ok: true, ...db.transaction(() => fn(db), { behavior: "immediate" }) };
  } catch (e) {
    if (e instanceof EngineError) return e.toFailure();
    throw e;
  }
}

/** A nested step that may fail on its own (a savepoint): used by delivery, where a failed charge is skipped. */
export function tryNested<T>(tx: Tx, fn: (tx: Tx) => T): T | EngineError {
  try {
    return tx.transaction(() => fn(tx));
  } catch (e) {
    if (e instanceof EngineError) return e;
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
