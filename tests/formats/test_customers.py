from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from callwarden.customers import ConsentType, CustomerKind, KycStatus
from callwarden.errors import InputError
from callwarden.formats import ReadReport, read_consent, read_customers, read_numbers


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_customers_with_defaults_enums_and_bad_rows(tmp_path: Path) -> None:
    text = (
        "\ufeffName,Customer_ID,Kind,KYC Status,created_at,declared_use,unknown_column\n"
        "PhoneBurner Inc,phoneburner,Reseller,verified,2021-03-01,sales dialer,x\n"
        "MV Realty,mv-realty,,,,,x\n"  # 3: defaults
        "Bad Kind,bk,wholesaler,,,,x\n"  # 4
        "Bad KYC,bky,,approved,,,x\n"  # 5
        ",noname,,,,,x\n"  # 6
        "Dup,phoneburner,,,,,x\n"  # 7
        "Bad Date,bd,,,yesterday,,x\n"  # 8
        '"Multi\nLine Name",ml,provider,PENDING,2022-01-01T00:00:00+02:00,,x\n'  # 9-10
        "Late,late,,,,,x\n"  # 11
    )
    report = ReadReport(source="customers.csv")
    customers = list(read_customers(write(tmp_path, "customers.csv", text), report))
    assert [c.customer_id for c in customers] == ["phoneburner", "mv-realty", "ml", "late"]
    assert customers[0].kind is CustomerKind.RESELLER
    assert customers[0].kyc_status is KycStatus.VERIFIED
    assert customers[0].created_at == datetime(2021, 3, 1, tzinfo=UTC)
    assert customers[1].kind is CustomerKind.ENTERPRISE
    assert customers[1].kyc_status is KycStatus.UNKNOWN
    assert customers[1].declared_use is None
    assert customers[2].created_at == datetime(2021, 12, 31, 22, tzinfo=UTC)
    assert customers[2].kyc_status is KycStatus.PENDING
    errors = {error.line: error for error in report.errors}
    assert set(errors) == {4, 5, 6, 7, 8}
    assert errors[4].column == "kind"
    assert errors[4].value == "wholesaler"
    assert errors[5].column == "kyc_status"
    assert errors[6].reason == "empty name"
    assert "first on line 2" in errors[7].reason
    assert errors[8].column == "created_at"
    assert report.rows_read == 9
    assert report.rows_accepted == 4


def test_missing_required_column(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="name"):
        list(read_customers(write(tmp_path, "c.csv", "customer_id\nacme\n")))


def test_numbers_normalise_and_verified_booleans(tmp_path: Path) -> None:
    text = (
        "number,customer_id,since,verified\n"
        "(212) 736-3100,acme,2022-01-01,yes\n"
        "tel:+1-212-736-3101,acme,,N\n"
        "+12127363102,acme,,1\n"
        "12345,acme,,true\n"  # 5: not a number
        "+12127363103,acme,,maybe\n"  # 6: not a boolean
        "+12127363104,,,true\n"  # 7: no customer
    )
    path = tmp_path / "numbers.csv.gz"
    path.write_bytes(gzip.compress(text.encode()))
    report = ReadReport(source=str(path))
    grants = list(read_numbers(path, report))
    assert [(g.number, g.verified) for g in grants] == [
        ("+12127363100", True),
        ("+12127363101", False),
        ("+12127363102", True),
    ]
    assert grants[0].since == datetime(2022, 1, 1, tzinfo=UTC)
    assert [(e.line, e.column) for e in report.errors] == [
        (5, "number"),
        (6, "verified"),
        (7, "customer_id"),
    ]


def test_consent_types_and_revocation_order(tmp_path: Path) -> None:
    text = (
        "called_number,customer_id,consent_type,obtained_at,revoked_at,evidence\n"
        "2125551234,mv-realty,Prior Express Written,2022-01-01,,doc-1\n"
        "2125551235,mv-realty,prior-express,2022-01-01,2022-06-01,\n"
        "2125551236,mv-realty,implied,2022-01-01,,\n"  # 4
        "2125551237,mv-realty,prior_express,2022-06-01,2022-01-01,\n"  # 5
        "2125551238,mv-realty,,2022-06-01,,\n"  # 6
    )
    report = ReadReport(source="consent.csv")
    records = list(read_consent(write(tmp_path, "consent.csv", text), report))
    assert [r.consent_type for r in records] == [
        ConsentType.PRIOR_EXPRESS_WRITTEN,
        ConsentType.PRIOR_EXPRESS,
    ]
    assert records[0].called_number == "+12125551234"
    assert records[0].evidence == "doc-1"
    assert records[1].revoked_at == datetime(2022, 6, 1, tzinfo=UTC)
    assert [(e.line, e.column) for e in report.errors] == [
        (4, "consent_type"),
        (5, "revoked_at"),
        (6, "consent_type"),
    ]


_CELL = st.text(
    alphabet=st.characters(blacklist_categories=["Cs", "Cc", "Zl", "Zp"], blacklist_characters='"'),
    max_size=15,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.one_of(
            st.tuples(st.just("good"), st.integers(0, 9999)),
            st.tuples(st.just("garbage"), st.lists(_CELL, min_size=1, max_size=6)),
        ),
        max_size=40,
    )
)
def test_numbers_round_trip_and_garbage_is_reported_at_its_line(
    tmp_path: Path, rows: list[tuple[str, object]]
) -> None:
    lines = ["number,customer_id,verified"]
    expected: list[str] = []
    bad_lines: list[int] = []
    for kind, payload in rows:
        if kind == "good":
            assert isinstance(payload, int)
            number = f"+1212736{payload:04d}"
            lines.append(f"({number[2:5]}) {number[5:8]}-{number[8:]},acme,y")
            expected.append(number)
            continue
        assert isinstance(payload, list)
        cells = [f'"{cell}"' for cell in payload]
        if len(payload) == 3 and payload[0].strip():
            cells[0] = '"not a number"'  # three cells could be a valid row: make it bad
        if not any(cell.strip() for cell in payload):
            cells[0] = '"junk"'
        lines.append(",".join(cells))
        bad_lines.append(len(lines))
    path = write(tmp_path, "numbers.csv", "\n".join(lines) + "\n")
    report = ReadReport(source=str(path))
    grants = list(read_numbers(path, report))
    assert [g.number for g in grants] == expected
    assert [e.line for e in report.errors] == bad_lines


_NAME = st.text(
    alphabet=st.characters(
        blacklist_categories=["Cs", "Cc", "Zl", "Zp", "Zs"], blacklist_characters='"'
    ),
    min_size=1,
    max_size=12,
)
_MOMENT = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2040, 1, 1)).map(
    lambda moment: moment.replace(microsecond=0, tzinfo=UTC)
)


@st.composite
def customer_rows(draw: st.DrawFn) -> dict[str, object]:
    return {
        "customer_id": draw(_NAME),
        "name": draw(_NAME),
        "kind": draw(st.sampled_from(CustomerKind)),
        "kyc_status": draw(st.sampled_from(KycStatus)),
        "created_at": draw(st.none() | _MOMENT),
        "declared_use": draw(st.none() | _NAME),
    }


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(customer_rows(), max_size=20, unique_by=lambda row: row["customer_id"]),
    st.permutations(["customer_id", "name", "kind", "kyc_status", "created_at", "declared_use"]),
    st.booleans(),
)
def test_generated_customers_round_trip_in_any_column_order_and_header_case(
    tmp_path: Path, rows: list[dict[str, object]], order: list[str], shout: bool
) -> None:
    def cell(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, datetime):
            return value.isoformat()
        return f'"{value}"'

    header = ",".join(name.upper() if shout else name for name in order)
    lines = [header, *(",".join(cell(row[name]) for name in order) for row in rows)]
    path = write(tmp_path, "customers.csv", "\n".join(lines) + "\n")
    report = ReadReport(source=str(path))
    customers = list(read_customers(path, report))
    assert report.errors == []
    assert [
        (c.customer_id, c.name, c.kind, c.kyc_status, c.created_at, c.declared_use)
        for c in customers
    ] == [
        (
            row["customer_id"],
            row["name"],
            row["kind"],
            row["kyc_status"],
            row["created_at"],
            row["declared_use"],
        )
        for row in rows
    ]
