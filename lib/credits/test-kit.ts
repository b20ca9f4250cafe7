// Helpers for engine tests: a fresh in-memory database with the clock set, and `must` for steps that
// are set-up rather than the thing under test.
import { openDb, type Db } from "@/db/client";
import { must } from "./errors";
import * as engine from "./index";
export { must } from "./errors";

export const T0 = Date.UTC(2026, 0, 1);

export async function fresh(start = T0) {
  const db: Db = openDb(":memory:");
  must(await engine.initClock(db, start));
  const clock = db.$client.prepare("select now from sandbox_clock where id = 1").pluck();
  /** The engine's clock, read straight from its row so that tests can use it inline. */
  const now = () => clock.get() as number;
  /** A manual-pay USD account with a card, cash and one active in-feed campaign "c1". */
  const account = async (id = "a1", over: Partial<Parameters<typeof engine.createAccount>[2]> = {}, cash = 100_000) => {
    must(await engine.createAccount(db, now(), { id, paymentMethod: true, ...over }));
    if ((over.billing ?? "manual") === "manual" && cash > 0) must(await engine.topUp(db, now(), { accountId: id, amount: cash }));
    return id;
  };
  const campaign = async (id: string, accountId = "a1", adProduct: "in_feed" | "traffic" | "topview" | "video_views" = "in_feed", dailyBudget = 0) =>
    must(await engine.createCampaign(db, now(), { id, accountId, adProduct, dailyBudget }));
  return { db, now, account, campaign, engine };
}
