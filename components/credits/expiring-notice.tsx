// Home's word on ad credit about to expire (SPEC 6.1): how much expires within 7 days, and when, credit by
// credit. A discount's unused value is a cap on savings, not money, so it is listed but not added up
// (as the header's Ad credit figure leaves it out).
import { Link } from "@/components/ui/link";
import type { AdAccount, Credit } from "@/db/schema";
import { formatDateTime, formatMoney } from "@/lib/format";
import { EXPIRING_SOON_DAYS } from "@/lib/queries/expiring";
import { ExpiringSoonBadge } from "./expiring-soon-badge";

export function ExpiringNotice({ account, credits }: { account: Pick<AdAccount, "id" | "currency" | "timeZone">; credits: Credit[] }) {
  if (credits.length === 0) return null;
  const money = (n: number) => formatMoney(n, account.currency);
  const total = credits.filter((c) => c.type !== "discount").reduce((s, c) => s + c.unused, 0);
  const first = credits[0]!;
  return (
    <section aria-labelledby="expiring-heading" className="card border-warn/40">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-line px-4 py-3">
        <div className="flex items-center gap-2">
          <h2 id="expiring-heading" className="font-semibold">
            Ad credit expiring soon
          </h2>
          <ExpiringSoonBadge />
        </div>
        <Link href={`/tools/payments/promotions?aadvid=${encodeURIComponent(account.id)}`} className="text-[13px] font-medium text-brand hover:underline">
          View credits
        </Link>
      </header>
      <div className="px-4 py-3 text-[13px]">
        <p className="text-ink-2">
          {total > 0 ? (
            <>
              <span className="text-base font-semibold text-ink tabular-nums">{money(total)}</span> of ad credit expires within{" "}
              {EXPIRING_SOON_DAYS} days, the first on {formatDateTime(first.expiresAt, account.timeZone)}. Unused credit is forfeited when it expires.
            </>
          ) : (
            <>Discount credit expires within {EXPIRING_SOON_DAYS} days. Unused credit is forfeited when it expires.</>
          )}
        </p>
        <ul className="mt-2 divide-y divide-line">
          {credits.map((c) => (
            <li key={c.id} className="flex flex-wrap justify-between gap-x-4 gap-y-0.5 py-1.5">
              <span className="font-medium">{c.name}</span>
              <span className="text-ink-2">
                <span className="font-semibold text-ink tabular-nums">
                  {c.type === "discount" ? `up to ${money(c.unused)} off` : money(c.unused)}
                </span>{" "}
                expires {formatDateTime(c.expiresAt, account.timeZone)}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
