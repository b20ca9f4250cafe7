// Runs a parsed scenario against a fresh database (SQLite in memory unless told) and returns the output document.
import * as engine from "@/lib/credits";
import type { EngineDb } from "@/lib/credits";
import type { Result } from "@/lib/credits/errors";
import { sqliteBackend, type Backend } from "./backend";
import type { Scenario, Step } from "./schema";
import { stateFrom, type State } from "./state";

export type StepOutcome = { op: Step["op"]; ok: boolean; error?: string };
export type ScenarioOutput = { steps: StepOutcome[]; snapshots: Record<string, State>; final: State };

const at = (s: string) => Date.parse(s);

function apply(db: EngineDb, now: number, step: Step): Promise<Result> {
  switch (step.op) {
    case "createAccount":
      return engine.createAccount(db, now, step);
    case "linkPaymentMethod":
      return engine.linkPaymentMethod(db, now, { accountId: step.account, card: step.card });
    case "removePaymentMethod":
      return engine.removePaymentMethod(db, now, { accountId: step.account });
    case "topUp":
      return engine.topUp(db, now, { accountId: step.account, amount: step.amount });
    case "createCampaign":
      return engine.createCampaign(db, now, { ...step, accountId: step.account });
    case "setCampaignStatus":
      return engine.setCampaignStatus(db, now, { campaignId: step.campaign, status: step.status });
    case "launchCampaign":
      return engine.launchCampaign(db, now, { ...step, accountId: step.account });
    case "pauseCampaign":
      return engine.pauseCampaign(db, now, { campaignId: step.campaign });
    case "resumeCampaign":
      return engine.resumeCampaign(db, now, { campaignId: step.campaign });
    case "setDailyBudget":
      return engine.setDailyBudget(db, now, { campaignId: step.campaign, dailyBudget: step.dailyBudget });
    case "createPromotion":
      return engine.createPromotion(db, now, step);
    case "issueCode":
      return engine.issueCode(db, now, { ...step, promotionId: step.promotion });
    case "redeem":
      return engine.redeem(db, now, { accountId: step.account, code: step.code, as: step.as });
    case "grantCredit":
      return engine.grantCredit(db, now, {
        ...step,
        accountId: step.account,
        issuedAt: step.issuedAt === undefined ? undefined : at(step.issuedAt),
      });
    case "allocateFromBC":
      return engine.allocateFromBC(db, now, { ...step, accountId: step.account });
    case "assign":
    case "unassign":
      return engine[step.op](db, now, {
        creditId: step.credit,
        campaignIds: step.campaigns,
        actorRole: step.actorRole ?? "admin",
      });
    case "charge":
      return engine.charge(db, now, { id: step.id, campaignId: step.campaign, amount: step.amount });
    case "advance":
      return engine.advance(db, { ...step, to: step.to === undefined ? undefined : at(step.to) });
    case "simulate":
      return engine.simulate(db, step);
    case "freeze":
      return engine.freeze(db, now, { accountId: step.account });
    case "appeal":
      return engine.appeal(db, now, { accountId: step.account, reason: step.reason });
    case "resolveAppeal":
      return engine.resolveAppeal(db, now, { accountId: step.account, outcome: step.outcome });
    case "snapshot":
      return Promise.resolve({ ok: true });
  }
}

export async function runScenario(scenario: Scenario, backend: Backend = sqliteBackend()): Promise<ScenarioOutput> {
  const { db } = backend;
  const state = async (now: number) => stateFrom(await backend.rows(), now);
  await engine.initClock(db, at(scenario.start));
  const steps: StepOutcome[] = [];
  const snapshots: Record<string, State> = {};
  const now = async () => (await engine.clockNow(db))!;
  for (const step of scenario.steps) {
    const result = await apply(db, await now(), step);
    steps.push(result.ok ? { op: step.op, ok: true } : { op: step.op, ok: false, error: result.error });
    if (step.op === "snapshot") snapshots[step.label] = await state(await now());
  }
  return { steps, snapshots, final: await state(await now()) };
}
