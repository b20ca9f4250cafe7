"use client";
// An assignable credit's assignment log: who assigned or removed which campaign, and when.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { StatusBadge } from "@/components/ui/status-badge";
import { DataTable, EmptyState, type Column } from "@/components/ui/table";

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

type Row = LogDialogData["rows"][number];

const columns: Column<Row>[] = [
  {
    header: "Time",
    className: "pl-5",
    cellClassName: "whitespace-nowrap tabular-nums",
    cell: (r) => (
      <>
        {r.date}
        <span className="block text-xs text-ink-3">{r.clock}</span>
      </>
    ),
  },
  {
    header: "Action",
    cell: (r) => <StatusBadge tone={r.action === "assign" ? "info" : "muted"}>{r.action === "assign" ? "Assigned" : "Unassigned"}</StatusBadge>,
  },
  { header: "Campaign", cellClassName: "min-w-36", cell: (r) => r.campaign },
  {
    header: "Changed by",
    className: "pr-5",
    cellClassName: "whitespace-nowrap",
    cell: (r) => (
      <>
        {r.name ?? r.role}
        {r.name && (
          <span className="block text-xs text-ink-3">
            <span className="sr-only">, </span>
            {r.role}
          </span>
        )}
      </>
    ),
  },
];

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
            <DataTable label="Assignment log entries" columns={columns} rows={data.rows} rowKey={(r) => r.id} />
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
