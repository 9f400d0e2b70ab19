"""Operations in the Telegram layer, at handler level (real Application, offline transport):
the access gate, flood limits, the question log and 👍/👎, /reload and /report, SIGHUP and the
watcher, /language, the structured log line per update, and a broken question log.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import signal
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from botfakes import TOKEN, RecordingRequest, Updates
from emulator.htmlparse import parse_html

from bot.access import AccessPolicy, AccessSettings
from bot.config import ConfigError, Settings
from bot.core.engine import Engine
from bot.kb.load import load_knowledge
from bot.reload import KnowledgeHolder
from bot.store.questions import LogSettings, hash_user
from bot.telegram.app import BotApplication, build_application, operations_of, register_commands
from bot.telegram.commands import menu
from bot.telegram.keyboards import MAX_CALLBACK_BYTES, feedback_data
from bot.telegram.session import LANG_KEY, Operations, OpsSettings, load_ops_settings
from bot.telegram.texts import EN, RU, keys, translations

SHIPPED = Path(__file__).resolve().parents[1] / "knowledge"
ALICE, BOB, ADMIN, STRANGER = 42, 43, 7, 666
STAFF_GROUP = -100


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Bot:
    def __init__(self, app: BotApplication, request: RecordingRequest, clock: Clock) -> None:
        self.app = app
        self.request = request
        self.updates = Updates(app.bot)
        self.clock = clock

    @property
    def ops(self) -> Operations:
        return operations_of(self.app)

    async def send(self, update: Any) -> None:
        await self.app.process_update(update)

    async def say(self, text: str, user: int = ALICE, **kwargs: Any) -> None:
        chat = kwargs.pop("chat", Updates.private(user))
        lang = kwargs.pop("language_code", "en")
        await self.send(
            self.updates.message(text, chat=chat, user=Updates.user(user, lang), **kwargs)
        )

    def texts(self) -> list[str]:
        return [c.params["text"] for c in self.request.to("sendMessage")]


@asynccontextmanager
async def running(
    holder: Engine | KnowledgeHolder, data_dir: Path, ops: OpsSettings | None = None
) -> AsyncIterator[Bot]:
    request = RecordingRequest()
    request.responses["editMessageReplyMarkup"] = request._message
    app = build_application(
        Settings(token=TOKEN, data_dir=data_dir), holder, request=request, ops=ops
    )
    clock = Clock()
    async with app:
        operations_of(app).clock = clock
        yield Bot(app, request, clock)
    assert request.unexpected == [], f"unexpected Bot API calls: {request.unexpected}"


def ops_settings(
    tmp_path: Path,
    *,
    users: frozenset[int] = frozenset(),
    chats: frozenset[int] = frozenset(),
    flood: int = 0,
    log: bool = True,
) -> OpsSettings:
    policy = AccessPolicy(allowed_users=users, allowed_chats=chats, admins=frozenset({ADMIN}))
    return OpsSettings(
        access=AccessSettings(policy, flood),
        log=LogSettings(tmp_path / "questions.sqlite3", b"salt" if log else None)
        if log
        else LogSettings(None),
    )


@pytest.fixture
async def bot(engine: Engine, tmp_path: Path) -> AsyncIterator[Bot]:
    async with running(engine, tmp_path, ops_settings(tmp_path)) as running_bot:
        yield running_bot


def rows(
    db: Path,
    sql: str = "SELECT chat_type, user_hash, lang, text, kind, projects, score FROM questions",
) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


# ----- settings and texts -----------------------------------------------------------------


def test_ops_settings_come_from_the_environment(tmp_path: Path) -> None:
    env = {
        "PROJECTBOT_ALLOWED_USERS": "1, 2",
        "PROJECTBOT_ADMINS": "3",
        "PROJECTBOT_FLOOD_LIMIT": "5",
        "PROJECTBOT_DATA_DIR": str(tmp_path),
        "PROJECTBOT_WATCH_KNOWLEDGE": "on",
    }
    ops = load_ops_settings(env)
    assert ops.access.policy.allowed_users == {1, 2} and ops.access.policy.admins == {3}
    assert ops.access.flood_limit == 5 and ops.watch_interval == 2.0
    assert ops.log.path == tmp_path / "questions.sqlite3"
    assert load_ops_settings({"PROJECTBOT_QUESTION_LOG": "off"}).log.path is None


def test_every_bad_ops_variable_is_named_at_once() -> None:
    env = {
        "PROJECTBOT_ALLOWED_USERS": "@alice",
        "PROJECTBOT_FLOOD_LIMIT": "lots",
        "PROJECTBOT_WATCH_KNOWLEDGE": "sometimes",
    }
    with pytest.raises(ConfigError) as raised:
        load_ops_settings(env)
    message = str(raised.value)
    assert "PROJECTBOT_ALLOWED_USERS" in message and "PROJECTBOT_WATCH_KNOWLEDGE" in message


def test_every_text_and_the_command_menus_exist_in_both_languages() -> None:
    for key in keys():
        en, ru = translations(key)
        assert en and ru and en != ru, key
    for private in (True, False):
        english, russian = menu(EN, private=private), menu(RU, private=private)
        assert [c.command for c in english] == [c.command for c in russian]
        assert all(e.description != r.description for e, r in zip(english, russian, strict=True))
        assert "language" in [c.command for c in english]
        assert not {"reload", "report"} & {c.command for c in english}


# ----- access -----------------------------------------------------------------------------


async def test_a_stranger_gets_one_polite_refusal_then_silence_everywhere(
    engine: Engine, tmp_path: Path
) -> None:
    ops = ops_settings(tmp_path, users=frozenset({ALICE}))
    async with running(engine, tmp_path, ops) as bot:
        await bot.say("What was SIREADA?", STRANGER)
        await bot.say("/projects", STRANGER)
        await bot.send(bot.updates.inline("SIREADA", user=Updates.user(STRANGER)))
        card = bot.updates.bot_message("card", Updates.private(STRANGER))
        await bot.send(
            bot.updates.callback("f|sireada|funders", message=card, user=Updates.user(STRANGER))
        )
        [refusal] = bot.texts()
        assert "only answers the people it was set up for" in refusal
        assert bot.request.to("answerInlineQuery") == []
        assert bot.request.to("answerCallbackQuery") == []
        # an allowed user and the admin are answered
        await bot.say("What was SIREADA?", ALICE)
        await bot.say("/help", ADMIN)
        assert len(bot.texts()) == 3
    assert rows(tmp_path / "questions.sqlite3", "SELECT count(*) FROM questions") == [(1,)]


async def test_a_strangers_first_try_by_button_or_inline_gets_the_refusal_there(
    engine: Engine, tmp_path: Path
) -> None:
    ops = ops_settings(tmp_path, users=frozenset({ALICE}))
    async with running(engine, tmp_path, ops) as bot:
        await bot.send(bot.updates.inline("SIREADA", user=Updates.user(STRANGER)))
        [inline] = bot.request.to("answerInlineQuery")
        assert inline.params["results"] == [] and "not available" in inline.params["button"]["text"]
        await bot.send(bot.updates.callback("p|sireada", user=Updates.user(STRANGER + 1, "ru")))
        [callback] = bot.request.to("answerCallbackQuery")
        assert "недоступен" in callback.params["text"]
        assert bot.texts() == []


async def test_an_allowed_group_is_answered_and_group_chatter_is_never_refused(
    engine: Engine, tmp_path: Path
) -> None:
    ops = ops_settings(tmp_path, chats=frozenset({STAFF_GROUP}))
    async with running(engine, tmp_path, ops) as bot:
        mention = f"@{bot.app.bot.username} what was SIREADA?"
        await bot.say(mention, STRANGER, chat=Updates.group(STAFF_GROUP))
        assert "SIREADA" in bot.texts()[0]
        other = Updates.group(-200)
        await bot.say("hello all", STRANGER, chat=other)  # not for the bot: no refusal
        await bot.say("/help@some_other_bot", STRANGER, chat=other)
        assert len(bot.texts()) == 1
        await bot.say(mention, STRANGER, chat=other)
        assert "set up for" in bot.texts()[-1]


# ----- flood ------------------------------------------------------------------------------


async def test_flood_gets_one_notice_then_silence_until_the_window_passes(
    engine: Engine, tmp_path: Path
) -> None:
    async with running(engine, tmp_path, ops_settings(tmp_path, flood=3)) as bot:
        for _ in range(6):
            await bot.say("What was SIREADA?")
        texts = bot.texts()
        assert len(texts) == 4 and "faster than I can answer" in texts[3]
        await bot.say("What was SIREADA?", BOB)  # another user is not affected
        assert len(bot.texts()) == 5
        bot.clock.now += 61
        await bot.say("What was SIREADA?")
        assert len(bot.texts()) == 6 and "SIREADA" in bot.texts()[-1]


async def test_inline_queries_have_their_own_flood_limit(engine: Engine, tmp_path: Path) -> None:
    async with running(engine, tmp_path, ops_settings(tmp_path, flood=2)) as bot:
        for query in ("S", "SI", "SIR", "SIRE", "SIREA"):
            await bot.send(bot.updates.inline(query))
        answers = bot.request.to("answerInlineQuery")
        assert len(answers) == 3
        assert answers[2].params["results"] == [] and "wait" in answers[2].params["button"]["text"]
        await bot.say("What was SIREADA?")  # messages are counted apart
        assert len(bot.texts()) == 1


# ----- question log and feedback ----------------------------------------------------------


async def test_answered_questions_are_logged_with_a_salted_user_hash(
    bot: Bot, tmp_path: Path
) -> None:
    await bot.say("What was SIREADA?")
    await bot.say("Кто финансировал SIREADA?")
    group = f"@{bot.app.bot.username} who funded SIREADA?"
    await bot.say(group, BOB, chat=Updates.group())
    logged = rows(tmp_path / "questions.sqlite3")
    assert [(r[0], r[2], r[4]) for r in logged] == [
        ("private", "en", "project"),
        ("private", "ru", "field"),
        ("group", "en", "field"),
    ]
    assert logged[0][1] == hash_user(b"salt", ALICE) and str(ALICE) not in logged[0][1]
    assert logged[2][3] == "who funded SIREADA?" and logged[0][5] == '["sireada"]'
    assert all(r[6] > 0 for r in logged)


async def test_free_text_answers_get_feedback_buttons_that_are_stored(
    bot: Bot, tmp_path: Path
) -> None:
    await bot.say("What was SIREADA?")
    [answer] = bot.request.to("sendMessage")
    data = [d for d in answer.callback_data() if d.startswith("v|")]
    assert data == [feedback_data(1, True), feedback_data(1, False)]
    assert all(len(d.encode()) <= MAX_CALLBACK_BYTES for d in answer.callback_data())
    message = bot.updates.bot_message("answer", Updates.private(), message_id=5)
    await bot.send(bot.updates.callback(data[1], message=message))
    await bot.send(bot.updates.callback(data[0], message=message, user=Updates.user(BOB)))
    thanks = [c.params["text"] for c in bot.request.to("answerCallbackQuery")]
    assert thanks == ["Thank you for the feedback!"] * 2
    ratings = rows(
        tmp_path / "questions.sqlite3", "SELECT question_id, rating FROM feedback ORDER BY rating"
    )
    assert ratings == [(1, -1), (1, 1)]


async def test_stale_or_malformed_feedback_gets_a_polite_answer(bot: Bot) -> None:
    message = bot.updates.bot_message("answer", Updates.private())
    for data in ("v|999|+", "v|0|+", "v|1|x", "v|abc|-", "v|1"):
        await bot.send(bot.updates.callback(data, message=message))
    answers = [c.params["text"] for c in bot.request.to("answerCallbackQuery")]
    assert answers[0] == "Thank you! This answer can no longer be rated."
    assert all("no longer works" in a for a in answers[1:])
    assert bot.texts() == []


async def test_commands_and_buttons_get_no_feedback_buttons(bot: Bot) -> None:
    await bot.say("/start sireada")
    await bot.say("/project SIREADA")
    assert all(
        not d.startswith("v|") for c in bot.request.to("sendMessage") for d in c.callback_data()
    )


async def test_without_a_log_there_are_no_feedback_buttons(engine: Engine, tmp_path: Path) -> None:
    async with running(engine, tmp_path, ops_settings(tmp_path, log=False)) as bot:
        await bot.say("What was SIREADA?")
        assert not any(d.startswith("v|") for d in bot.request.to("sendMessage")[0].callback_data())


async def test_a_corrupt_question_log_is_reported_once_and_the_bot_keeps_answering(
    engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "questions.sqlite3"
    db.write_bytes(b"this is not a database, just garbage " * 200)
    with caplog.at_level(logging.WARNING):
        async with running(engine, tmp_path, ops_settings(tmp_path)) as bot:
            for question in ("What was SIREADA?", "who funded it?", "and the partners?"):
                await bot.say(question)
            assert len(bot.texts()) == 3 and "European Union" in bot.texts()[1]
            assert not any(
                d.startswith("v|") for d in bot.request.to("sendMessage")[0].callback_data()
            )
    errors = [
        r for r in caplog.records if r.name == "bot.store.questions" and r.levelno >= logging.ERROR
    ]
    assert len(errors) == 1 and "corrupt" in errors[0].getMessage()
    assert not [r for r in caplog.records if r.name == "bot.telegram.errors"]


async def test_a_locked_question_log_is_reported_once_and_the_bot_keeps_answering(
    engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "questions.sqlite3"
    async with running(engine, tmp_path, ops_settings(tmp_path)) as bot:
        assert bot.ops.question_log is not None
        bot.ops.question_log.busy_timeout = 0.05
        await bot.say("What was SIREADA?")  # creates the log
        bot.ops.question_log.close()
        locker = sqlite3.connect(db, timeout=0)
        locker.execute("BEGIN EXCLUSIVE")
        try:
            with caplog.at_level(logging.WARNING):
                for _ in range(3):
                    await bot.say("who funded it?")
        finally:
            locker.rollback()
            locker.close()
        assert len(bot.texts()) == 4
    errors = [
        r for r in caplog.records if r.name == "bot.store.questions" and r.levelno >= logging.ERROR
    ]
    assert len(errors) == 1


# ----- admin commands -----------------------------------------------------------------------


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(SHIPPED, target)
    return target


async def test_reload_swaps_in_a_valid_knowledge_base_and_reports_the_changes(
    tmp_path: Path, kb_copy: Path
) -> None:
    holder = KnowledgeHolder(Engine(load_knowledge(kb_copy)), kb_copy)
    async with running(holder, tmp_path, ops_settings(tmp_path)) as bot:
        sireada = kb_copy / "projects" / "sireada.yaml"
        sireada.write_text(
            sireada.read_text(encoding="utf-8").replace("2011", "2010", 1), encoding="utf-8"
        )
        (kb_copy / "projects" / "border-checkpoints.yaml").unlink()
        await bot.say("/reload", ADMIN)
        [reply] = bot.texts()
        assert reply.startswith("<pre>") and "Reloaded" in reply
        assert "projects removed: border-checkpoints" in reply and "sireada:" in reply
        assert holder.engine.kb.project("border-checkpoints") is None
        parse_html(reply)


async def test_reload_of_an_invalid_knowledge_base_keeps_the_old_one_and_lists_file_and_line(
    tmp_path: Path, kb_copy: Path
) -> None:
    engine = Engine(load_knowledge(kb_copy))
    holder = KnowledgeHolder(engine, kb_copy)
    async with running(holder, tmp_path, ops_settings(tmp_path)) as bot:
        sireada = kb_copy / "projects" / "sireada.yaml"
        sireada.write_text(
            sireada.read_text(encoding="utf-8").replace(
                "funders: [eu]", "funders: [eu, <nobody> & co]", 1
            ),
            encoding="utf-8",
        )
        await bot.say("/reload", ADMIN)
        [reply] = bot.texts()
        assert "NOT reloaded" in reply and "sireada.yaml:" in reply
        assert "&lt;nobody&gt;" in reply or "nobody" in reply
        parse_html(reply)
        assert holder.engine is engine
        await bot.say("who funded SIREADA?")
        assert "European Union" in bot.texts()[-1]


async def test_admin_commands_are_refused_politely_to_others(bot: Bot) -> None:
    await bot.say("/reload")
    await bot.say("/report", language_code="ru")
    assert bot.texts() == [
        "This command is for the bot's administrators.",
        "Эта команда только для администраторов бота.",
    ]


async def test_report_is_preformatted_escaped_and_split_below_the_limit(
    bot: Bot, tmp_path: Path
) -> None:
    for question in ("what is <b>SIREADA</b> & co?", "who is the pope?", "What was SIREADA?"):
        await bot.say(question)
    await bot.say("/report", ADMIN)
    reports = bot.texts()[3:]
    assert reports and all(t.startswith("<pre>") and len(t) <= 4096 for t in reports)
    assert "&lt;b&gt;SIREADA" in "".join(reports) or "pope" in "".join(reports)
    for text in reports:
        parse_html(text)


async def test_engine_is_read_through_the_holder_once_per_update(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    holder = KnowledgeHolder(engine, SHIPPED)
    reads: list[int] = []
    original = KnowledgeHolder.engine

    def counting(self: KnowledgeHolder) -> Engine:
        reads.append(1)
        return original.fget(self)  # type: ignore[attr-defined,no-any-return]

    monkeypatch.setattr(KnowledgeHolder, "engine", property(counting))
    async with running(holder, tmp_path, ops_settings(tmp_path)) as bot:
        for question in ("What was SIREADA?", "/start sireada", "/project SIREADA", "/projects"):
            reads.clear()
            await bot.say(question)
            assert len(reads) == 1, question
        reads.clear()
        await bot.send(bot.updates.inline("SIREADA funders"))
        assert len(reads) == 1


# ----- SIGHUP and the watcher --------------------------------------------------------------


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="this platform has no SIGHUP")
async def test_sighup_and_the_watcher_reload_and_tell_the_admins(
    tmp_path: Path, kb_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    holder = KnowledgeHolder(Engine(load_knowledge(kb_copy)), kb_copy)
    ops = replace(ops_settings(tmp_path), watch_interval=0.05)
    async with running(holder, tmp_path, ops) as bot:
        assert bot.app.post_init is not None and bot.app.post_stop is not None
        await bot.app.post_init(bot.app)
        try:
            assert bot.ops.sighup and bot.ops.watcher is not None
            with caplog.at_level(logging.INFO):
                os.kill(os.getpid(), signal.SIGHUP)
                await wait_for(lambda: bot.request.to("sendMessage"))
            [told] = bot.request.to("sendMessage")
            assert told.params["chat_id"] == ADMIN and "SIGHUP" in told.params["text"]
            assert any(
                "SIGHUP" in r.getMessage() and "Reloaded" in r.getMessage() for r in caplog.records
            )
            broken = kb_copy / "projects" / "sireada.yaml"
            broken.write_text("id: [unclosed\n", encoding="utf-8")
            await wait_for(lambda: len(bot.request.to("sendMessage")) > 1 or None)
            changed = bot.request.to("sendMessage")[1].params["text"]
            assert "NOT reloaded" in changed and "sireada.yaml:" in changed
        finally:
            await bot.app.post_stop(bot.app)
        assert not bot.ops.sighup and bot.ops.watcher is None
        commands = bot.request.to("setMyCommands")
        assert {c.params.get("language_code") for c in commands} == {None, "ru"}


async def wait_for(condition: Callable[[], object], timeout: float = 5.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.02)


async def test_a_failing_command_menu_does_not_stop_the_bot(bot: Bot) -> None:
    bot.request.responses.pop("setMyCommands")
    await register_commands(bot.app)
    bot.request.unexpected.clear()


# ----- /language ----------------------------------------------------------------------------


async def test_language_buttons_pin_the_chats_language_for_answers_commands_and_buttons(
    bot: Bot,
) -> None:
    await bot.say("/language")
    [prompt] = bot.request.to("sendMessage")
    assert prompt.callback_data() == ["l|en", "l|ru"]
    assert [b["text"] for b in prompt.buttons()] == ["English", "Русский"]
    message = bot.updates.bot_message(prompt.params["text"], Updates.private(), message_id=3)
    await bot.send(bot.updates.callback("l|ru", message=message))
    [edit] = bot.request.to("editMessageText")
    assert "по-русски" in edit.params["text"]
    assert bot.app.chat_data[ALICE][LANG_KEY] == RU
    bot.request.clear()
    await bot.say("What was SIREADA?")  # an English question, answered in Russian
    await bot.say("/start")
    await bot.say("/help")
    answer, welcome, help_text = bot.texts()
    assert "Я отвечаю" in welcome and "Я отвечаю" in help_text
    assert any("а" <= ch <= "я" for ch in answer)
    card = bot.updates.bot_message("card", Updates.private())
    await bot.send(bot.updates.callback("f|sireada|funders", message=card))
    assert "Европейский союз" in bot.texts()[-1]
    await bot.send(bot.updates.inline(""))  # inline: the private chat's pinned language
    results = bot.request.to("answerInlineQuery")[0].params["results"]
    assert any("а" <= ch <= "я" for ch in results[0]["input_message_content"]["message_text"])


async def test_language_arguments_pin_and_unpin(bot: Bot) -> None:
    await bot.say("/language ru")
    await bot.say("Who funded SIREADA?")
    await bot.say("/language auto")
    await bot.say("Who funded SIREADA?")
    await bot.say("/language klingon")
    pinned, russian, unpinned, english, usage = bot.texts()
    assert "по-русски" in pinned and "финансир" in russian.lower()
    assert "language of each question" in unpinned and "European Union" in english
    assert "/language en" in usage and bot.request.to("sendMessage")[-1].callback_data() == [
        "l|en",
        "l|ru",
    ]
    await bot.say("/language en", language_code="ru")
    await bot.say("Кто финансировал SIREADA?")
    assert "European Union" in bot.texts()[-1]


async def test_russian_user_gets_russian_commands_without_pinning(bot: Bot) -> None:
    await bot.say("/language", language_code="ru")
    assert "На каком языке" in bot.texts()[0]


# ----- the log line per update ------------------------------------------------------------


async def test_one_structured_log_line_per_update_without_the_question_text(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        await bot.say("What was SIREADA? secret-words")
        await bot.say("/help")
        await bot.send(bot.updates.inline("SIREADA secret-words"))
        await bot.send(bot.updates.callback("garbage"))
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.telegram.app"]
    assert len(lines) == 4
    kinds = [line.split("kind=")[1].split()[0] for line in lines]
    assert kinds == ["message", "command", "inline_query", "callback_query"]
    assert all("update_id=" in line and "latency_ms=" in line for line in lines)
    info = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    assert not any("secret-words" in line for line in info)


async def test_an_unknown_command_in_a_private_chat_gets_the_help(bot: Bot) -> None:
    await bot.say("/frobnicate")
    await bot.say("/frobnicate", chat=Updates.group())
    [reply] = bot.texts()
    assert "I answer questions" in reply
