"""Who may talk to the bot, who may run admin commands, and how often anyone may ask.

Nothing here knows about Telegram: the handlers pass plain ids (and the time) in and act on what
comes back.

- `AccessPolicy` holds the optional allow-lists and the admins, read once at start-up by
  `load_access` from `PROJECTBOT_ALLOWED_USERS`, `PROJECTBOT_ALLOWED_CHATS` and `PROJECTBOT_ADMINS`
  (comma-separated numeric ids; empty means everyone). A malformed value stops start-up with a
  `ConfigError` that names the variable and the bad item.
- `RefusalTracker` remembers whom the bot has already refused, so that someone who is not allowed
  gets one polite refusal and then nothing at all.
- `FloodLimiter` is a per-user sliding window (default 20 questions a minute,
  `PROJECTBOT_FLOOD_LIMIT`): over the limit, the first question gets a notice (`FirstRefusal`),
  the rest get nothing (`Silent`) until the window has room again.
"""

from __future__ import annotations

import os
import re
from collections import OrderedDict, deque
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from bot.config import ConfigError

ENV_ALLOWED_USERS: Final = "PROJECTBOT_ALLOWED_USERS"
ENV_ALLOWED_CHATS: Final = "PROJECTBOT_ALLOWED_CHATS"
ENV_ADMINS: Final = "PROJECTBOT_ADMINS"
ENV_FLOOD_LIMIT: Final = "PROJECTBOT_FLOOD_LIMIT"

#: Questions a user may ask per window before the bot stops answering for a while.
DEFAULT_FLOOD_LIMIT: Final = 20
#: The sliding window, in seconds.
DEFAULT_FLOOD_WINDOW: Final = 60.0
#: How many refused users `RefusalTracker` remembers before forgetting the oldest.
DEFAULT_REFUSAL_MEMORY: Final = 100_000

_INTEGER = re.compile(r"[+-]?\d{1,20}")


# --- allow-lists and admins ---------------------------------------------------------------------


@dataclass(frozen=True)
class AccessPolicy:
    """The allow-lists and the admins. Empty allow-lists mean the bot answers everyone.

    When either allow-list is set, a message is answered if its sender is an allowed user, or it
    was sent in an allowed chat (so every member of an allowed group may ask), or the sender is an
    admin. Inline queries have no chat: pass `chat_id=None` and only the user counts.
    """

    allowed_users: frozenset[int] = frozenset()
    allowed_chats: frozenset[int] = frozenset()
    admins: frozenset[int] = frozenset()

    @property
    def restricted(self) -> bool:
        """Whether this is a staff-only deployment (some allow-list is set)."""
        return bool(self.allowed_users or self.allowed_chats)

    def is_allowed(self, user_id: int | None, chat_id: int | None = None) -> bool:
        """Whether the bot may answer `user_id` in `chat_id` (either may be unknown: None)."""
        if not self.restricted:
            return True
        if user_id is not None and (user_id in self.allowed_users or user_id in self.admins):
            return True
        return chat_id is not None and chat_id in self.allowed_chats

    def is_admin(self, user_id: int | None) -> bool:
        """Whether `user_id` may run the admin commands (/reload, /report)."""
        return user_id is not None and user_id in self.admins


def parse_ids(name: str, value: str, *, users: bool) -> frozenset[int]:
    """The numeric ids in a comma-separated `value` of variable `name`; `ConfigError` if malformed.

    Blanks around items and empty items (a trailing comma) are ignored. User ids must be
    positive; chat ids may be negative (groups and channels are).
    """
    ids: set[int] = set()
    what = "user id" if users else "chat id"
    example = "123456789" if users else "123456789 or -1001234567890"
    for raw in value.split(","):
        item = raw.strip()
        if not item:
            continue
        if item.startswith("@"):
            raise ConfigError(
                f"{name}: '{item}' is a username; list numeric {what}s instead "
                f"(for example {example}), separated by commas"
            )
        if not _INTEGER.fullmatch(item):
            raise ConfigError(
                f"{name}: '{item}' is not a numeric {what}; list numbers such as {example}, "
                "separated by commas"
            )
        number = int(item)
        if users and number <= 0:
            raise ConfigError(f"{name}: '{item}' is not a user id: user ids are positive numbers")
        if number == 0:
            raise ConfigError(f"{name}: '0' is not a {what}")
        ids.add(number)
    return frozenset(ids)


def parse_flood_limit(value: str, name: str = ENV_FLOOD_LIMIT) -> int:
    """A flood limit: a whole number of questions a minute, 0 to switch the limit off."""
    text = value.strip()
    if not text:
        return DEFAULT_FLOOD_LIMIT
    if not text.isdigit():
        raise ConfigError(
            f"{name}: '{text}' is not a whole number; set the number of questions a user may ask "
            f"per minute (default {DEFAULT_FLOOD_LIMIT}, 0 for no limit)"
        )
    return int(text)


@dataclass(frozen=True)
class AccessSettings:
    policy: AccessPolicy
    flood_limit: int = DEFAULT_FLOOD_LIMIT


def load_access(env: Mapping[str, str] | None = None) -> AccessSettings:
    """The access settings from `env` (default: the process environment).

    Raises `ConfigError` on the first malformed variable, naming it and the bad item.
    """
    env = os.environ if env is None else env
    policy = AccessPolicy(
        allowed_users=parse_ids(ENV_ALLOWED_USERS, env.get(ENV_ALLOWED_USERS, ""), users=True),
        allowed_chats=parse_ids(ENV_ALLOWED_CHATS, env.get(ENV_ALLOWED_CHATS, ""), users=False),
        admins=parse_ids(ENV_ADMINS, env.get(ENV_ADMINS, ""), users=True),
    )
    return AccessSettings(policy, parse_flood_limit(env.get(ENV_FLOOD_LIMIT, "")))


class RefusalTracker:
    """Says yes once per id: whether to send the one polite refusal to someone not allowed.

    Remembers at most `capacity` ids (the oldest are forgotten first), so a flood of strangers
    cannot grow memory without bound; a forgotten id would get one more refusal, nothing worse.
    """

    def __init__(self, capacity: int = DEFAULT_REFUSAL_MEMORY) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._refused: OrderedDict[int, None] = OrderedDict()

    def first(self, key: int) -> bool:
        """True the first time `key` (a user id, or a chat id when there is no user) is refused."""
        if key in self._refused:
            self._refused.move_to_end(key)
            return False
        self._refused[key] = None
        if len(self._refused) > self.capacity:
            self._refused.popitem(last=False)
        return True

    def __contains__(self, key: int) -> bool:
        return key in self._refused

    def __len__(self) -> int:
        return len(self._refused)


# --- flood protection -------------------------------------------------------------------------


@dataclass(frozen=True)
class Allowed:
    """Answer the question."""


@dataclass(frozen=True)
class FirstRefusal:
    """Over the limit: send one notice; `retry_after` seconds until the window has room."""

    retry_after: float


@dataclass(frozen=True)
class Silent:
    """Over the limit and already told: send nothing at all."""

    retry_after: float


FloodVerdict = Allowed | FirstRefusal | Silent

ALLOWED: Final = Allowed()


class FloodLimiter:
    """At most `limit` answered questions per user in any `window` seconds.

    Refused questions do not count, so a user who keeps writing is answered again as soon as
    their oldest answered question leaves the window. `limit=0` switches the limiter off. Time is
    passed in (`now`, any monotonic clock in seconds), so tests need no sleeping.
    """

    def __init__(
        self, limit: int = DEFAULT_FLOOD_LIMIT, window: float = DEFAULT_FLOOD_WINDOW
    ) -> None:
        if limit < 0:
            raise ValueError("limit must be 0 (no limit) or more")
        if window <= 0:
            raise ValueError("window must be a positive number of seconds")
        self.limit = limit
        self.window = window
        self._asked: dict[int, deque[float]] = {}
        self._noticed: set[int] = set()
        self._last_sweep = float("-inf")

    def check(self, user_id: int, now: float) -> FloodVerdict:
        """Record a question from `user_id` at `now` and say whether to answer it."""
        if self.limit == 0:
            return ALLOWED
        self._sweep(now)
        times = self._asked.setdefault(user_id, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        if len(times) < self.limit:
            times.append(now)
            self._noticed.discard(user_id)
            return ALLOWED
        retry_after = max(0.0, times[0] + self.window - now)
        if user_id in self._noticed:
            return Silent(retry_after)
        self._noticed.add(user_id)
        return FirstRefusal(retry_after)

    def __len__(self) -> int:
        """How many users the limiter currently remembers."""
        return len(self._asked)

    def _sweep(self, now: float) -> None:
        """Forget users whose questions have all left the window (once per window)."""
        if now - self._last_sweep < self.window:
            return
        self._last_sweep = now
        stale = [
            uid for uid, times in self._asked.items() if not times or times[-1] <= now - self.window
        ]
        for uid in stale:
            del self._asked[uid]
            self._noticed.discard(uid)
