"""The `projectbot` command line. Parsing only: each command lives in its own module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from bot import cli


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="projectbot",
        description="A chat bot that answers questions about IOM Russian Federation projects.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(
        name: str, help_text: str, run: Callable[[argparse.Namespace], int]
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument(
            "--knowledge",
            metavar="PATH",
            help="knowledge base folder (default: $PROJECTBOT_KNOWLEDGE, else the repository's knowledge/)",
        )
        p.set_defaults(run=run)
        return p

    check = command("check", "validate the knowledge base and report every problem", cli.check)
    check.add_argument("path", nargs="?", help="knowledge base folder to check")

    ask = command("ask", "answer one question, or JSON lines from stdin with --jsonl", cli.ask)
    ask.add_argument("question", nargs="?", help="the question to answer")
    ask.add_argument(
        "--jsonl", action="store_true", help="read JSON lines on stdin, write JSON lines"
    )
    ask.add_argument("--lang", choices=("en", "ru"), help="answer language (default: detected)")

    command("chat", "chat with the bot in this terminal (no Telegram needed)", cli.chat)

    evaluate = command(
        "eval", "grade the bot on a question file such as shared/eval/dev.jsonl", cli.evaluate
    )
    evaluate.add_argument("file", help="JSON lines question file")
    evaluate.add_argument("--quiet", action="store_true", help="print only the summary table")

    report = command(
        "report", "what people asked: unanswered questions, most asked, 👎 answers", cli.report
    )
    report.add_argument(
        "--db",
        metavar="PATH",
        help="question log database (default: $PROJECTBOT_DATA_DIR/questions.sqlite3, "
        "PROJECTBOT_DATA_DIR defaulting to ./data)",
    )
    report.add_argument(
        "--since", metavar="DATE", type=cli.since_date, help="only questions from DATE (YYYY-MM-DD)"
    )
    report.add_argument("--csv", action="store_true", help="write CSV instead of text tables")

    command("run", "run the Telegram bot with long polling", cli.run_polling)
    command("webhook", "run the Telegram bot as a webhook server", cli.run_webhook)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
