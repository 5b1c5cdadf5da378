"""Traceback requests and FCC-style notices about the synthetic network's calls.

Later stages (answering tracebacks, responding to a 47 CFR 64.1200(k)(4) notice) need
requests that name real calls in the CDRs. Each day a few answered calls of every illegal
campaign are "reported", as honeypots and consumer complaints report them to the Industry
Traceback Group, plus now and then a legitimate sender's call (tracebacks of lawful
calls happen too; the answer is then the consent evidence).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np

from callwarden.synth.network import FORM_ELEVEN_DIGITS, FORM_NATIONAL, Network, Sender
from callwarden.synth.traffic import DayCalls
from callwarden.synth.writer import present_caller

TRACEBACK_COLUMNS = ("request_id", "call_time", "caller_id", "called_number", "campaign")

#: Campaign descriptions in the style of ITG traceback notices, per behaviour.
CAMPAIGN_NAMES: dict[str, tuple[str, ...]] = {
    "prerecorded_no_consent": (
        "HomeOwner-CashProgram",
        "Home Equity Cash Offer",
        "Listing Agreement Offer",
    ),
    "prerecorded_low_volume": (
        "Home Improvement Grant",
        "Window Rebate Program",
        "Roof Inspection",
    ),
    "prerecorded_multi_message": ("Resort Vacation Offer", "Cruise Giveaway", "Travel Rewards"),
    "neighbour_spoofing": ("Auto Warranty", "Vehicle Service Contract", "Car Warranty Expiring"),
    "snowshoe": ("Health Insurance Enrollment", "Medicare Benefits", "Final Expense Insurance"),
    "gateway_flood": (
        "SSA Impersonation",
        "Amazon Impersonation",
        "IRS Impersonation",
        "Utility Disconnect",
    ),
    "sequential_dialing": ("Student Loan Forgiveness", "Debt Reduction", "Credit Card Interest"),
    "outside_calling_hours": ("Solar Savings", "Energy Rebate", "Vacation Package"),
}
LEGITIMATE_REPORTS = ("Pharmacy Reminder", "Appointment Reminder", "Policy Renewal Notice")
#: Behaviours whose calls consumers sometimes report although they are lawful.
REPORTED_THOUGH_LAWFUL = (
    "appointment_reminders",
    "dialer_client_prerecorded_consent",
    "contact_centre_consent",
)


@dataclass(frozen=True)
class ReportedCall:
    call_time_us: int
    caller_id: str
    called_number: str
    sender: int
    campaign: str


def campaign_name(seed: int, sender: Sender) -> str:
    options = CAMPAIGN_NAMES.get(sender.behaviour.name, LEGITIMATE_REPORTS)
    return options[int(np.random.default_rng([seed, 0x7B, sender.index]).integers(len(options)))]


def report_calls(
    network: Network, calls: DayCalls, rng: np.random.Generator, seed: int
) -> list[ReportedCall]:
    """A day's reported calls: 1-3 answered calls per active illegal sender, and with
    small probability one call of a lawful high-volume sender."""
    answered = calls.sip_code == 200
    reported: list[ReportedCall] = []
    for sender in network.senders:
        lawful = sender.behaviour.legitimate
        if lawful and (sender.behaviour.name not in REPORTED_THOUGH_LAWFUL or rng.random() > 0.08):
            continue
        rows = np.flatnonzero(answered & (calls.sender == sender.index))
        if rows.size == 0:
            continue
        take = 1 if lawful else int(rng.integers(1, 4))
        for row in np.sort(rng.choice(rows, size=min(take, rows.size), replace=False)).tolist():
            form = int(calls.caller_form[row])
            # Reports carry the number in E.164; an invalid one exactly as it was shown.
            if form in (FORM_NATIONAL, FORM_ELEVEN_DIGITS):
                form = 0
            reported.append(
                ReportedCall(
                    call_time_us=int(calls.start_us[row]),
                    caller_id=present_caller(int(calls.caller[row]), form),
                    called_number=f"+1{int(calls.callee[row]):010d}",
                    sender=sender.index,
                    campaign=campaign_name(seed, sender),
                )
            )
    return reported


def _moment(micros: int) -> datetime:
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=micros)


def traceback_csv(reported: list[ReportedCall], rng: np.random.Generator) -> str:
    """tracebacks.csv (formats.md section 4): call times to the second, as ITG gives them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(TRACEBACK_COLUMNS)
    ids = rng.choice(900_000, size=len(reported), replace=False) + 100_000
    for request_id, call in zip(ids.tolist(), reported, strict=True):
        when = _moment(call.call_time_us).strftime("%Y-%m-%dT%H:%M:%SZ")
        writer.writerow(
            (f"TB-{request_id}", when, call.caller_id, call.called_number, call.campaign)
        )
    return buffer.getvalue()


def _long_date(moment: datetime) -> str:
    return moment.strftime("%b %d, %Y %H:%M UTC")


def _short_date(moment: datetime, *, with_time: bool) -> str:
    text = f"{moment.month}/{moment.day}/{moment.year}"
    return f"{text} {moment:%H:%M}" if with_time else text


def notice_text(
    network: Network,
    sender: Sender,
    calls: list[ReportedCall],
    rng: np.random.Generator,
    *,
    short_dates: bool,
) -> str:
    """An Enforcement Bureau style letter to the provider naming ``sender``'s calls in an
    Attachment A table (tab-separated). ``short_dates`` writes 7/18/2023-style dates."""
    account = next(c for c in network.customers if c["customer_id"] == sender.entity_id)
    customer_name = account["name"]
    last_call = max(_moment(call.call_time_us) for call in calls)
    letter_date = (last_call + timedelta(days=int(rng.integers(7, 30)))).date()
    violation = (
        "47 CFR 64.1200(c)(1)"
        if sender.behaviour.name == "outside_calling_hours"
        else "47 USC 227(b); 47 CFR 64.1200(a)"
    )
    lines = [
        "FEDERAL COMMUNICATIONS COMMISSION",
        "Enforcement Bureau, Telecommunications Consumers Division",
        "",
        f"{letter_date:%B} {letter_date.day}, {letter_date.year}",
        "",
        "Re: Notice of apparently unlawful robocall traffic (47 CFR 64.1200(k)(4))",
        "",
        "The Traceback Consortium has traced the calls listed in Attachment A to your network,",
        f"originated on behalf of your customer {customer_name.removesuffix('.')}.",
        "Within 48 hours, investigate these calls, mitigate the traffic and tell the Commission",
        "and the Consortium what you did; within 14 days, report the measures that keep new and",
        "renewing customers from originating such traffic, with a declaration under",
        "47 CFR 1.16.",
        "",
        "ATTACHMENT A",
        "",
        "\t".join(
            (
                "Customer",
                "Date of ITG Notification",
                "Date of Call",
                "Caller ID",
                "Called Number",
                "Description",
                "Violation",
            )
        ),
    ]
    for call in sorted(calls, key=lambda c: c.call_time_us):
        when = _moment(call.call_time_us)
        notified = when + timedelta(hours=float(rng.uniform(20, 72)))
        if short_dates:
            dates = (_short_date(notified, with_time=False), _short_date(when, with_time=True))
        else:
            dates = (_long_date(notified), _long_date(when))
        # Letters often redact the consumer's number; keep the caller ID as evidence.
        called = "[REDACTED]" if rng.random() < 0.5 else call.called_number
        lines.append(
            "\t".join((customer_name, *dates, call.caller_id, called, call.campaign, violation))
        )
    return "\n".join(lines) + "\n"
