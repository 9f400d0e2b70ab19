"""The question log: what people asked and how the bot answered, in one SQLite file.

Each answered question becomes a row: time, chat type, a salted hash of the user id (HMAC-SHA256;
the raw id is never stored), language, question text, answer kind, projects, fields and match
score. 👍 / 👎 feedback is stored against a row's id. Rows older than the retention period
(default 180 days) are deleted when the log is opened and then periodically (`prune`).

The log must never take the bot down. Every public method catches database errors:

- a corrupt file (not a database, malformed) switches the log off for the life of the process;
- anything else (locked by another process, read-only folder or file, disk or size cap full,
  folder cannot be created) is treated as passing: the call is skipped, and the log tries again
  after `retry_interval` seconds;

and the error is logged once per outage (not per message), with one more line when the log works
again. Methods then return None / False / 0, and the caller keeps answering.

The file and its parent folder are created on first use. The connection is shared and guarded by
a lock, so the methods may be called from worker threads (`asyncio.to_thread`).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final, TypeVar

from bot.config import ConfigError
from bot.core.types import Answer

logger = logging.getLogger(__name__)

T = TypeVar("T")

ENV_DATA_DIR: Final = "PROJECTBOT_DATA_DIR"
ENV_QUESTION_LOG: Final = "PROJECTBOT_QUESTION_LOG"
ENV_SALT: Final = "PROJECTBOT_QUESTION_LOG_SALT"
ENV_RETENTION_DAYS: Final = "PROJECTBOT_QUESTION_LOG_DAYS"

DEFAULT_DATA_DIR: Final = "./data"
DB_NAME: Final = "questions.sqlite3"
SALT_SUFFIX: Final = ".salt"
DEFAULT_RETENTION_DAYS: Final = 180.0
#: Seconds between automatic prunes while logging.
DEFAULT_PRUNE_INTERVAL: Final = 6 * 3600.0
#: Seconds to wait before trying a failing database again.
DEFAULT_RETRY_INTERVAL: Final = 60.0
#: Seconds SQLite waits for another connection's lock before giving up.
DEFAULT_BUSY_TIMEOUT: Final = 0.5
#: Longer questions are cut to this many characters (Telegram's own message limit).
MAX_TEXT: Final = 4096
#: Values of `PROJECTBOT_QUESTION_LOG` that switch the log off.
OFF_VALUES: Final = frozenset({"off", "no", "false", "0", "none", "disabled"})

DAY: Final = 86400.0
SCHEMA_VERSION: Final = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS questions (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    asked_at  REAL    NOT NULL,            -- Unix time, seconds
    chat_type TEXT    NOT NULL,            -- private, group, supergroup, channel, inline
    user_hash TEXT,                        -- HMAC-SHA256 of the user id, hex; NULL if unknown
    lang      TEXT    NOT NULL,
    text      TEXT    NOT NULL,
    kind      TEXT    NOT NULL,            -- bot.core.types.Kind value
    projects  TEXT    NOT NULL,            -- JSON list of project ids
    fields    TEXT    NOT NULL,            -- JSON list of field names
    score     REAL    NOT NULL
);
CREATE INDEX IF NOT EXISTS questions_asked_at ON questions (asked_at);
CREATE TABLE IF NOT EXISTS feedback (
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    user_hash   TEXT    NOT NULL,
    rating      INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    given_at    REAL    NOT NULL,
    PRIMARY KEY (question_id, user_hash)
);
"""

#: SQLite result codes that mean the file itself is broken: retrying cannot help.
_BROKEN = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})


def hash_user(salt: bytes, user_id: int) -> str:
    """The stored stand-in for a user id: HMAC-SHA256 keyed with `salt`, as hex."""
    return hmac.new(salt, str(user_id).encode("ascii"), hashlib.sha256).hexdigest()


# --- what is stored and read back ------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One logged question, as read back for reports."""

    id: int
    asked_at: float
    chat_type: str
    user_hash: str | None
    lang: str
    text: str
    kind: str
    projects: tuple[str, ...]
    fields: tuple[str, ...]
    score: float
    up: int = 0
    down: int = 0


# --- settings ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LogSettings:
    """Where the log lives and how long it keeps questions; `path` None: the log is off."""

    path: Path | None
    salt: bytes | None = None
    retention_days: float = DEFAULT_RETENTION_DAYS


def default_log_path(env: Mapping[str, str] | None = None) -> Path:
    """$PROJECTBOT_QUESTION_LOG if it names a file, else $PROJECTBOT_DATA_DIR/questions.sqlite3."""
    env = os.environ if env is None else env
    explicit = env.get(ENV_QUESTION_LOG, "").strip()
    if explicit and explicit.casefold() not in OFF_VALUES:
        return Path(explicit).expanduser()
    data_dir = env.get(ENV_DATA_DIR, "").strip() or DEFAULT_DATA_DIR
    return Path(data_dir).expanduser() / DB_NAME


def load_log_settings(env: Mapping[str, str] | None = None) -> LogSettings:
    """The question log settings from `env`; `ConfigError` names a malformed variable.

    `PROJECTBOT_QUESTION_LOG`: the database file, or `off`; default `$PROJECTBOT_DATA_DIR/
    questions.sqlite3`. `PROJECTBOT_QUESTION_LOG_SALT`: the secret that keys the user-id hashes;
    when unset, a random one is kept in a `.salt` file next to the database.
    `PROJECTBOT_QUESTION_LOG_DAYS`: retention in days (default 180).
    """
    env = os.environ if env is None else env
    days_text = env.get(ENV_RETENTION_DAYS, "").strip()
    days = DEFAULT_RETENTION_DAYS
    if days_text:
        try:
            days = float(days_text)
        except ValueError:
            days = -1.0
        if not 0 < days < 1e6:
            raise ConfigError(
                f"{ENV_RETENTION_DAYS}: '{days_text}' is not a positive number of days "
                f"(default {DEFAULT_RETENTION_DAYS:g})"
            )
    if env.get(ENV_QUESTION_LOG, "").strip().casefold() in OFF_VALUES - {""}:
        return LogSettings(None, None, days)
    salt_text = env.get(ENV_SALT, "")
    salt = salt_text.encode("utf-8") if salt_text.strip() else None
    return LogSettings(default_log_path(env), salt, days)


def open_question_log(
    settings: LogSettings,
    *,
    retry_interval: float = DEFAULT_RETRY_INTERVAL,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
) -> QuestionLog | None:
    """A `QuestionLog` for `settings`, or None when the log is switched off. Never raises.

    Without a configured salt, the salt is read from (or, the first time, written to) a `.salt`
    file next to the database, so hashes stay the same across restarts.
    """
    if settings.path is None:
        return None
    salt = settings.salt or _stored_salt(settings.path)
    return QuestionLog(
        settings.path,
        salt,
        retention_days=settings.retention_days,
        retry_interval=retry_interval,
        busy_timeout=busy_timeout,
    )


def _stored_salt(db_path: Path) -> bytes:
    path = db_path.with_name(db_path.name + SALT_SUFFIX)
    try:
        stored = path.read_text(encoding="ascii").strip()
        if len(stored) >= 32:
            return stored.encode("ascii")
    except (OSError, UnicodeDecodeError):
        pass
    fresh = secrets.token_hex(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as file:
            file.write(fresh + "\n")
    except OSError as exc:
        # The log will most likely fail to open as well and say so; the hashes of this run just
        # will not match those of other runs.
        logger.warning("cannot keep the question log salt in %s: %s", path, exc)
    return fresh.encode("ascii")


# --- the log ----------------------------------------------------------------------------------


class QuestionLog:
    """The question log in the SQLite file at `path` (created, with its folder, on first use)."""

    def __init__(
        self,
        path: str | Path,
        salt: bytes | str,
        *,
        retention_days: float = DEFAULT_RETENTION_DAYS,
        retry_interval: float = DEFAULT_RETRY_INTERVAL,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        prune_interval: float = DEFAULT_PRUNE_INTERVAL,
        max_bytes: int | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if retention_days <= 0:
            raise ValueError("retention_days must be positive")
        self.path = Path(path)
        self.salt = salt.encode("utf-8") if isinstance(salt, str) else salt
        if not self.salt:
            raise ValueError("the salt must not be empty")
        self.retention = retention_days * DAY
        self.retry_interval = retry_interval
        self.busy_timeout = busy_timeout
        self.prune_interval = prune_interval
        self.max_bytes = max_bytes
        self.clock = clock
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._disabled = False
        self._failing = False
        self._retry_at = 0.0
        self._skipped = 0
        self._last_prune = float("-inf")

    # -- state

    @property
    def disabled(self) -> bool:
        """True once the file was found corrupt: nothing is logged until the bot restarts."""
        return self._disabled

    @property
    def healthy(self) -> bool:
        """Whether the last operation worked (and the log is not disabled)."""
        return not self._disabled and not self._failing

    def user_hash(self, user_id: int | None) -> str | None:
        return None if user_id is None else hash_user(self.salt, user_id)

    # -- writing

    def log(
        self,
        *,
        text: str,
        answer: Answer,
        chat_type: str,
        user_id: int | None,
        lang: str | None = None,
        at: float | None = None,
    ) -> int | None:
        """Log one answered question; its id (for feedback buttons), or None if not logged."""
        asked_at = self.clock() if at is None else at
        row = (
            asked_at,
            chat_type,
            self.user_hash(user_id),
            lang or answer.lang,
            text[:MAX_TEXT],
            str(answer.kind),
            json.dumps(list(answer.projects), ensure_ascii=False),
            json.dumps(list(answer.fields), ensure_ascii=False),
            float(answer.score),
        )

        def insert(conn: sqlite3.Connection) -> int | None:
            with conn:
                cursor = conn.execute(
                    "INSERT INTO questions (asked_at, chat_type, user_hash, lang, text, kind,"
                    " projects, fields, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row,
                )
            return cursor.lastrowid

        question_id = self._run("log a question", insert)
        if question_id is not None and self.clock() - self._last_prune >= self.prune_interval:
            self.prune()
        return question_id

    def feedback(self, question_id: int, user_id: int, positive: bool) -> bool:
        """Store 👍 (`positive`) or 👎 from `user_id` on a logged question; one vote per user,
        the last one counts. False when the question is unknown (pruned) or the log fails."""
        row = (question_id, hash_user(self.salt, user_id), 1 if positive else -1, self.clock())

        def upsert(conn: sqlite3.Connection) -> bool:
            with conn:
                cursor = conn.execute(
                    "INSERT INTO feedback (question_id, user_hash, rating, given_at)"
                    " SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM questions WHERE id = ?)"
                    " ON CONFLICT (question_id, user_hash)"
                    " DO UPDATE SET rating = excluded.rating, given_at = excluded.given_at",
                    (*row, question_id),
                )
            return cursor.rowcount > 0

        return bool(self._run("store feedback", upsert))

    def prune(self, now: float | None = None) -> int:
        """Delete questions (and their feedback) older than the retention period; how many."""
        cutoff = (self.clock() if now is None else now) - self.retention
        deleted = self._run("prune old questions", lambda conn: self._delete_before(conn, cutoff))
        return deleted or 0

    # -- reading

    def entries(self, since: float | None = None) -> list[Entry] | None:
        """Every logged question asked at or after `since`, oldest first, with feedback counts;
        None when the log cannot be read."""
        return self._run("read the question log", lambda conn: read_entries(conn, since))

    def count(self) -> int | None:
        """How many questions the log holds; None when it cannot be read."""

        def count(conn: sqlite3.Connection) -> int:
            return int(conn.execute("SELECT count(*) FROM questions").fetchone()[0])

        return self._run("count questions", count)

    def close(self) -> None:
        with self._lock:
            self._close_quietly()

    # -- the machinery

    def _run(self, what: str, operation: Callable[[sqlite3.Connection], T]) -> T | None:
        with self._lock:
            if self._disabled:
                return None
            if self._failing and self.clock() < self._retry_at:
                self._skipped += 1
                return None
            try:
                result = operation(self._connection())
            except (sqlite3.Error, OSError) as exc:
                self._close_quietly()
                self._failed(what, exc)
                return None
            if self._failing:
                logger.warning(
                    "question log %s works again (%d operation%s skipped while it failed)",
                    self.path,
                    self._skipped,
                    "" if self._skipped == 1 else "s",
                )
                self._failing = False
                self._skipped = 0
            return result

    def _failed(self, what: str, exc: BaseException) -> None:
        if isinstance(exc, sqlite3.Error) and _error_name(exc) in _BROKEN:
            self._disabled = True
            logger.error(
                "question log %s is corrupt (%s); logging questions is off until the bot restarts."
                " Move the file aside (keep it for inspection) to start a new log.",
                self.path,
                exc,
            )
            return
        self._retry_at = self.clock() + self.retry_interval
        self._skipped += 1
        if self._failing:
            logger.debug("question log %s still failing: cannot %s: %s", self.path, what, exc)
            return
        self._failing = True
        logger.error(
            "question log %s: cannot %s: %s; the bot keeps answering without logging and tries"
            " again every %g s (this is reported once)",
            self.path,
            what,
            exc,
            self.retry_interval,
        )

    def _connection(self) -> sqlite3.Connection:
        if self._conn is not None:
            return self._conn
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=self.busy_timeout, check_same_thread=False)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            # with WAL, NORMAL never corrupts the log and survives the bot crashing; only a
            # power cut may lose the last few questions, and every answer waits for one commit
            conn.execute("PRAGMA synchronous = NORMAL")
            if self.max_bytes is not None:
                page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
                conn.execute(f"PRAGMA max_page_count = {max(1, self.max_bytes // page_size)}")
            with conn:
                conn.executescript(_SCHEMA)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self._delete_before(conn, self.clock() - self.retention)
        except BaseException:
            conn.close()
            raise
        self._conn = conn
        return conn

    def _delete_before(self, conn: sqlite3.Connection, cutoff: float) -> int:
        with conn:
            cursor = conn.execute("DELETE FROM questions WHERE asked_at < ?", (cutoff,))
        self._last_prune = self.clock()
        if cursor.rowcount:
            logger.info("question log: deleted %d question(s) past retention", cursor.rowcount)
        return cursor.rowcount

    def _close_quietly(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None


def _error_name(exc: sqlite3.Error) -> str:
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    if name:
        return "_".join(name.split("_")[:2])  # SQLITE_CORRUPT_VTAB -> SQLITE_CORRUPT
    message = str(exc).casefold()
    if "not a database" in message:
        return "SQLITE_NOTADB"
    if "malformed" in message:
        return "SQLITE_CORRUPT"
    return ""


# --- reading, also without a QuestionLog (the `report` command) ---------------------------------


def read_entries(conn: sqlite3.Connection, since: float | None = None) -> list[Entry]:
    """The logged questions asked at or after `since` (all if None), oldest first."""
    rows = conn.execute(
        "SELECT q.id, q.asked_at, q.chat_type, q.user_hash, q.lang, q.text, q.kind, q.projects,"
        " q.fields, q.score,"
        " coalesce(sum(f.rating = 1), 0), coalesce(sum(f.rating = -1), 0)"
        " FROM questions q LEFT JOIN feedback f ON f.question_id = q.id"
        " WHERE q.asked_at >= ? GROUP BY q.id ORDER BY q.asked_at, q.id",
        (float("-inf") if since is None else since,),
    ).fetchall()
    return [
        Entry(
            id=int(r[0]),
            asked_at=float(r[1]),
            chat_type=str(r[2]),
            user_hash=r[3],
            lang=str(r[4]),
            text=str(r[5]),
            kind=str(r[6]),
            projects=_names(r[7]),
            fields=_names(r[8]),
            score=float(r[9]),
            up=int(r[10]),
            down=int(r[11]),
        )
        for r in rows
    ]


def read_log_file(path: str | Path, since: float | None = None) -> list[Entry]:
    """The entries of the log database at `path`, opened read-only (nothing is created).

    Raises `FileNotFoundError` when there is no such file and `sqlite3.Error` when it is not a
    readable question log.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(str(path))
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
    try:
        return read_entries(conn, since)
    finally:
        conn.close()


def _names(value: object) -> tuple[str, ...]:
    try:
        loaded = json.loads(str(value))
    except json.JSONDecodeError:
        return ()
    if not isinstance(loaded, list):
        return ()
    return tuple(str(item) for item in loaded)
