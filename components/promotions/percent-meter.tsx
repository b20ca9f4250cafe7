// A small bar with its number: how much of a credit has been spent. The meter carries the value for
// assistive technology, so the printed number is hidden from it.
export function PercentMeter({ value, label }: { value: number; label: string }) {
  return (
    <div className="flex items-center justify-end gap-2">
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value}%`}
        className="h-1.5 w-16 shrink-0 overflow-hidden rounded-full bg-line"
      >
        <div className="h-full rounded-full bg-brand" style={{ width: `${value}%` }} />
      </div>
      <span aria-hidden className="w-9 text-right tabular-nums">
        {value}%
      </span>
    </div>
  );
}
