// The Store on PostgreSQL, through drizzle's pg dialect: a node-postgres pool (db/pg.ts) in production, an
// in-process PGlite (lib/testing/pglite.ts) in tests and the scenario runner. Queries mean what
// store/sqlite.ts's do, row for row and in the same order (text columns collate "C", so ORDER BY id is
// SQLite's byte order).
//
// Transactions are READ COMMITTED, and concurrent ones really run at once (a pool has many connections), so
// each operation first locks the rows of what it moves, and reads what it decides on after the lock:
//   - an account's row (`accountForUpdate`, and `…ForUpdate` of its campaigns, credits and activations,
//     `accountBooks` for charges, `accountsWithAmountDue` for monthly billing). Every money movement is
//     per account, so holding the account row orders an account's operations as BEGIN IMMEDIATE orders
//     all of them on SQLite: each runs wholly before or after another, and sees what the other committed;
//   - in `redeem` the code's row, before the account (`codeForUpdate`), so two accounts redeeming a
//     `max_redemptions = 1` code count each other's redemption;
//   - in `issueCode` the promotion's row (`promotionForUpdate`);
//   - in each step of `advance` and `simulate` the clock row (`clockMove`), which records the move and how
//     far it got: a move commits each due event and each campaign-hour's charge on its own (ops/clock.ts),
//     so it holds an account only for that step, and operations on every account run between its steps.
//     One move runs at a time (`moveInSteps`: a session advisory lock, freed when its process dies).
// The lock is FOR NO KEY UPDATE (what an UPDATE of non-key columns takes): operations on one account
// exclude each other, while inserts elsewhere that merely reference the account (foreign keys take KEY
// SHARE) do not wait. No two transactions can wait for each other: an operation holds at most a code or a
// promotion and then one account, and only a step of a move holds several accounts (monthly billing's, in
// id order), after the clock row, which no other operation takes. Keys that are not per account (a charge id, a new account's id)
// can still be taken by two transactions at once: the loser's insert fails with a unique violation, and
// the whole operation runs again, where its check now finds the winner's row and answers as a replay (or
// a conflict, or `already_exists`).
//
// Nested transactions are savepoints. Daily totals are gathered per transaction (or savepoint) in memory
// and written before it commits, as on SQLite, or sooner, with a batch of charges' writes (one statement:
// `writeCharges`); either way inside the transaction or savepoint whose ledger rows they count.
import { and, asc, count, eq, gt, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/node-postgres";
import * as schema from "@/db/schema.pg";
import {
  activations,
  adAccounts,
  appeals,
  assignmentLog,
  assignments,
  campaigns,
  charges,
  credits,
  dailyTotals,
  paymentMethods,
  promoCodes,
  promotions,
  promotionTiers,
  redemptions,
  sandboxClock,
  transactions,
} from "@/db/schema.pg";
import type { ClockMove, TransactionType } from "@/db/schema";
import { Pool } from "pg";
import { ledgerDay } from "../daily-totals";
import { startOfZonedDay, zonedIsoDate } from "../rules/zoned-date";
import type { Tier } from "../rules/ladder";
import type {
  AccountBookRows,
  AuditQuery,
  AuditRow,
  CandidateCredit,
  ChargeWrites,
  DailyTotalMismatch,
  EarningActivation,
  LedgerRow,
  MoveStep,
  NextDue,
  Store,
  StoredCampaign,
  StoredCharge,
} from "./store";

/** A ledger row as the transactions table holds it: no credit or campaign is null, not "". */
const ledgerRow = (r: LedgerRow) => ({
  accountId: r.accountId,
  type: r.type,
  amount: r.amount,
  at: r.at,
  creditId: r.creditId || null,
  campaignId: r.campaignId || null,
  chargeId: r.chargeId ?? null,
});

/**
 * A value as a JSON parameter (read with `::jsonb`). A lone surrogate in a string (an id as given) becomes
 * U+FFFD, as it does when bound as text: jsonb refuses its escape.
 */
const jsonParam = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === "string" ? v.replace(/\p{Surrogate}/gu, "\uFFFD") : v));

/** A charge's columns as the engine reads it back (StoredCharge). */
const storedChargeColumns = {
  id: charges.id,
  accountId: charges.accountId,
  campaignId: charges.campaignId,
  amount: charges.amount,
  at: charges.at,
  discount: charges.discount,
  credits: charges.credits,
  cash: charges.cash,
  billed: charges.billed,
  creditLine: charges.creditLine,
};

/** Either driver's drizzle database (node-postgres or PGlite), or a transaction on it. */
export type AnyPgDb = PgDatabase<PgQueryResultHKT, typeof schema>;

type PendingTotal = {
  accountId: string;
  day: string;
  type: TransactionType;
  campaignId: string;
  creditId: string;
  count: number;
  amount: number;
};

type Params = Record<string, string | number | null>;
const param = (p: Params | undefined, name: string) => p?.[name] ?? null;

/**
 * The audit's checks (R16) in PostgreSQL's SQL: SQLite's, with sums cast back to bigint (a sum of bigints
 * is numeric, which drivers return as text), HAVING on a subquery (Postgres does not see output names
 * there), and JSON as text, as SQLite stores it.
 */
const auditSql: Record<AuditQuery, (p?: Params) => SQL> = {
  creditBalance: () => sql`select id, amount, used, unused, forfeited from credits
    where used + unused + forfeited <> amount or used < 0 or unused < 0 or forfeited < 0`,
  creditStatus: () => sql`select id, status, unused, forfeited from credits
    where (status = 'active' and unused = 0) or (status <> 'active' and unused <> 0)
       or (status = 'exhausted' and forfeited <> 0)`,
  chargeSplit: () => sql`select id, amount, discount, credits, cash, billed, credit_line from charges
    where discount + credits + cash + billed + credit_line <> amount
       or discount < 0 or credits < 0 or cash < 0 or billed < 0 or credit_line < 0`,
  chargeAllocations: () => sql`select * from (
      select c.id, c.discount, c.credits,
        coalesce(sum(case when a.step = 0 then a.amount end), 0)::int8 as d,
        coalesce(sum(case when a.step > 0 then a.amount end), 0)::int8 as k,
        count(case when a.step = 0 then 1 end) as discounts
      from charges c left join charge_allocations a on a.charge_id = c.id
      group by c.id) x
    where d <> discount or k <> credits or discounts > 1`,
  creditUsedAllocations: () => sql`select * from (
      select c.id, c.used, coalesce(sum(a.amount), 0)::int8 as allocated
      from credits c left join charge_allocations a on a.credit_id = c.id
      group by c.id) x
    where allocated <> used`,
  allocationValidity: () => sql`select a.charge_id, a.credit_id, ch.at, cr.issued_at, cr.expires_at
    from charge_allocations a join charges ch on ch.id = a.charge_id join credits cr on cr.id = a.credit_id
    where ch.at < cr.issued_at or ch.at >= cr.expires_at or ch.account_id <> cr.account_id`,
  chargeLedger: () => sql`select * from (
      select c.id, c.discount + c.credits as credit_paid, c.cash + c.billed + c.credit_line as oop,
        coalesce(sum(case when t.type = 'ad_credit' then t.amount end), 0)::int8 as tx_credit,
        coalesce(sum(case when t.type in ('cash', 'billed', 'credit_line') then t.amount end), 0)::int8 as tx_oop
      from charges c left join transactions t on t.charge_id = c.id
      group by c.id) x
    where tx_credit <> credit_paid or tx_oop <> oop`,
  creditLedger: () => sql`select * from (
      select c.id, c.amount, c.forfeited,
        coalesce(sum(case when t.type = 'credit_issued' then t.amount end), 0)::int8 as issued,
        count(case when t.type = 'credit_issued' then 1 end) as issues,
        coalesce(sum(case when t.type in ('credit_expired', 'credit_revoked') then t.amount end), 0)::int8 as lost
      from credits c left join transactions t on t.credit_id = c.id
      group by c.id) x
    where issued <> amount or issues <> 1 or lost <> forfeited`,
  accountBalances: () => sql`select * from (
      select a.id, a.cash_balance, a.amount_due, a.credit_line_used,
        coalesce(sum(case when t.type = 'top_up' then t.amount when t.type = 'cash' then -t.amount end), 0)::int8 as cash,
        coalesce(sum(case when t.type = 'billed' then t.amount when t.type = 'payment' then -t.amount end), 0)::int8 as due,
        coalesce(sum(case when t.type = 'credit_line' then t.amount end), 0)::int8 as line
      from ad_accounts a left join transactions t on t.account_id = a.id
      group by a.id) x
    where cash <> cash_balance or due <> amount_due or line <> credit_line_used`,
  activations: () => sql`select a.id, a.account_id, a.activated_at, a.window_ends_at, a.ended_at, a.qualifying_spend,
      p.restrictions::text as restrictions,
      coalesce((select sum(q.amount) from qualifying_spend q where q.activation_id = a.id), 0)::int8 as counted
    from activations a join promotions p on p.id = a.promotion_id`,
  activationCharges: (p) => sql`select c.id, c.at, c.cash + c.billed + c.credit_line as oop, k.ad_product, q.amount as counted
    from charges c join campaigns k on k.id = c.campaign_id
    left join qualifying_spend q on q.charge_id = c.id and q.activation_id = ${param(p, "id")}
    where c.account_id = ${param(p, "accountId")} and c.at >= ${param(p, "from")} and c.at <= ${param(p, "end")}`,
  activationOutside: (p) => sql`select q.charge_id from qualifying_spend q join charges c on c.id = q.charge_id
    where q.activation_id = ${param(p, "id")}
      and (c.account_id <> ${param(p, "accountId")} or c.at < ${param(p, "from")} or c.at > ${param(p, "end")})`,
};

/** The audit's text columns; every other column it reads is a number. */
const auditText = ["id", "charge_id", "credit_id", "account_id", "status", "ad_product", "restrictions"] as const;

/** The driver error behind drizzle's wrapper: Postgres's SQLSTATE and constraint name. */
function pgError(e: unknown): { code?: string; constraint?: string } | undefined {
  for (let c = e; c instanceof Error; c = c.cause) if ("code" in c && typeof c.code === "string") return c as { code: string; constraint?: string };
  return undefined;
}

/** A unique key another transaction took first, while this one was deciding (SQLSTATE 23505). */
const keyTaken = (e: unknown) => pgError(e)?.code === "23505";

/**
 * What a store and its transactions share: account time zones (set at creation, never changed). Make one
 * store per database and keep it; after emptying a database (resetPglite), make a new one.
 */
type Shared = { timeZones: Map<string, string>; moves: Promise<void> };

/** The advisory lock key clock moves hold (any fixed bigint; no other lock in this database uses one). */
const MOVE_LOCK = 1_207_004;

export class PgStore implements Store {
  private readonly pendingTotals = new Map<string, PendingTotal>();

  constructor(
    private readonly db: AnyPgDb,
    private readonly shared: Shared = { timeZones: new Map(), moves: Promise.resolve() },
    /** 0 outside a transaction, 1 in one, more in savepoints. */
    private readonly depth = 0,
  ) {}

  // Transactions.

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.depth > 0) {
      // The enclosing transaction's totals so far are its own, not the savepoint's to roll back.
      await this.writeDailyTotals();
      return this.db.transaction((tx) => this.run(tx, fn));
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction((tx) => this.run(tx, fn), { isolationLevel: "read committed" });
      } catch (e) {
        // Another transaction committed the same key first (another account's charge with this charge id,
        // two accounts created with one id): run again, after it, to answer as the serial order would (a
        // replay, `already_exists`). Everything this attempt wrote was rolled back.
        if (attempt < 3 && keyTaken(e)) continue;
        throw e;
      }
    }
  }

  private async run<T>(tx: AnyPgDb, fn: (tx: Store) => Promise<T>): Promise<T> {
    const inner = new PgStore(tx, this.shared, this.depth + 1);
    const out = await fn(inner);
    await inner.writeDailyTotals();
    return out;
  }

  /** Writes the daily totals gathered since the last call, in the order they were first added. */
  private async writeDailyTotals() {
    if (this.pendingTotals.size === 0) return;
    const rows = [...this.pendingTotals.values()];
    this.pendingTotals.clear();
    await this.db
      .insert(dailyTotals)
      .values(rows)
      .onConflictDoUpdate({
        target: [dailyTotals.accountId, dailyTotals.day, dailyTotals.type, dailyTotals.campaignId, dailyTotals.creditId],
        set: { count: sql`${dailyTotals.count} + excluded.count`, amount: sql`${dailyTotals.amount} + excluded.amount` },
      });
  }

  /**
   * Raw SQL's rows with every column but `text` as numbers: node-postgres returns bigint as a string
   * (drizzle's per-query type parsers override the pool's), PGlite as a number.
   */
  private async rows<T>(query: SQL, text: readonly string[] = []): Promise<T[]> {
    const { rows } = (await this.db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
    for (const row of rows)
      for (const [k, v] of Object.entries(row)) if (typeof v === "string" && !text.includes(k)) row[k] = Number(v);
    return rows as T[];
  }

  private async timeZone(accountId: string): Promise<string> {
    let zone = this.shared.timeZones.get(accountId);
    if (zone === undefined) {
      const [row] = await this.db.select({ zone: adAccounts.timeZone }).from(adAccounts).where(eq(adAccounts.id, accountId));
      zone = row!.zone;
      this.shared.timeZones.set(accountId, zone);
    }
    return zone;
  }

  /** Adds ledger rows to their days' totals (below). */
  private addToTotals(rows: readonly (LedgerRow & { timeZone: string })[]) {
    for (const r of rows) this.addToTotal({ ...r, creditId: r.creditId ?? "", campaignId: r.campaignId ?? "" }, r.timeZone);
  }

  /** Adds a ledger row to its day's total, written before the transaction (or savepoint) ends. */
  private addToTotal(r: { accountId: string; type: TransactionType; amount: number; at: number; creditId: string; campaignId: string }, zone: string) {
    const day = ledgerDay(r.at, zone);
    const key = `${r.accountId}\0${day}\0${r.type}\0${r.campaignId}\0${r.creditId}`;
    const total = this.pendingTotals.get(key);
    if (total) {
      total.count++;
      total.amount += r.amount;
    } else
      this.pendingTotals.set(key, { accountId: r.accountId, day, type: r.type, campaignId: r.campaignId, creditId: r.creditId, count: 1, amount: r.amount });
  }

  /** Appends ledger rows in order (one statement), and adds them to their daily totals. */
  private async appendLedger(rows: (LedgerRow & { timeZone: string })[]) {
    if (rows.length === 0) return;
    await this.db.insert(transactions).values(rows.map(ledgerRow));
    this.addToTotals(rows);
    // Outside a transaction nothing else would write them.
    if (this.depth === 0) await this.writeDailyTotals();
  }

  // The clock.

  async clockNow() {
    const [row] = await this.db.select({ now: sandboxClock.now }).from(sandboxClock).where(eq(sandboxClock.id, 1));
    return row?.now;
  }
  async clockForUpdate() {
    const [row] = await this.db.select({ now: sandboxClock.now }).from(sandboxClock).where(eq(sandboxClock.id, 1)).for("no key update");
    return row?.now;
  }
  async initClock(now: number) {
    await this.db.insert(sandboxClock).values({ id: 1, now }).onConflictDoNothing();
  }
  async setClock(now: number) {
    await this.db.update(sandboxClock).set({ now }).where(eq(sandboxClock.id, 1));
  }
  async clockMove() {
    const [row] = await this.db
      .select({ now: sandboxClock.now, move: sandboxClock.move })
      .from(sandboxClock)
      .where(eq(sandboxClock.id, 1))
      .for("no key update");
    return row;
  }
  async setClockMove(now: number, move: ClockMove | null) {
    await this.db.update(sandboxClock).set({ now, move }).where(eq(sandboxClock.id, 1));
  }

  async moveInSteps<T>(fn: (step: MoveStep) => Promise<T>): Promise<T> {
    // Inside a transaction the steps are part of it, which already holds the clock once it has read it.
    if (this.depth > 0) return fn((run) => run(this));
    return this.oneMoveAtATime(fn);
  }

  /**
   * Runs `fn` while no other move runs, with `step` running each step as a transaction. On a server, a
   * session advisory lock held for the whole move on a connection of its own, which the steps run on too:
   * a second move (from any process) waits for the lock, a process that dies ends its session and so
   * frees it, and a move needs no second connection from the pool (which moves waiting for the lock could
   * have taken). PGlite is one session, where an advisory lock would admit every move of the process at
   * once, and nothing else can reach it: a promise chain orders its moves.
   */
  private async oneMoveAtATime<T>(fn: (step: MoveStep) => Promise<T>): Promise<T> {
    const client = (this.db as { $client?: unknown }).$client;
    if (client instanceof Pool) {
      const session = await client.connect();
      let unlocked = false;
      try {
        await session.query("select pg_advisory_lock($1)", [MOVE_LOCK]);
        try {
          const onSession = new PgStore(drizzle({ client: session, schema }), this.shared);
          return await fn((run) => onSession.transaction(run));
        } finally {
          await session.query("select pg_advisory_unlock($1)", [MOVE_LOCK]);
          unlocked = true;
        }
      } finally {
        // A session that could not unlock is closed, which unlocks it.
        session.release(!unlocked);
      }
    }
    const before = this.shared.moves;
    let done!: () => void;
    this.shared.moves = new Promise<void>((resolve) => (done = resolve));
    await before;
    try {
      return await fn((run) => this.transaction(run));
    } finally {
      done();
    }
  }

  // Accounts.

  async accountForUpdate(id: string) {
    const [row] = await this.db.select().from(adAccounts).where(eq(adAccounts.id, id)).for("no key update");
    return row;
  }
  /** Holds the account's row; a campaign, credit or activation is read after this, so it is current. */
  private async lockAccount(id: string) {
    await this.db.select({ id: adAccounts.id }).from(adAccounts).where(eq(adAccounts.id, id)).for("no key update");
  }
  async accountExists(id: string) {
    return (await this.db.select({ id: adAccounts.id }).from(adAccounts).where(eq(adAccounts.id, id))).length > 0;
  }
  async insertAccount(row: Parameters<Store["insertAccount"]>[0]) {
    const [account] = await this.db.insert(adAccounts).values(row).returning();
    this.shared.timeZones.set(account!.id, account!.timeZone);
    return account!;
  }
  async setCashBalance(accountId: string, cashBalance: number) {
    await this.db.update(adAccounts).set({ cashBalance }).where(eq(adAccounts.id, accountId));
  }
  async setFrozen(accountId: string, frozen: boolean) {
    await this.db.update(adAccounts).set({ frozen }).where(eq(adAccounts.id, accountId));
  }
  async setPaymentMethodLinked(accountId: string, linked: boolean) {
    await this.db.update(adAccounts).set({ paymentMethod: linked }).where(eq(adAccounts.id, accountId));
  }
  async saveCard(accountId: string, card: Parameters<Store["saveCard"]>[1], linkedAt: number) {
    const row = { ...card, accountId, linkedAt };
    await this.db.insert(paymentMethods).values(row).onConflictDoUpdate({ target: paymentMethods.accountId, set: row });
  }
  async removeCard(accountId: string) {
    await this.db.delete(paymentMethods).where(eq(paymentMethods.accountId, accountId));
  }
  async accountsWithAmountDue() {
    // Locked in id order; a charge that committed meanwhile is seen (the WHERE is checked again on the locked row).
    return this.db
      .select({ id: adAccounts.id, amountDue: adAccounts.amountDue })
      .from(adAccounts)
      .where(and(eq(adAccounts.billing, "automatic"), gt(adAccounts.amountDue, 0)))
      .orderBy(asc(adAccounts.id))
      .for("no key update");
  }
  async clearAmountDue(accountId: string) {
    await this.db.update(adAccounts).set({ amountDue: 0 }).where(eq(adAccounts.id, accountId));
  }

  // Campaigns.

  async campaign(id: string) {
    const [row] = await this.db.select().from(campaigns).where(eq(campaigns.id, id));
    return row;
  }
  async campaignForUpdate(id: string) {
    const found = await this.campaign(id);
    if (!found) return undefined;
    await this.lockAccount(found.accountId);
    // Read again: its status or budget may have changed while the account was held by another operation.
    return this.campaign(id);
  }
  async campaignExists(id: string) {
    return (await this.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, id))).length > 0;
  }
  async campaignsByIds(ids: string[]) {
    return this.db.select().from(campaigns).where(inArray(campaigns.id, ids));
  }
  async insertCampaign(row: Parameters<Store["insertCampaign"]>[0]) {
    await this.db.insert(campaigns).values(row);
  }
  async setCampaignStatus(id: string, status: Parameters<Store["setCampaignStatus"]>[1]) {
    await this.db.update(campaigns).set({ status }).where(eq(campaigns.id, id));
  }
  async setDailyBudget(id: string, dailyBudget: number) {
    await this.db.update(campaigns).set({ dailyBudget }).where(eq(campaigns.id, id));
  }
  async pauseActiveCampaigns(accountId: string) {
    const rows = await this.db
      .update(campaigns)
      .set({ status: "paused" })
      .where(and(eq(campaigns.accountId, accountId), eq(campaigns.status, "active")))
      .returning({ id: campaigns.id });
    return rows.map((c) => c.id).sort();
  }
  async deliveringCampaigns(): Promise<StoredCampaign[]> {
    return this.db
      .select({
        id: campaigns.id,
        accountId: campaigns.accountId,
        adProduct: campaigns.adProduct,
        status: campaigns.status,
        dailyBudget: campaigns.dailyBudget,
      })
      .from(campaigns)
      .where(and(eq(campaigns.status, "active"), gt(campaigns.dailyBudget, 0)))
      .orderBy(asc(campaigns.id));
  }

  // Promotions and codes.

  async promotion(id: string) {
    const [row] = await this.db.select().from(promotions).where(eq(promotions.id, id));
    return row;
  }
  async promotionForUpdate(id: string) {
    const [row] = await this.db.select().from(promotions).where(eq(promotions.id, id)).for("no key update");
    return row;
  }
  async promotionExists(id: string) {
    return (await this.db.select({ id: promotions.id }).from(promotions).where(eq(promotions.id, id))).length > 0;
  }
  async insertPromotion(row: Parameters<Store["insertPromotion"]>[0], tiers: Tier[]) {
    await this.db.insert(promotions).values(row);
    if (row.kind === "ladder" && tiers.length > 0)
      await this.db
        .insert(promotionTiers)
        .values(tiers.map((t, idx) => ({ promotionId: row.id, idx, spend: t.spend, reward: t.reward })));
  }
  async autoActivatingPromotions() {
    return this.db.select().from(promotions).where(eq(promotions.autoActivate, true)).orderBy(asc(promotions.id));
  }
  async tiers(promotionId: string) {
    return this.db
      .select({ spend: promotionTiers.spend, reward: promotionTiers.reward })
      .from(promotionTiers)
      .where(eq(promotionTiers.promotionId, promotionId))
      .orderBy(asc(promotionTiers.idx));
  }
  async codeForUpdate(code: string) {
    const [row] = await this.db.select().from(promoCodes).where(eq(promoCodes.code, code)).for("no key update");
    return row;
  }
  async codeExists(code: string) {
    return (await this.db.select({ code: promoCodes.code }).from(promoCodes).where(eq(promoCodes.code, code))).length > 0;
  }
  async insertCode(row: Parameters<Store["insertCode"]>[0]) {
    await this.db.insert(promoCodes).values(row);
  }
  async redemptionCount(code: string) {
    const [row] = await this.db.select({ n: count() }).from(redemptions).where(eq(redemptions.code, code));
    return row?.n ?? 0;
  }
  async hasRedeemed(code: string, accountId: string) {
    const rows = await this.db
      .select({ id: redemptions.id })
      .from(redemptions)
      .where(and(eq(redemptions.code, code), eq(redemptions.accountId, accountId)));
    return rows.length > 0;
  }
  async insertRedemption(row: Parameters<Store["insertRedemption"]>[0]) {
    await this.db.insert(redemptions).values(row);
  }

  // Activations.

  async activationExists(id: string) {
    return (await this.db.select({ id: activations.id }).from(activations).where(eq(activations.id, id))).length > 0;
  }
  async insertActivation(row: Parameters<Store["insertActivation"]>[0]) {
    await this.db.insert(activations).values(row);
  }
  async exclusiveActivation(accountId: string) {
    const [row] = await this.db
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
      .limit(1);
    return row;
  }
  private async activationWithPromotion(id: string) {
    const [row] = await this.db
      .select({ a: activations, p: promotions })
      .from(activations)
      .innerJoin(promotions, eq(promotions.id, activations.promotionId))
      .where(eq(activations.id, id));
    return row;
  }
  async activationForUpdate(id: string) {
    const found = await this.activationWithPromotion(id);
    if (!found) return undefined;
    await this.lockAccount(found.a.accountId);
    return this.activationWithPromotion(id);
  }
  async endLadder(id: string, end: { endedAt: number; rewardDueAt: number | null }) {
    await this.db
      .update(activations)
      .set(
        end.rewardDueAt === null
          ? { status: "expired", endedAt: end.endedAt }
          : { status: "qualified", endedAt: end.endedAt, rewardDueAt: end.rewardDueAt },
      )
      .where(eq(activations.id, id));
  }
  async markRewarded(id: string, rewardCreditId: string) {
    await this.db.update(activations).set({ status: "rewarded", rewardCreditId }).where(eq(activations.id, id));
  }
  async waitingRewards(accountId: string, now: number) {
    const rows = await this.db
      .select({ id: activations.id })
      .from(activations)
      .where(and(eq(activations.accountId, accountId), eq(activations.status, "qualified"), lte(activations.rewardDueAt, now)))
      .orderBy(asc(activations.rewardDueAt), asc(activations.id));
    return rows.map((r) => r.id);
  }
  async revokeActivations(accountId: string, now: number) {
    // A qualified activation stopped earning when it completed; only an earning one stops now.
    await this.db
      .update(activations)
      .set({ status: "revoked", endedAt: sql`coalesce(${activations.endedAt}, ${now})` })
      .where(and(eq(activations.accountId, accountId), inArray(activations.status, ["earning", "qualified"])));
  }

  // Credits.

  async creditExists(id: string) {
    return (await this.db.select({ id: credits.id }).from(credits).where(eq(credits.id, id))).length > 0;
  }
  async credit(id: string) {
    const [row] = await this.db.select().from(credits).where(eq(credits.id, id));
    return row;
  }
  async creditForUpdate(id: string) {
    const found = await this.credit(id);
    if (!found) return undefined;
    await this.lockAccount(found.accountId);
    return this.credit(id);
  }
  async insertCredit(row: Parameters<Store["insertCredit"]>[0]) {
    await this.db.insert(credits).values({ ...row, used: 0, unused: row.amount, forfeited: 0, status: "active" });
  }
  async activeCredits(accountId: string) {
    return this.db
      .select()
      .from(credits)
      .where(and(eq(credits.accountId, accountId), eq(credits.status, "active")))
      .orderBy(asc(credits.id));
  }
  async forfeitCredit(id: string, status: Parameters<Store["forfeitCredit"]>[1]) {
    await this.db
      .update(credits)
      .set({ status, forfeited: sql`${credits.forfeited} + ${credits.unused}`, unused: 0 })
      .where(eq(credits.id, id));
  }

  // Assignments.

  async assignedCampaignIds(creditId: string) {
    // SQLite answers in the primary key's order (credit, campaign); so does this.
    const rows = await this.db
      .select({ id: assignments.campaignId })
      .from(assignments)
      .where(eq(assignments.creditId, creditId))
      .orderBy(asc(assignments.campaignId));
    return rows.map((r) => r.id);
  }
  async changeAssignments(c: Parameters<Store["changeAssignments"]>[0]) {
    for (const campaignId of c.campaignIds) {
      if (c.action === "assign") await this.db.insert(assignments).values({ creditId: c.creditId, campaignId, assignedAt: c.at });
      else
        await this.db
          .delete(assignments)
          .where(and(eq(assignments.creditId, c.creditId), eq(assignments.campaignId, campaignId)));
      await this.db
        .insert(assignmentLog)
        .values({ creditId: c.creditId, campaignId, action: c.action, actorRole: c.actorRole, actorUserId: c.actorUserId, at: c.at });
    }
  }

  // Appeals.

  async pendingAppeal(accountId: string) {
    const [row] = await this.db
      .select()
      .from(appeals)
      .where(and(eq(appeals.accountId, accountId), eq(appeals.status, "pending")))
      .orderBy(asc(appeals.id))
      .limit(1);
    return row;
  }
  async insertAppeal(row: { accountId: string; filedAt: number; reason: string | null }) {
    const [inserted] = await this.db.insert(appeals).values({ ...row, status: "pending" }).returning({ id: appeals.id });
    return inserted!.id;
  }
  async resolveAppeal(id: number, status: Parameters<Store["resolveAppeal"]>[1], at: number) {
    await this.db.update(appeals).set({ status, resolvedAt: at }).where(eq(appeals.id, id));
  }
  async closePendingAppeals(accountId: string, status: Parameters<Store["closePendingAppeals"]>[1], at: number) {
    await this.db
      .update(appeals)
      .set({ status, resolvedAt: at })
      .where(and(eq(appeals.accountId, accountId), eq(appeals.status, "pending")));
  }

  // The ledger.

  async appendTransaction(row: LedgerRow) {
    await this.appendLedger([{ ...row, timeZone: await this.timeZone(row.accountId) }]);
  }

  // Charges and due events.

  async chargesByIds(ids: string[]) {
    const out = new Map<string, StoredCharge>();
    if (ids.length === 0) return out;
    const rows = await this.db.select(storedChargeColumns).from(charges).where(inArray(charges.id, ids));
    for (const c of rows) out.set(c.id, c);
    return out;
  }

  async chargeOrCampaign(chargeId: string, campaignId: string) {
    // Hold the campaign's account (a campaign never changes account), then read the campaign and any
    // charge of this id in one statement: after the lock, READ COMMITTED's next statement sees every
    // operation on the account that committed before, a charge with this id among them. Two round trips.
    const locked = await this.rows<{ id: string }>(
      sql`select id from ad_accounts where id = (select account_id from campaigns where id = ${campaignId}) for no key update`,
      ["id"],
    );
    // No campaign when the lock looked (one created since is answered as if this charge came first, as the
    // serial order allows: its status was not read under the lock), but the charge id may still be taken.
    if (locked.length === 0) {
      const seen = (await this.chargesByIds([chargeId])).get(chargeId);
      return seen ? { seen } : { campaign: undefined };
    }
    const [row] = await this.db
      .select({ campaign: campaigns, seen: storedChargeColumns })
      .from(campaigns)
      .leftJoin(charges, eq(charges.id, chargeId))
      .where(eq(campaigns.id, campaignId));
    return row!.seen ? { seen: row!.seen } : { campaign: row!.campaign };
  }

  async accountBooks(accountIds: string[], t: number) {
    const out = new Map<string, AccountBookRows>();
    if (accountIds.length === 0) return out;
    // One statement locks them all, in id order (the order every other multi-account lock takes).
    const accounts = await this.db
      .select()
      .from(adAccounts)
      .where(inArray(adAccounts.id, accountIds))
      .orderBy(asc(adAccounts.id))
      .for("no key update");
    // A frozen account's credits pay for nothing (R1): no need to load them. The candidates, assignments
    // and earning activations come in one statement, as JSON: one round trip after the lock, not three.
    const open = accounts.filter((a) => !a.frozen).map((a) => a.id);
    const ids = (list: string[]) => sql`(select jsonb_array_elements_text(${jsonParam(list)}::jsonb))`;
    const [books] = await this.rows<{
      candidates: (CandidateCredit & { accountId: string })[];
      assigned: { accountId: string; campaignId: string; creditId: string }[];
      earning: (EarningActivation & { accountId: string })[];
    }>(sql`select
      coalesce((select json_agg(json_build_object('id', c.id, 'accountId', c.account_id, 'type', c.type, 'currency', c.currency,
          'percent', c.percent, 'used', c.used, 'unused', c.unused, 'status', c.status, 'issuedAt', c.issued_at,
          'expiresAt', c.expires_at, 'restrictions', c.restrictions, 'requirement', c.requirement))
        from credits c
        where c.account_id in ${ids(open)} and c.status = 'active' and c.issued_at <= ${t} and c.expires_at > ${t}), '[]') as candidates,
      coalesce((select json_agg(json_build_object('accountId', c.account_id, 'campaignId', s.campaign_id, 'creditId', s.credit_id))
        from assignments s join credits c on c.id = s.credit_id
        where c.account_id in ${ids(open)}), '[]') as assigned,
      coalesce((select json_agg(json_build_object('accountId', v.account_id, 'id', v.id, 'promotionId', v.promotion_id,
          'qualifyingSpend', v.qualifying_spend, 'restrictions', p.restrictions, 'rewardDelayHours', p.reward_delay_hours) order by v.id)
        from activations v join promotions p on p.id = v.promotion_id
        where v.account_id in ${ids(accountIds)} and v.status = 'earning' and v.activated_at <= ${t} and v.window_ends_at > ${t}),
        '[]') as earning`);
    const { candidates, assigned, earning } = books!;
    // In the order asked for, as SQLite's adapter answers.
    const byId = new Map(accounts.map((a) => [a.id, a]));
    for (const id of accountIds) {
      const account = byId.get(id);
      if (!account || out.has(id)) continue;
      const campaignsOf = new Map<string, Set<string>>();
      for (const r of assigned)
        if (r.accountId === id) {
          let set = campaignsOf.get(r.campaignId);
          if (!set) campaignsOf.set(r.campaignId, (set = new Set()));
          set.add(r.creditId);
        }
      out.set(id, {
        account,
        candidates: account.frozen ? [] : candidates.filter((c) => c.accountId === id),
        assigned: campaignsOf,
        earning: earning.filter((a) => a.accountId === id).map(({ accountId: _, ...a }): EarningActivation => a),
      });
    }
    return out;
  }

  /**
   * Everything a batch of charges writes, in one statement (one round trip): each table's rows travel as
   * one JSON parameter, inserted in their order (`with ordinality`, so identity ids follow it as a
   * multi-row insert's do), and the daily totals gathered so far go with them. The sub-statements of one
   * statement see one snapshot, so none reads another's rows; they write different rows, each at most once
   * (the batch holds one balance per account and one progress per activation: the last, if it held more),
   * and foreign keys are checked once the statement is done, when every row is in.
   */
  async writeCharges(w: ChargeWrites) {
    this.addToTotals(w.ledger);
    const totals = [...this.pendingTotals.values()];
    this.pendingTotals.clear();
    const balances = [...new Map(w.balances.map((b) => [b.accountId, b])).values()];
    const progress = [...new Map(w.progress.map((p) => [p.id, p])).values()];
    if (w.charges.length + w.allocations.length + w.ledger.length + w.qualifying.length + w.spent.size + balances.length + progress.length + totals.length === 0)
      return;
    // A JSON array's elements as rows of the given columns, `e.n` their place in it.
    const from = (rows: object[], columns: string) =>
      sql`jsonb_array_elements(${jsonParam(rows)}::jsonb) with ordinality as e(v, n) cross join lateral jsonb_to_record(e.v) as r(${sql.raw(columns)})`;
    const ledger = w.ledger.map(ledgerRow);
    await this.db.execute(sql`with
      new_charges as (
        insert into charges (id, account_id, campaign_id, amount, at, discount, credits, cash, billed, credit_line)
        select r."id", r."accountId", r."campaignId", r."amount", r."at", r."discount", r."credits", r."cash", r."billed", r."creditLine"
        from ${from(w.charges, `"id" text, "accountId" text, "campaignId" text, "amount" int8, "at" int8, "discount" int8, "credits" int8, "cash" int8, "billed" int8, "creditLine" int8`)}
        order by e.n),
      new_allocations as (
        insert into charge_allocations (charge_id, credit_id, amount, step)
        select r."chargeId", r."creditId", r."amount", r."step"
        from ${from(w.allocations, `"chargeId" text, "creditId" text, "amount" int8, "step" int4`)}
        order by e.n),
      new_ledger as (
        insert into transactions (account_id, type, amount, at, credit_id, campaign_id, charge_id)
        select r."accountId", r."type", r."amount", r."at", r."creditId", r."campaignId", r."chargeId"
        from ${from(ledger, `"accountId" text, "type" text, "amount" int8, "at" int8, "creditId" text, "campaignId" text, "chargeId" text`)}
        order by e.n),
      new_qualifying as (
        insert into qualifying_spend (activation_id, charge_id, amount)
        select r."activationId", r."chargeId", r."amount"
        from ${from(w.qualifying, `"activationId" text, "chargeId" text, "amount" int8`)}
        order by e.n),
      spent as (
        update credits set used = credits.used + r.amount, unused = credits.unused - r.amount,
          status = case when credits.unused - r.amount = 0 then 'exhausted' else credits.status end
        from ${from([...w.spent].map(([id, amount]) => ({ id, amount })), `"id" text, "amount" int8`)}
        where credits.id = r."id"),
      balances as (
        update ad_accounts set cash_balance = r."cashBalance", amount_due = r."amountDue", credit_line_used = r."creditLineUsed",
          prior_paid_history = true
        from ${from(balances, `"accountId" text, "cashBalance" int8, "amountDue" int8, "creditLineUsed" int8`)}
        where ad_accounts.id = r."accountId"),
      progress as (
        update activations set qualifying_spend = r."spend", tier_reached = r."tier", status = r."status",
          ended_at = coalesce(r."endedAt", activations.ended_at), reward_due_at = coalesce(r."rewardDueAt", activations.reward_due_at)
        from ${from(progress, `"id" text, "spend" int8, "tier" int4, "status" text, "endedAt" int8, "rewardDueAt" int8`)}
        where activations.id = r."id"),
      totals as (
        insert into daily_totals (account_id, day, type, campaign_id, credit_id, count, amount)
        select r."accountId", r."day", r."type", r."campaignId", r."creditId", r."count", r."amount"
        from ${from(totals, `"accountId" text, "day" text, "type" text, "campaignId" text, "creditId" text, "count" int8, "amount" int8`)}
        order by e.n
        on conflict (account_id, day, type, campaign_id, credit_id)
        do update set count = daily_totals.count + excluded.count, amount = daily_totals.amount + excluded.amount)
      select 1`);
  }

  async nextDue(until: number): Promise<NextDue> {
    const [completion] = await this.db
      .select({ id: activations.id, t: activations.windowEndsAt })
      .from(activations)
      .where(and(eq(activations.status, "earning"), lte(activations.windowEndsAt, until)))
      .orderBy(asc(activations.windowEndsAt), asc(activations.id))
      .limit(1);
    const [reward] = await this.db
      .select({ id: activations.id, t: sql<number>`${activations.rewardDueAt}`.mapWith(Number) })
      .from(activations)
      .innerJoin(adAccounts, eq(adAccounts.id, activations.accountId))
      .where(and(eq(activations.status, "qualified"), lte(activations.rewardDueAt, until), eq(adAccounts.frozen, false)))
      .orderBy(asc(activations.rewardDueAt), asc(activations.id))
      .limit(1);
    const [expiry] = await this.db
      .select({ id: credits.id, t: credits.expiresAt })
      .from(credits)
      .where(and(eq(credits.status, "active"), lte(credits.expiresAt, until)))
      .orderBy(asc(credits.expiresAt), asc(credits.id))
      .limit(1);
    return { completion, reward, expiry };
  }

  // The audit.

  async auditRows(check: AuditQuery, params?: Params) {
    return this.rows<AuditRow>(auditSql[check](params), auditText);
  }
  async appendOnlyGuards() {
    const rows = await this.rows<{ name: string }>(sql`select tgname::text as name from pg_trigger where not tgisinternal order by 1`, ["name"]);
    return rows.map((r) => r.name);
  }
  async dailyTotalMismatches(): Promise<DailyTotalMismatch[]> {
    // Which day each ledger row counts on is the account's time zone's business (rules/zoned-date), as on
    // SQLite: the days each account's rows span are worked out here and joined as a JSON recordset.
    const accounts = await this.rows<{ id: string; timeZone: string; first: number; last: number }>(
      sql`select a.id, a.time_zone as "timeZone", min(t.at) as first, max(t.at) as last
          from ad_accounts a join transactions t on t.account_id = a.id group by a.id`,
      ["id", "timeZone"],
    );
    const spans: { account_id: string; start: number; end: number; day: string }[] = [];
    for (const a of accounts)
      for (let day = zonedIsoDate(a.first, a.timeZone); ; ) {
        const start = startOfZonedDay(day, a.timeZone);
        const end = startOfZonedDay(day, a.timeZone, 1);
        spans.push({ account_id: a.id, start, end, day });
        if (end > a.last) break;
        day = zonedIsoDate(end, a.timeZone);
      }
    const rows = await this.rows<
      Omit<DailyTotalMismatch, "ledger" | "total"> & {
        ledgerCount: number | null;
        ledgerAmount: number | null;
        totalCount: number | null;
        totalAmount: number | null;
      }
    >(sql`with spans as (
        select account_id, start, "end", day collate "C" as day
        from jsonb_to_recordset(${jsonParam(spans)}::jsonb) as s(account_id text, start int8, "end" int8, day text)
      ), ledger as (
        select t.account_id, s.day, t.type, coalesce(t.campaign_id, '') as campaign_id, coalesce(t.credit_id, '') as credit_id,
               count(*) as count, sum(t.amount)::int8 as amount
        from spans s join transactions t on t.account_id = s.account_id and t.at >= s.start and t.at < s."end"
        group by t.account_id, s.day, t.type, coalesce(t.campaign_id, ''), coalesce(t.credit_id, '')
      )
      select coalesce(l.account_id, d.account_id) as "accountId", coalesce(l.day, d.day) as day,
             coalesce(l.type, d.type) as type, coalesce(l.campaign_id, d.campaign_id) as "campaignId",
             coalesce(l.credit_id, d.credit_id) as "creditId",
             l.count as "ledgerCount", l.amount as "ledgerAmount", d.count as "totalCount", d.amount as "totalAmount"
      from ledger l full outer join daily_totals d
        on d.account_id = l.account_id and d.day = l.day and d.type = l.type
       and d.campaign_id = l.campaign_id and d.credit_id = l.credit_id
      where l.count is distinct from d.count or l.amount is distinct from d.amount`,
      ["accountId", "day", "type", "campaignId", "creditId"],
    );
    return rows.map(({ ledgerCount, ledgerAmount, totalCount, totalAmount, ...key }) => ({
      ...key,
      ledger: { count: ledgerCount, amount: ledgerAmount },
      total: { count: totalCount, amount: totalAmount },
    }));
  }
}
