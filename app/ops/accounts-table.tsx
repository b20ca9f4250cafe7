"use client";
// Ad accounts with their balances and state, and Freeze / Unfreeze (R12).
import { Button } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/status-badge";
import { setFrozen } from "./account-actions";
import { FormMessage } from "./fields";
import { useOpsForm } from "./use-ops-form";

export type AccountRow = {
  id: string;
  name: string;
  billingLabel: string;
  balance: string;
  credit: string;
  frozen: boolean;
  appealFiled: string | null;
};

export function AccountsTable({ accounts }: { accounts: AccountRow[] }) {
  const { state, onSubmit, pending } = useOpsForm(setFrozen);
  return (
    <>
      <FormMessage state={state} pending={pending} pendingText="Working…" className="mx-4 mt-3 empty:mt-0" />
      <div className="relative overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Billing</th>
              <th scope="col" className="num">Balance</th>
              <th scope="col" className="num">Ad credit</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <td className="min-w-48">
                  <span className="font-medium">{a.name}</span> <span className="text-ink-3">{a.id}</span>
                </td>
                <td className="whitespace-nowrap text-ink-2">{a.billingLabel}</td>
                <td className="num">{a.balance}</td>
                <td className="num">{a.credit}</td>
                <td>
                  <div className="flex flex-wrap gap-1.5">
                    {a.frozen ? <StatusBadge tone="danger">Frozen</StatusBadge> : <StatusBadge tone="ok">Active</StatusBadge>}
                    {a.appealFiled && (
                      <span title={`Filed ${a.appealFiled}`}>
                        <StatusBadge tone="warn">Appeal pending</StatusBadge>
                      </span>
                    )}
                  </div>
                </td>
                <td className="text-right">
                  <form onSubmit={onSubmit}>
                    <input type="hidden" name="accountId" value={a.id} />
                    <Button type="submit" size="sm" name="intent" value={a.frozen ? "unfreeze" : "freeze"} disabled={pending} aria-label={`${a.frozen ? "Unfreeze" : "Freeze"} ${a.name}`}>
                      {a.frozen ? "Unfreeze" : "Freeze"}
                    </Button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
