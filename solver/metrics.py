"""Solve-rate metrics.

``pass_at_k(n, c, k)`` is the unbiased estimator of the chance that at least one of ``k``
samples drawn without replacement from ``n`` (``c`` of them correct) is correct:
``1 - C(n-c, k) / C(n, k)``, computed as ``1 - prod_{i=n-c+1..n} (1 - k/i)`` so that it
stays exact in floating point for large ``n`` (no huge binomials).
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
