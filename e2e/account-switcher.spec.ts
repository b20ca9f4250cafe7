// The header's account switcher moves a member of two ad accounts between them, and remembers the choice.
import { expect, test } from "./test";
import { signIn } from "./helpers";

test("admin@example.com switches between Northwind Outdoors and Northwind Studio", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/?aadvid=acc_outdoors");
  await expect(page.getByText("Northwind Outdoors · acc_outdoors")).toBeVisible();

  await page.getByRole("button", { name: /Switch account/ }).click();
  await page.getByRole("button", { name: /Northwind Studio/ }).click();
  await expect(page).toHaveURL(/aadvid=acc_studio/);
  await expect(page.getByText("Northwind Studio · acc_studio")).toBeVisible();
  await expect(page.getByText("Amount due")).toBeVisible();

  // Without an account in the URL, pages open the one chosen last.
  await page.goto("/campaigns");
  await expect(page.getByText("Studio Reel — In-Feed").first()).toBeVisible();

  await page.getByRole("button", { name: /Switch account/ }).click();
  await page.getByRole("button", { name: /Northwind Outdoors/ }).click();
  await expect(page).toHaveURL(/aadvid=acc_outdoors/);
  await expect(page.getByRole("progressbar", { name: "Promotion progress" })).toBeVisible();
});

test("the switcher menu closes on Escape", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/?aadvid=acc_outdoors");
  const switcher = page.getByRole("button", { name: /Switch account/ });
  await switcher.click();
  await expect(switcher).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Escape");
  await expect(switcher).toHaveAttribute("aria-expanded", "false");
});
