// Starting a promotion for an account: a ladder activation, or a coupon/discount credit (R6, R7, R8).
import { and, asc, eq, inArray } from "drizzle-orm";
import { activations, credits, promotions, type AdAccount, type Promotion } from "@/db/schema";
import { fail } from "../errors";
import { checkAccount, type ExclusiveActivation } from "../rules/redemption";
import { DAY } from "../rules/time";
import type { Tx } from "../tx";
import { issueCredit } from "./ledger";

/** The account's `earning` or `qualified` activation of an exclusive promotion, if any (R7). */
export function exclusiveActivation(tx: Tx, accountId: string): ExclusiveActivation | null {
  const row = tx
    .select({ activationId: activations.id, promotionName: promotions.name })
    .from(activations)
    .innerJoin(promotions, eq(promotions.id, activations.promotionId))
    .where(
      and(
        eq(activations.accountId, accountId),
        inArray(activations.status, ["earning", "qualified"]),
        eq(promotions.exclusive, true),
      ),
    )
    .orderBy(asc(activations.id))
    .limit(1)
    .get();
  return row ?? null;
}

export function accountCheck(tx: Tx, promotion: Promotion, account: AdAccount) {
  return checkAccount(promotion, account, promotion.exclusive ? exclusiveActivation(tx, account.id) : null);
}

export type Started = { activationId: string | null; creditId: string | null };

export function startPromotion(
  tx: Tx,
  now: number,
  account: AdAccount,
  promotion: Promotion,
  ids: { activationId: string; creditId: string; code: string | null },
): Started {
  if (promotion.kind === "ladder") {
    if (tx.select({ id: activations.id }).from(activations).where(eq(activations.id, ids.activationId)).get())
      fail("already_exists", { entity: "activation", id: ids.activationId });
    tx.insert(activations)
      .values({
        id: ids.activationId,
        accountId: account.id,
        promotionId: promotion.id,
        code: ids.code,
        activatedAt: now,
        windowEndsAt: now + (promotion.windowDays ?? 30) * DAY,
        qualifyingSpend: 0,
        tierReached: null,
        status: "earning",
      })
      .run();
    return { activationId: ids.activationId, creditId: null };
  }
  issueCredit(
    tx,
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
export function autoActivate(tx: Tx, now: number, account: AdAccount): string[] {
  const started: string[] = [];
  const autos = tx
    .select()
    .from(promotions)
    .where(eq(promotions.autoActivate, true))
    .orderBy(asc(promotions.id))
    .all();
  for (const promotion of autos) {
    const id = `${promotion.id}:${account.id}`;
    const taken =
      tx.select({ id: activations.id }).from(activations).where(eq(activations.id, id)).get() ??
      tx.select({ id: credits.id }).from(credits).where(eq(credits.id, id)).get();
    if (taken || accountCheck(tx, promotion, account)) continue;
    startPromotion(tx, now, account, promotion, { activationId: id, creditId: id, code: null });
    started.push(id);
  }
  return started;
}
