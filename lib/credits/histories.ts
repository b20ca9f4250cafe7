// Random histories for the property tests: accounts of every billing method, grants of every type, codes
// and redemptions, assignments, charges, clock advances and delivery, freezes, appeals and rulings. They
// run on any store (SQLite in property.test.ts, PostgreSQL on PGlite in property-pg.test.ts).
import fc from "fast-check";
import * as engine from "./index";
import { must } from "./errors";
import type { EngineDb } from "./tx";

const products = ["in_feed", "traffic", "topview"] as const;
export type Cmd =
  | { op: "topUp"; account: number; amount: number }
  | { op: "grant"; account: number; type: "free" | "assignable" | "conditional" | "discount"; amount: number; percent: number; validDays: number; product: number | null; minCash: number }
  | { op: "bc"; account: number; amount: number }
  | { op: "redeem"; account: number; code: number }
  | { op: "assign" | "unassign"; credit: number; campaigns: number[] }
  | { op: "charge"; campaign: number; amount: number; id: number }
  | { op: "advance"; hours: number; parts: number[] }
  | { op: "simulate"; hours: number }
  | { op: "status"; campaign: number; status: "active" | "paused" }
  | { op: "freeze" | "appeal"; account: number }
  | { op: "resolve"; account: number; revoke: boolean };

const account = fc.nat(2);
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ op: fc.constant("topUp" as const), account, amount: fc.integer({ min: 1, max: 50_000 }) }),
  fc.record({
    op: fc.constant("grant" as const),
    account,
    type: fc.constantFrom("free" as const, "assignable" as const, "assignable" as const, "conditional" as const, "discount" as const),
    amount: fc.integer({ min: 1, max: 20_000 }),
    percent: fc.integer({ min: 1, max: 100 }),
    validDays: fc.integer({ min: 1, max: 5 }),
    product: fc.option(fc.nat(2), { nil: null }),
    minCash: fc.integer({ min: 0, max: 30_000 }),
  }),
  fc.record({ op: fc.constant("bc" as const), account, amount: fc.integer({ min: 1, max: 10_000 }) }),
  fc.record({ op: fc.constant("redeem" as const), account, code: fc.nat(3) }),
  fc.record({ op: fc.constant("redeem" as const), account, code: fc.nat(3) }),
  fc.record({ op: fc.constantFrom("assign" as const, "unassign" as const), credit: fc.nat(20), campaigns: fc.array(fc.nat(5), { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant("assign" as const), credit: fc.nat(20), campaigns: fc.array(fc.nat(5), { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant("charge" as const), campaign: fc.nat(5), amount: fc.integer({ min: 1, max: 15_000 }), id: fc.nat(30) }),
  fc.integer({ min: 1, max: 72 }).chain((hours) =>
    fc.record({
      op: fc.constant("advance" as const),
      hours: fc.constant(hours),
      parts: fc.array(fc.integer({ min: 1, max: hours }), { maxLength: 3 }),
    }),
  ),
  fc.record({ op: fc.constant("simulate" as const), hours: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ op: fc.constant("status" as const), campaign: fc.nat(5), status: fc.constantFrom("active" as const, "paused" as const) }),
  fc.record({ op: fc.constantFrom("freeze" as const, "appeal" as const), account }),
  fc.record({ op: fc.constant("resolve" as const), account, revoke: fc.boolean() }),
);
export const history = fc.array(cmd, { minLength: 3, maxLength: 40, size: "medium" });

const ACCOUNTS = ["a0", "a1", "a2"];
const CAMPAIGNS = ["c0", "c1", "c2", "c3", "c4", "c5"];

/** Three accounts (one per billing method), six campaigns, four promotions and their codes, on a database whose clock is set. */
export async function setup(db: EngineDb) {
  const start = (await engine.clockNow(db))!;
  const now = () => start;
  const billing = ["manual", "automatic", "invoice"] as const;
  for (const [i, id] of ACCOUNTS.entries()) must(await engine.createAccount(db, now(), { id, billing: billing[i], paymentMethod: i !== 2, creditLimit: 60_000, billingThreshold: 20_000 }));
  must(await engine.topUp(db, now(), { accountId: "a0", amount: 40_000 }));
  for (const [i, id] of CAMPAIGNS.entries()) must(await engine.createCampaign(db, now(), { id, accountId: ACCOUNTS[i % 3]!, adProduct: products[i % 3]!, dailyBudget: 1_000 + i * 700 }));
  must(await engine.createPromotion(db, now(), { id: "lad", kind: "ladder", tiers: [{ spend: 5_000, reward: 2_000 }, { spend: 20_000, reward: 6_000 }], windowDays: 3, rewardDelayHours: 12, eligibility: {}, exclusive: true }));
  must(await engine.createPromotion(db, now(), { id: "lad2", kind: "ladder", tiers: [{ spend: 3_000, reward: 1_000 }], windowDays: 2, eligibility: {}, exclusive: false, restrictions: { adProducts: ["in_feed"] } }));
  must(await engine.createPromotion(db, now(), { id: "cpn", kind: "coupon", amount: 4_000, creditType: "assignable", eligibility: {}, exclusive: false }));
  must(await engine.createPromotion(db, now(), { id: "dsc", kind: "discount", percent: 25, cap: 3_000, eligibility: {}, exclusive: false }));
  for (const [i, p] of ["lad", "lad2", "cpn", "dsc"].entries()) must(await engine.issueCode(db, now(), { code: `CODE${i}`, promotionId: p, maxRedemptions: 3, activationDays: 60 }));
}

/** The engine's database in a history, and its credits in id order (read as the test sees them, not through the engine). */
export type World = { db: EngineDb; credits: () => Promise<{ id: string; type: string; accountId: string }[]> };

/** Runs a history; `chunked` splits each advance into its parts plus the remainder. Returns charges made. */
export async function play({ db, credits }: World, cmds: Cmd[], chunked: boolean) {
  let clock = (await engine.clockNow(db))!;
  const now = () => clock;
  const charges: { id: string; campaignId: string; amount: number }[] = [];
  for (const [i, c] of cmds.entries()) {
    clock = (await engine.clockNow(db))!;
    switch (c.op) {
      case "topUp":
        await engine.topUp(db, now(), { accountId: ACCOUNTS[c.account]!, amount: c.amount });
        break;
      case "grant":
        await engine.grantCredit(db, now(), {
          id: `g${i}`,
          accountId: ACCOUNTS[c.account]!,
          type: c.type,
          amount: c.amount,
          percent: c.type === "discount" ? c.percent : undefined,
          validDays: c.validDays,
          restrictions: c.product === null ? {} : { adProducts: [products[c.product]!] },
          requirement: c.type === "conditional" ? { minCashBalance: c.minCash } : {},
        });
        break;
      case "bc":
        await engine.allocateFromBC(db, now(), { id: `b${i}`, accountId: ACCOUNTS[c.account]!, amount: c.amount });
        break;
      case "redeem":
        await engine.redeem(db, now(), { accountId: ACCOUNTS[c.account]!, code: `code${c.code}`, as: `r${i}` });
        break;
      case "assign":
      case "unassign": {
        // Mostly assignable credits, so assignment is exercised rather than refused as not_assignable.
        const all = await credits();
        const assignable = all.filter((x) => x.type === "assignable");
        const pool = c.credit % 4 === 0 || assignable.length === 0 ? all : assignable;
        const credit = pool[c.credit % Math.max(1, pool.length)];
        if (!credit) break;
        // Mostly the credit's own account's campaigns (c0, c3 are a0's; c1, c4 a1's; c2, c5 a2's).
        const own = c.credit % 5 !== 0;
        const campaignIds = c.campaigns.map((k) => (own ? CAMPAIGNS[ACCOUNTS.indexOf(credit.accountId) + 3 * (k % 2)]! : CAMPAIGNS[k]!));
        await engine[c.op](db, now(), { creditId: credit.id, campaignIds, actorRole: "admin" });
        break;
      }
      case "charge": {
        const input = { id: `x${c.id}`, campaignId: CAMPAIGNS[c.campaign]!, amount: c.amount };
        if ((await engine.charge(db, now(), input)).ok) charges.push(input);
        break;
      }
      case "advance": {
        if (chunked) {
          let left = c.hours;
          for (const part of c.parts) {
            if (part >= left) break;
            must(await engine.advance(db, { hours: part }));
            left -= part;
          }
          must(await engine.advance(db, { hours: left }));
        } else must(await engine.advance(db, { hours: c.hours }));
        break;
      }
      case "simulate":
        must(await engine.simulate(db, { hours: c.hours }));
        break;
      case "status":
        await engine.setCampaignStatus(db, now(), { campaignId: CAMPAIGNS[c.campaign]!, status: c.status });
        break;
      case "freeze":
        await engine.freeze(db, now(), { accountId: ACCOUNTS[c.account]! });
        break;
      case "appeal":
        await engine.appeal(db, now(), { accountId: ACCOUNTS[c.account]! });
        break;
      case "resolve":
        // Appeal first (a no-op or not_frozen when it cannot), so rulings happen often enough to matter.
        await engine.appeal(db, now(), { accountId: ACCOUNTS[c.account]! });
        await engine.resolveAppeal(db, now(), { accountId: ACCOUNTS[c.account]!, outcome: c.revoke ? "revoke" : "reinstate" });
        break;
    }
  }
  return charges;
}

