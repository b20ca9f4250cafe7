"use client";
// The page's state lives in its URL (`tab`, and `assign` or `log` for the open credit dialog), so a reload
// or a link (the header's coupon card deep-links `?assign=<creditId>`) lands in the same place.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import type { TabId } from "./ids";

export function usePageUrl() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();

  const href = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    return `${pathname}?${next.toString()}`;
  };

  const replace = (changes: Record<string, string | null>) =>
    startTransition(() => router.replace(href(changes), { scroll: false }));

  return {
    pending,
    /**
     * The server renders only the chosen tab's panel (less to hydrate on load), so choosing a tab is a
     * navigation to the URL that names it; `optimistic` runs in that transition, to show the choice until
     * the panel arrives. The address bar changes at once, so a reload or a copied link meanwhile lands on
     * the chosen tab. (A `router.refresh()` after `history.replaceState` is not enough: a refresh
     * re-renders the search params the router last rendered, and when they differ from the URL's it
     * retries and may fall back to a full page load, losing what the page held, such as the message that
     * confirms a redemption.)
     */
    selectTab: (tab: TabId, optimistic?: () => void) => {
      const to = href({ tab });
      window.history.replaceState(null, "", to);
      startTransition(() => {
        optimistic?.();
        router.replace(to, { scroll: false });
      });
    },
    /** Dialogs load their credit on the server, so opening one is a navigation. */
    openDialog: (kind: "assign" | "log", creditId: string) =>
      replace({ assign: kind === "assign" ? creditId : null, log: kind === "log" ? creditId : null }),
    closeDialog: () => replace({ assign: null, log: null }),
  };
}
