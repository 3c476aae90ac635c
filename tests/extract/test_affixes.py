"""kg.extract.affixes: the plain-word shortcuts give spaCy's own tokens."""

import itertools

import spacy

from kg.extract import extraction_nlp
from kg.extract.affixes import plain_word_affixes

TEXTS = [
    "We use 10km GPT4-style (fast) models, e.g. BERT's and ResNet-50's 3.5x speed-up at 25°C.",
    "U.S. data: 12.5% vs. 9.1%; see Fig. 2... and (i)-(iii) at https://github.com/org/repo.",
    "Costs: $5, US$10, 3€ and 10kg/m2; 1990s-era F1@0.5 ⊕ 😀 scores — a “quoted” ‘word’.",
    "ALL CAPS TITLE: A NEW MODEL FOR 3D-HUMAN POSE ESTIMATION IN THE WILD (2024)",
    "x+y=z, a<b>c, 5-10, 2^10, naïve café Zürich, İstanbul ſ K",
]


def _tokens(nlp, text):
    return [(t.idx, t.text) for t in nlp.tokenizer(text)]


def test_same_tokens_as_the_plain_rules():
    plain, fast = spacy.blank("en"), spacy.blank("en")
    assert plain_word_affixes(fast.tokenizer)
    for text in TEXTS:
        assert _tokens(fast, text) == _tokens(plain, text), text


def test_same_tokens_on_every_short_string_of_letters_digits_and_marks():
    plain, fast = spacy.blank("en"), spacy.blank("en")
    plain_word_affixes(fast.tokenizer)
    chars = "aZ0'.-$%(km"
    for n in range(1, 4):
        for t in itertools.product(chars, repeat=n):
            s = "".join(t)
            assert _tokens(fast, s) == _tokens(plain, s), s


def test_the_extraction_pipeline_has_them_and_other_rules_are_left_alone():
    nlp = extraction_nlp()
    assert type(nlp.tokenizer.suffix_search).__name__ == "_Suffix"
    assert not plain_word_affixes(nlp.tokenizer)  # already wrapped: not twice
    other = spacy.blank("de")  # German rules differ: no shortcuts
    assert not plain_word_affixes(other.tokenizer)
    assert other.tokenizer.suffix_search.__self__.pattern  # still the plain regex method
