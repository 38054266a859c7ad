"""Test inputs from mutations of the sample inputs, keeping their shape.

Each mutation keeps every line's token count and every token's kind: an integer stays
an integer of the same sign and at most twice the magnitude (at least 10), a decimal a
decimal, a word a word of the same length over the letters seen in the samples; JSON
inputs of function-call problems keep their structure (list lengths included). Inputs
are validated by the problem's input validators when it has them (one that cannot run is
an error of the problem: :class:`problems.errors.ValidatorError`), de-duplicated and
bounded in size. Below are the readers of the tests model's replies (inputs, tests with
expected outputs); its prompts are in :mod:`solver.prompts`.
"""

from __future__ import annotations

import random
import re
import string
from typing import Any, Callable, Sequence

from problems import Problem
from problems.calls import decode_args, encode_args, encode_result, read_assert
from problems.judging import run_validator
from sandbox import Sandbox

MAX_INPUT_BYTES = 1 << 20
_INT = re.compile(r"[+-]?\d+")
_DEC = re.compile(r"[+-]?\d*\.\d+")


def _mutate_token(tok: str, rng: random.Random, letters: str, lo: int | None = None, hi: int | None = None) -> str:
    if _INT.fullmatch(tok):
        v = int(tok)
        if lo is not None and hi is not None and lo < hi:
            return str(rng.randint(lo, hi))
        top = max(10, 2 * abs(v))
        return str(rng.randint(-top, top) if v < 0 else rng.randint(0, top))
    if _DEC.fullmatch(tok):
        x = float(tok)
        span = max(10.0, 2 * abs(x))
        decimals = len(tok.split(".")[1])
        return f"{rng.uniform(-span if x < 0 else 0.0, span):.{decimals}f}"
    if tok.isalpha():
        return "".join(rng.choice(letters) for _ in tok)
    return tok


def _mutate_json(value: Any, rng: random.Random, letters: str) -> Any:
    if isinstance(value, bool):
        return rng.choice([True, False])
    if isinstance(value, int):
        return int(_mutate_token(str(value), rng, letters))
    if isinstance(value, float):
        return float(_mutate_token(repr(value), rng, letters)) if "." in repr(value) else value
    if isinstance(value, str):
        return "".join(rng.choice(letters) for _ in value)
    if isinstance(value, (list, tuple)):
        return type(value)(_mutate_json(v, rng, letters) for v in value)
    if isinstance(value, dict):
        return {k: _mutate_json(v, rng, letters) for k, v in value.items()}
    return value


def mutate(text: str, rng: random.Random, letters: str, as_json: bool, rate: float = 0.5) -> str:
    """One mutation of ``text``. Each token changes with probability ``rate``; integers move
    within the range of the integers on their line (when it has several), and the first
    line's numbers that look like sizes (a line count or a line's token count) never change.
    With ``as_json`` (a function call's arguments, JSON or a Python literal) the values
    change and the structure stays."""
    if as_json:
        try:
            encoded = encode_args(_mutate_json(decode_args(text), rng, letters))
        except ValueError:
            encoded = None
        if encoded is not None:
            return encoded.decode()
    lines = text.split("\n")
    body = [line for line in lines if line.strip()]
    sizes = {str(len(body) - 1)} | {str(len(line.split())) for line in body}
    out = []
    for number, line in enumerate(lines):
        toks = line.split(" ")
        ints = [int(t) for t in toks if _INT.fullmatch(t)]
        lo, hi = (min(ints), max(ints)) if len(ints) >= 2 else (None, None)
        new = []
        for tok in toks:
            keep = rng.random() >= rate or (number == 0 and tok in sizes)
            new.append(tok if keep else _mutate_token(tok, rng, letters, lo, hi))
        out.append(" ".join(new))
    return "\n".join(out)


def sample_mutations(problem: Problem, sandbox: Sandbox, count: int, seed: int = 0,
                     validate: Callable[[list[bytes]], list[bool]] | None = None,
                     seeds: Sequence[bytes] = ()) -> list[bytes]:
    """Up to ``count`` distinct valid inputs made by mutating the samples and ``seeds``
    (other inputs known to be of the right shape: the tests model's)."""
    texts = list(dict.fromkeys([t.input.decode(errors="replace") for t in problem.samples]
                               + [s.decode(errors="replace") for s in seeds]))
    if not texts or count <= 0:
        return []
    letters = "".join(sorted({c for s in texts for c in s if c.isalpha()})) or string.ascii_lowercase
    rng = random.Random(seed)
    as_json = problem.interface.kind == "function"
    seen = {s.encode() for s in texts}
    found: list[bytes] = []
    check = validate or (lambda inputs: validate_inputs(problem, sandbox, inputs))
    for _ in range(4):  # a few rounds: validators reject some mutations
        batch = []
        for _ in range(2 * (count - len(found))):
            data = mutate(rng.choice(texts), rng, letters, as_json).encode()
            if data not in seen and len(data) <= MAX_INPUT_BYTES:
                seen.add(data)
                batch.append(data)
        for data, ok in zip(batch, check(batch)):
            if ok and len(found) < count:
                found.append(data)
        if len(found) >= count:
            break
    return found


def validate_inputs(problem: Problem, sandbox: Sandbox, inputs: Sequence[bytes]) -> list[bool]:
    """True for inputs every input validator of the problem accepts (all, when it has none).
    A validator that cannot run (does not compile, or the sandbox cannot run it)
    raises :class:`problems.errors.ValidatorError`: broken problem data, as a broken output
    validator is."""
    ok = [True] * len(inputs)
    args = tuple(problem.metadata.get("input_validator_args", ()))
    for i, validator in enumerate(problem.input_validators):
        results = run_validator(sandbox, validator, inputs, args, f"input validator {i + 1} of {problem.id}")
        ok = [o and r.accepted for o, r in zip(ok, results)]
    return ok


# --------------------------------------------------------------------------- the tests model's replies

_INPUT_BLOCK = re.compile(r"```input[^\n]*\n(.*?)```", re.S)


def inputs_from_reply(reply: str) -> list[bytes]:
    return [block.encode() for block in _INPUT_BLOCK.findall(reply) if block.strip()]


_PAIR = re.compile(r"```input[^\n]*\n(.*?)```\s*```output[^\n]*\n(.*?)```", re.S)


def expected_tests_from_reply(problem: Problem, reply: str) -> list[tuple[bytes, bytes]]:
    """(input, expected answer) pairs; asserts become (arguments, JSON result) as in
    :mod:`problems.calls` (``assert f(ARGS) == VALUE``, either side; other lines are skipped)."""
    if problem.interface.kind != "function":
        return [(i.encode(), o.encode()) for i, o in _PAIR.findall(reply) if i.strip()]
    from .extract import extract_code

    entry = problem.interface.entry_point or ""
    code = extract_code(reply, "python") or ""
    pairs: list[tuple[bytes, bytes]] = []
    for line in code.splitlines():
        call = read_assert(line, entry) if entry in line else None
        if call is None:
            continue
        args, value = encode_args(call[0]), encode_result(call[1])
        if args is not None and value is not None:
            pairs.append((args, value))
    return pairs
