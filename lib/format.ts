// Formatting at the UI edge only: money from integer minor units, dates in the account's time zone.
const moneyFormats = new Map<string, Intl.NumberFormat>();

// Building a NumberFormat costs far more than using one (about a millisecond): one per currency (and one
// without cents for short labels), kept.
function moneyFormat(currency: string, whole = false): Intl.NumberFormat {
  const key = whole ? `${currency} whole` : currency;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { style: "currency", currency, ...(whole && { maximumFractionDigits: 0, minimumFractionDigits: 0 }) });
    moneyFormats.set(key, f);
  }
  return f;
}

export function formatMoney(minor: number, currency: string): string {
  return moneyFormat(currency).format(minor / minorPerMajor(currency));
}

/** Whole amounts without cents ("$1,500"), others as usual ("$1,500.50"): for short labels. */
export function formatMoneyShort(minor: number, currency: string): string {
  if (minor % minorPerMajor(currency) !== 0) return formatMoney(minor, currency);
  return moneyFormat(currency, true).format(minor / minorPerMajor(currency));
}

/** Minor units per major unit of a currency (100 for USD, 1 for JPY). */
export function minorPerMajor(currency: string): number {
  return 10 ** (moneyFormat(currency).resolvedOptions().maximumFractionDigits ?? 2);
}

/** Minor units as a person would type them into a money field: 15000 USD → "150.00", 2000 JPY → "2000". */
export function minorToInput(minor: number, currency: string): string {
  const digits = Math.round(Math.log10(minorPerMajor(currency)));
  if (digits === 0) return String(minor);
  const s = String(minor).padStart(digits + 1, "0");
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** The symbol a money field shows before the amount ("$", "€", "¥"). */
export function currencySymbol(currency: string): string {
  return moneyFormat(currency).formatToParts(0).find((p) => p.type === "currency")?.value ?? currency;
}

export function formatDate(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone }).format(ms);
}

export function formatDateTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(ms);
}

export function percentOf(part: number, whole: number): number {
  return whole <= 0 ? 0 : Math.min(100, Math.floor((part * 100) / whole));
}
