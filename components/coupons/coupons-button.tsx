"use client";
// The header's ticket button and the coupon card it opens (components/ui/dialog, anchored under the
// header): earning promotions with their spend progress, and assignable credits with a shortcut into
// View/Assign. Escape, the close button or a click outside closes it, and focus returns to the button.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { couponKeys } from "@/lib/query-keys";
import { CouponCard } from "./coupon-card";
import { TicketIcon } from "./ticket-icon";

export function CouponsButton({ accountId, accountName, canAssign }: { accountId: string; accountName: string; canAssign: boolean }) {
  const [open, setOpen] = useState(false);
  const query = useQuery(couponKeys.summaryOptions(accountId));
  const count = (query.data?.earning.length ?? 0) + (query.data?.assignable.length ?? 0);
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
        <CouponCard query={query} canAssign={canAssign} promotionsHref={promotionsHref} onNavigate={close} />
      </Dialog>
    </>
  );
}
