-- Registry schema v1: households (KPM), members, their history, aid cards, imports.
-- One text for SQLite and PostgreSQL; the double-brace tokens are replaced per dialect (docs/service-defaults.md).

CREATE TABLE households (
    id              {{uuid}} NOT NULL PRIMARY KEY,
    kk_number       TEXT NOT NULL UNIQUE,
    village_code    TEXT NOT NULL,
    district_code   TEXT NOT NULL,
    rt              TEXT NOT NULL,
    rw              TEXT NOT NULL,
    street          TEXT NOT NULL,
    desil           INTEGER NOT NULL,
    programmes      TEXT NOT NULL,          -- canonical 'PKH|SEMBAKO'
    status          TEXT NOT NULL,          -- ACTIVE, SUSPENDED, REMOVED
    removal_reason  TEXT NULL,
    status_note     TEXT NULL,
    head_name       TEXT NOT NULL,
    head_name_key   TEXT NOT NULL,          -- upper-case head name, for prefix search
    member_count    INTEGER NOT NULL,
    content_hash    TEXT NOT NULL,          -- SHA-256 of the imported content: re-import detects "unchanged" without loading members
    version         BIGINT NOT NULL,
    created_at      {{ts}} NOT NULL,
    updated_at      {{ts}} NOT NULL
);
CREATE INDEX ix_households_village ON households (village_code, status);
CREATE INDEX ix_households_district ON households (district_code, status);
CREATE INDEX ix_households_head_name ON households (head_name_key, id);

-- A NIK belongs to at most one household: the primary key says so.
CREATE TABLE members (
    nik             TEXT NOT NULL PRIMARY KEY,
    household_id    {{uuid}} NOT NULL REFERENCES households (id),
    position        INTEGER NOT NULL,
    name            TEXT NOT NULL,
    relation        TEXT NOT NULL,
    sex             TEXT NOT NULL,
    birth_date      TEXT NOT NULL           -- ISO YYYY-MM-DD
);
CREATE INDEX ix_members_household ON members (household_id, position);

CREATE TABLE household_history (
    id              {{id}},
    household_id    {{uuid}} NOT NULL REFERENCES households (id),
    at              {{ts}} NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,
    detail          TEXT NOT NULL
);
CREATE INDEX ix_household_history ON household_history (household_id, id);

CREATE TABLE aid_cards (
    id              {{uuid}} NOT NULL PRIMARY KEY,
    card_number     TEXT NOT NULL UNIQUE,
    household_id    {{uuid}} NOT NULL REFERENCES households (id),
    status          TEXT NOT NULL,          -- ACTIVE, BLOCKED, LOST, REPLACED
    status_reason   TEXT NULL,
    replaced_by     {{uuid}} NULL,
    version         BIGINT NOT NULL,
    issued_at       {{ts}} NOT NULL,
    updated_at      {{ts}} NOT NULL
);
CREATE INDEX ix_aid_cards_household ON aid_cards (household_id);
-- At most one live (ACTIVE or BLOCKED) card per household, whatever the application does.
CREATE UNIQUE INDEX ux_aid_cards_live ON aid_cards (household_id) WHERE status IN ('ACTIVE', 'BLOCKED');

-- Card numbers come from a counter so that two issuers never hand out the same number.
CREATE TABLE card_number_counter (
    id              INTEGER NOT NULL PRIMARY KEY,
    next_serial     BIGINT NOT NULL
);
INSERT INTO card_number_counter (id, next_serial) VALUES (1, 1);

CREATE TABLE imports (
    id                  {{uuid}} NOT NULL PRIMARY KEY,
    actor               TEXT NOT NULL,
    file_name           TEXT NOT NULL,
    sha256              TEXT NOT NULL,
    all_or_nothing      {{bool}} NOT NULL,
    committed           {{bool}} NOT NULL,
    rows_read           BIGINT NOT NULL,
    rows_rejected       BIGINT NOT NULL,
    households_created  INTEGER NOT NULL,
    households_updated  INTEGER NOT NULL,
    households_unchanged INTEGER NOT NULL,
    started_at          {{ts}} NOT NULL,
    finished_at         {{ts}} NOT NULL
);
