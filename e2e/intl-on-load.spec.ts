import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// The first Intl object a page builds costs ~30 ms of ICU set-up on the browser's main thread (~120 ms on a
// slow phone), inside hydration: it was Home's longest script task (formatting the progress bar's money)
// and Promotions' (a module building Intl.DisplayNames when it loaded). So pages get money, dates and
// currency symbols formatted by the server, and no page builds an Intl object while it loads and
// hydrates (docs/performance.md). Dialogs loaded later may.

declare global {
  interface Window {
    __intlUses: string[];
  }
}

/** Records every Intl object built and every locale-aware call, from before the page's first script. */
async function watchIntl(page: Page) {
  await page.addInitScript(() => {
    window.__intlUses = [];
    const record = (name: string) => window.__intlUses.push(`${name}\n${new Error().stack?.split("\n").slice(3, 6).join("\n")}`);
    const intl = Intl as unknown as Record<string, unknown>;
    for (const name of ["NumberFormat", "DateTimeFormat", "DisplayNames", "ListFormat", "PluralRules", "RelativeTimeFormat", "Collator", "Segmenter"]) {
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
      [Date.prototype, "toLocaleString"],
      [Date.prototype, "toLocaleDateString"],
      [Date.prototype, "toLocaleTimeString"],
      [String.prototype, "localeCompare"],
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

/** Waits until React has hydrated the page: its heading and a client component's element carry a fiber. */
async function hydrated(page: Page, client: string) {
  for (const selector of ["h1", client]) {
    await expect
      .poll(() => page.locator(selector).first().evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactFiber$"))))
      .toBe(true);
  }
}

async function expectNoIntl(page: Page, path: string, client: string) {
  await page.goto(path, { waitUntil: "networkidle" });
  await hydrated(page, client);
  expect(await page.evaluate(() => window.__intlUses), `Intl used while ${path} loaded`).toEqual([]);
  // The watch itself works: building a formatter now is recorded.
  expect(await page.evaluate(() => (new Intl.NumberFormat("en-US").format(1), window.__intlUses.length))).toBe(1);
}

test("the sign-in page builds no Intl object while it loads", async ({ page }) => {
  await watchIntl(page);
  await expectNoIntl(page, "/login", "form button");
});

test("advertiser pages build no Intl object while they load and hydrate", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await watchIntl(page);
  const header = "header button[aria-label='Coupons']";
  // Home shows the earning promotion's progress bar, whose amounts were formatted in the browser.
  await page.goto("/?aadvid=acc_outdoors");
  await expect(page.getByRole("progressbar", { name: "Promotion progress" })).toBeVisible();
  for (const path of [
    "/?aadvid=acc_outdoors",
    "/campaigns?aadvid=acc_outdoors",
    "/tools/payments/promotions?aadvid=acc_outdoors",
    "/tools/payments/promotions?aadvid=acc_outdoors&tab=earning",
    "/tools/payments/transactions?aadvid=acc_outdoors",
    "/tools/payments/transactions?aadvid=acc_outdoors&view=all",
    "/tools/payments/billing?aadvid=acc_outdoors",
    "/settings/members?aadvid=acc_outdoors",
  ]) {
    await expectNoIntl(page, path, header);
  }
});
