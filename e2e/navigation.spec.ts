import { expect, test, type Page, type Request } from "@playwright/test";
import { openCoupons, signIn } from "./helpers";

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

// A table's many links are plain anchors under one LinkScope (components/ui/link-scope.tsx): the same
// intent prefetch and in-app navigation as Link, without a client component per row.
test("a daily total's count link prefetches on hover, navigates in the app, and leaves a Ctrl-click to the browser", async ({
  page,
  context,
}) => {
  await signIn(page, "admin@example.com");
  await page.goto("/tools/payments/transactions?aadvid=acc_outdoors&type=cash", { waitUntil: "networkidle" });
  const count = page.getByRole("table").locator("tbody tr").first().getByRole("link");
  const href = (await count.getAttribute("href"))!;
  expect(href).toContain("view=all");

  const prefetched = page.waitForRequest((r) => isPrefetch(r) && new URL(r.url()).searchParams.get("view") === "all");
  await count.hover();
  await prefetched;

  const opened = context.waitForEvent("page");
  await count.click({ modifiers: ["Control"] });
  const tab = await opened;
  await tab.waitForLoadState();
  expect(tab.url()).toContain("view=all");
  await tab.close();
  expect(page.url()).not.toContain("view=all");

  const documents: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "document") documents.push(r.url());
  });
  await count.click();
  await expect(page.getByRole("link", { name: "Every transaction" })).toHaveAttribute("aria-current", "page");
  await expect(page).toHaveURL(/view=all/);
  expect(documents).toEqual([]);
});

// The advertiser pages have no loading skeletons (docs/performance.md): while a navigation waits for the
// server, the current page stays and the shell's progress bar (NavigationProgress, components/ui/link.tsx) says
// a page is loading. Each test holds the next page's server render until it has seen both.
/** Holds every request for `path`'s server render (RSC) until the returned function is called. */
async function holdServerRender(page: Page, path: string) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      if (route.request().headers()["rsc"]) await held;
      await route.continue();
    },
  );
  return release;
}

/** The shell's progress bar, present only while a navigation is pending. */
const progressBar = (page: Page) => page.getByRole("status").filter({ hasText: "Loading page" });

test("a nav link waiting for the server keeps the page on screen and shows the progress bar until the next page arrives", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/?aadvid=acc_outdoors", { waitUntil: "networkidle" });
  const release = await holdServerRender(page, "/tools/payments/transactions");
  const progress = progressBar(page);
  await expect(progress).toHaveCount(0);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Transactions" }).click();
  await expect(progress).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Home", level: 1 })).toBeVisible();

  release();
  await expect(page.getByRole("heading", { name: "Transactions", level: 1 })).toBeVisible();
  await expect(progress).toHaveCount(0);
});

test("a table link (LinkScope) shows the progress bar while its page loads", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/tools/payments/transactions?aadvid=acc_outdoors&type=cash", { waitUntil: "networkidle" });
  const release = await holdServerRender(page, "/tools/payments/transactions");
  const progress = progressBar(page);

  await page.getByRole("table").locator("tbody tr").first().getByRole("link").click();
  await expect(progress).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Daily totals" })).toHaveAttribute("aria-current", "page");

  release();
  await expect(page.getByRole("link", { name: "Every transaction" })).toHaveAttribute("aria-current", "page");
  await expect(progress).toHaveCount(0);
});

test("a link in the Coupons dialog keeps the dialog and shows the progress bar until Promotions arrives", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/?aadvid=acc_outdoors", { waitUntil: "networkidle" });
  await openCoupons(page);
  const release = await holdServerRender(page, "/tools/payments/promotions");
  const progress = progressBar(page);
  const coupons = page.getByRole("dialog", { name: "Coupons" });

  await coupons.getByRole("link", { name: "Go to Promotions" }).click();
  await expect(progress).toHaveCount(1);
  await expect(coupons).toBeVisible();

  release();
  await expect(page.getByRole("heading", { name: "Promotions", level: 1 })).toBeVisible();
  await expect(coupons).toBeHidden();
  await expect(progress).toHaveCount(0);
});
