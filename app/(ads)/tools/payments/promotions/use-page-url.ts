"use client";
// The page's state lives in its URL (`tab`, and `assign` or `log` for the open credit dialog), so a reload
// or a link (the header's coupon card deep-links `?assign=<creditId>`) lands in the same place.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";

export const tabIds = ["available", "earning", "expired"] as const;
export type TabId = (typeof tabIds)[number];
export const parseTab = (value: string | null | undefined): TabId =>
  tabIds.find((t) => t === value) ?? "available";

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

  return {
    tab: parseTab(params.get("tab")),
    pending,
    /** Tabs switch on the client only: Next keeps useSearchParams in step with history.replaceState. */
    selectTab: (tab: TabId) => window.history.replaceState(null, "", href({ tab })),
    /** Dialogs load their credit on the server, so opening one is a navigation. */
    openDialog: (kind: "assign" | "log", creditId: string) =>
      startTransition(() =>
        router.replace(href({ assign: kind === "assign" ? creditId : null, log: kind === "log" ? creditId : null }), {
          scroll: false,
        }),
      ),
    closeDialog: () => startTransition(() => router.replace(href({ assign: null, log: null }), { scroll: false })),
  };
}
