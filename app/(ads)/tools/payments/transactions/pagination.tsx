import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const disabled = `${buttonClass("secondary", "sm")} pointer-events-none opacity-50`;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-3 border-t border-line px-4 py-3">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={buttonClass("secondary", "sm")}>
          Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          Previous
        </span>
      )}
      <p className="text-[13px] text-ink-2 tabular-nums">
        Page {page} of {pages}
      </p>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next" className={buttonClass("secondary", "sm")}>
          Next
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          Next
        </span>
      )}
    </nav>
  );
}
