// The storage port: every read and write the engine makes, as named queries, and `transaction(fn)`.
// Operations (lib/credits/ops) reach the database only through a Store; an adapter (store/sqlite.ts,
// store/pg.ts) turns each query into its dialect's SQL. Names say what a query means, not how SQL says it, so that a
// Postgres adapter can lock what the name implies (`accountForUpdate` locks the account's row, and
// `…ForUpdate` of a campaign, credit or activation locks the row of the account it belongs to). On SQLite a
// transaction holds the whole database, so they are plain reads there.
import type {
  Activation,
  AdAccount,
  AdProduct,
  Appeal,
  AppealStatus,
  AssignmentAction,
  Campaign,
  CampaignStatus,
  CardBrand,
  ClockMove,
  Credit,
  CreditSource,
  CreditStatus,
  CreditType,
  Eligibility,
  PromoCode,
  Promotion,
  PromotionKind,
  Requirement,
  Restrictions,
  Role,
  TransactionType,
} from "@/db/schema";
import type { Maybe } from "../maybe";
import type { CreditFacts } from "../rules/eligibility";
import type { Tier } from "../rules/ladder";

export type StoredCharge = {
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
};

/** A campaign as delivery and charges see it. */
export type StoredCampaign = {
  id: string;
  accountId: string;
  adProduct: AdProduct;
  status: CampaignStatus;
  dailyBudget: number;
};

/** A credit as a charge sees it: R1's facts, plus what is needed to spend it. */
export type CandidateCredit = CreditFacts & { used: number };

export type EarningActivation = {
  id: string;
  promotionId: string;
  qualifyingSpend: number;
  restrictions: Restrictions;
  rewardDelayHours: number | null;
};

/**
 * Everything charges need to know about one account at an instant: the account, its candidate credits
 * (R1's row filter), which credits are assigned to which campaign, and its earning activations (R4).
 */
export type AccountBookRows = {
  account: AdAccount;
  candidates: CandidateCredit[];
  assigned: Map<string, Set<string>>;
  earning: EarningActivation[];
};

export type LedgerRow = {
  accountId: string;
  type: TransactionType;
  amount: number;
  at: number;
  creditId?: string | null;
  campaignId?: string | null;
  chargeId?: string | null;
};

/** A ledger row written by a charge: "" is no credit, no campaign; `timeZone` is the account's. */
export type ChargeLedgerRow = {
  accountId: string;
  type: TransactionType;
  amount: number;
  at: number;
  creditId: string;
  campaignId: string;
  chargeId: string | null;
  timeZone: string;
};

export type ActivationProgress = {
  id: string;
  spend: number;
  tier: number | null;
  status: "earning" | "qualified";
  endedAt: number | null;
  rewardDueAt: number | null;
};

/**
 * What a run of charges writes, gathered in memory and written in one call (so delivery costs a store
 * call per hour, not several per charge). Each list is written in order; charges come first, as the other
 * rows refer to them.
 */
export type ChargeWrites = {
  charges: StoredCharge[];
  allocations: { chargeId: string; creditId: string; amount: number; step: number }[];
  ledger: ChargeLedgerRow[];
  qualifying: { activationId: string; chargeId: string; amount: number }[];
  /** Amount spent per credit: the credit becomes exhausted when nothing is left. */
  spent: Map<string, number>;
  /** Out-of-pocket balances after the charges; any out-of-pocket spend also sets prior paid history (R9). */
  balances: { accountId: string; cashBalance: number; amountDue: number; creditLineUsed: number }[];
  progress: ActivationProgress[];
};

/** The earliest due event of each kind at or before a time (R15). */
export type Due = { id: string; t: number };
export type NextDue = { completion?: Due; reward?: Due; expiry?: Due };

export type NewAccount = {
  id: string;
  name: string;
  businessCenterId: string | null;
  currency: string;
  country: string;
  timeZone: string;
  industry: string | null;
  billing: AdAccount["billing"];
  kind: AdAccount["kind"];
  paymentMethod: boolean;
  priorPaidHistory: boolean;
  billingThreshold: number;
  creditLimit: number;
  createdAt: number;
};

export type NewCampaign = Pick<Campaign, "id" | "accountId" | "name" | "adProduct" | "status" | "dailyBudget" | "createdAt">;

export type NewPromotion = {
  id: string;
  name: string;
  kind: PromotionKind;
  currency: string;
  creditType: CreditType;
  amount: number | null | undefined;
  percent: number | null | undefined;
  windowDays: number | null;
  rewardDelayHours: number | null;
  creditValidityDays: number;
  restrictions: Restrictions;
  requirement: Requirement;
  eligibility: Eligibility;
  autoActivate: boolean;
  exclusive: boolean;
  createdAt: number;
};

export type NewCode = Pick<PromoCode, "code" | "display" | "promotionId" | "receivedAt" | "activationDeadline" | "maxRedemptions">;

export type NewCredit = {
  id: string;
  accountId: string;
  name: string;
  type: CreditType;
  source: CreditSource;
  currency: string;
  amount: number;
  percent: number | null;
  issuedAt: number;
  expiresAt: number;
  restrictions: Restrictions;
  requirement: Requirement;
  promotionId: string | null;
  code: string | null;
};

export type NewActivation = Pick<
  Activation,
  "id" | "accountId" | "promotionId" | "code" | "activatedAt" | "windowEndsAt" | "qualifyingSpend" | "tierReached" | "status"
>;

export type Card = { brand: CardBrand; last4: string; expMonth: number; expYear: number };

/** Rows of the audit's checks (R16): column name to value. */
export type AuditRow = Record<string, string | number | null>;

export type DailyTotalMismatch = {
  accountId: string;
  day: string;
  type: string;
  campaignId: string;
  creditId: string;
  ledger: { count: number | null; amount: number | null };
  total: { count: number | null; amount: number | null };
};

/** Runs one step of a clock move as a transaction, and resolves to what it resolved to. */
export type MoveStep = <T>(fn: (tx: Store) => Promise<T>) => Promise<T>;

export interface Store {
  /**
   * Runs `fn` as one transaction: everything it wrote commits when it resolves, and rolls back when it
   * throws (the error is rethrown). Called from inside another transaction's `fn`, it is nested: a failure
   * rolls back only its own writes, and the outer transaction carries on.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /**
   * Where every query answers at once (SQLite): runs `fn` as one transaction straight through, with nothing
   * else running between its BEGIN and COMMIT, when no other transaction is open or waiting, and returns
   * `{ value }`. Otherwise — a transaction is under way, or the store cannot (PostgreSQL) — returns
   * undefined without calling `fn`, and the caller uses `transaction`. `fn` must not wait for anything:
   * it is written with `andThen`/`each` (maybe.ts) over the charge queries, which answer at once here.
   */
  transactionNow?<T>(fn: (tx: Store) => Maybe<T>): { value: T } | undefined;

  // The clock (R15).
  clockNow(): Promise<number | undefined>;
  /** The clock, read to be moved (advance, delivery): the transaction holds it until it ends. */
  clockForUpdate(): Promise<number | undefined>;
  /** Sets the clock where none is set yet. */
  initClock(now: number): Promise<void>;
  setClock(now: number): Promise<void>;
  /** The clock and the move under way (none: null), read to be moved: the transaction holds it until it ends. */
  clockMove(): Promise<{ now: number; move: ClockMove | null } | undefined>;
  setClockMove(now: number, move: ClockMove | null): Promise<void>;
  /**
   * Where a clock move (advance, simulate) commits step by step (PostgreSQL): runs `fn` while no other move
   * runs, with `step` running each step as its own transaction (inside a transaction, as part of it).
   * Absent where a move is one transaction (SQLite, where any transaction holds the whole database).
   */
  moveInSteps?<T>(fn: (step: MoveStep) => Promise<T>): Promise<T>;

  // Accounts.
  /** The account, read to be changed: the transaction holds it until it ends. */
  accountForUpdate(id: string): Promise<AdAccount | undefined>;
  accountExists(id: string): Promise<boolean>;
  insertAccount(row: NewAccount): Promise<AdAccount>;
  setCashBalance(accountId: string, cashBalance: number): Promise<void>;
  setFrozen(accountId: string, frozen: boolean): Promise<void>;
  setPaymentMethodLinked(accountId: string, linked: boolean): Promise<void>;
  /** Keeps the card's details (never its number) for the account, replacing any card on file. */
  saveCard(accountId: string, card: Card, linkedAt: number): Promise<void>;
  removeCard(accountId: string): Promise<void>;
  /** Automatic-billing accounts with an amount due, in id order (R14's monthly billing), held until the transaction ends. */
  accountsWithAmountDue(): Promise<{ id: string; amountDue: number }[]>;
  clearAmountDue(accountId: string): Promise<void>;

  // Campaigns.
  campaign(id: string): Promise<Campaign | undefined>;
  /** The campaign, read to be changed or charged: the transaction holds its account until it ends. */
  campaignForUpdate(id: string): Promise<Campaign | undefined>;
  campaignExists(id: string): Promise<boolean>;
  campaignsByIds(ids: string[]): Promise<Campaign[]>;
  insertCampaign(row: NewCampaign): Promise<void>;
  setCampaignStatus(id: string, status: CampaignStatus): Promise<void>;
  setDailyBudget(id: string, dailyBudget: number): Promise<void>;
  /** Pauses the account's active campaigns; their ids, sorted. */
  pauseActiveCampaigns(accountId: string): Promise<string[]>;
  /** Campaigns that deliver (active, with a budget), in id order. */
  deliveringCampaigns(): Promise<StoredCampaign[]>;

  // Promotions and codes.
  promotion(id: string): Promise<Promotion | undefined>;
  /** The promotion, read to issue a code for it: the transaction holds it until it ends. */
  promotionForUpdate(id: string): Promise<Promotion | undefined>;
  promotionExists(id: string): Promise<boolean>;
  insertPromotion(row: NewPromotion, tiers: Tier[]): Promise<void>;
  /** Auto-activating promotions in id order (R8). */
  autoActivatingPromotions(): Promise<Promotion[]>;
  /** A ladder's tiers in order. */
  tiers(promotionId: string): Maybe<Tier[]>;
  /** The code, read to be redeemed: the transaction holds it until it ends. */
  codeForUpdate(code: string): Promise<PromoCode | undefined>;
  codeExists(code: string): Promise<boolean>;
  insertCode(row: NewCode): Promise<void>;
  redemptionCount(code: string): Promise<number>;
  hasRedeemed(code: string, accountId: string): Promise<boolean>;
  insertRedemption(row: { code: string; accountId: string; at: number; activationId: string | null; creditId: string | null }): Promise<void>;

  // Activations.
  activationExists(id: string): Promise<boolean>;
  insertActivation(row: NewActivation): Promise<void>;
  /** The account's `earning` or `qualified` activation of an exclusive promotion, lowest id first (R7). */
  exclusiveActivation(accountId: string): Promise<{ activationId: string; promotionName: string } | undefined>;
  /** The activation and its promotion, read to be changed: the transaction holds its account until it ends. */
  activationForUpdate(id: string): Promise<{ a: Activation; p: Promotion } | undefined>;
  /** R5 (b): the window ended; with a tier reached the reward falls due at `rewardDueAt`, else it expired. */
  endLadder(id: string, end: { endedAt: number; rewardDueAt: number | null }): Promise<void>;
  markRewarded(id: string, rewardCreditId: string): Promise<void>;
  /** The account's qualified activations whose reward fell due by `now`, in due order then id (R12). */
  waitingRewards(accountId: string, now: number): Promise<string[]>;
  /** Ends the account's earning and qualified activations as revoked (R12). */
  revokeActivations(accountId: string, now: number): Promise<void>;

  // Credits.
  creditExists(id: string): Promise<boolean>;
  credit(id: string): Promise<Credit | undefined>;
  /** The credit, read to be changed: the transaction holds its account until it ends. */
  creditForUpdate(id: string): Promise<Credit | undefined>;
  insertCredit(row: NewCredit): Promise<void>;
  /** The account's active credits, in id order. */
  activeCredits(accountId: string): Promise<Credit[]>;
  /** Ends a credit (expired or revoked): its unused part is forfeited. */
  forfeitCredit(id: string, status: Exclude<CreditStatus, "active" | "exhausted">): Promise<void>;

  // Assignments (R10).
  assignedCampaignIds(creditId: string): Promise<string[]>;
  /** Assigns or unassigns each campaign in turn, with its row in the append-only assignment log. */
  changeAssignments(change: {
    creditId: string;
    campaignIds: string[];
    action: AssignmentAction;
    actorRole: Role;
    actorUserId: string | null;
    at: number;
  }): Promise<void>;

  // Appeals (R12).
  pendingAppeal(accountId: string): Promise<Appeal | undefined>;
  insertAppeal(row: { accountId: string; filedAt: number; reason: string | null }): Promise<number>;
  resolveAppeal(id: number, status: AppealStatus, at: number): Promise<void>;
  /** Closes the account's pending appeals (if any) as `status`. */
  closePendingAppeals(accountId: string, status: AppealStatus, at: number): Promise<void>;

  // The ledger.
  /** Appends a ledger row (and adds it to its day's total) in the transaction. */
  appendTransaction(row: LedgerRow): Promise<void>;

  // Charges (R1–R4, R9, R14) and due events (R15): the hot path. The queries a charge makes answer at once
  // where the store can (Maybe: see transactionNow).
  chargesByIds(ids: string[]): Maybe<Map<string, StoredCharge>>;
  /**
   * What a standalone charge starts from: the stored charge with this id (a replay: stored charges never
   * change), or else the campaign to charge, read to be charged (its account held), with the id looked up
   * again once the account is held.
   */
  chargeOrCampaign(chargeId: string, campaignId: string): Maybe<{ seen?: StoredCharge; campaign?: StoredCampaign }>;
  /**
   * Each account's book at `t`, read to be charged: the transaction holds the accounts until it ends. A
   * missing account has none. A frozen account's credits pay for nothing (R1): none are loaded.
   */
  accountBooks(accountIds: string[], t: number): Maybe<Map<string, AccountBookRows>>;
  writeCharges(writes: ChargeWrites): Maybe<void>;
  nextDue(until: number): Promise<NextDue>;

  // The audit (R16): read-only.
  auditRows(check: AuditQuery, params?: Record<string, string | number | null>): Promise<AuditRow[]>;
  /** The names of the guards that keep append-only tables append-only. */
  appendOnlyGuards(): Promise<string[]>;
  dailyTotalMismatches(): Promise<DailyTotalMismatch[]>;
}

/** The audit's named checks; each adapter holds their SQL. */
export const auditQueries = [
  "creditBalance",
  "creditStatus",
  "chargeSplit",
  "chargeAllocations",
  "creditUsedAllocations",
  "allocationValidity",
  "chargeLedger",
  "creditLedger",
  "accountBalances",
  "activations",
  "activationCharges",
  "activationOutside",
] as const;
export type AuditQuery = (typeof auditQueries)[number];

export const emptyChargeWrites = (): ChargeWrites => ({
  charges: [],
  allocations: [],
  ledger: [],
  qualifying: [],
  spent: new Map(),
  balances: [],
  progress: [],
});
