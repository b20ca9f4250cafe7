// The rows of the Transactions page for a checked filter: the count line, Export CSV, the table and keyset
// pagination. Daily totals and every transaction share the frame.
import { Link } from "@/components/ui/link";
import { LinkScope } from "@/components/ui/link-scope";
import type { ReactNode } from "react";
import { getDb } from "@/db/app";
import { buttonClass } from "@/components/ui/button";
import type { AdAccount, TransactionType } from "@/db/schema";
import { formatMoney } from "@/lib/format";
import { transactionTypeLabel } from "@/lib/labels";
import {
  COUNT_CAP,
  dailyTotalsPage,
  describeDailyTotal,
  describeTransaction,
  filterQuery,
  PAGE_SIZE,
  transactionPage,
  type DailyTotalRow,
  type ResolvedFilter,
  type TransactionRow,
} from "@/lib/queries/transactions";
import { Pagination } from "./pagination";

const PATH = "/tools/payments/transactions";
const n = (v: number) => v.toLocaleString("en-US");

export async function Results({ account, resolved, clearHref }: { account: AdAccount; resolved: ResolvedFilter; clearHref: string }) {
  const db = getDb();
  const { filter } = resolved;
  const href = (cursor?: { after: string } | { before: string }) => `${PATH}?${filterQuery(account.id, filter, cursor)}`;
  const exportHref = `/api/transactions/export?${filterQuery(account.id, filter)}`;
  const daily = resolved.view === "daily";
  const listed = daily
    ? ({ daily: true, page: await dailyTotalsPage(db, account.id, resolved) } as const)
    : ({ daily: false, page: await transactionPage(db, account.id, resolved) } as const);
  const { page } = listed;
  const noun = daily ? ["daily total", "daily totals"] : ["transaction", "transactions"];
  const label = daily ? "Daily totals" : "Transactions";
  const shown = page.rows.length;

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
        <p className="text-[13px] text-ink-2" aria-live="polite">
          {shown === 0 ? (
            `No ${noun[1]}`
          ) : (
            <>
              Showing{" "}
              <span className="font-medium text-ink tabular-nums">
                {page.first === null ? `${n(shown)} ${shown === 1 ? noun[0] : noun[1]} past the first ${n(COUNT_CAP)}` : `${n(page.first)}–${n(page.first + shown - 1)}`}
              </span>
              {page.first !== null && (
                <>
                  {" "}
                  of{" "}
                  {page.total === null ? (
                    <span className="font-medium text-ink">more than {n(COUNT_CAP)}</span>
                  ) : (
                    <span data-testid="transaction-total" className="font-medium text-ink tabular-nums">
                      {n(page.total)}
                    </span>
                  )}{" "}
                  {page.total === 1 ? noun[0] : noun[1]}
                </>
              )}
            </>
          )}
        </p>
        <a href={exportHref} download className={buttonClass("secondary", "sm")}>
          <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor">
            <path d="M10 2.5a1 1 0 0 1 1 1v7.1l2.3-2.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 1.4-1.4L9 10.6V3.5a1 1 0 0 1 1-1ZM4 15.5a1 1 0 0 1 1 1h10a1 1 0 1 1 0 2H5a2 2 0 0 1-2-2 1 1 0 0 1 1-1Z" />
          </svg>
          Export CSV
        </a>
      </div>
      {shown === 0 ? (
        <div className="border-t border-line px-4 py-12 text-center">
          <p className="font-medium">No {noun[1]} match these filters</p>
          <p className="mt-1 text-[13px] text-ink-2">
            Try a wider date range or another type, or{" "}
            <Link href={clearHref} className="font-medium text-brand hover:underline">
              clear all filters
            </Link>
            .
          </p>
        </div>
      ) : (
        // The daily totals' counts are plain links; the scope navigates and prefetches for all of them.
        <LinkScope className="overflow-x-auto border-t border-line" tabIndex={0} role="region" aria-label={label}>
          {listed.daily ? <DailyTable account={account} rows={listed.page.rows} /> : <EveryTable account={account} rows={listed.page.rows} />}
        </LinkScope>
      )}
      {(page.newer || page.older) && (
        <Pagination
          newest={page.newer ? href() : null}
          newer={page.newer ? href({ before: page.newer }) : null}
          older={page.older ? href({ after: page.older }) : null}
          summary={page.first === null ? null : `${n(page.first)}–${n(page.first + shown - 1)}`}
          pageSize={PAGE_SIZE}
        />
      )}
    </>
  );
}

// One table at every width: below 768 px the time (or day), type and campaign columns fold into the
// description, so a phone gets the same table (not a second copy of the rows as a list, which doubled the
// page's markup).
function Narrow({ when, type, campaign }: { when: string; type: TransactionType; campaign: string | null }) {
  return (
    <span className="block text-xs text-ink-3 md:hidden">
      {transactionTypeLabel[type]} · {when}
      {campaign && <span className="block">{campaign}</span>}
    </span>
  );
}

const Head = ({ children, wide, num }: { children: ReactNode; wide?: boolean; num?: boolean }) => (
  <th scope="col" className={`${wide ? "hidden md:table-cell" : ""} ${num ? "num" : ""}`}>
    {children}
  </th>
);

function DailyTable({ account, rows }: { account: AdAccount; rows: DailyTotalRow[] }) {
  // A total's transactions: every transaction of that day, type and campaign.
  const drill = (r: DailyTotalRow) =>
    `${PATH}?${filterQuery(account.id, { view: "all", type: r.type, campaign: r.campaignId ?? undefined, from: r.day, to: r.day })}`;
  return (
    <table className="table">
      <thead>
        <tr>
          <Head wide>Day</Head>
          <Head wide>Type</Head>
          <Head>Description</Head>
          <Head wide>Campaign</Head>
          <Head num>Transactions</Head>
          <Head num>Amount</Head>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-id={r.id}>
            <td className="hidden whitespace-nowrap text-ink-2 tabular-nums md:table-cell">{formatDay(r.day)}</td>
            <td className="hidden whitespace-nowrap md:table-cell">{transactionTypeLabel[r.type]}</td>
            <td className="md:min-w-56">
              {describeDailyTotal(r)}
              <Narrow when={formatDay(r.day)} type={r.type} campaign={r.campaignName} />
            </td>
            <td className="hidden min-w-40 text-ink-2 md:table-cell">{r.campaignName ?? <span className="text-ink-3">—</span>}</td>
            <td className="num">
              <a
                href={drill(r)}
                className="font-medium text-brand hover:underline"
                aria-label={`${n(r.count)} ${r.count === 1 ? "transaction" : "transactions"}: ${transactionTypeLabel[r.type]}, ${formatDay(r.day)}${r.campaignName ? `, ${r.campaignName}` : ""}`}
              >
                {n(r.count)}
              </a>
            </td>
            <td className="num font-medium whitespace-nowrap">{formatMoney(r.amount, account.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EveryTable({ account, rows }: { account: AdAccount; rows: TransactionRow[] }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <Head wide>Time ({account.timeZone.replaceAll("_", " ")})</Head>
          <Head wide>Type</Head>
          <Head>Description</Head>
          <Head wide>Campaign</Head>
          <Head num>Amount</Head>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-id={r.id}>
            <td className="hidden whitespace-nowrap text-ink-2 tabular-nums md:table-cell">{formatLocalTime(r.at, account.timeZone)}</td>
            <td className="hidden whitespace-nowrap md:table-cell">{transactionTypeLabel[r.type]}</td>
            <td className="md:min-w-56">
              <span className="block">{describeTransaction(r)}</span>
              {r.chargeId && <span className="hidden font-mono text-xs whitespace-nowrap text-ink-3 md:block">{r.chargeId}</span>}
              <Narrow when={formatLocalTime(r.at, account.timeZone)} type={r.type} campaign={r.campaignName} />
            </td>
            <td className="hidden min-w-40 text-ink-2 md:table-cell">{r.campaignName ?? <span className="text-ink-3">—</span>}</td>
            <td className="num font-medium whitespace-nowrap">{formatMoney(r.amount, account.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", weekday: "short", timeZone: "UTC" });

/** A calendar day (`YYYY-MM-DD`, already in the account's zone) as "Sat, 21 Nov 2026". */
function formatDay(day: string): string {
  return dayFormat.format(Date.parse(`${day}T00:00:00Z`));
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** Date and time in the account's zone, which the column header names (so each cell need not). */
function formatLocalTime(ms: number, timeZone: string): string {
  let f = timeFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone });
    timeFormats.set(timeZone, f);
  }
  return f.format(ms);
}
