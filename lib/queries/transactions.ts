// The Transactions page's read model. One filter, parsed from URL parameters by one zod schema, serves the
// page and the CSV export, so the export holds exactly the rows the page lists (on all its pages).
//
// Two views: `daily` (the default) lists the daily totals the engine keeps (one row per day × type ×
// campaign × credit), `all` every ledger row. Both page by keyset — a cursor in the URL naming the last
// row seen — newest first, and count only up to COUNT_CAP, so a page costs the same on page 1 and page
// 100,000, with 50 rows or 50 million. Every filter combination has an index that serves its filter and
// its order (see the transactions and daily_totals indexes in db/schema.ts, and the plan test).
//
// The pages and the export are hand-written SQL, prepared once per text on SQLite (drizzle would build and
// map every row again). PostgreSQL runs the same statements, less SQLite's INDEXED BY and with $n
// parameters (`dialectSql`): its planner picks the same indexes (db/schema.pg.ts has them all).
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { AppDb } from "@/db/app";
import { transactionTypes, type AdAccount, type TransactionType } from "@/db/schema";
import { parseIsoDate, startOfZonedDay } from "@/lib/credits/rules/zoned-date";

export const PAGE_SIZE = 50;
/** Counting stops here: past it the page says "more than 10,000" instead of walking every row. */
export const COUNT_CAP = 10_000;

export const transactionViews = ["daily", "all"] as const;
export type TransactionView = (typeof transactionViews)[number];

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const dateField = (label: string) =>
  z.preprocess(
    blank,
    z
      .string()
      .refine((v) => parseIsoDate(v) !== null, { message: `The ${label} date must be a calendar date like 2026-11-01.` })
      .optional(),
  );
const cursorField = z.preprocess(
  blank,
  z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2}|\d{1,15})\.\d{1,15}$/, { message: "That page link is not valid. Start again from the newest." })
    .optional(),
);

export const transactionFilterSchema = z
  .object({
    view: z.preprocess(blank, z.enum(transactionViews, { error: "Choose Daily totals or Every transaction." }).default("daily")),
    type: z.preprocess(
      blank,
      z.enum(transactionTypes, { error: "Choose a transaction type from the list." }).optional(),
    ),
    from: dateField("From"),
    to: dateField("To"),
    campaign: z.preprocess(blank, z.string().max(200, { error: "That campaign id is too long." }).optional()),
    /** Keyset cursors: the page after (older than) or before (newer than) the named row. */
    after: cursorField,
    before: cursorField,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "The From date must be on or before the To date.",
    path: ["to"],
  })
  .refine((f) => !(f.after && f.before), { message: "That page link is not valid. Start again from the newest.", path: ["before"] });

export type TransactionFilter = z.infer<typeof transactionFilterSchema>;

/** A cursor: the time (`at`, every transaction) or day (daily totals) of the row it names, and its id. */
type Key = { key: number | string; id: number };

/** What the filter means in the database: instants in UTC, days in the account's zone, a checked campaign. */
export type ResolvedFilter = {
  filter: TransactionFilter;
  view: TransactionView;
  type?: TransactionType;
  /** Ledger rows: instants [fromMs, toMs). */
  fromMs?: number;
  toMs?: number;
  /** Daily totals: days [fromDay, toDay] — the same span. */
  fromDay?: string;
  toDay?: string;
  campaignId?: string;
  cursor?: { direction: "after" | "before" } & Key;
};

export type FilterResult = { ok: true; value: ResolvedFilter } | { ok: false; message: string };

/** URL parameters as the page receives them (repeated keys keep their first value). */
export function searchParamsOf(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params.set(key, first);
  }
  return params;
}

function parseCursor(view: TransactionView, value: string): Key | null {
  const [key, id] = value.split(".") as [string, string];
  if (view === "daily") return parseIsoDate(key) ? { key, id: Number(id) } : null;
  return /^\d+$/.test(key) ? { key: Number(key), id: Number(id) } : null;
}

/**
 * Parses and checks a filter for `account`. Dates are calendar days in the account's time zone: From is
 * inclusive from its midnight, To inclusive to its end — the same days the daily totals are kept in.
 */
export async function resolveTransactionFilter(db: AppDb, account: AdAccount, params: URLSearchParams): Promise<FilterResult> {
  const parsed = transactionFilterSchema.safeParse({
    view: params.get("view"),
    type: params.get("type"),
    from: params.get("from"),
    to: params.get("to"),
    campaign: params.get("campaign"),
    after: params.get("after"),
    before: params.get("before"),
  });
  if (!parsed.success) return { ok: false, message: [...new Set(parsed.error.issues.map((i) => i.message))].join(" ") };
  const filter = parsed.data;
  if (filter.campaign) {
    const { campaigns } = db.tables;
    const [found] = await db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.id, filter.campaign), eq(campaigns.accountId, account.id)))
      .limit(1);
    if (!found) return { ok: false, message: "That campaign is not in this ad account." };
  }
  const { view } = filter;
  const raw = filter.after ?? filter.before;
  const key = raw === undefined ? undefined : parseCursor(view, raw);
  if (key === null) return { ok: false, message: "That page link is not valid. Start again from the newest." };
  return {
    ok: true,
    value: {
      filter,
      view,
      type: filter.type,
      fromMs: filter.from ? startOfZonedDay(filter.from, account.timeZone) : undefined,
      toMs: filter.to ? startOfZonedDay(filter.to, account.timeZone, 1) : undefined,
      fromDay: filter.from,
      toDay: filter.to,
      campaignId: filter.campaign,
      cursor: key && { direction: filter.after ? "after" : "before", ...key },
    },
  };
}

/** The filter as URL parameters, for links, the form and the export. Cursors only when given. */
export function filterQuery(
  accountId: string,
  filter: Partial<TransactionFilter>,
  cursor?: { after: string } | { before: string },
): string {
  const params = new URLSearchParams({ aadvid: accountId });
  if (filter.view && filter.view !== "daily") params.set("view", filter.view);
  if (filter.type) params.set("type", filter.type);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.campaign) params.set("campaign", filter.campaign);
  if (cursor && "after" in cursor) params.set("after", cursor.after);
  if (cursor && "before" in cursor) params.set("before", cursor.before);
  return params.toString();
}

/**
 * The WHERE clause of a filter on `transactions t` or `daily_totals t`, always on the account first: the
 * columns every index of both tables leads with.
 */
export function filterSql(accountId: string, f: ResolvedFilter): { where: string; params: (string | number)[] } {
  const where = ["t.account_id = ?"];
  const params: (string | number)[] = [accountId];
  const add = (clause: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(clause);
    params.push(value);
  };
  add("t.type = ?", f.type);
  add("t.campaign_id = ?", f.campaignId);
  if (f.view === "all") {
    add("t.at >= ?", f.fromMs);
    add("t.at < ?", f.toMs);
  } else {
    add("t.day >= ?", f.fromDay);
    add("t.day <= ?", f.toDay);
  }
  return { where: where.join(" and "), params };
}

/** A row's place in its listing's order: the values of the order columns. */
export type Place = (string | number)[];

/**
 * The table a view lists, its order and the index that serves the filter in that order: named (INDEXED
 * BY) rather than left to the planner, which on a cursor with a date range may pick an index that covers
 * the order but not the campaign. A query the index cannot serve then fails loudly instead of scanning.
 *
 * Every transaction: newest first (`at`, then id). Daily totals: newest day first, then within a day by
 * type, campaign and credit (those the filter leaves open), the order of each daily_totals index.
 */
function listing(f: ResolvedFilter) {
  const by = f.campaignId ? (f.type ? "campaign_type_" : "campaign_") : f.type ? "type_" : "";
  if (f.view === "all")
    return { table: `transactions t indexed by transactions_account_${by}at_idx`, first: "t.at", rest: ["t.id"], restDesc: true };
  const rest = [...(f.type ? [] : ["t.type"]), ...(f.campaignId ? [] : ["t.campaign_id"]), "t.credit_id"];
  const index = by === "" ? "daily_totals_key_uq" : `daily_totals_account_${by}day_idx`;
  return { table: `daily_totals t indexed by ${index}`, first: "t.day", rest, restDesc: false };
}

/**
 * Rows after `place` in the listing's order (older), or before it (newer). Written with the first
 * column's range on its own (`at <= ?`), which is what lets SQLite seek the index to the place; the rows
 * that share that first value are then sorted out by the rest.
 */
function beyond(l: ReturnType<typeof listing>, side: "older" | "newer", place: Place) {
  const [first, ...rest] = place;
  const later = (side === "older") === l.restDesc ? "<" : ">";
  const range = side === "older" ? "<" : ">";
  const rowValue = `(${l.rest.join(", ")})`;
  return {
    sql: ` and ${l.first} ${range}= ? and (${l.first} ${range} ? or ${rowValue} ${later} (${rest.map(() => "?").join(", ")}))`,
    params: [first!, first!, ...rest],
  };
}

export type TransactionRow = {
  id: number;
  type: TransactionType;
  amount: number;
  at: number;
  creditId: string | null;
  creditName: string | null;
  campaignId: string | null;
  campaignName: string | null;
  chargeId: string | null;
};

export type DailyTotalRow = {
  id: number;
  day: string;
  type: TransactionType;
  /** How many ledger rows the total sums. */
  count: number;
  amount: number;
  creditId: string | null;
  creditName: string | null;
  campaignId: string | null;
  campaignName: string | null;
};

const columns = {
  // Aliases are quoted: PostgreSQL folds unquoted names to lower case.
  all: `t.id, t.type, t.amount, t.at, t.credit_id as "creditId", cr.name as "creditName", t.campaign_id as "campaignId",
        cp.name as "campaignName", t.charge_id as "chargeId"`,
  // '' is "no campaign" / "no credit" in daily_totals (see db/schema.ts).
  daily: `t.id, t.day, t.type, t.count, t.amount, nullif(t.credit_id, '') as "creditId", cr.name as "creditName",
          nullif(t.campaign_id, '') as "campaignId", cp.name as "campaignName"`,
} as const;

/** The SQL of one page: newest first from the top or after a place, or oldest first before one. */
export function pageSql(accountId: string, f: ResolvedFilter, from: { side: "older" | "newer"; place: Place } | null) {
  const l = listing(f);
  const { where, params } = filterSql(accountId, f);
  const cursor = from ? beyond(l, from.side, from.place) : { sql: "", params: [] };
  // Newest first; the page before a place is read the other way round, from the place up.
  const newestFirst = from?.side !== "newer";
  const dir = (desc: boolean) => (desc === newestFirst ? "desc" : "asc");
  const order = [`${l.first} ${dir(true)}`, ...l.rest.map((c) => `${c} ${dir(l.restDesc)}`)].join(", ");
  return {
    sql: `select ${columns[f.view]} from ${l.table}
          left join credits cr on cr.id = t.credit_id left join campaigns cp on cp.id = t.campaign_id
          where ${where}${cursor.sql} order by ${order} limit ${PAGE_SIZE + 1}`,
    params: [...params, ...cursor.params],
  };
}

/** Counts rows of the filter (newer than a place, when given), stopping at `cap`. */
export function countSql(accountId: string, f: ResolvedFilter, newerThan: Place | null, cap: number) {
  const l = listing(f);
  const { where, params } = filterSql(accountId, f);
  const cursor = newerThan ? beyond(l, "newer", newerThan) : { sql: "", params: [] };
  return {
    sql: `select count(*) from (select 1 from ${l.table} where ${where}${cursor.sql} limit ${cap}) counted`,
    params: [...params, ...cursor.params],
  };
}

export type Page<R> = {
  rows: R[];
  /** 1-based place of the first row in the whole filtered list; null past COUNT_CAP. */
  first: number | null;
  /** How many rows the filter holds; null when more than COUNT_CAP. */
  total: number | null;
  /** Cursor of the newer page (`before=`), null on the newest. */
  newer: string | null;
  /** Cursor of the older page (`after=`), null on the oldest. */
  older: string | null;
};

type Statement = { sql: string; params: (string | number)[] };

/**
 * A statement as the database speaks it. The builders here write SQLite's (`?` parameters, INDEXED BY);
 * PostgreSQL has no INDEXED BY (its planner picks the index) and numbers its parameters.
 */
export function dialectSql(kind: AppDb["kind"], sql: string): string {
  if (kind === "sqlite") return sql;
  let n = 0;
  return sql.replace(/ indexed by \w+/g, "").replace(/\?/g, () => `$${++n}`);
}

/** Runs hand-written statements: prepared (and cached by text) on SQLite, on the pool on PostgreSQL. */
function rawRunner(db: AppDb) {
  if (db.kind === "sqlite") {
    const sqlite = db.sqlite;
    return {
      rows: async <R>(q: Statement) => sqlite.prepare(q.sql).all(...q.params) as R[],
      value: async (q: Statement) => sqlite.prepare(q.sql).pluck().get(...q.params) as number,
      pairs: async (q: Statement) => sqlite.prepare(q.sql).raw().all(...q.params) as [string, string][],
    };
  }
  const { query } = db;
  return {
    rows: <R>(q: Statement) => query<R>(dialectSql("postgres", q.sql), q.params),
    value: async (q: Statement) => (await query<[number]>(dialectSql("postgres", q.sql), q.params, "array"))[0]![0],
    pairs: (q: Statement) => query<[string, string]>(dialectSql("postgres", q.sql), q.params, "array"),
  };
}

async function runPage<R extends { id: number }>(
  db: AppDb,
  accountId: string,
  f: ResolvedFilter,
  placeOf: (r: R) => Place,
  cursorOf: (r: R) => string,
  cursorPlace: Place | null,
): Promise<Page<R>> {
  const raw = rawRunner(db);
  const all = (q: Statement) => raw.rows<R>(q);
  const count = (newerThan: Place | null, cap: number) => raw.value(countSql(accountId, f, newerThan, cap));
  const direction = f.cursor?.direction;
  let rows: R[] = [];
  let hasOlder = false;
  if (cursorPlace && direction === "before") {
    const newer = await all(pageSql(accountId, f, { side: "newer", place: cursorPlace }));
    // Fewer than a page newer than the cursor: that is the top of the list, shown as the first page.
    if (newer.length > PAGE_SIZE) {
      rows = newer.slice(0, PAGE_SIZE).reverse();
      hasOlder = true;
    }
  }
  if (rows.length === 0) {
    const after = cursorPlace && direction === "after" ? { side: "older" as const, place: cursorPlace } : null;
    const found = await all(pageSql(accountId, f, after));
    hasOlder = found.length > PAGE_SIZE;
    rows = found.slice(0, PAGE_SIZE);
  }
  const top = rows[0];
  const newerCount = top ? await count(placeOf(top), COUNT_CAP) : 0;
  const total = await count(null, COUNT_CAP + 1);
  const last = rows[rows.length - 1];
  return {
    rows,
    first: top && newerCount < COUNT_CAP ? newerCount + 1 : null,
    total: total > COUNT_CAP ? null : total,
    newer: top && newerCount > 0 ? cursorOf(top) : null,
    older: last && hasOlder ? cursorOf(last) : null,
  };
}

/** One page of every transaction, newest first (ties: the later-written row first). */
export function transactionPage(db: AppDb, accountId: string, f: ResolvedFilter): Promise<Page<TransactionRow>> {
  const c = f.cursor;
  return runPage<TransactionRow>(
    db,
    accountId,
    { ...f, view: "all" },
    (r) => [r.at, r.id],
    (r) => `${r.at}.${r.id}`,
    c ? [c.key, c.id] : null,
  );
}

type TotalPlace = { day: string; type: string; campaignId: string | null; creditId: string | null };

/** One page of daily totals: newest day first, a day's totals by type, campaign and credit. */
export async function dailyTotalsPage(db: AppDb, accountId: string, f: ResolvedFilter): Promise<Page<DailyTotalRow>> {
  const g: ResolvedFilter = { ...f, view: "daily" };
  const l = listing(g);
  const placeOf = (r: TotalPlace): Place => {
    const values: Record<string, string> = { "t.type": r.type, "t.campaign_id": r.campaignId ?? "", "t.credit_id": r.creditId ?? "" };
    return [r.day, ...l.rest.map((c) => values[c]!)];
  };
  // The cursor names a total by id; its place comes from the row (a cursor for another account's total,
  // or one that no longer exists, starts from the newest).
  const [named] = f.cursor
    ? await rawRunner(db).rows<TotalPlace>({
        sql: `select day, type, nullif(campaign_id, '') as "campaignId", nullif(credit_id, '') as "creditId"
              from daily_totals where id = ? and account_id = ?`,
        params: [f.cursor.id, accountId],
      })
    : [];
  return runPage<DailyTotalRow>(db, accountId, g, placeOf, (r) => `${r.day}.${r.id}`, named ? placeOf(named) : null);
}

/**
 * The export's one statement: every row of the filter, in page order, ids and plain columns only (names
 * come from `namesOf`), so that reading it walks one index and nothing else.
 */
export function exportSql(accountId: string, f: ResolvedFilter) {
  const l = listing(f);
  const { where, params } = filterSql(accountId, f);
  const cols =
    f.view === "all"
      ? "t.id, t.type, t.amount, t.at, t.credit_id, t.campaign_id, t.charge_id"
      : "t.day, t.type, t.count, t.amount, nullif(t.credit_id, ''), nullif(t.campaign_id, '')";
  const order = [`${l.first} desc`, ...l.rest.map((c) => `${c} ${l.restDesc ? "desc" : "asc"}`)].join(", ");
  return { sql: `select ${cols} from ${l.table} where ${where} order by ${order}`, params };
}

/** Names of the account's credits and campaigns, for rows that carry only ids. */
export async function namesOf(db: AppDb, accountId: string) {
  const raw = rawRunner(db);
  const pairs = async (sql: string) => new Map(await raw.pairs({ sql, params: [accountId] }));
  return {
    credits: await pairs("select id, name from credits where account_id = ?"),
    campaigns: await pairs("select id, name from campaigns where account_id = ?"),
  };
}

/** The campaigns the filter can choose from. */
export function campaignOptions(db: AppDb, accountId: string) {
  const { campaigns } = db.tables;
  return db
    .select({ id: campaigns.id, name: campaigns.name })
    .from(campaigns)
    .where(eq(campaigns.accountId, accountId))
    .orderBy(asc(campaigns.name));
}

/** What a row is, in words: the credit's name, or what the money did. */
export function describeTransaction(row: { type: TransactionType; creditId: string | null; creditName: string | null }): string {
  switch (row.type) {
    case "ad_credit":
    case "credit_issued":
    case "credit_expired":
    case "credit_revoked":
      return row.creditName ?? row.creditId ?? "Ad credit";
    case "cash":
      return "Delivery charge paid from cash balance";
    case "billed":
      return "Delivery charge added to amount due";
    case "credit_line":
      return "Delivery charge on credit line";
    case "top_up":
      return "Cash balance top-up";
    case "payment":
      return "Automatic payment of amount due";
  }
}

/** A daily total in words: as a transaction, plural where it sums several charges. */
export function describeDailyTotal(row: Pick<DailyTotalRow, "type" | "count" | "creditId" | "creditName">): string {
  if (row.count === 1) return describeTransaction(row);
  switch (row.type) {
    case "cash":
      return "Delivery charges paid from cash balance";
    case "billed":
      return "Delivery charges added to amount due";
    case "credit_line":
      return "Delivery charges on credit line";
    case "top_up":
      return "Cash balance top-ups";
    case "payment":
      return "Automatic payments of amount due";
    default:
      return describeTransaction(row);
  }
}
