// Shared steps for end-to-end tests: sign in, and a handle on the same SQLite file the server uses.
import { expect, type Page } from "@playwright/test";
import { openDb, type Db } from "@/db/client";

export const PASSWORD = "promotions";

export async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

let db: Db | undefined;
/** The e2e server's database, opened from the test process (WAL lets both use it). */
export function e2eDb(): Db {
  db ??= openDb(process.env.E2E_DB_PATH!);
  return db;
}
