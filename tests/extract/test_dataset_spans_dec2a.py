"""Dataset names and the dataset of results (round of 2 Dec): a sentence opening "On FooSet, ...", bracketed names
listed with a dataset, a benchmark spelled out after a dash, a count before a benchmark name, a sample size in
brackets; self-written sentences with made-up names."""
from __future__ import annotations

import pytest

from kg.extract import extract_paper
from kg.models import Paper


def extract(abstract: str, title: str = ""):
    return extract_paper(Paper(id="t", title=title, abstract=abstract))


def types(abstract: str, title: str = "") -> dict[str, str]:
    return {e.name: e.type for e in extract(abstract, title).entities}


@pytest.mark.parametrize("text, name", [
    ("We propose QuxNet, a sparse retriever. On ZorbQ, QuxNet reaches 71.2% accuracy.", "ZorbQ"),
    ("We propose QuxNet, a sparse retriever. On ZorbQ, our method proves highly competitive with a 4x cost cut.",
     "ZorbQ"),
    ("We propose QuxNet, a sparse retriever. On 26 scenes from Z2X-Seq, QuxNet improves PSNR by 3.2 dB.",
     "Z2X-Seq"),
])
def test_a_sentence_opening_on_a_name_reports_on_a_dataset(text, name):
    got = types(text)
    assert got.get(name) == "Dataset", got


def test_on_opening_with_the_subject_after_the_comma():
    x = extract("We evaluate QuxNet on the ZorbQA benchmark. On ZorbQA, the system achieved an overall accuracy "
                "of 81.2% after review.")
    got = {e.name: e.type for e in x.entities}
    assert got.get("ZorbQA") == "Dataset" and [e.type for e in x.entities if e.name == "ZorbQA"] == ["Dataset"], got
    assert [(r.value, r.dataset) for r in x.results if r.value == "81.2"] == [("81.2", "ZorbQA")]


@pytest.mark.parametrize("text, name", [
    ("We propose QuxNet, a sparse retriever. On ZorbHW, it outperforms the best system by up to 2.1x for dispatch "
     "throughput.", "ZorbHW"),
    ("We propose QuxNet, a sparse retriever. On top of BarLM, we add 3 layers.", "BarLM"),
    ("QuxNet speeds up ZorbGen9 by 4.1x on VBench. On ZorbGen9, it improves VBench by 1.3%.", "ZorbGen9"),
])
def test_on_openings_that_name_no_data(text, name):
    assert types(text).get(name) != "Dataset"


def test_a_benchmark_spelled_out_after_a_dash():
    got = types("We introduce a novel benchmark -- Zorb Multi-Hop Reasoning over Tables and Speech (ZMR-TS) -- "
                "designed to assess tri-modal reasoning.")
    assert got.get("Zorb Multi-Hop Reasoning over Tables and Speech") == "Dataset", got


def test_a_count_before_a_benchmark_name_is_not_part_of_it():
    got = types("We present QuxAgent. On the 104-challenge ZorbX benchmark, QuxAgent achieves 76.9% overall success.")
    assert got.get("ZorbX") == "Dataset" and "104-challenge ZorbX" not in got, got


def test_a_sample_size_in_brackets_is_no_dataset():
    x = extract("Evaluated on the ZorbNet dataset ($N=109$), the system achieved a mean accuracy of 58.52%.")
    got = {e.name: e.type for e in x.entities}
    assert "N" not in got and got.get("ZorbNet") == "Dataset", got
    assert [r.dataset for r in x.results if r.value == "58.52"] == ["ZorbNet"]


def test_a_list_after_on_ends_at_the_item_after_its_last_and():
    got = types("We introduce ZorbNet-v2. With experiments on ImageNet-1K, ADE20K and QuxSet-9K, ZorbNet-v2 shows "
                "gains of 2.1%.")
    assert got.get("QuxSet-9K") == "Dataset" and got.get("ZorbNet-v2") == "Method", got


def test_the_compared_method_after_over_is_no_dataset():
    got = types("We introduce ZorbNet-v2. ZorbNet-v2 shows superior performance over ZorbNet-v1 on ImageNet-1K.")
    assert got.get("ZorbNet-v1") != "Dataset", got


@pytest.mark.parametrize("text, name", [
    ("We test QuxNet on various datasets: face-age estimation (FGNET), old photo dating (ZorbHist), and retinal "
     "image quality assessment (EyePACS).", "ZorbHist"),
    ("QuxNet sets the new state of the art on classical (DomainNet) and complex (ZorbGeo) domain shifts.", "ZorbGeo"),
])
def test_a_bracketed_name_listed_with_a_dataset_is_a_dataset(text, name):
    got = types(text)
    assert got.get(name) == "Dataset", got


@pytest.mark.parametrize("text, name", [
    ("QuxNet improves marginal (ADE/FDE) and joint (ZADE/ZFDE) metrics on ETH/UCY.", "ZADE/ZFDE"),
    ("Scans come from terrestrial (TLS), mobile (MLS), and drone laser scanning (ZLS) devices.", "ZLS"),
])
def test_bracketed_names_listed_as_other_things(text, name):
    assert types(text).get(name) != "Dataset"


def test_a_bracketed_acronym_its_words_spell_out_is_no_listed_dataset():
    got = types("QuxNet is effective on both in-distribution (IND) and out-of-distribution (OOD) benchmark datasets.")
    assert got.get("IND") != "Dataset", got
