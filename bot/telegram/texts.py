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
}


def text(key: str, lang: str) -> str:
    en, ru = _TEXTS[key]
    return ru if lang == RU else en


def user_lang(user: User | None) -> str:
    """The user's Telegram language as one the bot speaks: "ru" for any ru*, else "en"."""
    code = (user.language_code or "") if user else ""
    return RU if code.lower().startswith(RU) else EN
