"""Test inputs grown from the samples toward the sizes a statement's constraints allow.

Sample mutations (:mod:`solver.testgen`) keep the samples' sizes, so a quadratic program
looks as good as a linear one and an overflowing program as good as a correct one. This
module grows stdin inputs instead, with no model:

1. **Constraints.** :func:`read_constraints` reads the statement (Markdown or TeX) for
   chains such as ``1 ≤ n ≤ 2·10^5``, ``$1 \\le a_1, \\ldots, a_n \\le 10^9$``, ``|s| ≤ 1000``,
   ``0 ≤ l_i ≤ r_i ≤ n``, sets (``t ∈ {0, 1}``), "between X and Y", "sum of n over all test
   cases does not exceed ..." and ``u ≠ v``, mapping each (subscript-free) name to bounds,
   which may refer to other names.
2. **Structure.** :func:`infer_structure` explains the sample inputs by a small grammar:
   fixed lines, lines of ``count`` tokens, blocks repeated ``count`` times (single lines,
   lines whose shape depends on a leading tag, or several lines per item) where every
   count is a token read earlier (or it minus one). All samples must parse with it.
   Tokens are named by position from the clauses of the statement's input section
   ("Each of the next $m$ lines contains three integers $u$, $v$ and $t$"), else by range.
   Unnamed tokens stay inside what the samples show (or below a count they never exceed).
3. **Growth.** Sizes go near their maxima (some at the maximum, some at a fraction),
   scaled down so an input stays under a byte budget; values are drawn inside their
   ranges, with the extremes often (to expose overflow). Properties every sample shows
   are kept: characters that occur exactly once in a grid, symmetric matrices, sorted,
   distinct or permutation arrays, trees (when the statement says so), edges without
   self-loops or repeats, distinct words.

When the structure cannot be inferred no inputs are returned rather than malformed ones.
"""

from __future__ import annotations

import functools
import itertools
import logging
import math
import random
import re
from dataclasses import dataclass, field
from typing import Callable, Iterator, Mapping, Sequence, Union

import problems

from .testgen import MAX_INPUT_BYTES

log = logging.getLogger(__name__)

#: Bytes the estimate of a grown input aims at (the estimate is rough; the hard bound is
#: ``max_bytes``).
_FILL = 0.85
#: Tokens (or characters) one input may hold at most: a bound on the work to make it.
MAX_WORK = 2_000_000

# =========================================================================== constraint reading

_TEX_SUBS: list[tuple[str, str]] = [
    (r"\\(?:text|mathrm|mathit|mathbf|texttt|mathtt|textrm|textit|textbf|operatorname|mbox|mathsf)\s*\{([^{}]*)\}",
     r"\1"),
    (r"\\(?:leqslant|leq|le)(?![A-Za-z])", "≤"), (r"\\(?:geqslant|geq|ge)(?![A-Za-z])", "≥"),
    (r"\\(?:neq|ne)(?![A-Za-z])", "≠"), (r"\\lt(?![A-Za-z])", "<"), (r"\\gt(?![A-Za-z])", ">"),
    (r"\\(?:cdot|times|ast)(?![A-Za-z])", "·"), (r"\\(?:ldots|cdots|dots|dotsc|dotsb|dotso)(?![A-Za-z])", "…"),
    (r"\\(?:left|right|bigl|bigr|big|Big)(?![A-Za-z])", ""), (r"\\(?:lvert|rvert|vert|mid)(?![A-Za-z])", "|"),
    (r"\\in(?![A-Za-z])", "∈"), (r"\\sum(?![A-Za-z])", " sum "), (r"\\\{", "{"), (r"\\\}", "}"),
    (r"\\[,;:!]", ""), (r"\\ ", " "), (r"~", " "), (r"\\[()\[\]]", " "),
]
_UNICODE_SUBS = [("∑", " sum "), ("⩽", "≤"), ("≦", "≤"), ("⩾", "≥"), ("≧", "≥"), ("−", "-"), ("‒", "-"),
                 ("⋅", "·"),
                 ("×", "·"), ("∙", "·"), ("...", "…"), ("**", "^"), ("<=", "≤"), ("=<", "≤"), (">=", "≥"),
                 ("!=", "≠"), ("<>", "≠"), ("==", "="), ("*", "·"), ("\u2009", ""), ("\u202f", ""), ("\xa0", " ")]


def normalize_math(text: str) -> str:
    """``text`` with TeX relations, products, dots and thousands separators in one plain form:
    ``≤ ≥ < > ≠ = ∈``, ``·``, ``…``, ``^``; ``$`` and backticks removed."""
    for pattern, repl in _TEX_SUBS:
        text = re.sub(pattern, repl, text)
    for old, new in _UNICODE_SUBS:
        text = text.replace(old, new)
    text = text.replace("$", " ").replace("`", " ")
    text = re.sub(r"(?<=\d)[ ,'](?=\d{3}(?!\d))", "", text)  # 100 000, 1,000,000
    text = re.sub(r"(?<=\d)[ ,'](?=\d{3}(?!\d))", "", text)
    return text


@dataclass(frozen=True)
class Lin:
    """A linear expression ``const + Σ coef·name``."""

    const: float = 0
    coefs: tuple[tuple[str, float], ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n, _ in self.coefs)

    def value(self, env: Mapping[str, float]) -> float | None:
        """The value under ``env``, None when a name is missing."""
        total = self.const
        for name, coef in self.coefs:
            v = env.get(name)
            if v is None:
                return None
            total += coef * v
        return total

    def plus(self, other: "Lin", sign: float = 1) -> "Lin":
        coefs = dict(self.coefs)
        for name, coef in other.coefs:
            coefs[name] = coefs.get(name, 0) + sign * coef
        return Lin(self.const + sign * other.const, tuple((n, c) for n, c in coefs.items() if c))

    def times(self, k: float) -> "Lin":
        return Lin(self.const * k, tuple((n, c * k) for n, c in self.coefs))

    def single_name(self) -> str | None:
        """The name when the expression is just one name."""
        if self.const == 0 and len(self.coefs) == 1 and self.coefs[0][1] == 1:
            return self.coefs[0][0]
        return None


_INDEX_SUB = re.compile(r"[0-9]+|[a-z]|[a-z]?\d*[+\-][a-z0-9+\-]*|[a-z0-9 ,+\-]*,[a-z0-9 ,+\-]*")


def base_name(name: str) -> str:
    """A name without an index subscript: ``a_i``, ``a_{i,j}``, ``a_1``, ``a_n`` -> ``a``;
    ``x_S`` and ``x_{max}`` keep theirs; ``|s|`` stays ``|s|`` (with ``s`` reduced)."""
    name = name.strip()
    if name.startswith("|") and name.endswith("|"):
        return "|" + base_name(name[1:-1]) + "|"
    m = re.fullmatch(r"([A-Za-z][A-Za-z0-9]*)'*(?:_(?:\{([^{}]*)\}|([A-Za-z0-9]+)))?'*", name)
    if not m:
        return name
    sub = m.group(2) if m.group(2) is not None else m.group(3)
    if sub is None or _INDEX_SUB.fullmatch(sub.strip()):
        return m.group(1)
    return f"{m.group(1)}_{sub.strip()}"


_NUM_RE = r"\d+(?:\.\d+)?(?:[eE]\d+)?"
_ID_RE = r"[A-Za-z][A-Za-z0-9]*'*(?:_(?:\{[^{}]{1,20}\}|[A-Za-z0-9]+))?'*"
_TOKEN = re.compile(rf"\s*(\|\s*{_ID_RE}\s*\||{_ID_RE}|{_NUM_RE}|[-+·^{{}}()…,])")


class _ExprParser:
    """Recursive descent over ``expr := [-] term (± term)*``, ``term := factor (·? factor)*``,
    ``factor := atom (^ atom)?``, ``atom := number | name | |name| | (expr) | {expr}``."""

    def __init__(self, text: str) -> None:
        self.toks: list[str] = []
        pos = 0
        text = text.strip()
        while pos < len(text):
            m = _TOKEN.match(text, pos)
            if not m:
                raise ValueError(text)
            self.toks.append(m.group(1))
            pos = m.end()
            while pos < len(text) and text[pos].isspace():
                pos += 1
        self.i = 0

    def peek(self) -> str | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> str:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def expr(self) -> Lin:
        sign = 1.0
        while self.peek() in ("-", "+"):
            if self.take() == "-":
                sign = -sign
        value = self.term().times(sign)
        while self.peek() in ("+", "-"):
            sign = 1.0 if self.take() == "+" else -1.0
            value = value.plus(self.term(), sign)
        return value

    def term(self) -> Lin:
        value = self.factor()
        while self.peek() is not None and self.peek() not in ("+", "-", ")", "}", ",", "…", "^"):
            if self.peek() == "·":
                self.take()
            other = self.factor()
            if value.coefs and other.coefs:
                raise ValueError("not linear")
            value = other.times(value.const) if not value.coefs else value.times(other.const)
        return value

    def factor(self) -> Lin:
        base = self.atom()
        if self.peek() == "^":
            self.take()
            exp = self.atom()
            if base.coefs or exp.coefs:
                raise ValueError("not linear")
            return Lin(float(base.const) ** float(exp.const))
        return base

    def atom(self) -> Lin:
        if self.peek() is None:
            raise ValueError("empty")
        tok = self.take()
        if tok in ("(", "{"):
            inner = self.expr()
            if self.peek() not in (")", "}"):
                raise ValueError("unbalanced")
            self.take()
            return inner
        if re.fullmatch(_NUM_RE, tok):
            return Lin(float(tok))
        if tok.startswith("|"):
            return Lin(0, ((base_name(tok.replace(" ", "")), 1.0),))
        if re.fullmatch(_ID_RE, tok):
            return Lin(0, ((base_name(tok), 1.0),))
        raise ValueError(tok)


def parse_expr(text: str) -> Lin | None:
    """``text`` as a linear expression (``2·10^5``, ``10^9+7``, ``n - 1``, ``|s|``), or None."""
    try:
        parser = _ExprParser(text)
        value = parser.expr()
    except (ValueError, IndexError, OverflowError):
        return None
    return value if parser.peek() is None else None


_NUMPOW_RE = rf"{_NUM_RE}(?:\s*\^\s*(?:\{{[^{{}}]{{1,12}}\}}|{_NUM_RE}))?"
_ATOM_RE = rf"(?:\|\s*{_ID_RE}\s*\||\([^()≤≥<>=≠]{{1,30}}\)|{_NUMPOW_RE}(?![\w.])|{_ID_RE}(?![\w']))"
_TERM_RE = rf"(?:{_NUMPOW_RE}\s*(?=[A-Za-z(|]))?{_ATOM_RE}(?:\s*·\s*{_ATOM_RE})*"
_EXPR_RE = rf"-?\s*{_TERM_RE}(?:\s*[-+]\s*{_TERM_RE})*"
_NAME_ITEM = rf"(?:\|\s*{_ID_RE}\s*\||{_ID_RE}(?![\w']))"
_LIST_RE = rf"(?:{_NAME_ITEM}(?:\s*,\s*(?:{_NAME_ITEM}|…))+|{_EXPR_RE}|…)"
_REL_RE = r"[≤≥<>=≠]"
_CHAIN = re.compile(rf"(?<![\w|^])({_LIST_RE})((?:\s*{_REL_RE}\s*{_LIST_RE})+)")
_CHAIN_STEP = re.compile(rf"\s*({_REL_RE})\s*({_LIST_RE})")
_MATH_SPAN = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$|\\\((.+?)\\\)|\\\[(.+?)\\\]", re.S)


@dataclass
class Bounds:
    """What the statement says about one name: lower and upper bounds (expressions with a
    strictness count: ``x < e`` is ``(e, 1)``) and, for ``x ∈ {…}``, the allowed values."""

    lows: list[tuple[Lin, int]] = field(default_factory=list)
    highs: list[tuple[Lin, int]] = field(default_factory=list)
    values: list[float] | None = None


@dataclass
class Constraints:
    """Everything :func:`read_constraints` found, keyed by base names (``|s|`` for lengths)."""

    bounds: dict[str, Bounds] = field(default_factory=dict)
    #: name -> bound on its sum over all test cases
    sums: dict[str, float] = field(default_factory=dict)
    #: pairs of names that must differ (``u ≠ v``)
    distinct: list[tuple[str, str]] = field(default_factory=list)
    #: a range for values the statement bounds without naming ("all coordinates are between ...")
    default: tuple[float, float] | None = None
    #: names stated sorted (``a_1 ≤ a_2 ≤ … ≤ a_n``); True when strictly
    sorted_names: dict[str, bool] = field(default_factory=dict)
    #: names in order of first appearance in the constraints
    order: list[str] = field(default_factory=list)

    def entry(self, name: str) -> Bounds:
        if name not in self.bounds:
            self.bounds[name] = Bounds()
            self.order.append(name)
        return self.bounds[name]

    def lookup(self, name: str) -> str | None:
        """The key for ``name``: itself, else a unique case-insensitive match."""
        if name in self.bounds:
            return name
        matches = [k for k in self.bounds if k.lower() == name.lower()]
        return matches[0] if len(matches) == 1 else None

    def range(self, name: str, env: Mapping[str, float] | None = None,
              integer: bool = True) -> tuple[float | None, float | None]:
        """(low, high) of ``name`` from the bounds that ``env`` lets evaluate (None: unbounded)."""
        key = self.lookup(name)
        if key is None:
            return None, None
        b = self.bounds[key]
        env = env or {}
        lo: float | None = None
        hi: float | None = None
        for expr, strict in b.lows:
            v = expr.value(env)
            if v is not None:
                v = math.floor(v) + strict if integer and strict else (math.ceil(v - 1e-9) if integer else v)
                lo = v if lo is None else max(lo, v)
        for expr, strict in b.highs:
            v = expr.value(env)
            if v is not None:
                v = math.ceil(v) - strict if integer and strict else (math.floor(v + 1e-9) if integer else v)
                hi = v if hi is None else min(hi, v)
        if b.values:
            lo = min(b.values) if lo is None else max(lo, min(b.values))
            hi = max(b.values) if hi is None else min(hi, max(b.values))
        return lo, hi

    def constant_range(self, name: str) -> tuple[float | None, float | None]:
        """(low, high) from the bounds that need no other name."""
        return self.range(name, {})

    def depends(self, name: str) -> tuple[str, ...]:
        """The other names ``name``'s bounds refer to."""
        key = self.lookup(name)
        if key is None:
            return ()
        b = self.bounds[key]
        out: list[str] = []
        for expr, _ in b.lows + b.highs:
            out.extend(n for n in expr.names if n not in out and n != key)
        return tuple(out)

    def allowed(self, name: str | None) -> list[float] | None:
        """The values of ``x ∈ {…}`` for ``name``, if stated."""
        key = self.lookup(name) if name else None
        return self.bounds[key].values if key is not None else None


def _segments(statement: str) -> list[str]:
    """Math spans' contents one by one, then the text around them with each span replaced by a
    barrier (so chains never run from one span into the next)."""
    spans = [next(g for g in m.groups() if g is not None) for m in _MATH_SPAN.finditer(statement)]
    rest = _MATH_SPAN.sub(lambda m: " ⁞ " if re.search(r"[≤≥<>]|\\[lg]e|\\neq?", m.group(0)) else m.group(0),
                          statement)
    return spans + [rest]


def _operand(text: str) -> list[Lin] | None:
    items = [t.strip() for t in re.split(r",(?![^{]*\})", text)] if "," in text else [text]
    out = []
    for item in items:
        if item == "…":
            continue
        expr = parse_expr(item)
        if expr is None:
            return None
        out.append(expr)
    return out or None


def _add_chain(cons: Constraints, operands: list[list[Lin]], rels: list[str]) -> None:
    """Bounds from one monotone run ``o0 r0 o1 r1 …`` whose relations are all ≤, < or =.
    ``a_1 < a_2`` orders items of one array: it bounds neither, nor adds to strictness."""
    singles = [g[0].single_name() if len(g) == 1 else None for g in operands]
    same = [singles[k] is not None and singles[k] == singles[k + 1] for k in range(len(rels))]
    for p, group in enumerate(operands):
        maybe = [e.single_name() for e in group]
        names = [n for n in maybe if n]
        if len(names) < len(maybe):
            continue
        for q, other in enumerate(operands):
            if q == p:
                continue
            lo, hi = (q, p) if q < p else (p, q)
            strict = sum(1 for k in range(lo, hi) if rels[k] == "<" and not same[k])
            for name in names:
                for expr in other:
                    if base_name(name) in expr.names:  # a_1 ≤ a_2: an order, not a bound
                        continue
                    bucket = cons.entry(name).lows if q < p else cons.entry(name).highs
                    bucket.append((expr, strict))
    named = [i for i, g in enumerate(operands) if len(g) == 1 and g[0].single_name()]
    bases = {operands[i][0].single_name() for i in named}
    if len(named) >= 2 and len(bases) == 1 and named == list(range(named[0], named[-1] + 1)):
        cons.sorted_names[bases.pop()] = all(r == "<" for r in rels[named[0]:named[-1]])  # type: ignore[index]


def _runs(operands: list[list[Lin]], rels: list[str],
          breaks: Sequence[bool]) -> Iterator[tuple[list[list[Lin]], list[str]]]:
    """Split a chain into monotone runs written with ≤ (a ≥ run is reversed); ``breaks``
    marks relations that end a run (``≠``, and ``=`` that is no alias)."""
    start = 0
    direction = 0
    for i, rel in enumerate(list(rels) + ["|"]):
        d = 1 if rel in "≤<" else -1 if rel in "≥>" else 0
        cut = rel == "|" or (i < len(breaks) and breaks[i])
        if cut or (d and direction and d != direction):
            ops, rs = operands[start:i + 1], rels[start:i]
            if direction < 0:
                ops, rs = ops[::-1], [{"≥": "≤", ">": "<"}.get(r, r) for r in rs[::-1]]
            if len(ops) >= 2 and direction:
                yield ops, rs
            start, direction = (i + 1 if cut else i), (0 if cut else d)
        elif d:
            direction = d


def _read_chain(cons: Constraints, match: re.Match[str]) -> None:
    first = _operand(match.group(1))
    if first is None:
        return
    operands, rels, raws = [first], [], [match.group(1)]
    for step in _CHAIN_STEP.finditer(match.group(2)):
        if step.group(2).strip() == "…":  # a_1 < a_2 < … < a_n
            continue
        ops = _operand(step.group(2))
        if ops is None:
            break
        rels.append(step.group(1))
        operands.append(ops)
        raws.append(step.group(2))
    _add_relations(cons, operands, rels, raws)


def _family(rel: str) -> str:
    return "order" if rel in "≤≥<>" else rel


def _add_relations(cons: Constraints, operands: list[list[Lin]], rels: list[str], raws: list[str]) -> None:
    """Bounds, aliases and ≠ pairs of one chain. A list of names between relations of two kinds
    (``1 ≤ A, B ≤ N, A ≠ B``) is two operands: ``N`` ends the first chain, ``A`` starts the next;
    a list at the end keeps its first item."""
    for i in range(1, len(operands)):
        if len(operands[i]) > 1 and (i == len(operands) - 1 or _family(rels[i - 1]) != _family(rels[i])):
            head, tail = raws[i].split(",", 1)
            _add_relations(cons, operands[:i] + [operands[i][:1]], rels[:i], raws[:i] + [head])
            if i < len(operands) - 1:
                _add_relations(cons, [operands[i][1:]] + operands[i + 1:], rels[i:], [tail] + raws[i + 1:])
            return
    breaks = []
    for i, rel in enumerate(rels):
        if rel == "≠":
            a, b = operands[i][-1].single_name(), operands[i + 1][0].single_name()
            if a and b and a != b:
                cons.distinct.append((a, b))
        # x_i = 0 or t = 1 speak of some items or cases; m = |P| is an alias
        alias = rel == "=" and all(o.coefs for o in operands[i] + operands[i + 1]) and \
            "_" not in raws[i] + raws[i + 1]
        breaks.append(rel == "≠" or (rel == "=" and not alias))
    for ops, rs in _runs(operands, rels, breaks):
        _add_chain(cons, ops, rs)


_SUM = re.compile(r"(?:sum|total)\s+(?:of\s+)?(?:the\s+)?(?:values\s+of\s+|all\s+)?({id})\b[^.;]{{0,80}}?"
                  r"(?:does\s+not|doesn't|do\s+not|don't|will\s+not|won't|cannot|can't)\s+exceed\s+({e})"
                  r"|(?:sum|total)\s+(?:of\s+)?(?:the\s+)?(?:values\s+of\s+|all\s+)?({id})\b[^.;≤<]{{0,80}}?"
                  r"(?:is\s+at\s+most|is\s+not\s+(?:greater|more)\s+than|is\s+less\s+than\s+or\s+equal\s+to|≤|<)"
                  r"\s*({e})".format(id=_ID_RE, e=_EXPR_RE), re.I)
_IN_SET = re.compile(rf"({_NAME_ITEM}(?:\s*,\s*{_NAME_ITEM})*)\s*∈\s*\{{([^{{}}]*)\}}")
_IN_INTERVAL = re.compile(rf"({_NAME_ITEM}(?:\s*,\s*{_NAME_ITEM})*)\s*∈\s*([\[(])([^,\]\[()]+),([^,\]\[()]+)([\])])")
_BETWEEN = re.compile(rf"between\s+({_EXPR_RE})\s+and\s+({_EXPR_RE})", re.I)
_ABS = re.compile(rf"(?:absolute\s+values?[^.;]{{0,40}}?(?:at\s+most|not\s+exceed|exceed|up\s+to|≤)\s*({_EXPR_RE})"
                  rf"|(?:at\s+most|not\s+exceed|does\s+not\s+exceed)\s*({_EXPR_RE})\s+(?:by|in)\s+absolute\s+value)",
                  re.I)


def _read_between(cons: Constraints, flat: str) -> None:
    """"<name> is between A and B" bounds the name; without a name nearby it is the default
    range of unnamed values (as is "at most X in absolute value")."""
    for m in _BETWEEN.finditer(flat):
        lo, hi = parse_expr(m.group(1)), parse_expr(m.group(2))
        if lo is None or hi is None:
            continue
        before = flat[max(0, m.start() - 60):m.start()]
        before = re.split(r"[.;:]\s", before)[-1]
        named = re.search(rf"(?:^|\s)({_NAME_ITEM}(?:\s*,\s*{_NAME_ITEM})*)\s+(?:is|are|lies?|must\s+be)\s+"
                          rf"(?:(?:an?\s+)?(?:integers?|numbers?|values?)\s+)?$", before)
        if named and len(named.group(1)) <= 12 and not re.fullmatch(r"[a-z]{3,}", named.group(1)):
            for name in named.group(1).split(","):
                b = cons.entry(base_name(name.strip()))
                b.lows.append((lo, 0))
                b.highs.append((hi, 0))
        elif not lo.coefs and not hi.coefs and re.search(r"integer|number|value|coordinate", before, re.I):
            if cons.default is None:
                cons.default = (lo.const, hi.const)
    for m in _ABS.finditer(flat):
        bound = parse_expr(m.group(1) or m.group(2))
        if bound is not None and not bound.coefs and cons.default is None:
            cons.default = (-bound.const, bound.const)


def read_constraints(statement: str) -> Constraints:
    """The constraints a statement states (see the module docstring for the forms read)."""
    cons = Constraints()
    for segment in _segments(statement):
        text = normalize_math(segment)
        for m in _CHAIN.finditer(text):
            _read_chain(cons, m)
        for m in _IN_SET.finditer(text):
            exprs = [parse_expr(v) for v in m.group(2).split(",")]
            values = [e.const for e in exprs if e is not None and not e.coefs]
            for name in m.group(1).split(","):
                if values:
                    cons.entry(base_name(name.strip())).values = values
        for m in _IN_INTERVAL.finditer(text):
            lo, hi = parse_expr(m.group(3)), parse_expr(m.group(4))
            if lo is None or hi is None:
                continue
            for name in m.group(1).split(","):
                b = cons.entry(base_name(name.strip()))
                b.lows.append((lo, int(m.group(2) == "(")))
                b.highs.append((hi, int(m.group(5) == ")")))
    flat = normalize_math(statement)
    for m in _SUM.finditer(flat):
        name, bound = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        expr = parse_expr(bound)
        if expr is not None and not expr.coefs:
            cons.sums[base_name(name)] = expr.const
    _read_between(cons, flat)
    return cons


# =========================================================================== the input format

@dataclass
class Clause:
    """One clause of the input section: the names it gives values to (in order), the names
    (or expressions) it uses as counts, the array it describes, if any, and how many
    values it declares ("two integers")."""

    names: list[str]
    counts: list[str]
    array: str | None = None
    declared: int | None = None
    text: str = ""
    #: True for "each of the next n lines", False for "the second line", else None
    repeated: bool | None = None


_HEADINGS = ("input", "output", "constraint", "constraints", "example", "examples", "sample", "samples",
             "note", "notes", "interaction", "explanation", "scoring", "subtask", "subtasks", "limits",
             "sample input", "sample output", "examples input", "output format", "input format")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "single": 1, "a single": 1, "two": 2, "three": 3, "four": 4,
                 "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_COUNT_NOUN = r"(?:lines?|integers?|numbers?|characters?|strings?|words?|rows?|columns?|queries|pairs?|values?|" \
              r"elements?|letters?|digits?|symbols?|tokens?|entries|items?|operations?|requests?|edges?|points?)"


_ADJECTIVE = r"(?!(?:of|the|from|to|and|or|in|on|with|each|is|are|a|an|for|that|which)\b)[A-Za-z][A-Za-z-]*"


def _heading(line: str) -> str | None:
    """The heading a line is (lower case, e.g. ``input``), or None."""
    s = line.strip()
    if re.fullmatch(r"\\InputFile\b.*", s):
        return "input"
    if re.fullmatch(r"\\OutputFile\b.*", s) or re.fullmatch(r"\\(?:Examples?|exmp|Note)\b.*", s):
        return "output"
    s = re.sub(r"^\\(?:sub)*section\*?\{(.*)\}$", r"\1", s)
    s = re.sub(r"^\\textbf\{(.*)\}$", r"\1", s)
    s = re.sub(r"^#{1,6}\s*|^-{3,}\s*|\s*-{3,}$|^\*\*|\*\*$|^__|__$", "", s).strip().rstrip(":").strip().lower()
    s = re.sub(r"\s+(?:format|specification|data|description|file|\d+)$", "", s)
    return s if s in _HEADINGS else None


def input_section(statement: str) -> str | None:
    """The text under the statement's Input heading, up to the next heading; None without one."""
    lines = statement.splitlines()
    start = None
    for i, line in enumerate(lines):
        h = _heading(line)
        if start is None and h == "input":
            start = i + 1
        elif start is not None and h is not None:
            return "\n".join(lines[start:i])
    return "\n".join(lines[start:]) if start is not None else None


def _span_names(content: str) -> tuple[list[str], bool] | None:
    """Names in a math span listing identifiers (``a_1, \\ldots, a_n``; ``x, y``), and whether it
    is an array; None when the span is something else (an expression, a number)."""
    text = normalize_math(content).strip()
    parts = [p.strip() for p in re.split(r",(?![^{]*\})|\band\b", text) if p.strip()]
    names: list[str] = []
    array = False
    for part in parts:
        if part == "…":
            array = True
            continue
        if not re.fullmatch(_NAME_ITEM, part):
            return None
        names.append(base_name(part.replace(" ", "")))
    if not names:
        return None
    if len(names) >= 2 and len(set(names)) == 1:
        array = True
    if array:
        names = list(dict.fromkeys(names))
    return names, array


def _split_clauses(section: str) -> list[str]:
    """Sentences (and bullet items) of a section; "…, and the fourth line …" starts a new one."""
    text = re.sub(r"\n\s*[-*•]\s+", "\n\n", section)
    pieces: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split())
        para = re.sub(r",?\s+and\s+(?=(?:the|then)\s+\w+\s+(?:line|row)s?\b)", "\u2042", para, flags=re.I)
        for part in para.split("\u2042"):
            pieces.extend(p for p in re.split(r"(?<=[.!?])\s+(?=[A-Z(\\$])", part) if p.strip())
    return pieces


def _clause(text: str, plain_names: set[str] | None) -> Clause:
    """Read one clause. With ``plain_names`` (a statement without math delimiters) bare words
    that are constrained names count as names."""
    names: list[str] = []
    counts: list[str] = []
    array: str | None = None
    first_value_at: int | None = None
    if plain_names is None:
        found = [(m.start(), m.end(), next(g for g in m.groups() if g is not None)) for m in _MATH_SPAN.finditer(text)]
    else:
        found = [(m.start(), m.end(), m.group(0)) for m in re.finditer(_ID_RE, text)
                 if base_name(m.group(0)) in plain_names]
    for start, end, content in found:
        if re.search(r"[≤≥<>=≠]|\\(?:le|ge|leq|geq|ne|neq|lt|gt)(?![A-Za-z])", content):
            continue  # a constraint, not a name
        after, before = text[end:end + 40], text[max(0, start - 24):start]
        is_count = bool(re.match(rf"\s*(?:{_ADJECTIVE}\s+){{0,2}}?{_COUNT_NOUN}\b", after, re.I)) or \
            bool(re.search(r"(?:next|following|then|remaining|first|last)\s*$", before, re.I))
        spanned = _span_names(content)
        if is_count:
            expr = normalize_math(content).strip()
            if spanned and not spanned[1]:
                counts.extend(spanned[0])
            elif parse_expr(expr) is not None:
                counts.append(expr)
            continue
        if spanned is None:
            continue
        span_names, is_array = spanned
        if first_value_at is None:
            first_value_at = start
        if is_array and array is None:
            array = span_names[0]
        names.extend(n for n in span_names if n not in names)
    declared = None
    head = text[:first_value_at] if first_value_at is not None else text
    m = re.search(r"\b(a single|single|an|a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                  r"(?:(?:positive|non-negative|nonnegative|negative|space-separated|distinct|real|natural)\s+)*"
                  r"(?:integers?|numbers?|values?)\b", head, re.I)
    if m:
        word = m.group(1).lower()
        declared = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
    repeated = None
    if re.search(r"\b(?:each\s+of\s+the|next|following|then|remaining)\b[^.]*\blines\b|\blines\s+follow", text, re.I):
        repeated = True
    elif re.search(r"\b(?:first|second|third|fourth|fifth|sixth|last|only|next)\s+line\b", text, re.I) and \
            not re.search(r"\beach\b|\bevery\b|test\s+case|query|block", text, re.I):
        repeated = False
    return Clause(names, counts, array, declared, text, repeated)


def input_clauses(statement: str, known: Sequence[str] = ()) -> list[Clause]:
    """The clauses of the input section that name values or counts, in order. Without an
    Input heading, the statement's clauses that speak of lines."""
    section = input_section(statement)
    whole = section is None
    text = statement if whole else section
    assert text is not None
    plain = None if _MATH_SPAN.search(text) else {base_name(k.strip("|")) for k in known}
    out = []
    for piece in _split_clauses(text):
        if whole and not re.search(r"\bline", piece, re.I):
            continue
        clause = _clause(piece, plain)
        if clause.names or clause.counts:
            out.append(clause)
    return out


def line_templates(statement: str) -> dict[str, list[str]]:
    """Literal line forms such as ```1 i a b```, ``$2$ $l$ $r$`` or ```C```: tag -> names of the
    rest. A bare tag (no names) counts only in a code span."""
    out: dict[str, list[str]] = {}
    spans = [(m.group(1), True) for m in re.finditer(r"`([^`\n]{1,40})`", statement)]
    spans += [(m.group(0).replace("$", " "), False)
              for m in re.finditer(r"\$[^$\n]{1,20}\$(?:[ ~]+\$[^$\n]{1,20}\$)+", statement)]
    spans += [(next(g for g in m.groups() if g is not None), False) for m in _MATH_SPAN.finditer(statement)]
    for span, code in spans:
        text = normalize_math(span).strip()
        if re.search(r"[≤≥<>=≠]", text):
            continue
        toks = text.split()
        if not toks or not re.fullmatch(r"-?\d+|[A-Za-z]+|[+\-?!#*]", toks[0]):
            continue
        if len(toks) > 1 and not all(re.fullmatch(_ID_RE, t) for t in toks[1:]):
            continue
        if len(toks) == 1 and not (code and re.fullmatch(r"-?\d+|[A-Z]{1,6}|[+\-?!#*]", toks[0])):
            continue
        out.setdefault(toks[0], [base_name(t) for t in toks[1:]])
    return out


# =========================================================================== structure

@dataclass(frozen=True)
class Ref:
    """A count: the value of ``slot`` plus ``offset``."""

    slot: int
    offset: int = 0


@dataclass(eq=False)
class Tok:
    """One token position of a line; ``kind`` is ``int``, ``dec`` or ``word``."""

    slot: int
    kind: str


@dataclass(eq=False)
class Line:
    """A line of a fixed number of tokens."""

    toks: list[Tok]


@dataclass(eq=False)
class Array:
    """A line of ``count`` tokens of one kind; with ``head`` the line starts with its count."""

    elem: Tok
    count: Ref | None = None
    head: Tok | None = None


@dataclass(eq=False)
class Choice:
    """A line whose shape depends on its first token (a tag such as ``B`` or ``1``)."""

    variants: dict[str, Line]
    weights: dict[str, int] = field(default_factory=dict)


@dataclass(eq=False)
class Repeat:
    """``count`` items, each following ``body``."""

    count: Ref
    body: list["Node"]


Node = Union[Line, Array, Choice, Repeat]

_INT_TOKEN = re.compile(r"-?\d+")
_DEC_TOKEN = re.compile(r"-?\d*\.\d+|-?\d+\.\d*")


def _token_kind(text: str) -> str:
    if _INT_TOKEN.fullmatch(text):
        return "int"
    if _DEC_TOKEN.fullmatch(text):
        return "dec"
    return "word"


def _fits(kind: str, text: str) -> bool:
    if kind == "int":
        return bool(_INT_TOKEN.fullmatch(text))
    if kind == "dec":
        return bool(_INT_TOKEN.fullmatch(text) or _DEC_TOKEN.fullmatch(text))
    return bool(text)


def _unify(kinds: Sequence[str]) -> str | None:
    """One kind for a column: int, dec (ints and decimals), word (all words), else None."""
    s = set(kinds)
    if s <= {"int"}:
        return "int"
    if s <= {"int", "dec"}:
        return "dec"
    if s == {"word"}:
        return "word"
    return None


def split_lines(text: str) -> list[list[str]]:
    """A sample as lines of space-separated tokens (trailing empty lines dropped)."""
    lines = text.replace("\r\n", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    return [line.split() for line in lines]


@dataclass
class Trace:
    """What matching samples against a grammar saw: each slot's (text, counts in scope) and
    each node's occurrences (token rows)."""

    slots: dict[int, list[tuple[str, dict[int, int]]]] = field(default_factory=dict)
    nodes: dict[int, list[list[list[str]]]] = field(default_factory=dict)

    def see(self, slot: int, text: str, env: dict[int, int]) -> None:
        self.slots.setdefault(slot, []).append((text, env))


class _Matcher:
    """Parses samples with a grammar (counts come from the values read)."""

    def __init__(self, new_slot: Iterator[int]) -> None:
        self.new_slot = new_slot

    def count(self, ref: Ref, env: dict[int, int]) -> int | None:
        v = env.get(ref.slot)
        return None if v is None else v + ref.offset

    def line(self, line: Line, toks: list[str], env: dict[int, int], trace: Trace | None) -> bool:
        if len(toks) != len(line.toks) or not all(_fits(t.kind, s) for t, s in zip(line.toks, toks)):
            return False
        for t, s in zip(line.toks, toks):
            if t.kind == "int":
                env[t.slot] = int(s)
        if trace is not None:
            snap = dict(env)
            for t, s in zip(line.toks, toks):
                trace.see(t.slot, s, snap)
        return True

    def nodes(self, nodes: Sequence[Node], lines: list[list[str]], pos: int, env: dict[int, int],
              trace: Trace | None = None) -> int | None:
        for node in nodes:
            start = pos
            if isinstance(node, Repeat):
                c = self.count(node.count, env)
                if c is None or c < 0:
                    return None
                for _ in range(c):
                    got = self.nodes(node.body, lines, pos, env, trace)
                    if got is None:
                        return None
                    pos = got
                if trace is not None:
                    trace.nodes.setdefault(id(node), []).append(lines[start:pos])
                continue
            if pos >= len(lines):
                return None
            toks = lines[pos]
            if isinstance(node, Line):
                if not self.line(node, toks, env, trace):
                    return None
            elif isinstance(node, Choice):
                if not toks:
                    return None
                variant = node.variants.get(toks[0])
                if variant is None:
                    kinds = [_token_kind(s) for s in toks]
                    variant = Line([Tok(next(self.new_slot), k) for k in kinds])
                    node.variants[toks[0]] = variant
                if trace is not None:
                    node.weights[toks[0]] = node.weights.get(toks[0], 0) + 1
                if not self.line(variant, toks, env, trace):
                    return None
            elif isinstance(node, Array):
                body = toks
                if node.head is not None:
                    if not toks or not _INT_TOKEN.fullmatch(toks[0]):
                        return None
                    c = int(toks[0])
                    body = toks[1:]
                else:
                    c = self.count(node.count, env) if node.count else None
                if c is None or c != len(body) or not all(_fits(node.elem.kind, s) for s in body):
                    return None
                if trace is not None:
                    snap = dict(env)
                    if node.head is not None:
                        trace.see(node.head.slot, toks[0], snap)
                    for s in body:
                        trace.see(node.elem.slot, s, snap)
                    trace.nodes.setdefault(id(node), []).append([body])
            pos += 1
        return pos


class _Explainer:
    """Enumerates grammars that explain one sample exactly (bounded search)."""

    MAX_STEPS = 20000
    #: grammars taken from what follows one candidate node (keeps the search broad)
    PER_CANDIDATE = 25

    def __init__(self, lines: list[list[str]], new_slot: Iterator[int], tags: set[str]) -> None:
        self.lines = lines
        self.new_slot = new_slot
        self.tags = tags
        self.steps = 0
        self.matcher = _Matcher(new_slot)

    def _line(self, rows: Sequence[list[str]]) -> Line | None:
        if len({len(r) for r in rows}) != 1:
            return None
        kinds = [_unify([_token_kind(r[i]) for r in rows]) for i in range(len(rows[0]))]
        if any(k is None for k in kinds):
            return None
        return Line([Tok(next(self.new_slot), k) for k in kinds])  # type: ignore[arg-type]

    @staticmethod
    def _refs(env: dict[int, int], value: int) -> list[Ref]:
        return [Ref(slot, off) for slot, v in env.items() for off in (0, -1) if v + off == value]

    def _bodies(self, pos: int, c: int, end: int, env: dict[int, int]) -> Iterator[tuple[list[Node], int]]:
        """One-line bodies for a block of ``c`` items starting at ``pos``."""
        if pos + c <= end:
            rows = self.lines[pos:pos + c]
            line = self._line(rows)
            same = line is not None
            kinds = _unify([_token_kind(s) for r in rows for s in r]) if all(rows) else None
            if kinds is not None:
                lengths = {len(r) for r in rows}
                for slot, v in env.items():
                    for off in (0, -1):
                        if all(len(r) == v + off for r in rows) and (v + off >= 1):
                            yield [Array(Tok(next(self.new_slot), kinds), Ref(slot, off))], pos + c
                if len(lengths) > 1 and all(r and _INT_TOKEN.fullmatch(r[0]) and int(r[0]) == len(r) - 1 for r in rows):
                    rest_kind = _unify([_token_kind(s) for r in rows for s in r[1:]]) or "int"
                    yield [Array(Tok(next(self.new_slot), rest_kind), None, Tok(next(self.new_slot), "int"))], pos + c
            if all(rows):
                keys: dict[str, list[list[str]]] = {}
                for r in rows:
                    keys.setdefault(r[0], []).append(r)
                words = all(not _INT_TOKEN.fullmatch(k) for k in keys)
                repeats = len(keys) <= 4 and len(rows) > len(keys)
                tagged = (len(keys) > 1 and set(keys) <= self.tags) or (not same and (words or repeats))
                if tagged and len(keys) <= 8 and all(self._line(group) for group in keys.values()):
                    variants = {k: self._line(group) for k, group in keys.items()}
                    yield [Choice(variants)], pos + c  # type: ignore[arg-type]
            if line is not None:
                yield [line], pos + c

    def _block_bodies(self, pos: int, c: int, end: int, env: dict[int, int],
                      depth: int) -> Iterator[tuple[list[Node], int]]:
        """Bodies of several lines for a block of ``c`` items (test cases) starting at ``pos``;
        not inside another such body."""
        if depth >= 1:
            return
        for j in range(pos + 2, end - (c - 1) + 1):  # every other item takes a line at least
            for body in self.explain(pos, j, dict(env), depth + 1):
                if len(body) < 2 and not isinstance(body[0], Repeat):
                    continue
                cur = j
                ok = True
                for _ in range(c - 1):
                    got = self.matcher.nodes(body, self.lines, cur, dict(env))
                    if got is None or got > end:
                        ok = False
                        break
                    cur = got
                if ok:
                    yield body, cur

    def _candidates(self, pos: int, end: int, env: dict[int, int],
                    depth: int) -> Iterator[tuple[Node, int, dict[int, int]]]:
        """Nodes that may start at ``pos``: (node, position after it, counts in scope after it)."""
        toks = self.lines[pos]
        counts = [(slot, off, v + off) for slot, v in list(env.items()) for off in (0, -1) if v + off >= 1]
        for slot, off, c in counts:
            for body, after in self._bodies(pos, c, end, env):
                yield Repeat(Ref(slot, off), body), after, env
        kind = _unify([_token_kind(s) for s in toks]) if toks else None
        if kind is not None:
            for ref in self._refs(env, len(toks)):
                yield Array(Tok(next(self.new_slot), kind), ref), pos + 1, env
            if len(toks) >= 2 and _INT_TOKEN.fullmatch(toks[0]) and int(toks[0]) == len(toks) - 1:
                rest_kind = _unify([_token_kind(s) for s in toks[1:]]) or "int"
                yield Array(Tok(next(self.new_slot), rest_kind), None, Tok(next(self.new_slot), "int")), pos + 1, env
        for slot, off, c in counts:
            for body, after in self._block_bodies(pos, c, end, env, depth):
                yield Repeat(Ref(slot, off), body), after, env
        line = self._line([toks])
        if line is not None:
            new_env = dict(env)
            for t, s in zip(line.toks, toks):
                if t.kind == "int" and 0 <= int(s) <= 10 ** 7:
                    new_env[t.slot] = int(s)
            yield line, pos + 1, new_env

    def explain(self, pos: int, end: int, env: dict[int, int], depth: int = 0,
                others: list[tuple[list[list[str]], int, dict[int, int]]] | None = None) -> Iterator[list[Node]]:
        """Every grammar (up to the search bound) that consumes exactly ``lines[pos:end]`` and,
        with ``others`` (the other samples: lines, position, values read), all of them too."""
        self.steps += 1
        if self.steps > self.MAX_STEPS:
            return
        if pos == end:
            if others is None or all(p == len(lines) for lines, p, _ in others):
                yield []
            return
        for node, after, new_env in self._candidates(pos, end, env, depth):
            nxt: list[tuple[list[list[str]], int, dict[int, int]]] | None = None
            if others is not None:
                nxt = []
                for lines, p, values in others:
                    values = dict(values)
                    got = self.matcher.nodes([node], lines, p, values)
                    if got is None:
                        break
                    nxt.append((lines, got, values))
                if len(nxt) != len(others):
                    continue
            for rest in itertools.islice(self.explain(after, end, new_env, depth, nxt), self.PER_CANDIDATE):
                yield [node] + rest


def _walk(nodes: Sequence[Node]) -> Iterator[Node]:
    for node in nodes:
        yield node
        if isinstance(node, Repeat):
            yield from _walk(node.body)


def _complexity(nodes: Sequence[Node]) -> float:
    """Smaller for grammars that explain more with counts (used to break ties)."""
    total = 0.0
    for node in _walk(nodes):
        if isinstance(node, Line):
            total += 1 + 0.1 * len(node.toks)
        elif isinstance(node, Choice):
            total += 1.5 + 0.1 * sum(len(v.toks) for v in node.variants.values())
        elif isinstance(node, Array):
            total += 1.05 + (0.05 if node.count and node.count.offset else 0)
        else:
            nested = len(node.body) == 1 and isinstance(node.body[0], Repeat)
            total += 1 + (0.05 if node.count.offset else 0) + (1 if nested else 0)
    return total


def candidate_structures(samples: Sequence[str], tags: Sequence[str] = (), limit: int = 400) -> list[list[Node]]:
    """Grammars that parse every sample (most explanatory first)."""
    parsed = [split_lines(s) for s in samples]
    if not parsed or any(not p for p in parsed):
        return []
    order = sorted(range(len(parsed)), key=lambda i: -sum(len(r) for r in parsed[i]))
    new_slot = itertools.count()
    found: list[list[Node]] = []
    for primary in order:
        explainer = _Explainer(parsed[primary], new_slot, set(tags))
        matcher = _Matcher(new_slot)
        others: list[tuple[list[list[str]], int, dict[int, int]]] = [
            (p, 0, {}) for i, p in enumerate(parsed) if i != primary]
        for grammar in itertools.islice(explainer.explain(0, len(parsed[primary]), {}, 0, others), limit):
            if all(matcher.nodes(grammar, p, 0, {}) == len(p) for p in parsed):
                found.append(grammar)
        if found:
            break
    found.sort(key=_complexity)
    return found


def infer_structure(samples: Sequence[str], tags: Sequence[str] = ()) -> list[Node] | None:
    """The most explanatory grammar that parses every sample, or None."""
    found = candidate_structures(samples, tags)
    return found[0] if found else None


# =========================================================================== naming

def _line_nodes(nodes: Sequence[Node], count: Ref | None = None,
                inside: bool = False) -> Iterator[tuple[Node, Ref | None, bool]]:
    """Line-like nodes in reading order with their count (an array's own, else the count of
    the block that repeats them) and whether a block repeats them."""
    for node in nodes:
        if isinstance(node, Repeat):
            yield from _line_nodes(node.body, node.count, True)
        else:
            yield node, (node.count if isinstance(node, Array) and node.count else count), inside


def _compatible(node: Node, clause: Clause) -> bool:
    if isinstance(node, Line):
        k = len(node.toks)
        if clause.declared is not None and clause.declared != k and not (clause.array and clause.declared == 1):
            return False
        return len(clause.names) >= k or (clause.array is not None and clause.declared is None)
    if isinstance(node, Array):
        return clause.array is not None or (bool(clause.names) and clause.declared is None)
    return bool(clause.counts) or bool(clause.names)


def name_slots(grammar: Sequence[Node], clauses: Sequence[Clause], templates: Mapping[str, list[str]],
               known: Sequence[str] = ()) -> tuple[dict[int, str], float]:
    """Names for the grammar's slots from the input clauses (by position) and line templates,
    with a score of how well the clauses fit the grammar. ``known`` are the constrained
    names (preferred for an array when a clause names several things)."""
    names: dict[int, str] = {}
    score = 0.0
    ptr = 0
    for node, count, inside in _line_nodes(grammar):
        want = names.get(count.slot) if count else None
        choices = [i for i in range(ptr, len(clauses)) if _compatible(node, clauses[i])][:3]
        if not choices:
            continue
        pick = choices[0]
        if want is not None:
            for i in choices:
                if any(base_name(c) == want or c.replace(" ", "").startswith(want) for c in clauses[i].counts):
                    pick = i
                    break
        clause = clauses[pick]
        ptr = pick + 1
        score += 1
        if clause.repeated is not None:
            score += 0.5 if clause.repeated == inside else -1
        if want is not None and clause.counts:
            hit = any(base_name(c) == want or re.sub(r"\s", "", c).startswith(want) for c in clause.counts)
            score += 2 if hit else -1
        if isinstance(node, Line):
            if clause.array is not None and clause.declared is None and len(clause.names) < len(node.toks):
                for t in node.toks:
                    names[t.slot] = clause.array
                score -= 1
            else:
                for t, n in zip(node.toks, clause.names):
                    names[t.slot] = n
        elif isinstance(node, Array):
            if node.head is not None:
                outer = names.get(count.slot) if count else None
                counts = [base_name(c) for c in clause.counts if base_name(c) != outer and re.fullmatch(_ID_RE, c)]
                if counts:
                    names[node.head.slot] = counts[0]
                if clause.array:
                    names[node.elem.slot] = clause.array
            else:
                constrained = [n for n in clause.names if n in known]
                names[node.elem.slot] = clause.array or (constrained or clause.names)[0]
    for node in _walk(grammar):
        if isinstance(node, Choice):
            for tag, line in node.variants.items():
                tpl = templates.get(tag)
                if tpl is not None and len(tpl) == len(line.toks) - 1:
                    score += 1
                    for t, n in zip(line.toks[1:], tpl):
                        names[t.slot] = n
    return names, score


# =========================================================================== analysis

@dataclass
class SlotInfo:
    """What generation needs to know about one slot."""

    kind: str
    name: str | None = None
    texts: list[str] = field(default_factory=list)
    envs: list[dict[int, int]] = field(default_factory=list)
    bound_slot: int | None = None  # unnamed ints never exceed this count
    length_ref: Ref | None = None  # words as long as a count
    low_one: bool = True
    alphabet: list[str] = field(default_factory=list)
    weights: list[int] = field(default_factory=list)
    choices: list[str] | None = None  # words taken from those seen
    distinct: bool = False
    decimals: int = 0
    sizeable: bool = False  # a word whose length the statement bounds

    @property
    def ints(self) -> list[int]:
        return [int(t) for t in self.texts if _INT_TOKEN.fullmatch(t)]

    @property
    def width(self) -> int:
        return max((len(t) for t in self.texts), default=1)


@dataclass
class Plan:
    """The grammar with names and what the samples show about it."""

    grammar: list[Node]
    names: dict[int, str]
    slots: dict[int, SlotInfo]
    cons: Constraints
    size_slots: set[int]
    tree: bool
    node_props: dict[int, dict[str, object]]
    final_newline: bool


def _slot_kinds(grammar: Sequence[Node]) -> dict[int, str]:
    out: dict[int, str] = {}
    for node in _walk(grammar):
        if isinstance(node, Line):
            out.update((t.slot, t.kind) for t in node.toks)
        elif isinstance(node, Choice):
            for line in node.variants.values():
                out.update((t.slot, t.kind) for t in line.toks)
        elif isinstance(node, Array):
            out[node.elem.slot] = node.elem.kind
            if node.head:
                out[node.head.slot] = "int"
    return out


def _names_env(names: Mapping[int, str], env: Mapping[int, int]) -> dict[str, float]:
    return {names[s]: v for s, v in env.items() if s in names}


def _check_names(names: dict[int, str], slots: dict[int, SlotInfo], cons: Constraints) -> None:
    """Drop names whose constraints the samples break (a misaligned clause)."""
    for slot, name in list(names.items()):
        info = slots.get(slot)
        if info is None:
            continue
        for text, env in zip(info.texts, info.envs):
            nenv = _names_env(names, env)
            if info.kind == "word":
                lo, hi = cons.range(f"|{name}|", nenv)
                value: float = len(text)
            else:
                lo, hi = cons.range(name, nenv, integer=info.kind == "int")
                if lo is None and hi is None:
                    lo, hi = _abs_range(cons, name, nenv)
                value = float(text)
            if (lo is not None and value < lo - 1e-9) or (hi is not None and value > hi + 1e-9):
                log.debug("name %s does not fit sample value %s; dropped", name, text)
                del names[slot]
                break


def _abs_range(cons: Constraints, name: str, env: Mapping[str, float]) -> tuple[float | None, float | None]:
    _, hi = cons.range(f"|{name}|", env)
    return (-hi, hi) if hi is not None else (None, None)


def _name_by_range(names: dict[int, str], slots: dict[int, SlotInfo], cons: Constraints,
                   order: Sequence[int]) -> None:
    """Unnamed numeric slots take a constrained name not used yet whose constant range holds all
    their values, when exactly one fits."""
    used = set(names.values())
    free = [n for n in cons.order if n not in used and not n.startswith("|") and cons.constant_range(n) != (None, None)]
    for slot in order:
        info = slots[slot]
        if slot in names or info.kind == "word" or not info.texts:
            continue
        values = [float(t) for t in info.texts]
        fit = []
        for n in free:
            lo, hi = cons.constant_range(n)
            if (lo is None or min(values) >= lo) and (hi is not None and max(values) <= hi):
                fit.append(n)
        if len(fit) == 1:
            names[slot] = fit[0]
            free.remove(fit[0])


def _scalar_slots(grammar: Sequence[Node]) -> list[int]:
    return [t.slot for node in _walk(grammar) if isinstance(node, Line) for t in node.toks]


def _digit_strings(grammar: Sequence[Node], slots: dict[int, SlotInfo], scalars: set[int]) -> None:
    """Unnamed integer tokens that are strings of digits (a leading zero, or as long as a count
    every time) become words."""
    for node in _walk(grammar):
        if not isinstance(node, Line):
            continue
        for tok in node.toks:
            info = slots[tok.slot]
            if tok.kind != "int" or info.name or not info.texts:
                continue
            zeros = any(re.fullmatch(r"-?0\d+", t) for t in info.texts)
            counted = len(info.texts) >= 2 and max(map(len, info.texts)) >= 2 and all(
                any(v == len(t) for s, v in env.items() if s in scalars and s != tok.slot)
                for t, env in zip(info.texts, info.envs))
            if zeros or counted:
                tok.kind = info.kind = "word"
                scalars.discard(tok.slot)


def _analyse_slot(slot: int, info: SlotInfo, names: Mapping[int, str], cons: Constraints,
                  scalars: set[int], statement: str) -> None:
    if info.kind == "word":
        chars: dict[str, int] = {}
        for t in info.texts:
            for ch in t:
                chars[ch] = chars.get(ch, 0) + 1
        info.alphabet = list(chars)
        info.weights = list(chars.values())
        if len(info.texts) >= 3 and len(set(info.texts)) < len(info.texts) and max(map(len, info.texts)) <= 12 \
                and not (names.get(slot) and cons.lookup(f"|{names[slot]}|")):
            info.choices = list(dict.fromkeys(info.texts))
        info.distinct = len(info.texts) >= 3 and len(set(info.texts)) == len(info.texts)
        refs: set[int] | None = None
        for text, env in zip(info.texts, info.envs):
            cands = {s for s, v in env.items() if s in scalars and v == len(text)}
            refs = cands if refs is None else refs & cands
        if refs:  # as long as a count every time: prefer a named count, then the earliest
            info.length_ref = Ref(min(refs, key=lambda r: (names.get(r) is None, r)))
        if names.get(slot) and cons.lookup(f"|{names[slot]}|") and info.length_ref is None:
            info.sizeable = True
        return
    if info.kind == "dec":
        info.decimals = max((len(t.split(".")[1]) for t in info.texts if "." in t), default=1)
    values = [float(t) for t in info.texts]
    info.low_one = bool(values) and min(values) >= 1
    if names.get(slot) or info.kind != "int" or not values or min(values) < 0:
        return
    best: int | None = None
    for s in scalars:
        if s == slot:
            continue
        pairs = [(int(t), env.get(s)) for t, env in zip(info.texts, info.envs)]
        if any(b is None or v > b for v, b in pairs):
            continue
        if max(v / b for v, b in pairs if b) >= 0.5 and all(b for _, b in pairs):
            if best is None or (names.get(s) is not None and names.get(best) is None):
                best = s
    info.bound_slot = best


def analyse(grammar: list[Node], samples: Sequence[str], statement: str, cons: Constraints,
            names: dict[int, str]) -> Plan | None:
    """Collect each slot's sample values and derive what generation keeps from them."""
    kinds = _slot_kinds(grammar)
    slots = {s: SlotInfo(k, names.get(s)) for s, k in kinds.items()}
    trace = Trace()
    matcher = _Matcher(itertools.count(10 ** 9))
    for sample in samples:
        if matcher.nodes(grammar, split_lines(sample), 0, {}, trace) is None:
            return None
    kinds = _slot_kinds(grammar)  # Choice may have learnt variants
    for s, k in kinds.items():
        slots.setdefault(s, SlotInfo(k, names.get(s)))
    for slot, seen in trace.slots.items():
        slots[slot].texts = [t for t, _ in seen]
        slots[slot].envs = [e for _, e in seen]
    _check_names(names, slots, cons)
    _name_by_range(names, slots, cons, sorted(slots))
    for slot, info in slots.items():
        info.name = names.get(slot)
    scalars = set(_scalar_slots(grammar))
    _digit_strings(grammar, slots, scalars)
    for slot, info in slots.items():
        _analyse_slot(slot, info, names, cons, scalars, statement)
    size_slots: set[int] = set()
    for node in _walk(grammar):
        if isinstance(node, Repeat):
            size_slots.add(node.count.slot)
        elif isinstance(node, Array):
            if node.count:
                size_slots.add(node.count.slot)
            if node.head:
                size_slots.add(node.head.slot)
    for info in slots.values():
        if info.length_ref:
            size_slots.add(info.length_ref.slot)
    props = _node_props(grammar, trace, slots, statement, cons.sorted_names)
    final_newline = all(s.endswith("\n") for s in samples)
    tree = bool(re.search(r"\btrees?\b", statement, re.I))
    return Plan(grammar, names, slots, cons, size_slots, tree, props, final_newline)


def _node_props(grammar: Sequence[Node], trace: Trace, slots: dict[int, SlotInfo], statement: str,
                sorted_names: Mapping[str, bool]) -> dict[int, dict[str, object]]:
    """Properties every sample shows: sorted/distinct/permutation arrays, symmetric matrices,
    characters occurring once per grid, edges without loops or repeats."""
    props: dict[int, dict[str, object]] = {}
    for node in _walk(grammar):
        occ = trace.nodes.get(id(node), [])
        p: dict[str, object] = {}
        if isinstance(node, Array) and node.elem.kind == "int" and occ:
            arrays = [[int(x) for x in o[0]] for o in occ]
            longest = max(len(a) for a in arrays)
            name = slots[node.elem.slot].name
            said_sorted = bool(name and name in sorted_names) or \
                bool(re.search(r"sorted|non-?decreasing|increasing|ascending", statement, re.I))
            if longest >= 4 and said_sorted and all(a == sorted(a) for a in arrays):
                p["sorted"] = True
                p["strict"] = all(len(set(a)) == len(a) for a in arrays)
            said_perm = bool(re.search(r"permutation", statement, re.I))
            if longest >= 3 and said_perm and all(sorted(a) == list(range(1, len(a) + 1)) for a in arrays):
                p["perm"] = 1
            elif longest >= 3 and said_perm and all(sorted(a) == list(range(len(a))) for a in arrays):
                p["perm"] = 0
            elif longest >= 4 and all(len(set(a)) == len(a) for a in arrays) and \
                    re.search(r"distinct|pairwise different|all different", statement, re.I):
                p["distinct"] = True
        if isinstance(node, Repeat) and len(node.body) == 1 and occ:
            body = node.body[0]
            if isinstance(body, Array) and body.count == node.count and body.elem.kind == "int":
                mats = [[[int(x) for x in row] for row in o] for o in occ]
                if all(all(m[i][j] == m[j][i] for i in range(len(m)) for j in range(len(m))) for m in mats) \
                        and max(len(m) for m in mats) >= 2:
                    p["symmetric"] = True
                    diag = {m[i][i] for m in mats for i in range(len(m))}
                    if len(diag) == 1:
                        p["diagonal"] = diag.pop()
            if isinstance(body, Line) and len(body.toks) == 1 and body.toks[0].kind == "word":
                counts = []
                for o in occ:
                    c: dict[str, int] = {}
                    for row in o:
                        for ch in row[0]:
                            c[ch] = c.get(ch, 0) + 1
                    counts.append(c)
                once = [ch for ch in counts[0] if all(c.get(ch) == 1 for c in counts)]
                if once:
                    p["once"] = once
            if isinstance(body, Line) and len(body.toks) >= 2 and all(t.kind == "int" for t in body.toks[:2]):
                rows = [[int(r[0]), int(r[1])] for o in occ for r in o]
                if rows:
                    p["no_loops"] = all(a != b for a, b in rows)
                    per = [{tuple(sorted((int(r[0]), int(r[1])))) for r in o} for o in occ]
                    p["no_repeats"] = all(len(s) == len(o) for s, o in zip(per, occ))
        if p:
            props[id(node)] = p
    return props


# =========================================================================== generation

class _Failed(Exception):
    """An input could not be made within its constraints."""


class _TooBig(_Failed):
    """An input outgrew its byte limit (the size estimate was too low)."""


@dataclass
class _Mode:
    """How one input is grown."""

    size: str  # max, high, mid, rand
    extreme: float  # chance of a value at its maximum (or minimum)
    groups: str  # one, few, many: how many test cases when a block holds sizes
    strings: str  # freq, uniform, two, period
    small_values: bool = False


_MODES = [
    _Mode("max", 0.35, "one", "freq"),
    _Mode("max", 0.0, "many", "uniform"),
    _Mode("high", 0.15, "few", "two"),
    _Mode("mid", 0.3, "one", "period"),
    _Mode("max", 0.05, "many", "freq", small_values=True),
    _Mode("rand", 0.3, "few", "uniform"),
]


class _Generator:
    """Writes one input following a plan."""

    def __init__(self, plan: Plan, rng: random.Random, mode: _Mode, limit: int) -> None:
        self.plan = plan
        self.rng = rng
        self.mode = mode
        self.limit = limit
        self.out: list[str] = []
        self.size = 0
        self.env: dict[int, int] = {}
        self.nenv: dict[str, float] = {}
        self.sums = dict(plan.cons.sums)
        self.items_left: list[int] = []
        self.cache: dict[tuple[int, tuple[object, ...]], tuple[float, float]] = {}
        self.used_words: dict[int, set[str]] = {}
        self.distinct_of: dict[str, list[str]] = {}
        for a, b in plan.cons.distinct:
            self.distinct_of.setdefault(a, []).append(b)
            self.distinct_of.setdefault(b, []).append(a)
        self.group_slots = self._group_slots()
        cons = plan.cons
        self.deps = {slot: cons.depends(i.name) if i.name else () for slot, i in plan.slots.items()}
        self.complete = {slot: i.name is not None and None not in cons.constant_range(i.name)
                         for slot, i in plan.slots.items()}
        self.allowed = {slot: cons.allowed(i.name) for slot, i in plan.slots.items()}
        self.const_width = {slot: self._const_width(slot) for slot in plan.slots}
        self.orders: dict[tuple[int, tuple[int, ...]], list[Tok]] = {}
        self.sized: dict[int, list[Tok]] = {}

    # ------------------------------------------------------------------ ranges

    def _group_slots(self) -> set[int]:
        """Counts of blocks that hold sizes of their own (test cases)."""
        out = set()
        for node in _walk(self.plan.grammar):
            if isinstance(node, Repeat) and any(
                    isinstance(n, Line) and any(t.slot in self.plan.size_slots for t in n.toks)
                    for n in _walk(node.body)):
                out.add(node.count.slot)
        return out

    def value_range(self, slot: int) -> tuple[float, float]:
        """The range of a numeric slot now (named bounds, else what the samples show)."""
        info = self.plan.slots[slot]
        name = info.name
        deps: tuple[object, ...] = ()
        if name:
            deps = tuple(self.nenv.get(d) for d in self.deps[slot])
        elif info.bound_slot is not None:
            deps = (self.env.get(info.bound_slot),)
        key = (slot, deps)
        got = self.cache.get(key)
        if got is None:
            got = self._compute_range(slot, info)
            self.cache[key] = got
        return got

    def _compute_range(self, slot: int, info: SlotInfo) -> tuple[float, float]:
        integer = info.kind == "int"
        observed = [float(t) for t in info.texts] or [0.0]
        lo: float | None = None
        hi: float | None = None
        if info.name:
            lo, hi = self.plan.cons.range(info.name, self.nenv, integer)
            if lo is None and hi is None:
                lo, hi = _abs_range(self.plan.cons, info.name, self.nenv)
        if (lo is None or hi is None) and info.bound_slot is not None and self.env.get(info.bound_slot) is not None:
            lo = lo if lo is not None else (1 if info.low_one else 0)
            hi = hi if hi is not None else self.env[info.bound_slot]
        default = self.plan.cons.default
        if (lo is None or hi is None) and default and default[0] <= min(observed) and max(observed) <= default[1]:
            lo = lo if lo is not None else default[0]
            hi = hi if hi is not None else default[1]
        if lo is None:
            lo = min(observed) if hi is None or min(observed) <= hi else hi
        if hi is None:
            hi = max(max(observed), lo)
        return lo, hi

    def size_range(self, slot: int) -> tuple[int, int]:
        """Range of a count: its value range, bounded by what is left of a stated sum."""
        info = self.plan.slots[slot]
        if info.kind == "word":
            name = info.name
            lo, hi = self.plan.cons.range(f"|{name}|", self.nenv) if name else (None, None)
            lengths = [len(t) for t in info.texts] or [1]
            lo = min(lengths) if lo is None else lo
            hi = max(lengths) if hi is None else hi
            return int(max(lo, 1 if min(lengths) > 0 else 0)), int(hi)
        lo, hi = self.value_range(slot)
        if info.name and info.name in self.sums:
            left = self.items_left[-1] if self.items_left else 1
            hi = min(hi, self.sums[info.name] - max(lo, 0) * (left - 1))
        return int(math.ceil(lo)), int(math.floor(hi))

    # ------------------------------------------------------------------ estimates

    def width(self, slot: int, assume: Mapping[int, int] | None = None) -> int:
        """Estimated characters of one value of ``slot`` (with counts ``assume``d, else known)."""
        got = self.const_width[slot]
        if got is not None:
            return got
        info = self.plan.slots[slot]
        assume = assume or {}
        v = assume.get(slot, self.env.get(slot))
        if v is not None:
            return v
        if info.length_ref:
            v = assume.get(info.length_ref.slot, self.env.get(info.length_ref.slot))
            if v is not None:
                return max(0, v + info.length_ref.offset)
        return info.width

    def _const_width(self, slot: int) -> int | None:
        info = self.plan.slots[slot]
        if info.kind == "word":
            return None
        if info.name:
            lo, hi = self.plan.cons.constant_range(info.name)
            if lo is not None and hi is not None:
                return max(len(str(int(lo))), len(str(int(hi)))) + info.decimals
        return info.width

    def count_of(self, ref: Ref, assume: dict[int, int]) -> int:
        v = assume.get(ref.slot, self.env.get(ref.slot))
        if v is None:
            lo = self.plan.slots[ref.slot].ints
            v = min(lo) if lo else 1
        return max(0, v + ref.offset)

    def estimate(self, nodes: Sequence[Node], assume: dict[int, int]) -> float:
        """Bytes ``nodes`` will take with the counts known (or assumed) now."""
        total = 0.0
        for node in nodes:
            if isinstance(node, Line):
                total += sum(self.width(t.slot, assume) for t in node.toks) + len(node.toks)
            elif isinstance(node, Choice):
                total += max(sum(self.width(t.slot, assume) + 1 for t in v.toks) for v in node.variants.values())
            elif isinstance(node, Array):
                c = self.count_of(node.count, assume) if node.count else 2
                total += c * (self.width(node.elem.slot, assume) + 1) + 1
            else:
                total += self.count_of(node.count, assume) * self.estimate(node.body, assume)
        return total

    # ------------------------------------------------------------------ values

    def _pick(self, lo: float, hi: float, integer: bool, decimals: int) -> str:
        r = self.rng.random()
        if integer:
            lo_i, hi_i = int(math.ceil(lo)), int(math.floor(hi))
            if lo_i > hi_i:
                raise _Failed(f"empty range [{lo}, {hi}]")
            if r < self.mode.extreme:
                return str(hi_i)
            if r < self.mode.extreme * 1.25:
                return str(lo_i)
            if self.mode.small_values:
                return str(self.rng.randint(lo_i, min(hi_i, lo_i + 9)))
            return str(self.rng.randint(lo_i, hi_i))
        if lo > hi:
            raise _Failed(f"empty range [{lo}, {hi}]")
        v = hi if r < self.mode.extreme else self.rng.uniform(lo, hi)
        text = f"{v:.{decimals}f}"
        if float(text) > hi:
            text = f"{math.floor(v * 10 ** decimals) / 10 ** decimals:.{decimals}f}"
        return text

    def number(self, slot: int, avoid: Sequence[float] = ()) -> str:
        info = self.plan.slots[slot]
        values = self.allowed[slot]
        lo, hi = self.value_range(slot)
        if values:
            pool = [v for v in values if lo <= v <= hi and v not in avoid] or [v for v in values if lo <= v <= hi]
            if not pool:
                raise _Failed(f"no value of {info.name} in range")
            return str(int(self.rng.choice(pool)))
        for _ in range(30):
            text = self._pick(lo, hi, info.kind == "int", info.decimals)
            if float(text) not in avoid:
                return text
        raise _Failed("cannot avoid equal values")

    def word(self, slot: int, length: int | None = None, used: set[str] | None = None) -> str:
        info = self.plan.slots[slot]
        if info.choices and length is None:
            return self.rng.choice(info.choices)
        alphabet = info.alphabet or list("abcdefghijklmnopqrstuvwxyz")
        if length is None:
            lengths = [len(t) for t in info.texts] or [1]
            lo, hi = min(lengths), max(lengths)
            for _ in range(50):
                w = "".join(self.rng.choices(alphabet, k=self.rng.randint(lo, hi)))
                if used is None or w not in used:
                    return w
            raise _Failed("cannot make a new distinct word")
        return self.string(alphabet, info.weights, length)

    def string(self, alphabet: list[str], weights: list[int], length: int) -> str:
        """A long string in the input's string style."""
        style = self.mode.strings
        if style == "two" and len(alphabet) >= 2:
            pick = self.rng.sample(alphabet, 2)
            return "".join(self.rng.choices(pick, k=length))
        if style == "period" and length > 8:
            unit = "".join(self.rng.choices(alphabet, weights or None, k=self.rng.randint(1, 4)))
            s = list((unit * (length // len(unit) + 1))[:length])
            for _ in range(self.rng.randint(0, 3)):
                s[self.rng.randrange(length)] = self.rng.choice(alphabet)
            return "".join(s)
        if style == "uniform":
            return "".join(self.rng.choices(alphabet, k=length))
        return "".join(self.rng.choices(alphabet, weights or None, k=length))

    # ------------------------------------------------------------------ sizes

    def _fraction(self) -> float:
        size = self.mode.size
        if size == "max":
            return 1.0
        if size == "high":
            return self.rng.uniform(0.7, 1.0)
        if size == "mid":
            return self.rng.uniform(0.3, 0.6)
        return self.rng.random()

    def choose_sizes(self, toks: Sequence[Tok], rest: Sequence[Node], budget: float) -> None:
        """Values for the counts in ``toks``: near their maxima, scaled to fit ``budget``."""
        sized = [t for t in toks if t.slot in self.plan.size_slots or self.plan.slots[t.slot].sizeable]
        if not sized:
            return
        fractions = {t.slot: self._fraction() for t in sized}
        groups = {t.slot: 1 if self.mode.groups == "one" else self.rng.randint(2, 6)
                  for t in sized if t.slot in self.group_slots and self.mode.groups != "many"}

        def assign(scale: float) -> dict[int, int]:
            saved = dict(self.nenv)
            chosen: dict[int, int] = {}
            for t in sized:
                lo, hi = self.size_range(t.slot)
                if hi < lo:
                    self.nenv = saved
                    raise _Failed(f"no room for size {self.plan.slots[t.slot].name}")
                if t.slot in groups:  # test cases: one, a few, or as many as fit
                    v = max(lo, min(hi, groups[t.slot]))
                else:
                    v = lo + int(round((hi - lo) * fractions[t.slot] * scale))
                chosen[t.slot] = v
                name = self.plan.slots[t.slot].name
                if name:
                    self.nenv[name] = v
            self.nenv = saved
            return chosen

        def cost(chosen: dict[int, int]) -> float:
            assume = dict(chosen)
            return self.estimate(rest, assume) + sum(
                chosen[t.slot] if self.plan.slots[t.slot].kind == "word" else 0 for t in sized)

        chosen = assign(1.0)
        if cost(chosen) > budget or sum(chosen.values()) > MAX_WORK:
            low, high = 0.0, 1.0
            for _ in range(22):
                mid = (low + high) / 2
                trial = assign(mid)
                if cost(trial) <= budget and sum(trial.values()) <= MAX_WORK:
                    low = mid
                else:
                    high = mid
            chosen = assign(low)
        for slot, v in chosen.items():
            self.env[slot] = v

    # ------------------------------------------------------------------ nodes

    def emit(self, text: str) -> None:
        self.out.append(text)
        self.size += len(text) + 1
        if self.size > self.limit:
            raise _TooBig(f"input passes {self.limit} bytes")

    def nodes(self, nodes: Sequence[Node], budget: float) -> None:
        start = self.size
        for i, node in enumerate(nodes):
            left = budget - (self.size - start)
            rest = nodes[i + 1:]
            if isinstance(node, Line):
                self.line(node, rest, left)
            elif isinstance(node, Choice):
                self.choice(node)
            elif isinstance(node, Array):
                self.array(node, rest, left)
            else:
                self.repeat(node, left - self.estimate(rest, {}))

    def _set(self, tok: Tok, text: str) -> None:
        if tok.kind == "word":
            return
        if tok.kind == "int":
            self.env[tok.slot] = int(text)
        name = self.plan.slots[tok.slot].name
        if name:
            self.nenv[name] = float(text)

    def line(self, line: Line, rest: Sequence[Node], budget: float, fixed: Mapping[int, str] | None = None) -> None:
        nenv = self.nenv
        for t in line.toks:
            name = self.plan.slots[t.slot].name
            if name:
                nenv.pop(name, None)
        sized = self.sized.get(id(line))
        if sized is None:
            sized = [t for t in line.toks if t.slot in self.plan.size_slots or self.plan.slots[t.slot].sizeable]
            self.sized[id(line)] = sized
        texts: dict[int, str] = dict(fixed or {})
        if sized:
            self.choose_sizes(line.toks, rest, budget - sum(self.width(t.slot) + 1 for t in line.toks))
            for t in sized:
                if t.slot in self.env and t.slot not in texts:
                    if t.kind == "word":
                        info = self.plan.slots[t.slot]
                        texts[t.slot] = self.string(info.alphabet or list("ab"), info.weights, self.env[t.slot])
                    else:
                        texts[t.slot] = str(self.env[t.slot])
                        self._set(t, texts[t.slot])
        for t in self._order(line, tuple(texts)):
            texts[t.slot] = text = self.token(t)
            self._set(t, text)
        self.emit(" ".join([texts[t.slot] for t in line.toks]))

    def _order(self, line: Line, done: tuple[int, ...]) -> list[Tok]:
        """The order to draw a line's other tokens in (see :meth:`_ready`)."""
        key = (id(line), done)
        got = self.orders.get(key)
        if got is None:
            pending = [t for t in line.toks if t.slot not in done]
            got = []
            while pending:
                t = next((t for t in pending if self._ready(t, pending)), pending[0])
                got.append(t)
                pending.remove(t)
            self.orders[key] = got
        return got

    def _ready(self, tok: Tok, pending: Sequence[Tok]) -> bool:
        """True when a token may be drawn now: no name its bounds use is still to be drawn on
        its line, or its constant bounds alone make a range (``n`` before ``k ≤ n``)."""
        if not self.deps[tok.slot]:
            return True
        waiting = {self.plan.slots[o.slot].name for o in pending if o is not tok}
        return not any(d in waiting for d in self.deps[tok.slot]) or self.complete[tok.slot]

    def token(self, tok: Tok) -> str:
        info = self.plan.slots[tok.slot]
        if tok.kind == "word":
            if info.length_ref is not None:
                return self.word(tok.slot, max(0, self.env.get(info.length_ref.slot, 1) + info.length_ref.offset))
            if not info.distinct:
                return self.word(tok.slot)
            used = self.used_words.setdefault(tok.slot, set())
            word = self.word(tok.slot, None, used)
            used.add(word)
            return word
        partners = self.distinct_of.get(info.name or "")
        avoid = [self.nenv[o] for o in partners if o in self.nenv] if partners else ()
        return self.number(tok.slot, avoid)

    def choice(self, node: Choice) -> None:
        keys = list(node.variants)
        weights = [node.weights.get(k, 1) for k in keys]
        key = self.rng.choices(keys, weights)[0]
        line = node.variants[key]
        self.line(line, (), 1e18, {line.toks[0].slot: key})

    def array(self, node: Array, rest: Sequence[Node], budget: float) -> None:
        if node.head is not None:
            self.choose_sizes([node.head], [Array(node.elem, Ref(node.head.slot))] + list(rest), budget)
            c = self.env.get(node.head.slot)
            if c is None:
                c = int(self.number(node.head.slot))
                self.env[node.head.slot] = c
        else:
            c = self.count_of(node.count, {})  # type: ignore[arg-type]
        values = self.array_values(node, c)
        self.emit(" ".join(([str(c)] if node.head is not None else []) + values))

    def array_values(self, node: Array, c: int) -> list[str]:
        props = self.plan.node_props.get(id(node), {})
        slot = node.elem.slot
        info = self.plan.slots[slot]
        if info.kind == "word":
            return [self.word(slot) for _ in range(c)]
        if "perm" in props:
            base = int(props["perm"])  # type: ignore[call-overload]
            order = list(range(base, base + c))
            self.rng.shuffle(order)
            return [str(v) for v in order]
        lo, hi = self.value_range(slot)
        if self.plan.tree and node.count and node.count.offset == -1 and info.kind == "int" \
                and info.name and self._bounded_by(slot, node.count.slot):
            first = int(lo)
            return [str(self.rng.randint(first, first + j)) for j in range(c)]
        if "distinct" in props or props.get("strict"):
            if hi - lo + 1 < c:
                raise _Failed("range too small for distinct values")
            lo_i, hi_i = int(math.ceil(lo)), int(math.floor(hi))
            if hi_i - lo_i + 1 <= 4 * c:
                picked = set(self.rng.sample(range(lo_i, hi_i + 1), c))
            else:
                picked = set()
                while len(picked) < c:
                    picked.add(int(self._pick(lo, hi, True, 0)))
            values_i = list(picked)
            self.rng.shuffle(values_i)
            if props.get("sorted"):
                values_i.sort()
            return [str(v) for v in values_i]
        name = info.name
        avoid = self.distinct_of.get(name or "")
        if info.kind == "int" and not avoid and not (name and self.plan.cons.bounds.get(name, Bounds()).values):
            lo_i, hi_i = int(math.ceil(lo)), int(math.floor(hi))
            if lo_i > hi_i:
                raise _Failed("empty range")
            ext = self.mode.extreme
            rnd, randint = self.rng.random, self.rng.randint
            top = min(hi_i, lo_i + 9) if self.mode.small_values else hi_i
            ints = [hi_i if (r := rnd()) < ext else lo_i if r < ext * 1.25 else randint(lo_i, top) for _ in range(c)]
            if props.get("sorted"):
                ints.sort()
            return [str(v) for v in ints]
        values = [self.number(slot) for _ in range(c)]
        if props.get("sorted"):
            values.sort(key=float)
        return values

    def _bounded_by(self, slot: int, size_slot: int) -> bool:
        """True when the slot's values are bounded above by the count in ``size_slot``."""
        info = self.plan.slots[slot]
        size_name = self.plan.slots[size_slot].name
        if info.bound_slot == size_slot:
            return True
        if info.name and size_name:
            key = self.plan.cons.lookup(info.name)
            if key is not None:
                return any(expr.names == (size_name,) for expr, _ in self.plan.cons.bounds[key].highs)
        return False

    def repeat(self, node: Repeat, budget: float) -> None:
        c = self.count_of(node.count, {})
        props = self.plan.node_props.get(id(node), {})
        body = node.body
        if len(body) == 1 and isinstance(body[0], Array) and props.get("symmetric"):
            self.matrix(body[0], c, props)
            return
        if len(body) == 1 and isinstance(body[0], Line) and "once" in props:
            self.grid(body[0], c, props["once"])  # type: ignore[arg-type]
            return
        edges = self.edges(body[0], node, c, props) if len(body) == 1 and isinstance(body[0], Line) else None
        if edges is None and len(body) == 1 and isinstance(body[0], Line):
            columns = self._fast_columns(body[0])
            if columns is not None:
                for _ in range(c):
                    self.emit(" ".join([draw() for draw in columns]))
                return
        start = self.size
        for k in range(c):
            self.items_left.append(c - k)
            item_budget = (budget - (self.size - start)) / (c - k)
            fixed = None
            if edges is not None:
                line = body[0]
                assert isinstance(line, Line)
                fixed = {line.toks[0].slot: str(edges[k][0]), line.toks[1].slot: str(edges[k][1])}
                self.line(line, (), item_budget, fixed)
            else:
                before = dict(self.nenv)
                self.nodes(body, item_budget)
                self._consume_sums(body)
                self.nenv.update({k2: v for k2, v in before.items() if k2 not in self.nenv})
            self.items_left.pop()

    def _fast_columns(self, line: Line) -> list[Callable[[], str]] | None:
        """One drawing function per token when no token of the line depends on another one or
        is a count (then every line of a block draws from the same ranges); else None."""
        names = {self.plan.slots[t.slot].name for t in line.toks} - {None}
        out: list[Callable[[], str]] = []
        for t in line.toks:
            info = self.plan.slots[t.slot]
            if t.slot in self.plan.size_slots or info.sizeable or info.length_ref is not None or \
                    any(d in names for d in self.deps[t.slot]) or self.distinct_of.get(info.name or ""):
                return None
            if t.kind == "word":
                out.append(functools.partial(self.token, t))
                continue
            if self.allowed[t.slot]:
                out.append(functools.partial(self.number, t.slot))
                continue
            lo, hi = self.value_range(t.slot)
            out.append(functools.partial(self._pick, lo, hi, t.kind == "int", info.decimals))
        return out

    def _consume_sums(self, body: Sequence[Node]) -> None:
        for node in body:
            if isinstance(node, Line):
                for t in node.toks:
                    name = self.plan.slots[t.slot].name
                    if name in self.sums and t.slot in self.env:
                        self.sums[name] -= self.env[t.slot]

    def edges(self, line: Line, node: Repeat, c: int, props: Mapping[str, object]) -> list[tuple[int, int]] | None:
        """Endpoint pairs when the block's lines start with two vertices of one graph: a random
        tree for n - 1 lines of a tree, else pairs without loops/repeats when samples have none."""
        if len(line.toks) < 2 or line.toks[0].kind != "int" or line.toks[1].kind != "int":
            return None
        a, b = line.toks[0].slot, line.toks[1].slot
        bound = None
        for s in self.env:
            if self._bounded_by(a, s) and self._bounded_by(b, s):
                bound = s
                break
        if bound is None:
            return None
        lo_a, hi_a = self.value_range(a)
        lo = int(lo_a)
        verts = list(range(lo, int(hi_a) + 1))
        nv = len(verts)
        if nv < 2:
            return None
        if self.plan.tree and node.count.slot == bound and node.count.offset == -1:
            perm = verts[:]
            self.rng.shuffle(perm)
            out = []
            for i in range(1, nv):
                u, v = perm[i], perm[self.rng.randrange(i)]
                out.append((u, v) if self.rng.random() < 0.5 else (v, u))
            self.rng.shuffle(out)
            return out[:c] if len(out) >= c else None
        if not props.get("no_loops"):
            return None
        seen: set[tuple[int, int]] = set()
        out = []
        unique = bool(props.get("no_repeats")) and c <= nv * (nv - 1) // 4
        for _ in range(c):
            for _ in range(50):
                u = int(self._pick(lo, verts[-1], True, 0)) if self.mode.extreme else self.rng.choice(verts)
                v = self.rng.choice(verts)
                key = (min(u, v), max(u, v))
                if u != v and (not unique or key not in seen):
                    break
            else:
                raise _Failed("cannot place an edge")
            seen.add(key)
            out.append((u, v))
        return out

    def matrix(self, row: Array, c: int, props: Mapping[str, object]) -> None:
        slot = row.elem.slot
        lo, hi = self.value_range(slot)
        diagonal = int(props["diagonal"]) if "diagonal" in props else None  # type: ignore[call-overload]
        m = [[0] * c for _ in range(c)]
        for i in range(c):
            for j in range(i, c):
                v = diagonal if i == j and diagonal is not None else int(self._pick(lo, hi, True, 0))
                m[i][j] = m[j][i] = v
        for r in m:
            self.emit(" ".join(map(str, r)))

    def grid(self, line: Line, rows: int, once: list[str]) -> None:
        slot = line.toks[0].slot
        info = self.plan.slots[slot]
        if info.length_ref is None:
            raise _Failed("grid rows of unknown length")
        width = self.env.get(info.length_ref.slot, 0) + info.length_ref.offset
        if rows * width < len(once):
            raise _Failed("grid too small")
        fill = [(ch, w) for ch, w in zip(info.alphabet, info.weights) if ch not in once] or [(".", 1)]
        chars, weights = [ch for ch, _ in fill], [w for _, w in fill]
        cells = list(self.string(chars, weights, rows * width)) if self.mode.strings != "period" else \
            self.rng.choices(chars, weights, k=rows * width)
        for ch, pos in zip(once, self.rng.sample(range(rows * width), len(once))):
            cells[pos] = ch
        for r in range(rows):
            self.emit("".join(cells[r * width:(r + 1) * width]))


# =========================================================================== entry points

def make_plan(problem: problems.Problem) -> Plan | None:
    """The grammar, names and sample facts for a stdin problem, or None when not inferable."""
    samples = [t.input.decode(errors="replace") for t in problem.samples]
    if not samples or not all(s.strip() for s in samples):
        return None
    statement = problem.statement or ""
    cons = read_constraints(statement)
    templates = line_templates(statement)
    clauses = input_clauses(statement, list(cons.bounds))
    candidates = candidate_structures(samples, list(templates))
    if not candidates:
        log.info("%s: no structure explains the samples", problem.id)
        return None
    best: tuple[float, int] | None = None
    chosen: tuple[list[Node], dict[int, str]] | None = None
    for rank, grammar in enumerate(candidates[:60]):
        names, score = name_slots(grammar, clauses, templates, list(cons.bounds))
        key = (score - 0.5 * _complexity(grammar), -rank)
        if best is None or key > best:
            best, chosen = key, (grammar, names)
    assert chosen is not None
    return analyse(chosen[0], samples, statement, cons, dict(chosen[1]))


def grow(plan: Plan, rng: random.Random, mode: _Mode, max_bytes: int) -> bytes | None:
    """One input for ``plan`` of at most ``max_bytes`` (None when it could not be made within
    the constraints)."""
    budget = int(max_bytes * _FILL)
    for _ in range(4):
        gen = _Generator(plan, rng, mode, max_bytes)
        try:
            gen.nodes(plan.grammar, budget)
        except _TooBig:
            budget //= 2
            continue
        except _Failed as exc:
            log.debug("no grown input: %s", exc)
            return None
        data = ("\n".join(gen.out) + ("\n" if plan.final_newline else "")).encode()
        if len(data) <= max_bytes:
            return data
        budget //= 2
    return None


def grown_inputs(problem: problems.Problem, count: int, seed: int = 0, *,
                 max_bytes: int = MAX_INPUT_BYTES) -> list[bytes]:
    """Up to ``count`` distinct stdin inputs grown from the samples toward the sizes the
    statement allows, each at most ``max_bytes`` (and MAX_INPUT_BYTES); deterministic for a
    ``seed``. [] for function-call problems, problems without samples and samples whose
    structure is not inferred."""
    if count <= 0 or problem.interface.kind != "stdio" or not problem.samples:
        return []
    max_bytes = min(max_bytes, MAX_INPUT_BYTES)
    try:
        plan = make_plan(problem)
    except Exception:
        log.warning("%s: cannot plan grown inputs", problem.id, exc_info=True)
        return []
    if plan is None:
        return []
    seen = {t.input for t in problem.samples}
    out: list[bytes] = []
    for k in range(count * 3):
        if len(out) >= count:
            break
        rng = random.Random(seed * 1_000_003 + k)
        try:
            data = grow(plan, rng, _MODES[k % len(_MODES)], max_bytes)
        except Exception:
            log.warning("%s: growing input %d failed", problem.id, k, exc_info=True)
            continue
        if data is not None and data not in seen:
            seen.add(data)
            out.append(data)
    log.info("%s: %d grown inputs, largest %d bytes", problem.id, len(out), max(map(len, out), default=0))
    return out
