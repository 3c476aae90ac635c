"""Names cut out of LaTeX formulas (cleaning keeps the inside of math: ``$MH^3K^E$`` -> ``MH^3K^E``) are no
entities and define no acronym; a name typeset in math whole stays one."""

from __future__ import annotations

from kg.extract import extract_paper, glued_to_formula, script_end
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
    assert "ZXW-T^3" in names  # a name closed by a digit script keeps it: not ZXW-T (nor ZXWT elsewhere)


def test_name_closed_by_a_digit_script_is_taken_whole():
    names = _names("QuxCode^2: cascaded codebooks",
                   "We propose QuxCode$^2$, a cascaded codebook; QuxCode$^2$ beats BarNet while RF$^2$SA does not.")
    assert "QuxCode^2" in names and "QuxCode" not in names and not names & {"RF", "RF^2", "SA", "RF^2SA"}


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
    assert script_end(t, a + 5) == a + 7 and script_end(t, 3) is None  # "ACE-M^3" closes; ")^2U" does not


def test_braced_name_and_identifier_with_underscore_are_kept():
    names = _names("QZ", "We tune {QuxLM-4B-Instruct} with BazDB_Purify and report GN$_k$ for QZNet.")
    assert {"QuxLM-4B-Instruct", "BazDB_Purify", "QZNet"} <= names and "GN" not in names


def test_benchmark_fold_superscript_stays_with_its_name():
    names = _names("QZ", "QZNet is evaluated on FooCOCO-20$^i$ and BarVOC-5$^i$ folds.")
    assert {"FooCOCO-20^i", "BarVOC-5^i"} <= names and not names & {"FooCOCO-20", "BarVOC-5"}


def test_measure_with_a_braced_threshold_subscript_is_still_the_measure():
    x = extract_paper(Paper(id="t", title="QZ", abstract=clean(
        "QZNet reaches 84.3% AP$_{50}$ and 50.1 mAP$_{50:95}$ on FooSet, while $\\mathrm{MOD}_{YOLO}$ lags.")))
    metrics = {e.name for e in x.entities if e.type == "Metric"}
    assert {"average precision", "mean average precision"} <= metrics
    assert not {e.name for e in x.entities} & {"MOD", "YOLO"}
