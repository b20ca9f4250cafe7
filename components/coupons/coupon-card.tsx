"use client";
// What the coupon card shows: earning promotions (spend against the next tier, its reward, days left) and
// assignable credits (unused amount, a link straight into View/Assign on the Promotions page).
import Link from "next/link";
import type { UseQueryResult } from "@tanstack/react-query";
import { Spinner } from "@/components/ui/spinner";
import { ExpiringSoonBadge } from "@/components/credits/expiring-soon-badge";
import { formatMoney } from "@/lib/format";
import type { CouponSummary } from "@/lib/queries/coupons";
import { daysLeftText, LadderTrack, progressText } from "./ladder-track";
import { TicketIcon } from "./ticket-icon";

export function CouponCard({
  titleId,
  accountId,
  accountName,
  canAssign,
  query,
  onClose,
}: {
  titleId: string;
  accountId: string;
  accountName: string;
  canAssign: boolean;
  query: UseQueryResult<CouponSummary>;
  onClose: () => void;
}) {
  const promotionsHref = `/tools/payments/promotions?aadvid=${encodeURIComponent(accountId)}`;
  return (
    <div className="flex max-h-[calc(100dvh-5rem)] flex-col">
      <header className="flex items-start justify-between gap-3 border-b border-line px-4 py-3">
        <div className="flex items-center gap-2.5">
          <span className="grid size-8 place-items-center rounded-lg bg-brand-soft text-brand">
            <TicketIcon />
          </span>
          <div>
            <h2 id={titleId} className="text-[15px] font-semibold leading-tight">
              Coupons
            </h2>
            <p className="text-xs text-ink-3">{accountName}</p>
          </div>
        </div>
        <button type="button" onClick={onClose} aria-label="Close" className="rounded-md p-1 text-ink-3 hover:bg-canvas hover:text-ink">
          <svg aria-hidden viewBox="0 0 20 20" className="size-5" fill="currentColor">
            <path d="M5.3 5.3a1 1 0 0 1 1.4 0L10 8.6l3.3-3.3a1 1 0 1 1 1.4 1.4L11.4 10l3.3 3.3a1 1 0 0 1-1.4 1.4L10 11.4l-3.3 3.3a1 1 0 0 1-1.4-1.4L8.6 10 5.3 6.7a1 1 0 0 1 0-1.4Z" />
          </svg>
        </button>
      </header>
      <div className="overflow-y-auto">
        {query.data ? (
          <Contents data={query.data} canAssign={canAssign} promotionsHref={promotionsHref} onNavigate={onClose} />
        ) : query.isError ? (
          <p role="alert" className="px-4 py-6 text-[13px] text-danger">
            We couldn’t load your coupons. {query.error.message}
          </p>
        ) : (
          <div className="px-4 py-6">
            <Spinner label="Loading coupons" />
          </div>
        )}
      </div>
      <footer className="border-t border-line px-4 py-2.5">
        <Link href={promotionsHref} onClick={onClose} className="text-[13px] font-medium text-brand hover:underline">
          Go to Promotions
        </Link>
      </footer>
    </div>
  );
}

function Contents({
  data,
  canAssign,
  promotionsHref,
  onNavigate,
}: {
  data: CouponSummary;
  canAssign: boolean;
  promotionsHref: string;
  onNavigate: () => void;
}) {
  const { currency } = data;
  return (
    <>
      <section aria-labelledby="coupon-card-earning" className="px-4 py-3">
        <h3 id="coupon-card-earning" className="text-[11px] font-semibold tracking-wide text-ink-3 uppercase">
          Earning promotions
        </h3>
        {data.earning.length === 0 ? (
          <p className="mt-2 text-[13px] text-ink-2">No promotion is earning right now.</p>
        ) : (
          <ul className="mt-2 space-y-3">
            {data.earning.map((p) => (
              <li key={p.activationId} className="rounded-lg border border-line p-3">
                <div className="flex items-start justify-between gap-3">
                  <p id={`coupon-${p.activationId}`} className="text-[13px] font-medium leading-snug">
                    {p.name}
                  </p>
                  <span className="shrink-0 rounded-full bg-warn-soft px-2 py-0.5 text-xs font-medium whitespace-nowrap text-warn">
                    {daysLeftText(p.daysLeft)}
                  </span>
                </div>
                <div className="mt-2.5">
                  <LadderTrack promotion={p} currency={currency} labelledBy={`coupon-${p.activationId}`} marks={false} size="sm" />
                </div>
                <p className="mt-1.5 text-xs text-ink-2 tabular-nums">{progressText(p, currency)}</p>
                <p className="mt-0.5 text-xs text-ink-3">
                  Next reward{" "}
                  <span className="font-semibold text-ink">{formatMoney(p.nextTier.reward, currency)} ad credit</span> · ends{" "}
                  {p.endsOn}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="coupon-card-assignable" className="border-t border-line px-4 py-3">
        <h3 id="coupon-card-assignable" className="text-[11px] font-semibold tracking-wide text-ink-3 uppercase">
          Assignable credits
        </h3>
        {data.assignable.length === 0 ? (
          <p className="mt-2 text-[13px] text-ink-2">No assignable credit to use.</p>
        ) : (
          <ul className="mt-1 divide-y divide-line">
            {data.assignable.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-3 py-2.5">
                <div className="min-w-0">
                  <p className="truncate text-[13px] font-medium">{c.name}</p>
                  {c.expiringSoon && <ExpiringSoonBadge />}
                  <p className="text-xs text-ink-2">
                    <span className="font-semibold text-ink tabular-nums">{formatMoney(c.unused, currency)}</span> unused of{" "}
                    {formatMoney(c.amount, currency)}
                  </p>
                  <p className="text-xs text-ink-3">
                    {c.assignedCampaigns} / {c.campaignLimit} campaigns · expires {c.expiresOn}
                  </p>
                </div>
                <Link
                  href={`${promotionsHref}&assign=${encodeURIComponent(c.id)}`}
                  onClick={onNavigate}
                  className="shrink-0 rounded-md border border-line px-2.5 py-1 text-[13px] font-medium text-brand hover:bg-brand-soft"
                >
                  {canAssign ? "Assign" : "View"}
                  <span className="sr-only"> {c.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
