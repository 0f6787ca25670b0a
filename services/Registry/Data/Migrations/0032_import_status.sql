-- Imports are recorded when they start and closed with their status (docs/registry.md):
-- RUNNING, COMMITTED, REJECTED (all-or-nothing with bad rows: nothing written), ABORTED
-- (cancelled, or the service stopped) or FAILED, with the counts of what was committed and, for
-- the last two, what stopped it. finished_at is null while running. Rebuilt rather than altered:
-- SQLite cannot drop a NOT NULL, and one text serves both dialects.
CREATE TABLE imports_v2 (
    id                  {{uuid}} NOT NULL PRIMARY KEY,
    actor               TEXT NOT NULL,
    file_name           TEXT NOT NULL,
    sha256              TEXT NOT NULL,
    all_or_nothing      {{bool}} NOT NULL,
    status              TEXT NOT NULL,
    committed           {{bool}} NOT NULL,
    rows_read           BIGINT NOT NULL,
    rows_rejected       BIGINT NOT NULL,
    households_created  INTEGER NOT NULL,
    households_updated  INTEGER NOT NULL,
    households_unchanged INTEGER NOT NULL,
    error               TEXT NULL,
    started_at          {{ts}} NOT NULL,
    finished_at         {{ts}} NULL
);
INSERT INTO imports_v2 (id, actor, file_name, sha256, all_or_nothing, status, committed, rows_read, rows_rejected,
                        households_created, households_updated, households_unchanged, error, started_at, finished_at)
SELECT id, actor, file_name, sha256, all_or_nothing,
       CASE WHEN committed THEN 'COMMITTED' ELSE 'REJECTED' END, committed, rows_read, rows_rejected,
       households_created, households_updated, households_unchanged, NULL, started_at, finished_at
FROM imports;
DROP TABLE imports;
ALTER TABLE imports_v2 RENAME TO imports;
CREATE INDEX ix_imports_started ON imports (started_at);
