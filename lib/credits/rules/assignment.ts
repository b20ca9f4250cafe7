// R10: who may assign which credit to which campaigns, and how many.
import type { CampaignStatus, CreditStatus, CreditType, Restrictions, Role, AdProduct } from "@/db/schema";
import { refusal, type CampaignIneligibility, type Refusal } from "../errors";
import { admitsProduct } from "./restrictions";

/** Credits issued up to 2024-07-31T23:59:59Z may be assigned to 10 campaigns; later ones to 30. */
export const LIMIT_CUTOFF = Date.UTC(2024, 7, 1);
export const campaignLimit = (issuedAt: number): number => (issuedAt < LIMIT_CUTOFF ? 10 : 30);

export type AssignCredit = {
  accountId: string;
  type: CreditType;
  status: CreditStatus;
  issuedAt: number;
  restrictions: Restrictions;
};
export type AssignCampaign = { id: string; name: string; accountId: string; status: CampaignStatus; adProduct: AdProduct };

/** Why a campaign cannot take this credit, or null when it can. */
export function campaignIneligibility(
  credit: Pick<AssignCredit, "accountId" | "restrictions">,
  campaign: AssignCampaign,
): CampaignIneligibility | null {
  if (campaign.accountId !== credit.accountId) return "other_account";
  if (campaign.status !== "active" && campaign.status !== "scheduled") return "not_delivering";
  if (!admitsProduct(credit.restrictions, campaign.adProduct)) return "restricted_product";
  return null;
}

export function checkAssignment(input: {
  action: "assign" | "unassign";
  actorRole: Role;
  credit: AssignCredit | null;
  accountFrozen: boolean;
  /** The campaigns named in the batch, each with its row or null when no campaign has that id. */
  batch: readonly { id: string; campaign: AssignCampaign | null }[];
  /** How many campaigns the credit would hold after the batch. */
  assignedAfter: number;
}): Refusal | null {
  const { action, actorRole, credit } = input;
  if (actorRole !== "admin") return refusal("forbidden", { role: actorRole });
  if (!credit) return refusal("credit_not_found", {});
  if (credit.type !== "assignable") return refusal("not_assignable", { type: credit.type });
  if (credit.status !== "active" || input.accountFrozen)
    return refusal("credit_inactive", { status: credit.status, frozen: input.accountFrozen });
  const unknown = input.batch.find((b) => !b.campaign);
  if (unknown) return refusal("not_found", { entity: "campaign", id: unknown.id });
  if (action === "assign")
    for (const { campaign: c } of input.batch) {
      const reason = c && campaignIneligibility(credit, c);
      if (c && reason)
        return refusal("campaign_ineligible", { campaignId: c.id, campaignName: c.name, status: c.status, adProduct: c.adProduct, reason });
    }
  const limit = campaignLimit(credit.issuedAt);
  if (input.assignedAfter > limit) return refusal("campaign_limit_reached", { limit, requested: input.assignedAfter });
  return null;
}
