"""The question-answering core on the shipped knowledge base: which project, which fact, lists,
counts, follow-ups, clarification and abstention. No Telegram, no network."""

from __future__ import annotations

import time

import pytest

from bot.core.context import ChatState
from bot.core.engine import Engine
from bot.core.types import Kind, Question
from bot.render.plain import render

ANSWER_KINDS = {Kind.PROJECT, Kind.FIELD, Kind.LIST, Kind.COUNT}
ABSTAIN_KINDS = {Kind.NOT_FOUND, Kind.NO_INFO, Kind.OUT_OF_SCOPE}


def ask(engine: Engine, *turns: str, lang: str | None = None) -> tuple[Kind, list[str], str]:
    state = ChatState()
    reply = None
    for turn in turns:
        reply = engine.ask(Question(turn, chat_id=1, lang=lang), state)
        state = reply.state
    assert reply is not None
    return reply.answer.kind, list(reply.answer.projects), render(reply.answer)


# ----- which project -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "project"),
    [
        ("SIREADA", "sireada"),
        ("tell me about siriada", "sireada"),  # typo in the acronym
        ("the boarder checkpionts project", "border-checkpoints"),  # typos in ordinary words
        ("what was the 2007-2010 readmission programme", "readmission-framework"),  # alias
        (
            "Development of Administrative Mechanisms in Support of Readmission",
            "readmission-mechanisms",
        ),
        (
            "Enhancement of Management of the Russian Federation Border Checkpoints",
            "border-checkpoints",
        ),
        ("the project with the Pskov Readmission Centre", "readmission-framework"),  # unique detail
        ("which project made a film for migrants", "readmission-mechanisms"),
        ("the programme with a two-volume manual", "readmission-framework"),
        (
            "who worked with Volynsky Perspectyvy",
            "sireada",
        ),  # an organisation only one project names
    ],
)
def test_the_project_is_found_by_name_alias_title_typo_or_detail(
    engine: Engine, question: str, project: str
) -> None:
    kind, projects, _ = ask(engine, question)
    assert kind in ANSWER_KINDS
    assert projects[0] == project


# ----- which fact ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "project", "facts"),
    [
        ("who funded SIREADA", "sireada", ["European Union"]),
        (
            "who paid for the 2007-2010 programme",
            "readmission-framework",
            ["Germany", "Finland", "European Commission"],
        ),
        ("when did the border checkpoints project end", "border-checkpoints", ["June 2011"]),
        (
            "when did the readmission mechanisms project start",
            "readmission-mechanisms",
            ["September 2009"],
        ),
        ("how long did SIREADA last", "sireada", ["24 months"]),
        (
            "which countries did SIREADA cover",
            "sireada",
            ["Moldova", "Ukraine", "Russian Federation"],
        ),
        ("SIREADA partners in Ukraine", "sireada", ["State Border Guard Service", "Chernihiv"]),
        (
            "what were the components of the border checkpoints project",
            "border-checkpoints",
            ["data sharing"],
        ),
        (
            "who was the final beneficiary of the border checkpoints project",
            "border-checkpoints",
            ["Rosgranitsa"],
        ),
        (
            "who contracted IOM for the border checkpoints project",
            "border-checkpoints",
            ["Delegation of the European Commission"],
        ),
        ("which programme was SIREADA part of", "sireada", ["Thematic programme"]),
        (
            "what were the results of the readmission framework programme",
            "readmission-framework",
            ["Two-Volume Readmission Manual"],
        ),
        ("what does IML stand for", "readmission-framework", ["International Migration Law"]),
        (
            "where did the study tours of the 2007-2010 programme go",
            "readmission-framework",
            ["Netherlands", "Austria"],
        ),
    ],
)
def test_the_fact_asked_for_is_answered_and_names_the_project(
    engine: Engine, question: str, project: str, facts: list[str]
) -> None:
    kind, projects, text = ask(engine, question)
    assert kind in ANSWER_KINDS
    assert projects[0] == project
    for fact in facts:
        assert fact.lower() in text.lower()
    title_or_acronym = engine.kb.by_id[project].acronym or engine.kb.by_id[project].title.en
    assert title_or_acronym in text or engine.kb.by_id[project].title.en in text


def test_planned_activities_are_described_as_planned(engine: Engine) -> None:
    _kind, projects, text = ask(
        engine, "was the english language course for FMS officials delivered?"
    )
    assert projects[0] == "readmission-mechanisms"
    assert "planned" in text.lower()


def test_a_role_is_not_confused_with_funding(engine: Engine) -> None:
    """The UK Border Agency was a partner of SIREADA, not a funder: the answer says both."""
    _, projects, text = ask(engine, "did the UK Border Agency fund SIREADA?")
    assert projects[0] == "sireada"
    assert "European Union" in text
    assert "not a funder" in text


# ----- lists, filters and counts -------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "which projects ran in 2010",
            {"border-checkpoints", "readmission-mechanisms", "readmission-framework"},
        ),
        ("which projects involved Ukraine", {"sireada"}),
        (
            "which projects were funded by the EU",
            {"sireada", "border-checkpoints", "readmission-mechanisms", "readmission-framework"},
        ),
        ("which projects did Germany fund", {"readmission-framework"}),
        ("which projects started in 2009", {"border-checkpoints", "readmission-mechanisms"}),
        ("which projects ended in 2011", {"border-checkpoints", "readmission-mechanisms"}),
        (
            "list the projects the FMS took part in",
            {"sireada", "readmission-mechanisms", "readmission-framework"},
        ),
        ("which projects were about border management", {"border-checkpoints"}),
        ("which projects started after the readmission framework programme ended", {"sireada"}),
    ],
)
def test_list_questions_return_exactly_the_matching_projects(
    engine: Engine, question: str, expected: set[str]
) -> None:
    kind, projects, _ = ask(engine, question)
    assert kind is Kind.LIST
    assert set(projects) == expected


def test_a_study_tour_destination_is_not_a_funder(engine: Engine) -> None:
    """Germany funded the 2007-2010 programme; the Netherlands only hosted a study tour."""
    kind, _, _ = ask(engine, "which projects were funded by the Netherlands")
    assert kind is Kind.NOT_FOUND
    kind, projects, _ = ask(engine, "which projects had a study tour to the Netherlands")
    assert kind is Kind.LIST
    assert projects == ["readmission-framework"]


def test_count_questions_give_the_number_and_name_what_was_counted(engine: Engine) -> None:
    kind, projects, text = ask(engine, "how many projects did the FMS take part in")
    assert kind is Kind.COUNT
    assert set(projects) == {"sireada", "readmission-mechanisms", "readmission-framework"}
    assert "three" in text and "SIREADA" in text


def test_an_empty_list_is_not_found(engine: Engine) -> None:
    kind, projects, _ = ask(engine, "which projects ran in 2015")
    assert kind is Kind.NOT_FOUND
    assert projects == []


def test_comparison_names_both_projects_and_the_winner_first(engine: Engine) -> None:
    kind, projects, text = ask(
        engine, "which ended later, SIREADA or the border checkpoints project"
    )
    assert kind in ANSWER_KINDS
    assert set(projects) == {"sireada", "border-checkpoints"}
    assert "February 2013" in text and "June 2011" in text
    kind, projects, _text = ask(engine, "which was shorter: SIREADA or the 2007-2010 programme")
    assert projects[0] == "sireada"


def test_overlap_of_two_projects_is_computed_from_their_months(engine: Engine) -> None:
    _, projects, text = ask(
        engine, "did the border checkpoints project overlap with the readmission mechanisms project"
    )
    assert set(projects) == {"border-checkpoints", "readmission-mechanisms"}
    assert "September 2009" in text and "April 2011" in text


# ----- follow-ups and context ---------------------------------------------------------------


def test_a_follow_up_uses_the_project_of_the_previous_answer(engine: Engine) -> None:
    _kind, projects, text = ask(
        engine, "tell me about the border checkpoints project", "and who funded it?"
    )
    assert projects[0] == "border-checkpoints"
    assert "European Union" in text


def test_a_follow_up_can_switch_to_another_project(engine: Engine) -> None:
    _, projects, _text = ask(engine, "when did SIREADA start", "what about the border one?")
    assert projects[0] == "border-checkpoints"


def test_context_belongs_to_one_chat(engine: Engine) -> None:
    first = engine.ask(Question("tell me about SIREADA", chat_id=1), ChatState())
    other_chat = engine.ask(Question("who funded it?", chat_id=2), ChatState())
    assert first.answer.projects[0] == "sireada"
    assert other_chat.answer.kind not in ANSWER_KINDS or not other_chat.answer.projects


def test_context_expires(engine: Engine) -> None:
    reply = engine.ask(Question("tell me about SIREADA"), ChatState())
    stale = ChatState.from_dict({**reply.state.to_dict(), "updated": time.time() - 24 * 3600})
    later = engine.ask(Question("who funded it?"), stale)
    assert later.answer.kind not in ANSWER_KINDS or later.answer.projects[:1] != ("sireada",)


def test_the_projects_talked_about_one_at_a_time_survive_persistence(engine: Engine) -> None:
    """The chat remembers the projects it discussed in order, through `to_dict`/`from_dict`
    (what persistence stores), so that "back to the first one" works after a restart."""
    state = ChatState()
    for turn in ("tell me about SIREADA", "and the border checkpoints project?"):
        state = engine.ask(Question(turn), state).state
    restored = ChatState.from_dict(state.to_dict())
    assert restored.discussed == ("sireada", "border-checkpoints")
    later = engine.ask(Question("back to the first one - which NGOs took part in it?"), restored)
    assert later.answer.projects[0] == "sireada"
    assert "Volynsky" in render(later.answer)


def test_the_measure_a_list_was_ordered_by_survives_persistence(engine: Engine) -> None:
    """ "which of them ended first?" is remembered as ordering by the end, through
    `to_dict`/`from_dict`, so that an elliptical "а какой позже всех?" means "ended latest"."""
    state = ChatState()
    for turn in ("какие проекты шли в 2010 году?", "какой из них закончился раньше всех?"):
        state = engine.ask(Question(turn), state).state
    restored = ChatState.from_dict(state.to_dict())
    assert restored.measure == "end"
    later = engine.ask(Question("а какой позже всех?"), restored)
    assert later.answer.projects[0] == "border-checkpoints"  # June 2011, of the 2010 list
    assert ChatState.from_dict({"measure": 3}).measure is None  # unreadable: none


def test_the_kind_of_filter_a_list_was_made_by_survives_persistence(engine: Engine) -> None:
    """A list made by a year is remembered as such, through `to_dict`/`from_dict`: a bare
    "а в 2011?" then asks the same of 2011 instead of narrowing the list shown."""
    state = ChatState()
    for turn in ("какие проекты шли в 2012 году?", "а в 2009?"):
        state = engine.ask(Question(turn), state).state
    restored = ChatState.from_dict(state.to_dict())
    assert restored.listed_by == ("time",)
    later = engine.ask(Question("а в 2011?"), restored)
    assert sorted(later.answer.projects) == [
        "border-checkpoints",
        "readmission-mechanisms",
        "sireada",
    ]


def test_the_year_just_named_survives_persistence(engine: Engine) -> None:
    """ "which projects were active in 2011?" is remembered as naming 2011, through
    `to_dict`/`from_dict`: "in May that year" then means May 2011."""
    state = engine.ask(Question("which projects were active in 2011?"), ChatState()).state
    restored = ChatState.from_dict(state.to_dict())
    assert restored.year == 2011
    later = engine.ask(Question("so which of them were still running in May that year?"), restored)
    assert sorted(later.answer.projects) == ["border-checkpoints", "sireada"]
    assert ChatState.from_dict({"year": True}).year is None  # unreadable: none


def test_the_organisation_just_asked_about_survives_persistence(engine: Engine) -> None:
    """ "what's the FMS?" is remembered as being about the FMS, through `to_dict`/`from_dict`:
    "which projects was it involved in?" then lists the FMS's projects, not every project."""
    state = engine.ask(Question("what's the FMS?"), ChatState()).state
    restored = ChatState.from_dict(state.to_dict())
    assert restored.org == "fms"
    later = engine.ask(Question("which projects was it involved in?"), restored)
    assert sorted(later.answer.projects) == [
        "readmission-framework",
        "readmission-mechanisms",
        "sireada",
    ]
    assert ChatState.from_dict({"org": 5}).org is None  # unreadable: none


def test_the_thing_just_asked_about_survives_persistence(engine: Engine) -> None:
    """ "which project made a movie?" is remembered as being about the movie, through
    `to_dict`/`from_dict`: "who was it aimed at?" then answers about the movie."""
    state = engine.ask(Question("which project made a movie?"), ChatState()).state
    restored = ChatState.from_dict(state.to_dict())
    assert restored.topic == ("film",)
    later = engine.ask(Question("who was it aimed at?"), restored)
    assert "potential migrants" in render(later.answer)
    assert ChatState.from_dict({"topic": "film"}).topic == ()  # unreadable: none


# ----- clarification and abstention ---------------------------------------------------------


def test_an_ambiguous_name_gets_a_clarifying_question_with_the_candidates(engine: Engine) -> None:
    kind, projects, _text = ask(engine, "the readmission project")
    assert kind is Kind.CLARIFY
    assert len(projects) >= 2
    reply = engine.ask(Question("the readmission project"), ChatState())
    assert {s.project for s in reply.answer.suggestions} == set(reply.answer.projects)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("what was the budget of SIREADA", Kind.NO_INFO),
        ("who was the project manager of the border checkpoints project", Kind.NO_INFO),
        ("how many migrants returned home under SIREADA", Kind.NO_INFO),
        ("what is the email address of IOM Moscow", Kind.NO_INFO),
        ("tell me about the IOM project in Kazakhstan", Kind.NOT_FOUND),
        ("any counter-trafficking projects in Brazil?", Kind.NOT_FOUND),
        ("what's the weather in Moscow tomorrow", Kind.OUT_OF_SCOPE),
        ("write me a poem about cats", Kind.OUT_OF_SCOPE),
    ],
)
def test_the_bot_abstains_instead_of_guessing(engine: Engine, question: str, kind: Kind) -> None:
    got, _, text = ask(engine, question)
    assert got in ABSTAIN_KINDS
    assert got is kind
    assert text


@pytest.mark.parametrize("question", ["hi", "hello!", "help", "/help", ""])
def test_greetings_and_help_get_a_short_guide_with_examples(engine: Engine, question: str) -> None:
    kind, _, text = ask(engine, question)
    assert kind is Kind.HELP
    assert "SIREADA" in text


def test_every_answer_names_its_first_project(engine: Engine) -> None:
    for question in (
        "who funded it",
        "which projects ran in 2009",
        "what was the film about",
        "SIREADA dates",
    ):
        reply = engine.ask(Question(question), ChatState())
        for project_id in reply.answer.projects[:1]:
            project = engine.kb.by_id[project_id]
            text = render(reply.answer)
            assert project.name in text or project.title.en in text
