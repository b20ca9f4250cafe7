"use client";
// The Available / Earning / Expired tabs (ARIA tabs with arrow-key movement; the chosen tab is `?tab=` in
// the URL, and the server renders only its panel), the Redeem coupon button, and the message that confirms
// a redemption.
import { useOptimistic, useRef, type KeyboardEvent, type ReactNode } from "react";
import type { Redeemed } from "./actions";
import { tabIds, type TabId } from "./ids";
import { RedeemCoupon } from "./redeem-coupon";
import { useRedeemNotice } from "./redeem-notice";
import { usePageUrl } from "./use-page-url";

const PANEL = "promotions-panel";
const labels: Record<TabId, string> = { available: "Available", earning: "Earning", expired: "Expired" };

export function PromotionsTabs({
  accountId,
  canRedeem,
  counts,
  tab,
  panel,
}: {
  accountId: string;
  canRedeem: boolean;
  counts: Record<TabId, number>;
  /** The tab whose panel the server rendered. */
  tab: TabId;
  panel: ReactNode;
}) {
  const { selectTab: navigate, pending } = usePageUrl();
  // The tab chosen, shown at once while its panel loads.
  const [chosen, choose] = useOptimistic(tab);
  const goTo = (to: TabId) => navigate(to, () => choose(to));
  const notice = useRedeemNotice(accountId, tab);
  // A tab the user chooses puts the last redemption's message away.
  const selectTab = (to: TabId) => {
    notice.dismiss();
    goTo(to);
  };
  const refs = useRef<Partial<Record<TabId, HTMLButtonElement | null>>>({});

  const move = (e: KeyboardEvent) => {
    const i = tabIds.indexOf(chosen);
    const to =
      e.key === "ArrowRight"
        ? tabIds[(i + 1) % tabIds.length]
        : e.key === "ArrowLeft"
          ? tabIds[(i + tabIds.length - 1) % tabIds.length]
          : e.key === "Home"
            ? tabIds[0]
            : e.key === "End"
              ? tabIds[tabIds.length - 1]
              : undefined;
    if (!to) return;
    e.preventDefault();
    selectTab(to);
    refs.current[to]?.focus();
  };

  const redeemed = (r: Redeemed) => {
    const where: TabId = r.kind === "ladder" ? "earning" : "available";
    notice.show(
      where,
      r.kind === "ladder"
        ? `${r.code} activated. “${r.name}” is now earning: spend to reach its tiers.`
        : `${r.code} redeemed. “${r.name}” is now in your available ad credit.`,
    );
    goTo(where);
  };

  return (
    <section aria-label="Ad credits and promotions" className="card">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-line px-4">
        <div role="tablist" aria-label="Promotions" onKeyDown={move} className="-mb-px flex gap-5">
          {tabIds.map((id) => (
            <button
              key={id}
              ref={(el) => {
                refs.current[id] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={chosen === id}
              aria-controls={PANEL}
              tabIndex={chosen === id ? 0 : -1}
              onClick={() => selectTab(id)}
              className={`flex items-center gap-1.5 border-b-2 py-3 text-[13px] font-medium transition-colors ${
                chosen === id ? "border-brand text-ink" : "border-transparent text-ink-2 hover:text-ink"
              }`}
            >
              {labels[id]}
              <span
                aria-hidden
                className={`min-w-5 rounded-full px-1.5 text-center text-[11px] leading-[18px] tabular-nums ${
                  chosen === id ? "bg-brand-soft text-brand-strong" : "bg-canvas text-ink-3"
                }`}
              >
                {counts[id]}
              </span>
            </button>
          ))}
        </div>
        <div className="py-2">
          <RedeemCoupon accountId={accountId} canRedeem={canRedeem} onRedeemed={redeemed} />
        </div>
      </div>
      <div role="status" aria-live="polite">
        {notice.text && (
          <div className="flex items-start justify-between gap-3 border-b border-line bg-ok-soft px-4 py-2.5 text-[13px] text-ok">
            <p className="flex items-start gap-2">
              <svg aria-hidden viewBox="0 0 20 20" className="mt-px size-4 shrink-0" fill="currentColor">
                <path d="M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16Zm3.7 5.3a1 1 0 0 0-1.4 0L9 10.6 7.7 9.3a1 1 0 1 0-1.4 1.4l2 2a1 1 0 0 0 1.4 0l4-4a1 1 0 0 0 0-1.4Z" />
              </svg>
              {notice.text}
            </p>
            <button
              type="button"
              onClick={notice.dismiss}
              className="shrink-0 rounded px-1 text-xs font-medium underline-offset-2 hover:underline"
            >
              Dismiss
            </button>
          </div>
        )}
      </div>
      <div
        role="tabpanel"
        id={PANEL}
        aria-labelledby={`tab-${tab}`}
        aria-busy={pending}
        className={pending ? "opacity-60 transition-opacity" : undefined}
      >
        {panel}
      </div>
    </section>
  );
}
