"""The index over the knowledge base: names, organisations, countries and statements.

Narrow, then rank. Question words are first resolved exactly (acronyms, aliases, organisation
short names, country names); a word the knowledge base does not know is corrected to the nearest
word it does know (rapidfuzz, with a cutoff), and only then are projects and statements ranked.
Statements are found through an inverted index, so a question only ever scores the statements
that share a term with it, however large the knowledge base grows.
"""

from __future__ import annotations

import bisect
import gc
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain, pairwise
from typing import Any, Final, NamedTuple, overload

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from bot.core import fields as F
from bot.core.dictionary import dictionary_word
from bot.core.text import is_cyrillic, stem, to_cyrillic, unmix, words
from bot.core.vocabulary import (
    BROADER,
    CONCEPTS,
    GENERIC,
    NO_INFO,
    SHORTHAND,
    STOPWORDS,
    FirstMatch,
    all_lexicons,
    protected_words,
)
from bot.kb import parallel
from bot.kb.countries import Country, all_countries, find_adjective, find_country
from bot.kb.load import cached_index, paused_gc, store_index
from bot.kb.model import (
    Date,
    KnowledgeBase,
    Organisation,
    Project,
    Role,
    Statement,
    Status,
    Term,
    Text,
    pickled_by_fields,
)

ORG_PREFIX = "org:"
COUNTRY_PREFIX = "country:"

#: Words shorter than this are never spelling-corrected (too many near neighbours).
MIN_CORRECTABLE = 4
#: Minimum rapidfuzz ratio (0-100) for replacing an unknown word by a known one.
CORRECTION_CUTOFF = 80
CORRECTION_CUTOFF_CYRILLIC = 86
#: An acronym spelt by ear ("сирида", "sirida" for SIREADA): two letters off a word of at least
#: `ACRONYM_MIN_LENGTH` letters, in either script, with the same first letter, when no other
#: word was near enough.
ACRONYM_CUTOFF = 75
ACRONYM_MIN_LENGTH = 5
SHORT_WORD_CUTOFF = 85
#: A long English word has few near neighbours: spelt by ear ("reintegrashun"), it is still
#: the word it sounds like.
LONG_WORD = 10
#: Spelling corrections remembered (a chat's words recur; the memo is emptied when full).
CORRECTIONS_KEPT = 20_000
#: Latin-letter words read as Russian that make a question transliterated Russian.
TRANSLIT_MIN = 2
#: The most words looked for in one written together ("bordercheckpointsproject").
GLUED_PARTS = 3
#: The shortest word looked at as two words written together ("studytours").
GLUED_MIN = 7
LONG_WORD_CUTOFF = 75
#: How many statements are checked for a two-word alias used as a phrase elsewhere.
PHRASE_CHECK_DOCS = 200
#: Strength of a project name that is only an organisation's name (see `Index.name_hits`).
ORG_AS_NAME = 0.6
#: Names scored per question at most, beyond which only the rarest terms bring candidates.
NAME_CANDIDATES = 1500
#: A name whose words are all in the question (its coverage at least this) is named in full.
IN_FULL = 0.999
#: The most a name can score with at most two of the question's words, none of them a word of
#: one project's names only: this share of its coverage (see `_NameScorer.strength`).
WEAK_NAME_SHARE = 0.3
#: Coverage worked out in another order can differ in the last bits: names this close to the
#: floor are scored.
FLOOR_MARGIN = 1e-9
#: Names a single common term brings at most: those it covers the most of.
LIGHT_NAMES = 32
#: A name matched more weakly than this (one common word of a long title) is no hint at all.
NAME_HINT_FLOOR = 0.2
#: Beyond this many candidate names, names are scored in bulk (numpy) rather than one by one.
NAME_LOOP_LIMIT = 400
#: Statements of at most this many projects are looked up project by project.
SMALL_PROJECT_SET = 64
#: Weight of a question word the knowledge base never uses, relative to an average known word.
UNKNOWN_WEIGHT = 0.35

#: Statement ids are merged by sorting while they number under 1/DENSE_SHARE of all
#: statements, else by marking every statement (`Ranked`).
DENSE_SHARE = 16
#: Bits of a name's shape packed into one integer key (`_NameArrays.shape_groups`): a shape
#: whose codes need more is compared as bytes instead.
SHAPE_KEY_BITS = 63
#: Texts to analyse before the index is built, below which no helper process is started.
PARALLEL_TEXTS = 4000
#: Parts the statements' texts are cut into, and the names too: this process and the helpers
#: each take some (see `bot.kb.parallel.in_parts`); a helper sends each part back as a pickle.
ANALYSIS_PARTS = 4

#: The kind of mention of an organisation's name with a country that none of the bodies of
#: that name is of ("the Russian Ministry of Internal Affairs": Moldova's and Ukraine's only).
ABSENT_ORG = "absent-org"
#: How a project can be tied to a country (`Index.projects_tied_to`).
COUNTRY_IN = "in"  # implemented there, or with a partner from there
COUNTRY_FUNDER = "funder"  # funded by an organisation from there
COUNTRY_VISITED = "visited"  # a study tour went there
COUNTRY_ONLY = "only"  # implemented there and nowhere else
COUNTRY_TIES = (COUNTRY_IN, COUNTRY_FUNDER, COUNTRY_VISITED, COUNTRY_ONLY)
#: Statement kinds whose `places` are destinations ("where did the study tour go?").
DESTINATION_KINDS = frozenset({"study tour"})


_CONCEPT_OF: Final = FirstMatch(CONCEPTS)


@lru_cache(maxsize=200_000)
def term(word: str) -> str:
    """The index term of one cleaned word: its concept key when it has one, else its stem."""
    return _CONCEPT_OF.key(word) or stem(word)


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a question, after cleaning and spelling correction."""

    position: int
    surface: str
    word: str  # corrected
    term: str
    stop: bool


class Doc(NamedTuple):
    """A searchable statement: one sentence-sized fact of one project.

    A named tuple rather than a frozen dataclass: the index makes one per statement (94,000
    at 10,000 projects, on every start, from the files or the cache), and a tuple is made
    three times faster."""

    id: int
    project: str
    field: str
    text: Text
    terms: frozenset[str]
    status: Status = Status.DONE
    label: Text | None = None
    area: Text | None = None
    date: Date | None = None
    kind: str | None = None
    places: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Name:
    """One name of a project: its acronym, a title or an alias, as index terms."""

    project: str
    kind: str  # "acronym", "title" or "alias"
    terms: tuple[str, ...]
    topical: bool = False  # a two-word alias other projects also use as a phrase


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Mention:
    """Something named in a question: an organisation, a country or a glossary term."""

    kind: str  # "org", "country", "term" or `ABSENT_ORG`
    key: str
    positions: tuple[int, ...]


class NameHit(NamedTuple):
    """How strongly a question names one project, and by the words at which positions (a
    tuple: at 50,000 projects a question can name thousands, and tuples are made in C)."""

    project: str
    strength: float
    positions: frozenset[int]
    coverage: float = 0.0  # the share of the name's weight the question holds (6 decimals)
    first: int = 0  # the first of the positions


#: The phrases starting with one term: by length, longest first; each phrase with what it names
#: (kind and key), in the order they were added.
_Phrases = list[tuple[int, dict[tuple[str, ...], dict[tuple[str, str], None]]]]


@dataclass
class _PhraseTable:
    """Multi-word phrases keyed by their first term, for a left-to-right scan."""

    by_first: dict[str, _Phrases] = field(default_factory=dict)

    def add(self, phrase: Sequence[str], kind: str, key: str) -> None:
        if not phrase:
            return
        groups = self.by_first.setdefault(phrase[0], [])
        n = len(phrase)
        group = next((g for length, g in groups if length == n), None)
        if group is None:
            group = {}
            groups.append((n, group))
            groups.sort(key=lambda entry: -entry[0])
        group.setdefault(tuple(phrase), {})[(kind, key)] = None

    def scan_words(self, ws: Sequence[str]) -> list[Mention]:
        """`scan` over the words' keys, leaving out the words names are compared without
        (`phrase_stems`), with positions counted in `ws`."""
        kept = [i for i, w in enumerate(ws) if w not in _PHRASE_SKIP]
        found = self.scan([phrase_key(ws[i]) for i in kept])
        return [Mention(m.kind, m.key, tuple(kept[p] for p in m.positions)) for m in found]

    def scan(self, stems: Sequence[str]) -> list[Mention]:
        """The longest phrase starting at each word, left to right, a matched phrase's words
        skipped: every thing it names (one phrase may name several: "МВД", two ministries).
        Only the phrases of the word's length are compared, by one lookup per length."""
        found: list[Mention] = []
        by_first = self.by_first
        i = 0
        n_stems = len(stems)
        while i < n_stems:
            groups = by_first.get(stems[i])
            if groups is not None:
                for n, phrases in groups:
                    named = phrases.get(tuple(stems[i : i + n]))
                    if named is not None:
                        positions = tuple(range(i, i + n))
                        found.extend(Mention(kind, key, positions) for kind, key in named)
                        i += n
                        break
                else:
                    i += 1
            else:
                i += 1
        return found


#: A Russian country name whose stem is this short ("дан" of "Дания") is checked against the
#: word itself: other words share such stems ("данными").
SHORT_COUNTRY_STEM = 3
#: Russian stems of one word still differ between cases ("беларусь" → "белар", "беларуси" →
#: "беларус"), so names are compared on at most this many letters of a Cyrillic stem.
RUSSIAN_KEY = 5


@lru_cache(maxsize=200_000)
def phrase_key(word: str) -> str:
    """The form in which a word of an organisation's or country's name is compared."""
    s = stem(word)
    return s[:RUSSIAN_KEY] if is_cyrillic(s) else s


#: Words names are compared without ("Ministry of Foreign Affairs" = "ministry foreign affairs").
_PHRASE_SKIP: Final = frozenset(["the", "of", "and"])


def phrase_stems(text: str) -> tuple[str, ...]:
    return tuple(phrase_key(w) for w in words(text) if w not in _PHRASE_SKIP)


#: Function words a typo may still stand for ("wich", "aftr", "wen"): they shape the question.
_QUESTION_WORDS: Final = frozenset(
    "which what where when who whom whose how why were does did there their after before since"
    " until between during than without many much nothing not".split()
)

#: Russian letters heard alike when unstressed: spelling by ear mixes them up.
_SOUNDS_ALIKE: Final = str.maketrans("оеёэя", "аииии")
_DOUBLED = re.compile(r"(.)\1+")


def _by_ear(word: str) -> str:
    """A Russian word as heard: unstressed vowels merged, doubled letters single."""
    return _DOUBLED.sub(r"\1", word.translate(_SOUNDS_ALIKE))


#: Russian function words a typo may stand for ("каккой"): the stop words in Cyrillic.
_RUSSIAN_FUNCTION_WORDS: Final = tuple(w for w in STOPWORDS if is_cyrillic(w))

#: The stems of words that begin many organisations' names: no one organisation is called by
#: one of them alone ("the Institute", "the Ministry").
_GENERIC_ORG_WORDS: Final = tuple(
    phrase_key(w)
    for w in (
        "institute institution state delegation ministry government federal european national "
        "international public committee agency service office council department union "
        "commission centre center association foundation fund university organisation "
        "organization regional republic "
        "институт государственный представительство министерство правительство федеральный "
        "европейский национальный международный общественный комитет агентство служба совет "
        "фонд центр университет организация ассоциация региональный республика"
    ).split()
)


class Index:
    """Everything the question parser and the answer composer look up."""

    def __new__(cls, kb: KnowledgeBase | None = None) -> Index:
        # a knowledge base read from the cache comes with its index (see `inspect_knowledge`);
        # unpickling calls this without one
        cached = cached_index(kb) if kb is not None else None
        if isinstance(cached, cls):
            return cached
        return super().__new__(cls)

    def __init__(self, kb: KnowledgeBase) -> None:
        if getattr(self, "kb", None) is kb:  # restored from the cache by `__new__`
            gc.freeze()
            return
        with paused_gc():
            self._build(kb)
            # The knowledge base and its index live as long as the process and hold millions
            # of objects: the cyclic garbage collector need not walk them on every full
            # collection (that took half a second at 10,000 projects, in the middle of an
            # answer). Frozen before the collector is enabled again, which would otherwise
            # start by walking every object made meanwhile (0.2 s at 10,000 projects); and no
            # collection first: reading and indexing make no reference cycles (a collection
            # here found nothing to free at 10,000 projects).
            gc.freeze()
        store_index(kb, self)

    def _build(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.projects: tuple[Project, ...] = kb.projects
        self._project_pos = {p.id: i for i, p in enumerate(self.projects)}
        self._phrases = _PhraseTable()
        self._exact_countries = _PhraseTable()
        self._country_words: set[str] = set()
        self._countries: dict[str, Country] = {}
        self._build_mentions()
        self.docs: list[Doc] = []
        self._docs_by_project: dict[tuple[str, str], list[Doc]] = defaultdict(list)
        #: the distinct term sets of the statements, and the set of each statement (by number)
        self._term_sets: dict[frozenset[str], int] = {}
        self._distinct_sets: list[frozenset[str]] = []
        self._doc_sets: list[int] = []
        self.names: list[Name] = []
        self._name_postings: dict[str, list[int]] = defaultdict(list)
        self._name_df: dict[str, int] = {}
        self._name_terms: dict[str, set[str]] = {}
        self._acronym_postings: dict[str, list[int]] = defaultdict(list)
        self._project_docs: dict[str, list[int]] = defaultdict(list)
        self._families: dict[str, frozenset[str]] = {}
        self._light: dict[str, list[int]] = {}
        self._measures: dict[str, np.ndarray[Any, np.dtype[np.int64]]] = {}
        self._name_countries: dict[str, frozenset[str]] = {}
        self._written_names: dict[str, str] = {}
        self._head_checks: dict[str, bool] = {}
        self._field_masks: dict[str, np.ndarray[Any, np.dtype[np.bool_]]] = {}
        self._word_stems: dict[int, frozenset[str]] = {}
        #: lines of list answers, made by `answer` on first use (a project's name and period)
        self.lines: dict[tuple[str, str], tuple[Any, ...]] = {}
        self.vocabulary: set[str] = set()
        self._name_vocabulary: set[str] = set()  # the words of the projects' names
        self._acronym_words: set[str] = set()  # the projects' acronyms (and their spellings)
        self._text_terms: dict[str, frozenset[str]] = {}
        self._doc_terms: dict[tuple[Any, ...], tuple[frozenset[str], int]] = {}
        self._term_sequences: dict[str, list[str]] = {}
        self._name_words: dict[str, tuple[str, ...]] = {}
        self._established: dict[str, Text] = {}
        self._analyse_in_advance(kb)
        for project in kb.projects:
            self._index_project(project)
        self._freeze_postings()
        self._index_names()
        self._add_initialisms()  # (after the statements were read: the page uses none)
        # what was kept only while building
        del self._text_terms, self._term_sets, self._distinct_sets, self._doc_sets
        del self._doc_terms, self._name_words, self._established, self._term_sequences
        n = max(1, len(self.docs))
        self._idf = {t: math.log(1 + n / df) for t, df in self._df.items()}
        # a word the knowledge base never uses counts, but less than a known one: questions carry
        # filler words ("topics", "cover") that should not drown the words that match
        self.unknown_idf = (
            UNKNOWN_WEIGHT * (sum(self._idf.values()) / len(self._idf)) if self._idf else 1.0
        )
        # corrections may also land on the bot's own words ("wich projcts" → "which projects")
        self._vocab_list = sorted(
            self.vocabulary
            | {w for w in protected_words() | _COMMON if len(w) >= MIN_CORRECTABLE - 1}
            | {w for w in self._country_words if len(w) >= MIN_CORRECTABLE}  # "finnland"
        )
        self._vocab_by_len: dict[tuple[int, bool], list[str]] = defaultdict(list)
        for w in self._vocab_list:
            self._vocab_by_len[(len(w), is_cyrillic(w))].append(w)
        self._corrected: dict[str, str] = {}  # `correct`'s memo

    # ----- building -----------------------------------------------------------------------

    def _freeze_postings(self) -> None:
        """The postings as one array of statement ids (each term's a sorted slice of it), and
        each statement's project as an array, for `Ranked` to score statements in C.

        Statements share term sets (15,600 distinct sets for 94,000 statements at 10,000
        projects), so the (term, statement) pairs are made by numpy from each statement's set,
        and sorted by term in one stable sort: each term's statements stay in ascending order.
        Terms are numbered in the order they first occur (statement by statement, each set in
        its own order), as the postings lists once were filled, which orders `_df` and
        `_idf` (and so the sums over them)."""
        sets = self._distinct_sets
        numbers = {t: i for i, t in enumerate(dict.fromkeys(chain.from_iterable(sets)))}
        sizes = np.fromiter(map(len, sets), dtype=np.int32, count=len(sets))
        flat = np.fromiter(
            map(numbers.__getitem__, chain.from_iterable(sets)), dtype=np.int32, count=sizes.sum()
        )
        doc_sets = np.array(self._doc_sets, dtype=np.int32)
        per_doc = sizes[doc_sets]
        pairs = int(per_doc.sum())
        # pair j of a statement is term j - (its first pair) + (its set's first term) of `flat`
        shift = (np.cumsum(sizes, dtype=np.int32) - sizes)[doc_sets]
        shift -= np.cumsum(per_doc, dtype=np.int32) - per_doc
        terms = flat[np.arange(pairs, dtype=np.int32) + np.repeat(shift, per_doc)]
        doc_ids = np.repeat(np.arange(len(doc_sets), dtype=np.int32), per_doc)
        # a stable sort of 16-bit keys is a radix sort: 4 times faster than for 32-bit ones
        small = len(numbers) <= np.iinfo(np.uint16).max + 1
        order = np.argsort(terms.astype(np.uint16) if small else terms, kind="stable")
        self._posting_ids = doc_ids[order]
        counts = np.bincount(terms, minlength=len(numbers)).tolist()
        ends = np.cumsum(counts).tolist()
        self._posting_spans = {
            t: (end - count, end) for t, count, end in zip(numbers, counts, ends, strict=True)
        }
        self._df = dict(zip(numbers, counts, strict=True))
        self._doc_project = np.fromiter(
            (self._project_pos[d.project] for d in self.docs), dtype=np.int32, count=len(self.docs)
        )

    def docs_of_field(self, field_name: str) -> np.ndarray[Any, np.dtype[np.bool_]]:
        """Which statements (by id) are of one field, as a mask made on first use."""
        found = self._field_masks.get(field_name)
        if found is None:
            found = self._field_masks[field_name] = np.array(
                [d.field == field_name for d in self.docs], dtype=np.bool_
            )
        return found

    def word_stems(self, doc: Doc) -> frozenset[str]:
        """The stems of every word of a statement's texts and of the area of results it is in
        ("building the capacity of the Russian migration authorities"), worked out on first
        use."""
        found = self._word_stems.get(doc.id)
        if found is None:
            texts = [*doc.text.variants(), *(doc.area.variants() if doc.area else ())]
            found = self._word_stems[doc.id] = frozenset(
                stem(w) for text in texts for w in words(text)
            )
        return found

    def position(self, project_id: str) -> int:
        """Where the project stands in the knowledge base (its order in `projects`)."""
        return self._project_pos[project_id]

    def postings(self, t: str) -> np.ndarray[Any, np.dtype[np.int32]]:
        """The ids of the statements holding a term, ascending (a view: do not modify)."""
        start, end = self._posting_spans.get(t, (0, 0))
        return self._posting_ids[start:end]

    def combined_cover(
        self, query_terms: Sequence[str], project_ids: Sequence[str]
    ) -> np.ndarray[Any, np.dtype[np.float64]]:
        """How much of the query's weight each of the projects' statements hold between them
        (0-1, in the order given): "the project with the needs assessment and gap analysis"
        names two of its statements, each holding part of the question."""
        unique = [t for t in dict.fromkeys(query_terms) if t not in GENERIC]
        weights = [self.idf(t) for t in unique]
        total = sum(weights)
        pos = self._project_pos
        wanted = np.fromiter((pos[pid] for pid in project_ids), dtype=np.int64)
        cover = np.zeros(len(wanted))
        has = np.zeros(len(self.projects), dtype=np.bool_)
        for t, w in zip(unique, weights, strict=True):
            has[:] = False
            has[self._doc_project[self.postings(t)]] = True
            cover += w * has[wanted]
        return cover / total if total else cover

    def project_mask(self, project_ids: Iterable[str]) -> np.ndarray[Any, np.dtype[np.bool_]]:
        """A mask over the projects (in knowledge-base order) that is true for `project_ids`."""
        mask = np.zeros(len(self.projects), dtype=np.bool_)
        pos = self._project_pos
        mask[[pos[pid] for pid in project_ids if pid in pos]] = True
        return mask

    def _build_mentions(self) -> None:
        heads: dict[str, set[tuple[str, str]]] = defaultdict(set)  # first word → (org, its term)
        # each organisation's own one-word names ("EC" is the European Commission's)
        owners = {
            name.lower(): org.id
            for org in self.kb.organisations
            for name in (*org.name.variants(), *org.short_names)
            if len(words(name)) == 1
        }
        for org in self.kb.organisations:
            for name in (*org.name.variants(), *org.short_names):
                self._phrases.add(phrase_stems(name), "org", org.id)
                bare = _without_country(name)
                if bare:  # "the Ministry of Foreign Affairs" (of Russia): one of those named so
                    self._phrases.add(phrase_stems(bare), "org", org.id)
                head = words(name)[0] if words(name) else ""
                if name.split()[0].isupper() and len(head) >= 2 and len(words(name)) > 1:
                    # "MIA Moldova" is also called just "MIA" (but "EC Delegation" is not "EC",
                    # another organisation's name)
                    if owners.get(head, org.id) == org.id:
                        self._phrases.add((phrase_key(head),), "org", org.id)
                elif len(head) >= 5 and len(words(name)) > 1:
                    heads[phrase_key(head)].add((org.id, term(head)))
        # "Chernihiv", "Чернигов": the word that begins one organisation's name names it in a
        # question (not in the statements: "Пограничное агентство ..." begins with a common
        # word, which `mentions` checks)
        self._org_heads: dict[str, tuple[str, str]] = {
            key: next(iter(found))
            for key, found in heads.items()
            if len({org_id for org_id, _t in found}) == 1 and not key.startswith(_GENERIC_ORG_WORDS)
        }
        for country in all_countries():
            self._countries[country.code] = country
            for name in (*country.names, *country.adjectives):
                self._phrases.add(phrase_stems(name), "country", country.code)
                self._exact_countries.add(
                    tuple(stem(w) for w in words(name)), "country", country.code
                )
                self._country_words.update(w for w in words(name) if not is_cyrillic(w))
        for entry in self.kb.glossary:
            for name in (entry.term, *entry.variants):
                self._phrases.add(phrase_stems(name), "term", entry.term)

    def _add_initialisms(self) -> None:
        """Organisations' initials as users write them though the page does not ("UKBA" for
        the UK Border Agency, "SBGS" for the State Border Guard Service of Ukraine): each set
        of initials that stands for one organisation only and is no word of its own."""
        owners: dict[str, set[str]] = defaultdict(set)
        for org in self.kb.organisations:
            for name in (org.name.en, *org.short_names):
                for letters in initialisms(name):
                    owners[letters].add(org.id)
        found: set[str] = set()
        for letters, org_ids in owners.items():
            word = letters.lower()
            taken = word in self.vocabulary or _known_elsewhere(word) or dictionary_word(word)
            if len(org_ids) == 1 and not taken:
                self._phrases.add((phrase_key(word),), "org", next(iter(org_ids)))
            if not taken:
                found.add(word)
        # all of them words now, so that none is "corrected" into another ("SBGS", of several
        # border services, into the "SBGSC" of one)
        self.vocabulary |= found

    def _add_vocabulary(self, text: str) -> None:
        """The words of a name (a title, an alias, an acronym) join the vocabulary: a name is
        matched through `names`, so its index terms are not needed here."""
        self._name_terms_of(text)

    def _name_terms_of(self, text: str) -> tuple[str, ...]:
        """The index terms of a project's name, in order, without `_NAME_GENERIC`; its words
        join the vocabulary. Worked out once per name while the index is built."""
        found = self._name_words.get(text)
        if found is None:
            found, ws = _name_analysis(text)
            self.vocabulary.update(w for w in ws if not w.isdigit())
            self._name_vocabulary.update(w for w in ws if not w.isdigit())
            self._name_words[text] = found
        return found

    def _analysed(self, text: str) -> frozenset[str]:
        """The index terms of one text (before `GENERIC` is taken out); its words join the
        vocabulary. Texts repeat across projects (an organisation's description, a partner's
        name), so each distinct text is analysed once while the index is built."""
        found = self._text_terms.get(text)
        if found is None:
            terms, ws = self._analysis(text)
            self.vocabulary.update(w for w in ws if not w.isdigit())
            found = self._text_terms[text] = _term_set(terms)
        return found

    def _analysis(self, text: str) -> tuple[tuple[str, ...], list[str]]:
        """The index terms of one text, in the order they were found, and its words (those
        not all digits join the vocabulary). Depends only on the text (and the knowledge
        base's organisations and countries), so that it can be worked out in a helper."""
        ws = words(text)
        terms = dict.fromkeys(term(w) for w in ws if w not in STOPWORDS)
        # (names are compared without "the", "of", "and"; positions are not needed here)
        for m in self._phrases.scan([phrase_key(w) for w in ws if w not in _PHRASE_SKIP]):
            if m.kind == "org":
                terms[ORG_PREFIX + m.key] = None
            elif m.kind == "country":
                terms[COUNTRY_PREFIX + m.key] = None
        return tuple(terms), ws

    def _analyse_in_advance(self, kb: KnowledgeBase) -> None:
        """Analyse every distinct text of the knowledge base (statements and names) before the
        index is built, sharing the work with helper processes where there are cores to spare
        (see `bot.kb.parallel`): analysis is most of the build, and each text's analysis
        depends on that text alone. A text missed here is analysed when it is met."""
        texts = list(dict.fromkeys(self._statement_texts(kb)))
        names = list(dict.fromkeys(_name_texts(kb)))
        helpers = parallel.helper_count() if len(texts) + len(names) >= PARALLEL_TEXTS else 0
        # statements and names alternate, so that every share of the parts holds as many of
        # each (a statement's analysis costs several times a name's)
        parts = [
            part
            for i in range(ANALYSIS_PARTS)
            for part in ((texts[i::ANALYSIS_PARTS], False), (names[i::ANALYSIS_PARTS], True))
        ]

        def analyse(i: int) -> tuple[list[tuple[str, ...]], set[str]]:
            chunk, are_names = parts[i]
            found = [(_name_analysis if are_names else self._analysis)(t) for t in chunk]
            seen = set(chain.from_iterable(ws for _terms, ws in found))
            return [terms for terms, _ws in found], {w for w in seen if not w.isdigit()}

        own = round(len(parts) / (1 + helpers))
        results = parallel.in_parts(analyse, len(parts), own, helpers)
        for (chunk, are_names), (found, vocabulary) in zip(parts, results, strict=True):
            if are_names:
                self._name_words.update(zip(chunk, found, strict=True))
                self._name_vocabulary |= vocabulary
            else:
                self._text_terms.update(zip(chunk, map(_term_set, found), strict=True))
            self.vocabulary |= vocabulary

    def _statement_texts(self, kb: KnowledgeBase) -> Iterator[str]:
        """The texts `_index_project` analyses (with repeats): those of the statements, the
        places and labels, and the names of the organisations they name."""
        orgs = kb.orgs_by_id
        seen: set[int] = set()
        for p in kb.projects:
            yield from p.summary.variants()
            yield from p.description.variants()
            if p.programme:
                yield from p.programme.variants()
            for group in (p.background, p.objectives, p.components, p.activities, p.results):
                for s in group:
                    if id(s) in seen:  # statements are shared between projects by the loader
                        continue
                    seen.add(id(s))
                    yield from s.text.variants()
                    if s.area:
                        yield from s.area.variants()
                    yield from s.places
                    if s.label:
                        yield from s.label.variants()
                    for org_id in s.orgs:
                        if org_id in orgs:
                            yield from orgs[org_id].name.variants()
            for e in p.events:
                yield from e.text.variants()
                for org_id in e.orgs:
                    if org_id in orgs:
                        yield from orgs[org_id].name.variants()
            for part in p.partners:
                org = orgs.get(part.org)
                if part.note:
                    yield from part.note.variants()
                if org and (part.note or org.description or org.established):
                    yield from org.name.variants()  # named by each of these statements
                    if org.description:
                        yield from org.description.variants()
                    if org.established:
                        yield from self._established_text(org).variants()

    def analyse_text(self, texts: Iterable[str]) -> set[str]:
        """Index terms of knowledge base text: concept terms plus the organisations named."""
        terms: set[str] = set()
        for text in texts:
            terms |= self._analysed(text)
        return terms - GENERIC

    def analyse_query(self, text: str) -> set[str]:
        """Index terms of a phrase, without adding it to the vocabulary."""
        ws = words(text)
        return {term(w) for w in ws if w not in STOPWORDS} - GENERIC

    def _add_doc(
        self,
        project: Project,
        field_name: str,
        text: Text,
        *,
        status: Status = Status.DONE,
        label: Text | None = None,
        area: Text | None = None,
        date: Date | None = None,
        kind: str | None = None,
        places: tuple[str, ...] = (),
        orgs: tuple[str, ...] = (),
    ) -> None:
        # A statement's terms depend only on these; the loader shares equal statements, and
        # the same statement, partner note or organisation description recurs in thousands
        # of projects (6,800 distinct statements of 66,000 at 10,000 projects).
        key = (text, area, places, label, orgs)
        found = self._doc_terms.get(key)
        if found is None:
            sources = [*text.variants(), *(area.variants() if area else ()), *places]
            if label:
                sources.extend(label.variants())
            for org_id in orgs:
                org = self.kb.org(org_id)
                if org:
                    sources.extend(org.name.variants())
            analysed = self.analyse_text(sources)
            broader = {BROADER[t] for t in analysed if t in BROADER}  # a manual is a material
            terms = frozenset(analysed | broader | {ORG_PREFIX + o for o in orgs})
            number = self._term_sets.setdefault(terms, len(self._term_sets))
            if number == len(self._distinct_sets):
                self._distinct_sets.append(terms)
            # equal sets are stored once: the first one
            found = self._doc_terms[key] = (self._distinct_sets[number], number)
        terms, number = found
        doc = Doc(
            len(self.docs),
            project.id,
            field_name,
            text,
            terms,
            status,
            label,
            area,
            date,
            kind,
            places,
            orgs,
        )
        self.docs.append(doc)
        self._docs_by_project[(project.id, field_name)].append(doc)
        self._project_docs[project.id].append(doc.id)
        self._doc_sets.append(number)  # the postings are made from these (`_freeze_postings`)

    def _add_statement(self, project: Project, field_name: str, s: Statement) -> None:
        self._add_doc(
            project,
            field_name,
            s.text,
            status=s.status,
            label=s.label,
            area=s.area,
            kind=s.kind,
            places=s.places,
            orgs=s.orgs,
        )

    def _index_project(self, p: Project) -> None:
        self._add_doc(p, F.SUMMARY, p.summary)
        self._add_doc(p, F.SUMMARY, p.description)
        if p.programme:
            self._add_doc(p, F.PROGRAMME, p.programme)
        for group, statements in (
            (F.SUMMARY, p.background),
            (F.OBJECTIVES, p.objectives),
            (F.COMPONENTS, p.components),
            (F.ACTIVITIES, p.activities),
            (F.RESULTS, p.results),
        ):
            for s in statements:
                self._add_statement(p, group, s)
        for e in p.events:
            self._add_doc(p, F.DATES, e.text, date=e.date, orgs=e.orgs)
        for part in p.partners:
            org = self.kb.org(part.org)
            if part.note:
                self._add_doc(p, F.PARTNERS, part.note, orgs=(part.org,))
            if org and org.description:
                self._add_doc(p, F.PARTNERS, org.description, orgs=(org.id,))
            if org and org.established:
                self._add_doc(
                    p, F.DATES, self._established_text(org), date=org.established, orgs=(org.id,)
                )
        for text in (p.title, *p.other_titles, *p.aliases):
            self._add_vocabulary(text.en)
            if text.ru:
                self._add_vocabulary(text.ru)
        if p.acronym:
            self._add_vocabulary(p.acronym)

    def _established_text(self, org: Organisation) -> Text:
        """The statement that an organisation was established (one per organisation)."""
        text = self._established.get(org.id)
        if text is None:
            en, ru = f"{org.name.en} was established", f"{org.name.ru or org.name.en} создан(а)"
            text = self._established[org.id] = Text(en, ru)
        return text

    def _phrase_elsewhere(self, project_id: str, pair: tuple[str, ...]) -> bool:
        """Whether another project's statements use the two terms side by side ("voluntary
        return" is SIREADA's alias, and a phrase of the 2007-2010 programme's results)."""
        first, second = pair
        both = np.intersect1d(self.postings(first), self.postings(second), assume_unique=True)
        for doc_id in both[:PHRASE_CHECK_DOCS].tolist():
            doc = self.docs[doc_id]
            if doc.project == project_id:
                continue
            for text in doc.text.variants():
                seq = self._term_sequences.get(text)
                if seq is None:  # statements recur: each text is read once
                    seq = self._term_sequences[text] = [
                        term(w) for w in words(text) if w not in STOPWORDS
                    ]
                if any(a == first and b == second for a, b in pairwise(seq)):
                    return True
        return False

    def _index_names(self) -> None:
        for p in self.projects:
            entries: list[tuple[str, str]] = []
            if p.acronym:
                entries.append(("acronym", p.acronym))
            entries += [("title", v) for t in (p.title, *p.other_titles) for v in t.variants()]
            entries += [("alias", v) for t in p.aliases for v in t.variants()]
            for kind_given, text in entries:
                # an alias that is one upper-case word is the acronym in another script (СИРЕАДА)
                kind = "acronym" if kind_given == "alias" and _is_acronym(text) else kind_given
                terms = self._name_terms_of(text)
                if not terms:
                    continue
                topical = (
                    kind == "alias" and len(terms) == 2 and self._phrase_elsewhere(p.id, terms)
                )
                name = Name(p.id, kind, terms, topical)
                if kind == "acronym":
                    self._acronym_words.update(words(text))
                number = len(self.names)
                self.names.append(name)
                self._name_terms.setdefault(p.id, set()).update(terms)
                for t in terms:  # each once (`_name_analysis`)
                    self._name_postings[t].append(number)
                    if kind == "acronym":
                        self._acronym_postings[t].append(number)
        # what name matching needs per term and per name, computed once: in how many projects'
        # names each term is, its weight, each name's total weight
        arrays = self._name_arrays = _NameArrays.build(
            self.names, self._name_postings, self._project_pos
        )
        self._name_df = arrays.project_counts()
        n_projects = max(1, len(self.projects))
        self._name_weight = {t: math.log(1 + n_projects / df) for t, df in self._name_df.items()}
        arrays.weigh(self._name_weight)
        self._name_total = arrays.total.tolist()

    # ----- questions ----------------------------------------------------------------------

    def correct(self, word: str) -> str:
        """The word itself when known (or too short to judge), else the nearest known word."""
        found = self._corrected.get(word)
        if found is None:
            if len(self._corrected) >= CORRECTIONS_KEPT:
                self._corrected.clear()
            found = self._corrected[word] = self._correct(word)
        return found

    def _correct(self, word: str) -> str:
        if (
            word in self.vocabulary
            or word in STOPWORDS
            or len(word) < MIN_CORRECTABLE
            or word.isdigit()
        ):
            return word
        if _known_elsewhere(word) or dictionary_word(word):
            return word
        n = len(word)
        script = is_cyrillic(word)
        candidates = [
            w for k in range(n - 2, n + 3) for w in self._vocab_by_len.get((k, script), ())
        ]
        # Russian words change their endings a lot: a near word is more often another form
        # or another word ("погода" / "года") than a typo, so the bar is higher
        cutoff = CORRECTION_CUTOFF_CYRILLIC if script else CORRECTION_CUTOFF
        if n < 5:  # a short word has many near neighbours: one letter off, at most
            candidates = [w for w in candidates if abs(len(w) - n) <= 1]
            cutoff = max(cutoff, SHORT_WORD_CUTOFF)
        elif n >= LONG_WORD and not script:
            cutoff = LONG_WORD_CUTOFF
        best = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is None and n >= ACRONYM_MIN_LENGTH:
            # (its first letter kept: "theborder" is no "chebordec")
            acronyms = [w for w in candidates if w in self._acronym_words and w[0] == word[0]]
            best = process.extractOne(
                word, acronyms, scorer=fuzz.ratio, score_cutoff=ACRONYM_CUTOFF
            )
        if best is None and script:
            # Russian spelt by ear: an unstressed vowel or a doubled letter wrong ("праект",
            # "расгранецей", "каккой"); taken only when one known word sounds the same
            heard = _by_ear(word)
            same = {w for w in (*candidates, *_RUSSIAN_FUNCTION_WORDS) if _by_ear(w) == heard}
            if len(same) == 1:
                return same.pop()
            # a town named where the page has its adjective: "Псков" / "Псковский центр"
            adjectives = sorted(
                w
                for k in range(n + 2, n + 8)
                for w in self._vocab_by_len.get((k, script), ())
                if w.startswith(stem(word) + "ск")
            )
            if adjectives:
                return min(adjectives, key=len)
        if best is None and n < 5:
            # "meny", "wen": one letter off a word that shapes the question, same first letter
            near = [
                w
                for w in _QUESTION_WORDS
                if len(w) == n and w[0] == word[0] and Levenshtein.distance(w, word) == 1
            ]
            if len(near) == 1:
                return near[0]
        if best and best[0].endswith(word):
            return word  # "интеграции" is not a typo of "реинтеграции": another word, a prefix on
        if (
            best
            and any(lex.matches(best[0]) for lex in NO_INFO.values())
            and Levenshtein.distance(word, best[0]) > 1
        ):
            # a guess must not make the bot refuse ("complies" is not "companies"); one letter
            # off is a typo all the same ("budjet")
            return word
        if (
            best
            and best[0] in STOPWORDS
            and best[0] not in _QUESTION_WORDS
            and not (script and _by_ear(best[0]) == _by_ear(word))
        ):
            return word  # a word is no typo of a function word ("short" / "sort", "cold" / "could")
        return best[0] if best else word

    def tokens(self, text: str) -> list[Token]:
        out: list[Token] = []
        ws = _compounds(words(unmix(text)))
        russian = self._transliterated(ws)
        for w in ws:
            fixed = russian.get(w) or SHORTHAND.get(w) or self.correct(w)
            parts = self._glued(w) if fixed == w else None
            for surface, word in parts or [(w, fixed)]:
                out.append(Token(len(out), surface, word, term(word), word in STOPWORDS))
        return out

    def _transliterated(self, ws: list[str]) -> dict[str, str]:
        """Russian typed in Latin letters ("skolko dlilsya proekt SIREADA"): each word the
        bot cannot read in English whose Cyrillic form it knows, when there are at least two
        (one such word in an English question is more likely a typo)."""
        found: dict[str, str] = {}
        corrected: dict[str, str] = {}  # words the English corrector would change ("stran")
        for w in ws:
            if not w.isascii() or w in SHORTHAND or not self._unknown(w):
                continue
            read = self.correct(to_cyrillic(w))
            if (
                read in self.vocabulary
                or read in STOPWORDS
                or _known_elsewhere(read)
                or dictionary_word(read)
                or find_country(read) is not None  # "Finlyandiya": "Финляндия"
            ):
                (found if self.correct(w) == w else corrected)[w] = read
        if len(found) < TRANSLIT_MIN:
            return {}
        return found | corrected  # a Russian question: "stran" is "стран", not "strange"

    def _unknown(self, word: str) -> bool:
        """Whether a word of letters is no word the bot knows: not of the knowledge base, no
        function word or cue word, no common English or Russian word."""
        return (
            word.isalpha()
            and word not in self.vocabulary
            and word not in STOPWORDS
            and not _known_elsewhere(word)
            and not dictionary_word(word)
        )

    def _glued(self, word: str) -> list[tuple[str, str]] | None:
        """Two known words written as one ("studytours", "borderproject"), when the word
        itself is unknown; None otherwise."""
        if len(word) < GLUED_MIN or not self._unknown(word):  # "without" is no "with out"
            return None
        parts = self._split_known(word, GLUED_PARTS)
        return [(part, part) for part in parts] if parts else None

    def _split_known(self, word: str, most: int) -> list[str] | None:
        """`word` as up to `most` known words of three letters or more, written together
        ("bordercheckpointsproject", "whenstarted"); None if it is not."""
        for cut in range(3, len(word) - 2):
            first, rest = word[:cut], word[cut:]
            if first not in self.vocabulary and first not in _QUESTION_WORDS:
                continue
            if rest in self.vocabulary or dictionary_word(rest):
                return [first, rest]
            more = self._split_known(rest, most - 1) if most > 2 else None
            if more:
                return [first, *more]
        return None

    def mentions(self, tokens: Sequence[Token]) -> list[Mention]:
        """Organisations, countries and glossary terms named in the question."""
        # country names by their exact stems first ("Австрию" is Austria, not Australia, though
        # both begin "австр"), then everything by the shorter keys that absorb Russian endings
        exact = [
            m
            for m in self._exact_countries.scan([stem(t.word) for t in tokens])
            if self._country_word(m, tokens)
        ]
        claimed = {p for m in exact for p in m.positions}
        keys = ["\0" if t.position in claimed else t.word for t in tokens]
        found = exact + [m for m in self._phrases.scan_words(keys) if self._country_word(m, tokens)]
        if claimed:  # ... unless the country word is part of an organisation's name
            orgs = [  # "the Russian Foreign Ministry"
                m
                for m in self._phrases.scan_words([t.word for t in tokens])
                if m.kind == "org" and len(m.positions) > 1 and claimed & set(m.positions)
            ]
            inside = {p for m in orgs for p in m.positions}
            # (in the question's order: "FMS of Russia … whats FMS" spells out the FMS first)
            found = sorted(
                [m for m in found if not inside & set(m.positions)] + orgs,
                key=lambda m: min(m.positions),
            )
        taken = {p for m in found for p in m.positions}
        for t in tokens:  # adjectives ("Russian", "German") name countries too
            if t.position in taken or t.stop:
                continue
            country = find_adjective(t.word)
            if country:
                found.append(Mention("country", country.code, (t.position,)))
                taken.add(t.position)
        for t in tokens:
            head = self._org_heads.get(phrase_key(t.word)) if t.position not in taken else None
            if head is not None and not t.stop and self._only_in_org_name(*head):
                found.append(Mention("org", head[0], (t.position,)))
        return self._of_the_country_named(found, tokens)

    def _of_the_country_named(self, found: list[Mention], tokens: Sequence[Token]) -> list[Mention]:
        """Organisations of several countries named by the same words ("Ministry of Internal
        Affairs": Moldova's and Ukraine's) narrowed to the country named right beside them
        ("the Russian Ministry of Internal Affairs", "… of Moldova"): none when neither is of
        that country (the question names a body the knowledge base does not have)."""
        groups: dict[tuple[int, ...], list[Mention]] = {}
        for m in found:
            if m.kind == "org":
                groups.setdefault(m.positions, []).append(m)
        dropped: set[int] = set()
        absent: list[Mention] = []
        words = {t.position: t.word for t in tokens}
        for positions, group in groups.items():
            if len(group) < 2:
                continue
            # right before it, right after it, or after "of" ("… of Moldova"; not "… its
            # Russian counterpart")
            beside = {min(positions) - 1, max(positions) + 1}
            if words.get(max(positions) + 1) in ("of", "из"):
                beside.add(max(positions) + 2)
            codes = {m.key for m in found if m.kind == "country" and set(m.positions) & beside}
            countries = {c.name for code in codes if (c := self._countries.get(code))}
            if not countries:
                continue
            wrong = {
                id(m)
                for m in group
                if (org := self.kb.org(m.key)) is None or org.country not in countries
            }
            dropped |= wrong
            if len(wrong) == len(group):  # "the Russian Ministry of Internal Affairs": no such
                country_at = {p for m in found if m.key in codes for p in m.positions}
                at = sorted({*positions, *(country_at & beside)})
                absent.append(Mention(ABSENT_ORG, group[0].key, tuple(at)))
        if not dropped:
            return found
        return [m for m in found if id(m) not in dropped] + absent

    def _country_word(self, m: Mention, tokens: Sequence[Token]) -> bool:
        """Whether a country found by one Russian word of a short stem is that country, not a
        word that shares its stem ("данными", data, is no "Дания"): the word must keep all
        but the last letter of one of the country's names; and no function word ("того" is
        no "Того")."""
        if m.kind != "country" or len(m.positions) != 1:
            return True
        if tokens[m.positions[0]].stop:
            return False
        word = tokens[m.positions[0]].word
        country = self._countries.get(m.key)
        if country is None or not is_cyrillic(word) or len(stem(word)) > SHORT_COUNTRY_STEM:
            return True
        forms = [w for name in (*country.names, *country.adjectives) for w in words(name)]
        return any(word.startswith(form[:-1]) for form in forms if is_cyrillic(form))

    def _only_in_org_name(self, org_id: str, head_term: str) -> bool:
        """Whether the statements use the first word of the organisation's name only within its
        name ("Chernihiv" in "the Chernihiv Public Committee"), so that it names it alone."""
        found = self._head_checks.get(head_term)
        if found is None:
            uses = self.postings(head_term)
            named = self.postings(ORG_PREFIX + org_id)
            found = self._head_checks[head_term] = bool(
                len(np.setdiff1d(uses, named, assume_unique=True)) == 0
            )
        return found

    def country(self, code: str) -> Country | None:
        return self._countries.get(code)

    def idf(self, t: str) -> float:
        return self._idf.get(t, self.unknown_idf)

    def known(self, t: str) -> bool:
        return t in self._idf

    def name_hits(
        self,
        tokens: Sequence[Token],
        within: Collection[str] | None = None,
        floor: float = NAME_HINT_FLOOR,
    ) -> dict[str, NameHit]:
        """How strongly each project is named in the question (0-1), and by which words.

        An acronym, or every word of an alias or title, names a project outright. A partial title
        counts when a run of its words appears in order and the run is long or distinctive
        enough: "EU readmission agreements" alone is everyday vocabulary of several projects.
        Names weaker than `floor` are left out (at 10,000 projects, thousands of titles share
        one common word with a question); `within` limits the hits to some projects.
        """
        content = [t for t in tokens if not t.stop and t.term not in _NAME_GENERIC]
        terms = [t.term for t in content]
        first_position: dict[str, int] = {}
        for t in content:
            first_position.setdefault(t.term, t.position)
        candidates = self._name_candidates(list(first_position), floor)
        if within is not None:
            names = self.names
            candidates = [i for i in candidates if names[i].project in within]
        if not candidates:
            return {}
        # names read only off organisations' or countries' names ("Rosgranitsa", "Russia,
        # Moldova and Ukraine") are hints, not names: those words are filters first
        org_positions = {
            p for m in self.mentions(tokens) if m.kind in ("org", "country") for p in m.positions
        }
        name_df = self._name_df
        # what depends on the question only, computed once (the loop below runs for thousands
        # of names at 10,000 projects): digit terms, terms unique to one project's names, and
        # for each question word whether it is such a term
        digits = {t for t in first_position if t.isdigit()}
        unique_terms = {t for t in first_position if name_df.get(t, 0) == 1}
        unique_at = [1 if name_df.get(t, 0) == 1 else 0 for t in terms]
        # Everything about a name but its total weight depends only on its *shape*: its terms
        # with the ones the question lacks blanked out. Names that differ only in unmatched
        # words ("... the Armenia / Georgia Border Checkpoints") share one, worked out once.
        blank = {t: t for t in first_position}.get
        shapes: dict[tuple[str | None, ...], _Shape | None] = {}

        def shape_of(name: Name) -> _Shape | None:
            shape = tuple(map(blank, name.terms))
            if shape in shapes:
                return shapes[shape]
            info = shapes[shape] = _shape(
                shape,
                terms,
                content,
                digits,
                unique_terms,
                unique_at,
                self._name_weight,
                first_position.__getitem__,
            )
            return info

        scorer = _NameScorer(tokens, org_positions, floor)
        if len(candidates) > NAME_LOOP_LIMIT:
            scorer.bulk(self._name_arrays, candidates, self.names, first_position, shape_of)
        else:
            for i in candidates:
                name = self.names[i]
                info = shape_of(name)
                if info is not None:  # years alone ("in 2009 but not 2011") never name one
                    scorer.add(name, info, info[0] / self._name_total[i])
        return scorer.hits()

    def _name_candidates(self, terms: Sequence[str], floor: float) -> list[int]:
        """The names worth scoring for a question's terms, in index order.

        Every name that shares a term, while that is at most `NAME_CANDIDATES` names. Beyond
        that (thousands of titles say "readmission" or "border"), a name sharing a single term
        is scored only when that term is rare enough to fit the budget (rarest first) or the name
        is an acronym: a name that shares one common word and nothing else can only be a weak
        hint (at most 0.3), never a project named. Names sharing two or more of the question's
        terms are always scored; they are counted in C (numpy), not in a Python loop. Of more
        than `NAME_LOOP_LIMIT` names, those sure to score under `floor` are left out
        (`_under_floor`).
        """
        arrays = self._name_arrays
        held = [(t, p) for t in terms if len(p := arrays.postings(t))]
        postings = [p for _t, p in held]
        size = sum(len(p) for p in postings)
        if size <= NAME_LOOP_LIMIT:
            return sorted({i for p in postings for i in p.tolist()})
        every = np.concatenate(postings)
        # each posting's term weight, and the terms of one project's names only
        weights = np.repeat([self._name_weight[t] for t, _p in held], [len(p) for p in postings])
        distinct = [p for t, p in held if self._name_df[t] == 1]
        if size <= NAME_CANDIDATES:
            found, where, counts = np.unique(every, return_inverse=True, return_counts=True)
            if floor > 0:
                matched = np.bincount(where, weights=weights)
                found = found[~self._under_floor(found, counts, matched, distinct, floor)]
            return list(found.tolist())
        counts = np.bincount(every, minlength=len(self.names))
        chosen = counts >= 2
        size = int(np.count_nonzero(chosen))
        budget = size + NAME_CANDIDATES
        for p in sorted(postings, key=len):
            if size + len(p) > budget:
                break
            chosen[p] = True
            size = int(np.count_nonzero(chosen))
        for t in terms:
            chosen[self._acronym_postings.get(t, [])] = True
            chosen[self._lightest_names(t)] = True
        found = np.flatnonzero(chosen)
        if floor > 0:
            matched = np.bincount(every, weights=weights, minlength=len(self.names))[found]
            found = found[~self._under_floor(found, counts[found], matched, distinct, floor)]
        return list(found.tolist())

    def _under_floor(
        self,
        found: np.ndarray[Any, Any],
        counts: np.ndarray[Any, Any],
        matched: np.ndarray[Any, Any],
        distinct: Sequence[np.ndarray[Any, np.dtype[np.int32]]],
        floor: float,
    ) -> np.ndarray[Any, np.dtype[np.bool_]]:
        """Which of the names `found` (ascending) are sure to score under `floor`: a weak name
        under the floor changes no hit. `counts` and `matched` are, for each, how many of the
        question's terms it holds and their weight; `distinct` are the names holding a term of
        one project's names only.

        A name that holds at most two of the question's terms, none of them a word of one
        project's names only, can score only `WEAK_NAME_SHARE` times its coverage (see
        `_NameScorer.strength`: no run of three, no distinctive word, not named in full unless
        its coverage is 1; a name holds each term once, see `_name_analysis`). Acronyms are
        always scored.
        """
        arrays = self._name_arrays
        coverage = matched / arrays.total[found]
        under: np.ndarray[Any, np.dtype[np.bool_]] = (
            (counts <= 2)
            & (WEAK_NAME_SHARE * coverage < floor - FLOOR_MARGIN)
            & (coverage < IN_FULL - FLOOR_MARGIN)
            & ~arrays.acronym[found]
        )
        for p in distinct:  # a handful of names each
            at = np.minimum(np.searchsorted(found, p), len(found) - 1)
            under[at[found[at] == p]] = False
        return under

    def _lightest_names(self, t: str) -> list[int]:
        """The names that one term covers the most of (the lightest names holding it): the
        strongest hints a single common word can give, kept for the weak-name decisions."""
        found = self._light.get(t)
        if found is None:
            ids = self._name_postings.get(t, [])
            found = self._light[t] = sorted(ids, key=lambda i: (self._name_total[i], i))[
                :LIGHT_NAMES
            ]
        return found

    def glossary_entry(self, key: str) -> Term | None:
        return next((e for e in self.kb.glossary if e.term == key), None)

    def single_project_term(self, t: str) -> bool:
        """Whether exactly one project's statements use the term."""
        projects: set[str] = set()
        for doc_id in self.postings(t).tolist():
            projects.add(self.docs[doc_id].project)
            if len(projects) > 1:
                return False
        return len(projects) == 1

    def name_countries(self, project_id: str) -> frozenset[str]:
        """The countries a project's own names mention ("... of the Government of Ukraine"),
        worked out on first use."""
        found = self._name_countries.get(project_id)
        if found is None:
            p = self.kb.by_id[project_id]
            names: set[str] = set()
            for text in (p.title, *p.other_titles, *p.aliases):
                for variant in text.variants():
                    tokens = [
                        Token(i, w, w, term(w), w in STOPWORDS)
                        for i, w in enumerate(words(variant))
                    ]
                    for m in self.mentions(tokens):
                        country = self._countries.get(m.key) if m.kind == "country" else None
                        if country is not None:
                            names.add(country.name)
            found = self._name_countries[project_id] = frozenset(names)
        return found

    @cached_property
    def _forms_per_term(self) -> dict[str, int]:
        """How many different English words of the projects' names share each term; worked
        out on first use."""
        return Counter(term(w) for w in self._name_vocabulary if not is_cyrillic(w))

    def has_other_forms(self, t: str) -> bool:
        """Whether the projects' names use several words of this term ("Agreement" and
        "Agreements"): only then can the words as written tell names apart."""
        return self._forms_per_term.get(t, 0) > 1

    def name_words(self, project_id: str) -> str:
        """The words of all of a project's names (acronym, titles, aliases) as written (cleaned),
        each with a space either side (" support to the ... agreements "), for checking which
        words they hold exactly; worked out on first use."""
        found = self._written_names.get(project_id)
        if found is None:
            names = " ".join(_names_of(self.kb.by_id[project_id]))
            found = self._written_names[project_id] = f" {' '.join(words(names))} "
        return found

    def projects_named_with(self, terms: Iterable[str]) -> set[str]:
        """The projects whose names, taken together, hold every one of the terms."""
        found: set[str] | None = None
        names = self.names
        for t in dict.fromkeys(terms):
            here = {names[i].project for i in self._name_postings.get(t, ())}
            found = here if found is None else found & here
            if not found:
                return set()
        return found or set()

    def name_has(self, project_id: str, t: str) -> bool:
        """Whether any name of the project holds the term."""
        return t in self._name_terms.get(project_id, ())

    @cached_property
    def newest_first(self) -> tuple[Project, ...]:
        """The projects, most recent first (by start, then end), as the source page lists
        them; worked out once, when a list of every project is first asked for."""
        starts, ends = self.periods
        order = np.lexsort((-ends, -starts))  # the last key sorts first
        return tuple(self.projects[i] for i in order.tolist())

    @cached_property
    def dated_docs(self) -> tuple[Doc, ...]:
        """Every statement with a date (the events), in knowledge-base order; worked out the
        first time a question asks what happened when."""
        return tuple(d for d in self.docs if d.date is not None)

    def docs_of(self, project_id: str, field_name: str) -> list[Doc]:
        """A project's statements of one field."""
        return self._docs_by_project.get((project_id, field_name), [])

    def matched(self, doc: Doc, query_terms: Iterable[str]) -> list[str]:
        """The query terms a statement contains."""
        return [t for t in dict.fromkeys(query_terms) if t in doc.terms]

    def score_docs(
        self,
        query_terms: Sequence[str],
        projects: Iterable[str] | None = None,
        min_score: float = 0.0,
        limit: int | None = None,
    ) -> Ranked:
        """Statements that share terms with the query, best first, scored by how much of the
        query's weight they cover (0-1); only those scoring at least `min_score`.

        With a `min_score`, the query's most common terms that together weigh less than it
        cannot make a statement reach it alone: only statements holding one of the rarer terms
        can be in the result (the idea of MaxScore), and statements of `projects` are looked up
        by project when there are few of them. A statement's score depends only on which of
        the query's terms it holds, so statements are ranked by that signature, counted in C
        (see `Ranked`); pairs are made only as far as they are read, and `Ranked.of_project`
        gives one project's statements without ranking the others. The scores and their order
        are exactly those of scoring every statement.
        """
        unique = list(dict.fromkeys(t for t in query_terms if t not in GENERIC))
        if not unique:
            return Ranked.empty()
        idf = self.idf
        weights = [idf(t) for t in unique]
        allowed = set(projects) if projects is not None else None
        return Ranked(self, tuple(zip(unique, weights, strict=True)), allowed, min_score, limit)

    def rank_projects(self, text: str, limit: int = 50) -> list[tuple[str, float]]:
        """Projects for a short search query (inline mode): names first, then statements."""
        tokens = self.tokens(text)
        if not any(not t.stop for t in tokens):
            return [(p.id, 0.0) for p in self.projects[:limit]]
        scores: dict[str, float] = {}
        for pid, hit in self.name_hits(tokens).items():
            scores[pid] = 100 * hit.strength
        terms = [t.term for t in tokens if not t.stop]
        for m in self.mentions(tokens):
            if m.kind in ("org", "country"):
                terms.append((ORG_PREFIX if m.kind == "org" else COUNTRY_PREFIX) + m.key)
        for doc, s in self.score_docs(terms, min_score=0.5)[:200]:
            scores[doc.project] = max(scores.get(doc.project, 0.0), 60 * s)
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        return [(pid, round(s, 1)) for pid, s in ranked if s >= 30][:limit]

    def org(self, org_id: str) -> Organisation | None:
        return self.kb.orgs_by_id.get(org_id)

    @cached_property
    def places(self) -> frozenset[str]:
        """Every country some project, statement, funder or partner mentions."""
        known: set[str] = set()
        for p in self.projects:
            known.update(p.countries)
            for s in (*p.activities, *p.results, *p.background):
                known.update(s.places)
            for o in (*p.funders, *(part.org for part in p.partners)):
                org = self.org(o)
                if org and org.country:
                    known.add(org.country)
        return frozenset(known)

    @cached_property
    def _org_projects(
        self,
    ) -> tuple[dict[str, list[str]], dict[str, set[str]], dict[str, set[str]]]:
        direct: dict[str, list[str]] = defaultdict(list)
        funded: dict[str, set[str]] = defaultdict(set)
        involved: dict[str, set[str]] = defaultdict(set)
        for p in self.projects:
            for o in dict.fromkeys((*p.funders, *(part.org for part in p.partners))):
                direct[o].append(p.id)
            for f in p.funders:
                for o in self.org_family(f):
                    funded[o].add(p.id)
            for o in (*(part.org for part in p.partners), *funded_keys(p, self)):
                involved[o].add(p.id)
            for s in (*p.activities, *p.results, *p.background):
                for o in s.orgs:
                    involved[o].add(p.id)
        return dict(direct), dict(funded), dict(involved)

    @cached_property
    def _country_projects(self) -> dict[str, dict[str, set[str]]]:
        """Country name → the projects tied to it, one map per kind of tie (`COUNTRY_TIES`)."""
        ties: dict[str, dict[str, set[str]]] = {kind: defaultdict(set) for kind in COUNTRY_TIES}
        for p in self.projects:
            for name in p.countries:
                ties[COUNTRY_IN][name].add(p.id)
            for part in p.partners:
                org = self.org(part.org)
                if org and org.country:
                    ties[COUNTRY_IN][org.country].add(p.id)
            for f in p.funders:
                org = self.org(f)
                if org and org.country:
                    ties[COUNTRY_FUNDER][org.country].add(p.id)
            for s in (*p.activities, *p.results):
                if s.kind in DESTINATION_KINDS:
                    for name in s.places:
                        ties[COUNTRY_VISITED][name].add(p.id)
            if len(set(p.countries)) == 1:
                ties[COUNTRY_ONLY][p.countries[0]].add(p.id)
        return {kind: dict(by_name) for kind, by_name in ties.items()}

    @cached_property
    def periods(
        self,
    ) -> tuple[np.ndarray[Any, np.dtype[np.int32]], np.ndarray[Any, np.dtype[np.int32]]]:
        """The first and last month (`Month.index`) of every project, in knowledge-base order:
        time filters test every project at once."""
        starts = [p.period.start.index for p in self.projects]
        ends = [p.period.end.index for p in self.projects]
        return np.array(starts, dtype=np.int32), np.array(ends, dtype=np.int32)

    def projects_where(self, mask: np.ndarray[Any, np.dtype[np.bool_]]) -> list[Project]:
        """The projects a mask over `projects` selects, in knowledge-base order."""
        projects = self.projects
        return [projects[i] for i in np.flatnonzero(mask).tolist()]

    def projects_tied_to(self, country_name: str, tie: str) -> set[str]:
        """Projects tied to a country in one way (`COUNTRY_TIES`): implemented in it or with a
        partner from it, funded from it, visited by a study tour, or implemented only there."""
        return self._country_projects[tie].get(country_name, set())

    def measure(
        self, name: str, of: Callable[[Project], int]
    ) -> np.ndarray[Any, np.dtype[np.int64]]:
        """A number per project (its partners, its months ...) in knowledge-base order, worked
        out once per name: "which project had the most partners" compares every project."""
        found = self._measures.get(name)
        if found is None:
            found = self._measures[name] = np.array([of(p) for p in self.projects], np.int64)
        return found

    def projects_naming(self, org_id: str, field_name: str) -> set[str]:
        """Projects whose statements of one field name the organisation."""
        docs = self.docs
        return {
            docs[i].project
            for i in self.postings(ORG_PREFIX + org_id).tolist()
            if docs[i].field == field_name
        }

    def projects_with_role(self, role: Role) -> frozenset[str]:
        """Projects in which some organisation had the role (an NGO partner ...)."""
        return self._role_projects.get(role, frozenset())

    @cached_property
    def _role_projects(self) -> dict[Role, frozenset[str]]:
        found: dict[Role, set[str]] = defaultdict(set)
        for p in self.projects:
            for part in p.partners:
                for role in part.roles:
                    found[role].add(p.id)
        return {role: frozenset(ids) for role, ids in found.items()}

    def projects_with_org(self, org_id: str) -> list[str]:
        """Projects the organisation funded or was a partner of, in knowledge base order."""
        return self._org_projects[0].get(org_id, [])

    def projects_funded_by(self, org_id: str) -> set[str]:
        """Projects funded by the organisation or by a body that is part of it (the EC: the EU)."""
        return self._org_projects[1].get(org_id, set())

    def projects_involving(self, org_id: str) -> set[str]:
        """Projects the organisation funded (itself or through a part), partnered or is named in
        an activity, result or background statement of."""
        return self._org_projects[2].get(org_id, set())

    def org_family(self, org_id: str) -> frozenset[str]:
        """An organisation and every larger body it is part of (the EC → the EU)."""
        family = self._families.get(org_id)
        if family is None:
            found: set[str] = set()
            current: str | None = org_id
            while current is not None and current not in found:
                found.add(current)
                org = self.org(current)
                current = org.part_of if org else None
            family = self._families[org_id] = frozenset(found)
        return family


class Ranked(Sequence[tuple[Doc, float]]):
    """The result of `Index.score_docs`: (statement, score) pairs, best first (ties by id).

    Made lazily, when first read. A statement's score is the summed weight of the query terms
    it holds, divided by the query's total weight. The sums are made in C (numpy): each term's
    weight is added to the statements of its postings, in the query's order, so every score is
    the same float as adding the weights one by one in Python. Only statements holding one of
    the query's rarer terms are read back (MaxScore: the common terms whose summed weight stays
    below `min_score` cannot reach it alone), ordered by score then id, and turned into pairs
    only as far as the caller reads. The statements of a few projects are scored one by one.
    """

    __slots__ = (
        "_allowed",
        "_ids",
        "_index",
        "_limit",
        "_min",
        "_pairs",
        "_ready",
        "_scores",
        "_total",
    )

    def __init__(
        self,
        index: Index | None,
        pairs: tuple[tuple[str, float], ...],
        allowed: set[str] | None,
        min_score: float,
        limit: int | None,
    ) -> None:
        self._index = index
        self._pairs = pairs
        self._allowed = allowed
        self._min = min_score
        self._limit = limit
        self._total = sum(w for _t, w in pairs)
        self._ready = index is None
        # statement ids, best first, and their scores: arrays, made into Python values only
        # as far as they are read (a common word can bring tens of thousands)
        self._ids: np.ndarray[Any, np.dtype[np.int64]] = _NO_IDS
        self._scores: np.ndarray[Any, np.dtype[np.float64]] = _NO_SCORES

    @classmethod
    def empty(cls) -> Ranked:
        return cls(None, (), None, 0.0, None)

    # --- the Sequence protocol -----------------------------------------------------------

    def __len__(self) -> int:
        self._rank()
        return len(self._ids)

    def __iter__(self) -> Iterator[tuple[Doc, float]]:
        self._rank()
        if self._index is None:
            return iter(())
        docs = self._index.docs
        return self._pairs_from(docs)

    def _pairs_from(self, docs: list[Doc]) -> Iterator[tuple[Doc, float]]:
        for start in range(0, len(self._ids), _READ_BLOCK):
            ids = self._ids[start : start + _READ_BLOCK].tolist()
            scores = self._scores[start : start + _READ_BLOCK].tolist()
            for i, score in zip(ids, scores, strict=True):
                yield docs[i], score

    @overload
    def __getitem__(self, i: int) -> tuple[Doc, float]: ...
    @overload
    def __getitem__(self, i: slice) -> list[tuple[Doc, float]]: ...
    def __getitem__(self, i: int | slice) -> tuple[Doc, float] | list[tuple[Doc, float]]:
        self._rank()
        if isinstance(i, slice):
            ids, scores = self._ids[i].tolist(), self._scores[i].tolist()
            docs = self._index.docs if self._index is not None else []
            return [(docs[d], s) for d, s in zip(ids, scores, strict=True)]
        if self._index is None:
            raise IndexError(i)
        return (self._index.docs[int(self._ids[i])], float(self._scores[i]))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Ranked | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Ranked({list(self)!r})"

    # --- what callers need without ranking everything ------------------------------------

    def of_project(self, project_id: str) -> list[tuple[Doc, float]]:
        """The project's own statements of this result, best first: the same pairs as
        `[(d, s) for d, s in ranked if d.project == project_id]` (ignoring `limit`), scored
        from that project's few statements only."""
        index = self._index
        if index is None or (self._allowed is not None and project_id not in self._allowed):
            return []
        return self._scan(index._project_docs.get(project_id, ()), None)

    def near_ties(self, margin: float) -> list[str]:
        """The projects of the statements scoring within `margin` of the best one, in the
        order first read (the same as reading the pairs until one scores lower)."""
        self._rank()
        index = self._index
        if index is None or not len(self._scores):
            return []
        top = float(self._scores[0])
        # scores descend: the statements that fit are the first ones, up to the first lower
        within = bisect.bisect_right(self._scores, -(top - margin), key=float.__neg__)
        if within == 0:
            return []
        ids = self._ids[:within]
        _positions, first = np.unique(index._doc_project[ids], return_index=True)
        docs = index.docs
        return [docs[i].project for i in ids[np.sort(first)].tolist()]

    def best_per_project(self, avoid_field: str) -> tuple[list[int], list[float], list[int]]:
        """Each project's best statement of this result: its highest score, and among equals
        the first one not of `avoid_field` (a specific statement rather than the description),
        else the first. The same as reading the pairs in order and keeping each project's
        first (or first specific) one, worked out in numpy: the projects (positions in the
        knowledge base) in the order first read, so best first, their scores and statement ids.
        """
        self._rank()
        index = self._index
        if index is None or not len(self._ids):
            return [], [], []
        ids, scores = self._ids, self._scores
        project = index._doc_project[ids]
        avoided = index.docs_of_field(avoid_field)[ids]
        rank = np.arange(len(ids))
        # per project: top score, then a specific statement before the description, then rank
        order = np.lexsort((rank, avoided, -scores, project))
        first = order[np.concatenate(([True], project[order][1:] != project[order][:-1]))]
        # ... and the projects in the order of their first pair (the lowest rank of each)
        seen = np.lexsort((rank, project))
        leads = seen[np.concatenate(([True], project[seen][1:] != project[seen][:-1]))]
        first = first[np.argsort(leads, kind="stable")]  # both are ordered by project
        return project[first].tolist(), scores[first].tolist(), ids[first].tolist()

    # --- ranking --------------------------------------------------------------------------

    def _score(self, doc: Doc) -> tuple[Doc, float] | None:
        doc_terms = doc.terms
        s = 0.0
        for t, w in self._pairs:
            if t in doc_terms:
                s += w
        total = self._total
        return (doc, s / total) if s and s / total >= self._min else None

    def _rank(self) -> None:
        if self._ready:
            return
        self._ready = True
        index = self._index
        assert index is not None
        allowed, limit = self._allowed, self._limit
        if allowed is not None and len(allowed) <= SMALL_PROJECT_SET:
            ids = chain.from_iterable(index._project_docs.get(pid, ()) for pid in allowed)
            found = self._scan(ids, limit)
            self._ids = np.array([d.id for d, _s in found], dtype=np.int64)
            self._scores = np.array([s for _d, s in found], dtype=np.float64)
            return
        pairs, total = self._pairs, self._total
        # the common terms whose summed weight stays below the bar are not needed to find
        # the statements above it; they still count in the scores
        bar = self._min * total * (1 - 1e-9)
        skipped, needed = 0.0, []
        for t, w in sorted(pairs, key=lambda tw: tw[1]):
            if skipped + w < bar:
                skipped += w
            else:
                needed.append(index.postings(t))
        if not needed:
            return
        candidates: np.ndarray[Any, np.dtype[np.signedinteger[Any]]]
        if len(needed) == 1:
            candidates = needed[0]
        elif sum(map(len, needed)) * DENSE_SHARE < len(index.docs):
            candidates = np.unique(np.concatenate(needed))
        else:  # long postings: marking every statement is cheaper than sorting them
            marked = np.zeros(len(index.docs), dtype=np.bool_)
            for posting in needed:
                marked[posting] = True
            candidates = np.flatnonzero(marked)
        if allowed is not None:
            candidates = candidates[index.project_mask(allowed)[index._doc_project[candidates]]]
        if not len(candidates):
            return
        sums = np.zeros(len(index.docs))
        for t, w in pairs:  # in the query's order, as `_score` adds them
            sums[index.postings(t)] += w
        scores = sums[candidates] / total
        above = (scores >= self._min) & (scores > 0)
        candidates, scores = candidates[above], scores[above]
        order = np.lexsort((candidates, -scores))  # by score, then by id
        if limit is not None:
            order = order[:limit]
        self._ids = candidates[order].astype(np.int64)
        self._scores = scores[order]

    def _scan(self, ids: Iterable[int], limit: int | None) -> list[tuple[Doc, float]]:
        """Score statements one by one."""
        docs, allowed, score = self._index.docs, self._allowed, self._score  # type: ignore[union-attr]
        ranked = []
        for doc_id in ids:
            doc = docs[doc_id]
            if allowed is not None and doc.project not in allowed:
                continue
            pair = score(doc)
            if pair is not None:
                ranked.append(pair)
        if limit is not None and limit < len(ranked):
            return heapq.nsmallest(limit, ranked, key=_rank_key)  # the same as sorting, cut
        ranked.sort(key=_rank_key)
        return ranked


class _NameArrays:
    """The names as arrays, for scoring thousands of them at once: each name's terms (as term
    numbers, all names in one array), total weight, whether it is an acronym, its project's
    position; and the names holding each term."""

    __slots__ = (
        "acronym",
        "flat",
        "offsets",
        "position",
        "posting_ids",
        "posting_spans",
        "project",
        "term_ids",
        "total",
    )

    def __init__(self) -> None:
        self.term_ids: dict[str, int] = {}
        self.flat = np.zeros(0, dtype=np.int32)
        self.offsets = np.zeros(1, dtype=np.int64)
        self.total = np.zeros(0)
        self.acronym = np.zeros(0, dtype=np.bool_)
        self.project = np.zeros(0, dtype=np.int32)
        self.position: dict[str, int] = {}  # project id → its position in the knowledge base
        self.posting_ids = np.zeros(0, dtype=np.int32)
        self.posting_spans: dict[str, tuple[int, int]] = {}

    @classmethod
    def build(
        cls, names: Sequence[Name], postings: dict[str, list[int]], position: dict[str, int]
    ) -> _NameArrays:
        """The arrays of the names (in project order) and of their terms' postings; the total
        weights come later (`weigh`)."""
        arrays = cls()
        arrays.term_ids = {t: i for i, t in enumerate(postings)}
        ids = arrays.term_ids
        lengths = [len(n.terms) for n in names]
        arrays.flat = np.fromiter(
            (ids[t] for n in names for t in n.terms), dtype=np.int32, count=sum(lengths)
        )
        arrays.offsets = np.concatenate(([0], np.cumsum(lengths, dtype=np.int64)))
        arrays.acronym = np.array([n.kind == "acronym" for n in names], dtype=np.bool_)
        arrays.position = position  # the index's own map, shared
        arrays.project = np.array([position[n.project] for n in names], dtype=np.int32)
        start = 0
        for t, found in postings.items():
            arrays.posting_spans[t] = (start, start + len(found))
            start += len(found)
        arrays.posting_ids = np.fromiter(
            chain.from_iterable(postings.values()), dtype=np.int32, count=start
        )
        return arrays

    def project_counts(self) -> dict[str, int]:
        """For each term, how many projects' names hold it (names are in project order, so
        a term's names change project where its projects change)."""
        projects = self.project[self.posting_ids]
        changes = np.empty(len(projects), dtype=np.int32)
        if len(projects):
            changes[0] = 1
            np.not_equal(projects[1:], projects[:-1], out=changes[1:])
        starts = np.array([span[0] for span in self.posting_spans.values()], dtype=np.int64)
        counts = np.add.reduceat(changes, starts) if len(starts) else changes
        # a term's first name always counts, even when the term before it ends in its project
        counts += 1 - changes[starts]
        return dict(zip(self.posting_spans, counts.tolist(), strict=True))

    def weigh(self, weights: dict[str, float]) -> None:
        """Each name's total weight: the sum of its terms' weights."""
        by_id = np.array([weights[t] for t in self.term_ids], dtype=np.float64)
        name_of = np.repeat(np.arange(len(self.offsets) - 1), np.diff(self.offsets))
        sums = np.bincount(name_of, weights=by_id[self.flat], minlength=len(self.offsets) - 1)
        self.total = np.asarray(sums, dtype=np.float64)

    def postings(self, t: str) -> np.ndarray[Any, np.dtype[np.int32]]:
        """The names holding a term, ascending (a view: do not modify)."""
        start, end = self.posting_spans.get(t, (0, 0))
        return self.posting_ids[start:end]

    def shape_groups(
        self, candidates: np.ndarray[Any, np.dtype[np.int64]], question_terms: Iterable[str]
    ) -> tuple[np.ndarray[Any, np.dtype[np.intp]], np.ndarray[Any, np.dtype[np.intp]]]:
        """Candidates grouped by shape (their terms with those the question lacks blanked out;
        blanks after the last matched term do not change a shape's score): for each group the
        position of its first candidate, and for each candidate its group."""
        code = np.zeros(len(self.term_ids) + 1, dtype=np.int16)
        code_of = list(question_terms)
        for j, t in enumerate(code_of):
            tid = self.term_ids.get(t)
            if tid is not None:
                code[tid] = j + 1
        starts = self.offsets[candidates]
        lengths = self.offsets[candidates + 1] - starts
        before = np.cumsum(lengths) - lengths  # terms of the candidates before each one
        columns = np.arange(int(lengths.sum())) - np.repeat(before, lengths)
        values = code[self.flat[np.repeat(starts, lengths) + columns]]
        width = int(lengths.max())
        bits = len(code_of).bit_length()  # enough for the highest code
        if bits * width <= SHAPE_KEY_BITS:
            # each shape as one integer: its codes side by side, `bits` bits each (exact,
            # and several times faster to group than rows of bytes)
            packed = values.astype(np.int64) << (columns * bits)
            keys: np.ndarray[Any, Any] = np.add.reduceat(packed, before)
        else:  # a long name and a long question: rows of codes, compared as bytes
            table = np.zeros((len(candidates), width), dtype=np.int16)
            table[np.repeat(np.arange(len(candidates)), lengths), columns] = values
            keys = np.ascontiguousarray(table).view(np.dtype((np.void, width * 2))).ravel()
        _keys, first, group = np.unique(keys, return_index=True, return_inverse=True)
        return first, group.ravel()


class _NameScorer:
    """The strongest name of each project for one question (see `Index.name_hits`): names are
    added one by one (`add`), or thousands at once (`bulk`)."""

    def __init__(self, tokens: Sequence[Token], org_positions: set[int], floor: float) -> None:
        self.tokens = tokens
        self.org_positions = org_positions
        self.floor = floor
        self.ready: dict[str, NameHit] | None = None  # the hits, when `bulk` made them itself
        self.found: dict[str, tuple[float, frozenset[int], float]] = {}

    def strength(self, name: Name, info: _Shape, coverage: float) -> tuple[float, frozenset[int]]:
        """How strongly one name is named (0-1), and by the words at which positions."""
        tokens = self.tokens
        _weight, n_matched, distinctive, used, run, run_distinctive, run_used = info
        if name.kind == "acronym" or (
            coverage >= IN_FULL and (len(name.terms) >= 2 or distinctive)
        ):
            strength = 1.0 if name.kind == "acronym" else 0.95
            single = name.kind == "alias" and len(name.terms) == 1
            scattered = name.kind != "acronym" and (
                max(used, default=0) - min(used, default=0) > 2 * len(name.terms) + 1
            )  # "readmission ... migrants" far apart in a sentence is not a name
            if (
                (single and not _beside_project_word(tokens, used))
                or (name.topical and not _called_a_project(tokens, used))
                or scattered
            ):
                # "the border project" names a project; "border" alone, or "voluntary
                # return" (a phrase other projects use too), are topic words
                strength = ORG_AS_NAME
        elif run >= 4 or (run == 3 and run_distinctive >= 2):
            strength = min(0.95, 0.8 + 0.05 * (run - 3))
            used = run_used
        elif coverage >= 0.75 and n_matched >= 2 and distinctive:
            strength = 0.8
        elif run >= 2 and run_distinctive >= 1:
            strength = 0.7
            used = run_used
        elif distinctive and n_matched == 1 and _called_a_project(tokens, used):
            strength = 0.7  # "the reintegration project": a word of one project's names only
        else:
            strength = (0.6 if distinctive else WEAK_NAME_SHARE) * coverage
        if used and used <= self.org_positions and strength > ORG_AS_NAME:
            # "Rosgranitsa" names an organisation first; as a project name it is only a hint
            strength = ORG_AS_NAME
        return strength, used

    def add(self, name: Name, info: _Shape, coverage: float) -> None:
        strength, used = self.strength(name, info, coverage)
        self.merge(name.project, strength, used, coverage)

    def merge(self, project: str, strength: float, used: frozenset[int], coverage: float) -> None:
        """Keep the project's strongest name; the words of every strong name of the project
        count as naming it."""
        found = self.found
        old = found.get(project)
        if old is None or (strength, len(used)) > (old[0], len(old[1])):
            if old is not None and old[0] >= ORG_AS_NAME:
                used = used | old[1]
            found[project] = (strength, used, coverage)
        elif strength >= ORG_AS_NAME:
            found[project] = (old[0], old[1] | used, old[2])

    def bulk(
        self,
        arrays: _NameArrays,
        candidates: list[int],
        names: Sequence[Name],
        question_terms: Iterable[str],
        shape_of: Callable[[Name], _Shape | None],
    ) -> None:
        """`add` for every candidate, the same hits in the same order, with the weak names
        (below `ORG_AS_NAME`: most of thousands) scored in numpy by their shape's numbers.

        A weak name never changes a project that also has a strong one (a strong name beats
        it and does not take its words), so a weak name only counts as its project's best
        weak name: the highest (strength, number of words), the first of equals."""
        cand = np.asarray(candidates, dtype=np.int64)
        first, group = arrays.shape_groups(cand, question_terms)
        infos = [shape_of(names[candidates[i]]) for i in first.tolist()]
        # the shapes' numbers, as arrays by group; the words they use, as numbered sets
        word_sets: list[frozenset[int]] = []
        set_number: dict[frozenset[int], int] = {}

        def number(words: frozenset[int]) -> int:
            if words not in set_number:
                set_number[words] = len(word_sets)
                word_sets.append(words)
            return set_number[words]

        valid = np.array([info is not None for info in infos], dtype=np.bool_)
        rows = [info or (0.0, 0, False, frozenset(), 0, 0, frozenset()) for info in infos]
        weight = np.array([r[0] for r in rows])
        n_matched = np.array([r[1] for r in rows])
        distinctive = np.array([r[2] for r in rows], dtype=np.bool_)
        run = np.array([r[4] for r in rows])
        run_distinctive = np.array([r[5] for r in rows])
        used = np.array([number(r[3]) for r in rows])
        run_used = np.array([number(r[6]) for r in rows])
        by_run = (run >= 4) | ((run == 3) & (run_distinctive >= 2))
        run_strength = np.minimum(0.95, 0.8 + 0.05 * (run - 3))
        pair_run = (run >= 2) & (run_distinctive >= 1)
        # "the reintegration project": one word of one project's names, called a project
        called = np.array(
            [r[2] and r[1] == 1 and _called_a_project(self.tokens, r[3]) for r in rows],
            dtype=np.bool_,
        )
        org_only = np.array(
            [bool(w) and w <= self.org_positions for w in word_sets], dtype=np.bool_
        )
        sizes = np.array([len(w) for w in word_sets])

        # per candidate, the branches of `strength` for names that are not acronyms and not
        # named in full (those are `special`: scored by `add`)
        coverage = weight[group] / arrays.total[cand]
        special = arrays.acronym[cand] | (coverage >= IN_FULL)
        cover = (coverage >= 0.75) & (n_matched[group] >= 2) & distinctive[group]
        first_run = by_run[group]
        second_run = ~first_run & ~cover & pair_run[group]
        strength = np.where(
            first_run,
            run_strength[group],
            np.where(
                cover,
                0.8,
                np.where(pair_run[group], 0.7, np.where(distinctive[group], 0.6, WEAK_NAME_SHARE)),
            ),
        )
        strength = np.where(first_run | cover | pair_run[group], strength, strength * coverage)
        strength = np.where(called[group] & ~first_run & ~cover & ~pair_run[group], 0.7, strength)
        words = np.where(first_run | second_run, run_used[group], used[group])
        strength = np.where((strength > ORG_AS_NAME) & org_only[words], ORG_AS_NAME, strength)
        ok = valid[group]
        strong = ok & (special | (strength >= ORG_AS_NAME))
        project = arrays.project[cand]
        # A project whose strong names are all plain and read off the same words keeps the
        # first of its strongest (merging them one by one gives that too: the words do not
        # grow, so only a stronger name replaces the one kept); the others are merged one by one
        strong_at = np.flatnonzero(strong)
        owners, owner = np.unique(project[strong_at], return_inverse=True)
        lowest = np.full(len(owners), len(word_sets), dtype=np.int64)
        highest = np.full(len(owners), -1, dtype=np.int64)
        np.minimum.at(lowest, owner, words[strong_at])
        np.maximum.at(highest, owner, words[strong_at])
        has_special = np.zeros(len(owners), dtype=np.bool_)
        np.logical_or.at(has_special, owner, special[strong_at])
        simple = ~has_special & (lowest == highest)
        plain = strong_at[simple[owner]]
        ranked = plain[np.lexsort((plain, -strength[plain], project[plain]))]
        alone = np.zeros(len(cand), dtype=np.bool_)
        if len(ranked):
            firsts_of = np.concatenate(([True], project[ranked][1:] != project[ranked][:-1]))
            alone[ranked[firsts_of]] = True
        one_by_one = strong_at[~simple[owner]]
        # plain Python values for the loop (reading numpy scalars one by one is slow)
        each: Iterator[tuple[int, bool, float, float, int, int]] = zip(
            one_by_one.tolist(),
            special[one_by_one].tolist(),
            strength[one_by_one].tolist(),
            coverage[one_by_one].tolist(),
            words[one_by_one].tolist(),
            group[one_by_one].tolist(),
            strict=True,
        )
        merge = self.merge
        for i, by_add, s, c, w, g in each:
            name = names[candidates[i]]
            if by_add:
                info = infos[g]
                assert info is not None
                self.add(name, info, c)
            else:
                merge(name.project, s, word_sets[w], c)
        # the best weak name of each project that has no strong one
        weak = np.flatnonzero(
            ok & ~strong & (strength >= self.floor) & ~np.isin(project, project[strong])
        )
        if len(weak):
            order = weak[np.lexsort((weak, -sizes[words[weak]], -strength[weak], project[weak]))]
            weak = order[np.concatenate(([True], project[order][1:] != project[order][:-1]))]
        taken = np.concatenate((np.flatnonzero(alone), weak))
        if not len(taken):
            return
        # every project once, in the order `add` would have met them (names are in project
        # order): those merged above, and those taken from the arrays
        merged = self.found
        position = arrays.position
        everyone = np.concatenate(
            (project[taken], np.array([position[pid] for pid in merged], dtype=np.int32))
        )
        picks = np.concatenate((taken, np.full(len(merged), -1)))
        order = picks[np.argsort(everyone, kind="stable")]
        # the hits themselves, made here from plain values (thousands at 50,000 projects)
        kept = order[(order < 0) | (strength[order] >= self.floor)]
        strengths = strength[kept].tolist()
        coverages = np.round(coverage[kept], 6).tolist()
        sets = words[kept].tolist()
        firsts = [min(w, default=0) for w in word_sets]
        ready: dict[str, NameHit] = {}
        merged_ids = iter(merged)
        for n, i in enumerate(kept.tolist()):
            if i < 0:
                pid = next(merged_ids)
                s, named_by, c = merged[pid]
                if s >= self.floor:
                    ready[pid] = NameHit(pid, s, named_by, round(c, 6), min(named_by, default=0))
            else:
                pid = names[candidates[i]].project
                w = sets[n]
                ready[pid] = NameHit(pid, strengths[n], word_sets[w], coverages[n], firsts[w])
        self.ready = ready

    def hits(self) -> dict[str, NameHit]:
        """The hits at or above the floor, in the order the projects were met."""
        if self.ready is not None:
            return self.ready
        return {
            pid: NameHit(pid, s, used, round(c, 6), min(used, default=0))
            for pid, (s, used, c) in self.found.items()
            if s >= self.floor
        }


def _term_set(terms: tuple[str, ...]) -> frozenset[str]:
    """The terms of a text as a set, built by adding them in the order they were found: the
    set (and so the order in which it is read: postings, the weights' sums) is then the same
    whether the text was analysed here or in a helper process."""
    return frozenset(set(terms))


def _name_analysis(text: str) -> tuple[tuple[str, ...], list[str]]:
    """The index terms of a project's name, in order, and its words (see `Index._analysis`)."""
    ws = words(text)
    terms = (term(w) for w in ws if w not in STOPWORDS)
    return tuple(dict.fromkeys(t for t in terms if t not in _NAME_GENERIC)), ws


#: Words an organisation's name keeps at least once its country is left out.
BARE_NAME_WORDS = 3


def _without_country(name: str) -> str | None:
    """An organisation's name without the country it ends with ("Ministry of Foreign Affairs
    of Russia" → "Ministry of Foreign Affairs"), when enough of it is left; None otherwise."""
    ws = name.split()
    for k in range(min(4, len(ws)), 0, -1):  # the longest country name first
        if find_country(" ".join(ws[-k:])) is None:
            continue
        head = ws[:-k]
        while head and head[-1].lower() in ("of", "the", "to", "in"):
            head.pop()
        return " ".join(head) if len(head) >= BARE_NAME_WORDS else None
    return None


def _name_texts(kb: KnowledgeBase) -> Iterator[str]:
    """Every name of every project (with repeats): acronyms, titles, other titles, aliases."""
    for p in kb.projects:
        yield from _names_of(p)


def _names_of(p: Project) -> Iterator[str]:
    """A project's names: its acronym, titles, other titles and aliases, in every language."""
    if p.acronym:
        yield p.acronym
    for text in (p.title, *p.other_titles, *p.aliases):
        yield from text.variants()


#: An empty result (`Ranked` before ranking, or when nothing matched).
_NO_IDS: np.ndarray[Any, np.dtype[np.int64]] = np.zeros(0, dtype=np.int64)
_NO_SCORES: np.ndarray[Any, np.dtype[np.float64]] = np.zeros(0)
#: Ranked pairs are made into Python values this many at a time, as they are read.
_READ_BLOCK = 64


def funded_keys(p: Project, index: Index) -> set[str]:
    """Every organisation a project's funders are, or are part of."""
    return {o for f in p.funders for o in index.org_family(f)}


_NAME_GENERIC = frozenset(
    stem(w) for w in ["project", "projects", "iom", "проект", "проекта", "проекты", "мом"]
)

# Common question words that are real words even though the knowledge base never uses them;
# they must not be "corrected" into knowledge base words.
_COMMON = frozenset(
    [
        "manager",
        "managers",
        "director",
        "directors",
        "coordinator",
        "name",
        "names",
        "hotline",
        "phone",
        "email",
        "address",
        "website",
        "restaurant",
        "recommend",
        "weather",
        "people",
        "watched",
        "watch",
        "viewers",
        "number",
        "next",
        "call",
        "proposals",
        "open",
        "happened",
        "happen",
        "mean",
        "means",
        "meant",
        "supposed",
        "stand",
        "stands",
        "many",
        "much",
        "long",
        "longer",
        "later",
        "earlier",
        "older",
        "newer",
        "first",
        "last",
        "latest",
        "recent",
        "same",
        "different",
        "difference",
        "compare",
        "between",
        "overlap",
        "parallel",
        "gap",
        "month",
        "months",
        "year",
        "years",
        "week",
        "weeks",
        "day",
        "days",
        "summary",
        "summarise",
        "summarize",
        # everyday words one letter away from a word of the knowledge base or a country
        # ("piece" / "price", "child" / "Chile", "visa" / "via", "detail" / "deal")
        *"""piece tried student students news seen stuff large worse world cities town away
        down along clear hard maybe mind detail details ideas step stage stages child children
        woman women died death hands visa visas water asking writing article journalist strange
        word words worst idea tourism""".split(),
    ]
)


#: Two words that are one ("non-governmental" is cut in two by `words`).
_COMPOUNDS: Final = {
    ("non", "governmental"): "nongovernmental",
    ("non", "government"): "nongovernmental",
    ("set", "up"): "established",  # "was Rosgranitsa set up in 2009?"
    # "методические материалы": manuals (not the "методическая помощь" of methods)
    ("методические", "материалы"): "методички",
    ("методических", "материалов"): "методички",
    ("методическими", "материалами"): "методички",
}


_COMPOUND_FIRSTS: Final = frozenset(a for a, _b in _COMPOUNDS)


def _compounds(ws: list[str]) -> list[str]:
    """The words with each pair of `_COMPOUNDS` joined into one (not before "to": "what was
    it set up to do" asks the aims)."""
    if not _COMPOUND_FIRSTS.intersection(ws):
        return ws
    out: list[str] = []
    for i, w in enumerate(ws):
        joined = _COMPOUNDS.get((out[-1], w)) if out else None
        if joined and ws[i + 1 : i + 2] != ["to"]:
            out[-1] = joined
        else:
            out.append(w)
    return out


#: Small words left out of initials ("State Border Guard Service of Ukraine": SBGSU).
_NOT_INITIALLED: Final = frozenset("of the and for in to on at by a an".split())


def initialisms(name: str) -> set[str]:
    """The initials of an organisation's English name, three letters or more: of the whole
    name and of the part before "of …" or "(…)" ("UK Border Agency (Home Office)": UKBA;
    "State Border Guard Service of Ukraine": SBGSU and SBGS). A word in capitals keeps all
    its letters ("UK")."""
    if is_cyrillic(name):
        return set()
    found: set[str] = set()
    plain = re.sub(r"\(.*?\)", " ", name)
    for part in {plain, re.split(r"\s+of\s+", plain, maxsplit=1)[0]}:
        ws = [w for w in re.split(r"[\s\-–—/,]+", part) if w]
        if len(ws) < 2 or not all(w[:1].isupper() or w in _NOT_INITIALLED for w in ws):
            continue
        letters = "".join(w if w.isupper() else w[0] for w in ws if w not in _NOT_INITIALLED)
        if len(letters) >= 3 and letters.isalpha():
            found.add(letters.upper())
    return found


@lru_cache(maxsize=50_000)
def _known_elsewhere(word: str) -> bool:
    """Whether the bot's own vocabulary knows the word (a cue word, a month, a common word)."""
    if word in _COMMON or word in protected_words():
        return True
    return any(lex.matches(word) for lex in all_lexicons())


_PROJECT_WORDS = frozenset(
    "project programme program one проект проекта проекте программа программы".split()
)


def _rank_key(pair: tuple[Doc, float]) -> tuple[float, int]:
    return (-pair[1], pair[0].id)


def _called_a_project(tokens: Sequence[Token], positions: frozenset[int]) -> bool:
    """Whether the words at `positions` are called a project: "the border checkpoints project",
    "project on border checkpoints", "проект по пунктам пропуска"."""
    after = max(positions, default=-1) + 1
    before = min(positions, default=0) - 1
    at = {t.position: t for t in tokens}
    if (t := at.get(after)) and t.word in _PROJECT_WORDS:
        return True
    if (t := at.get(before)) and t.word in _PROJECT_WORDS:
        return True
    # one short word between: "project on ...", "проект по ..."
    between, word = at.get(before), at.get(before - 1)
    return bool(between and between.stop and word and word.word in _PROJECT_WORDS)


def _beside_project_word(tokens: Sequence[Token], positions: frozenset[int]) -> bool:
    near = {p + d for p in positions for d in (-2, -1, 1, 2)}
    return any(t.position in near and t.word in _PROJECT_WORDS for t in tokens)


def _is_acronym(text: str) -> bool:
    return " " not in text.strip() and text.strip().isupper() and len(text.strip()) >= 3


def _longest_run(
    name_terms: Sequence[str | None], question_terms: Sequence[str]
) -> tuple[int, int]:
    """Where in the question the longest in-order run of the name's terms starts, and its length.

    A name's terms are distinct, so each question word can start a run at one place only."""
    best_start, best = 0, 0
    n_question, n_name = len(question_terms), len(name_terms)
    for i, word in enumerate(question_terms):
        if n_question - i <= best:
            break  # no longer run can start here
        if word not in name_terms:
            continue
        j = name_terms.index(word)
        k = 1
        while i + k < n_question and j + k < n_name and question_terms[i + k] == name_terms[j + k]:
            k += 1
        if k > best:
            best_start, best = i, k
    return best_start, best


#: What `Index.name_hits` needs of a name's shape: matched weight, matched count, whether a
#: matched word is unique to one project, the positions of the matched words, and the longest
#: in-order run of matched words (length, unique words in it, its positions).
_Shape = tuple[float, int, bool, frozenset[int], int, int, frozenset[int]]


def _shape(
    shape: tuple[str | None, ...],
    terms: Sequence[str],
    content: Sequence[Token],
    digits: set[str],
    unique_terms: set[str],
    unique_at: Sequence[int],
    weight: dict[str, float],
    position_of: Callable[[str], int],
) -> _Shape | None:
    """See `_Shape`; None when the name matches only years."""
    matched = [t for t in shape if t is not None]
    if digits.issuperset(matched):  # also when none matched, as `all` did
        return None
    # an in-order run needs two matched words: single-word matches skip the search
    run_start, run = _longest_run(shape, terms) if len(matched) >= 2 else (0, 1)
    # a word the question repeats counts where it is part of the run ("the readmission centre
    # trainings in the readmission mechanisms project"), else where it first appears
    in_run = {terms[j]: content[j].position for j in range(run_start, run_start + run)}
    return (
        sum(map(weight.__getitem__, matched)),
        len(matched),
        not unique_terms.isdisjoint(matched),
        frozenset(in_run[t] if t in in_run else position_of(t) for t in matched),
        run,
        sum(unique_at[run_start : run_start + run]),
        frozenset(content[j].position for j in range(run_start, run_start + run)),
    )
