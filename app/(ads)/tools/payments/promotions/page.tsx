// Tools → Payments → Promotions: the account's ad credits (Available / Expired), its spend-threshold
// promotions (Earning), code redemption, and the View/Assign and Assignment log dialogs.
import type { Metadata } from "next";
import { connection } from "next/server";
import { getDb } from "@/db/app";
import type { AdAccount, Role } from "@/db/schema";
import { AdsShell } from "@/components/shell/ads-shell";
import { canAssign, canChange, requireAccount } from "@/lib/auth/access";
import { appNow } from "@/lib/clock";
import { campaignIneligibility, campaignLimit, checkAssignment } from "@/lib/credits/rules/assignment";
import { formatDate, formatDateTime, formatMoney } from "@/lib/format";
import { adProductLabel, campaignStatusLabel, creditTypeLabel, roleLabel } from "@/lib/labels";
import {
  activationsOf,
  assignmentLogOf,
  assignmentView,
  creditsOf,
  type AssignmentView,
} from "@/lib/queries/promotions";
import { creditAmount, creditStatus, formatClock, requirementText, restrictionLines, sourceLabel } from "@/lib/describe";
import { campaignIneligibleReason, failureMessage } from "@/lib/messages";
import type { AssignDialogData, CampaignOption } from "./assign-dialog";
import { CreditDialogs } from "./credit-dialogs";
import { parseTab } from "./ids";
import type { LogDialogData } from "./log-dialog";
import { PromotionsTabs } from "./promotions-tabs";
import { AvailableTable, EarningTable, ExpiredTables } from "./tables";

export const metadata: Metadata = { title: "Promotions" };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function PromotionsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await connection();
  const search = await searchParams;
  const access = await requireAccount(first(search.aadvid));
  const { account, role } = access;
  const db = getDb();
  const now = await appNow(db);

  const { available, spent } = await creditsOf(db, account.id, now);
  const earning = await activationsOf(db, account.id, ["earning", "qualified", "rewarded"]);
  const ended = await activationsOf(db, account.id, ["expired", "revoked"]);

  const tab = parseTab(first(search.tab));
  const assignId = first(search.assign);
  const logId = first(search.log);
  const view = assignId ? await assignmentView(db, account.id, assignId) : null;
  const log = logId && !view ? await assignmentLogOf(db, account.id, logId) : null;

  return (
    <AdsShell access={access} title="Promotions">
      <PromotionsTabs
        accountId={account.id}
        canRedeem={canChange(role)}
        counts={{ available: available.length, earning: earning.length, expired: spent.length + ended.length }}
        tab={tab}
        panel={
          tab === "available" ? (
            <AvailableTable rows={available} account={account} canAssign={canAssign(role)} />
          ) : tab === "earning" ? (
            <EarningTable rows={earning} account={account} now={now} />
          ) : (
            <ExpiredTables credits={spent} activations={ended} account={account} />
          )
        }
      />
      <p className="mt-3 text-xs text-ink-3">
        Dates and times are in the ad account&apos;s time zone ({account.timeZone}).
      </p>
      <CreditDialogs
        accountId={account.id}
        assign={view ? assignData(view, account, role) : null}
        log={
          log
            ? ({
                creditId: log.credit.id,
                name: log.credit.name,
                timeZone: account.timeZone,
                rows: log.rows.map((r) => ({
                  id: r.id,
                  date: formatDate(r.at, account.timeZone),
                  clock: formatClock(r.at, account.timeZone),
                  action: r.action,
                  campaign: r.campaignName,
                  name: r.actorName,
                  role: roleLabel[r.actorRole],
                })),
              } satisfies LogDialogData)
            : null
        }
      />
    </AdsShell>
  );
}

function assignData({ credit, assigned, campaigns }: AssignmentView, account: AdAccount, role: Role): AssignDialogData {
  const { currency, timeZone } = account;
  const option = (c: AssignmentView["campaigns"][number]): CampaignOption => {
    const why = campaignIneligibility(credit, c);
    return {
      id: c.id,
      name: c.name,
      detail: `${adProductLabel[c.adProduct]} · ${campaignStatusLabel[c.status]}`,
      reason: why && campaignIneligibleReason(why, c),
    };
  };
  const taken = new Set(assigned.map((c) => c.id));
  // Whether this person may change the credit's campaigns now is R10's own answer for an empty batch.
  const refusal = checkAssignment({ action: "assign", actorRole: role, credit, accountFrozen: account.frozen, batch: [], assignedAfter: 0 });
  const requirement = requirementText(credit.requirement, currency);
  const restrictions = restrictionLines(credit.restrictions);
  return {
    creditId: credit.id,
    name: credit.name,
    limit: campaignLimit(credit.issuedAt),
    assigned: assigned.map(option),
    candidates: campaigns.filter((c) => !taken.has(c.id)).map(option),
    locked: refusal && failureMessage(refusal, account),
    facts: [
      { label: "Amount", lines: [creditAmount(credit, currency)] },
      { label: "Unused amount", lines: [`${formatMoney(credit.unused, currency)} (${formatMoney(credit.used, currency)} used)`] },
      {
        label: "Valid dates",
        lines: [`From ${formatDateTime(credit.issuedAt, timeZone)}`, `Until ${formatDateTime(credit.expiresAt, timeZone)}`],
      },
      { label: "Restrictions", lines: restrictions.length > 0 ? restrictions : ["No restrictions"] },
      {
        label: "Credit type",
        lines: [`${creditTypeLabel[credit.type]} · ${sourceLabel[credit.source]} · ${creditStatus[credit.status].label}`],
      },
      ...(requirement ? [{ label: "Usage requirements", lines: [requirement] }] : []),
    ],
  };
}
