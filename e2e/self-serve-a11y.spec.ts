// Every page and dialog SPEC 6.1 added passes axe-core (no serious or critical findings), and none scrolls
// sideways at 375 px. Screenshots of each at 1440 and 375 px are saved with SCREENSHOTS=1.
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "./test";
import * as engine from "@/lib/credits";
import { accountOf, e2eDb, e2eNow, expectNoSeriousA11yViolations, freshUser, signIn, uid } from "./helpers";

type Screen = { name: string; open: (page: Page) => Promise<void>; fullPage?: boolean };

/** A user with a manual account (card, funds, a campaign, a credit expiring soon) and a frozen one. */
async function world() {
  const owner = freshUser("owner");
  const manual = await accountOf(owner.id, { name: "Trailhead Coffee" });
  engine.must(await engine.linkPaymentMethod(e2eDb(), e2eNow(), { accountId: manual, card: { brand: "visa", last4: "4242", expMonth: 12, expYear: 2029 } }), "card");
  engine.must(await engine.topUp(e2eDb(), e2eNow(), { accountId: manual, amount: 100_000 }), "funds");
  engine.must(await engine.launchCampaign(e2eDb(), e2eNow(), { id: `cmp_e2e_${uid()}`, accountId: manual, name: "Morning Brew — Traffic", adProduct: "traffic", dailyBudget: 4_800 }), "campaign");
  engine.must(await engine.createCampaign(e2eDb(), e2eNow(), { id: `cmp_e2e_${uid()}`, accountId: manual, name: "Holiday Blend — In-Feed", adProduct: "in_feed", status: "paused", dailyBudget: 2_500 }), "campaign");
  engine.must(await engine.grantCredit(e2eDb(), e2eNow(), { id: `cr_e2e_${uid()}`, accountId: manual, name: "Welcome back credit", type: "free", amount: 2_500, validDays: 4 }), "grant");
  const empty = await accountOf(owner.id, { name: "Brand-new Bakery", billing: "automatic" });
  const frozen = await accountOf(owner.id, { name: "Frozen Foods Co", paymentMethod: true });
  engine.must(await engine.freeze(e2eDb(), e2eNow(), { accountId: frozen }), "freeze");
  return { owner, manual, empty, frozen };
}

function screens(w: Awaited<ReturnType<typeof world>>): Screen[] {
  const dialog = (page: Page, name: string) => expect(page.getByRole("dialog", { name })).toBeVisible();
  return [
    { name: "signup", open: async (page) => void (await page.goto("/signup")) },
    {
      name: "signup-errors",
      open: async (page) => {
        await page.goto("/signup");
        await page.getByRole("button", { name: "Create account" }).click();
        await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
      },
    },
    { name: "home-get-started", open: async (page) => void (await page.goto(`/?aadvid=${w.empty}`)) },
    { name: "home-expiring", open: async (page) => void (await page.goto(`/?aadvid=${w.manual}`)) },
    { name: "billing-manual", open: async (page) => void (await page.goto(`/tools/payments/billing?aadvid=${w.manual}`)) },
    { name: "billing-automatic-no-card", open: async (page) => void (await page.goto(`/tools/payments/billing?aadvid=${w.empty}`)) },
    {
      name: "billing-add-card",
      fullPage: false,
      open: async (page) => {
        await page.goto(`/tools/payments/billing?aadvid=${w.empty}`);
        await page.getByRole("button", { name: "Add payment method" }).click();
        await dialog(page, "Add payment method");
        await page.getByLabel("Card number").fill("4242 4242 4242 4241");
        await page.getByRole("button", { name: "Save card" }).click();
        await expect(page.getByLabel("Card number")).toHaveAttribute("aria-invalid", "true");
      },
    },
    { name: "campaigns", open: async (page) => void (await page.goto(`/campaigns?aadvid=${w.manual}`)) },
    {
      name: "campaigns-create",
      fullPage: false,
      open: async (page) => {
        await page.goto(`/campaigns?aadvid=${w.manual}`);
        await page.getByRole("button", { name: "Create campaign" }).click();
        await dialog(page, "Create campaign");
      },
    },
    {
      name: "campaigns-edit-budget",
      fullPage: false,
      open: async (page) => {
        await page.goto(`/campaigns?aadvid=${w.manual}`);
        await page.getByRole("button", { name: "Edit budget Morning Brew — Traffic" }).click();
        await dialog(page, "Edit daily budget");
      },
    },
    { name: "members", open: async (page) => void (await page.goto(`/settings/members?aadvid=${w.manual}`)) },
    { name: "frozen", open: async (page) => void (await page.goto(`/?aadvid=${w.frozen}`)) },
    {
      name: "frozen-appeal",
      fullPage: false,
      open: async (page) => {
        await page.goto(`/?aadvid=${w.frozen}`);
        await page.getByRole("button", { name: "File an appeal" }).click();
        await dialog(page, "File an appeal");
      },
    },
  ];
}

async function ready(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
}

test("every self-serve page and dialog passes axe-core (SPEC 6)", async ({ page }) => {
  test.setTimeout(180_000);
  const w = await world();
  await signIn(page, w.owner.email);
  for (const screen of screens(w)) {
    if (screen.name.startsWith("signup")) await page.context().clearCookies();
    await screen.open(page);
    await ready(page);
    await test.step(screen.name, () => expectNoSeriousA11yViolations(page));
    if (screen.name.startsWith("signup")) await signIn(page, w.owner.email);
  }
});

test.describe("at 375 px wide", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test("no self-serve page scrolls sideways", async ({ page }) => {
    test.setTimeout(180_000);
    const w = await world();
    await signIn(page, w.owner.email);
    for (const screen of screens(w).filter((s) => s.fullPage !== false)) {
      if (screen.name.startsWith("signup")) await page.context().clearCookies();
      await screen.open(page);
      await ready(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), screen.name).toBeLessThanOrEqual(375);
      if (screen.name.startsWith("signup")) await signIn(page, w.owner.email);
    }
  });
});

test.describe("screenshots", () => {
  test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to save screenshots");
  for (const width of [1440, 375]) {
    test(`self-serve screens at ${width} px`, async ({ page }) => {
      test.setTimeout(180_000);
      mkdirSync("screenshots", { recursive: true });
      await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      const w = await world();
      await signIn(page, w.owner.email);
      for (const screen of screens(w)) {
        if (screen.name.startsWith("signup")) await page.context().clearCookies();
        await screen.open(page);
        await ready(page);
        await page.screenshot({ path: `screenshots/${screen.name}-${width}.png`, fullPage: screen.fullPage !== false });
        if (screen.name.startsWith("signup")) await signIn(page, w.owner.email);
      }
    });
  }
});
