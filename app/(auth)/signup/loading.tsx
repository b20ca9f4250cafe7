import { Spinner } from "@/components/ui/spinner";

export default function Loading() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4" aria-busy="true">
      <p className="flex items-center gap-2 text-[13px] text-ink-2">
        <Spinner label="Loading sign-up" />
        <span aria-hidden>Loading…</span>
      </p>
    </main>
  );
}
