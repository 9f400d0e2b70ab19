"""Handler tests: the real Application from build_application, fed `Update.de_json` updates
through `process_update`, with an offline transport (`botfakes.RecordingRequest`) that records
every Bot API call and fails the test on any method it does not expect. No network.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from botfakes import BOT_ID, BOT_USERNAME, TOKEN, RecordingRequest, Updates, many_projects_engine

from bot.config import Settings
from bot.core.engine import Engine
from bot.kb.model import KnowledgeBase
from bot.telegram.app import BotApplication, build_application, register_commands
from bot.telegram.inline import PAGE_SIZE, parse_offset
from bot.telegram.logs import REDACTED, install_token_filter
from bot.telegram.session import CHAT_STATE_KEY


class Bot:
    """The application under test, its transport and an update factory."""

    def __init__(self, app: BotApplication, request: RecordingRequest) -> None:
        self.app = app
        self.request = request
        self.updates = Updates(app.bot)

    async def send(self, update: Any) -> None:
        await self.app.process_update(update)

    def sent(self) -> list[Any]:
        return self.request.to("sendMessage")


async def _running(engine: Engine, data_dir: Path) -> AsyncIterator[Bot]:
    request = RecordingRequest()
    app = build_application(Settings(token=TOKEN, data_dir=data_dir), engine, request=request)
    async with app:
        yield Bot(app, request)
    assert request.unexpected == [], f"unexpected Bot API calls: {request.unexpected}"


@pytest.fixture
async def bot(engine: Engine, tmp_path: Path) -> AsyncIterator[Bot]:
    async for running in _running(engine, tmp_path):
        yield running


@pytest.fixture
def big_engine(kb: KnowledgeBase) -> Engine:
    return many_projects_engine(kb)


@pytest.fixture
async def big_bot(big_engine: Engine, tmp_path: Path) -> AsyncIterator[Bot]:
    async for running in _running(big_engine, tmp_path):
        yield running


@pytest.fixture
def redaction() -> Iterator[None]:
    uninstall = install_token_filter(TOKEN)
    yield
    uninstall()


# ----- private chats ------------------------------------------------------------------------


async def test_private_question_gets_an_html_answer_with_field_and_share_buttons(bot: Bot) -> None:
    await bot.send(bot.updates.message("What was SIREADA?"))
    [call] = bot.sent()
    assert call.params["parse_mode"] == "HTML"
    assert call.params["link_preview_options"] == {"is_disabled": True}
    assert "<b>" in call.params["text"] and "SIREADA" in call.params["text"]
    assert "f|sireada|funders" in call.callback_data()
    share = [b for b in call.buttons() if "switch_inline_query" in b]
    assert share and share[0]["switch_inline_query"] == "SIREADA"
    assert "reply_parameters" not in call.params  # no quoting in private chats


async def test_follow_up_question_uses_the_chat_state(bot: Bot) -> None:
    await bot.send(bot.updates.message("What was SIREADA?"))
    await bot.send(bot.updates.message("Who funded it?"))
    _, second = bot.sent()
    assert "European Union" in second.params["text"]
    state = bot.app.chat_data[42][CHAT_STATE_KEY]
    assert state["projects"] == ["sireada"] and state["field"] == "funders"


async def test_russian_question_is_answered_in_russian(bot: Bot) -> None:
    await bot.send(bot.updates.message("Кто финансировал SIREADA?"))
    [call] = bot.sent()
    assert "финансир" in call.params["text"].lower()


async def test_clarification_offers_candidate_projects_as_buttons(bot: Bot) -> None:
    await bot.send(bot.updates.message("readmission project"))
    [call] = bot.sent()
    data = call.callback_data()
    assert {"p|readmission-framework", "p|readmission-mechanisms", "p|sireada"} <= set(data)


# ----- groups -------------------------------------------------------------------------------


async def test_group_message_not_addressed_to_the_bot_is_ignored(bot: Bot) -> None:
    await bot.send(bot.updates.message("What was SIREADA?", chat=Updates.group()))
    assert bot.sent() == []


async def test_group_mention_is_answered_in_thread(bot: Bot) -> None:
    update = bot.updates.message(f"@{BOT_USERNAME} what was SIREADA?", chat=Updates.group())
    await bot.send(update)
    [call] = bot.sent()
    assert call.params["chat_id"] == -100
    assert update.message is not None
    assert call.params["reply_parameters"]["message_id"] == update.message.message_id
    assert "SIREADA" in call.params["text"]


async def test_group_reply_to_the_bot_is_answered(bot: Bot) -> None:
    group = Updates.group()
    replied = bot.updates.bot_message("SIREADA ...", group)
    await bot.send(bot.updates.message("who funded it?", chat=group, reply_to=replied))
    [call] = bot.sent()
    assert "reply_parameters" in call.params


async def test_group_reply_to_someone_else_is_ignored(bot: Bot) -> None:
    group = Updates.group()
    other = bot.updates.message_dict("hello", chat=group, user=Updates.user(7, first_name="Bob"))
    await bot.send(bot.updates.message("who funded SIREADA?", chat=group, reply_to=other))
    assert bot.sent() == []


async def test_group_command_addressed_to_the_bot_is_answered(bot: Bot) -> None:
    await bot.send(bot.updates.message(f"/help@{BOT_USERNAME}", chat=Updates.group()))
    assert len(bot.sent()) == 1


# ----- commands -----------------------------------------------------------------------------


async def test_start_shows_the_welcome_with_examples(bot: Bot) -> None:
    await bot.send(bot.updates.message("/start"))
    [call] = bot.sent()
    assert "SIREADA" in call.params["text"] and "•" in call.params["text"]


async def test_start_uses_the_users_russian_language(bot: Bot) -> None:
    await bot.send(bot.updates.message("/start", user=Updates.user(language_code="ru-RU")))
    assert "Я отвечаю" in bot.sent()[0].params["text"]


async def test_start_deep_link_opens_the_project_card(bot: Bot) -> None:
    await bot.send(bot.updates.message("/start sireada"))
    [call] = bot.sent()
    assert "March 2011" in call.params["text"]
    assert "f|sireada|partners" in call.callback_data()
    assert bot.app.chat_data[42][CHAT_STATE_KEY]["projects"] == ["sireada"]


async def test_start_with_an_unknown_payload_shows_the_welcome(bot: Bot) -> None:
    await bot.send(bot.updates.message("/start no-such-project"))
    assert "I answer questions" in bot.sent()[0].params["text"]


async def test_help_and_about_commands_answer(bot: Bot) -> None:
    await bot.send(bot.updates.message("/help"))
    await bot.send(bot.updates.message("/about"))
    help_call, about_call = bot.sent()
    assert "I answer questions" in help_call.params["text"]
    assert "IOM" in about_call.params["text"]


async def test_projects_lists_every_project_as_a_button(bot: Bot, engine: Engine) -> None:
    await bot.send(bot.updates.message("/projects"))
    [call] = bot.sent()
    assert call.callback_data() == [f"p|{p.id}" for p in engine.kb.projects]


async def test_project_command_shows_the_named_card(bot: Bot) -> None:
    await bot.send(bot.updates.message("/project border checkpoints"))
    [call] = bot.sent()
    assert "Border Checkpoints" in call.params["text"]
    assert "f|border-checkpoints|funders" in call.callback_data()


async def test_project_command_without_a_name_offers_the_list(bot: Bot) -> None:
    await bot.send(bot.updates.message("/project"))
    [call] = bot.sent()
    assert "/project SIREADA" in call.params["text"]
    assert "p|sireada" in call.callback_data()


async def test_project_command_with_an_unknown_name_says_not_found(bot: Bot) -> None:
    await bot.send(bot.updates.message("/project zzzz qqqq"))
    [call] = bot.sent()
    assert call.callback_data() == []


async def test_commands_are_registered_for_private_chats_and_groups_in_two_languages(
    bot: Bot,
) -> None:
    await register_commands(bot.app)
    calls = bot.request.to("setMyCommands")
    scopes = {(c.params["scope"]["type"], c.params.get("language_code")) for c in calls}
    assert scopes == {
        ("all_private_chats", None),
        ("all_private_chats", "ru"),
        ("all_group_chats", None),
        ("all_group_chats", "ru"),
    }
    private_en = next(c for c in calls if c.params["scope"]["type"] == "all_private_chats")
    assert [c["command"] for c in private_en.params["commands"]] == [
        "start",
        "help",
        "projects",
        "project",
        "about",
        "language",
    ]


# ----- buttons ------------------------------------------------------------------------------


async def test_field_button_answers_the_query_and_sends_the_field(bot: Bot) -> None:
    card = bot.updates.bot_message("card", Updates.private(), message_id=77)
    await bot.send(bot.updates.callback("f|sireada|funders", message=card))
    [answer] = bot.request.to("answerCallbackQuery")
    assert "text" not in answer.params
    [call] = bot.sent()
    assert "European Union" in call.params["text"]
    assert bot.app.chat_data[42][CHAT_STATE_KEY]["field"] == "funders"


async def test_project_button_sends_the_card(bot: Bot) -> None:
    card = bot.updates.bot_message("which one?", Updates.private())
    await bot.send(bot.updates.callback("p|readmission-mechanisms", message=card))
    assert len(bot.request.to("answerCallbackQuery")) == 1
    assert "Readmission of Migrants" in bot.sent()[0].params["text"]


async def test_malformed_button_data_gets_a_polite_answer(bot: Bot) -> None:
    card = bot.updates.bot_message("card", Updates.private())
    for data in ("garbage", "f|sireada|salary", "f|SIREADA|funders", "p|", "f|a|b|c"):
        await bot.send(bot.updates.callback(data, message=card))
    answers = bot.request.to("answerCallbackQuery")
    assert len(answers) == 5
    assert all("no longer works" in a.params["text"] for a in answers)
    assert bot.sent() == []


async def test_button_for_an_unknown_project_gets_a_polite_alert(bot: Bot) -> None:
    card = bot.updates.bot_message("card", Updates.private())
    await bot.send(bot.updates.callback("f|removed-project|funders", message=card))
    [answer] = bot.request.to("answerCallbackQuery")
    assert answer.params["show_alert"] is True
    assert "not in the knowledge base" in answer.params["text"]
    assert bot.sent() == []


async def test_button_on_an_inline_message_gets_a_callback_answer(bot: Bot) -> None:
    await bot.send(bot.updates.callback("f|sireada|funders", message=None))
    [answer] = bot.request.to("answerCallbackQuery")
    assert answer.params["text"]
    assert bot.sent() == []


# ----- inline mode --------------------------------------------------------------------------


@pytest.mark.parametrize(("offset", "page"), [("", 0), ("50", 50), ("²", 0), ("٣", 0), ("x", 0)])
def test_an_inline_offset_that_is_no_plain_number_is_the_first_page(offset: str, page: int) -> None:
    """A forged offset never fails: "²" and "٣" are digits to `str.isdigit`, not to `int`."""
    assert parse_offset(offset) == page


async def test_inline_acronym_puts_the_exact_match_first(bot: Bot) -> None:
    await bot.send(bot.updates.inline("SIREADA"))
    [call] = bot.request.to("answerInlineQuery")
    results = call.params["results"]
    assert results[0]["id"] == "p.sireada"
    assert results[0]["title"].startswith("SIREADA")
    assert (
        "March 2011" in results[0]["description"] and "European Union" in results[0]["description"]
    )
    assert results[0]["input_message_content"]["parse_mode"] == "HTML"
    assert call.params["cache_time"] == 300 and "next_offset" not in call.params
    assert call.params["button"]["start_parameter"] == "inline"
    [[link]] = results[0]["reply_markup"]["inline_keyboard"]
    assert link["url"] == f"https://t.me/{BOT_USERNAME}?start=sireada"


async def test_inline_query_with_a_field_returns_that_answer_first(bot: Bot) -> None:
    await bot.send(bot.updates.inline("SIREADA funders"))
    results = bot.request.to("answerInlineQuery")[0].params["results"]
    assert results[0]["id"] == "f.sireada.funders"
    assert "European Union" in results[0]["input_message_content"]["message_text"]
    assert results[1]["id"] == "p.sireada"


async def test_empty_inline_query_lists_every_project(bot: Bot, engine: Engine) -> None:
    await bot.send(bot.updates.inline(""))
    [call] = bot.request.to("answerInlineQuery")
    assert [r["id"] for r in call.params["results"]] == [f"p.{p.id}" for p in engine.kb.projects]
    assert call.params["is_personal"] is True  # the language came from the user's settings


async def test_inline_results_page_by_fifty_with_next_offset(big_bot: Bot) -> None:
    seen: list[str] = []
    offset = ""
    for _ in range(5):
        await big_bot.send(big_bot.updates.inline("checkpoints", offset))
        call = big_bot.request.to("answerInlineQuery")[-1]
        ids = [r["id"] for r in call.params["results"]]
        assert len(ids) <= PAGE_SIZE
        seen.extend(ids)
        offset = str(call.params.get("next_offset", ""))
        if not offset:
            break
    assert len(seen) == len(set(seen)) == 121
    assert all(len(i.encode()) <= 64 for i in seen)


async def test_inline_query_matching_nothing_returns_no_results(bot: Bot) -> None:
    await bot.send(bot.updates.inline("qqqq zzzz"))
    [call] = bot.request.to("answerInlineQuery")
    assert call.params["results"] == []


# ----- errors and logs ----------------------------------------------------------------------


async def test_failing_handler_logs_the_error_then_apologises(
    bot: Bot, engine: Engine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(engine, "ask", broken)
    with caplog.at_level(logging.ERROR, logger="bot.telegram.errors"):
        await bot.send(bot.updates.message("What was SIREADA?"))
    [record] = [r for r in caplog.records if r.name == "bot.telegram.errors"]
    assert record.exc_info is not None and "engine exploded" in str(record.exc_info[1])
    [call] = bot.sent()
    assert call.params["text"].startswith("Sorry, something went wrong")


async def test_failing_button_gets_an_apology_as_callback_answer(
    bot: Bot, engine: Engine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(engine, "field", broken)
    card = bot.updates.bot_message("card", Updates.private())
    with caplog.at_level(logging.ERROR):
        await bot.send(bot.updates.callback("f|sireada|funders", message=card))
    [answer] = bot.request.to("answerCallbackQuery")
    assert answer.params["text"].startswith("Sorry")


def test_token_is_redacted_from_messages_arguments_and_tracebacks(
    redaction: None, caplog: pytest.LogCaptureFixture
) -> None:
    logger = logging.getLogger("test.redaction")
    with caplog.at_level(logging.DEBUG):
        logger.debug("POST https://api.telegram.org/bot%s/getMe", TOKEN)
        logger.info(f"url with the token inline: /bot{TOKEN}/sendMessage")
        logger.info("quoted %s", TOKEN.replace(":", "%3A"))
        try:
            raise ValueError(f"failed https://api.telegram.org/bot{TOKEN}/getUpdates")
        except ValueError:
            logger.exception("request failed")
    text = caplog.text
    assert TOKEN not in text and TOKEN.replace(":", "%3A") not in text
    assert text.count(REDACTED) == 4


async def test_token_never_appears_in_debug_logs_while_the_bot_works(
    redaction: None, bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        await bot.send(bot.updates.message("What was SIREADA?"))
        await bot.send(bot.updates.inline("SIREADA"))
        await bot.send(bot.updates.callback("garbage"))
    assert any(TOKEN in url for url in bot.request.urls)  # the token was really in the URLs
    assert caplog.records and TOKEN not in caplog.text
    assert all(TOKEN not in r.getMessage() for r in caplog.records)


async def test_chat_state_goes_through_persistence(engine: Engine, tmp_path: Path) -> None:
    """A restart with the same data folder keeps the chat's context (PicklePersistence)."""
    async for first in _running(engine, tmp_path):
        await first.app.start()
        await first.send(first.updates.message("What was SIREADA?"))
        await first.app.stop()
    async for second in _running(engine, tmp_path):
        assert second.app.chat_data[42][CHAT_STATE_KEY]["projects"] == ["sireada"]
        await second.send(second.updates.message("who funded it?"))
        assert "European Union" in second.sent()[0].params["text"]
    assert (tmp_path / "projectbot.pickle").exists()
    assert BOT_ID  # the fake bot's id is the token's prefix
