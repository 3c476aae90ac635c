"""From one input record (a dict of whatever the source calls its fields) to a :class:`Paper`.

Every reader first maps its record to a *fields* dict with our names
(``id title abstract date authors urls doi arxiv_id categories venue``) and
then calls :func:`build_paper`, the single place where text is cleaned, dates
parsed, identifiers derived and missing fields reported.

>>> p = build_paper({"id": "arXiv:2401.00001v2", "title": "A  \\\\emph{B}", "abstract": "C.",
...                  "date": "Feb 18, 2023"}, Source("x.jsonl", 1, "jsonl"), Problems())
>>> p.id, p.title, p.date, p.arxiv_id
('2401.00001', 'A B', '2023-02-18', '2401.00001')
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from email.utils import parsedate_to_datetime
from typing import Any

from kg.errors import InputError
from kg.ingest.clean import clean
from kg.ingest.report import Problems
from kg.models import Paper, Source

__all__ = ["ALIASES", "FIELDS", "build_paper", "generic_fields", "parse_date", "arxiv_id_from",
           "normalize_doi", "split_authors", "title_key", "get_path", "first_present"]

FIELDS = ("id", "title", "abstract", "date", "authors", "urls", "doi", "arxiv_id", "categories", "venue")

#: Names each of our fields goes by in the formats we know, in order of preference.
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "arxiv_id", "arxivId", "paperId", "paper_id", "doc_id", "corpusId", "key", "doi"),
    "title": ("title", "paper_title", "name", "display_name", "Title"),
    "abstract": ("abstract", "summary", "paperAbstract", "abstract_text", "abstractText", "Abstract",
                 "description", "text"),
    "date": ("date", "published", "publication_date", "publicationDate", "published_date", "created",
             "issued", "year", "update_date", "updated", "Year"),
    "authors": ("authors", "author", "authorships", "creators", "Authors"),
    "urls": ("url", "urls", "link", "links", "pdf_url", "abs_url", "html_url", "landing_page_url",
             "code_url", "code_urls", "repo_url", "github", "URL"),
    "doi": ("doi", "DOI"),
    "arxiv_id": ("arxiv_id", "arxivId", "arxiv"),
    "categories": ("categories", "category", "primary_category", "fieldsOfStudy", "subjects"),
    "venue": ("venue", "journal", "booktitle", "conference", "container_title", "journal_ref", "publisher"),
}

_ARXIV_NEW = r"\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}"
_ARXIV_OLD = r"[a-z][a-z.-]*(?:\.[A-Z]{2})?/\d{7}"
_ARXIV_ID = re.compile(rf"^(?:arxiv:)?({_ARXIV_NEW}|{_ARXIV_OLD})(?:v\d+)?$", re.I)
_ARXIV_URL = re.compile(rf"arxiv\.org/(?:abs|pdf|html)/({_ARXIV_NEW}|{_ARXIV_OLD})", re.I)
_ARXIV_DOI = re.compile(rf"^10\.48550/arxiv\.({_ARXIV_NEW}|{_ARXIV_OLD})", re.I)
_DOI = re.compile(r"(10\.\d{4,9}/\S+)", re.I)
_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def get_path(d: Mapping[str, Any], path: str) -> Any:
    """Value at a dotted ``path`` (``"externalIds.ArXiv"``), or ``None``.

    >>> get_path({"a": {"b": 1}}, "a.b"), get_path({"a": 1}, "a.b")
    (1, None)
    """
    if "." not in path:
        return d.get(path) if isinstance(d, dict) else (d[path] if isinstance(d, Mapping) and path in d else None)
    cur: Any = d
    for part in path.split("."):
        if not isinstance(cur, Mapping) or part not in cur:
            return None
        cur = cur[part]
    return cur


def first_present(d: Mapping[str, Any], names: Iterable[str]) -> tuple[str | None, Any]:
    """The first ``(name, value)`` among ``names`` whose value is not empty."""
    get = d.get if isinstance(d, dict) else None  # a plain name in a dict: get_path's answer without the call
    for name in names:
        v = get(name) if get is not None and "." not in name else get_path(d, name)
        if v not in (None, "", [], {}):
            return name, v
    return None, None


def arxiv_id_from(value: Any) -> str | None:
    """The arXiv identifier, without version, in an id, URL or arXiv DOI.

    >>> [arxiv_id_from(v) for v in ("arXiv:2401.00001v3", "https://arxiv.org/abs/hep-th/9901001v1",
    ...  "10.48550/arXiv.2312.12345", "2023.acl-long.1", "1234.5678")]
    ['2401.00001', 'hep-th/9901001', '2312.12345', None, None]
    """
    if not isinstance(value, str):
        return None
    v = value.strip()
    m = _ARXIV_ID.match(v) or _ARXIV_URL.search(v) or _ARXIV_DOI.match(v)
    return m.group(1) if m else None


def normalize_doi(value: Any) -> str | None:
    """A DOI without resolver prefix, lower-cased (DOIs are case-insensitive).

    >>> normalize_doi("https://doi.org/10.18653/V1/2023.ACL-LONG.1"), normalize_doi("n/a")
    ('10.18653/v1/2023.acl-long.1', None)
    """
    if not isinstance(value, str):
        return None
    m = _DOI.search(value.strip())
    return m.group(1).rstrip(".,;").lower() if m else None


def parse_date(value: Any) -> str | None:
    """ISO ``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` from the usual date spellings.

    ``None`` for an empty value; :class:`ValueError` when the value is not a
    date at all, or has no year (e.g. ``"May 21"``).

    >>> [parse_date(v) for v in (2021, "2023-05-01T10:00:00Z", "Feb 18, 2023", "18 February 2023",
    ...  "Mon, 2 Apr 2007 19:18:42 GMT", "2020/7", "Dec 2019", None)]
    ['2021', '2023-05-01', '2023-02-18', '2023-02-18', '2007-04-02', '2020-07', '2019-12', None]
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(f"not a date: {value!r}")
    if isinstance(value, (int, float)):
        if value == int(value) and 1000 <= value <= 2999:
            return str(int(value))
        raise ValueError(f"not a year: {value!r}")
    if isinstance(value, Mapping):  # CSL/Crossref {"date-parts": [[2023, 5, 1]]}
        parts = (value.get("date-parts") or [[None]])[0]
        return parse_date("-".join(str(p) for p in parts if p is not None)) if parts and parts[0] else None
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    s = value.strip()
    if not s:
        return None
    m = re.match(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:$|[T ])", s)
    if m:
        return _iso(int(m[1]), m[2] and int(m[2]), m[3] and int(m[3]), value)
    m = re.match(r"^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$", s)
    if m and m[1][:3].lower() in _MONTHS:
        return _iso(int(m[3]), _MONTHS[m[1][:3].lower()], int(m[2]), value)
    m = re.match(r"^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$", s)
    if m and m[2][:3].lower() in _MONTHS:
        return _iso(int(m[3]), _MONTHS[m[2][:3].lower()], int(m[1]), value)
    m = re.match(r"^([A-Za-z]{3,9})\.?,?\s+(\d{4})$", s)
    if m and m[1][:3].lower() in _MONTHS:
        return _iso(int(m[2]), _MONTHS[m[1][:3].lower()], None, value)
    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    raise ValueError(f"not a date with a year: {value!r}")


def _iso(year: int, month: int | None, day: int | None, original: Any) -> str:
    try:
        if day:
            return _dt.date(year, month or 1, day).isoformat()
        if month:
            _dt.date(year, month, 1)
            return f"{year:04d}-{month:02d}"
    except ValueError as exc:
        raise ValueError(f"not a valid date: {original!r}") from exc
    return f"{year:04d}"


def split_authors(value: Any, *, bibtex: bool = False) -> tuple[str, ...]:
    """Author names from a list (of names or name dicts) or one string.

    Strings are split on ``;``, else on commas and ``and`` (arXiv style);
    ``bibtex=True`` splits on `` and `` and turns ``Last, First`` around.

    >>> split_authors("Ada Lovelace, Alan Turing and Grace Hopper")
    ('Ada Lovelace', 'Alan Turing', 'Grace Hopper')
    >>> split_authors("Lovelace, Ada and Turing, Alan", bibtex=True)
    ('Ada Lovelace', 'Alan Turing')
    >>> split_authors([{"author": {"display_name": "A B"}}, {"first": "C", "last": "D"}, {"name": "E"}])
    ('A B', 'C D', 'E')
    """
    if value is None:
        return ()
    if isinstance(value, str):
        if bibtex:
            parts = re.split(r"\s+and\s+", value)
            parts = [" ".join(reversed([x.strip() for x in p.split(",", 1)])) if p.count(",") == 1 else p
                     for p in parts]
        elif ";" in value:
            parts = value.split(";")
        else:
            parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", value)
    elif isinstance(value, Mapping):
        parts = [_author_name(value)]
    elif isinstance(value, Iterable):
        parts = [a if isinstance(a, str) else _author_name(a) for a in value]
    else:
        parts = [str(value)]
    return tuple(c for c in (clean(str(p)) for p in parts if p) if c and c.lower() not in ("others", "et al."))


def _author_name(a: Any) -> str:
    if not isinstance(a, Mapping):
        return str(a) if a is not None else ""
    if isinstance(a.get("author"), Mapping):  # OpenAlex authorship
        a = a["author"]
    for key in ("name", "display_name", "raw_author_name", "full_name", "fullname"):
        if isinstance(a.get(key), str):
            return a[key]
    first = a.get("first") or a.get("given") or a.get("forenames") or a.get("firstname") or ""
    last = a.get("last") or a.get("family") or a.get("keyname") or a.get("lastname") or ""
    if isinstance(first, list):
        first = " ".join(map(str, first))
    return f"{first} {last}".strip()


def title_key(title: str) -> str:
    """Case-, accent-spacing- and punctuation-folded title used for paper identity.

    >>> title_key("Attention Is All You Need.") == title_key("attention is all  you need")
    True
    """
    s = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", s).split())


def _as_list(v: Any) -> list[Any]:
    if v is None or v == "":
        return []
    if isinstance(v, (list, tuple)):
        return [x for x in v if x not in (None, "")]
    return [v]


def generic_fields(d: Mapping[str, Any], fields: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Map a record with any of the :data:`ALIASES` to our field names.

    ``fields`` (ours -> theirs, dotted paths allowed) takes precedence; a
    mapped field missing from the record is left absent (reported later).

    >>> f = generic_fields({"paper_title": "T", "summary": "S", "published": "2020", "code_url": "u"})
    >>> f["title"], f["abstract"], f["date"], f["urls"]
    ('T', 'S', '2020', ['u'])
    >>> generic_fields({"headline": "H"}, {"title": "headline"})["title"]
    'H'
    """
    fields = fields or {}
    out: dict[str, Any] = {}
    for ours, names in ALIASES.items():
        if ours in fields:
            out[ours] = get_path(d, fields[ours])
        elif ours == "urls":
            urls: list[Any] = []
            for name in names:
                for u in _as_list(get_path(d, name)):
                    urls.append(u.get("href") if isinstance(u, Mapping) else u)
            out["urls"] = urls
        else:
            out[ours] = first_present(d, names)[1]
    return out


#: The longest title or abstract kept whole: spaCy's default ``Language.max_length`` (a text past it makes
#: ``nlp.pipe`` raise for the whole batch). Real abstracts are a few thousand characters; a longer text is
#: cut here with a warning (a full paper pasted into the field, a wrong ``--field`` mapping).
MAX_TEXT_CHARS = 1_000_000


def build_paper(f: Mapping[str, Any], source: Source, problems: Problems) -> Paper | None:
    """Validate and normalise one record's fields into a :class:`Paper`.

    Returns ``None`` (after reporting why to ``problems``) when the record has
    no abstract, or neither an id nor a title. A date that cannot be parsed is
    reported as a warning and left empty; a title or abstract longer than
    :data:`MAX_TEXT_CHARS` is cut there with a warning.
    """
    where = {"path": source.path, "line": source.line}
    title = _text(f.get("title"), "title", where, problems)
    abstract = _text(f.get("abstract"), "abstract", where, problems)
    if title is None or abstract is None:
        return None
    title, abstract = _cut(title, "title", where, problems), _cut(abstract, "abstract", where, problems)
    if not abstract:
        what = "empty abstract" if f.get("abstract") not in (None, "") else "no abstract"
        problems(InputError(f"{what}; record skipped", **where, field="abstract",
                            hint="give the record an abstract (or map its field with --field abstract=NAME)"))
        return None
    raw_id = f.get("id")
    own_id = str(raw_id).strip() if raw_id not in (None, "") and not isinstance(raw_id, (dict, list)) else ""
    doi = normalize_doi(f.get("doi")) or (normalize_doi(own_id) if own_id.startswith(("10.", "doi:", "http")) else None)
    urls = tuple(dict.fromkeys(str(u).strip() for u in _as_list(f.get("urls")) if isinstance(u, str) and u.strip()))
    arxiv = (arxiv_id_from(f.get("arxiv_id")) or arxiv_id_from(own_id) or arxiv_id_from(doi)
             or next(filter(None, (arxiv_id_from(u) for u in urls)), None))
    if not (arxiv or doi or own_id or title):
        problems(InputError("record has neither an id nor a title; skipped", **where, field="title",
                            hint="add an 'id' or a 'title'"))
        return None
    pid = arxiv or doi or own_id or "title:" + title_key(title)
    try:
        date = parse_date(f.get("date"))
    except ValueError as exc:
        problems.warn(InputError(f"{exc}; date left empty, paper kept", **where, field="date",
                                 hint="use YYYY-MM-DD, YYYY-MM or YYYY"))
        date = None
    cats = f.get("categories")
    categories = tuple(cats.split()) if isinstance(cats, str) else tuple(str(c) for c in _as_list(cats))
    venue = f.get("venue")
    venue = ", ".join(map(str, venue)) if isinstance(venue, list) else (str(venue) if venue else None)
    authors = f.get("authors")
    if not isinstance(authors, tuple):
        authors = split_authors(authors)
    return Paper(id=pid, title=title, abstract=abstract, date=date, authors=authors, urls=urls,
                 sources=(source,), doi=doi, arxiv_id=arxiv, categories=categories,
                 venue=clean(venue) if venue else None)


def _cut(text: str, name: str, where: dict, problems: Problems) -> str:
    """``text`` cut to :data:`MAX_TEXT_CHARS`, with a warning when it was longer."""
    if len(text) <= MAX_TEXT_CHARS:
        return text
    problems.warn(InputError(f"is {len(text):,} characters, longer than any {name}; cut to the first "
                             f"{MAX_TEXT_CHARS:,}, paper kept", **where, field=name,
                             hint=f"check that '{name}' holds the {name}, not a full text (--field {name}=NAME maps it)"))
    return text[:MAX_TEXT_CHARS]


def _text(v: Any, name: str, where: dict, problems: Problems) -> str | None:
    """Cleaned text of a title/abstract value; ``None`` (reported) if it is not text."""
    if v is None:
        return ""
    if isinstance(v, str):
        return clean(v)
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return clean(str(v))
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return clean(" ".join(v))
    problems(InputError(f"is a {type(v).__name__}, expected text; record skipped", **where, field=name,
                        hint=f"make '{name}' a string"))
    return None
