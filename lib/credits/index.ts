// The credit engine's public face. Each operation takes the database (a Store, or an SQLite connection),
// `now` (epoch ms, never read from a clock here) and its input, runs as one transaction, and resolves to
// `{ ok: true, … }` or `{ ok: false, error, message, details }` with SPEC's error codes and their facts.
// (On PostgreSQL, `advance` and `simulate` are a transaction per step instead: ops/clock.ts.)
import { andThen } from "./maybe";
import { resultOf, runMove, runOp, storeOf, type EngineDb } from "./tx";
import type { Store } from "./store/store";
import * as accounts from "./ops/accounts";
import * as assignOps from "./ops/assign";
import * as campaignOps from "./ops/campaigns";
import * as chargeOps from "./ops/charge";
import * as clock from "./ops/clock";
import * as freezeOps from "./ops/freeze";
import * as grants from "./ops/grants";
import * as paymentMethodOps from "./ops/payment-methods";
import * as promotionOps from "./ops/promotions";

type Op<I, O extends object> = (store: Store, now: number, input: I) => Promise<O>;
const timed =
  <I, O extends object>(op: Op<I, O>) =>
  (db: EngineDb, now: number, input: I) =>
    runOp(db, (store) => op(store, now, input));

export const createAccount = timed(accounts.createAccount);
export const linkPaymentMethod = timed(paymentMethodOps.linkPaymentMethod);
export const removePaymentMethod = timed(paymentMethodOps.removePaymentMethod);
export const topUp = timed(accounts.topUp);
export const createCampaign = timed(accounts.createCampaign);
export const setCampaignStatus = timed(accounts.setCampaignStatus);
export const launchCampaign = timed(campaignOps.launchCampaign);
export const pauseCampaign = timed(campaignOps.pauseCampaign);
export const resumeCampaign = timed(campaignOps.resumeCampaign);
export const setDailyBudget = timed(campaignOps.setDailyBudget);
export const createPromotion = timed(promotionOps.createPromotion);
export const issueCode = timed(promotionOps.issueCode);
export const redeem = timed(promotionOps.redeem);
export const grantCredit = timed(grants.grantCredit);
export const allocateFromBC = timed(grants.allocateFromBC);
export const assign = timed(assignOps.assign);
export const unassign = timed(assignOps.unassign);
/**
 * Where the store answers at once (SQLite: transactionNow), a retry of a stored charge is answered without a
 * transaction (R3; see `storedCharge`), and a new charge runs straight through when no other transaction
 * is under way. Elsewhere (PostgreSQL) the look-up would cost every new charge a round trip to spare a
 * retry three, so the charge runs as any operation, whose check under the account's lock finds a retry.
 */
export const charge = (db: EngineDb, now: number, input: chargeOps.ChargeInput) =>
  resultOf(() => {
    const store = storeOf(db);
    return andThen(store.transactionNow && chargeOps.storedCharge(store, input), (stored) => {
      if (stored) return stored;
      const done = store.transactionNow?.((tx) => chargeOps.charge(tx, now, input));
      return done ? done.value : store.transaction(async (tx) => chargeOps.charge(tx, now, input));
    });
  });
export const freeze = timed(freezeOps.freeze);
export const unfreeze = timed(freezeOps.unfreeze);
export const appeal = timed(freezeOps.appeal);
export const resolveAppeal = timed(freezeOps.resolveAppeal);

/** Clock operations read `now` from the clock row they move. */
export const initClock = (db: EngineDb, now: number) => runOp(db, (store) => clock.initClock(store, now));
export const advance = (db: EngineDb, input: clock.AdvanceInput) => runMove(db, (store) => clock.advance(store, input));
export const simulate = (db: EngineDb, input: { hours: number }) => runMove(db, (store) => clock.simulate(store, input));
export const clockNow = (db: EngineDb) => clock.clockNow(storeOf(db));

export type { ChargeResult } from "./ops/charge";
export type { CreatePromotionInput } from "./ops/promotions";
export type { GrantCreditInput } from "./ops/grants";
export type { LaunchCampaignInput } from "./ops/campaigns";
export type { Card } from "./ops/payment-methods";
export { cardExpiresAt } from "./ops/payment-methods";
export { APPEAL_REASON_MAX } from "./ops/freeze";
export type { EngineDb } from "./tx";
export type { Store } from "./store/store";
export type { CampaignIneligibility, ErrorCode, Failure, Ineligibility, Refusal, Result } from "./errors";
export { errorCodes, must } from "./errors";
