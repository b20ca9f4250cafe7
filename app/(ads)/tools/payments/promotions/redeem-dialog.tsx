"use client";
// The Redeem coupon dialog: a Promotional code field and Activate. A failed redemption (R7) is explained in
// an alert inside the dialog; a successful one closes it and hands the result to the page. Loaded the first
// time Redeem coupon is pressed.
import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SpinnerIcon } from "@/components/ui/spinner";
import { redeemCode, type Redeemed } from "./actions";

export function RedeemDialog({
  open,
  attempt,
  accountId,
  onClose,
  onRedeemed,
}: {
  open: boolean;
  /** A fresh form (empty field, no old error) each time the dialog opens. */
  attempt: number;
  accountId: string;
  onClose: () => void;
  onRedeemed: (r: Redeemed) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Redeem coupon"
      description="Enter a promotional code to add ad credit or start a promotion on this ad account."
    >
      <RedeemForm
        key={attempt}
        accountId={accountId}
        onCancel={onClose}
        onDone={(r) => {
          onClose();
          onRedeemed(r);
        }}
      />
    </Dialog>
  );
}

type State = { error?: string; message?: string; fieldError?: string; code?: string };

function RedeemForm({
  accountId,
  onCancel,
  onDone,
}: {
  accountId: string;
  onCancel: () => void;
  onDone: (r: Redeemed) => void;
}) {
  const [state, action, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const code = String(form.get("code") ?? "");
    const result = await redeemCode({ accountId, code });
    if (result.ok) {
      onDone(result);
      return {};
    }
    return { error: result.error, message: result.message, fieldError: result.fieldErrors?.code?.[0], code };
  }, {});
  const fieldErrorId = useId();
  const showAlert = state.message && !state.fieldError;

  return (
    <form action={action} noValidate>
      {showAlert && (
        <div
          role="alert"
          className="mb-4 flex gap-2 rounded-md border border-danger/30 bg-danger-soft px-3 py-2.5 text-[13px] text-danger"
        >
          <svg aria-hidden viewBox="0 0 20 20" className="mt-px size-4 shrink-0" fill="currentColor">
            <path d="M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16Zm0 4a1 1 0 0 0-1 1v3.5a1 1 0 1 0 2 0V7a1 1 0 0 0-1-1Zm0 8.5a1.1 1.1 0 1 0 0-2.2 1.1 1.1 0 0 0 0 2.2Z" />
          </svg>
          <span>{state.message}</span>
        </div>
      )}
      <label htmlFor="promotional-code" className="label">
        Promotional code
      </label>
      <input
        id="promotional-code"
        name="code"
        defaultValue={state.code}
        autoFocus
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={64}
        placeholder="e.g. GROW-2026"
        aria-invalid={state.fieldError || showAlert ? true : undefined}
        aria-describedby={fieldErrorId}
        className="field font-mono uppercase tracking-wide placeholder:normal-case placeholder:tracking-normal"
      />
      <p id={fieldErrorId} aria-live="polite" className="mt-1 min-h-5 text-[13px] text-danger">
        {state.fieldError}
      </p>
      <p className="text-xs text-ink-3">
        Codes aren&apos;t case-sensitive, and spaces or dashes don&apos;t matter. Most codes must be activated within
        14 days of receipt.
      </p>
      <div className="-mx-5 -mb-4 mt-4 flex justify-end gap-2 border-t border-line px-5 py-3">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending && <SpinnerIcon inverse />}
          Activate
        </Button>
      </div>
    </form>
  );
}
