// Home's promotion progress bar follows spend as it happens: charges written by the engine (here, from the
// test process) reach the open page through the coupon summary's polling, with no reload (R4 qualifying spend).
import { expect, test } from "./test";
import { eq } from "drizzle-orm";
import { activations } from "@/db/schema";
import { formatMoney } from "@/lib/format";
import { chargeNow, e2eDb, signIn } from "./helpers";

const qualifyingSpend = () =>
  e2eDb().select().from(activations).where(eq(activations.id, "act_holiday")).get()!.qualifyingSpend;

test("out-of-pocket spend moves the Promotion progress bar on an open page, without a reload (R4)", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/?aadvid=acc_outdoors");
  const bar = page.getByRole("progressbar", { name: "Promotion progress" });
  await expect(bar).toHaveAttribute("aria-valuenow", String(qualifyingSpend()));
  await expect(bar).toHaveAttribute("aria-valuemax", "900000");
  await expect(bar).toHaveAttribute("aria-valuetext", `${formatMoney(qualifyingSpend(), "USD")} of $9,000.00 qualifying spend`);
  await expect(page.getByText(/\d+ days? left/).first()).toBeVisible();
  const before = Number(await bar.getAttribute("aria-valuenow"));
  // A marker on window survives only if the page is not reloaded.
  await page.evaluate(() => Object.assign(window, { __noReload: true }));

  const charge = await chargeNow("cmp_autumn", 60_000);
  expect(charge.cash, "some of the charge is paid out of pocket, so it qualifies").toBeGreaterThan(0);
  const after = qualifyingSpend();
  expect(after).toBe(before + charge.cash);

  await expect(bar).toHaveAttribute("aria-valuenow", String(after), { timeout: 30_000 });
  await expect(bar).toHaveAttribute("aria-valuetext", `${formatMoney(after, "USD")} of $9,000.00 qualifying spend`);
  expect(await page.evaluate(() => "__noReload" in window)).toBe(true);
});

test("an account with no earning promotion gets an empty state that links to Promotions", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/?aadvid=acc_studio");
  await expect(page.getByRole("heading", { name: "No promotion is earning" })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Promotion progress" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Go to Promotions" })).toHaveAttribute(
    "href",
    "/tools/payments/promotions?aadvid=acc_studio",
  );
});
