"""The sandbox package's exception hierarchy."""

from __future__ import annotations


class SandboxError(Exception):
    """Base class of every error the sandbox raises."""


class UnsupportedLanguage(SandboxError):
    """A program names a language the language table does not know."""


class IsolationUnavailable(SandboxError):
    """The backend cannot isolate programs on this machine (and says why)."""


class BoxCrashed(SandboxError):
    """A worker box died or broke its protocol; the run's result is unknown."""
