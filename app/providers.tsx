"use client";
// React Query for the whole app: a fresh QueryClient for each server render, one shared client in the browser.
import { isServer, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ApiError } from "@/lib/query-keys";

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Data handed over from the server render is fresh for a moment: no refetch straight after hydration.
        staleTime: 5_000,
        // A 4xx (signed out, no access, bad input) will not get better by asking again.
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      },
    },
  });
}

let browserClient: QueryClient | undefined;

function getQueryClient() {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}

export function Providers({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
