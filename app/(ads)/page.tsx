import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { getDb } from "@/db/app";
import { PromotionProgress } from "@/components/coupons/promotion-progress";
import { ExpiringNotice } from "@/components/credits/expiring-notice";
import { GetStarted } from "@/components/onboarding/get-started";
import { AdsShell } from "@/components/shell/ads-shell";
import { requireAccount, membershipsOf } from "@/lib/auth/access";
import { requireUser } from "@/lib/auth/session";
import { formatMoney } from "@/lib/format";
import { adProductLabel } from "@/lib/labels";
import { appNow } from "@/lib/clock";
import { campaignsWithSpend } from "@/lib/queries/accounts";
import { recentMoneyIn } from "@/lib/queries/billing";
import { couponSummary } from "@/lib/queries/coupons";
import { expiringCredits } from "@/lib/queries/expiring";
import { CampaignStatusBadge } from "./campaigns/campaign-status-badge";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage({ searchParams }: { searchParams: Promise<{ aadvid?: string }> }) {
  await connection();
  const user = await requireUser();
  if ((await membershipsOf(user.id)).length === 0) return <NoAccounts name={user.name} />;
  const access = await requireAccount((await searchParams).aadvid);
  const { account } = access;
  const db = getDb();
  const rows = await campaignsWithSpend(db, account.id);
  const delivering = rows.filter((r) => r.status === "active");
  const q = `?aadvid=${encodeURIComponent(account.id)}`;

  return (
    <AdsShell access={access} title="Home">
      <div className="space-y-5">
        <GetStarted
          account={account}
          hasCampaign={rows.length > 0}
          hasFunds={account.cashBalance > 0 || (await recentMoneyIn(db, account.id, "top_up", 1)).length > 0}
        />
        <PromotionProgress accountId={account.id} summary={await couponSummary(db, account, await appNow(db))} />
        <ExpiringNotice account={account} credits={await expiringCredits(db, account.id, await appNow(db))} />
        <section aria-labelledby="campaigns-summary" className="card">
          <header className="flex items-center justify-between gap-3 border-b border-line px-4 py-3">
            <h2 id="campaigns-summary" className="font-semibold">
              Campaigns
            </h2>
            <Link href={`/campaigns${q}`} className="text-[13px] font-medium text-brand hover:underline">
              View all campaigns
            </Link>
          </header>
          <dl className="grid grid-cols-2 gap-px border-b border-line bg-line sm:grid-cols-4">
            <Stat label="Delivering" value={String(delivering.length)} />
            <Stat
              label="Daily budget (delivering)"
              value={formatMoney(
                delivering.reduce((s, r) => s + r.dailyBudget, 0),
                account.currency,
              )}
            />
            <Stat label="Total spend" value={formatMoney(rows.reduce((s, r) => s + r.spend, 0), account.currency)} />
            <Stat label="Paid by ad credit" value={formatMoney(rows.reduce((s, r) => s + r.creditPaid, 0), account.currency)} />
          </dl>
          {rows.length === 0 ? (
            <p className="px-4 py-6 text-center text-[13px] text-ink-2">This ad account has no campaigns yet.</p>
          ) : (
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="campaigns-summary">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Campaign</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="hidden sm:table-cell">
                      Ad product
                    </th>
                    <th scope="col" className="num">
                      Spend
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.slice(0, 6).map((r) => (
                    <tr key={r.id}>
                      <td className="font-medium">{r.name}</td>
                      <td>
                        <CampaignStatusBadge status={r.status} />
                      </td>
                      <td className="hidden whitespace-nowrap text-ink-2 sm:table-cell">{adProductLabel[r.adProduct]}</td>
                      <td className="num">{formatMoney(r.spend, account.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </AdsShell>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="bg-white px-4 py-3">
      <dt className="text-xs text-ink-3">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

function NoAccounts({ name }: { name: string }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="card max-w-md p-6 text-center">
        <h1 className="text-lg font-semibold">No ad accounts yet</h1>
        <p className="mt-2 text-ink-2">
          {name}, you are not a member of any ad account. Ask an ad-account admin to add you.
        </p>
      </div>
    </main>
  );
}
