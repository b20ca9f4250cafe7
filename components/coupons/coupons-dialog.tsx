"use client";
// The header's coupon card in its dialog (components/ui/dialog, anchored under the header). Loaded the first
// time the Coupons button is pressed, so no page pays for the dialog and the card up front.
import { startTransition } from "react";
import { Link } from "@/components/ui/link";
import { Dialog } from "@/components/ui/dialog";
import { CouponCard } from "./coupon-card";
import type { SummaryState } from "./coupon-summary";
import { TicketIcon } from "./ticket-icon";

export function CouponsDialog({
  open,
  onClose,
  accountName,
  canAssign,
  promotionsHref,
  query,
}: {
  open: boolean;
  onClose: () => void;
  accountName: string;
  canAssign: boolean;
  promotionsHref: string;
  query: SummaryState;
}) {
  // A link here closes the dialog in the navigation's own transition: the dialog (and the clicked link, which
  // reports the pending navigation to the shell's progress bar) stays until the next page is ready.
  const closeOnArrival = () => startTransition(onClose);
  return (
    <Dialog
      open={open}
      onClose={onClose}
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
        <Link href={promotionsHref} onClick={closeOnArrival} className="mr-auto text-[13px] font-medium text-brand hover:underline">
          Go to Promotions
        </Link>
      }
    >
      <CouponCard query={query} canAssign={canAssign} promotionsHref={promotionsHref} onNavigate={closeOnArrival} />
    </Dialog>
  );
}
