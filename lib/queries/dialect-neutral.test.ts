// The web app's code runs on SQLite and on PostgreSQL (db/app.ts): its queries are awaited drizzle
// builders, which both dialects run. SQLite's synchronous runners (`.get()`, `.all()`, `.run()`,
// `.values()`, `.sync()`) exist only on better-sqlite3, and the types would not stop one (an AppDb is typed
// as SQLite's drizzle), so this keeps them out of every file the app serves from. The hand-written
// statements of lib/queries/transactions.ts and the export run on SQLite's connection with their parameters
// (`.all(...params)`), behind a dialect check, and are not caught here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOTS = ["app", "components", "lib/queries", "lib/auth", "lib/members", "lib/actions", "lib/clock.ts", "db/seed.ts", "db/app.ts", "proxy.ts"];
const SYNC_RUNNER = /\.(get|all|run|values|sync)\(\)/g;

function files(p: string): string[] {
  if (!statSync(p).isDirectory()) return /\.tsx?$/.test(p) && !/\.test\.tsx?$/.test(p) ? [p] : [];
  return readdirSync(p).flatMap((f) => files(path.join(p, f)));
}

describe("the app's queries run on either database", () => {
  it("call no SQLite-only synchronous runner", () => {
    const all = ROOTS.flatMap(files);
    expect(all.length).toBeGreaterThan(50);
    const found = all.flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .flatMap((line, i) => (line.match(SYNC_RUNNER) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
