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
