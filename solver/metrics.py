"""Solve-rate metrics.

``pass_at_k(n, c, k)`` is the unbiased estimator of the chance that at least one of ``k``
samples drawn without replacement from ``n`` (``c`` of them correct) is correct:
``1 - C(n-c, k) / C(n, k)``, computed as ``1 - prod_{i=n-c+1..n} (1 - k/i)`` so that it
stays exact in floating point for large ``n`` (no huge binomials).

Confidence intervals (:func:`bootstrap_interval`) are percentile bootstraps of the mean over
problems. With ``v`` the per-problem values (0/1 for a solve rate, pass@k of the problem's
pool, its cost or seconds), ``draws`` (default 2000), ``seed`` (default 0) and ``level``
(default 0.95)::

    rng = numpy.random.default_rng(seed)
    idx = rng.integers(0, len(v), size=(draws, len(v)))  # problems drawn with replacement
    means = v[idx].mean(axis=1)
    low = numpy.quantile(means, (1 - level) / 2)          # numpy's default (linear) quantile
    high = numpy.quantile(means, 1 - (1 - level) / 2)

The difference between two runs (:func:`paired_interval`) is the same bootstrap applied to
``b - a`` over the problems both runs judged, in the same order: problems are resampled, and
each draw takes the same problems from both runs.
"""

from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np


def pass_at_k(n: int, c: int, k: int) -> float:
    if not 0 <= c <= n:
        raise ValueError(f"need 0 <= correct <= samples, got correct={c}, samples={n}")
    if not 1 <= k <= n:
        raise ValueError(f"need 1 <= k <= samples, got k={k}, samples={n}")
    if n - c < k:
        return 1.0
    return float(1.0 - np.prod(1.0 - k / np.arange(n - c + 1, n + 1)))


def mean_pass_at_k(counts: Iterable[tuple[int, int]], k: int) -> float:
    """Mean of pass@k over problems given (samples, correct) per problem; problems with
    fewer than ``k`` samples are an error, as in the usual reporting."""
    values = [pass_at_k(n, c, k) for n, c in counts]
    return float(np.mean(values)) if values else 0.0


def ks_for(samples: Sequence[int]) -> list[int]:
    """Every k from 1 to the smallest sample count (what can be reported for all problems)."""
    return list(range(1, min(samples) + 1)) if samples and min(samples) > 0 else []


def n_at_k(solved: Iterable[bool]) -> float:
    """AlphaCode's n@k: the fraction of problems solved when ``n`` submissions are chosen
    from ``k`` samples per problem; ``solved`` says, per problem, whether any of the chosen
    submissions passed the hidden tests."""
    flags = list(solved)
    return float(np.mean(flags)) if flags else 0.0


def bootstrap_interval(values: Iterable[float], draws: int = 2000, seed: int = 0,
                       level: float = 0.95) -> tuple[float, float]:
    """The percentile bootstrap interval of the mean of ``values`` (one per problem): the
    procedure of the module docstring, so anyone can recompute it."""
    v = np.asarray(list(values), float)
    if len(v) == 0:
        raise ValueError("bootstrap_interval: no values (need at least one problem)")
    if draws < 1:
        raise ValueError(f"bootstrap_interval: draws must be at least 1, got {draws}")
    if not 0 < level < 1:
        raise ValueError(f"bootstrap_interval: level must be between 0 and 1, got {level}")
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(v), size=(draws, len(v)))
    means = v[idx].mean(axis=1)
    return float(np.quantile(means, (1 - level) / 2)), float(np.quantile(means, 1 - (1 - level) / 2))


def paired_interval(a: Sequence[float], b: Sequence[float], draws: int = 2000, seed: int = 0,
                    level: float = 0.95) -> tuple[float, float]:
    """The bootstrap interval of the mean paired difference ``b - a``: ``a[i]`` and ``b[i]`` are
    the two runs' values on the same problem, so each draw resamples problems, not runs."""
    if len(a) != len(b):
        raise ValueError(f"paired_interval: the runs have {len(a)} and {len(b)} values; "
                         "a paired difference needs one value per shared problem from each")
    diff = np.asarray(b, float) - np.asarray(a, float)
    return bootstrap_interval(diff, draws, seed, level)
