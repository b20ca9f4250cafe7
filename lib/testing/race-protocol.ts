// What the race workers (race-worker.ts on SQLite, pg-race-worker.ts on PostgreSQL) share: a record of what
// every engine call answered, where an exception (SQLITE_BUSY, a deadlock, a serialization failure) is
// recorded rather than thrown so the test can say which call it reached; and the start protocol — the
// worker says "ready", waits for any line on stdin ("go"), runs, then prints one JSON line: when its run
// started and finished (epoch milliseconds, comparable across processes) and its outcomes.
import { createInterface } from "node:readline";
import type * as engine from "@/lib/credits";

export type Outcome = { call: string; ok: boolean; error?: string; thrown?: string; result?: unknown };
export type Run = { started: number; finished: number; outcomes: Outcome[] };

/** True when some moment lies inside every run: the last to start started before the first to finish finished. */
export function allRunningAtOnce(runs: Pick<Run, "started" | "finished">[]) {
  return Math.max(...runs.map((r) => r.started)) < Math.min(...runs.map((r) => r.finished));
}

export function raceRecorder() {
  const outcomes: Outcome[] = [];
  async function attempt(call: string, run: () => Promise<engine.Result<object>>) {
    try {
      const r = await run();
      outcomes.push(r.ok ? { call, ok: true, result: r } : { call, ok: false, error: r.error });
    } catch (error) {
      outcomes.push({ call, ok: false, thrown: error instanceof Error ? `${(error as { code?: string }).code ?? error.name}: ${error.message}` : String(error) });
    }
  }
  return { outcomes, attempt };
}

export function runOnGo(outcomes: Outcome[], run: () => Promise<void>, close: () => unknown) {
  createInterface({ input: process.stdin }).once("line", async () => {
    const started = Date.now();
    await run();
    const report: Run = { started, finished: Date.now(), outcomes };
    process.stdout.write(JSON.stringify(report) + "\n");
    await close();
  });
  process.stdout.write("ready\n");
}
