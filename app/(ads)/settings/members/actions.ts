"use server";
// The Members page's writes, for admins only: add an existing user by email, change a role, remove a
// member. accountAction checks the admin first; the members module checks again inside its transaction
// and keeps the last admin (SPEC 6.1). Every change lands in the membership log.
import { z } from "zod";
import { getDb } from "@/db/app";
import { roles } from "@/db/schema";
import { accountAction, type ActionResult } from "@/lib/actions/account-action";
import { appNow } from "@/lib/clock";
import * as members from "@/lib/members/members";
import { whoMay } from "@/lib/messages";

const words: Record<members.MemberError, string> = {
  forbidden: whoMay.manageMembers,
  user_not_found: "No one has signed up with that email yet. Ask them to create an account first, then add them here.",
  already_member: "That person is already a member of this ad account.",
  not_member: "That person is no longer a member of this ad account.",
  last_admin: "An ad account needs at least one admin. Make someone else an admin first.",
};

function answer<T extends object>(result: members.MemberResult<T>): ActionResult<T> {
  return result.ok ? result : { ok: false, error: result.error, message: words[result.error] };
}

/** accountAction's own refusal of a non-admin, in this page's words. */
async function after<T extends object>(pending: Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  const result = await pending;
  return !result.ok && result.error === "forbidden" ? { ...result, message: whoMay.manageMembers } : result;
}

const accountId = z.string().min(1).max(200);
const userId = z.string().min(1).max(200);
const role = z.enum(roles, { error: "Choose a role." });

const add = accountAction(
  z.object({
    accountId,
    email: z
      .string({ error: "Enter their email address." })
      .trim()
      .pipe(z.email({ error: "Enter an email address like name@company.com." }).max(254)),
    role,
  }),
  ["admin"],
  async (input, { account, user }) => {
    const db = getDb();
    return answer(await members.addMember(db, await appNow(db), { accountId: account.id, actorUserId: user.id, email: input.email, role: input.role }));
  },
);

export async function addMember(raw: unknown) {
  return after(add(raw));
}

const change = accountAction(z.object({ accountId, userId, role }), ["admin"], async (input, { account, user }) => {
  const db = getDb();
  return answer(await members.changeRole(db, await appNow(db), { accountId: account.id, actorUserId: user.id, userId: input.userId, role: input.role }));
});

export async function changeMemberRole(raw: unknown) {
  return after(change(raw));
}

const remove = accountAction(z.object({ accountId, userId }), ["admin"], async (input, { account, user }): Promise<ActionResult<{ self: boolean }>> => {
  const db = getDb();
  const result = answer(await members.removeMember(db, await appNow(db), { accountId: account.id, actorUserId: user.id, userId: input.userId }));
  return result.ok ? { ok: true, self: input.userId === user.id } : result;
});

export async function removeMember(raw: unknown) {
  return after(remove(raw));
}
