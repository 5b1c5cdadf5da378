"""One small synthetic network shared by the synth tests (built once per session)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from callwarden.synth import SynthOptions, SynthResult, synthesize

SMALL = {"days": 3, "scale": 0.02, "seed": 7}


@dataclass
class Synthesised:
    out: Path
    result: SynthResult
    cdrs: pa.Table

    def rows(self, name: str) -> list[dict[str, str]]:
        with (self.out / name).open(newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def synthesised(tmp_path_factory: pytest.TempPathFactory) -> Synthesised:
    out = tmp_path_factory.mktemp("synth")
    result = synthesize(SynthOptions(out_dir=out, **SMALL))  # type: ignore[arg-type]
    tables = [pq.read_table(path) for path in sorted((out / "cdrs").glob("*.parquet"))]
    return Synthesised(out=out, result=result, cdrs=pa.concat_tables(tables))
