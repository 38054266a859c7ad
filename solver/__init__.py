"""The solver: models, sampling, test generation, ranking, batch runs, reports and the
command line.

``solve(problem, config, model, sandbox, tests_model=None)`` turns one problem into k
chosen submissions with a full trace (``Attempt``); ``solve_set`` solves a whole problem set
into a resumable run directory (``codesolve solve``) and ``solver.report`` derives the
solve rates, pass@k, costs and the plot from it (``codesolve report``).
"""

from .batch import BatchOutcome, RunDirError, open_run, solve_set
from .config import ConfigError, RunConfig, resolve
from .metrics import mean_pass_at_k, n_at_k, pass_at_k
from .models import (
                     CompletionCache,
                     Generation,
                     Model,
                     ModelConfig,
                     ModelError,
                     ModelUnusable,
                     OpenAIModel,
                     ReplayModel,
                     Usage,
                     UsageLog,
                     open_model,
)
from .pipeline import Attempt, Candidate, SolveConfig, solve
from .store import RecordingSandbox, RunStore

__all__ = ["Attempt", "BatchOutcome", "Candidate", "CompletionCache", "ConfigError", "Generation", "Model",
           "ModelConfig", "ModelError", "ModelUnusable", "OpenAIModel", "RecordingSandbox", "ReplayModel",
           "RunConfig", "RunDirError", "RunStore", "SolveConfig", "Usage", "UsageLog", "mean_pass_at_k", "n_at_k",
           "open_model", "open_run", "pass_at_k", "resolve", "solve", "solve_set"]
