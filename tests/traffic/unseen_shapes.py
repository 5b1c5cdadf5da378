"""A network of senders shaped unlike `callwarden synth`'s (other message lengths, answer
rates, pools, hours, consent coverage, volumes), built from how each kind of traffic
works rather than from the synth's constants: the detectors are tuned on the synth's
networks, and this is the check that they did not learn its numbers.

Campaigns (each must reach ``high``): a press-1 survey line on one number, a bought lead
list of which under half consented, a pool of 250 numbers whose answered calls often
reach voicemail greetings first, a reseller's client playing a message among clean
tenants, a night robocaller, a spoofed flood (a new number per call, C-attested) and a
neighbour-spoofed one through carriers that file in the RMD, a spoofed message that is a
small part of a large carrier's transit, an account presenting a new
ungranted number per call, and live agents behind a dialler working down a range of
numbers. Legitimate senders (none may reach ``high``): a pharmacy's consented reminders, a
school district's morning burst of closure alerts, a contact centre, a live survey with a
9% answer rate, a poll's live interviewers calling a list-assisted random sample, voice
one-time codes around the clock, a utility's evening outage notices,
reminders in two languages, 500 agents with a number each, recorded account notices into
the evening, a water department calling its town's 3 exchanges densely, a transit
carrier, a vendor's reminders from 3,000 store numbers through another carrier, and small
businesses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import ClassVar

import numpy as np
import pyarrow as pa

from callwarden.calls import CDR_SCHEMA
from callwarden.customers import (
    ConsentRecord,
    ConsentType,
    Customer,
    CustomerKind,
    KycStatus,
    NumberGrant,
)
from callwarden.lists import RmdFiling
from callwarden.traffic.analyze import ReferenceData

FIRST_DAY = datetime(2023, 3, 6, tzinfo=UTC)
DAYS = 3
#: callees and numbers across the US time zones (Eastern to Pacific)
_NPAS = np.array([212, 617, 305, 404, 312, 214, 713, 615, 303, 602, 206, 415])
#: exchanges (NXX) that can be assigned: not N11 (service codes) nor 555 (directory and
#: fictional numbers), which the provider's ingest classifies as invalid
EXCHANGES = np.array([x for x in range(200, 1000) if x % 100 != 11 and x != 555])

Durations = Callable[[int], np.ndarray]


@dataclass
class UnseenNetwork:
    """Calls, what the provider knows, and which entity is a campaign (True) or not."""

    seed: int
    volume: float = 1.0
    rng: np.random.Generator = field(init=False)
    columns: dict[str, list[object]] = field(init=False)
    customers: list[Customer] = field(default_factory=list)
    grants: list[NumberGrant] = field(default_factory=list)
    consent: list[ConsentRecord] = field(default_factory=list)
    rmd: list[RmdFiling] = field(default_factory=list)
    campaign: dict[tuple[str, str], bool] = field(default_factory=dict)
    #: the first letter of the network's call ids
    id_prefix: ClassVar[str] = "u"

    def __post_init__(self) -> None:
        self.rng = np.random.default_rng(self.seed)
        self.columns = {name: [] for name in CDR_SCHEMA.names}

    # --- parts ----------------------------------------------------------------------------
    def numbers(self, count: int, npa: int | None = None) -> list[str]:
        npas = self.rng.choice(_NPAS, count) if npa is None else np.full(count, npa)
        exchanges = self.rng.choice(EXCHANGES, count)
        lines = self.rng.integers(0, 10_000, count)
        return [f"+1{a}{x}{line:04d}" for a, x, line in zip(npas, exchanges, lines, strict=True)]

    def account(
        self,
        customer_id: str,
        declared_use: str,
        *,
        campaign: bool = False,
        kyc: KycStatus = KycStatus.VERIFIED,
        age_days: int = 500,
        parent: str | None = None,
        kind: CustomerKind = CustomerKind.ENTERPRISE,
        numbers: int = 0,
        npa: int | None = None,
    ) -> list[str]:
        """Onboard an account; returns the numbers granted to it."""
        self.customers.append(
            Customer(
                customer_id,
                customer_id.replace("-", " ").title(),
                parent_id=parent,
                kind=kind,
                declared_use=declared_use,
                kyc_status=kyc,
                created_at=FIRST_DAY - timedelta(days=age_days),
            )
        )
        self.campaign["sub_account" if parent else "customer", customer_id] = campaign
        granted = self.numbers(numbers, npa)
        self.grants.extend(NumberGrant(number, customer_id) for number in granted)
        return granted

    def consented(self, holder: str, callees: list[str], share: float = 1.0) -> None:
        obtained = FIRST_DAY - timedelta(days=200)
        self.consent.extend(
            ConsentRecord(number, holder, ConsentType.PRIOR_EXPRESS, obtained)
            for number in callees
            if self.rng.random() < share
        )

    def calls(
        self,
        per_day: int,
        *,
        customer: str | None,
        callers: list[str] | None,
        durations: Durations,
        answered: float,
        callees: list[str] | None = None,
        sub_account: str | None = None,
        upstream: str | None = None,
        hours: tuple[int, int] = (17, 24),
        attestation: str | None = "A",
        in_order: bool = False,
        neighbour_spoofed: bool = False,
    ) -> None:
        """``per_day`` calls a day (+-15%) at uniform times between ``hours`` (UTC, may run
        past midnight); ``callers`` None: a new calling number per call (``neighbour_spoofed``:
        in the callee's own exchange); ``callees`` None: anyone, else drawn from that
        roster (``in_order``: dialled down it in order, a hit list)."""
        dialled = 0
        for day in range(DAYS):
            count = int(per_day * self.volume * self.rng.uniform(0.85, 1.15))
            seconds = self.rng.uniform(hours[0] * 3600, hours[1] * 3600, count)
            picked_up = self.rng.random(count) < answered
            duration = np.zeros(count, np.int64)
            duration[picked_up] = durations(int(picked_up.sum()))
            failures = self.rng.choice([480, 486, 487, 603], count)
            if callees is None:
                called = self.numbers(count)
            elif in_order:
                order = np.argsort(seconds)
                called = [""] * count
                for rank, call in enumerate(order):
                    called[call] = callees[(dialled + rank) % len(callees)]
                dialled += count
            else:
                called = [callees[i] for i in self.rng.integers(0, len(callees), count)]
            if callers is not None:
                calling = [callers[i % len(callers)] for i in range(count)]
            elif neighbour_spoofed:
                lines = self.rng.integers(0, 10_000, count)
                pairs = zip(called, lines, strict=True)
                calling = [f"{callee[:8]}{line:04d}" for callee, line in pairs]
            else:
                calling = self.numbers(count)
            self.append(
                start_times=[FIRST_DAY + timedelta(days=day, seconds=float(s)) for s in seconds],
                durations=duration.tolist(),
                sip_codes=np.where(picked_up, 200, failures).tolist(),
                callers=calling,
                called=called,
                customer=customer,
                upstream=upstream,
                sub_account=sub_account,
                attestations=[attestation] * count,
            )

    def append(
        self,
        *,
        start_times: Sequence[datetime],
        durations: Sequence[int],
        sip_codes: Sequence[int],
        callers: Sequence[str],
        called: Sequence[str],
        customer: str | None,
        upstream: str | None,
        sub_account: str | None,
        attestations: Sequence[str | None],
    ) -> None:
        """Append one call per element, its id ``<id_prefix><seed>-<n>`` counting on from
        the network's calls, its caller ID valid, the other CDR columns empty."""
        count = len(called)
        start = len(self.columns["call_id"])
        values: dict[str, Sequence[object]] = {
            "call_id": [f"{self.id_prefix}{self.seed}-{start + i:08d}" for i in range(count)],
            "start_time": start_times,
            "duration_s": durations,
            "sip_code": sip_codes,
            "caller_id": callers,
            "caller_class": ["valid"] * count,
            "called_number": called,
            "customer_id": [customer] * count,
            "upstream_provider": [upstream] * count,
            "sub_account": [sub_account] * count,
            "attestation": attestations,
        }
        for name, column in self.columns.items():
            column.extend(values.get(name, [None] * count))

    # --- how calls last -------------------------------------------------------------------
    def recording(
        self, length: int, *, hang_ups: float = 0.3, jitter: int = 1, voicemail: float = 0.0
    ) -> Durations:
        """A message of ``length`` s: most hear it out (+-``jitter``), ``hang_ups`` leave
        early, ``voicemail`` of the answered hear a 6-15 s greeting first."""

        def durations(count: int) -> np.ndarray:
            out = length + self.rng.integers(-jitter, jitter + 1, count)
            greeted = self.rng.random(count) < voicemail
            out[greeted] += self.rng.integers(6, 16, int(greeted.sum()))
            early = self.rng.random(count) < hang_ups
            out[early] = self.rng.integers(1, length, int(early.sum()))
            return out

        return durations

    def live(self, mean_s: float) -> Durations:
        return lambda count: np.maximum(1, self.rng.exponential(mean_s, count).astype(np.int64))

    # --- what the analysis reads ----------------------------------------------------------
    def table(self) -> pa.Table:
        return pa.table(self.columns, schema=CDR_SCHEMA)

    def reference(self) -> ReferenceData:
        return ReferenceData(
            customers=self.customers,
            numbers=self.grants,
            consent=self.consent,
            dno=[],
            rmd=self.rmd,
        )


def build(seed: int, volume: float = 1.0) -> UnseenNetwork:
    """The network of the module docstring; ``volume`` scales every sender's calls."""
    n = UnseenNetwork(seed, volume)
    anyone = None

    # --- campaigns ------------------------------------------------------------------------
    line = n.account("civic-polling-line", "customer surveys", campaign=True, numbers=1)
    n.calls(6000, customer="civic-polling-line", callers=line, callees=anyone,
            durations=n.recording(28, hang_ups=0.5), answered=0.18)  # fmt: skip

    solar = n.account("sunbelt-home-solar", "solar lead follow-up", campaign=True,
                      kyc=KycStatus.PENDING, age_days=40, numbers=20, npa=404)  # fmt: skip
    leads = n.numbers(9000)
    n.consented("sunbelt-home-solar", leads, 0.45)
    n.calls(2500, customer="sunbelt-home-solar", callers=solar, callees=leads,
            durations=n.recording(55, jitter=2), answered=0.3)  # fmt: skip

    pool = n.account("medicare-benefit-desk", "member outreach", campaign=True, numbers=250)
    n.calls(15000, customer="medicare-benefit-desk", callers=pool,
            durations=n.recording(35, voicemail=0.4), answered=0.42)  # fmt: skip

    n.account("cloudvox", "hosted PBX and contact centre seats", kind=CustomerKind.RESELLER)
    for tenant in range(6):
        name = f"cloudvox-tenant-{tenant}"
        phones = n.account(name, "office phones", parent="cloudvox", numbers=3)
        contacts = n.numbers(400)
        n.consented(name, contacts)
        n.calls(250, customer="cloudvox", sub_account=name, callers=phones, callees=contacts,
                durations=n.live(120), answered=0.5)  # fmt: skip
    debt = n.account("debt-relief-partners", "customer care", campaign=True, parent="cloudvox",
                     age_days=20, numbers=2)  # fmt: skip
    n.calls(1800, customer="cloudvox", sub_account="debt-relief-partners", callers=debt,
            durations=n.recording(40, jitter=3), answered=0.25)  # fmt: skip

    # 20:00-23:30 Eastern and Central is 00:00-04:00 UTC the next day
    club = n.account("vacation-rewards-club", "member offers", campaign=True, numbers=5)
    n.calls(3000, customer="vacation-rewards-club", callers=club, durations=n.recording(30),
            answered=0.3, hours=(24, 28))  # fmt: skip

    n.rmd.append(RmdFiling("0002", "Pacific Rim Voice Exchange"))
    n.campaign["upstream_provider", "Pacific Rim Voice Exchange"] = True
    n.calls(20000, customer=None, upstream="Pacific Rim Voice Exchange", callers=None,
            durations=n.recording(22, hang_ups=0.4), answered=0.2, attestation="C")  # fmt: skip

    n.rmd.append(RmdFiling("0005", "Southern Cross Telecom"))
    n.campaign["upstream_provider", "Southern Cross Telecom"] = True
    n.calls(8000, customer=None, upstream="Southern Cross Telecom", callers=None,
            neighbour_spoofed=True, durations=n.recording(26), answered=0.3,
            attestation="B")  # fmt: skip

    # a spoofed message, a new C-attested number per call, a small part of a large
    # carrier's transit (most of it signed live calls, some unsigned)
    n.rmd.append(RmdFiling("0006", "Atlantic Wholesale Voice"))
    n.campaign["upstream_provider", "Atlantic Wholesale Voice"] = True
    n.calls(60000, customer=None, upstream="Atlantic Wholesale Voice", callers=None,
            durations=n.live(150), answered=0.45, attestation="B")  # fmt: skip
    n.calls(4000, customer=None, upstream="Atlantic Wholesale Voice", callers=None,
            durations=n.live(150), answered=0.45, attestation=None)  # fmt: skip
    n.calls(12000, customer=None, upstream="Atlantic Wholesale Voice", callers=None,
            durations=n.recording(31), answered=0.25, attestation="C")  # fmt: skip

    # presents numbers it was never granted, a new one per call
    n.account("nationwide-auto-protect", "customer notifications", campaign=True, numbers=3)
    n.calls(5000, customer="nationwide-auto-protect", callers=None,
            durations=n.recording(38), answered=0.22)  # fmt: skip

    # live agents behind a dialler working down a range of numbers
    agents = n.account("metro-debt-solutions", "collections", campaign=True, numbers=4)
    hit_list = [f"+1{6175550000 + offset}" for offset in range(20_000)]
    n.calls(4000, customer="metro-debt-solutions", callers=agents, callees=hit_list,
            in_order=True, durations=n.live(90), answered=0.2)  # fmt: skip

    # --- legitimate -----------------------------------------------------------------------
    pharmacy = n.account("riverside-pharmacy", "prescription ready notifications", numbers=4)
    patients = n.numbers(30000)
    n.consented("riverside-pharmacy", patients)
    n.calls(5000, customer="riverside-pharmacy", callers=pharmacy, callees=patients,
            durations=n.recording(33, hang_ups=0.15), answered=0.6)  # fmt: skip

    schools = n.account("county-schools-alerts", "school closing and severe weather alerts",
                        numbers=2)  # fmt: skip
    parents = n.numbers(25000)
    n.consented("county-schools-alerts", parents, 0.7)
    n.calls(20000, customer="county-schools-alerts", callers=schools, callees=parents,
            durations=n.recording(25), answered=0.7, hours=(11, 12))  # fmt: skip

    centre = n.account("bluebay-contact-center", "outbound customer service for opted-in "
                       "clients", numbers=40)  # fmt: skip
    clients = n.numbers(40000)
    n.consented("bluebay-contact-center", clients, 0.93)
    n.calls(9000, customer="bluebay-contact-center", callers=centre, callees=clients,
            durations=n.live(200), answered=0.3)  # fmt: skip

    survey = n.account("statewide-opinion-research", "live telephone interviews", numbers=30)
    n.calls(7000, customer="statewide-opinion-research", callers=survey,
            durations=n.live(420), answered=0.09)  # fmt: skip

    # a poll's list-assisted random sample: numbers at random within 150 100-number blocks
    # known to hold working lines, in random order, live interviewers (no consent needed);
    # its callees share 10-number blocks by chance, not by dialling order
    # (sorted: a set's order of strings changes with each process's hash seed)
    frame = [f"{block}{line:02d}" for block in sorted({number[:-2] for number in n.numbers(150)})
             for line in range(100)]  # fmt: skip
    pollster = n.account("keystone-survey-research", "live opinion polls", numbers=20)
    n.calls(6000, customer="keystone-survey-research", callers=pollster, callees=frame,
            durations=n.live(400), answered=0.06)  # fmt: skip

    codes = n.account("securelogin-otp", "two-factor verification calls", numbers=10)
    users = n.numbers(50000)
    n.consented("securelogin-otp", users, 0.97)
    n.calls(8000, customer="securelogin-otp", callers=codes, callees=users,
            durations=n.recording(14, hang_ups=0.05), answered=0.88, hours=(0, 24))  # fmt: skip

    power = n.account("metro-power-coop", "power outage notifications", numbers=2)
    members = n.numbers(20000)
    n.consented("metro-power-coop", members, 0.95)
    n.calls(12000, customer="metro-power-coop", callers=power, callees=members,
            durations=n.recording(40), answered=0.5, hours=(20, 22))  # fmt: skip

    n.rmd.append(RmdFiling("0003", "Heartland Transit Networks"))
    n.campaign["upstream_provider", "Heartland Transit Networks"] = False
    n.calls(30000, customer=None, upstream="Heartland Transit Networks", callers=None,
            durations=n.live(180), answered=0.45, attestation="B")  # fmt: skip

    n.rmd.append(RmdFiling("0004", "Great Lakes Interconnect"))
    n.campaign["upstream_provider", "Great Lakes Interconnect"] = False
    stores = n.numbers(3000)
    n.calls(9000, customer=None, upstream="Great Lakes Interconnect", callers=stores,
            durations=n.recording(18, hang_ups=0.1), answered=0.6, attestation="B")  # fmt: skip

    # reminders in two languages (two messages), until 9 pm Eastern
    clinic = n.account("valley-health-system", "appointment reminders", numbers=3)
    patients = n.numbers(20000)
    n.consented("valley-health-system", patients, 0.98)
    english, spanish = n.recording(32), n.recording(47)

    def two_languages(count: int) -> np.ndarray:
        return np.where(n.rng.random(count) < 0.6, english(count), spanish(count))

    n.calls(6000, customer="valley-health-system", callers=clinic, callees=patients,
            durations=two_languages, answered=0.55, hours=(14, 25))  # fmt: skip

    # 500 agents, each with a number of their own
    desks = n.account("acme-insurance-service", "customer service callbacks", numbers=500)
    policyholders = n.numbers(60000)
    n.consented("acme-insurance-service", policyholders, 0.9)
    n.calls(9000, customer="acme-insurance-service", callers=desks, callees=policyholders,
            durations=n.live(240), answered=0.4)  # fmt: skip

    # recorded account notices to consenting debtors, into the evening
    notices = n.account("first-recovery-group", "account notices", numbers=6)
    debtors = n.numbers(15000)
    n.consented("first-recovery-group", debtors, 0.9)
    n.calls(4000, customer="first-recovery-group", callers=notices, callees=debtors,
            durations=n.recording(45), answered=0.35, hours=(13, 25))  # fmt: skip

    # a town's water department on the phone all day to the town's 3 exchanges (live calls
    # need no consent): its callees share 10-number blocks by chance, not by dialling order
    town = [f"+1802{exchange}{line:04d}" for exchange in (223, 229, 476) for line in range(10_000)]
    water = n.account("montpelier-water-dept", "billing and service calls", numbers=2)
    n.consented("montpelier-water-dept", town, 0.6)
    n.calls(12000, customer="montpelier-water-dept", callers=water, callees=town,
            durations=n.live(150), answered=0.5)  # fmt: skip

    for business in range(40):
        name = f"smallbiz-{business}"
        phones = n.account(name, "office phones", numbers=2)
        n.calls(int(n.rng.integers(20, 300)), customer=name, callers=phones,
                durations=n.live(240), answered=0.5)  # fmt: skip
    return n


def random_senders(seed: int) -> UnseenNetwork:
    """Three campaigns and six legitimate senders whose every parameter is drawn from a
    range rather than set: a recording of 12-90 s (a jitter of 0-3 s, 10-60% hanging up
    during it, up to half reaching a voicemail greeting first) answered by 8-45%, 300 to
    20,000 calls a day from 1 to 500 numbers, to callees of whom at most half consented;
    beside them recordings answered by 30-90% of callees of whom 90% or more consented,
    and live callers (talk times averaging 1-7 minutes, 10-60% answered, 70% or more
    consented)."""
    n = UnseenNetwork(1000 + seed)
    draw = np.random.default_rng(seed)

    def log_uniform(low: float, high: float) -> int:
        return int(np.exp(draw.uniform(np.log(low), np.log(high))))

    for index in range(3):
        name = f"random-campaign-{index}"
        per_day = log_uniform(300, 20_000)
        pool = n.account(name, str(draw.choice(["customer notifications", "member offers", ""])),
                         campaign=True, numbers=log_uniform(1, 500))  # fmt: skip
        callees = n.numbers(max(2000, per_day * 3))
        n.consented(name, callees, draw.uniform(0, 0.5))
        first_hour = int(draw.integers(12, 18))
        message = n.recording(
            int(draw.uniform(12, 90)),
            hang_ups=draw.uniform(0.1, 0.6),
            jitter=int(draw.integers(0, 4)),
            voicemail=draw.uniform(0, 0.5),
        )
        n.calls(per_day, customer=name, callers=pool, callees=callees, durations=message,
                answered=draw.uniform(0.08, 0.45),
                hours=(first_hour, first_hour + int(draw.integers(4, 9))))  # fmt: skip
    for index in range(3):
        name = f"random-reminders-{index}"
        per_day = log_uniform(300, 20_000)
        own = n.account(name, str(draw.choice(["appointment reminders", "account notices", ""])),
                        numbers=int(draw.integers(1, 20)))  # fmt: skip
        callees = n.numbers(max(2000, per_day * 3))
        n.consented(name, callees, draw.uniform(0.9, 1.0))
        message = n.recording(int(draw.uniform(12, 90)), hang_ups=draw.uniform(0.05, 0.4))
        n.calls(per_day, customer=name, callers=own, callees=callees, durations=message,
                answered=draw.uniform(0.3, 0.9), hours=(14, 23))  # fmt: skip
    for index in range(3):
        name = f"random-live-{index}"
        per_day = log_uniform(500, 20_000)
        desks = n.account(name, str(draw.choice(["customer care", "collections", ""])),
                          numbers=log_uniform(1, 300))  # fmt: skip
        callees = n.numbers(max(2000, per_day * 3))
        n.consented(name, callees, draw.uniform(0.7, 1.0))
        n.calls(per_day, customer=name, callers=desks, callees=callees,
                durations=n.live(draw.uniform(60, 400)), answered=draw.uniform(0.1, 0.6),
                hours=(14, 23))  # fmt: skip
    return n
