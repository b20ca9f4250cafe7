// A world for long deliveries, built through the engine on any store (SQLite or PostgreSQL), the same rows
// on each: accounts of every billing method, each with delivering campaigns, credits that expire during the
// run, an auto-activated ladder that completes and pays its reward, and automatic billing across a month
// start (R14). The crash and per-step tests (lib/credits/move-steps-pg.test.ts) deliver it for weeks.
import * as engine from "@/lib/credits";
import { must } from "@/lib/credits/errors";
import type { EngineDb } from "@/lib/credits/tx";

/** Late January 2026: a week and more of delivery crosses February's first day (R14's monthly billing). */
export const WORLD_START = Date.UTC(2026, 0, 25, 0, 30);

export const WORLD_ACCOUNTS = ["w0", "w1", "w2", "w3", "w4", "w5"] as const;
const billings = ["manual", "automatic", "invoice"] as const;

export async function buildDeliveryWorld(db: EngineDb): Promise<void> {
  const t = WORLD_START;
  must(await engine.initClock(db, t));
  must(
    await engine.createPromotion(db, t, {
      id: "ladder",
      kind: "ladder",
      tiers: [
        { spend: 20_000, reward: 5_000 },
        { spend: 60_000, reward: 15_000 },
      ],
      windowDays: 7,
      rewardDelayHours: 12,
      creditValidityDays: 5,
      autoActivate: true,
      exclusive: false,
    }),
  );
  for (const [n, id] of WORLD_ACCOUNTS.entries()) {
    const billing = billings[n % 3]!;
    must(
      await engine.createAccount(db, t, {
        id,
        billing,
        paymentMethod: true,
        billingThreshold: 40_000,
        creditLimit: billing === "invoice" ? 400_000 : 0,
      }),
    );
    // The manual accounts run out of cash part-way: their later charges fail and are skipped.
    if (billing === "manual") must(await engine.topUp(db, t, { accountId: id, amount: 8_000 + n * 2_000 }));
    for (const k of [0, 1]) {
      const adProduct = (["in_feed", "traffic", "topview"] as const)[k]!;
      must(await engine.createCampaign(db, t, { id: `${id}-c${k}`, accountId: id, adProduct, dailyBudget: 1_000 + 700 * n + 1_300 * k }));
    }
    must(await engine.grantCredit(db, t, { id: `${id}-free`, accountId: id, type: "free", amount: 9_000, validDays: 3 + n }));
    must(await engine.grantCredit(db, t, { id: `${id}-disc`, accountId: id, type: "discount", amount: 4_000, percent: 10, validDays: 10 }));
  }
}
