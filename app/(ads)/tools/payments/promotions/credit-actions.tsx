"use client";
// A credit row's actions: View/Assign (admins only; others see why) and the Assignment log.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SpinnerIcon } from "@/components/ui/spinner";
import { ASSIGN_REASON_ID, creditNameId } from "./ids";
import { usePageUrl } from "./use-page-url";

export function CreditActions({
  creditId,
  canView,
  canAssign,
}: {
  creditId: string;
  /** Whether the row offers View/Assign at all (an active assignable credit). */
  canView: boolean;
  canAssign: boolean;
}) {
  const { openDialog, pending } = usePageUrl();
  const [opening, setOpening] = useState<"assign" | "log" | null>(null);
  const open = (kind: "assign" | "log") => {
    setOpening(kind);
    openDialog(kind, creditId);
  };
  const busy = pending ? opening : null;
  return (
    <div className="flex items-center justify-end gap-1" aria-busy={pending || undefined}>
      {canView && (
        <Button
          size="sm"
          disabled={!canAssign}
          aria-describedby={canAssign ? undefined : ASSIGN_REASON_ID}
          onClick={() => open("assign")}
        >
          {busy === "assign" && <SpinnerIcon />}
          View/Assign
        </Button>
      )}
      <button
        type="button"
        aria-label="Assignment log"
        aria-describedby={creditNameId(creditId)}
        title="Assignment log"
        onClick={() => open("log")}
        className="inline-flex size-8 items-center justify-center rounded-md text-ink-2 hover:bg-canvas hover:text-ink"
      >
        {busy === "log" ? (
          <SpinnerIcon />
        ) : (
          <svg aria-hidden viewBox="0 0 20 20" className="size-[18px]" fill="none" stroke="currentColor" strokeWidth="1.6">
            <rect x="4.5" y="3.5" width="11" height="14" rx="1.8" />
            <path d="M7.5 3.5V3a1 1 0 0 1 1-1h3a1 1 0 0 1 1 1v.5a1 1 0 0 1-1 1h-3a1 1 0 0 1-1-1Z" fill="currentColor" stroke="none" />
            <path d="M7.5 8.5h5M7.5 11.5h5M7.5 14.5h3" strokeLinecap="round" />
          </svg>
        )}
      </button>
    </div>
  );
}
