"""docs/cli.md, the command-line reference, written from the parser:
``python -m solver.cli.reference > docs/cli.md`` (tests/test_cli.py checks it is current)."""

from __future__ import annotations

import argparse
import re
import sys

from . import __doc__ as CLI_DOC
from . import build_parser

#: The command that writes docs/cli.md.
REGENERATE = "python -m solver.cli.reference > docs/cli.md"

#: Usage lines are wrapped at this width, whatever the terminal's.
WIDTH = 100


def markdown() -> str:
    """The reference: the exit codes, then a section per command with its usage and a table
    of its arguments."""
    parser = build_parser()
    intro = re.sub(r"``([^`]+)``", r"`\1`", (CLI_DOC or "").split("\n\n")[1]).replace("\n", " ")
    lines = ["# The `codesolve` command line", "",
             f"<!-- Written by `{REGENERATE}` from the parser (solver/cli); do not edit by hand. -->", "",
             intro, "", "| command | what it does |", "| --- | --- |"]
    commands = list(_commands(parser))
    lines += [f"| [`{p.prog}`](#{_anchor(p.prog)}) | {_cell(help_text)} |" for p, help_text in commands]
    lines += ["", *_section(parser, "Options of every command, given before the command:")]
    for p, help_text in commands:
        lines += [f"## {p.prog}", "", help_text[0].upper() + help_text[1:] + ".", "", *_section(p)]
    return "\n".join(lines).rstrip("\n") + "\n"


def _commands(parser: argparse.ArgumentParser) -> list[tuple[argparse.ArgumentParser, str]]:
    """Every command that runs something (``codesolve sandbox doctor``, not ``codesolve sandbox``) with its help."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            for name, sub in action.choices.items():
                nested = list(_commands(sub))
                found += nested or [(sub, helps[name])]
    return found


def _section(p: argparse.ArgumentParser, title: str = "") -> list[str]:
    """The usage of ``p`` and a table of its arguments."""
    formatter = argparse.HelpFormatter(p.prog, width=WIDTH)
    formatter.add_usage(p.usage, p._actions, p._mutually_exclusive_groups, prefix="")
    lines = ["```", formatter.format_help().strip("\n"), "```", ""]
    rows = [a for a in p._actions if not isinstance(a, (argparse._HelpAction, argparse._SubParsersAction))]
    if rows:
        lines += [title or "Arguments:", "", "| argument | meaning |", "| --- | --- |"]
        lines += [f"| `{_invocation(formatter, a)}` | {_cell(_meaning(formatter, a))} |" for a in rows] + [""]
    return lines


def _invocation(formatter: argparse.HelpFormatter, action: argparse.Action) -> str:
    """``-n SAMPLES, --samples SAMPLES``, or a positional argument's name."""
    if not action.option_strings:
        return str(action.metavar or action.dest)
    return formatter._format_action_invocation(action)


def _meaning(formatter: argparse.HelpFormatter, action: argparse.Action) -> str:
    """The help of ``action``, with its default when the help does not speak of one."""
    meaning = formatter._expand_help(action) if action.help else ""
    if action.default not in (None, False, argparse.SUPPRESS) and "default" not in meaning:
        meaning += f" (default {action.default})" if meaning else f"default {action.default}"
    if action.required and action.option_strings:
        meaning += " (required)"
    return meaning


def _cell(text: str) -> str:
    """``text`` safe in a markdown table cell."""
    return text.replace("|", "\\|").replace("<", "\\<").replace("*", "\\*").replace("\n", " ")


def _anchor(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    return re.sub(r"[^a-z0-9 _-]", "", heading.lower()).replace(" ", "-")


if __name__ == "__main__":
    sys.stdout.write(markdown())
