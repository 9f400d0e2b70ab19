"""Query + knowledge → Answer. Decides what kind of answer a question gets, and composes it.

The decision runs top to bottom in `respond`: help, things the knowledge base never holds,
unknown countries, meanings of abbreviations, comparisons, lists and counts, then one project's
field, detail or card. When nothing fits well enough the bot says so instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import Any, Final, TypeVar

import numpy as np

from bot.core import fields as F
from bot.core import understand
from bot.core import vocabulary as V
from bot.core.context import DEFAULT_TTL, ChatState
from bot.core.dictionary import dictionary_word
from bot.core.messages import (
    day_and_month,
    kind_label,
    label,
    measured_label,
    month_name,
    number_word,
    projects_word,
    relation_label,
    role_label,
    say,
)
from bot.core.search import (
    ABSENT_ORG,
    COUNTRY_FUNDER,
    COUNTRY_IN,
    COUNTRY_ONLY,
    COUNTRY_PREFIX,
    COUNTRY_TIES,
    COUNTRY_VISITED,
    DESTINATION_KINDS,
    ORG_PREFIX,
    Doc,
    Index,
    Mention,
    NameHit,
    Ranked,
    Token,
    term,
)
from bot.core.text import is_cyrillic, stem, truncate, words
from bot.core.types import Action, Answer, Block, Kind, Question, Reply, Span, Style, Suggestion
from bot.core.understand import NAMED_STRENGTH, Query, TimeSpec
from bot.kb.countries import find_country, localized_name
from bot.kb.model import Date, Month, OrgKind, Participation, Project, Role, Status

#: A project named at least this strongly (0-1) is taken as named (decided in understand.py).
NAMED = NAMED_STRENGTH
#: A weaker name ("the border one") still picks a project when no other project comes close.
WEAK_NAME = 0.25
#: A name this strong is a hint at a project, enough for the second of two compared.
HINT_NAME = 0.5
#: A name at this strength is the project's own acronym or whole title.
EXACT_NAME = 1.0
#: ... and at this one, every word of one of its titles or aliases ("the readmission framework
#: programme").
WHOLE_NAME = 0.95
#: Two candidates closer than this are ambiguous: the bot asks which one.
AMBIGUITY_MARGIN = 0.1
#: A statement covering at least this share of the question's content answers a detail question.
DETAIL_MATCH = 0.6
#: ... and this share, with no project named, identifies the project by itself.
DETAIL_IDENTIFIES = 0.7
#: Statements within this share of the best one are shown together.
DETAIL_BAND = 0.8
#: A project whose best statement reaches this share of a topic matches a list question.
TOPIC_MATCH = 0.55
#: A clarifying question offers at most this many projects.
CLARIFY_CHOICES = 4
#: The lowest statement score `_single` and `_identify` look at (0.3: "no such detail here");
#: statements below it are never scored.
_SINGLE_MIN = 0.3


def respond(index: Index, question: Question, state: ChatState, ttl: float = DEFAULT_TTL) -> Reply:
    rest = _without_preamble(question.text)
    if rest is not None and not _points_back(understand.parse(index, rest, question.lang)):
        # "I'm a journalist writing about EU-Russia cooperation. Which projects did the EU
        # fund?": what the asker says of themselves would drown the question, which is
        # answered alone ... unless it points back into the first sentence ("… noticed EECA
        # in the 2007-2010 programme. In what context does it appear there?") or cannot be
        # answered without it
        alone = _respond_whole(index, replace(question, text=rest), state, ttl)
        kind = alone.answer.kind
        if not kind.is_abstention and kind not in (Kind.HELP, Kind.CLARIFY):
            return alone
    return _respond_whole(index, question, state, ttl)


#: A first sentence about the asker, before the question: "I'm a journalist …", "For my
#: thesis: …", "Я пишу дипломную работу …".
_ABOUT_THE_ASKER: Final = re.compile(
    r"^(?:i'?m\b|i am\b|i work|i write|i'?ve\b|we\b|my\b|for (?:a|my|the|our)\b|as an?\b|"
    r"я\b|мы\b|пишу|работаю|для (?:моей|моего|нашей|нашего|статьи|диплом))",
    re.IGNORECASE,
)
#: Where that first sentence ends: a full stop, "!", or a colon before the question.
_PREAMBLE_END: Final = re.compile(r"(?<=[.!:])\s+")


#: The asker's own side: "were we a counterpart", "наше министерство".
_WE: Final = frozenset(
    "we us our ours мы нас нам наш наша наше наши нашего нашей нашим наших нашему".split()
)


def _points_back(q: Query) -> bool:
    """Whether a question points back at what came before it: "it", "there", or the asker's
    own side ("which project were we a counterpart in?" after "I work for the SBGS.")."""
    return q.refers_back or any(t.word in _WE for t in q.tokens)


def _without_preamble(text: str) -> str | None:
    """The message without a first sentence about the asker, when one comes before the
    question; None otherwise."""
    parts = _PREAMBLE_END.split(text.strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    lead, rest = parts
    if "?" in lead or not _ABOUT_THE_ASKER.match(lead):
        return None
    return rest


def _respond_whole(index: Index, question: Question, state: ChatState, ttl: float) -> Reply:
    asked = _question_beside_a_claim(question.text)
    if asked is not None:
        # "which projects named a final beneficiary? I read all of them did": the answer to
        # the question settles the claim
        question = replace(question, text=asked)
    both = understand.two_questions(index, question.text)
    if both is not None:
        joined = _pick_then_ask(index, question, both, state, ttl)
        if joined is not None:
            return joined
    return _respond_one(index, question, state, ttl)


#: Where a message breaks into sentences ("…? I read …", "… — верно, что …").
_SENTENCES: Final = re.compile(r"(?<=[.?!])\s+|\s+[—–-]\s+")
#: How a sentence putting a claim begins: "I read …", "is it only …", "верно, что …".
_CLAIM_START: Final = re.compile(
    r"^(i (?:read|heard|think|thought|was told)|is it (?:only|just|all)|only |just |"
    r"верно|правда|я (?:читал|слышал|думал))",
    re.IGNORECASE,
)
_PLURAL_PROJECTS: Final = re.compile(
    r"\b(?:projects|programmes|проекты|проектах|проектов|программ)\b", re.IGNORECASE
)
_CLAIM_ANYWHERE: Final = re.compile(
    r"(?:[.?!]|\s[—–-])\s*(?:i (?:read|heard|think|thought|was told)|is it|only|just|верно|"
    r"правда|я (?:читал|слышал|думал))",
    re.IGNORECASE,
)
#: How a list question begins.
_LIST_START: Final = re.compile(r"^(which|what|какие|какой|в каких)\b", re.IGNORECASE)


def _question_beside_a_claim(text: str) -> str | None:
    """The list question of a message that also puts a claim about its answer ("which
    projects mention third-country nationals? only sireada, right?", "I read the training was
    a SIREADA activity. which projects dealt with readmission centres?"); None otherwise."""
    if not _CLAIM_START.search(text) and not _CLAIM_ANYWHERE.search(text):
        return None
    parts = [p.strip() for p in _SENTENCES.split(text.strip()) if p.strip()]
    if len(parts) != 2:
        return None
    # (a list question of its own: "which one was it?" needs the claim)
    questions = [p for p in parts if _LIST_START.match(p) and _PLURAL_PROJECTS.search(p)]
    claims = [p for p in parts if _CLAIM_START.match(p)]
    if len(questions) == 1 and len(claims) == 1 and questions[0] != claims[0]:
        return questions[0]
    return None


def _pick_then_ask(
    index: Index, question: Question, both: tuple[str, str], state: ChatState, ttl: float
) -> Reply | None:
    """ "which project had study tours to Austria and who paid for it?": the first question
    picks the project, the second is asked about it as a follow-up would be (for each of a
    short list: "which projects worked with the FMS and who funded them?"). None when the
    message is better read whole."""
    follow = understand.parse(index, both[1], question.lang)
    if {F.MEANING, F.TITLE} & set(follow.fields):
        return None  # "UKBA - which project were they in, and what's the full name": UKBA's
    picked = _respond_one(index, replace(question, text=both[0]), state, ttl)
    found = picked.answer
    if found.kind.is_abstention or found.kind is Kind.CLARIFY:
        return None
    if found.kind is Kind.LIST and _filter_kinds(follow) and not follow.fields:
        # "which projects did IOM run with Rosgranitsa, and which with the FMS?": the same list
        # question again with the second filter, both lists answered
        joined = "а " if follow.lang == "ru" else "and "
        other = _respond_one(index, replace(question, text=joined + both[1]), picked.state, ttl)
        if other.answer.kind in (Kind.LIST, Kind.NOT_FOUND):
            both_lists = [*found.blocks, *other.answer.blocks]
            projects = list(dict.fromkeys([*found.projects, *other.answer.projects]))
            return Reply(_answer(Kind.LIST, follow.lang, both_lists, projects), other.state)
    if len(found.projects) == 1:
        asked = _respond_one(index, replace(question, text=both[1]), picked.state, ttl)
        if asked.answer.projects[:1] == found.projects or asked.answer.kind is Kind.NO_INFO:
            return asked
        return None
    if found.kind is not Kind.LIST or len(found.projects) > _EACH_ASKED:
        return None
    blocks: list[Block] = list(found.blocks[:1])  # "3 matching:"
    for pid in found.projects:
        one = picked.state.touched(projects=(pid,))
        each = _respond_one(index, replace(question, text=both[1]), one, ttl).answer
        if each.projects[:1] != (pid,) or each.kind.is_abstention:
            return None
        blocks += each.blocks
    many = _answer(Kind.LIST, follow.lang, blocks, found.projects, list(follow.fields))
    return Reply(many, picked.state)


#: People of an organisation: "Rosgranitsa officers", "сотрудников ФМС" (after the name).
_PEOPLE: Final = frozenset(
    "officers officials staff employees personnel experts officer official".split()
)

#: "just", "merely": with V.ONLY, a role doubted as the only one ("was Germany just a …").
_MERELY: Final = frozenset("just merely лишь просто".split())

#: The most projects a second question joined to a list is answered for one by one.
_EACH_ASKED: Final = 5


def _respond_one(index: Index, question: Question, state: ChatState, ttl: float) -> Reply:
    q = understand.parse(index, question.text, question.lang)
    context = state if state.is_fresh(ttl=ttl) else ChatState()
    if _NEW_TOPIC.search(question.text):
        # "thanks. different topic: which federal laws did the 2007-2010 programme help
        # amend?": nothing said before is meant
        context = ChatState(lang=context.lang)
    if _about_the_thing(index, q, context):
        # "which project made a movie?" - "who was it aimed at?": the movie
        q = replace(q, residual=(*q.residual, *context.topic))
    answer = _decide(index, q, context)
    if answer.projects:
        kept = answer.projects[:2] if answer.kind in (Kind.PROJECT, Kind.FIELD) else answer.projects
        if (
            answer.fields[:1] == (F.RELATED,)
            and len(kept) == 2
            and ((not q.named and kept[0] in context.projects[:1]) or q.named == kept[:1])
        ):
            # "what was its follow-up project called?" / "what was the readmission mechanisms
            # project a follow-up to?" - "when did that one end?": the project just named by
            # the answer is "that one"
            kept = (kept[1], kept[0])
        one_at_a_time = answer.kind in (Kind.PROJECT, Kind.FIELD)
        new_state = context.touched(
            projects=kept,
            field=answer.fields[0] if answer.fields else None,
            lang=q.lang,
            candidates=_offered(answer, context),
            discussed=context.discussing(kept[0]) if one_at_a_time else context.discussed,
        )
        if answer.kind is Kind.CLARIFY:
            new_state = new_state.touched(projects=())
    else:
        new_state = context.touched(lang=q.lang)
    missing = _missing_asked(q, answer, context)
    if missing != new_state.missing:
        new_state = replace(new_state, missing=missing)
    measure = _measure_of(q, context)
    if measure != new_state.measure:
        new_state = replace(new_state, measure=measure)
    listed_by = _filter_kinds(q) if answer.kind in (Kind.LIST, Kind.COUNT) else ()
    if listed_by != new_state.listed_by:
        new_state = replace(new_state, listed_by=listed_by)
    year = _the_year(q) or context.year
    if year != new_state.year:
        new_state = replace(new_state, year=year)
    orgs = q.orgs()
    # (an organisation asked about: "what's the FMS?", "tell me about Rosgranitsa"; not one
    # that only narrows a question about a project or a topic)
    about_org = len(orgs) == 1 and not q.named and not content_topics(index, q)
    org = orgs[0] if about_org else None
    if org != new_state.org:
        new_state = replace(new_state, org=org)
    topic = tuple(content_topics(index, q)) if not answer.kind.is_abstention else ()
    if topic != new_state.topic:
        new_state = replace(new_state, topic=topic)
    return Reply(answer, new_state)


#: The asker turning to something else: "different topic", "на другую тему" (not "another
#: question: who funded it?", which goes on about the same project).
_NEW_TOPIC: Final = re.compile(
    r"\b(different|another|new|other) (topic|subject)\b|\b(другая|новая) тема\b|"
    r"\bна другую тему\b|\bсмени[мт]? тему\b",
    re.IGNORECASE,
)

#: Fields a question about a thing may ask of it: what it was for, what it was called, what
#: it was about ("who was it aimed at?", "what was it called?").
_FIELDS_OF_A_THING: Final = frozenset({F.OBJECTIVES, F.TITLE, F.SUMMARY, F.DETAIL})


def _about_the_thing(index: Index, q: Query, ctx: ChatState) -> bool:
    """ "Who was it aimed at?", "а на кого он рассчитан?", "what was it called?" right after a
    question about a thing (a movie, a study): "it" is that thing, when nothing else is named
    and only what describes a thing is asked (not "who funded it?": the project)."""
    return (
        bool(ctx.topic)
        and bool(ctx.projects)
        and q.refers_back
        and not q.named
        and not q.mentions
        and not q.times
        and not q.wants_list
        and not q.wants_count
        and set(q.fields) <= _FIELDS_OF_A_THING
        and not content_topics(index, q)
        and not any(t.word in ("its", "their", "project", "programme") for t in q.tokens)
        # ("and who ran it?": the project, run, started, ended)
        and not q.has(V.ACTIVE_WORDS)
        and not q.has(V.START_WORDS)
        and not q.has(V.END_WORDS)
    )


def _the_year(q: Query) -> int | None:
    """The one year the question names ("active in 2011", "in May 2011"), if it names one."""
    years = {y for s in q.times if not s.month_only for y in (s.first.year, s.last.year)}
    return years.pop() if len(years) == 1 else None


#: "that year", "the same year", "того же года", "в том году": the year just named.
_THAT_YEAR: Final = frozenset(
    [("that", "year"), ("same", "year"), ("того", "же"), ("том", "году"), ("тот", "год")]
)


def _in_that_year(q: Query, ctx: ChatState) -> Query:
    """A month of "that year" ("still running in May that year?") dated by the year the chat
    last named; the question as it is otherwise."""
    pairs = {(a.word, b.word) for a, b in pairwise(q.tokens)}
    if ctx.year is None or not pairs & _THAT_YEAR:
        return q
    dated = tuple(
        replace(
            s,
            first=Month(ctx.year, s.first.month),
            last=Month(ctx.year if s.last.month >= s.first.month else ctx.year + 1, s.last.month),
            month_only=False,
        )
        if s.month_only
        else s
        for s in q.times
    )
    return replace(q, times=dated) if dated != q.times else q


def _same_filter_again(q: Query, ctx: ChatState) -> bool:
    """ "which projects ran in 2012?" - "а в 2009?"; "сколько из них с ФМС?" - "а без ФМС?":
    the list question asked again with another filter of the kind it was made by."""
    return (
        _filters_of_the_list(q, ctx)
        and [t.word for t in q.tokens[:1]] in (["and"], ["а"], ["и"])
        and not q.fields
    )


def _filters_of_the_list(q: Query, ctx: ChatState) -> bool:
    """Whether the question filters only by the kinds the list shown was made by."""
    kinds = _filter_kinds(q)
    return bool(kinds) and set(kinds) <= set(ctx.listed_by)


def _filter_kinds(q: Query) -> tuple[str, ...]:
    """The kinds of filter a question names: "time", "org", "country", "length"."""
    kinds = {
        "time": bool(q.times),
        "org": bool(q.orgs()),
        "country": bool(q.countries()),
        "length": bool(q.durations),
    }
    return tuple(kind for kind, named in kinds.items() if named)


def _measure_of(q: Query, context: ChatState) -> str | None:
    """What the question ordered projects by, told or (elliptical) carried over."""
    if q.superlative is None:
        return None
    return q.superlative[0] if _measure_told(q) else context.measure or q.superlative[0]


def _measure_told(q: Query) -> bool:
    """Whether the question says what its superlative measures: a start, an end or a length
    ("which of them ended first?"), not just "first" or "позже всех"."""
    return (
        q.has(V.LONGER)
        or q.has(V.SHORTER)
        or any(
            V.START_WORDS.matches(t.word)
            or V.END_WORDS.matches(t.word)
            or t.word.startswith(_LASTED)
            for t in q.tokens
        )
    )


#: Words of how long a project ran ("lasted", "длился").
_LASTED: Final = ("lasted", "длил", "продолжал")


def _missing_asked(q: Query, answer: Answer, context: ChatState) -> str | None:
    """What the page lacks that this question asked for (a statistic, a budget …): kept for
    a bare follow-up ("and in Moldova?"), which asks the same again."""
    if answer.kind is not Kind.NO_INFO:
        return None
    return q.no_info or context.missing


def _asks_the_same_again(q: Query) -> bool:
    """ "and in Moldova specifically?", "what about the border project?": nothing new asked
    but a place, an organisation or a project, after a question the page could not answer."""
    words = [t.word for t in q.tokens]
    lead = words[:1] in (["and"], ["а"], ["и"], ["ok"], ["okay"]) or words[:2] == ["what", "about"]
    if not lead or q.fields or q.no_info or q.wants_list or q.wants_count or q.superlative:
        return False
    prefixes = (ORG_PREFIX, COUNTRY_PREFIX, V.NUMBER_PREFIX)
    return all(t.startswith(prefixes) for t in q.residual)


#: Requests to make something, not questions: "write me a poem", "translate this".
_CREATIVE: Final = frozenset(
    "write compose draw sing translate напиши сочини нарисуй спой переведи".split()
)


def _asks_how_to(q: Query) -> bool:
    """A request for personal help rather than a question about the projects: "how do I apply
    for a work permit", "where can I get a visa", "как продлить регистрацию", "куда обратиться",
    "write me a poem"."""
    words = [t.word for t in q.tokens]
    if len(words) < 2:
        return False
    first, second = words[0], words[1]
    if first in _CREATIVE:  # "write me a poem about borders"
        return True
    english = first in ("how", "where") and (
        second == "to"
        or (
            second in ("do", "can", "should", "could")
            and len(words) > 2
            and words[2] in ("i", "we")
        )
    )
    russian = first in ("как", "где", "куда") and (
        second.endswith(("ть", "ти", "чь")) or second in ("мне", "нам", "можно", "обратиться")
    )
    # "I'm a migrant without papers, what should I do", "что мне делать"
    advice = _ADVICE.search(" ".join(words)) is not None
    return english or russian or advice


#: "what should I do", "what can we do", "что мне делать", "что делать".
_ADVICE: Final = re.compile(
    r"\bwhat (should|can|could|must|do) (i|we) do\b|\bчто (мне |нам )?делать\b"
)


#: A quoted phrase: 'Title', "Title", «Title», “Title”.


#: The words that make a phrase a public body: "Ministry of Health", "Federal Customs Service".
_BODY_HEADS: Final = frozenset(
    "ministry ministries service agency committee department commission council bureau".split()
)
_BODY_HEADS_RU: Final = ("министерств", "служб", "агентств", "комитет", "департамент", "комисси")
#: Words that say what kind of body, not which one ("govt department", "federal service").
_BODY_QUALIFIERS: Final = frozenset(
    "government govt gov state federal national regional local public central russian "
    "федеральная федеральной государственная государственной".split()
)


def _unknown_body(index: Index, q: Query) -> str | None:
    """A public body the knowledge base never mentions, as the question writes it: a body's
    head word ("ministry", "service", "министерство") beside a word no text of the knowledge
    base uses ("Ministry of Health", "Federal Customs Service", "Министерство
    здравоохранения"). A known body ("Ministry of Internal Affairs") is a mention instead."""
    tokens = q.tokens
    for m in q.mentions:
        if m.kind == ABSENT_ORG:  # "the Russian Ministry of Internal Affairs"
            at = {t.position: i for i, t in enumerate(tokens)}
            first, last = at.get(min(m.positions)), at.get(max(m.positions))
            if first is not None and last is not None:
                return _as_written(q.text, tokens[first : last + 1])
    mentioned = {p for m in q.mentions for p in m.positions}

    def unknown(i: int) -> bool:
        t = tokens[i]
        return (
            not t.stop
            and t.word not in _BODY_QUALIFIERS
            and t.word.isalpha()
            and t.position not in mentioned
            and not index.known(t.term)
            and t.word not in index.vocabulary
        )

    def written_upper(i: int) -> bool:  # an abbreviation, as the question wrote it: "FSB"
        surface = tokens[i].surface
        return re.search(rf"\b{re.escape(surface.upper())}\b", q.text) is not None

    for i, t in enumerate(tokens):
        if t.position in mentioned or not (
            t.word in _BODY_HEADS or t.word.startswith(_BODY_HEADS_RU)
        ):
            continue
        after = i + 2 if tokens[i + 1 : i + 2] and tokens[i + 1].word == "of" else i + 1
        if after < len(tokens) and tokens[after].word == "the":
            after += 1
        if after < len(tokens) and unknown(after):  # "Ministry of Health"
            return _as_written(q.text, tokens[i : after + 1])
        if i >= 1 and unknown(i - 1):  # "Federal Customs Service", "таможенная служба"
            start = i - 2 if i >= 2 and tokens[i - 2].word in _BODY_QUALIFIERS else i - 1
            return _as_written(q.text, tokens[start : i + 1])
        if i >= 2 and unknown(i - 2) and not tokens[i - 1].stop and written_upper(i - 2):
            return _as_written(q.text, tokens[i - 2 : i + 1])  # "the FSB Border Service"
    return None


def _as_written(text: str, tokens: Sequence[Token]) -> str:
    """The words of `tokens` as the question wrote them (its capitals kept)."""
    pattern = r"\W+".join(re.escape(t.surface) for t in tokens)
    found = re.search(pattern, text, flags=re.IGNORECASE)
    return found.group(0) if found else " ".join(t.surface for t in tokens)


def _unknown_quoted_title(index: Index, q: Query) -> str | None:
    """A quoted title that is no project's: no name accounts for half of its words and no
    statement holds most of them ("Strengthening Border Management in the South Caucasus"
    shares only "border management" with the names)."""
    mentioned = {p for m in q.mentions for p in m.positions}
    for quote, start, end in understand.quotations(q.text, q.tokens):
        content = {t.position for t in q.tokens[start:end] if not t.stop}
        called = _project_word_near(q, start, end)
        if len(content) < 3 or not called or content & mentioned:
            continue  # "'Delegation of the EC to Russia'": an organisation, no project title
        named = any(
            h.strength >= NAMED and 2 * len(h.positions & content) >= len(content) for h in q.names
        )
        if named:
            continue
        terms = [t.term for t in q.tokens if t.position in content]
        if not index.score_docs(terms, None, DETAIL_IDENTIFIES):
            return quote.strip()
    return None


def _project_word_near(q: Query, start: int, end: int) -> bool:
    """Whether "project" or "programme" stands just before or after the words start..end
    ("the IOM project 'Strengthening ...'", "'...' programme")."""
    near = set(range(start - 3, start)) | set(range(end, end + 2))
    return any(t.position in near and t.term in V.GENERIC for t in q.tokens)


#: A year in a statement's text.
_YEAR: Final = re.compile(r"\b(19|20)\d\d\b")


def _asks_when(q: Query) -> bool:
    """Whether the question asks for a date ("when", "когда", "what year", "в каком году")."""
    words = [t.word for t in q.tokens]
    return any(w in ("when", "когда") for w in words) or any(
        (a, b)
        in (
            *(("what", "year"), ("which", "year"), ("каком", "году")),
            *(("dates", "of"), ("date", "of"), ("даты", "проведения"), ("дата", "проведения")),
        )
        for a, b in pairwise(words)
    )


#: "the third one", "второй": the place of an item in the list just shown.
_ORDINALS: Final = {
    **dict.fromkeys("first первый первая первое первого первому первом первым".split(), 1),
    **dict.fromkeys("second второй вторая второе второго второму втором вторым".split(), 2),
    **dict.fromkeys("third третий третья третье третьего третьему третьем третьим".split(), 3),
    **dict.fromkeys(
        "fourth четвертый четвертая четвертое четвертого четвертому четвертом четвертым".split(),
        4,
    ),
    **dict.fromkeys("fifth пятый пятая пятое пятого пятому пятом пятым".split(), 5),
}
#: Fields whose statements are numbered in the answer, so that "the third one" picks one.
_NUMBERED_FIELDS: Final = frozenset([F.COMPONENTS, F.OBJECTIVES, F.ACTIVITIES, F.RESULTS])


T = TypeVar("T")

#: "the last one", "а последний?": the last of the items shown (see `_ordinal`).
LAST = -1
_LAST_WORDS: Final = frozenset("last последний последняя последнее последнего".split())


def _ordinal(q: Query) -> int | None:
    """N of "the Nth one" / "the Nth" with nothing else asked ("what was the third one",
    "а второй?"); `LAST` for "and the last one?"."""
    content = [t for t in q.tokens if not t.stop and t.word not in ("one", "ones")]
    if len(content) != 1 or q.names:
        return None
    if content[0].word in _LAST_WORDS:
        return LAST
    return _ORDINALS.get(content[0].word)


def _bare_numbers(q: Query) -> list[int]:
    """The numbers of "what were 2 and 3 about?", "а 1 и 4?": numbers alone (items of the
    list just shown), nothing else asked; none otherwise."""
    content = [t for t in q.tokens if not t.stop and t.word not in ("about", "and", "и")]
    if not content or q.names or q.times:
        return []
    numbers = [understand.number_value(t.word) for t in content]
    return [n for n in numbers if n is not None] if all(numbers) else []


def _nth_of(items: Sequence[T], nth: int) -> T | None:
    """The `nth` item (counted from 1; `LAST`: the last one), or None when there is none."""
    if nth == LAST:
        return items[-1] if items else None
    return items[nth - 1] if 1 <= nth <= len(items) else None


def _item_numbers(q: Query) -> tuple[str, list[int]] | None:
    """The numbered field and the numbers of "component four", "the 4th component", "the
    second objective", "components three and four", "компонент 3": an ordinal before the
    field's word, or numbers right after it."""
    words = [t.word for t in q.tokens]
    for i, w in enumerate(words):
        field_name = next((f for f in _NUMBERED_IN_ORDER if V.FIELD_CUES[f].matches(w)), None)
        if field_name is None:
            continue
        before = words[i - 1] if i > 0 else ""
        if before in _ORDINALS:
            return field_name, [_ORDINALS[before]]
        if before in ("st", "nd", "rd", "th") and i > 1 and words[i - 2].isdigit():
            return field_name, [int(words[i - 2])]  # "the 4th component" (written "4", "th")
        found: list[int] = []
        for after in words[i + 1 : i + 6]:
            number = understand.number_value(after)
            if number is not None and after not in ("one", "a"):  # not "a component one..."
                found.append(number)
            elif after not in ("and", "и", ",", "or", "или") and not (
                V.FIELD_CUES[field_name].matches(after)  # "component 4 and component 3"
            ):
                break
        if found:
            return field_name, found
    return None


def _ordinal_project(q: Query) -> int | None:
    """N of "the Nth one" / "the Nth project" in a longer question ("who funded the second
    one?")."""
    words = [t.word for t in q.tokens]
    for before, a, b in zip(["", *words[:-1]], words, [*words[1:], ""], strict=True):
        if a in _ORDINALS and (
            b in ("one", "project", "programme", "", "проект", "программа")
            or before in ("to", "к", "ко")  # "back to the first, …", "вернёмся к первому — …"
            # "а второй когда закончился?": the ordinal as the subject, a verb or question
            # word next (not "вторая фаза")
            or (
                before in ("", "а", "и")
                and (b in _RUSSIAN_WH or b.endswith(("л", "ла", "лся", "лась", "ло", "ли")))
            )
        ):
            return _ORDINALS[a]
    return None


def _one_of_them(q: Query) -> bool:
    """ "the shorter one", "the longer one": one of the projects in view, by a measure."""
    return any(a.word in _COMPARATIVE_WORDS and b.word == "one" for a, b in pairwise(q.tokens))


_COMPARATIVE_WORDS: Final = frozenset(["longer", "shorter"])


def _of_them(q: Query) -> bool:
    """ "which of them ended later?", "какой из них": one of the projects just listed."""
    return not understand.OF_THOSE.isdisjoint(pairwise(t.word for t in q.tokens))


#: "the rest", "the others", "остальные": the projects a list left out.
_REST: Final = frozenset("rest others remaining остальные остальных остальным другие".split())


def _the_rest(index: Index, q: Query, ctx: ChatState, named: list[str]) -> list[str]:
    """The projects the list just shown left out, when the question asks for them ("and which
    ones didn't?", "what about the rest?", "а остальные?"); none otherwise."""
    if named or not ctx.candidates or q.times or q.wants_count:
        return []
    words = {t.word for t in q.tokens}
    topic = [t for t in q.residual if not t.startswith(V.NUMBER_PREFIX)]  # (the 1 of "ones")
    # "and which ones didn't?"
    bare_not = q.negated and not q.fields and not topic and not q.mentions
    if not (words & _REST or bare_not):
        return []
    shown = set(ctx.candidates)
    return [p.id for p in index.projects if p.id not in shown]


#: A correction of what the asker said before: "sorry, I meant …", "я имела в виду …".
_CORRECTION: Final = re.compile(
    r"\b(i meant|i mean|no,? not that one|wrong (?:one|title|project)|имел[аи]? в виду|"
    r"не тот|не та|не то)\b",
    re.IGNORECASE,
)


#: A correction of the question, not of the project: "sorry, I meant to ask when it ended".
_ASKS_ANEW: Final = re.compile(
    r"\b((?:i )?(?:meant|mean|wanted) to ask|хотел[аи]? (?:с|у)просить)\b", re.IGNORECASE
)


def _corrects_itself(q: Query) -> bool:
    return _CORRECTION.search(q.text) is not None and _ASKS_ANEW.search(q.text) is None


#: What points back at the thing just found: "something like that", "such", "такое".
_SUCH: Final = frozenset("that such this это такое такой такие подобное".split())
#: "list them", "перечисли их": the list just shown, again.
_LIST_AGAIN: Final = frozenset("list enumerate name перечисли перечислите назови назовите".split())


def _shown_again(index: Index, q: Query, ctx: ChatState, named: list[str]) -> Answer | None:
    """ "how many?", "how many were there?", "list them", "перечисли их": the projects just
    listed, counted or listed again; or the statements of the field just shown, counted
    ("what were the components of the border project?" - "how many were there?")."""
    if named or q.residual or q.times or q.mentions or q.fields or q.superlative:
        return None
    listing = any(t.word in _LIST_AGAIN for t in q.tokens)
    if not (q.wants_count or listing):
        return None
    if q.wants_count and ctx.field in _NUMBERED_FIELDS and len(ctx.projects) == 1:
        return _single(index, replace(q, fields=(ctx.field,)), ctx, list(ctx.projects))
    shown = ctx.candidates
    if not shown and q.wants_count and ctx.projects and any(t.word in _SUCH for t in q.tokens):
        # "which project planned a movie?" - "how many projects had something like that?"
        shown = ctx.projects[:1]
    if not shown:
        return None
    projects = [index.kb.by_id[pid] for pid in shown if pid in index.kb.by_id]
    if not q.wants_count:
        return _plain_list(index, projects, q.lang, [])
    return _counted(index, projects, q.lang)


#: "the odd one out", "stands out", "выбивается": the one project unlike the others.
_ODD: Final = frozenset("odd выбивается отличается".split())


def _odd_one_out(index: Index, q: Query, named: list[str]) -> tuple[str, str] | None:
    """The one project whose funders, countries or partners (the field asked) differ from
    those all the others share ("which project is the odd one out when it comes to
    funding?"), and that field; None when the question does not ask, or no single project
    differs."""
    if named or not any(t.word in _ODD for t in q.tokens):
        return None
    # the field asked, or the thing named ("in terms of countries covered")
    named_thing = (f for f in _COMPARED_SETS for t in q.tokens if V.COUNTABLE[f].matches(t.word))
    field_name = next((f for f in q.fields if f in _COMPARED_SETS), None) or next(named_thing, None)
    if field_name is None:
        return None
    of = _COMPARED_SETS[field_name]
    sets: dict[frozenset[str], list[str]] = {}
    for p in index.projects:
        sets.setdefault(frozenset(of(index, p)), []).append(p.id)
    alone = [ids[0] for ids in sets.values() if len(ids) == 1]
    return (alone[0], field_name) if len(alone) == 1 and len(sets) == 2 else None


#: What the projects are compared by for "the odd one out", per field.
_COMPARED_SETS: Final[dict[str, Callable[[Index, Project], Iterable[str]]]] = {
    F.FUNDERS: lambda index, p: _funder_families(index, p),
    F.COUNTRIES: lambda _index, p: p.countries,
    F.PARTNERS: lambda _index, p: (part.org for part in p.partners),
}


def _counted(index: Index, projects: list[Project], lang: str) -> Answer:
    """ "three (3) projects: • …": how many, and which."""
    bullets = tuple(_list_line(index, p, lang) for p in projects[:LIST_LIMIT])
    word = projects_word(len(projects), lang)
    head = say("count_header", lang, n=number_word(len(projects), lang), projects=word)
    blocks = [_p(head.rstrip(": ") + ":"), Block(bullets=bullets)]
    return _answer(Kind.COUNT, lang, blocks, [p.id for p in projects[:LIST_LIMIT]])


#: Editing the list just shown: "now add any project that ended in 2010", "drop the ones
#: co-funded by national governments", "добавь …", "убери …".
_ADD_WORDS: Final = frozenset("add добавь добавьте добавить".split())
_DROP_WORDS: Final = frozenset("drop remove exclude minus убери уберите исключи исключите".split())
#: How many words from the start an editing word may stand ("and now add …").
EDIT_REACH = 3


def _list_edited(index: Index, q: Query, ctx: ChatState, named: list[str]) -> Answer | None:
    """The list just shown with the projects a filter finds added or dropped; None when the
    question does not edit it. The filter is read alone, as a list question of its own."""
    if named or not ctx.candidates:
        return None
    lead = {t.word for t in q.tokens[:EDIT_REACH]}
    adding, dropping = bool(lead & _ADD_WORDS), bool(lead & _DROP_WORDS)
    if adding == dropping:
        return None
    kept = []
    for t in q.tokens:
        if t.word == "how" or t.word.startswith("скольк"):
            break  # "… - how many are left?": the count is asked of the edited list
        if t.word not in _ADD_WORDS | _DROP_WORDS and t.word not in ("now", "then", "теперь"):
            kept.append(t.surface)
    ask = ("какие проекты " if q.lang == "ru" else "which projects ") + " ".join(kept)
    found = _list_or_count(index, understand.parse(index, ask, q.lang), ChatState(), [])
    if found is None or found.kind not in (Kind.LIST, Kind.NOT_FOUND):
        return None
    shown = [pid for pid in ctx.candidates if pid in index.kb.by_id]
    if adding:
        result = [*shown, *(pid for pid in found.projects if pid not in shown)]
    else:
        result = [pid for pid in shown if pid not in found.projects]
    projects = [index.kb.by_id[pid] for pid in result]
    if not projects:
        return _abstain(Kind.NOT_FOUND, say("no_list_match", q.lang), [], q.lang, index)
    if q.wants_count:
        return _counted(index, projects, q.lang)
    return _plain_list(index, projects, q.lang, [])


def _plain_list(index: Index, projects: list[Project], lang: str, fields: list[str]) -> Answer:
    """A list of projects, each with its period: "3 matching: • … · 2009 – 2011"."""
    bullets = tuple(_list_line(index, p, lang) for p in projects[:LIST_LIMIT])
    blocks = [
        _p(say("list_header", lang, n=len(projects))),
        Block(bullets=bullets),
        *_more_blocks(len(projects), lang),
    ]
    return _answer(Kind.LIST, lang, blocks, [p.id for p in projects[:LIST_LIMIT]], fields)


def _still_today(q: Query) -> bool:
    """ "still operating today", "до сих пор работает": how something is now."""
    words = {t.word for t in q.tokens}
    now = bool(words & {"now", "today", "currently", "сейчас", "сегодня", "нынче"})
    still = bool(words & {"still", "ещё", "еще", "сих"})
    return now and still


def _described_by_relation(q: Query) -> bool:
    """Whether the question opens with a project described by a clause ("the project that
    …", "the one which …", "проект, который …")."""
    words = [t.word for t in q.tokens[:4]]
    return any(
        a in ("project", "programme", "one", "проект", "программа")
        and b in ("that", "which", "who", "который", "которая", "что")
        for a, b in pairwise(words)
    )


def _nth_of_described(index: Index, q: Query) -> Answer | None:
    """The Nth statement of the one project a number of statements describes ("the project
    with four components — what was the fourth one?"), if the question asks for one."""
    items = _number_of_items(q)
    nth = _ordinal_project(q)
    if items is None or nth is None:
        return None
    field_name, n = items
    if nth > n:
        return None
    holders = [p for p in index.projects if len(index.docs_of(p.id, field_name)) == n]
    if len(holders) != 1:
        return None
    return _detail(index, holders[0], [index.docs_of(holders[0].id, field_name)[nth - 1]], q.lang)


def _discussed_nth(q: Query, ctx: ChatState, named: list[str]) -> str | None:
    """The project "the first one" or "the second one" points at when no list was offered but
    the chat has talked about several projects one at a time: the Nth of those."""
    if named or ctx.candidates or len(ctx.discussed) < 2:
        return None
    nth = _ordinal_project(q)
    return ctx.discussed[nth - 1] if nth and nth <= len(ctx.discussed) else None


def _offered(answer: Answer, context: ChatState) -> tuple[str, ...]:
    """The projects a chat was last offered to choose from: a clarifying question's or a list's,
    kept while the chat talks about one of them ("the one with Rosgranitsa", then "and the
    other one?")."""
    # one of the last offer ("which one was with Rosgranitsa?") keeps that offer, for "and
    # the other one?"
    narrowed = len(answer.projects) == 1 and answer.projects[0] in context.candidates
    if answer.kind in (Kind.CLARIFY, Kind.LIST, Kind.COUNT) and not narrowed:
        return answer.projects
    if len(answer.projects) >= 2 and answer.kind is Kind.FIELD and len(answer.blocks) > 2:
        # two projects asked about side by side: "and who funded the second one?"
        return answer.projects
    if answer.projects[:1] and answer.projects[0] in context.candidates:
        return context.candidates
    return ()


#: Fields a question can ask for two at a time ("partners and countries?").
_PAIRABLE: Final = frozenset(
    [
        F.FUNDERS,
        F.PARTNERS,
        F.COUNTRIES,
        F.DATES,
        F.DURATION,
        F.OBJECTIVES,
        F.COMPONENTS,
        F.ACTIVITIES,
        F.RESULTS,
        F.OFFICES,
        F.PROGRAMME,
        F.BENEFICIARY,
        F.IMPLEMENTERS,
    ]
)


def _second_field(q: Query, first: str) -> str | None:
    """A second field the question asks for with "and" ("who funded it and when did it end",
    "partners and countries?", "кто финансировал и когда закончился")."""
    more = _more_fields(q, first)
    return more[0] if more else None


def _more_fields(q: Query, first: str) -> list[str]:
    """The other fields the question asks for with "and" (two at most: "кто реализовывал
    проект, кто его финансировал и сколько он длился")."""
    pairable = first in _PAIRABLE or first == F.MEANING or first in _NUMBERED_FIELDS
    if not pairable or not any(t.word in ("and", "и", "а", "also") for t in q.tokens):
        return []
    others = [f for f in q.fields if f != first and f in _PAIRABLE]
    if not others and first == F.MEANING and _asks_when_or_how_long(q):
        # "what does AVRR mean in SIREADA, and did it last at least two years?", "what's IML
        # and in which years was the programme active"
        others = [F.DATES]
    if first in (F.DATES, F.DURATION):
        others = [f for f in others if f not in (F.DATES, F.DURATION)]  # one answer says both
    if F.DATES in others and F.DURATION in others:
        others.remove(F.DURATION)
    return others[:2]


def _founding_not_given(index: Index, q: Query) -> str | None:
    """The organisation or term whose founding the question asks the date of, when the page
    gives none ("when was IOM founded?"; not Rosgranitsa, created in 2007); None otherwise."""
    if "establish" not in q.residual or not _asks_when(q) or q.wants_list:
        return None
    named = [m for m in q.mentions if m.kind in ("org", "term")]
    # ("the Federal Migration Service of Russia": the organisation's own country says which)
    homes = {
        COUNTRY_PREFIX + c.code
        for m in named
        if (org := index.org(m.key)) is not None
        and org.country
        and (c := find_country(org.country)) is not None
    }
    rest = [t for t in q.residual if t != "establish" and t not in homes]
    if not named or len(rest) > len(named):
        return None
    for m in named:
        org = index.org(m.key) if m.kind == "org" else None
        if org is not None and org.established is not None:
            return None
    surface = {t.position: t.surface for t in q.tokens}
    return (
        " ".join(surface[p] for p in named[0].positions).upper()
        if named[0].kind == "term"
        else (_org_name(index, named[0].key, q.lang))
    )


#: Words for a phase of a project, and the numbers of a later phase.
_PHASE_WORDS: Final = frozenset("phase stage фаза фазы фазу этап этапа этапе".split())
_LATER_NUMBERS: Final = frozenset(
    "2 3 ii iii two three second third второй вторая второго второй третий третья".split()
)


def _phase_asked(q: Query) -> tuple[str, str] | None:
    """ "SIREADA phase 2", "the second phase", "второй этап": a later phase of a project, as
    written, and its phase word; None when no phase is asked about."""
    tokens = q.tokens
    for i, t in enumerate(tokens):
        if t.word not in _PHASE_WORDS:
            continue
        near = [x for x in (tokens[i - 1 : i] + tokens[i + 1 : i + 2]) if x.word in _LATER_NUMBERS]
        if near:
            pair = sorted([t, near[0]], key=lambda x: x.position)
            return " ".join(x.surface for x in pair), f" {t.word} "
    return None


def _asks_where_an_org_sits(q: Query) -> bool:
    """ "Where is the office of the IPR?", "где находится офис Volynsky Perspectyvy": where an
    organisation other than IOM is based (IOM's own offices are a field of the projects)."""
    words = {t.word for t in q.tokens}
    in_names = {p for m in q.mentions for p in m.positions}  # (not the "Office" of "Home Office")
    offices = {"office", "offices", "headquarters", "офис", "офиса", "штаб"}
    return (
        bool(words & {"where", "где"})
        and any(t.word in offices and t.position not in in_names for t in q.tokens)
        and "iom" not in words
        and "мом" not in words
        and bool(q.orgs())
    )


def _asks_why(q: Query) -> bool:
    """ "why", "почему", "зачем", "for what reason", "what was the reason"."""
    words = {t.word for t in q.tokens}
    return bool(words & {"why", "почему", "зачем", "reason", "reasons", "причина", "причины"})


def _asks_when_or_how_long(q: Query) -> bool:
    """Whether the question also asks when, or how long (a duration to check, "in which
    years", "when", "how long")."""
    pairs = {(a.word, b.word) for a, b in pairwise(q.tokens)}
    return bool(
        q.durations
        or _asks_when(q)
        or pairs & {("which", "years"), ("what", "years"), ("how", "long"), ("каких", "годах")}
    )


def _next_in_order(index: Index, q: Query, ctx: ChatState) -> str | None:
    """The project after the one just found, in the order the chat's list was made by ("which
    project ended first?" - "and which was the next one to end after it?"); None when the
    question asks no "next" of such a list."""
    if not ctx.measure or len(ctx.candidates) < 2 or q.named or q.mentions or q.times:
        return None
    if not any(t.word in ("next", "следующий", "следующим") for t in q.tokens):
        return None
    offered = [index.kb.by_id[pid] for pid in ctx.candidates if pid in index.kb.by_id]
    current = ctx.projects[0] if ctx.projects else None
    # the order the chat was answered in: the one that put the current project first
    orders = [_ordered(index, q, offered, ctx.measure, way, q.lang).projects for way in _WAYS]
    order = next((o for o in orders if o[:1] == (current,)), orders[0])
    if current not in order or order.index(current) + 1 >= len(order):
        return None
    return order[order.index(current) + 1]


_WAYS: Final = ("min", "max")


def _who_were_they(q: Query, ctx: ChatState) -> str | None:
    """The field of the one project just shown, asked again by a bare "who were they?", "what
    were they?", "кто это был?" (nothing else in the question); None otherwise."""
    if not q.is_empty or len(ctx.projects) != 1:
        return None
    words = [t.word for t in q.tokens]
    bare = bool(words) and words[0] in ("who", "what", "кто", "какие")
    pronoun = any(w in ("they", "them", "those", "it", "они", "это", "их") for w in words)
    one = len(ctx.projects) == 1
    if not (bare and pronoun and one) or ctx.field not in _ORGANISATION_FIELDS:
        return None
    return ctx.field


def _carry_field(q: Query, ctx: ChatState) -> Query:
    """ "who funded it?" - "and the first one?": a bare "and …" about another project asks
    the same field of it."""
    words = [t.word for t in q.tokens]
    bare = words[:1] in (["and"], ["а"], ["и"]) or words[:2] == ["what", "about"]
    carried = ctx.field not in (None, F.SUMMARY, F.DETAIL, F.RELATED)
    if q.fields or q.residual or not bare or not carried or ctx.field is None:
        return q
    return replace(q, fields=(ctx.field,))


def _no_numbers(q: Query) -> Query:
    """The question without its number terms: the "first" of "and the first one?" picks the
    project; it is no topic to look for in it."""
    kept = tuple(t for t in q.residual if not t.startswith(V.NUMBER_PREFIX))
    return q if kept == q.residual else replace(q, residual=kept)


def _the_other_one(q: Query, ctx: ChatState, named: list[str]) -> str | None:
    """The project of two last offered that the chat is not talking about, when the question
    asks for "the other one" ("а другой?"); "the border one I know - and the other one?": not
    the one it names."""
    words = [t.word for t in q.tokens]
    asks = ("the", "other") in pairwise(words) or any(w in _OTHER_RU for w in words)
    if len(named) > 1 or (named and named[0] not in ctx.candidates):
        return None
    others = [pid for pid in ctx.candidates if pid not in (named or ctx.projects)]
    if asks and len(ctx.candidates) == 2 and len(others) == 1:
        return others[0]
    return None


#: "the other one" in Russian (every case of "другой").
_OTHER_RU: Final = frozenset("другой другая другое другого другом другому другим".split())


# ----- the decision ---------------------------------------------------------------------------


def _decide(index: Index, q: Query, ctx: ChatState) -> Answer:
    lang = q.lang
    q = _in_that_year(q, ctx)  # "… in May that year?": the year just named
    if q.superlative and ctx.measure and not _measure_told(q):
        # "which of them ended first?" - "а какой позже всех?": by the same measure
        q = replace(q, superlative=(ctx.measure, q.superlative[1]))
    if (
        not q.named
        and not q.residual
        and not q.fields
        and not q.times
        and not (q.wants_list and _relative_words(q))  # "which projects overlapped with it?"
        and _about_it(q, ctx)
    ):
        # "thx. was it actually made?": about the project just discussed, with nothing more to
        # go on than "it": what the page says of it
        return card(index, ctx.projects[0], lang)
    # "which projects had study tours?" - "and which didn't?": the others (only function
    # words, yet no empty question)
    left_out = _the_rest(index, q, ctx, []) if q.is_empty and q.negated else []
    if left_out:
        return _plain_list(index, [index.kb.by_id[pid] for pid in left_out], lang, [])
    following = _next_in_order(index, q, ctx)
    if following is not None:  # "which project ended first?" - "and the next one to end?"
        return _single(index, q, ctx, [following])
    bare_travel = _asks_travel(q) and not (q.named or q.residual or q.mentions or q.times)
    bare_travel = bare_travel and set(q.fields) <= {F.COUNTRIES}
    if bare_travel and len(ctx.projects) == 1:  # "which had study tours?" - "where to?"
        return _single(index, replace(q, fields=(F.COUNTRIES,)), ctx, list(ctx.projects))
    asked_again = _who_were_they(q, ctx)
    if asked_again is not None:  # "which of them had other donors?" - "who were they?"
        return _single(index, replace(q, fields=(asked_again,)), ctx, list(ctx.projects[:1]))
    if q.is_empty or (q.help and not q.strong_names(NAMED)):
        return help_answer(index, lang)
    named = list(q.named)
    about_org = _about_the_org(index, q, ctx)
    if about_org is not None:  # "what's the FMS?" - "which projects was it involved in?"
        return _decide(index, about_org, replace(ctx, org=None))
    if len(named) < 2 and _asks_of_two(q):
        # "which ran longer: the project with the migrant movie or the rosgranitsa one?": two
        # projects, each described rather than named
        named = _described_pair(index, q, named)
        q = replace(q, named=tuple(named))
        renamed = _overlap_described(index, q) if q.wants_list else None
        if renamed is not None:
            return _decide(index, renamed, ctx)
    if _corrects_itself(q) and (named or q.mentions or q.residual or q.times):
        # "ой, нет, я имела в виду программу, которую софинансировали Германия и Финляндия":
        # not the project just discussed, though the same thing may be asked of the other
        ctx = replace(ctx, projects=(), candidates=())
    if ctx.missing and _asks_the_same_again(q):
        # "how many migrants returned under SIREADA?" - "and in Moldova specifically?"
        subject = named[:1] or list(ctx.projects[:1])
        return _abstain(Kind.NO_INFO, say(f"no_info_{ctx.missing}", lang), subject, lang, index)
    after_several = len(ctx.projects) >= 2  # (the last answer was about several projects)
    ctx = _both_discussed(q, ctx)
    other = _the_other_one(q, ctx, named)
    if other:  # "ok and the other one, what was it going to produce?"
        return _single(index, _carry_field(_no_numbers(q), ctx), ctx, [other])
    nth = _ordinal(q)
    numbers = _bare_numbers(q)
    if numbers and not named and ctx.projects and ctx.field in _NUMBERED_FIELDS:
        # "what were the components?" - "what were 2 and 3 about?": those items
        items = index.docs_of(ctx.projects[0], ctx.field)
        chosen = [d for n in numbers if (d := _nth_of(items, n)) is not None]
        if len(chosen) == len(numbers):
            return _detail(index, index.kb.by_id[ctx.projects[0]], chosen, lang)
    # "what were the components?" - "what did the third one aim for?": an aspect of the item
    item = nth or (_ordinal_project(q) if set(q.fields) <= _ASPECTS_OF_ITEMS else None)
    if item and not named and ctx.projects and ctx.field in _NUMBERED_FIELDS:
        nth = item
        # "how many components did it have" / "what was the third one"
        statement = _nth_of(index.docs_of(ctx.projects[0], ctx.field), nth)
        if statement is not None:
            return _detail(index, index.kb.by_id[ctx.projects[0]], [statement], lang)
    asked = [f for f in q.fields if f not in (F.DATES, F.DURATION, F.SUMMARY)]
    if (
        q.superlative
        and not named
        and len(ctx.candidates) >= 2
        and (
            (asked and q.refers_back)
            or _one_of_them(q)
            # "which of them ended later?" right after a list (not after one project each)
            or (_of_them(q) and after_several)
        )
    ):
        # "which projects were active in 2010?" - "the one that ended first - who paid for
        # it?": the first of that list by the measure, and the field asked of it
        offered = [index.kb.by_id[pid] for pid in ctx.candidates if pid in index.kb.by_id]
        ordered = _ordered(index, q, offered, *q.superlative, lang)
        if not asked and not _one_of_them(q):
            return ordered  # "which of them ended first?": the list, in that order
        return _single(index, q, ctx, [ordered.projects[0]])
    if (
        not named
        and len(ctx.projects) == 1
        and q.orgs()
        and q.has(V.INVOLVED)
        and _is_yes_no(q)
        and not q.wants_list
    ):
        # "which project had four components?" - "was the EC involved?": in that project
        return _single(index, q, ctx, list(ctx.projects))
    again = _shown_again(index, q, ctx, named)
    if again is not None:  # "what projects ended in 2011?" - "how many?"
        return again
    edited = _list_edited(index, q, ctx, named)
    if edited is not None:  # "which projects ran in 2009?" - "drop the ones co-funded by …"
        return edited
    odd = _odd_one_out(index, q, named)
    if odd is not None:  # "which project is the odd one out when it comes to funding?"
        odd_id, field_name = odd
        return _single(index, replace(q, fields=(field_name,), residual=()), ctx, [odd_id])
    left_out = _the_rest(index, q, ctx, named)
    if left_out:  # "which projects involved Moldova?" - "and which ones didn't?"
        asked = [t for t in q.residual if not t.startswith(V.NUMBER_PREFIX)]  # (the 1 of "ones")
        if len(left_out) == 1 and (q.fields or asked):
            # "what about the rest - who was the partner there?"
            return _single(index, q, ctx, left_out)
        projects = [index.kb.by_id[pid] for pid in left_out]
        return _plain_list(index, projects, lang, list(q.fields))
    described_nth = _nth_of_described(index, q) if not named else None
    if described_nth is not None:  # "the project with four components - what was the fourth?"
        return described_nth
    earlier = _discussed_nth(q, ctx, named)
    if earlier:  # "tell me about SIREADA" - "and the border project?" - "back to the first one"
        return _single(index, _carry_field(_no_numbers(q), ctx), ctx, [earlier])
    if not named and len(ctx.candidates) == 2 and (_asks_difference(q) or q.has(V.OVERLAP)):
        pair = [index.kb.by_id[pid] for pid in ctx.candidates]
        if ctx.measure in ("start", "end") and _asks_difference(q) and not _measure_told(q):
            # "which one started first?" - "by how many months?": from one start to the other
            text = _apart(pair[0], pair[1], ctx.measure, lang)
            return _answer(Kind.FIELD, lang, [_p(text)], list(ctx.candidates), [F.DATES])
        # "which of those lasted longer?" - "by how many months?"; "did they overlap?"
        return _compare(index, q, list(ctx.candidates), lang)
    nth = nth or (_ordinal_project(q) if q.superlative is None else None)
    picked = _nth_of(ctx.candidates, nth) if nth and not named else None
    if picked is not None:
        # a list, then "tell me about the second one", "who funded the second one?"
        return _single(index, _carry_field(_no_numbers(q), ctx), ctx, [picked])
    if not named and q.greeting and not q.residual and not q.fields:
        return help_answer(index, lang)

    if q.no_info == "future" or (not named and not q.refers_back and _still_today(q)):
        # ("is the Pskov readmission centre still operating today?": a place's present, which
        # the page does not give; a project's is its end date)
        org_name = index.kb.about.short_name.get(lang)
        return _abstain(
            Kind.OUT_OF_SCOPE,
            say("no_info_future", lang) + " " + say("out_of_scope", lang, org=org_name),
            [],
            lang,
            index,
        )
    if not q.no_info and _asks_where_an_org_sits(q):
        # "где находится офис Volynsky Perspectyvy": an address, which the page does not give
        q = replace(q, no_info="contact")
    if q.no_info == "statistics" and _detail_with_number(index, q, named):
        return _single(index, q, ctx, named)  # "how many IML courses were run": "five"
    if q.no_info:
        subject = named[:1] or _context_projects(q, ctx)[:1]
        return _abstain(Kind.NO_INFO, say(f"no_info_{q.no_info}", lang), subject, lang, index)

    unfounded = _founding_not_given(index, q) if not named else None
    if unfounded:  # "when was IOM founded?": the page dates no such founding
        return _abstain(Kind.NO_INFO, say("no_founding", lang, name=unfounded), [], lang, index)
    events = _two_events(index, q)
    if events is not None:  # "did Rosgranitsa exist when the border agreement was signed?"
        return _events_in_order(index, events, lang)
    dated_claim = _dated_claim(index, q, named)
    if dated_claim is not None:  # "the agreement came into force in 2009, right?": no, 2007
        return dated_claim

    phase = _phase_asked(q)
    if phase and len(named) == 1 and phase[1] not in index.name_words(named[0]):
        # "when does SIREADA phase 2 start?": a phase the page does not know
        project = index.kb.by_id[named[0]]
        text = say(
            "no_phase",
            lang,
            phase=phase[0],
            project=_name(project, lang),
            period=_period(project, lang),
        )
        return _abstain(Kind.NOT_FOUND, text, [], lang, index)
    unknown_title = _unknown_quoted_title(index, q)
    if unknown_title:  # "the IOM project 'Strengthening Border Management in the South Caucasus'"
        return _abstain(
            Kind.NOT_FOUND, say("unknown_title", lang, title=unknown_title), [], lang, index
        )
    unknown_body = None if named else _unknown_body(index, q)
    if unknown_body:  # "which project did IOM run with the Ministry of Health?": none did
        return _abstain(
            Kind.NOT_FOUND, say("unknown_body", lang, name=unknown_body), [], lang, index
        )
    if not named and (_says_off_topic(q) or _asks_everyday(q)):
        # "unrelated, but what's the weather like in …", "any good restaurants near the office?"
        org_name = index.kb.about.short_name.get(lang)
        return _abstain(Kind.OUT_OF_SCOPE, say("out_of_scope", lang, org=org_name), [], lang, index)
    if not named and _asks_how_to(q):  # "how do I extend my registration?": a service
        org_name = index.kb.about.short_name.get(lang)
        return _abstain(Kind.OUT_OF_SCOPE, say("out_of_scope", lang, org=org_name), [], lang, index)

    unknown = _unknown_countries(index, q)
    if unknown and all(code in _countries_of_the_asker(index, q) for code in unknown):
        # "we run AVRR in Kazakhstan - which of your projects …": where the asker works, not
        # what is asked about; the question read without it
        without = _without_words(index, q, unknown)
        if not set(unknown) & set(without.countries()):
            return _decide(index, without, ctx)
    if unknown:
        country = index.country(unknown[0])
        name = localized_name(country.name, lang) if country else unknown[0]
        # "SIREADA covered Belarus - what did it do there?": it did not. A project named by a
        # phrase ("an IOM border management project in Belarus?") is still being looked for.
        exact = _named_despite_countries(q, unknown)
        premise = exact[:1] or (_context_projects(q, ctx)[:1] if q.refers_back else [])
        if q.another or any(t.word in _SIMILAR for t in q.tokens):
            premise = []  # "did IOM have a similar project in Belarus?": another one, none
        if _of_them(q) and len(ctx.projects) >= 2:
            premise = []  # "what projects do you know?" - "any of them in Kazakhstan?": none
        if premise:
            rest = _asked_without_countries(index, q, ctx, premise[0], unknown)
            lead = _p(
                say(
                    "not_in_country",
                    lang,
                    project=_name(index.kb.by_id[premise[0]], lang),
                    country=name,
                )
            )
            if rest is not None:
                # "was kazakhstan one of its donors?": it was not; who were
                return replace(rest, blocks=(lead, *rest.blocks))
            return _not_in_country(index, premise[0], name, lang)
        corrected = _without_countries(index, q, ctx, unknown)
        if corrected is not None:
            # "what's UKBA in that returns project with belarus and ukraine": a project
            # half-remembered; the one the rest of the question describes, and the correction
            note = _p(say("not_found_country", lang, country=name))
            return replace(corrected, blocks=(note, *corrected.blocks))
        return _abstain(
            Kind.NOT_FOUND, say("not_found_country", lang, country=name), [], lang, index
        )

    unexplained = _unexplained_abbreviation(index, q) if F.MEANING in q.fields else None
    if unexplained is not None:  # "what does EECA stand for": the page never spells it out
        return _no_meaning(index, unexplained, lang)
    if F.MEANING in q.fields and (q.terms() or q.orgs()):
        meaning = _meaning(index, q, named or _context_projects(q, ctx), lang)
        if q.wants_count and not named:
            # "in how many projects was the FMS involved, and what's FMS short for": both
            counted = _list_or_count(index, replace(q, fields=()), ctx, named)
            if counted is not None and counted.kind is Kind.COUNT:
                blocks = [*meaning.blocks[:1], *counted.blocks]
                return replace(counted, blocks=tuple(blocks))
        also = _second_field(q, F.MEANING)
        # "whats FMS short for, and which project planned a movie together with it": the
        # meaning, then the project the rest of the question picks
        picks = not named and _asks_for_one(q) and bool(content_topics(index, q))
        if (also or picks) and not named:
            # "'EC thematic programme' - what does EC mean and which project was part of it":
            # the meaning, then the rest of the question answered as if asked alone
            rest = _decide(
                index, replace(q, fields=tuple(f for f in q.fields if f != F.MEANING)), ctx
            )
            if not rest.kind.is_abstention and rest.kind is not Kind.CLARIFY:
                return replace(rest, blocks=(*meaning.blocks[:1], *rest.blocks))
        if also and named:  # "what does IOM stand for and which IOM office was contracted"
            more = _field_blocks(index, index.kb.by_id[named[0]], also, lang, q)
            return _answer(
                Kind.FIELD, lang, [*meaning.blocks, *more], meaning.projects, [F.MEANING, also]
            )
        return meaning

    guessed = _funder_guessed_wrong(index, q, named)
    if guessed is not None:
        # "which project did germany pay for, the border checkpoint one right?": the one it
        # funded, and that the guess was wrong
        wrong, right = guessed
        corrected = _single(index, replace(q, named=(right,)), ctx, [right])
        note = _p(
            say(
                "false_premise",
                lang,
                wrong=_name(index.kb.by_id[wrong], lang),
                right=_name(index.kb.by_id[right], lang),
            )
        )
        return replace(corrected, blocks=(note, *corrected.blocks), projects=(right, wrong))
    # "did it wrap up before or after the border checkpoints project?": the same
    before_or_after = _relative_words(q) and _is_yes_no(q) and not q.wants_list
    # "when did the 2007-2010 programme end?" - "how long after that did SIREADA start?"
    how_long_after = _relative_words(q) and F.DURATION in q.fields and not q.wants_list
    # "was it longer or shorter than SIREADA?", "он длился дольше, чем …", "which started
    # earlier - that one or the rosgranitsa project?"
    measured_against = (q.has(V.LONGER) or q.has(V.SHORTER) or q.superlative is not None) and any(
        t.word in ("than", "чем", "or", "или") for t in q.tokens
    )
    if not named and measured_against and q.refers_back:
        # "which started earlier - that one or the rosgranitsa project?": the project just
        # discussed and the one a weaker name hints at
        hinted = [h.project for h in q.names if h.strength >= HINT_NAME]
        back = _context_projects(q, ctx)[:1]
        if hinted and back and hinted[0] != back[0]:
            named = [back[0], hinted[0]]
            q = replace(q, named=tuple(named))
    if (
        len(named) == 1
        and (q.compare or before_or_after or how_long_after or measured_against)
        and q.refers_back
    ):
        # "how does its funding compare with the 2007-2010 programme?": the project just
        # discussed is the other one
        back = [pid for pid in _context_projects(q, ctx) if pid != named[0]]
        named = [*back[:1], *named]
    either = any(t.word in ("or", "или", "vs", "versus", "than", "чем") for t in q.tokens)
    if len(named) == 1 and ((q.superlative and either) or (q.compare and not q.refers_back)):
        # "which lasted longer: the КПП one or the mechanisms project?": a weaker name of
        # another project is the other one compared
        second = [h.project for h in q.names if h.project not in named and h.strength >= HINT_NAME]
        named = [*named, *second[:1]]
    by_count = _count_compared(q) if len(named) >= 2 else None
    if by_count is not None:  # "which had more countries, the border project or SIREADA?"
        measured, fewer = by_count
        return _more_items(index, [index.kb.by_id[pid] for pid in named], measured, fewer, lang)
    place = _nth_in_order(q)
    in_order = q.superlative or _order_of_the_verb(q) if place else None
    if place and in_order and not named:
        # "what was the second longest project?", "какой проект стартовал вторым по счёту?"
        return _ordered(index, q, list(index.projects), *in_order, lang, place=place)
    if len(named) >= 2 and q.superlative:  # "X and Y - which one finished first?"
        return _ordered(index, q, [index.kb.by_id[pid] for pid in named], *q.superlative, lang)
    if len(named) >= 2 and q.field == F.RELATED:
        # "was the mechanisms project a continuation of SIREADA?": what the first one named
        # followed on from, which answers for the second too
        first_named, *others = _in_question_order(q, named)
        linked = field_answer(index, first_named, F.RELATED, lang, q)
        return _answer(
            Kind.FIELD,
            lang,
            linked.blocks,
            [first_named, *linked.projects[1:], *others],
            [F.RELATED],
            suggestions=linked.suggestions,
        )
    if len(named) >= 2:
        return _compare(index, q, named, lang)
    hinted = list(dict.fromkeys(h.project for h in q.names if h.strength >= HINT_NAME))
    if not named and len(hinted) == 2 and q.has(V.OVERLAP) and not q.wants_list:
        # "how many months did the checkpoints and mechanisms projects overlap": two projects
        # named by a word each, compared
        return _compare(index, q, hinted, lang)

    if not named and q.times and _asks_what_happened(q) and not q.refers_back:
        happened = _what_happened(index, q, lang)
        if happened is not None:  # "what happened in July 2009": the events dated then
            return happened

    everything = _all_projects_asked(q, len(index.projects))
    # not "which lasted longest of all", nor "how many of the four projects had EU funding"
    # (not "which of all four lasted more than two years": a filter, so a list)
    filtered = bool(q.durations or q.times)
    if everything and q.fields and q.superlative is None and not q.wants_count and not filtered:
        every = [p.id for p in index.newest_first]
        return _field_for_many(index, every, q.fields[0], lang)
    if everything and not q.fields and not q.residual and not q.times and q.superlative is None:
        return all_projects(index, lang)  # "list all four projects with their years"

    # "which programme was X part of" asks about X; "which project started after X" is a list
    # "list the components of X" asks for X's field, not for a list of projects
    if named and q.fields and _relative_words(q) and _described_by_relation(q):
        # "the project that kicked off in the same month as the mechanisms one — who was its
        # final beneficiary?": the project the relation finds, and the field asked of it
        related = _list_or_count(index, q, ctx, named)
        if related is not None and related.kind is Kind.LIST and len(related.projects) == 1:
            found = related.projects[0]
            if found not in named:
                return _single(index, replace(q, named=(found,)), ctx, [found])
    refiltered = _named_against_its_time(index, q, ctx, named)
    if refiltered is not None:  # "which project did IOM run with the FMS starting in Sept 2009?"
        return refiltered
    busiest = None if named else _busiest_years(index, q)
    if busiest is not None:  # "in which year were the most projects active?"
        return busiest
    shared_orgs = None if named else _orgs_in_several(index, q)
    if shared_orgs is not None:  # "which organisations took part in more than one project?"
        return shared_orgs
    field_of_named = (
        named
        and q.field not in (None, F.SUMMARY)
        and not _plural_projects(q)
        and not _relative_words(q)
    )
    wants_list = (
        q.wants_list
        and not (named and _asks_for_one(q) and not _relative_words(q))
        and not field_of_named
        # "which EC programme was it part of?": a field of the project just discussed
        # (not "which project followed up on it?": another project)
        and not (
            _about_it(q, ctx)
            and _asks_for_one(q)
            and bool(q.fields)
            and F.RELATED not in q.fields
            and not _relative_words(q)
        )
    )
    if (
        q.wants_count
        or wants_list
        or (q.superlative is not None and not named)
        or (_shown_a_list(q, ctx) and _refers_to_previous_list(q, ctx))
        or (_has_filters(q) and not named and not _asks_who(q) and not _about_it(q, ctx))
        # "… с ФМС?" - "а без ФМС?" (not "а он ещё шёл весной 2011?": about the project)
        or (not named and _same_filter_again(q, ctx) and not _about_it(q, ctx))
        or (not named and _several(q) is not None)  # "which one had more than one donor?"
        # "ok and which one had three funders?": a number of them, asked of every project
        or (not named and (_number_of_orgs(q) or _number_of_countries(q)) is not None)
        or (q.another and not named)
        or _role_across_projects(q)  # "what was Germany's role in these IOM projects"
        # "which one had the most donors?": the most of all projects
        or (
            not named
            and (q.has(V.MOST) or _least(q))
            and q.tokens[:1]
            and q.tokens[0].word in ("which", "какой", "какая", "у")
            and bool(q.fields)
        )
        # "which one ended exactly three years after that?": related to the project just named
        or (
            not named
            and ctx.projects
            and q.tokens[:1]
            and q.tokens[0].word in ("which", "какой", "какая", "какие", "который")
            and _offset_from_it(q)
        )
    ):
        listed = _list_or_count(index, q, ctx, named)
        # one project asked for, several listed: a statement may name it ("the project that
        # came out of the agreement signed in July 2009") ... unless the statement is the event
        # the list is dated by ("began in the same year Rosgranitsa was created")
        one_expected = (
            _asks_for_one(q)
            and len(listed.projects) != 1
            and not (_relative_words(q) and _event_reference(index, q) is not None)
            if listed
            else False
        )
        # nothing matched the filters, but a statement matches the question well: the time or
        # place belongs to that statement ("Russian border management strategy 2007")
        empty_but_detailed = (
            listed is not None
            and listed.kind is Kind.NOT_FOUND
            and not q.negated  # "Moldova but not Ukraine": none, whatever mentions both
            and not (q.wants_list and _toured_countries(q))  # "tours to Finland": none went
            and _detail_identifies(index, q)
        )
        # "rosgranitsa project ended in may 2011 right?": no list asked, nothing fits, and one
        # project is hinted at: a claim about it, checked
        claimed_of = {
            h.project for h in q.names if h.strength >= HINT_NAME and h.project not in q.excluded
        }
        claim_about_one = (
            listed is not None
            and listed.kind is Kind.NOT_FOUND
            and not q.wants_list
            and not q.wants_count
            and len(claimed_of) == 1
        )
        if claim_about_one:
            return _single(index, q, ctx, list(claimed_of))
        if (
            listed is not None
            and not empty_but_detailed
            and not (
                one_expected and (_detail_identifies(index, q) or _identify_by_filters(index, q))
            )
        ):
            if listed.kind is Kind.LIST and len(listed.projects) == 1 and _asks_about(q):
                # "tell me about the project that ran until Feb 2013", "what about the other
                # one that started that same month?": the one project found, described
                return card(index, listed.projects[0], lang)
            if listed.kind is Kind.LIST and len(listed.projects) == 1 and _asks_its_items(q):
                # "what were the four components of the project with rosgranitsa": the one
                # project found, and the field asked of it
                return _single(index, q, ctx, list(listed.projects))
            return listed

    return _single(index, q, ctx, named)


def _single(index: Index, q: Query, ctx: ChatState, named: list[str]) -> Answer:
    lang = q.lang
    docs = index.score_docs(q.residual, None, _SINGLE_MIN) if q.residual else []
    found = _identify(index, q, ctx, named, docs)
    if isinstance(found, Answer):
        return found
    project_id = found
    project = index.kb.by_id[project_id]
    asked = [f for f in q.fields if f != F.RELATED]
    if not asked and ctx.field not in (None, F.RELATED, F.SUMMARY):
        asked = [ctx.field]  # "who funded the 2007-2010 programme" / "and the follow-up project?"
    if F.RELATED in q.fields and asked and not named and ctx.projects:
        # "the earlier programme it followed on from - who funded that one?": the project
        # linked to the one just discussed, and the other field asked about it
        linked = _related_ids(index, project)
        discussed = project_id in ctx.projects[:1]
        target = linked[0] if discussed and len(linked) == 1 else project_id
        side = _earlier_or_later(q)
        if side is not None and linked:
            # "that earlier one", "the later project": the end of the link on that side, which
            # may be the project itself
            ends = sorted([project_id, *linked], key=lambda pid: index.kb.by_id[pid].period.start)
            target = ends[0] if side == "earlier" else ends[-1]
        other = field_answer(index, target, asked[0], lang, q)
        return _answer(
            Kind.FIELD,
            lang,
            other.blocks,
            [target, *(pid for pid in ctx.projects[:1] if pid != target)],
            [asked[0]],
            suggestions=other.suggestions,
        )
    # "the programme with study tours - who funded it": the detail found the project; the
    # field is still what is asked
    by_detail = (
        not named
        and bool(docs)
        and docs[0][0].project == project_id
        and docs[0][1] >= DETAIL_IDENTIFIES
    )
    # once the project is chosen, the words that named it ("readmision mechansims") are not
    # content; its other name words ("did SIREADA include assistance") still are
    hit = next((h for h in q.names if h.project == project_id), None)
    if hit is None:  # a hint too weak to be among the question's names
        hit = _hits_of(index, q, {project_id}).get(project_id)
    naming = {t.term for t in q.tokens if hit is not None and t.position in hit.positions}
    if hit is not None:
        naming |= _title_before(index, q, project_id, min(hit.positions))
    content = [t for t in q.residual if t not in naming]
    if content != list(q.residual):
        docs = index.score_docs(content, None, _SINGLE_MIN) if content else []
    in_project = (
        docs.of_project(project_id)
        if isinstance(docs, Ranked)
        else [(d, s) for d, s in docs if d.project == project_id]
    )
    best_here = in_project[0][1] if in_project else 0.0

    if q.durations and _is_yes_no(q):  # "did the border project run for more than 2 years"
        return _duration_check(project, q, lang)
    if _asks_the_day(q) and q.anchor in ("start", "end"):
        # "on what exact day did the border project start?": the page gives the month only
        month = project.period.start if q.anchor == "start" else project.period.end
        text = say("no_day", lang, project=_name(project, lang), month=_month(month, lang))
        return _abstain(Kind.NO_INFO, text, [project.id], lang, index)
    if F.DURATION in q.fields and q.anchor in ("start", "end") and not _is_yes_no(q):
        # "how long after the readmission agreement took effect did SIREADA start?"
        event = _event_reference(index, q)
        if event is not None and event.date is not None and event.date.month:
            return _event_to_project(index, event, project, q.anchor, lang)

    topical = [
        t for t in content if index.known(t) and not t.startswith((ORG_PREFIX, COUNTRY_PREFIX))
    ]
    linked = _related_ids(index, project) if F.RELATED in q.fields else []
    if topical and docs and docs[0][0].project in linked and docs[0][1] >= DETAIL_IDENTIFIES:
        # "the programme that the mechanisms project followed up on - what did it do for the
        # Don centre?": the detail of the project linked to the one named
        right = index.kb.by_id[docs[0][0].project]
        band = [(d, s) for d, s in docs if d.project == right.id and s >= docs[0][1] * DETAIL_BAND]
        return _detail(index, right, [d for d, _s in band], lang, also=[project_id])

    # a wrong premise: the detail belongs to another project ("the profile study - was it part
    # of SIREADA?"); an organisation alone is a role question, not a detail. Whom the thing
    # was for ("the English course for FMS staff") does not tell the details apart.
    audience = _audience_terms(q)
    premise_terms, premise_docs, premise_here = topical, docs, best_here
    if audience and set(topical) - audience:
        bare = [t for t in content if t not in audience and not t.startswith(ORG_PREFIX)]
        premise_terms = [t for t in topical if t not in audience]
        premise_docs = index.score_docs(bare, None, _SINGLE_MIN)
        here = [sc for d, sc in premise_docs if d.project == project_id]
        premise_here = here[0] if here else 0.0
    if (
        premise_docs
        # one word shared by several projects ("a readmission project?") is no premise;
        # one that only another project uses ("the film in SIREADA?") is
        and (
            len(premise_terms) >= 2
            or (len(premise_terms) == 1 and index.single_project_term(premise_terms[0]))
        )
        and premise_docs[0][0].project != project_id
        and premise_docs[0][1] >= 0.75
        and (premise_here < 0.5 or _covers(index, premise_terms, project_id) < 0.5)
        and not q.fields
    ):
        docs = premise_docs
        right = index.kb.by_id[docs[0][0].project]
        return _detail(
            index,
            right,
            [
                d
                for d, s in (
                    docs.of_project(right.id)
                    if isinstance(docs, Ranked)
                    else [(d, s) for d, s in docs if d.project == right.id]
                )
                if s >= docs[0][1] * DETAIL_BAND
            ],
            lang,
            prefix=say("false_premise", lang, wrong=_name(project, lang), right=_name(right, lang)),
            also=[project_id],
        )

    # "what was Rosgranitsa's role in SIREADA?": it had none there; its own project comes first
    # (a yes/no question, "was the FMS involved in the border project?", keeps the project asked)
    asks_role = any(t.word in ("role", "roles", "роль", "роли", "capacity") for t in q.tokens)
    if named and q.orgs() and asks_role and not _is_yes_no(q):
        absent = [o for o in q.orgs() if not _roles_in(index, project, o, lang)]
        elsewhere = _projects_with_org(index, absent[0]) if len(absent) == len(q.orgs()) else []
        if elsewhere:
            profile = _org_profile(index, absent[0], lang)
            lead = say(
                "not_involved",
                lang,
                org=_org_name(index, absent[0], lang),
                project=_name(project, lang),
            )
            return _answer(
                Kind.FIELD,
                lang,
                [_p(lead), *profile.blocks],
                [*elsewhere, project.id],
                [F.PARTNERS],
            )

    # "did the Chernihiv committee work on the Rosgranitsa project?": it worked on one other
    # project, which comes first (an organisation of several projects keeps the one asked)
    # (not "was it for Rosgranitsa officers?": the officers of a detail, asked about it)
    people_of = {
        m.key
        for m in q.mentions
        if m.kind == "org"
        and any(t.position == max(m.positions) + 1 and t.word in _PEOPLE for t in q.tokens)
    }
    absent = [
        o
        for o in q.orgs()
        if not _roles_in(index, project, o, lang)
        and not _parts_in(index, project, o)
        and o not in people_of
    ]
    homes = {pid for o in absent for pid in _projects_with_org(index, o)}
    # ... unless the question is about the project, named by its own name: before the
    # organisation ("was the 2007-2010 programme implemented with Rosgranitsa?") or as what was
    # paid for ("did the German government also pay for the mechanisms project?": who did);
    # not "did the UK Border Agency work on the border checkpoints project?"
    org_at = min((min(m.positions) for m in q.mentions if m.key in absent), default=0)
    by_own_name = bool(absent) and any(
        h.project == project_id
        and h.strength >= NAMED
        and (min(h.positions) < org_at or F.FUNDERS in q.fields)
        for h in q.names
    )
    # ("was it part of some bigger EC programme?": the EC names the programme asked for)
    of_programme = F.PROGRAMME in q.fields and project.programme is not None
    if (
        absent
        and _is_yes_no(q)
        and len(homes) == 1
        and project_id not in homes
        and not by_own_name
        and not of_programme
    ):
        home = homes.pop()
        lead = say(
            "not_involved",
            lang,
            org=_org_name(index, absent[0], lang),
            project=_name(project, lang),
        )
        profile = _org_profile(index, absent[0], lang)
        return _answer(
            Kind.FIELD, lang, [_p(lead), *profile.blocks], [home, project_id], [F.PARTNERS]
        )

    elsewhere_answer = _country_elsewhere(index, q, project)
    if elsewhere_answer is not None:
        return elsewhere_answer

    if _asks_month(q):
        # "in which month of 2007 was Rosgranitsa set up?": the page may give the year only
        in_span = _dated_docs(index, project, q) if q.times else []
        best = [d for d, score in in_project if d.date is not None and score >= 0.5]
        event = next(iter(in_span or best), None)
        if event is not None and event.date is not None and not event.date.month:
            text = say("year_only", lang, year=str(event.date.year), text=event.text.get(lang))
            return _abstain(Kind.NO_INFO, text, [project.id], lang, index)
    dated = _dated_docs(index, project, q) if q.times and not _is_yes_no(q) else []
    if dated:  # "what new entity was set up in 2007"
        return _detail(index, project, dated, lang)
    if (q.times and not q.fields) or (q.times and F.DATES in q.fields and _is_yes_no(q)):
        return _active_check(project, q.times[0], lang)
    event = _event_reference(index, q)
    if event is not None and event.date is not None and _is_yes_no(q):
        if _already_by_then(q):
            # "had Rosgranitsa already been established when the border project started?":
            # whether the event came before the project's start (or end)
            return _event_before(project, event.date, event.text.get(lang), q.anchor, lang)
        return _active_on(project, event.date, event.text.get(lang), lang)

    # a field asked for, unless the question's own words point at a specific statement
    specific = [(d, s) for d, s in in_project if s >= DETAIL_MATCH]
    if not specific and not q.orgs() and _asks_why(q) and project.background:
        # "why did IOM get involved in the first place": what the page gives as the project's
        # background (not "why was the UK Border Agency brought in": an organisation's reasons)
        texts = {s.text for s in project.background}
        reasons = [d for d in index.docs_of(project.id, F.SUMMARY) if d.text in texts]
        if reasons:
            return _detail(index, project, reasons, lang)
    if (
        _asks_title_of_a_thing(q)
        and (named or q.refers_back)
        and specific
        and not any(
            _TITLED.search(d.text.en) for d, s in specific if s >= specific[0][1] * DETAIL_BAND
        )
    ):
        # "what was the movie from the mechanisms project called?": the page names no title
        doc = specific[0][0]
        text = say("no_title", lang, project=_name(project, lang), text=doc.text.get(lang))
        return _abstain(Kind.NO_INFO, text, [project.id], lang, index)
    field_name = q.field or _elliptical_field(index, q, ctx, named)
    if (
        not named
        and len(q.orgs()) == 1
        and field_name in (F.COUNTRIES, None)
        and not content_topics(index, q)
    ):
        return _org_profile(index, q.orgs()[0], lang)  # "IPR - which country was it from?"
    numbered = _item_numbers(q)
    if numbered and (field_name in _NUMBERED_FIELDS or field_name in _ASPECTS_OF_ITEMS):
        # "component four of the border project", "components three and four?", "what was
        # the objective of Component Four?" (the component says it)
        items_field, items = numbered
        statements = index.docs_of(project.id, items_field)
        if all(n <= len(statements) for n in items):
            found = _detail(index, project, [statements[n - 1] for n in items], lang)
            extra = [f for f in _more_fields(q, items_field) if f not in _ASPECTS_OF_ITEMS]
            if extra:  # "what's component 4 about and who was the final beneficiary"
                more = [b for f in extra for b in _field_blocks(index, project, f, lang, q)]
                found = replace(found, blocks=(*found.blocks, *more))
            return found
    asks_where = any(t.word in ("where", "куда", "где") for t in q.tokens)
    # ("MIA counterparts in sireada - which countries' ministries were they": the partners'
    # own countries, which the page gives)
    partners_countries = F.PARTNERS in q.fields and any(
        (org := index.org(o)) is not None and org.country for o in q.orgs()
    )
    # "contacts among which region?": a statement that names the region itself ("the EECA
    # region") answers it; one that only says "in the regions" does not
    named_in_text = specific and any(
        t.word in _PLACE_NOUNS
        and re.search(rf"\b[A-ZА-ЯЁ][\w.-]*\s+{re.escape(t.word)}\b", specific[0][0].text.en)
        for t in q.tokens
    )
    if (
        specific
        and not specific[0][0].places
        and not partners_countries
        and not named_in_text
        and ((asks_where and specific[0][0].kind == "study tour") or _asks_which_places(q))
    ):
        # "where did the mechanisms project's study tour go?", "which cities hosted the IML
        # courses?": the page does not say
        doc = specific[0][0]
        text = say("no_place", lang, project=_name(project, lang), text=doc.text.get(lang))
        return _abstain(Kind.NO_INFO, text, [project.id], lang, index)
    travel = (field_name == F.COUNTRIES or asks_where or _asks_for_cities(q)) and _asks_travel(q)
    tours = _destinations(index, project) if travel else []
    if tours and _asks_for_cities(q):
        # "which cities did the study tours visit?": the page names the countries only
        text = say(
            "no_cities",
            lang,
            project=_name(project, lang),
            places=_join([localized_name(c, lang) for d in tours for c in d.places], lang),
        )
        return _abstain(Kind.NO_INFO, text, [project.id], lang, index)
    if tours:  # "which countries did they go to?", "куда ездили?": where the study tours went
        return _tour_answer(index, project, tours, q, lang)
    tour = next((d for d, _ in specific if d.kind == "study tour"), None) if travel else None
    if tour is not None:
        # "which country was the study tour of the mechanisms project going to?": not said
        text = say("no_place", lang, project=_name(project, lang), text=tour.text.get(lang))
        return _abstain(Kind.NO_INFO, text, [project.id], lang, index)
    if _asks_which_places(q) and _asks_exactly(q) and not any(d.places for d, _ in specific):
        # "which border checkpoints exactly got upgraded?": the page names none
        text = say("no_places_named", lang, project=_name(project, lang))
        return _abstain(Kind.NO_INFO, text, [project.id], lang, index)
    if (
        field_name in _ORGANISATION_FIELDS - {F.FUNDERS}
        and q.orgs()
        and _is_yes_no(q)
        and any(
            (V.ONLY.matches(t.word) or t.word in _MERELY)
            and any(V.FIELD_CUES[field_name].matches(x.word) for x in q.tokens[i + 1 : i + 4])
            for i, t in enumerate(q.tokens)
        )
    ):
        # "Росграница в проекте по КПП была только бенефициаром?": every role it had there
        return _role_answer(index, project, q, lang)
    linked_asked = field_name == F.RELATED and _asks_which_project(q)
    if (
        field_name
        and field_name not in (F.SUMMARY,)
        and not (
            specific
            and not linked_asked  # "… - which later project followed up on it?"
            and (not by_detail or field_name not in _ORGANISATION_FIELDS)
            and _detail_beats_field(index, content, field_name, specific)
        )
        and not (field_name == F.COUNTRIES and specific and specific[0][0].places)
    ):
        if field_name == F.RESULTS and specific and any(d.area for d, _ in specific):
            return _detail(
                index, project, [d for d, s in specific if s >= specific[0][1] * DETAIL_BAND], lang
            )
        extra = _more_fields(q, field_name)
        if extra:  # "who funded SIREADA and when did it end?": each, one after the other
            first = field_answer(index, project.id, field_name, lang, q)
            more = [b for f in extra for b in _field_blocks(index, project, f, lang, q)]
            return _answer(
                Kind.FIELD,
                lang,
                [*first.blocks, *more],
                [project.id],
                [field_name, *extra],
                suggestions=first.suggestions,
            )
        found = field_answer(index, project.id, field_name, lang, q)
        if linked_asked and found.projects == (project.id,) and not _is_yes_no(q):
            # "what project followed up on SIREADA?": the page links it to none
            text = say("no_related", lang, project=_name(project, lang))
            return _abstain(Kind.NOT_FOUND, text, [project.id], lang, index)
        if field_name == F.RELATED and not named and q.refers_back and not _is_yes_no(q):
            # "and the project that followed up on it?": the project asked for first, not the
            # one just discussed
            others = tuple(pid for pid in found.projects if pid != project.id)
            asked_first = others if project.id in ctx.projects[:1] else ()
            found = replace(found, projects=(*asked_first, project.id, *others[len(asked_first) :]))
        visited = _visited(index, project, q) if "tour" in q.residual else []
        if not visited and "tour" in q.residual and q.countries():
            # "was there a study tour to Finland …? Finland was involved somehow": not there;
            # where the tours went
            visited = _destinations(index, project)
        if visited and field_name in _ORGANISATION_FIELDS:
            # "Germany - a donor or a study tour destination?": the tour that went there too
            lines = tuple(_statement_line(d.text.get(lang), d.status, lang) for d in visited)
            return replace(found, blocks=(*found.blocks, Block(bullets=lines)))
        return found
    # "was Germany just a study tour destination there?": every role it had
    after_mentions = {max(m.positions) + 1 for m in q.mentions if m.kind in ("org", "country")}
    merely = any(
        t.position in after_mentions and (V.ONLY.matches(t.word) or t.word in _MERELY)
        for t in q.tokens
    )
    if specific and merely and _is_yes_no(q):
        return _role_answer(index, project, q, lang)
    # "did germany have any role in it?": every part it had (funder, study tours), not only
    # the statement that names it
    if specific and _asks_any_role(q) and (q.countries() or q.orgs()) and _is_yes_no(q):
        return _role_answer(index, project, q, lang)
    if specific:
        top = specific[0][1]
        scored = [(d, s) for d, s in specific if s >= top * DETAIL_BAND]
        scored.sort(key=lambda pair: (-round(pair[1], 6), -_same_words(q, pair[0], index)))
        shown = [d for d, _ in scored]
        if shown[0].label is not None and any(
            t.word in _BESIDES or t.word in _MERELY or V.ONLY.matches(t.word) or t.word == "else"
            for t in q.tokens
        ):
            # "besides the movie, what else …?", "только фильм?": the rest of its group
            group = [
                d for d in index.docs_of(project.id, shown[0].field) if d.label == shown[0].label
            ]
            shown += [d for d in group if d not in shown]
        if F.DATES in q.fields:  # "when was Rosgranitsa created": the dated statement first
            shown.sort(key=lambda d: d.date is None)
            if _asks_for_one(q) and not named:
                # "study tours to the Netherlands - which project and when": the project found
                # by the detail, and when it ran
                ran = _field_blocks(index, project, F.DATES, lang, q)[:1]
                found = _detail(index, project, shown, lang)
                return replace(found, blocks=(*found.blocks, *ran), fields=(F.DATES,))
            if _asks_when(q) and not any(d.date or _YEAR.search(d.text.en) for d in shown):
                # "когда открыли Псковский центр?": the page gives no date for it
                text = say(
                    "no_date",
                    lang,
                    project=_name(project, lang),
                    period=_period(project, lang),
                    text=shown[0].text.get(lang),
                )
                return _abstain(Kind.NO_INFO, text, [project.id], lang, index)
        return _tour_answer(index, project, shown, q, lang)
    if [o for o in q.orgs() if o not in q.describing] or q.countries():
        # (not "summarise the EU-funded project that …": the EU only said which project)
        return _role_answer(index, project, q, lang)
    if (
        content
        and any(index.known(t) for t in content)
        and not named
        and best_here < 0.3
        and not q.refers_back
    ):
        return _abstain(
            Kind.NO_INFO,
            say("no_info_detail", lang, project=_name(project, lang)),
            [project.id],
            lang,
            index,
        )
    if content and named and best_here < 0.3 and _is_question(q) and len(content) >= 2:
        return _abstain(
            Kind.NO_INFO,
            say("no_info_detail", lang, project=_name(project, lang)),
            [project.id],
            lang,
            index,
        )
    return card(index, project.id, lang)


def _identify(
    index: Index, q: Query, ctx: ChatState, named: list[str], docs: Sequence[tuple[Doc, float]]
) -> str | Answer:
    """Which one project the question is about, from the strongest evidence down; or, when
    nothing is strong enough, a clarifying question or an honest abstention."""
    lang = q.lang
    if named:
        return named[0]
    if len(q.ambiguous) >= 2:  # "Development of Administrative Mechanisms ...": which country?
        return _clarify(index, list(q.ambiguous[:CLARIFY_CHOICES]), lang)
    # (a project named only by an organisation's name - "was it for Rosgranitsa officers?" -
    # is no other project named)
    project_at = {t.position for t in q.tokens if t.term in ("project", "programm", "проект")}
    by_org = {
        p
        for m in q.mentions
        if m.kind == "org"  # ... unless a project word stands by it: "the Rosgranitsa project"
        and not any(abs(p - at) <= 2 for p in m.positions for at in project_at)
        for p in m.positions
    }
    # (a word of another project's title is no name: "what else did it do for migrant
    # centres?" asks about the project just discussed, not "… Readmission of Migrants …")
    if _about_it(q, ctx) and not any(
        h.strength >= HINT_NAME
        and not set(h.positions) <= by_org
        and h.project != ctx.projects[0]  # (a hint at the project itself: "its EC programme")
        for h in q.names
    ):
        return ctx.projects[0]  # "was it still running in 2010?": the project just discussed
    by_detail = _identify_by_detail(index, docs, q)
    if by_detail and q.times and docs and len(_details_matched(index, docs[0][0], q)) < 2:
        # "a quick overview of the project that ran March 2011 to February 2013": the dates
        # name it; one everyday word that a statement happens to use does not
        by_detail = _identify_by_filters(index, q) or by_detail
    if by_detail:
        return by_detail
    by_filters = _identify_by_filters(index, q)
    if by_filters:
        return by_filters
    involved = _projects_with_all_orgs(index, q)
    if len(involved) == 1:  # "MIA of Ukraine and the State Border Guard Service: which project?"
        return involved[0]
    if _only_unknown_words_about_a_country(index, q) and (
        not _context_projects(q, ctx) or _topic_off_the_page(index, q)
    ):
        # "what is the weather in Moldova", "the visa regime between Russia and Moldova": the
        # country is in the knowledge base, what is asked about it is not
        org_name = index.kb.about.short_name.get(lang)
        return _abstain(Kind.OUT_OF_SCOPE, say("out_of_scope", lang, org=org_name), [], lang, index)
    # the projects every country the question names fits (None: it names none)
    in_countries = (
        set.intersection(*(_projects_in_country(index, c, q) for c in q.countries()))
        if q.countries()
        else None
    )
    back = _context_projects(q, ctx)
    if (
        back
        and in_countries is not None
        and back[0] not in in_countries
        and q.fields
        and _is_yes_no(q)
        and not q.wants_list
    ):
        # "tell me about SIREADA" - "was Finland among the donors?": a claim about the project
        # just discussed (it was not; its field says who was)
        return back[0]
    if in_countries is not None and not q.orgs() and len(in_countries) == 1:
        return next(iter(in_countries))  # "Finland funded which project?"
    both = [pid for pid in involved if in_countries is not None and pid in in_countries]
    if len(both) == 1:  # "EC + DE + FI funding: which project was that"
        return both[0]
    weak = [h for h in q.names if h.strength >= WEAK_NAME]
    if in_countries is not None:  # "the border project in Armenia": not a project elsewhere
        weak = [h for h in weak if h.project in in_countries]
    if back and q.refers_back and F.PROGRAMME in q.fields:
        # "what year was that thematic programme?": "programme" alone names no project when
        # the chat is about one, and the programme it was part of is asked about
        words_at = {t.position: t.word for t in q.tokens}
        weak = [
            h
            for h in weak
            if not all(words_at.get(p) in _PROJECT_OR_PROGRAMME for p in h.positions)
        ]
    if weak and (len(weak) == 1 or weak[0].strength - weak[1].strength >= AMBIGUITY_MARGIN):
        # "what about the border one?" — unless a statement of another project fits the
        # question clearly better ("which readmission project called voluntary return ...")
        if docs and docs[0][1] >= DETAIL_MATCH and docs[0][0].project != weak[0].project:
            own = docs.of_project(weak[0].project) if isinstance(docs, Ranked) else []
            if not own or own[0][1] < 0.4:
                return docs[0][0].project
        return weak[0].project
    back = _context_projects(q, ctx)
    known_content = any(index.known(t) for t in q.residual)
    if (
        back
        and (q.fields or q.refers_back or known_content or q.times or q.orgs() or q.countries())
        and (q.fields or q.refers_back or not _topic_off_the_page(index, q))
    ):
        return back[0]
    topic = [t for t in q.residual if not t.startswith((COUNTRY_PREFIX, ORG_PREFIX))]
    if in_countries is not None and not q.orgs() and not topic and len(in_countries) > 1:
        return _clarify(index, _home_first(index, in_countries), lang)  # ... and several
    if len(involved) > 1 and not topic:  # "which project cooperated with the SBGS?", and several
        return _clarify(index, _home_first(index, involved), lang)
    fragment = _name_fragment_candidates(index, q)
    if len(fragment) >= 2:
        return _clarify(index, fragment[:CLARIFY_CHOICES], lang)
    if len(fragment) == 1:
        return fragment[0]
    if docs and docs[0][1] >= 0.4 and len(_details_matched(index, docs[0][0], q)) >= 2:
        close = _near_ties(docs)
        if len(close) > 1:
            holder = _holds_all_details(index, q, close, docs[0][1]) or _went_to_places(
                index, q, close
            )
            return holder or _clarify(index, _home_first(index, close), lang)
        return close[0]
    if docs and docs[0][1] >= DETAIL_IDENTIFIES and all(index.known(t) for t in q.residual):
        close = _near_ties(docs)  # "the project with the film", and several made one
        if len(close) > 1:
            return _clarify(index, _home_first(index, close), lang)
    if _it_without_context(q):  # "who funded it?" as a chat's first question
        example = next((p.acronym for p in index.projects if p.acronym), "SIREADA")
        text = say("which_project", lang, example=example)
        return _answer(Kind.NOT_FOUND, lang, [_p(text)], [], score=0.0)
    if _about_projects(q):
        return _abstain(Kind.NOT_FOUND, say("not_found", lang), [], lang, index)
    org_name = index.kb.about.short_name.get(lang)
    return _abstain(Kind.OUT_OF_SCOPE, say("out_of_scope", lang, org=org_name), [], lang, index)


#: People an activity was for: "officials", "staff", "сотрудников".
_AUDIENCE: Final = frozenset(
    "official officials staff officer officers personnel employees specialists authorities "
    "authority сотрудников сотрудники сотрудникам чиновников должностных специалистов власти "
    "властей органов".split()
)


def _audience_terms(q: Query) -> set[str]:
    """The terms of the people a thing was for, named by whom they work for ("for Russian
    officials", "for FMS staff", "для сотрудников ФМС"); not "for readmission centre staff",
    where the centre tells the things apart."""
    named = {p for m in q.mentions for p in m.positions}
    found: set[str] = set()
    for i, t in enumerate(q.tokens):
        if t.word not in _AUDIENCE:
            continue
        opener = next(
            (j for j in range(i - 1, max(-1, i - 4), -1) if q.tokens[j].word in ("for", "для")),
            None,
        )
        between = q.tokens[opener + 1 : i] if opener is not None else ()
        if opener is not None and all(x.stop or x.position in named for x in between):
            found.add(t.term)
    return found


def _topic_matches(
    index: Index, terms: list[str], within: list[str] | None
) -> tuple[list[int], list[float], list[int]]:
    """The projects a topic matches: their positions, scores and best statements, best first.
    Each project's best statement (a specific one rather than the description) counts; those
    close enough to the best project's are kept."""
    scored = index.score_docs(terms, within, TOPIC_MATCH)
    positions, scores, doc_ids = scored.best_per_project(F.SUMMARY)
    top = scores[0] if scores else 0.0
    bar = max(TOPIC_MATCH, top * 0.6)
    kept = sum(1 for s in scores if s >= bar) if top >= TOPIC_MATCH else 0
    return positions[:kept], scores[:kept], doc_ids[:kept]


def _alternatives(q: Query, terms: list[str]) -> list[list[str]]:
    """The topic once per alternative joined by "or" ("technical meetings or seminars with
    European experts": with "meetings", then with "seminars"); the topic alone when there is
    no such "or"."""
    tokens = list(q.tokens)
    for i, t in enumerate(tokens):
        if t.word not in ("or", "или"):
            continue
        before = next((x for x in reversed(tokens[:i]) if not x.stop), None)
        after = next((x for x in tokens[i + 1 :] if not x.stop), None)
        if (
            before is not None
            and after is not None
            and before.term in terms
            and after.term in terms
            and before.term != after.term
        ):
            return [
                [x for x in terms if x != after.term],
                [x for x in terms if x != before.term],
            ]
    return [terms]


def _names_everyday(q: Query) -> bool:
    """A word of an everyday subject: the weather, a hotel, a restaurant."""
    return any(V.EVERYDAY.matches(t.word) for t in q.tokens)


def _asks_everyday(q: Query) -> bool:
    """An everyday subject, not asked as a list or count of projects ("which projects dealt
    with the weather?" finds none)."""
    return not q.wants_list and not q.wants_count and _names_everyday(q)


def _topic_off_the_page(index: Index, q: Query) -> bool:
    """The question's topic is an everyday subject ("the weather in Moscow", "гостиница в
    Пскове"), or an English word that the knowledge base never uses ("the capital of
    Moldova"). Asked after a project, without "it" or a field, such a question is not about
    that project. (Russian questions say far more everyday words that are not their topic:
    "что там собирались снимать?")"""
    if _names_everyday(q):
        return True
    # (not "was germany just a study tour stop or more?": the tour is the page's)
    return not content_topics(index, q) and any(
        not t.stop
        and t.term in q.residual
        and not is_cyrillic(t.word)
        and not t.word.isdigit()
        and not index.known(t.term)
        and dictionary_word(t.word)
        for t in q.tokens
    )


def _only_unknown_words_about_a_country(index: Index, q: Query) -> bool:
    """A country, and words the knowledge base never uses; no field, organisation or time.
    Verb forms are left out: "what was organised in Ukraine", "what happened in Moldova" ask
    about the projects there."""
    past = ("ed", "ing", "л", "ла", "ло", "ли", "лся", "лась", "лось", "лись")
    verbs = {t.term for t in q.tokens if t.word.endswith(past)}
    topic = [
        t
        for t in q.residual
        if not t.startswith((COUNTRY_PREFIX, ORG_PREFIX, V.NUMBER_PREFIX)) and t not in verbs
    ]
    return (
        bool(q.countries())
        and bool(topic)
        and not any(index.known(t) for t in topic)
        and not q.orgs()
        and not q.fields
        and not q.times
        and not q.wants_list
        and not q.wants_count
    )


def _no_meaning(index: Index, abbreviation: str, lang: str) -> Answer:
    """The page does not spell the abbreviation out; the statements that use it."""
    where = [d for d, _ in index.score_docs([abbreviation.lower()], None, DETAIL_MATCH)]
    lines = tuple(_statement_line(d.text.get(lang), d.status, lang) for d in where[:DETAIL_LIMIT])
    blocks = [_p(say("no_meaning", lang, term=abbreviation))]
    if lines:
        blocks.append(Block(bullets=lines))
    projects = list(dict.fromkeys(d.project for d in where[:DETAIL_LIMIT]))
    return _answer(Kind.NO_INFO, lang, blocks, projects, score=0.0)


def _unexplained_abbreviation(index: Index, q: Query) -> str | None:
    """An abbreviation the question asks the meaning of that no glossary term, organisation or
    project stands behind ("what does EECA stand for"), when the page uses it."""
    if q.terms() or q.orgs():
        return None
    named_at = {p for h in q.names for p in h.positions}
    found: list[str] = _ABBREVIATION.findall(q.text)
    for word in found:
        at = [t.position for t in q.tokens if t.word == word.lower()]
        if (
            at
            and not set(at) & named_at  # not "SIREADA"
            and index.glossary_entry(word) is None  # nor "RF"
            and index.known(word.lower())
        ):
            return word
    return None


_ABBREVIATION: Final = re.compile(r"\b[A-Z][A-Z0-9]{1,7}\b")


def _it_without_context(q: Query) -> bool:
    """A field asked of "it" and nothing else to go on: no name, no content, no context."""
    pronoun = any(t.word in _BARE_PRONOUNS for t in q.tokens)
    return (
        pronoun
        and bool(q.fields)
        and not q.residual
        and not q.times
        and not q.wants_list
        and not q.wants_count
    )


#: Words that stand for a project only through the conversation ("when did it start?").
_BARE_PRONOUNS: Final = frozenset("it its they them their он она оно его её ее их".split())


def _name_fragment_candidates(index: Index, q: Query) -> list[str]:
    """Projects whose names hold every word of a question that is only a name fragment
    ("the readmission project"), best named first."""
    if not q.residual or any(not index.known(t) for t in q.residual):
        return []
    holders = index.projects_named_with(q.residual)
    hits = {pid: h.strength for pid, h in _hits_of(index, q, holders).items()}
    return sorted(hits, key=lambda pid: -hits[pid])


def _hits_of(index: Index, q: Query, project_ids: Collection[str]) -> dict[str, NameHit]:
    """How strongly the question names each of some projects, however weakly (`q.names`
    leaves out the weakest hints)."""
    return index.name_hits(q.tokens, within=project_ids, floor=0.0) if project_ids else {}


def _about_projects(q: Query) -> bool:
    """Whether the question is about projects at all (a project word, a field, a place)."""
    words = {t.word for t in q.tokens}
    project_words = {
        "project",
        "projects",
        "programme",
        "programmes",
        "program",
        "iom",
        "проект",
        "мом",
    }
    return bool(words & project_words or q.fields or q.countries() or q.orgs() or q.times)


_CLASS_TERMS = frozenset({"government", "nationals", "ngo", "bodi", "agenc", "organ"})


#: Words that point back at the one project of the previous answer ("was it still running").
_IT = frozenset(["it", "its", "it's", "он", "она", "оно", "его", "ее", "её"])


def _about_it(q: Query, ctx: ChatState) -> bool:
    """ "what's SIREADA" → "was it still running in 2012?": a question about the project the
    chat is about, not a list of every project running in 2012."""
    # (after "which project was the follow-up to X?" the answer names both: "it" is the first;
    # after "what was the longest of the four?" the list is in that order: "it" is the first)
    one = (
        len(ctx.projects) == 1
        or (ctx.field == F.RELATED and bool(ctx.projects))
        or (ctx.measure is not None and bool(ctx.projects))
    )
    return one and any(t.word in _IT for t in q.tokens)


def _shown_a_list(q: Query, ctx: ChatState) -> bool:
    """Whether the chat was just shown a list the question may work on: several projects, or a
    list of one asked about as "of them" ("which projects ran in 2013?" - "which of them was
    funded by Finland?": none)."""
    if len(ctx.projects) >= 2:
        return True
    return len(ctx.projects) == 1 and ctx.candidates == ctx.projects and _of_them(q)


def _refers_to_previous_list(q: Query, ctx: ChatState) -> bool:
    words = [t.word for t in q.tokens]
    pairs = set(pairwise(words))
    # "and before 2010?", "а в Молдове?": the list just shown, narrowed by a filter alone;
    # "а какой позже всех?": the first or last of it ... but a filter of the kind the list
    # was made by asks the same again ("which projects ran in 2012?" - "а в 2009?")
    narrowed = (
        words[:1] in (["and"], ["а"], ["и"])
        and not q.named
        and bool(_filter_kinds(q) or q.superlative)
        and not _filters_of_the_list(q, ctx)
        and not any(t.term in ("project", "programm", "проект") for t in q.tokens)
    )
    return narrowed or bool(
        {"those", "these", "them", "ones", "них", "этих"} & set(words)
        or {("which", "one"), ("which", "of"), ("какой", "из"), ("который", "из")} & pairs
    )


#: Fields whose answer is organisations: a detail that found the project does not replace them.
_ORGANISATION_FIELDS = frozenset({F.FUNDERS, F.PARTNERS, F.IMPLEMENTERS, F.BENEFICIARY})


def _plural_projects(q: Query) -> bool:
    """ "projects", "проекты" — not the "программы" of "у программы 2007–2010" (a name)."""
    plural = ("projects", "programmes", "проекты", "проектов", "проектах", "программы")
    return any(t.word in plural and t.term not in q.named_terms for t in q.tokens)


def _least(q: Query) -> bool:
    """ "the fewest partners", "меньше всего", but not "at least two years"."""
    words = [t.word for t in q.tokens]
    return any(
        V.LEAST.matches(w) and not (i > 0 and words[i - 1] in ("at", "не"))
        for i, w in enumerate(words)
    )


def _asks_who(q: Query) -> bool:
    """ "Who ran the 2007 programme": an organisation is asked for, not a list of projects."""
    return bool(q.tokens) and q.tokens[0].word in ("who", "кто") and not q.wants_list


def _in_the_year_of(q: Query) -> bool:
    """ "started in the year the border project finished": the same year as another's end."""
    words = [t.word for t in q.tokens]
    return any(
        words[i : i + 3] in (["in", "the", "year"], ["in", "the", "month"])
        for i in range(len(words))
    )


def _relative_words(q: Query) -> bool:
    words = _words_and_their_forms(q)
    return (
        _in_the_year_of(q)
        or bool(
            words & (_BEFORE | _AFTER | {"same", "parallel", "simultaneously"})
            or q.has(V.OVERLAP)
            or _active_when_it(q)
            or _within_its_months(q)
        )
        # "the year following the end of X"
        or (bool(words & _FOLLOWING) and _years_later([t.word for t in q.tokens]) is not None)
    )


_FOLLOWING: Final = frozenset(["following", "preceding"])


def _within_its_months(q: Query) -> bool:
    """ "which projects started while the 2007-2010 programme was running", "ended during
    it": a start or an end within another project's months."""
    words = _words_and_their_forms(q)
    return q.anchor in ("start", "end") and bool(
        (q.reference_anchor == "active" and words & _WHEN) or words & _DURING
    )


def _active_when_it(q: Query) -> bool:
    """ "which projects were running when SIREADA started", "what else was IOM running at the
    time it started": the projects active in the month another one started or ended."""
    at_the_time = any(
        (a.word, b.word, c.word) in (("at", "the", "time"), ("at", "that", "time"))
        for a, b, c in zip(q.tokens, q.tokens[1:], q.tokens[2:], strict=False)
    )
    return (
        q.anchor == "active"
        and q.reference_anchor in ("start", "end")
        and (bool(_words_and_their_forms(q) & _WHEN) or at_the_time)
    )


def _asks_for_one(q: Query) -> bool:
    """ "Which project ..." (singular): one project is expected, a list is a fallback."""
    words = [t.word for t in q.tokens]
    # "продолжением какой программы …": a singular question word makes "программы" one
    singular_ru = any(
        a in ("какой", "какого", "какому", "каким", "каком", "которой", "которого")
        and b in ("программы", "проекта", "программе", "программой", "проектом", "проекту")
        for a, b in pairwise(words)
    )
    return not q.wants_count and (
        singular_ru
        or (
            any(w in ("project", "programme", "проект", "программа") for w in words)
            and not any(
                w in ("projects", "programmes", "проекты", "проектов", "проектах", "программы")
                for w in words
            )
        )
    )


def _detail_with_number(index: Index, q: Query, named: list[str]) -> bool:
    """Whether the statement the question points at states a count in words ("five courses")."""
    docs = index.score_docs(q.residual, named or None, DETAIL_IDENTIFIES) if q.residual else []
    if named and q.residual and (not docs or docs[0][1] < DETAIL_IDENTIFIES):
        # "how many IML courses did the mechanisms project run": another project's (a premise
        # to correct, not a statistic the page lacks)
        docs = index.score_docs(q.residual, None, DETAIL_IDENTIFIES)
    if not docs or docs[0][1] < DETAIL_IDENTIFIES:
        return False
    text = words(docs[0][0].text.en)
    counted = q.counted_term  # "how many officials": the page counts courses, not officials
    return any(
        w in V.CARDINALS and any(term(x) == counted for x in text[i + 1 : i + 7])
        for i, w in enumerate(text)
    )


def _detail_identifies(index: Index, q: Query) -> bool:
    docs = index.score_docs(q.residual, None, DETAIL_IDENTIFIES) if q.residual else []
    return (
        bool(docs)
        and docs[0][1] >= DETAIL_IDENTIFIES
        and len(index.matched(docs[0][0], q.residual)) >= 2
    )


#: A title written out in a statement: three or more capitalised words ("Electronic Training
#: Module", "Snapshot Study on the Profiles of …") or a quotation.
_TITLED: Final = re.compile(
    r"(?:[A-Z][\w-]*\s+(?:(?:of|on|the|and|for|in|to|upon)\s+)*){2,}[A-Z][\w-]*|['\"«“‘]"
)


def _asks_title_of_a_thing(q: Query) -> bool:
    """ "what was the movie called?", "the title of the film", "как назывался фильм": a title
    asked for (not a short name, not "what does it call the preferred form")."""
    words = [t.word for t in q.tokens]
    titled = any(
        w in ("title", "titled", "название", "названия") or w.startswith("называл") for w in words
    )
    called = words[-1:] == ["called"]
    return (titled or called) and F.MEANING not in q.fields and "short" not in words


def _asks_its_items(q: Query) -> bool:
    """ "what were the components of the project with …", "list the activities of the one …":
    the items of a numbered field of the project the rest describes (not "which project had
    four components", which asks for the project)."""
    first = q.tokens[0].word if q.tokens else ""
    return bool(set(q.fields) & _NUMBERED_FIELDS) and first in (
        "what",
        "list",
        "name",
        "что",
        "какие",
        "перечисли",
        "перечислите",
    )


def _says_off_topic(q: Query) -> bool:
    """The asker says the question is not about the projects: "unrelated, but …", "off topic:
    …", "не по теме, но …"."""
    words = [t.word for t in q.tokens]
    if not _OFF_TOPIC_WORDS.intersection(words):
        return False
    runs = {tuple(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words))}
    return bool(runs & _OFF_TOPIC)


#: What an asker says of a question that is not about the projects.
_OFF_TOPIC: Final = frozenset(
    [("unrelated",), ("offtopic",), ("оффтоп",), ("off", "topic"), ("не", "по", "теме")]
)
_OFF_TOPIC_WORDS: Final = frozenset(w for run in _OFF_TOPIC for w in run[-1:])


def _asks_any_role(q: Query) -> bool:
    """ "any role", "a role", "какую-то роль": whether something had a part at all."""
    return any(t.word in ("role", "roles", "роль", "роли") for t in q.tokens)


def _asks_about(q: Query) -> bool:
    """ "tell me about …", "what about …", "info on …", "расскажи о …": a description asked."""
    pairs = set(pairwise(t.word for t in q.tokens))
    return F.SUMMARY in q.fields or bool(
        pairs & {("what", "about"), ("how", "about"), ("tell", "me"), ("tell", "us")}
    )


def _is_question(q: Query) -> bool:
    first = q.tokens[0].word if q.tokens else ""
    return q.text.strip().endswith("?") or first in (
        "what",
        "who",
        "whom",
        "how",
        "why",
        "where",
        "when",
        "which",
        "was",
        "were",
        "did",
        "does",
        "is",
        "are",
        "can",
        "кто",
        "что",
        "как",
        "почему",
        "где",
        "когда",
        "какой",
        "какие",
        "был",
        "была",
    )


#: Words a question may open with before its verb: "so was Germany …", "ok, did it …".
_OPENERS: Final = frozenset("so and but ok okay well hmm also then а и но ну так ок".split())


def _is_yes_no(q: Query) -> bool:
    # the question after a title or a topic: "Development of … in the RF - did it run …?"
    after = _AFTER_TOPIC.split(q.text)[-1]
    lead = words(after)[:1]
    if lead and lead[0] in _YES_NO_STARTS and len(words(after)) >= 3:
        return True
    first = next((t.word for t in q.tokens if t.word not in _OPENERS), "")
    return (
        first
        in (
            "was",
            "were",
            "did",
            "is",
            "are",
            "does",
            "had",
            "has",
            "был",
            "была",
            "было",
            "шел",
            "шла",
        )
        or (" ли " in f" {q.text.lower()} ")
        or understand.checks_a_claim(q.text)
        or _russian_yes_no(q)
    )


#: Russian question words: a question with none of them asks yes or no.
_RUSSIAN_WH: Final = frozenset(
    "кто что чем чего кого кому где куда откуда когда сколько как какой какая какое какие каких "
    "каком какому каким какую почему зачем чей чья чьё чье чьи который которая которое которые "
    "ли".split()
)
#: The past of "to be": "Финляндия была среди доноров?".
_WAS_RU: Final = frozenset(
    "был была было были шел шла шло шли продолжался продолжалась работал работала".split()
)


def _russian_yes_no(q: Query) -> bool:
    """ "а Финляндия была среди доноров?": a Russian question with a form of "to be" and no
    question word asks yes or no (Russian questions need no inverted word order)."""
    found = {t.word for t in q.tokens}
    return q.text.rstrip().endswith("?") and bool(found & _WAS_RU) and not found & _RUSSIAN_WH


#: Where a question follows the title or topic it is about: " - ", " — ", ": ".
_AFTER_TOPIC: Final = re.compile(r"\s[-—–]\s|:\s")
_YES_NO_STARTS: Final = frozenset("was were did is are does had has был была было были".split())


def _asks_the_day(q: Query) -> bool:
    """ "on what exact day", "which day", "какого числа": a day of the month, when the
    question asks nothing else."""
    words = [t.word for t in q.tokens]
    day = "day" in words or ("какого" in words and "числа" in words) or "день" in words
    others = [t for t in q.residual if t not in ("day", "числ", "ден", "exact")]
    return day and not others


def _elliptical_field(index: Index, q: Query, ctx: ChatState, named: list[str]) -> str | None:
    """ "and in Moldova?", "what about 2010?": a short follow-up keeps the previous field,
    unless it has a topic of its own ("did it include a trip to Germany too?"); "same for
    the 2007-2010 programme" keeps it for the project it names."""
    if q.again and ctx.field not in (None, F.SUMMARY, F.DETAIL):
        return ctx.field
    if named or not ctx.field or ctx.field in (F.SUMMARY, F.DETAIL):
        return None
    content = [t for t in q.tokens if not t.stop]
    topic = [
        t
        for t in q.residual
        if index.known(t) and not t.startswith((ORG_PREFIX, COUNTRY_PREFIX, V.NUMBER_PREFIX))
    ]
    if len(content) <= 3 and (q.countries() or q.orgs() or q.times) and not topic:
        return ctx.field
    return None


def _detail_beats_field(
    index: Index, content: list[str], field_name: str, specific: list[tuple[Doc, float]]
) -> bool:
    """Whether the question's own words point at a statement rather than a whole field."""
    # numbers alone ("only three components?") ask about the field, not one statement; nor
    # does the scope ("what activities did SIREADA include in the 3 countries")
    residual_known = [
        t
        for t in content
        if index.known(t)
        and not t.startswith((ORG_PREFIX, COUNTRY_PREFIX, V.NUMBER_PREFIX))
        and t not in _SCOPE_TERMS
    ]
    if not residual_known:
        return False
    if field_name in (F.FUNDERS, F.PARTNERS, F.IMPLEMENTERS, F.BENEFICIARY):
        # "which government bodies", "the contracting authority": still the organisations
        return specific[0][1] >= 0.9 and len(residual_known) >= 2
    if field_name in (F.COUNTRIES, F.DURATION):
        return specific[0][1] >= 0.75 and len(residual_known) >= 2
    return True


#: Words that say where a whole project ran, not which of its statements is meant.
_SCOPE_TERMS: Final = frozenset(["countri", "стран"])


# ----- building blocks --------------------------------------------------------------------------


def _p(text: str) -> Block:
    return Block(spans=(Span(text),))


def _strong(text: str) -> Span:
    return Span(text, Style.STRONG)


def _name(project: Project, lang: str) -> str:
    """The short name to show: the acronym where there is one, else the title in `lang`."""
    return project.acronym or project.title.get(lang)


def _heading_block(project: Project, lang: str) -> Block:
    spans = [_strong(project.title.get(lang))]
    if project.acronym:
        spans.append(Span(f" ({project.acronym})"))
    spans.append(Span(" · " + _period(project, lang)))
    return Block(spans=tuple(spans))


def _month(m: Month, lang: str) -> str:
    return f"{month_name(m.month, lang)} {m.year}"


def _date(d: Date, lang: str) -> str:
    if d.month is None:
        return str(d.year)
    if d.day is None:
        return f"{month_name(d.month, lang)} {d.year}"
    separator = " " if lang == "ru" else ", "
    return f"{day_and_month(d.day, d.month, lang)}{separator}{d.year}"


def _period(project: Project, lang: str) -> str:
    return say(
        "period",
        lang,
        start=_month(project.period.start, lang),
        end=_month(project.period.end, lang),
    )


def _months(n: int, lang: str) -> str:
    """ "24 months, exactly two years"; "37 months, just over three years"."""
    text = say("months", lang, n=n)
    years, rest = divmod(n, 12)
    if rest == 0:
        return f"{text}, " + say("exactly_years", lang, n=_years(years, lang, exact=True))
    if rest <= 2 and years:
        return f"{text}, " + say("just_over_years", lang, n=_years(years, lang))
    if rest >= 10:
        return f"{text}, " + say("almost_years", lang, n=_years(years + 1, lang, exact=True))
    return text


_RU_YEARS = {
    1: "года",
    2: "двух лет",
    3: "трёх лет",
    4: "четырёх лет",
    5: "пяти лет",
    6: "шести лет",
}
_RU_YEARS_EXACT = {1: "один год", 2: "два года", 3: "три года", 4: "четыре года", 5: "пять лет"}


def _years(n: int, lang: str, exact: bool = False) -> str:
    """ "three years"; in Russian "три года" (exactly) or "трёх лет" (more than)."""
    if lang == "ru":
        table = _RU_YEARS_EXACT if exact else _RU_YEARS
        return table.get(n, f"{n} лет")
    word = number_word(n, lang).split(" (")[0]
    return f"{word} year" if n == 1 else f"{word} years"


def _org_name(index: Index, org_id: str, lang: str) -> str:
    """ "Federal Migration Service (FMS)": the name in `lang` and its best-known short form."""
    org = index.org(org_id)
    if org is None:
        return org_id
    name = org.name.get(lang)
    cyrillic = lang == "ru"
    short = [
        s
        for s in org.short_names
        if s not in name
        and is_cyrillic(s) == cyrillic
        and ((s.isupper() and len(s) <= 6) or " " not in s)
    ]
    return f"{name} ({short[0]})" if short else name


def _join(items: Sequence[str], lang: str) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    conj = " и " if lang == "ru" else " and "
    return ", ".join(items[:-1]) + conj + items[-1]


def _suggestions(project: Project, lang: str) -> tuple[Suggestion, ...]:
    buttons = [Suggestion(label(f, lang), Action.FIELD, project.id, f) for f in F.CARD_BUTTONS]
    buttons.append(Suggestion(label("share", lang), Action.SHARE, project.id))
    return tuple(buttons)


def _answer(
    kind: Kind,
    lang: str,
    blocks: Iterable[Block],
    projects: Sequence[str],
    fields: Sequence[str] = (),
    score: float = 1.0,
    suggestions: Sequence[Suggestion] = (),
) -> Answer:
    return Answer(
        kind=kind,
        lang=lang,
        blocks=tuple(blocks),
        projects=tuple(dict.fromkeys(projects)),
        fields=tuple(fields),
        suggestions=tuple(suggestions),
        score=score,
    )


def _abstain(kind: Kind, text: str, projects: Sequence[str], lang: str, index: Index) -> Answer:
    blocks = [_p(text)]
    if kind is not Kind.OUT_OF_SCOPE:
        blocks.append(_p(say("help_limits", lang)))
    return _answer(kind, lang, blocks, projects, score=0.0)


def _statement_line(doc_text: str, status: Status, lang: str) -> tuple[Span, ...]:
    spans = [Span(_sentence_case(doc_text))]
    if status is Status.PLANNED:
        spans.append(Span(f" ({say('planned', lang)})", Style.EMPHASIS))
    return tuple(spans)


# ----- answers --------------------------------------------------------------------------------


def help_answer(index: Index, lang: str) -> Answer:
    about = index.kb.about
    examples_en = [
        "What was SIREADA?",
        "Who funded the border checkpoints project?",
        "Which projects ran in 2010?",
        "Which projects involved Ukraine?",
        "How many projects did the FMS take part in?",
    ]
    examples_ru = [
        "Что такое SIREADA?",
        "Кто финансировал проект по пунктам пропуска?",
        "Какие проекты шли в 2010 году?",
        "Какие проекты были связаны с Украиной?",
        "В скольких проектах участвовала ФМС?",
    ]
    examples = examples_ru if lang == "ru" else examples_en
    blocks = [
        _p(say("help_intro", lang, org=about.short_name.get(lang))),
        Block(bullets=tuple((Span(e),) for e in examples)),
        Block(
            heading=say("help_projects", lang),
            bullets=tuple(
                (_strong(_name(p, lang)), Span(" · " + _period(p, lang)))
                for p in index.newest_first[:10]
            ),
        ),
        _p(say("help_limits", lang)),
    ]
    return _answer(Kind.HELP, lang, blocks, [])


def about(index: Index, lang: str) -> Answer:
    a = index.kb.about
    blocks = [Block(spans=(_strong(a.name.get(lang)),)), _p(a.description.get(lang))]
    if a.topics:
        blocks.append(Block(bullets=tuple((Span(t.get(lang)),) for t in a.topics)))
    blocks.append(_p(f"{label(F.SOURCE, lang)}: {a.source.get(lang)}"))
    return _answer(Kind.HELP, lang, blocks, [])


def _ngos_asked(index: Index, p: Project, q: Query) -> list[str]:
    """The project's NGO partners, those of the countries the question names when it names
    any ("NGOs from Moldova")."""
    ngos = list(p.orgs_with_role(Role.NGO_PARTNER))
    names = {c.name for code in q.countries() if (c := index.country(code))}
    if names:
        ngos = [o for o in ngos if (org := index.org(o)) and org.country in names] or ngos
    return ngos


def _keep_where(
    index: Index, candidates: list[Project] | None, mask: np.ndarray[Any, np.dtype[np.bool_]]
) -> list[Project]:
    """The candidates (None: every project) a mask over `index.projects` selects, in their
    order (every project: read off the mask directly)."""
    if candidates is None or len(candidates) == len(index.projects):
        return index.projects_where(mask)
    keep = {p.id for p in index.projects_where(mask)}
    return [p for p in candidates if p.id in keep]


def _keep_ids(
    index: Index, candidates: list[Project], ids: Collection[str], drop: bool = False
) -> list[Project]:
    """The candidates whose ids are in `ids` (`drop`: those whose ids are not), in their order.
    While the candidates are every project (the first filter of a list question), the kept
    ones are found from `ids` and put in the knowledge base's order, without walking every
    project (10,000 of them)."""
    if not drop and len(ids) < len(candidates) and _every_project(index, candidates):
        positions = sorted(index.position(pid) for pid in ids if pid in index.kb.by_id)
        return [index.projects[i] for i in positions]
    return [p for p in candidates if (p.id in ids) != drop]


def _every_project(index: Index, candidates: Sequence[Project]) -> bool:
    """Whether the candidates are every project, in the knowledge base's order (compared in C,
    the same objects)."""
    return len(candidates) == len(index.projects) and tuple(candidates) == index.projects


def _newest_first(index: Index, projects: Sequence[Project]) -> list[Project]:
    """The most recent projects first (by start, then end), as the source page lists them."""
    if len(projects) == len(index.projects):  # every project: the index's order, made once
        return list(index.newest_first)
    return sorted(projects, key=lambda p: (-p.period.start.index, -p.period.end.index))


def all_projects(index: Index, lang: str) -> Answer:
    shown = index.newest_first[:LIST_LIMIT]
    bullets = tuple(
        (_strong(_name(p, lang)), Span(" · " + _period(p, lang) + " · " + p.summary.get(lang)))
        for p in shown
    )
    blocks = [Block(bullets=bullets), *_more_blocks(len(index.projects), lang)]
    return _answer(Kind.LIST, lang, blocks, [p.id for p in shown])


def card(index: Index, project_id: str, lang: str) -> Answer:
    project = index.kb.project(project_id)
    if project is None:
        return _abstain(Kind.NOT_FOUND, say("unknown_project", lang), [], lang, index)
    funders = [_org_name(index, o, lang) for o in project.funders]
    partners = [_org_name(index, p.org, lang) for p in project.partners]
    blocks = [
        _heading_block(project, lang),
        _p(project.summary.get(lang)),
        _p(project.description.get(lang)),
        Block(heading=label(F.FUNDERS, lang), spans=(Span(_join(funders, lang)),)),
        Block(heading=label(F.PARTNERS, lang), spans=(Span(_join(partners, lang)),)),
        Block(
            heading=label(F.COUNTRIES, lang),
            spans=(Span(_join([localized_name(c, lang) for c in project.countries], lang)),),
        ),
    ]
    return _answer(
        Kind.PROJECT,
        lang,
        blocks,
        [project.id],
        [F.SUMMARY],
        suggestions=_suggestions(project, lang),
    )


def field_answer(
    index: Index, project_id: str, field_name: str, lang: str, q: Query | None = None
) -> Answer:
    project = index.kb.project(project_id)
    if project is None:
        return _abstain(Kind.NOT_FOUND, say("unknown_project", lang), [], lang, index)
    blocks = [_heading_block(project, lang), *_field_blocks(index, project, field_name, lang, q)]
    projects = [project.id]
    if field_name == F.RELATED:  # the answer is about both ends of the link, the follow-up first
        projects += _related_ids(index, project)
        projects.sort(key=lambda pid: index.kb.by_id[pid].period.start, reverse=True)
    return _answer(
        Kind.FIELD,
        lang,
        blocks,
        projects,
        [field_name],
        suggestions=_suggestions(project, lang),
    )


def _earlier_or_later(q: Query) -> str | None:
    """ "earlier" for "that earlier one", "the previous programme"; "later" for "the later
    project", "the follow-up"; None when the question says neither."""
    words = {t.word for t in q.tokens}
    if words & understand.EARLIER_WORDS:
        return "earlier"
    if words & understand.LATER_WORDS:
        return "later"
    return None


def _related_ids(index: Index, p: Project) -> list[str]:
    linked = [rel.project for rel in p.related if index.kb.project(rel.project)]
    linked += [o.id for o in index.projects if any(rel.project == p.id for rel in o.related)]
    return list(dict.fromkeys(linked))


def _field_blocks(
    index: Index, p: Project, field_name: str, lang: str, q: Query | None
) -> list[Block]:
    name = _name(p, lang)
    if field_name in (F.DATES, F.DURATION, F.STATUS):
        blocks = [
            _p(
                say(
                    "ran",
                    lang,
                    project=name,
                    start=_month(p.period.start, lang),
                    end=_month(p.period.end, lang),
                    months=_months(p.period.months, lang),
                )
            )
        ]
        if p.events:
            blocks.append(
                Block(
                    bullets=tuple(
                        (Span(_date(e.date, lang) + ": " + e.text.get(lang)),) for e in p.events
                    )
                )
            )
        return blocks
    if field_name == F.TITLE:
        lines = [say("full_title", lang, title=p.title.get(lang))]
        if p.acronym:
            lines.append(say("acronym_is", lang, acronym=p.acronym))
        lines += [say("also_titled", lang, title=t.get(lang)) for t in p.other_titles]
        return [_p(line) for line in lines]
    if field_name == F.FUNDERS:
        # "funded by the European Union (EU)": funders are institutions and governments
        article = "the " if lang == "en" else ""
        funders = [article + _org_name(index, o, lang) for o in p.funders]
        if len(funders) > 1:
            text = say(
                "funders_count",
                lang,
                project=name,
                n=number_word(len(funders), lang),
                funders=_join(funders, lang),
            )
        else:
            text = say("funded_by", lang, project=name, funders=_join(funders, lang))
        blocks = [_p(text)]
        if q is not None:
            blocks += _role_notes(index, p, q, lang, exclude_funders=True)
        return blocks
    if field_name in (F.PARTNERS, F.IMPLEMENTERS, F.BENEFICIARY):
        return _partner_blocks(index, p, field_name, lang, q)
    if field_name == F.COUNTRIES:
        countries = _join([localized_name(c, lang) for c in p.countries], lang)
        if len(p.countries) > 1:  # "how many countries": the number, then the names
            countries = f"{number_word(len(p.countries), lang)}: {countries}"
        return [_p(say("countries_of", lang, project=name, countries=countries))]
    if field_name == F.PROGRAMME:
        if p.programme:
            return [_p(say("programme_of", lang, project=name, programme=p.programme.get(lang)))]
        return [_p(say("no_programme", lang, project=name))]
    if field_name == F.OFFICES:
        offices = _join([o.get(lang) for o in p.iom_offices], lang)
        if len(p.iom_offices) > 1:  # "how many IOM missions ran it": three
            offices = f"{number_word(len(p.iom_offices), lang)}: {offices}"
        return [_p(say("offices_of", lang, project=name, offices=offices))]
    if field_name == F.RELATED:
        return _related_blocks(index, p, lang)
    if field_name in (F.OBJECTIVES, F.COMPONENTS, F.ACTIVITIES, F.RESULTS):
        return _statement_blocks(p, field_name, lang)
    return [_p(p.summary.get(lang)), _p(p.description.get(lang))]


def _statement_blocks(p: Project, field_name: str, lang: str) -> list[Block]:
    statements = {
        F.OBJECTIVES: p.objectives,
        F.COMPONENTS: p.components,
        F.ACTIVITIES: p.activities or p.components or p.results,
        F.RESULTS: p.results or p.activities,
    }[field_name]
    if not statements:
        return [_p(p.description.get(lang))]
    blocks: list[Block] = []
    areas: dict[str, list[tuple[Span, ...]]] = {}
    for s in statements:
        text = s.text.get(lang)
        if s.label:
            text = f"{s.label.get(lang)}: {text}"
        areas.setdefault(s.area.get(lang) if s.area else "", []).append(
            _statement_line(text, s.status, lang)
        )
    for area, bullets in areas.items():
        blocks.append(
            Block(
                heading=_sentence_case(area)
                if area
                # "had only three components?": the count answers it
                else f"{label(field_name, lang)} ({len(bullets)})",
                bullets=tuple(bullets),
            )
        )
    if any(s.status is Status.PLANNED for s in statements):
        blocks.append(_p(say("planned_note", lang)))
    return blocks


def _partner_blocks(
    index: Index, p: Project, field_name: str, lang: str, q: Query | None
) -> list[Block]:
    name = _name(p, lang)
    if field_name == F.BENEFICIARY:
        orgs = p.orgs_with_role(Role.FINAL_BENEFICIARY)
        if not orgs:
            # "who benefited from SIREADA?": no final beneficiary named; whom its work was for
            return [
                _p(say("no_beneficiary", lang, project=name)),
                *_statement_blocks(p, F.ACTIVITIES, lang),
            ]
        return [
            _p(
                say(
                    "beneficiary_of",
                    lang,
                    project=name,
                    orgs=_join([_org_name(index, o, lang) for o in orgs], lang),
                )
            )
        ]
    if field_name == F.IMPLEMENTERS:
        who = [o.get(lang) for o in p.iom_offices]
        who += [_org_name(index, o, lang) for o in p.orgs_with_role(Role.JOINT_IMPLEMENTER)]
        blocks = [_p(say("implemented_by", lang, project=name, who=_join(who, lang)))]
        contractors = p.orgs_with_role(Role.CONTRACTING_AUTHORITY)
        if contractors:
            blocks.append(
                _p(
                    say(
                        "contracted_by",
                        lang,
                        orgs=_join([_org_name(index, o, lang) for o in contractors], lang),
                    )
                )
            )
        counterparts = p.orgs_with_role(Role.GOVERNMENT_COUNTERPART) or p.orgs_with_role(
            Role.PARTNER
        )
        if counterparts:
            blocks += _partner_blocks(index, p, F.PARTNERS, lang, q)
        return blocks
    if not p.partners:
        return [_p(say("no_partners", lang, project=name))]
    shown = _partners_asked(index, p, q) if q is not None else list(p.partners)
    count = []
    if q is not None and q.count_target in (F.PARTNERS, "ngo"):
        count = [_p(say("partners_count", lang, project=name, n=number_word(len(shown), lang)))]
    bullets = []
    for part in shown:
        org = index.org(part.org)
        roles = ", ".join(role_label(r.value, lang) for r in part.roles)
        extra = f" — {part.note.get(lang)}" if part.note else ""
        country = f", {localized_name(org.country, lang)}" if org and org.country else ""
        bullets.append(
            (_strong(_org_name(index, part.org, lang)), Span(f" ({roles}{country}){extra}"))
        )
    blocks = [*count, Block(heading=say("partners_of", lang, project=name), bullets=tuple(bullets))]
    if q is not None:
        blocks += _role_notes(index, p, q, lang, exclude_funders=False)
    return blocks


def _partners_asked(index: Index, p: Project, q: Query) -> list[Participation]:
    """The partners a question narrows to: by country ("in Ukraine") and by kind ("NGOs",
    "government bodies"); all of them when the narrowing leaves none."""
    countries = {c.name for code in q.countries() if (c := index.country(code))}
    terms = {t.term for t in q.tokens}
    kinds: set[OrgKind] = set()
    if "ngo" in terms:
        kinds.add(OrgKind.NGO)
    if "government" in terms or "ministry" in terms:
        kinds.update((OrgKind.GOVERNMENT, OrgKind.GOVERNMENT_AGENCY))

    def wanted(part: Participation) -> bool:
        org = index.org(part.org)
        if org is None:
            return False
        if countries and org.country not in countries:
            return False
        return not kinds or org.kind in kinds

    narrowed = [part for part in p.partners if wanted(part)]
    return narrowed or list(p.partners)


def _related_blocks(index: Index, p: Project, lang: str) -> list[Block]:
    blocks = []
    for rel in p.related:
        other = index.kb.project(rel.project)
        if other:
            blocks.append(
                _p(
                    say(
                        "related_of",
                        lang,
                        project=_name(p, lang),
                        kind=relation_label(rel.kind, lang),
                        other=other.title.get(lang),
                        period=_period(other, lang),
                    )
                )
            )
    for other in index.projects:
        for rel in other.related:
            if rel.project == p.id:
                blocks.append(
                    _p(
                        say(
                            "followed_by",
                            lang,
                            other=other.title.get(lang),
                            period=_period(other, lang),
                        )
                    )
                )
    return blocks or [_p(say("no_related", lang, project=_name(p, lang)))]


def _roles_in(index: Index, p: Project, org_id: str, lang: str) -> list[str]:
    roles = []
    if org_id in p.funders:
        roles.append(role_label("funder", lang))
    for part in p.partners:
        if part.org == org_id:
            roles += [role_label(r.value, lang) for r in part.roles]
    return roles


def _parts_in(index: Index, p: Project, org_id: str) -> list[str]:
    """The organisations of the project that are part of `org_id` (the EC Delegation of the
    European Commission)."""
    ids = dict.fromkeys([*p.funders, *(part.org for part in p.partners)])
    return [o for o in ids if o != org_id and org_id in _org_family(index, o)]


def _orgs_for_country(index: Index, p: Project, code: str) -> list[str]:
    country = index.country(code)
    if country is None:
        return []
    ids = [*p.funders, *(part.org for part in p.partners)]
    return [o for o in dict.fromkeys(ids) if (org := index.org(o)) and org.country == country.name]


def _role_notes(
    index: Index, p: Project, q: Query, lang: str, exclude_funders: bool
) -> list[Block]:
    blocks = []
    org_ids = list(q.orgs())
    for code in q.countries():
        org_ids += _orgs_for_country(index, p, code)
    for org_id in dict.fromkeys(org_ids):
        roles = _roles_in(index, p, org_id, lang)
        name = _org_name(index, org_id, lang)
        if exclude_funders and org_id in p.funders:
            continue
        parts = [] if roles else _parts_in(index, p, org_id)
        for part_id in parts:  # "was the EC involved?": through its Delegation
            part_roles = ", ".join(_roles_in(index, p, part_id, lang))
            part_name = _org_name(index, part_id, lang)
            blocks.append(_p(say("through_part", lang, org=name, part=part_name, roles=part_roles)))
        if not roles and not parts:
            blocks.append(_p(say("not_involved", lang, org=name, project=_name(p, lang))))
        elif not roles:
            continue
        elif exclude_funders:
            blocks.append(
                _p(
                    say(
                        "not_funder", lang, org=name, project=_name(p, lang), roles=", ".join(roles)
                    )
                )
            )
        else:
            note = next(
                (part.note for part in p.partners if part.org == org_id and part.note), None
            )
            text = say("role_of", lang, org=name, project=_name(p, lang), roles=", ".join(roles))
            blocks.append(_p(text + (f" ({note.get(lang)})" if note else "")))
    # a country that appears in the project only as a place ("was the Netherlands a donor?"):
    # say where it appears, so the real role is clear
    for code in q.countries():
        country = index.country(code)
        if country is None or _orgs_for_country(index, p, code):
            continue
        for s in (*p.activities, *p.results):
            if country.name in s.places:
                text = s.text.get(lang)
                blocks.append(_p(say("place_in", lang, place=country.name, text=text)))
    return blocks


def content_topics(index: Index, q: Query) -> list[str]:
    """The question's known content words other than organisations, countries and numbers."""
    return [
        t
        for t in q.residual
        if index.known(t)
        and not t.startswith((ORG_PREFIX, COUNTRY_PREFIX, V.NUMBER_PREFIX))
        and t not in _CLASS_TERMS
    ]


def _org_profile(index: Index, org_id: str, lang: str) -> Answer:
    """An organisation itself: what it is, where from, and its part in each project."""
    org = index.org(org_id)
    if org is None:
        return _abstain(Kind.NOT_FOUND, say("not_found", lang), [], lang, index)
    facts = [
        say("org_kind", lang, kind=kind_label(org.kind.value, lang)) if org.kind else "",
        say("org_country", lang, country=localized_name(org.country, lang)) if org.country else "",
    ]
    blocks = [
        Block(spans=(_strong(_org_name(index, org_id, lang)),)),
        _p(" ".join(f for f in facts if f)),
    ]
    if org.description:
        blocks.append(_p(org.description.get(lang)))
    projects = _projects_with_org(index, org_id)
    for pid in projects[:LIST_LIMIT]:  # a ministry may be in hundreds of projects
        p = index.kb.by_id[pid]
        roles = ", ".join(_roles_in(index, p, org_id, lang))
        note = next((part.note for part in p.partners if part.org == org_id and part.note), None)
        line = say(
            "role_of", lang, org=_org_name(index, org_id, lang), project=_name(p, lang), roles=roles
        )
        blocks.append(_p(line + (f" ({note.get(lang)})" if note else "")))
    blocks += _more_blocks(len(projects), lang)
    return _answer(Kind.FIELD, lang, blocks, projects[:LIST_LIMIT], [F.PARTNERS])


def _visited(index: Index, p: Project, q: Query) -> list[Doc]:
    """The project's statements whose places are a country the question names (the study
    tours that went there)."""
    names = {c.name for code in q.countries() if (c := index.country(code))}
    if not names:
        return []
    return [
        d
        for f in (F.ACTIVITIES, F.RESULTS)
        for d in index.docs_of(p.id, f)
        if names.intersection(d.places)
    ]


def _went_to_places(index: Index, q: Query, candidates: Sequence[str]) -> str | None:
    """ "куда возили чиновников на стажировки?": of projects alike, the one whose study tours
    the page says went somewhere, when the question asks where."""
    if not (_asks_travel(q) or any(t.word in ("where", "куда", "где") for t in q.tokens)):
        return None
    went = [pid for pid in candidates if _destinations(index, index.kb.by_id[pid])]
    return went[0] if len(went) == 1 else None


def _destinations(index: Index, p: Project) -> list[Doc]:
    """The project's statements of travel with the places they went to (its study tours)."""
    return [
        d
        for f in (F.ACTIVITIES, F.RESULTS)
        for d in index.docs_of(p.id, f)
        if d.kind in DESTINATION_KINDS and d.places
    ]


#: Verbs of travel: "which countries did they go to", "where did they travel", "куда ездили".
_TRAVEL: Final = frozenset(
    "go goes went gone going travel travelled traveled travelling traveling trip trips visit "
    "visited visiting ездили съездили поехали ездил посетили посещали выезжали возили побывали "
    "поездки поездка".split()
)


def _asks_travel(q: Query) -> bool:
    """ "which countries did they go to", "куда ездили", "to which countries?"."""
    words = [t.word for t in q.tokens]
    pairs = set(pairwise(words))
    return (
        any(w in _TRAVEL for w in words)
        or bool(pairs & {("to", "which"), ("to", "what")})
        or words in (["where", "to"], ["куда"])  # "where to?" after a list of study tours
    )


def _tour_answer(index: Index, p: Project, docs: list[Doc], q: Query, lang: str) -> Answer:
    """Statements about travel, led by the number of places when one is asked ("how many
    countries did the study tours visit")."""
    prefix = None
    if q.count_target and docs[0].places:
        prefix = say(
            "count_places",
            lang,
            n=number_word(len(docs[0].places), lang),
            places=_join(list(docs[0].places), lang),
        )
    return _detail(index, p, docs, lang, prefix=prefix)


def _role_answer(index: Index, p: Project, q: Query, lang: str) -> Answer:
    blocks = [_heading_block(p, lang)]
    notes = _role_notes(index, p, q, lang, exclude_funders=False)
    for code in q.countries():
        country = index.country(code)
        if country and country.name in p.countries:
            blocks.append(
                _p(
                    say(
                        "countries_of",
                        lang,
                        project=_name(p, lang),
                        countries=_join([localized_name(c, lang) for c in p.countries], lang),
                    )
                )
            )
    blocks += notes
    visited = _visited(index, p, q)
    if not visited and ("tour" in q.residual or _asks_travel(q)):
        # "was Finland one of the study-tour destinations?": not there; where the tours went
        visited = _destinations(index, p)
    if visited:  # "Germany - a donor or a study tour destination?": both
        lines = tuple(_statement_line(d.text.get(lang), d.status, lang) for d in visited)
        blocks.append(Block(bullets=lines))
    if q.countries() or q.orgs():  # "was the Home Office SIREADA's counterpart in Russia?"
        blocks += _partner_blocks(index, p, F.PARTNERS, lang, None if not q.countries() else q)[:1]
    if len(blocks) == 1:
        blocks.append(_p(p.summary.get(lang)))
    return _answer(
        Kind.FIELD, lang, blocks, [p.id], [F.PARTNERS], suggestions=_suggestions(p, lang)
    )


def _detail(
    index: Index,
    p: Project,
    docs: list[Doc],
    lang: str,
    prefix: str | None = None,
    also: Sequence[str] = (),
) -> Answer:
    blocks = []
    if prefix:
        blocks.append(_p(prefix))
    blocks.append(_heading_block(p, lang))
    bullets = []
    # the results of one area asked about ("what did it do to build the capacity of ...") are
    # shown whole; other details, the best few
    one_area = len({d.area for d in docs}) == 1 and docs[0].area is not None
    docs = docs[: AREA_LIMIT if one_area else DETAIL_LIMIT]
    for d in docs:
        text = d.text.get(lang)
        if d.field == F.PARTNERS and d.orgs:  # a partner's note: say whose it is
            text = f"{_org_name(index, d.orgs[0], lang)}: {text}"
        if d.date is not None:
            text = f"{_date(d.date, lang)}: {text}"
        if d.label:
            text = f"{d.label.get(lang)}: {text}"
        if d.area is not None:
            area = d.area.get(lang)
            text = f"{text} [{area}]"
        bullets.append(_statement_line(text, d.status, lang))
    blocks.append(Block(bullets=tuple(bullets)))
    if any(d.status is Status.PLANNED for d in docs):
        blocks.append(_p(say("planned_note", lang)))
    fields = list(dict.fromkeys(d.field for d in docs))
    return _answer(
        Kind.FIELD,
        lang,
        blocks,
        [p.id, *also],
        fields or [F.DETAIL],
        suggestions=_suggestions(p, lang),
    )


def _meaning(index: Index, q: Query, projects: list[str], lang: str) -> Answer:
    """What abbreviations stand for: glossary terms and organisations' short names."""
    lines = []
    subjects = list(projects)
    surface = {t.position: t.surface for t in q.tokens}

    def short_name_written(m: Mention) -> bool:
        org = index.org(m.key)
        written = " ".join(surface[p] for p in m.positions).lower()
        return org is not None and any(n.lower() == written for n in org.short_names)

    def spelt_out(m: Mention) -> bool:
        org = index.org(m.key)
        written = " ".join(surface[p] for p in m.positions).lower()
        return org is not None and written in (v.lower() for v in org.name.variants())

    # "EC" is the European Commission's short name, not the EC Delegation's; a name spelt out
    # ("is EC the european commission?") is no abbreviation to expand
    by_short_name = {m.positions for m in q.mentions if m.kind == "org" and short_name_written(m)}
    for m in q.mentions:
        if m.kind == "org" and m.positions in by_short_name and not short_name_written(m):
            continue
        if m.kind == "org" and spelt_out(m):
            continue
        written = " ".join(surface[p] for p in m.positions)
        # the short name as the organisation writes it, also before a country ("SBGS ukraine")
        org_of = index.org(m.key)
        short = sorted(
            (
                n
                for n in (org_of.short_names if org_of else ())
                if f"{written.lower()} ".startswith(f"{n.lower()} ")
            ),
            key=len,
        )
        written = short[-1] if short else written.upper() if len(written) <= 6 else written
        if m.kind == "term":
            entry = next((e for e in index.kb.glossary if e.term == m.key), None)
            if entry is None:
                continue
            lines.append(say("meaning", lang, term=entry.term, meaning=entry.meaning.get(lang)))
            if not projects:
                subjects += _projects_using(index, entry.meaning.en, entry.term)
        elif m.kind == "org":
            org = index.org(m.key)
            if org is None:
                continue
            text = say("meaning_org", lang, term=written, meaning=org.name.get(lang))
            if org.description:
                text += " " + org.description.get(lang)
            if org.country:  # "what is IPR and which country is it from?"
                text += " " + say("org_country", lang, country=localized_name(org.country, lang))
            lines.append(text)
            theirs = _projects_with_org(index, m.key)
            # "what is Rosgranitsa and what has IOM to do with it": its part in them
            for pid in theirs[:MEANING_ROLES]:
                p = index.kb.by_id[pid]
                roles = ", ".join(_roles_in(index, p, m.key, lang))
                name = _org_name(index, m.key, lang)
                lines.append(say("role_of", lang, org=name, project=_name(p, lang), roles=roles))
            if not projects:
                subjects += theirs
    lines = list(dict.fromkeys(lines))
    subjects = list(dict.fromkeys(subjects))
    blocks = [_p(line) for line in lines]
    if subjects:
        p = index.kb.by_id[subjects[0]]
        name = p.title.get(lang) + (f" ({p.acronym})" if p.acronym else "")
        blocks.append(_p(say("in_project", lang, project=name)))
    return _answer(Kind.FIELD, lang, blocks, subjects, [F.MEANING])


def _projects_using(index: Index, *phrases: str) -> list[str]:
    """Projects whose statements use a phrase (all of its words), most uses first."""
    counts: dict[str, int] = {}
    for phrase in phrases:
        terms = sorted(index.analyse_query(phrase))
        for d, score in index.score_docs(terms, None, 0.99):
            if score >= 0.99:
                counts[d.project] = counts.get(d.project, 0) + 1
    return sorted(counts, key=lambda pid: -counts[pid])


def _home_first(index: Index, project_ids: Iterable[str]) -> list[str]:
    """At most `CLARIFY_CHOICES` of the projects, those in the mission's own country first,
    otherwise in knowledge-base order."""
    home = index.kb.about.country
    by_id = index.kb.by_id
    ordered = sorted(project_ids, key=lambda pid: index.position(pid))
    ordered.sort(key=lambda pid: home not in by_id[pid].countries)
    return ordered[:CLARIFY_CHOICES]


def _clarify(index: Index, candidates: list[str], lang: str) -> Answer:
    bullets = []
    suggestions = []
    for pid in candidates:
        p = index.kb.by_id[pid]
        bullets.append((_strong(_name(p, lang)), Span(" · " + _period(p, lang))))
        suggestions.append(Suggestion(p.acronym or _short_title(p), Action.PROJECT, p.id))
    blocks = [_p(say("clarify", lang)), Block(bullets=tuple(bullets))]
    return _answer(Kind.CLARIFY, lang, blocks, candidates, score=0.5, suggestions=suggestions)


def _short_title(p: Project) -> str:
    alias = p.aliases[0].en if p.aliases else p.title.en
    return alias[:40]


# ----- several projects -----------------------------------------------------------------------


def _compare(index: Index, q: Query, named: list[str], lang: str) -> Answer:
    # in the order the question names them: its subject first ("was the border project still
    # running when SIREADA began")
    projects = [index.kb.by_id[pid] for pid in _in_question_order(q, named)[:4]]
    a, b = projects[0], projects[1]
    blocks: list[Block] = []
    order = [p.id for p in projects]
    event = _event_reference(index, q) if _relative_words(q) else None
    if event is not None and event.date is not None and event.project in order:
        # "did the mechanisms project start before or after IOM signed the border
        # checkpoints agreement?": the event's date beside the periods below
        blocks.append(_p(f"{_date(event.date, lang)}: {event.text.get(lang)}"))
    if q.has(V.LONGER) or q.has(V.SHORTER) or _asks_difference(q):
        longer, shorter = sorted((a, b), key=lambda p: -p.period.months)
        if q.has(V.SHORTER):
            longer, shorter = shorter, longer
        blocks.append(_p(_longer_text(a, b, lang)))
        order = [longer.id, shorter.id]
    else:
        first, second = sorted((a, b), key=lambda p: p.period.start.index)
        gap = second.period.start.index - first.period.end.index
        same_end = _same_end_asked(q)
        span = _start_to_end(q, [a.id, b.id]) if same_end is None else None
        if span is not None:
            # "how many years passed between the start of the 2007-2010 programme and the end
            # of SIREADA": from the one's start to the other's end
            opened, closed = (index.kb.by_id[pid] for pid in span)
            blocks.append(
                _p(
                    say(
                        "span",
                        lang,
                        first=_name(opened, lang),
                        second=_name(closed, lang),
                        a=_month(opened.period.start, lang),
                        b=_month(closed.period.end, lang),
                        gap=_months(closed.period.end.index - opened.period.start.index, lang),
                    )
                )
            )
        elif same_end is not None:
            # "how much time between the start of the 2007-2010 programme and the start of
            # SIREADA": from one start to the other, not the gap after the first ended
            blocks.append(_p(_apart(a, b, same_end, lang)))
        elif q.has(V.GAP) and not q.has(V.OVERLAP) and gap > 0:
            blocks.append(
                _p(
                    say(
                        "gap_after",
                        lang,
                        first=_name(first, lang),
                        second=_name(second, lang),
                        start=_month(second.period.start, lang),
                        end=_month(first.period.end, lang),
                        gap=say("months", lang, n=gap),
                    )
                )
            )
        overlap = _overlap_text(first, second, lang)
        if overlap:
            blocks.append(_p(overlap))
    for p in projects:
        blocks.append(_heading_block(p, lang))
        lines = [
            (  # "compare the durations of ...": each project's months
                Span(f"{label(F.DURATION, lang)}: "),
                Span(_months(p.period.months, lang)),
            ),
            (
                Span(f"{label(F.FUNDERS, lang)}: "),
                Span(_join([_org_name(index, o, lang) for o in p.funders], lang)),
            ),
            (
                Span(f"{label(F.PARTNERS, lang)}: "),
                Span(_join([_org_name(index, part.org, lang) for part in p.partners], lang)),
            ),
            (
                Span(f"{label(F.COUNTRIES, lang)}: "),
                Span(_join([localized_name(c, lang) for c in p.countries], lang)),
            ),
            (Span(f"{label(F.SUMMARY, lang)}: "), Span(p.summary.get(lang))),
        ]
        blocks.append(Block(bullets=tuple(lines)))
    return _answer(Kind.FIELD, lang, blocks, order, list(q.fields) or [F.SUMMARY])


def _apart(a: Project, b: Project, end: str, lang: str) -> str:
    """ "X started in February 2007, Y in March 2011: 49 months later" (or "ended")."""

    def month(p: Project) -> Month:
        return p.period.start if end == "start" else p.period.end

    early, late = sorted((a, b), key=lambda p: month(p).index)
    return say(
        f"apart_{end}",
        lang,
        first=_name(early, lang),
        second=_name(late, lang),
        a=_month(month(early), lang),
        b=_month(month(late), lang),
        gap=_months(month(late).index - month(early).index, lang),
    )


def _start_to_end(q: Query, pair: list[str]) -> tuple[str, str] | None:
    """ "Between the start of X and the end of Y": (X, Y), each end word going with the
    project named after it; None for any other question."""
    words = [t.word for t in q.tokens]
    if not {"between", "from", "между", "от", "с"} & set(words):
        return None
    start_at = [t.position for t in q.tokens if V.START_WORDS.matches(t.word)]
    end_at = [t.position for t in q.tokens if V.END_WORDS.matches(t.word)]
    if len(start_at) != 1 or len(end_at) != 1 or end_at[0] < start_at[0]:
        return None  # ("between the end of X and the start of Y" is the gap after X)
    where = {
        h.project: min(h.positions) for h in q.names if h.project in pair and h.strength >= NAMED
    }
    if len(where) != 2:
        return None

    def named_after(at: int) -> str | None:
        later = [(p, pid) for pid, p in where.items() if p > at]
        return min(later)[1] if later else None

    opened, closed = named_after(start_at[0]), named_after(end_at[0])
    if opened is None or closed is None or opened == closed:
        return None
    return opened, closed


def _same_end_asked(q: Query) -> str | None:
    """ "start" when a question spans from one project's start to another's ("between the
    start of X and the start of Y"), "end" likewise; None otherwise."""
    words = [t.word for t in q.tokens]
    starts = sum(1 for w in words if V.START_WORDS.matches(w))
    ends = sum(1 for w in words if V.END_WORDS.matches(w))
    if {"between", "from", "между", "от", "after", "before", "после"} & set(words):
        if starts >= 2 and not ends:
            return "start"
        if ends >= 2 and not starts:
            return "end"
    # "how much later than the mechanisms project did SIREADA start?": start to start
    than = {"than", "чем"} & set(words) and {"later", "earlier", "sooner", "позже", "раньше"} & set(
        words
    )
    if than and bool(starts) != bool(ends):
        return "start" if starts else "end"
    return None


def _overlap_text(first: Project, second: Project, lang: str) -> str | None:
    start = max(first.period.start.index, second.period.start.index)
    end = min(first.period.end.index, second.period.end.index)
    if start <= end:
        return say(
            "overlap",
            lang,
            start=_month(_from_index(start), lang),
            end=_month(_from_index(end), lang),
            months=_months(end - start + 1, lang),
        )
    gap = second.period.start.index - first.period.end.index - 1
    return say(
        "no_overlap",
        lang,
        first=_name(first, lang),
        second=_name(second, lang),
        end=_month(first.period.end, lang),
        start=_month(second.period.start, lang),
        gap=say("months", lang, n=gap + 1),
    )


def _from_index(i: int) -> Month:
    return Month(i // 12, i % 12 + 1)


def _field_for_many(index: Index, ids: list[str], field_name: str, lang: str) -> Answer:
    blocks = []
    for pid in ids[:LIST_LIMIT]:
        p = index.kb.by_id[pid]
        blocks.append(_heading_block(p, lang))
        if field_name not in (F.DATES, F.DURATION):
            blocks += _field_blocks(index, p, field_name, lang, None)
    blocks += _more_blocks(len(ids), lang)
    return _answer(Kind.LIST, lang, blocks, ids[:LIST_LIMIT], [field_name])


def _described_reference(index: Index, q: Query) -> tuple[str | None, set[str]]:
    """The one project that countries or organisations right before a project word describe
    ("the germany/finland programme", "the Rosgranitsa project"), and their keys; None when
    they describe none or several."""
    project_at = {
        t.position for t in q.tokens if t.word in ("project", "programme", "program", "one")
    }
    described = [
        m for m in q.mentions if m.kind in ("org", "country") and max(m.positions) + 1 in project_at
    ]
    if not described:
        return None, set()
    # "germany/finland programme": each name before the one that touches the project word
    first = min(min(m.positions) for m in described)
    chain = [
        m
        for m in q.mentions
        if m.kind in ("org", "country")
        and first - 3 <= min(m.positions)
        and max(m.positions) < max(project_at)
    ]
    fits: set[str] | None = None
    for m in chain:
        if m.kind == "org":
            here = set(_projects_with_org(index, m.key))
        else:
            country = index.country(m.key)
            here = (
                set().union(*(index.projects_tied_to(country.name, t) for t in COUNTRY_TIES))
                if country
                else set()
            )
        fits = here if fits is None else fits & here
    if not fits or len(fits) != 1:
        return None, set()
    return next(iter(fits)), {m.key for m in chain}


def _all_projects_asked(q: Query, size: int) -> bool:
    """ "start and end months of all four projects", "who funded each of the four completed
    IOM Russia projects", "funders of all four": "all" or "each" shortly before the project
    word, or before the number of projects the knowledge base holds (`size`)."""
    words = [t.word for t in q.tokens]

    def all_of_them(w: str) -> bool:
        # a cardinal written out ("four", "четырёх"), not "4 components" nor "the fourth"
        cardinal = not w.isdigit() and not w.endswith(_ORDINAL_ENDINGS)
        return cardinal and understand.number_value(w) == size

    # ("each of the four", "каждый из 4": the words between left out)
    short = (
        [w for w in words if w not in ("of", "the", "из")] if _ALL_OF.intersection(words) else []
    )
    if any(
        a in _ALL_OF
        and (all_of_them(b) or b == str(size))
        # "list all four components": the project's four, not all four projects
        and not any(V.FIELD_CUES[f].matches(c) for f in _NUMBERED_FIELDS)
        for a, b, c in zip(short, short[1:], [*short[2:], ""], strict=False)
    ):
        return True
    for i, w in enumerate(words):
        if w.startswith(("project", "programme", "проект")):
            before = words[max(0, i - 5) : i]
            if any(b in _ALL_OF for b in before):
                return True
            # "the four (completed IOM Russia) projects", not "component four of the border
            # project" nor "четыре компонента … в проекте"
            counts = [j for j in range(max(0, i - 5), i) if all_of_them(words[j])]
            if any(all(w in _BEFORE_PROJECTS for w in words[j + 1 : i]) for j in counts):
                return True
    return False


_ALL_OF: Final = frozenset("all every each все всех всем каждого каждый каждая".split())
#: Words between "the four" and "projects": "the four completed IOM Russia projects".
_BEFORE_PROJECTS: Final = frozenset(
    "completed finished iom russia russian real your our завершенных завершённых мом".split()
)
#: How ordinal numbers end ("fourth", "четвёртый"): they pick one, they count nothing.
_ORDINAL_ENDINGS: Final = tuple("th st nd rd ый ий ой ая ое ого ому ом ую ые ых".split())


def _has_filters(q: Query) -> bool:
    return (
        bool(q.times)
        or (bool(q.orgs() or q.countries()) and q.wants_list)
        # "the project with the four components" (not "what were the 4 components?")
        or (
            _number_of_items(q) is not None
            and any(t.term in ("project", "programm", "проект") for t in q.tokens)
        )
    )


def _list_or_count(index: Index, q: Query, ctx: ChatState, named: list[str]) -> Answer | None:
    """Filter every project by what the question names; None when it is not a list question."""
    lang = q.lang
    # ("apart from SIREADA, which projects …": the others)
    candidates = (
        [p for p in index.projects if p.id not in q.excluded]
        if q.excluded
        else list(index.projects)
    )
    reasons: list[str] = ["excepted"] if q.excluded else []
    also: list[str] = []  # projects named besides the list ("… and to which?")
    # what made a project match, shown beside it: the statement that matched the topic, else
    # its NGO partners, else the roles of the organisations asked about
    why: dict[str, str] = {}  # the roles
    why_doc: dict[str, Doc] = {}  # the statements
    previous_list = _shown_a_list(q, ctx) and _refers_to_previous_list(q, ctx)
    if previous_list:
        # "which of those had NGO partners", "which one was the latest": the last list
        candidates = [index.kb.by_id[pid] for pid in ctx.projects if pid in index.kb.by_id]
    hint_terms: set[str] = set()
    describing: set[str] = set()  # the countries and organisations that say which project
    if not named and (_relative_words(q) or q.has(V.OVERLAP) or _compared_with(q)):
        # "which projects overlapped with the КПП project": a weaker name is the reference,
        # and its words are no topic
        # (not a project left out: "apart from SIREADA, which projects started after 2008?")
        hints = [h for h in q.names if h.strength >= HINT_NAME and h.project not in q.excluded]
        named = [h.project for h in hints[:1]]
        hint_terms = {t.term for t in q.tokens for h in hints[:1] if t.position in h.positions}
        if not named:
            # "the year after the germany/finland programme wrapped up": the one project of
            # those countries
            described, describing = _described_reference(index, q)
            named = [described] if described else []
    exclude = set(named)
    reference: Project | None = index.kb.by_id[named[0]] if named else None
    if reference is None and (q.another or (q.refers_back and _relative_words(q))):
        # "and the other one?", "which project ended two months before that one did?"
        back = _context_projects(q, ctx)
        reference = index.kb.by_id[back[0]] if back else None
        if reference:
            exclude.add(reference.id)

    # "part of the EC thematic programme 2009": the year belongs to the programme's name
    times = () if F.PROGRAMME in q.fields else q.times
    if times:
        # (every project: None, read off the masks directly)
        every = not previous_list and not q.excluded
        candidates = _fit_times(index, None if every else candidates, times, q.anchor)
        if _both_ends(q) and reference is None:
            # "which projects started and ended within 2009-2011": both ends in the period
            other = "end" if q.anchor == "start" else "start"
            candidates = _fit_times(index, candidates, times, other)
        reasons.extend("time" for _spec in times)
    for duration in q.durations:
        candidates = [p for p in candidates if duration.accepts(p.period.months)]
        reasons.append("duration")
    event = _event_reference(index, q)
    if reference is not None and event is not None and event.project == reference.id:
        # "the year after IOM signed the border checkpoints agreement": the project named
        # only says which agreement; the list is dated by the event
        exclude.discard(reference.id)
        reference = None
    compared = _compared_with(q) if reference is not None else None
    if reference is not None and compared is not None:
        # "which projects lasted longer than the border checkpoints project", "worked in fewer
        # countries than SIREADA": by that measure, against the project named
        measured, bigger = compared
        measure = _MEASURES[measured]
        bar = measure(reference)
        candidates = [
            p
            for p in candidates
            if p.id != reference.id and (measure(p) > bar if bigger else measure(p) < bar)
        ]
        reasons.append("compared")
        what = measured_label(measured, lang)
        for p in candidates[:LIST_LIMIT]:
            why[p.id] = f"{what}: {measure(p)} ({_name(reference, lang)}: {bar})"
    elif reference is not None:
        relative = _relative_mask(index, q, reference)
        if relative is not None:
            kept = _keep_where(index, candidates, relative)
            candidates = [p for p in kept if p.id not in exclude] if exclude else kept
            reasons.append("relative")
        elif q.another:
            # "tell me about SIREADA" - "which other projects were funded by the EU too?"
            candidates = [p for p in candidates if p.id not in exclude]
    shared = _same_period(q) if reference is None and not q.times and event is None else None
    if shared:  # "which two projects started in the same month": those sharing one
        starts, ends = index.periods
        points = ends if q.anchor == "end" else starts
        keys = points // 12 if shared == "year" else points
        values, counts = np.unique(keys, return_counts=True)
        candidates = _keep_where(index, candidates, np.isin(keys, values[counts > 1]))
        reasons.append("shared")
    event_orgs: set[str] = set()
    event_countries: set[str] = set()
    if event is not None and event.date is not None and "relative" not in reasons:
        # organisations named in the event ("the agreement with the EC Delegation") describe
        # the event; they do not filter the projects
        event_orgs = set(event.orgs) | {
            t[len(ORG_PREFIX) :] for t in event.terms if t.startswith(ORG_PREFIX)
        }
        # and so do its countries ("after the EU-Russia readmission agreement took effect")
        event_countries = {
            t[len(COUNTRY_PREFIX) :] for t in event.terms if t.startswith(COUNTRY_PREFIX)
        }
        if not q.times:
            candidates = _keep_where(index, candidates, _event_mask(index, event.date, q))
            reasons.append("event")

    topic = [
        t
        for t in q.residual
        if not t.startswith((ORG_PREFIX, COUNTRY_PREFIX, V.NUMBER_PREFIX))
        and t != "ngo"
        and t not in hint_terms
    ]
    audience = _audience_terms(q)
    if audience and set(topic) - audience:
        # "a study tour for Russian officials": whom it was for does not tell the tours apart
        # (the page says "the Russian authorities", "FMS staff")
        topic = [t for t in topic if t not in audience]
    if reference is not None and not {"relative", "compared"} & set(reasons) and not q.another:
        # "which projects were about border management": a name-like phrase is the topic
        topic = [*q.named_terms, *topic]
        reference = None
    topic_known = [] if event is not None else [t for t in topic if index.known(t)]
    if q.orgs():  # "the FMS as a partner or governmental counterpart": a role, no topic
        topic_known = [t for t in topic_known if t not in _CLASS_TERMS]
    # organisations: alternatives named by one word ("МВД") are grouped, any of them will do
    groups: dict[tuple[int, ...], list[str]] = {}
    # ("the rosgranitsa checkpoints project ended": a word of a project's name, no filter)
    in_names = {p for h in q.names if h.project in q.named for p in h.positions}
    for m in q.mentions:
        if m.kind == "org" and m.key not in event_orgs and not set(m.positions) <= in_names:
            groups.setdefault(m.positions, []).append(m.key)
    groups = _joined_by_or(q, groups)
    # "the EU, including via the European Commission": the larger body covers the smaller one
    for key, org_ids in list(groups.items()):
        others = {o for k, ids in groups.items() if k != key for o in ids}
        if all(others & (_org_family(index, o) - {o}) for o in org_ids):
            del groups[key]
    as_actor = not topic_known or F.FUNDERS in q.fields or q.negated
    if as_actor:
        # the "not" excludes the first organisation after it: "projects not funded by the EU",
        # "projects without the FMS funded by the EU" (the EU kept), "EU-funded projects that
        # didn't involve Ukraine" (the EU kept, the "not" is for what follows it)
        after_not = sorted(
            k for k in groups if q.negation_at is not None and min(k) > q.negation_at
        )
        besides_org = _besides(q) if F.FUNDERS in q.fields else None
        funder_key = _funder_group(q, list(groups))
        for key, org_ids in groups.items():
            if besides_org in org_ids:
                continue  # "кто-то, кроме ЕС": a funder other than the EU (see `_besides`)
            # "implemented with the FMS and funded only by the EU": the funding is the EU's
            asked = q if key == funder_key else replace(q, fields=_without(q.fields, F.FUNDERS))
            keep = _projects_with_any_org(index, candidates, org_ids, asked)
            excluded = q.negated and bool(after_not) and key == after_not[0]
            candidates = _keep_ids(index, candidates, keep, drop=excluded)
            reasons.append("org")
            for p in candidates[:LIST_LIMIT]:  # "UKBA - was it involved?": in which role
                roles = [
                    f"{_org_name(index, o, lang)}: {', '.join(r)}"
                    for o in org_ids
                    if (r := _roles_in(index, p, o, lang))
                ]
                if roles:
                    why[p.id] = "; ".join(roles)
    event_orgs |= describing
    event_countries |= describing
    for m in [m for m in q.mentions if m.kind == "country" and m.key not in event_countries]:
        keep = _projects_in_country(index, m.key, q)
        excluded = _negated_at(q, m.positions[0])
        candidates = _keep_ids(index, candidates, keep, drop=excluded)
        reasons.append("country")
        country = index.country(m.key)
        if country is not None and _any_tie(q) and not excluded:
            # "which projects involved Germany in any way": how each one did
            # ("only" there is a kind of "in": not shown apart)
            shown = (COUNTRY_IN, COUNTRY_FUNDER, COUNTRY_VISITED)
            ties = {tie: index.projects_tied_to(country.name, tie) for tie in shown}
            for p in candidates[:LIST_LIMIT]:
                how = [role_label(f"tie:{tie}", lang) for tie, ids in ties.items() if p.id in ids]
                # its organisations there by name: "UK Border Agency (UKBA): partner"
                how = [
                    f"{_org_name(index, o, lang)}: {', '.join(roles)}"
                    for o in _orgs_for_country(index, p, m.key)
                    if (roles := _roles_in(index, p, o, lang))
                ] + [
                    role_label(f"tie:{tie}", lang)
                    for tie, ids in ties.items()
                    if p.id in ids and tie == COUNTRY_VISITED
                ] or how
                if how and p.id not in why:
                    why[p.id] = f"{localized_name(country.name, lang)}: {'; '.join(how)}"
    if F.TITLE in q.fields and topic_known:
        # "which projects don't have 'readmission' in the title"
        titled = index.projects_named_with(topic_known)
        candidates = [p for p in candidates if (p.id in titled) != q.negated]
        reasons.append("title")
        topic_known = []
    if F.RELATED in q.fields and not previous_list:
        # "which projects were a follow-up to an earlier programme", "which followed up on it?"
        back = _context_projects(q, ctx)[:1] if q.refers_back else []
        if reference is not None or back:
            origin = reference or index.kb.by_id[back[0]]
            linked = set(_related_ids(index, origin)) - {origin.id}
        else:
            linked = {p.id for p in index.projects if p.related}
        candidates = [p for p in candidates if p.id in linked]
        reasons.append("related")
        for p in candidates[:LIST_LIMIT]:  # "a follow-up of Assistance to the Government …"
            links = [
                f"{relation_label(rel.kind, lang)} {linked_to.title.get(lang)}"
                for rel in p.related
                if (linked_to := index.kb.project(rel.project))
            ]
            if links:
                why.setdefault(p.id, "; ".join(links))
        if _asks_the_other_end(q):  # "… and to which?": the projects they are linked to too
            also = [rel.project for p in candidates[:LIST_LIMIT] for rel in p.related]
    several = _several(q)
    if several:  # "which projects had several donors", "в каких проектах было несколько доноров"
        candidates = [p for p in candidates if len(_orgs_of_field(p, several)) > 1]
        reasons.append("several")
    if F.FUNDERS in q.fields and _no_other(q):
        # "and of those, which had no other funder?": one funder (the EU with its Commission)
        candidates = [p for p in candidates if len(_funder_families(index, p)) == 1]
        reasons.append("one funder")
    besides = _besides(q)
    if besides and F.FUNDERS in q.fields:  # "which projects had a donor besides the EU"
        family = _org_family(index, besides)
        candidates = [p for p in candidates if any(f not in family for f in p.funders)]
        reasons.append("besides")
    items = _number_of_items(q)
    if items:  # "which project had the four components?"
        field_name, n = items
        candidates = [p for p in candidates if len(index.docs_of(p.id, field_name)) == n]
        reasons.append("items")
        for p in candidates[:LIST_LIMIT]:  # "Components: four (4)": the number asked about
            why.setdefault(p.id, f"{label(field_name, lang)}: {number_word(n, lang)}")
    how_many = _number_of_countries(q)
    if how_many:  # "which project did IOM run through its missions in three countries"
        op, n = how_many
        candidates = [p for p in candidates if understand.compares(len(set(p.countries)), op, n)]
        reasons.append("countries")
    orgs_counted = _number_of_orgs(q) if not several else None
    if orgs_counted:  # "which one had three funders?", "у какого проекта было два партнёра"
        counted, op, n = orgs_counted
        besides_org = _besides(q) if counted == F.FUNDERS else None

        def number_of(p: Project) -> int:  # ("besides the EU, two more donors": the others)
            if besides_org is None:
                return _MEASURES[counted](p)
            # (the European Commission is part of the EU: not another donor)
            return len([f for f in p.funders if besides_org not in _org_family(index, f)])

        candidates = [p for p in candidates if understand.compares(number_of(p), op, n)]
        reasons.append("orgs counted")  # (the funders themselves are shown beside each one)
    ngo_why = False  # the NGO partners are shown beside each project
    if "ngo" in {t.term for t in q.tokens}:  # "had (no) NGO partners"
        with_ngos = index.projects_with_role(Role.NGO_PARTNER)
        candidates = _keep_ids(index, candidates, with_ngos, drop=q.negated)
        reasons.append("ngo")
        ngo_why = True
    if F.BENEFICIARY in q.fields and not q.orgs():  # "which projects name a final beneficiary"
        with_one = index.projects_with_role(Role.FINAL_BENEFICIARY)
        candidates = _keep_ids(index, candidates, with_one, drop=q.negated)
        reasons.append("beneficiary")
        for p in candidates[:LIST_LIMIT]:  # each one, with the page's note on it
            notes = [
                f"{_org_name(index, part.org, lang)}: {part.note.get(lang)}"
                if part.note
                else _org_name(index, part.org, lang)
                for part in p.partners
                if Role.FINAL_BENEFICIARY in part.roles
            ]
            why.setdefault(p.id, "; ".join(notes))
    if F.FUNDERS in q.fields and "government" in {t.term for t in q.tokens}:
        # "co-funded by national governments": funders that are governments ("without any
        # national governments": none of them)
        without = _excluded(q, "government")
        candidates = [
            p
            for p in candidates
            if any((org := index.org(f)) and org.kind is OrgKind.GOVERNMENT for f in p.funders)
            != without
        ]
        reasons.append("government")
    if "government" in reasons or "ngo" in reasons or "org" in reasons:
        # the class of organisation was the filter ("took part as a cooperating body")
        topic_known = [t for t in topic_known if t not in _CLASS_TERMS]
    if topic_known:
        # words the knowledge base never uses tell no project apart: when most of a long topic
        # is known ("a piece on migrants held in detention"), they are left out; not from a
        # short one ("climate migration")
        words_used = (
            topic_known if len(topic_known) >= 3 and 2 * len(topic_known) >= len(topic) else topic
        )
        terms = words_used + (
            [] if as_actor else [ORG_PREFIX + o for ids in groups.values() for o in ids]
        )
        every = len(candidates) == len(index.projects)  # (candidates never repeat)
        within = None if every else [p.id for p in candidates]
        # "technical meetings or seminars": either word, each with the rest of the topic
        found = [_topic_matches(index, one, within) for one in _alternatives(q, terms)]
        if len(found) == 1:
            positions, doc_ids = found[0][0], found[0][2]
        else:  # each project once, with its best statement of any alternative, best first
            best: dict[int, tuple[float, int]] = {}
            for alt_positions, alt_scores, alt_docs in found:
                for i, score, doc_id in zip(alt_positions, alt_scores, alt_docs, strict=False):
                    if i not in best or score > best[i][0]:
                        best[i] = (score, doc_id)
            ranked = sorted(best.items(), key=lambda item: -item[1][0])
            positions = [i for i, _best in ranked]
            doc_ids = [doc_id for _i, (_score, doc_id) in ranked]
        matched = [index.projects[i] for i in positions]
        if not matched and groups and not as_actor and not q.negated:
            # "… the UKBA, which we understand to be a unit of the Home Office, took part": the
            # organisations alone, when their words and the rest match no statement together
            any_role = replace(q, fields=_without(q.fields, F.PROGRAMME))
            for org_ids in groups.values():
                keep = _projects_with_any_org(index, candidates, org_ids, any_role)
                candidates = [p for p in candidates if p.id in keep]
            matched, doc_ids = candidates, []
            reasons.append("org")
        # "which projects were not about readmission": the others, unless the "not" was
        # already spent on an organisation, a country or the NGO partners
        negated_topic = q.negated and not reasons
        if negated_topic:
            left_out = {p.id for p in matched}
            matched = [p for p in candidates if p.id not in left_out]
        candidates = matched
        if not reasons and not candidates and not (q.wants_list or q.wants_count):
            return None
        for p, doc_id in zip(candidates[:LIST_LIMIT], doc_ids, strict=False):
            if not negated_topic:  # the statement that matched, beside its project
                why_doc[p.id] = index.docs[doc_id]
        kept_ids = {p.id for p in candidates}
        named = [pid for pid in named if pid in kept_ids]
        reasons.append("topic")
    status = _status_asked(q)
    if status is not None and (why_doc or previous_list):
        # "which of those actually took place rather than just being planned?", "which
        # projects had planned study tours": by what the page reports as done or planned
        candidates = [
            p
            for p in candidates
            if (why_doc[p.id].status is status if p.id in why_doc else _reports(index, p, status))
        ]
        reasons.append("status")

    if q.superlative and candidates:
        # ("eu-only funded projects - which one started first?": both that started first)
        pairs = set(pairwise(t.word for t in q.tokens))
        which_one = bool(pairs & {("which", "one"), ("what", "one"), ("какой", "из")})
        picking = (_asks_for_one(q) or which_one) and not _sorting_asked(q)
        return _ordered(index, q, candidates, *q.superlative, lang, place=1 if picking else None)
    if (q.has(V.MOST) or _least(q)) and not q.times and not q.durations:
        return _superlative(index, q, lang)
    if not reasons:
        if topic and not topic_known and event is None and not named and not previous_list:
            # "which projects dealt with weather": a topic no statement speaks of
            return _abstain(Kind.NOT_FOUND, say("no_list_match", lang), [], lang, index)
        if q.wants_count and not named:
            candidates = list(index.projects)
        elif not q.wants_list or named:
            return None
        candidates = _newest_first(index, candidates)  # "list your projects": the page order
    ids = [p.id for p in candidates]
    if not ids:
        return _abstain(Kind.NOT_FOUND, say("no_list_match", lang), [], lang, index)

    # the header states the full number; the list names the first LIST_LIMIT (best first)
    def because(p: Project) -> tuple[Span, ...]:
        text: str | None = None
        if p.id in why_doc:
            doc = why_doc[p.id]
            text = truncate(doc.text.get(lang), WHY_LENGTH)
            if doc.label:  # "Component Four: optimizing data sharing"
                text = f"{doc.label.get(lang)}: {text}"
            elif doc.field == F.PARTNERS and doc.orgs:
                # a partner's note says what it was, not who: "Rosgranitsa: both the project
                # partner and the final beneficiary"
                text = f"{_join([_org_name(index, o, lang) for o in doc.orgs], lang)}: {text}"
        elif ngo_why and (ngos := _ngos_asked(index, p, q)):
            text = _join([_org_name(index, o, lang) for o in ngos], lang)
        else:
            text = why.get(p.id)
        if text is None and F.FUNDERS in q.fields and p.funders:
            # "which projects were not funded solely by the EU": by whom, then
            funders = _join([_org_name(index, f, lang) for f in p.funders], lang)
            text = f"{label(F.FUNDERS, lang)}: {funders}"
        return (Span(f" — {text}"),) if text else ()

    bullets = tuple((*_list_line(index, p, lang), *because(p)) for p in candidates[:LIST_LIMIT])
    more = _more_blocks(len(ids), lang)
    if q.wants_count:
        word = projects_word(len(ids), lang)
        head = say("count_header", lang, n=number_word(len(ids), lang), projects=word)
        blocks = [_p(head.rstrip(": ") + ":"), Block(bullets=bullets), *more]
        return _answer(Kind.COUNT, lang, blocks, ids[:LIST_LIMIT])
    listed = [*ids[:LIST_LIMIT], *(pid for pid in dict.fromkeys(also) if pid not in ids)]
    return _answer(
        Kind.LIST,
        lang,
        [_p(say("list_header", lang, n=len(ids))), Block(bullets=bullets), *more],
        listed,
        list(q.fields),
    )


_PROJECT_OR_PROGRAMME: Final = frozenset(
    "project programme program проект программа программу".split()
)


def _title_before(index: Index, q: Query, project_id: str, first: int) -> set[str]:
    """The rest of a title written right before the words that named the project
    ("enhancment of mgmt of RF border chekpoints …": the words before "border checkpoints"):
    the terms of the run of words up to them that the project's names hold, or that are
    unknown (an abbreviation, a typo) or a country; none of them is a topic."""
    countries = {
        p: COUNTRY_PREFIX + m.key for m in q.mentions if m.kind == "country" for p in m.positions
    }
    found: set[str] = set()
    titled = False  # (a word of the title itself among them, not only unknown words)
    for t in reversed([t for t in q.tokens if t.position < first]):
        if t.stop:
            continue
        if t.position in countries:
            found.add(countries[t.position])
        elif index.name_has(project_id, t.term):
            found.add(t.term)
            titled = True
        elif not index.known(t.term):
            found.add(t.term)
        else:
            break
    return found if titled else set()


def _asks_which_project(q: Query) -> bool:
    """ "which (later) project …", "what programme …": a project asked for."""
    return understand.picks_a_project(q.tokens)


def _asks_the_other_end(q: Query) -> bool:
    """ "which project was a follow-up to another one, and to which?": the projects linked
    to are asked for too."""
    words = [t.word for t in q.tokens]
    pairs = set(pairwise(words))
    return bool(pairs & {("to", "which"), ("to", "what"), ("of", "which"), ("on", "which")}) and (
        "and" in words
    )


#: Projects that share a place in an order are named in a sentence up to this many; beyond it
#: (hundreds at 10,000 projects) the sentence says how many.
TIES_NAMED = 5
#: A dated statement fits one side of a two-event question at this share of its words.
EVENT_MATCH = 0.45
#: How many of the best statements a tie between projects is broken on.
TIE_BREAK_DOCS = 50
#: Statements (or projects) scoring within this of the best one are tied with it.
TIE_MARGIN = 0.05
#: Characters of the matching statement shown beside a project in a list.
WHY_LENGTH = 320
#: A detail answer shows at most this many statements; the results of one area, this many.
DETAIL_LIMIT = 4
AREA_LIMIT = 10
#: What an organisation's name means is followed by its part in at most this many projects.
MEANING_ROLES = 3
#: A list or count answer names at most this many projects (in its text and in
#: `Answer.projects`), best first; "… and N more" counts the rest.
LIST_LIMIT = 20


def _more_blocks(total: int, lang: str) -> list[Block]:
    """The "… and N more" line under a list cut at `LIST_LIMIT`; none when nothing was cut."""
    hidden = total - LIST_LIMIT
    return [_p(say("list_more", lang, n=hidden))] if hidden > 0 else []


def _list_line(index: Index, p: Project, lang: str) -> tuple[Span, ...]:
    """One project's line in a list answer; made once per project and language, since a list
    can hold thousands of projects."""
    key = (p.id, lang)
    line = index.lines.get(key)
    if line is None:
        line = index.lines[key] = (
            _strong(_name(p, lang)),
            Span(
                f" · {_period(p, lang)} ({_months(p.period.months, lang)})"
                + (" · " + p.title.get(lang) if p.acronym else "")
            ),
        )
    return line


_BEFORE = frozenset(["older", "earlier", "before", "prior", "раньше", "до", "старше", "ранее"])
_AFTER = frozenset(["newer", "later", "after", "since", "позже", "после"])
_WHEN = frozenset(["when", "while", "once", "когда"])
_DURING = frozenset(["during", "within", "пока", "время", "ходе", "период"])


def _words_and_their_forms(q: Query) -> frozenset[str]:
    """The question's words, and for a misspelt one the word it stems like ("befor": the
    spelling corrector leaves it, since its stem is that of "before"). Worked out once per
    query (it is asked a dozen times while one question is answered)."""
    last, found = _FORMS.pair
    if last is not q:
        found = _forms_of(q)
        _FORMS.pair = (q, found)
    return found


class _LastQuery:
    """The last query read and what was worked out from it: the pair is replaced as a whole,
    so that a thread reading it gets a query and its own result."""

    def __init__(self) -> None:
        self.pair: tuple[Query | None, frozenset[str]] = (None, frozenset())


_FORMS: Final = _LastQuery()


def _forms_of(q: Query) -> frozenset[str]:
    found = {t.word for t in q.tokens}
    found |= {_RELATIVE_BY_STEM[s] for t in q.tokens if (s := stem(t.word)) in _RELATIVE_BY_STEM}
    words = [t.word for t in q.tokens]
    if any(words[i : i + 3] == ["by", "the", "time"] for i in range(len(words))):
        # "already over by the time SIREADA began": before it; "still running by the time
        # it started": when it did
        found.add("when" if q.anchor == "active" else "before")
    return frozenset(found)


_RELATIVE_BY_STEM: Final = {stem(w): w for w in (*_BEFORE, *_AFTER)}


def _relative_mask(
    index: Index, q: Query, ref: Project
) -> np.ndarray[Any, np.dtype[np.bool_]] | None:
    """Which projects are "older than X", "ended before X started", "in the same month as X"
    ...: a mask over `index.projects`; None when the question relates nothing to X."""
    words = _words_and_their_forms(q)
    mine = q.anchor if q.anchor != "active" else "start"
    theirs = q.reference_anchor if q.reference_anchor not in (None, "active") else mine
    starts, ends = index.periods
    points = ends if mine == "end" else starts  # Month.index of each project's start or end
    other = (ref.period.end if theirs == "end" else ref.period.start).index

    if _active_when_it(q):
        # "which projects were still running when SIREADA started": active in that month
        return np.asarray((starts <= other) & (ends >= other))
    if _within_its_months(q):
        # "which projects started while the 2007-2010 programme was still running", "ended
        # during SIREADA": that start (or end) within the other's months
        return np.asarray((points >= ref.period.start.index) & (points <= ref.period.end.index))
    shift = _months_later([t.word for t in q.tokens])
    if q.anchor == "active" and shift is not None:
        # "still running a year after X ended", "через полгода после окончания X": active
        # in the month that many months later (or earlier)
        point = other + shift
        return np.asarray((starts <= point) & (ends >= point))
    offset = _years_later([t.word for t in q.tokens])
    if offset is not None:  # "started the year after SIREADA ended"
        return np.asarray(points // 12 == other // 12 + offset)
    months = _years_later([t.word for t in q.tokens], ("month", "months"))
    if months is not None:  # "ended two months before the border project did"
        return np.asarray(points == other + months)
    if words & _BEFORE:
        return np.asarray(points < other)
    if words & _AFTER:
        return np.asarray(points > other)
    if (
        "same" in words
        or _in_the_year_of(q)
        or (q.has(V.OVERLAP) and not ({"parallel", "simultaneously"} & words))
    ):
        if "year" in words or "году" in words:
            return np.asarray(points // 12 == other // 12)
        if "month" in words or "месяц" in words:
            return np.asarray(points == other)
    if q.has(V.OVERLAP):
        overlaps = (starts <= ref.period.end.index) & (ends >= ref.period.start.index)
        # "which projects did not overlap with SIREADA", "never overlapped": the others
        at = q.negation_at
        before_overlap = at is not None and any(
            V.OVERLAP.matches(t.word) and 0 < t.position - at <= NOT_BEFORE_OVERLAP
            for t in q.tokens
        )
        return np.asarray(~overlaps if before_overlap else overlaps)
    return None


#: How many words before "overlap" a "not" may stand to exclude the overlapping projects.
NOT_BEFORE_OVERLAP = 3


def _longer_text(a: Project, b: Project, lang: str) -> str:
    """Which of two projects lasted longer, and by how much ("… 22 months … 20 months: 2
    months longer"), or that both lasted as long."""
    if a.period.months == b.period.months:
        return say("same_length", lang, a=_months(a.period.months, lang))
    longer, shorter = sorted((a, b), key=lambda p: -p.period.months)
    return say(
        "longer",
        lang,
        longer=_name(longer, lang),
        shorter=_name(shorter, lang),
        a=_months(longer.period.months, lang),
        b=_months(shorter.period.months, lang),
        diff=say("months", lang, n=longer.period.months - shorter.period.months),
    )


def _asks_difference(q: Query) -> bool:
    """ "by how many months?", "how much longer?", "на сколько дольше?": the size of a
    difference between two projects' durations."""
    words = [t.word for t in q.tokens]
    pairs = set(pairwise(words))
    how_much = ("how", "much") in pairs and any(w in _MORE_OR_LESS for w in words)
    difference = any(w.startswith(("difference", "разниц")) for w in words)
    return (
        ("by", "how") in pairs
        or ("на", "сколько") in pairs
        or how_much
        or (difference and F.DURATION in q.fields)
    )


_MORE_OR_LESS: Final = frozenset("longer shorter more less".split())
_THE_TWO: Final = frozenset(
    [("the", "two"), ("these", "two"), ("those", "two"), ("из", "двух"), ("эти", "два")]
)
#: "the two", "both", "обоих": the two projects just talked about, one after the other.
_BOTH: Final = frozenset("two both either оба обоих обеих двух два".split())


#: "they", "them": several projects, the two just talked about when no list is shown.
_THEY: Final = frozenset("they them они их них ними".split())


def _both_discussed(q: Query, ctx: ChatState) -> ChatState:
    """The chat's context with the last two projects it talked about one at a time offered
    as a pair, when the question speaks of "the two" of them ("tell me about the 2007-2010
    programme" - "and the border project?" - "which of the two lasted longer?")."""
    if len(ctx.discussed) < 2 or q.named or len(ctx.candidates) == 2:
        return ctx
    pairs = {(a.word, b.word) for a, b in pairwise(q.tokens)}
    # "which of the two" also while a longer list is shown ("what projects do you know?",
    # "tell me about the second one", "and the first one?", "which of the two lasted longer?")
    the_two = bool(pairs & _THE_TWO) or any(
        t.word in ("both", "обоих", "оба", "обеих") for t in q.tokens
    )
    # ("so for how many months did they overlap?", "which of them was longer?": the two just
    # talked about, while no list is shown)
    if not (the_two or (not ctx.candidates and any(t.word in _BOTH | _THEY for t in q.tokens))):
        return ctx
    pair = ctx.discussed[-2:]
    return replace(ctx, projects=pair, candidates=pair)


def _ordered(
    index: Index,
    q: Query,
    candidates: list[Project],
    measure: str,
    direction: str,
    lang: str,
    place: int | None = None,
) -> Answer:
    """ "Which started earliest / finished last / was the shortest": the winner first, then
    the rest in order. With `place` ("the second oldest", "стартовал вторым"), the projects
    at that place are picked: projects that tie (two that started in the same month) share a
    place, and the answer names all of them, and only them."""
    keys: dict[str, Callable[[Project], int]] = {
        "duration": lambda p: p.period.months,
        "start": lambda p: p.period.start.index,
        "end": lambda p: p.period.end.index,
    }
    key = keys[measure]
    ranked = sorted(candidates, key=key, reverse=direction == "max")
    levels = list(dict.fromkeys(key(p) for p in ranked))
    picked = (
        [p for p in ranked if key(p) == levels[place - 1]]
        if place is not None and place <= len(levels)
        else ranked[:1]
    )
    if place is not None and place > 1:  # "the second oldest": those asked for, first
        chosen = {p.id for p in picked}
        ranked = picked + [p for p in ranked if p.id not in chosen]
    bullets = tuple(
        (_strong(_name(p, lang)), Span(f" · {_period(p, lang)} ({_months(p.period.months, lang)})"))
        for p in ranked[:LIST_LIMIT]
    )
    blocks = [_heading_block(picked[0], lang)]
    if 1 < len(picked) <= TIES_NAMED:  # "both started in September 2009"
        blocks.append(_p(say("tied", lang, projects=_join([_name(p, lang) for p in picked], lang))))
    elif len(picked) > TIES_NAMED:  # hundreds at 10,000 projects: how many, and the first ones
        blocks.append(_p(say("tied_many", lang, n=len(picked))))
    blocks += [Block(bullets=bullets), *_more_blocks(len(ranked), lang)]
    if measure == "duration" and len(ranked) == 2:  # "which of the two lasted longer?"
        blocks.append(_p(_longer_text(ranked[0], ranked[1], lang)))
    # (one winner: the whole order, for "and the next one?"; a tie or a later place: those)
    narrowed = place is not None and (len(picked) > 1 or place > 1)
    projects = [p.id for p in (picked if narrowed else ranked)[:LIST_LIMIT]]
    return _answer(Kind.LIST, lang, blocks, projects, [F.DATES])


#: What "the most ..." can be measured by, per field.
_MEASURES: dict[str, Callable[[Project], int]] = {
    F.PARTNERS: lambda p: len(p.partners),
    F.FUNDERS: lambda p: len(p.funders),
    F.COUNTRIES: lambda p: len(p.countries),
    F.DURATION: lambda p: p.period.months,
}
_PARTNER_WORDS = frozenset(
    ["partner", "partners", "organisations", "organizations", "партнеров", "организаций"]
)


V.protect(_BEFORE, _AFTER, _PARTNER_WORDS)


def _superlative(index: Index, q: Query, lang: str) -> Answer:
    """ "Which project had the most partners / lasted longest": the winner first."""
    words = {t.word for t in q.tokens}
    if words & _PARTNER_WORDS:
        measured = F.PARTNERS
    elif any(w.startswith(("countr", "стран")) for w in words):  # "the most countries"
        measured = F.COUNTRIES
    else:
        measured = next((f for f in q.fields if f in _MEASURES), F.DURATION)
    measure = _MEASURES[measured]
    values = index.measure(measured, measure)
    least = q.has(V.SHORTER) or _least(q)  # "the fewest partners"
    order = np.argsort(values if least else -values, kind="stable")  # ties: knowledge-base order
    ranked = [index.projects[i] for i in order[:LIST_LIMIT].tolist()]
    best = ranked[0]
    what = measured_label(measured, lang)
    blocks = [
        _p(
            say(
                "least" if q.has(V.SHORTER) or _least(q) else "most",
                lang,
                project=_name(best, lang),
                what=what,
                n=measure(best),
            )
        )
    ]
    blocks.append(
        Block(
            bullets=tuple(
                (_strong(_name(p, lang)), Span(f" · {measure(p)}")) for p in ranked[:LIST_LIMIT]
            )
        )
    )
    blocks += _more_blocks(len(index.projects), lang)
    if measured in (F.PARTNERS, F.FUNDERS, F.COUNTRIES):  # who they were: the winner's field
        blocks += _field_blocks(index, best, measured, lang, None)
    if measured == F.DURATION:  # "the longest": when it ran
        blocks += _field_blocks(index, best, F.DATES, lang, None)[:1]
    return _answer(Kind.FIELD, lang, blocks, [best.id], [measured])


#: "more", "fewer" and their Russian forms: comparing the number of something.
_MORE: Final = frozenset("more most больше более".split())
_FEWER: Final = frozenset("fewer less least fewest меньше менее".split())


def _count_compared(q: Query) -> tuple[str, bool] | None:
    """What "which had more countries / donors / partners" counts, and whether the fewer wins;
    None when the question compares no number of things."""
    words = {t.word for t in q.tokens}
    if not words & (_MORE | _FEWER):
        return None
    if words & _PARTNER_WORDS:
        counted = F.PARTNERS
    elif any(w.startswith(("countr", "стран")) for w in words):
        counted = F.COUNTRIES
    elif F.FUNDERS in q.fields:
        counted = F.FUNDERS
    else:
        return None
    return counted, bool(words & _FEWER) and not words & _MORE


def _more_items(
    index: Index, projects: list[Project], counted: str, fewer: bool, lang: str
) -> Answer:
    """Projects compared by how many of something they had: the winner first, each with its
    number, then who or what the winner's were."""
    measure = _MEASURES[counted]
    ranked = sorted(projects, key=measure, reverse=not fewer)
    best = ranked[0]
    what = measured_label(counted, lang)
    lead = say(
        "least" if fewer else "most", lang, project=_name(best, lang), what=what, n=measure(best)
    )
    if len(ranked) == 2 and measure(ranked[0]) != measure(ranked[1]):
        # "how many more funders did X have than Y?": the difference too
        other = ranked[1]
        lead += " " + say(
            "fewer_by" if fewer else "more_by",
            lang,
            n=number_word(abs(measure(best) - measure(other)), lang),
            other=_name(other, lang),
        )
    bullets = tuple((_strong(_name(p, lang)), Span(f" · {measure(p)}")) for p in ranked)
    blocks = [_p(lead), Block(bullets=bullets), *_field_blocks(index, best, counted, lang, None)]
    return _answer(Kind.FIELD, lang, blocks, [p.id for p in ranked], [counted])


def _nth_in_order(q: Query) -> int | None:
    """N of "the second longest", "третий по продолжительности": an ordinal right before the
    word of the measure (or "по" and it)."""
    tokens = q.tokens
    for i, t in enumerate(tokens[:-1]):
        n = _ORDINALS.get(t.word)
        if n is None or n == 1:
            continue
        after = tokens[i + 1].word
        if after in ("по", "most") and i + 2 < len(tokens):
            after = tokens[i + 2].word
        if after.startswith(_MEASURE_STEMS) or after in ("счёту", "счету"):
            return n  # ("стартовал вторым по счёту": in the order of the verb)
    return None


def _compared_with(q: Query) -> tuple[str, bool] | None:
    """What a project is compared by, and whether "more": "longer than X", "fewer countries
    than X", "больше партнёров, чем у X"; None without "than" / "чем" or a measure."""
    words = [t.word for t in q.tokens]
    if not {"than", "чем"} & set(words):
        return None
    if q.has(V.LONGER) and not q.has(V.MOST):
        return F.DURATION, True
    if q.has(V.SHORTER):
        return F.DURATION, False
    more = any(w in ("more", "больше", "более") for w in words)
    fewer = any(w in ("fewer", "less", "меньше", "менее") for w in words)
    if more == fewer:
        return None
    if set(words) & _PARTNER_WORDS:
        return F.PARTNERS, more
    if any(w.startswith(("countr", "стран")) for w in words):
        return F.COUNTRIES, more
    if F.FUNDERS in q.fields:
        return F.FUNDERS, more
    return None


def _order_of_the_verb(q: Query) -> tuple[str, str] | None:
    """The order "второй по счёту" / "the second one to start" counts in: by the start, or by
    the end when the verb says so."""
    if q.anchor == "end":
        return "end", "min"
    if q.anchor == "start":
        return "start", "min"
    return None


def _sorting_asked(q: Query) -> bool:
    """ "Sort them by date", "list them in chronological order", "from longest to shortest":
    the whole order asked for, not the first of it."""
    words = [t.word for t in q.tokens]
    return (
        any(
            w.startswith(("sort", "order", "rank", "chronolog", "хронолог", "отсортир", "упорядоч"))
            or w in ("расставь", "расставьте", "расположи", "расположите", "порядку", "порядке")
            or w in ("list", "перечисли", "перечислите")
            for w in words
        )
        or ("from" in words and "to" in words)
        or ("by" in words and bool({"date", "dates", "start", "end"} & set(words)))
    )


#: The words of an order by time: "longest", "earliest", "продолжительности", "позже" …
_MEASURE_STEMS: Final = (
    "long",
    "short",
    "earl",
    "late",
    "recent",
    "old",
    "new",
    "продолжительн",
    "длительн",
    "длинн",
    "коротк",
    "ранн",
    "поздн",
    "дол",
)


def _named_against_its_time(
    index: Index, q: Query, ctx: ChatState, named: list[str]
) -> Answer | None:
    """A project named by a phrase ("jointly with the FMS") in a question for one project that a
    date rules it out of ("… starting in September 2009": the 2007-2010 programme started in
    2007): the one project the question's other filters find, when there is exactly one. None
    when the name is the project's own (acronym or whole title) or the date fits it."""
    if len(named) != 1 or not q.times or not q.wants_list or not _asks_for_one(q):
        return None
    if any(h.project == named[0] and h.strength >= WHOLE_NAME for h in q.names):
        return None
    spec = q.times[0]
    fits = _time_mask(index, spec, spec.anchor or q.anchor)
    if fits[index.position(named[0])]:
        return None
    found = _list_or_count(index, replace(q, named=()), ctx, [])
    if found is None or found.kind is not Kind.LIST or len(found.projects) != 1:
        return None
    return _single(index, replace(q, named=found.projects), ctx, list(found.projects))


def _time_mask(index: Index, spec: TimeSpec, anchor: str) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Which projects' periods fit a time expression of the question: a mask over
    `index.projects` (list questions test every project, so all at once)."""
    starts, ends = index.periods
    point = starts if anchor == "start" else ends if anchor == "end" else None
    if spec.month_only:  # "ended in a February": months are indexes, January is 0 mod 12
        # (a season is its months: "finished in winter", December to February)
        masks = []
        for wanted in _months_of_year(spec):
            if point is not None:
                masks.append(point % 12 == wanted)
            else:  # a period of a year or more holds every month; else the month falls in it
                masks.append(((wanted - starts) % 12) <= ends - starts)
        return np.asarray(np.logical_or.reduce(masks))
    first, last = spec.first.index, spec.last.index
    if spec.relation == "before":
        return np.asarray((starts if point is None else point) < first)
    if spec.relation == "after":
        return np.asarray((ends if point is None else point) > last)
    if spec.relation == "by":
        return np.asarray((ends if point is None else point) <= last)
    if spec.relation == "from":  # "in 2009 or later"
        return np.asarray((ends if point is None else point) >= first)
    if spec.relation == "until":  # "in 2010 or earlier"
        return np.asarray((starts if point is None else point) <= last)
    if spec.relation == "throughout":  # "active for the whole of 2010"
        return np.asarray((starts <= first) & (ends >= last))
    if point is not None:
        return np.asarray((first <= point) & (point <= last))
    if spec.exact:
        return np.asarray((first <= starts) & (ends <= last))
    return np.asarray((starts <= last) & (ends >= first))


def _fit_times(
    index: Index, candidates: list[Project] | None, specs: Sequence[TimeSpec], anchor: str
) -> list[Project]:
    """The candidates (None: every project) whose periods fit every time expression, or miss
    a negated one."""
    mask = np.ones(len(index.projects), dtype=np.bool_)
    for spec in specs:
        mask &= _time_mask(index, spec, spec.anchor or anchor) != spec.negated
    return _keep_where(index, candidates, mask)


def _projects_with_any_org(
    index: Index, candidates: list[Project], org_ids: list[str], q: Query
) -> set[str]:
    """The ids of the candidates `_org_ok` accepts for any of the organisations, found through
    the index's maps from organisations to projects rather than project by project."""
    if F.PROGRAMME in q.fields:  # "part of an EC programme": the EC named in the programme
        named = {pid for o in org_ids for pid in index.projects_naming(o, F.PROGRAMME)}
        return {p.id for p in candidates if p.id in named}
    if F.FUNDERS in q.fields and _solely(q):  # "funded solely by the EU": no other funder
        funded = {pid for o in org_ids for pid in index.projects_funded_by(o)}
        return {
            p.id
            for p in candidates
            if p.id in funded and any(_org_ok(index, p, o, q) for o in org_ids)
        }
    found: set[str] = set()
    for o in org_ids:
        found |= index.projects_funded_by(o) if _as_funder(q, o) else index.projects_involving(o)
    if len(candidates) == len(index.projects):
        return found  # every project is a candidate (in any order: this is a set)
    return {p.id for p in candidates if p.id in found}


def _as_funder(q: Query, org_id: str) -> bool:
    """Whether the question asks for the organisation as a funder: funding is asked and, when
    other roles are asked too, the funding word is the nearest to it ("which projects involved
    the FMS and were funded by the EU": the EU as the funder, the FMS in any role)."""
    if F.FUNDERS not in q.fields:
        return False
    funding = [t.position for t in q.tokens if V.FIELD_CUES[F.FUNDERS].matches(t.word)]
    other = [
        t.position
        for t in q.tokens
        if V.INVOLVED.matches(t.word)
        or any(V.FIELD_CUES[f].matches(t.word) for f in _ORGANISATION_FIELDS - {F.FUNDERS})
    ]
    at = [m.positions[0] for m in q.mentions if m.key == org_id]
    if not other or not funding or not at:
        return True
    return min(abs(at[0] - p) for p in funding) <= min(abs(at[0] - p) for p in other)


def _org_ok(index: Index, p: Project, org_id: str, q: Query) -> bool:
    if F.PROGRAMME in q.fields:  # "part of an EC programme": the EC named in the programme
        return any(ORG_PREFIX + org_id in d.terms for d in index.docs_of(p.id, F.PROGRAMME))
    if _as_funder(q, org_id):
        funders = [f for f in p.funders if org_id in _org_family(index, f)]
        if _solely(q):  # "funded solely by the EU": no other funder
            return bool(funders) and len(funders) == len(p.funders)
        return bool(funders)
    if any(org_id in _org_family(index, f) for f in p.funders):
        return True
    if any(part.org == org_id for part in p.partners):
        return True
    return any(org_id in s.orgs for s in (*p.activities, *p.results, *p.background))


def _org_family(index: Index, org_id: str) -> frozenset[str]:
    """An organisation and every larger body it is part of (the EC → the EU)."""
    return index.org_family(org_id)


#: Words that exclude what follows them ("without any governments").
_EXCLUDING: Final = frozenset(["without", "not", "no", "except", "excluding", "без", "кроме", "не"])


def _excluded(q: Query, t: str) -> bool:
    """Whether the question excludes the term ("without any national governments")."""
    return any(x.term == t and _excluded_at(q, x.position) for x in q.tokens)


#: "several donors", "more than one partner", "несколько доноров".
#: "a donor besides the EU", "other than", "apart from", "кроме ЕС".
_BESIDES: Final = frozenset("besides except apart other кроме помимо".split())


#: Places a question can ask for by name: "which cities", "what member states", "в каких городах".
_PLACE_NOUNS: Final = frozenset(
    "cities city towns town regions region states countries города городах городов регионах "
    "регионы регионов странах страны checkpoints crossings пунктах пункты пунктов".split()
)


def _asks_exactly(q: Query) -> bool:
    """ "which checkpoints exactly", "на каких конкретно пунктах", "the names of the cities"."""
    return any(
        t.word
        in ("exactly", "specific", "specifically", "names", "конкретно", "именно", "названия")
        for t in q.tokens
    )


def _asks_month(q: Query) -> bool:
    """ "in which month", "what day", "the exact date", "в каком месяце", "какого числа"."""
    words = [t.word for t in q.tokens]
    pairs = set(pairwise(words))
    return bool(
        pairs
        & {
            ("which", "month"),
            ("what", "month"),
            ("which", "day"),
            ("what", "day"),
            ("exact", "date"),
            ("каком", "месяце"),
            ("какого", "числа"),
            ("точная", "дата"),
        }
    )


def _asks_for_cities(q: Query) -> bool:
    """Cities or towns asked for ("which cities did the study tours visit", "в какие города")."""
    return any(
        t.word in ("city", "cities", "town", "towns") or t.word.startswith("город")
        for t in q.tokens
    )


def _asks_which_places(q: Query) -> bool:
    """Whether the question asks which places ("which cities hosted the IML courses", "which
    EU member states sent the experts")."""
    words = [t.word for t in q.tokens]
    return any(
        w in ("which", "what", "какие", "каких", "каком", "какой")
        and any(x in _PLACE_NOUNS for x in words[i + 1 : i + 4])
        # (not "из какой он страны", "from which country": where an organisation is from)
        and not (q.orgs() and words[i - 1 : i] in (["из"], ["from"]))
        for i, w in enumerate(words)
    )


def _several(q: Query) -> str | None:
    """The field of "several donors" / "more than one partner" (funders or partners), if asked."""
    words = [t.word for t in q.tokens]
    more_than_one = (
        any(words[i : i + 3] == ["more", "than", "one"] for i in range(len(words)))
        or any(w in V.SEVERAL for w in words)
        # "which of those had other donors too?" (but "EU funding, including any that had
        # co-funding from other donors" does not ask for other donors: it lets them in)
        or any(
            words[i] in ("other", "другие")
            and V.FIELD_CUES[F.FUNDERS].matches(words[i + 1])
            and words[i - 1 : i] not in (["no"], ["without"], ["нет"], ["без"])
            and _INCLUDING.isdisjoint(words[max(0, i - INCLUDING_REACH) : i])
            for i in range(len(words) - 1)
        )
    )
    if not more_than_one:
        return None
    return next((f for f in q.fields if f in (F.FUNDERS, F.PARTNERS)), None)


#: Words that let more in rather than narrow ("…, including any co-funded by other donors",
#: "в том числе"), and how many words before a condition they reach.
_INCLUDING: Final = frozenset({"including", "incl", "включая", "числе"})
INCLUDING_REACH = 10


def _orgs_of_field(p: Project, field_name: str) -> list[str]:
    return list(p.funders) if field_name == F.FUNDERS else [part.org for part in p.partners]


def _without(fields: tuple[str, ...], field_name: str) -> tuple[str, ...]:
    return tuple(f for f in fields if f != field_name)


def _funder_group(q: Query, keys: list[tuple[int, ...]]) -> tuple[int, ...] | None:
    """Of the organisations a question names, the one a word of funding is about: the only
    one, else the first after such a word ("implemented with the FMS and funded only by the
    EU": the EU)."""
    if F.FUNDERS not in q.fields or not keys:
        return None
    if len(keys) == 1:
        return keys[0]
    cues = [t.position for t in q.tokens if V.FIELD_CUES[F.FUNDERS].matches(t.word)]
    after = [k for k in keys if any(c < min(k) for c in cues)]
    if not after:
        return keys[0]
    return min(after, key=lambda k: min(min(k) - c for c in cues if c < min(k)))


def _solely(q: Query) -> bool:
    """ "solely", "only", and "just" right before "by" or after "not": "funded just by the
    EU", "from national governments, not just the EU"."""
    return q.has(V.ONLY) or any(
        (a.word == "just" and b.word in ("by", "from")) or (a.word == "not" and b.word == "just")
        for a, b in pairwise(q.tokens)
    )


def _no_other(q: Query) -> bool:
    """ "no other funder", "without other donors", "без других доноров": one funder only."""
    pairs = {(a.word, b.word) for a, b in pairwise(q.tokens)}
    return bool(pairs & _NO_OTHER)


_NO_OTHER: Final = frozenset(
    [("no", "other"), ("without", "other"), ("без", "других"), ("без", "другого")]
)


def _funder_families(index: Index, p: Project) -> set[str]:
    """The project's funders, those of one family (the EU and its Commission) counted once:
    each by the largest body it is part of."""

    def largest(org_id: str) -> str:
        family = _org_family(index, org_id)
        return next((o for o in sorted(family) if _org_family(index, o) == {o}), org_id)

    return {largest(f) for f in p.funders}


def _besides(q: Query) -> str | None:
    """The organisation after "besides", "other than", "apart from", "кроме", if any."""
    # "besides the EU", "other than the EU", "apart from the EU": within three words after
    after = {t.position + d for t in q.tokens if t.word in _BESIDES for d in (1, 2, 3)}
    return next((m.key for m in q.mentions if m.kind == "org" and set(m.positions) & after), None)


def _both_ends(q: Query) -> bool:
    """ "started and ended", "began and finished", "начались и закончились": one time for both."""
    words = [t.word for t in q.tokens]
    return any(
        V.START_WORDS.matches(a) and b in ("and", "и") and V.END_WORDS.matches(c)
        for a, b, c in zip(words, words[1:], words[2:], strict=False)
    )


def _same_period(q: Query) -> str | None:
    """ "month" or "year" of "started in the same month" (no project to compare with), if asked."""
    words = [t.word for t in q.tokens]
    if not any(w in ("same", "одном", "одного", "том", "тот") for w in words):
        return None
    if any(w in ("month", "месяц", "месяце") for w in words):
        return "month"
    if any(w in ("year", "году", "год") for w in words):
        return "year"
    return None


_PLANNED_WORDS: Final = frozenset(["planned", "планировались", "запланированы", "планировалось"])


def _status_asked(q: Query) -> Status | None:
    """DONE for "actually took place", "really happened", "были проведены"; PLANNED for "only
    planned", "which were planned"; None when the question does not sort by it."""
    words = [t.word for t in q.tokens]
    # "were held", "was done": the passive reports what took place; "which projects held
    # seminars" only asks which had them
    passive = any(
        a in ("was", "were", "been", "actually", "really")
        and b in ("done", "held", "happened", "organised", "organized")
        for a, b in pairwise(words)
    )
    done = (
        passive
        or any(w in ("actually", "really", "проведены", "реализованы") for w in words)
        or any((a, b) in (("took", "place"), ("carried", "out")) for a, b in pairwise(words))
    )
    planned = any(w in _PLANNED_WORDS for w in words)
    # "organised or planned", "done or only planned", "planned or held", "были или
    # планировались"
    either = any(
        w in _PLANNED_WORDS
        and not {"or", "или"}.isdisjoint((*words[max(0, i - 3) : i], *words[i + 1 : i + 2]))
        for i, w in enumerate(words)
    )
    rather = "rather" in words or "instead" in words  # "took place rather than just planned"
    if done and planned and not rather:
        return None  # "whether it actually happened or was only planned": both
    if done:
        return Status.DONE
    if planned and not either:
        return Status.PLANNED
    return None


def _reports(index: Index, p: Project, status: Status) -> bool:
    """Whether the page reports any of the project's activities or results with that status."""
    return any(
        d.status is status for f in (F.ACTIVITIES, F.RESULTS) for d in index.docs_of(p.id, f)
    )


def _number_of_items(q: Query) -> tuple[str, int] | None:
    """("components", 4) for "the project with four components": a number of the statements
    of a numbered field, if the question gives one."""
    for a, b in pairwise(q.tokens):
        if not a.term.startswith(V.NUMBER_PREFIX):
            continue
        n = understand.number_value(a.word)
        if not n or not b.word.endswith(("s", "ов", "а", "ы")):  # a plural: not "four of them"
            continue
        field_name = next((f for f in _NUMBERED_IN_ORDER if V.FIELD_CUES[f].matches(b.word)), None)
        if field_name:
            return field_name, n
    return None


_NUMBERED_IN_ORDER: Final = tuple(sorted(_NUMBERED_FIELDS))
#: What a question may ask of one numbered statement: "the objective of Component Four".
_ASPECTS_OF_ITEMS: Final = frozenset([F.OBJECTIVES, F.SUMMARY, F.RESULTS, F.ACTIVITIES])


def _number_of_countries(q: Query) -> tuple[str, int] | None:
    """How many countries the question asks of a project: ("eq", 3) for "in three countries"
    ("в трёх странах"), ("gt", 1) for "in more than one country", "in several countries"."""
    return _number_of(q, ("countr", "стран"))


#: The words of the things a project had a number of, by the field that holds them.
_COUNTED_ORGS: Final = {
    F.FUNDERS: ("funder", "donor", "доноров", "донора", "донор", "спонсор"),
    F.PARTNERS: ("partner", "партнер", "партнёр"),
}


def _number_of_orgs(q: Query) -> tuple[str, str, int] | None:
    """How many funders or partners the question asks of a project: (funders, "eq", 3) for
    "which one had three funders", "у какого проекта было три донора"."""
    for field_name, stems in _COUNTED_ORGS.items():
        found = _number_of(q, stems)
        if found is not None:
            return field_name, *found
    return None


def _number_of(q: Query, stems: tuple[str, ...]) -> tuple[str, int] | None:
    """("eq", n), ("gt", n) or ("lt", n) for a number of things (words starting with `stems`)
    the question gives: "three countries", "more than one donor", "several partners"."""
    words = [t.word for t in q.tokens]
    for i, (a, b) in enumerate(pairwise(words)):
        if not b.startswith(stems):
            continue
        if a in V.SEVERAL:
            return ("gt", 1)
        n = understand.number_value(a)
        if n:
            before = words[max(0, i - 2) : i]
            more = before in (["more", "than"], ["more", "then"], ["больше", "чем"]) or before[
                -1:
            ] in (
                ["over"],
                ["больше"],
                ["более"],
            )
            fewer = before in (["less", "than"], ["fewer", "than"]) or before[-1:] in (["меньше"],)
            return ("gt", n) if more else ("lt", n) if fewer else ("eq", n)
    return None


def _excluded_at(q: Query, position: int) -> bool:
    """Whether an excluding word stands among the three words before `position` ("without any
    national governments", "not Moldova or Ukraine", "кроме Молдовы")."""
    return any(t.word in _EXCLUDING and position - 3 <= t.position < position for t in q.tokens)


def _any_tie(q: Query) -> bool:
    """Whether the question asks for any connection ("involved", "связаны с", "anything to do
    with", or a country alone), not a particular role."""
    words = [t.word for t in q.tokens]
    country_words = {p for m in q.mentions if m.kind == "country" for p in m.positions}
    only_countries = all(t.stop or t.position in country_words for t in q.tokens)  # "finland?"
    return (
        only_countries
        or q.has(V.INVOLVED)
        or _role_across_projects(q)
        or any(
            (a, b, c) == ("to", "do", "with")
            for a, b, c in zip(words, words[1:], words[2:], strict=False)
        )
    )


def _busiest_years(index: Index, q: Query) -> Answer | None:
    """ "In which year were the most projects active?", "в каком году было активно больше всего
    проектов?": the year (or the years that tie) with the most projects running, and those
    projects; None for any other question."""
    words = [t.word for t in q.tokens]
    pairs = set(pairwise(words))
    which_year = bool(pairs & {("which", "year"), ("what", "year"), ("каком", "году")})
    projects_word = any(w.startswith(("project", "programm", "проект", "программ")) for w in words)
    if not (which_year and projects_word and q.has(V.MOST)) or q.times or q.mentions:
        return None
    lang = q.lang
    starts, ends = index.periods
    first, last = int(starts.min()) // 12, int(ends.max()) // 12
    years = np.arange(first, last + 1)
    running = [int(np.count_nonzero((starts // 12 <= y) & (ends // 12 >= y))) for y in years]
    top = max(running)
    best = [int(y) for y, n in zip(years.tolist(), running, strict=True) if n == top]
    active = np.zeros(len(starts), dtype=np.bool_)
    for y in best:
        active |= (starts // 12 <= y) & (ends // 12 >= y)
    shown = index.projects_where(active)[:LIST_LIMIT]
    key = "busiest_years" if len(best) > 1 else "busiest_year"
    text = say(key, lang, years=_join([str(y) for y in best], lang), n=top)
    bullets = tuple(_list_line(index, p, lang) for p in shown)
    return _answer(
        Kind.LIST, lang, [_p(text), Block(bullets=bullets)], [p.id for p in shown], [F.DATES]
    )


#: Words for organisations as such: "which organisations / bodies / partners …".
_ORG_NOUNS: Final = (
    *("organisation", "organization", "bod", "agenc", "partner", "institution", "donor"),
    *("funder", "ministr", "организац", "ведомств", "партнер", "партнёр", "учрежден"),
    *("донор", "министерств", "структур"),
)
#: What asks for organisations: "which organisations", "какие ведомства", "list the partners".
_WHICH_ORGS: Final = frozenset(
    "which what any list name какие какая какой каких какую назови перечисли".split()
)
#: "apart from IOM and the EU, which organisations …": the ones named are left out.
_APART: Final = frozenset("apart besides other beyond помимо исключением".split())
#: "in several projects", "more than one", "нескольких": in two projects or more.
_SEVERAL_WORDS: Final = frozenset("several multiple нескольких несколько многих".split())
_MORE_THAN_ONE: Final = frozenset(
    [
        ("more", "than", "one"),
        ("two", "or", "more"),
        ("at", "least", "two"),
        ("больше", "одного"),
        ("более", "одного"),
        ("более", "чем"),
        ("больше", "чем"),
        ("не", "в", "одном"),
        ("двух", "и"),
    ]
)


def _orgs_in_several(index: Index, q: Query) -> Answer | None:
    """ "Which organisations took part in more than one project?", "какие организации
    участвовали в нескольких проектах?": each organisation that funded or partnered two or
    more projects, with them. Organisations the question names are left out ("apart from
    IOM and the EU, …"); a question about one named organisation is not this one."""
    words = [t.word for t in q.tokens]
    # the number is the projects' ("more than one project"), not the organisations' ("projects
    # with more than one donor"): a project word right after it
    several = [i + 1 for i, w in enumerate(words) if w in _SEVERAL_WORDS] + [
        i + n
        for n in (2, 3)
        for i in range(len(words))
        if tuple(words[i : i + n]) in _MORE_THAN_ONE
    ]
    projects_after = any(
        w.startswith(("project", "programm", "проект", "программ"))
        for i in several
        for w in words[i : i + 2]
    )
    if not projects_after:
        return None
    # asked of the organisations: "which organisations …", "какие ведомства …" before it
    if not any(
        w.startswith(_ORG_NOUNS) and _WHICH_ORGS & set(words[max(0, j - 2) : j])
        for j, w in enumerate(words[: min(several)])
    ):
        return None
    named_orgs = set(q.orgs())
    if named_orgs and not (_EXCLUDING | _APART) & set(words):
        return None  # "did the FMS take part in more than one project?"
    lang = q.lang
    found = [
        (org.id, projects)
        for org in index.kb.organisations
        if org.id not in named_orgs and len(projects := _projects_with_org(index, org.id)) >= 2
    ]
    if not found:
        return _abstain(Kind.NOT_FOUND, say("no_shared_org", lang), [], lang, index)
    found.sort(key=lambda item: -len(item[1]))  # the most projects first (a stable sort)
    blocks = [_p(say("shared_orgs", lang, n=len(found)))]
    lines = tuple(
        (
            _strong(_org_name(index, org_id, lang)),
            Span(
                " — " + "; ".join(_name(index.kb.by_id[pid], lang) for pid in projects[:LIST_LIMIT])
            ),
        )
        for org_id, projects in found[:LIST_LIMIT]
    )
    blocks.append(Block(bullets=lines))
    blocks += _more_blocks(len(found), lang)
    every = sorted({pid for _org, projects in found for pid in projects}, key=index.position)
    return _answer(Kind.LIST, lang, blocks, every[:LIST_LIMIT], [F.PARTNERS])


def _role_across_projects(q: Query) -> bool:
    """ "what was Germany's role in these IOM projects", "какую роль играла Германия в проектах":
    every tie of a country or organisation, over all projects."""
    roles = any(
        t.word in ("role", "roles", "роль", "роли", "capacity", "качестве") for t in q.tokens
    )
    return (
        roles
        and not q.named
        and _plural_projects(q)
        and bool(q.countries() or q.orgs())
        and not set(q.fields) - {F.PARTNERS}  # (not "… and did it give money?": a role asked)
    )


#: Words that offer alternatives: "with Rosgranitsa or with the Foreign Ministry".
_OR: Final = frozenset(["or", "или", "либо"])


def _joined_by_or(
    q: Query, groups: dict[tuple[int, ...], list[str]]
) -> dict[tuple[int, ...], list[str]]:
    """Organisations named as alternatives ("with Rosgranitsa or with the Ministry of Foreign
    Affairs") in one group, any of which will do; other groups as they are."""
    words = {t.position: t.word for t in q.tokens}
    merged: dict[tuple[int, ...], list[str]] = {}
    last: tuple[int, ...] | None = None
    for key in sorted(groups):
        between = [words.get(i, "") for i in range(max(last) + 1, min(key))] if last else []
        if last is not None and _OR & set(between) and len(between) <= OR_GAP:
            merged[last] = [*merged[last], *groups[key]]
            continue
        merged[key] = list(groups[key])
        last = key
    return merged


#: How many words may stand between two organisations joined by "or" ("or with the").
OR_GAP = 4


def _toured_countries(q: Query) -> list[str]:
    """The countries a question asks study tours to have gone to ("a study tour to Finland")."""
    tour = "tour" in {t.term for t in q.tokens}
    return [m.key for m in q.mentions if m.kind == "country" and (tour or _travelled_to(q, m.key))]


def _only_before(q: Query, positions: list[int]) -> bool:
    """Whether "only" ("solely", "только") stands shortly before one of these positions, or
    right after it: "only in Russia", "только в России", "in Russia only"; not "the only project
    that worked with the UK"."""
    return any(
        V.ONLY.matches(t.word)
        # (or right after it, ending the question: "in Russia only?")
        and any(
            0 < p - t.position <= ONLY_REACH or (t.position == p + 1 and t is q.tokens[-1])
            for p in positions
        )
        for t in q.tokens
    )


#: How many words before a country its "only" may stand ("implemented only in Russia").
ONLY_REACH = 3


def _projects_in_country(index: Index, code: str, q: Query) -> set[str]:
    """The projects a question's country picks: funded from it ("which projects did Finland
    fund"), visited by a study tour ("tours to Germany"), implemented only there ("only in
    Russia"), else implemented there or with a partner from there."""
    country = index.country(code)
    if country is None:
        return set()
    if _any_tie(q) and not q.has(V.ONLY):  # "involved Germany in any way": any tie
        return set().union(*(index.projects_tied_to(country.name, tie) for tie in COUNTRY_TIES))
    # "a study tour for Russian officials": the officials' country, not where the tour went
    people = any(
        m.kind == "country"
        and m.key == code
        and any(
            t.position == max(m.positions) + 1 and t.word in _AUDIENCE | _PEOPLE for t in q.tokens
        )
        for m in q.mentions
    )
    # "which projects in Russia were funded by the EU": where they ran, not who paid
    at = [min(m.positions) for m in q.mentions if m.kind == "country" and m.key == code]
    words = {t.position: t.word for t in q.tokens}
    located = any(words.get(i - 1) in ("in", "в", "во") for i in at)
    if F.FUNDERS in q.fields and not located:
        tie = COUNTRY_FUNDER
    elif ("tour" in {t.term for t in q.tokens} or _travelled_to(q, code)) and not people:
        tie = COUNTRY_VISITED
    elif _only_before(q, at):  # "only in Russia" (not "the only project that worked with …")
        tie = COUNTRY_ONLY
    else:
        tie = COUNTRY_IN
    return index.projects_tied_to(country.name, tie)


#: How many words before a country a word of going may stand ("went on a trip to Austria").
TRAVEL_REACH = 4


def _travelled_to(q: Query, code: str) -> bool:
    """Whether a word of going stands a few words before the country ("which of those went to
    Austria?", "visited Germany"), not "went on" (took place)."""
    at = [min(m.positions) for m in q.mentions if m.kind == "country" and m.key == code]
    words = {t.position: t.word for t in q.tokens}
    return any(
        words.get(i) in _TRAVEL and words.get(i + 1) != "on"
        for start in at
        for i in range(start - TRAVEL_REACH, start)
    )


def _projects_with_all_orgs(index: Index, q: Query) -> list[str]:
    """Projects in which every organisation the question names took part (a name that fits
    several organisations, like "MIA", is satisfied by any of them)."""
    groups: dict[tuple[int, ...], set[str]] = {}
    for m in q.mentions:
        if m.kind == "org":
            groups.setdefault(m.positions, set()).add(m.key)
    if not groups:
        return []
    found: set[str] | None = None
    for org_ids in groups.values():
        here = {pid for o in org_ids for pid in _projects_with_org(index, o)}
        found = here if found is None else found & here
    return sorted(found or ())


def _projects_with_org(index: Index, org_id: str) -> list[str]:
    return index.projects_with_org(org_id)


def _context_projects(q: Query, ctx: ChatState) -> list[str]:
    return list(ctx.projects)  # already expired in `respond` when stale


def _identify_by_detail(index: Index, docs: Sequence[tuple[Doc, float]], q: Query) -> str | None:
    if not docs or docs[0][1] < DETAIL_IDENTIFIES:
        return None
    if all(t.startswith(V.NUMBER_PREFIX) for t in q.residual):
        return None  # "what was component three about": a number alone is no detail
    if len(_details_matched(index, docs[0][0], q)) < 2 and any(
        not index.known(t) for t in q.residual
    ):
        return None  # one known word among unknown ones ("weather in Moscow") identifies nothing
    best = docs[0][0].project
    close = _near_ties(docs)
    if len(close) > 1:
        # "the programme with study tours": the word "programme" picks the one programme
        programmes = [pid for pid in close if index.kb.by_id[pid].kind == "programme"]
        if len(programmes) == 1 and _says_programme(q):
            return programmes[0]
        holder = _holds_all_details(index, q, close, docs[0][1])
        if holder:
            return holder
        # synonyms made the statements equal ("snapshot study" and "analytical reports" are
        # both reports); the question's own words, unfolded, may still tell them apart
        top = docs[0][1]
        exact: dict[str, int] = {}
        for d, score in docs[:TIE_BREAK_DOCS]:  # ranked best first: the near-ties come first
            if score < top - TIE_MARGIN:
                break
            exact[d.project] = max(exact.get(d.project, 0), _same_words(q, d, index))
        ranked = sorted(exact.values(), reverse=True)
        if len(ranked) > 1 and ranked[0] > ranked[1]:
            return max(exact, key=lambda pid: exact[pid])
        return None
    return best


def _details_matched(index: Index, doc: Doc, q: Query) -> list[str]:
    """The question's terms a statement holds, other than a country: "a work permit in Russia"
    shares only "Russia" and "applications" with a statement about readmission applications."""
    return [t for t in index.matched(doc, q.residual) if not t.startswith(COUNTRY_PREFIX)]


def _holds_all_details(index: Index, q: Query, tied: list[str], best: float) -> str | None:
    """Of projects tied on their best statement, the one whose statements between them hold
    clearly more of the question ("the project with the needs assessment and gap analysis":
    two statements of one project, where other projects have only one of the two)."""
    if best >= 1.0 or len(tied) < 2 or len(q.residual) < 2:
        return None  # the best statement holds the whole question already
    cover = index.combined_cover(q.residual, tied)
    second, first = np.partition(cover, -2)[-2:]
    if first - second >= TIE_MARGIN and first > best:
        return tied[int(np.argmax(cover))]
    return None


def _in_question_order(q: Query, named: list[str]) -> list[str]:
    """The projects named, in the order the question names them; one it refers to ("its
    funding") first."""
    first = {h.project: h.first for h in q.names}
    return sorted(named, key=lambda pid: first.get(pid, -1))


def _not_in_country(index: Index, project_id: str, country: str, lang: str) -> Answer:
    """A project asked about in a country it did not involve: that, then its countries."""
    project = index.kb.by_id[project_id]
    lead = say("not_in_country", lang, project=_name(project, lang), country=country)
    countries = field_answer(index, project_id, F.COUNTRIES, lang)
    return _answer(
        Kind.FIELD,
        lang,
        [_p(lead), *countries.blocks],
        [project_id],
        [F.COUNTRIES],
        suggestions=countries.suggestions,
    )


#: "... or a different one?": which project, not whether this one.
_DIFFERENT: Final = frozenset("different differ другой другом иной иначе".split())


def _country_elsewhere(index: Index, q: Query, project: Project) -> Answer | None:
    """A yes/no question that ties a project to the one country it did not involve, while one
    other project did. A question about the project ("did the border checkpoints project
    involve Ukraine?") keeps it first: that it did not, where it ran, and the project that did.
    A question about the country ("ukraine - was that the border checkpoints project or a
    different one?") is answered by the project that did, first, with the premise corrected.
    None when another field is asked ("who funded it in Ukraine?") or nothing is wrong."""
    if set(q.fields) - {F.PARTNERS, F.COUNTRIES} or q.wants_list or q.wants_count:
        return None
    spots = {
        m.key: min(m.positions)
        for m in q.mentions
        if m.kind == "country" and not _negated_at(q, m.positions[0])
    }
    country = index.country(next(iter(spots))) if len(spots) == 1 else None
    if country is None:
        return None
    asks_which = any(t.word in _DIFFERENT for t in q.tokens) or q.has(V.ANOTHER)
    if not (_is_yes_no(q) or asks_which):
        return None
    tied = set().union(*(index.projects_tied_to(country.name, tie) for tie in COUNTRY_TIES))
    if len(tied) != 1 or project.id in tied:
        return None
    lang = q.lang
    home = index.kb.by_id[next(iter(tied))]
    name = localized_name(country.name, lang)
    not_here = _p(say("not_in_country", lang, project=_name(project, lang), country=name))
    there = _p(say("country_was_in", lang, country=name, project=_name(home, lang)))
    # "Ukraine - was that the border checkpoints project?": the country is the topic, and
    # "that" stands for it
    topic, *rest = _AFTER_TOPIC.split(q.text, maxsplit=1)
    if rest and spots[country.code] < len(words(topic)):
        asks_which = asks_which or any(w in _THAT_ONE for w in words(rest[0]))
    if not asks_which:
        own = field_answer(index, project.id, F.COUNTRIES, lang)
        return _answer(
            Kind.FIELD, lang, [not_here, *own.blocks, there], [project.id, home.id], [F.COUNTRIES]
        )
    theirs = field_answer(index, home.id, F.COUNTRIES, lang)
    return _answer(
        Kind.FIELD,
        lang,
        [not_here, there, *theirs.blocks],
        [home.id, project.id],
        [F.COUNTRIES],
        suggestions=theirs.suggestions,
    )


#: "Ukraine - was that …?": the word standing for the topic named before the dash.
_THAT_ONE: Final = frozenset("that it this это этот эта тот та".split())


def _covers(index: Index, terms: list[str], project_id: str) -> float:
    """How much of the terms' weight the project's best statement holds: what a detail
    question is about, without the organisation and country words that many statements
    share ("the profile study on Russian migrants in the EU")."""
    own = index.score_docs(terms, [project_id])
    return own[0][1] if own else 0.0


def _near_ties(docs: Sequence[tuple[Doc, float]], margin: float = TIE_MARGIN) -> list[str]:
    """The projects of the statements within `margin` of the best one (docs are ranked best
    first, so the scan stops at the first one below)."""
    if isinstance(docs, Ranked):
        return docs.near_ties(margin)
    found: dict[str, None] = {}
    top = docs[0][1]
    for d, score in docs:
        if score < top - margin:
            break
        found[d.project] = None
    return list(found)


def _same_words(q: Query, doc: Doc, index: Index) -> int:
    """How many of the question's words (by stem, before synonyms are folded) a statement uses."""
    return len(q.word_stems & index.word_stems(doc))


def _says_programme(q: Query) -> bool:
    return any(
        t.word in ("programme", "program", "программа", "программе", "программы", "программу")
        for t in q.tokens
    )


def _identify_by_filters(index: Index, q: Query) -> str | None:
    if not q.times:
        return None
    candidates = _fit_times(index, None, q.times, q.anchor)
    if len(q.times) == 1 and q.times[0].first != q.times[0].last and q.anchor == "active":
        spec = q.times[0]
        starts, ends = index.periods
        exact = index.projects_where((starts == spec.first.index) & (ends == spec.last.index))
        if not exact and spec.first.month == 1 and spec.last.month == 12:
            # "проект ЕС, 2009–2011": the one that began in 2009 and ended in 2011
            exact = index.projects_where(
                (starts // 12 == spec.first.year) & (ends // 12 == spec.last.year)
            )
            exact = [p for p in exact if p in candidates]
        if exact:
            candidates = exact
    if len(candidates) > 1 and q.residual:
        scored = index.score_docs(q.residual, [p.id for p in candidates], limit=1)
        if scored:
            return scored[0][0].project
    return candidates[0].id if len(candidates) == 1 else None


def _event_reference(index: Index, q: Query) -> Doc | None:
    """The dated fact the question refers to ("after the agreement took effect"), if any."""
    words = [t.word for t in q.tokens]
    relation = any(
        w
        in (
            "when",
            "after",
            "before",
            "same",
            "since",
            "while",
            "после",
            "до",
            "когда",
            "тот",
            "том",
        )
        for w in words
    )
    # an organisation alone names no event ("after the Rosgranitsa project ended" is the
    # project's end, not Rosgranitsa's founding): the event's own words must be there
    if not relation or not any(not t.startswith((ORG_PREFIX, COUNTRY_PREFIX)) for t in q.residual):
        return None
    ranked = index.score_docs(q.residual, None, 0.5)
    event = next(((d, s) for d, s in ranked if d.date is not None), None)  # the best dated one
    if event is not None and event[1] >= 0.5:
        return event[0]
    return None


def _event_mask(index: Index, date: Date, q: Query) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Which projects started (or ended) after, before or in the same year as a dated event
    ("launched after the agreement took effect"): a mask over `index.projects`."""
    words = [t.word for t in q.tokens]
    starts, ends = index.periods
    anchors = ends if q.anchor == "end" else starts
    offset = _years_later(words)
    if offset is not None:  # "ended the year after the agreement was signed"
        return np.asarray(anchors // 12 == date.year + offset)
    if "same" in words or "тот" in words or "том" in words:
        if "month" in words and date.month:
            return np.asarray(anchors == Month(date.year, date.month).index)
        return np.asarray(anchors // 12 == date.year)
    month = Month(date.year, date.month or (12 if "after" in words else 1)).index
    if any(w in ("after", "since", "после") for w in words):
        return np.asarray(anchors > month)
    if any(w in ("before", "до") for w in words):
        return np.asarray(anchors < month)
    return np.asarray((starts <= month) & (ends >= month))


def _offset_from_it(q: Query) -> bool:
    """ "three years after that", "two months before it": a distance from another date."""
    words = [t.word for t in q.tokens]
    return _years_later(words) is not None or _years_later(words, ("month", "months")) is not None


def _years_later(words: list[str], units: tuple[str, ...] = ("year", "years")) -> int | None:
    """ "the year after" → 1, "two years after" → 2, "a year before" → -1: how many calendar
    years (or, with `units` "month", months) from an event's; None when the question counts
    none from it."""
    for i in range(1, len(words) - 1):
        # ("the year immediately following the end of X")
        after = next((w for w in words[i + 1 :] if w not in understand.RIGHT_AWAY), "")
        if words[i] not in units or after not in (*_LATER, *_EARLIER):
            continue
        count = words[i - 1]
        n = 1 if count in ("a", "the", "one") else understand.number_value(count)
        if n is None:
            return None
        return n if after in _LATER else -n
    return None


def _months_later(words: list[str]) -> int | None:
    """How many months from an event's month the question counts: "a year after" → 12,
    "6 months before" → -6, "half a year after", "через полгода после", "через 6 месяцев
    после", "за год до" → -12; None when it counts none."""
    years = _years_later(words)
    if years is not None:
        return 12 * years
    months = _years_later(words, ("month", "months"))
    if months is not None:
        return months
    for i, w in enumerate(words):
        n = None
        if w in ("полгода", "half"):
            n = 6
        elif w.startswith(("месяц", "год", "лет")) and i > 0:
            n = understand.number_value(words[i - 1]) or (
                1 if words[i - 1] in ("через", "за") else None
            )
            if n is not None and w.startswith(("год", "лет")):
                n *= 12
        if n is None:
            continue
        rest = words[i + 1 :]
        if "после" in rest or "after" in rest:
            return n
        if "до" in rest or "before" in rest:
            return -n
    return None


_LATER: Final = ("after", "later", "following")
_EARLIER: Final = ("before", "earlier", "preceding")


def _verdict(
    p: Project, ok: bool, key: str, field_name: str, lang: str, *extra: Block, months: int = 0
) -> Answer:
    """A yes/no answer about a project's period: "Yes. X ran from ... to ..." and the facts."""
    text = say(
        f"{key}_yes" if ok else f"{key}_no",
        lang,
        project=_name(p, lang),
        months=_months(months or p.period.months, lang),
        start=_month(p.period.start, lang),
        end=_month(p.period.end, lang),
    )
    blocks = [_heading_block(p, lang), _p(text), *extra]
    return _answer(
        Kind.FIELD, lang, blocks, [p.id], [field_name], suggestions=_suggestions(p, lang)
    )


def _duration_check(p: Project, q: Query, lang: str) -> Answer:
    """ "Did the border project run for more than 2 years?" """
    ok = all(d.accepts(p.period.months) for d in q.durations)
    return _verdict(p, ok, "duration", F.DURATION, lang)


#: Words that set two events side by side: "X when Y", "X or Y first", "X before Y".
_EVENT_JOINS: Final = frozenset("when or before after while когда или до после".split())
#: Words that ask which of two events came first, or whether one already was at the other.
_EVENT_ORDER: Final = frozenset(
    "first earlier already exist existed before after раньше сначала уже существовал "
    "существовала".split()
)


def _two_events(index: Index, q: Query) -> tuple[Doc, Doc] | None:
    """Two dated statements the question sets side by side ("what came first - IOM signing
    the checkpoints agreement, or the launch of the mechanisms project?"): the best dated
    statement for the words on each side of "when", "or", "before" or "after"."""
    words = [t.word for t in q.tokens]
    if q.wants_list or q.wants_count or not any(w in _EVENT_ORDER for w in words):
        return None  # (not "how many projects were launched after the agreement took effect")
    for i, t in enumerate(q.tokens):
        if t.word not in _EVENT_JOINS or i == 0:
            continue
        # the side naming a project first: its search is one project's statements
        before, after = q.tokens[:i], q.tokens[i + 1 :]
        first = _dated_event(index, q, before)
        second = _dated_event(index, q, after) if first is not None else None
        if first is not None and second is not None and first.id != second.id:
            return first, second
    return None


def _dated_event(index: Index, q: Query, side: Sequence[Token]) -> Doc | None:
    """The dated statement the words of one side of the question speak of, if one fits well."""
    positions = {t.position for t in side}
    # a project named on this side ("the launch of the mechanisms project") is where to look;
    # its name's words are not the event's
    hits = [h for h in q.names if set(h.positions) <= positions and h.strength >= NAMED]
    naming = {p for h in hits[:1] for p in h.positions}
    terms = [
        t.term
        for t in side
        if not t.stop and not t.term.startswith(V.NUMBER_PREFIX) and t.position not in naming
    ]
    terms += [
        (ORG_PREFIX if m.kind == "org" else COUNTRY_PREFIX) + m.key
        for m in q.mentions
        if m.kind in ("org", "country") and set(m.positions) <= positions
    ]
    terms = [x for x in dict.fromkeys(terms) if index.known(x)]
    if len(terms) < (1 if hits else 2):
        return None
    within = [hits[0].project] if hits else None
    scored = index.score_docs(terms, within, EVENT_MATCH, limit=TIE_BREAK_DOCS)
    return next((doc for doc, _score in scored if doc.date is not None), None)


def _dated_claim(index: Index, q: Query, named: list[str]) -> Answer | None:
    """A yes/no question dating an event ("the EU-Russia readmission agreement came into force
    in 2009, right?"): "Yes." or "No." and the event with the date the page gives."""
    if not (q.times and _is_yes_no(q)) or len(named) > 1 or q.wants_list:
        return None
    # "was the border checkpoints agreement signed in 2010?": that project's event
    naming = {
        t.term for h in q.names if h.project in named for t in q.tokens if t.position in h.positions
    }
    topic = [t for t in q.residual if not t.startswith(V.NUMBER_PREFIX) and t not in naming]
    within = named or None
    scored = (
        index.score_docs(topic, within, DETAIL_IDENTIFIES, limit=TIE_BREAK_DOCS) if topic else []
    )
    event = next((d for d, _score in scored if d.date is not None), None)
    if event is None or event.date is None:
        return None
    right = _in_times(event.date, q)
    verdict = say("yes" if right else "no", q.lang)
    line = f"{verdict} {_date(event.date, q.lang)}: {event.text.get(q.lang)}"
    project = index.kb.by_id[event.project]
    return _answer(
        Kind.FIELD, q.lang, [_heading_block(project, q.lang), _p(line)], [project.id], [F.DATES]
    )


def _sentence_case(text: str) -> str:
    """The text with its first letter a capital, the rest as written."""
    return text[:1].upper() + text[1:]


def _event_to_project(index: Index, event: Doc, p: Project, anchor: str, lang: str) -> Answer:
    """The months from a dated event to the project's start (or end), or back."""
    assert event.date is not None and event.date.month is not None
    end = anchor == "end"
    month = p.period.end if end else p.period.start
    months = month.index - Month(event.date.year, event.date.month).index
    text = say(
        "event_to_end" if end else "event_to_start",
        lang,
        event=_sentence_case(truncate(event.text.get(lang), 200).rstrip(".")),
        date=_date(event.date, lang),
        project=_name(p, lang),
        month=_month(month, lang),
        gap=_months(abs(months), lang),
        side=say("side_later" if months >= 0 else "side_earlier", lang),
    )
    projects = list(dict.fromkeys([p.id, event.project]))
    return _answer(Kind.FIELD, lang, [_heading_block(p, lang), _p(text)], projects, [F.DURATION])


def _events_in_order(index: Index, events: tuple[Doc, Doc], lang: str) -> Answer:
    """Two events, the earlier first, each with its date and project."""

    def when(d: Doc) -> tuple[int, int, int]:
        assert d.date is not None
        return (d.date.year, d.date.month or 0, d.date.day or 0)

    ordered = sorted(events, key=when)
    lines = []
    for d in ordered:
        assert d.date is not None
        project = _name(index.kb.by_id[d.project], lang)
        lines.append((Span(f"{_date(d.date, lang)}: {d.text.get(lang)} ({project})"),))
    blocks = [_p(say("events_in_order", lang)), Block(bullets=tuple(lines))]
    projects = list(dict.fromkeys(d.project for d in events))
    return _answer(Kind.FIELD, lang, blocks, projects, [F.DATES])


def _asks_what_happened(q: Query) -> bool:
    """ "what happened in July 2009", "что произошло в 2007 году"."""
    words = [t.word for t in q.tokens]
    return any(
        w in ("happened", "happen", "произошло", "случилось", "происходило") for w in words
    ) or ("what" in words and any(w in ("events", "event") for w in words))


def _what_happened(index: Index, q: Query, lang: str) -> Answer | None:
    """The events of any project dated in the question's time span, the first project's
    with its heading, the others' projects after it; None when none is dated then."""
    by_project: dict[str, list[Doc]] = {}
    for d in index.dated_docs:
        if d.date is not None and _in_times(d.date, q):
            by_project.setdefault(d.project, []).append(d)
    found = [(index.kb.by_id[pid], docs) for pid, docs in by_project.items()]
    if not found:
        return None
    first, docs = found[0]
    others = [p.id for p, _docs in found[1:]]
    answer = _detail(index, first, docs, lang, also=others)
    for p, more in found[1:DETAIL_LIMIT]:
        extra = _detail(index, p, more, lang)
        answer = replace(answer, blocks=(*answer.blocks, *extra.blocks))
    return answer


def _dated_docs(index: Index, p: Project, q: Query) -> list[Doc]:
    """The project's dated statements (events) that fall in the question's time span."""
    return [d for d in index.docs_of(p.id, F.DATES) if d.date is not None and _in_times(d.date, q)]


def _in_times(date: Date, q: Query) -> bool:
    """Whether a date (a year, a month or a day) falls in one of the question's time spans."""
    first = Month(date.year, date.month or 1)
    last = Month(date.year, date.month or 12)
    return any(not s.month_only and s.first <= last and first <= s.last for s in q.times)


def _months_of_year(spec: TimeSpec) -> list[int]:
    """The months (0 = January) of a month or season of any year: "winter" is 11, 0, 1."""
    first, last = spec.first.month - 1, spec.last.month - 1
    return [(first + k) % 12 for k in range((last - first) % 12 + 1)]


def _active_check(p: Project, spec: TimeSpec, lang: str) -> Answer:
    """ "Was it running in summer 2009?", "in a February?" (any year's)."""
    if spec.month_only:
        months = set(_months_of_year(spec))
        start, end = p.period.start.index, p.period.end.index
        ran = any(m % 12 in months for m in range(start, min(end, start + 11) + 1))
        return _verdict(p, ran, "active", F.DATES, lang)
    if spec.relation == "throughout":  # "was it running for the whole of 2010?"
        whole = p.period.start <= spec.first and spec.last <= p.period.end
        return _verdict(p, whole, "active", F.DATES, lang)
    return _verdict(p, p.period.active_in(spec.first, spec.last), "active", F.DATES, lang)


def _funder_guessed_wrong(index: Index, q: Query, named: list[str]) -> tuple[str, str] | None:
    """A project put forward as the one a country or organisation funded, when it funded
    another ("which project did germany pay for, the border checkpoint one right?", "finland
    co-funded one of the projects - was it the border one?"): the one guessed and the right one.
    Not "did Germany fund the border project?", which asks about that project."""
    if len(named) != 1 or F.FUNDERS not in q.fields:
        return None
    words = [t.word for t in q.tokens]
    # ("one of the projects", not "was germany one of the donors?")
    one_of_them = any(
        a in ("one", "один")
        and b in ("of", "из")
        and _PLURAL_PROJECTS.match(" ".join(rest).removeprefix("the "))
        for a, b, *rest in zip(words, words[1:], words[2:], words[3:], strict=False)
    )
    guess = (_asks_for_one(q) and bool(set(words) & {"which", "wich", "what"})) or one_of_them
    if not guess:
        return None
    funded: set[str] | None = None
    for m in q.mentions:
        if m.kind == "country":
            country = index.country(m.key)
            here = index.projects_tied_to(country.name, COUNTRY_FUNDER) if country else set()
        elif m.kind == "org":
            here = set(index.projects_funded_by(m.key))
        else:
            continue
        funded = here if funded is None else funded & here
    if not funded or len(funded) != 1 or named[0] in funded:
        return None
    return named[0], next(iter(funded))


def _already_by_then(q: Query) -> bool:
    """ "had X already been established when the project started", "by the time … commenced":
    an event put before one end of the project."""
    words = {t.word for t in q.tokens}
    already = bool(words & {"already", "уже"}) or ("by" in words and "time" in words)
    return already and q.anchor in ("start", "end")


def _event_before(p: Project, date: Date, what: str, anchor: str, lang: str) -> Answer:
    """ "Yes. 2007: Rosgranitsa … was established; the project started in September 2009." """
    month = p.period.start if anchor == "start" else p.period.end
    event_month = Month(date.year, date.month or 12)  # a year alone: at the latest its end
    ok = event_month.index <= month.index if date.month else date.year < month.year
    key = "event_before_start" if anchor == "start" else "event_before_end"
    text = say(
        key,
        lang,
        verdict=say("yes" if ok else "no", lang),
        date=_date(date, lang),
        event=what,
        project=_name(p, lang),
        month=_month(month, lang),
    )
    blocks = [_heading_block(p, lang), _p(text)]
    return _answer(Kind.FIELD, lang, blocks, [p.id], [F.DATES], suggestions=_suggestions(p, lang))


def _active_on(p: Project, date: Date, what: str, lang: str) -> Answer:
    """ "Was it already running when the agreement took effect?" """
    month = Month(date.year, date.month or 1)
    event = _p(say("event_date", lang, date=_date(date, lang), text=what))
    return _verdict(p, p.period.active_in(month, month), "active", F.DATES, lang, event)


#: Words that put a clause in the asker's own voice ("we run AVRR in Kazakhstan", "IOM
#: Kyrgyzstan here", "у нас в Кыргызстане").
#: ... or a person of IOM elsewhere ("I'm from IOM Kazakhstan", "IOM Kyrgyzstan here", "я из
#: МОМ в Казахстане"), not a migrant telling where they are ("I'm in Moscow and want to go
#: home to Tajikistan") nor a claim ("I read IOM Russia also had a project in Belarus")
_I_OF_IOM: Final = frozenset("here from из".split())


def _countries_of_the_asker(index: Index, q: Query) -> set[str]:
    """The countries named in a clause in the asker's own voice ("hi! we run AVRR in
    Kazakhstan", "hello from IOM Kazakhstan", "IOM kyrgyzstan here", "я из МОМ в
    Казахстане")."""
    own: set[str] = set()
    for clause in understand.CLAUSES.split(q.text):
        ws = words(clause)
        iom = "iom" in ws or "мом" in ws
        voiced = any(w in understand.OWN_VOICE for w in ws) or (
            iom and any(w in _I_OF_IOM for w in ws)
        )
        if not voiced:
            continue
        for m in q.mentions:
            if m.kind != "country":
                continue
            country = index.country(m.key)
            if country is None:
                continue
            names = [words(n) for n in (*country.names, *country.adjectives)]
            if any(_holds_stem_of(ws, n) for n in names):
                own.add(m.key)
    return own


def _holds_stem_of(ws: list[str], name: list[str]) -> bool:
    """Whether the words hold the (one-word) name, any Russian ending allowed."""
    if len(name) != 1:
        return False
    key = name[0][:5] if is_cyrillic(name[0]) else name[0]
    return any(w == name[0] or (is_cyrillic(w) and w.startswith(key)) for w in ws)


def _without_words(index: Index, q: Query, codes: list[str]) -> Query:
    """The question read again without the words that name these countries."""
    dropped = {p for m in q.mentions if m.kind == "country" and m.key in codes for p in m.positions}
    text = q.text  # its punctuation kept: it tells the clauses apart
    for t in q.tokens:
        if t.position in dropped:
            text = re.sub(rf"\b{re.escape(t.surface)}\b", " ", text, count=1, flags=re.I)
    rest = understand.parse(index, text, q.lang)
    if set(codes) & set(rest.countries()):  # the words as written were not found
        text = " ".join(t.surface for t in q.tokens if t.position not in dropped)
        rest = understand.parse(index, text, q.lang)
    return rest


#: "a similar project", "похожий проект": another project like the one discussed.
_SIMILAR: Final = frozenset(
    "similar like such похожий похожие подобный подобные аналогичный".split()
)


def _without_countries(index: Index, q: Query, ctx: ChatState, unknown: list[str]) -> Answer | None:
    """The answer about one project the question describes, read without the countries no
    project involved ("the returns project with Belarus and Ukraine": Moldova and Ukraine),
    when the rest of the description still names another country or an organisation. None
    for a list ("which projects were in Belarus") or when nothing else is said."""
    if q.wants_list or q.wants_count:
        return None
    rest = _without_words(index, q, unknown)
    if set(unknown) & set(rest.countries()):
        return None  # (the countries could not be taken out)
    if not (rest.countries() or rest.orgs()):
        return None  # "an IOM project in Armenia on border management?": Armenia was the point
    found = _decide(index, rest, ctx)
    if found.kind.is_abstention or found.kind is Kind.CLARIFY or len(found.projects) != 1:
        return None
    return found


#: Pronouns that may stand for the organisation just discussed.
_ORG_PRONOUNS: Final = _IT | frozenset("ней нее неё него ним".split())
#: What is asked of an organisation rather than of a project: its projects, its part in
#: them, where it is from, what it belongs to.
_ORG_QUESTION: Final = V.Lexicon.of(
    "involved involve involvement participate participated part belong belonged based from "
    "kind type projects project участвовал* участвует участие относит* входил* входит подчин* "
    "проекты проектах проектов страны".split()
)


def _about_the_org(index: Index, q: Query, ctx: ChatState) -> Query | None:
    """A follow-up about the organisation the chat just talked about ("what's the FMS?" -
    "which projects was it involved in?", "which UK ministry does it belong to?"): the
    question again with the organisation named instead of the pronoun. None when the question
    names anything of its own or asks nothing of an organisation."""
    org = index.org(ctx.org) if ctx.org else None
    if org is None or q.named or q.orgs() or q.times:
        return None
    spots = [t for t in q.tokens if t.word in _ORG_PRONOUNS]
    if not spots or not any(_ORG_QUESTION.matches(t.word) for t in q.tokens):
        return None
    topic, *rest = _AFTER_TOPIC.split(q.text, maxsplit=1)
    if rest and any(min(m.positions) < len(words(topic)) for m in q.mentions):
        return None  # "and Germany - was it only a study tour destination?": "it" is Germany
    name = org.name.get(q.lang)
    text = q.text
    for t in spots[:1]:
        text = re.sub(rf"\b{re.escape(t.surface)}\b", name, text, count=1, flags=re.I)
    again = understand.parse(index, text, q.lang)
    return again if org.id in again.orgs() else None


def _asks_of_two(q: Query) -> bool:
    """Whether a question relates two projects: compares them, asks which of the two ("… or
    …?"), or how they overlapped or followed each other."""
    either = any(t.word in _EITHER for t in q.tokens)
    side_by_side = "side by side" in " ".join(t.word for t in q.tokens)
    return (
        q.compare
        or q.has(V.OVERLAP)
        or side_by_side
        # "which ran longer: the one with the film or the rosgranitsa one" (not "which
        # projects produced reports or studies": a list, with alternatives)
        or (either and bool(q.superlative or _count_compared(q)) and not _plural_projects(q))
    )


#: "the project with the film or the Rosgranitsa one": "or" between two projects.
_EITHER: Final = frozenset("or vs versus или".split())
#: Where a question's two descriptions of projects meet ("the Rosgranitsa project and the one
#: with the film", "проект с фильмом от программы …").
_PAIR_JOINS: Final = frozenset("and or vs versus и или от".split())


def _described_pair(index: Index, q: Query, named: list[str]) -> list[str]:
    """Two projects a question describes on either side of an "and", "or" or "от" ("the
    rosgranitsa project and the one with the migrant film"), each picked by its own words
    alone: a name, an organisation of one project only, or a statement only it has. The
    projects named so far when no such pair is found."""
    last = max((t.position for t in q.tokens), default=0) + 1
    for cut in [t.position for t in q.tokens if t.word in _PAIR_JOINS][:PAIR_CUTS]:
        left = _project_in_span(index, q, 0, cut)
        right = _project_in_span(index, q, cut + 1, last) if left else None
        if left and right and left != right:
            return [left, right]
    return named


#: How many "and"s, "or"s of a question are tried as the meeting of two descriptions.
PAIR_CUTS = 3


def _overlap_described(index: Index, q: Query) -> Query | None:
    """ "which projects overlapped with the programme germany and finland co-funded": the
    question again with the project described after the word of overlapping named instead
    (its description is no filter of the list). None when the words describe no one project."""
    words_at = [t.word for t in q.tokens]
    at = next(
        (
            t.position
            for i, t in enumerate(q.tokens)
            if V.OVERLAP.matches(t.word)
            # "the same year the agreement came into force": a year, not an overlap
            and (t.word != "same" or words_at[i + 1 : i + 2] == ["time"])
        ),
        None,
    )
    if at is None or q.named:
        return None
    last = max(t.position for t in q.tokens) + 1
    described = _project_in_span(index, q, at + 1, last)
    if described is None:
        return None
    project = index.kb.by_id[described]
    before = " ".join(t.surface for t in q.tokens if t.position <= at)
    with_word = "с" if q.lang == "ru" else "with"
    renamed = understand.parse(
        index, f"{before} {with_word} {project.acronym or project.title.get(q.lang)}", q.lang
    )
    return renamed if renamed.named[:1] == (described,) else None


def _project_in_span(index: Index, q: Query, start: int, end: int) -> str | None:
    """The one project the words between two positions pick by themselves, if any."""
    inside = [h for h in q.names if start <= min(h.positions) and max(h.positions) < end]
    strong = [h.project for h in inside if h.strength >= NAMED]
    if len(set(strong)) == 1:
        return strong[0]
    orgs = [m.key for m in q.mentions if m.kind == "org" and start <= m.positions[0] < end]
    homes = {pid for o in orgs for pid in _projects_with_org(index, o)}
    if len(homes) == 1:
        return homes.pop()
    codes = [m.key for m in q.mentions if m.kind == "country" and start <= m.positions[0] < end]
    if codes and not orgs:  # "the programme Germany and Finland co-funded"
        tied = set.intersection(*(_projects_in_country(index, c, q) for c in codes))
        if len(tied) == 1:
            return tied.pop()
    residual = set(q.residual)
    terms = [
        t.term
        for t in q.tokens
        if start <= t.position < end
        and t.term in residual
        and index.known(t.term)
        and not t.term.startswith(V.NUMBER_PREFIX)  # "four components or five?": a count
        and not t.term.isdigit()
    ]
    docs = index.score_docs(terms, None, _SINGLE_MIN) if terms else []
    if docs and docs[0][1] >= DETAIL_IDENTIFIES:
        close = _near_ties(docs)
        if len(close) == 1:
            return close[0]
    return None


def _named_despite_countries(q: Query, codes: list[str]) -> list[str]:
    """The project a question names outright while also naming countries it never involved:
    by its acronym or whole title, or by a whole alias named before the countries and not as a
    kind of project looked for there ("did the readmission framework programme have a study
    tour to Kazakhstan?"; not "a border management project in Belarus?", "IOM project in
    Armenia on border management?", "есть ли у МОМ проект с пограничной службой Казахстана?")."""
    exact = [h.project for h in q.strong_names(EXACT_NAME)]
    if exact:
        return exact
    at = min(p for m in q.mentions if m.kind == "country" and m.key in codes for p in m.positions)
    words_at = {t.position: t.word for t in q.tokens}
    found = []
    for h in q.strong_names(WHOLE_NAME):
        start, end = min(h.positions), max(h.positions)
        before = [words_at.get(i, "") for i in range(start)]
        between = [words_at.get(i, "") for i in range(end + 1, at)]
        if end < at and not set(before) & _LOOKING_FOR and not set(between) <= _ATTACHING:
            found.append(h.project)
        elif start > at and q.fields and not set(before) & _LOOKING_FOR:
            # "did Sweden co-fund the 2007-2010 readmission programme?", "почему Швеция
            # софинансировала программу 2007–2010?": a role of the country in that project
            found.append(h.project)
    return found


#: Words before a project's description that look for one: "does IOM have a … project".
_LOOKING_FOR: Final = frozenset("a an any some there have has есть имеется имелся".split())
#: Words that tie a country to the project just described: "the border project in Belarus".
_ATTACHING: Final = frozenset(
    "in with for of on at to the project programme program проект проекта программа программы "
    "в во с со на для по".split()
)


def _asked_without_countries(
    index: Index, q: Query, ctx: ChatState, project_id: str, unknown: list[str]
) -> Answer | None:
    """What a question about one project asks besides the countries it never involved: a field
    other than where or with whom ("was Kazakhstan one of its donors?") or a detail ("did the
    2007-2010 programme have a study tour to Kazakhstan?"), answered about that project. None
    when nothing else is asked ("did SIREADA cover Belarus?": its countries answer that)."""
    rest = _without_words(index, q, unknown)
    if set(unknown) & set(rest.countries()):
        return None
    if rest.fields and _asks_why(rest):
        # "why did Sweden co-fund the 2007-2010 programme?": it did not; who did, not why
        text = re.sub(r"\b(why|почему|зачем)\b", " ", rest.text, flags=re.IGNORECASE)
        rest = understand.parse(index, text, q.lang)
    other_fields = set(rest.fields) - {F.PARTNERS, F.COUNTRIES}
    if not other_fields and not content_topics(index, rest):
        return None
    found = _decide(index, rest, ctx)
    if (
        found.kind.is_abstention
        or found.kind is Kind.CLARIFY
        or found.projects[:1] != (project_id,)
    ):
        return None
    return found


def _unknown_countries(index: Index, q: Query) -> list[str]:
    """Countries named in the question that no project, partner or statement mentions."""
    unknown = []
    for m in q.mentions:
        if m.kind != "country" or _negated_at(q, m.positions[0]):
            continue  # "Ukraine but not Belarus": no project in Belarus is what is asked
        country = index.country(m.key)
        if country is not None and country.name not in index.places:
            unknown.append(m.key)
    return list(dict.fromkeys(unknown))


def _negated_at(q: Query, position: int) -> bool:
    """Whether the word at `position` is what a "not" of the question excludes: what is named
    after the "not" ("Moldova but not Ukraine"), else what is named before it ("that Finland
    did not fund"); or what follows an excluding word ("кроме Молдовы")."""
    at = q.negation_at
    named_after = at is not None and any(
        min(m.positions) > at for m in q.mentions if m.kind in ("country", "org")
    )
    after_not = q.negated and (not named_after or at is None or position > at)
    return after_not or _excluded_at(q, position)
