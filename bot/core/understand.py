"""Question text → `Query`: what is named, what is asked, which filters apply.

Nothing here decides the answer; `answer.py` does that from the `Query`. The parser only reads:
which projects are named and how strongly, which organisations, countries and glossary terms,
which field the question asks for, time expressions, and whether it wants a list, a count, a
comparison or something the knowledge base never holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import pairwise
from operator import attrgetter
from typing import Final

from bot.core import fields as F
from bot.core import vocabulary as V
from bot.core.search import COUNTRY_PREFIX, ORG_PREFIX, Index, Mention, NameHit, Token, term
from bot.core.text import (
    cased_words,
    detect_language,
    is_cyrillic,
    spelled_years,
    stem,
    unmix,
    words,
)
from bot.kb.model import Month

_RANGE: Final = re.compile(r"\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b")
_YEAR: Final = re.compile(r"^(19|20)\d\d$")
_YEAR_END: Final = re.compile(r"^(\d\d|(19|20)\d\d)$")  # the "10" of "2009/10"

#: The words of a project named at least this strongly are the name, not the question's content.
NAMED_STRENGTH: Final = 0.7
#: Words that point back at the project of the previous answer ("it", "that project").
PRONOUNS: Final = frozenset(
    """
    it its it's that this they them their project programme он она оно его ее их этот этого этом этим тот том
    """.split()
)


@dataclass(frozen=True)
class TimeSpec:
    """A stretch of months named in the question, and how it relates to a project's period."""

    first: Month
    last: Month
    relation: str  # "in", "before", "after", "by", "from" (that or later), "until", "throughout"
    negated: bool
    positions: tuple[int, ...]
    exact: bool = False  # "Sept 2009 - April 2011": a period given month to month
    month_only: bool = False  # "in a February": the month of any year
    closes: bool = False  # "ran until February 2013": the month the period ended
    # "kicked off sept 2009 and wrapped up june 2011": the end of the period each date is of,
    # when the question dates both ends (None: the question's anchor)
    anchor: str | None = None


@dataclass(frozen=True)
class DurationSpec:
    """ "longer than two years", "exactly 24 months", "under 2 years"."""

    op: str  # "gt", "lt", "ge", "le" or "eq"
    months: int
    positions: tuple[int, ...]

    def accepts(self, months: int) -> bool:
        return compares(months, self.op, self.months)


def compares(value: int, op: str, n: int) -> bool:
    """`value` against `n` by a comparison of the question: "gt", "lt", "ge", "le" or "eq"."""
    return {
        "gt": value > n,
        "lt": value < n,
        "ge": value >= n,
        "le": value <= n,
    }.get(op, value == n)


@dataclass(frozen=True)
class Query:
    """Everything the parser read from one question."""

    text: str
    lang: str
    tokens: tuple[Token, ...]
    names: tuple[NameHit, ...]
    mentions: tuple[Mention, ...]
    fields: tuple[str, ...]
    times: tuple[TimeSpec, ...]
    anchor: str  # which end of a project the time filters apply to: "active", "start" or "end"
    reference_anchor: str | None  # which end of the project compared with ("before X started")
    count_target: str | None  # what "how many" counts: "projects" or a field
    wants_list: bool
    wants_count: bool
    negated: bool
    compare: bool
    no_info: str | None
    greeting: bool
    help: bool
    refers_back: bool
    another: bool
    residual: tuple[str, ...]
    named: tuple[str, ...] = ()  # the projects the question names, the main one first
    excluded: tuple[str, ...] = ()  # the projects it leaves out ("apart from SIREADA, …")
    describing: tuple[str, ...] = ()  # organisations that only describe ("the EU-funded …")
    ambiguous: tuple[str, ...] = ()  # projects named equally by the same words: ask which
    counted_term: str | None = None  # the term of what "how many" asks to count
    negation_at: int | None = None  # where the excluding word stands (see `negated`)
    named_terms: tuple[str, ...] = ()  # the terms of the words that named projects
    durations: tuple[DurationSpec, ...] = ()
    again: bool = False  # "same for the 2007-2010 programme": the last question, of another
    superlative: tuple[str, str] | None = None  # (measure, "min" or "max"): "started earliest"

    @cached_property
    def word_stems(self) -> frozenset[str]:
        """The stems of the question's words (before synonyms are folded)."""
        return frozenset(stem(t.word) for t in self.tokens if not t.stop)

    @property
    def field(self) -> str | None:
        return self.fields[0] if self.fields else None

    def strong_names(self, threshold: float) -> list[NameHit]:
        return [h for h in self.names if h.strength >= threshold]

    def orgs(self) -> list[str]:
        return list(dict.fromkeys(m.key for m in self.mentions if m.kind == "org"))

    def countries(self) -> list[str]:
        return list(dict.fromkeys(m.key for m in self.mentions if m.kind == "country"))

    def terms(self) -> list[str]:
        return list(dict.fromkeys(m.key for m in self.mentions if m.kind == "term"))

    def has(self, lexicon: V.Lexicon) -> bool:
        return any(lexicon.matches(t.word) for t in self.tokens)

    @property
    def is_empty(self) -> bool:
        """Nothing asked: only function words, and no field ("what did it do?" asks one)."""
        return not self.fields and not self.residual and not any(not t.stop for t in self.tokens)


#: "… and who funded it?", "… и когда подписали соглашение?": a second question joined on.
_AND_THEN_ASKS: Final = re.compile(
    r"(?:,\s*|\s)(?:and|и|а)\s+(?=(?:who|whom|when|what|which|how|where|why|кто|кем|когда|что|как|где|"
    r"куда|сколько|чем|зачем|почему|какие|какой|какая|каким)\b)",
    re.IGNORECASE,
)
#: The words of "which project", "какой проект": a question that picks one project.
_WHICH: Final = frozenset(
    "which what wich какой какая какое каком какие каких каким какими который которая которой".split()
)
_PROJECT_TERMS: Final = frozenset({"project", "programm", "проект", "программ"})


def two_questions(index: Index, text: str) -> tuple[str, str] | None:
    """ "which project had study tours to Austria and who paid for it?": the question that picks
    the project, and the one asked about it, when a message holds both; None otherwise."""
    joint = _AND_THEN_ASKS.search(text)
    if joint is None:
        return None
    first, second = text[: joint.start()].strip(), text[joint.end() :].strip()
    tokens = index.tokens(first)
    if not picks_a_project(tokens) or len(tokens) < 3 or len(second.split()) < 2:
        return None
    return first, second


def picks_a_project(tokens: Sequence[Token]) -> bool:
    """ "which (later) project …", "what programme …", "какой проект …": a project asked for."""
    return any(
        t.word in _WHICH and any(x.term in _PROJECT_TERMS for x in tokens[i + 1 : i + 3])
        for i, t in enumerate(tokens)
    )


#: "@projectbot" in a group message: an address, not a word of the question.
_MENTION: Final = re.compile(r"(?<![\w.])@\w+")


def parse(index: Index, text: str, lang: str | None = None) -> Query:
    text = unmix(_MENTION.sub(" ", text))  # (and "Пскoвский" with a Latin "o" is read)
    text = spelled_years(text)  # "twenty eleven": 2011
    text = _without_asides(text)  # "…? I think it ended in 2010, but I'm not sure": no filter
    text = _VERY_SAME.sub(r"\1 same \2", text)  # "that very month": that same month
    text = _THAT_SAME.sub(r"\1", text)  # "did that same programme …": that programme
    text = _ONLY_N.sub("", text)  # "only two of the four projects": a count, not "solely"
    tokens = tuple(index.tokens(text))
    # Russian typed in Latin letters ("kto finansiroval SIREADA") is answered in Russian
    transliterated = sum(1 for t in tokens if t.surface.isascii() and is_cyrillic(t.word))
    language = lang or ("ru" if transliterated else detect_language(text))
    names = ranked_names(index.name_hits(tokens).values())
    cased = cased_words(text)  # the words as written, for codes and abbreviations in capitals
    mentions = _qualified(
        index, [*index.mentions(tokens), *_country_codes(index, text, cased, tokens)]
    )
    asker = _asker_positions(tokens) | _purpose_positions(tokens)
    # "as an officer of the Ukrainian border service, ...": who asks, not what is asked about
    mentions = [m for m in mentions if not (set(m.positions) & asker)]
    accepted, ambiguous = _accepted_names(index, names, tokens, mentions)
    name_positions = {p for h in accepted for p in h.positions}
    # a title quoted with words of its own changed: all its words are the name's
    name_positions |= _quoted_around(text, tokens, name_positions)
    # "apart from SIREADA, which projects …": a project left out, not asked about
    excepted = [h for h in accepted if _excepted(tokens, min(h.positions))]
    accepted = [h for h in accepted if h not in excepted]
    times, time_positions = _times(text, tokens)
    times = [_year_of_a_project(s, tokens) for s in times]
    durations = _durations(tokens)
    duration_positions = {p for d in durations for p in d.positions}
    # "the 2007-2010 programme", "… Administrative Framework (2007-2010)": the years of a name
    name_ends = {max(h.positions) for h in accepted if h.strength >= NAMED_STRENGTH}
    named_times = [
        s
        for s in times
        if set(s.positions) & name_positions
        or (min(s.positions) - 1 in name_ends and s.first.year != s.last.year and "(" in text)
    ]
    times = [s for s in times if s not in named_times]
    time_positions |= {p for s in named_times for p in s.positions}
    mention_positions = {p for m in mentions for p in m.positions}
    named_entity_positions = {
        p
        for m in mentions
        if m.kind in ("org", "country") and len(m.positions) > 1
        for p in m.positions
    }

    fields: list[str] = []
    cue_positions: set[int] = set()
    described = _describing_participles(tokens, mentions, name_positions)
    described |= _time_following(tokens)  # "the year following": after, not a follow-up
    described |= _relative_where(tokens)  # "the project where …": which project, not a place
    # "which projects named a final beneficiary": mentioned one, no title asked
    described |= {
        a.position
        for a, b in pairwise(tokens)
        if a.word in ("named", "name", "names") and b.word in ("a", "an", "the", "any", "no")
    }
    for t in tokens:
        if t.position in named_entity_positions or t.position in name_positions:
            continue  # the "Office" of "Home Office", the "Implementation" of a title: no field
        if t.position in described:
            continue  # the "funded" of "the EU-funded border project": which project, not a field
        if t.position in asker:
            continue  # "I am compiling an overview of …": the asker's work, not a field asked
        for key, lexicon in V.FIELD_CUES.items():
            if lexicon.matches(t.word):
                if key not in fields:
                    fields.append(key)
                cue_positions.add(t.position)
    for a, b in pairwise(tokens):  # "part of": the programme a project belongs to
        after = [t for t in tokens if t.position > b.position and not t.stop][:2]
        # "how many projects was the FMS part of": an organisation was part of projects
        an_org_was = not after and not name_positions and any(m.kind == "org" for m in mentions)
        # "which IOM project were they part of": a project is asked for, not a programme
        which_project = any(
            t.word in PROJECT_WORDS
            and t.position < a.position
            and any(
                w.word in ("which", "what", "какой", "каком") for w in tokens[max(0, i - 3) : i]
            )
            for i, t in enumerate(tokens)
        )
        of_a_project = (
            an_org_was
            or which_project
            or (
                bool(after)
                and (
                    after[0].position in name_positions  # "part of SIREADA"
                    # "part of any IOM project": a project, not a programme
                    or any(t.word in PROJECT_WORDS for t in after)
                )
            )
        )
        if a.word == "part" and b.word == "of" and F.PROGRAMME not in fields and not of_a_project:
            fields.append(F.PROGRAMME)
            cue_positions.update((a.position, b.position))
    # ("what happened in Chernihiv": with an organisation of that name, the organisation)
    happened = _asks_what_happened(tokens) and not any(m.kind == "org" for m in mentions)
    if F.ACTIVITIES not in fields and (_asks_what_was_done(tokens) or happened):
        fields.append(F.ACTIVITIES)
    # "final beneficiary", "конечный бенефициар": the role's own adjective, no topic
    cue_positions |= {
        a.position
        for a, b in pairwise(tokens)
        if b.position in cue_positions
        and a.word.startswith(("final", "конечн"))
        and V.FIELD_CUES[F.BENEFICIARY].matches(b.word)
    }
    with_whom = [
        (a, b) for a, b in pairwise(tokens) if (a.word, b.word) in (("с", "кем"), ("with", "whom"))
    ]
    if with_whom and F.PARTNERS not in fields:  # "а с кем?": who it was done with
        fields.append(F.PARTNERS)
        cue_positions.update(t.position for pair in with_whom for t in pair)
    parts = [t for t in tokens if t.word == "parts" and t.position not in name_positions]
    if parts and F.COMPONENTS not in fields:  # "what were the four parts of the project"
        fields.append(F.COMPONENTS)
        cue_positions.update(t.position for t in parts)
    did = [t for t in tokens if t.word.startswith(("делал", "сделал"))]
    if did and F.ACTIVITIES in fields and any(m.kind == "org" for m in mentions):
        # "проект по пунктам пропуска ведь с ФМС делали?": who it was done with
        fields[fields.index(F.ACTIVITIES)] = F.PARTNERS
        fields = list(dict.fromkeys(fields))
    mentioned = {m.positions[-1] for m in mentions if m.kind in ("term", "org")}
    before: Token | None = None
    for a, b in pairwise(tokens):  # "its full name", "what is SIREADA short for"
        short_for = (a.word, b.word) == ("short", "for")
        if (a.word, b.word) in (("full", "form"), ("full", "forms")) and mentioned:
            # "IOM and RF - full forms please": what the abbreviations stand for
            if F.MEANING not in fields:
                fields.append(F.MEANING)
            cue_positions.update((a.position, b.position))
        elif (
            short_for
            and before is not None
            and (
                before.position in mentioned - name_positions
                # "FMS in the mechanisms project - what's that short for"
                or (before.word in ("that", "it", "this") and mentioned - name_positions)
            )
        ):
            # "what's IOM short for": an abbreviation's meaning, not a project's title
            if F.MEANING not in fields:
                fields.append(F.MEANING)
            cue_positions.update((a.position, b.position))
        elif ((a.word, b.word) == ("full", "name") or short_for) and F.TITLE not in fields:
            fields.append(F.TITLE)
            cue_positions.update((a.position, b.position))
        before = a
    part = _which_part(tokens)
    if part is not None:
        # "which component dealt with international cooperation": a component is asked for;
        # the cue words after it ("cooperation") say which one, they ask for no other field
        at, part_field = part
        for t in tokens:
            if t.position > at and t.position in cue_positions:
                cue_positions.discard(t.position)
                fields = [
                    f for f in fields if f == part_field or not V.FIELD_CUES[f].matches(t.word)
                ]
    if F.RELATED in fields and _tie_to_a_place_or_body(tokens, mentions):
        fields.remove(F.RELATED)  # "projects with any link to Germany": any tie, no follow-up
    # "what did SIREADA want to achieve", "что должен был достичь": an aim, not a result
    meant = F.RESULTS in fields and (
        any(
            V.FIELD_CUES[F.RESULTS].matches(b.word) and a.word in _MEANT_TO
            for a, b in pairwise(t for t in tokens if t.word not in ("to", "ли", "был", "была"))
        )
        # "what outcome was SIREADA intended to promote?"
        or any(
            a.word in ("intended", "meant", "supposed", "aimed") and b.word == "to"
            for a, b in pairwise(tokens)
        )
    )
    if meant:
        fields[fields.index(F.RESULTS)] = F.OBJECTIVES
        fields = list(dict.fromkeys(fields))
    partner_cues = [
        t
        for t in tokens
        if t.position in cue_positions and V.FIELD_CUES[F.PARTNERS].matches(t.word)
    ]
    # "the analytical work", "the work on the algorithm": the noun, not "worked with"
    work_noun = {
        b.position
        for a, b in pairwise(tokens if F.PARTNERS in fields else ())
        if b.word == "work"
        and (a.word == "the" or (not a.stop and a.position not in cue_positions))
    }
    if (
        F.PARTNERS in fields
        and partner_cues
        and all(
            (t.word in ("involve", "involves") and tokens[0].word == "what")
            or t.position in work_noun
            for t in partner_cues
        )
    ):
        # "what did the refurbishment involve?": what it consisted of, not who took part
        fields.remove(F.PARTNERS)
    if F.RELATED not in fields and _the_earlier_one(tokens):
        fields.append(F.RELATED)  # "what was that earlier one called": the linked project
    if F.RELATED not in fields and _asks_identity(tokens):
        fields.insert(0, F.RELATED)  # "is X just another name for Y?": how they are linked
    title_at = min(
        [
            *(t.position for t in tokens if t.position in cue_positions and t.word in _TITLE_WORDS),
            *(a.position for a, b in pairwise(tokens) if (a.word, b.word) == ("short", "for")),
        ],
        default=None,
    )
    if (
        title_at is not None
        and F.TITLE in fields
        and not name_positions
        and any(m.kind == "org" for m in mentions)
        and not any(
            (t.word in PROJECT_WORDS or t.word in _PROGRAMME_WORDS)
            and (t.position > title_at or prev.word not in ("which", "what"))
            for prev, t in pairwise(tokens)
        )
    ):
        # "what's UKBA's full name", "UKBA - which project were they in, and what's the full
        # name": the organisation's name, not a project's ("full name of the FMS project", "the
        # FMS joint project launched in 2009 - full name?")
        fields[fields.index(F.TITLE)] = F.MEANING
    elif title_at is not None and F.TITLE in fields and name_positions:
        # "EC delegation in the border checkpoints project - full name pls", "the checkpoints
        # project mentions an 'EC delegation' - whats the full name of that": an organisation
        # named in the question, first or last, is what the full name is asked of
        by_position = {t.position: t for t in tokens}
        org_at = [
            min(m.positions)
            for m in mentions
            if m.kind == "org"  # (not the "EC" of "the EC thematic programme")
            and (max(m.positions) + 1 not in by_position or by_position[max(m.positions) + 1].stop)
        ]
        named_at = min(name_positions)
        that = [t.word for t in tokens[title_at + 1 : title_at + 3]] in (
            ["of", "that"],
            ["of", "it"],
        )
        # "the full name of the FMS", "the full name of this institution"
        after = [t for t in tokens[title_at + 1 : title_at + 4] if t.word not in _THE_THIS]
        of_org = (
            bool(after)
            and after[0].word == "of"
            and len(after) > 1
            and (after[1].position in org_at or after[1].word in _BODIES)
        )
        # "Rosgranitsa is short for …": the organisation right before is what is spelt out
        subject = any(
            m.kind == "org"
            and max(m.positions) < title_at
            and all(
                by_position[p].stop
                for p in range(max(m.positions) + 1, title_at)
                if p in by_position
            )
            for m in mentions
        )
        if (
            of_org
            or subject
            or (org_at and (min(org_at) < named_at or (that and max(org_at) > named_at)))
        ):
            fields[fields.index(F.TITLE)] = F.MEANING
    if F.TITLE in fields and _full_name_of_an_org(tokens, mentions):
        # "Росграница — как полностью называется?", "Rosgranitsa: full name?": the
        # organisation's name, not a project's title
        fields[fields.index(F.TITLE)] = F.MEANING
    if F.MEANING not in fields and _whats_that(tokens, mentions):
        fields.insert(0, F.MEANING)  # "UKBA in SIREADA - whats that, and what were the dates"
    if _parent_body_asked(tokens, mentions):
        # "the UK Border Agency - which government body was it part of?", "which department
        # is it under": the organisation's full name says it, not a programme
        fields = [F.MEANING, *(f for f in fields if f not in (F.PROGRAMME, F.MEANING))]
    if not fields and _which_body(tokens):
        fields.append(F.PARTNERS)  # "which Russian agency did IOM run it with"
    fields = _rank_fields(fields, tokens)
    if _who_ran(tokens) and F.IMPLEMENTERS not in fields:  # "who ran the 2007 programme"
        fields.insert(0, F.IMPLEMENTERS)
    if F.IMPLEMENTERS not in fields and _role_of_the_implementer(index, tokens, mentions):
        fields.append(F.IMPLEMENTERS)  # "what was IOM's role in the border project?"
    if not fields and _what_is(tokens, mentions, name_positions):  # "what is AVRR"
        fields.append(F.MEANING)
    elif F.MEANING not in fields and _asks_abbreviation(cased, tokens, mentions):
        fields.insert(0, F.MEANING)  # "… part of an 'EC thematic programme' - what's EC?"

    words = [t.word for t in tokens]
    # "I read that SIREADA worked with two NGOs - right?": the number is to be checked
    target = _count_target(words) or (_claimed_target(words) if checks_a_claim(text) else None)
    wants_count = target == PROJECTS or (
        target is None
        and (
            _how_many(words) or any(w.startswith("скольк") for w in words) or _claimed_count(words)
        )
    )
    counted_field = F.PARTNERS if target == "ngo" else target  # "how many NGOs": partners
    if counted_field not in (None, PROJECTS):
        # "how many countries did SIREADA work in": the countries, not the partners of "work"
        fields = [counted_field, *(f for f in fields if f != counted_field)]
    wants_list = _wants_list(tokens, name_positions)
    own_voice = any(w in OWN_VOICE for w in words)
    no_info = _no_info(tokens, words, _outside_own_voice(text) if own_voice else words)
    if (
        no_info is None
        and _who_ran(tokens)
        and not name_positions
        and any(m.kind == "org" for m in mentions)
    ):
        no_info = "people"  # "кто руководил ФМС в 2010 году?": a person heading an organisation
    structural = (
        V.LIST_CUES,
        V.COUNT_CUES,
        V.NEGATION,
        V.COMPARE,
        V.LONGER,
        V.SHORTER,
        V.OVERLAP,
        V.GAP,
        V.MOST,
        V.ANOTHER,
        V.ROLE_CHECK,
        V.PLANNED,
        V.GREETING,
        V.HELP,
        V.START_WORDS,
        V.END_WORDS,
        V.BEFORE_WORDS,
        V.AFTER_WORDS,
        V.END_OF_WORDS,
        V.START_OF_WORDS,
        V.ACTIVE_WORDS,
        V.INVOLVED,
        V.MENTIONED,
        V.ORDERING,
    )
    residual: list[str] = []
    vague = _vague_time_positions(tokens)
    modifiers = _modifier_positions(tokens)
    one_way = _one_way_or_another(tokens)
    vague |= one_way  # "in one way or another": no topic, and no "other project"
    # the "don" of "don't" (not the Don of the Don centre)
    contracted = {a.position for a, b in pairwise(tokens) if a.word == "don" and b.word == "t"}
    contracted |= _scope_numbers(tokens)  # and the "four" of "how many of the four projects"
    contracted |= described  # and the "funded" of "the EU-funded border checkpoints project"
    contracted |= asker  # and "as an officer of the Ukrainian border guard service"
    # "what kinds of people", "which type of training", "какого рода помощь": the kind asked,
    # not a topic
    contracted |= {
        a.position
        for a, b in pairwise(tokens)
        if a.word in ("kind", "kinds", "type", "types", "sort", "sorts") and b.word == "of"
    } | {
        b.position
        for a, b in pairwise(tokens)
        if a.word in ("какого", "какой", "какие", "каких")
        and b.word in ("рода", "вида", "типа", "виды", "типы", "вид", "тип")
    }
    # "in what capacity did Germany take part", "в каком качестве": a role asked, not a topic
    contracted |= {
        c.position
        for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False)
        if a.word == "in" and b.word in ("what", "which") and c.word == "capacity"
    } | {b.position for a, b in pairwise(tokens) if a.word == "каком" and b.word == "качестве"}
    # "in May that year", "в мае того же года": the year just named, not a topic
    contracted |= {
        b.position
        for a, b in pairwise(tokens)
        if (a.word, b.word) in (("that", "year"), ("same", "year"))
    } | {
        c.position
        for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False)
        if (a.word, b.word) == ("того", "же") and c.word.startswith(("год", "месяц"))
    }
    # "at the time it started", "at that time": when, not a topic
    contracted |= {
        c.position
        for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False)
        if a.word == "at" and b.word in ("the", "that") and c.word == "time"
    }
    # "in the field of building the capacity …", "in the area of": a heading follows
    contracted |= {
        b.position
        for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False)
        if a.word == "the" and b.word in ("field", "area", "sphere", "domain") and c.word == "of"
    }
    # "a quick rundown", "a short overview": how to answer, not what about
    contracted |= {
        a.position
        for a, b in pairwise(tokens)
        if a.word in _BRIEF and (V.FIELD_CUES[F.SUMMARY].matches(b.word) or b.word == "question")
    }
    # "the UK government", "правительство Германии": the country as a state, not a topic
    country_at = {p for m in mentions if m.kind == "country" for p in m.positions}
    contracted |= {
        t.position
        for t in tokens
        if t.word in _GOVERNMENT_WORDS
        and ({t.position - 1, t.position - 2} & country_at or {t.position + 1} & country_at)
    }
    # "an official final beneficiary": an adjective, not the officials of "FMS officials"
    contracted |= {
        a.position
        for a, b in pairwise(tokens)
        if a.word == "official" and not b.stop and b.word.isalpha()
    }
    for t in tokens:
        if t.stop or t.position in name_positions or t.position in mention_positions:
            continue
        if t.position in vague or t.position in contracted:  # "active at some point in 2010"
            continue
        if t.position in time_positions or t.position in cue_positions:
            continue
        if t.word in V.SEVERAL:
            continue  # "which project had several donors?": how many, not what about
        if t.word in _HAPPENED and t.word != "было" and _asks_what_happened(tokens):
            continue  # "what happened in Austria": what was done there, no topic
        if t.word.isdigit() and t.position in duration_positions:
            continue  # the "2" of "longer than 2 years" ("two" is a number word, left out below)
        # ("помощь" asks how to use the bot, unless a project is named: "какого рода помощь …
        # предусматривал проект по КПП?" asks what help the project gave)
        help_given = t.word == "помощь" and bool(name_positions)
        if (
            (
                t.position not in modifiers
                and not help_given
                and any(lex.matches(t.word) for lex in structural)
            )
            or t.word in V.MONTHS
            or t.word in V.SEASONS
        ):
            continue
        residual.append(t.term)

    def words_before(position: int) -> str:
        return tokens[position - 1].word

    # the positions of a project's title written out (most of it), not of a short alias
    titled = {p for h in accepted if len(h.positions) >= _TITLE_LENGTH for p in h.positions}
    asked_kind = {  # "which EU member states sent experts": the kind of answer, not a topic
        m.positions
        for m in mentions
        if m.kind == "term"
        and len(m.positions) >= 2  # (not the "EC" of "which EC programme")
        and m.positions[0] > 0
        and words_before(m.positions[0]) in _WHICH
    }
    for m in mentions:
        if m.positions in asked_kind:
            continue
        if m.kind == "term":  # the abbreviation and the words it stands for
            residual.extend(
                t.term for t in tokens if t.position in m.positions and t.term not in V.GENERIC
            )
            entry = index.glossary_entry(m.key)
            also_named = any(o.positions == m.positions for o in mentions if o.kind != "term")
            if also_named:  # "EU" is the organisation: its org: term stands for it
                residual = [
                    t
                    for t in residual
                    if t not in {x.term for x in tokens if x.position in m.positions}
                ]
            naming = set(m.positions) <= name_positions  # "the AVRR project" names it
            if (
                entry is not None
                and not also_named
                and not naming
                and m.key.lower() not in V.GENERIC
            ):
                # "EU-RF" also finds "European Union - Russian Federation"
                residual.extend(sorted(index.analyse_query(entry.meaning.en)))
        elif set(m.positions) <= titled:
            continue  # the "EC" of a quoted title ("Support to Implementation of EC …")
        elif m.kind == "org" and m.positions[-1] + 1 not in described:
            # (not the EU of "the EU-funded border checkpoints project": it says which one)
            residual.append(ORG_PREFIX + m.key)
        elif m.kind == "country":
            residual.append(COUNTRY_PREFIX + m.key)

    content = [t for t in tokens if not t.stop]
    if F.MEANING not in fields and _ABBREVIATION_EQUALS.search(text):
        # "FMS = ? in the readmission mechanisms project": what it stands for (beside the
        # fields asked), unless other words ask about something else ("the IML courses …
        # IML = ? and who were they for")
        mentioned = {p for m in mentions for p in m.positions} | name_positions
        if not any(
            t.position not in mentioned
            and t.term not in V.GENERIC
            and t.word not in _ROLE_WORDS
            and not any(lexicon.matches(t.word) for lexicon in V.FIELD_CUES.values())
            for t in content
        ):
            fields.insert(0, F.MEANING)
    greeting = any(V.GREETING.matches(t.word) for t in tokens)
    help_asked = (
        any(t.word in ("help", "помощь", "помоги", "commands", "команды") for t in tokens)
        and not residual  # "can you help me apply for a work permit": a question, not /help
    ) or (
        bool(content)
        and all(V.HELP.matches(t.word) or V.GREETING.matches(t.word) for t in content)
        and not (fields and _asks_when_or_which(words))  # "when did it start?": a question
    )
    anchors = _anchors(tokens, time_positions | duration_positions)
    negation_at = _negation_at(tokens)
    if negation_at is not None and any(
        negation_at < min(h.positions) <= negation_at + 3 for h in excepted
    ):
        negation_at = None  # "кроме SIREADA": spent on the project left out
    words_all = [t.word for t in tokens]
    if any(
        a in ("still", "всё", "все", "ещё", "еще")
        and b
        in (
            *("going", "running", "active", "ongoing", "underway", "on", "шли", "шёл", "работали"),
            *("продолжались", "продолжался", "продолжалась", "действовали", "длились"),
        )
        # (not "which projects started while it was still running": the reference's)
        and not {"while", "пока"} & set(words_all[:i])
        for i, (a, b) in enumerate(pairwise(words_all))
    ):
        # "once the border project ended, which projects were still going": the question's
        # own projects were active; the verb before is the reference's
        anchors = ["active", *(a for a in anchors if a != "active")]
    if times and times[0].closes:  # "the project that ran until February 2013"
        anchors = ["end", *(a for a in anchors if a != "end")]
    elif times and anchors[:1] == ["active"]:
        # "which projects run with the FMS started after 2008": the verb of the date
        leading = [t for t in tokens if t.position < min(times[0].positions)]
        near = _anchors(tuple(leading[-3:]), time_positions)
        if near[-1:] in (["start"], ["end"]):
            anchors = [near[-1], *(a for a in anchors if a != near[-1])]
    # "same for the 2007-2010 programme", "то же самое про SIREADA": the last question again
    same_for = {
        i
        for i, w in enumerate(words)
        if w in ("same", "самое", "же") and words[i + 1 : i + 2] in _SAME_FOR
    }
    # "what else did it do?", "что ещё там делали?": more of the same project, not another one
    refers_back = any(t.surface in PRONOUNS for t in tokens)
    more_of_it = {
        b.position
        for a, b in pairwise(tokens)
        if refers_back and b.word in ("else", "ещё", "еще") and a.word in _WH_WORDS
    }
    # "which other Ukrainian ministry", "any other donor": another organisation, same project
    words_all = [t.word for t in tokens]
    more_of_it |= {
        i
        for i, w in enumerate(words_all)
        if V.ANOTHER.matches(w) and any(x in _OTHER_BODIES for x in words_all[i + 1 : i + 3])
    }
    # "а он ещё шёл весной 2011?": "still" before a verb of running, no other project
    more_of_it |= {
        i
        for i, w in enumerate(words_all)
        if w in ("ещё", "еще") and words_all[i + 1 : i + 2] and _lasted(words_all[i + 1])
    }
    return Query(
        text=text,
        lang=language,
        tokens=tokens,
        names=tuple(names),
        mentions=tuple(mentions),
        fields=tuple(fields),
        times=tuple(times),
        anchor=anchors[0] if anchors else "active",
        reference_anchor=anchors[1] if len(anchors) > 1 else None,
        count_target=target,
        wants_list=wants_list,
        wants_count=wants_count,
        negated=negation_at is not None,
        negation_at=negation_at,
        compare=any(V.COMPARE.matches(w) for i, w in enumerate(words) if i not in same_for),
        again=bool(same_for),
        no_info=no_info,
        greeting=greeting,
        help=help_asked,
        refers_back=refers_back,
        another=any(
            V.ANOTHER.matches(t.word) for t in tokens if t.position not in one_way | more_of_it
        ),
        residual=tuple(dict.fromkeys(residual)),
        durations=tuple(durations),
        superlative=_superlative(tokens, time_positions),
        named=tuple(h.project for h in accepted),
        excluded=tuple(h.project for h in excepted),
        describing=tuple(
            dict.fromkeys(
                m.key
                for m in mentions
                if m.kind == "org"
                and (
                    max(m.positions) + 1 in described
                    # "the rosgranitsa checkpoints project": a word of the project's name
                    or set(m.positions) <= name_positions
                )
            )
        ),
        ambiguous=tuple(h.project for h in ambiguous),
        counted_term=term(counted) if (counted := _counted_word(words)) else None,
        named_terms=tuple(
            dict.fromkeys(t.term for t in tokens if t.position in name_positions and not t.stop)
        ),
    )


#: Clauses in the asker's own voice ("we are planning something similar in Turkmenistan - …").
OWN_VOICE: Final = frozenset("we our ours us мы нас наш наша наше наши нашей нашем".split())
#: Where a message breaks into clauses.
CLAUSES: Final = re.compile(r"[.!?;:,()\u2014\u2013]|\s-\s")


#: How a clause in the asker's own voice begins: what they half-remember, not what they ask.
_ASIDES: Final = (
    ("i", "think"),
    ("i", "believe"),
    ("i", "guess"),
    ("i", "remember"),
    ("i", "recall"),
    ("i", "m", "not", "sure"),
    ("i", "am", "not", "sure"),
    ("not", "sure"),
    ("if", "i", "remember"),
    ("if", "i", "recall"),
    ("если", "я", "правильно", "помню"),
    ("если", "не", "ошибаюсь"),
    ("кажется",),
    ("по", "моему"),
    ("я", "думаю"),
    ("я", "помню"),
)
#: The words one of them needs (a quick test before the clauses are read).
_ASIDE_WORDS: Final = (
    "think",
    "believe",
    "guess",
    "remember",
    "recall",
    "sure",
    "помню",
    "ошибаюсь",
    "кажется",
    "моему",
    "думаю",
)
#: Words that may open such a clause: "but I think", "though I'm not sure", "а кажется".
_ASIDE_OPENERS: Final = frozenset("but and though although so но а и хотя".split())


def _without_asides(text: str) -> str:
    """The question without the clauses in the asker's own voice that follow it ("what was
    running in January 2010? I think the older programme hadn't quite ended yet, but I'm not
    sure", "какие проекты, если я правильно помню, шли одновременно с SIREADA"): hedges and
    half-memories, whose words would filter or negate the list asked for. A clause that opens
    the message ("I think one project started in 2011 - which one?") is the question itself."""
    lowered = text.lower()
    if not any(w in lowered for w in _ASIDE_WORDS):
        return text
    parts = re.split(r"([.!?;,()\u2014\u2013]|\s-\s)", text)
    clauses = parts[0::2]
    asked = False
    kept: list[str] = []
    for i, clause in enumerate(clauses):
        ws = words(clause)
        while ws and ws[0] in _ASIDE_OPENERS:
            ws = ws[1:]
        aside = any(tuple(ws[: len(a)]) == a for a in _ASIDES)
        if not (aside and asked):
            kept.append(clause)
            if i < len(parts) // 2:
                kept.append(parts[2 * i + 1])
        asked = asked or any(w in _ASKING for w in ws) or "?" in parts[2 * i + 1 : 2 * i + 2]
    return "".join(kept) if any(words(k) for k in kept) else text


def _outside_own_voice(text: str) -> list[str]:
    """The words of the clauses not in the asker's own voice (all of them when every clause
    is: "which projects did we take part in")."""
    clauses = [words(c) for c in CLAUSES.split(text)]
    kept = [w for ws in clauses if not any(x in OWN_VOICE for x in ws) for w in ws]
    return kept or [w for ws in clauses for w in ws]


_QUARTERS: Final = {"q1": 1, "q2": 2, "q3": 3, "q4": 4}
_NTH: Final = {
    **dict.fromkeys(["first", "1st", "первом", "первый", "первое", "первая"], 1),
    **dict.fromkeys(["second", "2nd", "втором", "второй", "второе", "вторая"], 2),
    **dict.fromkeys(["third", "3rd", "третьем", "третий"], 3),
    **dict.fromkeys(["fourth", "4th", "четвертом", "четвёртом", "четвертый", "четвёртый"], 4),
}
_QUARTER_WORDS: Final = frozenset("quarter квартал квартале квартала".split())
_HALF_WORDS: Final = frozenset("half полугодие полугодии полугодия половине половина".split())


def _part_of_year(words: list[str], i: int) -> tuple[tuple[int, int], int] | None:
    """The months of a quarter or a half of the year at words[i] ("Q3 2011", "the third quarter
    of 2011", "the second half of 2010", "во втором полугодии 2010 года"), and where its
    words begin; None if the year has none before it."""
    prev = words[i - 1] if i >= 1 else ""
    if prev in _QUARTERS:
        n = _QUARTERS[prev]
        return (3 * n - 2, 3 * n), i - 1
    # "Q3" is read as two words, "q" (shorthand for "question") and "3"
    if prev in ("1", "2", "3", "4") and i >= 2 and words[i - 2] in ("q", "question"):
        n = int(prev)
        return (3 * n - 2, 3 * n), i - 2
    at = i - 1
    if prev == "of":  # "the third quarter of 2011"
        at = i - 2
    if at < 1 or words[at - 1] not in _NTH:
        return None
    n = _NTH[words[at - 1]]
    if words[at] in _QUARTER_WORDS:
        return (3 * n - 2, 3 * n), at - 1
    if words[at] in _HALF_WORDS and n <= 2:
        return (6 * n - 5, 6 * n), at - 1
    return None


#: What became of an organisation later: the page tells nothing of it.
_ENDED_LATER: Final = frozenset(
    "dissolved abolished disbanded liquidated defunct merged reorganised reorganized".split()
)
_ENDED_LATER_RU: Final = ("упразднен", "упразднён", "ликвидирован", "расформирован")


#: The middle of a year: "mid-2012", "the middle of 2012", "в середине 2012 года".
_MIDDLE: Final = frozenset("mid middle середине середина середины".split())

#: A quotation of eight characters or more: «…», "…", '…', “…”.
_QUOTE: Final = re.compile(r"(?:^|\s)['\"“«‘]([^'\"”»’]{8,}?)['\"”»’](?=\s|$|[?.,!:;—-])")


def quotations(text: str, tokens: Sequence[Token]) -> Iterator[tuple[str, int, int]]:
    """Each quotation of the question found among its words: the quoted text, and where its
    words begin and end in `tokens`."""
    surfaces = [t.surface for t in tokens]
    for quote in _QUOTE.findall(text):
        quoted = words(quote)
        n = len(quoted)
        start = next((i for i in range(len(surfaces)) if surfaces[i : i + n] == quoted), None)
        if start is not None:
            yield quote, start, start + n


def _quoted_around(text: str, tokens: tuple[Token, ...], named: set[int]) -> set[int]:
    """The positions of every word of a quotation in which a name was found ("«Содействие
    Правительству … соглашений о реадмиссии» — какие учебные материалы": the quotation is
    the title, none of its words is the topic)."""
    found: set[int] = set()
    if not named:
        return found
    for _quote, start, end in quotations(text, tokens):
        span = {t.position for t in tokens[start:end]}
        if len(span & named) * 2 >= len([t for t in tokens[start:end] if not t.stop]):
            found |= span
    return found


#: "only" before a number of projects ("only two of the four projects were funded by the EU?")
#: counts them; it does not say "funded solely by".
_ONLY_N: Final = re.compile(
    r"\b(?:only|just|только|лишь)\s+(?=(?:\d{1,2}|one|two|three|four|one|один|одна|одного|два|"
    r"две|двух|три|трёх|трех|четыре)\s+(?:of|из|projects|programmes|проект))",
    re.IGNORECASE,
)

#: "that very month", "the very same year": the same one.
_VERY_SAME: Final = re.compile(
    r"\b(that|the|this)\s+very\s+(?:same\s+)?(month|year|day|week|time|period)\b", re.IGNORECASE
)

#: "that same", "this same": the one just talked about, compared with nothing.
#: ("started that same month" still compares two dates)
_THAT_SAME: Final = re.compile(
    r"\b(that|this)\s+same\b(?!\s+(?:month|year|day|week|time|period))", re.IGNORECASE
)

#: Words that leave out what follows: "apart from", "except", "other than", "кроме".
_EXCEPT_ONE: Final = frozenset("except excluding besides кроме помимо исключением".split())
_EXCEPT_TWO: Final = frozenset(
    [("apart", "from"), ("aside", "from"), ("other", "than"), ("except", "for")]
)


#: Words that may stand between "except" and the name of the project left out: "except the
#: project on …", "кроме проекта по …".
_BEFORE_A_NAME: Final = frozenset(
    "the за project programme program проекта проект программы программу по on".split()
)


def _excepted(tokens: tuple[Token, ...], start: int) -> bool:
    """Whether the name beginning at `start` follows "apart from", "except", "кроме" … (with
    at most an article, or a project word, between: "кроме проекта по …", "except for the
    programme on …")."""
    before = [t.word for t in tokens[max(0, start - 6) : start] if t.word not in _BEFORE_A_NAME]
    return bool(before) and (before[-1] in _EXCEPT_ONE or tuple(before[-2:]) in _EXCEPT_TWO)


def ranked_names(hits: Iterable[NameHit]) -> list[NameHit]:
    """Strongest first; among equally strong names, the one the question quotes more of, then
    the one it names first ("the border checkpoints project and the 2007-2010 programme"), then
    in knowledge-base order. Sorted by one field at a time, least important first (Python's
    sort keeps the order of equals, also in reverse), with keys read in C: a question can name
    thousands of projects at 50,000."""
    ranked = sorted(hits, key=attrgetter("first"))
    ranked.sort(key=attrgetter("coverage"), reverse=True)
    ranked.sort(key=attrgetter("strength"), reverse=True)
    return ranked


def _role_of_the_implementer(
    index: Index, tokens: tuple[Token, ...], mentions: list[Mention]
) -> bool:
    """ "what was IOM's role in …": the organisation the knowledge base is about (which
    implements its projects) asked about by its part, no other organisation or country named
    ("what was Germany's role in these IOM projects" asks about Germany)."""
    # (the short name starts with the organisation's own abbreviation: "IOM Russian Federation")
    ours = next(iter(index.kb.about.short_name.en.lower().split()), "")
    return (
        any(t.word in _ROLE_WORDS for t in tokens)
        and any(m.kind == "term" and m.key.lower() == ours for m in mentions)
        and not any(m.kind in ("org", "country") for m in mentions)
    )


def _who_ran(tokens: tuple[Token, ...]) -> bool:
    words = [t.word for t in tokens]
    return (
        bool(words)
        and words[0] in ("who", "кто")
        and any(
            w in ("ran", "run", "led", "managed", "implemented", "headed", "chaired", "вел", "вела")
            or w.startswith(("руководил", "возглав"))
            for w in words
        )
    )


def _what_is(tokens: tuple[Token, ...], mentions: list[Mention], name_positions: set[int]) -> bool:
    """ "what is AVRR", "what's the FMS", "in the mechanisms project whats FMS": the question is
    only an abbreviation to expand (beside, perhaps, the project it is used in)."""
    content = [
        t
        for t in tokens
        if not t.stop and t.position not in name_positions and t.term not in V.GENERIC
    ]
    named = {p for m in mentions if m.kind in ("term", "org") for p in m.positions}
    words = [t.word for t in tokens if t.position not in name_positions]
    asks = any(w in ("what", "whats", "что", "кто") for w in words)
    # "... run jointly by IOM Moscow and the FMS - whats IOM": the last words ask it
    asked_last = [t.word for t in tokens[:-1] if t.word not in ("is", "s", "the")][-1:]
    if tokens and tokens[-1].position in named and asked_last in (["what"], ["whats"]):
        return True
    return (
        asks and bool(content) and all(t.position in named for t in content) and len(content) <= 3
    )


#: Words after an abbreviation that still ask about it: "what's EC here", "what EC means".
_ABOUT_THE_ABBREVIATION: Final = frozenset("here there mean means stand stands short".split())


#: Words that ask for an organisation's part in a project.
_ROLE_WORDS: Final = frozenset("role roles part роль роли".split())
#: An abbreviation "equals what": "FMS = ?", "IOM=?".
_ABBREVIATION_EQUALS: Final = re.compile(r"\b[A-ZА-ЯЁ]{2,}\s*=\s*\?")


def _asks_abbreviation(
    cased: list[str], tokens: tuple[Token, ...], mentions: list[Mention]
) -> bool:
    """ "what's EC here", "whats FMS", "is EC the European Commission or the Council?": an
    abbreviation, written in capitals, asked about by name."""
    if len(cased) != len(tokens):
        return False
    abbreviations = {
        p
        for m in mentions
        if m.kind in ("term", "org") and len(m.positions) == 1
        for p in m.positions
        if cased[p].isupper() and len(cased[p]) >= 2
    }
    words = [t.word for t in tokens]
    for p in abbreviations:
        after = words[p + 1 : p + 2]
        if after and not tokens[p + 1].stop and after[0] not in _ABOUT_THE_ABBREVIATION:
            continue  # "what is the 'EC Thematic programme'": the programme, not the EC
        before = words[max(0, p - 3) : p]
        if before[-1:] == ["the"]:  # "what is the 'EC' in 'EC Thematic programme'"
            before = words[max(0, p - 4) : p - 1]
        if before[-1:] == ["whats"] or before[-2:] in (["what", "s"], ["what", "is"]):
            return True
        role = [
            w for w in words[p + 2 : p + 5] if any(lex.matches(w) for lex in V.FIELD_CUES.values())
        ]
        if before[-1:] == ["is"] and words[p + 1 : p + 2] in (["the"], ["a"], ["an"]) and not role:
            return True  # (not "is FMS the final beneficiary": a role asked about)
    return False


def _qualified(index: Index, mentions: list[Mention]) -> list[Mention]:
    """Organisations named by a word that fits several ("MIA") narrowed to the country the
    question names ("MIA Moldova", "МВД Украины"), when some of them are from it."""
    countries = {
        c.name for m in mentions if m.kind == "country" and (c := index.country(m.key)) is not None
    }
    if not countries:
        return mentions
    by_words: dict[tuple[int, ...], list[Mention]] = {}
    for m in mentions:
        if m.kind == "org":
            by_words.setdefault(m.positions, []).append(m)
    dropped: set[int] = set()
    for same in by_words.values():
        if len(same) < 2:
            continue
        local = [m for m in same if (org := index.org(m.key)) and org.country in countries]
        if local:
            dropped.update(id(m) for m in same if m not in local)
    return [m for m in mentions if id(m) not in dropped]


#: Words for a project (not a programme, which is also a project's larger whole).
PROJECT_WORDS: Final = frozenset(
    ["project", "projects", "проект", "проекта", "проектов", "проекте"]
)

_PROGRAMME_WORDS: Final = frozenset(["programme", "program", "программа", "программы"])
_TITLE_WORDS: Final = frozenset(["name", "title", "titled", "название", "наименование"])

#: "at some point", "at any stage", "at one time": a vague time, not a topic of the question.
_VAGUE_TIME_NOUNS: Final = frozenset(["point", "points", "stage", "time", "moment"])
_VAGUE_TIME_WORDS: Final = frozenset(["some", "any", "one", "that", "what", "which"])


def _vague_time_positions(tokens: tuple[Token, ...]) -> set[int]:
    return {
        t.position
        for before, t in pairwise(tokens)
        if t.word in _VAGUE_TIME_NOUNS and before.word in _VAGUE_TIME_WORDS
    }


#: Words written in capitals for stress that are also country codes: "had NO german funding",
#: "IS it still running", "IN 2010".
_SHOUTED_WORDS: Final = frozenset("no is in at be do me my am to so or if by an as we".split())


def _country_codes(
    index: Index, text: str, cased: list[str], tokens: tuple[Token, ...]
) -> list[Mention]:
    """Countries written as their upper-case two-letter codes ("RF / MD / UA", "EC + DE + FI"),
    unless the whole message is upper case; only codes of countries the knowledge base knows, on
    words nothing else claims ("UK" is an organisation's word, "EU" is no country)."""
    if len(cased) != len(tokens) or text.upper() == text:
        return []
    found = []
    for t, written in zip(tokens, cased, strict=True):
        if (
            len(written) == 2
            and written.isupper()
            and written.isascii()
            and written.lower() not in _SHOUTED_WORDS
        ):
            country = index.country(written)
            if country is not None and not index.mentions([t]):
                found.append(Mention("country", country.code, (t.position,)))
    return found


def _asks_when_or_which(words: list[str]) -> bool:
    return any(
        w in ("when", "what", "which", "how", "когда", "какой", "какая", "как", "сколько")
        for w in words
    )


def _negation_at(tokens: tuple[Token, ...]) -> int | None:
    """Where the question excludes what it names ("projects without NGO partners"), if it
    does; "only the EU, without other donors" and "the EU alone, without any governments"
    restate "only" and exclude nothing ("not only by the EU" still does)."""
    only_seen = False
    for i, t in enumerate(tokens):
        only_seen = only_seen or V.ONLY.matches(t.word)
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if only_seen or (after is not None and V.ANOTHER.matches(after.word)):
            continue  # "without other donors", "без других доноров", "no other funders"
        if (
            t.word in ("not", "never", "nothing", "without", "except", "excluding", "кроме", "без")
            # "не участвовала", not the "не" of "не могли бы вы", "не подскажете"
            or (t.word == "не" and after is not None and not after.word.startswith(_POLITE_RU))
            or t.word in V.NEGATED_WORDS
            or t.surface.endswith("n't")
            or (t.word in V.NEGATED_AUXILIARIES and after is not None and after.word == "t")
            or (t.word == "no" and t.position > 0)  # "had no NGO partners"
            or (t.word == "нет" and t.position > 0 and after is None)  # "а какие нет?"
        ):
            return t.position
    return None


#: Words asking for a short answer: "a quick rundown", "a short summary", "краткое описание".
_BRIEF: Final = frozenset("quick short brief little small fast краткое короткое короткий".split())


#: The verbs after a polite "не" ("не могли бы вы", "не подскажете", "не знаете ли").
_POLITE_RU: Final = ("мог", "подскаж", "знает", "знаете", "расскаж", "помож", "понял", "поняла")


def _modifier_positions(tokens: tuple[Token, ...]) -> set[int]:
    """Structural words that modify the next word rather than shape the question: the "gap" of
    "gap analysis" is a topic, the "gap" of "the gap between the projects" is not."""
    return {
        t.position
        for t, after in pairwise(tokens)
        if t.word in ("gap", "gaps") and not after.stop and after.word.isalpha()
    }


def _accepted_names(
    index: Index, names: list[NameHit], tokens: tuple[Token, ...], mentions: list[Mention]
) -> tuple[list[NameHit], list[NameHit]]:
    """The projects the question names, and the projects it names equally with the same words
    (a name it cannot tell apart: the bot asks which one).

    Names that use the same words of the question are readings of one name; the strongest
    reading wins. Among equally strong readings, those of a project in a country the question
    names are preferred, else those in the mission's own country (`about.country`); then the
    one whose name the question covers best. A second name (other words) counts only in a
    comparison ("X or Y", "difference between X and Y"): "what did the 2007-2010 programme say
    about voluntary return" names one programme and a topic, not two projects."""
    hits = [h for h in names if h.strength >= NAMED_STRENGTH]
    if not hits:
        return [], []
    readings: list[list[NameHit]] = []
    reading_of: dict[frozenset[int], list[NameHit]] = {}  # thousands of names share words
    for h in hits:  # strongest first: each reading is led by its strongest name
        same = reading_of.get(h.positions)
        if same is None:
            same = next((r for r in readings if _same_words(h, r[0])), None)
            if same is None:
                same = []
                readings.append(same)
            reading_of[h.positions] = same
        same.append(h)
    chosen: list[NameHit] = []
    ambiguous: list[NameHit] = []
    for reading in readings:
        best = _best_reading(index, reading, tokens, mentions)
        if len(best) == 1:
            chosen.append(best[0])
        elif not chosen and not ambiguous:
            ambiguous = best
    if not chosen:
        return [], ambiguous
    words = [t.word for t in tokens]
    joined = any(V.COMPARE.matches(w) or w in V.CONJUNCTIONS for w in words)
    first, *rest = chosen
    return [first, *(h for h in rest if joined or h.strength >= 0.9)], []


def _same_words(hit: NameHit, other: NameHit) -> bool:
    """Whether two names are read off mostly the same words of the question (more than half
    of the shorter one's)."""
    shared = len(hit.positions & other.positions)
    return 2 * shared > min(len(hit.positions), len(other.positions))


def _best_reading(
    index: Index, reading: list[NameHit], tokens: tuple[Token, ...], mentions: list[Mention]
) -> list[NameHit]:
    """The names of one reading the question does not tell apart (one when it does): the
    strongest; those holding the question's words as written (`_verbatim`); of a country the
    question names (by the project's name, else by where it ran), else of the mission's own
    country; then the name that accounts for more of the question's words. Among the names of the preferred country, the one the question covers best (the
    exact title rather than its "Phase II"); across countries, coverage would only weigh the
    length of the countries' names, so the bot asks."""
    top = _verbatim(index, [h for h in reading if h.strength == reading[0].strength], tokens)
    if len(top) == 1:
        return top
    asked = {c.name for m in mentions if m.kind == "country" and (c := index.country(m.key))}
    home = index.kb.about.country
    prefer = asked or ({home} if home else set())
    by_id = index.kb.by_id
    preferred = [h for h in top if prefer & index.name_countries(h.project)] or [
        h for h in top if prefer.intersection(by_id[h.project].countries)
    ]

    def key(h: NameHit) -> tuple[int, float]:
        return (len(h.positions), h.coverage if preferred else 0.0)

    top = preferred or top
    best = max(map(key, top))
    return [h for h in top if key(h) == best]


def _verbatim(index: Index, hits: list[NameHit], tokens: tuple[Token, ...]) -> list[NameHit]:
    """Of equally strong names, those holding most of the question's words exactly as written:
    names are matched by stems, so "the EU Readmission Agreements" names the one title with
    "Agreements" and the many with "Agreement" equally. English words only: a Russian word's
    ending follows the sentence that quotes the name, not the name."""
    if len(hits) < 2:
        return hits
    inflected = {
        t.position: f" {t.word} "
        for t in tokens
        if not t.stop and not is_cyrillic(t.word) and index.has_other_forms(t.term)
    }
    if not any(p in inflected for h in hits for p in h.positions):
        return hits

    def exact(h: NameHit) -> int:
        text = index.name_words(h.project)
        return sum(1 for p, word in inflected.items() if p in h.positions and word in text)

    counts = [exact(h) for h in hits]
    most = max(counts)
    return [h for h, n in zip(hits, counts, strict=True) if n == most]


def _rank_fields(found: list[str], tokens: tuple[Token, ...]) -> list[str]:
    """Order the fields asked for: the specific ones before the catch-alls."""
    # (the summary last: "what did it do? briefly" asks for the activities, briefly)
    weak = (F.DURATION, F.ACTIVITIES, F.PROGRAMME, F.COUNTRIES, F.DATES, F.TITLE, F.SUMMARY)
    strong = [f for f in found if f not in weak]
    rest = [f for f in weak if f in found]
    # "how long" asks for a duration, not for dates
    words = [t.word for t in tokens]
    if F.DURATION in rest and (
        ("how" in words and ("long" in words or "lng" in words))
        or any(w in ("duration", "durations", "length", "lengths") for w in words)
        or any(w.startswith(("долго", "длил", "продолжительн", "длительн")) for w in words)
    ):
        rest.remove(F.DURATION)
        rest.insert(0, F.DURATION)
    elif F.DURATION in rest:
        rest.remove(F.DURATION)
    if F.COUNTRIES in rest and not _asks_which_countries(words):
        rest.remove(F.COUNTRIES)
    return strong + rest


PROJECTS: Final = "projects"


def _anchors(tokens: tuple[Token, ...], skip: set[int]) -> list[str]:
    """The ends of a period the question's verbs speak of, in order: "started", "ended", "ran"."""
    found: list[str] = []
    previous = ""
    for t in tokens:
        if t.position in skip:
            continue
        # ("already over", "was over": ended; not "over two years", "over the period")
        over = t.word == "over" and previous in _OVER_AFTER
        previous = t.word
        if V.START_WORDS.matches(t.word):
            found.append("start")
        elif V.END_WORDS.matches(t.word) or over:
            found.append("end")
        elif V.ACTIVE_WORDS.matches(t.word):
            found.append("active")
    return list(dict.fromkeys(found))


#: The state of a country named beside it: "the UK government", "правительство Германии".
_GOVERNMENT_WORDS: Final = frozenset(
    "government governments правительство правительства правительством правительству".split()
)
#: Words before "over" that make it "ended": "was over", "already over".
_OVER_AFTER: Final = frozenset("was were is are be been already all".split())


def _count_target(words: list[str]) -> str | None:
    """What a "how many" question counts, when the knowledge base can count it: the first
    countable word among the next few ("how many completed projects", "how many IOM offices")."""
    after = _words_after_how_many(words)
    if not after:
        return None
    if _of_those(words):
        return "projects"  # "how many of those started in 2009?": of the projects just listed
    for word in after[:3]:
        for key, lexicon in V.COUNTABLE.items():
            if lexicon.matches(word):
                return key
    return None


#: "how many of those", "сколько из них": the projects just listed are counted.
#: "of those", "из них": the projects just listed (also read by `answer`).
OF_THOSE: Final = frozenset(
    [("of", "those"), ("of", "them"), ("of", "these"), ("из", "них"), ("из", "этих"), ("из", "тех")]
)


def _of_those(words: list[str]) -> bool:
    """Whether "how many" / "сколько" is followed by "of those" ("of them", "из них")."""
    for i, w in enumerate(words):
        if w == "how" and words[i + 1 : i + 2] in (["many"], ["much"]):
            return tuple(words[i + 2 : i + 4]) in OF_THOSE
        if w.startswith("скольк"):
            return tuple(words[i + 1 : i + 3]) in OF_THOSE
    return False


def _words_after_how_many(words: list[str]) -> list[str]:
    for i, w in enumerate(words):
        two_words = (w == "how" and words[i + 1 : i + 2] in (["many"], ["much"])) or (
            w == "number" and words[i + 1 : i + 2] == ["of"]  # "the current number of migrants"
        )
        if two_words or w.startswith("скольк"):
            j = i + (2 if two_words else 1)
            if words[j : j + 1] in (["их"], ["them"]) or words[j : j + 2] == ["of", "them"]:
                return []  # "и скажи, сколько их", "how many of them": the projects listed
            after = [
                x
                for x in words[j:]
                if x not in V.STOPWORDS and not x.isdigit() and x not in V.GENERIC
            ]
            if after:
                return after
            # "IML courses - how many and who attended?": what is counted came first
            return [
                x
                for x in words[max(0, i - 3) : i]
                if x not in V.STOPWORDS and not x.isdigit() and x not in V.GENERIC
            ]
    return []


def _asks_which_countries(words: list[str]) -> bool:
    """ "which countries", "how many countries", "where": not "the 3 countries' migration bodies",
    nor "where does EECA come up" (where on the page, not where in the world)."""
    if any(w in ("where", "где") for w in words):
        come_up = any(a in ("come", "comes", "came") and b == "up" for a, b in pairwise(words))
        return not come_up and not any(V.MENTIONED.matches(w) for w in words)
    for i, w in enumerate(words):
        if w.startswith(("countr", "стран")) and i > 0:
            before = words[max(0, i - 3) : i]
            if any(
                b
                in (
                    *("which", "what", "wat", "wich", "whats", "many"),
                    *("в", "каких", "какие", "какой", "скольких", "сколько"),
                )
                for b in before
            ):
                return True
    return False


def _how_many(words: list[str]) -> bool:
    """ "how many", "how much", "the number of" — not "how much earlier" (a span of time)."""
    # (not "which lasted longer … and by how much": a difference)
    return any(
        a == "how"
        and (b == "many" or (b == "much" and words[i + 2 : i + 3] not in _HOW_MUCH_TIME))
        and words[i - 1 : i] != ["by"]
        for i, (a, b) in enumerate(pairwise(words))
    ) or ("number" in words and "of" in words)


_HOW_MUCH_TIME: Final = tuple(
    [w] for w in "earlier later longer shorter sooner before after time more less".split()
)


def listing_words(words: list[str]) -> bool:
    return any(w in ("which", "what", "any", "list", "какие", "каких") for w in words)


#: Words before the question itself: "and", "ok", "kindly advise", "could you tell me".
_LEAD_FILLER: Final = frozenset(
    "and so ok also kindly please pls plz advise confirm could can would you tell me us "
    "а и просьба прошу сообщить подскажите скажите пожалуйста".split()
)
_LEAD_MAX: Final = 6


def _existential(words: list[str]) -> bool:
    """ "Is there a project …", "was there any programme …", "есть ли проект …": whether any
    project fits, which is a list question (of one, or none)."""
    if (
        len(words) > 2
        and words[0] in ("is", "was", "did", "does", "has", "had", "were", "are", "have")
        and words[1] in ("some", "any")
        and any(w in PROJECT_WORDS for w in words[2:4])
    ):
        # "is some project funded by Austria?", "was any project in Belarus?", "did any
        # project start after the border checkpoints project ended?"
        return True
    if "there" not in words and "ли" not in words:
        return False
    for i, (a, b) in enumerate(pairwise(words)):
        there = a in ("is", "was", "are", "were") and b == "there"
        asked_ru = a in ("есть", "был", "была", "были", "существовал") and b == "ли"
        if (there or asked_ru) and any(w in PROJECT_WORDS for w in words[i + 2 : i + 5]):
            return True
    return False


#: Verbs of a project being under way: "what was running …", "что ещё работало …".
_RUNNING: Final = frozenset(
    "running ongoing underway active работало шло велось действовало выполнялось "
    "реализовывалось".split()
)


def _wants_list(
    tokens: tuple[Token, ...], name_positions: set[int] | frozenset[int] = frozenset()
) -> bool:
    words = [t.word for t in tokens]
    # a plural outside the name ("в рамках программы 2007-2010" names one programme)
    plural = any(t.word in _PROJECTS_PLURAL for t in tokens if t.position not in name_positions)
    # "and which …", "kindly advise which …", "could you tell me which …", "из них какие …"
    lead = 2 if tuple(words[:2]) in OF_THOSE else 0
    while lead < min(len(words) - 1, _LEAD_MAX) and words[lead] in _LEAD_FILLER:
        lead += 1
    starts = words[lead : lead + 1] and words[lead] in (
        "which",
        "what",
        "any",
        "list",
        "anything",
        "какие",
        "какой",
        "каких",
        "в",
        "есть",
        "были",
        "был",
        "all",
    )
    if words and words[0] in ("list", "перечисли", "перечислите", "назови", "назовите"):
        return not any(
            w in ("its", "their", "it", "его", "их") for w in words
        )  # not "list its components"
    if words and words[0] in ("projects", "programmes", "проекты"):
        return True  # "projects that dealt with voluntary return"
    if words and words[-1] in ("projects", "programmes", "проекты") and len(words) > 1:
        return True  # "eu funded projs?", "EU-funded projects?"
    going_on = any(a == "going" and b == "on" for a, b in pairwise(words))
    if words[lead : lead + 1] in (["what"], ["что"]) and (
        going_on or any(w in _RUNNING for w in words)
    ):
        return True  # "what was still going on in 2011?", "что ещё работало в 2010?"
    if _existential(words):
        return True  # "is there a project where both Rosgranitsa and the FMS took part?"
    if any(  # "EU-funded projects that didn't involve Ukraine"
        a in ("projects", "programmes") and b in ("that", "which", "with", "without", "where")
        for a, b in pairwise(words)
    ):
        return True
    if "ones" in words and listing_words(words):
        return True
    pairs = set(pairwise(words))
    if ("which", "one") in pairs and pairs & {("one", "project"), ("one", "programme")}:
        return True  # "one project started the year the other one ended - which one was that?"
    listing = any(
        w
        in (
            *("which", "any", "anything", "list", "какие", "каких", "какой", "каком"),
            *("какого", "какими", "каким"),
        )
        for w in words
    )
    # "у какого проекта ...", "в каком проекте ...", "с какими проектами ...": a preposition
    # before the question word
    starts = starts or (
        len(words) > 1
        and words[0] in ("у", "в", "во", "на", "для", "с", "со", "по", "при")
        and words[1].startswith("как")
    )
    return (
        bool(plural and (listing or starts))
        or ("anything" in words and not _did_it_do_anything(words, name_positions))
        or (
            bool(starts)
            and listing
            and (
                any(w in ("project", "programme", "проект", "программа") for w in words)
                # "у какого проекта", "в каком проекте" (not "какие материалы ... в проекте")
                or any(
                    a.startswith("как") and b in ("проекта", "проекте") for a, b in pairwise(words)
                )
            )
        )
    )


#: Fields whose items a question can pick one of ("which component ...", "what activity ...").
_PARTS: Final = (F.COMPONENTS, F.ACTIVITIES, F.RESULTS, F.OBJECTIVES)


def _which_part(tokens: tuple[Token, ...]) -> tuple[int, str] | None:
    """Where "which component" / "what activity" / "какой компонент" names the field whose item
    is asked for, and that field."""
    for a, b in pairwise(tokens):
        if a.word in ("which", "what", "wich", "wat", "какой", "какая", "какие", "какое"):
            for key in _PARTS:
                if V.FIELD_CUES[key].matches(b.word):
                    return b.position, key
    return None


def _tie_to_a_place_or_body(tokens: tuple[Token, ...], mentions: list[Mention]) -> bool:
    """ "a link to Germany", "connected with the FMS": a link word, "to" or "with", then a
    country or an organisation."""
    starts = {m.positions[0] for m in mentions if m.kind in ("country", "org")}
    for i, t in enumerate(tokens):
        if t.word in ("link", "links", "linked", "connected", "connection", "connections"):
            nxt = tokens[i + 1 : i + 4]
            if (
                nxt[:1]
                and nxt[0].word in ("to", "with")
                and any(x.position in starts for x in nxt[1:])
            ):
                return True
    return False


#: The two ends of a link between projects: "that earlier one", "the later project".
EARLIER_WORDS: Final = frozenset("earlier previous prior предыдущий предыдущая предыдущей".split())
LATER_WORDS: Final = frozenset(["later"])


def _the_earlier_one(tokens: tuple[Token, ...]) -> bool:
    """ "that earlier one", "the previous programme", "the later project" (not "earlier than")."""
    words = [t.word for t in tokens]
    if "than" in words or "чем" in words:
        return False
    return any(
        (a in EARLIER_WORDS or a in LATER_WORDS)
        and b in ("one", "programme", "program", "project", "проект", "программа", "программы")
        for a, b in pairwise(words)
    )


def _describing_participles(
    tokens: tuple[Token, ...], mentions: list[Mention], name_positions: set[int]
) -> set[int]:
    """The participles of "the EU-funded border checkpoints project", "the FMS-led 2007-2010
    programme", "the EU-funded project that ran …", "the germany/finland co-funded
    programme": an organisation (or a country), a participle, then the project's name (after
    an organisation) or the word "project" / "programme". Not "the Finnish government
    co-funded SIREADA, right?", where the participle is the verb."""
    org_ends = {m.positions[-1] for m in mentions if m.kind == "org"}
    country_ends = {m.positions[-1] for m in mentions if m.kind == "country"}
    project_words = PROJECT_WORDS | _PROGRAMME_WORDS
    found: set[int] = set()
    for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if a.position in org_ends and b.word.endswith("ed") and c.position in name_positions:
            found.add(b.position)
    plain = [t for t in tokens if t.word != "co"]  # the "co" of "co-funded"
    for a, b, c in zip(plain, plain[1:], plain[2:], strict=False):
        ends = a.position in org_ends or a.position in country_ends
        if ends and b.word.endswith("ed") and c.word in project_words:
            found.add(b.position)
    return found


_THE_THIS: Final = frozenset("the this that these those".split())

#: Kinds of organisation a question can ask for ("which agency", "какое ведомство").
_BODIES: Final = frozenset(
    "agency agencies organisation organisations organization organizations body bodies ministry "
    "ministries service services authority institution institutions ngo ngos ведомство "
    "ведомства агентство организация организации министерство служба учреждение".split()
)


#: Organisations another one of which may be asked about: "which other ministry", "other donors".
_OTHER_BODIES: Final = _BODIES | frozenset(
    "partner partners donor donors funder funders counterpart counterparts партнер партнеры "
    "доноры донор министерства".split()
)


#: "what is that", "UKBA - who's that?": what was just named.
_WHAT_IS_THAT: Final = frozenset(
    [
        ("what", "is", "that"),
        ("what", "is", "it"),
        ("what", "is", "this"),
        ("who", "s", "that"),
        ("who", "is", "that"),
        ("who", "are", "they"),
    ]
)


#: Words asking for a whole name: "full name", "как полностью называется", "полное название".
_FULL_NAME: Final = frozenset("full полностью полное полного полным".split())


def _full_name_of_an_org(tokens: tuple[Token, ...], mentions: list[Mention]) -> bool:
    """Whether a full name is asked right after an organisation is named, with no project
    word between ("Росграница — как полностью называется и в каком проекте …")."""
    for t in tokens:
        if t.word not in _FULL_NAME:
            continue
        before = [m for m in mentions if m.kind == "org" and max(m.positions) < t.position]
        if not before:
            continue
        last = max(max(m.positions) for m in before)
        between = tokens[last + 1 : t.position]
        return not any(x.word in PROJECT_WORDS or x.word in _PROGRAMME_WORDS for x in between)
    return False


def _whats_that(tokens: tuple[Token, ...], mentions: list[Mention]) -> bool:
    """ "whats that", "what's it", "what is this", "что это": an abbreviation or an
    organisation named just before is to be spelt out."""
    if not any(m.kind in ("org", "term") for m in mentions):
        return False
    abbreviations = {m.positions[0] for m in mentions if m.kind in ("org", "term")}
    # (not "что это за проект?": which project)
    pairs = {
        (a.word, b.word)
        for a, b, c in zip(tokens, tokens[1:], [*tokens[2:], None], strict=False)
        if c is None or c.word != "за"
    }
    return (
        bool(
            pairs
            & {
                ("whats", "that"),
                ("whats", "it"),
                ("whats", "this"),
                ("what", "that"),
                ("что", "это"),
                ("что", "такое"),
            }
        )
        or any(
            (a.word, b.word, c.word) in _WHAT_IS_THAT
            # "что за IPR в проекте SIREADA": what the abbreviation right after is
            or ((a.word, b.word) == ("что", "за") and c.position in abbreviations)
            for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False)
        )
    )


def _parent_body_asked(tokens: tuple[Token, ...], mentions: list[Mention]) -> bool:
    """Whether the question asks what body an organisation it names belongs to ("which
    government body was it part of", "which department is it under", "в какое ведомство
    входит")."""
    if not any(m.kind == "org" for m in mentions):
        return False
    words = [t.word for t in tokens]
    body = any(w in _BODIES or w in ("department", "departments", "government") for w in words)
    pairs = set(pairwise(words))
    belongs = bool(pairs & {("part", "of"), ("belong", "to"), ("belonged", "to")}) or any(
        w in ("under", "входит", "входило", "подчинялось", "подчиняется") for w in words
    )
    return body and belongs


def _which_body(tokens: tuple[Token, ...]) -> bool:
    """ "which Russian agency ...", "what organisations ...", "какое ведомство ...": the
    question asks for organisations."""
    words = [t.word for t in tokens]
    return any(
        w in _WHICH and any(x in _BODIES for x in words[i + 1 : i + 4]) for i, w in enumerate(words)
    )


def _asks_identity(tokens: tuple[Token, ...]) -> bool:
    """ "is X just another name for Y", "are they the same project", "тот же проект"."""
    pairs = {(a.word, b.word) for a, b in pairwise(tokens)}
    return bool(
        pairs
        & {
            ("another", "name"),
            ("other", "name"),
            ("same", "project"),
            ("same", "programme"),
            ("same", "thing"),
            ("same", "as"),
            ("тот", "же"),
            ("то", "же"),
            ("другое", "название"),
        }
    ) and not (
        pairs & {("самое", "про"), ("самое", "для"), ("же", "про"), ("же", "для")}
        # "в один и тот же месяц": a shared date, not one project under two names
        or any(w in _TIME_UNITS for _a, w in pairs)
        # "and UKBA - who's that, in the same project?": the project just discussed
        or (("in", "the") in pairs and ("the", "same") in pairs)
    )


_TIME_UNITS: Final = frozenset("месяц месяце году год month year".split())


def _asks_what_was_done(tokens: tuple[Token, ...]) -> bool:
    """ "what was done in Moldova", "what did it do there": the activities."""
    words = [t.word for t in tokens]
    if not words or words[0] not in ("what", "wat", "whats"):
        return False
    done = any(
        a in ("was", "were", "been", "got", "get") and b == "done" for a, b in pairwise(words)
    )
    # "what did it do (in Moldova)?": "do" after "did" is the verb asked about
    return done or ("did" in words and "do" in words[words.index("did") + 1 :])


def _year_of_a_project(spec: TimeSpec, tokens: tuple[Token, ...]) -> TimeSpec:
    """A year that describes a project is the year it started: "the 2009 readmission one",
    "the other one from 2009", "проект 2009 года"; other times are left as they are."""
    if spec.anchor is not None or spec.first.year != spec.last.year or spec.month_only:
        return spec
    words = [t.word for t in tokens]
    start, end = min(spec.positions), max(spec.positions)
    before = words[max(0, start - 2) : start]
    after = [w for w in words[end + 1 : end + 4] if w not in ("года", "году", "год", "г")]
    project_before = before[-1:] and before[-1] in _A_PROJECT  # "проект 2009 года"
    from_year = before[-1:] == ["from"] and before[:1] and before[0] in _A_PROJECT | {"one"}
    # "the 2009 project", "the 2009 readmission one" (the year first, then the project)
    year_first = bool(before[-1:] == ["the"] and set(after[:2]) & (_A_PROJECT | {"one"}))
    if project_before or from_year or year_first:
        return replace(spec, anchor="start")
    return spec


#: The words for a project that a year can describe.
_A_PROJECT: Final = frozenset(
    "project programme program проект проекта проекте проектом программа программы".split()
)


def _asks_what_happened(tokens: tuple[Token, ...]) -> bool:
    """ "what happened in Austria", "что происходило в Пскове": what was done there."""
    words = [t.word for t in tokens]
    return len(words) >= 2 and words[0] in ("what", "wat", "whats", "что") and words[1] in _HAPPENED


#: "what happened (there)": what was done.
_HAPPENED: Final = frozenset(
    "happened happen happens happening произошло происходило случилось было".split()
)


#: Words that introduce who is asking: "as an officer of X", "I work at X", "как сотруднику X".
_ASKER_ROLES: Final = frozenset(
    "officer officers official employee staff member representative colleague сотрудник "
    "сотруднику сотрудника сотрудница сотруднице представитель представителю представителя "
    "работник работнику".split()
)


def _asker_positions(tokens: tuple[Token, ...]) -> set[int]:
    """The words naming the asker's own organisation: after "as a/an <role> of/from/at", "I work
    at/for/in", "I am from", "как сотруднику/представителю", up to four words on."""
    words = [t.word for t in tokens]
    if any(w in _WE for w in words):  # "which projects did we take part in": still the topic
        return set()
    starts: list[int] = []
    for i, w in enumerate(words):
        if (
            w in ("am", "m")
            and words[i - 1 : i] == ["i"]
            and words[i + 1 : i + 2]
            and words[i + 1].endswith("ing")
            and words[i + 1] not in ("asking", "looking", "interested")
        ):
            # "I am compiling an overview of EU-financed migration cooperation with Russia":
            # what the asker is doing, not what is asked
            starts.append(i + 2)
        elif w in _ASKER_ROLES and (
            "as" in words[max(0, i - 3) : i] or "как" in words[max(0, i - 2) : i]
        ):
            starts.append(i + 1)
        elif (w == "work" and words[i - 1 : i] == ["i"] and words[i + 1 : i + 2] in _AT) or (
            w in ("am", "m") and words[i + 1 : i + 2] == ["from"]  # "I work at", "I'm from"
        ):
            starts.append(i + 2)
    return _up_to_the_question(tokens, starts, 10)


def _purpose_positions(tokens: tuple[Token, ...]) -> set[int]:
    """The words of what the asker needs the answer for: "I need it for the annual report
    table", "it's for a briefing note", "for my thesis", "мне это нужно для отчёта"; the
    report is the asker's, not a topic of the question."""
    words = [t.word for t in tokens]
    starts: list[int] = []
    for i, w in enumerate(words):
        if w in ("for", "для") and i >= 1:
            before = words[max(0, i - 3) : i]
            needed = any(b in _NEED for b in before) and any(b in _IT for b in before)
            it_is = words[max(0, i - 2) : i] in (["it", "s"], ["it", "is"], ["this", "is"])
            mine = words[i + 1 : i + 2] in (["my"], ["our"], ["моего"], ["моей"], ["нашего"])
            if needed or it_is or mine:
                starts.append(i)
    return _up_to_the_question(tokens, starts, 8)


def _up_to_the_question(tokens: tuple[Token, ...], starts: list[int], reach: int) -> set[int]:
    """The positions of the words from each start, at most `reach` of them, up to where the
    question itself begins ("what", "which", "кто" …): the asker's own words."""
    found: set[int] = set()
    for start in starts:
        for t in tokens[start : start + reach]:
            if t.word in _QUESTION_START:
                break
            found.add(t.position)
    return found


#: "I need it for …", "мне это нужно для …".
_NEED: Final = frozenset("need needs needed нужно нужна нужен нужны надо".split())
_IT: Final = frozenset("it this that these them those i we мне нам это".split())


_AT: Final = (["at"], ["for"], ["in"])
_WE: Final = frozenset("we our us ours мы нас наш наша наше наши нашей нашего нашим".split())
_QUESTION_START: Final = frozenset(
    "what which who when where how why whats is are was were did does do could can "
    "что какой какая какие какую кто когда где сколько как".split()
)
#: ... and those that show a clause asks something (`_without_asides`).
_ASKING: Final = _QUESTION_START | {"каких", "ли"}


def _relation_across_an_event(words: list[str], start: int) -> str | None:
    """ "before" or "after" further back than three words, with only the description of an
    event between it and the date ("after IOM signed the agreement with the EC delegation in
    July 2009"): no verb of the question's own period ("started", "ended") in between."""
    for j in range(start - 1, max(-1, start - 12), -1):
        w = words[j]
        if V.START_WORDS.matches(w) or V.END_WORDS.matches(w) or V.ACTIVE_WORDS.matches(w):
            return None
        if V.AFTER_WORDS.matches(w):
            return "after"
        if V.BEFORE_WORDS.matches(w):
            return "before"
    return None


def _one_way_or_another(tokens: tuple[Token, ...]) -> set[int]:
    """The words of "(in) one way or another", "так или иначе"."""
    found: set[int] = set()
    words = [t.word for t in tokens]
    for i in range(len(words)):
        if words[i : i + 3] == ["way", "or", "another"]:
            found.update(range(max(0, i - 1), i + 3))
        if words[i : i + 3] == ["так", "или", "иначе"]:
            found.update(range(i, i + 3))
    return {tokens[i].position for i in found}


def _scope_numbers(tokens: tuple[Token, ...]) -> set[int]:
    """The number of "the four projects", "all 4 programmes", "этих четырёх проектов": the
    projects the question is about, not a detail to look for."""
    found: set[int] = set()
    for a, b, c in zip(tokens, tokens[1:], [*tokens[2:], None], strict=False):
        if (
            a.word in ("the", "all", "these", "those", "все", "всех", "этих", "эти", "всего")
            and b.term.startswith("num:")
            # "which one of the four had …": the projects, with the noun left out
            and (c is None or c.word in PROJECT_WORDS or (a.word == "the" and c.stop))
        ):
            found.add(b.position)
    for a, b in pairwise(tokens):  # "it had 4 components, right?": how many, not which
        cardinal = a.word.isdigit() or a.word in V.CARDINALS
        if cardinal and any(V.FIELD_CUES[f].matches(b.word) for f in _PARTS):
            found.add(a.position)
    return found


def _did_it_do_anything(words: list[str], name_positions: set[int] | frozenset[int]) -> bool:
    """ "did it do anything for detainees", "did SIREADA do anything on trafficking": what one
    project did, not a list of projects ("did IOM do anything in Ukraine" is a list)."""
    one_project = bool(name_positions) or "it" in words
    return one_project and any(
        a in ("do", "did", "does", "doing", "done") and b == "anything" for a, b in pairwise(words)
    )


_NAME_WORDS: Final = frozenset(
    ["name", "names", "named", "зовут", "имя", "имена", "фамилия", "фамилии"]
)
# Exact words, not stems: "manager" names a person, "management" does not.
_PERSON_ROLES: Final = frozenset(
    "coordinator coordinators manager managers director directors directed chief head headed "
    "heads surname surnames author authors autor autors".split()
)
_PERSON_ROLES_RU: Final = (
    "координатор",
    "руководител",
    "директор",
    "режиссер",
    "фамили",
    "автор",
    "начальник",
    "главой",  # "кто был главой Росграницы" (not "главные цели")
)
#: A person in charge: "the responsible person", "ответственного лица", "focal point".
_RESPONSIBLE_PERSON: Final = frozenset(
    [
        ("responsible", "person"),
        ("focal", "point"),
        ("contact", "person"),
        ("ответственного", "лица"),
        ("ответственное", "лицо"),
        ("ответственным", "лицом"),
    ]
)
#: Statistics asked for by name: the page gives none.
_STATISTICS: Final = frozenset("statistics statistic stats".split())
#: How a project was rated: "what score did it get", "какую оценку получил".
_SCORES: Final = frozenset("score scores scored rating ratings rated grade graded".split())


#: People (and places for them) a number can count: the page counts none of them.
_PEOPLE_NOUNS: Final = frozenset(
    "migrants people persons officials officers staff returnees nationals participants "
    "trainees beneficiaries beds places detainees мигрантов человек людей сотрудников "
    "чиновников участников мест".split()
)


def _people_counted(words: list[str]) -> bool:
    """A number of people given in the question ("helped 500 migrants", "trained 150
    officials", "room for 200 people"): two digits or more ("the english course 4 fms
    officials" is "for"), not a year."""
    if not _PEOPLE_NOUNS.intersection(words):
        return False
    for i, w in enumerate(words):
        if not w.isdigit() or len(w) < 2 or (len(w) == 4 and w.startswith(("19", "20"))):
            continue
        if any(x in _PEOPLE_NOUNS for x in words[i + 1 : i + 3]):
            return True
    return False


def _more_people(words: list[str]) -> bool:
    """More or fewer people compared ("which trained more people", "где обучили больше
    людей"): numbers the page does not give."""
    return any(
        w in ("more", "fewer", "less", "больше", "меньше") and x in _PEOPLE_NOUNS
        for i, w in enumerate(words)
        for x in words[i + 1 : i + 3]
    )


def _a_score(words: list[str]) -> bool:
    """A rating given to a project ("what score did the evaluation give", "какую оценку
    получил проект на итоговой оценке"), not the page's needs assessments ("оценка
    потребностей")."""
    if any(w in _SCORES for w in words):
        return True
    rated = any(w.startswith("оценк") for w in words)
    return rated and any(w.startswith(("получил", "итогов", "балл", "поставил")) for w in words)


def _a_verb_here(words: list[str], i: int) -> bool:
    """Whether "address" is the verb ("did any project address trafficking", "THB - did they
    address it?"), not a postal or e-mail address ("the address of IOM Moscow")."""
    before = words[i - 1] if i > 0 else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    noun_before = before in (
        *("the", "a", "an", "your", "their", "its", "his", "her", "our", "email", "e"),
        *("mail", "postal", "office", "web", "mailing", "physical", "street", "home"),
    )
    return not noun_before and after not in ("of", "for")


def _no_info(tokens: tuple[Token, ...], words: list[str], asked: list[str]) -> str | None:
    """Which kind of information the knowledge base never holds the question asks for, if any."""
    contact = [
        i
        for i, w in enumerate(words)
        if V.NO_INFO["contact"].matches(w) and not (w == "address" and _a_verb_here(words, i))
    ]
    if contact or _contact_phrase(words):
        return "contact"
    if _asks_for_a_file(words):
        return "document"  # "can you send me the pdf of the manual"
    if any(V.NO_INFO["budget"].matches(w) for w in words) or _how_much_money(words):
        return "budget"
    if (
        any(w in _PERSON_ROLES or w.startswith(_PERSON_ROLES_RU) for w in words)
        or _asks_for_names(words)
        or _RESPONSIBLE_PERSON & set(pairwise(words))
    ):
        return "people"
    at_iom = {("at", "iom"), ("in", "iom"), ("в", "мом"), ("от", "мом")}
    # "со стороны Росграницы", "on Rosgranitsa's side": the person one party put in charge
    on_a_side = "стороны" in words or "side" in words
    if _who_ran(tokens) and (on_a_side or at_iom & set(pairwise(words))):
        return "people"  # "who managed SIREADA at IOM Moscow": a person, not an organisation
    if any(V.NO_INFO["company"].matches(w) for w in words):
        return "company"
    if any(w in _ENDED_LATER or w.startswith(_ENDED_LATER_RU) for w in words):
        return "future"  # "when was Rosgranitsa dissolved?": what became of it, not on the page
    if _asks_about_future(asked):  # (not "we are planning something similar - was …")
        return "future"
    if any(w in ("population", "население", "населения", "численность") for w in words):
        return "statistics"  # "what's the population of Moldova": not on the page
    if _asks_why_decided(words):
        return "reasons"  # "why did it end in June 2011?", "who chose the NGO partners?"
    if set(words) & _SIZE_WORDS and any(w.startswith(_SIZED_THINGS) for w in words):
        return "statistics"  # "which is bigger, the Pskov centre or the Don centre?"
    if any(w in _STATISTICS or w.startswith("статистик") for w in words) or _a_score(words):
        return "statistics"  # "provide statistics on …", "what rating did it get"
    if _people_counted(words):
        return "statistics"  # "I read it helped 500 migrants return - can you confirm?"
    if _more_people(words):
        return "statistics"  # "which trained more people, the 2007-2010 programme or …"
    # ("сколько времени прошло", "сколько месяцев", "сколько они шли параллельно": a span of
    # time, not a statistic)
    asks_number = _how_many(words) or any(
        w.startswith("скольк")
        and not any(
            x in _SPAN_WORDS or V.COUNTABLE[F.DURATION].matches(x) for x in words[i + 1 : i + 4]
        )
        for i, w in enumerate(words)
    )
    after = _words_after_how_many(words)
    if asks_number and after and (_count_target(words) is None or after[0] in _PEOPLE_NOUNS):
        # "how many migrants", "how many people did the NGO in Chernihiv help": the page
        # counts no people
        return "statistics"
    return None


def _asks_why_decided(words: list[str]) -> bool:
    """A decision's reason or maker, which the page never gives: "why did the project end in
    June 2011", "why was the Pskov centre picked", "who chose the NGO partners", "почему
    программа закончилась в феврале 2010", "кто выбирал экспертов" (not "why was the project
    needed": its background says)."""
    why = any(w in ("why", "почему", "зачем") for w in words)
    ended = any(w in _ENDED or w.startswith(_ENDED_RU) for w in words)
    chosen = any(w in _CHOSEN or w.startswith(_CHOSEN_RU) for w in words)
    who = any(w in ("who", "кто") for w in words)
    return (why and (ended or chosen)) or (who and chosen)


_ENDED: Final = frozenset("end ended ending finish finished stop stopped close closed".split())
_ENDED_RU: Final = ("закончил", "заверши", "прекрати", "окончил")
_CHOSEN: Final = frozenset(
    "chose choose chosen choosing picked pick selected select selecting decided".split()
)
_CHOSEN_RU: Final = ("выбира", "выбрал", "выбран", "отбира", "отобрал", "отобран", "решал", "решил")
#: How big a place or a team was: "bigger", "capacity" …, of "centres", "staff", "teams".
_SIZE_WORDS: Final = frozenset(
    "bigger biggest larger largest smaller smallest size capacity вместимость больше меньше "
    "крупнее".split()
)
_SIZED_THINGS: Final = ("centre", "center", "centers", "staff", "team", "центр", "штат", "команд")


#: Words after "сколько" that make it a span of time: "сколько времени", "сколько они шли
#: параллельно".
_SPAN_WORDS: Final = frozenset(
    "времени месяцев месяца лет года дней недель шли шел шла шло параллельно одновременно".split()
)


#: A file asked for: "the pdf", "a download link", "скачать" ("any link to Germany" is a tie).
_FILE_WORDS: Final = frozenset("pdf pdfs download downloadable скачать".split())
_SEND_WORDS: Final = ("send", "email", "e-mail", "forward", "attach", "пришл", "скин", "отправ")
#: What one does with a document or film: "where can I watch it", "где можно посмотреть".
_GET_IT: Final = frozenset(
    "watch download read order посмотреть скачать прочитать заказать".split()
)


def _asks_for_a_file(words: list[str]) -> bool:
    """A document itself asked for ("send me the pdf of the manual", "где скачать доклад",
    "where can I watch it"), not what the page says about it."""
    if any(w in _FILE_WORDS or w.startswith("файл") for w in words):
        return True
    if any(
        w in ("where", "где") and not _GET_IT.isdisjoint(words[i + 1 : i + 4])
        for i, w in enumerate(words)
    ):
        return True  # "where can I watch it", "где можно посмотреть фильм"
    return any(
        w in ("me", "us", "мне", "нам", "copy", "copies", "копию", "link", "ссылку") for w in words
    ) and any(w.startswith(_SEND_WORDS) for w in words)


def _contact_phrase(words: list[str]) -> bool:
    """ "contact details", "contact person": not "technical-level contacts"."""
    return any(
        a.startswith("contact")
        and b in ("details", "detail", "person", "info", "information", "number")
        for a, b in pairwise(words)
    )


def _how_much_money(words: list[str]) -> bool:
    return any(a == "how" and b == "much" for a, b in pairwise(words)) and any(
        w in ("money", "funding", "cost", "costs", "spent", "paid") for w in words
    )


#: Words of organisations and their roles: their names are no people's.
_ORGANISATION_STEMS: Final = (
    "counterpart",
    "partner",
    "organisation",
    "organization",
    "agenc",
    "ministr",
    "donor",
    "funder",
    "ngo",
    "партнер",
    "организац",
    "ведомств",
    "министерств",
    "донор",
)


def _asks_for_names(words: list[str]) -> bool:
    """People's names: "the name of the director", "who were the experts - names?" (not the
    project's "full name")."""
    if not any(w in _NAME_WORDS for w in words):
        return False
    if any(w.startswith(_ORGANISATION_STEMS) for w in words):
        return False  # "who were its counterparts? I need the exact names": organisations'
    about_people = (
        "who",
        "whom",
        "expert",
        "experts",
        "person",
        "people",
        "staff",
        "director",
        "head",
        "кто",
        "зовут",
        "эксперт",
        "экспертов",
        "сотрудник",
        "сотрудников",
    )
    return any(w in about_people for w in words) or any(
        w in ("зовут", "фамилия", "фамилии") for w in words
    )


def _asks_about_future(words: list[str]) -> bool:
    """Plans and news ("next year", "upcoming projects"): the knowledge base holds completed
    projects only."""
    if words[:1] in (["will"], ["будет"], ["будут"]):  # "will there be a follow-up?"
        return True
    now = any(w in ("now", "currently", "today", "сейчас", "сегодня", "нынче") for w in words)
    future = any(V.NO_INFO["future"].matches(w) or w == "planning" for w in words)
    project_word = any(
        w.startswith(
            (
                "project",
                "programme",
                "call",
                "follow",
                "phase",
                "проект",
                "программ",
                "продолж",
                "этап",
                "фаз",
            )
        )
        for w in words
    )
    news = any(w == "news" or w.startswith("новост") for w in words)  # always about now
    # "МОМ сейчас набирает сотрудников?", "is IOM hiring now?": jobs today
    hiring = any(
        w.startswith(("hiring", "recruit", "vacanc", "набира", "ваканс", "трудоустро"))
        for w in words
    )
    news = news or hiring
    dated = any(w.isdigit() and len(w) == 4 for w in words)
    # "what does the current law on foreign citizens say": today's rules, not the projects'
    present = now or any(
        w.startswith(("current", "present", "действующ", "текущ", "нынешн")) for w in words
    )
    rules = any(
        w.startswith(("law", "legislat", "rule", "regulat", "закон", "правил")) for w in words
    )
    return news or ((future or now) and project_word and not dated) or (present and rules)


def _counted_word(words: list[str]) -> str | None:
    """What "how many" counts: the word after it, else the last one before it ("IML courses -
    how many?")."""
    after = _after_how_many(words)
    if after is not None:
        return after
    before = _words_after_how_many(words)
    return before[-1] if before else None


def _after_how_many(words: list[str]) -> str | None:
    for i, w in enumerate(words):
        if (w == "how" and i + 1 < len(words) and words[i + 1] in ("many", "much")) or w.startswith(
            "сколько"
        ):
            j = i + (2 if w == "how" else 1)
            rest = [x for x in words[j:] if x not in V.STOPWORDS and not x.isdigit()]
            return rest[0] if rest else None
        if w == "number" and i + 2 < len(words) and words[i + 1] == "of":
            return words[i + 2]
    return None


#: Words between a negation and the date it negates: "didn't run at all in", "not still
#: active in", "не работали в".
_TOWARDS_A_DATE: Final = frozenset(
    "t run ran running active at all even still yet been operate operating operated work "
    "any point time moment stage "
    "worked working exist take place in during within over for throughout the year of "
    "работал работала работали шел шла шли велся велась велись действовал действовали "
    "проводился проводились в во году".split()
)


def _date_negated(words: Sequence[str], start_pos: int) -> bool:
    """Whether a "not" before the date at `start_pos` excludes it: right before it ("not in
    2010"), or further back before words that lead up to it ("had not yet been active in
    2009", "projects that didnt run at all in 2010"), after any other date."""
    before = words[max(0, start_pos - 3) : start_pos]
    wider = words[max(0, start_pos - 7) : start_pos]
    since_other = max((k for k, w in enumerate(wider) if _YEAR.match(w)), default=-1)
    # ("neither in 2007 nor in 2013", "ни в 2007, ни в 2008 году")
    return any(b in ("not", "не", "never", "neither", "nor", "ни") for b in before) or any(
        k > since_other
        and _negation_word(wider, k)
        and all(_leads_to_a_date(w) for w in wider[k + 1 :])
        for k in range(len(wider))
    )


def _negation_word(words: Sequence[str], k: int) -> bool:
    """Whether `words[k]` says "not": "not", "never", "не", "didnt", "didn" of "didn't"."""
    w = words[k]
    return (
        w in ("not", "never", "не")
        or w in V.NEGATED_WORDS
        or (w in V.NEGATED_AUXILIARIES and words[k + 1 : k + 2] == ["t"])
    )


def _leads_to_a_date(word: str) -> bool:
    return word in _TOWARDS_A_DATE or V.START_WORDS.matches(word) or V.END_WORDS.matches(word)


def _times(text: str, tokens: tuple[Token, ...]) -> tuple[list[TimeSpec], set[int]]:
    """Years, months, seasons and year ranges named in the question."""
    specs: list[TimeSpec] = []
    used: set[int] = set()
    words = [t.word for t in tokens]
    ranges = {(int(a), int(b)) for a, b in _RANGE.findall(text)}
    i = 0
    while i < len(words):
        w = words[i]
        if not _YEAR.match(w):
            i += 1
            continue
        year = int(w)
        positions = [i]
        prev = words[i - 1] if i > 0 else ""
        prev2 = words[i - 2] if i > 1 else ""
        first, last = Month(year, 1), Month(year, 12)
        exact = False
        ranged = False
        if prev in V.MONTHS or (prev in ("of", "in") and prev2 in V.SEASONS) or prev in V.SEASONS:
            key = prev if prev in V.MONTHS or prev in V.SEASONS else prev2
            positions.append(i - 1 if key == prev else i - 2)
            if key in V.MONTHS:
                first = last = Month(year, V.MONTHS[key])
                opening = _opening_month(text, words, i - 1)
                if opening is not None:  # "june–august 2011", "from june to august 2011"
                    start_at, opens = opening
                    first = Month(year if opens <= first.month else year - 1, opens)
                    positions += range(start_at, i - 1)
                    ranged = True
            else:
                a, b = V.SEASONS[key]
                # "the winter of 2010": the one whose January is in 2010; "winter 2009/10" is
                # read by the range after it
                slash_next = (
                    "/" in text and i + 1 < len(words) and bool(_YEAR_END.match(words[i + 1]))
                )
                first, last = (
                    (Month(year, a), Month(year, b))
                    if a <= b
                    else (Month(year, a), Month(year + 1, b))
                    if slash_next
                    else (Month(year - 1, a), Month(year, b))
                )
                if slash_next:  # the "/2010" of "winter 2009/2010" is the same winter
                    i += 1
                    positions.append(i)
        elif V.END_OF_WORDS.matches(prev) or (prev in ("of",) and V.END_OF_WORDS.matches(prev2)):
            # "late 2011": its last four months; "the end of 2009": its last quarter
            first, last = Month(year, 9 if prev == "late" else 10), Month(year, 12)
            positions += [i - 1] if V.END_OF_WORDS.matches(prev) else [i - 1, i - 2]
        elif _part_of_year(words, i) is not None:
            # "Q3 2011", "the second half of 2010", "во втором полугодии 2010 года"
            (a, b), used_from = _part_of_year(words, i)  # type: ignore[misc]
            first, last = Month(year, a), Month(year, b)
            positions += range(used_from, i)
        elif prev in _MIDDLE or (prev == "of" and prev2 in _MIDDLE):
            # "mid-2012", "the middle of 2012", "в середине 2012 года": its middle months
            first, last = Month(year, 5), Month(year, 8)
            positions += [i - 1] if prev in _MIDDLE else [i - 1, i - 2]
        elif V.START_OF_WORDS.matches(prev) or (
            prev in ("of",) and V.START_OF_WORDS.matches(prev2)
        ):
            # "early 2010": its first four months ("wrapped up in early 2010": February);
            # "the beginning of 2010": its first quarter
            first, last = Month(year, 1), Month(year, 4 if prev == "early" else 3)
            positions += [i - 1] if V.START_OF_WORDS.matches(prev) else [i - 1, i - 2]
        # a range "2007-2010" or "sept 2009 - april 2011"
        nxt = i + 1
        if nxt < len(words) and (year, int(words[nxt]) if _YEAR.match(words[nxt]) else 0) in ranges:
            end_year = int(words[nxt])
            positions.append(nxt)
            last = Month(end_year, 12)
            i = nxt
        elif (
            nxt + 1 < len(words)
            and words[nxt] in V.MONTHS
            and _YEAR.match(words[nxt + 1])
            and "-" in text
        ):
            last = Month(int(words[nxt + 1]), V.MONTHS[words[nxt]])
            positions += [nxt, nxt + 1]
            i = nxt + 1
            exact = first == last or prev in V.MONTHS
        elif (
            nxt + 1 < len(words)
            and _range_word(words, nxt, start=min(positions))
            and (_YEAR.match(words[nxt + 1]) or words[nxt + 1] in V.MONTHS)
        ):
            # "from sept 2009 to april 2011", "с 2007 по 2010 год", "between 2007 and 2010"
            end_month = V.MONTHS.get(words[nxt + 1])
            end_at = nxt + 2 if end_month else nxt + 1
            if end_at < len(words) and _YEAR.match(words[end_at]):
                end_year = int(words[end_at])
                last = Month(end_year, end_month or 12)
                positions += list(range(nxt, end_at + 1))
                exact = bool(end_month) and prev in V.MONTHS
                ranged = True
                i = end_at
        start_pos = min(positions)
        if (
            start_pos >= 2
            and words[start_pos - 1] == "of"
            and words[start_pos - 2] in ("start", "beginning", "end", "middle")
            and first == last
        ):
            # "at the start of January 2010": a time within the month, not a project's start
            positions += [start_pos - 1, start_pos - 2]
            start_pos -= 2
        before = words[max(0, start_pos - 3) : start_pos]
        relation = "in"
        closes = bool(before) and before[-1] in _UNTIL and any(_lasted(b) for b in before[:-1])
        if _throughout(before):
            relation = "throughout"  # "active for the whole of 2010": every month of it
        elif closes or ranged:
            pass  # "ran until feb 2013": it ended then; "from 2007 to 2010": within that
        elif _by_the_start_of(words, start_pos):
            relation = "before"  # "over by the start of 2011", "к началу 2011 года"
        elif (
            before[-2:-1] == ["by"]
            or before[-3:-2] == ["by"]
            or before[-1:] in (["by"], ["к"])
            or before[-2:] == ["к", "концу"]
        ):
            relation = "by"  # "over by the end of 2010", "к 2011 году": at the latest then
        elif any(V.BEFORE_WORDS.matches(b) for b in before):
            relation = "before"
        elif any(V.AFTER_WORDS.matches(b) for b in before) or any(
            b in ("с", "со") for b in before[-1:]
        ):
            relation = "after"
        else:  # "began after IOM signed the agreement with the EC delegation in July 2009"
            relation = _relation_across_an_event(words, start_pos) or relation
        end_pos = max(positions)
        if words[end_pos + 1 : end_pos + 2] in (["году"], ["года"], ["год"]):
            end_pos += 1  # "в 2009 году (или позже)": the word "year" is part of the date
            positions.append(end_pos)
        after_it = words[end_pos + 1 : end_pos + 3]
        either = after_it[:1] in (["or"], ["and"], ["и"], ["или"])
        if after_it[:1] in (["onwards"], ["onward"]) or (
            either
            and after_it[1:] in (["later"], ["after"], ["afterwards"], ["позже"], ["позднее"])
        ):
            relation = "from"  # "2009 or later", "2009 onwards": that year counts too
            positions += range(
                end_pos + 1, end_pos + (2 if after_it[0].startswith("onward") else 3)
            )
        elif either and after_it[1:] in (["earlier"], ["before"], ["раньше"], ["ранее"]):
            relation = "until"  # "2010 or earlier"
            positions += [end_pos + 1, end_pos + 2]
        negated = _date_negated(words, start_pos)
        verb = (
            "start"
            if any(V.START_WORDS.matches(b) for b in before[-2:])
            else "end"
            if any(V.END_WORDS.matches(b) for b in before[-2:])
            else None
        )
        specs.append(
            TimeSpec(
                first,
                last,
                relation,
                negated,
                tuple(sorted(positions)),
                exact,
                closes=closes,
                anchor=verb,
            )
        )
        used.update(positions)
        i += 1
    for i, w in enumerate(words):  # a month with no year: "projects that ended in a february"
        # (a three-letter month, "may", "мае", only where it is dated: "in May that year")
        dated = words[i + 1 : i + 3] in (["that", "year"], ["того", "же"]) or (
            i + 1 < len(words) and _YEAR.match(words[i + 1]) is not None
        )
        if (
            w in V.MONTHS
            and i not in used
            and (len(w) > 3 or dated)
            and (dated or not tokens[i].stop)
        ):
            month = Month(0, V.MONTHS[w])
            negated = _date_negated(words, i)  # "which projects did not end in February"
            specs.append(TimeSpec(month, month, "in", negated, (i,), month_only=True))
            used.add(i)
        elif w in V.SEASONS and i not in used:  # "finished in winter": its months, any year
            a, b = V.SEASONS[w]
            specs.append(TimeSpec(Month(0, a), Month(0, b), "in", False, (i,), month_only=True))
            used.add(i)
    if len({s.anchor for s in specs if s.anchor}) < 2:  # one end dated: the question's anchor
        specs = [replace(s, anchor=None) for s in specs]
    return specs, used


def _relative_where(tokens: tuple[Token, ...]) -> set[int]:
    """Positions of "where" / "где" that begin a description of a project ("the project
    where the Finns gave money", "проект, где снимали фильм"), not a question about places."""
    project_words = PROJECT_WORDS | _PROGRAMME_WORDS | {"one"}
    return {
        b.position
        for a, b in pairwise(tokens)
        if a.word in project_words and b.word in ("where", "где", "wherein")
    }


#: Words between a unit of time and "following" ("the year immediately following").
RIGHT_AWAY: Final = frozenset("immediately directly right just".split())


def _time_following(tokens: tuple[Token, ...]) -> set[int]:
    """Positions of "following" / "preceding" that date something ("the year following the
    end of X", "the month immediately preceding"), not ask for a linked project."""
    found: set[int] = set()
    words = [t.word for t in tokens]
    for i, w in enumerate(words):
        if w not in ("following", "preceding"):
            continue
        j = i - 1
        while j >= 0 and words[j] in RIGHT_AWAY:
            j -= 1
        if j >= 0 and words[j] in ("year", "month", "years", "months"):
            found.update(t.position for t in tokens[j + 1 : i + 1])
    return found


#: Words that ask for a whole period: "for the whole of 2010", "throughout 2010", "весь 2010".
_WHOLE: Final = frozenset("whole entire throughout full весь всего протяжении целый".split())


def _throughout(before: list[str]) -> bool:
    """Whether the words before a date ask for all of it ("the whole of", "all of", "весь")."""
    return any(w in _WHOLE for w in before) or ("all", "of") in set(pairwise(before))


def _opening_month(text: str, words: list[str], at: int) -> tuple[int, int] | None:
    """Where a month range ends at words[at] ("june–august 2011", "from june to august",
    "с июня по август"): the position of its first month and that month, if it is one."""
    before = words[at - 1] if at >= 1 else ""
    if before in V.MONTHS and re.search(
        rf"{re.escape(before)}\s*[-–—]\s*{re.escape(words[at])}", text.lower()
    ):
        return at - 1, V.MONTHS[before]
    if at >= 2 and words[at - 2] in V.MONTHS and _range_word(words, at - 1, start=at - 2):
        return at - 2, V.MONTHS[words[at - 2]]
    return None


#: The words that open a period: "from … to …", "between … and …", "с … по …".
_RANGE_OPENERS: Final = {"from": "to till until through thru", "between": "and", "с": "по до"}


def _range_word(words: list[str], at: int, start: int) -> bool:
    """Whether words[at] joins two dates into one period, opened by "from", "between" or "с"
    just before the first date (or "to" alone after a month: "sep 2009 to june 2011")."""
    opener = words[start - 1] if start > 0 else ""
    joins = _RANGE_OPENERS.get(opener, "").split()
    return words[at] in joins or (words[at] in ("to", "through", "thru") and at - start >= 2)


#: Verbs of meaning to: "want to achieve", "meant to deliver", "хотели достичь".
_MEANT_TO: Final = frozenset(
    "want wanted wants meant supposed hoped hope aimed aim planned intended хотели хотел "
    "должен должна должны планировали собирались".split()
)

#: The word after "same" when a question is asked again of another project.
_SAME_FOR: Final = (["for"], ["about"], ["with"], ["question"], ["для"], ["про"], ["о"], ["по"])

#: The question words: "what", "who", "что", "кто" ...
_WH_WORDS: Final = frozenset(
    "what who where which how что кто где куда какие какой чем как".split()
)

#: A name read off this many words is a title written out, not an alias.
_TITLE_LENGTH: Final = 6

#: "ran until", "lasted till", "длился до": up to a month, and no further.
_UNTIL: Final = frozenset("until till til through thru до по".split())


def _lasted(word: str) -> bool:
    """A verb of running on: "ran", "lasted", "continued", "длился", "шёл"."""
    return V.ACTIVE_WORDS.matches(word) or word.startswith(
        ("last", "continu", "длил", "продолжал", "продлил")
    )


_GT: Final = frozenset(
    "longer more over above greater exceeding beyond longer больше более дольше свыше".split()
)
_LT: Final = frozenset("less shorter under below fewer within меньше менее короче".split())
_EQ: Final = frozenset("exactly precisely ровно".split())


#: "..., right?", "..., correct?", "..., isn't it?", "..., верно?", "..., да?"
TAG_QUESTION: Final = re.compile(
    r"[,—–-]\s*(right|correct|true|isn'?t it|wasn'?t it|didn'?t it|верно|правда|да|так)\s*\?\s*$",
    re.IGNORECASE,
)
#: A claim put to the bot to check: "true or false: …", "can you confirm …", "is it correct
#: that …", "I read that …", "верно, что …".
CLAIM_CHECK: Final = re.compile(
    r"\b(true or false|can you confirm|could you confirm|please confirm|confirm that|confirm whether|"
    r"is it (?:true|correct|right|so) that|i (?:read|heard|was told) that|"
    r"верно,? что|правда,? что|правильно,? что|я (?:читал|читала|слышал|слышала),? что)\b",
    re.IGNORECASE,
)


def checks_a_claim(text: str) -> bool:
    """Whether the question puts a claim to check ("…, right?", "I read that …")."""
    return TAG_QUESTION.search(text) is not None or CLAIM_CHECK.search(text) is not None


def _claimed_target(words: list[str]) -> str | None:
    """What a number in a claim counts, when the knowledge base can count it ("two NGOs",
    "three donors")."""
    for i, w in enumerate(words):
        if number_value(w) is None or w in ("one", "a") or i + 1 >= len(words):
            continue
        for key, lexicon in V.COUNTABLE.items():
            if key not in (PROJECTS, F.DURATION) and lexicon.matches(words[i + 1]):
                return key
    return None


def _claimed_count(words: list[str]) -> bool:
    """A number of projects put forward to check ("only two of the four projects were funded
    by the EU?", "только два из четырёх проектов"): a count answers."""
    if "of" not in words and "из" not in words:
        return False
    for i, w in enumerate(words):
        if number_value(w) is None or w in ("one", "a"):
            continue
        rest = [
            x for x in words[i + 1 : i + 5] if x not in ("the", "four", "4", "четырех", "четырёх")
        ]
        of_them = rest[:1] in (["of"], ["из"]) and any(x in _PROJECT_PLURALS for x in rest[1:3])
        if of_them:
            return True
    return False


_PROJECT_PLURALS: Final = frozenset(
    "projects programmes them проектов проекта проекты программ".split()
)


def number_value(word: str) -> int | None:
    """1-12 written as digits or words, English or Russian ("two", "двух", "3")."""
    if word.isdigit() and len(word) <= 2:
        return int(word)
    t = term(word)
    return int(t[len(V.NUMBER_PREFIX) :]) if t.startswith(V.NUMBER_PREFIX) else None


def _durations(tokens: tuple[Token, ...]) -> list[DurationSpec]:
    """Durations compared in the question: "longer than two years", "exactly 24 months"."""
    found = []
    words = [t.word for t in tokens]
    for i, w in enumerate(words):
        unit = (
            12
            if w.startswith(("year", "год", "лет"))
            else 1
            if w.startswith(("month", "месяц"))
            else 0
        )
        if not unit or i == 0:
            continue
        if words[i + 1 : i + 2] in (["after"], ["before"], ["later"], ["earlier"], ["спустя"]):
            continue  # "three years after that": how far from another date, not a length
        j = i - 1
        full = words[j] in _FULL and j > 0  # "two full years"
        if full:
            j -= 1
        n = number_value(words[j])
        if n is None and words[j] in ("a", "one"):
            n = 1
        if n is None:
            continue
        window = words[max(0, j - 3) : j]
        joined = " ".join(window)
        at_least = "at least" in joined or "не менее" in joined or "no less" in joined
        if at_least or full or set(window[-2:]) & _FULL:  # "a full two years": all of them
            op = "ge"
        elif "at most" in joined or "не более" in joined or "no more" in joined:
            op = "le"
        elif set(window) & _GT:
            op = "gt"
        elif set(window) & _LT:
            op = "lt"
        elif set(window) & _EQ or (window and window[-1] in _RAN_FOR):
            op = "eq"  # "exactly 24 months", "did SIREADA run for 3 years?", "длился 3 года"
        else:
            op = ""
        after = words[i + 1 : i + 3]
        if after in (
            ["or", "more"],
            ["or", "longer"],
            ["or", "over"],
            ["and", "more"],
            ["или", "больше"],
            ["и", "более"],
            ["или", "более"],
        ):
            op = "ge"  # "two years or more"
        elif after in (
            ["or", "less"],
            ["or", "shorter"],
            ["or", "fewer"],
            ["или", "меньше"],
            ["и", "менее"],
            ["или", "менее"],
        ):
            op = "le"
        # "did not last more than two years", "длились не больше двух лет": the other side
        reach = words[max(0, j - NEGATED_LENGTH_REACH) : j]
        if op in _OPPOSITE and any(_negation_word(reach, k) for k in range(len(reach))):
            op = _OPPOSITE[op]
        if op:
            found.append(DurationSpec(op, n * unit, tuple(range(max(0, j - 3), i + 1))))
    return found


#: How far before a length a "not" turns its comparison round, and what it turns it into.
NEGATED_LENGTH_REACH = 5
_OPPOSITE: Final = {"gt": "le", "lt": "ge", "ge": "lt", "le": "gt"}


_FULL: Final = frozenset(["full", "whole", "entire", "complete", "полных", "полные", "целых"])
#: The word before a length of time the question says a project ran: "ran for 3 years".
_RAN_FOR: Final = frozenset(
    "for lasted last ran run длился длилась длилось шел шёл шла продолжался продолжалась".split()
)

_SUPERLATIVES: Final = {
    **dict.fromkeys("shortest короче кратчайш самый_короткий".split(), ("duration", "min")),
    **dict.fromkeys("longest дольше длиннее".split(), ("duration", "max")),
    **dict.fromkeys("earliest oldest first раньше первым первый".split(), ("start", "min")),
    **dict.fromkeys(
        "latest newest last recent recently позже последним последний".split(), ("start", "max")
    ),
}


#: The plural forms of "project" a list question uses (protected, so that "праектах" is read).
_PROJECTS_PLURAL: Final = frozenset(
    "projects programmes programs проекты проектов проектах проектами проектам программы "
    "программ программах программами программам".split()
)


V.protect(_NAME_WORDS, _PERSON_ROLES, _GT, _LT, _EQ, _SUPERLATIVES, PRONOUNS, _PROJECTS_PLURAL)


#: "most" before a plain adjective, as a second language may say it: "the most short one".
_MOST_PLAIN: Final = {
    "short": ("duration", "min"),
    "long": ("duration", "max"),
    "early": ("start", "min"),
    "late": ("start", "max"),
    "recent": ("start", "max"),
}

# Comparatives pick one of several too ("of those two, which one lasted longer"), unless they
# compare with a number ("longer than two years": a duration filter).
_COMPARATIVES: Final = {
    **dict.fromkeys(["longer"], ("duration", "max")),
    **dict.fromkeys(["shorter"], ("duration", "min")),
    **dict.fromkeys(["earlier", "sooner"], ("start", "min")),
    **dict.fromkeys(["later"], ("start", "max")),
}
#: What follows a comparative that picks one of two: "the shorter one" (not "any earlier
#: programme", a project before this one).
_ONE_OF_THEM: Final = frozenset(["one"])
# Russian superlatives change their endings ("самым коротким", "самый ранний").
_SUPERLATIVE_PREFIXES: Final = (
    ("коротк", ("duration", "min")),
    ("кратчайш", ("duration", "min")),
    ("длинн", ("duration", "max")),
    ("продолжительн", ("duration", "max")),
    ("ранн", ("start", "min")),
    ("поздн", ("start", "max")),
    ("последн", ("start", "max")),
)


def _bare_superlative(tokens: tuple[Token, ...]) -> bool:
    """ "and the longest?", "а самый ранний?": a superlative alone, after a list of projects.
    Not "first" or "last", which may point into the list ("and the last one?")."""
    content = [
        t.word for t in tokens if not t.stop and t.word not in ("one", "ones", "самый", "самая")
    ]
    if len(content) != 1:
        return False
    word = content[0]
    if word in _SUPERLATIVES:
        return word not in _LIST_POSITIONS
    return word.startswith(tuple(p for p, _ in _SUPERLATIVE_PREFIXES if p != "последн"))


_LIST_POSITIONS: Final = frozenset("first last первый последний первым последним".split())


#: Asking for an order: "sort", "rank", "расставь" …, and by a date: "by date", "по дате".
_SORT_WORDS: Final = frozenset(
    "sort sorted order ordered rank ranked расставь расставьте расположи расположите".split()
)
_SORT_BY_DATE: Final = frozenset(
    "date dates start end year years time дате датам датой началу начала окончания окончанию "
    "завершения".split()
)


def _by_the_start_of(words: list[str], at: int) -> bool:
    """ "by the start of 2011", "by the beginning of 2011", "к началу 2011 года": before the
    date at `at`."""
    return words[max(0, at - 4) : at] in (
        ["by", "the", "start", "of"],
        ["by", "the", "beginning", "of"],
    ) or words[max(0, at - 2) : at] == ["к", "началу"]


def _superlative(tokens: tuple[Token, ...], skip: set[int]) -> tuple[str, str] | None:
    """ "Which project started earliest / finished last / was the shortest". Whether "first"
    means the start or the end comes from the nearest verb: "started in 2009, which one
    finished first" asks about the end."""
    words = [t.word for t in tokens]
    asks = (
        *("which", "what", "who", "project", "programme", "projects", "programmes", "list"),
        *("sort", "order", "rank", "проекты", "перечисли", "перечислите"),
        *("какой", "какая", "какие", "какого", "каком", "какому", "каким", "проект", "проекта"),
    )
    # "the shorter one": the shorter of the two just talked about
    # ("that earlier one" is the earlier programme a project followed up on)
    one_of_them = any(a in ("longer", "shorter") and b in _ONE_OF_THEM for a, b in pairwise(words))
    if not any(w in asks for w in words) and not _bare_superlative(tokens) and not one_of_them:
        return None
    # "which one lasted longer" picks one; "longer than two years" and "any earlier programme" do not
    comparing = one_of_them or (
        "than" not in words
        and "чем" not in words
        and any(w in ("which", "какой", "какая", "который") for w in words)
    )
    sorting = any(w in _SORT_WORDS or w.startswith(("отсортир", "упорядоч")) for w in words)
    if any(w.startswith(("chronolog", "хронолог")) for w in words) or (
        sorting and any(w in _SORT_BY_DATE for w in words)
    ):
        # "list them in chronological order", "sort by date", "расставь проекты по дате
        # окончания" (by the end when it says so)
        return ("end" if any(V.END_WORDS.matches(w) for w in words) else "start"), "min"
    for i, w in enumerate(words):
        if i in skip:  # the "later" of "in 2009 or later"
            continue
        found = (
            _SUPERLATIVES.get(w)
            # "the most short one": the shortest ("the most long duration" is a measure's most)
            or (
                _MOST_PLAIN.get(words[i + 1])
                if w == "most"
                and i + 1 < len(words)
                and words[i + 2 : i + 3] in ([], ["one"], ["project"], ["programme"])
                else None
            )
            or (_COMPARATIVES.get(w) if comparing else None)
            or next(
                (value for prefix, value in _SUPERLATIVE_PREFIXES if w.startswith(prefix)), None
            )
        )
        if found is None:
            continue
        measure, direction = found
        if measure == "start":
            ends = [abs(i - j) for j, x in enumerate(words) if V.END_WORDS.matches(x)]
            starts = [abs(i - j) for j, x in enumerate(words) if V.START_WORDS.matches(x)]
            if ends and (not starts or min(ends) < min(starts)):
                measure = "end"
        return measure, direction
    return None
