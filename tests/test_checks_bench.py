"""The benchmark's synthetic store builds through crawler.store and checks quickly (small size here;
`make bench` runs 100,000 items)."""
from crawler.checks.bench import bench


def test_bench_runs_on_a_small_store(tmp_path):
    lines = []
    result = bench(items=3000, db_path=tmp_path / "b.db", echo=lines.append)
    assert result["items"] == 3000 and result["findings"] > 0
    assert result["check_s"] < 10 and result["recheck_s"] < 10
    assert {"typo", "broken_link", "stale_dynamic", "classify"} <= set(result["steps"])
    assert any("check:" in line for line in lines)
