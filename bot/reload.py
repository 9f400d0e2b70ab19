"""Changing the knowledge base while the bot runs: /reload, SIGHUP and an optional watcher.

`KnowledgeHolder` owns the current `Engine`. `reload` reads and validates the knowledge base
first; only a valid one becomes a new `Engine`, which replaces the old one in a single attribute
assignment. A question takes `holder.engine` once and uses that engine to the end, so it sees
either the old knowledge base or the new one, never half of each. An invalid knowledge base leaves
the old engine serving and comes back as `file:line: ...` errors, exactly as `projectbot check`
prints them. A valid one comes back with what changed: projects added, removed, and per project
the fields that differ.

`KnowledgeWatcher` polls the modification times of the knowledge base's YAML files (standard
library only) and reloads when they change and have settled. `install_sighup` makes SIGHUP
schedule a reload on the running asyncio loop (where the platform has SIGHUP).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import os
import signal
import threading
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final, TypeVar

from bot.core.engine import Engine
from bot.kb.load import KnowledgeUnreadable, inspect_knowledge, resolve_knowledge_path
from bot.kb.model import KnowledgeBase, Project

logger = logging.getLogger(__name__)

ENV_WATCH: Final = "PROJECTBOT_WATCH_KNOWLEDGE"
#: Seconds between two looks at the knowledge base files when watching.
DEFAULT_WATCH_INTERVAL: Final = 2.0

K = TypeVar("K")
V = TypeVar("V")


# --- what changed -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectChange:
    """A project present before and after, and the model fields whose values differ."""

    project: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class KnowledgeChanges:
    """The difference between two knowledge bases."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[ProjectChange, ...] = ()
    organisations_added: tuple[str, ...] = ()
    organisations_removed: tuple[str, ...] = ()
    organisations_changed: tuple[str, ...] = ()
    glossary_changed: bool = False
    about_changed: bool = False

    @property
    def empty(self) -> bool:
        return self == KnowledgeChanges()

    def lines(self) -> list[str]:
        """One line per kind of change, for people."""
        out: list[str] = []
        if self.added:
            out.append(f"projects added: {', '.join(self.added)}")
        if self.removed:
            out.append(f"projects removed: {', '.join(self.removed)}")
        out += [f"{c.project}: {', '.join(c.fields)} changed" for c in self.changed]
        if self.organisations_added:
            out.append(f"organisations added: {', '.join(self.organisations_added)}")
        if self.organisations_removed:
            out.append(f"organisations removed: {', '.join(self.organisations_removed)}")
        if self.organisations_changed:
            out.append(f"organisations changed: {', '.join(self.organisations_changed)}")
        if self.glossary_changed:
            out.append("glossary changed")
        if self.about_changed:
            out.append("about.yaml changed")
        return out or ["nothing changed"]


def changed_fields(old: Project, new: Project) -> tuple[str, ...]:
    """The names of the `Project` fields whose values differ, in model order."""
    return tuple(
        f.name for f in dataclasses.fields(Project) if getattr(old, f.name) != getattr(new, f.name)
    )


def _by_id(items: Iterable[V], key: Callable[[V], K]) -> dict[K, V]:
    return {key(item): item for item in items}


def compare(old: KnowledgeBase, new: KnowledgeBase) -> KnowledgeChanges:
    """What changed from `old` to `new`; projects in the new knowledge base's order."""
    before = _by_id(old.projects, lambda p: p.id)
    after = _by_id(new.projects, lambda p: p.id)
    changed = []
    for project_id, project in after.items():
        previous = before.get(project_id)
        if previous is not None and previous != project:
            changed.append(ProjectChange(project_id, changed_fields(previous, project)))
    orgs_before = _by_id(old.organisations, lambda o: o.id)
    orgs_after = _by_id(new.organisations, lambda o: o.id)
    return KnowledgeChanges(
        added=tuple(pid for pid in after if pid not in before),
        removed=tuple(pid for pid in before if pid not in after),
        changed=tuple(changed),
        organisations_added=tuple(o for o in orgs_after if o not in orgs_before),
        organisations_removed=tuple(o for o in orgs_before if o not in orgs_after),
        organisations_changed=tuple(
            o for o, org in orgs_after.items() if o in orgs_before and orgs_before[o] != org
        ),
        glossary_changed=old.glossary != new.glossary,
        about_changed=old.about != new.about,
    )


# --- reloading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReloadResult:
    """What a reload did. `ok`: the new knowledge base is live; otherwise the old one still is."""

    ok: bool
    path: Path
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    changes: KnowledgeChanges | None = None

    def summary(self) -> str:
        """A short plain-text message for the admin who asked (or the log)."""
        if not self.ok:
            head = (
                f"The knowledge base at {self.path} was NOT reloaded: "
                f"{len(self.errors)} error{'' if len(self.errors) == 1 else 's'}. "
                "The bot keeps answering from the previous version."
            )
            return "\n".join([head, *self.errors])
        changes = self.changes.lines() if self.changes else ["nothing changed"]
        warned = (
            f" ({len(self.warnings)} warning(s): run projectbot check)" if self.warnings else ""
        )
        return "\n".join([f"Reloaded the knowledge base at {self.path}{warned}.", *changes])


class KnowledgeHolder:
    """Owns the live `Engine`; `reload` swaps in a new one only when the knowledge base is valid.

    Handlers read `holder.engine` once per update. Reloads are serialised by a lock, so two at
    once (a /reload and the watcher) cannot both compare against the same old engine.
    """

    def __init__(
        self,
        engine: Engine,
        path: str | Path | None = None,
        *,
        build: Callable[[KnowledgeBase], Engine] = Engine,
    ) -> None:
        self._engine = engine
        self.path = resolve_knowledge_path(None) if path is None else Path(path)
        self._build = build
        self._lock = threading.Lock()

    @classmethod
    def load(cls, path: str | Path | None = None) -> KnowledgeHolder:
        """A holder for the knowledge base at `path`; raises like `load_knowledge` if invalid."""
        from bot.kb.load import load_knowledge

        root = resolve_knowledge_path(None) if path is None else Path(path)
        return cls(Engine(load_knowledge(root)), root)

    @property
    def engine(self) -> Engine:
        return self._engine

    def reload(self, path: str | Path | None = None) -> ReloadResult:
        """Validate the knowledge base at `path` (default: the holder's) and, if valid, swap it in.

        Never raises: an unreadable folder, an invalid file or a failure building the index keeps
        the old engine and comes back as errors. Blocking (reads files, builds the index): from a
        handler, use `reload_async`.
        """
        root = self.path if path is None else Path(path)
        with self._lock:
            try:
                report = inspect_knowledge(root)
            except KnowledgeUnreadable as exc:
                return self._refused(root, [f"error: {exc}"])
            except Exception as exc:  # a bug in the loader must not take the bot down
                logger.exception("reloading the knowledge base at %s failed", root)
                return self._refused(root, [f"error: unexpected {type(exc).__name__}: {exc}"])
            if report.knowledge is None:
                return self._refused(root, [str(p) for p in report.errors])
            try:
                engine = self._build(report.knowledge)
            except Exception as exc:
                logger.exception("building the engine for %s failed", root)
                return self._refused(root, [f"error: cannot index it: {type(exc).__name__}: {exc}"])
            changes = compare(self._engine.kb, report.knowledge)
            self._engine = engine  # the swap: one assignment
            self.path = root
        result = ReloadResult(
            True, root, warnings=tuple(str(w) for w in report.warnings), changes=changes
        )
        logger.info("knowledge base reloaded from %s: %s", root, "; ".join(changes.lines()))
        return result

    async def reload_async(self, path: str | Path | None = None) -> ReloadResult:
        """`reload` in a worker thread, so the event loop keeps answering meanwhile."""
        return await asyncio.to_thread(self.reload, path)

    def _refused(self, root: Path, errors: list[str]) -> ReloadResult:
        logger.warning(
            "knowledge base at %s not reloaded (%d error(s)); still serving the previous one",
            root,
            len(errors),
        )
        return ReloadResult(False, root, errors=tuple(errors))


# --- the watcher ------------------------------------------------------------------------------

Snapshot = Mapping[str, tuple[int, int]]
ResultCallback = Callable[[ReloadResult], Awaitable[None] | None]


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Modification time and size of every YAML file under `root` (missing folder: empty)."""
    found: dict[str, tuple[int, int]] = {}
    for pattern in ("**/*.yaml", "**/*.yml"):
        for path in root.glob(pattern):
            try:
                stat = path.stat()
            except OSError:
                continue
            found[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return found


class KnowledgeWatcher:
    """Reloads the holder when the knowledge base files change (polling, standard library only).

    A change is acted on once the files have stayed the same for one more poll, so a reload does
    not catch an editor half-way through saving. `poll` does one look (tests call it directly);
    `run` polls every `interval` seconds until cancelled.
    """

    def __init__(
        self,
        holder: KnowledgeHolder,
        *,
        interval: float = DEFAULT_WATCH_INTERVAL,
        on_result: ResultCallback | None = None,
    ) -> None:
        if interval <= 0:
            raise ValueError("interval must be a positive number of seconds")
        self.holder = holder
        self.interval = interval
        self.on_result = on_result
        self._seen = snapshot(holder.path)
        self._pending: dict[str, tuple[int, int]] | None = None

    def poll(self) -> ReloadResult | None:
        """Look once; the reload's result when the files changed and have settled, else None."""
        current = snapshot(self.holder.path)
        if current == self._seen:
            self._pending = None
            return None
        if current != self._pending:
            self._pending = current  # changed: wait one more poll for it to settle
            return None
        self._seen = current
        self._pending = None
        return self.holder.reload()

    async def run(self) -> None:
        """Poll forever (cancel the task to stop); results go to `on_result`."""
        while True:
            await asyncio.sleep(self.interval)
            try:
                result = await asyncio.to_thread(self.poll)
                if result is not None and self.on_result is not None:
                    outcome = self.on_result(result)
                    if outcome is not None:
                        await outcome
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("the knowledge base watcher failed; it keeps watching")


def watch_interval(env: Mapping[str, str] | None = None) -> float | None:
    """`PROJECTBOT_WATCH_KNOWLEDGE`: seconds between polls, or None (unset, 0, off): no watcher."""
    from bot.config import ConfigError

    env = os.environ if env is None else env
    text = env.get(ENV_WATCH, "").strip()
    if not text or text.casefold() in ("0", "off", "no", "false"):
        return None
    if text.casefold() in ("1", "on", "yes", "true"):
        return DEFAULT_WATCH_INTERVAL
    try:
        interval = float(text)
    except ValueError:
        interval = -1.0
    if not 0 < interval <= 86400:
        raise ConfigError(
            f"{ENV_WATCH}: '{text}' is not a number of seconds; set how often to look for changes "
            f"in the knowledge base (for example {DEFAULT_WATCH_INTERVAL:g}), or 'off'"
        )
    return interval


# --- SIGHUP -----------------------------------------------------------------------------------


def install_sighup(
    holder: KnowledgeHolder,
    on_result: ResultCallback | None = None,
    loop: asyncio.AbstractEventLoop | None = None,
) -> bool:
    """Make SIGHUP reload the knowledge base on `loop` (default: the running loop).

    Returns False, doing nothing, where there is no SIGHUP (Windows) or the loop cannot handle
    signals. Call it from inside the loop (python-telegram-bot: in `post_init`).
    """
    sighup = getattr(signal, "SIGHUP", None)
    if sighup is None:
        return False
    target = loop or asyncio.get_running_loop()
    tasks: set[asyncio.Task[None]] = set()

    async def reload() -> None:
        try:
            result = await holder.reload_async()
            if on_result is not None:
                outcome = on_result(result)
                if outcome is not None:
                    await outcome
        except Exception:
            logger.exception("reloading the knowledge base on SIGHUP failed")

    def handle() -> None:
        logger.info("SIGHUP: reloading the knowledge base")
        task = target.create_task(reload())
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    try:
        target.add_signal_handler(sighup, handle)
    except (NotImplementedError, RuntimeError, ValueError):
        return False
    return True


def remove_sighup(loop: asyncio.AbstractEventLoop | None = None) -> None:
    """Undo `install_sighup` (tests, shutdown)."""
    sighup = getattr(signal, "SIGHUP", None)
    if sighup is not None:
        target = loop or asyncio.get_running_loop()
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            target.remove_signal_handler(sighup)
