// The one schema: every table of SPEC section 3 plus users, sessions, memberships, Business Centers,
// appeals, the ops log and the sandbox clock. Money is integer minor units; times are epoch
// milliseconds (UTC) so the engine compares plain numbers. Enums are CHECK constraints.
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

export const currencies = ["USD", "EUR", "GBP", "JPY", "CAD", "AUD"] as const;
export const billingMethods = ["manual", "automatic", "invoice"] as const;
export const accountKinds = ["self_serve", "agency", "bc_managed"] as const;
export const roles = ["admin", "operator", "analyst"] as const;
export const adProducts = [
  "in_feed",
  "video_views",
  "traffic",
  "conversions",
  "product_sales",
  "topview",
] as const;
export const campaignStatuses = ["draft", "scheduled", "active", "paused", "archived"] as const;
export const promotionKinds = ["ladder", "coupon", "discount"] as const;
export const creditTypes = ["free", "assignable", "conditional", "discount"] as const;
export const issuableCreditTypes = ["free", "assignable", "conditional"] as const;
export const creditSources = ["coupon", "ladder_reward", "grant", "business_center"] as const;
export const creditStatuses = ["active", "exhausted", "expired", "revoked"] as const;
export const activationStatuses = ["earning", "qualified", "rewarded", "expired", "revoked"] as const;
export const assignmentActions = ["assign", "unassign"] as const;
export const transactionTypes = [
  "ad_credit",
  "cash",
  "billed",
  "credit_line",
  "top_up",
  "payment",
  "credit_issued",
  "credit_expired",
  "credit_revoked",
] as const;
export const appealStatuses = ["pending", "reinstated", "revoked"] as const;
export const cardBrands = ["visa", "mastercard", "amex", "discover", "jcb", "diners", "unionpay"] as const;
export const memberChanges = ["add", "change_role", "remove"] as const;

export type Currency = (typeof currencies)[number];
export type BillingMethod = (typeof billingMethods)[number];
export type AccountKind = (typeof accountKinds)[number];
export type Role = (typeof roles)[number];
export type AdProduct = (typeof adProducts)[number];
export type CampaignStatus = (typeof campaignStatuses)[number];
export type PromotionKind = (typeof promotionKinds)[number];
export type CreditType = (typeof creditTypes)[number];
export type IssuableCreditType = (typeof issuableCreditTypes)[number];
export type CreditSource = (typeof creditSources)[number];
export type CreditStatus = (typeof creditStatuses)[number];
export type ActivationStatus = (typeof activationStatuses)[number];
export type AssignmentAction = (typeof assignmentActions)[number];
export type TransactionType = (typeof transactionTypes)[number];
export type AppealStatus = (typeof appealStatuses)[number];
export type CardBrand = (typeof cardBrands)[number];
export type MemberChange = (typeof memberChanges)[number];

/** Restrictions on where a credit (or a promotion's qualifying spend) applies; absent = anywhere. */
export type Restrictions = { adProducts?: AdProduct[]; countries?: string[] };
/** Usage requirement of a conditional credit (R1). */
export type Requirement = { minCashBalance?: number };
/** Who may redeem a promotion (R7). */
export type Eligibility = { newAdvertisersOnly?: boolean; selfServeOnly?: boolean; countries?: string[] };
/**
 * A clock move (advance, simulate) under way where it commits step by step (PostgreSQL): from `from` to
 * `to`, delivering (`simulate`) or not; the hours whose charges are done (every boundary up to
 * `hoursDone`); within the next hour, once its events have run, the last campaign charged (`campaign`,
 * "" for none yet; null while that hour's events run); the last month start billed (R14); and the totals
 * so far, which a resumed move answers with.
 */
export type ClockMove = {
  from: number;
  to: number;
  delivers: boolean;
  hoursDone: number;
  campaign: string | null;
  billed: number | null;
  charged: number;
  failed: number;
  events: number;
};

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);
const bool = (name: string) => integer(name, { mode: "boolean" }).notNull().default(false);

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  /** Platform operator ("ops"): may use /ops. */
  isOps: bool("is_ops"),
  createdAt: integer("created_at").notNull(),
});

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the cookie token: a database leak does not leak live sessions. */
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Sign-in and sign-up attempts that count against a throttle (lib/auth/throttle.ts), one row per attempt and
 * per key (`email:…` or `address:…`). Kept in the database so a restart does not reset a lockout; rows older
 * than the longest window are pruned as new ones are written.
 */
export const authAttempts = sqliteTable(
  "auth_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("auth_attempts_key_idx").on(t.scope, t.key, t.at), index("auth_attempts_at_idx").on(t.at)],
);

export const businessCenters = sqliteTable("business_centers", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
});

export const adAccounts = sqliteTable(
  "ad_accounts",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    businessCenterId: text("business_center_id").references(() => businessCenters.id),
    currency: text("currency").notNull(),
    country: text("country").notNull(),
    timeZone: text("time_zone").notNull().default("UTC"),
    billing: text("billing", { enum: billingMethods }).notNull(),
    kind: text("kind", { enum: accountKinds }).notNull(),
    paymentMethod: bool("payment_method"),
    priorPaidHistory: bool("prior_paid_history"),
    cashBalance: integer("cash_balance").notNull().default(0),
    amountDue: integer("amount_due").notNull().default(0),
    billingThreshold: integer("billing_threshold").notNull().default(5000),
    creditLineUsed: integer("credit_line_used").notNull().default(0),
    creditLimit: integer("credit_limit").notNull().default(0),
    frozen: bool("frozen"),
    /** What the advertiser said it does at sign-up; descriptive only. */
    industry: text("industry"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    check("ad_accounts_billing_ck", inList("billing", billingMethods)),
    check("ad_accounts_kind_ck", inList("kind", accountKinds)),
    check("ad_accounts_currency_ck", sql`length(${t.currency}) = 3`),
    check("ad_accounts_cash_ck", sql`${t.cashBalance} >= 0`),
    check("ad_accounts_due_ck", sql`${t.amountDue} >= 0`),
    check("ad_accounts_threshold_ck", sql`${t.billingThreshold} >= 0`),
    check("ad_accounts_line_used_ck", sql`${t.creditLineUsed} >= 0`),
    check("ad_accounts_limit_ck", sql`${t.creditLimit} >= 0`),
  ],
);

export const memberships = sqliteTable(
  "memberships",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accountId: text("account_id")
      .notNull()
      .references(() => adAccounts.id, { onDelete: "cascade" }),
    role: text("role", { enum: roles }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.accountId] }),
    index("memberships_account_idx").on(t.accountId),
    check("memberships_role_ck", inList("role", roles)),
  ],
);

/**
 * The card behind an account's linked payment method, as far as we keep it: brand, last four digits and
 * expiry, never the number or security code. `ad_accounts.payment_method` stays the flag the rules read
 * (R7, R8); an account linked without card details (scenario files) has the flag and no row here.
 */
export const paymentMethods = sqliteTable(
  "payment_methods",
  {
    accountId: text("account_id")
      .primaryKey()
      .references(() => adAccounts.id),
    brand: text("brand", { enum: cardBrands }).notNull(),
    last4: text("last4").notNull(),
    expMonth: integer("exp_month").notNull(),
    expYear: integer("exp_year").notNull(),
    linkedAt: integer("linked_at").notNull(),
  },
  (t) => [
    check("payment_methods_brand_ck", inList("brand", cardBrands)),
    check("payment_methods_last4_ck", sql`length(${t.last4}) = 4 and ${t.last4} not glob '*[^0-9]*'`),
    check("payment_methods_month_ck", sql`${t.expMonth} between 1 and 12`),
    check("payment_methods_year_ck", sql`${t.expYear} between 2000 and 2199`),
  ],
);

/** Who changed an account's memberships, when, and how. Append-only, like the ledger. */
export const membershipLog = sqliteTable(
  "membership_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    accountId: text("account_id")
      .notNull()
      .references(() => adAccounts.id),
    actorUserId: text("actor_user_id")
      .notNull()
      .references(() => users.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    action: text("action", { enum: memberChanges }).notNull(),
    /** The role after the change; null when the member was removed. */
    role: text("role", { enum: roles }),
    /** The role before the change; null when the member was added. */
    previousRole: text("previous_role", { enum: roles }),
    at: integer("at").notNull(),
  },
  (t) => [
    index("membership_log_account_idx").on(t.accountId, t.id),
    check("membership_log_action_ck", inList("action", memberChanges)),
    check("membership_log_role_ck", sql`${t.role} is null or ${inList("role", roles)}`),
    check("membership_log_previous_ck", sql`${t.previousRole} is null or ${inList("previous_role", roles)}`),
  ],
);

export const campaigns = sqliteTable(
  "campaigns",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => adAccounts.id),
    name: text("name").notNull(),
    adProduct: text("ad_product", { enum: adProducts }).notNull(),
    status: text("status", { enum: campaignStatuses }).notNull(),
    dailyBudget: integer("daily_budget").notNull().default(0),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("campaigns_account_idx").on(t.accountId),
    index("campaigns_status_idx").on(t.status),
    check("campaigns_product_ck", inList("ad_product", adProducts)),
    check("campaigns_status_ck", inList("status", campaignStatuses)),
    check("campaigns_budget_ck", sql`${t.dailyBudget} >= 0`),
  ],
);

export const promotions = sqliteTable(
  "promotions",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind", { enum: promotionKinds }).notNull(),
    currency: text("currency").notNull(),
    /** Type of credit issued: free/assignable/conditional, or discount for a discount promotion. */
    creditType: text("credit_type", { enum: creditTypes }).notNull(),
    /** Coupon: the credit's amount. Discount: the cap. Ladder: null (see tiers). */
    amount: integer("amount"),
    percent: integer("percent"),
    windowDays: integer("window_days"),
    rewardDelayHours: integer("reward_delay_hours"),
    creditValidityDays: integer("credit_validity_days").notNull(),
    restrictions: text("restrictions", { mode: "json" }).$type<Restrictions>().notNull(),
    requirement: text("requirement", { mode: "json" }).$type<Requirement>().notNull(),
    eligibility: text("eligibility", { mode: "json" }).$type<Eligibility>().notNull(),
    autoActivate: bool("auto_activate"),
    exclusive: bool("exclusive"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    check("promotions_kind_ck", inList("kind", promotionKinds)),
    check("promotions_credit_type_ck", inList("credit_type", creditTypes)),
    check("promotions_amount_ck", sql`${t.amount} is null or ${t.amount} > 0`),
    check("promotions_percent_ck", sql`${t.percent} is null or ${t.percent} between 1 and 100`),
    check("promotions_window_ck", sql`${t.windowDays} is null or ${t.windowDays} > 0`),
    check("promotions_delay_ck", sql`${t.rewardDelayHours} is null or ${t.rewardDelayHours} >= 0`),
    check("promotions_validity_ck", sql`${t.creditValidityDays} > 0`),
  ],
);

export const promotionTiers = sqliteTable(
  "promotion_tiers",
  {
    promotionId: text("promotion_id")
      .notNull()
      .references(() => promotions.id),
    /** 0-based, ascending by spend. */
    idx: integer("idx").notNull(),
    spend: integer("spend").notNull(),
    reward: integer("reward").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.promotionId, t.idx] }),
    check("promotion_tiers_spend_ck", sql`${t.spend} > 0`),
    check("promotion_tiers_reward_ck", sql`${t.reward} > 0`),
  ],
);

export const promoCodes = sqliteTable(
  "promo_codes",
  {
    /** Canonical form: upper case, no spaces or dashes (R7). */
    code: text("code").primaryKey(),
    /** As issued, for display and for ids derived from the code. */
    display: text("display").notNull(),
    promotionId: text("promotion_id")
      .notNull()
      .references(() => promotions.id),
    receivedAt: integer("received_at").notNull(),
    activationDeadline: integer("activation_deadline").notNull(),
    maxRedemptions: integer("max_redemptions").notNull().default(1),
  },
  (t) => [
    index("promo_codes_promotion_idx").on(t.promotionId),
    check("promo_codes_max_ck", sql`${t.maxRedemptions} > 0`),
  ],
);

export const credits = sqliteTable(
  "credits",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => adAccounts.id),
    name: text("name").notNull(),
    type: text("type", { enum: creditTypes }).notNull(),
    source: text("source", { enum: creditSources }).notNull(),
    currency: text("currency").notNull(),
    /** For a discount credit: the cap. */
    amount: integer("amount").notNull(),
    percent: integer("percent"),
    used: integer("used").notNull().default(0),
    unused: integer("unused").notNull(),
    forfeited: integer("forfeited").notNull().default(0),
    issuedAt: integer("issued_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    restrictions: text("restrictions", { mode: "json" }).$type<Restrictions>().notNull(),
    requirement: text("requirement", { mode: "json" }).$type<Requirement>().notNull(),
    status: text("status", { enum: creditStatuses }).notNull(),
    promotionId: text("promotion_id").references(() => promotions.id),
    code: text("code"),
  },
  (t) => [
    index("credits_account_status_idx").on(t.accountId, t.status, t.expiresAt),
    index("credits_status_expiry_idx").on(t.status, t.expiresAt),
    check("credits_type_ck", inList("type", creditTypes)),
    check("credits_source_ck", inList("source", creditSources)),
    check("credits_status_ck", inList("status", creditStatuses)),
    check("credits_amount_ck", sql`${t.amount} > 0`),
    check("credits_used_ck", sql`${t.used} >= 0`),
    check("credits_unused_ck", sql`${t.unused} >= 0`),
    check("credits_forfeited_ck", sql`${t.forfeited} >= 0`),
    check("credits_balance_ck", sql`${t.used} + ${t.unused} + ${t.forfeited} = ${t.amount}`),
    check(
      "credits_percent_ck",
      sql`(${t.type} = 'discount') = (${t.percent} is not null) and (${t.percent} is null or ${t.percent} between 1 and 100)`,
    ),
    check("credits_validity_ck", sql`${t.expiresAt} > ${t.issuedAt}`),
  ],
);

export const activations = sqliteTable(
  "activations",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => adAccounts.id),
    promotionId: text("promotion_id")
      .notNull()
      .references(() => promotions.id),
    code: text("code"),
    activatedAt: integer("activated_at").notNull(),
    windowEndsAt: integer("window_ends_at").notNull(),
    qualifyingSpend: integer("qualifying_spend").notNull().default(0),
    tierReached: integer("tier_reached"),
    status: text("status", { enum: activationStatuses }).notNull(),
    /** When it stopped earning: top tier reached, window end, or revocation. */
    endedAt: integer("ended_at"),
    rewardDueAt: integer("reward_due_at"),
    rewardCreditId: text("reward_credit_id").references(() => credits.id),
  },
  (t) => [
    index("activations_account_status_idx").on(t.accountId, t.status),
    index("activations_status_window_idx").on(t.status, t.windowEndsAt),
    index("activations_status_due_idx").on(t.status, t.rewardDueAt),
    check("activations_status_ck", inList("status", activationStatuses)),
    check("activations_spend_ck", sql`${t.qualifyingSpend} >= 0`),
    check("activations_window_ck", sql`${t.windowEndsAt} > ${t.activatedAt}`),
  ],
);

export const redemptions = sqliteTable(
  "redemptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code")
      .notNull()
      .references(() => promoCodes.code),
    accountId: text("account_id")
      .notNull()
      .references(() => adAccounts.id),
    at: integer("at").notNull(),
    activationId: text("activation_id").references(() => activations.id),
    creditId: text("credit_id").references(() => credits.id),
  },
  (t) => [
    uniqueIndex("redemptions_code_account_uq").on(t.code, t.accountId),
    index("redemptions_account_idx").on(t.accountId),
  ],
);

export const assignments = sqliteTable(
  "assignments",
  {
    creditId: text("credit_id")
      .notNull()
      .references(() => credits.id),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    assignedAt: integer("assigned_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.creditId, t.campaignId] }),
    index("assignments_campaign_idx").on(t.campaignId),
  ],
);

export const assignmentLog = sqliteTable(
  "assignment_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    creditId: text("credit_id")
      .notNull()
      .references(() => credits.id),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    action: text("action", { enum: assignmentActions }).notNull(),
    actorRole: text("actor_role", { enum: roles }).notNull(),
    actorUserId: text("actor_user_id").references(() => users.id),
    at: integer("at").notNull(),
  },
  (t) => [
    index("assignment_log_credit_idx").on(t.creditId, t.id),
    check("assignment_log_action_ck", inList("action", assignmentActions)),
    check("assignment_log_role_ck", inList("actor_role", roles)),
  ],
);

export const charges = sqliteTable(
  "charges",
  {
    /** The caller's idempotency id (R3). */
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => adAccounts.id),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    amount: integer("amount").notNull(),
    at: integer("at").notNull(),
    discount: integer("discount").notNull().default(0),
    credits: integer("credits").notNull().default(0),
    cash: integer("cash").notNull().default(0),
    billed: integer("billed").notNull().default(0),
    creditLine: integer("credit_line").notNull().default(0),
  },
  (t) => [
    index("charges_account_at_idx").on(t.accountId, t.at),
    index("charges_campaign_idx").on(t.campaignId, t.at),
    check("charges_amount_ck", sql`${t.amount} > 0`),
    check("charges_discount_ck", sql`${t.discount} >= 0`),
    check("charges_credits_ck", sql`${t.credits} >= 0`),
    check("charges_cash_ck", sql`${t.cash} >= 0`),
    check("charges_billed_ck", sql`${t.billed} >= 0`),
    check("charges_line_ck", sql`${t.creditLine} >= 0`),
    check(
      "charges_split_ck",
      sql`${t.discount} + ${t.credits} + ${t.cash} + ${t.billed} + ${t.creditLine} = ${t.amount}`,
    ),
  ],
);

export const chargeAllocations = sqliteTable(
  "charge_allocations",
  {
    chargeId: text("charge_id")
      .notNull()
      .references(() => charges.id),
    creditId: text("credit_id")
      .notNull()
      .references(() => credits.id),
    amount: integer("amount").notNull(),
    /** 0 = discount, 1 = assigned, 2 = free/conditional: the R2 step that took it. */
    step: integer("step").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chargeId, t.creditId] }),
    index("charge_allocations_credit_idx").on(t.creditId),
    check("charge_allocations_amount_ck", sql`${t.amount} > 0`),
    check("charge_allocations_step_ck", sql`${t.step} in (0, 1, 2)`),
  ],
);

/** Which charges counted towards which activation's qualifying spend (R4), for the R16 audit. */
export const qualifyingSpend = sqliteTable(
  "qualifying_spend",
  {
    activationId: text("activation_id")
      .notNull()
      .references(() => activations.id),
    chargeId: text("charge_id")
      .notNull()
      .references(() => charges.id),
    amount: integer("amount").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.activationId, t.chargeId] }),
    check("qualifying_spend_amount_ck", sql`${t.amount} > 0`),
  ],
);

export const transactions = sqliteTable(
  "transactions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    accountId: text("account_id")
      .notNull()
      .references(() => adAccounts.id),
    type: text("type", { enum: transactionTypes }).notNull(),
    amount: integer("amount").notNull(),
    at: integer("at").notNull(),
    creditId: text("credit_id").references(() => credits.id),
    campaignId: text("campaign_id").references(() => campaigns.id),
    chargeId: text("charge_id").references(() => charges.id),
  },
  (t) => [
    // One index per filter combination of the Transactions page (type, campaign, both, neither), each
    // ending in `at` (and, being on a rowid table, the id): every filter and its newest-first keyset order
    // come from an index, with no sort.
    index("transactions_account_at_idx").on(t.accountId, t.at),
    index("transactions_account_type_at_idx").on(t.accountId, t.type, t.at),
    index("transactions_account_campaign_at_idx").on(t.accountId, t.campaignId, t.at),
    index("transactions_account_campaign_type_at_idx").on(t.accountId, t.campaignId, t.type, t.at),
    check("transactions_type_ck", inList("type", transactionTypes)),
    check("transactions_amount_ck", sql`${t.amount} >= 0`),
  ],
);

/**
 * Daily totals of the ledger, kept by the engine in the same transaction as each ledger row: one row per
 * account × day × type × campaign × credit, with how many ledger rows it sums. The day is the calendar date
 * in the account's time zone (the zone the Transactions page shows dates in and its date filters use).
 * "No campaign" and "no credit" are '' so that the key is unique (SQLite's unique indexes treat NULLs as
 * distinct); the R16 audit checks every total against the rows it sums.
 */
export const dailyTotals = sqliteTable(
  "daily_totals",
  {
    id: integer("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => adAccounts.id),
    /** YYYY-MM-DD in the account's time zone. */
    day: text("day").notNull(),
    type: text("type", { enum: transactionTypes }).notNull(),
    campaignId: text("campaign_id").notNull().default(""),
    creditId: text("credit_id").notNull().default(""),
    count: integer("count").notNull(),
    amount: integer("amount").notNull(),
  },
  (t) => [
    // The key, and one index per filter combination of the Transactions page: each lists the newest day
    // first, then a day's totals by type, campaign and credit — the page's order, read off the index.
    uniqueIndex("daily_totals_key_uq").on(t.accountId, sql`${t.day} desc`, t.type, t.campaignId, t.creditId),
    index("daily_totals_account_type_day_idx").on(t.accountId, t.type, sql`${t.day} desc`, t.campaignId, t.creditId),
    index("daily_totals_account_campaign_day_idx").on(t.accountId, t.campaignId, sql`${t.day} desc`, t.type, t.creditId),
    index("daily_totals_account_campaign_type_day_idx").on(t.accountId, t.campaignId, t.type, sql`${t.day} desc`, t.creditId),
    check("daily_totals_type_ck", inList("type", transactionTypes)),
    check("daily_totals_count_ck", sql`${t.count} > 0`),
    check("daily_totals_amount_ck", sql`${t.amount} >= 0`),
  ],
);

export const appeals = sqliteTable(
  "appeals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    accountId: text("account_id")
      .notNull()
      .references(() => adAccounts.id),
    filedAt: integer("filed_at").notNull(),
    status: text("status", { enum: appealStatuses }).notNull(),
    /** The advertiser's reason, shown to ops in the appeals queue; null for appeals filed without one. */
    reason: text("reason"),
    resolvedAt: integer("resolved_at"),
  },
  (t) => [
    index("appeals_account_status_idx").on(t.accountId, t.status),
    check("appeals_status_ck", inList("status", appealStatuses)),
  ],
);

export const opsLog = sqliteTable(
  "ops_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorUserId: text("actor_user_id").references(() => users.id),
    action: text("action").notNull(),
    detail: text("detail").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("ops_log_at_idx").on(t.at)],
);

/**
 * One row: the sandbox clock. `now` is epoch ms; `mode` 'sandbox' uses it, 'live' the real clock. `move` is
 * the move under way on PostgreSQL (null when none; SQLite moves in one transaction and never sets it).
 */
export const sandboxClock = sqliteTable(
  "sandbox_clock",
  {
    id: integer("id").primaryKey(),
    now: integer("now").notNull(),
    mode: text("mode", { enum: ["sandbox", "live"] }).notNull().default("sandbox"),
    move: text("move", { mode: "json" }).$type<ClockMove>(),
  },
  (t) => [check("sandbox_clock_single_ck", sql`${t.id} = 1`)],
);

export type User = typeof users.$inferSelect;
export type AdAccount = typeof adAccounts.$inferSelect;
export type Campaign = typeof campaigns.$inferSelect;
export type Promotion = typeof promotions.$inferSelect;
export type PromotionTier = typeof promotionTiers.$inferSelect;
export type PromoCode = typeof promoCodes.$inferSelect;
export type Credit = typeof credits.$inferSelect;
export type Activation = typeof activations.$inferSelect;
export type Charge = typeof charges.$inferSelect;
export type Transaction = typeof transactions.$inferSelect;
export type AssignmentLogRow = typeof assignmentLog.$inferSelect;
export type PaymentMethod = typeof paymentMethods.$inferSelect;
export type Appeal = typeof appeals.$inferSelect;
export type DailyTotal = typeof dailyTotals.$inferSelect;
