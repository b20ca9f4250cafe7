// The Store on one better-sqlite3 connection. The hot path's statements (charges, the ledger and its
// daily totals, due events) are plain prepared statements, prepared once per connection; the rarer queries
// use drizzle's query builder, whose statements db/client.ts caches by SQL text.
//
// Transactions: one connection, so one transaction at a time, in the order asked for (a promise mutex),
// each `BEGIN IMMEDIATE` (the write lock at once, so other processes wait for it rather than fail on
// upgrade). Called inside a transaction, `transaction(fn)` is nested: a SAVEPOINT, rolled back alone when
// `fn` throws (tryNested).
//
// Interleaving. The Next server serves many requests on this one connection, and much of the app reads and
// writes it synchronously outside the engine (pages, sessions, members). An open transaction sees its own
// uncommitted writes, and so would any other code that ran on the connection before COMMIT; its writes
// would join the transaction and be rolled back with it. So no other code may run between BEGIN and
// COMMIT. The mutex alone does not ensure that: other requests' code does not take the mutex, and an
// `await` in the transaction lets every microtask already queued run first. Instead:
//   1. BEGIN runs at the start of a macrotask (after `setImmediate`), when Node's microtask and nextTick
//      queues are empty: nothing queued by other code can run until they drain again.
//   2. Every store call resolves without I/O (better-sqlite3 is synchronous), so the body runs to COMMIT
//      within that one drain, and only the body's own continuations run in it.
//   3. Checked, not hoped: a nextTick queued from the body's first microtask runs only once the drain is
//      over. If the transaction is still open then, the body awaited real I/O: the transaction is rolled
//      back there (before any other code runs) and the body's further store calls throw. So an engine
//      operation can never await anything but this store inside a transaction (store.test.ts shows both).
// Reads outside a transaction need no lock for the same reason: no transaction is open whenever they run.
//
// A standalone charge needs no macrotask: it is written over queries that answer at once (maybe.ts), so
// `transactionNow` runs its BEGIN, body and COMMIT in one synchronous stretch, in which no other code can
// run at all. It does so only when the mutex is free; otherwise the charge queues with `transaction`.
import Database from "better-sqlite3";
import { and, asc, count, eq, gt, inArray, lte, sql } from "drizzle-orm";
import {
  activations,
  adAccounts,
  appeals,
  assignmentLog,
  assignments,
  campaigns,
  credits,
  paymentMethods,
  promoCodes,
  promotions,
  promotionTiers,
  redemptions,
  sandboxClock,
  type AdAccount,
  type ClockMove,
  type Requirement,
  type Restrictions,
  type TransactionType,
} from "@/db/schema";
import type { Db } from "@/db/client";
import { dailyTotalMismatches, ledgerDay } from "../daily-totals";
import { isThenable, type Maybe } from "../maybe";
import type { Tier } from "../rules/ladder";
import type {
  AccountBookRows,
  AuditQuery,
  AuditRow,
  CandidateCredit,
  ChargeWrites,
  EarningActivation,
  LedgerRow,
  NextDue,
  Store,
  StoredCampaign,
  StoredCharge,
} from "./store";

/**
 * A day's total gathered in memory until the transaction ends (appendLedger). A class rather than an object
 * literal: a literal has an allocation site, and when the collector decides that the site's objects live
 * long (an hour of delivery keeps them), V8 throws away the optimised code that builds them.
 */
class PendingTotal {
  count = 1;
  constructor(
    readonly accountId: string,
    readonly day: string,
    readonly type: TransactionType,
    readonly campaignId: string,
    readonly creditId: string,
    public amount: number,
  ) {}
}

/** Rows as SQLite returns them: booleans are 0/1, JSON is text. */
type AccountRow = [
  id: string,
  name: string,
  businessCenterId: AdAccount["businessCenterId"],
  currency: string,
  country: string,
  timeZone: string,
  billing: AdAccount["billing"],
  kind: AdAccount["kind"],
  paymentMethod: number,
  priorPaidHistory: number,
  cashBalance: number,
  amountDue: number,
  billingThreshold: number,
  creditLineUsed: number,
  creditLimit: number,
  frozen: number,
  industry: string | null,
  createdAt: number,
];
type CreditRow = [
  id: string,
  accountId: string,
  type: CandidateCredit["type"],
  currency: string,
  percent: number | null,
  used: number,
  unused: number,
  status: CandidateCredit["status"],
  issuedAt: number,
  expiresAt: number,
  restrictions: string,
  requirement: string,
];
type ActivationRow = [id: string, promotionId: string, qualifyingSpend: number, restrictions: string, rewardDelayHours: number | null];
type ChargeRow = [
  id: string,
  accountId: string,
  campaignId: string,
  amount: number,
  at: number,
  discount: number,
  credits: number,
  cash: number,
  billed: number,
  creditLine: number,
];
type CampaignRow = [id: string, accountId: string, adProduct: StoredCampaign["adProduct"], status: StoredCampaign["status"], dailyBudget: number];

function prepareAll(sqlite: Database.Database) {
  // Database.prototype.prepare, not the connection's statement cache (db/client.ts): these statements are
  // held for the connection's life and must not be shared with drizzle, which switches statements to raw mode.
  const prepare = (source: string): Database.Statement<unknown[]> => Database.prototype.prepare.call(sqlite, source);
  return {
    chargeById: prepare(
      `select id, account_id, campaign_id, amount, at, discount, credits, cash, billed, credit_line
       from charges where id = ?`,
    ).raw(),
    delivering: prepare(
      `select id, account_id, ad_product, status, daily_budget
       from campaigns where status = 'active' and daily_budget > 0 order by id`,
    ).raw(),
    campaignToCharge: prepare(`select id, account_id, ad_product, status, daily_budget from campaigns where id = ?`).raw(),
    account: prepare(
      `select id, name, business_center_id, currency, country, time_zone, billing, kind, payment_method,
              prior_paid_history, cash_balance, amount_due, billing_threshold, credit_line_used, credit_limit,
              frozen, industry, created_at
       from ad_accounts where id = ?`,
    ).raw(),
    timeZone: prepare(`select time_zone from ad_accounts where id = ?`).pluck(),
    // R1's row filter: the account's active credits inside their validity at t.
    candidates: prepare(
      `select id, account_id, type, currency, percent, used, unused, status, issued_at, expires_at, restrictions,
              requirement
       from credits where account_id = ? and status = 'active' and issued_at <= ? and expires_at > ?`,
    ).raw(),
    assignments: prepare(
      `select a.campaign_id, a.credit_id from assignments a join credits c on c.id = a.credit_id
       where c.account_id = ?`,
    ).raw(),
    // R4: activations of the account earning at t, with their promotion's restrictions.
    earning: prepare(
      `select a.id, a.promotion_id, a.qualifying_spend, p.restrictions, p.reward_delay_hours
       from activations a join promotions p on p.id = a.promotion_id
       where a.account_id = ? and a.status = 'earning' and a.activated_at <= ? and a.window_ends_at > ?`,
    ).raw(),
    tiers: prepare(`select spend, reward from promotion_tiers where promotion_id = ? order by idx`),
    insertCharge: prepare(
      `insert into charges (id, account_id, campaign_id, amount, at, discount, credits, cash, billed, credit_line)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertAllocation: prepare(`insert into charge_allocations (charge_id, credit_id, amount, step) values (?, ?, ?, ?)`),
    // Spends `amount` of a credit; the credit becomes exhausted when nothing is left.
    spendCredit: prepare(
      `update credits set used = used + ?, unused = unused - ?,
              status = case when unused - ? = 0 then 'exhausted' else status end
       where id = ?`,
    ),
    setBalances: prepare(
      `update ad_accounts set cash_balance = ?, amount_due = ?, credit_line_used = ?, prior_paid_history = 1 where id = ?`,
    ),
    insertQualifying: prepare(`insert into qualifying_spend (activation_id, charge_id, amount) values (?, ?, ?)`),
    setProgress: prepare(
      `update activations set qualifying_spend = ?, tier_reached = ?, status = ?,
              ended_at = coalesce(?, ended_at), reward_due_at = coalesce(?, reward_due_at)
       where id = ?`,
    ),
    appendLedger: prepare(
      `insert into transactions (account_id, type, amount, at, credit_id, campaign_id, charge_id) values (?, ?, ?, ?, ?, ?, ?)`,
    ),
    addToDailyTotal: prepare(
      `insert into daily_totals (account_id, day, type, campaign_id, credit_id, count, amount)
       values (?, ?, ?, ?, ?, ?, ?)
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
    triggers: prepare(`select name from sqlite_master where type = 'trigger' order by name`).pluck(),
    // Prepared once: `exec` would parse them again on every transaction.
    begin: prepare("BEGIN IMMEDIATE"),
    commit: prepare("COMMIT"),
    rollback: prepare("ROLLBACK"),
  };
}

// The hot path's rows come as arrays (`raw()`) and become objects here, built in one literal each: cheaper
// than better-sqlite3's row objects, which it builds a property at a time (docs/performance.md).
const accountOf = (r: AccountRow): AdAccount => ({
  id: r[0],
  name: r[1],
  businessCenterId: r[2],
  currency: r[3],
  country: r[4],
  timeZone: r[5],
  billing: r[6],
  kind: r[7],
  paymentMethod: r[8] === 1,
  priorPaidHistory: r[9] === 1,
  cashBalance: r[10],
  amountDue: r[11],
  billingThreshold: r[12],
  creditLineUsed: r[13],
  creditLimit: r[14],
  frozen: r[15] === 1,
  industry: r[16],
  createdAt: r[17],
});

const chargeOf = (r: ChargeRow): StoredCharge => ({
  id: r[0],
  accountId: r[1],
  campaignId: r[2],
  amount: r[3],
  at: r[4],
  discount: r[5],
  credits: r[6],
  cash: r[7],
  billed: r[8],
  creditLine: r[9],
});

const campaignOf = (r: CampaignRow): StoredCampaign => ({ id: r[0], accountId: r[1], adProduct: r[2], status: r[3], dailyBudget: r[4] });

const earningOf = (r: ActivationRow): EarningActivation => ({
  id: r[0],
  promotionId: r[1],
  qualifyingSpend: r[2],
  restrictions: JSON.parse(r[3]) as Restrictions,
  rewardDelayHours: r[4],
});

/**
 * A candidate credit as charges read it (accountBooks). A class rather than an object literal, as
 * PendingTotal: delivery keeps an account's candidates for hours, so the collector pretenured a literal's
 * allocation site, and from then on every standalone charge's candidates went straight to the old
 * generation, garbage that only a major collection frees (docs/performance.md, "Found and fixed: the
 * candidate credits' literal").
 */
class Candidate implements CandidateCredit {
  readonly id: string;
  readonly accountId: string;
  readonly type: CandidateCredit["type"];
  readonly currency: string;
  readonly percent: number | null;
  used: number;
  unused: number;
  status: CandidateCredit["status"];
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly restrictions: Restrictions;
  readonly requirement: Requirement;

  constructor(r: CreditRow) {
    this.id = r[0];
    this.accountId = r[1];
    this.type = r[2];
    this.currency = r[3];
    this.percent = r[4];
    this.used = r[5];
    this.unused = r[6];
    this.status = r[7];
    this.issuedAt = r[8];
    this.expiresAt = r[9];
    this.restrictions = JSON.parse(r[10]) as Restrictions;
    this.requirement = JSON.parse(r[11]) as Requirement;
  }
}

const present = <T>(row: T | undefined) => row !== undefined;

/** The audit's checks (R16) in SQLite's SQL; parameters are named (`@id`). */
const auditSql: Record<AuditQuery, string> = {
  creditBalance: `select id, amount, used, unused, forfeited from credits
    where used + unused + forfeited <> amount or used < 0 or unused < 0 or forfeited < 0`,
  creditStatus: `select id, status, unused, forfeited from credits
    where (status = 'active' and unused = 0) or (status <> 'active' and unused <> 0)
       or (status = 'exhausted' and forfeited <> 0)`,
  chargeSplit: `select id, amount, discount, credits, cash, billed, credit_line from charges
    where discount + credits + cash + billed + credit_line <> amount
       or discount < 0 or credits < 0 or cash < 0 or billed < 0 or credit_line < 0`,
  chargeAllocations: `select c.id, c.discount, c.credits,
      coalesce(sum(case when a.step = 0 then a.amount end), 0) as d,
      coalesce(sum(case when a.step > 0 then a.amount end), 0) as k,
      count(case when a.step = 0 then 1 end) as discounts
    from charges c left join charge_allocations a on a.charge_id = c.id
    group by c.id having d <> c.discount or k <> c.credits or discounts > 1`,
  creditUsedAllocations: `select c.id, c.used, coalesce(sum(a.amount), 0) as allocated
    from credits c left join charge_allocations a on a.credit_id = c.id
    group by c.id having allocated <> c.used`,
  allocationValidity: `select a.charge_id, a.credit_id, ch.at, cr.issued_at, cr.expires_at
    from charge_allocations a join charges ch on ch.id = a.charge_id join credits cr on cr.id = a.credit_id
    where ch.at < cr.issued_at or ch.at >= cr.expires_at or ch.account_id <> cr.account_id`,
  chargeLedger: `select c.id, c.discount + c.credits as credit_paid, c.cash + c.billed + c.credit_line as oop,
      coalesce(sum(case when t.type = 'ad_credit' then t.amount end), 0) as tx_credit,
      coalesce(sum(case when t.type in ('cash', 'billed', 'credit_line') then t.amount end), 0) as tx_oop
    from charges c left join transactions t on t.charge_id = c.id
    group by c.id having tx_credit <> credit_paid or tx_oop <> oop`,
  creditLedger: `select c.id, c.amount, c.forfeited,
      coalesce(sum(case when t.type = 'credit_issued' then t.amount end), 0) as issued,
      count(case when t.type = 'credit_issued' then 1 end) as issues,
      coalesce(sum(case when t.type in ('credit_expired', 'credit_revoked') then t.amount end), 0) as lost
    from credits c left join transactions t on t.credit_id = c.id
    group by c.id having issued <> c.amount or issues <> 1 or lost <> c.forfeited`,
  accountBalances: `select a.id, a.cash_balance, a.amount_due, a.credit_line_used,
      coalesce(sum(case when t.type = 'top_up' then t.amount when t.type = 'cash' then -t.amount end), 0) as cash,
      coalesce(sum(case when t.type = 'billed' then t.amount when t.type = 'payment' then -t.amount end), 0) as due,
      coalesce(sum(case when t.type = 'credit_line' then t.amount end), 0) as line
    from ad_accounts a left join transactions t on t.account_id = a.id
    group by a.id having cash <> a.cash_balance or due <> a.amount_due or line <> a.credit_line_used`,
  activations: `select a.id, a.account_id, a.activated_at, a.window_ends_at, a.ended_at, a.qualifying_spend, p.restrictions,
      coalesce((select sum(q.amount) from qualifying_spend q where q.activation_id = a.id), 0) as counted
    from activations a join promotions p on p.id = a.promotion_id`,
  activationCharges: `select c.id, c.at, c.cash + c.billed + c.credit_line as oop, k.ad_product, q.amount as counted
    from charges c join campaigns k on k.id = c.campaign_id
    left join qualifying_spend q on q.charge_id = c.id and q.activation_id = @id
    where c.account_id = @accountId and c.at >= @from and c.at <= @end`,
  activationOutside: `select q.charge_id from qualifying_spend q join charges c on c.id = q.charge_id
    where q.activation_id = @id and (c.account_id <> @accountId or c.at < @from or c.at > @end)`,
};

/**
 * Holds a connection's prepared statements. They are copied out of prepareAll's object literal into an
 * instance of this class because V8 re-types an object literal's fields the second time the literal is built
 * (the second connection in a process: a bench, a test run), throwing away the optimised code that read
 * them; a class instance built the same way each time keeps them typed. See docs/performance.md.
 */
class Statements {}

const nextImmediate = () => new Promise<void>((resolve) => setImmediate(resolve));

class TransactionLeftOpen extends Error {
  constructor() {
    super("a transaction body awaited something other than the store, so it was rolled back (see store/sqlite.ts)");
  }
}

export class SqliteStore implements Store {
  private readonly s: ReturnType<typeof prepareAll>;
  private readonly sqlite: Database.Database;
  private readonly pendingTotals = new Map<string, PendingTotal>();
  /** Transactions open: 0 none, 1 the outermost, more for savepoints. */
  private depth = 0;
  /** Set when a body left its transaction open past its microtask drain; its further calls throw. */
  private broken = false;
  /** The mutex (one outermost transaction at a time): whether it is held, and who waits for it, in order. */
  private held = false;
  private readonly waiting: (() => void)[] = [];
  private readonly q;

  constructor(private readonly db: Db) {
    this.sqlite = db.$client;
    this.s = Object.assign(new Statements(), prepareAll(this.sqlite));
    const id = sql.placeholder("id");
    this.q = {
      account: db.select().from(adAccounts).where(eq(adAccounts.id, id)).prepare(),
      campaign: db.select().from(campaigns).where(eq(campaigns.id, id)).prepare(),
    };
  }

  // Transactions.

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    this.check();
    if (this.depth > 0) return this.nested(fn);
    if (this.held) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.held = true;
    try {
      await nextImmediate();
      return await this.outermost(fn);
    } finally {
      this.release();
    }
  }

  /**
   * A transaction run straight through: `fn` makes only queries that answer at once here (the charge
   * queries: see maybe.ts), so BEGIN, `fn` and COMMIT run in one synchronous stretch in which no other code
   * can run, and no wait for a macrotask is needed. Taken only when the mutex is free, so no transaction is
   * open or about to begin (nor one of other code's on the connection); otherwise undefined, and the caller
   * queues with `transaction`.
   */
  transactionNow<T>(fn: (tx: Store) => Maybe<T>): { value: T } | undefined {
    this.check();
    if (this.held || this.depth > 0 || this.sqlite.inTransaction) return undefined;
    this.held = true;
    try {
      this.s.begin.run();
    } catch (e) {
      // Nothing begun (the write lock is another process's): nothing to roll back.
      this.release();
      throw e;
    }
    this.depth = 1;
    try {
      const out = fn(this);
      if (isThenable(out)) {
        // A body that waits: its later calls would run outside any transaction, so they throw until it ends.
        this.broken = true;
        void Promise.resolve(out).then(this.mend, this.mend);
        throw new TransactionLeftOpen();
      }
      this.writeDailyTotals();
      this.s.commit.run();
      return { value: out };
    } catch (e) {
      this.pendingTotals.clear();
      if (this.sqlite.inTransaction) this.s.rollback.run();
      throw e;
    } finally {
      this.depth = 0;
      this.release();
    }
  }

  private readonly mend = () => {
    this.broken = false;
  };

  /** The mutex: the next waiter, in call order, takes it over; with none waiting it is free. */
  private release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }

  private async outermost<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    this.s.begin.run();
    this.depth = 1;
    let open = true;
    queueMicrotask(() =>
      process.nextTick(() => {
        if (!open) return;
        this.broken = true;
        this.pendingTotals.clear();
        if (this.sqlite.inTransaction) this.s.rollback.run();
      }),
    );
    try {
      const out = await fn(this);
      this.check();
      this.writeDailyTotals();
      this.s.commit.run();
      return out;
    } catch (e) {
      this.pendingTotals.clear();
      if (this.sqlite.inTransaction && !this.broken) this.s.rollback.run();
      throw e;
    } finally {
      open = false;
      this.depth = 0;
      this.broken = false;
    }
  }

  private async nested<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    // The outer transaction's totals so far are its own, not this one's to roll back.
    this.writeDailyTotals();
    const name = `nested_${this.depth}`;
    this.sqlite.exec(`SAVEPOINT ${name}`);
    this.depth++;
    try {
      const out = await fn(this);
      this.check();
      this.writeDailyTotals();
      this.sqlite.exec(`RELEASE ${name}`);
      return out;
    } catch (e) {
      this.pendingTotals.clear();
      if (!this.broken) this.sqlite.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw e;
    } finally {
      // Never below 0: a body wrongly left waiting by transactionNow ends after its transaction did.
      if (this.depth > 0) this.depth--;
    }
  }

  private check() {
    if (this.broken) throw new TransactionLeftOpen();
  }

  /** Writes the daily totals gathered since the last call, in the order they were first added. */
  private writeDailyTotals() {
    for (const t of this.pendingTotals.values())
      this.s.addToDailyTotal.run(t.accountId, t.day, t.type, t.campaignId, t.creditId, t.count, t.amount);
    this.pendingTotals.clear();
  }

  /**
   * Appends a ledger row and adds it to its day's total. Totals are gathered in memory and written before
   * the transaction commits: an hour of delivery adds to the same totals again and again, and one write per
   * total per transaction is enough.
   */
  private appendLedger(
    accountId: string,
    type: TransactionType,
    amount: number,
    at: number,
    creditId: string,
    campaignId: string,
    chargeId: string | null,
    timeZone: string,
  ) {
    this.s.appendLedger.run(accountId, type, amount, at, creditId || null, campaignId || null, chargeId);
    const day = ledgerDay(at, timeZone);
    const key = `${accountId}\0${day}\0${type}\0${campaignId}\0${creditId}`;
    const total = this.pendingTotals.get(key);
    if (total) {
      total.count++;
      total.amount += amount;
    } else this.pendingTotals.set(key, new PendingTotal(accountId, day, type, campaignId, creditId, amount));
  }

  private accountRow(id: string): AdAccount | undefined {
    const r = this.s.account.get(id) as AccountRow | undefined;
    return r && accountOf(r);
  }

  // The clock.

  async clockNow() {
    this.check();
    return this.s.clock.get() as number | undefined;
  }
  async clockForUpdate() {
    return this.clockNow();
  }
  async initClock(now: number) {
    this.check();
    this.db.insert(sandboxClock).values({ id: 1, now }).onConflictDoNothing().run();
  }
  async setClock(now: number) {
    this.check();
    this.s.setClock.run(now);
  }
  async clockMove() {
    this.check();
    return this.db.select({ now: sandboxClock.now, move: sandboxClock.move }).from(sandboxClock).where(eq(sandboxClock.id, 1)).get();
  }
  async setClockMove(now: number, move: ClockMove | null) {
    this.check();
    this.db.update(sandboxClock).set({ now, move }).where(eq(sandboxClock.id, 1)).run();
  }

  // Accounts. One connection and BEGIN IMMEDIATE: the whole database is already held, so `…ForUpdate`
  // reads lock nothing more.

  async accountForUpdate(id: string) {
    this.check();
    return this.q.account.get({ id });
  }
  async accountExists(id: string) {
    this.check();
    return present(this.db.select({ id: adAccounts.id }).from(adAccounts).where(eq(adAccounts.id, id)).get());
  }
  async insertAccount(row: Parameters<Store["insertAccount"]>[0]) {
    this.check();
    return this.db.insert(adAccounts).values(row).returning().get();
  }
  async setCashBalance(accountId: string, cashBalance: number) {
    this.check();
    this.db.update(adAccounts).set({ cashBalance }).where(eq(adAccounts.id, accountId)).run();
  }
  async setFrozen(accountId: string, frozen: boolean) {
    this.check();
    this.db.update(adAccounts).set({ frozen }).where(eq(adAccounts.id, accountId)).run();
  }
  async setPaymentMethodLinked(accountId: string, linked: boolean) {
    this.check();
    this.db.update(adAccounts).set({ paymentMethod: linked }).where(eq(adAccounts.id, accountId)).run();
  }
  async saveCard(accountId: string, card: Parameters<Store["saveCard"]>[1], linkedAt: number) {
    this.check();
    const row = { ...card, accountId, linkedAt };
    this.db.insert(paymentMethods).values(row).onConflictDoUpdate({ target: paymentMethods.accountId, set: row }).run();
  }
  async removeCard(accountId: string) {
    this.check();
    this.db.delete(paymentMethods).where(eq(paymentMethods.accountId, accountId)).run();
  }
  async accountsWithAmountDue() {
    this.check();
    return this.db
      .select({ id: adAccounts.id, amountDue: adAccounts.amountDue })
      .from(adAccounts)
      .where(and(eq(adAccounts.billing, "automatic"), gt(adAccounts.amountDue, 0)))
      .orderBy(asc(adAccounts.id))
      .all();
  }
  async clearAmountDue(accountId: string) {
    this.check();
    this.db.update(adAccounts).set({ amountDue: 0 }).where(eq(adAccounts.id, accountId)).run();
  }

  // Campaigns.

  async campaign(id: string) {
    this.check();
    return this.q.campaign.get({ id });
  }
  async campaignForUpdate(id: string) {
    return this.campaign(id);
  }
  async campaignExists(id: string) {
    this.check();
    return present(this.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, id)).get());
  }
  async campaignsByIds(ids: string[]) {
    this.check();
    return this.db.select().from(campaigns).where(inArray(campaigns.id, ids)).all();
  }
  async insertCampaign(row: Parameters<Store["insertCampaign"]>[0]) {
    this.check();
    this.db.insert(campaigns).values(row).run();
  }
  async setCampaignStatus(id: string, status: Parameters<Store["setCampaignStatus"]>[1]) {
    this.check();
    this.db.update(campaigns).set({ status }).where(eq(campaigns.id, id)).run();
  }
  async setDailyBudget(id: string, dailyBudget: number) {
    this.check();
    this.db.update(campaigns).set({ dailyBudget }).where(eq(campaigns.id, id)).run();
  }
  async pauseActiveCampaigns(accountId: string) {
    this.check();
    return this.db
      .update(campaigns)
      .set({ status: "paused" })
      .where(and(eq(campaigns.accountId, accountId), eq(campaigns.status, "active")))
      .returning({ id: campaigns.id })
      .all()
      .map((c) => c.id)
      .sort();
  }
  async deliveringCampaigns() {
    this.check();
    return (this.s.delivering.all() as CampaignRow[]).map(campaignOf);
  }

  // Promotions and codes.

  async promotion(id: string) {
    this.check();
    return this.db.select().from(promotions).where(eq(promotions.id, id)).get();
  }
  async promotionForUpdate(id: string) {
    return this.promotion(id);
  }
  async promotionExists(id: string) {
    this.check();
    return present(this.db.select({ id: promotions.id }).from(promotions).where(eq(promotions.id, id)).get());
  }
  async insertPromotion(row: Parameters<Store["insertPromotion"]>[0], tiers: Tier[]) {
    this.check();
    this.db.insert(promotions).values(row).run();
    if (row.kind === "ladder")
      this.db
        .insert(promotionTiers)
        .values(tiers.map((t, idx) => ({ promotionId: row.id, idx, spend: t.spend, reward: t.reward })))
        .run();
  }
  async autoActivatingPromotions() {
    this.check();
    return this.db.select().from(promotions).where(eq(promotions.autoActivate, true)).orderBy(asc(promotions.id)).all();
  }
  tiers(promotionId: string) {
    this.check();
    return this.s.tiers.all(promotionId) as Tier[];
  }
  async codeForUpdate(code: string) {
    this.check();
    return this.db.select().from(promoCodes).where(eq(promoCodes.code, code)).get();
  }
  async codeExists(code: string) {
    this.check();
    return present(this.db.select({ code: promoCodes.code }).from(promoCodes).where(eq(promoCodes.code, code)).get());
  }
  async insertCode(row: Parameters<Store["insertCode"]>[0]) {
    this.check();
    this.db.insert(promoCodes).values(row).run();
  }
  async redemptionCount(code: string) {
    this.check();
    return this.db.select({ n: count() }).from(redemptions).where(eq(redemptions.code, code)).get()?.n ?? 0;
  }
  async hasRedeemed(code: string, accountId: string) {
    this.check();
    return present(
      this.db
        .select({ id: redemptions.id })
        .from(redemptions)
        .where(and(eq(redemptions.code, code), eq(redemptions.accountId, accountId)))
        .get(),
    );
  }
  async insertRedemption(row: Parameters<Store["insertRedemption"]>[0]) {
    this.check();
    this.db.insert(redemptions).values(row).run();
  }

  // Activations.

  async activationExists(id: string) {
    this.check();
    return present(this.db.select({ id: activations.id }).from(activations).where(eq(activations.id, id)).get());
  }
  async insertActivation(row: Parameters<Store["insertActivation"]>[0]) {
    this.check();
    this.db.insert(activations).values(row).run();
  }
  async exclusiveActivation(accountId: string) {
    this.check();
    return this.db
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
  }
  async activationForUpdate(id: string) {
    this.check();
    return this.db
      .select({ a: activations, p: promotions })
      .from(activations)
      .innerJoin(promotions, eq(promotions.id, activations.promotionId))
      .where(eq(activations.id, id))
      .get();
  }
  async endLadder(id: string, end: { endedAt: number; rewardDueAt: number | null }) {
    this.check();
    this.db
      .update(activations)
      .set(
        end.rewardDueAt === null
          ? { status: "expired", endedAt: end.endedAt }
          : { status: "qualified", endedAt: end.endedAt, rewardDueAt: end.rewardDueAt },
      )
      .where(eq(activations.id, id))
      .run();
  }
  async markRewarded(id: string, rewardCreditId: string) {
    this.check();
    this.db.update(activations).set({ status: "rewarded", rewardCreditId }).where(eq(activations.id, id)).run();
  }
  async waitingRewards(accountId: string, now: number) {
    this.check();
    return this.db
      .select({ id: activations.id })
      .from(activations)
      .where(and(eq(activations.accountId, accountId), eq(activations.status, "qualified"), lte(activations.rewardDueAt, now)))
      .orderBy(asc(activations.rewardDueAt), asc(activations.id))
      .all()
      .map((r) => r.id);
  }
  async revokeActivations(accountId: string, now: number) {
    this.check();
    // A qualified activation stopped earning when it completed; only an earning one stops now.
    this.db
      .update(activations)
      .set({ status: "revoked", endedAt: sql`coalesce(${activations.endedAt}, ${now})` })
      .where(and(eq(activations.accountId, accountId), inArray(activations.status, ["earning", "qualified"])))
      .run();
  }

  // Credits.

  async creditExists(id: string) {
    this.check();
    return present(this.db.select({ id: credits.id }).from(credits).where(eq(credits.id, id)).get());
  }
  async credit(id: string) {
    this.check();
    return this.db.select().from(credits).where(eq(credits.id, id)).get();
  }
  async creditForUpdate(id: string) {
    return this.credit(id);
  }
  async insertCredit(row: Parameters<Store["insertCredit"]>[0]) {
    this.check();
    this.db
      .insert(credits)
      .values({ ...row, used: 0, unused: row.amount, forfeited: 0, status: "active" })
      .run();
  }
  async activeCredits(accountId: string) {
    this.check();
    return this.db
      .select()
      .from(credits)
      .where(and(eq(credits.accountId, accountId), eq(credits.status, "active")))
      .orderBy(credits.id)
      .all();
  }
  async forfeitCredit(id: string, status: Parameters<Store["forfeitCredit"]>[1]) {
    this.check();
    this.db
      .update(credits)
      .set({ status, forfeited: sql`${credits.forfeited} + ${credits.unused}`, unused: 0 })
      .where(eq(credits.id, id))
      .run();
  }

  // Assignments.

  async assignedCampaignIds(creditId: string) {
    this.check();
    return this.db
      .select({ id: assignments.campaignId })
      .from(assignments)
      .where(eq(assignments.creditId, creditId))
      .all()
      .map((r) => r.id);
  }
  async changeAssignments(c: Parameters<Store["changeAssignments"]>[0]) {
    this.check();
    for (const campaignId of c.campaignIds) {
      if (c.action === "assign") this.db.insert(assignments).values({ creditId: c.creditId, campaignId, assignedAt: c.at }).run();
      else
        this.db
          .delete(assignments)
          .where(and(eq(assignments.creditId, c.creditId), eq(assignments.campaignId, campaignId)))
          .run();
      this.db
        .insert(assignmentLog)
        .values({ creditId: c.creditId, campaignId, action: c.action, actorRole: c.actorRole, actorUserId: c.actorUserId, at: c.at })
        .run();
    }
  }

  // Appeals.

  async pendingAppeal(accountId: string) {
    this.check();
    return this.db
      .select()
      .from(appeals)
      .where(and(eq(appeals.accountId, accountId), eq(appeals.status, "pending")))
      .get();
  }
  async insertAppeal(row: { accountId: string; filedAt: number; reason: string | null }) {
    this.check();
    return this.db.insert(appeals).values({ ...row, status: "pending" }).returning({ id: appeals.id }).get().id;
  }
  async resolveAppeal(id: number, status: Parameters<Store["resolveAppeal"]>[1], at: number) {
    this.check();
    this.db.update(appeals).set({ status, resolvedAt: at }).where(eq(appeals.id, id)).run();
  }
  async closePendingAppeals(accountId: string, status: Parameters<Store["closePendingAppeals"]>[1], at: number) {
    this.check();
    this.db
      .update(appeals)
      .set({ status, resolvedAt: at })
      .where(and(eq(appeals.accountId, accountId), eq(appeals.status, "pending")))
      .run();
  }

  // The ledger.

  async appendTransaction(row: LedgerRow) {
    this.check();
    this.appendLedger(
      row.accountId,
      row.type,
      row.amount,
      row.at,
      row.creditId ?? "",
      row.campaignId ?? "",
      row.chargeId ?? null,
      this.s.timeZone.get(row.accountId) as string,
    );
  }

  // Charges and due events.

  chargesByIds(ids: string[]) {
    this.check();
    const out = new Map<string, StoredCharge>();
    for (const id of ids) {
      const c = this.s.chargeById.get(id) as ChargeRow | undefined;
      if (c) out.set(id, chargeOf(c));
    }
    return out;
  }

  chargeOrCampaign(chargeId: string, campaignId: string): { seen?: StoredCharge; campaign?: StoredCampaign } {
    this.check();
    const seen = this.s.chargeById.get(chargeId) as ChargeRow | undefined;
    if (seen) return { seen: chargeOf(seen) };
    // The whole database is held: nothing can store this id before the charge does.
    const campaign = this.s.campaignToCharge.get(campaignId) as CampaignRow | undefined;
    return { campaign: campaign && campaignOf(campaign) };
  }

  accountBooks(accountIds: string[], t: number) {
    this.check();
    const out = new Map<string, AccountBookRows>();
    for (const id of accountIds) {
      const account = this.accountRow(id);
      if (!account) continue;
      const assigned = new Map<string, Set<string>>();
      // A frozen account's credits pay for nothing (R1): no need to load them.
      if (!account.frozen)
        for (const [campaignId, creditId] of this.s.assignments.all(id) as [string, string][]) {
          let set = assigned.get(campaignId);
          if (!set) assigned.set(campaignId, (set = new Set()));
          set.add(creditId);
        }
      out.set(id, {
        account,
        candidates: account.frozen ? [] : (this.s.candidates.all(id, t, t) as CreditRow[]).map((r) => new Candidate(r)),
        assigned,
        earning: (this.s.earning.all(id, t, t) as ActivationRow[]).map(earningOf),
      });
    }
    return out;
  }

  writeCharges(w: ChargeWrites) {
    this.check();
    const s = this.s;
    for (const c of w.charges)
      s.insertCharge.run(c.id, c.accountId, c.campaignId, c.amount, c.at, c.discount, c.credits, c.cash, c.billed, c.creditLine);
    for (const a of w.allocations) s.insertAllocation.run(a.chargeId, a.creditId, a.amount, a.step);
    for (const r of w.ledger) this.appendLedger(r.accountId, r.type, r.amount, r.at, r.creditId, r.campaignId, r.chargeId, r.timeZone);
    for (const q of w.qualifying) s.insertQualifying.run(q.activationId, q.chargeId, q.amount);
    for (const [id, amount] of w.spent) s.spendCredit.run(amount, amount, amount, id);
    for (const b of w.balances) s.setBalances.run(b.cashBalance, b.amountDue, b.creditLineUsed, b.accountId);
    for (const p of w.progress) s.setProgress.run(p.spend, p.tier, p.status, p.endedAt, p.rewardDueAt, p.id);
  }

  async nextDue(until: number): Promise<NextDue> {
    this.check();
    return {
      completion: this.s.nextCompletion.get(until) as NextDue["completion"],
      reward: this.s.nextReward.get(until) as NextDue["reward"],
      expiry: this.s.nextExpiry.get(until) as NextDue["expiry"],
    };
  }

  // The audit.

  async auditRows(check: AuditQuery, params?: Record<string, string | number | null>) {
    this.check();
    const statement = this.sqlite.prepare(auditSql[check]);
    return (params ? statement.all(params) : statement.all()) as AuditRow[];
  }
  async appendOnlyGuards() {
    this.check();
    return this.s.triggers.all() as string[];
  }
  async dailyTotalMismatches() {
    this.check();
    return dailyTotalMismatches(this.sqlite);
  }
}

const stores = new WeakMap<Database.Database, SqliteStore>();

/** The store on this connection (one per connection: its statements, its lock, its open transaction). */
export function sqliteStore(db: Db): SqliteStore {
  let store = stores.get(db.$client);
  if (!store) {
    store = new SqliteStore(db);
    stores.set(db.$client, store);
  }
  return store;
}
