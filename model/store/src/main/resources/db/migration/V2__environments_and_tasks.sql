-- EnvForge schema version 2: environments, tasks, their files, status history, import runs.
CREATE TABLE environment (
    key          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    version      TEXT,
    software     TEXT,
    plugin       TEXT,
    source       TEXT NOT NULL,
    origin       TEXT,
    licence      TEXT,
    description  TEXT,
    document     TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE env_file (
    env_key INTEGER NOT NULL REFERENCES environment(key) ON DELETE CASCADE,
    path    TEXT NOT NULL,
    sha256  TEXT NOT NULL,
    size    INTEGER NOT NULL,
    PRIMARY KEY (env_key, path)
);

CREATE TABLE task (
    key          INTEGER PRIMARY KEY,
    env_key      INTEGER NOT NULL REFERENCES environment(key) ON DELETE CASCADE,
    id           TEXT NOT NULL,
    name         TEXT NOT NULL,
    instruction  TEXT,
    difficulty   TEXT,
    checker      TEXT,
    status       TEXT NOT NULL,
    documents    TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (env_key, name)
);
CREATE INDEX task_status ON task(status);

CREATE TABLE task_file (
    task_key INTEGER NOT NULL REFERENCES task(key) ON DELETE CASCADE,
    path     TEXT NOT NULL,
    sha256   TEXT NOT NULL,
    size     INTEGER NOT NULL,
    PRIMARY KEY (task_key, path)
);

CREATE TABLE task_status_event (
    key      INTEGER PRIMARY KEY,
    task_key INTEGER NOT NULL REFERENCES task(key) ON DELETE CASCADE,
    status   TEXT NOT NULL,
    actor    TEXT NOT NULL,
    at       TEXT NOT NULL,
    reason   TEXT
);
CREATE INDEX task_status_event_task ON task_status_event(task_key);

CREATE TABLE task_problem (
    task_key INTEGER NOT NULL REFERENCES task(key) ON DELETE CASCADE,
    severity TEXT NOT NULL,
    file     TEXT NOT NULL,
    pointer  TEXT NOT NULL,
    line     INTEGER NOT NULL,
    message  TEXT NOT NULL
);
CREATE INDEX task_problem_task ON task_problem(task_key);

CREATE TABLE env_problem (
    env_key  INTEGER NOT NULL REFERENCES environment(key) ON DELETE CASCADE,
    severity TEXT NOT NULL,
    file     TEXT NOT NULL,
    pointer  TEXT NOT NULL,
    line     INTEGER NOT NULL,
    message  TEXT NOT NULL
);

CREATE TABLE import_run (
    key          INTEGER PRIMARY KEY,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    paths        TEXT NOT NULL,
    environments INTEGER NOT NULL DEFAULT 0,
    tasks        INTEGER NOT NULL DEFAULT 0,
    warnings     INTEGER NOT NULL DEFAULT 0,
    errors       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE import_problem (
    run_key  INTEGER NOT NULL REFERENCES import_run(key) ON DELETE CASCADE,
    severity TEXT NOT NULL,
    file     TEXT NOT NULL,
    pointer  TEXT NOT NULL,
    line     INTEGER NOT NULL,
    message  TEXT NOT NULL
);
CREATE INDEX import_problem_run ON import_problem(run_key);
