// Keyset pagination: Newest, Previous (newer rows) and Next (older rows). There are no page numbers: a
// page is named by the row it follows, so page 100,000 costs what page 1 does.
import { Link } from "@/components/ui/link";
import { buttonClass } from "@/components/ui/button";

export function Pagination({
  newest,
  newer,
  older,
  summary,
  pageSize,
}: {
  newest: string | null;
  newer: string | null;
  older: string | null;
  /** "51–100" while the place is known (within the count cap). */
  summary: string | null;
  pageSize: number;
}) {
  const disabled = `${buttonClass("secondary", "sm")} pointer-events-none opacity-50`;
  const step = (href: string | null, label: string, rel: "prev" | "next") =>
    href ? (
      <Link href={href} rel={rel} className={buttonClass("secondary", "sm")}>
        {label}
      </Link>
    ) : (
      <span aria-disabled="true" className={disabled}>
        {label}
      </span>
    );
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-3 border-t border-line px-4 py-3">
      <div className="flex items-center gap-2">
        {newest && (
          <Link href={newest} className={buttonClass("ghost", "sm")}>
            Newest
          </Link>
        )}
        {step(newer, "Previous", "prev")}
      </div>
      <p className="hidden text-[13px] text-ink-2 tabular-nums sm:block">{summary ?? `${pageSize} a page`}</p>
      {step(older, "Next", "next")}
    </nav>
  );
}
