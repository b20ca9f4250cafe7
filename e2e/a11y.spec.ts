// Every page answers 200, passes axe-core with no serious or critical violations, and none scrolls sideways
// at 375 px.
import { expect, test, type Page } from "./test";
import { expectNoSeriousA11yViolations, openCoupons, signIn } from "./helpers";

const pages = [
  "/?aadvid=acc_outdoors",
  "/campaigns?aadvid=acc_outdoors",
  "/tools/payments/promotions?aadvid=acc_outdoors&tab=available",
  "/tools/payments/promotions?aadvid=acc_outdoors&tab=earning",
  "/tools/payments/promotions?aadvid=acc_outdoors&tab=expired",
  "/tools/payments/transactions?aadvid=acc_outdoors",
  "/tools/payments/transactions?aadvid=acc_outdoors&type=ad_credit&campaign=cmp_brand&from=2026-11-20&to=2026-11-20",
  "/tools/payments/transactions?aadvid=acc_outdoors&view=all&type=ad_credit&campaign=cmp_brand&from=2026-11-20&to=2026-11-20",
  "/tools/payments/transactions?aadvid=acc_outdoors&type=nonsense",
  "/tools/payments/billing?aadvid=acc_outdoors",
  "/tools/payments/billing?aadvid=acc_studio",
  "/settings/members?aadvid=acc_outdoors",
];

test.describe("axe-core", () => {
  test("sign-in page", async ({ page }) => {
    await page.goto("/login");
    await expectNoSeriousA11yViolations(page);
  });

  test("advertiser pages and the open coupon card", async ({ page }) => {
    await signIn(page, "admin@example.com");
    for (const path of pages) {
      // A page missing from the build is a failure, not a skip.
      expect((await page.goto(path))?.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    }
    await page.goto("/?aadvid=acc_outdoors");
    await openCoupons(page);
    await expectNoSeriousA11yViolations(page);
  });

});

test.describe("at 375 px wide", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  const noSideScroll = async (page: Page, what: string) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth), what).toBeLessThanOrEqual(375);

  test("no page scrolls horizontally", async ({ page }) => {
    await page.goto("/login");
    await noSideScroll(page, "/login");
    await signIn(page, "admin@example.com");
    for (const path of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await noSideScroll(page, path);
    }
    await page.goto("/?aadvid=acc_outdoors");
    await openCoupons(page);
    await noSideScroll(page, "coupon card");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: /Switch account/ }).click();
    await noSideScroll(page, "account switcher open");
  });
});
