"""The solver package's exceptions: what a user can fix (the command line reports each as
exit code 2), kept in a module of their own so that naming them imports nothing heavy."""

from __future__ import annotations


class ConfigError(Exception):
    """A bad configuration value; the message names where it came from and the field."""


class ModelError(Exception):
    """A model could not produce samples (bad configuration, refused key, retries exhausted)."""


class ModelUnusable(ModelError):
    """The endpoint refuses the key or does not know the model: no later request can succeed,
    so a batch stops instead of failing every problem in turn."""


class RunDirError(Exception):
    """The run directory cannot be used as asked (e.g. it was made with another configuration)."""


__all__ = ["ConfigError", "ModelError", "ModelUnusable", "RunDirError"]
