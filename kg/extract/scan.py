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

__all__ = ["finditer_at", "matches_at", "search_at", "starts_of"]

# characters that a case-insensitive pattern of ASCII letters matches although their ``lower()`` is no ASCII
# letter (dotless i, long s, dotted capital I, Kelvin sign; U+0130 also lowers to two characters): a text with
# one of them is scanned by the pattern itself
_ODD = ("\u0131", "\u017f", "\u0130", "\u212a")


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
