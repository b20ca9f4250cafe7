// Promotions (ladder, coupon, discount), their codes, and redemption (R6, R7).
import { and, count, eq } from "drizzle-orm";
import {
  promoCodes,
  promotions,
  promotionTiers,
  redemptions,
  type Eligibility,
  type IssuableCreditType,
  type PromotionKind,
  type Requirement,
  type Restrictions,
} from "@/db/schema";
import { fail, refuse } from "../errors";
import { validTiers, type Tier } from "../rules/ladder";
import { checkCode, normalizeCode } from "../rules/redemption";
import { validCurrency, validEligibility, validId, validRequirement, validRestrictions } from "../rules/ranges";
import { DAY } from "../rules/time";
import { isNonNegativeInt, isPositiveInt, type Tx } from "../tx";
import { accountCheck, startPromotion } from "./activate";
import { loadAccount, loadPromotion } from "./ledger";

export type CreatePromotionInput = {
  id: string;
  name?: string;
  kind: PromotionKind;
  currency?: string;
  tiers?: Tier[];
  windowDays?: number;
  rewardDelayHours?: number;
  creditType?: IssuableCreditType;
  creditValidityDays?: number;
  amount?: number;
  percent?: number;
  cap?: number;
  restrictions?: Restrictions;
  requirement?: Requirement;
  eligibility?: Eligibility;
  autoActivate?: boolean;
  exclusive?: boolean;
};

const validPercent = (p: unknown): p is number => Number.isSafeInteger(p) && (p as number) >= 1 && (p as number) <= 100;

export function createPromotion(tx: Tx, now: number, input: CreatePromotionInput) {
  const { kind } = input;
  const windowDays = input.windowDays ?? 30;
  const rewardDelayHours = input.rewardDelayHours ?? 24;
  const creditValidityDays = input.creditValidityDays ?? 30;
  const currency = input.currency ?? "USD";
  const tiers = input.tiers ?? [];
  const requirement = input.requirement ?? {};
  const valid =
    validId(input.id) &&
    validCurrency(currency) &&
    isPositiveInt(creditValidityDays) &&
    validRequirement(requirement) &&
    validRestrictions(input.restrictions) &&
    validEligibility(input.eligibility) &&
    (kind !== "ladder" || (validTiers(tiers) && isPositiveInt(windowDays) && isNonNegativeInt(rewardDelayHours))) &&
    (kind !== "coupon" || isPositiveInt(input.amount)) &&
    (kind !== "discount" || (validPercent(input.percent) && isPositiveInt(input.cap)));
  if (!valid) fail("invalid_input");
  if (tx.select({ id: promotions.id }).from(promotions).where(eq(promotions.id, input.id)).get())
    fail("already_exists", { entity: "promotion", id: input.id });

  tx.insert(promotions)
    .values({
      id: input.id,
      name: input.name ?? input.id,
      kind,
      currency,
      creditType: kind === "discount" ? "discount" : (input.creditType ?? "free"),
      amount: kind === "coupon" ? input.amount : kind === "discount" ? input.cap : null,
      percent: kind === "discount" ? input.percent : null,
      windowDays: kind === "ladder" ? windowDays : null,
      rewardDelayHours: kind === "ladder" ? rewardDelayHours : null,
      creditValidityDays,
      restrictions: input.restrictions ?? {},
      requirement,
      eligibility: input.eligibility ?? { selfServeOnly: true },
      autoActivate: input.autoActivate ?? false,
      exclusive: input.exclusive ?? true,
      createdAt: now,
    })
    .run();
  if (kind === "ladder")
    tx.insert(promotionTiers)
      .values(tiers.map((t, idx) => ({ promotionId: input.id, idx, spend: t.spend, reward: t.reward })))
      .run();
  return { promotionId: input.id };
}

export type IssueCodeInput = { code: string; promotionId: string; activationDays?: number; maxRedemptions?: number };

export function issueCode(tx: Tx, now: number, input: IssueCodeInput) {
  const activationDays = input.activationDays ?? 14;
  const maxRedemptions = input.maxRedemptions ?? 1;
  const code = normalizeCode(input.code);
  if (!code || code.length > 64 || !isPositiveInt(activationDays) || !isPositiveInt(maxRedemptions))
    fail("invalid_input");
  loadPromotion(tx, input.promotionId);
  if (tx.select({ code: promoCodes.code }).from(promoCodes).where(eq(promoCodes.code, code)).get())
    fail("already_exists", { entity: "code", id: input.code });
  tx.insert(promoCodes)
    .values({
      code,
      display: input.code.trim(),
      promotionId: input.promotionId,
      receivedAt: now,
      activationDeadline: now + activationDays * DAY,
      maxRedemptions,
    })
    .run();
  return { code };
}

/** What a redemption creates is named by `as`: one id, or one for each kind it may turn out to be. */
export type RedeemInput = { accountId: string; code: string; as?: string | { activation: string; credit: string } };

/**
 * R7. `as` names what the redemption creates: the activation (ladder) or the credit (coupon, discount).
 * Without it, a ladder activation is "<promotionId>:<accountId>" and a credit "<code>:<accountId>".
 */
export function redeem(tx: Tx, now: number, input: RedeemInput) {
  const named = typeof input.as === "string" ? { activation: input.as, credit: input.as } : input.as;
  if (named && !(validId(named.activation) && validId(named.credit))) fail("invalid_input", "as must be an id");
  const account = loadAccount(tx, input.accountId);
  const code = tx.select().from(promoCodes).where(eq(promoCodes.code, normalizeCode(input.code))).get();
  const codeRefusal = checkCode(
    code
      ? {
          ...code,
          redemptionCount:
            tx.select({ n: count() }).from(redemptions).where(eq(redemptions.code, code.code)).get()?.n ?? 0,
          redeemedByAccount:
            tx
              .select({ id: redemptions.id })
              .from(redemptions)
              .where(and(eq(redemptions.code, code.code), eq(redemptions.accountId, account.id)))
              .get() !== undefined,
        }
      : null,
    now,
  );
  if (codeRefusal) return refuse(codeRefusal);
  if (!code) return fail("code_not_found");
  const promotion = loadPromotion(tx, code.promotionId);
  const accountRefusal = accountCheck(tx, promotion, account);
  if (accountRefusal) refuse(accountRefusal);

  const started = startPromotion(tx, now, account, promotion, {
    activationId: named?.activation ?? `${promotion.id}:${account.id}`,
    creditId: named?.credit ?? `${code.display}:${account.id}`,
    code: code.display,
  });
  tx.insert(redemptions)
    .values({ code: code.code, accountId: account.id, at: now, ...started })
    .run();
  return { promotionId: promotion.id, promotionName: promotion.name, kind: promotion.kind, code: code.display, ...started };
}
