"""Faster whole-text regex scans: try a pattern only where one of its opening words occurs.

``pattern.finditer(text)`` tries the pattern at every character; a pattern that opens with ``\\b`` or with
case-insensitive words gives the regex engine no literal prefix to skip ahead by, and a scan of an abstract
costs tens of microseconds. When every match must begin with one of a few words, :func:`finditer_at` finds
those words with ``str.find`` and tries ``pattern.match`` only there: the same matches, in the same order.

>>> import re
>>> cue = re.compile(r"\\b(?:we|our)\\s+(?:propose|present)\\s+", re.I)
>>> t = "Answer: We  propose X, and our present Y; ourselves we present Z."
>>> [m[0] for m in finditer_at(cue, t, ("we", "our"))] == [m[0] for m in cue.finditer(t)]
True
"""

from __future__ import annotations

import re

__all__ = ["WordStarts", "finditer_at", "has_digit", "matches_at", "search_at", "starts_of"]

# characters that a case-insensitive pattern of ASCII letters matches although their ``lower()`` is no ASCII
# letter (dotless i, long s, dotted capital I, Kelvin sign; U+0130 also lowers to two characters): a text with
# one of them is scanned by the pattern itself
_ODD = ("\u0131", "\u017f", "\u0130", "\u212a")


_DIGIT = re.compile(r"\d")
_ASCII_DIGITS = "0123456789"


def has_digit(text: str, start: int = 0, end: int | None = None) -> bool:
    """``re.search(r"\\d", text[start:end]) is not None`` (a decimal digit in any script), cheaper.

    The regular expression tests every character for a Unicode digit (~20 ns each: ~25 us for an abstract without
    one); an ASCII text (``str.isascii`` is known without a look) can hold only the ten ASCII digits, found with
    ``str.find`` (~1 us for all ten).

    >>> has_digit("GPT-4 wins"), has_digit("no number"), has_digit("GPT-4 wins", 5), has_digit("\u0663 items")
    (True, False, False, True)
    """
    if end is None:
        end = len(text)
    if text.isascii():
        find = text.find
        for d in _ASCII_DIGITS:  # (a loop, not any() over a generator: this runs several times per text)
            if find(d, start, end) != -1:
                return True
        return False
    return _DIGIT.search(text, start, end) is not None


def starts_of(low: str, words: tuple[str, ...]) -> list[int]:
    """Sorted positions where one of ``words`` occurs in ``low`` (overlapping occurrences too).

    >>> starts_of("we see the theme", ("the", "we"))
    [0, 7, 11]
    """
    out: list[int] = []
    for w in words:
        i = low.find(w)
        while i != -1:
            out.append(i)
            i = low.find(w, i + 1)
    out.sort()
    return out


def _trie_rest(node: dict) -> str:
    """The pattern for the rest of the words below ``node`` of a trie (``""``: a word ends here)."""
    if "" in node:
        return ""  # only where a word begins matters: a longer word through here adds no position
    alts = [re.escape(c) + _trie_rest(node[c]) for c in sorted(node)]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


class WordStarts:
    """``starts_of(text, words)`` as one regex scan: for many words that all open with the same character.

    ``str.find`` of each word costs a pass over the text per word; for words that share their first character
    (``" Module"``, ``" Network"``...) one scan for that character, with the rest of the words checked from
    there by a look-ahead (a trie of the words), is several times cheaper. The same list, duplicates included
    (a word that is a prefix of another, or given twice, counts at each place both occur).

    >>> f = WordStarts((" Embedding", " Embeddings", " Loss"))
    >>> t = "the Contrastive Loss and Patch Embeddings"
    >>> f(t), starts_of(t, f.words)
    ([15, 30, 30], [15, 30, 30])
    """

    def __init__(self, words: tuple[str, ...]) -> None:
        if not words or not all(words):
            raise ValueError("WordStarts needs non-empty words")
        self.words = tuple(words)
        root: dict = {}
        for w in self.words:
            node = root
            for c in w:
                node = node.setdefault(c, {})
            node[""] = {}
        alts = []
        for c in sorted(root):
            rest = _trie_rest(root[c])
            alts.append(re.escape(c) + (f"(?={rest})" if rest else ""))
        self.pattern = re.compile("|".join(alts))  # consumes one character: overlapping places are found too
        # words found at the same place as a longer word: there, each one that occurs counts once more
        self._multi = {w[0]: [v for v in self.words if v[0] == w[0]] for w in self.words
                       if sum(v.startswith(w) for v in self.words) > 1}

    def __call__(self, low: str) -> list[int]:
        """Sorted positions where one of the words occurs in ``low``: ``starts_of(low, self.words)``."""
        if not self._multi:
            return [m.start() for m in self.pattern.finditer(low)]
        out: list[int] = []
        multi = self._multi
        for m in self.pattern.finditer(low):
            i = m.start()
            same = multi.get(low[i])
            if same is None:
                out.append(i)
            else:
                out += [i] * sum(low.startswith(v, i) for v in same)
        return out


def finditer_at(pattern: re.Pattern, text: str, words: tuple[str, ...], *, ignore_case: bool = True,
                low: str | None = None, offset: int = 0) -> list[re.Match]:
    """``list(pattern.finditer(text))`` for a pattern whose every match begins with one of ``words``.

    Parameters
    ----------
    pattern
        A compiled pattern that never matches the empty string.
    text
        The text to scan (with ``pattern`` as is: look-behinds and ``\\b`` see the characters before).
    words
        Strings one of which opens every match (with ``ignore_case``: lower-case, found in any case).
    ignore_case
        Look for ``words`` in ``text.lower()`` (or ``low``, the same text lower-cased with the same length);
        else in ``text`` itself.
    offset
        Every match begins exactly this many characters before one of ``words`` (1 for a pattern that opens
        with one white-space character and then the word).

    >>> import re
    >>> list(m.span() for m in finditer_at(re.compile(r"\\bon\\s+"), "on one, upon on X", ("on",), ignore_case=False))
    [(0, 3), (13, 16)]
    >>> list(m.span() for m in finditer_at(re.compile(r"\\son\\b"), "on one, upon on X", ("on",), ignore_case=False, offset=1))
    [(12, 15)]
    """
    if ignore_case:
        if not text.isascii() and any(c in text for c in _ODD):
            return list(pattern.finditer(text))
        if low is None:
            low = text.lower()
    else:
        low = text
    return matches_at(pattern, text, [i - offset for i in starts_of(low, words)] if offset else starts_of(low, words))


def search_at(pattern: re.Pattern, text: str, words: tuple[str, ...], low: str | None = None) -> re.Match | None:
    """``pattern.search(text)`` for a case-insensitive pattern whose every match begins with one of ``words``
    (lower-case; ``low``: ``text`` lower-cased with the same length, if at hand).

    >>> import re
    >>> search_at(re.compile(r"\\b(?:we|our)\\s+\\w+$", re.I), "Here, OUR model", ("we", "our"))[0]
    'OUR model'
    """
    if not text.isascii() and any(c in text for c in _ODD):
        return pattern.search(text)
    match = pattern.match
    for i in starts_of(text.lower() if low is None else low, words):
        m = match(text, i)
        if m is not None:
            return m
    return None


def matches_at(pattern: re.Pattern, text: str, starts: list[int], endpos: int | None = None) -> list[re.Match]:
    """``list(pattern.finditer(text))`` (``pattern.finditer(text, 0, endpos)`` with ``endpos``) when every
    match of ``pattern`` begins at one of ``starts``.

    ``starts`` is sorted; it may hold positions where nothing matches, duplicates and negative numbers.
    ``pattern`` must never match the empty string.

    >>> import re
    >>> [m[0] for m in matches_at(re.compile(r"ab|b"), "abab", [-1, 0, 1, 2, 2])]
    ['ab', 'ab']
    >>> [m[0] for m in matches_at(re.compile(r"ab|b"), "abab", [0, 2], endpos=3)]
    ['ab']
    """
    out: list[re.Match] = []
    end = 0
    match = pattern.match
    if endpos is None:
        endpos = len(text)
    for i in starts:
        if i < end or i < 0:
            continue
        m = match(text, i, endpos)
        if m is not None:
            out.append(m)
            end = m.end()
    return out
