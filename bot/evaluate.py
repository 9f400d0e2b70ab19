"""`projectbot eval FILE.jsonl`: grade the bot on a question file, by the rules of
`shared/eval/README.md`, and print accuracy per category and every failure."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.core.engine import Engine
from bot.core.types import Answer, Kind
from bot.kb.check import load_valid_knowledge
from bot.render.plain import render
from bot.shell import Conversations

ABSTAIN_KINDS = frozenset({Kind.NOT_FOUND, Kind.NO_INFO, Kind.OUT_OF_SCOPE})
NOT_AN_ANSWER = ABSTAIN_KINDS | {Kind.CLARIFY}


@dataclass(frozen=True)
class Outcome:
    case_id: str
    category: str
    passed: bool
    reason: str
    question: str
    answer: Answer


def _contains(text: str, alternative: str) -> bool:
    """Case-insensitive; numbers and alternatives of up to three characters as whole words."""
    if alternative.isdigit() or len(alternative) <= 3:
        pattern = r"(?<![\w])" + re.escape(alternative.lower()) + r"(?![\w])"
        return re.search(pattern, text.lower()) is not None
    return alternative.lower() in text.lower()


def grade(case: dict[str, Any], answer: Answer) -> tuple[bool, str]:
    expect = case["expect"]
    match = expect["match"]
    text = render(answer)
    if match == "none":
        if answer.kind in ABSTAIN_KINDS:
            return True, ""
        return False, f"expected an abstention, got kind {answer.kind.value}"
    if answer.kind in NOT_AN_ANSWER:
        return False, f"expected an answer, got kind {answer.kind.value}"
    wanted = expect["projects"]
    if match == "first":
        if not answer.projects or answer.projects[0] != wanted[0]:
            return False, f"expected {wanted[0]} first, got {list(answer.projects)}"
    elif set(answer.projects) != set(wanted):
        return False, f"expected the set {sorted(wanted)}, got {sorted(answer.projects)}"
    missing = missing_facts(case, text)
    if missing:
        return False, f"missing fact {missing[0]}"
    return True, ""


def missing_facts(case: dict[str, Any], text: str) -> list[list[str]]:
    """The case's fact groups of which the text holds no alternative."""
    groups: list[list[str]] = case["expect"].get("facts", [])
    return [group for group in groups if not any(_contains(text, alt) for alt in group)]


def evaluate(engine: Engine, cases: list[dict[str, Any]]) -> list[Outcome]:
    outcomes = []
    for case in cases:
        conversations = Conversations(engine)
        answer = None
        for turn in case["turns"]:
            answer = conversations.ask(case["id"], turn, case.get("lang"))
        assert answer is not None
        passed, reason = grade(case, answer)
        outcomes.append(
            Outcome(case["id"], case["category"], passed, reason, case["turns"][-1], answer)
        )
    return outcomes


def run(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        cases = [
            json.loads(line)
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    except (OSError, json.JSONDecodeError) as error:
        print(f"projectbot eval: cannot read {path}: {error}", file=sys.stderr)
        return 2
    engine = Engine(load_valid_knowledge(args.knowledge))
    outcomes = evaluate(engine, cases)
    if not args.quiet:
        for o in outcomes:
            if not o.passed:
                print(f"FAIL {o.case_id} [{o.category}] {o.question}")
                print(
                    f"     {o.reason}; kind={o.answer.kind.value} projects={list(o.answer.projects)}"
                )
                print("     " + render(o.answer).replace("\n", "\n     ")[:600])
    by_category: dict[str, list[bool]] = defaultdict(list)
    for o in outcomes:
        by_category[o.category].append(o.passed)
    print(f"\n{'category':<14}{'passed':>8}{'total':>7}{'accuracy':>10}")
    for category, results in by_category.items():
        print(
            f"{category:<14}{sum(results):>8}{len(results):>7}{100 * sum(results) / len(results):>9.1f}%"
        )
    total = [o.passed for o in outcomes]
    print(
        f"{'all':<14}{sum(total):>8}{len(total):>7}{100 * sum(total) / max(1, len(total)):>9.1f}%"
    )
    return 0
