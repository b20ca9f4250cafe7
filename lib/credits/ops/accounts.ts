// Accounts, payment methods, top-ups and campaigns.
import { eq } from "drizzle-orm";
import {
  adAccounts,
  campaigns,
  type AccountKind,
  type AdProduct,
  type BillingMethod,
  type CampaignStatus,
} from "@/db/schema";
import { fail } from "../errors";
import { validCountry, validCurrency, validId, validTimeZone } from "../rules/ranges";
import { isNonNegativeInt, isPositiveInt, type Tx } from "../tx";
import { autoActivate } from "./activate";
import { appendTransaction, loadAccount, loadCampaign } from "./ledger";

export type CreateAccountInput = {
  id: string;
  name?: string;
  currency?: string;
  country?: string;
  billing?: BillingMethod;
  kind?: AccountKind;
  paymentMethod?: boolean;
  priorPaidHistory?: boolean;
  billingThreshold?: number;
  creditLimit?: number;
  businessCenterId?: string | null;
  timeZone?: string;
  industry?: string | null;
};

export function createAccount(tx: Tx, now: number, input: CreateAccountInput) {
  const currency = input.currency ?? "USD";
  const country = input.country ?? "US";
  const billingThreshold = input.billingThreshold ?? 5000;
  const creditLimit = input.creditLimit ?? 0;
  if (
    !validId(input.id) ||
    !validCurrency(currency) ||
    !validCountry(country) ||
    (input.timeZone !== undefined && !validTimeZone(input.timeZone)) ||
    !isNonNegativeInt(billingThreshold) ||
    !isNonNegativeInt(creditLimit) ||
    (input.industry != null && input.industry.length > 100)
  )
    fail("invalid_input");
  if (tx.select({ id: adAccounts.id }).from(adAccounts).where(eq(adAccounts.id, input.id)).get())
    fail("already_exists", { entity: "account", id: input.id });
  const account = tx
    .insert(adAccounts)
    .values({
      id: input.id,
      name: input.name ?? input.id,
      businessCenterId: input.businessCenterId ?? null,
      currency,
      country,
      timeZone: input.timeZone ?? "UTC",
      industry: input.industry ?? null,
      billing: input.billing ?? "manual",
      kind: input.kind ?? "self_serve",
      paymentMethod: input.paymentMethod ?? false,
      priorPaidHistory: input.priorPaidHistory ?? false,
      billingThreshold,
      creditLimit,
      createdAt: now,
    })
    .returning()
    .get();
  const autoActivated = account.paymentMethod ? autoActivate(tx, now, account) : [];
  return { accountId: account.id, autoActivated };
}

export function topUp(tx: Tx, now: number, input: { accountId: string; amount: number }) {
  if (!isPositiveInt(input.amount)) fail("invalid_input", "amount must be a positive integer");
  const account = loadAccount(tx, input.accountId);
  if (account.billing !== "manual") fail("billing_method_mismatch", { billing: account.billing });
  const cashBalance = account.cashBalance + input.amount;
  tx.update(adAccounts).set({ cashBalance }).where(eq(adAccounts.id, account.id)).run();
  appendTransaction(tx, { accountId: account.id, type: "top_up", amount: input.amount, at: now });
  return { cashBalance };
}

export type CreateCampaignInput = {
  id: string;
  accountId: string;
  name?: string;
  adProduct: AdProduct;
  status?: CampaignStatus;
  dailyBudget?: number;
};

export function createCampaign(tx: Tx, now: number, input: CreateCampaignInput) {
  const dailyBudget = input.dailyBudget ?? 0;
  if (!validId(input.id) || !isNonNegativeInt(dailyBudget)) fail("invalid_input");
  loadAccount(tx, input.accountId);
  if (tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, input.id)).get())
    fail("already_exists", { entity: "campaign", id: input.id });
  tx.insert(campaigns)
    .values({
      id: input.id,
      accountId: input.accountId,
      name: input.name ?? input.id,
      adProduct: input.adProduct,
      status: input.status ?? "active",
      dailyBudget,
      createdAt: now,
    })
    .run();
  return { campaignId: input.id };
}

export function setCampaignStatus(tx: Tx, _now: number, input: { campaignId: string; status: CampaignStatus }) {
  const campaign = loadCampaign(tx, input.campaignId);
  tx.update(campaigns).set({ status: input.status }).where(eq(campaigns.id, campaign.id)).run();
  return { campaignId: campaign.id, status: input.status };
}
