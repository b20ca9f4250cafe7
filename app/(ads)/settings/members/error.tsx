"use client";
import { PageError } from "@/components/shell/page-error";

export default function MembersError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError what="the members of this ad account" digest={error.digest} reset={reset} />;
}
