CREATE TABLE bulk_rows (
    id {{id}},
    key {{uuid}} NOT NULL UNIQUE,
    name TEXT NULL,
    small INTEGER NOT NULL,
    big BIGINT NOT NULL,
    flag {{bool}} NOT NULL,
    at {{ts}} NOT NULL,
    parent {{uuid}} NULL
);
