// Money typed by a person ("1,250.50", "$200") into integer minor units, by reading the digits of the
// string — never through a float, so "0.29" is 29 cents and not 28.999….
export type MoneyParse = { ok: true; minor: number } | { ok: false; message: string };

/** `digits` is the currency's number of decimals (2 for USD, 0 for JPY). */
export function parseMoney(input: string, digits = 2): MoneyParse {
  const s = input.trim().replace(/^\$/, "").replaceAll(",", "");
  if (s === "") return { ok: false, message: "Enter an amount." };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!match) return { ok: false, message: "Enter an amount like 200.00." };
  const [, whole = "", fraction = ""] = match;
  if (fraction.length > digits)
    return { ok: false, message: digits === 0 ? "This currency has no cents." : `Use at most ${digits} decimals.` };
  const minor = BigInt(whole + fraction.padEnd(digits, "0"));
  if (minor === 0n) return { ok: false, message: "Enter an amount above zero." };
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: "That amount is too large." };
  return { ok: true, minor: Number(minor) };
}
