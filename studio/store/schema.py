"""The history database's schema, as numbered migrations (``PRAGMA user_version``).

Never edit a migration that has shipped: add the next one. Each runs in one transaction.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: jobs, their inputs and their images.
    """
    CREATE TABLE jobs (
        id          TEXT PRIMARY KEY,
        created_at  REAL NOT NULL,
        updated_at  REAL NOT NULL,
        profile     TEXT NOT NULL,
        model       TEXT NOT NULL,
        protocol    TEXT,
        prompt      TEXT NOT NULL,
        params      TEXT NOT NULL,             -- JSON: GenerationRequest.parameters()
        state       TEXT NOT NULL,
        task_id     TEXT,
        progress    REAL,
        error       TEXT,                      -- JSON: kind, template, params, relay message
        usage       TEXT,                      -- JSON: the relay's usage, as sent
        warnings    TEXT NOT NULL DEFAULT '[]',
        answer_text TEXT,
        meta        TEXT NOT NULL DEFAULT '{}',
        owner       TEXT,                      -- the process running it: "pid:start"
        trashed_at  REAL
    );
    CREATE INDEX jobs_by_time ON jobs (created_at DESC, id DESC);
    CREATE INDEX jobs_by_state ON jobs (state);
    CREATE TABLE job_inputs (
        job_id   TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        role     TEXT NOT NULL,                -- reference | mask
        position INTEGER NOT NULL,
        name     TEXT NOT NULL,
        sha256   TEXT,                         -- the bytes, in the blob store
        url      TEXT,                         -- or a remote reference
        width    INTEGER,
        height   INTEGER,
        PRIMARY KEY (job_id, role, position)
    );
    CREATE TABLE images (
        id             INTEGER PRIMARY KEY,
        job_id         TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        position       INTEGER NOT NULL,
        sha256         TEXT NOT NULL,
        extension      TEXT NOT NULL,
        mime           TEXT NOT NULL,
        width          INTEGER NOT NULL,
        height         INTEGER NOT NULL,
        size_bytes     INTEGER NOT NULL,
        source         TEXT NOT NULL,
        url            TEXT,
        revised_prompt TEXT,
        warnings       TEXT NOT NULL DEFAULT '[]',
        created_at     REAL NOT NULL,
        favourite      INTEGER NOT NULL DEFAULT 0,
        trashed_at     REAL
    );
    CREATE INDEX images_by_job ON images (job_id, position);
    CREATE INDEX images_by_time ON images (created_at DESC, id DESC);
    """,
    # 2: prompt search, retries and derived images (composites).
    """
    ALTER TABLE jobs ADD COLUMN retry_of TEXT;
    ALTER TABLE images ADD COLUMN kind TEXT NOT NULL DEFAULT 'result';
    ALTER TABLE images ADD COLUMN derived_from INTEGER REFERENCES images (id) ON DELETE SET NULL;
    CREATE VIRTUAL TABLE prompts USING fts5 (job_id UNINDEXED, prompt, tokenize = 'trigram');
    INSERT INTO prompts (job_id, prompt) SELECT id, prompt FROM jobs;
    CREATE TRIGGER prompts_insert AFTER INSERT ON jobs BEGIN
        INSERT INTO prompts (job_id, prompt) VALUES (new.id, new.prompt);
    END;
    CREATE TRIGGER prompts_delete AFTER DELETE ON jobs BEGIN
        DELETE FROM prompts WHERE job_id = old.id;
    END;
    CREATE TRIGGER prompts_update AFTER UPDATE OF prompt ON jobs BEGIN
        UPDATE prompts SET prompt = new.prompt WHERE job_id = new.id;
    END;
    CREATE INDEX images_favourites ON images (favourite) WHERE favourite = 1;
    """,
    # 3: jobs that can be finished without paying again, and the relay's own bytes of images
    # shown as a converted copy (formats the studio cannot display as they are).
    """
    ALTER TABLE jobs ADD COLUMN resumable INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE images ADD COLUMN original TEXT;  -- "<sha256>.<extension>" in the blob store
    CREATE INDEX jobs_resumable ON jobs (resumable) WHERE resumable = 1;
    """,
)

LATEST = len(MIGRATIONS)
