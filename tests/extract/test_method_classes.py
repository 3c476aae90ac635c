"""Method rules from the error classes shared by held-out sets a, b and c (self-written sentences)."""

from kg.extract import extract_paper
from kg.models import Paper


def _methods(abstract: str, title: str = "") -> dict[str, set[str]]:
    x = extract_paper(Paper(id="t", title=title, abstract=abstract))
    return {e.name: {m.text for m in e.mentions} | set(e.aliases) for e in x.entities if e.type == "Method"}


def test_a_bare_learning_paradigm_is_no_method():
    got = _methods("We train the FooNet policy with reinforcement learning (RL) and PPO; RL is costly. "
                   "Representation learning and transfer learning help BarNet.")
    assert "reinforcement learning" not in got and "representation learning" not in got
    assert "transfer learning" not in got
    assert {"FooNet", "proximal policy optimization", "BarNet"} <= set(got)
    # a qualified paradigm that is a catalog method of its own stays
    assert "inverse reinforcement learning" in _methods("We use inverse reinforcement learning to fit FooNet.")
