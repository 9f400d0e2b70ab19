"""Settings from the environment, callback data, and the start-up failure messages."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from botfakes import TOKEN

from bot.config import ConfigError, load_settings
from bot.core import fields as F
from bot.core.types import Action, Suggestion
from bot.telegram import app as telegram_app
from bot.telegram.keyboards import (
    MAX_CALLBACK_BYTES,
    FieldButton,
    ProjectButton,
    field_data,
    parse_callback_data,
    project_data,
    suggestions_keyboard,
)

WEBHOOK_ENV = {
    "TELEGRAM_BOT_TOKEN": TOKEN,
    "PROJECTBOT_WEBHOOK_URL": "https://bot.example.org/telegram",
    "PROJECTBOT_WEBHOOK_SECRET": "s3cret_-X",
}


def test_defaults_apply_when_only_the_token_is_set() -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN})
    assert settings.token == TOKEN and settings.api_url is None and settings.base_url is None
    assert settings.data_dir == Path("data") and settings.log_level == logging.INFO
    assert settings.webhook is None and settings.context_ttl == 1800


def test_rate_limit_and_concurrency_default_to_telegrams_limit_and_sixteen() -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN})
    assert settings.rate_limit == 30 and settings.concurrency == 16


@pytest.mark.parametrize(
    ("env", "rate", "concurrency"),
    [
        ({"PROJECTBOT_RATE_LIMIT": "off"}, None, 16),
        ({"PROJECTBOT_RATE_LIMIT": "12.5", "PROJECTBOT_CONCURRENCY": "1"}, 12.5, 1),
        ({"PROJECTBOT_CONCURRENCY": "64"}, 30, 64),
    ],
)
def test_rate_limit_and_concurrency_are_read(
    env: dict[str, str], rate: float | None, concurrency: int
) -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, **env})
    assert (settings.rate_limit, settings.concurrency) == (rate, concurrency)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PROJECTBOT_RATE_LIMIT", "fast"),
        ("PROJECTBOT_RATE_LIMIT", "0"),
        ("PROJECTBOT_CONCURRENCY", "0"),
        ("PROJECTBOT_CONCURRENCY", "many"),
        ("PROJECTBOT_CONCURRENCY", "1000"),
    ],
)
def test_a_bad_rate_limit_or_concurrency_says_what_to_set(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, name: value})


def test_api_url_gives_base_urls_for_a_self_hosted_server() -> None:
    settings = load_settings(
        {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": "http://127.0.0.1:8081/"}
    )
    assert settings.base_url == "http://127.0.0.1:8081/bot"
    assert settings.base_file_url == "http://127.0.0.1:8081/file/bot"


@pytest.mark.parametrize("token", ["", "   ", "abc", "123:short", "12345:" + "x" * 34 + "!"])
def test_a_missing_or_malformed_token_says_what_to_set(token: str) -> None:
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN") as error:
        load_settings({"TELEGRAM_BOT_TOKEN": token})
    assert "@BotFather" in str(error.value)


def test_every_problem_is_reported_at_once() -> None:
    env = {
        "PROJECTBOT_LOG_LEVEL": "LOUD",
        "PROJECTBOT_CONTEXT_TTL": "-5",
        "TELEGRAM_API_URL": "ftp://x",
    }
    with pytest.raises(ConfigError) as error:
        load_settings(env)
    message = str(error.value)
    for name in (
        "TELEGRAM_BOT_TOKEN",
        "PROJECTBOT_LOG_LEVEL",
        "PROJECTBOT_CONTEXT_TTL",
        "TELEGRAM_API_URL",
    ):
        assert name in message


def test_webhook_settings_are_read_and_the_path_comes_from_the_url() -> None:
    settings = load_settings({**WEBHOOK_ENV, "PROJECTBOT_WEBHOOK_PORT": "8080"}, webhook=True)
    assert settings.webhook is not None
    assert settings.webhook.url_path == "telegram" and settings.webhook.port == 8080
    assert settings.webhook.listen == "0.0.0.0" and settings.webhook.secret == "s3cret_-X"
    options = telegram_app.webhook_options(settings)
    assert (
        options["secret_token"] == "s3cret_-X"
        and options["webhook_url"] == WEBHOOK_ENV["PROJECTBOT_WEBHOOK_URL"]
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PROJECTBOT_WEBHOOK_SECRET", ""),
        ("PROJECTBOT_WEBHOOK_SECRET", "has space"),
        ("PROJECTBOT_WEBHOOK_SECRET", "x" * 257),
        ("PROJECTBOT_WEBHOOK_URL", ""),
        ("PROJECTBOT_WEBHOOK_URL", "http://bot.example.org/hook"),
        ("PROJECTBOT_WEBHOOK_PORT", "99999"),
    ],
)
def test_webhook_mode_refuses_bad_settings(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        load_settings({**WEBHOOK_ENV, name: value}, webhook=True)


def test_plain_http_webhooks_are_allowed_with_a_self_hosted_api_server() -> None:
    env = {
        **WEBHOOK_ENV,
        "PROJECTBOT_WEBHOOK_URL": "http://127.0.0.1:9000/hook",
        "TELEGRAM_API_URL": "http://127.0.0.1:8081",
    }
    assert load_settings(env, webhook=True).webhook is not None


def test_run_without_a_token_exits_with_a_message_and_no_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert telegram_app.run_polling(None) == 2
    err = capsys.readouterr().err
    assert "TELEGRAM_BOT_TOKEN is not set" in err and "Traceback" not in err


def test_webhook_without_a_secret_exits_with_a_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.delenv("PROJECTBOT_WEBHOOK_SECRET", raising=False)
    monkeypatch.delenv("PROJECTBOT_WEBHOOK_URL", raising=False)
    assert telegram_app.run_webhook(None) == 2
    assert "PROJECTBOT_WEBHOOK_SECRET is not set" in capsys.readouterr().err


def test_callback_data_round_trips_and_stays_within_64_bytes() -> None:
    assert parse_callback_data(field_data("sireada", F.FUNDERS)) == FieldButton(
        "sireada", F.FUNDERS
    )
    assert parse_callback_data(project_data("border-checkpoints")) == ProjectButton(
        "border-checkpoints"
    )
    for data in (
        None,
        "",
        "x",
        "f|sireada",
        "f|sireada|nope",
        "p|Bad Id",
        "p|a|b",
        "q|sireada",
        "f|" + "a" * 70 + "|dates",
    ):
        assert parse_callback_data(data) is None


def test_buttons_whose_data_would_exceed_64_bytes_are_left_out() -> None:
    long_id = "a" * 70
    suggestions = (
        Suggestion("Funders", Action.FIELD, long_id, F.FUNDERS),
        Suggestion("Dates", Action.FIELD, "sireada", F.DATES),
        Suggestion("Share", Action.SHARE, "sireada"),
    )
    markup = suggestions_keyboard(suggestions, lambda pid: "SIREADA")
    assert markup is not None
    buttons = [b for row in markup.inline_keyboard for b in row]
    assert [b.text for b in buttons] == ["Dates", "Share"]
    assert all(len((b.callback_data or "").encode()) <= MAX_CALLBACK_BYTES for b in buttons)
    assert buttons[1].switch_inline_query == "SIREADA"
