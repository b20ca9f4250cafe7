"use client";
import { PageError } from "@/components/shell/page-error";

export default function TransactionsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError what="your transactions" digest={error.digest} reset={reset} />;
}
