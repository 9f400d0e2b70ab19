"""Answer → Telegram HTML (parse_mode HTML), split into messages below Telegram's 4096 limit.

Every piece of text is escaped with `html.escape`; the only tags written are <b> and <i>, always
opened and closed on the same line, so a message can be split between blocks or lines without
ever cutting a tag or an entity in half.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Final

from bot.core import fields as F
from bot.core.messages import label
from bot.core.types import Answer, Block, Kind, Span, Style

#: Telegram refuses messages over 4096 characters; stay a little below it.
MAX_CHUNK: Final = 4000
BULLET: Final = "• "
BLOCK_SEPARATOR: Final = "\n\n"
LINE_SEPARATOR: Final = "\n"
#: The dates and funders line under an inline result's title.
MAX_DESCRIPTION: Final = 200
PERIOD_MARK: Final = " · "

_TAGS: Final[dict[Style, tuple[str, str]]] = {
    Style.STRONG: ("<b>", "</b>"),
    Style.EMPHASIS: ("<i>", "</i>"),
    Style.PLAIN: ("", ""),
}


@dataclass(frozen=True)
class _Piece:
    """Raw (unescaped) text with one style; never contains a newline."""

    text: str
    style: Style = Style.PLAIN

    def html(self) -> str:
        if not self.text:
            return ""
        opening, closing = _TAGS[self.style]
        return f"{opening}{html.escape(self.text)}{closing}"


_Line = tuple[_Piece, ...]


def length(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units); never less than `len(text)`."""
    return len(text.encode("utf-16-le")) // 2


def _line_html(line: _Line) -> str:
    return "".join(p.html() for p in line)


def _pieces(spans: tuple[Span, ...], first: tuple[_Piece, ...] = ()) -> list[_Line]:
    """Spans → lines of pieces; a newline inside a span's text starts a new line."""
    lines: list[list[_Piece]] = [list(first)]
    for span in spans:
        for number, part in enumerate(span.text.split("\n")):
            if number:
                lines.append([])
            if part:
                lines[-1].append(_Piece(part, span.style))
    return [tuple(line) for line in lines]


def _block_lines(block: Block) -> list[_Line]:
    lines: list[_Line] = []
    if block.heading:
        colon = (block.spans or block.bullets) and not block.heading.rstrip().endswith((":", "?"))
        heading = block.heading + (":" if colon else "")
        head = (_Piece(heading.replace("\n", " "), Style.STRONG),)
        if block.spans:
            lines.extend(_pieces(block.spans, (*head, _Piece(" "))))
        else:
            lines.append(head)
    elif block.spans:
        lines.extend(_pieces(block.spans))
    for bullet in block.bullets:
        lines.extend(_pieces(bullet, (_Piece(BULLET),)))
    return [line for line in lines if any(p.text.strip() for p in line)]


def render_block(block: Block) -> str:
    """One block as HTML lines (no size limit)."""
    return LINE_SEPARATOR.join(_line_html(line) for line in _block_lines(block))


def render(answer: Answer, limit: int = MAX_CHUNK) -> list[str]:
    """The answer as HTML messages, each at most `limit` characters; [] for an empty answer."""
    chunks: list[str] = []
    current = ""

    def add(text: str, separator: str) -> None:
        nonlocal current
        if not current:
            current = text
        elif length(current) + length(separator) + length(text) <= limit:
            current += separator + text
        else:
            chunks.append(current)
            current = text

    for block in answer.blocks:
        lines = [_line_html(line) for line in _block_lines(block)]
        if not lines:
            continue
        whole = LINE_SEPARATOR.join(lines)
        if length(whole) <= limit:
            add(whole, BLOCK_SEPARATOR)
            continue
        separator = BLOCK_SEPARATOR
        for line in _block_lines(block):
            for part in _split_line(line, limit):
                add(_line_html(part), separator)
                separator = LINE_SEPARATOR
    if current:
        chunks.append(current)
    return [chunk for chunk in chunks if chunk.strip()]


def _split_line(line: _Line, limit: int) -> list[_Line]:
    """A line too long for one message → several lines, cut between pieces or between words."""
    if length(_line_html(line)) <= limit:
        return [line]
    parts: list[_Line] = []
    current: list[_Piece] = []
    size = 0
    for piece in line:
        for fragment in _split_piece(piece, limit):
            cost = length(fragment.html())
            if current and size + cost > limit:
                parts.append(tuple(current))
                current, size = [], 0
            current.append(fragment)
            size += cost
    if current:
        parts.append(tuple(current))
    return parts


def _split_piece(piece: _Piece, limit: int) -> list[_Piece]:
    """Cut one piece's raw text so that each escaped, tagged fragment fits in `limit`."""
    if length(piece.html()) <= limit:
        return [piece]
    opening, closing = _TAGS[piece.style]
    budget = limit - length(opening) - length(closing)
    fragments: list[_Piece] = []
    text = piece.text
    while text:
        size = 0
        end = 0
        while end < len(text):
            cost = length(html.escape(text[end]))
            if size + cost > budget:
                break
            size += cost
            end += 1
        if end < len(text):
            space = text.rfind(" ", 0, end)
            if space > end // 2:
                end = space + 1
        fragments.append(_Piece(text[:end], piece.style))
        text = text[end:]
    return fragments


def _plain(spans: tuple[Span, ...]) -> str:
    return "".join(s.text for s in spans)


def description(answer: Answer, limit: int = MAX_DESCRIPTION) -> str:
    """A short plain line for an inline result: a card's dates · funders, a field's answer text."""
    parts: list[str] = []
    if answer.kind is Kind.FIELD and len(answer.blocks) > 1:
        parts.append(
            " ".join(_plain(b.spans) or " ".join(map(_plain, b.bullets)) for b in answer.blocks[1:])
        )
    elif answer.blocks:
        for span in answer.blocks[0].spans:
            if span.style is Style.PLAIN and span.text.startswith(PERIOD_MARK):
                parts.append(span.text.removeprefix(PERIOD_MARK).strip())
                break
    funders = label(F.FUNDERS, answer.lang)
    for block in answer.blocks:
        if block.heading == funders and block.spans:
            parts.append(_plain(block.spans).strip())
            break
    text = PERIOD_MARK.join(parts)
    if not text:
        rest = [b for b in (*answer.blocks[1:], *answer.blocks[:1]) if b.spans]
        text = _plain(rest[0].spans) if rest else ""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


PRE_OPEN: Final = "<pre>"
PRE_CLOSE: Final = "</pre>"


def preformatted(text: str, limit: int = MAX_CHUNK) -> list[str]:
    """Plain text (a report, reload errors) as escaped `<pre>` messages of at most `limit`
    characters each, cut between lines (a line too long for one message is cut inside)."""
    budget = limit - length(PRE_OPEN) - length(PRE_CLOSE)
    pieces: list[str] = []
    for line in text.rstrip("\n").split("\n"):
        while length(html.escape(line)) > budget:
            end = 0
            size = 0
            while end < len(line) and size + length(html.escape(line[end])) <= budget:
                size += length(html.escape(line[end]))
                end += 1
            pieces.append(html.escape(line[:end]))
            line = line[end:]
        pieces.append(html.escape(line))
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for piece in pieces:
        cost = length(piece) + (1 if current else 0)
        if current and size + cost > budget:
            chunks.append("\n".join(current))
            current, size = [], 0
            cost = length(piece)
        current.append(piece)
        size += cost
    if current:
        chunks.append("\n".join(current))
    return [f"{PRE_OPEN}{chunk}{PRE_CLOSE}" for chunk in chunks if chunk.strip()]
