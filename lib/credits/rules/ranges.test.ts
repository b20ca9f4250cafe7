// Range checks every operation shares (SPEC §5, Settled details); the scenario files
// errors-invalid-input-*.json check them through the operations.
import { describe, expect, it } from "vitest";
import * as engine from "../index";
import { fresh, T0 } from "../test-kit";
import { validCountries, validId, validRequirement, validTimeZone } from "./ranges";

describe("shared ranges", () => {
  it("takes ids that are not blank and at most 200 characters", async () => {
    expect(validId("a")).toBe(true);
    expect(validId("x".repeat(200))).toBe(true);
    for (const bad of ["", "  ", "x".repeat(201)]) expect(validId(bad)).toBe(false);
  });

  it("takes a requirement's cash balance as a non-negative integer only", async () => {
    expect(validRequirement(undefined)).toBe(true);
    expect(validRequirement({ minCashBalance: 0 })).toBe(true);
    for (const bad of [-5, 1.5, Number.NaN, 2 ** 60]) expect(validRequirement({ minCashBalance: bad })).toBe(false);
  });

  it("takes countries written as an account's country is", async () => {
    expect(validCountries(["US", "CA"])).toBe(true);
    for (const bad of [["us"], ["USA"], [""]]) expect(validCountries(bad)).toBe(false);
  });

  it("refuses an account time zone the runtime does not know, since every date is printed in it", async () => {
    expect(validTimeZone("Europe/Paris")).toBe(true);
    expect(validTimeZone("Mars/Olympus")).toBe(false);
    const { db } = await fresh();
    expect(await engine.createAccount(db, T0, { id: "a1", timeZone: "Mars/Olympus" })).toMatchObject({ ok: false, error: "invalid_input" });
    expect(await engine.createAccount(db, T0, { id: "a1", timeZone: "America/New_York" })).toMatchObject({ ok: true });
  });
});
