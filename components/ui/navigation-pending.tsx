"use client";
import { useSyncExternalStore } from "react";

// Which client-side navigations are waiting for the server. The advertiser pages have no `loading.tsx`
// skeletons (a skeleton held a page's content back ~300 ms on every navigation, and on Transactions'
// first load: docs/performance.md), so while the next page renders the current one stays, and the bar
// below says a navigation is under way. Every `Link` (components/ui/link.tsx) reports its pending state
// here, and so does `LinkScope` for the plain links inside it.

let pending = 0;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** Counts a navigation as pending until the returned function is called (once). */
export function startPending(): () => void {
  pending++;
  emit();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    pending--;
    emit();
  };
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/**
 * A thin bar across the top of the window while a navigation is pending. It fades in only after 150 ms,
 * so a fast navigation shows nothing; screen readers hear "Loading page".
 */
export function NavigationProgress() {
  const busy = useSyncExternalStore(subscribe, () => pending > 0, () => false);
  return (
    <div role="status" className="pointer-events-none fixed inset-x-0 top-0 z-50 h-0.5 overflow-hidden">
      {busy && (
        <>
          <span className="sr-only">Loading page</span>
          <span aria-hidden className="navigation-progress block h-full w-1/3 bg-brand" />
        </>
      )}
    </div>
  );
}
