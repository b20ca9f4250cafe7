// The sandbox clock and delivery. The clock row records how far events have been processed; advancing it
// runs every due event (R15). `simulate` is delivery: an hour at a time, events first, then every active
// campaign with a budget spends that hour's share, in campaign-id order.
import { EngineError, fail } from "../errors";
import { chargeIdsAt, hourEndedAt, hourlyAmount } from "../rules/delivery";
import { DAY, HOUR, hourBoundariesIn } from "../rules/time";
import type { Store } from "../store/store";
import { isPositiveInt } from "../tx";
import { ChargeSession, chargeIn } from "./charge";
import { runDueEvents } from "./events";

/** The engine's clock: the instant up to which events have run. */
export async function clockNow(store: Store): Promise<number | null> {
  return (await store.clockNow()) ?? null;
}

/** Sets the clock where none is set yet (a new database starts at this instant). */
export async function initClock(store: Store, now: number) {
  await store.initClock(now);
  return { now: (await clockNow(store))! };
}

async function moveTo(store: Store, from: number, to: number) {
  const events = await runDueEvents(store, from, to);
  await store.setClock(to);
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

export async function advance(store: Store, input: AdvanceInput) {
  const from = (await store.clockForUpdate()) ?? fail("invalid_input", "the clock is not set");
  const to = targetOf(from, input);
  const events = await moveTo(store, from, to);
  return { now: to, events };
}

export async function simulate(store: Store, input: { hours: number }) {
  if (!isPositiveInt(input.hours)) fail("invalid_input", "hours must be a positive integer");
  const start = (await store.clockForUpdate()) ?? fail("invalid_input", "the clock is not set");
  const end = start + input.hours * HOUR;
  let from = start;
  let charged = 0;
  let failed = 0;
  const session = new ChargeSession(store, start);
  // No operation runs during delivery and no due event changes a campaign: who delivers is read once.
  const delivering = await store.deliveringCampaigns();
  for (const boundary of hourBoundariesIn(start, end)) {
    // Events read what the charges so far wrote, and whatever they change is read afresh.
    await session.flush();
    if ((await moveTo(store, from, boundary)) > 0) session.forget();
    from = boundary;
    session.now = boundary;
    const h = hourEndedAt(boundary);
    const chargeId = chargeIdsAt(boundary);
    const hour = delivering
      .map((c) => ({ c, id: chargeId(c.id), amount: hourlyAmount(c.dailyBudget, h) }))
      .filter((x) => x.amount > 0);
    // What this hour's charges read, in one call each: the books of accounts the session does not hold yet
    // (first: on PostgreSQL reading them holds their accounts), then earlier charges with their ids.
    await session.load(hour.map((x) => x.c.accountId));
    const seen = await store.chargesByIds(hour.map((x) => x.id));
    for (const { c, id, amount } of hour) {
      // A charge that fails has written nothing (see charge.ts), so it needs no savepoint.
      try {
        chargeIn(session, { id, campaignId: c.id, amount }, seen.get(id), c);
        charged++;
      } catch (e) {
        if (!(e instanceof EngineError)) throw e;
        failed++;
      }
    }
  }
  await session.flush();
  if (from < end) await moveTo(store, from, end);
  return { now: end, charged, failed };
}
