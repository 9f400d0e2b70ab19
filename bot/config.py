"""Settings for the Telegram bot, read from environment variables and checked once at start-up.

`load_settings` collects every problem at once and raises `ConfigError` with a message that says
which variable to set and how; the commands print it and exit without a traceback.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from urllib.parse import urlsplit

from bot.core.context import DEFAULT_TTL

ENV_TOKEN: Final = "TELEGRAM_BOT_TOKEN"
ENV_API_URL: Final = "TELEGRAM_API_URL"
ENV_DATA_DIR: Final = "PROJECTBOT_DATA_DIR"
ENV_LOG_LEVEL: Final = "PROJECTBOT_LOG_LEVEL"
ENV_WEBHOOK_URL: Final = "PROJECTBOT_WEBHOOK_URL"
ENV_WEBHOOK_LISTEN: Final = "PROJECTBOT_WEBHOOK_LISTEN"
ENV_WEBHOOK_PORT: Final = "PROJECTBOT_WEBHOOK_PORT"
ENV_WEBHOOK_SECRET: Final = "PROJECTBOT_WEBHOOK_SECRET"
ENV_CONTEXT_TTL: Final = "PROJECTBOT_CONTEXT_TTL"
ENV_PERSISTENCE: Final = "PROJECTBOT_PERSISTENCE"
ENV_RATE_LIMIT: Final = "PROJECTBOT_RATE_LIMIT"
ENV_CONCURRENCY: Final = "PROJECTBOT_CONCURRENCY"
#: Telegram's limit for one bot: about 30 messages a second overall (`PROJECTBOT_RATE_LIMIT`).
DEFAULT_RATE_LIMIT: Final = 30.0
#: `PROJECTBOT_RATE_LIMIT` value that sends without throttling (a local Bot API server, tests).
RATE_LIMIT_OFF: Final = "off"
#: Updates handled at once; one chat's updates always one after another (`PROJECTBOT_CONCURRENCY`).
DEFAULT_CONCURRENCY: Final = 16
MAX_CONCURRENCY: Final = 256
#: `PROJECTBOT_PERSISTENCE` values: a local pickle file (default), none, or `module:factory`.
PERSISTENCE_PICKLE: Final = "pickle"
PERSISTENCE_OFF: Final = "off"

DEFAULT_DATA_DIR: Final = "./data"
DEFAULT_LOG_LEVEL: Final = "INFO"
DEFAULT_WEBHOOK_LISTEN: Final = "0.0.0.0"
DEFAULT_WEBHOOK_PORT: Final = 8443

#: A token from @BotFather: the bot's numeric id, a colon, then about 35 URL-safe characters.
TOKEN_PATTERN: Final = re.compile(r"\d{1,20}:[A-Za-z0-9_-]{30,64}")
#: Telegram's rule for `secret_token`: 1-256 characters of A-Z, a-z, 0-9, _ and -.
SECRET_PATTERN: Final = re.compile(r"[A-Za-z0-9_-]{1,256}")
LOG_LEVELS: Final = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class ConfigError(Exception):
    """The environment is missing a setting or holds a malformed one; the message says what to set."""


@dataclass(frozen=True)
class WebhookSettings:
    url: str
    listen: str
    port: int
    secret: str

    @property
    def url_path(self) -> str:
        """The path the webhook server listens on: the path of the public URL."""
        return urlsplit(self.url).path.strip("/")


@dataclass(frozen=True)
class Settings:
    token: str
    api_url: str | None = None
    data_dir: Path = Path(DEFAULT_DATA_DIR)
    log_level: int = logging.INFO
    context_ttl: float = float(DEFAULT_TTL)
    webhook: WebhookSettings | None = None
    persistence: str = PERSISTENCE_PICKLE
    rate_limit: float | None = DEFAULT_RATE_LIMIT  # messages a second overall; None: no limit
    concurrency: int = DEFAULT_CONCURRENCY

    @property
    def base_url(self) -> str | None:
        """`base_url` for python-telegram-bot when a self-hosted Bot API server is used."""
        return f"{self.api_url}/bot" if self.api_url else None

    @property
    def base_file_url(self) -> str | None:
        return f"{self.api_url}/file/bot" if self.api_url else None


def _get(env: Mapping[str, str], name: str) -> str:
    return env.get(name, "").strip()


def _positive_number(text: str, default: float) -> float | None:
    """`default` for an empty value, the number for a positive one, None for anything else."""
    if not text:
        return default
    try:
        number = float(text)
    except ValueError:
        return None
    return number if number > 0 else None


def _http_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def load_settings(env: Mapping[str, str] | None = None, *, webhook: bool = False) -> Settings:
    """Settings from `env` (default: the process environment); `ConfigError` lists every problem.

    With `webhook`, the webhook variables are read and checked too.
    """
    env = os.environ if env is None else env
    problems: list[str] = []

    token = _get(env, ENV_TOKEN)
    if not token:
        problems.append(f"{ENV_TOKEN} is not set: set it to the bot token that @BotFather gave you")
    elif not TOKEN_PATTERN.fullmatch(token):
        problems.append(
            f"{ENV_TOKEN} does not look like a bot token: it should be the bot's numeric id, a colon "
            "and about 35 letters, digits, '_' or '-' (for example 123456789:AAH...); "
            "copy it again from @BotFather"
        )

    api_url = _get(env, ENV_API_URL).rstrip("/") or None
    if api_url is not None and not _http_url(api_url):
        problems.append(
            f"{ENV_API_URL} must be an http:// or https:// URL of a Bot API server "
            "(for example http://localhost:8081), or unset to use api.telegram.org"
        )

    level_name = (_get(env, ENV_LOG_LEVEL) or DEFAULT_LOG_LEVEL).upper()
    if level_name not in LOG_LEVELS:
        problems.append(f"{ENV_LOG_LEVEL} must be one of {', '.join(LOG_LEVELS)}")
        level_name = DEFAULT_LOG_LEVEL

    ttl = _positive_number(_get(env, ENV_CONTEXT_TTL), float(DEFAULT_TTL))
    if ttl is None:
        problems.append(
            f"{ENV_CONTEXT_TTL} must be a positive number of seconds (default {DEFAULT_TTL})"
        )
        ttl = float(DEFAULT_TTL)

    persistence = _get(env, ENV_PERSISTENCE) or PERSISTENCE_PICKLE
    if persistence not in (PERSISTENCE_PICKLE, PERSISTENCE_OFF) and not _is_factory_path(
        persistence
    ):
        problems.append(
            f"{ENV_PERSISTENCE} must be '{PERSISTENCE_PICKLE}', '{PERSISTENCE_OFF}' or "
            "'package.module:factory' (a function that takes the settings and returns a "
            "python-telegram-bot BasePersistence, e.g. one backed by Redis or PostgreSQL)"
        )

    rate_text = _get(env, ENV_RATE_LIMIT).lower()
    rate_limit = (
        None if rate_text == RATE_LIMIT_OFF else _positive_number(rate_text, DEFAULT_RATE_LIMIT)
    )
    if rate_limit is None and rate_text != RATE_LIMIT_OFF:
        problems.append(
            f"{ENV_RATE_LIMIT} must be a positive number of messages a second "
            f"(default {DEFAULT_RATE_LIMIT:g}, Telegram's limit) or '{RATE_LIMIT_OFF}'"
        )

    concurrency = DEFAULT_CONCURRENCY
    concurrency_text = _get(env, ENV_CONCURRENCY)
    if concurrency_text:
        concurrency = int(concurrency_text) if concurrency_text.isdigit() else 0
        if not 1 <= concurrency <= MAX_CONCURRENCY:
            problems.append(
                f"{ENV_CONCURRENCY} must be a whole number from 1 to {MAX_CONCURRENCY}: how many "
                f"updates are handled at once (default {DEFAULT_CONCURRENCY}; 1: one at a time)"
            )

    hook: WebhookSettings | None = None
    if webhook:
        hook = _webhook_settings(env, problems, self_hosted=api_url is not None)

    if problems:
        raise ConfigError("cannot start the bot:\n" + "\n".join(f"  - {p}" for p in problems))
    return Settings(
        token=token,
        api_url=api_url,
        data_dir=Path(_get(env, ENV_DATA_DIR) or DEFAULT_DATA_DIR).expanduser(),
        log_level=logging.getLevelNamesMapping()[level_name],
        context_ttl=ttl,
        webhook=hook,
        persistence=persistence,
        rate_limit=rate_limit,
        concurrency=concurrency,
    )


def _is_factory_path(value: str) -> bool:
    module, _, name = value.partition(":")
    return bool(module and name) and all(part.isidentifier() for part in (*module.split("."), name))


def _webhook_settings(
    env: Mapping[str, str], problems: list[str], *, self_hosted: bool
) -> WebhookSettings:
    url = _get(env, ENV_WEBHOOK_URL)
    if not url:
        problems.append(
            f"{ENV_WEBHOOK_URL} is not set: set it to the public https:// URL Telegram should post "
            "updates to (for example https://bot.example.org/telegram)"
        )
    elif not _http_url(url):
        problems.append(f"{ENV_WEBHOOK_URL} must be an https:// URL")
    elif urlsplit(url).scheme != "https" and not self_hosted:
        problems.append(
            f"{ENV_WEBHOOK_URL} must use https://: Telegram only posts to HTTPS webhooks"
        )

    listen = _get(env, ENV_WEBHOOK_LISTEN) or DEFAULT_WEBHOOK_LISTEN

    port = DEFAULT_WEBHOOK_PORT
    port_text = _get(env, ENV_WEBHOOK_PORT)
    if port_text:
        port = int(port_text) if port_text.isdigit() else 0
        if not 1 <= port <= 65535:
            problems.append(
                f"{ENV_WEBHOOK_PORT} must be a port number, 1-65535 (default {DEFAULT_WEBHOOK_PORT})"
            )

    secret = _get(env, ENV_WEBHOOK_SECRET)
    if not secret:
        problems.append(
            f"{ENV_WEBHOOK_SECRET} is not set: webhook mode needs a secret that Telegram sends with "
            "every update (1-256 characters: letters, digits, '_' and '-')"
        )
    elif not SECRET_PATTERN.fullmatch(secret):
        problems.append(f"{ENV_WEBHOOK_SECRET} may only hold 1-256 letters, digits, '_' and '-'")
    return WebhookSettings(url=url, listen=listen, port=port, secret=secret)
