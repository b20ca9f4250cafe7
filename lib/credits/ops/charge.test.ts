import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { audit } from "../audit";
import * as engine from "../index";
import { fresh, must, T0 } from "../test-kit";

describe("charges", () => {
  it("a manual account short of cash fails the whole charge and changes nothing (R2)", async () => {
    const { db, now, account, campaign, engine } = await fresh();
    await account("a1", {}, 500);
    await campaign("c1");
    must(await engine.grantCredit(db, now(), { id: "g", accountId: "a1", type: "free", amount: 300 }));
    const r = await engine.charge(db, now(), { id: "ch", campaignId: "c1", amount: 900 });
    expect(r).toMatchObject({ ok: false, error: "insufficient_balance" });
    const s = await engine.charge(db, now(), { id: "ch", campaignId: "c1", amount: 800 });
    expect(s).toMatchObject({ ok: true, credits: 300, cash: 500 });
    expect(await audit(db)).toEqual([]);
  });

  it("automatic billing adds to amount due and settles at the threshold (R2, R14)", async () => {
    const { db, now, account, campaign, engine } = await fresh();
    await account("a1", { billing: "automatic", billingThreshold: 1_000 });
    await campaign("c1");
    must(await engine.charge(db, now(), { id: "x1", campaignId: "c1", amount: 600 }));
    expect(await engine.charge(db, now(), { id: "x2", campaignId: "c1", amount: 400 })).toMatchObject({ ok: true, billed: 400 });
    const a = db.query.adAccounts.findFirst()!.sync();
    expect(a?.amountDue).toBe(0);
    const payments = db.query.transactions.findMany({ where: (t, { eq }) => eq(t.type, "payment") }).sync();
    expect(payments.map((p) => p.amount)).toEqual([1_000]);
  });

  it("an invoice account fails past its credit limit (R2)", async () => {
    const { db, now, account, campaign, engine } = await fresh();
    await account("a1", { billing: "invoice", creditLimit: 1_000 });
    await campaign("c1");
    must(await engine.charge(db, now(), { id: "x1", campaignId: "c1", amount: 1_000 }));
    expect(await engine.charge(db, now(), { id: "x2", campaignId: "c1", amount: 1 })).toMatchObject({ ok: false, error: "credit_limit_exceeded" });
  });

  it("a repeated charge id returns the first result and changes nothing; a different body conflicts (R3)", async () => {
    const { db, now, account, campaign, engine } = await fresh();
    await account();
    await campaign("c1");
    await campaign("c2");
    const first = must(await engine.charge(db, now(), { id: "same", campaignId: "c1", amount: 700 }));
    const again = must(await engine.charge(db, now(), { id: "same", campaignId: "c1", amount: 700 }));
    expect(again).toMatchObject({ ...first, replayed: true });
    expect(db.query.adAccounts.findFirst().sync()?.cashBalance).toBe(100_000 - 700);
    expect(await engine.charge(db, now(), { id: "same", campaignId: "c1", amount: 701 })).toMatchObject({ error: "idempotency_conflict" });
    expect(await engine.charge(db, now(), { id: "same", campaignId: "c2", amount: 700 })).toMatchObject({ error: "idempotency_conflict" });
  });

  it("a retry of a stored charge is answered while another process holds the write lock; a new id waits for it (R3)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "replay-"));
    const db = openDb(path.join(dir, "ledger.db"));
    const other = new Database(path.join(dir, "ledger.db"));
    try {
      must(await engine.initClock(db, T0));
      must(await engine.createAccount(db, T0, { id: "a1", paymentMethod: true }));
      must(await engine.topUp(db, T0, { accountId: "a1", amount: 10_000 }));
      must(await engine.createCampaign(db, T0, { id: "c1", accountId: "a1", adProduct: "in_feed" }));
      const first = must(await engine.charge(db, T0, { id: "x1", campaignId: "c1", amount: 700 }));
      db.$client.pragma("busy_timeout = 50");
      other.exec("BEGIN IMMEDIATE");
      expect(await engine.charge(db, T0, { id: "x1", campaignId: "c1", amount: 700 })).toEqual({ ok: true, ...first, replayed: true });
      expect(await engine.charge(db, T0, { id: "x1", campaignId: "c1", amount: 701 })).toMatchObject({ ok: false, error: "idempotency_conflict" });
      await expect(engine.charge(db, T0, { id: "x2", campaignId: "c1", amount: 700 })).rejects.toThrow(/database is locked/);
      other.exec("ROLLBACK");
      expect(await engine.charge(db, T0, { id: "x2", campaignId: "c1", amount: 700 })).toMatchObject({ ok: true, replayed: false });
    } finally {
      other.close();
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a charge on a campaign that is not active fails; bad amounts are invalid_input", async () => {
    const { db, now, account, campaign, engine } = await fresh();
    await account();
    await campaign("c1");
    must(await engine.setCampaignStatus(db, now(), { campaignId: "c1", status: "paused" }));
    expect(await engine.charge(db, now(), { id: "p", campaignId: "c1", amount: 10 })).toMatchObject({ error: "campaign_not_delivering" });
    expect(await engine.charge(db, now(), { id: "q", campaignId: "c1", amount: 0 })).toMatchObject({ error: "invalid_input" });
    expect(await engine.charge(db, now(), { id: "r", campaignId: "c1", amount: 1.5 })).toMatchObject({ error: "invalid_input" });
    expect(await engine.charge(db, now(), { id: "s", campaignId: "nope", amount: 1 })).toMatchObject({ error: "not_found" });
  });

  it("only out-of-pocket spend after activation qualifies, on admitted ad products (R4)", async () => {
    const { db, now, account, campaign, engine } = await fresh();
    await account();
    await campaign("c1", "a1", "in_feed");
    await campaign("tv", "a1", "topview");
    must(await engine.charge(db, now(), { id: "before", campaignId: "c1", amount: 1_000 }));
    must(await engine.createPromotion(db, now(), { id: "p", kind: "ladder", tiers: [{ spend: 10_000, reward: 1_000 }], restrictions: { adProducts: ["in_feed"] }, eligibility: {} }));
    must(await engine.issueCode(db, now(), { code: "L", promotionId: "p" }));
    must(await engine.redeem(db, now(), { accountId: "a1", code: "L", as: "r" }));
    must(await engine.grantCredit(db, now(), { id: "g", accountId: "a1", type: "free", amount: 300 }));
    must(await engine.charge(db, now(), { id: "mixed", campaignId: "c1", amount: 1_000 })); // 300 credit + 700 cash
    must(await engine.charge(db, now(), { id: "tv1", campaignId: "tv", amount: 5_000 })); // restricted out
    const act = db.query.activations.findFirst().sync()!;
    expect(act.qualifyingSpend).toBe(700);
    expect(await audit(db)).toEqual([]);
  });

  it("a frozen account keeps paying out of pocket, and that spend qualifies (R4, R12)", async () => {
    const { db, now, account, campaign, engine } = await fresh();
    must(await engine.createPromotion(db, now(), { id: "p", kind: "ladder", tiers: [{ spend: 10_000, reward: 1_000 }], autoActivate: true }));
    await account();
    await campaign("c1");
    must(await engine.grantCredit(db, now(), { id: "g", accountId: "a1", type: "free", amount: 300 }));
    must(await engine.freeze(db, now(), { accountId: "a1" }));
    expect(must(await engine.charge(db, now(), { id: "f", campaignId: "c1", amount: 500 }))).toMatchObject({ credits: 0, cash: 500 });
    expect(db.query.activations.findFirst().sync()?.qualifyingSpend).toBe(500);
  });

  it("the first out-of-pocket spend sets prior paid history; credit-paid spend does not (R9)", async () => {
    const { db, now, account, campaign, engine } = await fresh();
    await account();
    await campaign("c1");
    must(await engine.grantCredit(db, now(), { id: "g", accountId: "a1", type: "free", amount: 1_000 }));
    must(await engine.charge(db, now(), { id: "c", campaignId: "c1", amount: 1_000 }));
    expect(db.query.adAccounts.findFirst().sync()?.priorPaidHistory).toBe(false);
    must(await engine.charge(db, now(), { id: "d", campaignId: "c1", amount: 1 }));
    expect(db.query.adAccounts.findFirst().sync()?.priorPaidHistory).toBe(true);
  });

  it("a charge reaching the top tier completes the ladder at once; the reward follows after the delay (R5)", async () => {
    const { db, now, account, campaign, engine } = await fresh();
    await account();
    await campaign("c1");
    must(await engine.createPromotion(db, now(), { id: "p", kind: "ladder", tiers: [{ spend: 1_000, reward: 500 }, { spend: 3_000, reward: 2_000 }], rewardDelayHours: 48, eligibility: {} }));
    must(await engine.issueCode(db, now(), { code: "L", promotionId: "p" }));
    must(await engine.redeem(db, now(), { accountId: "a1", code: "L", as: "r" }));
    must(await engine.charge(db, now(), { id: "1", campaignId: "c1", amount: 1_500 }));
    expect(db.query.activations.findFirst().sync()).toMatchObject({ status: "earning", tierReached: 0 });
    must(await engine.charge(db, now(), { id: "2", campaignId: "c1", amount: 1_500 }));
    expect(db.query.activations.findFirst().sync()).toMatchObject({ status: "qualified", tierReached: 1, qualifyingSpend: 3_000 });
    must(await engine.charge(db, now(), { id: "3", campaignId: "c1", amount: 1_500 }));
    expect(db.query.activations.findFirst().sync()?.qualifyingSpend).toBe(3_000);
    must(await engine.advance(db, { hours: 47 }));
    expect(db.query.credits.findFirst().sync()).toBeUndefined();
    must(await engine.advance(db, { hours: 1 }));
    expect(db.query.credits.findFirst().sync()).toMatchObject({ id: "r:reward", amount: 2_000, source: "ladder_reward" });
    expect(await audit(db)).toEqual([]);
  });
});
