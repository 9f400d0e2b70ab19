"""The emulator's world: users, chats, messages, updates, and the Bot API methods' logic.

Everything here is synchronous and guarded by one re-entrant lock, so the HTTP server thread and
the test (in any thread or event loop) can use it at the same time. No I/O happens here; the
server (``server.py``) turns HTTP requests into :meth:`EmulatorState.dispatch` calls and does the
long polling and the webhook deliveries.
"""

from __future__ import annotations

import copy
import itertools
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .htmlparse import HTMLParseError, ParsedText, parse_html, trim_text, utf16_len

JSONDict = dict[str, Any]

MAX_TEXT_LENGTH = 4096
MAX_CALLBACK_DATA_BYTES = 64
MAX_INLINE_RESULTS = 50
MAX_INLINE_ID_BYTES = 64
MAX_NEXT_OFFSET_BYTES = 64
MAX_INLINE_QUERY_LENGTH = 256
MAX_COMMANDS = 100

QUERY_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)

ALL_UPDATE_TYPES = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "business_connection",
    "business_message",
    "edited_business_message",
    "deleted_business_messages",
    "message_reaction",
    "message_reaction_count",
    "inline_query",
    "chosen_inline_result",
    "callback_query",
    "shipping_query",
    "pre_checkout_query",
    "purchased_paid_media",
    "poll",
    "poll_answer",
    "my_chat_member",
    "chat_member",
    "chat_join_request",
    "chat_boost",
    "removed_chat_boost",
)
# What Telegram sends when allowed_updates was never set or was set to an empty list.
DEFAULT_UPDATE_TYPES = frozenset(ALL_UPDATE_TYPES) - {
    "chat_member",
    "message_reaction",
    "message_reaction_count",
}

CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
INLINE_RESULT_TYPES = frozenset(
    {
        "article",
        "photo",
        "gif",
        "mpeg4_gif",
        "video",
        "audio",
        "voice",
        "document",
        "location",
        "venue",
        "contact",
        "game",
        "sticker",
    }
)
SCOPE_TYPES = frozenset(
    {
        "default",
        "all_private_chats",
        "all_group_chats",
        "all_chat_administrators",
        "chat",
        "chat_administrators",
        "chat_member",
    }
)

# Parameter decoding: form-encoded and query-string values arrive as strings.
_JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "reply_parameters",
        "link_preview_options",
        "entities",
        "caption_entities",
        "results",
        "button",
        "commands",
        "scope",
        "allowed_updates",
        "menu_button",
    }
)
_INT_FIELDS = frozenset(
    {
        "message_id",
        "reply_to_message_id",
        "message_thread_id",
        "offset",
        "limit",
        "cache_time",
        "max_connections",
        "user_id",
    }
)
_BOOL_FIELDS = frozenset(
    {
        "disable_notification",
        "protect_content",
        "allow_sending_without_reply",
        "show_alert",
        "is_personal",
        "drop_pending_updates",
        "allow_paid_broadcast",
    }
)

_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
_ENTITY_PATTERN = re.compile(
    r"(?P<command>(?<![\w/@])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?)(?![\w/])"
    r"|(?P<mention>(?<![\w@])@[A-Za-z0-9_]{5,32})(?![\w@])"
)


class ApiError(Exception):
    """A Bot API error answer: HTTP ``status`` and Telegram's ``description``."""

    def __init__(self, status: int, description: str, parameters: JSONDict | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def body(self) -> JSONDict:
        body: JSONDict = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(text: str) -> ApiError:
    return ApiError(400, f"Bad Request: {text}")


@dataclass(frozen=True)
class User:
    """A Telegram user the test controls."""

    id: int
    first_name: str
    username: str | None = None
    last_name: str | None = None
    language_code: str | None = "en"
    is_bot: bool = False

    def to_dict(self) -> JSONDict:
        data: JSONDict = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        if self.language_code:
            data["language_code"] = self.language_code
        return data


@dataclass(frozen=True)
class Chat:
    """A chat known to the emulator: ``type`` is private, group or supergroup."""

    id: int
    type: str
    title: str | None = None
    username: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    is_forum: bool = False

    def to_dict(self) -> JSONDict:
        data: JSONDict = {"id": self.id, "type": self.type}
        for key in ("title", "username", "first_name", "last_name"):
            value = getattr(self, key)
            if value:
                data[key] = value
        if self.is_forum:
            data["is_forum"] = True
        return data


@dataclass(frozen=True)
class BotMessage:
    """One message the bot sent (``kind="sent"``) or edited (``kind="edited"``).

    ``text`` is the plain text after HTML parsing; ``raw_text`` is what the bot sent.
    ``message`` is the full Bot API ``Message`` object as the emulator returned it.
    """

    kind: str
    method: str
    chat_id: int
    message_id: int
    text: str
    raw_text: str
    parse_mode: str | None
    entities: list[JSONDict]
    reply_markup: JSONDict | None
    reply_to: int | None
    link_preview_options: JSONDict | None
    message_thread_id: int | None
    message: JSONDict

    @property
    def buttons(self) -> list[list[JSONDict]]:
        """The inline keyboard rows (empty without an inline keyboard)."""
        if not self.reply_markup:
            return []
        rows: list[list[JSONDict]] = self.reply_markup.get("inline_keyboard", [])
        return rows

    @property
    def callback_data(self) -> list[str]:
        """Every button's callback_data, row by row."""
        return [b["callback_data"] for row in self.buttons for b in row if "callback_data" in b]

    @property
    def button_texts(self) -> list[str]:
        return [b["text"] for row in self.buttons for b in row]


@dataclass(frozen=True)
class CallRecord:
    """One Bot API request: method (Telegram's spelling), decoded params, HTTP status, body."""

    method: str
    params: JSONDict
    status: int
    response: JSONDict | None
    fault: str | None = None
    at: float = field(default_factory=time.monotonic)

    @property
    def ok(self) -> bool:
        return self.status == 200


@dataclass(frozen=True)
class CallbackAnswer:
    query_id: str
    text: str | None
    show_alert: bool
    url: str | None
    cache_time: int | None


@dataclass(frozen=True)
class InlineAnswer:
    query_id: str
    results: list[JSONDict]
    next_offset: str
    cache_time: int
    is_personal: bool
    button: JSONDict | None


@dataclass
class Fault:
    """A scheduled failure for the next ``count`` calls of ``method`` (None: any method)."""

    kind: str  # "status", "drop" or "delay"
    method: str | None
    count: int
    status: int = 500
    retry_after: int | None = None
    description: str | None = None
    seconds: float = 0.0

    def body(self) -> JSONDict:
        if self.status == 429:
            retry = self.retry_after if self.retry_after is not None else 1
            return {
                "ok": False,
                "error_code": 429,
                "description": self.description or f"Too Many Requests: retry after {retry}",
                "parameters": {"retry_after": retry},
            }
        default = {500: "Internal Server Error", 502: "Bad Gateway"}.get(self.status, "Error")
        return {"ok": False, "error_code": self.status, "description": self.description or default}


@dataclass
class _ChatState:
    chat: Chat
    peer: User | None = None
    started: bool = False
    bot_is_admin: bool = False
    members: set[int] = field(default_factory=set)
    messages: dict[int, JSONDict] = field(default_factory=dict)
    next_message_id: int = 1


@dataclass
class _Query:
    user_id: int
    expired: bool = False
    callback_answer: CallbackAnswer | None = None
    inline_answer: InlineAnswer | None = None

    @property
    def answered(self) -> bool:
        return self.callback_answer is not None or self.inline_answer is not None


@dataclass
class Webhook:
    url: str
    secret_token: str | None
    max_connections: int
    ip_address: str | None
    last_error_date: int | None = None
    last_error_message: str | None = None


ChatRef = Chat | int
UserRef = User | int
MessageRef = BotMessage | JSONDict | int


def _utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def _strip_reply(message: JSONDict) -> JSONDict:
    inner = copy.deepcopy(message)
    inner.pop("reply_to_message", None)
    return inner


def decode_params(raw: dict[str, Any], from_strings: bool) -> JSONDict:
    """Give parameters their Bot API types (form values are strings, JSON bodies are typed)."""
    params: JSONDict = {}
    for name, value in raw.items():
        if isinstance(value, str) and name in _JSON_FIELDS:
            try:
                value = json.loads(value)
            except ValueError as exc:
                raise bad_request(f"can't parse {name} JSON object") from exc
        elif isinstance(value, str) and name in _INT_FIELDS:
            try:
                value = int(value)
            except ValueError as exc:
                raise bad_request(f'wrong parameter "{name}" in request') from exc
        elif isinstance(value, str) and name == "timeout":
            try:
                value = float(value)
            except ValueError as exc:
                raise bad_request(f'wrong parameter "{name}" in request') from exc
        elif isinstance(value, str) and name in _BOOL_FIELDS:
            value = value.strip().lower() in ("true", "1", "yes", "on")
        elif name == "chat_id" and isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
            value = int(value)
        elif from_strings is False and name in {"text", "callback_query_id", "inline_query_id"}:
            value = value if isinstance(value, str) else str(value)
        params[name] = value
    return params


class EmulatorState:
    """The emulated Telegram: call :meth:`dispatch` for API methods, the other methods as a test."""

    METHODS = (
        "getMe",
        "logOut",
        "close",
        "getUpdates",
        "setWebhook",
        "deleteWebhook",
        "getWebhookInfo",
        "sendMessage",
        "editMessageText",
        "editMessageReplyMarkup",
        "answerCallbackQuery",
        "answerInlineQuery",
        "setMyCommands",
        "getMyCommands",
        "deleteMyCommands",
        "sendChatAction",
        "setChatMenuButton",
        "getChatMenuButton",
        "deleteMessage",
        "getChat",
    )

    def __init__(
        self,
        token: str,
        *,
        bot_username: str,
        bot_first_name: str,
        strict_ampersand: bool = True,
        privacy_mode: bool = True,
    ) -> None:
        bot_id = int(token.split(":", 1)[0])
        self.token = token
        self.bot = User(
            bot_id, bot_first_name, username=bot_username, language_code=None, is_bot=True
        )
        self.strict_ampersand = strict_ampersand
        self.privacy_mode = privacy_mode
        self.lock = threading.RLock()
        self.changed = threading.Condition(self.lock)
        self._listeners: list[Callable[[], None]] = []
        self._methods = {name.lower(): name for name in self.METHODS}
        self._user_ids = itertools.count(1_000_001)
        self._group_ids = itertools.count(1)
        self._query_ids = itertools.count(4_000_000_000_000_001)
        self.users: dict[int, User] = {}
        self.blocked: set[int] = set()
        self._chats: dict[int, _ChatState] = {}
        self._updates: list[JSONDict] = []
        self._next_update_id = 100_000_001
        self.allowed_updates: list[str] | None = None
        self.webhook: Webhook | None = None
        self.webhook_deliveries: list[JSONDict] = []
        self.calls: list[CallRecord] = []
        self.outgoing: list[BotMessage] = []
        self._cursors: dict[int, int] = {}
        self._queries: dict[str, _Query] = {}
        self.commands: dict[tuple[str, str], list[JSONDict]] = {}
        self.menu_buttons: dict[int | None, JSONDict] = {}
        self.chat_actions: list[tuple[int, str]] = []
        self.deleted: list[tuple[int, int]] = []
        self.faults: list[Fault] = []

    # ------------------------------------------------------------------ plumbing

    def add_listener(self, callback: Callable[[], None]) -> None:
        with self.lock:
            self._listeners.append(callback)

    def remove_listener(self, callback: Callable[[], None]) -> None:
        with self.lock:
            if callback in self._listeners:
                self._listeners.remove(callback)

    def _notify(self) -> None:
        self.changed.notify_all()
        for callback in list(self._listeners):
            callback()

    def canonical_method(self, name: str) -> str | None:
        return self._methods.get(name.lower())

    def record(self, record: CallRecord) -> None:
        with self.lock:
            self.calls.append(record)
            self._notify()

    def take_fault(self, method: str | None) -> Fault | None:
        """The first scheduled fault matching ``method``, with one use consumed."""
        with self.lock:
            for fault in self.faults:
                if fault.count > 0 and (fault.method is None or fault.method == method):
                    fault.count -= 1
                    taken = copy.copy(fault)
                    self.faults = [f for f in self.faults if f.count > 0]
                    return taken
            return None

    def dispatch(self, method: str, params: JSONDict) -> JSONDict:
        """Run a (canonical) Bot API method; return the success body or raise :class:`ApiError`."""
        handler: Callable[[JSONDict], Any] = getattr(self, f"_api_{method}")
        with self.lock:
            result = handler(params)
            self._notify()
        if isinstance(result, tuple):
            value, description = result
            return {"ok": True, "result": value, "description": description}
        return {"ok": True, "result": result}

    # ------------------------------------------------------------------ world building

    def create_user(
        self,
        first_name: str,
        *,
        username: str | None = None,
        last_name: str | None = None,
        language_code: str | None = "en",
        user_id: int | None = None,
    ) -> User:
        with self.lock:
            uid = user_id if user_id is not None else next(self._user_ids)
            user = User(uid, first_name, username, last_name, language_code)
            self.users[uid] = user
            return user

    def private_chat(self, user: UserRef) -> Chat:
        with self.lock:
            peer = self._user(user)
            state = self._chats.get(peer.id)
            if state is None:
                chat = Chat(
                    peer.id,
                    "private",
                    username=peer.username,
                    first_name=peer.first_name,
                    last_name=peer.last_name,
                )
                state = _ChatState(chat, peer=peer, started=True, members={peer.id})
                self._chats[peer.id] = state
            return state.chat

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
        with self.lock:
            n = next(self._group_ids)
            chat_id = -(1_000_000_000_000 + n) if supergroup else -(4_000_000_000 + n)
            chat = Chat(
                chat_id,
                "supergroup" if supergroup else "group",
                title=title,
                username=username if supergroup else None,
                is_forum=is_forum and supergroup,
            )
            ids = {self._user(m).id for m in members}
            self._chats[chat_id] = _ChatState(
                chat, started=True, bot_is_admin=bot_is_admin, members=ids
            )
            return chat

    def block_bot(self, user: UserRef, blocked: bool = True) -> None:
        with self.lock:
            uid = self._user(user).id
            if blocked:
                self.blocked.add(uid)
            else:
                self.blocked.discard(uid)

    def _user(self, user: UserRef) -> User:
        uid = user if isinstance(user, int) else user.id
        if uid not in self.users:
            raise KeyError(f"unknown user {uid}; create it with create_user()")
        return self.users[uid]

    def _chat_state(self, chat: ChatRef) -> _ChatState:
        cid = chat if isinstance(chat, int) else chat.id
        if cid not in self._chats:
            raise KeyError(f"unknown chat {cid}")
        return self._chats[cid]

    # ------------------------------------------------------------------ updates

    def _new_message_id(self, state: _ChatState) -> int:
        mid = state.next_message_id
        state.next_message_id += 1
        return mid

    def _queue_update(self, kind: str, payload: JSONDict) -> JSONDict | None:
        allowed = set(self.allowed_updates) if self.allowed_updates else DEFAULT_UPDATE_TYPES
        if kind not in allowed:
            return None
        update = {"update_id": self._next_update_id, kind: payload}
        self._next_update_id += 1
        self._updates.append(update)
        self._notify()
        return update

    def _visible_to_bot(self, state: _ChatState, message: JSONDict) -> bool:
        if state.chat.type == "private" or not self.privacy_mode or state.bot_is_admin:
            return True
        reply = message.get("reply_to_message")
        if reply and reply.get("from", {}).get("id") == self.bot.id:
            return True
        text = message.get("text", "")
        me = f"@{self.bot.username}".lower()
        for entity in message.get("entities", []):
            piece = _utf16_slice(text, entity["offset"], entity["length"]).lower()
            if entity["type"] == "mention" and piece == me:
                return True
            if entity["type"] == "bot_command" and ("@" not in piece or piece.endswith(me)):
                return True
        return False

    def user_message(
        self,
        chat: ChatRef,
        user: UserRef | None,
        text: str,
        *,
        reply_to: MessageRef | None = None,
        entities: list[JSONDict] | None = None,
        message_thread_id: int | None = None,
    ) -> JSONDict:
        with self.lock:
            state = self._chat_state(chat)
            sender = self._sender(state, user)
            if not text:
                raise ValueError("a Telegram message needs text")
            message: JSONDict = {
                "message_id": self._new_message_id(state),
                "from": sender.to_dict(),
                "chat": state.chat.to_dict(),
                "date": int(time.time()),
                "text": text,
            }
            if message_thread_id is not None:
                message["message_thread_id"] = message_thread_id
                message["is_topic_message"] = True
            found = auto_entities(text) if entities is None else entities
            if found:
                message["entities"] = found
            if reply_to is not None:
                message["reply_to_message"] = _strip_reply(self._message(state, reply_to))
            state.messages[message["message_id"]] = message
            state.members.add(sender.id)
            if self._visible_to_bot(state, message):
                self._queue_update("message", copy.deepcopy(message))
            return copy.deepcopy(message)

    def user_edit(self, chat: ChatRef, message: MessageRef, text: str) -> JSONDict:
        with self.lock:
            state = self._chat_state(chat)
            current = self._message(state, message)
            if current["from"]["id"] == self.bot.id:
                raise ValueError("users cannot edit the bot's messages")
            current["text"] = text
            current["edit_date"] = int(time.time())
            found = auto_entities(text)
            if found:
                current["entities"] = found
            else:
                current.pop("entities", None)
            if self._visible_to_bot(state, current):
                self._queue_update("edited_message", copy.deepcopy(current))
            return copy.deepcopy(current)

    def _sender(self, state: _ChatState, user: UserRef | None) -> User:
        if user is not None:
            return self._user(user)
        if state.peer is not None:
            return state.peer
        raise ValueError("say which user acts in a group chat")

    def _message(self, state: _ChatState, ref: MessageRef) -> JSONDict:
        if isinstance(ref, BotMessage):
            mid = ref.message_id
        elif isinstance(ref, dict):
            mid = int(ref["message_id"])
        else:
            mid = ref
        if mid not in state.messages:
            raise KeyError(f"no message {mid} in chat {state.chat.id} (deleted or never sent)")
        return state.messages[mid]

    def press_button(
        self,
        message: BotMessage | JSONDict,
        callback_data: str | None = None,
        user: UserRef | None = None,
        *,
        text: str | None = None,
    ) -> str:
        with self.lock:
            chat_id = message.chat_id if isinstance(message, BotMessage) else message["chat"]["id"]
            state = self._chat_state(chat_id)
            current = self._message(state, message)
            presser = self._sender(state, user)
            rows = current.get("reply_markup", {}).get("inline_keyboard", [])
            buttons = [b for row in rows for b in row if "callback_data" in b]
            match = [
                b
                for b in buttons
                if (callback_data is None or b["callback_data"] == callback_data)
                and (text is None or b["text"] == text)
            ]
            if not match:
                shown = [(b["text"], b["callback_data"]) for b in buttons]
                raise LookupError(
                    f"message {current['message_id']} has no button with "
                    f"callback_data={callback_data!r} text={text!r}; it has {shown}"
                )
            qid = str(next(self._query_ids))
            self._queries[qid] = _Query(presser.id)
            payload: JSONDict = {
                "id": qid,
                "from": presser.to_dict(),
                "message": copy.deepcopy(current),
                "chat_instance": str(abs(state.chat.id) * 7919 % 10**18),
                "data": match[0]["callback_data"],
            }
            self._queue_update("callback_query", payload)
            return qid

    def inline_query(
        self, user: UserRef, query: str, offset: str = "", *, chat_type: str | None = "sender"
    ) -> str:
        with self.lock:
            sender = self._user(user)
            if len(query) > MAX_INLINE_QUERY_LENGTH:
                raise ValueError("inline queries are at most 256 characters")
            qid = str(next(self._query_ids))
            self._queries[qid] = _Query(sender.id)
            payload: JSONDict = {
                "id": qid,
                "from": sender.to_dict(),
                "query": query,
                "offset": offset,
            }
            if chat_type:
                payload["chat_type"] = chat_type
            self._queue_update("inline_query", payload)
            return qid

    def expire_queries(self) -> None:
        with self.lock:
            for query in self._queries.values():
                query.expired = True

    def callback_answer(self, query_id: str) -> CallbackAnswer | None:
        with self.lock:
            query = self._queries.get(query_id)
            return query.callback_answer if query else None

    def inline_answer(self, query_id: str) -> InlineAnswer | None:
        with self.lock:
            query = self._queries.get(query_id)
            return query.inline_answer if query else None

    # ------------------------------------------------------------------ polling and webhook

    def fetch_updates(self, params: JSONDict) -> list[JSONDict]:
        """getUpdates without the waiting: confirm below ``offset``, return up to ``limit``."""
        with self.lock:
            if self.webhook is not None:
                raise ApiError(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active; "
                    "use deleteWebhook to delete the webhook first",
                )
            if "allowed_updates" in params and params["allowed_updates"] is not None:
                self.allowed_updates = self._allowed_updates(params["allowed_updates"])
            offset = params.get("offset")
            if isinstance(offset, int) and offset < 0:
                self._updates = self._updates[offset:]
            elif isinstance(offset, int) and offset > 0:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
            limit = params.get("limit", 100)
            limit = max(1, min(int(limit), 100)) if limit is not None else 100
            return copy.deepcopy(self._updates[:limit])

    def _allowed_updates(self, value: Any) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad_request("can't parse allowed updates: Array expected")
        return [v for v in value if v in ALL_UPDATE_TYPES]

    def pending_updates(self) -> list[JSONDict]:
        with self.lock:
            return copy.deepcopy(self._updates)

    def next_webhook_delivery(self) -> tuple[str, str | None, JSONDict] | None:
        with self.lock:
            if self.webhook is None or not self._updates:
                return None
            return self.webhook.url, self.webhook.secret_token, copy.deepcopy(self._updates[0])

    def webhook_delivered(self, update: JSONDict) -> None:
        with self.lock:
            self._updates = [u for u in self._updates if u["update_id"] != update["update_id"]]
            self.webhook_deliveries.append(update)
            self._notify()

    def webhook_failed(self, message: str) -> None:
        with self.lock:
            if self.webhook is not None:
                self.webhook.last_error_date = int(time.time())
                self.webhook.last_error_message = message
            self._notify()

    # ------------------------------------------------------------------ parameter helpers

    def _chat_param(self, params: JSONDict, *, for_sending: bool = True) -> _ChatState:
        raw = params.get("chat_id")
        if raw is None or raw == "":
            raise bad_request("chat_id is empty")
        state: _ChatState | None = None
        if isinstance(raw, int):
            state = self._chats.get(raw)
            if state is None and raw in self.users and for_sending:
                raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        elif isinstance(raw, str) and raw.startswith("@"):
            wanted = raw[1:].lower()
            for candidate in self._chats.values():
                name = candidate.chat.username
                if candidate.chat.type != "private" and name and name.lower() == wanted:
                    state = candidate
        if state is None:
            raise bad_request("chat not found")
        if for_sending and state.peer is not None and state.peer.id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return state

    def _text_param(
        self, params: JSONDict, name: str = "text"
    ) -> tuple[ParsedText, str, str | None]:
        raw = params.get(name)
        raw = "" if raw is None else str(raw)
        if not raw:
            raise bad_request("message text is empty")
        parsed, parse_mode = self.parse_text(raw, params.get("parse_mode"), params.get("entities"))
        if not parsed.text:
            raise bad_request("message text is empty")
        if len(parsed.text) > MAX_TEXT_LENGTH:
            raise bad_request("message is too long")
        return parsed, raw, parse_mode

    def parse_text(self, raw: str, parse_mode: Any, entities: Any) -> tuple[ParsedText, str | None]:
        mode = str(parse_mode) if parse_mode else None
        if mode is not None and mode.lower() == "html":
            try:
                parsed = parse_html(raw, strict_ampersand=self.strict_ampersand)
            except HTMLParseError as exc:
                raise bad_request(f"can't parse entities: {exc}") from exc
        elif mode is not None and mode.lower() not in ("markdown", "markdownv2"):
            raise bad_request("unsupported parse_mode")
        else:
            # Markdown modes are not emulated: the text is taken literally.
            given = entities if isinstance(entities, list) else []
            parsed = ParsedText(raw, [dict(e) for e in given if isinstance(e, dict)])
        return trim_text(parsed), mode

    def _markup_param(self, params: JSONDict, *, inline_only: bool = False) -> JSONDict | None:
        markup = params.get("reply_markup")
        if markup is None or markup == "":
            return None
        if not isinstance(markup, dict):
            raise bad_request("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in markup:
            return validate_inline_keyboard(markup)
        if inline_only:
            raise bad_request("can't parse inline keyboard markup JSON object")
        if any(k in markup for k in ("keyboard", "remove_keyboard", "force_reply")):
            return markup
        raise bad_request("can't parse reply keyboard markup JSON object")

    def _reply_param(self, state: _ChatState, params: JSONDict) -> JSONDict | None:
        reply = params.get("reply_parameters")
        allow = bool(params.get("allow_sending_without_reply"))
        target_id: Any = params.get("reply_to_message_id")
        if isinstance(reply, dict):
            target_id = reply.get("message_id")
            allow = bool(reply.get("allow_sending_without_reply", allow))
            other = reply.get("chat_id")
            if other is not None and other != state.chat.id:
                state = self._chat_param({"chat_id": other}, for_sending=False)
        elif reply is not None:
            raise bad_request("can't parse reply parameters JSON object")
        if target_id is None:
            return None
        try:
            target = state.messages.get(int(target_id))
        except (TypeError, ValueError):
            target = None
        if target is None:
            if allow:
                return None
            raise bad_request("message to be replied not found")
        return target

    # ------------------------------------------------------------------ Bot API methods

    def _api_getMe(self, params: JSONDict) -> JSONDict:
        me = self.bot.to_dict()
        me.update(
            can_join_groups=True,
            can_read_all_group_messages=not self.privacy_mode,
            supports_inline_queries=True,
            can_connect_to_business=False,
            has_main_web_app=False,
        )
        return me

    def _api_logOut(self, params: JSONDict) -> bool:
        return True

    def _api_close(self, params: JSONDict) -> bool:
        return True

    def _api_getChat(self, params: JSONDict) -> JSONDict:
        state = self._chat_param(params, for_sending=False)
        info = state.chat.to_dict()
        info.update(accent_color_id=0, max_reaction_count=11)
        return info

    def _api_setWebhook(self, params: JSONDict) -> tuple[bool, str]:
        url = str(params.get("url") or "")
        if params.get("drop_pending_updates"):
            self._updates.clear()
        if "allowed_updates" in params and params["allowed_updates"] is not None:
            self.allowed_updates = self._allowed_updates(params["allowed_updates"])
        if not url:
            existed = self.webhook is not None
            self.webhook = None
            return True, "Webhook was deleted" if existed else "Webhook is already deleted"
        if not url.lower().startswith(("http://", "https://")):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise bad_request("secret token contains unallowed characters")
        self.webhook = Webhook(
            url=url,
            secret_token=str(secret) if secret else None,
            max_connections=int(params.get("max_connections") or 40),
            ip_address=params.get("ip_address"),
        )
        return True, "Webhook was set"

    def _api_deleteWebhook(self, params: JSONDict) -> tuple[bool, str]:
        if params.get("drop_pending_updates"):
            self._updates.clear()
        existed = self.webhook is not None
        self.webhook = None
        return True, "Webhook was deleted" if existed else "Webhook is already deleted"

    def _api_getWebhookInfo(self, params: JSONDict) -> JSONDict:
        info: JSONDict = {
            "url": self.webhook.url if self.webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        hook = self.webhook
        if hook is not None:
            info["max_connections"] = hook.max_connections
            if hook.ip_address:
                info["ip_address"] = hook.ip_address
            if hook.last_error_date is not None:
                info["last_error_date"] = hook.last_error_date
                info["last_error_message"] = hook.last_error_message
            if self.allowed_updates:
                info["allowed_updates"] = list(self.allowed_updates)
        return info

    def _api_sendMessage(self, params: JSONDict) -> JSONDict:
        state = self._chat_param(params)
        parsed, raw, parse_mode = self._text_param(params)
        markup = self._markup_param(params)
        target = self._reply_param(state, params)
        message: JSONDict = {
            "message_id": self._new_message_id(state),
            "from": self.bot.to_dict(),
            "chat": state.chat.to_dict(),
            "date": int(time.time()),
            "text": parsed.text,
        }
        thread_id = params.get("message_thread_id")
        if thread_id is not None and state.chat.is_forum:
            message["message_thread_id"] = thread_id
            message["is_topic_message"] = True
        if target is not None:
            message["reply_to_message"] = _strip_reply(target)
        if parsed.entities:
            message["entities"] = parsed.entities
        preview = params.get("link_preview_options")
        if isinstance(preview, dict):
            message["link_preview_options"] = preview
        if markup and markup.get("inline_keyboard"):
            message["reply_markup"] = markup
        state.messages[message["message_id"]] = message
        self._record_outgoing("sent", "sendMessage", state, message, raw, parse_mode, params)
        return copy.deepcopy(message)

    def _record_outgoing(
        self,
        kind: str,
        method: str,
        state: _ChatState,
        message: JSONDict,
        raw: str,
        parse_mode: str | None,
        params: JSONDict,
    ) -> None:
        reply = message.get("reply_to_message")
        preview = params.get("link_preview_options")
        snapshot = copy.deepcopy(message)
        self.outgoing.append(
            BotMessage(
                kind=kind,
                method=method,
                chat_id=state.chat.id,
                message_id=message["message_id"],
                text=message.get("text", ""),
                raw_text=raw,
                parse_mode=parse_mode,
                entities=snapshot.get("entities", []),
                reply_markup=snapshot.get("reply_markup"),
                reply_to=reply["message_id"] if reply else None,
                link_preview_options=preview if isinstance(preview, dict) else None,
                message_thread_id=params.get("message_thread_id"),
                message=snapshot,
            )
        )

    def _edit_target(self, params: JSONDict) -> tuple[_ChatState, JSONDict]:
        if params.get("inline_message_id"):
            raise bad_request("MESSAGE_ID_INVALID")
        state = self._chat_param(params, for_sending=False)
        message_id = params.get("message_id")
        if message_id is None:
            raise bad_request("message identifier is not specified")
        message = state.messages.get(int(message_id))
        if message is None:
            raise bad_request("message to edit not found")
        if message["from"]["id"] != self.bot.id:
            raise bad_request("message can't be edited")
        return state, message

    def _api_editMessageText(self, params: JSONDict) -> JSONDict:
        state, message = self._edit_target(params)
        parsed, raw, parse_mode = self._text_param(params)
        markup = self._markup_param(params, inline_only=True)
        new_markup = markup if markup and markup.get("inline_keyboard") else None
        if (
            parsed.text == message.get("text")
            and parsed.entities == message.get("entities", [])
            and new_markup == message.get("reply_markup")
        ):
            raise bad_request(NOT_MODIFIED.removeprefix("Bad Request: "))
        message["text"] = parsed.text
        if parsed.entities:
            message["entities"] = parsed.entities
        else:
            message.pop("entities", None)
        if new_markup is None:
            message.pop("reply_markup", None)
        else:
            message["reply_markup"] = new_markup
        preview = params.get("link_preview_options")
        if isinstance(preview, dict):
            message["link_preview_options"] = preview
        message["edit_date"] = int(time.time())
        self._record_outgoing("edited", "editMessageText", state, message, raw, parse_mode, params)
        return copy.deepcopy(message)

    def _api_editMessageReplyMarkup(self, params: JSONDict) -> JSONDict:
        state, message = self._edit_target(params)
        markup = self._markup_param(params, inline_only=True)
        new_markup = markup if markup and markup.get("inline_keyboard") else None
        if new_markup == message.get("reply_markup"):
            raise bad_request(NOT_MODIFIED.removeprefix("Bad Request: "))
        if new_markup is None:
            message.pop("reply_markup", None)
        else:
            message["reply_markup"] = new_markup
        message["edit_date"] = int(time.time())
        self._record_outgoing(
            "edited", "editMessageReplyMarkup", state, message, message["text"], None, params
        )
        return copy.deepcopy(message)

    def _api_deleteMessage(self, params: JSONDict) -> bool:
        state = self._chat_param(params, for_sending=False)
        message_id = params.get("message_id")
        message = state.messages.get(int(message_id)) if message_id is not None else None
        if message is None:
            raise bad_request("message to delete not found")
        own = message["from"]["id"] == self.bot.id
        if not own and state.chat.type != "private" and not state.bot_is_admin:
            raise bad_request("message can't be deleted")
        del state.messages[message["message_id"]]
        self.deleted.append((state.chat.id, message["message_id"]))
        return True

    def _query(self, params: JSONDict, name: str) -> _Query:
        qid = params.get(name)
        query = self._queries.get(str(qid)) if qid is not None else None
        if query is None or query.expired or query.answered:
            raise bad_request(QUERY_INVALID.removeprefix("Bad Request: "))
        return query

    def _api_answerCallbackQuery(self, params: JSONDict) -> bool:
        query = self._query(params, "callback_query_id")
        text = params.get("text")
        if text is not None and len(str(text)) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        cache = params.get("cache_time")
        query.callback_answer = CallbackAnswer(
            query_id=str(params["callback_query_id"]),
            text=str(text) if text is not None else None,
            show_alert=bool(params.get("show_alert")),
            url=params.get("url"),
            cache_time=int(cache) if cache is not None else None,
        )
        return True

    def _api_answerInlineQuery(self, params: JSONDict) -> bool:
        query = self._query(params, "inline_query_id")
        results = params.get("results")
        if not isinstance(results, list):
            raise bad_request("can't parse inline query results JSON object")
        if len(results) > MAX_INLINE_RESULTS:
            raise bad_request("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            self._validate_inline_result(result, seen)
        next_offset = str(params.get("next_offset") or "")
        if _utf8_len(next_offset) > MAX_NEXT_OFFSET_BYTES:
            raise bad_request("NEXT_OFFSET_INVALID")
        button = params.get("button")
        if button is not None:
            if not isinstance(button, dict) or not button.get("text"):
                raise bad_request("can't parse inline query results button JSON object")
            start = button.get("start_parameter")
            if start is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", str(start)):
                raise bad_request("START_PARAM_INVALID")
            if start is None and "web_app" not in button:
                raise bad_request("START_PARAM_EMPTY")
        cache = params.get("cache_time")
        query.inline_answer = InlineAnswer(
            query_id=str(params["inline_query_id"]),
            results=copy.deepcopy(results),
            next_offset=next_offset,
            cache_time=int(cache) if cache is not None else 300,
            is_personal=bool(params.get("is_personal")),
            button=copy.deepcopy(button),
        )
        return True

    def _validate_inline_result(self, result: Any, seen: set[str]) -> None:
        if not isinstance(result, dict):
            raise bad_request("can't parse inline query result JSON object")
        rtype = result.get("type")
        if rtype not in INLINE_RESULT_TYPES:
            raise bad_request("RESULT_TYPE_INVALID")
        rid = result.get("id")
        if not isinstance(rid, str) or not 1 <= _utf8_len(rid) <= MAX_INLINE_ID_BYTES:
            raise bad_request("RESULT_ID_INVALID")
        if rid in seen:
            raise bad_request("RESULT_ID_DUPLICATE")
        seen.add(rid)
        if rtype == "article" and not result.get("title"):
            raise bad_request('can\'t parse inline query result: Field "title" must be a String')
        content = result.get("input_message_content")
        if rtype == "article" and not isinstance(content, dict):
            raise bad_request("can't parse inline query result: input_message_content is required")
        if isinstance(content, dict) and "message_text" in content:
            raw = str(content.get("message_text") or "")
            if not raw:
                raise bad_request("MESSAGE_EMPTY")
            parsed, _ = self.parse_text(raw, content.get("parse_mode"), content.get("entities"))
            if not parsed.text:
                raise bad_request("MESSAGE_EMPTY")
            if len(parsed.text) > MAX_TEXT_LENGTH:
                raise bad_request("MESSAGE_TOO_LONG")
        markup = result.get("reply_markup")
        if markup is not None:
            if not isinstance(markup, dict) or "inline_keyboard" not in markup:
                raise bad_request("can't parse inline keyboard markup JSON object")
            validate_inline_keyboard(markup)

    def _scope_key(self, params: JSONDict) -> tuple[str, str]:
        return scope_key(params.get("scope"), params.get("language_code"), self._resolve_chat_id)

    def _resolve_chat_id(self, raw: Any) -> int:
        return self._chat_param({"chat_id": raw}, for_sending=False).chat.id

    def _api_setMyCommands(self, params: JSONDict) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise bad_request("can't parse commands JSON object")
        if len(commands) > MAX_COMMANDS:
            raise bad_request("BOT_COMMANDS_TOO_MUCH")
        cleaned: list[JSONDict] = []
        for command in commands:
            if not isinstance(command, dict):
                raise bad_request("can't parse BotCommand JSON object")
            name = command.get("command")
            description = command.get("description")
            if not isinstance(name, str) or not _COMMAND_NAME.fullmatch(name):
                raise bad_request("BOT_COMMAND_INVALID")
            if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
            cleaned.append({"command": name, "description": description})
        key = self._scope_key(params)
        if cleaned:
            self.commands[key] = cleaned
        else:
            self.commands.pop(key, None)
        return True

    def _api_getMyCommands(self, params: JSONDict) -> list[JSONDict]:
        return copy.deepcopy(self.commands.get(self._scope_key(params), []))

    def _api_deleteMyCommands(self, params: JSONDict) -> bool:
        self.commands.pop(self._scope_key(params), None)
        return True

    def _api_sendChatAction(self, params: JSONDict) -> bool:
        state = self._chat_param(params)
        action = params.get("action")
        if action not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        self.chat_actions.append((state.chat.id, str(action)))
        return True

    def _api_setChatMenuButton(self, params: JSONDict) -> bool:
        chat_id: int | None = None
        if params.get("chat_id") not in (None, ""):
            state = self._chat_param(params, for_sending=False)
            if state.chat.type != "private":
                raise bad_request("chat not found")
            chat_id = state.chat.id
        button = params.get("menu_button") or {"type": "default"}
        if not isinstance(button, dict) or button.get("type") not in (
            "default",
            "commands",
            "web_app",
        ):
            raise bad_request("can't parse menu button JSON object")
        if button["type"] == "default":
            self.menu_buttons.pop(chat_id, None)
        else:
            self.menu_buttons[chat_id] = copy.deepcopy(button)
        return True

    def _api_getChatMenuButton(self, params: JSONDict) -> JSONDict:
        chat_id: int | None = None
        if params.get("chat_id") not in (None, ""):
            chat_id = self._chat_param(params, for_sending=False).chat.id
        button = self.menu_buttons.get(chat_id) or self.menu_buttons.get(None)
        return copy.deepcopy(button) if button else {"type": "default"}


def validate_inline_keyboard(markup: JSONDict) -> JSONDict:
    rows = markup.get("inline_keyboard")
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(
            'field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays'
        )
    for row in rows:
        for button in row:
            if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                raise bad_request("can't parse inline keyboard button: Text must be a String")
            if not any(action in button for action in BUTTON_ACTIONS):
                raise bad_request(
                    "can't parse inline keyboard button: "
                    "Text buttons are unallowed in the inline keyboard"
                )
            if "callback_data" in button:
                data = button["callback_data"]
                if not isinstance(data, str) or not 1 <= _utf8_len(data) <= MAX_CALLBACK_DATA_BYTES:
                    raise bad_request("BUTTON_DATA_INVALID")
            if "url" in button:
                url = str(button["url"])
                if not re.match(r"^(https?|tg|ton)://\S+$", url, re.IGNORECASE):
                    raise bad_request("BUTTON_URL_INVALID")
    return markup


def scope_key(
    scope: Any, language_code: Any, resolve_chat: Callable[[Any], int]
) -> tuple[str, str]:
    """The storage key for a command list: canonical scope JSON and the language code."""
    if scope is None or scope == "":
        scope = {"type": "default"}
    if hasattr(scope, "to_dict"):
        scope = scope.to_dict()
    if not isinstance(scope, dict) or scope.get("type") not in SCOPE_TYPES:
        raise bad_request("can't parse BotCommandScope JSON object")
    canonical: JSONDict = {"type": scope["type"]}
    if scope["type"] in ("chat", "chat_administrators", "chat_member"):
        canonical["chat_id"] = resolve_chat(scope.get("chat_id"))
    if scope["type"] == "chat_member":
        user_id = scope.get("user_id")
        if not isinstance(user_id, int):
            raise bad_request("user not found")
        canonical["user_id"] = user_id
    lang = str(language_code or "")
    if lang and not re.fullmatch(r"[a-z]{2}", lang):
        raise bad_request("LANG_CODE_INVALID")
    return json.dumps(canonical, sort_keys=True), lang


def _utf16_slice(text: str, offset: int, length: int) -> str:
    data = text.encode("utf-16-le")
    return data[offset * 2 : (offset + length) * 2].decode("utf-16-le", errors="replace")


def auto_entities(text: str) -> list[JSONDict]:
    """The ``bot_command`` and ``mention`` entities a Telegram client would attach to ``text``."""
    entities: list[JSONDict] = []
    for match in _ENTITY_PATTERN.finditer(text):
        kind = "bot_command" if match.group("command") else "mention"
        entities.append(
            {
                "type": kind,
                "offset": utf16_len(text[: match.start()]),
                "length": utf16_len(match.group(0)),
            }
        )
    return entities
