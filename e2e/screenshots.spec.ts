// Not a check: saves PNGs of the main screens at 1440 and 375 px into screenshots/ for a visual review.
//   SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.ts
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to save screenshots");

for (const width of [1440, 375]) {
  test(`screens at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    const shot = (name: string, fullPage = true) => page.screenshot({ path: `screenshots/${name}-${width}.png`, fullPage });
    await page.goto("/login");
    await shot("login");
    await signIn(page, "admin@example.com");
    await page.goto("/?aadvid=acc_outdoors");
    await expect(page.getByRole("progressbar", { name: "Promotion progress" })).toBeVisible();
    await shot("home");
    await page.getByRole("button", { name: "Coupons", exact: true }).click();
    await expect(page.getByRole("dialog", { name: "Coupons" }).getByText("Earning promotions")).toBeVisible();
    await shot("coupons", false);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: /Switch account/ }).click();
    await expect(page.getByRole("button", { name: /Northwind Studio/ })).toBeVisible();
    await shot("account-switcher", false);
    await page.keyboard.press("Escape");
    await page.goto("/campaigns?aadvid=acc_outdoors");
    await shot("campaigns");
    await page.goto("/tools/payments/transactions?aadvid=acc_outdoors&type=ad_credit&from=2026-11-18&to=2026-11-21");
    await shot("transactions");
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
