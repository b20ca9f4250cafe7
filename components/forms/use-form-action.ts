"use client";
// Submits a form to a server action without React resetting it (a form with field errors keeps what the
// person typed), and keeps the action's answer: field errors beside their fields, anything else in an alert.
import { useState, useTransition, type FormEvent } from "react";
import type { FieldErrors } from "./field";

type Answer<T> = ({ ok: true } & T) | { ok: false; message: string; fieldErrors?: FieldErrors };
export type FormState = { message?: string; fieldErrors?: FieldErrors };

export function useFormAction<T extends object>(submit: (form: FormData) => Promise<Answer<T>>, onDone?: (result: { ok: true } & T) => void) {
  const [state, setState] = useState<FormState>({});
  const [pending, startTransition] = useTransition();
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await submit(data);
      if (result.ok) {
        setState({});
        onDone?.(result);
      } else {
        const fieldErrors = result.fieldErrors && Object.keys(result.fieldErrors).length > 0 ? result.fieldErrors : undefined;
        setState({ message: fieldErrors ? undefined : result.message, fieldErrors });
      }
    });
  };
  const error = (name: string) => state.fieldErrors?.[name]?.[0];
  return { state, pending, onSubmit, error, reset: () => setState({}) };
}
