"""Getting code out of a model's reply, and telling duplicates apart.

A reply may hold Markdown code blocks (tagged or not, the last one possibly cut off by
the token limit) or bare code. The longest block tagged with the wanted language wins,
then the longest untagged block; with no fence, the whole reply is taken when it looks
like code. Normalisation for de-duplication ignores comments and formatting: Python is
compared by its syntax tree, C++ by its tokens with comments removed (layout ignored).
"""

from __future__ import annotations

import ast
import functools
import hashlib
import re

from sandbox import get_language
from sandbox.programs import AST_LOCK, parse_python

_FENCE = re.compile(r"```[ \t]*([\w+#.-]*)[^\n]*\n(.*?)(?:```|\Z)", re.S)


def extract_code(reply: str, language: str) -> str | None:
    """The program in ``reply`` for ``language`` (``python`` or ``cpp``), or None."""
    blocks = [(tag.lower(), body) for tag, body in _FENCE.findall(reply)]
    lang = get_language(language)
    tagged = [b for t, b in blocks if t and lang.is_called(t)]
    untagged = [b for t, b in blocks if not t]
    for group in (tagged, untagged):
        if group:
            code = max(group, key=len).strip("\n")
            return code + "\n" if code.strip() else None
    if blocks:
        return None  # only blocks of another language
    text = reply.strip("\n")
    if language == "python" and _parses(text):
        return text + "\n"
    if language == "cpp" and ("#include" in text or "int main" in text):
        return text + "\n"
    return None


def completed_program(reply: str, language: str, starter_code: str | None = None,
                      entry_point: str | None = None) -> str | None:
    """The program of ``reply``; for a Python function problem with starter code, a reply
    that does not define the entry point continues the starter code (HumanEval's samples
    are function bodies that continue the prompt), so the program is the two joined.
    ``codesolve solve`` and ``codesolve eval`` read replies through this one rule."""
    code = extract_code(reply, language)
    if language == "python" and starter_code and entry_point:
        body = code if code is not None else (reply if "```" not in reply else None)
        if body is not None and body.strip() and not re.search(rf"\bdef\s+{re.escape(entry_point)}\s*\(", body):
            joined = starter_code + ("" if starter_code.endswith("\n") else "\n") + body.rstrip("\n") + "\n"
            if code is None or _parses(joined):
                return joined
    return code


def parse(code: str) -> ast.Module:
    return parse_python(code)


def _parses(code: str) -> bool:
    try:
        parse(code)
    except (SyntaxError, ValueError):
        return False
    return bool(code.strip())


_CPP_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_TOKEN = re.compile(r"\w+|\S")


def normalise(code: str, language: str) -> str:
    if language == "python":
        try:
            tree = parse(code)
            with AST_LOCK:
                return ast.dump(tree, annotate_fields=False)
        except (SyntaxError, ValueError):
            pass
    elif language == "cpp":
        return " ".join(_TOKEN.findall(_CPP_COMMENTS.sub(" ", code)))
    return " ".join(code.split())


def fingerprint(code: str, language: str) -> str:
    return hashlib.sha256(f"{language}\0{normalise(code, language)}".encode()).hexdigest()[:16]


_PY_COMMENTS = re.compile(r"#[^\n]*")


@functools.lru_cache(maxsize=1 << 16)
def token_set(code: str, language: str) -> frozenset[str]:
    """The distinct tokens of a program (words and single symbols), its comments left out:
    what the similarity of two programs is measured on (:func:`similarity`)."""
    comments = _CPP_COMMENTS if language == "cpp" else _PY_COMMENTS if language == "python" else None
    return frozenset(_TOKEN.findall(comments.sub(" ", code) if comments else code))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """The Jaccard similarity of two token sets: shared tokens over all tokens (1 for two
    empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 1.0
