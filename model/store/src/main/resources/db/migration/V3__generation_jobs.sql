-- EnvForge schema version 3: generation jobs, their items (one environment each) and rounds,
-- and per-plugin memory of audit lessons.
CREATE TABLE job (
    id          INTEGER PRIMARY KEY,
    spec_json   TEXT NOT NULL,
    status      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    message     TEXT
);

CREATE TABLE job_item (
    job_id      INTEGER NOT NULL REFERENCES job(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    plugin      TEXT NOT NULL,
    product     TEXT NOT NULL,
    env_name    TEXT NOT NULL,
    status      TEXT NOT NULL,
    rounds      INTEGER NOT NULL DEFAULT 0,
    message     TEXT,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (job_id, idx)
);

CREATE TABLE job_round (
    job_id        INTEGER NOT NULL,
    idx           INTEGER NOT NULL,
    round         INTEGER NOT NULL,
    creator       TEXT NOT NULL,
    auditor       TEXT NOT NULL,
    creation_json TEXT,
    evidence_json TEXT,
    audit_json    TEXT,
    passed        INTEGER NOT NULL,
    error         TEXT,
    started_at    TEXT NOT NULL,
    finished_at   TEXT NOT NULL,
    PRIMARY KEY (job_id, idx, round),
    FOREIGN KEY (job_id, idx) REFERENCES job_item(job_id, idx) ON DELETE CASCADE
);

CREATE TABLE audit_failure (
    job_id    INTEGER NOT NULL,
    idx       INTEGER NOT NULL,
    round     INTEGER NOT NULL,
    plugin    TEXT NOT NULL,
    task      TEXT NOT NULL,
    item      TEXT NOT NULL,
    at        TEXT NOT NULL
);
CREATE INDEX audit_failure_plugin ON audit_failure(plugin, item);

CREATE TABLE memory_note (
    plugin      TEXT PRIMARY KEY,
    note        TEXT NOT NULL,
    envs_seen   INTEGER NOT NULL,
    updated_at  TEXT NOT NULL
);
