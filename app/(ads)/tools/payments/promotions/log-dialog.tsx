"use client";
// An assignable credit's assignment log: who assigned or removed which campaign, and when.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { StatusBadge } from "@/components/ui/status-badge";
import { EmptyState, ScrollTable } from "@/components/promotions/scroll-table";

export type LogDialogData = {
  creditId: string;
  name: string;
  timeZone: string;
  rows: {
    id: number;
    date: string;
    clock: string;
    action: "assign" | "unassign";
    campaign: string;
    /** Who made the change; rows without a user show only the role. */
    name: string | null;
    role: string;
  }[];
};

export function LogDialog({ data, onClose }: { data: LogDialogData; onClose: () => void }) {
  const [open, setOpen] = useState(true);
  const close = () => {
    setOpen(false);
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title="Assignment log"
      description={`${data.name} · ${data.creditId}`}
      width="max-w-2xl"
      footer={<Button onClick={close}>Close</Button>}
    >
      {data.rows.length === 0 ? (
        <EmptyState title="No assignment changes yet">
          When an admin assigns this credit to a campaign or removes one, it is recorded here.
        </EmptyState>
      ) : (
        <>
          <div className="-mx-5 -mt-4 border-b border-line">
            <ScrollTable label="Assignment log entries">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col" className="pl-5">Time</th>
                    <th scope="col">Action</th>
                    <th scope="col">Campaign</th>
                    <th scope="col" className="pr-5">Changed by</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((r) => (
                    <tr key={r.id}>
                      <td className="whitespace-nowrap pl-5 tabular-nums">
                        {r.date}
                        <span className="block text-xs text-ink-3">{r.clock}</span>
                      </td>
                      <td>
                        <StatusBadge tone={r.action === "assign" ? "info" : "muted"}>
                          {r.action === "assign" ? "Assigned" : "Unassigned"}
                        </StatusBadge>
                      </td>
                      <td className="min-w-36">{r.campaign}</td>
                      <td className="whitespace-nowrap pr-5">
                        {r.name ?? r.role}
                        {r.name && (
                          <span className="block text-xs text-ink-3">
                            <span className="sr-only">, </span>
                            {r.role}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </div>
          <p className="mt-3 text-xs text-ink-3">
            {data.rows.length} {data.rows.length === 1 ? "entry" : "entries"}, newest first. Times are in the ad
            account&apos;s time zone ({data.timeZone}).
          </p>
        </>
      )}
    </Dialog>
  );
}
