"use client";
// Home's spend-threshold progress: the earning promotion that ends first, as a progress bar named
// "Promotion progress" (value = qualifying spend, max = next tier), with tier marks and days left; other
// earning promotions below it. Seeded by the server render and polled (coupon-summary.ts), so new spend
// shows without a reload.
import { Link } from "@/components/ui/link";
import type { CouponSummary, EarningPromotion } from "@/lib/queries/coupons";
import { useCouponSummary } from "./coupon-summary";
import { daysLeftText, LadderTrack } from "./ladder-track";

export function PromotionProgress({ accountId, summary }: { accountId: string; summary: CouponSummary }) {
  const { data } = useCouponSummary(accountId, summary);
  const promotionsHref = `/tools/payments/promotions?aadvid=${encodeURIComponent(accountId)}`;

  const [featured, ...others] = data.earning;
  if (!featured) {
    return (
      <section aria-labelledby="promotion-empty" className="card flex flex-wrap items-center justify-between gap-3 p-4">
        <div>
          <h2 id="promotion-empty" className="font-semibold">
            No promotion is earning
          </h2>
          <p className="mt-0.5 text-[13px] text-ink-2">
            Activate a spend-threshold promotion with a promotional code and your progress shows here.
          </p>
        </div>
        <Link href={promotionsHref} className="text-[13px] font-medium text-brand hover:underline">
          Go to Promotions
        </Link>
      </section>
    );
  }

  return (
    <section aria-labelledby="promotion-featured" className="card">
      <Featured promotion={featured} promotionsHref={promotionsHref} />
      {others.length > 0 && (
        <div className="border-t border-line px-4 py-3">
          <h3 className="text-[11px] font-semibold tracking-wide text-ink-3 uppercase">Also earning</h3>
          <ul className="mt-2 grid gap-x-6 gap-y-3 md:grid-cols-2">
            {others.map((p) => (
              <li key={p.activationId}>
                <div className="flex items-baseline justify-between gap-3 text-[13px]">
                  <span id={`earning-${p.activationId}`} className="min-w-0 truncate font-medium">
                    {p.name}
                  </span>
                  <span className="shrink-0 text-xs text-ink-3">{daysLeftText(p.daysLeft)}</span>
                </div>
                <div className="mt-1.5">
                  <LadderTrack promotion={p} labelledBy={`earning-${p.activationId}`} marks={false} size="sm" />
                </div>
                <p className="mt-1 text-xs text-ink-3 tabular-nums">
                  {p.qualifyingSpendText} of {p.nextTier.spendText}
                </p>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Featured({ promotion: p, promotionsHref }: { promotion: EarningPromotion; promotionsHref: string }) {
  return (
    <div className="p-4">
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
        <div className="min-w-0">
          <p className="text-xs font-medium text-brand">
            Spend-threshold promotion
            {p.code && (
              <>
                {" "}
                · code <span className="whitespace-nowrap">{p.code}</span>
              </>
            )}
          </p>
          <h2 id="promotion-featured" className="mt-0.5 text-base font-semibold leading-snug">
            {p.name}
          </h2>
        </div>
        <div className="flex items-center gap-2 sm:flex-col sm:items-end sm:gap-1">
          <p className="rounded-full bg-warn-soft px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap text-warn">{daysLeftText(p.daysLeft)}</p>
          <p className="text-xs text-ink-3">Window ends {p.endsOn}</p>
        </div>
      </div>

      <div className="mt-4 flex flex-wrap items-end justify-between gap-x-6 gap-y-1">
        <p className="text-[13px] text-ink-2">
          <span className="text-2xl font-semibold text-ink tabular-nums">{p.qualifyingSpendText}</span>{" "}
          of {p.nextTier.spendText} qualifying spend
        </p>
        <p className="text-[13px] text-ink-2">
          Spend <span className="font-semibold text-ink tabular-nums">{p.remainingText}</span> more to get{" "}
          <span className="font-semibold text-ink tabular-nums">{p.nextTier.rewardText}</span> ad credit
        </p>
      </div>

      <div className="mt-4 px-1">
        <LadderTrack promotion={p} label="Promotion progress" />
      </div>
      <ul className="sr-only">
        {p.tiers.map((t) => (
          <li key={t.index}>
            Tier {t.index + 1}: spend {t.spendText}, get {t.rewardText} ad credit
            {t.reached ? " (reached)" : ""}
          </li>
        ))}
      </ul>

      <div className="mt-2 flex flex-wrap items-center justify-between gap-x-6 gap-y-2 border-t border-line pt-3 text-[13px] text-ink-2">
        <p>
          {p.currentRewardText !== null ? (
            <>
              Reward so far: <span className="font-semibold text-ok">{p.currentRewardText} ad credit</span>, paid after
              the window closes
            </>
          ) : (
            "No tier reached yet"
          )}
          <span className="text-ink-3"> · only out-of-pocket spend counts</span>
        </p>
        <Link href={promotionsHref} className="font-medium text-brand hover:underline">
          View promotions
        </Link>
      </div>
    </div>
  );
}
