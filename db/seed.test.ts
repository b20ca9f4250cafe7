import { describe, expect, it } from "vitest";
import { audit } from "@/lib/credits/audit";
import * as engine from "@/lib/credits";
import { openDb } from "./client";
import { demo, seedDemo, SEED_DAYS, SEED_START } from "./seed";

describe("demo seed", async () => {
  const db = openDb(":memory:");
  const { charges } = await seedDemo(db);

  it("drives the engine through 60 days and leaves a ledger the R16 audit finds clean", async () => {
    expect(charges).toBeGreaterThan(5_000);
    expect(await engine.clockNow(db)).toBe(SEED_START + SEED_DAYS * 86_400_000);
    expect(await audit(db)).toEqual([]);
  });

  it("gives the first account every credit type and status, and a ladder part-way up", async () => {
    const credits = db.query.credits.findMany({ where: (c, { eq }) => eq(c.accountId, demo.manual) }).sync();
    const seen = new Set(credits.map((c) => `${c.type}/${c.status}`));
    for (const want of ["free/active", "assignable/active", "conditional/exhausted", "discount/active", "free/exhausted", "free/expired", "free/revoked"])
      expect(seen).toContain(want);
    expect(credits.some((c) => c.source === "business_center" && c.status === "active")).toBe(true);
    expect(db.query.assignmentLog.findMany().sync().length).toBeGreaterThanOrEqual(4);
    const holiday = db.query.activations.findFirst({ where: (a, { eq }) => eq(a.id, "act_holiday") }).sync();
    expect(holiday).toMatchObject({ status: "earning", tierReached: 0 });
    expect(holiday!.qualifyingSpend).toBeLessThan(900_000);
  });
});
