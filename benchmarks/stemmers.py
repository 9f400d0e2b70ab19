"""Russian morphology: PyStemmer (Snowball) against pymorphy3, for the README's choice.

Counts how many groups of inflected forms each tool maps to one key, and the cost per word.
pymorphy3 is not a dependency of the bot: `pip install pymorphy3 pymorphy3-dicts-ru` first.

    python benchmarks/stemmers.py
"""

from __future__ import annotations

import time

import Stemmer

GROUPS = [
    "Германия Германии Германией Германию",
    "финансировал финансировала финансировали финансирует",
    "финансирование финансирования финансированием",
    "Молдова Молдовы Молдове Молдовой",
    "Украина Украины Украине Украиной",
    "проект проекта проекте проектов проектами",
    "реадмиссия реадмиссии реадмиссией",
    "граница границы границе границей",
    "мигрант мигранты мигрантов мигрантам",
    "Беларусь Беларуси",
    "обучение обучения обучении",
    "центр центра центре центров",
    "завершился завершилась завершились",
    "начался началась начались",
]


def main() -> None:
    groups = [[w.lower() for w in g.split()] for g in GROUPS]
    words = [w for g in groups for w in g] * 200
    stemmer = Stemmer.Stemmer("russian")
    tools = {"PyStemmer": stemmer.stemWord}
    try:
        import pymorphy3  # type: ignore[import-not-found]
    except ImportError:
        print("pymorphy3 is not installed: only PyStemmer is measured")
    else:
        morph = pymorphy3.MorphAnalyzer()
        tools["pymorphy3"] = lambda w: morph.parse(w)[0].normal_form
    for name, key in tools.items():
        conflated = sum(len({key(w) for w in g}) == 1 for g in groups)
        started = time.perf_counter()
        for w in words:
            key(w)
        per_word = (time.perf_counter() - started) / len(words) * 1e6
        print(
            f"{name:<10} groups conflated {conflated}/{len(groups)}   {per_word:8.2f} µs per word"
        )


if __name__ == "__main__":
    main()
