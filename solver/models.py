"""Language models behind one protocol: any OpenAI-compatible endpoint, and a replay of
recorded samples.

``OpenAIModel`` speaks to OpenAI, vLLM, SGLang, Ollama, llama.cpp and any other
OpenAI-compatible server through the ``openai`` SDK (``AsyncOpenAI``). Samples are
addressed by index: ``generate(messages, n, start=k)`` returns samples k..k+n-1, each
looked up first in the persistent :class:`CompletionCache` (keyed by model, messages,
parameters and sample index, never by credentials), so a re-run costs nothing and a new
index draws a fresh sample. ``n > 1`` is asked for in one request and whatever the server
did not return (it may ignore ``n``) is requested again for the missing indices only.
Rate limits (honouring ``Retry-After``), server errors, timeouts, dropped connections and
unreadable responses are retried with exponential backoff; a sample is stored only once
it was received whole, so nothing is lost or counted twice. Concurrency is bounded per
endpoint (models sharing an :class:`Endpoints` share the bound of their base URL). Token
usage and latency are recorded per role.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import random
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping, Protocol, Sequence

from problems._rows import safe_id

from .errors import ModelError, ModelUnusable

log = logging.getLogger(__name__)

Message = Mapping[str, str]


@dataclass(frozen=True)
class Generation:
    """One sample. ``cached`` is True when it came from the cache or a replay file."""

    text: str
    index: int
    finish_reason: str = "stop"
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    cached: bool = False


class Model(Protocol):
    name: str

    async def generate(self, messages: Sequence[Message], n: int = 1, *, start: int = 0,
                       temperature: float = 0.8, max_tokens: int = 2048, seed: int | None = None,
                       key: str = "", purpose: str = "") -> list[Generation]:
        """Samples ``start`` .. ``start + n - 1`` for ``messages``. ``key`` names the problem
        (usage is recorded per problem) and ``purpose`` what the reply is for (``generator``,
        ``inputs``, ``validator`` or ``tests`` for the tests role); replays use both."""
        ...


# --------------------------------------------------------------------------- usage

@dataclass
class Usage:
    requests: int = 0
    samples: int = 0
    cached_samples: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    retries: int = 0
    cost: float = 0.0


@dataclass
class UsageLog:
    """Token usage, latency and cost per role, and per problem and role (thread-safe)."""

    by_role: dict[str, Usage] = field(default_factory=dict)
    by_problem: dict[str, dict[str, Usage]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, role: str, key: str = "", **amounts: float) -> None:
        with self._lock:
            targets = [self.by_role.setdefault(role, Usage())]
            if key:
                targets.append(self.by_problem.setdefault(key, {}).setdefault(role, Usage()))
            for usage in targets:
                for name, value in amounts.items():
                    setattr(usage, name, getattr(usage, name) + value)


# --------------------------------------------------------------------------- cache

class CompletionCache:
    """Samples persisted in SQLite, keyed by (model, messages, parameters) and sample index."""

    def __init__(self, path: str) -> None:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS completions (request TEXT NOT NULL, sample INTEGER NOT NULL, "
                         "text TEXT NOT NULL, finish_reason TEXT, prompt_tokens INTEGER, completion_tokens INTEGER, "
                         "created REAL, PRIMARY KEY (request, sample))")
        # What each request was for, so a run's samples can be exported as a replay pool.
        self._db.execute("CREATE TABLE IF NOT EXISTS requests (request TEXT PRIMARY KEY, model TEXT, role TEXT, "
                         "task TEXT, purpose TEXT)")

    @staticmethod
    def request_key(model: str, messages: Sequence[Message], params: Mapping[str, Any]) -> str:
        blob = json.dumps({"model": model, "messages": [dict(m) for m in messages], "params": dict(params)},
                          sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode()).hexdigest()

    def get(self, request: str, indices: Iterable[int]) -> dict[int, Generation]:
        wanted = list(indices)
        if not wanted:
            return {}
        with self._lock:
            rows = self._db.execute(
                f"SELECT sample, text, finish_reason, prompt_tokens, completion_tokens FROM completions "
                f"WHERE request = ? AND sample IN ({','.join('?' * len(wanted))})", [request, *wanted]).fetchall()
        return {r[0]: Generation(r[1], r[0], r[2] or "stop", r[3] or 0, r[4] or 0, 0.0, True) for r in rows}

    def put(self, request: str, generations: Sequence[Generation]) -> None:
        """Record the choices of one answer in one transaction: a run killed while they are
        written keeps all or none of them, so a resumed run asks the same request again
        rather than a smaller one (which a model answers with other samples)."""
        now = time.time()
        rows = [(request, g.index, g.text, g.finish_reason, g.prompt_tokens, g.completion_tokens, now)
                for g in generations]
        with self._lock:
            self._db.execute("BEGIN")
            try:
                self._db.executemany("INSERT OR IGNORE INTO completions VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def label(self, request: str, model: str, role: str, task: str, purpose: str) -> None:
        """Record what ``request`` was for (once): the model, role, problem and purpose."""
        with self._lock:
            self._db.execute("INSERT OR IGNORE INTO requests VALUES (?, ?, ?, ?, ?)",
                             (request, model, role, task, purpose))

    def labelled(self) -> Iterator[tuple[str, str, str, str, int, str, int, int]]:
        """Every recorded sample of a labelled request: (model, role, task, purpose, index,
        text, prompt tokens, completion tokens), by model, role, task, purpose and index."""
        with self._lock:
            rows = self._db.execute(
                "SELECT r.model, r.role, r.task, r.purpose, c.sample, c.text, c.prompt_tokens, c.completion_tokens "
                "FROM completions c JOIN requests r ON c.request = r.request "
                "ORDER BY r.role, r.task, r.purpose, c.sample").fetchall()
        for model, role, task, purpose, index, text, prompt, completion in rows:
            yield model, role, task, purpose or "", index, text, prompt or 0, completion or 0

    def close(self) -> None:
        with self._lock:
            self._db.close()


# --------------------------------------------------------------------------- OpenAI-compatible

@dataclass(frozen=True)
class ModelConfig:
    """How to reach a model. ``api_key`` falls back to ``$OPENAI_API_KEY`` (a placeholder is
    used when neither is set: local servers accept any key); ``base_url`` to
    ``$OPENAI_BASE_URL`` and then OpenAI's."""

    model: str
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    max_concurrency: int = 8
    timeout_s: float = 120.0
    max_attempts: int = 6
    backoff_s: float = 1.0
    max_backoff_s: float = 60.0
    #: Prices in currency units per million prompt / completion tokens (for cost reports).
    price_prompt_per_mtok: float = 0.0
    price_completion_per_mtok: float = 0.0


class Endpoints:
    """Concurrency bounds shared by every model that talks to the same endpoint (base URL):
    give the same ``Endpoints`` to the models of one run. Bounds are per event loop."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._bounds: dict[str, tuple[asyncio.AbstractEventLoop, asyncio.Semaphore]] = {}

    def bound(self, base_url: str | None, limit: int) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        with self._lock:
            held = self._bounds.get(base_url or "")
            if held is None or held[0] is not loop:
                held = self._bounds[base_url or ""] = (loop, asyncio.Semaphore(limit))
            return held[1]


class OpenAIModel:
    def __init__(self, config: ModelConfig, role: str = "solve", cache: CompletionCache | None = None,
                 usage: UsageLog | None = None, endpoints: Endpoints | None = None) -> None:
        from openai import AsyncOpenAI

        self.config = config
        self.name = config.model
        self.role = role
        self.cache = cache
        self.usage = usage or UsageLog()
        self._api_key = config.api_key or os.environ.get("OPENAI_API_KEY") or "codesolve-no-key"
        self._base_url = config.base_url or os.environ.get("OPENAI_BASE_URL") or None
        self._factory = AsyncOpenAI
        self._endpoints = endpoints
        self._bound: tuple[asyncio.AbstractEventLoop, Any, asyncio.Semaphore] | None = None

    def _client(self) -> tuple[Any, asyncio.Semaphore]:
        """The HTTP client and concurrency bound of the running event loop (a client's
        connections belong to one loop; a new loop gets a new client)."""
        loop = asyncio.get_running_loop()
        if self._bound is None or self._bound[0] is not loop:
            # Retries are ours (they know about sample indices); the SDK's are off.
            client = self._factory(api_key=self._api_key, base_url=self._base_url, max_retries=0,
                                   timeout=self.config.timeout_s)
            bound = (self._endpoints.bound(self._base_url, self.config.max_concurrency) if self._endpoints
                     else asyncio.Semaphore(self.config.max_concurrency))
            self._bound = (loop, client, bound)
        return self._bound[1], self._bound[2]

    async def generate(self, messages: Sequence[Message], n: int = 1, *, start: int = 0,
                       temperature: float = 0.8, max_tokens: int = 2048, seed: int | None = None,
                       key: str = "", purpose: str = "") -> list[Generation]:
        params = {"temperature": temperature, "max_tokens": max_tokens, "seed": seed}
        request = CompletionCache.request_key(self.name, messages, params)
        indices = list(range(start, start + n))
        if self.cache:
            self.cache.label(request, self.name, self.role, key, purpose)
        found = self.cache.get(request, indices) if self.cache else {}
        if found:
            self.usage.add(self.role, key, cached_samples=len(found))
        missing = [i for i in indices if i not in found]
        while missing:
            got = [Generation(g.text, index, g.finish_reason, g.prompt_tokens, g.completion_tokens, g.latency_s)
                   for index, g in zip(missing, await self._request(messages, len(missing), params, key))]
            if self.cache:
                self.cache.put(request, got)
            found.update((g.index, g) for g in got)
            missing = missing[len(got):]
            if missing:
                log.debug("%s returned %d of %d choices; asking again for the rest", self.name, len(got),
                          len(got) + len(missing))
                # The server does not honour n: ask for the rest concurrently, one each.
                singles = await asyncio.gather(*(self._request(messages, 1, params, key) for _ in missing))
                for index, got1 in zip(list(missing), singles):
                    if got1:
                        g = got1[0]
                        generation = Generation(g.text, index, g.finish_reason, g.prompt_tokens,
                                                g.completion_tokens, g.latency_s)
                        if self.cache:
                            self.cache.put(request, [generation])
                        found[index] = generation
                missing = [i for i in missing if i not in found]
        return [found[i] for i in indices]

    async def check(self) -> None:
        """Fail fast on an endpoint that cannot serve any request: unreachable, or refusing the
        key (asks for the model list, which costs no tokens; servers without that route pass)."""
        import openai

        client, _ = self._client()
        where = self._base_url or "api.openai.com"
        for attempt in range(3):
            try:
                await client.models.list()
                return
            except openai.APIConnectionError as exc:
                if attempt == 2:
                    raise ModelUnusable(f"{self.name}: cannot reach the endpoint {where}: {exc}") from exc
                await asyncio.sleep(1.0)
            except (openai.AuthenticationError, openai.PermissionDeniedError) as exc:
                raise ModelUnusable(f"{self.name}: the endpoint {where} refused the API key "
                                    f"({exc.status_code})") from exc
            except openai.APIError:  # no /models route, or another answer: the endpoint is there
                return

    async def _request(self, messages: Sequence[Message], n: int, params: Mapping[str, Any],
                       key: str = "") -> list[Generation]:
        """One chat-completions call, retried until it returns a readable response."""
        import openai

        attempt = 0
        while True:
            attempt += 1
            t0 = time.monotonic()
            try:
                client, semaphore = self._client()
                async with semaphore:
                    kwargs: dict[str, Any] = {"model": self.name, "messages": [dict(m) for m in messages], "n": n,
                                              "temperature": params["temperature"], "max_tokens": params["max_tokens"]}
                    if params.get("seed") is not None:
                        kwargs["seed"] = params["seed"]
                    response = await client.chat.completions.create(**kwargs)
                latency = time.monotonic() - t0
                choices = [c for c in (response.choices or []) if c.message is not None]
                usage = response.usage
                prompt = getattr(usage, "prompt_tokens", 0) or 0
                completion = getattr(usage, "completion_tokens", 0) or 0
                cost = (prompt * self.config.price_prompt_per_mtok
                        + completion * self.config.price_completion_per_mtok) / 1e6
                self.usage.add(self.role, key, requests=1, samples=len(choices), prompt_tokens=prompt,
                               completion_tokens=completion, latency_s=latency, cost=cost)
                per = max(len(choices), 1)
                return [Generation(c.message.content or "", 0, c.finish_reason or "stop", prompt // per,
                                   completion // per, latency) for c in choices]
            except (openai.AuthenticationError, openai.PermissionDeniedError) as exc:
                raise ModelUnusable(f"{self.name}: the endpoint {self._base_url or 'api.openai.com'} refused the "
                                    f"API key ({exc.status_code})") from exc
            except openai.NotFoundError as exc:
                raise ModelUnusable(f"{self.name}: the endpoint {self._base_url or 'api.openai.com'} does not "
                                    f"serve this model ({exc.status_code}): {exc}") from exc
            except openai.BadRequestError as exc:
                raise ModelError(f"{self.name}: the endpoint rejected the request: {exc}") from exc
            except (openai.RateLimitError, openai.InternalServerError, openai.APITimeoutError,
                    openai.APIConnectionError, openai.APIResponseValidationError, openai.APIStatusError,
                    json.JSONDecodeError, ValueError) as exc:
                if attempt >= self.config.max_attempts:
                    raise ModelError(f"{self.name}: giving up after {attempt} attempts: {exc}") from exc
                delay = self._delay(attempt, exc)
                self.usage.add(self.role, key, retries=1)
                log.info("%s: %s; retrying in %.2fs", self.name, type(exc).__name__, delay)
                await asyncio.sleep(delay)

    def _delay(self, attempt: int, exc: BaseException) -> float:
        response = getattr(exc, "response", None)
        retry_after = response.headers.get("retry-after") if response is not None else None
        if retry_after:
            try:
                return min(float(retry_after), self.config.max_backoff_s)
            except ValueError:
                pass
        base = min(self.config.backoff_s * 2 ** (attempt - 1), self.config.max_backoff_s)
        return base * (0.5 + random.random() / 2)


# --------------------------------------------------------------------------- replay

def read_sample_rows(path: str, what: str = "samples file") -> Iterator[tuple[dict[str, Any], str]]:
    """The rows of a samples file (JSONL of ``{task_id, completion}`` or ``{task_id, code}``)
    with their code text; a malformed row is a :class:`ModelError` naming file and line."""
    try:
        f = open(path, encoding="utf-8")
    except FileNotFoundError:
        raise ModelError(f"{path}: no such {what}") from None
    with f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as exc:
                raise ModelError(f"{path}:{lineno}: not a JSON object: {exc}") from None
            text = row.get("completion", row.get("code")) if isinstance(row, dict) else None
            if not isinstance(row, dict) or "task_id" not in row or not isinstance(text, str):
                raise ModelError(f"{path}:{lineno}: expected an object with task_id and a string under "
                                 "completion or code")
            yield row, text


#: What a replay row naming no purpose may serve: the solve role's solutions (and repairs),
#: the tests role's tests with expected outputs (a file of CodeT-style test replies). The
#: tests model's generator, inputs and validator, and the S* requests, need rows naming them.
PLAIN_PURPOSES = frozenset({"", "tests"})


class ReplayMissing(ModelError):
    """A replay file holds no sample for a problem it is asked about: the run cannot be
    what the user meant (a wrong file, or task ids that name other problems)."""


class ReplayModel:
    """Serves recorded samples per problem (and role) from JSONL, with no model at all.

    Rows are ``{"task_id": ..., "completion": ...}`` (the common samples-file layout) or
    ``{"task_id": ..., "code": ...}``, optionally with ``"usage"`` (``{"prompt_tokens": N,
    "completion_tokens": N}``: the sample's recorded tokens, accounted like a live model's,
    priced with the role's prices), ``"role"`` and ``"purpose"`` (what
    the reply is for: a tests-role ``generator``, ``inputs``, ``validator`` or ``tests``; a
    solve-role ``adjudicate``; see the pipeline). Task ids match problem ids as
    ``codesolve eval`` matches them (``HumanEval/0`` is the problem ``HumanEval_0``).

    A model opened for a role serves the rows naming that role; when no row of the file
    names it, the rows naming no role (so a plain samples file given as ``--model`` is a
    pool of solutions, and given as ``--tests-model`` a pool of tests replies). A file
    that serves nothing for the role is an error, and so is a problem the file has no
    row for (:class:`ReplayMissing`). The k-th sample of a request is the k-th row for its
    problem and purpose in file order; rows without a purpose serve solutions and tests with
    expected outputs (:data:`PLAIN_PURPOSES`); the tests model's generator, inputs and
    validator and the S* requests (``distinguish``, ``adjudicate``) need rows naming them.
    Asking past the recorded rows, or for a purpose a problem has no row for, is a
    :class:`ModelError` (a replay cannot draw new samples).
    """

    def __init__(self, path: str, role: str = "solve", usage: UsageLog | None = None,
                 price_prompt_per_mtok: float = 0.0, price_completion_per_mtok: float = 0.0) -> None:
        self.path = path
        self.name = display_name(f"replay:{path}")
        self.role = role
        self.usage = usage or UsageLog()
        self.prices = (price_prompt_per_mtok, price_completion_per_mtok)
        #: (problem, purpose) -> the recorded samples in order: (text, prompt tokens, completion tokens)
        self.pool: dict[tuple[str, str], list[tuple[str, int, int]]] = {}
        by_role: dict[str | None, list[tuple[dict[str, Any], str]]] = {}
        for row, text in read_sample_rows(path, "replay file"):
            by_role.setdefault(row.get("role"), []).append((row, text))
        # A cascade's models have roles "solve:NAME": their own rows, else the solve role's, else unnamed ones.
        rows = by_role.get(role) or by_role.get(role.split(":")[0]) or by_role.get(None, [])
        if not rows:
            named = sorted(str(r) for r in by_role if r is not None)
            raise ModelError(f"{path}: no rows for the {role} role (its rows name the role "
                             f"{', '.join(named) or 'of no row'}); give the file as the model of that role")
        self.tasks: set[str] = set()
        for row, text in rows:
            task = safe_id(str(row["task_id"]))
            self.tasks.add(task)
            prompt, completion = _recorded_usage(row, path)
            self.pool.setdefault((task, str(row.get("purpose", ""))), []).append((text, prompt, completion))

    async def generate(self, messages: Sequence[Message], n: int = 1, *, start: int = 0,
                       temperature: float = 0.8, max_tokens: int = 2048, seed: int | None = None,
                       key: str = "", purpose: str = "") -> list[Generation]:
        if key not in self.tasks:
            raise ReplayMissing(f"{self.path}: no recorded {self.role} samples for the problem {key!r} "
                                f"(the file holds {len(self.tasks)} other task ids)")
        recorded = self.pool.get((key, purpose)) or (self.pool.get((key, ""), []) if purpose in PLAIN_PURPOSES else [])
        if start + n > len(recorded):
            what = f"{self.role} samples" + (f" for {purpose!r}" if purpose else "")
            raise ModelError(f"{self.path}: {key!r} has {len(recorded)} recorded {what}, "
                             f"asked for samples {start}..{start + n - 1}")
        served = recorded[start:start + n]
        prompt = sum(p for _, p, _ in served)
        completion = sum(c for _, _, c in served)
        cost = (prompt * self.prices[0] + completion * self.prices[1]) / 1e6
        self.usage.add(self.role, key, samples=n, cached_samples=n, prompt_tokens=prompt,
                       completion_tokens=completion, cost=cost)
        return [Generation(text, i, "stop", p, c, cached=True) for i, (text, p, c) in enumerate(served, start)]


def _recorded_usage(row: dict[str, Any], path: str) -> tuple[int, int]:
    """A replay row's recorded ``usage`` (prompt and completion tokens), (0, 0) when none."""
    usage = row.get("usage")
    if usage is None:
        return 0, 0
    counts = (usage.get("prompt_tokens", 0), usage.get("completion_tokens", 0)) if isinstance(usage, dict) else None
    if counts is None or not all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in counts):
        raise ModelError(f"{path}: task {row.get('task_id')!r}: usage: expected "
                         f"{{\"prompt_tokens\": N, \"completion_tokens\": N}} with counts >= 0, got {usage!r}")
    return counts[0], counts[1]


def display_name(spec: str) -> str:
    """What a model is called in traces and reports: its name, or ``replay:`` and the file's
    name (not its path)."""
    return f"replay:{os.path.basename(spec[len('replay:'):])}" if spec.startswith("replay:") else spec


def open_model(spec: str, role: str = "solve", base_url: str | None = None, api_key: str | None = None,
               cache: CompletionCache | None = None, usage: UsageLog | None = None,
               endpoints: Endpoints | None = None, **config: Any) -> Model:
    """``replay:FILE`` or a model name served at ``base_url`` (OpenAI-compatible)."""
    if spec.startswith("replay:"):
        return ReplayModel(spec[len("replay:"):], role, usage, float(config.get("price_prompt_per_mtok", 0.0)),
                           float(config.get("price_completion_per_mtok", 0.0)))
    if not spec:
        raise ModelError("no model named (give --model NAME or replay:FILE)")
    return OpenAIModel(ModelConfig(spec, base_url, api_key, **config), role, cache, usage, endpoints)
