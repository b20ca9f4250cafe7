// A labelled form control with its hint and its error, tied to the control by aria-describedby; the error
// is announced through aria-live. The control itself is the caller's: spread `controlProps` onto it.
import type { ReactNode } from "react";

export type FieldErrors = Record<string, string[] | undefined>;

export function controlProps(id: string, error?: string, hint?: ReactNode) {
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(" ") || undefined,
  } as const;
}

export function Field({
  id,
  label,
  hint,
  error,
  className = "",
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-ink-3">
          {hint}
        </p>
      )}
      <p id={`${id}-error`} aria-live="polite" className="mt-1 text-[13px] text-danger empty:mt-0">
        {error}
      </p>
    </div>
  );
}

/** A failure that belongs to no single field, in an alert. */
export function FormAlert({ message, className = "" }: { message?: string; className?: string }) {
  if (!message) return null;
  return (
    <div role="alert" className={`flex gap-2 rounded-md border border-danger/30 bg-danger-soft px-3 py-2.5 text-[13px] text-danger ${className}`}>
      <svg aria-hidden viewBox="0 0 20 20" className="mt-px size-4 shrink-0" fill="currentColor">
        <path d="M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16Zm0 4a1 1 0 0 0-1 1v3.5a1 1 0 1 0 2 0V7a1 1 0 0 0-1-1Zm0 8.5a1.1 1.1 0 1 0 0-2.2 1.1 1.1 0 0 0 0 2.2Z" />
      </svg>
      <span>{message}</span>
    </div>
  );
}

/** A submit button's busy mark, for buttons on the brand colour. */
export function ButtonSpinner() {
  return <span aria-hidden className="size-3.5 animate-spin rounded-full border-2 border-white/40 border-t-white" />;
}
