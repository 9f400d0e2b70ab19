"""Write the common-word lists the spelling corrector leaves alone (`bot/data/common-*.txt`).

The lists are the frequent words of pyspellchecker's frequency dictionaries (MIT licence; built
by its author from OpenSubtitles, see its README), one word per line, sorted. pyspellchecker is
needed only to run this script, not by the bot:

    pip install pyspellchecker==0.9.1
    python tools/common_words.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from spellchecker import SpellChecker

#: How often a word must occur in the dictionary's source texts to be kept: rarer entries are
#: as likely typos or names ("tors", "manuel", "wen") as words. The Russian dictionary is
#: smaller (20,000 words against 160,000) and its counts are lower.
MIN_COUNT = {"en": 1000, "ru": 100}

DATA = Path(__file__).resolve().parents[1] / "bot" / "data"


def main() -> int:
    for language, least in MIN_COUNT.items():
        frequency = SpellChecker(language=language, distance=1).word_frequency
        kept = sorted(w for w, n in frequency.items() if n >= least and w.isalpha())
        target = DATA / f"common-{language}.txt"
        target.write_text("\n".join(kept) + "\n", encoding="utf-8")
        print(f"{target}: {len(kept)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
