"""A run directory's model samples as a replay pool (``codesolve export-pool``).

A run made once with a live model records every sample in its run database, with the
request's model, role, problem and purpose and the tokens it cost. Exported, the samples
become a JSONL replay pool (``--model replay:FILE`` and ``--tests-model replay:FILE`` take
the same file: its rows name their role), so the run can be replayed, re-ranked and
re-tuned with no model, and its cost studied with ``--price-*`` flags.

Rows are ``{"task_id", "role", "purpose", "completion", "usage": {"prompt_tokens",
"completion_tokens"}, "model"}``, per problem, role and purpose in sample order. A replay
serves the k-th row of a problem and purpose as sample k, so each sequence stops at the
first index the run never drew (repairs draw indices past the samples, one per repaired
candidate; those after a gap are not exported). A sample's tokens are its share of the
request that returned it (a request of n samples divides its tokens among them).
"""

from __future__ import annotations

import json
from typing import Any

from .models import CompletionCache


def export_pool(db_path: str, out_path: str) -> dict[str, Any]:
    """Write the pool of the run database ``db_path`` to ``out_path``; what was written:
    rows per role, problems, and the samples left out after a gap."""
    cache = CompletionCache(db_path)
    rows: dict[str, int] = {}
    problems: set[str] = set()
    skipped = 0
    try:
        with open(out_path, "w", encoding="utf-8") as out:
            expected: dict[tuple[str, str, str], int] = {}
            for model, role, task, purpose, index, text, prompt, completion in cache.labelled():
                key = (role, task, purpose)
                if index != expected.get(key, 0):
                    skipped += 1
                    continue
                expected[key] = index + 1
                row = {"task_id": task, "role": role, "purpose": purpose, "completion": text,
                       "usage": {"prompt_tokens": prompt, "completion_tokens": completion}, "model": model}
                if not purpose:
                    del row["purpose"]
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                rows[role] = rows.get(role, 0) + 1
                problems.add(task)
    finally:
        cache.close()
    return {"rows": rows, "problems": len(problems), "left_out": skipped}


__all__ = ["export_pool"]
