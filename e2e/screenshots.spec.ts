// Not a check: saves PNGs of every screen at 1440 and 375 px into screenshots/ for a visual review. It runs
// only when asked (playwright.config.ts leaves it out otherwise), on a freshly seeded database:
//   SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.ts
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "./test";
import { openCoupons, signIn } from "./helpers";

const PROMOTIONS = "/tools/payments/promotions?aadvid=acc_outdoors";

for (const width of [1440, 375]) {
  test(`screens at ${width} px`, async ({ page }) => {
    mkdirSync("screenshots", { recursive: true });
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    const shot = (name: string, fullPage = true) =>
      page.screenshot({ path: `screenshots/${name}-${width}.png`, fullPage, animations: "disabled" });
    await page.goto("/login");
    await shot("login");
    await signIn(page, "admin@example.com");
    await page.goto("/?aadvid=acc_outdoors");
    await expect(page.getByRole("progressbar", { name: "Promotion progress" })).toBeVisible();
    await shot("home");
    await openCoupons(page);
    await shot("coupons", false);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: /Switch account/ }).click();
    await expect(page.getByRole("button", { name: /Northwind Studio/ })).toBeVisible();
    await shot("account-switcher", false);
    await page.keyboard.press("Escape");
    await page.goto("/campaigns?aadvid=acc_outdoors");
    await shot("campaigns");
    await promotions(page, shot);
    await page.goto("/tools/payments/transactions?aadvid=acc_outdoors&from=2026-11-18&to=2026-11-21");
    await shot("transactions");
    await page.goto("/tools/payments/transactions?aadvid=acc_outdoors&view=all&type=ad_credit&from=2026-11-18&to=2026-11-21");
    await shot("transactions-all");

    await page.context().clearCookies();
    await signIn(page, "operator@example.com");
    await page.goto(PROMOTIONS);
    await shot("promotions-operator");

    await page.context().clearCookies();
    await signIn(page, "ops@example.com");
    await shot("ops");
    await page.getByRole("button", { name: "Create promotion" }).click();
    await page.getByRole("dialog", { name: "Create promotion" }).getByLabel("Ladder").check();
    await page.getByRole("button", { name: "Add tier" }).click();
    await shot("ops-create-promotion", false);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: /^Issue codes for/ }).first().click();
    const codes = page.getByRole("dialog", { name: "Issue codes" });
    await codes.getByLabel("Generate codes").check();
    await codes.getByRole("button", { name: "Generate codes" }).click();
    await expect(codes.getByLabel(/Issued codes/)).toBeVisible();
    await shot("ops-issue-codes", false);
  });
}

/** The Promotions page's tabs and its dialogs: a failed redemption, View/Assign with its picker, the log. */
async function promotions(page: Page, shot: (name: string, fullPage?: boolean) => Promise<unknown>) {
  for (const tab of ["available", "earning", "expired"]) {
    await page.goto(`${PROMOTIONS}&tab=${tab}`);
    await expect(page.getByRole("tab", { selected: true })).toBeVisible();
    await shot(`promotions-${tab}`);
  }
  await page.goto(PROMOTIONS);
  await page.getByRole("button", { name: "Redeem coupon" }).click();
  const redeem = page.getByRole("dialog", { name: "Redeem coupon" });
  await redeem.getByLabel("Promotional code").fill("SUMMER-24");
  await redeem.getByRole("button", { name: "Activate" }).click();
  await expect(redeem.getByRole("alert").filter({ hasText: "expired" })).toBeVisible();
  await shot("promotions-redeem-error", false);

  await page.goto(`${PROMOTIONS}&assign=cr_legacy`);
  const assign = page.getByRole("dialog", { name: "View/Assign credit" });
  await expect(assign).toBeVisible();
  await shot("promotions-assign", false);
  await assign.getByRole("button", { name: "Assign campaign" }).click();
  await assign.getByRole("checkbox", { name: "Autumn Sale — In-Feed" }).check();
  await shot("promotions-assign-picker", false);

  await page.goto(`${PROMOTIONS}&log=cr_legacy`);
  await expect(page.getByRole("dialog", { name: "Assignment log" })).toBeVisible();
  await shot("promotions-log", false);
}
