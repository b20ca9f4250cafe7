// Transactions: the type filter, filters kept in the URL, and a CSV export that holds exactly the
// filtered rows — the same rows as the table, and all of them across pages.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { and, count, eq } from "drizzle-orm";
import { transactions } from "@/db/schema";
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
  await page.goto(`${PATH}?aadvid=acc_outdoors`);
  await page.getByLabel("Transaction type").selectOption({ label: "Ad credit" });
  await applyFilters(page);
  await expect(page).toHaveURL(/type=ad_credit/);

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
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(`Page 1 of ${Math.ceil(inDb / 50)}`);

  await page.reload();
  await expect(page.getByLabel("Transaction type")).toHaveValue("ad_credit");
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("Page 2 of");
  expect(new Set(await rows.locator("td:nth-child(2)").allInnerTexts())).toEqual(new Set(["Ad credit"]));
});

test("Export CSV downloads exactly the rows the filtered table shows", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto(`${PATH}?aadvid=acc_outdoors`);
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
  await page.goto(`${PATH}?aadvid=acc_outdoors&type=ad_credit&page=3`);
  const total = await totalOn(page);
  expect(total).toBeGreaterThan(100);
  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(href).not.toContain("page=");
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

  const response = await page.request.get("/api/transactions/export?aadvid=acc_outdoors&campaign=cmp_studio_feed");
  expect(response.status()).toBe(400);
  expect(await response.json()).toEqual({ error: "invalid_input", message: "That campaign is not in this ad account." });
});
