// GET /api/transactions/export?aadvid=…&type=…&from=…&to=…&campaign=… — the Transactions page's filtered
// rows (all of them, every page) as CSV. Same filter parsing as the page; streamed a chunk at a time.
import { transactionTypeLabel } from "@/lib/labels";
import { minorPerMajor } from "@/lib/format";
import {
  describeTransaction,
  lastTransactionId,
  resolveTransactionFilter,
  transactionsAfter,
  type Cursor,
} from "@/lib/queries/transactions";
import { zonedIsoDate, zonedIsoDateTime } from "@/lib/queries/zoned-date";
import { accountRoute, jsonError } from "../../_lib/account-route";
import { csvLine, decimalAmount } from "./csv";

const CHUNK = 500;

export const GET = accountRoute(({ access, params, db, now }) => {
  const { account } = access;
  const resolved = resolveTransactionFilter(db, account, params);
  if (!resolved.ok) return jsonError(400, "invalid_input", resolved.message);
  const filter = resolved.value;
  const digits = Math.round(Math.log10(minorPerMajor(account.currency)));
  const upTo = lastTransactionId(db, account.id);
  const encoder = new TextEncoder();
  let cursor: Cursor | null = null;
  let started = false;

  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      let out = "";
      if (!started) {
        started = true;
        // A byte-order mark lets spreadsheet apps read the file as UTF-8.
        out += "\uFEFF" + csvLine([
          "Transaction ID",
          `Time (${account.timeZone})`,
          "Time (UTC)",
          "Type",
          "Description",
          "Charge ID",
          "Campaign",
          "Campaign ID",
          "Amount",
          "Currency",
        ]);
      }
      const rows = transactionsAfter(db, account.id, filter, cursor, upTo, CHUNK);
      for (const r of rows) {
        out += csvLine([
          { number: String(r.id) },
          zonedIsoDateTime(r.at, account.timeZone),
          new Date(r.at).toISOString(),
          transactionTypeLabel[r.type],
          describeTransaction(r),
          r.chargeId,
          r.campaignName,
          r.campaignId,
          { number: decimalAmount(r.amount, digits) },
          account.currency,
        ]);
      }
      const last = rows[rows.length - 1];
      if (last) cursor = { at: last.at, id: last.id };
      if (out) controller.enqueue(encoder.encode(out));
      if (rows.length < CHUNK) controller.close();
    },
  });

  const filename = `transactions-${account.id}-${zonedIsoDate(now, account.timeZone)}.csv`;
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
});
