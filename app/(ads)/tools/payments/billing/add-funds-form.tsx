"use client";
// Add funds to a manual (prepaid) account: the engine's topUp, which writes a Top-up transaction.
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ButtonSpinner, controlProps, Field, FormAlert } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { addFunds } from "./actions";

/**
 * `symbol` and `placeholder` come from the server (lib/format's currencySymbol and minorPerMajor), so the
 * browser builds no Intl formatter while the page loads.
 */
export function AddFundsForm({ accountId, symbol, placeholder }: { accountId: string; symbol: string; placeholder: string }) {
  const [done, setDone] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const { state, pending, onSubmit, error } = useFormAction(
    (form) => {
      setDone(null);
      return addFunds({ accountId, amount: String(form.get("amount") ?? "") });
    },
    (r) => {
      formRef.current?.reset();
      setDone(`Added ${r.added}. Your cash balance is now ${r.balance}.`);
    },
  );
  const hint = "Funds are available to your campaigns at once.";
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="add-funds-heading" className="space-y-3">
      <h3 id="add-funds-heading" className="text-sm font-semibold">
        Add funds
      </h3>
      <FormAlert message={state.message} />
      <div className="flex flex-wrap items-start gap-3">
        <Field id="add-funds-amount" label="Amount" hint={hint} error={error("amount")} className="w-full max-w-60">
          <div className="relative">
            <span aria-hidden className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-ink-3">
              {symbol}
            </span>
            <input
              {...controlProps("add-funds-amount", error("amount"), hint)}
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              placeholder={placeholder}
              className="field pl-8"
            />
          </div>
        </Field>
        <Button type="submit" variant="primary" disabled={pending} className="sm:mt-6">
          {pending && <ButtonSpinner />}
          Add funds
        </Button>
      </div>
      <p role="status" aria-live="polite" className="text-[13px] text-ok empty:hidden">
        {done}
      </p>
    </form>
  );
}
