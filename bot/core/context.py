"""Per-chat conversation state: what the last answer was about, so follow-ups work.

The state is a small frozen value. Surfaces keep it wherever they keep chat data (a dict in the
terminal, python-telegram-bot's `chat_data` in Telegram, which persistence writes to disk) and
pass it back in with the next question. It expires after a while of silence.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Any, Final

#: Seconds of silence after which a chat's context is forgotten.
DEFAULT_TTL: Final = 30 * 60

_PROJECTS: Final = "projects"
_FIELD: Final = "field"
_LANG: Final = "lang"
_UPDATED: Final = "updated"
_CANDIDATES: Final = "candidates"
_DISCUSSED: Final = "discussed"
_MISSING: Final = "missing"
_MEASURE: Final = "measure"
_LISTED_BY: Final = "listed_by"
_YEAR: Final = "year"
_ORG: Final = "org"
_TOPIC: Final = "topic"

#: How many projects talked about one at a time a chat remembers ("back to the first one").
DISCUSSED_KEPT: Final = 6


@dataclass(frozen=True)
class ChatState:
    """What a chat talked about last."""

    projects: tuple[str, ...] = ()
    field: str | None = None
    lang: str | None = None
    candidates: tuple[str, ...] = ()
    updated: float = 0.0
    #: the projects answered about one at a time, in the order the chat first asked about
    #: them ("tell me about SIREADA", "and the border project?", "back to the first one")
    discussed: tuple[str, ...] = ()
    #: the kind of information the last question asked for that the page does not hold
    #: ("how many migrants returned?"), so that "and in Moldova?" gets the same answer
    missing: str | None = None
    #: what the last question ordered projects by ("start", "end" or "duration": "which of
    #: them ended first?"), so that "and the last one?", "а какой позже всех?" mean the same
    measure: str | None = None
    #: the kinds of filter the list shown was made by ("time", "org", "country", "length"):
    #: a bare "а в 2011?" after a list of 2009 asks the same of 2011, rather than narrowing
    listed_by: tuple[str, ...] = ()
    #: the one year the last question named ("which projects were active in 2011?"), for "in
    #: May that year", "в мае того же года"
    year: int | None = None
    #: the one organisation the last question was about ("what's the FMS?"), for "which
    #: projects was it involved in?", "в каких проектах она участвовала?"
    org: str | None = None
    #: the index terms of the thing the last question was about ("the movie", "фильм"), for
    #: "who was it aimed at?", "а на кого он рассчитан?"
    topic: tuple[str, ...] = ()

    def is_fresh(self, now: float | None = None, ttl: float = DEFAULT_TTL) -> bool:
        """Whether the context is recent enough to resolve "it" and "that project"."""
        current = time.time() if now is None else now
        return bool(self.projects or self.candidates) and current - self.updated <= ttl

    def touched(self, **changes: Any) -> ChatState:
        return replace(self, updated=time.time(), **changes)

    def discussing(self, project_id: str) -> tuple[str, ...]:
        """`discussed` once the chat has talked about `project_id` (kept in its first place)."""
        if project_id in self.discussed:
            return self.discussed
        return (*self.discussed, project_id)[-DISCUSSED_KEPT:]

    def to_dict(self) -> dict[str, Any]:
        """A plain dict that pickles and serialises to JSON, for persistence."""
        return {
            _PROJECTS: list(self.projects),
            _FIELD: self.field,
            _LANG: self.lang,
            _CANDIDATES: list(self.candidates),
            _UPDATED: self.updated,
            _DISCUSSED: list(self.discussed),
            _MISSING: self.missing,
            _MEASURE: self.measure,
            _LISTED_BY: list(self.listed_by),
            _YEAR: self.year,
            _ORG: self.org,
            _TOPIC: list(self.topic),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> ChatState:
        """Rebuild a state saved by `to_dict`; anything unreadable gives an empty state."""
        if not isinstance(data, dict):
            return cls()
        projects = data.get(_PROJECTS) or []
        candidates = data.get(_CANDIDATES) or []
        discussed = data.get(_DISCUSSED) or []
        missing = data.get(_MISSING)
        measure = data.get(_MEASURE)
        listed_by = data.get(_LISTED_BY) or []
        year = data.get(_YEAR)
        org = data.get(_ORG)
        topic = data.get(_TOPIC) or []
        field_name = data.get(_FIELD)
        lang = data.get(_LANG)
        updated = data.get(_UPDATED)
        return cls(
            projects=tuple(str(p) for p in projects if isinstance(p, str)),
            field=field_name if isinstance(field_name, str) else None,
            lang=lang if isinstance(lang, str) else None,
            candidates=tuple(str(p) for p in candidates if isinstance(p, str)),
            updated=float(updated) if isinstance(updated, int | float) else 0.0,
            discussed=tuple(str(p) for p in discussed if isinstance(p, str)),
            missing=missing if isinstance(missing, str) else None,
            measure=measure if isinstance(measure, str) else None,
            listed_by=tuple(str(k) for k in listed_by if isinstance(k, str)),
            year=year if isinstance(year, int) and not isinstance(year, bool) else None,
            org=org if isinstance(org, str) else None,
            topic=tuple(w for w in topic if isinstance(w, str)) if isinstance(topic, list) else (),
        )
