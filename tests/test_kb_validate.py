"""The validation rules and `projectbot check`: every problem named with file, line and field."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.__main__ import main
from bot.kb.check import load_valid_knowledge, run
from bot.kb.load import inspect_knowledge
from bot.kb.model import Date, Month
from bot.kb.validate import (
    Problem,
    Severity,
    closest,
    parse_date,
    parse_month,
    unknown_key,
)

FIXTURES = Path(__file__).parent / "fixtures" / "kb"
VALID = FIXTURES / "valid"
BROKEN = FIXTURES / "broken"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def broken_kb(case: str) -> str:
    """The valid fixture with the files of `broken/<case>` laid over it, at ./kb."""
    shutil.copytree(VALID, "kb")
    shutil.copytree(BROKEN / case, "kb", dirs_exist_ok=True)
    return "kb"


# Each broken fixture, and lines the check must print for it (all of them, in any order).
CASES = {
    "syntax": [
        "kb/projects/beta.yaml:5:7: YAML syntax: a ':' where none is expected",
    ],
    "unknown-key": [
        "kb/projects/beta.yaml:6: fundres: unknown key 'fundres' — did you mean 'funders'?",
        "kb/projects/beta.yaml:9: partners[1].rolse: unknown key 'rolse' — did you mean 'roles'?",
    ],
    "missing-fields": [
        "kb/projects/beta.yaml:1: 'title' is missing",
        "kb/projects/beta.yaml:6: partners[1]: 'roles' is missing",
    ],
    "wrong-types": [
        "kb/projects/beta.yaml:2: title: should be text",
        "kb/projects/beta.yaml:6: aliases: should be a list",
        "kb/projects/beta.yaml:7: acronym: should be a single text",
        "kb/projects/beta.yaml:8: countries: should be a list",
    ],
    "bad-dates": [
        "kb/projects/beta.yaml:3: period.end: '2007-13' is not a real month: there is no month 13",
        "kb/projects/beta.yaml:7: events[1].date: '2009-02-30' is not a real date: "
        "February 2009 has no day 30",
        "kb/projects/beta.yaml:9: events[2].date: '2009-9x' is not a date",
        "kb/projects/beta.yaml:11: events[3].date: '2009-13' is not a real date",
        "kb/projects/gamma.yaml:5: period.end: the end (2010-04) is before the start (2010-05)",
    ],
    "duplicate-ids": [
        "kb/organisations.yaml:4: organisations[2].id: organisation 'eu' is defined twice "
        "(first at kb/organisations.yaml:2)",
        "kb/projects/gamma.yaml:1: id: project 'beta' is defined twice "
        "(first at kb/projects/beta.yaml:1)",
        "kb/projects/gamma.yaml:1: id: the id 'beta' differs from the file name",
    ],
    "shared-alias": [
        "kb/projects/beta.yaml:4: aliases[1]: 'The First Project' also names project 'alpha'",
        "kb/projects/beta.yaml:5: acronym: 'alpha' also names project 'alpha'",
    ],
    "unknown-refs": [
        "kb/projects/beta.yaml:6:15: funders[2]: unknown organisation 'fsm' — did you mean 'fms'?",
        "kb/projects/beta.yaml:9:12: activities[1].orgs[1]: unknown organisation 'nobody'",
        "kb/projects/beta.yaml:13:12: events[1].orgs[1]: unknown organisation 'eu-commission'",
        "kb/projects/beta.yaml:15: related[1].project: unknown project 'alpah' "
        "— did you mean 'alpha'?",
        "kb/projects/beta.yaml:17: related[2].project: a project cannot be related to itself",
    ],
    "unknown-values": [
        "kb/organisations.yaml:4: organisations[1].kind: unknown kind 'EU institutions' "
        "— did you mean 'EU institution'?",
        "kb/projects/beta.yaml:3: kind: unknown kind 'programm' — did you mean 'programme'?",
        "kb/projects/beta.yaml:4: status: unknown status 'finished'",
        "kb/projects/beta.yaml:12: results[1].area: unknown area 'capacty' "
        "— did you mean 'capacity'?",
        "kb/projects/beta.yaml:13: results[1].status: unknown status 'plannned' "
        "— did you mean 'planned'?",
        "kb/projects/beta.yaml:16:13: partners[1].roles[1]: unknown role 'goverment counterpart' "
        "— did you mean 'government counterpart'?",
    ],
    "empty-text": [
        "kb/projects/beta.yaml:4: summary: is empty",
        "kb/projects/beta.yaml:7: description.ru: is empty",
        "kb/projects/beta.yaml:9: aliases[1]: is empty",
        "kb/projects/beta.yaml:10: iom_offices[2]: should be text: yes, no",
    ],
    "unknown-country": [
        "kb/about.yaml:10: country: unknown country 'Rusia' — did you mean 'Russian Federation'?",
        "kb/organisations.yaml:6: organisations[2].country: unknown country 'Atlantis'",
        "kb/projects/beta.yaml:6:33: countries[2]: unknown country 'Rusia' "
        "— did you mean 'Russian Federation'?",
        "kb/projects/beta.yaml:6:40: countries[3]: unknown country 'Narnia'",
    ],
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_reports_each_kind_of_error_with_file_line_and_field(
    case: str, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`projectbot check` exits 1 and prints one line per problem, at its file:line."""
    assert main(["check", broken_kb(case)]) == 1
    lines = capsys.readouterr().out.splitlines()
    for expected in CASES[case]:
        assert any(line.startswith(expected) for line in lines), (expected, lines)
    errors = [line for line in lines if line.startswith("kb/") and " warning:" not in line]
    assert len(errors) == len(CASES[case]), lines  # nothing reported twice, nothing extra
    assert lines[-1].startswith("kb: NOT valid — ")


def test_broken_fixtures_all_have_expectations() -> None:
    assert {p.name for p in BROKEN.iterdir()} == set(CASES)


def test_a_file_with_a_syntax_error_does_not_make_links_to_it_unknown(
    workdir: Path,
) -> None:
    """alpha's `related: beta` stays quiet while beta.yaml itself cannot be parsed."""
    report = inspect_knowledge(broken_kb("syntax"))
    assert [p.file for p in report.errors] == ["kb/projects/beta.yaml"]


def test_check_of_a_valid_kb_exits_0_and_folds_missing_russian_into_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", str(VALID)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("warning: 18 texts have no Russian version (ru) yet: about.yaml 4")
    assert "valid — 2 projects, 2 organisations, 1 glossary term, 18 warnings" in lines[1]


def test_verbose_check_lists_each_missing_russian_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(VALID), verbose=True) == 0
    out = capsys.readouterr().out
    assert "about.yaml:5: short_name: warning: has no Russian version (ru)" in out


def test_check_of_a_missing_folder_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert "cannot read the knowledge base" in err
    assert "no such folder" in err


def test_check_uses_the_knowledge_option_when_no_path_is_given(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", "--knowledge", str(VALID)]) == 0
    assert "valid — 2 projects" in capsys.readouterr().out


def test_check_without_arguments_passes_on_the_shipped_knowledge(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("PROJECTBOT_KNOWLEDGE", raising=False)
    assert main(["check"]) == 0
    assert "valid — 4 projects" in capsys.readouterr().out


def test_load_valid_knowledge_returns_the_kb_or_exits_without_a_traceback(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert [p.id for p in load_valid_knowledge(str(VALID)).projects] == ["alpha", "beta"]
    with pytest.raises(SystemExit) as invalid:
        load_valid_knowledge(broken_kb("unknown-key"))
    assert invalid.value.code == 1
    err = capsys.readouterr().err
    assert "kb/projects/beta.yaml:6: fundres: unknown key 'fundres'" in err
    assert "has 2 errors" in err
    with pytest.raises(SystemExit) as unreadable:
        load_valid_knowledge("nowhere")
    assert unreadable.value.code == 2


# --- the rules one by one -----------------------------------------------------------------------


def test_problem_prints_as_file_line_field_message() -> None:
    problem = Problem(
        "knowledge/projects/sireada.yaml", 14, None, "funders[1]", "'name' is missing"
    )
    assert str(problem) == "knowledge/projects/sireada.yaml:14: funders[1]: 'name' is missing"
    warning = Problem("a.yaml", 3, 7, "title", "has no Russian version (ru)", Severity.WARNING)
    assert str(warning) == "a.yaml:3:7: title: warning: has no Russian version (ru)"
    assert (
        str(Problem("a.yaml", None, None, "", "the file is empty")) == "a.yaml: the file is empty"
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2007", Date(2007)), ("2009-07", Date(2009, 7)), ("2024-02-29", Date(2024, 2, 29))],
)
def test_dates_may_be_a_year_a_month_or_a_day(raw: str, expected: Date) -> None:
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("2009-13", "there is no month 13"),
        ("2009-01-32", "January 2009 has no day 32"),
        ("2023-02-29", "February 2023 has no day 29"),
        ("2009-9x", "is not a date"),
        ("09-2009", "is not a date"),
        ("0999", "the year 999 looks wrong"),
    ],
)
def test_impossible_or_malformed_dates_are_explained(raw: str, reason: str) -> None:
    result = parse_date(raw)
    assert isinstance(result, str)
    assert reason in result


def test_period_months_must_be_written_yyyy_mm() -> None:
    assert parse_month("2011-03") == Month(2011, 3)
    assert "YYYY-MM" in str(parse_month("2011"))
    assert "no month 0" in str(parse_month("2011-00"))


def test_unknown_keys_get_the_closest_valid_key_or_the_list() -> None:
    assert unknown_key("fundres", ["funders", "partners"]).endswith("did you mean 'funders'?")
    assert "allowed here are: funders, partners" in unknown_key("zzz", ["funders", "partners"])
    assert closest("ngo partner", ["NGO partner", "partner"]) == "NGO partner"


def test_duplicate_yaml_keys_and_shared_names_across_case_are_errors(workdir: Path) -> None:
    shutil.copytree(VALID, "kb")
    Path("kb/projects/beta.yaml").write_text(
        "id: beta\ntitle: Beta\ntitle: Beta again\nacronym: Alpha\n"
        "period: {start: 2007-02, end: 2010-02}\nsummary: s\ndescription: d\n",
        encoding="utf-8",
    )
    messages = [str(p) for p in inspect_knowledge("kb").errors]
    assert (
        "kb/projects/beta.yaml:3: title: key 'title' is written twice (first on line 2); keep one"
        in messages
    )
    shared = "kb/projects/beta.yaml:4: acronym: 'Alpha' also names project 'alpha'"
    assert any(m.startswith(shared) for m in messages)


# Lines of the valid fixture, and ways to damage them.
_ALPHA = (VALID / "projects" / "alpha.yaml").read_text(encoding="utf-8").splitlines()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    line=st.integers(min_value=0, max_value=len(_ALPHA) - 1),
    damage=st.sampled_from(
        ["delete", "dedent", "indent", "colon", "quote", "tab", "blank", "null"]
    ),
)
def test_no_damage_to_a_file_crashes_the_loader(line: int, damage: str) -> None:
    """Whatever a maintainer breaks, reading reports problems (or still loads): never a crash."""
    lines = list(_ALPHA)
    text = lines[line]
    lines[line] = {
        "delete": "",
        "dedent": text.lstrip(),
        "indent": "   " + text,
        "colon": text + ": x",
        "quote": text.replace(":", ': "', 1),
        "tab": "\t" + text,
        "blank": text.split(":")[0] + ": ''" if ":" in text else "- ''",
        "null": text.split(":")[0] + ":" if ":" in text else "-",
    }[damage]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "kb"
        shutil.copytree(VALID, root)
        (root / "projects" / "alpha.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        report = inspect_knowledge(root)
    assert (report.knowledge is None) == bool(report.errors)
    for problem in report.errors:
        assert problem.file.endswith(".yaml")
        assert problem.message


def test_a_broken_organisations_file_is_reported_once_not_at_every_reference(
    workdir: Path,
) -> None:
    """An unclosed quote is reported where it opens; the links to organisations stay quiet."""
    shutil.copytree(VALID, "kb")
    Path("kb/organisations.yaml").write_text(
        'organisations:\n  - id: eu\n    name: "European Union\n', encoding="utf-8"
    )
    errors = [str(p) for p in inspect_knowledge("kb").errors]
    assert len(errors) == 1, errors
    assert errors[0].startswith("kb/organisations.yaml:3:11: YAML syntax: a quote is opened")


def test_without_an_organisations_file_every_reference_is_unknown(workdir: Path) -> None:
    shutil.copytree(VALID, "kb")
    Path("kb/organisations.yaml").unlink()
    errors = [str(p) for p in inspect_knowledge("kb").errors]
    expected = "kb/projects/alpha.yaml:28:11: funders[1]: unknown organisation 'eu'"
    assert any(e.startswith(expected) for e in errors), errors
