import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { countries, timeZones } from "@/lib/signup/options";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  const user = await currentUser();
  if (user) redirect(user.isOps ? "/ops" : "/");
  // Top-aligned at the same height as /login, so the logo stays put when moving between the two pages.
  return (
    <main className="flex min-h-screen items-start justify-center px-4 pt-12 pb-12 sm:pt-[12vh]">
      <div className="w-full max-w-xl">
        <div className="mb-6 flex items-center gap-2">
          <svg aria-hidden viewBox="0 0 24 24" className="size-7 text-brand" fill="currentColor">
            <rect x="2" y="2" width="20" height="20" rx="6" />
            <path d="M8 12.5 11 15.5 16.5 9" stroke="white" strokeWidth="2.2" fill="none" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span className="text-lg font-semibold">Ads Manager</span>
        </div>
        <div className="card p-6 shadow-sm">
          <h1 className="mb-1 text-xl font-semibold">Create an account</h1>
          <p className="mb-5 text-[13px] text-ink-3">
            Set up your business&apos;s ad account. You can add a payment method and launch your first campaign right after.
          </p>
          <SignUpForm countries={countries} timeZones={timeZones()} />
        </div>
        <p className="mt-4 text-center text-[13px] text-ink-2">
          Already have an account?{" "}
          <Link href="/login" className="font-medium text-brand hover:underline">
            Sign in
          </Link>
        </p>
      </div>
    </main>
  );
}
