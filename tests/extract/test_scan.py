"""kg.extract.scan: the faster scans give exactly what the plain ones give."""
import random

import pytest

from kg.extract.scan import WordStarts, starts_of

WORD_SETS = [
    (" Module", " Network", " Embedding", " Embeddings", " Loss"),  # shared first character, a prefix pair
    (" module", " block", " loss", " layer"),
    ("on", "across", "over"),  # different first characters
    ("a", "ab", "abc", "b", "ab"),  # one-letter words, prefixes, a word given twice
    (" x.", "x.*", "(", "((", "\\"),  # regex metacharacters are literal here
    ("the", "he", "e", "theme"),  # overlapping occurrences
]


@pytest.mark.parametrize("words", WORD_SETS)
def test_word_starts_is_starts_of(words):
    f = WordStarts(words)
    rnd = random.Random(11)
    alphabet = "abehtmx .*()\\\nMNEdLoslkcrv"
    texts = ["", "the theme", "a Patch Embeddings and Embedding Loss", "((x.*\\ x. ab abc ba", "over across on"]
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40))) for _ in range(3000)]
    for t in texts:
        assert f(t) == starts_of(t, words), t


def test_word_starts_counts_each_word_at_a_place():
    f = WordStarts((" Embedding", " Embeddings", " Loss", " Loss"))
    t = "Patch Embeddings, Patch Embedding Loss"
    assert f(t) == [5, 5, 23, 33, 33]


def test_word_starts_needs_words():
    with pytest.raises(ValueError):
        WordStarts(())
    with pytest.raises(ValueError):
        WordStarts(("a", ""))


def test_token_matches_is_token_finditer():
    from kg.extract.discover import _TOKEN, _token_matches

    rnd = random.Random(5)
    alphabet = "aB1.-/+\\_ \u00e9(x)Z9\n"
    texts = ["", "GPT-4", "mBERT/XLM-R (v2.0) on e.g. CIFAR-10, x_Net, \u00e9BERT, a\\B, A..B, C++ and 3D"]
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 25))) for _ in range(20000)]
    for t in texts:
        assert [(m.span(), m[0]) for m in _token_matches(t)] == [(m.span(), m[0]) for m in _TOKEN.finditer(t)], t


def _fuzz(rnd: random.Random, pieces, most: int, n: int) -> list[str]:
    """``n`` strings of up to ``most`` random picks from ``pieces`` (characters or words)."""
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, most))) for _ in range(n)]


def test_number_word_keys_find_every_number_word():
    """``_word_number_in`` scans for the shorter keys ("tw", "fif", "four"...): the same number words as the regex."""
    from kg.extract.results import _NUMBER_WORD_KEYS, _NUMBER_WORDS, _WORD_NUM_KEY
    from kg.extract.scan import finditer_at

    assert all(any(w.startswith(k) for k in _NUMBER_WORD_KEYS) for w in _NUMBER_WORDS)
    rnd = random.Random(17)
    pieces = list(_NUMBER_WORDS) + ["Twelve", "FIFTY", "-", " ", ".", "s", "network", "x", "een", "ty"]
    texts = ["", "Two-fold, twelve and Twenty; fourteen points vs forty; a fifth of fifteen", "between networks often"]
    texts += _fuzz(rnd, pieces, 8, 5000)
    for t in texts:
        assert [m.span() for m in finditer_at(_WORD_NUM_KEY, t, _NUMBER_WORD_KEYS)] == \
            [m.span() for m in _WORD_NUM_KEY.finditer(t)], t


@pytest.mark.parametrize("name", ["discover._MEASURE_CHANGE", "discover._GAIN_AFTER", "discover._VALUE_AT",
                                  "_LOWER_MODEL"])
def test_digit_gated_patterns_need_a_digit(name):
    """The scans skipped in a text without a digit (``has_digit``) cannot match there: each match holds one."""
    import kg.extract as K
    from kg.extract.scan import has_digit

    obj = K
    for part in name.split("."):
        obj = getattr(obj, part)
    rnd = random.Random(23)
    pieces = ["40", "2", "%", "x", " ", "-", ".", ":", "=", "of", "lower", "peak memory", "higher", "decoding throughput",
              "times", "fold", "F1", "BLEU", "gain", "improvements", "gpt", "llama", "-chat-", "4o", "mini", "ten"]
    texts = ["40% lower peak memory", "2x higher decoding throughput", "ten times lower peak memory",
             "+2.1 BLEU gain", "F1: 0.9 and F1 of ninety", "gpt-4o-mini and llama-chat-7b", "gpt-four, llama-chat-b"]
    texts += _fuzz(rnd, pieces, 10, 5000)
    hits = 0
    for t in texts:
        for m in obj.finditer(t):
            hits += 1
            assert has_digit(m[0]), (t, m[0])
    assert hits  # the texts do reach the pattern


def test_proposed_spans_is_ours_finditer():
    """proposed_spans looks for "the" only in a text with "proposed" (its one form): the spans of _OURS_L.finditer."""
    from kg.extract.results import _OURS_L, lower_same_length, proposed_spans

    rnd = random.Random(29)
    pieces = ["the", "The", " ", "  ", "\n", "proposed", "Proposed", "new", "model", "method", "our", "Our", "ours",
              "this", "This", "we", "We", "other", "lower", "s", ",", "."]
    texts = ["The proposed model and our method beat theirs; we win.", "The  proposed\nnetworks. This model.",
             "the model we use", "Others propose theory."]
    texts += _fuzz(rnd, pieces, 12, 5000)
    for i, t in enumerate(texts):
        t = t + " " * (i % 2)  # a new object each time (the last text's spans are kept)
        want = [(m.start(), m.end(), "Method", "P") for m in _OURS_L.finditer(lower_same_length(t))]
        assert proposed_spans(t, 0, len(t), "P") == want, t


def test_has_digit_is_digit_search():
    import re

    from kg.extract.scan import has_digit

    digit = re.compile(r"\d")
    rnd = random.Random(31)
    alphabet = "ab 0915.-\u0663\uff17\u00b2\u2167x"  # Arabic-Indic 3, fullwidth 7 are digits; superscript 2, Roman 8 not
    texts = ["", "GPT-4", "no digits here", "\u0663 items", "x\u00b2", "\uff17B"]
    texts += _fuzz(rnd, alphabet, 12, 5000)
    texts += _fuzz(rnd, "ab 09", 12, 2000)  # ASCII only
    for t in texts:
        assert has_digit(t) == (digit.search(t) is not None), t
        a, b = sorted((rnd.randint(0, len(t)), rnd.randint(0, len(t))))
        assert has_digit(t, a, b) == (digit.search(t, a, b) is not None), (t, a, b)
        assert has_digit(t, a) == (digit.search(t, a) is not None), (t, a)


def test_sentence_boundaries_from_their_marks():
    """split_sentences tries _BOUNDARY only at '.', '!' and '?' (str.find): the boundaries of _BOUNDARY.finditer."""
    from kg.extract.scan import finditer_at
    from kg.extract.text import _BOUNDARY

    rnd = random.Random(37)
    alphabet = "aB1 .!?\n\t(\"'x\u00a0"
    texts = ["", "It works. See Fig. 2 vs. U.S. data!  (Done) 'Yes'? 3 more.", "a.b. C"]
    texts += _fuzz(rnd, alphabet, 20, 5000)
    for t in texts:
        assert [m.span() for m in finditer_at(_BOUNDARY, t, (".", "!", "?"), ignore_case=False)] == \
            [m.span() for m in _BOUNDARY.finditer(t)], t


def test_compared_key_substring_test_first():
    """rule_relations asks _COMPARED_KEY only of a sentence with "relative" ("compar" answers by itself)."""
    from kg.extract.relations import _COMPARED_KEY

    rnd = random.Random(41)
    pieces = ["compar", "compare", "relative", " ", "  ", "\n", "to", "ly", "x", "rel"]
    texts = ["", "relative to y", "relatively good", "compared with", "relative\nto", "relative  to"]
    texts += _fuzz(rnd, pieces, 6, 5000)
    for seg in texts:
        fast = "compar" in seg or "relative" in seg and _COMPARED_KEY.search(seg, 0, len(seg))
        assert bool(fast) == bool(_COMPARED_KEY.search(seg)), seg
