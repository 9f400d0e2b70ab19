"""`projectbot check [PATH]`, and the start-up check every other command runs.

Exit codes: 0 the knowledge base is valid (warnings allowed), 1 it has errors, 2 the folder cannot
be read. Problems are printed one per line as `file:line: field: message`, then a summary.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from bot.kb.load import (
    KnowledgeUnreadable,
    LoadReport,
    display_path,
    inspect_knowledge,
    resolve_knowledge_path,
)
from bot.kb.model import KnowledgeBase
from bot.kb.validate import MISSING_RU, Problem

EXIT_VALID = 0
EXIT_INVALID = 1
EXIT_UNREADABLE = 2


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _warning_lines(warnings: Iterable[Problem], root: str, verbose: bool) -> list[str]:
    """Warnings, with the (many) missing Russian versions folded into one line unless verbose."""
    lines: list[str] = []
    missing_ru: Counter[str] = Counter()
    for warning in warnings:
        if warning.message == MISSING_RU and not verbose:
            missing_ru[warning.file.removeprefix(root + os.sep)] += 1
        else:
            lines.append(str(warning))
    if missing_ru:
        per_file = ", ".join(f"{file} {count}" for file, count in sorted(missing_ru.items()))
        total = sum(missing_ru.values())
        lines.append(
            f"warning: {_plural(total, 'text')} {'has' if total == 1 else 'have'} "
            f"no Russian version (ru) yet: {per_file}"
        )
    return lines


def _summary(report: LoadReport, shown_path: str) -> str:
    errors, warnings = report.errors, report.warnings
    if report.knowledge is not None:
        kb = report.knowledge
        counts = (
            f"{_plural(len(kb.projects), 'project')}, "
            f"{_plural(len(kb.organisations), 'organisation')}, "
            f"{_plural(len(kb.glossary), 'glossary term')}"
        )
        extra = f", {_plural(len(warnings), 'warning')}" if warnings else ""
        return f"{shown_path}: valid — {counts}{extra}"
    files = len({p.file for p in errors})
    extra = f" and {_plural(len(warnings), 'warning')}" if warnings else ""
    return (
        f"{shown_path}: NOT valid — {_plural(len(errors), 'error')} in {_plural(files, 'file')}"
        f"{extra}; fix the lines above and run 'projectbot check' again"
    )


def run(path: str | None, *, verbose: bool = False, out: TextIO | None = None) -> int:
    """Check the knowledge base at `path` (default: see `resolve_knowledge_path`); the exit code."""
    out = out or sys.stdout
    root = resolve_knowledge_path(path)
    try:
        report = inspect_knowledge(root)
    except KnowledgeUnreadable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    for problem in report.errors:
        print(problem, file=out)
    for line in _warning_lines(report.warnings, display_path(report.root), verbose):
        print(line, file=out)
    print(_summary(report, str(root)), file=out)
    return EXIT_VALID if report.knowledge is not None else EXIT_INVALID


def load_valid_knowledge(path: str | None) -> KnowledgeBase:
    """The knowledge base for a command that needs one; on any error, a message and an exit.

    Errors go to stderr, one per line, and the process exits with 1 (2 when the folder cannot be
    read) through `SystemExit` — never a traceback. Warnings are not shown here.
    """
    root = resolve_knowledge_path(path)
    try:
        report = inspect_knowledge(root)
    except KnowledgeUnreadable as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(EXIT_UNREADABLE) from None
    if report.knowledge is None:
        for problem in report.errors:
            print(problem, file=sys.stderr)
        print(
            f"the knowledge base at {root} has {_plural(len(report.errors), 'error')}; "
            "fix them (projectbot check lists them) and start again",
            file=sys.stderr,
        )
        raise SystemExit(EXIT_INVALID)
    return report.knowledge
