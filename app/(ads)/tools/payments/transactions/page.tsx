import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { getDb } from "@/db/app";
import { AdsShell } from "@/components/shell/ads-shell";
import { buttonClass } from "@/components/ui/button";
import { transactionTypes } from "@/db/schema";
import { requireAccount } from "@/lib/auth/access";
import { transactionTypeLabel } from "@/lib/labels";
import {
  campaignOptions,
  filterQuery,
  resolveTransactionFilter,
  searchParamsOf,
  type TransactionFilter,
  type TransactionView,
} from "@/lib/queries/transactions";
import { Results } from "./results";

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
  const resolved = await resolveTransactionFilter(db, account, params);
  const campaigns = await campaignOptions(db, account.id);
  const shown: Partial<TransactionFilter> = resolved.ok
    ? resolved.value.filter
    : { from: params.get("from") ?? undefined, to: params.get("to") ?? undefined };
  const view: TransactionView = resolved.ok ? resolved.value.view : params.get("view") === "all" ? "all" : "daily";
  const clearHref = `${PATH}?${filterQuery(account.id, { view })}`;
  // Switching the view keeps the filters and starts from the newest.
  const viewHref = (v: TransactionView) => `${PATH}?${filterQuery(account.id, { ...shown, view: v })}`;

  return (
    <AdsShell access={access} title="Transactions">
      <nav aria-label="Transactions view" className="mb-3 inline-flex rounded-md border border-line bg-white p-0.5">
        {(
          [
            ["daily", "Daily totals"],
            ["all", "Every transaction"],
          ] as const
        ).map(([v, label]) => (
          <Link
            key={v}
            href={viewHref(v)}
            aria-current={view === v ? "page" : undefined}
            className={`rounded px-3 py-1.5 text-[13px] font-medium ${view === v ? "bg-brand-soft text-brand-strong" : "text-ink-2 hover:bg-canvas hover:text-ink"}`}
          >
            {label}
          </Link>
        ))}
      </nav>
      <div className="card">
        <form
          method="get"
          action={PATH}
          aria-label="Filter transactions"
          className="grid grid-cols-2 gap-3 border-b border-line p-4 lg:flex lg:flex-wrap lg:items-end"
        >
          <input type="hidden" name="aadvid" value={account.id} />
          {view !== "daily" && <input type="hidden" name="view" value={view} />}
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
          <Results account={account} resolved={resolved.value} clearHref={clearHref} />
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

