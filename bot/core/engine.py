"""The question-answering core's front door: one object that every surface calls.

`Engine` ties the pieces together: `understand` turns text into a `Query`, `search` finds the
projects, `answer` composes the reply. It holds no Telegram objects and no per-chat state of its
own: the caller passes the chat's `ChatState` in and stores the one that comes back.
"""

from __future__ import annotations

from bot.core import answer as answering
from bot.core.context import DEFAULT_TTL, ChatState
from bot.core.search import Index
from bot.core.types import Answer, Question, Reply
from bot.kb.model import KnowledgeBase


class Engine:
    """Answers questions about one knowledge base."""

    def __init__(self, kb: KnowledgeBase, context_ttl: float = DEFAULT_TTL) -> None:
        self.kb = kb
        self.index = Index(kb)
        self.context_ttl = context_ttl

    def ask(self, question: Question, state: ChatState | None = None) -> Reply:
        """Answer a free-text question in the context of the chat's previous turns."""
        return answering.respond(self.index, question, state or ChatState(), self.context_ttl)

    @staticmethod
    def remember(state: ChatState, answer: Answer) -> ChatState:
        """The chat state after showing `answer` (a card or field opened by a button), so that a
        follow-up question refers to that project."""
        if not answer.projects or answer.kind.is_abstention:
            return state
        return state.touched(
            projects=answer.projects[:1],
            field=answer.fields[0] if answer.fields else None,
            lang=answer.lang,
            missing=None,
        )

    def card(self, project_id: str, lang: str = "en") -> Answer:
        """The card of one project; a polite `not_found` answer for an unknown id."""
        return answering.card(self.index, project_id, lang)

    def field(self, project_id: str, field_name: str, lang: str = "en") -> Answer:
        """One field of one project (the card's buttons)."""
        return answering.field_answer(self.index, project_id, field_name, lang)

    def projects(self, lang: str = "en") -> Answer:
        """Every project, one line each."""
        return answering.all_projects(self.index, lang)

    def about(self, lang: str = "en") -> Answer:
        """What the organisation does and where the facts come from."""
        return answering.about(self.index, lang)

    def help(self, lang: str = "en") -> Answer:
        """A short guide with example questions."""
        return answering.help_answer(self.index, lang)

    def find(self, text: str, limit: int = 50) -> list[tuple[str, float]]:
        """Project ids matching a short query (inline mode), best first, with scores 0-100."""
        return self.index.rank_projects(text, limit=limit)
