"""The solver: models, sampling, test generation, ranking and the command line.

``solve(problem, config, model, sandbox, tests_model=None)`` turns one problem into k
chosen submissions with a full trace (``Attempt``). Batch runs, reports and the
``codesolve solve`` command are not built yet.
"""

from .models import (CompletionCache, Generation, Model, ModelConfig, ModelError, OpenAIModel, ReplayModel, Usage,
                     UsageLog, open_model)
from .pipeline import Attempt, Candidate, SolveConfig, solve

__all__ = ["Attempt", "Candidate", "CompletionCache", "Generation", "Model", "ModelConfig", "ModelError",
           "OpenAIModel", "ReplayModel", "SolveConfig", "Usage", "UsageLog", "open_model", "solve"]
