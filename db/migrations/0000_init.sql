CREATE TABLE `activations` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`promotion_id` text NOT NULL,
	`code` text,
	`activated_at` integer NOT NULL,
	`window_ends_at` integer NOT NULL,
	`qualifying_spend` integer DEFAULT 0 NOT NULL,
	`tier_reached` integer,
	`status` text NOT NULL,
	`ended_at` integer,
	`reward_due_at` integer,
	`reward_credit_id` text,
	FOREIGN KEY (`account_id`) REFERENCES `ad_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`promotion_id`) REFERENCES `promotions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reward_credit_id`) REFERENCES `credits`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "activations_status_ck" CHECK(status in ('earning', 'qualified', 'rewarded', 'expired', 'revoked')),
	CONSTRAINT "activations_spend_ck" CHECK("activations"."qualifying_spend" >= 0),
	CONSTRAINT "activations_window_ck" CHECK("activations"."window_ends_at" > "activations"."activated_at")
);
--> statement-breakpoint
CREATE INDEX `activations_account_status_idx` ON `activations` (`account_id`,`status`);--> statement-breakpoint
CREATE INDEX `activations_status_window_idx` ON `activations` (`status`,`window_ends_at`);--> statement-breakpoint
CREATE INDEX `activations_status_due_idx` ON `activations` (`status`,`reward_due_at`);--> statement-breakpoint
CREATE TABLE `ad_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`business_center_id` text,
	`currency` text NOT NULL,
	`country` text NOT NULL,
	`time_zone` text DEFAULT 'UTC' NOT NULL,
	`billing` text NOT NULL,
	`kind` text NOT NULL,
	`payment_method` integer DEFAULT false NOT NULL,
	`prior_paid_history` integer DEFAULT false NOT NULL,
	`cash_balance` integer DEFAULT 0 NOT NULL,
	`amount_due` integer DEFAULT 0 NOT NULL,
	`billing_threshold` integer DEFAULT 5000 NOT NULL,
	`credit_line_used` integer DEFAULT 0 NOT NULL,
	`credit_limit` integer DEFAULT 0 NOT NULL,
	`frozen` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`business_center_id`) REFERENCES `business_centers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ad_accounts_billing_ck" CHECK(billing in ('manual', 'automatic', 'invoice')),
	CONSTRAINT "ad_accounts_kind_ck" CHECK(kind in ('self_serve', 'agency', 'bc_managed')),
	CONSTRAINT "ad_accounts_currency_ck" CHECK(length("ad_accounts"."currency") = 3),
	CONSTRAINT "ad_accounts_cash_ck" CHECK("ad_accounts"."cash_balance" >= 0),
	CONSTRAINT "ad_accounts_due_ck" CHECK("ad_accounts"."amount_due" >= 0),
	CONSTRAINT "ad_accounts_threshold_ck" CHECK("ad_accounts"."billing_threshold" >= 0),
	CONSTRAINT "ad_accounts_line_used_ck" CHECK("ad_accounts"."credit_line_used" >= 0),
	CONSTRAINT "ad_accounts_limit_ck" CHECK("ad_accounts"."credit_limit" >= 0)
);
--> statement-breakpoint
CREATE TABLE `appeals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` text NOT NULL,
	`filed_at` integer NOT NULL,
	`status` text NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `ad_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "appeals_status_ck" CHECK(status in ('pending', 'reinstated', 'revoked'))
);
--> statement-breakpoint
CREATE INDEX `appeals_account_status_idx` ON `appeals` (`account_id`,`status`);--> statement-breakpoint
CREATE TABLE `assignment_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`credit_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`action` text NOT NULL,
	`actor_role` text NOT NULL,
	`actor_user_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`credit_id`) REFERENCES `credits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "assignment_log_action_ck" CHECK(action in ('assign', 'unassign')),
	CONSTRAINT "assignment_log_role_ck" CHECK(actor_role in ('admin', 'operator', 'analyst'))
);
--> statement-breakpoint
CREATE INDEX `assignment_log_credit_idx` ON `assignment_log` (`credit_id`,`id`);--> statement-breakpoint
CREATE TABLE `assignments` (
	`credit_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`assigned_at` integer NOT NULL,
	PRIMARY KEY(`credit_id`, `campaign_id`),
	FOREIGN KEY (`credit_id`) REFERENCES `credits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignments_campaign_idx` ON `assignments` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `business_centers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`name` text NOT NULL,
	`ad_product` text NOT NULL,
	`status` text NOT NULL,
	`daily_budget` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `ad_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "campaigns_product_ck" CHECK(ad_product in ('in_feed', 'video_views', 'traffic', 'conversions', 'product_sales', 'topview')),
	CONSTRAINT "campaigns_status_ck" CHECK(status in ('draft', 'scheduled', 'active', 'paused', 'archived')),
	CONSTRAINT "campaigns_budget_ck" CHECK("campaigns"."daily_budget" >= 0)
);
--> statement-breakpoint
CREATE INDEX `campaigns_account_idx` ON `campaigns` (`account_id`);--> statement-breakpoint
CREATE INDEX `campaigns_status_idx` ON `campaigns` (`status`);--> statement-breakpoint
CREATE TABLE `charge_allocations` (
	`charge_id` text NOT NULL,
	`credit_id` text NOT NULL,
	`amount` integer NOT NULL,
	`step` integer NOT NULL,
	PRIMARY KEY(`charge_id`, `credit_id`),
	FOREIGN KEY (`charge_id`) REFERENCES `charges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credit_id`) REFERENCES `credits`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "charge_allocations_amount_ck" CHECK("charge_allocations"."amount" > 0),
	CONSTRAINT "charge_allocations_step_ck" CHECK("charge_allocations"."step" in (0, 1, 2))
);
--> statement-breakpoint
CREATE INDEX `charge_allocations_credit_idx` ON `charge_allocations` (`credit_id`);--> statement-breakpoint
CREATE TABLE `charges` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`amount` integer NOT NULL,
	`at` integer NOT NULL,
	`discount` integer DEFAULT 0 NOT NULL,
	`credits` integer DEFAULT 0 NOT NULL,
	`cash` integer DEFAULT 0 NOT NULL,
	`billed` integer DEFAULT 0 NOT NULL,
	`credit_line` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `ad_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "charges_amount_ck" CHECK("charges"."amount" > 0),
	CONSTRAINT "charges_discount_ck" CHECK("charges"."discount" >= 0),
	CONSTRAINT "charges_credits_ck" CHECK("charges"."credits" >= 0),
	CONSTRAINT "charges_cash_ck" CHECK("charges"."cash" >= 0),
	CONSTRAINT "charges_billed_ck" CHECK("charges"."billed" >= 0),
	CONSTRAINT "charges_line_ck" CHECK("charges"."credit_line" >= 0),
	CONSTRAINT "charges_split_ck" CHECK("charges"."discount" + "charges"."credits" + "charges"."cash" + "charges"."billed" + "charges"."credit_line" = "charges"."amount")
);
--> statement-breakpoint
CREATE INDEX `charges_account_at_idx` ON `charges` (`account_id`,`at`);--> statement-breakpoint
CREATE INDEX `charges_campaign_idx` ON `charges` (`campaign_id`,`at`);--> statement-breakpoint
CREATE TABLE `credits` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`source` text NOT NULL,
	`currency` text NOT NULL,
	`amount` integer NOT NULL,
	`percent` integer,
	`used` integer DEFAULT 0 NOT NULL,
	`unused` integer NOT NULL,
	`forfeited` integer DEFAULT 0 NOT NULL,
	`issued_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`restrictions` text NOT NULL,
	`requirement` text NOT NULL,
	`status` text NOT NULL,
	`promotion_id` text,
	`code` text,
	FOREIGN KEY (`account_id`) REFERENCES `ad_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`promotion_id`) REFERENCES `promotions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "credits_type_ck" CHECK(type in ('free', 'assignable', 'conditional', 'discount')),
	CONSTRAINT "credits_source_ck" CHECK(source in ('coupon', 'ladder_reward', 'grant', 'business_center')),
	CONSTRAINT "credits_status_ck" CHECK(status in ('active', 'exhausted', 'expired', 'revoked')),
	CONSTRAINT "credits_amount_ck" CHECK("credits"."amount" > 0),
	CONSTRAINT "credits_used_ck" CHECK("credits"."used" >= 0),
	CONSTRAINT "credits_unused_ck" CHECK("credits"."unused" >= 0),
	CONSTRAINT "credits_forfeited_ck" CHECK("credits"."forfeited" >= 0),
	CONSTRAINT "credits_balance_ck" CHECK("credits"."used" + "credits"."unused" + "credits"."forfeited" = "credits"."amount"),
	CONSTRAINT "credits_percent_ck" CHECK(("credits"."type" = 'discount') = ("credits"."percent" is not null) and ("credits"."percent" is null or "credits"."percent" between 1 and 100)),
	CONSTRAINT "credits_validity_ck" CHECK("credits"."expires_at" > "credits"."issued_at")
);
--> statement-breakpoint
CREATE INDEX `credits_account_status_idx` ON `credits` (`account_id`,`status`,`expires_at`);--> statement-breakpoint
CREATE INDEX `credits_status_expiry_idx` ON `credits` (`status`,`expires_at`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`user_id` text NOT NULL,
	`account_id` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`user_id`, `account_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `ad_accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "memberships_role_ck" CHECK(role in ('admin', 'operator', 'analyst'))
);
--> statement-breakpoint
CREATE INDEX `memberships_account_idx` ON `memberships` (`account_id`);--> statement-breakpoint
CREATE TABLE `ops_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_user_id` text,
	`action` text NOT NULL,
	`detail` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ops_log_at_idx` ON `ops_log` (`at`);--> statement-breakpoint
CREATE TABLE `promo_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`display` text NOT NULL,
	`promotion_id` text NOT NULL,
	`received_at` integer NOT NULL,
	`activation_deadline` integer NOT NULL,
	`max_redemptions` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`promotion_id`) REFERENCES `promotions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "promo_codes_max_ck" CHECK("promo_codes"."max_redemptions" > 0)
);
--> statement-breakpoint
CREATE INDEX `promo_codes_promotion_idx` ON `promo_codes` (`promotion_id`);--> statement-breakpoint
CREATE TABLE `promotion_tiers` (
	`promotion_id` text NOT NULL,
	`idx` integer NOT NULL,
	`spend` integer NOT NULL,
	`reward` integer NOT NULL,
	PRIMARY KEY(`promotion_id`, `idx`),
	FOREIGN KEY (`promotion_id`) REFERENCES `promotions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "promotion_tiers_spend_ck" CHECK("promotion_tiers"."spend" > 0),
	CONSTRAINT "promotion_tiers_reward_ck" CHECK("promotion_tiers"."reward" > 0)
);
--> statement-breakpoint
CREATE TABLE `promotions` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`currency` text NOT NULL,
	`credit_type` text NOT NULL,
	`amount` integer,
	`percent` integer,
	`window_days` integer,
	`reward_delay_hours` integer,
	`credit_validity_days` integer NOT NULL,
	`restrictions` text NOT NULL,
	`requirement` text NOT NULL,
	`eligibility` text NOT NULL,
	`auto_activate` integer DEFAULT false NOT NULL,
	`exclusive` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "promotions_kind_ck" CHECK(kind in ('ladder', 'coupon', 'discount')),
	CONSTRAINT "promotions_credit_type_ck" CHECK(credit_type in ('free', 'assignable', 'conditional', 'discount')),
	CONSTRAINT "promotions_amount_ck" CHECK("promotions"."amount" is null or "promotions"."amount" > 0),
	CONSTRAINT "promotions_percent_ck" CHECK("promotions"."percent" is null or "promotions"."percent" between 1 and 100),
	CONSTRAINT "promotions_window_ck" CHECK("promotions"."window_days" is null or "promotions"."window_days" > 0),
	CONSTRAINT "promotions_delay_ck" CHECK("promotions"."reward_delay_hours" is null or "promotions"."reward_delay_hours" >= 0),
	CONSTRAINT "promotions_validity_ck" CHECK("promotions"."credit_validity_days" > 0)
);
--> statement-breakpoint
CREATE TABLE `qualifying_spend` (
	`activation_id` text NOT NULL,
	`charge_id` text NOT NULL,
	`amount` integer NOT NULL,
	PRIMARY KEY(`activation_id`, `charge_id`),
	FOREIGN KEY (`activation_id`) REFERENCES `activations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`charge_id`) REFERENCES `charges`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "qualifying_spend_amount_ck" CHECK("qualifying_spend"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE `redemptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`account_id` text NOT NULL,
	`at` integer NOT NULL,
	`activation_id` text,
	`credit_id` text,
	FOREIGN KEY (`code`) REFERENCES `promo_codes`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `ad_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activation_id`) REFERENCES `activations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credit_id`) REFERENCES `credits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `redemptions_code_account_uq` ON `redemptions` (`code`,`account_id`);--> statement-breakpoint
CREATE INDEX `redemptions_account_idx` ON `redemptions` (`account_id`);--> statement-breakpoint
CREATE TABLE `sandbox_clock` (
	`id` integer PRIMARY KEY NOT NULL,
	`now` integer NOT NULL,
	`mode` text DEFAULT 'sandbox' NOT NULL,
	CONSTRAINT "sandbox_clock_single_ck" CHECK("sandbox_clock"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `transactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` text NOT NULL,
	`type` text NOT NULL,
	`amount` integer NOT NULL,
	`at` integer NOT NULL,
	`credit_id` text,
	`campaign_id` text,
	`charge_id` text,
	FOREIGN KEY (`account_id`) REFERENCES `ad_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credit_id`) REFERENCES `credits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`charge_id`) REFERENCES `charges`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "transactions_type_ck" CHECK(type in ('ad_credit', 'cash', 'billed', 'credit_line', 'top_up', 'payment', 'credit_issued', 'credit_expired', 'credit_revoked')),
	CONSTRAINT "transactions_amount_ck" CHECK("transactions"."amount" >= 0)
);
--> statement-breakpoint
CREATE INDEX `transactions_account_at_idx` ON `transactions` (`account_id`,`at`);--> statement-breakpoint
CREATE INDEX `transactions_account_type_at_idx` ON `transactions` (`account_id`,`type`,`at`);--> statement-breakpoint
CREATE INDEX `transactions_campaign_idx` ON `transactions` (`campaign_id`,`at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`is_ops` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);