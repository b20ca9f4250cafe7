"use client";
// What the coupon card shows (its frame is the header's Coupons dialog): earning promotions (spend against
// the next tier, its reward, days left) and assignable credits (unused amount, a link straight into
// View/Assign on the Promotions page).
import { Link } from "@/components/ui/link";
import { ExpiringSoonBadge } from "@/components/credits/expiring-soon-badge";
import type { CouponSummary } from "@/lib/queries/coupons";
import type { SummaryState } from "./coupon-summary";
import { daysLeftText, LadderTrack, progressText } from "./ladder-track";

export function CouponCard({
  query,
  canAssign,
  promotionsHref,
  onNavigate,
}: {
  query: SummaryState;
  canAssign: boolean;
  promotionsHref: string;
  onNavigate: () => void;
}) {
  // The server render's data is always there; a failed refresh says so above it.
  return (
    <>
      {query.error && (
        <p role="alert" className="border-b border-line bg-danger-soft px-5 py-2.5 text-[13px] text-danger">
          We couldn’t refresh your coupons. {query.error.message}
        </p>
      )}
      <Contents data={query.data} canAssign={canAssign} promotionsHref={promotionsHref} onNavigate={onNavigate} />
    </>
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
  return (
    <>
      <section aria-labelledby="coupon-card-earning" className="px-5 py-3">
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
                  <LadderTrack promotion={p} labelledBy={`coupon-${p.activationId}`} marks={false} size="sm" />
                </div>
                <p className="mt-1.5 text-xs text-ink-2 tabular-nums">{progressText(p)}</p>
                <p className="mt-0.5 text-xs text-ink-3">
                  Next reward{" "}
                  <span className="font-semibold text-ink">{p.nextTier.rewardText} ad credit</span> · ends{" "}
                  {p.endsOn}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="coupon-card-assignable" className="border-t border-line px-5 py-3">
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
                    <span className="font-semibold text-ink tabular-nums">{c.unusedText}</span> unused of{" "}
                    {c.amountText}
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
