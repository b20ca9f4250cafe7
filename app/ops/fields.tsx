// Form fields for the ops console: the shared labelled Field (components/forms/field.tsx) bound to an ops
// form's state by name.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { controlProps, Field } from "@/components/forms/field";
import type { OpsState } from "@/lib/actions/ops-action";

type Common = { form: string; name: string; label: ReactNode; state: OpsState; hint?: ReactNode; className?: string };

export function TextField({ form, name, label, state, hint, className, prefix, ...input }: Common & { prefix?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = `${form}-${name}`;
  const error = state.fieldErrors?.[name]?.[0];
  const control = (
    <input
      {...controlProps(id, error, hint)}
      name={name}
      className={`field ${prefix ? "pl-7" : ""}`}
      autoComplete="off"
      {...input}
    />
  );
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      {prefix ? (
        <div className="relative">
          <span aria-hidden className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-ink-3">
            {prefix}
          </span>
          {control}
        </div>
      ) : (
        control
      )}
    </Field>
  );
}

export function SelectField({ form, name, label, state, hint, className, children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = `${form}-${name}`;
  const error = state.fieldErrors?.[name]?.[0];
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <select {...controlProps(id, error, hint)} name={name} className="field" {...select}>
        {children}
      </select>
    </Field>
  );
}

export function Checkbox({ name, value, label, hint, defaultChecked }: { name: string; value?: string; label: ReactNode; hint?: ReactNode; defaultChecked?: boolean }) {
  return (
    <label className="flex items-start gap-2 text-[13px]">
      <input type="checkbox" name={name} value={value} defaultChecked={defaultChecked} className="mt-0.5 size-4 accent-brand" />
      <span>
        <span className="font-medium text-ink">{label}</span>
        {hint && <span className="block text-xs text-ink-3">{hint}</span>}
      </span>
    </label>
  );
}

/** The form's outcome: an alert when it failed, a polite status when it worked. */
export function FormMessage({ state, pending, pendingText, className = "" }: { state: OpsState; pending: boolean; pendingText: string; className?: string }) {
  if (!pending && state.ok === false)
    return (
      <p role="alert" className={`rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-[13px] text-danger ${className}`}>
        {state.message}
      </p>
    );
  return (
    <p role="status" aria-live="polite" className={`min-h-5 text-[13px] text-ink-2 empty:min-h-0 ${className}`}>
      {pending ? pendingText : state.ok ? state.message : ""}
    </p>
  );
}
