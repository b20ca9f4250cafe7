"use client";
// Add payment method / Replace card: the sandbox card form in its dialog. Loaded the first time the panel's
// button is pressed, so the Billing page's first load carries only the panel.
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ButtonSpinner, controlProps, Field, FormAlert } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { addPaymentMethod, type CardSaved } from "./actions";

export function CardDialog({
  open,
  attempt,
  linked,
  accountId,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** A fresh form each time the dialog opens. */
  attempt: number;
  linked: boolean;
  accountId: string;
  onClose: () => void;
  onSaved: (saved: CardSaved) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={linked ? "Replace card" : "Add payment method"}
      description="Sandbox: no card is charged. Try 4242 4242 4242 4242 with any future date."
    >
      <CardForm
        key={attempt}
        accountId={accountId}
        onCancel={onClose}
        onSaved={(saved) => {
          onClose();
          onSaved(saved);
        }}
      />
    </Dialog>
  );
}

function CardForm({ accountId, onCancel, onSaved }: { accountId: string; onCancel: () => void; onSaved: (saved: CardSaved) => void }) {
  const { state, pending, onSubmit, error } = useFormAction(
    (form) =>
      addPaymentMethod({
        accountId,
        number: String(form.get("number") ?? ""),
        expiry: String(form.get("expiry") ?? ""),
        cvc: String(form.get("cvc") ?? ""),
        name: String(form.get("name") ?? ""),
      }),
    onSaved,
  );
  const expiryHint = "MM/YY";
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormAlert message={state.message} />
      <Field id="card-number" label="Card number" error={error("number")}>
        <input
          {...controlProps("card-number", error("number"))}
          name="number"
          inputMode="numeric"
          autoComplete="cc-number"
          maxLength={23}
          autoFocus
          placeholder="1234 1234 1234 1234"
          className="field font-mono tracking-wide"
        />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field id="card-expiry" label="Expiry date" hint={expiryHint} error={error("expiry")}>
          <input
            {...controlProps("card-expiry", error("expiry"), expiryHint)}
            name="expiry"
            inputMode="numeric"
            autoComplete="cc-exp"
            maxLength={7}
            placeholder="MM/YY"
            className="field"
          />
        </Field>
        <Field id="card-cvc" label="Security code" error={error("cvc")}>
          <input
            {...controlProps("card-cvc", error("cvc"))}
            name="cvc"
            type="password"
            inputMode="numeric"
            autoComplete="cc-csc"
            maxLength={4}
            placeholder="123"
            className="field"
          />
        </Field>
      </div>
      <Field id="card-name" label="Name on card" error={error("name")}>
        <input {...controlProps("card-name", error("name"))} name="name" autoComplete="cc-name" maxLength={100} className="field" />
      </Field>
      <p className="text-xs text-ink-3">We keep only the card&apos;s brand, last four digits and expiry date.</p>
      <div className="-mx-5 -mb-4 mt-4 flex justify-end gap-2 border-t border-line px-5 py-3">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending && <ButtonSpinner />}
          Save card
        </Button>
      </div>
    </form>
  );
}
