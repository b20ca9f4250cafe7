import { Link } from "@/components/ui/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="card max-w-md p-6 text-center">
        <h1 className="text-lg font-semibold">Page not found</h1>
        <p className="mt-2 text-ink-2">This page doesn’t exist, or you don’t have access to it.</p>
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand hover:underline">
          Go to Home
        </Link>
      </div>
    </main>
  );
}
