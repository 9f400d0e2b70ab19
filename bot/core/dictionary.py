"""Whether a word is a common, correctly spelled word of English or Russian, for the spelling
corrector: "contribute" and "remind" are words of their own, not typos of "continue" and "mind".

The lists (`bot/data/common-en.txt`, `common-ru.txt`, one word per line) hold the frequent words
of pyspellchecker's frequency dictionaries; `tools/common_words.py` writes them. They are read
once, when the first word the knowledge base does not know is looked up, not at start-up.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from bot.core.text import is_cyrillic


@cache
def _words(language: str) -> frozenset[str]:
    text = resources.files("bot").joinpath("data", f"common-{language}.txt").read_text("utf-8")
    return frozenset(text.split())


def dictionary_word(word: str) -> bool:
    """Whether `word` (lower case) is a common word of English or Russian."""
    return word in _words("ru" if is_cyrillic(word) else "en")
