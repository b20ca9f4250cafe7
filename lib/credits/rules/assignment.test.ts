import { describe, expect, it } from "vitest";
import { campaignIneligibility, campaignLimit, checkAssignment, LIMIT_CUTOFF } from "./assignment";

const credit = { accountId: "a1", type: "assignable" as const, status: "active" as const, issuedAt: LIMIT_CUTOFF, restrictions: {} };
const campaign = { id: "c1", name: "Spring", accountId: "a1", status: "active" as const, adProduct: "in_feed" as const };
const base = {
  action: "assign" as const,
  actorRole: "admin" as const,
  credit,
  accountFrozen: false,
  batch: [{ id: "c1", campaign }],
  assignedAfter: 1,
};
const errorOf = (r: { error: string } | null) => r?.error ?? null;

describe("R10 assignment checks", () => {
  it("10 campaigns for credits issued up to 2024-07-31T23:59:59Z, 30 after (R10)", () => {
    expect(campaignLimit(Date.parse("2024-07-31T23:59:59Z"))).toBe(10);
    expect(campaignLimit(Date.parse("2024-08-01T00:00:00Z"))).toBe(30);
  });

  it("checks run in SPEC order (R10)", () => {
    expect(errorOf(checkAssignment({ ...base, actorRole: "operator", credit: null }))).toBe("forbidden");
    expect(errorOf(checkAssignment({ ...base, credit: null }))).toBe("credit_not_found");
    expect(errorOf(checkAssignment({ ...base, credit: { ...credit, type: "free", status: "expired" } }))).toBe("not_assignable");
    expect(errorOf(checkAssignment({ ...base, credit: { ...credit, status: "exhausted" } }))).toBe("credit_inactive");
    expect(errorOf(checkAssignment({ ...base, accountFrozen: true }))).toBe("credit_inactive");
    expect(errorOf(checkAssignment({ ...base, batch: [{ id: "c9", campaign: null }, { id: "c1", campaign: { ...campaign, status: "paused" } }] }))).toBe("not_found");
    expect(errorOf(checkAssignment({ ...base, batch: [{ id: "c1", campaign: { ...campaign, status: "paused" } }], assignedAfter: 31 }))).toBe("campaign_ineligible");
    expect(errorOf(checkAssignment({ ...base, assignedAfter: 31 }))).toBe("campaign_limit_reached");
    expect(checkAssignment({ ...base, assignedAfter: 30 })).toBeNull();
  });

  it("a refusal carries its facts: the role, the campaign and why, the limit (R10)", () => {
    expect(checkAssignment({ ...base, actorRole: "analyst" })).toEqual({ error: "forbidden", details: { role: "analyst" } });
    expect(checkAssignment({ ...base, accountFrozen: true })).toEqual({ error: "credit_inactive", details: { status: "active", frozen: true } });
    expect(checkAssignment({ ...base, batch: [{ id: "c1", campaign: { ...campaign, status: "draft" } }] })).toEqual({
      error: "campaign_ineligible",
      details: { campaignId: "c1", campaignName: "Spring", status: "draft", adProduct: "in_feed", reason: "not_delivering" },
    });
    expect(checkAssignment({ ...base, credit: { ...credit, issuedAt: LIMIT_CUTOFF - 1 }, assignedAfter: 11 })).toEqual({
      error: "campaign_limit_reached",
      details: { limit: 10, requested: 11 },
    });
  });

  it("unassign skips the campaign eligibility check (R10)", () => {
    expect(checkAssignment({ ...base, action: "unassign", batch: [{ id: "c1", campaign: { ...campaign, status: "archived" } }] })).toBeNull();
  });

  it("a campaign is ineligible in another account, when not active/scheduled, or outside restrictions (R10)", () => {
    expect(campaignIneligibility(credit, { ...campaign, accountId: "a2" })).toBe("other_account");
    expect(campaignIneligibility(credit, { ...campaign, status: "draft" })).toBe("not_delivering");
    expect(campaignIneligibility(credit, { ...campaign, status: "scheduled" })).toBeNull();
    expect(campaignIneligibility({ ...credit, restrictions: { adProducts: ["traffic"] } }, campaign)).toBe("restricted_product");
  });
});
