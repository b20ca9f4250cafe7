"use client";
import { PageError } from "@/components/shell/page-error";

export default function BillingError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError what="billing" digest={error.digest} reset={reset} />;
}
