-- R16: the ledger, the assignment log and the membership log are append-only, as on SQLite
-- (db/migrations/0001_append_only_ledger.sql, 0003_append_only_member_log.sql): the same trigger names,
-- row triggers like SQLite's (an UPDATE or DELETE that matches no row is not an error), and the message
-- passed as the trigger's argument. The error is an integrity violation (SQLSTATE 23001), as SQLite's
-- RAISE(ABORT) is a constraint failure.
CREATE FUNCTION append_only_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation', TABLE = TG_TABLE_NAME;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "transactions_no_update" BEFORE UPDATE ON "transactions"
FOR EACH ROW EXECUTE FUNCTION append_only_guard('transactions are append-only');
--> statement-breakpoint
CREATE TRIGGER "transactions_no_delete" BEFORE DELETE ON "transactions"
FOR EACH ROW EXECUTE FUNCTION append_only_guard('transactions are append-only');
--> statement-breakpoint
CREATE TRIGGER "assignment_log_no_update" BEFORE UPDATE ON "assignment_log"
FOR EACH ROW EXECUTE FUNCTION append_only_guard('the assignment log is append-only');
--> statement-breakpoint
CREATE TRIGGER "assignment_log_no_delete" BEFORE DELETE ON "assignment_log"
FOR EACH ROW EXECUTE FUNCTION append_only_guard('the assignment log is append-only');
--> statement-breakpoint
CREATE TRIGGER "membership_log_no_update" BEFORE UPDATE ON "membership_log"
FOR EACH ROW EXECUTE FUNCTION append_only_guard('the membership log is append-only');
--> statement-breakpoint
CREATE TRIGGER "membership_log_no_delete" BEFORE DELETE ON "membership_log"
FOR EACH ROW EXECUTE FUNCTION append_only_guard('the membership log is append-only');
--> statement-breakpoint
-- And in the grants: no role holds UPDATE or DELETE on them through PUBLIC. The owner keeps every right (and
-- TRUNCATE, which fires no row trigger): run the app as a role granted only SELECT and INSERT on these.
REVOKE UPDATE, DELETE ON "transactions", "assignment_log", "membership_log" FROM PUBLIC;
