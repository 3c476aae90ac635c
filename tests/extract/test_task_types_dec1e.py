"""Task typing and Task phrases (round of 1 Dec, evening); self-written sentences with made-up names."""
from __future__ import annotations

from kg.extract import extract_paper
from kg.models import Paper


def ents(title: str, abstract: str) -> dict[str, str]:
    x = extract_paper(Paper(id="t", title=title, abstract=abstract))
    return {e.name: e.type for e in x.entities}


def test_a_spelled_out_part_of_a_method_is_no_task():
    # a long form ending in a task word ("enhancement", "alignment") right before "module", "block", "strategy": a
    # part of the method, though nothing says it is new
    got = ents("", "Edge maps are noisy. The network has two parts: a Context-Aware Region Enhancement (CARE) module "
                   "refines edges, and a Dual-stream Saliency Enhancement (DSE) block fuses cues. CARE and DSE help.")
    assert got.get("Context-Aware Region Enhancement") == "Method", got
    assert got.get("Dual-stream Saliency Enhancement") == "Method", got
    got = ents("", "Zorb features drift. The encoders are aligned by a graph-driven zorb alignment (GZA) strategy; "
                   "GZA is cheap.")
    assert got.get("graph-driven zorb alignment") == "Method", got


def test_a_task_before_a_model_or_scheme_stays_a_task():
    # "a Zorb Graph Generation (ZGG) model" is a model for the task, and a "scheme" is as often one for a problem
    got = ents("", "We train a Zorb Graph Generation (ZGG) model. ZGG is hard.")
    assert "Task" in got.values() and "Method" not in got.values(), got
    got = ents("", "A joint private zorb retrieval (PZR) scheme was designed for this purpose. PZR needs servers.")
    assert "Method" not in got.values(), got


def test_a_word_of_how_much_or_when_opens_no_task_phrase():
    from kg.extract.discover import task_phrases

    def spans(t):
        return [t[s:e] for s, e in task_phrases(t)]
    assert spans("It needs no additional zorb segmentation.") == ["zorb segmentation"]
    assert spans("The model enables joint zorb localization.") == ["zorb localization"]
    assert spans("It avoids explicit zorb flow estimation.") == ["zorb flow estimation"]
    assert spans("We test it on multiple sclerosis segmentation.") == ["multiple sclerosis segmentation"]
