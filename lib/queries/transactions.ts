// The Transactions page's read model: one filter, parsed from URL parameters by one zod schema, used by the
// page and by the CSV export, so the export holds exactly the rows the page lists (on all its pages).
import { and, asc, desc, eq, gte, lt, lte, max, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { campaigns, credits, transactions, transactionTypes, type AdAccount, type TransactionType } from "@/db/schema";
import { parseIsoDate, startOfZonedDay } from "./zoned-date";

export const PAGE_SIZE = 50;

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const dateField = (label: string) =>
  z.preprocess(
    blank,
    z
      .string()
      .refine((v) => parseIsoDate(v) !== null, { message: `The ${label} date must be a calendar date like 2026-11-01.` })
      .optional(),
  );

export const transactionFilterSchema = z
  .object({
    type: z.preprocess(
      blank,
      z.enum(transactionTypes, { error: "Choose a transaction type from the list." }).optional(),
    ),
    from: dateField("From"),
    to: dateField("To"),
    campaign: z.preprocess(blank, z.string().max(200, { error: "That campaign id is too long." }).optional()),
    page: z.preprocess(
      blank,
      z.coerce
        .number({ error: "The page must be a whole number." })
        .int({ error: "The page must be a whole number." })
        .min(1, { error: "The page must be 1 or more." })
        .max(1_000_000, { error: "That page is out of range." })
        .default(1),
    ),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "The From date must be on or before the To date.",
    path: ["to"],
  });

export type TransactionFilter = z.infer<typeof transactionFilterSchema>;

/** What the filter means in the database: instants in UTC, the campaign checked against the account. */
export type ResolvedFilter = {
  filter: TransactionFilter;
  type?: TransactionType;
  fromMs?: number;
  toMs?: number;
  campaignId?: string;
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

/**
 * Parses and checks a filter for `account`. Dates are calendar days in the account's time zone: From is
 * inclusive from its midnight, To inclusive to its end.
 */
export function resolveTransactionFilter(db: Db, account: AdAccount, params: URLSearchParams): FilterResult {
  const parsed = transactionFilterSchema.safeParse({
    type: params.get("type"),
    from: params.get("from"),
    to: params.get("to"),
    campaign: params.get("campaign"),
    page: params.get("page"),
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join(" ") };
  const filter = parsed.data;
  if (filter.campaign) {
    const found = db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.id, filter.campaign), eq(campaigns.accountId, account.id)))
      .get();
    if (!found) return { ok: false, message: "That campaign is not in this ad account." };
  }
  return {
    ok: true,
    value: {
      filter,
      type: filter.type,
      fromMs: filter.from ? startOfZonedDay(filter.from, account.timeZone) : undefined,
      toMs: filter.to ? startOfZonedDay(filter.to, account.timeZone, 1) : undefined,
      campaignId: filter.campaign,
    },
  };
}

/** The filter as URL parameters (page left out unless asked for), for links, the form and the export. */
export function filterQuery(accountId: string, filter: Partial<TransactionFilter>, page?: number): string {
  const params = new URLSearchParams({ aadvid: accountId });
  if (filter.type) params.set("type", filter.type);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.campaign) params.set("campaign", filter.campaign);
  if (page && page > 1) params.set("page", String(page));
  return params.toString();
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

function whereOf(accountId: string, f: ResolvedFilter): SQL | undefined {
  return and(
    eq(transactions.accountId, accountId),
    f.type ? eq(transactions.type, f.type) : undefined,
    f.fromMs !== undefined ? gte(transactions.at, f.fromMs) : undefined,
    f.toMs !== undefined ? lt(transactions.at, f.toMs) : undefined,
    f.campaignId ? eq(transactions.campaignId, f.campaignId) : undefined,
  );
}

function selectRows(db: Db) {
  return db
    .select({
      id: transactions.id,
      type: transactions.type,
      amount: transactions.amount,
      at: transactions.at,
      creditId: transactions.creditId,
      creditName: credits.name,
      campaignId: transactions.campaignId,
      campaignName: campaigns.name,
      chargeId: transactions.chargeId,
    })
    .from(transactions)
    .leftJoin(credits, eq(credits.id, transactions.creditId))
    .leftJoin(campaigns, eq(campaigns.id, transactions.campaignId));
}

export function countTransactions(db: Db, accountId: string, f: ResolvedFilter): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(transactions)
      .where(whereOf(accountId, f))
      .get()?.n ?? 0
  );
}

/** One page, newest first (ties: the later-written row first). */
export function transactionPage(db: Db, accountId: string, f: ResolvedFilter, page: number): TransactionRow[] {
  return selectRows(db)
    .where(whereOf(accountId, f))
    .orderBy(desc(transactions.at), desc(transactions.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all();
}

/** The highest transaction id now: an export lists rows up to it, so rows written meanwhile don't slip in. */
export function lastTransactionId(db: Db, accountId: string): number {
  return db.select({ id: max(transactions.id) }).from(transactions).where(eq(transactions.accountId, accountId)).get()?.id ?? 0;
}

export type Cursor = { at: number; id: number };

/** The next `limit` rows after `cursor` in page order (keyset), up to id `upTo`: for streaming the export. */
export function transactionsAfter(
  db: Db,
  accountId: string,
  f: ResolvedFilter,
  cursor: Cursor | null,
  upTo: number,
  limit: number,
): TransactionRow[] {
  const after = cursor
    ? or(lt(transactions.at, cursor.at), and(eq(transactions.at, cursor.at), lt(transactions.id, cursor.id)))
    : undefined;
  return selectRows(db)
    .where(and(whereOf(accountId, f), lte(transactions.id, upTo), after))
    .orderBy(desc(transactions.at), desc(transactions.id))
    .limit(limit)
    .all();
}

/** The campaigns the filter can choose from. */
export function campaignOptions(db: Db, accountId: string) {
  return db
    .select({ id: campaigns.id, name: campaigns.name })
    .from(campaigns)
    .where(eq(campaigns.accountId, accountId))
    .orderBy(asc(campaigns.name))
    .all();
}

/** What a row is, in words: the credit's name, or what the money did. */
export function describeTransaction(row: Pick<TransactionRow, "type" | "creditId" | "creditName">): string {
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
