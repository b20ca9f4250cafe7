// Transactions: daily totals by default and every transaction on request, the type filter, filters and the
// keyset cursor kept in the URL, and a CSV export that holds exactly the filtered rows of the view shown —
// the same rows as the table, and all of them across pages.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "./test";
import { and, count, eq, sql } from "drizzle-orm";
import { dailyTotals, transactions } from "@/db/schema";
import { formatMoney } from "@/lib/format";
import { e2eDb, parseCsv, signIn } from "./helpers";

const PATH = "/tools/payments/transactions";

async function applyFilters(page: Page) {
  await page.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL(/type=/);
}

function totalOn(page: Page) {
  return page
    .getByTestId("transaction-total")
    .innerText()
    .then((t) => Number(t.replaceAll(",", "")));
}

test("the Ad credit filter lists only ad-credit rows and survives a reload", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await page.goto(`${PATH}?aadvid=acc_outdoors&view=all`);
  await expect(page.getByRole("link", { name: "Every transaction" })).toHaveAttribute("aria-current", "page");
  await page.getByLabel("Transaction type").selectOption({ label: "Ad credit" });
  await applyFilters(page);
  await expect(page).toHaveURL(/type=ad_credit/);
  await expect(page).toHaveURL(/view=all/);

  const table = page.getByRole("table");
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(50);
  const types = await rows.locator("td:nth-child(2)").allInnerTexts();
  expect(new Set(types)).toEqual(new Set(["Ad credit"]));

  const inDb = e2eDb()
    .select({ n: count() })
    .from(transactions)
    .where(and(eq(transactions.accountId, "acc_outdoors"), eq(transactions.type, "ad_credit")))
    .get()!.n;
  expect(await totalOn(page)).toBe(inDb);
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await expect(pagination).toContainText("1–50");

  await page.reload();
  await expect(page.getByLabel("Transaction type")).toHaveValue("ad_credit");
  const firstPage = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-id")));
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/after=\d+\.\d+/);
  await expect(pagination).toContainText("51–100");
  expect(new Set(await rows.locator("td:nth-child(2)").allInnerTexts())).toEqual(new Set(["Ad credit"]));
  const secondPage = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-id")));
  // Newest first across pages: every row of page 2 is older (a smaller id here, written in time order).
  expect(Math.max(...secondPage.map(Number))).toBeLessThan(Math.min(...firstPage.map(Number)));

  await page.getByRole("link", { name: "Previous" }).click();
  await expect(page).toHaveURL(/before=\d+\.\d+/);
  await expect(pagination).toContainText("1–50");
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-id")))).toEqual(firstPage);
});

test("Daily totals is the default view: one row per day, type and campaign, adding up to the ledger", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto(`${PATH}?aadvid=acc_outdoors&type=cash&campaign=cmp_trail&from=2026-11-20&to=2026-11-20`);
  await expect(page.getByRole("link", { name: "Daily totals" })).toHaveAttribute("aria-current", "page");
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  const [day, type, , campaign, n, amount] = await rows.first().locator("td").allInnerTexts();
  expect([day, type, campaign]).toEqual(["Fri, 20 Nov 2026", "Cash", "Trail Shoes — Traffic"]);

  // The 20th in New York: 05:00Z on the 20th to 05:00Z on the 21st.
  const [from, to] = [Date.parse("2026-11-20T05:00:00Z"), Date.parse("2026-11-21T05:00:00Z")];
  const ledger = e2eDb()
    .select({ n: count(), sum: sql<number>`sum(${transactions.amount})` })
    .from(transactions)
    .where(
      and(
        eq(transactions.accountId, "acc_outdoors"),
        eq(transactions.type, "cash"),
        eq(transactions.campaignId, "cmp_trail"),
        sql`${transactions.at} >= ${from} and ${transactions.at} < ${to}`,
      ),
    )
    .get()!;
  expect(ledger.n).toBeGreaterThan(0);
  expect(Number(n)).toBe(ledger.n);
  expect(amount).toBe(formatMoney(ledger.sum, "USD"));

  // Its count opens exactly those transactions.
  await rows.first().getByRole("link").click();
  await expect(page).toHaveURL(/view=all/);
  await expect(page.getByRole("link", { name: "Every transaction" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(ledger.n);
  expect(await totalOn(page)).toBe(ledger.n);
});

test("the daily totals export follows the view: one line per total", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto(`${PATH}?aadvid=acc_outdoors&type=ad_credit`);
  const total = await totalOn(page);
  const inDb = e2eDb()
    .select({ n: count() })
    .from(dailyTotals)
    .where(and(eq(dailyTotals.accountId, "acc_outdoors"), eq(dailyTotals.type, "ad_credit")))
    .get()!.n;
  expect(total).toBe(inDb);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^daily-totals-acc_outdoors-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...csv] = parseCsv(await readFile((await download.path())!, "utf8"));
  expect(header).toEqual(["Day (America/New_York)", "Type", "Description", "Campaign", "Campaign ID", "Credit ID", "Transactions", "Amount", "Currency"]);
  expect(csv).toHaveLength(total);
  expect(new Set(csv.map((r) => r[1]))).toEqual(new Set(["Ad credit"]));
  const days = csv.map((r) => r[0]!);
  expect(days, "newest day first").toEqual([...days].sort().reverse());
});

test("Export CSV downloads exactly the rows the filtered table shows", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto(`${PATH}?aadvid=acc_outdoors&view=all`);
  await page.getByLabel("Transaction type").selectOption({ label: "Ad credit" });
  await page.getByLabel("Campaign").selectOption({ label: "Brand Story — Video Views" });
  await page.getByLabel("From", { exact: true }).fill("2026-11-20");
  await page.getByLabel("To", { exact: true }).fill("2026-11-20");
  await applyFilters(page);
  await expect(page).toHaveURL(/campaign=cmp_brand/);

  const total = await totalOn(page);
  expect(total).toBeGreaterThan(0);
  expect(total, "the filter fits on one page").toBeLessThanOrEqual(50);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toHaveCount(0);
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(total);
  const table = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      id: tr.getAttribute("data-id"),
      cells: [...tr.querySelectorAll("td")].map((td) => (td as HTMLElement).innerText.trim()),
    })),
  );

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^transactions-acc_outdoors-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...csv] = parseCsv(await readFile((await download.path())!, "utf8"));
  expect(header).toEqual([
    "Transaction ID",
    "Time (America/New_York)",
    "Time (UTC)",
    "Type",
    "Description",
    "Charge ID",
    "Campaign",
    "Campaign ID",
    "Amount",
    "Currency",
  ]);
  expect(csv).toHaveLength(total);
  expect(csv.map((r) => r[0])).toEqual(table.map((r) => r.id));
  const times = csv.map((r) => r[2]!);
  expect(times, "newest first").toEqual([...times].sort().reverse());
  csv.forEach((r, i) => {
    const [, type, description, campaign, amount] = table[i]!.cells;
    expect(r[1]!.startsWith("2026-11-20T"), "inside the New York day").toBe(true);
    expect(r[3]).toBe(type);
    expect(description!.startsWith(r[4]!)).toBe(true);
    expect(description).toContain(r[5]!);
    expect(r[6]).toBe(campaign);
    expect(r[7]).toBe("cmp_brand");
    expect(formatMoney(Math.round(Number(r[8]) * 100), r[9]!)).toBe(amount);
    expect(r[9]).toBe("USD");
  });
});

test("the export covers every page of the filter, not just the one shown", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto(`${PATH}?aadvid=acc_outdoors&view=all&type=ad_credit`);
  const total = await totalOn(page);
  expect(total).toBeGreaterThan(100);
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await page.getByRole("link", { name: "Next" }).click();
  await expect(pagination).toContainText("51–100");
  await page.getByRole("link", { name: "Next" }).click();
  await expect(pagination).toContainText("101–150");
  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(href).not.toMatch(/after=|before=/);
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const [, ...csv] = parseCsv(await response.text());
  expect(csv).toHaveLength(total);
  expect(new Set(csv.map((r) => r[3]))).toEqual(new Set(["Ad credit"]));
});

test("bad filter parameters get a plain message, on the page and from the export", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto(`${PATH}?aadvid=acc_outdoors&type=gift&from=2026-02-30`);
  const alert = page.getByRole("alert").filter({ hasText: "We couldn’t apply these filters" });
  await expect(alert).toContainText("Choose a transaction type from the list.");
  await expect(alert).toContainText("The From date must be a calendar date");
  await expect(page.getByRole("table")).toHaveCount(0);
  await page.goto(`${PATH}?aadvid=acc_outdoors&from=2026-11-05&to=2026-11-01`);
  await expect(page.getByRole("alert").filter({ hasText: "on or before" })).toBeVisible();
  await page.goto(`${PATH}?aadvid=acc_outdoors&view=all&after=soon`);
  await expect(page.getByRole("alert").filter({ hasText: "That page link is not valid" })).toBeVisible();

  const response = await page.request.get("/api/transactions/export?aadvid=acc_outdoors&campaign=cmp_studio_feed");
  expect(response.status()).toBe(400);
  expect(await response.json()).toEqual({ error: "invalid_input", message: "That campaign is not in this ad account." });
});
