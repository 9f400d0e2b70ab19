"""Asking the engine a conversation, for the answer tests: the last answer's kind, projects and
plain text."""

from __future__ import annotations

from bot.core.context import ChatState
from bot.core.engine import Engine
from bot.core.types import Kind, Question, Reply
from bot.render.plain import render


def last_reply(engine: Engine, *turns: str) -> Reply:
    """Ask the turns in order in one chat; the last reply."""
    state = ChatState()
    reply = None
    for turn in turns:
        reply = engine.ask(Question(turn, chat_id="dialogue"), state)
        state = reply.state
    assert reply is not None
    return reply


def ask(engine: Engine, *turns: str) -> tuple[Kind, list[str], str]:
    """Ask the turns in order in one chat; the last answer's kind, projects and text."""
    answer = last_reply(engine, *turns).answer
    return answer.kind, list(answer.projects), render(answer)


def assert_answer(
    engine: Engine, turns: tuple[str, ...], kind: Kind, first: str, fragment: str
) -> None:
    """The last answer of the conversation is of `kind`, names `first` first ("" when it names
    no project) and holds `fragment`."""
    got_kind, projects, text = ask(engine, *turns)
    assert (got_kind, projects[0] if projects else "") == (kind, first), text
    assert fragment in text, text


def assert_projects(
    engine: Engine, turns: tuple[str, ...], kind: Kind, projects: list[str], fragment: str = ""
) -> None:
    """The last answer of the conversation is of `kind`, names exactly `projects` in that order
    and holds `fragment`."""
    got_kind, got, text = ask(engine, *turns)
    assert (got_kind, got) == (kind, projects), text
    assert fragment in text, text
