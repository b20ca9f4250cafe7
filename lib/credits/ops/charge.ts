// A delivery charge: R1–R4 and R9, and R14's threshold billing. Idempotent by charge id (R3).
//
// A charge first decides (checks, split, how the remainder is paid: every way it can fail) and only then
// writes, and the writing part cannot fail with a rule error. So a charge that fails has written nothing,
// and delivery needs no savepoint around each charge.
import type { AdAccount, AdProduct } from "@/db/schema";
import { fail } from "../errors";
import { reachedTopTier, tierReached, type Tier } from "../rules/ladder";
import { admits, admitsProduct } from "../rules/restrictions";
import { splitCharge, byExpiry, type Split } from "../rules/split";
import { HOUR } from "../rules/time";
import {
  sqliteStore,
  type CandidateCredit,
  type EarningActivation,
  type SqliteStore,
  type StoredCampaign,
} from "../sqlite-store";
import { isPositiveInt, type Tx } from "../tx";

export type ChargeInput = { id: string; campaignId: string; amount: number };

export type ChargeResult = {
  id: string;
  accountId: string;
  campaignId: string;
  amount: number;
  at: number;
  discount: number;
  credits: number;
  cash: number;
  billed: number;
  creditLine: number;
  replayed: boolean;
};

/**
 * What charges need to know about an account — its balances, its candidate credits (R1's row filter,
 * soonest expiry first), which credits are assigned to which campaign, its earning activations — loaded
 * once, and kept in step with every charge written through it. Changes to credits, balances and
 * activations are written at `flush()`, before anything else can read them.
 */
class AccountBook {
  readonly candidates: CandidateCredit[];
  readonly assigned: Map<string, Set<string>>;
  earning: EarningActivation[];
  private readonly byProduct = new Map<AdProduct, CandidateCredit[]>();
  private readonly spent = new Map<string, number>();
  private balancesChanged = false;
  private readonly progressed = new Map<string, Parameters<SqliteStore["setProgress"]>[0]>();

  constructor(
    private readonly store: SqliteStore,
    readonly account: AdAccount,
    t: number,
  ) {
    // A frozen account's credits pay for nothing (R1): no need to load them.
    this.candidates = account.frozen ? [] : store.candidateCredits(account.id, t).sort(byExpiry);
    this.assigned = account.frozen ? new Map() : store.assignments(account.id);
    this.earning = store.earningActivations(account.id, t);
  }

  /**
   * The candidates whose currency and restrictions admit a charge on this ad product in the account's
   * country: the parts of R1 that no charge changes, worked out once per product. The split still checks
   * every part of R1 on each of them.
   */
  candidatesFor(adProduct: AdProduct): CandidateCredit[] {
    let list = this.byProduct.get(adProduct);
    if (!list) {
      const { currency, country } = this.account;
      list = this.candidates.filter((c) => c.currency === currency && admits(c.restrictions, adProduct, country));
      this.byProduct.set(adProduct, list);
    }
    return list;
  }

  spend(creditId: string, amount: number) {
    const credit = this.candidates.find((c) => c.id === creditId)!;
    credit.used += amount;
    credit.unused -= amount;
    if (credit.unused === 0) credit.status = "exhausted";
    this.spent.set(creditId, (this.spent.get(creditId) ?? 0) + amount);
  }

  setBalances(b: { cashBalance: number; amountDue: number; creditLineUsed: number }) {
    Object.assign(this.account, b, { priorPaidHistory: true });
    this.balancesChanged = true;
  }

  setProgress(p: Parameters<SqliteStore["setProgress"]>[0]) {
    this.progressed.set(p.id, p);
  }

  flush() {
    for (const [creditId, amount] of this.spent) this.store.spendCredit(creditId, amount);
    this.spent.clear();
    if (this.balancesChanged) this.store.setBalances(this.account.id, this.account);
    this.balancesChanged = false;
    for (const p of this.progressed.values()) this.store.setProgress(p);
    this.progressed.clear();
  }
}

/**
 * The charges of one operation: a standalone charge, or delivery. Keeps one AccountBook per account.
 * `flush()` must run before anything reads credits, balances or activations by other means (due events),
 * and before the operation ends; `reset()` (flush, then forget the books) after anything else changed them.
 * Between resets, only charges made through the session change what its books hold, and time moving on
 * changes nothing they hold without a due event (expiry, ladder completion) that resets them.
 */
export class ChargeSession {
  readonly store: SqliteStore;
  private readonly books = new Map<string, AccountBook>();
  private readonly tiersOf = new Map<string, Tier[]>();

  constructor(
    tx: Tx,
    /** The instant charges are made at. */
    public now: number,
  ) {
    this.store = sqliteStore(tx);
  }

  book(accountId: string): AccountBook {
    let book = this.books.get(accountId);
    if (!book) {
      const account = this.store.account(accountId) ?? fail("not_found", { entity: "account", id: accountId });
      book = new AccountBook(this.store, account, this.now);
      this.books.set(accountId, book);
    }
    return book;
  }

  /** A ladder's tiers (they never change once created). */
  tiers(promotionId: string): Tier[] {
    let tiers = this.tiersOf.get(promotionId);
    if (!tiers) this.tiersOf.set(promotionId, (tiers = this.store.tiers(promotionId)));
    return tiers;
  }

  flush() {
    for (const book of this.books.values()) book.flush();
  }

  reset() {
    this.flush();
    this.books.clear();
  }
}

/** One charge through a session. `known` is the campaign row when the caller has just read it (delivery). */
export function chargeIn(session: ChargeSession, input: ChargeInput, known?: StoredCampaign): ChargeResult {
  // Any id that is not blank: delivery's ids are "<campaignId>@<time>", longer than a created row's id may be.
  if (!isPositiveInt(input.amount) || !input.id.trim()) fail("invalid_input", "amount must be a positive integer and the id not blank");
  const { store, now } = session;
  const seen = store.chargeById(input.id);
  if (seen) {
    if (seen.campaignId !== input.campaignId || seen.amount !== input.amount) fail("idempotency_conflict", { chargeId: input.id });
    return { ...seen, replayed: true };
  }
  const campaign = known ?? store.campaign(input.campaignId) ?? fail("not_found", { entity: "campaign", id: input.campaignId });
  if (campaign.status !== "active") fail("campaign_not_delivering", { campaignId: campaign.id, status: campaign.status });
  const book = session.book(campaign.accountId);
  const { account } = book;

  // Decide.
  const split = splitFor(book, now, campaign, input.amount);
  const R = split.outOfPocket;
  const pay = { cash: 0, billed: 0, creditLine: 0 };
  if (account.billing === "manual") {
    if (account.cashBalance < R) fail("insufficient_balance", { currency: account.currency, cashBalance: account.cashBalance, needed: R });
    pay.cash = R;
  } else if (account.billing === "automatic") pay.billed = R;
  else {
    if (account.creditLineUsed + R > account.creditLimit)
      fail("credit_limit_exceeded", { currency: account.currency, creditLimit: account.creditLimit, creditLineUsed: account.creditLineUsed, needed: R });
    pay.creditLine = R;
  }

  // Write.
  const { id } = input;
  const zone = account.timeZone;
  store.insertCharge({
    id,
    accountId: account.id,
    campaignId: campaign.id,
    amount: input.amount,
    at: now,
    discount: split.discount,
    credits: split.credits,
    ...pay,
  });
  for (const a of split.allocations) {
    store.insertAllocation(id, a.creditId, a.amount, a.step);
    book.spend(a.creditId, a.amount);
    store.appendLedgerRow(account.id, "ad_credit", a.amount, now, a.creditId, campaign.id, id, zone);
  }
  if (R > 0) {
    const type = account.billing === "manual" ? "cash" : account.billing === "automatic" ? "billed" : "credit_line";
    store.appendLedgerRow(account.id, type, R, now, "", campaign.id, id, zone);
    settleAccount(store, book, now, pay);
    countQualifyingSpend(session, book, campaign, id, R);
  }
  // The stored row, as a replay of this id answers it (R3: the same answer whoever asks).
  return {
    id,
    accountId: account.id,
    campaignId: campaign.id,
    amount: input.amount,
    at: now,
    discount: split.discount,
    credits: split.credits,
    ...pay,
    replayed: false,
  };
}

/** A standalone charge (its own operation). */
export function charge(tx: Tx, now: number, input: ChargeInput): ChargeResult {
  const session = new ChargeSession(tx, now);
  const result = chargeIn(session, input);
  session.flush();
  return result;
}

function splitFor(book: AccountBook, t: number, campaign: StoredCampaign, amount: number): Split {
  const { account } = book;
  if (account.frozen) return { allocations: [], discount: 0, credits: 0, outOfPocket: amount };
  return splitCharge(amount, book.candidatesFor(campaign.adProduct), {
    t,
    accountId: account.id,
    currency: account.currency,
    country: account.country,
    frozen: account.frozen,
    cashBalance: account.cashBalance,
    adProduct: campaign.adProduct,
    assignedCreditIds: book.assigned.get(campaign.id) ?? noCredits,
  });
}

const noCredits: ReadonlySet<string> = new Set();

/** Out-of-pocket moves the balances; R9 marks paid history; R14 settles at the billing threshold. */
function settleAccount(
  store: SqliteStore,
  book: AccountBook,
  now: number,
  pay: { cash: number; billed: number; creditLine: number },
) {
  const account: AdAccount = book.account;
  let amountDue = account.amountDue + pay.billed;
  if (account.billing === "automatic" && amountDue > 0 && amountDue >= account.billingThreshold) {
    store.appendLedger({ accountId: account.id, type: "payment", amount: amountDue, at: now }, account.timeZone);
    amountDue = 0;
  }
  book.setBalances({
    cashBalance: account.cashBalance - pay.cash,
    amountDue,
    creditLineUsed: account.creditLineUsed + pay.creditLine,
  });
}

/** R4: out-of-pocket spend counts on earning activations whose window holds t and whose restrictions admit C. */
function countQualifyingSpend(
  session: ChargeSession,
  book: AccountBook,
  campaign: StoredCampaign,
  chargeId: string,
  R: number,
) {
  if (book.earning.length === 0) return;
  const { store, now } = session;
  const stillEarning: EarningActivation[] = [];
  for (const a of book.earning) {
    if (!admitsProduct(a.restrictions, campaign.adProduct)) {
      stillEarning.push(a);
      continue;
    }
    const tiers = session.tiers(a.promotionId);
    const spend = a.qualifyingSpend + R;
    const done = reachedTopTier(tiers, spend);
    store.insertQualifying(a.id, chargeId, R);
    a.qualifyingSpend = spend;
    book.setProgress({
      id: a.id,
      spend,
      tier: tierReached(tiers, spend),
      status: done ? "qualified" : "earning",
      endedAt: done ? now : null,
      rewardDueAt: done ? now + (a.rewardDelayHours ?? 24) * HOUR : null,
    });
    // A ladder that reached its top tier has completed and stops earning (R5).
    if (!done) stillEarning.push(a);
  }
  book.earning = stillEarning;
}
