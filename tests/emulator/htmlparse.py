"""Telegram's HTML parse mode, re-implemented after tdlib's ``parse_html``.

The algorithm, the accepted tags and the error texts follow tdlib
(``td/telegram/MessageEntity.cpp``), which the Bot API server uses for ``parse_mode=HTML``.
Byte offsets in error messages are UTF-8 byte offsets into the text as sent; entity offsets and
lengths are UTF-16 code units, as in the Bot API.

One deliberate difference, on by default (``strict_ampersand=True``): tdlib keeps an ``&`` that
does not start a valid entity as a literal character, but the project's rule is that every ``&``
must be escaped, so the emulator refuses it with
``Unescaped "&" at byte offset N`` (wording of the emulator, not of Telegram).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SUPPORTED_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "s",
        "strike",
        "del",
        "u",
        "ins",
        "tg-spoiler",
        "tg-emoji",
        "span",
        "pre",
        "code",
        "blockquote",
    }
)

_SPACES = frozenset(" \t\r\n\0\v")
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_URL_SCHEMES = ("http://", "https://", "tg://", "ton://", "ftp://")


class HTMLParseError(ValueError):
    """The text is not valid Telegram HTML; ``str(exc)`` is tdlib's message."""


@dataclass
class ParsedText:
    """The plain text and the Bot API ``MessageEntity`` dicts parsed out of an HTML text."""

    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (the unit of Bot API entity offsets)."""
    return len(text.encode("utf-16-le")) // 2


def _is_space(ch: str) -> bool:
    return ch in _SPACES


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _decode_entity(text: str, pos: int) -> tuple[str, int] | None:
    """tdlib's ``decode_html_entity``: the character and the position after the reference."""
    n = len(text)
    end = pos + 1
    if end < n and text[end] == "#":
        end += 1
        value = 0
        if end < n and text[end] == "x":
            end += 1
            while end < n and text[end] in "0123456789abcdefABCDEF":
                value = value * 16 + int(text[end], 16)
                end += 1
                if value >= 0x10FFFF:
                    return None
        else:
            while end < n and text[end].isascii() and text[end].isdigit():
                value = value * 10 + int(text[end])
                end += 1
                if value >= 0x10FFFF:
                    return None
        if value == 0 or value >= 0x10FFFF or 0xD800 <= value <= 0xDFFF or end - pos >= 10:
            return None
        char = chr(value)
    else:
        while end < n and text[end].isascii() and text[end].isalpha():
            end += 1
        name = text[pos + 1 : end]
        if name not in _NAMED_ENTITIES:
            return None
        char = _NAMED_ENTITIES[name]
    if end < n and text[end] == ";":
        end += 1
    return char, end


def _check_url(url: str) -> str | None:
    url = url.strip()
    if not url or any(_is_space(c) for c in url):
        return None
    lowered = url.lower()
    if lowered.startswith(_URL_SCHEMES):
        return url
    if "://" in lowered:
        return None
    if "." in url:
        return "http://" + url
    return None


@dataclass
class _Open:
    tag: str
    argument: str
    utf16_offset: int
    text_pos: int
    begin_pos: int


def parse_html(source: str, *, strict_ampersand: bool = True) -> ParsedText:
    """Parse Telegram HTML into plain text and entities; raise :class:`HTMLParseError`."""
    n = len(source)

    def at(i: int) -> str:
        return source[i] if i < n else "\0"

    def byte_offset(i: int) -> int:
        return len(source[:i].encode("utf-8"))

    out: list[str] = []
    out_len = 0  # characters in ``out``
    utf16 = 0
    entities: list[dict[str, Any]] = []
    stack: list[_Open] = []
    i = 0
    while i < n:
        c = source[i]
        if c == "&":
            decoded = _decode_entity(source, i)
            if decoded is not None:
                char, i = decoded
                out.append(char)
                out_len += 1
                utf16 += utf16_len(char)
                continue
            if strict_ampersand:
                raise HTMLParseError(f'Unescaped "&" at byte offset {byte_offset(i)}')
        if c != "<":
            out.append(c)
            out_len += 1
            utf16 += utf16_len(c)
            i += 1
            continue

        begin = i
        i += 1
        if at(i) != "/":
            while not _is_space(at(i)) and at(i) != ">":
                i += 1
            if i >= n:
                raise HTMLParseError(f"Unclosed start tag at byte offset {byte_offset(begin)}")
            tag = source[begin + 1 : i].lower()
            if tag not in SUPPORTED_TAGS:
                raise HTMLParseError(
                    f'Unsupported start tag "{tag}" at byte offset {byte_offset(begin)}'
                )
            argument = ""
            while at(i) != ">":
                while i < n and _is_space(at(i)):
                    i += 1
                if at(i) == ">":
                    break
                attr_begin = i
                while not _is_space(at(i)) and at(i) != "=" and at(i) != ">":
                    i += 1
                attr_name = source[attr_begin:i]
                if not attr_name:
                    raise HTMLParseError(
                        f'Empty attribute name in the tag "{tag}" '
                        f"at byte offset {byte_offset(begin)}"
                    )
                while i < n and _is_space(at(i)):
                    i += 1
                if at(i) != "=":
                    if i >= n:
                        raise HTMLParseError(
                            f'Unclosed start tag "{tag}" at byte offset {byte_offset(begin)}'
                        )
                    if tag == "blockquote" and attr_name == "expandable":
                        argument = "1"
                        continue
                    raise HTMLParseError(
                        "Expected equal sign in declaration of an attribute of the tag "
                        f'"{tag}" at byte offset {byte_offset(begin)}'
                    )
                i += 1
                while i < n and _is_space(at(i)):
                    i += 1
                if i >= n:
                    raise HTMLParseError(
                        f'Unclosed start tag "{tag}" at byte offset {byte_offset(begin)}'
                    )
                if at(i) not in "'\"":
                    token_begin = i
                    while _is_ascii_alnum(at(i)) or at(i) in ".-":
                        i += 1
                    value = source[token_begin:i].lower()
                    if not _is_space(at(i)) and at(i) != ">":
                        raise HTMLParseError(
                            "Unexpected end of name token at byte offset "
                            f"{byte_offset(token_begin)}"
                        )
                else:
                    quote = source[i]
                    i += 1
                    chars: list[str] = []
                    while i < n and source[i] != quote:
                        if source[i] == "&":
                            decoded = _decode_entity(source, i)
                            if decoded is not None:
                                chars.append(decoded[0])
                                i = decoded[1]
                                continue
                        chars.append(source[i])
                        i += 1
                    if at(i) == quote:
                        i += 1
                    value = "".join(chars)
                if i >= n:
                    raise HTMLParseError(f"Unclosed start tag at byte offset {byte_offset(begin)}")
                if tag == "a" and attr_name == "href":
                    argument = value
                elif tag == "code" and attr_name == "class" and value.startswith("language-"):
                    argument = value[len("language-") :]
                elif tag == "span" and attr_name == "class" and value.startswith("tg-"):
                    argument = value[len("tg-") :]
                elif tag == "tg-emoji" and attr_name == "emoji-id":
                    argument = value
                elif tag == "blockquote" and attr_name == "expandable":
                    argument = "1"
            if tag == "span" and argument != "spoiler":
                raise HTMLParseError(
                    f'Tag "span" must have class "tg-spoiler" at byte offset {byte_offset(begin)}'
                )
            stack.append(_Open(tag, argument, utf16, out_len, begin))
            i += 1
            continue

        # an end tag
        if not stack:
            raise HTMLParseError(f"Unexpected end tag at byte offset {byte_offset(begin)}")
        while not _is_space(at(i)) and at(i) != ">":
            i += 1
        end_name = source[begin + 2 : i].lower()
        while i < n and _is_space(at(i)):
            i += 1
        if at(i) != ">":
            raise HTMLParseError(f"Unclosed end tag at byte offset {byte_offset(begin)}")
        opened = stack[-1]
        if end_name and end_name != opened.tag:
            raise HTMLParseError(
                f"Unmatched end tag at byte offset {byte_offset(begin)}, "
                f'expected "</{opened.tag}>", found "</{end_name}>"'
            )
        if utf16 > opened.utf16_offset:
            entity = _make_entity(opened, utf16, "".join(out)[opened.text_pos :], entities)
            if entity is not None:
                entities.append(entity)
        stack.pop()
        i += 1

    if stack:
        raise HTMLParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].tag}"')
    for entity in entities:
        if entity["type"] == "code":
            entity.pop("language", None)
    return ParsedText("".join(out), sort_entities(entities))


def _make_entity(
    opened: _Open, utf16_end: int, content: str, entities: list[dict[str, Any]]
) -> dict[str, Any] | None:
    offset = opened.utf16_offset
    length = utf16_end - offset
    tag = opened.tag
    simple = {
        "b": "bold",
        "strong": "bold",
        "i": "italic",
        "em": "italic",
        "s": "strikethrough",
        "strike": "strikethrough",
        "del": "strikethrough",
        "u": "underline",
        "ins": "underline",
        "tg-spoiler": "spoiler",
        "span": "spoiler",
    }
    if tag in simple:
        return {"type": simple[tag], "offset": offset, "length": length}
    if tag == "blockquote":
        kind = "expandable_blockquote" if opened.argument else "blockquote"
        return {"type": kind, "offset": offset, "length": length}
    if tag == "a":
        url = opened.argument or content
        checked = _check_url(url)
        if checked is None:
            return None
        return {"type": "text_link", "offset": offset, "length": length, "url": checked}
    if tag == "tg-emoji":
        arg = opened.argument
        if not arg.isdigit() or int(arg) == 0:
            raise HTMLParseError("Invalid custom emoji identifier specified")
        return {"type": "custom_emoji", "offset": offset, "length": length, "custom_emoji_id": arg}
    last = entities[-1] if entities else None
    same_span = last is not None and last["offset"] == offset and last["length"] == length
    if tag == "pre":
        if same_span and last is not None and last["type"] == "code" and last.get("language"):
            last["type"] = "pre"
            return None
        return {"type": "pre", "offset": offset, "length": length}
    # code
    if same_span and last is not None and last["type"] == "pre" and opened.argument:
        last["language"] = opened.argument
        return None
    entity: dict[str, Any] = {"type": "code", "offset": offset, "length": length}
    if opened.argument:
        entity["language"] = opened.argument
    return entity


def sort_entities(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Telegram's order: by offset, longer (outer) entities first."""
    return sorted(entities, key=lambda e: (e["offset"], -e["length"]))


def trim_text(parsed: ParsedText) -> ParsedText:
    """Strip leading and trailing whitespace as Telegram does, clipping the entities."""
    text = parsed.text
    stripped_left = text.lstrip(" \t\r\n\v\f")
    left_units = utf16_len(text[: len(text) - len(stripped_left)])
    result = stripped_left.rstrip(" \t\r\n\v\f")
    total = utf16_len(result)
    entities: list[dict[str, Any]] = []
    for entity in parsed.entities:
        start = max(entity["offset"] - left_units, 0)
        end = min(entity["offset"] + entity["length"] - left_units, total)
        if end > start:
            entities.append({**entity, "offset": start, "length": end - start})
    return ParsedText(result, sort_entities(entities))
