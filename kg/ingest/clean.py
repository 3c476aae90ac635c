"""Text clean-up for titles and abstracts, with an offset map back to the raw text.

Abstracts arrive with LaTeX (``\\%``, ``$\\sim$``, ``\\emph{..}``, accents),
HTML (``&amp;``, ``<jats:p>``), words hyphenated across line breaks and ragged
whitespace. :func:`clean_text` removes all of that in one left-to-right pass
and keeps, for every character of the cleaned text, the span of raw text it
came from, so that offsets computed later on the stored (cleaned) text can be
mapped back with :meth:`Cleaned.raw_span`. :func:`clean` is the same
transformation without the map (what ingest stores on :class:`kg.models.Paper`).

>>> c = clean_text("We get 5\\\\% more on \\\\emph{GLUE} &amp; SQuAD")
>>> c.text
'We get 5% more on GLUE & SQuAD'
>>> c.raw[slice(*c.raw_span(18, 22))]
'GLUE'
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Cleaned", "clean_text", "clean", "COMPOUND_PREFIXES"]

#: Left halves of compounds that keep their hyphen when split across a line
#: break ("self-\\nsupervised" -> "self-supervised"); other hyphenated line
#: breaks between lowercase letters are joined ("trans-\\nformer" -> "transformer");
#: with a capital or digit on either side the hyphen stays ("GPT-\\n4" -> "GPT-4").
COMPOUND_PREFIXES = frozenset("""
self pre non multi semi cross post meta sub inter intra anti over under well zero few one two three
long short large small high low state end task domain fine data model human real open group class
word token image text graph sequence instance channel point pixel patch frame
""".split())

# Commands whose braced argument is kept as plain text: \emph{x} -> x.
_TEXT_COMMANDS = ("emph|textbf|textit|texttt|textsc|textrm|textsf|textmd|textup|textnormal|text|mathrm|"
                  "mathbf|mathit|mathsf|mathtt|mathcal|mathbb|mathfrak|boldsymbol|bm|operatorname|"
                  "underline|mbox|hbox|url|uline|textsuperscript|textsubscript")
# Symbols written as commands (inside or outside math).
_SYMBOLS = {
    "sim": "~", "approx": "≈", "times": "×", "pm": "±", "mp": "∓", "leq": "≤", "le": "≤", "geq": "≥",
    "ge": "≥", "neq": "≠", "ne": "≠", "to": "→", "rightarrow": "→", "Rightarrow": "⇒", "leftarrow": "←",
    "leftrightarrow": "↔", "infty": "∞", "cdot": "·", "ldots": "…", "dots": "…", "cdots": "⋯",
    "ell": "ℓ", "propto": "∝", "in": "∈", "sqrt": "√", "partial": "∂", "nabla": "∇", "sum": "∑",
    "prod": "∏", "circ": "∘", "deg": "°", "degree": "°", "textasciitilde": "~", "textless": "<",
    "textgreater": ">", "textbar": "|", "textendash": "–", "textemdash": "—", "ll": "≪", "gg": "≫",
    "times10": "×10", "%": "%", "&": "&", "_": "_", "#": "#", "$": "$", "{": "{", "}": "}",
    ",": " ", ";": " ", ":": " ", "!": "", " ": " ", "\\": " ", "ss": "ß", "o": "ø", "O": "Ø",
    "ae": "æ", "AE": "Æ", "aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "i": "ı", "oe": "œ", "OE": "Œ",
}
_GREEK = ("alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi "
          "pi rho sigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon "
          "Phi Psi Omega").split()
for _g in _GREEK:
    _SYMBOLS[_g] = unicodedata.lookup(
        ("GREEK SMALL LETTER " if _g[0].islower() else "GREEK CAPITAL LETTER ")
        + {"varepsilon": "EPSILON", "vartheta": "THETA", "varphi": "PHI", "lambda": "LAMDA",
           "Lambda": "LAMDA"}.get(_g, _g).upper())
# Accent commands -> combining characters (NFC composes them afterwards).
_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
            ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "k": "\u0328",
            "r": "\u030a"}
_HTML_TAGS = ("p|br|i|b|u|em|strong|sub|sup|span|div|a|li|ul|ol|tt|code|small|big|font|h[1-6]|title|"
              "sec|italic|bold|inline-formula|math|mi|mo|mn|msub|msup|mrow|mtext|abstract|label|"
              "sc|monospace|list|list-item|xref|ext-link")
_BREAK_TAGS = re.compile(r"</?(?:(?:jats|mml):)?(?:p|br|div|li|h[1-6]|sec|title|abstract)\b", re.I)

_TOKEN = re.compile(
    r"(?P<math>(?<!\\)\$\$?(?=[^$\s])(?P<mathin>[^$]{1,400}?)(?<![\s\\])\$\$?)"
    r"|(?P<cmdarg>\\(?:" + _TEXT_COMMANDS + r")\s*\{)"
    r"|(?P<accent>\\(?P<acc>['`^\"~=.]|[cvuHkr](?=[\s{]))\s*(?:\{(?P<accb>[A-Za-z\\]?[A-Za-z]?)\}|(?P<accl>\\?[A-Za-z])))"
    r"|(?P<font>\\(?:em|bf|it|sl|sc|tt|rm|sf|small|large|Large|footnotesize|normalsize|bfseries|itshape|"
    r"scshape|upshape|mdseries|rmfamily|sffamily|ttfamily|noindent)(?![A-Za-z])[ ]?)"
    r"|(?P<sym>\\(?P<symname>[A-Za-z]+|[%&_#${}, ;:!\\])(?:\{\})?)"
    r"|(?P<group>\{(?=\\))"
    r"|(?P<close>\})"
    r"|(?P<tag></?(?:(?:jats|mml):)?(?:" + _HTML_TAGS + r")(?:\s[^<>]{0,300})?/?>|<!--.{0,2000}?-->)"
    r"|(?P<entity>&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<hyph>(?<=\w)-[ \t]*\r?\n\s*(?=\w))"
    r"|(?P<ws>\s{2,}|[^\S ])",
    re.S,
)
_QUICK = re.compile(r"[\\${}<&\x00-\x1f\x7f]")  # ASCII characters a token can start with (incl. control chars)
# where a _TOKEN match can begin: one of its opening characters, a whitespace character other than " ", or " "
# before more whitespace (the one regex tried at every character costs ~7x more than this scan and a match there)
_TOKEN_AT = re.compile(r"[\\${}<&\-]|[^\S ]| (?=\s)")
# a decimal point followed by a space before the percent sign ("90. 72%", from "90. 72\\%" or "$90.\\ 72\\%$"):
# the space is the conversion's, not a sentence end (a sentence may end in a number, the next one rarely starts
# with a percentage); a whole part of 1-3 digits, so "in 2020. 45% of ..." is left alone
_DECIMAL_GAP = re.compile(r"\. (?=\d+ ?%)")


def _decimal_gaps(text: str) -> list[int]:
    """Indices of the spaces that split a percentage's decimal ("90. 72%" -> the space at 3).

    >>> _decimal_gaps("accuracy of 90. 72% and 8. 5 %; in 2020. 45% of cases; 1.2. 3%")
    [15, 26]
    """
    out = []
    for m in _DECIMAL_GAP.finditer(text):
        i = m.start()
        j = i
        while j > 0 and text[j - 1].isdigit():
            j -= 1
        if 1 <= i - j <= 3 and (j == 0 or text[j - 1] not in ".,"):
            out.append(i + 1)
    return out


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Cleaned text and, per cleaned character, the raw span it came from.

    ``starts[i]``/``ends[i]`` delimit the raw characters that produced
    ``text[i]`` (several raw characters can produce one cleaned character,
    e.g. ``&amp;`` -> ``&``).

    >>> c = clean_text("a &lt; b")
    >>> c.text, c.starts, c.ends
    ('a < b', (0, 1, 2, 6, 7), (1, 2, 6, 7, 8))
    """

    text: str
    raw: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @property
    def mapping(self) -> tuple[int, ...]:
        """Cleaned index -> raw index (start of the raw piece)."""
        return self.starts

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` covering cleaned ``text[start:end]`` (end exclusive).

        >>> c = clean_text("x \\\\textbf{BERT} y")
        >>> c.text, c.raw_span(2, 6)
        ('x BERT y', (10, 14))
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) outside cleaned text of length {len(self.text)}")
        if start == end:
            pos = self.starts[start] if start < len(self.starts) else len(self.raw)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


# A piece is (output text, raw start, raw end, copied): ``copied`` means the
# output is raw[start:end] character for character.
_Piece = tuple[str, int, int, bool]


def _tokens(raw: str, lo: int, hi: int) -> Iterator[re.Match]:
    """``_TOKEN.finditer(raw, lo, hi)``, the pattern tried only where :data:`_TOKEN_AT` says a match can begin.

    >>> raw = "a  b-\\nc $x$ \\\\emph{y} &amp;"
    >>> [m.span() for m in _tokens(raw, 0, len(raw))] == [m.span() for m in _TOKEN.finditer(raw, 0, len(raw))]
    True
    >>> [m.group() for m in _tokens(raw, 0, len(raw))]
    ['  ', '-\\n', '$x$', '\\\\emph{', '}', '&amp;']
    """
    find, match = _TOKEN_AT.search, _TOKEN.match
    pos = lo
    while (c := find(raw, pos, hi)) is not None:
        m = match(raw, c.start(), hi)  # look-behinds see the characters before, as in finditer
        if m is None:
            pos = c.start() + 1
        else:
            yield m
            pos = m.end()  # no _TOKEN match is empty


def _pieces(raw: str, lo: int, hi: int, stack: list[bool]) -> Iterator[_Piece]:
    pos = lo
    for m in _tokens(raw, lo, hi):
        s, e = m.span()
        if s > pos:
            yield raw[pos:s], pos, s, True
        pos = e
        kind = m.lastgroup
        if kind == "math" or m.group("math") is not None:
            yield from _pieces(raw, m.start("mathin"), m.end("mathin"), stack)
        elif m.group("cmdarg") is not None:
            stack.append(True)
        elif m.group("accent") is not None:
            base = m.group("accb") if m.group("accb") is not None else m.group("accl")
            if base.startswith("\\"):  # \'{\i} is an accented i, not a dotless one
                base = {"i": "i", "j": "j"}.get(base[1:]) or _SYMBOLS.get(base[1:], base[1:])
            yield base + _ACCENTS[m.group("acc")], s, e, False
        elif m.group("font") is not None:
            pass  # font switches vanish with the space after them
        elif m.group("sym") is not None:
            name = m.group("symname")
            out = _SYMBOLS.get(name)
            if out is None:
                yield m.group(), s, e, True  # unknown command: keep it rather than lose text
            elif out:
                yield out, s, e, False
        elif m.group("group") is not None:
            stack.append(True)
        elif m.group("close") is not None:
            if stack:
                stack.pop()
            else:
                yield "}", s, e, True
        elif m.group("tag") is not None:
            if _BREAK_TAGS.match(m.group()):
                yield " ", s, e, False
        elif m.group("entity") is not None:
            out = html.unescape(m.group())
            yield out, s, e, out == m.group()
        elif m.group("hyph") is not None:
            left = re.search(r"([A-Za-z]+)$", raw[max(lo, s - 40):s])
            joined = raw[s - 1].islower() and raw[e].islower()
            if not joined or (left and left.group(1).lower() in COMPOUND_PREFIXES):
                yield "-", s, s + 1, True  # keep the hyphen, drop the line break
        else:  # whitespace run or a non-space whitespace character
            yield " ", s, e, False
    if hi > pos:
        yield raw[pos:hi], pos, hi, True


def _needs_work(raw: str) -> bool:
    return (not raw.isascii() or raw[0] == " " or raw[-1] == " " or "  " in raw
            or _QUICK.search(raw) is not None)


def clean(raw: str) -> str:
    """Cleaned text only (same result as ``clean_text(raw).text``, faster).

    >>> clean("Trans-\\nformers reach $\\\\sim$90\\\\% with {\\\\em self-\\n supervised} pre-training")
    'Transformers reach ~90% with self-supervised pre-training'
    >>> clean("Caf\\u0065\\u0301 &#x2013; <i>na\\\\\\"ive</i>") == "Caf\\u00e9 \\u2013 na\\u00efve"
    True
    """
    if not raw:
        return ""
    if not _needs_work(raw):
        return _join_decimals(raw) if "%" in raw else raw
    text = "".join(p[0] for p in _pieces(raw, 0, len(raw), []))
    if "  " in text or text[:1] == " " or text[-1:] == " ":
        text = re.sub(r" {2,}", " ", text).strip(" ")
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return _join_decimals(text) if "%" in text else text


def _join_decimals(text: str) -> str:
    gaps = _decimal_gaps(text)
    if not gaps:
        return text
    return "".join(text[a + 1:b] for a, b in zip([-1, *gaps], [*gaps, len(text)]))


def clean_text(raw: str) -> Cleaned:
    """Clean ``raw`` and keep the cleaned-index -> raw-span map.

    LaTeX escapes, math ``$..$`` and text commands, accents, HTML entities and
    tags are resolved; hyphenation across line breaks is undone (compounds in
    :data:`COMPOUND_PREFIXES` keep their hyphen); whitespace runs become one
    space, ends are stripped; a percentage whose decimal point is followed by a
    space ("90. 72\\%") is joined ("90.72%"); the result is Unicode NFC.

    >>> c = clean_text("  P\\\\'erez  et al.\\n")
    >>> c.text, c.raw_span(0, 5)
    ('Pérez et al.', (2, 9))
    """
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for out, s, e, copied in _pieces(raw, 0, len(raw), []):
        for k, ch in enumerate(out):
            if ch == " " and (not chars or chars[-1] == " "):
                continue  # collapse spaces, drop leading ones
            chars.append(ch)
            starts.append(s + k if copied else s)
            ends.append(s + k + 1 if copied else e)
    while chars and chars[-1] == " ":
        chars.pop(), starts.pop(), ends.pop()
    text = "".join(chars)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text, starts, ends = _nfc(chars, starts, ends)
    if "%" in text:
        for i in reversed(_decimal_gaps(text)):
            text = text[:i] + text[i + 1:]
            del starts[i], ends[i]
    return Cleaned(text, raw, tuple(starts), tuple(ends))


def _nfc(chars: list[str], starts: list[int], ends: list[int]) -> tuple[str, list[int], list[int]]:
    """NFC by clusters (a starter and the characters that may combine with it)."""
    out: list[str] = []
    o_starts: list[int] = []
    o_ends: list[int] = []
    i = 0
    n = len(chars)
    while i < n:
        j = i + 1
        while j < n and (unicodedata.combining(chars[j]) or "\u1160" <= chars[j] <= "\u11ff"
                         or unicodedata.normalize("NFC", chars[j - 1] + chars[j]) != chars[j - 1] + chars[j]):
            j += 1
        cluster = unicodedata.normalize("NFC", "".join(chars[i:j]))
        for ch in cluster:
            out.append(ch)
            o_starts.append(starts[i])
            o_ends.append(ends[j - 1])
        i = j
    return "".join(out), o_starts, o_ends
