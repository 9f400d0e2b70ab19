"""End to end: Bot API faults during long polling and sending (5xx, dropped connections,
timeouts, 429), injected by the emulator. The bot recovers by itself and answers every update
exactly once.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from emulator import Chat, TelegramEmulator, User, running_emulator
from telegram.request import HTTPXRequest

from bot.config import Settings
from bot.core.engine import Engine
from bot.telegram.app import ALLOWED_UPDATES, BotApplication, build_application

pytestmark = pytest.mark.e2e

WAIT = 8.0
POLL_TIMEOUT = dtm.timedelta(seconds=1)
QUESTIONS = ("What was SIREADA?", "who funded it?", "What was the border checkpoints project?")


@pytest.fixture
def emulator() -> Iterator[TelegramEmulator]:
    with running_emulator() as emu:
        yield emu


@pytest.fixture(autouse=True)
def ptb_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    # python-telegram-bot warns on every 429 without it (the bot sets it at start-up too).
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@pytest.fixture
def alice(emulator: TelegramEmulator) -> User:
    return emulator.create_user("Alice", username="alice")


@pytest.fixture
def private(emulator: TelegramEmulator, alice: User) -> Chat:
    return emulator.private_chat(alice)


@asynccontextmanager
async def polling(
    emulator: TelegramEmulator, engine: Engine, data_dir: Path, *, read_timeout: float | None = None
) -> AsyncIterator[BotApplication]:
    settings = Settings(token=emulator.token, api_url=emulator.url, data_dir=data_dir)
    request = None if read_timeout is None else HTTPXRequest(read_timeout=read_timeout)
    app = build_application(settings, engine, request=request)
    async with app:
        assert app.updater is not None
        await app.updater.start_polling(
            poll_interval=0.0, timeout=POLL_TIMEOUT, allowed_updates=ALLOWED_UPDATES
        )
        await app.start()
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()


async def ask_all(emulator: TelegramEmulator, chat: Chat, user: User) -> list[str]:
    """Send every question, wait for one answer each, then make sure no second one comes."""
    for question in QUESTIONS:
        emulator.send_message(chat, user, question)
    answers = await emulator.wait_for_messages(chat, count=len(QUESTIONS), timeout=WAIT)
    await asyncio.sleep(0.5)
    extra = [m.text for m in emulator.messages(chat) if m.kind == "sent"][len(QUESTIONS) :]
    assert extra == [], f"answered more than once: {extra}"
    return [a.text for a in answers]


def assert_answered(texts: list[str]) -> None:
    assert "SIREADA" in texts[0]
    assert "European Union" in texts[1]
    assert "Border Checkpoints" in texts[2] or "border" in texts[2].lower()
    assert not any(t.startswith("Sorry") for t in texts)


async def test_polling_survives_5xx_and_dropped_connections(
    emulator: TelegramEmulator, alice: User, private: Chat, engine: Engine, tmp_path: Path
) -> None:
    async with polling(emulator, engine, tmp_path):
        emulator.fail_next("getUpdates", status=502)
        emulator.drop_next("getUpdates")
        emulator.fail_next("getUpdates", status=500, description="Internal Server Error")
        assert_answered(await ask_all(emulator, private, alice))
    faults = [c.fault for c in emulator.calls_to("getUpdates") if c.fault]
    assert sorted(faults) == ["drop", "status", "status"]


async def test_polling_waits_out_429(
    emulator: TelegramEmulator, alice: User, private: Chat, engine: Engine, tmp_path: Path
) -> None:
    async with polling(emulator, engine, tmp_path):
        emulator.fail_next("getUpdates", status=429, retry_after=1)
        assert_answered(await ask_all(emulator, private, alice))


async def test_polling_survives_a_timed_out_get_updates(
    emulator: TelegramEmulator, alice: User, private: Chat, engine: Engine, tmp_path: Path
) -> None:
    # getUpdates waits up to 1 s for updates; with a read timeout of 1 s more, a call held for
    # 3 s times out on the bot's side, and its updates come again with the next call.
    async with polling(emulator, engine, tmp_path, read_timeout=1.0):
        emulator.send_message(private, alice, QUESTIONS[0])
        emulator.delay_next("getUpdates", seconds=3)
        [first] = await emulator.wait_for_messages(private, timeout=WAIT)
        emulator.send_message(private, alice, QUESTIONS[1])
        [second] = await emulator.wait_for_messages(private, timeout=WAIT)
        await asyncio.sleep(0.5)
    assert "SIREADA" in first.text and "European Union" in second.text
    assert len([m for m in emulator.messages(private) if m.kind == "sent"]) == 2


async def test_sending_survives_5xx_dropped_connections_and_429(
    emulator: TelegramEmulator,
    alice: User,
    private: Chat,
    engine: Engine,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async with polling(emulator, engine, tmp_path):
        emulator.fail_next("sendMessage", status=500, description="Internal Server Error")
        emulator.drop_next("sendMessage")
        emulator.fail_next("sendMessage", status=502)
        emulator.fail_next("sendMessage", status=429, retry_after=1)
        with caplog.at_level(logging.WARNING):
            assert_answered(await ask_all(emulator, private, alice))
    await emulator.wait_until(
        lambda: True if len(emulator.calls_to("sendMessage")) >= 7 else None, timeout=WAIT
    )
    statuses = [c.status for c in emulator.calls_to("sendMessage")]
    assert statuses.count(200) == 3 and sorted(set(statuses)) == [0, 200, 429, 500, 502]
    assert not [r for r in caplog.records if r.name == "bot.telegram.errors"]


async def test_a_send_that_times_out_after_reaching_telegram_is_not_sent_twice(
    emulator: TelegramEmulator, alice: User, private: Chat, engine: Engine, tmp_path: Path
) -> None:
    async with polling(emulator, engine, tmp_path, read_timeout=1.0):
        # Telegram takes 2 s, the bot gives up after 1 s; the message still arrives, once, and
        # the bot sends no apology on top of it.
        emulator.delay_next("sendMessage", seconds=2)
        emulator.send_message(private, alice, QUESTIONS[0])
        [answer] = await emulator.wait_for_messages(private, timeout=WAIT)
        await asyncio.sleep(0.5)
        assert "SIREADA" in answer.text
        [later] = await ask_answer(emulator, private, alice, QUESTIONS[1])
        assert "European Union" in later.text
    assert len([m for m in emulator.messages(private) if m.kind == "sent"]) == 2


async def ask_answer(emulator: TelegramEmulator, chat: Chat, user: User, text: str) -> list[object]:
    emulator.send_message(chat, user, text)
    return list(await emulator.wait_for_messages(chat, timeout=WAIT))


async def test_buttons_and_inline_answers_survive_5xx(
    emulator: TelegramEmulator, alice: User, private: Chat, engine: Engine, tmp_path: Path
) -> None:
    async with polling(emulator, engine, tmp_path):
        emulator.send_message(private, alice, "/start sireada")
        [card] = await emulator.wait_for_messages(private, timeout=WAIT)
        emulator.fail_next("answerCallbackQuery", status=502)
        query_id = emulator.press_button(card, "f|sireada|funders", alice)
        await emulator.wait_for_callback_answer(query_id, timeout=WAIT)
        [funders] = await emulator.wait_for_messages(private, timeout=WAIT)
        assert "European Union" in funders.text
        emulator.drop_next("answerInlineQuery")
        answer = await emulator.wait_for_inline_answer(
            emulator.inline_query(alice, "SIREADA"), timeout=WAIT
        )
        assert answer.results[0]["id"] == "p.sireada"
