// Checks expectation files (see ./expectation.ts) against the scenario runner: in this process, which
// is fast, or through the real command-line runner (`lib/cli/scenario.ts`), which also covers its exit
// code and its message on stderr.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDb } from "@/db/client";
import { sqliteBackend } from "./backend";
import { runScenario } from "./run";
import { InvalidScenario, parseScenario } from "./schema";
import { expectationSchema, problemsWith, type RunOutcome } from "./expectation";

export type Runner = (scenario: unknown) => RunOutcome | Promise<RunOutcome>;

const message = (e: unknown) => (e instanceof Error ? (e.stack ?? e.message) : String(e));

export const inProcess: Runner = async (doc) => {
  let scenario;
  try {
    scenario = parseScenario(doc);
  } catch (e) {
    if (e instanceof InvalidScenario) return { kind: "rejected", stderr: e.message };
    return { kind: "crashed", reason: message(e) };
  }
  const db = openDb(":memory:");
  try {
    return { kind: "output", output: await runScenario(scenario, sqliteBackend(db)) };
  } catch (e) {
    return { kind: "crashed", reason: message(e) };
  } finally {
    db.$client.close();
  }
};

/** The CLI's contract (SPEC §5): exit 0 with JSON on stdout, or exit 2 with the reason on stderr. */
export const throughCli: Runner = (doc) => {
  const dir = mkdtempSync(path.join(tmpdir(), "scenario-"));
  try {
    const file = path.join(dir, "scenario.json");
    writeFileSync(file, JSON.stringify(doc));
    const run = spawnSync(process.execPath, ["--import", "tsx", "lib/cli/scenario.ts", file], {
      encoding: "utf8",
      timeout: 120_000,
      maxBuffer: 256 << 20,
    });
    if (run.status === 2) return { kind: "rejected", stderr: run.stderr };
    if (run.status !== 0) return { kind: "crashed", reason: `exit ${run.status}: ${run.stderr || run.error?.message || ""}` };
    try {
      return { kind: "output", output: JSON.parse(run.stdout) };
    } catch {
      return { kind: "crashed", reason: `stdout is not JSON: ${run.stdout.slice(0, 300)}` };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** The problems with one expectation file; an unreadable or malformed file is a problem too. */
export async function checkFile(file: string, run: Runner): Promise<string[]> {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    return [`could not read: ${e instanceof Error ? e.message : String(e)}`];
  }
  const parsed = expectationSchema.safeParse(doc);
  if (!parsed.success) return [`not an expectation file: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`];
  return problemsWith(parsed.data.expect, await run(parsed.data.scenario));
}
