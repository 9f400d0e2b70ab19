"""Never falling over: hostile and random input (hypothesis) for the core and for the handlers.

HTML and Markdown fragments, 4096-character messages, emoji, zero-width and right-to-left
characters, control characters, only punctuation, very long single words. Nothing may raise, and
every reply must be text Telegram accepts: HTML that Telegram's parser (the emulator's port of
tdlib's, `tests/emulator/htmlparse.py`) accepts, at most 4096 characters per message, callback
data within 64 bytes, at most 50 inline results with unique ids.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from pathlib import Path
from typing import Any

import pytest
from botfakes import TOKEN, RecordingRequest, Updates
from emulator.htmlparse import parse_html, utf16_len
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.access import AccessPolicy, AccessSettings
from bot.config import Settings
from bot.core import fields as F
from bot.core.context import ChatState
from bot.core.engine import Engine
from bot.core.types import Question
from bot.render.html import render
from bot.render.plain import render as plain
from bot.store.questions import LogSettings
from bot.telegram.app import build_application
from bot.telegram.session import OpsSettings

MAX_MESSAGE = 4096

FRAGMENTS = [
    "<b>",
    "</b>",
    "<i>x</i>",
    '<a href="javascript:alert(1)">x</a>',
    "<script>alert(1)</script>",
    "<pre><code>",
    "&amp;",
    "&",
    "&#0;",
    "&lt;",
    "<",
    ">",
    "**bold**",
    "__italic__",
    "`code`",
    "```\npre\n```",
    "[link](http://example.org)",
    "~~strike~~",
    "||spoiler||",
    "\\",
    "\u200b",
    "\u200c",
    "\u200d",
    "\ufeff",
    "\u200f",
    "\u202e",
    "\u2066",
    "\u0000",
    "\u0007",
    "\u001b[31m",
    "\r\n",
    "\t",
    "\n\n\n",
    "🇷🇺",
    "👍🏽",
    "👨\u200d👩\u200d👧",
    "e\u0301",
    "ＳＩＲＥＡＤＡ",
    "SIREADA",
    "сиреада",
    "Кто финансировал",
    "who funded",
    " it?",
    "border checkpoints",
    "readmission",
    "?!.,;:",
    "...",
    "/start ",
    "/project ",
    "@projectbot_test_bot ",
    "عربى",
    "עברית",
    "中文",
]
PUNCTUATION = "!?.,;:-—()[]{}<>\"'«»…/\\|@#$%^&*+=~`"


def _to_limit(text: str) -> str:
    return text[:MAX_MESSAGE]


fragments = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=25)
hostile_text = st.one_of(
    fragments.map("".join),
    st.text(max_size=300),
    st.text(alphabet=PUNCTUATION, min_size=1, max_size=200),
    # very long single words
    st.builds(
        lambda ch, n: ch * n,
        st.sampled_from(["a", "я", "&", "<", "🇷🇺", "\u200b", "9"]),
        st.integers(500, MAX_MESSAGE),
    ),
    # full-length messages made of fragments
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6).map(
        lambda parts: _to_limit("".join(parts) * (MAX_MESSAGE // max(1, len("".join(parts))) + 1))
    ),
).map(_to_limit)


def assert_telegram_accepts(html_text: str) -> None:
    assert html_text.strip(), "empty message"
    assert utf16_len(html_text) <= MAX_MESSAGE
    parsed = parse_html(html_text)  # raises HTMLParseError on anything Telegram refuses
    assert parsed.text.strip()


# ----- the core -----------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(hostile_text, min_size=1, max_size=3),
    lang=st.sampled_from([None, "en", "ru"]),
)
def test_the_core_answers_anything_with_valid_html(
    engine: Engine, texts: list[str], lang: str | None
) -> None:
    state = ChatState()
    for text in texts:  # also as follow-ups of each other
        reply = engine.ask(Question(text=text, chat_id=1, lang=lang), state)
        state = reply.state
        chunks = render(reply.answer)
        assert chunks
        for chunk in chunks:
            assert_telegram_accepts(chunk)
        assert isinstance(plain(reply.answer), str)


@settings(max_examples=60, deadline=None)
@given(
    project=st.one_of(st.sampled_from(["sireada", "border-checkpoints"]), st.text(max_size=80)),
    field=st.one_of(st.sampled_from(sorted(F.ALL)), st.text(max_size=20)),
    lang=st.sampled_from(["en", "ru"]),
    query=hostile_text,
)
def test_cards_fields_and_search_never_fail(
    engine: Engine, project: str, field: str, lang: str, query: str
) -> None:
    for answer in (engine.card(project, lang), engine.field(project, field, lang)):
        for chunk in render(answer):
            assert_telegram_accepts(chunk)
    assert isinstance(engine.find(query[:256]), list)


# ----- the handlers ---------------------------------------------------------------------------


class Harness:
    """The real application on an offline transport, driven from a synchronous test (hypothesis
    does not run async tests), on its own event loop."""

    def __init__(self, engine: Engine, data_dir: Path) -> None:
        self.request = RecordingRequest()
        ops = OpsSettings(
            access=AccessSettings(AccessPolicy(), flood_limit=0),
            log=LogSettings(data_dir / "questions.sqlite3", b"salt"),
        )
        self.app = build_application(
            Settings(token=TOKEN, data_dir=data_dir), engine, request=self.request, ops=ops
        )
        self.runner = asyncio.Runner()
        self.runner.run(self.app.initialize())
        self.updates = Updates(self.app.bot)
        self.ids = itertools.count(10_000)

    def send(self, update: Any) -> None:
        self.runner.run(self.app.process_update(update))

    def close(self) -> None:
        self.runner.run(self.app.shutdown())
        self.runner.close()


@pytest.fixture
def harness(engine: Engine, tmp_path: Path) -> Any:
    running = Harness(engine, tmp_path)
    yield running
    running.close()
    assert running.request.unexpected == []


def check_calls(request: RecordingRequest) -> None:
    for call in request.calls:
        if call.method == "sendMessage":
            assert_telegram_accepts(call.params["text"])
            for data in call.callback_data():
                assert 1 <= len(data.encode()) <= 64
        elif call.method == "answerCallbackQuery":
            assert len(call.params.get("text", "")) <= 200
        elif call.method == "answerInlineQuery":
            results = call.params["results"]
            assert len(results) <= 50
            ids = [r["id"] for r in results]
            assert len(ids) == len(set(ids)) and all(1 <= len(i.encode()) <= 64 for i in ids)
            for result in results:
                assert result["title"].strip()
                assert_telegram_accepts(result["input_message_content"]["message_text"])
            offset = call.params.get("next_offset", "")
            assert len(str(offset).encode()) <= 64
    request.calls.clear()


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=hostile_text, where=st.sampled_from(["private", "group", "command"]))
def test_handlers_answer_hostile_messages_with_valid_html(
    harness: Harness, caplog: pytest.LogCaptureFixture, text: str, where: str
) -> None:
    updates = harness.updates
    # A new chat each time: the rate limiter spaces out messages to one chat (1 a second).
    user_id = next(harness.ids)
    user, chat = Updates.user(user_id), Updates.private(user_id)
    # Free text never starts with "/" (that would be a command, possibly unknown: no answer).
    text = text if not text.startswith("/") else " " + text
    if where == "private":
        update = updates.message(text.strip() or ".", chat=chat, user=user)
    elif where == "group":
        mention = f"@{harness.app.bot.username} {text}"[:MAX_MESSAGE]
        update = updates.message(mention, chat=Updates.group(-user_id), user=user)
    else:
        command = ["/project ", "/start ", "/language ", "/reload ", "/report "][len(text) % 5]
        update = updates.message((command + text)[:MAX_MESSAGE], chat=chat, user=user)
    caplog.clear()
    with caplog.at_level(logging.ERROR):
        harness.send(update)
    assert not [r for r in caplog.records if r.name == "bot.telegram.errors"], caplog.text
    assert harness.request.to("sendMessage"), "no answer"
    check_calls(harness.request)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(
        st.text(min_size=1, max_size=64),
        st.sampled_from(
            [
                "f|sireada|funders",
                "p|sireada",
                "v|1|+",
                "v|99999999999|-",
                "l|ru",
                "l|xx",
                "|||",
                "f|",
            ]
        ),
    ),
    query=hostile_text.map(lambda t: t[:256]),
    offset=st.one_of(st.just(""), st.integers(-5, 500).map(str), st.text(max_size=10)),
)
def test_handlers_answer_hostile_buttons_and_inline_queries(
    harness: Harness, caplog: pytest.LogCaptureFixture, data: str, query: str, offset: str
) -> None:
    updates = harness.updates
    user_id = next(harness.ids)
    user = Updates.user(user_id)
    card = updates.bot_message("card", Updates.private(user_id))
    caplog.clear()
    with caplog.at_level(logging.ERROR):
        harness.send(updates.callback(data, message=card, user=user))
        harness.send(updates.inline(query, offset, user=user))
    assert not [r for r in caplog.records if r.name == "bot.telegram.errors"], caplog.text
    assert len(harness.request.to("answerCallbackQuery")) == 1
    assert len(harness.request.to("answerInlineQuery")) == 1
    check_calls(harness.request)
