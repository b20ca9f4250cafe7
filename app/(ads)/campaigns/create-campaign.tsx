"use client";
// Create campaign: a name, an ad product and a daily budget; the new campaign is active and delivers from
// the next hour (engine launchCampaign). Analysts see the button disabled, with why.
import { useId, useState } from "react";
import type { AdProduct } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ButtonSpinner, controlProps, Field, FormAlert } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { currencySymbol } from "@/lib/format";
import { adProductLabel } from "@/lib/labels";
import { createCampaign } from "./actions";

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
      <Dialog open={open} onClose={() => setOpen(false)} title="Create campaign" description="A new campaign is active: it starts spending its daily budget from the next hour.">
        <CampaignForm
          key={attempt}
          accountId={accountId}
          currency={currency}
          budgetHint={budgetHint}
          adProducts={adProducts}
          onCancel={() => setOpen(false)}
          onDone={(name) => {
            setOpen(false);
            setCreated(`${name} is created and active.`);
          }}
        />
      </Dialog>
    </div>
  );
}

function CampaignForm({
  accountId,
  currency,
  budgetHint,
  adProducts,
  onCancel,
  onDone,
}: {
  accountId: string;
  currency: string;
  budgetHint: string;
  adProducts: AdProduct[];
  onCancel: () => void;
  onDone: (name: string) => void;
}) {
  const { state, pending, onSubmit, error } = useFormAction(
    (form) =>
      createCampaign({
        accountId,
        name: String(form.get("name") ?? ""),
        adProduct: String(form.get("adProduct") ?? ""),
        dailyBudget: String(form.get("dailyBudget") ?? ""),
      }),
    (r) => onDone(r.name),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormAlert message={state.message} />
      <Field id="campaign-name" label="Campaign name" error={error("name")}>
        <input {...controlProps("campaign-name", error("name"))} name="name" maxLength={100} autoFocus autoComplete="off" className="field" />
      </Field>
      <Field id="campaign-product" label="Ad product" error={error("adProduct")}>
        <select {...controlProps("campaign-product", error("adProduct"))} name="adProduct" className="field">
          {adProducts.map((p) => (
            <option key={p} value={p}>
              {adProductLabel[p]}
            </option>
          ))}
        </select>
      </Field>
      <BudgetField id="campaign-budget" currency={currency} hint={budgetHint} error={error("dailyBudget")} />
      <div className="-mx-5 -mb-4 mt-4 flex justify-end gap-2 border-t border-line px-5 py-3">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending && <ButtonSpinner />}
          Create
        </Button>
      </div>
    </form>
  );
}

export function BudgetField({ id, currency, hint, error, defaultValue }: { id: string; currency: string; hint: string; error?: string; defaultValue?: string }) {
  return (
    <Field id={id} label="Daily budget" hint={hint} error={error}>
      <div className="relative">
        <span aria-hidden className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-ink-3">
          {currencySymbol(currency)}
        </span>
        <input
          {...controlProps(id, error, hint)}
          name="dailyBudget"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={defaultValue}
          className="field pl-8"
        />
      </div>
    </Field>
  );
}
