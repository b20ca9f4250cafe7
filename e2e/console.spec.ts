// No page logs an error in the browser console: no failed request (a missing /favicon.ico was one), no
// hydration mismatch, no uncaught exception.
import { expect, test, type Page } from "./test";
import { openCoupons, signIn } from "./helpers";

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400 && new URL(response.url()).origin === new URL(page.url()).origin)
      errors.push(`${response.status()} ${response.url()}`);
  });
  return errors;
}

async function visit(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Icons and other late requests finish before the page counts as quiet.
  await page.waitForLoadState("networkidle");
}

test("the app's icon is served, and named in every page's head", async ({ page, request }) => {
  for (const icon of ["/favicon.ico", "/icon.svg", "/apple-touch-icon.png"]) expect((await request.get(icon)).status(), icon).toBe(200);
  await page.goto("/login");
  await expect(page.locator('head link[rel="icon"][href="/icon.svg"]')).toHaveCount(1);
});

test("advertiser pages log no console errors", async ({ page }) => {
  const errors = collectErrors(page);
  await visit(page, "/login");
  await visit(page, "/signup");
  await signIn(page, "admin@example.com");
  for (const path of [
    "/?aadvid=acc_outdoors",
    "/campaigns?aadvid=acc_outdoors",
    "/tools/payments/promotions?aadvid=acc_outdoors",
    "/tools/payments/promotions?aadvid=acc_outdoors&tab=earning&assign=cr_legacy",
    "/tools/payments/promotions?aadvid=acc_outdoors&log=cr_legacy",
    "/tools/payments/transactions?aadvid=acc_outdoors",
    "/tools/payments/billing?aadvid=acc_outdoors",
    "/tools/payments/billing?aadvid=acc_studio",
    "/settings/members?aadvid=acc_outdoors",
  ])
    await visit(page, path);
  await openCoupons(page);
  expect(errors).toEqual([]);
});

test("the ops console logs no console errors", async ({ page }) => {
  const errors = collectErrors(page);
  await signIn(page, "ops@example.com");
  await visit(page, "/ops");
  expect(errors).toEqual([]);
});
