"""Answer → plain text, for the terminal chat and `ask --jsonl`."""

from __future__ import annotations

from bot.core.types import Answer, Block, Span

BULLET = "• "


def _spans(spans: tuple[Span, ...]) -> str:
    return "".join(s.text for s in spans)


def render_block(block: Block) -> str:
    lines = []
    if block.heading:
        lines.append(block.heading + ":" if block.spans or block.bullets else block.heading)
    if block.spans:
        if block.heading and lines:
            lines[-1] = f"{lines[-1]} {_spans(block.spans)}"
        else:
            lines.append(_spans(block.spans))
    lines.extend(BULLET + _spans(b) for b in block.bullets)
    return "\n".join(lines)


def render(answer: Answer) -> str:
    """The answer exactly as a user would read it, without markup."""
    return "\n\n".join(text for text in (render_block(b) for b in answer.blocks) if text)


def button_labels(answer: Answer) -> list[str]:
    return [s.label for s in answer.suggestions]
