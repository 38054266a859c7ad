"""The configuration of a batch run (``codesolve solve``): defaults, a TOML file, the
environment and the command line, in that order of precedence (later wins).

* TOML: top-level keys named like the fields below (``samples = 16``, ``languages =
  ["python", "cpp"]``); dashes and underscores are interchangeable. ``[models."NAME"]``
  tables give a model its own ``base_url``, ``api_key_env`` and ``price_*_per_mtok`` (the
  models of a cascade each their own); a model without one uses the run-wide options.
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
from dataclasses import Field, dataclass, field, fields
from typing import Any, Mapping, Sequence

from sandbox import LANGUAGES
from sandbox.backends import BACKENDS

from .budget import StopRule
from .errors import ConfigError
from .pipeline import SolveConfig
from .prompts import VARIANTS
from .ranker import RankWeights


def option(default: Any, help: str, *, operational: bool = False, short: str | None = None,
           choices: Sequence[str] | None = None, flag: bool = True) -> Any:
    """A field of :class:`RunConfig` with everything said about it, said once: ``help`` (for
    ``codesolve solve --help``, ``--print-config`` and docs/cli.md; the default is added to
    it), ``operational`` (the field is in :data:`OPERATIONAL`), a ``short`` flag, the
    ``choices`` its flag accepts, or ``flag=False`` for a field given another way."""
    return field(default=default, metadata={"help": help, "operational": operational, "short": short,
                                            "choices": tuple(choices) if choices else None, "flag": flag})


@dataclass(frozen=True)
class RunConfig:
    """The options of a batch run: one field each, its help and role in the field's metadata
    (see :func:`option`); ``codesolve solve`` has a flag ``--name-with-dashes`` for each."""

    problems: str = option("", "a problem package, a folder of packages or a data file", flag=False)
    model: str = option("", "model name at --base-url, or replay:FILE; several, comma-separated, for a cascade "
                            "(cheap first)")
    base_url: str = option("", "OpenAI-compatible endpoint URL (default $OPENAI_BASE_URL, then OpenAI)",
                           operational=True)
    api_key_env: str = option("OPENAI_API_KEY", "environment variable holding the solve model's key",
                              operational=True)
    tests_model: str = option("", "model that writes test inputs, name or replay:FILE (default none: only "
                                  "mutations of the samples)")
    tests_base_url: str = option("", "the tests model's endpoint (default: --base-url)", operational=True)
    tests_api_key_env: str = option("", "environment variable holding the tests model's key (default: "
                                        "--api-key-env)", operational=True)
    samples: int = option(8, "samples per problem and language", short="-n")
    k: int = option(10, "submissions per problem", short="-k")
    languages: tuple[str, ...] = option(("python",), "languages sampled, comma-separated: python,cpp")
    variants: tuple[str, ...] = option(VARIANTS, "prompt variants the samples are spread over, comma-separated")
    temperature: float = option(0.8, "sampling temperature of the solve model")
    tests_temperature: float = option(0.8, "sampling temperature of the tests model")
    max_tokens: int = option(4096, "tokens per model reply at most")
    repair_rounds: int = option(1, "rounds of the repair loop")
    repair_max: int = option(4, "candidates repaired per round")
    generated_inputs: int = option(20, "mutations of the sample inputs and of the tests model's")
    grown_inputs: int = option(6, "stdin inputs grown toward the sizes the constraints allow")
    generator_seeds: int = option(20, "runs of the tests model's input generator")
    model_inputs: int = option(10, "inputs the tests model writes directly")
    codet_tests: int = option(10, "tests with expected outputs the tests model writes per reply")
    tests_samples: int = option(10, "replies asked for such tests; CodeT counts every test as often as written")
    distinguish: int = option(5, "S* round: inputs asked for to split the two leading clusters; 0: no S* round")
    cascade_samples: tuple[str, ...] = option((), "samples per problem and language each model of a cascade draws at "
                                                  "most, comma-separated (default: -n each)")
    first_round: int = option(0, "adaptive budget: samples per language in the first round, doubling until -n; a "
                                 "problem stops once its selection is settled (0: all -n samples at once)")
    stop_stable_rounds: int = option(1, "adaptive budget: doublings in a row the top cluster must survive unchanged")
    stop_min_size: int = option(2, "adaptive budget: candidates the top cluster must hold to stop")
    stop_allow_failures: bool = option(False, "adaptive budget: stop even when the top cluster fails on an input")
    rank_size_exponent: float = option(0.5, "ranking: exponent of a consensus set's size in the CodeT score (0.5: "
                                            "its square root; 0: tests alone; 1: CodeT's product)")
    rank_test_weight_exponent: float = option(1.0, "ranking: exponent of a test's weight (times written) in the "
                                                   "CodeT score (1: every copy counts; 0: distinct tests once)")
    with_metadata: bool = option(False, "show difficulty and tags in the prompt")
    seed: int = option(0, "seed of every random choice")
    judge: bool = option(True, "judge the candidates on the hidden tests (evaluation); --no-judge only chooses")
    out: str = option("", "run directory (default runs/<problems>-<model>)", operational=True)
    backend: str = option("local", "sandbox backend", operational=True, choices=sorted(BACKENDS))
    warm_python: bool = option(True, "run Python programs as forks of a warm interpreter; the results are the same",
                               operational=True)
    warm_native: bool = option(True, "run a compiled program given several inputs as forks of one loaded copy of "
                                     "itself (a fork server); the results are the same", operational=True)
    executor: str = option("local", "where executions run: local or ray", operational=True)
    ray_address: str = option("", "Ray cluster address, e.g. 10.0.0.5:6379 (default: start a local Ray instance)",
                              operational=True)
    jobs: int = option(2, "problems solved at once", operational=True)
    max_concurrency: int = option(8, "model requests in flight per endpoint", operational=True)
    timeout_s: float = option(300.0, "seconds per model request", operational=True)
    max_attempts: int = option(6, "attempts per model request, retries included", operational=True)
    price_prompt_per_mtok: float = option(0.0, "solve model price per million prompt tokens", operational=True)
    price_completion_per_mtok: float = option(0.0, "solve model price per million completion tokens",
                                              operational=True)
    tests_price_prompt_per_mtok: float = option(0.0, "tests model price per million prompt tokens",
                                                operational=True)
    tests_price_completion_per_mtok: float = option(0.0, "tests model price per million completion tokens",
                                                    operational=True)
    #: Per model: (name, base URL, API key variable, prompt price, completion price), from the
    #: config file's ``[models."NAME"]`` tables (a cascade's models each with their own); None
    #: where the table gives nothing (the run-wide option applies).
    model_settings: tuple[tuple[str, str | None, str | None, float | None, float | None], ...] = option(
        (), "per-model endpoint, key variable and prices: [models.\"NAME\"] tables of the config file", flag=False,
        operational=True)

    @property
    def models(self) -> list[str]:
        """The solve models, in cascade order (one for a plain run)."""
        return [m.strip() for m in self.model.split(",") if m.strip()]

    def settings_of(self, model: str) -> tuple[str, str, float, float]:
        """(base URL, API key variable, prompt price, completion price) of ``model``: its
        ``[models."NAME"]`` table, else the run-wide options."""
        for name, base_url, key_env, prompt, completion in self.model_settings:
            if name == model:
                return (self.base_url if base_url is None else base_url,
                        self.api_key_env if key_env is None else key_env,
                        self.price_prompt_per_mtok if prompt is None else prompt,
                        self.price_completion_per_mtok if completion is None else completion)
        return self.base_url, self.api_key_env, self.price_prompt_per_mtok, self.price_completion_per_mtok

    def budgets(self) -> tuple[int, ...]:
        """Samples each solve model draws at most (a cascade's ``cascade_samples``, else ``samples``)."""
        if len(self.models) <= 1:
            return (self.samples,)
        if self.cascade_samples:
            return tuple(int(x) for x in self.cascade_samples)
        return (self.samples,) * len(self.models)

    def solve_config(self) -> SolveConfig:
        return SolveConfig(samples=self.samples, languages=self.languages, k=self.k, temperature=self.temperature,
                           variants=self.variants,
                           tests_temperature=self.tests_temperature, max_tokens=self.max_tokens,
                           with_metadata=self.with_metadata, generated_inputs=self.generated_inputs,
                           grown_inputs=self.grown_inputs,
                           generator_seeds=self.generator_seeds, model_inputs=self.model_inputs,
                           codet_tests=self.codet_tests, tests_samples=self.tests_samples, distinguish=self.distinguish,
                           repair_rounds=self.repair_rounds,
                           repair_max=self.repair_max, seed=self.seed, first_round=self.first_round,
                           stop_rule=StopRule(self.stop_stable_rounds, self.stop_min_size, self.stop_allow_failures),
                           cascade_samples=self.budgets() if len(self.models) > 1 else (),
                           rank_weights=RankWeights(self.rank_size_exponent, self.rank_test_weight_exponent))

    def identity(self) -> dict[str, Any]:
        """What a run's results depend on (compared when a run directory is reused)."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self) if f.name not in OPERATIONAL}

    def run_dir(self) -> str:
        if self.out:
            return self.out
        base = os.path.basename(os.path.normpath(self.problems)) or "problems"
        return os.path.join("runs", _slug(f"{base}-{self.model or 'none'}"))


#: Fields that do not change what a run computes (endpoints, keys, parallelism, prices):
#: those declared ``operational``.
OPERATIONAL = frozenset(f.name for f in fields(RunConfig) if f.metadata["operational"])

_FIELDS = {f.name: f for f in fields(RunConfig)}
_LANGUAGES = tuple(LANGUAGES)


def flag(name: str) -> str:
    """The command-line flag of field ``name`` (``--tests-model``)."""
    return "--" + name.replace("_", "-")


def option_help(f: Field[Any]) -> str:
    """A field's help with its default, as the command line would give it (``8``, ``python,cpp``,
    ``true``); an empty default is left for the help to explain."""
    default = f.default
    if isinstance(default, bool):
        shown = "true" if default else "false"
    elif isinstance(default, tuple):
        shown = ",".join(default)
    elif isinstance(default, float):
        shown = f"{default:g}"
    else:
        shown = str(default)
    return f.metadata["help"] + (f" (default {shown})" if shown else "")


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
        real: float | None = None
        if isinstance(value, (int, float, str)) and not isinstance(value, bool):
            try:
                real = float(value)
            except ValueError:
                pass
        if real is None:
            raise ConfigError(f"{what}: expected a number, got {value!r}")
        return real
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
                 "tests_samples", "grown_inputs", "distinguish", "first_round", "stop_min_size"):
        if getattr(config, name) < 0:
            raise bad(name, "zero or more")
    if not config.languages or any(x not in _LANGUAGES for x in config.languages):
        raise bad("languages", f"one or more of {', '.join(_LANGUAGES)}")
    if not config.variants or any(x not in VARIANTS for x in config.variants):
        raise bad("variants", f"one or more of {', '.join(VARIANTS)}")
    for name in ("temperature", "tests_temperature"):
        if not 0 <= getattr(config, name) <= 2:
            raise bad(name, "a number between 0 and 2")
    if config.cascade_samples:
        if len(config.models) < 2:
            raise bad("cascade_samples", "nothing: it goes with a cascade (--model CHEAP,STRONG)")
        if len(config.cascade_samples) != len(config.models) or not all(
                x.strip().isdigit() and int(x) > 0 for x in config.cascade_samples):
            raise bad("cascade_samples", f"{len(config.models)} positive integers, one per model of --model")
    for name in ("rank_size_exponent", "rank_test_weight_exponent"):
        if not 0 <= getattr(config, name) <= 4:
            raise bad(name, "a number between 0 and 4")
    if config.stop_stable_rounds < 1:
        raise bad("stop_stable_rounds", "a positive integer")
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
        if "models" in data:
            values["model_settings"] = _model_tables(data.pop("models"), config_file)
            sources["model_settings"] = config_file
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
            values[name] = _coerce(name, value, flag(name))
            sources[name] = flag(name)
    config = RunConfig(**values)
    _check(config, sources)
    return config, sources


_MODEL_KEYS = ("base_url", "api_key_env", "price_prompt_per_mtok", "price_completion_per_mtok")


def _model_tables(tables: Any, where: str) -> tuple[tuple[str, str | None, str | None, float | None, float | None],
                                                    ...]:
    """``[models."NAME"]`` tables: each model's endpoint, key variable and prices (None where
    a table gives nothing)."""
    if not isinstance(tables, dict):
        raise ConfigError(f"{where}: field 'models': expected tables [models.\"NAME\"], got {tables!r}")
    out = []
    for name, table in tables.items():
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: models.{name}: expected a table, got {table!r}")
        unknown = sorted(set(table) - set(_MODEL_KEYS))
        if unknown:
            raise ConfigError(f"{where}: models.{name}: unknown key {unknown[0]!r} (known: {', '.join(_MODEL_KEYS)})")
        for key in ("base_url", "api_key_env"):
            if key in table and not isinstance(table[key], str):
                raise ConfigError(f"{where}: models.{name}.{key}: expected a string, got {table[key]!r}")
        for key in ("price_prompt_per_mtok", "price_completion_per_mtok"):
            value = table.get(key, 0.0)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise ConfigError(f"{where}: models.{name}.{key}: expected a number >= 0, got {value!r}")
        prices = [float(table[k]) if k in table else None
                  for k in ("price_prompt_per_mtok", "price_completion_per_mtok")]
        out.append((str(name), table.get("base_url"), table.get("api_key_env"), prices[0], prices[1]))
    return tuple(out)


def to_toml(config: RunConfig, sources: Mapping[str, str] | None = None) -> str:
    """The configuration as a TOML file would write it: each value's origin as a comment,
    under a comment line with the field's help."""
    lines = []
    for f in fields(config):
        if f.name == "model_settings":
            continue  # tables come after every top-level key
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
        lines += [f"# {option_help(f)}", f"{f.name} = {text}  # {origin}"]
    for name, *given in config.model_settings:
        lines.append(f"[models.{_toml_string(name)}]  # {(sources or {}).get('model_settings', 'default')}")
        lines += [f"{key} = {_toml_string(value) if isinstance(value, str) else repr(value)}"
                  for key, value in zip(_MODEL_KEYS, given) if value is not None]
    return "\n".join(lines) + "\n"


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def differences(old: Mapping[str, Any], new: RunConfig) -> list[str]:
    """``field: old -> new`` for every identity field that changed. A field ``old`` lacks (a
    run recorded before the option existed) had its default."""
    now = new.identity()
    old = {**RunConfig().identity(), **old}
    return [f"{name}: {old.get(name)!r} -> {now.get(name)!r}" for name in sorted(set(old) | set(now))
            if old.get(name) != now.get(name)]


__all__ = ["ConfigError", "OPERATIONAL", "RunConfig", "differences", "flag", "option", "option_help", "resolve",
           "to_toml"]
