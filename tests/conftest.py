"""Shared fixtures: the shipped knowledge base and an engine over it, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.kb.load import load_knowledge
from bot.kb.model import KnowledgeBase

REPO = Path(__file__).resolve().parents[1]
KNOWLEDGE = REPO / "knowledge"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge(KNOWLEDGE)


@pytest.fixture(scope="session")
def engine(kb: KnowledgeBase) -> Engine:
    return Engine(kb)
