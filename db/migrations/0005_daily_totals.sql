CREATE TABLE `daily_totals` (
	`id` integer PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`day` text NOT NULL,
	`type` text NOT NULL,
	`campaign_id` text DEFAULT '' NOT NULL,
	`credit_id` text DEFAULT '' NOT NULL,
	`count` integer NOT NULL,
	`amount` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `ad_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "daily_totals_type_ck" CHECK(type in ('ad_credit', 'cash', 'billed', 'credit_line', 'top_up', 'payment', 'credit_issued', 'credit_expired', 'credit_revoked')),
	CONSTRAINT "daily_totals_count_ck" CHECK("daily_totals"."count" > 0),
	CONSTRAINT "daily_totals_amount_ck" CHECK("daily_totals"."amount" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `daily_totals_key_uq` ON `daily_totals` (`account_id`,"day" desc,`type`,`campaign_id`,`credit_id`);--> statement-breakpoint
CREATE INDEX `daily_totals_account_type_day_idx` ON `daily_totals` (`account_id`,`type`,"day" desc,`campaign_id`,`credit_id`);--> statement-breakpoint
CREATE INDEX `daily_totals_account_campaign_day_idx` ON `daily_totals` (`account_id`,`campaign_id`,"day" desc,`type`,`credit_id`);--> statement-breakpoint
CREATE INDEX `daily_totals_account_campaign_type_day_idx` ON `daily_totals` (`account_id`,`campaign_id`,`type`,"day" desc,`credit_id`);--> statement-breakpoint
DROP INDEX `transactions_campaign_idx`;--> statement-breakpoint
CREATE INDEX `transactions_account_campaign_at_idx` ON `transactions` (`account_id`,`campaign_id`,`at`);--> statement-breakpoint
CREATE INDEX `transactions_account_campaign_type_at_idx` ON `transactions` (`account_id`,`campaign_id`,`type`,`at`);