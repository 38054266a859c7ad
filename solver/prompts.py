"""Every prompt the solver sends, in one place.

* The solve model: candidate programs for stdin/stdout and function-call problems in Python
  and C++ (diversity comes from the sampling temperature, from prompt variants ``direct``,
  ``reason``, ``edge`` and, optionally, from the problem's metadata, difficulty and tags,
  as AlphaCode conditions on them); a repair shown its failing example (AlphaCodium); the
  S* adjudication between two outputs.
* The tests model: an input generator, inputs, an input validator, tests with expected
  outputs (CodeT), and the S* inputs that split two programs.
"""

from __future__ import annotations

import re

from problems import Problem
from sandbox import get_language

VARIANTS = ("direct", "reason", "edge")

_VARIANT_TEXT = {
    "direct": "Write a correct and efficient solution.",
    "reason": "First explain the key idea in a few sentences, then write the solution.",
    "edge": "Think about edge cases and the largest inputs allowed by the constraints before writing "
            "the solution.",
}


def solve_messages(problem: Problem, language: str, variant: str = "direct",
                   with_metadata: bool = False, max_samples: int = 3) -> list[dict[str, str]]:
    if variant not in _VARIANT_TEXT:
        raise ValueError(f"unknown prompt variant {variant!r}; known: {', '.join(VARIANTS)}")
    name = get_language(language).title
    parts = [problem.statement.strip()]
    if problem.interactive:
        shown = [t.interaction.rstrip() for t in problem.samples[:max_samples] if t.interaction.strip()]
        if shown:
            parts.append("## Sample interactions\n\nA line starting with `<` is one your program reads "
                         "(from the judge); a line starting with `>` is one it writes.")
            parts += [f"```\n{text}\n```" for text in shown]
    elif problem.samples:
        parts.append("## Examples")
        for t in problem.samples[:max_samples]:
            parts.append(f"Input:\n```\n{t.input.decode(errors='replace').rstrip()}\n```\n"
                         f"Output:\n```\n{t.answer.decode(errors='replace').rstrip()}\n```")
    parts.append(f"Limits: {problem.limits.time_s:g} s, {problem.limits.memory_mb} MB.")
    if with_metadata:
        meta = []
        if problem.metadata.get("difficulty"):
            meta.append(f"Difficulty: {problem.metadata['difficulty']}")
        if problem.metadata.get("tags"):
            meta.append("Tags: " + ", ".join(map(str, problem.metadata["tags"])))
        if meta:
            parts.append(". ".join(meta) + ".")
    iface = problem.interface
    if iface.kind == "function":
        how = (f"Write the function `{iface.entry_point}`"
               + (f" with signature `{iface.signature}`" if iface.signature else "")
               + f" in {name}. Do not read input or print; return the result.")
        if language == "cpp":
            how += " Write a free function (no class, no main); use long long for int, double for float, " \
                   "std::string for str and std::vector for list."
    elif problem.interactive:
        how = (f"This problem is interactive: write a complete {name} program that talks with the judge "
               "through standard input and output, and flush the output after every line it writes (the "
               "judge waits for it).")
    else:
        how = f"Write a complete {name} program that reads from standard input and writes to standard output."
    parts.append(f"{how} {_VARIANT_TEXT[variant]} Give the code in one ```{get_language(language).name} block.")
    return [{"role": "system", "content": "You are an expert competitive programmer."},
            {"role": "user", "content": "\n\n".join(parts)}]


def repair_messages(problem: Problem, language: str, variant: str, with_metadata: bool, code: str,
                    feedback: str) -> list[dict[str, str]]:
    """The solve conversation, the candidate as the model's answer, and the failing example
    (AlphaCodium's repair step)."""
    tag = get_language(language).name
    return solve_messages(problem, language, variant, with_metadata) + [
        {"role": "assistant", "content": f"```{tag}\n{code}```"},
        {"role": "user", "content": "Your program fails this example.\n\n" + feedback +
         f"\n\nFind the mistake and give the whole corrected program in one ```{tag} block."}]


def distinguish_messages(problem: Problem, programs: tuple[str, str], count: int) -> list[dict[str, str]]:
    """S*: ask for inputs on which two programs that behaved alike so far give different outputs."""
    first, second = programs
    return [{"role": "system", "content": "You write tests for programming problems."},
            {"role": "user", "content": problem.statement.strip() + "\n\n" + input_format(problem) +
             f"\n\nTwo programs for this problem disagree on some inputs.\n\nProgram A:\n```\n{first}```\n\n"
             f"Program B:\n```\n{second}```\n\nWrite {count} distinct valid inputs on which programs A and B "
             "give different outputs. Put each input in its own ```input block and nothing else in it."}]


def adjudicate_messages(problem: Problem, data: str, outputs: tuple[str, str]) -> list[dict[str, str]]:
    """S*: ask which of two outputs on one input is right; the answer is the reply's last
    ``Answer: A`` or ``Answer: B``."""
    first, second = outputs
    return [{"role": "system", "content": "You are an expert competitive programmer and a careful judge."},
            {"role": "user", "content": problem.statement.strip() +
             f"\n\nInput:\n```\n{data.rstrip()}\n```\n\nOutput A:\n```\n{first.rstrip()}\n```\n\n"
             f"Output B:\n```\n{second.rstrip()}\n```\n\nExactly one of the two outputs is correct for this "
             "input. Work out the correct output step by step, then end with one line: `Answer: A` or `Answer: B`."}]


_VERDICT = re.compile(r"Answer:\s*\**\s*([AB])\b")


def read_verdict(reply: str) -> str | None:
    """``A`` or ``B`` from an adjudication reply's last ``Answer:`` line, else None."""
    found = _VERDICT.findall(reply)
    return found[-1] if found else None


# --------------------------------------------------------------------------- the tests model

def _problem_text(problem: Problem) -> str:
    parts = [problem.statement.strip()]
    what = "Example of the judge's data file" if problem.interactive else "Example input"
    for t in problem.samples[:3]:
        parts.append(f"{what}:\n```\n{t.input.decode(errors='replace').rstrip()}\n```")
    return "\n\n".join(parts)


def input_format(problem: Problem) -> str:
    """What an input is, for the tests model's prompts."""
    if problem.interactive:
        return ("The problem is interactive: an input is the judge's data file for one test (what the "
                "interactive judge reads, e.g. its hidden values), in the format of the judge's example data "
                "files, not what the program reads.")
    if problem.interface.kind == "function":
        return ("An input is ONE line: a JSON array of the function's positional arguments, "
                f"for `{problem.interface.signature or problem.interface.entry_point}`.")
    return "An input is exactly what the program reads on standard input."


def generator_messages(problem: Problem) -> list[dict[str, str]]:
    return [{"role": "system", "content": "You write test generators for programming problems."},
            {"role": "user", "content": _problem_text(problem) + "\n\n" + input_format(problem) +
             "\n\nWrite a Python 3 program that prints ONE random valid input for this problem. It takes an "
             "integer seed as its first command-line argument and must call random.seed(seed). Vary the sizes "
             "(mostly small, some edge cases, some near the limits) but keep an input under 100 KB. Give the "
             "program in one ```python block."}]


def inputs_messages(problem: Problem, count: int) -> list[dict[str, str]]:
    return [{"role": "system", "content": "You write tests for programming problems."},
            {"role": "user", "content": _problem_text(problem) + "\n\n" + input_format(problem) +
             f"\n\nWrite {count} distinct valid inputs that exercise edge cases (smallest values, equal values, "
             "extremes) and typical cases. Put each input in its own ```input block and nothing else in it."}]


def validator_messages(problem: Problem) -> list[dict[str, str]]:
    return [{"role": "system", "content": "You write input validators for programming problems."},
            {"role": "user", "content": _problem_text(problem) + "\n\n" + input_format(problem) +
             "\n\nWrite a Python 3 program that reads one input on standard input and exits with code 42 when "
             "it is valid (exact format and every constraint) and 43 otherwise. Give it in one ```python block."}]


def expected_tests_messages(problem: Problem, count: int) -> list[dict[str, str]]:
    """Ask for tests that carry their expected output (CodeT): asserts for a function, input/output
    block pairs for stdin/stdout."""
    if problem.interface.kind == "function":
        how = (f"Write {count} tests, one per line, each exactly of the form "
               f"`assert {problem.interface.entry_point}(ARGUMENTS) == EXPECTED` with literal Python values, "
               "in one ```python block.")
    else:
        how = (f"Write {count} tests. For each, give the input in an ```input block immediately followed by "
               "the exact expected output in an ```output block.")
    return [{"role": "system", "content": "You write tests for programming problems."},
            {"role": "user", "content": _problem_text(problem) + "\n\n" + input_format(problem) + "\n\n" + how}]
