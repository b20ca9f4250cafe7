// Credits and activations in words: amounts, restrictions, requirements, validity, tier progress.
import type { ActivationStatus, CreditSource, CreditStatus, Requirement, Restrictions } from "@/db/schema";
import { formatMoney } from "@/lib/format";
import { adProductLabel } from "@/lib/labels";

// Built on first use, not when the module loads: browser bundles import this module for a label or two,
// and the first Intl object a page builds costs ~30 ms of ICU set-up on its main thread.
let regionNames: Intl.DisplayNames | undefined;
let listFormat: Intl.ListFormat | undefined;
const regions = () => (regionNames ??= new Intl.DisplayNames(["en"], { type: "region" }));
const list = () => (listFormat ??= new Intl.ListFormat("en", { style: "long", type: "conjunction" }));

export const countryName = (code: string): string => {
  try {
    return regions().of(code) ?? code;
  } catch {
    return code;
  }
};

/** "5% off, up to $150.00" for a discount; the amount otherwise. */
export function creditAmount(c: { type: string; amount: number; percent: number | null }, currency: string): string {
  return c.type === "discount" ? `${c.percent}% off, up to ${formatMoney(c.amount, currency)}` : formatMoney(c.amount, currency);
}

/** Each restriction as one line; empty when the credit applies everywhere. */
export function restrictionLines(r: Restrictions): string[] {
  const lines: string[] = [];
  if (r.adProducts?.length) lines.push(`Ad products: ${list().format(r.adProducts.map((p) => adProductLabel[p]))}`);
  if (r.countries?.length) lines.push(`Countries: ${list().format(r.countries.map(countryName))}`);
  return lines;
}

export function requirementText(r: Requirement, currency: string): string | null {
  return r.minCashBalance !== undefined ? `Keep at least ${formatMoney(r.minCashBalance, currency)} in cash balance` : null;
}

/** The time of day with the zone's short name, e.g. "19:00 GMT-5". */
export function formatClock(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" }).format(ms);
}

/** The colour family a status is shown in (components/ui/status-badge). */
export type Tone = "ok" | "info" | "warn" | "danger" | "muted";

export const creditStatus: Record<CreditStatus, { label: string; tone: Tone }> = {
  active: { label: "Active", tone: "ok" },
  exhausted: { label: "Used up", tone: "muted" },
  expired: { label: "Expired", tone: "warn" },
  revoked: { label: "Revoked", tone: "danger" },
};

export const activationStatus: Record<ActivationStatus, { label: string; tone: Tone }> = {
  earning: { label: "Earning", tone: "info" },
  qualified: { label: "Qualified", tone: "warn" },
  rewarded: { label: "Rewarded", tone: "ok" },
  expired: { label: "Expired", tone: "muted" },
  revoked: { label: "Revoked", tone: "danger" },
};

export const sourceLabel: Record<CreditSource, string> = {
  coupon: "Coupon",
  ladder_reward: "Promotion reward",
  grant: "Granted",
  business_center: "Business Center",
};
