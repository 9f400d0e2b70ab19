"""`projectbot ask`, `ask --jsonl` and `eval`: the stable command-line interfaces, run as a user
would run them (a real subprocess on the shipped knowledge base)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
JSONL_KEYS = {"chat", "text", "kind", "projects", "fields", "answer", "buttons"}
KINDS = {
    "project",
    "field",
    "list",
    "count",
    "clarify",
    "not_found",
    "no_info",
    "out_of_scope",
    "help",
}


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=REPO,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def jsonl(*items: dict[str, object]) -> str:
    return "".join(json.dumps(item) + "\n" for item in items)


def test_ask_prints_a_plain_text_answer() -> None:
    result = run_cli("ask", "who funded SIREADA?")
    assert result.returncode == 0
    assert "European Union" in result.stdout
    assert "<b>" not in result.stdout


def test_ask_jsonl_writes_one_line_per_input_line_in_order_with_the_stable_keys() -> None:
    questions = ["what was SIREADA", "which projects ran in 2010", "recommend a restaurant", "hi"]
    result = run_cli(
        "ask", "--jsonl", stdin=jsonl(*({"chat": i, "text": q} for i, q in enumerate(questions)))
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["text"] for line in lines] == questions
    for line in lines:
        assert set(line) == JSONL_KEYS
        assert line["kind"] in KINDS
    assert lines[0]["kind"] == "project" and lines[0]["projects"][0] == "sireada"
    assert lines[0]["buttons"], "a card offers buttons"
    assert lines[1]["kind"] == "list"
    assert lines[2]["kind"] == "out_of_scope"
    assert lines[3]["kind"] == "help"


def test_ask_jsonl_lines_of_one_chat_share_context_and_other_chats_do_not() -> None:
    stdin = jsonl(
        {"chat": "a", "text": "tell me about the border checkpoints project"},
        {"chat": "b", "text": "tell me about SIREADA"},
        {"chat": "a", "text": "who funded it?"},
        {"chat": "b", "text": "when did it end?"},
    )
    lines = [
        json.loads(line) for line in run_cli("ask", "--jsonl", stdin=stdin).stdout.splitlines()
    ]
    assert lines[2]["projects"][0] == "border-checkpoints"
    assert "European Union" in lines[2]["answer"]
    assert lines[3]["projects"][0] == "sireada"
    assert "February 2013" in lines[3]["answer"]


def test_ask_jsonl_answers_russian_in_russian() -> None:
    stdin = jsonl({"text": "кто финансировал SIREADA?", "lang": "ru"})
    [line] = [json.loads(x) for x in run_cli("ask", "--jsonl", stdin=stdin).stdout.splitlines()]
    assert line["projects"][0] == "sireada"
    assert "Европейский союз" in line["answer"]


def test_ask_jsonl_reports_a_bad_line_and_goes_on() -> None:
    stdin = "this is not json\n" + jsonl({"chat": 1}) + jsonl({"chat": 1, "text": "SIREADA"})
    result = run_cli("ask", "--jsonl", stdin=stdin)
    assert result.returncode == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0]["line"] == 1 and "error" in lines[0]
    assert lines[1]["line"] == 2 and "text" in lines[1]["error"]
    assert lines[2]["projects"] == ["sireada"]


def test_eval_grades_a_question_file_and_reports_each_category(tmp_path: Path) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_text(
        jsonl(
            {
                "id": "t1",
                "category": "acronym",
                "lang": "en",
                "turns": ["who funded SIREADA"],
                "expect": {
                    "match": "first",
                    "projects": ["sireada"],
                    "facts": [["European Union"]],
                },
            },
            {
                "id": "t2",
                "category": "out_of_scope",
                "lang": "en",
                "turns": ["who funded SIREADA"],
                "expect": {"match": "none", "projects": [], "facts": []},
            },
        ),
        encoding="utf-8",
    )
    result = run_cli("eval", str(cases))
    assert result.returncode == 0
    assert "FAIL t2" in result.stdout
    assert "FAIL t1" not in result.stdout
    assert "acronym" in result.stdout and "100.0%" in result.stdout
    assert "out_of_scope" in result.stdout and "0.0%" in result.stdout


def test_an_invalid_knowledge_base_stops_ask_with_file_and_line_not_a_traceback(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "kb"
    broken.mkdir()
    (broken / "about.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    result = run_cli("ask", "--knowledge", str(broken), "SIREADA")
    assert result.returncode == 1
    assert "about.yaml:2" in result.stderr
    assert "Traceback" not in result.stderr
