import { openDb } from "@/db/client";
import * as engine from "@/lib/credits";
const T0 = Date.UTC(2026, 0, 1);
const N = Number(process.env.N || 40000);
async function main() {
  const db = openDb(":memory:");
  await engine.initClock(db, T0);
  await engine.createAccount(db, T0, { id: "a1", paymentMethod: true });
  await engine.topUp(db, T0, { accountId: "a1", amount: 1_000_000_000 });
  await engine.createCampaign(db, T0, { id: "c1", accountId: "a1", adProduct: "in_feed" });
  await engine.grantCredit(db, T0, { id: "d", accountId: "a1", type: "discount", percent: 5, amount: 100_000_000 });
  await engine.grantCredit(db, T0, { id: "g", accountId: "a1", type: "free", amount: 100_000_000 });
  await engine.grantCredit(db, T0, { id: "k", accountId: "a1", type: "conditional", amount: 100_000_000, requirement: { minCashBalance: 1 } } as never);
  for (let r = 0; r < 3; r++) {
    let s = performance.now();
    for (let i = 0; i < N; i++) await engine.charge(db, T0 + i, { id: `x${r}_${i}`, campaignId: "c1", amount: 1_000 });
    const a = performance.now() - s;
    s = performance.now();
    for (let i = 0; i < N; i++) await engine.charge(db, T0 + i, { id: `x${r}_${i}`, campaignId: "c1", amount: 1_000 });
    const b = performance.now() - s;
    console.log(`charge ${((a * 1000) / N).toFixed(1)} us, replay ${((b * 1000) / N).toFixed(1)} us`);
  }
}
main();
