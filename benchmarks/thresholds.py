"""Where the answering thresholds sit among the scores real questions get.

For every last turn of the question sets, prints the best project-name strength and the best
statement coverage, split by what the question expects (an answer about projects, or an
abstention), as quantiles. The thresholds in `bot/core/answer.py` (a name at 0.7, a statement
at 0.6 of the question's weight, 0.7 to identify a project by a statement alone) should separate
the two groups; this shows how well they do.

    python benchmarks/thresholds.py ../shared/eval/dev.jsonl benchmarks/questions/heldout.jsonl
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

from bot.core.engine import Engine
from bot.core.understand import parse
from bot.kb.load import load_knowledge


def quantiles(values: list[float]) -> str:
    if not values:
        return "-"
    values = sorted(values)
    pick = [values[int(q * (len(values) - 1))] for q in (0.1, 0.25, 0.5, 0.75, 0.9)]
    return (
        " ".join(f"{v:.2f}" for v in pick)
        + f"  (n={len(values)}, mean {statistics.mean(values):.2f})"
    )


def main(paths: list[str]) -> int:
    engine = Engine(load_knowledge())
    names: dict[str, list[float]] = {"answer": [], "none": []}
    details: dict[str, list[float]] = {"answer": [], "none": []}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            group = "none" if case["expect"]["match"] == "none" else "answer"
            query = parse(engine.index, case["turns"][-1])
            names[group].append(query.names[0].strength if query.names else 0.0)
            docs = engine.index.score_docs(query.residual) if query.residual else []
            details[group].append(docs[0][1] if docs else 0.0)
    print("quantiles 10% 25% 50% 75% 90%")
    for group in ("answer", "none"):
        print(f"best name strength, expects {group:<6}: {quantiles(names[group])}")
    for group in ("answer", "none"):
        print(f"best statement share, expects {group:<6}: {quantiles(details[group])}")
    return 0


if __name__ == "__main__":
    sys.exit(
        main(sys.argv[1:] or ["../shared/eval/dev.jsonl", "benchmarks/questions/heldout.jsonl"])
    )
