// The three tab panels' tables, rendered on the server. Money in the account's currency, dates in its
// time zone, numbers right-aligned.
import { Fragment } from "react";
import type { AdAccount } from "@/db/schema";
import { formatDate, formatMoney, percentOf } from "@/lib/format";
import { creditTypeLabel } from "@/lib/labels";
import { DAY } from "@/lib/credits/rules/time";
import type { ActivationRow, CreditRow } from "@/lib/queries/promotions";
import { StatusBadge } from "@/components/ui/status-badge";
import { ExpiringSoonBadge } from "@/components/credits/expiring-soon-badge";
import { PercentMeter } from "@/components/promotions/percent-meter";
import { EmptyState, ScrollTable } from "@/components/promotions/scroll-table";
import {
  activationStatus,
  creditAmount,
  creditStatus,
  nextTier,
  requirementText,
  restrictionLines,
  sourceLabel,
} from "@/components/promotions/describe";
import { CreditActions } from "./credit-actions";
import { ASSIGN_REASON, ASSIGN_REASON_ID, creditNameId } from "./ids";

type Acc = Pick<AdAccount, "currency" | "timeZone">;

function CreditName({ credit }: { credit: CreditRow }) {
  return (
    <div className="min-w-36 max-w-52">
      <p id={creditNameId(credit.id)} className="font-medium">
        {credit.name}
      </p>
      <p className="text-xs text-ink-3">
        <span className="break-all font-mono">{credit.id}</span> · {sourceLabel[credit.source]}
      </p>
    </div>
  );
}

function Restrictions({ credit }: { credit: CreditRow }) {
  const lines = restrictionLines(credit.restrictions);
  if (lines.length === 0) return <span className="text-ink-3">No restrictions</span>;
  return (
    <ul className="min-w-36 max-w-48 space-y-0.5">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}

function Requirement({ credit, currency }: { credit: CreditRow; currency: string }) {
  const text = requirementText(credit.requirement, currency);
  if (text) return <span className="block min-w-40 max-w-44">{text}</span>;
  if (credit.type === "assignable")
    return (
      <span className="block min-w-40 max-w-44">
        Assigned campaigns only
        <span className="block text-xs text-ink-3">
          {credit.assignedCount} {credit.assignedCount === 1 ? "campaign" : "campaigns"} assigned
        </span>
      </span>
    );
  return <span className="text-ink-3">None</span>;
}

/** A discount's "5% off, up to $150.00" breaks after the comma when the column is narrow. */
function Amount({ credit, currency }: { credit: CreditRow; currency: string }) {
  const text = creditAmount(credit, currency);
  const [head, tail] = text.split(", ");
  if (!tail) return <span className="whitespace-nowrap">{text}</span>;
  return (
    <>
      <span className="whitespace-nowrap">{head},</span> <span className="whitespace-nowrap">{tail}</span>
    </>
  );
}

function ValidDates({ credit, timeZone }: { credit: CreditRow; timeZone: string }) {
  return (
    <span className="block whitespace-nowrap">
      {formatDate(credit.issuedAt, timeZone)} –<br />
      {formatDate(credit.expiresAt, timeZone)}
    </span>
  );
}

function NoActions() {
  return (
    <span className="block text-right text-ink-3">
      <span aria-hidden>—</span>
      <span className="sr-only">None: this credit applies automatically</span>
    </span>
  );
}

export function AvailableTable({ rows, account, canAssign }: { rows: CreditRow[]; account: Acc; canAssign: boolean }) {
  if (rows.length === 0)
    return (
      <EmptyState title="No available ad credit">
        Credits you redeem, earn from promotions or receive from your Business Center appear here.
      </EmptyState>
    );
  const { currency, timeZone } = account;
  const anyAssignable = rows.some((r) => r.type === "assignable");
  return (
    <>
      {!canAssign && anyAssignable && (
        <p id={ASSIGN_REASON_ID} className="border-b border-line bg-[#fafbfc] px-4 py-2 text-xs text-ink-2">
          {ASSIGN_REASON} You can see each credit&apos;s assignment log.
        </p>
      )}
      <ScrollTable label="Available ad credits">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Ad credit</th>
              <th scope="col">Credit type</th>
              <th scope="col" className="num">Amount</th>
              <th scope="col" className="num">Used amount</th>
              <th scope="col" className="num">Unused amount</th>
              <th scope="col" className="num">Percent spent</th>
              <th scope="col">Valid dates</th>
              <th scope="col">Restrictions</th>
              <th scope="col">Usage requirements</th>
              <th scope="col" className="text-right">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td>
                  <CreditName credit={c} />
                </td>
                <td>{creditTypeLabel[c.type]}</td>
                <td className="num">
                  <Amount credit={c} currency={currency} />
                </td>
                <td className="num">{formatMoney(c.used, currency)}</td>
                <td className="num font-medium">{formatMoney(c.unused, currency)}</td>
                <td className="num">
                  <PercentMeter value={percentOf(c.used, c.amount)} label={`Percent spent, ${c.name}`} />
                </td>
                <td>
                  <ValidDates credit={c} timeZone={timeZone} />
                  {c.expiringSoon && <ExpiringSoonBadge />}
                </td>
                <td>
                  <Restrictions credit={c} />
                </td>
                <td>
                  <Requirement credit={c} currency={currency} />
                </td>
                <td>
                  {c.type === "assignable" ? (
                    <CreditActions creditId={c.id} canView canAssign={canAssign} />
                  ) : (
                    <NoActions />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}

/** "$2,890.72 of $1,500.00 ✓ / $9,000.00", the bar towards the next tier, and each tier's reward. */
function TierProgress({ a, currency }: { a: ActivationRow; currency: string }) {
  const target = nextTier(a.tiers, a.qualifyingSpend);
  const max = target?.spend ?? 1;
  return (
    <div className="min-w-60">
      <p className="whitespace-nowrap tabular-nums">
        <span className="font-medium">{formatMoney(a.qualifyingSpend, currency)}</span> of{" "}
        {a.tiers.map((t, i) => (
          <Fragment key={t.spend}>
            {i > 0 && " / "}
            <span className={a.qualifyingSpend >= t.spend ? "text-ok" : undefined}>{formatMoney(t.spend, currency)}</span>
            {a.qualifyingSpend >= t.spend && (
              <>
                {" "}
                <span aria-hidden className="text-ok">✓</span>
                <span className="sr-only"> (reached)</span>
              </>
            )}
          </Fragment>
        ))}
      </p>
      <div
        role="progressbar"
        aria-label={`Qualifying spend, ${a.promotionName}`}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(a.qualifyingSpend, max)}
        aria-valuetext={`${formatMoney(a.qualifyingSpend, currency)} of ${formatMoney(max, currency)}`}
        className="mt-1.5 h-1.5 w-full overflow-hidden rounded-full bg-line"
      >
        <div className="h-full rounded-full bg-brand" style={{ width: `${percentOf(a.qualifyingSpend, max)}%` }} />
      </div>
      <p className="mt-1 text-xs text-ink-3">
        Rewards {a.tiers.map((t) => formatMoney(t.reward, currency)).join(" / ")}
      </p>
    </div>
  );
}

function Earned({ a, currency, timeZone }: { a: ActivationRow; currency: string; timeZone: string }) {
  const tier = a.tierReached === null ? undefined : a.tiers[a.tierReached];
  if (a.status === "rewarded" && a.rewardAmount !== null)
    return (
      <div className="whitespace-nowrap">
        <p className="font-medium">{formatMoney(a.rewardAmount, currency)}</p>
        <p className="text-xs text-ink-3">Added to ad credit</p>
      </div>
    );
  if (a.status === "qualified" && tier)
    return (
      <div className="whitespace-nowrap">
        <p className="font-medium">{formatMoney(tier.reward, currency)}</p>
        <p className="text-xs text-ink-3">
          {a.rewardDueAt ? `Arrives ${formatDate(a.rewardDueAt, timeZone)}` : "Arrives once the account is reinstated"}
        </p>
      </div>
    );
  if (tier)
    return (
      <div className="whitespace-nowrap">
        <p className="font-medium">{formatMoney(tier.reward, currency)}</p>
        <p className="text-xs text-ink-3">So far, when the window ends</p>
      </div>
    );
  return (
    <>
      <span aria-hidden className="text-ink-3">—</span>
      <span className="sr-only">None yet</span>
    </>
  );
}

function ActivationCells({ a, account }: { a: ActivationRow; account: Acc }) {
  return (
    <>
      <td>
        <div className="min-w-52 max-w-72">
          <p className="font-medium">{a.promotionName}</p>
          <p className="break-all font-mono text-xs text-ink-3">{a.id}</p>
        </div>
      </td>
      <td className="whitespace-nowrap font-mono text-xs">
        {a.code ?? <span className="font-sans text-ink-3">Automatic</span>}
      </td>
      <td className="whitespace-nowrap">{formatDate(a.activatedAt, account.timeZone)}</td>
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
  return (
    <ScrollTable label="Promotions in progress">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Promotion</th>
            <th scope="col">Code</th>
            <th scope="col">Activated</th>
            <th scope="col">Window end</th>
            <th scope="col">Qualifying spend</th>
            <th scope="col">Credits earned</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => {
            const daysLeft = Math.max(0, Math.ceil((a.windowEndsAt - now) / DAY));
            return (
              <tr key={a.id}>
                <ActivationCells a={a} account={account} />
                <td className="whitespace-nowrap">
                  <p>{formatDate(a.windowEndsAt, timeZone)}</p>
                  {a.status === "earning" && (
                    <p className="text-xs text-ink-3">
                      {daysLeft} {daysLeft === 1 ? "day" : "days"} left
                    </p>
                  )}
                </td>
                <td>
                  <TierProgress a={a} currency={currency} />
                </td>
                <td>
                  <Earned a={a} currency={currency} timeZone={timeZone} />
                </td>
                <td>
                  <StatusBadge tone={activationStatus[a.status].tone}>{activationStatus[a.status].label}</StatusBadge>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}

export function ExpiredTables({ credits, activations, account }: { credits: CreditRow[]; activations: ActivationRow[]; account: Acc }) {
  if (credits.length === 0 && activations.length === 0)
    return (
      <EmptyState title="Nothing has expired">
        Ad credits that are used up, expired or revoked, and promotions that ended without a reward, appear here.
      </EmptyState>
    );
  const { currency, timeZone } = account;
  return (
    <div>
      <h3 className="border-b border-line px-4 pb-2 pt-4 text-[13px] font-semibold">
        Ad credits <span className="font-normal text-ink-3">({credits.length})</span>
      </h3>
      {credits.length === 0 ? (
        <p className="px-4 py-4 text-[13px] text-ink-3">No ad credits are used up, expired or revoked.</p>
      ) : (
        <ScrollTable label="Used up, expired and revoked ad credits">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Ad credit</th>
                <th scope="col">Credit type</th>
                <th scope="col" className="num">Amount</th>
                <th scope="col" className="num">Used amount</th>
                <th scope="col" className="num">Forfeited</th>
                <th scope="col">Valid dates</th>
                <th scope="col">Status</th>
                <th scope="col" className="text-right">Actions</th>
              </tr>
            </thead>
            <tbody>
              {credits.map((c) => (
                <tr key={c.id}>
                  <td>
                    <CreditName credit={c} />
                  </td>
                  <td>{creditTypeLabel[c.type]}</td>
                  <td className="num">
                    <Amount credit={c} currency={currency} />
                  </td>
                  <td className="num">{formatMoney(c.used, currency)}</td>
                  <td className="num">{formatMoney(c.forfeited, currency)}</td>
                  <td>
                    <ValidDates credit={c} timeZone={timeZone} />
                  </td>
                  <td>
                    <StatusBadge tone={creditStatus[c.status].tone}>{creditStatus[c.status].label}</StatusBadge>
                  </td>
                  <td>
                    {c.type === "assignable" ? (
                      <CreditActions creditId={c.id} canView={false} canAssign={false} />
                    ) : (
                      <NoActions />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <h3 className="border-b border-t border-line px-4 pb-2 pt-4 text-[13px] font-semibold">
        Promotions <span className="font-normal text-ink-3">({activations.length})</span>
      </h3>
      {activations.length === 0 ? (
        <p className="px-4 py-4 text-[13px] text-ink-3">No promotions have expired or been revoked.</p>
      ) : (
        <ScrollTable label="Expired and revoked promotions">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Promotion</th>
                <th scope="col">Code</th>
                <th scope="col">Activated</th>
                <th scope="col">Window end</th>
                <th scope="col">Qualifying spend</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {activations.map((a) => (
                <tr key={a.id}>
                  <ActivationCells a={a} account={account} />
                  <td className="whitespace-nowrap">{formatDate(a.windowEndsAt, timeZone)}</td>
                  <td>
                    <TierProgress a={a} currency={currency} />
                  </td>
                  <td>
                    <StatusBadge tone={activationStatus[a.status].tone}>{activationStatus[a.status].label}</StatusBadge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </div>
  );
}
