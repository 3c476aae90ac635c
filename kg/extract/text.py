"""Pure text functions for extraction: sentences, acronyms (Schwartz-Hearst), code links, role cues.

>>> split_sentences("We use ResNet, e.g. ResNet-50. It gets 84.2% acc.")
[(0, 30), (31, 49)]
"""

from __future__ import annotations

import re

from kg.extract.scan import finditer_at, search_at
from kg.models import Repo
from kg.resolve import CLAUSE_END, required_count, initial_hits, long_form_fits

__all__ = ["split_sentences", "find_definitions", "find_repos", "find_links", "normalize_repo", "role_of"]

_NO_BREAK = re.compile(r"(?:\b(?:e\.g|i\.e|et al|Fig|Figs|Eq|Sec|vs|cf|etc|approx|resp|No|Tab)\.|\b[A-Z]\.)$")
_BOUNDARY = re.compile(r"[.!?](?=\s+[A-Z0-9(\"'])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` character spans of the sentences of ``text``.

    Abbreviations (``e.g.``, ``et al.``, ``Fig.``, ``vs.``, ``U.S.``), decimals and URLs do not end a sentence.

    >>> t = "Smith et al. show it. See Fig. 2 vs. U.S. data at example.com/x. Done."
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['Smith et al. show it.', 'See Fig. 2 vs. U.S. data at example.com/x.', 'Done.']
    """
    spans, start = [], 0
    for m in finditer_at(_BOUNDARY, text, (".", "!", "?"), ignore_case=False):  # = _BOUNDARY.finditer(text)
        end = m.end()
        if _NO_BREAK.search(text[max(start, end - 8):end]):
            continue
        if text[start:end].strip():
            s = start + len(text[start:end]) - len(text[start:end].lstrip())
            spans.append((s, end))
        start = end
    rest = text[start:]
    if rest.strip():
        s = start + len(rest) - len(rest.lstrip())
        spans.append((s, len(text.rstrip())))
    return spans


_LF_WORD = re.compile(r"[\w\-]+")
_PAREN = re.compile(r"\(([A-Za-z][\w\-]{0,9}s?)\)")


def find_definitions(text: str) -> list[tuple[int, int, int, int]]:
    """Schwartz-Hearst: ``(long_start, long_end, short_start, short_end)`` for "long form (SF)".

    The long form is looked for in the clause before the parenthesis (it does not
    cross a sentence end, a bracket, a colon or a semicolon); of the runs of words
    there that abbreviate to the short form (:func:`kg.resolve.long_form_fits`, not strict)
    the one whose word starts give most of its letters is taken, the shortest on a tie.

    >>> t = "the Vision Transformer (ViT) model"
    >>> [(t[a:b], t[c:d]) for a, b, c, d in find_definitions(t)]
    [('Vision Transformer', 'ViT')]
    >>> t = "We align views. Hierarchical Alignments and Hierarchical Interactions (HA-HI) help."
    >>> [(t[a:b], t[c:d]) for a, b, c, d in find_definitions(t)]
    [('Hierarchical Alignments and Hierarchical Interactions', 'HA-HI')]
    >>> find_definitions("we use GPT models (GPT-4o) and a strong baseline (BL-3).")
    []
    """
    out = []
    for m in _PAREN.finditer(text):
        sf = m[1]
        if not any(c.isupper() for c in sf):
            continue
        off = max(0, m.start() - 120)
        before = text[off:m.start()]
        cut = max((b.end() for b in CLAUSE_END.finditer(before)), default=0)
        words = list(_LF_WORD.finditer(before, cut))
        n = min(len(sf) + 5, 2 * len(sf), len(words))
        cand = words[-n:] if n else []
        lf = _best_long_form(sf, text, cand, off)
        if lf:
            out.append((lf[0], lf[1], m.start(1), m.end(1)))
    return out


def _best_long_form(sf: str, text: str, words, off: int) -> tuple[int, int] | None:
    """The run of ``words`` (ending at the last one) that ``sf`` abbreviates sensibly with most word starts, else the shortest."""
    if not words:
        return None
    start, end = off + words[0].start(), off + words[-1].end()
    lf = text[start:end]
    s_chars = [c.lower() for c in sf.rstrip("s") if c.isalnum()]
    si, li = len(s_chars) - 1, len(lf) - 1
    while si >= 0:  # Schwartz-Hearst: the letters in order, right to left, the first one starting a word
        c = s_chars[si]
        while li >= 0 and (lf[li].lower() != c or (si == 0 and li > 0 and lf[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        si -= 1
        li -= 1
    ws = lf.rfind(" ", 0, li + 1) + 1
    c0 = sf[0].lower()
    best, most = None, (-1, -1)
    for w in reversed(words):  # from the shortest fitting run leftwards: the sensible one most letters start
        s = off + w.start()
        if s > start + ws or text[s].lower() != c0:
            continue
        cand = text[s:end]
        if cand.lower() != sf.lower() and long_form_fits(sf, cand, strict=False):
            hits = initial_hits(sf, cand)
            if hits > most:
                best, most = (s, end), hits
                if hits[1] == required_count(sf):  # each letter starts its own word: none fuller
                    break
    return best


_URL = re.compile(
    r"(?:https?://|www\.)?(?:www\.)?(github\.com|gitlab\.com|bitbucket\.org|huggingface\.co)/\s?"
    r"((?:datasets/|spaces/)?[\w.\-]+)/\s?([\w.\-]+)|https?://[^\s)\]}>\"']+", re.I)
_HOSTS = {"github.com": "github", "gitlab.com": "gitlab", "bitbucket.org": "bitbucket", "huggingface.co": "huggingface"}
_URL_WORDS = ("http", "www.", *_HOSTS)  # every _URL match opens with one (in any case)


def normalize_repo(host: str, owner: str, name: str) -> Repo:
    """Canonical :class:`Repo` for a code host link.

    >>> normalize_repo("GitHub.com", "org", "tool.git.").url
    'https://github.com/org/tool'
    >>> normalize_repo("huggingface.co", "org", ".").url
    'https://huggingface.co/org'
    """
    name = name.rstrip(".,;:")
    name = name.removesuffix(".git").rstrip(".")
    host = host.lower()
    if not name:  # an organisation page ("huggingface.co/org/")
        return Repo(url=f"https://{host}/{owner}", host=_HOSTS[host], owner=owner, name=None)
    return Repo(url=f"https://{host}/{owner}/{name}", host=_HOSTS[host], owner=owner, name=name)


def find_links(text: str) -> tuple[list[Repo], list[str]]:
    """Code links (normalised :class:`Repo`) and other URLs (project pages) in ``text``, de-duplicated, in order.

    >>> repos, urls = find_links("Code: http://www.github.com/org/ tool.git). See https://x.org/p.")
    >>> [r.url for r in repos], urls
    (['https://github.com/org/tool'], ['https://x.org/p'])
    """
    repos: dict[str, Repo] = {}
    urls: dict[str, str] = {}
    low = text.lower()
    if "://" not in low and "www." not in low and not any(h in low for h in _HOSTS):  # cheap test first
        return [], []
    for m in finditer_at(_URL, text, _URL_WORDS, low=low):  # = _URL.finditer(text)
        if m[1]:
            r = normalize_repo(m[1], m[2], m[3])
            repos.setdefault(r.url.lower(), r)
        else:
            url = m[0].rstrip(".,;:")
            urls.setdefault(url.lower(), url)
    return list(repos.values()), list(urls.values())


def find_repos(text: str) -> list[Repo]:
    """Every code link (github, gitlab, bitbucket, huggingface) in ``text``, normalised and de-duplicated, in order.

    Project pages and other URLs are not repositories: see :func:`find_links`.

    >>> [r.url for r in find_repos("Code: http://www.github.com/org/ tool.git). See https://x.org/p.")]
    ['https://github.com/org/tool']
    """
    return find_links(text)[0]


_PROPOSE = re.compile(
    r"(?:\b(?:we|this (?:paper|work|study)|here we)\s+(?:first\s+|also\s+|further\s+|then\s+)?"
    r"(?:propose|introduce|present|develop|design|release|build|construct|create|curate|contribute)(?:s|d|ed)?|"
    r"\bnamed|\bcalled|\bdubbed|\btermed|\bcoined|\bour)\s+(?:(?:a|an|the|new|novel|proposed|simple|unified|general|"
    r"lightweight|efficient|effective|first|large-scale|open|open-source|resulting|final|method|model|framework|"
    r"dataset|benchmark|approach|system|architecture|,)\s+){0,3}$", re.I)


# "... and introduce / then propose ...": the cue of a sentence whose subject is an earlier "we" (role_of)
_PROPOSE_AND = re.compile(
    r"\b(?:and|then)\s+(?:also\s+|further\s+|then\s+)?(?:propose|introduce|present|develop|design|devise)(?:s|d|ed)?\s+"
    r"(?:(?:a|an|the|new|novel|simple|unified|general|lightweight|efficient|effective)\s+){0,3}$", re.I)
_WE = re.compile(r"\bwe\b", re.I)
_SENTENCE_CUT = re.compile(r"[.!?;]\s+")

_PROPOSE_WORDS = ("we", "this ", "here we", "named", "called", "dubbed", "termed", "coined", "our")  # _PROPOSE opens with one
_CUE_WORDS = ("we ", "our ", "named", "called", "dubbed", "termed", "coined", "this paper", "this work", "this study")


def role_of(text: str, start: int, field: str = "abstract") -> str:
    """``proposed`` when a proposal cue shortly precedes ``start`` (or a title "X: ..." head), else ``used``.

    >>> role_of("We propose LoRA, a method.", 11)
    'proposed'
    >>> role_of("We use BERT.", 7)
    'used'
    >>> t = "We exploit the flexibility of BERT and introduce FooAttention. It uses BERT and introduces noise."
    >>> role_of(t, t.find("Foo")), role_of(t, t.rfind("noise"))
    ('proposed', 'used')
    """
    if field == "title" and start == 0 and ":" in text[:60]:
        return "proposed"
    window = text[max(0, start - 60):start]
    low = window.lower()
    if any(c in low for c in _CUE_WORDS) and search_at(_PROPOSE, window, _PROPOSE_WORDS, low):  # = _PROPOSE.search(window)
        return "proposed"
    if ("and " in low or "then " in low) and (m := _PROPOSE_AND.search(window)) is not None:
        # "We exploit the flexibility of X and introduce Y (YA)": the verb coordinated with the sentence's "we"
        a = max(0, start - 200)
        head = text[a:a + len(text[a:start]) - len(window) + m.start()]
        head = _SENTENCE_CUT.split(head)[-1]
        return "proposed" if _WE.search(head) else "used"
    return "used"
