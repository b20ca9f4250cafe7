// The whole app on PostgreSQL (issue 12): the production build served against a throwaway PostgreSQL
// cluster (lib/testing/postgres.ts) seeded with the demo, read and driven through the browser: sign-in,
// Home, Promotions, both Transactions views with a keyset page and the CSV export, a redemption, and an ops
// clock advance, each checked against the cluster's rows. Without PostgreSQL's binaries the block is
// skipped with the reason, except under CI, where it fails.
import { expect, test, type Page } from "./test";
import { and, asc, count, desc, eq } from "drizzle-orm";
import { poolAppDb, type AppDb } from "@/db/app";
import { openPg, type PgDb } from "@/db/pg";
import * as engine from "@/lib/credits";
import { must } from "@/lib/credits";
import { formatMoney } from "@/lib/format";
import { endPool, postgresMissing } from "@/lib/testing/postgres";
import { serve, type Served } from "@/lib/testing/serve";
import { parseCsv, PASSWORD } from "./helpers";

const OUTDOORS = "acc_outdoors";
const missing = postgresMissing();

test.describe("the app on PostgreSQL", () => {
  test.describe.configure({ mode: "serial" });
  if (missing && !process.env.CI) test.skip(true, `PostgreSQL is not installed here: ${missing}`);

  let served: Served;
  let pg: PgDb;
  let db: AppDb;

  test.beforeAll(async () => {
    // Under CI a missing PostgreSQL is a failure, never a skip (.ci/run installs it).
    if (missing) throw new Error(`PostgreSQL is required under CI: ${missing}`);
    test.setTimeout(300_000);
    served = await serve({ postgres: true });
    pg = openPg(served.postgresUrl!);
    db = poolAppDb(pg);
  });

  test.afterAll(async () => {
    if (pg) await endPool(pg.$client);
    await served?.stop();
  });

  const go = (page: Page, path: string) => page.goto(`${served.url}${path}`);

  async function signIn(page: Page, email: string) {
    await go(page, "/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/login/);
  }

  const clock = async () => (await engine.clockNow(db.store))!;

  test("an advertiser signs in and Home shows the account, its balance and its campaigns from PostgreSQL", async ({ page }) => {
    const { adAccounts } = db.tables;
    const [account] = await db.select().from(adAccounts).where(eq(adAccounts.id, OUTDOORS));
    expect(account!.cashBalance).toBeGreaterThan(0);
    await signIn(page, "admin@example.com");
    await go(page, `/?aadvid=${OUTDOORS}`);
    await expect(page.getByRole("heading", { name: "Home" })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: formatMoney(account!.cashBalance, "USD") })).toBeVisible();
    await expect(page.getByText("Trail Shoes — Traffic").first()).toBeVisible();
  });

  test("Promotions lists the account's credits, and a code redeems into a new credit", async ({ page }) => {
    const now = await clock();
    const id = `promo_pg_${Date.now()}`;
    must(await engine.createPromotion(db.store, now, { id, name: `PG coupon ${id}`, kind: "coupon", amount: 4_200, exclusive: false, eligibility: {} }), "promotion");
    const code = `PG-${Date.now()}`;
    must(await engine.issueCode(db.store, now, { code, promotionId: id }), "code");

    await signIn(page, "admin@example.com");
    await go(page, `/tools/payments/promotions?aadvid=${OUTDOORS}`);
    const available = page.getByRole("tabpanel", { name: "Available" });
    const { credits } = db.tables;
    const active = await db.select().from(credits).where(and(eq(credits.accountId, OUTDOORS), eq(credits.status, "active")));
    expect(active.length).toBeGreaterThan(0);
    for (const c of active) await expect(available.getByRole("row").filter({ hasText: c.id })).toBeVisible();

    await page.getByRole("button", { name: "Redeem coupon" }).click();
    const dialog = page.getByRole("dialog", { name: "Redeem coupon" });
    await dialog.getByLabel("Promotional code").fill(code.toLowerCase());
    await dialog.getByRole("button", { name: "Activate" }).click();
    await expect(dialog).toBeHidden();
    const [credit] = await db.select().from(credits).where(and(eq(credits.promotionId, id), eq(credits.accountId, OUTDOORS)));
    expect(credit).toMatchObject({ amount: 4_200, unused: 4_200, status: "active" });
    await expect(available.getByRole("row").filter({ hasText: credit!.id })).toContainText("$42.00");
  });

  test("Transactions: daily totals, every transaction with a keyset page, and the CSV export hold the cluster's rows", async ({ page }) => {
    const { dailyTotals, transactions } = db.tables;
    await signIn(page, "admin@example.com");
    const total = () => page.getByTestId("transaction-total").innerText().then((t) => Number(t.replaceAll(",", "")));

    await go(page, `/tools/payments/transactions?aadvid=${OUTDOORS}&type=ad_credit`);
    await expect(page.getByRole("link", { name: "Daily totals" })).toHaveAttribute("aria-current", "page");
    const [totals] = await db
      .select({ n: count() })
      .from(dailyTotals)
      .where(and(eq(dailyTotals.accountId, OUTDOORS), eq(dailyTotals.type, "ad_credit")));
    expect(await total()).toBe(totals!.n);

    await go(page, `/tools/payments/transactions?aadvid=${OUTDOORS}&view=all&type=ad_credit`);
    await expect(page.getByRole("link", { name: "Every transaction" })).toHaveAttribute("aria-current", "page");
    const ids = (
      await db
        .select({ id: transactions.id })
        .from(transactions)
        .where(and(eq(transactions.accountId, OUTDOORS), eq(transactions.type, "ad_credit")))
        .orderBy(desc(transactions.at), desc(transactions.id))
    ).map((r) => String(r.id));
    expect(ids.length).toBeGreaterThan(100);
    expect(await total()).toBe(ids.length);
    const rowIds = () => page.getByRole("table").locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-id")));
    expect(await rowIds()).toEqual(ids.slice(0, 50));

    // The next page by keyset: the cursor in the URL, the next 50 rows in the ledger's order.
    await page.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/after=\d+\.\d+/);
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("51–100");
    expect(await rowIds()).toEqual(ids.slice(50, 100));
    await page.getByRole("link", { name: "Previous" }).click();
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("1–50");
    expect(await rowIds()).toEqual(ids.slice(0, 50));

    const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    const response = await page.request.get(`${served.url}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/csv");
    const [header, ...csv] = parseCsv(await response.text());
    expect(header![0]).toBe("Transaction ID");
    expect(csv.map((r) => r[0])).toEqual(ids);
    expect(new Set(csv.map((r) => r[3]))).toEqual(new Set(["Ad credit"]));
  });

  test("a new advertiser signs up (user, account and membership in one transaction), adds a member, and a second sign-up with the email is refused", async ({ page }) => {
    const { adAccounts, membershipLog, memberships, users } = db.tables;
    const email = `pg.owner.${Date.now()}@example.com`;
    const business = `PG Outfitters ${Date.now()}`;
    await go(page, "/signup");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByLabel("Business name").fill(business);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Home", level: 1 })).toBeVisible();
    const [account] = await db.select().from(adAccounts).where(eq(adAccounts.name, business));
    expect(account).toMatchObject({ kind: "self_serve" });
    await expect(page).toHaveURL(new RegExp(`aadvid=${account!.id}`));
    const [owner] = await db.select().from(users).where(eq(users.email, email));
    expect(await db.select({ role: memberships.role }).from(memberships).where(eq(memberships.userId, owner!.id))).toEqual([{ role: "admin" }]);

    await go(page, `/settings/members?aadvid=${account!.id}`);
    await page.getByLabel("Email", { exact: true }).fill("analyst@example.com");
    await page.getByLabel("Role", { exact: true }).selectOption({ label: "Operator" });
    await page.getByRole("button", { name: "Add member" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Added analyst@example.com." })).toBeVisible();
    const log = await db.select().from(membershipLog).where(eq(membershipLog.accountId, account!.id));
    expect(log.map(({ actorUserId, userId, action, role }) => ({ actorUserId, userId, action, role }))).toEqual([
      { actorUserId: owner!.id, userId: "usr_analyst", action: "add", role: "operator" },
    ]);
    await page.getByRole("button", { name: `Remove ${email}` }).click();
    await expect(page.getByRole("alert").filter({ hasText: "An ad account needs at least one admin." })).toBeVisible();

    await page.context().clearCookies();
    await go(page, "/signup");
    await page.getByLabel("Email").fill(email.toUpperCase());
    await page.getByLabel("Password").fill("another long password");
    await page.getByLabel("Business name").fill(`${business} again`);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "An account with this email already exists." })).toBeVisible();
    expect(await db.select().from(adAccounts).where(eq(adAccounts.name, `${business} again`))).toEqual([]);
  });

  test("ops advance the sandbox clock by an hour: the engine charges on PostgreSQL", async ({ page }) => {
    const { charges, opsLog } = db.tables;
    const chargesBefore = (await db.select({ n: count() }).from(charges))[0]!.n;
    const before = await clock();
    await signIn(page, "ops@example.com");
    await expect(page).toHaveURL(/\/ops/);
    await expect(page.getByRole("heading", { name: "Sandbox clock" })).toBeVisible();
    await page.getByRole("button", { name: "Advance 1 hour" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Moved an hour" })).toBeVisible();
    expect(await clock()).toBe(before + 3_600_000);
    expect((await db.select({ n: count() }).from(charges))[0]!.n).toBeGreaterThan(chargesBefore);
    const [logged] = await db.select().from(opsLog).orderBy(desc(opsLog.id)).limit(1);
    expect(logged?.actorUserId).toBe("usr_ops");
    // The console lists the accounts it read from PostgreSQL.
    const { adAccounts } = db.tables;
    const names = (await db.select({ name: adAccounts.name }).from(adAccounts).orderBy(asc(adAccounts.name))).map((a) => a.name);
    for (const name of names) await expect(page.getByRole("row").filter({ hasText: name }).first()).toBeVisible();
  });
});
