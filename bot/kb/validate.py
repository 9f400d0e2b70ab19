"""The rules a knowledge base must follow, and the problems that break them.

`load.py` walks the YAML nodes and asks these rules about each value (is it a real date, a known
role, a known country?); what it cannot decide alone — duplicate ids, references to other files,
names two projects share — it records as `Declaration`s and `Reference`s for `cross_check`.
Every rule reports a `Problem` with the file, line and field, in words a maintainer who is not a
programmer understands.
"""

from __future__ import annotations

import calendar
import difflib
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import yaml

from bot.kb import keys
from bot.kb.countries import country_aliases, find_country
from bot.kb.model import Date, Month


class Severity(StrEnum):
    """An error makes the knowledge base invalid; a warning only points at something to improve."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Location:
    """Where a value is: the file as shown to the user, 1-based line and column, the field path."""

    file: str
    line: int | None = None
    column: int | None = None
    path: str = ""

    def __str__(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Problem:
    """One mistake in the knowledge base, printed as `file:line: field: message`."""

    file: str
    line: int | None
    column: int | None
    path: str
    message: str
    severity: Severity = Severity.ERROR

    @classmethod
    def at(cls, where: Location, message: str, severity: Severity = Severity.ERROR) -> Problem:
        return cls(where.file, where.line, where.column, where.path, message, severity)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        place = self.file
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        field = f" {self.path}:" if self.path else ""
        label = " warning:" if self.severity is Severity.WARNING else ""
        return f"{place}:{field}{label} {self.message}"


def sort_key(problem: Problem) -> tuple[str, int, int]:
    return (problem.file, problem.line or 0, problem.column or 0)


# --- suggestions ----------------------------------------------------------------------------


def closest(value: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice most like `value` (ignoring case), or None when nothing is close."""
    by_folded: dict[str, str] = {}
    for choice in choices:
        by_folded.setdefault(choice.casefold(), choice)
    matches = difflib.get_close_matches(value.casefold(), list(by_folded), n=1, cutoff=cutoff)
    return by_folded[matches[0]] if matches else None


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """' — did you mean 'x'?' when a choice is close to `value`, else ''."""
    suggestion = closest(value, choices)
    return f" — did you mean '{suggestion}'?" if suggestion else ""


def unknown_key(key: str, allowed: Sequence[str]) -> str:
    suggestion = closest(key, allowed)
    if suggestion:
        return f"unknown key '{key}' — did you mean '{suggestion}'?"
    return f"unknown key '{key}' — the keys allowed here are: {', '.join(allowed)}"


def unknown_value(what: str, value: str, allowed: Sequence[str]) -> str:
    """For closed lists (roles, kinds, statuses): name the closest value, or all of them."""
    suggestion = closest(value, allowed)
    if suggestion:
        return f"unknown {what} '{value}' — did you mean '{suggestion}'?"
    choices = ", ".join(f"'{a}'" for a in allowed)
    return f"unknown {what} '{value}' — it should be one of {choices}"


# --- messages -------------------------------------------------------------------------------

MISSING_RU = "has no Russian version (ru)"
EMPTY = "is empty: write the text, or remove the line"
SHOULD_BE_LIST = "should be a list: one '- item' per line, or [item, item]"
SHOULD_BE_MAPPING = "should be a group of 'key: value' lines"
SHOULD_BE_TEXT = "should be text"
SHOULD_BE_PLAIN_TEXT = "should be a single text (no en:/ru: versions here)"
SHOULD_BE_TEXT_OR_LANGUAGES = "should be text, or 'en:' and 'ru:' lines"
YES_NO_WORDS = "yes, no, true, false, on and off are read as yes/no: put the text in quotes"


def missing(key: str) -> str:
    return f"'{key}' is missing"


def duplicate_key(key: str, first_line: int) -> str:
    return f"key '{key}' is written twice (first on line {first_line}); keep one"


def file_problem(file: str, message: str) -> Problem:
    return Problem(file, None, None, "", message)


# --- YAML syntax ----------------------------------------------------------------------------

# PyYAML's wording, and what it usually means for someone editing a knowledge file.
_SYNTAX_HINTS = (
    (
        "mapping values are not allowed",
        "a ':' where none is expected — check this line's indentation, "
        "or put a text containing ': ' in quotes",
    ),
    (
        "cannot start any token",
        "a character YAML does not accept here "
        "(indent with spaces, not tabs; quote texts starting with @ or `)",
    ),
    ("could not find expected ':'", "a line is missing its ':' or a quote is not closed"),
    ("did not find expected key", "the indentation is wrong: keys of one group must line up"),
    (
        "did not find expected '-' indicator",
        "the indentation of a list is wrong: its '- ' items must line up",
    ),
    ("expected <block end>", "the indentation is wrong here"),
    ("while scanning a quoted scalar", "a quote is opened but never closed"),
    (
        "found unexpected end of stream",
        "the file ends in the middle of something (an unclosed quote or bracket?)",
    ),
    (
        "expected ',' or ']'",
        "a [list] is not closed with ']' or its items are not separated by commas",
    ),
    ("expected ',' or '}'", "a {group} is not closed with '}'"),
    ("but found another document", "the file holds two documents ('---'); keep one"),
    (
        "found undefined alias",
        "'*' starts a YAML reference: put a text starting with '*' in quotes",
    ),
)


def syntax_problem(file: str, error: yaml.YAMLError) -> Problem:
    """A YAML syntax error in plain words, at the line where the parser stopped."""
    line = column = None
    detail = str(error)
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        if "end of stream" in (error.problem or "") and error.context_mark is not None:
            mark = error.context_mark  # the quote or bracket that is never closed
        if mark is not None:
            line, column = mark.line + 1, mark.column + 1
        detail = " ".join(part for part in (error.context, error.problem) if part)
    for pattern, hint in _SYNTAX_HINTS:
        if pattern in detail:
            return Problem(file, line, column, "", f"YAML syntax: {hint} ({detail})")
    return Problem(file, line, column, "", f"YAML syntax error: {detail}")


# --- ids, dates, countries -------------------------------------------------------------------

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE_PATTERN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_MONTH_PATTERN = re.compile(r"(\d{4})-(\d{2})")
DATE_FORMAT = "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2009-07"
MONTH_FORMAT = "write the month as YYYY-MM, e.g. 2011-03"


def id_problem(value: str) -> str | None:
    if ID_PATTERN.fullmatch(value):
        return None
    return (
        f"id '{value}' should use only lower-case letters, digits and '-' (e.g. border-checkpoints)"
    )


def _real_month(year: int, month: int) -> str | None:
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if year < 1900 or year > 2100:
        return f"the year {year} looks wrong"
    return None


def parse_date(raw: str) -> Date | str:
    """A `Date` from 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', or the reason it is not one."""
    match = _DATE_PATTERN.fullmatch(raw.strip())
    if not match:
        return f"'{raw}' is not a date: {DATE_FORMAT}"
    year = int(match[1])
    if match[2] is None:
        if year < 1900 or year > 2100:
            return f"'{raw}' is not a real date: the year {year} looks wrong"
        return Date(year)
    month = int(match[2])
    if reason := _real_month(year, month):
        return f"'{raw}' is not a real date: {reason}"
    if match[3] is None:
        return Date(year, month)
    day = int(match[3])
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return f"'{raw}' is not a real date: {calendar.month_name[month]} {year} has no day {day}"
    return Date(year, month, day)


def parse_month(raw: str) -> Month | str:
    """A `Month` from 'YYYY-MM', or the reason it is not one."""
    match = _MONTH_PATTERN.fullmatch(raw.strip())
    if not match:
        return f"'{raw}' is not a month: {MONTH_FORMAT}"
    year, month = int(match[1]), int(match[2])
    if reason := _real_month(year, month):
        return f"'{raw}' is not a real month: {reason}"
    return Month(year, month)


def period_problem(start: Month, end: Month) -> str | None:
    if end < start:
        return f"the end ({end}) is before the start ({start})"
    return None


def country_problem(name: str) -> str | None:
    """Why `name` is not a country we know, with the closest known name; None when it is."""
    if find_country(name) is not None:
        return None
    suggestion = closest(name, country_aliases(), cutoff=0.8)
    if suggestion:
        return f"unknown country '{name}' — did you mean '{country_aliases()[suggestion].name}'?"
    return f"unknown country '{name}' — write its usual English name, e.g. 'Russian Federation'"


# --- checks across files --------------------------------------------------------------------


class Space(StrEnum):
    """What an id or a name belongs to: duplicates and references are checked within one space."""

    PROJECT = "project"
    ORGANISATION = "organisation"
    PROJECT_NAME = "project name"
    TERM = "glossary term"
    ASSUMED = "unreadable project"  # a project file whose id cannot be read: its file name


@dataclass(frozen=True)
class Declaration:
    """An id or name defined somewhere: `owner` is the id of the project or organisation."""

    space: Space
    value: str
    owner: str
    where: Location


@dataclass(frozen=True)
class Reference:
    """A use of an id defined elsewhere (`funders: [eu]`, `related: - project: x`)."""

    space: Space
    value: str
    where: Location
    owner: str = ""


_CASE_INSENSITIVE = (Space.PROJECT_NAME, Space.TERM)
_WHERE_DEFINED = {
    Space.PROJECT: f"the projects are the files in {keys.PROJECTS_DIR}/",
    Space.ORGANISATION: f"organisations are listed in {keys.ORGANISATIONS_FILE}",
}


def _folded(space: Space, value: str) -> str:
    return " ".join(value.casefold().split()) if space in _CASE_INSENSITIVE else value


def check_duplicates(declarations: Iterable[Declaration]) -> list[Problem]:
    """Ids defined twice, and project names (acronyms, aliases) two projects share."""
    problems: list[Problem] = []
    first: dict[tuple[Space, str], Declaration] = {}
    for decl in declarations:
        seen = first.setdefault((decl.space, _folded(decl.space, decl.value)), decl)
        if seen is decl:
            continue
        if decl.space is Space.PROJECT_NAME:
            if seen.owner == decl.owner:
                continue  # an alias repeating the project's own acronym is harmless
            message = (
                f"'{decl.value}' also names project '{seen.owner}' ({seen.where}): "
                "an acronym or alias must point to one project only"
            )
        else:
            message = f"{decl.space} '{decl.value}' is defined twice (first at {seen.where})"
        problems.append(Problem.at(decl.where, message))
    return problems


def check_references(
    declarations: Iterable[Declaration],
    references: Iterable[Reference],
    unreadable: Collection[Space] = (),
) -> list[Problem]:
    """References to project and organisation ids that no file defines.

    References into an `unreadable` space (organisations.yaml has a syntax error) are not
    checked: that file's own error is the one to fix.
    """
    known: dict[Space, set[str]] = {}
    for decl in declarations:
        known.setdefault(decl.space, set()).add(decl.value)
    assumed = known.pop(Space.ASSUMED, set())
    problems: list[Problem] = []
    for ref in references:
        if ref.space in unreadable:
            continue
        ids = known.get(ref.space, set())
        if ref.space is Space.PROJECT and ref.value in assumed:
            continue  # its file has an error of its own
        if ref.value in ids:
            if ref.space is Space.PROJECT and ref.value == ref.owner:
                problems.append(Problem.at(ref.where, "a project cannot be related to itself"))
            continue
        hint = did_you_mean(ref.value, sorted(ids))
        if not hint:
            hint = f" ({_WHERE_DEFINED.get(ref.space, '')})"
        problems.append(Problem.at(ref.where, f"unknown {ref.space} '{ref.value}'{hint}"))
    return problems


def cross_check(
    declarations: Sequence[Declaration],
    references: Sequence[Reference],
    unreadable: Collection[Space] = (),
) -> list[Problem]:
    """Every check that needs all the files: duplicates, then references."""
    return check_duplicates(declarations) + check_references(declarations, references, unreadable)
