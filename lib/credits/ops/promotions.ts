// Promotions (ladder, coupon, discount), their codes, and redemption (R6, R7).
import type {
  Eligibility,
  IssuableCreditType,
  PromotionKind,
  Requirement,
  Restrictions,
} from "@/db/schema";
import { fail, refuse } from "../errors";
import { validTiers, type Tier } from "../rules/ladder";
import { checkCode, normalizeCode } from "../rules/redemption";
import { validCurrency, validEligibility, validId, validRequirement, validRestrictions } from "../rules/ranges";
import { DAY } from "../rules/time";
import type { Store } from "../store/store";
import { isNonNegativeInt, isPositiveInt } from "../tx";
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

export async function createPromotion(store: Store, now: number, input: CreatePromotionInput) {
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
  if (await store.promotionExists(input.id)) fail("already_exists", { entity: "promotion", id: input.id });

  await store.insertPromotion(
    {
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
    },
    tiers,
  );
  return { promotionId: input.id };
}

export type IssueCodeInput = { code: string; promotionId: string; activationDays?: number; maxRedemptions?: number };

export async function issueCode(store: Store, now: number, input: IssueCodeInput) {
  const activationDays = input.activationDays ?? 14;
  const maxRedemptions = input.maxRedemptions ?? 1;
  const code = normalizeCode(input.code);
  if (!code || code.length > 64 || !isPositiveInt(activationDays) || !isPositiveInt(maxRedemptions))
    fail("invalid_input");
  // The promotion is held while its code is checked and written: issuing runs one at a time per promotion.
  if (!(await store.promotionForUpdate(input.promotionId))) fail("not_found", { entity: "promotion", id: input.promotionId });
  if (await store.codeExists(code)) fail("already_exists", { entity: "code", id: input.code });
  await store.insertCode({
    code,
    display: input.code.trim(),
    promotionId: input.promotionId,
    receivedAt: now,
    activationDeadline: now + activationDays * DAY,
    maxRedemptions,
  });
  return { code };
}

/** What a redemption creates is named by `as`: one id, or one for each kind it may turn out to be. */
export type RedeemInput = { accountId: string; code: string; as?: string | { activation: string; credit: string } };

/**
 * R7. `as` names what the redemption creates: the activation (ladder) or the credit (coupon, discount).
 * Without it, a ladder activation is "<promotionId>:<accountId>" and a credit "<code>:<accountId>".
 */
export async function redeem(store: Store, now: number, input: RedeemInput) {
  const named = typeof input.as === "string" ? { activation: input.as, credit: input.as } : input.as;
  if (named && !(validId(named.activation) && validId(named.credit))) fail("invalid_input", "as must be an id");
  const code = await store.codeForUpdate(normalizeCode(input.code));
  const account = await loadAccount(store, input.accountId);
  const codeRefusal = checkCode(
    code
      ? {
          ...code,
          redemptionCount: await store.redemptionCount(code.code),
          redeemedByAccount: await store.hasRedeemed(code.code, account.id),
        }
      : null,
    now,
  );
  if (codeRefusal) return refuse(codeRefusal);
  if (!code) return fail("code_not_found");
  const promotion = await loadPromotion(store, code.promotionId);
  const accountRefusal = await accountCheck(store, promotion, account);
  if (accountRefusal) refuse(accountRefusal);

  const started = await startPromotion(store, now, account, promotion, {
    activationId: named?.activation ?? `${promotion.id}:${account.id}`,
    creditId: named?.credit ?? `${code.display}:${account.id}`,
    code: code.display,
  });
  await store.insertRedemption({ code: code.code, accountId: account.id, at: now, ...started });
  return { promotionId: promotion.id, promotionName: promotion.name, kind: promotion.kind, code: code.display, ...started };
}
