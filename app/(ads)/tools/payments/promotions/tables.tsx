// The three tab panels' tables, rendered on the server: each column is described once (components/ui/table)
// and shared by the tables that show it. Money in the account's currency, dates in its time zone, numbers
// right-aligned.
import type { AdAccount } from "@/db/schema";
import { formatDate, formatMoney, percentOf } from "@/lib/format";
import { creditTypeLabel } from "@/lib/labels";
import { daysLeft } from "@/lib/credits/progress";
import type { ActivationRow, CreditRow } from "@/lib/queries/promotions";
import { StatusBadge } from "@/components/ui/status-badge";
import { ExpiringSoonBadge } from "@/components/credits/expiring-soon-badge";
import { PercentMeter } from "@/components/promotions/percent-meter";
import { DataTable, EmptyState, type Column } from "@/components/ui/table";
import { activationStatus, creditStatus } from "@/lib/describe";
import { whoMay } from "@/lib/messages";
import { CreditActions } from "./credit-actions";
import { Amount, CreditName, Earned, NoActions, Requirement, Restrictions, TierProgress, ValidDates } from "./cells";
import { ASSIGN_REASON_ID } from "./ids";

type Acc = Pick<AdAccount, "currency" | "timeZone">;
type CreditColumn = Column<CreditRow>;
type ActivationColumn = Column<ActivationRow>;

/** The columns the credit tables share. */
function creditColumns({ currency, timeZone }: Acc) {
  return {
    name: { header: "Ad credit", cell: (c) => <CreditName credit={c} /> },
    type: { header: "Credit type", cell: (c) => creditTypeLabel[c.type] },
    amount: { header: "Amount", className: "num", cell: (c) => <Amount credit={c} currency={currency} /> },
    used: { header: "Used amount", className: "num", cell: (c) => formatMoney(c.used, currency) },
    validDates: { header: "Valid dates", cell: (c) => <><ValidDates credit={c} timeZone={timeZone} />{c.expiringSoon && <ExpiringSoonBadge />}</> },
  } satisfies Record<string, CreditColumn>;
}

/** The columns the activation tables share. */
function activationColumns({ timeZone }: Acc, currency: string) {
  return {
    promotion: {
      header: "Promotion",
      cell: (a) => (
        <div className="min-w-52 max-w-72">
          <p className="font-medium">{a.promotionName}</p>
          <p className="break-all font-mono text-xs text-ink-3">{a.id}</p>
        </div>
      ),
    },
    code: {
      header: "Code",
      cellClassName: "whitespace-nowrap font-mono text-xs",
      cell: (a) => a.code ?? <span className="font-sans text-ink-3">Automatic</span>,
    },
    activated: { header: "Activated", cellClassName: "whitespace-nowrap", cell: (a) => formatDate(a.activatedAt, timeZone) },
    progress: { header: "Qualifying spend", cell: (a) => <TierProgress a={a} currency={currency} /> },
    status: {
      header: "Status",
      cell: (a) => <StatusBadge tone={activationStatus[a.status].tone}>{activationStatus[a.status].label}</StatusBadge>,
    },
  } satisfies Record<string, ActivationColumn>;
}

export function AvailableTable({ rows, account, canAssign }: { rows: CreditRow[]; account: Acc; canAssign: boolean }) {
  if (rows.length === 0)
    return (
      <EmptyState title="No available ad credit">
        Credits you redeem, earn from promotions or receive from your Business Center appear here.
      </EmptyState>
    );
  const { currency } = account;
  const col = creditColumns(account);
  const columns: CreditColumn[] = [
    col.name,
    col.type,
    col.amount,
    col.used,
    { header: "Unused amount", className: "num", cellClassName: "font-medium", cell: (c) => formatMoney(c.unused, currency) },
    {
      header: "Percent spent",
      className: "num",
      cell: (c) => <PercentMeter value={percentOf(c.used, c.amount)} label={`Percent spent, ${c.name}`} />,
    },
    col.validDates,
    { header: "Restrictions", cell: (c) => <Restrictions credit={c} /> },
    { header: "Usage requirements", cell: (c) => <Requirement credit={c} currency={currency} /> },
    {
      header: "Actions",
      className: "text-right",
      cell: (c) => (c.type === "assignable" ? <CreditActions creditId={c.id} canView canAssign={canAssign} /> : <NoActions />),
    },
  ];
  return (
    <>
      {!canAssign && rows.some((r) => r.type === "assignable") && (
        <p id={ASSIGN_REASON_ID} className="border-b border-line bg-[#fafbfc] px-4 py-2 text-xs text-ink-2">
          {whoMay.assign} You can see each credit&apos;s assignment log.
        </p>
      )}
      <DataTable label="Available ad credits" columns={columns} rows={rows} rowKey={(c) => c.id} />
    </>
  );
}

export function EarningTable({ rows, account, now }: { rows: ActivationRow[]; account: Acc; now: number }) {
  if (rows.length === 0)
    return (
      <EmptyState title="No promotions in progress">
        Redeem a promotional code to start a spend-threshold promotion. Its progress appears here.
      </EmptyState>
    );
  const { currency, timeZone } = account;
  const col = activationColumns(account, currency);
  const columns: ActivationColumn[] = [
    col.promotion,
    col.code,
    col.activated,
    {
      header: "Window end",
      cellClassName: "whitespace-nowrap",
      cell: (a) => {
        const left = daysLeft(a.windowEndsAt, now);
        return (
          <>
            <p>{formatDate(a.windowEndsAt, timeZone)}</p>
            {a.status === "earning" && (
              <p className="text-xs text-ink-3">
                {left} {left === 1 ? "day" : "days"} left
              </p>
            )}
          </>
        );
      },
    },
    col.progress,
    { header: "Credits earned", cell: (a) => <Earned a={a} currency={currency} timeZone={timeZone} /> },
    col.status,
  ];
  return <DataTable label="Promotions in progress" columns={columns} rows={rows} rowKey={(a) => a.id} />;
}

export function ExpiredTables({ credits, activations, account }: { credits: CreditRow[]; activations: ActivationRow[]; account: Acc }) {
  if (credits.length === 0 && activations.length === 0)
    return (
      <EmptyState title="Nothing has expired">
        Ad credits that are used up, expired or revoked, and promotions that ended without a reward, appear here.
      </EmptyState>
    );
  const { currency, timeZone } = account;
  const credit = creditColumns(account);
  const activation = activationColumns(account, currency);
  const creditCols: CreditColumn[] = [
    credit.name,
    credit.type,
    credit.amount,
    credit.used,
    { header: "Forfeited", className: "num", cell: (c) => formatMoney(c.forfeited, currency) },
    credit.validDates,
    { header: "Status", cell: (c) => <StatusBadge tone={creditStatus[c.status].tone}>{creditStatus[c.status].label}</StatusBadge> },
    {
      header: "Actions",
      className: "text-right",
      cell: (c) => (c.type === "assignable" ? <CreditActions creditId={c.id} canView={false} canAssign={false} /> : <NoActions />),
    },
  ];
  const activationCols: ActivationColumn[] = [
    activation.promotion,
    activation.code,
    activation.activated,
    { header: "Window end", cellClassName: "whitespace-nowrap", cell: (a) => formatDate(a.windowEndsAt, timeZone) },
    activation.progress,
    activation.status,
  ];
  return (
    <div>
      <h3 className="border-b border-line px-4 pb-2 pt-4 text-[13px] font-semibold">
        Ad credits <span className="font-normal text-ink-3">({credits.length})</span>
      </h3>
      {credits.length === 0 ? (
        <p className="px-4 py-4 text-[13px] text-ink-3">No ad credits are used up, expired or revoked.</p>
      ) : (
        <DataTable label="Used up, expired and revoked ad credits" columns={creditCols} rows={credits} rowKey={(c) => c.id} />
      )}
      <h3 className="border-b border-t border-line px-4 pb-2 pt-4 text-[13px] font-semibold">
        Promotions <span className="font-normal text-ink-3">({activations.length})</span>
      </h3>
      {activations.length === 0 ? (
        <p className="px-4 py-4 text-[13px] text-ink-3">No promotions have expired or been revoked.</p>
      ) : (
        <DataTable label="Expired and revoked promotions" columns={activationCols} rows={activations} rowKey={(a) => a.id} />
      )}
    </div>
  );
}
