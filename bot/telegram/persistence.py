"""Where chat context is kept: a local pickle file by default, or a shared store.

One process keeps chat context (follow-ups, pinned language) in `projectbot.pickle` under
PROJECTBOT_DATA_DIR. Several webhook workers behind a load balancer must share it instead:
`PROJECTBOT_PERSISTENCE=package.module:factory` names a function that takes the `Settings` and
returns any python-telegram-bot `BasePersistence` (for example one backed by Redis or
PostgreSQL); `PROJECTBOT_PERSISTENCE=off` keeps context in memory only.
"""

from __future__ import annotations

import asyncio
import importlib
from pathlib import Path
from typing import Any, Final

from telegram.ext import BasePersistence, PersistenceInput, PicklePersistence

from bot.config import PERSISTENCE_OFF, PERSISTENCE_PICKLE, ConfigError, Settings

#: The file PicklePersistence keeps chat context in, under PROJECTBOT_DATA_DIR.
PERSISTENCE_FILE: Final = "projectbot.pickle"
#: What is persisted: chat data (context, language) only.
STORED: Final = PersistenceInput(bot_data=False, user_data=False, callback_data=False)


def make_persistence(settings: Settings) -> BasePersistence[Any, Any, Any] | None:
    """The persistence the settings ask for; `ConfigError` when a factory cannot be used."""
    if settings.persistence == PERSISTENCE_OFF:
        return None
    if settings.persistence == PERSISTENCE_PICKLE:
        return pickle_persistence(settings)
    module_name, _, factory_name = settings.persistence.partition(":")
    try:
        factory = getattr(importlib.import_module(module_name), factory_name)
    except (ImportError, AttributeError) as error:
        raise ConfigError(
            f"cannot load the persistence factory {settings.persistence}: {error}"
        ) from error
    persistence = factory(settings)
    if not isinstance(persistence, BasePersistence):
        raise ConfigError(
            f"{settings.persistence} returned {type(persistence).__name__}, not a BasePersistence"
        )
    return persistence


def pickle_persistence(settings: Settings) -> BasePersistence[Any, Any, Any]:
    """The default backend, also usable as a factory: `bot.telegram.persistence:pickle_persistence`."""
    return BatchedPicklePersistence(
        filepath=settings.data_dir / PERSISTENCE_FILE, store_data=STORED
    )


class BatchedPicklePersistence(PicklePersistence[Any, Any, Any]):
    """`PicklePersistence` that writes its file once for all the chats changed since the last
    write, rather than once per chat.

    Every `update_interval` (60 s), python-telegram-bot hands each changed chat's data to
    `update_chat_data`; plain `PicklePersistence` rewrites the whole file (every chat) each time,
    so a minute with 1,000 active chats meant 1,000 writes of a file with all of them. Here the
    data is kept in memory (`on_flush`) and one write follows the batch; `flush` at shutdown
    writes it too. A crash loses at most the changes since the last batch, as before."""

    def __init__(self, filepath: Path, store_data: PersistenceInput) -> None:
        super().__init__(filepath=filepath, store_data=store_data, on_flush=True)
        self._pending_write: asyncio.Task[None] | None = None

    async def update_chat_data(self, chat_id: int, data: Any) -> None:
        await super().update_chat_data(chat_id, data)
        self._write_soon()

    async def drop_chat_data(self, chat_id: int) -> None:
        await super().drop_chat_data(chat_id)
        self._write_soon()

    def _write_soon(self) -> None:
        """One write after the current batch of updates (they are gathered together)."""
        if self._pending_write is None or self._pending_write.done():
            self._pending_write = asyncio.get_running_loop().create_task(self._write())

    async def _write(self) -> None:
        await asyncio.sleep(0)  # let the rest of the batch arrive first
        await self.flush()
