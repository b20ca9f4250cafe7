// What a table page shows while its server render streams in: the frame, words, and table-shaped skeletons.
import { Skeleton, Spinner } from "@/components/ui/spinner";

export function TablePageLoading({ label }: { label: string }) {
  return (
    <div className="min-h-screen" aria-busy="true">
      <div className="h-14 border-b border-line bg-white" />
      <div className="border-b border-line bg-white">
        <div className="mx-auto max-w-[1440px] space-y-2 px-4 py-4 lg:px-6">
          <Skeleton className="h-3 w-56 max-w-full" />
          <Skeleton className="h-6 w-40" />
        </div>
      </div>
      <main className="mx-auto max-w-[1440px] space-y-4 px-4 py-5 lg:px-6">
        <p className="flex items-center gap-2 text-[13px] text-ink-2">
          <Spinner label={label} />
          <span aria-hidden>{label}</span>
        </p>
        <div className="card divide-y divide-line">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="flex items-center gap-4 px-4 py-3">
              <Skeleton className="h-4 w-1/3" />
              <Skeleton className="h-4 w-1/6" />
              <Skeleton className="ml-auto h-4 w-20" />
            </div>
          ))}
        </div>
      </main>
    </div>
  );
}
