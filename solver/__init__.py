"""The solver: models, sampling, test generation, ranking, batch runs and the CLI.

So far it holds the command line (``solver.cli``); the pipeline follows.
"""

__all__: list[str] = []
