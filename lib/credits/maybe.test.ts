// maybe.ts: straight through when values are there now (what lets a charge run inside
// SqliteStore.transactionNow), ordinary promise code when they come later (PostgreSQL).
import { describe, expect, it } from "vitest";
import { andThen, each } from "./maybe";

const later = <T>(value: T) => new Promise<T>((resolve) => setImmediate(() => resolve(value)));

describe("maybe.ts", () => {
  it("andThen calls on at once with a value, and returns its answer itself, not a promise", () => {
    const seen: number[] = [];
    const out = andThen(2, (n) => {
      seen.push(n);
      return andThen(n * 3, (m) => m + 1);
    });
    expect(seen).toEqual([2]);
    expect(out).toBe(7);
  });

  it("andThen waits for a promise, and passes on a rejection", async () => {
    const out = andThen(later(2), (n) => andThen(n * 3, (m) => later(m + 1)));
    expect(out).toBeInstanceOf(Promise);
    expect(await out).toBe(7);
    await expect(andThen(Promise.reject(new Error("no")), () => 1)).rejects.toThrow("no");
  });

  it("andThen waits for a thenable that is not a Promise (drizzle's query builders are such)", async () => {
    const thenable = { then: (resolve: (n: number) => void) => setImmediate(() => resolve(5)) } as unknown as Promise<number>;
    const out = andThen(thenable, (n) => n + 1);
    expect(out).toBeInstanceOf(Promise);
    expect(await out).toBe(6);
  });

  it("each runs in item order, straight through when nothing waits", () => {
    const seen: string[] = [];
    expect(each(["a", "b", "c"], (x) => void seen.push(x))).toBeUndefined();
    expect(seen).toEqual(["a", "b", "c"]);
  });

  it("each starts an item only once the one before it has finished", async () => {
    const seen: string[] = [];
    const done = each(["a", "b", "c"], (x) => {
      seen.push(`start ${x}`);
      if (x === "b") return andThen(later(x), () => void seen.push(`end ${x}`));
      seen.push(`end ${x}`);
    });
    expect(seen).toEqual(["start a", "end a", "start b"]);
    await done;
    expect(seen).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });
});
