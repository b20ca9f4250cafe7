"use client";
import NextLink, { useLinkStatus } from "next/link";
import { useEffect, useLayoutEffect, useState, useSyncExternalStore, useTransition, type ComponentProps } from "react";

/**
 * The app's one link. Every page here is dynamic and per account, so prefetching each link that scrolls
 * into view (next/link's default) asks the server for a dozen routes after every load and parses their
 * payloads on the main thread while the page is still becoming interactive — on a phone that is most of the
 * page's blocking time (docs/performance.md). This link prefetches when the user shows intent instead:
 * pointer over it, keyboard focus on it, or a touch starting on it. The navigation itself is unchanged; while
 * it waits for the server, the shell's progress bar shows (below).
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
  useReportPending(useLinkStatus().pending);
  return null;
}

// Which client-side navigations are waiting for the server. The advertiser pages have no `loading.tsx`
// skeletons (a skeleton held a page's content back ~300 ms on every navigation, and on Transactions'
// first load: docs/performance.md), so while the next page renders the current one stays, and the bar
// below says a navigation is under way. Every `Link` reports its pending state here, and so does every
// navigation made through `useNavigationTransition` (`LinkScope`'s plain links, a member leaving an
// account). (In this module, not one of its own: the shell renders the bar from the server, and a module
// of its own became one more first-load script on every advertiser page.)

let pending = 0;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** Counts a navigation as pending until the returned function is called (once). */
function startPending(): () => void {
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

/** Counts a navigation as pending for as long as `navigating` is true (and the caller is mounted). */
function useReportPending(navigating: boolean) {
  useEffect(() => (navigating ? startPending() : undefined), [navigating]);
}

/**
 * For a navigation made in code (`router.push`): run it in the returned function, and the shell's progress
 * bar shows until the next page is ready, as it does for a `Link`.
 */
export function useNavigationTransition(): (navigate: () => void) => void {
  const [navigating, start] = useTransition();
  useReportPending(navigating);
  return start;
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/**
 * A thin bar across the top of the window while a navigation is pending. It appears only once a navigation
 * has lasted 150 ms, so a fast one shows nothing, and screen readers hear "Loading page" at the same moment.
 * `data-pending` marks the region from the navigation's start (the e2e tests wait on it).
 */
export function NavigationProgress() {
  const busy = useSyncExternalStore(subscribe, () => pending > 0, () => false);
  return (
    <div role="status" data-pending={busy || undefined} className="pointer-events-none fixed inset-x-0 top-0 z-50 h-0.5 overflow-hidden">
      {busy && <DelayedBar />}
    </div>
  );
}

/** Mounted while a navigation is pending; shows the bar and its text 150 ms later. */
function DelayedBar() {
  const [shown, setShown] = useState(false);
  // A layout effect, so the timer is set in the same task as the commit that mounts this.
  useLayoutEffect(() => {
    const timer = setTimeout(() => setShown(true), 150);
    return () => clearTimeout(timer);
  }, []);
  if (!shown) return null;
  return (
    <>
      <span className="sr-only">Loading page</span>
      <span aria-hidden className="navigation-progress block h-full w-1/3 bg-brand" />
    </>
  );
}
