-- EnvForge schema version 4: trajectories (agent runs on tasks), their steps, annotations.
CREATE TABLE trajectory (
    id            INTEGER PRIMARY KEY,
    task_ref      TEXT,
    instruction   TEXT,
    agent         TEXT NOT NULL,
    source        TEXT NOT NULL,
    origin        TEXT,
    status        TEXT NOT NULL,
    owner_pid     INTEGER,
    started_at    TEXT NOT NULL,
    finished_at   TEXT,
    steps         INTEGER NOT NULL DEFAULT 0,
    said_done     INTEGER NOT NULL DEFAULT 0,
    checker_passed INTEGER,
    verification  TEXT,
    tt_audit      TEXT,
    verdict       TEXT,
    verdict_note  TEXT,
    meta_json     TEXT
);
CREATE INDEX trajectory_task ON trajectory(task_ref);

CREATE TABLE trajectory_step (
    trajectory_id INTEGER NOT NULL REFERENCES trajectory(id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    at            TEXT NOT NULL,
    millis        INTEGER NOT NULL DEFAULT 0,
    action_json   TEXT,
    action_text   TEXT,
    native_json   TEXT,
    response      TEXT,
    screenshot    TEXT,
    after_shot    TEXT,
    reward        REAL,
    done          INTEGER NOT NULL DEFAULT 0,
    error         TEXT,
    PRIMARY KEY (trajectory_id, idx)
);

CREATE TABLE step_tag (
    trajectory_id INTEGER NOT NULL,
    idx           INTEGER NOT NULL,
    tag           TEXT NOT NULL,
    author        TEXT NOT NULL,
    at            TEXT NOT NULL,
    PRIMARY KEY (trajectory_id, idx, tag),
    FOREIGN KEY (trajectory_id, idx) REFERENCES trajectory_step(trajectory_id, idx) ON DELETE CASCADE
);
CREATE INDEX step_tag_tag ON step_tag(tag);

CREATE TABLE step_note (
    trajectory_id INTEGER NOT NULL,
    idx           INTEGER NOT NULL,
    note          TEXT NOT NULL,
    author        TEXT NOT NULL,
    at            TEXT NOT NULL,
    PRIMARY KEY (trajectory_id, idx),
    FOREIGN KEY (trajectory_id, idx) REFERENCES trajectory_step(trajectory_id, idx) ON DELETE CASCADE
);
