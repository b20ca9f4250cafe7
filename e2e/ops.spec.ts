import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { count } from "drizzle-orm";
import { charges } from "@/db/schema";
import * as engine from "@/lib/credits";
import { e2eDb, signIn } from "./helpers";

test("ops advance the sandbox clock by an hour: delivery charges go through the engine", async ({ page }) => {
  const db = e2eDb();
  const chargesBefore = db.select({ n: count() }).from(charges).get()!.n;
  const clockBefore = engine.clockNow(db)!;
  await signIn(page, "ops@example.com");
  await expect(page).toHaveURL(/\/ops/);
  await expect(page.getByRole("heading", { name: "Sandbox clock" })).toBeVisible();
  await page.getByRole("button", { name: "Advance 1 hour" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Moved an hour" })).toBeVisible();
  expect(engine.clockNow(db)).toBe(clockBefore + 3_600_000);
  expect(db.select({ n: count() }).from(charges).get()!.n).toBeGreaterThan(chargesBefore);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});

test("the ops console is a 404 for advertisers", async ({ page }) => {
  await signIn(page, "admin@example.com");
  const response = await page.goto("/ops");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
