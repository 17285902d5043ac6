"""The workspace schema and its migrations, from the first release on.

Each migration is applied once, in order, inside a transaction (sqlite-utils
`Migrations`); `PRAGMA user_version` mirrors the number applied so a workspace written by
a newer release is recognised and refused instead of being damaged.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("evaluator")


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE batches (
            id TEXT PRIMARY KEY,              -- '1', '2', '3', 'd' (网员联盟)
            name TEXT NOT NULL,
            name_en TEXT NOT NULL,
            size INTEGER NOT NULL CHECK (size >= 0),  -- official number in the programme
            sort INTEGER NOT NULL
        );
        CREATE TABLE alliances (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            batch_id TEXT NOT NULL REFERENCES batches(id),
            name TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE alliance_aliases (
            id INTEGER PRIMARY KEY,
            alliance_id INTEGER NOT NULL REFERENCES alliances(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('name', 'code')),
            alias TEXT NOT NULL,
            note TEXT,
            UNIQUE (kind, alias)
        );
        CREATE TABLE rubrics (
            id INTEGER PRIMARY KEY,
            fingerprint TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            canonical_json TEXT NOT NULL,
            loaded_at TEXT NOT NULL
        );
        CREATE TABLE indicators (
            rubric_id INTEGER NOT NULL REFERENCES rubrics(id) ON DELETE CASCADE,
            code TEXT NOT NULL,
            level INTEGER NOT NULL CHECK (level IN (1, 2)),
            parent TEXT,
            name TEXT NOT NULL,
            name_en TEXT NOT NULL,
            standard TEXT,
            standard_en TEXT,
            max_points REAL NOT NULL,
            sort INTEGER NOT NULL,
            PRIMARY KEY (rubric_id, code)
        );
        CREATE TABLE years (
            year INTEGER PRIMARY KEY,
            rubric_id INTEGER NOT NULL REFERENCES rubrics(id),
            title TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE expert_groups (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL REFERENCES years(year),
            name TEXT NOT NULL,
            sort INTEGER NOT NULL DEFAULT 0,
            UNIQUE (year, name)
        );
        CREATE TABLE experts (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL REFERENCES years(year),
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('advisor', 'leader', 'deputy_leader', 'member')),
            organisation TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            alliance_id INTEGER REFERENCES alliances(id),   -- affiliation matched to registry
            group_id INTEGER REFERENCES expert_groups(id) ON DELETE SET NULL,
            is_group_leader INTEGER NOT NULL DEFAULT 0,
            secret_key TEXT NOT NULL,                       -- hex, HMAC key for score files
            sort INTEGER NOT NULL DEFAULT 0,
            UNIQUE (year, name)
        );
        CREATE TABLE conflicts (
            id INTEGER PRIMARY KEY,
            expert_id INTEGER NOT NULL REFERENCES experts(id) ON DELETE CASCADE,
            alliance_id INTEGER NOT NULL REFERENCES alliances(id),
            source TEXT NOT NULL CHECK (source IN ('affiliation', 'declared')),
            reason TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (expert_id, alliance_id)
        );
        CREATE TABLE assignments (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL REFERENCES years(year),
            round TEXT NOT NULL CHECK (round IN ('initial', 'review')),
            alliance_id INTEGER NOT NULL REFERENCES alliances(id),
            expert_id INTEGER NOT NULL REFERENCES experts(id) ON DELETE CASCADE,
            group_id INTEGER REFERENCES expert_groups(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            UNIQUE (year, round, alliance_id, expert_id)
        );
        CREATE INDEX assignments_expert ON assignments (year, round, expert_id);
        CREATE TABLE submissions (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL REFERENCES years(year),
            alliance_id INTEGER NOT NULL REFERENCES alliances(id),
            name_as_filed TEXT NOT NULL DEFAULT '',
            contact TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            filed_on TEXT,
            extra_json TEXT NOT NULL DEFAULT '{}',
            source_file TEXT,
            imported_at TEXT NOT NULL,
            UNIQUE (year, alliance_id)
        );
        CREATE TABLE submission_records (
            id INTEGER PRIMARY KEY,
            submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
            indicator_code TEXT NOT NULL,
            title TEXT NOT NULL,
            record_date TEXT,
            description TEXT NOT NULL DEFAULT '',
            quantity REAL,
            link TEXT NOT NULL DEFAULT '',
            extra_json TEXT NOT NULL DEFAULT '{}',
            sort INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX submission_records_by_indicator
            ON submission_records (submission_id, indicator_code);
        CREATE TABLE score_files (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL REFERENCES years(year),
            round TEXT NOT NULL CHECK (round IN ('initial', 'review')),
            expert_id INTEGER NOT NULL REFERENCES experts(id),
            sequence INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            file_name TEXT NOT NULL,
            signed INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('accepted', 'superseded')),
            exported_at TEXT,
            received_at TEXT NOT NULL,
            content_json TEXT,              -- the original signed rows, kept for re-verification
            UNIQUE (year, round, expert_id, sequence)
        );
        CREATE TABLE scores (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL REFERENCES years(year),
            round TEXT NOT NULL CHECK (round IN ('initial', 'review')),
            expert_id INTEGER NOT NULL REFERENCES experts(id),
            alliance_id INTEGER NOT NULL REFERENCES alliances(id),
            indicator_code TEXT NOT NULL,
            value REAL NOT NULL,
            comment TEXT NOT NULL DEFAULT '',
            entered_at TEXT NOT NULL,
            score_file_id INTEGER REFERENCES score_files(id),
            UNIQUE (year, round, expert_id, alliance_id, indicator_code)
        );
        CREATE INDEX scores_by_alliance ON scores (year, alliance_id);
        CREATE TABLE plenary_decisions (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL REFERENCES years(year),
            alliance_id INTEGER NOT NULL REFERENCES alliances(id),
            decision TEXT NOT NULL CHECK (decision IN ('accept', 'override')),
            score REAL NOT NULL,
            consensus_before REAL,
            reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
            decided_by TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            superseded_by INTEGER REFERENCES plenary_decisions(id)
        );
        CREATE TABLE results (
            year INTEGER NOT NULL,
            alliance_id INTEGER NOT NULL REFERENCES alliances(id),
            score INTEGER,                  -- may be NULL: inactive scores are not published
            band TEXT NOT NULL CHECK (band IN ('high', 'fairly_high', 'average', 'inactive')),
            source TEXT NOT NULL CHECK (source IN ('computed', 'history')),  -- computed = published snapshot
            code_as_published TEXT,
            name_as_published TEXT,
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (year, source, alliance_id)
        );
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value_json TEXT NOT NULL
        );
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_key TEXT NOT NULL DEFAULT '',
            old_json TEXT,
            new_json TEXT
        );
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """
    )


@migrations(name="0002_score_files_via_group")
def score_files_via_group(db: Database) -> None:
    # A member's score file that reached the secretariat inside a group leader's .evgroup
    # file records which one, so every merged score can be traced to how it arrived.
    db.execute("ALTER TABLE score_files ADD COLUMN via_group_file TEXT")


@migrations(name="0004_expert_public_keys")
def expert_public_keys(db: Database) -> None:
    # Score files are signed with Ed25519 (docs/formats.md, "Signatures and keys"): the
    # workspace keeps each package's public key; the private key is only in the package.
    db.executescript(
        """
        CREATE TABLE expert_keys (
            id INTEGER PRIMARY KEY,
            expert_id INTEGER NOT NULL REFERENCES experts(id) ON DELETE CASCADE,
            round TEXT NOT NULL CHECK (round IN ('initial', 'review')),
            public_key TEXT NOT NULL,                 -- hex of the raw 32 bytes
            fingerprint TEXT NOT NULL UNIQUE,         -- SHA-256 of those bytes, hex
            issued_at TEXT NOT NULL,
            package_file TEXT NOT NULL DEFAULT '',
            revoked_at TEXT,                          -- the package was declared lost
            revoked_reason TEXT
        );
        CREATE INDEX expert_keys_by_expert ON expert_keys (expert_id, round);
        """
    )
    # experts.secret_key is now only the first release's HMAC key, kept to verify files
    # exported from packages issued before this version (marked 旧签名). A key that never
    # went into an expert package cannot have signed a genuine file: drop it.
    db.execute(
        "UPDATE experts SET secret_key = '' WHERE NOT EXISTS ("
        " SELECT 1 FROM audit_log a WHERE a.action = 'export' AND a.entity = 'package'"
        " AND a.entity_key IN (experts.year || '/initial/' || experts.name,"
        " experts.year || '/review/' || experts.name))")


@migrations(name="0005_programme_sizes_and_people")
def programme_sizes_and_people(db: Database) -> None:
    # Each year's official batch sizes (the report's 52/39/55/6, 152 in all) with where the
    # figure came from; the names of the people who work in the workspace (the last one
    # chosen is who is working); each publication with who published it and what was
    # still undecided when they confirmed.
    db.executescript(
        """
        CREATE TABLE programme_sizes (
            year INTEGER NOT NULL,
            batch_id TEXT NOT NULL REFERENCES batches(id),
            size INTEGER NOT NULL CHECK (size >= 0),
            source TEXT NOT NULL CHECK (source IN ('report_2018', 'copied', 'settings')),
            source_year INTEGER,          -- the year copied from ('copied')
            changed_by TEXT,
            changed_at TEXT,
            PRIMARY KEY (year, batch_id)
        );
        CREATE TABLE people (
            name TEXT PRIMARY KEY CHECK (length(trim(name)) > 0),
            last_chosen_at TEXT NOT NULL
        );
        CREATE TABLE publications (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL,
            published_at TEXT NOT NULL,
            published_by TEXT NOT NULL,
            alliances INTEGER NOT NULL,
            undecided_json TEXT NOT NULL DEFAULT '[]'  -- agenda items and F1 cases accepted
        );
        ALTER TABLE results ADD COLUMN basis TEXT;  -- published from 'plenary' or 'consensus'
        """
    )
    db.execute(
        "INSERT INTO programme_sizes (year, batch_id, size, source)"
        " SELECT y.year, b.id, b.size, 'report_2018' FROM years y CROSS JOIN batches b")
    # A snapshot published before this release: what each score came from is in the
    # publication's audit entry.
    db.execute(
        "UPDATE results SET basis = (SELECT json_extract(j.value, '$.from')"
        " FROM audit_log a, json_each(a.new_json) j WHERE a.action = 'publish'"
        " AND a.entity = 'results' AND a.entity_key = CAST(results.year AS TEXT)"
        " AND json_extract(j.value, '$.code') = results.code_as_published"
        " ORDER BY a.id DESC LIMIT 1) WHERE source = 'computed'")


# The scores of one expert for one alliance in one round (a score set: 20 values at the
# 2018 rubric) are one row; `scores`, the view, shows one row per score as the table of
# the earlier schema did, so every reader keeps its query, and its INSTEAD OF triggers let
# a plain INSERT, UPDATE or DELETE of single scores still work (docs/performance.md: a
# merge writes 60,000 rows at XL instead of 1,200,000 index entries twice over).
SCORE_SETS_SQL = """
    CREATE TABLE score_sets (
        year INTEGER NOT NULL REFERENCES years(year),
        round TEXT NOT NULL CHECK (round IN ('initial', 'review')),
        expert_id INTEGER NOT NULL REFERENCES experts(id),
        alliance_id INTEGER NOT NULL REFERENCES alliances(id),
        scores_json TEXT NOT NULL,                    -- {"1.1": 4.5, ...}, in sheet order
        comments_json TEXT NOT NULL DEFAULT '{}',     -- {"1.1": "意见", ...}, non-empty only
        entered_at TEXT NOT NULL,
        score_file_id INTEGER REFERENCES score_files(id),
        PRIMARY KEY (year, round, expert_id, alliance_id)
    ) WITHOUT ROWID;
    CREATE INDEX score_sets_by_alliance ON score_sets (year, alliance_id);
    CREATE VIEW scores AS
        SELECT s.year AS year, s.round AS round, s.expert_id AS expert_id,
               s.alliance_id AS alliance_id, v.key AS indicator_code,
               CAST(v.value AS REAL) AS value,
               coalesce(json_extract(s.comments_json, '$."' || v.key || '"'), '') AS comment,
               s.entered_at AS entered_at, s.score_file_id AS score_file_id
        FROM score_sets s, json_each(s.scores_json) v;
    CREATE TRIGGER scores_insert INSTEAD OF INSERT ON scores BEGIN
        SELECT RAISE(ABORT, 'NOT NULL constraint failed: scores.value')
            WHERE NEW.value IS NULL OR NEW.indicator_code IS NULL;
        SELECT RAISE(ABORT, 'UNIQUE constraint failed: scores') WHERE EXISTS (
            SELECT 1 FROM score_sets WHERE year = NEW.year AND round = NEW.round
            AND expert_id = NEW.expert_id AND alliance_id = NEW.alliance_id
            AND json_type(scores_json, '$."' || NEW.indicator_code || '"') IS NOT NULL);
        INSERT INTO score_sets (year, round, expert_id, alliance_id, scores_json, entered_at,
                                score_file_id)
            VALUES (NEW.year, NEW.round, NEW.expert_id, NEW.alliance_id, '{}',
                    NEW.entered_at, NEW.score_file_id)
            ON CONFLICT DO NOTHING;
        UPDATE score_sets SET
            scores_json = json_set(scores_json, '$."' || NEW.indicator_code || '"',
                                   CAST(NEW.value AS REAL)),
            comments_json = CASE WHEN coalesce(NEW.comment, '') = '' THEN comments_json
                ELSE json_set(comments_json, '$."' || NEW.indicator_code || '"', NEW.comment)
                END
            WHERE year = NEW.year AND round = NEW.round AND expert_id = NEW.expert_id
            AND alliance_id = NEW.alliance_id;
    END;
    CREATE TRIGGER scores_delete INSTEAD OF DELETE ON scores BEGIN
        UPDATE score_sets SET
            scores_json = json_remove(scores_json, '$."' || OLD.indicator_code || '"'),
            comments_json = json_remove(comments_json, '$."' || OLD.indicator_code || '"')
            WHERE year = OLD.year AND round = OLD.round AND expert_id = OLD.expert_id
            AND alliance_id = OLD.alliance_id;
        DELETE FROM score_sets WHERE year = OLD.year AND round = OLD.round
            AND expert_id = OLD.expert_id AND alliance_id = OLD.alliance_id
            AND scores_json = '{}';
    END;
    CREATE TRIGGER scores_update INSTEAD OF UPDATE ON scores BEGIN
        DELETE FROM scores WHERE year = OLD.year AND round = OLD.round
            AND expert_id = OLD.expert_id AND alliance_id = OLD.alliance_id
            AND indicator_code = OLD.indicator_code;
        INSERT INTO scores (year, round, expert_id, alliance_id, indicator_code, value,
                            comment, entered_at, score_file_id)
            VALUES (NEW.year, NEW.round, NEW.expert_id, NEW.alliance_id,
                    NEW.indicator_code, NEW.value, NEW.comment, NEW.entered_at,
                    NEW.score_file_id);
    END;
"""


@migrations(name="0006_scores_storage")
def scores_storage(db: Database) -> None:
    # Every score moves into its set; a set's time and score file are those of its latest
    # score (a merge writes a whole set at once, so they are the same for all its scores).
    db.execute("ALTER TABLE scores RENAME TO scores_0005")
    db.executescript(SCORE_SETS_SQL)
    db.execute(
        "INSERT INTO score_sets (year, round, expert_id, alliance_id, scores_json,"
        " comments_json, entered_at, score_file_id)"
        " SELECT year, round, expert_id, alliance_id,"
        "  json_group_object(indicator_code, CAST(value AS REAL)),"
        "  coalesce(json_group_object(indicator_code, comment)"
        "   FILTER (WHERE comment IS NOT NULL AND comment <> ''), '{}'),"
        "  max(entered_at), max(score_file_id)"
        " FROM (SELECT * FROM scores_0005 ORDER BY id)"
        " GROUP BY year, round, expert_id, alliance_id")
    moved = db.execute("SELECT count(*) FROM scores").fetchone()[0]
    before = db.execute("SELECT count(*) FROM scores_0005").fetchone()[0]
    if moved != before:  # never lose a score: the migration's transaction rolls back
        raise RuntimeError(f"0006_scores_storage: {before} scores, {moved} after the move")
    db.execute("DROP TABLE scores_0005")


def migration_names() -> list[str]:
    """Every migration of the schema, in order: what an empty database has pending."""
    return [m.name for m in migrations.pending(Database(memory=True))]


# The schema version this program writes (PRAGMA user_version): the number of migrations.
SCHEMA_VERSION = len(migration_names())
