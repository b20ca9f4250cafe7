// React Query's cache contract: one key factory per feature, with the options that read it. The server
// render seeds the same keys (HydrationBoundary), so server and browser must agree on them; keep this file
// free of server-only imports.
import { queryOptions } from "@tanstack/react-query";
import type { CouponSummary } from "@/lib/queries/coupons";

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

export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" }, cache: "no-store" });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    const message =
      body && typeof body === "object" && "message" in body && typeof body.message === "string"
        ? body.message
        : "The server could not answer.";
    throw new ApiError(response.status, message);
  }
  // Our own route handlers answer with these shapes (lib/queries); the body is trusted like a module import.
  return response.json();
}

/** Spend arrives with every delivery hour; the card and the progress bar poll for it. */
export const COUPONS_REFETCH_MS = 10_000;

export const couponKeys = {
  all: ["coupons"] as const,
  summary: (accountId: string) => [...couponKeys.all, "summary", accountId] as const,
  summaryOptions: (accountId: string) =>
    queryOptions({
      queryKey: couponKeys.summary(accountId),
      queryFn: ({ signal }) =>
        fetchJson<CouponSummary>(`/api/coupons?aadvid=${encodeURIComponent(accountId)}`, signal),
      staleTime: 5_000,
      refetchInterval: COUPONS_REFETCH_MS,
      refetchOnWindowFocus: true,
    }),
};
