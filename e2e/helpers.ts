// The one helper module of the end-to-end tests: sign in, a handle on the same SQLite file the server uses,
// the engine driven from the test process at the app's clock, unique ids, the coupon card, accessibility
// checks, a CSV reader, and users with accounts of their own for the self-serve tests. (Engine set-up
// steps use `must` from lib/credits.)
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { openDb, type Db } from "@/db/client";
import { memberships, users, type Role } from "@/db/schema";
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

/** The app's clock, read from its row: engine operations from a test run at the same `now` as the server's. */
export const e2eNow = () => e2eDb().$client.prepare("select now from sandbox_clock where id = 1").pluck().get() as number;

/** A short random suffix, so each test's accounts, codes and promotions are its own. */
export const uid = () => Math.random().toString(36).slice(2, 8);

/** Opens the header's coupon card and waits for its contents. */
export async function openCoupons(page: Page) {
  await page.getByRole("button", { name: "Coupons", exact: true }).click();
  await expect(page.getByRole("dialog", { name: "Coupons" }).getByText("Earning promotions")).toBeVisible();
}

/** A delivery charge through the engine at the app's clock, with an id no other test uses. */
export async function chargeNow(campaignId: string, amount: number): Promise<engine.ChargeResult> {
  const d = e2eDb();
  const r = await engine.charge(d, e2eNow(), { id: `e2e-${campaignId}-${randomUUID()}`, campaignId, amount });
  if (!r.ok) throw new Error(`charge on ${campaignId} failed: ${r.error}`);
  return r;
}

/** Every account-scoped API route the app serves, for the given account. */
export const apiRoutes = (account: string) => [
  `/api/coupons?aadvid=${account}`,
  `/api/transactions/export?aadvid=${account}`,
  `/api/transactions/export?aadvid=${account}&type=ad_credit&from=2026-11-01&to=2026-11-02`,
];

/** axe-core's serious or critical findings on the page as it is now (or inside `include`), as "rule: targets". */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

export async function expectNoSeriousA11yViolations(page: Page) {
  expect(await seriousViolations(page), `axe on ${page.url()}`).toEqual([]);
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

/** A user whose password is the demo password (the seeded hash is reused), so `signIn` works. */
export function freshUser(label = "member") {
  const hash = e2eDb().select().from(users).where(eq(users.email, "admin@example.com")).get()!.passwordHash;
  const id = `usr_e2e_${uid()}`;
  const email = `${label}.${uid()}@example.com`;
  const name = `${label[0]!.toUpperCase()}${label.slice(1)} ${id.slice(-4)}`;
  e2eDb().insert(users).values({ id, email, name, passwordHash: hash, createdAt: e2eNow() }).run();
  return { id, email, name };
}

/** A self-serve USD ad account (through the engine) whose only member is `userId`. */
export async function accountOf(userId: string, opts: Partial<Parameters<typeof engine.createAccount>[2]> = {}, role: Role = "admin") {
  const id = `acc_e2e_${uid()}`;
  engine.must(await engine.createAccount(e2eDb(), e2eNow(), { id, name: `Shop ${id.slice(-6)}`, timeZone: "America/New_York", ...opts }), "account");
  e2eDb().insert(memberships).values({ userId, accountId: id, role }).run();
  return id;
}

/** Ops move the sandbox clock a day from the console, in a page of their own. */
export async function advanceOneDay(browser: Browser) {
  const ops = await browser.newPage();
  await signIn(ops, "ops@example.com");
  await ops.getByRole("button", { name: "Advance 1 day" }).click();
  await expect(ops.getByRole("status").filter({ hasText: "Moved a day" })).toBeVisible({ timeout: 60_000 });
  await ops.close();
}
