from __future__ import annotations

import duckdb
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from callwarden.calls import (
    CDR_COLUMNS,
    STORED_CDR_SCHEMA,
    cdr_select_sql,
    number_digits,
    number_digits_sql,
)

E164_LIKE = st.builds(
    lambda sign, digits: sign + digits,
    st.sampled_from(["+", "", "++", " +"]),
    st.text(alphabet="0123456789 -x", min_size=0, max_size=18),
)


def test_digits_of_e164_numbers_and_nulls_for_the_rest() -> None:
    numbers = pa.array(
        [
            *("+12025550123", "+442079460958", "+999999999999999", "+1234567890123456", "+0123"),
            *("12025550123", "+1 202", "anonymous", "", None, "+١٢٣"),
        ]
    )
    assert number_digits(numbers).to_pylist() == [
        12025550123, 442079460958, 999999999999999, None, None,
        None, None, None, None, None, None,
    ]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(E164_LIKE, st.text(max_size=20)), min_size=1, max_size=30))
def test_the_sql_digits_equal_the_arrow_digits(values: list[str]) -> None:
    """Files without the digits get them from SQL at each scan: the same as at ingest."""
    numbers = pa.table({"number": pa.array(values, pa.string())})
    connection = duckdb.connect()
    connection.register("numbers", numbers)
    from_sql = [
        row[0]
        for row in connection.execute(
            f"select {number_digits_sql('number')} from numbers"
        ).fetchall()
    ]
    assert from_sql == number_digits(numbers["number"]).to_pylist()


def test_select_list_reads_computes_or_fills_the_digits() -> None:
    every = cdr_select_sql(3, 3)
    none = cdr_select_sql(0, 3)
    some = cdr_select_sql(1, 3)
    for select in (every, none, some):
        names = [part.split(" as ")[-1].strip() for part in _columns(select)]
        assert names == STORED_CDR_SCHEMA.names
        assert names[: len(CDR_COLUMNS)] == list(CDR_COLUMNS)
    assert "regexp" not in every
    assert "coalesce" not in none
    assert "regexp" in none
    assert "coalesce(caller_digits" in some
    assert "coalesce(called_digits" in some


def _columns(select: str) -> list[str]:
    """The top-level items of a select list (commas inside parentheses kept)."""
    items, depth, current = [], 0, ""
    for char in select:
        if char == "," and depth == 0:
            items.append(current)
            current = ""
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        current += char
    return [*items, current]
