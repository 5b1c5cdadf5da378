"""A holiday-season network: the whole traffic of Tinsel Voice, a mid-size US CPaaS and SIP
provider (customers on its API and SIP trunks, resellers with clients as sub-accounts, and
transit from a few upstream carriers), over four UTC days, Monday 1 to Thursday 4 December
2025: Cyber Monday, Giving Tuesday, and the two days after. Standard time everywhere
(Eastern UTC-5 to Hawaii UTC-10; Arizona UTC-7); callees in every US time zone, Alaska and
Hawaii included; each sender keeps to its own hours, mostly on the callee's clock. Every
count, share, message length and pool size below is drawn per seed around the figure given.

The rules. An artificial or prerecorded voice call to a wireless number needs the callee's
prior express consent, written if it is telemarketing (47 USC 227(b)(1)(A)(iii), 47 CFR
64.1200(a)(1)-(2)); to a residential line too, except noncommercial calls (limited in number)
and the like (64.1200(a)(3)); telephone solicitations keep to 8 am-9 pm at the callee's
location (64.1200(c)(1)); live calls need none of this consent (charities and political
callers are outside the Do-Not-Call rules). Package-delivery notifications and banks'
fraud alerts are exempt or consented informational calls. Spoofing caller ID to defraud is
unlawful (227(e)); the provider blocks its DNO list's numbers and invalid numbers
(64.1200(k)); it may not accept traffic from a provider absent from the RMD (64.6305(g)).

Campaigns (each must reach ``high`` at the narrowest responsible source):

- ``Keystone Wholesale Voice`` (upstream, RMD-filed least-cost-routing wholesaler, partial
  STIR/SHAKEN): beside its customers' ordinary calls, an "Amazon order" impersonation ("your
  order of an iPhone for $1,299 is being processed; press 1 to cancel") from an offshore
  centre working 14:00-02:00 UTC, presenting Amazon's published customer-service lines
  (on the DNO list) on some calls and an invented US number on the rest, unsigned or
  C-attested; 8-12% answered, voicemail boxes recording it, most humans hanging up, a few
  pressing 1 to a "fraud specialist" who asks for gift cards or remote access.
- ``fallen-heroes-holiday-fund`` (sub-account of the reseller ``bluepeak-voice-cloud``,
  opened under two weeks ago, KYC pending, webmail): a sham police-and-firefighters
  charity's recorded holiday toy-drive appeal ("this is Officer Daniels..."; press 1 to
  pledge), from a dozen granted numbers, 10 am-8 pm local, to a bought list without consent.
  Prerecorded calls to wireless numbers without consent; deceptive solicitation.
- ``clearpath-holiday-funding`` (customer, opened four weeks ago, KYC verified on a
  new LLC's papers): a holiday-loan and debt-relief robocall ("get up to $5,000 before
  Christmas / consolidate your holiday credit card debt; press 1") snowshoeing over
  hundreds of DIDs across many area codes (each call from a DID in the callee's area code
  where it has one, some 20-35 calls a DID a day), signed A, a second batch of DIDs in use
  from Wednesday. No consent records.
- ``swiftdrop-notify`` (customer, opened under two weeks ago): a "we could not deliver
  your package; press 1 to reschedule" recording that phishes card details, each call
  presenting an invented number in the callee's own NPA-NXX (none granted), signed B.
- ``Pelican Bay Telecom`` (upstream, a VoIP wholesaler interconnected five months ago,
  absent from the RMD): a little ordinary traffic and a gift-card scam ("your $500 holiday
  gift card is ready / your account was charged for gift cards; press 1"), invented and a
  few invalid caller IDs, unsigned or C. 64.6305(g) whatever the calls.
- ``holiday-home-deals-direct`` (customer, seven months old): a marketer's prerecorded
  holiday-sale calls (a furniture and electronics "doorbuster" pitch) to a purchased list,
  mostly wireless, without consent, 8-10 pm in the callee's time zone.

For review (grey; reported at least ``medium``):

- ``heartline-telefunding`` (customer, a telefunding vendor for several charities, 9
  years): agents driving a soundboard (prerecorded segments picked by a live agent) to
  past donors of its charities, two in five with a consent record: the FCC treats soundboard
  calls as prerecorded, but a live agent listens and picks every segment.
- ``american-renewal-action-fund`` (customer, a political committee, 3 years): a year-end
  fundraising robocall (recorded, 35-45 s) to a purchased list sold as landlines
  (noncommercial calls to residential lines are exempt within limits), of which a share
  has been ported to wireless; on Wednesday and Thursday evenings.

Lawful senders (none may reach ``high``):

- ``northstar-outfitters``: a large retailer's recorded order and shipping notices to
  customers who gave their number at checkout (consent records), around the clock with
  online orders, a Cyber Monday burst two to four times its other days.
- ``swiftparcel-logistics``: a parcel carrier's recorded delivery-window calls (press 1 to
  reschedule), 8 am-8 pm local, a third of recipients registered (the rest exempt
  delivery notifications, one call a package, to the number the shipper gave: the FCC's
  2014 Cargo Airline Association order exempts them from prior express consent).
- ``granite-trust-bank``: card-fraud alerts (IVR) to consenting cardholders at the hours of
  their holiday spending, late night included.
- ``hope-harbor-childrens-fund`` and ``wildlands-conservation-trust``: Giving Tuesday live
  phone banks (staff and volunteers) calling past donors, thin on the other days.
- ``tri-county-food-bank``: a recorded thank-you to its donors (noncommercial, consented) on
  Giving Tuesday evening and Wednesday.
- ``stagepass-tickets``: recorded reminders of holiday shows (Nutcracker, concerts) to
  ticket buyers, consented.
- ``kidstreet-toys``: live customer-care callbacks about holiday orders (the customers asked
  for them).
- ``bayside-pharmacy``: refill reminders from each store to its own patients.
- ``peakseason-bpo``: a seasonal contact centre doing live outbound for several brands, one
  or two caller IDs per brand, all granted; a predictive dialler to the brands' customers.
- ``bluepeak-voice-cloud`` (reseller) and its lawful clients (a dental group's reminders,
  an HVAC company, a realtor), and ``smallbiz-*``: office phones.
- ``Cardinal Interexchange`` (upstream, RMD-filed, full STIR/SHAKEN): the public's and
  enterprises' transit, mostly A-attested, with a school district's and a clinic's
  consented notices.

Campaign caller IDs are not labelled: each campaign is judged at the source that carries it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import ClassVar

import numpy as np

from callwarden.customers import (
    ConsentRecord,
    ConsentType,
    Customer,
    CustomerKind,
    KycStatus,
    NumberGrant,
)
from callwarden.lists import DnoEntry, RmdFiling
from tests.traffic.blind_shapes import PEOPLE, START, BlindNetwork, Callers
from tests.traffic.unseen_shapes import EXCHANGES, Durations

#: Cyber Monday, 1 December 2025
FIRST = datetime(2025, 12, 1, tzinfo=UTC)
HOLIDAY_DAYS = 4

#: area code: (time zone, weight among random US callees)
AREAS: dict[int, tuple[str, float]] = {
    # Eastern
    212: ("America/New_York", 3), 718: ("America/New_York", 4), 917: ("America/New_York", 3),
    516: ("America/New_York", 2), 215: ("America/New_York", 2), 412: ("America/New_York", 2),
    610: ("America/New_York", 2), 617: ("America/New_York", 2), 603: ("America/New_York", 1),
    207: ("America/New_York", 1), 802: ("America/New_York", 1), 860: ("America/New_York", 1),
    973: ("America/New_York", 2), 202: ("America/New_York", 2), 301: ("America/New_York", 2),
    410: ("America/New_York", 2), 703: ("America/New_York", 2), 804: ("America/New_York", 1),
    919: ("America/New_York", 2), 704: ("America/New_York", 2), 803: ("America/New_York", 1),
    843: ("America/New_York", 1), 404: ("America/New_York", 3), 678: ("America/New_York", 2),
    305: ("America/New_York", 3), 407: ("America/New_York", 2), 813: ("America/New_York", 2),
    904: ("America/New_York", 1), 216: ("America/New_York", 2), 614: ("America/New_York", 2),
    513: ("America/New_York", 1), 313: ("America/New_York", 2), 616: ("America/New_York", 1),
    317: ("America/Indiana/Indianapolis", 2), 765: ("America/Indiana/Indianapolis", 1),
    812: ("America/Indiana/Indianapolis", 1), 574: ("America/Indiana/Indianapolis", 1),
    502: ("America/New_York", 1), 304: ("America/New_York", 1),
    # Central
    312: ("America/Chicago", 3), 773: ("America/Chicago", 2), 214: ("America/Chicago", 3),
    972: ("America/Chicago", 2), 713: ("America/Chicago", 3), 832: ("America/Chicago", 2),
    512: ("America/Chicago", 2), 210: ("America/Chicago", 2), 504: ("America/Chicago", 1),
    615: ("America/Chicago", 2), 901: ("America/Chicago", 1), 205: ("America/Chicago", 1),
    601: ("America/Chicago", 1), 501: ("America/Chicago", 1), 314: ("America/Chicago", 2),
    816: ("America/Chicago", 1), 612: ("America/Chicago", 2), 414: ("America/Chicago", 1),
    515: ("America/Chicago", 1), 402: ("America/Chicago", 1), 405: ("America/Chicago", 1),
    316: ("America/Chicago", 1), 605: ("America/Chicago", 1), 701: ("America/Chicago", 1),
    # Mountain, and Arizona
    303: ("America/Denver", 2), 720: ("America/Denver", 1), 801: ("America/Denver", 2),
    385: ("America/Denver", 1), 505: ("America/Denver", 1), 208: ("America/Boise", 1),
    406: ("America/Denver", 1), 307: ("America/Denver", 1),
    602: ("America/Phoenix", 2), 480: ("America/Phoenix", 2), 520: ("America/Phoenix", 1),
    # Pacific
    213: ("America/Los_Angeles", 3), 310: ("America/Los_Angeles", 2),
    818: ("America/Los_Angeles", 2), 714: ("America/Los_Angeles", 2),
    619: ("America/Los_Angeles", 2), 415: ("America/Los_Angeles", 2),
    408: ("America/Los_Angeles", 2), 916: ("America/Los_Angeles", 2),
    559: ("America/Los_Angeles", 1), 206: ("America/Los_Angeles", 2),
    509: ("America/Los_Angeles", 1), 503: ("America/Los_Angeles", 2),
    541: ("America/Los_Angeles", 1), 702: ("America/Los_Angeles", 2),
    775: ("America/Los_Angeles", 1),
    # Alaska and Hawaii
    907: ("America/Anchorage", 1), 808: ("Pacific/Honolulu", 1),
}  # fmt: skip
_CODES = np.array(list(AREAS))
_WEIGHTS = np.array([weight for _, weight in AREAS.values()], dtype=float)
_WEIGHTS /= _WEIGHTS.sum()
ZONES = {npa: zone for npa, (zone, _) in AREAS.items()}

#: Amazon's published customer-service lines (inbound only; on the provider's DNO list)
AMAZON = ["+18882804331", "+12062661000", "+18883034523"]

#: a bank's card-fraud alerts follow its cardholders' spending (the callee's hour):
#: holiday shopping online late into the night
HOLIDAY_SPENDING = {0: 0.35, 1: 0.2, 2: 0.12, 3: 0.08, 4: 0.06, 5: 0.1, 6: 0.25, 7: 0.45,
                    8: 0.7, 9: 0.9, 10: 1.0, 11: 1.1, 12: 1.2, 13: 1.1, 14: 1.0, 15: 1.0,
                    16: 1.0, 17: 1.1, 18: 1.2, 19: 1.3, 20: 1.3, 21: 1.1, 22: 0.8,
                    23: 0.55}  # fmt: skip
#: orders placed online by the shopper's hour (order confirmations follow within minutes)
ORDERS = {0: 0.5, 1: 0.3, 2: 0.15, 3: 0.1, 4: 0.08, 5: 0.12, 6: 0.3, 7: 0.5, 8: 0.7,
          9: 0.9, 10: 1.0, 11: 1.0, 12: 1.1, 13: 1.0, 14: 1.0, 15: 1.0, 16: 1.0, 17: 1.1,
          18: 1.2, 19: 1.4, 20: 1.5, 21: 1.4, 22: 1.1, 23: 0.8}  # fmt: skip
#: an office's day
OFFICE = {8: 0.6, 9: 1.0, 10: 1.1, 11: 1.1, 12: 0.7, 13: 0.9, 14: 1.0, 15: 1.0, 16: 0.9,
          17: 0.5}  # fmt: skip
#: a phone bank's evening (callee's hour): donors are home after work
PHONE_BANK = {10: 0.4, 11: 0.5, 12: 0.5, 13: 0.6, 14: 0.6, 15: 0.7, 16: 0.9, 17: 1.3,
              18: 1.6, 19: 1.6, 20: 1.0}  # fmt: skip
#: a pharmacy's store hours
STORE_HOURS = {9: 0.8, 10: 1.0, 11: 1.2, 12: 1.1, 13: 1.0, 14: 1.0, 15: 1.0, 16: 1.1,
               17: 1.1, 18: 0.8, 19: 0.5}  # fmt: skip
#: wholesale carriers' ordinary calls: business by day, people in the evening
MIXED_DAY = {7: 0.4, 8: 0.8, 9: 1.1, 10: 1.2, 11: 1.2, 12: 1.0, 13: 1.1, 14: 1.1, 15: 1.1,
             16: 1.0, 17: 0.9, 18: 0.8, 19: 0.7, 20: 0.6, 21: 0.4, 22: 0.2}  # fmt: skip


class _Dated:
    """:meth:`BlindNetwork.dated`'s moments, drawn alike, made only for the chosen ones."""

    def __init__(self, network: BlindNetwork, newest: float, oldest: float) -> None:
        self.network, self.newest, self.oldest = network, newest, oldest

    def chosen(self, count: int, which: Sequence[int]) -> list[datetime]:
        assert self.network.first_day is not None
        days = self.network.rng.uniform(self.newest, self.oldest, count)
        first = self.network.first_day
        return [first - timedelta(days=float(days[i])) for i in which]

    def __call__(self, count: int) -> list[datetime]:
        return self.chosen(count, range(count))


def ago(days: float) -> datetime:
    """``days`` before the first day."""
    return FIRST - timedelta(days=days)


@dataclass
class HolidayNetwork(BlindNetwork):
    """A :class:`BlindNetwork` over the four UTC days from :data:`FIRST`, callees in every US
    time zone (Alaska and Hawaii included), the per-day UTC offsets of :data:`ZONES`."""

    id_prefix: ClassVar[str] = "k"
    days: ClassVar[int] = HOLIDAY_DAYS
    start_s: ClassVar[float] = (FIRST - START).total_seconds()

    first_day = FIRST
    zones = ZONES
    #: the area codes random callees are drawn from, and their weights
    area_codes: ClassVar[np.ndarray] = _CODES
    area_weights: ClassVar[np.ndarray] = _WEIGHTS
    #: how long before the first day an upstream carrier last updated its RMD filing
    rmd_filed_days: ClassVar[float] = 200
    _offsets: dict[tuple[str, int], int] = field(default_factory=dict)

    # --- numbers ----------------------------------------------------------------------------
    def numbers(self, count: int, npa: int | Sequence[int] | None = None) -> list[str]:
        if npa is None:
            npas = self.rng.choice(self.area_codes, count, p=self.area_weights)
        elif isinstance(npa, int):
            npas = np.full(count, npa)
        else:
            npas = self.rng.choice(np.asarray(npa), count)
        exchanges = self.rng.choice(EXCHANGES, count)
        lines = self.rng.integers(0, 10_000, count)
        digits = 10**10 + npas.astype(np.int64) * 10**7 + exchanges * 10**4 + lines
        return ["+" + number for number in map(str, digits.tolist())]

    def offset_s(self, npa: str, day: int) -> int:
        key = (npa, day)
        offset = self._offsets.get(key)
        if offset is None:
            offset = self._offsets[key] = super().offset_s(npa, day)
        return offset

    def dated(self, newest: float, oldest: float) -> _Dated:
        """For :meth:`consented_at` and grants: ``count`` moments, each drawn ``newest`` to
        ``oldest`` days before :attr:`first_day` (a consent given, a line activated)."""
        return _Dated(self, newest, oldest)

    def consented_at(
        self,
        holder: str,
        callees: Sequence[str],
        obtained: datetime | Callable[[int], Sequence[datetime]],
        *,
        kind: ConsentType = ConsentType.PRIOR_EXPRESS,
        share: float = 1.0,
        evidence: str = "{holder}/{index}",
    ) -> None:
        """:meth:`BlindNetwork.consented_at`, the same records drawn the same way, made only
        for the callees who consented (the networks' consent lists are large)."""
        count = len(callees)
        given = np.flatnonzero(self.rng.random(count) < share).tolist()
        if isinstance(obtained, datetime):
            times: Sequence[datetime] = [obtained] * len(given)
        elif isinstance(obtained, _Dated):
            times = obtained.chosen(count, given)
        else:
            every = obtained(count)
            times = [every[i] for i in given]
        template = evidence.replace("{holder}", holder)
        if template.endswith("{index}") and "{" not in template[: -len("{index}")]:
            head = template[: -len("{index}")]
            references = [f"{head}{i}" for i in given]
        else:
            references = [evidence.format(holder=holder, index=i) for i in given]
        self.consent.extend(
            ConsentRecord(callees[i], holder, kind, at, evidence=reference)
            for i, at, reference in zip(given, times, references, strict=True)
        )

    def around(self, figure: float, spread: float = 0.25) -> int:
        """``figure`` varied by the seed, +-``spread``."""
        return max(1, round(figure * self.rng.uniform(1 - spread, 1 + spread)))

    # --- who sends ---------------------------------------------------------------------------
    def carrier(
        self,
        name: str,
        legal_name: str,
        *,
        opened: datetime,
        campaign: bool,
        filing: tuple[str, str] | None,
    ) -> None:
        """An upstream carrier interconnected at ``opened``; ``filing``: its RMD (FRN,
        implementation), None when it is absent from the RMD."""
        self.customers.append(
            Customer(name, legal_name, kind=CustomerKind.PROVIDER, created_at=opened,
                     kyc_status=KycStatus.VERIFIED, declared_use="transit (upstream carrier)",
                     country="US")
        )  # fmt: skip
        self.campaign["upstream_provider", name] = campaign
        if filing is not None:
            frn, implementation = filing
            assert self.first_day is not None
            filed = self.first_day - timedelta(days=self.rmd_filed_days)
            self.rmd.append(RmdFiling(frn, name, implementation, filed))

    def review_only(self, kind: str, name: str) -> None:
        del self.campaign[kind, name]
        self.review.add((kind, name))

    # --- which number a call presents ---------------------------------------------------------
    def neighbour(self) -> Callers:
        """An invented number in the callee's own NPA-NXX for every call."""

        def callers(called: list[str], _day: int) -> list[str]:
            lines = self.rng.integers(0, 10_000, len(called))
            return [f"{callee[:8]}{line:04d}" for callee, line in zip(called, lines, strict=True)]

        return callers

    def local_did(self, pool: Sequence[str]) -> Callers:
        """A DID of ``pool`` in the callee's area code where there is one, else any."""
        by_area: dict[str, list[str]] = {}
        for number in pool:
            by_area.setdefault(number[2:5], []).append(number)

        def callers(called: list[str], _day: int) -> list[str]:
            picks = self.rng.random(len(called))
            out = []
            for callee, pick in zip(called, picks, strict=True):
                own = by_area.get(callee[2:5]) or pool
                out.append(own[int(pick * len(own))])
            return out

        return callers

    def garbled(self, share: float) -> Callers:
        """An invented number per call, ``share`` of them not a valid one (an area code
        starting with 0 or 1, or too few digits)."""

        def callers(called: list[str], _day: int) -> list[str]:
            fresh = self.numbers(len(called))
            bad = self.rng.random(len(called)) < share
            out = []
            for number, broken in zip(fresh, bad, strict=True):
                if not broken:
                    out.append(number)
                    continue
                kind = int(self.rng.integers(0, 3))
                if kind == 0:
                    out.append(f"+10{number[3:]}")
                elif kind == 1:
                    out.append(f"+11{number[3:]}")
                else:
                    out.append(number[:-3])
            return out

        return callers

    # --- how answered calls last --------------------------------------------------------------
    def scam_press_one(
        self, pitch: int, *, machines: float, quits: float, press: float, agent_median_s: float
    ) -> Durations:
        """A scam's press-1 recording: ``machines`` of the answered are voicemail boxes
        recording it after their greeting; the humans hang up in it (``quits``), press 1
        (``press``) for a scammer, or hear it to its end."""
        return self.mix([
            (machines, self.message(pitch, hang_ups=0.0, voicemail=1.0, greeting=(7, 26))),
            (1 - machines, self.press_one(pitch, transfer=press, hang_ups=quits,
                                          agent_median_s=agent_median_s)),
        ])  # fmt: skip

    def phone_bank(self, talk_median_s: float) -> Durations:
        """A live caller's calls to past donors: quick refusals, a machine the caller
        leaves a short live message on, conversations."""
        return self.mix([
            (0.25, self.between_s(3, 14)),
            (0.25, lambda count: (self.rng.integers(8, 25, count)
                                  + self.rng.integers(15, 45, count))),
            (0.5, self.live(talk_median_s, 0.7)),
        ])  # fmt: skip

    def soundboard(self) -> Durations:
        """A telefunding agent's soundboard: an opening clip (11-14 s) many hang up in,
        conversations made of clips the agent picks, and a recorded voicemail left on
        machines after their greeting."""
        return self.mix([
            (0.35, self.between_s(2, 14)),
            (0.2, self.message(30, spread=1, hang_ups=0.0, voicemail=1.0, greeting=(7, 24))),
            (0.45, lambda count: 12 + self.live(110, 0.6)(count)),
        ])  # fmt: skip

    def delivery_window(self, message_s: int) -> Durations:
        """A parcel carrier's delivery notice: heard out, 1 pressed to reschedule (an IVR of
        a minute or so), hung up once the window was said, or left on voicemail."""
        return self.mix([
            (0.5, self.between_s(message_s, message_s + 3)),
            (0.12, lambda count: message_s + self.live(60, 0.5)(count)),
            (0.18, self.between_s(4, message_s - 2)),
            (0.2, self.message(message_s, hang_ups=0.0, voicemail=1.0, greeting=(7, 24))),
        ])  # fmt: skip

    def care_callback(self) -> Durations:
        """A customer-care agent calling back a customer who asked: a few machines (short
        live message), mostly conversations of a few minutes."""
        return self.mix([
            (0.2, self.between_s(12, 40)),
            (0.8, self.live(260, 0.7)),
        ])  # fmt: skip

    # --- senders ------------------------------------------------------------------------------
    def businesses(
        self,
        count: int,
        prefix: str,
        *,
        towns: Sequence[int] | None = None,
        oldest_days: int = 4000,
        most_calls: int = 220,
        talk_median_s: float = 170,
        week: Sequence[float] | None = None,
    ) -> None:
        """``count`` lawful small businesses (``<prefix>-<n>``) calling mostly their own town
        by day: a town drawn from ``towns`` (the network's area codes by weight when None),
        opened up to ``oldest_days`` before the first day, 15 to ``most_calls`` calls a day
        shared over the days as ``week`` says (evenly when None)."""
        assert self.first_day is not None
        for business in range(count):
            name = f"{prefix}-{business}"
            if towns is None:
                town = int(self.rng.choice(self.area_codes, p=self.area_weights))
            else:
                town = int(self.rng.choice(towns))
            opened = self.first_day - timedelta(days=int(self.rng.integers(60, oldest_days)))
            phones = self.account(name, "office phones", opened=opened,
                                  numbers=int(self.rng.integers(1, 5)), npa=town)  # fmt: skip
            self.lawful(phones)
            neighbours = self.numbers(1500, town) + self.numbers(500)
            day = int(self.rng.integers(15, most_calls))
            calls = day if week is None else [round(day * share) for share in week]
            self.send(calls, customer=name, callers=self.rotate(phones), callees=neighbours,
                      durations=self.live(talk_median_s), answered=0.5,
                      when=self.by_hour(OFFICE), unanswered=PEOPLE)  # fmt: skip


def build(seed: int, volume: float = 1.0) -> HolidayNetwork:
    """The network of the module docstring; ``volume`` scales every sender's calls."""
    n = HolidayNetwork(seed, volume)
    a = n.around
    n.dno.extend(DnoEntry(number, "inbound only (Amazon customer service)") for number in AMAZON)
    n.dno.extend(DnoEntry(number, "government inbound-only line (ITG DNO list)")
                 for number in ["+18007721213", "+18003250778", "+18008291040"])  # fmt: skip
    n.dno.extend(DnoEntry(number, "inbound only (customer service)") for number in n.numbers(300))

    # --- the upstream carriers ---------------------------------------------------------------
    cardinal = "Cardinal Interexchange"
    n.carrier(cardinal, "Cardinal Interexchange, LLC", opened=ago(365 * 9), campaign=False,
              filing=("0021934471", "Complete STIR/SHAKEN Implementation"))  # fmt: skip
    firms = n.numbers(a(1500))
    n.lawful(firms)
    n.send(a(20_000), upstream=cardinal, callers=n.rotate(firms), durations=n.live(160),
           answered=0.44, when=n.by_hour(MIXED_DAY),
           attestation={"A": 0.78, "B": 0.14, None: 0.08}, unanswered=PEOPLE)  # fmt: skip
    public = n.fresh()
    n.send(a(5000), upstream=cardinal, callers=public, durations=n.live(220), answered=0.5,
           when=n.by_hour(MIXED_DAY), attestation={"A": 0.6, "B": 0.2, None: 0.2},
           unanswered=PEOPLE)  # fmt: skip
    school = n.numbers(2, 614)
    families = n.numbers(15_000, 614)
    n.send([a(2500), 0, a(2500), 0], upstream=cardinal, callers=n.rotate(school),
           callees=families, durations=n.message(int(n.rng.integers(18, 30)), hang_ups=0.15,
                                                 voicemail=0.25),
           answered=0.6, when=n.between(15.5, 17.5), attestation="A")  # fmt: skip
    clinic = n.numbers(3, 303)
    n.send(a(1500), upstream=cardinal, callers=n.rotate(clinic),
           callees=n.numbers(20_000, [303, 720]),
           durations=n.confirmation_ivr(int(n.rng.integers(24, 34))), answered=0.62,
           when=n.between(10, 18), attestation="A")  # fmt: skip
    n.lawful(school + clinic)

    # --- campaigns ----------------------------------------------------------------------------
    keystone = "Keystone Wholesale Voice"
    n.carrier(keystone, "Keystone Wholesale Voice LLC", opened=ago(365 * 3), campaign=True,
              filing=("0030771908", "Partial STIR/SHAKEN Implementation"))  # fmt: skip
    keystone_firms = n.numbers(a(1200))
    n.lawful(keystone_firms)
    n.send(a(9000), upstream=keystone, callers=n.rotate(keystone_firms), durations=n.live(140),
           answered=0.43, when=n.by_hour(MIXED_DAY),
           attestation={"A": 0.35, "B": 0.4, None: 0.25}, unanswered=PEOPLE)  # fmt: skip
    amazon_share = float(n.rng.uniform(0.15, 0.4))
    n.send([a(14_000), a(11_000), a(10_000), a(10_000)], upstream=keystone,
           callers=n.invented(amazon_share, AMAZON), callees=n.numbers(300_000),
           durations=n.scam_press_one(int(n.rng.integers(18, 27)), machines=0.25, quits=0.58,
                                      press=0.04, agent_median_s=780),
           answered=float(n.rng.uniform(0.08, 0.12)), when=n.between(14, 26), clock="utc",
           attestation={None: 0.6, "C": 0.4})  # fmt: skip

    n.account("bluepeak-voice-cloud", "CPaaS reseller: SIP trunks and voice API for small "
              "business and agencies", kind=CustomerKind.RESELLER, opened=ago(365 * 6),
              ein="46-2281907", email="noc@bluepeakvoice.com")  # fmt: skip
    dental = n.account("sunrise-dental-group", "patient appointment reminders",
                       parent="bluepeak-voice-cloud", opened=ago(900), numbers=3,
                       npa=[602, 480])  # fmt: skip
    n.lawful(dental)
    patients = n.numbers(12_000, [602, 480, 520])
    n.consented_at("sunrise-dental-group", patients, n.dated(30, 2000), share=0.97)
    n.send(a(900), customer="bluepeak-voice-cloud", sub_account="sunrise-dental-group",
           callers=n.rotate(dental), callees=patients,
           durations=n.confirmation_ivr(int(n.rng.integers(22, 32))), answered=0.6,
           when=n.between(9, 17.5))  # fmt: skip
    for client, npa, use in [("metro-hvac-services", [404, 678], "office phones and dispatch"),
                             ("lakeside-realty", [612], "agents' office phones")]:  # fmt: skip
        lines = n.account(client, use, parent="bluepeak-voice-cloud",
                          opened=ago(int(n.rng.integers(200, 1500))), numbers=6,
                          npa=npa)  # fmt: skip
        n.lawful(lines)
        n.send(a(250), customer="bluepeak-voice-cloud", sub_account=client,
               callers=n.rotate(lines), callees=n.numbers(3000, npa), durations=n.live(150),
               answered=0.5, when=n.by_hour(OFFICE), unanswered=PEOPLE)  # fmt: skip
    heroes = n.account("fallen-heroes-holiday-fund", "charity donor outreach",
                       campaign=True, parent="bluepeak-voice-cloud", kyc=KycStatus.PENDING,
                       opened=ago(int(n.rng.integers(6, 14))), numbers=a(12),
                       email="fallenheroesfund@gmail.com")  # fmt: skip
    n.send(a(7000), customer="bluepeak-voice-cloud", sub_account="fallen-heroes-holiday-fund",
           callers=n.rotate(heroes), callees=n.numbers(150_000),
           durations=n.press_one(int(n.rng.integers(30, 45)), transfer=0.03,
                                 hang_ups=float(n.rng.uniform(0.45, 0.65)),
                                 agent_median_s=240),
           answered=float(n.rng.uniform(0.14, 0.22)), when=n.between(10, 20))  # fmt: skip

    dids = n.account("clearpath-holiday-funding", "customer notifications and appointment "
                     "setting", campaign=True, opened=ago(int(n.rng.integers(20, 35))),
                     numbers=a(350), ein="33-4410982",
                     email="ops@clearpathholidayfunding.com")  # fmt: skip
    more = n.numbers(a(150))
    n.grants.extend(NumberGrant(number, "clearpath-holiday-funding", since=FIRST
                                      + timedelta(days=1, hours=20), verified=True)
                    for number in more)  # fmt: skip
    debtors = n.numbers(250_000)
    loan = n.mix([
        (0.2, n.between_s(2, 5)),  # its answering-machine detection drops machines
        (0.8, n.press_one(int(n.rng.integers(22, 33)), transfer=0.05, hang_ups=0.6,
                          agent_median_s=500)),
    ])  # fmt: skip
    n.send([a(11_000), a(11_000), 0, 0], customer="clearpath-holiday-funding",
           callers=n.local_did(dids), callees=debtors, durations=loan,
           answered=float(n.rng.uniform(0.12, 0.18)), when=n.between(9, 20))  # fmt: skip
    n.send([0, 0, a(15_000), a(15_000)], customer="clearpath-holiday-funding",
           callers=n.local_did(dids + more), callees=debtors, durations=loan,
           answered=float(n.rng.uniform(0.12, 0.18)), when=n.between(9, 20))  # fmt: skip

    n.account("swiftdrop-notify", "delivery notifications", campaign=True,
              opened=ago(int(n.rng.integers(5, 14))), numbers=2, ein="87-1190443",
              email="support@swiftdrop-notify.com", ip_country="NL")  # fmt: skip
    n.send(a(9000), customer="swiftdrop-notify", callers=n.neighbour(),
           callees=n.numbers(200_000),
           durations=n.scam_press_one(int(n.rng.integers(20, 28)), machines=0.2, quits=0.55,
                                      press=0.05, agent_median_s=180),
           answered=float(n.rng.uniform(0.13, 0.2)), when=n.between(9, 19),
           attestation="B")  # fmt: skip

    pelican = "Pelican Bay Telecom"
    n.carrier(pelican, "Pelican Bay Telecom Inc.", opened=ago(150), campaign=True, filing=None)
    pelican_firms = n.numbers(300)
    n.lawful(pelican_firms)
    n.send(a(2500), upstream=pelican, callers=n.rotate(pelican_firms), durations=n.live(130),
           answered=0.42, when=n.by_hour(MIXED_DAY), attestation={"B": 0.5, None: 0.5},
           unanswered=PEOPLE)  # fmt: skip
    n.send(a(8000), upstream=pelican, callers=n.garbled(float(n.rng.uniform(0.03, 0.1))),
           callees=n.numbers(200_000),
           durations=n.scam_press_one(int(n.rng.integers(16, 30)), machines=0.3, quits=0.6,
                                      press=0.03, agent_median_s=600),
           answered=float(n.rng.uniform(0.07, 0.13)), when=n.between(13, 25), clock="utc",
           attestation={None: 0.7, "C": 0.3})  # fmt: skip

    deals = n.account("holiday-home-deals-direct", "customer notifications", campaign=True,
                      opened=ago(int(n.rng.integers(150, 260))), numbers=a(10),
                      ein="82-5512908")  # fmt: skip
    shoppers = n.numbers(120_000)
    n.consented_at("holiday-home-deals-direct", shoppers, n.dated(60, 700),
                   share=float(n.rng.uniform(0.0, 0.08)),
                   evidence="https://best-holiday-sweepstakes.net/entry/{index}")  # fmt: skip
    n.send(a(6000), customer="holiday-home-deals-direct", callers=n.rotate(deals),
           callees=shoppers, durations=n.message(int(n.rng.integers(25, 40)), spread=1,
                                                 hang_ups=0.55, voicemail=0.2),
           answered=float(n.rng.uniform(0.15, 0.25)), when=n.between(20, 22))  # fmt: skip

    # --- review -------------------------------------------------------------------------------
    telefund = n.account("heartline-telefunding", "telefunding for nonprofits: agents calling "
                         "past donors", opened=ago(365 * 9), numbers=a(30),
                         ein="41-1877325")  # fmt: skip
    n.review_only("customer", "heartline-telefunding")
    donors = n.numbers(90_000)
    n.consented_at("heartline-telefunding", donors, n.dated(60, 1500), share=0.4)
    n.send(a(8000), customer="heartline-telefunding", callers=n.rotate(telefund),
           callees=donors, durations=n.soundboard(), answered=float(n.rng.uniform(0.18, 0.26)),
           when=n.by_hour(PHONE_BANK))  # fmt: skip

    committee = n.account("american-renewal-action-fund", "political fundraising and voter "
                          "contact", opened=ago(365 * 3), numbers=a(4),
                          ein="84-3301276")  # fmt: skip
    n.review_only("customer", "american-renewal-action-fund")
    landlines = n.numbers(100_000)
    n.send([0, 0, a(6000), a(6000)], customer="american-renewal-action-fund",
           callers=n.rotate(committee), callees=landlines,
           durations=n.message(int(n.rng.integers(35, 46)), hang_ups=0.4, voicemail=0.35),
           answered=float(n.rng.uniform(0.2, 0.3)), when=n.between(17, 20.5))  # fmt: skip

    # --- lawful -------------------------------------------------------------------------------
    retailer = n.account("northstar-outfitters", "order confirmations and shipping notices to "
                         "our customers (recorded)", opened=ago(365 * 12), numbers=8,
                         ein="91-1180244", email="notify@northstaroutfitters.com")  # fmt: skip
    n.lawful(retailer)
    customers = n.numbers(250_000)
    n.consented_at("northstar-outfitters", customers, n.dated(0, 1200), share=0.96,
                   evidence="{holder}/checkout/{index}")  # fmt: skip
    order_notice = n.mix([
        (0.6, n.message(int(n.rng.integers(16, 22)), hang_ups=0.25, voicemail=0.3)),
        (0.25, n.message(int(n.rng.integers(24, 31)), hang_ups=0.25, voicemail=0.3)),
        (0.15, lambda count: 20 + n.live(120, 0.7)(count)),  # 0 pressed for an agent
    ])  # fmt: skip
    burst = a(45_000)
    n.send([burst, round(burst * n.rng.uniform(0.35, 0.5)), round(burst * 0.3),
            round(burst * 0.28)], customer="northstar-outfitters", callers=n.rotate(retailer),
           callees=customers, durations=order_notice, answered=0.52,
           when=n.by_hour(ORDERS))  # fmt: skip

    parcels = n.account("swiftparcel-logistics", "package delivery notifications",
                        opened=ago(365 * 15), numbers=6, ein="58-0921677")  # fmt: skip
    n.lawful(parcels)
    recipients = n.numbers(200_000)
    n.consented_at("swiftparcel-logistics", recipients, n.dated(1, 900), share=0.33)
    n.send(a(14_000), customer="swiftparcel-logistics", callers=n.rotate(parcels),
           callees=recipients, durations=n.delivery_window(int(n.rng.integers(20, 28))),
           answered=0.55, when=n.between(8, 20))  # fmt: skip

    bank = n.account("granite-trust-bank", "fraud alerts and account security calls to our "
                     "cardholders", opened=ago(365 * 30), numbers=20, ein="02-0311764")  # fmt: skip
    n.lawful(bank)
    cardholders = n.numbers(100_000)
    n.consented_at("granite-trust-bank", cardholders, n.dated(30, 4000))
    n.send(a(9000), customer="granite-trust-bank", callers=n.rotate(bank), callees=cardholders,
           durations=n.fraud_alert_ivr(), answered=0.55,
           when=n.by_hour(HOLIDAY_SPENDING))  # fmt: skip

    for charity, staff, giving in [("hope-harbor-childrens-fund", 60, 7000),
                                   ("wildlands-conservation-trust", 35, 4500)]:  # fmt: skip
        lines = n.account(charity, "Giving Tuesday phone bank: staff and volunteers calling "
                          "past donors (live)", opened=ago(365 * 20), numbers=a(staff),
                          ein=f"{n.rng.integers(10, 99)}-"
                              f"{n.rng.integers(1000000, 9999999)}")  # fmt: skip
        n.lawful(lines)
        past_donors = n.numbers(80_000)
        n.consented_at(charity, past_donors, n.dated(30, 3000), share=0.6)
        day = a(giving)
        n.send([round(day * 0.15), day, round(day * 0.2), round(day * 0.1)], customer=charity,
               callers=n.rotate(lines), callees=past_donors,
               durations=n.phone_bank(float(n.rng.uniform(80, 160))),
               answered=float(n.rng.uniform(0.15, 0.25)), when=n.by_hour(PHONE_BANK),
               unanswered=PEOPLE)  # fmt: skip

    pantry = n.account("tri-county-food-bank", "thank-you messages to our donors (recorded)",
                       opened=ago(365 * 25), numbers=2, npa=317, ein="35-1345290")  # fmt: skip
    n.lawful(pantry)
    givers = n.numbers(25_000, [317, 765, 812, 574])
    n.consented_at("tri-county-food-bank", givers, n.dated(1, 2000), share=0.97)
    n.send([0, a(4000), a(3000), 0], customer="tri-county-food-bank", callers=n.rotate(pantry),
           callees=givers, durations=n.message(int(n.rng.integers(35, 50)), hang_ups=0.3,
                                               voicemail=0.3),
           answered=0.5, when=n.between(17, 20))  # fmt: skip

    tickets = n.account("stagepass-tickets", "event reminders to ticket buyers (recorded)",
                        opened=ago(365 * 8), numbers=4, ein="95-4470031")  # fmt: skip
    n.lawful(tickets)
    buyers = n.numbers(90_000)
    n.consented_at("stagepass-tickets", buyers, n.dated(2, 90), share=0.98)
    n.send(a(5000), customer="stagepass-tickets", callers=n.rotate(tickets), callees=buyers,
           durations=n.mix([(0.85, n.message(int(n.rng.integers(22, 30)), hang_ups=0.3,
                                             voicemail=0.25)),
                            (0.15, n.between_s(30, 70))]),
           answered=0.5, when=n.between(10, 19))  # fmt: skip

    care = n.account("kidstreet-toys", "customer care callbacks (live agents)",
                     opened=ago(365 * 10), numbers=a(25), ein="22-3390178")  # fmt: skip
    n.lawful(care)
    askers = n.numbers(40_000)
    n.consented_at("kidstreet-toys", askers, n.dated(0, 5))
    n.send(a(4000), customer="kidstreet-toys", callers=n.rotate(care), callees=askers,
           durations=n.care_callback(), answered=0.6, when=n.between(9, 21),
           unanswered=PEOPLE)  # fmt: skip

    stores = n.account("bayside-pharmacy", "prescription refill reminders", opened=ago(365 * 18),
                       numbers=a(120), ein="94-2201553")  # fmt: skip
    n.lawful(stores)
    owner: dict[str, str] = {}
    for store in stores:
        for patient in n.numbers(300, int(store[2:5])):
            owner[patient] = store
    n.consented_at("bayside-pharmacy", list(owner), n.dated(30, 2500))
    n.send(a(9000), customer="bayside-pharmacy", callers=n.assigned(owner), callees=list(owner),
           durations=n.mix([(0.9, n.message(int(n.rng.integers(20, 30)), hang_ups=0.12,
                                            voicemail=0.3)),
                            (0.1, n.between_s(35, 80))]),
           answered=0.58, when=n.by_hour(STORE_HOURS))  # fmt: skip

    bpo = "peakseason-bpo"
    n.account(bpo, "seasonal contact centre: live outbound for retail and travel brands",
              opened=ago(365 * 7), ein="75-2915530")  # fmt: skip
    brands = int(n.rng.integers(5, 9))
    for brand in range(brands):
        lines = n.numbers(int(n.rng.integers(1, 3)))
        n.grants.extend(NumberGrant(number, bpo, since=ago(60), verified=True)
                        for number in lines)  # fmt: skip
        n.lawful(lines)
        book = n.numbers(30_000)
        n.consented_at(bpo, book, n.dated(10, 1500), share=0.92,
                       evidence=f"brand-{brand}/{{index}}")  # fmt: skip
        n.send(a(1600), customer=bpo, callers=n.rotate(lines), callees=book,
               durations=n.predictive_dialler(float(n.rng.uniform(120, 240))),
               answered=float(n.rng.uniform(0.22, 0.35)),
               when=n.between(9, 20.5))  # fmt: skip

    n.businesses(40, "smallbiz")
    return n
