"""Findings as Parquet (pyarrow), for analysis with DuckDB, pandas or Spark: one row a finding.

Columns (docs/dask.md has the table): the JSON contract's finding fields, ``severity`` as its label,
``record`` and ``suggestion`` null where absent. The run's signature is in the file's key-value metadata
under ``wire-audit.signature``. pyarrow is part of the ``dask`` extra.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Finding

if TYPE_CHECKING:
    import pyarrow

FILE_NAME = "findings.parquet"
# (column, pyarrow type name, nullable), in the order of the JSON contract's finding object.
COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("path", "string", False),
    ("record", "string", True),
    ("line", "int64", False),
    ("column", "int64", False),
    ("end_line", "int64", False),
    ("end_column", "int64", False),
    ("start", "int64", False),
    ("end", "int64", False),
    ("text", "string", False),
    ("suggestion", "string", True),
    ("rule", "string", False),
    ("name", "string", False),
    ("severity", "string", False),
    ("confidence", "float64", False),
    ("message", "string", False),
    ("fingerprint", "string", False),
    ("occurrence", "int64", False),
)


def schema(signature: str = "") -> pyarrow.Schema:
    import pyarrow

    fields = [pyarrow.field(name, getattr(pyarrow, kind)(), nullable=nullable) for name, kind, nullable in COLUMNS]
    return pyarrow.schema(fields, metadata={"wire-audit.signature": signature} if signature else None)


def table(findings: Iterable[Finding], signature: str = "") -> pyarrow.Table:
    """The findings as an Arrow table with the schema above."""
    import pyarrow

    columns: dict[str, list[object]] = {name: [] for name, _, _ in COLUMNS}
    for finding in findings:
        row = finding.to_dict()
        row["record"] = finding.record
        row["occurrence"] = finding.occurrence
        row["confidence"] = finding.confidence
        for name in columns:
            columns[name].append(row[name])
    return pyarrow.Table.from_pydict(columns, schema=schema(signature))


def write(findings: Iterable[Finding], directory: str | Path, signature: str = "", name: str = FILE_NAME) -> Path:
    """Write ``directory/name`` (made if missing; replaced atomically) and return its path."""
    import pyarrow.parquet

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    temporary = directory / f".{name}.tmp"
    pyarrow.parquet.write_table(table(findings, signature), temporary)
    os.replace(temporary, path)
    return path
