// Generated inputs for fuzzing server actions and route handlers (in process and over HTTP): well-formed
// values a client can encode. Field names come from the action's own source, and a field named like an id
// gets the app's real ids most of the time, so inputs get past the first checks (session, account, role)
// and into the engine; the rest is junk, wrong types, huge strings and NUL bytes.
import fc from "fast-check";

/** Field names an action or route reads, found in its source (`name: z…`, `.get("name")`), plus common ones. */
export function fieldNames(source: string): string[] {
  const names = new Set(["accountId", "aadvid"]);
  for (const m of source.matchAll(/\b([A-Za-z_]\w{0,40})\s*:\s*(?:z\s*\.|wholeNumber|money|optionalText|checkbox|accountIdSchema)/g)) names.add(m[1]!);
  for (const m of source.matchAll(/\.(?:get|getAll)\(\s*"([^"]{1,40})"\s*\)/g)) names.add(m[1]!);
  return [...names].sort();
}

/** String literals in an action's source (enum values such as "freeze" or "bulk", messages, paths). */
export function stringLiterals(source: string): string[] {
  return [...new Set([...source.matchAll(/"([^"\\\n]{1,40})"/g)].map((m) => m[1]!))];
}

/** The app's real values, by kind; `words` are the enum values and literals an action may expect. */
export type Pools = {
  accounts: string[];
  credits: string[];
  campaigns: string[];
  promotions: string[];
  codes: string[];
  emails: string[];
  words: string[];
};

const awkward = [
  "",
  " ",
  "0",
  "1",
  "24",
  "168",
  "-5",
  "1.5",
  "1e308",
  "NaN",
  "12.345",
  "9007199254740993",
  "on",
  "free",
  "assignable",
  "conditional",
  "discount",
  "ladder",
  "coupon",
  "USD",
  "EUR",
  "JPY",
  "freeze",
  "unfreeze",
  "reinstate",
  "revoke",
  "named",
  "bulk",
  "in_feed",
  "ad_credit",
  "2026-11-01",
  "//evil.example",
  "/\\evil.example",
  "https://evil.example/",
  "$1",
  "$$",
  "$K1",
  "__proto__",
  "constructor",
  "<script>alert(1)</script>",
  '=HYPERLINK("http://evil")',
  "'; drop table credits; --",
  "WELCOME\u000050",
  "\u0000",
  "\ud800",
  "😀".repeat(50),
];

/** Any string: awkward ones, huge ones, random ones. */
export function junkText(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...awkward) },
    { weight: 1, arbitrary: fc.constantFrom("x".repeat(70_000), "A".repeat(200_001), "\u0000".repeat(1_000)) },
    { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  );
}

/** The real values a field of this name most likely takes. */
function likely(key: string, pools: Pools): string[] {
  const k = key.toLowerCase();
  if (/account|aadvid/.test(k)) return pools.accounts;
  if (/credit/.test(k)) return pools.credits;
  if (/campaign/.test(k)) return pools.campaigns;
  if (/promotion/.test(k)) return pools.promotions;
  if (/code|prefix/.test(k)) return pools.codes;
  if (/email/.test(k)) return pools.emails;
  if (/password/.test(k)) return ["promotions", "wrong-password"];
  if (/hours|days|count|redemptions|percent|tier|amount|spend|reward|cap|balance/.test(k)) return ["1", "24", "168", "30", "10", "100.00", "5"];
  return pools.words;
}

/** A value for a field: usually a likely string, or a list of them, sometimes anything JSON can carry. */
export function valueFor(key: string, pools: Pools): fc.Arbitrary<unknown> {
  const real = fc.constantFrom(...likely(key, pools));
  const text = fc.oneof({ weight: 4, arbitrary: real }, { weight: 1, arbitrary: junkText() });
  return fc.oneof(
    { weight: 12, arbitrary: text },
    { weight: 2, arbitrary: fc.array(text, { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

/** A record with most of the action's own fields (and sometimes a stray one). */
export function recordArb(fields: readonly string[], pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      fc.tuple(...fields.map((key) => fc.option(valueFor(key, pools), { freq: 4, nil: undefined }))),
      fc.option(fc.tuple(fc.string({ maxLength: 12 }), valueFor("", pools)), { freq: 3, nil: undefined }),
    )
    .map(([values, stray]) => {
      const out: Record<string, unknown> = {};
      fields.forEach((key, i) => {
        if (values[i] !== undefined) out[key] = values[i];
      });
      if (stray) out[stray[0]] = stray[1];
      return out;
    });
}

/** How a record reaches an action as a form posts it: every value a string, lists as repeated fields. */
export function toFormData(record: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(record))
    for (const item of Array.isArray(value) ? value : [value]) form.append(key, typeof item === "string" ? item : JSON.stringify(item) ?? "");
  return form;
}

/** Anything a client can encode as an argument: a form, a plain object, a bare value. */
export function argumentArb(fields: readonly string[], pools: Pools): fc.Arbitrary<unknown> {
  const record = recordArb(fields, pools);
  return fc.oneof(
    { weight: 4, arbitrary: record.map(toFormData) },
    { weight: 4, arbitrary: record },
    { weight: 2, arbitrary: valueFor("", pools) },
  );
}
