// The read models behind the coupon card, the home progress bar and the Transactions page, on a small
// ledger the engine writes into an in-memory database.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { adAccounts, type AdAccount } from "@/db/schema";
import * as engine from "@/lib/credits";
import { DAY, HOUR } from "@/lib/credits/rules/time";
import { couponSummary } from "./coupons";
import {
  countTransactions,
  lastTransactionId,
  PAGE_SIZE,
  resolveTransactionFilter,
  transactionPage,
  transactionsAfter,
  type ResolvedFilter,
} from "./transactions";

const T0 = Date.UTC(2026, 10, 1, 12); // 2026-11-01 07:00 in New York
let db: Db;

function ok<T extends object>(r: engine.Result<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r;
}

function account(id = "a1"): AdAccount {
  return db.select().from(adAccounts).where(eq(adAccounts.id, id)).get()!;
}

beforeEach(() => {
  db = openDb(":memory:");
  ok(engine.initClock(db, T0));
  ok(engine.createAccount(db, T0, { id: "a1", paymentMethod: true, timeZone: "America/New_York" }));
  ok(engine.createAccount(db, T0, { id: "a2", paymentMethod: true }));
  ok(engine.topUp(db, T0, { accountId: "a1", amount: 10_000_000 }));
  ok(engine.createCampaign(db, T0, { id: "c1", accountId: "a1", name: "Feed", adProduct: "in_feed", status: "active" }));
  ok(engine.createCampaign(db, T0, { id: "c2", accountId: "a1", name: "Video", adProduct: "video_views", status: "active" }));
  ok(engine.createCampaign(db, T0, { id: "c9", accountId: "a2", name: "Other", adProduct: "in_feed", status: "active" }));
  ok(
    engine.createPromotion(db, T0, {
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
  ok(engine.issueCode(db, T0, { code: "LADDER", promotionId: "p1" }));
  ok(engine.redeem(db, T0, { accountId: "a1", code: "LADDER", as: "act1" }));
  ok(engine.grantCredit(db, T0, { id: "g1", accountId: "a1", type: "assignable", amount: 5_000, name: "Booster" }));
});

describe("coupon summary", () => {
  it("measures qualifying spend against the next tier not reached yet (R4, R5)", () => {
    ok(engine.charge(db, T0 + HOUR, { id: "x1", campaignId: "c1", amount: 12_000 }));
    ok(engine.charge(db, T0 + HOUR, { id: "x2", campaignId: "c2", amount: 99_000 })); // video: not this promotion's product
    const s = couponSummary(db, account(), T0 + DAY + HOUR);
    expect(s.earning).toHaveLength(1);
    const [p] = s.earning;
    expect(p).toMatchObject({ activationId: "act1", qualifyingSpend: 12_000, currentReward: 1_000, daysLeft: 9 });
    expect(p!.nextTier).toMatchObject({ index: 1, spend: 50_000, reward: 6_000, reached: false });
    expect(p!.tiers.map((t) => t.reached)).toEqual([true, false]);
  });

  it("lists assignable credits with money left, and nothing of another account", () => {
    const s = couponSummary(db, account(), T0 + HOUR);
    expect(s.assignable).toEqual([expect.objectContaining({ id: "g1", unused: 5_000, assignedCampaigns: 0, campaignLimit: 30 })]);
    const other = couponSummary(db, account("a2"), T0 + HOUR);
    expect(other).toMatchObject({ earning: [], assignable: [] });
  });

  it("drops a promotion once it stops earning", () => {
    ok(engine.charge(db, T0 + HOUR, { id: "x1", campaignId: "c1", amount: 50_000 }));
    expect(couponSummary(db, account(), T0 + 2 * HOUR).earning).toEqual([]);
  });
});

describe("transaction filter", () => {
  const resolve = (query: string) => resolveTransactionFilter(db, account(), new URLSearchParams(query));
  const value = (query: string): ResolvedFilter => {
    const r = resolve(query);
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };

  it("treats empty form fields as no filter", () => {
    expect(value("type=&from=&to=&campaign=&page=")).toMatchObject({ type: undefined, fromMs: undefined, campaignId: undefined });
    expect(value("").filter.page).toBe(1);
  });

  it("reads dates as whole days in the account's time zone", () => {
    const f = value("from=2026-11-02&to=2026-11-02");
    expect(new Date(f.fromMs!).toISOString()).toBe("2026-11-02T05:00:00.000Z");
    expect(new Date(f.toMs!).toISOString()).toBe("2026-11-03T05:00:00.000Z");
  });

  it("answers bad parameters with a sentence, not an exception", () => {
    expect(resolve("type=gift")).toEqual({ ok: false, message: "Choose a transaction type from the list." });
    expect(resolve("from=2026-02-30")).toMatchObject({ ok: false, message: expect.stringMatching(/From date/) });
    expect(resolve("from=2026-11-05&to=2026-11-01")).toMatchObject({ ok: false, message: expect.stringMatching(/on or before/) });
    expect(resolve("page=0")).toMatchObject({ ok: false });
    expect(resolve("page=two")).toMatchObject({ ok: false });
    expect(resolve("campaign=c9")).toEqual({ ok: false, message: "That campaign is not in this ad account." });
  });

  it("pages and the export's keyset walk list the same rows, newest first", () => {
    for (let i = 0; i < 60; i++) ok(engine.charge(db, T0 + (i % 7) * HOUR, { id: `k${i}`, campaignId: i % 2 ? "c1" : "c2", amount: 100 + i }));
    const f = value("type=cash");
    expect(countTransactions(db, "a1", f)).toBe(60);
    const paged = [...transactionPage(db, "a1", f, 1), ...transactionPage(db, "a1", f, 2)];
    expect(paged).toHaveLength(60);
    expect(transactionPage(db, "a1", f, 1)).toHaveLength(PAGE_SIZE);
    const walked = [];
    let cursor = null;
    for (;;) {
      const chunk = transactionsAfter(db, "a1", f, cursor, lastTransactionId(db, "a1"), 7);
      walked.push(...chunk);
      const last = chunk[chunk.length - 1];
      if (!last) break;
      cursor = { at: last.at, id: last.id };
    }
    expect(walked.map((r) => r.id)).toEqual(paged.map((r) => r.id));
    for (let i = 1; i < paged.length; i++) expect(paged[i - 1]!.at).toBeGreaterThanOrEqual(paged[i]!.at);
  });

  it("filters by campaign and type together", () => {
    ok(engine.charge(db, T0 + HOUR, { id: "y1", campaignId: "c1", amount: 700 }));
    ok(engine.charge(db, T0 + HOUR, { id: "y2", campaignId: "c2", amount: 800 }));
    const rows = transactionPage(db, "a1", value("type=cash&campaign=c2"), 1);
    expect(rows.map((r) => [r.chargeId, r.campaignName, r.amount])).toEqual([["y2", "Video", 800]]);
  });
});
