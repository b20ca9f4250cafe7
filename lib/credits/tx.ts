// Every engine operation is one transaction on the store. Inside it, a rule failure is thrown as an
// EngineError, which rolls everything back and comes out as `{ ok: false, error }`.
import type { Db } from "@/db/client";
import { EngineError, type Result } from "./errors";
import type { Maybe } from "./maybe";
import { sqliteStore } from "./store/sqlite";
import type { Store } from "./store/store";

/** What an operation is given: a Store, or an SQLite connection (whose store is made once and kept). */
export type EngineDb = Store | Db;

export const storeOf = (db: EngineDb): Store => ("$client" in db ? sqliteStore(db) : db);

/** Runs `fn` in one transaction of the store (nested, as a savepoint, inside another). */
export const runOp = <T extends object>(db: EngineDb, fn: (store: Store) => Promise<T>): Promise<Result<T>> =>
  resultOf(() => storeOf(db).transaction(fn));

/**
 * Runs a clock move (advance, simulate): where the store makes moves step by step (PostgreSQL), `fn` runs
 * its own transactions, one per step; elsewhere it is one transaction, as any operation.
 */
export async function runMove<T extends object>(db: EngineDb, fn: (store: Store) => Promise<T>): Promise<Result<T>> {
  const store = storeOf(db);
  return store.moveInSteps ? resultOf(() => fn(store)) : runOp(store, fn);
}

/** `run`'s answer as a Result: a rule failure (EngineError) becomes `{ ok: false, … }`; anything else throws. */
export async function resultOf<T extends object>(run: () => Maybe<T>): Promise<Result<T>> {
  try {
    return { ok: true, ...(await run()) };
  } catch (e) {
    if (e instanceof EngineError) return e.toFailure();
    throw e;
  }
}

export const isPositiveInt = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) > 0;
export const isNonNegativeInt = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
