-- Complaint schema v1. One text for SQLite and PostgreSQL; the dialect tokens are replaced per
-- dialect (docs/service-defaults.md). Times are UTC; the WIB calendar is applied in code.

-- The last ticket number given out per WIB year. The row is incremented in the same transaction
-- as the ticket's insert, so numbers are consecutive with no gaps: a rollback returns its number.
CREATE TABLE complaint_numbers (
    year            INTEGER NOT NULL PRIMARY KEY,
    last_sequence   BIGINT NOT NULL
);

CREATE TABLE complaints (
    id              {{uuid}} NOT NULL PRIMARY KEY,
    number          TEXT NOT NULL UNIQUE,           -- ADU-2026-000123
    year            INTEGER NOT NULL,
    sequence        BIGINT NOT NULL,
    village_code    TEXT NOT NULL,                  -- 17.03.12.2003
    district_code   TEXT NOT NULL,                  -- 17.03.12
    category        TEXT NOT NULL,
    description     TEXT NOT NULL,
    channel         TEXT NOT NULL,                  -- POSKO, AGENT, PHONE, WEB, AUTOMATIC
    household_id    {{uuid}} NULL,
    payout_id       {{uuid}} NULL,
    nik             TEXT NULL,                      -- personal data
    reporter_name   TEXT NOT NULL,                  -- personal data
    reporter_phone  TEXT NOT NULL,                  -- personal data
    status          TEXT NOT NULL,                  -- RECEIVED, IN_PROGRESS, RESOLVED, REJECTED
    assignee        TEXT NULL,
    resolution      TEXT NULL,
    filed_at        {{ts}} NOT NULL,
    filed_by        TEXT NOT NULL,
    due_at          {{ts}} NOT NULL,
    at_risk_at      {{ts}} NOT NULL,                -- a quarter of the span before due_at
    resolved_at     {{ts}} NULL,
    updated_at      {{ts}} NOT NULL,
    version         BIGINT NOT NULL,
    -- '<household>:<category>' while an automatic ticket is open, NULL otherwise: at most one
    -- open automatic ticket per household and category, whatever the order or repetition of events.
    open_automatic_key TEXT NULL,
    UNIQUE (year, sequence)
);
CREATE UNIQUE INDEX ux_complaints_open_automatic ON complaints (open_automatic_key);
CREATE INDEX ix_complaints_filed ON complaints (filed_at, id);
CREATE INDEX ix_complaints_village ON complaints (village_code, filed_at);
CREATE INDEX ix_complaints_district ON complaints (district_code, filed_at);
CREATE INDEX ix_complaints_household ON complaints (household_id, category, status);
CREATE INDEX ix_complaints_open_due ON complaints (status, due_at);

-- Everything that happened to a ticket, with who and when. source names the event an automatic
-- entry came from (payout:<id>, card:<id>:<version>), so the same event is never noted twice.
CREATE TABLE complaint_history (
    id              {{id}},
    complaint_id    {{uuid}} NOT NULL REFERENCES complaints (id),
    at              {{ts}} NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,                  -- FILED, STATUS, ASSIGNED, NOTE
    from_status     TEXT NULL,
    to_status       TEXT NULL,
    text            TEXT NULL,
    source          TEXT NULL
);
CREATE INDEX ix_complaint_history ON complaint_history (complaint_id, id);
CREATE UNIQUE INDEX ux_complaint_history_source ON complaint_history (complaint_id, source);

-- Projection of the registry's households (HouseholdRegistered/HouseholdChanged): whether a
-- household id exists and its village. Dropped when older than what is stored (versions).
CREATE TABLE households (
    id              {{uuid}} NOT NULL PRIMARY KEY,
    village_code    TEXT NOT NULL,
    version         BIGINT NOT NULL,
    updated_at      {{ts}} NOT NULL
);
