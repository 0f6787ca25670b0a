CREATE TABLE type_samples (
    id {{id}},
    key {{uuid}} NOT NULL,
    at {{ts}} NOT NULL,
    maybe_at {{ts}} NULL,
    tags {{text_array}} NOT NULL,
    payload {{bytes}} NOT NULL,
    document {{json}} NOT NULL,
    active {{bool}} NOT NULL,
    amount BIGINT NOT NULL
);
CREATE TABLE counters (
    name TEXT NOT NULL PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('main', 0);
