// SPEC 6.1, the seeds' first path, in the browser with nothing prepared: sign up → a bad card is refused
// and a good one links (R8 starts the new-advertiser offer) → add funds → create a campaign → ops advance
// the clock a day → Home's Promotion progress moves without a reload (R4) → pause stops spend.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "../test";
import { and, eq } from "drizzle-orm";
import { activations, adAccounts, campaigns, charges, memberships, paymentMethods, transactions, users } from "@/db/schema";
import { advanceOneDay, e2eDb, uid } from "../helpers";

const CARD = "4242 4242 4242 4242";

async function fillCard(page: Page, number: string) {
  const d = page.getByRole("dialog", { name: "Add payment method" });
  await d.getByLabel("Card number").fill(number);
  await d.getByLabel("Expiry date").fill("12/29");
  await d.getByLabel("Security code").fill("123");
  await d.getByLabel("Name on card").fill("Robin Roaster");
  await d.getByRole("button", { name: "Save card" }).click();
  return d;
}

test("a new advertiser signs up, links a card, funds the account, launches a campaign and earns the new-advertiser offer (SPEC 6.1, R4, R8)", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const email = `robin.${uid()}@roastery.example`;
  const name = `Robin's Roastery ${uid()}`;
  const campaign = `Morning Brew ${uid()} — Traffic`;

  await test.step("sign up from the sign-in page and land on the new account's Home", async () => {
    await page.goto("/login");
    await page.getByRole("link", { name: "Create an account" }).click();
    await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("long enough password");
    await page.getByLabel("Business name").fill(name);
    await page.getByLabel("Industry").selectOption({ label: "Food and beverage" });
    await page.getByLabel("Country").selectOption({ label: "United States" });
    await expect(page.getByLabel("Time zone")).toHaveValue("America/New_York");
    await expect(page.getByLabel("Currency")).toHaveValue("USD");
    await page.getByLabel("Manual payment").check();
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Home", level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/\/\?aadvid=acc_/);
    await expect(page.getByText(name).first()).toBeVisible();
  });
  const accountId = new URL(page.url()).searchParams.get("aadvid")!;
  const user = e2eDb().select().from(users).where(eq(users.email, email)).get()!;
  expect(user.passwordHash).toMatch(/^scrypt\$/);
  expect(e2eDb().select().from(adAccounts).where(eq(adAccounts.id, accountId)).get()).toMatchObject({
    name,
    kind: "self_serve",
    billing: "manual",
    currency: "USD",
    country: "US",
    timeZone: "America/New_York",
    industry: "food",
    paymentMethod: false,
  });
  expect(e2eDb().select().from(memberships).where(eq(memberships.userId, user.id)).all()).toEqual([{ userId: user.id, accountId, role: "admin" }]);
  await expect(page.getByRole("heading", { name: "Get your ads running" })).toBeVisible();

  await test.step("Billing refuses a card that fails the Luhn check, then links a good one; the offer starts (R8)", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Billing" }).click();
    await expect(page.getByRole("heading", { name: "Billing", level: 1 })).toBeVisible();
    await expect(page.getByText("No payment method")).toBeVisible();
    await page.getByRole("button", { name: "Add payment method" }).click();
    const d = await fillCard(page, "4242 4242 4242 4241");
    await expect(d.getByLabel("Card number")).toHaveAccessibleDescription("This card number isn't valid. Check the digits and try again.");
    expect(e2eDb().select().from(paymentMethods).where(eq(paymentMethods.accountId, accountId)).get()).toBeUndefined();
    await fillCard(page, CARD);
    await expect(d).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "Visa ending 4242 is saved." })).toContainText("New advertiser offer");
    await expect(page.getByText("Expires 12/29")).toBeVisible();
  });
  expect(e2eDb().select().from(paymentMethods).where(eq(paymentMethods.accountId, accountId)).get()).toMatchObject({ brand: "visa", last4: "4242", expMonth: 12, expYear: 2029 });
  const activation = () =>
    e2eDb().select().from(activations).where(and(eq(activations.accountId, accountId), eq(activations.promotionId, "promo_new_advertiser"))).get();
  expect(activation()).toMatchObject({ status: "earning", qualifyingSpend: 0 });
  // Only brand, last four and expiry are kept: the number is nowhere in the database files.
  const dbFile = process.env.E2E_DB_PATH!;
  for (const file of [dbFile, `${dbFile}-wal`]) {
    const bytes = readFileSync(file, { flag: "r" });
    expect(bytes.includes("4242424242424242"), file).toBe(false);
    expect(bytes.includes(CARD), file).toBe(false);
  }

  await test.step("the offer is under Promotions → Earning", async () => {
    await page.goto(`/tools/payments/promotions?aadvid=${accountId}&tab=earning`);
    await expect(page.getByRole("tabpanel", { name: "Earning" })).toContainText("New advertiser offer");
  });

  await test.step("add funds: the balance grows and Transactions lists a Top-up", async () => {
    await page.goto(`/tools/payments/billing?aadvid=${accountId}`);
    await page.getByLabel("Amount").fill("1,000");
    await page.getByRole("button", { name: "Add funds" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Added $1,000.00. Your cash balance is now $1,000.00." })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "$1,000.00" }).first()).toBeVisible();
    await page.goto(`/tools/payments/transactions?aadvid=${accountId}`);
    await expect(page.getByRole("row").filter({ hasText: "Top-up" }).filter({ hasText: "$1,000.00" })).toBeVisible();
  });
  expect(e2eDb().select().from(transactions).where(and(eq(transactions.accountId, accountId), eq(transactions.type, "top_up"))).all()).toMatchObject([{ amount: 100_000 }]);

  await test.step("create a campaign: below the minimum budget is refused, $48 a day is created active", async () => {
    await page.goto(`/campaigns?aadvid=${accountId}`);
    await page.getByRole("button", { name: "Create campaign" }).click();
    const d = page.getByRole("dialog", { name: "Create campaign" });
    await d.getByLabel("Campaign name").fill(campaign);
    await d.getByLabel("Ad product").selectOption({ label: "Traffic" });
    await d.getByLabel("Daily budget").fill("5");
    await d.getByRole("button", { name: "Create" }).click();
    await expect(d.getByLabel("Daily budget")).toHaveAccessibleDescription(/must be at least \$20\.00 a day/);
    await d.getByLabel("Daily budget").fill("48");
    await d.getByRole("button", { name: "Create" }).click();
    await expect(d).toBeHidden();
    await expect(page.getByRole("button", { name: `Pause ${campaign}` })).toBeVisible();
  });
  const created = e2eDb().select().from(campaigns).where(eq(campaigns.accountId, accountId)).all();
  expect(created).toMatchObject([{ name: campaign, adProduct: "traffic", status: "active", dailyBudget: 4_800 }]);
  const campaignId = created[0]!.id;

  await test.step("ops advance a day; Home's Promotion progress moves without a reload", async () => {
    await page.goto(`/?aadvid=${accountId}`);
    const bar = page.getByRole("progressbar", { name: "Promotion progress" });
    await expect(bar).toHaveAttribute("aria-valuenow", "0");
    await expect(bar).toHaveAttribute("aria-valuemax", "50000");
    await page.evaluate(() => Object.assign(window, { __noReload: true }));
    await advanceOneDay(browser);
    // A whole day of hourly delivery sums to the daily budget, all of it paid from cash, so all of it qualifies.
    expect(activation()!.qualifyingSpend).toBe(4_800);
    await expect(bar).toHaveAttribute("aria-valuenow", "4800", { timeout: 30_000 });
    expect(await page.evaluate(() => "__noReload" in window)).toBe(true);
  });

  await test.step("pause stops spend: the next advance charges the campaign nothing", async () => {
    await page.goto(`/campaigns?aadvid=${accountId}`);
    await page.getByRole("button", { name: `Pause ${campaign}` }).click();
    await expect(page.getByRole("button", { name: `Resume ${campaign}` })).toBeVisible();
    expect(e2eDb().select().from(campaigns).where(eq(campaigns.id, campaignId)).get()?.status).toBe("paused");
    const spent = () => e2eDb().select().from(charges).where(eq(charges.campaignId, campaignId)).all().reduce((s, c) => s + c.amount, 0);
    expect(spent()).toBe(4_800);
    await advanceOneDay(browser);
    expect(spent()).toBe(4_800);
    expect(activation()!.qualifyingSpend).toBe(4_800);
  });
});
