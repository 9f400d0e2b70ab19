"""The test-side API: :class:`TelegramEmulator`."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any, TypeVar

from .server import EmulatorServer
from .state import (
    BotMessage,
    CallbackAnswer,
    CallRecord,
    Chat,
    ChatRef,
    EmulatorState,
    Fault,
    InlineAnswer,
    JSONDict,
    MessageRef,
    User,
    UserRef,
    scope_key,
)

T = TypeVar("T")

DEFAULT_TOKEN = "123456789:AAEmulatorTokenForTestsOnly_abcdefghij"
_POLL_INTERVAL = 0.005


class TelegramEmulator:
    """A local Telegram Bot API server for end-to-end tests.

    Start it (``with``, ``async with`` or :meth:`start`), point a PTB ``Bot``/``Application`` at
    :attr:`base_url`, create users and chats, act as them, and wait for what the bot sends.
    Every method that does not wait is synchronous and thread-safe; every wait has an ``async``
    form (for tests running PTB in their own event loop) and a ``*_sync`` form.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = "projectbot_test_bot",
        bot_first_name: str = "ProjectBot",
        strict_ampersand: bool = True,
        privacy_mode: bool = True,
        host: str = "127.0.0.1",
    ) -> None:
        self.state = EmulatorState(
            token,
            bot_username=bot_username,
            bot_first_name=bot_first_name,
            strict_ampersand=strict_ampersand,
            privacy_mode=privacy_mode,
        )
        self._server = EmulatorServer(self.state, host)

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> TelegramEmulator:
        self._server.start()
        return self

    def stop(self) -> None:
        self._server.stop()

    def __enter__(self) -> TelegramEmulator:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    async def __aenter__(self) -> TelegramEmulator:
        return self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        """True while the server thread is alive."""
        return self._server.running

    @property
    def token(self) -> str:
        return self.state.token

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://{self._server.host}:{self._server.port}"

    @property
    def base_url(self) -> str:
        """For ``ApplicationBuilder().base_url(...)`` / ``Bot(base_url=...)``."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``ApplicationBuilder().base_file_url(...)`` (files are not served)."""
        return f"{self.url}/file/bot"

    @property
    def bot(self) -> User:
        """The bot's own user (id from the token, ``username`` for mentions)."""
        return self.state.bot

    # ------------------------------------------------------------------ world

    def create_user(
        self,
        first_name: str = "Alice",
        *,
        username: str | None = None,
        last_name: str | None = None,
        language_code: str | None = "en",
        user_id: int | None = None,
    ) -> User:
        return self.state.create_user(
            first_name,
            username=username,
            last_name=last_name,
            language_code=language_code,
            user_id=user_id,
        )

    def private_chat(self, user: UserRef) -> Chat:
        """The user's private chat with the bot (created, and 'started', on first use)."""
        return self.state.private_chat(user)

    def create_group(
        self,
        title: str,
        members: tuple[UserRef, ...] | list[UserRef] = (),
        *,
        supergroup: bool = False,
        username: str | None = None,
        is_forum: bool = False,
        bot_is_admin: bool = False,
    ) -> Chat:
        """A group or supergroup with the bot in it (privacy mode applies unless admin)."""
        return self.state.create_group(
            title,
            members,
            supergroup=supergroup,
            username=username,
            is_forum=is_forum,
            bot_is_admin=bot_is_admin,
        )

    def block_bot(self, user: UserRef, blocked: bool = True) -> None:
        """The user blocks (or unblocks) the bot: sends answer 403."""
        self.state.block_bot(user, blocked)

    # ------------------------------------------------------------------ acting as users

    def send_message(
        self,
        chat: ChatRef,
        user: UserRef | None,
        text: str,
        reply_to: MessageRef | None = None,
        *,
        entities: list[JSONDict] | None = None,
        message_thread_id: int | None = None,
    ) -> JSONDict:
        """The user writes ``text`` in ``chat``; returns the Message (an update is queued).

        ``entities`` default to the ``bot_command`` and ``mention`` entities Telegram computes.
        ``user`` may be None in a private chat. In groups with privacy mode, the bot only gets
        commands, mentions of it, and replies to its messages.
        """
        return self.state.user_message(
            chat,
            user,
            text,
            reply_to=reply_to,
            entities=entities,
            message_thread_id=message_thread_id,
        )

    def edit_message(self, chat: ChatRef, message: MessageRef, text: str) -> JSONDict:
        """The user edits their message (an ``edited_message`` update is queued)."""
        return self.state.user_edit(chat, message, text)

    def press_button(
        self,
        message: BotMessage | JSONDict,
        callback_data: str | None = None,
        user: UserRef | None = None,
        *,
        text: str | None = None,
    ) -> str:
        """The user presses an inline button (by callback_data and/or text); returns the query id.

        The button must exist in the message's *current* keyboard (LookupError otherwise).
        """
        return self.state.press_button(message, callback_data, user, text=text)

    def inline_query(
        self, user: UserRef, query: str, offset: str = "", *, chat_type: str | None = "sender"
    ) -> str:
        """The user types ``@bot query``; returns the inline query id."""
        return self.state.inline_query(user, query, offset, chat_type=chat_type)

    def expire_queries(self) -> None:
        """Make every open callback/inline query too old to answer."""
        self.state.expire_queries()

    # ------------------------------------------------------------------ faults

    def fail_next(
        self,
        method: str | None = None,
        *,
        count: int = 1,
        status: int = 429,
        retry_after: int = 1,
        description: str | None = None,
    ) -> None:
        """The next ``count`` calls of ``method`` (None: any method) answer ``status``.

        429 carries ``parameters.retry_after``; 502 answers nginx's HTML page unless a
        description is given.
        """
        self._add_fault(
            Fault(
                "status",
                method,
                count,
                status=status,
                retry_after=retry_after if status == 429 else None,
                description=description,
            )
        )

    def drop_next(self, method: str | None = None, *, count: int = 1) -> None:
        """The next ``count`` calls get their connection closed without an answer."""
        self._add_fault(Fault("drop", method, count))

    def delay_next(self, method: str | None = None, *, seconds: float, count: int = 1) -> None:
        """The next ``count`` calls are held ``seconds`` before being processed normally."""
        self._add_fault(Fault("delay", method, count, seconds=seconds))

    def clear_faults(self) -> None:
        with self.state.lock:
            self.state.faults.clear()

    def _add_fault(self, fault: Fault) -> None:
        if fault.method is not None:
            canonical = self.state.canonical_method(fault.method)
            fault.method = canonical or fault.method
        with self.state.lock:
            self.state.faults.append(fault)

    # ------------------------------------------------------------------ reading back

    @property
    def calls(self) -> list[CallRecord]:
        """Every Bot API request so far, in order."""
        with self.state.lock:
            return list(self.state.calls)

    def calls_to(self, method: str) -> list[CallRecord]:
        name = self.state.canonical_method(method) or method
        return [c for c in self.calls if c.method == name]

    def messages(self, chat: ChatRef | None = None) -> list[BotMessage]:
        """Everything the bot sent or edited (in ``chat``), consumed by waits or not."""
        with self.state.lock:
            return [m for m in self.state.outgoing if chat is None or m.chat_id == _chat_id(chat)]

    def current_message(self, chat: ChatRef, message_id: int) -> JSONDict | None:
        """The message as it is now (after edits), or None if deleted/unknown."""
        with self.state.lock:
            state = self.state._chats.get(_chat_id(chat))
            message = state.messages.get(message_id) if state else None
            return dict(message) if message else None

    @property
    def deleted_messages(self) -> list[tuple[int, int]]:
        """(chat_id, message_id) of every message the bot deleted."""
        with self.state.lock:
            return list(self.state.deleted)

    @property
    def chat_actions(self) -> list[tuple[int, str]]:
        with self.state.lock:
            return list(self.state.chat_actions)

    def commands(self, scope: Any = None, language_code: str = "") -> list[JSONDict]:
        """The commands set for exactly this scope (dict or PTB BotCommandScope) and language."""
        with self.state.lock:
            key = scope_key(scope, language_code, self.state._resolve_chat_id)
            return [dict(c) for c in self.state.commands.get(key, [])]

    def menu_button(self, chat: ChatRef | None = None) -> JSONDict | None:
        with self.state.lock:
            button = self.state.menu_buttons.get(None if chat is None else _chat_id(chat))
            return dict(button) if button else None

    @property
    def webhook_info(self) -> JSONDict:
        """What getWebhookInfo would answer now."""
        with self.state.lock:
            result: JSONDict = self.state._api_getWebhookInfo({})
            return result

    @property
    def webhook_deliveries(self) -> list[JSONDict]:
        """Updates the webhook accepted (2xx), in order."""
        with self.state.lock:
            return list(self.state.webhook_deliveries)

    def pending_updates(self) -> list[JSONDict]:
        """Updates not yet confirmed by getUpdates (or not yet accepted by the webhook)."""
        return self.state.pending_updates()

    def callback_answer(self, query_id: str) -> CallbackAnswer | None:
        return self.state.callback_answer(query_id)

    def inline_answer(self, query_id: str) -> InlineAnswer | None:
        return self.state.inline_answer(query_id)

    # ------------------------------------------------------------------ waiting

    def _take_messages(self, chat: ChatRef, count: int) -> list[BotMessage] | None:
        cid = _chat_id(chat)
        mine = [m for m in self.state.outgoing if m.chat_id == cid]
        cursor = self.state._cursors.get(cid, 0)
        if len(mine) - cursor < count:
            return None
        self.state._cursors[cid] = cursor + count
        return mine[cursor : cursor + count]

    async def wait_for_messages(
        self, chat: ChatRef, count: int = 1, timeout: float = 5.0
    ) -> list[BotMessage]:
        """The next ``count`` messages the bot sent or edited in ``chat`` not yet returned by an
        earlier wait (each chat has its own cursor); TimeoutError after ``timeout`` seconds."""
        return await self._wait(
            lambda: self._take_messages(chat, count),
            timeout,
            lambda: f"{count} bot message(s) in chat {_chat_id(chat)}",
        )

    def wait_for_messages_sync(
        self, chat: ChatRef, count: int = 1, timeout: float = 5.0
    ) -> list[BotMessage]:
        return self._wait_sync(
            lambda: self._take_messages(chat, count),
            timeout,
            lambda: f"{count} bot message(s) in chat {_chat_id(chat)}",
        )

    def _first_message(self, predicate: Callable[[BotMessage], bool]) -> BotMessage | None:
        return next((m for m in self.state.outgoing if predicate(m)), None)

    async def wait_for(
        self, predicate: Callable[[BotMessage], bool], timeout: float = 5.0
    ) -> BotMessage:
        """The first sent/edited message (any chat, consumed or not) matching ``predicate``."""
        return await self._wait(
            lambda: self._first_message(predicate), timeout, lambda: "a matching bot message"
        )

    def wait_for_sync(
        self, predicate: Callable[[BotMessage], bool], timeout: float = 5.0
    ) -> BotMessage:
        return self._wait_sync(
            lambda: self._first_message(predicate), timeout, lambda: "a matching bot message"
        )

    def _first_call(
        self, method: str, predicate: Callable[[CallRecord], bool] | None
    ) -> CallRecord | None:
        name = self.state.canonical_method(method) or method
        return next(
            (
                c
                for c in self.state.calls
                if c.method == name and (predicate is None or predicate(c))
            ),
            None,
        )

    async def wait_for_call(
        self,
        method: str,
        predicate: Callable[[CallRecord], bool] | None = None,
        timeout: float = 5.0,
    ) -> CallRecord:
        """The first recorded call of ``method`` (matching ``predicate``)."""
        return await self._wait(
            lambda: self._first_call(method, predicate), timeout, lambda: f"a {method} call"
        )

    def wait_for_call_sync(
        self,
        method: str,
        predicate: Callable[[CallRecord], bool] | None = None,
        timeout: float = 5.0,
    ) -> CallRecord:
        return self._wait_sync(
            lambda: self._first_call(method, predicate), timeout, lambda: f"a {method} call"
        )

    async def wait_for_inline_answer(self, query_id: str, timeout: float = 5.0) -> InlineAnswer:
        return await self._wait(
            lambda: self.state.inline_answer(query_id),
            timeout,
            lambda: f"an answer to inline query {query_id}",
        )

    def wait_for_inline_answer_sync(self, query_id: str, timeout: float = 5.0) -> InlineAnswer:
        return self._wait_sync(
            lambda: self.state.inline_answer(query_id),
            timeout,
            lambda: f"an answer to inline query {query_id}",
        )

    async def wait_for_callback_answer(self, query_id: str, timeout: float = 5.0) -> CallbackAnswer:
        return await self._wait(
            lambda: self.state.callback_answer(query_id),
            timeout,
            lambda: f"an answer to callback query {query_id}",
        )

    def wait_for_callback_answer_sync(self, query_id: str, timeout: float = 5.0) -> CallbackAnswer:
        return self._wait_sync(
            lambda: self.state.callback_answer(query_id),
            timeout,
            lambda: f"an answer to callback query {query_id}",
        )

    async def wait_until(self, condition: Callable[[], T | None], timeout: float = 5.0) -> T:
        """Poll ``condition()`` (under the state lock) until it returns something not None."""
        return await self._wait(condition, timeout, lambda: "the condition")

    async def _wait(
        self, check: Callable[[], T | None], timeout: float, what: Callable[[], str]
    ) -> T:
        deadline = time.monotonic() + timeout
        while True:
            with self.state.lock:
                found = check()
            if found is not None:
                return found
            if time.monotonic() >= deadline:
                raise TimeoutError(self._timeout_message(what(), timeout))
            await asyncio.sleep(_POLL_INTERVAL)

    def _wait_sync(
        self, check: Callable[[], T | None], timeout: float, what: Callable[[], str]
    ) -> T:
        deadline = time.monotonic() + timeout
        with self.state.changed:
            while True:
                found = check()
                if found is not None:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(self._timeout_message(what(), timeout))
                self.state.changed.wait(min(remaining, 0.1))

    def _timeout_message(self, what: str, timeout: float) -> str:
        with self.state.lock:
            recent = [
                f"{c.method} -> {c.status}"
                + (f" {c.response.get('description')}" if c.response and not c.ok else "")
                for c in self.state.calls
                if c.method != "getUpdates" or not c.ok
            ][-8:]
            sent = [(m.kind, m.chat_id, m.text[:60]) for m in self.state.outgoing][-5:]
        return (
            f"no {what} within {timeout}s; recent calls (getUpdates omitted): {recent}; "
            f"recent bot messages: {sent}"
        )


def _chat_id(chat: ChatRef) -> int:
    return chat if isinstance(chat, int) else chat.id


@contextmanager
def running_emulator(**kwargs: Any) -> Iterator[TelegramEmulator]:
    """``with running_emulator() as emu:`` -- started on a free port, always stopped."""
    emulator = TelegramEmulator(**kwargs)
    emulator.start()
    try:
        yield emulator
    finally:
        emulator.stop()
