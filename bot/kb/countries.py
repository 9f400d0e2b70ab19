"""A gazetteer of countries in English and Russian, built once from pycountry.

`find_country("Russia")`, `find_country("Российская Федерация")` and `find_country("RF")` all give
the same `Country`; `find_adjective("moldovan")` gives Moldova. The validator uses it to check the
`countries:` and `country:` fields of the knowledge base, the question engine to spot countries in
questions. Every table is built on first use and cached, so look-ups are dictionary reads.
"""

from __future__ import annotations

import gettext
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

import pycountry


@dataclass(frozen=True)
class Country:
    """A country: its ISO 3166 alpha-2 code, its short English name and every alias we know."""

    code: str
    name: str
    names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()


# Short English names where pycountry's is awkward ("Moldova, Republic of") or not the usual one.
_CANONICAL: Mapping[str, str] = {
    "BO": "Bolivia",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "IR": "Iran",
    "KP": "North Korea",
    "KR": "South Korea",
    "MD": "Moldova",
    "TW": "Taiwan",
    "VN": "Vietnam",
}

# Names people write that neither pycountry nor its Russian translation has, in both languages.
# No bare codes that are also words ("US" would match "tell us" when the engine scans a question).
_EXTRA_NAMES: Mapping[str, tuple[str, ...]] = {
    "RU": ("Russia", "RF", "the Russian Federation", "Россия", "РФ", "Российская Федерация"),
    "MD": ("Republic of Moldova", "the Republic of Moldova", "Moldavia", "Молдова", "Молдавия"),
    "UA": ("the Ukraine", "Украина"),
    "BY": ("Belorussia", "Byelorussia", "Белоруссия", "Беларусь"),
    "GB": (
        "UK",
        "U.K.",
        "Britain",
        "Great Britain",
        "the United Kingdom",
        "England",
        "Великобритания",
        "Британия",
        "Англия",
        "Соединенное Королевство",
    ),
    "US": (
        "USA",
        "U.S.A.",
        "U.S.",
        "United States of America",
        "the United States",
        "America",
        "США",
        "Соединенные Штаты",
        "Соединенные Штаты Америки",
        "Америка",
    ),
    "NL": ("Holland", "the Netherlands", "Голландия"),
    "DE": ("Federal Republic of Germany", "ФРГ"),
    "CZ": ("Czech Republic", "the Czech Republic"),
    "TR": ("Turkey", "Турция"),
    "KG": ("Kyrgyz Republic", "Kirghizia", "Кыргызстан", "Киргизия"),
    "MK": ("Macedonia", "Македония"),
    "CD": ("DR Congo", "DRC", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville",),
    "CI": ("Ivory Coast",),
    "SY": ("Syria", "Сирия"),
    "LA": ("Laos",),
    "PS": ("Palestine",),
    "VA": ("Vatican", "the Holy See"),
    "AE": ("UAE", "ОАЭ"),
}

# The people of a country, named for it ("the Finns gave money", "финны давали деньги"): English
# plural, then the Russian plural forms a question uses most.
_DEMONYMS: Mapping[str, tuple[str, ...]] = {
    "RU": ("russians", "россияне"),
    "MD": ("moldovans", "молдаване"),
    "UA": ("ukrainians", "украинцы"),
    "BY": ("belarusians", "белорусы"),
    "DE": ("germans", "немцы", "немцев", "немцами"),
    "FI": ("finns", "финны", "финнов", "финнами"),
    "AT": ("austrians", "австрийцы", "австрийцев"),
    "NL": ("голландцы", "голландцев", "нидерландцы"),
    "GB": ("brits", "британцы"),
}

# Adjectives: English, then the Russian masculine nominative form. A hand list, enough for the
# countries of the knowledge base and the ones a question is likely to name.
_ADJECTIVES: Mapping[str, tuple[str, ...]] = {
    "RU": ("russian", "российский", "русский"),
    "MD": ("moldovan", "moldavian", "молдавский", "молдовский"),
    "UA": ("ukrainian", "украинский"),
    "BY": ("belarusian", "belarussian", "белорусский"),
    "GB": ("british", "британский"),  # "English" is the language of an English course
    "US": ("american", "американский"),
    "NL": ("dutch", "нидерландский", "голландский"),
    "DE": ("german", "немецкий", "германский"),
    "FI": ("finnish", "финский", "финляндский"),
    "AT": ("austrian", "австрийский"),
    "FR": ("french", "французский"),
    "IT": ("italian", "итальянский"),
    "ES": ("spanish", "испанский"),
    "PL": ("polish", "польский"),
    "SE": ("swedish", "шведский"),
    "NO": ("norwegian", "норвежский"),
    "DK": ("danish", "датский"),
    "BE": ("belgian", "бельгийский"),
    "CH": ("swiss", "швейцарский"),
    "CZ": ("czech", "чешский"),
    "EE": ("estonian", "эстонский"),
    "LV": ("latvian", "латвийский"),
    "LT": ("lithuanian", "литовский"),
    "GE": ("georgian", "грузинский"),
    "AM": ("armenian", "армянский"),
    "AZ": ("azerbaijani", "azerbaijanian", "азербайджанский"),
    "KZ": ("kazakh", "kazakhstani", "казахский", "казахстанский"),
    "KG": ("kyrgyz", "kirghiz", "киргизский", "кыргызский"),
    "UZ": ("uzbek", "узбекский"),
    "TJ": ("tajik", "таджикский"),
    "TM": ("turkmen", "туркменский"),
    "MN": ("mongolian", "монгольский"),
    "CN": ("chinese", "китайский"),
    "TR": ("turkish", "турецкий"),
    "AF": ("afghan", "афганский"),
    "VN": ("vietnamese", "вьетнамский"),
    "IN": ("indian", "индийский"),
    "PK": ("pakistani", "пакистанский"),
    "BD": ("bangladeshi", "бангладешский"),
    "LK": ("sri lankan", "шри-ланкийский"),
    "IR": ("iranian", "иранский"),
    "IQ": ("iraqi", "иракский"),
    "SY": ("syrian", "сирийский"),
    "JP": ("japanese", "японский"),
}

# Priorities of an alias: a hand-written one wins over a pycountry name, which wins over a form we
# derived (the part before a comma, a name without accents). An alias two countries share at its
# best priority ("korea") is ambiguous and left out.
_HAND, _PYCOUNTRY, _DERIVED = 0, 1, 2


def normalise(name: str) -> str:
    """The form aliases are compared in: lower case, single spaces, 'ё' read as 'е'."""
    return " ".join(name.casefold().replace("ё", "е").split())


def _ascii_fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _variants(name: str) -> Iterable[tuple[str, int]]:
    """A pycountry name and the forms derived from it, each with its priority."""
    yield name, _PYCOUNTRY
    if ", " in name:  # "Moldova, Republic of" -> "Moldova", "Republic of Moldova"
        head, tail = name.split(", ", 1)
        yield head, _DERIVED
        yield f"{tail} {head}", _DERIVED
    folded = _ascii_fold(name)
    if folded != name and folded.isascii():  # "Türkiye" -> "Turkiye"
        yield folded, _DERIVED


def _short_name(record: object) -> str:
    code = str(getattr(record, "alpha_2", ""))
    if code in _CANONICAL:
        return _CANONICAL[code]
    for attr in ("common_name", "name", "official_name"):
        value = getattr(record, attr, None)
        if value and ", " not in str(value):
            return str(value)
    return str(getattr(record, "name", code))


@cache
def _russian() -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    except OSError:  # pycountry without its locales: English names only
        return gettext.NullTranslations()


@cache
def _tables() -> tuple[tuple[Country, ...], Mapping[str, Country], Mapping[str, Country]]:
    ru = _russian()
    records = sorted(pycountry.countries, key=lambda r: str(r.alpha_2))
    candidates: dict[str, dict[int, set[str]]] = {}  # alias -> priority -> codes
    aliases_of: dict[str, list[str]] = {}
    short_names: dict[str, str] = {}

    def offer(code: str, alias: str, priority: int) -> None:
        key = normalise(alias)
        if key:
            candidates.setdefault(key, {}).setdefault(priority, set()).add(code)

    for record in records:
        code = str(record.alpha_2)
        short_names[code] = _short_name(record)
        offer(code, short_names[code], _HAND)
        for attr in ("name", "official_name", "common_name"):
            value = getattr(record, attr, None)
            if not value:
                continue
            for variant, priority in _variants(str(value)):
                offer(code, variant, priority)
            translated = ru.gettext(str(value))
            if translated != value:
                for variant, priority in _variants(translated):
                    offer(code, variant, priority)
        for alias in _EXTRA_NAMES.get(code, ()):
            offer(code, alias, _HAND)

    by_alias_code: dict[str, str] = {}
    for alias, by_priority in candidates.items():
        best = by_priority[min(by_priority)]
        if len(best) == 1:
            code = next(iter(best))
            by_alias_code[alias] = code
            aliases_of.setdefault(code, []).append(alias)

    countries: dict[str, Country] = {}
    for record in records:
        code = str(record.alpha_2)
        countries[code] = Country(
            code=code,
            name=short_names[code],
            names=tuple(sorted(aliases_of.get(code, ()))),
            adjectives=(*_ADJECTIVES.get(code, ()), *_DEMONYMS.get(code, ())),
        )
    by_alias = {alias: countries[code] for alias, code in by_alias_code.items()}
    by_adjective = {
        normalise(adj): country for country in countries.values() for adj in country.adjectives
    }
    return (
        tuple(sorted(countries.values(), key=lambda c: c.name)),
        MappingProxyType(by_alias),
        MappingProxyType(by_adjective),
    )


def all_countries() -> tuple[Country, ...]:
    """Every country pycountry knows, sorted by short English name."""
    return _tables()[0]


def country_aliases() -> Mapping[str, Country]:
    """Every alias (normalised, see `normalise`) and its country, for scanning text."""
    return _tables()[1]


def find_country(name: str) -> Country | None:
    """The country `name` names exactly (any case, English or Russian), or None."""
    return _tables()[1].get(normalise(name))


def find_adjective(word: str) -> Country | None:
    """The country an adjective such as 'moldovan' or 'немецкий' refers to, or None."""
    return _tables()[2].get(normalise(word))


def canonical_name(name: str) -> str | None:
    """The short English name of the country `name` names ('Russia' -> 'Russian Federation')."""
    country = find_country(name)
    return country.name if country else None


@cache
def localized_name(name: str, lang: str) -> str:
    """A country's name in `lang` ('Moldova', 'ru' -> 'Республика Молдова'); the name itself
    when there is no translation."""
    if lang != "ru":
        return name
    country = find_country(name)
    if country is None:
        return name
    record = pycountry.countries.get(alpha_2=country.code)
    if record is None:
        return name
    translated = str(_russian().gettext(record.name))
    return translated if translated != record.name else name
