"""The country gazetteer: English and Russian names, short forms and adjectives find one country."""

from __future__ import annotations

import pytest

from bot.kb.countries import (
    all_countries,
    canonical_name,
    country_aliases,
    find_adjective,
    find_country,
)


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Russian Federation", "Russian Federation"),
        ("Russia", "Russian Federation"),
        ("RF", "Russian Federation"),
        ("the Russian Federation", "Russian Federation"),
        ("Moldova", "Moldova"),
        ("Republic of Moldova", "Moldova"),
        ("Moldova, Republic of", "Moldova"),
        ("Ukraine", "Ukraine"),
        ("UK", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("United Kingdom of Great Britain and Northern Ireland", "United Kingdom"),
        ("Holland", "Netherlands"),
        ("the Netherlands", "Netherlands"),
        ("USA", "United States"),
        ("United States", "United States"),
        ("Germany", "Germany"),
        ("Finland", "Finland"),
        ("Austria", "Austria"),
        ("Mongolia", "Mongolia"),
        ("Armenia", "Armenia"),
    ],
)
def test_english_names_and_short_forms_find_the_canonical_country(alias: str, name: str) -> None:
    country = find_country(alias)
    assert country is not None
    assert country.name == name


@pytest.mark.parametrize(
    ("alias", "code"),
    [
        ("Российская Федерация", "RU"),
        ("Россия", "RU"),
        ("РФ", "RU"),
        ("Молдова", "MD"),
        ("Республика Молдова", "MD"),
        ("Украина", "UA"),
        ("Германия", "DE"),
        ("Монголия", "MN"),
        ("Нидерланды", "NL"),
        ("Великобритания", "GB"),
        ("Соединённое Королевство", "GB"),
    ],
)
def test_russian_names_find_the_country(alias: str, code: str) -> None:
    country = find_country(alias)
    assert country is not None
    assert country.code == code


def test_lookup_ignores_case_spacing_and_yo() -> None:
    assert find_country("  russian   FEDERATION ") == find_country("Russian Federation")
    assert find_country("СОЕДИНЕННОЕ КОРОЛЕВСТВО") == find_country("United Kingdom")


def test_unknown_ambiguous_and_word_like_names_find_nothing() -> None:
    """'Korea' names two countries, 'us' is an English word and 'Narnia' is not a country."""
    assert find_country("Narnia") is None
    assert find_country("Korea") is None
    assert find_country("us") is None
    assert find_country("and") is None  # no alpha-3 codes that are words


@pytest.mark.parametrize(
    ("adjective", "code"),
    [
        ("russian", "RU"),
        ("Moldovan", "MD"),
        ("ukrainian", "UA"),
        ("german", "DE"),
        ("finnish", "FI"),
        ("dutch", "NL"),
        ("austrian", "AT"),
        ("british", "GB"),
        ("российский", "RU"),
        ("немецкий", "DE"),
    ],
)
def test_adjectives_find_the_country(adjective: str, code: str) -> None:
    country = find_adjective(adjective)
    assert country is not None
    assert country.code == code
    assert adjective.lower() in country.adjectives


def test_every_country_is_found_by_its_own_name_and_aliases_are_lower_case() -> None:
    countries = all_countries()
    assert len(countries) > 240
    for country in countries:
        assert find_country(country.name) == country
        assert all(alias == alias.lower() for alias in country.names)
    russia = find_country("Russia")
    assert russia is not None
    assert {"russia", "россия", "российская федерация"} <= set(russia.names)


def test_tables_are_built_once() -> None:
    assert all_countries() is all_countries()
    assert country_aliases() is country_aliases()


def test_canonical_name_maps_aliases_to_the_short_english_name() -> None:
    assert canonical_name("Russia") == "Russian Federation"
    assert canonical_name("Holland") == "Netherlands"
    assert canonical_name("Narnia") is None
