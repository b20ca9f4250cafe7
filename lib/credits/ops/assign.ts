// R10: assigning assignable credits to campaigns, all or nothing, with the append-only log.
import type { Role } from "@/db/schema";
import { fail, refuse } from "../errors";
import { checkAssignment } from "../rules/assignment";
import type { Store } from "../store/store";
import { loadAccount } from "./ledger";

export type AssignInput = {
  creditId: string;
  campaignIds: string[];
  actorRole: Role;
  actorUserId?: string | null;
};

async function change(store: Store, now: number, action: "assign" | "unassign", input: AssignInput) {
  const batch = [...new Set(input.campaignIds)];
  if (batch.length === 0) fail("invalid_input", "no campaigns");
  const credit = (await store.creditForUpdate(input.creditId)) ?? null;
  const frozen = credit ? (await loadAccount(store, credit.accountId)).frozen : false;
  const found = await store.campaignsByIds(batch);
  const current = new Set(credit ? await store.assignedCampaignIds(credit.id) : []);
  const real = batch.filter((id) => (action === "assign" ? !current.has(id) : current.has(id)));
  const refusal = checkAssignment({
    action,
    actorRole: input.actorRole,
    credit,
    accountFrozen: frozen,
    batch: batch.map((id) => ({ id, campaign: found.find((c) => c.id === id) ?? null })),
    assignedAfter: current.size + (action === "assign" ? real.length : -real.length),
  });
  if (refusal) return refuse(refusal);
  if (!credit) return fail("credit_not_found");

  await store.changeAssignments({
    creditId: credit.id,
    campaignIds: real,
    action,
    actorRole: input.actorRole,
    actorUserId: input.actorUserId ?? null,
    at: now,
  });
  return { changed: real, assignedCampaigns: current.size + (action === "assign" ? real.length : -real.length) };
}

export const assign = (store: Store, now: number, input: AssignInput) => change(store, now, "assign", input);
export const unassign = (store: Store, now: number, input: AssignInput) => change(store, now, "unassign", input);
