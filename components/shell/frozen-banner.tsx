"use client";
// Shown on every advertiser page while the account is frozen (R12): an alert that ad credits are on hold,
// the state of the latest appeal, and File an appeal (a Reason, then Submit appeal) for admins and
// operators. The dialog sits beside the alert, not inside it, so opening it is not announced as an alert.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ButtonSpinner, controlProps, Field, FormAlert } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { fileAppeal } from "@/lib/actions/appeal";

/**
 * `appealFiled` is when the pending appeal was filed, or null when none is pending. (A ruling always ends
 * the freeze, R12, so while frozen any earlier appeal belongs to an earlier freeze.)
 */
export function FrozenBanner({ accountId, appealFiled, canAppeal }: { accountId: string; appealFiled: string | null; canAppeal: boolean }) {
  const [open, setOpen] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const pending = appealFiled !== null;
  return (
    <>
      <div className="border-b border-danger/30 bg-danger-soft">
        <div role="alert" className="mx-auto flex max-w-[1440px] flex-wrap items-start gap-x-4 gap-y-2 px-4 py-3 text-[13px] text-danger lg:px-6">
          <svg aria-hidden viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0" fill="currentColor">
            <path d="M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16Zm0 4a1 1 0 0 0-1 1v3.5a1 1 0 1 0 2 0V7a1 1 0 0 0-1-1Zm0 8.5a1.1 1.1 0 1 0 0-2.2 1.1 1.1 0 0 0 0 2.2Z" />
          </svg>
          <div className="min-w-0 flex-1 basis-64">
            <p className="font-semibold">This ad account is frozen. Ad credits are on hold.</p>
            <p className="text-ink-2">
              While frozen, ad credit pays for nothing and promotional codes can&apos;t be redeemed. Campaigns keep delivering, paid from
              your own funds.
            </p>
            {pending && (
              <p className="mt-1 font-medium text-ink">
                Appeal pending: filed {appealFiled}. The platform team will review it; this banner goes away when the freeze is lifted.
              </p>
            )}
            {!pending && !canAppeal && <p className="mt-1 text-ink-2">Ask an admin or operator of this ad account to file an appeal.</p>}
          </div>
          {!pending && canAppeal && (
            <Button
              size="sm"
              className="shrink-0"
              onClick={() => {
                setAttempt((a) => a + 1);
                setOpen(true);
              }}
            >
              File an appeal
            </Button>
          )}
        </div>
      </div>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="File an appeal"
        description="Tell the platform team why this ad account should be unfrozen. They rule on appeals in the order they arrive."
      >
        <AppealForm key={attempt} accountId={accountId} onCancel={() => setOpen(false)} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function AppealForm({ accountId, onCancel, onDone }: { accountId: string; onCancel: () => void; onDone: () => void }) {
  const { state, pending, onSubmit, error } = useFormAction((form) => fileAppeal({ accountId, reason: String(form.get("reason") ?? "") }), onDone);
  const hint = "10 to 1,000 characters: what happened, and what you have changed.";
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormAlert message={state.message} />
      <Field id="appeal-reason" label="Reason" hint={hint} error={error("reason")}>
        <textarea {...controlProps("appeal-reason", error("reason"), hint)} name="reason" rows={5} maxLength={1000} autoFocus className="field" />
      </Field>
      <div className="-mx-5 -mb-4 mt-4 flex justify-end gap-2 border-t border-line px-5 py-3">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending && <ButtonSpinner />}
          Submit appeal
        </Button>
      </div>
    </form>
  );
}
