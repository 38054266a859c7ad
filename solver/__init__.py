"""The solver: models, sampling, test generation, ranking, batch runs, reports and the
command line.

``solve(problem, config, model, sandbox, tests_model=None)`` turns one problem into k
chosen submissions with a full trace (``Attempt``); ``solve_set`` solves a whole problem set
into a resumable run directory (``codesolve solve``) and ``solver.report`` derives the
solve rates, pass@k, costs and the plot from it (``codesolve report``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: Public name -> the module defining it. Imported on first use, so that a command that needs
#: only a little of the package (``codesolve run``) does not pay for the rest (numpy, the
#: model client, the pipeline).
_PUBLIC = {
    **dict.fromkeys(("BatchOutcome", "open_run", "solve_set"), "batch"),
    **dict.fromkeys(("RunConfig", "resolve"), "config"),
    **dict.fromkeys(("ConfigError", "ModelError", "ModelUnusable", "RunDirError"), "errors"),
    **dict.fromkeys(("mean_pass_at_k", "n_at_k", "pass_at_k"), "metrics"),
    **dict.fromkeys(("CompletionCache", "Generation", "Model", "ModelConfig", "OpenAIModel", "ReplayModel", "Usage",
                     "UsageLog", "open_model"), "models"),
    **dict.fromkeys(("Attempt", "Candidate", "SolveConfig", "solve"), "pipeline"),
    **dict.fromkeys(("RecordingSandbox", "RunStore"), "store"),
}

__all__ = ["Attempt", "BatchOutcome", "Candidate", "CompletionCache", "ConfigError", "Generation", "Model",
           "ModelConfig", "ModelError", "ModelUnusable", "OpenAIModel", "RecordingSandbox", "ReplayModel",
           "RunConfig", "RunDirError", "RunStore", "SolveConfig", "Usage", "UsageLog", "mean_pass_at_k", "n_at_k",
           "open_model", "open_run", "pass_at_k", "resolve", "solve", "solve_set"]

if TYPE_CHECKING:  # the same names, eagerly, for the type checker
    from .batch import BatchOutcome, open_run, solve_set
    from .config import RunConfig, resolve
    from .errors import ConfigError, ModelError, ModelUnusable, RunDirError
    from .metrics import mean_pass_at_k, n_at_k, pass_at_k
    from .models import (
        CompletionCache,
        Generation,
        Model,
        ModelConfig,
        OpenAIModel,
        ReplayModel,
        Usage,
        UsageLog,
        open_model,
    )
    from .pipeline import Attempt, Candidate, SolveConfig, solve
    from .store import RecordingSandbox, RunStore


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module 'solver' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_PUBLIC[name]}", __name__), name)
