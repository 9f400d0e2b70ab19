"""The question log report: grouped unanswered and low-confidence questions, the most asked
projects and fields, 👎 answers; as text, as CSV, from the command line and for /report."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.core.engine import Engine
from bot.core.types import Answer, Kind, Question
from bot.store.questions import DAY, ENV_DATA_DIR, Entry, QuestionLog
from bot.store.report import (
    CSV_COLUMNS,
    admin_report,
    build_report,
    format_csv,
    format_text,
    group_questions,
    parse_since,
)

T0 = 1_750_000_000.0  # 2025-06-15 15:06:40 UTC
USER = 42


class Clock:
    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def entry(text: str, kind: Kind = Kind.NOT_FOUND, score: float = 0.0, at: float = T0) -> Entry:
    return Entry(0, at, "private", None, "en", text, kind.value, (), (), score)


# Questions as people ask them, and how the shipped knowledge base answers them.
UNANSWERED = [
    "how do I get a visa to Canada",
    "visa to canada how?",
    "How do I get a visa to Canada?",
    "weather in Moscow",
    "weather in moscow today",
]
ANSWERED = [
    "who funded SIREADA?",
    "who funded sireada",
    "partners of sireada",
    "when did border checkpoints start",
]
LOW = ["readmission"]


@pytest.fixture
def filled_log(tmp_path: Path, engine: Engine) -> QuestionLog:
    """A log of real answers from the shipped knowledge base, with one 👎 and one 👍."""
    log = QuestionLog(tmp_path / "data" / "questions.sqlite3", b"salt", clock=Clock())
    for i, text in enumerate(UNANSWERED + ANSWERED + LOW):
        answer = engine.ask(Question(text)).answer
        question_id = log.log(
            text=text,
            answer=answer,
            chat_type="private",
            user_id=USER + i % 3,
            at=T0 + i * 60,
        )
        assert question_id is not None
        if text == "partners of sireada":
            log.feedback(question_id, USER, positive=False)
        if text == "who funded sireada":
            log.feedback(question_id, USER, positive=True)
    return log


def test_the_shipped_knowledge_answers_the_fixture_questions_as_the_report_tests_assume(
    engine: Engine,
) -> None:
    for text in UNANSWERED:
        assert engine.ask(Question(text)).answer.kind.is_abstention, text
    for text in ANSWERED:
        answer = engine.ask(Question(text)).answer
        assert answer.kind is Kind.FIELD and answer.score >= 0.6, text
    assert engine.ask(Question("readmission")).answer.kind is Kind.CLARIFY


def test_similar_questions_form_one_group_with_its_count_and_most_frequent_wording() -> None:
    groups = group_questions(
        [
            entry("visa to canada how?"),
            entry("How do I get a visa to Canada?"),
            entry("how do I get a visa to canada"),
            entry("How do I get a visa to Canada?"),
            entry("weather in Moscow", Kind.OUT_OF_SCOPE, at=T0 + 5),
        ]
    )
    assert [(g.count, g.example) for g in groups] == [
        (4, "How do I get a visa to Canada?"),
        (1, "weather in Moscow"),
    ]
    assert groups[0].variants == 3
    assert groups[1].kinds == (("out_of_scope", 1),)


def test_questions_of_only_punctuation_or_emoji_group_by_their_exact_text() -> None:
    groups = group_questions([entry("???"), entry("🤔"), entry(" ??? "), entry("")])
    assert sorted((g.count, g.example) for g in groups) == [(1, ""), (1, "🤔"), (2, "???")]


def test_report_over_real_answers_groups_unanswered_counts_projects_fields_and_thumbs_down(
    filled_log: QuestionLog,
) -> None:
    entries = filled_log.entries()
    assert entries is not None
    report = build_report(entries)
    assert report.total == 10
    assert report.users == 3
    assert report.unanswered_total == 5
    assert [(g.count, g.example) for g in report.unanswered] == [
        (3, "how do I get a visa to Canada"),
        (2, "weather in Moscow"),
    ]
    assert [(g.count, g.example) for g in report.low_confidence] == [(1, "readmission")]
    assert dict(report.projects)["sireada"] == 4  # 3 answers and 1 clarification
    assert report.fields == (("funders", 2), ("dates", 1), ("partners", 1))
    assert [e.text for e in report.negative] == ["partners of sireada"]
    assert report.feedback == (1, 1)


def test_text_report_has_every_section_as_a_table(filled_log: QuestionLog) -> None:
    entries = filled_log.entries()
    assert entries is not None
    text = format_text(build_report(entries))
    for title in (
        "Unanswered questions, grouped by similarity",
        "Low-confidence answers, grouped by similarity",
        "Most asked projects",
        "Most asked fields",
        "Answers with negative feedback",
    ):
        assert title in text
    assert "10 question(s) from 3 user(s); 5 unanswered, 1 low-confidence" in text
    lines = text.splitlines()
    row = next(line for line in lines if "how do I get a visa to Canada" in line)
    assert row.split()[0] == "3"
    assert any("partners of sireada" in line and "sireada" in line for line in lines)


def test_empty_sections_say_none() -> None:
    text = format_text(build_report([]))
    assert text.count("  none") == 5


def test_csv_report_has_one_row_per_group_project_field_and_thumbs_down(
    filled_log: QuestionLog,
) -> None:
    entries = filled_log.entries()
    assert entries is not None
    rows = list(csv.DictReader(io.StringIO(format_csv(build_report(entries)))))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    by_section: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_section.setdefault(row["section"], []).append(row)
    assert [(r["count"], r["text"]) for r in by_section["unanswered"]] == [
        ("3", "how do I get a visa to Canada"),
        ("2", "weather in Moscow"),
    ]
    assert by_section["low_confidence"][0]["kind"] == "clarify"
    assert {r["text"] for r in by_section["project"]} >= {"sireada", "border-checkpoints"}
    negative = by_section["negative_feedback"]
    assert [(r["count"], r["text"], r["projects"], r["fields"]) for r in negative] == [
        ("1", "partners of sireada", "sireada", "partners")
    ]


def test_since_keeps_only_later_questions(filled_log: QuestionLog) -> None:
    since = T0 + 5 * 60
    entries = filled_log.entries(since)
    assert entries is not None
    report = build_report(entries, since=since)
    assert report.total == 5
    assert report.unanswered == ()


def test_parse_since_reads_a_date_as_utc_midnight_and_rejects_nonsense() -> None:
    assert parse_since("2025-06-15") == 1_749_945_600.0
    assert parse_since("2025-06-15T15:06:40+00:00") == T0
    with pytest.raises(Exception, match="YYYY-MM-DD"):
        parse_since("last week")


# --- the command line ---------------------------------------------------------------------------


def test_report_command_prints_the_text_report_of_the_given_database(
    filled_log: QuestionLog, capsys: pytest.CaptureFixture[str]
) -> None:
    filled_log.close()
    assert main(["report", "--db", str(filled_log.path)]) == 0
    out = capsys.readouterr().out
    assert "Unanswered questions, grouped by similarity" in out
    assert "how do I get a visa to Canada" in out


def test_report_command_writes_csv_and_honours_since(
    filled_log: QuestionLog, capsys: pytest.CaptureFixture[str]
) -> None:
    filled_log.close()
    assert main(["report", "--db", str(filled_log.path), "--csv", "--since", "2099-01-01"]) == 0
    assert capsys.readouterr().out == ",".join(CSV_COLUMNS) + "\n"


def test_report_command_defaults_to_the_data_folder(
    filled_log: QuestionLog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    filled_log.close()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    monkeypatch.delenv("PROJECTBOT_QUESTION_LOG", raising=False)
    assert main(["report"]) == 0  # ./data/questions.sqlite3
    assert "10 question(s)" in capsys.readouterr().out
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "elsewhere"))
    assert main(["report"]) == 1
    assert "no question log at" in capsys.readouterr().err


def test_report_command_explains_a_missing_or_unreadable_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--db", str(tmp_path / "nothing.sqlite3")]) == 1
    assert "error: there is no question log at" in capsys.readouterr().err
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"garbage" * 500)
    assert main(["report", "--db", str(broken)]) == 1
    assert "error: cannot read the question log" in capsys.readouterr().err


def test_report_command_rejects_a_malformed_date(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["report", "--since", "31/01/2025"])
    assert caught.value.code == 2
    assert "use YYYY-MM-DD" in capsys.readouterr().err


# --- /report ------------------------------------------------------------------------------------


def test_admin_report_covers_the_last_days_and_fits_a_telegram_message(
    filled_log: QuestionLog, engine: Engine
) -> None:
    text = admin_report(filled_log)
    assert "how do I get a visa to Canada" in text
    assert len(text) <= 3800
    for i in range(300):  # many different unanswered questions
        filled_log.log(
            text=hashlib.sha256(str(i).encode()).hexdigest()[:20],
            answer=Answer(Kind.NOT_FOUND, "en", ()),
            chat_type="private",
            user_id=USER,
        )
    long_text = admin_report(filled_log, limit=300)
    assert len(long_text) <= 3800
    assert "projectbot report" in long_text.splitlines()[-1]
    filled_log.clock = Clock(T0 + 40 * DAY)
    assert "0 question(s)" in admin_report(filled_log, days=30)


def test_admin_report_says_when_there_is_no_log_or_it_cannot_be_read(tmp_path: Path) -> None:
    assert "question log is off" in admin_report(None)
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"garbage" * 500)
    assert "cannot be read" in admin_report(QuestionLog(broken, b"salt"))
