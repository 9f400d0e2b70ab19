"""Logging set-up: one format, httpx quietened, and the bot token redacted from every record.

httpx logs every request URL at INFO, and python-telegram-bot's URLs contain the bot token
(`.../bot<TOKEN>/sendMessage`). `TokenFilter` replaces the token in a record's message, its
arguments, and its exception and stack text. `install_token_filter` applies it to every record
the moment it is created (through the log record factory), so no handler, level or logger,
DEBUG included, ever sees the token.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Final
from urllib.parse import quote

REDACTED: Final = "[BOT TOKEN]"
LOG_FORMAT: Final = "%(asctime)s %(levelname)s %(name)s: %(message)s"
#: Loggers that log request URLs (and so the token) at INFO or DEBUG.
NOISY_LOGGERS: Final = ("httpx", "httpcore")

RecordFactory = Callable[..., logging.LogRecord]


class TokenFilter(logging.Filter):
    """Replaces the bot token (and its URL-quoted form) in a record; never drops a record."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.secrets = tuple(s for s in dict.fromkeys((token, quote(token, safe=""))) if s)

    def redact(self, value: str) -> str:
        for secret in self.secrets:
            value = value.replace(secret, REDACTED)
        return value

    def _contains(self, value: str) -> bool:
        return any(secret in value for secret in self.secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        if self._contains(message):
            record.msg = self.redact(message)
            record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self._contains(record.exc_text):
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info and self._contains(record.stack_info):
            record.stack_info = self.redact(record.stack_info)
        return True


def install_token_filter(token: str) -> Callable[[], None]:
    """Redact `token` from every log record from now on; returns a function that undoes it."""
    token_filter = TokenFilter(token)
    previous: RecordFactory = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        token_filter.filter(record)
        return record

    logging.setLogRecordFactory(factory)

    def uninstall() -> None:
        if logging.getLogRecordFactory() is factory:
            logging.setLogRecordFactory(previous)

    return uninstall


def setup_logging(level: int, token: str) -> Callable[[], None]:
    """Configure the root logger at `level`, quieten httpx, redact the token everywhere."""
    logging.basicConfig(format=LOG_FORMAT, level=level)
    logging.getLogger().setLevel(level)
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
    return install_token_filter(token)
