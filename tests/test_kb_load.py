"""Loading the knowledge base: YAML into the model, path resolution, and the shipped data."""

from __future__ import annotations

import calendar
import re
import shutil
from pathlib import Path

import pytest

from bot.kb import load as load_module
from bot.kb.load import (
    ENV_VAR,
    KnowledgeError,
    KnowledgeUnreadable,
    inspect_knowledge,
    load_knowledge,
    resolve_knowledge_path,
)
from bot.kb.model import Date, Month, OrgKind, Project, Relation, Role, Status, Text

REPO_ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "kb"
VALID = FIXTURES / "valid"
SHIPPED = REPO_ROOT / "knowledge"
SEED = REPO_ROOT.parent / "shared" / "seed" / "completed-projects.txt"
SHIPPED_IDS = {"sireada", "border-checkpoints", "readmission-mechanisms", "readmission-framework"}


@pytest.fixture
def kb_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the valid fixture at ./kb in a temporary current folder."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(VALID, tmp_path / "kb")
    return Path("kb")


# --- building the model -------------------------------------------------------------------------


def test_valid_fixture_builds_the_model_exactly() -> None:
    kb = load_knowledge(VALID)
    assert kb.about.name == Text("Test Organisation", "Тестовая организация")
    assert kb.about.short_name == Text("TO")
    assert [p.id for p in kb.projects] == ["alpha", "beta"]
    alpha = kb.project("alpha")
    assert alpha is not None
    assert alpha.title == Text("Alpha Project", "Проект Альфа")
    assert alpha.acronym == "ALPHA"
    assert alpha.kind == "programme"
    assert alpha.status == "completed"
    assert alpha.period.start == Month(2009, 9)
    assert alpha.period.end == Month(2011, 6)
    assert alpha.aliases == (Text("the first project"),)
    assert alpha.objectives[0].text == Text("plain statement")
    assert alpha.objectives[0].status is Status.DONE
    result = alpha.results[0]
    assert result.area == Text("building capacity")
    assert result.status is Status.PLANNED
    assert result.kind == "manual"
    assert result.places == ("Moscow",)
    assert result.orgs == ("fms",)
    assert alpha.partners[0].roles == (Role.PARTNER, Role.FINAL_BENEFICIARY)
    assert alpha.partners[0].note == Text("the partner")
    assert alpha.funders == ("eu",)
    assert alpha.countries == ("Russian Federation", "Moldova")
    assert alpha.events[0].date == Date(2009, 7)
    assert alpha.events[0].orgs == ("eu",)
    assert alpha.related == (Relation("beta", "follow-up of"),)


def test_a_label_is_plain_or_in_both_languages(kb_copy: Path) -> None:
    """A plain label stays as written in every language (no missing-translation warning); a
    label with `en:` and `ru:` is shown in the answer's language."""
    alpha = kb_copy / "projects" / "alpha.yaml"
    alpha.write_text(
        alpha.read_text(encoding="utf-8")
        + "components:\n"
        + "  - {text: first part, label: Part A}\n"
        + "  - {text: second part, label: {en: Component Two, ru: Компонент 2}}\n",
        encoding="utf-8",
    )
    report = inspect_knowledge(kb_copy)
    assert report.ok
    assert not [w for w in report.warnings if "label" in w.path]  # (the fixture has others)
    project = report.knowledge.project("alpha") if report.knowledge else None
    assert project is not None
    first, second = project.components
    assert first.label == Text("Part A")
    assert second.label == Text("Component Two", "Компонент 2")
    assert second.label.get("ru") == "Компонент 2"


def test_defaults_apply_when_optional_fields_are_absent() -> None:
    beta = load_knowledge(VALID).project("beta")
    assert isinstance(beta, Project)
    assert beta.kind == "project"
    assert beta.status == "completed"
    assert beta.acronym is None
    assert beta.partners == ()
    assert beta.period.months == 37


def test_organisations_get_kinds_dates_and_canonical_countries() -> None:
    kb = load_knowledge(VALID)
    fms = kb.org("fms")
    assert fms is not None
    assert fms.kind is OrgKind.GOVERNMENT_AGENCY
    assert fms.country == "Russian Federation"  # written 'Russia' in the YAML
    assert fms.established == Date(1992, 6, 14)
    eu = kb.org("eu")
    assert eu is not None
    assert eu.short_names == ("EU",)
    assert kb.glossary[0].variants == ("FMS of Russia",)


def test_an_unquoted_full_date_and_a_bare_year_are_read_as_dates(kb_copy: Path) -> None:
    """YAML would read 2007-06-01 as a date object and 2007 as a number: both become a Date."""
    (kb_copy / "organisations.yaml").write_text(
        "organisations:\n  - id: eu\n    name: EU\n    established: 2007\n"
        "  - id: fms\n    name: FMS\n    established: 2007-06-01\n",
        encoding="utf-8",
    )
    kb = load_knowledge(kb_copy)
    assert kb.orgs_by_id["eu"].established == Date(2007)
    assert kb.orgs_by_id["fms"].established == Date(2007, 6, 1)


# --- errors and paths ---------------------------------------------------------------------------


def test_knowledge_error_carries_every_problem_of_every_file(kb_copy: Path) -> None:
    (kb_copy / "projects" / "beta.yaml").write_text(
        "id: beta\ntitel: Beta\nperiod: {start: 2007-02, end: 2007-13}\n", encoding="utf-8"
    )
    (kb_copy / "glossary.yaml").write_text("terms:\n  - term: X\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(kb_copy)
    messages = [str(p) for p in caught.value.errors]
    assert "kb/glossary.yaml:2: terms[1]: 'meaning' is missing" in messages
    assert any("kb/projects/beta.yaml:2: titel: unknown key 'titel'" in m for m in messages)
    assert any("kb/projects/beta.yaml:3: period.end: '2007-13'" in m for m in messages)
    assert "kb/projects/beta.yaml:1: 'summary' is missing" in messages
    assert len(messages) == 5  # no "title is missing": the misspelt key says it
    assert "errors:" in str(caught.value)


@pytest.mark.parametrize("make", ["missing", "file"])
def test_a_missing_folder_or_a_file_is_unreadable_not_invalid(tmp_path: Path, make: str) -> None:
    target = tmp_path / "kb"
    if make == "file":
        target.write_text("not a folder", encoding="utf-8")
    with pytest.raises(KnowledgeUnreadable):
        load_knowledge(target)
    assert not issubclass(KnowledgeUnreadable, KnowledgeError)


def test_missing_about_and_empty_projects_folder_are_errors(tmp_path: Path) -> None:
    (tmp_path / "projects").mkdir()
    report = inspect_knowledge(tmp_path)
    messages = " | ".join(str(p) for p in report.errors)
    assert "about.yaml: is missing" in messages
    assert "holds no project" in messages
    assert report.knowledge is None


def test_empty_file_and_wrong_top_level_are_errors(kb_copy: Path) -> None:
    (kb_copy / "glossary.yaml").write_text("# nothing yet\n", encoding="utf-8")
    (kb_copy / "organisations.yaml").write_text("- eu\n- fms\n", encoding="utf-8")
    messages = [str(p) for p in inspect_knowledge(kb_copy).errors]
    assert "kb/glossary.yaml: the file is empty" in messages
    assert any(m.startswith("kb/organisations.yaml:1: should be a group of") for m in messages)


def test_misnamed_files_are_warned_about_not_silently_ignored(kb_copy: Path) -> None:
    (kb_copy / "projects" / "gamma.yml").write_text("id: gamma\n", encoding="utf-8")
    (kb_copy / "organizations.yaml").write_text("organisations: []\n", encoding="utf-8")
    report = inspect_knowledge(kb_copy)
    assert report.knowledge is not None
    warnings = [str(p) for p in report.warnings]
    assert "kb/projects/gamma.yml: warning: this file is ignored — rename it gamma.yaml" in warnings
    assert any(
        "organizations.yaml" in w and "did you mean organisations.yaml" in w for w in warnings
    )


def test_resolve_prefers_explicit_then_environment_then_repository(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert resolve_knowledge_path("elsewhere") == Path("elsewhere")
    assert resolve_knowledge_path(None) == tmp_path
    monkeypatch.delenv(ENV_VAR)
    assert resolve_knowledge_path(None) == SHIPPED


def test_load_without_a_path_reads_the_repository_knowledge(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert {p.id for p in load_knowledge().projects} == SHIPPED_IDS


def test_loader_does_not_import_telegram() -> None:
    source = Path(load_module.__file__).read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import)\s+telegram", source, re.MULTILINE)


# --- the shipped knowledge base -----------------------------------------------------------------


def test_shipped_knowledge_is_valid_with_the_four_projects() -> None:
    report = inspect_knowledge(SHIPPED)
    assert report.errors == (), "\n".join(str(p) for p in report.errors)
    assert report.knowledge is not None
    assert {p.id for p in report.knowledge.projects} == SHIPPED_IDS


def _seed_sections(seed: str) -> dict[str, str]:
    """The seed page cut at its project headings ('Title (ACRONYM) (2009-2011)')."""
    heading = re.compile(r"^(?P<title>.+?) \((?P<start>\d{4})-(?P<end>\d{4})\)$", re.MULTILINE)
    found = list(heading.finditer(seed))
    sections: dict[str, str] = {}
    for match, following in zip(found, [*found[1:], None], strict=True):
        end = following.start() if following else len(seed)
        sections[match["title"]] = seed[match.start() : end]
    return sections


def _section_of(project: Project, sections: dict[str, str]) -> str:
    for heading in (project.title.en, f"{project.title.en} ({project.acronym})"):
        if heading in sections:
            return sections[heading]
    raise AssertionError(f"{project.id}: title {project.title.en!r} is no heading of the seed page")


def _org_names(kb_org_name: str, short_names: tuple[str, ...]) -> list[str]:
    """An organisation's names, plus its name without a trailing 'of <Country>' (the page writes
    'the Ministry of Foreign Affairs and the Federal Migration Service of Russia')."""
    names = [kb_org_name, *short_names]
    names.append(re.sub(r" of (the )?[A-Z][\w ]+$", "", kb_org_name))
    return names


def test_every_project_agrees_with_the_seed_page() -> None:
    """Titles appear exactly; the period matches the 'Project duration' line and the heading
    years; funders are named in the 'funded by' sentence; partners and countries in the section."""
    if not SEED.is_file():
        pytest.skip(f"the seed page is not at {SEED} (it lives in ../shared/seed/ on CI)")
    seed = SEED.read_text(encoding="utf-8")
    sections = _seed_sections(seed)
    kb = load_knowledge(SHIPPED)
    for project in kb.projects:
        section = _section_of(project, sections)
        for other in project.other_titles:
            assert other.en in seed, f"{project.id}: other title {other.en!r} not on the page"
        years = re.search(r"\((\d{4})-(\d{4})\)\s*$", section.splitlines()[0])
        assert years, project.id
        assert (int(years[1]), int(years[2])) == (
            project.period.start.year,
            project.period.end.year,
        )

        duration = re.search(
            r"(?:Project|Programme) duration:\s*(\w+ \d{4})\s*[-–]\s*(\w+ \d{4})", section
        )
        assert duration, f"{project.id}: no duration line"
        for month, written in (
            (project.period.start, duration[1]),
            (project.period.end, duration[2]),
        ):
            expected = f"{calendar.month_name[month.month]} {month.year}"
            assert written == expected, f"{project.id}: period has {month}, the page {written}"

        funded = " ".join(s for s in re.split(r"(?<=\.)\s", section) if "funded by" in s)
        assert funded, f"{project.id}: no 'funded by' sentence"
        for funder in project.funders:
            org = kb.orgs_by_id[funder]
            names = _org_names(org.name.en, org.short_names)
            assert any(n in funded for n in names), (
                f"{project.id}: funder {funder} not in {funded!r}"
            )

        for partner in project.partners:
            org = kb.orgs_by_id[partner.org]
            names = _org_names(org.name.en, org.short_names)
            assert any(n in section for n in names), (
                f"{project.id}: partner {partner.org} not named"
            )
        for country in project.countries:
            assert country in section, f"{project.id}: country {country} not named"
