import { expect, test, type Page } from "./test";
import { signIn } from "./helpers";

// The first Intl object a page builds costs ~30 ms of ICU set-up on the browser's main thread (~120 ms at
// Lighthouse's 4× CPU slowdown), inside hydration: it was Home's longest script task (formatting the
// progress bar's money) and Promotions' (a module building Intl.DisplayNames when it loaded). So pages get
// money, dates and currency symbols formatted by the server, and no page builds an Intl object while it
// loads, hydrates and runs its effects (docs/performance.md). Dialogs loaded later may.

declare global {
  interface Window {
    __intlUses: string[];
    __reactCommits: number;
  }
}

/**
 * From before the page's first script: records every Intl object built and every locale-aware call, and
 * counts React's commits through the hook React DevTools uses (react-dom reads it when it loads, in
 * production builds too).
 */
async function watchIntl(page: Page) {
  await page.addInitScript(() => {
    window.__intlUses = [];
    window.__reactCommits = 0;
    Object.assign(window, {
      __REACT_DEVTOOLS_GLOBAL_HOOK__: {
        isDisabled: false,
        supportsFiber: true,
        renderers: new Map(),
        inject: () => 1,
        checkDCE: () => {},
        onCommitFiberRoot: () => {},
        onCommitFiberUnmount: () => {},
        // After a commit's effects have run.
        onPostCommitFiberRoot: () => window.__reactCommits++,
      },
    });
    const record = (name: string) => window.__intlUses.push(`${name}\n${new Error().stack?.split("\n").slice(3, 6).join("\n")}`);
    const intl = Intl as unknown as Record<string, unknown>;
    const constructors = ["NumberFormat", "DateTimeFormat", "DisplayNames", "ListFormat", "PluralRules", "RelativeTimeFormat", "Collator", "Segmenter", "Locale", "DurationFormat"];
    for (const name of constructors) {
      const original = intl[name] as (new (...args: unknown[]) => object) | undefined;
      if (!original) continue;
      intl[name] = new Proxy(original, {
        construct(target, args, newTarget) {
          record(`new Intl.${name}`);
          return Reflect.construct(target, args, newTarget);
        },
        apply(target, self, args) {
          record(`Intl.${name}()`);
          return Reflect.apply(target, self, args);
        },
      });
    }
    const methods: [object, string][] = [
      [Number.prototype, "toLocaleString"],
      [BigInt.prototype, "toLocaleString"],
      [Array.prototype, "toLocaleString"],
      [Date.prototype, "toLocaleString"],
      [Date.prototype, "toLocaleDateString"],
      [Date.prototype, "toLocaleTimeString"],
      [String.prototype, "localeCompare"],
      [String.prototype, "toLocaleUpperCase"],
      [String.prototype, "toLocaleLowerCase"],
    ];
    for (const [proto, name] of methods) {
      const original = (proto as Record<string, (...args: unknown[]) => unknown>)[name]!;
      Object.defineProperty(proto, name, {
        configurable: true,
        writable: true,
        value(this: unknown, ...args: unknown[]) {
          record(name);
          return original.apply(this, args);
        },
      });
    }
  });
}

async function expectNoIntl(page: Page, path: string, shown: string) {
  await page.goto(path, { waitUntil: "networkidle" });
  await expect(page.locator(shown).first()).toBeVisible();
  // Hydrated: React has committed the page and run its effects.
  await expect.poll(() => page.evaluate(() => window.__reactCommits)).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.__intlUses), `Intl used while ${path} loaded`).toEqual([]);
  // The watch itself works: building a formatter now is recorded.
  const recorded = await page.evaluate(() => {
    const before = window.__intlUses.length;
    new Intl.NumberFormat("en-US").format(1);
    return window.__intlUses.length - before;
  });
  expect(recorded).toBe(1);
}

test("the sign-in page builds no Intl object while it loads", async ({ page }) => {
  await watchIntl(page);
  await expectNoIntl(page, "/login", "form button");
});

test("advertiser pages build no Intl object while they load and hydrate", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await watchIntl(page);
  const q = "aadvid=acc_outdoors";
  const header = "header button[aria-label='Coupons']";
  for (const [path, shown] of [
    // Home's progress bar: its amounts used to be formatted in the browser.
    [`/?${q}`, "[role=progressbar][aria-label='Promotion progress']"],
    [`/campaigns?${q}`, header],
    [`/tools/payments/promotions?${q}`, "[role=tablist]"],
    [`/tools/payments/promotions?${q}&tab=earning`, "[role=tabpanel]"],
    [`/tools/payments/promotions?${q}&tab=expired`, "[role=tabpanel]"],
    [`/tools/payments/transactions?${q}`, header],
    [`/tools/payments/transactions?${q}&view=all`, header],
    // The Add funds form: its currency symbol used to come from Intl in the browser.
    [`/tools/payments/billing?${q}`, "input[name=amount]"],
    [`/settings/members?${q}`, header],
  ] as const) {
    await expectNoIntl(page, path, shown);
  }
});
