// The sandbox clock and delivery. The clock row records how far events have been processed; advancing it
// runs every due event (R15). `simulate` is delivery: an hour at a time, events first, then every active
// campaign with a budget spends that hour's share, in campaign-id order.
import { sandboxClock } from "@/db/schema";
import { EngineError, fail } from "../errors";
import { chargeIdsAt, hourEndedAt, hourlyAmount } from "../rules/delivery";
import { DAY, HOUR, hourBoundariesIn } from "../rules/time";
import { sqliteStore } from "../sqlite-store";
import { isPositiveInt, type Tx } from "../tx";
import { ChargeSession, chargeIn } from "./charge";
import { runDueEvents } from "./events";

/** The engine's clock: the instant up to which events have run. */
export function clockNow(tx: Tx): number | null {
  return sqliteStore(tx).clockNow() ?? null;
}

/** Sets the clock where none is set yet (a new database starts at this instant). */
export function initClock(tx: Tx, now: number) {
  tx.insert(sandboxClock).values({ id: 1, now }).onConflictDoNothing().run();
  return { now: clockNow(tx)! };
}

function moveTo(tx: Tx, from: number, to: number) {
  const events = runDueEvents(tx, from, to);
  sqliteStore(tx).setClock(to);
  return events;
}

export type AdvanceInput = { hours?: number; days?: number; to?: number };

function targetOf(from: number, input: AdvanceInput): number {
  const given = [input.hours, input.days, input.to].filter((v) => v !== undefined);
  if (given.length !== 1) fail("invalid_input", "give exactly one of hours, days or to");
  if (input.to !== undefined) {
    if (!Number.isFinite(input.to) || input.to < from) fail("invalid_input", "the clock cannot go back");
    return input.to;
  }
  const n = input.hours ?? input.days!;
  if (!isPositiveInt(n)) fail("invalid_input", "hours and days must be positive integers");
  return from + n * (input.hours !== undefined ? HOUR : DAY);
}

export function advance(tx: Tx, input: AdvanceInput) {
  const from = clockNow(tx) ?? fail("invalid_input", "the clock is not set");
  const to = targetOf(from, input);
  const events = moveTo(tx, from, to);
  return { now: to, events };
}

export function simulate(tx: Tx, input: { hours: number }) {
  if (!isPositiveInt(input.hours)) fail("invalid_input", "hours must be a positive integer");
  const start = clockNow(tx) ?? fail("invalid_input", "the clock is not set");
  const end = start + input.hours * HOUR;
  let from = start;
  let charged = 0;
  let failed = 0;
  const session = new ChargeSession(tx, start);
  // No operation runs during delivery and no due event changes a campaign: who delivers is read once.
  const delivering = session.store.deliveringCampaigns();
  for (const boundary of hourBoundariesIn(start, end)) {
    // Events read what the charges so far wrote, and whatever they change is read afresh.
    session.flush();
    if (moveTo(tx, from, boundary) > 0) session.reset();
    from = boundary;
    session.now = boundary;
    const h = hourEndedAt(boundary);
    const chargeId = chargeIdsAt(boundary);
    for (const c of delivering) {
      const amount = hourlyAmount(c.dailyBudget, h);
      if (amount === 0) continue;
      // A charge that fails has written nothing (see charge.ts), so it needs no savepoint.
      try {
        chargeIn(session, { id: chargeId(c.id), campaignId: c.id, amount }, c);
        charged++;
      } catch (e) {
        if (!(e instanceof EngineError)) throw e;
        failed++;
      }
    }
  }
  session.flush();
  if (from < end) moveTo(tx, from, end);
  return { now: end, charged, failed };
}
