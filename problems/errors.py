"""The problems package's exception hierarchy."""

from __future__ import annotations


class ProblemError(Exception):
    """A problem or problem set could not be loaded.

    The message names the file, the field (when there is one) and what was expected.
    """

    def __init__(self, path: str, message: str, field: str | None = None) -> None:
        self.path = path
        self.field = field
        where = f"{path}: {field}: " if field else f"{path}: "
        super().__init__(where + message)


class CheckerError(Exception):
    """A checker was configured wrongly (bad flags, a validator that does not compile or
    cannot run)."""


class ValidatorError(CheckerError):
    """A validator (input or output) could not run: it does not compile, crashed, exceeded
    a limit or exited with a code other than 42 (accept) and 43 (reject). The message names
    the validator and says what happened."""

    def __init__(self, validator: str, what: str) -> None:
        self.validator = validator
        self.what = what
        super().__init__(f"{validator} {what}")


class UnknownFormat(ProblemError):
    """Nothing at the path looks like a format codesolve reads."""


class UnsupportedProblem(ProblemError):
    """A problem of a kind codesolve cannot run (e.g. interactive), reported, never mis-run."""
