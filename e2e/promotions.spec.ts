// The Promotions page end to end: redemption (R7), assignment (R10) and its log, roles, tampering with
// server-action input, URL state and accessibility (axe). Tests that change data make their
// own accounts, credits and codes through the engine, so they don't depend on each other's order.
import { expect, test, type Locator, type Page } from "./test";
import { and, asc, eq } from "drizzle-orm";
import { activations, adAccounts, assignmentLog, assignments, credits, memberships, promoCodes } from "@/db/schema";
import * as engine from "@/lib/credits";
import { must } from "@/lib/credits";
import { formatDate, formatMoney } from "@/lib/format";
import { e2eDb, e2eNow, seriousViolations, signIn, uid } from "./helpers";

const PAGE = "/tools/payments/promotions";
const OUTDOORS = "acc_outdoors";

const db = () => e2eDb();
const now = e2eNow;

/** A fresh ad account with `admin@example.com` as its admin (or no member at all). */
async function freshAccount(opts: Partial<Parameters<typeof engine.createAccount>[2]> = {}, member: "admin" | null = "admin") {
  const id = `acc_e2e_${uid()}`;
  must(await engine.createAccount(db(), now(), { id, name: `E2E ${id}`, paymentMethod: true, timeZone: "America/New_York", ...opts }), "account");
  if (member) db().insert(memberships).values({ userId: "usr_admin", accountId: id, role: member }).run();
  return id;
}

async function grantAssignable(accountId: string, extra: Partial<engine.GrantCreditInput> = {}) {
  const id = `cr_e2e_${uid()}`;
  must(await engine.grantCredit(db(), now(), { id, accountId, type: "assignable", amount: 30_000, validDays: 40, name: `E2E credit ${id}`, ...extra }), "grant");
  return id;
}

const open = (page: Page, accountId = OUTDOORS, query = "") => page.goto(`${PAGE}?aadvid=${accountId}${query}`);
const panel = (page: Page, name: "Available" | "Earning" | "Expired") => page.getByRole("tabpanel", { name });
const creditRow = (page: Page, creditId: string) => panel(page, "Available").getByRole("row").filter({ hasText: creditId });
const dialog = (page: Page, name: string) => page.getByRole("dialog", { name });
const bodyRows = (scope: Locator) => scope.getByRole("row").filter({ has: scope.page().getByRole("cell") });

async function redeem(page: Page, code: string) {
  await page.getByRole("button", { name: "Redeem coupon" }).click();
  const d = dialog(page, "Redeem coupon");
  await d.getByLabel("Promotional code").fill(code);
  await d.getByRole("button", { name: "Activate" }).click();
  return d;
}

function assignmentRows(creditId: string) {
  return {
    assigned: db().select().from(assignments).where(eq(assignments.creditId, creditId)).all(),
    log: db().select().from(assignmentLog).where(eq(assignmentLog.creditId, creditId)).orderBy(asc(assignmentLog.id)).all(),
  };
}

test.describe("redeeming a code (R7)", () => {
  test("a ladder code starts a promotion under Earning; a coupon adds credit under Available", async ({ page }) => {
    const p = `promo_e2e_${uid()}`;
    const name = `E2E ladder ${p}`;
    must(await engine.createPromotion(db(), now(), { id: p, name, kind: "ladder", tiers: [{ spend: 100_000, reward: 10_000 }, { spend: 400_000, reward: 50_000 }], exclusive: false, eligibility: {} }), "promotion");
    const ladderCode = `LAD-${uid()}`.toUpperCase();
    must(await engine.issueCode(db(), now(), { code: ladderCode, promotionId: p }), "code");
    const c = `promo_e2e_${uid()}`;
    must(await engine.createPromotion(db(), now(), { id: c, name: `E2E coupon ${c}`, kind: "coupon", amount: 4_200, exclusive: false, eligibility: {} }), "coupon");
    const couponCode = `CPN-${uid()}`.toUpperCase();
    must(await engine.issueCode(db(), now(), { code: couponCode, promotionId: c }), "code");

    await signIn(page, "admin@example.com");
    await open(page);
    // Marks this page load: a full reload in place of the move to Earning would lose the marker.
    await page.evaluate(() => Object.assign(window, { __sameLoad: true }));
    const d = await redeem(page, ladderCode.toLowerCase());
    await expect(d).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: `${ladderCode} activated` })).toBeVisible();
    expect(await page.evaluate(() => "__sameLoad" in window)).toBe(true);
    await expect(page.getByRole("tab", { name: "Earning" })).toHaveAttribute("aria-selected", "true");
    const row = panel(page, "Earning").getByRole("row").filter({ hasText: name });
    await expect(row).toBeVisible();
    await expect(row.getByText("Earning", { exact: true })).toBeVisible();
    await expect(row.getByRole("progressbar", { name: `Qualifying spend, ${name}` })).toHaveAttribute("aria-valuemax", "100000");
    await expect(row).toContainText("$0.00 of $1,000.00 / $4,000.00");
    const activation = db().select().from(activations).where(and(eq(activations.promotionId, p), eq(activations.accountId, OUTDOORS))).get();
    expect(activation?.status).toBe("earning");
    expect(activation?.id).toMatch(/^act_[0-9a-f]{16}$/);
    await expect(page).toHaveURL(/tab=earning/);

    await redeem(page, couponCode);
    await expect(dialog(page, "Redeem coupon")).toBeHidden();
    await expect(page.getByRole("tab", { name: "Available" })).toHaveAttribute("aria-selected", "true");
    const credit = db().select().from(credits).where(eq(credits.promotionId, c)).get();
    expect(credit?.id).toMatch(/^cr_[0-9a-f]{16}$/);
    const creditRowEl = creditRow(page, credit!.id);
    await expect(creditRowEl).toContainText("$42.00");
    await expect(creditRowEl.getByRole("meter", { name: `Percent spent, E2E coupon ${c}` })).toHaveAttribute("aria-valuenow", "0");
    const couponNotice = page.getByRole("status").filter({ hasText: `${couponCode} redeemed` });
    await expect(couponNotice).toBeVisible();
    // Choosing a tab puts the message away; it does not come back with the tab it was on.
    await page.getByRole("tab", { name: "Earning" }).click();
    await expect(panel(page, "Earning").getByRole("row").filter({ hasText: name })).toBeVisible();
    await page.getByRole("tab", { name: "Available" }).click();
    await expect(creditRowEl).toBeVisible();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("");
  });

  test("the header's coupon card shows a redemption from the action's own refresh, with its API cut off", async ({ page }) => {
    const account = await freshAccount();
    const p = `promo_e2e_${uid()}`;
    const name = `E2E refresh ${p}`;
    must(await engine.createPromotion(db(), now(), { id: p, name, kind: "ladder", tiers: [{ spend: 50_000, reward: 5_000 }], exclusive: false, eligibility: {} }), "promotion");
    const code = `REF-${uid()}`.toUpperCase();
    must(await engine.issueCode(db(), now(), { code, promotionId: p }), "code");
    await signIn(page, "admin@example.com");
    await open(page, account);
    // From here the card's own polling and refetches fail: only the re-rendered page can bring it news.
    await page.route("**/api/coupons**", (route) => route.abort());
    await redeem(page, code);
    await expect(page.getByRole("status").filter({ hasText: `${code} activated` })).toBeVisible();
    await page.getByRole("button", { name: "Coupons", exact: true }).click();
    await expect(page.getByRole("dialog", { name: "Coupons" }).getByText(name)).toBeVisible();
  });

  test("GROW-2026 redeems on a fresh account and shows under Earning", async ({ page }) => {
    const account = await freshAccount();
    await signIn(page, "admin@example.com");
    await open(page, account);
    await redeem(page, "GROW-2026");
    await expect(panel(page, "Earning").getByRole("row").filter({ hasText: "Grow with video" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("tab", { name: "Earning" })).toHaveAttribute("aria-selected", "true");
    await expect(panel(page, "Earning").getByRole("row").filter({ hasText: "GROW-2026" })).toBeVisible();
  });

  test("each R7 failure is explained in its own alert", async ({ page }) => {
    const summer = db().select().from(promoCodes).where(eq(promoCodes.code, "SUMMER24")).get()!;
    const frozen = await freshAccount();
    must(await engine.freeze(db(), now(), { accountId: frozen }), "freeze");
    const noCard = await freshAccount({ paymentMethod: false });
    const cases: { account: string; code: string; message: string }[] = [
      { account: OUTDOORS, code: `NOPE-${uid()}`, message: "We couldn't find that code. Check it and try again." },
      {
        account: OUTDOORS,
        code: "summer 24",
        message: `This code expired on ${formatDate(summer.activationDeadline, "America/New_York")}. Codes must be activated within 14 days of receipt.`,
      },
      { account: OUTDOORS, code: "HOLIDAY-LADDER", message: "This ad account has already redeemed this code." },
      { account: OUTDOORS, code: "FIRST-100", message: "This code has been redeemed the maximum number of times" },
      { account: frozen, code: "WELCOME-50", message: "This ad account is frozen, so it can't redeem codes." },
      { account: "acc_studio", code: "STARTER-100", message: "This ad account isn't eligible for this promotion. It is only for self-serve ad accounts" },
      { account: noCard, code: "WELCOME-50", message: "Add a payment method to this ad account first." },
      { account: OUTDOORS, code: "EURO-20", message: "This code is for ad accounts that pay in EUR, and this account pays in USD." },
      { account: OUTDOORS, code: "DOUBLE-UP", message: "This ad account already has an exclusive promotion in progress (“Holiday ladder: spend $1,500" },
    ];
    await signIn(page, "admin@example.com");
    for (const c of cases) {
      await open(page, c.account);
      const d = await redeem(page, c.code);
      await expect(d.getByRole("alert").filter({ hasText: c.message })).toBeVisible();
      await expect(d.getByLabel("Promotional code")).toHaveValue(c.code);
    }
    // Nothing was created for the failed redemptions.
    expect(db().select().from(credits).where(eq(credits.accountId, noCard)).all()).toEqual([]);
    expect(db().select().from(adAccounts).where(eq(adAccounts.id, frozen)).get()?.frozen).toBe(true);
  });

  test("an empty code is a field error, not a request to the engine", async ({ page }) => {
    await signIn(page, "admin@example.com");
    await open(page);
    const d = await redeem(page, "   ");
    await expect(d.getByLabel("Promotional code")).toHaveAccessibleDescription("Enter a promotional code.");
  });

  test("analysts see Redeem coupon disabled, with the reason", async ({ page }) => {
    await signIn(page, "analyst@example.com");
    await open(page);
    const button = page.getByRole("button", { name: "Redeem coupon" });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(/Analysts can't redeem codes/);
  });
});

test.describe("assigning credits (R10)", () => {
  test("assign to two campaigns, unassign one; the log and the database agree", async ({ page }) => {
    const creditId = await grantAssignable(OUTDOORS, { restrictions: { adProducts: ["in_feed", "traffic", "video_views"] } });
    await signIn(page, "admin@example.com");
    await open(page);
    await creditRow(page, creditId).getByRole("button", { name: "View/Assign" }).click();
    await expect(page).toHaveURL(new RegExp(`assign=${creditId}`));
    const d = dialog(page, "View/Assign credit");
    await expect(d).toContainText("Not assigned to any campaign yet");
    await d.getByRole("button", { name: "Assign campaign" }).click();
    await expect(d.getByText("0 / 30")).toBeVisible();
    // Ineligible campaigns are listed, disabled, with the reason.
    await expect(d.getByRole("checkbox", { name: "Winter Launch — TopView" })).toBeDisabled();
    await expect(d.getByRole("checkbox", { name: "Winter Launch — TopView" })).toHaveAccessibleDescription(/only active or scheduled campaigns/);
    await expect(d.getByRole("checkbox", { name: "Gift Guide — Conversions" })).toHaveAccessibleDescription(/Conversions isn't one of this credit's ad products/);
    await d.getByRole("checkbox", { name: "Autumn Sale — In-Feed" }).check();
    await expect(d.getByText("1 / 30")).toBeVisible();
    await d.getByRole("checkbox", { name: "Trail Shoes — Traffic" }).check();
    await expect(d.getByText("2 / 30")).toBeVisible();
    await d.getByRole("button", { name: "Confirm" }).click();
    await expect(d.getByRole("status").filter({ hasText: "Assigned to" })).toBeVisible();
    await expect(d.getByRole("button", { name: "Remove Autumn Sale — In-Feed" })).toBeVisible();
    await expect(d.getByRole("button", { name: "Remove Trail Shoes — Traffic" })).toBeVisible();
    let rows = assignmentRows(creditId);
    expect(rows.assigned.map((a) => a.campaignId).sort()).toEqual(["cmp_autumn", "cmp_trail"]);
    expect(rows.log.map((l) => [l.action, l.actorRole, l.actorUserId])).toEqual([
      ["assign", "admin", "usr_admin"],
      ["assign", "admin", "usr_admin"],
    ]);
    await d.getByRole("button", { name: "Close" }).last().click();
    await expect(d).toBeHidden();
    await expect(page).not.toHaveURL(/assign=/);

    await creditRow(page, creditId).getByRole("button", { name: "Assignment log" }).click();
    const log = dialog(page, "Assignment log");
    await expect(bodyRows(log)).toHaveCount(2);
    await expect(bodyRows(log).first().getByRole("cell").last()).toHaveText("Avery Admin, Admin");
    await page.keyboard.press("Escape");
    await expect(log).toBeHidden();
    await expect(creditRow(page, creditId).getByRole("button", { name: "Assignment log" })).toBeFocused();

    await creditRow(page, creditId).getByRole("button", { name: "View/Assign" }).click();
    await d.getByRole("button", { name: "Remove Trail Shoes — Traffic" }).click();
    await expect(d.getByRole("status").filter({ hasText: "Removed Trail Shoes — Traffic." })).toBeVisible();
    await expect(d.getByRole("button", { name: "Remove Trail Shoes — Traffic" })).toHaveCount(0);
    await expect(d.getByText("1 / 30")).toBeVisible();
    await page.keyboard.press("Escape");

    await creditRow(page, creditId).getByRole("button", { name: "Assignment log" }).click();
    await expect(bodyRows(log)).toHaveCount(3);
    await expect(bodyRows(log).first()).toContainText("Unassigned");
    await expect(bodyRows(log).first()).toContainText("Trail Shoes — Traffic");
    rows = assignmentRows(creditId);
    expect(rows.assigned.map((a) => a.campaignId)).toEqual(["cmp_autumn"]);
    expect(rows.log.map((l) => [l.action, l.campaignId])).toEqual([
      ["assign", "cmp_autumn"],
      ["assign", "cmp_trail"],
      ["unassign", "cmp_trail"],
    ]);
  });

  test("a credit issued before August 2024 takes at most 10 campaigns", async ({ page }) => {
    const account = await freshAccount();
    for (let i = 1; i <= 11; i++)
      must(await engine.createCampaign(db(), now(), { id: `cmp_${account}_${i}`, accountId: account, name: `Campaign ${String(i).padStart(2, "0")}`, adProduct: "in_feed" }), "campaign");
    const creditId = await grantAssignable(account, { issuedAt: Date.UTC(2024, 5, 1), validDays: 1500 });
    await signIn(page, "admin@example.com");
    await open(page, account, `&assign=${creditId}`);
    const d = dialog(page, "View/Assign credit");
    await d.getByRole("button", { name: "Assign campaign" }).click();
    for (let i = 1; i <= 11; i++) await d.getByRole("checkbox", { name: `Campaign ${String(i).padStart(2, "0")}` }).check();
    await expect(d.getByText("11 / 10")).toBeVisible();
    await d.getByRole("button", { name: "Confirm" }).click();
    await expect(d.getByRole("alert").filter({ hasText: "This credit can be assigned to at most 10 campaigns, and this would make 11." })).toBeVisible();
    expect(assignmentRows(creditId)).toEqual({ assigned: [], log: [] });
  });

  test("operators see View/Assign disabled with the reason, and the server refuses the assign action", async ({ page }) => {
    const creditId = await grantAssignable(OUTDOORS);
    // React ignores clicks on a button whose props say disabled, even with the attribute removed, so the
    // operator's request is the admin's own request replayed with the operator's session.
    await signIn(page, "admin@example.com");
    await open(page, OUTDOORS, `&assign=${creditId}`);
    let recorded: { headers: Record<string, string>; body: string } | undefined;
    await page.route(`**${PAGE}**`, async (route) => {
      const request = route.request();
      if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
      const body = request.postData() ?? "";
      recorded = { headers: request.headers(), body };
      // Let the admin's own attempt change nothing: it names a credit that doesn't exist.
      return route.continue({ postData: body.replaceAll(creditId, "cr_missing") });
    });
    const admin = dialog(page, "View/Assign credit");
    await admin.getByRole("button", { name: "Assign campaign" }).click();
    await admin.getByRole("checkbox", { name: "Autumn Sale — In-Feed" }).check();
    await admin.getByRole("button", { name: "Confirm" }).click();
    await expect(admin.getByRole("alert").filter({ hasText: "couldn't find" })).toBeVisible();
    expect(recorded?.body).toContain(creditId);
    await page.unrouteAll();

    await page.context().clearCookies();
    await signIn(page, "operator@example.com");
    await open(page);
    const button = creditRow(page, creditId).getByRole("button", { name: "View/Assign" });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(/Only ad-account admins can assign credits/);
    // A deep link still shows the credit, read only, with the reason.
    await open(page, OUTDOORS, "&assign=cr_legacy");
    const d = dialog(page, "View/Assign credit");
    await expect(d.getByRole("button", { name: "Assign campaign" })).toBeDisabled();
    await expect(d.getByRole("button", { name: "Assign campaign" })).toHaveAccessibleDescription(/Only ad-account admins can assign credits/);
    await expect(d.getByRole("button", { name: "Remove Gift Guide — Conversions" })).toBeDisabled();

    const { headers, body } = recorded!;
    const response = await page.request.post(`${PAGE}?aadvid=${OUTDOORS}&assign=${creditId}`, {
      headers: Object.fromEntries(
        ["next-action", "next-router-state-tree", "content-type", "accept", "origin"].flatMap((h) => (headers[h] ? [[h, headers[h]]] : [])),
      ),
      data: body,
    });
    expect(response.ok()).toBe(true);
    expect(await response.text()).toContain('"error":"forbidden"');
    expect(assignmentRows(creditId)).toEqual({ assigned: [], log: [] });
  });

  test("an admin can't reach another account's credit by editing the action's input", async ({ page }) => {
    const foreign = await freshAccount({}, null);
    must(await engine.createCampaign(db(), now(), { id: `cmp_${foreign}`, accountId: foreign, name: "Foreign campaign", adProduct: "in_feed" }), "campaign");
    const foreignCredit = await grantAssignable(foreign);
    const own = await grantAssignable(OUTDOORS);
    await signIn(page, "admin@example.com");
    await open(page, OUTDOORS, `&assign=${own}`);

    // Rewrite the server action's request body on its way out: same session, someone else's ids.
    let rewrites = 0;
    let swap: [string, string][] = [
      [own, foreignCredit],
      ["cmp_autumn", `cmp_${foreign}`],
    ];
    await page.route(`**${PAGE}**`, async (route) => {
      const request = route.request();
      if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
      let body = request.postData() ?? "";
      for (const [from, to] of swap) body = body.replaceAll(from, to);
      rewrites++;
      return route.continue({ postData: body });
    });

    const d = dialog(page, "View/Assign credit");
    await d.getByRole("button", { name: "Assign campaign" }).click();
    await d.getByRole("checkbox", { name: "Autumn Sale — In-Feed" }).check();
    await d.getByRole("button", { name: "Confirm" }).click();
    await expect(d.getByRole("alert").filter({ hasText: "We couldn't find that credit or campaign on this ad account." })).toBeVisible();
    expect(rewrites).toBe(1);

    // Naming the other account itself is refused too: the user is not a member.
    swap = [[OUTDOORS, foreign], ...swap];
    await d.getByRole("button", { name: "Confirm" }).click();
    await expect(d.getByRole("alert").filter({ hasText: "That ad account does not exist." })).toBeVisible();
    expect(rewrites).toBe(2);

    expect(assignmentRows(foreignCredit)).toEqual({ assigned: [], log: [] });
    expect(assignmentRows(own)).toEqual({ assigned: [], log: [] });
  });

  test("a deep link opens View/Assign; Escape closes it and clears the URL", async ({ page }) => {
    await signIn(page, "admin@example.com");
    await open(page, OUTDOORS, "&assign=cr_legacy");
    const d = dialog(page, "View/Assign credit");
    await expect(d).toBeVisible();
    await expect(d).toContainText("Partner campaign credit");
    await expect(d.getByRole("button", { name: "Remove Gift Guide — Conversions" })).toBeVisible();
    await expect(d.getByText("2 / 30")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(d).toBeHidden();
    await expect(page).not.toHaveURL(/assign=/);
  });

  test("an exhausted credit's log is under Expired", async ({ page }) => {
    await signIn(page, "analyst@example.com");
    await open(page, OUTDOORS, "&tab=expired");
    const row = panel(page, "Expired").getByRole("row").filter({ hasText: "cr_booster" });
    await expect(row.getByText("Used up")).toBeVisible();
    await row.getByRole("button", { name: "Assignment log" }).click();
    const log = dialog(page, "Assignment log");
    await expect(bodyRows(log)).toHaveCount(4);
    await expect(bodyRows(log).last()).toContainText("Assigned");
  });
});

test("a log row without a user shows the role", async ({ page }) => {
  const creditId = await grantAssignable(OUTDOORS);
  must(await engine.assign(db(), now(), { creditId, campaignIds: ["cmp_brand"], actorRole: "admin" }), "assign");
  await signIn(page, "analyst@example.com");
  await open(page, OUTDOORS, `&log=${creditId}`);
  const row = bodyRows(dialog(page, "Assignment log"));
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").nth(2)).toHaveText("Brand Story — Video Views");
  await expect(row.getByRole("cell").last()).toHaveText("Admin");
});

test.describe("the page", () => {
  test("tabs are ARIA tabs, follow the arrow keys and survive a reload", async ({ page }) => {
    await signIn(page, "admin@example.com");
    await open(page);
    const available = page.getByRole("tab", { name: "Available" });
    await expect(available).toHaveAttribute("aria-selected", "true");
    await expect(panel(page, "Available").getByRole("columnheader")).toHaveText([
      "Ad credit",
      "Credit type",
      "Amount",
      "Used amount",
      "Unused amount",
      "Percent spent",
      "Valid dates",
      "Restrictions",
      "Usage requirements",
      "Actions",
    ]);
    // Only the chosen tab's panel is rendered (the others are not in the page to hydrate).
    await expect(page.locator("[role=tabpanel]")).toHaveCount(1);
    await expect(creditRow(page, "cr_save5")).toContainText("5% off, up to $150.00");
    await expect(creditRow(page, "cr_video")).toContainText("Ad products: Video views");
    await available.focus();
    await page.keyboard.press("ArrowRight");
    const earning = page.getByRole("tab", { name: "Earning" });
    await expect(earning).toBeFocused();
    await expect(earning).toHaveAttribute("aria-selected", "true");
    await expect(page).toHaveURL(/tab=earning/);
    // Other tests deliver spend through the engine, so read the live figure rather than the seeded one.
    const holiday = e2eDb().select().from(activations).where(eq(activations.id, "act_holiday")).get()!;
    await expect(panel(page, "Earning").getByRole("row").filter({ hasText: "act_holiday" })).toContainText(
      `${formatMoney(holiday.qualifyingSpend, "USD")} of $1,500.00 ✓ (reached) / $9,000.00`,
    );
    await page.keyboard.press("End");
    await expect(page.getByRole("tab", { name: "Expired" })).toHaveAttribute("aria-selected", "true");
    await page.reload();
    await expect(page.getByRole("tab", { name: "Expired" })).toHaveAttribute("aria-selected", "true");
    await expect(panel(page, "Expired").getByRole("row").filter({ hasText: "act_summer" }).getByText("Expired")).toBeVisible();
    await expect(panel(page, "Expired").getByRole("row").filter({ hasText: "cr_goodwill" }).getByText("Revoked")).toBeVisible();
  });

  test("an account the user isn't a member of is a 404", async ({ page }) => {
    const foreign = await freshAccount({}, null);
    await signIn(page, "operator@example.com");
    // proxy.ts answers before the page streams, so the status is a real 404.
    const response = await page.goto(`/tools/payments/promotions?aadvid=${foreign}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText(foreign)).toHaveCount(0);
    await open(page, "acc_studio");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });

  test("axe finds no serious or critical violations on the page or its dialogs", async ({ page }) => {
    await signIn(page, "admin@example.com");
    for (const tab of ["available", "earning", "expired"]) {
      await open(page, OUTDOORS, `&tab=${tab}`);
      await expect(page.getByRole("tab", { selected: true })).toBeVisible();
      expect(await seriousViolations(page), `tab ${tab}`).toEqual([]);
    }
    await open(page);
    const redeemDialog = await redeem(page, `NOPE-${uid()}`);
    await expect(redeemDialog.getByRole("alert").filter({ hasText: "couldn't find" })).toBeVisible();
    expect(await seriousViolations(page, "dialog[open]"), "redeem dialog").toEqual([]);

    await open(page, OUTDOORS, "&assign=cr_legacy");
    const d = dialog(page, "View/Assign credit");
    await d.getByRole("button", { name: "Assign campaign" }).click();
    await expect(d.getByRole("group", { name: "Choose campaigns to assign" })).toBeVisible();
    expect(await seriousViolations(page, "dialog[open]"), "View/Assign dialog").toEqual([]);

    await open(page, OUTDOORS, "&log=cr_legacy");
    await expect(bodyRows(dialog(page, "Assignment log"))).toHaveCount(2);
    expect(await seriousViolations(page, "dialog[open]"), "Assignment log dialog").toEqual([]);

    // At 375 px only this page's content: the shell's logo link loses its text below 640 px (reported).
    await page.setViewportSize({ width: 375, height: 812 });
    await open(page, OUTDOORS, "&tab=earning");
    await expect(page.getByRole("tab", { selected: true })).toBeVisible();
    expect(await seriousViolations(page, "main"), "375 px").toEqual([]);
  });
});
