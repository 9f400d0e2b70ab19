"""What the Telegram layer itself says (the core says everything else), in English and Russian."""

from __future__ import annotations

from typing import Final

from telegram import User

RU: Final = "ru"
EN: Final = "en"

_TEXTS: Final[dict[str, tuple[str, str]]] = {
    "apology": (
        "Sorry, something went wrong while answering. Please try again in a moment.",
        "Извините, при ответе что-то пошло не так. Попробуйте ещё раз чуть позже.",
    ),
    "stale_button": (
        "That button no longer works. Send /projects to see the projects again.",
        "Эта кнопка больше не работает. Отправьте /projects, чтобы снова увидеть проекты.",
    ),
    "open_private_chat": ("Open a private chat", "Открыть личный чат"),
    "open_in_chat": ("Ask about it in a chat", "Спросить о нём в чате"),
    "project_usage": (
        "Send /project and a project's name, for example /project SIREADA, or pick one:",
        "Отправьте /project и название проекта, например /project SIREADA, или выберите:",
    ),
    "pick_project": ("Pick a project:", "Выберите проект:"),
    "cmd_start": ("Welcome and example questions", "Приветствие и примеры вопросов"),
    "cmd_help": ("How to ask me questions", "Как задавать вопросы"),
    "cmd_projects": ("Every project, as buttons", "Все проекты кнопками"),
    "cmd_project": ("A project's card: /project NAME", "Карточка проекта: /project НАЗВАНИЕ"),
    "cmd_about": ("About IOM in the Russian Federation", "О МОМ в Российской Федерации"),
    "cmd_language": ("Answer in English or Russian", "Отвечать по-английски или по-русски"),
    # /language
    "language_prompt": (
        "Which language should I answer in, in this chat? (Now: {current}.)",
        "На каком языке мне отвечать в этом чате? (Сейчас: {current}.)",
    ),
    "language_auto": (
        "the language of each question",
        "язык каждого вопроса",
    ),
    "language_set": (
        "From now on I answer in English in this chat. /language changes it.",
        "Теперь я отвечаю в этом чате по-русски. Изменить: /language.",
    ),
    "language_unset": (
        "From now on I answer in the language of each question. /language pins one.",
        "Теперь я отвечаю на языке каждого вопроса. Выбрать один язык: /language.",
    ),
    "language_usage": (
        "Send /language en, /language ru or /language auto, or pick one:",
        "Отправьте /language ru, /language en или /language auto, или выберите:",
    ),
    # access and flood protection
    "refused": (
        "Sorry, this bot only answers the people it was set up for. If you think you should "
        "have access, please ask its administrator.",
        "Извините, этот бот отвечает только тем, для кого он настроен. Если вам нужен доступ, "
        "обратитесь к его администратору.",
    ),
    "refused_short": ("This bot is not available to you", "Этот бот вам недоступен"),
    "flood": (
        "You are asking faster than I can answer. I will answer again in about {seconds} s.",
        "Вы спрашиваете быстрее, чем я успеваю отвечать. Я снова отвечу примерно через {seconds} с.",
    ),
    "flood_short": (
        "Too many queries: wait {seconds} s",
        "Слишком много запросов: подождите {seconds} с",
    ),
    # feedback buttons
    "feedback_thanks": ("Thank you for the feedback!", "Спасибо за отзыв!"),
    "feedback_stale": (
        "Thank you! This answer can no longer be rated.",
        "Спасибо! Этот ответ больше нельзя оценить.",
    ),
    # admin commands
    "admin_only": (
        "This command is for the bot's administrators.",
        "Эта команда только для администраторов бота.",
    ),
    "reloading": ("Reloading the knowledge base…", "Перезагружаю базу знаний…"),
}


def text(key: str, lang: str, **values: object) -> str:
    """The text `key` in `lang` ("ru", else English), with `{name}` placeholders filled in."""
    en, ru = _TEXTS[key]
    chosen = ru if lang == RU else en
    return chosen.format(**values) if values else chosen


def keys() -> frozenset[str]:
    """Every text's key (tests check each has both languages)."""
    return frozenset(_TEXTS)


def translations(key: str) -> tuple[str, str]:
    """The English and Russian text of `key`."""
    return _TEXTS[key]


def user_lang(user: User | None) -> str:
    """The user's Telegram language as one the bot speaks: "ru" for any ru*, else "en"."""
    code = (user.language_code or "") if user else ""
    return RU if code.lower().startswith(RU) else EN
