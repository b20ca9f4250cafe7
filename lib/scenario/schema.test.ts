import { describe, expect, it } from "vitest";
import { InvalidScenario, parseScenario } from "./schema";
import { runScenario } from "./run";

const file = (steps: unknown[]) => ({ start: "2026-01-01T00:00:00Z", steps });
const reason = (doc: unknown) => {
  try {
    parseScenario(doc);
  } catch (e) {
    if (e instanceof InvalidScenario) return e.message;
    throw e;
  }
  return null;
};

describe("scenario files (SPEC §5)", () => {
  it("names the step (1-based), the field and the offending value", () => {
    const steps = [{ op: "createAccount", id: "a1" }, { op: "linkPaymentMethod", account: "a1" }, { op: "topUp", account: "a1", amount: "ten" }];
    expect(reason(file(steps))).toBe('step 3 (topUp): amount must be an integer, got "ten"');
  });
  it("rejects an unknown op, a missing field and an unknown enum value", () => {
    expect(reason(file([{ op: "mint" }]))).toBe('step 1: unknown op "mint"');
    expect(reason(file([{ op: "createCampaign", id: "c1", adProduct: "in_feed" }]))).toBe("step 1 (createCampaign): account is required");
    expect(reason(file([{ op: "createAccount", id: "a", billing: "cheque" }]))).toMatch(/^step 1 \(createAccount\): billing must be one of manual, automatic, invoice, got "cheque"$/);
    expect(reason(file([{ op: "createPromotion", id: "p", kind: "ladder", tiers: [{ spend: 1, reward: "x" }] }]))).toMatch(/tiers\[0\]\.reward must be an integer/);
    expect(reason({ steps: [] })).toMatch(/start is required/);
  });
  it("leaves out-of-range values of the right type to the engine as invalid_input steps", async () => {
    const out = await runScenario(parseScenario(file([{ op: "createAccount", id: "a1" }, { op: "topUp", account: "a1", amount: -5 }, { op: "topUp", account: "a1", amount: 2.5 }])));
    expect(out.steps).toEqual([
      { op: "createAccount", ok: true },
      { op: "topUp", ok: false, error: "invalid_input" },
      { op: "topUp", ok: false, error: "invalid_input" },
    ]);
  });
});
