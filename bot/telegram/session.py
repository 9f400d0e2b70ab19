"""What every handler shares: the engine, the chat's state in `chat_data`, and sending answers.

The engine lives in `bot_data` (which is not persisted); the chat's `ChatState` lives in
`chat_data` as a plain dict (`ChatState.to_dict`), so PicklePersistence keeps follow-ups working
across restarts.
"""

from __future__ import annotations

import time
from typing import Any, Final

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.ext import ContextTypes

from bot.config import Settings
from bot.core.context import ChatState
from bot.core.engine import Engine
from bot.core.types import Answer, Kind
from bot.render.html import render
from bot.telegram.keyboards import ShareText, answer_keyboard

#: Keys in `bot_data` (not persisted) and `chat_data` (persisted).
ENGINE_KEY: Final = "projectbot.engine"
SETTINGS_KEY: Final = "projectbot.settings"
CHAT_STATE_KEY: Final = "projectbot.chat_state"

Context = ContextTypes.DEFAULT_TYPE


class NotConfigured(RuntimeError):
    """The application was built without `build_application`: no engine in `bot_data`."""


def engine_of(context: Context) -> Engine:
    engine = context.bot_data.get(ENGINE_KEY)
    if not isinstance(engine, Engine):
        raise NotConfigured("no Engine in bot_data; build the application with build_application")
    return engine


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
) -> list[Message]:
    """Send the answer as HTML replies to `message`, the buttons under the last part.

    In groups the first part quotes the message it answers (a reply in the thread); in forum
    topics python-telegram-bot keeps the topic.
    """
    markup = keyboard if keyboard is not None else answer_keyboard(answer, share_text(context))
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


def describe(update: object) -> dict[str, Any]:
    """A few ids that identify an update in a log line, without the user's text."""
    if not isinstance(update, Update):
        return {"update": repr(update)[:200]}
    kind = next(
        (
            name
            for name in ("message", "edited_message", "callback_query", "inline_query")
            if getattr(update, name) is not None
        ),
        "other",
    )
    return {
        "update_id": update.update_id,
        "kind": kind,
        "chat_id": update.effective_chat.id if update.effective_chat else None,
        "chat_type": update.effective_chat.type if update.effective_chat else None,
        "user_id": update.effective_user.id if update.effective_user else None,
    }
