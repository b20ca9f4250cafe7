// The `test` every spec uses: Playwright's, with one change. The server loads each page's scripts after
// its first paint (lib/server/defer-scripts.ts), so the load event no longer means the scripts have run,
// and a click that lands before hydration is lost. After every navigation a page makes through goto,
// reload, goBack, goForward or waitForURL, this waits until the scripts have loaded (`__scriptsReady`)
// and React has hydrated the document (it marks <html> last). Responses that are not our pages (JSON, a
// CSV, a blank tab) have no loader and do not wait.
import { test as base, type Page } from "@playwright/test";

export * from "@playwright/test";

/** Resolves once the page in `page` has run its scripts and hydrated. */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const ready = (self as unknown as { __scriptsReady?: boolean }).__scriptsReady;
    if (ready === undefined) return true;
    return ready && Object.keys(document.documentElement).some((k) => k.startsWith("__reactFiber"));
  });
}

let patched = false;
function waitAfterNavigations(page: Page) {
  if (patched) return;
  patched = true;
  const proto = Object.getPrototypeOf(page) as Record<string, unknown>;
  for (const name of ["goto", "reload", "goBack", "goForward", "waitForURL"] as const) {
    const original = proto[name] as (this: Page, ...args: unknown[]) => Promise<unknown>;
    proto[name] = async function (this: Page, ...args: unknown[]) {
      const result = await original.apply(this, args);
      await hydrated(this);
      return result;
    };
  }
}

// Once per worker: a throwaway page gives the Page prototype every page shares.
export const test = base.extend<object, { waitForHydration: void }>({
  waitForHydration: [
    async ({ browser }, use) => {
      const page = await browser.newPage();
      waitAfterNavigations(page);
      await page.close();
      await use();
    },
    { auto: true, scope: "worker" },
  ],
});
