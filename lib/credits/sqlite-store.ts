// Every SQL statement the engine's hot path runs — delivery charges, the ledger and its daily totals, and
// the clock's per-hour look-ups — as plain prepared better-sqlite3 statements, prepared once per connection.
// The rest of the engine (rare operations) uses drizzle's query builder; this module is the one place
// where the hot path touches SQL, so that another store can stand in for it.
import Database from "better-sqlite3";
import type { AdAccount, AdProduct, CampaignStatus, Requirement, Restrictions, TransactionType } from "@/db/schema";
import type { CreditFacts } from "./rules/eligibility";
import type { Tier } from "./rules/ladder";
import { ledgerDay } from "./daily-totals";
import type { Tx } from "./tx";

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

export type LedgerRow = {
  accountId: string;
  type: TransactionType;
  amount: number;
  at: number;
  creditId?: string | null;
  campaignId?: string | null;
  chargeId?: string | null;
};

export type NewCharge = StoredCharge;

type PendingTotal = {
  accountId: string;
  day: string;
  type: TransactionType;
  campaignId: string;
  creditId: string;
  count: number;
  amount: number;
};

/** Rows as SQLite returns them: booleans are 0/1, JSON is text. */
type AccountRow = Omit<AdAccount, "paymentMethod" | "priorPaidHistory" | "frozen"> & {
  paymentMethod: number;
  priorPaidHistory: number;
  frozen: number;
};
type CreditRow = Omit<CandidateCredit, "restrictions" | "requirement"> & { restrictions: string; requirement: string };
type ActivationRow = Omit<EarningActivation, "restrictions"> & { restrictions: string };

function prepareAll(sqlite: Database.Database) {
  // Database.prototype.prepare, not the connection's statement cache (db/client.ts): these statements are
  // held for the connection's life and must not be shared with drizzle, which switches statements to raw mode.
  const prepare = (source: string): Database.Statement<unknown[]> => Database.prototype.prepare.call(sqlite, source);
  return {
    chargeById: prepare(
      `select id, account_id as accountId, campaign_id as campaignId, amount, at, discount, credits, cash, billed,
              credit_line as creditLine
       from charges where id = ?`,
    ),
    campaign: prepare(
      `select id, account_id as accountId, ad_product as adProduct, status, daily_budget as dailyBudget
       from campaigns where id = ?`,
    ),
    delivering: prepare(
      `select id, account_id as accountId, ad_product as adProduct, status, daily_budget as dailyBudget
       from campaigns where status = 'active' and daily_budget > 0 order by id`,
    ),
    account: prepare(
      `select id, name, business_center_id as businessCenterId, currency, country, time_zone as timeZone, billing,
              kind, payment_method as paymentMethod, prior_paid_history as priorPaidHistory,
              cash_balance as cashBalance, amount_due as amountDue, billing_threshold as billingThreshold,
              credit_line_used as creditLineUsed, credit_limit as creditLimit, frozen, created_at as createdAt
       from ad_accounts where id = ?`,
    ),
    timeZone: prepare(`select time_zone from ad_accounts where id = ?`).pluck(),
    // R1's row filter: the account's active credits inside their validity at t.
    candidates: prepare(
      `select id, account_id as accountId, type, currency, percent, used, unused, status, issued_at as issuedAt,
              expires_at as expiresAt, restrictions, requirement
       from credits where account_id = ? and status = 'active' and issued_at <= ? and expires_at > ?`,
    ),
    assignments: prepare(
      `select a.campaign_id, a.credit_id from assignments a join credits c on c.id = a.credit_id
       where c.account_id = ?`,
    ).raw(),
    // R4: activations of the account earning at t, with their promotion's restrictions.
    earning: prepare(
      `select a.id, a.promotion_id as promotionId, a.qualifying_spend as qualifyingSpend, p.restrictions,
              p.reward_delay_hours as rewardDelayHours
       from activations a join promotions p on p.id = a.promotion_id
       where a.account_id = ? and a.status = 'earning' and a.activated_at <= ? and a.window_ends_at > ?`,
    ),
    tiers: prepare(`select spend, reward from promotion_tiers where promotion_id = ? order by idx`),
    insertCharge: prepare(
      `insert into charges (id, account_id, campaign_id, amount, at, discount, credits, cash, billed, credit_line)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertAllocation: prepare(`insert into charge_allocations (charge_id, credit_id, amount, step) values (?, ?, ?, ?)`),
    // Spends `amount` of a credit; the credit becomes exhausted when nothing is left.
    spendCredit: prepare(
      `update credits set used = used + @amount, unused = unused - @amount,
              status = case when unused - @amount = 0 then 'exhausted' else status end
       where id = @id`,
    ),
    setBalances: prepare(
      `update ad_accounts set cash_balance = ?, amount_due = ?, credit_line_used = ?, prior_paid_history = 1 where id = ?`,
    ),
    insertQualifying: prepare(`insert into qualifying_spend (activation_id, charge_id, amount) values (?, ?, ?)`),
    setProgress: prepare(
      `update activations set qualifying_spend = @spend, tier_reached = @tier, status = @status,
              ended_at = coalesce(@endedAt, ended_at), reward_due_at = coalesce(@rewardDueAt, reward_due_at)
       where id = @id`,
    ),
    appendLedger: prepare(
      `insert into transactions (account_id, type, amount, at, credit_id, campaign_id, charge_id) values (?, ?, ?, ?, ?, ?, ?)`,
    ),
    addToDailyTotal: prepare(
      `insert into daily_totals (account_id, day, type, campaign_id, credit_id, count, amount)
       values (@accountId, @day, @type, @campaignId, @creditId, @count, @amount)
       on conflict (account_id, day, type, campaign_id, credit_id)
       do update set count = count + excluded.count, amount = amount + excluded.amount`,
    ),
    clock: prepare(`select now from sandbox_clock where id = 1`).pluck(),
    setClock: prepare(`update sandbox_clock set now = ? where id = 1`),
    // R15: the earliest due event of each kind at or before a time.
    nextCompletion: prepare(
      `select id, window_ends_at as t from activations where status = 'earning' and window_ends_at <= ?
       order by window_ends_at, id limit 1`,
    ),
    nextReward: prepare(
      `select a.id, a.reward_due_at as t from activations a join ad_accounts c on c.id = a.account_id
       where a.status = 'qualified' and a.reward_due_at <= ? and c.frozen = 0
       order by a.reward_due_at, a.id limit 1`,
    ),
    nextExpiry: prepare(
      `select id, expires_at as t from credits where status = 'active' and expires_at <= ?
       order by expires_at, id limit 1`,
    ),
  };
}

const creditFacts = (r: CreditRow): CandidateCredit => ({
  ...r,
  restrictions: JSON.parse(r.restrictions) as Restrictions,
  requirement: JSON.parse(r.requirement) as Requirement,
});

export type Due = { id: string; t: number };

/** The hot path's reads and writes on one connection's statements. */
function buildStore(s: ReturnType<typeof prepareAll>) {
  const pendingTotals = new Map<string, PendingTotal>();

  function appendLedger(
    accountId: string,
    type: TransactionType,
    amount: number,
    at: number,
    creditId: string,
    campaignId: string,
    chargeId: string | null,
    timeZone: string,
  ) {
    s.appendLedger.run(accountId, type, amount, at, creditId || null, campaignId || null, chargeId);
    const day = ledgerDay(at, timeZone);
    const key = `${accountId}\0${day}\0${type}\0${campaignId}\0${creditId}`;
    const total = pendingTotals.get(key);
    if (total) {
      total.count++;
      total.amount += amount;
    } else pendingTotals.set(key, { accountId, day, type, campaignId, creditId, count: 1, amount });
  }

  return {
    chargeById: (id: string) => s.chargeById.get(id) as StoredCharge | undefined,
    campaign: (id: string) => s.campaign.get(id) as StoredCampaign | undefined,
    /** Campaigns that deliver (active, with a budget), in id order. */
    deliveringCampaigns: () => s.delivering.all() as StoredCampaign[],
    account: (id: string): AdAccount | undefined => {
      const r = s.account.get(id) as AccountRow | undefined;
      return r && { ...r, paymentMethod: r.paymentMethod === 1, priorPaidHistory: r.priorPaidHistory === 1, frozen: r.frozen === 1 };
    },
    candidateCredits: (accountId: string, t: number) =>
      (s.candidates.all(accountId, t, t) as CreditRow[]).map(creditFacts),
    /** Each campaign of the account to the credits assigned to it. */
    assignments: (accountId: string) => {
      const out = new Map<string, Set<string>>();
      for (const [campaignId, creditId] of s.assignments.all(accountId) as [string, string][]) {
        let set = out.get(campaignId);
        if (!set) out.set(campaignId, (set = new Set()));
        set.add(creditId);
      }
      return out;
    },
    earningActivations: (accountId: string, t: number) =>
      (s.earning.all(accountId, t, t) as ActivationRow[]).map(
        (r): EarningActivation => ({ ...r, restrictions: JSON.parse(r.restrictions) as Restrictions }),
      ),
    tiers: (promotionId: string) => s.tiers.all(promotionId) as Tier[],

    insertCharge: (c: NewCharge) =>
      void s.insertCharge.run(c.id, c.accountId, c.campaignId, c.amount, c.at, c.discount, c.credits, c.cash, c.billed, c.creditLine),
    insertAllocation: (chargeId: string, creditId: string, amount: number, step: number) =>
      void s.insertAllocation.run(chargeId, creditId, amount, step),
    spendCredit: (creditId: string, amount: number) => void s.spendCredit.run({ id: creditId, amount }),
    /** Out-of-pocket balances after charges; any out-of-pocket spend also sets prior paid history (R9). */
    setBalances: (accountId: string, b: { cashBalance: number; amountDue: number; creditLineUsed: number }) =>
      void s.setBalances.run(b.cashBalance, b.amountDue, b.creditLineUsed, accountId),
    insertQualifying: (activationId: string, chargeId: string, amount: number) =>
      void s.insertQualifying.run(activationId, chargeId, amount),
    setProgress: (p: {
      id: string;
      spend: number;
      tier: number | null;
      status: "earning" | "qualified";
      endedAt: number | null;
      rewardDueAt: number | null;
    }) => void s.setProgress.run(p),

    /**
     * Appends a ledger row and adds it to its day's total. Totals are gathered in memory and written by
     * `writeDailyTotals()`, which the operation runs before it commits (see runOp): an hour of delivery adds
     * to the same totals again and again, and one write per total per operation is enough.
     * `timeZone` is the account's, when the caller has it at hand.
     */
    appendLedger: (row: LedgerRow, timeZone?: string) =>
      appendLedger(
        row.accountId,
        row.type,
        row.amount,
        row.at,
        row.creditId ?? "",
        row.campaignId ?? "",
        row.chargeId ?? null,
        timeZone ?? (s.timeZone.get(row.accountId) as string),
      ),
    /** appendLedger with the row spelled out (the delivery hot path): "" is no credit, no campaign. */
    appendLedgerRow: appendLedger,
    /** Writes the totals gathered since the last call, in the order they were first added. */
    writeDailyTotals: () => {
      for (const t of pendingTotals.values()) s.addToDailyTotal.run(t);
      pendingTotals.clear();
    },
    /** Forgets gathered totals whose rows were rolled back. */
    discardDailyTotals: () => pendingTotals.clear(),

    clockNow: () => s.clock.get() as number | undefined,
    setClock: (now: number) => void s.setClock.run(now),
    nextCompletion: (until: number) => s.nextCompletion.get(until) as Due | undefined,
    nextReward: (until: number) => s.nextReward.get(until) as Due | undefined,
    nextExpiry: (until: number) => s.nextExpiry.get(until) as Due | undefined,
  };
}

export type SqliteStore = ReturnType<typeof buildStore>;

const stores = new WeakMap<Database.Database, SqliteStore>();

/** The hot path's store on this connection (built once per connection). */
export function sqliteStore(tx: Tx): SqliteStore {
  let store = stores.get(tx.$client);
  if (!store) {
    store = buildStore(prepareAll(tx.$client));
    stores.set(tx.$client, store);
  }
  return store;
}
