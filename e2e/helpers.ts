// Shared steps for end-to-end tests: sign in, a handle on the same SQLite file the server uses, the engine
// driven from the test process, accessibility checks and a CSV reader.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { openDb, type Db } from "@/db/client";
import * as engine from "@/lib/credits";

export const PASSWORD = "promotions";

export async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

let db: Db | undefined;
/** The e2e server's database, opened from the test process (WAL lets both use it). */
export function e2eDb(): Db {
  db ??= openDb(process.env.E2E_DB_PATH!);
  return db;
}

/** A delivery charge through the engine at the app's clock, with an id no other test uses. */
export function chargeNow(campaignId: string, amount: number): engine.ChargeResult {
  const d = e2eDb();
  const r = engine.charge(d, engine.clockNow(d)!, { id: `e2e-${campaignId}-${randomUUID()}`, campaignId, amount });
  if (!r.ok) throw new Error(`charge on ${campaignId} failed: ${r.error}`);
  return r;
}

/** Every account-scoped API route the app serves, for the given account. */
export const apiRoutes = (account: string) => [
  `/api/coupons?aadvid=${account}`,
  `/api/transactions/export?aadvid=${account}`,
  `/api/transactions/export?aadvid=${account}&type=ad_credit&from=2026-11-01&to=2026-11-02`,
];

/** axe-core on the page as it is now; fails with the rule ids and targets of serious or critical findings. */
export async function expectNoSeriousA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of cells; a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || (c === "\r" && s[i + 1] === "\n")) {
      if (c === "\r") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}
