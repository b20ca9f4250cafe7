// The rows of the Transactions page for a checked filter: the count line, Export CSV, the table (a list
// below 768 px) and keyset pagination. Daily totals and every transaction share the frame.
import Link from "next/link";
import type { ReactNode } from "react";
import { getDb } from "@/db/client";
import { buttonClass } from "@/components/ui/button";
import type { AdAccount } from "@/db/schema";
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
  type Page,
  type ResolvedFilter,
} from "@/lib/queries/transactions";
import { Pagination } from "./pagination";

const PATH = "/tools/payments/transactions";
const n = (v: number) => v.toLocaleString("en-US");

export function Results({ account, resolved, clearHref }: { account: AdAccount; resolved: ResolvedFilter; clearHref: string }) {
  const db = getDb();
  const { filter } = resolved;
  const href = (cursor?: { after: string } | { before: string }) => `${PATH}?${filterQuery(account.id, filter, cursor)}`;
  const exportHref = `/api/transactions/export?${filterQuery(account.id, filter)}`;
  const money = (minor: number) => formatMoney(minor, account.currency);
  const zoneLabel = account.timeZone.replaceAll("_", " ");

  let page: Page<unknown>;
  let table: ReactNode;
  let list: ReactNode;
  const noun = resolved.view === "daily" ? ["daily total", "daily totals"] : ["transaction", "transactions"];

  if (resolved.view === "daily") {
    const totals = dailyTotalsPage(db, account.id, resolved);
    page = totals;
    // A total's transactions: every transaction of that day, type and campaign.
    const drill = (r: (typeof totals.rows)[number]) =>
      `${PATH}?${filterQuery(account.id, { view: "all", type: r.type, campaign: r.campaignId ?? undefined, from: r.day, to: r.day })}`;
    table = (
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Type</th>
            <th scope="col">Description</th>
            <th scope="col">Campaign</th>
            <th scope="col" className="num">
              Transactions
            </th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {totals.rows.map((r) => (
            <tr key={r.id} data-id={r.id}>
              <td className="whitespace-nowrap text-ink-2 tabular-nums">{formatDay(r.day)}</td>
              <td className="whitespace-nowrap">{transactionTypeLabel[r.type]}</td>
              <td className="min-w-56">{describeDailyTotal(r)}</td>
              <td className="min-w-40 text-ink-2">{r.campaignName ?? <span className="text-ink-3">—</span>}</td>
              <td className="num">
                <Link href={drill(r)} className="font-medium text-brand hover:underline" aria-label={`${n(r.count)} ${r.count === 1 ? "transaction" : "transactions"}: ${transactionTypeLabel[r.type]}, ${formatDay(r.day)}${r.campaignName ? `, ${r.campaignName}` : ""}`}>
                  {n(r.count)}
                </Link>
              </td>
              <td className="num font-medium whitespace-nowrap">{money(r.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
    list = totals.rows.map((r) => (
      <li key={r.id} className="px-4 py-3">
        <div className="flex items-baseline justify-between gap-3">
          <p className="min-w-0 text-[13px] font-medium">{describeDailyTotal(r)}</p>
          <p className="shrink-0 text-[13px] font-semibold tabular-nums">{money(r.amount)}</p>
        </div>
        <p className="mt-0.5 text-xs text-ink-3">
          {transactionTypeLabel[r.type]} · {formatDay(r.day)} ·{" "}
          <Link href={drill(r)} className="text-brand hover:underline">
            {n(r.count)} {r.count === 1 ? "transaction" : "transactions"}
          </Link>
        </p>
        {r.campaignName && <p className="mt-0.5 truncate text-xs text-ink-2">{r.campaignName}</p>}
      </li>
    ));
  } else {
    const rows = transactionPage(db, account.id, resolved);
    page = rows;
    const time = (ms: number) => formatLocalTime(ms, account.timeZone);
    table = (
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Time ({zoneLabel})</th>
            <th scope="col">Type</th>
            <th scope="col">Description</th>
            <th scope="col">Campaign</th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.rows.map((r) => (
            <tr key={r.id} data-id={r.id}>
              <td className="whitespace-nowrap text-ink-2 tabular-nums">{time(r.at)}</td>
              <td className="whitespace-nowrap">{transactionTypeLabel[r.type]}</td>
              <td className="min-w-56">
                <span className="block">{describeTransaction(r)}</span>
                {r.chargeId && <span className="block font-mono text-xs whitespace-nowrap text-ink-3">{r.chargeId}</span>}
              </td>
              <td className="min-w-40 text-ink-2">{r.campaignName ?? <span className="text-ink-3">—</span>}</td>
              <td className="num font-medium whitespace-nowrap">{money(r.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
    list = rows.rows.map((r) => (
      <li key={r.id} className="px-4 py-3">
        <div className="flex items-baseline justify-between gap-3">
          <p className="min-w-0 text-[13px] font-medium">{describeTransaction(r)}</p>
          <p className="shrink-0 text-[13px] font-semibold tabular-nums">{money(r.amount)}</p>
        </div>
        <p className="mt-0.5 text-xs text-ink-3">
          {transactionTypeLabel[r.type]} · {time(r.at)}
        </p>
        {r.campaignName && <p className="mt-0.5 truncate text-xs text-ink-2">{r.campaignName}</p>}
      </li>
    ));
  }

  const shown = page.rows.length;
  const label = resolved.view === "daily" ? "Daily totals" : "Transactions";
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
        <>
          <div className="hidden overflow-x-auto border-t border-line md:block" tabIndex={0} role="region" aria-label={label}>
            {table}
          </div>
          <ul aria-label={label} className="divide-y divide-line border-t border-line md:hidden">
            {list}
          </ul>
        </>
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
