"""``callwarden load``: output, exit status, and what lands in the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from callwarden.cli import app
from callwarden.store.relational import open_database
from tests.kyc.test_importing import write_reference_files


def invoke(*arguments: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["load", *arguments])
    return result.exit_code, result.output


def test_load_prints_summaries_and_first_bad_rows(tmp_path: Path) -> None:
    paths = write_reference_files(tmp_path)
    home = tmp_path / "home"
    options = [item for kind, path in paths.items() for item in (f"--{kind}", str(path))]
    code, output = invoke(*options, "--home", str(home))
    assert code == 0, output
    assert "customers.csv: 4 rows read, 2 accepted, 2 rejected" in output
    assert f"{paths['customers']}:4: column 'parent_id'" in output
    assert "numbers.csv: 3 rows read, 1 accepted, 2 rejected" in output
    assert "store holds 2 customers, 1 number grants, 1 consent records" in output
    with (
        open_database(f"sqlite:///{home / 'callwarden.db'}") as database,
        database.reading() as store,
    ):
        assert store.is_dno("+18005550100")


@pytest.mark.postgres
def test_load_into_postgres(tmp_path: Path, postgres_url: str) -> None:
    paths = write_reference_files(tmp_path)
    code, output = invoke("--dno", str(paths["dno"]), "--db", postgres_url)
    assert code == 0, output
    assert "dno.csv: 1 rows read, 1 accepted, 0 rejected" in output
    assert "store holds 0 customers" in output


def test_unusable_file_exits_1_after_loading_the_others(tmp_path: Path) -> None:
    paths = write_reference_files(tmp_path)
    paths["numbers"].write_text("telephone,customer_id\n+12025550143,mv-realty\n")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    code, output = invoke(
        "--customers", str(paths["customers"]), "--numbers", str(paths["numbers"]), "--db", db
    )
    assert code == 1
    assert "customers.csv: 4 rows read, 2 accepted" in output
    assert "numbers.csv" in output
    assert "store holds 2 customers, 0 number grants" in output


def test_no_file_is_a_usage_error(tmp_path: Path) -> None:
    code, output = invoke("--home", str(tmp_path))
    assert code == 2
    assert "at least one file" in output


def test_bad_database_url_is_one_clear_line(tmp_path: Path) -> None:
    paths = write_reference_files(tmp_path)
    code, output = invoke("--dno", str(paths["dno"]), "--db", "mysql://u:hunter2@h/x")
    assert code == 2
    assert "unsupported database" in output
    assert "hunter2" not in output
