// What a server action was called with, as a plain record for zod, or null when it is not something a form
// or the app's own client code sends. Server actions are public endpoints: anyone can post any encodable
// value (a string where FormData was expected, nested arrays, a 200 KB string, NUL bytes), and each of
// those must come back as `invalid_input`, never as an exception.

/** Longest string accepted in any field; schemas set tighter limits of their own. */
export const MAX_TEXT = 20_000;
const MAX_FIELDS = 200;
const MAX_ITEMS = 1_000;
const MAX_DEPTH = 4;

/** Single-valued fields as strings (absent = undefined), plus the named multi-valued ones as arrays. Files are ignored. */
export function formValues(form: unknown, multi: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!(form instanceof FormData)) return out;
  for (const [key, value] of form.entries()) if (typeof value === "string" && !multi.includes(key)) out[key] = value;
  for (const key of multi) out[key] = form.getAll(key).filter((v) => typeof v === "string");
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== "object") return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** JSON-like data within the size limits, with no NUL byte in any string (or key). */
function acceptable(v: unknown, depth: number): boolean {
  if (typeof v === "string") return v.length <= MAX_TEXT && !v.includes("\u0000");
  if (v === null || typeof v === "number" || typeof v === "boolean" || v === undefined) return true;
  if (depth >= MAX_DEPTH) return false;
  if (Array.isArray(v)) return v.length <= MAX_ITEMS && v.every((item) => acceptable(item, depth + 1));
  if (!isPlainObject(v)) return false;
  const entries = Object.entries(v);
  return entries.length <= MAX_FIELDS && entries.every(([k, item]) => acceptable(k, depth + 1) && acceptable(item, depth + 1));
}

/**
 * The action's input: a FormData (read with `multi` naming the repeated fields) or a plain object, checked
 * for size and NUL bytes. Anything else (a string, an array, a Map, a Date, a number, nothing) is null.
 */
export function actionInput(raw: unknown, multi: readonly string[] = []): Record<string, unknown> | null {
  const values = raw instanceof FormData ? formValues(raw, multi) : raw;
  return isPlainObject(values) && acceptable(values, 0) ? values : null;
}
