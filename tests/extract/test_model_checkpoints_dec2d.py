"""Model checkpoints named past the family name (round dec2d): a tier word, a version after it, a size tag
("Claude Sonnet 4.6", "Gemini-1.5-pro", "Qwen3:8B"); self-written sentences."""
from __future__ import annotations

import pytest

from kg.extract import extract_paper
from kg.models import Paper


def ents(abstract: str) -> dict[str, str]:
    """Every name and alias of the extracted entities -> its type."""
    x = extract_paper(Paper(id="t", title="", abstract=abstract))
    return {n: e.type for e in x.entities for n in (e.name, *e.aliases)}


@pytest.mark.parametrize("text, name, split", [
    ("We compare three chat models--Zorb-7B, Qux-2, and Claude Sonnet 4.6--on long zorb puzzles.",
     "Claude Sonnet 4.6", ("Claude", "Sonnet 4.6")),
    ("We test Claude Opus 4.1 and Gemini 3.1 Pro Preview on quiz ranking.", "Claude Opus 4.1", ("Claude", "Opus 4.1")),
    ("We score four LLMs (ZorbLM, QuxLM, and Gemini-1.5-pro) on 45 zorb answers.", "Gemini-1.5-pro", ("Gemini-1.5",)),
    ("The ZorbBot agent, powered by Qwen3:8B and Gemma3:27B, answers 93% of the quiz queries.", "Gemma3:27B",
     ("Gemma3",)),
    ("Fine-tuning Mistral Small 3.1 on the zorb notes helps.", "Mistral Small 3.1", ("Mistral Small",)),
])
def test_checkpoint_named_whole(text, name, split):
    got = ents(text)
    assert got.get(name) == "Method"
    assert not any(part in got for part in split)


@pytest.mark.parametrize("text, name", [
    ("A Llama-based Zorb Reasoner ranks quizzes.", "Llama-based"),
    ("We fine-tune Claude Opus Zorb Models on quizzes.", "Claude Opus"),
])
def test_no_checkpoint_tail(text, name):
    assert name not in ents(text)
