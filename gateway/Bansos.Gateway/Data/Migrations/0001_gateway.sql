-- Gateway schema v1: people who sign in, their refresh tokens, terminal enrolment codes.
-- One text for SQLite and PostgreSQL; the double-brace tokens are replaced per dialect (docs/service-defaults.md).

CREATE TABLE gateway_users (
    id               {{id}},
    user_name        TEXT NOT NULL UNIQUE,     -- lower case
    display_name     TEXT NOT NULL,
    role             TEXT NOT NULL,            -- admin, operator, auditor
    villages         TEXT NOT NULL,            -- operator's village codes, '|'-joined ('' for none)
    password_hash    TEXT NOT NULL,            -- ASP.NET Core Identity v3 format (PBKDF2-HMAC-SHA512)
    disabled         INTEGER NOT NULL,
    failed_attempts  INTEGER NOT NULL,
    locked_until     {{ts}} NULL,
    created_at       {{ts}} NOT NULL,
    updated_at       {{ts}} NOT NULL
);

-- Only hashes are stored: a copy of the database does not let anyone refresh.
CREATE TABLE gateway_refresh_tokens (
    token_hash       TEXT NOT NULL PRIMARY KEY, -- SHA-256, base64url
    user_id          BIGINT NOT NULL REFERENCES gateway_users (id),
    session_expires  {{ts}} NOT NULL,           -- the sign-in's end: rotation never moves it
    issued_at        {{ts}} NOT NULL,
    used             INTEGER NOT NULL
);
CREATE INDEX ix_gateway_refresh_tokens_user ON gateway_refresh_tokens (user_id);

CREATE TABLE gateway_enrolment_codes (
    code_hash        TEXT NOT NULL PRIMARY KEY, -- SHA-256, base64url
    terminal_id      BIGINT NOT NULL,
    created_by       TEXT NOT NULL,
    created_at       {{ts}} NOT NULL,
    expires_at       {{ts}} NOT NULL,
    used_at          {{ts}} NULL
);
CREATE INDEX ix_gateway_enrolment_codes_terminal ON gateway_enrolment_codes (terminal_id);
