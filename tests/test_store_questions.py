"""The question log: what is stored (and what never is), feedback, retention, and that a broken
database never stops the bot from answering."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import os
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import ConfigError
from bot.core.engine import Engine
from bot.core.types import Answer, Kind, Question
from bot.store.questions import (
    DAY,
    DEFAULT_RETENTION_DAYS,
    ENV_DATA_DIR,
    ENV_QUESTION_LOG,
    ENV_RETENTION_DAYS,
    ENV_SALT,
    MAX_TEXT,
    QuestionLog,
    hash_user,
    load_log_settings,
    open_question_log,
    read_log_file,
)

SALT = b"test-salt"
USER = 123456789
T0 = 1_750_000_000.0
LOGGER = "bot.store.questions"


class Clock:
    """Time that moves only when the test says so."""

    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def ask(engine: Engine, text: str) -> Answer:
    return engine.ask(Question(text)).answer


def errors(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == LOGGER and r.levelno >= logging.ERROR]


# --- what is stored -----------------------------------------------------------------------------


def test_first_use_creates_the_folder_and_a_wal_database(tmp_path: Path, engine: Engine) -> None:
    path = tmp_path / "data" / "deeper" / "questions.sqlite3"
    log = QuestionLog(path, SALT)
    assert not path.parent.exists()  # nothing happens until the first question
    assert (
        log.log(
            text="who funded SIREADA?",
            answer=ask(engine, "who funded SIREADA?"),
            chat_type="private",
            user_id=USER,
        )
        == 1
    )
    assert path.is_file()
    with contextlib.closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    log.close()


def test_a_logged_row_holds_the_answer_facts_and_a_salted_hash_never_the_raw_id(
    tmp_path: Path, engine: Engine
) -> None:
    path = tmp_path / "q.sqlite3"
    log = QuestionLog(path, SALT, clock=Clock())
    answer = ask(engine, "who funded SIREADA?")
    assert answer.kind is Kind.FIELD
    question_id = log.log(
        text="who funded SIREADA?", answer=answer, chat_type="group", user_id=USER
    )
    log.close()
    with contextlib.closing(sqlite3.connect(path)) as conn:
        row = conn.execute("SELECT * FROM questions").fetchone()
        dump = "\n".join(conn.iterdump())
    expected_hash = hmac.new(SALT, str(USER).encode(), hashlib.sha256).hexdigest()
    assert row == (
        question_id,
        T0,
        "group",
        expected_hash,
        "en",
        "who funded SIREADA?",
        "field",
        '["sireada"]',
        '["funders"]',
        answer.score,
    )
    assert str(USER) not in dump
    assert hash_user(b"another salt", USER) != expected_hash


def test_entries_read_back_what_was_logged_with_the_question_language(
    tmp_path: Path, engine: Engine
) -> None:
    log = QuestionLog(tmp_path / "q.sqlite3", SALT, clock=Clock())
    log.log(
        text="что такое SIREADA",
        answer=ask(engine, "что такое SIREADA"),
        chat_type="private",
        user_id=USER,
    )
    log.log(
        text="weather in Moscow",
        answer=ask(engine, "weather in Moscow"),
        chat_type="inline",
        user_id=None,
    )
    entries = log.entries()
    assert entries is not None
    assert [(e.lang, e.kind, e.projects, e.chat_type) for e in entries] == [
        ("ru", "project", ("sireada",), "private"),
        ("en", "out_of_scope", (), "inline"),
    ]
    assert entries[1].user_hash is None
    assert read_log_file(tmp_path / "q.sqlite3") == entries
    log.close()


def test_questions_longer_than_a_telegram_message_are_cut(tmp_path: Path, engine: Engine) -> None:
    log = QuestionLog(tmp_path / "q.sqlite3", SALT)
    text = "SIREADA " * 1000
    log.log(text=text, answer=ask(engine, text), chat_type="private", user_id=USER)
    entries = log.entries()
    assert entries is not None
    assert entries[0].text == text[:MAX_TEXT]
    log.close()


# --- feedback -----------------------------------------------------------------------------------


def test_feedback_is_stored_against_the_question_one_vote_per_user_last_one_counts(
    tmp_path: Path, engine: Engine
) -> None:
    log = QuestionLog(tmp_path / "q.sqlite3", SALT)
    first = log.log(
        text="who funded SIREADA?",
        answer=ask(engine, "who funded SIREADA?"),
        chat_type="private",
        user_id=USER,
    )
    second = log.log(
        text="partners of sireada",
        answer=ask(engine, "partners of sireada"),
        chat_type="private",
        user_id=USER,
    )
    assert first is not None and second is not None
    assert log.feedback(first, USER, positive=True)
    assert log.feedback(first, USER, positive=False)  # changed their mind
    assert log.feedback(first, USER + 1, positive=False)
    assert log.feedback(second, USER, positive=True)
    entries = log.entries()
    assert entries is not None
    assert [(e.id, e.up, e.down) for e in entries] == [(first, 0, 2), (second, 1, 0)]
    log.close()


def test_feedback_on_an_unknown_or_pruned_question_is_refused_quietly(tmp_path: Path) -> None:
    log = QuestionLog(tmp_path / "q.sqlite3", SALT)
    assert log.feedback(42, USER, positive=True) is False
    assert log.healthy
    log.close()


# --- retention ----------------------------------------------------------------------------------


def test_prune_deletes_questions_past_retention_together_with_their_feedback(
    tmp_path: Path, engine: Engine
) -> None:
    clock = Clock()
    log = QuestionLog(tmp_path / "q.sqlite3", SALT, retention_days=10, clock=clock)
    answer = ask(engine, "who funded SIREADA?")
    old = log.log(text="old", answer=answer, chat_type="private", user_id=USER, at=T0 - 11 * DAY)
    recent = log.log(text="new", answer=answer, chat_type="private", user_id=USER, at=T0 - DAY)
    assert old is not None and recent is not None
    log.feedback(old, USER, positive=False)
    assert log.prune() == 1
    entries = log.entries()
    assert entries is not None
    assert [e.text for e in entries] == ["new"]
    log.close()
    with contextlib.closing(sqlite3.connect(tmp_path / "q.sqlite3")) as conn:
        assert conn.execute("SELECT count(*) FROM feedback").fetchone()[0] == 0


def test_retention_is_enforced_when_the_log_is_opened(tmp_path: Path, engine: Engine) -> None:
    path = tmp_path / "q.sqlite3"
    clock = Clock()
    log = QuestionLog(path, SALT, retention_days=180, clock=clock)
    log.log(text="then", answer=ask(engine, "hello"), chat_type="private", user_id=USER)
    log.close()
    clock.now += 181 * DAY
    reopened = QuestionLog(path, SALT, retention_days=180, clock=clock)
    assert reopened.count() == 0
    reopened.close()


def test_retention_is_enforced_periodically_while_logging(tmp_path: Path, engine: Engine) -> None:
    clock = Clock()
    log = QuestionLog(
        tmp_path / "q.sqlite3", SALT, retention_days=1, prune_interval=3600, clock=clock
    )
    answer = ask(engine, "hello")
    log.log(text="first", answer=answer, chat_type="private", user_id=USER)
    clock.now += DAY + 1
    log.log(text="a day later", answer=answer, chat_type="private", user_id=USER)
    entries = log.entries()
    assert entries is not None
    assert [e.text for e in entries] == ["a day later"]
    log.close()


# --- a broken database never stops the bot ------------------------------------------------------


def answer_many(engine: Engine, log: QuestionLog, count: int) -> int:
    """What a handler does: answer, then log; returns how many answers were produced."""
    answered = 0
    for i in range(count):
        text = f"who funded SIREADA? {i}"
        answer = ask(engine, text)
        log.log(text=text, answer=answer, chat_type="private", user_id=USER)
        log.feedback(1, USER, positive=True)
        answered += 1
    return answered


def test_a_corrupt_file_switches_the_log_off_reports_once_and_answers_go_on(
    tmp_path: Path, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "q.sqlite3"
    path.write_bytes(b"this is not a database\n" * 200)
    log = QuestionLog(path, SALT)
    with caplog.at_level(logging.DEBUG, logger=LOGGER):
        assert answer_many(engine, log, 30) == 30
        assert log.entries() is None
        assert log.prune() == 0
    assert log.disabled
    assert len(errors(caplog)) == 1
    assert "corrupt" in errors(caplog)[0].getMessage()
    assert path.read_bytes().startswith(b"this is not a database")  # kept for inspection


def test_a_locked_database_is_skipped_reported_once_and_retried_until_it_works(
    tmp_path: Path, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "q.sqlite3"
    clock = Clock()
    log = QuestionLog(path, SALT, busy_timeout=0.05, retry_interval=60, clock=clock)
    assert log.log(text="before", answer=ask(engine, "hello"), chat_type="private", user_id=USER)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    with caplog.at_level(logging.DEBUG, logger=LOGGER):
        assert answer_many(engine, log, 20) == 20
        clock.now += 61  # time to try again: still locked, and not reported again
        assert answer_many(engine, log, 5) == 5
        assert not log.healthy
        other.execute("COMMIT")
        other.close()
        clock.now += 61
        assert (
            log.log(text="after", answer=ask(engine, "hello"), chat_type="private", user_id=USER)
            is not None
        )
    assert log.healthy
    assert len(errors(caplog)) == 1
    assert "database is locked" in errors(caplog)[0].getMessage()
    assert any("works again" in r.getMessage() for r in caplog.records)
    entries = log.entries()
    assert entries is not None
    assert [e.text for e in entries] == ["before", "after"]
    log.close()


def test_a_full_database_is_reported_once_and_the_bot_keeps_answering(
    tmp_path: Path, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    log = QuestionLog(tmp_path / "q.sqlite3", SALT, max_bytes=16 * 4096, clock=Clock())
    with caplog.at_level(logging.DEBUG, logger=LOGGER):
        for i in range(100):
            answer = ask(engine, "who funded SIREADA?")
            log.log(text=f"{i} " + "x" * 3000, answer=answer, chat_type="private", user_id=USER)
    assert not log.healthy
    assert len(errors(caplog)) == 1
    assert "full" in errors(caplog)[0].getMessage()
    log.close()


def test_a_folder_that_cannot_be_created_is_reported_once(
    tmp_path: Path, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "data").write_text("a file where the folder should be")
    log = QuestionLog(tmp_path / "data" / "q.sqlite3", SALT)
    with caplog.at_level(logging.DEBUG, logger=LOGGER):
        assert answer_many(engine, log, 10) == 10
    assert len(errors(caplog)) == 1


@contextlib.contextmanager
def unprivileged() -> Iterator[None]:
    """Run as an ordinary user: root ignores file permissions, so drop to 'nobody' for a while."""
    if os.geteuid() != 0:
        yield
        return
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder an unprivileged user can reach (pytest's tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="projectbot-ro-"))
    path.chmod(0o755)
    yield path
    for folder in (path, *path.rglob("*")):
        folder.chmod(stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)
    shutil.rmtree(path)


def test_a_read_only_folder_is_reported_once_and_the_bot_keeps_answering(
    shared_dir: Path, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    folder = shared_dir / "data"
    folder.mkdir()
    existing = folder / "old.sqlite3"
    setup = QuestionLog(existing, SALT)
    setup.log(text="hello", answer=ask(engine, "hello"), chat_type="private", user_id=USER)
    setup.close()
    existing.chmod(0o444)
    folder.chmod(0o555)
    with caplog.at_level(logging.DEBUG, logger=LOGGER), unprivileged():
        new_log = QuestionLog(folder / "new.sqlite3", SALT)
        old_log = QuestionLog(existing, SALT)
        assert answer_many(engine, new_log, 10) == 10
        assert answer_many(engine, old_log, 10) == 10
        new_log.close()
        old_log.close()
    assert not new_log.healthy and not old_log.healthy
    assert len(errors(caplog)) == 2  # once per log, not per message
    assert "readonly" in errors(caplog)[1].getMessage()


# --- settings -----------------------------------------------------------------------------------


def test_settings_default_to_the_data_folder_and_180_days(tmp_path: Path) -> None:
    settings = load_log_settings({ENV_DATA_DIR: str(tmp_path)})
    assert settings.path == tmp_path / "questions.sqlite3"
    assert settings.retention_days == DEFAULT_RETENTION_DAYS == 180
    assert settings.salt is None
    assert load_log_settings({}).path == Path("data") / "questions.sqlite3"


def test_settings_take_an_explicit_path_salt_and_retention_or_switch_the_log_off(
    tmp_path: Path,
) -> None:
    settings = load_log_settings(
        {ENV_QUESTION_LOG: str(tmp_path / "q.db"), ENV_SALT: "s3cret", ENV_RETENTION_DAYS: "30"}
    )
    assert (settings.path, settings.salt, settings.retention_days) == (
        tmp_path / "q.db",
        b"s3cret",
        30.0,
    )
    assert load_log_settings({ENV_QUESTION_LOG: "off"}).path is None
    assert open_question_log(load_log_settings({ENV_QUESTION_LOG: "off"})) is None


@pytest.mark.parametrize("days", ["0", "-3", "soon", "nan"])
def test_a_bad_retention_fails_fast_naming_the_variable(days: str) -> None:
    with pytest.raises(ConfigError, match=ENV_RETENTION_DAYS):
        load_log_settings({ENV_RETENTION_DAYS: days})


def test_without_a_configured_salt_a_private_random_one_is_kept_next_to_the_database(
    tmp_path: Path,
) -> None:
    settings = load_log_settings({ENV_DATA_DIR: str(tmp_path / "data")})
    first = open_question_log(settings)
    second = open_question_log(settings)
    assert first is not None and second is not None
    salt_file = tmp_path / "data" / "questions.sqlite3.salt"
    assert salt_file.is_file()
    assert stat.S_IMODE(salt_file.stat().st_mode) == 0o600
    assert first.salt == second.salt
    assert len(first.salt) == 64
    assert first.user_hash(USER) == second.user_hash(USER)
