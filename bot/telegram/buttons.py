"""Callback queries from the inline keyboards: a field of a project, or a project's card.

Every press is answered (so the button stops spinning), then the answer is sent as a new reply
to the message with the button; the card stays as it was. Malformed data, an unknown project
(an old button after the knowledge base changed) or a message the bot can no longer reach get a
short callback answer instead, never an error.
"""

from __future__ import annotations

from telegram import Message, Update
from telegram.constants import CallbackQueryLimit

from bot.core.types import Kind
from bot.render.plain import render as plain
from bot.telegram.keyboards import FieldButton, parse_callback_data
from bot.telegram.session import Context, engine_of, load_state, remember, reply_answer
from bot.telegram.texts import text, user_lang

MAX_NOTICE = int(CallbackQueryLimit.ANSWER_CALLBACK_QUERY_TEXT_LENGTH)


def _notice(value: str) -> str:
    return value if len(value) <= MAX_NOTICE else value[: MAX_NOTICE - 1] + "…"


async def on_button(update: Update, context: Context) -> None:
    query = update.callback_query
    if query is None:
        return
    state = load_state(context)
    lang = state.lang or user_lang(query.from_user)
    button = parse_callback_data(query.data)
    if button is None:
        await query.answer(_notice(text("stale_button", lang)))
        return
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
