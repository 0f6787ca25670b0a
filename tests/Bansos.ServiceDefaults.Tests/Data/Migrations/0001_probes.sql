-- A table for the tests' own effects, written with every provider-specific token.
CREATE TABLE probe_effects (
    id {{id}},
    run_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    message_id {{uuid}} NULL,
    UNIQUE (run_id, number)
);
