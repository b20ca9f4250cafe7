// R10: who may assign which credit to which campaigns, and how many.
import type { CampaignStatus, CreditStatus, CreditType, Restrictions, Role, AdProduct } from "@/db/schema";
import type { ErrorCode } from "../errors";
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
export type AssignCampaign = { id: string; accountId: string; status: CampaignStatus; adProduct: AdProduct };

/** Why a campaign cannot take this credit, or null when it can. */
export function campaignIneligibility(
  credit: Pick<AssignCredit, "accountId" | "restrictions">,
  campaign: AssignCampaign,
): "other_account" | "not_delivering" | "restricted_product" | null {
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
  /** The campaigns named in the batch; null for a name that matches no campaign. */
  campaigns: readonly (AssignCampaign | null)[];
  /** How many campaigns the credit would hold after the batch. */
  assignedAfter: number;
}): ErrorCode | null {
  const { action, actorRole, credit } = input;
  if (actorRole !== "admin") return "forbidden";
  if (!credit) return "credit_not_found";
  if (credit.type !== "assignable") return "not_assignable";
  if (credit.status !== "active" || input.accountFrozen) return "credit_inactive";
  if (input.campaigns.some((c) => !c)) return "not_found";
  if (action === "assign" && input.campaigns.some((c) => c && campaignIneligibility(credit, c)))
    return "campaign_ineligible";
  if (input.assignedAfter > campaignLimit(credit.issuedAt)) return "campaign_limit_reached";
  return null;
}
