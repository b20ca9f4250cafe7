import { Skeleton, Spinner } from "@/components/ui/spinner";

export default function Loading() {
  return (
    <div className="min-h-screen" aria-busy="true">
      <div className="h-14 border-b border-line bg-white" />
      <div className="mx-auto max-w-[1440px] space-y-4 px-4 py-6 lg:px-6">
        <p className="flex items-center gap-2 text-[13px] text-ink-2">
          <Spinner label="Loading page" />
          <span aria-hidden>Loading…</span>
        </p>
        <Skeleton className="h-8 w-64 max-w-full" />
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    </div>
  );
}
