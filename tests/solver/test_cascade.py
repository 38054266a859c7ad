"""A cascade of two solve models (``--model cheap,strong``) against the scripted server, each
model with its own prices from the config file: problems the cheap model settles stop there,
the others get the strong model's samples, candidates of both are ranked together, and the
cascade's cost per solved problem is below the strong model's alone at the same solve rate."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

from openai_server import ScriptedOpenAI  # type: ignore[import-not-found]
from test_batch import CRASH, fence, problem_set, run, sub  # type: ignore[import-not-found]

from solver.budget import StopRule, simulate_cascade

PRICES = """
[models.cheap]
price_prompt_per_mtok = 0.1
price_completion_per_mtok = 0.4

[models.strong]
price_prompt_per_mtok = 5.0
price_completion_per_mtok = 20.0
"""


def scripts(strong: bool) -> dict[str, list[str]]:
    """The cheap model writes right programs for two problems, and only crashes for Meteor Log;
    the strong one writes right programs for all three."""
    meteor_ok = sub("meteorlog", "accepted/meteors.py")
    snack_ok, caravan_ok = sub("snackhike", "accepted/snacks.py"), sub("caravantolls", "accepted/dijkstra.py")
    return {
        "Meteor Log": [fence(meteor_ok), fence(meteor_ok + "# checked\n")] if strong else [fence(CRASH)],
        "Snack Hike": [fence(snack_ok), fence(snack_ok + "# again\n")],
        "Caravan Rest Stops": [fence(caravan_ok), fence(caravan_ok + "# sure\n")],
    }


def solve(tmp: Path, out: str, model: str, *extra: str) -> dict:
    config = tmp / "models.toml"
    config.write_text(PRICES)
    problems = tmp / "set" if (tmp / "set").exists() else problem_set(tmp)
    with ScriptedOpenAI({}, per_request=True, by_model={"cheap": scripts(False), "strong": scripts(True)}) as server:
        proc = run([sys.executable, "-m", "solver.cli", "solve", str(problems), "--model", model, "--base-url",
                    server.base_url, "--config", str(config), "-k", "1", "--variants", "direct",
                    "--generated-inputs", "4", "--repair-rounds", "0", "--first-round", "2", "--out", str(tmp / out),
                    "-q", *extra])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return json.loads((tmp / out / "report.json").read_text())


def test_a_cascade_costs_less_per_solved_problem_than_the_strong_model_alone(tmp_path: Path):
    cascade = solve(tmp_path, "cascade", "cheap,strong", "--cascade-samples", "8,8")
    strong = solve(tmp_path, "strong", "strong", "-n", "8")
    assert cascade["1_at_k"] == strong["1_at_k"] == 1.0
    # The strong model wrote 8 samples in the cascade instead of 12 alone (4 a problem); the
    # cheap ones cost ~1/50 each.
    assert strong["samples_spent"]["mean"] == 4.0
    assert cascade["cost_per_solved"] < strong["cost_per_solved"] * 0.75
    stages = {s["model"]: s for s in cascade["cascade"]}
    # Two problems settle on the cheap model's samples; Meteor Log moves on to the strong one.
    assert (stages["cheap"]["problems_ended"], stages["strong"]["problems_ended"]) == (2, 1)
    assert stages["cheap"]["samples"] == 4 + 4 + 8 and stages["strong"]["samples"] == 8
    assert set(cascade["usage"]) == {"solve:cheap", "solve:strong"}
    with sqlite3.connect(tmp_path / "cascade" / "run.sqlite") as db:
        attempts = {pid: json.loads(a) for pid, a in db.execute("SELECT id, attempt FROM problems")}
    meteor = attempts["meteorlog"]
    # The strong model's first round doubles the 8 samples drawn: its 8 right samples lead,
    # a new top cluster that no doubling has tested yet, and its budget is spent.
    assert [m["samples"] for m in meteor["budget"]["models"]] == [8, 8] and not meteor["budget"]["settled"]
    assert [r["samples"] for r in meteor["budget"]["rounds"]] == [2, 4, 8, 16]
    assert {c["model"] for c in meteor["candidates"]} == {"cheap", "strong"}
    chosen = meteor["candidates"][meteor["submissions"][0]]
    assert chosen["model"] == "strong"
    md = (tmp_path / "cascade" / "report.md").read_text()
    assert "## Cascade" in md and "| cheap | 2 | 2 | 2 | 16 |" in md
    # Replayed offline with the run's own budgets, the cascade draws and chooses what it did live.
    for attempt in attempts.values():
        replay = simulate_cascade(attempt, (8, 8), 2, StopRule(), 1)
        assert replay is not None
        assert replay[0] == [m["samples"] for m in attempt["budget"]["models"]]
        assert replay[1][:1] == attempt["submissions"][:1]
    # Other budgets: without the strong model Meteor Log has only crashing samples, so no
    # submission; a setting that needs samples the run never drew (Snack Hike settled after 4
    # cheap ones) is refused.
    assert simulate_cascade(meteor, (8, 0), 2, StopRule(), 1) == ([8, 0], [])
    # Cheap 4 (rounds 2, 4), then strong 4 (doubling 4) and 8 (doubling 8): settled there.
    assert simulate_cascade(meteor, (4, 8), 2, StopRule(), 1) == ([4, 8], meteor["submissions"][:1])
    assert simulate_cascade(attempts["snackhike"], (2, 8), 2, StopRule(), 1) is None


def test_model_tables_in_the_config_file(tmp_path: Path):
    import pytest

    from solver.config import ConfigError, resolve, to_toml

    path = tmp_path / "run.toml"
    path.write_text('model = "cheap,strong"\nprice_prompt_per_mtok = 1.0\ncascade_samples = ["4", "12"]\n\n'
                    '[models.strong]\nbase_url = "http://127.0.0.1:9/v1"\napi_key_env = "STRONG_KEY"\n'
                    'price_completion_per_mtok = 30\n')
    config, sources = resolve({"problems": "p"}, str(path))
    assert config.models == ["cheap", "strong"] and config.budgets() == (4, 12)
    assert config.settings_of("strong") == ("http://127.0.0.1:9/v1", "STRONG_KEY", 1.0, 30.0)
    assert config.settings_of("cheap") == ("", "OPENAI_API_KEY", 1.0, 0.0)  # the run-wide options
    assert config.solve_config().cascade_samples == (4, 12)
    # --print-config writes the tables back; read again, they give the same configuration.
    again = tmp_path / "again.toml"
    again.write_text(to_toml(config, sources))
    assert resolve({"problems": "p"}, str(again))[0] == config
    path.write_text('model = "a"\n[models.a]\nprice = 3\n')
    with pytest.raises(ConfigError, match="run.toml: models.a: unknown key 'price'"):
        resolve({"problems": "p"}, str(path))
    path.write_text('model = "a"\ncascade_samples = ["4"]\n')
    with pytest.raises(ConfigError, match="field 'cascade_samples': expected nothing: it goes with a cascade"):
        resolve({"problems": "p"}, str(path))
    path.write_text('model = "a,b"\ncascade_samples = ["4"]\n')
    with pytest.raises(ConfigError, match="expected 2 positive integers"):
        resolve({"problems": "p"}, str(path))
