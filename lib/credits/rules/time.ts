// Time is epoch milliseconds (UTC). Helpers for the boundaries the engine reacts to.
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const iso = (ms: number): string => new Date(ms).toISOString();

/** 00:00 UTC on the 1st of each month in (from, to] (R14). */
export function monthStartsIn(from: number, to: number): number[] {
  const out: number[] = [];
  const d = new Date(from);
  let m = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  while (m <= to) {
    if (m > from) out.push(m);
    const md = new Date(m);
    m = Date.UTC(md.getUTCFullYear(), md.getUTCMonth() + 1, 1);
  }
  return out;
}

/** Whole UTC hours in (from, to]: the boundaries at which delivery charges. */
export function hourBoundariesIn(from: number, to: number): number[] {
  const out: number[] = [];
  for (let h = Math.floor(from / HOUR) * HOUR + HOUR; h <= to; h += HOUR) out.push(h);
  return out;
}
