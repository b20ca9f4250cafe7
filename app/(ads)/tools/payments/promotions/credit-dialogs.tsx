"use client";
// Shows the credit dialog the URL names (`?assign=` or `?log=`); closing it takes the parameter away.
import { AssignDialog, type AssignDialogData } from "./assign-dialog";
import { LogDialog, type LogDialogData } from "./log-dialog";
import { usePageUrl } from "./use-page-url";

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
    <>
      {assign && <AssignDialog key={assign.creditId} accountId={accountId} data={assign} onClose={closeDialog} />}
      {log && <LogDialog key={log.creditId} data={log} onClose={closeDialog} />}
    </>
  );
}
