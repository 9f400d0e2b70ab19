"""/language: pin the language this chat is answered in (English or Russian), or unpin it.

`/language` offers the two languages as buttons; `/language ru`, `/language en` pin one directly,
`/language auto` unpins. The pinned language lives in `chat_data` (persisted) and overrides the
detection of each question's language and the user's Telegram language, for answers, commands,
buttons and the welcome.
"""

from __future__ import annotations

import contextlib
from typing import Final

from telegram import CallbackQuery, Message, Update
from telegram.error import BadRequest

from bot.telegram.keyboards import LANGUAGES, language_keyboard
from bot.telegram.session import Context, chat_lang, pin_lang, pinned_lang
from bot.telegram.texts import text

#: `/language auto` (and its Russian spelling) unpins the language.
AUTO: Final = frozenset({"auto", "авто"})
#: Other spellings people type after /language.
ALIASES: Final = {
    "english": "en",
    "eng": "en",
    "английский": "en",
    "russian": "ru",
    "rus": "ru",
    "русский": "ru",
    "ру": "ru",
}


def parse_language(value: str) -> str | None:
    """A language code from what followed /language ("" for auto), or None if not understood."""
    word = value.strip().casefold()
    if word in AUTO:
        return ""
    if word in LANGUAGES:
        return word
    return ALIASES.get(word)


def confirmation(lang: str | None, fallback: str) -> str:
    """What the bot says after pinning `lang` (None: unpinned), in the language now in force."""
    return text("language_set", lang) if lang else text("language_unset", fallback)


async def language_command(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    lang = chat_lang(update, context)
    if context.args:
        chosen = parse_language(" ".join(context.args))
        if chosen is None:
            await message.reply_text(text("language_usage", lang), reply_markup=language_keyboard())
            return
        pin_lang(context, chosen or None)
        await message.reply_text(confirmation(chosen or None, chat_lang(update, context)))
        return
    pinned = pinned_lang(context)
    current = LANGUAGES[pinned] if pinned else text("language_auto", lang)
    await message.reply_text(
        text("language_prompt", lang, current=current), reply_markup=language_keyboard()
    )


async def on_language_button(query: CallbackQuery, lang: str, context: Context) -> None:
    """A press on English / Русский: pin it, answer the press, and say so in place of the prompt."""
    pin_lang(context, lang)
    await query.answer()
    if isinstance(query.message, Message):
        # Pressed twice (an old prompt): the text is already the confirmation; nothing to do.
        with contextlib.suppress(BadRequest):
            await query.edit_message_text(confirmation(lang, lang))
