"""Reloading the knowledge base while running: validate first, swap atomically, say what changed;
the file watcher and SIGHUP."""

from __future__ import annotations

import asyncio
import io
import os
import shutil
import signal
from pathlib import Path

import pytest

from bot.config import ConfigError
from bot.core.engine import Engine
from bot.core.types import Kind, Question
from bot.kb import check
from bot.kb.load import load_knowledge
from bot.reload import (
    DEFAULT_WATCH_INTERVAL,
    ENV_WATCH,
    KnowledgeChanges,
    KnowledgeHolder,
    KnowledgeWatcher,
    ProjectChange,
    ReloadResult,
    compare,
    install_sighup,
    remove_sighup,
    watch_interval,
)

SHIPPED = Path(__file__).resolve().parents[1] / "knowledge"
SHIPPED_IDS = ("border-checkpoints", "readmission-framework", "readmission-mechanisms", "sireada")

NEW_PROJECT = """\
id: pilot
title: Pilot Project
period: {start: 2012-01, end: 2013-06}
summary: A small pilot added while the bot was running.
description: Used by the reload tests.
"""


@pytest.fixture
def kb_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped knowledge base at ./knowledge in a temporary current folder."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SHIPPED, tmp_path / "knowledge")
    return Path("knowledge")


@pytest.fixture
def holder(kb_dir: Path) -> KnowledgeHolder:
    return KnowledgeHolder.load(kb_dir)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    bump(path)


def bump(path: Path) -> None:
    """Move the modification time on, whatever the file system's time resolution."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def countries(engine: Engine) -> str:
    project = engine.kb.project("sireada")
    assert project is not None
    return ", ".join(project.countries)


# --- reload ---------------------------------------------------------------------------------------


def test_reloading_an_unchanged_knowledge_base_swaps_in_a_new_engine_and_reports_nothing(
    holder: KnowledgeHolder,
) -> None:
    before = holder.engine
    result = holder.reload()
    assert result.ok
    assert result.errors == ()
    assert result.changes == KnowledgeChanges()
    assert result.changes is not None and result.changes.empty
    assert holder.engine is not before
    assert "nothing changed" in result.summary()


def test_a_changed_field_is_reported_per_project_and_answered_from_the_new_knowledge(
    kb_dir: Path, holder: KnowledgeHolder
) -> None:
    edit(
        kb_dir / "projects" / "sireada.yaml",
        "countries: [Russian Federation, Moldova, Ukraine]",
        "countries: [Russian Federation, Moldova]",
    )
    old = holder.engine
    result = holder.reload()
    assert result.ok
    assert result.changes == KnowledgeChanges(changed=(ProjectChange("sireada", ("countries",)),))
    assert "sireada: countries changed" in result.summary()
    assert countries(holder.engine) == "Russian Federation, Moldova"
    # a question that took the old engine before the swap still sees the whole old knowledge base
    assert countries(old) == "Russian Federation, Moldova, Ukraine"


def test_added_and_removed_projects_are_reported(kb_dir: Path, holder: KnowledgeHolder) -> None:
    (kb_dir / "projects" / "pilot.yaml").write_text(NEW_PROJECT, encoding="utf-8")
    (kb_dir / "projects" / "border-checkpoints.yaml").unlink()
    result = holder.reload()
    assert result.ok
    assert result.changes is not None
    assert result.changes.added == ("pilot",)
    assert result.changes.removed == ("border-checkpoints",)
    assert result.changes.changed == ()
    assert holder.engine.kb.project("pilot") is not None
    assert holder.engine.card("border-checkpoints").kind is Kind.NOT_FOUND
    summary = result.summary()
    assert "projects added: pilot" in summary
    assert "projects removed: border-checkpoints" in summary


def test_an_invalid_knowledge_base_keeps_the_old_engine_and_returns_the_check_errors(
    kb_dir: Path, holder: KnowledgeHolder, capsys: pytest.CaptureFixture[str]
) -> None:
    old = holder.engine
    edit(kb_dir / "projects" / "sireada.yaml", "funders: [eu]", "funders: [eu, nobody-knows]")
    edit(kb_dir / "projects" / "border-checkpoints.yaml", "status: completed", "status: [completed")
    result = holder.reload()
    assert not result.ok
    assert result.changes is None
    assert holder.engine is old
    assert old.ask(Question("who funded SIREADA?")).answer.kind is Kind.FIELD
    # exactly the lines `projectbot check` prints for the same folder
    out = io.StringIO()
    assert check.run(str(kb_dir), out=out) == check.EXIT_INVALID
    printed = out.getvalue().splitlines()
    assert list(result.errors) == printed[: len(result.errors)]
    assert len(result.errors) == 2
    assert any(e.startswith("knowledge/projects/sireada.yaml:") for e in result.errors)
    assert any(e.startswith("knowledge/projects/border-checkpoints.yaml:") for e in result.errors)
    assert "NOT reloaded" in result.summary()
    assert result.errors[0] in result.summary()


def test_an_unreadable_folder_keeps_the_old_engine(tmp_path: Path, holder: KnowledgeHolder) -> None:
    old = holder.engine
    result = holder.reload(tmp_path / "missing")
    assert not result.ok
    assert result.errors[0].startswith("error: cannot read the knowledge base at")
    assert holder.engine is old


def test_a_failure_building_the_index_keeps_the_old_engine(kb_dir: Path) -> None:
    def build(knowledge: object) -> Engine:
        raise RuntimeError("index exploded")

    live = Engine(load_knowledge(kb_dir))
    holder = KnowledgeHolder(live, kb_dir, build=build)
    result = holder.reload()
    assert not result.ok
    assert "index exploded" in result.errors[0]
    assert holder.engine is live


async def test_reload_async_runs_in_a_thread_and_swaps_the_engine(
    kb_dir: Path, holder: KnowledgeHolder
) -> None:
    (kb_dir / "projects" / "pilot.yaml").write_text(NEW_PROJECT, encoding="utf-8")
    result = await holder.reload_async()
    assert result.ok
    assert holder.engine.kb.project("pilot") is not None


def test_compare_lists_organisation_glossary_and_about_changes(kb_dir: Path) -> None:
    old = load_knowledge(kb_dir)
    edit(kb_dir / "organisations.yaml", "en: European Union", "en: The European Union")
    new = load_knowledge(kb_dir)
    changes = compare(old, new)
    assert changes.organisations_changed == ("eu",)
    assert changes.changed == ()
    assert changes.lines() == ["organisations changed: eu"]
    assert compare(new, new).empty


# --- the watcher ----------------------------------------------------------------------------------


def test_watcher_reloads_once_the_changed_files_have_settled(
    kb_dir: Path, holder: KnowledgeHolder
) -> None:
    watcher = KnowledgeWatcher(holder, interval=0.5)
    assert watcher.poll() is None  # nothing changed
    edit(
        kb_dir / "projects" / "sireada.yaml",
        "countries: [Russian Federation, Moldova, Ukraine]",
        "countries: [Russian Federation, Ukraine]",
    )
    assert watcher.poll() is None  # changed: wait one more poll
    result = watcher.poll()
    assert isinstance(result, ReloadResult) and result.ok
    assert countries(holder.engine) == "Russian Federation, Ukraine"
    assert watcher.poll() is None  # reloaded once only


def test_watcher_notices_new_and_deleted_files_and_waits_while_they_keep_changing(
    kb_dir: Path, holder: KnowledgeHolder
) -> None:
    watcher = KnowledgeWatcher(holder)
    pilot = kb_dir / "projects" / "pilot.yaml"
    pilot.write_text("id: pilot\n", encoding="utf-8")
    assert watcher.poll() is None
    pilot.write_text(NEW_PROJECT, encoding="utf-8")  # still being written
    bump(pilot)
    assert watcher.poll() is None
    result = watcher.poll()
    assert result is not None and result.changes is not None
    assert result.changes.added == ("pilot",)
    pilot.unlink()
    assert watcher.poll() is None
    result = watcher.poll()
    assert result is not None and result.changes is not None
    assert result.changes.removed == ("pilot",)


def test_watcher_reports_a_broken_save_once_and_keeps_serving(
    kb_dir: Path, holder: KnowledgeHolder
) -> None:
    old = holder.engine
    watcher = KnowledgeWatcher(holder)
    edit(kb_dir / "projects" / "sireada.yaml", "funders: [eu]", "funders: [eu")
    watcher.poll()
    result = watcher.poll()
    assert result is not None and not result.ok
    assert holder.engine is old
    assert watcher.poll() is None  # not retried until the files change again


async def test_watcher_task_polls_and_hands_results_to_the_callback(
    kb_dir: Path, holder: KnowledgeHolder
) -> None:
    results: asyncio.Queue[ReloadResult] = asyncio.Queue()

    async def on_result(result: ReloadResult) -> None:
        await results.put(result)

    watcher = KnowledgeWatcher(holder, interval=0.02, on_result=on_result)
    task = asyncio.create_task(watcher.run())
    try:
        (kb_dir / "projects" / "pilot.yaml").write_text(NEW_PROJECT, encoding="utf-8")
        result = await asyncio.wait_for(results.get(), timeout=10)
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert result.ok and result.changes is not None
    assert result.changes.added == ("pilot",)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("", None), ("off", None), ("0", None), ("on", DEFAULT_WATCH_INTERVAL), ("5", 5.0)],
)
def test_watch_interval_setting(value: str, expected: float | None) -> None:
    assert watch_interval({ENV_WATCH: value}) == expected


@pytest.mark.parametrize("value", ["-1", "often", "1e9"])
def test_a_bad_watch_interval_fails_fast_naming_the_variable(value: str) -> None:
    with pytest.raises(ConfigError, match=ENV_WATCH):
        watch_interval({ENV_WATCH: value})


def test_watcher_rejects_a_nonsense_interval(holder: KnowledgeHolder) -> None:
    with pytest.raises(ValueError):
        KnowledgeWatcher(holder, interval=0)


# --- SIGHUP ---------------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="this platform has no SIGHUP")
async def test_sighup_reloads_the_knowledge_base_on_the_running_loop(
    kb_dir: Path, holder: KnowledgeHolder
) -> None:
    results: asyncio.Queue[ReloadResult] = asyncio.Queue()
    assert install_sighup(holder, on_result=results.put_nowait)
    try:
        (kb_dir / "projects" / "pilot.yaml").write_text(NEW_PROJECT, encoding="utf-8")
        os.kill(os.getpid(), signal.SIGHUP)
        result = await asyncio.wait_for(results.get(), timeout=10)
    finally:
        remove_sighup()
    assert result.ok and result.changes is not None
    assert result.changes.added == ("pilot",)
    assert holder.engine.kb.project("pilot") is not None
