export function Spinner({ label = "Loading" }: { label?: string }) {
  return (
    <span role="status" className="inline-flex items-center gap-2 text-ink-3">
      <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-line border-t-brand" />
      <span className="sr-only">{label}</span>
    </span>
  );
}

export function Skeleton({ className = "" }: { className?: string }) {
  return <span aria-hidden className={`block animate-pulse rounded bg-line/70 ${className}`} />;
}
