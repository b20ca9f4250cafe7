// R16: the ledger invariants, checked on any database. Each violation names the rule part and the ids
// involved. Used by `npm run audit` and after every history in the property tests.
import type { AdProduct, Restrictions } from "@/db/schema";
import { admitsProduct } from "./rules/restrictions";
import type { AuditQuery, AuditRow } from "./store/store";
import { storeOf, type EngineDb } from "./tx";

export type Violation = { check: string; ids: string[]; detail: string };

type Rows = (check: AuditQuery, params?: Record<string, string | number | null>) => Promise<AuditRow[]>;

const str = (v: unknown) => String(v);

export async function audit(db: EngineDb): Promise<Violation[]> {
  const store = storeOf(db);
  const rows: Rows = (check, params) => store.auditRows(check, params);
  const out: Violation[] = [];
  const add = (check: string, ids: unknown[], detail: string) => out.push({ check, ids: ids.map(str), detail });

  for (const r of await rows("creditBalance"))
    add("credit balance", [r.id], `used ${r.used} + unused ${r.unused} + forfeited ${r.forfeited} ≠ amount ${r.amount}`);

  for (const r of await rows("creditStatus"))
    add("credit status", [r.id], `status ${r.status} with unused ${r.unused} and forfeited ${r.forfeited}`);

  for (const r of await rows("chargeSplit"))
    add("charge split", [r.id], `discount ${r.discount} + credits ${r.credits} + cash ${r.cash} + billed ${r.billed} + credit line ${r.credit_line} ≠ amount ${r.amount}`);

  for (const r of await rows("chargeAllocations"))
    add("charge allocations", [r.id], `allocations give discount ${r.d} and credits ${r.k}; charge says ${r.discount} and ${r.credits} (${r.discounts} discount credits)`);

  for (const r of await rows("creditUsedAllocations"))
    add("credit used = allocations", [r.id], `used ${r.used} but allocations sum to ${r.allocated}`);

  for (const r of await rows("allocationValidity"))
    add("allocation within validity", [r.charge_id, r.credit_id], `charge at ${r.at} outside credit validity [${r.issued_at}, ${r.expires_at}) or another account`);

  // Transactions are append-only: the database must still refuse changes, and the ledger must agree with
  // the rows it records.
  const triggers = new Set(await store.appendOnlyGuards());
  for (const t of ["transactions_no_update", "transactions_no_delete"])
    if (!triggers.has(t)) add("transactions append-only", [t], "the trigger that refuses changes is missing");

  for (const r of await rows("chargeLedger"))
    add("charge ledger", [r.id], `transactions record credit ${r.tx_credit} / out of pocket ${r.tx_oop}; charge has ${r.credit_paid} / ${r.oop}`);

  for (const r of await rows("creditLedger"))
    add("credit ledger", [r.id], `issued ${r.issued} in ${r.issues} transactions for amount ${r.amount}; forfeited ${r.forfeited} but ledger ${r.lost}`);

  for (const r of await rows("accountBalances"))
    add("account balances", [r.id], `balances ${r.cash_balance}/${r.amount_due}/${r.credit_line_used} but ledger gives ${r.cash}/${r.due}/${r.line}`);

  // The daily totals the Transactions page shows equal the sums of the rows they stand for.
  for (const m of await store.dailyTotalMismatches())
    add(
      "daily totals",
      [m.accountId, m.day, m.type, m.campaignId, m.creditId],
      `ledger rows sum to ${m.ledger.amount ?? 0} in ${m.ledger.count ?? 0} rows; the daily total says ${m.total.amount ?? 0} in ${m.total.count ?? 0}`,
    );

  await auditQualifyingSpend(rows, add);
  return out;
}

/** Qualifying spend equals the out-of-pocket parts of exactly the charges R4 admits. */
async function auditQualifyingSpend(rows: Rows, add: (check: string, ids: unknown[], detail: string) => void) {
  const activations = await rows("activations");
  for (const a of activations) {
    if (a.counted !== a.qualifying_spend)
      add("qualifying spend", [a.id], `qualifying spend ${a.qualifying_spend} but counted charges sum to ${a.counted}`);
    const restrictions = JSON.parse(str(a.restrictions)) as Restrictions;
    const end = Math.min(Number(a.window_ends_at), a.ended_at === null ? Infinity : Number(a.ended_at));
    const window = { id: str(a.id), accountId: str(a.account_id), from: Number(a.activated_at), end };
    const charges = await rows("activationCharges", window);
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
    const outside = await rows("activationOutside", window);
    for (const o of outside) add("qualifying spend", [a.id, o.charge_id], "counted a charge outside the activation's window");
  }
}
