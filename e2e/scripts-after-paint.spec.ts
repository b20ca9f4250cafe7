import { expect, hydrated, test, type Page } from "./test";
import { openCoupons, signIn } from "./helpers";

// Pages paint before their scripts load (lib/server/defer-scripts.ts, docs/performance.md "Scripts after
// the first paint"): the server rewrites Next's <script async> tags into calls that a small loader at the
// top of the <head> runs once the browser reports the first contentful paint. These check the HTML the
// server sends, the order in the browser, that every page still hydrates and works, and the fallback for a
// browser without paint timing.

const q = "aadvid=acc_outdoors";
const pages = ["/login", `/?${q}`, `/tools/payments/promotions?${q}`, `/tools/payments/transactions?${q}`, `/tools/payments/billing?${q}`];

/**
 * Drops the loader's 5 s safety timer, so that a page whose scripts load proves the path under test loaded
 * them (the timer would otherwise rescue a broken one).
 */
async function withoutSafetyTimer(page: Page) {
  await page.addInitScript(() => {
    const original = window.setTimeout;
    window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) =>
      ms === 5000 ? 0 : original(fn, ms, ...rest)) as typeof window.setTimeout;
  });
}

/** When the page's first contentful paint was, and when each of Next's scripts started to download. */
async function timings(page: Page) {
  return page.evaluate(() => ({
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
    scripts: performance
      .getEntriesByType("resource")
      .filter((e) => new URL(e.name).pathname.startsWith("/_next/static/") && e.name.endsWith(".js"))
      .map((e) => ({ name: new URL(e.name).pathname, start: e.startTime })),
  }));
}

test("the server sends no script tag of Next's: the loader comes first in the head and names them", async ({ page }) => {
  await signIn(page, "admin@example.com");
  for (const path of pages) {
    const html = await (await page.request.get(path)).text();
    const head = html.slice(html.indexOf("<head>"), html.indexOf("</head>"));
    expect(head.startsWith("<head><script nonce="), path).toBe(true);
    expect(html, path).not.toMatch(/<script src="\/_next\/static\/[^"]+"[^>]*async/);
    expect(html, path).not.toMatch(/<link rel="preload" as="script"/);
    const named = [...html.matchAll(/__deferScript\("(\/_next\/static\/chunks\/[\w.-]+\.js)"\)/g)].map((m) => m[1]);
    expect(named.length, path).toBeGreaterThan(3);
    // The stylesheet is still a plain link in the head: the paint waits for it, not for the loader.
    expect(head, path).toMatch(/<link rel="stylesheet" href="\/_next\/static\/[^"]+\.css"/);
    // A HEAD request goes through the same rewrite (Next ends it with no body).
    expect((await page.request.head(path)).status(), `HEAD ${path}`).toBe(200);
  }
});

test("each page paints before its first script starts to download, then hydrates and works", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await withoutSafetyTimer(page);
  for (const path of pages) {
    await page.goto(path);
    const { fcp, scripts } = await timings(page);
    expect(fcp, path).toBeGreaterThan(0);
    expect(scripts.length, path).toBeGreaterThan(3);
    for (const s of scripts) expect(s.start, `${path}: ${s.name}`).toBeGreaterThanOrEqual(fcp!);
    expect(await page.evaluate(() => (self as unknown as { __scriptsReady: boolean }).__scriptsReady), path).toBe(true);
  }
  // Hydrated: a client-side control works on the last page loaded.
  await page.goto(`/?${q}`);
  await openCoupons(page);
});

test("a browser without paint timing loads the scripts after the first frame instead", async ({ page }) => {
  await withoutSafetyTimer(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, "PerformanceObserver", { value: undefined });
  });
  await page.goto("/login");
  // The fixture's wait after goto has passed: the scripts ran and React hydrated the document.
  await hydrated(page);
  expect((await timings(page)).scripts.length).toBeGreaterThan(3);
});
