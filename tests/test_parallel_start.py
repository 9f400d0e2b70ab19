"""A cold start shared with helper processes must read and index exactly what one process does.

`bot.kb.parallel` lets forked helpers read some of the project files (`load.py`) and analyse
some of the texts (`search.py`). These tests force helpers on for a small generated knowledge
base (normally they start only for hundreds of files) and compare everything with the same
work done in this process alone: the model, every problem with its file, line and field, the
order of the files, and the index down to the order of each statement's terms.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bot.core import search
from bot.core.search import Index
from bot.kb import load as load_module
from bot.kb import parallel
from bot.kb.load import LoadReport, inspect_knowledge
from bot.kb.model import KnowledgeBase

N_PROJECTS = 60
FILES_PER_PART = 7  # several parts each for this process and the helper


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from benchmarks.generate import generate

    path = tmp_path_factory.mktemp("kb") / f"kb-{N_PROJECTS}"
    generate(path, N_PROJECTS, seed=5)
    return path


@pytest.fixture
def broken(generated: Path, tmp_path: Path) -> Path:
    """The generated base with mistakes spread over the files that this process and the
    helper read: a syntax error, an unknown key, an id that differs from its file name and
    repeats another project's, a link to a missing project, a project without a Russian text."""
    path = tmp_path / "broken"
    shutil.copytree(generated, path)
    files = sorted((path / "projects").glob("*.yaml"))
    first, early, late, last = files[1], files[9], files[-12], files[-2]
    first.write_text(first.read_text() + "status: [unclosed\n", encoding="utf-8")
    early.write_text(early.read_text() + "sumary: a misspelt key\n", encoding="utf-8")
    late.write_text(late.read_text().replace(f"id: {late.stem}", f"id: {early.stem}", 1))
    last.write_text(last.read_text() + "related:\n  - project: no-such-project\n    kind: x\n")
    text = files[-20].read_text(encoding="utf-8")
    files[-20].write_text(text.replace("summary:\n  en:", "summary: ", 1), encoding="utf-8")
    return path


def _read(path: Path, monkeypatch: pytest.MonkeyPatch, helpers: int) -> LoadReport:
    monkeypatch.setattr(load_module, "PARALLEL_MIN_FILES", 0)
    monkeypatch.setattr(load_module, "FILES_PER_PART", FILES_PER_PART)
    monkeypatch.setattr(parallel, "helper_count", lambda: helpers)
    return inspect_knowledge(path)


def test_a_valid_base_read_with_a_helper_is_the_same(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = _read(generated, monkeypatch, helpers=0)
    shared = _read(generated, monkeypatch, helpers=1)
    assert alone.knowledge is not None and shared.knowledge is not None
    assert shared.knowledge == alone.knowledge
    assert repr(shared.knowledge.projects) == repr(alone.knowledge.projects)
    assert shared.problems == alone.problems  # warnings (no Russian text ...), in order
    assert shared.files == alone.files


def test_mistakes_are_reported_the_same_with_helpers(
    broken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = _read(broken, monkeypatch, helpers=0)
    for helpers in (1, 2):
        shared = _read(broken, monkeypatch, helpers=helpers)
        assert shared.knowledge is None
        assert [str(p) for p in shared.problems] == [str(p) for p in alone.problems]
        assert shared.problems == alone.problems
        assert shared.files == alone.files
    messages = "\n".join(str(p) for p in alone.errors)
    for expected in ("YAML syntax", "unknown key 'sumary'", "defined twice", "no-such-project"):
        assert expected in messages


@pytest.mark.skipif("fork" not in parallel.multiprocessing.get_all_start_methods(), reason="fork")
def test_helpers_do_the_later_parts() -> None:
    pids = list(parallel.in_parts(lambda i: os.getpid(), 6, 2, 1))
    assert pids[:2] == [os.getpid()] * 2
    assert os.getpid() not in pids[2:]


def test_a_part_a_helper_fails_is_done_here() -> None:
    here = os.getpid()

    def work(i: int) -> tuple[int, int | None]:
        if os.getpid() != here and i % 2:
            raise RuntimeError("only in the helper")
        return i * i, None

    assert list(parallel.in_parts(work, 9, 3, 1)) == [(i * i, None) for i in range(9)]


def test_an_error_in_a_part_is_raised_here() -> None:
    def work(i: int) -> int:
        if i == 7:
            raise ValueError("part 7")
        return i

    with pytest.raises(ValueError, match="part 7"):
        list(parallel.in_parts(work, 9, 3, 1))


def _index(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, helpers: int | None) -> Index:
    """The index built with `helpers` helpers, or (None) without analysing in advance."""
    with monkeypatch.context() as patch:
        patch.setattr(search, "PARALLEL_TEXTS", 0)
        patch.setattr(parallel, "helper_count", lambda: helpers or 0)
        if helpers is None:
            patch.setattr(Index, "_analyse_in_advance", lambda self, kb: None)
        return Index(kb)


def _contents(index: Index) -> tuple[object, ...]:
    docs = [(d.id, d.project, d.field, d.text, tuple(d.terms), d.orgs) for d in index.docs]
    return (
        docs,
        sorted(index.vocabulary),
        index.names,
        list(index._idf.items()),
        index.unknown_idf,
        index._posting_ids.tolist(),
        list(index._posting_spans.items()),
    )


def test_the_index_is_the_same_with_helpers_and_without_analysing_in_advance(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = _read(generated, monkeypatch, helpers=0).knowledge
    assert kb is not None
    alone = _contents(_index(kb, monkeypatch, helpers=0))
    assert _contents(_index(kb, monkeypatch, helpers=1)) == alone
    # the texts analysed in advance are exactly those the build meets (no extra vocabulary)
    assert _contents(_index(kb, monkeypatch, helpers=None)) == alone
