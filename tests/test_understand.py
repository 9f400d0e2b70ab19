"""Question text → Query: what the parser reads from a question, on the shipped knowledge base."""

from __future__ import annotations

import pytest

from bot.core import fields as F
from bot.core.engine import Engine
from bot.core.understand import Query, parse
from bot.kb.model import Month


def q(engine: Engine, text: str) -> Query:
    return parse(engine.index, text)


def test_typos_are_corrected_to_known_words_but_real_cue_words_are_kept(engine: Engine) -> None:
    words = [t.word for t in q(engine, "wich projcts ran in the boarder checkpionts").tokens]
    assert words == ["which", "projects", "ran", "in", "the", "border", "checkpoints"]
    assert "earliest" in [t.word for t in q(engine, "which project started earliest").tokens]


@pytest.mark.parametrize("word", ["contribute", "remind", "specifically", "напомните"])
def test_common_words_are_not_corrected_into_knowledge_base_words(
    engine: Engine, word: str
) -> None:
    """The dictionary lists (bot/data/common-*.txt) keep real words as they are: "contribute"
    is not a typo of "continue", nor "remind" of "mind", nor "specifically" of "especially"."""
    assert engine.index.correct(word) == word


def test_polite_formulas_are_not_topics(engine: Engine) -> None:
    parsed = q(
        engine, "Dear colleagues, good afternoon. Could you kindly remind me who funded SIREADA?"
    )
    assert parsed.named == ("sireada",)
    assert parsed.residual == ("remind",)


def test_an_acronym_names_its_project_outright(engine: Engine) -> None:
    assert q(engine, "SIREADA partners").named == ("sireada",)


def test_a_topic_phrase_does_not_name_a_second_project(engine: Engine) -> None:
    """ "voluntary return" is in SIREADA's names, but here it is what the programme said."""
    parsed = q(engine, "what did the 2007-2010 programme say about voluntary return")
    assert parsed.named == ("readmission-framework",)
    assert "voluntary" in parsed.residual


def test_two_projects_are_named_in_a_comparison(engine: Engine) -> None:
    parsed = q(engine, "which lasted longer: the border checkpoints project or SIREADA")
    assert set(parsed.named) == {"border-checkpoints", "sireada"}


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("who funded it", F.FUNDERS),
        ("which donors paid for SIREADA", F.FUNDERS),
        ("when did it end", F.DATES),
        ("how long did it last", F.DURATION),
        ("who were the partners", F.PARTNERS),
        ("what were the results", F.RESULTS),
        ("what does TCN stand for", F.MEANING),
        ("кто финансировал", F.FUNDERS),
        ("когда завершился проект", F.DATES),
    ],
)
def test_the_field_asked_for_is_recognised(engine: Engine, text: str, field: str) -> None:
    assert q(engine, text).field == field


def test_an_organisation_name_asks_for_no_field(engine: Engine) -> None:
    """The "Office" of "Home Office" is not a question about IOM offices."""
    parsed = q(engine, "what did the Home Office do")
    assert F.OFFICES not in parsed.fields
    assert parsed.orgs() == ["ukba"]


def test_times_years_seasons_and_month_ranges(engine: Engine) -> None:
    [spring] = q(engine, "anything that closed in the spring of 2011").times
    assert (spring.first, spring.last) == (Month(2011, 3), Month(2011, 5))
    # "the end of 2010" is its last quarter, "early 2010" its first four months
    [end] = q(engine, "what was still running at the end of 2010").times
    assert (end.first, end.last) == (Month(2010, 10), Month(2010, 12))
    [early] = q(engine, "anything that wrapped up in early 2010?").times
    assert (early.first, early.last) == (Month(2010, 1), Month(2010, 4))
    [period] = q(engine, "the project that ran sept 2009 - april 2011").times
    assert (period.first, period.last, period.exact) == (Month(2009, 9), Month(2011, 4), True)
    [february] = q(engine, "projects that ended in a february").times
    assert february.month_only and february.first.month == 2


def test_years_inside_a_project_name_are_not_time_filters(engine: Engine) -> None:
    assert q(engine, "who funded the 2007-2010 programme").times == ()


def test_which_end_of_the_period_the_question_is_about(engine: Engine) -> None:
    assert q(engine, "which projects started in 2009").anchor == "start"
    assert q(engine, "which projects ended in 2011").anchor == "end"
    assert q(engine, "which projects ran in 2010").anchor == "active"
    parsed = q(engine, "how many projects ended before SIREADA started")
    assert (parsed.anchor, parsed.reference_anchor) == ("end", "start")


def test_durations_and_superlatives(engine: Engine) -> None:
    [longer] = q(engine, "which projects ran longer than two years").durations
    assert (longer.op, longer.months) == ("gt", 24)
    [exact] = q(engine, "which project lasted exactly 24 months").durations
    assert (exact.op, exact.months) == ("eq", 24)
    assert q(engine, "which project started earliest").superlative == ("start", "min")
    assert q(engine, "of the projects that started in 2009 which finished first").superlative == (
        "end",
        "min",
    )
    assert q(engine, "which project was the shortest").superlative == ("duration", "min")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("what was the budget", "budget"),
        ("how much money did the EU spend on it", "budget"),
        ("who was the project coordinator", "people"),
        ("what are the names of the experts", "people"),
        ("what is the phone number of IOM Moscow", "contact"),
        ("which company did the refurbishment", "company"),
        ("what new projects are planned for next year", "future"),
        ("how many migrants returned", "statistics"),
        ("why did the border checkpoints project end in june 2011?", "reasons"),
        ("who chose the NGO partners for SIREADA?", "reasons"),
        ("why was the Pskov centre picked for expert support?", "reasons"),
        ("почему программа 2007–2010 закончилась в феврале 2010?", "reasons"),
        ("кто выбирал европейских экспертов?", "reasons"),
        ("which is bigger, the pskov centre or the don centre", "statistics"),
        ("which project had the largest staff team", "statistics"),
        ("which project was the most expensive", "budget"),
        ("which project cost the most", "budget"),
        ("какой из проектов был самым дорогим", "budget"),
        ("какой проект стоил больше всего", "budget"),
        ("how many people did the NGO in Chernihiv help", "statistics"),
        (
            "which trained more people, the 2007-2010 programme or the mechanisms project",
            "statistics",
        ),
    ],
)
def test_things_the_knowledge_base_never_holds_are_recognised(
    engine: Engine, text: str, kind: str
) -> None:
    assert q(engine, text).no_info == kind


@pytest.mark.parametrize(
    "text",
    [
        "the project's full name",
        "direct technical-level contacts in the framework programme",
        "how many donors did it have",
        "how many months did it last",
        "how many projects got EU money",
        "why was the border checkpoints project needed?",
        "when did SIREADA end?",
        "which project had the largest number of partners?",
        "какие проекты были посвящены реадмиссии",
    ],
)
def test_ordinary_questions_are_not_mistaken_for_unheld_information(
    engine: Engine, text: str
) -> None:
    assert q(engine, text).no_info is None


def test_countries_and_organisations_in_russian_cases(engine: Engine) -> None:
    assert q(engine, "проекты с Германией").countries() == ["DE"]
    assert q(engine, "проект МОМ в Беларуси").countries() == ["BY"]
    assert set(q(engine, "работал с МВД").orgs()) == {"mia-moldova", "mia-ukraine"}
    assert q(engine, "сотрудничество с Федеральной миграционной службой").orgs() == ["fms"]


@pytest.mark.parametrize(
    ("text", "orgs", "countries"),
    [
        ("which projects involved the russian foreign ministry", ["mfa-russia"], []),
        # (a short name with "of" is read whole, as every name is: the country is inside it)
        ("MFA of Russia", ["mfa-russia"], []),
        ("which projects had Russian partners", [], ["RU"]),
    ],
)
def test_a_country_word_inside_an_organisations_name_names_the_organisation(
    engine: Engine, text: str, orgs: list[str], countries: list[str]
) -> None:
    """ "the Russian Foreign Ministry" is an organisation, not Russia and two other words."""
    q = parse(engine.index, text)
    assert (q.orgs(), q.countries()) == (orgs, countries)


def test_the_first_matching_concept_is_that_of_testing_each_lexicon_in_order(
    engine: Engine,
) -> None:
    """`FirstMatch` (one stem lookup, one lookup per prefix length) gives the concept that
    testing the lexicons one by one gives, for every word of the shipped knowledge base and of
    the lexicons themselves: their words, their prefixes with an ending, their exclusions."""
    from bot.core.text import words
    from bot.core.vocabulary import CONCEPTS, FirstMatch

    table = FirstMatch(CONCEPTS)
    texts = [v for d in engine.index.docs for v in d.text.variants()]
    every = {w for text in texts for w in words(text)}
    for lexicon in CONCEPTS.values():
        every |= lexicon.words | lexicon.excluded
        every |= {p + ending for p in lexicon.prefixes for ending in ("", "ами", "ого")}
    one_by_one = {
        w: next((key for key, lex in CONCEPTS.items() if lex.matches(w)), None) for w in every
    }
    assert {w: table.key(w) for w in every} == one_by_one
    assert sum(key is not None for key in one_by_one.values()) > 300
