"""Answer → Telegram HTML: markup, escaping, splitting below 4096, the inline description."""

from __future__ import annotations

import re

from emulator import parse_html
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.engine import Engine
from bot.core.types import Answer, Block, Kind, Span, Style
from bot.render.html import MAX_CHUNK, description, length, render

TELEGRAM_LIMIT = 4096
_TOKEN = re.compile(r"</?[bi]>|&(?:lt|gt|amp|quot|#x27);|[^<>&]")


def balanced(chunk: str) -> bool:
    """Only <b>/<i> tags, never nested into themselves, all closed; only escaped <, >, &."""
    stack: list[str] = []
    position = 0
    for match in _TOKEN.finditer(chunk):
        if match.start() != position:
            return False
        token = match.group()
        position = match.end()
        if token in ("<b>", "<i>"):
            if token in stack:
                return False
            stack.append(token)
        elif token in ("</b>", "</i>") and (not stack or stack.pop() != token.replace("/", "")):
            return False
    return position == len(chunk) and not stack


def answer(*blocks: Block) -> Answer:
    return Answer(kind=Kind.FIELD, lang="en", blocks=blocks)


def test_styles_become_bold_and_italic_and_bullets_get_a_dot() -> None:
    block = Block(
        spans=(Span("Funded by "), Span("EU", Style.STRONG), Span(" (planned)", Style.EMPHASIS)),
        bullets=((Span("one"),), (Span("two", Style.STRONG),)),
    )
    assert render(answer(block)) == ["Funded by <b>EU</b><i> (planned)</i>\n• one\n• <b>two</b>"]


def test_headings_are_bold_with_a_colon_before_text() -> None:
    blocks = (
        Block(heading="Funders", spans=(Span("EU"),)),
        Block(heading="Projects I know:", bullets=((Span("A"),),)),
        Block(heading="Alone"),
    )
    assert render(answer(*blocks)) == [
        "<b>Funders:</b> EU\n\n<b>Projects I know:</b>\n• A\n\n<b>Alone</b>"
    ]


def test_every_piece_of_text_is_escaped() -> None:
    block = Block(heading="<h>", spans=(Span("a < b & c > d", Style.STRONG), Span(' "q" <i>')))
    [chunk] = render(answer(block))
    assert chunk == "<b>&lt;h&gt;:</b> <b>a &lt; b &amp; c &gt; d</b> &quot;q&quot; &lt;i&gt;"
    assert parse_html(chunk).text == '<h>: a < b & c > d "q" <i>'


def test_long_answers_split_at_block_boundaries() -> None:
    paragraph = Block(spans=(Span("x" * 1500),))
    chunks = render(answer(paragraph, paragraph, paragraph, paragraph))
    assert chunks == ["x" * 1500 + "\n\n" + "x" * 1500, "x" * 1500 + "\n\n" + "x" * 1500]


def test_a_block_too_long_for_one_message_splits_at_lines() -> None:
    bullets = tuple((Span(f"item {i} " + "y" * 90, Style.STRONG),) for i in range(100))
    chunks = render(answer(Block(bullets=bullets)))
    assert len(chunks) > 1
    assert all(length(c) <= MAX_CHUNK and balanced(c) for c in chunks)
    assert sum(c.count("• ") for c in chunks) == 100
    assert all(line.startswith("• <b>item") for c in chunks for line in c.split("\n"))


def test_a_single_huge_line_splits_between_words_without_cutting_tags_or_entities() -> None:
    words = " ".join(["a&b"] * 3000)
    chunks = render(answer(Block(spans=(Span(words, Style.EMPHASIS),))))
    assert len(chunks) > 1
    assert all(length(c) <= MAX_CHUNK and balanced(c) for c in chunks)
    assert "".join(parse_html(c).text for c in chunks).replace(" ", "") == words.replace(" ", "")


def test_empty_and_blank_answers_give_no_messages() -> None:
    assert render(answer()) == []
    assert render(answer(Block(spans=(Span("  "),)))) == []


def test_card_description_is_dates_and_funders(engine: Engine) -> None:
    assert description(engine.card("sireada")) == "March 2011 – February 2013 · European Union (EU)"


def test_field_description_is_the_answer_text(engine: Engine) -> None:
    assert "European Union" in description(engine.field("sireada", "funders"))


def test_description_is_short_and_plain() -> None:
    text = description(
        answer(
            Block(
                spans=(
                    Span(
                        "dates",
                    ),
                )
            ),
            Block(spans=(Span("z " * 400),)),
        )
    )
    assert len(text) <= 200 and text.endswith("…")


def test_every_real_answer_renders_to_valid_html(engine: Engine) -> None:
    answers = [engine.help("en"), engine.help("ru"), engine.about("en"), engine.projects("ru")]
    answers += [engine.card(p.id, lang) for p in engine.kb.projects for lang in ("en", "ru")]
    for item in answers:
        for chunk in render(item):
            assert balanced(chunk), chunk
            assert len(parse_html(chunk).text) <= TELEGRAM_LIMIT


_styles = st.sampled_from(list(Style))
_spans = st.lists(st.builds(Span, st.text(max_size=300), _styles), max_size=6).map(tuple)
_blocks = st.builds(
    Block,
    spans=_spans,
    bullets=st.lists(_spans, max_size=4).map(tuple),
    heading=st.none() | st.text(max_size=40),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_blocks, max_size=8), st.integers(min_value=60, max_value=MAX_CHUNK))
def test_any_text_renders_to_balanced_html_within_the_limit(
    blocks: list[Block], limit: int
) -> None:
    for chunk in render(answer(*blocks), limit=limit):
        assert chunk.strip()
        assert length(chunk) <= limit < TELEGRAM_LIMIT
        assert balanced(chunk), chunk
        parse_html(chunk)  # Telegram's parser (the emulator's port of tdlib) accepts it


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=1, max_size=20_000))
def test_any_long_text_fits_telegram(text: str) -> None:
    for chunk in render(answer(Block(spans=(Span(text, Style.STRONG),)))):
        assert length(chunk) <= MAX_CHUNK and balanced(chunk)
