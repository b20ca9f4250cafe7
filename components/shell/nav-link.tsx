"use client";
import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";

export function NavLink({ href, match, children }: { href: string; match: string; children: React.ReactNode }) {
  const path = usePathname();
  const active = match === "/" ? path === "/" : path.startsWith(match);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`whitespace-nowrap rounded-md px-2 py-1.5 sm:px-2.5 text-[13px] font-medium ${
        active ? "bg-brand-soft text-brand-strong" : "text-ink-2 hover:bg-canvas hover:text-ink"
      }`}
    >
      {children}
    </Link>
  );
}
