"use client";
// The Campaigns page's dialogs, Create campaign and Edit daily budget, with their forms. Loaded the first
// time one of them is opened, so the page's first load carries only its buttons.
import { useId } from "react";
import type { AdProduct, CampaignStatus } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ButtonSpinner, controlProps, Field, FormAlert } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { currencySymbol } from "@/lib/format";
import { adProductLabel } from "@/lib/labels";
import { createCampaign, updateDailyBudget } from "./actions";

export type BudgetRow = { id: string; name: string; status: CampaignStatus; budgetInput: string; budget: string };

export function CreateCampaignDialog({
  open,
  attempt,
  onClose,
  onCreated,
  accountId,
  currency,
  budgetHint,
  adProducts,
}: {
  open: boolean;
  /** A fresh form each time the dialog opens. */
  attempt: number;
  onClose: () => void;
  onCreated: (name: string) => void;
  accountId: string;
  currency: string;
  budgetHint: string;
  adProducts: AdProduct[];
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Create campaign" description="A new campaign is active: it starts spending its daily budget from the next hour.">
      <CampaignForm
        key={attempt}
        accountId={accountId}
        currency={currency}
        budgetHint={budgetHint}
        adProducts={adProducts}
        onCancel={onClose}
        onDone={(name) => {
          onClose();
          onCreated(name);
        }}
      />
    </Dialog>
  );
}

export function BudgetDialog({
  open,
  attempt,
  onClose,
  accountId,
  campaign,
  currency,
  budgetHint,
}: {
  open: boolean;
  attempt: number;
  onClose: () => void;
  accountId: string;
  campaign: BudgetRow;
  currency: string;
  budgetHint: string;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Edit daily budget" description={campaign.name}>
      <BudgetForm key={attempt} accountId={accountId} campaign={campaign} currency={currency} budgetHint={budgetHint} onCancel={onClose} onDone={onClose} />
    </Dialog>
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

function BudgetForm({
  accountId,
  campaign,
  currency,
  budgetHint,
  onCancel,
  onDone,
}: {
  accountId: string;
  campaign: BudgetRow;
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
