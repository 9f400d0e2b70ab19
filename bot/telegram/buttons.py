"""Callback queries from the inline keyboards: a field of a project, a project's card, 👍 / 👎 on
an answer, or a language for the chat.

Every press is answered (so the button stops spinning). A field or card is then sent as a new
reply to the message with the button; the card stays as it was. Feedback is stored against the
logged question (in a worker thread) and thanked. Malformed data, an unknown project (an old
button after the knowledge base changed), an answer that can no longer be rated or a message the
bot can no longer reach get a short callback answer instead, never an error.
"""

from __future__ import annotations

import asyncio

from telegram import CallbackQuery, Message, Update
from telegram.constants import CallbackQueryLimit

from bot.core.types import Kind
from bot.render.plain import render as plain
from bot.telegram.keyboards import (
    FeedbackButton,
    FieldButton,
    LanguageButton,
    ProjectButton,
    parse_callback_data,
)
from bot.telegram.language import on_language_button
from bot.telegram.session import (
    Context,
    engine_of,
    load_state,
    ops_of,
    pinned_lang,
    remember,
    reply_answer,
)
from bot.telegram.texts import text, user_lang

MAX_NOTICE = int(CallbackQueryLimit.ANSWER_CALLBACK_QUERY_TEXT_LENGTH)


def _notice(value: str) -> str:
    return value if len(value) <= MAX_NOTICE else value[: MAX_NOTICE - 1] + "…"


async def on_button(update: Update, context: Context) -> None:
    query = update.callback_query
    if query is None:
        return
    state = load_state(context)
    lang = pinned_lang(context) or state.lang or user_lang(query.from_user)
    button = parse_callback_data(query.data)
    if button is None:
        await query.answer(_notice(text("stale_button", lang)))
    elif isinstance(button, FeedbackButton):
        await on_feedback(query, button, lang, context)
    elif isinstance(button, LanguageButton):
        await on_language_button(query, button.lang, context)
    else:
        await on_project_button(query, button, lang, context)


async def on_feedback(
    query: CallbackQuery, button: FeedbackButton, lang: str, context: Context
) -> None:
    """👍 / 👎: stored against the logged question; one vote per user, the last one counts."""
    log = ops_of(context).question_log
    stored = log is not None and await asyncio.to_thread(
        log.feedback, button.question_id, query.from_user.id, button.positive
    )
    await query.answer(_notice(text("feedback_thanks" if stored else "feedback_stale", lang)))


async def on_project_button(
    query: CallbackQuery, button: FieldButton | ProjectButton, lang: str, context: Context
) -> None:
    engine = engine_of(context)
    if isinstance(button, FieldButton):
        answer = engine.field(button.project, button.field, lang)
    else:
        answer = engine.card(button.project, lang)
    if answer.kind is Kind.NOT_FOUND:
        await query.answer(_notice(plain(answer).split("\n\n")[0]), show_alert=True)
        return
    message = query.message
    if not isinstance(message, Message):
        # An inline-mode message or one too old to reach: no chat to answer in.
        await query.answer(_notice(text("stale_button", lang)), show_alert=True)
        return
    await query.answer()
    remember(context, answer)
    await reply_answer(message, answer, context)
