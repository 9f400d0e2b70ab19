"""The benchmark's fair grading at scale (`benchmarks/run.py`): a `first` question whose answer
rightly grew with the knowledge base passes; one where a synthetic project pushed the real one
aside, changed the kind of answer, or lost a fact does not."""

from __future__ import annotations

from typing import Any

import pytest

from benchmarks.run import _grown_pass

FOUR = {"passed": True, "match": "first", "kind": "list", "projects": ["readmission-framework"]}


def at_scale(**changes: Any) -> dict[str, Any]:
    """The answer at 10,000 to "which project began in the year Rosgranitsa was created": a
    list of 383 projects, the real one among them, the facts kept."""
    answer = {"kind": "list", "projects": 383, "real": ["readmission-framework"], "facts": True}
    return answer | changes


def test_a_list_that_grew_around_the_same_real_project_passes() -> None:
    assert _grown_pass(at_scale(), FOUR)


@pytest.mark.parametrize(
    ("answer", "four"),
    [
        (at_scale(projects=1, real=[]), FOUR),  # a synthetic project instead of the real one
        (at_scale(kind="clarify"), FOUR),  # asks which, where it answered
        (at_scale(facts=False), FOUR),  # the fact asked for is gone
        (at_scale(real=["readmission-framework", "sireada"]), FOUR),  # another real one came in
        (at_scale(real=[]), FOUR),  # the real one dropped out of the list
        (at_scale(), FOUR | {"passed": False}),  # wrong already with four projects
        (at_scale(), FOUR | {"match": "set"}),  # sets are graded by `_scoped_pass`
        (at_scale(), None),  # no four-project answer to compare with
    ],
)
def test_other_changes_at_scale_fail(answer: dict[str, Any], four: dict[str, Any] | None) -> None:
    assert not _grown_pass(answer, four)
