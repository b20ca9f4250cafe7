import { StatusBadge } from "@/components/ui/status-badge";
import type { Tone } from "@/lib/describe";
import type { CampaignStatus } from "@/db/schema";
import { campaignStatusLabel } from "@/lib/labels";

const tone: Record<CampaignStatus, Tone> = {
  active: "ok",
  scheduled: "info",
  paused: "warn",
  draft: "muted",
  archived: "muted",
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return <StatusBadge tone={tone[status]}>{campaignStatusLabel[status]}</StatusBadge>;
}
