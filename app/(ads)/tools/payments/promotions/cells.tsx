// The cells of the Promotions tables that take more than a value: a credit's name and id, its amount,
// restrictions, requirement and validity, and a ladder's progress and reward.
import { Fragment } from "react";
import { formatDate, formatMoney, percentOf } from "@/lib/format";
import { nextTier } from "@/lib/credits/progress";
import type { ActivationRow, CreditRow } from "@/lib/queries/promotions";
import { creditAmount, requirementText, restrictionLines, sourceLabel } from "@/lib/describe";
import { creditNameId } from "./ids";

export function CreditName({ credit }: { credit: CreditRow }) {
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

export function Restrictions({ credit }: { credit: CreditRow }) {
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

export function Requirement({ credit, currency }: { credit: CreditRow; currency: string }) {
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
export function Amount({ credit, currency }: { credit: CreditRow; currency: string }) {
  const text = creditAmount(credit, currency);
  const [head, tail] = text.split(", ");
  if (!tail) return <span className="whitespace-nowrap">{text}</span>;
  return (
    <>
      <span className="whitespace-nowrap">{head},</span> <span className="whitespace-nowrap">{tail}</span>
    </>
  );
}

export function ValidDates({ credit, timeZone }: { credit: CreditRow; timeZone: string }) {
  return (
    <span className="block whitespace-nowrap">
      {formatDate(credit.issuedAt, timeZone)} –<br />
      {formatDate(credit.expiresAt, timeZone)}
    </span>
  );
}

export function NoActions() {
  return (
    <span className="block text-right text-ink-3">
      <span aria-hidden>—</span>
      <span className="sr-only">None: this credit applies automatically</span>
    </span>
  );
}

/** "$2,890.72 of $1,500.00 ✓ / $9,000.00", the bar towards the next tier, and each tier's reward. */
export function TierProgress({ a, currency }: { a: ActivationRow; currency: string }) {
  const target = nextTier(a.tiers, a.qualifyingSpend);
  const max = target?.spend ?? 1;
  return (
    <div className="min-w-60">
      <p className="whitespace-nowrap tabular-nums">
        <span className="font-medium">{formatMoney(a.qualifyingSpend, currency)}</span> of{" "}
        {a.tiers.map((t, i) => {
          const reached = a.tierReached !== null && i <= a.tierReached;
          return (
            <Fragment key={t.spend}>
              {i > 0 && " / "}
              <span className={reached ? "text-ok" : undefined}>{formatMoney(t.spend, currency)}</span>
              {reached && (
                <>
                  {" "}
                  <span aria-hidden className="text-ok">✓</span>
                  <span className="sr-only"> (reached)</span>
                </>
              )}
            </Fragment>
          );
        })}
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

export function Earned({ a, currency, timeZone }: { a: ActivationRow; currency: string; timeZone: string }) {
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
