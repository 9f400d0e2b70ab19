"""Read the knowledge base from its YAML files into the dataclasses of `model.py`.

The files are composed into YAML nodes (not plain Python values) so that every problem can name
its file, line and field. Reading never stops at the first mistake: it goes through every file,
collects every problem, and `load_knowledge` raises `KnowledgeError` with all of them. The rules
themselves (what a date is, which roles exist, duplicate ids ...) live in `validate.py`; the YAML
keys in `keys.py`.
"""

from __future__ import annotations

import gc
import hashlib
import operator
import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import yaml

from bot.kb import keys, parallel
from bot.kb import validate as rules
from bot.kb.countries import canonical_name
from bot.kb.model import (
    About,
    Date,
    Event,
    KnowledgeBase,
    Month,
    Organisation,
    OrgKind,
    Participation,
    Period,
    Project,
    Relation,
    Role,
    Statement,
    Status,
    Term,
    Text,
)
from bot.kb.validate import Declaration, Location, Problem, Reference, Severity, Space

ENV_VAR = "PROJECTBOT_KNOWLEDGE"
#: A folder for cached knowledge bases and their search indexes (see `inspect_knowledge`).
CACHE_ENV_VAR = "PROJECTBOT_INDEX_CACHE"
DATA_DIR_ENV_VAR = "PROJECTBOT_DATA_DIR"

_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_ROLES = tuple(r.value for r in Role)
_ORG_KINDS = tuple(k.value for k in OrgKind)
_STATUSES = tuple(s.value for s in Status)
_KNOWN_FILES = (keys.ABOUT_FILE, keys.ORGANISATIONS_FILE, keys.GLOSSARY_FILE)

T = TypeVar("T")
_Parsed = TypeVar("_Parsed", Date, Month)


class KnowledgeUnreadable(Exception):
    """The knowledge base folder does not exist, is not a folder, or cannot be read."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"cannot read the knowledge base at {path}: {reason}")
        self.path = path
        self.reason = reason


class _Problems:
    """Errors and warnings among `problems`."""

    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)


class KnowledgeError(_Problems, Exception):
    """The knowledge base has mistakes; `problems` holds every one of them (and any warnings)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        errors = self.errors
        lines = [f"the knowledge base has {len(errors)} error{'s' if len(errors) != 1 else ''}:"]
        lines += [str(p) for p in errors]
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class LoadReport(_Problems):
    """What reading a knowledge base found: the model when it is valid, and every problem."""

    root: Path
    knowledge: KnowledgeBase | None
    problems: tuple[Problem, ...]
    files: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.knowledge is not None


def resolve_knowledge_path(explicit: str | None) -> Path:
    """`explicit`, else $PROJECTBOT_KNOWLEDGE, else the repository's knowledge/ folder."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    repository = Path(__file__).resolve().parents[2] / "knowledge"
    if repository.is_dir():
        return repository
    return Path("knowledge")


def load_knowledge(path: str | Path | None = None) -> KnowledgeBase:
    """The knowledge base at `path` (default: `resolve_knowledge_path(None)`).

    Raises `KnowledgeUnreadable` when the folder cannot be read, `KnowledgeError` with every
    problem when any file has an error. Warnings alone do not stop loading.
    """
    report = inspect_knowledge(path)
    if report.knowledge is None:
        raise KnowledgeError(report.problems)
    return report.knowledge


def inspect_knowledge(path: str | Path | None = None) -> LoadReport:
    """Read and validate the knowledge base at `path`, returning every problem found.

    With a cache folder ($PROJECTBOT_INDEX_CACHE, else $PROJECTBOT_DATA_DIR/index-cache), a
    valid knowledge base is read back from a pickle together with the search index built on it,
    skipping YAML, validation and indexing. The pickle's name is a hash of every file's path,
    size and modification time (and of the code that reads and indexes them), so any change to
    a knowledge file makes a new one.
    """
    root = resolve_knowledge_path(None) if path is None else Path(path).expanduser()
    _check_readable(root)
    cache = _cache_file(root.absolute())
    if cache is not None and cache.is_file():
        try:
            enabled = gc.isenabled()
            gc.disable()  # millions of new objects: collecting while they arrive is wasted
            try:
                with cache.open("rb") as handle:
                    report, index = pickle.load(handle)
            finally:
                if enabled:
                    gc.enable()
            if isinstance(report, LoadReport) and report.knowledge is not None:
                _PREBUILT[id(report.knowledge)] = (report.knowledge, index, None)
                return report
        except Exception:  # an unreadable cache is rebuilt, never an error
            pass
    with paused_gc():
        report = _Loader(root.absolute()).run()
    if cache is not None and report.knowledge is not None:
        _PREBUILT[id(report.knowledge)] = (report.knowledge, None, (cache, report))
    return report


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while a knowledge base or its index is built: millions of
    long-lived objects arrive, and every full collection would walk all of them again (a
    second of a cold start at 10,000 projects). Reference counting still frees the rest."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


#: Knowledge bases read from the cache (with their index), or to be written to it once indexed,
#: by `id` of the `KnowledgeBase` (the object itself is kept too, so the id stays its own).
_PREBUILT: dict[int, tuple[KnowledgeBase, object, tuple[Path, LoadReport] | None]] = {}


def cached_index(knowledge: KnowledgeBase) -> object | None:
    """The index read from the cache with `knowledge`, if it was (handed out once)."""
    entry = _PREBUILT.get(id(knowledge))
    if entry is None or entry[0] is not knowledge or entry[1] is None:
        return None
    del _PREBUILT[id(knowledge)]
    return entry[1]


def store_index(knowledge: KnowledgeBase, index: object) -> None:
    """Write `knowledge` and the index built on it to the cache, when it is to be cached."""
    entry = _PREBUILT.pop(id(knowledge), None)
    if entry is None or entry[0] is not knowledge or entry[2] is None:
        return
    cache, report = entry[2]
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        for old in cache.parent.glob(f"{cache.name.split('-')[0]}-*.pickle"):
            old.unlink(missing_ok=True)  # the same folder's earlier versions
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump((report, index), handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(cache)
    except (OSError, pickle.PicklingError, RecursionError):
        pass  # no cache: the next start reads the files again


def _cache_dir() -> Path | None:
    explicit = os.environ.get(CACHE_ENV_VAR, "").strip()
    if explicit:
        return Path(explicit).expanduser()
    data = os.environ.get(DATA_DIR_ENV_VAR, "").strip()
    return Path(data).expanduser() / "index-cache" if data else None


def _cache_file(root: Path) -> Path | None:
    """Where the knowledge base at `root` is cached: `<folder hash>-<content hash>.pickle`."""
    folder = _cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256()
    code = Path(__file__).resolve().parents[1]
    try:
        for path in sorted((*code.glob("kb/*.py"), *code.glob("core/*.py"))):
            stat = path.stat()
            digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
        for dirpath, _dirs, names in sorted(os.walk(root)):
            for name in sorted(names):
                stat = os.stat(os.path.join(dirpath, name))
                relative = os.path.relpath(os.path.join(dirpath, name), root)
                digest.update(f"{relative}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    except OSError:
        return None
    where = hashlib.sha256(str(root).encode()).hexdigest()[:16]
    return folder / f"{where}-{digest.hexdigest()[:32]}.pickle"


def _check_readable(root: Path) -> None:
    if not root.exists():
        raise KnowledgeUnreadable(root, "there is no such folder")
    if not root.is_dir():
        raise KnowledgeUnreadable(root, "it is not a folder")
    try:
        next(root.iterdir(), None)
    except OSError as exc:
        raise KnowledgeUnreadable(root, exc.strerror or str(exc)) from exc


def display_path(path: Path) -> str:
    """The file name as shown in problems: relative to the current folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _item(path: str, index: int) -> str:
    """The field path of a list item; counted from 1, as a person counts."""
    return f"{path}[{index + 1}]"


def _child(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


@dataclass
class _Sink:
    problems: list[Problem] = field(default_factory=list)
    declarations: list[Declaration] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    #: one object per distinct value (strings, texts, months, dates, statements ...): the
    #: same organisation ids, countries, statuses and texts recur in thousands of projects
    shared: dict[object, object] = field(default_factory=dict)

    def share(self, value: T) -> T:
        """The one stored object equal to `value` (hashable, immutable)."""
        return self.shared.setdefault(value, value)  # type: ignore[return-value]


class _Reader:
    """Reads the nodes of one file, reporting problems at their line."""

    def __init__(self, file: str, sink: _Sink) -> None:
        self.file = file
        self.sink = sink

    # -- reporting

    def where(self, node: yaml.Node, path: str, column: bool = False) -> Location:
        mark = node.start_mark
        return Location(self.file, mark.line + 1, mark.column + 1 if column else None, path)

    def error(self, node: yaml.Node, path: str, message: str, column: bool = False) -> None:
        self.sink.problems.append(Problem.at(self.where(node, path, column), message))

    def warn(self, node: yaml.Node, path: str, message: str) -> None:
        where = self.where(node, path)
        self.sink.problems.append(Problem.at(where, message, Severity.WARNING))

    def declare(self, space: Space, value: str, owner: str, node: yaml.Node, path: str) -> None:
        self.sink.declarations.append(Declaration(space, value, owner, self.where(node, path)))

    # -- structure

    def mapping(
        self,
        node: yaml.Node,
        path: str,
        allowed: Sequence[str],
        required: Sequence[str] = (),
    ) -> dict[str, yaml.Node] | None:
        """The known keys of a mapping node; unknown, repeated and missing keys are reported."""
        if not isinstance(node, yaml.MappingNode):
            self.error(node, path, rules.SHOULD_BE_MAPPING)
            return None
        found: dict[str, yaml.Node] = {}
        first: dict[str, yaml.Node] = {}  # each key's first node (its line, if repeated)
        misspelt: set[str] = set()
        for key_node, value_node in node.value:
            # keys are a third of all nodes: the common case of `key` is read here
            if isinstance(key_node, yaml.ScalarNode) and key_node.value.strip():
                key: str = key_node.value
            else:
                self.key(key_node, path)  # reports it
                continue
            if key in first:
                line = first[key].start_mark.line + 1
                self.error(key_node, _child(path, key), rules.duplicate_key(key, line))
                continue
            first[key] = key_node
            if key not in allowed:
                self.error(key_node, _child(path, key), rules.unknown_key(key, allowed))
                misspelt.add(rules.closest(key, allowed) or "")
                continue
            found[key] = value_node
        for key in required:
            # a misspelt key ('titel') already says what is missing: no second message
            if key not in first and key not in misspelt:
                self.error(node, path, rules.missing(key))
        return found

    def key(self, node: yaml.Node, path: str) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.value.strip():
            return str(node.value)
        self.error(node, path, "a key should be a name followed by ':'")
        return None

    def sequence(self, node: yaml.Node, path: str) -> list[tuple[yaml.Node, str, bool]]:
        """The items of a list node with their paths (and whether to show columns)."""
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, path, rules.EMPTY if _is_null(node) else rules.SHOULD_BE_LIST)
            return []
        flow = bool(node.flow_style)
        return [(item, _item(path, i), flow) for i, item in enumerate(node.value)]

    def each(
        self, node: yaml.Node | None, path: str, read: Callable[[yaml.Node, str, bool], T | None]
    ) -> tuple[T, ...]:
        if node is None:
            return ()
        if not isinstance(node, yaml.SequenceNode):
            self.sequence(node, path)  # reports it
            return ()
        flow = bool(node.flow_style)
        values = []
        for i, item in enumerate(node.value):
            value = read(item, _item(path, i), flow)
            if value is not None:
                values.append(value)
        return tuple(values)

    # -- values

    def plain(self, node: yaml.Node | None, path: str, column: bool = False) -> str | None:
        """A single-language text: names, ids, acronyms, labels."""
        if node is None:
            return None
        if isinstance(node, yaml.MappingNode):
            self.error(node, path, rules.SHOULD_BE_PLAIN_TEXT)
            return None
        return self.scalar(node, path, column)

    def scalar(self, node: yaml.Node, path: str, column: bool = False) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, path, rules.SHOULD_BE_TEXT)
            return None
        if node.tag == _BOOL:
            self.error(node, path, f"{rules.SHOULD_BE_TEXT}: {rules.YES_NO_WORDS}", column)
            return None
        value = self.sink.share(str(node.value).strip())
        if not value:
            self.error(node, path, rules.EMPTY, column)
            return None
        return value

    def text(self, node: yaml.Node | None, path: str) -> Text | None:
        """A `Text`: a plain string (English) or `en:` and `ru:` lines."""
        if node is None:
            return None
        if isinstance(node, yaml.SequenceNode):
            self.error(node, path, rules.SHOULD_BE_TEXT_OR_LANGUAGES)
            return None
        if not isinstance(node, yaml.MappingNode):
            en = self.scalar(node, path)
            if en is not None:
                self.warn(node, path, rules.MISSING_RU)
                return self.sink.share(Text(en))
            return None
        pairs = node.value
        if len(pairs) == 2:
            # the common case, '{en: ..., ru: ...}' with two texts, read at once: exactly what
            # the general reading below makes of it, and it has nothing to report
            (en_key, en_node), (ru_key, ru_node) = pairs
            if (
                en_key.value == keys.EN
                and ru_key.value == keys.RU
                and isinstance(en_key, yaml.ScalarNode)
                and isinstance(ru_key, yaml.ScalarNode)
                and isinstance(en_node, yaml.ScalarNode)
                and isinstance(ru_node, yaml.ScalarNode)
                and en_node.tag != _BOOL
                and ru_node.tag != _BOOL
            ):
                en, ru = en_node.value.strip(), ru_node.value.strip()
                if en and ru:
                    share = self.sink.share
                    return share(Text(share(en), share(ru)))
        found = self.mapping(node, path, keys.TEXT_KEYS, (keys.EN,))
        if found is None:
            return None
        en = self.plain(found.get(keys.EN), _child(path, keys.EN))
        ru = self.plain(found.get(keys.RU), _child(path, keys.RU))
        if en is None:
            return None
        if keys.RU not in found:
            self.warn(node, path, rules.MISSING_RU)
        return self.sink.share(Text(en, ru))

    def label(self, node: yaml.Node | None, path: str) -> Text | None:
        """A statement's label: like a text, but a plain string is fine as it is (a label such
        as "Component One" need not be translated)."""
        if isinstance(node, yaml.ScalarNode) and not _is_null(node):
            plain = self.scalar(node, path)
            return self.sink.share(Text(plain)) if plain is not None else None
        return self.text(node, path)

    def texts(self, node: yaml.Node | None, path: str) -> tuple[Text, ...]:
        return self.each(node, path, lambda item, p, _flow: self.text(item, p))

    def plains(self, node: yaml.Node | None, path: str) -> tuple[str, ...]:
        return self.each(node, path, self.plain)

    def choice(
        self,
        node: yaml.Node | None,
        path: str,
        what: str,
        allowed: Sequence[str],
        column: bool = False,
    ) -> str | None:
        value = self.plain(node, path, column)
        if value is None or node is None:
            return None
        if value not in allowed:
            self.error(node, path, rules.unknown_value(what, value, allowed), column)
            return None
        return value

    def date(self, node: yaml.Node | None, path: str) -> Date | None:
        return self._parsed(node, path, rules.parse_date)

    def month(self, node: yaml.Node | None, path: str) -> Month | None:
        return self._parsed(node, path, rules.parse_month)

    def _parsed(
        self, node: yaml.Node | None, path: str, parse: Callable[[str], _Parsed | str]
    ) -> _Parsed | None:
        """A plain value read with `parse`, which returns the value or an error message."""
        raw = self.plain(node, path)
        if raw is None or node is None:
            return None
        parsed = parse(raw)
        if isinstance(parsed, str):
            self.error(node, path, parsed)
            return None
        return self.sink.share(parsed)

    def country(self, node: yaml.Node | None, path: str, column: bool = False) -> str | None:
        """A country, as its canonical short name ('Russia' -> 'Russian Federation')."""
        name = self.plain(node, path, column)
        if name is None or node is None:
            return None
        problem = rules.country_problem(name)
        if problem:
            self.error(node, path, problem, column)
            return None
        return canonical_name(name)

    def refs(self, node: yaml.Node | None, path: str, space: Space, owner: str) -> tuple[str, ...]:
        """A list of ids of `space`, each recorded for the cross-file check."""
        return self.each(node, path, lambda item, p, flow: self.ref(item, p, space, owner, flow))

    def ref(
        self, node: yaml.Node | None, path: str, space: Space, owner: str, column: bool = False
    ) -> str | None:
        value = self.plain(node, path, column)
        if value is not None and node is not None:
            where = self.where(node, path, column)
            self.sink.references.append(Reference(space, value, where, owner))
        return value


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _NULL


# --- the files ---------------------------------------------------------------------------------


def _read_about(r: _Reader, node: yaml.Node) -> About | None:
    found = r.mapping(node, "", keys.ABOUT_KEYS, keys.ABOUT_REQUIRED)
    if found is None:
        return None
    name = r.text(found.get(keys.NAME), keys.NAME)
    short_name = r.text(found.get(keys.SHORT_NAME), keys.SHORT_NAME)
    description = r.text(found.get(keys.DESCRIPTION), keys.DESCRIPTION)
    source = r.text(found.get(keys.SOURCE), keys.SOURCE)
    topics = r.texts(found.get(keys.TOPICS), keys.TOPICS)
    country = r.country(found.get(keys.HOME_COUNTRY), keys.HOME_COUNTRY)
    if name is None or short_name is None or description is None or source is None:
        return None
    return About(name, short_name, description, source, topics, country)


def _read_organisations(r: _Reader, node: yaml.Node) -> tuple[Organisation, ...]:
    found = r.mapping(node, "", keys.ORGANISATIONS_FILE_KEYS, keys.ORGANISATIONS_FILE_KEYS)
    if not found:
        return ()
    return r.each(
        found.get(keys.ORGANISATIONS), keys.ORGANISATIONS, lambda n, p, _f: _read_org(r, n, p)
    )


def _read_org(r: _Reader, node: yaml.Node, path: str) -> Organisation | None:
    found = r.mapping(node, path, keys.ORGANISATION_KEYS, keys.ORGANISATION_REQUIRED)
    if found is None:
        return None
    org_id = _read_id(r, found.get(keys.ID), _child(path, keys.ID))
    if org_id is not None:
        r.declare(Space.ORGANISATION, org_id, org_id, found[keys.ID], _child(path, keys.ID))
    name = r.text(found.get(keys.NAME), _child(path, keys.NAME))
    short_names = r.plains(found.get(keys.SHORT_NAMES), _child(path, keys.SHORT_NAMES))
    country = r.country(found.get(keys.COUNTRY), _child(path, keys.COUNTRY))
    kind = r.choice(found.get(keys.KIND), _child(path, keys.KIND), "kind", _ORG_KINDS)
    description = r.text(found.get(keys.DESCRIPTION), _child(path, keys.DESCRIPTION))
    established = r.date(found.get(keys.ESTABLISHED), _child(path, keys.ESTABLISHED))
    part_of = r.ref(
        found.get(keys.PART_OF), _child(path, keys.PART_OF), Space.ORGANISATION, org_id or ""
    )
    if org_id is None or name is None:
        return None
    return Organisation(
        id=org_id,
        name=name,
        short_names=short_names,
        country=country,
        kind=OrgKind(kind) if kind else None,
        description=description,
        established=established,
        part_of=part_of,
    )


def _read_glossary(r: _Reader, node: yaml.Node) -> tuple[Term, ...]:
    found = r.mapping(node, "", keys.GLOSSARY_FILE_KEYS, keys.GLOSSARY_FILE_KEYS)
    if not found:
        return ()
    return r.each(found.get(keys.TERMS), keys.TERMS, lambda n, p, _f: _read_term(r, n, p))


def _read_term(r: _Reader, node: yaml.Node, path: str) -> Term | None:
    found = r.mapping(node, path, keys.TERM_KEYS, keys.TERM_REQUIRED)
    if found is None:
        return None
    term = r.plain(found.get(keys.TERM), _child(path, keys.TERM))
    if term is not None:
        r.declare(Space.TERM, term, term, found[keys.TERM], _child(path, keys.TERM))
    meaning = r.text(found.get(keys.MEANING), _child(path, keys.MEANING))
    variants = r.plains(found.get(keys.VARIANTS), _child(path, keys.VARIANTS))
    if term is None or meaning is None:
        return None
    return Term(term, meaning, variants)


def _read_id(r: _Reader, node: yaml.Node | None, path: str) -> str | None:
    value = r.plain(node, path)
    if value is None or node is None:
        return None
    problem = rules.id_problem(value)
    if problem:
        r.error(node, path, problem)
        return None
    return value


def _read_project(r: _Reader, node: yaml.Node, file_id: str) -> Project | None:
    found = r.mapping(node, "", keys.PROJECT_KEYS, keys.PROJECT_REQUIRED)
    if found is None:
        return None
    get = found.get
    project_id = _read_id(r, get(keys.ID), keys.ID)
    if project_id is not None:
        r.declare(Space.PROJECT, project_id, project_id, found[keys.ID], keys.ID)
        if project_id != file_id:
            r.error(
                found[keys.ID],
                keys.ID,
                f"the id '{project_id}' differs from the file name: "
                f"write 'id: {file_id}' or rename the file {project_id}{keys.YAML_SUFFIX}",
            )
    owner = project_id or file_id

    def declare_names(texts: Sequence[Text], key: str) -> None:
        for index, (text, item) in enumerate(zip(texts, _items(get(key)), strict=False)):
            for variant in text.variants():
                r.declare(Space.PROJECT_NAME, variant, owner, item, _item(key, index))

    title = r.text(get(keys.TITLE), keys.TITLE)
    acronym = r.plain(get(keys.ACRONYM), keys.ACRONYM)
    other_titles = r.texts(get(keys.OTHER_TITLES), keys.OTHER_TITLES)
    aliases = r.texts(get(keys.ALIASES), keys.ALIASES)
    if title is not None:
        for variant in title.variants():
            r.declare(Space.PROJECT_NAME, variant, owner, found[keys.TITLE], keys.TITLE)
    if acronym is not None:
        r.declare(Space.PROJECT_NAME, acronym, owner, found[keys.ACRONYM], keys.ACRONYM)
    declare_names(other_titles, keys.OTHER_TITLES)
    declare_names(aliases, keys.ALIASES)

    kind = r.choice(get(keys.KIND), keys.KIND, "kind", keys.PROJECT_KINDS)
    status = r.choice(get(keys.STATUS), keys.STATUS, "status", keys.PROJECT_STATUSES)
    period = _read_period(r, get(keys.PERIOD))
    areas = _read_areas(r, get(keys.RESULT_AREAS))

    def statements(key: str) -> tuple[Statement, ...]:
        return r.each(get(key), key, lambda n, p, _f: _read_statement(r, n, p, areas, owner))

    partners = r.each(
        get(keys.PARTNERS), keys.PARTNERS, lambda n, p, _f: _read_partner(r, n, p, owner)
    )
    countries = r.each(get(keys.COUNTRIES), keys.COUNTRIES, r.country)
    events = r.each(get(keys.EVENTS), keys.EVENTS, lambda n, p, _f: _read_event(r, n, p, owner))
    related = r.each(
        get(keys.RELATED), keys.RELATED, lambda n, p, _f: _read_relation(r, n, p, owner)
    )
    programme = r.text(get(keys.PROGRAMME), keys.PROGRAMME)
    summary = r.text(get(keys.SUMMARY), keys.SUMMARY)
    description = r.text(get(keys.DESCRIPTION), keys.DESCRIPTION)
    background = statements(keys.BACKGROUND)
    objectives = statements(keys.OBJECTIVES)
    components = statements(keys.COMPONENTS)
    activities = statements(keys.ACTIVITIES)
    results = statements(keys.RESULTS)
    funders = r.refs(get(keys.FUNDERS), keys.FUNDERS, Space.ORGANISATION, owner)
    iom_offices = r.texts(get(keys.IOM_OFFICES), keys.IOM_OFFICES)
    source = r.text(get(keys.SOURCE), keys.SOURCE)
    if (
        project_id is None
        or title is None
        or period is None
        or summary is None
        or description is None
    ):
        return None
    return Project(
        id=project_id,
        title=title,
        period=period,
        summary=summary,
        description=description,
        kind=kind or keys.DEFAULT_PROJECT_KIND,
        acronym=acronym,
        other_titles=other_titles,
        aliases=aliases,
        status=status or keys.DEFAULT_PROJECT_STATUS,
        programme=programme,
        background=background,
        objectives=objectives,
        components=components,
        activities=activities,
        results=results,
        partners=partners,
        funders=funders,
        countries=countries,
        iom_offices=iom_offices,
        events=events,
        related=related,
        source=source,
    )


def _items(node: yaml.Node | None) -> list[yaml.Node]:
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def _read_period(r: _Reader, node: yaml.Node | None) -> Period | None:
    if node is None:
        return None
    found = r.mapping(node, keys.PERIOD, keys.PERIOD_KEYS, keys.PERIOD_KEYS)
    if found is None:
        return None
    start = r.month(found.get(keys.START), _child(keys.PERIOD, keys.START))
    end = r.month(found.get(keys.END), _child(keys.PERIOD, keys.END))
    if start is None or end is None:
        return None
    problem = rules.period_problem(start, end)
    if problem:
        r.error(found[keys.END], _child(keys.PERIOD, keys.END), problem)
        return None
    return Period(start, end)


def _read_areas(r: _Reader, node: yaml.Node | None) -> dict[str, Text]:
    """`result_areas`: free keys, each naming a text."""
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        r.error(node, keys.RESULT_AREAS, rules.SHOULD_BE_MAPPING)
        return {}
    areas: dict[str, Text] = {}
    seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = r.key(key_node, keys.RESULT_AREAS)
        if key is None:
            continue
        path = _child(keys.RESULT_AREAS, key)
        if key in seen:
            r.error(key_node, path, rules.duplicate_key(key, seen[key]))
            continue
        seen[key] = key_node.start_mark.line + 1
        text = r.text(value_node, path)
        if text is not None:
            areas[key] = text
    return areas


def _read_statement(
    r: _Reader, node: yaml.Node, path: str, areas: dict[str, Text], owner: str
) -> Statement | None:
    if not isinstance(node, yaml.MappingNode):
        text = r.text(node, path)
        return r.sink.share(Statement(text)) if text else None
    found = r.mapping(node, path, keys.STATEMENT_KEYS, keys.STATEMENT_REQUIRED)
    if found is None:
        return None
    text = r.text(found.get(keys.TEXT), _child(path, keys.TEXT))
    status = r.choice(found.get(keys.STATUS), _child(path, keys.STATUS), "status", _STATUSES)
    area_key = r.plain(found.get(keys.AREA), _child(path, keys.AREA))
    area: Text | None = None
    if area_key is not None:
        area = areas.get(area_key)
        if area is None:
            hint = rules.did_you_mean(area_key, sorted(areas))
            if not hint:
                hint = f" (an area must be one of the keys under '{keys.RESULT_AREAS}')"
            r.error(found[keys.AREA], _child(path, keys.AREA), f"unknown area '{area_key}'{hint}")
    kind = r.plain(found.get(keys.KIND), _child(path, keys.KIND))
    label = r.label(found.get(keys.LABEL), _child(path, keys.LABEL))
    places = r.plains(found.get(keys.PLACES), _child(path, keys.PLACES))
    orgs = r.refs(found.get(keys.ORGS), _child(path, keys.ORGS), Space.ORGANISATION, owner)
    if text is None:
        return None
    return r.sink.share(
        Statement(
            text=text,
            status=Status(status) if status else Status.DONE,
            area=area,
            kind=kind,
            label=label,
            places=places,
            orgs=orgs,
        )
    )


def _read_partner(r: _Reader, node: yaml.Node, path: str, owner: str) -> Participation | None:
    found = r.mapping(node, path, keys.PARTNER_KEYS, keys.PARTNER_REQUIRED)
    if found is None:
        return None
    org = r.ref(found.get(keys.ORG), _child(path, keys.ORG), Space.ORGANISATION, owner)
    roles_path = _child(path, keys.ROLES)
    roles = r.each(
        found.get(keys.ROLES),
        roles_path,
        lambda n, p, flow: r.choice(n, p, "role", _ROLES, column=flow),
    )
    roles_node = found.get(keys.ROLES)
    if isinstance(roles_node, yaml.SequenceNode) and not roles_node.value:
        r.error(roles_node, roles_path, "should name at least one role")
    note = r.text(found.get(keys.NOTE), _child(path, keys.NOTE))
    if org is None or not roles:
        return None
    return r.sink.share(Participation(org, tuple(Role(role) for role in roles), note))


def _read_event(r: _Reader, node: yaml.Node, path: str, owner: str) -> Event | None:
    found = r.mapping(node, path, keys.EVENT_KEYS, keys.EVENT_REQUIRED)
    if found is None:
        return None
    date = r.date(found.get(keys.DATE), _child(path, keys.DATE))
    text = r.text(found.get(keys.TEXT), _child(path, keys.TEXT))
    orgs = r.refs(found.get(keys.ORGS), _child(path, keys.ORGS), Space.ORGANISATION, owner)
    if date is None or text is None:
        return None
    return Event(date, text, orgs)


def _read_relation(r: _Reader, node: yaml.Node, path: str, owner: str) -> Relation | None:
    found = r.mapping(node, path, keys.RELATION_KEYS, keys.RELATION_REQUIRED)
    if found is None:
        return None
    project = r.ref(found.get(keys.PROJECT), _child(path, keys.PROJECT), Space.PROJECT, owner)
    kind = r.plain(found.get(keys.KIND), _child(path, keys.KIND))
    if project is None or kind is None:
        return None
    return Relation(project, kind)


# --- the folder --------------------------------------------------------------------------------


class _Loader:
    def __init__(self, root: Path, sink: _Sink | None = None) -> None:
        self.root = root
        self.sink = _Sink() if sink is None else sink
        self.files: list[str] = []

    def run(self) -> LoadReport:
        about = self.read(keys.ABOUT_FILE, _read_about, required=True)
        organisations = self.read(keys.ORGANISATIONS_FILE, _read_organisations)
        organisations_broken = (
            organisations is None and (self.root / keys.ORGANISATIONS_FILE).is_file()
        )
        unreadable = [Space.ORGANISATION] if organisations_broken else []
        glossary = self.read(keys.GLOSSARY_FILE, _read_glossary) or ()
        projects = tuple(self.read_projects())
        self.check_stray_files()
        problems = self.sink.problems
        problems += rules.cross_check(self.sink.declarations, self.sink.references, unreadable)
        problems.sort(key=rules.sort_key)
        knowledge = None
        if about is not None and not any(p.is_error for p in problems):
            knowledge = KnowledgeBase(about, projects, organisations or (), glossary)
        return LoadReport(self.root, knowledge, tuple(problems), tuple(self.files))

    def problem(self, path: Path, message: str, severity: Severity = Severity.ERROR) -> None:
        self.sink.problems.append(Problem(display_path(path), None, None, "", message, severity))

    def compose(self, path: Path) -> tuple[_Reader, yaml.Node] | None:
        display = display_path(path)
        self.files.append(display)
        try:
            source = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            self.problem(path, "is not UTF-8 text: save it with the UTF-8 encoding")
            return None
        except OSError as exc:
            self.problem(path, f"cannot be read: {exc.strerror or exc}")
            return None
        try:
            node = _compose(source)
        except yaml.YAMLError as exc:
            self.sink.problems.append(rules.syntax_problem(display, exc))
            return None
        if node is None:
            self.problem(path, "the file is empty")
            return None
        return _Reader(display, self.sink), node

    def read(
        self, name: str, read: Callable[[_Reader, yaml.Node], T | None], required: bool = False
    ) -> T | None:
        path = self.root / name
        if not path.is_file():
            if required:
                self.problem(path, f"is missing: every knowledge base needs {name}")
            return None
        composed = self.compose(path)
        return read(*composed) if composed else None

    def read_projects(self) -> Iterator[Project]:
        folder = self.root / keys.PROJECTS_DIR
        if not folder.is_dir():
            self.problem(folder, "is missing: the projects are the .yaml files in this folder")
            return
        paths = sorted(p for p in folder.iterdir() if p.suffix == keys.YAML_SUFFIX and p.is_file())
        if not paths:
            self.problem(
                folder, f"holds no project: add one <id>{keys.YAML_SUFFIX} file per project"
            )
        batches = [paths[i : i + FILES_PER_PART] for i in range(0, len(paths), FILES_PER_PART)]
        helpers = parallel.helper_count() if len(paths) >= PARALLEL_MIN_FILES else 0
        own = round(len(batches) * OWN_SHARE / (OWN_SHARE + helpers))
        shared = self.sink.shared

        def read_batch(i: int) -> _Batch:
            return _Loader(self.root, _Sink(shared=shared)).read_batch(batches[i])

        # Later batches may be read by helper processes (see `parallel`): what each batch
        # found is added here in file order, exactly as if this process had read every file.
        for projects, problems, declarations, references, files in parallel.in_parts(
            read_batch, len(batches), own, helpers
        ):
            self.sink.problems += problems
            self.sink.declarations += declarations
            self.sink.references += references
            self.files += files
            yield from projects

    def read_batch(self, paths: Sequence[Path]) -> _Batch:
        """The projects of `paths`, with the problems, declarations, references and files
        reading them recorded (in this loader's own sink)."""
        projects = [p for p in map(self.read_project, paths) if p is not None]
        sink = self.sink
        return projects, sink.problems, sink.declarations, sink.references, self.files

    def read_project(self, path: Path) -> Project | None:
        composed = self.compose(path)
        if composed is None or not _has_id(composed[1]):
            # The file exists but its id cannot be read: take the file name as its id, so
            # that `related:` links to it are not reported as well.
            where = Location(display_path(path), None, None, keys.ID)
            self.sink.declarations.append(Declaration(Space.ASSUMED, path.stem, "", where))
        return _read_project(*composed, file_id=path.stem) if composed else None

    def check_stray_files(self) -> None:
        """Warn about YAML files that are never read, so a misnamed file is not silently lost."""
        for path in sorted(self.root.iterdir()):
            if _is_yaml_like(path) and path.name not in _KNOWN_FILES:
                suggestion = rules.closest(path.name, _KNOWN_FILES)
                hint = f"did you mean {suggestion}?" if suggestion else "it is not read"
                self.problem(path, f"this file is ignored — {hint}", Severity.WARNING)
        folder = self.root / keys.PROJECTS_DIR
        if folder.is_dir():
            # thousands of project files: only the misnamed ones are looked at (and sorted)
            misnamed = (p for p in folder.iterdir() if p.suffix == keys.WRONG_YAML_SUFFIX)
            for path in sorted(misnamed):
                if _is_yaml_like(path):
                    hint = f"rename it {path.stem}{keys.YAML_SUFFIX}"
                    self.problem(path, f"this file is ignored — {hint}", Severity.WARNING)


#: Project files read as one part of the work (see `parallel.in_parts`): a helper process
#: sends each part's projects back as one pickle.
FILES_PER_PART = 250
#: Below this many project files, starting a helper process costs more than it saves.
PARALLEL_MIN_FILES = 400
#: The share of the parts this process reads itself, against 1 for each helper: it also
#: unpickles what the helpers found, while a helper also pickles it.
OWN_SHARE = 1.0

#: What reading a batch of project files found (see `_Loader.read_batch`).
_Batch = tuple[list[Project], list[Problem], list[Declaration], list[Reference], list[str]]


#: Plain scalars at most this long have their implicit tag (str, int, bool, null ...) cached:
#: keys, ids, dates, statuses and names recur in every file.
_TAG_CACHE_LENGTH = 64
_SCALAR_TAG = yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG


def _fast_loader() -> type | None:
    """libyaml's composer when PyYAML was built with it: the same nodes and line marks, several
    times faster than the pure-Python one. libyaml calls back into Python to resolve every
    node's tag; the safe loader has no path resolvers, so a scalar's tag depends only on its
    value (and whether it is plain), and is looked up once per distinct short value."""
    base = getattr(yaml, "CSafeLoader", None)
    if base is None or base.yaml_path_resolvers:
        return base
    resolve = base.resolve
    tags: dict[str, str] = {}
    # and, with no path resolvers, a list's or a mapping's tag is always the default one
    collections: dict[type, str] = {
        yaml.SequenceNode: base.DEFAULT_SEQUENCE_TAG,
        yaml.MappingNode: base.DEFAULT_MAPPING_TAG,
    }

    class Loader(base):  # type: ignore[misc,valid-type]
        # With no path resolvers, the base class's descend_resolver(parent, index) and
        # ascend_resolver() do nothing, yet libyaml calls them around every node (3 million
        # calls at 10,000 projects): built-in functions taking the same arguments and doing
        # nothing that matters cost a third as much (10 % of composing).
        descend_resolver = staticmethod(operator.is_)
        ascend_resolver = staticmethod(tuple)

        def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
            if kind is not yaml.ScalarNode:
                tag = collections.get(kind)
                return tag or resolve(self, kind, value, implicit)
            if not implicit[0]:
                return _SCALAR_TAG
            tag = tags.get(value)
            if tag is None:
                tag = resolve(self, kind, value, implicit)
                if len(value) <= _TAG_CACHE_LENGTH and len(tags) < 100_000:
                    tags[value] = tag
            return tag

    return Loader


_FAST_LOADER = _fast_loader()


def _compose(source: str) -> yaml.Node | None:
    """The YAML node tree of one file. A file libyaml rejects is composed again by the
    pure-Python composer, so that syntax errors keep PyYAML's wording and position."""
    if _FAST_LOADER is not None:
        try:
            return yaml.compose(source, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(source, Loader=yaml.SafeLoader)


def _has_id(node: yaml.Node) -> bool:
    if not isinstance(node, yaml.MappingNode):
        return False
    for key, value in node.value:
        if key.value == keys.ID and isinstance(value, yaml.ScalarNode):
            return rules.id_problem(str(value.value)) is None
    return False


def _is_yaml_like(path: Path) -> bool:
    return path.is_file() and path.suffix in (keys.YAML_SUFFIX, keys.WRONG_YAML_SUFFIX)
