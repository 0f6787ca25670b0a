-- The day index leads with the business date (docs/decisions.md D97). Led by terminal_id it was, next to
-- ux_payouts_idempotency (terminal_id, idempotency_key), a second index for AuthorizePayout's
-- idempotency lookup: on a table the planner had no statistics for yet (a new database, the first
-- minutes of a pilot) it chose this one and filtered every payout of the terminal's day by key, and
-- a plan made then was kept, so each payout read all of its terminal's payouts of the day.
-- The day's reports (terminal_id = ? AND business_date = ?) use it either way round.
DROP INDEX ix_payouts_terminal_day;
CREATE INDEX ix_payouts_day_terminal ON payouts (business_date, terminal_id);
