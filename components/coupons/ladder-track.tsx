// The bar of a Spend X, Get Y ladder: qualifying spend against the next tier, with a mark at each tier on
// the way and the reward it unlocks. The element with role=progressbar carries the numbers for assistive tech.
// Amounts come formatted from the server (lib/queries/coupons): nothing here builds an Intl formatter.
import type { EarningPromotion } from "@/lib/queries/coupons";

export function progressText(p: EarningPromotion): string {
  return `${p.qualifyingSpendText} of ${p.nextTier.spendText} qualifying spend`;
}

export function daysLeftText(daysLeft: number): string {
  if (daysLeft <= 0) return "Ends today";
  return daysLeft === 1 ? "1 day left" : `${daysLeft} days left`;
}

export function LadderTrack({
  promotion: p,
  label,
  labelledBy,
  marks = true,
  size = "lg",
}: {
  promotion: EarningPromotion;
  label?: string;
  labelledBy?: string;
  marks?: boolean;
  size?: "lg" | "sm";
}) {
  const max = p.nextTier.spend;
  const pct = (n: number) => Math.min(100, (n / max) * 100);
  const shown = p.tiers.filter((t) => t.spend <= max);
  return (
    <div className={marks ? "pb-10" : undefined}>
      <div
        role="progressbar"
        aria-label={label}
        aria-labelledby={labelledBy}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(p.qualifyingSpend, max)}
        aria-valuetext={progressText(p)}
        className={`relative w-full rounded-full bg-canvas ring-1 ring-line ring-inset ${size === "lg" ? "h-3" : "h-2"}`}
      >
        <div
          className="h-full rounded-full bg-brand transition-[width] duration-500 ease-out"
          style={{ width: `${pct(p.qualifyingSpend)}%` }}
        />
        {marks &&
          shown.map((t) => {
            const at = pct(t.spend);
            const align = at < 12 ? "left-0" : at > 88 ? "right-0 text-right" : "-translate-x-1/2 text-center";
            return (
              <div key={t.index} aria-hidden className="absolute top-0 h-full" style={{ left: `${at}%` }}>
                <span className={`absolute -top-1 h-5 w-0.5 -translate-x-1/2 rounded ${t.reached ? "bg-brand-strong" : "bg-ink-3"}`} />
                <span className={`absolute top-5 whitespace-nowrap text-xs leading-tight ${align}`}>
                  <span className={`block font-semibold tabular-nums ${t.reached ? "text-brand-strong" : "text-ink"}`}>
                    {t.spendShort}
                  </span>
                  <span className="block text-ink-3">
                    {t.reached ? "✓ " : ""}Get {t.rewardShort}
                  </span>
                </span>
              </div>
            );
          })}
      </div>
    </div>
  );
}
