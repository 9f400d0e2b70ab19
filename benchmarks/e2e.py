"""End-to-end throughput: the real bot against the Bot API emulator, beside an echo bot.

    python benchmarks/e2e.py                          # 300 messages, both limiter settings
    python benchmarks/e2e.py --repeat 5 --messages 600
    python benchmarks/e2e.py --kb 10000               # a generated base of 10,000 projects
    python benchmarks/e2e.py --limiter off --rate 50  # paced: 50 messages a second
    python benchmarks/e2e.py --env PROJECTBOT_QUESTION_LOG=off

One emulator (tests/emulator) serves the whole run. On it, in turns, run

- the real bot, built as `projectbot run` builds it: settings and operations settings read by
  `load_settings` / `load_ops_settings` from a bot environment (the emulator's token and URL, a
  fresh PROJECTBOT_DATA_DIR, so the question log and PicklePersistence are on as shipped),
  `build_application`, its post_init (command menus, SIGHUP), long polling;
- an echo bot: a plain python-telegram-bot Application with one MessageHandler that replies with
  the text, built with the same defaults (HTML, no link previews), the same request settings
  (python-telegram-bot's defaults, as `build_application` uses) and the same rate limiter.

Each measurement starts the bot, answers a few warm-up messages, then sends `--messages` messages,
one from each of as many new users in their own private chats (so the bot's per-user flood limit,
20 questions a minute, never applies), all at once or at `--rate` messages a second, from a thread.
It ends when the emulator has recorded a reply (a successful sendMessage) in every chat.
Throughput = messages / (last reply - first message sent); latency = reply - send, per message.

Limiter settings (`--limiter`): `aio` is what `build_application` installs by default
(`RetryingRateLimiter`, python-telegram-bot's `AIORateLimiter`: at most 30 messages a second
overall); `off` is the same limiter with the throttle switched off (retries kept), through
PROJECTBOT_RATE_LIMIT=off for both bots. Both bots handle up to PROJECTBOT_CONCURRENCY updates at
once (default 16), one chat's in order. Measurements alternate (echo first in even rounds, the real
bot first in odd ones), each limiter setting in turn.

Also: `--env NAME=VALUE` adds to the real bot's environment (PROJECTBOT_QUESTION_LOG=off,
PROJECTBOT_PERSISTENCE=off ...); `--api-delay MS` has the emulator hold every sendMessage MS ms, a
stand-in for the round trip to api.telegram.org (the emulator answers in about a millisecond).

Bot, emulator and sender share one process (and one GIL): `cpu ms` is the whole process's CPU per
message, `loop ms` that of the main thread (the bot's event loop); `sent/q` counts the bot's
messages per question (a long answer is sent in parts). The table goes to stdout, everything to
`--out` (default benchmarks/results/e2e.json), the bots' log lines to `--log-file`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dtm
import html
import json
import logging
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any, Final

from telegram import Update
from telegram.ext import (
    Application,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.config import (
    ENV_API_URL,
    ENV_DATA_DIR,
    ENV_RATE_LIMIT,
    ENV_TOKEN,
    RATE_LIMIT_OFF,
    Settings,
    load_settings,
)
from bot.core.engine import Engine
from bot.kb.check import load_valid_knowledge
from bot.kb.load import resolve_knowledge_path
from bot.kb.model import KnowledgeBase
from bot.reload import KnowledgeHolder
from bot.telegram.app import ALLOWED_UPDATES, build_application, sending_builder
from bot.telegram.logs import LOG_FORMAT, setup_logging
from bot.telegram.session import load_ops_settings

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
# The emulator package lives in tests/emulator (pytest puts tests/ on sys.path; so do we).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from emulator import CallRecord, Chat, TelegramEmulator, User, running_emulator
from emulator.api import DEFAULT_TOKEN

from benchmarks.run import BUILTIN_CASES, DEV_SET, machine, percentile, prepare_kb

REPO: Final = Path(__file__).resolve().parents[1]
RESULTS: Final = REPO / "benchmarks" / "results" / "e2e.json"
WORK_DIR: Final = Path(tempfile.gettempdir()) / "projectbot-bench"

DEFAULT_MESSAGES: Final = 300
DEFAULT_REPEAT: Final = 3
DEFAULT_WARMUP: Final = 20
#: Default seconds a batch may take (sending and every reply) before it is reported as failed:
#: MIN_TIMEOUT plus the time the batch takes at SLOWEST_RATE messages a second.
MIN_TIMEOUT: Final = 60.0
SLOWEST_RATE: Final = 5.0
#: Seconds allowed for starting and stopping a bot around a measurement.
LIFECYCLE_GRACE: Final = 30.0
#: Pause between the warm-up and the timed batch: AIORateLimiter's bucket (30 requests) refills,
#: so every measurement starts from the same state.
SETTLE_SECONDS: Final = 1.5
#: `getUpdates` long-polling timeout, as `Application.run_polling` (and so `projectbot run`) uses.
POLL_TIMEOUT: Final = dtm.timedelta(seconds=10)
#: `delay_next` count that covers every call of a run.
EVERY_CALL: Final = 10**9
#: Characters of a sample reply kept in the JSON.
SAMPLE_CHARS: Final = 160
#: Libraries whose versions go into the JSON (sniffio: httpcore imports it on every request).
LIBRARIES: Final = ("python-telegram-bot", "httpx", "httpcore", "anyio", "sniffio", "aiolimiter")
#: The issue 7 target: the real bot reaches this share of the echo bot's throughput.
TARGET_RATIO: Final = 0.8

ECHO: Final = "echo"
REAL: Final = "real"
LIMITER_AIO: Final = "aio"
LIMITER_OFF: Final = "off"
LIMITERS: Final = (LIMITER_AIO, LIMITER_OFF)

logger = logging.getLogger("benchmarks.e2e")


class BenchmarkError(Exception):
    """A measurement could not be made (a bot did not start or did not answer in time)."""


# --- the two bots -----------------------------------------------------------------------------

AnyApplication = Application[Any, Any, Any, Any, Any, Any]


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply with the message's text (escaped: the default parse mode is HTML)."""
    message = update.effective_message
    if message is not None and message.text:
        await message.reply_text(html.escape(message.text))


def build_echo_application(settings: Settings) -> AnyApplication:
    """A trivial echo bot that talks to Telegram as the real bot does (`sending_builder`:
    defaults, request settings, rate limiter, several updates at once), from the same settings."""
    builder = sending_builder(settings)
    app: AnyApplication = builder.build()
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    return app


def bot_environment(
    emulator: TelegramEmulator, data_dir: Path, extra: dict[str, str]
) -> dict[str, str]:
    """The environment `projectbot run` would read: the emulator as the Bot API server."""
    return {
        ENV_TOKEN: emulator.token,
        ENV_API_URL: emulator.url,
        ENV_DATA_DIR: str(data_dir),
        **extra,
    }


def build_real_application(env: dict[str, str], holder: KnowledgeHolder) -> AnyApplication:
    """The real bot, as `projectbot run` builds it from `env`."""
    return build_application(load_settings(env), holder, ops=load_ops_settings(env))


@contextlib.asynccontextmanager
async def running(app: AnyApplication) -> AsyncIterator[None]:
    """Run `app` as `Application.run_polling` does (initialize, post_init, long polling, start),
    and stop it the same way afterwards (updater, application, post_stop, shutdown,
    post_shutdown)."""
    assert app.updater is not None
    await app.initialize()
    try:
        if app.post_init:
            await app.post_init(app)
        # drop_pending_updates: what an earlier failed measurement left unanswered must not
        # load this one (`projectbot run` keeps them; nothing is pending after a good run).
        await app.updater.start_polling(
            poll_interval=0.0,
            timeout=POLL_TIMEOUT,
            allowed_updates=ALLOWED_UPDATES,
            drop_pending_updates=True,
        )
        await app.start()
        try:
            yield
        finally:
            await app.updater.stop()
            await app.stop()
            if app.post_stop:
                await app.post_stop(app)
    finally:
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)


# --- questions and users ----------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    text: str
    lang: str


def load_questions(path: Path) -> tuple[list[Question], str]:
    """First turns of the dev set (or of benchmarks/run.py's built-in cases) and their source."""
    if path.is_file():
        lines = path.read_text(encoding="utf-8").splitlines()
        cases = [json.loads(line) for line in lines if line.strip()]
        source = str(path)
    else:
        cases, source = BUILTIN_CASES, "built-in (benchmarks/run.py)"
    questions = [Question(c["turns"][0], c.get("lang", "en")) for c in cases if c.get("turns")]
    return questions, source


@dataclass(frozen=True)
class Asker:
    """A user, their private chat with the bot and the one question they send."""

    user: User
    chat: Chat
    question: Question


class UserFactory:
    """New users, each with a private chat and the next question of the list (round robin)."""

    def __init__(self, emulator: TelegramEmulator, questions: Sequence[Question]) -> None:
        self.emulator = emulator
        self.questions = questions
        self.made = 0

    def make(self, count: int) -> list[Asker]:
        askers = []
        for _ in range(count):
            question = self.questions[self.made % len(self.questions)]
            user = self.emulator.create_user(
                f"User{self.made}", username=f"bench_user_{self.made}", language_code=question.lang
            )
            askers.append(Asker(user, self.emulator.private_chat(user), question))
            self.made += 1
        return askers


# --- sending and waiting ----------------------------------------------------------------------


class ReplyTracker:
    """Reads the emulator's call records as they come: the first successful sendMessage in each
    chat being measured is its reply. `poll` runs under the emulator's state lock
    (`TelegramEmulator.wait_until`) and reads only the records added since its last call."""

    def __init__(self, emulator: TelegramEmulator, chat_ids: Sequence[int]) -> None:
        self.expected = set(chat_ids)
        self.reply_at: dict[int, float] = {}
        self.refused: list[str] = []
        #: Messages the bot sent in these chats (an answer may come in several parts).
        self.bot_messages = 0
        self._calls: list[CallRecord] = emulator.state.calls
        with emulator.state.lock:
            self._seen = len(self._calls)

    def poll(self) -> bool | None:
        """True once every chat has its reply, else None (keep waiting)."""
        new = self._calls[self._seen :]
        self._seen += len(new)
        for record in new:
            if record.method != "sendMessage":
                continue
            chat_id = _chat_id(record.params.get("chat_id"))
            if chat_id not in self.expected:
                continue
            if record.ok:
                self.reply_at.setdefault(chat_id, record.at)
                self.bot_messages += 1
            else:
                description = (record.response or {}).get("description", record.fault)
                self.refused.append(f"{record.status} {description}")
        return True if len(self.reply_at) == len(self.expected) else None


def _chat_id(value: object) -> int | None:
    """A request's chat_id (python-telegram-bot sends an int; a form body has a string)."""
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return None


class Sender(threading.Thread):
    """Sends each asker's question from a thread (the emulator's user side is thread-safe), all at
    once or `rate` a second, and notes when each was sent (`time.monotonic`, as the emulator's
    call records)."""

    def __init__(self, emulator: TelegramEmulator, askers: Sequence[Asker], rate: float) -> None:
        super().__init__(name="e2e sender", daemon=True)
        self.emulator = emulator
        self.askers = askers
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.sent_at: list[float] = []
        self.error: BaseException | None = None

    def run(self) -> None:
        start = time.monotonic()
        try:
            for number, asker in enumerate(self.askers):
                if self.interval:
                    delay = start + number * self.interval - time.monotonic()
                    if delay > 0:
                        time.sleep(delay)
                self.sent_at.append(time.monotonic())
                self.emulator.send_message(asker.chat, asker.user, asker.question.text)
        except BaseException as error:  # reported by the waiting side
            self.error = error


@dataclass
class Exchange:
    """What one batch of messages gave: send and reply times, refusals."""

    sent_at: list[float]
    reply_at: list[float | None]
    refused: list[str]
    bot_messages: int
    timed_out: bool

    @property
    def replies(self) -> int:
        return sum(at is not None for at in self.reply_at)


async def exchange(
    emulator: TelegramEmulator, askers: Sequence[Asker], rate: float, timeout: float
) -> Exchange:
    """Send every asker's question and wait (at most `timeout` s) for a reply in every chat."""
    chat_ids = [asker.chat.id for asker in askers]
    tracker = ReplyTracker(emulator, chat_ids)
    sender = Sender(emulator, askers, rate)
    sender.start()
    timed_out = False
    try:
        await emulator.wait_until(tracker.poll, timeout=timeout)
    except TimeoutError:
        timed_out = True
    await asyncio.to_thread(sender.join, timeout)
    if sender.error is not None:
        raise BenchmarkError(f"sending failed: {sender.error!r}") from sender.error
    return Exchange(
        sent_at=sender.sent_at,
        reply_at=[tracker.reply_at.get(chat_id) for chat_id in chat_ids],
        refused=tracker.refused,
        bot_messages=tracker.bot_messages,
        timed_out=timed_out,
    )


# --- one measurement --------------------------------------------------------------------------


class ErrorCounter(logging.Handler):
    """Counts ERROR records (a handler that raised, a request that failed after its retries)."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def latency_summary(seconds: Sequence[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    if not ms:
        return {}
    return {
        "p50": round(percentile(ms, 0.50), 2),
        "p90": round(percentile(ms, 0.90), 2),
        "p99": round(percentile(ms, 0.99), 2),
        "max": round(max(ms), 2),
        "mean": round(statistics.fmean(ms), 2),
    }


@dataclass
class Measurement:
    """One timed batch of one bot under one limiter setting."""

    limiter: str
    bot: str
    round: int
    messages: int
    replies: int = 0
    bot_messages: int = 0
    seconds: float | None = None
    per_second: float | None = None
    latency_ms: dict[str, float] = field(default_factory=dict)
    latencies_ms: list[float] = field(default_factory=list)
    cpu_ms_per_message: float | None = None
    loop_cpu_ms_per_message: float | None = None
    sample: dict[str, str] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)
    error_logs: int = 0
    pending_after_stop: int = 0
    rate_limiter: str = ""
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class Bench:
    """Everything a run needs: the emulator, the questions, the engine, the options."""

    emulator: TelegramEmulator
    users: UserFactory
    holder: KnowledgeHolder
    args: argparse.Namespace
    extra_env: dict[str, str]
    work_dir: Path


def sample_reply(emulator: TelegramEmulator, asker: Asker) -> dict[str, str]:
    """The first asker's question and the start of the reply it got (a check by eye)."""
    replies = emulator.messages(asker.chat)
    reply = replies[0].text if replies else ""
    return {"question": asker.question.text, "reply": reply[:SAMPLE_CHARS]}


def build_bot(bench: Bench, bot: str, limiter: str, data_dir: Path) -> AnyApplication:
    """Either bot, from the same environment: `off` sets PROJECTBOT_RATE_LIMIT=off for both."""
    env = bot_environment(bench.emulator, data_dir, bench.extra_env)
    if limiter == LIMITER_OFF:
        env[ENV_RATE_LIMIT] = RATE_LIMIT_OFF
    if bot == REAL:
        return build_real_application(env, bench.holder)
    return build_echo_application(load_settings(env))


async def measure(bench: Bench, bot: str, limiter: str, round_number: int) -> Measurement:
    """Start `bot`, warm it up, time one batch of messages, stop it."""
    args = bench.args
    result = Measurement(limiter, bot, round_number, args.messages)
    budget = 2 * args.timeout + SETTLE_SECONDS + 2 * LIFECYCLE_GRACE
    errors = ErrorCounter()
    logging.getLogger().addHandler(errors)
    try:
        with tempfile.TemporaryDirectory(prefix=f"e2e-{bot}-", dir=bench.work_dir) as data_dir:
            app = build_bot(bench, bot, limiter, Path(data_dir))
            result.rate_limiter = type(app.bot.rate_limiter).__name__
            warm = bench.users.make(args.warmup)
            timed = bench.users.make(args.messages)
            async with asyncio.timeout(budget), running(app):
                if warm:
                    warm_up = await exchange(bench.emulator, warm, 0.0, args.timeout)
                    if warm_up.timed_out:
                        raise BenchmarkError(
                            f"no reply to {len(warm) - warm_up.replies} of {len(warm)} warm-up "
                            f"messages within {args.timeout:g} s"
                        )
                await asyncio.sleep(SETTLE_SECONDS)
                cpu_start, loop_start = time.process_time(), time.thread_time()
                batch = await exchange(bench.emulator, timed, args.rate, args.timeout)
                cpu = time.process_time() - cpu_start
                loop_cpu = time.thread_time() - loop_start
                result.sample = sample_reply(bench.emulator, timed[0])
            result.pending_after_stop = len(bench.emulator.pending_updates())
    except TimeoutError:
        result.error = f"did not start, answer and stop within {budget:g} s"
        return result
    except (BenchmarkError, OSError) as error:
        result.error = str(error)
        return result
    except Exception as error:  # a bot that fails to start: report it, go on with the run
        logger.exception("%s bot (limiter %s) failed", bot, limiter)
        result.error = f"{type(error).__name__}: {error}"
        return result
    finally:
        logging.getLogger().removeHandler(errors)
        result.error_logs = errors.count

    result.replies = batch.replies
    result.bot_messages = batch.bot_messages
    result.refused = batch.refused[:20]
    latencies = [
        reply - sent for sent, reply in zip(batch.sent_at, batch.reply_at, strict=True) if reply
    ]
    result.latencies_ms = [round(s * 1000, 3) for s in latencies]
    result.latency_ms = latency_summary(latencies)
    if batch.timed_out:
        result.error = (
            f"no reply in {args.messages - batch.replies} of {args.messages} chats within "
            f"{args.timeout:g} s"
        )
        return result
    last_reply = max(at for at in batch.reply_at if at is not None)
    result.seconds = round(last_reply - batch.sent_at[0], 4)
    result.per_second = round(args.messages / result.seconds, 2)
    result.cpu_ms_per_message = round(cpu * 1000 / args.messages, 3)
    result.loop_cpu_ms_per_message = round(loop_cpu * 1000 / args.messages, 3)
    return result


# --- the run ----------------------------------------------------------------------------------


def schedule(limiters: Sequence[str], repeat: int) -> list[tuple[str, int, str]]:
    """(limiter, round, bot) in order: echo first in even rounds, the real bot in odd ones."""
    order = []
    for limiter in limiters:
        for round_number in range(repeat):
            pair = (ECHO, REAL) if round_number % 2 == 0 else (REAL, ECHO)
            order += [(limiter, round_number, bot) for bot in pair]
    return order


def summarise(measurements: Sequence[Measurement], limiters: Sequence[str]) -> dict[str, Any]:
    """Per limiter setting: each bot's throughput (median, min, max over the rounds), pooled
    latency, and the ratio real / echo of the medians (and of each round's pair)."""
    summary: dict[str, Any] = {}
    for limiter in limiters:
        bots: dict[str, Any] = {}
        for bot in (ECHO, REAL):
            runs = [m for m in measurements if m.limiter == limiter and m.bot == bot]
            rates = [m.per_second for m in runs if m.per_second is not None]
            pooled = [ms / 1000 for m in runs if m.ok for ms in m.latencies_ms]
            cpu = [m.cpu_ms_per_message for m in runs if m.cpu_ms_per_message is not None]
            loop = [
                m.loop_cpu_ms_per_message for m in runs if m.loop_cpu_ms_per_message is not None
            ]
            parts = [m.bot_messages / m.messages for m in runs if m.ok]
            bots[bot] = {
                "runs": len(runs),
                "failed": sum(not m.ok for m in runs),
                "per_second": rates,
                "per_second_median": round(statistics.median(rates), 2) if rates else None,
                "per_second_min": min(rates, default=None),
                "per_second_max": max(rates, default=None),
                "latency_ms": latency_summary(pooled),
                "bot_messages_per_message": round(statistics.fmean(parts), 3) if parts else None,
                "cpu_ms_per_message_median": round(statistics.median(cpu), 3) if cpu else None,
                "loop_cpu_ms_per_message_median": (
                    round(statistics.median(loop), 3) if loop else None
                ),
            }
        echo_rate, real_rate = bots[ECHO]["per_second_median"], bots[REAL]["per_second_median"]
        ratio = round(real_rate / echo_rate, 3) if echo_rate and real_rate else None
        pairs: dict[int, dict[str, float]] = {}
        for m in measurements:
            if m.limiter == limiter and m.per_second is not None:
                pairs.setdefault(m.round, {})[m.bot] = m.per_second
        round_ratios = [
            round(p[REAL] / p[ECHO], 3) for _, p in sorted(pairs.items()) if len(p) == 2
        ]
        summary[limiter] = {
            **bots,
            "ratio": ratio,
            "round_ratios": round_ratios,
            "target_ratio": TARGET_RATIO,
            "target_met": None if ratio is None else ratio >= TARGET_RATIO,
        }
    return summary


def _fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def table(summary: dict[str, Any]) -> str:
    header = (
        f"{'limiter':<8}{'bot':<6}{'msg/s':>8}{'min':>8}{'max':>8}"
        f"{'p50 ms':>9}{'p99 ms':>9}{'sent/q':>8}{'cpu ms':>8}{'loop ms':>9}{'failed':>8}"
        f"{'real/echo':>11}"
    )
    lines = [header]
    for limiter, row in summary.items():
        for bot in (ECHO, REAL):
            b = row[bot]
            ratio = ""
            if bot == REAL:
                met = row["target_met"]
                mark = "" if met is None else (" ok" if met else " < 0.8")
                ratio = f"{_fmt(row['ratio'], 2)}{mark}"
            lines.append(
                f"{limiter:<8}{bot:<6}{_fmt(b['per_second_median']):>8}"
                f"{_fmt(b['per_second_min']):>8}{_fmt(b['per_second_max']):>8}"
                f"{_fmt(b['latency_ms'].get('p50')):>9}{_fmt(b['latency_ms'].get('p99')):>9}"
                f"{_fmt(b['bot_messages_per_message'], 2):>8}"
                f"{_fmt(b['cpu_ms_per_message_median'], 2):>8}"
                f"{_fmt(b['loop_cpu_ms_per_message_median'], 2):>9}{b['failed']:>8}{ratio:>11}"
            )
    return "\n".join(lines)


def load_engine(kb: str, kb_dir: Path, seed: int) -> tuple[KnowledgeHolder, Path, float]:
    """The knowledge holder `projectbot run` would make for `kb` (a folder, or a number of
    projects: a base generated by benchmarks/generate.py), and the seconds start-up took."""
    path = prepare_kb(kb_dir, int(kb), seed)[0] if kb.isdigit() else resolve_knowledge_path(kb)
    started = time.perf_counter()

    def build(knowledge: KnowledgeBase) -> Engine:
        return Engine(knowledge)

    engine = build(load_valid_knowledge(str(path)))
    return KnowledgeHolder(engine, path, build=build), path, time.perf_counter() - started


def library_versions() -> dict[str, str | None]:
    """Versions of the libraries between the bot and the emulator."""
    versions: dict[str, str | None] = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def repository_state() -> dict[str, Any]:
    """The commit measured and the files changed since (other work in progress may be in them)."""

    def git(*command: str) -> str:
        done = subprocess.run(
            ["git", *command], cwd=REPO, capture_output=True, text=True, check=False
        )
        return done.stdout if done.returncode == 0 else ""

    changed = git("status", "--porcelain", "--untracked-files=no").splitlines()
    commit = git("rev-parse", "HEAD").strip() or None
    return {"commit": commit, "changed": [line[3:] for line in changed]}


def parse_env(pairs: Sequence[str]) -> dict[str, str]:
    env = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        if not equals or not name:
            raise SystemExit(f"--env wants NAME=VALUE, got {pair!r}")
        env[name] = value
    return env


async def run(args: argparse.Namespace, on_result: Callable[[Measurement], None]) -> dict[str, Any]:
    """Every measurement of the run, on one emulator; the JSON document."""
    extra_env = parse_env(args.env)
    questions, source = load_questions(Path(args.dev))
    holder, kb_path, startup = load_engine(args.kb, Path(args.kb_dir), args.seed)
    limiters = LIMITERS if args.limiter == "both" else (args.limiter,)
    work_dir = Path(args.kb_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    measurements: list[Measurement] = []
    started = datetime.now(UTC)
    with running_emulator() as emulator:
        if args.api_delay > 0:  # every sendMessage of the run, warm-ups included
            emulator.delay_next("sendMessage", seconds=args.api_delay / 1000, count=EVERY_CALL)
        bench = Bench(emulator, UserFactory(emulator, questions), holder, args, extra_env, work_dir)
        for limiter, round_number, bot in schedule(limiters, args.repeat):
            result = await measure(bench, bot, limiter, round_number)
            measurements.append(result)
            on_result(result)
    summary = summarise(measurements, limiters)
    return {
        "started": started.isoformat(timespec="seconds"),
        "machine": {**machine(), "libraries": library_versions()},
        "repository": repository_state(),
        "settings": {
            "messages": args.messages,
            "repeat": args.repeat,
            "warmup": args.warmup,
            "rate": args.rate or "all at once",
            "api_delay_ms": args.api_delay,
            "timeout_s": args.timeout,
            "limiters": list(limiters),
            "knowledge": str(kb_path),
            "projects": len(holder.engine.kb.projects),
            "startup_s": round(startup, 2),
            "questions": source,
            "distinct_questions": len(questions),
            "bot_env": dict(extra_env),
            "poll_timeout_s": POLL_TIMEOUT.total_seconds(),
            "settle_s": SETTLE_SECONDS,
            "users": "one new user and private chat per message",
            "log_level": args.log_level,
            "log_file": args.log_file,
        },
        "summary": summary,
        "measurements": [
            {**asdict(m), "ok": m.ok} if args.keep_latencies else _without_latencies(m)
            for m in measurements
        ],
    }


def _without_latencies(m: Measurement) -> dict[str, Any]:
    data = asdict(m)
    data.pop("latencies_ms")
    data["ok"] = m.ok
    return data


def setup_run_logging(level: str, log_file: str, token: str) -> None:
    """Logging as `projectbot run` sets it up (level, token filter), into `log_file`."""
    Path(log_file).parent.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(filename=log_file, filemode="w", format=LOG_FORMAT)
    setup_logging(logging.getLevelNamesMapping()[level], token)


def print_result(m: Measurement) -> None:
    if m.ok:
        latency = m.latency_ms
        print(
            f"  {m.limiter:<4} round {m.round}  {m.bot:<5} {m.per_second:8.1f} msg/s  "
            f"{m.seconds:7.2f} s  p50 {latency['p50']:8.1f} ms  p99 {latency['p99']:8.1f} ms",
            flush=True,
        )
    else:
        print(f"  {m.limiter:<4} round {m.round}  {m.bot:<5} FAILED: {m.error}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--messages", type=int, default=DEFAULT_MESSAGES, help="timed messages")
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT, help="rounds per bot")
    parser.add_argument("--warmup", type=int, default=DEFAULT_WARMUP, help="untimed messages")
    parser.add_argument(
        "--rate", type=float, default=0.0, help="messages a second (default 0: all at once)"
    )
    parser.add_argument("--limiter", choices=(*LIMITERS, "both"), default="both")
    parser.add_argument(
        "--api-delay",
        type=float,
        default=0.0,
        metavar="MS",
        help="the emulator holds every sendMessage MS ms (a stand-in for Telegram's round trip)",
    )
    parser.add_argument(
        "--kb",
        default=str(REPO / "knowledge"),
        help="knowledge base folder, or a number N: a generated base of N projects (in --kb-dir)",
    )
    parser.add_argument("--kb-dir", default=str(WORK_DIR), help="generated bases, data folders")
    parser.add_argument("--seed", type=int, default=0, help="seed of a generated base")
    parser.add_argument("--dev", default=str(DEV_SET), help="questions (dev.jsonl format)")
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="extra bot environment, e.g. PROJECTBOT_QUESTION_LOG=off (repeatable)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        help=f"seconds per batch (default {MIN_TIMEOUT:g} + messages / {SLOWEST_RATE:g})",
    )
    parser.add_argument("--log-level", default="INFO", choices=logging.getLevelNamesMapping())
    parser.add_argument("--log-file", default=str(WORK_DIR / "e2e.log"))
    parser.add_argument("--keep-latencies", action="store_true", help="every latency in JSON")
    parser.add_argument("--out", default=str(RESULTS))
    args = parser.parse_args(argv)
    if args.messages < 1 or args.repeat < 1 or args.warmup < 0:
        parser.error("--messages and --repeat must be at least 1, --warmup at least 0")
    if args.timeout is None:
        args.timeout = MIN_TIMEOUT + args.messages / SLOWEST_RATE

    setup_run_logging(args.log_level, args.log_file, DEFAULT_TOKEN)
    print(
        f"e2e: {args.messages} messages x {args.repeat} rounds per bot, limiter {args.limiter}, "
        f"knowledge {args.kb}; bot logs in {args.log_file}",
        flush=True,
    )
    document = asyncio.run(run(args, print_result))
    print()
    print(table(document["summary"]))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {out}")
    failed = any(not m["ok"] for m in document["measurements"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
