// R16: the ledger invariants, checked on any database. Each violation names the rule part and the ids
// involved. Used by `npm run audit` and after every history in the property tests.
import { sql } from "drizzle-orm";
import type { AdProduct, Restrictions } from "@/db/schema";
import { dailyTotalMismatches } from "./daily-totals";
import { admitsProduct } from "./rules/restrictions";
import type { Tx } from "./tx";

export type Violation = { check: string; ids: string[]; detail: string };

type Row = Record<string, string | number | null>;

function rows(tx: Tx, query: ReturnType<typeof sql>): Row[] {
  return tx.all<Row>(query);
}

const str = (v: unknown) => String(v);

export function audit(tx: Tx): Violation[] {
  const out: Violation[] = [];
  const add = (check: string, ids: unknown[], detail: string) => out.push({ check, ids: ids.map(str), detail });

  for (const r of rows(
    tx,
    sql`select id, amount, used, unused, forfeited from credits
        where used + unused + forfeited <> amount or used < 0 or unused < 0 or forfeited < 0`,
  ))
    add("credit balance", [r.id], `used ${r.used} + unused ${r.unused} + forfeited ${r.forfeited} ≠ amount ${r.amount}`);

  for (const r of rows(
    tx,
    sql`select id, status, unused, forfeited from credits
        where (status = 'active' and unused = 0) or (status <> 'active' and unused <> 0)
           or (status = 'exhausted' and forfeited <> 0)`,
  ))
    add("credit status", [r.id], `status ${r.status} with unused ${r.unused} and forfeited ${r.forfeited}`);

  for (const r of rows(
    tx,
    sql`select id, amount, discount, credits, cash, billed, credit_line from charges
        where discount + credits + cash + billed + credit_line <> amount
           or discount < 0 or credits < 0 or cash < 0 or billed < 0 or credit_line < 0`,
  ))
    add("charge split", [r.id], `discount ${r.discount} + credits ${r.credits} + cash ${r.cash} + billed ${r.billed} + credit line ${r.credit_line} ≠ amount ${r.amount}`);

  for (const r of rows(
    tx,
    sql`select c.id, c.discount, c.credits,
          coalesce(sum(case when a.step = 0 then a.amount end), 0) as d,
          coalesce(sum(case when a.step > 0 then a.amount end), 0) as k,
          count(case when a.step = 0 then 1 end) as discounts
        from charges c left join charge_allocations a on a.charge_id = c.id
        group by c.id having d <> c.discount or k <> c.credits or discounts > 1`,
  ))
    add("charge allocations", [r.id], `allocations give discount ${r.d} and credits ${r.k}; charge says ${r.discount} and ${r.credits} (${r.discounts} discount credits)`);

  for (const r of rows(
    tx,
    sql`select c.id, c.used, coalesce(sum(a.amount), 0) as allocated
        from credits c left join charge_allocations a on a.credit_id = c.id
        group by c.id having allocated <> c.used`,
  ))
    add("credit used = allocations", [r.id], `used ${r.used} but allocations sum to ${r.allocated}`);

  for (const r of rows(
    tx,
    sql`select a.charge_id, a.credit_id, ch.at, cr.issued_at, cr.expires_at
        from charge_allocations a join charges ch on ch.id = a.charge_id join credits cr on cr.id = a.credit_id
        where ch.at < cr.issued_at or ch.at >= cr.expires_at or ch.account_id <> cr.account_id`,
  ))
    add("allocation within validity", [r.charge_id, r.credit_id], `charge at ${r.at} outside credit validity [${r.issued_at}, ${r.expires_at}) or another account`);

  // Transactions are append-only: the database must still refuse changes, and the ledger must agree with
  // the rows it records.
  const triggers = new Set(
    rows(tx, sql`select name from sqlite_master where type = 'trigger'`).map((r) => str(r.name)),
  );
  for (const t of ["transactions_no_update", "transactions_no_delete"])
    if (!triggers.has(t)) add("transactions append-only", [t], "the trigger that refuses changes is missing");

  for (const r of rows(
    tx,
    sql`select c.id, c.discount + c.credits as credit_paid, c.cash + c.billed + c.credit_line as oop,
          coalesce(sum(case when t.type = 'ad_credit' then t.amount end), 0) as tx_credit,
          coalesce(sum(case when t.type in ('cash', 'billed', 'credit_line') then t.amount end), 0) as tx_oop
        from charges c left join transactions t on t.charge_id = c.id
        group by c.id having tx_credit <> credit_paid or tx_oop <> oop`,
  ))
    add("charge ledger", [r.id], `transactions record credit ${r.tx_credit} / out of pocket ${r.tx_oop}; charge has ${r.credit_paid} / ${r.oop}`);

  for (const r of rows(
    tx,
    sql`select c.id, c.amount, c.forfeited,
          coalesce(sum(case when t.type = 'credit_issued' then t.amount end), 0) as issued,
          count(case when t.type = 'credit_issued' then 1 end) as issues,
          coalesce(sum(case when t.type in ('credit_expired', 'credit_revoked') then t.amount end), 0) as lost
        from credits c left join transactions t on t.credit_id = c.id
        group by c.id having issued <> c.amount or issues <> 1 or lost <> c.forfeited`,
  ))
    add("credit ledger", [r.id], `issued ${r.issued} in ${r.issues} transactions for amount ${r.amount}; forfeited ${r.forfeited} but ledger ${r.lost}`);

  for (const r of rows(
    tx,
    sql`select a.id, a.cash_balance, a.amount_due, a.credit_line_used,
          coalesce(sum(case when t.type = 'top_up' then t.amount when t.type = 'cash' then -t.amount end), 0) as cash,
          coalesce(sum(case when t.type = 'billed' then t.amount when t.type = 'payment' then -t.amount end), 0) as due,
          coalesce(sum(case when t.type = 'credit_line' then t.amount end), 0) as line
        from ad_accounts a left join transactions t on t.account_id = a.id
        group by a.id having cash <> a.cash_balance or due <> a.amount_due or line <> a.credit_line_used`,
  ))
    add("account balances", [r.id], `balances ${r.cash_balance}/${r.amount_due}/${r.credit_line_used} but ledger gives ${r.cash}/${r.due}/${r.line}`);

  // The daily totals the Transactions page shows equal the sums of the rows they stand for.
  for (const m of dailyTotalMismatches(tx.$client))
    add(
      "daily totals",
      [m.accountId, m.day, m.type, m.campaignId, m.creditId],
      `ledger rows sum to ${m.ledger.amount ?? 0} in ${m.ledger.count ?? 0} rows; the daily total says ${m.total.amount ?? 0} in ${m.total.count ?? 0}`,
    );

  auditQualifyingSpend(tx, add);
  return out;
}

/** Qualifying spend equals the out-of-pocket parts of exactly the charges R4 admits. */
function auditQualifyingSpend(tx: Tx, add: (check: string, ids: unknown[], detail: string) => void) {
  const activations = rows(
    tx,
    sql`select a.id, a.account_id, a.activated_at, a.window_ends_at, a.ended_at, a.qualifying_spend, p.restrictions,
          coalesce((select sum(q.amount) from qualifying_spend q where q.activation_id = a.id), 0) as counted
        from activations a join promotions p on p.id = a.promotion_id`,
  );
  for (const a of activations) {
    if (a.counted !== a.qualifying_spend)
      add("qualifying spend", [a.id], `qualifying spend ${a.qualifying_spend} but counted charges sum to ${a.counted}`);
    const restrictions = JSON.parse(str(a.restrictions)) as Restrictions;
    const end = Math.min(Number(a.window_ends_at), a.ended_at === null ? Infinity : Number(a.ended_at));
    const charges = rows(
      tx,
      sql`select c.id, c.at, c.cash + c.billed + c.credit_line as oop, k.ad_product, q.amount as counted
          from charges c join campaigns k on k.id = c.campaign_id
          left join qualifying_spend q on q.charge_id = c.id and q.activation_id = ${a.id}
          where c.account_id = ${a.account_id} and c.at >= ${a.activated_at} and c.at <= ${end}`,
    );
    for (const c of charges) {
      const admitted = Number(c.oop) > 0 && admitsProduct(restrictions, c.ad_product as AdProduct) && Number(c.at) < Number(a.window_ends_at);
      // A charge at the very instant an activation started or stopped earning may have run just before
      // or just after it: the instant alone cannot say, so only the count is checked for those.
      const atEdge = Number(c.at) === end || Number(c.at) === Number(a.activated_at);
      if (c.counted !== null && (!admitted || c.counted !== c.oop))
        add("qualifying spend", [a.id, c.id], `counted ${c.counted} from a charge R4 admits as ${admitted ? c.oop : 0}`);
      if (c.counted === null && admitted && !atEdge)
        add("qualifying spend", [a.id, c.id], `out-of-pocket ${c.oop} inside the window was not counted`);
    }
    const outside = rows(
      tx,
      sql`select q.charge_id from qualifying_spend q join charges c on c.id = q.charge_id
          where q.activation_id = ${a.id} and (c.account_id <> ${a.account_id} or c.at < ${a.activated_at} or c.at > ${end})`,
    );
    for (const o of outside) add("qualifying spend", [a.id, o.charge_id], "counted a charge outside the activation's window");
  }
}
