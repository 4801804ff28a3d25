-- EnvForge schema version 1: settings and curation sets.
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE curation_set (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    created_at     TEXT NOT NULL,
    request_json   TEXT NOT NULL,
    weight         REAL NOT NULL,
    share          REAL NOT NULL,
    groups_covered INTEGER NOT NULL
);

CREATE TABLE curation_set_item (
    set_id   INTEGER NOT NULL REFERENCES curation_set(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    product  TEXT NOT NULL,
    weight   REAL NOT NULL,
    PRIMARY KEY (set_id, position)
);
