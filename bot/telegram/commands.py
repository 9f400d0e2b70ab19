"""Commands: /start (with deep-link payloads), /help, /projects, /project NAME, /about.

Commands answer in the chat's pinned language (/language), else in the user's Telegram language
(any "ru*" → Russian, else English).
"""

from __future__ import annotations

from typing import Final

from telegram import BotCommand, Update
from telegram.helpers import create_deep_linked_url

from bot.core.engine import Engine
from bot.core.types import Answer, Kind, Question
from bot.telegram.keyboards import projects_keyboard
from bot.telegram.session import (
    Context,
    chat_lang,
    engine_of,
    load_state,
    log_question,
    pinned_lang,
    remember,
    reply_answer,
    save_state,
)
from bot.telegram.texts import RU, text

START: Final = "start"
HELP: Final = "help"
PROJECTS: Final = "projects"
PROJECT: Final = "project"
ABOUT: Final = "about"
LANGUAGE: Final = "language"
#: Admin commands: not in the public menus.
RELOAD: Final = "reload"
REPORT: Final = "report"

#: Deep-link payload of the inline mode's "Open a private chat" button: it shows the welcome.
INLINE_START_PAYLOAD: Final = "inline"


def menu(lang: str, *, private: bool) -> list[BotCommand]:
    """The commands registered with setMyCommands, for private chats or groups."""
    public = (HELP, PROJECTS, PROJECT, ABOUT, LANGUAGE)
    names = (START, *public) if private else public
    return [BotCommand(name, text(f"cmd_{name}", lang)) for name in names]


def deep_link(bot_username: str, project_id: str) -> str:
    """t.me/<bot>?start=<project id>: opens the project's card in a private chat."""
    return create_deep_linked_url(bot_username, project_id)


def project_buttons(engine: Engine) -> list[tuple[str, str]]:
    return [(p.id, p.acronym or p.title.get("en")) for p in engine.kb.projects]


async def start(update: Update, context: Context) -> None:
    """/start shows the welcome; /start PROJECT_ID (a deep link) shows that project's card."""
    message = update.effective_message
    if message is None:
        return
    engine = engine_of(context)
    lang = chat_lang(update, context)
    payload = context.args[0] if context.args else None
    if payload and payload != INLINE_START_PAYLOAD:
        card = engine.card(payload, lang)
        if card.kind is Kind.PROJECT:
            remember(context, card)
            await reply_answer(message, card, context)
            return
    await reply_answer(message, engine.help(lang), context)


async def help_command(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is not None:
        await reply_answer(message, engine_of(context).help(chat_lang(update, context)), context)


async def about(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is not None:
        await reply_answer(message, engine_of(context).about(chat_lang(update, context)), context)


async def projects(update: Update, context: Context) -> None:
    """Every project, one line each, with a button per project that opens its card."""
    message = update.effective_message
    if message is None:
        return
    engine = engine_of(context)
    answer = engine.projects(chat_lang(update, context))
    await reply_answer(
        message, answer, context, keyboard=projects_keyboard(project_buttons(engine))
    )


async def project(update: Update, context: Context) -> None:
    """/project NAME → that project's card (or the candidates to pick from); no NAME → the list."""
    message = update.effective_message
    if message is None:
        return
    engine = engine_of(context)
    lang = chat_lang(update, context)
    name = " ".join(context.args or ()).strip()
    if not name:
        await message.reply_text(
            text("project_usage", lang), reply_markup=projects_keyboard(project_buttons(engine))
        )
        return
    asked = pinned_lang(context) or (RU if lang == RU else None)
    reply = engine.ask(
        Question(text=name, chat_id=message.chat.id, lang=asked), load_state(context)
    )
    answer = reply.answer
    await log_question(context, name, answer, chat_type=message.chat.type, user=message.from_user)
    if answer.kind in (Kind.PROJECT, Kind.CLARIFY):
        save_state(context, reply.state)
    else:
        project_id = _only_project(engine, name, answer)
        if project_id is not None:
            answer = engine.card(project_id, answer.lang)
            remember(context, answer)
    await reply_answer(message, answer, context)


def _only_project(engine: Engine, name: str, answer: Answer) -> str | None:
    """The one project an answer is about, else the clear best match for `name`, else None."""
    if len(answer.projects) == 1:
        return answer.projects[0]
    ranked = engine.find(name, limit=2)
    if len(ranked) == 1 or (len(ranked) > 1 and ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None
