"""The composition root: build the Application, route updates to handlers, run it.

Read it as a routing table. Everything a handler needs (the engine, the settings) is put in
`bot_data` here; everything it does lives in one module per surface: commands, chat, buttons,
inline, errors.
"""

from __future__ import annotations

import logging
import sys
from typing import Any, Final

from telegram import (
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    PersistenceInput,
    PicklePersistence,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.config import ConfigError, Settings, load_settings
from bot.core.engine import Engine
from bot.kb.check import load_valid_knowledge
from bot.telegram import buttons, chat, commands, errors, inline
from bot.telegram.logs import setup_logging
from bot.telegram.session import ENGINE_KEY, SETTINGS_KEY, Context, describe
from bot.telegram.texts import RU

logger = logging.getLogger(__name__)

#: The file PicklePersistence keeps chat context in, under PROJECTBOT_DATA_DIR.
PERSISTENCE_FILE: Final = "projectbot.pickle"
#: The updates the bot handles; Telegram sends no others.
ALLOWED_UPDATES: Final = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
#: How often AIORateLimiter retries a request that got 429 "retry after".
RATE_LIMIT_RETRIES: Final = 3

BotApplication = Application[Any, Context, Any, Any, Any, Any]


def build_application(
    settings: Settings, engine: Engine, *, request: BaseRequest | None = None
) -> BotApplication:
    """The Application with every handler registered. `request` replaces the HTTP transport
    (tests); by default python-telegram-bot's HTTPXRequest talks to `settings.base_url`."""
    persistence = PicklePersistence(
        filepath=settings.data_dir / PERSISTENCE_FILE,
        store_data=PersistenceInput(bot_data=False, user_data=False, callback_data=False),
    )
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .rate_limiter(AIORateLimiter(max_retries=RATE_LIMIT_RETRIES))
        .persistence(persistence)
        .post_init(register_commands)
    )
    if settings.base_url and settings.base_file_url:
        builder = builder.base_url(settings.base_url).base_file_url(settings.base_file_url)
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    app: BotApplication = builder.build()
    app.bot_data[ENGINE_KEY] = engine
    app.bot_data[SETTINGS_KEY] = settings

    # --- handlers, in groups; within a group the first matching handler wins, so order matters.

    # Group -1: one log line per update, before anything handles it.
    app.add_handler(TypeHandler(Update, log_update), group=-1)

    # Group 0, commands first: "/help" is text too. Edited messages are ignored throughout.
    new = filters.UpdateType.MESSAGE
    app.add_handler(CommandHandler(commands.START, commands.start, filters=new))
    app.add_handler(CommandHandler(commands.HELP, commands.help_command, filters=new))
    app.add_handler(CommandHandler(commands.PROJECTS, commands.projects, filters=new))
    app.add_handler(CommandHandler(commands.PROJECT, commands.project, filters=new))
    app.add_handler(CommandHandler(commands.ABOUT, commands.about, filters=new))

    # Then free text: every message in a private chat; in groups only those addressed to the bot
    # (the handler checks the mention or reply, since the bot's username is known only at start).
    text = new & filters.TEXT & ~filters.COMMAND
    app.add_handler(MessageHandler(text & filters.ChatType.PRIVATE, chat.private_text))
    app.add_handler(MessageHandler(text & filters.ChatType.GROUPS, chat.group_text))

    # Buttons under answers; every callback query, so malformed data still gets an answer.
    app.add_handler(CallbackQueryHandler(buttons.on_button))

    # Inline mode: @bot QUERY in any chat.
    app.add_handler(InlineQueryHandler(inline.on_inline_query))

    # Anything a handler raises.
    app.add_error_handler(errors.on_error)
    return app


async def log_update(update: Update, context: Context) -> None:
    logger.info("update %s", describe(update))


async def register_commands(app: BotApplication) -> None:
    """post_init: the command menus for private chats and groups, in English and Russian."""
    bot = app.bot
    for scope, private in (
        (BotCommandScopeAllPrivateChats(), True),
        (BotCommandScopeAllGroupChats(), False),
    ):
        await bot.set_my_commands(commands.menu("en", private=private), scope=scope)
        await bot.set_my_commands(commands.menu(RU, private=private), scope=scope, language_code=RU)
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


def _prepare(knowledge_path: str | None, *, webhook: bool) -> tuple[Settings, Engine] | int:
    """Settings, logging and the knowledge base, checked before anything connects to Telegram."""
    try:
        settings = load_settings(webhook=webhook)
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
    engine = Engine(load_valid_knowledge(knowledge_path))
    return settings, engine


def run_polling(knowledge_path: str | None) -> int:
    """`projectbot run`: long polling until interrupted."""
    prepared = _prepare(knowledge_path, webhook=False)
    if isinstance(prepared, int):
        return prepared
    settings, engine = prepared
    build_application(settings, engine).run_polling(allowed_updates=ALLOWED_UPDATES)
    return 0


def run_webhook(knowledge_path: str | None) -> int:
    """`projectbot webhook`: python-telegram-bot's webhook server until interrupted."""
    prepared = _prepare(knowledge_path, webhook=True)
    if isinstance(prepared, int):
        return prepared
    settings, engine = prepared
    build_application(settings, engine).run_webhook(**webhook_options(settings))
    return 0
