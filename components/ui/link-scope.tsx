"use client";
import { useRouter } from "next/navigation";
import { useRef, type ComponentProps, type SyntheticEvent } from "react";
import { useNavigationTransition } from "./link";

/**
 * Many links for the price of one client component. Inside it, plain server-rendered `<a href>` get what
 * the app's Link gives a single link: a client-side navigation on a plain left click, and a prefetch when
 * the user shows intent (pointer over, keyboard focus, touch start). A table of 50 rows, each with a link,
 * then hydrates one component instead of 50 (docs/performance.md). Modified clicks (new tab, new window,
 * download), `target`ed and `download` links and other origins are left to the browser. A navigation it
 * starts shows the shell's progress bar until it completes, as a `Link`'s does.
 */
export function LinkScope({ onClick, onPointerOver, onFocus, onTouchStart, ...props }: ComponentProps<"div">) {
  const router = useRouter();
  const prefetched = useRef(new Set<string>());
  const startNavigation = useNavigationTransition();

  /** The same-origin URL of the link the event happened in, or null when the browser should handle it. */
  function linkOf(e: SyntheticEvent<HTMLDivElement>): string | null {
    const a = e.target instanceof Element ? e.target.closest("a[href]") : null;
    if (!(a instanceof HTMLAnchorElement) || !e.currentTarget.contains(a)) return null;
    if (a.hasAttribute("download") || (a.target && a.target !== "_self")) return null;
    const url = new URL(a.href);
    return url.origin === window.location.origin ? `${url.pathname}${url.search}${url.hash}` : null;
  }

  function intent(e: SyntheticEvent<HTMLDivElement>) {
    const href = linkOf(e);
    if (href && !prefetched.current.has(href)) {
      prefetched.current.add(href);
      router.prefetch(href);
    }
  }

  return (
    <div
      {...props}
      onPointerOver={(e) => {
        intent(e);
        onPointerOver?.(e);
      }}
      onFocus={(e) => {
        intent(e);
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        intent(e);
        onTouchStart?.(e);
      }}
      onClick={(e) => {
        onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        const href = linkOf(e);
        if (!href) return;
        e.preventDefault();
        startNavigation(() => router.push(href));
      }}
    />
  );
}
