// The frame of every advertiser page: top bar with navigation, the Coupons button, account switcher and
// balances; then the page. Rendered by each page, because the account comes from its URL. The Coupons
// button gets the coupon summary from this render, so it paints with data and polls from there; after an
// action revalidates, the new render hands it the new summary.
import { Link, NavigationProgress } from "@/components/ui/link";
import type { ReactNode } from "react";
import { getDb } from "@/db/app";
import { CouponsButton } from "@/components/coupons/coupons-button";
import { canAssign, canChange, type AccountAccess } from "@/lib/auth/access";
import { signOut } from "@/lib/actions/sign-out";
import { appNow } from "@/lib/clock";
import { formatDateTime, formatMoney } from "@/lib/format";
import { billingBalance, creditBalance } from "@/lib/queries/accounts";
import { latestAppeal } from "@/lib/queries/appeals";
import { couponSummary } from "@/lib/queries/coupons";
import { roleLabel } from "@/lib/labels";
import { AccountSwitcher } from "./account-switcher";
import { LazyFrozenBanner } from "./frozen-banner-lazy";
import { NavLink } from "./nav-link";

export async function AdsShell({
  access,
  title,
  actions,
  children,
}: {
  access: AccountAccess;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { account, user, role, memberships } = access;
  const db = getDb();
  const now = await appNow(db);
  const credit = await creditBalance(db, account.id, now);
  const billing = billingBalance(account);
  const q = `?aadvid=${encodeURIComponent(account.id)}`;
  const summary = await couponSummary(db, account, now);
  const appeal = account.frozen ? await latestAppeal(db, account.id) : null;

  return (
    <div className="min-h-screen">
      <NavigationProgress />
      <header className="sticky top-0 z-20 border-b border-line bg-white">
        <div className="mx-auto flex max-w-[1440px] flex-wrap items-center gap-x-3 px-4 md:h-14 md:flex-nowrap lg:px-6">
          <Link href={`/${q}`} className="flex h-14 shrink-0 items-center gap-2 font-semibold">
            <svg aria-hidden viewBox="0 0 24 24" className="size-6 text-brand" fill="currentColor">
              <rect x="2" y="2" width="20" height="20" rx="6" />
              <path d="M8 12.5 11 15.5 16.5 9" stroke="white" strokeWidth="2.2" fill="none" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            <span className="sr-only sm:not-sr-only">Ads Manager</span>
          </Link>
          <nav
            aria-label="Main"
            className="order-last -mx-4 flex w-[calc(100%+2rem)] items-center gap-1 overflow-x-auto border-t border-line px-3 py-1.5 md:order-none md:mx-0 md:w-auto md:min-w-0 md:border-0 md:p-0"
          >
            <NavLink href={`/${q}`} match="/">Home</NavLink>
            <NavLink href={`/campaigns${q}`} match="/campaigns">Campaigns</NavLink>
            <NavLink href={`/tools/payments/promotions${q}`} match="/tools/payments/promotions">Promotions</NavLink>
            <NavLink href={`/tools/payments/transactions${q}`} match="/tools/payments/transactions">Transactions</NavLink>
            <NavLink href={`/tools/payments/billing${q}`} match="/tools/payments/billing">Billing</NavLink>
            {role === "admin" && <NavLink href={`/settings/members${q}`} match="/settings/members">Members</NavLink>}
          </nav>
          <div className="ml-auto flex min-w-0 items-center gap-1 sm:gap-2">
            <CouponsButton accountId={account.id} accountName={account.name} canAssign={canAssign(role)} summary={summary} />
            <AccountSwitcher
              current={{ id: account.id, name: account.name, currency: account.currency }}
              options={memberships.map((m) => ({
                id: m.account.id,
                name: m.account.name,
                currency: m.account.currency,
                businessCenter: m.businessCenter,
                role: roleLabel[m.role],
              }))}
            />
            <form action={signOut}>
              <button type="submit" className="rounded-md px-2 py-1.5 text-[13px] whitespace-nowrap text-ink-2 hover:bg-canvas hover:text-ink">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      {account.frozen && (
        <LazyFrozenBanner
          accountId={account.id}
          canAppeal={canChange(role)}
          appealFiled={appeal?.status === "pending" ? formatDateTime(appeal.filedAt, account.timeZone) : null}
        />
      )}
      <div className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-[1440px] flex-wrap items-end justify-between gap-x-6 gap-y-3 px-4 py-4 lg:px-6">
          <div className="min-w-0">
            <p className="text-xs text-ink-3">
              {account.name} · {account.id} · {roleLabel[role]} ({user.name})
            </p>
            <h1 className="text-xl font-semibold">{title}</h1>
          </div>
          <dl aria-label="Account balance" className="flex flex-wrap gap-x-6 gap-y-1 text-[13px]">
            <Balance label={billing.label} value={formatMoney(billing.amount, account.currency)} />
            {billing.secondary && (
              <Balance label={billing.secondary.label} value={formatMoney(billing.secondary.amount, account.currency)} />
            )}
            <Balance label="Ad credit" value={formatMoney(credit, account.currency)} />
            {account.frozen && (
              <div className="self-center">
                <dt className="sr-only">Status</dt>
                <dd className="rounded-full bg-danger-soft px-2 py-0.5 text-xs font-medium text-danger">Account frozen</dd>
              </div>
            )}
          </dl>
          {actions}
        </div>
      </div>
      <main className="mx-auto max-w-[1440px] px-4 py-5 lg:px-6">{children}</main>
    </div>
  );
}

function Balance({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-ink-3">{label}</dt>
      <dd className="text-base font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
