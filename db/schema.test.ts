// The database itself refuses rows that break the model, whatever code tries to write them.
import { beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "./client";
import { adAccounts, campaigns, charges, credits, transactions } from "./schema";

let db: Db;
const account = { id: "a1", name: "A", currency: "USD", country: "US", billing: "manual", kind: "self_serve", createdAt: 0 } as const;
const campaign = { id: "c1", accountId: "a1", name: "C", adProduct: "in_feed", status: "active", createdAt: 0 } as const;
const charge = { id: "ch1", accountId: "a1", campaignId: "c1", amount: 100, at: 0, cash: 100 };

beforeEach(() => {
  db = openDb(":memory:");
  db.insert(adAccounts).values(account).run();
  db.insert(campaigns).values(campaign).run();
});

describe("database constraints", () => {
  it("rejects a negative money amount", () => {
    expect(() => db.insert(adAccounts).values({ ...account, id: "a2", cashBalance: -1 }).run()).toThrow(/CHECK constraint failed/);
    expect(() =>
      db.insert(transactions).values({ accountId: "a1", type: "top_up", amount: -5, at: 0 }).run(),
    ).toThrow(/CHECK constraint failed/);
  });

  it("rejects an unknown enum value", () => {
    const bad = { ...campaign, id: "c2", status: "running" } as unknown as typeof campaigns.$inferInsert;
    expect(() => db.insert(campaigns).values(bad).run()).toThrow(/CHECK constraint failed/);
  });

  it("rejects a duplicate charge id (R3 idempotency key)", () => {
    db.insert(charges).values(charge).run();
    expect(() => db.insert(charges).values(charge).run()).toThrow(/UNIQUE constraint failed|PRIMARY KEY/);
  });

  it("rejects a dangling foreign key", () => {
    expect(() => db.insert(campaigns).values({ ...campaign, id: "c3", accountId: "nope" }).run()).toThrow(/FOREIGN KEY/);
  });

  it("rejects a charge whose split does not add up (R16)", () => {
    expect(() => db.insert(charges).values({ ...charge, cash: 99 }).run()).toThrow(/CHECK constraint failed/);
  });

  it("rejects a credit whose used + unused + forfeited differs from its amount (R16)", () => {
    const credit = {
      id: "cr1", accountId: "a1", name: "x", type: "free", source: "grant", currency: "USD", amount: 100,
      used: 10, unused: 80, forfeited: 0, issuedAt: 0, expiresAt: 10, restrictions: {}, requirement: {}, status: "active",
    } as const;
    expect(() => db.insert(credits).values(credit).run()).toThrow(/CHECK constraint failed/);
  });

  it("keeps transactions append-only (R16)", () => {
    db.insert(transactions).values({ accountId: "a1", type: "top_up", amount: 5, at: 0 }).run();
    expect(() => db.update(transactions).set({ amount: 6 }).run()).toThrow(/append-only/);
    expect(() => db.delete(transactions).run()).toThrow(/append-only/);
  });
});
