// R10: assigning assignable credits to campaigns, all or nothing, with the append-only log.
import { and, eq, inArray } from "drizzle-orm";
import { assignmentLog, assignments, campaigns, credits, type Role } from "@/db/schema";
import { fail, refuse } from "../errors";
import { checkAssignment } from "../rules/assignment";
import type { Tx } from "../tx";
import { loadAccount } from "./ledger";

export type AssignInput = {
  creditId: string;
  campaignIds: string[];
  actorRole: Role;
  actorUserId?: string | null;
};

function change(tx: Tx, now: number, action: "assign" | "unassign", input: AssignInput) {
  const batch = [...new Set(input.campaignIds)];
  if (batch.length === 0) fail("invalid_input", "no campaigns");
  const credit = tx.select().from(credits).where(eq(credits.id, input.creditId)).get() ?? null;
  const frozen = credit ? loadAccount(tx, credit.accountId).frozen : false;
  const found = tx.select().from(campaigns).where(inArray(campaigns.id, batch)).all();
  const current = new Set(
    credit
      ? tx
          .select({ id: assignments.campaignId })
          .from(assignments)
          .where(eq(assignments.creditId, credit.id))
          .all()
          .map((r) => r.id)
      : [],
  );
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

  for (const campaignId of real) {
    if (action === "assign") tx.insert(assignments).values({ creditId: credit.id, campaignId, assignedAt: now }).run();
    else
      tx.delete(assignments)
        .where(and(eq(assignments.creditId, credit.id), eq(assignments.campaignId, campaignId)))
        .run();
    tx.insert(assignmentLog)
      .values({
        creditId: credit.id,
        campaignId,
        action,
        actorRole: input.actorRole,
        actorUserId: input.actorUserId ?? null,
        at: now,
      })
      .run();
  }
  return { changed: real, assignedCampaigns: current.size + (action === "assign" ? real.length : -real.length) };
}

export const assign = (tx: Tx, now: number, input: AssignInput) => change(tx, now, "assign", input);
export const unassign = (tx: Tx, now: number, input: AssignInput) => change(tx, now, "unassign", input);
