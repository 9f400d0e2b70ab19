"""Suggestions → inline keyboards, and the callback data behind their buttons.

Callback data, always within Telegram's 64 bytes (a button that would not fit is left out):

- `f|<project_id>|<field>`: a field of a project (`FieldButton`);
- `p|<project_id>`: a project's card (`ProjectButton`);
- `v|<question id>|+` or `v|<question id>|-`: 👍 / 👎 on a logged answer (`FeedbackButton`);
- `l|en` or `l|ru`: pin the chat's language (`LanguageButton`).

`parse_callback_data` turns data back into one of those, or None for anything malformed (old
bots' buttons, hand-made data).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import InlineKeyboardButtonLimit

from bot.core import fields as F
from bot.core.types import Action, Answer, Suggestion

logger = logging.getLogger(__name__)

FIELD_PREFIX: Final = "f"
PROJECT_PREFIX: Final = "p"
FEEDBACK_PREFIX: Final = "v"
LANGUAGE_PREFIX: Final = "l"
UP: Final = "+"
DOWN: Final = "-"
THUMBS_UP: Final = "👍"
THUMBS_DOWN: Final = "👎"
#: The languages a chat can pin, and each one's button label (in its own language).
LANGUAGES: Final = {"en": "English", "ru": "Русский"}
SEPARATOR: Final = "|"
MAX_CALLBACK_BYTES: Final = int(InlineKeyboardButtonLimit.MAX_CALLBACK_DATA)
#: Project ids as the knowledge base allows them (lower-case letters, digits, '-').
PROJECT_ID: Final = re.compile(r"[a-z0-9][a-z0-9_-]*")
#: Longest button label; Telegram shows about this much on a phone anyway.
MAX_LABEL: Final = 60
#: Field buttons per keyboard row.
ROW_WIDTH: Final = 3

#: project id → the text the Share button puts after @bot (None: no Share button).
ShareText = Callable[[str], "str | None"]


@dataclass(frozen=True)
class FieldButton:
    project: str
    field: str


@dataclass(frozen=True)
class ProjectButton:
    project: str


@dataclass(frozen=True)
class FeedbackButton:
    question_id: int
    positive: bool


@dataclass(frozen=True)
class LanguageButton:
    lang: str


ButtonData = FieldButton | ProjectButton | FeedbackButton | LanguageButton
_QUESTION_ID: Final = re.compile(r"[1-9][0-9]{0,18}")


def field_data(project_id: str, field_name: str) -> str:
    return SEPARATOR.join((FIELD_PREFIX, project_id, field_name))


def project_data(project_id: str) -> str:
    return SEPARATOR.join((PROJECT_PREFIX, project_id))


def feedback_data(question_id: int, positive: bool) -> str:
    return SEPARATOR.join((FEEDBACK_PREFIX, str(question_id), UP if positive else DOWN))


def language_data(lang: str) -> str:
    return SEPARATOR.join((LANGUAGE_PREFIX, lang))


def fits(data: str) -> bool:
    return 1 <= len(data.encode()) <= MAX_CALLBACK_BYTES


def parse_callback_data(data: object) -> ButtonData | None:
    """The button behind callback data, or None when the data is not one of ours."""
    if not isinstance(data, str) or not fits(data):
        return None
    parts = data.split(SEPARATOR)
    if parts[0] == FIELD_PREFIX and len(parts) == 3:
        _, project, field_name = parts
        if PROJECT_ID.fullmatch(project) and field_name in F.ALL:
            return FieldButton(project, field_name)
    elif parts[0] == PROJECT_PREFIX and len(parts) == 2 and PROJECT_ID.fullmatch(parts[1]):
        return ProjectButton(parts[1])
    elif (
        parts[0] == FEEDBACK_PREFIX
        and len(parts) == 3
        and _QUESTION_ID.fullmatch(parts[1])
        and parts[2] in (UP, DOWN)
    ):
        return FeedbackButton(int(parts[1]), parts[2] == UP)
    elif parts[0] == LANGUAGE_PREFIX and len(parts) == 2 and parts[1] in LANGUAGES:
        return LanguageButton(parts[1])
    return None


def short_label(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1].rstrip() + "…"


def _button(suggestion: Suggestion, share: ShareText) -> InlineKeyboardButton | None:
    label = short_label(suggestion.label)
    if suggestion.action is Action.SHARE:
        query = share(suggestion.project)
        return InlineKeyboardButton(label, switch_inline_query=query) if query else None
    if suggestion.action is Action.FIELD and suggestion.field:
        data = field_data(suggestion.project, suggestion.field)
    elif suggestion.action is Action.PROJECT:
        data = project_data(suggestion.project)
    else:
        return None
    if not fits(data):
        logger.warning("button %r left out: callback data over %d bytes", data, MAX_CALLBACK_BYTES)
        return None
    return InlineKeyboardButton(label, callback_data=data)


def suggestions_keyboard(
    suggestions: Iterable[Suggestion], share: ShareText
) -> InlineKeyboardMarkup | None:
    """Field buttons a few to a row, then project buttons one to a row, Share last."""
    fields_row: list[InlineKeyboardButton] = []
    projects: list[list[InlineKeyboardButton]] = []
    shares: list[InlineKeyboardButton] = []
    for suggestion in suggestions:
        button = _button(suggestion, share)
        if button is None:
            continue
        if suggestion.action is Action.FIELD:
            fields_row.append(button)
        elif suggestion.action is Action.PROJECT:
            projects.append([button])
        else:
            shares.append(button)
    rows = [fields_row[i : i + ROW_WIDTH] for i in range(0, len(fields_row), ROW_WIDTH)]
    rows.extend(projects)
    if shares:
        rows.append(shares)
    return InlineKeyboardMarkup(rows) if rows else None


def answer_keyboard(answer: Answer, share: ShareText) -> InlineKeyboardMarkup | None:
    return suggestions_keyboard(answer.suggestions, share)


def projects_keyboard(projects: Iterable[tuple[str, str]]) -> InlineKeyboardMarkup | None:
    """One button per (project id, label): each opens that project's card."""
    rows = [
        [InlineKeyboardButton(short_label(label), callback_data=project_data(pid))]
        for pid, label in projects
        if fits(project_data(pid))
    ]
    return InlineKeyboardMarkup(rows) if rows else None


def url_keyboard(label: str, url: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(short_label(label), url=url)]])


def with_feedback(markup: InlineKeyboardMarkup | None, question_id: int) -> InlineKeyboardMarkup:
    """`markup` with a 👍 / 👎 row last, for rating the answer logged as `question_id`."""
    row = [
        InlineKeyboardButton(THUMBS_UP, callback_data=feedback_data(question_id, True)),
        InlineKeyboardButton(THUMBS_DOWN, callback_data=feedback_data(question_id, False)),
    ]
    rows = [list(r) for r in markup.inline_keyboard] if markup is not None else []
    return InlineKeyboardMarkup([*rows, row])


def language_keyboard() -> InlineKeyboardMarkup:
    """English / Русский: pins the chat's language."""
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(name, callback_data=language_data(code))]
            for code, name in LANGUAGES.items()
        ]
    )
