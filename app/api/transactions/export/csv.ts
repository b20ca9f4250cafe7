// CSV for spreadsheets (RFC 4180): quoted where needed, CRLF line ends. Text that a spreadsheet would run
// as a formula (=, +, -, @ first) gets a leading apostrophe, so an exported campaign name stays text.
export type Cell = string | number | null;

// Most cells need neither: one test lets them through as they are.
const plain = /^[^=+\-@\t\r][^",\r\n]*$/;

export function csvCell(value: Cell, { text = true }: { text?: boolean } = {}): string {
  if (value === null) return "";
  let s = String(value);
  if (plain.test(s)) return s;
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvLine(cells: readonly (Cell | { number: string })[]): string {
  return cells.map((c) => (c !== null && typeof c === "object" ? csvCell(c.number, { text: false }) : csvCell(c))).join(",") + "\r\n";
}

/** Minor units as a plain decimal string in the currency's own precision: 123456 USD → "1234.56", 500 JPY → "500". */
export function decimalAmount(minor: number, fractionDigits: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (fractionDigits === 0) return `${sign}${abs}`;
  const unit = 10 ** fractionDigits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(fractionDigits, "0")}`;
}
