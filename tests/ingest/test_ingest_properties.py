"""Property tests: no input bytes make a reader raise anything but KGError; cleaning keeps its offset map."""

from __future__ import annotations

import gzip
import io
import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.errors import KGError
from kg.ingest import READERS, SkipReport, clean, clean_text, read_papers
from kg.ingest.report import Problems
from tests.conftest import FIXTURES

# KG_HYPOTHESIS_EXAMPLES=3000 for a longer hunt (default keeps the suite quick)
EXAMPLES = int(os.environ.get("KG_HYPOTHESIS_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                           HealthCheck.function_scoped_fixture])
# Bytes biased towards the characters the formats care about, plus anything at all.
SYNTAX = st.sampled_from([b"{", b"}", b"[", b"]", b'"', b",", b":", b"\n", b"@", b"<", b">", b"/", b"=", b"#",
                          b"\\", b"$", b"&", b"title", b"abstract", b"<entry>", b"<paper>", b"@article{",
                          b"\xff", b"\xc3", b"\x00", b" ", b"Subscribe", b"  \xe2\x80\xa2 3 authors", b"\xc2\xb7"])
NOISY = st.lists(st.one_of(SYNTAX, st.binary(max_size=8)), max_size=60).map(b"".join)
FIXTURE_BYTES = [p.read_bytes() for p in sorted((FIXTURES / "ingest").iterdir())]


def mutate(data: bytes, cuts: list[tuple[int, bytes]]) -> bytes:
    for pos, junk in cuts:
        pos = pos % (len(data) + 1)
        data = data[:pos] + junk + data[pos + len(junk):]
    return data


@SETTINGS
@given(data=NOISY, fmt=st.sampled_from(sorted(READERS)))
def test_every_reader_on_noise_raises_only_kgerror(data, fmt):
    for strict in (False, True):
        try:
            list(READERS[fmt](io.BufferedReader(io.BytesIO(data)), "noise", Problems(SkipReport(), strict=strict)))
        except KGError:
            assert strict


@SETTINGS
@given(i=st.integers(0, len(FIXTURE_BYTES) - 1),
       cuts=st.lists(st.tuples(st.integers(0, 5000), st.one_of(SYNTAX, st.binary(max_size=6))), max_size=4),
       truncate=st.integers(0, 5000), compress=st.booleans())
def test_mutated_fixtures_through_detection_raise_only_kgerror(tmp_path, i, cuts, truncate, compress):
    data = mutate(FIXTURE_BYTES[i], cuts)
    data = data[: truncate % (len(data) + 1)] if truncate % 3 == 0 else data
    if compress:
        z = gzip.compress(data)
        data = z[: len(z) - truncate % 40]
    f = tmp_path / "input"
    f.write_bytes(data)
    report = SkipReport()
    papers = list(read_papers([str(f)], report=report))
    assert report.papers == len(papers)
    for p in papers:
        assert p.abstract and p.id and p.sources[0].path == str(f)


TEXT = st.lists(st.one_of(st.sampled_from([
    "\\%", "\\&", "$\\sim$", "\\emph{", "}", "{\\em ", "&amp;", "&#233;", "<i>", "</p>", "-\n", "  ", "\n", "\t",
    "e\u0301", "\\'e", '\\"{o}', "$", "{", "\\", "trans", "self", "x", " ", "é", "\u00a0", "<jats:p>", "\\textbf{a}"]),
    st.text(max_size=5)), max_size=40).map("".join)


@settings(max_examples=EXAMPLES * 3, deadline=None)
@given(raw=TEXT)
@example(raw="\x1f")  # a control char alone: clean() once kept it, clean_text() dropped it
def test_clean_text_offsets_map_back_and_match_clean(raw):
    c = clean_text(raw)
    assert c.text == clean(raw)
    assert len(c.starts) == len(c.ends) == len(c.text)
    assert c.text == c.text.strip() and "  " not in c.text
    prev = 0
    for i, ch in enumerate(c.text):
        s, e = c.starts[i], c.ends[i]
        assert 0 <= s < e <= len(raw) and s >= prev      # monotone, inside the raw text
        prev = s
        if raw[s:e] == ch:
            continue
        # otherwise the char came from a replaced piece (entity, command, whitespace, accent...)
    for i in range(len(c.text)):
        for j in range(i, min(len(c.text), i + 3) + 1):
            rs, re_ = c.raw_span(i, j)
            assert 0 <= rs <= re_ <= len(raw)
