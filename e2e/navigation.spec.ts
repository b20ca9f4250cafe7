import { expect, test, type Page, type Request } from "./test";
import { and, eq } from "drizzle-orm";
import { memberships } from "@/db/schema";
import { accountOf, e2eDb, freshUser, openCoupons, signIn } from "./helpers";

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
/**
 * Holds every request for `path`'s server render (RSC) until `release` is called. `requested` settles when
 * the navigation's own request (not a prefetch) arrives.
 */
async function holdServerRender(page: Page, path: string) {
  let release!: () => void;
  let asked!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const requested = new Promise<void>((resolve) => (asked = resolve));
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      const headers = route.request().headers();
      if (headers["rsc"]) {
        if (!headers["next-router-prefetch"]) asked();
        await held;
      }
      await route.continue();
    },
  );
  return { release, requested };
}

/** The shell's progress bar, present only while a navigation is pending. */
const progressBar = (page: Page) => page.getByRole("status").filter({ hasText: "Loading page" });

test("a nav link waiting for the server keeps the page on screen and shows the progress bar until the next page arrives", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/?aadvid=acc_outdoors", { waitUntil: "networkidle" });
  const { release } = await holdServerRender(page, "/tools/payments/transactions");
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
  const { release } = await holdServerRender(page, "/tools/payments/transactions");
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
  const { release } = await holdServerRender(page, "/tools/payments/promotions");
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

test("the bar and its \"Loading page\" wait 150 ms, so a quick navigation shows and announces nothing", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.clock.install();
  await page.goto("/?aadvid=acc_outdoors", { waitUntil: "networkidle" });
  const { release, requested } = await holdServerRender(page, "/tools/payments/transactions");
  const progress = progressBar(page);
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Transactions" }).click();
  await requested;
  await expect(page.locator("[role=status][data-pending]")).toHaveCount(1);
  await page.clock.runFor(140);
  await expect(progress).toHaveCount(0);
  await page.clock.runFor(20);
  await expect(progress).toHaveCount(1);

  release();
  await page.clock.resume();
  await expect(page.getByRole("heading", { name: "Transactions", level: 1 })).toBeVisible();
  await expect(progress).toHaveCount(0);
});

test("someone who removes themselves from an ad account keeps the page, with the progress bar, until Home arrives", async ({ page }) => {
  const owner = freshUser("owner");
  const mate = freshUser("mate");
  const account = await accountOf(owner.id);
  e2eDb().insert(memberships).values({ userId: mate.id, accountId: account, role: "admin" }).run();
  await signIn(page, owner.email);
  await page.goto(`/settings/members?aadvid=${account}`);
  const { release } = await holdServerRender(page, "/");
  const progress = progressBar(page);

  await page.getByRole("button", { name: `Remove ${owner.email}` }).click();
  await expect(progress).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
  expect(e2eDb().select().from(memberships).where(and(eq(memberships.accountId, account), eq(memberships.userId, owner.id))).get()).toBeUndefined();

  release();
  await expect(page.getByRole("heading", { name: "No ad accounts yet", level: 1 })).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(progress).toHaveCount(0);
});
