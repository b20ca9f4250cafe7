import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { getDb } from "@/db/app";
import { adProducts, type AdAccount } from "@/db/schema";
import { AdsShell } from "@/components/shell/ads-shell";
import { canChange, requireAccount } from "@/lib/auth/access";
import { budgetHint } from "@/lib/campaigns/budget";
import { formatMoney, minorToInput } from "@/lib/format";
import { adProductLabel } from "@/lib/labels";
import { whoMay } from "@/lib/messages";
import { campaignsWithSpend, type CampaignRow } from "@/lib/queries/accounts";
import { CampaignActions } from "./campaign-actions";
import { CampaignStatusBadge } from "./campaign-status-badge";
import { CreateCampaign } from "./create-campaign";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<{ aadvid?: string }> }) {
  await connection();
  const access = await requireAccount((await searchParams).aadvid);
  const { account, role } = access;
  const rows = await campaignsWithSpend(getDb(), account.id);
  const canEdit = canChange(role);
  const hint = budgetHint(account.currency);
  const actions = (r: CampaignRow) =>
    canEdit ? (
      <CampaignActions
        accountId={account.id}
        currency={account.currency}
        budgetHint={hint}
        campaign={{ id: r.id, name: r.name, status: r.status, budget: money(r.dailyBudget), budgetInput: minorToInput(r.dailyBudget, account.currency) }}
      />
    ) : null;
  const money = (n: number) => formatMoney(n, account.currency);
  const total = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);

  return (
    <AdsShell access={access} title="Campaigns">
      <FundingNotice account={account} />
      <section aria-labelledby="campaigns-heading" className="card">
        <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-line px-4 py-3">
          <div>
            <h2 id="campaigns-heading" className="font-semibold">
              All campaigns
            </h2>
            <p className="text-[13px] text-ink-3">
              Lifetime spend. Credit-paid spend is the part ad credit (discounts included) paid for.
            </p>
          </div>
          <CreateCampaign
            accountId={account.id}
            currency={account.currency}
            canEdit={canEdit}
            editReason={whoMay.changeCampaigns}
            budgetHint={hint}
            adProducts={[...adProducts]}
          />
        </header>
        {rows.length === 0 ? (
          <div className="px-4 py-12 text-center">
            <p className="font-medium">No campaigns yet</p>
            <p className="mt-1 text-[13px] text-ink-2">
              {canEdit ? "Create a campaign to start delivering ads; it appears here with its spend." : "Campaigns created in this ad account will appear here with their spend."}
            </p>
          </div>
        ) : (
          <>
            <div className="hidden overflow-x-auto md:block" tabIndex={0} role="region" aria-labelledby="campaigns-heading">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Campaign</th>
                    <th scope="col">Status</th>
                    <th scope="col">Ad product</th>
                    <th scope="col" className="num">
                      Daily budget
                    </th>
                    <th scope="col" className="num">
                      Spend
                    </th>
                    <th scope="col" className="num">
                      Credit-paid spend
                    </th>
                    {canEdit && (
                      <th scope="col" className="text-right">
                        Actions
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <span className="block font-medium whitespace-nowrap">{r.name}</span>
                        <span className="block font-mono text-xs text-ink-3">{r.id}</span>
                      </td>
                      <td>
                        <CampaignStatusBadge status={r.status} />
                      </td>
                      <td className="whitespace-nowrap text-ink-2">{adProductLabel[r.adProduct]}</td>
                      <td className="num">{money(r.dailyBudget)}</td>
                      <td className="num">{money(r.spend)}</td>
                      <td className="num">{money(r.creditPaid)}</td>
                      {canEdit && <td>{actions(r)}</td>}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="bg-[#fafbfc] font-semibold">
                    <td colSpan={3} className="border-t border-b-0">
                      Total ({rows.length} {rows.length === 1 ? "campaign" : "campaigns"})
                    </td>
                    <td className="num border-t border-b-0">{money(total((r) => r.dailyBudget))}</td>
                    <td className="num border-t border-b-0">{money(total((r) => r.spend))}</td>
                    <td className="num border-t border-b-0">{money(total((r) => r.creditPaid))}</td>
                    {canEdit && <td className="border-t border-b-0" />}
                  </tr>
                </tfoot>
              </table>
            </div>
            <ul aria-labelledby="campaigns-heading" className="divide-y divide-line md:hidden">
              {rows.map((r) => (
                <li key={r.id} className="px-4 py-3">
                  <div className="flex items-start justify-between gap-3">
                    <div className="min-w-0">
                      <p className="font-medium">{r.name}</p>
                      <p className="text-xs text-ink-3">{adProductLabel[r.adProduct]}</p>
                    </div>
                    <CampaignStatusBadge status={r.status} />
                  </div>
                  <dl className="mt-2 grid grid-cols-3 gap-2 text-xs">
                    <MobileFigure label="Daily budget" value={money(r.dailyBudget)} />
                    <MobileFigure label="Spend" value={money(r.spend)} />
                    <MobileFigure label="Credit-paid" value={money(r.creditPaid)} />
                  </dl>
                  {canEdit && <div className="mt-2">{actions(r)}</div>}
                </li>
              ))}
              <li className="bg-[#fafbfc] px-4 py-3">
                <p className="font-semibold">Total ({rows.length} {rows.length === 1 ? "campaign" : "campaigns"})</p>
                <dl className="mt-2 grid grid-cols-3 gap-2 text-xs">
                  <MobileFigure label="Daily budget" value={money(total((r) => r.dailyBudget))} />
                  <MobileFigure label="Spend" value={money(total((r) => r.spend))} />
                  <MobileFigure label="Credit-paid" value={money(total((r) => r.creditPaid))} />
                </dl>
              </li>
            </ul>
          </>
        )}
      </section>
    </AdsShell>
  );
}

/** Why new campaigns would not spend: no card on an automatic account, or no cash on a manual one. */
function FundingNotice({ account }: { account: AdAccount }) {
  const billing = `/tools/payments/billing?aadvid=${encodeURIComponent(account.id)}`;
  const text =
    account.billing === "automatic" && !account.paymentMethod
      ? "Automatic payment needs a card: add a payment method before you create or resume campaigns."
      : account.billing === "manual" && account.cashBalance === 0
        ? "Your cash balance is empty, so campaigns can't spend yet. Add funds to start delivering."
        : null;
  if (!text) return null;
  return (
    <p className="mb-4 flex flex-wrap items-center justify-between gap-2 rounded-lg border border-warn/30 bg-warn-soft px-4 py-2.5 text-[13px] text-warn">
      <span>{text}</span>
      <Link href={billing} className="font-medium underline">
        Go to Billing
      </Link>
    </p>
  );
}

function MobileFigure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-ink-3">{label}</dt>
      <dd className="font-semibold text-ink tabular-nums">{value}</dd>
    </div>
  );
}
