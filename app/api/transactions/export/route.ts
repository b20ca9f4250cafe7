// GET /api/transactions/export?aadvid=…&view=…&type=…&from=…&to=…&campaign=… — the Transactions page's
// filtered rows (all of them, every page) as CSV, in the view the page shows: daily totals or every
// transaction. Same filter parsing as the page; streamed (see stream.ts).
import { minorPerMajor } from "@/lib/format";
import { namesOf, resolveTransactionFilter } from "@/lib/queries/transactions";
import { zonedIsoDate } from "@/lib/credits/rules/zoned-date";
import { accountRoute, jsonError } from "../../_lib/account-route";
import { exportRows, exportStream } from "./stream";

export const GET = accountRoute(async ({ access, params, db, now }) => {
  const { account } = access;
  const resolved = await resolveTransactionFilter(db, account, params);
  if (!resolved.ok) return jsonError(400, "invalid_input", resolved.message);
  const stream = exportStream({
    open: exportRows(db),
    account,
    filter: resolved.value,
    names: await namesOf(db, account.id),
    digits: Math.round(Math.log10(minorPerMajor(account.currency))),
  });
  const what = resolved.value.view === "daily" ? "daily-totals" : "transactions";
  const filename = `${what}-${account.id}-${zonedIsoDate(now, account.timeZone)}.csv`;
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
});
