"""The language table: how to compile and run each language.

Adding a language is one entry: a source file name, a compile command (run inside the
sandbox, in the work dir holding the source), the artefacts to keep (globs) and the run
command (``{dir}`` is the read-only directory holding the artefacts). For example Java::

    Language("java", (".java",), "Main.java", ("javac", "-encoding", "UTF-8", "Main.java"),
             ("*.class",), ("java", "-Xss64m", "-cp", "{dir}", "Main"))
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .errors import UnsupportedLanguage

# Syntax check of every Python file in the work dir, without writing byte code.
_PY_CHECK = ("import sys, glob\n"
             "bad = 0\n"
             "for name in sorted(glob.glob('*.py')):\n"
             "    try:\n"
             "        compile(open(name, 'rb').read(), name, 'exec')\n"
             "    except (SyntaxError, ValueError) as e:\n"
             "        bad = 1\n"
             "        print(f'{name}:{getattr(e, \"lineno\", \"?\")}: {type(e).__name__}: {e}', file=sys.stderr)\n"
             "sys.exit(bad)\n")


@dataclass(frozen=True)
class Language:
    name: str
    extensions: tuple[str, ...]
    source_name: str
    compile_argv: tuple[str, ...]
    artefacts: tuple[str, ...]
    run_argv: tuple[str, ...]


LANGUAGES: dict[str, Language] = {
    lang.name: lang
    for lang in (
        Language("python", (".py",), "prog.py", ("python3", "-c", _PY_CHECK), ("*.py",),
                 ("python3", "-B", "{dir}/prog.py")),
        Language("cpp", (".cpp", ".cc", ".cxx", ".c++"), "prog.cpp",
                 ("g++", "-O2", "-std=c++17", "-pipe", "-o", "prog", "prog.cpp"), ("prog",),
                 ("{dir}/prog",)),
    )
}

ALIASES = {"py": "python", "python3": "python", "c++": "cpp", "cxx": "cpp", "c++17": "cpp"}


def get_language(name: str) -> Language:
    key = ALIASES.get(name.lower(), name.lower())
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
