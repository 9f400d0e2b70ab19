"""End-to-end tests of the local Telegram Bot API emulator (tests/emulator) with real PTB objects.

Every test talks to the emulator over HTTP on 127.0.0.1 only, and every wait is bounded.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from emulator import (
    BotMessage,
    TelegramEmulator,
    auto_entities,
    parse_html,
    running_emulator,
)
from emulator.htmlparse import HTMLParseError
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    LinkPreviewOptions,
    MenuButtonCommands,
    ReplyParameters,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackContext,
    CallbackQueryHandler,
    CommandHandler,
    ExtBot,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

pytestmark = pytest.mark.e2e

AppT = Application[Any, Any, Any, Any, Any, Any]
Ctx = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]


# --------------------------------------------------------------------------- fixtures and helpers


@pytest.fixture
def emulator() -> Iterator[TelegramEmulator]:
    with running_emulator() as emu:
        yield emu


@pytest.fixture
async def bot(emulator: TelegramEmulator) -> AsyncIterator[Bot]:
    async with Bot(
        emulator.token, base_url=emulator.base_url, base_file_url=emulator.base_file_url
    ) as tg_bot:
        yield tg_bot


def build_app(emu: TelegramEmulator, *, rate_limiter: AIORateLimiter | None = None) -> AppT:
    builder: Any = (  # the builder's generic type changes with .rate_limiter()
        ApplicationBuilder()
        .token(emu.token)
        .base_url(emu.base_url)
        .base_file_url(emu.base_file_url)
    )
    if rate_limiter is not None:
        builder = builder.rate_limiter(rate_limiter)
    app: AppT = builder.build()
    return app


async def echo(update: Update, context: Ctx) -> None:
    message = update.effective_message
    assert message is not None and message.text is not None
    await message.reply_text(
        message.text, reply_parameters=ReplyParameters(message_id=message.message_id)
    )


async def start(update: Update, context: Ctx) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        "<b>Welcome!</b> Pick one:",
        parse_mode=ParseMode.HTML,
        reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("One", callback_data="pick:1")]]),
    )


async def on_button(update: Update, context: Ctx) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer("Picked")
    await query.edit_message_text(f"You picked {query.data}")


def echo_app(emu: TelegramEmulator, *, rate_limiter: AIORateLimiter | None = None) -> AppT:
    app = build_app(emu, rate_limiter=rate_limiter)
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(on_button))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    return app


@asynccontextmanager
async def polling(app: AppT) -> AsyncIterator[AppT]:
    async with app:
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=dtm.timedelta(seconds=1))
        await app.start()
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def raw_call(
    emu: TelegramEmulator,
    method: str,
    *,
    token: str | None = None,
    json_body: dict[str, Any] | None = None,
    form: dict[str, str] | None = None,
    query: dict[str, str] | None = None,
) -> tuple[int, dict[str, Any]]:
    """A Bot API call with urllib (no PTB), for wire-level checks."""
    url = f"{emu.base_url}{token or emu.token}/{method}"
    if query:
        url += "?" + urllib.parse.urlencode(query)
    data: bytes | None = None
    headers: dict[str, str] = {}
    if json_body is not None:
        data = json.dumps(json_body).encode()
        headers["Content-Type"] = "application/json"
    elif form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, json.loads(exc.read())


def last_error(emu: TelegramEmulator, method: str = "sendMessage") -> str:
    failed = [c for c in emu.calls_to(method) if not c.ok]
    assert failed, f"no failed {method} call recorded"
    assert failed[-1].response is not None
    description: str = failed[-1].response["description"]
    return description


# --------------------------------------------------------------------------- wire protocol


def test_wire_protocol_shapes_methods_tokens_and_encodings(emulator: TelegramEmulator) -> None:
    """Responses have Telegram's shape; method names are case-insensitive over GET and POST with
    JSON, form or query parameters; unknown methods are 404 Not Found; a wrong token is 401."""
    status, body = raw_call(emulator, "getMe")
    assert status == 200 and body["ok"] is True
    assert body["result"]["username"] == "projectbot_test_bot" and body["result"]["is_bot"]

    assert raw_call(emulator, "GETME")[1]["ok"] is True
    assert raw_call(emulator, "getme", json_body={})[1]["ok"] is True

    user = emulator.create_user("Ann")
    chat = emulator.private_chat(user)
    _, by_json = raw_call(emulator, "sendMessage", json_body={"chat_id": chat.id, "text": "j"})
    _, by_form = raw_call(emulator, "sendmessage", form={"chat_id": str(chat.id), "text": "f"})
    _, by_query = raw_call(emulator, "SendMessage", query={"chat_id": str(chat.id), "text": "q"})
    assert [b["result"]["text"] for b in (by_json, by_form, by_query)] == ["j", "f", "q"]

    assert raw_call(emulator, "fooBar") == (
        404,
        {"ok": False, "error_code": 404, "description": "Not Found"},
    )
    assert raw_call(emulator, "getMe", token="999:wrong") == (
        401,
        {"ok": False, "error_code": 401, "description": "Unauthorized"},
    )
    assert raw_call(emulator, "sendMessage", json_body={"chat_id": 42, "text": "x"}) == (
        400,
        {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"},
    )


async def test_ptb_bot_sees_the_same_errors(emulator: TelegramEmulator, bot: Bot) -> None:
    """PTB maps the emulator's answers to its exceptions: unknown method, bad token, chat not
    found, a user who never started the bot, a user who blocked it; logOut/close are harmless."""
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("fooBar")
    wrong = Bot("999:wrong", base_url=emulator.base_url)
    try:
        with pytest.raises(InvalidToken, match="rejected by the server"):
            await wrong.initialize()
    finally:
        await wrong.shutdown()
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(424242, "hi")
    stranger = emulator.create_user("Stranger")
    with pytest.raises(Forbidden, match=r"(?i)can't initiate conversation"):
        await bot.send_message(stranger.id, "hi")
    emulator.private_chat(stranger)
    emulator.block_bot(stranger)
    with pytest.raises(Forbidden, match=r"(?i)blocked by the user"):
        await bot.send_message(stranger.id, "hi")
    assert await bot.log_out() is True
    assert await bot.close() is True


# --------------------------------------------------------------------------- polling round trip


async def test_echo_round_trip_through_a_polling_application(emulator: TelegramEmulator) -> None:
    """A user message reaches a polling Application as a `message` update and the bot's reply,
    quoting it, comes back through wait_for_messages."""
    alice = emulator.create_user("Alice", username="alice")
    chat = emulator.private_chat(alice)
    async with polling(echo_app(emulator)):
        sent = emulator.send_message(chat, alice, "hello там 👋")
        [reply] = await emulator.wait_for_messages(chat, timeout=5)
    assert reply.kind == "sent"
    assert reply.text == "hello там 👋"
    assert reply.reply_to == sent["message_id"]
    assert reply.message_id > sent["message_id"]
    assert not emulator.pending_updates(), "updates were confirmed through the getUpdates offset"


async def test_command_entity_callback_answer_and_edit(emulator: TelegramEmulator) -> None:
    """/start gets a bot_command entity at offset 0 and reaches CommandHandler; pressing the
    inline button yields a callback_query, the answer is readable, and the edit is recorded."""
    bob = emulator.create_user("Bob")
    chat = emulator.private_chat(bob)
    async with polling(echo_app(emulator)):
        sent = emulator.send_message(chat, bob, "/start")
        assert sent["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
        [welcome] = await emulator.wait_for_messages(chat)
        assert welcome.text == "Welcome! Pick one:"
        assert welcome.entities == [{"type": "bold", "offset": 0, "length": 8}]
        assert welcome.callback_data == ["pick:1"]
        query_id = emulator.press_button(welcome, "pick:1")
        answer = await emulator.wait_for_callback_answer(query_id)
        [edited] = await emulator.wait_for_messages(chat)
    assert answer.text == "Picked" and answer.show_alert is False
    assert edited.kind == "edited" and edited.message_id == welcome.message_id
    assert edited.text == "You picked pick:1"
    assert edited.reply_markup is None, "editing text without reply_markup drops the keyboard"
    with pytest.raises(LookupError):
        emulator.press_button(edited, "pick:1")


async def test_restarted_application_continues_without_redelivery(
    emulator: TelegramEmulator,
) -> None:
    """A second Application with the same token picks up where the first stopped: updates the
    first one handled are not delivered again, new ones are."""
    carol = emulator.create_user("Carol")
    chat = emulator.private_chat(carol)
    async with polling(echo_app(emulator)):
        emulator.send_message(chat, carol, "first")
        assert [m.text for m in await emulator.wait_for_messages(chat)] == ["first"]
    emulator.send_message(chat, carol, "while down")
    async with polling(echo_app(emulator)):
        emulator.send_message(chat, carol, "second")
        replies = await emulator.wait_for_messages(chat, count=2)
        await asyncio.sleep(0.3)
    assert [m.text for m in replies] == ["while down", "second"]
    assert [m.text for m in emulator.messages(chat)] == ["first", "while down", "second"]


# --------------------------------------------------------------------------- getUpdates


async def test_get_updates_long_polls_and_honours_offset_limit_allowed_updates(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    """getUpdates waits up to `timeout` for an update, returns at most `limit`, forgets updates
    below `offset`, and allowed_updates filters updates created after the call."""
    dave = emulator.create_user("Dave")
    chat = emulator.private_chat(dave)
    loop = asyncio.get_running_loop()
    started = loop.time()
    assert await bot.get_updates(timeout=dtm.timedelta(seconds=0.5)) == ()
    assert loop.time() - started >= 0.45

    waiting = asyncio.create_task(bot.get_updates(timeout=dtm.timedelta(seconds=5)))
    await asyncio.sleep(0.2)
    emulator.send_message(chat, dave, "wake up")
    woken = await asyncio.wait_for(waiting, 3)
    assert [u.message.text for u in woken if u.message] == ["wake up"]

    for text in ("a", "b", "c"):
        emulator.send_message(chat, dave, text)
    first = woken[0].update_id
    page = await bot.get_updates(offset=first + 1, limit=2)
    assert [u.message.text for u in page if u.message] == ["a", "b"]
    rest = await bot.get_updates(offset=page[-1].update_id + 1)
    assert [u.message.text for u in rest if u.message] == ["c"]
    assert len(emulator.pending_updates()) == 1  # "c" is not confirmed yet

    await bot.get_updates(offset=rest[-1].update_id + 1, allowed_updates=["callback_query"])
    emulator.send_message(chat, dave, "filtered out")
    assert emulator.pending_updates() == []
    await bot.get_updates(allowed_updates=[])
    emulator.send_message(chat, dave, "back")
    assert [u.message.text for u in await bot.get_updates() if u.message] == ["back"]


async def test_a_newer_get_updates_terminates_the_older_with_409(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    """Two concurrent getUpdates: the older one gets 409 Conflict, as with two bot instances."""
    older = asyncio.create_task(bot.get_updates(timeout=dtm.timedelta(seconds=3)))
    await asyncio.sleep(0.2)
    async with Bot(emulator.token, base_url=emulator.base_url) as second_instance:
        await second_instance.get_updates(timeout=dtm.timedelta(seconds=0.2))
    with pytest.raises(Conflict, match=r"(?i)terminated by other getUpdates"):
        await asyncio.wait_for(older, 3)


# --------------------------------------------------------------------------- HTML rules

HTML_REFUSALS = [
    pytest.param(
        "Hi <div>x</div>",
        'Unsupported start tag "div" at byte offset 3',
        id="unsupported-tag",
    ),
    pytest.param(
        "Привет <p>x</p>",
        'Unsupported start tag "p" at byte offset 13',
        id="offset-counts-utf8-bytes",
    ),
    pytest.param("<b>bold", 'Can\'t find end tag corresponding to start tag "b"', id="unclosed"),
    pytest.param(
        "<b><i>x</b></i>",
        'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"',
        id="misnested",
    ),
    pytest.param("1 < 2", 'Unsupported start tag "" at byte offset 2', id="stray-lt"),
    pytest.param("a <b", "Unclosed start tag at byte offset 2", id="unclosed-start-tag"),
    pytest.param("x</b>", "Unexpected end tag at byte offset 1", id="stray-end-tag"),
    pytest.param("Tom & Jerry", 'Unescaped "&" at byte offset 4', id="stray-amp"),
    pytest.param("a&nbsp;b", 'Unescaped "&" at byte offset 1', id="unknown-entity"),
    pytest.param(
        '<span class="x">s</span>',
        'Tag "span" must have class "tg-spoiler" at byte offset 0',
        id="span-without-spoiler",
    ),
    pytest.param(
        "<a href=x y>l</a>",
        'Expected equal sign in declaration of an attribute of the tag "a" at byte offset 0',
        id="bad-attribute",
    ),
    pytest.param("<tg-emoji>☺</tg-emoji>", "Invalid custom emoji identifier specified", id="emoji"),
]


@pytest.mark.parametrize(("text", "reason"), HTML_REFUSALS)
async def test_html_text_telegram_refuses(
    emulator: TelegramEmulator, bot: Bot, text: str, reason: str
) -> None:
    """parse_mode=HTML text that breaks a Telegram rule is refused with Telegram's wording."""
    chat = emulator.private_chat(emulator.create_user())
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.send_message(chat.id, text, parse_mode=ParseMode.HTML)
    assert last_error(emulator) == f"Bad Request: can't parse entities: {reason}"
    assert emulator.messages(chat) == []


async def test_every_allowed_tag_and_entity_is_accepted(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    """All tags Telegram allows parse into the right entities; &lt; &gt; &amp; &quot; and numeric
    references decode; offsets are UTF-16 code units."""
    chat = emulator.private_chat(emulator.create_user())
    text = (
        "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s>"
        '<strike>k</strike><del>d</del><span class="tg-spoiler">p</span><tg-spoiler>q</tg-spoiler>'
        '<a href="https://example.org/?a=1&amp;b=2">link</a><code>c</code>'
        '<pre><code class="language-python">x = 1</code></pre>'
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>'
        "<blockquote>quote</blockquote><blockquote expandable>more</blockquote>"
        " &lt;&gt;&amp;&quot;&#65;&#x42;"
    )
    message = await bot.send_message(chat.id, text, parse_mode=ParseMode.HTML)
    assert message.text == 'bsieunskdpqlinkcx = 1👍quotemore <>&"AB'
    [recorded] = await emulator.wait_for_messages(chat)
    types = [(e["type"], e["offset"], e["length"]) for e in recorded.entities]
    assert types == [
        ("bold", 0, 1),
        ("bold", 1, 1),
        ("italic", 2, 1),
        ("italic", 3, 1),
        ("underline", 4, 1),
        ("underline", 5, 1),
        ("strikethrough", 6, 1),
        ("strikethrough", 7, 1),
        ("strikethrough", 8, 1),
        ("spoiler", 9, 1),
        ("spoiler", 10, 1),
        ("text_link", 11, 4),
        ("code", 15, 1),
        ("pre", 16, 5),
        ("custom_emoji", 21, 2),
        ("blockquote", 23, 5),
        ("expandable_blockquote", 28, 4),
    ]
    assert recorded.entities[11]["url"] == "https://example.org/?a=1&b=2"
    assert recorded.entities[13]["language"] == "python"
    assert recorded.parse_mode == "HTML" and recorded.raw_text == text


def test_html_parser_units() -> None:
    """The parser alone: UTF-16 offsets after astral characters, tag names are
    case-insensitive, surrounding whitespace is trimmed, and lenient '&' mode keeps tdlib's
    behaviour (a bare '&' stays literal)."""
    parsed = parse_html("😀 <b>x</b>")
    assert parsed.entities == [{"type": "bold", "offset": 3, "length": 1}]
    assert parse_html("<B>x</B>").entities == [{"type": "bold", "offset": 0, "length": 1}]
    assert parse_html("Tom & Jerry", strict_ampersand=False).text == "Tom & Jerry"
    assert parse_html("&amp").text == "&"
    with pytest.raises(HTMLParseError):
        parse_html("Tom & Jerry")
    assert auto_entities("hi /help@projectbot_test_bot and @someone") == [
        {"type": "bot_command", "offset": 3, "length": 25},
        {"type": "mention", "offset": 33, "length": 8},
    ]


async def test_text_empty_or_too_long_is_refused(emulator: TelegramEmulator, bot: Bot) -> None:
    """Empty text (also after parsing or trimming) is 'message text is empty'; more than 4096
    characters after entity parsing is 'message is too long'; exactly 4096 is accepted."""
    chat = emulator.private_chat(emulator.create_user())
    for empty in ("   ", "<b></b>", "<b> </b>"):
        with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
            await bot.send_message(chat.id, empty, parse_mode=ParseMode.HTML)
        assert last_error(emulator) == "Bad Request: message text is empty"
    await raw_call_async(emulator, {"chat_id": chat.id, "text": ""})
    assert last_error(emulator) == "Bad Request: message text is empty"

    await bot.send_message(chat.id, "a" * 4096)
    await bot.send_message(chat.id, f"<b>{'a' * 4000}</b>{'&lt;' * 96}", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(chat.id, "a" * 4097)
    assert last_error(emulator) == "Bad Request: message is too long"
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(chat.id, "&amp;" * 4097, parse_mode=ParseMode.HTML)
    assert len(emulator.messages(chat)) == 2


async def raw_call_async(emu: TelegramEmulator, body: dict[str, Any]) -> None:
    await asyncio.to_thread(raw_call, emu, "sendMessage", json_body=body)


# --------------------------------------------------------------------------- keyboards


async def test_callback_data_over_64_bytes_is_button_data_invalid(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    """callback_data is limited to 64 bytes (not characters): 64 ASCII bytes pass, 33 Cyrillic
    letters (66 bytes) fail with BUTTON_DATA_INVALID."""
    chat = emulator.private_chat(emulator.create_user())

    def keyboard(data: str) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup([[InlineKeyboardButton("b", callback_data=data)]])

    await bot.send_message(chat.id, "ok", reply_markup=keyboard("x" * 64))
    for data in ("x" * 65, "ж" * 33):
        with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
            await bot.send_message(chat.id, "no", reply_markup=keyboard(data))
        assert last_error(emulator) == "Bad Request: BUTTON_DATA_INVALID"
    assert [m.text for m in emulator.messages(chat)] == ["ok"]


async def test_edit_rules(emulator: TelegramEmulator, bot: Bot) -> None:
    """Editing with identical text and markup is 'message is not modified'; editing markup is
    recorded; unknown messages are 'message to edit not found'; users' messages can't be
    edited; deleteMessage removes the message."""
    user = emulator.create_user()
    chat = emulator.private_chat(user)
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("a", callback_data="a")]])
    sent = await bot.send_message(chat.id, "<i>same</i>", parse_mode="HTML", reply_markup=markup)
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text(
            "<i>same</i>", chat.id, sent.message_id, parse_mode="HTML", reply_markup=markup
        )
    assert last_error(emulator, "editMessageText").startswith(
        "Bad Request: message is not modified: specified new message content and reply markup"
    )
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_reply_markup(chat.id, sent.message_id, reply_markup=markup)
    other = InlineKeyboardMarkup([[InlineKeyboardButton("b", callback_data="b")]])
    await bot.edit_message_reply_markup(chat.id, sent.message_id, reply_markup=other)
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", chat.id, 999)
    users_message = emulator.send_message(chat, user, "mine")
    with pytest.raises(BadRequest, match=r"(?i)message can't be edited"):
        await bot.edit_message_text("x", chat.id, users_message["message_id"])

    sent_msgs = await emulator.wait_for_messages(chat, count=2)
    assert [(m.kind, m.callback_data) for m in sent_msgs] == [("sent", ["a"]), ("edited", ["b"])]
    assert await bot.delete_message(chat.id, sent.message_id) is True
    assert emulator.deleted_messages == [(chat.id, sent.message_id)]
    assert emulator.current_message(chat, sent.message_id) is None
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(chat.id, sent.message_id)


async def test_send_options_are_recorded(emulator: TelegramEmulator, bot: Bot) -> None:
    """reply_parameters, reply_to_message_id, link_preview_options and message_thread_id reach the
    recorded message; replying to a missing message is refused unless allowed."""
    user = emulator.create_user()
    forum = emulator.create_group("Forum", [user], supergroup=True, is_forum=True)
    question = emulator.send_message(forum, user, f"@{emulator.bot.username} hi")
    await bot.send_message(
        forum.id,
        "answer",
        reply_parameters=ReplyParameters(question["message_id"]),
        link_preview_options=LinkPreviewOptions(is_disabled=True),
        message_thread_id=7,
    )
    [reply] = await emulator.wait_for_messages(forum)
    assert reply.reply_to == question["message_id"]
    assert reply.link_preview_options == {"is_disabled": True}
    assert reply.message_thread_id == 7 and reply.message["message_thread_id"] == 7
    assert reply.message["reply_to_message"]["text"] == question["text"]
    with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
        await bot.send_message(forum.id, "x", reply_parameters=ReplyParameters(999))
    await bot.send_message(
        forum.id, "y", reply_parameters=ReplyParameters(999, allow_sending_without_reply=True)
    )
    _, legacy = await asyncio.to_thread(
        raw_call,
        emulator,
        "sendMessage",
        form={
            "chat_id": str(forum.id),
            "text": "z",
            "reply_to_message_id": str(question["message_id"]),
        },
    )
    assert legacy["result"]["reply_to_message"]["message_id"] == question["message_id"]


# --------------------------------------------------------------------------- inline mode


def articles(count: int, prefix: str = "r") -> list[InlineQueryResultArticle]:
    return [
        InlineQueryResultArticle(f"{prefix}{i}", f"Title {i}", InputTextMessageContent(f"text {i}"))
        for i in range(count)
    ]


async def test_inline_query_answer_is_readable(emulator: TelegramEmulator) -> None:
    """An inline_query update reaches InlineQueryHandler; the test reads results, next_offset,
    cache_time, is_personal and the InlineQueryResultsButton."""
    user = emulator.create_user("Ira")

    async def on_inline(update: Update, context: Ctx) -> None:
        query = update.inline_query
        assert query is not None
        await query.answer(
            articles(3, prefix=query.query),
            cache_time=dtm.timedelta(seconds=5),
            is_personal=True,
            next_offset="3",
            button=InlineQueryResultsButton("Open the bot", start_parameter="from_inline"),
        )

    app = build_app(emulator)
    app.add_handler(InlineQueryHandler(on_inline))
    async with polling(app):
        query_id = emulator.inline_query(user, "kb")
        answer = await emulator.wait_for_inline_answer(query_id)
    assert [r["id"] for r in answer.results] == ["kb0", "kb1", "kb2"]
    assert answer.results[0]["input_message_content"]["message_text"] == "text 0"
    assert (answer.next_offset, answer.cache_time, answer.is_personal) == ("3", 5, True)
    assert answer.button == {"text": "Open the bot", "start_parameter": "from_inline"}


async def test_inline_answer_rules(emulator: TelegramEmulator, bot: Bot) -> None:
    """More than 50 results, duplicate ids, ids over 64 bytes, next_offset over 64 bytes and bad
    HTML inside a result are refused; a query can be answered only once."""
    user = emulator.create_user()
    query_id = emulator.inline_query(user, "q")
    refusals: list[tuple[dict[str, Any], str]] = [
        ({"results": articles(51)}, "RESULTS_TOO_MUCH"),
        ({"results": articles(2) + articles(1)}, "RESULT_ID_DUPLICATE"),
        (
            {"results": [InlineQueryResultArticle("x" * 65, "t", InputTextMessageContent("m"))]},
            "RESULT_ID_INVALID",
        ),
        ({"results": articles(1), "next_offset": "9" * 65}, "NEXT_OFFSET_INVALID"),
        (
            {
                "results": [
                    InlineQueryResultArticle(
                        "h", "t", InputTextMessageContent("<div>", parse_mode="HTML")
                    )
                ]
            },
            'can\'t parse entities: Unsupported start tag "div" at byte offset 0',
        ),
    ]
    for kwargs, reason in refusals:
        with pytest.raises(BadRequest):
            await bot.answer_inline_query(query_id, **kwargs)
        assert last_error(emulator, "answerInlineQuery") == f"Bad Request: {reason}"
    assert await bot.answer_inline_query(query_id, articles(50)) is True
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_inline_query(query_id, articles(1))
    assert last_error(emulator, "answerInlineQuery") == (
        "Bad Request: query is too old and response timeout expired or query ID is invalid"
    )
    assert len((await emulator.wait_for_inline_answer(query_id)).results) == 50

    stale = emulator.inline_query(user, "late")
    emulator.expire_queries()
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_inline_query(stale, articles(1))


async def test_callback_query_answered_twice_is_refused(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    """answerCallbackQuery works once per query; the second answer is 'query is too old'."""
    user = emulator.create_user()
    chat = emulator.private_chat(user)
    await bot.send_message(
        chat.id,
        "k",
        reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("b", callback_data="d")]]),
    )
    [message] = await emulator.wait_for_messages(chat)
    query_id = emulator.press_button(message, text="b")
    updates = await bot.get_updates()
    assert updates[-1].callback_query is not None and updates[-1].callback_query.data == "d"
    assert await bot.answer_callback_query(query_id, "ok", show_alert=True) is True
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query(query_id)
    answer = emulator.callback_answer(query_id)
    assert answer is not None and answer.show_alert is True


# --------------------------------------------------------------------------- commands and misc


async def test_commands_are_kept_per_scope_and_language(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    """setMyCommands stores one list per (scope, language_code); getMyCommands and the test's
    commands() read back exactly that list; invalid names are refused; deleteMyCommands clears."""
    group = emulator.create_group("G", supergroup=True)
    await bot.set_my_commands([BotCommand("start", "Start"), BotCommand("help", "Help")])
    await bot.set_my_commands([BotCommand("start", "Начать")], language_code="ru")
    await bot.set_my_commands([BotCommand("ask", "Ask")], scope=BotCommandScopeChat(group.id))
    assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
    assert emulator.commands(language_code="ru") == [{"command": "start", "description": "Начать"}]
    assert emulator.commands(BotCommandScopeChat(group.id)) == [
        {"command": "ask", "description": "Ask"}
    ]
    assert emulator.commands(BotCommandScopeAllGroupChats()) == []
    for bad in ("Start", "with space", "x" * 33, "/start", ""):
        with pytest.raises(BadRequest, match=r"(?i)bot_command_invalid"):
            await bot.set_my_commands([BotCommand(bad, "d")])
    assert last_error(emulator, "setMyCommands") == "Bad Request: BOT_COMMAND_INVALID"
    await bot.delete_my_commands(language_code="ru")
    assert emulator.commands(language_code="ru") == []
    assert len(emulator.commands()) == 2


async def test_chat_action_and_menu_button(emulator: TelegramEmulator, bot: Bot) -> None:
    """sendChatAction is recorded (unknown actions refused); setChatMenuButton is stored."""
    chat = emulator.private_chat(emulator.create_user())
    assert await bot.send_chat_action(chat.id, "typing") is True
    with pytest.raises(BadRequest, match=r"(?i)wrong parameter action"):
        await bot.send_chat_action(chat.id, "dancing")
    assert emulator.chat_actions == [(chat.id, "typing")]
    assert await bot.set_chat_menu_button(menu_button=MenuButtonCommands()) is True
    assert emulator.menu_button() == {"type": "commands"}
    assert isinstance(await bot.get_chat_menu_button(chat.id), MenuButtonCommands)


async def test_group_privacy_mode_and_mentions(emulator: TelegramEmulator) -> None:
    """In a group with privacy mode the bot gets commands, mentions of its username and replies
    to its messages, but not other chatter."""
    user = emulator.create_user("Gus")
    group = emulator.create_group("Team", [user], supergroup=True, username="team_chat")
    mention = f"@{emulator.bot.username}"
    app = build_app(emulator)
    seen: list[str] = []

    async def record(update: Update, context: Ctx) -> None:
        assert update.effective_message is not None
        seen.append(update.effective_message.text or "")
        await update.effective_message.reply_text("ack")

    app.add_handler(MessageHandler(filters.ALL, record))
    async with polling(app):
        emulator.send_message(group, user, "just chatting")
        emulator.send_message(group, user, f"/start{mention}")
        emulator.send_message(group, user, "/other@another_bot")
        sent = emulator.send_message(group, user, f"hey {mention} what's up")
        assert sent["entities"] == [{"type": "mention", "offset": 4, "length": len(mention)}]
        acks = await emulator.wait_for_messages(group, count=2)
        emulator.send_message(group, user, "thanks", reply_to=acks[-1])
        await emulator.wait_for_messages(group)
    assert seen == [f"/start{mention}", f"hey {mention} what's up", "thanks"]


# --------------------------------------------------------------------------- faults


async def test_429_is_recovered_by_aio_rate_limiter(
    emulator: TelegramEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 429 with retry_after makes AIORateLimiter wait and retry; the message still arrives."""
    # PTB 22 warns (PTBDeprecationWarning) when building RetryAfter unless this opt-in is set.
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    user = emulator.create_user()
    chat = emulator.private_chat(user)
    emulator.fail_next("sendMessage", status=429, retry_after=1)
    app = echo_app(emulator, rate_limiter=AIORateLimiter(max_retries=2))
    async with polling(app):
        emulator.send_message(chat, user, "despite flood control")
        [reply] = await emulator.wait_for_messages(chat, timeout=8)
    assert reply.text == "despite flood control"
    statuses = [c.status for c in emulator.calls_to("sendMessage")]
    assert statuses == [429, 200]
    first = emulator.calls_to("sendMessage")[0].response
    assert first == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 1",
        "parameters": {"retry_after": 1},
    }


async def test_fault_injection_statuses_drop_and_delay(
    emulator: TelegramEmulator, bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fail_next answers 429/500/502 for the next N calls, drop_next closes the connection,
    delay_next holds a call past the client's timeout; later calls work normally."""
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    chat = emulator.private_chat(emulator.create_user())
    emulator.fail_next("sendMessage", status=429, retry_after=3)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(chat.id, "x")
    assert caught.value.retry_after == dtm.timedelta(seconds=3)

    emulator.fail_next(status=500, count=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match="Internal Server Error"):
            await bot.get_me()
    emulator.fail_next("getMe", status=502)
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.get_me()

    emulator.drop_next("getMe")
    with pytest.raises(NetworkError):
        await bot.get_me()

    emulator.delay_next("sendMessage", seconds=1.0)
    with pytest.raises(TimedOut):
        await bot.send_message(chat.id, "slow", read_timeout=0.3)
    assert (await bot.get_me()).username == emulator.bot.username
    # The delayed call was still processed, as Telegram may do after a client timeout.
    [late] = await emulator.wait_for_messages(chat, timeout=3)
    assert late.text == "slow"
    faults = [c.fault for c in emulator.calls_to("getMe")][-5:]
    assert faults == ["status", "status", "status", "drop", None]


# --------------------------------------------------------------------------- webhook


async def test_webhook_delivery_with_secret_token(emulator: TelegramEmulator) -> None:
    """After setWebhook, updates are POSTed to the PTB webhook with the secret token header
    instead of being queued for getUpdates; a wrong secret shows up in getWebhookInfo and the
    update is redelivered once fixed; getUpdates is a 409 while the webhook is set."""
    user = emulator.create_user("Wendy")
    chat = emulator.private_chat(user)
    port = free_port()
    hook_url = f"http://127.0.0.1:{port}/hook"
    app = echo_app(emulator)
    async with app:
        assert app.updater is not None
        await app.updater.start_webhook(
            listen="127.0.0.1",
            port=port,
            url_path="hook",
            webhook_url=hook_url,
            secret_token="s3cret-Token_1",
        )
        await app.start()
        try:
            info = await app.bot.get_webhook_info()
            assert info.url == hook_url and info.pending_update_count == 0
            emulator.send_message(chat, user, "via webhook")
            [reply] = await emulator.wait_for_messages(chat)
            assert reply.text == "via webhook"
            assert [d["message"]["text"] for d in emulator.webhook_deliveries] == ["via webhook"]
            with pytest.raises(Conflict, match=r"(?i)webhook is active"):
                await app.bot.get_updates()

            await app.bot.set_webhook(hook_url, secret_token="wrong")
            emulator.send_message(chat, user, "second")
            await emulator.wait_until(lambda: emulator.webhook_info.get("last_error_message"))
            info = await app.bot.get_webhook_info()
            assert info.last_error_message == "Wrong response from the webhook: 403 Forbidden"
            assert info.pending_update_count == 1
            await app.bot.set_webhook(hook_url, secret_token="s3cret-Token_1")
            [second] = await emulator.wait_for_messages(chat)
            assert second.text == "second"
        finally:
            await app.updater.stop()
            await app.stop()
    assert emulator.webhook_info["url"] == hook_url
    await asyncio.to_thread(raw_call, emulator, "deleteWebhook")
    assert emulator.webhook_info["url"] == ""


async def test_waits_are_bounded_and_stop_ends_the_server_thread() -> None:
    """Waiting for a message that never comes raises TimeoutError naming what was awaited;
    stop() ends the server thread and closes the port, even with a long poll in flight;
    the emulator can be started again (on a new port) with its state kept."""
    emu = TelegramEmulator()
    async with emu:
        chat = emu.private_chat(emu.create_user())
        with pytest.raises(TimeoutError, match="bot message"):
            await emu.wait_for_messages(chat, timeout=0.2)
        with pytest.raises(TimeoutError):
            emu.wait_for_sync(lambda m: isinstance(m, BotMessage), timeout=0.1)
        poll = asyncio.create_task(
            asyncio.to_thread(raw_call, emu, "getUpdates", query={"timeout": "30"})
        )
        await asyncio.sleep(0.2)
        port = emu.url
    assert not emu.running
    status, body = await asyncio.wait_for(poll, 5)
    assert (status, body) == (200, {"ok": True, "result": []})
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"{port}/bot{emu.token}/getMe", timeout=2)
    with emu:
        assert (
            raw_call(emu, "sendMessage", json_body={"chat_id": chat.id, "text": "again"})[0] == 200
        )
    assert [m.text for m in emu.messages(chat)] == ["again"]


async def test_set_webhook_options_and_delivery_errors(emulator: TelegramEmulator) -> None:
    """setWebhook keeps allowed_updates and drops pending updates on request; an unreachable
    webhook shows 'Connection refused' in getWebhookInfo; deleteWebhook lets getUpdates resume."""
    user = emulator.create_user()
    chat = emulator.private_chat(user)
    emulator.send_message(chat, user, "old")
    dead_url = f"http://127.0.0.1:{free_port()}/hook"
    status, body = await asyncio.to_thread(
        raw_call,
        emulator,
        "setWebhook",
        json_body={
            "url": dead_url,
            "drop_pending_updates": True,
            "allowed_updates": ["message"],
            "secret_token": "abc",
        },
    )
    assert (status, body) == (200, {"ok": True, "result": True, "description": "Webhook was set"})
    assert emulator.pending_updates() == []
    emulator.send_message(chat, user, "undeliverable")
    info = await emulator.wait_until(
        lambda: emulator.webhook_info if "last_error_message" in emulator.webhook_info else None
    )
    assert info["last_error_message"] == "Connection refused"
    assert info["allowed_updates"] == ["message"] and info["pending_update_count"] == 1
    status, body = await asyncio.to_thread(raw_call, emulator, "deleteWebhook")
    assert body == {"ok": True, "result": True, "description": "Webhook was deleted"}
    _, body = await asyncio.to_thread(raw_call, emulator, "getUpdates")
    assert [u["message"]["text"] for u in body["result"]] == ["undeliverable"]
