// Issue 9 and docs/security.md: security headers on every response, a CSP that the pages run under with no
// violation, redirects that keep the host the user came in on, signed-out pages redirected before they
// render, `next` honoured only for this site, the account switch as a same-origin POST, and sign-in
// throttling with a wait in words.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "./test";
import { authAttempts, users } from "@/db/schema";
import { hashPasswordSync } from "@/lib/auth/password";
import { e2eDb, signIn } from "./helpers";

const ADVERTISER_PAGES = ["/", "/campaigns", "/tools/payments/promotions", "/tools/payments/transactions"];

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["cross-origin-opener-policy"], what).toBe("same-origin");
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).not.toContain("unsafe-eval");
}

/** Records CSP violations the page reports, and console errors that mention the policy. */
async function watchCsp(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|CSP violation|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

test.describe("security headers", () => {
  test("every kind of response carries them: pages, redirects, API routes, static files", async ({ page, request, playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
    const login = await anonymous.get("/login");
    expectSecurityHeaders(login.headers(), "/login");
    expectSecurityHeaders((await anonymous.get("/")).headers(), "/ (a redirect)");
    expectSecurityHeaders((await anonymous.get("/campaigns")).headers(), "a redirect");
    expectSecurityHeaders((await anonymous.get("/api/coupons?aadvid=acc_outdoors")).headers(), "an API route's 401");
    const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await login.text())![1]!;
    const asset = await anonymous.get(script);
    expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
    expect(asset.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    // Only documents read these two; a script goes without them (docs/security.md).
    expect(asset.headers()["permissions-policy"]).toBeUndefined();
    expect(asset.headers()["cross-origin-opener-policy"]).toBeUndefined();
    await anonymous.dispose();

    await signIn(page, "admin@example.com");
    expectSecurityHeaders((await request.get("/api/coupons?aadvid=acc_outdoors")).headers(), "an API route");
  });

  test("the CSP has a fresh nonce per response, on every script of the page", async ({ request }) => {
    const nonces = [];
    for (let i = 0; i < 2; i++) {
      const response = await request.get("/login");
      const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"]!)![1]!;
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(3);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  test("the policy blocks markup injected into a page: an inline script without the nonce, an image from elsewhere", async ({ page }) => {
    const problems = await watchCsp(page);
    await page.route("**/login", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace("</body>", `<script>window.injected = 1</script><img alt="" src="https://evil.example/p.png"></body>`);
      await route.fulfill({ response, body: html });
    });
    await page.goto("/login");
    await expect.poll(() => problems.length).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => "injected" in window)).toBe(false);
    expect(problems.join("\n")).toMatch(/script-src/);
    expect(problems.join("\n")).toMatch(/img-src/);
  });

  test("HSTS only when the request came over https", async ({ request }) => {
    expect((await request.get("/login")).headers()["strict-transport-security"]).toBeUndefined();
    const viaTls = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(viaTls.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(viaTls.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  });

  test("pages hydrate and work under the policy, with no violation in the console", async ({ page }) => {
    const problems = await watchCsp(page);
    await page.goto("/login");
    await signIn(page, "admin@example.com");
    for (const path of ADVERTISER_PAGES) {
      await page.goto(`${path}?aadvid=acc_outdoors`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    // Client code runs: the coupon card opens, the promotions tabs switch.
    await page.getByRole("button", { name: "Coupons", exact: true }).click();
    await expect(page.getByRole("dialog", { name: "Coupons" })).toBeVisible();
    await page.keyboard.press("Escape");
    await page.goto("/tools/payments/promotions?aadvid=acc_outdoors");
    await page.getByRole("tab", { name: "Earning" }).click();
    await expect(page).toHaveURL(/tab=earning/);
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

    await page.context().clearCookies();
    await signIn(page, "ops@example.com");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(problems).toEqual([]);
  });
});

test.describe("redirects", () => {
  test("signed-out requests for any page that needs a session are redirected to sign in before rendering", async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
    // /settings/members does not exist yet: pages added later are covered the same way.
    for (const path of [...ADVERTISER_PAGES.map((p) => `${p}?aadvid=acc_outdoors`), "/settings/members", "/ops"]) {
      const response = await anonymous.get(path);
      expect(response.status(), path).toBe(307);
      expect(response.headers()["location"], path).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
    expect((await anonymous.get("/login")).status()).toBe(200);
    await anonymous.dispose();
  });

  test("signing in from that redirect returns to the page asked for", async ({ page }) => {
    await page.goto("/campaigns?aadvid=acc_studio");
    await expect(page).toHaveURL(/\/login\?next=%2Fcampaigns%3Faadvid%3Dacc_studio$/);
    await page.getByLabel("Email").fill("admin@example.com");
    await page.getByLabel("Password").fill("promotions");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/campaigns\?aadvid=acc_studio$/);
    await expect(page.getByText("Studio Reel — In-Feed").first()).toBeVisible();
  });

  for (const next of ["//evil.example/", "/\\evil.example", "https://evil.example/"])
    test(`next=${next} is not followed off the site`, async ({ page, baseURL }) => {
      await page.goto(`/login?next=${encodeURIComponent(next)}`);
      await page.getByLabel("Email").fill("analyst@example.com");
      await page.getByLabel("Password").fill("promotions");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("heading", { name: "Home" })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    });

  test("redirects are relative, whatever host the request came in on", async ({ page, playwright, baseURL }) => {
    const lan = { host: "promotions.lan:8443" };
    const anonymous = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
    expect((await anonymous.get("/tools/payments/promotions", { headers: lan })).headers()["location"]).toBe("/login?next=%2Ftools%2Fpayments%2Fpromotions");
    await anonymous.dispose();

    await signIn(page, "admin@example.com");
    const switched = await page.request.post("/switch", {
      headers: { ...lan, origin: "http://promotions.lan:8443" },
      form: { aadvid: "acc_studio" },
      maxRedirects: 0,
    });
    expect(switched.status()).toBe(303);
    expect(switched.headers()["location"]).toBe("/?aadvid=acc_studio");
  });
});

test.describe("account switch", () => {
  test("is a POST from the same site: not a GET, not from another origin, not to a foreign account", async ({ page }) => {
    await signIn(page, "analyst@example.com");
    expect((await page.request.get("/switch?aadvid=acc_outdoors", { maxRedirects: 0 })).status()).toBe(405);
    const foreign = await page.request.post("/switch", { headers: { origin: "https://evil.example" }, form: { aadvid: "acc_outdoors" }, maxRedirects: 0 });
    expect(foreign.status()).toBe(403);
    expect((await page.context().cookies()).some((c) => c.name === "promotions_account")).toBe(false);
    const notMine = await page.request.post("/switch", { form: { aadvid: "acc_studio" }, maxRedirects: 0 });
    expect(notMine.status()).toBe(404);
  });

  test("works from the keyboard", async ({ page }) => {
    await signIn(page, "admin@example.com");
    await page.goto("/?aadvid=acc_outdoors");
    const switcher = page.getByRole("button", { name: /Switch account/ });
    await switcher.focus();
    await page.keyboard.press("Enter");
    await expect(switcher).toHaveAttribute("aria-expanded", "true");
    const studio = page.getByRole("button", { name: /Northwind Studio/ });
    // Tab until the option has focus (two presses from the switcher; more if a streamed part of the page
    // took the focus back to the start while it hydrated).
    for (let i = 0; i < 40 && !(await studio.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(studio).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/\?aadvid=acc_studio$/);
    await expect(page.getByText("Northwind Studio · acc_studio")).toBeVisible();
  });
});

test.describe("sign-in throttling", () => {
  test("five failures lock the email for 15 minutes, even for the right password, with the wait in words", async ({ browser }) => {
    const db = e2eDb();
    const email = `throttle-${randomUUID().slice(0, 8)}@example.com`;
    db.insert(users).values({ id: `usr_${randomUUID()}`, email, name: "Throttle Test", passwordHash: hashPasswordSync("right-password"), createdAt: Date.now() }).run();
    // An address of its own, so the rest of the suite's sign-ins are not counted with these.
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.77" } });
    const page = await context.newPage();
    const attempt = async (password: string) => {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
    };
    await page.goto("/login");
    for (let i = 1; i <= 5; i++) {
      await attempt(`wrong-${i}`);
      await expect(page.getByRole("alert").filter({ hasText: "don't match an account" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    }
    await attempt("right-password");
    await expect(page.getByRole("alert").filter({ hasText: "Too many sign-in attempts. Please wait and try again in 15 minutes." })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    const rows = db.select().from(authAttempts).all().filter((r) => r.key === `email:${email}`);
    expect(rows).toHaveLength(5);
    await context.close();
  });

  test("sign-up counts every attempt for an email, and refuses the sixth in the hour", async ({ browser }) => {
    const email = `taken-${randomUUID().slice(0, 8)}@example.com`;
    e2eDb().insert(users).values({ id: `usr_${randomUUID()}`, email, name: "Taken", passwordHash: hashPasswordSync("x"), createdAt: Date.now() }).run();
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.78" } });
    const page = await context.newPage();
    await page.goto("/signup");
    const attempt = async () => {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("a long enough password");
      await page.getByLabel("Business name").fill("Throttled Sign-up");
      await page.getByRole("button", { name: "Create account" }).click();
    };
    for (let i = 1; i <= 5; i++) {
      await attempt();
      await expect(page.getByRole("alert").filter({ hasText: "An account with this email already exists." })).toBeVisible();
      await expect(page.getByRole("button", { name: "Create account" })).toBeEnabled();
    }
    await attempt();
    await expect(page.getByRole("alert").filter({ hasText: "Too many sign-up attempts. Please wait and try again in 60 minutes." })).toBeVisible();
    await context.close();
  });
});
