"""report.png's title fits above the plot: a replay named by its file, a long name wrapped."""

from solver.report import plot_title


def test_a_replay_is_named_by_its_file_and_a_long_name_is_wrapped():
    report = {"config": {"model": "replay:../shared/pools/some-very-long-pool-name/samples.jsonl"}, "judged": 164}
    assert plot_title(report) == "replay:samples.jsonl: 164 problems"
    long = {"config": {"model": "org/" + "x" * 150}, "judged": 3}
    lines = plot_title(long).split("\n")
    assert len(lines) > 1 and all(len(line) <= 60 for line in lines)
