"use client";
// The frozen-account banner, loaded only when an account is frozen: the shell renders this on every page,
// and the banner's appeal dialog and form would otherwise weigh on every page's first load. (A server
// component's next/dynamic does not split client code; a client component's lazy() does.)
import { lazy, Suspense, type ComponentProps } from "react";

const FrozenBanner = lazy(() => import("./frozen-banner").then((m) => ({ default: m.FrozenBanner })));

export function LazyFrozenBanner(props: ComponentProps<typeof FrozenBanner>) {
  return (
    <Suspense>
      <FrozenBanner {...props} />
    </Suspense>
  );
}
