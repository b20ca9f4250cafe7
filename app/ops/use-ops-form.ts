"use client";
// Ops forms submit through onSubmit rather than <form action>: React resets a form after an action, and a
// form with field errors must keep what the operator typed.
import { startTransition, useActionState, type FormEvent } from "react";
import type { OpsState } from "@/lib/actions/ops-action";

export function useOpsForm(action: (prev: OpsState, form: FormData) => Promise<OpsState>, onDone?: (state: OpsState, form: HTMLFormElement) => void) {
  const [state, dispatch, pending] = useActionState<OpsState, { data: FormData; form: HTMLFormElement }>(async (prev, { data, form }) => {
    const next = await action(prev, data);
    if (next.ok) onDone?.(next, form);
    return next;
  }, {});
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch({ data, form }));
  };
  return { state, onSubmit, pending };
}
