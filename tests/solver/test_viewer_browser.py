"""The viewer in a real browser: headless Chromium driven by Selenium.

Skipped, with the reason, when Selenium, Chromium or chromedriver is missing (Debian's
``chromium`` and ``chromium-driver``; Selenium comes with the ``test`` extra); under CI
(``CI`` set; ``.ci/run`` installs them) a missing browser is a failure. With
``CODESOLVE_UPDATE_SCREENSHOTS=1`` the README's screenshot (docs/viewer.png) is rewritten.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import pytest
from viewer_fixtures import ROOT, read_report, replay_run, synthetic_run

from solver.viewer import ViewerServer, Views, write_html

SCREENSHOT = ROOT / "docs" / "viewer.png"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI needs a browser for the viewer tests: {reason}")
    pytest.skip(f"no browser for the viewer tests: {reason}")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _unavailable("selenium is not installed (pip install -e '.[test]')")
    binary = next((b for b in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if b), None)
    driver_path = shutil.which("chromedriver")
    if binary is None or driver_path is None:
        _unavailable("Chromium and chromedriver are needed (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--no-first-run", "--disable-extensions"):
        options.add_argument(arg)
    try:
        driver = webdriver.Chrome(options=options, service=Service(driver_path))
    except Exception as exc:  # noqa: BLE001 - reported as the reason
        _unavailable(f"Chromium does not start: {exc}")
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("browser-runs")
    return replay_run(base / "with-tests", tests_model=True), replay_run(base / "no-tests", tests_model=False)


class Served:
    """A viewer server over ``dirs`` on a free loopback port, in a thread."""

    def __init__(self, dirs: list[Path]) -> None:
        self.views = Views([str(d) for d in dirs])
        self.server = ViewerServer(self.views, 0)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = self.server.url

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.views.close()


def wait_page(driver: Any, page: str, timeout: float = 20) -> None:
    """Until the viewer has drawn ``page`` (home, run, problem, compare)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        state = driver.execute_script("return [document.body.dataset.ready, document.body.dataset.page]")
        if state == ["1", page]:
            return
        if state[1] == "error":
            raise AssertionError(driver.find_element("id", "app").text)
        time.sleep(0.02)
    raise AssertionError(f"the {page} page was not drawn in {timeout} s (state {state})")


def css(driver: Any, selector: str) -> list[Any]:
    return driver.find_elements("css selector", selector)


def wait_for(driver: Any, selector: str, timeout: float = 10) -> Any:
    """The first element matching ``selector`` once there is one (a toggled candidate draws
    its code on the next task)."""
    end = time.monotonic() + timeout
    while not (found := css(driver, selector)):
        if time.monotonic() > end:
            raise AssertionError(f"nothing matches {selector} after {timeout} s")
        time.sleep(0.02)
    return found[0]


def shown_rates(driver: Any) -> dict[str, tuple[str, str]]:
    """Solve-rate cards: metric -> (exact value, text shown)."""
    return {e.get_attribute("data-metric"): (e.find_element("css selector", ".value").get_attribute("data-value"),
                                             e.find_element("css selector", ".value").text)
            for e in css(driver, "#solve-rate .metric")}


def test_the_served_viewer_shows_the_run_its_problems_and_their_behaviour(browser, runs, tmp_path):
    served = Served(list(runs))
    try:
        browser.get(served.url)
        wait_page(browser, "home")
        assert len(css(browser, "main table tr")) == 3  # a header and the two runs
        css(browser, 'a[href="#/run/0"]')[0].click()
        wait_page(browser, "run")
        # The solve rate shown is report.json's.
        report = read_report(runs[0])
        k = report["submissions"]
        rates = shown_rates(browser)
        for key in ("1_at_k", f"{k}_at_k", "coverage"):
            assert float(rates[key][0]) == report[key]
            assert rates[key][1] == f"{100 * report[key]:.1f}%"
        assert float(rates["pass_at_1"][0]) == report["pass_at_k"]["1"]
        assert css(browser, "#curve svg polyline")  # the solve-rate curve is drawn
        shown = {e.get_attribute("data-k"): float(e.get_attribute("data-value")) for e in css(browser, "#pass-at-k td[data-k]")}
        assert shown == {m: v for m, v in report["pass_at_k"].items()}  # 4 samples: every k
        # Open a problem from the list; on its behaviour matrix click a cell where the two
        # clusters differ, and see the input and both outputs side by side.
        next(r for r in css(browser, "tr.problem-row") if r.get_attribute("data-id") == "Pool_1").click()
        wait_page(browser, "problem")
        assert "second_largest" in browser.find_element("tag name", "h1").text
        attempt = served.views.get("run/0/problem/1")["attempt"]
        behaviour = [c["behaviour"] for c in attempt["clusters"]]
        j = next(j for j in range(len(attempt["inputs"])) if behaviour[0][j] != behaviour[1][j]
                 and all(b[j].startswith("o") for b in behaviour[:2]))
        css(browser, f'td.cell[data-input="{j}"][data-cluster="0"]')[0].click()
        assert browser.find_element("css selector", "#cell-detail .cell-input").text == attempt["inputs"][j].strip()
        outputs = [e.text for e in css(browser, "#cell-detail .cell-output")]
        expected = [attempt["outputs"][j][int(b[j][1:])].strip() for b in behaviour]
        assert outputs == expected and outputs[0] != outputs[1]
        assert "selected" in css(browser, '#cell-detail .out[data-cluster="0"]')[0].get_attribute("class")
        # A candidate's code, highlighted, with its hidden-test verdict.
        first = attempt["submissions"][0]
        css(browser, f"#cand-{first} > summary")[0].click()
        code = wait_for(browser, f"#cand-{first} pre.code")
        assert code.text.strip() == attempt["candidates"][first]["code"].strip()
        assert css(browser, f"#cand-{first} pre.code .hl-kw")
        assert "submission 1" in css(browser, f"#cand-{first} > summary")[0].text
        browser.set_window_size(1400, 1500)
        browser.execute_script("document.getElementById('statement').open = false; window.scrollTo(0, 0)")
        shot = tmp_path / "viewer.png"
        assert browser.save_screenshot(str(shot)) and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        if os.environ.get("CODESOLVE_UPDATE_SCREENSHOTS"):
            shutil.copyfile(shot, SCREENSHOT)
        browser.set_window_size(1400, 1000)
        # The other run, filtered to its unsolved problems.
        browser.get(served.url + "#/run/1")
        wait_page(browser, "run")
        css(browser, 'button.filter[data-filter="unsolved"]')[0].click()
        rows = [r.get_attribute("data-id") for r in css(browser, "tr.problem-row")]
        unsolved = [p["id"] for p in read_report(runs[1])["per_problem"] if not p["solved"]]
        assert rows == unsolved == ["Pool_1", "Pool_2"]
        assert browser.find_element("id", "problem-count").text == "2 of 3 problems"
        assert "filter=unsolved" in browser.current_url
        # The compare page: the figures of compare_runs, per run.
        browser.get(served.url + "#/compare")
        wait_page(browser, "compare")
        comparison = served.views.get("compare")
        cells = css(browser, '#compare-table td[data-metric="1_at_k"]')
        assert [c.text.split(" ")[0] for c in cells] == [f"{100 * r['figures']['1_at_k']['value']:.1f}%"
                                                         for r in comparison["runs"]]
        assert {r.find_element("css selector", "td").text for r in css(browser, "#compare-disagree tr")[1:]} == {
            d["id"] for d in comparison["disagreements"]}
    finally:
        served.close()


def test_the_static_page_opens_from_disk(browser, runs, tmp_path):
    views = Views([str(runs[1])])
    try:
        write_html(views, str(tmp_path / "view.html"))
    finally:
        views.close()
    browser.get((tmp_path / "view.html").as_uri())
    wait_page(browser, "run")  # one run: its page is the home page
    report = read_report(runs[1])
    assert float(shown_rates(browser)["1_at_k"][0]) == report["1_at_k"]
    css(browser, 'button.filter[data-filter="missed"]')[0].click()
    assert [r.get_attribute("data-id") for r in css(browser, "tr.problem-row")] == ["Pool_1", "Pool_2"]
    css(browser, 'tr.problem-row[data-id="Pool_2"] a')[0].click()
    wait_page(browser, "problem")
    assert "missed" in browser.find_element("id", "problem-state").text
    assert "is_perfect" in browser.find_element("id", "statement").text


def test_a_run_of_5000_problems_opens_its_list_in_under_2_seconds(browser, tmp_path):
    from solver.report import write
    from solver.store import RunStore

    run = synthetic_run(tmp_path / "big", 5000)
    store = RunStore(str(run))
    write(store, draws=10)  # as solve does at its end
    store.close()
    served = Served([run])
    try:
        for url in (served.url, None):
            if url is None:  # the same run as a static page
                write_html(served.views, str(tmp_path / "big.html"))
                url = (tmp_path / "big.html").as_uri()
            start = time.monotonic()
            browser.get(url)
            wait_page(browser, "run")
            seconds = time.monotonic() - start
            assert browser.find_element("id", "problem-count").text == "5000 of 5000 problems"
            assert seconds < 2.0, f"{url}: the list took {seconds:.2f} s"
            css(browser, 'button.filter[data-filter="errors"]')[0].click()
            assert browser.find_element("id", "problem-count").text == "1250 of 5000 problems"
    finally:
        served.close()
