import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { AdsShell } from "@/components/shell/ads-shell";
import { buttonClass } from "@/components/ui/button";
import { transactionTypes } from "@/db/schema";
import { requireAccount } from "@/lib/auth/access";
import { formatMoney } from "@/lib/format";
import { transactionTypeLabel } from "@/lib/labels";
import {
  campaignOptions,
  countTransactions,
  describeTransaction,
  filterQuery,
  PAGE_SIZE,
  resolveTransactionFilter,
  searchParamsOf,
  transactionPage,
  type TransactionFilter,
} from "@/lib/queries/transactions";
import { Pagination } from "./pagination";

export const metadata: Metadata = { title: "Transactions" };

const PATH = "/tools/payments/transactions";

export default async function TransactionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const params = searchParamsOf(await searchParams);
  const access = await requireAccount(params.get("aadvid") ?? undefined);
  const { account } = access;
  const db = getDb();
  const resolved = resolveTransactionFilter(db, account, params);
  const campaigns = campaignOptions(db, account.id);
  const shown: Partial<TransactionFilter> = resolved.ok
    ? resolved.value.filter
    : { from: params.get("from") ?? undefined, to: params.get("to") ?? undefined };
  const clearHref = `${PATH}?${filterQuery(account.id, {})}`;

  return (
    <AdsShell access={access} title="Transactions">
      <div className="card">
        <form
          method="get"
          action={PATH}
          aria-label="Filter transactions"
          className="grid grid-cols-2 gap-3 border-b border-line p-4 lg:flex lg:flex-wrap lg:items-end"
        >
          <input type="hidden" name="aadvid" value={account.id} />
          <div className="col-span-2 sm:col-span-1 lg:w-48">
            <label htmlFor="tx-type" className="label">
              Transaction type
            </label>
            <select id="tx-type" name="type" defaultValue={shown.type ?? ""} className="field h-9 py-0">
              <option value="">All types</option>
              {transactionTypes.map((t) => (
                <option key={t} value={t}>
                  {transactionTypeLabel[t]}
                </option>
              ))}
            </select>
          </div>
          <div className="col-span-2 sm:col-span-1 lg:w-60">
            <label htmlFor="tx-campaign" className="label">
              Campaign
            </label>
            <select id="tx-campaign" name="campaign" defaultValue={shown.campaign ?? ""} className="field h-9 py-0">
              <option value="">All campaigns</option>
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="lg:w-44">
            <label htmlFor="tx-from" className="label">
              From
            </label>
            <input id="tx-from" name="from" type="date" defaultValue={shown.from ?? ""} aria-describedby="tx-zone" className="field h-9 py-0" />
          </div>
          <div className="lg:w-44">
            <label htmlFor="tx-to" className="label">
              To
            </label>
            <input id="tx-to" name="to" type="date" defaultValue={shown.to ?? ""} aria-describedby="tx-zone" className="field h-9 py-0" />
          </div>
          <div className="col-span-2 flex items-center gap-2">
            <button type="submit" className={buttonClass("primary")}>
              Apply filters
            </button>
            <Link href={clearHref} className={buttonClass("ghost")}>
              Clear
            </Link>
          </div>
          <p id="tx-zone" className="col-span-2 text-xs text-ink-3 lg:ml-auto lg:self-center">
            Dates are days in the account’s time zone, {account.timeZone.replaceAll("_", " ")}.
          </p>
        </form>

        {resolved.ok ? (
          <Results accountId={account.id} currency={account.currency} timeZone={account.timeZone} resolved={resolved.value} clearHref={clearHref} />
        ) : (
          <div role="alert" className="m-4 rounded-md border border-danger/30 bg-danger-soft px-4 py-3 text-[13px] text-danger">
            <p className="font-semibold">We couldn’t apply these filters</p>
            <p className="mt-0.5">{resolved.message}</p>
            <p className="mt-1">
              Change them above, or{" "}
              <Link href={clearHref} className="font-medium underline">
                clear all filters
              </Link>
              .
            </p>
          </div>
        )}
      </div>
    </AdsShell>
  );
}

function Results({
  accountId,
  currency,
  timeZone,
  resolved,
  clearHref,
}: {
  accountId: string;
  currency: string;
  timeZone: string;
  resolved: Parameters<typeof transactionPage>[2];
  clearHref: string;
}) {
  const db = getDb();
  const total = countTransactions(db, accountId, resolved);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(resolved.filter.page, pages);
  const rows = transactionPage(db, accountId, resolved, page);
  const first = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const exportHref = `/api/transactions/export?${filterQuery(accountId, resolved.filter)}`;
  const zoneLabel = timeZone.replaceAll("_", " ");
  const time = (ms: number) => formatLocalTime(ms, timeZone);

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
        <p className="text-[13px] text-ink-2" aria-live="polite">
          {total === 0 ? (
            "No transactions"
          ) : (
            <>
              Showing <span className="font-medium text-ink tabular-nums">{first.toLocaleString("en-US")}–{(first + rows.length - 1).toLocaleString("en-US")}</span> of{" "}
              <span data-testid="transaction-total" className="font-medium text-ink tabular-nums">
                {total.toLocaleString("en-US")}
              </span>{" "}
              {total === 1 ? "transaction" : "transactions"}
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
      {rows.length === 0 ? (
        <div className="border-t border-line px-4 py-12 text-center">
          <p className="font-medium">No transactions match these filters</p>
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
          <div className="hidden overflow-x-auto border-t border-line md:block" tabIndex={0} role="region" aria-label="Transactions">
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
                {rows.map((r) => (
                  <tr key={r.id} data-id={r.id}>
                    <td className="whitespace-nowrap text-ink-2 tabular-nums">{time(r.at)}</td>
                    <td className="whitespace-nowrap">{transactionTypeLabel[r.type]}</td>
                    <td className="min-w-56">
                      <span className="block">{describeTransaction(r)}</span>
                      {r.chargeId && <span className="block font-mono text-xs whitespace-nowrap text-ink-3">{r.chargeId}</span>}
                    </td>
                    <td className="min-w-40 text-ink-2">{r.campaignName ?? <span className="text-ink-3">—</span>}</td>
                    <td className="num font-medium whitespace-nowrap">{formatMoney(r.amount, currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul aria-label="Transactions" className="divide-y divide-line border-t border-line md:hidden">
            {rows.map((r) => (
              <li key={r.id} className="px-4 py-3">
                <div className="flex items-baseline justify-between gap-3">
                  <p className="min-w-0 text-[13px] font-medium">{describeTransaction(r)}</p>
                  <p className="shrink-0 text-[13px] font-semibold tabular-nums">{formatMoney(r.amount, currency)}</p>
                </div>
                <p className="mt-0.5 text-xs text-ink-3">
                  {transactionTypeLabel[r.type]} · {time(r.at)}
                </p>
                {r.campaignName && <p className="mt-0.5 truncate text-xs text-ink-2">{r.campaignName}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      {total > PAGE_SIZE && (
        <Pagination
          page={page}
          pages={pages}
          href={(p) => `${PATH}?${filterQuery(accountId, resolved.filter, p)}`}
        />
      )}
    </>
  );
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
