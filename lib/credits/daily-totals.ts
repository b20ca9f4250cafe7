// The ledger's daily totals: which day a ledger row counts on, and rebuilding the totals from the rows (for
// a database that predates them, and for bulk-generated benchmark data).
//
// The day is the calendar date in the ad account's time zone, not UTC: the Transactions page shows dates
// in that zone and its date filters mean days there, so a daily total and a one-day filter cover exactly
// the same rows. An account's time zone is set when it is created and never changes.
import type Database from "better-sqlite3";
import { startOfZonedDay, zonedIsoDate } from "./rules/zoned-date";
import type { DailyTotalMismatch } from "./store/store";

type DaySpan = { start: number; end: number; day: string };
const lastSpan = new Map<string, DaySpan>();

/**
 * The day (`YYYY-MM-DD`, in `timeZone`) an instant falls on. Rows arrive in time order, so the span of
 * the last day seen per zone answers almost every call without asking Intl.
 */
export function ledgerDay(ms: number, timeZone: string): string {
  const span = lastSpan.get(timeZone);
  if (span && ms >= span.start && ms < span.end) return span.day;
  const day = zonedIsoDate(ms, timeZone);
  const start = startOfZonedDay(day, timeZone);
  const end = startOfZonedDay(day, timeZone, 1);
  // Where a zone's midnight does not exist the computed start can sit after `ms`: only cache sane spans.
  if (start <= ms && ms < end) lastSpan.set(timeZone, { start, end, day });
  return day;
}

/**
 * Runs `fn` with a temporary table `ledger_day_spans (account_id, start, end, day)` holding, for every
 * account, the days of its time zone that its ledger rows span — so that SQL can put each row on its day.
 */
function withDaySpans<T>(sqlite: Database.Database, fn: () => T): T {
  const accounts = sqlite
    .prepare(
      `select a.id, a.time_zone as timeZone, min(t.at) as first, max(t.at) as last
       from ad_accounts a join transactions t on t.account_id = a.id group by a.id`,
    )
    .all() as { id: string; timeZone: string; first: number; last: number }[];
  sqlite.exec(`drop table if exists temp.ledger_day_spans;
               create temp table ledger_day_spans (account_id text, start integer, end integer, day text);`);
  try {
    const span = sqlite.prepare("insert into temp.ledger_day_spans values (?, ?, ?, ?)");
    for (const a of accounts) {
      for (let day = zonedIsoDate(a.first, a.timeZone); ; ) {
        const start = startOfZonedDay(day, a.timeZone);
        const end = startOfZonedDay(day, a.timeZone, 1);
        span.run(a.id, start, end, day);
        if (end > a.last) break;
        day = zonedIsoDate(end, a.timeZone);
      }
    }
    return fn();
  } finally {
    sqlite.exec("drop table if exists temp.ledger_day_spans");
  }
}

// The ledger's rows summed per account, day, type, campaign and credit. CROSS JOIN keeps the spans
// outside, so each day is one range seek on transactions (account_id, at).
const totalsFromLedger = `
  select t.account_id, s.day, t.type, coalesce(t.campaign_id, '') as campaign_id, coalesce(t.credit_id, '') as credit_id,
         count(*) as count, sum(t.amount) as amount, min(t.id) as first_id
  from temp.ledger_day_spans s
  cross join transactions t on t.account_id = s.account_id and t.at >= s.start and t.at < s.end
  group by t.account_id, s.day, t.type, coalesce(t.campaign_id, ''), coalesce(t.credit_id, '')`;

/**
 * Rebuilds `daily_totals` from the ledger, inside the caller's transaction: for a database whose ledger
 * predates the totals, and for benchmark data written straight into the ledger. Totals are numbered in
 * the order of their first row, as the engine numbers them when it adds rows.
 */
export function rebuildDailyTotals(sqlite: Database.Database) {
  withDaySpans(sqlite, () =>
    sqlite.exec(`
      delete from daily_totals;
      insert into daily_totals (account_id, day, type, campaign_id, credit_id, count, amount)
        select account_id, day, type, campaign_id, credit_id, count, amount from (${totalsFromLedger}) order by first_id;`),
  );
}

/** Daily totals that differ from the sum of their ledger rows (or exist on one side only), for R16's audit. */
export function dailyTotalMismatches(sqlite: Database.Database): DailyTotalMismatch[] {
  return withDaySpans(sqlite, () =>
    (
      sqlite
        .prepare(
          `with ledger as (${totalsFromLedger})
           select coalesce(l.account_id, d.account_id) as accountId, coalesce(l.day, d.day) as day,
                  coalesce(l.type, d.type) as type, coalesce(l.campaign_id, d.campaign_id) as campaignId,
                  coalesce(l.credit_id, d.credit_id) as creditId,
                  l.count as ledgerCount, l.amount as ledgerAmount, d.count as totalCount, d.amount as totalAmount
           from ledger l full outer join daily_totals d
             on d.account_id = l.account_id and d.day = l.day and d.type = l.type
            and d.campaign_id = l.campaign_id and d.credit_id = l.credit_id
           where l.count is not d.count or l.amount is not d.amount`,
        )
        .all() as (Omit<DailyTotalMismatch, "ledger" | "total"> & {
        ledgerCount: number | null;
        ledgerAmount: number | null;
        totalCount: number | null;
        totalAmount: number | null;
      })[]
    ).map(({ ledgerCount, ledgerAmount, totalCount, totalAmount, ...key }) => ({
      ...key,
      ledger: { count: ledgerCount, amount: ledgerAmount },
      total: { count: totalCount, amount: totalAmount },
    })),
  );
}
