// The message that confirms a redemption. It lives here, outside the page's components, because a redemption
// that moves the page to another tab replaces them: `?tab=` is part of the page's identity in the router,
// so the page rendered for the new tab is a new instance with fresh state (and the old one is kept hidden,
// to come back if the user returns to that tab).
//
// The message is for the tab the redemption went to. The first page on screen for that tab and account
// takes it, after it has mounted, so a live region that is already there announces it; from then on only
// that page shows it. A page opened later (the user left and came back) starts without it.
import { useEffect, useState, useSyncExternalStore } from "react";
import type { TabId } from "./ids";

type Notice = { accountId: string; tab: TabId; text: string; shownBy: number | null };

let current: Notice | null = null;
const listeners = new Set<() => void>();
let pages = 0;

function set(next: Notice | null) {
  current = next;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
const snapshot = () => current;
const onServer = () => null;

/** The confirmation shown on this page (rendered for `accountId` and `tab`), and how to set or dismiss one. */
export function useRedeemNotice(accountId: string, tab: TabId) {
  const notice = useSyncExternalStore(subscribe, snapshot, onServer);
  const [self] = useState(() => ++pages);
  const forThisPage = notice !== null && notice.shownBy === null && notice.accountId === accountId && notice.tab === tab;
  useEffect(() => {
    if (forThisPage && current?.shownBy === null) set({ ...current, shownBy: self });
  }, [forThisPage, self]);
  return {
    text: notice?.shownBy === self ? notice.text : null,
    show: (to: TabId, text: string) => set({ accountId, tab: to, text, shownBy: null }),
    dismiss: () => set(null),
  };
}
