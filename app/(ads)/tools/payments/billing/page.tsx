// Tools → Payments → Billing: the balance as the billing method has it, the payment method on file, and
// what each billing method needs: funds for manual payment, the billing threshold and payments for
// automatic payment, the credit line for invoicing.
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { getDb } from "@/db/app";
import type { AdAccount } from "@/db/schema";
import { AdsShell } from "@/components/shell/ads-shell";
import { canChange, requireAccount } from "@/lib/auth/access";
import { cardBrandLabel } from "@/lib/billing/card";
import { appNow } from "@/lib/clock";
import { currencySymbol, formatDate, formatMoney, minorPerMajor } from "@/lib/format";
import { nextMonthlyBilling, paymentMethodOf, recentMoneyIn, type MoneyRow } from "@/lib/queries/billing";
import { AddFundsForm } from "./add-funds-form";
import { PaymentMethodPanel } from "./payment-method-panel";

export const metadata: Metadata = { title: "Billing" };

const billingName = { manual: "Manual payment", automatic: "Automatic payment", invoice: "Monthly invoicing" } as const;

export default async function BillingPage({ searchParams }: { searchParams: Promise<{ aadvid?: string }> }) {
  await connection();
  const access = await requireAccount((await searchParams).aadvid);
  const { account, role } = access;
  const db = getDb();
  const now = await appNow(db);
  const card = await paymentMethodOf(db, account.id);
  const q = `?aadvid=${encodeURIComponent(account.id)}`;

  return (
    <AdsShell access={access} title="Billing">
      <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_380px]">
        <div className="min-w-0 space-y-5">
          <section aria-labelledby="billing-balance" className="card">
            <header className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-line px-4 py-3">
              <h2 id="billing-balance" className="font-semibold">
                Balance
              </h2>
              <p className="text-[13px] text-ink-3">{billingName[account.billing]}</p>
            </header>
            {account.billing === "manual" ? (
              <ManualBalance account={account} canAdd={canChange(role)} topUps={await recentMoneyIn(db, account.id, "top_up")} transactionsHref={`/tools/payments/transactions${q}&type=top_up`} />
            ) : account.billing === "automatic" ? (
              <AutomaticBalance account={account} now={now} payments={await recentMoneyIn(db, account.id, "payment")} />
            ) : (
              <InvoiceBalance account={account} />
            )}
          </section>
        </div>
        <PaymentMethodPanel
          accountId={account.id}
          billing={account.billing}
          canManage={role === "admin"}
          card={
            card
              ? {
                  label: `${cardBrandLabel[card.brand]} ending ${card.last4}`,
                  brand: cardBrandLabel[card.brand],
                  last4: card.last4,
                  expires: `${String(card.expMonth).padStart(2, "0")}/${String(card.expYear % 100).padStart(2, "0")}`,
                  added: formatDate(card.linkedAt, account.timeZone),
                }
              : null
          }
          linked={account.paymentMethod}
          promotionsHref={`/tools/payments/promotions${q}&tab=earning`}
        />
      </div>
    </AdsShell>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note?: ReactNode }) {
  return (
    <div className="bg-white px-4 py-3">
      <dt className="text-xs text-ink-3">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold tabular-nums">{value}</dd>
      {note && <dd className="text-xs text-ink-3">{note}</dd>}
    </div>
  );
}

function History({ title, rows, account, empty }: { title: string; rows: MoneyRow[]; account: AdAccount; empty: string }) {
  return (
    <div className="border-t border-line">
      <h3 className="px-4 pt-3 text-[11px] font-semibold tracking-wide text-ink-3 uppercase">{title}</h3>
      {rows.length === 0 ? (
        <p className="px-4 py-3 text-[13px] text-ink-2">{empty}</p>
      ) : (
        <table className="table mt-1">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col" className="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{formatDate(r.at, account.timeZone)}</td>
                <td className="num">{formatMoney(r.amount, account.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function ManualBalance({ account, canAdd, topUps, transactionsHref }: { account: AdAccount; canAdd: boolean; topUps: MoneyRow[]; transactionsHref: string }) {
  return (
    <>
      <dl className="grid gap-px border-b border-line bg-line sm:grid-cols-2">
        <Figure label="Cash balance" value={formatMoney(account.cashBalance, account.currency)} note="Delivery is paid from this balance after ad credit." />
        <Figure label="Billing method" value="Prepaid" note="When the balance runs out, campaigns stop spending until you add funds." />
      </dl>
      <div className="px-4 py-4">
        {canAdd ? (
          <AddFundsForm
            accountId={account.id}
            symbol={currencySymbol(account.currency)}
            placeholder={minorPerMajor(account.currency) === 1 ? "50000" : "500.00"}
          />
        ) : (
          <p className="text-[13px] text-ink-2">Analysts can see the balance; an admin or operator can add funds.</p>
        )}
      </div>
      <History title="Recent top-ups" rows={topUps} account={account} empty="No funds added yet." />
      <p className="border-t border-line px-4 py-2.5 text-[13px]">
        <Link href={transactionsHref} className="font-medium text-brand hover:underline">
          All top-ups in Transactions
        </Link>
      </p>
    </>
  );
}

function AutomaticBalance({ account, now, payments }: { account: AdAccount; now: number; payments: MoneyRow[] }) {
  const money = (n: number) => formatMoney(n, account.currency);
  return (
    <>
      <dl className="grid gap-px bg-line sm:grid-cols-3">
        <Figure label="Amount due" value={money(account.amountDue)} note="Spend not yet charged to your card." />
        <Figure label="Billing threshold" value={money(account.billingThreshold)} note="Your card is charged when the amount due reaches this." />
        <Figure
          label="Next billing date"
          value={formatDate(nextMonthlyBilling(now), "UTC")}
          note={`Or sooner, when the amount due reaches ${money(account.billingThreshold)}.`}
        />
      </dl>
      <History title="Past payments" rows={payments} account={account} empty="No payments yet. Each settlement of the amount due shows here." />
    </>
  );
}

function InvoiceBalance({ account }: { account: AdAccount }) {
  const money = (n: number) => formatMoney(n, account.currency);
  return (
    <dl className="grid gap-px bg-line sm:grid-cols-3">
      <Figure label="Credit limit" value={money(account.creditLimit)} />
      <Figure label="Credit line used" value={money(account.creditLineUsed)} note="Invoiced at the end of the month." />
      <Figure label="Available" value={money(Math.max(0, account.creditLimit - account.creditLineUsed))} note="Delivery stops when the limit is reached." />
    </dl>
  );
}
