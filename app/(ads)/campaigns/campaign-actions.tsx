"use client";
// A campaign row's actions: Pause or Resume (named with the campaign, as in "Pause Trail Shoes — Traffic")
// and Edit budget. Refusals (no payment method on an automatic account, say) show under the buttons.
import { useId, useState, useTransition } from "react";
import type { CampaignStatus } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ButtonSpinner, FormAlert } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { pauseCampaign, resumeCampaign, updateDailyBudget } from "./actions";
import { BudgetField } from "./create-campaign";

type Row = { id: string; name: string; status: CampaignStatus; budgetInput: string; budget: string };

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
      <Dialog open={editing} onClose={() => setEditing(false)} title="Edit daily budget" description={campaign.name}>
        <BudgetForm
          key={attempt}
          accountId={accountId}
          campaign={campaign}
          currency={currency}
          budgetHint={budgetHint}
          onCancel={() => setEditing(false)}
          onDone={() => setEditing(false)}
        />
      </Dialog>
    </div>
  );
}

function BudgetForm({
  accountId,
  campaign,
  currency,
  budgetHint,
  onCancel,
  onDone,
}: {
  accountId: string;
  campaign: Row;
  currency: string;
  budgetHint: string;
  onCancel: () => void;
  onDone: () => void;
}) {
  const id = useId();
  const { state, pending, onSubmit, error } = useFormAction(
    (form) => updateDailyBudget({ accountId, campaignId: campaign.id, dailyBudget: String(form.get("dailyBudget") ?? "") }),
    onDone,
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormAlert message={state.message} />
      <p className="text-[13px] text-ink-2">
        Now {campaign.budget} a day. A new budget applies from the next delivery hour.
      </p>
      <BudgetField id={`${id}-budget`} currency={currency} hint={budgetHint} error={error("dailyBudget")} defaultValue={campaign.budgetInput} />
      <div className="-mx-5 -mb-4 mt-4 flex justify-end gap-2 border-t border-line px-5 py-3">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending && <ButtonSpinner />}
          Save budget
        </Button>
      </div>
    </form>
  );
}
