import { describe, expect, it } from "vitest";
import type { CreditFacts, ChargeContext } from "./eligibility";
import { isEligible } from "./eligibility";
import { splitCharge } from "./split";

const ctx: ChargeContext = {
  t: 1_000,
  accountId: "a1",
  currency: "USD",
  country: "US",
  frozen: false,
  cashBalance: 50_000,
  adProduct: "in_feed",
  assignedCreditIds: new Set(["as1"]),
};
const credit = (over: Partial<CreditFacts> & { id: string }): CreditFacts => ({
  accountId: "a1",
  type: "free",
  currency: "USD",
  percent: null,
  unused: 1_000,
  status: "active",
  issuedAt: 0,
  expiresAt: 10_000,
  restrictions: {},
  requirement: {},
  ...over,
});

describe("R1 credit eligibility", () => {
  it("a credit issued after the charge never pays for it (R1, forward-only)", () => {
    expect(isEligible(credit({ id: "x", issuedAt: 1_001 }), ctx)).toBe(false);
    expect(isEligible(credit({ id: "x", issuedAt: 1_000 }), ctx)).toBe(true);
  });
  it("expiry is exclusive: a credit cannot pay at its expiresAt (R1)", () => {
    expect(isEligible(credit({ id: "x", expiresAt: 1_000 }), ctx)).toBe(false);
    expect(isEligible(credit({ id: "x", expiresAt: 1_001 }), ctx)).toBe(true);
  });
  it("a frozen account's credits pay for nothing (R1, R12)", () => {
    expect(isEligible(credit({ id: "x" }), { ...ctx, frozen: true })).toBe(false);
  });
  it("currency, another account, status and an empty credit all exclude (R1)", () => {
    expect(isEligible(credit({ id: "x", currency: "EUR" }), ctx)).toBe(false);
    expect(isEligible(credit({ id: "x", accountId: "a2" }), ctx)).toBe(false);
    expect(isEligible(credit({ id: "x", status: "revoked" }), ctx)).toBe(false);
    expect(isEligible(credit({ id: "x", unused: 0 }), ctx)).toBe(false);
  });
  it("restrictions must admit the campaign's ad product and the account's country (R1)", () => {
    expect(isEligible(credit({ id: "x", restrictions: { adProducts: ["topview"] } }), ctx)).toBe(false);
    expect(isEligible(credit({ id: "x", restrictions: { countries: ["GB"] } }), ctx)).toBe(false);
    expect(isEligible(credit({ id: "x", restrictions: { adProducts: ["in_feed"], countries: ["US"] } }), ctx)).toBe(true);
  });
  it("an assignable credit pays only for campaigns it is assigned to (R1)", () => {
    expect(isEligible(credit({ id: "as1", type: "assignable" }), ctx)).toBe(true);
    expect(isEligible(credit({ id: "as2", type: "assignable" }), ctx)).toBe(false);
  });
  it("a conditional credit pays only while its minimum cash balance holds before the charge (R1)", () => {
    const c = credit({ id: "k", type: "conditional", requirement: { minCashBalance: 50_000 } });
    expect(isEligible(c, ctx)).toBe(true);
    expect(isEligible(c, { ...ctx, cashBalance: 49_999 })).toBe(false);
  });
});

describe("R2 split of a charge", () => {
  it("discount first, then assigned credits, then free/conditional, then out of pocket (R2)", () => {
    const s = splitCharge(
      10_000,
      [
        credit({ id: "free", unused: 2_000, expiresAt: 2_000 }),
        credit({ id: "as1", type: "assignable", unused: 3_000, expiresAt: 9_000 }),
        credit({ id: "disc", type: "discount", percent: 10, unused: 500 }),
      ],
      ctx,
    );
    // 10% of 10,000 is 1,000 but the discount has only 500 left; then assigned 3,000, free 2,000.
    expect(s.allocations).toEqual([
      { creditId: "disc", amount: 500, step: 0 },
      { creditId: "as1", amount: 3_000, step: 1 },
      { creditId: "free", amount: 2_000, step: 2 },
    ]);
    expect(s).toMatchObject({ discount: 500, credits: 5_000, outOfPocket: 4_500 });
  });
  it("discount arithmetic floors: floor(X * percent / 100) (R2, SPEC §2)", () => {
    const s = splitCharge(999, [credit({ id: "d", type: "discount", percent: 15, unused: 10_000 })], ctx);
    expect(s.discount).toBe(149);
    expect(s.outOfPocket).toBe(850);
  });
  it("at most one discount credit per charge: the one that expires soonest (R2)", () => {
    const s = splitCharge(
      1_000,
      [
        credit({ id: "late", type: "discount", percent: 50, expiresAt: 9_000 }),
        credit({ id: "soon", type: "discount", percent: 10, expiresAt: 5_000 }),
      ],
      ctx,
    );
    expect(s.allocations).toEqual([{ creditId: "soon", amount: 100, step: 0 }]);
    expect(s.outOfPocket).toBe(900);
  });
  it("ties on expiry go to the earlier issuedAt, then the smaller id (R2)", () => {
    const s = splitCharge(
      1_500,
      [
        credit({ id: "b", issuedAt: 10 }),
        credit({ id: "a", issuedAt: 10 }),
        credit({ id: "z", issuedAt: 5 }),
      ],
      ctx,
    );
    expect(s.allocations.map((a) => a.creditId)).toEqual(["z", "a"]);
    expect(s.allocations.map((a) => a.amount)).toEqual([1_000, 500]);
  });
  it("free and conditional credits share one queue ordered by expiry (R2)", () => {
    const s = splitCharge(
      1_500,
      [
        credit({ id: "free", expiresAt: 8_000 }),
        credit({ id: "cond", type: "conditional", expiresAt: 4_000 }),
      ],
      ctx,
    );
    expect(s.allocations.map((a) => a.creditId)).toEqual(["cond", "free"]);
  });
  it("an unassigned assignable credit is skipped; the remainder is out of pocket (R2)", () => {
    const s = splitCharge(700, [credit({ id: "as2", type: "assignable" })], ctx);
    expect(s).toMatchObject({ allocations: [], credits: 0, outOfPocket: 700 });
  });
});
