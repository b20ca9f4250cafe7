// Values that are there now or come later. SQLite answers every query at once (better-sqlite3 is
// synchronous); PostgreSQL answers with a promise. Code written with `andThen` and `each` instead of `await`
// runs straight through, with no microtask between its steps, when every value is there now, so it can run
// inside a synchronous transaction (Store.transactionNow); given promises, it is ordinary promise code.
// Only the standalone charge, the hot path of one-charge-per-request traffic, is written this way.

export type Maybe<T> = T | Promise<T>;

/** Whether the value comes later: a promise, or any thenable (drizzle's query builders are). */
export const isThenable = <T>(value: Maybe<T> | PromiseLike<T>): value is Promise<T> =>
  typeof (value as { then?: unknown } | null | undefined)?.then === "function";

/** `f(value)`, at once when the value is there, else when it comes. */
export function andThen<T, U>(value: Maybe<T>, f: (value: T) => Maybe<U>): Maybe<U> {
  return isThenable(value) ? Promise.resolve(value).then(f) : f(value);
}

/** `f` on each item in turn, each after the one before has finished. */
export function each<T>(items: readonly T[], f: (item: T) => Maybe<void>, from = 0): Maybe<void> {
  for (let i = from; i < items.length; i++) {
    const pending = f(items[i]!);
    if (isThenable(pending)) return Promise.resolve(pending).then(() => each(items, f, i + 1));
  }
}
