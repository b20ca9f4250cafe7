// The command-line runner's contract (SPEC §5), through real processes: exit 0 and JSON for a valid file,
// exit 2 and one line naming step, field and value for an invalid one. The scenario step of `npm test`
// runs every expectation file in-process; these run a few through the CLI so its process behaviour stays
// covered, and check that the checker itself fails on a wrong expectation.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkFile, inProcess, throughCli } from "@/lib/scenario/check";

const dir = mkdtempSync(path.join(tmpdir(), "scenario-cli-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const node = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", ...args], { encoding: "utf8" });
const file = (name: string, doc: unknown) => {
  const f = path.join(dir, name);
  writeFileSync(f, typeof doc === "string" ? doc : JSON.stringify(doc));
  return f;
};
const scenarios = (name: string) => path.join("lib/credits/scenarios", name);

describe("npm run scenario (SPEC §5)", () => {
  it.each(["r07-code-expired.json", "r10-limit-30-after-cutoff.json", "invalid-step-index.json", "invalid-unknown-op.json", "invalid-not-an-object.json"])(
    "%s passes through the CLI as it does in-process",
    async (name) => {
      expect(await checkFile(scenarios(name), throughCli)).toEqual([]);
      expect(await checkFile(scenarios(name), inProcess)).toEqual([]);
    },
  );

  it("an invalid file exits 2 with one line naming the step, field and value, and prints nothing on stdout", () => {
    const f = file("bad.json", { start: "2026-01-01T00:00:00Z", steps: [{ op: "createAccount", id: "a1" }, { op: "topUp", account: "a1", amount: "ten" }] });
    const run = node(["lib/cli/scenario.ts", f]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain('step 2 (topUp): amount must be an integer, got "ten"');
  });

  it("--backend pglite prints the same bytes as the default SQLite run (issue 12)", () => {
    const f = file("both.json", JSON.parse(readFileSync(scenarios("r02-assigned-order.json"), "utf8")).scenario);
    const lite = node(["lib/cli/scenario.ts", f]);
    const pg = node(["lib/cli/scenario.ts", "--backend", "pglite", f]);
    expect([lite.status, pg.status]).toEqual([0, 0]);
    expect(pg.stdout).toBe(lite.stdout);
    expect(node(["lib/cli/scenario.ts", "--backend", "sqlite", f]).stdout).toBe(lite.stdout);
  });

  it("an unknown backend exits 2 naming the ones there are, and runs nothing", () => {
    const run = node(["lib/cli/scenario.ts", "--backend", "oracle", scenarios("r02-assigned-order.json")]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('unknown backend "oracle": use sqlite, pglite or postgres');
  });

  it("a file that is not JSON exits 2 and says so", () => {
    const run = node(["lib/cli/scenario.ts", file("garbage.json", "{ not json")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("is not valid JSON");
  });
});

describe("the scenario checker", () => {
  it("exits 1 and names the difference when an expectation does not hold", () => {
    const f = file("wrong.json", {
      scenario: { start: "2026-01-01T00:00:00Z", steps: [{ op: "createAccount", id: "a1" }, { op: "topUp", account: "a1", amount: 500 }] },
      expect: { final: { accounts: { a1: { cashBalance: 499 } } } },
    });
    const run = node(["lib/cli/check-scenarios.ts", f]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("final.accounts.a1.cashBalance: expected 499, got 500");
    expect(run.stdout).toContain("0 passed, 1 failed");
  });
});
