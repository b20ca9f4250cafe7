"use client";
// The header's ticket button and the coupon card it opens: earning promotions with their spend progress,
// and assignable credits with a shortcut into View/Assign. A native modal <dialog> (showModal) keeps focus
// inside while open; Escape, the close button or a click outside closes it, and focus returns to the button.
import { lazy, Suspense, useEffect, useId, useRef, useState } from "react";
import { Spinner } from "@/components/ui/spinner";
import type { CouponSummary } from "@/lib/queries/coupons";
import { useCouponSummary } from "./coupon-summary";
import { TicketIcon } from "./ticket-icon";

// The card's code loads when it is first opened, not with every page.
const CouponCard = lazy(() => import("./coupon-card").then((m) => ({ default: m.CouponCard })));

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
  const dialog = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const query = useCouponSummary(accountId, summary);
  const count = query.data.earning.length + query.data.assignable.length;

  useEffect(() => {
    if (open && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-label="Coupons"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
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
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        onClose={() => {
          setOpen(false);
          button.current?.focus();
        }}
        onClick={(e) => {
          // A click on the dialog element itself is a click on the backdrop around the card.
          if (e.target === e.currentTarget) dialog.current?.close();
        }}
        className="fixed inset-auto top-16 right-3 left-3 m-0 max-h-[calc(100dvh-5rem)] w-auto max-w-none overflow-hidden rounded-xl border border-line bg-white p-0 text-ink shadow-2xl backdrop:bg-ink/20 sm:left-auto sm:w-[420px] lg:right-6"
      >
        {open && (
          <Suspense
            fallback={
              <div className="px-4 py-6">
                <Spinner label="Loading coupons" />
              </div>
            }
          >
            <CouponCard
              titleId={titleId}
              accountId={accountId}
              accountName={accountName}
              canAssign={canAssign}
              query={query}
              onClose={() => dialog.current?.close()}
            />
          </Suspense>
        )}
      </dialog>
    </>
  );
}
