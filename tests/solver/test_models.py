"""Models through the real openai client against the local scripted server."""

from __future__ import annotations

import asyncio
import json
import time

import pytest
from openai_server import ScriptedOpenAI  # type: ignore[import-not-found]

from solver.models import (
    CompletionCache,
    Endpoints,
    ModelConfig,
    ModelError,
    OpenAIModel,
    ReplayMissing,
    ReplayModel,
    open_model,
)

POOL = [f"print({i})\n" for i in range(6)]
MESSAGES = [{"role": "system", "content": "You write Python."}, {"role": "user", "content": "problem alpha"}]


@pytest.fixture
def server():
    with ScriptedOpenAI({"alpha": POOL}) as srv:
        yield srv


def model(server, cache=None, **config) -> OpenAIModel:
    cfg = {"timeout_s": 5.0, "backoff_s": 0.01, **config}
    return OpenAIModel(ModelConfig("scripted-1", server.base_url, "test-key", **cfg), "solve", cache)


def run(coro):
    return asyncio.run(coro)


def test_n_samples_in_one_request_with_usage(server):
    m = model(server)
    gens = run(m.generate(MESSAGES, 4))
    assert [g.text for g in gens] == POOL[:4] and [g.index for g in gens] == [0, 1, 2, 3]
    assert len(server.requests) == 1 and server.requests[0]["n"] == 4
    usage = m.usage.by_role["solve"]
    assert (usage.requests, usage.samples) == (1, 4) and usage.prompt_tokens > 0 and usage.completion_tokens == 4


@pytest.mark.parametrize("fault, requests", [(("ignore_n",), 4), (("fewer", 2), 3)])
def test_servers_that_return_fewer_choices(server, fault, requests):
    server.faults.append(fault)
    gens = run(model(server).generate(MESSAGES, 4))
    assert len(gens) == 4 and len({g.text for g in gens}) == 4
    assert len(server.requests) == requests
    assert server.choices_served == 4  # nothing asked for twice


@pytest.mark.parametrize("fault", [("429", 0.3), ("500",), ("truncated",), ("malformed",), ("hang", 3.0)])
def test_faults_are_retried_without_losing_samples(server, fault):
    server.faults.append(fault)
    m = model(server, timeout_s=1.0)
    t0 = time.monotonic()
    gens = run(m.generate(MESSAGES, 3))
    assert [g.text for g in gens] == sorted({g.text for g in gens}, key=[g.text for g in gens].index)
    assert len(gens) == 3 and len(server.requests) == 2
    assert m.usage.by_role["solve"].retries == 1 and m.usage.by_role["solve"].samples == 3
    if fault[0] == "429":
        assert time.monotonic() - t0 >= 0.3  # Retry-After honoured


def test_usage_per_problem_and_cost(server):
    m = model(server, price_prompt_per_mtok=2.0, price_completion_per_mtok=10.0)
    run(m.generate(MESSAGES, 2, key="alpha"))
    run(m.generate(MESSAGES, 1, start=2, key="beta"))
    per = m.usage.by_problem
    assert per["alpha"]["solve"].samples == 2 and per["beta"]["solve"].samples == 1
    total = m.usage.by_role["solve"]
    assert total.samples == 3
    expected = (total.prompt_tokens * 2.0 + total.completion_tokens * 10.0) / 1e6
    assert total.cost == pytest.approx(expected) and total.cost > 0


def test_gives_up_after_max_attempts(server):
    server.faults.extend([("500",)] * 3)
    with pytest.raises(ModelError, match="giving up after 3 attempts"):
        run(model(server, max_attempts=3).generate(MESSAGES, 1))


def test_refused_key_is_a_clear_error(server):
    server.faults.append(("401",))
    with pytest.raises(ModelError, match="refused the API key"):
        run(model(server).generate(MESSAGES, 1))


def test_cache_by_sample_index_never_by_key(server, tmp_path):
    cache = CompletionCache(str(tmp_path / "cache.sqlite"))
    first = run(model(server, cache).generate(MESSAGES, 3))
    assert len(server.requests) == 1
    other_key = OpenAIModel(ModelConfig("scripted-1", server.base_url, "another-key", backoff_s=0.01), "solve", cache)
    again = run(other_key.generate(MESSAGES, 3))
    assert [g.text for g in again] == [g.text for g in first] and all(g.cached for g in again)
    assert len(server.requests) == 1  # a re-run costs nothing, whatever the credentials
    more = run(model(server, cache).generate(MESSAGES, 2, start=2))
    assert more[0].text == first[2].text and more[0].cached and not more[1].cached
    assert len(server.requests) == 2 and server.requests[-1]["n"] == 1  # only sample 3 was drawn
    run(model(server, cache).generate(MESSAGES, 1, temperature=0.2))
    assert len(server.requests) == 3  # other parameters, other samples
    cache.close()
    reopened = CompletionCache(str(tmp_path / "cache.sqlite"))
    assert len(reopened.get(CompletionCache.request_key("scripted-1", MESSAGES, {"temperature": 0.8, "max_tokens": 2048, "seed": None}), range(4))) == 4


def test_the_choices_of_one_answer_are_recorded_in_one_transaction(server, tmp_path):
    """A run killed while an answer's choices are written keeps all or none of them: with
    only some kept, the resumed run would ask a smaller request and get other samples."""
    cache = CompletionCache(str(tmp_path / "cache.sqlite"))
    statements: list[str] = []
    cache._db.set_trace_callback(statements.append)
    run(model(server, cache).generate(MESSAGES, 4))
    labels = [s for s in statements if "INTO requests" in s]
    writes = [s.split()[0].upper() for s in statements
              if not s.lstrip().upper().startswith("SELECT") and s not in labels]
    assert writes == ["BEGIN"] + ["INSERT"] * 4 + ["COMMIT"], statements
    assert len(labels) == 1  # what the request was for (model, role, problem, purpose), for export-pool
    cache.close()


def test_replay_model(tmp_path):
    path = tmp_path / "samples.jsonl"
    rows = [{"task_id": "alpha", "completion": "a0"}, {"task_id": "beta", "completion": "b0"},
            {"task_id": "alpha", "code": "a1"}, {"task_id": "alpha", "completion": "t0", "role": "tests"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    solve = open_model(f"replay:{path}")
    assert [g.text for g in run(solve.generate(MESSAGES, 2, key="alpha"))] == ["a0", "a1"]
    assert [g.text for g in run(ReplayModel(str(path), "tests").generate(MESSAGES, 1, key="alpha"))] == ["t0"]
    with pytest.raises(ModelError, match="'alpha' has 2 recorded solve samples"):
        run(solve.generate(MESSAGES, 1, start=2, key="alpha"))
    (tmp_path / "bad.jsonl").write_text('{"task_id": "x", "completion": "ok"}\nnot json\n')
    with pytest.raises(ModelError, match="bad.jsonl:2"):
        ReplayModel(str(tmp_path / "bad.jsonl"))
    with pytest.raises(ModelError, match="no such replay file"):
        open_model(f"replay:{tmp_path / 'missing.jsonl'}")


def test_replay_takes_the_files_people_have(tmp_path):
    # HumanEval-style task ids match problem ids as in eval; a file of tests replies that
    # names no role serves the tests role when given as the tests model.
    tests = tmp_path / "tests.jsonl"
    tests.write_text("\n".join(json.dumps({"task_id": "Set/7", "completion": f"t{i}"}) for i in range(3)) + "\n")
    model = open_model(f"replay:{tests}", "tests")
    assert [g.text for g in run(model.generate(MESSAGES, 3, key="Set_7", purpose="tests"))] == ["t0", "t1", "t2"]
    # A problem the file has no row for is an error naming the file, not an empty pool.
    with pytest.raises(ReplayMissing, match=r"tests.jsonl: no recorded tests samples for the problem 'Set_8'"):
        run(model.generate(MESSAGES, 1, key="Set_8"))
    # A file whose rows all name another role serves nothing for this one: an error at once.
    named = tmp_path / "named.jsonl"
    named.write_text(json.dumps({"task_id": "a", "completion": "x", "role": "tests"}) + "\n")
    with pytest.raises(ModelError, match=r"named.jsonl: no rows for the solve role \(its rows name the role tests\)"):
        open_model(f"replay:{named}")


def test_concurrency_is_bounded_per_endpoint(server):
    server.delay_s = 0.2
    endpoints = Endpoints()
    solve = OpenAIModel(ModelConfig("strong", server.base_url, "k", max_concurrency=2), "solve", endpoints=endpoints)
    tests = OpenAIModel(ModelConfig("cheap", server.base_url, "k", max_concurrency=2), "tests", endpoints=endpoints)

    async def many():
        msgs = [[{"role": "user", "content": f"alpha {i}"}] for i in range(4)]
        await asyncio.gather(*(solve.generate(m, 1) for m in msgs), *(tests.generate(m, 1) for m in msgs))

    run(many())
    assert len(server.requests) == 8 and server.max_in_flight == 2
