import { expect, test } from "./test";
import { sessions } from "@/db/schema";
import { e2eDb, signIn } from "./helpers";

test("the session cookie is httpOnly, SameSite=Lax and Secure, and the database keeps only its hash", async ({ page, context }) => {
  await signIn(page, "analyst@example.com");
  const cookie = (await context.cookies()).find((c) => c.name === "promotions_session");
  // `next start` is production: the cookie is Secure (Chromium accepts that on http://localhost).
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });
  const stored = e2eDb().select({ id: sessions.id }).from(sessions).all().map((s) => s.id);
  expect(stored).not.toContain(cookie!.value);
});

test("an expired session sends the user back to sign in", async ({ page }) => {
  await signIn(page, "operator@example.com");
  await expect(page.getByRole("heading", { name: "Home" })).toBeVisible();
  e2eDb().update(sessions).set({ expiresAt: Date.now() - 1 }).run();
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("signing out ends the session on the server", async ({ page, context }) => {
  await signIn(page, "admin@example.com");
  const token = (await context.cookies()).find((c) => c.name === "promotions_session")!.value;
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  // Replaying the old cookie must not work either.
  await context.addCookies([{ name: "promotions_session", value: token, domain: "localhost", path: "/" }]);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});
