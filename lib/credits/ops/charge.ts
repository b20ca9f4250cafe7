// A delivery charge: R1–R4 and R9, and R14's threshold billing. Idempotent by charge id (R3).
//
// A charge first decides (checks, split, how the remainder is paid: every way it can fail) and only then
// writes, and the writing part cannot fail with a rule error. So a charge that fails has written nothing,
// and delivery needs no savepoint around each charge.
import type { AdAccount, AdProduct } from "@/db/schema";
import { fail } from "../errors";
import { andThen, each, type Maybe } from "../maybe";
import { reachedTopTier, tierReached, type Tier } from "../rules/ladder";
import { admits, admitsProduct } from "../rules/restrictions";
import { splitCharge, byExpiry, type Split } from "../rules/split";
import { HOUR } from "../rules/time";
import {
  emptyChargeWrites,
  type AccountBookRows,
  type ActivationProgress,
  type CandidateCredit,
  type ChargeWrites,
  type EarningActivation,
  type Store,
  type StoredCampaign,
  type StoredCharge,
} from "../store/store";
import { isPositiveInt } from "../tx";

export type ChargeInput = { id: string; campaignId: string; amount: number };

/** A charge as stored, and whether this call wrote it or found it already there (idempotency, R3). */
export type ChargeResult = StoredCharge & { replayed: boolean };

/**
 * What charges need to know about an account — its balances, its candidate credits (R1's row filter,
 * soonest expiry first), which credits are assigned to which campaign, its earning activations — loaded
 * once, and kept in step with every charge made through it. Changes to credits, balances and activations
 * are written at the session's `flush()`, before anything else can read them.
 */
class AccountBook {
  readonly account: AdAccount;
  readonly candidates: CandidateCredit[];
  readonly assigned: Map<string, Set<string>>;
  earning: EarningActivation[];
  private readonly byProduct = new Map<AdProduct, CandidateCredit[]>();
  private readonly spent = new Map<string, number>();
  private balancesChanged = false;
  private readonly progressed = new Map<string, ActivationProgress>();

  constructor(rows: AccountBookRows) {
    this.account = rows.account;
    this.candidates = rows.candidates.sort(byExpiry);
    this.assigned = rows.assigned;
    this.earning = rows.earning;
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

  setProgress(p: ActivationProgress) {
    this.progressed.set(p.id, p);
  }

  /** Moves the book's changes since the last call into `w`. */
  collect(w: ChargeWrites) {
    for (const [creditId, amount] of this.spent) w.spent.set(creditId, (w.spent.get(creditId) ?? 0) + amount);
    this.spent.clear();
    if (this.balancesChanged) {
      const { id, cashBalance, amountDue, creditLineUsed } = this.account;
      w.balances.push({ accountId: id, cashBalance, amountDue, creditLineUsed });
    }
    this.balancesChanged = false;
    for (const p of this.progressed.values()) w.progress.push(p);
    this.progressed.clear();
  }
}

/**
 * The charges of one operation: a standalone charge, or delivery. Keeps one AccountBook per account and
 * gathers what the charges write, so that a charge itself makes no store call: `load()` reads the books
 * (and ladders' tiers) charges will need, and `flush()` writes everything gathered in one call. `flush()`
 * must run before anything reads charges, credits, balances or activations by other means (due events),
 * and before the operation ends; `forget()` the books after anything else changed them. Between those,
 * only charges made through the session change what its books hold, and time moving on changes nothing
 * they hold without a due event (expiry, ladder completion) that makes delivery forget them.
 */
export class ChargeSession {
  private readonly books = new Map<string, AccountBook>();
  writes = emptyChargeWrites();

  constructor(
    readonly store: Store,
    /** The instant charges are made at. */
    public now: number,
    /** Ladders' tiers read so far: they never change, so sessions one after another may share them. */
    private readonly tiersOf = new Map<string, Tier[]>(),
  ) {}

  /** Reads the books of these accounts that the session does not hold yet; a missing account gets none. */
  load(accountIds: string[]): Maybe<void> {
    const missing = [...new Set(accountIds)].filter((id) => !this.books.has(id));
    if (missing.length === 0) return;
    return andThen(this.store.accountBooks(missing, this.now), (rows) => {
      const ladders = new Set<string>();
      for (const [id, bookRows] of rows) {
        const book = new AccountBook(bookRows);
        this.books.set(id, book);
        for (const a of book.earning) if (!this.tiersOf.has(a.promotionId)) ladders.add(a.promotionId);
      }
      if (ladders.size > 0) return each([...ladders], (id) => andThen(this.store.tiers(id), (tiers) => void this.tiersOf.set(id, tiers)));
    });
  }

  /** The account's book; `load()` read it, or the account does not exist. */
  book(accountId: string): AccountBook {
    return this.books.get(accountId) ?? fail("not_found", { entity: "account", id: accountId });
  }

  /** A ladder's tiers (they never change once created), read by `load()`. */
  tiers(promotionId: string): Tier[] {
    return this.tiersOf.get(promotionId)!;
  }

  flush(): Maybe<void> {
    const w = this.writes;
    for (const book of this.books.values()) book.collect(w);
    if (w.charges.length === 0 && w.ledger.length === 0 && w.spent.size === 0 && w.balances.length === 0 && w.progress.length === 0)
      return;
    this.writes = emptyChargeWrites();
    return this.store.writeCharges(w);
  }

  /** Forgets the books (after a flush), to be read afresh. */
  forget() {
    this.books.clear();
  }
}

const validCharge = (input: ChargeInput) =>
  // Any id that is not blank: delivery's ids are "<campaignId>@<time>", longer than a created row's id may be.
  isPositiveInt(input.amount) && input.id.trim() !== "";

/**
 * One charge through a session, making no store call: `seen` is the stored charge with this id, if any;
 * `campaign` the campaign charged (none: it does not exist); the session has loaded its account's book.
 */
export function chargeIn(
  session: ChargeSession,
  input: ChargeInput,
  seen: StoredCharge | undefined,
  campaign: StoredCampaign | undefined,
): ChargeResult {
  if (!validCharge(input)) fail("invalid_input", "amount must be a positive integer and the id not blank");
  if (seen) return replayOf(seen, input);
  if (!campaign) return fail("not_found", { entity: "campaign", id: input.campaignId });
  if (campaign.status !== "active") fail("campaign_not_delivering", { campaignId: campaign.id, status: campaign.status });
  const { now, writes } = session;
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
  const charge: StoredCharge = {
    id,
    accountId: account.id,
    campaignId: campaign.id,
    amount: input.amount,
    at: now,
    discount: split.discount,
    credits: split.credits,
    ...pay,
  };
  writes.charges.push(charge);
  for (const a of split.allocations) {
    writes.allocations.push({ chargeId: id, creditId: a.creditId, amount: a.amount, step: a.step });
    book.spend(a.creditId, a.amount);
    writes.ledger.push({ accountId: account.id, type: "ad_credit", amount: a.amount, at: now, creditId: a.creditId, campaignId: campaign.id, chargeId: id, timeZone: zone });
  }
  if (R > 0) {
    const type = account.billing === "manual" ? "cash" : account.billing === "automatic" ? "billed" : "credit_line";
    writes.ledger.push({ accountId: account.id, type, amount: R, at: now, creditId: "", campaignId: campaign.id, chargeId: id, timeZone: zone });
    settleAccount(writes, book, now, pay);
    countQualifyingSpend(session, book, campaign, id, R);
  }
  // The stored row, as a replay of this id answers it (R3: the same answer whoever asks).
  return { ...charge, replayed: false };
}

/** R3: the stored charge answers a retry with the same campaign and amount; any other is a conflict. */
function replayOf(seen: StoredCharge, input: ChargeInput): ChargeResult {
  if (seen.campaignId !== input.campaignId || seen.amount !== input.amount) fail("idempotency_conflict", { chargeId: input.id });
  return { ...seen, replayed: true };
}

/**
 * A retry of a charge already stored, answered by one read and no transaction (R3): a stored charge never
 * changes, so no lock is needed to trust it. Undefined when the id is new (or the input invalid): then
 * `charge` runs, and checks the id again once it holds the account.
 */
export function storedCharge(store: Store, input: ChargeInput): Maybe<ChargeResult | undefined> {
  if (!validCharge(input)) return undefined;
  return andThen(store.chargesByIds([input.id]), (found) => {
    const seen = found.get(input.id);
    return seen && replayOf(seen, input);
  });
}

/**
 * A standalone charge, in one transaction. Written with `andThen` rather than `await` (maybe.ts): on SQLite,
 * whose queries answer at once, it runs straight through inside `transactionNow`.
 */
export function charge(store: Store, now: number, input: ChargeInput): Maybe<ChargeResult> {
  if (!validCharge(input)) fail("invalid_input", "amount must be a positive integer and the id not blank");
  // A replay, or the campaign with its account held (so the idempotency check saw every earlier charge).
  return andThen(store.chargeOrCampaign(input.id, input.campaignId), ({ seen, campaign }) => {
    const session = new ChargeSession(store, now);
    return andThen(campaign?.status === "active" ? session.load([campaign.accountId]) : undefined, () => {
      const result = chargeIn(session, input, seen, campaign);
      return andThen(session.flush(), () => result);
    });
  });
}

function splitFor(book: AccountBook, t: number, campaign: StoredCampaign, amount: number): Split {
  const { account } = book;
  // R1: a frozen account's credits pay for nothing, so it has no candidates. Its split still comes from
  // splitCharge, like every other: a Split literal of its own here, first built late in a process, made V8
  // throw away optimised code built on the charge path's object shapes, the store's writeCharges among it
  // (docs/performance.md, "Counted, not timed").
  return splitCharge(amount, account.frozen ? noCandidates : book.candidatesFor(campaign.adProduct), {
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
const noCandidates: readonly CandidateCredit[] = [];

/** Out-of-pocket moves the balances; R9 marks paid history; R14 settles at the billing threshold. */
function settleAccount(
  writes: ChargeWrites,
  book: AccountBook,
  now: number,
  pay: { cash: number; billed: number; creditLine: number },
) {
  const account: AdAccount = book.account;
  let amountDue = account.amountDue + pay.billed;
  if (account.billing === "automatic" && amountDue > 0 && amountDue >= account.billingThreshold) {
    writes.ledger.push({ accountId: account.id, type: "payment", amount: amountDue, at: now, creditId: "", campaignId: "", chargeId: null, timeZone: account.timeZone });
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
  const { writes, now } = session;
  const stillEarning: EarningActivation[] = [];
  for (const a of book.earning) {
    if (!admitsProduct(a.restrictions, campaign.adProduct)) {
      stillEarning.push(a);
      continue;
    }
    const tiers = session.tiers(a.promotionId);
    const spend = a.qualifyingSpend + R;
    const done = reachedTopTier(tiers, spend);
    writes.qualifying.push({ activationId: a.id, chargeId, amount: R });
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
