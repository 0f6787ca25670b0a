-- Payout schema v1. One text for SQLite and PostgreSQL; the dialect tokens are replaced per dialect
-- (docs/service-defaults.md). Money is BIGINT rupiah; dates of the business calendar (WIB) are
-- ISO 'YYYY-MM-DD' text, times are UTC.

-- Projection of the registry, fed by its events (Messaging/). Households keep one version for
-- their details and one for their status: each event carries only its half.
CREATE TABLE households (
    id              {{uuid}} NOT NULL PRIMARY KEY,
    village_code    TEXT NULL,              -- null until HouseholdRegistered/Changed arrives
    status          TEXT NULL,              -- ACTIVE, SUSPENDED, REMOVED; null until known
    details_version BIGINT NOT NULL,
    status_version  BIGINT NOT NULL,
    updated_at      {{ts}} NOT NULL
);
CREATE INDEX ix_households_village ON households (village_code, status);

CREATE TABLE household_programmes (
    household_id    {{uuid}} NOT NULL REFERENCES households (id),
    programme       TEXT NOT NULL,
    PRIMARY KEY (household_id, programme)
);

CREATE TABLE cards (
    id                  {{uuid}} NOT NULL PRIMARY KEY,
    card_number         TEXT NOT NULL UNIQUE,
    household_id        {{uuid}} NOT NULL,
    status              TEXT NOT NULL,      -- ACTIVE, BLOCKED, LOST, REPLACED
    replaces_card_id    {{uuid}} NULL,
    -- set as soon as a replacement is known, whatever the order of events: the old card is dead
    replaced_by_card_id {{uuid}} NULL,
    version             BIGINT NOT NULL,
    updated_at          {{ts}} NOT NULL
);
CREATE INDEX ix_cards_replaces ON cards (replaces_card_id);

-- Aid periods: the id is the cryptogram's 4-byte period id.
CREATE TABLE aid_periods (
    id                   {{id}},
    code                 TEXT NOT NULL UNIQUE,
    programme            TEXT NOT NULL,
    amount_per_household BIGINT NOT NULL CHECK (amount_per_household > 0),
    start_date           TEXT NOT NULL,
    end_date             TEXT NOT NULL,
    status               TEXT NOT NULL,     -- DRAFT, OPEN, CLOSED
    created_at           {{ts}} NOT NULL,
    opened_at            {{ts}} NULL,
    closed_at            {{ts}} NULL
);

CREATE TABLE period_villages (
    period_id       BIGINT NOT NULL REFERENCES aid_periods (id),
    village_code    TEXT NOT NULL,
    PRIMARY KEY (period_id, village_code)
);
CREATE INDEX ix_period_villages_village ON period_villages (village_code, period_id);

-- One per (period, household). The CHECK is the last line of defence behind the conditional
-- debit: no transaction can leave a balance below zero or above the grant.
CREATE TABLE entitlements (
    id              {{id}},
    period_id       BIGINT NOT NULL REFERENCES aid_periods (id),
    household_id    {{uuid}} NOT NULL REFERENCES households (id),
    village_code    TEXT NOT NULL,          -- the household's village when granted: reports stay stable
    amount          BIGINT NOT NULL,
    balance         BIGINT NOT NULL CHECK (balance >= 0 AND balance <= amount),
    created_at      {{ts}} NOT NULL,
    UNIQUE (period_id, household_id)
);
CREATE INDEX ix_entitlements_household ON entitlements (household_id, period_id);
CREATE INDEX ix_entitlements_period_village ON entitlements (period_id, village_code);

CREATE TABLE distribution_points (
    id              {{id}},
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,          -- POSKO, E_WARONG, BANK_AGENT
    village_code    TEXT NOT NULL,
    created_at      {{ts}} NOT NULL,
    UNIQUE (village_code, name)
);

-- The id is the cryptogram's 8-byte terminal id and the terminal_id claim of its token.
CREATE TABLE terminals (
    id              {{id}},
    point_id        BIGINT NOT NULL REFERENCES distribution_points (id),
    label           TEXT NOT NULL,
    status          TEXT NOT NULL,          -- ACTIVE, DISABLED
    created_at      {{ts}} NOT NULL,
    updated_at      {{ts}} NOT NULL
);
CREATE INDEX ix_terminals_point ON terminals (point_id);

-- Every authorisation attempt, approved or declined. The unique indexes are the last line of
-- defence of docs/architecture.md §5's invariants: an idempotency key (per terminal), a challenge and a
-- (card, ATC) pair are each used once. challenge and verified_atc stay NULL on attempts that
-- did not consume them (NULLs never collide).
CREATE TABLE payouts (
    id              {{uuid}} NOT NULL PRIMARY KEY,
    terminal_id     BIGINT NOT NULL REFERENCES terminals (id),
    idempotency_key TEXT NOT NULL,
    request_hash    {{bytes}} NOT NULL,
    card_number     TEXT NULL,
    household_id    {{uuid}} NULL,
    period_id       BIGINT NOT NULL,        -- as requested
    entitlement_id  BIGINT NULL,
    village_code    TEXT NULL,
    amount          BIGINT NOT NULL,
    atc             INTEGER NOT NULL,
    verified_atc    INTEGER NULL,
    challenge       {{bytes}} NULL,
    result          TEXT NOT NULL,          -- APPROVED, DECLINED
    decline_reason  TEXT NULL,
    approval_code   TEXT NULL,
    balance_after   BIGINT NULL,
    created_at      {{ts}} NOT NULL,
    business_date   TEXT NOT NULL,          -- WIB
    reversed_at     {{ts}} NULL,
    reversal_reason TEXT NULL,
    reversed_by     TEXT NULL
);
CREATE UNIQUE INDEX ux_payouts_idempotency ON payouts (terminal_id, idempotency_key);
CREATE UNIQUE INDEX ux_payouts_challenge ON payouts (challenge);
CREATE UNIQUE INDEX ux_payouts_card_atc ON payouts (card_number, verified_atc);
CREATE INDEX ix_payouts_terminal_day ON payouts (terminal_id, business_date);
