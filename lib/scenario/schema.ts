// The scenario file format of SPEC section 5, parsed with zod. Shape errors (unknown op, missing field,
// wrong JSON type, unknown enum value) make the file invalid; values of the right type but out of range
// are left to the engine, which answers `invalid_input` for that step.
import { z } from "zod";
import {
  accountKinds,
  adProducts,
  billingMethods,
  campaignStatuses,
  cardBrands,
  creditTypes,
  issuableCreditTypes,
  roles,
} from "@/db/schema";

const msg = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : `must be ${what}`),
});
const int = z.number(msg("an integer"));
const str = z.string(msg("a string"));
const bool = z.boolean(msg("true or false"));
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, msg(`one of ${values.join(", ")}`));
const time = str.refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
  error: "must be an ISO 8601 time such as 2026-01-01T00:00:00Z",
});
const list = <T extends z.ZodType>(item: T) => z.array(item, msg("a list"));
const obj = <T extends z.ZodRawShape>(shape: T) => z.object(shape, msg("an object"));

const restrictions = obj({ adProducts: list(oneOf(adProducts)).optional(), countries: list(str).optional() });
const requirement = obj({ minCashBalance: int.optional() });
const eligibility = obj({
  newAdvertisersOnly: bool.optional(),
  selfServeOnly: bool.optional(),
  countries: list(str).optional(),
});

export const stepSchemas = {
  createAccount: obj({
    id: str,
    name: str.optional(),
    currency: str.optional(),
    country: str.optional(),
    billing: oneOf(billingMethods).optional(),
    kind: oneOf(accountKinds).optional(),
    paymentMethod: bool.optional(),
    priorPaidHistory: bool.optional(),
    billingThreshold: int.optional(),
    creditLimit: int.optional(),
  }),
  linkPaymentMethod: obj({
    account: str,
    card: obj({ brand: oneOf(cardBrands), last4: str, expMonth: int, expYear: int }).optional(),
  }),
  removePaymentMethod: obj({ account: str }),
  topUp: obj({ account: str, amount: int }),
  createCampaign: obj({
    id: str,
    account: str,
    name: str.optional(),
    adProduct: oneOf(adProducts),
    status: oneOf(campaignStatuses).optional(),
    dailyBudget: int.optional(),
  }),
  setCampaignStatus: obj({ campaign: str, status: oneOf(campaignStatuses) }),
  launchCampaign: obj({ id: str, account: str, name: str.optional(), adProduct: oneOf(adProducts), dailyBudget: int.optional() }),
  pauseCampaign: obj({ campaign: str }),
  resumeCampaign: obj({ campaign: str }),
  setDailyBudget: obj({ campaign: str, dailyBudget: int }),
  createPromotion: obj({
    id: str,
    name: str.optional(),
    kind: oneOf(["ladder", "coupon", "discount"] as const),
    currency: str.optional(),
    tiers: list(obj({ spend: int, reward: int })).optional(),
    windowDays: int.optional(),
    rewardDelayHours: int.optional(),
    creditType: oneOf(issuableCreditTypes).optional(),
    creditValidityDays: int.optional(),
    amount: int.optional(),
    percent: int.optional(),
    cap: int.optional(),
    restrictions: restrictions.optional(),
    requirement: requirement.optional(),
    eligibility: eligibility.optional(),
    autoActivate: bool.optional(),
    exclusive: bool.optional(),
  }),
  issueCode: obj({ code: str, promotion: str, activationDays: int.optional(), maxRedemptions: int.optional() }),
  redeem: obj({ account: str, code: str, as: str.optional() }),
  grantCredit: obj({
    id: str,
    account: str,
    type: oneOf(creditTypes),
    amount: int,
    percent: int.optional(),
    validDays: int.optional(),
    restrictions: restrictions.optional(),
    requirement: requirement.optional(),
    issuedAt: time.optional(),
  }),
  allocateFromBC: obj({ id: str, account: str, amount: int, validDays: int.optional() }),
  assign: obj({ credit: str, campaigns: list(str), actorRole: oneOf(roles).optional() }),
  unassign: obj({ credit: str, campaigns: list(str), actorRole: oneOf(roles).optional() }),
  charge: obj({ id: str, campaign: str, amount: int }),
  advance: obj({ hours: int.optional(), days: int.optional(), to: time.optional() }),
  simulate: obj({ hours: int }),
  freeze: obj({ account: str }),
  appeal: obj({ account: str, reason: str.optional() }),
  resolveAppeal: obj({ account: str, outcome: oneOf(["reinstate", "revoke"] as const) }),
  snapshot: obj({ label: str }),
} as const;

export type OpName = keyof typeof stepSchemas;
export type Step = { [K in OpName]: { op: K } & z.infer<(typeof stepSchemas)[K]> }[OpName];
export type Scenario = { start: string; steps: Step[] };

const isOp = (op: unknown): op is OpName => typeof op === "string" && Object.hasOwn(stepSchemas, op);

function describe(issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`))
    .join("");
  const got = "input" in issue && issue.input !== undefined ? `, got ${JSON.stringify(issue.input)}` : "";
  return `${path || "value"} ${issue.message}${got}`;
}

export class InvalidScenario extends Error {}

/** Parses a scenario document, or throws InvalidScenario naming the step (1-based), field and value. */
export function parseScenario(doc: unknown): Scenario {
  const top = z
    .object({ start: time, steps: list(z.unknown()) }, msg("an object with start and steps"))
    .safeParse(doc, { reportInput: true });
  if (!top.success) throw new InvalidScenario(`scenario: ${describe(top.error.issues[0]!)}`);
  const steps = top.data.steps.map((raw, i): Step => {
    const n = i + 1;
    if (raw === null || typeof raw !== "object" || Array.isArray(raw))
      throw new InvalidScenario(`step ${n}: must be an object, got ${JSON.stringify(raw)}`);
    const op: unknown = (raw as { op?: unknown }).op;
    if (op === undefined) throw new InvalidScenario(`step ${n}: op is required`);
    if (!isOp(op)) throw new InvalidScenario(`step ${n}: unknown op ${JSON.stringify(op)}`);
    const parsed = stepSchemas[op].safeParse(raw, { reportInput: true });
    if (!parsed.success) throw new InvalidScenario(`step ${n} (${op}): ${describe(parsed.error.issues[0]!)}`);
    return { op, ...parsed.data } as Step;
  });
  return { start: top.data.start, steps };
}
