"""The index over the knowledge base: names, organisations, countries and statements.

Narrow, then rank. Question words are first resolved exactly (acronyms, aliases, organisation
short names, country names); a word the knowledge base does not know is corrected to the nearest
word it does know (rapidfuzz, with a cutoff), and only then are projects and statements ranked.
Statements are found through an inverted index, so a question only ever scores the statements
that share a term with it, however large the knowledge base grows.
"""

from __future__ import annotations

import gc
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain, pairwise
from typing import Any, overload

from rapidfuzz import fuzz, process

from bot.core import fields as F
from bot.core.text import is_cyrillic, stem, words
from bot.core.vocabulary import CONCEPTS, GENERIC, STOPWORDS, all_lexicons, protected_words
from bot.kb.countries import Country, all_countries, find_adjective
from bot.kb.load import cached_index, paused_gc, store_index
from bot.kb.model import Date, KnowledgeBase, Organisation, Project, Statement, Status, Term, Text

ORG_PREFIX = "org:"
COUNTRY_PREFIX = "country:"

#: Words shorter than this are never spelling-corrected (too many near neighbours).
MIN_CORRECTABLE = 4
#: Minimum rapidfuzz ratio (0-100) for replacing an unknown word by a known one.
CORRECTION_CUTOFF = 80
CORRECTION_CUTOFF_CYRILLIC = 86
SHORT_WORD_CUTOFF = 85
#: How many statements are checked for a two-word alias used as a phrase elsewhere.
PHRASE_CHECK_DOCS = 200
#: Strength of a project name that is only an organisation's name (see `Index.name_hits`).
ORG_AS_NAME = 0.6
#: Names scored per question at most, beyond which only the rarest terms bring candidates.
NAME_CANDIDATES = 1500
#: Names a single common term brings at most: those it covers the most of.
LIGHT_NAMES = 32
#: Statements of at most this many projects are looked up project by project.
SMALL_PROJECT_SET = 64
#: Weight of a question word the knowledge base never uses, relative to an average known word.
UNKNOWN_WEIGHT = 0.35


@lru_cache(maxsize=200_000)
def term(word: str) -> str:
    """The index term of one cleaned word: its concept key when it has one, else its stem."""
    for key, lexicon in CONCEPTS.items():
        if lexicon.matches(word):
            return key
    return stem(word)


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a question, after cleaning and spelling correction."""

    position: int
    surface: str
    word: str  # corrected
    term: str
    stop: bool


@dataclass(frozen=True, slots=True)
class Doc:
    """A searchable statement: one sentence-sized fact of one project."""

    id: int
    project: str
    field: str
    text: Text
    terms: frozenset[str]
    status: Status = Status.DONE
    label: str | None = None
    area: Text | None = None
    date: Date | None = None
    kind: str | None = None
    places: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Name:
    """One name of a project: its acronym, a title or an alias, as index terms."""

    project: str
    kind: str  # "acronym", "title" or "alias"
    terms: tuple[str, ...]
    topical: bool = False  # a two-word alias other projects also use as a phrase


@dataclass(frozen=True, slots=True)
class Mention:
    """Something named in a question: an organisation, a country or a glossary term."""

    kind: str  # "org", "country", "term"
    key: str
    positions: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class NameHit:
    project: str
    strength: float
    positions: frozenset[int]
    coverage: float = 0.0  # the share of the name's weight the question holds


@dataclass
class _PhraseTable:
    """Multi-word phrases keyed by their first term, for a left-to-right scan."""

    by_first: dict[str, list[tuple[tuple[str, ...], str, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def add(self, phrase: Sequence[str], kind: str, key: str) -> None:
        if phrase:
            self.by_first[phrase[0]].append((tuple(phrase), kind, key))

    def scan(self, stems: Sequence[str]) -> list[Mention]:
        found: list[Mention] = []
        by_first = self.by_first
        i = 0
        n_stems = len(stems)
        while i < n_stems:
            entries = by_first.get(stems[i])
            if not entries:
                i += 1
                continue
            longest = 0
            keys: dict[tuple[str, str], None] = {}
            for phrase, kind, key in entries:
                n = len(phrase)
                if n < longest or (n > 1 and tuple(stems[i : i + n]) != phrase):
                    continue
                if n > longest:
                    longest, keys = n, {}
                keys[(kind, key)] = None
            if not longest:
                i += 1
                continue
            # one phrase may name several things ("МВД": two ministries); all are reported
            found.extend(Mention(kind, key, tuple(range(i, i + longest))) for kind, key in keys)
            i += longest
        return found


#: Russian stems of one word still differ between cases ("беларусь" → "белар", "беларуси" →
#: "беларус"), so names are compared on at most this many letters of a Cyrillic stem.
RUSSIAN_KEY = 5


@lru_cache(maxsize=200_000)
def phrase_key(word: str) -> str:
    """The form in which a word of an organisation's or country's name is compared."""
    s = stem(word)
    return s[:RUSSIAN_KEY] if is_cyrillic(s) else s


def phrase_stems(text: str) -> tuple[str, ...]:
    return tuple(phrase_key(w) for w in words(text) if w not in ("the", "of", "and"))


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
        # The knowledge base and its index live as long as the process and hold millions of
        # objects: the cyclic garbage collector need not walk them on every full collection
        # (that took half a second at 10,000 projects, in the middle of an answer).
        gc.collect()
        gc.freeze()
        store_index(kb, self)

    def _build(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.projects: tuple[Project, ...] = kb.projects
        self._phrases = _PhraseTable()
        self._exact_countries = _PhraseTable()
        self._country_words: set[str] = set()
        self._countries: dict[str, Country] = {}
        self._build_mentions()
        self.docs: list[Doc] = []
        self._docs_by_project: dict[tuple[str, str], list[Doc]] = defaultdict(list)
        self._postings: dict[str, list[int]] = defaultdict(list)
        self.names: list[Name] = []
        self._name_postings: dict[str, list[int]] = defaultdict(list)
        self._name_df: dict[str, int] = {}
        self._name_terms: dict[str, set[str]] = {}
        self._acronym_postings: dict[str, list[int]] = defaultdict(list)
        self._project_docs: dict[str, list[int]] = defaultdict(list)
        self._families: dict[str, frozenset[str]] = {}
        self._light: dict[str, list[int]] = {}
        #: lines of list answers, made by `answer` on first use (a project's name and period)
        self.lines: dict[tuple[str, str], tuple[Any, ...]] = {}
        self.vocabulary: set[str] = set()
        self._text_terms: dict[str, frozenset[str]] = {}
        self._term_sets: dict[frozenset[str], frozenset[str]] = {}
        for project in kb.projects:
            self._index_project(project)
        self._index_names()
        self._text_terms.clear()
        self._term_sets.clear()
        self._df = {t: len(ids) for t, ids in self._postings.items()}
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

    # ----- building -----------------------------------------------------------------------

    def _build_mentions(self) -> None:
        for org in self.kb.organisations:
            for name in (*org.name.variants(), *org.short_names):
                self._phrases.add(phrase_stems(name), "org", org.id)
                head = words(name)[0] if words(name) else ""
                if name.split()[0].isupper() and len(head) >= 2 and len(words(name)) > 1:
                    # "MIA Moldova" is also called just "MIA"
                    self._phrases.add((phrase_key(head),), "org", org.id)
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

    def _add_vocabulary(self, text: str) -> None:
        self._analysed(text)

    def _analysed(self, text: str) -> frozenset[str]:
        """The index terms of one text (before `GENERIC` is taken out); its words join the
        vocabulary. Texts repeat across projects (an organisation's description, a partner's
        name), so each distinct text is analysed once while the index is built."""
        found = self._text_terms.get(text)
        if found is None:
            ws = words(text)
            terms = {term(w) for w in ws if w not in STOPWORDS}
            for m in self._phrases.scan([phrase_key(w) for w in ws]):
                if m.kind == "org":
                    terms.add(ORG_PREFIX + m.key)
                elif m.kind == "country":
                    terms.add(COUNTRY_PREFIX + m.key)
            self.vocabulary.update(w for w in ws if not w.isdigit())
            found = self._text_terms[text] = frozenset(terms)
        return found

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
        label: str | None = None,
        area: Text | None = None,
        date: Date | None = None,
        kind: str | None = None,
        places: tuple[str, ...] = (),
        orgs: tuple[str, ...] = (),
    ) -> None:
        sources = [*text.variants(), *(area.variants() if area else ()), *places]
        if label:
            sources.append(label)
        for org_id in orgs:
            org = self.kb.org(org_id)
            if org:
                sources.extend(org.name.variants())
        terms = frozenset(self.analyse_text(sources) | {ORG_PREFIX + o for o in orgs})
        terms = self._term_sets.setdefault(terms, terms)  # equal sets are stored once
        doc = Doc(
            id=len(self.docs),
            project=project.id,
            field=field_name,
            text=text,
            terms=terms,
            status=status,
            label=label,
            area=area,
            date=date,
            kind=kind,
            places=places,
            orgs=orgs,
        )
        self.docs.append(doc)
        self._docs_by_project[(project.id, field_name)].append(doc)
        self._project_docs[project.id].append(doc.id)
        for t in doc.terms:
            self._postings[t].append(doc.id)

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
                    p,
                    F.DATES,
                    Text(
                        f"{org.name.en} was established", f"{org.name.ru or org.name.en} создан(а)"
                    ),
                    date=org.established,
                    orgs=(org.id,),
                )
        for text in (p.title, *p.other_titles, *p.aliases):
            self._add_vocabulary(text.en)
            if text.ru:
                self._add_vocabulary(text.ru)
        if p.acronym:
            self._add_vocabulary(p.acronym)

    def _phrase_elsewhere(self, project_id: str, pair: tuple[str, ...]) -> bool:
        """Whether another project's statements use the two terms side by side ("voluntary
        return" is SIREADA's alias, and a phrase of the 2007-2010 programme's results)."""
        first, second = pair
        both = set(self._postings.get(first, ())) & set(self._postings.get(second, ()))
        for doc_id in sorted(both)[:PHRASE_CHECK_DOCS]:
            doc = self.docs[doc_id]
            if doc.project == project_id:
                continue
            for text in doc.text.variants():
                seq = [term(w) for w in words(text) if w not in STOPWORDS]
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
                terms = tuple(
                    dict.fromkeys(
                        term(w)
                        for w in words(text)
                        if w not in STOPWORDS and term(w) not in _NAME_GENERIC
                    )
                )
                if not terms:
                    continue
                topical = (
                    kind == "alias" and len(terms) == 2 and self._phrase_elsewhere(p.id, terms)
                )
                name = Name(p.id, kind, terms, topical)
                self.names.append(name)
                self._name_terms.setdefault(p.id, set()).update(terms)
                for t in set(terms):
                    self._name_postings[t].append(len(self.names) - 1)
                    if kind == "acronym":
                        self._acronym_postings[t].append(len(self.names) - 1)
        for t, ids in self._name_postings.items():
            self._name_df[t] = len({self.names[i].project for i in ids})
        # what name matching needs per term and per name, computed once
        n_projects = max(1, len(self.projects))
        self._name_weight = {t: math.log(1 + n_projects / df) for t, df in self._name_df.items()}
        self._name_total = [sum(self._name_weight[t] for t in n.terms) for n in self.names]

    # ----- questions ----------------------------------------------------------------------

    def correct(self, word: str) -> str:
        """The word itself when known (or too short to judge), else the nearest known word."""
        if (
            word in self.vocabulary
            or word in STOPWORDS
            or len(word) < MIN_CORRECTABLE
            or word.isdigit()
        ):
            return word
        if _known_elsewhere(word):
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
        best = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=cutoff)
        return best[0] if best else word

    def tokens(self, text: str) -> list[Token]:
        out = []
        for i, w in enumerate(words(text)):
            fixed = self.correct(w)
            out.append(Token(i, w, fixed, term(fixed), fixed in STOPWORDS))
        return out

    def mentions(self, tokens: Sequence[Token]) -> list[Mention]:
        """Organisations, countries and glossary terms named in the question."""
        # country names by their exact stems first ("Австрию" is Austria, not Australia, though
        # both begin "австр"), then everything by the shorter keys that absorb Russian endings
        exact = self._exact_countries.scan([stem(t.word) for t in tokens])
        claimed = {p for m in exact for p in m.positions}
        keys = ["\0" if t.position in claimed else phrase_key(t.word) for t in tokens]
        found = exact + self._phrases.scan(keys)
        taken = {p for m in found for p in m.positions}
        for t in tokens:  # adjectives ("Russian", "German") name countries too
            if t.position in taken or t.stop:
                continue
            country = find_adjective(t.word)
            if country:
                found.append(Mention("country", country.code, (t.position,)))
        return found

    def country(self, code: str) -> Country | None:
        return self._countries.get(code)

    def idf(self, t: str) -> float:
        return self._idf.get(t, self.unknown_idf)

    def known(self, t: str) -> bool:
        return t in self._idf

    def name_hits(self, tokens: Sequence[Token]) -> dict[str, NameHit]:
        """How strongly each project is named in the question (0-1), and by which words.

        An acronym, or every word of an alias or title, names a project outright. A partial title
        counts when a run of its words appears in order and the run is long or distinctive
        enough: "EU readmission agreements" alone is everyday vocabulary of several projects.
        """
        content = [t for t in tokens if not t.stop and t.term not in _NAME_GENERIC]
        terms = [t.term for t in content]
        first_position: dict[str, int] = {}
        for t in content:
            first_position.setdefault(t.term, t.position)
        candidates = self._name_candidates(list(first_position))
        if not candidates:
            return {}
        org_positions = {p for m in self.mentions(tokens) if m.kind == "org" for p in m.positions}
        weight = self._name_weight
        name_df = self._name_df
        names, name_total = self.names, self._name_total
        # what depends on the question only, computed once (the loop below runs for thousands
        # of names at 10,000 projects): digit terms, terms unique to one project's names, and
        # for each question word whether it is such a term
        position_of = first_position.__getitem__
        digits = {t for t in first_position if t.isdigit()}
        unique_terms = {t for t in first_position if name_df.get(t, 0) == 1}
        unique_at = [1 if name_df.get(t, 0) == 1 else 0 for t in terms]
        # Everything about a name but its total weight depends only on its *shape*: its terms
        # with the ones the question lacks blanked out. Names that differ only in unmatched
        # words ("... the Armenia / Georgia Border Checkpoints") share one, worked out once.
        blank = {t: t for t in first_position}.get
        shapes: dict[tuple[str | None, ...], _Shape | None] = {}
        found: dict[str, tuple[float, frozenset[int], float]] = {}
        for i in candidates:
            name = names[i]
            shape = tuple(map(blank, name.terms))
            if shape in shapes:
                info = shapes[shape]
            else:
                info = shapes[shape] = _shape(
                    shape, terms, content, digits, unique_terms, unique_at, weight, position_of
                )
            if info is None:
                continue  # years alone ("in 2009 but not 2011") never name a project
            matched_weight, n_matched, distinctive, used, run, run_distinctive, run_used = info
            coverage = matched_weight / name_total[i]
            if name.kind == "acronym" or (
                coverage >= 0.999 and (len(name.terms) >= 2 or distinctive)
            ):
                strength = 1.0 if name.kind == "acronym" else 0.95
                single = name.kind == "alias" and len(name.terms) == 1
                scattered = name.kind != "acronym" and (
                    max(used, default=0) - min(used, default=0) > 2 * len(name.terms) + 1
                )  # "readmission ... migrants" far apart in a sentence is not a name
                if (
                    (single and not _beside_project_word(tokens, used))
                    or (name.topical and not _followed_by_project_word(tokens, used))
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
            else:
                strength = (0.6 if distinctive else 0.3) * coverage
            if used and used <= org_positions and strength > ORG_AS_NAME:
                # "Rosgranitsa" names an organisation first; as a project name it is only a hint
                strength = ORG_AS_NAME
            # (strength, positions, coverage) per project; NameHits are made at the end
            old = found.get(name.project)
            if old is None or (strength, len(used)) > (old[0], len(old[1])):
                # the words of every strong name of the project count as naming it
                if old is not None and old[0] >= ORG_AS_NAME:
                    used = used | old[1]
                found[name.project] = (strength, used, coverage)
            elif strength >= ORG_AS_NAME:
                found[name.project] = (old[0], old[1] | used, old[2])
        return {pid: NameHit(pid, s, used, c) for pid, (s, used, c) in found.items()}

    def _name_candidates(self, terms: Sequence[str]) -> list[int]:
        """The names worth scoring for a question's terms, in index order.

        Every name that shares a term, while that is at most `NAME_CANDIDATES` names. Beyond
        that (thousands of titles say "readmission" or "border"), a name sharing a single term
        is scored only when that term is rare enough to fit the budget (rarest first) or the name
        is an acronym: a name that shares one common word and nothing else can only be a weak
        hint (at most 0.3), never a project named. Names sharing two or more of the question's
        terms are always scored; they are counted in C (`Counter`), not in a Python loop.
        """
        postings = [p for t in terms if (p := self._name_postings.get(t))]
        if sum(len(p) for p in postings) <= NAME_CANDIDATES:
            return sorted({i for p in postings for i in p})
        counts = Counter(chain.from_iterable(postings))
        found = {i for i, c in counts.items() if c >= 2}
        budget = len(found) + NAME_CANDIDATES
        for p in sorted(postings, key=len):
            if len(found) + len(p) > budget:
                break
            found.update(p)
        for t in terms:
            found.update(self._acronym_postings.get(t, ()))
            found.update(self._lightest_names(t))
        return sorted(found)

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
        for doc_id in self._postings.get(t, ()):
            projects.add(self.docs[doc_id].project)
            if len(projects) > 1:
                return False
        return len(projects) == 1

    def name_has(self, project_id: str, t: str) -> bool:
        """Whether any name of the project holds the term."""
        return t in self._name_terms.get(project_id, ())

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

    Made lazily. A statement's score is the summed weight of the query terms it holds, so it
    depends only on its *signature*, the subset of query terms it holds. Signatures are
    counted in C: each term's postings are counted 1, 2, 4 ... times (the longest postings
    once), so that a statement's count is its signature as a bit mask; then statements are
    ordered by their signature's score with two C sorts. When that counting would cost more
    than scoring the candidates one by one (many terms with long postings), or for the
    statements of a few projects, they are scored one by one as before.
    """

    __slots__ = ("_allowed", "_index", "_limit", "_min", "_out", "_pairs", "_ready", "_total")

    #: The counting pass may touch at most this many postings per candidate statement.
    COUNT_BUDGET = 6

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
        self._out: list[tuple[Doc, float]] = []

    @classmethod
    def empty(cls) -> Ranked:
        return cls(None, (), None, 0.0, None)

    # --- the Sequence protocol -----------------------------------------------------------

    def __len__(self) -> int:
        return len(self._ranked())

    def __iter__(self) -> Iterator[tuple[Doc, float]]:
        return iter(self._ranked())

    @overload
    def __getitem__(self, i: int) -> tuple[Doc, float]: ...
    @overload
    def __getitem__(self, i: slice) -> list[tuple[Doc, float]]: ...
    def __getitem__(self, i: int | slice) -> tuple[Doc, float] | list[tuple[Doc, float]]:
        return self._ranked()[i]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Ranked | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Ranked({self._ranked()!r})"

    # --- what callers need without ranking everything ------------------------------------

    def of_project(self, project_id: str) -> list[tuple[Doc, float]]:
        """The project's own statements of this result, best first: the same pairs as
        `[(d, s) for d, s in ranked if d.project == project_id]` (ignoring `limit`), scored
        from that project's few statements only."""
        index = self._index
        if index is None or (self._allowed is not None and project_id not in self._allowed):
            return []
        docs = index.docs
        out = [
            pair
            for i in index._project_docs.get(project_id, ())
            if (pair := self._score(docs[i])) is not None
        ]
        out.sort(key=_rank_key)
        return out

    # --- ranking --------------------------------------------------------------------------

    def _score(self, doc: Doc) -> tuple[Doc, float] | None:
        doc_terms = doc.terms
        s = 0.0
        for t, w in self._pairs:
            if t in doc_terms:
                s += w
        total = self._total
        return (doc, s / total) if s and s / total >= self._min else None

    def _ranked(self) -> list[tuple[Doc, float]]:
        if not self._ready:
            self._out = self._rank()
            self._ready = True
        return self._out

    def _rank(self) -> list[tuple[Doc, float]]:
        index = self._index
        assert index is not None
        allowed, limit = self._allowed, self._limit
        if allowed is not None and len(allowed) <= SMALL_PROJECT_SET:
            ids: Iterable[int] = chain.from_iterable(
                index._project_docs.get(pid, ()) for pid in allowed
            )
            return self._scan(ids, limit)
        postings = index._postings
        pairs, total = self._pairs, self._total
        # the common terms whose summed weight stays below the bar are not needed to find
        # the statements above it; they still count in the scores
        bar = self._min * total * (1 - 1e-9)
        skipped, needed = 0.0, []
        for t, w in sorted(pairs, key=lambda tw: tw[1]):
            if skipped + w < bar:
                skipped += w
            else:
                needed.append(t)
        lists = [postings.get(t, []) for t, _w in pairs]
        by_length = sorted(range(len(pairs)), key=lambda k: -len(lists[k]))
        cost = sum(len(lists[k]) << j for j, k in enumerate(by_length))
        candidates = sum(len(postings.get(t, ())) for t in needed)
        if len(pairs) > 12 or cost > self.COUNT_BUDGET * max(candidates, 1):
            if len(needed) == 1:
                return self._scan(postings.get(needed[0], ()), limit)
            return self._scan({i for t in needed for i in postings.get(t, ())}, limit)
        # each statement's count is the bit mask of the query terms it holds
        counts: Counter[int] = Counter()
        bit_of = [0] * len(pairs)
        for j, k in enumerate(by_length):
            bit_of[k] = 1 << j
            for _ in range(1 << j):
                counts.update(lists[k])
        # the score of every signature, summed in the query's order as `_score` does
        scores: dict[int, float] = {}
        for mask in set(counts.values()):
            s = 0.0
            for k, (_t, w) in enumerate(pairs):
                if mask & bit_of[k]:
                    s += w
            if s and s / total >= self._min:
                scores[mask] = s / total
        if not scores:
            return []
        levels = sorted(set(scores.values()), reverse=True)
        level_of = {v: n for n, v in enumerate(levels)}
        rank = [len(levels)] * (1 << len(pairs))  # signatures below the bar rank last
        for mask, v in scores.items():
            rank[mask] = level_of[v]
        doc_rank = dict(zip(counts.keys(), map(rank.__getitem__, counts.values()), strict=True))
        order = sorted(sorted(doc_rank), key=doc_rank.__getitem__)  # by score, then by id
        docs = index.docs
        out: list[tuple[Doc, float]] = []
        append = out.append
        for i in order:
            level = doc_rank[i]
            if level == len(levels) or (limit is not None and len(out) >= limit):
                break
            doc = docs[i]
            if allowed is None or doc.project in allowed:
                append((doc, levels[level]))
        return out

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
    ]
)


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


def _followed_by_project_word(tokens: Sequence[Token], positions: frozenset[int]) -> bool:
    after = max(positions, default=-1) + 1
    return any(t.position == after and t.word in _PROJECT_WORDS for t in tokens)


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
    return (
        sum(map(weight.__getitem__, matched)),
        len(matched),
        not unique_terms.isdisjoint(matched),
        frozenset(map(position_of, matched)),
        run,
        sum(unique_at[run_start : run_start + run]),
        frozenset(content[j].position for j in range(run_start, run_start + run)),
    )
