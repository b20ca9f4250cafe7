"use client";
import NextLink from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * The app's one link. Every page here is dynamic and per account, so prefetching each link that scrolls
 * into view (next/link's default) asks the server for a dozen routes after every load and parses their
 * payloads on the main thread while the page is still becoming interactive — on a phone that is most of the
 * page's blocking time (docs/performance.md). This link prefetches when the user shows intent instead:
 * pointer over it, keyboard focus on it, or a touch starting on it. The navigation itself is unchanged.
 */
export function Link({ onPointerEnter, onFocus, onTouchStart, ...props }: Omit<ComponentProps<typeof NextLink>, "prefetch">) {
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
    />
  );
}
