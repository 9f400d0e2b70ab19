"""What goes into the question-answering core and what comes out of it.

These small frozen dataclasses are the whole contract between the core and its surfaces (the
terminal chat, `ask --jsonl`, Telegram chats, inline mode). They carry no markup: a `Span` says
what a piece of text is (a project name, a label) and each renderer decides how that looks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from bot.core.context import ChatState


class Kind(StrEnum):
    """What sort of answer this is. The values are part of the `ask --jsonl` interface."""

    PROJECT = "project"
    FIELD = "field"
    LIST = "list"
    COUNT = "count"
    CLARIFY = "clarify"
    NOT_FOUND = "not_found"
    NO_INFO = "no_info"
    OUT_OF_SCOPE = "out_of_scope"
    HELP = "help"

    @property
    def is_abstention(self) -> bool:
        return self in (Kind.NOT_FOUND, Kind.NO_INFO, Kind.OUT_OF_SCOPE)


class Style(StrEnum):
    """How a span of text should stand out; renderers map it to markup."""

    PLAIN = "plain"
    STRONG = "strong"
    EMPHASIS = "emphasis"


@dataclass(frozen=True)
class Span:
    text: str
    style: Style = Style.PLAIN


@dataclass(frozen=True)
class Block:
    """A paragraph, or a bulleted list when `bullets` is set; an optional heading above it."""

    spans: tuple[Span, ...] = ()
    bullets: tuple[tuple[Span, ...], ...] = ()
    heading: str | None = None


class Action(StrEnum):
    """What a suggested button does."""

    FIELD = "field"  # show one field of a project
    PROJECT = "project"  # show a project's card
    SHARE = "share"  # share the project through inline mode


@dataclass(frozen=True)
class Suggestion:
    """A button the surface may offer under the answer."""

    label: str
    action: Action
    project: str
    field: str | None = None


@dataclass(frozen=True)
class Question:
    """One message to the bot."""

    text: str
    chat_id: int | str = 0
    lang: str | None = None


@dataclass(frozen=True)
class Answer:
    """The core's reply to one question."""

    kind: Kind
    lang: str
    blocks: tuple[Block, ...]
    projects: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    score: float = 0.0
    extra: dict[str, str] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Reply:
    """An answer and the chat state to keep for the next question."""

    answer: Answer
    state: ChatState
