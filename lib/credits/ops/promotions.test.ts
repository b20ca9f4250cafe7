import { describe, expect, it } from "vitest";
import { DAY } from "../rules/time";
import { fresh, must, T0 } from "../test-kit";

describe("promotions, codes and redemption", () => {
  it("a coupon issues its credit at redemption with a credit_issued transaction (R6)", async () => {
    const { db, now, account, engine } = await fresh();
    await account();
    must(await engine.createPromotion(db, now(), { id: "p", kind: "coupon", amount: 3_000, creditType: "assignable", creditValidityDays: 7 }));
    must(await engine.issueCode(db, now(), { code: "WELCOME-30", promotionId: "p" }));
    expect(must(await engine.redeem(db, now(), { accountId: "a1", code: "welcome 30" }))).toMatchObject({ creditId: "WELCOME-30:a1" });
    expect(db.query.credits.findFirst().sync()).toMatchObject({ type: "assignable", source: "coupon", amount: 3_000, expiresAt: T0 + 7 * DAY });
    const issued = db.query.transactions.findMany({ where: (t, { eq }) => eq(t.type, "credit_issued") }).sync();
    expect(issued).toMatchObject([{ amount: 3_000, creditId: "WELCOME-30:a1" }]);
  });

  it("a discount promotion issues a discount credit whose amount is the cap (R6)", async () => {
    const { db, now, account, engine } = await fresh();
    await account();
    must(await engine.createPromotion(db, now(), { id: "p", kind: "discount", percent: 20, cap: 5_000 }));
    must(await engine.issueCode(db, now(), { code: "D", promotionId: "p" }));
    must(await engine.redeem(db, now(), { accountId: "a1", code: "d", as: "disc" }));
    expect(db.query.credits.findFirst().sync()).toMatchObject({ id: "disc", type: "discount", percent: 20, amount: 5_000 });
  });

  it("every R7 failure is reported in order and changes nothing (R7)", async () => {
    const { db, now, account, engine } = await fresh();
    await account("a1");
    await account("agency", { kind: "agency" });
    await account("nocard", { paymentMethod: false }, 0);
    await account("eur", { currency: "EUR" }, 0);
    await account("a2");
    must(await engine.createPromotion(db, now(), { id: "p", kind: "coupon", amount: 100 }));
    must(await engine.createPromotion(db, now(), { id: "lad", kind: "ladder", tiers: [{ spend: 10, reward: 1 }] }));
    must(await engine.issueCode(db, now(), { code: "ONE", promotionId: "p", maxRedemptions: 1, activationDays: 14 }));
    must(await engine.issueCode(db, now(), { code: "MANY", promotionId: "p", maxRedemptions: 10 }));
    must(await engine.issueCode(db, now(), { code: "LAD", promotionId: "lad", maxRedemptions: 10 }));
    must(await engine.issueCode(db, now(), { code: "LAD2", promotionId: "lad", maxRedemptions: 10 }));
    const redeem = (accountId: string, code: string) => engine.redeem(db, now(), { accountId, code });
    expect(await redeem("a1", "NOPE")).toMatchObject({ error: "code_not_found" });
    must(await redeem("a1", "ONE"));
    expect(await redeem("a1", "ONE")).toMatchObject({ error: "code_already_redeemed" });
    expect(await redeem("a2", "ONE")).toMatchObject({ error: "code_used_up", details: { maxRedemptions: 1 } });
    expect(await redeem("agency", "MANY")).toMatchObject({ error: "account_ineligible", details: { rule: "self_serve_only", kind: "agency" } });
    expect(await redeem("nocard", "MANY")).toMatchObject({ error: "payment_method_required" });
    expect(await redeem("eur", "MANY")).toMatchObject({ error: "currency_mismatch", details: { promotionCurrency: "USD", accountCurrency: "EUR" } });
    must(await redeem("a2", "LAD"));
    expect(await redeem("a2", "LAD2")).toMatchObject({ error: "promotion_conflict", details: { activationId: "lad:a2", promotionName: "lad" } });
    must(await engine.freeze(db, now(), { accountId: "a2" }));
    expect(await redeem("a2", "MANY")).toMatchObject({ error: "account_frozen" });
    must(await engine.advance(db, { days: 14 }));
    expect(await redeem("a2", "ONE")).toMatchObject({ error: "code_expired", details: { deadline: T0 + 14 * DAY, activationDays: 14 } });
    expect(db.query.redemptions.findMany().sync()).toHaveLength(2);
  });

  it("a redemption may name what it creates for either kind, and says what it redeemed (R7)", async () => {
    const { db, now, account, engine } = await fresh();
    await account();
    must(await engine.createPromotion(db, now(), { id: "lad", name: "Spend more", kind: "ladder", tiers: [{ spend: 10, reward: 1 }], exclusive: false }));
    must(await engine.createPromotion(db, now(), { id: "cpn", name: "Welcome", kind: "coupon", amount: 100, exclusive: false }));
    must(await engine.issueCode(db, now(), { code: "Lad-1", promotionId: "lad" }));
    must(await engine.issueCode(db, now(), { code: "Cpn-1", promotionId: "cpn" }));
    const as = { activation: "act_x", credit: "cr_x" };
    expect(must(await engine.redeem(db, now(), { accountId: "a1", code: "lad1", as }))).toMatchObject({
      kind: "ladder", promotionName: "Spend more", code: "Lad-1", activationId: "act_x", creditId: null,
    });
    expect(must(await engine.redeem(db, now(), { accountId: "a1", code: "CPN1", as }))).toMatchObject({
      kind: "coupon", promotionName: "Welcome", activationId: null, creditId: "cr_x",
    });
  });

  it("a failure's message names its facts, for logs and developers", async () => {
    const { db, now, engine } = await fresh();
    expect(await engine.redeem(db, now(), { accountId: "ghost", code: "X" })).toEqual({
      ok: false,
      error: "not_found",
      details: { entity: "account", id: "ghost" },
      message: 'not_found: entity "account", id "ghost"',
    });
  });

  it("auto-activation starts at account creation or on linking a card, only where R7 would pass (R8)", async () => {
    const { db, now, account, engine } = await fresh();
    must(await engine.createPromotion(db, now(), { id: "auto", kind: "ladder", tiers: [{ spend: 10, reward: 1 }], autoActivate: true, eligibility: { newAdvertisersOnly: true } }));
    await account("withcard");
    await account("later", { paymentMethod: false }, 0);
    await account("veteran", { priorPaidHistory: true });
    expect(db.query.activations.findMany().sync().map((a) => a.id)).toEqual(["auto:withcard"]);
    must(await engine.linkPaymentMethod(db, now(), { accountId: "later" }));
    must(await engine.linkPaymentMethod(db, now(), { accountId: "later" }));
    expect(db.query.activations.findMany().sync().map((a) => a.id).sort()).toEqual(["auto:later", "auto:withcard"]);
  });

  it("codes are unique case- and dash-insensitively; ids are never reused (already_exists)", async () => {
    const { db, now, account, engine } = await fresh();
    await account();
    must(await engine.createPromotion(db, now(), { id: "p", kind: "coupon", amount: 100 }));
    must(await engine.issueCode(db, now(), { code: "SAVE-10", promotionId: "p" }));
    expect(await engine.issueCode(db, now(), { code: "save10", promotionId: "p" })).toMatchObject({ error: "already_exists" });
    expect(await engine.createPromotion(db, now(), { id: "p", kind: "coupon", amount: 100 })).toMatchObject({ error: "already_exists" });
    expect(await engine.createAccount(db, now(), { id: "a1" })).toMatchObject({ error: "already_exists" });
    expect(await engine.createPromotion(db, now(), { id: "q", kind: "discount", percent: 101, cap: 1 })).toMatchObject({ error: "invalid_input" });
  });
});
