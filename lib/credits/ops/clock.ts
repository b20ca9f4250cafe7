// The sandbox clock and delivery. The clock row records how far events have been processed; advancing it
// runs every due event (R15). `simulate` is delivery: an hour at a time, events first, then every active
// campaign with a budget spends that hour's share, in campaign-id order.
//
// A move runs one of two ways, to the same result. Where any transaction holds the whole database
// (SQLite), as one transaction (`advance`, `simulate`): nothing else could run between its steps anyway,
// and one transaction lets delivery keep each account's book across hours. Where transactions hold rows
// (PostgreSQL, `store.moveInSteps`), step by step (`moveStepwise`): each due event, and each campaign's
// charge of an hour, is its own transaction, holding the clock row and the accounts it moves only until it
// commits, so that operations on other accounts run between steps; the clock row records the move and how
// far it got (`ClockMove`), in the transaction of each step, so that a move cut short resumes where its
// last commit left it.
import type { ClockMove } from "@/db/schema";
import { EngineError, fail } from "../errors";
import { chargeIdsAt, hourEndedAt, hourlyAmount } from "../rules/delivery";
import type { Tier } from "../rules/ladder";
import { DAY, HOUR, hourBoundariesIn, monthStartsIn } from "../rules/time";
import type { MoveStep, Store, StoredCampaign, StoredCharge } from "../store/store";
import { isPositiveInt } from "../tx";
import { ChargeSession, chargeIn } from "./charge";
import { nextDueEvent, runDueEvents, runEvent } from "./events";

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
  if (store.moveInSteps) {
    const { to, events } = await moveStepwise(store, false, (from) => targetOf(from, input));
    return { now: to, events };
  }
  const from = (await store.clockForUpdate()) ?? fail("invalid_input", "the clock is not set");
  const to = targetOf(from, input);
  const events = await moveTo(store, from, to);
  return { now: to, events };
}

export async function simulate(store: Store, input: { hours: number }) {
  if (!isPositiveInt(input.hours)) fail("invalid_input", "hours must be a positive integer");
  if (store.moveInSteps) {
    const { to, charged, failed } = await moveStepwise(store, true, (from) => from + input.hours * HOUR);
    return { now: to, charged, failed };
  }
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
    // Plain loops and push(), not map/filter: the arrays then always have one shape (V8's elements kind),
    // and the optimised simulate is not thrown away when an hour's array has another (a deoptimisation,
    // then a recompile of the whole function: docs/performance.md, "Counted, not timed").
    const hour: HourCharge[] = [];
    const accountIds: string[] = [];
    const ids: string[] = [];
    for (const c of delivering) {
      const amount = hourlyAmount(c.dailyBudget, h);
      if (amount <= 0) continue;
      const id = chargeId(c.id);
      hour.push({ c, id, amount });
      accountIds.push(c.accountId);
      ids.push(id);
    }
    if (hour.length === 0) continue; // the calls below would do nothing
    // What this hour's charges read, in one call each: the books of accounts the session does not hold yet
    // (first: on PostgreSQL reading them holds their accounts), then earlier charges with their ids.
    await session.load(accountIds);
    const seen = await store.chargesByIds(ids);
    const made = chargeHour(session, hour, seen);
    charged += made;
    failed += hour.length - made;
  }
  await session.flush();
  if (from < end) await moveTo(store, from, end);
  return { now: end, charged, failed };
}

/**
 * An hour's charges through the session, in campaign-id order: how many were made (the rest failed). Kept
 * out of `simulate` so that the JIT optimises this synchronous loop on its own, instead of compiling it
 * again inside the much larger async `simulate` (docs/performance.md, "Counted, not timed").
 */
type HourCharge = { c: StoredCampaign; id: string; amount: number };

function chargeHour(session: ChargeSession, hour: HourCharge[], seen: Map<string, StoredCharge>) {
  let made = 0;
  for (const { c, id, amount } of hour) {
    // A charge that fails has written nothing (see charge.ts), so it needs no savepoint.
    try {
      chargeIn(session, { id, campaignId: c.id, amount }, seen.get(id), c);
      made++;
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
    }
  }
  return made;
}

/**
 * A move made step by step (see the top of this file), from the clock to `targetFrom(clock)`, delivering
 * or not; resolves to the move's record once done. A move recorded unfinished (its process died) is
 * finished first. When this call asks for that same move (the same kind, and the same end reckoned from
 * where it started: running an interrupted `simulate` or `advance` again), finishing it is this call's
 * work, and it answers with the whole move's totals, as the uninterrupted run would have.
 */
async function moveStepwise(store: Store, delivers: boolean, targetFrom: (from: number) => number): Promise<ClockMove> {
  return store.moveInSteps!(async (step) => {
    const pending = await step(async (tx) => {
      const clock = await tx.clockMove();
      // Bad input changes nothing: not even the finishing of a move cut short.
      if (clock) targetFrom(clock.now);
      return clock?.move ?? null;
    });
    if (pending) {
      const done = await finishMove(step);
      if (pending.delivers === delivers && sameTarget(targetFrom, pending)) return done;
    }
    await step(async (tx) => {
      const clock = (await tx.clockMove()) ?? fail("invalid_input", "the clock is not set");
      const to = targetFrom(clock.now);
      const move: ClockMove = { from: clock.now, to, delivers, hoursDone: clock.now, campaign: null, billed: null, charged: 0, failed: 0, events: 0 };
      await tx.setClockMove(clock.now, move);
    });
    return finishMove(step);
  });
}

async function endMove(tx: Store, move: ClockMove) {
  await tx.setClockMove(move.to, null);
  return { move, done: true };
}

/** Whether a call asking for `targetFrom(…)` asks for the recorded move (a call that would fail does not). */
function sameTarget(targetFrom: (from: number) => number, move: ClockMove): boolean {
  try {
    return targetFrom(move.from) === move.to;
  } catch (e) {
    if (e instanceof EngineError) return false;
    throw e;
  }
}

/** Steps the recorded move until it is done; its record, with the totals. */
async function finishMove(step: MoveStep): Promise<ClockMove> {
  const tiers = new Map<string, Tier[]>();
  for (;;) {
    const { move, done } = await step((tx) => moveOneStep(tx, tiers));
    if (done) return move;
  }
}

/**
 * One step of the recorded move: the next due event, or the next campaign-hour's charge, with the clock
 * row held, and the record of how far the move got written with what the step wrote. While an hour's
 * events run (`campaign` null), the step runs the next due event and moves the clock to its time; once
 * none is left before the hour's end, the clock reaches it and the hour's charges start: the step charges
 * the next campaign in id order after `campaign` with a share to spend. After an hour's last charge, the
 * next hour's events. Past the last whole hour, the events up to `to`. Stretches with nothing to run
 * (no event due, no campaign to charge) are crossed in the step that runs what comes next.
 */
async function moveOneStep(tx: Store, tiers: Map<string, Tier[]>): Promise<{ move: ClockMove; done: boolean }> {
  const clock = (await tx.clockMove())!;
  const move = { ...clock.move! };
  let now = clock.now;
  // Nothing else runs in this transaction, and no event changes a campaign: who delivers is read once.
  let delivering: StoredCampaign[] | undefined;
  const wrote = async () => {
    await tx.setClockMove(now, move);
    return { move, done: false };
  };
  for (;;) {
    const next = Math.floor(move.hoursDone / HOUR) * HOUR + HOUR;
    // The end of the stretch under way: the next hour boundary when delivering, else the move's end.
    const until = move.delivers && next <= move.to ? next : move.to;
    if (move.campaign === null) {
      // Delivery's last hour ended the move: events that its charges made due now wait for the next move.
      if (move.delivers && move.hoursDone === move.to) return endMove(tx, move);
      const months = monthStartsIn(move.from, until).filter((m) => move.billed === null || m > move.billed);
      const event = await nextDueEvent(tx, until, months);
      if (event) {
        // Back-dated data is handled now, not in the past (as runDueEvents does).
        now = Math.max(event.t, now);
        await runEvent(tx, event, now);
        if (event.kind === "billing") move.billed = event.t;
        move.events++;
        return wrote();
      }
      if (!(move.delivers && until === next)) return endMove(tx, move);
      now = until;
      move.campaign = "";
    }
    // The hour ending at `until`: its events have run and the clock is there.
    const h = hourEndedAt(until);
    delivering ??= await tx.deliveringCampaigns();
    const c = delivering.find((c) => c.id > move.campaign! && hourlyAmount(c.dailyBudget, h) > 0);
    if (!c) {
      move.hoursDone = until;
      move.campaign = null;
      continue;
    }
    const session = new ChargeSession(tx, until, tiers);
    await session.load([c.accountId]);
    // With its account held, the campaign as it is now: paused, or its budget changed, between steps.
    const campaign = await tx.campaign(c.id);
    const amount = campaign?.status === "active" ? hourlyAmount(campaign.dailyBudget, h) : 0;
    move.campaign = c.id;
    if (amount === 0) return wrote();
    const id = chargeIdsAt(until)(c.id);
    const seen = (await tx.chargesByIds([id])).get(id);
    try {
      // A charge that fails has written nothing (see charge.ts); it is skipped, as in `simulate`.
      chargeIn(session, { id, campaignId: c.id, amount }, seen, campaign);
      move.charged++;
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      move.failed++;
    }
    await session.flush();
    return wrote();
  }
}
