"""Traceback requests and sample notices name real calls of the synthetic CDRs."""

from __future__ import annotations

from datetime import timedelta

import pyarrow.compute as pc

from callwarden.formats import ReadReport, read_notice, read_traceback_requests
from tests.synth.conftest import Synthesised


def _label_of_call(synthesised: Synthesised, row: int) -> str:
    cdrs = synthesised.cdrs
    labels = {
        (r["entity_type"], r["entity_id"]): r["legitimate"] for r in synthesised.rows("labels.csv")
    }
    sub = cdrs["sub_account"][row].as_py()
    if sub:
        return labels[("sub_account", sub)]
    customer = cdrs["customer_id"][row].as_py()
    if customer:
        return labels[("customer", customer)]
    return labels[("upstream_provider", cdrs["upstream_provider"][row].as_py())]


def _matching_rows(synthesised: Synthesised, caller: str, called: str, when: object) -> list[int]:
    cdrs = synthesised.cdrs
    same = pc.and_(pc.equal(cdrs["called_number"], called), pc.equal(cdrs["caller_id"], caller))
    rows = pc.indices_nonzero(same).to_pylist()
    return [
        row for row in rows if abs(cdrs["start_time"][row].as_py() - when) < timedelta(seconds=1)
    ]


def test_every_traceback_request_names_one_answered_call(synthesised: Synthesised) -> None:
    report = ReadReport(source="tracebacks.csv")
    requests = list(read_traceback_requests(synthesised.out / "tracebacks.csv", report))
    assert report.rows_rejected == 0, report.summary()
    assert len(requests) >= 6 * 3  # every illegal campaign, every day
    verdicts = []
    for request in requests:
        rows = _matching_rows(
            synthesised, request.caller_id, request.called_number, request.call_time
        )
        assert len(rows) == 1, request
        assert synthesised.cdrs["sip_code"][rows[0]].as_py() == 200
        verdicts.append(_label_of_call(synthesised, rows[0]))
    assert verdicts.count("false") > 0.7 * len(verdicts)
    assert len({r.request_id for r in requests}) == len(requests)


def test_sample_notices_import_and_name_the_campaigns_calls(synthesised: Synthesised) -> None:
    notices = sorted((synthesised.out / "notices").glob("*.txt"))
    assert len(notices) == 2
    styles = set()
    for path in notices:
        calls, report = read_notice(path)
        assert report.rows_rejected == 0, report.summary()
        assert calls
        text = path.read_text()
        styles.add("short" if "\t8/" in text else "long")
        customers = {c["name"]: c["customer_id"] for c in synthesised.rows("customers.csv")}
        for call in calls:
            assert call.caller_id is not None
            account = customers[call.customer]
            cdrs = synthesised.cdrs
            mine = pc.or_(
                pc.equal(cdrs["customer_id"], account).fill_null(False),
                pc.equal(cdrs["sub_account"], account).fill_null(False),
            )
            callers = set(cdrs.filter(mine)["caller_id"].unique().to_pylist())
            assert call.caller_id in callers
    assert styles == {"short", "long"}
