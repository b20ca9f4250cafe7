// The header's Coupons card: opens from the keyboard, shows earning promotions and assignable credits with
// a shortcut into View/Assign, closes on Escape with focus back on the button.
import { expect, test } from "./test";
import { eq } from "drizzle-orm";
import { promotions } from "@/db/schema";
import { e2eDb, signIn } from "./helpers";

test("the coupon card opens with Enter, shows the earning promotion, and closes on Escape back to the button", async ({ page }) => {
  const holiday = e2eDb().select().from(promotions).where(eq(promotions.id, "promo_holiday")).get()!;
  await signIn(page, "admin@example.com");
  await page.goto("/campaigns?aadvid=acc_outdoors");

  const button = page.getByRole("button", { name: "Coupons", exact: true });
  await button.focus();
  await page.keyboard.press("Enter");
  const card = page.getByRole("dialog", { name: "Coupons" });
  await expect(card).toBeVisible();
  await expect(button).toHaveAttribute("aria-expanded", "true");

  const earning = card.getByRole("region", { name: "Earning promotions" });
  await expect(earning.getByText(holiday.name)).toBeVisible();
  await expect(earning.getByRole("progressbar", { name: holiday.name })).toHaveAttribute("aria-valuemax", "900000");
  await expect(earning).toContainText("Next reward $1,500.00 ad credit");
  await expect(earning).toContainText(/\d+ days? left/);

  const credits = card.getByRole("region", { name: "Assignable credits" });
  await expect(credits).toContainText("Agency partner credit");
  await expect(credits).toContainText("$250.00 unused");
  await expect(credits.getByRole("link", { name: "Assign Agency partner credit" })).toHaveAttribute(
    "href",
    "/tools/payments/promotions?aadvid=acc_outdoors&assign=cr_fresh",
  );

  await page.keyboard.press("Escape");
  await expect(card).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute("aria-expanded", "false");

  // Opens again, and a click outside the card closes it too.
  await page.keyboard.press("Enter");
  await expect(card).toBeVisible();
  await page.mouse.click(10, 880);
  await expect(card).toBeHidden();
});

test("members who cannot assign see a View shortcut instead", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await page.goto("/?aadvid=acc_outdoors");
  await page.getByRole("button", { name: "Coupons", exact: true }).click();
  const card = page.getByRole("dialog", { name: "Coupons" });
  await expect(card.getByRole("link", { name: "View Agency partner credit" })).toBeVisible();
  await card.getByRole("button", { name: "Close" }).click();
  await expect(card).toBeHidden();
});
