-- ServiceDefaults' own tables, in every service's database (scope bansos.servicedefaults).

-- Events written in the same transaction as the state change; the relay publishes them in id order.
CREATE TABLE outbox_messages (
    id {{id}},
    message_id {{uuid}} NOT NULL UNIQUE,
    message_type TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at {{ts}} NOT NULL,
    sent_at {{ts}} NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NULL,
    -- set when a row can never be published (unknown type, unreadable body): kept for a human, skipped by the relay
    failed_at {{ts}} NULL
);
CREATE INDEX ix_outbox_messages_unsent ON outbox_messages (id) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX ix_outbox_messages_sent_at ON outbox_messages (sent_at) WHERE sent_at IS NOT NULL;

-- One row per (consumer, message) handled, written with the handler's effect.
CREATE TABLE inbox_messages (
    consumer TEXT NOT NULL,
    message_id {{uuid}} NOT NULL,
    received_at {{ts}} NOT NULL,
    PRIMARY KEY (consumer, message_id)
);
CREATE INDEX ix_inbox_messages_received_at ON inbox_messages (received_at);

-- Append-only, hash-chained record of every change a person made.
CREATE TABLE audit_log (
    sequence BIGINT NOT NULL PRIMARY KEY,
    at {{ts}} NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before_json TEXT NULL,
    after_json TEXT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX ix_audit_log_entity ON audit_log (entity_type, entity_id);

-- The chain's head: appends lock this row (PostgreSQL) and verification checks the tail against it.
CREATE TABLE audit_chain_head (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    sequence BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_chain_head (id, sequence, hash) VALUES (1, 0, '');
