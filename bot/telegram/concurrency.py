"""Several updates at once, one chat's updates in order.

python-telegram-bot handles one update at a time by default, so every answer waits for the
previous `sendMessage` to come back from Telegram: with a 50 ms round trip that is about 20
answers a second, under Telegram's own limit of 30. `PerChatUpdateProcessor` lets up to
`max_concurrent_updates` updates run at once (`PROJECTBOT_CONCURRENCY`), but never two of the
same chat: a follow-up ("and who funded it?") is answered after the question before it, with the
chat state that question left, and the chat's replies arrive in the order they were asked.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Runs updates concurrently, but those of one chat (or, outside chats, of one user: inline
    queries) one after another, in the order they arrived."""

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[tuple[str, int], asyncio.Lock] = {}
        self._waiting: dict[tuple[str, int], int] = {}

    @staticmethod
    def key(update: object) -> tuple[str, int] | None:
        """What the update must wait for: its chat, else its user; None for neither."""
        if not isinstance(update, Update):
            return None
        if update.effective_chat is not None:
            return ("chat", update.effective_chat.id)
        if update.effective_user is not None:
            return ("user", update.effective_user.id)
        return None

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = self.key(update)
        if key is None:
            await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock:  # asyncio.Lock wakes its waiters in arrival order
                await coroutine
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:  # nobody else for this chat: forget it
                del self._waiting[key]
                del self._locks[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release: the locks go with the updates."""
