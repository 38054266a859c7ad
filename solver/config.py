"""The configuration of a batch run (``codesolve solve``): defaults, a TOML file, the
environment and the command line, in that order of precedence (later wins).

* TOML: top-level keys named like the fields below (``samples = 16``, ``languages =
  ["python", "cpp"]``); dashes and underscores are interchangeable.
* Environment: ``CODESOLVE_`` + the field name in capitals (``CODESOLVE_SAMPLES=16``,
  ``CODESOLVE_LANGUAGES=python,cpp``); ``CODESOLVE_CONFIG`` names a config file.
* API keys are never part of the configuration: they are read from the environment
  variable the configuration names (``api_key_env``, default ``OPENAI_API_KEY``), so a
  key is never written to the run directory or printed.

Fields in :data:`OPERATIONAL` change how a run is carried out, not what it computes; they
may differ when a run is resumed. Any other difference from the configuration a run
directory was made with is refused unless ``--force``.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, fields
from typing import Any, Mapping

from .pipeline import SolveConfig
from .prompts import VARIANTS


class ConfigError(Exception):
    """A bad configuration value; the message names where it came from and the field."""


@dataclass(frozen=True)
class RunConfig:
    problems: str = ""                    #: a problem package, a folder of packages or a data file
    model: str = ""                       #: model name at base_url, or replay:FILE
    base_url: str = ""                    #: OpenAI-compatible endpoint (default $OPENAI_BASE_URL, then OpenAI)
    api_key_env: str = "OPENAI_API_KEY"   #: environment variable holding the solve model's key
    tests_model: str = ""                 #: model for test inputs (none: only mutations of the samples)
    tests_base_url: str = ""              #: its endpoint (default: base_url)
    tests_api_key_env: str = ""           #: its key's variable (default: api_key_env)
    samples: int = 8                      #: samples per problem and language
    k: int = 10                           #: submissions per problem
    languages: tuple[str, ...] = ("python",)
    variants: tuple[str, ...] = VARIANTS  #: prompt variants the samples are spread over
    temperature: float = 0.8
    tests_temperature: float = 0.8
    max_tokens: int = 4096
    repair_rounds: int = 1
    repair_max: int = 4
    generated_inputs: int = 20            #: mutations of the sample inputs (and of the tests model's)
    grown_inputs: int = 6                 #: inputs grown toward the sizes the constraints allow (stdin)
    generator_seeds: int = 20             #: runs of the tests model's input generator
    model_inputs: int = 10                #: inputs the tests model writes directly
    codet_tests: int = 10                 #: tests with expected outputs the tests model writes per reply
    tests_samples: int = 10               #: replies of such tests (CodeT counts every test as often as written)
    distinguish: int = 5                  #: S*: inputs asked to split the two leading clusters (0: no S* round)
    with_metadata: bool = False           #: show difficulty and tags in the prompt
    seed: int = 0
    judge: bool = True                    #: judge the candidates on the hidden tests (evaluation)
    out: str = ""                         #: run directory (default runs/<problems>-<model>)
    backend: str = "local"                #: sandbox backend
    warm_python: bool = True              #: Python runs forked from a warm interpreter (same results)
    executor: str = "local"               #: where executions run: local, or ray
    ray_address: str = ""                 #: Ray cluster address (default: a local Ray instance)
    jobs: int = 2                         #: problems solved at once
    max_concurrency: int = 8              #: model requests in flight per endpoint
    timeout_s: float = 300.0              #: per model request
    max_attempts: int = 6                 #: per model request, retries included
    price_prompt_per_mtok: float = 0.0    #: solve model price, per million prompt tokens
    price_completion_per_mtok: float = 0.0
    tests_price_prompt_per_mtok: float = 0.0
    tests_price_completion_per_mtok: float = 0.0

    def solve_config(self) -> SolveConfig:
        return SolveConfig(samples=self.samples, languages=self.languages, k=self.k, temperature=self.temperature,
                           variants=self.variants,
                           tests_temperature=self.tests_temperature, max_tokens=self.max_tokens,
                           with_metadata=self.with_metadata, generated_inputs=self.generated_inputs,
                           grown_inputs=self.grown_inputs,
                           generator_seeds=self.generator_seeds, model_inputs=self.model_inputs,
                           codet_tests=self.codet_tests, tests_samples=self.tests_samples, distinguish=self.distinguish,
                           repair_rounds=self.repair_rounds,
                           repair_max=self.repair_max, seed=self.seed)

    def identity(self) -> dict[str, Any]:
        """What a run's results depend on (compared when a run directory is reused)."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self) if f.name not in OPERATIONAL}

    def run_dir(self) -> str:
        if self.out:
            return self.out
        base = os.path.basename(os.path.normpath(self.problems)) or "problems"
        return os.path.join("runs", _slug(f"{base}-{self.model or 'none'}"))


#: Fields that do not change what a run computes (endpoints, keys, parallelism, prices).
OPERATIONAL = frozenset({"base_url", "api_key_env", "tests_base_url", "tests_api_key_env", "out", "backend",
                         "warm_python", "executor", "ray_address", "jobs",
                         "max_concurrency", "timeout_s", "max_attempts", "price_prompt_per_mtok",
                         "price_completion_per_mtok", "tests_price_prompt_per_mtok",
                         "tests_price_completion_per_mtok"})

_FIELDS = {f.name: f for f in fields(RunConfig)}
_LANGUAGES = ("python", "cpp")


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("_") or "run"


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _coerce(name: str, value: Any, where: str) -> Any:
    """``value`` as the type of field ``name``; strings (environment, flags) are parsed."""
    default = _FIELDS[name].default
    what = f"{where}: field {name!r}"
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("1", "true", "yes", "on", "0", "false", "no", "off"):
            return value.strip().lower() in ("1", "true", "yes", "on")
        raise ConfigError(f"{what}: expected true or false, got {value!r}")
    if isinstance(default, int):
        try:
            number = int(value) if isinstance(value, (int, str)) and not isinstance(value, bool) else None
        except ValueError:
            number = None
        if number is None:
            raise ConfigError(f"{what}: expected an integer, got {value!r}")
        return number
    if isinstance(default, float):
        number = None
        if isinstance(value, (int, float, str)) and not isinstance(value, bool):
            try:
                number = float(value)
            except ValueError:
                pass
        if number is None:
            raise ConfigError(f"{what}: expected a number, got {value!r}")
        return number
    if isinstance(default, tuple):
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)) or not all(isinstance(x, str) for x in items):
            raise ConfigError(f"{what}: expected a list of names, got {value!r}")
        return tuple(x.strip() for x in items if x.strip())
    if not isinstance(value, str):
        raise ConfigError(f"{what}: expected a string, got {value!r}")
    return value


def _check(config: RunConfig, sources: Mapping[str, str]) -> None:
    def bad(name: str, expected: str) -> ConfigError:
        return ConfigError(f"{sources.get(name, 'default')}: field {name!r}: expected {expected}, "
                           f"got {getattr(config, name)!r}")

    for name in ("samples", "k", "jobs", "max_concurrency", "max_tokens", "max_attempts"):
        if getattr(config, name) < 1:
            raise bad(name, "a positive integer")
    for name in ("repair_rounds", "repair_max", "generated_inputs", "generator_seeds", "model_inputs", "codet_tests",
                 "tests_samples", "grown_inputs", "distinguish"):
        if getattr(config, name) < 0:
            raise bad(name, "zero or more")
    if not config.languages or any(x not in _LANGUAGES for x in config.languages):
        raise bad("languages", f"one or more of {', '.join(_LANGUAGES)}")
    if not config.variants or any(x not in VARIANTS for x in config.variants):
        raise bad("variants", f"one or more of {', '.join(VARIANTS)}")
    for name in ("temperature", "tests_temperature"):
        if not 0 <= getattr(config, name) <= 2:
            raise bad(name, "a number between 0 and 2")
    if config.executor not in ("local", "ray"):
        raise bad("executor", "local or ray")
    if config.timeout_s <= 0:
        raise bad("timeout_s", "a positive number of seconds")


def resolve(cli: Mapping[str, Any], config_file: str | None = None,
            environ: Mapping[str, str] | None = None) -> tuple[RunConfig, dict[str, str]]:
    """The effective configuration and, for each field that is not a default, where it came
    from (``--samples``, ``$CODESOLVE_SAMPLES``, ``run.toml``)."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    config_file = config_file or environ.get("CODESOLVE_CONFIG") or None
    if config_file:
        try:
            with open(config_file, "rb") as f:
                data = tomllib.load(f)
        except FileNotFoundError:
            raise ConfigError(f"{config_file}: no such config file") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{config_file}: not valid TOML: {exc}") from None
        for key, value in data.items():
            name = key.replace("-", "_")
            if name not in _FIELDS:
                raise ConfigError(f"{config_file}: unknown field {key!r} (known: {', '.join(sorted(_FIELDS))})")
            values[name] = _coerce(name, value, config_file)
            sources[name] = config_file
    for name in _FIELDS:
        var = "CODESOLVE_" + name.upper()
        if environ.get(var, "") != "":
            values[name] = _coerce(name, environ[var], "$" + var)
            sources[name] = "$" + var
    for name, value in cli.items():
        if value is not None:
            values[name] = _coerce(name, value, "--" + name.replace("_", "-"))
            sources[name] = "--" + name.replace("_", "-")
    config = RunConfig(**values)
    _check(config, sources)
    return config, sources


def to_toml(config: RunConfig, sources: Mapping[str, str] | None = None) -> str:
    """The configuration as a TOML file would write it, each value's origin as a comment."""
    lines = []
    for f in fields(config):
        value = getattr(config, f.name)
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, (int, float)):
            text = repr(value)
        elif isinstance(value, tuple):
            text = "[" + ", ".join(_toml_string(x) for x in value) + "]"
        else:
            text = _toml_string(value)
        origin = (sources or {}).get(f.name, "default")
        lines.append(f"{f.name} = {text}  # {origin}")
    return "\n".join(lines) + "\n"


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def differences(old: Mapping[str, Any], new: RunConfig) -> list[str]:
    """``field: old -> new`` for every identity field that changed."""
    now = new.identity()
    return [f"{name}: {old.get(name)!r} -> {now.get(name)!r}" for name in sorted(set(old) | set(now))
            if old.get(name) != now.get(name)]


__all__ = ["ConfigError", "OPERATIONAL", "RunConfig", "differences", "resolve", "to_toml"]
