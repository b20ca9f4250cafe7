"use server";
// Billing's writes: link a card (R8 auto-activation runs in the engine), remove it, and add funds to a
// manual account (engine topUp). Each goes through accountAction (zod, session, membership, role); the
// card number and security code are checked here and dropped: only brand, last four and expiry go on.
import { z } from "zod";
import { getDb } from "@/db/app";
import { accountAction, type ActionResult } from "@/lib/actions/account-action";
import { cardBrandLabel, cardForm } from "@/lib/billing/card";
import { appNow } from "@/lib/clock";
import * as engine from "@/lib/credits";
import { formatMoney } from "@/lib/format";
import { currencyDigits } from "@/lib/campaigns/budget";
import { failureMessage } from "@/lib/messages";
import { parseMoney } from "@/lib/money-input";
import { startedPromotionNames } from "@/lib/queries/billing";

const accountId = z.string().min(1).max(200);
const text = (max: number) => z.string().max(max, { error: `Use at most ${max} characters.` });

const cardSchema = z.object({ accountId, number: text(40), expiry: text(10), cvc: text(8), name: text(100) });

export type CardSaved = { card: string; started: string[] };

const saveCard = accountAction(cardSchema, ["admin"], async (input, { account }): Promise<ActionResult<CardSaved>> => {
  const db = getDb();
  const now = await appNow(db);
  const parsed = cardForm(now).safeParse(input);
  if (!parsed.success)
    return { ok: false, error: "invalid_input", message: "Please check the card details.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const { brand, last4, expMonth, expYear } = parsed.data;
  const result = await engine.linkPaymentMethod(db.store, now, { accountId: account.id, card: { brand, last4, expMonth, expYear } });
  if (!result.ok) return { ok: false, error: result.error, message: "We couldn't save this card. Check its details and try again." };
  return { ok: true, card: `${cardBrandLabel[brand]} ending ${last4}`, started: await startedPromotionNames(db, account.id, result.autoActivated) };
});

export async function addPaymentMethod(raw: unknown): Promise<ActionResult<CardSaved>> {
  return saveCard(raw);
}

const removeCard = accountAction(z.object({ accountId }), ["admin"], async (_input, { account }): Promise<ActionResult<{ pausedCampaigns: number }>> => {
  const db = getDb();
  const result = await engine.removePaymentMethod(db.store, await appNow(db), { accountId: account.id });
  if (!result.ok) return { ok: false, error: result.error, message: "We couldn't remove the payment method. Please try again." };
  return { ok: true, pausedCampaigns: result.pausedCampaigns.length };
});

export async function removePaymentMethod(raw: unknown): Promise<ActionResult<{ pausedCampaigns: number }>> {
  return removeCard(raw);
}

/** A top-up is 100 to 100,000,000 minor units: $1.00 to $1,000,000.00, or ¥100 to ¥100,000,000. */
const TOP_UP_MIN = 100;
const TOP_UP_MAX = 100_000_000;

const topUp = accountAction(
  z.object({ accountId, amount: text(30) }),
  ["admin", "operator"],
  async (input, { account }): Promise<ActionResult<{ added: string; balance: string }>> => {
    const parsed = parseMoney(input.amount, currencyDigits(account.currency));
    const bounds = `Add between ${formatMoney(TOP_UP_MIN, account.currency)} and ${formatMoney(TOP_UP_MAX, account.currency)}.`;
    if (!parsed.ok) return { ok: false, error: "invalid_input", message: parsed.message, fieldErrors: { amount: [parsed.message] } };
    if (parsed.minor < TOP_UP_MIN || parsed.minor > TOP_UP_MAX)
      return { ok: false, error: "invalid_input", message: bounds, fieldErrors: { amount: [bounds] } };
    const db = getDb();
    const result = await engine.topUp(db.store, await appNow(db), { accountId: account.id, amount: parsed.minor });
    if (!result.ok) return { ok: false, error: result.error, message: failureMessage(result, { timeZone: account.timeZone }) };
    return { ok: true, added: formatMoney(parsed.minor, account.currency), balance: formatMoney(result.cashBalance, account.currency) };
  },
);

export async function addFunds(raw: unknown): Promise<ActionResult<{ added: string; balance: string }>> {
  return topUp(raw);
}
