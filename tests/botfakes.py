"""Offline python-telegram-bot transport and update factories for the handler tests.

`RecordingRequest` is a `BaseRequest` that never opens a socket: it records every Bot API call
and answers the methods the bot is expected to use with canned Telegram-shaped JSON. Any other
method is recorded in `unexpected` (and answered 404), and the `app` fixtures fail the test when
that list is not empty, so a stray or unexpected request cannot pass unnoticed.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from telegram import Bot, Update
from telegram.request import BaseRequest, RequestData

from bot.core.engine import Engine
from bot.kb.model import KnowledgeBase, Text

TOKEN = "123456789:AAHandlerTestTokenThatIsNotReal_0123456"
BOT_ID = 123456789
BOT_USERNAME = "projectbot_test_bot"
BOT_USER = {"id": BOT_ID, "is_bot": True, "first_name": "ProjectBot", "username": BOT_USERNAME}
DATE = 1_700_000_000

JSONDict = dict[str, Any]


@dataclass
class Call:
    method: str
    params: JSONDict

    def markup(self) -> JSONDict:
        value = self.params.get("reply_markup")
        return value if isinstance(value, dict) else {}

    def callback_data(self) -> list[str]:
        rows = self.markup().get("inline_keyboard", [])
        return [b["callback_data"] for row in rows for b in row if "callback_data" in b]

    def buttons(self) -> list[JSONDict]:
        return [b for row in self.markup().get("inline_keyboard", []) for b in row]


def _decode(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value


@dataclass
class RecordingRequest(BaseRequest):
    calls: list[Call] = field(default_factory=list)
    unexpected: list[Call] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1000))

    def __post_init__(self) -> None:
        self.responses: dict[str, Callable[[JSONDict], Any]] = {
            "getMe": lambda _: BOT_USER,
            "sendMessage": self._message,
            "editMessageText": self._message,
            "answerCallbackQuery": lambda _: True,
            "answerInlineQuery": lambda _: True,
            "setMyCommands": lambda _: True,
            "deleteWebhook": lambda _: True,
        }

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    def _message(self, params: JSONDict) -> JSONDict:
        chat_id = params["chat_id"]
        message: JSONDict = {
            "message_id": params.get("message_id") or next(self._ids),
            "date": DATE,
            "chat": {"id": chat_id, "type": "private" if int(chat_id) > 0 else "group"},
            "from": BOT_USER,
            "text": params.get("text", ""),
        }
        if isinstance(params.get("reply_markup"), dict):
            message["reply_markup"] = params["reply_markup"]
        return message

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        self.urls.append(url)
        api_method = url.rsplit("/", 1)[-1]
        raw = request_data.json_parameters if request_data else {}
        call = Call(api_method, {k: _decode(v) for k, v in raw.items()})
        self.calls.append(call)
        respond = self.responses.get(api_method)
        if respond is None:
            self.unexpected.append(call)
            body = {"ok": False, "error_code": 404, "description": "Not Found"}
            return 404, json.dumps(body).encode()
        return 200, json.dumps({"ok": True, "result": respond(call.params)}).encode()

    def to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def clear(self) -> None:
        self.calls.clear()


class Updates:
    """Telegram-shaped update dicts, turned into PTB `Update`s bound to a bot."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self._ids = itertools.count(1)
        self._messages = itertools.count(1)

    @staticmethod
    def user(user_id: int = 42, language_code: str = "en", first_name: str = "Alice") -> JSONDict:
        return {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name,
            "language_code": language_code,
        }

    @staticmethod
    def private(user_id: int = 42) -> JSONDict:
        return {"id": user_id, "type": "private", "first_name": "Alice"}

    @staticmethod
    def group(chat_id: int = -100) -> JSONDict:
        return {"id": chat_id, "type": "group", "title": "Migration team"}

    def message(
        self,
        text: str,
        *,
        chat: JSONDict | None = None,
        user: JSONDict | None = None,
        reply_to: JSONDict | None = None,
        entities: list[JSONDict] | None = None,
    ) -> Update:
        message = self.message_dict(
            text, chat=chat, user=user, reply_to=reply_to, entities=entities
        )
        return self.update({"message": message})

    def message_dict(
        self,
        text: str,
        *,
        chat: JSONDict | None = None,
        user: JSONDict | None = None,
        reply_to: JSONDict | None = None,
        entities: list[JSONDict] | None = None,
    ) -> JSONDict:
        if entities is None:
            entities = []
            if text.startswith("/"):
                command = text.split()[0]
                entities.append({"type": "bot_command", "offset": 0, "length": len(command)})
            mention = f"@{BOT_USERNAME}"
            if mention in text:
                entities.append(
                    {"type": "mention", "offset": text.index(mention), "length": len(mention)}
                )
        message: JSONDict = {
            "message_id": next(self._messages),
            "date": DATE,
            "chat": chat or self.private(),
            "from": user or self.user(),
            "text": text,
        }
        if entities:
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        return message

    def bot_message(self, text: str, chat: JSONDict, message_id: int = 900) -> JSONDict:
        return {
            "message_id": message_id,
            "date": DATE,
            "chat": chat,
            "from": BOT_USER,
            "text": text,
        }

    def callback(
        self, data: str, *, message: JSONDict | None = None, user: JSONDict | None = None
    ) -> Update:
        query: JSONDict = {
            "id": f"cb{next(self._ids)}",
            "from": user or self.user(),
            "chat_instance": "ci-1",
            "data": data,
        }
        if message is not None:
            query["message"] = message
        return self.update({"callback_query": query})

    def inline(self, query: str, offset: str = "", *, user: JSONDict | None = None) -> Update:
        inline_query = {
            "id": f"iq{next(self._ids)}",
            "from": user or self.user(),
            "query": query,
            "offset": offset,
        }
        return self.update({"inline_query": inline_query})

    def update(self, body: JSONDict) -> Update:
        update = Update.de_json({"update_id": next(self._ids), **body}, self.bot)
        assert update is not None
        return update


def many_projects_engine(kb: KnowledgeBase, count: int = 120) -> Engine:
    """The shipped projects plus `count` made-up 'checkpoints' projects, to page inline results."""
    base = kb.projects[0]
    extra = tuple(
        replace(
            base,
            id=f"pilot-{i:03d}",
            title=Text(f"Pilot checkpoints project number {i}"),
            acronym=None,
            aliases=(),
            related=(),
        )
        for i in range(count)
    )
    return Engine(replace(kb, projects=kb.projects + extra, by_id={}, orgs_by_id={}))
