// Demo data. Users, memberships and names are written directly; everything financial goes through the
// engine, including 60 simulated days of delivery, so the seeded ledger is one the engine itself wrote.
//
//   npm run db:seed            seeds the app's database if it is empty
//   npm run db:seed -- --force  wipes nothing, but seeds even if users exist (fails on duplicate ids)
import { count } from "drizzle-orm";
import { closeDb, getDb, toAppDb, type AppDb } from "./app";
import type { Db } from "./client";
import * as engine from "@/lib/credits";
import { must } from "@/lib/credits";
import { hashPasswordSync } from "@/lib/auth/password";
import { DAY, HOUR } from "@/lib/credits/rules/time";

export const DEMO_PASSWORD = "promotions";
export const SEED_START = Date.UTC(2026, 8, 23); // 2026-09-23T00:00:00Z
export const SEED_DAYS = 60;

export const demo = {
  bc: "bc_northwind",
  manual: "acc_outdoors",
  automatic: "acc_studio",
  users: {
    admin: "usr_admin",
    operator: "usr_operator",
    analyst: "usr_analyst",
    ops: "usr_ops",
  },
} as const;

/** Seeds users and accounts, then drives the engine through SEED_DAYS of history. */
/** On either database: an SQLite connection (tests, CLIs) or the app's AppDb (SQLite or PostgreSQL). */
export async function seedDemo(on: Db | AppDb): Promise<{ charges: number; ms: number }> {
  const t0 = performance.now();
  const db = toAppDb(on);
  const { businessCenters, memberships, users } = db.tables;
  const store = db.store;
  const hash = hashPasswordSync(DEMO_PASSWORD);
  const people = [
    { id: demo.users.admin, email: "admin@example.com", name: "Avery Admin", isOps: false },
    { id: demo.users.operator, email: "operator@example.com", name: "Owen Operator", isOps: false },
    { id: demo.users.analyst, email: "analyst@example.com", name: "Ana Analyst", isOps: false },
    { id: demo.users.ops, email: "ops@example.com", name: "Priya Platform", isOps: true },
  ];
  await db.insert(users).values(people.map((p) => ({ ...p, passwordHash: hash, createdAt: SEED_START })));
  await db.insert(businessCenters).values({ id: demo.bc, name: "Northwind Business Center" });

  must(await engine.initClock(store, SEED_START), "seed: clock");
  let now = SEED_START;
  const A = demo.manual;
  const B = demo.automatic;

  // Promotions first, so the new-advertiser offer auto-activates when the account links its card (R8).
  const promos: engine.CreatePromotionInput[] = [
    {
      id: "promo_new_advertiser",
      name: "New advertiser offer: spend $500, get $500",
      kind: "ladder",
      tiers: [{ spend: 50_000, reward: 50_000 }],
      windowDays: 30,
      eligibility: { newAdvertisersOnly: true, selfServeOnly: true, countries: ["US"] },
      restrictions: { adProducts: ["in_feed", "video_views", "traffic", "conversions"] },
      autoActivate: true,
    },
    {
      id: "promo_summer",
      name: "Summer sprint: spend $20,000, get $1,000",
      kind: "ladder",
      tiers: [{ spend: 2_000_000, reward: 100_000 }],
      windowDays: 14,
      exclusive: false,
    },
    {
      id: "promo_holiday",
      name: "Holiday ladder: spend $1,500 get $300, spend $9,000 get $1,500",
      kind: "ladder",
      tiers: [
        { spend: 150_000, reward: 30_000 },
        { spend: 900_000, reward: 150_000 },
      ],
      windowDays: 30,
      restrictions: { adProducts: ["in_feed", "traffic", "video_views"] },
    },
    {
      id: "promo_grow",
      name: "Grow with video: spend $2,000, get $200",
      kind: "ladder",
      tiers: [{ spend: 200_000, reward: 20_000 }],
      windowDays: 21,
      exclusive: false,
    },
    {
      id: "promo_double",
      name: "Double up: spend $3,000, get $600",
      kind: "ladder",
      tiers: [{ spend: 300_000, reward: 60_000 }],
      windowDays: 30,
    },
    {
      id: "promo_assignable",
      name: "Campaign booster coupon",
      kind: "coupon",
      amount: 20_000,
      creditType: "assignable",
      creditValidityDays: 45,
      restrictions: { adProducts: ["in_feed", "traffic", "video_views", "conversions"] },
      exclusive: false,
    },
    {
      id: "promo_keep",
      name: "Loyalty credit (keep $1,000 in balance)",
      kind: "coupon",
      amount: 5_000,
      creditType: "conditional",
      requirement: { minCashBalance: 100_000 },
      exclusive: false,
    },
    // Coupons and discounts are not exclusive, so they combine with an earning ladder (R7 promotion_conflict).
    { id: "promo_discount", name: "5% off delivery, up to $150", kind: "discount", percent: 5, cap: 15_000, exclusive: false },
    { id: "promo_welcome", name: "Welcome credit $50", kind: "coupon", amount: 5_000, eligibility: {}, exclusive: false },
    { id: "promo_first", name: "First 100: $100 credit", kind: "coupon", amount: 10_000, eligibility: {}, exclusive: false },
    { id: "promo_starter", name: "Self-serve starter $100", kind: "coupon", amount: 10_000, exclusive: false },
    { id: "promo_euro", name: "EU launch €20", kind: "coupon", currency: "EUR", amount: 2_000, exclusive: false },
  ];
  for (const p of promos) must(await engine.createPromotion(store, now, p), `seed: promotion ${p.id}`);
  const code = async (c: string, promotionId: string, activationDays = 14, maxRedemptions = 1) =>
    must(await engine.issueCode(store, now, { code: c, promotionId, activationDays, maxRedemptions }), `seed: code ${c}`);
  await code("SUMMER-SPRINT", "promo_summer");
  await code("SUMMER-24", "promo_summer");
  await code("FIRST-100", "promo_first", 90, 1);

  must(
    await engine.createAccount(store, now, {
      id: A,
      name: "Northwind Outdoors",
      businessCenterId: demo.bc,
      billing: "manual",
      kind: "self_serve",
      paymentMethod: true,
      timeZone: "America/New_York",
    }),
    "seed: account A",
  );
  must(
    await engine.createAccount(store, now, {
      id: B,
      name: "Northwind Studio",
      businessCenterId: demo.bc,
      billing: "automatic",
      kind: "bc_managed",
      paymentMethod: true,
      priorPaidHistory: true,
      billingThreshold: 50_000,
      timeZone: "America/Los_Angeles",
    }),
    "seed: account B",
  );
  // The cards Billing shows. Both accounts are already linked, so this only records the card details and
  // starts nothing (R8 runs on the first link, at creation).
  must(await engine.linkPaymentMethod(store, now, { accountId: A, card: { brand: "visa", last4: "4242", expMonth: 8, expYear: 2028 } }), "seed: card A");
  must(await engine.linkPaymentMethod(store, now, { accountId: B, card: { brand: "mastercard", last4: "4444", expMonth: 3, expYear: 2029 } }), "seed: card B");
  await db.insert(memberships).values([
    { userId: demo.users.admin, accountId: A, role: "admin" },
    { userId: demo.users.admin, accountId: B, role: "admin" },
    { userId: demo.users.operator, accountId: A, role: "operator" },
    { userId: demo.users.analyst, accountId: A, role: "analyst" },
  ]);

  const campaign = async (
    id: string,
    accountId: string,
    name: string,
    adProduct: Parameters<typeof engine.createCampaign>[2]["adProduct"],
    status: Parameters<typeof engine.createCampaign>[2]["status"],
    dailyBudget: number,
  ) => must(await engine.createCampaign(store, now, { id, accountId, name, adProduct, status, dailyBudget }), `seed: campaign ${id}`);
  await campaign("cmp_autumn", A, "Autumn Sale — In-Feed", "in_feed", "active", 15_000);
  await campaign("cmp_trail", A, "Trail Shoes — Traffic", "traffic", "active", 8_000);
  await campaign("cmp_brand", A, "Brand Story — Video Views", "video_views", "active", 6_000);
  await campaign("cmp_gift", A, "Gift Guide — Conversions", "conversions", "scheduled", 5_000);
  await campaign("cmp_topview", A, "Winter Launch — TopView", "topview", "paused", 40_000);
  await campaign("cmp_shop", A, "Catalog — Product Sales", "product_sales", "draft", 7_000);
  await campaign("cmp_spring", A, "Spring Archive — In-Feed", "in_feed", "archived", 3_000);
  await campaign("cmp_studio_feed", B, "Studio Reel — In-Feed", "in_feed", "active", 20_000);
  await campaign("cmp_studio_traffic", B, "Studio Site — Traffic", "traffic", "active", 10_000);

  must(await engine.topUp(store, now, { accountId: A, amount: 1_200_000 }), "seed: top-up");
  must(await engine.redeem(store, now, { accountId: B, code: "FIRST-100", as: "cr_first_b" }), "seed: redeem first-100 on B");

  let charges = 0;
  const deliver = async (hours: number) => {
    charges += must(await engine.simulate(store, { hours }), "seed: delivery").charged;
    now = (await engine.clockNow(store))!;
  };
  const admin = { actorRole: "admin" as const, actorUserId: demo.users.admin };
  // What happens on which day of the history, before that day's delivery.
  const plan: Record<number, () => Promise<unknown>> = {
    1: async () => must(await engine.redeem(store, now, { accountId: A, code: "SUMMER-SPRINT", as: "act_summer" }), "seed: redeem summer"),
    12: async () =>
      must(
        await engine.grantCredit(store, now, {
          id: "cr_goodwill",
          accountId: A,
          type: "free",
          amount: 7_500,
          name: "Conversions goodwill credit",
          restrictions: { adProducts: ["conversions"] },
        }),
        "seed: goodwill grant",
      ),
    18: async () => {
      must(await engine.freeze(store, now, { accountId: A }), "seed: freeze");
      must(await engine.appeal(store, now, { accountId: A }), "seed: appeal");
    },
    19: async () => must(await engine.resolveAppeal(store, now, { accountId: A, outcome: "revoke" }), "seed: revoke"),
    22: async () =>
      must(
        await engine.grantCredit(store, now, {
          id: "cr_topview",
          accountId: A,
          type: "free",
          amount: 4_000,
          validDays: 14,
          restrictions: { adProducts: ["topview"] },
          name: "TopView trial credit",
        }),
        "seed: topview grant",
      ),
    30: async () => must(await engine.topUp(store, now, { accountId: A, amount: 1_000_000 }), "seed: top-up 2"),
    38: async () => {
      await code("BOOSTER-200", "promo_assignable");
      must(await engine.redeem(store, now, { accountId: A, code: "booster200", as: "cr_booster" }), "seed: redeem booster");
      must(await engine.assign(store, now, { creditId: "cr_booster", campaignIds: ["cmp_autumn", "cmp_trail", "cmp_brand"], ...admin }), "seed: assign booster");
      await deliver(6);
      must(await engine.unassign(store, now, { creditId: "cr_booster", campaignIds: ["cmp_brand"], ...admin }), "seed: unassign booster");
    },
    40: async () => {
      must(
        await engine.grantCredit(store, now, {
          id: "cr_legacy",
          accountId: A,
          type: "assignable",
          amount: 12_000,
          validDays: 60,
          name: "Partner campaign credit",
          restrictions: { adProducts: ["in_feed", "traffic", "conversions"] },
        }),
        "seed: legacy grant",
      );
      must(await engine.assign(store, now, { creditId: "cr_legacy", campaignIds: ["cmp_gift"], ...admin }), "seed: assign legacy");
    },
    44: async () => {
      await code("KEEP-50", "promo_keep");
      must(await engine.redeem(store, now, { accountId: A, code: "KEEP-50", as: "cr_keep" }), "seed: redeem keep");
    },
    48: async () => {
      await code("HOLIDAY-LADDER", "promo_holiday", 14, 50);
      must(await engine.redeem(store, now, { accountId: A, code: "HOLIDAY-LADDER", as: "act_holiday" }), "seed: redeem holiday");
    },
    50: async () => must(await engine.allocateFromBC(store, now, { id: "cr_bc_studio", accountId: B, amount: 25_000 }), "seed: bc B"),
    54: async () => {
      await code("SAVE-5", "promo_discount");
      must(await engine.redeem(store, now, { accountId: A, code: "SAVE-5", as: "cr_save5" }), "seed: redeem discount");
    },
    55: async () =>
      must(
        await engine.grantCredit(store, now, {
          id: "cr_video",
          accountId: A,
          type: "free",
          amount: 40_000,
          name: "Video creative credit",
          restrictions: { adProducts: ["video_views"] },
        }),
        "seed: video grant",
      ),
    58: async () => {
      await code("WELCOME-50", "promo_welcome", 30, 1000);
      await code("GROW-2026", "promo_grow", 30, 1000);
      await code("STARTER-100", "promo_starter", 30, 1000);
      await code("DOUBLE-UP", "promo_double", 30, 1000);
      await code("EURO-20", "promo_euro", 30, 1000);
    },
    59: async () => {
      must(await engine.allocateFromBC(store, now, { id: "cr_bc_outdoors", accountId: A, amount: 50_000 }), "seed: bc A");
      must(await engine.assign(store, now, { creditId: "cr_legacy", campaignIds: ["cmp_trail"], ...admin }), "seed: assign legacy 2");
      must(
        await engine.grantCredit(store, now, {
          id: "cr_fresh",
          accountId: A,
          type: "assignable",
          amount: 25_000,
          validDays: 45,
          name: "Agency partner credit",
        }),
        "seed: fresh grant",
      );
    },
  };

  for (let day = 0; day < SEED_DAYS; day++) {
    await plan[day]?.();
    await deliver((SEED_START + (day + 1) * DAY - now) / HOUR);
  }
  return { charges, ms: performance.now() - t0 };
}

export async function isEmpty(db: AppDb): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(db.tables.users);
  return (row?.n ?? 0) === 0;
}

if (process.argv[1] && /seed\.ts$/.test(process.argv[1])) {
  const db = getDb();
  void (async () => {
    if (!(await isEmpty(db)) && !process.argv.includes("--force")) {
      console.log("The database already has data; nothing seeded.");
    } else {
      const { charges, ms } = await seedDemo(db);
      console.log(`Seeded demo data: ${charges} charges over ${SEED_DAYS} days in ${(ms / 1000).toFixed(1)} s.`);
    }
    await closeDb(db);
  })();
}
