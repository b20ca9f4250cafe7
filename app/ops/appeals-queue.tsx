"use client";
// Pending appeals of frozen accounts. Reinstate unfreezes; Revoke forfeits every active credit, so it asks first.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { resolveAppeal } from "./account-actions";
import { FormMessage } from "./fields";
import { useOpsForm } from "./use-ops-form";

export type AppealRow = {
  id: number;
  accountId: string;
  accountName: string;
  filed: string;
  reason: string | null;
  activeCredits: number;
  unused: string;
};

export function AppealsQueue({ appeals }: { appeals: AppealRow[] }) {
  const [confirm, setConfirm] = useState<AppealRow | null>(null);
  const { state, onSubmit, pending } = useOpsForm(resolveAppeal, () => setConfirm(null));
  return (
    <>
      <FormMessage state={state} pending={pending} pendingText="Ruling on the appeal…" className="mx-4 mt-3 empty:mt-0" />
      {appeals.length === 0 ? (
        <p className="px-4 py-5 text-[13px] text-ink-3">No pending appeals. A frozen account’s appeal shows here until you rule on it.</p>
      ) : (
        <ul className="divide-y divide-line">
          {appeals.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div className="text-[13px]">
                <p>
                  <span className="font-medium">{a.accountName}</span> <span className="text-ink-3">{a.accountId}</span>
                </p>
                <p className="text-ink-3">
                  Filed {a.filed} · {a.activeCredits} active {a.activeCredits === 1 ? "credit" : "credits"}, {a.unused} unused
                </p>
                {a.reason ? (
                  <blockquote className="mt-1.5 max-w-prose border-l-2 border-line pl-2.5 whitespace-pre-line text-ink-2">
                    <span className="sr-only">Reason: </span>
                    {a.reason}
                  </blockquote>
                ) : (
                  <p className="mt-1 text-ink-3 italic">No reason given.</p>
                )}
              </div>
              <form onSubmit={onSubmit} className="flex gap-2">
                <input type="hidden" name="accountId" value={a.accountId} />
                <Button type="submit" size="sm" name="outcome" value="reinstate" disabled={pending} aria-label={`Reinstate ${a.accountName}`}>
                  Reinstate
                </Button>
                <Button size="sm" variant="danger" disabled={pending} onClick={() => setConfirm(a)} aria-label={`Revoke ${a.accountName}`}>
                  Revoke
                </Button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <Dialog
        open={confirm !== null}
        onClose={() => setConfirm(null)}
        title={`Revoke ${confirm?.accountName ?? ""}?`}
        footer={
          <>
            <Button onClick={() => setConfirm(null)}>Cancel</Button>
            <Button type="submit" form="revoke-appeal" variant="danger" disabled={pending}>
              {pending ? "Revoking…" : "Revoke credits"}
            </Button>
          </>
        }
      >
        <form id="revoke-appeal" onSubmit={onSubmit} className="space-y-2 text-sm">
          <input type="hidden" name="accountId" value={confirm?.accountId ?? ""} />
          <input type="hidden" name="outcome" value="revoke" />
          <p>
            Every active credit of {confirm?.accountName} — {confirm?.activeCredits} {confirm?.activeCredits === 1 ? "credit" : "credits"}, {confirm?.unused} unused — is
            forfeited, and its earning promotions end. The account is then unfrozen.
          </p>
          <p className="font-medium text-danger">This cannot be undone.</p>
        </form>
      </Dialog>
    </>
  );
}
