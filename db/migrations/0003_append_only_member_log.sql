-- Every membership change stays on record: the database refuses updates and deletes of the log.
CREATE TRIGGER `membership_log_no_update` BEFORE UPDATE ON `membership_log`
BEGIN SELECT RAISE(ABORT, 'the membership log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `membership_log_no_delete` BEFORE DELETE ON `membership_log`
BEGIN SELECT RAISE(ABORT, 'the membership log is append-only'); END;
