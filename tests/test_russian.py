"""Questions in Russian: lookup, field, list, count, follow-up and abstention, answered in
Russian, with Russian morphology, typos and names in either script."""

from __future__ import annotations

import pytest
from dialogue import last_reply

from bot.core.engine import Engine
from bot.core.types import Kind
from bot.render.plain import render

ANSWER_KINDS = {Kind.PROJECT, Kind.FIELD, Kind.LIST, Kind.COUNT}
ABSTAIN_KINDS = {Kind.NOT_FOUND, Kind.NO_INFO, Kind.OUT_OF_SCOPE}


def ask(engine: Engine, *turns: str) -> tuple[Kind, list[str], str, str]:
    """The last answer's kind, projects, text and language."""
    answer = last_reply(engine, *turns).answer
    return answer.kind, list(answer.projects), render(answer), answer.lang


@pytest.mark.parametrize(
    ("question", "project"),
    [
        ("расскажи про СИРЕАДА", "sireada"),  # the acronym in Cyrillic
        ("что такое SIREADA", "sireada"),  # mixed scripts
        ("проект по пунктам пропуска", "border-checkpoints"),
        ("программа 2007–2010 годов", "readmission-framework"),
        ("проект, где снимали фильм для мигрантов", "readmission-mechanisms"),
        ("где делали ремонт Донского центра размещения мигрантов", "readmission-framework"),
    ],
)
def test_a_russian_question_finds_the_project_and_is_answered_in_russian(
    engine: Engine, question: str, project: str
) -> None:
    kind, projects, text, lang = ask(engine, question)
    assert kind in ANSWER_KINDS
    assert projects[0] == project
    assert lang == "ru"
    assert any("а" <= ch <= "я" for ch in text.lower())


@pytest.mark.parametrize(
    ("question", "project", "fact"),
    [
        ("кто финансировал SIREADA", "sireada", "Европейский союз"),
        ("кто финансирует программу 2007–2010", "readmission-framework", "Финлянд"),
        ("когда закончился проект по пунктам пропуска", "border-checkpoints", "июнь 2011"),
        ("сколько длилась SIREADA", "sireada", "24"),
        ("партнёры SIREADA на Украине", "sireada", "Черниг"),
    ],
)
def test_russian_field_questions_with_inflected_words(
    engine: Engine, question: str, project: str, fact: str
) -> None:
    kind, projects, text, _ = ask(engine, question)
    assert kind in ANSWER_KINDS
    assert projects[0] == project
    assert fact.lower() in text.lower()


def test_a_country_in_any_case_filters_the_list(engine: Engine) -> None:
    """Германия, Германии, Германией: one country."""
    for question in (
        "какие проекты финансировала Германия",
        "какие проекты финансировались Германией",
    ):
        kind, projects, _, _ = ask(engine, question)
        assert kind is Kind.LIST
        assert projects == ["readmission-framework"]


def test_russian_list_and_count(engine: Engine) -> None:
    kind, projects, _, _ = ask(engine, "какие проекты шли в 2010 году")
    assert kind is Kind.LIST
    assert set(projects) == {
        "border-checkpoints",
        "readmission-mechanisms",
        "readmission-framework",
    }
    kind, projects, text, _ = ask(engine, "сколько проектов было с участием ФМС")
    assert kind is Kind.COUNT
    assert set(projects) == {"sireada", "readmission-mechanisms", "readmission-framework"}
    assert "три" in text


def test_a_russian_follow_up_uses_the_chat_context(engine: Engine) -> None:
    kind, projects, text, _ = ask(
        engine, "расскажи про проект по пунктам пропуска", "а кто его финансировал?"
    )
    assert kind is Kind.FIELD
    assert projects[0] == "border-checkpoints"
    assert "Европейский союз" in text


@pytest.mark.parametrize(
    "question",
    [
        "какой был бюджет SIREADA",
        "как зовут руководителя проекта по пунктам пропуска",
        "есть ли у МОМ проект в Казахстане",
        "какая завтра погода в Москве",
    ],
)
def test_russian_abstentions(engine: Engine, question: str) -> None:
    kind, _, text, lang = ask(engine, question)
    assert kind in ABSTAIN_KINDS
    assert lang == "ru"
    assert text
