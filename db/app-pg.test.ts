// The web app's own writes on a real PostgreSQL server, where transactions run at once on a pool's
// connections (PGlite has one): what SQLite's BEGIN IMMEDIATE serialises must still be serial here
// (db/app.ts: appTransaction and its advisory locks). On a throwaway cluster (lib/testing/postgres.ts),
// skipped with the reason when no PostgreSQL is installed, failed under CI.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { appTransaction, isUniqueViolation, poolAppDb, type AppDb } from "@/db/app";
import { takeAttempt, throttleLimits } from "@/lib/auth/throttle";
import * as engine from "@/lib/credits";
import { must } from "@/lib/credits";
import { removeMember } from "@/lib/members/members";
import { endPool, resetPostgres, startMigratedPostgres, type PgCluster } from "@/lib/testing/postgres";
import { describePostgres } from "@/lib/testing/postgres-vitest";
import type { PgDb } from "./pg";

const T = Date.UTC(2026, 0, 1);

describePostgres("the app's transactions on a PostgreSQL server", () => {
  let cluster: (PgCluster & { db: PgDb }) | undefined;
  let db: AppDb;

  beforeAll(async () => {
    cluster = await startMigratedPostgres({ fast: true });
  }, 120_000);
  afterAll(async () => {
    if (cluster) await endPool(cluster.db.$client);
    cluster?.stop();
  });
  beforeEach(async () => {
    await resetPostgres(cluster!.db);
    db = poolAppDb(cluster!.db);
  });

  it("the sign-in throttle counts attempts in flight: of 12 at once for one email, exactly the limit get through", async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => takeAttempt(db, "sign_in", { email: "a@example.com", address: "10.0.0.1" }, T)));
    expect(results.filter((r) => r.ok)).toHaveLength(throttleLimits.sign_in.email.max);
  });

  it("two admins removing each other at once leave one admin (the last-admin rule holds under concurrency)", async () => {
    const { memberships, users } = db.tables;
    must(await engine.initClock(db.store, T), "clock");
    must(await engine.createAccount(db.store, T, { id: "a1" }), "account");
    await db.insert(users).values(["ann", "bob"].map((n) => ({ id: n, email: `${n}@example.com`, name: n, passwordHash: "x", createdAt: T })));
    await db.insert(memberships).values([
      { userId: "ann", accountId: "a1", role: "admin" },
      { userId: "bob", accountId: "a1", role: "admin" },
    ]);
    const results = await Promise.all([
      removeMember(db, T, { accountId: "a1", actorUserId: "ann", userId: "bob" }),
      removeMember(db, T, { accountId: "a1", actorUserId: "bob", userId: "ann" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.select().from(memberships).where(eq(memberships.accountId, "a1"))).toHaveLength(1);
  });

  it("a transaction's own writes and its engine operation commit together, or neither does", async () => {
    const { users } = db.tables;
    must(await engine.initClock(db.store, T), "clock");
    const signUp = (userId: string, accountId: string) =>
      appTransaction(db, async (tx) => {
        await tx.insert(tx.tables.users).values({ id: userId, email: "same@example.com", name: userId, passwordHash: "x", createdAt: T });
        must(await engine.createAccount(tx.store, T, { id: accountId }), "account");
      });
    const outcomes = await Promise.allSettled([signUp("u1", "acc1"), signUp("u2", "acc2")]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(isUniqueViolation(refused.reason), "the loser is told the email is taken").toBe(true);
    const [user] = await db.select().from(users);
    const { adAccounts } = db.tables;
    // The winner's account exists; the loser's was rolled back with its user.
    expect(await db.select({ id: adAccounts.id }).from(adAccounts)).toEqual([{ id: user!.id === "u1" ? "acc1" : "acc2" }]);
  });
});
