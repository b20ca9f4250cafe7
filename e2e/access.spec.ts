// Cross-account isolation: a member of one ad account gets 404 for another's data (never a hint that it
// exists), and no session gets 401, on every API route and page.
import { expect, test } from "./test";
import { apiRoutes, signIn } from "./helpers";

test("an analyst of Northwind Outdoors cannot read Northwind Studio through any API route or page", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  for (const url of apiRoutes("acc_outdoors")) expect((await page.request.get(url)).status(), url).toBe(200);
  for (const url of apiRoutes("acc_studio")) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found", message: "That ad account does not exist." });
  }
  for (const path of ["/campaigns", "/tools/payments/transactions", "/tools/payments/promotions", "/"]) {
    const response = await page.goto(`${path}?aadvid=acc_studio`);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" }), path).toBeVisible();
    await expect(page.getByText("Studio Reel")).toHaveCount(0);
  }
});

test("without a session every API route answers 401 in JSON", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const url of [...apiRoutes("acc_outdoors"), ...apiRoutes("acc_studio")]) {
    const response = await anonymous.get(url);
    expect(response.status(), url).toBe(401);
    expect((await response.json()).error).toBe("unauthenticated");
  }
  await anonymous.dispose();
});

test("a route asked without an account id answers 400, not a crash", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  const response = await page.request.get("/api/coupons?aadvid=");
  expect(response.status()).toBe(400);
  expect((await response.json()).error).toBe("invalid_input");
});
