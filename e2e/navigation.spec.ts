import { expect, test, type Request } from "@playwright/test";
import { signIn } from "./helpers";

// Links prefetch on intent, not on sight (components/ui/link.tsx, docs/performance.md): a page load asks
// the server for no other route; pointing at a link prefetches that route; the navigation still works.
const isPrefetch = (r: Request) => new URL(r.url()).searchParams.has("_rsc");

test("a page load prefetches no other page; hovering a link prefetches its page", async ({ page }) => {
  await signIn(page, "admin@example.com");
  const prefetches: string[] = [];
  page.on("request", (r) => {
    if (isPrefetch(r)) prefetches.push(new URL(r.url()).pathname);
  });
  await page.goto("/?aadvid=acc_outdoors", { waitUntil: "networkidle" });
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Campaigns" })).toBeVisible();
  expect(prefetches).toEqual([]);

  const prefetched = page.waitForRequest((r) => isPrefetch(r) && new URL(r.url()).pathname === "/campaigns");
  await nav.getByRole("link", { name: "Campaigns" }).hover();
  await prefetched;

  await nav.getByRole("link", { name: "Campaigns" }).click();
  await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/campaigns\?aadvid=acc_outdoors/);
});

test("keyboard focus on a link prefetches its page too", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/?aadvid=acc_outdoors", { waitUntil: "networkidle" });
  const prefetched = page.waitForRequest((r) => isPrefetch(r) && new URL(r.url()).pathname === "/tools/payments/transactions");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Transactions" }).focus();
  await prefetched;
});
