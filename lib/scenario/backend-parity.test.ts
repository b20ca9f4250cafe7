// Every scenario file gives byte-identical output on SQLite and on PostgreSQL (PGlite, through
// store/pg.ts): the project's files in lib/credits/scenarios, and CI's reference examples when they sit
// beside the project. One migrated PGlite for the file, emptied between scenarios.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resetPglite } from "@/lib/testing/pglite";
import { pgliteForFile } from "@/lib/testing/pglite-vitest";
import { pgBackend, sqliteBackend } from "./backend";
import { expectationSchema } from "./expectation";
import { runScenario } from "./run";
import { InvalidScenario, parseScenario } from "./schema";

const folders = ["lib/credits/scenarios", "../shared/scenarios/examples"].filter((d) => existsSync(d));
const files = folders.flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => path.join(d, f)),
);

/** The scenario a file holds, or null when the runner rejects it (before any database is touched, so on neither). */
function scenarioOf(file: string) {
  const { scenario } = expectationSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  try {
    return parseScenario(scenario);
  } catch (e) {
    if (e instanceof InvalidScenario) return null;
    throw e;
  }
}

const runnable = files.flatMap((file) => {
  const scenario = scenarioOf(file);
  return scenario ? [{ file, scenario }] : [];
});

const pglite = pgliteForFile();

describe("scenario output: SQLite and PostgreSQL (PGlite) agree byte for byte", () => {
  it("finds the project's scenario files", () => {
    expect(runnable.filter((r) => r.file.startsWith("lib/credits/scenarios")).length).toBeGreaterThan(80);
  });

  it.each(runnable)("$file", async ({ scenario }) => {
    const onSqlite = JSON.stringify(await runScenario(scenario, sqliteBackend()));
    await resetPglite(pglite());
    const onPg = JSON.stringify(await runScenario(scenario, pgBackend(pglite())));
    expect(onPg).toBe(onSqlite);
  });
});
