// The read models behind the coupon card, the home progress bar and the Transactions page, on a small
// ledger the engine writes: each case on SQLite (in memory) and on PostgreSQL (PGlite), which must answer
// alike. The index-plan checks are SQLite's own.
import { and, desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { sqliteAppDb, type AppDb } from "@/db/app";
import { openDb, type Db } from "@/db/client";
import { adAccounts, type AdAccount } from "@/db/schema";
import * as engine from "@/lib/credits";
import { DAY, HOUR } from "@/lib/credits/rules/time";
import { appDbBackends } from "@/lib/testing/app-backends";
import { couponSummary } from "./coupons";
import {
  countSql,
  dailyTotalsPage,
  pageSql,
  PAGE_SIZE,
  resolveTransactionFilter,
  transactionPage,
  type Page,
  type ResolvedFilter,
} from "./transactions";

const T0 = Date.UTC(2026, 10, 1, 12); // 2026-11-01 07:00 in New York

function ok<T extends object>(r: engine.Result<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r;
}

const backends = appDbBackends();

/** The small ledger every case starts from, written by the engine. */
async function ledger(db: AppDb) {
  const s = db.store;
  ok(await engine.initClock(s, T0));
  ok(await engine.createAccount(s, T0, { id: "a1", paymentMethod: true, timeZone: "America/New_York" }));
  ok(await engine.createAccount(s, T0, { id: "a2", paymentMethod: true }));
  ok(await engine.topUp(s, T0, { accountId: "a1", amount: 10_000_000 }));
  ok(await engine.createCampaign(s, T0, { id: "c1", accountId: "a1", name: "Feed", adProduct: "in_feed", status: "active" }));
  ok(await engine.createCampaign(s, T0, { id: "c2", accountId: "a1", name: "Video", adProduct: "video_views", status: "active" }));
  ok(await engine.createCampaign(s, T0, { id: "c9", accountId: "a2", name: "Other", adProduct: "in_feed", status: "active" }));
  ok(
    await engine.createPromotion(s, T0, {
      id: "p1",
      name: "Spend $100 get $10, spend $500 get $60",
      kind: "ladder",
      tiers: [
        { spend: 10_000, reward: 1_000 },
        { spend: 50_000, reward: 6_000 },
      ],
      windowDays: 10,
      restrictions: { adProducts: ["in_feed"] },
    }),
  );
  ok(await engine.issueCode(s, T0, { code: "LADDER", promotionId: "p1" }));
  ok(await engine.redeem(s, T0, { accountId: "a1", code: "LADDER", as: "act1" }));
  ok(await engine.grantCredit(s, T0, { id: "g1", accountId: "a1", type: "assignable", amount: 5_000, name: "Booster" }));
}

describe.each(backends)("read models on $name", ({ open }) => {
  let db: AppDb;

  async function account(id = "a1"): Promise<AdAccount> {
    const { adAccounts } = db.tables;
    const [row] = await db.select().from(adAccounts).where(eq(adAccounts.id, id));
    return row!;
  }

  beforeEach(async () => {
    db = await open();
    await ledger(db);
  });

  describe("coupon summary", () => {
    it("measures qualifying spend against the next tier not reached yet (R4, R5)", async () => {
      ok(await engine.charge(db.store, T0 + HOUR, { id: "x1", campaignId: "c1", amount: 12_000 }));
      ok(await engine.charge(db.store, T0 + HOUR, { id: "x2", campaignId: "c2", amount: 99_000 })); // video: not this promotion's product
      const s = await couponSummary(db, await account(), T0 + DAY + HOUR);
      expect(s.earning).toHaveLength(1);
      const [p] = s.earning;
      expect(p).toMatchObject({ activationId: "act1", qualifyingSpend: 12_000, currentReward: 1_000, daysLeft: 9 });
      expect(p!.nextTier).toMatchObject({ index: 1, spend: 50_000, reward: 6_000, reached: false });
      expect(p!.tiers.map((t) => t.reached)).toEqual([true, false]);
    });

    it("carries its money formatted, so the browser builds no Intl formatter (R4, R5 figures as printed)", async () => {
      const before = await couponSummary(db, await account(), T0 + HOUR);
      expect(before.earning[0]).toMatchObject({ qualifyingSpendText: "$0.00", remainingText: "$100.00", currentReward: null, currentRewardText: null });
      ok(await engine.charge(db.store, T0 + HOUR, { id: "x1", campaignId: "c1", amount: 12_050 }));
      const s = await couponSummary(db, await account(), T0 + DAY + HOUR);
      const [p] = s.earning;
      expect(p).toMatchObject({ qualifyingSpendText: "$120.50", remainingText: "$379.50", currentRewardText: "$10.00" });
      expect(p!.nextTier).toMatchObject({ spendText: "$500.00", rewardText: "$60.00", spendShort: "$500", rewardShort: "$60" });
      expect(s.assignable).toEqual([expect.objectContaining({ amountText: "$50.00", unusedText: "$50.00" })]);
    });

    it("lists assignable credits with money left, and nothing of another account", async () => {
      const s = await couponSummary(db, await account(), T0 + HOUR);
      expect(s.assignable).toEqual([expect.objectContaining({ id: "g1", unused: 5_000, assignedCampaigns: 0, campaignLimit: 30 })]);
      const other = await couponSummary(db, await account("a2"), T0 + HOUR);
      expect(other).toMatchObject({ earning: [], assignable: [] });
    });

    it("drops a promotion once it stops earning", async () => {
      ok(await engine.charge(db.store, T0 + HOUR, { id: "x1", campaignId: "c1", amount: 50_000 }));
      expect((await couponSummary(db, await account(), T0 + 2 * HOUR)).earning).toEqual([]);
    });
  });

  describe("transaction filter", () => {
    const resolve = async (query: string) => resolveTransactionFilter(db, await account(), new URLSearchParams(query));
    const value = async (query: string): Promise<ResolvedFilter> => {
      const r = await resolve(query);
      if (!r.ok) throw new Error(r.message);
      return r.value;
    };

    it("treats empty form fields as no filter, and shows daily totals unless asked for every transaction", async () => {
      expect(await value("view=&type=&from=&to=&campaign=&after=")).toMatchObject({ view: "daily", type: undefined, fromMs: undefined, campaignId: undefined, cursor: undefined });
      expect((await value("view=all")).view).toBe("all");
    });

    it("reads dates as whole days in the account's time zone, for rows and for daily totals alike", async () => {
      const f = await value("from=2026-11-02&to=2026-11-02");
      expect(new Date(f.fromMs!).toISOString()).toBe("2026-11-02T05:00:00.000Z");
      expect(new Date(f.toMs!).toISOString()).toBe("2026-11-03T05:00:00.000Z");
      expect([f.fromDay, f.toDay]).toEqual(["2026-11-02", "2026-11-02"]);
    });

    it("answers bad parameters with a sentence, not an exception", async () => {
      expect(await resolve("type=gift")).toEqual({ ok: false, message: "Choose a transaction type from the list." });
      expect(await resolve("from=2026-02-30")).toMatchObject({ ok: false, message: expect.stringMatching(/From date/) });
      expect(await resolve("from=2026-11-05&to=2026-11-01")).toMatchObject({ ok: false, message: expect.stringMatching(/on or before/) });
      expect(await resolve("view=weekly")).toMatchObject({ ok: false, message: "Choose Daily totals or Every transaction." });
      expect(await resolve("view=all&after=yesterday")).toMatchObject({ ok: false, message: expect.stringMatching(/page link/) });
      expect(await resolve("view=all&after=2026-11-01.4")).toMatchObject({ ok: false, message: expect.stringMatching(/page link/) });
      expect(await resolve("after=1762000000000.4")).toMatchObject({ ok: false, message: expect.stringMatching(/page link/) });
      expect(await resolve("view=all&after=1.2&before=3.4")).toMatchObject({ ok: false });
      expect(await resolve("campaign=c9")).toEqual({ ok: false, message: "That campaign is not in this ad account." });
    });

    /** Walks Next to the end, then Previous back to the start; returns the ids page by page. */
    async function walk<R extends { id: number }>(query: string, page: (f: ResolvedFilter) => Promise<Page<R>>) {
      const forward: Page<R>[] = [await page(await value(query))];
      while (forward.at(-1)!.older) forward.push(await page(await value(`${query}&after=${forward.at(-1)!.older}`)));
      const back: Page<R>[] = [forward.at(-1)!];
      while (back.at(-1)!.newer) back.push(await page(await value(`${query}&before=${back.at(-1)!.newer}`)));
      return { forward, back };
    }

    it("pages every transaction by keyset, newest first, Next to the end and Previous back to the start", async () => {
      for (let i = 0; i < 130; i++) ok(await engine.charge(db.store, T0 + (i % 7) * HOUR, { id: `k${i}`, campaignId: i % 2 ? "c1" : "c2", amount: 100 + i }));
      const { transactions } = db.tables;
      const everyRow = (
        await db
          .select({ id: transactions.id })
          .from(transactions)
          .where(and(eq(transactions.accountId, "a1"), eq(transactions.type, "cash")))
          .orderBy(desc(transactions.at), desc(transactions.id))
      ).map((r) => r.id);
      expect(everyRow).toHaveLength(130);
      const { forward, back } = await walk("view=all&type=cash", (f) => transactionPage(db, "a1", f));
      expect(forward.map((p) => p.rows.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 30]);
      expect(forward.flatMap((p) => p.rows.map((r) => r.id))).toEqual(everyRow);
      expect(forward.map((p) => [p.first, p.total])).toEqual([[1, 130], [51, 130], [101, 130]]);
      expect(back.map((p) => p.rows.map((r) => r.id))).toEqual([...forward].reverse().map((p) => p.rows.map((r) => r.id)));
      expect(forward[0]!.newer).toBeNull();
      expect(forward.at(-1)!.older).toBeNull();
    });

    it("pages daily totals by keyset too, newest day first, each summing its day's rows", async () => {
      for (let i = 0; i < 24 * 9; i++) ok(await engine.charge(db.store, T0 + i * HOUR, { id: `d${i}`, campaignId: i % 3 ? "c1" : "c2", amount: 100 }));
      const { forward, back } = await walk("type=cash", (f) => dailyTotalsPage(db, "a1", f));
      const rows = forward.flatMap((p) => p.rows);
      // Ten New York days (the first and last partly), two campaigns each.
      expect(rows).toHaveLength(20);
      expect(rows.map((r) => r.day)).toEqual([...rows.map((r) => r.day)].sort().reverse());
      expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(24 * 9);
      expect(rows.find((r) => r.day === "2026-11-03" && r.campaignId === "c1")).toMatchObject({ count: 16, amount: 1_600, campaignName: "Feed", creditId: null });
      expect(back.flatMap((p) => p.rows).length).toBe(20);
    });

    it("filters by campaign and type together", async () => {
      ok(await engine.charge(db.store, T0 + HOUR, { id: "y1", campaignId: "c1", amount: 700 }));
      ok(await engine.charge(db.store, T0 + HOUR, { id: "y2", campaignId: "c2", amount: 800 }));
      const { rows } = await transactionPage(db, "a1", await value("view=all&type=cash&campaign=c2"));
      expect(rows.map((r) => [r.chargeId, r.campaignName, r.amount])).toEqual([["y2", "Video", 800]]);
    });
  });
});

describe("Transactions queries use an index for every filter and its order (SQLite)", () => {
  let sqlite: Db;
  beforeEach(async () => {
    sqlite = openDb(":memory:");
    await ledger(sqliteAppDb(sqlite));
  });
  const filters = ["", "type=cash", "campaign=c1", "type=cash&campaign=c1"].flatMap((f) => [f, `${f}&from=2026-11-01&to=2026-11-03`]);
  const cases = ["daily", "all"].flatMap((view) => filters.map((f) => `view=${view}&${f}`));

  function plan(sql: string, params: (string | number)[]) {
    return (sqlite.$client.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
  }

  it.each(cases)("%s: pages, and counts, from an index on the filter, with no sort", async (query) => {
    const account = sqlite.select().from(adAccounts).where(eq(adAccounts.id, "a1")).get()!;
    const r = await resolveTransactionFilter(sqliteAppDb(sqlite), account, new URLSearchParams(query));
    if (!r.ok) throw new Error(r.message);
    const f = r.value;
    const restCount = f.view === "all" ? 1 : 3 - (f.type ? 1 : 0) - (f.campaignId ? 1 : 0);
    const place = f.view === "all" ? [T0, 5] : ["2026-11-02", ...Array<string>(restCount).fill("x")];
    // The index's constraint must name every filtered column, so the filter is served by the index itself.
    const wanted = ["account_id=?", ...(f.campaignId ? ["campaign_id=?"] : []), ...(f.type ? ["type=?"] : [])];
    const check = (steps: string[], covering: boolean) => {
      const search = steps.find((s) => s.startsWith("SEARCH t "));
      expect(search, steps.join(" | ")).toMatch(covering ? /^SEARCH t USING COVERING INDEX / : /^SEARCH t USING (COVERING )?INDEX /);
      for (const w of wanted) expect(search).toContain(w);
      if (f.filter.from) expect(search).toMatch(f.view === "all" ? /at>\?/ : /day[<>]\?/);
      expect(steps.join(" | ")).not.toMatch(/TEMP B-TREE|SCAN t\b/);
    };
    for (const from of [null, { side: "older" as const, place }, { side: "newer" as const, place }]) {
      const q = pageSql("a1", f, from);
      check(plan(q.sql, q.params), false);
    }
    for (const newerThan of [null, place]) {
      const q = countSql("a1", f, newerThan, 10_001);
      check(plan(q.sql, q.params), true);
    }
  });
});
