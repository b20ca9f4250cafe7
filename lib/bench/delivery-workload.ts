// The engine's reference workload (issue 10): hourly delivery of 50 campaigns for 720 hours on one ad
// account holding 50 active credits of every type — a discount, assignable credits assigned to some
// campaigns, free credits restricted to one of three ad products (so the other half of the campaigns pays
// cash), some expiring mid-run, conditional credits whose cash requirement stops holding as cash is spent —
// and an earning ladder, so every step of R2 and R4 runs and the reward is issued along the way.
import { openDb, type Db } from "@/db/client";
import { adProducts } from "@/db/schema";
import * as engine from "@/lib/credits";

export const WORKLOAD = { campaigns: 50, hours: 720, credits: 50 } as const;
export const WORKLOAD_START = Date.UTC(2026, 0, 1);

function must<T extends object>(r: engine.Result<T>): T {
  if (!r.ok) throw new Error(`workload set-up failed: ${r.error}`);
  return r;
}

/** A fresh in-memory database holding the workload's account, campaigns, credits and ladder. */
export async function deliveryWorld(): Promise<Db> {
  const db = openDb(":memory:");
  const t = WORKLOAD_START;
  must(await engine.initClock(db, t));
  must(await engine.createAccount(db, t, { id: "acc", paymentMethod: true }));
  must(await engine.topUp(db, t, { accountId: "acc", amount: 1_000_000_000 }));
  const campaignIds: string[] = [];
  for (let i = 0; i < WORKLOAD.campaigns; i++) {
    const id = `cmp${String(i).padStart(2, "0")}`;
    campaignIds.push(id);
    const adProduct = adProducts[i % adProducts.length]!;
    must(await engine.createCampaign(db, t, { id, accountId: "acc", adProduct, dailyBudget: 5_000 + ((i * 7_919) % 25_000) }));
  }
  must(await engine.createPromotion(db, t, {
    id: "ladder",
    kind: "ladder",
    tiers: [{ spend: 200_000, reward: 20_000 }, { spend: 2_000_000, reward: 100_000 }],
    windowDays: 30,
    eligibility: {},
  }));
  must(await engine.issueCode(db, t, { code: "LADDER", promotionId: "ladder" }));
  must(await engine.redeem(db, t, { accountId: "acc", code: "LADDER", as: "earning" }));

  let n = 0;
  const grant = async (input: Omit<engine.GrantCreditInput, "id" | "accountId">) =>
    must(await engine.grantCredit(db, t, { id: `cr${String(n++).padStart(2, "0")}`, accountId: "acc", ...input }));
  await grant({ type: "discount", percent: 5, amount: 400_000, validDays: 60 });
  for (let i = 0; i < 9; i++) {
    const { creditId } = await grant({ type: "assignable", amount: 300_000 + i * 25_000, validDays: 20 + i * 5 });
    must(await engine.assign(db, t, { creditId, campaignIds: campaignIds.slice(i * 5, i * 5 + 4), actorRole: "admin" }));
  }
  for (let i = 0; i < 30; i++)
    await grant({
      type: "free",
      amount: 400_000 + ((i * 33_331) % 200_000),
      validDays: 5 + i * 2,
      restrictions: { adProducts: [adProducts[i % 3]!] },
    });
  for (let i = 0; i < 10; i++)
    await grant({ type: "conditional", amount: 150_000, validDays: 40, restrictions: { adProducts: ["in_feed"] }, requirement: { minCashBalance: 985_000_000 + i * 1_000_000 } });
  return db;
}

/** Charges made by the workload's delivery (each campaign-hour with a positive share is one charge). */
export function chargeCount(db: Db): number {
  return (db.$client.prepare("select count(*) as n from charges").get() as { n: number }).n;
}
