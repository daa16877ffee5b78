"""The Dask path: the same checks on a LocalCluster's workers give a local scan's findings."""
from __future__ import annotations

import builtins
import importlib.util
import shutil
from pathlib import Path

import pytest

from audit.cli import main
from audit.config import Settings
from audit.documents import Document
from audit.engine import scan

FIXTURES = Path(__file__).parent / "fixtures" / "parallel"
HAVE_DASK = all(importlib.util.find_spec(name) is not None for name in ("dask", "distributed", "pyarrow"))
needs_dask = pytest.mark.skipif(not HAVE_DASK, reason="dask[distributed] and pyarrow are not installed (the 'dask' extra)")


@pytest.fixture(scope="module")
def cluster():
    """Two small in-process workers: a real scheduler and task graph, without processes to start."""
    if not HAVE_DASK:
        pytest.skip("dask[distributed] and pyarrow are not installed (the 'dask' extra)")
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as local:
        yield local


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    shutil.copytree(FIXTURES, folder)
    (folder / "broken.txt").write_bytes(b"Binary\x00\x00 and not an article")
    return folder


@needs_dask
def test_a_scan_on_the_cluster_is_the_local_scan(cluster, archive: Path):
    paths = [str(archive), str(archive / "missing.txt")]
    local = scan(paths, Settings())
    remote = scan(paths, Settings(), dask=cluster.scheduler_address, keep_text=True)
    assert remote == local  # findings (AUD302 across files included), problems, paths, counts, signature
    assert any(finding.rule == "AUD302" for finding in remote.findings)
    assert remote.texts == scan(paths, Settings(), keep_text=True).texts


@needs_dask
def test_a_bag_of_documents_gives_the_findings_of_a_local_scan(cluster, archive: Path, tmp_path: Path):
    import dask.bag
    import duckdb
    from distributed import Client

    from audit.dask_scan import scan_bag, to_parquet

    files = sorted(str(path) for path in archive.glob("*.txt"))
    documents = [Document.from_text(path, Path(path).read_bytes().decode("utf-8", "replace")) for path in files
                 if not path.endswith("broken.txt")]
    local = scan([path for path in files if not path.endswith("broken.txt")], Settings())
    with Client(cluster):
        bag = dask.bag.from_sequence(documents, npartitions=3)
        findings = scan_bag(bag, Settings())
        assert findings.compute() == list(local.findings)
        written = to_parquet(findings, tmp_path / "parquet", local.signature)
    assert [path.name for path in written] == ["part-00000.parquet"]
    rows = duckdb.sql(f"SELECT path, rule, text, suggestion, occurrence FROM read_parquet('{tmp_path}/parquet/*.parquet') "
                      "ORDER BY path, start").fetchall()
    assert rows == [(f.path, f.rule, f.text, f.suggestion, f.occurrence) for f in local.findings]


@needs_dask
def test_the_command_line_writes_parquet_that_duckdb_reads(cluster, archive: Path, tmp_path: Path, capsys):
    import duckdb

    out = tmp_path / "out"
    code = main(["scan", str(archive / "day1.txt"), str(archive / "day3.txt"), str(archive / "day2.txt"),
                 "--dask", cluster.scheduler_address, "--parquet", str(out), "-f", "json"])
    assert code == 1
    assert "findings.parquet" in capsys.readouterr().err
    table = duckdb.sql(f"SELECT rule, severity, confidence, record FROM read_parquet('{out}/findings.parquet') ORDER BY path, start")
    assert [row[0] for row in table.fetchall()] == ["AUD201", "AUD302", "AUD201"]
    import pyarrow.parquet

    assert pyarrow.parquet.read_schema(out / "findings.parquet").metadata[b"wire-audit.signature"].startswith(b"wire-audit:")


def test_without_dask_the_command_line_says_how_to_install_it(archive: Path, monkeypatch, capsys):
    real_import = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name.split(".")[0] in ("dask", "distributed"):
            raise ImportError(f"No module named {name!r}", name=name.split(".")[0])
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    assert main(["scan", str(archive / "day1.txt"), "--dask", "local"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "--dask needs dask[distributed]" in error and "wire-audit[dask]" in error


@needs_dask
def test_standard_input_is_not_sent_to_dask(capsys):
    assert main(["scan", "-", "--dask", "local"]) == 2
    assert "standard input" in capsys.readouterr().err


@needs_dask
def test_a_worker_with_another_wire_audit_is_refused(cluster):
    from distributed import Client

    from audit.dask_scan import DaskMismatch, check_versions, tool_version

    with Client(cluster) as client:
        check_versions(client)  # the same code: accepted
        with pytest.raises(DaskMismatch, match="runs wire-audit .*install the same on every worker"):
            check_versions(client, here="0.0.1+another")
    assert tool_version().startswith("0.") and "+" in tool_version()
