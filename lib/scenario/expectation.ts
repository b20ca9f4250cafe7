// Scenario expectation files: `{ "scenario": <scenario input>, "expect": { … } }`, and the comparison of
// what a run printed with what the file expects. The format is the one CI's shared checker reads, so the
// same files run here and there:
//   steps                 array, one entry per step, each a subset of that step's result
//   final, snapshots      subsets of the output: every key given must match, others are ignored;
//                         an empty object {} expects an empty object
//   transactionsInclude   objects each matching a distinct row of final.transactions (subset match)
//   transactionsExclude   objects no row of final.transactions may match
//   absent                paths that must not exist in the output: an array of keys, or a string of keys
//                         joined by "." (the array form when a key itself contains a dot)
//   invalid: true         the file must be rejected (non-zero exit); stderrIncludes: text the error
//                         must contain, compared case-insensitively
// Arrays under a key in SET_KEYS compare as sets; ISO timestamps compare by instant.
import { z } from "zod";

const SET_KEYS = new Set(["assignedCampaigns"]);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

const record = z.record(z.string(), z.unknown());
export const expectationSchema = z.object({
  scenario: z.unknown(),
  expect: z.object({
    steps: z.array(z.unknown()).optional(),
    final: record.optional(),
    snapshots: record.optional(),
    transactionsInclude: z.array(record).optional(),
    transactionsExclude: z.array(record).optional(),
    absent: z.array(z.union([z.string(), z.array(z.string())])).optional(),
    invalid: z.boolean().optional(),
    stderrIncludes: z.string().optional(),
  }),
});
export type Expectation = z.infer<typeof expectationSchema>;

/** How a run ended: the output document it printed, or the reason it rejected the file. */
export type RunOutcome = { kind: "output"; output: unknown } | { kind: "rejected"; stderr: string } | { kind: "crashed"; reason: string };

const json = (v: unknown) => JSON.stringify(v);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Appends to `out` every way `actual` fails to contain `expected` (subset semantics, see the header). */
export function match(expected: unknown, actual: unknown, path: string, out: string[], key?: string): void {
  if (typeof expected === "string" && ISO.test(expected) && typeof actual === "string") {
    if (Date.parse(expected) !== Date.parse(actual)) out.push(`${path}: expected ${expected}, got ${actual}`);
    return;
  }
  if (expected === null || typeof expected !== "object") {
    if (expected !== actual) out.push(`${path}: expected ${json(expected)}, got ${json(actual)}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return void out.push(`${path}: expected an array, got ${json(actual)}`);
    if (key !== undefined && SET_KEYS.has(key)) {
      const a = actual.map(String).sort();
      const e = expected.map(String).sort();
      if (json(a) !== json(e)) out.push(`${path}: expected set ${json(e)}, got ${json(a)}`);
      return;
    }
    if (expected.length !== actual.length) out.push(`${path}: expected ${expected.length} items, got ${actual.length}`);
    expected.forEach((e, i) => i < actual.length && match(e, actual[i], `${path}[${i}]`, out, key));
    return;
  }
  if (!isObject(actual)) return void out.push(`${path}: expected an object, got ${json(actual)}`);
  const want = expected as Record<string, unknown>;
  if (Object.keys(want).length === 0 && Object.keys(actual).length > 0)
    return void out.push(`${path}: expected an empty object, got ${json(actual)}`);
  for (const k of Object.keys(want)) {
    if (!(k in actual)) {
      out.push(`${path}.${k}: missing`);
      continue;
    }
    match(want[k], actual[k], `${path}.${k}`, out, k);
  }
}

const matches = (expected: unknown, actual: unknown) => {
  const out: string[] = [];
  match(expected, actual, "", out);
  return out.length === 0;
};

/** Every way the outcome of a run differs from what the expectation file wants; empty when it passes. */
export function problemsWith(expect: Expectation["expect"], outcome: RunOutcome): string[] {
  if (outcome.kind === "crashed") return [`the run crashed: ${outcome.reason.slice(0, 500)}`];
  if (expect.invalid) {
    if (outcome.kind === "output") return ["the file was accepted, but it is invalid"];
    const wanted = expect.stderrIncludes;
    return wanted && !outcome.stderr.toLowerCase().includes(wanted.toLowerCase())
      ? [`the error does not mention ${json(wanted)}: ${outcome.stderr.slice(0, 300)}`]
      : [];
  }
  if (outcome.kind === "rejected") return [`the file was rejected: ${outcome.stderr.slice(0, 500)}`];

  // Compare what was printed, not the objects in memory: JSON drops undefined keys.
  const result: unknown = JSON.parse(JSON.stringify(outcome.output));
  if (!isObject(result)) return [`the output is not an object: ${json(result).slice(0, 300)}`];
  const problems: string[] = [];
  if (expect.steps) match(expect.steps, result.steps, "steps", problems, "steps");
  if (expect.final) match(expect.final, result.final, "final", problems, "final");
  if (expect.snapshots) match(expect.snapshots, result.snapshots, "snapshots", problems, "snapshots");

  const final = result.final;
  const rows = isObject(final) && Array.isArray(final.transactions) ? final.transactions : [];
  const used = new Set<number>();
  for (const want of expect.transactionsInclude ?? []) {
    const i = rows.findIndex((row, j) => !used.has(j) && matches(want, row));
    if (i < 0) problems.push(`no transaction matches ${json(want)}`);
    else used.add(i);
  }
  for (const unwanted of expect.transactionsExclude ?? [])
    if (rows.some((row) => matches(unwanted, row))) problems.push(`a transaction matches ${json(unwanted)}`);

  for (const path of expect.absent ?? []) {
    const parts = Array.isArray(path) ? path : path.split(".");
    let node: unknown = result;
    for (const part of parts) node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
    if (node !== undefined) problems.push(`${parts.join(" › ")}: expected absent, got ${json(node)}`);
  }
  return problems;
}
