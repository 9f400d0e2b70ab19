"""Projects with one title but for the country (tests/fixtures/kb/lookalikes): which one a
question means.

A large portfolio repeats titles across countries ("Strengthening Border Checkpoint Management
in Armenia / Georgia / the Russian Federation"). A question that quotes the title without the
country means the mission's own (`about.yaml: country`); one that names a country means that
country's; without a home country the bot asks which one. A one-word organisation name shared by
several organisations ("MIA") is narrowed by the country the question names.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core import search
from bot.core.engine import Engine
from bot.core.types import Kind, Question
from bot.kb.load import load_knowledge

LOOKALIKES = Path(__file__).parent / "fixtures" / "kb" / "lookalikes"
UNQUALIFIED = "when did the Strengthening Border Checkpoint Management project end"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_knowledge(LOOKALIKES))


def ask(engine: Engine, text: str) -> tuple[Kind, tuple[str, ...]]:
    answer = engine.ask(Question(text)).answer
    return answer.kind, answer.projects


def test_a_title_without_its_country_means_the_home_countrys_project(engine: Engine) -> None:
    assert engine.kb.about.country == "Russian Federation"
    assert ask(engine, UNQUALIFIED) == (Kind.FIELD, ("border-russia",))


@pytest.mark.parametrize(
    ("text", "project"),
    [
        (
            "Strengthening Border Checkpoint Management in Armenia - when did it end",
            "border-armenia",
        ),
        (
            "Strengthening Border Checkpoint Management - when did the Georgian one end",
            "border-georgia",
        ),
    ],
)
def test_a_country_in_the_question_picks_that_countrys_project(
    engine: Engine, text: str, project: str
) -> None:
    assert ask(engine, text) == (Kind.FIELD, (project,))


def test_without_a_home_country_the_bot_asks_which_one(tmp_path: Path) -> None:
    shutil.copytree(LOOKALIKES, tmp_path / "kb")
    about = tmp_path / "kb" / "about.yaml"
    about.write_text(
        "\n".join(line for line in about.read_text().splitlines() if not line.startswith("country"))
    )
    engine = Engine(load_knowledge(tmp_path / "kb"))
    assert engine.kb.about.country is None
    kind, projects = ask(engine, UNQUALIFIED)
    assert kind is Kind.CLARIFY
    # Moldova's title says "Checkpoints": the question's "Checkpoint", as written, is not it
    assert set(projects) == {"border-armenia", "border-georgia", "border-russia"}


def test_a_shared_organisation_name_is_narrowed_by_the_country_named(engine: Engine) -> None:
    assert ask(engine, "MIA Georgia - which project were they in")[1] == ("border-georgia",)
    kind, projects = ask(engine, "which projects did MIA take part in")
    assert kind is Kind.LIST and set(projects) == {"border-armenia", "border-georgia"}


@pytest.mark.parametrize(
    ("text", "words", "called"),
    [
        ("the border checkpoints project", (1, 2), True),
        ("project on border checkpoints", (2, 3), True),
        ("проект по пунктам пропуска", (2, 3), True),
        ("what did the programme say about border checkpoints", (6, 7), False),
        ("border checkpoints", (0, 1), False),
    ],
)
def test_a_phrase_is_called_a_project_before_or_after_it(
    engine: Engine, text: str, words: tuple[int, ...], called: bool
) -> None:
    """A phrase other projects also use ("voluntary return") names a project only when the
    question calls it one, with the project word after it or just before it."""
    tokens = engine.index.tokens(text)
    assert search._called_a_project(tokens, frozenset(words)) is called


def test_several_projects_fitting_a_country_are_offered_home_first(engine: Engine) -> None:
    """ "Finland funded which project?" when Finland funded two: the bot asks which one,
    the mission's own country's project first, instead of saying it found none."""
    assert ask(engine, "Finland funded which project?") == (
        Kind.CLARIFY,
        ("border-russia", "border-georgia"),
    )


def test_it_in_a_follow_up_is_the_project_just_discussed(engine: Engine) -> None:
    """ "was it still running in 2010?" after one project: a question about that project, not
    the list of projects running in 2010 (the Russian one was; the Armenian one was not)."""
    first = engine.ask(Question("Strengthening Border Checkpoint Management in Armenia"))
    assert first.answer.projects == ("border-armenia",)
    follow_up = engine.ask(Question("was it still running in 2010?"), first.state).answer
    assert follow_up.kind is not Kind.LIST and follow_up.projects == ("border-armenia",)


def test_several_projects_of_an_organisation_are_offered_home_first(engine: Engine) -> None:
    """ "the EU - which project was it in?" when the EU was in all three: the bot asks which
    one, the mission's own country's project first, instead of saying it found none."""
    assert ask(engine, "the EU - which project was it in?") == (
        Kind.CLARIFY,
        ("border-russia", "border-armenia", "border-georgia", "border-moldova"),
    )


def test_the_words_as_written_beat_the_home_country(engine: Engine) -> None:
    """Names are matched by stems, so "Checkpoints" and "Checkpoint" name all four projects
    equally; the one title holding the word as written (Moldova's) is meant, before the home
    country's."""
    assert ask(engine, "Strengthening Border Checkpoints Management - when did it end") == (
        Kind.FIELD,
        ("border-moldova",),
    )
    assert ask(engine, UNQUALIFIED) == (Kind.FIELD, ("border-russia",))


def test_details_in_two_statements_of_one_project_identify_it(engine: Engine) -> None:
    """Armenia has a needs assessment, Russia a gap analysis; only Georgia has both."""
    kind, projects = ask(engine, "the project with the needs assessment and gap analysis")
    assert (kind, projects[:1]) == (Kind.FIELD, ("border-georgia",))
    kind, projects = ask(engine, "the project with the gap analysis")
    assert kind is Kind.CLARIFY and set(projects) == {"border-georgia", "border-russia"}
