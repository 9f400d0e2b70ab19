"""The knowledge base as small frozen dataclasses.

Nothing here knows about YAML or Telegram: `load.py` builds these objects from the files under
`knowledge/`, the search and answer code reads them. Every human-readable text is a `Text`, which
holds an English version and room for a Russian one, so a fact (a date, a funder) is stated once
and only the words around it are translated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import StrEnum
from operator import attrgetter
from typing import Any, TypeVar

C = TypeVar("C", bound=type)


def pickled_by_fields(cls: C) -> C:
    """Pickle instances of the frozen, slotted dataclass `cls` as a call of `cls` with its
    fields. Python's own way for such classes sets the fields one by one from Python on
    unpickling, twice as slow: and a cold start unpickles the projects helper processes read,
    a cached start the whole knowledge base."""
    names = [f.name for f in fields(cls) if f.init]
    values: Callable[[Any], tuple[Any, ...]] = (
        attrgetter(*names) if len(names) > 1 else lambda obj: (getattr(obj, names[0]),)
    )

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment]
    return cls


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Text:
    """A human-readable text in English, with an optional Russian version."""

    en: str
    ru: str | None = None

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to English when there is no translation."""
        if lang == "ru" and self.ru:
            return self.ru
        return self.en

    def variants(self) -> tuple[str, ...]:
        """Every language version, for searching."""
        return tuple(v for v in (self.en, self.ru) if v)


@pickled_by_fields
@dataclass(frozen=True, order=True, slots=True)
class Month:
    """A calendar month; the unit of the project periods on the source page."""

    year: int
    month: int

    @property
    def index(self) -> int:
        """Months since year 0, so that differences are month counts."""
        return self.year * 12 + self.month - 1

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Period:
    """The months a project ran, both ends included."""

    start: Month
    end: Month

    @property
    def months(self) -> int:
        """Duration in months, counting both the first and the last month."""
        return self.end.index - self.start.index + 1

    def active_in(self, first: Month, last: Month) -> bool:
        """Whether any month of the project falls between `first` and `last`."""
        return self.start.index <= last.index and self.end.index >= first.index


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Date:
    """A date as precise as the source gives it: a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


class Status(StrEnum):
    """Whether the source reports an activity as done or only as planned."""

    DONE = "done"
    PLANNED = "planned"


class Role(StrEnum):
    """The part an organisation played in a project. Roles are kept apart in answers."""

    GOVERNMENT_COUNTERPART = "government counterpart"
    JOINT_IMPLEMENTER = "joint implementer"
    PARTNER = "partner"
    NGO_PARTNER = "NGO partner"
    FINAL_BENEFICIARY = "final beneficiary"
    CONTRACTING_AUTHORITY = "contracting authority"
    COORDINATION = "coordination"


class OrgKind(StrEnum):
    """What sort of body an organisation is."""

    GOVERNMENT = "government"
    GOVERNMENT_AGENCY = "government agency"
    INTERNATIONAL = "international organisation"
    EU_INSTITUTION = "EU institution"
    NGO = "NGO"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Organisation:
    """A funder, partner or other body, named once in `organisations.yaml`."""

    id: str
    name: Text
    short_names: tuple[str, ...] = ()
    country: str | None = None
    kind: OrgKind | None = None
    description: Text | None = None
    established: Date | None = None
    part_of: str | None = None  # the id of a larger body: the European Commission is part of the EU


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Participation:
    """An organisation's roles in one project."""

    org: str
    roles: tuple[Role, ...]
    note: Text | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Statement:
    """One objective, component, activity or result of a project, as the source gives it."""

    text: Text
    status: Status = Status.DONE
    area: Text | None = None
    kind: str | None = None
    label: Text | None = None  # "Component One" / "Компонент 1"
    places: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Event:
    """A dated fact in a project's story: an agreement signed, a body created."""

    date: Date
    text: Text
    orgs: tuple[str, ...] = ()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Relation:
    """A link to another project of the knowledge base."""

    project: str
    kind: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Project:
    """Everything the knowledge base holds about one project."""

    id: str
    title: Text
    period: Period
    summary: Text
    description: Text
    kind: str = "project"
    acronym: str | None = None
    other_titles: tuple[Text, ...] = ()
    aliases: tuple[Text, ...] = ()
    status: str = "completed"
    programme: Text | None = None
    background: tuple[Statement, ...] = ()
    objectives: tuple[Statement, ...] = ()
    components: tuple[Statement, ...] = ()
    activities: tuple[Statement, ...] = ()
    results: tuple[Statement, ...] = ()
    partners: tuple[Participation, ...] = ()
    funders: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    iom_offices: tuple[Text, ...] = ()
    events: tuple[Event, ...] = ()
    related: tuple[Relation, ...] = ()
    source: Text | None = None

    @property
    def name(self) -> str:
        """The short name to show: the acronym where there is one, else the title."""
        return self.acronym or self.title.en

    def orgs_with_role(self, role: Role) -> tuple[str, ...]:
        """Ids of the organisations that had `role` in this project."""
        return tuple(p.org for p in self.partners if role in p.roles)


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Term:
    """An abbreviation or term used in the source, and what it stands for."""

    term: str
    meaning: Text
    variants: tuple[str, ...] = ()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class About:
    """The organisation whose projects these are, and where the facts come from."""

    name: Text
    short_name: Text
    description: Text
    source: Text
    topics: tuple[Text, ...] = ()
    #: The mission's own country: a project name that fits projects in several countries
    #: equally well means the one here ("the border checkpoints project").
    country: str | None = None


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """The whole knowledge base, as loaded and validated."""

    about: About
    projects: tuple[Project, ...]
    organisations: tuple[Organisation, ...] = ()
    glossary: tuple[Term, ...] = ()
    by_id: dict[str, Project] = field(default_factory=dict, compare=False, repr=False)
    orgs_by_id: dict[str, Organisation] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.by_id.update({p.id: p for p in self.projects})
        self.orgs_by_id.update({o.id: o for o in self.organisations})

    def project(self, project_id: str) -> Project | None:
        return self.by_id.get(project_id)

    def org(self, org_id: str) -> Organisation | None:
        return self.orgs_by_id.get(org_id)
