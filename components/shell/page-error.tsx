"use client";
// A route's error boundary: plain words, a retry, and the digest support can look up in the server log.
// "Go to Home" is a plain link on purpose: a full load is the clean way out of a broken page, and
// next/link would put a second copy of its router code into this boundary's chunk, which every page that
// has the boundary loads up front.

export function PageError({ what, digest, reset }: { what: string; digest?: string; reset: () => void }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div role="alert" className="card max-w-md p-6 text-center">
        <h1 className="text-lg font-semibold">We couldn’t load {what}</h1>
        <p className="mt-2 text-ink-2">Something went wrong on our side. Your data is safe; please try again.</p>
        {digest && <p className="mt-2 font-mono text-xs text-ink-3">Reference {digest}</p>}
        <div className="mt-4 flex items-center justify-center gap-3">
          <button
            type="button"
            onClick={reset}
            className="rounded-md bg-brand px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-strong"
          >
            Try again
          </button>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load, see above */}
          <a href="/" className="text-sm font-medium text-brand hover:underline">
            Go to Home
          </a>
        </div>
      </div>
    </main>
  );
}
