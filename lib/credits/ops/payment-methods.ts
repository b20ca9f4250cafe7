// Payment methods: linking one (R8 auto-activation on the first link) and removing it. The account's
// `paymentMethod` flag is what the rules read (R7, R8); the card's brand, last four digits and expiry are
// kept beside it for the Billing page, never the number or security code.
import { cardBrands } from "@/db/schema";
import { fail } from "../errors";
import type { Card, Store } from "../store/store";
import { isPositiveInt } from "../tx";
import { autoActivate } from "./activate";
import { loadAccount } from "./ledger";

export type { Card } from "../store/store";

/** A card is good through the last instant of its expiry month (UTC). */
export const cardExpiresAt = (card: Pick<Card, "expMonth" | "expYear">) => Date.UTC(card.expYear, card.expMonth, 1);

function validCard(card: Card, now: number): boolean {
  return (
    cardBrands.includes(card.brand) &&
    /^\d{4}$/.test(card.last4) &&
    isPositiveInt(card.expMonth) &&
    card.expMonth <= 12 &&
    isPositiveInt(card.expYear) &&
    card.expYear >= 2000 &&
    card.expYear <= 2199 &&
    cardExpiresAt(card) > now
  );
}

/**
 * Links a payment method; the first link triggers auto-activation (R8). Linking again changes nothing,
 * except that a card given with it replaces the card details on file.
 */
export async function linkPaymentMethod(store: Store, now: number, input: { accountId: string; card?: Card }) {
  if (input.card && !validCard(input.card, now)) fail("invalid_input", "the card's brand, last four digits or expiry is not valid");
  const account = await loadAccount(store, input.accountId);
  if (input.card) await store.saveCard(account.id, input.card, now);
  if (account.paymentMethod) return { autoActivated: [] as string[] };
  await store.setPaymentMethodLinked(account.id, true);
  return { autoActivated: await autoActivate(store, now, { ...account, paymentMethod: true }) };
}

/**
 * Takes the payment method off the account. From then on R7 answers `payment_method_required`. An
 * automatic-billing account has nothing left to bill its delivery to, so its active campaigns are paused
 * here (and cannot be resumed or launched until a card is linked again); manual and invoice accounts pay
 * from cash or the credit line and keep delivering. Removing when none is linked changes nothing.
 */
export async function removePaymentMethod(store: Store, _now: number, input: { accountId: string }) {
  const account = await loadAccount(store, input.accountId);
  await store.removeCard(account.id);
  if (!account.paymentMethod) return { pausedCampaigns: [] as string[] };
  await store.setPaymentMethodLinked(account.id, false);
  if (account.billing !== "automatic") return { pausedCampaigns: [] as string[] };
  return { pausedCampaigns: await store.pauseActiveCampaigns(account.id) };
}
