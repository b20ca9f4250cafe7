"use client";
// The Redeem coupon button. Its dialog (redeem-dialog.tsx) loads the first time it is pressed, and stays
// mounted from then on so it opens and closes (and returns focus) like any dialog.
import { lazy, Suspense, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { whoMay } from "@/lib/messages";
import type { Redeemed } from "./actions";

const RedeemDialog = lazy(() => import("./redeem-dialog").then((m) => ({ default: m.RedeemDialog })));

export function RedeemCoupon({
  accountId,
  canRedeem,
  onRedeemed,
}: {
  accountId: string;
  canRedeem: boolean;
  onRedeemed: (r: Redeemed) => void;
}) {
  const [open, setOpen] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const reasonId = useId();
  return (
    <div className="flex items-center gap-3">
      {!canRedeem && (
        <p id={reasonId} className="text-xs text-ink-3">
          {whoMay.redeem}
        </p>
      )}
      <Button
        variant="primary"
        size="sm"
        disabled={!canRedeem}
        aria-describedby={canRedeem ? undefined : reasonId}
        onClick={() => {
          setAttempt((a) => a + 1);
          setOpen(true);
        }}
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M10 4a1 1 0 0 1 1 1v4h4a1 1 0 1 1 0 2h-4v4a1 1 0 1 1-2 0v-4H5a1 1 0 1 1 0-2h4V5a1 1 0 0 1 1-1Z" />
        </svg>
        Redeem coupon
      </Button>
      {attempt > 0 && (
        <Suspense>
          <RedeemDialog open={open} attempt={attempt} accountId={accountId} onClose={() => setOpen(false)} onRedeemed={onRedeemed} />
        </Suspense>
      )}
    </div>
  );
}
