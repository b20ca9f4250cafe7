"use client";
// "Create promotion": a ladder (1–3 Spend X, Get Y tiers), a coupon or a discount, in a dialog.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { adProducts, currencies, issuableCreditTypes, type PromotionKind } from "@/db/schema";
import { adProductLabel, creditTypeLabel } from "@/lib/labels";
import { createPromotion } from "./promotion-actions";
import { Checkbox, FormMessage, SelectField, TextField } from "./fields";
import { currencySymbol } from "@/lib/format";
import { useOpsForm } from "./use-ops-form";

const kinds: { value: PromotionKind; label: string; hint: string }[] = [
  { value: "ladder", label: "Ladder", hint: "Spend X, get Y" },
  { value: "coupon", label: "Coupon", hint: "Fixed credit on redemption" },
  { value: "discount", label: "Discount", hint: "Percent off each charge, capped" },
];

export function CreatePromotion() {
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState("");
  return (
    <div className="flex flex-wrap items-center justify-end gap-3">
      <p role="status" aria-live="polite" className="text-[13px] text-ok">
        {notice}
      </p>
      <Button variant="primary" onClick={() => setOpen(true)}>
        Create promotion
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Create promotion" description="Codes are issued afterwards, from the promotions list." width="max-w-2xl"
        footer={
          <>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" form="create-promotion" variant="primary">
              Create promotion
            </Button>
          </>
        }
      >
        <PromotionForm
          onCreated={(message) => {
            setNotice(message);
            setOpen(false);
          }}
        />
      </Dialog>
    </div>
  );
}

function PromotionForm({ onCreated }: { onCreated: (message: string) => void }) {
  const { state, onSubmit, pending } = useOpsForm(createPromotion, (s) => onCreated(s.message ?? "Created."));
  const [kind, setKind] = useState<PromotionKind>("coupon");
  const [currency, setCurrency] = useState<string>("USD");
  const [creditType, setCreditType] = useState<string>("free");
  const [tiers, setTiers] = useState(1);
  const f = "create-promotion";
  const symbol = currencySymbol(currency);
  const common = { form: f, state };

  return (
    <form id={f} onSubmit={onSubmit} noValidate className="space-y-5" aria-busy={pending}>
      <TextField {...common} name="name" label="Name" placeholder="Spring boost $200" maxLength={80} />

      <fieldset>
        <legend className="label">Kind</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {kinds.map((k) => (
            <label key={k.value} className={`flex cursor-pointer items-start gap-2 rounded-md border px-3 py-2 text-[13px] ${kind === k.value ? "border-brand bg-brand-soft" : "border-line"}`}>
              <input type="radio" name="kind" value={k.value} checked={kind === k.value} onChange={() => setKind(k.value)} className="mt-0.5 accent-brand" />
              <span>
                <span className="block font-medium">{k.label}</span>
                <span className="text-xs text-ink-2">{k.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField {...common} name="currency" label="Currency" value={currency} onChange={(e) => setCurrency(e.target.value)}>
          {currencies.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </SelectField>
        {kind === "discount" ? (
          <div>
            <p className="label">Credit type</p>
            <p className="py-2 text-sm text-ink-2">Discount (a percent off each charge)</p>
          </div>
        ) : (
          <SelectField {...common} name="creditType" label="Credit type" value={creditType} onChange={(e) => setCreditType(e.target.value)}>
            {issuableCreditTypes.map((t) => (
              <option key={t} value={t}>
                {creditTypeLabel[t]}
              </option>
            ))}
          </SelectField>
        )}
      </div>

      {kind === "ladder" && (
        <fieldset className="space-y-3 rounded-md border border-line p-3">
          <legend className="px-1 text-[13px] font-medium text-ink-2">Tiers (the highest tier reached pays; rewards do not add up)</legend>
          <input type="hidden" name="tierCount" value={tiers} />
          {Array.from({ length: tiers }, (_, i) => (
            <div key={i} className="grid gap-x-4 gap-y-3 sm:grid-cols-2">
              <TextField {...common} name={`tier${i + 1}Spend`} label={`Tier ${i + 1}: spend`} prefix={symbol} inputMode="decimal" placeholder={["2000.00", "5000.00", "9000.00"][i]} />
              <TextField {...common} name={`tier${i + 1}Reward`} label={`Tier ${i + 1}: reward`} prefix={symbol} inputMode="decimal" placeholder={["200.00", "600.00", "1200.00"][i]} />
            </div>
          ))}
          <div className="flex gap-2">
            {tiers < 3 && (
              <Button size="sm" onClick={() => setTiers(tiers + 1)}>
                Add tier
              </Button>
            )}
            {tiers > 1 && (
              <Button size="sm" variant="ghost" onClick={() => setTiers(tiers - 1)}>
                Remove tier {tiers}
              </Button>
            )}
          </div>
          <TextField {...common} name="windowDays" label="Earning window (days)" inputMode="numeric" defaultValue="30" className="sm:w-1/2 sm:pr-2" hint="Spend counts from activation until the window ends." />
        </fieldset>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        {kind === "coupon" && <TextField {...common} name="amount" label="Credit amount" prefix={symbol} inputMode="decimal" placeholder="200.00" />}
        {kind === "discount" && (
          <>
            <TextField {...common} name="percent" label="Percent off" inputMode="numeric" placeholder="5" hint="1 to 100, taken off each charge." />
            <TextField {...common} name="cap" label="Cap" prefix={symbol} inputMode="decimal" placeholder="150.00" hint="The most the discount can take in all." />
          </>
        )}
        <TextField {...common} name="creditValidityDays" label="Credit valid for (days)" inputMode="numeric" defaultValue="30" hint="Counted from the moment the credit is issued." />
        {kind !== "discount" && creditType === "conditional" && (
          <TextField {...common} name="minCashBalance" label="Minimum cash balance (optional)" prefix={symbol} inputMode="decimal" hint="The credit pays only while cash is at least this." />
        )}
      </div>

      <fieldset>
        <legend className="label">Restrict to ad products</legend>
        <p className="-mt-0.5 mb-2 text-xs text-ink-3">Leave all unchecked for any ad product.</p>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {adProducts.map((p) => (
            <Checkbox key={p} name="adProducts" value={p} label={adProductLabel[p]} />
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend className="label">Eligibility and behaviour</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <Checkbox name="selfServeOnly" label="Self-serve accounts only" hint="Agency and Business-Center-managed accounts cannot redeem." defaultChecked />
          <Checkbox name="newAdvertisersOnly" label="New advertisers only" hint="Accounts with prior paid spend cannot redeem." />
          <Checkbox name="autoActivate" label="Auto-activate" hint="Activates for eligible accounts when they link a payment method." />
          <Checkbox name="exclusive" label="Exclusive" hint="Cannot run alongside another exclusive promotion." defaultChecked />
        </div>
      </fieldset>
      <FormMessage state={state} pending={pending} pendingText="Creating the promotion…" />
    </form>
  );
}
