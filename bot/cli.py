"""The commands behind `projectbot COMMAND`: each takes the parsed arguments, returns an exit code."""

from __future__ import annotations

import argparse


def check(args: argparse.Namespace) -> int:
    from bot.kb.check import run

    return run(args.path or args.knowledge)


def ask(args: argparse.Namespace) -> int:
    from bot.shell import ask

    return ask(args)


def chat(args: argparse.Namespace) -> int:
    from bot.shell import chat

    return chat(args)


def evaluate(args: argparse.Namespace) -> int:
    from bot.evaluate import run

    return run(args)


def since_date(value: str) -> float:
    from bot.store.report import parse_since

    return parse_since(value)


def report(args: argparse.Namespace) -> int:
    from bot.store.report import run

    return run(args.db, args.since, as_csv=args.csv)


def run_polling(args: argparse.Namespace) -> int:
    from bot.telegram.app import run_polling

    return run_polling(args.knowledge)


def run_webhook(args: argparse.Namespace) -> int:
    from bot.telegram.app import run_webhook

    return run_webhook(args.knowledge)
