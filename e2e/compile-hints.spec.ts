import { expect, test } from "./test";
import { signIn } from "./helpers";

// `npm run build` puts V8's compile hint on the chunks a page runs while it loads, so Chrome compiles them
// while they stream instead of on the main thread (lib/compile-hints.ts, docs/performance.md): every script
// the page names carries it, a dialog's chunk loaded later does not, and the page still works.
const HINT = "//# allFunctionsCalledOnLoad\n";

test("the scripts a page loads with carry the compile hint; a dialog's lazy chunk does not", async ({ page }) => {
  await signIn(page, "admin@example.com");
  const scripts = new Map<string, Promise<string>>();
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") scripts.set(new URL(r.url()).pathname, r.text());
  });
  const response = await page.goto("/tools/payments/promotions?aadvid=acc_outdoors", { waitUntil: "networkidle" });
  const html = (await response?.text()) ?? "";
  const named = [...scripts.keys()].filter((p) => html.includes(p));
  expect(named.length).toBeGreaterThanOrEqual(5);
  for (const p of named) expect((await scripts.get(p))!.startsWith(HINT), `${p} starts with the hint`).toBe(true);

  const before = new Set(scripts.keys());
  await page.getByRole("button", { name: "Redeem coupon" }).click();
  await expect(page.getByRole("dialog", { name: "Redeem coupon" }).getByLabel("Promotional code")).toBeVisible();
  const lazy = [...scripts.keys()].filter((p) => !before.has(p));
  expect(lazy.length).toBeGreaterThan(0);
  for (const p of lazy) expect((await scripts.get(p))!.startsWith(HINT), `${p} is left lazy`).toBe(false);
});
