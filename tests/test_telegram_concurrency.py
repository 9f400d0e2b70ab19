"""Several updates at once, one chat's in order (bot/telegram/concurrency.py), with real
python-telegram-bot Update objects."""

from __future__ import annotations

import asyncio
import datetime as dtm

from telegram import Chat, Message, Update, User

from bot.telegram.concurrency import PerChatUpdateProcessor

ALICE = User(1, "Alice", is_bot=False)
BOB = User(2, "Bob", is_bot=False)


def message_update(update_id: int, user: User, text: str) -> Update:
    chat = Chat(user.id, Chat.PRIVATE)
    when = dtm.datetime(2026, 11, 28, tzinfo=dtm.UTC)
    return Update(update_id, message=Message(update_id, when, chat, from_user=user, text=text))


async def test_one_chats_updates_run_in_order_while_other_chats_run_alongside() -> None:
    processor = PerChatUpdateProcessor(8)
    events: list[str] = []

    async def handle(name: str, seconds: float) -> None:
        events.append(f"start {name}")
        await asyncio.sleep(seconds)
        events.append(f"end {name}")

    async with processor:
        await asyncio.gather(
            processor.process_update(message_update(1, ALICE, "question"), handle("alice-1", 0.05)),
            processor.process_update(
                message_update(2, ALICE, "and who funded it?"), handle("alice-2", 0.0)
            ),
            processor.process_update(message_update(3, BOB, "hello"), handle("bob", 0.0)),
        )
    # Alice's follow-up waits for her question; Bob is answered meanwhile
    assert events.index("end alice-1") < events.index("start alice-2")
    assert events.index("end bob") < events.index("end alice-1")
    assert not processor._locks  # nothing is kept once a chat has no update running


async def test_updates_without_a_chat_or_user_are_not_held() -> None:
    processor = PerChatUpdateProcessor(2)
    done: list[int] = []

    async def handle() -> None:
        done.append(1)

    async with processor:
        await processor.process_update(object(), handle())
    assert done == [1] and PerChatUpdateProcessor.key(object()) is None
