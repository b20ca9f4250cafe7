"use client";
// The header's ticket button and the coupon card it opens (components/ui/dialog, anchored under the
// header): earning promotions with their spend progress, and assignable credits with a shortcut into
// View/Assign. Escape, the close button or a click outside closes it, and focus returns to the button.
import { lazy, Suspense, useState } from "react";
import type { CouponSummary } from "@/lib/queries/coupons";
import { useCouponSummary } from "./coupon-summary";
import { TicketIcon } from "./ticket-icon";

// The dialog and the card load when the button is first pressed, not with every page.
const CouponsDialog = lazy(() => import("./coupons-dialog").then((m) => ({ default: m.CouponsDialog })));

export function CouponsButton({
  accountId,
  accountName,
  canAssign,
  summary,
}: {
  accountId: string;
  accountName: string;
  canAssign: boolean;
  /** The server render's summary, shown until the browser fetches a newer one. */
  summary: CouponSummary;
}) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const query = useCouponSummary(accountId, summary);
  const count = query.data.earning.length + query.data.assignable.length;
  const promotionsHref = `/tools/payments/promotions?aadvid=${encodeURIComponent(accountId)}`;
  const close = () => setOpen(false);

  return (
    <>
      <button
        type="button"
        aria-label="Coupons"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setLoaded(true);
          setOpen(true);
          void query.refetch();
        }}
        className="relative inline-flex h-9 items-center gap-1.5 rounded-md px-2 text-[13px] font-medium text-ink-2 hover:bg-canvas hover:text-ink"
      >
        <TicketIcon />
        <span className="hidden lg:inline">Coupons</span>
        {count > 0 && (
          <span
            aria-hidden
            className="absolute top-0.5 left-5 min-w-4 rounded-full bg-brand px-1 text-center text-[10px] leading-4 font-semibold text-white"
          >
            {count}
          </span>
        )}
      </button>
      {/* Mounted from the first press on, so the dialog's own open/close (and focus return) works as usual. */}
      {loaded && (
        <Suspense>
          <CouponsDialog
            open={open}
            onClose={close}
            accountName={accountName}
            canAssign={canAssign}
            promotionsHref={promotionsHref}
            query={query}
          />
        </Suspense>
      )}
    </>
  );
}
