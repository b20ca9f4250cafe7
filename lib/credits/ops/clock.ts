// The sandbox clock and delivery. The clock row records how far events have been processed; advancing it
// runs every due event (R15). `simulate` is delivery: an hour at a time, events first, then every active
// campaign with a budget spends that hour's share, in campaign-id order.
import { and, asc, eq, gt } from "drizzle-orm";
import { campaigns, sandboxClock } from "@/db/schema";
import { fail } from "../errors";
import { chargeIdFor, hourEndedAt, hourlyAmount } from "../rules/delivery";
import { DAY, HOUR, hourBoundariesIn } from "../rules/time";
import { isPositiveInt, perConnection, tryNested, type Tx } from "../tx";
import { charge } from "./charge";
import { runDueEvents } from "./events";

/** The engine's clock: the instant up to which events have run. */
export function clockNow(tx: Tx): number | null {
  return tx.select({ now: sandboxClock.now }).from(sandboxClock).where(eq(sandboxClock.id, 1)).get()?.now ?? null;
}

/** Sets the clock where none is set yet (a new database starts at this instant). */
export function initClock(tx: Tx, now: number) {
  tx.insert(sandboxClock).values({ id: 1, now }).onConflictDoNothing().run();
  return { now: clockNow(tx)! };
}

function moveTo(tx: Tx, from: number, to: number) {
  const events = runDueEvents(tx, from, to);
  tx.update(sandboxClock).set({ now: to }).where(eq(sandboxClock.id, 1)).run();
  return events;
}

const deliveringQuery = perConnection((tx) =>
  tx
    .select({ id: campaigns.id, budget: campaigns.dailyBudget })
    .from(campaigns)
    .where(and(eq(campaigns.status, "active"), gt(campaigns.dailyBudget, 0)))
    .orderBy(asc(campaigns.id))
    .prepare(),
);

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
  for (const boundary of hourBoundariesIn(start, end)) {
    moveTo(tx, from, boundary);
    from = boundary;
    const delivering = deliveringQuery(tx).all();
    const h = hourEndedAt(boundary);
    for (const c of delivering) {
      const amount = hourlyAmount(c.budget, h);
      if (amount === 0) continue;
      const result = tryNested(tx, (inner) =>
        charge(inner, boundary, { id: chargeIdFor(c.id, boundary), campaignId: c.id, amount }),
      );
      if (result instanceof Error) failed++;
      else charged++;
    }
  }
  if (from < end) moveTo(tx, from, end);
  return { now: end, charged, failed };
}
