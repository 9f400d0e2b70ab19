"""What keeps the core fast on a large knowledge base must not change what it answers.

A small generated knowledge base (benchmarks/generate.py, the four real projects included) is
enough to check the cap on long lists, that the ranked statements are exactly those of scoring
every statement, and that the model and index still pickle (the index cache).
"""

from __future__ import annotations

import pickle
import random

import pytest

from bot.core import answer as answering
from bot.core.engine import Engine
from bot.core.search import GENERIC, SMALL_PROJECT_SET, Doc, Index, _rank_key
from bot.core.types import Kind, Question
from bot.kb.load import load_knowledge
from bot.kb.model import KnowledgeBase

N_PROJECTS = 150


@pytest.fixture(scope="module")
def big_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    from benchmarks.generate import generate

    path = tmp_path_factory.mktemp("kb") / f"kb-{N_PROJECTS}"
    generate(path, N_PROJECTS, seed=3)
    return load_knowledge(path)


@pytest.fixture(scope="module")
def big(big_kb: KnowledgeBase) -> Engine:
    return Engine(big_kb)


def _text(answer: object) -> str:
    blocks = answer.blocks  # type: ignore[attr-defined]
    lines = []
    for b in blocks:
        lines.append("".join(s.text for s in b.spans))
        lines += ["".join(s.text for s in bullet) for bullet in b.bullets]
    return "\n".join(lines)


def _bullets(answer: object) -> int:
    return sum(len(b.bullets) for b in answer.blocks)  # type: ignore[attr-defined]


# --- long lists ------------------------------------------------------------------------------


def test_count_states_the_full_number_and_lists_the_first_ones(big: Engine) -> None:
    answer = big.ask(Question("how many projects were there", lang="en")).answer
    assert answer.kind is Kind.COUNT
    assert f"({N_PROJECTS}) projects" in _text(answer) or f"{N_PROJECTS} projects" in _text(answer)
    assert len(answer.projects) == answering.LIST_LIMIT
    assert _bullets(answer) == answering.LIST_LIMIT
    assert f"… and {N_PROJECTS - answering.LIST_LIMIT} more" in _text(answer)


def test_russian_count_is_cut_too(big: Engine) -> None:
    answer = big.ask(Question("сколько проектов было", lang="ru")).answer
    assert answer.kind is Kind.COUNT
    assert str(N_PROJECTS) in _text(answer)
    assert len(answer.projects) == answering.LIST_LIMIT
    assert f"… и ещё {N_PROJECTS - answering.LIST_LIMIT}" in _text(answer)


def test_all_projects_is_cut(big: Engine) -> None:
    answer = big.projects("en")
    assert len(answer.projects) == answering.LIST_LIMIT
    assert _bullets(answer) == answering.LIST_LIMIT
    assert f"… and {N_PROJECTS - answering.LIST_LIMIT} more" in _text(answer)


def test_four_projects_are_listed_as_before(engine: Engine) -> None:
    answer = engine.projects("en")
    assert len(answer.projects) == len(engine.kb.projects)
    assert "more" not in _text(answer)


# --- ranked statements -------------------------------------------------------------------------


def _reference(
    index: Index, query: list[str], projects: list[str] | None, min_score: float
) -> list[tuple[Doc, float]]:
    """Every statement scored one by one: what `score_docs` must return."""
    unique = list(dict.fromkeys(t for t in query if t not in GENERIC))
    weights = [index.idf(t) for t in unique]
    total = sum(weights)
    allowed = set(projects) if projects is not None else None
    ranked = []
    for doc in index.docs:
        if allowed is not None and doc.project not in allowed:
            continue
        s = 0.0
        for t, w in zip(unique, weights, strict=True):
            if t in doc.terms:
                s += w
        if s and s / total >= min_score:
            ranked.append((doc, s / total))
    ranked.sort(key=_rank_key)
    return ranked


def test_score_docs_is_the_full_scan(big: Engine) -> None:
    index = big.index
    rng = random.Random(7)
    terms = sorted(index._postings)
    common = sorted(terms, key=lambda t: -len(index._postings[t]))[:40]
    ids = [p.id for p in index.projects]
    for _ in range(300):
        query = [
            rng.choice(common if rng.random() < 0.6 else terms) for _ in range(rng.randint(1, 7))
        ]
        if rng.random() < 0.2:
            query.append("no-such-term")
        draw = rng.random()
        projects = (
            None
            if draw < 0.5
            else rng.sample(ids, rng.randint(1, min(len(ids), SMALL_PROJECT_SET)))
            if draw < 0.75
            else rng.sample(ids, rng.randint(1, len(ids)))
        )
        min_score = rng.choice([0.0, 0.3, 0.5, 0.55, 0.7, 0.99])
        want = _reference(index, query, projects, min_score)
        got = index.score_docs(query, projects, min_score)
        assert list(got) == want
        assert len(got) == len(want) and bool(got) == bool(want)
        assert got[:3] == want[:3]
        assert list(index.score_docs(query, projects, min_score, limit=2)) == want[:2]
        if want:
            pid = want[-1][0].project
            assert got.of_project(pid) == [(d, s) for d, s in want if d.project == pid]


# --- memory: the model and the index still pickle ----------------------------------------------


def test_model_and_index_pickle(big_kb: KnowledgeBase, big: Engine) -> None:
    copy = pickle.loads(pickle.dumps(big_kb, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy == big_kb
    assert copy.by_id.keys() == big_kb.by_id.keys()
    index = pickle.loads(pickle.dumps(big.index, protocol=pickle.HIGHEST_PROTOCOL))
    assert len(index.docs) == len(big.index.docs)


def test_loader_stores_equal_values_once(big_kb: KnowledgeBase) -> None:
    funders = [f for p in big_kb.projects for f in p.funders]
    by_value: dict[str, str] = {}
    for f in funders:
        assert by_value.setdefault(f, f) is f
