"""Output checking: the Kattis default output validator, JSON values, and custom validators.

Default semantics (as Kattis's default output validator): the output and the answer
are compared token by token, tokens being separated by runs of whitespace.

* ``case_sensitive``: compare letters exactly (by default ASCII case is ignored);
* ``space_change_sensitive``: the whitespace between, before and after tokens must be
  byte-identical (by default any run of whitespace equals any other);
* ``float_absolute_tolerance E`` / ``float_relative_tolerance E`` / ``float_tolerance E``
  (both): where the answer token is a number, the output token must be a number within
  the tolerance (absolute error <= E_abs, or relative error <= E_rel). Numbers are
  compared in exact decimal arithmetic, so two 64-bit integers one apart are never
  mistaken for equal the way a double comparison would. ``nan`` only matches ``nan``,
  ``inf`` only the same infinity.

Without a float tolerance every token is compared as text, so ``-0`` differs from ``0``.
"""

from __future__ import annotations

import decimal
import json
import math
import re
from dataclasses import dataclass
from typing import Any, Sequence

from sandbox import Program

from ..errors import CheckerError

_FLOAT_RE = re.compile(rb"[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)", re.I)
_WS_SPLIT = re.compile(rb"([ \t\n\r\x0b\x0c]+)")
_CTX = decimal.Context(prec=60, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN, traps=[])


@dataclass(frozen=True)
class CheckResult:
    accepted: bool
    message: str = ""


@dataclass(frozen=True)
class Checker:
    """How a run's output is compared with the expected answer.

    ``kind`` is ``default`` (Kattis token comparison with the flags below), ``json``
    (structural comparison of one JSON value, for function-call problems; floats within
    the tolerances, 1e-9 when none is set), ``validator`` (a custom output validator
    program speaking the Kattis protocol, run in the sandbox) or ``interactor`` (an
    interactive problem's validator, run beside the program with their streams crossed;
    see :mod:`problems.judging.interactive`).
    """

    kind: str = "default"
    case_sensitive: bool = False
    space_change_sensitive: bool = False
    float_absolute_tolerance: float | None = None
    float_relative_tolerance: float | None = None
    validator: Program | None = None
    validator_args: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in ("default", "json", "validator", "interactor"):
            raise CheckerError(f"checker kind must be default, json, validator or interactor, got {self.kind!r}")
        if self.kind in ("validator", "interactor") and self.validator is None:
            raise CheckerError(f"a {self.kind} checker needs the validator program")

    @property
    def interactive(self) -> bool:
        """The program talks with an interactor instead of writing an output to check."""
        return self.kind == "interactor"

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_flags(cls, flags: str | Sequence[str], kind: str = "default") -> "Checker":
        """Parse Kattis ``validator_flags`` such as ``"float_tolerance 1e-6 case_sensitive"``."""
        words = flags.split() if isinstance(flags, str) else list(flags)
        opts: dict[str, Any] = {}
        i = 0
        while i < len(words):
            word = words[i]
            if word in ("case_sensitive", "space_change_sensitive"):
                opts[word] = True
                i += 1
                continue
            if word in ("float_tolerance", "float_absolute_tolerance", "float_relative_tolerance"):
                if i + 1 >= len(words):
                    raise CheckerError(f"validator flag {word!r} needs a number after it")
                try:
                    value = float(words[i + 1])
                except ValueError:
                    raise CheckerError(f"validator flag {word!r}: {words[i + 1]!r} is not a number") from None
                if not value >= 0:
                    raise CheckerError(f"validator flag {word!r}: the tolerance must be >= 0")
                if word in ("float_tolerance", "float_absolute_tolerance"):
                    opts["float_absolute_tolerance"] = value
                if word in ("float_tolerance", "float_relative_tolerance"):
                    opts["float_relative_tolerance"] = value
                i += 2
                continue
            raise CheckerError(
                f"unknown validator flag {word!r}; expected case_sensitive, space_change_sensitive, "
                "float_tolerance E, float_absolute_tolerance E or float_relative_tolerance E")
        return cls(kind=kind, **opts)

    @property
    def has_float_tolerance(self) -> bool:
        return self.float_absolute_tolerance is not None or self.float_relative_tolerance is not None

    def describe(self) -> str:
        if self.kind == "validator":
            return "custom output validator"
        if self.kind == "interactor":
            return "interactor"
        parts = [self.kind]
        if self.case_sensitive:
            parts.append("case_sensitive")
        if self.space_change_sensitive:
            parts.append("space_change_sensitive")
        if self.float_absolute_tolerance is not None:
            parts.append(f"float_absolute_tolerance {self.float_absolute_tolerance:g}")
        if self.float_relative_tolerance is not None:
            parts.append(f"float_relative_tolerance {self.float_relative_tolerance:g}")
        return " ".join(parts)

    # ------------------------------------------------------------------ comparison
    def compare(self, output: bytes, answer: bytes) -> CheckResult:
        """Compare in-process (default and json kinds)."""
        if self.kind == "json":
            return self._compare_json(output, answer)
        if self.kind != "default":
            raise CheckerError(f"a {self.kind} checker runs in the sandbox; use problems.judging")
        if self.space_change_sensitive:
            return self._compare_spaced(output, answer)
        out_tokens = output.split()
        ans_tokens = answer.split()
        for i, (got, want) in enumerate(zip(out_tokens, ans_tokens)):
            res = self._compare_token(got, want)
            if res is not None:
                return CheckResult(False, f"token {i + 1}: {res}")
        if len(out_tokens) > len(ans_tokens):
            return CheckResult(False, f"output has extra tokens after token {len(ans_tokens)}: "
                                      f"{_show(out_tokens[len(ans_tokens)])}")
        if len(out_tokens) < len(ans_tokens):
            return CheckResult(False, f"output ended after {len(out_tokens)} tokens, expected "
                                      f"{len(ans_tokens)} (next expected {_show(ans_tokens[len(out_tokens)])})")
        return CheckResult(True)

    def _compare_spaced(self, output: bytes, answer: bytes) -> CheckResult:
        out_parts = _WS_SPLIT.split(output)
        ans_parts = _WS_SPLIT.split(answer)
        for i, (got, want) in enumerate(zip(out_parts, ans_parts)):
            if i % 2 == 1:
                if got != want:
                    return CheckResult(False, f"whitespace differs after token {i // 2 + 1}: "
                                              f"expected {want!r}, got {got!r}")
                continue
            if got == b"" or want == b"":  # leading/trailing position
                if got != want:
                    return CheckResult(False, "whitespace differs at the start or end of the output")
                continue
            res = self._compare_token(got, want)
            if res is not None:
                return CheckResult(False, f"token {i // 2 + 1}: {res}")
        if len(out_parts) != len(ans_parts):
            return CheckResult(False, "output and answer differ in length (tokens or whitespace)")
        return CheckResult(True)

    def _compare_token(self, got: bytes, want: bytes) -> str | None:
        """None when equal, else a reason."""
        if self.has_float_tolerance and _FLOAT_RE.fullmatch(want):
            if not _FLOAT_RE.fullmatch(got):
                return f"expected a number {_show(want)}, got {_show(got)}"
            if _numbers_close(got, want, self.float_absolute_tolerance, self.float_relative_tolerance):
                return None
            return f"expected {_show(want)}, got {_show(got)} (outside the tolerance)"
        if got == want or (not self.case_sensitive and got.lower() == want.lower()):
            return None
        return f"expected {_show(want)}, got {_show(got)}"

    def _compare_json(self, output: bytes, answer: bytes) -> CheckResult:
        try:
            want = json.loads(answer)
        except ValueError as exc:
            raise CheckerError(f"the expected answer is not JSON: {exc}") from None
        try:
            got = json.loads(output)
        except ValueError:
            return CheckResult(False, f"output is not one JSON value: {_show(output[:200])}")
        abs_tol = self.float_absolute_tolerance
        rel_tol = self.float_relative_tolerance
        if abs_tol is None and rel_tol is None:
            abs_tol = rel_tol = 1e-9
        diff = _json_diff(got, want, abs_tol or 0.0, rel_tol or 0.0, "$")
        return CheckResult(diff is None, diff or "")


def _numbers_close(got: bytes, want: bytes, abs_tol: float | None, rel_tol: float | None) -> bool:
    a = decimal.Decimal(got.decode())
    b = decimal.Decimal(want.decode())
    if b.is_nan() or a.is_nan():
        return a.is_nan() and b.is_nan()
    if b.is_infinite() or a.is_infinite():
        return a == b
    err = _CTX.subtract(a, b).copy_abs()
    if abs_tol is not None and err <= decimal.Decimal(repr(abs_tol)):
        return True
    if rel_tol is not None and err <= _CTX.multiply(decimal.Decimal(repr(rel_tol)), b.copy_abs()):
        return True
    return False


def _json_diff(got: Any, want: Any, abs_tol: float, rel_tol: float, path: str) -> str | None:
    if isinstance(want, bool) or isinstance(got, bool):
        if type(got) is type(want) and got == want:
            return None
        return f"{path}: expected {json.dumps(want)}, got {json.dumps(got)[:100]}"
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        if isinstance(want, int) and isinstance(got, int):
            return None if got == want else f"{path}: expected {want}, got {got}"
        if math.isnan(want) or math.isnan(got):
            return None if math.isnan(want) and math.isnan(got) else f"{path}: expected {want}, got {got}"
        err = abs(got - want)
        if err <= abs_tol or err <= rel_tol * abs(want):
            return None
        return f"{path}: expected {want!r}, got {got!r}"
    if isinstance(want, list) and isinstance(got, list):
        if len(got) != len(want):
            return f"{path}: expected a list of {len(want)} items, got {len(got)}"
        for i, (g, w) in enumerate(zip(got, want)):
            diff = _json_diff(g, w, abs_tol, rel_tol, f"{path}[{i}]")
            if diff:
                return diff
        return None
    if isinstance(want, dict) and isinstance(got, dict):
        if set(got) != set(want):
            return f"{path}: keys differ: expected {sorted(want)}, got {sorted(got)[:20]}"
        for key in want:
            diff = _json_diff(got[key], want[key], abs_tol, rel_tol, f"{path}.{key}")
            if diff:
                return diff
        return None
    if got == want and type(got) is type(want):
        return None
    return f"{path}: expected {json.dumps(want)[:100]}, got {json.dumps(got)[:100]}"


def _show(token: bytes) -> str:
    text = token[:60].decode("utf-8", errors="replace")
    return repr(text + ("..." if len(token) > 60 else ""))
