import { describe, expect, it } from "vitest";
import { sqliteAppDb } from "@/db/app";
import * as engine from "@/lib/credits";
import { DAY } from "@/lib/credits/rules/time";
import { fresh, must } from "@/lib/credits/test-kit";
import { expiringCredits, isExpiringSoon } from "./expiring";

describe("Expiring soon (SPEC 6.1)", () => {
  const now = Date.UTC(2026, 10, 22);
  const credit = { status: "active" as const, unused: 100, issuedAt: now - DAY, expiresAt: now + 7 * DAY };

  it("marks unused value expiring within 7 days, the 7th day included", async () => {
    expect(isExpiringSoon(credit, now)).toBe(true);
    expect(isExpiringSoon({ ...credit, expiresAt: now + 7 * DAY + 1 }, now)).toBe(false);
    expect(isExpiringSoon({ ...credit, expiresAt: now + 1 }, now)).toBe(true);
  });

  it("leaves out credits already expired, not yet issued, used up or no longer active", async () => {
    expect(isExpiringSoon({ ...credit, expiresAt: now }, now)).toBe(false);
    expect(isExpiringSoon({ ...credit, issuedAt: now + 1 }, now)).toBe(false);
    expect(isExpiringSoon({ ...credit, unused: 0 }, now)).toBe(false);
    expect(isExpiringSoon({ ...credit, status: "revoked" }, now)).toBe(false);
  });

  it("lists the account's expiring credits soonest first, and no other account's", async () => {
    const { db, now: at, account } = await fresh();
    await account("a1");
    await account("a2");
    const grant = async (id: string, accountId: string, validDays: number) =>
      must(await engine.grantCredit(db, at(), { id, accountId, type: "free", amount: 500, validDays }));
    await grant("late", "a1", 6);
    await grant("soon", "a1", 2);
    await grant("far", "a1", 8);
    await grant("other", "a2", 1);
    expect((await expiringCredits(sqliteAppDb(db), "a1", at())).map((c) => c.id)).toEqual(["soon", "late"]);
  });
});
