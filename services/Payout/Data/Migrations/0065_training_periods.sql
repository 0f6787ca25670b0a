-- Training periods (socialisation at the posko with virtual cards): set at creation, never changed.
-- Their payouts are kept out of settlements and the real figures of the point-day report.
ALTER TABLE aid_periods ADD COLUMN training INTEGER NOT NULL DEFAULT 0 CHECK (training IN (0, 1));
