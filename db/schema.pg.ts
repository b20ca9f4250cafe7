// The same schema as db/schema.ts, for PostgreSQL: table for table, column for column, with the same CHECK
// and index names, so the engine reads and writes the same rows on either database. Dialect differences:
// times and money are bigint (read as JS numbers, like SQLite's integers), flags are boolean, JSON is
// jsonb, autoincrement keys are identity columns, and every text column collates "C" so that ORDER BY
// (ids, codes, days, types) is the byte order SQLite uses: delivery and event order depend on it.
// db/schema-parity.test.ts keeps the two in step; enums and JSON shapes come from db/schema.ts.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean as pgBoolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  accountKinds,
  activationStatuses,
  adProducts,
  appealStatuses,
  assignmentActions,
  billingMethods,
  cardBrands,
  creditSources,
  creditStatuses,
  creditTypes,
  memberChanges,
  promotionKinds,
  roles,
  transactionTypes,
  type AccountKind,
  type ActivationStatus,
  type AdProduct,
  type AppealStatus,
  type AssignmentAction,
  type BillingMethod,
  type CampaignStatus,
  type CardBrand,
  type ClockMove,
  type CreditSource,
  type CreditStatus,
  type CreditType,
  type Eligibility,
  type MemberChange,
  type PromotionKind,
  type Requirement,
  type Restrictions,
  type Role,
  type TransactionType,
  campaignStatuses,
} from "./schema";

/** Text compared byte by byte, as SQLite's default BINARY collation does (drizzle has no column collation). */
const text = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });
/** Epoch milliseconds and minor units: 64-bit like SQLite's integers, read back as numbers. */
const int64 = (name: string) => bigint(name, { mode: "number" });
/** SQLite's `integer primary key autoincrement`: numbered by the database, in insertion order. */
const serialId = () => int64("id").primaryKey().generatedByDefaultAsIdentity();
const bool = (name: string) => pgBoolean(name).notNull().default(false);
const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  isOps: bool("is_ops"),
  createdAt: int64("created_at").notNull(),
});

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: int64("created_at").notNull(),
    expiresAt: int64("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const authAttempts = pgTable(
  "auth_attempts",
  {
    id: serialId(),
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    at: int64("at").notNull(),
  },
  (t) => [index("auth_attempts_key_idx").on(t.scope, t.key, t.at), index("auth_attempts_at_idx").on(t.at)],
);

export const businessCenters = pgTable("business_centers", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
});

export const adAccounts = pgTable(
  "ad_accounts",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    businessCenterId: text("business_center_id").references(() => businessCenters.id),
    currency: text("currency").notNull(),
    country: text("country").notNull(),
    timeZone: text("time_zone").notNull().default("UTC"),
    billing: text("billing").$type<BillingMethod>().notNull(),
    kind: text("kind").$type<AccountKind>().notNull(),
    paymentMethod: bool("payment_method"),
    priorPaidHistory: bool("prior_paid_history"),
    cashBalance: int64("cash_balance").notNull().default(0),
    amountDue: int64("amount_due").notNull().default(0),
    billingThreshold: int64("billing_threshold").notNull().default(5000),
    creditLineUsed: int64("credit_line_used").notNull().default(0),
    creditLimit: int64("credit_limit").notNull().default(0),
    frozen: bool("frozen"),
    industry: text("industry"),
    createdAt: int64("created_at").notNull(),
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

export const memberships = pgTable(
  "memberships",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accountId: text("account_id")
      .notNull()
      .references(() => adAccounts.id, { onDelete: "cascade" }),
    role: text("role").$type<Role>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.accountId] }),
    index("memberships_account_idx").on(t.accountId),
    check("memberships_role_ck", inList("role", roles)),
  ],
);

export const paymentMethods = pgTable(
  "payment_methods",
  {
    accountId: text("account_id")
      .primaryKey()
      .references(() => adAccounts.id),
    brand: text("brand").$type<CardBrand>().notNull(),
    last4: text("last4").notNull(),
    expMonth: integer("exp_month").notNull(),
    expYear: integer("exp_year").notNull(),
    linkedAt: int64("linked_at").notNull(),
  },
  (t) => [
    check("payment_methods_brand_ck", inList("brand", cardBrands)),
    // SQLite says `not glob '*[^0-9]*'`; Postgres has no glob.
    check("payment_methods_last4_ck", sql`${t.last4} ~ '^[0-9]{4}$'`),
    check("payment_methods_month_ck", sql`${t.expMonth} between 1 and 12`),
    check("payment_methods_year_ck", sql`${t.expYear} between 2000 and 2199`),
  ],
);

export const membershipLog = pgTable(
  "membership_log",
  {
    id: serialId(),
    accountId: text("account_id")
      .notNull()
      .references(() => adAccounts.id),
    actorUserId: text("actor_user_id")
      .notNull()
      .references(() => users.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    action: text("action").$type<MemberChange>().notNull(),
    role: text("role").$type<Role>(),
    previousRole: text("previous_role").$type<Role>(),
    at: int64("at").notNull(),
  },
  (t) => [
    index("membership_log_account_idx").on(t.accountId, t.id),
    check("membership_log_action_ck", inList("action", memberChanges)),
    check("membership_log_role_ck", sql`${t.role} is null or ${inList("role", roles)}`),
    check("membership_log_previous_ck", sql`${t.previousRole} is null or ${inList("previous_role", roles)}`),
  ],
);

export const campaigns = pgTable(
  "campaigns",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => adAccounts.id),
    name: text("name").notNull(),
    adProduct: text("ad_product").$type<AdProduct>().notNull(),
    status: text("status").$type<CampaignStatus>().notNull(),
    dailyBudget: int64("daily_budget").notNull().default(0),
    createdAt: int64("created_at").notNull(),
  },
  (t) => [
    index("campaigns_account_idx").on(t.accountId),
    index("campaigns_status_idx").on(t.status),
    check("campaigns_product_ck", inList("ad_product", adProducts)),
    check("campaigns_status_ck", inList("status", campaignStatuses)),
    check("campaigns_budget_ck", sql`${t.dailyBudget} >= 0`),
  ],
);

export const promotions = pgTable(
  "promotions",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind").$type<PromotionKind>().notNull(),
    currency: text("currency").notNull(),
    creditType: text("credit_type").$type<CreditType>().notNull(),
    amount: int64("amount"),
    percent: integer("percent"),
    windowDays: integer("window_days"),
    rewardDelayHours: integer("reward_delay_hours"),
    creditValidityDays: integer("credit_validity_days").notNull(),
    restrictions: jsonb("restrictions").$type<Restrictions>().notNull(),
    requirement: jsonb("requirement").$type<Requirement>().notNull(),
    eligibility: jsonb("eligibility").$type<Eligibility>().notNull(),
    autoActivate: bool("auto_activate"),
    exclusive: bool("exclusive"),
    createdAt: int64("created_at").notNull(),
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

export const promotionTiers = pgTable(
  "promotion_tiers",
  {
    promotionId: text("promotion_id")
      .notNull()
      .references(() => promotions.id),
    idx: integer("idx").notNull(),
    spend: int64("spend").notNull(),
    reward: int64("reward").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.promotionId, t.idx] }),
    check("promotion_tiers_spend_ck", sql`${t.spend} > 0`),
    check("promotion_tiers_reward_ck", sql`${t.reward} > 0`),
  ],
);

export const promoCodes = pgTable(
  "promo_codes",
  {
    code: text("code").primaryKey(),
    display: text("display").notNull(),
    promotionId: text("promotion_id")
      .notNull()
      .references(() => promotions.id),
    receivedAt: int64("received_at").notNull(),
    activationDeadline: int64("activation_deadline").notNull(),
    maxRedemptions: integer("max_redemptions").notNull().default(1),
  },
  (t) => [
    index("promo_codes_promotion_idx").on(t.promotionId),
    check("promo_codes_max_ck", sql`${t.maxRedemptions} > 0`),
  ],
);

export const credits = pgTable(
  "credits",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => adAccounts.id),
    name: text("name").notNull(),
    type: text("type").$type<CreditType>().notNull(),
    source: text("source").$type<CreditSource>().notNull(),
    currency: text("currency").notNull(),
    amount: int64("amount").notNull(),
    percent: integer("percent"),
    used: int64("used").notNull().default(0),
    unused: int64("unused").notNull(),
    forfeited: int64("forfeited").notNull().default(0),
    issuedAt: int64("issued_at").notNull(),
    expiresAt: int64("expires_at").notNull(),
    restrictions: jsonb("restrictions").$type<Restrictions>().notNull(),
    requirement: jsonb("requirement").$type<Requirement>().notNull(),
    status: text("status").$type<CreditStatus>().notNull(),
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

export const activations = pgTable(
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
    activatedAt: int64("activated_at").notNull(),
    windowEndsAt: int64("window_ends_at").notNull(),
    qualifyingSpend: int64("qualifying_spend").notNull().default(0),
    tierReached: integer("tier_reached"),
    status: text("status").$type<ActivationStatus>().notNull(),
    endedAt: int64("ended_at"),
    rewardDueAt: int64("reward_due_at"),
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

export const redemptions = pgTable(
  "redemptions",
  {
    id: serialId(),
    code: text("code")
      .notNull()
      .references(() => promoCodes.code),
    accountId: text("account_id")
      .notNull()
      .references(() => adAccounts.id),
    at: int64("at").notNull(),
    activationId: text("activation_id").references(() => activations.id),
    creditId: text("credit_id").references(() => credits.id),
  },
  (t) => [
    uniqueIndex("redemptions_code_account_uq").on(t.code, t.accountId),
    index("redemptions_account_idx").on(t.accountId),
  ],
);

export const assignments = pgTable(
  "assignments",
  {
    creditId: text("credit_id")
      .notNull()
      .references(() => credits.id),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    assignedAt: int64("assigned_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.creditId, t.campaignId] }),
    index("assignments_campaign_idx").on(t.campaignId),
  ],
);

export const assignmentLog = pgTable(
  "assignment_log",
  {
    id: serialId(),
    creditId: text("credit_id")
      .notNull()
      .references(() => credits.id),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    action: text("action").$type<AssignmentAction>().notNull(),
    actorRole: text("actor_role").$type<Role>().notNull(),
    actorUserId: text("actor_user_id").references(() => users.id),
    at: int64("at").notNull(),
  },
  (t) => [
    index("assignment_log_credit_idx").on(t.creditId, t.id),
    check("assignment_log_action_ck", inList("action", assignmentActions)),
    check("assignment_log_role_ck", inList("actor_role", roles)),
  ],
);

export const charges = pgTable(
  "charges",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => adAccounts.id),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    amount: int64("amount").notNull(),
    at: int64("at").notNull(),
    discount: int64("discount").notNull().default(0),
    credits: int64("credits").notNull().default(0),
    cash: int64("cash").notNull().default(0),
    billed: int64("billed").notNull().default(0),
    creditLine: int64("credit_line").notNull().default(0),
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

export const chargeAllocations = pgTable(
  "charge_allocations",
  {
    chargeId: text("charge_id")
      .notNull()
      .references(() => charges.id),
    creditId: text("credit_id")
      .notNull()
      .references(() => credits.id),
    amount: int64("amount").notNull(),
    step: integer("step").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chargeId, t.creditId] }),
    index("charge_allocations_credit_idx").on(t.creditId),
    check("charge_allocations_amount_ck", sql`${t.amount} > 0`),
    check("charge_allocations_step_ck", sql`${t.step} in (0, 1, 2)`),
  ],
);

export const qualifyingSpend = pgTable(
  "qualifying_spend",
  {
    activationId: text("activation_id")
      .notNull()
      .references(() => activations.id),
    chargeId: text("charge_id")
      .notNull()
      .references(() => charges.id),
    amount: int64("amount").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.activationId, t.chargeId] }),
    check("qualifying_spend_amount_ck", sql`${t.amount} > 0`),
  ],
);

export const transactions = pgTable(
  "transactions",
  {
    id: serialId(),
    accountId: text("account_id")
      .notNull()
      .references(() => adAccounts.id),
    type: text("type").$type<TransactionType>().notNull(),
    amount: int64("amount").notNull(),
    at: int64("at").notNull(),
    creditId: text("credit_id").references(() => credits.id),
    campaignId: text("campaign_id").references(() => campaigns.id),
    chargeId: text("charge_id").references(() => charges.id),
  },
  (t) => [
    // The same four indexes, ending in `id` as well: SQLite's end in the rowid implicitly, and the
    // Transactions page's keyset order is (at, id).
    index("transactions_account_at_idx").on(t.accountId, t.at, t.id),
    index("transactions_account_type_at_idx").on(t.accountId, t.type, t.at, t.id),
    index("transactions_account_campaign_at_idx").on(t.accountId, t.campaignId, t.at, t.id),
    index("transactions_account_campaign_type_at_idx").on(t.accountId, t.campaignId, t.type, t.at, t.id),
    check("transactions_type_ck", inList("type", transactionTypes)),
    check("transactions_amount_ck", sql`${t.amount} >= 0`),
  ],
);

export const dailyTotals = pgTable(
  "daily_totals",
  {
    id: serialId(),
    accountId: text("account_id")
      .notNull()
      .references(() => adAccounts.id),
    day: text("day").notNull(),
    type: text("type").$type<TransactionType>().notNull(),
    campaignId: text("campaign_id").notNull().default(""),
    creditId: text("credit_id").notNull().default(""),
    count: int64("count").notNull(),
    amount: int64("amount").notNull(),
  },
  (t) => [
    uniqueIndex("daily_totals_key_uq").on(t.accountId, t.day.desc(), t.type, t.campaignId, t.creditId),
    index("daily_totals_account_type_day_idx").on(t.accountId, t.type, t.day.desc(), t.campaignId, t.creditId),
    index("daily_totals_account_campaign_day_idx").on(t.accountId, t.campaignId, t.day.desc(), t.type, t.creditId),
    index("daily_totals_account_campaign_type_day_idx").on(t.accountId, t.campaignId, t.type, t.day.desc(), t.creditId),
    check("daily_totals_type_ck", inList("type", transactionTypes)),
    check("daily_totals_count_ck", sql`${t.count} > 0`),
    check("daily_totals_amount_ck", sql`${t.amount} >= 0`),
  ],
);

export const appeals = pgTable(
  "appeals",
  {
    id: serialId(),
    accountId: text("account_id")
      .notNull()
      .references(() => adAccounts.id),
    filedAt: int64("filed_at").notNull(),
    status: text("status").$type<AppealStatus>().notNull(),
    reason: text("reason"),
    resolvedAt: int64("resolved_at"),
  },
  (t) => [
    index("appeals_account_status_idx").on(t.accountId, t.status),
    check("appeals_status_ck", inList("status", appealStatuses)),
  ],
);

export const opsLog = pgTable(
  "ops_log",
  {
    id: serialId(),
    actorUserId: text("actor_user_id").references(() => users.id),
    action: text("action").notNull(),
    detail: text("detail").notNull(),
    at: int64("at").notNull(),
  },
  (t) => [index("ops_log_at_idx").on(t.at)],
);

export const sandboxClock = pgTable(
  "sandbox_clock",
  {
    id: integer("id").primaryKey(),
    now: int64("now").notNull(),
    mode: text("mode").$type<"sandbox" | "live">().notNull().default("sandbox"),
    move: jsonb("move").$type<ClockMove>(),
  },
  (t) => [check("sandbox_clock_single_ck", sql`${t.id} = 1`)],
);
