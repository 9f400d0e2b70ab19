"""What every handler shares: the engine, the operations state, the chat's state and language
in `chat_data`, logging questions, and sending answers.

`bot_data` (not persisted) holds the `Settings` and the `Operations`: the `KnowledgeHolder` that
owns the live engine, the access policy, the flood limiters and the question log. A handler reads
the engine through the holder once per update (`engine_of` caches it on the update's context), so
a reload in the middle of an update never mixes two knowledge bases. The chat's `ChatState` and
its pinned language live in `chat_data` as plain values, so PicklePersistence keeps them across
restarts.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, TypeVar

from telegram import InlineKeyboardMarkup, Message, MessageEntity, Update, User
from telegram.constants import ChatType, ParseMode
from telegram.ext import ContextTypes

from bot.access import (
    DEFAULT_FLOOD_WINDOW,
    AccessPolicy,
    AccessSettings,
    FloodLimiter,
    RefusalTracker,
    load_access,
)
from bot.config import ConfigError, Settings
from bot.core.context import ChatState
from bot.core.engine import Engine
from bot.core.types import Answer, Kind
from bot.reload import KnowledgeHolder, watch_interval
from bot.render.html import render
from bot.store.questions import LogSettings, QuestionLog, load_log_settings, open_question_log
from bot.telegram.keyboards import LANGUAGES, ShareText, answer_keyboard, with_feedback
from bot.telegram.texts import user_lang

logger = logging.getLogger(__name__)

#: Keys in `bot_data` (not persisted) and `chat_data` (persisted).
OPS_KEY: Final = "projectbot.operations"
SETTINGS_KEY: Final = "projectbot.settings"
CHAT_STATE_KEY: Final = "projectbot.chat_state"
LANG_KEY: Final = "projectbot.lang"
#: Where `engine_of` keeps the update's engine on its context (one read of the holder per update).
_ENGINE_ATTR: Final = "_projectbot_engine"

Context = ContextTypes.DEFAULT_TYPE
T = TypeVar("T")


class NotConfigured(RuntimeError):
    """The application was built without `build_application`: no operations in `bot_data`."""


@dataclass(frozen=True)
class OpsSettings:
    """The operations settings: access, flood limit, question log, knowledge base watcher.

    The default (tests, embedding) answers everyone, limits floods, logs nothing, watches nothing;
    `load_ops_settings` reads the real ones from the environment.
    """

    access: AccessSettings = field(default_factory=lambda: AccessSettings(AccessPolicy()))
    log: LogSettings = field(default_factory=lambda: LogSettings(None))
    watch_interval: float | None = None
    flood_window: float = DEFAULT_FLOOD_WINDOW


def load_ops_settings(env: Mapping[str, str] | None = None) -> OpsSettings:
    """The operations settings from `env` (default: the process environment); `ConfigError`
    lists every malformed variable at once."""
    env = os.environ if env is None else env
    problems: list[str] = []

    def attempt(read: Callable[[], T], default: T) -> T:
        try:
            return read()
        except ConfigError as error:
            problems.append(str(error))
            return default

    access = attempt(lambda: load_access(env), AccessSettings(AccessPolicy()))
    log = attempt(lambda: load_log_settings(env), LogSettings(None))
    interval = attempt(lambda: watch_interval(env), None)
    if problems:
        raise ConfigError("cannot start the bot:\n" + "\n".join(f"  - {p}" for p in problems))
    return OpsSettings(access=access, log=log, watch_interval=interval)


@dataclass
class Operations:
    """What the operations side keeps while the bot runs (in `bot_data`, never persisted)."""

    holder: KnowledgeHolder
    policy: AccessPolicy = field(default_factory=AccessPolicy)
    flood: FloodLimiter = field(default_factory=FloodLimiter)
    inline_flood: FloodLimiter = field(default_factory=FloodLimiter)
    refusals: RefusalTracker = field(default_factory=RefusalTracker)
    question_log: QuestionLog | None = None
    watch_interval: float | None = None
    clock: Callable[[], float] = time.monotonic
    watcher: asyncio.Task[None] | None = None
    sighup: bool = False
    log_failed: bool = False


def make_operations(holder: KnowledgeHolder, settings: OpsSettings) -> Operations:
    """The running operations state for `settings` (opens the question log, lazily)."""
    limit = settings.access.flood_limit
    return Operations(
        holder=holder,
        policy=settings.access.policy,
        flood=FloodLimiter(limit, settings.flood_window),
        inline_flood=FloodLimiter(limit, settings.flood_window),
        question_log=open_question_log(settings.log),
        watch_interval=settings.watch_interval,
    )


def ops_of(context: Context) -> Operations:
    ops = context.bot_data.get(OPS_KEY)
    if not isinstance(ops, Operations):
        raise NotConfigured(
            "no Operations in bot_data; build the application with build_application"
        )
    return ops


def engine_of(context: Context) -> Engine:
    """The live engine, read from the holder once per update and kept for the rest of it."""
    engine = getattr(context, _ENGINE_ATTR, None)
    if isinstance(engine, Engine):
        return engine
    engine = ops_of(context).holder.engine
    setattr(context, _ENGINE_ATTR, engine)
    return engine


def pinned_lang(context: Context) -> str | None:
    """The language pinned in this chat with /language, or None (answer in the question's)."""
    if context.chat_data is None:
        return None
    lang = context.chat_data.get(LANG_KEY)
    return lang if lang in LANGUAGES else None


def pin_lang(context: Context, lang: str | None) -> None:
    """Pin `lang` in this chat; None unpins it."""
    if context.chat_data is None:
        return
    if lang is None:
        context.chat_data.pop(LANG_KEY, None)
    else:
        context.chat_data[LANG_KEY] = lang


def chat_lang(update: Update, context: Context) -> str:
    """The language of commands, buttons and the welcome: the chat's pinned language, else the
    user's Telegram language."""
    return pinned_lang(context) or user_lang(update.effective_user)


async def log_question(
    context: Context, text: str, answer: Answer, *, chat_type: str, user: User | None
) -> int | None:
    """Log an answered question (in a worker thread); its id for the feedback buttons, or None
    when the log is off or failing. Never raises: the answer matters more than the log."""
    ops = ops_of(context)
    if ops.question_log is None:
        return None
    try:
        return await asyncio.to_thread(
            ops.question_log.log,
            text=text,
            answer=answer,
            chat_type=chat_type,
            user_id=user.id if user else None,
            lang=answer.lang,
        )
    except Exception:
        # QuestionLog reports its own database errors once; this is anything else, also once.
        if not ops.log_failed:
            ops.log_failed = True
            logger.exception("logging a question failed; the bot keeps answering")
        return None


def settings_of(context: Context) -> Settings:
    settings = context.bot_data.get(SETTINGS_KEY)
    if not isinstance(settings, Settings):
        raise NotConfigured("no Settings in bot_data; build the application with build_application")
    return settings


def load_state(context: Context) -> ChatState:
    """The chat's state, or an empty one when there is none or it is older than the TTL."""
    if context.chat_data is None:
        return ChatState()
    state = ChatState.from_dict(context.chat_data.get(CHAT_STATE_KEY))
    ttl = settings_of(context).context_ttl
    if state.updated and time.time() - state.updated > ttl:
        return ChatState()
    return state


def save_state(context: Context, state: ChatState) -> None:
    if context.chat_data is not None:
        context.chat_data[CHAT_STATE_KEY] = state.to_dict()


def remember(context: Context, answer: Answer) -> None:
    """After a card or field shown by a command or button: follow-ups are about that project."""
    if answer.kind not in (Kind.PROJECT, Kind.FIELD) or not answer.projects:
        return
    state = load_state(context).touched(
        projects=answer.projects[:2],
        field=answer.fields[0] if answer.fields else None,
        lang=answer.lang,
        candidates=(),
        missing=None,
    )
    save_state(context, state)


def share_text(context: Context) -> ShareText:
    """What the Share button types after @bot: the project's acronym or short name."""
    engine = engine_of(context)

    def text_for(project_id: str) -> str | None:
        project = engine.kb.project(project_id)
        if project is None:
            return None
        if project.acronym:
            return project.acronym
        return project.aliases[0].en if project.aliases else project.title.en

    return text_for


async def reply_answer(
    message: Message,
    answer: Answer,
    context: Context,
    *,
    keyboard: InlineKeyboardMarkup | None = None,
    question_id: int | None = None,
) -> list[Message]:
    """Send the answer as HTML replies to `message`, the buttons under the last part (with
    👍 / 👎 when the answer was logged as `question_id`).

    In groups the first part quotes the message it answers (a reply in the thread); in forum
    topics python-telegram-bot keeps the topic.
    """
    markup = keyboard if keyboard is not None else answer_keyboard(answer, share_text(context))
    if question_id is not None:
        markup = with_feedback(markup, question_id)
    chunks = render(answer)
    sent: list[Message] = []
    quote = message.chat.type != ChatType.PRIVATE
    for number, chunk in enumerate(chunks):
        last = number == len(chunks) - 1
        sent.append(
            await message.reply_text(
                chunk,
                parse_mode=ParseMode.HTML,
                reply_markup=markup if last else None,
                do_quote=quote and number == 0,
            )
        )
    return sent


def update_kind(update: Update) -> str:
    """What an update is, for log lines: command, message, callback_query, inline_query, ..."""
    if update.message is not None:
        entities = update.message.entities
        if entities and entities[0].type == MessageEntity.BOT_COMMAND and entities[0].offset == 0:
            return "command"
        return "message"
    return next(
        (
            name
            for name in ("edited_message", "callback_query", "inline_query")
            if getattr(update, name) is not None
        ),
        "other",
    )


def describe(update: object) -> dict[str, Any]:
    """A few ids that identify an update in a log line, without the user's text."""
    if not isinstance(update, Update):
        return {"update": repr(update)[:200]}
    return {
        "update_id": update.update_id,
        "kind": update_kind(update),
        "chat_id": update.effective_chat.id if update.effective_chat else None,
        "chat_type": update.effective_chat.type if update.effective_chat else None,
        "user_id": update.effective_user.id if update.effective_user else None,
    }
