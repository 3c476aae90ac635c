"""ACL Anthology XML (``collection/volume/paper``, or a bare ``volume``) -> papers.

Paper ids are the Anthology's (``2023.acl-long.1``, ``P19-1001``), taken
from ``<url>`` or rebuilt from the collection, volume and paper ids; the
volume's ``<meta>`` gives year, month and booktitle.

>>> import io
>>> from kg.ingest.report import Problems
>>> xml = b'''<collection id="2023.acl"><volume id="long"><meta><booktitle>Proc</booktitle>
... <year>2023</year><month>July</month></meta><paper id="1"><title>A <fixed-case>T</fixed-case></title>
... <author><first>Ada</first><last>L</last></author><abstract>We do it.</abstract>
... <doi>10.18653/v1/2023.acl-long.1</doi></paper></volume></collection>'''
>>> p = next(read_acl_xml(io.BytesIO(xml), "x.xml", Problems()))
>>> p.id, p.title, p.date, p.authors, p.urls
('10.18653/v1/2023.acl-long.1', 'A T', '2023-07', ('Ada L',), ('https://aclanthology.org/2023.acl-long.1',))
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import BinaryIO

from kg.ingest.records import build_paper
from kg.ingest.report import Problems
from kg.ingest.xmlstream import iter_xml, text_of
from kg.models import Paper, Source

__all__ = ["read_acl_xml", "anthology_id"]


def anthology_id(collection: str, volume: str, paper: str) -> str:
    """The Anthology id of a paper from its collection, volume and paper ids.

    >>> anthology_id("2023.acl", "long", "1"), anthology_id("P19", "1", "1")
    ('2023.acl-long.1', 'P19-1001')
    """
    if "." in collection:
        return f"{collection}-{volume}.{paper}"
    return f"{collection}-{volume}{int(paper):03d}" if paper.isdigit() else f"{collection}-{volume}.{paper}"


def read_acl_xml(stream: BinaryIO, path: str, problems: Problems) -> Iterator[Paper]:
    """Papers from an ACL Anthology XML file; ``Source.line`` is the ``<paper>`` line."""
    meta: dict[str, str] = {}
    for elem, line, anc in iter_xml(stream, path, problems, {"meta", "paper"}):
        ids = {tag: attrs.get("id", "") for tag, attrs in anc}
        if elem.tag == "meta":
            meta = {c.tag: text_of(c).strip() for c in elem}
            meta["_volume"] = ids.get("volume", "")
            continue
        if meta.get("_volume") != ids.get("volume", ""):
            meta = {}
        paper_id = elem.get("id", "")
        url = (elem.findtext("url") or "").strip()
        aid = url if url and "/" not in url else anthology_id(ids.get("collection", ""), ids.get("volume", ""),
                                                             paper_id)
        month = meta.get("month", "")
        year = elem.findtext("year") or meta.get("year")
        f = {"id": aid, "title": text_of(elem.find("title")), "abstract": text_of(elem.find("abstract")),
             "date": _date(year, month),
             "authors": tuple(_name(a) for a in elem.findall("author")),
             "urls": [url if "://" in url else f"https://aclanthology.org/{aid}"],
             "doi": elem.findtext("doi"), "venue": meta.get("booktitle") or ids.get("collection")}
        paper = build_paper(f, Source(path, line, "acl-xml"), problems)
        if paper is not None:
            yield paper


def _date(year: str | None, month: str) -> str | None:
    if not year or not month:
        return year
    month = month.split("-")[0].strip()  # "June-July" -> June
    return f"{year}-{int(month):02d}" if month.isdigit() else f"{month} {year}"


def _name(a: ET.Element) -> str:
    return " ".join(" ".join(x for x in (text_of(a.find("first")), text_of(a.find("last"))) if x).split())
