// Tables inside a card: a body that scrolls sideways on narrow screens, columns described once, and the
// message shown instead of an empty table.
import type { ReactNode } from "react";

/**
 * The scrolling body. It is focusable and named, so a keyboard user can scroll it too (axe:
 * scrollable-region-focusable). It is positioned so that visually hidden (absolutely positioned) text
 * inside the table is clipped with it instead of widening the page.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="relative overflow-x-auto focus-visible:outline-offset-[-2px]">
      {children}
    </div>
  );
}

export type Column<T> = {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Classes on the header and every cell of the column (`num` right-aligns numbers). */
  className?: string;
  /** Classes on the cells only. */
  cellClassName?: string;
};

/** A scrolling table whose columns say how to show a row; `label` names it for assistive technology. */
export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
}: {
  label: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
}) {
  return (
    <ScrollTable label={label}>
      <table className="table">
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c, i) => (
                <td key={i} className={[c.className, c.cellClassName].filter(Boolean).join(" ") || undefined}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
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
