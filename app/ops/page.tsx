import type { Metadata } from "next";
import { desc, eq } from "drizzle-orm";
import { connection } from "next/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { adAccounts, opsLog, users } from "@/db/schema";
import { signOut } from "@/app/(auth)/login/actions";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireOps } from "@/lib/auth/ops";
import { appNow } from "@/lib/clock";
import { formatDateTime, formatMoney } from "@/lib/format";
import { billingBalance, creditBalance } from "@/lib/queries/accounts";
import { AdvanceForm } from "./advance-form";

export const metadata: Metadata = { title: "Ops console" };

export default async function OpsPage() {
  await connection();
  const user = await requireOps();
  const db = getDb();
  const now = appNow(db);
  const accounts = db.select().from(adAccounts).orderBy(adAccounts.name).all();
  const log = db
    .select({ at: opsLog.at, action: opsLog.action, detail: opsLog.detail, who: users.name })
    .from(opsLog)
    .leftJoin(users, eq(users.id, opsLog.actorUserId))
    .orderBy(desc(opsLog.id))
    .limit(10)
    .all();

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
        <h1 className="text-xl font-semibold">Ops console</h1>
        <section aria-labelledby="clock" className="card p-5">
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

        <section aria-labelledby="accounts" className="card overflow-x-auto">
          <h2 id="accounts" className="border-b border-line px-4 py-3 font-semibold">
            Ad accounts
          </h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Billing</th>
                <th scope="col" className="num">Balance</th>
                <th scope="col" className="num">Ad credit</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => {
                const b = billingBalance(a);
                return (
                  <tr key={a.id}>
                    <td>
                      <span className="font-medium">{a.name}</span> <span className="text-ink-3">{a.id}</span>
                    </td>
                    <td className="text-ink-2">{b.label}</td>
                    <td className="num">{formatMoney(b.amount, a.currency)}</td>
                    <td className="num">{formatMoney(creditBalance(db, a.id, now), a.currency)}</td>
                    <td>{a.frozen ? <StatusBadge tone="danger">Frozen</StatusBadge> : <StatusBadge tone="ok">Active</StatusBadge>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>

        <section aria-labelledby="activity" className="card">
          <h2 id="activity" className="border-b border-line px-4 py-3 font-semibold">
            Recent ops activity
          </h2>
          {log.length === 0 ? (
            <p className="px-4 py-6 text-[13px] text-ink-3">Nothing yet. Advancing the clock is recorded here.</p>
          ) : (
            <ul className="divide-y divide-line text-[13px]">
              {log.map((l, i) => (
                <li key={i} className="flex flex-wrap justify-between gap-2 px-4 py-2.5">
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
const spans: Record<number, string> = { 1: "an hour", 24: "a day", 168: "a week" };

function describe(action: string, detail: string): string {
  const parsed = action === "advance_clock" ? advanceDetail.safeParse(JSON.parse(detail)) : null;
  if (!parsed?.success) return action.replaceAll("_", " ");
  const { hours, charged, failed } = parsed.data;
  return `advanced the clock ${spans[hours] ?? `${hours} hours`}: ${charged} delivery charges${failed ? `, ${failed} skipped` : ""}`;
}
