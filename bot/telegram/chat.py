"""Free text: every message in a private chat is a question; in groups only messages addressed
to the bot (a mention of it, or a reply to one of its messages) are, and the answer replies in
the thread. The question goes to the core with the chat's pinned language (/language), or with
lang=None so that it is answered in its own language. Every answered question is logged, and the
answer gets 👍 / 👎 buttons when it was.
"""

from __future__ import annotations

import re

from telegram import Bot, Message, MessageEntity, Update

from bot.core.types import Question
from bot.telegram.session import (
    Context,
    engine_of,
    load_state,
    log_question,
    pinned_lang,
    reply_answer,
    save_state,
)


def addressed_to_bot(message: Message, bot: Bot) -> bool:
    """Whether a group message is for the bot: it mentions the bot or replies to the bot."""
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
        return True
    mention = f"@{bot.username}".casefold()
    for entity, value in message.parse_entities(
        [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
    ).items():
        if entity.type == MessageEntity.MENTION and value.casefold() == mention:
            return True
        if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot.id:
            return True
    return False


def without_mention(text: str, bot: Bot) -> str:
    """The question without the @bot mention in it."""
    cleaned = re.sub(rf"@{re.escape(bot.username)}\b", " ", text, flags=re.IGNORECASE)
    return " ".join(cleaned.split())


async def answer_question(message: Message, question: str, context: Context) -> None:
    engine = engine_of(context)
    reply = engine.ask(
        Question(text=question, chat_id=message.chat.id, lang=pinned_lang(context)),
        load_state(context),
    )
    save_state(context, reply.state)
    question_id = await log_question(
        context, question, reply.answer, chat_type=message.chat.type, user=message.from_user
    )
    await reply_answer(message, reply.answer, context, question_id=question_id)


async def private_text(update: Update, context: Context) -> None:
    """A private chat: every text message is a question."""
    message = update.effective_message
    if message is not None and message.text:
        await answer_question(message, message.text, context)


async def group_text(update: Update, context: Context) -> None:
    """A group: answer only messages that mention the bot or reply to it; stay silent otherwise."""
    message = update.effective_message
    if message is None or not message.text or not addressed_to_bot(message, context.bot):
        return
    await answer_question(message, without_mention(message.text, context.bot), context)
