// A table's card body that scrolls sideways on narrow screens. It is focusable and named, so a keyboard
// user can scroll it too (axe: scrollable-region-focusable). It is positioned so that visually hidden
// (absolutely positioned) text inside the table is clipped with it instead of widening the page.
import type { ReactNode } from "react";

export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="relative overflow-x-auto focus-visible:outline-offset-[-2px]"
    >
      {children}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="px-6 py-12 text-center">
      <p className="font-medium">{title}</p>
      {children && <p className="mx-auto mt-1 max-w-md text-[13px] text-ink-3">{children}</p>}
    </div>
  );
}
