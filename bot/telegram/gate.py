"""The gate every update passes before any handler sees it (handler group -1): access and flood.

- Access: with an allow-list set (`PROJECTBOT_ALLOWED_USERS`, `PROJECTBOT_ALLOWED_CHATS`), anyone
  else gets one polite refusal (a reply, a callback answer or an empty inline answer, whichever
  they tried first) and then nothing at all: no card, no inline results, no answer to buttons.
- Flood: each user may ask `PROJECTBOT_FLOOD_LIMIT` questions a minute (messages for the bot,
  commands and button presses together; inline queries separately, with their own limiter).
  Over it, one short notice, then silence until the window has room again.

Stopping an update raises `ApplicationHandlerStop`, so no later group runs. Updates that are not
for the bot (group chatter it can see, other bots' commands) are neither refused nor counted.
"""

from __future__ import annotations

import logging
import math

from telegram import Bot, InlineQueryResultsButton, Message, MessageEntity, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.access import Allowed, FirstRefusal
from bot.telegram.chat import addressed_to_bot
from bot.telegram.commands import INLINE_START_PAYLOAD
from bot.telegram.session import Context, chat_lang, describe, ops_of
from bot.telegram.texts import text, user_lang

logger = logging.getLogger(__name__)


def is_command_for(message: Message, bot: Bot) -> bool:
    """A /command at the start of the message, for every bot or for this one (`/help@this_bot`)."""
    entities = message.entities
    if not entities or entities[0].type != MessageEntity.BOT_COMMAND or entities[0].offset != 0:
        return False
    command = message.parse_entity(entities[0])
    _, at, username = command.partition("@")
    return not at or username.casefold() == (bot.username or "").casefold()


def wants_answer(update: Update, bot: Bot) -> bool:
    """Whether the bot would answer this update (so refusing or counting it makes sense)."""
    if update.callback_query is not None or update.inline_query is not None:
        return True
    message = update.message
    if message is None or not message.text:
        return False
    if message.chat.type == ChatType.PRIVATE:
        return True
    return is_command_for(message, bot) or addressed_to_bot(message, bot)


async def gate(update: Update, context: Context) -> None:
    """Let the update through, or stop it (after at most one refusal or notice)."""
    ops = ops_of(context)
    user_id = update.effective_user.id if update.effective_user else None
    # Inline queries come from no chat: only the user counts for them.
    chat = None if update.inline_query is not None else update.effective_chat
    chat_id = chat.id if chat else None
    wanted = wants_answer(update, context.bot)
    if not ops.policy.is_allowed(user_id, chat_id):
        key = user_id if user_id is not None else chat_id
        if wanted and key is not None and ops.refusals.first(key):
            logger.info("refused %s (not on the allow-lists); silent from now on", describe(update))
            # The user's own language: a stranger's chat gets no chat_data.
            await _tell(update, user_lang(update.effective_user), "refused", "refused_short")
        raise ApplicationHandlerStop
    if not wanted or user_id is None:
        return
    limiter = ops.inline_flood if update.inline_query is not None else ops.flood
    verdict = limiter.check(user_id, ops.clock())
    if isinstance(verdict, Allowed):
        return
    if isinstance(verdict, FirstRefusal):
        seconds = max(1, math.ceil(verdict.retry_after))
        logger.info("flood limit reached %s; silent for %d s", describe(update), seconds)
        await _tell(update, chat_lang(update, context), "flood", "flood_short", seconds=seconds)
    raise ApplicationHandlerStop


async def _tell(update: Update, lang: str, long: str, short: str, **values: object) -> None:
    """Say `long` (a message) or `short` (a callback answer, an inline button) to the update's
    sender; a refusal by Telegram (blocked, query expired) is logged, never raised."""
    try:
        if update.inline_query is not None:
            await update.inline_query.answer(
                [],
                cache_time=0,
                is_personal=True,
                button=InlineQueryResultsButton(
                    text=text(short, lang, **values), start_parameter=INLINE_START_PAYLOAD
                ),
            )
        elif update.callback_query is not None:
            await update.callback_query.answer(text(short, lang, **values), show_alert=True)
        elif update.effective_message is not None:
            await update.effective_message.reply_text(text(long, lang, **values))
    except TelegramError:
        logger.warning("could not tell %s to %s", long, describe(update), exc_info=True)
