"""An "edges" network: traffic at the edges of the rules and of the data. Three UTC days,
Tuesday 23 to Thursday 25 January 2024 (US standard time: Eastern is UTC-5, Alaska UTC-9,
Hawaii UTC-10, while Puerto Rico and the US Virgin Islands keep Atlantic time, UTC-4, an
hour ahead of the East Coast in winter, and Guam is UTC+10, its business day being the
previous evening and night in the mainland's UTC day). Built on the plumbing of
:mod:`tests.traffic.blind_shapes` (calls on the callee's local clock, KYC evidence, a DNO
list, the RMD); callees across the 50 states and the territories (Alaska 907, Hawaii
808, Puerto Rico 787/939, USVI 340, Guam 671, drawn from exchanges the numbering plan
allocates there).

Unlike the other networks, the calls reach the analysis through callwarden's own CDR
reader (:func:`callwarden.formats.read_cdrs`), from a CSV written the way each switch
writes it: some switches present numbers as ten national digits, ``(808) 955-0123``,
``tel:`` or ``sip:`` URIs; one writes local time with its UTC offset, another UTC
without an offset, another with milliseconds; some leave ``attestation``, ``origid`` and
``source_ip`` empty; international gateways pass caller IDs as they come (``anonymous``,
``Restricted``, empty, foreign numbers with or without their ``+``). Beyond the usual
final SIP codes the network writes 183 (ended in early media), 404, 503, 604, 607 (the
callee marked it unwanted) and 608 (rejected by the callee's carrier's analytics). A
legacy transit switch writes a few truly malformed rows (SIP code 0, an empty called
number, a duration of -1), which the reader must reject by line and reason; no
campaign's evidence is in them.

Campaigns (each must reach ``high`` at the source named):

* ``islands-solar-savings`` (customer, opened 70 days ago, KYC verified with an EIN and a
  Honolulu address, but signalling from the Philippines; declared "customer callbacks for
  solar quote requests"; 12 granted 808 numbers, signed A): an offshore centre whose day
  shift (3-5:30 pm in Manila, 07:00-09:30 UTC) plays a 33 s prerecorded "Hawaii energy
  rebate" pitch (press 1 for an advisor, 4%) to a bought list of 50,000 Hawaii and 15,000
  Alaska homeowners, 7,000 calls a day: 9-11:30 pm in Hawaii, 10 pm-12:30 am in Alaska.
  25% answered. No consent records. 47 USC 227(b)(1)(A)(iii)/(B), 47 CFR
  64.1200(a)(2)-(3) (prerecorded telemarketing without prior express written consent) and
  64.1200(c)(1) (telephone solicitation after 9 pm at the called party's location).
* ``nightline-benefits-direct`` (sub-account of the dialler platform ``ringstack-dialer``,
  opened 200 days ago, declared "final expense insurance sales (live agents)", 40 granted
  numbers): live agents on a predictive dialler calling aged leads (60,000, nationwide,
  the territories included; no consent records) at 8:40-9:40 pm in each callee's local
  time, 6,000 a day: two calls in three after 9 pm. Live sales talk (median 75 s), machines
  dropped after 2-5 s, 2% abandoned with the 2 s + 9 s identification message. 47 CFR
  64.1200(c)(1): no telephone solicitation before 8 am or after 9 pm local time.
* ``Meridian Gateway Partners`` (upstream provider, RMD-filed, an international gateway):
  an Amazon impersonation campaign ("an order of an iPhone 15 for $1,299 was placed on
  your account, press 1"), 19 s of text-to-speech, 12,000 calls a day from an offshore
  centre's evening (13:00-22:00 UTC), unsigned, presenting no usable number: 35%
  withheld (``anonymous``, ``Restricted``, ``PRIVATE``, ``Unavailable``, empty), 35%
  malformed digit strings (7, 9 or 11 digits, a leading 0 or 1 in the area code), 30%
  N11 or 555-01XX numbers. 10% answered; 4% of those press 1. Beside it, 15,000 calls a
  day of lawful international voice (families and businesses in the UK, India, Nigeria,
  the Philippines, Mexico; valid foreign numbers, C-attested or unsigned, 6% withheld).
  227(b), 227(e) (misleading caller ID to defraud), 64.1200(n)(2)-(3) (the upstream's
  duty to mitigate).
* ``summit-tax-resolution`` (customer, 400 days, KYC verified, declared "client
  callbacks (tax resolution firm)"): a 36 s prerecorded "IRS back-tax relief, your lien
  notice" pitch (press 1 to a closer; answering-machine detection leaves the same pitch
  after the greeting) presenting its 6 granted toll-free numbers (833/844/855, signed A)
  so that callees see a free number to call back, to a bought list of 80,000 tax-lien
  records nationwide, 9,000 a day, 9 am-7:30 pm local. 18% answered. No consent records.
  227(b)(1)(A)(iii)/(B), 64.1200(a)(2)-(3).
* ``golden-bridge-logistics`` (customer, opened 18 days before, KYC pending, webmail,
  signalling from Hong Kong, declared "shipment notifications"): a Mandarin "Chinese
  consulate / your parcel is held by customs, press 1" prerecorded message (45 s) to
  Chinese-American communities' area codes (415, 408, 212, 718, 917, 213, 818, 206,
  808), 5,000 a day, 10 am-8 pm local, presenting invented +86 mobile and +852 numbers
  (never granted; signed B by the network), a new one on most calls. 20% answered. No
  consent records. 227(e) (spoofing to defraud), 227(b)(1)(B).

Lawful senders (none may reach ``high``; their own numbers are labelled lawful):

* ``first-pacific-bank`` (Honolulu bank, 20 years): fraud-alert IVR to its cardholders
  (40% Hawaii, 10% Guam, the rest the mainland, all consented) around the clock with the
  cardholders' local card activity, from 3 toll-free and 4 local numbers, 10,000 a day:
  a 14 s prompt, "press 1 if you made this purchase" (23-34 s), press 2 for a fraud agent,
  voicemail. Exempt free-to-end-user fraud alerts (FCC 15-72, para. 129-138) and
  consented anyway.
* ``kamaaina-drug-mart`` (Hawaii pharmacy chain): 26 s prerecorded refill-ready
  reminders, 9 am-7 pm Hawaii time (19:00-05:00 UTC), from a toll-free number and 20
  store numbers to 40,000 consented patients, 6,000 a day; its switch writes local time
  with its -10:00 offset and ten-digit national numbers. 64.1200(a)(1)/(a)(3) with consent.
* ``sentinel-alarm-monitoring`` (central station, 12 years): live operators calling
  subscribers' keyholders after alarm signals, any hour, most at night and at the
  arming/disarming hours, 3,000 a day from 2 toll-free and 2 local numbers, 60% answered,
  30-90 s. Consented (the subscribers' call lists); emergency purpose.
* ``mauna-medical-center`` (hospital): on-call physicians returning patients' calls with
  the caller ID withheld (``anonymous``/``Restricted``), any hour, live (median 3 min),
  400 a day to Hawaii patients. Live calls need no consent.
* ``kona-recovery-services`` (debt collector, 9 years): live collectors on a predictive
  dialler from 8:00 am local (a third of the day's calls 8:00-8:30, the FDCPA's first
  minute) to 8:45 pm, nationwide incl. Hawaii, Alaska, Puerto Rico and Guam, 7,000 a day
  from 25 granted numbers, 85% of debtors consented, 3% abandoned with the required
  message.
* ``ringstack-dialer`` (dialler platform, reseller) and its lawful clients:
  ``coastal-renewals-centre`` (live, consented policy renewals 8 am-8:59 pm local,
  busiest 6-9 pm, 5,000 a day) and ``pono-dental-reminders`` (a Hawaii dental group's
  22 s consented reminders, 10 am-5 pm Hawaii time, 1,200 a day).
* ``Albion International Carrier`` (upstream, RMD-filed): international family and
  business calls from the UK, India, Nigeria, the Philippines, Mexico and Germany,
  unsigned or C-attested, 14,000 a day; its switch drops the ``+`` of 40% of the foreign
  caller IDs (``442071838750``) and 8% are withheld; a UK university's admissions office
  calling US applicants from 3 London numbers.
* ``marianas-community-credit-union`` (Guam): live member calls and consented 25 s
  payment reminders, 9 am-5 pm Guam time (23:00-07:00 UTC), 1,500 a day, from 4 Guam
  numbers.
* ``isla-energia-cooperativa`` (Puerto Rico electric co-op): consented (80%; the rest
  gave their number on their account) 31 s Spanish outage and restoration notices to
  787/939 members: an island outage on day 1 brings 20,000 at any hour (2-4 am too),
  500 a day otherwise.
* ``leeward-unified-schools`` (Hawaii school district): a high-surf closure alert at
  5:30-6:15 am Hawaii time on day 2 (25,000 calls from 2 numbers), 1,000 attendance calls
  10-11 am on the other days; families consented.
* ``Cascade Interexchange`` (upstream, RMD-filed): a legacy transit carrier of
  enterprise and consumer live calls, 25,000 a day, whose switch writes dashed and
  ten-digit numbers and SIP URIs, no origid or source address, no attestation on 40% of
  its calls (TDM), final 183/404/503/604 codes, and the few malformed rows above.
* ``islandco-*``, ``mainco-*``: 30 small businesses calling their towns, now and then a
  vendor's toll-free line or a supplier abroad.

Campaign caller IDs are not labelled: each campaign is judged at the source that carries it.
"""

from __future__ import annotations

import csv
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import ClassVar
from zoneinfo import ZoneInfo

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from callwarden.customers import CustomerKind, KycStatus, NumberGrant
from callwarden.formats import ReadReport, read_cdrs
from callwarden.lists import DnoEntry, RmdFiling
from callwarden.numbers import NumberClass, classify
from callwarden.traffic.alerts import Alert
from callwarden.traffic.analyze import AnalysisOptions, analyze_calls, connect_cdr_files
from tests.traffic.blind_shapes import (
    AREA_CODES,
    PEOPLE,
    START,
    BlindNetwork,
    Callers,
    When,
)
from tests.traffic.unseen_shapes import EXCHANGES

#: Tuesday 23 January 2024, US standard time
EDGE_START = datetime(2024, 1, 23, tzinfo=UTC)
EDGE_DAYS = 3
#: ``place`` counts seconds from blind_shapes' START
SHIFT_S = (EDGE_START - START).total_seconds()
HAWAII, ALASKA, GUAM, USVI = 808, 907, 671, 340
PUERTO_RICO = [787, 939]
#: area code: (time zone, weight among random callees): blind_shapes' and the territories
ZONES: dict[int, tuple[str, float]] = dict(AREA_CODES) | {
    ALASKA: ("America/Anchorage", 1.0),
    787: ("America/Puerto_Rico", 1.5),
    939: ("America/Puerto_Rico", 1.0),
    USVI: ("America/St_Thomas", 0.3),
    GUAM: ("Pacific/Guam", 0.3),
}
#: area code: its time zone
EDGE_ZONES: Mapping[int, str] = {code: zone for code, (zone, _) in ZONES.items()}
_EDGE_CODES = np.array(list(ZONES))
_EDGE_WEIGHTS = np.array([weight for _, weight in ZONES.values()], dtype=float)
_EDGE_WEIGHTS /= _EDGE_WEIGHTS.sum()
MAINLAND = [code for code in ZONES if code not in {HAWAII, ALASKA, GUAM, USVI, *PUERTO_RICO}]

#: a robocaller's unanswered calls: cancelled at the ring timeout, declined, lists full of
#: disconnected numbers, and the callees' carriers' analytics and users refusing them
ROBO = {487: 0.34, 480: 0.2, 486: 0.07, 603: 0.12, 404: 0.07, 607: 0.05, 608: 0.09,
        604: 0.02, 503: 0.04}  # fmt: skip
#: a legacy transit switch's unanswered calls, early media (183) and overload (503) included
LEGACY = {480: 0.45, 487: 0.2, 486: 0.12, 603: 0.08, 404: 0.05, 503: 0.04, 183: 0.03,
          604: 0.01, 408: 0.02}  # fmt: skip
#: what switches put in place of a withheld number
WITHHELD = ["anonymous", "Anonymous", "Restricted", "PRIVATE", "Unavailable", ""]


@dataclass(frozen=True)
class Switch:
    """How one source's switch writes its CDRs."""

    #: NANP numbers as: "e164", "national" (ten digits), "dashed" ("(808) 955-0123"),
    #: "sip" (a SIP URI), "tel" (a tel URI with dashes), "mixed" (one of those per row)
    numbers: str = "e164"
    #: share of foreign caller IDs written without their "+"
    plus_dropped: float = 0.0
    #: start_time as: "Z" (UTC, Z), "naive" (UTC, no offset), "ms" (UTC, milliseconds),
    #: or an IANA zone (local time with its offset)
    clock: str = "Z"
    #: whether it records the SHAKEN origid of signed calls
    origid: bool = True
    #: signalling addresses (empty: the column is left empty)
    source_ips: tuple[str, ...] = ()


@dataclass
class EdgeNetwork(BlindNetwork):
    """A :class:`BlindNetwork` over three UTC days from :data:`EDGE_START` whose callees
    include the territories, whose sources each have a :class:`Switch`, and whose CDRs
    are written as CSV for callwarden's reader."""

    switches: dict[str, Switch] = field(default_factory=dict)
    #: row -> (column, raw value) of the rows a switch wrote malformed
    malformed: dict[int, tuple[str, str]] = field(default_factory=dict)
    id_prefix = "x"
    days: ClassVar[int] = EDGE_DAYS
    start_s: ClassVar[float] = SHIFT_S

    first_day = EDGE_START
    zones = EDGE_ZONES

    def __post_init__(self) -> None:
        super().__post_init__()
        self._exchanges: dict[int, np.ndarray] = {}

    # --- numbers and accounts ----------------------------------------------------------------
    def exchanges(self, npa: int) -> np.ndarray:
        """The exchanges of ``npa`` the numbering plan allocates (Guam's and the USVI's are
        a few dozen to a few hundred of the 791 shaped ones)."""
        if npa not in self._exchanges:
            self._exchanges[npa] = np.array(
                [x for x in EXCHANGES if classify(f"+1{npa}{x}2345") == NumberClass.VALID]
            )
        return self._exchanges[npa]

    def numbers(self, count: int, npa: int | Sequence[int] | None = None) -> list[str]:
        if npa is None:
            npas = self.rng.choice(_EDGE_CODES, count, p=_EDGE_WEIGHTS)
        elif isinstance(npa, int):
            npas = np.full(count, npa)
        else:
            npas = self.rng.choice(np.asarray(npa), count)
        lines = self.rng.integers(0, 10_000, count)
        picks = self.rng.random(count)
        out = []
        for a, line, pick in zip(npas.tolist(), lines.tolist(), picks.tolist(), strict=True):
            allocated = self.exchanges(a)
            out.append(f"+1{a}{allocated[int(pick * len(allocated))]}{line:04d}")
        return out

    def toll_free(self, count: int) -> list[str]:
        """``count`` toll-free numbers (8XX), none in 555-01XX."""
        out: list[str] = []
        while len(out) < count:
            code = int(self.rng.choice([800, 833, 844, 855, 866, 877, 888]))
            exchange, line = self.rng.integers(200, 1000), self.rng.integers(0, 10_000)
            number = f"+1{code}{int(exchange)}{int(line):04d}"
            if classify(number) == NumberClass.TOLL_FREE:
                out.append(number)
        return out

    def foreign(self, plans: Mapping[str, int], count: int) -> list[str]:
        """``count`` valid numbers outside country code 1: a prefix of ``plans`` (country
        code and leading digits) and that many random digits after it."""
        prefixes = list(plans)
        out: list[str] = []
        while len(out) < count:
            prefix = prefixes[int(self.rng.integers(0, len(prefixes)))]
            digits = "".join(map(str, self.rng.integers(0, 10, plans[prefix])))
            if classify(prefix + digits) == NumberClass.INTERNATIONAL:
                out.append(prefix + digits)
        return out

    def opened(self, days: float) -> datetime:
        return EDGE_START - timedelta(days=days)

    # --- which number a call presents --------------------------------------------------------
    def withheld(self) -> Callers:
        return lambda called, _day: [
            WITHHELD[i] for i in self.rng.integers(0, len(WITHHELD), len(called))
        ]

    def unusable(self) -> Callers:
        """What a caller ID forger types when it cares for nothing but not being traced:
        withheld, malformed digit strings, N11 and 555-01XX numbers."""

        def callers(called: list[str], _day: int) -> list[str]:
            out = []
            for kind in self.rng.choice(3, len(called), p=[0.35, 0.35, 0.3]).tolist():
                digits = "".join(map(str, self.rng.integers(0, 10, 11)))
                if kind == 0:
                    out.append(WITHHELD[int(self.rng.integers(0, len(WITHHELD)))])
                elif kind == 1:
                    shape = int(self.rng.integers(0, 4))
                    out.append(
                        [digits[:7], digits[:9], "0" + digits[:10], "+11" + digits[:9]][shape]
                    )
                elif self.rng.random() < 0.5:
                    out.append(f"+1{int(self.rng.integers(2, 10))}11{digits[:7]}")
                else:
                    out.append(f"+1{self.rng.choice(_EDGE_CODES)}55501{digits[:2]}")
            return out

        return callers

    # --- how switches write it ---------------------------------------------------------------
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
        """As :meth:`UnseenNetwork.append`, with the source's origid (the same for all its
        signed calls) and signalling address."""
        start = len(self.columns["call_id"])
        super().append(start_times=start_times, durations=durations, sip_codes=sip_codes,
                       callers=callers, called=called, customer=customer, upstream=upstream,
                       sub_account=sub_account, attestations=attestations)  # fmt: skip
        source = str(upstream or customer)
        switch = self.switches.get(source, Switch())
        origid = f"{zlib.crc32(source.encode()):08x}-0000-4000-8000-{self.seed:012d}"
        count = len(called)
        for row in range(start, start + count):
            signed = self.columns["attestation"][row] is not None
            self.columns["origid"][row] = origid if switch.origid and signed else None
            if switch.source_ips:
                pick = int(self.rng.integers(0, len(switch.source_ips)))
                self.columns["source_ip"][row] = switch.source_ips[pick]

    def malform(self, source: str, column: str, value: str, share: float) -> None:
        """A ``share`` of ``source``'s rows written with ``value`` in ``column``."""
        for row, (customer, upstream) in enumerate(
            zip(self.columns["customer_id"], self.columns["upstream_provider"], strict=True)
        ):
            hit = source in (customer, upstream) and row not in self.malformed
            if hit and self.rng.random() < share:
                self.malformed[row] = (column, value)

    def write_csv(self, path: Path) -> None:
        """The CDRs as the sources' switches wrote them (CSV, header first)."""
        names = [name for name in self.columns if name != "caller_class"]
        style_rng = np.random.default_rng(self.seed + 10_000)
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(names)
            for row in range(len(self.columns["call_id"])):
                source = self.columns["upstream_provider"][row] or self.columns["customer_id"][row]
                switch = self.switches.get(str(source), Switch())
                values: dict[str, object] = {name: self.columns[name][row] for name in names}
                values["caller_id"] = _written(str(values["caller_id"]), switch, style_rng)
                values["called_number"] = _written(str(values["called_number"]), switch, style_rng)
                values["start_time"] = _timestamp(values["start_time"], switch)  # type: ignore[arg-type]
                if row in self.malformed:
                    column, value = self.malformed[row]
                    values[column] = value
                writer.writerow(["" if values[name] is None else values[name] for name in names])


def _written(number: str, switch: Switch, rng: np.random.Generator) -> str:
    """``number`` (E.164, or as presented) as ``switch`` writes it."""
    if number.startswith("+") and not number.startswith("+1"):
        return number[1:] if rng.random() < switch.plus_dropped else number
    if not (number.startswith("+1") and len(number) == 12 and number[1:].isdigit()):
        return number
    style = switch.numbers
    if style == "mixed":
        style = ["e164", "national", "dashed", "sip", "tel"][int(rng.integers(0, 5))]
    national = number[2:]
    if style == "national":
        return national
    if style == "dashed":
        return f"({national[:3]}) {national[3:6]}-{national[6:]}"
    if style == "sip":
        return f"sip:{number}@198.51.100.{int(rng.integers(1, 255))};user=phone"
    if style == "tel":
        return f"tel:+1-{national[:3]}-{national[3:6]}-{national[6:]}"
    return number


def _timestamp(moment: datetime, switch: Switch) -> str:
    if switch.clock == "naive":
        return moment.strftime("%Y-%m-%dT%H:%M:%S")
    if switch.clock == "ms":
        return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    if switch.clock == "Z":
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return moment.astimezone(ZoneInfo(switch.clock)).isoformat(timespec="seconds")


def ingest_and_analyse(
    network: EdgeNetwork, tmp_path: Path, window: str
) -> tuple[list[Alert], ReadReport]:
    """The alerts of ``network``'s calls as its switches wrote them, read by callwarden's
    CDR reader (its report of rejected rows returned), analysed with its reference data in
    ``window`` windows."""
    source = tmp_path / "cdrs.csv"
    network.write_csv(source)
    report = ReadReport(source=str(source))
    batches = list(read_cdrs(source, report))
    pq.write_table(pa.Table.from_batches(batches), tmp_path / "calls.parquet")
    connection = connect_cdr_files([tmp_path / "calls.parquet"])
    options = AnalysisOptions(window=window)
    return analyze_calls(connection, network.reference(), options).alerts, report


def build(seed: int, volume: float = 1.0) -> EdgeNetwork:
    """The network of the module docstring; ``volume`` scales every sender's calls."""
    n = EdgeNetwork(seed, volume)
    office = n.between(9, 17.5)
    n.dno.extend(DnoEntry(number, "inbound only (customer service)") for number in n.numbers(300))

    # --- campaigns ------------------------------------------------------------------------
    solar = n.account("islands-solar-savings", "customer callbacks for solar quote requests",
                      campaign=True, opened=n.opened(70), numbers=12, npa=HAWAII,
                      ein="99-0412236", address="1132 Bishop St, Honolulu HI",
                      ip_country="PH")  # fmt: skip
    n.switches["islands-solar-savings"] = Switch(source_ips=("203.0.113.40", "203.0.113.41"))
    homeowners = n.numbers(50_000, HAWAII) + n.numbers(15_000, ALASKA)
    rebate = n.mix([
        (0.8, n.press_one(33, transfer=0.04, hang_ups=0.5, agent_median_s=300)),
        (0.2, n.message(33, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    n.send(7000, customer="islands-solar-savings", callers=n.rotate(solar), callees=homeowners,
           durations=rebate, answered=0.25, when=n.between(7, 9.5), clock="utc",
           unanswered=ROBO)  # fmt: skip

    n.account("ringstack-dialer", "hosted predictive and preview dialler for contact centres",
              kind=CustomerKind.RESELLER, opened=n.opened(2900), ein="46-3390127")  # fmt: skip
    n.switches["ringstack-dialer"] = Switch(numbers="sip", clock="ms",
                                            source_ips=("192.0.2.10", "192.0.2.11"))  # fmt: skip
    nightline = n.account("nightline-benefits-direct", "final expense insurance sales (live "
                          "agents)", campaign=True, parent="ringstack-dialer",
                          opened=n.opened(200), numbers=40, npa=MAINLAND,
                          ein="82-4410973")  # fmt: skip
    predictive_sales = n.mix([
        (0.6, n.live(75, 0.9)),
        (0.33, n.between_s(2, 5)),  # a machine, dropped
        (0.05, n.between_s(8, 20)),  # "not interested"
        (0.02, n.between_s(10, 12)),  # abandoned: the 2 s + 9 s identification message
    ])  # fmt: skip
    n.send(6000, customer="ringstack-dialer", sub_account="nightline-benefits-direct",
           callers=n.rotate(nightline), callees=n.numbers(60_000), durations=predictive_sales,
           answered=0.22, when=n.between(20 + 40 / 60, 21 + 40 / 60))  # fmt: skip

    n.rmd.append(RmdFiling("0071", "Meridian Gateway Partners", "Partial STIR/SHAKEN "
                           "Implementation"))  # fmt: skip
    n.campaign["upstream_provider", "Meridian Gateway Partners"] = True
    n.switches["Meridian Gateway Partners"] = Switch(origid=False, source_ips=("100.64.7.2",))
    n.send(12_000, upstream="Meridian Gateway Partners", callers=n.unusable(),
           durations=n.press_one(19, transfer=0.04, hang_ups=0.55, agent_median_s=480),
           answered=0.1, when=n.between(13, 22), clock="utc", attestation=None,
           unanswered=ROBO)  # fmt: skip
    abroad = n.foreign({"+4420": 8, "+447": 9, "+9198": 8, "+234803": 7, "+63917": 7,
                        "+5255": 8}, 4000)  # fmt: skip
    n.send(15_000, upstream="Meridian Gateway Partners",
           callers=n.drawn([(0.94, n.rotate(abroad)), (0.06, n.withheld())]),
           durations=n.live(420, 0.9), answered=0.48, when=n.between(12, 24), clock="utc",
           attestation={"C": 0.6, None: 0.4}, unanswered=PEOPLE)  # fmt: skip

    n.account("summit-tax-resolution", "client callbacks (tax resolution firm)",
                    campaign=True, opened=n.opened(400), ein="85-1127730",
                    address="2200 N Loop W, Houston TX")  # fmt: skip
    free_lines = n.toll_free(6)
    n.grants.extend(_grants("summit-tax-resolution", free_lines, n.opened(400)))
    n.switches["summit-tax-resolution"] = Switch(numbers="national", clock="naive")
    lien = n.mix([
        (0.75, n.press_one(36, transfer=0.03, hang_ups=0.55, agent_median_s=540)),
        (0.25, n.message(36, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    n.send(9000, customer="summit-tax-resolution", callers=n.rotate(free_lines),
           callees=n.numbers(80_000), durations=lien, answered=0.18,
           when=n.between(9, 19.5), unanswered=ROBO)  # fmt: skip

    n.account("golden-bridge-logistics", "shipment notifications", campaign=True,
              opened=n.opened(18), kyc=KycStatus.PENDING, email="goldenbridge.lg@gmail.com",
              ip_country="HK")  # fmt: skip
    n.switches["golden-bridge-logistics"] = Switch(numbers="tel", source_ips=("45.76.201.8",))
    chinese_numbers = n.foreign({"+86139": 8, "+86138": 8, "+86186": 8, "+8529": 7}, 400)
    communities = n.numbers(90_000, [415, 408, 212, 718, 917, 213, 818, 206, HAWAII])
    n.send(5000, customer="golden-bridge-logistics",
           callers=n.drawn([(0.7, lambda called, _day: n.foreign({"+86139": 8, "+86188": 8},
                                                                  len(called))),
                            (0.3, n.rotate(chinese_numbers))]),
           callees=communities,
           durations=n.press_one(45, transfer=0.05, hang_ups=0.45, agent_median_s=900),
           answered=0.2, when=n.between(10, 20), attestation="B",
           unanswered=ROBO)  # fmt: skip

    # --- lawful ---------------------------------------------------------------------------
    bank = n.account("first-pacific-bank", "fraud alerts and account security calls to our "
                     "cardholders", opened=n.opened(7300), numbers=4, npa=HAWAII,
                     ein="99-0032118", address="999 Bishop St, Honolulu HI")  # fmt: skip
    bank_free = n.toll_free(3)
    n.grants.extend(_grants("first-pacific-bank", bank_free, n.opened(7300)))
    n.lawful(bank + bank_free)
    cardholders = (n.numbers(32_000, HAWAII) + n.numbers(8000, GUAM)
                   + n.numbers(40_000, MAINLAND))  # fmt: skip
    n.consented("first-pacific-bank", cardholders)
    fraud_ivr = n.fraud_alert_ivr()
    card_activity = {h: 0.15 for h in range(7)} | {7: 0.4, 8: 0.7, 9: 0.9, 22: 0.5, 23: 0.3}
    card_activity |= dict.fromkeys(range(10, 22), 1.0)
    n.send(10_000, customer="first-pacific-bank",
           callers=n.drawn([(0.7, n.rotate(bank_free)), (0.3, n.rotate(bank))]),
           callees=cardholders, durations=fraud_ivr, answered=0.55,
           when=n.by_hour(card_activity))  # fmt: skip

    stores = n.account("kamaaina-drug-mart", "prescription refill and pickup reminders",
                       opened=n.opened(5000), numbers=20, npa=HAWAII,
                       ein="99-0207415")  # fmt: skip
    pharmacy_free = n.toll_free(1)
    n.grants.extend(_grants("kamaaina-drug-mart", pharmacy_free, n.opened(5000)))
    n.lawful(stores + pharmacy_free)
    n.switches["kamaaina-drug-mart"] = Switch(numbers="national", clock="Pacific/Honolulu",
                                              source_ips=("198.18.4.20",))  # fmt: skip
    patients = n.numbers(40_000, HAWAII)
    n.consented("kamaaina-drug-mart", patients)
    refill = n.mix([(0.9, n.message(26, hang_ups=0.12, voicemail=0.33)),
                    (0.1, n.between_s(30, 75))])  # fmt: skip
    n.send(6000, customer="kamaaina-drug-mart",
           callers=n.drawn([(0.5, n.rotate(pharmacy_free)), (0.5, n.rotate(stores))]),
           callees=patients, durations=refill, answered=0.6, when=n.between(9, 19))  # fmt: skip

    alarm = n.account("sentinel-alarm-monitoring", "alarm monitoring central station: calls "
                      "to subscribers and keyholders after alarm signals",
                      opened=n.opened(4400), numbers=2, npa=[214, 972],
                      ein="75-2870044")  # fmt: skip
    alarm_free = n.toll_free(2)
    n.grants.extend(_grants("sentinel-alarm-monitoring", alarm_free, n.opened(4400)))
    n.lawful(alarm + alarm_free)
    keyholders = n.numbers(30_000)
    n.consented("sentinel-alarm-monitoring", keyholders)
    signals = {0: 1.6, 1: 1.8, 2: 2.0, 3: 2.0, 4: 1.5, 5: 1.0, 6: 1.2, 7: 1.6, 8: 1.4,
               9: 0.6, 10: 0.5, 11: 0.5, 12: 0.5, 13: 0.5, 14: 0.5, 15: 0.6, 16: 0.8,
               17: 1.3, 18: 1.4, 19: 1.0, 20: 0.8, 21: 0.9, 22: 1.1, 23: 1.4}  # fmt: skip
    n.send(3000, customer="sentinel-alarm-monitoring",
           callers=n.drawn([(0.7, n.rotate(alarm_free)), (0.3, n.rotate(alarm))]),
           callees=keyholders, durations=n.live(45, 0.6), answered=0.6,
           when=n.by_hour(signals), unanswered=PEOPLE)  # fmt: skip

    n.account("mauna-medical-center", "hospital: on-call physicians returning patients' "
              "calls", opened=n.opened(8000), numbers=3, npa=HAWAII,
              ein="99-0073524")  # fmt: skip
    n.send(400, customer="mauna-medical-center", callers=n.withheld(),
           callees=n.numbers(20_000, HAWAII), durations=n.live(180, 0.8), answered=0.7,
           when=n.by_hour(dict.fromkeys(range(24), 1.0) | dict.fromkeys(range(8, 22), 3.0)),
           unanswered=PEOPLE)  # fmt: skip

    collectors = n.account("kona-recovery-services", "first- and third-party debt collection "
                           "(live collectors)", opened=n.opened(3300), numbers=25,
                           ein="99-0351187")  # fmt: skip
    n.lawful(collectors)
    debtors = n.numbers(70_000)
    n.consented("kona-recovery-services", debtors, 0.85)
    collecting = n.mix([
        (0.55, n.live(140)),
        (0.27, n.between_s(2, 5)),
        (0.15, n.message(24, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
        (0.03, n.between_s(10, 12)),
    ])  # fmt: skip
    first_minute = n.between(8.0, 8.5)
    later = n.between(8.5, 20.75)
    n.send(2300, customer="kona-recovery-services", callers=n.rotate(collectors),
           callees=debtors, durations=collecting, answered=0.3, when=first_minute)  # fmt: skip
    n.send(4700, customer="kona-recovery-services", callers=n.rotate(collectors),
           callees=debtors, durations=collecting, answered=0.3, when=later)  # fmt: skip

    renewals = n.account("coastal-renewals-centre", "policy renewal and service calls (live "
                         "agents, consented policyholders)", parent="ringstack-dialer",
                         opened=n.opened(1500), numbers=60, npa=MAINLAND,
                         ein="59-3380412")  # fmt: skip
    n.lawful(renewals)
    policyholders = n.numbers(90_000)
    n.consented("coastal-renewals-centre", policyholders)
    evening = {8: 0.5, 9: 0.7, 10: 0.8, 11: 0.8, 12: 0.8, 13: 0.8, 14: 0.8, 15: 0.8,
               16: 0.9, 17: 1.0, 18: 1.6, 19: 1.8, 20: 1.8}  # fmt: skip
    n.send(5000, customer="ringstack-dialer", sub_account="coastal-renewals-centre",
           callers=n.rotate(renewals), callees=policyholders,
           durations=n.mix([(0.6, n.live(160)), (0.3, n.between_s(2, 5)),
                            (0.1, n.between_s(10, 12))]),
           answered=0.35, when=_until_859(n.by_hour(evening)))  # fmt: skip

    dental = n.account("pono-dental-reminders", "patient appointment reminders",
                       parent="ringstack-dialer", opened=n.opened(900), numbers=3,
                       npa=HAWAII)  # fmt: skip
    n.lawful(dental)
    dental_patients = n.numbers(15_000, HAWAII)
    n.consented("pono-dental-reminders", dental_patients)
    n.send(1200, customer="ringstack-dialer", sub_account="pono-dental-reminders",
           callers=n.rotate(dental), callees=dental_patients,
           durations=n.message(22, hang_ups=0.1, voicemail=0.35), answered=0.55,
           when=n.between(10, 17))  # fmt: skip

    n.rmd.append(RmdFiling("0072", "Albion International Carrier", "Complete STIR/SHAKEN "
                           "Implementation"))  # fmt: skip
    n.campaign["upstream_provider", "Albion International Carrier"] = False
    n.switches["Albion International Carrier"] = Switch(plus_dropped=0.4, origid=False,
                                                        clock="naive")  # fmt: skip
    relatives = n.foreign({"+4420": 8, "+447": 9, "+9198": 8, "+9199": 8, "+234803": 7,
                           "+63917": 7, "+5255": 8, "+4930": 8}, 5000)  # fmt: skip
    n.send(13_500, upstream="Albion International Carrier",
           callers=n.drawn([(0.92, n.rotate(relatives)), (0.08, n.withheld())]),
           durations=n.live(480, 0.9), answered=0.5, when=n.between(11, 27), clock="utc",
           attestation={"C": 0.5, None: 0.5}, unanswered=PEOPLE)  # fmt: skip
    admissions = n.foreign({"+4420": 8}, 3)
    n.send(500, upstream="Albion International Carrier", callers=n.rotate(admissions),
           durations=n.live(600, 0.6), answered=0.4, when=n.between(14, 18), clock="utc",
           attestation=None, unanswered=PEOPLE)  # fmt: skip

    union = n.account("marianas-community-credit-union", "member service calls and payment "
                      "reminders", opened=n.opened(6000), numbers=4, npa=GUAM,
                      ein="66-0301256")  # fmt: skip
    n.lawful(union)
    members = n.numbers(12_000, GUAM)
    n.consented("marianas-community-credit-union", members)
    n.send(900, customer="marianas-community-credit-union", callers=n.rotate(union),
           callees=members, durations=n.live(200), answered=0.5, when=office,
           unanswered=PEOPLE)  # fmt: skip
    n.send(600, customer="marianas-community-credit-union", callers=n.rotate(union),
           callees=members, durations=n.message(25, hang_ups=0.15, voicemail=0.3),
           answered=0.55, when=n.between(9, 17))  # fmt: skip

    coop = n.account("isla-energia-cooperativa", "member notifications: outages, "
                     "restoration, billing", opened=n.opened(5800), numbers=2, npa=787,
                     ein="66-0440871")  # fmt: skip
    n.lawful(coop)
    n.switches["isla-energia-cooperativa"] = Switch(numbers="dashed")
    co_op_members = n.numbers(60_000, PUERTO_RICO)
    n.consented("isla-energia-cooperativa", co_op_members, 0.8)
    outage = n.message(31, hang_ups=0.2, voicemail=0.3)
    n.send([500, 0, 500], customer="isla-energia-cooperativa", callers=n.rotate(coop),
           callees=co_op_members, durations=outage, answered=0.5,
           when=n.between(10, 18))  # fmt: skip
    island_outage = {h: 1.0 for h in range(24)} | {2: 1.8, 3: 1.8, 4: 1.4, 18: 1.4, 19: 1.4}
    n.send([0, 20_000, 0], customer="isla-energia-cooperativa", callers=n.rotate(coop),
           callees=co_op_members, durations=outage, answered=0.45,
           when=n.by_hour(island_outage))  # fmt: skip

    district = n.account("leeward-unified-schools", "parent and staff notifications: "
                         "attendance, closures, emergencies", opened=n.opened(4000),
                         numbers=2, npa=HAWAII, ein="99-6000180")  # fmt: skip
    n.lawful(district)
    families = n.numbers(30_000, HAWAII)
    n.consented("leeward-unified-schools", families)
    notice = n.message(28, hang_ups=0.15, voicemail=0.35)
    n.send([1000, 0, 1000], customer="leeward-unified-schools", callers=n.rotate(district),
           callees=families, durations=notice, answered=0.5, when=n.between(10, 11))  # fmt: skip
    n.send([0, 25_000, 0], customer="leeward-unified-schools", callers=n.rotate(district),
           callees=families, durations=notice, answered=0.45,
           when=n.between(5.5, 6.25))  # fmt: skip

    n.rmd.append(RmdFiling("0073", "Cascade Interexchange", "Partial STIR/SHAKEN "
                           "Implementation"))  # fmt: skip
    n.campaign["upstream_provider", "Cascade Interexchange"] = False
    n.switches["Cascade Interexchange"] = Switch(numbers="mixed", origid=False)
    enterprises = n.numbers(1500)
    n.lawful(enterprises)
    n.send(25_000, upstream="Cascade Interexchange", callers=n.rotate(enterprises),
           durations=n.live(160), answered=0.42, when=n.between(8, 19),
           attestation={"A": 0.35, "B": 0.25, None: 0.4}, unanswered=LEGACY)  # fmt: skip

    _businesses(n, 12, "islandco", [HAWAII, ALASKA, GUAM, USVI, *PUERTO_RICO])
    _businesses(n, 18, "mainco", MAINLAND)

    n.malform("Cascade Interexchange", "sip_code", "0", 0.003)
    n.malform("Cascade Interexchange", "called_number", "", 0.001)
    n.malform("Cascade Interexchange", "duration_s", "-1", 0.001)
    return n


def _grants(customer_id: str, numbers: Sequence[str], since: datetime) -> list[NumberGrant]:
    """Verified grants of ``numbers`` (toll-free numbers a RespOrg assigned) to the account."""
    return [NumberGrant(number, customer_id, since=since, verified=True) for number in numbers]


def _until_859(when: When) -> When:
    """``when``, its last hour (8 pm) squeezed into 8:00-8:59 pm: a dialler whose calling
    window closes at 20:59 local."""

    def hours(count: int) -> np.ndarray:
        out = when(count)
        last = out >= 20
        out[last] = 20 + (out[last] - 20) * 59 / 60
        return out

    return hours


def _businesses(network: EdgeNetwork, count: int, prefix: str, towns: Sequence[int]) -> None:
    """``count`` lawful small businesses calling mostly their town by day, now and then a
    vendor's toll-free line or a supplier abroad."""
    n = network
    vendors = n.toll_free(40)
    suppliers = n.foreign({"+4420": 8, "+5255": 8, "+8621": 8, "+4930": 8}, 60)
    for business in range(count):
        name = f"{prefix}-{business}"
        town = int(n.rng.choice(np.asarray(towns)))
        phones = n.account(name, "office phones", opened=n.opened(int(n.rng.integers(60, 4000))),
                           numbers=int(n.rng.integers(1, 5)), npa=town)  # fmt: skip
        n.lawful(phones)
        daily = int(n.rng.integers(15, 250))
        n.send(daily, customer=name, callers=n.rotate(phones),
               callees=n.numbers(2000, town) + n.numbers(300), durations=n.live(180),
               answered=0.5, when=n.between(8, 18), unanswered=PEOPLE)  # fmt: skip
        n.send(max(1, daily // 10), customer=name, callers=n.rotate(phones), callees=vendors,
               durations=n.live(420), answered=0.95, when=n.between(14, 23), clock="utc",
               unanswered={486: 0.6, 480: 0.4})  # fmt: skip
        if n.rng.random() < 0.3:
            n.send(max(1, daily // 30), customer=name, callers=n.rotate(phones),
                   callees=suppliers, durations=n.live(240), answered=0.6,
                   when=n.between(14, 22), clock="utc", unanswered=PEOPLE)  # fmt: skip
