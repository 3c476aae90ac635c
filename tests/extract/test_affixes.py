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


def test_url_rule_shortcut_matches_as_spacy_s_rule():
    import random  # noqa: PLC0415

    from spacy.lang.tokenizer_exceptions import URL_MATCH  # noqa: PLC0415

    from kg.extract.affixes import _Url  # noqa: PLC0415

    url = _Url(URL_MATCH)
    written = ["github.com/org/x", "https://kg.example.org:8080/a?b#c", "user:pw@host.io", "8.8.8.8", "localhost",
               "http://localhost", "a.b", "GPT-4", "e.g.", "x@y", "ftp://z", "ResNet", "3.5x", "v1.2", "naïve.café"]
    rng = random.Random(1201)
    chars = "aZ0.:/@-_#?é9"
    fuzzed = ["".join(rng.choice(chars) for _ in range(rng.randint(1, 14))) for _ in range(5000)]
    for s in written + fuzzed:
        a, b = url(s), URL_MATCH(s)
        assert (a and a.span()) == (b and b.span()), s


def test_same_tokens_with_the_url_shortcut_on_fuzzed_texts():
    import random  # noqa: PLC0415

    plain, fast = spacy.blank("en"), spacy.blank("en")
    assert plain_word_affixes(fast.tokenizer) and type(fast.tokenizer.url_match).__name__ == "_Url"
    rng = random.Random(1202)
    words = ["see", "kg.org", "http://a.io/x", "(www.b.com)", "x@y.z", "GPT-4", "e.g.", "8.8.8.8", "a:b", "U.S.",
             "localhost:80", "v1.2", "Fig.", "@user", "c++", "1.5B"]
    for _ in range(500):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 8)))
        assert _tokens(fast, text) == _tokens(plain, text), text
    for text in TEXTS:
        assert _tokens(fast, text) == _tokens(plain, text), text
