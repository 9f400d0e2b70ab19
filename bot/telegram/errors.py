"""The one error handler: log the failure with its update first, then apologise to the user.

No apology when the failure was the network itself (a timeout, a dropped connection, Telegram
answering 5xx after the retries): the apology would most likely fail too, and after a timeout the
answer may well have arrived, so an apology would be a second, wrong reply.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest, NetworkError, TelegramError

from bot.telegram.session import Context, describe
from bot.telegram.texts import text, user_lang

logger = logging.getLogger(__name__)


async def on_error(update: object, context: Context) -> None:
    logger.error("error while handling an update %s", describe(update), exc_info=context.error)
    if not isinstance(update, Update):
        return
    error = context.error
    if isinstance(error, NetworkError) and not isinstance(error, BadRequest):
        return
    apology = text("apology", user_lang(update.effective_user))
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(apology, show_alert=True)
        elif update.effective_message is not None and update.inline_query is None:
            await update.effective_message.reply_text(apology)
    except TelegramError:
        # Telegram refused the apology too (the query expired, the bot was blocked ...).
        logger.warning("could not send the apology for update %s", describe(update), exc_info=True)
