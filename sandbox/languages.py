"""The language table: how to compile and run each language.

Adding a language is one entry: a source file name, a compile command (run inside the
sandbox, in the work dir holding the source), the artefacts to keep (globs; ``**`` keeps
every file under the work dir) and the run
command (``{dir}`` is the read-only directory holding the artefacts); the name a prompt
gives it, the other names a user may type and the tags a model may put on a fenced code
block. A language with no compile command keeps its source files as they are and runs in
an interpreter; its ``syntax_check``, if any, runs on the host and only reads the source
(Python's is the interpreter's own parser and byte-code compiler, which execute nothing,
so checking a candidate costs no box round trip and no interpreter start). For example
Java::

    Language("java", (".java",), "Main.java", ("javac", "-encoding", "UTF-8", "Main.java"),
             ("*.class",), ("java", "-Xss64m", "-cp", "{dir}", "Main"), title="Java 17")

What else a language needs is not in this table: a function-call harness
(:mod:`problems.judging.harness`, Python and C++) and the solver's recognition of a bare,
unfenced program (:mod:`solver.extract`).
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from typing import Callable, Mapping

from .errors import UnsupportedLanguage
from .programs import AST_LOCK


def python_syntax(files: Mapping[str, bytes]) -> str:
    """Compile (never run) every ``.py`` file; the errors, one line each, or "" when none.
    The byte code is discarded: the box's interpreter compiles the program again. A file
    checked before is not compiled again (a harness, a problem's test file: the same for
    every candidate)."""
    errors = [error for name in sorted(files) if name.endswith(".py") and (error := _file_syntax(name, files[name]))]
    return "\n".join(errors)


@functools.lru_cache(maxsize=1024)
def _file_syntax(name: str, source: bytes) -> str:
    try:
        with AST_LOCK:
            compile(source, name, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, MemoryError, RecursionError, OverflowError) as e:
        return f"{name}:{getattr(e, 'lineno', '?')}: {type(e).__name__}: {e}"
    return ""


@dataclass(frozen=True)
class Language:
    name: str
    extensions: tuple[str, ...]
    source_name: str
    compile_argv: tuple[str, ...]
    artefacts: tuple[str, ...]
    run_argv: tuple[str, ...]
    #: Checks the sources on the host (no compile command): error text, or "" when fine.
    syntax_check: Callable[[Mapping[str, bytes]], str] | None = None
    #: How a prompt names the language ("Python 3", "C++17").
    title: str = ""
    #: Other names a user may give it (``--languages``, a sample's ``language`` field).
    aliases: tuple[str, ...] = ()
    #: Tags of a fenced code block in this language, besides the name and the aliases.
    fence_tags: tuple[str, ...] = ()

    @property
    def interpreted(self) -> bool:
        """No compile step: the sources run in an interpreter."""
        return not self.compile_argv

    def is_called(self, tag: str) -> bool:
        """``tag`` (a name, an alias or a code-block tag, any case) names this language."""
        return tag.lower() in (self.name, *self.aliases, *self.fence_tags)


LANGUAGES: dict[str, Language] = {
    lang.name: lang
    for lang in (
        Language("python", (".py",), "prog.py", (), ("*.py",), ("python3", "-B", "{dir}/prog.py"),
                 python_syntax, title="Python 3", aliases=("py", "python3")),
        # As judges compile (DOMjudge, Kattis, Codeforces): optimised, the GNU dialect (so
        # GNU extensions and <bits/stdc++.h> habits compile), ONLINE_JUDGE defined (solutions
        # read a local file without it). C++17 because every judge accepts it and the prompt
        # names it; dynamically linked (the boxes have the runtime; -static would cost a
        # slower link and a 2 MB executable shipped to every box).
        Language("cpp", (".cpp", ".cc", ".cxx", ".c++"), "prog.cpp",
                 ("g++", "-O2", "-std=gnu++17", "-DONLINE_JUDGE", "-pipe", "-o", "prog", "prog.cpp"), ("prog",),
                 ("{dir}/prog",), title="C++17", aliases=("c++", "cxx", "c++17"), fence_tags=("cc", "c")),
    )
}

#: A program folder with ``build``/``run`` scripts (problemtools' convention, used by contest
#: packages for validators, interactors and submissions): ``build``, when there is one, runs
#: in the compile box under the compile limits with the folder's files beside it; ``run``
#: (a script with a ``#!`` line, or what ``build`` made) is the program, run from the
#: read-only directory holding everything the folder held and the build wrote. Not a
#: language a candidate is written in, so not in :data:`LANGUAGES`. Its ``source`` is the
#: build script (empty when the folder has none).
BUILD_RUN = Language(
    "build-run", (), "build",
    ("/bin/sh", "-c", 'if [ -s build ]; then chmod +x build && ./build || exit $?; fi; '
                      '[ -f run ] || { echo "no run script in the program folder (nor made by build)" >&2; exit 1; }'),
    ("run", "**"), ("{dir}/run",), title="program folder (build/run scripts)")

ALIASES = {alias: lang.name for lang in LANGUAGES.values() for alias in lang.aliases}


def get_language(name: str) -> Language:
    key = ALIASES.get(name.lower(), name.lower())
    if key == BUILD_RUN.name:
        return BUILD_RUN
    try:
        return LANGUAGES[key]
    except KeyError:
        raise UnsupportedLanguage(
            f"unknown language {name!r}; known: {', '.join(sorted(LANGUAGES))}") from None


def language_for_path(path: str) -> Language:
    ext = os.path.splitext(path)[1].lower()
    for lang in LANGUAGES.values():
        if ext in lang.extensions:
            return lang
    raise UnsupportedLanguage(
        f"{path}: cannot infer the language from the extension {ext or '(none)'!r}; "
        f"pass --language ({', '.join(sorted(LANGUAGES))})")
