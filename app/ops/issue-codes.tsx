"use client";
// "Issue codes" for one promotion: a named code, or 1–500 generated ones shown in a list to copy.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { issueCodes } from "./promotion-actions";
import { FormMessage, TextField } from "./fields";
import { useOpsForm } from "./use-ops-form";

export function IssueCodes({ promotionId, promotionName }: { promotionId: string; promotionName: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" className="whitespace-nowrap" onClick={() => setOpen(true)} aria-label={`Issue codes for ${promotionName}`}>
        Issue codes
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Issue codes" description={promotionName}>
        <CodesForm promotionId={promotionId} promotionName={promotionName} />
      </Dialog>
    </>
  );
}

function CodesForm({ promotionId, promotionName }: { promotionId: string; promotionName: string }) {
  const [copied, setCopied] = useState(false);
  const { state, onSubmit, pending } = useOpsForm(issueCodes, () => setCopied(false));
  const [mode, setMode] = useState<"named" | "bulk">("named");
  const f = `codes-${promotionId}`;
  const common = { form: f, state };
  const prefix = promotionName.toUpperCase().replace(/[^A-Z0-9]/g, " ").trim().split(/\s+/)[0]?.slice(0, 16) || "PROMO";

  return (
    <div className="space-y-4">
      <form id={f} onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
        <input type="hidden" name="promotionId" value={promotionId} />
        <fieldset>
          <legend className="label">Codes</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2 text-[13px]">
            {(
              [
                ["named", "One named code"],
                ["bulk", "Generate codes"],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex items-center gap-2">
                <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} className="accent-brand" />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
        {mode === "named" ? (
          <TextField {...common} name="code" label="Code" placeholder="SPRING-50" maxLength={40} hint="Redeemed case-insensitively, ignoring spaces and dashes." />
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField {...common} name="prefix" label="Prefix" defaultValue={prefix} maxLength={16} hint={`Codes look like ${prefix}-7KQ2-X9.`} />
            <TextField {...common} name="count" label="How many" inputMode="numeric" defaultValue="10" hint="1 to 500." />
          </div>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField {...common} name="activationDays" label="Activate within (days)" inputMode="numeric" defaultValue="14" hint="From today; later the code has expired." />
          <TextField {...common} name="maxRedemptions" label="Redemptions per code" inputMode="numeric" defaultValue="1" hint="How many accounts may redeem each code." />
        </div>
        <FormMessage state={state} pending={pending} pendingText="Issuing codes…" />
        <div className="flex justify-end">
          <Button type="submit" variant="primary" disabled={pending}>
            {mode === "named" ? "Issue code" : "Generate codes"}
          </Button>
        </div>
      </form>
      {state.ok && state.codes && state.codes.length > 0 && (
        <div className="border-t border-line pt-4">
          <div className="mb-1 flex items-center justify-between gap-2">
            <label htmlFor={`${f}-issued`} className="label mb-0">
              Issued codes ({state.codes.length})
            </label>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                void navigator.clipboard?.writeText(state.codes!.join("\n")).then(() => setCopied(true));
              }}
            >
              {copied ? "Copied" : "Copy all"}
            </Button>
          </div>
          <textarea id={`${f}-issued`} readOnly rows={Math.min(8, state.codes.length)} value={state.codes.join("\n")} className="field resize-y font-mono text-[13px]" onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
    </div>
  );
}
