// The Store contract: what every adapter must do, written against the Store interface alone. Each adapter's
// test file runs it (store/sqlite.test.ts, and store/pg.test.ts on PGlite).
import { describe, expect, it } from "vitest";
import type { NewAccount, Store } from "./store";

const T0 = Date.UTC(2026, 0, 1);

const newAccount = (id: string): NewAccount => ({
  id,
  name: id,
  businessCenterId: null,
  currency: "USD",
  country: "US",
  timeZone: "UTC",
  industry: null,
  billing: "manual",
  kind: "self_serve",
  paymentMethod: false,
  priorPaidHistory: false,
  billingThreshold: 5000,
  creditLimit: 0,
  createdAt: T0,
});

class Boom extends Error {}

/**
 * `open` gives a store on an empty, migrated database, and a way to close it. `inCallOrder`: concurrent
 * transactions run in the order they were asked for (one connection: SQLite, PGlite); a pool's
 * connections begin at once, and which one takes the account first is up to the server.
 */
export function storeContract(
  name: string,
  open: () => Promise<{ store: Store; close: () => Promise<void> | void }>,
  { inCallOrder = true }: { inCallOrder?: boolean } = {},
) {
  const withStore = (fn: (store: Store) => Promise<void>) => async () => {
    const { store, close } = await open();
    try {
      await store.transaction(async (tx) => tx.initClock(T0));
      await fn(store);
    } finally {
      await close();
    }
  };

  describe(`Store contract: ${name}`, () => {
    it(
      "commits what a transaction wrote when it resolves",
      withStore(async (store) => {
        const out = await store.transaction(async (tx) => {
          await tx.insertAccount(newAccount("a1"));
          await tx.appendTransaction({ accountId: "a1", type: "top_up", amount: 500, at: T0 });
          await tx.setCashBalance("a1", 500);
          return "done";
        });
        expect(out).toBe("done");
        expect((await store.accountForUpdate("a1"))?.cashBalance).toBe(500);
        expect(await store.dailyTotalMismatches()).toEqual([]);
      }),
    );

    it(
      "rolls back everything a transaction wrote when it throws, and rethrows (R16: nothing half-done)",
      withStore(async (store) => {
        await expect(
          store.transaction(async (tx) => {
            await tx.insertAccount(newAccount("a1"));
            await tx.appendTransaction({ accountId: "a1", type: "top_up", amount: 500, at: T0 });
            throw new Boom("refused");
          }),
        ).rejects.toBeInstanceOf(Boom);
        expect(await store.accountExists("a1")).toBe(false);
        // The rolled-back ledger row's daily total was not written either.
        expect(await store.dailyTotalMismatches()).toEqual([]);
        expect(await store.auditRows("accountBalances")).toEqual([]);
      }),
    );

    it(
      "a nested transaction that fails rolls back only its own writes; the outer one carries on and commits",
      withStore(async (store) => {
        await store.transaction(async (tx) => {
          await tx.insertAccount(newAccount("outer"));
          await tx.appendTransaction({ accountId: "outer", type: "top_up", amount: 100, at: T0 });
          await expect(
            tx.transaction(async (inner) => {
              await inner.insertAccount(newAccount("inner"));
              await inner.appendTransaction({ accountId: "outer", type: "top_up", amount: 7, at: T0 });
              throw new Boom("nested");
            }),
          ).rejects.toBeInstanceOf(Boom);
          await tx.setCashBalance("outer", 100);
        });
        expect(await store.accountExists("outer")).toBe(true);
        expect(await store.accountExists("inner")).toBe(false);
        expect(await store.dailyTotalMismatches()).toEqual([]);
        expect(await store.auditRows("accountBalances")).toEqual([]);
      }),
    );

    it(
      "runs concurrent transactions one after another: none sees another's uncommitted writes, no update is lost",
      withStore(async (store) => {
        await store.transaction(async (tx) => void (await tx.insertAccount(newAccount("a1"))));
        const log: string[] = [];
        const add = (who: string, amount: number) =>
          store.transaction(async (tx) => {
            // Logged once the account is held: a pool (PostgreSQL) begins transactions at once, and they queue there.
            const before = (await tx.accountForUpdate("a1"))!.cashBalance;
            log.push(`${who} begins`);
            await tx.appendTransaction({ accountId: "a1", type: "top_up", amount, at: T0 });
            await tx.setCashBalance("a1", before + amount);
            log.push(`${who} ends`);
          });
        await Promise.all([add("x", 1), add("y", 10), add("z", 100)]);
        // Each one ends before the next begins.
        const whoBegan = log.filter((_, i) => i % 2 === 0).map((l) => l.split(" ")[0]!);
        expect(log).toEqual(whoBegan.flatMap((who) => [`${who} begins`, `${who} ends`]));
        expect(inCallOrder ? whoBegan : [...whoBegan].sort()).toEqual(["x", "y", "z"]);
        expect((await store.accountForUpdate("a1"))!.cashBalance).toBe(111);
        expect(await store.auditRows("accountBalances")).toEqual([]);
      }),
    );

    it(
      "a transaction that failed leaves the store usable for the next one",
      withStore(async (store) => {
        const failing = store.transaction(async (tx) => {
          await tx.insertAccount(newAccount("a1"));
          throw new Boom("first");
        });
        const next = store.transaction(async (tx) => tx.insertAccount(newAccount("a2")));
        await expect(failing).rejects.toBeInstanceOf(Boom);
        await next;
        expect([await store.accountExists("a1"), await store.accountExists("a2")]).toEqual([false, true]);
      }),
    );

    it(
      "charges written in one batch read back by id, in order, with their ledger rows",
      withStore(async (store) => {
        await store.transaction(async (tx) => {
          await tx.insertAccount(newAccount("a1"));
          await tx.insertCampaign({ id: "c1", accountId: "a1", name: "c1", adProduct: "in_feed", status: "active", dailyBudget: 0, createdAt: T0 });
          await tx.appendTransaction({ accountId: "a1", type: "top_up", amount: 1_000, at: T0 });
          await tx.writeCharges({
            charges: [1, 2].map((n) => ({ id: `x${n}`, accountId: "a1", campaignId: "c1", amount: 100 * n, at: T0, discount: 0, credits: 0, cash: 100 * n, billed: 0, creditLine: 0 })),
            allocations: [],
            ledger: [1, 2].map((n) => ({ accountId: "a1", type: "cash" as const, amount: 100 * n, at: T0, creditId: "", campaignId: "c1", chargeId: `x${n}`, timeZone: "UTC" })),
            qualifying: [],
            spent: new Map(),
            balances: [{ accountId: "a1", cashBalance: 700, amountDue: 0, creditLineUsed: 0 }],
            progress: [],
          });
        });
        expect(await store.chargeOrCampaign("x1", "c1")).toEqual({ seen: expect.objectContaining({ id: "x1", campaignId: "c1", amount: 100 }) });
        expect(await store.transaction(async (tx) => tx.chargeOrCampaign("x9", "c1"))).toEqual({ campaign: expect.objectContaining({ id: "c1", accountId: "a1" }) });
        expect((await store.chargeOrCampaign("x9", "nope")).campaign).toBeUndefined();
        const found = await store.chargesByIds(["x2", "nope", "x1"]);
        expect([...found.keys()].sort()).toEqual(["x1", "x2"]);
        expect(found.get("x2")).toMatchObject({ campaignId: "c1", amount: 200, cash: 200 });
        const book = (await store.accountBooks(["a1", "ghost"], T0)).get("a1")!;
        expect(book.account).toMatchObject({ cashBalance: 700, priorPaidHistory: true });
        expect(await store.auditRows("chargeLedger")).toEqual([]);
        expect(await store.auditRows("accountBalances")).toEqual([]);
        expect(await store.dailyTotalMismatches()).toEqual([]);
      }),
    );

    it(
      "…ForUpdate reads answer as the plain reads do, inside a transaction, and nothing for a missing id",
      withStore(async (store) => {
        await store.transaction(async (tx) => {
          await tx.insertAccount(newAccount("a1"));
          await tx.insertCampaign({ id: "c1", accountId: "a1", name: "c1", adProduct: "in_feed", status: "active", dailyBudget: 100, createdAt: T0 });
          await tx.insertPromotion(
            { id: "p1", name: "p1", kind: "ladder", currency: "USD", creditType: "free", amount: null, percent: null, windowDays: 3, rewardDelayHours: 24, creditValidityDays: 30, restrictions: { adProducts: ["in_feed"] }, requirement: {}, eligibility: {}, autoActivate: false, exclusive: true, createdAt: T0 },
            [{ spend: 100, reward: 10 }],
          );
          await tx.insertActivation({ id: "v1", accountId: "a1", promotionId: "p1", code: null, activatedAt: T0, windowEndsAt: T0 + 1, qualifyingSpend: 0, tierReached: null, status: "earning" });
          await tx.insertCredit({ id: "k1", accountId: "a1", name: "k1", type: "free", source: "grant", currency: "USD", amount: 50, percent: null, issuedAt: T0, expiresAt: T0 + 1, restrictions: {}, requirement: {}, promotionId: null, code: null });
        });
        await store.transaction(async (tx) => {
          expect(await tx.clockForUpdate()).toBe(await tx.clockNow());
          expect(await tx.campaignForUpdate("c1")).toEqual(await tx.campaign("c1"));
          expect(await tx.promotionForUpdate("p1")).toEqual(await tx.promotion("p1"));
          expect(await tx.creditForUpdate("k1")).toEqual(await tx.credit("k1"));
          expect(await tx.activationForUpdate("v1")).toMatchObject({ a: { id: "v1", accountId: "a1" }, p: { id: "p1", restrictions: { adProducts: ["in_feed"] } } });
          expect([await tx.campaignForUpdate("no"), await tx.promotionForUpdate("no"), await tx.creditForUpdate("no"), await tx.activationForUpdate("no")]).toEqual([undefined, undefined, undefined, undefined]);
        });
      }),
    );

    it(
      "keeps a clock move's record with the clock, and clears it (issue 12 step 4: a move cut short resumes from it)",
      withStore(async (store) => {
        expect(await store.transaction((tx) => tx.clockMove())).toEqual({ now: T0, move: null });
        const move = { from: T0, to: T0 + 7_200_000, delivers: true, hoursDone: T0, campaign: "c1@x", billed: null, charged: 3, failed: 1, events: 2 };
        await store.transaction((tx) => tx.setClockMove(T0 + 3_600_000, move));
        expect(await store.transaction((tx) => tx.clockMove())).toEqual({ now: T0 + 3_600_000, move });
        expect(await store.clockNow()).toBe(T0 + 3_600_000);
        await store.transaction((tx) => tx.setClockMove(T0 + 7_200_000, null));
        expect(await store.transaction((tx) => tx.clockMove())).toEqual({ now: T0 + 7_200_000, move: null });
      }),
    );

    it(
      "keeps the ledger and the assignment log append-only: their guards exist (R16)",
      withStore(async (store) => {
        expect(await store.appendOnlyGuards()).toEqual(
          expect.arrayContaining(["transactions_no_update", "transactions_no_delete", "assignment_log_no_update", "assignment_log_no_delete"]),
        );
      }),
    );
  });
}
