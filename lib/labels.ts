// Human words for the engine's enums, in one place.
import type { AdProduct, CampaignStatus, CreditType, Role, TransactionType } from "@/db/schema";

export const adProductLabel: Record<AdProduct, string> = {
  in_feed: "In-Feed Ads",
  video_views: "Video views",
  traffic: "Traffic",
  conversions: "Conversions",
  product_sales: "Product sales",
  topview: "TopView",
};

export const campaignStatusLabel: Record<CampaignStatus, string> = {
  draft: "Draft",
  scheduled: "Scheduled",
  active: "Active",
  paused: "Paused",
  archived: "Archived",
};

export const creditTypeLabel: Record<CreditType, string> = {
  free: "Free credit",
  assignable: "Assignable credit",
  conditional: "Conditional credit",
  discount: "Discount",
};

export const roleLabel: Record<Role, string> = { admin: "Admin", operator: "Operator", analyst: "Analyst" };

export const transactionTypeLabel: Record<TransactionType, string> = {
  ad_credit: "Ad credit",
  cash: "Cash",
  billed: "Billed to card",
  credit_line: "Credit line",
  top_up: "Top-up",
  payment: "Payment",
  credit_issued: "Credit issued",
  credit_expired: "Credit expired",
  credit_revoked: "Credit revoked",
};
