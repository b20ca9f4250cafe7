"use client";
// Never a stack trace: a plain message, a way to retry, and the digest support can look up in the logs.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div role="alert" className="card max-w-md p-6 text-center">
        <h1 className="text-lg font-semibold">Something went wrong</h1>
        <p className="mt-2 text-ink-2">We couldn’t load this page. Your data is safe; please try again.</p>
        {error.digest && <p className="mt-2 font-mono text-xs text-ink-3">Reference {error.digest}</p>}
        <button type="button" onClick={reset} className="mt-4 rounded-md bg-brand px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-strong">
          Try again
        </button>
      </div>
    </main>
  );
}
