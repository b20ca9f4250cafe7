// The one spinner. `Spinner` announces itself ("Loading …") for a region that is loading; `SpinnerIcon` is
// the bare ring for inside a control whose own text says what is happening (a pending button).
export function SpinnerIcon({ size = "sm", inverse = false }: { size?: "sm" | "md"; inverse?: boolean }) {
  const ring = inverse ? "border-white/40 border-t-white" : "border-line border-t-brand";
  return <span aria-hidden className={`${size === "sm" ? "size-3.5" : "size-4"} shrink-0 animate-spin rounded-full border-2 ${ring}`} />;
}

export function Spinner({ label = "Loading" }: { label?: string }) {
  return (
    <span role="status" className="inline-flex items-center gap-2 text-ink-3">
      <SpinnerIcon size="md" />
      <span className="sr-only">{label}</span>
    </span>
  );
}
