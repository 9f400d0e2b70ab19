"""End-to-end: the real Application (build_application, python-telegram-bot's default
HTTPXRequest) talking over HTTP on 127.0.0.1 to the Bot API emulator in tests/emulator.

Each test starts its own emulator and bot, waits at most a few seconds for anything, and stops
both (updater, application, emulator thread) before it ends.
"""

from __future__ import annotations

import datetime as dtm
import logging
import socket
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from botfakes import many_projects_engine
from emulator import BotMessage, Chat, TelegramEmulator, User, running_emulator
from telegram import BotCommandScopeAllGroupChats, BotCommandScopeAllPrivateChats

from bot.config import Settings, WebhookSettings
from bot.core.engine import Engine
from bot.kb.model import KnowledgeBase
from bot.telegram.app import (
    ALLOWED_UPDATES,
    BotApplication,
    build_application,
    register_commands,
    webhook_options,
)
from bot.telegram.logs import REDACTED, install_token_filter

pytestmark = pytest.mark.e2e

WAIT = 5.0
POLL_TIMEOUT = dtm.timedelta(seconds=1)


@pytest.fixture
def emulator() -> Iterator[TelegramEmulator]:
    with running_emulator() as emu:
        yield emu


@pytest.fixture
def alice(emulator: TelegramEmulator) -> User:
    return emulator.create_user("Alice", username="alice", language_code="en")


@pytest.fixture
def private(emulator: TelegramEmulator, alice: User) -> Chat:
    return emulator.private_chat(alice)


def settings_for(
    emulator: TelegramEmulator, data_dir: Path, webhook: WebhookSettings | None = None
) -> Settings:
    return Settings(token=emulator.token, api_url=emulator.url, data_dir=data_dir, webhook=webhook)


@asynccontextmanager
async def polling(
    emulator: TelegramEmulator, engine: Engine, data_dir: Path
) -> AsyncIterator[BotApplication]:
    """The bot as `projectbot run` runs it (post_init, long polling), stopped afterwards."""
    app = build_application(settings_for(emulator, data_dir), engine)
    async with app:
        await register_commands(app)
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


@pytest.fixture
async def bot(
    emulator: TelegramEmulator, engine: Engine, tmp_path: Path
) -> AsyncIterator[BotApplication]:
    async with polling(emulator, engine, tmp_path) as app:
        yield app


async def ask(
    emulator: TelegramEmulator, chat: Chat, user: User | None, text: str, count: int = 1
) -> list[BotMessage]:
    emulator.send_message(chat, user, text)
    return await emulator.wait_for_messages(chat, count=count, timeout=WAIT)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


# ----- commands -----------------------------------------------------------------------------


async def test_commands_are_registered_at_start_up(
    emulator: TelegramEmulator, bot: BotApplication
) -> None:
    private_en = [c["command"] for c in emulator.commands(BotCommandScopeAllPrivateChats())]
    assert private_en == ["start", "help", "projects", "project", "about", "language"]
    private_ru = emulator.commands(BotCommandScopeAllPrivateChats(), "ru")
    assert private_ru and "проект" in " ".join(c["description"] for c in private_ru).lower()
    groups = [c["command"] for c in emulator.commands(BotCommandScopeAllGroupChats())]
    assert "start" not in groups and "help" in groups


async def test_each_command_answers_in_html_without_link_previews(
    emulator: TelegramEmulator, alice: User, private: Chat, bot: BotApplication
) -> None:
    [start] = await ask(emulator, private, alice, "/start")
    assert "I answer questions" in start.text and start.parse_mode == "HTML"
    assert start.link_preview_options == {"is_disabled": True}
    [help_reply] = await ask(emulator, private, alice, "/help")
    assert "SIREADA" in help_reply.text
    [about] = await ask(emulator, private, alice, "/about")
    assert "IOM" in about.text
    [projects] = await ask(emulator, private, alice, "/projects")
    assert len(projects.callback_data) == 4 and all(
        d.startswith("p|") for d in projects.callback_data
    )
    [card] = await ask(emulator, private, alice, "/project SIREADA")
    assert "March 2011" in card.text and "f|sireada|funders" in card.callback_data


async def test_deep_link_opens_the_project_card(
    emulator: TelegramEmulator, alice: User, private: Chat, bot: BotApplication
) -> None:
    [card] = await ask(emulator, private, alice, "/start border-checkpoints")
    assert "Border Checkpoints" in card.text
    assert "Share" in card.button_texts and "Funders" in card.button_texts


# ----- free text ----------------------------------------------------------------------------


async def test_free_text_question_and_follow_up(
    emulator: TelegramEmulator, alice: User, private: Chat, bot: BotApplication
) -> None:
    [first] = await ask(emulator, private, alice, "What was SIREADA?")
    assert "SIREADA" in first.text and first.reply_markup is not None
    [follow_up] = await ask(emulator, private, alice, "And who funded it?")
    assert "European Union" in follow_up.text


async def test_question_in_russian_is_answered_in_russian(
    emulator: TelegramEmulator, alice: User, private: Chat, bot: BotApplication
) -> None:
    [reply] = await ask(emulator, private, alice, "Кто финансировал SIREADA?")
    assert "финансир" in reply.text.lower()


async def test_clarification_then_picking_a_project(
    emulator: TelegramEmulator, alice: User, private: Chat, bot: BotApplication
) -> None:
    [clarify] = await ask(emulator, private, alice, "readmission project")
    assert "p|sireada" in clarify.callback_data
    query_id = emulator.press_button(clarify, "p|sireada", alice)
    await emulator.wait_for_callback_answer(query_id, timeout=WAIT)
    [card] = await emulator.wait_for_messages(private, timeout=WAIT)
    assert "March 2011" in card.text


async def test_pressing_field_buttons_sends_new_answers(
    emulator: TelegramEmulator, alice: User, private: Chat, bot: BotApplication
) -> None:
    [card] = await ask(emulator, private, alice, "/start sireada")
    query_id = emulator.press_button(card, "f|sireada|funders", alice)
    answer = await emulator.wait_for_callback_answer(query_id, timeout=WAIT)
    assert answer.text is None
    [funders] = await emulator.wait_for_messages(private, timeout=WAIT)
    assert funders.kind == "sent" and "European Union" in funders.text
    query_id = emulator.press_button(funders, text="Partners", user=alice)
    await emulator.wait_for_callback_answer(query_id, timeout=WAIT)
    [partners] = await emulator.wait_for_messages(private, timeout=WAIT)
    assert "Federal Migration Service" in partners.text


# ----- groups -------------------------------------------------------------------------------


async def test_group_bot_answers_mentions_and_replies_only_in_thread(
    emulator: TelegramEmulator, alice: User, bot: BotApplication
) -> None:
    bob = emulator.create_user("Bob", username="bob")
    group = emulator.create_group(
        "Team", [alice, bob], bot_is_admin=True
    )  # the bot sees everything
    emulator.send_message(group, bob, "What was SIREADA?")  # not for the bot
    mention = emulator.send_message(group, alice, f"@{emulator.bot.username} what was SIREADA?")
    [reply] = await emulator.wait_for_messages(group, timeout=WAIT)
    assert reply.reply_to == mention["message_id"] and "SIREADA" in reply.text
    follow = emulator.send_message(group, bob, "who funded it?", reply_to=reply.message_id)
    [answer] = await emulator.wait_for_messages(group, timeout=WAIT)
    assert answer.reply_to == follow["message_id"] and "European Union" in answer.text


async def test_group_with_privacy_mode_gets_commands(
    emulator: TelegramEmulator, alice: User, bot: BotApplication
) -> None:
    group = emulator.create_group("Privacy", [alice])
    emulator.send_message(group, alice, "hello everyone")
    [reply] = await ask(emulator, group, alice, f"/projects@{emulator.bot.username}")
    assert len(reply.callback_data) == 4


# ----- inline mode --------------------------------------------------------------------------


async def test_inline_query_exact_acronym_first_and_field_answers(
    emulator: TelegramEmulator, alice: User, bot: BotApplication
) -> None:
    answer = await emulator.wait_for_inline_answer(
        emulator.inline_query(alice, "SIREADA"), timeout=WAIT
    )
    assert answer.results[0]["id"] == "p.sireada" and answer.cache_time == 300
    assert answer.button is not None and answer.button["start_parameter"] == "inline"
    field = await emulator.wait_for_inline_answer(
        emulator.inline_query(alice, "SIREADA funders"), timeout=WAIT
    )
    assert field.results[0]["id"] == "f.sireada.funders"
    empty = await emulator.wait_for_inline_answer(emulator.inline_query(alice, ""), timeout=WAIT)
    assert len(empty.results) == 4 and empty.next_offset == ""


async def test_inline_results_are_paged(
    emulator: TelegramEmulator, alice: User, kb: KnowledgeBase, tmp_path: Path
) -> None:
    async with polling(emulator, many_projects_engine(kb), tmp_path):
        offset, ids = "", []
        for _ in range(5):
            page = await emulator.wait_for_inline_answer(
                emulator.inline_query(alice, "checkpoints", offset), timeout=WAIT
            )
            assert len(page.results) <= 50
            ids += [r["id"] for r in page.results]
            offset = page.next_offset
            if not offset:
                break
    assert len(ids) == len(set(ids)) == 121


# ----- failures -----------------------------------------------------------------------------


async def test_a_failing_handler_apologises(
    emulator: TelegramEmulator,
    alice: User,
    private: Chat,
    engine: Engine,
    bot: BotApplication,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(engine, "ask", broken)
    with caplog.at_level(logging.ERROR, logger="bot.telegram.errors"):
        [reply] = await ask(emulator, private, alice, "What was SIREADA?")
    assert reply.text.startswith("Sorry, something went wrong")
    assert any(r.exc_info for r in caplog.records if r.name == "bot.telegram.errors")


async def test_429_retry_after_is_waited_out(
    emulator: TelegramEmulator,
    alice: User,
    private: Chat,
    bot: BotApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    emulator.fail_next("sendMessage", status=429, retry_after=1)
    [reply] = await ask(emulator, private, alice, "What was SIREADA?")
    assert "SIREADA" in reply.text
    # the call is recorded just after the message is stored: wait for the record too
    await emulator.wait_until(
        lambda: True if len(emulator.calls_to("sendMessage")) >= 2 else None, timeout=WAIT
    )
    statuses = [c.status for c in emulator.calls_to("sendMessage")]
    assert statuses == [429, 200]


async def test_old_button_after_the_project_is_gone_gets_a_polite_answer(
    emulator: TelegramEmulator,
    alice: User,
    private: Chat,
    kb: KnowledgeBase,
    engine: Engine,
    tmp_path: Path,
) -> None:
    async with polling(emulator, engine, tmp_path):
        [card] = await ask(emulator, private, alice, "/start sireada")
    smaller = Engine(
        type(kb)(about=kb.about, projects=kb.projects[:3], organisations=kb.organisations)
    )
    async with polling(emulator, smaller, tmp_path):
        query_id = emulator.press_button(card, "f|sireada|funders", alice)
        answer = await emulator.wait_for_callback_answer(query_id, timeout=WAIT)
    assert answer.show_alert and answer.text and "not in the knowledge base" in answer.text
    assert [m for m in emulator.messages(private) if m.message_id > card.message_id] == []


# ----- restarts, webhook, logs --------------------------------------------------------------


async def test_restart_keeps_the_chat_context(
    emulator: TelegramEmulator, alice: User, private: Chat, engine: Engine, tmp_path: Path
) -> None:
    async with polling(emulator, engine, tmp_path):
        await ask(emulator, private, alice, "What was SIREADA?")
    async with polling(emulator, engine, tmp_path):
        [reply] = await ask(emulator, private, alice, "who funded it?")
    assert "European Union" in reply.text


async def test_webhook_mode_receives_updates_with_the_secret_token(
    emulator: TelegramEmulator, alice: User, private: Chat, engine: Engine, tmp_path: Path
) -> None:
    port = free_port()
    hook = WebhookSettings(
        url=f"http://127.0.0.1:{port}/hook", listen="127.0.0.1", port=port, secret="s3cret"
    )
    settings = settings_for(emulator, tmp_path, hook)
    app = build_application(settings, engine)
    async with app:
        assert app.updater is not None
        await app.updater.start_webhook(**webhook_options(settings))
        await app.start()
        try:
            assert emulator.webhook_info["url"] == hook.url
            [reply] = await ask(emulator, private, alice, "What was SIREADA?")
        finally:
            await app.updater.stop()
            await app.stop()
    assert "SIREADA" in reply.text
    assert emulator.webhook_deliveries and emulator.calls_to("getUpdates") == []


async def test_the_token_never_reaches_the_logs_even_at_debug(
    emulator: TelegramEmulator,
    alice: User,
    private: Chat,
    engine: Engine,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    uninstall = install_token_filter(emulator.token)
    httpx_logger = logging.getLogger("httpx")
    try:
        with caplog.at_level(logging.DEBUG), caplog.at_level(logging.DEBUG, logger="httpx"):
            assert httpx_logger.isEnabledFor(logging.DEBUG)
            async with polling(emulator, engine, tmp_path):
                await ask(emulator, private, alice, "What was SIREADA?")
    finally:
        uninstall()
    assert REDACTED in caplog.text  # httpx logged request URLs, redacted
    assert emulator.token not in caplog.text
    assert all(emulator.token not in r.getMessage() for r in caplog.records)
