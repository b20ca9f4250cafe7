import type { Metadata } from "next";
import { connection } from "next/server";
import { z } from "zod";
import { getDb } from "@/db/app";
import { signOut } from "@/lib/actions/sign-out";
import { requireOps } from "@/lib/auth/ops";
import { appNow } from "@/lib/clock";
import { formatDateTime, formatMoney } from "@/lib/format";
import { creditTypeLabel } from "@/lib/labels";
import { billingBalance, creditBalance } from "@/lib/queries/accounts";
import { allAccounts, listPromotions, pendingAppeals, recentActivity } from "@/lib/queries/ops";
import { AccountsTable } from "./accounts-table";
import { AdvanceForm } from "./advance-form";
import { AppealsQueue } from "./appeals-queue";
import { CreatePromotion } from "./create-promotion";
import { AllocationForm, GrantForm } from "./credit-forms";
import { IssueCodes } from "./issue-codes";
import { eligibilityLines, offerLines, validityLines } from "./promotion-words";

export const metadata: Metadata = { title: "Ops console" };

const kindLabel = { ladder: "Ladder", coupon: "Coupon", discount: "Discount" } as const;
const sections = [
  ["clock", "Clock"],
  ["promotions", "Promotions"],
  ["credits", "Credits"],
  ["accounts", "Accounts"],
  ["appeals", "Appeals"],
  ["activity", "Activity"],
] as const;

export default async function OpsPage() {
  await connection();
  const user = await requireOps();
  const db = getDb();
  const now = await appNow(db);
  const accounts = await allAccounts(db);
  const promotions = await listPromotions(db);
  const appeals = await pendingAppeals(db);
  const log = await recentActivity(db);
  const credit = new Map<string, number>();
  for (const a of accounts) credit.set(a.id, await creditBalance(db, a.id, now));
  const accountOptions = accounts.map((a) => ({ id: a.id, name: a.name, currency: a.currency, inBusinessCenter: a.businessCenterId !== null }));

  return (
    <div className="min-h-screen">
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex h-14 max-w-[1200px] items-center justify-between px-4 lg:px-6">
          <p className="whitespace-nowrap font-semibold">Ops console</p>
          <div className="flex items-center gap-3 whitespace-nowrap text-[13px] text-ink-2">
            <span className="hidden sm:inline">{user.name}</span>
            <form action={signOut}>
              <button type="submit" className="rounded-md px-2 py-1.5 hover:bg-canvas hover:text-ink">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-[1200px] space-y-5 px-4 py-6 lg:px-6">
        <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
          <h1 className="text-xl font-semibold">Ops console</h1>
          <nav aria-label="Console sections" className="-mx-2 flex flex-wrap text-[13px]">
            {sections.map(([id, label]) => (
              <a key={id} href={`#${id}`} className="rounded-md px-2 py-1 text-ink-2 hover:bg-white hover:text-ink">
                {label}
              </a>
            ))}
          </nav>
        </div>

        <section aria-labelledby="clock" className="card scroll-mt-4 p-5">
          <h2 id="clock" className="font-semibold">
            Sandbox clock
          </h2>
          <p className="mt-1 text-[13px] text-ink-3">
            Advancing runs delivery hour by hour — every active campaign spends its daily budget spread over the hours —
            and every event that falls due: ladder completions, rewards, expiries, monthly billing.
          </p>
          <p className="my-4 text-2xl font-semibold tabular-nums">
            <time dateTime={new Date(now).toISOString()}>{formatDateTime(now, "UTC")}</time>
          </p>
          <AdvanceForm />
        </section>

        <section aria-labelledby="promotions" className="card scroll-mt-4">
          <div className="flex flex-wrap items-center justify-between gap-3 border-b border-line px-4 py-3">
            <div>
              <h2 id="promotions" className="font-semibold">
                Promotions
              </h2>
              <p className="text-[13px] text-ink-3">Offer templates advertisers redeem with a code, or that activate on their own.</p>
            </div>
            <CreatePromotion />
          </div>
          <div className="relative overflow-x-auto">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Promotion</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Credit type</th>
                  <th scope="col">Offer</th>
                  <th scope="col">Validity</th>
                  <th scope="col">Eligibility</th>
                  <th scope="col" className="num">Codes</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {promotions.map((p) => (
                  <tr key={p.id} className="align-top">
                    <td className="min-w-44 align-top">
                      <p className="font-medium">{p.name}</p>
                      <p className="text-xs text-ink-3">
                        {p.id}
                        {p.currency !== "USD" && ` · ${p.currency}`}
                      </p>
                      {(p.autoActivate || p.exclusive) && (
                        <p className="mt-0.5 text-xs text-ink-2">{[p.autoActivate && "Auto-activates", p.exclusive && "Exclusive"].filter(Boolean).join(" · ")}</p>
                      )}
                    </td>
                    <td className="align-top">{kindLabel[p.kind]}</td>
                    <td className="whitespace-nowrap align-top">{creditTypeLabel[p.creditType]}</td>
                    <td className="min-w-40 align-top tabular-nums">
                      {offerLines(p).map((l) => (
                        <p key={l}>{l}</p>
                      ))}
                    </td>
                    <td className="min-w-36 align-top text-ink-2">
                      {validityLines(p).map((l) => (
                        <p key={l}>{l}</p>
                      ))}
                    </td>
                    <td className="min-w-40 align-top text-ink-2">
                      {eligibilityLines(p).map((l) => (
                        <p key={l}>{l}</p>
                      ))}
                    </td>
                    <td className="num whitespace-nowrap align-top">
                      <p>
                        {p.codes} {p.codes === 1 ? "code" : "codes"}
                      </p>
                      <p className="text-xs text-ink-3">{p.redemptions} redeemed</p>
                    </td>
                    <td className="text-right align-top">
                      <IssueCodes promotionId={p.id} promotionName={p.name} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <div id="credits" className="grid scroll-mt-4 gap-5 lg:grid-cols-[3fr_2fr]">
          <section aria-labelledby="grant" className="card p-5">
            <h2 id="grant" className="font-semibold">
              Grant credit
            </h2>
            <p className="mb-4 mt-1 text-[13px] text-ink-3">A credit issued straight to an ad account, such as goodwill after an outage.</p>
            <GrantForm accounts={accountOptions} />
          </section>
          <section aria-labelledby="allocate" className="card self-start p-5">
            <h2 id="allocate" className="font-semibold">
              Business Center allocation
            </h2>
            <p className="mb-4 mt-1 text-[13px] text-ink-3">
              A free credit from the account’s Business Center. It cannot be assigned or returned.
            </p>
            <AllocationForm accounts={accountOptions} />
          </section>
        </div>

        <section aria-labelledby="accounts" className="card scroll-mt-4">
          <h2 id="accounts" className="border-b border-line px-4 py-3 font-semibold">
            Ad accounts
          </h2>
          <AccountsTable
            accounts={accounts.map((a) => {
              const b = billingBalance(a);
              const appeal = appeals.find((x) => x.accountId === a.id);
              return {
                id: a.id,
                name: a.name,
                billingLabel: b.label,
                balance: formatMoney(b.amount, a.currency),
                credit: formatMoney(credit.get(a.id)!, a.currency),
                frozen: a.frozen,
                appealFiled: appeal ? formatDateTime(appeal.filedAt, "UTC") : null,
              };
            })}
          />
        </section>

        <section aria-labelledby="appeals" className="card scroll-mt-4">
          <h2 id="appeals" className="border-b border-line px-4 py-3 font-semibold">
            Appeals{appeals.length > 0 && <span className="ml-2 rounded-full bg-warn-soft px-2 py-0.5 text-xs font-medium text-warn">{appeals.length} pending</span>}
          </h2>
          <AppealsQueue
            appeals={appeals.map((a) => ({
              id: a.id,
              accountId: a.accountId,
              accountName: a.accountName,
              filed: formatDateTime(a.filedAt, "UTC"),
              reason: a.reason,
              activeCredits: a.activeCredits,
              unused: formatMoney(a.unused, a.currency),
            }))}
          />
        </section>

        <section aria-labelledby="activity" className="card scroll-mt-4">
          <h2 id="activity" className="border-b border-line px-4 py-3 font-semibold">
            Recent ops activity
          </h2>
          {log.length === 0 ? (
            <p className="px-4 py-6 text-[13px] text-ink-3">Nothing yet. Every change made from this console is recorded here.</p>
          ) : (
            <ul className="divide-y divide-line text-[13px]">
              {log.map((l) => (
                <li key={l.id} className="flex flex-wrap justify-between gap-2 px-4 py-2.5">
                  <span>
                    <span className="font-medium">{l.who ?? "Someone"}</span> {describe(l.action, l.detail)}
                  </span>
                  <span className="text-ink-3">{formatDateTime(l.at, "UTC")}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </div>
  );
}

const advanceDetail = z.object({ hours: z.number(), charged: z.number(), failed: z.number() });
const summaryDetail = z.object({ summary: z.string() });
const spans: Record<number, string> = { 1: "an hour", 24: "a day", 168: "a week" };

function describe(action: string, detail: string): string {
  const json: unknown = JSON.parse(detail);
  const summary = summaryDetail.safeParse(json);
  if (summary.success) return summary.data.summary;
  const parsed = action === "advance_clock" ? advanceDetail.safeParse(json) : null;
  if (!parsed?.success) return action.replaceAll("_", " ");
  const { hours, charged, failed } = parsed.data;
  return `advanced the clock ${spans[hours] ?? `${hours} hours`}: ${charged} delivery charges${failed ? `, ${failed} skipped` : ""}`;
}
