// Bulk ledger history for `npm run bench:scale`, written with SQL alone: years of hourly delivery rows on
// the demo's Northwind Outdoors (its 7 campaigns and its credits), and on 40 other accounts, before the
// demo's own history starts. Then the daily totals are rebuilt from the ledger, as for any old database.
//
// Timing data, not a ledger the engine wrote: the rows name charges that do not exist (the R16 audit would
// say so), and foreign keys are off while they are written.
import type Database from "better-sqlite3";
import { rebuildDailyTotals } from "@/lib/credits/daily-totals";
import { HOUR } from "@/lib/credits/rules/time";

export const SCALE_ACCOUNT = "acc_outdoors";

/** Rows one delivery hour writes on the demo account: per active campaign an ad-credit row, every third a cash row. */
const DEMO_ROWS_PER_HOUR = 10;
const OTHER_ACCOUNTS = 40;
const OTHER_CAMPAIGNS = 5;

export type ScaleResult = { rows: number; demoRows: number; generateMs: number; totalsMs: number; dailyTotals: number };

/**
 * Adds `rows` ledger rows (60% on the demo account) that end where the demo's history begins (`before`),
 * newest last, and rebuilds the daily totals.
 */
export function addLedgerHistory(sqlite: Database.Database, rows: number, before: number): ScaleResult {
  const demoRows = Math.round(rows * 0.6);
  const otherRows = rows - demoRows;
  const start = performance.now();
  const credits = sqlite
    .prepare(`select id from credits where account_id = ? and type <> 'discount' order by id`)
    .pluck()
    .all(SCALE_ACCOUNT) as string[];
  const campaigns = sqlite.prepare(`select id from campaigns where account_id = ? order by id`).pluck().all(SCALE_ACCOUNT) as string[];
  sqlite.pragma("foreign_keys = OFF");
  sqlite.transaction(() => {
    // Other accounts, each with a few campaigns, created directly (bench data, not engine state).
    const account = sqlite.prepare(
      `insert into ad_accounts (id, name, currency, country, time_zone, billing, kind, cash_balance, created_at)
       values (?, ?, 'USD', 'US', 'UTC', 'manual', 'self_serve', 0, ?)`,
    );
    const campaign = sqlite.prepare(
      `insert into campaigns (id, account_id, name, ad_product, status, daily_budget, created_at) values (?, ?, ?, 'in_feed', 'active', 2400, ?)`,
    );
    for (let a = 0; a < OTHER_ACCOUNTS; a++) {
      account.run(`acc_bulk_${a}`, `Bulk account ${a}`, before);
      for (let c = 0; c < OTHER_CAMPAIGNS; c++) campaign.run(`cmp_bulk_${a}_${c}`, `acc_bulk_${a}`, `Bulk campaign ${c}`, before);
    }
    sqlite.exec("create temp table bench_names (kind text, k integer, id text, primary key (kind, k))");
    const name = sqlite.prepare("insert into temp.bench_names values (?, ?, ?)");
    credits.forEach((id, i) => name.run("credit", i, id));
    campaigns.forEach((id, i) => name.run("campaign", i, id));

    // The demo account: DEMO_ROWS_PER_HOUR rows an hour, going back from `before`; ad credit from its
    // credits in turn, cash for every third row.
    const demoHours = Math.ceil(demoRows / DEMO_ROWS_PER_HOUR);
    sqlite
      .prepare(
        `with recursive n(i) as (select 0 union all select i + 1 from n where i < ?)
         insert into transactions (account_id, type, amount, at, credit_id, campaign_id, charge_id)
         select ?, case when n.i % 3 = 2 then 'cash' else 'ad_credit' end, 50 + (n.i * 7919) % 2500,
                ? + (n.i / ${DEMO_ROWS_PER_HOUR}) * ${HOUR},
                case when n.i % 3 = 2 then null else (select id from temp.bench_names where kind = 'credit' and k = n.i % ?) end,
                c.id, c.id || '@' || strftime('%Y-%m-%dT%H:00:00.000Z', (? + (n.i / ${DEMO_ROWS_PER_HOUR}) * ${HOUR}) / 1000, 'unixepoch')
         from n join temp.bench_names c on c.kind = 'campaign' and c.k = n.i % ?`,
      )
      .run(demoRows - 1, SCALE_ACCOUNT, before - demoHours * HOUR, credits.length, before - demoHours * HOUR, campaigns.length);

    // Other accounts: cash rows, the accounts in turn.
    const perHour = OTHER_ACCOUNTS * OTHER_CAMPAIGNS;
    const otherHours = Math.ceil(otherRows / perHour);
    sqlite
      .prepare(
        `with recursive n(i) as (select 0 union all select i + 1 from n where i < ?)
         insert into transactions (account_id, type, amount, at, credit_id, campaign_id, charge_id)
         select 'acc_bulk_' || ((i / ${OTHER_CAMPAIGNS}) % ${OTHER_ACCOUNTS}), 'cash', 100,
                ? + (i / ${perHour}) * ${HOUR}, null,
                'cmp_bulk_' || ((i / ${OTHER_CAMPAIGNS}) % ${OTHER_ACCOUNTS}) || '_' || (i % ${OTHER_CAMPAIGNS}),
                'bulk' || i
         from n`,
      )
      .run(otherRows - 1, before - otherHours * HOUR);
    sqlite.exec("drop table temp.bench_names");
  }).immediate();
  sqlite.pragma("foreign_keys = ON");
  const generateMs = performance.now() - start;
  const t = performance.now();
  sqlite.transaction(() => rebuildDailyTotals(sqlite)).immediate();
  const totalsMs = performance.now() - t;
  const dailyTotals = sqlite.prepare("select count(*) from daily_totals").pluck().get() as number;
  return { rows, demoRows, generateMs, totalsMs, dailyTotals };
}
