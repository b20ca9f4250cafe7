// Settings → Members (admins only): who may use this ad account and as what, adding existing users by
// email, changing roles, removing members, and the log of every change (who, when, what).
import type { Metadata } from "next";
import { connection } from "next/server";
import { getDb } from "@/db/app";
import { AdsShell } from "@/components/shell/ads-shell";
import { requireAccount } from "@/lib/auth/access";
import { formatDateTime } from "@/lib/format";
import { roleLabel } from "@/lib/labels";
import { memberChangesOf, membersOf, type MemberChangeRow } from "@/lib/queries/members";
import { AddMemberForm } from "./add-member-form";
import { MembersTable } from "./members-table";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ searchParams }: { searchParams: Promise<{ aadvid?: string }> }) {
  await connection();
  const access = await requireAccount((await searchParams).aadvid);
  const { account, role, user } = access;
  if (role !== "admin")
    return (
      <AdsShell access={access} title="Members">
        <div className="card px-4 py-10 text-center">
          <p className="font-medium">Only ad-account admins can see and manage members</p>
          <p className="mt-1 text-[13px] text-ink-2">Ask an admin of {account.name} to add a teammate or change a role.</p>
        </div>
      </AdsShell>
    );
  const db = getDb();
  const members = await membersOf(db, account.id);
  const changes = await memberChangesOf(db, account.id);
  const admins = members.filter((m) => m.role === "admin").length;

  return (
    <AdsShell access={access} title="Members">
      <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_360px]">
        <section aria-labelledby="members-heading" className="card min-w-0">
          <header className="border-b border-line px-4 py-3">
            <h2 id="members-heading" className="font-semibold">
              Members of {account.name}
            </h2>
            <p className="text-[13px] text-ink-3">
              Admins manage members, billing and credit assignments; operators run campaigns and redeem codes; analysts only read.
            </p>
          </header>
          <MembersTable accountId={account.id} currentUserId={user.id} lastAdmin={admins === 1} members={members} />
        </section>
        <div className="space-y-5">
          <section aria-labelledby="add-member-heading" className="card">
            <h2 id="add-member-heading" className="border-b border-line px-4 py-3 font-semibold">
              Add member
            </h2>
            <div className="px-4 py-4">
              <AddMemberForm accountId={account.id} />
            </div>
          </section>
          <section aria-labelledby="member-changes-heading" className="card">
            <h2 id="member-changes-heading" className="border-b border-line px-4 py-3 font-semibold">
              Member changes
            </h2>
            {changes.length === 0 ? (
              <p className="px-4 py-4 text-[13px] text-ink-3">No changes yet. Every addition, role change and removal is recorded here.</p>
            ) : (
              <ol className="divide-y divide-line text-[13px]">
                {changes.map((c) => (
                  <li key={c.id} className="px-4 py-2.5">
                    <p>{describe(c)}</p>
                    <p className="text-xs text-ink-3">
                      {formatDateTime(c.at, account.timeZone)} · by {c.actorName} ({c.actorEmail})
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      </div>
    </AdsShell>
  );
}

function describe(c: MemberChangeRow): string {
  if (c.action === "add") return `Added ${c.memberEmail} as ${roleLabel[c.role ?? "analyst"]}`;
  if (c.action === "remove") return `Removed ${c.memberEmail}${c.previousRole ? ` (${roleLabel[c.previousRole]})` : ""}`;
  return `Changed ${c.memberEmail} from ${c.previousRole ? roleLabel[c.previousRole] : "?"} to ${c.role ? roleLabel[c.role] : "?"}`;
}
