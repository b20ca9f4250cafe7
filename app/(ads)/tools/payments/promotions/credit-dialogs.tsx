"use client";
// Shows the credit dialog the URL names (`?assign=` or `?log=`); closing it takes the parameter away.
// The dialogs' code loads when one is first shown, not with the page.
import { lazy, Suspense } from "react";
import type { AssignDialogData } from "./assign-dialog";
import type { LogDialogData } from "./log-dialog";
import { usePageUrl } from "./use-page-url";

const AssignDialog = lazy(() => import("./assign-dialog").then((m) => ({ default: m.AssignDialog })));
const LogDialog = lazy(() => import("./log-dialog").then((m) => ({ default: m.LogDialog })));

export function CreditDialogs({
  accountId,
  assign,
  log,
}: {
  accountId: string;
  assign: AssignDialogData | null;
  log: LogDialogData | null;
}) {
  const { closeDialog } = usePageUrl();
  return (
    <Suspense>
      {assign && <AssignDialog key={assign.creditId} accountId={accountId} data={assign} onClose={closeDialog} />}
      {log && <LogDialog key={log.creditId} data={log} onClose={closeDialog} />}
    </Suspense>
  );
}
