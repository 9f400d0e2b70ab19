"""Inline mode: `@bot SIREADA` in any chat → one result card per matching project.

Results: a field answer first when the query asks for one ("SIREADA funders"), then the matching
projects best first (an exact acronym before anything else); an empty query lists every project.
Pages of at most 50 results, `next_offset` = the index of the next result as a string.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Final

from telegram import (
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Update,
)
from telegram.constants import InlineQueryLimit, InlineQueryResultLimit, ParseMode

from bot.core import fields as F
from bot.core.context import ChatState
from bot.core.engine import Engine
from bot.core.messages import label
from bot.core.types import Answer, Kind, Question
from bot.render.html import description, render
from bot.telegram.commands import INLINE_START_PAYLOAD, deep_link
from bot.telegram.keyboards import url_keyboard
from bot.telegram.session import LANG_KEY, Context, engine_of
from bot.telegram.texts import EN, RU, text, user_lang

PAGE_SIZE: Final = int(InlineQueryLimit.RESULTS)
CACHE_SECONDS: Final = 300
MAX_RESULT_ID: Final = int(InlineQueryResultLimit.MAX_ID_LENGTH)
PROJECT_RESULT: Final = "p"
FIELD_RESULT: Final = "f"
#: Most projects a query can match (the whole knowledge base, in practice).
MAX_MATCHES: Final = 1000
#: Fields the card itself shows: asking for them gives just the card.
CARD_FIELDS: Final = frozenset({F.SUMMARY, F.TITLE, F.ACRONYM})
_CYRILLIC: Final = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN: Final = re.compile(r"[a-z]", re.IGNORECASE)


@dataclass(frozen=True)
class _Item:
    result_id: str
    title: str
    project: str
    answer: Answer | None = None  # None: the project's card, made when its page is shown


def result_id(*parts: str) -> str:
    """A result id from parts, hashed when it would exceed Telegram's 64 bytes."""
    value = ".".join(parts)
    if len(value.encode()) <= MAX_RESULT_ID:
        return value
    return hashlib.sha256(value.encode()).hexdigest()[:MAX_RESULT_ID]


def query_lang(query: str) -> str | None:
    """The language a query is written in, when its letters tell."""
    if _CYRILLIC.search(query):
        return RU
    if _LATIN.search(query):
        return EN
    return None


def parse_offset(offset: str) -> int:
    """The page an inline query asks for: the offset we sent, a number; anything else (a
    forged one, "²" is a digit to `isdigit` but no number to `int`) is the first page."""
    return int(offset) if offset.isascii() and offset.isdigit() else 0


def items_for(engine: Engine, query: str, lang: str) -> list[_Item]:
    """Every result for a query, in order: a field answer, then projects best first."""
    items: list[_Item] = []
    ranked = [pid for pid, _ in engine.find(query, limit=MAX_MATCHES)] if query else []
    if not query:
        ranked = [p.id for p in engine.kb.projects]
    else:
        folded = query.casefold()
        exact = [
            pid
            for pid in ranked
            if (p := engine.kb.project(pid)) and p.acronym and p.acronym.casefold() == folded
        ]
        ranked = exact + [pid for pid in ranked if pid not in exact]
        asked = engine.ask(Question(text=query, lang=lang), ChatState()).answer
        if (
            asked.kind is Kind.FIELD
            and len(asked.projects) == 1
            and asked.fields
            and asked.fields[0] not in CARD_FIELDS
        ):
            pid, field_name = asked.projects[0], asked.fields[0]
            project = engine.kb.project(pid)
            name = project.name if project else pid
            items.append(
                _Item(
                    result_id(FIELD_RESULT, pid, field_name),
                    f"{name}: {label(field_name, lang)}",
                    pid,
                    asked,
                )
            )
    for pid in ranked:
        project = engine.kb.project(pid)
        if project is None:
            continue
        title = project.title.get(lang)
        if project.acronym:
            title = f"{project.acronym}: {title}"
        items.append(_Item(result_id(PROJECT_RESULT, pid), title, pid))
    return items


def _article(
    item: _Item, answer: Answer, keyboard: InlineKeyboardMarkup | None
) -> InlineQueryResultArticle | None:
    chunks = render(answer)
    if answer.kind.is_abstention or not chunks:
        return None
    return InlineQueryResultArticle(
        id=item.result_id,
        title=item.title,
        description=description(answer),
        input_message_content=InputTextMessageContent(chunks[0], parse_mode=ParseMode.HTML),
        reply_markup=keyboard,
    )


def private_lang(context: Context, user_id: int) -> str | None:
    """The language pinned (/language) in the user's private chat with the bot, if any."""
    data = context.application.chat_data.get(user_id)
    lang = data.get(LANG_KEY) if data else None
    return lang if lang in (EN, RU) else None


async def on_inline_query(update: Update, context: Context) -> None:
    inline_query = update.inline_query
    if inline_query is None:
        return
    engine = engine_of(context)
    query = " ".join(inline_query.query.split())
    # The language comes from the query's letters; with none to tell (an empty query) from the
    # language pinned in the user's private chat with the bot, else the user's settings, and then
    # the answer is cached per user.
    from_query = query_lang(query)
    lang = (
        from_query
        or private_lang(context, inline_query.from_user.id)
        or user_lang(inline_query.from_user)
    )
    items = items_for(engine, query, lang)
    offset = parse_offset(inline_query.offset)
    page = items[offset : offset + PAGE_SIZE]
    more = offset + PAGE_SIZE < len(items)
    username = context.bot.username
    results = [
        article
        for item in page
        if (
            article := _article(
                item,
                item.answer or engine.card(item.project, lang),
                url_keyboard(text("open_in_chat", lang), deep_link(username, item.project)),
            )
        )
        is not None
    ]
    await inline_query.answer(
        results,
        cache_time=CACHE_SECONDS,
        is_personal=from_query is None,
        # None, not "": with Defaults set, PTB 22.8 sends an empty string argument as "[]".
        next_offset=str(offset + PAGE_SIZE) if more else None,
        button=InlineQueryResultsButton(
            text=text("open_private_chat", lang), start_parameter=INLINE_START_PAYLOAD
        ),
    )
