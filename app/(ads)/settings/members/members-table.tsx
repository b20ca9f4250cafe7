"use client";
// The member list: each member's role can be changed (Save) and the member removed. The server keeps the
// last admin; here the last admin's controls say so before anyone tries.
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import type { Role } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { useNavigationTransition } from "@/components/ui/link";
import { FormAlert } from "@/components/forms/field";
import { roleLabel } from "@/lib/labels";
import type { Member } from "@/lib/queries/members";
import { changeMemberRole, removeMember } from "./actions";

const roleOptions: Role[] = ["admin", "operator", "analyst"];

export function MembersTable({ accountId, currentUserId, lastAdmin, members }: { accountId: string; currentUserId: string; lastAdmin: boolean; members: Member[] }) {
  return (
    <ul aria-labelledby="members-heading" className="divide-y divide-line">
      {members.map((m) => (
        <MemberRow key={m.userId} accountId={accountId} member={m} self={m.userId === currentUserId} lastAdmin={lastAdmin && m.role === "admin"} />
      ))}
    </ul>
  );
}

function MemberRow({ accountId, member, self, lastAdmin }: { accountId: string; member: Member; self: boolean; lastAdmin: boolean }) {
  const router = useRouter();
  const [role, setRole] = useState<Role>(member.role);
  const [error, setError] = useState<string | null>(null);
  const [busy, start] = useTransition();
  // Someone who removed themselves goes Home: the shell's progress bar shows while it loads.
  const leave = useNavigationTransition();
  const id = useId();
  const noteId = `${id}-note`;

  const save = () =>
    start(async () => {
      setError(null);
      const result = await changeMemberRole({ accountId, userId: member.userId, role });
      if (!result.ok) {
        setError(result.message);
        setRole(member.role);
      }
    });
  const remove = () =>
    start(async () => {
      setError(null);
      const result = await removeMember({ accountId, userId: member.userId });
      if (!result.ok) setError(result.message);
      else if (result.self) leave(() => router.push("/"));
    });

  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
      <div className="min-w-0 flex-1 basis-56">
        <p className="font-medium">
          {member.name}
          {self && <span className="ml-1.5 rounded-full bg-canvas px-1.5 py-0.5 text-xs font-normal text-ink-2">You</span>}
        </p>
        <p className="truncate text-xs text-ink-3">{member.email}</p>
        {lastAdmin && (
          <p id={noteId} className="mt-0.5 text-xs text-ink-3">
            The only admin: make someone else an admin before changing or removing this one.
          </p>
        )}
      </div>
      <div className="flex items-center gap-1.5">
        <label htmlFor={`${id}-role`} className="sr-only">
          Role for {member.email}
        </label>
        <select
          id={`${id}-role`}
          value={role}
          onChange={(e) => setRole(roleOptions.find((r) => r === e.target.value) ?? member.role)}
          aria-describedby={lastAdmin ? noteId : undefined}
          className="field h-8 w-32 py-0 text-[13px]"
        >
          {roleOptions.map((r) => (
            <option key={r} value={r}>
              {roleLabel[r]}
            </option>
          ))}
        </select>
        <Button size="sm" onClick={save} disabled={busy || role === member.role} aria-label={`Save role for ${member.email}`}>
          Save
        </Button>
        <Button size="sm" variant="ghost" onClick={remove} disabled={busy} aria-label={`Remove ${member.email}`} aria-describedby={lastAdmin ? noteId : undefined}>
          {busy && <span aria-hidden className="size-3.5 animate-spin rounded-full border-2 border-line border-t-brand" />}
          Remove
        </Button>
      </div>
      {error && <FormAlert message={error} className="basis-full" />}
    </li>
  );
}
