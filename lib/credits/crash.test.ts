// Crash safety (issue 9; SPEC §7, R3, R16): a process running a long clock advance is killed with SIGKILL
// part-way. On reopening, the R16 audit is clean, and running the advance to the same end again gives
// exactly the ledger an uninterrupted run gives: nothing is charged twice, nothing is lost.
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { audit } from "./audit";
import * as engine from "./index";
import { must } from "./test-kit";
import { HOUR } from "./rules/time";

const HOURS = 24 * 21;
const dir = mkdtempSync(path.join(tmpdir(), "crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The ledger as numbers to compare: every charge and its split, every transaction, every balance. */
function ledger(db: Db) {
  const q = (sql: string) => db.$client.prepare(sql).raw().all();
  return {
    now: engine.clockNow(db),
    charges: q("select id, campaign_id, amount, discount, credits, cash, billed, credit_line, at from charges order by id"),
    allocations: q("select charge_id, credit_id, amount from charge_allocations order by charge_id, credit_id"),
    transactions: q("select account_id, type, amount, at, credit_id, campaign_id, charge_id from transactions order by at, account_id, type, charge_id, credit_id"),
    credits: q("select id, used, unused, forfeited, status from credits order by id"),
    accounts: q("select id, cash_balance, amount_due, credit_line_used, prior_paid_history from ad_accounts order by id"),
    activations: q("select id, status, qualifying_spend, tier_reached from activations order by id"),
  };
}

/** Runs the advance in another process and kills it (SIGKILL) once it has written `after` charges. */
async function killPartWay(file: string, after: number): Promise<number> {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/testing/advance-worker.ts", file, String(HOURS)], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith("done")) throw new Error(`the advance finished before it could be killed: ${line}`);
    const charged = Number(/^charged (\d+)$/.exec(line)?.[1]);
    if (charged >= after) {
      child.kill("SIGKILL");
      break;
    }
  }
  expect(await exited).toBe("SIGKILL");
  return after;
}

describe("kill -9 in the middle of a long clock advance", () => {
  it("leaves a clean ledger, and advancing again charges nothing twice", async () => {
    const file = path.join(dir, "crash.db");
    const seeded = openDb(file);
    await seedDemo(seeded);
    const start = (await engine.clockNow(seeded))!;
    seeded.$client.pragma("wal_checkpoint(TRUNCATE)");
    seeded.$client.close();
    // The same database, advanced without interruption, is what the crashed one must end up as.
    const control = path.join(dir, "control.db");
    copyFileSync(file, control);

    await killPartWay(file, 400);

    const reopened = openDb(file);
    expect(await audit(reopened)).toEqual([]);
    const reached = (await engine.clockNow(reopened))!;
    expect(reached).toBeGreaterThanOrEqual(start);
    expect(reached).toBeLessThan(start + HOURS * HOUR);
    // Advance again to the same end: from wherever the crashed run's last commit left the clock.
    must(await engine.simulate(reopened, { hours: (start + HOURS * HOUR - reached) / HOUR }));
    expect(await audit(reopened)).toEqual([]);

    const clean = openDb(control);
    must(await engine.simulate(clean, { hours: HOURS }));
    expect(ledger(reopened)).toEqual(ledger(clean));
    reopened.$client.close();
    clean.$client.close();
  }, 180_000);
});
