import { describe, expect, it } from "vitest";
import { match, problemsWith, type RunOutcome } from "./expectation";

const problems = (expected: unknown, actual: unknown, key?: string) => {
  const out: string[] = [];
  match(expected, actual, "x", out, key);
  return out;
};
const output = (o: object): RunOutcome => ({ kind: "output", output: o });

describe("expectation matching (the scenario files' format, SPEC §5)", () => {
  it("objects match as subsets: named keys must match, others are ignored", () => {
    expect(problems({ a: 1 }, { a: 1, b: 2 })).toEqual([]);
    expect(problems({ a: 1 }, { a: 2 })).toEqual(["x.a: expected 1, got 2"]);
    expect(problems({ a: 1 }, { b: 1 })).toEqual(["x.a: missing"]);
  });

  it("an empty object expects an empty object", () => {
    expect(problems({}, {})).toEqual([]);
    expect(problems({}, { a: 1 })).toHaveLength(1);
  });

  it("arrays match item by item and must have the same length", () => {
    expect(problems([{ ok: true }], [{ ok: true, op: "charge" }])).toEqual([]);
    expect(problems([1, 2], [1])).toEqual(["x: expected 2 items, got 1"]);
  });

  it("assignedCampaigns compare as sets", () => {
    expect(problems(["c2", "c1"], ["c1", "c2"], "assignedCampaigns")).toEqual([]);
    expect(problems(["c2", "c1"], ["c1", "c2"], "campaigns")).toHaveLength(2);
  });

  it("ISO timestamps compare by instant", () => {
    expect(problems("2026-01-01T00:00Z", "2026-01-01T00:00:00.000Z")).toEqual([]);
    expect(problems("2026-01-01T00:00Z", "2026-01-01T00:00:01.000Z")).toHaveLength(1);
  });
});

describe("an expectation file against a run", () => {
  const result = {
    steps: [{ op: "createAccount", ok: true }],
    snapshots: {},
    final: {
      transactions: [
        { type: "top_up", amount: 100 },
        { type: "top_up", amount: 100 },
      ],
      accounts: { a1: { cashBalance: 200 } },
    },
  };

  it("passes when every part it names matches", () => {
    expect(
      problemsWith(
        { steps: [{ ok: true }], final: { accounts: { a1: { cashBalance: 200 } } }, snapshots: {}, absent: ["final.credits"] },
        output(result),
      ),
    ).toEqual([]);
  });

  it("transactionsInclude needs a distinct row for each object", () => {
    expect(problemsWith({ transactionsInclude: [{ type: "top_up" }, { type: "top_up" }] }, output(result))).toEqual([]);
    expect(problemsWith({ transactionsInclude: [{ type: "top_up" }, { type: "top_up" }, { type: "top_up" }] }, output(result))).toEqual([
      'no transaction matches {"type":"top_up"}',
    ]);
  });

  it("transactionsExclude and absent fail when something is there", () => {
    expect(problemsWith({ transactionsExclude: [{ amount: 100 }] }, output(result))).toHaveLength(1);
    expect(problemsWith({ absent: ["final.accounts.a1"] }, output(result))).toHaveLength(1);
    expect(problemsWith({ absent: [["final", "accounts", "a1", "cashBalance"]] }, output(result))).toHaveLength(1);
  });

  it("keys holding undefined count as absent, as they would once printed as JSON", () => {
    expect(problemsWith({ absent: ["final.gone"] }, output({ ...result, final: { ...result.final, gone: undefined } }))).toEqual([]);
  });

  it("an invalid file must be rejected, with the expected words in the error", () => {
    expect(problemsWith({ invalid: true, stderrIncludes: "STEP 3" }, { kind: "rejected", stderr: "step 3 (topUp): amount …" })).toEqual([]);
    expect(problemsWith({ invalid: true, stderrIncludes: "step 4" }, { kind: "rejected", stderr: "step 3 (topUp)" })).toHaveLength(1);
    expect(problemsWith({ invalid: true }, output(result))).toEqual(["the file was accepted, but it is invalid"]);
  });

  it("a crash is never a pass, not even for an invalid file", () => {
    expect(problemsWith({ invalid: true }, { kind: "crashed", reason: "TypeError" })).toHaveLength(1);
    expect(problemsWith({ steps: [] }, { kind: "rejected", stderr: "step 1: unknown op" })).toHaveLength(1);
  });
});
