// SPEC 6.1 beyond the happy path: a used email at sign-up, field errors beside their fields, analysts
// refused by the server, the last admin kept, a frozen account's appeal reaching ops (R12), Expiring soon,
// card removal on automatic billing, and budget edits. Each test makes its own users and accounts.
import { expect, test, type Page } from "./test";
import { and, count, eq } from "drizzle-orm";
import { adAccounts, appeals, campaigns, membershipLog, memberships, users } from "@/db/schema";
import * as engine from "@/lib/credits";
import { DAY } from "@/lib/credits/rules/time";
import { accountOf, e2eDb, e2eNow, freshUser, openCoupons, signIn, uid } from "./helpers";

/** Alerts with something to say (Next's route announcer is an empty alert on every page). */
const alerts = (page: Page) => page.getByRole("alert").filter({ hasText: /\S/ });
const frozenAlert = (page: Page) => page.getByRole("alert").filter({ hasText: "This ad account is frozen. Ad credits are on hold." });

test.describe("sign up", () => {
  test("an email already in use gets an alert and creates nothing; what was typed stays (SPEC 6.1)", async ({ page }) => {
    const usersBefore = e2eDb().select({ n: count() }).from(users).get()!.n;
    await page.goto("/signup");
    await page.getByLabel("Email").fill("Admin@Example.com");
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByLabel("Business name").fill("Second Northwind");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(alerts(page)).toHaveText("An account with this email already exists. Sign in instead, or use another email address.");
    await expect(page.getByLabel("Business name")).toHaveValue("Second Northwind");
    await expect(page).toHaveURL(/\/signup$/);
    expect(e2eDb().select({ n: count() }).from(users).get()!.n).toBe(usersBefore);
    expect(e2eDb().select().from(adAccounts).where(eq(adAccounts.name, "Second Northwind")).all()).toEqual([]);
  });

  test("each field's error sits next to it, tied by aria-describedby; no alert for field errors", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter your email address.");
    await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/^Use at least 10 characters\./);
    await expect(page.getByLabel("Business name")).toHaveAccessibleDescription("Enter your business name (at least 2 characters).");
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(alerts(page)).toHaveCount(0);
  });

  test("the time zone and currency follow the country until chosen by hand", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("Country").selectOption({ label: "Japan" });
    await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Tokyo");
    await expect(page.getByLabel("Currency")).toHaveValue("JPY");
    await page.getByLabel("Time zone").selectOption("Asia/Seoul");
    await page.getByLabel("Country").selectOption({ label: "United Kingdom" });
    await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Seoul");
    await expect(page.getByLabel("Currency")).toHaveValue("GBP");
  });

  test("sign-up is reachable signed out and sends a signed-in visitor home", async ({ page }) => {
    expect((await page.goto("/signup"))?.status()).toBe(200);
    await expect(page.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/login");
    await signIn(page, "analyst@example.com");
    await page.goto("/signup");
    await expect(page.getByRole("heading", { name: "Home", level: 1 })).toBeVisible();
  });
});

/** Records the next server-action request the page sends, letting `rewrite` change its body on the way. */
async function recordAction(page: Page, rewrite: (body: string) => string = (b) => b) {
  const recorded: { headers: Record<string, string>; body: string }[] = [];
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    const body = request.postData() ?? "";
    recorded.push({ headers: request.headers(), body });
    return route.continue({ postData: rewrite(body) });
  });
  return recorded;
}

function replay(page: Page, url: string, { headers, body }: { headers: Record<string, string>; body: string }) {
  return page.request.post(url, {
    headers: Object.fromEntries(
      ["next-action", "next-router-state-tree", "content-type", "accept", "origin"].flatMap((h) => (headers[h] ? [[h, headers[h]]] : [])),
    ),
    data: body,
  });
}

test("analysts can't create or pause campaigns: the buttons are off, and the server refuses the actions themselves (SPEC 6.1)", async ({ page }) => {
  const name = `Analyst attempt ${uid()}`;
  const url = "/campaigns?aadvid=acc_outdoors";
  // The admin's own requests are made to change nothing: a budget under the minimum, an unknown campaign.
  await signIn(page, "admin@example.com");
  await page.goto(url);
  const recorded = await recordAction(page, (body) => body.replaceAll("cmp_trail", "cmp_missing"));
  await page.getByRole("button", { name: "Create campaign" }).click();
  const d = page.getByRole("dialog", { name: "Create campaign" });
  await d.getByLabel("Campaign name").fill(name);
  await d.getByLabel("Daily budget").fill("1");
  await d.getByRole("button", { name: "Create" }).click();
  await expect(d.getByLabel("Daily budget")).toHaveAccessibleDescription(/must be at least/);
  await d.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Pause Trail Shoes — Traffic" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "We couldn't find that campaign on this ad account." })).toBeVisible();
  await page.unrouteAll();
  expect(recorded).toHaveLength(2);
  const [create, pause] = recorded as [(typeof recorded)[number], (typeof recorded)[number]];
  expect(create.body).toContain(name);
  expect(pause.body).toContain("cmp_trail");

  await page.context().clearCookies();
  await signIn(page, "analyst@example.com");
  await page.goto(url);
  await expect(page.getByRole("button", { name: "Create campaign" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Create campaign" })).toHaveAccessibleDescription(/Analysts can view campaigns/);
  await expect(page.getByRole("button", { name: /^Pause / })).toHaveCount(0);

  const createResponse = await replay(page, url, { ...create, body: create.body.replace('"dailyBudget":"1"', '"dailyBudget":"50"') });
  expect(await createResponse.text()).toContain('"error":"forbidden"');
  const pauseResponse = await replay(page, url, pause);
  expect(await pauseResponse.text()).toContain('"error":"forbidden"');
  expect(e2eDb().select().from(campaigns).where(eq(campaigns.name, name)).all()).toEqual([]);
  expect(e2eDb().select().from(campaigns).where(eq(campaigns.id, "cmp_trail")).get()?.status).toBe("active");
});

test("the last admin can be neither removed nor demoted; adding and removing members is logged (SPEC 6.1)", async ({ page }) => {
  const owner = freshUser("owner");
  const account = await accountOf(owner.id);
  const roleOf = (userId: string) =>
    e2eDb().select().from(memberships).where(and(eq(memberships.accountId, account), eq(memberships.userId, userId))).get()?.role ?? null;
  await signIn(page, owner.email);
  await page.goto(`/settings/members?aadvid=${account}`);
  await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: `Remove ${owner.email}` }).click();
  await expect(alerts(page)).toHaveText("An ad account needs at least one admin. Make someone else an admin first.");
  await page.getByLabel(`Role for ${owner.email}`, { exact: true }).selectOption("operator");
  await page.getByRole("button", { name: `Save role for ${owner.email}` }).click();
  await expect(alerts(page)).toHaveText("An ad account needs at least one admin. Make someone else an admin first.");
  await expect(page.getByLabel(`Role for ${owner.email}`, { exact: true })).toHaveValue("admin");
  expect(roleOf(owner.id)).toBe("admin");

  const mate = freshUser("mate");
  await page.getByLabel("Email", { exact: true }).fill("nobody.here@example.com");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "No one has signed up with that email yet." })).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(mate.email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Operator" });
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Added ${mate.email}.` })).toBeVisible();
  expect(roleOf(mate.id)).toBe("operator");
  await page.getByRole("button", { name: `Remove ${mate.email}` }).click();
  await expect(page.getByRole("button", { name: `Remove ${mate.email}` })).toHaveCount(0);
  expect(roleOf(mate.id)).toBeNull();

  const log = e2eDb().select().from(membershipLog).where(eq(membershipLog.accountId, account)).orderBy(membershipLog.id).all();
  expect(log.map(({ actorUserId, userId, action, role, previousRole }) => ({ actorUserId, userId, action, role, previousRole }))).toEqual([
    { actorUserId: owner.id, userId: mate.id, action: "add", role: "operator", previousRole: null },
    { actorUserId: owner.id, userId: mate.id, action: "remove", role: null, previousRole: "operator" },
  ]);
  const changes = page.getByRole("region", { name: "Member changes" });
  await expect(changes.getByRole("listitem").first()).toContainText(`Removed ${mate.email} (Operator)`);
  await expect(changes.getByRole("listitem").nth(1)).toContainText(`Added ${mate.email} as Operator`);
  await expect(changes.getByRole("listitem").first()).toContainText(`by Owner ${owner.id.slice(-4)} (${owner.email})`);
});

test("members are an admin's business: others see why, and the server refuses their add (SPEC 6.1)", async ({ page }) => {
  const owner = freshUser("owner");
  const account = await accountOf(owner.id);
  const viewer = freshUser("viewer");
  e2eDb().insert(memberships).values({ userId: viewer.id, accountId: account, role: "operator" }).run();
  const outsider = freshUser("outsider");
  const url = `/settings/members?aadvid=${account}`;

  await signIn(page, owner.email);
  await page.goto(url);
  const recorded = await recordAction(page, (body) => body.replace(outsider.email, "nobody.at.all@example.com"));
  await page.getByLabel("Email", { exact: true }).fill(outsider.email);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "No one has signed up with that email yet." })).toBeVisible();
  await page.unrouteAll();

  await page.context().clearCookies();
  await signIn(page, viewer.email);
  await page.goto(url);
  await expect(page.getByText("Only ad-account admins can see and manage members")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Members" })).toHaveCount(0);
  const response = await replay(page, url, recorded[0]!);
  expect(await response.text()).toContain('"error":"forbidden"');
  expect(e2eDb().select().from(memberships).where(eq(memberships.userId, outsider.id)).all()).toEqual([]);
});

test("a frozen account says so on every page; its appeal reaches the ops queue with the reason, and reinstating lifts it (R12)", async ({ page, browser }) => {
  const owner = freshUser("owner");
  const account = await accountOf(owner.id, { paymentMethod: true });
  const accountName = e2eDb().select().from(adAccounts).where(eq(adAccounts.id, account)).get()!.name;
  engine.must(await engine.freeze(e2eDb(), e2eNow(), { accountId: account }), "freeze");
  const reason = `We replaced the flagged creative on ${uid()} and verified our business documents.`;

  await signIn(page, owner.email);
  for (const path of ["/", "/campaigns", "/tools/payments/promotions", "/tools/payments/transactions", "/tools/payments/billing", "/settings/members"]) {
    await page.goto(`${path}?aadvid=${account}`);
    await expect(frozenAlert(page), path).toBeVisible();
  }
  await frozenAlert(page).getByRole("button", { name: "File an appeal" }).click();
  const d = page.getByRole("dialog", { name: "File an appeal" });
  await d.getByLabel("Reason").fill("pls");
  await d.getByRole("button", { name: "Submit appeal" }).click();
  await expect(d.getByLabel("Reason")).toHaveAccessibleDescription(/at least 10 characters/);
  expect(e2eDb().select().from(appeals).where(eq(appeals.accountId, account)).all()).toEqual([]);
  await d.getByLabel("Reason").fill(reason);
  await d.getByRole("button", { name: "Submit appeal" }).click();
  await expect(d).toBeHidden();
  await expect(frozenAlert(page)).toContainText("Appeal pending: filed");
  await expect(page.getByRole("button", { name: "File an appeal" })).toHaveCount(0);
  expect(e2eDb().select().from(appeals).where(eq(appeals.accountId, account)).all()).toMatchObject([{ status: "pending", reason }]);

  const ops = await browser.newPage();
  await signIn(ops, "ops@example.com");
  const queue = ops.getByRole("region", { name: /Appeals/ });
  await expect(queue.getByRole("listitem").filter({ hasText: accountName })).toContainText(reason);
  await queue.getByRole("button", { name: `Reinstate ${accountName}` }).click();
  await expect(queue.getByRole("button", { name: `Reinstate ${accountName}` })).toHaveCount(0);
  await ops.close();

  expect(e2eDb().select().from(adAccounts).where(eq(adAccounts.id, account)).get()?.frozen).toBe(false);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
  await expect(frozenAlert(page)).toHaveCount(0);
});

test("credits with unused value expiring within 7 days are marked in Available and the coupon card; Home says how much and when (SPEC 6.1)", async ({ page }) => {
  const owner = freshUser("owner");
  const account = await accountOf(owner.id, { paymentMethod: true });
  const grant = async (id: string, name: string, type: "free" | "assignable", amount: number, validDays: number) =>
    engine.must(await engine.grantCredit(e2eDb(), e2eNow(), { id: `${id}_${account}`, accountId: account, name, type, amount, validDays }), "grant");
  await grant("soon", "Soon free credit", "free", 2_500, 3);
  await grant("soon_assign", "Soon assignable credit", "assignable", 4_000, 6);
  await grant("later", "Later credit", "free", 10_000, 30);
  await signIn(page, owner.email);

  await page.goto(`/tools/payments/promotions?aadvid=${account}`);
  const available = page.getByRole("tabpanel", { name: "Available" });
  const row = (name: string) => available.getByRole("row").filter({ hasText: name });
  await expect(row("Soon free credit").getByText("Expiring soon")).toBeVisible();
  await expect(row("Soon assignable credit").getByText("Expiring soon")).toBeVisible();
  await expect(row("Later credit")).toBeVisible();
  await expect(row("Later credit").getByText("Expiring soon")).toHaveCount(0);

  await openCoupons(page);
  const card = page.getByRole("dialog", { name: "Coupons" });
  await expect(card.getByRole("listitem").filter({ hasText: "Soon assignable credit" }).getByText("Expiring soon")).toBeVisible();

  await page.goto(`/?aadvid=${account}`);
  const notice = page.getByRole("region", { name: "Ad credit expiring soon" });
  const first = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "America/New_York" }).format(e2eNow() + 3 * DAY);
  await expect(notice).toContainText(`$65.00 of ad credit expires within 7 days, the first on ${first}`);
  await expect(notice.getByRole("listitem")).toHaveCount(2);
  await expect(notice).not.toContainText("Later credit");
});

test("removing an automatic account's card pauses its campaigns, and resuming then asks for a card (SPEC 6.1)", async ({ page }) => {
  const owner = freshUser("owner");
  const account = await accountOf(owner.id, { billing: "automatic" });
  engine.must(await engine.linkPaymentMethod(e2eDb(), e2eNow(), { accountId: account, card: { brand: "mastercard", last4: "4444", expMonth: 6, expYear: 2030 } }), "card");
  const campaignId = `cmp_e2e_${uid()}`;
  engine.must(await engine.launchCampaign(e2eDb(), e2eNow(), { id: campaignId, accountId: account, name: "Always On", adProduct: "in_feed", dailyBudget: 3_000 }), "campaign");
  await signIn(page, owner.email);

  await page.goto(`/tools/payments/billing?aadvid=${account}`);
  await expect(page.getByText(/Mastercard .*ending 4444/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove" })).toHaveAccessibleDescription(/pauses your active campaigns/);
  await page.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 active campaign was paused" })).toBeVisible();
  await expect(page.getByText("No payment method")).toBeVisible();
  expect(e2eDb().select().from(adAccounts).where(eq(adAccounts.id, account)).get()?.paymentMethod).toBe(false);
  expect(e2eDb().select().from(campaigns).where(eq(campaigns.id, campaignId)).get()?.status).toBe("paused");

  await page.goto(`/campaigns?aadvid=${account}`);
  await expect(page.getByText("Automatic payment needs a card")).toBeVisible();
  await page.getByRole("button", { name: "Resume Always On" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Add a payment method on Billing first" })).toBeVisible();
  expect(e2eDb().select().from(campaigns).where(eq(campaigns.id, campaignId)).get()?.status).toBe("paused");
});

test("Edit budget changes a campaign's daily budget through the engine, within the stated bounds", async ({ page }) => {
  const owner = freshUser("owner");
  const account = await accountOf(owner.id, { paymentMethod: true });
  const campaignId = `cmp_e2e_${uid()}`;
  engine.must(await engine.launchCampaign(e2eDb(), e2eNow(), { id: campaignId, accountId: account, name: "Spring Push", adProduct: "traffic", dailyBudget: 2_500 }), "campaign");
  await signIn(page, owner.email);
  await page.goto(`/campaigns?aadvid=${account}`);
  await page.getByRole("button", { name: "Edit budget Spring Push" }).click();
  const d = page.getByRole("dialog", { name: "Edit daily budget" });
  await expect(d.getByLabel("Daily budget")).toHaveValue("25.00");
  await d.getByLabel("Daily budget").fill("2,000,000");
  await d.getByRole("button", { name: "Save budget" }).click();
  await expect(d.getByLabel("Daily budget")).toHaveAccessibleDescription(/at most \$1,000,000\.00/);
  await d.getByLabel("Daily budget").fill("75.50");
  await d.getByRole("button", { name: "Save budget" }).click();
  await expect(d).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: "Spring Push" })).toContainText("$75.50");
  expect(e2eDb().select().from(campaigns).where(eq(campaigns.id, campaignId)).get()?.dailyBudget).toBe(7_550);
});
