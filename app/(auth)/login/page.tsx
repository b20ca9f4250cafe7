import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/auth/next-path";
import { currentUser } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).next);
  const user = await currentUser();
  if (user) redirect(next ?? (user.isOps ? "/ops" : "/"));
  // Top-aligned, not centred: when the HTML arrives in two pieces the browser may paint the first, and a
  // vertically centred card would then jump up as the rest arrives (a layout shift Lighthouse measured).
  return (
    <main className="flex min-h-screen items-start justify-center px-4 pt-12 pb-12 sm:pt-[12vh]">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2">
          <Logo />
          <span className="text-lg font-semibold">Ads Manager</span>
        </div>
        <div className="card p-6 shadow-sm">
          <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
          <p className="mb-5 text-[13px] text-ink-3">Manage ad credits and promotions for your ad accounts.</p>
          <SignInForm next={next} />
        </div>
        <p className="mt-4 text-center text-[13px] text-ink-2">
          New to Ads Manager?{" "}
          <Link href="/signup" className="font-medium text-brand hover:underline">
            Create an account
          </Link>
        </p>
        <p className="mt-3 text-center text-xs text-ink-3">
          Demo: admin@example.com, operator@example.com, analyst@example.com or ops@example.com — password{" "}
          <code className="font-mono">promotions</code>
        </p>
      </div>
    </main>
  );
}

function Logo() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-7 text-brand" fill="currentColor">
      <rect x="2" y="2" width="20" height="20" rx="6" />
      <path d="M8 12.5 11 15.5 16.5 9" stroke="white" strokeWidth="2.2" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
