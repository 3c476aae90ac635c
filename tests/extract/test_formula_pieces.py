"""Names cut out of LaTeX formulas (cleaning keeps the inside of math: ``$MH^3K^E$`` -> ``MH^3K^E``) are no
entities and define no acronym; a name typeset in math whole stays one."""

from __future__ import annotations

from kg.extract import extract_paper, glued_to_formula
from kg.ingest import clean
from kg.models import Paper


def _names(title: str, abstract: str) -> set[str]:
    x = extract_paper(Paper(id="t", title=clean(title), abstract=clean(abstract)))
    return {e.name for e in x.entities} | {a for e in x.entities for a in e.aliases}


def test_symbol_glued_to_a_script_is_no_entity():
    names = _names("Regret bounds for robust planning",
                   "We prove a regret of $O(MH^3K^E\\log T)$ for the QZNet planner and show that "
                   "the ZXW-T$^3$ variant of QZNet keeps the bound, while $\\mathrm{RP}_{ZYX}$ grows.")
    assert "QZNet" in names
    assert not names & {"MH", "MH^3K^E", "ZXW-T", "ZYX", "RP"}


def test_name_holding_its_script_whole_is_kept():
    names = _names("Fitting curves", "Our QZNet regressor reaches an $R^2$ of 0.91 on the FooBar dataset.")
    assert "R^2" in names or "coefficient of determination" in {n.lower() for n in names}


def test_glued_to_formula_edges():
    t = "(FG)^2U and ACE-M^3 and x_{YOLO} and GPT-4"
    assert glued_to_formula(t, 1, 3)                       # FG of (FG)^2U
    a = t.index("ACE-M")
    assert glued_to_formula(t, a, a + 5)                   # ACE-M of ACE-M^3
    assert not glued_to_formula(t, a, a + 7)               # ACE-M^3 whole
    assert glued_to_formula(t, t.index("YOLO"), t.index("YOLO") + 4)
    assert not glued_to_formula(t, t.index("GPT-4"), len(t))
