"""Shortcuts for spaCy's English affix rules on plain words: the same tokens, fewer regex scans.

spaCy's tokenizer splits each new whitespace-separated chunk with three big
alternations (prefixes, suffixes, infixes) and calls them again on every piece
it strips. Most pieces are plain ASCII words or numbers ("model", "GPT4",
"2024"), where the English rules can find nothing: every prefix and infix rule
needs a character that is not an ASCII letter or digit (punctuation, a quote,
a hyphen, a symbol, "$"), and every suffix rule too, except the units after a
number ("10km"), which need a digit before letters, and "'s" ("’s"), which needs
an apostrophe. :func:`plain_word_affixes` wraps the three rules so that such
pieces are answered without running the alternation (~10 % of the
tokenizer's time on a stream of new arXiv abstracts, ~1 % of kg's
extraction; ``benchmarks/README.md``).

>>> import spacy
>>> nlp = spacy.blank("en"); plain_word_affixes(nlp.tokenizer)
True
>>> [t.text for t in nlp("We use 10km GPT4-style (fast) models, e.g. BERT's.")]
['We', 'use', '10', 'km', 'GPT4', '-', 'style', '(', 'fast', ')', 'models', ',', 'e.g.', 'BERT', "'s", '.']
"""

from __future__ import annotations

from spacy.lang.en import English
from spacy.lang.tokenizer_exceptions import URL_MATCH
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

__all__ = ["plain_word_affixes"]


class _Prefix:
    """``search(s)`` of the English prefix rules, ``None`` at once for an ASCII letters-and-digits ``s``."""

    def __init__(self, search) -> None:
        self.search = search
        self.__self__ = search.__self__  # spaCy serialises the rule as ``suffix_search.__self__.pattern``

    def __call__(self, s: str):
        if s.isascii() and s.isalnum():
            return None
        return self.search(s)


class _Suffix(_Prefix):
    """``search(s)`` of the English suffix rules, ``None`` at once for ASCII letters only or an ASCII
    letters-and-digits ``s`` ending in a digit (a unit needs letters after the digit: "10km").

    Every suffix rule ends at the end of ``s`` and, but for a run of dots, matches at most ``width``
    characters (look-behinds take none): the leftmost match of a longer ``s`` not ending in ".." (or in a
    line break, where ``$`` also matches) begins in its last ``width`` characters, so the search starts there
    (look-behinds still see what comes before).
    """

    def __init__(self, search, width: int | None = None) -> None:
        super().__init__(search)
        self.width = width

    def __call__(self, s: str):
        if s.isascii() and (s.isalpha() or (s.isalnum() and s[-1].isdigit())):
            return None
        if self.width is not None and len(s) > self.width and not s.endswith(("..", "\n")):  # "$" also before "\n"
            return self.search(s, len(s) - self.width)
        return self.search(s)


_DOTS = r"\.\.+"  # spaCy's English suffix rule for a run of dots, the one rule of unbounded width


def _suffix_width(suffixes) -> int | None:
    """The most characters one suffix rule matches (the rule for a run of dots apart), ``None`` when unsure.

    >>> _suffix_width([",", "'s", r"(?<=[0-9])(?:km|km/h)", _DOTS]), _suffix_width([r"x+"])
    (4, None)
    """
    try:
        from re import _parser  # noqa: PLC0415  # Python 3.11+: re's own pattern parser (width of a pattern)
    except ImportError:  # pragma: no cover - older Pythons
        return None
    width = 0
    for piece in suffixes:
        if piece == _DOTS or not piece.strip():
            continue
        try:
            lo, hi = _parser.parse(piece).getwidth()
        except Exception:  # noqa: BLE001 - any doubt: no shortcut
            return None
        if hi > 64:
            return None
        width = max(width, hi)
    return width


class _Infix:
    """``finditer(s)`` of the English infix rules, empty at once for an ASCII letters-and-digits ``s``."""

    def __init__(self, finditer) -> None:
        self.finditer = finditer
        self.__self__ = finditer.__self__

    def __call__(self, s: str):
        if s.isascii() and s.isalnum():
            return ()
        return self.finditer(s)


class _Url:
    """``match(s)`` of spaCy's URL rule, ``None`` at once for an ``s`` without a ".".

    The tokenizer tries the URL rule on what is left of each new chunk once its affixes are off ("model",
    "GPT-4"); every URL the rule accepts holds a "." (a host name "x.org" or a dotted IP address, with or
    without "https://" or "user@" before), and ``"." in s`` costs nothing next to the rule's look-aheads.

    >>> from spacy.lang.tokenizer_exceptions import URL_MATCH
    >>> u = _Url(URL_MATCH)
    >>> [bool(u(s)) for s in ("github.com/org/x", "http://localhost", "user@host", "8.8.8.8", "GPT-4")]
    [True, False, False, True, False]
    """

    def __init__(self, match) -> None:
        self.match = match
        self.__self__ = match.__self__  # spaCy serialises the rule as ``url_match.__self__.pattern``

    def __call__(self, s: str):
        if "." not in s:
            return None
        return self.match(s)


def plain_word_affixes(tokenizer) -> bool:
    """Wrap ``tokenizer``'s prefix, suffix and infix rules with the plain-word shortcuts when they are
    spaCy's English defaults (``spacy.blank("en")``), and its URL rule when it is spaCy's (every match holds
    a "."); returns whether it did. Any other rules are left alone: the shortcuts hold only for these.
    """
    d = English.Defaults
    rules = (getattr(tokenizer, "prefix_search", None), getattr(tokenizer, "suffix_search", None),
             getattr(tokenizer, "infix_finditer", None))
    if any(getattr(r, "__self__", None) is None for r in rules):
        return False
    if isinstance(rules[0], _Prefix) or [r.__self__.pattern for r in rules] != [
            compile_prefix_regex(d.prefixes).pattern, compile_suffix_regex(d.suffixes).pattern,
            compile_infix_regex(d.infixes).pattern]:
        return False
    tokenizer.prefix_search = _Prefix(rules[0])
    tokenizer.suffix_search = _Suffix(rules[1], _suffix_width(d.suffixes))
    tokenizer.infix_finditer = _Infix(rules[2])
    url = getattr(tokenizer, "url_match", None)
    if getattr(url, "__self__", None) is not None and url.__self__.pattern == URL_MATCH.__self__.pattern:
        tokenizer.url_match = _Url(url)
    return True
