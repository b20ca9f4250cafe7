"use client";
// Create campaign: a name, an ad product and a daily budget; the new campaign is active and delivers from
// the next hour (engine launchCampaign). Analysts see the button disabled, with why.
import { lazy, Suspense, useId, useState } from "react";
import type { AdProduct } from "@/db/schema";
import { Button } from "@/components/ui/button";

// The dialog and its form load the first time Create campaign is pressed (campaign-dialogs.tsx).
const CreateCampaignDialog = lazy(() => import("./campaign-dialogs").then((m) => ({ default: m.CreateCampaignDialog })));

export function CreateCampaign({
  accountId,
  currency,
  canEdit,
  editReason,
  budgetHint,
  adProducts,
}: {
  accountId: string;
  currency: string;
  canEdit: boolean;
  /** Why the button is off, for those who may not create campaigns. */
  editReason: string;
  budgetHint: string;
  adProducts: AdProduct[];
}) {
  const [open, setOpen] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [created, setCreated] = useState<string | null>(null);
  const reasonId = useId();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <p role="status" aria-live="polite" className="text-[13px] text-ok empty:hidden">
        {created}
      </p>
      {!canEdit && (
        <p id={reasonId} className="text-xs text-ink-3">
          {editReason}
        </p>
      )}
      <Button
        variant="primary"
        size="sm"
        disabled={!canEdit}
        aria-describedby={canEdit ? undefined : reasonId}
        onClick={() => {
          setAttempt((a) => a + 1);
          setCreated(null);
          setOpen(true);
        }}
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M10 4a1 1 0 0 1 1 1v4h4a1 1 0 1 1 0 2h-4v4a1 1 0 1 1-2 0v-4H5a1 1 0 1 1 0-2h4V5a1 1 0 0 1 1-1Z" />
        </svg>
        Create campaign
      </Button>
      {attempt > 0 && (
        <Suspense>
          <CreateCampaignDialog
            open={open}
            attempt={attempt}
            onClose={() => setOpen(false)}
            onCreated={(name) => setCreated(`${name} is created and active.`)}
            accountId={accountId}
            currency={currency}
            budgetHint={budgetHint}
            adProducts={adProducts}
          />
        </Suspense>
      )}
    </div>
  );
}
