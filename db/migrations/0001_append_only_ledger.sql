-- R16: transactions and the assignment log are append-only. The database refuses updates and deletes.
CREATE TRIGGER `transactions_no_update` BEFORE UPDATE ON `transactions`
BEGIN SELECT RAISE(ABORT, 'transactions are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `transactions_no_delete` BEFORE DELETE ON `transactions`
BEGIN SELECT RAISE(ABORT, 'transactions are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `assignment_log_no_update` BEFORE UPDATE ON `assignment_log`
BEGIN SELECT RAISE(ABORT, 'the assignment log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `assignment_log_no_delete` BEFORE DELETE ON `assignment_log`
BEGIN SELECT RAISE(ABORT, 'the assignment log is append-only'); END;
