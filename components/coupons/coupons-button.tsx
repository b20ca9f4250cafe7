"use client";
// The header's ticket button and the coupon card it opens (components/ui/dialog, anchored under the
// header): earning promotions with their spend progress, and assignable credits with a shortcut into
// View/Assign. Escape, the close button or a click outside closes it, and focus returns to the button.
import Link from "next/link";
import { lazy, Suspense, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
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
      <Dialog
        open={open}
        onClose={close}
        title="Coupons"
        description={accountName}
        placement="top-end"
        flush
        icon={
          <span className="grid size-8 place-items-center rounded-lg bg-brand-soft text-brand">
            <TicketIcon />
          </span>
        }
        footer={
          <Link href={promotionsHref} onClick={close} className="mr-auto text-[13px] font-medium text-brand hover:underline">
            Go to Promotions
          </Link>
        }
      >
        {open && (
          <Suspense
            fallback={
              <div className="px-5 py-6">
                <Spinner label="Loading coupons" />
              </div>
            }
          >
            <CouponCard query={query} canAssign={canAssign} promotionsHref={promotionsHref} onNavigate={close} />
          </Suspense>
        )}
      </Dialog>
    </>
  );
}
