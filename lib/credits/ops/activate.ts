// Starting a promotion for an account: a ladder activation, or a coupon/discount credit (R6, R7, R8).
import type { AdAccount, Promotion } from "@/db/schema";
import { fail } from "../errors";
import { checkAccount, type ExclusiveActivation } from "../rules/redemption";
import { DAY } from "../rules/time";
import type { Store } from "../store/store";
import { issueCredit } from "./ledger";

/** The account's `earning` or `qualified` activation of an exclusive promotion, if any (R7). */
export async function exclusiveActivation(store: Store, accountId: string): Promise<ExclusiveActivation | null> {
  return (await store.exclusiveActivation(accountId)) ?? null;
}

export async function accountCheck(store: Store, promotion: Promotion, account: AdAccount) {
  return checkAccount(promotion, account, promotion.exclusive ? await exclusiveActivation(store, account.id) : null);
}

export type Started = { activationId: string | null; creditId: string | null };

export async function startPromotion(
  store: Store,
  now: number,
  account: AdAccount,
  promotion: Promotion,
  ids: { activationId: string; creditId: string; code: string | null },
): Promise<Started> {
  if (promotion.kind === "ladder") {
    if (await store.activationExists(ids.activationId)) fail("already_exists", { entity: "activation", id: ids.activationId });
    await store.insertActivation({
      id: ids.activationId,
      accountId: account.id,
      promotionId: promotion.id,
      code: ids.code,
      activatedAt: now,
      windowEndsAt: now + (promotion.windowDays ?? 30) * DAY,
      qualifyingSpend: 0,
      tierReached: null,
      status: "earning",
    });
    return { activationId: ids.activationId, creditId: null };
  }
  await issueCredit(
    store,
    {
      id: ids.creditId,
      accountId: account.id,
      currency: account.currency,
      name: promotion.name,
      type: promotion.creditType,
      source: "coupon",
      amount: promotion.amount ?? 0,
      percent: promotion.percent,
      issuedAt: now,
      validDays: promotion.creditValidityDays,
      restrictions: promotion.restrictions,
      requirement: promotion.requirement,
      promotionId: promotion.id,
      code: ids.code,
    },
    now,
  );
  return { activationId: null, creditId: ids.creditId };
}

/**
 * R8: when an account has a linked payment method (at creation or on linking), every auto-activating
 * promotion it would pass R7's account checks for starts, in promotion-id order.
 */
export async function autoActivate(store: Store, now: number, account: AdAccount): Promise<string[]> {
  const started: string[] = [];
  for (const promotion of await store.autoActivatingPromotions()) {
    const id = `${promotion.id}:${account.id}`;
    const taken = (await store.activationExists(id)) || (await store.creditExists(id));
    if (taken || (await accountCheck(store, promotion, account))) continue;
    await startPromotion(store, now, account, promotion, { activationId: id, creditId: id, code: null });
    started.push(id);
  }
  return started;
}
