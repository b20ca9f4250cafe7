"use client";
// "Grant credit" and "Business Center allocation": credits ops create directly, through the engine.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { adProducts, creditTypes } from "@/db/schema";
import { adProductLabel, creditTypeLabel } from "@/lib/labels";
import { allocateFromBC, grantCredit } from "./credit-actions";
import { Checkbox, FormMessage, SelectField, TextField } from "./fields";
import { currencySymbol } from "@/lib/format";
import { useOpsForm } from "./use-ops-form";

export type AccountOption = { id: string; name: string; currency: string; inBusinessCenter: boolean };

/** After a success only the amount is cleared, so the same credit is not granted twice by accident. */
const clearAmount = (_: unknown, form: HTMLFormElement) => {
  const amount = form.elements.namedItem("amount");
  if (amount instanceof HTMLInputElement) amount.value = "";
};

export function GrantForm({ accounts }: { accounts: AccountOption[] }) {
  const { state, onSubmit, pending } = useOpsForm(grantCredit, clearAmount);
  const [type, setType] = useState<string>("free");
  const [accountId, setAccountId] = useState(accounts[0]?.id ?? "");
  const symbol = currencySymbol(accounts.find((a) => a.id === accountId)?.currency ?? "USD");
  const common = { form: "grant", state };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField {...common} name="accountId" label="Ad account" value={accountId} onChange={(e) => setAccountId(e.target.value)}>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.currency})
            </option>
          ))}
        </SelectField>
        <SelectField {...common} name="type" label="Credit type" value={type} onChange={(e) => setType(e.target.value)}>
          {creditTypes.map((t) => (
            <option key={t} value={t}>
              {creditTypeLabel[t]}
            </option>
          ))}
        </SelectField>
        <TextField {...common} name="amount" label={type === "discount" ? "Cap" : "Amount"} prefix={symbol} inputMode="decimal" placeholder="100.00" />
        {type === "discount" && <TextField {...common} name="percent" label="Percent off" inputMode="numeric" placeholder="5" hint="1 to 100." />}
        {type === "conditional" && (
          <TextField {...common} name="minCashBalance" label="Minimum cash balance (optional)" prefix={symbol} inputMode="decimal" hint="Pays only while cash is at least this." />
        )}
        <TextField {...common} name="validDays" label="Valid for (days)" inputMode="numeric" defaultValue="30" />
        <TextField {...common} name="name" label="Name shown to the advertiser (optional)" placeholder="Goodwill credit" maxLength={80} className="sm:col-span-2" />
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
      <FormMessage state={state} pending={pending} pendingText="Granting…" />
      <Button type="submit" variant="primary" disabled={pending}>
        Grant credit
      </Button>
    </form>
  );
}

export function AllocationForm({ accounts }: { accounts: AccountOption[] }) {
  const { state, onSubmit, pending } = useOpsForm(allocateFromBC, clearAmount);
  const eligible = accounts.filter((a) => a.inBusinessCenter);
  const [accountId, setAccountId] = useState(eligible[0]?.id ?? "");
  const symbol = currencySymbol(eligible.find((a) => a.id === accountId)?.currency ?? "USD");
  const common = { form: "allocate", state };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      <SelectField {...common} name="accountId" label="Ad account" value={accountId} onChange={(e) => setAccountId(e.target.value)} hint="Accounts in a Business Center.">
        {eligible.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name} ({a.currency})
          </option>
        ))}
      </SelectField>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField {...common} name="amount" label="Amount" prefix={symbol} inputMode="decimal" placeholder="250.00" />
        <TextField {...common} name="validDays" label="Valid for (days)" inputMode="numeric" defaultValue="30" />
      </div>
      <FormMessage state={state} pending={pending} pendingText="Allocating…" />
      <Button type="submit" variant="primary" disabled={pending || eligible.length === 0}>
        Allocate credit
      </Button>
    </form>
  );
}
