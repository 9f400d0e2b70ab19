"""The terminal surfaces: `projectbot ask`, `ask --jsonl` and the interactive `projectbot chat`.

They use the same engine and the same per-chat context as Telegram; only the rendering differs.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Final, TextIO

from bot.core.context import ChatState
from bot.core.engine import Engine
from bot.core.types import Answer, Question
from bot.kb.check import load_valid_knowledge
from bot.render.plain import button_labels, render

KEY_CHAT: Final = "chat"
KEY_TEXT: Final = "text"
KEY_LANG: Final = "lang"
DEFAULT_CHAT: Final = 0
QUIT_WORDS: Final = frozenset({"/quit", "/exit", "quit", "exit"})


def answer_record(chat: Any, text: str, answer: Answer) -> dict[str, Any]:
    """One output line of `ask --jsonl`: the stable interface other tools read."""
    return {
        "chat": chat,
        "text": text,
        "kind": answer.kind.value,
        "projects": list(answer.projects),
        "fields": list(answer.fields),
        "answer": render(answer),
        "buttons": button_labels(answer),
    }


class Conversations:
    """Chat states by chat id, as the terminal surfaces keep them."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.states: dict[Any, ChatState] = {}

    def ask(self, chat: Any, text: str, lang: str | None = None) -> Answer:
        key = json.dumps(chat, sort_keys=True, default=str)
        reply = self.engine.ask(
            Question(text=text, chat_id=str(chat), lang=lang), self.states.get(key)
        )
        self.states[key] = reply.state
        return reply.answer


def run_jsonl(engine: Engine, source: TextIO, sink: TextIO) -> int:
    """Answer JSON lines from `source`; bad lines get an error record, never a crash."""
    conversations = Conversations(engine)
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get(KEY_TEXT), str):
                raise ValueError("each line must be an object with a string 'text'")
            lang = item.get(KEY_LANG)
            if lang not in (None, "en", "ru"):
                raise ValueError("'lang' must be 'en' or 'ru'")
        except (json.JSONDecodeError, ValueError) as error:
            sink.write(json.dumps({"line": number, "error": str(error)}, ensure_ascii=False) + "\n")
            continue
        chat = item.get(KEY_CHAT, DEFAULT_CHAT)
        answer = conversations.ask(chat, item[KEY_TEXT], lang)
        sink.write(
            json.dumps(answer_record(chat, item[KEY_TEXT], answer), ensure_ascii=False) + "\n"
        )
        sink.flush()
    return 0


def ask(args: argparse.Namespace) -> int:
    engine = Engine(load_valid_knowledge(args.knowledge))
    if args.jsonl:
        return run_jsonl(engine, sys.stdin, sys.stdout)
    if not args.question:
        print(
            "projectbot ask: give a question, or --jsonl to read JSON lines from stdin",
            file=sys.stderr,
        )
        return 2
    answer = Conversations(engine).ask(DEFAULT_CHAT, args.question, args.lang)
    print(render(answer))
    return 0


def chat(args: argparse.Namespace) -> int:
    engine = Engine(load_valid_knowledge(args.knowledge))
    conversations = Conversations(engine)
    print(render(engine.help()))
    print("\n(Type a question; /quit to leave.)")
    while True:
        try:
            text = input("\nyou> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if text.lower() in QUIT_WORDS:
            return 0
        if not text:
            continue
        answer = conversations.ask("terminal", text)
        print("\nbot> " + render(answer).replace("\n", "\n     "))
        labels = button_labels(answer)
        if labels:
            print("     [" + "] [".join(labels) + "]")
