"""Text normalisation shared by the index and the question parser: tokens, stems, language.

English and Russian words are stemmed with the Snowball stemmers (PyStemmer), so "funded",
"funding" and "funds" meet, and so do "Германия", "Германии" and "Германией". Synonyms across
wordings and languages ("film" / "movie" / "фильм") are folded into one concept key by
`vocabulary.CONCEPTS`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

import Stemmer

_WORD: Final = re.compile(r"[0-9]+|[a-zа-я]+", re.IGNORECASE)
_CYRILLIC: Final = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN: Final = re.compile(r"[a-z]", re.IGNORECASE)
_INVISIBLE: Final = re.compile(
    r"[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]"
)

_EN_STEMMER: Final = Stemmer.Stemmer("english")
_RU_STEMMER: Final = Stemmer.Stemmer("russian")


#: Terms of two words read as one ("лица без гражданства" are stateless persons: the "без" is
#: no negation).
_COMPOUNDS: Final = re.compile(r"\b(без)\s+(гражданства)\b", re.IGNORECASE)


def clean(text: str, lower: bool = True) -> str:
    """Lower-case, fold ё to е and typographic dashes and quotes, drop invisible characters,
    join the words of `_COMPOUNDS`."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub(" ", text)
    text = (text.lower() if lower else text).replace("ё", "е").replace("Ё", "Е")
    if "без" in text or "Без" in text:  # (a substring test first: most texts have none)
        text = _COMPOUNDS.sub(r"\1\2", text)
    return re.sub(r"[\u2010-\u2015\u2212]", "-", text)


#: Latin letters that look like Cyrillic ones, and the reverse: "Пскoвский" typed with a Latin
#: "o", "SIRЕADA" with a Cyrillic "Е".
_TO_CYRILLIC: Final = str.maketrans("aceopxykABCEHKMOPTXY", "асеорхукАВСЕНКМОРТХУ")
_TO_LATIN: Final = str.maketrans("асеорхукАВСЕНКМОРТХУ", "aceopxykABCEHKMOPTXY")
#: A word in which the two alphabets meet, and the meeting itself (a quick test first).
_MIXED: Final = re.compile(r"[a-zа-яё]*(?:[а-яё][a-z]|[a-z][а-яё])[a-zа-яё]*", re.IGNORECASE)
_SWITCH: Final = re.compile(r"[а-яёА-ЯЁ][a-zA-Z]|[a-zA-Z][а-яёА-ЯЁ]")


def unmix(text: str) -> str:
    """The text with each word typed in two alphabets written in the one most of its letters
    are in, lookalike letters swapped ("Пскoвский" → "Псковский"); other words unchanged."""

    def one(match: re.Match[str]) -> str:
        word = match.group(0)
        cyrillic = len(_CYRILLIC.findall(word))
        fixed = word.translate(_TO_CYRILLIC if 2 * cyrillic >= len(word) else _TO_LATIN)
        # a word that still mixes them has letters with no lookalike: left as typed
        return fixed if not (_CYRILLIC.search(fixed) and _LATIN.search(fixed)) else word

    return _MIXED.sub(one, text) if _SWITCH.search(text) else text


_UNITS: Final = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_EN_YEAR: Final = re.compile(
    r"\b(?:two thousand(?: and)?|twenty(?: oh| o| zero)?)\s+(" + "|".join(_UNITS) + r")\b",
    re.IGNORECASE,
)
#: The stems of Russian ordinals, by number: "в две тысячи девятом году".
_RU_ORDINALS: Final = (
    ("одиннадцат", 11),
    ("двенадцат", 12),
    ("тринадцат", 13),
    ("четырнадцат", 14),
    ("пятнадцат", 15),
    ("десят", 10),
    ("девят", 9),
    ("восьм", 8),
    ("седьм", 7),
    ("шест", 6),
    ("пят", 5),
    ("четверт", 4),
    ("трет", 3),
    ("втор", 2),
    ("перв", 1),
)
_RU_YEAR: Final = re.compile(r"\bдве\s+тысячи\s+([а-яё]+)", re.IGNORECASE)


def spelled_years(text: str) -> str:
    """Years written in words as digits: "twenty eleven", "two thousand and nine", "twenty oh
    nine", "в две тысячи десятом году"."""

    def english(match: re.Match[str]) -> str:
        phrase = match.group(0).lower().split()
        n = _UNITS.index(phrase[-1]) + 1
        if phrase[0] == "twenty" and len(phrase) == 2 and n < 10:
            return match.group(0)  # "twenty five": a number, not a year
        return str(2000 + n)

    def russian(match: re.Match[str]) -> str:
        word = match.group(1).lower()
        n = next((n for prefix, n in _RU_ORDINALS if word.startswith(prefix)), None)
        return match.group(0) if n is None else str(2000 + n)

    if "twenty" in text.lower() or "thousand" in text.lower():
        text = _EN_YEAR.sub(english, text)
    if "тысяч" in text.lower():
        text = _RU_YEAR.sub(russian, text)
    return text


def words(text: str) -> list[str]:
    """The words and numbers of a text, cleaned, in order."""
    return _WORD.findall(clean(text))


def cased_words(text: str) -> list[str]:
    """The words of `words(text)` as written, upper-case letters kept."""
    return _WORD.findall(clean(text, lower=False))


def is_cyrillic(word: str) -> bool:
    return bool(_CYRILLIC.search(word))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball stem of one cleaned word, in the stemmer of its script."""
    if word.isdigit():
        return word
    if is_cyrillic(word):
        return str(_RU_STEMMER.stemWord(word))
    return str(_EN_STEMMER.stemWord(word))


def detect_language(text: str) -> str:
    """'ru' when the text is mostly Cyrillic letters, else 'en'."""
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    return "ru" if cyrillic > latin else "en"


def truncate(text: str, limit: int) -> str:
    """Cut `text` to at most `limit` characters at a word boundary, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - 1)].rsplit(" ", 1)[0]
    return cut + "…"


# Russian typed in Latin letters, as chats write it ("skolko dlilsya proekt"): the longest
# letter groups first.
_TRANSLIT: Final = (
    ("shch", "щ"),
    ("sch", "щ"),
    ("sh", "ш"),
    ("ch", "ч"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ts", "ц"),
    ("yu", "ю"),
    ("ya", "я"),
    ("yo", "ё"),
    ("ye", "е"),
    ("ju", "ю"),
    ("ja", "я"),
    ("iya", "ия"),
    ("iyu", "ию"),
    ("iye", "ие"),
    ("iy", "ий"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("w", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("z", "з"),
    ("i", "и"),
    ("j", "й"),
    ("k", "к"),
    ("q", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("h", "х"),
    ("c", "ц"),
    ("x", "кс"),
    ("'", "ь"),
)
_VOWELS: Final = frozenset("aeiouy")


def to_cyrillic(word: str) -> str:
    """A Latin-letter word read as transliterated Russian ("proekty" → "проекты"); "y" is
    "й" after a vowel ("kakoy") and "ы" elsewhere ("proekty")."""
    out: list[str] = []
    i = 0
    while i < len(word):
        if word[i] == "y" and not any(
            word.startswith(latin, i) for latin, _ in _TRANSLIT if len(latin) > 1
        ):
            out.append("й" if i > 0 and word[i - 1] in _VOWELS else "ы")
            i += 1
            continue
        for latin, cyrillic in _TRANSLIT:
            if word.startswith(latin, i):
                out.append(cyrillic)
                i += len(latin)
                break
        else:
            out.append(word[i])
            i += 1
    return "".join(out)
