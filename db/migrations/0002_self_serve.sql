CREATE TABLE `membership_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` text NOT NULL,
	`actor_user_id` text NOT NULL,
	`user_id` text NOT NULL,
	`action` text NOT NULL,
	`role` text,
	`previous_role` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `ad_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "membership_log_action_ck" CHECK(action in ('add', 'change_role', 'remove')),
	CONSTRAINT "membership_log_role_ck" CHECK("membership_log"."role" is null or role in ('admin', 'operator', 'analyst')),
	CONSTRAINT "membership_log_previous_ck" CHECK("membership_log"."previous_role" is null or previous_role in ('admin', 'operator', 'analyst'))
);
--> statement-breakpoint
CREATE INDEX `membership_log_account_idx` ON `membership_log` (`account_id`,`id`);--> statement-breakpoint
CREATE TABLE `payment_methods` (
	`account_id` text PRIMARY KEY NOT NULL,
	`brand` text NOT NULL,
	`last4` text NOT NULL,
	`exp_month` integer NOT NULL,
	`exp_year` integer NOT NULL,
	`linked_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `ad_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payment_methods_brand_ck" CHECK(brand in ('visa', 'mastercard', 'amex', 'discover', 'jcb', 'diners', 'unionpay')),
	CONSTRAINT "payment_methods_last4_ck" CHECK(length("payment_methods"."last4") = 4 and "payment_methods"."last4" not glob '*[^0-9]*'),
	CONSTRAINT "payment_methods_month_ck" CHECK("payment_methods"."exp_month" between 1 and 12),
	CONSTRAINT "payment_methods_year_ck" CHECK("payment_methods"."exp_year" between 2000 and 2199)
);
--> statement-breakpoint
ALTER TABLE `ad_accounts` ADD `industry` text;--> statement-breakpoint
ALTER TABLE `appeals` ADD `reason` text;