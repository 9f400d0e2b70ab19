"""The composition root: build the Application, route updates to handlers, run it.

Read it as a routing table. Everything a handler needs (the settings, and the operations state:
the knowledge holder that owns the live engine, the access policy, the flood limiters, the
question log) is put in `bot_data` here; everything it does lives in one module per surface:
gate (access and flood), commands, language, admin, chat, buttons, inline, errors.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from typing import Any, Final

from telegram import (
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.config import ConfigError, Settings, load_settings
from bot.core.engine import Engine
from bot.kb.check import load_valid_knowledge
from bot.kb.load import resolve_knowledge_path
from bot.kb.model import KnowledgeBase
from bot.reload import KnowledgeHolder
from bot.telegram import admin, buttons, chat, commands, errors, gate, inline, language
from bot.telegram.concurrency import PerChatUpdateProcessor
from bot.telegram.logs import setup_logging
from bot.telegram.persistence import make_persistence
from bot.telegram.retry import RetryingRateLimiter
from bot.telegram.session import (
    OPS_KEY,
    SETTINGS_KEY,
    Context,
    Operations,
    OpsSettings,
    load_ops_settings,
    make_operations,
    update_kind,
)
from bot.telegram.texts import RU

logger = logging.getLogger(__name__)

#: The updates the bot handles; Telegram sends no others.
ALLOWED_UPDATES: Final = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
#: How often a request that got 429 "retry after" is retried.
RATE_LIMIT_RETRIES: Final = 3

BotApplication = Application[Any, Context, Any, Any, Any, Any]


class TimedApplication(Application[Any, Context, Any, Any, Any, Any]):
    """The Application, plus one structured log line per handled update: its id, its kind and
    how long handling took, whatever happened (answered, refused, failed). Never the user's text."""

    async def process_update(self, update: object) -> None:
        started = time.perf_counter()
        try:
            await super().process_update(update)
        finally:
            if isinstance(update, Update):
                chat = update.effective_chat
                logger.info(
                    "update_id=%s kind=%s chat_type=%s latency_ms=%.1f",
                    update.update_id,
                    update_kind(update),
                    chat.type if chat else "-",
                    (time.perf_counter() - started) * 1000,
                )


def sending_builder(settings: Settings) -> ApplicationBuilder[Any, Any, Any, Any, Any, Any]:
    """How the bot talks to Telegram, shared with the echo bot of `benchmarks/e2e.py`: the
    token and Bot API server, HTML without link previews, the rate limiter with retries, and
    several updates at once, one chat's in order (follow-ups see the state before them)."""
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .rate_limiter(
            RetryingRateLimiter(
                max_retries=RATE_LIMIT_RETRIES, messages_per_second=settings.rate_limit or 0
            )
        )
        .concurrent_updates(PerChatUpdateProcessor(settings.concurrency))
    )
    if settings.base_url and settings.base_file_url:
        builder = builder.base_url(settings.base_url).base_file_url(settings.base_file_url)
    return builder


def build_application(
    settings: Settings,
    engine: Engine | KnowledgeHolder,
    *,
    request: BaseRequest | None = None,
    ops: OpsSettings | None = None,
) -> BotApplication:
    """The Application with every handler registered.

    `engine` is the knowledge holder (or an engine, then held for the repository's or
    $PROJECTBOT_KNOWLEDGE's knowledge base); `ops` the operations settings (default: everyone
    answered, flood limit on, no question log, no watcher). `request` replaces the HTTP
    transport (tests); by default python-telegram-bot's HTTPXRequest talks to `settings.base_url`.
    """
    holder = engine if isinstance(engine, KnowledgeHolder) else KnowledgeHolder(engine)
    operations = make_operations(holder, ops or OpsSettings())
    persistence = make_persistence(settings)

    async def post_init(app: BotApplication) -> None:
        await register_commands(app)
        await admin.start_operations(app, operations)

    async def post_stop(app: BotApplication) -> None:
        await admin.stop_operations(operations)

    async def post_shutdown(app: BotApplication) -> None:
        if operations.question_log is not None:
            operations.question_log.close()

    builder = (
        sending_builder(settings)
        .application_class(TimedApplication)
        .post_init(post_init)
        .post_stop(post_stop)
        .post_shutdown(post_shutdown)
    )
    if persistence is not None:
        builder = builder.persistence(persistence)
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    app: BotApplication = builder.build()
    app.bot_data[OPS_KEY] = operations
    app.bot_data[SETTINGS_KEY] = settings

    # --- handlers, in groups; groups run in order, and within a group the first matching
    # handler wins, so order matters.

    # Group -1, the gate: access (one refusal, then silence) and flood limits for every
    # message, command, button and inline query. It stops what it refuses (ApplicationHandlerStop).
    app.add_handler(TypeHandler(Update, gate.gate), group=-1)

    # Group 0, commands first: "/help" is text too. Edited messages are ignored throughout.
    new = filters.UpdateType.MESSAGE
    app.add_handler(CommandHandler(commands.START, commands.start, filters=new))
    app.add_handler(CommandHandler(commands.HELP, commands.help_command, filters=new))
    app.add_handler(CommandHandler(commands.PROJECTS, commands.projects, filters=new))
    app.add_handler(CommandHandler(commands.PROJECT, commands.project, filters=new))
    app.add_handler(CommandHandler(commands.ABOUT, commands.about, filters=new))
    app.add_handler(CommandHandler(commands.LANGUAGE, language.language_command, filters=new))
    # Admin commands (PROJECTBOT_ADMINS; others are told it is not for them).
    app.add_handler(CommandHandler(commands.RELOAD, admin.reload_command, filters=new))
    app.add_handler(CommandHandler(commands.REPORT, admin.report_command, filters=new))

    # Any other command in a private chat (a typo, an old menu): the help. In groups an unknown
    # "/cmd" may be for another bot, so it is left alone.
    unknown = new & filters.COMMAND & filters.ChatType.PRIVATE
    app.add_handler(MessageHandler(unknown, commands.help_command))

    # Then free text: every message in a private chat; in groups only those addressed to the bot
    # (the handler checks the mention or reply, since the bot's username is known only at start).
    text = new & filters.TEXT & ~filters.COMMAND
    app.add_handler(MessageHandler(text & filters.ChatType.PRIVATE, chat.private_text))
    app.add_handler(MessageHandler(text & filters.ChatType.GROUPS, chat.group_text))

    # Buttons: fields, cards, 👍/👎, languages; every callback query, so malformed data still
    # gets an answer.
    app.add_handler(CallbackQueryHandler(buttons.on_button))

    # Inline mode: @bot QUERY in any chat.
    app.add_handler(InlineQueryHandler(inline.on_inline_query))

    # Anything a handler raises.
    app.add_error_handler(errors.on_error)
    return app


def operations_of(app: BotApplication) -> Operations:
    """The application's operations state (tests, post_init)."""
    ops = app.bot_data[OPS_KEY]
    assert isinstance(ops, Operations)
    return ops


async def register_commands(app: BotApplication) -> None:
    """post_init: the command menus for private chats and groups, in English and Russian.

    A failure is logged, not raised: the bot answers commands without a menu too."""
    bot = app.bot
    try:
        for scope, private in (
            (BotCommandScopeAllPrivateChats(), True),
            (BotCommandScopeAllGroupChats(), False),
        ):
            await bot.set_my_commands(commands.menu("en", private=private), scope=scope)
            await bot.set_my_commands(
                commands.menu(RU, private=private), scope=scope, language_code=RU
            )
    except TelegramError:
        logger.warning(
            "could not register the command menus; the commands still work", exc_info=True
        )
    logger.info("started as @%s", bot.username)


def webhook_options(settings: Settings) -> dict[str, Any]:
    """The arguments of run_webhook / Updater.start_webhook for these settings."""
    hook = settings.webhook
    if hook is None:
        raise ConfigError("webhook settings are missing")
    return {
        "listen": hook.listen,
        "port": hook.port,
        "url_path": hook.url_path,
        "webhook_url": hook.url,
        "secret_token": hook.secret,
        "allowed_updates": ALLOWED_UPDATES,
    }


Prepared = tuple[Settings, KnowledgeHolder, OpsSettings]


def _prepare(knowledge_path: str | None, *, webhook: bool) -> Prepared | int:
    """Settings, logging and the knowledge base, checked before anything connects to Telegram."""
    # python-telegram-bot 22 warns (PTBDeprecationWarning) whenever Telegram answers 429 unless
    # this is set; it only switches RetryAfter.retry_after to a timedelta, which the rate
    # limiter handles. Set it before anything talks to Telegram, keeping an explicit setting.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    try:
        settings = load_settings(webhook=webhook)
        ops = load_ops_settings()
    except ConfigError as error:
        print(f"projectbot: {error}", file=sys.stderr)
        return 2
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(
            f"projectbot: cannot create the data folder {settings.data_dir} ({error.strerror}); "
            "set PROJECTBOT_DATA_DIR to a writable folder",
            file=sys.stderr,
        )
        return 2
    setup_logging(settings.log_level, settings.token)
    ttl = settings.context_ttl

    def build(knowledge: KnowledgeBase) -> Engine:  # also for every reload
        return Engine(knowledge, context_ttl=ttl)

    engine = build(load_valid_knowledge(knowledge_path))
    holder = KnowledgeHolder(engine, resolve_knowledge_path(knowledge_path), build=build)
    return settings, holder, ops


def run_polling(knowledge_path: str | None) -> int:
    """`projectbot run`: long polling until interrupted."""
    prepared = _prepare(knowledge_path, webhook=False)
    if isinstance(prepared, int):
        return prepared
    settings, holder, ops = prepared
    app = _build_or_report(settings, holder, ops)
    if app is None:
        return 2
    app.run_polling(allowed_updates=ALLOWED_UPDATES)
    return 0


def run_webhook(knowledge_path: str | None) -> int:
    """`projectbot webhook`: python-telegram-bot's webhook server until interrupted."""
    prepared = _prepare(knowledge_path, webhook=True)
    if isinstance(prepared, int):
        return prepared
    settings, holder, ops = prepared
    app = _build_or_report(settings, holder, ops)
    if app is None:
        return 2
    app.run_webhook(**webhook_options(settings))
    return 0


def _build_or_report(
    settings: Settings, holder: KnowledgeHolder, ops: OpsSettings
) -> BotApplication | None:
    """The application, or None after printing why it cannot be built (a persistence factory
    that cannot be loaded)."""
    try:
        return build_application(settings, holder, ops=ops)
    except ConfigError as error:
        print(f"projectbot: {error}", file=sys.stderr)
        return None
