"""The history database's schema, as numbered migrations (``PRAGMA user_version``).

Never edit a migration that has shipped: add the next one. Each runs in one transaction.
"""

from __future__ import annotations

# What the relay ledger (studio/store/ledger.py) needs of a job, worked out once when the job
# is written rather than from its JSON columns on every read: one narrow row per job, kept by
# triggers on jobs, images and job_inputs. ``{j}`` is the row the values come from.
_FACT_COLUMNS = (
    "job_id, profile, model, created_at, state, asked, billing, reason, has_usage, text_in,"
    " image_in, tokens_out, ratio_drift, size_short, mask_ignored, answered_model"
)
_FACT_VALUES = """
    {j}.id, {j}.profile, {j}.model, {j}.created_at, {j}.state,
    CASE WHEN json_valid({j}.params)
        THEN MAX(COALESCE(json_extract({j}.params, '$.n'), 1), 1) ELSE 1 END,
    CASE WHEN json_valid({j}.error) THEN json_extract({j}.error, '$.billing') END,
    CASE WHEN json_valid({j}.error) THEN json_extract({j}.error, '$.kind') END,
    {j}.usage IS NOT NULL AND json_valid({j}.usage),
    CASE WHEN json_valid({j}.usage) THEN COALESCE(
        json_extract({j}.usage, '$.input_tokens_details.text_tokens'),
        json_extract({j}.usage, '$.input_tokens'),
        json_extract({j}.usage, '$.prompt_tokens'),
        json_extract({j}.usage, '$.promptTokenCount')) END,
    CASE WHEN json_valid({j}.usage)
        THEN json_extract({j}.usage, '$.input_tokens_details.image_tokens') END,
    CASE WHEN json_valid({j}.usage) THEN COALESCE(
        json_extract({j}.usage, '$.output_tokens'),
        json_extract({j}.usage, '$.completion_tokens'),
        json_extract({j}.usage, '$.candidatesTokenCount')) END,
    instr({j}.warnings, '"code":"ratio_mismatch"') > 0,
    instr({j}.warnings, '"code":"size_mismatch"') > 0 AND json_valid({j}.warnings) AND EXISTS (
        SELECT 1 FROM json_each({j}.warnings) w
        WHERE json_extract(w.value, '$.code') = 'size_mismatch'
          AND json_extract(w.value, '$.params.width') * json_extract(w.value, '$.params.height')
            < json_extract(w.value, '$.params.asked_width')
              * json_extract(w.value, '$.params.asked_height')),
    instr({j}.warnings, '"code":"mask_ignored"') > 0,
    CASE WHEN json_valid({j}.meta) THEN json_extract({j}.meta, '$.response_model') END
"""
_FACT_UPSERT = (
    f"INSERT INTO ledger_facts ({_FACT_COLUMNS}) VALUES ({_FACT_VALUES.format(j='new')})"
    " ON CONFLICT (job_id) DO UPDATE SET "
    + ", ".join(
        f"{name.strip()} = excluded.{name.strip()}" for name in _FACT_COLUMNS.split(",")[1:]
    )
    + ";"
)
# Each finished job's share of its relay's day (profile, model, local day): ``{r}`` is a row of
# ledger_facts. ledger_days holds these sums, kept by triggers, so the ledger reads a few
# thousand rows whatever the size of the history. "Billed": it delivered, the relay reported its
# usage, or its error says it may have been billed; a claim: billed, not succeeded and fewer
# images than asked.
_DONE = "{r}.state IN ('succeeded', 'failed', 'cancelled', 'interrupted')"
_BILLED = "({r}.delivered > 0 OR {r}.has_usage OR {r}.billing IS 'may_be_billed')"
_CLAIM = (
    "({r}.delivered < {r}.asked AND {r}.state != 'succeeded' AND {r}.billing IS 'may_be_billed')"
)
_PAID_IMAGES = f"{{r}}.delivered + ({{r}}.asked - {{r}}.delivered) * {_CLAIM}"
_DAY_SUMS = {
    "jobs": "1",
    "succeeded": "{r}.state = 'succeeded'",
    "failed": "{r}.state IN ('failed', 'interrupted') AND {r}.billing IS NOT 'not_sent'",
    "images": "{r}.delivered",
    "usage_jobs": f"{_BILLED} AND {{r}}.has_usage",
    "text_in": f"CASE WHEN {_BILLED} AND {{r}}.has_usage THEN COALESCE({{r}}.text_in, 0) END",
    "image_in": f"CASE WHEN {_BILLED} AND {{r}}.has_usage THEN COALESCE({{r}}.image_in, 0) END",
    "tokens_out": f"CASE WHEN {_BILLED} AND {{r}}.has_usage THEN COALESCE({{r}}.tokens_out, 0) END",
    "usage_job_images": f"CASE WHEN {_BILLED} AND {{r}}.has_usage THEN {_PAID_IMAGES} END",
    "listed_images": f"CASE WHEN {_BILLED} AND NOT {{r}}.has_usage THEN {_PAID_IMAGES} END",
    "listed_jobs": f"{_BILLED} AND NOT {{r}}.has_usage",
    "claims": _CLAIM,
    "delivered_jobs": "{r}.delivered > 0",
    "ratio_drift": "{r}.delivered > 0 AND {r}.ratio_drift",
    "masked_jobs": "{r}.delivered > 0 AND {r}.masked",
    "mask_ignored": "{r}.delivered > 0 AND {r}.masked AND {r}.mask_ignored",
    "size_short": "{r}.delivered > 0 AND {r}.size_short",
    "answered_jobs": "{r}.delivered > 0 AND {r}.answered_model IS NOT NULL",
    "model_mismatch": (
        "{r}.delivered > 0 AND {r}.answered_model IS NOT NULL AND {r}.answered_model != {r}.model"
        " AND substr({r}.answered_model, 1, length({r}.model) + 1) != {r}.model || '-'"
    ),
}
DAY_COLUMNS = tuple(_DAY_SUMS)


def _day_change(row: str, sign: str) -> str:
    """Add (``+``) or take away (``-``) ``row``'s share of its day."""
    values = ", ".join(
        f"CASE WHEN {_DONE.format(r=row)} THEN {sign}COALESCE({expression.format(r=row)}, 0)"
        " ELSE 0 END"
        for expression in _DAY_SUMS.values()
    )
    updates = ", ".join(f"{name} = {name} + excluded.{name}" for name in _DAY_SUMS)
    return (
        f"INSERT INTO ledger_days (profile, model, day, {', '.join(_DAY_SUMS)})"
        f" VALUES ({row}.profile, {row}.model, date({row}.created_at, 'unixepoch', 'localtime'),"
        f" {values}) ON CONFLICT (profile, model, day) DO UPDATE SET {updates};"
    )


_DAY_TOTALS = ", ".join(f"SUM(COALESCE({e.format(r='f')}, 0))" for e in _DAY_SUMS.values())
_LEDGER_FACTS = f"""
    CREATE TABLE ledger_facts (
        job_id         TEXT PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
        profile        TEXT NOT NULL,
        model          TEXT NOT NULL,
        created_at     REAL NOT NULL,
        state          TEXT NOT NULL,
        asked          INTEGER NOT NULL,          -- images asked for (n)
        billing        TEXT,                      -- the error's Billing, when it failed
        reason         TEXT,                      -- the error's kind
        has_usage      INTEGER NOT NULL,
        text_in        INTEGER,                   -- the relay's usage: input (text) tokens,
        image_in       INTEGER,                   -- reference-image input tokens,
        tokens_out     INTEGER,                   -- output tokens
        ratio_drift    INTEGER NOT NULL,          -- the checks' warnings
        size_short     INTEGER NOT NULL,
        mask_ignored   INTEGER NOT NULL,
        answered_model TEXT,                      -- the model the relay said made it
        masked         INTEGER NOT NULL DEFAULT 0,
        delivered      INTEGER NOT NULL DEFAULT 0, -- result images saved
        delivered_at   REAL                       -- when the last of them was saved
    );
    CREATE INDEX ledger_facts_by_profile ON ledger_facts (profile, created_at);
    CREATE INDEX ledger_latency ON ledger_facts (profile, delivered_at - created_at)
        WHERE state = 'succeeded' AND delivered_at IS NOT NULL;
    CREATE INDEX ledger_maybe_claims ON ledger_facts (created_at)
        WHERE state != 'succeeded' AND billing = 'may_be_billed';
    INSERT INTO ledger_facts ({_FACT_COLUMNS}) SELECT {_FACT_VALUES.format(j="j")} FROM jobs j;
    UPDATE ledger_facts SET
        delivered = (SELECT COUNT(*) FROM images i
                     WHERE i.job_id = ledger_facts.job_id AND i.kind = 'result'),
        delivered_at = (SELECT MAX(i.created_at) FROM images i
                        WHERE i.job_id = ledger_facts.job_id AND i.kind = 'result'),
        masked = EXISTS (SELECT 1 FROM job_inputs m
                         WHERE m.job_id = ledger_facts.job_id AND m.role = 'mask');
    CREATE TABLE ledger_days (
        profile TEXT NOT NULL,
        model   TEXT NOT NULL,
        day     TEXT NOT NULL,                    -- YYYY-MM-DD, local time
        {", ".join(f"{name} INTEGER NOT NULL DEFAULT 0" for name in _DAY_SUMS)},
        PRIMARY KEY (profile, model, day)
    ) WITHOUT ROWID;
    INSERT INTO ledger_days (profile, model, day, {", ".join(_DAY_SUMS)})
        SELECT f.profile, f.model, date(f.created_at, 'unixepoch', 'localtime'),
            {_DAY_TOTALS}
        FROM ledger_facts f WHERE {_DONE.format(r="f")}
        GROUP BY f.profile, f.model, date(f.created_at, 'unixepoch', 'localtime');
    CREATE TRIGGER ledger_job_insert AFTER INSERT ON jobs BEGIN
        {_FACT_UPSERT}
    END;
    CREATE TRIGGER ledger_job_update
    AFTER UPDATE OF profile, model, state, params, error, usage, warnings, meta ON jobs BEGIN
        {_FACT_UPSERT}
    END;
    CREATE TRIGGER ledger_image_insert AFTER INSERT ON images WHEN new.kind = 'result' BEGIN
        UPDATE ledger_facts SET delivered = delivered + 1,
            delivered_at = MAX(COALESCE(delivered_at, new.created_at), new.created_at)
        WHERE job_id = new.job_id;
    END;
    CREATE TRIGGER ledger_image_delete AFTER DELETE ON images WHEN old.kind = 'result' BEGIN
        UPDATE ledger_facts SET delivered = MAX(delivered - 1, 0) WHERE job_id = old.job_id;
    END;
    CREATE TRIGGER ledger_mask_insert AFTER INSERT ON job_inputs WHEN new.role = 'mask' BEGIN
        UPDATE ledger_facts SET masked = 1 WHERE job_id = new.job_id;
    END;
    CREATE TRIGGER ledger_days_insert AFTER INSERT ON ledger_facts BEGIN
        {_day_change("new", "+")}
    END;
    CREATE TRIGGER ledger_days_update AFTER UPDATE ON ledger_facts BEGIN
        {_day_change("old", "-")}
        {_day_change("new", "+")}
    END;
    CREATE TRIGGER ledger_days_delete AFTER DELETE ON ledger_facts BEGIN
        {_day_change("old", "-")}
    END;
"""

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
    # 4: the relay ledger's facts per job (issue 13), kept by triggers.
    _LEDGER_FACTS,
    # 5: runs (a compare or a batch: jobs sent together) and boards (a designer's projects).
    # A job's images join its board when saved; an image can be moved to another board. A
    # board removed leaves its images and jobs on no board.
    """
    CREATE TABLE runs (
        id         TEXT PRIMARY KEY,
        kind       TEXT NOT NULL,             -- compare | batch
        created_at REAL NOT NULL,
        title      TEXT NOT NULL,             -- the prompt or the batch file's name
        spec       TEXT NOT NULL DEFAULT '{}' -- JSON: targets, template, variables
    );
    CREATE INDEX runs_by_time ON runs (created_at DESC);
    CREATE TABLE boards (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at REAL NOT NULL
    );
    ALTER TABLE jobs ADD COLUMN run_id TEXT REFERENCES runs (id) ON DELETE SET NULL;
    ALTER TABLE jobs ADD COLUMN run_index INTEGER;
    ALTER TABLE jobs ADD COLUMN board_id INTEGER REFERENCES boards (id) ON DELETE SET NULL;
    ALTER TABLE images ADD COLUMN board_id INTEGER REFERENCES boards (id) ON DELETE SET NULL;
    CREATE INDEX jobs_by_run ON jobs (run_id, run_index) WHERE run_id IS NOT NULL;
    CREATE INDEX jobs_by_board ON jobs (board_id) WHERE board_id IS NOT NULL;
    CREATE INDEX images_by_board ON images (board_id, created_at DESC, id DESC)
        WHERE board_id IS NOT NULL;
    CREATE TRIGGER images_join_the_board AFTER INSERT ON images
    WHEN new.board_id IS NULL BEGIN
        UPDATE images SET board_id = (SELECT board_id FROM jobs WHERE id = new.job_id)
        WHERE id = new.id;
    END;
    """,
)

LATEST = len(MIGRATIONS)
