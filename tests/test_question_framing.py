"""How a question's framing is read, on the shipped knowledge base: premises about a country a
project did not involve, a country tied to projects in any role, "without other donors",
requests for services, country codes, "part of any project", follow-up comparisons, and words
the spelling corrector must leave alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from dialogue import ask, assert_answer, assert_projects

from bot.core import understand
from bot.core.engine import Engine
from bot.core.search import term
from bot.core.types import Kind
from bot.kb.load import load_knowledge

KNOWLEDGE = Path(__file__).resolve().parents[1] / "knowledge"


@pytest.mark.parametrize(
    ("turns", "country"),
    [
        (("SIREADA covered Russia, Moldova and Belarus - what did it do in Belarus?",), "Belarus"),
        (("tell me about SIREADA", "did it work in Belarus?"), "Belarus"),
    ],
)
def test_a_named_project_in_a_country_it_did_not_involve_is_corrected(
    engine: Engine, turns: tuple[str, ...], country: str
) -> None:
    kind, projects, text = ask(engine, *turns)
    assert (kind, projects[0]) == (Kind.FIELD, "sireada")
    assert f"did not take place in or involve {country}" in text
    assert "Moldova" in text and "Ukraine" in text  # the countries it did cover


def test_a_project_looked_for_in_a_country_nobody_worked_in_is_not_found(
    engine: Engine,
) -> None:
    """A phrase ("an IOM border management project in Belarus") is looked for, not corrected."""
    kind, projects, _ = ask(engine, "IOM border management project in Belarus - details?")
    assert (kind, projects) == (Kind.NOT_FOUND, [])


@pytest.mark.parametrize(
    "question",
    [
        "which projects involved Germany in any way",
        "какие проекты были связаны с Германией",
    ],
)
def test_a_country_involved_in_any_way_counts_funders_and_study_tours(
    engine: Engine, question: str
) -> None:
    """Germany funded the 2007-2010 programme and hosted its study tour; no project ran there."""
    kind, projects, _ = ask(engine, question)
    assert (kind, projects) == (Kind.LIST, ["readmission-framework"])
    kind, projects, _ = ask(engine, "any projects in Germany?")
    assert kind is Kind.NOT_FOUND


@pytest.mark.parametrize(
    "question",
    [
        "сколько проектов финансировал только ЕС, без других доноров?",
        "which projects were funded only by the EU, without other donors",
    ],
)
def test_without_other_donors_restates_only_and_excludes_nothing(
    engine: Engine, question: str
) -> None:
    _, projects, _ = ask(engine, question)
    assert sorted(projects) == ["border-checkpoints", "readmission-mechanisms", "sireada"]


def test_without_ngo_partners_still_excludes(engine: Engine) -> None:
    _, projects, _ = ask(engine, "projects without NGO partners")
    assert "sireada" not in projects and len(projects) == 3


def test_a_request_for_a_service_that_says_help_is_not_the_help_command(engine: Engine) -> None:
    kind, projects, _ = ask(engine, "can you help me apply for a work permit in russia")
    assert kind in (Kind.NOT_FOUND, Kind.OUT_OF_SCOPE, Kind.NO_INFO)
    assert projects == []
    assert ask(engine, "help me")[0] is Kind.HELP


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("RF / MD / UA - which project covered all three?", "sireada"),
        ("EC + DE + FI funding: which project was that", "readmission-framework"),
    ],
)
def test_upper_case_country_codes_name_countries(engine: Engine, question: str, first: str) -> None:
    _, projects, _ = ask(engine, question)
    assert projects[0] == first


def test_an_upper_case_message_has_no_country_codes(engine: Engine) -> None:
    """Shouted text is not read as codes: "IT" would otherwise be Italy."""
    parsed = understand.parse(engine.index, "IS IT SIREADA")
    assert parsed.countries() == []
    assert understand.parse(engine.index, "is IT SIREADA").countries() == ["IT"]


def test_part_of_any_project_asks_about_projects_not_a_programme(engine: Engine) -> None:
    _, projects, text = ask(engine, "MFA Russia - was it part of any IOM project and in what role")
    assert projects[0] == "sireada"
    assert "coordinated" in text
    assert "Thematic programme" not in text
    _, _, text = ask(engine, "was SIREADA part of a larger programme")
    assert "Thematic programme" in text


def test_its_comparison_with_a_named_project_compares_the_project_just_discussed(
    engine: Engine,
) -> None:
    _, projects, text = ask(
        engine,
        "tell me about SIREADA",
        "how does its funding compare with the 2007-2010 programme?",
    )
    assert projects[:2] == ["sireada", "readmission-framework"]
    assert "Germany" in text and "Finland" in text


def test_a_number_alone_does_not_pull_another_project_into_a_follow_up(engine: Engine) -> None:
    _, projects, text = ask(
        engine, "which project did IOM do with Rosgranitsa?", "what was component three about"
    )
    assert projects[0] == "border-checkpoints"
    assert "international cooperation" in text


def test_two_projects_and_a_follow_on_claim_answer_for_the_first_named(engine: Engine) -> None:
    """The mechanisms project followed the 2007-2010 programme, not SIREADA."""
    kind, projects, text = ask(
        engine, "the readmission mechanisms project was a continuation of SIREADA, correct?"
    )
    assert (kind, projects[0]) == (Kind.FIELD, "readmission-mechanisms")
    assert "follow-up of Assistance to the Government" in text


def test_a_word_with_a_prefix_is_not_a_typo_of_the_longer_word(engine: Engine) -> None:
    """ "интеграции" (integration) is not "реинтеграции" (reintegration) misspelt."""
    assert engine.index.correct("интеграции") == "интеграции"
    assert engine.index.correct("integration") == "integration"
    assert engine.index.correct("reintegraton") == "reintegration"


def test_verbs_of_doing_are_not_topics(engine: Engine) -> None:
    """ "conducted", "проводились", "помогла" frame the question; the topic decides."""
    for question in (
        "какие исследования проводились в программе 2007–2010",
        "чем программа 2007–2010 помогла в законодательстве",
        "list every project that dealt with readmission",
    ):
        kind, _, _ = ask(engine, question)
        assert kind in (Kind.FIELD, Kind.LIST), question
    kind, _, text = ask(engine, "чем программа 2007–2010 помогла в законодательстве")
    assert "законодательств" in text


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        (("what is SIREADA short for? full title please",), Kind.FIELD, "sireada", "Full title:"),
        (("как называется проект SIREADA полностью",), Kind.FIELD, "sireada", "Полное название"),
        (
            ("Какой из четырёх проектов длился дольше всех?",),
            Kind.LIST,
            "readmission-framework",
            "",
        ),
        (("у какого проекта было больше всего партнёров",), Kind.FIELD, "sireada", "(9)"),
        (("how many IOM missions ran SIREADA",), Kind.FIELD, "sireada", "three (3)"),
        (
            ("сколько томов в руководстве по реадмиссии",),
            Kind.FIELD,
            "readmission-framework",
            "Двухтом",
        ),
        (
            ("hey bot wat countrys was the reintegrashun projekt in",),
            Kind.FIELD,
            "sireada",
            "Moldova",
        ),
        (
            (
                "Facilitation of Assisted Voluntary Return and Reintegration - which Moldovan body was involved?",
            ),
            Kind.FIELD,
            "sireada",
            "Internal Affairs of the Republic of Moldova",
        ),
        (
            (
                "what was the readmission mechanisms project about?",
                "what about the earlier programme it followed on from - who funded that one?",
            ),
            Kind.FIELD,
            "readmission-framework",
            "Germany",
        ),
        (
            (
                "which projects started in September 2009?",
                "the one with Rosgranitsa - what were its components?",
                "ok and the other one, what was it going to produce?",
            ),
            Kind.FIELD,
            "readmission-mechanisms",
            "",
        ),
        (("Чернигов?",), Kind.FIELD, "sireada", "Черниговский"),
        (
            ("@projectbot did the chernihiv ppl work on the rosgranitsa project?",),
            Kind.FIELD,
            "sireada",
            "is not named in Enhancement of Management",
        ),
        (
            ("UKBA - what is it and which project worked with it",),
            Kind.FIELD,
            "sireada",
            "UK Border",
        ),
        (("wich projcts startd befor the bordr one",), Kind.LIST, "readmission-framework", ""),
        (("wich projcts wernt funded only by the EU",), Kind.LIST, "readmission-framework", ""),
        (
            (
                "the readmission mechanisms project was run jointly by IOM Moscow and FMS - whats IOM",
            ),
            Kind.FIELD,
            "readmission-mechanisms",
            "International Organization for Migration",
        ),
        (
            ("какие законы помогали разработать в программе 2007–2010",),
            Kind.FIELD,
            "readmission-framework",
            "иностранных граждан",
        ),
    ],
)
def test_questions_asked_in_other_words_get_the_fact(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("which projects were funded by the EU alone, without any national governments", 3),
        ("which projects were not funded only by the EU", 1),
        ("projects that had anything to do with Germany", 1),
        ("finland", 1),
        ("Сколько проектов было в работе в 2012 году?", 1),
        ("сколько проектов длилось больше двух лет", 1),
        ("which other projects were still running when SIREADA started", 2),
        ("какие проекты касались лиц без гражданства", 1),
    ],
)
def test_filters_read_from_the_wording_pick_the_right_projects(
    engine: Engine, question: str, expected: int
) -> None:
    kind, projects, _ = ask(engine, question)
    assert kind not in (Kind.NOT_FOUND, Kind.CLARIFY, Kind.OUT_OF_SCOPE)
    assert len(projects) == expected, projects


def test_the_premise_keeps_the_project_asked_when_the_organisation_was_in_several(
    engine: Engine,
) -> None:
    """The FMS took part in three projects, not the border one: the border one stays first."""
    _, projects, text = ask(engine, "was the FMS involved in the border project?")
    assert projects[0] == "border-checkpoints"
    assert "is not named" in text


@pytest.mark.parametrize(
    "question",
    [
        "как продлить регистрацию иностранцу в Москве",
        "how do I apply for a work permit",
        "где можно получить визу",
        "who managed SIREADA at IOM Moscow",
    ],
)
def test_personal_requests_and_missing_facts_get_an_honest_no(
    engine: Engine, question: str
) -> None:
    kind, _, _ = ask(engine, question)
    assert kind in (Kind.OUT_OF_SCOPE, Kind.NO_INFO, Kind.NOT_FOUND)


def test_officers_are_people_not_offices(engine: Engine) -> None:
    kind, _, _ = ask(
        engine, "which project had the english language course?", "how many FMS officers passed it?"
    )
    assert kind is Kind.NO_INFO


def test_english_is_a_language_not_a_country(engine: Engine) -> None:
    assert understand.parse(engine.index, "the English course for FMS officers").countries() == []
    assert understand.parse(engine.index, "the British agency").countries() == ["GB"]


@pytest.mark.parametrize(
    ("question", "projects"),
    [
        ("which projects don't have 'readmission' in the title", ["border-checkpoints"]),
        ("which projects have 'border' in their title", ["border-checkpoints"]),
        ("which project did IOM run through its missions in three countries", ["sireada"]),
        ("какой проект шёл в трёх странах", ["sireada"]),
        (
            "projects that weren't funded by Germany",
            ["border-checkpoints", "readmission-mechanisms", "sireada"],
        ),
    ],
)
def test_lists_by_title_words_country_counts_and_contracted_negations(
    engine: Engine, question: str, projects: list[str]
) -> None:
    kind, got, _ = ask(engine, question)
    assert kind is Kind.LIST
    assert sorted(got) == projects


def test_the_don_of_dont_is_not_the_don_centre(engine: Engine) -> None:
    """ "don't" is a negation; "the Don one" is the Don readmission centre."""
    _, projects, text = ask(
        engine, "what did the 2007 programme do for the pskov centre", "and for the don one?"
    )
    assert projects[0] == "readmission-framework"
    assert "Don" in text


@pytest.mark.parametrize(
    ("question", "fragment"),
    [
        ("how lng did sireada run", "24 months"),
        (
            "Кому оказывалась гуманитарная помощь в проекте SIREADA и в каких странах?",
            "задержанным",
        ),
    ],
)
def test_typos_and_verbs_of_giving_do_not_hide_the_fact(
    engine: Engine, question: str, fragment: str
) -> None:
    _, projects, text = ask(engine, question)
    assert projects[0] == "sireada"
    assert fragment in text


def _with_extra_projects(tmp_path: Path) -> Engine:
    """The shipped knowledge base and two more projects, begun in May 2007 and July 2009."""
    shutil.copytree(KNOWLEDGE, tmp_path / "kb")
    for pid, start, end in (
        ("another-2007", "2007-05", "2008-04"),
        ("another-2009", "2009-07", "2010-06"),
    ):
        (tmp_path / "kb" / "projects" / f"{pid}.yaml").write_text(
            f"id: {pid}\n"
            f"title: A Test Project Begun {start}\n"
            f"period: {{start: {start}, end: {end}}}\n"
            "summary: A test project.\n"
            "description: A test project.\n"
            "funders: [eu]\n"
            "countries: [Russian Federation]\n",
            encoding="utf-8",
        )
    return Engine(load_knowledge(tmp_path / "kb"))


def test_a_list_dated_by_an_event_is_not_replaced_by_the_event(tmp_path: Path) -> None:
    """With two projects begun in 2007, "which project began the year Rosgranitsa was created"
    lists both; the statement about Rosgranitsa's creation dates the list, it is no answer."""
    engine = _with_extra_projects(tmp_path)
    kind, projects, _ = ask(engine, "which project began in the same year rosgranitsa was created")
    assert kind is Kind.LIST
    assert sorted(projects) == ["another-2007", "readmission-framework"]


def test_the_project_an_event_belongs_to_is_the_one_that_came_out_of_it(tmp_path: Path) -> None:
    """Another project began in July 2009, but "the project that came out of the agreement
    signed in July 2009" is the one whose statement that agreement is."""
    engine = _with_extra_projects(tmp_path)
    _, projects, _ = ask(
        engine,
        "which project came out of the agreement IOM signed with the EC delegation in july 2009?",
    )
    assert projects[0] == "border-checkpoints"


@pytest.mark.parametrize(
    ("turns", "kind", "projects"),
    [
        (("tell me about sireada", "when did it start?"), Kind.FIELD, ["sireada"]),
        (
            ("tell me about sireada", "did anything else run at the same time?"),
            Kind.LIST,
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        (
            ("which other projects were still going when SIREADA started",),
            Kind.LIST,
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        (
            ("how many projects was the FMS part of",),
            Kind.COUNT,
            ["readmission-framework", "readmission-mechanisms", "sireada"],
        ),
        (
            (
                "Hi, I'm writing a piece on migrants held in detention in eastern Europe. Did any of"
                " your projects help detained migrants? What kind of help, and in which countries?",
            ),
            Kind.LIST,
            ["sireada"],
        ),
        (("which projects dealt with weather",), Kind.NOT_FOUND, []),
        (
            (
                "when did the IOM project 'Strengthening Border Management in the South Caucasus' run?",
            ),
            Kind.NOT_FOUND,
            [],
        ),
        (("когда открыли Псковский центр реадмиссии?",), Kind.NO_INFO, ["readmission-framework"]),
    ],
)
def test_follow_ups_time_relations_and_honest_nos(
    engine: Engine, turns: tuple[str, ...], kind: Kind, projects: list[str]
) -> None:
    got_kind, got, _ = ask(engine, *turns)
    assert got_kind is kind
    assert sorted(got) == projects


def test_a_follow_up_on_the_linked_project_keeps_the_field_asked(engine: Engine) -> None:
    """ "who funded the 2007-2010 programme", then "and the follow-up project?": its funders."""
    _, projects, text = ask(
        engine, "who funded the 2007-2010 readmission programme", "and the follow-up project?"
    )
    assert projects[0] == "readmission-mechanisms"
    assert "funded by the European Union" in text


def test_quoted_titles_of_known_projects_still_name_them(engine: Engine) -> None:
    _, projects, _ = ask(
        engine,
        "'Assistance to the Government of the RF in Establishing Legal and Administrative"
        " Framework' - how many donors",
    )
    assert projects[0] == "readmission-framework"


@pytest.mark.parametrize(
    ("word", "kept"), [("piece", "piece"), ("child", "child"), ("visa", "visa")]
)
def test_everyday_words_are_not_corrected_into_other_words(
    engine: Engine, word: str, kept: str
) -> None:
    assert engine.index.correct(word) == kept


@pytest.mark.parametrize(
    ("question", "projects"),
    [
        ("wich projcts had a donor besides the EU", ["readmission-framework"]),
        ("which projects had donors other than the EU", ["readmission-framework"]),
        ("в каких проектах было несколько доноров", ["readmission-framework"]),
        ("which projects were a follow-up to an earlier IOM programme", ["readmission-mechanisms"]),
    ],
)
def test_lists_by_the_number_and_kind_of_funders_and_by_follow_ups(
    engine: Engine, question: str, projects: list[str]
) -> None:
    kind, got, _ = ask(engine, question)
    assert (kind, got) == (Kind.LIST, projects)


def test_which_project_followed_up_on_the_one_discussed(engine: Engine) -> None:
    _, projects, _ = ask(
        engine, "tell me about the 2007-2010 programme", "which project followed up on it?"
    )
    assert projects == ["readmission-mechanisms"]


@pytest.mark.parametrize(
    ("question", "first", "fragment"),
    [
        ("which project had the most donors", "readmission-framework", "Germany"),
        ("which project covered the most countries", "sireada", "(3)"),
        ("в каком проекте было больше всего стран", "sireada", "Больше всего стран"),
        ("in the readmission mechanisms project whats FMS", "readmission-mechanisms", "Federal"),
        ("что такое Росграница и при чем тут МОМ", "border-checkpoints", "бенефициар"),
    ],
)
def test_superlatives_and_meanings_say_who_and_what(
    engine: Engine, question: str, first: str, fragment: str
) -> None:
    _, projects, text = ask(engine, question)
    assert projects[0] == first
    assert fragment in text


@pytest.mark.parametrize(
    "question",
    [
        "which cities hosted the five IML courses",
        "what's the current number of migrants in russia?",
        "write me a poem about borders",
        "any iom projct on climat migration?",
    ],
)
def test_what_the_page_does_not_say_gets_an_honest_no(engine: Engine, question: str) -> None:
    kind, _, _ = ask(engine, question)
    assert kind in (Kind.NO_INFO, Kind.NOT_FOUND, Kind.OUT_OF_SCOPE)


def test_a_guess_never_turns_a_word_into_a_reason_to_refuse(engine: Engine) -> None:
    """ "complies" is not corrected into "companies" (a question the bot would refuse)."""
    assert engine.index.correct("complies") == "complies"


@pytest.mark.parametrize(
    ("question", "projects"),
    [
        (
            "which projects started and ended within 2009-2011",
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        (
            "which projects started in 2009, and when did each of them end",
            ["border-checkpoints", "readmission-mechanisms"],
        ),
    ],
)
def test_a_period_for_both_ends_only_when_both_are_said_of_it(
    engine: Engine, question: str, projects: list[str]
) -> None:
    """ "started and ended within 2009-2011" leaves out SIREADA (ended 2013); "started in 2009,
    and when did each end" asks about the ends, it does not filter by them."""
    _, got, _ = ask(engine, question)
    assert sorted(got) == projects


def test_the_nth_one_after_a_numbered_field_is_that_statement(engine: Engine) -> None:
    _, projects, text = ask(
        engine,
        "what did IOM do with Rosgranitsa",
        "how many components did it have",
        "what was the third one",
    )
    assert projects[0] == "border-checkpoints"
    assert "Component Three" in text and "Component One" not in text


def test_the_nth_one_after_a_list_is_that_project(engine: Engine) -> None:
    kind, listed, _ = ask(engine, "which projects ran in 2010")
    assert kind is Kind.LIST
    _, projects, _ = ask(engine, "which projects ran in 2010", "tell me about the second one")
    assert projects[0] == listed[1]


@pytest.mark.parametrize(
    ("turns", "first"),
    [
        (
            (
                "quick overview of the IOM project that ran march 2011 to february 2013 please",
                "what exactly did its activities include?",
            ),
            "sireada",
        ),
        (
            ("was the 2007-2010 programme implemented together with rosgranitsa?",),
            "readmission-framework",
        ),
        (
            ("was the border checkpoints project still running when SIREADA began",),
            "border-checkpoints",
        ),
        (
            (
                "whats the 'EC' in 'Delegation of the EC to Russia' for the border checkpoints project",
            ),
            "border-checkpoints",
        ),
        (
            ("was rosgranitsa the one paying for the border checkpoints project",),
            "border-checkpoints",
        ),
    ],
)
def test_dates_own_names_question_order_and_quoted_organisations(
    engine: Engine, turns: tuple[str, ...], first: str
) -> None:
    kind, projects, _ = ask(engine, *turns)
    assert kind not in (Kind.NOT_FOUND, Kind.CLARIFY, Kind.OUT_OF_SCOPE)
    assert projects[0] == first


@pytest.mark.parametrize(
    ("question", "projects"),
    [
        (
            "wich projcts were only in russia, not moldova or ukrane",
            ["border-checkpoints", "readmission-framework", "readmission-mechanisms"],
        ),
        ("which projects worked with ukrainian authorities", ["sireada"]),
        (
            "which two projects started in the same month",
            ["border-checkpoints", "readmission-mechanisms"],
        ),
    ],
)
def test_countries_as_filters_and_projects_sharing_a_month(
    engine: Engine, question: str, projects: list[str]
) -> None:
    kind, got, _ = ask(engine, question)
    assert (kind, sorted(got)) == (Kind.LIST, projects)


def test_the_results_of_an_area_asked_about_are_shown_whole(engine: Engine) -> None:
    """All eight results of "building the capacity of the Russian migration authorities", not
    the first four: the IML courses and the manual are among the last."""
    _, projects, text = ask(
        engine,
        "what did the 2007-2010 programme do to build the capacity of the russian migration"
        " authorities",
    )
    assert projects[0] == "readmission-framework"
    assert "IML" in text and "Manual" in text


@pytest.mark.parametrize(
    ("question", "fragments"),
    [
        ("who funded SIREADA and when did it end?", ["European Union", "ran from March 2011"]),
        ("кто финансировал SIREADA и когда он закончился", ["Европейский союз", "февраль 2013"]),
    ],
)
def test_two_fields_asked_with_and_are_both_answered(
    engine: Engine, question: str, fragments: list[str]
) -> None:
    _, projects, text = ask(engine, question)
    assert projects[0] == "sireada"
    assert all(f in text for f in fragments)


@pytest.mark.parametrize(
    "question",
    [
        "what's the population of moldova",
        "кто был режиссёром фильма в проекте по механизмам реадмиссии?",
    ],
)
def test_statistics_and_people_the_page_lacks(engine: Engine, question: str) -> None:
    kind, _, _ = ask(engine, question)
    assert kind is Kind.NO_INFO


def test_a_comparison_states_each_projects_duration(engine: Engine) -> None:
    _, projects, text = ask(
        engine, "compare the durations of the readmission framework programme and SIREADA"
    )
    assert projects[:2] == ["readmission-framework", "sireada"]
    assert "Duration: 37 months" in text and "Duration: 24 months" in text


def test_a_meaning_and_a_field_asked_with_and_are_both_answered(engine: Engine) -> None:
    _, projects, text = ask(
        engine,
        "IOM in the border checkpoints project - what does it stand for and which IOM office was"
        " contracted",
    )
    assert projects[0] == "border-checkpoints"
    assert "International Organization for Migration" in text and "IOM Moscow" in text


def test_preparing_is_not_training(engine: Engine) -> None:
    """ "подготовка аналитических материалов" is their preparation: a question about training
    materials of the 2007-2010 programme is no wrong premise about the mechanisms project."""
    _, projects, _ = ask(engine, "какие учебные материалы разработали в программе 2007–2010")
    assert projects[0] == "readmission-framework"


@pytest.mark.parametrize(
    ("turns", "projects"),
    [
        (("which projects had planned study tours",), ["readmission-mechanisms"]),
        (("which projects had study tours that actually took place",), ["readmission-framework"]),
        (
            (
                "which projects had study tours?",
                "which of those actually took place rather than just being planned?",
            ),
            ["readmission-framework"],
        ),
        (
            ("which projects had a study tour, either done or planned",),
            ["readmission-framework", "readmission-mechanisms"],
        ),
    ],
)
def test_lists_sorted_by_what_was_done_and_what_was_only_planned(
    engine: Engine, turns: tuple[str, ...], projects: list[str]
) -> None:
    kind, got, _ = ask(engine, *turns)
    assert (kind, sorted(got)) == (Kind.LIST, projects)


def test_short_is_not_corrected_into_sort(engine: Engine) -> None:
    """ "what is SIREADA short for?" asks for its full title ("short" is no typo of "sort")."""
    _, projects, text = ask(engine, "what is SIREADA short for?")
    assert projects[0] == "sireada"
    assert "Full title:" in text


@pytest.mark.parametrize(
    ("word", "read_as"),
    [("cold", "cold"), ("tall", "tall"), ("short", "short"), ("wich", "which"), ("aftr", "after")],
)
def test_words_are_corrected_into_function_words_only_when_those_shape_the_question(
    engine: Engine, word: str, read_as: str
) -> None:
    assert engine.index.correct(word) == read_as


def test_how_much_time_between_two_projects_is_no_statistic(engine: Engine) -> None:
    kind, projects, _ = ask(
        engine,
        "how much time passed between the start of the readmission framework programme and the"
        " start of the border checkpoints project",
    )
    assert kind is Kind.FIELD
    assert sorted(projects) == ["border-checkpoints", "readmission-framework"]


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # a manual, a report and a film are materials
        (
            ("какие учебные материалы подготовили в программе 2007–2010",),
            Kind.FIELD,
            "readmission-framework",
            "Двухтомное пособие",
        ),
        (
            ("what training materials were developed in the 2007-2010 programme",),
            Kind.FIELD,
            "readmission-framework",
            "Two-Volume Readmission Manual",
        ),
        # "where ... come up / mentioned": where on the page, not in which country
        (("where does EECA come up?",), Kind.FIELD, "readmission-framework", "among the EECA"),
        (("where is Pskov mentioned",), Kind.FIELD, "readmission-framework", "Pskov"),
        # "spell out" asks what an abbreviation stands for
        (
            ("in the 2007-2010 readmission programme text, spell out IOM for me",),
            Kind.FIELD,
            "readmission-framework",
            "International Organization for Migration",
        ),
        # "did it do anything for X" asks what one project did, not for a list
        (
            (
                "Facilitation of Assisted Voluntary Return and Reintegration - did it do anything"
                " for people held in detention?",
            ),
            Kind.FIELD,
            "sireada",
            "detainees",
        ),
        # the word "duration" asks for the duration, not for the whole card
        (
            ("border checkpoints project - duration in months?",),
            Kind.FIELD,
            "border-checkpoints",
            "22 months",
        ),
        # "what was done in Moldova" asks for activities, not the countries asked before;
        # "specifically" is not corrected into "especially"
        (
            ("SIREADA - which countries?", "what was done in Moldova specifically?"),
            Kind.FIELD,
            "sireada",
            "Humanitarian assistance for migrant detainees in Moldova",
        ),
        (("tell me about SIREADA", "what did it do?"), Kind.FIELD, "sireada", "Activities"),
        # a follow-up with a topic of its own does not keep the field asked before
        (
            ("which project was co-funded by Germany?", "did it include a trip to Germany too?"),
            Kind.FIELD,
            "readmission-framework",
            "Study tours to the Netherlands, Germany and Austria",
        ),
        # a long polite request: the greetings and the self-introduction are no topic
        (
            (
                "Dear colleagues, I am preparing a brief for the leadership of the Federal"
                " Migration Service. Would you be so kind as to remind me which IOM projects our"
                " service took part in and when each of them ran?",
            ),
            Kind.LIST,
            "readmission-framework",
            "3 matching",
        ),
        # "the four projects" is the scope of a count, not a number to look for
        (
            ("how many of the four projects got money from the EU",),
            Kind.COUNT,
            "border-checkpoints",
            "four (4) projects",
        ),
    ],
)
def test_more_wordings_get_the_fact(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "first"),
    [
        (
            ("what's the shortest of the four projects?", "and the longest?"),
            "readmission-framework",
        ),
        (("какой проект самый длинный?", "а самый короткий?"), "readmission-mechanisms"),
    ],
)
def test_a_superlative_alone_follows_up_a_superlative_list(
    engine: Engine, turns: tuple[str, ...], first: str
) -> None:
    kind, projects, _ = ask(engine, *turns)
    assert (kind, projects[0]) == (Kind.LIST, first)


@pytest.mark.parametrize(
    ("question", "fragment"),
    [
        ("when did it start?", "Which project do you mean?"),
        ("what did it do?", "Which project do you mean?"),
        ("кто его финансировал?", "Какой проект вы имеете в виду?"),
    ],
)
def test_it_as_the_first_question_of_a_chat_asks_which_project(
    engine: Engine, question: str, fragment: str
) -> None:
    kind, projects, text = ask(engine, question)
    assert (kind, projects) == (Kind.NOT_FOUND, [])
    assert fragment in text


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # two words written as one are read as two; chat shorthand as the word it stands for
        (
            ("studytours to netherlnds germny austria - wich projct n wen",),
            Kind.FIELD,
            "readmission-framework",
            "ran from February 2007 to February 2010",
        ),
        (
            ("ws there a film in any projct? who ws it for",),
            Kind.FIELD,
            "readmission-mechanisms",
            "potential migrants",
        ),
        # an order asked for is a superlative over all the projects, and the list's first one
        # can be followed up
        (("list the four projects from oldest to newest",), Kind.LIST, "readmission-framework", ""),
        (("перечисли проекты в хронологическом порядке",), Kind.LIST, "readmission-framework", ""),
        (
            ("list the four projects from oldest to newest", "tell me more about the first one"),
            Kind.PROJECT,
            "readmission-framework",
            "",
        ),
        # a year counted from an event of a named project: the event dates the list
        (
            (
                "which project ended the year after IOM signed the border checkpoints agreement"
                " with the EC delegation",
            ),
            Kind.LIST,
            "readmission-framework",
            "1 matching",
        ),
        # an organisation's full name, unless a project is described
        (("what's UKBA's full name",), Kind.FIELD, "sireada", "UK Border Agency (Home Office)"),
        (
            ("the FMS / IOM Moscow joint project launched sept 2009 - full name?",),
            Kind.FIELD,
            "readmission-mechanisms",
            "Development of Administrative Mechanisms",
        ),
        (
            (
                "in the readmission mechanisms project it says 'jointly implemented by IOM Moscow and"
                " FMS' - what's IOM short for?",
            ),
            Kind.FIELD,
            "readmission-mechanisms",
            "International Organization for Migration",
        ),
        # "did X work on Y?" answers where X worked; "did X pay for Y?" who paid for Y
        (
            ("did the uk border agncy work on the bordr checkpoints projct",),
            Kind.FIELD,
            "sireada",
            "is not named in Enhancement of Management",
        ),
        (
            ("did the German government also pay for the readmission mechanisms project?",),
            Kind.FIELD,
            "readmission-mechanisms",
            "",
        ),
        # "an official final beneficiary": an adjective, not officials
        (
            ("which projects had an official final beneficiary",),
            Kind.LIST,
            "border-checkpoints",
            "1 matching",
        ),
        # "another name for": how the two are linked
        (
            (
                "is the readmission mechanisms project just another name for the 2007-2010"
                " readmission programme?",
            ),
            Kind.FIELD,
            "readmission-mechanisms",
            "is a follow-up of",
        ),
    ],
)
def test_still_more_wordings_get_the_fact(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


def test_a_real_word_is_not_read_as_two_glued_words(engine: Engine) -> None:
    """ "without" is not "with out"; "studytours" is "study tours"."""
    words = [t.word for t in understand.parse(engine.index, "funded without studytours").tokens]
    assert words == ["funded", "without", "study", "tours"]


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # "не" negates in Russian, except in a polite "не подскажете"
        (("в каких проектах не участвовала ФМС",), Kind.LIST, "border-checkpoints", "(1)"),
        (("не подскажете, кто финансировал SIREADA?",), Kind.FIELD, "sireada", "ЕС"),
        # a negated topic lists the other projects
        (
            ("which projects were not about readmission",),
            Kind.LIST,
            "border-checkpoints",
            "1 matching",
        ),
        (("какие проекты вообще не касались реадмиссии",), Kind.LIST, "border-checkpoints", "(1)"),
        # each organisation in its own role: the FMS in any, the EU as the funder
        (
            ("which projects involved the FMS and were funded by the EU",),
            Kind.LIST,
            "readmission-framework",
            "3 matching",
        ),
        # "the other one" besides the one the question names
        (
            (
                "which two projects started in september 2009?",
                "the border one I know. tell me about the other one",
            ),
            Kind.PROJECT,
            "readmission-mechanisms",
            "",
        ),
        # "that earlier one": the project the one discussed followed on from
        (
            (
                "which project is described as a follow-up to an earlier programme?",
                "what was that earlier one called and when did it run?",
            ),
            Kind.FIELD,
            "readmission-framework",
            "",
        ),
        # "the second one" of two projects asked about side by side, with a field
        (
            ("Tell me about SIREADA and the 2007-2010 programme", "who funded the second one?"),
            Kind.FIELD,
            "readmission-framework",
            "Germany",
        ),
        # "in 2009 or later" includes 2009
        (("wich projcts startd in 2009 or later",), Kind.LIST, "border-checkpoints", "3 matching"),
        (
            ("which projects ended in 2010 or earlier",),
            Kind.LIST,
            "readmission-framework",
            "1 matching",
        ),
        # "each of the four projects": every project's funders
        (
            (
                "For a donor mapping exercise: who funded each of the four completed IOM Russia projects?",
            ),
            Kind.LIST,
            "sireada",
            "Finland",
        ),
        # "full forms": what the abbreviations stand for
        (
            ("IOM and RF in the readmission framework programme - full forms please",),
            Kind.FIELD,
            "readmission-framework",
            "International Organization for Migration",
        ),
        # "the EU-funded border checkpoints project" says which project, it asks no funders
        (
            ("what types of assistance did the EU-funded border checkpoints project provide?",),
            Kind.FIELD,
            "border-checkpoints",
            "Methodological, technical and institutional",
        ),
        # "a full two years": at least 24 months
        (
            ("did the border checkpoints project run for a full two years?",),
            Kind.FIELD,
            "border-checkpoints",
            "No.",
        ),
        # a component is shown with its label, in the answer's language
        (
            ("wich projct had a componnet on data sharring",),
            Kind.LIST,
            "border-checkpoints",
            "Component Four",
        ),
        (
            ("какой компонент проекта по пунктам пропуска касался международного сотрудничества",),
            Kind.FIELD,
            "border-checkpoints",
            "Компонент 3",
        ),
        # "адресован" is whom a film was for, not a request for an address
        (
            ("расскажи про проект с фильмом о торговле людьми", "а кому был адресован этот фильм?"),
            Kind.FIELD,
            "readmission-mechanisms",
            "путешественников",
        ),
    ],
)
def test_negations_roles_references_and_spans_are_read(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    "question",
    [
        "what is the weather in moldova",
        "whats the current visa regime btw russia and moldova",
        "какая погода в Молдове",
    ],
)
def test_a_country_with_words_no_project_uses_is_out_of_scope(
    engine: Engine, question: str
) -> None:
    """The country is known; what is asked about it is not: no project is offered."""
    kind, projects, _ = ask(engine, question)
    assert (kind, projects) == (Kind.OUT_OF_SCOPE, [])


def test_which_checkpoints_exactly_is_not_on_the_page(engine: Engine) -> None:
    kind, projects, text = ask(
        engine, "which border checkpoints exactly got upgraded in the rosgranitsa project?"
    )
    assert (kind, projects) == (Kind.NO_INFO, ["border-checkpoints"])
    assert "The page does not say where for Enhancement of Management" in text


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # Russian typed in Latin letters is read, and answered, in Russian
        (
            ("kakie proekty finansirovala Germaniya?",),
            Kind.LIST,
            "readmission-framework",
            "Подходят (1)",
        ),
        (("skolko dlilsya proekt SIREADA?",), Kind.FIELD, "sireada", "24 мес."),
        # the asker's own organisation is not what is asked about
        (
            (
                "Мне, как сотруднику Госпогранслужбы Украины, интересно: какую помощь оказывали"
                " задержанным мигрантам в рамках SIREADA?",
            ),
            Kind.FIELD,
            "sireada",
            "Гуманитарная помощь",
        ),
        (
            ("I work at the FMS - which projects were funded by Germany?",),
            Kind.LIST,
            "readmission-framework",
            "1 matching",
        ),
        # ... unless "we" make it the topic
        (
            ("as a representative of the FMS, which projects did we take part in?",),
            Kind.LIST,
            "readmission-framework",
            "3 matching",
        ),
        # "X or Y": projects with either
        (
            ("which projects dealt with readmission centres or their staff",),
            Kind.LIST,
            "readmission-framework",
            "2 matching",
        ),
        (
            ("which projects held technical meetings or seminars with european experts",),
            Kind.LIST,
            "readmission-mechanisms",
            "2 matching",
        ),
    ],
)
def test_transliteration_the_asker_and_alternatives_are_read(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


def test_held_lists_planned_ones_too_but_were_actually_held_does_not(engine: Engine) -> None:
    """ "which projects held study tours" asks which had them; "actually held" asks what took
    place (the mechanisms project only planned its tour)."""
    _, loose, _ = ask(engine, "which projects held study tours")
    _, strict, _ = ask(engine, "which projects had study tours that were actually held")
    assert sorted(loose) == ["readmission-framework", "readmission-mechanisms"]
    assert strict == ["readmission-framework"]


def test_an_english_question_is_not_read_as_transliterated_russian(engine: Engine) -> None:
    words = [t.word for t in understand.parse(engine.index, "wich projct startd in 2009").tokens]
    assert all(w.isascii() for w in words)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # "that" after an organisation's abbreviation: what it stands for
        (
            ("FMS in the readmission mechanisms project - what's that short for",),
            Kind.FIELD,
            "readmission-mechanisms",
            "FMS stands for Federal Migration Service",
        ),
        # an abbreviation the page uses but never spells out
        (
            ("what does EECA stand for in the readmission programme",),
            Kind.NO_INFO,
            "readmission-framework",
            "does not spell out EECA",
        ),
        # a list of every project is in the page's order, newest first; "the second one" is
        # the second shown
        (("list your projects",), Kind.LIST, "sireada", ""),
        (
            ("list your projects", "the second one - when did it end?"),
            Kind.FIELD,
            "border-checkpoints",
            "June 2011",
        ),
        # what happened when: the events dated then, whichever project they belong to
        (
            ("what happened in july 2009",),
            Kind.FIELD,
            "border-checkpoints",
            "July 2009: the Agreement",
        ),
        # colloquial Russian: "погран" is the border, "методички" manuals, "чем занимался" the
        # activities (a summary asked for too comes second)
        (
            ("погран проект: когда начался, когда закончился и кто конечный бенефициар?",),
            Kind.FIELD,
            "border-checkpoints",
            "Росграниц",
        ),
        (
            ("расскажи про программу 2007-2010", "а какие методички разработали?"),
            Kind.FIELD,
            "readmission-framework",
            "Двухтомное пособие",
        ),
        (
            ("чем занимался проект по механизмам реадмиссии? кратко плз",),
            Kind.FIELD,
            "readmission-mechanisms",
            "Мероприятия",
        ),
    ],
)
def test_abbreviations_orders_events_and_colloquial_russian(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("i'm a migrant in russia without papers, what should i do", Kind.OUT_OF_SCOPE),
        ("что мне делать, если у меня нет документов?", Kind.OUT_OF_SCOPE),
        ("any latest news on the EU-Russia readmission agreement?", Kind.OUT_OF_SCOPE),
    ],
)
def test_advice_and_news_are_not_project_questions(
    engine: Engine, question: str, kind: Kind
) -> None:
    got_kind, projects, _ = ask(engine, question)
    assert (got_kind, projects) == (kind, [])


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # "which IOM project were they part of": a project, not a programme
        (
            ("SBGS Ukraine — which IOM project were they part of and in what role?",),
            Kind.FIELD,
            "sireada",
            "government counterpart",
        ),
        # "which Russian agency": the organisations that took part
        (
            (
                "Legal and Administrative Framework for readmission agreements programme - which russian agency did IOM run it with",
            ),
            Kind.FIELD,
            "readmission-framework",
            "Federal Migration Service",
        ),
        # "address" the verb is no request for an address
        (
            ("THB — did any of the projects address it?",),
            Kind.LIST,
            "readmission-mechanisms",
            "1 matching",
        ),
        (
            ("did any project address trafficking",),
            Kind.LIST,
            "readmission-mechanisms",
            "trafficking",
        ),
        # what "how many" counts may come before it
        (
            ("IML courses - how many and who attended?",),
            Kind.FIELD,
            "readmission-framework",
            "Five International Migration Law (IML) training courses for senior and mid-level",
        ),
    ],
)
def test_parts_bodies_verbs_and_counts_are_read(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


def test_the_address_of_an_office_is_still_a_contact_request(engine: Engine) -> None:
    kind, _, text = ask(engine, "what is the address of IOM Moscow")
    assert kind is Kind.NO_INFO
    assert "contact details" in text


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # a year from a page that gives no month
        (
            ("in which month of 2007 was Rosgranitsa set up?",),
            Kind.NO_INFO,
            "border-checkpoints",
            "only the year, 2007",
        ),
        (
            ("в каком месяце создали Росграницу?",),
            Kind.NO_INFO,
            "border-checkpoints",
            "только год, 2007",
        ),
        # "N months before that one": counted from the project just discussed
        (
            (
                "which project had Rosgranitsa as its final beneficiary?",
                "and which project ended two months before that one did?",
            ),
            Kind.LIST,
            "readmission-mechanisms",
            "1 matching",
        ),
        # a weaker name is the other project compared, or the one a list is dated by
        (
            ("какой проект длился дольше — по КПП или по механизмам реадмиссии?",),
            Kind.LIST,
            "border-checkpoints",
            "",
        ),
        (
            ("какие проекты пересекались по времени с проектом по КПП?",),
            Kind.LIST,
            "readmission-framework",
            "(3)",
        ),
        # "any link to Germany" is any tie, and each tie is shown
        (
            ("projects with any link to Germany - and what was the link?",),
            Kind.LIST,
            "readmission-framework",
            "Germany: Government of Germany: funder; a study tour went there",
        ),
        # "in one way or another" is no topic and no "other project"
        (
            ("which projects dealt with voluntary return in one way or another",),
            Kind.LIST,
            "readmission-framework",
            "2 matching",
        ),
        # colloquial and transliterated Russian counts
        (("скока проектов у МОМ было с ФМС?",), Kind.COUNT, "readmission-framework", "три (3)"),
        (("sireada skolko stran uchastvovalo",), Kind.FIELD, "sireada", "три (3)"),
    ],
)
def test_dates_references_ties_and_counts_are_read(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # NGOs "from Moldova": the Moldovan NGO is shown beside its project
        (
            ("были ли в проектах МОМ неправительственные организации из Молдовы",),
            Kind.LIST,
            "sireada",
            "Институт уголовной реформы",
        ),
        (
            ("which projects had NGO partners from Moldova",),
            Kind.LIST,
            "sireada",
            "— Institute for Penal Reform (IPR)",
        ),
        # a list about funding shows each project's funders
        (
            ("which projects were not funded solely by the EU",),
            Kind.LIST,
            "readmission-framework",
            "Funders: European Commission (EC), Government of Germany and Government of Finland",
        ),
        # a superlative over the list just shown, then a field of the winner
        (
            ("which projects were active in 2010?", "the one that ended first - who paid for it?"),
            Kind.FIELD,
            "readmission-framework",
            "Germany",
        ),
    ],
)
def test_lists_show_what_was_asked_and_a_superlative_picks_from_the_last_one(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # numbered items: "component four", "the 4th component", "components 3 and 4"
        (
            ("component four of the border project?",),
            Kind.FIELD,
            "border-checkpoints",
            "Component Four: optimizing data sharing",
        ),
        (
            ("what was the 4th component of the border project",),
            Kind.FIELD,
            "border-checkpoints",
            "Component Four",
        ),
        (
            ("Enhancement of Management of the RF Border Checkpoints - components 3 and 4?",),
            Kind.FIELD,
            "border-checkpoints",
            "Component Three: strengthening international cooperation",
        ),
        # "it had 4 components, right?": how many there were, then all of them
        (
            ("the border checkpoints project had 4 components, right? what were they",),
            Kind.FIELD,
            "border-checkpoints",
            "Components (4)",
        ),
        # an event of one project compared with another project's dates: the event's date
        (
            (
                "readmission mechanisms project - did it start before or after IOM signed the border checkpoints agreement",
            ),
            Kind.FIELD,
            "readmission-mechanisms",
            "July 2009: the Agreement",
        ),
        # one of the last offer keeps the offer: "and the other one" three turns on
        (
            (
                "which two projects started in September 2009?",
                "which one was with Rosgranitsa?",
                "and the other one — who was its Russian partner?",
            ),
            Kind.FIELD,
            "readmission-mechanisms",
            "Federal Migration Service",
        ),
        # the verb next to the date says which end it dates
        (
            ("which projects run with the FMS started after 2008?",),
            Kind.LIST,
            "readmission-mechanisms",
            "2 matching",
        ),
    ],
)
def test_items_events_offers_and_dated_verbs_are_read(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


def test_what_happened_when_is_answered_in_the_middle_of_a_chat(engine: Engine) -> None:
    """A dated "what happened" question stands on its own, whatever was discussed before."""
    kind, projects, text = ask(
        engine, "kakie proekty finansirovala Germaniya?", "what happened in july 2009"
    )
    assert (kind, projects[0]) == (Kind.FIELD, "border-checkpoints")
    assert "July 2009: the Agreement" in text


@pytest.mark.parametrize(
    ("question", "first", "fragments"),
    [
        (
            "did rosgranitsa already exist when the border checkpoints agreement was signed",
            "border-checkpoints",
            ("2007: Rosgranitsa", "July 2009: the Agreement"),
        ),
        (
            "what came first - IOM signing the checkpoints agreement with the EC delegation, or"
            " the launch of the readmission mechanisms project?",
            "border-checkpoints",
            ("July 2009: the Agreement", "September 2009: the project was launched"),
        ),
    ],
)
def test_two_events_are_put_in_the_order_they_happened(
    engine: Engine, question: str, first: str, fragments: tuple[str, str]
) -> None:
    kind, projects, text = ask(engine, question)
    assert (kind, projects[0]) == (Kind.FIELD, first)
    assert "In the order they happened" in text
    assert text.index(fragments[0]) < text.index(fragments[1])


@pytest.mark.parametrize(
    ("question", "projects"),
    [
        # a date after an event's description belongs to the event: "after ... in July 2009"
        (
            "which projects began after IOM signed the agreement with the EC delegation in July 2009",
            ["border-checkpoints", "readmission-mechanisms", "sireada"],
        ),
        # "still going" once another project ended: active then
        ("once the border checkpoints project ended, which projects were still going", ["sireada"]),
    ],
)
def test_lists_dated_by_an_event_or_another_projects_end(
    engine: Engine, question: str, projects: list[str]
) -> None:
    kind, found, _ = ask(engine, question)
    assert (kind, sorted(found)) == (Kind.LIST, projects)


@pytest.mark.parametrize(
    ("question", "first", "fragment"),
    [
        (
            "the EU-Russia readmission agreement came into force in 2009, right?",
            "readmission-framework",
            "No. June 1, 2007",
        ),
        (
            "was the border checkpoints agreement signed in 2010?",
            "border-checkpoints",
            "No. July 2009",
        ),
        ("Rosgranitsa was created in 2007, right?", "border-checkpoints", "Yes. 2007: Rosgranitsa"),
        (
            "соглашение о реадмиссии вступило в силу в 2009 году, верно?",
            "readmission-framework",
            "Нет.",
        ),
    ],
)
def test_a_dated_claim_about_an_event_is_checked_against_the_page(
    engine: Engine, question: str, first: str, fragment: str
) -> None:
    """A tag question ("..., right?") is a yes/no question; the event's own date decides."""
    kind, projects, text = ask(engine, question)
    assert (kind, projects[0]) == (Kind.FIELD, first)
    assert fragment in text


def test_a_project_dated_by_its_period_still_gets_the_period_check(engine: Engine) -> None:
    kind, projects, text = ask(engine, "did SIREADA start in 2011?")
    assert (kind, projects[0]) == (Kind.FIELD, "sireada")
    assert "Yes. SIREADA ran from March 2011" in text


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # a country in a project: every tie, the study tour as well as the funding
        (
            (
                "germany in the 2007-2010 readmission programme - was it a donor or a study tour destination?",
            ),
            Kind.FIELD,
            "readmission-framework",
            "Study tours to the Netherlands, Germany and Austria",
        ),
        # "contribute" is no topic: the report IOM Baku co-wrote
        (("what did IOM Baku contribute",), Kind.FIELD, "readmission-framework", "Baku"),
        # "кто дал деньги": the funders, beside the beneficiary
        (
            ("кто был конечным бенефициаром проекта по пунктам пропуска и кто дал деньги?",),
            Kind.FIELD,
            "border-checkpoints",
            "Европейский союз",
        ),
        # "the last one" of a list ordered by start, and whom it coordinated with
        (
            (
                "list the projects in order of start date",
                "the last one - who did it coordinate with in russia?",
            ),
            Kind.FIELD,
            "sireada",
            "Ministry of Foreign Affairs",
        ),
        # the follow-up named in an answer is "that one" next
        (
            (
                "tell me about the 2007-2010 readmission programme",
                "what was its follow-up project called?",
                "when did that one end?",
            ),
            Kind.FIELD,
            "readmission-mechanisms",
            "April 2011",
        ),
        # "how many IML courses did the mechanisms project run": another project's five
        (
            ("how mny IML cources did the readmision mechanisms projct run",),
            Kind.FIELD,
            "readmission-framework",
            "Five",
        ),
        # "early 2010" is its first months, "how much earlier" no statistic, "how meny ppl" one
        (
            ("anything that wrapped up in early 2010?",),
            Kind.LIST,
            "readmission-framework",
            "1 matching",
        ),
        (("how meny ppl atended the IML trainig cources?",), Kind.NO_INFO, "", "no such numbers"),
    ],
)
def test_ties_follow_ups_and_spans_of_time(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # the "not" is for what follows it: the EU kept, Ukraine excluded
        (
            ("EU-funded projects that didn't involve Ukraine",),
            Kind.LIST,
            "border-checkpoints",
            "3 matching",
        ),
        (
            ("which projects did not involve the FMS",),
            Kind.LIST,
            "border-checkpoints",
            "1 matching",
        ),
        # who directed the film: a person, whom the page does not name
        (
            ("who directed the film made in the readmission mechanisms project",),
            Kind.NO_INFO,
            "readmission-mechanisms",
            "names no individual people",
        ),
    ],
)
def test_a_negation_excludes_what_follows_it_and_a_director_is_a_person(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("question", "fragment"),
    [
        (
            "how much time passed between the start of the framework programme and the start of SIREADA",
            "started in February 2007, SIREADA in March 2011: 49 months, just over four years later",
        ),
        (
            "сколько времени прошло между началом программы 2007-2010 и началом SIREADA?",
            "разница — 49 мес.",
        ),
        # the gap after one ended is still the gap
        (
            "how long was the gap between the end of the framework programme and the start of SIREADA",
            "SIREADA started in March 2011, 13 months after",
        ),
    ],
)
def test_the_time_between_two_starts_is_counted_from_start_to_start(
    engine: Engine, question: str, fragment: str
) -> None:
    kind, projects, text = ask(engine, question)
    assert kind is Kind.FIELD
    assert sorted(projects) == ["readmission-framework", "sireada"]
    assert fragment in text


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # a verb of travel asks where the study tours went, not which countries were covered
        (
            (
                "which project had study tours to the Netherlands?",
                "which other countries did they go to",
            ),
            Kind.FIELD,
            "readmission-framework",
            "Study tours to the Netherlands, Germany and Austria",
        ),
        (
            (
                "was Finland one of the study-tour destinations of the readmission framework programme?",
            ),
            Kind.FIELD,
            "readmission-framework",
            "Study tours to the Netherlands, Germany and Austria",
        ),
        # "just a study tour destination?": every role, the funder's too
        (
            (
                "which project had study tours to austria?",
                "so was germany just a study tour destination there?",
            ),
            Kind.FIELD,
            "readmission-framework",
            "Government of Germany in",
        ),
        # "BCP", the border crossing point of border management, is an alias of the project
        (
            ("RF BCP project — who was the final beneficiary?",),
            Kind.FIELD,
            "border-checkpoints",
            "Final beneficiary of",
        ),
        # Russian spelt by ear: unstressed vowels and a doubled letter
        (
            ("каккой праект был с расгранецей и кто его финансировал",),
            Kind.FIELD,
            "border-checkpoints",
            "Европейский союз",
        ),
        # a question that picks the project, and a second one asked about it
        (
            ("which project had study tours to austria and who paid for it",),
            Kind.FIELD,
            "readmission-framework",
            "three (3) funders",
        ),
        (
            ("какой проект был с ФМС и кто его финансировал",),
            Kind.LIST,
            "readmission-framework",
            "Подходят (3)",
        ),
        # ... but "the full name" is of what was asked about first
        (
            ("UKBA - which project were they in, and what's the full name",),
            Kind.FIELD,
            "sireada",
            "UKBA stands for UK Border Agency",
        ),
        # "ran until February 2013": it ended then; "from … to …" is one period
        (
            ("tell me about the project that ran until feb 2013",),
            Kind.PROJECT,  # one project found, and a description asked for: its card
            "sireada",
            "March 2011 – February 2013",
        ),
        (
            ("which project ran from sept 2009 to april 2011?",),
            Kind.LIST,
            "readmission-mechanisms",
            "1 matching",
        ),
        (
            ("проект, который шёл с сентября 2009 по апрель 2011",),
            Kind.LIST,
            "readmission-mechanisms",
            "Подходят (1)",
        ),
        (
            (
                "quick rundown of the EU project that ran sep 2009 to june 2011 pls",
                "and component 3?",
            ),
            Kind.FIELD,
            "border-checkpoints",
            "strengthening international cooperation",
        ),
        # the programme asked for comes first, and "that one" is it
        (
            (
                "which project ran from sept 2009 to april 2011?",
                "what earlier programme was it a follow-up to?",
                "when did that one end?",
            ),
            Kind.FIELD,
            "readmission-framework",
            "February 2010",
        ),
        # "со стороны Росграницы": a person, whom the page does not name
        (
            ("кто руководил проектом по пунктам пропуска со стороны Росграницы",),
            Kind.NO_INFO,
            "border-checkpoints",
            "не названы конкретные люди",
        ),
        # the "EC" of a quoted title is part of the title, not a topic
        (
            (
                "'Support to Implementation of EC Readmission Agreements ... Facilitation of"
                " Assisted Voluntary Return and Reintegration' - did it do anything for migrants"
                " in detention?",
            ),
            Kind.FIELD,
            "sireada",
            "Humanitarian assistance for migrant detainees",
        ),
        # "ran for 3 years" is a length to check
        (
            ("is it true sireada ran for 3 years?",),
            Kind.FIELD,
            "sireada",
            "No. SIREADA ran 24 months",
        ),
        # "how much later than X did Y start": start to start
        (
            ("how much later than the readmission mechanisms project did sireada start",),
            Kind.FIELD,
            "readmission-mechanisms",
            "SIREADA in March 2011: 18 months",
        ),
        # from a dated event to a project's start
        (
            ("how long after the EU-Russia readmission agreement took effect did sireada start",),
            Kind.FIELD,
            "sireada",
            "took effect (June 1, 2007); SIREADA started in March 2011: 45 months",
        ),
        (
            (
                "сколько месяцев прошло после вступления в силу соглашения о реадмиссии до начала SIREADA",
            ),
            Kind.FIELD,
            "sireada",
            "1 июня 2007; начало проекта SIREADA — март 2011: 45 мес. спустя",
        ),
        # the "not" excludes what is named after it, else what is named before it
        (("which projects involved ukraine but not belarus",), Kind.LIST, "sireada", "1 matching"),
        (("какие проекты работали в Молдове, но не в Украине?",), Kind.NOT_FOUND, "", "Ни один"),
        (
            ("projects running in 2009 that Finland did not fund",),
            Kind.LIST,
            "border-checkpoints",
            "2 matching",
        ),
        # "what else did it do": more of the same project
        (
            (
                "which project had study tours to the netherlands",
                "what else did it do for capacity building?",
            ),
            Kind.FIELD,
            "readmission-framework",
            "drafting the Federal Law",
        ),
        # personnel are staff; optimising is improving
        (
            ("which project planned trainings for readmission centre staff",),
            Kind.LIST,
            "readmission-mechanisms",
            "training programme for readmission centres personnel",
        ),
        (
            (
                "what did the readmission mechanisms project want to improve about readmission applications",
            ),
            Kind.FIELD,
            "readmission-mechanisms",
            "optimizing the workflow of readmission applications",
        ),
    ],
)
def test_travel_joined_questions_periods_and_negations_are_read(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("word", "meant"),
    [("праект", "проект"), ("расгранецей", "росграницей"), ("каккой", "какой")],
)
def test_russian_spelt_by_ear_is_read(engine: Engine, word: str, meant: str) -> None:
    """An unstressed vowel or a doubled letter wrong is read as the word that sounds the same."""
    assert engine.index.correct(word) == meant


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # an abbreviation asked about by name, beside another question
        (
            (
                "SIREADA was part of an 'EC thematic programme' - what's EC and which year's programme was it",
            ),
            Kind.FIELD,
            "sireada",
            "EC stands for European Commission.",
        ),
        (
            ("'EC thematic programme' - what does EC mean there and which project was part of it",),
            Kind.FIELD,
            "sireada",
            "part of the EC Thematic programme",
        ),
        (
            ("SBGS ukraine - what is it and which project",),
            Kind.FIELD,
            "sireada",
            "SBGS stands for",
        ),
        (
            ("in how many projects was the FMS involved, and what's FMS short for",),
            Kind.COUNT,
            "readmission-framework",
            "three (3) projects",
        ),
        # "besides the movie": the rest of the statement's group on the page
        (
            (
                "besides the movie, what else was the readmission mechanisms project's information"
                " campaign going to produce",
            ),
            Kind.FIELD,
            "readmission-mechanisms",
            "informational materials",
        ),
        # "the winter of 2010" is the one whose January is in 2010; "the start of January 2010"
        # is a time, not a project's start
        (
            ("anything that ended in the winter of 2010?",),
            Kind.LIST,
            "readmission-framework",
            "1 matching",
        ),
        (
            ("what was running at the start of january 2010?",),
            Kind.LIST,
            "border-checkpoints",
            "3 matching",
        ),
        # "which other ministry": another organisation of the same project
        (
            ("tell me about sireada", "which other Ukrainian ministry was there with them?"),
            Kind.FIELD,
            "sireada",
            "Ministry of Internal Affairs of Ukraine",
        ),
        # "в скольких странах": how many countries
        (("в скольких странах работал SIREADA",), Kind.FIELD, "sireada", "три (3)"),
        # a town named where the page has its adjective ("Псковский центр")
        (("Псков — что там было?",), Kind.FIELD, "readmission-framework", "Псковского центра"),
        # "same for X": the last question, of another project
        (
            ("who funded sireada", "same for the 2007-2010 programme"),
            Kind.FIELD,
            "readmission-framework",
            "three (3) funders",
        ),
        (
            ("кто финансировал SIREADA", "то же самое про программу 2007-2010"),
            Kind.FIELD,
            "readmission-framework",
            "Финлянд",
        ),
        # today's law is not the projects'
        (
            (
                "what does the current law on the legal status of foreign citizens say about migration registration?",
            ),
            Kind.OUT_OF_SCOPE,
            "",
            "not plans or news",
        ),
        # three words written together
        (
            ("bordercheckpointsproject whenstarted",),
            Kind.FIELD,
            "border-checkpoints",
            "ran from September 2009",
        ),
        # "how does X differ from Y": a weaker name of the other project is compared too
        (
            ("чем проект Росграницы отличается от программы по реадмиссии 2007-2010",),
            Kind.FIELD,
            "border-checkpoints",
            "Они шли одновременно",
        ),
        # "what kinds of people": the people, who are the nationals of the page
        (
            ("what kinds of people were returned under sireada",),
            Kind.FIELD,
            "sireada",
            "third-country nationals and own nationals",
        ),
    ],
)
def test_abbreviations_groups_seasons_and_repeated_questions_are_read(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


def test_an_abbreviation_is_expanded_only_as_the_organisation_it_names(engine: Engine) -> None:
    """ "EC" is the European Commission's short name, not its Delegation's."""
    _, _, text = ask(
        engine, "sireada is part of an 'EC Thematic programme' - is EC the european commission?"
    )
    assert "EC stands for European Commission." in text
    assert "stands for Delegation" not in text


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # "more than one country" is more than one, not one
        (
            ("which proj was implemented in more than one country",),
            Kind.LIST,
            "sireada",
            "1 matching",
        ),
        (
            ("how many projs launched in 2009",),
            Kind.COUNT,
            "border-checkpoints",
            "two (2) projects",
        ),
        # "у вас" is no topic
        (
            (
                "у вас был проект с Молдовой и Украиной, да?",
                "а кто был партнёром с российской стороны?",
            ),
            Kind.FIELD,
            "sireada",
            "Федеральная миграционная служба",
        ),
        (
            ("in sireada what is the 'EC' in 'EC Thematic programme'",),
            Kind.FIELD,
            "sireada",
            "EC stands for European Commission.",
        ),
        # "two years or more": at least two years
        (
            ("which projects lasted two years or more",),
            Kind.LIST,
            "readmission-framework",
            "2 matching",
        ),
        # "other donors" narrows a list to the projects with more than one; "no other" does not
        (
            ("which projects were funded by the EU?", "which of those had other donors too?"),
            Kind.LIST,
            "readmission-framework",
            "1 matching",
        ),
        (
            ("how many projects were funded by the EU alone, with no other donors?",),
            Kind.COUNT,
            "border-checkpoints",
            "three (3) projects",
        ),
        (("is IOM planning a follow-up to sireada?",), Kind.OUT_OF_SCOPE, "", "not plans or news"),
        # the page names the study, not the film
        (
            ("what was the movie from the readmission mechanisms project called",),
            Kind.NO_INFO,
            "readmission-mechanisms",
            "The page gives no title for that",
        ),
        (
            ("what was the snapshot study in the 2007-2010 programme called",),
            Kind.FIELD,
            "readmission-framework",
            "Snapshot Study on the Profiles",
        ),
        # "which EU member states": the kind of answer asked, which the page does not give
        (
            (
                "which EU member states sent experts to the readmission mechanisms project's technical meetings",
            ),
            Kind.NO_INFO,
            "readmission-mechanisms",
            "The page does not say where",
        ),
        # "what did X involve": what it consisted of, not who took part
        (
            ("what did the refurbishment of the Pskov readmission centre involve?",),
            Kind.FIELD,
            "readmission-framework",
            "refurbishment of the Don Migrant Accommodation Centre",
        ),
        # one project found for "what about …": described
        (
            (
                "what's the readmission mechanisms project about",
                "what about the other one that started that same month?",
            ),
            Kind.PROJECT,
            "border-checkpoints",
            "with Rosgranitsa",
        ),
        # "Rosgranitsa officers": the audience of the detail asked about "it"
        (
            ("which project had the english language course?", "was it for rosgranitsa officers?"),
            Kind.FIELD,
            "readmission-mechanisms",
            "is not named in",
        ),
        (
            ("что за проект SIREADA", "а гуманитарку кому давали?"),
            Kind.FIELD,
            "sireada",
            "Гуманитарная помощь задержанным мигрантам",
        ),
        # "куда возили": the project whose study tours went somewhere
        (
            ("куда возили наших чиновников на стажировки по реадмиссии?",),
            Kind.FIELD,
            "readmission-framework",
            "Нидерланды, Германию и Австрию",
        ),
        # a country's people name it ("the Finns", "финны")
        (
            ("which project did the finns pay for",),
            Kind.LIST,
            "readmission-framework",
            "1 matching",
        ),
    ],
)
def test_counts_of_countries_other_donors_titles_and_travel_are_read(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # "N years after that": a distance from the project just named, not a length
        (
            ("which project ended in feb 2010?", "which one ended exactly three years after that?"),
            Kind.LIST,
            "sireada",
            "1 matching",
        ),
        # "what is the 'EC Thematic programme'": the programme, not the abbreviation
        (
            ("what is the 'EC Thematic programme' that sireada was part of",),
            Kind.FIELD,
            "sireada",
            "cooperation with third countries",
        ),
        # "ещё продолжались, когда …": still running then
        (
            ("сколько проектов ещё продолжались, когда закончилась программа 2007–2010",),
            Kind.COUNT,
            "border-checkpoints",
            "два (2) проекта",
        ),
        # the years in brackets after a title are the title's
        (
            (
                "Assistance to the Government of the RF in Establishing Legal and Administrative"
                " Framework (2007-2010): who wrote the Brief Overview on Legislation and Law"
                " Enforcement Practices report",
            ),
            Kind.FIELD,
            "readmission-framework",
            "Moscow, Geneva, Vienna and Baku",
        ),
        # no final beneficiary named: whom the work was for
        (
            ("who actually benefited from sireada",),
            Kind.FIELD,
            "sireada",
            "Humanitarian assistance for migrant detainees",
        ),
        # "the four components": a number of a project's numbered statements
        (
            ("which project had the four components?",),
            Kind.LIST,
            "border-checkpoints",
            "1 matching",
        ),
        # "снимать": to film
        (
            (
                "у вас был проект с ФМС про реадмиссию, начатый в 2009, так?",
                "что там собирались снимать?",
            ),
            Kind.FIELD,
            "readmission-mechanisms",
            "фильм",
        ),
        # what the asker is doing is not what is asked
        (
            (
                "Good afternoon. I am compiling an overview of migration cooperation with Moldova."
                " Which project ran from September 2009 to April 2011?",
            ),
            Kind.LIST,
            "readmission-mechanisms",
            "1 matching",
        ),
    ],
)
def test_offsets_bracketed_years_item_counts_and_preambles_are_read(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # "want to achieve": an aim, not a result
        (
            ("what did sireada want to achieve for voluntary returnees",),
            Kind.FIELD,
            "sireada",
            "sustainable reintegration",
        ),
        # the project with the four components, described when asked about
        (
            ("tell me about the project with the four components", "what was component three"),
            Kind.FIELD,
            "border-checkpoints",
            "international cooperation",
        ),
        (
            (
                "tell me about the eu project that ran sep 2009 to june 2011",
                "what were the 4 components",
            ),
            Kind.FIELD,
            "border-checkpoints",
            "Component Four",
        ),
        # "поддерживала": supported
        (
            ("какие центры поддерживала программа 2007–2010",),
            Kind.FIELD,
            "readmission-framework",
            "Псковского центра",
        ),
        # "in realisation": running; "прошу сообщить" is politeness; "начато": started
        (
            ("what projects was in realisation in january 2010?",),
            Kind.LIST,
            "border-checkpoints",
            "3 matching",
        ),
        (
            ("Прошу сообщить, реализация каких проектов была завершена в 2011 году",),
            Kind.LIST,
            "border-checkpoints",
            "Подходят (2)",
        ),
        (
            ("сколько проектов было начато в 2009 году",),
            Kind.COUNT,
            "border-checkpoints",
            "два (2)",
        ),
        # a season with no year: its months in any year
        (
            ("which programms was finished in winter time",),
            Kind.LIST,
            "readmission-framework",
            "2 matching",
        ),
        (("was sireada running in winter?",), Kind.FIELD, "sireada", "Yes."),
        # "the most long duration": the longest, and when it ran
        (
            ("which projct had the most long duration",),
            Kind.FIELD,
            "readmission-framework",
            "from February 2007 to February 2010",
        ),
        # a filter alone, or "the ones", narrows the list just shown
        (
            ("list the projects involving the FMS", "and before 2010?"),
            Kind.LIST,
            "readmission-framework",
            "2 matching",
        ),
        (
            ("which projects were funded by the EU?", "only the ones funded by the EU alone pls"),
            Kind.LIST,
            "border-checkpoints",
            "3 matching",
        ),
        # "to which countries": where the study tours went
        (
            ("which project had study tours that actually took place?", "to which countries"),
            Kind.FIELD,
            "readmission-framework",
            "Netherlands, Germany and Austria",
        ),
        # "which one had the most donors", asked first
        (
            ("which one had the most donors",),
            Kind.FIELD,
            "readmission-framework",
            "the most funders (3)",
        ),
    ],
)
def test_aims_seasons_narrowed_lists_and_superlatives_are_read(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # the statements the page groups ("analytical materials"), and "the analytical work"
        (
            (
                "info on the project with the specialised english course pls",
                "what analytical work was planned?",
            ),
            Kind.FIELD,
            "readmission-mechanisms",
            "needs assessment reports",
        ),
        # the full name of the organisation the question names, not of the project
        (
            ("EC delegation in the border checkpoints project - full name pls",),
            Kind.FIELD,
            "border-checkpoints",
            "Delegation of the European Commission to Russia",
        ),
        (
            ("what's the full name of the EC thematic programme sireada belonged to",),
            Kind.FIELD,
            "sireada",
            "migration and asylum",
        ),
        # "всего проектов": in all, not "the most"
        (
            ("скока всего проектов финансировал евросоюз?",),
            Kind.COUNT,
            "border-checkpoints",
            "четыре (4)",
        ),
        # a person heading an organisation; jobs today
        (("кто руководил ФМС в 2010 году?",), Kind.NO_INFO, "", "не названы конкретные люди"),
        (
            ("МОМ сейчас набирает сотрудников в Москве?",),
            Kind.OUT_OF_SCOPE,
            "",
            "не планы или новости",
        ),
        # "погранцы": border guards
        (
            ("а чё, был проект с погранцами? кто там партнёр с российской стороны",),
            Kind.FIELD,
            "border-checkpoints",
            "Росграниц",
        ),
        # each date with its own verb: started then, ended then
        (
            ("eu money, kicked off sept 2009 and wrapped up june 2011 - which project is that?",),
            Kind.LIST,
            "border-checkpoints",
            "1 matching",
        ),
        # "NO" in capitals is a word, not Norway
        (("wich projcts had NO german funding",), Kind.LIST, "border-checkpoints", "3 matching"),
        # "2009–2011" for one project: the one that began in 2009 and ended in 2011
        (
            ("проект ЕС, 2009–2011, вместе с ФМС — это какой?",),
            Kind.FIELD,
            "readmission-mechanisms",
            "сентябрь 2009 – апрель 2011",
        ),
    ],
)
def test_groups_full_names_totals_and_dated_ends_are_read(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # "in the year X finished": the same year as X's end
        (
            ("which project started in the year the border checkpoints project finished",),
            Kind.LIST,
            "sireada",
            "1 matching",
        ),
        # "more then one" (sic)
        (
            ("wich projcts were implemented by iom missions in more then one country",),
            Kind.LIST,
            "sireada",
            "1 matching",
        ),
        # "quick q -": no topic
        (
            ("quick q - who signed the agreement with the EC delegation in july 2009?",),
            Kind.FIELD,
            "border-checkpoints",
            "July 2009",
        ),
        # "is FMS the final beneficiary": a role asked about, not what FMS stands for
        (
            ("is the FMS the final beneficiary of the border checkpoints project?",),
            Kind.FIELD,
            "border-checkpoints",
            "Rosgranitsa",
        ),
        # "кто заключил контракт": who contracted IOM
        (
            (
                "что за проект по пунктам пропуска?",
                "а кто его финансировал и кто заключил контракт с МОМ?",
            ),
            Kind.FIELD,
            "border-checkpoints",
            "Представительство Европейской комиссии",
        ),
        # nothing but "it" to go on: what the page says of the thing just asked about (the
        # movie), and that it was a plan
        (
            ("which project had a movie?", "thx. was it actually made?"),
            Kind.FIELD,
            "readmission-mechanisms",
            "(planned)",
        ),
        (
            ("tell me about the readmission mechanisms project", "thx. was it actually done?"),
            Kind.PROJECT,
            "readmission-mechanisms",
            "",
        ),
        (
            ("list all four projects with their years",),
            Kind.LIST,
            "sireada",
            "March 2011 – February 2013",
        ),
    ],
)
def test_years_of_events_fillers_roles_and_bare_follow_ups_are_read(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # a study tour asked to a country it did not go to: where the tours went
        (
            (
                "was there a study tour to finland in the readmission framework programme?"
                " finland was involved somehow right",
            ),
            Kind.FIELD,
            "readmission-framework",
            "Netherlands, Germany and Austria",
        ),
        # a country's role across the projects: every tie it had
        (
            ("what was germany's role in these IOM projects",),
            Kind.LIST,
            "readmission-framework",
            "Germany: Government of Germany: funder; a study tour went there",
        ),
    ],
)
def test_a_country_across_projects_and_tours_it_did_not_get(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # a range of months in one year: every month of it
        (("what was running june–august 2011?",), Kind.LIST, "border-checkpoints", "SIREADA"),
        (("какие проекты шли с июня по август 2011 года?",), Kind.LIST, "border-checkpoints", ""),
        # "concluded", "completion": the end; "позднее": after
        (
            ("Kindly advise whether any of the projects was concluded in the summer of 2011.",),
            Kind.LIST,
            "border-checkpoints",
            "June 2011",
        ),
        (
            (
                "Просьба предоставить информацию о том, какие проекты завершились позднее 2011 года.",
            ),
            Kind.PROJECT,
            "sireada",
            "",
        ),
        # "the greatest number of": the most
        (
            ("Kindly advise which of the projects had the greatest number of donors.",),
            Kind.FIELD,
            "readmission-framework",
            "Finland",
        ),
        # "the year immediately following the completion of X": a year later than its end,
        # asked after a polite "kindly advise"
        (
            (
                "Kindly advise which project was launched in the year immediately following the"
                " completion of the readmission framework programme.",
            ),
            Kind.LIST,
            "sireada",
            "March 2011",
        ),
        (
            ("which project ended the year preceding the start of SIREADA",),
            Kind.LIST,
            "readmission-framework",
            "",
        ),
        # projects talked about one at a time: "the first one", "the two", "the shorter one"
        (
            (
                "when did the 2007-2010 programme end?",
                "and sireada?",
                "ok, and the first one - who was it implemented with?",
            ),
            Kind.FIELD,
            "readmission-framework",
            "Federal Migration Service",
        ),
        (
            (
                "tell me about the 2007-2010 programme",
                "and the border checkpoints project?",
                "which of the two lasted longer?",
            ),
            Kind.LIST,
            "readmission-framework",
            "15 months longer",
        ),
        (
            (
                "tell me about the 2007-2010 programme",
                "and the border checkpoints project?",
                "which of the two lasted longer?",
                "how many months did the shorter one last?",
            ),
            Kind.FIELD,
            "border-checkpoints",
            "22 months",
        ),
        # the size of a difference between the two projects of a list
        (
            (
                "which projects ended in 2011?",
                "which of those lasted longer?",
                "by how many months?",
            ),
            Kind.FIELD,
            "border-checkpoints",
            "2 months longer",
        ),
        # a detail of the project the named one followed up on
        (
            (
                "the programme that the readmission mechanisms project followed up on — what did"
                " it do for the Don centre?",
            ),
            Kind.FIELD,
            "readmission-framework",
            "refurbishment",
        ),
    ],
)
def test_month_ranges_relative_years_and_projects_discussed_in_turn(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # a statistic asked for by name, a person in charge by surname, a project's rating
        (
            (
                "Kindly provide statistics on the number of third-country nationals accommodated"
                " at the Pskov Readmission Centre.",
            ),
            Kind.NO_INFO,
            "",
            "no such numbers",
        ),
        (
            (
                "Просьба сообщить фамилию ответственного лица Росграницы по проекту в области"
                " пунктов пропуска.",
            ),
            Kind.NO_INFO,
            "border-checkpoints",
            "не названы конкретные люди",
        ),
        (
            ("какую оценку получил проект по административным механизмам на итоговой оценке?",),
            Kind.NO_INFO,
            "readmission-mechanisms",
            "",
        ),
        # ... but the page's needs assessments are no rating
        (
            ("какие оценки потребностей планировались?",),
            Kind.FIELD,
            "readmission-mechanisms",
            "оценк",
        ),
        # the same missing thing asked again of a place or another project
        (
            (
                "what did sireada do",
                "how many migrants were returned under it?",
                "ok and in moldova specifically?",
            ),
            Kind.NO_INFO,
            "sireada",
            "no such numbers",
        ),
        (
            ("how much did SIREADA cost?", "and the border project?"),
            Kind.NO_INFO,
            "border-checkpoints",
            "no budgets",
        ),
        # a public body the page never mentions: no project with it
        (
            ("which project did IOM run with the Russian Ministry of Health?",),
            Kind.NOT_FOUND,
            "",
            "“Ministry of Health”",
        ),
        (
            ("which project worked with the Federal Customs Service?",),
            Kind.NOT_FOUND,
            "",
            "Federal Customs Service",
        ),
        (
            ("какой проект МОМ реализовывал с Министерством здравоохранения?",),
            Kind.NOT_FOUND,
            "",
            "Министерством здравоохранения",
        ),
        # ... and known bodies, however written, still are
        (
            ("в каких проектах участвовала пограничная служба Украины",),
            Kind.LIST,
            "sireada",
            "",
        ),
        (
            ("which project worked with the ministry of foriegn affairs?",),
            Kind.LIST,
            "sireada",
            "",
        ),
        # a country typed in Latin letters in a Russian question
        (("kakie proekty finansirovala Finlyandiya?",), Kind.LIST, "readmission-framework", ""),
        # a project half-remembered with a wrong country: the one described, corrected
        (
            ("what's UKBA in that returns project with belarus and ukraine",),
            Kind.FIELD,
            "sireada",
            "None of the projects I know took place in or involved Belarus.",
        ),
        # ... but a country that is the whole point stays unanswered
        (("IOM project in Armenia on border management?",), Kind.NOT_FOUND, "", "Armenia"),
        # whom a study tour was for is no topic: both projects with tours
        (
            ("which projects included a study tour for russian officials",),
            Kind.LIST,
            "readmission-framework",
            "Development of Administrative Mechanisms",
        ),
    ],
)
def test_missing_things_unknown_bodies_and_half_remembered_descriptions(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # a project left out: "apart from", "кроме"
        (
            ("apart from SIREADA, which projects were funded by the EU",),
            Kind.LIST,
            "border-checkpoints",
            "3 matching",
        ),
        (("кроме SIREADA, какие проекты финансировал ЕС?",), Kind.LIST, "border-checkpoints", ""),
        (
            ("apart from the 2007-2010 programme, did germany fund any other project?",),
            Kind.NOT_FOUND,
            "",
            "",
        ),
        # every month of a year
        (
            ("which projects were active for the whole of 2010",),
            Kind.LIST,
            "border-checkpoints",
            "2 matching",
        ),
        (("какие проекты шли весь 2010 год?",), Kind.LIST, "border-checkpoints", "(2)"),
        # the projects a list left out
        (
            ("which projects involved moldova?", "and which ones didn't?"),
            Kind.LIST,
            "border-checkpoints",
            "3 matching",
        ),
        (
            (
                "which projects involved the FMS?",
                "what about the rest - who was the russian partner there?",
            ),
            Kind.FIELD,
            "border-checkpoints",
            "Rosgranitsa",
        ),
        # "les then", "в один и тот же месяц", "is there a project where both …"
        (("wich projcts lastd les then 2 years",), Kind.LIST, "border-checkpoints", "2 matching"),
        (
            ("какие проекты начались в один и тот же месяц?",),
            Kind.LIST,
            "border-checkpoints",
            "сентябрь 2009",
        ),
        (
            ("is there a project where both Rosgranitsa and the FMS took part?",),
            Kind.NOT_FOUND,
            "",
            "",
        ),
        (("есть ли проект, в котором участвовали и Росграница, и ФМС?",), Kind.NOT_FOUND, "", ""),
    ],
)
def test_exceptions_whole_periods_the_rest_and_both(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # "that same programme": the one just discussed, compared with nothing
        (
            (
                "which project had the snapshot study on irregular russian migrants?",
                "did that same programme do anything involving baku?",
            ),
            Kind.LIST,
            "readmission-framework",
            "Baku",
        ),
        # ... but "that same month" still compares dates
        (
            (
                "tell me about the border checkpoints project",
                "and the other one that started that same month?",
            ),
            Kind.LIST,
            "readmission-mechanisms",
            "",
        ),
        # a file asked for; "any link to Germany" is a tie, not a file
        (
            ("can you send me the pdf of the two-volume readmission manual",),
            Kind.NO_INFO,
            "",
            "can't send documents",
        ),
        (
            ("projects with any link to Germany - and what was the link?",),
            Kind.LIST,
            "readmission-framework",
            "",
        ),
        # a place's present state
        (
            ("is the pskov readmission centre still operating today?",),
            Kind.OUT_OF_SCOPE,
            "",
            "completed projects",
        ),
        # "among": no topic
        (
            ("among the projects the FMS took part in, which started last",),
            Kind.LIST,
            "sireada",
            "",
        ),
        # one funder only; a funder other than the EU, in Russian
        (
            ("which projects were funded by the EU?", "and of those, which had no other funder?"),
            Kind.LIST,
            "border-checkpoints",
            "3 matching",
        ),
        (
            (
                "какие проекты финансировал ЕС?",
                "а какой из них финансировал ещё кто-то, кроме ЕС? кто именно?",
            ),
            Kind.LIST,
            "readmission-framework",
            "Финлянд",
        ),
    ],
)
def test_that_same_files_present_states_and_single_funders(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # what a numbered statement was for: the statement
        (
            (
                "Enhancement of Management of the Russian Federation Border Checkpoints: what was"
                " the objective of Component Four?",
            ),
            Kind.FIELD,
            "border-checkpoints",
            "data",
        ),
        # "the EU-funded project that …" only says which project
        (
            ("Please summarise the EU-funded project that ran from September 2009 to June 2011.",),
            Kind.PROJECT,
            "border-checkpoints",
            "",
        ),
        # the full name of an organisation, not of the project named beside it
        (
            ("in the mechanisms project, what is the full name of the FMS?",),
            Kind.FIELD,
            "readmission-mechanisms",
            "Federal Migration Service",
        ),
        # initials the page does not use: UKBA, SBGS
        (("what is UKBA?",), Kind.FIELD, "sireada", "UK Border Agency"),
        (
            (
                "For my thesis chapter on the institutional framework of readmission, I need to"
                " know in which of the completed IOM projects the SBGS of Ukraine took part as a"
                " governmental counterpart.",
            ),
            Kind.LIST,
            "sireada",
            "",
        ),
        # an organisation alone, when an aside about it matches no statement
        (
            (
                "Kindly advise in which of the completed IOM projects the UKBA, which we"
                " understand to be a unit of the Home Office, took part as a cooperating body.",
            ),
            Kind.LIST,
            "sireada",
            "",
        ),
        # "non-governmental" written in two words
        (
            ("SIREADA - which non-governmental organisations of Ukraine took part in it?",),
            Kind.FIELD,
            "sireada",
            "Chernihiv",
        ),
    ],
)
def test_numbered_statements_initials_and_organisations_described(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # "the germany/finland co-funded programme" only says which; both abbreviations
        (
            ("IOM and IML in the germany/finland co-funded programme - full forms?",),
            Kind.FIELD,
            "readmission-framework",
            "International Migration Law",
        ),
        # ... but "the finnish government co-funded SIREADA, right?" asks about funding
        (
            ("the finnish government co-funded SIREADA, right?",),
            Kind.FIELD,
            "sireada",
            "",
        ),
        # "all four" with the project word left out
        (("funders of all four - one line each",), Kind.LIST, "sireada", "Finland"),
        # a project described by its countries as what a date is measured from
        (
            ("which one kicked off the year after the germany/finland programme wrapped up",),
            Kind.LIST,
            "sireada",
            "March 2011",
        ),
        # an organisation alone names no event: "the Rosgranitsa project ended" is its end
        (
            ("which projects started after the rosgranitsa project ended?",),
            Kind.NOT_FOUND,
            "",
            "",
        ),
        # "main", "основные": no topic
        (
            ("quick rundown of the checkpoints thing signed with the EC delegation", "main goals?"),
            Kind.FIELD,
            "border-checkpoints",
            "institutional",
        ),
        (
            (
                "Какой проект был реализован в партнёрстве с Росграницей?",
                "Просьба сообщить, в чём заключались его основные цели.",
            ),
            Kind.FIELD,
            "border-checkpoints",
            "институц",
        ),
        # an organisation asked about right after one project was shown: in that project,
        # also through a body that is part of it
        (
            ("which project had four components?", "was the EC involved?"),
            Kind.FIELD,
            "border-checkpoints",
            "Delegation of the European Commission",
        ),
    ],
)
def test_descriptions_by_country_bare_follow_ups_and_parts_of_bodies(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # "методические материалы" are manuals (not the methods of "методическая помощь")
        (
            (
                "Какие учебные и методические материалы были разработаны в рамках программы"
                " 2007–2010 годов?",
            ),
            Kind.FIELD,
            "readmission-framework",
            "пособие",
        ),
        # the words of a quoted title are no topic, though some were changed
        (
            (
                "«Содействие Правительству Российской Федерации в создании правовой и"
                " административной базы для реализации соглашений о реадмиссии» — какие учебные"
                " материалы там подготовили?",
            ),
            Kind.FIELD,
            "readmission-framework",
            "пособие",
        ),
        # "после окончания": after the end
        (
            ("сколько проектов начались уже после окончания программы 2007–2010",),
            Kind.COUNT,
            "sireada",
            "",
        ),
        # "проект, где …" describes a project; "рассчитан на" asks whom for
        (
            ("проект, где снимали фильм — на кого был рассчитан фильм?",),
            Kind.FIELD,
            "readmission-mechanisms",
            "мигрант",
        ),
        # the Nth statement of the project a number of statements describes
        (
            ("the project with four components — what was the fourth one?",),
            Kind.FIELD,
            "border-checkpoints",
            "data sharing",
        ),
        # a project found by its relation to the one named, and the field asked of it
        (
            (
                "the project that kicked off in the same month as the readmission mechanisms"
                " one — who was its final beneficiary?",
            ),
            Kind.FIELD,
            "border-checkpoints",
            "Rosgranitsa",
        ),
    ],
)
def test_manuals_quoted_titles_relative_descriptions_and_nth_statements(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # where the asker works is no country asked about
        (
            (
                "hi! we run AVRR in Kazakhstan and work a lot with our border guards. SBGS"
                " Ukraine (State Border Guard Service) - which of your projects were they in?",
            ),
            Kind.LIST,
            "sireada",
            "",
        ),
        (
            (
                "Здравствуйте, я из МОМ в Казахстане. Псковский центр реадмиссии — какая помощь ему оказывалась?",
            ),
            Kind.FIELD,
            "readmission-framework",
            "",
        ),
        # ... but a migrant's own country is no asker's mission
        (
            (
                "im in moscow and want to go home to tajikistan, how do I apply for voluntary return right now?",
            ),
            Kind.NOT_FOUND,
            "",
            "",
        ),
        # claims to check: a duration, a number of people, a number of projects or partners
        (
            ("true or false: the border checkpoints project lasted 24 months",),
            Kind.FIELD,
            "border-checkpoints",
            "No. ",
        ),
        (
            ("can you confirm the 2007-2010 readmission programme lasted exactly three years?",),
            Kind.FIELD,
            "readmission-framework",
            "37 months",
        ),
        (
            (
                "I read the SIREADA project helped 500 migrants return home. can you confirm the number?",
            ),
            Kind.NO_INFO,
            "sireada",
            "",
        ),
        (
            ("is it correct that only two of the four projects were funded by the EU?",),
            Kind.COUNT,
            "border-checkpoints",
            "four (4)",
        ),
        (
            ("I read that SIREADA worked with two NGOs - right?",),
            Kind.FIELD,
            "sireada",
            "three (3)",
        ),
        # the middle of a year
        (("what was still running in mid-2012?",), Kind.LIST, "sireada", ""),
    ],
)
def test_the_askers_own_country_claims_to_check_and_mid_year(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # the body an organisation belongs to: its full name says it
        (
            ("in SIREADA, the UK Border Agency - which government body was it part of?",),
            Kind.FIELD,
            "sireada",
            "Home Office",
        ),
        # the list just shown, counted or listed again; the statements just shown, counted
        (
            ("what projects ended in 2011?", "how many?"),
            Kind.COUNT,
            "border-checkpoints",
            "two (2)",
        ),
        (
            ("what were the components of the border checkpoints project?", "how many were there?"),
            Kind.FIELD,
            "border-checkpoints",
            "(4)",
        ),
        (
            (
                "which project planned a movie and informational materials?",
                "how many projects had something like that?",
            ),
            Kind.COUNT,
            "readmission-mechanisms",
            "one (1)",
        ),
        (
            ("какие проекты шли в 2011 году?", "перечисли их"),
            Kind.LIST,
            "border-checkpoints",
            "(3)",
        ),
        # "which other projects": not the one just discussed
        (
            ("tell me about SIREADA", "which other projects were funded by the EU too?"),
            Kind.LIST,
            "border-checkpoints",
            "3 matching",
        ),
        # a correction: not the project just discussed
        (
            (
                "кто финансировал проект по пунктам пропуска?",
                "ой, нет, я имела в виду программу, которую софинансировали Германия и"
                " Финляндия. когда она закончилась?",
            ),
            Kind.FIELD,
            "readmission-framework",
            "2010",
        ),
    ],
)
def test_parent_bodies_counts_of_what_was_shown_others_and_corrections(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # "X is short for …": X spelt out
        (
            ("true or false: Rosgranitsa is short for the Federal Border Guard Service",),
            Kind.FIELD,
            "border-checkpoints",
            "Federal Agency for the Development",
        ),
        # "set up in 2009" dates an establishment ("set up to do" asks the aims)
        (
            (
                "is it right that Rosgranitsa was set up in 2009, the same year the checkpoints"
                " project started?",
            ),
            Kind.FIELD,
            "border-checkpoints",
            "2007",
        ),
        (
            ("what was the readmission framework programme actually set up to do? its aims",),
            Kind.FIELD,
            "readmission-framework",
            "platform",
        ),
        # a list question beside a claim about its answer: the list settles it
        (
            ("which projects mention third-country nationals? only sireada, right?",),
            Kind.LIST,
            "readmission-framework",
            "3 matching",
        ),
        (
            ("какие проекты финансировал только Евросоюз — верно, что все четыре?",),
            Kind.LIST,
            "border-checkpoints",
            "(3)",
        ),
        # ... but "which one was it?" needs the claim
        (
            ("I read IOM Russia also had a project in Belarus - which one was it?",),
            Kind.NOT_FOUND,
            "",
            "Belarus",
        ),
        # "named a final beneficiary": mentioned one; a partner's note shown with its name
        (
            ("which projects named a final beneficiary? I read all of them did",),
            Kind.LIST,
            "border-checkpoints",
            "(Rosgranitsa): both the project partner and the final beneficiary",
        ),
    ],
)
def test_short_for_set_up_and_list_questions_beside_claims(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # "just by the EU" is "solely"; "yr" is "year"
        (("wich projcts wernt funded just by the eu",), Kind.LIST, "readmission-framework", ""),
        (
            ("which projct began the same yr the border check points proj ended",),
            Kind.LIST,
            "sireada",
            "",
        ),
        # "it" after a follow-up answer is the follow-up
        (
            (
                "which project was the follow-up to the 2007-2010 programme?",
                "it was funded by germany too, right?",
            ),
            Kind.FIELD,
            "readmission-mechanisms",
            "European Union",
        ),
        # "only" is about the funder, not about the partner named beside it
        (
            ("which projects were implemented with the FMS and funded only by the EU?",),
            Kind.LIST,
            "readmission-mechanisms",
            "2 matching",
        ),
        # the asker's own plans are no question about the future
        (
            (
                "we are planning something similar in Turkmenistan - was the English course for"
                " FMS officials in the readmission mechanisms project actually delivered or only"
                " planned?",
            ),
            Kind.FIELD,
            "readmission-mechanisms",
            "planned",
        ),
    ],
)
def test_just_by_follow_up_it_funder_only_and_the_askers_plans(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # a yes/no question after the title it is about
        (
            (
                "Development of Administrative Mechanisms in Support of Readmission of Migrants in"
                " the RF - did it run for less than two years?",
            ),
            Kind.FIELD,
            "readmission-mechanisms",
            "20 months",
        ),
        # "by how much": a difference, no statistic
        (
            (
                "which lasted longer, the readmission framework programme or SIREADA, and by how much",
            ),
            Kind.LIST,
            "readmission-framework",
            "13 months longer",
        ),
        # quarters and halves of a year
        (("which projects were active in Q3 2011",), Kind.LIST, "sireada", "1 matching"),
        (
            ("какие проекты шли во втором полугодии 2010 года?",),
            Kind.LIST,
            "border-checkpoints",
            "(2)",
        ),
        # a day the page does not give: the month it gives
        (
            ("on wat exact day did the bordr chekpoint projct start?",),
            Kind.NO_INFO,
            "border-checkpoints",
            "September 2009",
        ),
        # ... though an event's day is on the page
        (
            ("on what day did the EU-Russia readmission agreement take effect?",),
            Kind.FIELD,
            "readmission-framework",
            "June 1, 2007",
        ),
        # what happens next or became of something later is not on the page
        (("when will the next phase of SIREADA start?",), Kind.OUT_OF_SCOPE, "", ""),
        (("when was rosgranitsa dissolved?",), Kind.OUT_OF_SCOPE, "", ""),
        # "whats that" spells out what was named; a second ask about time answered too
        (
            ("UKBA in SIREADA - whats that, and what were the project dates",),
            Kind.FIELD,
            "sireada",
            "March 2011 to February 2013",
        ),
        (
            ("what does AVRR mean in SIREADA, and did SIREADA last at least two years?",),
            Kind.FIELD,
            "sireada",
            "24 months",
        ),
        # ... but "что это за проект?" asks which project
        (
            ("спецкурс английского для сотрудников ФМС по реадмиссии - что это за проект?",),
            Kind.FIELD,
            "readmission-mechanisms",
            "",
        ),
    ],
)
def test_title_then_yes_no_parts_of_years_days_and_whats_that(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # three fields asked at once
        (
            (
                "кто реализовывал проект по механизмам реадмиссии, кто его финансировал и"
                " сколько он длился",
            ),
            Kind.FIELD,
            "readmission-mechanisms",
            "Европейск",
        ),
        # a numbered statement and another field
        (
            ("wats component 4 of the borde projct about and who was the final benificiary",),
            Kind.FIELD,
            "border-checkpoints",
            "Rosgranitsa",
        ),
        # "каждый" is no topic
        (
            ("какие проекты закончились в 2011 году и в каком месяце каждый",),
            Kind.LIST,
            "border-checkpoints",
            "июнь 2011",
        ),
    ],
)
def test_several_fields_at_once_and_each(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # "why" about a project: its background on the page
        (
            (
                "Enhancement of management of the RF border checkpoints - why did IOM get"
                " involved in the first place",
            ),
            Kind.FIELD,
            "border-checkpoints",
            "keen interest",
        ),
        (
            ("у вас был проект с Росграницей?", "почему он понадобился и кто его финансировал?"),
            Kind.FIELD,
            "border-checkpoints",
            "интерес",
        ),
    ],
)
def test_why_a_project_was_needed(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # the one project a list left out, listed; then counted
        (
            ("which projects ran in 2010?", "and which ones did not?"),
            Kind.LIST,
            "sireada",
            "1 matching",
        ),
        (
            ("which projects ran in 2010?", "and which ones did not?", "how many?"),
            Kind.COUNT,
            "sireada",
            "one (1)",
        ),
    ],
)
def test_the_one_project_left_out_listed_then_counted(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # a list, then its items one at a time: "the first one" keeps the field just asked
        (
            (
                "what projects do you know?",
                "tell me about the second one",
                "who funded it?",
                "and the first one?",
            ),
            Kind.FIELD,
            "sireada",
            "funded by the European Union",
        ),
        # ... and "the two" are the two just talked about, though four are on the list
        (
            (
                "what projects do you know?",
                "tell me about the second one",
                "and the first one?",
                "which of the two lasted longer?",
            ),
            Kind.LIST,
            "sireada",
            "2 months longer",
        ),
    ],
)
def test_items_of_a_list_one_at_a_time(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # "did it wrap up before or after X?": "it" is the one just found, compared with X
        (
            (
                "which project planned a training programme for readmission centre staff?",
                "did it wrap up before or after the border checkpoints project?",
            ),
            Kind.FIELD,
            "readmission-mechanisms",
            "",
        ),
        # a founding the page does not date
        (("hi there", "when was IOM founded?"), Kind.NO_INFO, "", "founded"),
        # ... and one it does
        (("when was rosgranitsa created?",), Kind.FIELD, "border-checkpoints", "2007"),
        # an abbreviation spelt out, and the project the rest of the question picks
        (
            ("whats FMS short for, and which project planned a movie together with it",),
            Kind.FIELD,
            "readmission-mechanisms",
            "Federal Migration Service",
        ),
    ],
)
def test_it_before_or_after_foundings_and_meaning_with_a_project_picked(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # "a similar project in Belarus": another project, of which there is none
        (
            ("which countries did SIREADA cover?", "did IOM have a similar project in Belarus?"),
            Kind.NOT_FOUND,
            "",
            "Belarus",
        ),
        # ... while "what did it do in Belarus?" corrects the premise about the project itself
        (
            ("tell me about SIREADA", "what did it do in Belarus?"),
            Kind.FIELD,
            "sireada",
            "Belarus",
        ),
    ],
)
def test_a_similar_project_elsewhere_is_another_project(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # a "not" a few words before the date it excludes
        (
            (
                "Kindly list the projects which were active in 2011 but had not yet been active in 2009.",
            ),
            Kind.LIST,
            "sireada",
            "1 matching",
        ),
        # "a partner or governmental counterpart": roles of the organisation, no topic
        (
            ("which projects had the FMS as a partner or governmental counterpart?",),
            Kind.LIST,
            "readmission-framework",
            "3 matching",
        ),
    ],
)
def test_a_not_further_back_and_roles_named_by_class(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # "study tours for the Russian authorities": whose authorities, not where the tours went
        (
            (
                "Kindly list the projects which included, whether as completed or as planned"
                " activities, study tours for the Russian authorities.",
            ),
            Kind.LIST,
            "readmission-framework",
            "Development of Administrative Mechanisms",
        ),
    ],
)
def test_tours_for_a_countrys_authorities(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # "in the field of …" introduces a heading: every statement under it, not the one
        # whose own text happens to say "field"
        (
            (
                "What did the 2007-2010 programme achieve in the field of building the capacity"
                " of the Russian migration authorities for the reception and protection of"
                " forced returnees?",
            ),
            Kind.FIELD,
            "readmission-framework",
            "Two-Volume Readmission Manual",
        ),
    ],
)
def test_in_the_field_of_a_heading(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # the scope of a whole project ("in the 3 countries") points at no statement
        (
            ("wat activities did sireada include in the 3 countries",),
            Kind.FIELD,
            "sireada",
            "Humanitarian assistance",
        ),
        # "направления деятельности" are areas of activity, not aims ("направлен на")
        (
            ("Какие основные направления деятельности включал проект SIREADA в трёх странах?",),
            Kind.FIELD,
            "sireada",
            "Гуманитарн",
        ),
    ],
)
def test_scope_words_and_areas_of_activity(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # an outcome a project was "intended to promote" is an aim
        (
            (
                "With regard to voluntary returnees, what outcome was the SIREADA project intended to promote?",
            ),
            Kind.FIELD,
            "sireada",
            "sustainable reintegration",
        ),
    ],
)
def test_an_intended_outcome_is_an_aim(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # whether an event came before the project started: both dates
        (
            (
                "had Rosgranitsa already been established when the border checkpoints project started?",
            ),
            Kind.FIELD,
            "border-checkpoints",
            "Yes. 2007",
        ),
    ],
)
def test_an_event_already_before_a_project_began(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # "not just the EU": other funders too, not "not funded by the EU"
        (
            ("how many projects got money from national governments, not just the EU",),
            Kind.COUNT,
            "readmission-framework",
            "one (1)",
        ),
    ],
)
def test_not_just_a_funder(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # a project guessed as the one a country funded, when it funded another
        (
            ("guys wich project did germany pay for, the border chekpoint one right? bot?",),
            Kind.FIELD,
            "readmission-framework",
            "Not Enhancement of Management",
        ),
        (
            ("finlnd co-fundd one of the projcts - was it the bordr checkpoint one?",),
            Kind.FIELD,
            "readmission-framework",
            "Finland",
        ),
        # ... but asked about the project itself, the project stays first
        (
            ("who funded the border checkpoints project - was germany one of the donors?",),
            Kind.FIELD,
            "border-checkpoints",
            "European Union",
        ),
    ],
)
def test_a_wrong_guess_of_the_project_a_country_funded(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    "question",
    [
        "which projects received EU or European Commission funding, including any that had "
        "co-funding from other donors?",
        "какие проекты финансировал ЕС, включая те, у которых были и другие доноры?",
        "какие проекты финансировал ЕС, в том числе с другими донорами?",
    ],
)
def test_including_other_donors_lets_them_in_rather_than_narrowing(
    engine: Engine, question: str
) -> None:
    """ "…, including any co-funded by other donors" keeps every project the EU funded (the
    EC's among them), while "which had other donors too?" narrows to the co-funded one."""
    kind, projects, _ = ask(engine, question)
    assert (kind, sorted(projects)) == (
        Kind.LIST,
        ["border-checkpoints", "readmission-framework", "readmission-mechanisms", "sireada"],
    )
    kind, projects, _ = ask(engine, "which projects had other donors too?")
    assert (kind, projects) == (Kind.LIST, ["readmission-framework"])


@pytest.mark.parametrize(
    ("turns", "kind", "projects"),
    [
        # "how many of those …": the list just shown, counted under the new condition
        (
            ("which projects ran in 2011?", "how many of those started in 2009?"),
            Kind.COUNT,
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        (
            (
                "list the projects the FMS of Russia was involved in",
                "and how many of them involved Moldova?",
            ),
            Kind.COUNT,
            ["sireada"],
        ),
        (
            ("какие проекты шли в 2009 году?", "сколько из них финансировал ЕС?"),
            Kind.COUNT,
            ["border-checkpoints", "readmission-framework", "readmission-mechanisms"],
        ),
        # "из них какие …" narrows the list like "which of those …"
        (
            ("какие проекты шли в 2009 году?", "из них какие были связаны с реадмиссией?"),
            Kind.LIST,
            ["readmission-framework", "readmission-mechanisms"],
        ),
        # going to a country is a study tour's destination, not where a project ran
        (
            ("which projects had study tours?", "which of those went to Austria?"),
            Kind.LIST,
            ["readmission-framework"],
        ),
        (("which projects went to Austria?",), Kind.LIST, ["readmission-framework"]),
        (("which projects went on in Moldova?",), Kind.LIST, ["sireada"]),
    ],
)
def test_a_list_just_shown_counted_or_narrowed_and_trips_to_a_country(
    engine: Engine, turns: tuple[str, ...], kind: Kind, projects: list[str]
) -> None:
    got_kind, got, text = ask(engine, *turns)
    assert (got_kind, sorted(got)) == (kind, projects), text


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # an acronym spelt by ear, in either script
        (("сирида кто финансировал",), Kind.FIELD, "sireada", "Европейский союз"),
        (("sirida who funded it",), Kind.FIELD, "sireada", "European Union"),
        # "FMS = ?": what the abbreviation stands for, beside the fields asked
        (
            ("FMS = ? in the readmission mechanisms project",),
            Kind.FIELD,
            "readmission-mechanisms",
            "Federal Migration Service",
        ),
        (
            ("IOM = ? and which IOM office was contracted for the border checkpoints project",),
            Kind.FIELD,
            "border-checkpoints",
            "International Organization for Migration",
        ),
        # ... but not when other words ask about something else
        (
            (
                "the IML courses in the 2007-2010 readmission programme — IML = ? and who were they for",
            ),
            Kind.FIELD,
            "readmission-framework",
            "senior",
        ),
        # the part of the organisation the knowledge base is about: it implemented the project
        (
            ("what was IOM's role in the border checkpoints project",),
            Kind.FIELD,
            "border-checkpoints",
            "implemented by IOM Moscow",
        ),
    ],
)
def test_acronyms_by_ear_equals_what_and_our_own_role(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "first", "fragment"),
    [
        # "сколько они шли параллельно": a span of time (their overlap), not a statistic
        (
            (
                "проект по пунктам пропуска (с сентября 2009-го) и проект по адм. механизмам "
                "реадмиссии — сколько они шли параллельно?",
            ),
            Kind.FIELD,
            "border-checkpoints",
            "20 мес.",
        ),
        # "что за IPR": what the abbreviation stands for, and where the organisation is from
        # ("из какой он страны" is no place of a statement the page leaves out)
        (
            ("что за IPR в проекте SIREADA и из какой он страны",),
            Kind.FIELD,
            "sireada",
            "Институт уголовной реформы. Страна: Республика Молдова",
        ),
        (
            ("what is IPR in SIREADA and which country is it from",),
            Kind.FIELD,
            "sireada",
            "Country: Moldova",
        ),
    ],
)
def test_overlap_spans_and_an_organisations_country(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    assert_answer(engine, turns, kind, first, fragment)


@pytest.mark.parametrize(
    ("question", "projects"),
    [
        # "были или планировались": either status, so the tours that took place count too
        (
            "в каких проектах были или планировались учебные поездки (стади-туры)?",
            ["readmission-framework", "readmission-mechanisms"],
        ),
        ("в каких проектах планировались учебные поездки?", ["readmission-mechanisms"]),
    ],
)
def test_done_or_planned_in_russian_keeps_both(
    engine: Engine, question: str, projects: list[str]
) -> None:
    kind, got, text = ask(engine, question)
    assert (kind, sorted(got)) == (Kind.LIST, projects), text


@pytest.mark.parametrize(
    ("turns", "kind", "projects", "fragment"),
    [
        # "it" is the project just discussed: a word of another project's title ("… of
        # Migrants") does not take its place
        (
            (
                "which project supported the Pskov readmission centre?",
                "what else did it do for migrant centres?",
                "and when did it end?",
            ),
            Kind.FIELD,
            ["readmission-framework"],
            "February 2010",
        ),
        # "they", "them": the two projects just talked about one at a time
        (
            (
                "when did SIREADA run?",
                "and the border checkpoints project?",
                "so for how many months did they overlap?",
            ),
            Kind.FIELD,
            ["sireada", "border-checkpoints"],
            "4 months",
        ),
        (
            (
                "how long did the readmission framework programme last?",
                "and SIREADA?",
                "which of them was longer, and by how many months?",
            ),
            Kind.FIELD,
            ["readmission-framework", "sireada"],
            "13 months",
        ),
        # an aspect of an item shown ("what did the third one aim for?"), then "the last one"
        (
            (
                "what were the components of the border checkpoints project?",
                "what did the third one aim for?",
            ),
            Kind.FIELD,
            ["border-checkpoints"],
            "Component Three",
        ),
        (
            (
                "what were the components of the border checkpoints project?",
                "what did the third one aim for?",
                "and the last one?",
            ),
            Kind.FIELD,
            ["border-checkpoints"],
            "Component Four",
        ),
    ],
)
def test_conversations_keep_it_they_and_the_items_shown(
    engine: Engine, turns: tuple[str, ...], kind: Kind, projects: list[str], fragment: str
) -> None:
    assert_projects(engine, turns, kind, projects, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "projects"),
    [
        # a "not" written as a contraction, or a few words before the date it excludes
        (("projets that didnt run at all in 2010?",), Kind.LIST, ["sireada"]),
        (
            ("how many projects didn't end in 2011",),
            Kind.COUNT,
            ["readmission-framework", "sireada"],
        ),
        (
            ("which projects did not end in February",),
            Kind.LIST,
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        (
            ("какие проекты не начинались в сентябре 2009 года?",),
            Kind.LIST,
            ["readmission-framework", "sireada"],
        ),
        # ... but not a "not" that belongs to something else
        (("which projects were not funded by the EU in 2010?",), Kind.NOT_FOUND, []),
        # a negated length is the other side of it (24 months is "not more than two years")
        (
            ("which projects did not last more than two years",),
            Kind.LIST,
            ["border-checkpoints", "readmission-mechanisms", "sireada"],
        ),
        (
            ("projects that were not longer than 2 years",),
            Kind.LIST,
            ["border-checkpoints", "readmission-mechanisms", "sireada"],
        ),
        (
            ("какие проекты длились не меньше двух лет?",),
            Kind.LIST,
            ["readmission-framework", "sireada"],
        ),
        # "and which didn't?", "а какие нет?": the projects the list left out
        (
            ("which projects had study tours?", "and which didn't?"),
            Kind.LIST,
            ["border-checkpoints", "sireada"],
        ),
        (
            ("which projects were active in 2008?", "which weren't?"),
            Kind.LIST,
            ["border-checkpoints", "readmission-mechanisms", "sireada"],
        ),
        (
            ("какие проекты работали с Росграницей?", "а какие нет?"),
            Kind.LIST,
            ["readmission-framework", "readmission-mechanisms", "sireada"],
        ),
    ],
)
def test_negated_dates_lengths_and_lists(
    engine: Engine, turns: tuple[str, ...], kind: Kind, projects: list[str]
) -> None:
    got_kind, got, text = ask(engine, *turns)
    assert (got_kind, sorted(got)) == (kind, projects), text


@pytest.mark.parametrize(
    ("question", "projects"),
    [
        # the project left out is no reference for "after 2008", and stays out of a time filter
        (
            "apart from SIREADA, which projects started after 2008?",
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        (
            "кроме SIREADA, какие проекты начались после 2008 года?",
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        # a project word between "except" and the name ("кроме проекта по …")
        (
            "кроме проекта по административным механизмам реадмиссии, какие проекты стартовали в 2009 году?",
            ["border-checkpoints"],
        ),
        (
            "except for the project on border checkpoints, which projects started in 2009?",
            ["readmission-mechanisms"],
        ),
    ],
)
def test_a_project_left_out_with_a_time_filter(
    engine: Engine, question: str, projects: list[str]
) -> None:
    kind, got, text = ask(engine, question)
    assert (kind, sorted(got)) == (Kind.LIST, projects), text


@pytest.mark.parametrize(
    ("question", "kind", "projects"),
    [
        # a "not" before "overlap": the projects that did not run at the same time
        ("which projects did not overlap with SIREADA?", Kind.LIST, ["readmission-framework"]),
        (
            "какие проекты не пересекались по времени с SIREADA?",
            Kind.LIST,
            ["readmission-framework"],
        ),
        (
            "which projects overlapped with SIREADA?",
            Kind.LIST,
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        # every other project overlapped with the border checkpoints project: none
        (
            "which projects never overlapped in time with the border checkpoints project?",
            Kind.NOT_FOUND,
            [],
        ),
        # "neither … nor", "ни … ни": neither year
        (
            "which projects ran neither in 2007 nor in 2013",
            Kind.LIST,
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        (
            "какие проекты не проводились ни в 2007, ни в 2008 году?",
            Kind.LIST,
            ["border-checkpoints", "readmission-mechanisms", "sireada"],
        ),
    ],
)
def test_not_overlapping_never_and_neither_nor(
    engine: Engine, question: str, kind: Kind, projects: list[str]
) -> None:
    got_kind, got, text = ask(engine, question)
    assert (got_kind, sorted(got)) == (kind, projects), text


@pytest.mark.parametrize(
    ("turns", "first", "fragment"),
    [
        # "by how many months?" after "which one started first?": from one start to the other
        (
            (
                "compare SIREADA and the readmission mechanisms project",
                "which one started first?",
                "by how many months?",
            ),
            "readmission-mechanisms",
            "18 months later",
        ),
        # ... and after "which lasted longer?", the difference of the lengths
        (
            (
                "which lasted longer: SIREADA or the border checkpoints project?",
                "by how many months?",
            ),
            "sireada",
            "2 months longer",
        ),
    ],
)
def test_by_how_much_follows_the_measure_just_asked(
    engine: Engine, turns: tuple[str, ...], first: str, fragment: str
) -> None:
    assert_answer(engine, turns, Kind.FIELD, first, fragment)


@pytest.mark.parametrize(
    ("turns", "projects"),
    [
        # a filter of the kind the list was made by asks the same question again
        (
            ("which projects ran in 2012?", "and in 2009?"),
            ["border-checkpoints", "readmission-framework", "readmission-mechanisms"],
        ),
        (
            ("сколько всего у вас проектов?", "сколько из них с ФМС?", "а без ФМС?"),
            ["border-checkpoints"],
        ),
        # ... while a filter of another kind narrows the list shown
        (
            ("which projects did the EU fund?", "and before 2010?"),
            ["border-checkpoints", "readmission-framework", "readmission-mechanisms"],
        ),
        (("which projects ran in 2010?", "and in Moldova?"), []),
        (("which projects ran in 2011?", "and in Moldova?"), ["sireada"]),
    ],
)
def test_a_bare_filter_asks_again_or_narrows_by_its_kind(
    engine: Engine, turns: tuple[str, ...], projects: list[str]
) -> None:
    _kind, got, text = ask(engine, *turns)
    assert sorted(got) == projects, text


@pytest.mark.parametrize(
    ("turns", "first", "fragment"),
    [
        # "that earlier one" is the earlier end of the link, whichever project was discussed last
        (
            (
                "'Development of Administrative Mechanisms in Support of Readmission of Migrants in "
                "the Russian Federation' - when did it start?",
                "it's described as a follow-up to what?",
                "when did that earlier one end?",
            ),
            "readmission-framework",
            "February 2010",
        ),
        # "вернёмся к первому — …": the first project the chat talked about (dative ordinal)
        (
            (
                "расскажи о проекте по пунктам пропуска",
                "а про SIREADA?",
                "вернёмся к первому — с кем МОМ подписала соглашение?",
            ),
            "border-checkpoints",
            "Представительств",
        ),
    ],
)
def test_the_earlier_one_and_back_to_the_first(
    engine: Engine, turns: tuple[str, ...], first: str, fragment: str
) -> None:
    assert_answer(engine, turns, Kind.FIELD, first, fragment)


@pytest.mark.parametrize(
    ("question", "kind", "projects"),
    [
        # a first sentence about the asker does not drown the question
        (
            "I'm building a timeline for a news story. Which projects ended in 2011?",
            Kind.LIST,
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        (
            "Я журналист и пишу о сотрудничестве России и ЕС в сфере миграции. Какие проекты МОМ "
            "в России финансировались Европейским союзом?",
            Kind.LIST,
            ["border-checkpoints", "readmission-framework", "readmission-mechanisms", "sireada"],
        ),
        (
            "for my report: which projects lasted less than two years",
            Kind.LIST,
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        # "projects in Russia … funded by the EU": where they ran, not a funder from Russia
        (
            "which projects in Russia were funded by the European Union?",
            Kind.LIST,
            ["border-checkpoints", "readmission-framework", "readmission-mechanisms", "sireada"],
        ),
    ],
)
def test_a_sentence_about_the_asker_and_a_country_where_projects_ran(
    engine: Engine, question: str, kind: Kind, projects: list[str]
) -> None:
    got_kind, got, text = ask(engine, question)
    assert (got_kind, sorted(got)) == (kind, projects), text


def test_a_question_pointing_back_into_the_sentence_about_the_asker_keeps_it(
    engine: Engine,
) -> None:
    """ "… noticed EECA in the 2007-2010 programme. In what context does it appear there?":
    "it" and "there" are in the first sentence, so the message is read whole."""
    _kind, projects, text = ask(
        engine,
        "I'm new to the office and noticed the abbreviation EECA in the description of the "
        "2007-2010 readmission programme. In what context does it appear there?",
    )
    assert projects[:1] == ["readmission-framework"], text


@pytest.mark.parametrize(
    ("turns", "kind", "projects"),
    [
        # chat shorthand: "prog", "прога", "projs", "anythin", "fed"
        (("2007-2010 prog", "funders?"), Kind.FIELD, ["readmission-framework"]),
        (("скока длилась прога 2007-2010",), Kind.FIELD, ["readmission-framework"]),
        (("anythin in ukraine",), Kind.LIST, ["sireada"]),
        # a bare plural at the end asks for a list; "in total" counts every project
        (
            ("eu funded projs?",),
            Kind.LIST,
            ["border-checkpoints", "readmission-framework", "readmission-mechanisms", "sireada"],
        ),
        (
            ("how many projects in total?",),
            Kind.COUNT,
            ["border-checkpoints", "readmission-framework", "readmission-mechanisms", "sireada"],
        ),
    ],
)
def test_chat_shorthand_bare_plurals_and_totals(
    engine: Engine, turns: tuple[str, ...], kind: Kind, projects: list[str]
) -> None:
    got_kind, got, text = ask(engine, *turns)
    assert (got_kind, sorted(got)) == (kind, projects), text


@pytest.mark.parametrize(
    ("turns", "kind", "projects", "fragment"),
    [
        # "who's that" spells out the organisation just named; "in the same project" is the
        # project just discussed, not a question whether two projects are the same
        (
            (
                "which of your projects worked with NGOs?",
                "what does IPR stand for?",
                "and UKBA - who's that, in the same project?",
            ),
            Kind.FIELD,
            ["sireada"],
            "Home Office",
        ),
        # "из них" after two projects talked about one at a time: the two
        (
            (
                "сколько длилась программа 2007–2010?",
                "а SIREADA?",
                "какая из них дольше и на сколько месяцев?",
            ),
            Kind.FIELD,
            ["readmission-framework", "sireada"],
            "13 мес",
        ),
        # "which of all four …" with a length is a list of those that fit
        (
            ("which of all four projects lasted more than two years?",),
            Kind.LIST,
            ["readmission-framework"],
            "37 months",
        ),
    ],
)
def test_whos_that_of_them_and_all_four_filtered(
    engine: Engine, turns: tuple[str, ...], kind: Kind, projects: list[str], fragment: str
) -> None:
    assert_projects(engine, turns, kind, projects, fragment)


@pytest.mark.parametrize(
    ("turns", "kind", "projects"),
    [
        # "several", "more than one": how many organisations, not a topic
        (("which project had several donors?",), Kind.LIST, ["readmission-framework"]),
        (("which one of the four had more than one donor",), Kind.LIST, ["readmission-framework"]),
        (("wich projcts wer run by iom missons in sevral countries",), Kind.LIST, ["sireada"]),
        # two projects named by a word each, and how long they overlapped
        (
            ("how many months did the checkpoints and mechanisms projects overlap",),
            Kind.FIELD,
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        # what was running some time after (or when) another project started or ended
        (
            ("what was still going on a year after the readmission framework programme ended",),
            Kind.LIST,
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        (
            ("какие проекты шли через полгода после окончания программы 2007–2010",),
            Kind.LIST,
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        (
            (
                "what was the readmission mechanisms project about?",
                "what was running 6 months after it ended?",
            ),
            Kind.LIST,
            ["sireada"],
        ),
        (
            ("что ещё работало, когда стартовал SIREADA",),
            Kind.LIST,
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        (
            (
                "tell me about the border checkpoints project",
                "what else was IOM running at the time it started?",
            ),
            Kind.LIST,
            ["readmission-framework", "readmission-mechanisms"],
        ),
        # ... while "going to" is no "going on"
        (
            (
                "which project planned a movie for migrants?",
                "and what analytical materials was it going to produce?",
            ),
            Kind.FIELD,
            ["readmission-mechanisms"],
        ),
    ],
)
def test_several_overlaps_of_two_and_what_was_running_relative_to_a_project(
    engine: Engine, turns: tuple[str, ...], kind: Kind, projects: list[str]
) -> None:
    got_kind, got, text = ask(engine, *turns)
    assert (got_kind, sorted(got)) == (kind, projects), text


@pytest.mark.parametrize(
    ("turns", "kind", "projects"),
    [
        # organisations offered as alternatives: any of them will do
        (
            (
                "which projects did IOM carry out with Rosgranitsa or with the Ministry of Foreign Affairs",
            ),
            Kind.LIST,
            ["border-checkpoints", "sireada"],
        ),
        # an organisation named without its country ("the Ministry of Internal Affairs": either)
        (("which projects involved the Ministry of Internal Affairs?",), Kind.LIST, ["sireada"]),
        # "данными" (data) is no "Дания"
        (("В каких проектах был компонент по обмену данными?",), Kind.LIST, ["border-checkpoints"]),
        # a claim about the project an organisation names, with nothing listed
        (("rosgranitsa projct ended in may 2011 rite?",), Kind.FIELD, ["border-checkpoints"]),
        # ... but not about a project left out
        (("other than SIREADA, did any project work with NGOs?",), Kind.NOT_FOUND, []),
        # "EC" alone is the European Commission, not its Delegation
        (("с делегацией ек какой проект подписали",), Kind.FIELD, ["border-checkpoints"]),
        # "which programme was it part of?": a field of the project just found, not a list
        (
            ("what was the snapshot study?", "which programme was it part of?"),
            Kind.FIELD,
            ["readmission-framework"],
        ),
    ],
)
def test_organisations_as_alternatives_or_without_country_and_false_countries(
    engine: Engine, turns: tuple[str, ...], kind: Kind, projects: list[str]
) -> None:
    got_kind, got, text = ask(engine, *turns)
    assert (got_kind, sorted(got)) == (kind, projects), text


@pytest.mark.parametrize(
    ("question", "first", "fragment"),
    [
        # "НПО": the Russian initials of a non-governmental organisation, like "НКО"
        ("НПО в SIREADA — что это были за организации?", "sireada", "Институт уголовной реформы"),
        # a full name asked right after an organisation: the organisation's name
        (
            "Росграница — как полностью называется и в каком проекте МОМ участвовала?",
            "border-checkpoints",
            "Федеральное агентство",
        ),
        (
            "EC delegation - full name, and in which project did it come up",
            "border-checkpoints",
            "Delegation of the European Commission to Russia",
        ),
        # ... while a project's full name asked after a project word stays the project's
        (
            "the FMS joint project launched in 2009 - full name?",
            "readmission-mechanisms",
            "Development of Administrative Mechanisms",
        ),
    ],
)
def test_ngo_initials_in_russian_and_full_names_of_organisations(
    engine: Engine, question: str, first: str, fragment: str
) -> None:
    assert_answer(engine, (question,), Kind.FIELD, first, fragment)


@pytest.mark.parametrize(
    "turns",
    [
        # what the page never holds: an address (misspelt), authors, salaries, where to watch
        ("wat was the adress of the pskov readmision centre",),
        ("who were the autors of the two volum readmision manuel",),
        ("какая зарплата у сотрудников МОМ в Москве?",),
        ("which project planned a movie?", "what's the movie called and where can I watch it?"),
    ],
)
def test_addresses_authors_salaries_and_where_to_watch_are_not_on_the_page(
    engine: Engine, turns: tuple[str, ...]
) -> None:
    kind, _projects, text = ask(engine, *turns)
    assert kind.is_abstention, text


def test_numbers_alone_pick_the_items_just_shown(engine: Engine) -> None:
    """ "how many components?" - "what were 2 and 3 about?": components two and three."""
    kind, projects, text = ask(
        engine, "border checkpoints project - how many components?", "what were 2 and 3 about?"
    )
    assert (kind, projects) == (Kind.FIELD, ["border-checkpoints"]), text
    assert "Component Two" in text and "Component Three" in text and "Component Four" not in text


@pytest.mark.parametrize(
    ("question", "kind", "projects"),
    [
        # "look at" is how a study is described, no topic of its own
        ("what did the snapshot study look at", Kind.FIELD, ["readmission-framework"]),
        # "listed on the page": every project the page lists
        (
            "how many completed projects are listed on the page",
            Kind.COUNT,
            ["border-checkpoints", "readmission-framework", "readmission-mechanisms", "sireada"],
        ),
    ],
)
def test_look_at_and_listed_on_the_page_are_no_topics(
    engine: Engine, question: str, kind: Kind, projects: list[str]
) -> None:
    got_kind, got, text = ask(engine, question)
    assert (got_kind, sorted(got)) == (kind, projects), text


@pytest.mark.parametrize(
    ("turns", "kind", "projects"),
    [
        # the list just shown, with the projects a filter finds added or dropped
        (
            ("list projects that ended in 2011", "now add any project that ended in 2010"),
            Kind.LIST,
            ["border-checkpoints", "readmission-framework", "readmission-mechanisms"],
        ),
        (
            (
                "which projects were active in 2009",
                "drop the ones co-funded by national governments - how many are left?",
            ),
            Kind.COUNT,
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        (
            ("какие проекты шли в 2010 году?", "убери те, что финансировала Германия"),
            Kind.LIST,
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        # ... while "did it include …?" asks about the project
        (
            ("which project was co-funded by Germany?", "did it include a trip to Germany too?"),
            Kind.FIELD,
            ["readmission-framework"],
        ),
    ],
)
def test_the_list_shown_edited_by_add_and_drop(
    engine: Engine, turns: tuple[str, ...], kind: Kind, projects: list[str]
) -> None:
    got_kind, got, text = ask(engine, *turns)
    assert (got_kind, sorted(got)) == (kind, projects), text


@pytest.mark.parametrize(
    "question",
    [
        "какие проекты МОМ реализовывала совместно с Росграницей, а какие — с ФМС?",
        "which projects did IOM run with Rosgranitsa, and which ones with the FMS?",
    ],
)
def test_two_list_questions_in_one_message_get_both_lists(engine: Engine, question: str) -> None:
    """The same list question asked twice with two filters: each list, one after the other."""
    kind, projects, text = ask(engine, question)
    assert kind is Kind.LIST, text
    assert projects[0] == "border-checkpoints"  # the Rosgranitsa list first
    assert sorted(projects[1:]) == ["readmission-framework", "readmission-mechanisms", "sireada"]


@pytest.mark.parametrize(
    ("question", "first", "fragment"),
    [
        # three projects the EU alone funded, one with Germany and Finland too: that one
        (
            "which project is the odd one out when it comes to funding?",
            "readmission-framework",
            "Finland",
        ),
        # three in Russia alone, one in three countries
        ("which project is the odd one out in terms of countries covered?", "sireada", "Moldova"),
        ("какой проект выбивается по странам?", "sireada", "Украина"),
    ],
)
def test_the_odd_one_out_by_the_field_asked(
    engine: Engine, question: str, first: str, fragment: str
) -> None:
    assert_answer(engine, (question,), Kind.FIELD, first, fragment)


def test_we_in_the_question_keeps_the_sentence_about_the_asker(engine: Engine) -> None:
    """ "I work for the SBGS. Which IOM project were we a counterpart in?": "we" is the
    organisation of the first sentence, so the message is read whole."""
    _kind, projects, text = ask(
        engine,
        "I work for the State Border Guard Service of Ukraine. Which IOM project were we a "
        "counterpart in?",
    )
    assert projects[:1] == ["sireada"], text


@pytest.mark.parametrize(
    ("question", "order"),
    [
        # an order asked by the end date, in Russian too
        (
            "расставь проекты по дате окончания",
            ["readmission-framework", "readmission-mechanisms", "border-checkpoints", "sireada"],
        ),
        (
            "sort the projects by end date",
            ["readmission-framework", "readmission-mechanisms", "border-checkpoints", "sireada"],
        ),
    ],
)
def test_projects_sorted_by_end_date(engine: Engine, question: str, order: list[str]) -> None:
    _kind, projects, text = ask(engine, question)
    assert projects == order, text


def test_counterparts_are_counted_not_taken_for_a_statistic(engine: Engine) -> None:
    """ "how many government counterparts did SIREADA have": partners, counted."""
    kind, projects, text = ask(
        engine, "how many government counterparts did SIREADA have in Russia, Moldova and Ukraine"
    )
    assert (kind, projects) == (Kind.FIELD, ["sireada"]), text


@pytest.mark.parametrize(
    "turns",
    [
        (
            "which projects were active in 2011?",
            "what were their end dates?",
            "so which of them were still running in May that year?",
        ),
        ("какие проекты шли в 2011 году?", "а какие из них работали в мае того же года?"),
    ],
)
def test_a_month_of_that_year_is_the_year_just_named(
    engine: Engine, turns: tuple[str, ...]
) -> None:
    """May 2011 (and "того" is a word, not Togo)."""
    kind, projects, text = ask(engine, *turns)
    assert (kind, sorted(projects)) == (Kind.LIST, ["border-checkpoints", "sireada"]), text


def test_a_list_by_the_number_of_items_says_the_number(engine: Engine) -> None:
    """ "which project had four components": the number stands beside the project found."""
    assert_answer(
        engine,
        ("whch projct had four componnts",),
        Kind.LIST,
        "border-checkpoints",
        "Components: four (4)",
    )


@pytest.mark.parametrize(
    ("turns", "country", "facts"),
    [
        (
            ("did the readmission framework programme have a study tour to Kazakhstan?",),
            "Kazakhstan",
            ["Netherlands", "Germany", "Austria"],
        ),
        (
            (
                "tell me about the readmission framework programme",
                "was kazakhstan one of its donors?",
            ),
            "Kazakhstan",
            ["Germany", "Finland"],
        ),
        (
            ("what did the 2007-2010 programme do?", "were its study tours to france and italy?"),
            "France",
            ["Netherlands", "Austria"],
        ),
    ],
)
def test_a_country_no_project_involved_is_corrected_and_the_rest_answered(
    engine: Engine, turns: tuple[str, ...], country: str, facts: list[str]
) -> None:
    """A project named outright with a country nobody worked with: that it did not, then what
    the rest of the question asks (its donors, its study tours)."""
    kind, projects, text = ask(engine, *turns)
    assert kind is Kind.FIELD
    assert projects[0] == "readmission-framework"
    assert f"did not take place in or involve {country}" in text
    for fact in facts:
        assert fact in text


@pytest.mark.parametrize(
    ("question", "order"),
    [
        (
            "ukraine - was that the border checkpoints project or a different one?",
            ["sireada", "border-checkpoints"],
        ),
        (
            "Украина — это был проект по пунктам пропуска или какой-то другой?",
            ["sireada", "border-checkpoints"],
        ),
        ("Moldova - was it the 2007-2010 programme?", ["sireada", "readmission-framework"]),
        ("did the border checkpoints project involve Ukraine?", ["border-checkpoints", "sireada"]),
    ],
)
def test_a_country_tied_to_the_wrong_project_names_the_one_it_was_part_of(
    engine: Engine, question: str, order: list[str]
) -> None:
    """A question about the country ("Ukraine - was that …?", "… or a different one?") gets
    the project it was part of first; one about the project ("did it involve Ukraine?") keeps
    the project, with where it ran; both say the project asked about did not involve it."""
    kind, projects, text = ask(engine, question)
    assert (kind, projects) == (Kind.FIELD, order)
    assert "SIREADA" in text
    assert "did not take place" in text or "не проводился" in text


@pytest.mark.parametrize(
    "turns",
    [
        ("tell me about SIREADA", "was Finland among the donors?"),
        ("расскажи о SIREADA", "а Финляндия была среди доноров?"),
    ],
)
def test_a_donor_checked_after_a_project_is_checked_against_that_project(
    engine: Engine, turns: tuple[str, ...]
) -> None:
    """Finland funded another project; asked right after SIREADA whether it was among the
    donors, the answer is SIREADA's donors (the EU), not the project Finland funded."""
    kind, projects, text = ask(engine, *turns)
    assert (kind, projects[0]) == (Kind.FIELD, "sireada")
    assert "European Union" in text or "Европейский союз" in text
    assert "Finland" not in text and "Финлянд" not in text


@pytest.mark.parametrize(
    "question",
    [
        "Which projects were running in January 2010? I need it for the annual report table.",
        "which projects were running in january 2010? it's for a report for our donors",
        "какие проекты шли в январе 2010 года? мне это нужно для отчёта",
    ],
)
def test_what_the_asker_needs_the_answer_for_is_no_topic(engine: Engine, question: str) -> None:
    """ "I need it for the annual report table": the asker's report, not projects about
    reports (the 2007-2010 programme's special report would otherwise filter the list)."""
    kind, projects, _ = ask(engine, question)
    assert kind is Kind.LIST
    assert sorted(projects) == [
        "border-checkpoints",
        "readmission-framework",
        "readmission-mechanisms",
    ]


@pytest.mark.parametrize(
    ("question", "pair"),
    [
        (
            "for how long did the rosgranitsa project and the one with the migrant film run "
            "side by side",
            {"border-checkpoints", "readmission-mechanisms"},
        ),
        (
            "hi, wats the diffrence btw the bordr checkpont projct and the one with the migrnt film",
            {"border-checkpoints", "readmission-mechanisms"},
        ),
        (
            "чем отличается проект с фильмом для мигрантов от программы, которую финансировали "
            "Германия и Финляндия",
            {"readmission-mechanisms", "readmission-framework"},
        ),
    ],
)
def test_two_projects_described_not_named_are_compared(
    engine: Engine, question: str, pair: set[str]
) -> None:
    """Each side of the "and" ("от") picks its project by its own words: an organisation of
    one project, a statement only one has, the countries that funded one."""
    kind, projects, _ = ask(engine, question)
    assert kind is Kind.FIELD
    assert set(projects[:2]) == pair


def test_which_of_two_described_projects_ran_longer(engine: Engine) -> None:
    """ "the project with the migrant movie or the rosgranitsa one": the longer one first."""
    _kind, projects, text = ask(
        engine, "which ran longer: the project with the migrant movie or the rosgranitsa one"
    )
    assert projects == ["border-checkpoints", "readmission-mechanisms"]
    assert "22 months" in text


@pytest.mark.parametrize(
    "question",
    [
        "which projects overlapped with the programme germany and finland co-funded",
        "какие проекты шли одновременно с программой, которую софинансировали Германия и Финляндия",
    ],
)
def test_projects_overlapping_a_described_one(engine: Engine, question: str) -> None:
    """The project described after "overlapped with" is the one compared with, not a filter
    of the list (Germany and Finland funded only it)."""
    kind, projects, _ = ask(engine, question)
    assert kind is Kind.LIST
    assert sorted(projects) == ["border-checkpoints", "readmission-mechanisms"]


def test_the_same_year_as_an_event_is_no_overlap(engine: Engine) -> None:
    """ "the same year the agreement came into force": the year of the event (2007)."""
    _kind, projects, _ = ask(
        engine,
        "which project started the same year the eu-russia readmission agreement came into force",
    )
    assert projects[0] == "readmission-framework"


@pytest.mark.parametrize(
    ("question", "order", "number"),
    [
        (
            "which had more countries, the border checkpoints project or SIREADA",
            ["sireada", "border-checkpoints"],
            "(3)",
        ),
        (
            "which had more donors, SIREADA or the 2007-2010 readmission programme",
            ["readmission-framework", "sireada"],
            "(3)",
        ),
        (
            "у какого проекта было меньше стран: SIREADA или проект по пунктам пропуска?",
            ["border-checkpoints", "sireada"],
            "(1)",
        ),
    ],
)
def test_two_projects_compared_by_how_many_they_had(
    engine: Engine, question: str, order: list[str], number: str
) -> None:
    """ "Which had more countries, X or Y": the one with more first, with the numbers."""
    kind, projects, text = ask(engine, question)
    assert (kind, projects) == (Kind.FIELD, order)
    assert number in text


@pytest.mark.parametrize(
    "question", ["what was the second longest project", "какой проект второй по продолжительности"]
)
def test_the_second_by_a_measure_comes_first(engine: Engine, question: str) -> None:
    """ "The second longest": SIREADA (24 months, after the 37-month programme), the one
    project named, with the whole order shown."""
    kind, projects, text = ask(engine, question)
    assert (kind, projects) == (Kind.LIST, ["sireada"])
    assert text.count("•") == 4, text


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("what happened in Austria", "study tours"),
        ("what happened in Vienna", "special report"),
        ("что происходило в Баку?", "доклад"),
    ],
)
def test_what_happened_in_a_place_is_what_was_done_there(
    engine: Engine, question: str, fact: str
) -> None:
    """A study-tour country or a city of the report's authors: the statement that names it
    (the 2007-2010 programme's), found without "happened" diluting the place."""
    kind, projects, text = ask(engine, question)
    assert (kind, projects[0]) == (Kind.FIELD, "readmission-framework")
    assert fact in text.lower()


def test_what_happened_in_an_organisations_town_is_the_organisation(engine: Engine) -> None:
    """ "what happened in Chernihiv": the Chernihiv committee, SIREADA's NGO partner."""
    _kind, projects, text = ask(engine, "what happened in Chernihiv")
    assert projects[0] == "sireada"
    assert "Chernihiv Public Committee" in text


def test_a_word_typed_in_two_alphabets_is_read(engine: Engine) -> None:
    """ "Пскoвский" with a Latin "o", "SIRЕADA" with a Cyrillic "Е": read as meant."""
    kind, projects, _ = ask(engine, "Пскoвский центр реадмиссии - что там делали?")
    assert (kind, projects[0]) == (Kind.FIELD, "readmission-framework")
    _kind, projects, text = ask(engine, "who funded SIRЕADA?")
    assert projects[0] == "sireada" and "European Union" in text


@pytest.mark.parametrize(
    "question",
    [
        "which projects were active in twenty eleven but NOT in two thousand nine",
        "какие проекты шли в две тысячи одиннадцатом году, но не в две тысячи девятом",
    ],
)
def test_years_written_in_words(engine: Engine, question: str) -> None:
    """ "twenty eleven", "two thousand nine", "в две тысячи девятом году": years."""
    kind, projects, _ = ask(engine, question)
    assert (kind, projects) == (Kind.LIST, ["sireada"])


def test_agencies_it_coordinated_with_are_its_partners(engine: Engine) -> None:
    """ "у вас был проект сразу в Молдове, Украине и России" is SIREADA; "с какими
    ведомствами координировалась его работа" asks for its partners (the FMS, the MFA)."""
    kind, projects, text = ask(
        engine,
        "у вас был проект сразу в Молдове, Украине и России, да?",
        "с какими российскими ведомствами координировалась его работа?",
    )
    assert (kind, projects[0]) == (Kind.FIELD, "sireada")
    assert "Федеральная миграционная служба" in text


def test_the_names_of_organisations_are_no_peoples_names(engine: Engine) -> None:
    """ "I need the exact names for the partners list": the counterparts' names, which the page
    gives (a person's name it never gives)."""
    kind, projects, text = ask(
        engine,
        "Who were SIREADA's government counterparts in Ukraine? I need the exact names for the "
        "partners list.",
    )
    assert (kind, projects[0]) == (Kind.FIELD, "sireada")
    assert "State Border Guard Service of Ukraine" in text


def test_a_russian_ordinal_as_the_subject_picks_from_the_projects_just_named(
    engine: Engine,
) -> None:
    """ "а второй когда закончился?" after two projects: the second one named."""
    _kind, projects, text = ask(
        engine,
        "расскажи про проект по пунктам пропуска и про SIREADA",
        "а второй когда закончился?",
    )
    assert projects[0] == "sireada"
    assert "2013" in text


@pytest.mark.parametrize(
    "question",
    ["which projects had a study tour to Finland", "which projects had study tours to Italy?"],
)
def test_a_list_of_study_tours_to_a_country_none_went_to_is_empty(
    engine: Engine, question: str
) -> None:
    """Finland funded a project, but no study tour went there: none, not the projects with
    study tours elsewhere to choose from."""
    kind, projects, _ = ask(engine, question)
    assert (kind, projects) == (Kind.NOT_FOUND, [])


def test_an_unknown_body_named_by_its_abbreviation_is_not_found(engine: Engine) -> None:
    """ "the FSB Border Service": no project worked with it (the State Border Guard Service of
    Ukraine shares only "Border Service")."""
    kind, projects, text = ask(engine, "which projects did the FSB Border Service take part in")
    assert (kind, projects) == (Kind.NOT_FOUND, [])
    assert "FSB Border Service" in text


@pytest.mark.parametrize(
    "question",
    [
        "кто возглавлял Росграницу в 2009 году",
        "who headed the FMS in 2010?",
        "кто был начальником ФМС в 2010 году?",
        "кто был главой Росграницы?",
    ],
)
def test_who_headed_an_organisation_is_a_person_the_page_does_not_name(
    engine: Engine, question: str
) -> None:
    kind, _projects, _ = ask(engine, question)
    assert kind is Kind.NO_INFO


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        (
            ("tell me about Rosgranitsa", "which projects was it involved in?"),
            ["border-checkpoints"],
        ),
        (
            ("что такое ФМС?", "в каких проектах она участвовала?"),
            ["readmission-framework", "readmission-mechanisms", "sireada"],
        ),
    ],
)
def test_it_after_an_organisation_is_the_organisation(
    engine: Engine, turns: tuple[str, ...], expected: list[str]
) -> None:
    """ "which projects was it involved in?" right after a question about an organisation: its
    projects."""
    kind, projects, _ = ask(engine, *turns)
    assert kind is Kind.LIST
    assert sorted(projects) == expected


def test_it_after_a_question_about_a_project_is_still_the_project(engine: Engine) -> None:
    """An organisation that only narrowed the question ("besides the European Commission") is
    not what "its" stands for next."""
    _kind, projects, _ = ask(
        engine,
        "who co-funded the 2007-2010 readmission programme besides the European Commission",
        "and which later project was described as its logical follow-up?",
    )
    assert projects[0] == "readmission-mechanisms"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "what was running in January 2010, if anything? I think the older readmission "
            "programme hadn't quite ended yet by then, but I'm not sure about the others",
            ["border-checkpoints", "readmission-framework", "readmission-mechanisms"],
        ),
        (
            "Какие проекты, если я правильно помню, шли одновременно с SIREADA, хотя бы "
            "несколько месяцев?",
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        (
            "how many of the other projects were still running, or only started, after the "
            "readmission framework programme ended - I think it ended sometime in 2010",
            ["border-checkpoints", "readmission-mechanisms", "sireada"],
        ),
    ],
)
def test_what_the_asker_half_remembers_after_the_question_is_no_filter(
    engine: Engine, question: str, expected: list[str]
) -> None:
    """ "… I think it hadn't quite ended yet, but I'm not sure": a hedge after the question,
    whose words would otherwise filter (or negate) the list."""
    kind, projects, _ = ask(engine, question)
    assert kind in (Kind.LIST, Kind.COUNT)
    assert sorted(projects) == expected


def test_a_question_that_opens_with_what_the_asker_thinks_keeps_it(engine: Engine) -> None:
    """ "I think the border guard service of Ukraine was a partner in one of your projects":
    the question itself, not an aside."""
    _kind, projects, _ = ask(
        engine,
        "I think the border guard service of Ukraine was a partner in one of your projects - "
        "which one?",
    )
    assert projects == ["sireada"]


@pytest.mark.parametrize(
    "turns",
    [
        ("which project had three funders?",),
        ("у какого проекта было три донора?",),
        ("which project took place in three countries?", "ok and which one had three funders?"),
        ("у какого проекта кроме ЕС было ещё два донора",),
        ("which project had two donors besides the EU?",),
    ],
)
def test_a_project_picked_by_its_number_of_funders(engine: Engine, turns: tuple[str, ...]) -> None:
    """Three funders (the EC, Germany, Finland), or two besides the EU (the Commission is part
    of it): the 2007-2010 programme, shown with its funders; a follow-up "which one had …"
    asks it of every project, not of the one just found."""
    kind, projects, text = ask(engine, *turns)
    assert (kind, projects) == (Kind.LIST, ["readmission-framework"])
    assert "Finland" in text or "Финлянд" in text


def test_one_project_then_which_one_asks_for_a_project(engine: Engine) -> None:
    """ "one project kicked off in the same year … ended - which one was that?": a project
    asked for (SIREADA, 2011), not the one named as the reference."""
    _kind, projects, _ = ask(
        engine,
        "correct me if I'm wrong, but I think one project kicked off in the same year the "
        "readmission mechanisms project ended - which one was that?",
    )
    assert projects[0] == "sireada"


def test_which_of_them_after_a_list_orders_that_list(engine: Engine) -> None:
    """ "which projects started in the same month?" (September 2009) - "and which of them ended
    later?": of those two, the border checkpoints project (June 2011, after April 2011)."""
    _kind, projects, _ = ask(
        engine, "which projects started in the same month?", "and which of them ended later?"
    )
    assert projects[:2] == ["border-checkpoints", "readmission-mechanisms"]


@pytest.mark.parametrize(
    "question",
    [
        "what were the four parts of the border checkpoints project",
        "border checkpoints project — list all four components pls",
        "what were the four components of the project with rosgranitsa",
    ],
)
def test_the_four_components_of_one_project(engine: Engine, question: str) -> None:
    """ "the four parts", "all four components" of the border checkpoints project (named, or
    described by its partner): its components, not all four projects nor the fourth one."""
    kind, projects, text = ask(engine, question)
    assert (kind, projects) == (Kind.FIELD, ["border-checkpoints"])
    assert "Component One" in text and "Component Four" in text


@pytest.mark.parametrize(
    ("question", "first", "fact"),
    [
        ("length of the readmission framework programme in months?", "readmission-framework", "37"),
        ("which project was the most short one", "readmission-mechanisms", "20"),
    ],
)
def test_a_length_and_the_most_short_one(
    engine: Engine, question: str, first: str, fact: str
) -> None:
    """ "length … in months" asks for a duration; "the most short one" is the shortest."""
    _kind, projects, text = ask(engine, question)
    assert projects[0] == first
    assert fact in text


def test_is_some_project_funded_by_a_country_that_funded_none(engine: Engine) -> None:
    """ "is some project funded by Austria?": none (Austria only hosted a study tour)."""
    kind, projects, _ = ask(engine, "is some project funded by Austria?")
    assert (kind, projects) == (Kind.NOT_FOUND, [])


def test_a_project_that_continued_another_in_russian(engine: Engine) -> None:
    """ "какой проект продолжил программу 2007–2010?" - "а кто его финансировал?": the
    follow-up project (the mechanisms one), funded by the EU."""
    _kind, projects, text = ask(
        engine, "какой проект продолжил программу 2007–2010?", "а кто его финансировал?"
    )
    assert projects[0] == "readmission-mechanisms"
    assert "Европейский союз" in text


def test_and_with_whom_asks_for_the_partners(engine: Engine) -> None:
    """ "а с кем?" after a question about the border project's agreement: its partners (the
    Delegation of the European Commission among them)."""
    kind, projects, text = ask(
        engine, "проект по пунктам пропуска — когда подписали соглашение?", "а с кем?"
    )
    assert (kind, projects[0]) == (Kind.FIELD, "border-checkpoints")
    assert "Представительство Европейской комиссии" in text


def test_an_organisation_in_a_projects_name_is_no_filter(engine: Engine) -> None:
    """ "the rosgranitsa checkpoints project" names the border project; the project that
    started the year it ended (2011) is SIREADA, though Rosgranitsa had no part in it."""
    _kind, projects, _ = ask(
        engine,
        "which project started in the same year the rosgranitsa checkpoints project ended",
    )
    assert projects == ["sireada"]


@pytest.mark.parametrize(
    "question",
    [
        "когда закончился каждый из 4 проектов — месяц и год",
        "when did each of the four projects end?",
    ],
)
def test_each_of_the_four_projects(engine: Engine, question: str) -> None:
    """ "каждый из 4 проектов", "each of the four projects": the field for every project."""
    kind, projects, text = ask(engine, question)
    assert kind is Kind.LIST
    assert len(projects) == 4
    assert "2013" in text and "2010" in text


def test_which_countries_partners_were_from_is_answered(engine: Engine) -> None:
    """ "MIA counterparts in sireada - which countries' ministries were they": the partners'
    own countries (Moldova, Ukraine), not "the page does not say where"."""
    kind, projects, text = ask(
        engine, "MIA counterparts in sireada - which countries' ministries were they"
    )
    assert (kind, projects[0]) == (Kind.FIELD, "sireada")
    assert "Moldova" in text and "Ukraine" in text


@pytest.mark.parametrize(
    "question",
    [
        "unrelated, but do you know what the weather is usually like in Kaliningrad in November",
        "не по теме, но какая погода в Москве в ноябре?",
    ],
)
def test_a_question_the_asker_calls_unrelated_is_out_of_scope(
    engine: Engine, question: str
) -> None:
    """ "unrelated, but …", "не по теме, но …": the asker says it is not about the projects
    (the month alone must not list the projects that ran then)."""
    kind, projects, _ = ask(engine, question)
    assert (kind, projects) == (Kind.OUT_OF_SCOPE, [])


@pytest.mark.parametrize(
    "question", ["какие проекты были по теме реадмиссии?", "projects on the topic of readmission?"]
)
def test_on_the_topic_of_is_no_topic_word(engine: Engine, question: str) -> None:
    """ "по теме реадмиссии", "on the topic of readmission": the readmission projects."""
    kind, projects, _ = ask(engine, question)
    assert kind is Kind.LIST
    assert sorted(projects) == ["readmission-framework", "readmission-mechanisms", "sireada"]


def test_who_were_they_asks_the_field_again_of_the_one_project_shown(engine: Engine) -> None:
    """ "which of them also had other donors?" (the 2007-2010 programme) - "who were they?":
    its funders."""
    kind, projects, text = ask(
        engine,
        "which projects were funded by the European Union?",
        "which of them also had other donors?",
        "who were they?",
    )
    assert (kind, projects[0]) == (Kind.FIELD, "readmission-framework")
    assert "Germany" in text and "Finland" in text


def test_where_to_after_a_list_of_study_tours(engine: Engine) -> None:
    """ "which projects had study tours that actually took place?" - "where to?": where that
    project's study tours went."""
    _kind, projects, text = ask(
        engine, "which projects had study tours that actually took place?", "where to?"
    )
    assert projects[0] == "readmission-framework"
    assert "Netherlands" in text and "Austria" in text


def test_of_them_after_a_list_of_one_narrows_that_list(engine: Engine) -> None:
    """ "which projects ran in 2013?" (SIREADA alone) - "which of them was funded by
    Finland?": none of them, not the project Finland funded."""
    kind, projects, _ = ask(
        engine, "which projects ran in 2013?", "which of them was funded by Finland?"
    )
    assert (kind, projects) == (Kind.NOT_FOUND, [])


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        (
            ("which project ended first?", "and which was the next one to end after it?"),
            "readmission-mechanisms",
        ),
        (("which project was the longest?", "and the next one?"), "sireada"),
    ],
)
def test_the_next_one_in_the_order_just_given(
    engine: Engine, turns: tuple[str, ...], expected: str
) -> None:
    """ "and the next one?" after "which ended first" / "which was the longest": the project
    after it in that order (April 2011 after February 2010; 24 months after 37)."""
    _kind, projects, _ = ask(engine, *turns)
    assert projects[0] == expected


def test_it_after_a_superlative_list_is_its_winner(engine: Engine) -> None:
    """ "what was the longest of the four projects?" (shown in order) - "who funded it besides
    the european commission?": the longest one's other funders."""
    _kind, projects, text = ask(
        engine,
        "what was the longest of the four projects?",
        "who funded it besides the european commission?",
    )
    assert projects[0] == "readmission-framework"
    assert "Germany" in text and "Finland" in text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("which is the only project that worked with the UK", ["sireada"]),
        ("В каких проектах участвовала Молдова — только в SIREADA?", ["sireada"]),
        (
            "which projects were in Russia only?",
            ["border-checkpoints", "readmission-framework", "readmission-mechanisms"],
        ),
    ],
)
def test_only_is_read_where_it_stands(engine: Engine, question: str, expected: list[str]) -> None:
    """ "only in Russia" / "in Russia only" picks projects in that country alone; "the only
    project that worked with the UK" and "Moldova — only in SIREADA?" do not."""
    kind, projects, _ = ask(engine, question)
    assert kind is Kind.LIST
    assert sorted(projects) == expected


@pytest.mark.parametrize(
    "question",
    [
        "which projects name a final beneficiary",
        "which is the only project that names a final beneficiary",
        "в каких проектах был конечный бенефициар?",
    ],
)
def test_projects_with_a_final_beneficiary(engine: Engine, question: str) -> None:
    """A role as a filter: the one project that names a final beneficiary (Rosgranitsa)."""
    kind, projects, text = ask(engine, question)
    assert (kind, projects) == (Kind.LIST, ["border-checkpoints"])
    assert "Rosgranitsa" in text or "Росграниц" in text


def test_the_project_iom_moscow_carried_out_under_the_delegations_contract(
    engine: Engine,
) -> None:
    """ "какой проект МОМ Москва выполняла по соглашению с Представительством Еврокомиссии?":
    the border checkpoints project (the Delegation contracted IOM Moscow); "выполняла" is the
    verb of implementing, no topic."""
    _kind, projects, _ = ask(
        engine,
        "какой проект МОМ Москва выполняла по соглашению с Представительством Еврокомиссии?",
        "кто был конечным бенефициаром?",
    )
    assert projects[0] == "border-checkpoints"


def test_projects_spelt_by_ear_in_the_locative_is_a_list(engine: Engine) -> None:
    """ "в каких праектах не учавствовала Росграница?": "праектах" is "проектах" (a list
    question), and the others than the border project are those without Rosgranitsa."""
    kind, projects, _ = ask(engine, "в каких праектах не учавствовала Росграница?")
    assert kind is Kind.LIST
    assert sorted(projects) == ["readmission-framework", "readmission-mechanisms", "sireada"]


def test_a_word_that_begins_like_law_is_no_law(engine: Engine) -> None:
    """ "закончились" (ended) begins like "закон" (law) but is no law: "какие праекты
    закончились раньше чем прект по погранпереходам?" lists the two that ended before the
    border project (whose Russian alias "по погранпереходам" names it)."""
    kind, projects, _ = ask(
        engine, "какие праекты закончились раньше чем прект по погранпереходам?"
    )
    assert kind is Kind.LIST
    assert sorted(projects) == ["readmission-framework", "readmission-mechanisms"]


def test_legal_is_not_human_rights_in_russian(engine: Engine) -> None:
    """ "правовой" (legal) and "права" (rights) begin alike: the first is the legal framework,
    the second human rights (the readmission centres' training was to safeguard migrants'
    rights)."""
    assert term("правовой") == term("legal") != term("права")
    assert term("права") == term("rights")
    assert term("закончились") != term("закон")


@pytest.mark.parametrize(
    "turns",
    [
        (
            "when did the readmission framework programme end?",
            "how long after that did SIREADA start?",
        ),
    ],
)
def test_how_long_after_the_project_just_discussed(engine: Engine, turns: tuple[str, ...]) -> None:
    """ "how long after that did SIREADA start?" after the 2007-2010 programme's end: the gap
    between the two (February 2010 to March 2011, 13 months), with both projects."""
    _kind, projects, text = ask(engine, *turns)
    assert set(projects[:2]) == {"readmission-framework", "sireada"}
    assert "13 months" in text


@pytest.mark.parametrize(
    "turns",
    [
        ("расскажи про проект 2009 года по реадмиссии", "а кто его реализовывал?"),
        (
            "what's the border checkpoints project about?",
            "and the other one from 2009, the readmission one?",
            "who implemented it?",
        ),
    ],
)
def test_a_year_that_describes_a_project_is_its_start(
    engine: Engine, turns: tuple[str, ...]
) -> None:
    """ "проект 2009 года по реадмиссии", "the other one from 2009, the readmission one": the
    readmission project that started in 2009 (not the 2007-2010 programme, also active then)."""
    _kind, projects, _ = ask(engine, *turns)
    assert projects[0] == "readmission-mechanisms"


def test_who_paid_asks_for_the_funders(engine: Engine) -> None:
    """ "а кто платил?": who paid, the funders of the project just discussed."""
    kind, projects, text = ask(engine, "расскажи про проект по пунктам пропуска", "а кто платил?")
    assert (kind, projects[0]) == (Kind.FIELD, "border-checkpoints")
    assert "Европейский союз" in text


def test_its_ec_programme_is_the_programme_it_belonged_to(engine: Engine) -> None:
    """ "tell me about SIREADA" - "was it part of some bigger EC programme?": the EC Thematic
    programme it was part of (the EC names the programme, not another project's funder)."""
    kind, projects, text = ask(
        engine, "tell me about SIREADA", "was it part of some bigger EC programme?"
    )
    assert (kind, projects[0]) == (Kind.FIELD, "sireada")
    assert "Thematic programme" in text


def test_any_of_them_in_a_country_nobody_worked_in(engine: Engine) -> None:
    """ "what projects do you know about?" - "any of them in Kazakhstan?": none of them."""
    kind, projects, text = ask(
        engine, "what projects do you know about?", "any of them in Kazakhstan?"
    )
    assert (kind, projects) == (Kind.NOT_FOUND, [])
    assert "Kazakhstan" in text


def test_how_many_of_them_counts_the_projects_listed(engine: Engine) -> None:
    """ "перечисли проекты, где партнёром была ФМС России, и скажи, сколько их": the FMS's
    projects and their number, not a statistic the page lacks."""
    kind, projects, _ = ask(
        engine, "перечисли проекты, где партнёром была ФМС России, и скажи, сколько их"
    )
    assert kind in (Kind.LIST, Kind.COUNT)
    assert "sireada" in projects and "border-checkpoints" not in projects


def test_which_programme_lasted_longest_and_who_funded_it_in_russian(engine: Engine) -> None:
    """ "какая программа длилась дольше всех и кто её финансировал?": the longest (the
    2007-2010 programme), then its funders ("программа" picks a project as "проект" does)."""
    _kind, projects, text = ask(
        engine, "какая программа длилась дольше всех и кто её финансировал?"
    )
    assert projects[0] == "readmission-framework"
    assert "Германи" in text and "Финлянд" in text


def test_still_running_is_no_other_project(engine: Engine) -> None:
    """ "а он ещё шёл весной 2011 года?": "ещё" before a verb of running is "still", about the
    project just discussed (the border project ran until June 2011), not another project."""
    kind, projects, text = ask(
        engine, "расскажи про проект с Росграницей", "а он ещё шёл весной 2011 года?"
    )
    assert (kind, projects[0]) == (Kind.FIELD, "border-checkpoints")
    assert "Да" in text


def test_a_date_rules_out_a_project_named_by_a_phrase(engine: Engine) -> None:
    """ "which project did IOM implement jointly with the FMS starting in September 2009?":
    "jointly with the FMS" is also how the 2007-2010 programme is described, but it started in
    2007; the mechanisms project started then - and the other one that month is the border one."""
    _kind, projects, _ = ask(
        engine,
        "which project did IOM implement jointly with the FMS starting in September 2009?",
    )
    assert projects[0] == "readmission-mechanisms"
    _kind, projects, _ = ask(
        engine,
        "which project did IOM implement jointly with the FMS starting in September 2009?",
        "and what other project started that same month?",
    )
    assert projects == ["border-checkpoints"]


def test_that_very_month_is_that_same_month(engine: Engine) -> None:
    """ "and was anything else launched that very month?" after the follow-up project
    (September 2009): the border checkpoints project, launched then too."""
    _kind, projects, _ = ask(
        engine,
        "which project was the follow-up to the 2007-2010 readmission programme?",
        "and was anything else launched that very month?",
    )
    assert projects == ["border-checkpoints"]


def test_any_role_of_a_country_lists_every_part_it_had(engine: Engine) -> None:
    """ "did germany have any role in it?" about the 2007-2010 programme: its funder and a study
    tour destination, not only the statement that names it."""
    kind, projects, text = ask(
        engine,
        "which programme mentions the Pskov Readmission Centre?",
        "did germany have any role in it?",
    )
    assert (kind, projects[0]) == (Kind.FIELD, "readmission-framework")
    assert "funder" in text and "Study tours" in text


@pytest.mark.parametrize(
    "text",
    ["какие проекты были посвящены реадмиссии", "which projects were dedicated to readmission"],
)
def test_dedicated_to_a_topic_lists_the_projects_on_it(engine: Engine, text: str) -> None:
    """ "Посвящены" / "dedicated to" only introduces the topic, like "about"."""
    assert_projects(
        engine, (text,), Kind.LIST, ["readmission-framework", "readmission-mechanisms", "sireada"]
    )


@pytest.mark.parametrize("text", ["which project cost the most", "most", "which was the most"])
def test_most_at_the_end_of_a_question_is_read_safely(engine: Engine, text: str) -> None:
    """ "the most" as the question's last words is no superlative of a following word (it once
    read past the end of the question)."""
    kind, _projects, text = ask(engine, text)
    assert kind in (Kind.NO_INFO, Kind.HELP), text


@pytest.mark.parametrize(
    "text",
    [
        "ok thanks. whats the weather in moscow today",
        "can you recommend a hotel in Pskov?",
        "what is the capital of Moldova?",
        "any good restaurants near the IOM office in Moscow?",
        "какая погода в Москве?",
    ],
)
def test_an_everyday_question_after_a_project_is_not_about_it(engine: Engine, text: str) -> None:
    """Right after a project, a question on an everyday subject, or on an English word the
    page never uses, without "it" or a field, is out of scope, not a card of that project."""
    kind, projects, answer = ask(engine, "who funded the readmission framework programme?", text)
    assert (kind, projects) == (Kind.OUT_OF_SCOPE, []), answer


def test_a_russian_follow_up_with_everyday_verbs_stays_on_the_project(engine: Engine) -> None:
    """Russian follow-ups say everyday words that are not their topic ("собирались",
    "должен"): they stay on the project just discussed."""
    assert_answer(
        engine,
        (
            "что за проект по административным механизмам реадмиссии?",
            "о чём должен был быть фильм?",
        ),
        Kind.FIELD,
        "readmission-mechanisms",
        "",
    )


def test_that_one_after_what_a_project_followed_up_on_is_the_earlier_programme(
    engine: Engine,
) -> None:
    """ "What was X a follow-up to?" names X first (it is about X), but "that one" next is the
    programme the answer named."""
    assert_answer(
        engine,
        ("what's the readmission mechanisms project a follow-up to?", "who funded that one?"),
        Kind.FIELD,
        "readmission-framework",
        "Finland",
    )


def test_i_meant_to_ask_corrects_the_question_not_the_project(engine: Engine) -> None:
    """ "sorry, I meant to ask when it ended" asks again about the same project."""
    assert_answer(
        engine,
        ("when did the project with rosgranitsa start?", "sorry, I meant to ask when it ended"),
        Kind.FIELD,
        "border-checkpoints",
        "June 2011",
    )


@pytest.mark.parametrize(
    "turns",
    [
        ("which projects started while the 2007-2010 programme was still running?",),
        ("which projects started during the 2007-2010 programme?",),
        (
            "what was the 2007-2010 readmission programme",
            "which projects started while it was still running?",
        ),
    ],
)
def test_started_while_another_was_running_is_a_start_within_its_months(
    engine: Engine, turns: tuple[str, ...]
) -> None:
    """ "Started while X was (still) running" / "during X": the projects whose start falls in
    X's months, X itself left out ("still running" is X's, after "while")."""
    assert_projects(engine, turns, Kind.LIST, ["border-checkpoints", "readmission-mechanisms"])


@pytest.mark.parametrize(
    "turns",
    [
        ("tell me about SIREADA", "which projects overlapped with it?"),
        ("tell me about SIREADA", "с какими проектами он пересекался?"),
        ("с какими проектами по времени пересекался SIREADA?",),
    ],
)
def test_which_projects_overlapped_with_it_lists_them(
    engine: Engine, turns: tuple[str, ...]
) -> None:
    """An overlap with the project just discussed (or named) is a list, also when asked "с
    какими проектами" (a plural in the instrumental case), not that project's card."""
    assert_projects(engine, turns, Kind.LIST, ["border-checkpoints", "readmission-mechanisms"])


@pytest.mark.parametrize(
    ("text", "projects", "fragment"),
    [
        (
            "apart from IOM and the EU, which organisation took part in more than one project?",
            ["readmission-framework", "readmission-mechanisms", "sireada"],
            "Federal Migration Service (FMS) — ",
        ),
        (
            "какие организации, кроме МОМ и ЕС, участвовали сразу в нескольких проектах?",
            ["readmission-framework", "readmission-mechanisms", "sireada"],
            "ФМС",
        ),
        (
            "which organisations took part in more than one project?",
            ["border-checkpoints", "readmission-framework", "readmission-mechanisms", "sireada"],
            "European Union (EU) — ",
        ),
    ],
)
def test_organisations_in_more_than_one_project(
    engine: Engine, text: str, projects: list[str], fragment: str
) -> None:
    """Each organisation that funded or partnered two projects or more, with its projects;
    the ones the question sets apart are left out."""
    assert_projects(engine, (text,), Kind.LIST, projects, fragment)


@pytest.mark.parametrize(
    "text",
    ["how many projects had more than one donor", "did more than one project have NGO partners?"],
)
def test_more_than_one_of_the_projects_is_not_organisations_in_several(
    engine: Engine, text: str
) -> None:
    """ "More than one donor" counts a project's organisations, "did more than one project …"
    asks about projects: neither lists the organisations shared by projects."""
    _kind, _projects, answer = ask(engine, text)
    assert "more than one project (" not in answer, answer


@pytest.mark.parametrize(
    ("text", "projects"),
    [
        ("which projects were already over by the time SIREADA began", ["readmission-framework"]),
        ("which projects had ended by the time SIREADA began", ["readmission-framework"]),
        (
            "which other projects started before the 2007-2010 readmission programme was over",
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        (
            "which projects were still running by the time SIREADA began",
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        ("какие проекты уже закончились к началу 2011 года", ["readmission-framework"]),
        ("which projects had ended by the start of 2011", ["readmission-framework"]),
        (
            "какие проекты закончились к 2011 году",
            ["border-checkpoints", "readmission-framework", "readmission-mechanisms"],
        ),
    ],
)
def test_by_the_time_and_over_and_by_the_start_of(
    engine: Engine, text: str, projects: list[str]
) -> None:
    """ "Over by the time X began" ended before X began ("was over" is an end; "still running
    by the time" is running then); "by the start of 2011" / "к началу 2011 года" is before
    2011, "к 2011 году" at the latest in 2011."""
    assert_projects(engine, (text,), Kind.LIST, projects)


@pytest.mark.parametrize(
    ("text", "projects"),
    [
        ("which projects were not running at any point in 2010", ["sireada"]),
        ("which projects weren't active at any time in 2010", ["sireada"]),
        ("какие проекты никак не были связаны с реадмиссией", ["border-checkpoints"]),
    ],
)
def test_not_at_any_point_and_in_no_way_still_negate(
    engine: Engine, text: str, projects: list[str]
) -> None:
    """ "not … at any point in 2010" excludes 2010 (the words between lead up to the date);
    "никак не" is a "не"."""
    assert_projects(engine, (text,), Kind.LIST, projects)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("why did sweden co-fund the 2007-2010 readmission programme", "Finland"),
        ("почему Швеция софинансировала программу 2007–2010 по реадмиссии?", "Финлянд"),
    ],
)
def test_a_funder_that_was_not_one_gets_the_real_funders(
    engine: Engine, text: str, fragment: str
) -> None:
    """A country no project involved, named as a funder of a project named after it: the
    project did not involve it, and its funders (not a reason for a funding that never was)."""
    assert_answer(engine, (text,), Kind.FIELD, "readmission-framework", fragment)


def test_did_any_project_asks_whether_one_fits(engine: Engine) -> None:
    """ "Did any project start after X ended?" is a list question (here: none did), not a
    question about X."""
    kind, projects, text = ask(
        engine, "did any project start after the border checkpoints project ended?"
    )
    assert (kind, projects) == (Kind.NOT_FOUND, []), text


def test_a_country_tie_names_the_organisations_from_there(engine: Engine) -> None:
    """ "The UK government" is the United Kingdom ("government" is no topic beside a country),
    and the list says which of its organisations took part, in which role."""
    assert_projects(
        engine,
        ("did any project involve the UK government?",),
        Kind.LIST,
        ["sireada"],
        "UK Border Agency",
    )


def test_a_body_of_the_wrong_country_is_one_the_page_does_not_have(engine: Engine) -> None:
    """ "The Russian Ministry of Internal Affairs": the page has Moldova's and Ukraine's only,
    so no project worked with it (not the projects of the other two)."""
    assert_answer(
        engine,
        ("which projects worked with the Russian Ministry of Internal Affairs",),
        Kind.NOT_FOUND,
        "",
        "Russian Ministry of Internal Affairs",
    )
    assert_projects(
        engine,
        ("which projects worked with the Ministry of Internal Affairs of Moldova",),
        Kind.LIST,
        ["sireada"],
        "Republic of Moldova",
    )


@pytest.mark.parametrize(
    ("turns", "kind", "fragment"),
    [
        (("which proj made a movie", "who was it aimed at"), Kind.FIELD, "potential migrants"),
        (
            (
                "в каком проекте был фильм про риски нелегальной миграции?",
                "а на кого он рассчитан?",
            ),
            Kind.FIELD,
            "путешественни",
        ),
        (
            (
                "tell me about the movie in the readmission mechanisms project",
                "what was it called?",
            ),
            Kind.NO_INFO,
            "no title",
        ),
        (("which proj made a movie", "who funded it?"), Kind.FIELD, "European Union"),
    ],
)
def test_it_after_a_question_about_a_thing_is_that_thing(
    engine: Engine, turns: tuple[str, ...], kind: Kind, fragment: str
) -> None:
    """Right after a question about a thing (the movie), "who was it aimed at?", "а на кого он
    рассчитан?", "what was it called?" ask about the thing; "who funded it?" still asks about
    the project."""
    assert_answer(engine, turns, kind, "readmission-mechanisms", fragment)


def test_a_follow_up_list_says_what_each_followed_and_to_which(engine: Engine) -> None:
    """A list of follow-ups says what each one followed up on; "… and to which?" names those
    programmes among the answer's projects too."""
    assert_projects(
        engine,
        ("which project was a follow-up to another one, and to which?",),
        Kind.LIST,
        ["readmission-mechanisms", "readmission-framework"],
        "follow-up of Assistance to the Government",
    )
    assert_projects(
        engine, ("which projects were follow-ups?",), Kind.LIST, ["readmission-mechanisms"]
    )


def test_which_later_project_followed_up_on_a_title(engine: Engine) -> None:
    """A title, then "which later project followed up on it?": the link, not a statement that
    shares the title's words; a project that nothing followed up on gets an honest "none"."""
    assert_answer(
        engine,
        (
            "Assistance to the Government of the RF in Establishing Legal and Administrative "
            "Framework - which later project followed up on it?",
        ),
        Kind.FIELD,
        "readmission-mechanisms",
        "follow-up",
    )
    assert_answer(
        engine,
        ("какой проект стал продолжением SIREADA",),
        Kind.NOT_FOUND,
        "sireada",
        "Связанных проектов у SIREADA нет",
    )


def test_the_link_between_projects_is_said_in_russian(engine: Engine) -> None:
    """The relation of two projects is worded in the answer's language ("продолжение
    проекта"), not in the knowledge base's English key."""
    assert_answer(
        engine,
        ("продолжением какой программы был проект по административным механизмам?",),
        Kind.FIELD,
        "readmission-mechanisms",
        "— продолжение проекта Содействие Правительству",
    )


@pytest.mark.parametrize(
    "text",
    [
        "in what year was the Federal Migration Service of Russia founded",
        "где находится офис Volynsky Perspectyvy",
    ],
)
def test_what_the_page_does_not_give_about_an_organisation(engine: Engine, text: str) -> None:
    """When the FMS was founded ("of Russia" is its own country, no second thing asked about)
    and where an NGO's office is: the page gives neither."""
    kind, _projects, answer = ask(engine, text)
    assert kind is Kind.NO_INFO, answer


def test_the_home_office_is_no_question_about_an_office(engine: Engine) -> None:
    """ "The project where the Home Office was involved": "where" and "Office" are parts of the
    description and of a name, not a question about where an office is."""
    assert_answer(
        engine,
        ("the project where the Home Office was involved - what years did it run",),
        Kind.FIELD,
        "sireada",
        "2013",
    )


@pytest.mark.parametrize(
    "text",
    [
        "when does SIREADA phase 2 start",
        "sireada phase 2 - when does it start",
        "когда начнется второй этап SIREADA",
    ],
)
def test_a_later_phase_the_page_does_not_know(engine: Engine, text: str) -> None:
    """A second phase of a project whose names have no phases: the page knows none (not the
    dates of the project itself as if they were the phase's)."""
    kind, projects, answer = ask(engine, text)
    assert (kind, projects) == (Kind.NOT_FOUND, []), answer
    assert "2013" in answer, answer


def test_that_programme_after_a_project_of_a_programme_is_its_programme(engine: Engine) -> None:
    """After the project that was part of the EC Thematic programme, "that thematic
    programme" is its programme, not the project the word "programme" alone hints at."""
    assert_answer(
        engine,
        (
            "which project was part of the EC Thematic programme?",
            "what year was that thematic programme?",
        ),
        Kind.FIELD,
        "sireada",
        "2009",
    )


def test_the_dates_of_an_activity_the_page_does_not_date(engine: Engine) -> None:
    """ "What were the dates of the five IML training courses": the page does not date them
    (the programme's own dates are another matter)."""
    assert_answer(
        engine,
        ("what were the dates of the five IML training courses",),
        Kind.NO_INFO,
        "readmission-framework",
        "no date",
    )
    assert_answer(engine, ("what were the dates of SIREADA",), Kind.FIELD, "sireada", "2013")


@pytest.mark.parametrize(
    ("text", "projects", "fragment"),
    [
        (
            "what is the second oldest project",
            ["border-checkpoints", "readmission-mechanisms"],
            "share that place",
        ),
        (
            "какой проект стартовал вторым по счёту",
            ["border-checkpoints", "readmission-mechanisms"],
            "делят",
        ),
        ("какой проект закончился вторым по счёту", ["readmission-mechanisms"], ""),
        (
            "eu-only funded projcts - wich one started frist",
            ["border-checkpoints", "readmission-mechanisms"],
            "share that place",
        ),
    ],
)
def test_projects_that_tie_share_a_place_in_an_order(
    engine: Engine, text: str, projects: list[str], fragment: str
) -> None:
    """Two projects that started in the same month share a place in the order: "the second
    oldest", "which one started first" among those funded by the EU alone name both, and only
    them; "вторым по счёту" counts in the order of the verb."""
    assert_projects(engine, (text,), Kind.LIST, projects, fragment)


@pytest.mark.parametrize(
    ("text", "projects"),
    [
        (
            "how many projects were longer than the border checkpoints project",
            ["readmission-framework", "sireada"],
        ),
        (
            "which projects were shorter than SIREADA",
            ["border-checkpoints", "readmission-mechanisms"],
        ),
        (
            "which projects worked in fewer countries than SIREADA",
            ["border-checkpoints", "readmission-framework", "readmission-mechanisms"],
        ),
        ("which projects had more partners than the border checkpoints project", ["sireada"]),
        ("какие проекты длились дольше, чем SIREADA", ["readmission-framework"]),
    ],
)
def test_projects_compared_with_one_named_by_a_measure(
    engine: Engine, text: str, projects: list[str]
) -> None:
    """ "Longer than X", "fewer countries than X", "больше партнёров, чем у X": the projects
    beyond X by that measure, X itself left out."""
    _kind, got, answer = ask(engine, text)
    assert got == projects, answer


@pytest.mark.parametrize(
    ("turns", "projects"),
    [
        (
            (
                "tell me about the project that had four components",
                "was it longer or shorter than sireada?",
            ),
            ["border-checkpoints", "sireada"],
        ),
        (
            (
                "which project involved the UK Border Agency?",
                "which started earlier - that one or the rosgranitsa project?",
            ),
            ["border-checkpoints", "sireada"],
        ),
    ],
)
def test_the_project_just_discussed_compared_with_another(
    engine: Engine, turns: tuple[str, ...], projects: list[str]
) -> None:
    """ "Was it longer or shorter than SIREADA?", "which started earlier - that one or the
    rosgranitsa project?": the project just discussed is one of the two compared."""
    _kind, got, answer = ask(engine, *turns)
    assert sorted(got) == projects, answer


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("in which year were the most projects active", "2009, 2010 and 2011: 3 in each"),
        ("в каком году было активно больше всего проектов", "2009, 2010 и 2011"),
    ],
)
def test_the_years_with_the_most_projects_running(engine: Engine, text: str, fragment: str) -> None:
    """The year (here three years that tie) with the most projects running, and those
    projects."""
    assert_projects(
        engine,
        (text,),
        Kind.LIST,
        ["border-checkpoints", "readmission-framework", "readmission-mechanisms", "sireada"],
        fragment,
    )


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("which cities did the study tours of the 2007-2010 programme visit", "only the countries"),
        (
            "which country was the study tour of the readmission mechanisms project going to",
            "does not say where",
        ),
        (
            "the five IML courses - which russian regions or cities were they held in",
            "does not say where",
        ),
    ],
)
def test_places_the_page_does_not_name(engine: Engine, text: str, fragment: str) -> None:
    """Cities when the page names only countries; where a planned study tour was to go; where
    courses "in the regions" were held: the page does not say."""
    kind, _projects, answer = ask(engine, text)
    assert kind is Kind.NO_INFO, answer
    assert fragment in answer, answer


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "how many years passed between the start of the readmission framework programme and the end of SIREADA",
            "February 2007 and SIREADA ended in February 2013: 72 months, exactly six years apart",
        ),
        ("сколько лет прошло от начала программы 2007-2010 до окончания SIREADA", "ровно 6 лет"),
    ],
)
def test_from_the_start_of_one_project_to_the_end_of_another(
    engine: Engine, text: str, fragment: str
) -> None:
    """ "Between the start of X and the end of Y": from X's first month to Y's last."""
    _kind, projects, answer = ask(engine, text)
    assert sorted(projects) == ["readmission-framework", "sireada"], answer
    assert fragment in answer, answer


def test_how_many_more_of_something_one_project_had(engine: Engine) -> None:
    """Two projects compared by a number: the winner, and by how many it leads."""
    assert_answer(
        engine,
        (
            "how many more funders did the readmission framework programme have than the "
            "readmission mechanisms project",
        ),
        Kind.FIELD,
        "readmission-framework",
        "That is two (2) more than Development of Administrative Mechanisms",
    )


@pytest.mark.parametrize(
    "text",
    [
        "the English course for FMS staff was in the 2007-2010 programme, right?",
        "английский курс для сотрудников ФМС был в программе 2007–2010, да?",
    ],
)
def test_a_thing_for_someone_claimed_of_the_wrong_project(engine: Engine, text: str) -> None:
    """Whom a thing was for ("for FMS staff") does not tell things apart: the English course
    was the mechanisms project's, and the answer says so first."""
    assert_answer(engine, (text,), Kind.FIELD, "readmission-mechanisms", "")


def test_an_unknown_word_beside_the_page_s_own_topic_keeps_the_project(engine: Engine) -> None:
    """ "Was germany just a study tour stop or more?": "stop" is a word the page never uses,
    but the study tour is the page's, so the question stays on the project just discussed."""
    assert_answer(
        engine,
        (
            "which programme had study tours to the netherlands?",
            "was germany just a study tour stop or more?",
        ),
        Kind.FIELD,
        "readmission-framework",
        "Germany",
    )


def test_the_rest_of_a_title_before_its_named_words_is_no_topic(engine: Engine) -> None:
    """ "enhancment of mgmt of RF border chekpoints how many componets": the words before
    "border checkpoints" are the rest of the title (one of its words, an abbreviation, the
    country), not details to look for; the question is the number of components."""
    assert_answer(
        engine,
        ("enhancment of mgmt of RF border chekpoints how many componets",),
        Kind.FIELD,
        "border-checkpoints",
        "Components (4)",
    )


def test_two_numbered_items_each_with_its_own_word(engine: Engine) -> None:
    """ "component 4 n component 3": both items, the field's word repeated between them."""
    _kind, _projects, text = ask(
        engine, "ok so the checkpoint proj, whats component 4 n component 3"
    )
    assert "Component Four" in text and "Component Three" in text, text


def test_what_kind_of_help_a_named_project_gave_in_russian(engine: Engine) -> None:
    """ "Какого рода помощь … предусматривал проект по КПП?": "помощь" beside a named project is
    the help it gave (not a request for help with the bot), "какого рода" no topic."""
    assert_answer(
        engine,
        ("какого рода помощь России предусматривал проект по КПП?",),
        Kind.FIELD,
        "border-checkpoints",
        "Методическая, техническая и институциональная помощь",
    )


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Росграница в проекте по КПП была только бенефициаром?", "партнёр"),
        (
            "was Rosgranitsa only the final beneficiary of the border checkpoints project?",
            "partner, final beneficiary",
        ),
    ],
)
def test_only_one_role_checked_gets_every_role(engine: Engine, text: str, fragment: str) -> None:
    """ "Was Rosgranitsa only the beneficiary?": every role it had there (it was the partner
    too); "funded only by the EU?" is still answered with all the funders."""
    assert_answer(engine, (text,), Kind.FIELD, "border-checkpoints", fragment)
    assert_answer(
        engine,
        ("was the 2007-2010 programme funded only by the EU?",),
        Kind.FIELD,
        "readmission-framework",
        "Germany",
    )


def test_in_what_capacity_asks_for_the_role(engine: Engine) -> None:
    """ "In what capacity did the German government take part": its role (a funder), not the
    statements that say "capacity"."""
    assert_projects(
        engine,
        ("in what capacity did the German government take part in your projects",),
        Kind.LIST,
        ["readmission-framework"],
        "Government of Germany: funder",
    )


@pytest.mark.parametrize(
    ("turns", "first"),
    [
        (
            (
                "what did component four of the border checkpoints project do",
                "thanks. different topic: which federal laws did the 2007-2010 programme help amend?",
            ),
            "readmission-framework",
        ),
        (("tell me about SIREADA", "another question: who funded it?"), "sireada"),
    ],
)
def test_a_different_topic_leaves_the_project_just_discussed(
    engine: Engine, turns: tuple[str, ...], first: str
) -> None:
    """ "Different topic: …" starts afresh; "another question: who funded it?" still asks about
    the project just discussed."""
    _kind, projects, text = ask(engine, *turns)
    assert projects == [first], text
