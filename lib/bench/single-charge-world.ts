// The world `npm run bench` (and bench:instructions) charges in, written against the engine's public
// operations only: lib/cli/bench-instructions.ts copies this file into older checkouts to count their engine.
import { openDb, type Db } from "@/db/client";
import * as engine from "@/lib/credits";

export const T0 = Date.UTC(2026, 0, 1);

/** One account, one campaign, a discount and two credits to spend, on a fresh in-memory database. */
export async function singleChargeWorld(): Promise<Db> {
  const db = openDb(":memory:");
  await engine.initClock(db, T0);
  await engine.createAccount(db, T0, { id: "a1", paymentMethod: true });
  await engine.topUp(db, T0, { accountId: "a1", amount: 1_000_000_000 });
  await engine.createCampaign(db, T0, { id: "c1", accountId: "a1", adProduct: "in_feed" });
  await engine.grantCredit(db, T0, { id: "d", accountId: "a1", type: "discount", percent: 5, amount: 100_000_000 });
  await engine.grantCredit(db, T0, { id: "g", accountId: "a1", type: "free", amount: 100_000_000 });
  await engine.grantCredit(db, T0, { id: "k", accountId: "a1", type: "conditional", amount: 100_000_000, requirement: { minCashBalance: 1 } });
  return db;
}
