"use client";
import { PageError } from "@/components/shell/page-error";

export default function CampaignsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError what="your campaigns" digest={error.digest} reset={reset} />;
}
