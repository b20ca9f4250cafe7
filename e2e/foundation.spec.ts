import { expect, test } from "./test";
import { eq } from "drizzle-orm";
import { adAccounts } from "@/db/schema";
import { formatMoney } from "@/lib/format";
import { e2eDb, signIn } from "./helpers";

test("home renders the cash balance it read from SQLite", async ({ page }) => {
  const account = e2eDb().select().from(adAccounts).where(eq(adAccounts.id, "acc_outdoors")).get()!;
  await signIn(page, "admin@example.com");
  await page.goto("/?aadvid=acc_outdoors");
  const balance = page.getByRole("definition").filter({ hasText: formatMoney(account.cashBalance, "USD") });
  await expect(balance).toBeVisible();
  await expect(page.getByRole("heading", { name: "Home" })).toBeVisible();
});

test("a wrong password gets a plain alert that does not say which part was wrong", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  // Next's route announcer is also an (empty) alert, so find ours by its words.
  await expect(page.getByRole("alert").filter({ hasText: "don't match an account" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
