"""The load test's own arithmetic (bench/loadtest.py): rounds merged, ratios to the layout page,
CPU time per request."""

import os

from bench import client, loadtest


def result(name, timings, seconds, errors=()):
    outcome = client.Result(name=name, seconds=seconds, timings_ms=list(timings))
    outcome.errors.extend(errors)
    return outcome


def test_rounds_of_a_measure_are_merged_into_one_result():
    merged = loadtest.merge([result("mixte", [10, 20], 1.0), result("mixte", [30], 1.5, ["500 /x/"])])
    assert merged.name == "mixte" and merged.seconds == 2.5
    assert merged.timings_ms == [10, 20, 30] and merged.errors == ["500 /x/"] and merged.requests == 4


def test_the_report_gives_each_page_its_share_of_the_layout_page_in_throughput_and_in_cpu(capsys):
    rows = loadtest.report(
        [result("mise_en_page", [5] * 400, 1.0), result("mixte", [50] * 100, 1.0)],
        {"mise_en_page": {"gunicorn": 1.6, "postgresql": 0.0, "client": 0.4},
         "mixte": {"gunicorn": 1.2, "postgresql": 0.2, "client": 0.1}})
    assert [row["ratio_to_layout"] for row in rows] == [1.0, 0.25]
    assert rows[1]["cpu_ms_per_request"] == {"gunicorn": 12.0, "postgresql": 2.0, "client": 1.0}
    assert rows[1]["cpu_ratio_to_layout"] == 0.333  # 5 ms for the layout page, 15 ms for the mix
    assert loadtest.verdict(rows) == []
    assert "mise en page / page" in capsys.readouterr().out


def test_the_cpu_meter_counts_the_time_spent_during_a_measure():
    meter = loadtest.CpuMeter(os.getpid())

    def busy():
        return sum(n * n for n in range(300_000))

    meter.measure("mixte", busy)
    meter.measure("mixte", busy)
    assert meter.spent["mixte"]["client"] > 0
    assert meter.spent["mixte"]["gunicorn"] >= 0 and meter.spent["mixte"]["postgresql"] >= 0
