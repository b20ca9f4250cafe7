"use client";
import NextLink, { useLinkStatus } from "next/link";
import { useEffect, useState, type ComponentProps } from "react";
import { startPending } from "./navigation-pending";

/**
 * The app's one link. Every page here is dynamic and per account, so prefetching each link that scrolls
 * into view (next/link's default) asks the server for a dozen routes after every load and parses their
 * payloads on the main thread while the page is still becoming interactive — on a phone that is most of the
 * page's blocking time (docs/performance.md). This link prefetches when the user shows intent instead:
 * pointer over it, keyboard focus on it, or a touch starting on it. The navigation itself is unchanged; while
 * it waits for the server, the shell's progress bar shows (components/ui/navigation-pending.tsx).
 */
export function Link({ onPointerEnter, onFocus, onTouchStart, children, ...props }: Omit<ComponentProps<typeof NextLink>, "prefetch">) {
  const [intent, setIntent] = useState(false);
  return (
    <NextLink
      {...props}
      prefetch={intent ? null : false}
      onPointerEnter={(e) => {
        setIntent(true);
        onPointerEnter?.(e);
      }}
      onFocus={(e) => {
        setIntent(true);
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        setIntent(true);
        onTouchStart?.(e);
      }}
    >
      {children}
      <LinkPendingReporter />
    </NextLink>
  );
}

/** Inside the link: reports its navigation to the shell's progress bar while it is pending. Renders nothing. */
function LinkPendingReporter() {
  const { pending } = useLinkStatus();
  useEffect(() => (pending ? startPending() : undefined), [pending]);
  return null;
}
