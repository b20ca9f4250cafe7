// The ops console end to end: the sandbox clock, promotions and their codes, grants and Business Center
// allocations, freezes and appeals. Every test makes its own accounts and promotions (through the engine or
// the UI) and checks the database after the UI step, so none depends on another's order.
import { expect, test, type Page } from "./test";
import { and, count, eq } from "drizzle-orm";
import { adAccounts, appeals, charges, credits, promoCodes, promotions, promotionTiers } from "@/db/schema";
import * as engine from "@/lib/credits";
import { must } from "@/lib/credits";
import { e2eDb, e2eNow, expectNoSeriousA11yViolations, signIn, uid } from "./helpers";

const db = () => e2eDb();
const now = e2eNow;

/** A fresh self-serve USD account in the Northwind Business Center, with a payment method. */
async function freshAccount() {
  const id = `acc_ops_${uid()}`;
  must(await engine.createAccount(db(), now(), { id, name: `Ops E2E ${id}`, paymentMethod: true, businessCenterId: "bc_northwind" }), "account");
  return id;
}

async function openConsole(page: Page) {
  await signIn(page, "ops@example.com");
  await expect(page).toHaveURL(/\/ops/);
}

const status = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

test("ops advance the sandbox clock by an hour: delivery charges go through the engine", async ({ page }) => {
  const chargesBefore = db().select({ n: count() }).from(charges).get()!.n;
  const clockBefore = (await engine.clockNow(db()))!;
  await openConsole(page);
  await expect(page.getByRole("heading", { name: "Sandbox clock" })).toBeVisible();
  await page.getByRole("button", { name: "Advance 1 hour" }).click();
  await expect(status(page, "Moved an hour")).toBeVisible();
  expect(await engine.clockNow(db())).toBe(clockBefore + 3_600_000);
  expect(db().select({ n: count() }).from(charges).get()!.n).toBeGreaterThan(chargesBefore);
  await expectNoSeriousA11yViolations(page);
});

test("at 375 px the console does not scroll sideways; its wide tables scroll inside their cards", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await openConsole(page);
  await expect(page.getByRole("heading", { name: "Promotions" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test("the ops console is a 404 for advertisers", async ({ page }) => {
  await signIn(page, "admin@example.com");
  const response = await page.goto("/ops");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("ops create a coupon promotion and issue a code in the console; the code really redeems (R6, R7)", async ({ page }) => {
  const name = `E2E coupon ${uid()}`;
  const code = `OPS-${uid().toUpperCase()}`;
  await openConsole(page);
  await page.getByRole("button", { name: "Create promotion" }).click();
  const dialog = page.getByRole("dialog", { name: "Create promotion" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Coupon").check();
  await dialog.getByLabel("Credit amount").fill("25.005");
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole("button", { name: "Create promotion" }).click();
  // Money is parsed from the string: a third decimal is a field error, tied to the field.
  await expect(dialog.getByLabel("Credit amount")).toHaveAccessibleDescription(/Use at most 2 decimals/);
  await dialog.getByLabel("Credit amount").fill("25.10");
  await dialog.getByLabel("Exclusive").uncheck();
  await dialog.getByRole("button", { name: "Create promotion" }).click();
  await expect(dialog).toBeHidden();
  await expect(status(page, `Created “${name}”`)).toBeVisible();

  const promo = db().select().from(promotions).where(eq(promotions.name, name)).get()!;
  expect(promo).toMatchObject({ kind: "coupon", creditType: "free", amount: 2510, currency: "USD", exclusive: false, creditValidityDays: 30 });
  expect(promo.eligibility).toEqual({ selfServeOnly: true });

  await page.getByRole("button", { name: `Issue codes for ${name}` }).click();
  const codes = page.getByRole("dialog", { name: "Issue codes" });
  await codes.getByLabel("Code", { exact: true }).fill(code);
  await codes.getByRole("button", { name: "Issue code" }).click();
  await expect(codes.getByRole("status").filter({ hasText: `Issued ${code}.` })).toBeVisible();
  await expect(codes.getByLabel(/Issued codes/)).toHaveValue(code);
  expect(db().select().from(promoCodes).where(eq(promoCodes.promotionId, promo.id)).all()).toHaveLength(1);

  const account = await freshAccount();
  const redeemed = must(await engine.redeem(db(), now(), { accountId: account, code: code.toLowerCase() }), "redeem");
  expect(redeemed.promotionId).toBe(promo.id);
  const credit = db().select().from(credits).where(eq(credits.accountId, account)).get()!;
  expect(credit).toMatchObject({ type: "free", source: "coupon", amount: 2510, unused: 2510, status: "active" });
});

test("ops create a two-tier ladder; tiers must ascend, and the engine stores them in cents (R5)", async ({ page }) => {
  const name = `E2E ladder ${uid()}`;
  await openConsole(page);
  await page.getByRole("button", { name: "Create promotion" }).click();
  const dialog = page.getByRole("dialog", { name: "Create promotion" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Ladder").check();
  await dialog.getByLabel("Credit type").selectOption("assignable");
  await dialog.getByLabel("Tier 1: spend").fill("2000");
  await dialog.getByLabel("Tier 1: reward").fill("200");
  await dialog.getByRole("button", { name: "Add tier" }).click();
  await dialog.getByLabel("Tier 2: spend").fill("1500");
  await dialog.getByLabel("Tier 2: reward").fill("450.50");
  await dialog.getByLabel("Earning window (days)").fill("45");
  await dialog.getByLabel("TopView").check();
  await dialog.getByRole("button", { name: "Create promotion" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: "Please check the highlighted fields." })).toBeVisible();
  await expect(dialog.getByLabel("Tier 2: spend")).toHaveAccessibleDescription("Must be more than tier 1's spend.");
  await dialog.getByLabel("Tier 2: spend").fill("9,000.00");
  await dialog.getByRole("button", { name: "Create promotion" }).click();
  await expect(status(page, `Created “${name}”`)).toBeVisible();

  const promo = db().select().from(promotions).where(eq(promotions.name, name)).get()!;
  expect(promo).toMatchObject({ kind: "ladder", creditType: "assignable", windowDays: 45, restrictions: { adProducts: ["topview"] } });
  const tiers = db().select().from(promotionTiers).where(eq(promotionTiers.promotionId, promo.id)).orderBy(promotionTiers.idx).all();
  expect(tiers.map((t) => [t.spend, t.reward])).toEqual([
    [200_000, 20_000],
    [900_000, 45_050],
  ]);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Spend $9,000.00, get $450.50");
});

test("ops bulk-generate 5 codes for a promotion and get them in a copyable list", async ({ page }) => {
  const id = `promo_e2e_${uid()}`;
  const name = `E2E bulk ${id}`;
  must(await engine.createPromotion(db(), now(), { id, name, kind: "coupon", amount: 1000 }), "promotion");
  await openConsole(page);
  await page.getByRole("button", { name: `Issue codes for ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: "Issue codes" });
  await dialog.getByLabel("Generate codes").check();
  await dialog.getByLabel("Prefix").fill("SPRING");
  await dialog.getByLabel("How many").fill("5");
  await dialog.getByLabel("Redemptions per code").fill("3");
  await dialog.getByRole("button", { name: "Generate codes" }).click();
  await expect(dialog.getByRole("status").filter({ hasText: "Issued 5 codes." })).toBeVisible();

  const rows = db().select().from(promoCodes).where(eq(promoCodes.promotionId, id)).all();
  expect(rows).toHaveLength(5);
  for (const row of rows) {
    expect(row.display).toMatch(/^SPRING-[2-9A-Z]{4}-[2-9A-Z]{2}$/);
    expect(row.maxRedemptions).toBe(3);
    expect(row.activationDeadline - row.receivedAt).toBe(14 * 86_400_000);
  }
  const listed = (await dialog.getByLabel(/Issued codes/).inputValue()).split("\n");
  expect(listed.sort()).toEqual(rows.map((r) => r.display).sort());
});

test("ops grant a credit and allocate Business Center credit to an account (R13)", async ({ page }) => {
  const account = await freshAccount();
  await openConsole(page);
  const grant = page.getByRole("region", { name: "Grant credit" });
  await grant.getByLabel("Ad account").selectOption(account);
  await grant.getByLabel("Credit type").selectOption("conditional");
  await grant.getByLabel("Amount").fill("1,234.56");
  await grant.getByLabel(/Minimum cash balance/).fill("100");
  await grant.getByLabel("Valid for (days)").fill("45");
  await grant.getByLabel("Traffic").check();
  await grant.getByLabel(/Name shown/).fill("Outage goodwill");
  await grant.getByRole("button", { name: "Grant credit" }).click();
  await expect(grant.getByRole("status").filter({ hasText: "Granted a conditional credit of $1,234.56" })).toBeVisible();

  const bc = page.getByRole("region", { name: "Business Center allocation" });
  await bc.getByLabel("Ad account").selectOption(account);
  await bc.getByLabel("Amount").fill("75");
  await bc.getByRole("button", { name: "Allocate credit" }).click();
  await expect(bc.getByRole("status").filter({ hasText: "Allocated $75.00" })).toBeVisible();

  const rows = db().select().from(credits).where(eq(credits.accountId, account)).orderBy(credits.amount).all();
  expect(rows).toHaveLength(2);
  expect(rows[0]).toMatchObject({ type: "free", source: "business_center", amount: 7500, status: "active" });
  expect(rows[1]).toMatchObject({
    type: "conditional",
    source: "grant",
    name: "Outage goodwill",
    amount: 123_456,
    requirement: { minCashBalance: 10_000 },
    restrictions: { adProducts: ["traffic"] },
  });
  expect(rows[1]!.expiresAt - rows[1]!.issuedAt).toBe(45 * 86_400_000);
});

test("ops freeze an account, and revoking its appeal after confirming forfeits every active credit (R12)", async ({ page }) => {
  const account = await freshAccount();
  const name = `Ops E2E ${account}`;
  for (const amount of [5000, 7000])
    must(await engine.grantCredit(db(), now(), { id: `cr_ops_${uid()}`, accountId: account, type: "free", amount }), "grant");
  await openConsole(page);
  await page.getByRole("button", { name: `Freeze ${name}` }).click();
  await expect(status(page, `Froze ${name}`)).toBeVisible();
  await expect(page.getByRole("button", { name: `Unfreeze ${name}` })).toBeVisible();
  expect(db().select().from(adAccounts).where(eq(adAccounts.id, account)).get()?.frozen).toBe(true);

  must(await engine.appeal(db(), now(), { accountId: account }), "appeal");
  await page.reload();
  const appealsQueue = page.getByRole("region", { name: /Appeals/ });
  await appealsQueue.getByRole("button", { name: `Revoke ${name}` }).click();
  const confirm = page.getByRole("dialog", { name: `Revoke ${name}?` });
  await expect(confirm).toContainText("2 credits, $120.00 unused");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  expect(db().select().from(appeals).where(eq(appeals.accountId, account)).get()?.status).toBe("pending");

  await appealsQueue.getByRole("button", { name: `Revoke ${name}` }).click();
  await confirm.getByRole("button", { name: "Revoke credits" }).click();
  await expect(confirm).toBeHidden();
  await expect(status(page, `Revoked ${name}'s credits`)).toBeVisible();
  await expect(appealsQueue.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);

  const rows = db().select().from(credits).where(eq(credits.accountId, account)).orderBy(credits.amount).all();
  expect(rows.map((c) => [c.status, c.unused, c.forfeited])).toEqual([
    ["revoked", 0, 5000],
    ["revoked", 0, 7000],
  ]);
  expect(db().select().from(adAccounts).where(eq(adAccounts.id, account)).get()?.frozen).toBe(false);
  expect(db().select().from(appeals).where(and(eq(appeals.accountId, account), eq(appeals.status, "revoked"))).all()).toHaveLength(1);
});
