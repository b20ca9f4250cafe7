// Calendar days in an account's time zone, as UTC instants. A date filter "From 1 Nov To 3 Nov" means
// from 1 Nov 00:00 to the end of 3 Nov where the advertiser is, not in UTC.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

const WALL = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;

/** The zone's offset from UTC at `ms`, in milliseconds (positive east of Greenwich). */
export function zoneOffset(ms: number, timeZone: string): number {
  let f = offsetFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    offsetFormats.set(timeZone, f);
  }
  // format() and a pattern is several times faster than formatToParts(), which the CSV export feels;
  // formatToParts() stays as the fallback for anything the pattern does not read (far-off years).
  const m = WALL.exec(f.format(ms));
  let wall: number;
  if (m) wall = Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6]));
  else {
    const parts = f.formatToParts(ms);
    const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  }
  return wall - Math.floor(ms / 1000) * 1000;
}

/** A `YYYY-MM-DD` string that names a real calendar day, as [year, month (1-12), day]; else null. */
export function parseIsoDate(value: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  return [y, mo, d];
}

/**
 * The instant a calendar day starts in `timeZone` (`dayOffset` days after the given date). On a day whose
 * midnight does not exist (a DST jump at 00:00) it is the first instant that does.
 */
export function startOfZonedDay(date: string, timeZone: string, dayOffset = 0): number {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`not a calendar date: ${date}`);
  const wall = Date.UTC(parts[0], parts[1] - 1, parts[2] + dayOffset);
  // Two passes settle the offset even when the first guess lands on the other side of a DST change.
  let t = wall - zoneOffset(wall, timeZone);
  t = wall - zoneOffset(t, timeZone);
  return t;
}

/** The calendar date (`YYYY-MM-DD`) of an instant in `timeZone`. */
export function zonedIsoDate(ms: number, timeZone: string): string {
  return new Date(ms + zoneOffset(ms, timeZone)).toISOString().slice(0, 10);
}

/** An instant as ISO 8601 local time with its offset in `timeZone`, e.g. `2026-11-21T19:00:00-05:00`. */
export function zonedIsoDateTime(ms: number, timeZone: string): string {
  const offset = zoneOffset(ms, timeZone);
  const local = new Date(ms + offset).toISOString().slice(0, 19);
  const minutes = Math.round(Math.abs(offset) / 60_000);
  const sign = offset < 0 ? "-" : "+";
  return `${local}${sign}${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
