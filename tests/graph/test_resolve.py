"""Entity resolution across papers (kg.resolve) on hand-written records."""

from __future__ import annotations

import random

import pytest

from kg.models import Entity, Paper, PaperExtraction
from kg.resolve import AliasTable, build_resolver, is_short_form, match_key
from tests.graph.records import records_a, records_b


@pytest.fixture(scope="module")
def resolver():
    return build_resolver(records_a() + records_b())


def test_acronym_learned_in_one_paper_resolves_bare_mention_in_another(resolver):
    assert resolver.resolve("Method", "ViT") == "method:vision transformer"


@pytest.mark.parametrize("name", ["Vision Transformer", "vision transformers", "Vision-Transformer",
                                  "Vision-Transformers", "VISION TRANSFORMER"])
def test_case_hyphen_plural_variants_merge(resolver, name):
    assert resolver.resolve("Method", name) == "method:vision transformer"


@pytest.mark.parametrize("a,b,same", [("ResNet50", "ResNet-50", True), ("GPT-4", "GPT-4o", False),
                                      ("BERT-large", "BERT", False), ("LLMs", "LLM", True),
                                      ("YOLOv5", "YOLO-v5", True), ("GPT-3.5", "GPT-3", False)])
def test_version_and_size_rules(a, b, same):
    assert (match_key(a) == match_key(b)) is same


def test_sam_senses_stay_apart_and_bare_mentions_follow_context(resolver):
    seg = resolver.resolve("Method", "SAM", ("Segment Anything Model",))
    sharp = resolver.resolve("Method", "SAM", ("Sharpness-Aware Minimization",))
    assert seg == "method:segment anything model" and sharp == "method:sharpness aware minimization"
    from kg.resolve import context_words
    assert resolver.resolve("Method", "SAM", context=context_words(["medical image segmentation"])) == seg
    assert resolver.resolve("Method", "SAM", context=context_words(["generalization of optimization"])) == sharp
    undecided = resolver.resolve("Method", "SAM", context=context_words(["a new widget"]))
    assert undecided == "method:sam" and resolver.info(undecided).ambiguous


def test_unambiguous_acronym_is_not_flagged(resolver):
    assert not resolver.info("method:vision transformer").ambiguous


def test_display_name_is_most_frequent_long_form():
    def px(pid, name, aliases=()):
        return PaperExtraction(Paper(id=pid, title="", abstract=""), entities=(Entity("Method", name, aliases),))
    r = build_resolver([px("1", "graph neural networks", ("GNN",)), px("2", "Graph Neural Network", ("GNN",)),
                        px("3", "Graph Neural Network"), px("4", "GNN")])
    assert r.resolve("Method", "GNN") == "method:graph neural network"
    assert r.info("method:graph neural network").name == "Graph Neural Network"


def test_catalog_id_joins_different_names():
    def px(pid, name, cat):
        return PaperExtraction(Paper(id=pid, title="", abstract=""),
                               entities=(Entity("Dataset", name, catalog_id=cat),))
    r = build_resolver([px("1", "MS COCO", "coco"), px("2", "Microsoft COCO", "coco")])
    assert r.resolve("Dataset", "MS COCO") == r.resolve("Dataset", "Microsoft COCO")


def test_resolution_does_not_depend_on_record_order():
    recs = records_a() + records_b()
    ref = build_resolver(recs)
    shuffled = recs[:]
    random.Random(3).shuffle(shuffled)
    other = build_resolver(shuffled)
    assert ref.element_key == other.element_key and ref.clusters == other.clusters


def test_short_form_rules():
    assert is_short_form("CNNs") and not is_short_form("convolutional networks")
    t = AliasTable()
    t.add_forms("Method", ["", "  "])  # empty names are ignored, not crashed on
    assert t.freeze().clusters == {}


def test_definition_whose_letters_do_not_fit_is_ignored():
    def px(pid, name, aliases=()):
        return PaperExtraction(Paper(id=pid, title="", abstract=""), entities=(Entity("Method", name, aliases),))
    r = build_resolver([px("1", "Autoregressive Model", ("DREAM",)), px("2", "DREAM")])
    assert r.resolve("Method", "DREAM") == "method:dream"
    assert r.resolve("Method", "Autoregressive Model") == "method:autoregressive model"


def test_bare_short_form_defined_in_its_own_text_counts_as_a_definition():
    """The extractor kept a bare 'SAM', but the abstract spells out Sharpness-Aware Minimization (SAM)."""
    from kg.graph import build_graph
    from tests.graph.records import px
    recs = [px("2405.00001", "We present the Segment Anything Model (SAM) for segmentation.",
               [("Method", "Segment Anything Model", ["SAM"], "proposed")], title="Promptable segmentation"),
            px("2405.00002", "Training with Sharpness-Aware Minimization (SAM) improves generalization.",
               [("Method", "SAM", [], "used")], title="Flat minima and generalization"),
            px("2405.00003", "We adapt SAM to segmentation of cells.", [("Method", "SAM", [], "used")],
               title="Cell segmentation with promptable models"),
            px("2405.00004", "SAM finds flat minima; generalization improves.", [("Method", "SAM", [], "used")],
               title="Generalization of flat minima")]
    G = build_graph(recs)
    assert G.has_edge("paper:2405.00002", "method:sharpness aware minimization", "USES")
    assert G.has_edge("paper:2405.00003", "method:segment anything model", "USES")
    assert G.has_edge("paper:2405.00004", "method:sharpness aware minimization", "USES")
    assert "SAM" in G.nodes["method:sharpness aware minimization"]["aliases"]
    assert "SAM" in G.nodes["method:segment anything model"]["aliases"]


def test_qualified_variant_given_as_alias_is_not_merged_globally():
    """An extractor folding 'neural machine translation' into 'machine translation' in one paper must not
    make the two one entity for the whole corpus."""
    recs = [PaperExtraction(Paper(id="1", title="", abstract=""),
                            entities=(Entity("Task", "machine translation", aliases=("neural machine translation",)),)),
            PaperExtraction(Paper(id="2", title="", abstract=""),
                            entities=(Entity("Task", "neural machine translation"),)),
            PaperExtraction(Paper(id="3", title="", abstract=""),
                            entities=(Entity("Task", "Machine-Translation", aliases=("machine translations",)),))]
    r = build_resolver(recs)
    assert r.resolve("Task", "neural machine translation") == "task:neural machine translation"
    assert r.resolve("Task", "machine translation", ("neural machine translation",)) == "task:machine translation"
    assert r.resolve("Task", "Machine-Translation") == "task:machine translation"


def test_one_off_definition_does_not_swallow_many_unrelated_bare_uses():
    """'VISTA' defined once as a tool agent, used bare by six papers about other things: only the
    paper sharing context with the definition joins it; the rest stay on a flagged 'method:vista'."""
    from kg.graph import build_graph
    from tests.graph.records import px
    recs = [px("2406.00001", "We build VisualToolAgent (VISTA), a tool-using agent.",
               [("Method", "VisualToolAgent", ["VISTA"], "proposed")], title="Tool agents for vision")]
    recs += [px(f"2406.0001{i}", "We use VISTA here.", [("Method", "VISTA", [], "used")],
                title=f"Radar weather nowcasting {i}") for i in range(6)]
    recs += [px("2406.00020", "VISTA helps.", [("Method", "VISTA", [], "used")], title="Agents with tool calls")]
    G = build_graph(recs)
    assert G.has_edge("paper:2406.00020", "method:visualtoolagent", "USES")
    assert all(G.has_edge(f"paper:2406.0001{i}", "method:vista", "USES") for i in range(6))
    assert G.nodes["method:vista"]["ambiguous"] is True
    assert G.nodes["method:visualtoolagent"]["paper_count"] == 2


def test_short_form_then_long_form_in_parentheses_is_a_local_definition():
    from kg.resolve import local_definitions
    from tests.graph.records import px
    x = px("2407.00001", "We propose FAL (First Attentions Last), an efficient architecture.",
           [("Method", "FAL", [], "proposed")], title="FAL: better transformers")
    assert local_definitions(x) == {("Method", "FAL"): "First Attentions Last"}


def _bare_records(short, long, defining_titles, bare_titles, first="2408", role="used"):
    """Papers defining ``long (short)`` and papers using ``short`` bare (all text written for this test)."""
    from tests.graph.records import px
    recs = [px(f"{first}.{i:05d}", f"We use {long} ({short}).", [("Method", long, [short], role)], title=t)
            for i, t in enumerate(defining_titles, 1)]
    recs += [px(f"{first}.{i:05d}", f"We use {short}.", [("Method", short, [], "used")], title=t)
             for i, t in enumerate(bare_titles, 101)]
    return recs


def test_short_acronym_defined_once_does_not_take_unrelated_bare_uses():
    """'PCR' defined once as a regression method: a bare PCR in a biology paper stays apart, flagged."""
    from kg.graph import build_graph
    recs = _bare_records("PCR", "Principal Component Regression", ["Sparse regression for spectra"],
                         ["Amplification bias in sequencing reads"])
    G = build_graph(recs)
    assert G.has_edge("paper:2408.00101", "method:pcr", "USES")
    assert G.nodes["method:pcr"]["ambiguous"] is True
    assert G.nodes["method:principal component regression"]["paper_count"] == 1


def test_short_acronym_defined_once_joins_when_context_words_are_shared():
    from kg.resolve import CONTEXT_WORD, build_resolver, context_words, evidence_needed
    r = build_resolver(_bare_records("PCR", "Principal Component Regression", ["Sparse spectral regression"], []))
    assert evidence_needed("pcr", 1) == 2 * CONTEXT_WORD
    assert r.resolve("Method", "PCR", context=context_words(["amplification reads"])) == "method:pcr"
    assert r.resolve("Method", "PCR", context=context_words(["sparse spectral models"])) == \
        "method:principal component regression"


def test_well_attested_short_acronym_takes_bare_uses_without_context():
    """Defined the same way in three papers: a bare use joins it whatever its paper is about."""
    from kg.resolve import build_resolver, context_words
    r = build_resolver(_bare_records("KKT", "Karush-Kuhn-Tucker", ["Convex duality", "Constrained solvers", "Bilevel"],
                                     ["Quadratic programming layers"]))
    assert r.resolve("Method", "KKT", context=context_words(["quadratic programming layers"])) == \
        "method:karush kuhn tucker"


def test_long_acronym_defined_once_needs_shared_words_twice_defined_none():
    """Defined in one paper, a coined name ('OTSGN', but also 'BLINK', 'PARROT') needs shared context;
    defined in two, it takes any bare use."""
    from kg.resolve import build_resolver, context_words
    once = build_resolver(_bare_records("OTSGN", "Optimal Transport Syntactic Graph Network", ["Aspect sentiment"], []))
    assert once.resolve("Method", "OTSGN", context=context_words(["unrelated words"])) == "method:otsgn"
    assert once.resolve("Method", "OTSGN", context=context_words(["aspect sentiment"])) == \
        "method:optimal transport syntactic graph network"
    twice = build_resolver(_bare_records("OTSGN", "Optimal Transport Syntactic Graph Network",
                                         ["Aspect sentiment", "Opinion triplets"], []))
    assert twice.resolve("Method", "OTSGN", context=context_words(["unrelated words"])) == \
        "method:optimal transport syntactic graph network"


def test_the_short_form_itself_is_no_shared_context():
    """Both papers name 'HEAR' among their entities; that word alone must not confirm the sense."""
    from kg.resolve import build_resolver, context_words
    r = build_resolver(_bare_records("HEAR", "Health Acoustic Representations", ["Cough sounds"], []))
    assert r.resolve("Method", "HEAR", context=context_words(["HEAR", "enterprise reasoner"])) == "method:hear"
    assert r.resolve("Method", "HEAR", context=context_words(["HEAR", "cough sounds"])) == \
        "method:health acoustic representations"


@pytest.mark.parametrize("short,long", [("GPT-4o", "GPT models"), ("BL-3", "Baseline"),
                                        ("PalmBench", "personal context. Moreover, we create the first benchmark"),
                                        ("MSDM", "models (FLUX, Kandinsky) versus training compact domain-specific models"),
                                        ("AIS", "and four image sets"),
                                        ("CoE-Ops", "challenges in AIOPS, this paper first proposes a collaboration-of-expert framework")])
def test_bad_long_form_from_one_paper_does_not_define_the_short_form(short, long):
    r = build_resolver([PaperExtraction(Paper(id="1", title="", abstract=""), entities=(Entity("Method", long, (short,)),)),
                        PaperExtraction(Paper(id="2", title="", abstract=""), entities=(Entity("Method", short),))])
    from kg.models import entity_key
    assert r.resolve("Method", short) == entity_key("Method", short)


def test_plural_definition_in_own_text_is_found():
    from kg.resolve import local_definitions
    from tests.graph.records import px
    x = px("2409.00001", "Bug Reproduction Tests (BRTs) are used by repair agents; a BRT fails first.",
           [("Method", "BRT", [], "used")])
    assert local_definitions(x) == {("Method", "BRT"): "Bug Reproduction Tests"}


def test_a_definition_counts_once_per_paper():
    """The defining paper names 'PCR' in an entity, a result and a relation: one paper, one definition."""
    from kg.models import Relation, Result
    from kg.resolve import build_table
    from tests.graph.records import px
    x = px("2410.00001", "Principal Component Regression (PCR) beats OLS.",
           [("Method", "PCR", [], "proposed"), ("Method", "OLS", [], "used")],
           results=[Result("error", "0.1", None, method="PCR")],
           relations=[Relation("PCR", "Method", "OUTPERFORMS", "OLS", "Method", 0.8)])
    assert build_table([x]).def_papers[("Method", "pcr")] == 1


def test_clause_taken_for_a_long_form_defines_nothing_and_names_nothing():
    """An extractor's "long form" that is a clause ('..., this paper first proposes a ... framework') fits the
    letters of 'CoE-Ops' but names nothing: the paper's entity goes to the short form, no clause node."""
    clause = "challenges in AIOPS, this paper first proposes a collaboration-of-expert framework"
    r = build_resolver([PaperExtraction(Paper(id="1", title="", abstract=""),
                                        entities=(Entity("Method", "CoE-Ops", (clause,)),))])
    assert r.resolve("Method", "CoE-Ops", (clause,)) == "method:coe ops"
    assert all("proposes" not in c.name for c in r.clusters.values())


def test_bare_short_form_a_paper_coins_itself_does_not_join_a_sense_defined_elsewhere():
    """'CLEAR' defined once elsewhere as a RAG method; a paper titled 'CLEAR: ...' that proposes its own
    CLEAR (no long form) shares words with it, yet stays apart (flagged); a paper merely using CLEAR joins."""
    from kg.graph import build_graph
    from tests.graph.records import px
    recs = [px("2411.00001", "We propose Conflict-Localized and Enhanced Attention for RAG (CLEAR) for retrieval.",
               [("Method", "Conflict-Localized and Enhanced Attention for RAG", ["CLEAR"], "proposed")],
               title="Knowledge conflicts in retrieval-augmented generation"),
            px("2411.00002", "We introduce CLEAR, a package for error analysis of retrieval-augmented generation.",
               [("Method", "CLEAR", [], "proposed")], title="CLEAR: knowledge conflicts in retrieval-augmented generation"),
            px("2411.00003", "We compare with CLEAR on conflicts.", [("Method", "CLEAR", [], "used")],
               title="Knowledge conflicts in retrieval-augmented generation")]
    G = build_graph(recs)
    lf = "method:conflict localized and enhanced attention for rag"
    assert G.has_edge("paper:2411.00003", lf, "USES")
    assert G.has_edge("paper:2411.00002", "method:clear", "PROPOSES")
    assert G.nodes["method:clear"]["ambiguous"] is True


def test_sense_of_another_type_keeps_a_bare_use_undecided():
    """'RGB' is a Dataset (a RAG benchmark) in one paper and a Method (red-green-blue) in two: a Dataset-typed
    bare 'RGB' in an image paper does not go to the benchmark (kept apart); one in a RAG paper does."""
    from kg.resolve import context_words
    from tests.graph.records import px
    recs = [px("2412.00001", "We test on the Retrieval Augmented Generation Benchmark (RGB).",
               [("Dataset", "Retrieval Augmented Generation Benchmark", ["RGB"], "used")],
               title="Retrieval noise in augmented generation"),
            px("2412.00002", "Red Green Blue (RGB) images of crops.", [("Method", "Red Green Blue", ["RGB"], "used")],
               title="Multispectral crop images"),
            px("2412.00003", "Red Green Blue (RGB) images and depth.", [("Method", "Red Green Blue", ["RGB"], "used")],
               title="Depth images of crops")]
    r = build_resolver(recs)
    # the image paper shares two words with the benchmark's paper (enough alone), more with the red-green-blue ones
    assert r.resolve("Dataset", "RGB", context=context_words(["multispectral crop images", "retrieval noise"])) == \
        "dataset:rgb"
    assert r.resolve("Dataset", "RGB", context=context_words(["retrieval noise augmented generation"])) == \
        "dataset:retrieval augmented generation benchmark"


def test_mixed_case_spelling_picks_among_the_senses_spelled_that_way():
    """'ReAct' (reasoning and acting, two papers) and 'ReACT' (a controller method): a bare 'ReAct' whose paper
    shares a word with the controller paper does not go to it."""
    from kg.resolve import context_words
    r = build_resolver(_bare_records("ReAct", "Reasoning and Acting", ["Agents that plan", "Tool agents"], [])
                       + _bare_records("ReACT", "Reinforcement Learning for Controller", ["Spline controllers memory"],
                                       [], first="2409"))
    ctx = context_words(["spline controllers memory agents"])
    assert r.resolve("Method", "ReAct", context=ctx) != "method:reinforcement learning for controller"
    assert r.resolve("Method", "ReACT", context=ctx) == "method:reinforcement learning for controller"


def test_state_bytes_do_not_depend_on_the_hash_seed(tmp_path):
    """The same records give the same resolver-state file whatever PYTHONHASHSEED is (context words come
    from frozensets, whose order follows the seed)."""
    import os
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    code = ("import sys; from kg.resolve import build_table, save_state; from tests.graph.records import records_a, "
            "records_b; t = build_table(records_a() + records_b()); save_state(t, t.freeze(), sys.argv[1])")
    blobs = []
    for seed in ("1", "2", "3"):
        out = tmp_path / f"state-{seed}.pickle"
        subprocess.run([sys.executable, "-c", code, str(out)], check=True, cwd=root,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        blobs.append(out.read_bytes())
    assert blobs[0] == blobs[1] == blobs[2]


def test_one_off_senses_of_an_ambiguous_short_form_need_the_evidence_of_a_single_sense():
    """'QUIST' coined by two papers for two methods (each defined once) and used bare by a paper that means
    neither (a field word): one shared telling word picked a sense before; now a one-off sense needs what it
    would need alone (two such words), and a sense defined in two papers needs one."""
    from kg.resolve import build_resolver, context_words
    recs = (_bare_records("QUIST", "Quantized Unit Interaction Scoring Transform", ["Rubric grading for essays"], [],
                          role="proposed")
            + _bare_records("QUIST", "Quality Inspection Stereo Tracker", ["Weld seams on conveyor belts"], [],
                            first="2409", role="proposed"))
    r = build_resolver(recs)
    assert r.resolve("Method", "QUIST", context=context_words(["QUIST classrooms and rubric design"])) == "method:quist"
    assert r.resolve("Method", "QUIST", context=context_words(["rubric grading for essays"])) == \
        "method:quantized unit interaction scoring transform"
    twice = build_resolver(recs + _bare_records("QUIST", "Quantized Unit Interaction Scoring Transform",
                                                ["Rubric feedback"], [], first="2410", role="proposed"))
    assert twice.resolve("Method", "QUIST", context=context_words(["QUIST classrooms and rubric design"])) == \
        "method:quantized unit interaction scoring transform"
    # a term a paper defines while using it (not its own coinage) is no one-off name: one shared word is enough
    term = build_resolver(_bare_records("QUIST", "Quantized Unit Interaction Scoring Transform",
                                        ["Rubric grading for essays"], [])
                          + _bare_records("QUIST", "Quality Inspection Stereo Tracker", ["Weld seams on conveyor belts"],
                                          [], first="2409", role="proposed"))
    assert term.resolve("Method", "QUIST", context=context_words(["QUIST classrooms and rubric design"])) == \
        "method:quantized unit interaction scoring transform"


def test_a_catalog_short_form_picks_a_one_off_sense_on_one_shared_word():
    """A short form spelled as a catalog name (well known, seldom spelled out: BART) keeps the old bar."""
    from kg.resolve import build_resolver, context_words
    recs = (_bare_records("BART", "Bayesian Additive Regression Trees", ["Causal forests for uplift"], [],
                          role="proposed")
            + _bare_records("BART", "Bidirectional Auto-Regressive Transformers", ["Denoising summarization"], [],
                            first="2409", role="proposed"))
    r = build_resolver(recs)
    assert ("Method", "bart") in r.catalog_short
    assert r.resolve("Method", "BART", context=context_words(["BART for denoising headlines"])) == \
        "method:bidirectional auto regressive transformers"
