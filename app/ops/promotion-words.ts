// A promotion's offer, validity and eligibility in the words the ops console lists them with.
import type { PromotionRow } from "@/lib/queries/ops";
import { formatMoney } from "@/lib/format";
import { adProductLabel } from "@/lib/labels";

export function offerLines(p: PromotionRow): string[] {
  const m = (minor: number) => formatMoney(minor, p.currency);
  if (p.kind === "ladder") return p.tiers.map((t) => `Spend ${m(t.spend)}, get ${m(t.reward)}`);
  if (p.kind === "discount") return [`${p.percent}% off each charge, up to ${m(p.amount ?? 0)}`];
  return [`${m(p.amount ?? 0)} credit`];
}

export function validityLines(p: PromotionRow): string[] {
  const lines = [`Credit lasts ${p.creditValidityDays} days`];
  if (p.kind === "ladder") lines.unshift(`Window ${p.windowDays} days`);
  return lines;
}

export function eligibilityLines(p: PromotionRow): string[] {
  const who = [
    p.eligibility.selfServeOnly ? "Self-serve accounts" : null,
    p.eligibility.newAdvertisersOnly ? "new advertisers" : null,
  ].filter(Boolean);
  const lines = [who.length ? `${who.join(", ")} only` : "Any account"];
  if (p.eligibility.countries?.length) lines.push(`In ${p.eligibility.countries.join(", ")}`);
  if (p.restrictions.adProducts?.length) lines.push(`On ${p.restrictions.adProducts.map((a) => adProductLabel[a]).join(", ")}`);
  if (p.requirement.minCashBalance !== undefined) lines.push(`Needs ${formatMoney(p.requirement.minCashBalance, p.currency)} cash`);
  return lines;
}
