"""A local Telegram Bot API emulator for end-to-end tests (see README.md in this folder)."""

from .api import DEFAULT_TOKEN, TelegramEmulator, running_emulator
from .htmlparse import HTMLParseError, ParsedText, parse_html, utf16_len
from .state import (
    ApiError,
    BotMessage,
    CallbackAnswer,
    CallRecord,
    Chat,
    InlineAnswer,
    User,
    auto_entities,
)

__all__ = [
    "DEFAULT_TOKEN",
    "ApiError",
    "BotMessage",
    "CallRecord",
    "CallbackAnswer",
    "Chat",
    "HTMLParseError",
    "InlineAnswer",
    "ParsedText",
    "TelegramEmulator",
    "User",
    "auto_entities",
    "parse_html",
    "running_emulator",
    "utf16_len",
]
