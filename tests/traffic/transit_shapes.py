"""A transit network: a wholesale carrier that mostly carries other carriers' calls, and the
identities of the upstream providers that hand them over, as its switches and files show
them. Three UTC days, Tuesday 16 to Thursday 18 April 2024, the days after the 15 April
US tax filing deadline (US daylight saving time in force; Arizona and Hawaii keep standard
time). Built on the plumbing of :mod:`tests.traffic.blind_shapes` (calls on the callee's
local clock, KYC evidence, a DNO list, the RMD).

The carrier interconnects with 12 upstream providers and a few direct enterprise customers.
Its two switches name an upstream differently: the Chicago softswitch writes the trunk
group's carrier name as typed at provisioning (legal name, trade name or an abbreviation,
in any case and spacing), the Dallas SBC writes the upstream's OCN (a 4-character NECA
Operating Company Number). ``customers.csv`` holds a ``kind=provider`` row for some
upstreams, mapping the id the switch writes (an OCN or a trade name) to the legal name on
the interconnection agreement. The RMD export (``rmd.csv``) is a slice of the real one:
several filings for one company (its ILEC, long-distance and wireless affiliates), d/b/a
names in ``business_name``, FRNs as 10-digit strings with leading zeros, the three
``implementation`` answers and ``last_updated`` dates, plus filings of providers the
carrier never sees, two of them with names close to an upstream's but another company.

Campaigns (each must reach ``high`` at the upstream as the CDRs name it):

- ``Bluestone Telecom Exchange`` (upstream, a ``kind=provider`` customers row; NOT in the
  RMD: the Enforcement Bureau removed its deficient certification in February 2024, after
  which no provider may accept its traffic, 47 CFR 64.6305(g); the RMD's "Bluestone
  Telephone Company" is an unrelated Kentucky ILEC). Still handing over 5,000 ordinary
  calls a day (B or unsigned) and 12,000 a day of a spoofed "Amazon: your Prime
  membership will renew at $139, press 1 to cancel" prerecorded message, 21 s (+0-3 s of
  repeated prompt), a new invented number per call, C-attested or unsigned, 9 am-8 pm in
  the callee's time, 14% answered, 55% of those hanging up in it, 3% pressing 1 to an
  "agent" (remote-access refund fraud). 47 USC 227(b)(1)(A)(iii)/(B) and 227(e);
  64.1200(a)(2)-(3); 64.6305(g).
- ``Northgate Telecom`` (upstream; RMD "Northgate Telecom, Inc.", complete STIR/SHAKEN):
  24,000 signed enterprise and consumer calls a day, and a snowshoe "Card Services:
  lower your credit card interest rate, press 1" campaign, 34 s, 10,000 calls a day spread
  over 3,000 numbers granted to nobody on this network (about 3 calls per number a day),
  every call unsigned although Northgate signs everything else (a carrier that
  authenticates its own customers' calls passing an unauthenticated campaign through from
  a customer it does not sign for), 12% answered. 227(b), 227(e); 64.1200(a)(3);
  64.1200(n)(2)-(3) (an upstream's duty to mitigate what it carries).
- ``Pinnacle Interexchange Corp.`` and ``587J`` (one upstream under two names: its name on
  the Chicago switch, its OCN on the Dallas SBC; customers.csv maps ``587J`` to
  "Pinnacle Interexchange Corporation", RMD "Pinnacle Interexchange Corporation", partial
  STIR/SHAKEN). An auto-insurance lead campaign ("you may qualify for lower rates, press
  1"), 29 s, 10,000 calls a day split evenly over the two trunks by the carrier's least-cost
  routing, neighbour-spoofed (a number in the callee's own NPA-NXX, one per exchange per
  day, the same numbers on both trunks: one dialler), B-attested, to a bought list of
  120,000 drivers, 15% answered; beside 12,000 and 8,000 ordinary calls a day on the two
  names. 227(b), 227(e), 64.1200(a)(3), 64.1200(n)(2)-(3).
- ``TRANSOCEANIC GATEWAY SERVICES LTD`` (upstream; RMD "Transoceanic Gateway Services
  Limited", a foreign-registered gateway provider, partial): 9,000 genuine international
  calls a day (relatives and businesses abroad presenting their UK, Indian, Mexican,
  Philippine and Jamaican numbers, C-attested, as a gateway signs foreign-originated
  calls), and a foreign-originated "Chinese consulate" scam (a Mandarin recording, 38 s:
  "a package in your name was seized, press 1") presenting invented US numbers in the
  callees' own area codes, C-attested, 8,000 calls a day to Chinese-American communities
  (New York, the Bay Area, Los Angeles, Houston, Seattle), 10 am-8 pm local, 16%
  answered. A US caller ID on a call originated abroad is spoofed unless a US customer
  placed it. 227(b), 227(e); 64.6302 (gateway authentication), 64.1200(n)(2)-(3).
- ``Crestview Digital Voice`` (upstream; RMD "Crestview Communications Group LLC d/b/a
  Crestview Digital Voice", partial, filed under its parent's legal name): 6,000 ordinary
  calls a day, and an IRS impersonation "press 1" recording, 27 s ("a lawsuit has been
  filed over unpaid 2023 taxes, press 1 to speak to an officer"), 7,000 calls a day from
  an offshore centre working 13:00-22:00 UTC, three calls in five presenting the IRS's and
  TIGTA's published inbound numbers (on the provider's DNO list), the rest invented
  numbers, unsigned, B- or C-attested, 10% answered. 227(e), 227(b); 64.1200(k)(1) (calls
  presenting a DNO number may be blocked), 64.1200(n)(2)-(3).

Campaign caller IDs are not labelled: each campaign is judged at the upstream carrying it.

For review (reported at least ``medium``; ``high`` is neither asked nor forbidden):

- ``362G`` (upstream named only by its OCN on the Dallas SBC; no customers.csv row maps it
  and no RMD filing carries an OCN): 3,000 ordinary calls a day, B or unsigned. Whether
  it may hand traffic over at all (64.6305(g)) cannot be checked from the carrier's files:
  an analyst must resolve the OCN (LERG, NECA) and find its filing.

Lawful senders (none may reach ``high``; their own numbers are labelled lawful, and each
lawful upstream is labelled under every name the CDRs, customers.csv and the RMD give it,
so that a detector that merges the names is judged too):

- ``Continental Bell Telephone Co.`` and ``9206`` (a large ILEC; customers.csv maps ``9206``
  to "Continental Bell Telephone Company"; the RMD holds that filing and those of its
  long-distance and wireless affiliates, all complete): 30,000 and 20,000 calls a day of
  enterprise and consumer voice (72% A, 18% B, 10% unsigned from its TDM end offices), and
  its enterprise customers' pharmacy refill reminders (3,000 a day, 26 s, from 40 store
  numbers, signed A; consented at the pharmacy: 64.1200(a)(1)-(2)).
- ``Meridian & Lake Communications Corp`` and ``MERIDIAN AND LAKE COMMUNICATIONS
  CORPORATION`` (with two spaces; RMD "Meridian and Lake Communications Corporation" and
  its Ohio subsidiary, complete): 18,000 and 12,000 ordinary calls a day.
- ``Tidewater Voice`` (a trade name; customers.csv maps it to "Harbor Point Holdings,
  LLC", whose RMD filings are "Harbor Point Holdings, LLC d/b/a Tidewater Voice" and
  "... d/b/a Chesapeake Fiber", complete): 12,000 ordinary calls a day, mostly Virginia.
- ``Big Sky Rural Telephone Cooperative Inc`` (RMD "Big Sky Rural Telephone Cooperative,
  Inc.", "No STIR/SHAKEN Implementation (Robocall Mitigation Program only)": a TDM rural
  ILEC, lawful under 64.6303 for non-IP networks): 3,000 unsigned live calls a day from
  its 4,000 Montana subscribers.
- ``Cascade Wholesale Networks`` (customers.csv: "Cascade Wholesale Networks, L.L.C.";
  RMD "Cascade Wholesale Networks, L.L.C.", partial): 15,000 ordinary wholesale calls a
  day, and on Wednesday (day 1) its alerting-vendor customer's tornado warning for
  Oklahoma County: 24,000 calls in 40 minutes at 6:10 pm local from the county's 2
  emergency-management numbers to residents in area code 405, a 30 s message, then an
  all-clear to 10,000 at 9 pm. Signed A. Emergency purposes: no consent needed (227(b)(1)
  (A); 64.1200(a)(1), (f)(4)).
- ``431F`` (a CPaaS's OCN; customers.csv: "Relaymark Communications, Inc."; RMD
  "Relaymark Communications Inc" (2024) and an older filing "Relaymark Communications,
  Inc." (2021), complete): voice one-time passcodes, 10,000 a day around the clock with
  app activity, from 150 numbers signed A, an 18 s code read twice (85% answered, 15%
  hanging up once they have it, some to voicemail), beside 4,000 masked rider/driver
  calls a day through 1,500 proxy numbers. The user asked for the code: consent, and no
  telemarketing.
- ``beacon-contact-solutions`` (direct customer: a BPO call centre, 4 years, KYC
  verified): 12,000 calls a day for client brands' renewals and care on a predictive
  dialler (live agents; machines dropped or left a 20 s voicemail; 3% abandoned with the
  2 s + 9 s identification message, 64.1200(a)(7)), 9 am-8 pm local, to customers 97% of
  whom have written-consent records.
- ``bizline-*``: 20 small businesses, direct customers with office phones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from callwarden.customers import ConsentType, Customer, CustomerKind, KycStatus
from callwarden.lists import DnoEntry, RmdFiling
from callwarden.numbers import classify
from tests.traffic.blind_shapes import (
    AREA_CODES,
    DIALLER,
    PEOPLE,
    START,
    Attestation,
    BlindNetwork,
    Callers,
    When,
)

#: Tuesday 16 April 2024, the day after the US tax filing deadline
APRIL = datetime(2024, 4, 16, tzinfo=UTC)
TRANSIT_DAYS = 3
#: ``place`` counts seconds from blind_shapes' START
SHIFT_S = (APRIL - START).total_seconds()
#: time zones of the network's area codes: blind_shapes' and a few more
ZONES: dict[int, str] = {code: zone for code, (zone, _) in AREA_CODES.items()} | {
    406: "America/Denver", 405: "America/Chicago", 626: "America/Los_Angeles",
    347: "America/New_York", 646: "America/New_York", 510: "America/Los_Angeles",
    281: "America/Chicago", 425: "America/Los_Angeles", 757: "America/New_York",
}  # fmt: skip
#: areas of the Chinese-American communities the consulate scam dials
DIASPORA = [212, 718, 917, 347, 646, 415, 510, 408, 626, 213, 713, 281, 206, 425]
IMPLEMENTED = "Complete STIR/SHAKEN Implementation"
PARTIAL = "Partial STIR/SHAKEN Implementation"
MITIGATION_ONLY = "No STIR/SHAKEN Implementation (Robocall Mitigation Program only)"
#: how a carrier's transit is signed: its IP customers A or B, its TDM ones unsigned
SIGNED: dict[str | None, float] = {"A": 0.72, "B": 0.18, None: 0.10}


def on(day: int) -> datetime:
    """Midnight UTC of a calendar date given as YYYYMMDD."""
    return datetime.strptime(str(day), "%Y%m%d").replace(tzinfo=UTC)


@dataclass
class TransitNetwork(BlindNetwork):
    """A :class:`BlindNetwork` over three UTC days from :data:`APRIL` whose traffic is
    mostly transit from upstream providers named as the switches name them."""

    id_prefix = "t"
    days = TRANSIT_DAYS
    start_s = SHIFT_S

    first_day = APRIL
    zones = ZONES

    # --- who the upstreams are -----------------------------------------------------------------
    def interconnect(self, switch_id: str, legal_name: str, *, years: float) -> None:
        """A ``kind=provider`` customers row: the id a switch writes, the legal name on the
        interconnection agreement signed ``years`` ago."""
        self.customers.append(
            Customer(
                switch_id,
                legal_name,
                kind=CustomerKind.PROVIDER,
                created_at=APRIL - timedelta(days=round(365 * years)),
                kyc_status=KycStatus.VERIFIED,
                declared_use="transit interconnection (bilateral SIP)",
            )
        )

    def filing(self, frn: str, business_name: str, implementation: str, last_updated: int) -> None:
        """One RMD row; ``last_updated`` as YYYYMMDD."""
        assert len(frn) == 10, frn
        assert frn.isdigit(), frn
        self.rmd.append(RmdFiling(frn, business_name, implementation, on(last_updated)))

    def upstream(self, names: Sequence[str], *, campaign: bool) -> None:
        """Label an upstream under each of ``names``."""
        for name in names:
            self.campaign["upstream_provider", name] = campaign

    # --- which number a call presents ----------------------------------------------------------
    def foreign(self, formats: Sequence[tuple[str, int]], count: int) -> list[str]:
        """``count`` valid international numbers: a prefix and how many digits follow it."""
        out: list[str] = []
        for _ in range(count * 50):
            if len(out) == count:
                return out
            prefix, digits = formats[int(self.rng.integers(0, len(formats)))]
            number = prefix + "".join(map(str, self.rng.integers(0, 10, digits)))
            if classify(number) in {"valid", "international"}:
                out.append(number)
        raise AssertionError(f"no valid numbers after {formats}")

    def invented_in(self, npas: Sequence[int]) -> Callers:
        """An invented number in the callee's own area code (another exchange) when it is
        one of ``npas``, else in one of them, per call."""
        areas = {str(npa) for npa in npas}

        def callers(called: list[str], _day: int) -> list[str]:
            fresh = self.numbers(len(called), list(npas))
            return [
                f"+1{callee[2:5]}{new[5:]}" if callee[2:5] in areas else new
                for callee, new in zip(called, fresh, strict=True)
            ]

        return callers

    # --- the calls -----------------------------------------------------------------------------
    def transit(
        self,
        per_day: int | Sequence[int],
        upstream: str,
        enterprises: Sequence[str],
        *,
        signed: Attestation = SIGNED,
        consumers: float = 0.25,
        callees: Sequence[str] | None = None,
    ) -> None:
        """An upstream's ordinary traffic: its enterprise customers' live calls from
        ``enterprises`` in business hours, signed by ``signed``, and ``consumers`` of
        its calls from its consumers' own numbers (B or unsigned) into the evening."""
        schedule = [per_day] * self.days if isinstance(per_day, int) else list(per_day)
        office = [round(day * (1 - consumers)) for day in schedule]
        homes = [round(day * consumers) for day in schedule]
        self.send(office, upstream=upstream, callers=self.rotate(enterprises),
                  callees=callees, durations=self.live(160), answered=0.42,
                  when=self.between(8, 19), attestation=signed,
                  unanswered=PEOPLE)  # fmt: skip
        self.send(homes, upstream=upstream, callers=self.fresh(), callees=callees,
                  durations=self.live(240), answered=0.5, when=self.between(9, 22),
                  attestation={"B": 0.5, None: 0.5}, unanswered=PEOPLE)  # fmt: skip

    def around_the_clock(self) -> When:
        """Hours of app activity: low overnight, busiest in the day and the evening."""
        weights = {h: 0.15 for h in range(6)} | {6: 0.4, 7: 0.7, 22: 0.7, 23: 0.4}
        return self.by_hour(weights | dict.fromkeys(range(8, 22), 1.0))


def _rmd_background(n: TransitNetwork) -> None:
    """Filings of providers the carrier never sees, as any slice of the RMD holds them; two
    close in name to an upstream but another company."""
    for frn, name, implementation, updated in [
        ("0001849267", "Bluestone Telephone Company", MITIGATION_ONLY, 20230911),
        ("0021734556", "Northgate Wireless Partners, L.P.", IMPLEMENTED, 20231030),
        ("0004412398", "Prairie Wind Telephone Company", MITIGATION_ONLY, 20230627),
        ("0019928741", "Sierra Nevada Long Lines, Inc.", IMPLEMENTED, 20240108),
        ("0026611093", "Gulf Coast VoIP Solutions LLC", PARTIAL, 20240219),
        ("0003318820", "Ozark Mutual Telephone Company", MITIGATION_ONLY, 20221215),
        ("0029004417", "Redwood Cloud Communications, Inc.", IMPLEMENTED, 20240301),
        ("0027719362", "Lakeshore Wholesale Voice LLC", PARTIAL, 20231122),
        ("0030157789", "Apex Carrier Services Corp.", PARTIAL, 20240311),
        ("0012650034", "Great Plains Communications, LLC", IMPLEMENTED, 20230802),
        ("0024488105", "Coastal Plains Telephone Cooperative, Inc.", MITIGATION_ONLY, 20231005),
        ("0031472908", "Vanguard Interconnect Solutions Ltd", PARTIAL, 20240402),
    ]:  # fmt: skip
        n.filing(frn, name, implementation, updated)


def build(seed: int, volume: float = 1.0) -> TransitNetwork:
    """The network of the module docstring; ``volume`` scales every sender's calls."""
    n = TransitNetwork(seed, volume)

    def years(count: float) -> datetime:
        return APRIL - timedelta(days=round(365 * count))

    _rmd_background(n)
    irs = ["+18008291040", "+18008294933", "+18008294477", "+18003664484", "+18005252380"]
    n.dno.extend(DnoEntry(number, "government inbound-only line (ITG DNO list)") for number in irs)
    n.dno.extend(DnoEntry(number, "inbound only (bank customer service)")
                 for number in n.numbers(300))  # fmt: skip

    # --- campaigns ------------------------------------------------------------------------
    # removed from the RMD, still interconnected
    n.interconnect("Bluestone Telecom Exchange", "Bluestone Telecom Exchange LLC", years=3)
    n.upstream(["Bluestone Telecom Exchange"], campaign=True)
    n.send(12_000, upstream="Bluestone Telecom Exchange", callers=n.fresh(),
           durations=n.press_one(21, transfer=0.03, hang_ups=0.55, agent_median_s=600),
           answered=0.14, when=n.between(9, 20),
           attestation={"C": 0.6, None: 0.4})  # fmt: skip
    n.transit(5000, "Bluestone Telecom Exchange", n.numbers(300), signed={"B": 0.7, None: 0.3})

    # a lawful-looking carrier passing a snowshoe campaign through unsigned
    n.filing("0020416637", "Northgate Telecom, Inc.", IMPLEMENTED, 20240212)
    n.upstream(["Northgate Telecom"], campaign=True)
    northgate = n.numbers(2500)
    n.lawful(northgate)
    n.transit(24_000, "Northgate Telecom", northgate, signed={"A": 0.85, "B": 0.15},
              consumers=0.2)  # fmt: skip
    snowshoe = n.numbers(3000)
    n.send(10_000, upstream="Northgate Telecom", callers=n.rotate(snowshoe),
           durations=n.press_one(34, transfer=0.03, hang_ups=0.6, agent_median_s=500),
           answered=0.12, when=n.between(9, 20), attestation=None)  # fmt: skip

    # one upstream, two names, one campaign split over them by least-cost routing
    n.interconnect("587J", "Pinnacle Interexchange Corporation", years=6)
    n.filing("0010975524", "Pinnacle Interexchange Corporation", PARTIAL, 20231114)
    pinnacle = ["Pinnacle Interexchange Corp.", "587J"]
    n.upstream(pinnacle, campaign=True)
    drivers = n.numbers(120_000)
    neighbours = n.daily_local_presence()
    insurance = n.press_one(29, transfer=0.04, hang_ups=0.55, agent_median_s=420)
    for name, ordinary in zip(pinnacle, [12_000, 8000], strict=True):
        enterprises = n.numbers(900)
        n.lawful(enterprises)
        n.transit(ordinary, name, enterprises)
        n.send(5000, upstream=name, callers=neighbours, callees=drivers, durations=insurance,
               answered=0.15, when=n.between(9, 20), attestation="B")  # fmt: skip

    # a foreign gateway: genuine calls from abroad and a foreign-originated scam
    n.filing("0028830471", "Transoceanic Gateway Services Limited", PARTIAL, 20240105)
    gateway = "TRANSOCEANIC GATEWAY SERVICES LTD"
    n.upstream([gateway], campaign=True)
    abroad = n.foreign([("+447", 9), ("+4420", 8), ("+9198", 8), ("+9191", 8), ("+5255", 8),
                        ("+5281", 8), ("+63917", 7), ("+1876", 7)], 2500)  # fmt: skip
    n.lawful(abroad)
    n.send(9000, upstream=gateway, callers=n.rotate(abroad), durations=n.live(300),
           answered=0.55, when=n.between(8, 22), attestation="C",
           unanswered=PEOPLE)  # fmt: skip
    n.send(8000, upstream=gateway, callers=n.invented_in(DIASPORA),
           callees=n.numbers(150_000, DIASPORA),
           durations=n.press_one(38, transfer=0.02, hang_ups=0.5, agent_median_s=900),
           answered=0.16, when=n.between(10, 20), attestation="C")  # fmt: skip

    # an IRS impersonation campaign through an upstream filed under its parent's name
    n.filing("0025306618", "Crestview Communications Group LLC d/b/a Crestview Digital Voice",
             PARTIAL, 20231201)  # fmt: skip
    n.upstream(["Crestview Digital Voice"], campaign=True)
    crestview = n.numbers(600)
    n.lawful(crestview)
    n.transit(6000, "Crestview Digital Voice", crestview, signed={"A": 0.5, "B": 0.4, None: 0.1})
    n.send(7000, upstream="Crestview Digital Voice", callers=n.invented(0.6, irs),
           durations=n.press_one(27, transfer=0.03, hang_ups=0.6, agent_median_s=900),
           answered=0.1, when=n.between(13, 22), clock="utc",
           attestation={None: 0.5, "B": 0.3, "C": 0.2})  # fmt: skip

    # --- for review -----------------------------------------------------------------------
    n.review.add(("upstream_provider", "362G"))
    unknown = n.numbers(400)
    n.transit(3000, "362G", unknown, signed={"B": 0.5, None: 0.5})

    # --- lawful ---------------------------------------------------------------------------
    bell = ["Continental Bell Telephone Co.", "9206", "Continental Bell Telephone Company"]
    n.interconnect("9206", "Continental Bell Telephone Company", years=14)
    n.filing("0001572209", "Continental Bell Telephone Company", IMPLEMENTED, 20240122)
    n.filing("0001572217", "Continental Bell Long Distance Company", IMPLEMENTED, 20240122)
    n.filing("0004896102", "Continental Bell Wireless, LLC", IMPLEMENTED, 20231018)
    n.upstream(bell, campaign=False)
    for name, per_day in zip(bell[:2], [30_000, 20_000], strict=True):
        enterprises = n.numbers(3000)
        n.lawful(enterprises)
        n.transit(per_day, name, enterprises)
    stores = n.numbers(40)
    n.lawful(stores)
    refill = n.mix([(0.92, n.message(26, hang_ups=0.12, voicemail=0.3)),
                    (0.08, n.between_s(34, 70))])  # fmt: skip
    n.send(3000, upstream=bell[0], callers=n.rotate(stores), durations=refill, answered=0.6,
           when=n.between(10, 19), attestation="A")  # fmt: skip

    meridian = ["Meridian & Lake Communications Corp",
                "MERIDIAN AND LAKE COMMUNICATIONS  CORPORATION",
                "Meridian and Lake Communications Corporation"]  # fmt: skip
    n.filing("0003904415", "Meridian and Lake Communications Corporation", IMPLEMENTED,
             20240214)  # fmt: skip
    n.filing("0018842260", "Meridian and Lake Communications of Ohio, LLC", IMPLEMENTED,
             20240214)  # fmt: skip
    n.upstream(meridian, campaign=False)
    for name, per_day in zip(meridian[:2], [18_000, 12_000], strict=True):
        enterprises = n.numbers(1500)
        n.lawful(enterprises)
        n.transit(per_day, name, enterprises)

    tidewater = ["Tidewater Voice", "Harbor Point Holdings, LLC",
                 "Harbor Point Holdings, LLC d/b/a Tidewater Voice"]  # fmt: skip
    n.interconnect("Tidewater Voice", "Harbor Point Holdings, LLC", years=5)
    n.filing("0022187743", "Harbor Point Holdings, LLC d/b/a Tidewater Voice", IMPLEMENTED,
             20231208)  # fmt: skip
    n.filing("0022187751", "Harbor Point Holdings, LLC d/b/a Chesapeake Fiber", IMPLEMENTED,
             20231208)  # fmt: skip
    n.upstream(tidewater, campaign=False)
    virginia = n.numbers(1200, [757, 804, 540, 703])
    n.lawful(virginia)
    n.transit(12_000, "Tidewater Voice", virginia)

    big_sky = ["Big Sky Rural Telephone Cooperative Inc",
               "Big Sky Rural Telephone Cooperative, Inc."]  # fmt: skip
    n.filing("0002261175", "Big Sky Rural Telephone Cooperative, Inc.", MITIGATION_ONLY, 20230719)
    n.upstream(big_sky, campaign=False)
    members = n.numbers(4000, 406)
    n.lawful(members)
    montana = n.numbers(6000, 406)
    n.send(1200, upstream=big_sky[0], callers=n.rotate(members), callees=montana,
           durations=n.live(200), answered=0.55, when=n.between(7, 22), attestation=None,
           unanswered=PEOPLE)  # fmt: skip
    n.send(1800, upstream=big_sky[0], callers=n.rotate(members), durations=n.live(240),
           answered=0.5, when=n.between(8, 21), attestation=None, unanswered=PEOPLE)  # fmt: skip

    cascade = ["Cascade Wholesale Networks", "Cascade Wholesale Networks, L.L.C."]
    n.interconnect("Cascade Wholesale Networks", "Cascade Wholesale Networks, L.L.C.", years=8)
    n.filing("0013357816", "Cascade Wholesale Networks, L.L.C.", PARTIAL, 20240327)
    n.upstream(cascade, campaign=False)
    wholesale = n.numbers(2000)
    n.lawful(wholesale)
    n.transit(15_000, cascade[0], wholesale, signed={"A": 0.55, "B": 0.3, None: 0.15})
    county = n.numbers(2, 405)
    n.lawful(county)
    residents = n.numbers(70_000, 405)
    warning = n.message(30, hang_ups=0.15, voicemail=0.3)
    n.send(n.only(1, 24_000), upstream=cascade[0], callers=n.rotate(county), callees=residents,
           durations=warning, answered=0.55, when=n.between(18.17, 18.83),
           attestation="A")  # fmt: skip
    n.send(n.only(1, 10_000), upstream=cascade[0], callers=n.rotate(county), callees=residents,
           durations=n.message(18, hang_ups=0.2, voicemail=0.3), answered=0.5,
           when=n.between(21, 21.5), attestation="A")  # fmt: skip

    relaymark = ["431F", "Relaymark Communications, Inc.", "Relaymark Communications Inc"]
    n.interconnect("431F", "Relaymark Communications, Inc.", years=4)
    n.filing("0027451180", "Relaymark Communications Inc", IMPLEMENTED, 20240228)
    n.filing("0019883342", "Relaymark Communications, Inc.", IMPLEMENTED, 20210629)
    n.upstream(relaymark, campaign=False)
    codes = n.numbers(150)
    proxies = n.numbers(1500)
    n.lawful(codes + proxies)
    passcode = n.mix([(0.85, n.message(18, hang_ups=0.15)),
                      (0.15, n.message(18, hang_ups=0.0, voicemail=1.0))])  # fmt: skip
    n.send(10_000, upstream="431F", callers=n.rotate(codes), callees=n.numbers(200_000),
           durations=passcode, answered=0.85, when=n.around_the_clock(),
           attestation="A", unanswered={480: 0.5, 486: 0.2, 487: 0.2, 603: 0.1})  # fmt: skip
    n.send(4000, upstream="431F", callers=n.rotate(proxies), durations=n.live(45, 0.8),
           answered=0.7, when=n.around_the_clock(), attestation="A",
           unanswered=PEOPLE)  # fmt: skip

    agents = n.account("beacon-contact-solutions", "outbound customer care and renewals for "
                       "client brands (live agents, predictive dialer, consented lists)",
                       opened=years(4), numbers=60, ein="46-3381902",
                       address="2200 Renaissance Blvd, King of Prussia PA",
                       email="compliance@beaconcontact.com")  # fmt: skip
    n.lawful(agents)
    customers = n.numbers(150_000)
    n.consented_at("beacon-contact-solutions", customers, years(1.5),
                   kind=ConsentType.PRIOR_EXPRESS_WRITTEN, share=0.97)  # fmt: skip
    predictive = n.predictive_dialler(170)
    n.send(12_000, customer="beacon-contact-solutions", callers=n.rotate(agents),
           callees=customers, durations=predictive, answered=0.3, when=n.between(9, 20),
           unanswered=DIALLER)  # fmt: skip

    n.small_businesses(20, "bizline")
    return n
