"""Where chat context is kept: PROJECTBOT_PERSISTENCE chooses the local pickle file (default),
no persistence, or a factory that plugs in a shared store for several workers."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from telegram.ext import PicklePersistence

from bot.config import ConfigError, load_settings
from bot.telegram.persistence import PERSISTENCE_FILE, make_persistence

TOKEN = "123456789:" + "A" * 35


def test_the_default_is_a_pickle_file_in_the_data_folder(tmp_path: Path) -> None:
    persistence = make_persistence(
        load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "PROJECTBOT_DATA_DIR": str(tmp_path)})
    )
    assert isinstance(persistence, PicklePersistence)
    assert Path(persistence.filepath) == tmp_path / PERSISTENCE_FILE


def test_off_keeps_context_in_memory_only(tmp_path: Path) -> None:
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "PROJECTBOT_DATA_DIR": str(tmp_path),
            "PROJECTBOT_PERSISTENCE": "off",
        }
    )
    assert make_persistence(settings) is None


def test_a_factory_plugs_in_another_backend(tmp_path: Path) -> None:
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "PROJECTBOT_DATA_DIR": str(tmp_path),
            "PROJECTBOT_PERSISTENCE": "bot.telegram.persistence:pickle_persistence",
        }
    )
    assert isinstance(make_persistence(settings), PicklePersistence)


@pytest.mark.parametrize("value", ["redis", "not a path:", ":factory", "bad-module:make"])
def test_a_malformed_value_stops_start_up_with_what_to_set(tmp_path: Path, value: str) -> None:
    with pytest.raises(ConfigError, match="PROJECTBOT_PERSISTENCE"):
        load_settings(
            {
                "TELEGRAM_BOT_TOKEN": TOKEN,
                "PROJECTBOT_DATA_DIR": str(tmp_path),
                "PROJECTBOT_PERSISTENCE": value,
            }
        )


@pytest.mark.parametrize(
    ("value", "message"),
    [("no_such_module_xyz:make", "cannot load"), ("copy:copy", "not a BasePersistence")],
)
def test_a_factory_that_cannot_be_used_is_reported(
    tmp_path: Path, value: str, message: str
) -> None:
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "PROJECTBOT_DATA_DIR": str(tmp_path),
            "PROJECTBOT_PERSISTENCE": value,
        }
    )
    with pytest.raises(ConfigError, match=message):
        make_persistence(settings)


async def test_changed_chats_are_written_together_and_read_back(tmp_path: Path) -> None:
    """The pickle file is written once after a batch of changed chats (not once per chat,
    each time with every chat), holds all of them, and a restarted bot reads them back."""
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "PROJECTBOT_DATA_DIR": str(tmp_path)})
    persistence = make_persistence(settings)
    assert persistence is not None
    path = tmp_path / PERSISTENCE_FILE
    await persistence.update_chat_data(0, {"lang": "ru", "n": 0})
    assert not path.exists()  # not written chat by chat: after the batch
    await asyncio.gather(
        *(persistence.update_chat_data(chat, {"lang": "ru", "n": chat}) for chat in range(1, 50))
    )
    for _ in range(3):
        await asyncio.sleep(0)
    assert path.exists()
    restarted = make_persistence(settings)
    assert restarted is not None
    chats = await restarted.get_chat_data()
    assert chats == {chat: {"lang": "ru", "n": chat} for chat in range(50)}
