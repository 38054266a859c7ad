"""Sandbox backends by name, imported lazily."""

from __future__ import annotations

import importlib
from typing import Any

from .base import Sandbox
from .errors import SandboxError

#: name -> (module, class, install hint when the import fails)
BACKENDS: dict[str, tuple[str, str, str]] = {
    "local": ("sandbox.local", "LocalSandbox", "the local backend needs only the standard library"),
    "docker": ("sandbox.docker", "DockerSandbox", "pip install 'codesolve[docker]'"),
}


def open_sandbox(name: str = "local", **options: Any) -> Sandbox:
    """Create the backend called ``name`` (``options`` go to its config)."""
    try:
        module_name, class_name, hint = BACKENDS[name]
    except KeyError:
        raise SandboxError(f"unknown sandbox backend {name!r}; available: {', '.join(sorted(BACKENDS))}") from None
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise SandboxError(f"the {name} backend cannot be imported ({exc}); {hint}") from exc
    cls = getattr(module, class_name)
    if options:
        config_cls = getattr(module, class_name.replace("Sandbox", "Config"))
        return cls(config_cls(**options))
    return cls()
