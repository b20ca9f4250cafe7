// The browser's copy of an account's coupon summary (the header's Coupons card, Home's progress bar): seeded
// by the server render — again after an action revalidates the page, so a redemption or an assignment shows
// at once — and polled every 10 s and on focus while something shows it. It is the only data the browser
// fetches, so a ~60-line store does what a query library did, without 11 kB of JavaScript on every page's
// first load.
import { useEffect, useSyncExternalStore } from "react";
import type { CouponSummary } from "@/lib/queries/coupons";

/** Spend arrives with every delivery hour; the card and the progress bar poll for it. */
export const COUPONS_REFETCH_MS = 10_000;
/** Data this fresh is not fetched again on focus. */
const FRESH_MS = 5_000;

/** A failed API read, with the status the route answered (401 session ended, 404 no such account). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    const message =
      body && typeof body === "object" && "message" in body && typeof body.message === "string"
        ? body.message
        : "The server could not answer.";
    throw new ApiError(response.status, message);
  }
  // Our own route handler answers with this shape (lib/queries/coupons); trusted like a module import.
  return response.json();
}

export type SummaryState = { data: CouponSummary; error: Error | null; fetching: boolean };

class SummaryStore {
  private state: SummaryState;
  private fetchedAt = Date.now();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly accountId: string,
    initial: CouponSummary,
  ) {
    this.state = { data: initial, error: null, fetching: false };
  }

  get = () => this.state;

  /** Newer data from a server render (a navigation) replaces what is held. */
  seed(data: CouponSummary) {
    if (data === this.state.data) return;
    this.fetchedAt = Date.now();
    this.set({ data, error: null });
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.timer = setInterval(() => void this.refresh(), COUPONS_REFETCH_MS);
      window.addEventListener("focus", this.onFocus);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        clearInterval(this.timer);
        window.removeEventListener("focus", this.onFocus);
      }
    };
  };

  private onFocus = () => {
    if (Date.now() - this.fetchedAt > FRESH_MS) void this.refresh();
  };

  refresh = async () => {
    if (this.state.fetching) return;
    this.set({ fetching: true });
    try {
      const data = await fetchJson<CouponSummary>(`/api/coupons?aadvid=${encodeURIComponent(this.accountId)}`);
      this.fetchedAt = Date.now();
      this.set({ data, error: null, fetching: false });
    } catch (error) {
      // The last good data stays on screen; the error says why it is not newer.
      this.set({ error: error instanceof Error ? error : new Error(String(error)), fetching: false });
    }
  };

  private set(patch: Partial<SummaryState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}

// Browser only: the server renders from the data it is given and keeps nothing between requests.
const stores = new Map<string, SummaryStore>();

function storeFor(accountId: string, initial: CouponSummary) {
  let store = stores.get(accountId);
  if (!store) stores.set(accountId, (store = new SummaryStore(accountId, initial)));
  return store;
}

const rendered = new WeakMap<CouponSummary, SummaryState>();
/** The state a server render (and hydration) shows: the data it was given. One object per data. */
function renderedState(data: CouponSummary): SummaryState {
  let state = rendered.get(data);
  if (!state) rendered.set(data, (state = { data, error: null, fetching: false }));
  return state;
}

const noSubscription = () => () => {};
const noRefresh = async () => {};

/** The account's coupon summary, kept fresh while the calling component is on screen. */
export function useCouponSummary(accountId: string, initial: CouponSummary) {
  const store = typeof window === "undefined" ? undefined : storeFor(accountId, initial);
  useEffect(() => store?.seed(initial), [store, initial]);
  const fromServer = () => renderedState(initial);
  const state = useSyncExternalStore(store?.subscribe ?? noSubscription, store?.get ?? fromServer, fromServer);
  return { ...state, refetch: store?.refresh ?? noRefresh };
}
