// Accounts, payment methods, top-ups and campaigns.
import {
  type AccountKind,
  type AdProduct,
  type BillingMethod,
  type CampaignStatus,
} from "@/db/schema";
import { fail } from "../errors";
import { validCountry, validCurrency, validId, validTimeZone } from "../rules/ranges";
import type { Store } from "../store/store";
import { isNonNegativeInt, isPositiveInt } from "../tx";
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

export async function createAccount(store: Store, now: number, input: CreateAccountInput) {
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
  if (await store.accountExists(input.id)) fail("already_exists", { entity: "account", id: input.id });
  const account = await store.insertAccount({
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
  });
  const autoActivated = account.paymentMethod ? await autoActivate(store, now, account) : [];
  return { accountId: account.id, autoActivated };
}

export async function topUp(store: Store, now: number, input: { accountId: string; amount: number }) {
  if (!isPositiveInt(input.amount)) fail("invalid_input", "amount must be a positive integer");
  const account = await loadAccount(store, input.accountId);
  if (account.billing !== "manual") fail("billing_method_mismatch", { billing: account.billing });
  const cashBalance = account.cashBalance + input.amount;
  await store.setCashBalance(account.id, cashBalance);
  await appendTransaction(store, { accountId: account.id, type: "top_up", amount: input.amount, at: now });
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

export async function createCampaign(store: Store, now: number, input: CreateCampaignInput) {
  const dailyBudget = input.dailyBudget ?? 0;
  if (!validId(input.id) || !isNonNegativeInt(dailyBudget)) fail("invalid_input");
  await loadAccount(store, input.accountId);
  if (await store.campaignExists(input.id)) fail("already_exists", { entity: "campaign", id: input.id });
  await store.insertCampaign({
    id: input.id,
    accountId: input.accountId,
    name: input.name ?? input.id,
    adProduct: input.adProduct,
    status: input.status ?? "active",
    dailyBudget,
    createdAt: now,
  });
  return { campaignId: input.id };
}

export async function setCampaignStatus(store: Store, _now: number, input: { campaignId: string; status: CampaignStatus }) {
  const campaign = await loadCampaign(store, input.campaignId);
  await store.setCampaignStatus(campaign.id, input.status);
  return { campaignId: campaign.id, status: input.status };
}
