"""Bot API requests that survive Telegram's bad moments: 429, 5xx, dropped connections.

`RetryingRateLimiter` is python-telegram-bot's `AIORateLimiter` (which waits out 429 "retry
after") plus retries, with a short backoff, of requests that failed without Telegram acting on
them: a 5xx answer, a connection that could not be made or was dropped before any answer, a
connection pool that was full. A request that timed out *after* it was sent is not retried: Telegram
may have carried it out (sent the message), and sending it again would answer twice. Requests
Telegram refused (400 Bad Request, 403 Forbidden) are not retried either.

Long polling (`getUpdates`) does not go through the rate limiter; python-telegram-bot's updater
retries it by itself, and updates are confirmed only by the next successful call, so none is lost
or handled twice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any, Final

import httpx
from telegram.constants import FloodLimit
from telegram.error import BadRequest, NetworkError, TimedOut
from telegram.ext import AIORateLimiter

logger = logging.getLogger(__name__)

#: Retries of a request that failed on the way (not counting 429 retries).
NETWORK_RETRIES: Final = 4
#: Seconds before the first retry; doubled for each next one.
FIRST_BACKOFF: Final = 0.25
#: httpx timeouts that mean the request never reached Telegram.
_UNSENT_TIMEOUTS: Final = (httpx.ConnectTimeout, httpx.PoolTimeout)

JSONDict = dict[str, Any]
RequestResult = bool | JSONDict | list[JSONDict]


def safe_to_retry(error: BaseException) -> bool:
    """Whether `error` means Telegram did not act on the request, so sending it again is safe."""
    if not isinstance(error, NetworkError) or isinstance(error, BadRequest):
        return False
    if isinstance(error, TimedOut):
        cause = error.__cause__ or error.__context__
        return isinstance(cause, _UNSENT_TIMEOUTS) or "Pool timeout" in str(error)
    return True


class RetryingRateLimiter(AIORateLimiter):
    """`AIORateLimiter` that also retries requests which failed without reaching Telegram."""

    def __init__(
        self,
        *,
        max_retries: int = 0,
        network_retries: int = NETWORK_RETRIES,
        first_backoff: float = FIRST_BACKOFF,
        messages_per_second: float = FloodLimit.MESSAGES_PER_SECOND,
    ) -> None:
        """`messages_per_second`: the overall limit (Telegram's, about 30, by default); 0
        sends without throttling (a local Bot API server, benchmarks), 429s are still retried."""
        group_rate = FloodLimit.MESSAGES_PER_MINUTE_PER_GROUP if messages_per_second else 0
        super().__init__(
            overall_max_rate=messages_per_second,
            group_max_rate=group_rate,
            max_retries=max_retries,
        )
        self.network_retries = network_retries
        self.first_backoff = first_backoff

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, RequestResult]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> RequestResult:
        delay = self.first_backoff
        for attempt in range(self.network_retries + 1):
            try:
                return await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
            except NetworkError as error:
                if attempt == self.network_retries or not safe_to_retry(error):
                    raise
                logger.warning(
                    "Bot API %s failed (%s); retry %d of %d in %.2f s",
                    endpoint,
                    error,
                    attempt + 1,
                    self.network_retries,
                    delay,
                )
                await asyncio.sleep(delay)
                delay *= 2
        raise AssertionError("unreachable")  # pragma: no cover
