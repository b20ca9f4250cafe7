"use client";
// A campaign row's actions: Pause or Resume (named with the campaign, as in "Pause Trail Shoes — Traffic")
// and Edit budget. Refusals (no payment method on an automatic account, say) show under the buttons.
import { lazy, Suspense, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/field";
import { pauseCampaign, resumeCampaign } from "./actions";
import type { BudgetRow } from "./campaign-dialogs";

// The Edit budget dialog and its form load the first time one is opened (campaign-dialogs.tsx).
const BudgetDialog = lazy(() => import("./campaign-dialogs").then((m) => ({ default: m.BudgetDialog })));

type Row = BudgetRow;

export function CampaignActions({ accountId, campaign, currency, budgetHint }: { accountId: string; campaign: Row; currency: string; budgetHint: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  const [editing, setEditing] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const canPause = campaign.status === "active" || campaign.status === "scheduled";
  const canResume = campaign.status === "paused";
  const toggle = () =>
    startTransition(async () => {
      setError(null);
      const run = canPause ? pauseCampaign : resumeCampaign;
      const result = await run({ accountId, campaignId: campaign.id });
      if (!result.ok) setError(result.message);
    });

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex justify-end gap-1.5">
        {(canPause || canResume) && (
          <Button size="sm" onClick={toggle} disabled={busy} aria-label={`${canPause ? "Pause" : "Resume"} ${campaign.name}`} className="min-w-20">
            {busy && <span aria-hidden className="size-3.5 animate-spin rounded-full border-2 border-line border-t-brand" />}
            {canPause ? "Pause" : "Resume"}
          </Button>
        )}
        {campaign.status !== "archived" && (
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Edit budget ${campaign.name}`}
            onClick={() => {
              setAttempt((a) => a + 1);
              setEditing(true);
            }}
          >
            Edit budget
          </Button>
        )}
      </div>
      {error && <FormAlert message={error} className="max-w-72 text-left" />}
      {attempt > 0 && (
        <Suspense>
          <BudgetDialog
            open={editing}
            attempt={attempt}
            onClose={() => setEditing(false)}
            accountId={accountId}
            campaign={campaign}
            currency={currency}
            budgetHint={budgetHint}
          />
        </Suspense>
      )}
    </div>
  );
}
