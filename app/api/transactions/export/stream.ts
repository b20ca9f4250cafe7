// The CSV export as a stream: one statement read in the page's order from one consistent snapshot, while
// the app's connection stays free. On SQLite it is a prepared statement on a read-only connection of its
// own, iterated row by row (one read transaction); on PostgreSQL a cursor in a REPEATABLE READ, READ ONLY
// transaction on a pooled connection, fetched a batch at a time. Rows are turned into text a chunk at a
// time, only when the client asks for more (ReadableStream pull: back-pressure), so memory stays flat
// whatever the size.
import type Database from "better-sqlite3";
import type { AppDb } from "@/db/app";
import { openReader } from "@/db/client";
import { numericTypes } from "@/db/pg";
import type { AdAccount, TransactionType } from "@/db/schema";
import { transactionTypeLabel } from "@/lib/labels";
import { describeDailyTotal, describeTransaction, dialectSql, exportSql, type ResolvedFilter } from "@/lib/queries/transactions";
import { zonedIsoDateTime } from "@/lib/credits/rules/zoned-date";
import { csvCell, csvLine, decimalAmount } from "./csv";

/** About this many characters go into each chunk handed to the client (fewer, larger chunks stream faster). */
const CHUNK_CHARS = 256 * 1024;

type Names = { credits: Map<string, string>; campaigns: Map<string, string> };

type Statement = { sql: string; params: (string | number)[] };

/** The statement's rows (arrays), closed when the stream ends or is cancelled. */
export type ExportRows =
  /** SQLite: row by row. */
  | { rows: Iterator<unknown[]>; close: () => void }
  /** PostgreSQL: the next batch, empty once there are no more. */
  | { fetch: () => Promise<unknown[][]>; close: () => Promise<void> };

/** Rows of `statement` from a read-only SQLite connection, which is closed with them. */
export function sqliteRows(sqlite: Database.Database, { sql, params }: Statement): ExportRows {
  const rows = sqlite.prepare(sql).raw().iterate(...params) as IterableIterator<unknown[]>;
  return {
    rows,
    close: () => {
      rows.return?.();
      sqlite.close();
    },
  };
}

const BATCH = 2_000;

/** Where the export of `db` reads from: its own read-only connection (SQLite) or a pooled one (PostgreSQL). */
export function exportRows(db: AppDb): (statement: Statement) => Promise<ExportRows> {
  if (db.kind === "sqlite") {
    const app = db.sqliteDb;
    return async (statement) => sqliteRows(openReader(app), statement);
  }
  const { pool } = db;
  return async ({ sql, params }) => {
    if (!pool) throw new Error("the CSV export on PostgreSQL needs a node-postgres pool (a cursor on a connection of its own)");
    const client = await pool.connect();
    try {
      await client.query("begin isolation level repeatable read read only");
      await client.query({ text: `declare export_rows no scroll cursor for ${dialectSql("postgres", sql)}`, values: params });
    } catch (e) {
      client.release(true);
      throw e;
    }
    let closed = false;
    return {
      fetch: async () => (await client.query({ text: `fetch ${BATCH} from export_rows`, rowMode: "array", types: numericTypes })).rows as unknown[][],
      close: async () => {
        if (closed) return;
        closed = true;
        try {
          await client.query("rollback");
          client.release();
        } catch (e) {
          client.release(e instanceof Error ? e : true);
        }
      },
    };
  };
}

export type ExportSource = {
  /** Opens the rows the export reads (on a connection of their own). */
  open: (statement: Statement) => ExportRows | Promise<ExportRows>;
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
  let reader: ExportRows | null = null;
  const finish = async () => {
    const open = reader;
    reader = null;
    await open?.close();
  };
  const line = lineWriter(source);
  const { account, filter, chunkChars = CHUNK_CHARS } = source;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      reader = await source.open(exportSql(account.id, filter));
      const header = filter.view === "daily" ? dailyTotalsHeader(account.timeZone) : everyTransactionHeader(account.timeZone);
      // A byte-order mark lets spreadsheet apps read the file as UTF-8.
      controller.enqueue(encoder.encode("\uFEFF" + csvLine(header)));
    },
    async pull(controller) {
      if (!reader) return;
      let out = "";
      let done = false;
      if ("rows" in reader) {
        const { rows } = reader;
        while (out.length < chunkChars) {
          const next = rows.next();
          if (next.done) {
            done = true;
            break;
          }
          out += line(next.value);
        }
      } else {
        while (out.length < chunkChars) {
          const batch = await reader.fetch();
          if (batch.length === 0) {
            done = true;
            break;
          }
          for (const row of batch) out += line(row);
        }
      }
      if (out) controller.enqueue(encoder.encode(out));
      if (done) {
        controller.close();
        await finish();
      }
    },
    cancel: finish,
  });
}
