"""Access control: allow-lists, admins, the one polite refusal, and flood protection."""

from __future__ import annotations

import pytest

from bot.access import (
    DEFAULT_FLOOD_LIMIT,
    ENV_ADMINS,
    ENV_ALLOWED_CHATS,
    ENV_ALLOWED_USERS,
    ENV_FLOOD_LIMIT,
    AccessPolicy,
    Allowed,
    FirstRefusal,
    FloodLimiter,
    RefusalTracker,
    Silent,
    load_access,
    parse_ids,
)
from bot.config import ConfigError

STAFF = 111
STRANGER = 999
ADMIN = 555
STAFF_GROUP = -1001234567890


# --- parsing ------------------------------------------------------------------------------------


def test_empty_environment_means_everyone_may_ask_and_nobody_is_admin() -> None:
    settings = load_access({})
    assert settings.policy == AccessPolicy()
    assert not settings.policy.restricted
    assert settings.policy.is_allowed(STRANGER, STRANGER)
    assert settings.policy.is_allowed(None, None)
    assert not settings.policy.is_admin(STRANGER)
    assert settings.flood_limit == DEFAULT_FLOOD_LIMIT == 20


def test_id_lists_accept_blanks_trailing_commas_and_negative_chat_ids() -> None:
    settings = load_access(
        {
            ENV_ALLOWED_USERS: " 111, 222 ,,",
            ENV_ALLOWED_CHATS: f"{STAFF_GROUP}, 333",
            ENV_ADMINS: "555",
            ENV_FLOOD_LIMIT: " 5 ",
        }
    )
    assert settings.policy.allowed_users == {111, 222}
    assert settings.policy.allowed_chats == {STAFF_GROUP, 333}
    assert settings.policy.admins == {555}
    assert settings.flood_limit == 5


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        (ENV_ALLOWED_USERS, "111,abc", "PROJECTBOT_ALLOWED_USERS: 'abc' is not a numeric user id"),
        (ENV_ALLOWED_USERS, "111;222", "'111;222' is not a numeric user id"),
        (ENV_ALLOWED_USERS, "@alice", "'@alice' is a username; list numeric user ids"),
        (ENV_ALLOWED_USERS, "-5", "user ids are positive numbers"),
        (ENV_ADMINS, "1.5", "PROJECTBOT_ADMINS: '1.5' is not a numeric user id"),
        (ENV_ALLOWED_CHATS, "-100x", "PROJECTBOT_ALLOWED_CHATS: '-100x' is not a numeric chat id"),
        (ENV_ALLOWED_CHATS, "0", "'0' is not a chat id"),
        (ENV_FLOOD_LIMIT, "many", "PROJECTBOT_FLOOD_LIMIT: 'many' is not a whole number"),
        (ENV_FLOOD_LIMIT, "-1", "PROJECTBOT_FLOOD_LIMIT: '-1' is not a whole number"),
    ],
)
def test_malformed_values_fail_fast_naming_the_variable_and_the_bad_item(
    name: str, value: str, expected: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_access({name: value})
    assert expected in str(caught.value)


def test_parse_ids_reads_the_process_environment_format_exactly() -> None:
    assert parse_ids("X", "", users=True) == frozenset()
    assert parse_ids("X", "+7, 8", users=True) == {7, 8}


# --- allow-lists and admins ----------------------------------------------------------------------


def test_allowed_users_only_those_users_are_answered_anywhere() -> None:
    policy = AccessPolicy(allowed_users=frozenset({STAFF}))
    assert policy.restricted
    assert policy.is_allowed(STAFF, STAFF)
    assert policy.is_allowed(STAFF, STAFF_GROUP)
    assert not policy.is_allowed(STRANGER, STRANGER)
    assert not policy.is_allowed(None, STAFF)


def test_allowed_chats_every_member_of_an_allowed_chat_is_answered_there_only() -> None:
    policy = AccessPolicy(allowed_chats=frozenset({STAFF_GROUP}))
    assert policy.is_allowed(STRANGER, STAFF_GROUP)
    assert not policy.is_allowed(STRANGER, STRANGER)


def test_inline_queries_have_no_chat_so_only_the_user_list_counts() -> None:
    policy = AccessPolicy(allowed_users=frozenset({STAFF}), allowed_chats=frozenset({STAFF_GROUP}))
    assert policy.is_allowed(STAFF, None)
    assert not policy.is_allowed(STRANGER, None)


def test_admins_are_always_allowed_and_only_admins_are_admins() -> None:
    policy = AccessPolicy(allowed_users=frozenset({STAFF}), admins=frozenset({ADMIN}))
    assert policy.is_allowed(ADMIN, ADMIN)
    assert policy.is_admin(ADMIN)
    assert not policy.is_admin(STAFF)
    assert not policy.is_admin(None)


def test_refusal_tracker_says_yes_once_per_id_then_never_again() -> None:
    refused = RefusalTracker()
    assert refused.first(STRANGER)
    assert not refused.first(STRANGER)
    assert not refused.first(STRANGER)
    assert refused.first(STRANGER + 1)
    assert STRANGER in refused
    assert len(refused) == 2


def test_refusal_tracker_memory_is_bounded_forgetting_the_oldest() -> None:
    refused = RefusalTracker(capacity=2)
    assert refused.first(1)
    assert refused.first(2)
    assert not refused.first(1)  # 1 becomes the most recent
    assert refused.first(3)  # 2, the oldest, is forgotten
    assert len(refused) == 2
    assert 2 not in refused
    assert not refused.first(1)


# --- flood protection ---------------------------------------------------------------------------


def test_flood_limit_allows_the_limit_then_one_notice_then_silence() -> None:
    limiter = FloodLimiter(limit=20, window=60.0)
    verdicts = [limiter.check(STAFF, 100.0 + i) for i in range(20)]
    assert verdicts == [Allowed()] * 20
    assert limiter.check(STAFF, 125.0) == FirstRefusal(retry_after=35.0)
    assert limiter.check(STAFF, 126.0) == Silent(retry_after=34.0)
    assert limiter.check(STAFF, 159.0) == Silent(retry_after=1.0)


def test_flood_window_slides_answers_resume_when_the_oldest_question_leaves_it() -> None:
    limiter = FloodLimiter(limit=3, window=60.0)
    for t in (0.0, 10.0, 20.0):
        assert limiter.check(STAFF, t) == Allowed()
    assert isinstance(limiter.check(STAFF, 30.0), FirstRefusal)
    assert isinstance(limiter.check(STAFF, 59.9), Silent)
    assert limiter.check(STAFF, 60.0) == Allowed()  # the question at 0 has left the window
    # the window now holds 10, 20 and 60: the next one is refused with a fresh notice
    assert limiter.check(STAFF, 61.0) == FirstRefusal(retry_after=9.0)
    assert isinstance(limiter.check(STAFF, 62.0), Silent)


def test_refused_questions_do_not_extend_the_wait() -> None:
    limiter = FloodLimiter(limit=2, window=10.0)
    limiter.check(STAFF, 0.0)
    limiter.check(STAFF, 1.0)
    for t in range(2, 10):
        assert not isinstance(limiter.check(STAFF, float(t)), Allowed)
    assert limiter.check(STAFF, 10.0) == Allowed()


def test_flood_limits_are_per_user() -> None:
    limiter = FloodLimiter(limit=1, window=60.0)
    assert limiter.check(STAFF, 0.0) == Allowed()
    assert isinstance(limiter.check(STAFF, 1.0), FirstRefusal)
    assert limiter.check(STRANGER, 1.0) == Allowed()


def test_flood_limit_zero_switches_the_limiter_off() -> None:
    limiter = FloodLimiter(limit=0)
    assert all(limiter.check(STAFF, 0.0) == Allowed() for _ in range(1000))


def test_limiter_forgets_quiet_users_so_memory_stays_small() -> None:
    limiter = FloodLimiter(limit=5, window=60.0)
    for user in range(1000):
        limiter.check(user, 0.0)
    assert len(limiter) == 1000
    limiter.check(STAFF, 120.0)
    assert len(limiter) == 1


def test_limiter_rejects_nonsense_settings() -> None:
    with pytest.raises(ValueError):
        FloodLimiter(limit=-1)
    with pytest.raises(ValueError):
        FloodLimiter(window=0)
