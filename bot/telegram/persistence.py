"""Where chat context is kept: a local pickle file by default, or a shared store.

One process keeps chat context (follow-ups, pinned language) in `projectbot.pickle` under
PROJECTBOT_DATA_DIR. Several webhook workers behind a load balancer must share it instead:
`PROJECTBOT_PERSISTENCE=package.module:factory` names a function that takes the `Settings` and
returns any python-telegram-bot `BasePersistence` (for example one backed by Redis or
PostgreSQL); `PROJECTBOT_PERSISTENCE=off` keeps context in memory only.
"""

from __future__ import annotations

import importlib
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
    return PicklePersistence(filepath=settings.data_dir / PERSISTENCE_FILE, store_data=STORED)
