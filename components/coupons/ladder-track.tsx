// The bar of a Spend X, Get Y ladder: qualifying spend against the next tier, with a mark at each tier on
// the way and the reward it unlocks. The element with role=progressbar carries the numbers for assistive tech.
import { formatMoney, minorPerMajor } from "@/lib/format";
import type { EarningPromotion } from "@/lib/queries/coupons";

/** Whole amounts without cents ("$1,500"), others as usual: for the short labels under tier marks. */
export function formatMoneyShort(minor: number, currency: string): string {
  if (minor % minorPerMajor(currency) !== 0) return formatMoney(minor, currency);
  return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(
    minor / minorPerMajor(currency),
  );
}

export function progressText(p: EarningPromotion, currency: string): string {
  return `${formatMoney(p.qualifyingSpend, currency)} of ${formatMoney(p.nextTier.spend, currency)} qualifying spend`;
}

export function daysLeftText(daysLeft: number): string {
  if (daysLeft <= 0) return "Ends today";
  return daysLeft === 1 ? "1 day left" : `${daysLeft} days left`;
}

export function LadderTrack({
  promotion: p,
  currency,
  label,
  labelledBy,
  marks = true,
  size = "lg",
}: {
  promotion: EarningPromotion;
  currency: string;
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
        aria-valuetext={progressText(p, currency)}
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
                    {formatMoneyShort(t.spend, currency)}
                  </span>
                  <span className="block text-ink-3">
                    {t.reached ? "✓ " : ""}Get {formatMoneyShort(t.reward, currency)}
                  </span>
                </span>
              </div>
            );
          })}
      </div>
    </div>
  );
}
