"""Reasoning over the knowledge base: orderings, durations, roles, follow-ups over a previous
list, abbreviations, and answers in Russian naming countries in Russian."""

from __future__ import annotations

import pytest
from dialogue import ask

from bot.core.engine import Engine
from bot.core.types import Kind


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("which project began first", "readmission-framework"),
        ("which project ended last", "sireada"),
        ("the longest project?", "readmission-framework"),
        ("which of the projects was the shortest", "readmission-mechanisms"),
        (
            "of the projects that started in September 2009, which ended first",
            "readmission-mechanisms",
        ),
        ("какой проект закончился позже всех", "sireada"),
    ],
)
def test_orderings_put_the_winner_first(engine: Engine, question: str, first: str) -> None:
    kind, projects, _ = ask(engine, question)
    assert kind not in (Kind.NOT_FOUND, Kind.CLARIFY)
    assert projects[0] == first


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("which projects lasted more than 24 months", {"readmission-framework"}),
        ("which projects lasted at least 24 months", {"readmission-framework", "sireada"}),
        (
            "which projects ran for less than two years",
            {"border-checkpoints", "readmission-mechanisms"},
        ),
        ("which projects lasted exactly two years", {"sireada"}),
    ],
)
def test_duration_filters_count_both_the_first_and_the_last_month(
    engine: Engine, question: str, expected: set[str]
) -> None:
    _, projects, _ = ask(engine, question)
    assert set(projects) == expected


def test_a_yes_no_duration_question_gets_the_months(engine: Engine) -> None:
    _, projects, text = ask(engine, "did the mechanisms project last longer than two years?")
    assert projects[0] == "readmission-mechanisms"
    assert text.startswith("Development") or "No." in text
    assert "20 months" in text


def test_the_fewest_and_the_most_partners(engine: Engine) -> None:
    _, projects, text = ask(engine, "which project had the most partners")
    assert projects[0] == "sireada"
    _, projects, text = ask(engine, "which project had the fewest partners")
    assert projects[0] != "sireada"
    assert "fewest" in text


def test_a_list_restricted_to_one_country(engine: Engine) -> None:
    _, projects, _ = ask(engine, "which projects took place only in Russia")
    assert set(projects) == {
        "border-checkpoints",
        "readmission-mechanisms",
        "readmission-framework",
    }


def test_negation_over_a_kind_of_partner(engine: Engine) -> None:
    _, projects, _ = ask(engine, "which projects had no NGO partners")
    assert set(projects) == {
        "border-checkpoints",
        "readmission-mechanisms",
        "readmission-framework",
    }


def test_a_follow_up_filters_the_previous_list(engine: Engine) -> None:
    """ "which of those ..." works on the projects of the previous answer only."""
    _, projects, _ = ask(engine, "which projects were active in 2010", "which of those ended first")
    assert projects[0] == "readmission-framework"
    _, projects, _ = ask(engine, "which projects started in 2009", "which one lasted longer")
    assert projects[0] == "border-checkpoints"


def test_a_place_is_not_mistaken_for_a_role(engine: Engine) -> None:
    """Austria hosted a study tour of the 2007-2010 programme; it funded nothing."""
    _, projects, text = ask(engine, "did Austria fund the 2007-2010 programme?")
    assert projects[0] == "readmission-framework"
    assert "Austria" in text and "place" in text


def test_who_ran_a_project_names_the_implementers(engine: Engine) -> None:
    _, projects, text = ask(engine, "who ran the readmission mechanisms project")
    assert projects[0] == "readmission-mechanisms"
    assert "IOM Moscow" in text and "Federal Migration Service" in text


@pytest.mark.parametrize(
    ("question", "meaning"),
    [
        ("what is AVRR", "assisted voluntary return and reintegration"),
        ("what is THB", "trafficking in human beings"),
        ("что такое Росграница", "Федеральное агентство"),
    ],
)
def test_what_is_an_abbreviation(engine: Engine, question: str, meaning: str) -> None:
    kind, _, text = ask(engine, question)
    assert kind is Kind.FIELD
    assert meaning in text


def test_russian_answers_name_countries_in_russian(engine: Engine) -> None:
    _, projects, text = ask(engine, "какие страны охватывал SIREADA")
    assert projects[0] == "sireada"
    assert "Украина" in text and "Молдова" in text
    assert "Ukraine" not in text


def test_the_programme_with_a_detail_is_found_by_the_detail_and_answers_the_field(
    engine: Engine,
) -> None:
    _, projects, text = ask(engine, "the programme that had study tours - who paid for it")
    assert projects[0] == "readmission-framework"
    assert "Finland" in text


def test_a_question_about_an_organisation_itself_gets_its_profile(engine: Engine) -> None:
    """ "IPR - where is it from?": the organisation's kind, country and part in each project."""
    kind, projects, text = ask(
        engine, "IPR - which country is it from, and what kind of body is it?"
    )
    assert kind is Kind.FIELD
    assert projects == ["sireada"]
    assert "Moldova" in text and "NGO" in text
