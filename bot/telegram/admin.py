"""What the people who run the bot use: /reload, /report, and reloads on SIGHUP or by the watcher.

- `/reload` (admins, `PROJECTBOT_ADMINS`): validate the knowledge base and swap it in atomically
  through the `KnowledgeHolder`; the reply is the errors (`file:line: ...`, the old knowledge base
  keeps serving) or what changed.
- `/report` (admins): the question log's report for the last 30 days, as `<pre>` text.
- `start_operations` (post_init) registers the command menus, makes SIGHUP reload the knowledge
  base and starts the optional watcher (`PROJECTBOT_WATCH_KNOWLEDGE`); `stop_operations`
  (post_stop) undoes both. Their reloads are reported to every admin by message and to the log.

Admin replies are in English: they quote `projectbot check` and the report, which are English.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from telegram import Message, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import Application

from bot.reload import KnowledgeWatcher, ReloadResult, install_sighup, remove_sighup
from bot.render.html import preformatted
from bot.store.report import admin_report
from bot.telegram.session import Context, Operations, chat_lang, ops_of
from bot.telegram.texts import text

logger = logging.getLogger(__name__)

AnyApplication = Application[Any, Any, Any, Any, Any, Any]


async def _send_pre(message: Message, body: str) -> None:
    for chunk in preformatted(body) or ["<pre>-</pre>"]:
        await message.reply_text(chunk, parse_mode=ParseMode.HTML)


async def _admin_message(update: Update, context: Context) -> Message | None:
    """The message of an admin command, or None after telling a non-admin it is not for them."""
    message = update.effective_message
    if message is None:
        return None
    user = update.effective_user
    if ops_of(context).policy.is_admin(user.id if user else None):
        return message
    await message.reply_text(text("admin_only", chat_lang(update, context)))
    return None


async def reload_command(update: Update, context: Context) -> None:
    """/reload: validate, then swap in the new knowledge base or keep the old one; say which."""
    message = await _admin_message(update, context)
    if message is None:
        return
    ops = ops_of(context)
    result = await ops.holder.reload_async()
    log_result(result, "/reload")
    await _send_pre(message, result.summary())


async def report_command(update: Update, context: Context) -> None:
    """/report: unanswered and low-confidence questions, most asked, 👎 answers (30 days)."""
    message = await _admin_message(update, context)
    if message is None:
        return
    report = await asyncio.to_thread(admin_report, ops_of(context).question_log)
    await _send_pre(message, report)


def log_result(result: ReloadResult, trigger: str) -> None:
    if result.ok:
        logger.info("%s: %s", trigger, result.summary().replace("\n", "; "))
    else:
        logger.warning("%s: %s", trigger, result.summary().replace("\n", "; "))


async def tell_admins(app: AnyApplication, ops: Operations, body: str) -> int:
    """Send `body` as <pre> text to every admin's private chat; how many got it. An admin who
    never opened a chat with the bot (or blocked it) is skipped with a warning."""
    told = 0
    for admin in sorted(ops.policy.admins):
        try:
            for chunk in preformatted(body):
                await app.bot.send_message(admin, chunk, parse_mode=ParseMode.HTML)
            told += 1
        except TelegramError as exc:
            logger.warning("could not send the reload result to admin %s: %s", admin, exc)
    return told


def reload_reporter(app: AnyApplication, ops: Operations, trigger: str) -> Any:
    """The `on_result` callback of SIGHUP and the watcher: to the log and to every admin."""

    async def report(result: ReloadResult) -> None:
        log_result(result, trigger)
        await tell_admins(app, ops, f"{trigger}: {result.summary()}")

    return report


async def start_operations(app: AnyApplication, ops: Operations) -> None:
    """post_init: SIGHUP reloads the knowledge base; the watcher starts when configured."""
    loop = asyncio.get_running_loop()
    ops.sighup = install_sighup(ops.holder, reload_reporter(app, ops, "SIGHUP"), loop)
    if ops.sighup:
        logger.info("SIGHUP reloads the knowledge base at %s", ops.holder.path)
    if ops.watch_interval is not None and ops.watcher is None:
        watcher = KnowledgeWatcher(
            ops.holder,
            interval=ops.watch_interval,
            on_result=reload_reporter(app, ops, "knowledge base changed"),
        )
        ops.watcher = asyncio.create_task(watcher.run(), name="projectbot knowledge watcher")
        logger.info("watching %s for changes every %g s", ops.holder.path, ops.watch_interval)


async def stop_operations(ops: Operations) -> None:
    """post_stop: no more SIGHUP reloads, the watcher cancelled and awaited."""
    if ops.sighup:
        remove_sighup(asyncio.get_running_loop())
        ops.sighup = False
    task, ops.watcher = ops.watcher, None
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
