"""Read-only Cypher on the embedded graph, or on a Bolt server, with the same result shape.

The embedded backend is a small interpreter over the ``networkx`` graph (no
server needed). Supported subset, enough for every file in
``cypher/queries/``:

* clauses: ``MATCH``, ``OPTIONAL MATCH``, ``WHERE``, ``WITH [DISTINCT]``,
  ``UNWIND``, ``RETURN [DISTINCT]``, ``ORDER BY ... [ASC|DESC]``, ``SKIP``,
  ``LIMIT``, and ``CALL db.index.fulltext.queryNodes(index, text) YIELD node, score``
  (word matching over titles, abstracts, names and aliases; not Lucene);
* patterns: ``(v:Label {prop: expr})``, ``-[r:T1|T2 {..}]->``, ``<-``,
  undirected ``-``, variable length ``*``, ``*..3``, ``*1..3``,
  ``path = ...`` and ``shortestPath(...)``;
* expressions: literals, lists, maps, ``$param``, properties, ``[i]``,
  ``[a..b]``, arithmetic, comparisons, ``AND/OR/XOR/NOT``, ``IS [NOT] NULL``,
  ``IN``, ``STARTS WITH``, ``ENDS WITH``, ``CONTAINS``, ``=~``, label tests
  ``n:Label``, ``CASE``, list comprehensions, ``any/all/none/single(x IN l WHERE ..)``;
* functions: ``count``, ``collect``, ``sum``, ``avg``, ``min``, ``max`` (with
  ``DISTINCT``), ``coalesce``, ``toLower``, ``toUpper``, ``trim``, ``substring``,
  ``left``, ``right``, ``split``, ``replace``, ``size``, ``length``,
  ``toString``, ``toInteger``, ``toFloat``, ``abs``, ``round``, ``floor``,
  ``ceil``, ``sqrt``, ``head``, ``last``, ``tail``, ``reverse``, ``range``,
  ``labels``, ``type``, ``keys``, ``properties``, ``nodes``, ``relationships``,
  ``startNode``, ``endNode``.

Anything else (writes such as ``CREATE``/``MERGE``/``SET``, ``UNION``,
subqueries, other procedures, pattern expressions in ``WHERE``) raises
:class:`kg.errors.QueryError` naming what is unsupported. Properties read like
the loaded Neo4j graph: empty lists and nulls are absent, nested values
(``evidence``) are JSON strings.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("method:a", label="Method", key="method:a", name="A")
>>> G.add_node("dataset:d", label="Dataset", key="dataset:d", name="D")
>>> _ = G.add_edge("method:a", "dataset:d", key="EVALUATED_ON", type="EVALUATED_ON", support=2)
>>> run_embedded(G, "MATCH (m:Method)-[e:EVALUATED_ON]->(d) WHERE d.name = $n RETURN m.name, e.support", {"n": "D"}).rows
[{'m.name': 'A', 'e.support': 2}]
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections import deque
from dataclasses import dataclass
from typing import Any, Iterable

import networkx as nx

from kg.errors import QueryError
from kg.neo4j import node_properties, to_property

__all__ = ["QueryResult", "run_embedded", "run_bolt", "parse_params", "parse_value", "referenced_params",
           "declared_params", "to_table", "to_csv", "to_json", "normalize_value"]


# ----------------------------------------------------------------------------- values

class Node:
    """A node of the embedded graph (compared by key)."""

    __slots__ = ("key",)

    def __init__(self, key: str) -> None:
        self.key = key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Node) and other.key == self.key

    def __hash__(self) -> int:
        return hash(("n", self.key))

    def __repr__(self) -> str:
        return f"Node({self.key!r})"


class Rel:
    """A relationship of the embedded graph: (source, target, type)."""

    __slots__ = ("s", "t", "k")

    def __init__(self, s: str, t: str, k: str) -> None:
        self.s, self.t, self.k = s, t, k

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Rel) and (other.s, other.t, other.k) == (self.s, self.t, self.k)

    def __hash__(self) -> int:
        return hash(("r", self.s, self.t, self.k))

    def __repr__(self) -> str:
        return f"Rel({self.s!r}, {self.k!r}, {self.t!r})"


@dataclass(frozen=True)
class Path:
    nodes: tuple[Node, ...]
    rels: tuple[Rel, ...]


@dataclass
class QueryResult:
    """Column names and rows (dicts, values already plain JSON-able Python)."""

    columns: list[str]
    rows: list[dict[str, Any]]


# ----------------------------------------------------------------------------- lexer

_TOKEN = re.compile(r"""
    (?P<ws>\s+|//[^\n]*|/\*.*?\*/)
  | (?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<bq>`[^`]*`)
  | (?P<num>\d+\.\d+(?:[eE][-+]?\d+)?|\d+[eE][-+]?\d+|\d+(?!\.\d))
  | (?P<param>\$[A-Za-z_][A-Za-z0-9_]*)
  | (?P<id>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op><>|<=|>=|=~|->|<-|\.\.|\+=|[()\[\]{}:,.|*+\-/%<>=;^])
""", re.X | re.S)

_ESC = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "\\": "\\", "'": "'", '"': '"'}


def _unquote(s: str) -> str:
    body = s[1:-1]
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt == "u" and i + 5 < len(body):
                out.append(chr(int(body[i + 2:i + 6], 16)))
                i += 6
                continue
            out.append(_ESC.get(nxt, "\\" + nxt))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


@dataclass
class Tok:
    kind: str
    value: Any
    text: str
    pos: int


def tokenize(q: str) -> list[Tok]:
    toks, pos = [], 0
    while pos < len(q):
        m = _TOKEN.match(q, pos)
        if not m:
            raise QueryError(f"cannot read the query at offset {pos}: {q[pos:pos + 20]!r}")
        kind = m.lastgroup
        text = m.group()
        if kind == "str":
            toks.append(Tok("str", _unquote(text), text, pos))
        elif kind == "bq":
            toks.append(Tok("id", text[1:-1], text, pos))
        elif kind == "num":
            toks.append(Tok("num", float(text) if any(c in text for c in ".eE") else int(text), text, pos))
        elif kind == "param":
            toks.append(Tok("param", text[1:], text, pos))
        elif kind in ("id", "op"):
            toks.append(Tok(kind, text, text, pos))
        pos = m.end()
    toks.append(Tok("eof", None, "", len(q)))
    return toks


# ----------------------------------------------------------------------------- parser

_AGGS = {"count", "collect", "sum", "avg", "min", "max"}
_CLAUSE_WORDS = {"MATCH", "OPTIONAL", "WHERE", "WITH", "RETURN", "ORDER", "SKIP", "LIMIT", "UNWIND", "CALL",
                 "UNION", "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH", "LOAD", "YIELD"}
_UNSUPPORTED = {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH", "LOAD", "UNION",
                "USE", "SHOW", "DROP", "ALTER", "GRANT", "TERMINATE", "FINISH"}


@dataclass
class NodePat:
    var: str | None
    labels: tuple[str, ...]
    props: list[tuple[str, Any]]


@dataclass
class RelPat:
    var: str | None
    types: tuple[str, ...]
    props: list[tuple[str, Any]]
    direction: str  # "out", "in", "both"
    varlen: tuple[int, int] | None


@dataclass
class PatternPart:
    path_var: str | None
    shortest: bool
    nodes: list[NodePat]
    rels: list[RelPat]


class Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokenize(text)
        self.i = 0
        self.anon = 0

    # helpers
    def peek(self, k: int = 0) -> Tok:
        return self.toks[min(self.i + k, len(self.toks) - 1)]

    def kw(self, *words: str, k: int = 0) -> bool:
        t = self.peek(k)
        return t.kind == "id" and t.value.upper() in words

    def op(self, *ops: str, k: int = 0) -> bool:
        t = self.peek(k)
        return t.kind == "op" and t.value in ops

    def next(self) -> Tok:
        t = self.toks[self.i]
        self.i += 1
        return t

    def expect_op(self, o: str) -> Tok:
        if not self.op(o):
            self.fail(f"expected '{o}'")
        return self.next()

    def expect_kw(self, w: str) -> Tok:
        if not self.kw(w):
            self.fail(f"expected {w}")
        return self.next()

    def ident(self) -> str:
        t = self.peek()
        if t.kind != "id":
            self.fail("expected a name")
        self.i += 1
        return t.value

    def fail(self, msg: str):
        t = self.peek()
        line = self.text.count("\n", 0, t.pos) + 1
        col = t.pos - (self.text.rfind("\n", 0, t.pos) + 1) + 1
        near = t.text or "end of query"
        raise QueryError(f"line {line}, column {col}: {msg} (near {near!r})")

    def unsupported(self, what: str):
        t = self.peek()
        line = self.text.count("\n", 0, t.pos) + 1
        raise QueryError(f"line {line}: {what} is not supported by the embedded backend "
                         "(read-only subset, see `kg query --help`); run it on Neo4j with --uri")

    # clauses
    def parse(self) -> list[tuple]:
        clauses: list[tuple] = []
        while True:
            if self.op(";"):
                self.next()
                if self.peek().kind != "eof":
                    self.unsupported("more than one statement")
                break
            if self.peek().kind == "eof":
                break
            if self.kw("OPTIONAL"):
                self.next()
                self.expect_kw("MATCH")
                clauses.append(self.match(optional=True))
            elif self.kw("MATCH"):
                self.next()
                clauses.append(self.match(optional=False))
            elif self.kw("UNWIND"):
                self.next()
                e = self.expr()
                self.expect_kw("AS")
                clauses.append(("unwind", e, self.ident()))
            elif self.kw("WITH"):
                self.next()
                clauses.append(("with",) + self.projection(with_where=True))
            elif self.kw("RETURN"):
                self.next()
                clauses.append(("return",) + self.projection(with_where=False))
                if self.peek().kind != "eof" and not self.op(";"):
                    if self.kw(*_UNSUPPORTED):
                        self.unsupported(self.peek().value.upper())
                    self.fail("RETURN must be the last clause")
            elif self.kw("CALL"):
                self.next()
                clauses.append(self.call())
            elif self.kw(*_UNSUPPORTED):
                self.unsupported(self.peek().value.upper())
            else:
                self.fail("expected a clause (MATCH, OPTIONAL MATCH, WITH, UNWIND, CALL or RETURN)")
        if not clauses or clauses[-1][0] != "return":
            raise QueryError("the query must end with RETURN (only read queries run on the embedded graph)")
        return clauses

    def call(self) -> tuple:
        if self.op("{"):
            self.unsupported("CALL { subquery }")
        name = [self.ident()]
        while self.op("."):
            self.next()
            name.append(self.ident())
        proc = ".".join(name)
        if proc.lower() != "db.index.fulltext.querynodes":
            self.unsupported(f"procedure {proc}")
        self.expect_op("(")
        args = [self.expr()]
        while self.op(","):
            self.next()
            args.append(self.expr())
        self.expect_op(")")
        yields = []
        if self.kw("YIELD"):
            self.next()
            while True:
                name_ = self.ident()
                alias = name_
                if self.kw("AS"):
                    self.next()
                    alias = self.ident()
                if name_ not in ("node", "score"):
                    self.fail(f"db.index.fulltext.queryNodes yields node and score, not {name_}")
                yields.append((name_, alias))
                if not self.op(","):
                    break
                self.next()
        else:
            yields = [("node", "node"), ("score", "score")]
        where = None
        if self.kw("WHERE"):
            self.next()
            where = self.expr()
        return ("fulltext", args, yields, where)

    def match(self, optional: bool) -> tuple:
        parts = [self.pattern_part()]
        while self.op(","):
            self.next()
            parts.append(self.pattern_part())
        where = None
        if self.kw("WHERE"):
            self.next()
            where = self.expr()
        return ("match", parts, where, optional)

    def pattern_part(self) -> PatternPart:
        path_var = None
        if self.peek().kind == "id" and self.op("=", k=1):
            path_var = self.ident()
            self.next()
        shortest = False
        if self.kw("SHORTESTPATH", "ALLSHORTESTPATHS"):
            if self.peek().value.upper() == "ALLSHORTESTPATHS":
                self.unsupported("allShortestPaths")
            self.next()
            self.expect_op("(")
            shortest = True
        nodes, rels = [self.node_pat()], []
        while self.op("-", "<-"):
            rels.append(self.rel_pat())
            nodes.append(self.node_pat())
        if shortest:
            self.expect_op(")")
            if len(rels) != 1:
                self.fail("shortestPath takes a single relationship pattern")
        return PatternPart(path_var, shortest, nodes, rels)

    def node_pat(self) -> NodePat:
        self.expect_op("(")
        var = None
        if self.peek().kind == "id":
            var = self.ident()
        labels: list[str] = []
        while self.op(":"):
            self.next()
            labels.append(self.ident())
            if self.op("|", "&"):
                self.unsupported("label expressions with | or &")
        props = self.prop_map() if self.op("{") else []
        self.expect_op(")")
        return NodePat(var, tuple(labels), props)

    def prop_map(self) -> list[tuple[str, Any]]:
        self.expect_op("{")
        items = []
        while not self.op("}"):
            k = self.ident()
            self.expect_op(":")
            items.append((k, self.expr()))
            if self.op(","):
                self.next()
        self.expect_op("}")
        return items

    def rel_pat(self) -> RelPat:
        left_in = self.next().value == "<-"
        var, types, props, varlen = None, [], [], None
        if self.op("["):
            self.next()
            if self.peek().kind == "id":
                var = self.ident()
            if self.op(":"):
                self.next()
                types.append(self.ident())
                while self.op("|"):
                    self.next()
                    if self.op(":"):
                        self.next()
                    types.append(self.ident())
            if self.op("*"):
                self.next()
                lo, hi = 1, 1_000_000
                if self.peek().kind == "num":
                    lo = hi = int(self.next().value)
                if self.op(".."):
                    self.next()
                    hi = int(self.next().value) if self.peek().kind == "num" else 1_000_000
                varlen = (lo, hi)
            if self.op("{"):
                props = self.prop_map()
            self.expect_op("]")
        if self.op("->"):
            self.next()
            direction = "out"
        elif self.op("-"):
            self.next()
            direction = "in" if left_in else "both"
        else:
            self.fail("expected '-' or '->' after a relationship")
        if left_in and direction == "out":
            self.fail("a relationship cannot point both ways")
        return RelPat(var, tuple(types), props, direction, varlen)

    def projection(self, with_where: bool) -> tuple:
        distinct = False
        if self.kw("DISTINCT"):
            self.next()
            distinct = True
        items = []
        if self.op("*"):
            self.unsupported("RETURN * / WITH *")
        while True:
            start = self.peek().pos
            e = self.expr()
            end = self.toks[self.i - 1].pos + len(self.toks[self.i - 1].text)
            text = self.text[start:end]
            alias = None
            if self.kw("AS"):
                self.next()
                alias = self.ident()
            items.append((e, alias or text, text))
            if not self.op(","):
                break
            self.next()
        order, skip, limit, where = [], None, None, None
        if self.kw("ORDER"):
            self.next()
            self.expect_kw("BY")
            while True:
                start = self.peek().pos
                e = self.expr()
                end = self.toks[self.i - 1].pos + len(self.toks[self.i - 1].text)
                desc = False
                if self.kw("DESC", "DESCENDING"):
                    self.next()
                    desc = True
                elif self.kw("ASC", "ASCENDING"):
                    self.next()
                order.append((e, desc, self.text[start:end]))
                if not self.op(","):
                    break
                self.next()
        if self.kw("SKIP"):
            self.next()
            skip = self.expr()
        if self.kw("LIMIT"):
            self.next()
            limit = self.expr()
        if with_where and self.kw("WHERE"):
            self.next()
            where = self.expr()
        return items, distinct, order, skip, limit, where

    # expressions, lowest precedence first
    def expr(self):
        return self.or_()

    def or_(self):
        e = self.xor_()
        while self.kw("OR"):
            self.next()
            e = ("or", e, self.xor_())
        return e

    def xor_(self):
        e = self.and_()
        while self.kw("XOR"):
            self.next()
            e = ("xor", e, self.and_())
        return e

    def and_(self):
        e = self.not_()
        while self.kw("AND"):
            self.next()
            e = ("and", e, self.not_())
        return e

    def not_(self):
        if self.kw("NOT"):
            self.next()
            return ("not", self.not_())
        return self.comparison()

    def comparison(self):
        e = self.additive()
        while True:
            if self.op("=", "<>", "<", ">", "<=", ">=", "=~"):
                o = self.next().value
                e = ("cmp", o, e, self.additive())
            elif self.kw("IS"):
                self.next()
                neg = False
                if self.kw("NOT"):
                    self.next()
                    neg = True
                self.expect_kw("NULL")
                e = ("isnull", e, neg)
            elif self.kw("IN"):
                self.next()
                e = ("in", e, self.additive())
            elif self.kw("CONTAINS"):
                self.next()
                e = ("str", "contains", e, self.additive())
            elif self.kw("STARTS") and self.kw("WITH", k=1):
                self.next(), self.next()
                e = ("str", "starts", e, self.additive())
            elif self.kw("ENDS") and self.kw("WITH", k=1):
                self.next(), self.next()
                e = ("str", "ends", e, self.additive())
            else:
                return e

    def additive(self):
        e = self.multiplicative()
        while self.op("+", "-"):
            o = self.next().value
            e = ("arith", o, e, self.multiplicative())
        return e

    def multiplicative(self):
        e = self.power()
        while self.op("*", "/", "%"):
            o = self.next().value
            e = ("arith", o, e, self.power())
        return e

    def power(self):
        e = self.unary()
        while self.op("^"):
            self.next()
            e = ("arith", "^", e, self.unary())
        return e

    def unary(self):
        if self.op("-"):
            self.next()
            return ("neg", self.unary())
        if self.op("+"):
            self.next()
            return self.unary()
        return self.postfix()

    def postfix(self):
        e = self.atom()
        while True:
            if self.op("."):
                self.next()
                e = ("prop", e, self.ident())
            elif self.op("["):
                self.next()
                a = None if self.op("..") else self.expr()
                if self.op(".."):
                    self.next()
                    b = None if self.op("]") else self.expr()
                    self.expect_op("]")
                    e = ("slice", e, a, b)
                else:
                    self.expect_op("]")
                    e = ("index", e, a)
            elif self.op(":") and e[0] == "var":
                labels = []
                while self.op(":"):
                    self.next()
                    labels.append(self.ident())
                e = ("haslabel", e, tuple(labels))
            else:
                return e

    def atom(self):
        t = self.peek()
        if t.kind == "num":
            self.next()
            return ("lit", t.value)
        if t.kind == "str":
            self.next()
            return ("lit", t.value)
        if t.kind == "param":
            self.next()
            return ("param", t.value)
        if self.op("("):
            if self._looks_like_pattern():
                self.unsupported("a pattern used as an expression (use OPTIONAL MATCH ... count())")
            self.next()
            e = self.expr()
            self.expect_op(")")
            return e
        if self.op("["):
            return self.list_or_comprehension()
        if self.op("{"):
            return ("map", self.prop_map())
        if t.kind == "id":
            up = t.value.upper()
            if up in ("TRUE", "FALSE"):
                self.next()
                return ("lit", up == "TRUE")
            if up == "NULL":
                self.next()
                return ("lit", None)
            if up == "CASE":
                return self.case()
            if up in ("EXISTS", "COUNT", "COLLECT") and self.op("{", k=1):
                self.unsupported(f"{up} {{ subquery }}")
            j = 1
            while self.op(".", k=j) and self.peek(j + 1).kind == "id":
                j += 2
            if self.op("(", k=j):
                return self.function()
            self.next()
            return ("var", t.value)
        self.fail("expected an expression")

    def _looks_like_pattern(self) -> bool:
        """``(n)-->()``, ``(n:L)<-[..]-``: a node pattern followed by a relationship."""
        j = self.i + 1
        if self.toks[j].kind == "id":
            j += 1
            while self.toks[j].kind == "op" and self.toks[j].value == ":" and self.toks[j + 1].kind == "id":
                j += 2
        if not (self.toks[j].kind == "op" and self.toks[j].value == ")"):
            return False
        a, b = self.toks[j + 1], self.toks[j + 2]
        return (a.kind == "op" and a.value in ("-", "<-", "->")
                and b.kind == "op" and b.value in ("[", "(", "-", "->", ">"))

    def list_or_comprehension(self):
        self.expect_op("[")
        if self.peek().kind == "id" and self.kw("IN", k=1):
            var = self.ident()
            self.next()
            src = self.expr()
            where = proj = None
            if self.kw("WHERE"):
                self.next()
                where = self.expr()
            if self.op("|"):
                self.next()
                proj = self.expr()
            self.expect_op("]")
            return ("listcomp", var, src, where, proj)
        items = []
        while not self.op("]"):
            items.append(self.expr())
            if self.op(","):
                self.next()
        self.expect_op("]")
        return ("list", items)

    def case(self):
        self.next()
        subject = None if self.kw("WHEN") else self.expr()
        whens = []
        while self.kw("WHEN"):
            self.next()
            w = self.expr()
            self.expect_kw("THEN")
            whens.append((w, self.expr()))
        default = None
        if self.kw("ELSE"):
            self.next()
            default = self.expr()
        self.expect_kw("END")
        return ("case", subject, whens, default)

    def function(self):
        name = self.ident()
        while self.op("."):
            self.next()
            name += "." + self.ident()
        low = name.lower()
        self.expect_op("(")
        if low in ("any", "all", "none", "single") and self.peek().kind == "id" and self.kw("IN", k=1):
            var = self.ident()
            self.next()
            src = self.expr()
            self.expect_kw("WHERE")
            cond = self.expr()
            self.expect_op(")")
            return ("quant", low, var, src, cond)
        if low == "count" and self.op("*"):
            self.next()
            self.expect_op(")")
            return ("agg", "count", False, None)
        distinct = False
        if self.kw("DISTINCT"):
            self.next()
            distinct = True
        args = []
        while not self.op(")"):
            args.append(self.expr())
            if self.op(","):
                self.next()
        self.expect_op(")")
        if low in _AGGS:
            if len(args) != 1:
                self.fail(f"{name}() takes one argument")
            return ("agg", low, distinct, args[0])
        if low not in _FUNCS:
            self.unsupported(f"function {name}()")
        return ("call", low, args)


# ----------------------------------------------------------------------------- evaluation

def _num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _to_int(x):
    if x is None:
        return None
    try:
        return int(float(x)) if isinstance(x, str) else int(x)
    except (TypeError, ValueError):
        return None


def _to_float(x):
    if x is None:
        return None
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def _round(x, digits=0):
    if x is None:
        return None
    f = 10 ** int(digits)
    return math.floor(x * f + 0.5) / f


def _size(x):
    if x is None:
        return None
    if isinstance(x, (str, list)):
        return len(x)
    raise QueryError("size() takes a string or a list")


def _substring(s, start, length=None):
    if s is None:
        return None
    start = int(start)
    return s[start:] if length is None else s[start:start + int(length)]


_FUNCS: dict[str, Any] = {
    "tolower": lambda s: None if s is None else s.lower(),
    "toupper": lambda s: None if s is None else s.upper(),
    "lower": lambda s: None if s is None else s.lower(),
    "upper": lambda s: None if s is None else s.upper(),
    "trim": lambda s: None if s is None else s.strip(),
    "ltrim": lambda s: None if s is None else s.lstrip(),
    "rtrim": lambda s: None if s is None else s.rstrip(),
    "substring": _substring,
    "left": lambda s, n: None if s is None else s[:int(n)],
    "right": lambda s, n: None if s is None else (s[-int(n):] if int(n) else ""),
    "split": lambda s, d: None if s is None else s.split(d),
    "replace": lambda s, a, b: None if s is None else s.replace(a, b),
    "size": _size,
    "tostring": lambda x: None if x is None else (str(x).lower() if isinstance(x, bool) else str(x)),
    "tointeger": _to_int,
    "tofloat": _to_float,
    "abs": lambda x: None if x is None else abs(x),
    "round": _round,
    "floor": lambda x: None if x is None else float(math.floor(x)),
    "ceil": lambda x: None if x is None else float(math.ceil(x)),
    "sqrt": lambda x: None if x is None else math.sqrt(x),
    "head": lambda l: l[0] if l else None,
    "last": lambda l: l[-1] if l else None,
    "tail": lambda l: None if l is None else l[1:],
    "reverse": lambda l: None if l is None else l[::-1],
    "range": lambda a, b, step=1: list(range(int(a), int(b) + (1 if step > 0 else -1), int(step))),
    # graph functions are resolved in Evaluator.call (they need the graph)
    "coalesce": None, "labels": None, "type": None, "keys": None, "properties": None, "nodes": None,
    "relationships": None, "length": None, "startnode": None, "endnode": None, "exists": None,
}


def _rank(v) -> tuple:
    """Cypher's ascending global order: maps, nodes, rels, lists, paths, strings, booleans, numbers, null."""
    if v is None:
        return (9, 0)
    if isinstance(v, bool):
        return (7, v)
    if _num(v):
        return (8, v if not (isinstance(v, float) and math.isnan(v)) else math.inf)
    if isinstance(v, str):
        return (6, v)
    if isinstance(v, dict):
        return (0, str(sorted(v.items())))
    if isinstance(v, Node):
        return (1, v.key)
    if isinstance(v, Rel):
        return (2, (v.s, v.k, v.t))
    if isinstance(v, list):
        return (3, tuple(_rank(x) for x in v))
    if isinstance(v, Path):
        return (5, tuple(n.key for n in v.nodes))
    return (4, str(v))


def _freeze(v):
    if isinstance(v, list):
        return ("l",) + tuple(_freeze(x) for x in v)
    if isinstance(v, dict):
        return ("m",) + tuple(sorted((k, _freeze(x)) for k, x in v.items()))
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _cmp(o, a, b):
    if o == "=~":
        if a is None or b is None:
            return None
        return re.fullmatch(b, a) is not None
    if a is None or b is None:
        return None
    if o in ("=", "<>"):
        if _num(a) and _num(b):
            eq = a == b
        elif type(a) is not type(b) and not (isinstance(a, list) and isinstance(b, list)):
            eq = False
        else:
            eq = _freeze(a) == _freeze(b)
        return eq if o == "=" else not eq
    comparable = (_num(a) and _num(b)) or (isinstance(a, str) and isinstance(b, str)) or \
                 (isinstance(a, bool) and isinstance(b, bool))
    if not comparable:
        return None
    return {"<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[o]


def _truth(v) -> bool:
    return v is True


class Evaluator:
    """Runs parsed clauses over a ``networkx.MultiDiGraph``."""

    def __init__(self, G: nx.MultiDiGraph, params: dict[str, Any]) -> None:
        self.G = G
        self.params = params
        self.by_label: dict[str, list[str]] = {}
        for n, a in G.nodes(data=True):
            self.by_label.setdefault(a.get("label"), []).append(n)
        for v in self.by_label.values():
            v.sort()

    # properties look like the loaded Neo4j graph
    def node_props(self, key: str) -> dict[str, Any]:
        return node_properties(key, self.G.nodes[key])

    def rel_props(self, r: Rel) -> dict[str, Any]:
        out = {}
        for k, v in self.G.edges[r.s, r.t, r.k].items():
            if k == "type":
                continue
            p = to_property(v)
            if p is not None and p != []:
                out[k] = p
        return out

    def get_prop(self, obj, name: str):
        if obj is None:
            return None
        if isinstance(obj, Node):
            if name == "label":
                return None
            v = self.G.nodes[obj.key].get(name)
            if v is None and name == "id":
                return self.node_props(obj.key).get("id")
        elif isinstance(obj, Rel):
            if name == "type":
                return None
            v = self.G.edges[obj.s, obj.t, obj.k].get(name)
        elif isinstance(obj, dict):
            return obj.get(name)
        else:
            raise QueryError(f"cannot read property {name!r} of {type(obj).__name__}")
        p = to_property(v)
        return None if p == [] else p

    def label(self, key: str) -> str | None:
        return self.G.nodes[key].get("label")

    # expressions
    def ev(self, e, row: dict, group: list[dict] | None = None):
        k = e[0]
        if k == "lit":
            return e[1]
        if k == "param":
            if e[1] not in self.params:
                raise QueryError(f"parameter ${e[1]} is not set (pass --param {e[1]}=VALUE)")
            return self.params[e[1]]
        if k == "var":
            if e[1] not in row:
                raise QueryError(f"variable {e[1]!r} is not defined")
            return row[e[1]]
        if k == "prop":
            return self.get_prop(self.ev(e[1], row, group), e[2])
        if k == "and":
            a, b = self.ev(e[1], row, group), self.ev(e[2], row, group)
            if a is False or b is False:
                return False
            return None if a is None or b is None else True
        if k == "or":
            a, b = self.ev(e[1], row, group), self.ev(e[2], row, group)
            if a is True or b is True:
                return True
            return None if a is None or b is None else False
        if k == "xor":
            a, b = self.ev(e[1], row, group), self.ev(e[2], row, group)
            return None if a is None or b is None else a != b
        if k == "not":
            a = self.ev(e[1], row, group)
            return None if a is None else not a
        if k == "cmp":
            return _cmp(e[1], self.ev(e[2], row, group), self.ev(e[3], row, group))
        if k == "isnull":
            v = self.ev(e[1], row, group)
            return (v is not None) if e[2] else (v is None)
        if k == "in":
            v, lst = self.ev(e[1], row, group), self.ev(e[2], row, group)
            if lst is None:
                return None
            if v is None:
                return None if lst else False
            return any(_cmp("=", v, x) for x in lst)
        if k == "str":
            a, b = self.ev(e[2], row, group), self.ev(e[3], row, group)
            if not isinstance(a, str) or not isinstance(b, str):
                return None
            return {"contains": b in a, "starts": a.startswith(b), "ends": a.endswith(b)}[e[1]]
        if k == "arith":
            return self.arith(e[1], self.ev(e[2], row, group), self.ev(e[3], row, group))
        if k == "neg":
            v = self.ev(e[1], row, group)
            return None if v is None else -v
        if k == "index":
            base, idx = self.ev(e[1], row, group), self.ev(e[2], row, group)
            if base is None or idx is None:
                return None
            if isinstance(base, list):
                i = int(idx)
                return base[i] if -len(base) <= i < len(base) else None
            return self.get_prop(base, idx)
        if k == "slice":
            base = self.ev(e[1], row, group)
            if base is None:
                return None
            a = self.ev(e[2], row, group) if e[2] is not None else None
            b = self.ev(e[3], row, group) if e[3] is not None else None
            return base[None if a is None else int(a):None if b is None else int(b)]
        if k == "haslabel":
            v = self.ev(e[1], row, group)
            if v is None:
                return None
            return isinstance(v, Node) and all(self.label(v.key) == lb for lb in e[2])
        if k == "list":
            return [self.ev(x, row, group) for x in e[1]]
        if k == "map":
            return {kk: self.ev(x, row, group) for kk, x in e[1]}
        if k == "case":
            subject = self.ev(e[1], row, group) if e[1] is not None else None
            for w, t in e[2]:
                if e[1] is not None:
                    if _cmp("=", subject, self.ev(w, row, group)):
                        return self.ev(t, row, group)
                elif _truth(self.ev(w, row, group)):
                    return self.ev(t, row, group)
            return self.ev(e[3], row, group) if e[3] is not None else None
        if k == "listcomp":
            src = self.ev(e[2], row, group)
            if src is None:
                return None
            out = []
            for x in src:
                r2 = {**row, e[1]: x}
                if e[3] is None or _truth(self.ev(e[3], r2)):
                    out.append(self.ev(e[4], r2) if e[4] is not None else x)
            return out
        if k == "quant":
            src = self.ev(e[3], row, group)
            if src is None:
                return None
            vals = [self.ev(e[4], {**row, e[2]: x}) for x in src]
            hits = sum(1 for v in vals if v is True)
            return {"any": hits > 0, "all": hits == len(vals), "none": hits == 0, "single": hits == 1}[e[1]]
        if k == "agg":
            if group is None:
                raise QueryError(f"{e[1]}() is only allowed in WITH or RETURN")
            return self.aggregate(e, group)
        if k == "call":
            return self.call(e[1], [self.ev(a, row, group) for a in e[2]])
        raise QueryError(f"unsupported expression {k}")

    def arith(self, o, a, b):
        if a is None or b is None:
            return None
        if o == "+":
            if isinstance(a, list) or isinstance(b, list):
                return (a if isinstance(a, list) else [a]) + (b if isinstance(b, list) else [b])
            if isinstance(a, str) or isinstance(b, str):
                return f"{a}{b}"
            return a + b
        if not (_num(a) and _num(b)):
            raise QueryError(f"cannot apply {o} to {type(a).__name__} and {type(b).__name__}")
        if o == "-":
            return a - b
        if o == "*":
            return a * b
        if o == "/":
            if isinstance(a, int) and isinstance(b, int):
                if b == 0:
                    raise QueryError("division by zero")
                q = abs(a) // abs(b)
                return q if (a >= 0) == (b >= 0) else -q
            return a / b if b else (math.nan if a == 0 else math.copysign(math.inf, a))
        if o == "%":
            return math.fmod(a, b) if isinstance(a, float) or isinstance(b, float) else int(math.fmod(a, b))
        if o == "^":
            return float(a) ** b
        raise QueryError(f"unknown operator {o}")

    def call(self, name, args):
        if name == "coalesce":
            return next((a for a in args if a is not None), None)
        if name == "labels":
            return None if args[0] is None else [self.label(args[0].key)]
        if name == "type":
            return None if args[0] is None else args[0].k
        if name == "keys":
            v = args[0]
            if v is None:
                return None
            d = self.node_props(v.key) if isinstance(v, Node) else self.rel_props(v) if isinstance(v, Rel) else v
            return sorted(d)
        if name == "properties":
            v = args[0]
            return None if v is None else self.node_props(v.key) if isinstance(v, Node) else self.rel_props(v)
        if name == "nodes":
            return None if args[0] is None else list(args[0].nodes)
        if name == "relationships":
            return None if args[0] is None else list(args[0].rels)
        if name == "length":
            v = args[0]
            return None if v is None else len(v.rels) if isinstance(v, Path) else len(v)
        if name == "startnode":
            return None if args[0] is None else Node(args[0].s)
        if name == "endnode":
            return None if args[0] is None else Node(args[0].t)
        if name == "exists":
            return args[0] is not None
        try:
            return _FUNCS[name](*args)
        except QueryError:
            raise
        except (TypeError, ValueError, AttributeError) as exc:
            raise QueryError(f"{name}(): {exc}") from exc

    def aggregate(self, e, group):
        _, fn, distinct, arg = e
        if arg is None:  # count(*)
            return len(group)
        vals = [self.ev(arg, r) for r in group]
        vals = [v for v in vals if v is not None]
        if distinct:
            seen, uniq = set(), []
            for v in vals:
                f = _freeze(v)
                if f not in seen:
                    seen.add(f)
                    uniq.append(v)
            vals = uniq
        if fn == "count":
            return len(vals)
        if fn == "collect":
            return vals
        if fn == "sum":
            return sum(vals) if vals else 0
        if fn == "avg":
            return sum(vals) / len(vals) if vals else None
        if fn == "min":
            return min(vals, key=_rank) if vals else None
        if fn == "max":
            return max(vals, key=_rank) if vals else None
        raise QueryError(f"unknown aggregate {fn}")

    # patterns
    def node_ok(self, key: str, pat: NodePat, row: dict) -> bool:
        a = self.G.nodes[key]
        if pat.labels and any(a.get("label") != lb for lb in pat.labels):
            return False
        for k, ex in pat.props:
            if not _truth(_cmp("=", self.get_prop(Node(key), k), self.ev(ex, row))):
                return False
        return True

    def rel_ok(self, r: Rel, pat: RelPat, row: dict) -> bool:
        if pat.types and r.k not in pat.types:
            return False
        for k, ex in pat.props:
            if not _truth(_cmp("=", self.get_prop(r, k), self.ev(ex, row))):
                return False
        return True

    def steps(self, key: str, pat: RelPat) -> Iterable[tuple[Rel, str]]:
        G = self.G
        if pat.direction in ("out", "both"):
            for _, t, k in G.out_edges(key, keys=True):
                yield Rel(key, t, k), t
        if pat.direction in ("in", "both"):
            for s, _, k in G.in_edges(key, keys=True):
                if pat.direction == "both" and s == key:
                    continue  # a self-loop was already yielded as outgoing
                yield Rel(s, key, k), s

    def start_nodes(self, pat: NodePat, row: dict) -> list[str]:
        if pat.var and pat.var in row:
            v = row[pat.var]
            if v is None:
                return []
            if not isinstance(v, Node):
                raise QueryError(f"{pat.var} is not a node")
            return [v.key] if self.node_ok(v.key, pat, row) else []
        for k, ex in pat.props:
            if k == "key":
                key = self.ev(ex, row)
                return [key] if isinstance(key, str) and key in self.G and self.node_ok(key, pat, row) else []
        cands = self.by_label.get(pat.labels[0], []) if pat.labels else sorted(self.G.nodes)
        return [n for n in cands if self.node_ok(n, pat, row)]

    def match_part(self, part: PatternPart, row: dict, used: frozenset,
                   filters: dict[str, list] | None = None) -> Iterable[tuple[dict, frozenset]]:
        if part.shortest:
            yield from self.shortest(part, row, used)
            return
        filters = filters or {}
        first, last = part.nodes[0], part.nodes[-1]
        starts = None
        if part.rels and not part.path_var and not (first.var and first.var in row):
            # start from the end that is already bound, or else from the end with fewer candidates
            if last.var and last.var in row:
                part = _reversed(part)
            elif last.var in filters:
                head = self._filtered_starts(first, row, filters)
                tail = self._filtered_starts(last, row, filters)
                if len(tail) < len(head):
                    part, starts = _reversed(part), tail
                else:
                    starts = head
        if starts is None:
            starts = self._filtered_starts(part.nodes[0], row, filters)
        for start in starts:
            r0 = dict(row)
            if part.nodes[0].var:
                r0[part.nodes[0].var] = Node(start)
            yield from self.extend(part, 0, start, r0, used, [Node(start)], [])

    def _filtered_starts(self, pat: NodePat, row: dict, filters: dict[str, list]) -> list[str]:
        starts = self.start_nodes(pat, row)
        var = pat.var
        if var and var not in row and filters.get(var):
            starts = [n for n in starts
                      if all(_truth(self.ev(c, {**row, var: Node(n)})) for c in filters[var])]
        return starts

    def extend(self, part, i, cur, row, used, pnodes, prels):
        if i == len(part.rels):
            if part.path_var:
                row = {**row, part.path_var: Path(tuple(pnodes), tuple(prels))}
            yield row, used
            return
        rp, np_ = part.rels[i], part.nodes[i + 1]
        lo, hi = rp.varlen or (1, 1)
        # depth-first over relationship sequences of length lo..hi, relationships unique
        stack = [(cur, (), ())]
        while stack:
            node, rels, nodes = stack.pop()
            if lo <= len(rels):
                if self._end_ok(np_, nodes[-1] if nodes else node, row, rels):
                    end = nodes[-1] if nodes else node
                    r2 = dict(row)
                    if rp.var:
                        r2[rp.var] = list(rels) if rp.varlen else rels[0]
                    if np_.var:
                        r2[np_.var] = Node(end)
                    yield from self.extend(part, i + 1, end, r2, used | frozenset(rels),
                                           pnodes + [Node(n) for n in nodes], prels + list(rels))
            if len(rels) < hi:
                nxt = []
                for r, other in self.steps(node, rp):
                    if r in used or r in rels or not self.rel_ok(r, rp, row):
                        continue
                    nxt.append((other, rels + (r,), nodes + (other,)))
                stack.extend(reversed(nxt))

    def _end_ok(self, np_, end, row, rels) -> bool:
        if np_.var and np_.var in row:
            v = row[np_.var]
            if not isinstance(v, Node) or v.key != end:
                return False
        return self.node_ok(end, np_, row)

    def shortest(self, part, row, used):
        a, b = part.nodes
        rp = part.rels[0]
        lo, hi = rp.varlen or (1, 1)
        for s in self.start_nodes(a, row):
            targets = set(self.start_nodes(b, row))
            if not targets:
                continue
            prev: dict[str, tuple[str, Rel] | None] = {s: None}
            dist = {s: 0}
            q = deque([s])
            found = None
            if s in targets and lo == 0:
                found = s
            while q and found is None:
                cur = q.popleft()
                if dist[cur] >= hi:
                    continue
                for r, other in sorted(self.steps(cur, rp), key=lambda x: (x[1], x[0].k)):
                    if other in dist or not self.rel_ok(r, rp, row):
                        continue
                    dist[other] = dist[cur] + 1
                    prev[other] = (cur, r)
                    if other in targets and dist[other] >= lo:
                        found = other
                        break
                    q.append(other)
            if found is None:
                continue
            nodes, rels = [found], []
            while prev[nodes[-1]] is not None:
                p, r = prev[nodes[-1]]
                rels.append(r)
                nodes.append(p)
            nodes.reverse()
            rels.reverse()
            r2 = dict(row)
            if a.var:
                r2[a.var] = Node(s)
            if b.var:
                r2[b.var] = Node(found)
            if rp.var:
                r2[rp.var] = rels
            if part.path_var:
                r2[part.path_var] = Path(tuple(Node(n) for n in nodes), tuple(rels))
            yield r2, used

    def match_rows(self, parts, row, where) -> list[dict]:
        # WHERE conjuncts about one variable pre-filter that variable's start candidates
        # (the whole WHERE is still applied at the end, so this only saves work)
        single: dict[str, list] = {}
        for c in _conjuncts(where):
            vs = _expr_vars(c)
            if len(vs) == 1:
                single.setdefault(next(iter(vs)), []).append(c)
        results = [(row, frozenset())]
        for part in parts:
            nxt = []
            for r, used in results:
                nxt.extend(self.match_part(part, r, used, single))
            results = nxt
        out = [r for r, _ in results]
        if where is not None:
            out = [r for r in out if _truth(self.ev(where, r))]
        return out

    # clauses
    def run(self, clauses) -> QueryResult:
        rows: list[dict] = [{}]
        for c in clauses:
            kind = c[0]
            if kind == "match":
                _, parts, where, optional = c
                new_vars = _pattern_vars(parts)
                out = []
                for r in rows:
                    got = self.match_rows(parts, r, where)
                    if got:
                        out.extend(got)
                    elif optional:
                        out.append({**r, **{v: None for v in new_vars if v not in r}})
                rows = out
            elif kind == "unwind":
                _, e, var = c
                out = []
                for r in rows:
                    v = self.ev(e, r)
                    if v is None:
                        continue
                    for x in (v if isinstance(v, list) else [v]):
                        out.append({**r, var: x})
                rows = out
            elif kind == "fulltext":
                rows = self.fulltext(c, rows)
            elif kind in ("with", "return"):
                cols, rows = self.project(c, rows)
                if kind == "return":
                    return QueryResult(cols, rows)
        raise QueryError("the query must end with RETURN")

    def fulltext(self, c, rows):
        _, args, yields, where = c
        out = []
        for r in rows:
            text = self.ev(args[1], r) if len(args) > 1 else None
            if not isinstance(text, str):
                raise QueryError("db.index.fulltext.queryNodes(index, text): text must be a string")
            terms = [t for t in re.findall(r"\w+", text.lower()) if t not in ("and", "or", "not")]
            for key, score in self.search(terms):
                r2 = dict(r)
                for name, alias in yields:
                    r2[alias] = Node(key) if name == "node" else score
                if where is None or _truth(self.ev(where, r2)):
                    out.append(r2)
        return out

    def search(self, terms: list[str]) -> list[tuple[str, float]]:
        hits = []
        if not terms:
            return hits
        for label in ("Paper", "Method", "Dataset", "Metric", "Task"):
            for key in self.by_label.get(label, []):
                a = self.G.nodes[key]
                parts = [a.get("title"), a.get("abstract"), a.get("name"), *(a.get("aliases") or [])]
                words = re.findall(r"\w+", " ".join(p for p in parts if isinstance(p, str)).lower())
                score = sum(words.count(t) for t in terms)
                if score and all(t in words for t in terms):
                    hits.append((key, float(score)))
        return hits

    def project(self, c, rows):
        _, items, distinct, order, skip, limit, where = c
        kind = c[0]
        aliases = [alias for _, alias, _ in items]
        is_agg = any(_has_agg(e) for e, _, _ in items)
        out: list[tuple[dict, dict]] = []  # (projected row, environment for ORDER BY)
        if is_agg:
            keys = [(e, alias) for e, alias, _ in items if not _has_agg(e)]
            groups: dict[tuple, list[dict]] = {}
            first: dict[tuple, dict] = {}
            for r in rows:
                gk = tuple(_freeze(self.ev(e, r)) for e, _ in keys)
                groups.setdefault(gk, []).append(r)
                first.setdefault(gk, r)
            if not keys and not rows:
                groups[()] = []
                first[()] = {}
            for gk, grp in groups.items():
                base = first[gk]
                proj = {alias: self.ev(e, base, grp) for e, alias, _ in items}
                out.append((proj, proj))
        else:
            for r in rows:
                proj = {alias: self.ev(e, r) for e, alias, _ in items}
                out.append((proj, {**r, **proj}))
        if distinct:
            seen, uniq = set(), []
            for proj, env in out:
                f = tuple(_freeze(proj[a]) for a in aliases)
                if f not in seen:
                    seen.add(f)
                    uniq.append((proj, env))
            out = uniq
        if order:
            texts = {text: alias for _, alias, text in items}
            keyed = []
            for proj, env in out:
                ks = []
                for e, desc, text in order:
                    if text in texts:
                        v = proj[texts[text]]
                    else:
                        try:
                            v = self.ev(e, env)
                        except QueryError:
                            if is_agg:
                                raise QueryError(f"ORDER BY {text}: after an aggregation, order by a "
                                                 "returned column") from None
                            raise
                    ks.append(_rank(v))
                keyed.append((ks, proj, env))
            for idx in range(len(order) - 1, -1, -1):
                keyed.sort(key=lambda t, i=idx: t[0][i], reverse=order[idx][1])
            out = [(p, e) for _, p, e in keyed]
        if skip is not None:
            out = out[int(self.ev(skip, {})):]
        if limit is not None:
            out = out[:int(self.ev(limit, {}))]
        result = [p for p, _ in out]
        if where is not None:
            result = [p for p in result if _truth(self.ev(where, p))]
        if kind == "return":
            return aliases, [{a: self.plain(p[a]) for a in aliases} for p in result]
        return aliases, result

    def plain(self, v):
        """Result values as JSON-able Python, same shape as :func:`normalize_value` gives for Bolt."""
        if isinstance(v, Node):
            return {"_labels": [self.label(v.key)], **self.node_props(v.key)}
        if isinstance(v, Rel):
            return {"_type": v.k, **self.rel_props(v)}
        if isinstance(v, Path):
            return {"nodes": [self.plain(n) for n in v.nodes], "relationships": [self.plain(r) for r in v.rels]}
        if isinstance(v, list):
            return [self.plain(x) for x in v]
        if isinstance(v, dict):
            return {k: self.plain(x) for k, x in v.items()}
        return v


def _has_agg(e) -> bool:
    if isinstance(e, tuple):
        if e and e[0] == "agg":
            return True
        if e and e[0] == "listcomp":
            return _has_agg(e[2])
        if e and e[0] == "quant":
            return _has_agg(e[3])
        return any(_has_agg(x) for x in e[1:])
    if isinstance(e, list):
        return any(_has_agg(x) for x in e)
    return False


def _conjuncts(e) -> list:
    """Top-level AND terms of a WHERE expression."""
    if e is None:
        return []
    if e[0] == "and":
        return _conjuncts(e[1]) + _conjuncts(e[2])
    return [e]


def _expr_vars(e) -> set[str]:
    """Variables an expression reads (comprehension variables excluded); aggregates count as unknown."""
    if isinstance(e, list):
        return set().union(*(_expr_vars(x) for x in e)) if e else set()
    if not isinstance(e, tuple) or not e:
        return set()
    k = e[0]
    if k == "var":
        return {e[1]}
    if k == "listcomp":
        return _expr_vars(e[2]) | ((_expr_vars(e[3]) | _expr_vars(e[4])) - {e[1]})
    if k == "quant":
        return _expr_vars(e[3]) | (_expr_vars(e[4]) - {e[2]})
    if k == "agg":
        return {"*agg*", "*"}
    if k == "map":
        return set().union(*(_expr_vars(x) for _, x in e[1])) if e[1] else set()
    return set().union(*(_expr_vars(x) for x in e[1:]))


_FLIP = {"out": "in", "in": "out", "both": "both"}


def _reversed(part: PatternPart) -> PatternPart:
    """The same pattern read from its last node (same matches, no path variable)."""
    rels = [RelPat(r.var, r.types, r.props, _FLIP[r.direction], r.varlen) for r in reversed(part.rels)]
    return PatternPart(None, False, list(reversed(part.nodes)), rels)


def _pattern_vars(parts: list[PatternPart]) -> list[str]:
    out = []
    for p in parts:
        if p.path_var:
            out.append(p.path_var)
        out += [n.var for n in p.nodes if n.var] + [r.var for r in p.rels if r.var]
    return out


def run_embedded(G: nx.MultiDiGraph, query: str, params: dict[str, Any] | None = None) -> QueryResult:
    """Run a read query of the supported subset on the embedded graph.

    >>> G = nx.MultiDiGraph(); G.add_node("task:qa", label="Task", key="task:qa", name="QA")
    >>> run_embedded(G, "MATCH (t:Task) RETURN count(t) AS n, collect(t.name) AS names").rows
    [{'n': 1, 'names': ['QA']}]
    >>> run_embedded(G, "CREATE (n:Task) RETURN n")
    Traceback (most recent call last):
    kg.errors.QueryError: line 1: CREATE is not supported by the embedded backend (read-only subset, see `kg query --help`); run it on Neo4j with --uri
    """
    clauses = Parser(query).parse()
    return Evaluator(G, dict(params or {})).run(clauses)


# ----------------------------------------------------------------------------- Bolt backend

def normalize_value(v):
    """Bolt values (nodes, relationships, paths, temporals) as plain JSON-able Python."""
    try:
        from neo4j.graph import Node as BNode, Path as BPath, Relationship as BRel
    except ImportError:  # pragma: no cover
        BNode = BPath = BRel = ()
    if isinstance(v, BNode):
        return {"_labels": sorted(v.labels), **{k: normalize_value(x) for k, x in dict(v).items()}}
    if isinstance(v, BRel):
        return {"_type": v.type, **{k: normalize_value(x) for k, x in dict(v).items()}}
    if isinstance(v, BPath):
        return {"nodes": [normalize_value(n) for n in v.nodes],
                "relationships": [normalize_value(r) for r in v.relationships]}
    if isinstance(v, list):
        return [normalize_value(x) for x in v]
    if isinstance(v, dict):
        return {k: normalize_value(x) for k, x in v.items()}
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    return str(v)


def run_bolt(driver, query: str, params: dict[str, Any] | None = None, *, database: str | None = None,
             escape: bool = False) -> QueryResult:
    """Run a read query on a Bolt server in a managed read transaction."""
    from neo4j.exceptions import DriverError, Neo4jError

    from kg.neo4j import escape_strings

    p = dict(params or {})
    if escape:
        p = escape_strings(p)

    def work(tx):
        res = tx.run(query, p)
        keys = list(res.keys())
        return keys, [{k: normalize_value(rec[k]) for k in keys} for rec in res]

    try:
        with driver.session(database=database) as s:
            cols, rows = s.execute_read(work)
    except Neo4jError as exc:
        msg = (exc.message or str(exc)).splitlines()[0] if (exc.message or str(exc)) else type(exc).__name__
        raise QueryError(f"the server refused the query: {msg}") from exc
    except (DriverError, OSError) as exc:
        raise QueryError(f"connection lost while querying: {type(exc).__name__}") from exc
    return QueryResult(cols, rows)


# ----------------------------------------------------------------------------- parameters, output

def parse_value(text: str) -> Any:
    """A ``--param`` value: JSON when it parses (numbers, null, lists), else the text itself.

    >>> parse_value("3"), parse_value("ImageNet"), parse_value("null"), parse_value('["a"]')
    (3, 'ImageNet', None, ['a'])
    """
    try:
        return json.loads(text)
    except ValueError:
        return text


def parse_params(pairs: Iterable[str]) -> dict[str, Any]:
    """``["k=v", ...]`` -> ``{"k": value}``; see :func:`parse_value`.

    >>> parse_params(["dataset=ImageNet", "top=3"])
    {'dataset': 'ImageNet', 'top': 3}
    """
    out = {}
    for p in pairs:
        k, sep, v = p.partition("=")
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", k.strip()):
            raise QueryError(f"--param {p!r}: expected NAME=VALUE, e.g. --param dataset=ImageNet")
        out[k.strip()] = parse_value(v)
    return out


def declared_params(text: str) -> dict[str, Any]:
    """Defaults from a query file's ``// :param name => value`` header lines (JSON values).

    >>> declared_params('// :param top => 3\\n// :param q => "x"\\nRETURN 1')
    {'top': 3, 'q': 'x'}
    """
    out = {}
    for m in re.finditer(r"^\s*//\s*:param\s+([A-Za-z_]\w*)\s*=>\s*(.+?)\s*$", text, re.M):
        out[m[1]] = parse_value(m[2])
    return out


def referenced_params(query: str) -> list[str]:
    """Names of ``$params`` used by a query (comments and strings ignored).

    >>> referenced_params("// $no\\nMATCH (d) WHERE d.name = $dataset AND '$x' <> $y RETURN d")
    ['dataset', 'y']
    """
    out: list[str] = []
    for t in tokenize(query):
        if t.kind == "param" and t.value not in out:
            out.append(t.value)
    return out


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(v)
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def to_table(res: QueryResult, max_width: int = 60) -> str:
    """Plain-text table.

    >>> print(to_table(QueryResult(["a", "b"], [{"a": 1, "b": "x"}])))
    a | b
    --+--
    1 | x
    (1 row)
    """
    cells = [[_cell(r[c]) for c in res.columns] for r in res.rows]
    cells = [[c if len(c) <= max_width else c[:max_width - 1] + "…" for c in row] for row in cells]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(res.columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(res.columns, widths)).rstrip(),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    n = len(res.rows)
    lines.append(f"({n} row{'s' if n != 1 else ''})")
    return "\n".join(lines)


def to_csv(res: QueryResult) -> str:
    """CSV with a header row; lists and maps as JSON."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(res.columns)
    for r in res.rows:
        w.writerow([_cell(r[c]) for c in res.columns])
    return buf.getvalue()


def to_json(res: QueryResult) -> str:
    """JSON array of row objects (column order kept)."""
    return json.dumps(res.rows, ensure_ascii=False, indent=1)
