import { describe, expect, it } from "vitest";
import { audit } from "./audit";
import { ledgerDay, rebuildDailyTotals } from "./daily-totals";
import { fresh, must } from "./test-kit";

type Total = { account_id: string; day: string; type: string; campaign_id: string; credit_id: string; count: number; amount: number };

const totals = (kit: Awaited<ReturnType<typeof fresh>>) =>
  kit.db.$client.prepare("select account_id, day, type, campaign_id, credit_id, count, amount from daily_totals order by id").all() as Total[];

/** A New York account with a credit and a campaign, delivering for two days. */
async function newYorkHistory() {
  const kit = await fresh();
  const { db, now, engine } = kit;
  must(await engine.createAccount(db, now(), { id: "ny", paymentMethod: true, timeZone: "America/New_York" }));
  must(await engine.topUp(db, now(), { accountId: "ny", amount: 1_000_000 }));
  must(await engine.createCampaign(db, now(), { id: "c1", accountId: "ny", adProduct: "in_feed", dailyBudget: 2_400 }));
  must(await engine.createCampaign(db, now(), { id: "c2", accountId: "ny", adProduct: "traffic", dailyBudget: 4_800 }));
  must(await engine.grantCredit(db, now(), { id: "g", accountId: "ny", type: "free", amount: 3_000, restrictions: { adProducts: ["in_feed"] } }));
  must(await engine.simulate(db, { hours: 48 }));
  return kit;
}

describe("daily totals of the ledger", () => {
  it("put a row on its day in the account's time zone, not UTC", async () => {
    // 2026-01-01T03:00Z is 22:00 on 31 December in New York (EST, UTC−5); 05:00Z is midnight there.
    expect(ledgerDay(Date.UTC(2026, 0, 1, 3), "America/New_York")).toBe("2025-12-31");
    expect(ledgerDay(Date.UTC(2026, 0, 1, 5), "America/New_York")).toBe("2026-01-01");
    expect(ledgerDay(Date.UTC(2026, 0, 1, 4, 59, 59, 999), "America/New_York")).toBe("2025-12-31");
    // Across a DST change the day still starts at local midnight (EDT, UTC−4, on 9 March 2026).
    expect(ledgerDay(Date.UTC(2026, 2, 9, 3, 59), "America/New_York")).toBe("2026-03-08");
    expect(ledgerDay(Date.UTC(2026, 2, 9, 4), "America/New_York")).toBe("2026-03-09");
    expect(ledgerDay(Date.UTC(2026, 0, 1, 3), "UTC")).toBe("2026-01-01");
  });

  it("hold one row per day, type, campaign and credit, summing exactly the ledger rows it stands for", async () => {
    const kit = await newYorkHistory();
    const rows = kit.db.$client
      .prepare("select type, amount, at, coalesce(campaign_id, '') as campaign, coalesce(credit_id, '') as credit from transactions")
      .all() as { type: string; amount: number; at: number; campaign: string; credit: string }[];
    const expected = new Map<string, { count: number; amount: number }>();
    for (const r of rows) {
      const key = [ledgerDay(r.at, "America/New_York"), r.type, r.campaign, r.credit].join("|");
      const t = expected.get(key) ?? { count: 0, amount: 0 };
      expected.set(key, { count: t.count + 1, amount: t.amount + r.amount });
    }
    const kept = totals(kit);
    expect(new Map(kept.map((t) => [[t.day, t.type, t.campaign_id, t.credit_id].join("|"), { count: t.count, amount: t.amount }]))).toEqual(expected);
    // Delivery from 2026-01-01T00:00Z spans three New York days: 31 Dec (from 19:00), 1 and 2 January.
    expect([...new Set(kept.map((t) => t.day))].sort()).toEqual(["2025-12-31", "2026-01-01", "2026-01-02"]);
    expect(kept.find((t) => t.day === "2026-01-01" && t.type === "cash" && t.campaign_id === "c2")).toMatchObject({ count: 24, amount: 4_800 });
  });

  it("rebuilt from the ledger, equal what the engine kept, numbered in the same order", async () => {
    const kit = await newYorkHistory();
    const kept = totals(kit);
    kit.db.$client.transaction(() => rebuildDailyTotals(kit.db.$client))();
    expect(totals(kit)).toEqual(kept);
  });

  it("leave out the rows of an operation that failed", async () => {
    const kit = await fresh();
    const { db, now, engine } = kit;
    await kit.account("a1", {}, 100);
    await kit.campaign("c1");
    const before = totals(kit);
    expect(await engine.charge(db, now(), { id: "big", campaignId: "c1", amount: 5_000 })).toMatchObject({ ok: false, error: "insufficient_balance" });
    expect(totals(kit)).toEqual(before);
    must(await engine.charge(db, now(), { id: "small", campaignId: "c1", amount: 60 }));
    expect(totals(kit).find((t) => t.type === "cash")).toMatchObject({ day: "2026-01-01", campaign_id: "c1", count: 1, amount: 60 });
    expect(await audit(db)).toEqual([]);
  });

  it("are checked by the R16 audit against the ledger (R16)", async () => {
    const kit = await newYorkHistory();
    expect(await audit(kit.db)).toEqual([]);
    kit.db.$client.exec("update daily_totals set amount = amount + 1 where id = (select max(id) from daily_totals)");
    expect(await audit(kit.db)).toContainEqual(expect.objectContaining({ check: "daily totals" }));
    kit.db.$client.exec("delete from daily_totals where id = (select min(id) from daily_totals)");
    expect((await audit(kit.db)).filter((v) => v.check === "daily totals")).toHaveLength(2);
  });
});
