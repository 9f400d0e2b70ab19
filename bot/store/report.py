"""What the question log teaches: `projectbot report` and the admins' `/report`.

The report has four parts, each meant to tell the knowledge base maintainers what to add:

- unanswered questions (not_found, no_info, out_of_scope), grouped by similarity;
- low-confidence answers (clarifying questions and answers scored below a threshold), grouped;
- the most asked projects and fields;
- answers that got 👎, with the question and what the bot answered.

Grouping is greedy: each question joins the first group whose example it matches with a rapidfuzz
`token_set_ratio` of at least `SIMILARITY` (after lower-casing and stripping punctuation), else it
starts a new group. Groups are listed by size; the example is the group's most frequent wording.
"""

from __future__ import annotations

import argparse
import csv
import io
import sqlite3
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Final, TextIO

from rapidfuzz import fuzz, process, utils

from bot.core.types import Kind
from bot.store.questions import Entry, QuestionLog, default_log_path, read_log_file

#: Minimum token_set_ratio (0-100) for two questions to be grouped together.
SIMILARITY: Final = 80.0
#: Answers scored below this (0-1) count as low confidence; clarifying questions always do.
LOW_CONFIDENCE: Final = 0.6
#: Rows per section in the text report (the CSV has them all).
DEFAULT_LIMIT: Final = 20

UNANSWERED_KINDS: Final = frozenset(
    {Kind.NOT_FOUND.value, Kind.NO_INFO.value, Kind.OUT_OF_SCOPE.value}
)
#: Answers that are not about the knowledge base at all: not counted as low confidence.
_NEUTRAL_KINDS: Final = frozenset({Kind.HELP.value})

CSV_COLUMNS: Final = (
    "section",
    "count",
    "text",
    "kind",
    "projects",
    "fields",
    "score",
    "last_asked",
)

EXIT_OK: Final = 0
EXIT_NO_LOG: Final = 1


@dataclass(frozen=True)
class Group:
    """Similar questions: how many, the most common wording, and what the bot answered."""

    count: int
    example: str
    kinds: tuple[tuple[str, int], ...]
    last_asked: float
    best_score: float
    variants: int
    projects: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    since: float | None
    total: int
    users: int
    unanswered: tuple[Group, ...]
    low_confidence: tuple[Group, ...]
    projects: tuple[tuple[str, int], ...]
    fields: tuple[tuple[str, int], ...]
    negative: tuple[Entry, ...]
    unanswered_total: int = 0
    low_confidence_total: int = 0
    feedback: tuple[int, int] = field(default=(0, 0))  # 👍, 👎


def is_unanswered(entry: Entry) -> bool:
    return entry.kind in UNANSWERED_KINDS


def is_low_confidence(entry: Entry, threshold: float = LOW_CONFIDENCE) -> bool:
    if entry.kind in UNANSWERED_KINDS or entry.kind in _NEUTRAL_KINDS:
        return False
    return entry.kind == Kind.CLARIFY.value or entry.score < threshold


def group_questions(entries: Iterable[Entry], similarity: float = SIMILARITY) -> list[Group]:
    """Similar questions grouped together, the biggest groups first."""
    members: list[list[Entry]] = []
    keys: list[str] = []  # the processed example of each fuzzy group
    fuzzy: list[int] = []  # its index in `members`
    exact: dict[str, int] = {}  # only punctuation or emoji: grouped by the exact text
    for entry in entries:
        key = utils.default_process(entry.text)
        if not key:
            text = " ".join(entry.text.split())
            if text in exact:
                members[exact[text]].append(entry)
            else:
                exact[text] = len(members)
                members.append([entry])
            continue
        found = process.extractOne(
            key, keys, scorer=fuzz.token_set_ratio, processor=None, score_cutoff=similarity
        )
        if found is not None:
            members[fuzzy[found[2]]].append(entry)
        else:
            keys.append(key)
            fuzzy.append(len(members))
            members.append([entry])
    groups = [_group(group) for group in members]
    groups.sort(key=lambda g: (-g.count, -g.last_asked, g.example))
    return groups


def _group(entries: Sequence[Entry]) -> Group:
    wordings = Counter(" ".join(e.text.split()) for e in entries)
    # the most frequent wording; among equals, the one asked first
    example = max(wordings, key=lambda text: wordings[text])
    kinds = Counter(e.kind for e in entries).most_common()
    return Group(
        count=len(entries),
        example=example,
        kinds=tuple(kinds),
        last_asked=max(e.asked_at for e in entries),
        best_score=max(e.score for e in entries),
        variants=len(wordings),
        projects=tuple(p for p, _ in Counter(p for e in entries for p in e.projects).most_common()),
    )


def build_report(
    entries: Sequence[Entry],
    *,
    since: float | None = None,
    similarity: float = SIMILARITY,
    low_confidence: float = LOW_CONFIDENCE,
) -> Report:
    """The report over `entries` (as `QuestionLog.entries` or `read_log_file` return them)."""
    unanswered = [e for e in entries if is_unanswered(e)]
    unsure = [e for e in entries if is_low_confidence(e, low_confidence)]
    # every question that named a project counts, answered or not (a no_info answer still
    # says which project people ask about)
    projects = Counter(p for e in entries for p in dict.fromkeys(e.projects))
    fields = Counter(f for e in entries for f in dict.fromkeys(e.fields))
    negative = sorted((e for e in entries if e.down), key=lambda e: (-e.down, -e.asked_at))
    return Report(
        since=since,
        total=len(entries),
        users=len({e.user_hash for e in entries if e.user_hash}),
        unanswered=tuple(group_questions(unanswered, similarity)),
        low_confidence=tuple(group_questions(unsure, similarity)),
        projects=tuple(sorted(projects.items(), key=lambda kv: (-kv[1], kv[0]))),
        fields=tuple(sorted(fields.items(), key=lambda kv: (-kv[1], kv[0]))),
        negative=tuple(negative),
        unanswered_total=len(unanswered),
        low_confidence_total=len(unsure),
        feedback=(sum(e.up for e in entries), sum(e.down for e in entries)),
    )


# --- text -------------------------------------------------------------------------------------


def _when(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d %H:%M")


def _day(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d")


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _kinds(kinds: Sequence[tuple[str, int]]) -> str:
    if len(kinds) == 1:
        return kinds[0][0]
    return ", ".join(f"{kind} {count}" for kind, count in kinds)


def _table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()
) -> list[str]:
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        parts = [
            c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells)
        ]
        return "  ".join(parts).rstrip()

    return [line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def format_text(report: Report, *, limit: int = DEFAULT_LIMIT, width: int = 60) -> str:
    """The report as a plain-text table per section (at most `limit` rows each)."""
    period = f"since {_day(report.since)}" if report.since is not None else "everything logged"
    out = [
        f"Question log report ({period}): {report.total} question(s) from {report.users} user(s); "
        f"{report.unanswered_total} unanswered, {report.low_confidence_total} low-confidence; "
        f"feedback 👍 {report.feedback[0]} 👎 {report.feedback[1]}",
    ]

    def section(title: str, total: int, lines: list[str], shown: int) -> None:
        out.append("")
        more = f" (top {shown} of {total})" if shown < total else ""
        out.append(f"{title}{more}")
        out.extend(lines if lines else ["  none"])

    def groups_table(groups: Sequence[Group]) -> list[str]:
        rows = [
            [
                str(g.count),
                _clip(g.example, width),
                _kinds(g.kinds),
                ", ".join(g.projects) or "-",
                _day(g.last_asked),
            ]
            for g in groups[:limit]
        ]
        return (
            _table(
                ["count", "example question", "answer", "projects", "last asked"], rows, right=[0]
            )
            if rows
            else []
        )

    section(
        "Unanswered questions, grouped by similarity",
        len(report.unanswered),
        groups_table(report.unanswered),
        min(limit, len(report.unanswered)),
    )
    section(
        "Low-confidence answers, grouped by similarity",
        len(report.low_confidence),
        groups_table(report.low_confidence),
        min(limit, len(report.low_confidence)),
    )
    counts = [[name, str(n)] for name, n in report.projects[:limit]]
    section(
        "Most asked projects",
        len(report.projects),
        _table(["project", "questions"], counts, right=[1]) if counts else [],
        min(limit, len(report.projects)),
    )
    counts = [[name, str(n)] for name, n in report.fields[:limit]]
    section(
        "Most asked fields",
        len(report.fields),
        _table(["field", "questions"], counts, right=[1]) if counts else [],
        min(limit, len(report.fields)),
    )
    rows = [
        [
            str(e.down),
            str(e.up),
            _clip(e.text, width),
            e.kind,
            ", ".join(e.projects) or "-",
            ", ".join(e.fields) or "-",
            _when(e.asked_at),
        ]
        for e in report.negative[:limit]
    ]
    section(
        "Answers with negative feedback",
        len(report.negative),
        _table(
            ["down", "up", "question", "answer", "projects", "fields", "asked"], rows, right=[0, 1]
        )
        if rows
        else [],
        min(limit, len(report.negative)),
    )
    return "\n".join(out) + "\n"


def format_csv(report: Report) -> str:
    """The whole report as CSV, one row per group, project, field or 👎 answer (`section`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for name, groups in (
        ("unanswered", report.unanswered),
        ("low_confidence", report.low_confidence),
    ):
        for g in groups:
            writer.writerow(
                [
                    name,
                    g.count,
                    g.example,
                    _kinds(g.kinds),
                    " ".join(g.projects),
                    "",
                    f"{g.best_score:g}",
                    _when(g.last_asked),
                ]
            )
    for project, n in report.projects:
        writer.writerow(["project", n, project, "", "", "", "", ""])
    for field_name, n in report.fields:
        writer.writerow(["field", n, field_name, "", "", "", "", ""])
    for e in report.negative:
        writer.writerow(
            [
                "negative_feedback",
                e.down,
                e.text,
                e.kind,
                " ".join(e.projects),
                " ".join(e.fields),
                f"{e.score:g}",
                _when(e.asked_at),
            ]
        )
    return buffer.getvalue()


# --- the admin command ------------------------------------------------------------------------

#: Telegram allows 4096 characters a message; leave room for the <pre> wrapper and a notice.
ADMIN_MAX_CHARS: Final = 3800


def admin_report(
    log: QuestionLog | None,
    *,
    since: float | None = None,
    days: float | None = 30.0,
    limit: int = 10,
    max_chars: int = ADMIN_MAX_CHARS,
) -> str:
    """The report as plain text for `/report`: the last `days` days (or `since`), at most
    `max_chars` characters. Never raises; says so when the log is off or unreadable.

    Send it HTML-escaped inside <pre> so the tables line up. Blocking: call it through
    `asyncio.to_thread` from a handler.
    """
    if log is None:
        return (
            "The question log is off (PROJECTBOT_QUESTION_LOG=off), so there is nothing to report."
        )
    start = since if since is not None else (log.clock() - days * 86400.0 if days else None)
    entries = log.entries(start)
    if entries is None:
        return "The question log cannot be read right now; the bot's log has the reason."
    text = format_text(build_report(entries, since=start), limit=limit, width=40)
    if len(text) <= max_chars:
        return text
    cut = text.rfind("\n", 0, max_chars - 60)
    return text[: max(cut, 0)] + "\n… (cut; run 'projectbot report' on the server for all of it)\n"


# --- the command line -------------------------------------------------------------------------


def parse_since(value: str) -> float:
    """`--since`: a date (YYYY-MM-DD, midnight UTC) or an ISO date and time; Unix time."""
    try:
        if len(value.strip()) == 10:
            day = date.fromisoformat(value.strip())
            return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a date: use YYYY-MM-DD, for example 2025-01-31"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def run(
    db: str | None,
    since: float | None = None,
    *,
    as_csv: bool = False,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """`projectbot report`: print the report of the log at `db` (default: see
    `default_log_path`); 0, or 1 when there is no readable log."""
    out = out or sys.stdout
    err = err or sys.stderr
    path = Path(db).expanduser() if db else default_log_path()
    try:
        entries = read_log_file(path, since)
    except FileNotFoundError:
        print(
            f"error: there is no question log at {path}; the bot creates it when it answers its "
            "first question (give the file with --db PATH)",
            file=err,
        )
        return EXIT_NO_LOG
    except sqlite3.Error as exc:
        print(f"error: cannot read the question log at {path}: {exc}", file=err)
        return EXIT_NO_LOG
    report = build_report(entries, since=since)
    out.write(format_csv(report) if as_csv else format_text(report))
    return EXIT_OK
