"""Text clean-up: LaTeX, HTML, hyphenation, whitespace, NFC, and the offset map back to raw text."""

from __future__ import annotations

import unicodedata

import pytest

from kg.ingest import clean, clean_text


@pytest.mark.parametrize("raw,expected", [
    ("5\\% of \\& and \\#1", "5% of & and #1"),
    ("$\\sim$3$\\times$ faster, $\\alpha$-test, $O(n^2)$", "~3× faster, α-test, O(n^2)"),
    ("\\emph{Deep} \\textbf{nets} and {\\em old} {\\bf style}", "Deep nets and old style"),
    ("M\\\"uller, Garc\\'{\\i}a, \\c{c}a", "Müller, García, ça"),
    ("R&amp;D &lt;tag&gt; &#233;t&eacute;", "R&D <tag> été"),
    ("<jats:p>First.</jats:p><jats:p>Second <i>it</i>.</jats:p>", "First. Second it."),
    ("trans-\nformer and self-\n  supervised pre-\ntraining", "transformer and self-supervised pre-training"),
    ("GPT-\n4 and Vision-\nLanguage", "GPT-4 and Vision-Language"),
    ("  tabs\tand\n\nnewlines  \u00a0 ", "tabs and newlines"),
    ("cafe\u0301", "caf\u00e9"),
    ("\\cite{x} stays, costs $5 and $10", "\\cite{x} stays, costs $5 and $10"),
    ("a < b and c > d, x_1", "a < b and c > d, x_1"),
])
def test_clean(raw, expected):
    assert clean(raw) == expected
    assert clean_text(raw).text == expected
    assert unicodedata.is_normalized("NFC", clean(raw))


def test_offsets_map_cleaned_spans_back_to_raw():
    raw = "We train \\emph{ViT-B} on Ima-\ngeNet with 3$\\times$ less &amp; cheaper data."
    c = clean_text(raw)
    assert c.text == "We train ViT-B on ImageNet with 3× less & cheaper data."
    for word, raw_form in (("ViT-B", "ViT-B"), ("&", "&amp;"), ("cheaper", "cheaper"), ("3×", "3$\\times")):
        i = c.text.index(word)
        s, e = c.raw_span(i, i + len(word))
        assert raw[s:e] == raw_form
    s, e = c.raw_span(c.text.index("ImageNet"), c.text.index("ImageNet") + 8)
    assert raw[s:e] == "Ima-\ngeNet"
    s, e = c.raw_span(c.text.index("×"), c.text.index("×") + 1)
    assert raw[s:e] == "\\times"
    assert c.mapping == c.starts
    with pytest.raises(ValueError):
        c.raw_span(3, 1000)


@pytest.mark.parametrize("raw,expected", [
    ("an accuracy of 90. 72\\% on the test set", "an accuracy of 90.72% on the test set"),
    ("reaches $90.\\ 72\\%$ and 8. 5 % more", "reaches 90.72% and 8.5 % more"),
    # not a split decimal: a sentence ending in a year or a list number, a version, no percent sign
    ("Since 2020. 45% of them fail.", "Since 2020. 45% of them fail."),
    ("Use v1.2. 3% of runs fail.", "Use v1.2. 3% of runs fail."),
    ("We use 3. 5 models are compared.", "We use 3. 5 models are compared."),
])
def test_percentage_with_a_space_after_its_decimal_point_is_joined(raw, expected):
    c = clean_text(raw)
    assert clean(raw) == c.text == expected
    i = expected.find("90.72")
    if i >= 0:  # the joined number still maps back to its raw digits
        s, e = c.raw_span(i, i + 5)
        assert raw[s:e].replace("\\", "").replace(" ", "") == "90.72"
