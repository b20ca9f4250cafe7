// The CSV export as a stream: one prepared statement on a read-only connection of its own, iterated in
// the page's order. The statement is one read transaction, so the file is one consistent snapshot, and
// the app's connection stays free meanwhile. Rows are turned into text a chunk at a time, only when the
// client asks for more (ReadableStream pull: back-pressure), so memory stays flat whatever the size.
import type Database from "better-sqlite3";
import type { AdAccount, TransactionType } from "@/db/schema";
import { transactionTypeLabel } from "@/lib/labels";
import { describeDailyTotal, describeTransaction, exportSql, type ResolvedFilter } from "@/lib/queries/transactions";
import { zonedIsoDateTime } from "@/lib/credits/rules/zoned-date";
import { csvCell, csvLine, decimalAmount } from "./csv";

/** About this many characters go into each chunk handed to the client (fewer, larger chunks stream faster). */
const CHUNK_CHARS = 256 * 1024;

type Names = { credits: Map<string, string>; campaigns: Map<string, string> };

export type ExportSource = {
  /** Opens the read-only connection the export reads from; closed when the stream ends or is cancelled. */
  open: () => Database.Database;
  account: AdAccount;
  filter: ResolvedFilter;
  names: Names;
  /** The currency's fraction digits (2 for USD, 0 for JPY). */
  digits: number;
  /** Characters per chunk; CHUNK_CHARS unless a test wants small ones. */
  chunkChars?: number;
};

export const everyTransactionHeader = (timeZone: string) => [
  "Transaction ID",
  `Time (${timeZone})`,
  "Time (UTC)",
  "Type",
  "Description",
  "Charge ID",
  "Campaign",
  "Campaign ID",
  "Amount",
  "Currency",
];

export const dailyTotalsHeader = (timeZone: string) => [
  `Day (${timeZone})`,
  "Type",
  "Description",
  "Campaign",
  "Campaign ID",
  "Credit ID",
  "Transactions",
  "Amount",
  "Currency",
];

type LedgerRow = [id: number, type: TransactionType, amount: number, at: number, creditId: string | null, campaignId: string | null, chargeId: string | null];
type TotalRow = [day: string, type: TransactionType, count: number, amount: number, creditId: string | null, campaignId: string | null];

/** Turns the statement's rows (arrays) into CSV lines for one view. */
function lineWriter({ account, filter, names, digits }: ExportSource): (row: unknown[]) => string {
  const currency = account.currency;
  // Names repeat on every row: their CSV text (quoted, formula-safe) is worked out once.
  const cells = new Map<string | null, string>();
  const cell = (v: string | null) => {
    let c = cells.get(v);
    if (c === undefined) {
      c = csvCell(v);
      if (cells.size < 10_000) cells.set(v, c);
    }
    return c;
  };
  const creditName = (id: string | null) => (id ? (names.credits.get(id) ?? null) : null);
  const campaignName = (id: string | null) => cell(id ? (names.campaigns.get(id) ?? null) : null);
  if (filter.view === "daily")
    return (row) => {
      const [day, type, count, amount, creditId, campaignId] = row as TotalRow;
      const description = describeDailyTotal({ type, count, creditId, creditName: creditName(creditId) });
      return `${day},${transactionTypeLabel[type]},${cell(description)},${campaignName(campaignId)},${cell(campaignId)},${cell(creditId)},${count},${decimalAmount(amount, digits)},${currency}\r\n`;
    };
  // Rows come in time order, many at the same instant (an hour of delivery): format each instant once.
  // The description and campaign cells depend only on the type, credit and campaign: one string each.
  let lastAt = Number.NaN;
  let times = "";
  const described = new Map<string, string>();
  const descriptionCell = (type: TransactionType, creditId: string | null) => {
    const key = `${type}\0${creditId ?? ""}`;
    let c = described.get(key);
    if (c === undefined) {
      c = csvCell(describeTransaction({ type, creditId, creditName: creditName(creditId) }));
      if (described.size < 10_000) described.set(key, c);
    }
    return c;
  };
  const campaigns = new Map<string | null, string>();
  const campaignCells = (id: string | null) => {
    let c = campaigns.get(id);
    if (c === undefined) {
      c = `${campaignName(id)},${cell(id)}`;
      if (campaigns.size < 10_000) campaigns.set(id, c);
    }
    return c;
  };
  return (row) => {
    const [id, type, amount, at, creditId, campaignId, chargeId] = row as LedgerRow;
    if (at !== lastAt) {
      lastAt = at;
      times = `${zonedIsoDateTime(at, account.timeZone)},${new Date(at).toISOString()}`;
    }
    return `${id},${times},${transactionTypeLabel[type]},${descriptionCell(type, creditId)},${csvCell(chargeId)},${campaignCells(campaignId)},${decimalAmount(amount, digits)},${currency}\r\n`;
  };
}

export function exportStream(source: ExportSource): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let sqlite: Database.Database | null = null;
  let rows: IterableIterator<unknown[]> | null = null;
  const finish = () => {
    rows?.return?.();
    rows = null;
    sqlite?.close();
    sqlite = null;
  };
  const line = lineWriter(source);
  const { account, filter, chunkChars = CHUNK_CHARS } = source;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      sqlite = source.open();
      const { sql, params } = exportSql(account.id, filter);
      rows = sqlite.prepare(sql).raw().iterate(...params) as IterableIterator<unknown[]>;
      const header = filter.view === "daily" ? dailyTotalsHeader(account.timeZone) : everyTransactionHeader(account.timeZone);
      // A byte-order mark lets spreadsheet apps read the file as UTF-8.
      controller.enqueue(encoder.encode("\uFEFF" + csvLine(header)));
    },
    pull(controller) {
      if (!rows) return;
      let out = "";
      while (out.length < chunkChars) {
        const next = rows.next();
        if (next.done) {
          if (out) controller.enqueue(encoder.encode(out));
          controller.close();
          finish();
          return;
        }
        out += line(next.value);
      }
      controller.enqueue(encoder.encode(out));
    },
    cancel: finish,
  });
}
