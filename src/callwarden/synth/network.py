"""The cast of the synthetic provider network: customers, sub-accounts and upstream
carriers, the numbers they hold, their callees' consent, the DNO list and the RMD export.

:func:`build_network` draws everything from the seed. Volumes are set so that
``scale=1`` gives about one million call attempts per day (weekday/weekend pattern and
campaign start days included, the average over a week lands within a few percent).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import numpy as np
import numpy.typing as npt
import phonenumbers

from callwarden.customers import ConsentType, CustomerKind, KycStatus
from callwarden.synth import behaviours as b
from callwarden.synth import names
from callwarden.synth.behaviours import Behaviour, CallerMode
from callwarden.synth.geography import NumberingPlan
from callwarden.synth.population import Population

#: Call attempts per day at ``scale=1``.
CALLS_PER_DAY_AT_SCALE_1 = 1_000_000

#: Share of all traffic per behaviour (sums to 1). Illegal campaigns are about 13%.
TRAFFIC_SHARE: dict[str, float] = {
    b.SMALL_BUSINESS.name: 0.08,
    b.CONTACT_CENTRE.name: 0.20,
    b.REMINDERS.name: 0.11,
    b.NOTIFIER.name: 0.045,
    b.NEW_ACCOUNT.name: 0.03,
    b.SURVEY.name: 0.05,
    b.DIALER_CLIENT.name: 0.10,
    b.WHOLESALE_CLIENT.name: 0.05,
    b.TRANSIT.name: 0.20,
    b.PRERECORDED_NO_CONSENT.name: 0.03,
    b.NEIGHBOUR_SPOOFING.name: 0.02,
    b.SNOWSHOE.name: 0.025,
    b.GATEWAY_FLOOD.name: 0.03,
    b.SEQUENTIAL_HIT_LIST.name: 0.015,
    b.NIGHT_TELEMARKETER.name: 0.015,
    b.PRERECORDED_MULTI_MESSAGE.name: 0.015,
}

TERMINATING_WIRELESS = ("Verizon Wireless", "T-Mobile USA", "AT&T Mobility", "US Cellular")
TERMINATING_WIRELINE = ("Lumen", "Frontier Communications", "Windstream", "Inteliquent")

#: Caller-ID presentation forms (traffic.py turns them into text).
FORM_E164 = 0
FORM_NATIONAL = 1  # (202) 555-0123
FORM_ELEVEN_DIGITS = 2  # 12025550123
FORM_ANONYMOUS = 3
FORM_RAW_DIGITS = 4  # "+1" then the digits of a wrong-length number
FORM_INTERNATIONAL = 5  # "+" then a full international number

#: consent_revoked_day of a record that was never revoked.
NOT_REVOKED = -(2**31)

#: Fictional numbers: NXX 555, lines 0100-0199 (reserved for fiction by NANPA).
FICTIONAL_LINES = (100, 200)


@dataclass
class Sender:
    """One source of traffic: a customer, a reseller's sub-account, or an upstream carrier."""

    index: int
    entity_type: str  # customer | sub_account | upstream_provider (formats.md section 5)
    entity_id: str
    customer_id: str | None
    sub_account: str | None
    upstream_provider: str | None
    behaviour: Behaviour
    daily_calls: float
    hours: npt.NDArray[np.float64]  # 24 weights, callee local time
    asr: float
    #: each message's length: a call that plays one picks one of them
    message_s: tuple[float, ...]
    talk_median_s: float
    numbers: npt.NDArray[np.int64]
    verified: npt.NDArray[np.bool_]
    number_weight: npt.NDArray[np.float64]
    roster: npt.NDArray[np.int64]
    home_npa: int
    trunks: npt.NDArray[np.int32]
    origid: int
    forms: tuple[float, float, float] = (0.0, 0.0, 0.0)  # national, 11-digit, anonymous
    attestation_mix: tuple[float, float, float, float] | None = None  # A, B, C, unsigned
    first_day: int = -10_000
    ramp_days: int = 0
    burst_days: frozenset[int] = frozenset()
    international_share: float = 0.0
    #: Valid foreign numbers (full digits after "+") a gateway's callers present.
    international_pool: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, np.int64))
    #: Transit only: caller IDs presented again and again (the flood's DNO, invalid and
    #: fictional numbers; a carrier's misconfigured PBXs), their forms, and the share of
    #: calls that present one of them.
    reused_pool: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, np.int64))
    reused_pool_form: npt.NDArray[np.uint8] = field(default_factory=lambda: np.zeros(0, np.uint8))
    reused_share: float = 0.0

    def volume_on(self, day_index: int, weekday: int) -> float:
        """Expected attempts on one day (before bursts)."""
        if day_index < self.first_day:
            return 0.0
        factor = 1.0
        if self.ramp_days:
            factor = min(1.0, (day_index - self.first_day + 1) / self.ramp_days)
        saturday, sunday = self.behaviour.weekend
        week = (5.0 + saturday + sunday) / 7.0
        if weekday == 5:
            factor *= saturday / week
        elif weekday == 6:
            factor *= sunday / week
        else:
            factor /= week
        return self.daily_calls * factor


@dataclass
class Network:
    plan: NumberingPlan
    population: Population
    senders: list[Sender]
    customers: list[dict[str, str]]
    numbers: list[dict[str, str]]
    consent_number: npt.NDArray[np.int64]
    consent_holder: list[str]  # per consent batch
    consent_batches: list[tuple[int, int, str, ConsentType, int]]
    consent_obtained_day: npt.NDArray[np.int32]
    consent_revoked_day: npt.NDArray[np.int32]  # NOT_REVOKED, else day offset from start
    consent_evidence: npt.NDArray[np.int64]
    dno: list[dict[str, str]]
    rmd: list[dict[str, str]]
    labels: list[dict[str, str]]
    ips: list[str]
    origids: list[str]
    start: date
    days: int
    scale: float


class _Builder:
    def __init__(
        self, seed: int, plan: NumberingPlan, population: Population, start: date, days: int
    ) -> None:
        self.rng = np.random.default_rng([seed, 0xCA57])
        self.plan = plan
        self.population = population
        self.start = start
        self.days = days
        self.ids = names.IdMinter(self.rng)
        self.senders: list[Sender] = []
        self.customers: list[dict[str, str]] = []
        self.numbers: list[dict[str, str]] = []
        self.labels: list[dict[str, str]] = []
        self.ips: list[str] = []
        self.origids: list[str] = []
        self.held: set[int] = set()
        self.taken: set[str] = set()
        self.consent_parts: list[tuple[npt.NDArray[np.int64], str, ConsentType]] = []
        self.npas = plan.npas

    # -- small helpers --------------------------------------------------------------

    def name(self, industry: str) -> str:
        """A company name no other party of this network (or the RMD) carries."""
        while True:
            candidate = names.company_name(self.rng, industry)
            if candidate not in self.taken:
                self.taken.add(candidate)
                return candidate

    def when(self, days_before_start: float) -> datetime:
        moment = datetime.combine(self.start, datetime.min.time(), tzinfo=UTC)
        seconds = int(self.rng.integers(8 * 3600, 18 * 3600))
        return moment - timedelta(days=days_before_start) + timedelta(seconds=seconds)

    def place_of(self, npa: int) -> str:
        lo = int(np.searchsorted(self.plan.npa_nxx, npa * 1000))
        hi = int(np.searchsorted(self.plan.npa_nxx, npa * 1000 + 999, side="right"))
        position = int(self.rng.integers(lo, max(hi, lo + 1)))
        return self.plan.places[min(position, len(self.plan.places) - 1)] or "Washington, DC"

    def random_npa(self) -> int:
        # Weighted by population, so the cast lives where the callees live.
        person = int(self.rng.integers(len(self.population)))
        return int(self.population.numbers[person] // 10_000_000)

    def new_numbers(self, count: int, npa: int | None, local_share: float) -> npt.NDArray[np.int64]:
        """``count`` numbers nobody else in the cast holds, in real blocks."""
        out: list[int] = []
        while len(out) < count:
            if npa is not None and self.rng.random() < local_share:
                lo = int(np.searchsorted(self.plan.npa_nxx, npa * 1000))
                hi = int(np.searchsorted(self.plan.npa_nxx, npa * 1000 + 999, side="right"))
                block = int(self.rng.integers(lo, hi)) if hi > lo else -1
            else:
                block = -1
            if block < 0:
                person = int(self.rng.integers(len(self.population)))
                block = int(self.population.block[person])
            number = int(self.plan.npa_nxx[block]) * 10_000 + int(self.rng.integers(0, 10_000))
            if number not in self.held:
                self.held.add(number)
                out.append(number)
        return np.array(out, dtype=np.int64)

    def local_presence_numbers(
        self, count: int, roster: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.int64]:
        """Numbers in the NPAs where most of the roster lives (local-presence dialling)."""
        npas, counts = np.unique(roster // 10_000_000, return_counts=True)
        order = np.argsort(-counts, kind="stable")[:count]
        out = [self.new_numbers(1, int(npa), 1.0)[0] for npa in npas[order]]
        if len(out) < count:
            out.extend(self.new_numbers(count - len(out), None, 0.0).tolist())
        return np.array(sorted(out), dtype=np.int64)

    def trunks(self, count: int) -> npt.NDArray[np.int32]:
        first = len(self.ips)
        self.ips.extend(names.ipv4(self.rng) for _ in range(count))
        return np.arange(first, first + count, dtype=np.int32)

    def origid(self) -> int:
        self.origids.append(str(_uuid4(self.rng)))
        return len(self.origids) - 1

    def roster_from_population(
        self, size: int, npa: int | None = None, local_share: float = 0.0
    ) -> npt.NDArray[np.int64]:
        numbers = self.population.numbers
        size = max(1, min(size, numbers.size))
        # Drawn with replacement and de-duplicated below: a roster is a set of people.
        roster = numbers[self.rng.integers(0, numbers.size, size=size)]
        if npa is not None and local_share > 0:
            lo = int(np.searchsorted(numbers, npa * 10_000_000))
            hi = int(np.searchsorted(numbers, (npa + 1) * 10_000_000))
            local = int(size * local_share)
            if hi > lo and local:
                roster[:local] = numbers[self.rng.integers(lo, hi, size=local)]
        return np.unique(roster)

    # -- accounts -------------------------------------------------------------------

    def account(
        self,
        name: str,
        kind: CustomerKind,
        *,
        npa: int,
        parent: str | None = None,
        created_days_ago: float,
        kyc: KycStatus = KycStatus.VERIFIED,
        declared_use: str = "",
        ip_country: str = "US",
    ) -> str:
        customer_id = self.ids.mint(name)
        self.customers.append(
            {
                "customer_id": customer_id,
                "name": name,
                "parent_id": parent or "",
                "kind": kind.value,
                "created_at": _iso(self.when(created_days_ago)),
                "kyc_status": kyc.value,
                "declared_use": declared_use,
                "ein": names.ein(self.rng),
                "address": names.address(self.rng, self.place_of(npa)),
                "country": "US",
                "contact_email": names.email(self.rng, name),
                "ip_country": ip_country,
            }
        )
        return customer_id

    def hold(
        self, holder: str, numbers: npt.NDArray[np.int64], verified_share: float, since_days: float
    ) -> npt.NDArray[np.bool_]:
        verified = self.rng.random(numbers.size) < verified_share
        for number, ok in zip(numbers.tolist(), verified.tolist(), strict=True):
            self.numbers.append(
                {
                    "number": f"+1{number}",
                    "customer_id": holder,
                    "since": _iso(self.when(since_days * float(self.rng.uniform(0.3, 1.0)))),
                    "verified": "true" if ok else "false",
                }
            )
        return verified

    def label(
        self, entity_type: str, entity_id: str, customer_id: str, behaviour: Behaviour
    ) -> None:
        self.labels.append(
            {
                "entity_type": entity_type,
                "entity_id": entity_id,
                "customer_id": customer_id,
                "behaviour": behaviour.name,
                "legitimate": "true" if behaviour.legitimate else "false",
                "description": behaviour.description,
            }
        )

    def sender(
        self,
        behaviour: Behaviour,
        *,
        entity_type: str,
        entity_id: str,
        customer_id: str | None,
        sub_account: str | None,
        upstream: str | None,
        daily_calls: float,
        numbers: npt.NDArray[np.int64],
        verified: npt.NDArray[np.bool_],
        roster: npt.NDArray[np.int64],
        home_npa: int,
        trunks: int,
        **extra: object,
    ) -> Sender:
        rng = self.rng
        weight = rng.zipf(1.6, numbers.size).astype(np.float64) if numbers.size else np.ones(0)
        if behaviour.caller is CallerMode.ROTATING_POOL and numbers.size:
            weight = np.ones(numbers.size)
        sender = Sender(
            index=len(self.senders),
            entity_type=entity_type,
            entity_id=entity_id,
            customer_id=customer_id,
            sub_account=sub_account,
            upstream_provider=upstream,
            behaviour=behaviour,
            daily_calls=daily_calls,
            # Each sender keeps its own version of its behaviour's daily rhythm.
            hours=np.asarray(behaviour.hours) * rng.lognormal(0.0, 0.3, 24),
            asr=float(rng.uniform(*behaviour.asr)),
            message_s=_message_lengths(behaviour, rng),
            talk_median_s=float(rng.uniform(*behaviour.talk_median_s)),
            numbers=numbers,
            verified=verified,
            number_weight=weight / weight.sum() if weight.size else weight,
            roster=roster,
            home_npa=home_npa,
            trunks=self.trunks(trunks),
            origid=self.origid(),
            **extra,  # type: ignore[arg-type]
        )
        self.senders.append(sender)
        label_customer = customer_id or ""
        self.label(entity_type, entity_id, label_customer, behaviour)
        return sender

    def consent(self, holder: str, roster: npt.NDArray[np.int64], kind: ConsentType) -> None:
        # Records exist for nearly everyone on a consenting sender's list; a few are
        # missing (data gaps happen at real senders too).
        kept = roster[self.rng.random(roster.size) < 0.975]
        self.consent_parts.append((kept, holder, kind))


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _uuid4(rng: np.random.Generator) -> str:
    raw = bytearray(rng.bytes(16))
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    text = raw.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def _message_lengths(behaviour: Behaviour, rng: np.random.Generator) -> tuple[float, ...]:
    """The lengths of the messages a sender plays, within its behaviour's range: distinct
    messages (one per offer) differ by 15 s or more."""
    low, high = behaviour.message_s
    fewest, most = behaviour.messages
    if most == 1:
        # one draw, as before there were several messages: every other sender's random
        # stream, and so every network of a given seed, stays as it was
        return (float(rng.uniform(low, high)),)
    count = int(rng.integers(fewest, most + 1))
    gap = 15.0
    slack = max(0.0, (high - low) - gap * (count - 1))
    offsets = np.sort(rng.uniform(0.0, slack, count)) + gap * np.arange(count)
    return tuple(float(low + offset) for offset in offsets)


def _split(total: float, count: int, rng: np.random.Generator, sigma: float) -> list[float]:
    """Split a volume over ``count`` senders with lognormal sizes."""
    weight = rng.lognormal(0.0, sigma, count)
    return list(total * weight / weight.sum())


def build_network(
    seed: int,
    plan: NumberingPlan,
    population: Population,
    *,
    start: date,
    days: int,
    scale: float,
) -> Network:
    """The whole cast, its lists and its labels, from the seed."""
    g = _Builder(seed, plan, population, start, days)
    rng = g.rng
    per_day = scale * CALLS_PER_DAY_AT_SCALE_1

    def share(behaviour: Behaviour) -> float:
        return TRAFFIC_SHARE[behaviour.name] * per_day

    def campaign_start() -> int:
        return int(rng.integers(0, max(1, days // 4) + 1)) if days > 1 else 0

    # --- direct enterprise customers -------------------------------------------------
    count = max(8, round(1200 * scale))
    # PBX quirks: a few businesses' switches present national or 11-digit caller IDs, a few
    # withhold the number on some calls ("anonymous").
    quirk = rng.permutation(count)
    national_pbx = set(quirk[: max(1, round(0.03 * count))].tolist())
    eleven_pbx = set(
        quirk[len(national_pbx) : len(national_pbx) + max(1, round(0.06 * count))].tolist()
    )
    anonymous_pbx = set(rng.permutation(count)[: max(1, round(0.05 * count))].tolist())
    for index, volume in enumerate(_split(share(b.SMALL_BUSINESS), count, rng, 0.8)):
        npa = g.random_npa()
        name = g.name("small_business")
        cid = g.account(
            name,
            CustomerKind.ENTERPRISE,
            npa=npa,
            created_days_ago=rng.uniform(60, 2500),
            declared_use="business calls",
        )
        numbers = g.new_numbers(int(rng.integers(1, 5)), npa, 0.9)
        verified = g.hold(cid, numbers, 0.9, 900)
        roster = g.roster_from_population(max(40, int(volume * 25)), npa, 0.7)
        forms = (
            1.0 if index in national_pbx else 0.0,
            1.0 if index in eleven_pbx else 0.0,
            float(rng.uniform(0.1, 0.5)) if index in anonymous_pbx else 0.0,
        )
        g.sender(
            b.SMALL_BUSINESS,
            entity_type="customer",
            entity_id=cid,
            customer_id=cid,
            sub_account=None,
            upstream=None,
            daily_calls=volume,
            numbers=numbers,
            verified=verified,
            roster=roster,
            home_npa=npa,
            trunks=1,
            forms=forms,
        )

    count = max(2, round(6 * math.sqrt(scale)))
    for volume in _split(share(b.CONTACT_CENTRE), count, rng, 0.5):
        npa = g.random_npa()
        name = g.name("contact_centre")
        offshore = rng.random() < 0.35
        cid = g.account(
            name,
            CustomerKind.ENTERPRISE,
            npa=npa,
            created_days_ago=rng.uniform(200, 2000),
            declared_use="customer care and sales follow-up (opted-in customers)",
            ip_country=names.pick(rng, ("PH", "IN", "MX")) if offshore else "US",
        )
        # A list of k days' calls: each person is called about every k days (dialler
        # retries included).
        roster = g.roster_from_population(int(volume * 3))
        g.consent(cid, roster, ConsentType.PRIOR_EXPRESS_WRITTEN)
        numbers = g.local_presence_numbers(int(rng.integers(*b.CONTACT_CENTRE.numbers)), roster)
        verified = g.hold(cid, numbers, 0.97, 700)
        g.sender(
            b.CONTACT_CENTRE,
            entity_type="customer",
            entity_id=cid,
            customer_id=cid,
            sub_account=None,
            upstream=None,
            daily_calls=volume,
            numbers=numbers,
            verified=verified,
            roster=roster,
            home_npa=npa,
            trunks=int(rng.integers(2, 6)),
        )

    for volume in _split(share(b.REMINDERS), 3, rng, 0.4):
        npa = g.random_npa()
        name = g.name("reminders")
        cid = g.account(
            name,
            CustomerKind.ENTERPRISE,
            npa=npa,
            created_days_ago=rng.uniform(300, 2500),
            declared_use="prescription and appointment reminders",
        )
        roster = g.roster_from_population(int(volume * 6), npa, 0.4)
        g.consent(cid, roster, ConsentType.PRIOR_EXPRESS)
        numbers = g.new_numbers(int(rng.integers(*b.REMINDERS.numbers)), npa, 0.8)
        verified = g.hold(cid, numbers, 1.0, 1000)
        g.sender(
            b.REMINDERS,
            entity_type="customer",
            entity_id=cid,
            customer_id=cid,
            sub_account=None,
            upstream=None,
            daily_calls=volume,
            numbers=numbers,
            verified=verified,
            roster=roster,
            home_npa=npa,
            trunks=2,
        )

    for index, volume in enumerate(_split(share(b.NOTIFIER), 2, rng, 0.3)):
        npa = g.random_npa()
        name = g.name("notifier")
        cid = g.account(
            name,
            CustomerKind.ENTERPRISE,
            npa=npa,
            created_days_ago=rng.uniform(400, 3000),
            declared_use="emergency and school closure notifications",
        )
        # Most of its traffic is the alerts (a quarter of days, the whole list each
        # time); the rest is a trickle of individual notices.
        roster = g.roster_from_population(int(volume * 2.8), npa, 0.95)
        g.consent(cid, roster, ConsentType.PRIOR_EXPRESS)
        numbers = g.new_numbers(int(rng.integers(1, 4)), npa, 1.0)
        verified = g.hold(cid, numbers, 1.0, 1500)
        burst_days = {d for d in range(days) if rng.random() < 0.25}
        if not burst_days:
            burst_days = {min(days - 1, index)}
        g.sender(
            b.NOTIFIER,
            entity_type="customer",
            entity_id=cid,
            customer_id=cid,
            sub_account=None,
            upstream=None,
            daily_calls=volume * 0.3,
            numbers=numbers,
            verified=verified,
            roster=roster,
            home_npa=npa,
            trunks=1,
            burst_days=frozenset(burst_days),
        )

    count = max(2, round(6 * math.sqrt(scale)))
    for volume in _split(share(b.NEW_ACCOUNT) * 1.6, count, rng, 0.5):
        npa = g.random_npa()
        name = g.name("new_account")
        first_day = int(rng.integers(-4, max(1, days // 2)))
        cid = g.account(
            name,
            CustomerKind.ENTERPRISE,
            npa=npa,
            created_days_ago=max(1, 2 - first_day),
            kyc=KycStatus.PENDING if rng.random() < 0.4 else KycStatus.VERIFIED,
            declared_use=names.pick(
                rng, ("patient reminders", "customer follow-up calls", "appointment scheduling")
            ),
        )
        roster = g.roster_from_population(int(volume * 3), npa, 0.5)
        g.consent(cid, roster, ConsentType.PRIOR_EXPRESS_WRITTEN)
        numbers = g.new_numbers(int(rng.integers(*b.NEW_ACCOUNT.numbers)), npa, 0.7)
        verified = g.hold(cid, numbers, 0.8, 2)
        g.sender(
            b.NEW_ACCOUNT,
            entity_type="customer",
            entity_id=cid,
            customer_id=cid,
            sub_account=None,
            upstream=None,
            daily_calls=volume,
            numbers=numbers,
            verified=verified,
            roster=roster,
            home_npa=npa,
            trunks=1,
            first_day=first_day,
            ramp_days=int(rng.integers(5, 16)),
        )

    npa = g.random_npa()
    name = g.name("survey")
    cid = g.account(
        name,
        CustomerKind.ENTERPRISE,
        npa=npa,
        created_days_ago=rng.uniform(300, 2000),
        declared_use="public opinion research (live interviewers)",
    )
    numbers = g.new_numbers(int(rng.integers(*b.SURVEY.numbers)), npa, 0.5)
    verified = g.hold(cid, numbers, 1.0, 800)
    g.sender(
        b.SURVEY,
        entity_type="customer",
        entity_id=cid,
        customer_id=cid,
        sub_account=None,
        upstream=None,
        daily_calls=share(b.SURVEY),
        numbers=numbers,
        verified=verified,
        roster=np.zeros(0, np.int64),
        home_npa=npa,
        trunks=2,
    )

    # --- the dialer platform (a reseller) and its clients ------------------------------
    npa = g.random_npa()
    brand = names.pick(rng, names.INDUSTRIES["dialer_platform"])
    platform_name = f"{names.pick(rng, names.PLACE_WORDS)}{brand} Inc."
    g.taken.add(platform_name)
    platform = g.account(
        platform_name,
        CustomerKind.RESELLER,
        npa=npa,
        created_days_ago=rng.uniform(700, 2500),
        declared_use="sales dialer platform for real estate and insurance agents",
    )
    g.label("customer", platform, platform, _platform_behaviour("dialer_platform"))
    platform_trunks = int(rng.integers(2, 5))
    count = max(4, round(30 * math.sqrt(scale)))
    subs = _split(share(b.DIALER_CLIENT), count, rng, 0.9)
    order = rng.permutation(count)
    bad_index = int(order[0])
    recorded = set(order[1 : 1 + max(1, round(0.25 * count))].tolist())
    for index, client_volume in enumerate(subs):
        home = g.random_npa()
        volume = client_volume
        if index == bad_index:
            behaviour = b.PRERECORDED_NO_CONSENT
            volume = share(behaviour)
            name = g.name("dialer_client")
            first_day = campaign_start()
            created = max(1.0, 10.0 - first_day)
            declared = names.pick(rng, ("real estate outreach", "homeowner lead follow-up"))
        else:
            behaviour = b.DIALER_CLIENT_RECORDED if index in recorded else b.DIALER_CLIENT
            name = g.name("dialer_client")
            first_day = -10_000
            created = float(rng.uniform(30, 1500))
            declared = names.pick(rng, ("real estate", "insurance sales", "mortgage leads"))
        sub = g.account(
            name,
            CustomerKind.ENTERPRISE,
            npa=home,
            parent=platform,
            created_days_ago=created,
            declared_use=declared,
        )
        numbers = g.new_numbers(int(rng.integers(*behaviour.numbers)), home, 0.6)
        verified = g.hold(sub, numbers, 0.95, created)
        roster = np.zeros(0, np.int64)
        if behaviour.consent is not None:
            roster = g.roster_from_population(
                int(volume * (5 if behaviour.message_share else 3)), home, 0.5
            )
            g.consent(sub, roster, ConsentType.PRIOR_EXPRESS_WRITTEN)
        g.sender(
            behaviour,
            entity_type="sub_account",
            entity_id=sub,
            customer_id=platform,
            sub_account=sub,
            upstream=None,
            daily_calls=volume,
            numbers=numbers,
            verified=verified,
            roster=roster,
            home_npa=home,
            trunks=0,
            first_day=first_day,
        )

    platform_ips = g.trunks(platform_trunks)
    for sender in g.senders:
        if sender.customer_id == platform:
            sender.trunks = platform_ips

    # --- a wholesale CPaaS reseller: small clients, one of them dials hit lists --------
    npa = g.random_npa()
    wholesale_name = g.name("wholesale")
    wholesale = g.account(
        wholesale_name,
        CustomerKind.RESELLER,
        npa=npa,
        created_days_ago=rng.uniform(500, 2000),
        declared_use="wholesale voice for small businesses",
    )
    g.label("customer", wholesale, wholesale, _platform_behaviour("wholesale_reseller"))
    wholesale_ips = g.trunks(int(rng.integers(1, 4)))
    count = max(4, round(25 * math.sqrt(scale)))
    subs = _split(share(b.WHOLESALE_CLIENT), count, rng, 0.8)
    bad_index, thin_index = (int(i) for i in rng.permutation(count)[:2])
    for index, client_volume in enumerate(subs):
        home = g.random_npa()
        volume = client_volume
        if index == bad_index:
            behaviour = b.SEQUENTIAL_HIT_LIST
            volume = share(behaviour)
            name = g.name("debt")
            first_day = campaign_start()
            created = max(1.0, 20.0 - first_day)
        elif index == thin_index:
            # low and slow: the same couple of hundred calls every day, at every scale
            behaviour = b.PRERECORDED_LOW_VOLUME
            volume = float(rng.uniform(*b.LOW_VOLUME_CALLS))
            name = g.name("home_services")
            first_day = 0
            created = float(rng.uniform(30, 400))
        else:
            behaviour = b.WHOLESALE_CLIENT
            name = g.name("small_business")
            first_day = -10_000
            created = float(rng.uniform(30, 1500))
        sub = g.account(
            name,
            CustomerKind.ENTERPRISE,
            npa=home,
            parent=wholesale,
            created_days_ago=created,
            declared_use=names.pick(rng, ("office phones", "customer callbacks", "sales calls")),
        )
        numbers = g.new_numbers(int(rng.integers(*behaviour.numbers)), home, 0.8)
        verified = g.hold(sub, numbers, 0.85, created)
        roster = (
            g.roster_from_population(max(40, int(volume * 20)), home, 0.6)
            if behaviour is b.WHOLESALE_CLIENT
            else np.zeros(0, np.int64)
        )
        sender = g.sender(
            behaviour,
            entity_type="sub_account",
            entity_id=sub,
            customer_id=wholesale,
            sub_account=sub,
            upstream=None,
            daily_calls=volume,
            numbers=numbers,
            verified=verified,
            roster=roster,
            home_npa=home,
            trunks=0,
            first_day=first_day,
        )
        sender.trunks = wholesale_ips

    # --- direct customers running illegal campaigns ------------------------------------
    for behaviour, industry, declared in (
        (b.NEIGHBOUR_SPOOFING, "auto_warranty", "customer notifications"),
        (b.SNOWSHOE, "health_plans", "marketing campaigns"),
        (b.NIGHT_TELEMARKETER, "energy", "outbound sales"),
        (b.PRERECORDED_MULTI_MESSAGE, "travel", "travel club member offers"),
    ):
        npa = g.random_npa()
        name = g.name(industry)
        first_day = campaign_start()
        long_standing = behaviour is b.NIGHT_TELEMARKETER
        created = float(rng.uniform(200, 1200)) if long_standing else max(1.0, 15.0 - first_day)
        kyc = KycStatus.VERIFIED if rng.random() < 0.6 else KycStatus.PENDING
        cid = g.account(
            name,
            CustomerKind.ENTERPRISE,
            npa=npa,
            created_days_ago=created,
            kyc=kyc,
            declared_use=declared,
            ip_country="US" if rng.random() < 0.6 else names.pick(rng, ("PH", "IN", "PK", "DO")),
        )
        low, high = behaviour.numbers
        if behaviour is b.SNOWSHOE:
            low, high = (
                max(200, int(low * math.sqrt(scale))),
                max(400, int(high * math.sqrt(scale))),
            )
        numbers = g.new_numbers(int(rng.integers(low, high + 1)), npa, 0.1)
        verified = g.hold(cid, numbers, 0.9, created)
        g.sender(
            behaviour,
            entity_type="customer",
            entity_id=cid,
            customer_id=cid,
            sub_account=None,
            upstream=None,
            daily_calls=share(behaviour),
            numbers=numbers,
            verified=verified,
            roster=np.zeros(0, np.int64),
            home_npa=npa,
            trunks=int(rng.integers(1, 4)),
            first_day=0 if long_standing else first_day,
        )

    # --- upstream carriers --------------------------------------------------------------
    carriers = (
        (0.45, (0.68, 0.14, 0.06, 0.12), 0.0, "Complete STIR/SHAKEN Implementation"),
        (0.25, (0.45, 0.25, 0.12, 0.18), 0.0, "Complete STIR/SHAKEN Implementation"),
        (0.18, (0.6, 0.2, 0.05, 0.15), 0.0, "Partial STIR/SHAKEN Implementation"),
        # A legitimate international gateway: mostly C or unsigned, like the flood.
        (0.12, (0.0, 0.05, 0.45, 0.5), 0.35, "No STIR/SHAKEN Implementation"),
    )
    rmd: list[dict[str, str]] = []
    for portion, mix, international, implementation in carriers:
        name = g.name("carrier")
        g.account(
            name, CustomerKind.PROVIDER, npa=g.random_npa(), created_days_ago=rng.uniform(700, 4000)
        )
        jitter = np.array(mix) * rng.uniform(0.85, 1.15, 4)
        # Ordinary transit carries a trickle of broken caller IDs too (misconfigured PBXs
        # behind other carriers), so an invalid number alone does not make a flood.
        broken, broken_form = _bad_numbers(rng, plan, int(rng.integers(15, 60)), fictional=0.1)
        g.sender(
            b.TRANSIT,
            entity_type="upstream_provider",
            entity_id=name,
            customer_id=None,
            sub_account=None,
            upstream=name,
            daily_calls=share(b.TRANSIT) * portion,
            numbers=np.zeros(0, np.int64),
            verified=np.zeros(0, bool),
            roster=np.zeros(0, np.int64),
            home_npa=0,
            trunks=int(rng.integers(2, 8)),
            attestation_mix=tuple((jitter / jitter.sum()).tolist()),
            international_share=international,
            international_pool=_international_pool(rng, 1500 if international else 0),
            forms=(0.0, 0.02, 0.01),
            reused_pool=broken,
            reused_pool_form=broken_form,
            reused_share=float(rng.uniform(0.001, 0.004)),
        )
        rmd.append(_rmd_row(rng, name, implementation, start, foreign=international > 0))

    dno, flood_pool, flood_form = _dno_and_flood_pool(rng, plan)
    name = g.name("carrier")
    g.account(
        name,
        CustomerKind.PROVIDER,
        npa=g.random_npa(),
        created_days_ago=rng.uniform(20, 200),
        kyc=KycStatus.PENDING,
        ip_country=names.pick(rng, ("GB", "NL", "HK", "AE")),
    )
    c_share = float(rng.uniform(0.3, 0.55))
    g.sender(
        b.GATEWAY_FLOOD,
        entity_type="upstream_provider",
        entity_id=name,
        customer_id=None,
        sub_account=None,
        upstream=name,
        daily_calls=share(b.GATEWAY_FLOOD),
        numbers=np.zeros(0, np.int64),
        verified=np.zeros(0, bool),
        roster=np.zeros(0, np.int64),
        home_npa=0,
        trunks=int(rng.integers(1, 4)),
        attestation_mix=(0.0, 0.0, c_share, 1 - c_share),
        first_day=campaign_start(),
        reused_pool=flood_pool,
        reused_pool_form=flood_form,
        reused_share=float(rng.uniform(0.4, 0.65)),
    )

    rmd.extend(
        _rmd_row(rng, g.name("carrier"), None, start, foreign=rng.random() < 0.15)
        for _ in range(400)
    )
    rmd.sort(key=lambda row: row["frn"])

    consent = _consent_arrays(rng, g.consent_parts, days)
    return Network(
        plan=plan,
        population=population,
        senders=g.senders,
        customers=g.customers,
        numbers=g.numbers,
        consent_number=consent[0],
        consent_holder=[holder for _, holder, _ in g.consent_parts],
        consent_batches=consent[1],
        consent_obtained_day=consent[2],
        consent_revoked_day=consent[3],
        consent_evidence=consent[4],
        dno=dno,
        rmd=rmd,
        labels=g.labels,
        ips=g.ips,
        origids=g.origids,
        start=start,
        days=days,
        scale=scale,
    )


def _platform_behaviour(name: str) -> Behaviour:
    return Behaviour(
        name,
        True,
        "Reseller carrying its clients' traffic as sub-accounts; legitimate itself "
        "(a client's illegal campaign is labelled on the sub_account).",
        b.BUSINESS_HOURS,
        (1.0, 1.0),
        (0.5, 0.5),
        b.COMMON_UNANSWERED,
        b.CalleeMode.POPULATION,
        CallerMode.OWNED,
    )


def _rmd_row(
    rng: np.random.Generator, name: str, implementation: str | None, start: date, *, foreign: bool
) -> dict[str, str]:
    """One row of an RMD export (column names as the FCC's CSV export, lower-cased)."""
    implementation = implementation or names.pick(
        rng,
        (
            "Complete STIR/SHAKEN Implementation",
            "Partial STIR/SHAKEN Implementation",
            "No STIR/SHAKEN Implementation",
        ),
    )
    updated = start - timedelta(days=int(rng.integers(5, 900)))
    role = names.pick(rng, ("Voice Service Provider", "Gateway Provider", "Intermediate Provider"))
    return {
        "frn": f"{int(rng.integers(1, 40_000_000)):010d}",
        "business_name": name,
        "business_address": names.address(rng, "Washington, DC"),
        "other_dba_names": "",
        "foreign_voice_provider": "Yes" if foreign else "No",
        "implementation": implementation,
        "voice_service_provider_choice": role,
        "contact_name": f"{names.pick(rng, ('Jordan', 'Alex', 'Sam', 'Taylor', 'Morgan'))} "
        f"{names.pick(rng, ('Lee', 'Patel', 'Garcia', 'Smith', 'Nguyen', 'Brown'))}",
        "contact_email": names.email(rng, name),
        "last_updated": updated.isoformat(),
    }


#: Countries whose callers reach US numbers through a gateway: code, national digits.
FOREIGN_NUMBERING = ((44, 10), (52, 10), (91, 10), (63, 10), (234, 10), (49, 11), (33, 9))


def _international_pool(rng: np.random.Generator, size: int) -> npt.NDArray[np.int64]:
    """``size`` foreign numbers that phonenumbers accepts as valid, by rejection sampling."""
    pool: list[int] = []
    attempts = 0
    while len(pool) < size and attempts < size * 200:
        attempts += 1
        country, digits = FOREIGN_NUMBERING[int(rng.integers(len(FOREIGN_NUMBERING)))]
        national = int(rng.integers(10 ** (digits - 1), 10**digits))
        candidate = phonenumbers.PhoneNumber(country_code=country, national_number=national)
        if phonenumbers.is_valid_number(candidate):
            pool.append(int(f"{country}{national}"))
    return np.array(pool, dtype=np.int64)


def _dno_and_flood_pool(
    rng: np.random.Generator, plan: NumberingPlan
) -> tuple[list[dict[str, str]], npt.NDArray[np.int64], npt.NDArray[np.uint8]]:
    """The DNO list, and the reused caller IDs the gateway flood presents: some DNO numbers
    (inbound-only toll-free and agency numbers), invalid ones and fictional ones."""
    toll_free = np.array([800, 833, 844, 855, 866, 877, 888], dtype=np.int64)
    dno_numbers: list[tuple[int, str]] = []
    for _ in range(int(rng.integers(1500, 2500))):
        if rng.random() < 0.6:
            npa = int(toll_free[rng.integers(toll_free.size)])
            number = npa * 10_000_000 + int(rng.integers(2_000_000, 10_000_000))
            reason = "inbound-only (toll-free)"
        else:
            block = int(rng.integers(plan.npa_nxx.size))
            number = int(plan.npa_nxx[block]) * 10_000 + int(rng.integers(0, 10_000))
            reason = names.pick(rng, ("inbound-only", "unassigned", "subscriber request"))
        dno_numbers.append((number, reason))
    dno_numbers = sorted(dict(dno_numbers).items())
    dno = [{"number": f"+1{number}", "reason": reason} for number, reason in dno_numbers]

    spoofed = rng.choice(len(dno_numbers), size=int(rng.integers(30, 90)), replace=False)
    pool = [dno_numbers[position][0] for position in spoofed.tolist()]
    form = [FORM_E164] * len(pool)
    invalid, invalid_form = _bad_numbers(rng, plan, int(rng.integers(150, 400)), fictional=0.2)
    pool.extend(invalid.tolist())
    form.extend(invalid_form.tolist())
    return dno, np.array(pool, dtype=np.int64), np.array(form, dtype=np.uint8)


def _consent_arrays(
    rng: np.random.Generator,
    parts: list[tuple[npt.NDArray[np.int64], str, ConsentType]],
    days: int,
) -> tuple[
    npt.NDArray[np.int64],
    list[tuple[int, int, str, ConsentType, int]],
    npt.NDArray[np.int32],
    npt.NDArray[np.int32],
    npt.NDArray[np.int64],
]:
    numbers = np.concatenate([part[0] for part in parts]) if parts else np.zeros(0, np.int64)
    batches = []
    offset = 0
    for index, (roster, holder, kind) in enumerate(parts):
        batches.append((offset, offset + roster.size, holder, kind, index))
        offset += roster.size
    obtained = -rng.integers(2, 1500, size=numbers.size).astype(np.int32)
    revoked = np.full(numbers.size, NOT_REVOKED, dtype=np.int32)
    revoking = rng.random(numbers.size) < 0.02
    revoked[revoking] = rng.integers(-60, max(1, days), size=int(revoking.sum())).astype(np.int32)
    revoked = np.where(revoking, np.maximum(revoked, obtained + 1), revoked).astype(np.int32)
    evidence = rng.integers(10**9, 10**10, size=numbers.size, dtype=np.int64)
    return numbers, batches, obtained, revoked, evidence


def _bad_numbers(
    rng: np.random.Generator, plan: NumberingPlan, count: int, *, fictional: float
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.uint8]]:
    """Caller IDs no real line has: NPA or NXX starting with 0/1, wrong length, and (a
    ``fictional`` share) 555-01XX numbers."""
    pool: list[int] = []
    form: list[int] = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.4:  # NPA starting with 0 or 1: not a NANP area code
            pool.append(
                int(rng.integers(0, 2)) * 1_000_000_000 + int(rng.integers(0, 1_000_000_000))
            )
            form.append(FORM_E164)
        elif kind < 0.55:  # NXX starting with 0 or 1
            npa = int(plan.npa_nxx[rng.integers(plan.npa_nxx.size)] // 1000)
            pool.append(npa * 10_000_000 + int(rng.integers(0, 2_000_000)))
            form.append(FORM_E164)
        elif kind < 1.0 - fictional:  # wrong length: 9 or 11 digits after the country code
            digits = 9 if rng.random() < 0.5 else 11
            pool.append(int(rng.integers(2 * 10 ** (digits - 1), 10**digits)))
            form.append(FORM_RAW_DIGITS)
        else:  # fictional: NXX 555, line 0100-0199
            npa = int(plan.npa_nxx[rng.integers(plan.npa_nxx.size)] // 1000)
            pool.append(npa * 10_000_000 + 5_550_000 + int(rng.integers(*FICTIONAL_LINES)))
            form.append(FORM_E164)
    return np.array(pool, dtype=np.int64), np.array(form, dtype=np.uint8)
