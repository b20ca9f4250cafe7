"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { OpsState } from "@/lib/actions/ops-action";
import { advanceClock } from "./actions";

export function AdvanceForm() {
  const [state, action, pending] = useActionState<OpsState, FormData>(advanceClock, {});
  return (
    <form action={action} className="space-y-3">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Advance the clock">
        {[
          [1, "Advance 1 hour"],
          [24, "Advance 1 day"],
          [168, "Advance 1 week"],
        ].map(([hours, label]) => (
          <Button key={hours} type="submit" name="hours" value={hours} variant={hours === 24 ? "primary" : "secondary"} disabled={pending}>
            {label}
          </Button>
        ))}
      </div>
      <p role="status" aria-live="polite" className={`min-h-5 text-[13px] ${state.ok === false ? "text-danger" : "text-ink-2"}`}>
        {pending ? "Delivering and running due events…" : (state.fieldErrors?.hours?.[0] ?? state.message)}
      </p>
    </form>
  );
}
