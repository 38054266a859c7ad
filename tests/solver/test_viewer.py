"""The viewer's payloads, its static page and its loopback server (the browser tests are in
test_viewer_browser.py)."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from viewer_fixtures import ROOT, read_report, replay_run, synthetic_run

from solver.errors import RunDirError
from solver.viewer import HOST, ViewerServer, Views
from solver.viewer.page import data_block


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("viewer-runs")
    return replay_run(base / "with-tests", tests_model=True), replay_run(base / "no-tests", tests_model=False)


def test_the_list_and_each_problem_agree_with_the_report(runs):
    with_tests, no_tests = runs
    views = Views([str(with_tests), str(no_tests)])
    try:
        assert views.get("runs")["compare"] is True
        for r, run in enumerate(runs):
            report = read_report(run)
            payload = views.get(f"run/{r}")
            assert payload["report_source"] == "report.json"
            assert payload["report"]["1_at_k"] == report["1_at_k"] and "per_problem" not in payload["report"]
            rows = views.get(f"run/{r}/problems")["rows"]
            by_id = {p["id"]: p for p in report["per_problem"]}
            assert [row["id"] for row in rows] == [p["id"] for p in report["per_problem"]]
            for row in rows:
                assert (row["solved"], row["coverage"], row["clusters"]) == (
                    by_id[row["id"]]["solved"], by_id[row["id"]]["coverage"], by_id[row["id"]]["clusters"])
                problem = views.get(f"run/{r}/problem/{row['i']}")
                assert problem["id"] == row["id"] and problem["title"] and problem["statement"]
                cands = problem["attempt"]["candidates"]
                verdicts = problem["judged"]["verdicts"]
                for c in cands:  # a duplicate shows its original's verdict
                    root = c["id"] if c["duplicate_of"] is None else c["duplicate_of"]
                    assert problem["hidden"][c["id"]] == verdicts.get(str(root))
                    assert problem["correct"][c["id"]] == (verdicts.get(str(root)) == "AC")
        # without its tests model the run misses two tasks: right samples that were not chosen
        missed = [row["id"] for row in views.get("run/1/problems")["rows"] if row["coverage"] and not row["solved"]]
        assert missed == ["Pool_1", "Pool_2"]
        for key in ("run/2", "run/0/problem/3", "run/0/nothing", "elsewhere"):
            with pytest.raises(KeyError):
                views.get(key)
    finally:
        views.close()


def test_a_stale_report_is_recomputed_not_trusted(tmp_path, runs):
    run = tmp_path / "run"
    synthetic_run(run, 8)
    (run / "report.json").write_text(json.dumps({"1_at_k": 0.99}))
    import os
    os.utime(run / "report.json", (0, 0))  # older than every problem row
    views = Views([str(run)])
    try:
        payload = views.get("run/0")
        assert payload["report_source"] == "computed from run.sqlite"
        assert payload["report"]["1_at_k"] == pytest.approx(2 / 6)  # 6 judged: p0 and p4 solved
        errors = payload["report"]["errors"]
        assert errors == {"p00003": "synthetic failure of p00003", "p00007": "synthetic failure of p00007"}
        assert not (run / "report.json").read_text().count("errors")  # the viewer writes nothing
    finally:
        views.close()


def test_a_directory_that_is_not_a_run_is_named(tmp_path):
    with pytest.raises(RunDirError, match=re.escape(str(tmp_path))):
        Views([str(tmp_path)])
    proc = subprocess.run([sys.executable, "-m", "solver.cli", "view", str(tmp_path), "--html", str(tmp_path / "v.html")],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 2 and str(tmp_path) in proc.stderr and "not a run directory" in proc.stderr
    assert not (tmp_path / "v.html").exists()


def test_the_inlined_script_and_style_cannot_end_their_blocks():
    from solver.viewer.page import _static

    for name in ("viewer.js", "viewer.css"):
        text = _static(name).lower()
        assert "</script" not in text and "</style" not in text and "<!--" not in text, name


def test_model_text_cannot_end_a_data_block():
    hostile = {"code": "</script><script>alert(1)</script><!-- -->", "other": "a\u2028b"}
    block = data_block("run/0/problem/0", hostile)
    inner = block[block.index(">") + 1:block.rindex("</script>")]
    assert "<" not in inner
    assert json.loads(inner) == hostile


def test_the_static_page_embeds_every_payload_once(tmp_path, runs):
    out = tmp_path / "view.html"
    proc = subprocess.run([sys.executable, "-m", "solver.cli", "view", *map(str, runs), "--html", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    html = out.read_text()
    keys = re.findall(r'<script type="application/json" id="d:([^"]+)">', html)
    assert keys[:2] == ["runs", "compare"]
    assert sorted(keys) == sorted({*keys}) and "run/1/problem/2" in keys and len(keys) == 2 + 2 * (2 + 3)
    # nothing loaded from anywhere: no script or image source, no stylesheet link, no CSS url()
    assert not re.search(r"\bsrc=|<link|url\(|@import", html)
    assert not list(tmp_path.glob("*.partial"))


def _get(url: str) -> tuple[int, dict | str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            body = r.read().decode()
            return r.status, json.loads(body) if r.headers["Content-Type"].startswith("application/json") else body
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read().decode())


def test_the_server_listens_on_loopback_and_serves_payloads_by_key(runs):
    views = Views([str(runs[0])])
    server = ViewerServer(views, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        assert server.server_address[0] == HOST == "127.0.0.1"
        status, page = _get(server.url)
        assert status == 200 and "<title>codesolve viewer</title>" in str(page) and '<script type="application/json"' not in str(page)
        status, payload = _get(server.url + "api/run/0/problems")
        assert status == 200 and isinstance(payload, dict) and len(payload["rows"]) == 3
        status, payload = _get(server.url + "api/run/0/problem/1")
        assert status == 200 and isinstance(payload, dict) and payload["id"] == "Pool_1"
        status, payload = _get(server.url + "api/compare")  # one run: nothing to compare
        assert status == 404 and isinstance(payload, dict) and "two runs" in payload["error"]
        status, _ = _get(server.url + "etc/passwd")
        assert status == 404
    finally:
        server.shutdown()
        server.server_close()
        views.close()


def test_view_serves_until_interrupted(runs):
    proc = subprocess.Popen([sys.executable, "-m", "solver.cli", "view", str(runs[0]), "--port", "0"],
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert url, line
        status, payload = _get(url.group(0) + "api/runs")
        assert status == 200 and isinstance(payload, dict) and payload["runs"][0]["problems"] == 3
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
