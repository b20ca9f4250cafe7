// The vitest side of lib/testing/postgres.ts, apart so that the benchmark can start a cluster without vitest.
import { describe, it } from "vitest";
import { postgresMissing } from "./postgres";

/**
 * `describe` for tests that need a real PostgreSQL server. Without the binaries, the block is skipped with
 * the reason in its name and on stderr, except under CI (CI set), where it fails: CI must never pass by
 * silently skipping them (.ci/run installs the package).
 */
export function describePostgres(name: string, fn: () => void): void {
  const missing = postgresMissing();
  if (!missing) {
    describe(name, fn);
    return;
  }
  if (process.env.CI) {
    describe(name, () => {
      it("has PostgreSQL to run against (CI is set, so this is not skipped)", () => {
        throw new Error(`PostgreSQL is required under CI: ${missing}`);
      });
    });
    return;
  }
  console.warn(`Skipping "${name}": ${missing}.`);
  describe.skip(`${name} — skipped: ${missing}`, fn);
}
