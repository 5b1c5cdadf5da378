"""A vehicle-recall month at a Michigan carrier: the whole traffic of Wolverine Connect, a
Detroit-area CLEC and SIP provider whose customers are mostly in the motor trade (a
carmaker's customer-relations centre, dealer groups, a parts distributor, a fleet
telematics company, an auto lender, an insurer's claims centre, a towing dispatcher), a few
resellers with clients as sub-accounts, small businesses, and transit from a few upstream
carriers, over four UTC days, Tuesday 15 to Friday 18 April 2025 (daylight saving time in
force; Arizona and Hawaii keep standard time). Callees in every US time zone, mostly in
Michigan and Ohio; each sender keeps to its own hours, mostly on the callee's clock. Every
count, share, message length and pool size below is drawn per seed around the figure given.

On Monday 14 April the (fictional) carmaker Meridian Motors announced a safety recall of
410,000 crossovers (a seat-belt pretensioner that can ignite); its customer-relations centre
starts calling owners on Tuesday. The news is also what the recall impersonators ride on.

The rules. An artificial or prerecorded voice call to a wireless number needs the callee's
prior express consent, written if it is telemarketing (47 USC 227(b)(1)(A)(iii), 47 CFR
64.1200(a)(1)-(2)); to a residential line too (64.1200(a)(3)); an AI-generated voice is an
"artificial voice" (FCC Declaratory Ruling FCC 24-17, February 2024); telephone
solicitations keep to 8 am-9 pm at the callee's location (64.1200(c)(1)) and respect the
national do-not-call registry (64.1200(c)(2)); live calls need no consent. Spoofing caller
ID to defraud is unlawful (227(e)); the provider blocks its DNO list's numbers and invalid
numbers (64.1200(k)); it may not accept traffic from a provider absent from the RMD
(64.6305(g)).

Campaigns (each must reach ``high`` at the narrowest responsible source):

- ``Ironbridge Wholesale Voice`` (upstream, RMD-filed least-cost-routing wholesaler, partial
  STIR/SHAKEN): beside its customers' ordinary calls, the classic "we've been trying to
  reach you about your car's extended warranty, press 1" robocall (the 2022 Cox/Jones
  operation's shape): a 30-40 s recording from a pool of several hundred DIDs that turns
  over by a third each day, unsigned, B or C, to purchased vehicle-owner lists nationwide,
  9:30 am-7:30 pm local; voicemail boxes record it, most humans hang up, a few press 1
  for a closer.
- ``vehicle-safety-notice-center`` (customer, opened under two weeks ago, KYC pending,
  webmail): a fake "urgent recall notice" impersonating Meridian Motors' recall line,
  presenting Meridian's published inbound recall hotlines (on the DNO list) on some calls
  and an invented number on the rest (signed B), press 1 for a "recall specialist" who sells
  a vehicle service contract and takes card details.
- ``autorate-refi-direct`` (sub-account of the reseller ``lakeside-cloud-voice``, opened
  under three weeks ago, KYC pending): an auto-loan refinance robocall ("lower your car
  payment by $150 a month, press 1") from a dozen granted numbers, in lawful hours, to a
  bought list with next to no consent records.
- ``coverage-alert-services`` (customer, opened a month ago): a "your car insurance has
  lapsed, press 1 to reinstate" recording presenting, for most calls, an invented number in
  the callee's own NPA-NXX (for the rest one in the callee's area code), none granted,
  signed B.
- ``Pinnacle Gateway Telecom`` (upstream, a VoIP wholesaler interconnected four months ago,
  absent from the RMD): a little ordinary traffic and a vehicle-warranty robocall, invented
  and a few invalid caller IDs, unsigned or C. 64.6305(g) whatever the calls.
- ``apex-conquest-marketing`` (customer, a dealer group's marketing sub-contractor, months
  old): "conquest" robocalls to a purchased list of other brands' owners ("trade in your
  Silverado for a new ..."), prerecorded telemarketing without consent, 8-9:30 pm in the
  callee's time zone, past the calling hours for its last half hour.

For review (grey; reported at least ``medium``):

- ``lakeshore-motors-ai-service`` (customer, a dealership's account for its AI voice agent):
  calls lapsed service customers to book a visit with a discount (telemarketing, in an
  artificial voice per FCC 24-17); the numbers come from its service records, a written
  consent (service agreement) on file for 45-70% of them. Conversational, not a fixed message.
- ``autoguard-protection-plans`` (customer, an extended-warranty seller, 3 years): live
  agents behind a predictive dialler working a purchased list of vehicle owners. Live calls
  need no consent; whether the list was scrubbed against the do-not-call registry
  (64.1200(c)(2)) the carrier cannot see.

Lawful senders (none may reach ``high``):

- ``meridian-motors-customer-relations``: the carmaker's recorded safety-recall notices to
  registered owners, a burst from Tuesday (the day after the announcement) tapering over the
  week, beside its routine notices of older recalls. The owners' numbers are those they
  gave Meridian or its dealers with the vehicle (warranty registration, service records);
  only those who used its owner portal have consent records in the carrier's lists. A
  number the callee gave in connection with the matter is prior express consent to be
  called about it (TCPA Order, 7 FCC Rcd 8752 (1992), para. 31; ACA International
  Declaratory Ruling, 23 FCC Rcd 559 (2008)); not telemarketing.
- ``great-lakes-auto-group`` and ``buckeye-motor-group``: dealer groups' recorded
  service-due reminders from each rooftop's number to its own service customers (consent
  records), and BDC agents' live calls to service customers.
- ``wolverine-auto-finance``: an auto lender's recorded payment reminders to its borrowers
  (consent from the retail instalment contract) and live collections calls, 8 am-9 pm local.
- ``lakeshore-mutual-claims``: an insurer's claims centre's adjusters calling back
  policyholders who filed claims after Tuesday night's hailstorm in south-east Michigan and
  northern Ohio (live).
- ``fleetsense-telematics``: automated alerts (engine fault, geofence, harsh braking) to
  fleet managers who signed up for them, around the clock with the fleets' driving.
- ``midwest-parts-supply``: a parts distributor's order-status IVR callbacks to the repair
  shops that ordered (business lines).
- ``motor-city-towing``: a towing dispatcher's live calls to motorists who called for a tow
  and to its drivers, around the clock.
- ``lakeside-cloud-voice`` (reseller) and its lawful clients (a body shop, a used-car lot,
  an auto-glass shop's recorded appointment confirmations), and ``garage-*`` small
  businesses: office phones.
- ``Great Lakes Fiber Exchange`` (upstream, RMD-filed, full STIR/SHAKEN): enterprises' and
  the public's calls, mostly A-attested, with a school district's consented notices.

Campaign caller IDs are not labelled: each campaign is judged at the source that carries it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import ClassVar

import numpy as np

from callwarden.customers import ConsentType, CustomerKind, KycStatus, NumberGrant
from callwarden.lists import DnoEntry
from tests.traffic.blind_shapes import PEOPLE, START, Callers
from tests.traffic.holiday_shapes import HolidayNetwork
from tests.traffic.unseen_shapes import EXCHANGES, Durations

#: Tuesday 15 April 2025, the day after the recall was announced
FIRST = datetime(2025, 4, 15, tzinfo=UTC)
MOTOR_DAYS = 4

_DETROIT = "America/Detroit"
_NY = "America/New_York"
#: area code: (time zone, weight among the network's callees)
AREAS: dict[int, tuple[str, float]] = {
    # Michigan
    313: (_DETROIT, 6), 248: (_DETROIT, 6), 586: (_DETROIT, 5), 734: (_DETROIT, 4),
    947: (_DETROIT, 2), 810: (_DETROIT, 2), 517: (_DETROIT, 2), 616: (_DETROIT, 3),
    269: (_DETROIT, 2), 989: (_DETROIT, 2), 231: (_DETROIT, 1), 906: (_DETROIT, 0.5),
    # Ohio
    216: (_NY, 3), 440: (_NY, 2), 330: (_NY, 2), 419: (_NY, 2.5), 567: (_NY, 1),
    614: (_NY, 3), 513: (_NY, 2), 937: (_NY, 1.5), 740: (_NY, 1),
    # the rest of the East
    317: ("America/Indiana/Indianapolis", 1), 260: ("America/Indiana/Indianapolis", 0.5),
    412: (_NY, 1), 215: (_NY, 1), 212: (_NY, 1), 718: (_NY, 1), 617: (_NY, 0.7),
    202: (_NY, 0.5), 410: (_NY, 0.6), 704: (_NY, 0.7), 404: (_NY, 1), 305: (_NY, 0.8),
    407: (_NY, 0.7), 813: (_NY, 0.7), 502: (_NY, 0.5), 304: (_NY, 0.4),
    # Central
    312: ("America/Chicago", 1), 773: ("America/Chicago", 0.8),
    214: ("America/Chicago", 1), 713: ("America/Chicago", 1), 512: ("America/Chicago", 0.5),
    210: ("America/Chicago", 0.5), 615: ("America/Chicago", 0.6),
    314: ("America/Chicago", 0.6), 612: ("America/Chicago", 0.6),
    414: ("America/Chicago", 0.6), 316: ("America/Chicago", 0.3),
    # Mountain, and Arizona
    303: ("America/Denver", 0.6), 801: ("America/Denver", 0.4), 505: ("America/Denver", 0.2),
    602: ("America/Phoenix", 0.6), 480: ("America/Phoenix", 0.4),
    # Pacific, Alaska and Hawaii
    213: ("America/Los_Angeles", 0.8), 310: ("America/Los_Angeles", 0.6),
    415: ("America/Los_Angeles", 0.4), 408: ("America/Los_Angeles", 0.4),
    206: ("America/Los_Angeles", 0.5), 503: ("America/Los_Angeles", 0.4),
    702: ("America/Los_Angeles", 0.4), 907: ("America/Anchorage", 0.15),
    808: ("Pacific/Honolulu", 0.2),
}  # fmt: skip
_CODES = np.array(list(AREAS))
_WEIGHTS = np.array([weight for _, weight in AREAS.values()], dtype=float)
_WEIGHTS /= _WEIGHTS.sum()
ZONES = {npa: zone for npa, (zone, _) in AREAS.items()}
MICHIGAN = [313, 248, 586, 734, 947, 810, 517, 616, 269, 989, 231, 906]
METRO_DETROIT = [313, 248, 586, 734, 947]
OHIO = [216, 440, 330, 419, 567, 614, 513, 937, 740]
#: where a purchased national vehicle-owner list's numbers are (every area code alike)
NATIONAL = [int(code) for code in _CODES]

#: Meridian Motors' published recall hotlines (inbound only; on the provider's DNO list)
RECALL_HOTLINES = ["+18664917325", "+18883126540", "+18002694417"]

#: an office's day
OFFICE = {8: 0.6, 9: 1.0, 10: 1.1, 11: 1.1, 12: 0.7, 13: 0.9, 14: 1.0, 15: 1.0, 16: 0.9,
          17: 0.5}  # fmt: skip
#: a service department's BDC: mornings and after work
BDC_HOURS = {9: 0.9, 10: 1.1, 11: 1.1, 12: 0.8, 13: 0.9, 14: 1.0, 15: 1.1, 16: 1.2, 17: 1.2,
             18: 0.9, 19: 0.5}  # fmt: skip
#: commercial fleets on the road, by the fleet manager's hour
FLEET_DRIVING = {0: 0.15, 1: 0.1, 2: 0.1, 3: 0.15, 4: 0.35, 5: 0.7, 6: 1.0, 7: 1.2, 8: 1.2,
                 9: 1.1, 10: 1.1, 11: 1.1, 12: 1.0, 13: 1.1, 14: 1.1, 15: 1.1, 16: 1.0,
                 17: 0.8, 18: 0.6, 19: 0.45, 20: 0.35, 21: 0.3, 22: 0.25, 23: 0.2}  # fmt: skip
#: breakdowns and crashes by the motorist's hour (tows around the clock)
TOWS = {0: 0.5, 1: 0.5, 2: 0.45, 3: 0.3, 4: 0.3, 5: 0.5, 6: 0.9, 7: 1.3, 8: 1.2, 9: 1.0,
        10: 0.9, 11: 0.9, 12: 1.0, 13: 1.0, 14: 1.1, 15: 1.3, 16: 1.5, 17: 1.5, 18: 1.2,
        19: 1.0, 20: 0.9, 21: 0.8, 22: 0.7, 23: 0.6}  # fmt: skip
#: wholesale carriers' ordinary calls: business by day, people in the evening
MIXED_DAY = {7: 0.4, 8: 0.8, 9: 1.1, 10: 1.2, 11: 1.2, 12: 1.0, 13: 1.1, 14: 1.1, 15: 1.1,
             16: 1.0, 17: 0.9, 18: 0.8, 19: 0.7, 20: 0.6, 21: 0.4, 22: 0.2}  # fmt: skip


def ago(days: float) -> datetime:
    """``days`` before the first day."""
    return FIRST - timedelta(days=days)


@dataclass
class MotorNetwork(HolidayNetwork):
    """A :class:`HolidayNetwork` moved to the four UTC days from :data:`FIRST`, its callees
    mostly in Michigan and Ohio (:data:`AREAS`)."""

    id_prefix: ClassVar[str] = "i"
    days: ClassVar[int] = MOTOR_DAYS
    start_s: ClassVar[float] = (FIRST - START).total_seconds()

    first_day = FIRST
    zones = ZONES
    area_codes = _CODES
    area_weights = _WEIGHTS
    rmd_filed_days = 180

    # --- which number a call presents ---------------------------------------------------------
    def turning_pool(self, size: int, kept: float, npa: Sequence[int] | None = None) -> Callers:
        """A pool of ``size`` DIDs rotated call by call; each day ``kept`` of the day
        before's stay and the rest are replaced by fresh ones (numbers burnt by complaints
        and call labelling)."""
        pools: dict[int, list[str]] = {}

        def callers(called: list[str], day: int) -> list[str]:
            if day not in pools:
                before = pools.get(day - 1)
                if before is None:
                    pools[day] = self.numbers(size, npa)
                else:
                    stay = [number for number in before if self.rng.random() < kept]
                    pools[day] = stay + self.numbers(size - len(stay), npa)
            pool = pools[day]
            return [pool[i] for i in self.rng.integers(0, len(pool), len(called))]

        return callers

    def near_neighbour(self, exchange_share: float) -> Callers:
        """An invented number in the callee's own NPA-NXX for ``exchange_share`` of the
        calls, in the callee's area code (any exchange) for the rest."""

        def callers(called: list[str], _day: int) -> list[str]:
            lines = self.rng.integers(0, 10_000, len(called))
            same = self.rng.random(len(called)) < exchange_share
            exchanges = self.rng.choice(EXCHANGES, len(called))
            out = []
            for callee, line, own, nxx in zip(called, lines, same, exchanges, strict=True):
                head = callee[:8] if own else f"{callee[:5]}{nxx}"
                out.append(f"{head}{line:04d}")
            return out

        return callers

    # --- how answered calls last --------------------------------------------------------------
    def recall_notice(self, message_s: int) -> Durations:
        """A carmaker's recall notice: most hear it out (it repeats the VIN's last digits, so
        a few seconds' spread), some hang up once they know what it is, voicemail boxes
        record it after their greeting, and some press 1 to be put through to a dealer's
        scheduler (a wait, then a conversation)."""
        return self.mix([
            (0.48, self.between_s(message_s - 3, message_s + 4)),
            (0.17, self.between_s(4, message_s - 5)),
            (0.25, self.message(message_s, spread=3, hang_ups=0.0, voicemail=1.0,
                                greeting=(7, 24))),
            (0.10, lambda count: (message_s + self.rng.integers(10, 90, count)
                                  + self.live(200, 0.7)(count))),
        ])  # fmt: skip

    def payment_reminder(self, message_s: int) -> Durations:
        """A lender's text-to-speech reminder with the borrower's name, amount and due date
        (+-4 s): heard out, hung up in, recorded by voicemail, or 1 pressed to pay by phone
        (an IVR payment of a minute or two)."""
        return self.mix([
            (0.45, self.message(message_s, spread=4, hang_ups=0.3)),
            (0.35, self.message(message_s, spread=4, hang_ups=0.0, voicemail=1.0,
                                greeting=(7, 24))),
            (0.20, lambda count: message_s + self.rng.integers(40, 180, count)),
        ])  # fmt: skip

    def fleet_alert(self) -> Durations:
        """A telematics alert read by text-to-speech (vehicle, event, place: 12-22 s), 1
        pressed to acknowledge, or a voicemail box."""
        return self.mix([
            (0.45, self.between_s(12, 22)),
            (0.35, self.between_s(6, 14)),
            (0.20, lambda count: self.rng.integers(7, 24, count) + self.rng.integers(12, 23,
                                                                                     count)),
        ])  # fmt: skip

    def order_status(self, message_s: int) -> Durations:
        """A parts distributor's order-status IVR: heard out, 2 pressed for the counter,
        hung up in, or left on a shop's voicemail."""
        return self.mix([
            (0.55, self.between_s(message_s - 2, message_s + 6)),
            (0.15, lambda count: message_s + self.live(120, 0.7)(count)),
            (0.18, self.between_s(2, 10)),
            (0.12, self.message(message_s, spread=2, hang_ups=0.0, voicemail=1.0,
                                greeting=(5, 18))),
        ])  # fmt: skip

    def bdc_call(self) -> Durations:
        """A BDC agent's call: quick no-thanks, a short live voicemail, a conversation."""
        return self.mix([
            (0.15, self.between_s(2, 9)),
            (0.3, lambda count: self.rng.integers(7, 24, count) + self.rng.integers(12, 40,
                                                                                    count)),
            (0.55, self.live(140, 0.8)),
        ])  # fmt: skip

    def ai_agent(self) -> Durations:
        """An AI voice agent: a greeting many hang up in, a voicemail it composes for each
        customer (22-40 s after the greeting), conversations of a minute or two."""
        return self.mix([
            (0.28, self.between_s(2, 11)),
            (0.27, lambda count: self.rng.integers(7, 24, count) + self.rng.integers(22, 41,
                                                                                     count)),
            (0.45, lambda count: 6 + self.live(75, 0.75)(count)),
        ])  # fmt: skip

    def live_dialler(self, talk_median_s: float) -> Durations:
        """Live agents behind a predictive dialler: live talk (median ``talk_median_s``),
        machines it detects and drops, a short live voicemail the agent leaves after the
        greeting, and a few calls abandoned with the identification message 64.1200(a)(7)
        requires (2 s, then 9 s of it)."""
        return self.mix([
            (0.56, self.live(talk_median_s)),
            (0.26, self.between_s(2, 5)),  # a machine, dropped
            (0.15, lambda count: self.rng.integers(8, 26, count) + self.rng.integers(12, 41,
                                                                                     count)),
            (0.03, self.between_s(10, 12)),  # abandoned: the 2 s + 9 s identification message
        ])  # fmt: skip

    def sales_pitch(self, pitch: int, *, machines: float, quits: float, press: float) -> Durations:
        """A marketer's recorded pitch: voicemail boxes record it, humans hang up in it,
        press 1 for a salesperson, or hear it out."""
        return self.scam_press_one(pitch, machines=machines, quits=quits, press=press,
                                   agent_median_s=300)  # fmt: skip


def build(seed: int, volume: float = 1.0) -> MotorNetwork:
    """The network of the module docstring; ``volume`` scales every sender's calls."""
    n = MotorNetwork(seed, volume)
    a = n.around
    n.dno.extend(DnoEntry(number, "inbound only (Meridian Motors recall hotline)")
                 for number in RECALL_HOTLINES)  # fmt: skip
    n.dno.extend(DnoEntry(number, "government inbound-only line (ITG DNO list)")
                 for number in ["+18007721213", "+18003250778", "+18008291040"])  # fmt: skip
    n.dno.extend(DnoEntry(number, "inbound only (customer service)") for number in n.numbers(300))

    # --- the upstream carriers ---------------------------------------------------------------
    fiber = "Great Lakes Fiber Exchange"
    n.carrier(fiber, "Great Lakes Fiber Exchange, Inc.", opened=ago(365 * 11), campaign=False,
              filing=("0019244563", "Complete STIR/SHAKEN Implementation"))  # fmt: skip
    firms = n.numbers(a(1400))
    n.lawful(firms)
    n.send(a(18_000), upstream=fiber, callers=n.rotate(firms), durations=n.live(170),
           answered=0.45, when=n.by_hour(MIXED_DAY),
           attestation={"A": 0.8, "B": 0.13, None: 0.07}, unanswered=PEOPLE)  # fmt: skip
    n.send(a(5000), upstream=fiber, callers=n.fresh(), durations=n.live(230), answered=0.5,
           when=n.by_hour(MIXED_DAY), attestation={"A": 0.55, "B": 0.25, None: 0.2},
           unanswered=PEOPLE)  # fmt: skip
    school = n.numbers(2, 419)
    families = n.numbers(18_000, [419, 567])
    n.send([a(2200), 0, 0, a(2200)], upstream=fiber, callers=n.rotate(school),
           callees=families, durations=n.message(int(n.rng.integers(18, 30)), hang_ups=0.15,
                                                 voicemail=0.25),
           answered=0.6, when=n.between(16, 18), attestation="A")  # fmt: skip
    n.lawful(school)

    # --- campaigns ----------------------------------------------------------------------------
    ironbridge = "Ironbridge Wholesale Voice"
    n.carrier(ironbridge, "Ironbridge Wholesale Voice LLC", opened=ago(365 * 3), campaign=True,
              filing=("0031187620", "Partial STIR/SHAKEN Implementation"))  # fmt: skip
    ironbridge_firms = n.numbers(a(1000))
    n.lawful(ironbridge_firms)
    n.send(a(8000), upstream=ironbridge, callers=n.rotate(ironbridge_firms),
           durations=n.live(140), answered=0.43, when=n.by_hour(MIXED_DAY),
           attestation={"A": 0.35, "B": 0.4, None: 0.25}, unanswered=PEOPLE)  # fmt: skip
    owners_list = n.numbers(400_000, NATIONAL)
    n.send(a(16_000), upstream=ironbridge,
           callers=n.turning_pool(a(650), float(n.rng.uniform(0.55, 0.8)), NATIONAL),
           callees=owners_list,
           durations=n.scam_press_one(int(n.rng.integers(30, 41)), machines=0.28, quits=0.55,
                                      press=0.03, agent_median_s=540),
           answered=float(n.rng.uniform(0.09, 0.15)), when=n.between(9.5, 19.5),
           attestation={None: 0.45, "C": 0.35, "B": 0.2})  # fmt: skip

    n.account("vehicle-safety-notice-center", "customer notifications", campaign=True,
              opened=ago(int(n.rng.integers(4, 13))), kyc=KycStatus.PENDING, numbers=4,
              email="vsnc.notices@gmail.com", ip_country="US")  # fmt: skip
    n.send(a(9000), customer="vehicle-safety-notice-center",
           callers=n.invented(float(n.rng.uniform(0.25, 0.6)), RECALL_HOTLINES),
           callees=n.numbers(250_000),
           durations=n.scam_press_one(int(n.rng.integers(22, 32)), machines=0.25, quits=0.5,
                                      press=0.05, agent_median_s=420),
           answered=float(n.rng.uniform(0.15, 0.22)), when=n.between(10, 20),
           attestation="B")  # fmt: skip

    n.account("lakeside-cloud-voice", "CPaaS reseller: SIP trunks and voice API for small "
              "business", kind=CustomerKind.RESELLER, opened=ago(365 * 5), ein="38-3991024",
              email="noc@lakesidecloudvoice.com")  # fmt: skip
    glass = n.account("tri-county-auto-glass", "appointment confirmations (recorded)",
                      parent="lakeside-cloud-voice", opened=ago(1100), numbers=2,
                      npa=586)  # fmt: skip
    n.lawful(glass)
    glass_customers = n.numbers(8000, METRO_DETROIT)
    n.consented_at("tri-county-auto-glass", glass_customers, n.dated(1, 30), share=0.97)
    n.send(a(500), customer="lakeside-cloud-voice", sub_account="tri-county-auto-glass",
           callers=n.rotate(glass), callees=glass_customers,
           durations=n.confirmation_ivr(int(n.rng.integers(20, 28))), answered=0.6,
           when=n.between(9, 18))  # fmt: skip
    for client, npa, use in [("eastside-collision", [313, 586], "office phones"),
                             ("woodward-used-cars", [248, 313],
                              "salespeople's phones")]:  # fmt: skip
        lines = n.account(client, use, parent="lakeside-cloud-voice",
                          opened=ago(int(n.rng.integers(200, 2000))),
                          numbers=int(n.rng.integers(3, 9)), npa=npa)  # fmt: skip
        n.lawful(lines)
        n.send(a(250), customer="lakeside-cloud-voice", sub_account=client,
               callers=n.rotate(lines), callees=n.numbers(3000, npa), durations=n.live(150),
               answered=0.5, when=n.by_hour(OFFICE), unanswered=PEOPLE)  # fmt: skip
    refi = n.account("autorate-refi-direct", "loan customer outreach", campaign=True,
                     parent="lakeside-cloud-voice", kyc=KycStatus.PENDING,
                     opened=ago(int(n.rng.integers(8, 20))), numbers=a(12),
                     email="autorate.refi@outlook.com")  # fmt: skip
    borrowers_list = n.numbers(160_000)
    n.consented_at("autorate-refi-direct", borrowers_list, n.dated(20, 400),
                   share=float(n.rng.uniform(0.0, 0.05)),
                   evidence="https://lowercarpayments-quote.net/lead/{index}")  # fmt: skip
    n.send(a(6000), customer="lakeside-cloud-voice", sub_account="autorate-refi-direct",
           callers=n.rotate(refi), callees=borrowers_list,
           durations=n.sales_pitch(int(n.rng.integers(30, 41)), machines=0.25, quits=0.55,
                                   press=0.04),
           answered=float(n.rng.uniform(0.14, 0.2)), when=n.between(9, 19))  # fmt: skip

    n.account("coverage-alert-services", "policy notifications", campaign=True,
              opened=ago(int(n.rng.integers(20, 40))), numbers=2, ein="99-2210387",
              email="info@coveragealertservices.com")  # fmt: skip
    n.send(a(9000), customer="coverage-alert-services",
           callers=n.near_neighbour(float(n.rng.uniform(0.65, 0.85))),
           callees=n.numbers(220_000),
           durations=n.scam_press_one(int(n.rng.integers(18, 27)), machines=0.22, quits=0.55,
                                      press=0.04, agent_median_s=300),
           answered=float(n.rng.uniform(0.12, 0.2)), when=n.between(10, 19.5),
           attestation="B")  # fmt: skip

    pinnacle = "Pinnacle Gateway Telecom"
    n.carrier(pinnacle, "Pinnacle Gateway Telecom Corp.", opened=ago(120), campaign=True,
              filing=None)  # fmt: skip
    pinnacle_firms = n.numbers(250)
    n.lawful(pinnacle_firms)
    n.send(a(2000), upstream=pinnacle, callers=n.rotate(pinnacle_firms), durations=n.live(130),
           answered=0.42, when=n.by_hour(MIXED_DAY), attestation={"B": 0.5, None: 0.5},
           unanswered=PEOPLE)  # fmt: skip
    n.send(a(7000), upstream=pinnacle, callers=n.garbled(float(n.rng.uniform(0.02, 0.06))),
           callees=n.numbers(250_000, NATIONAL),
           durations=n.scam_press_one(int(n.rng.integers(24, 38)), machines=0.3, quits=0.6,
                                      press=0.03, agent_median_s=480),
           answered=float(n.rng.uniform(0.08, 0.13)), when=n.between(13, 25), clock="utc",
           attestation={None: 0.65, "C": 0.35})  # fmt: skip

    conquest = n.account("apex-conquest-marketing", "automotive marketing services for "
                         "dealerships", campaign=True, opened=ago(int(n.rng.integers(150, 300))),
                         numbers=a(8), npa=METRO_DETROIT, ein="38-4472190")  # fmt: skip
    other_brands = n.numbers(140_000)
    n.consented_at("apex-conquest-marketing", other_brands, n.dated(60, 900),
                   share=float(n.rng.uniform(0.0, 0.04)),
                   evidence="https://win-a-truck-sweepstakes.com/entry/{index}")  # fmt: skip
    n.send(a(6000), customer="apex-conquest-marketing", callers=n.rotate(conquest),
           callees=other_brands,
           durations=n.sales_pitch(int(n.rng.integers(30, 46)), machines=0.25, quits=0.5,
                                   press=0.03),
           answered=float(n.rng.uniform(0.2, 0.3)), when=n.between(20, 21.5))  # fmt: skip

    # --- review -------------------------------------------------------------------------------
    ai = n.account("lakeshore-motors-ai-service", "AI voice agent: service reminders and "
                   "appointment booking for our dealership",
                   opened=ago(int(n.rng.integers(60, 200))),
                   numbers=a(6), npa=[248, 586], ein="38-2260451",
                   email="service@lakeshoremotors.com")  # fmt: skip
    n.review_only("customer", "lakeshore-motors-ai-service")
    lapsed = n.numbers(40_000, MICHIGAN)
    n.consented_at("lakeshore-motors-ai-service", lapsed, n.dated(200, 2000),
                   kind=ConsentType.PRIOR_EXPRESS_WRITTEN, share=float(n.rng.uniform(0.45, 0.7)),
                   evidence="{holder}/service-agreement/{index}")  # fmt: skip
    n.send(a(2500), customer="lakeshore-motors-ai-service", callers=n.rotate(ai),
           callees=lapsed, durations=n.ai_agent(), answered=float(n.rng.uniform(0.25, 0.35)),
           when=n.between(9, 19))  # fmt: skip

    plans = n.account("autoguard-protection-plans", "vehicle service contract sales (live "
                      "agents)", opened=ago(365 * 3), numbers=a(40), ein="86-3120775",
                      email="compliance@autoguardplans.com")  # fmt: skip
    n.review_only("customer", "autoguard-protection-plans")
    n.send(a(7000), customer="autoguard-protection-plans", callers=n.rotate(plans),
           callees=n.numbers(180_000, NATIONAL),
           durations=n.live_dialler(float(n.rng.uniform(120, 220))),
           answered=float(n.rng.uniform(0.18, 0.28)), when=n.between(9, 20.5))  # fmt: skip

    # --- lawful -------------------------------------------------------------------------------
    meridian = n.account("meridian-motors-customer-relations", "vehicle safety recall notices "
                         "and owner communications (recorded)", opened=ago(365 * 14),
                         numbers=6, npa=[313, 248], ein="38-0572515",
                         email="recalls@meridianmotors.com")  # fmt: skip
    n.lawful(meridian)
    registered = n.numbers(320_000)
    n.consented_at("meridian-motors-customer-relations", registered, n.dated(30, 2500),
                   share=float(n.rng.uniform(0.3, 0.5)),
                   evidence="{holder}/owner-portal/{index}")  # fmt: skip
    burst = a(60_000)
    n.send([burst, round(burst * n.rng.uniform(0.6, 0.8)), round(burst * n.rng.uniform(0.3, 0.45)),
            round(burst * n.rng.uniform(0.15, 0.25))],
           customer="meridian-motors-customer-relations", callers=n.rotate(meridian),
           callees=registered, durations=n.recall_notice(int(n.rng.integers(48, 64))),
           answered=float(n.rng.uniform(0.45, 0.55)), when=n.between(9, 20))  # fmt: skip
    n.send(a(2500), customer="meridian-motors-customer-relations", callers=n.rotate(meridian),
           callees=registered, durations=n.recall_notice(int(n.rng.integers(38, 47))),
           answered=0.5, when=n.between(10, 18))  # fmt: skip

    for group, home, rooftops in [("great-lakes-auto-group", MICHIGAN, 12),
                                  ("buckeye-motor-group", OHIO, 8)]:  # fmt: skip
        stores = n.account(group, "service reminders (recorded) and BDC calls to our service "
                           "customers", opened=ago(365 * int(n.rng.integers(8, 30))),
                           numbers=a(rooftops), npa=home,
                           ein=f"{n.rng.integers(31, 39)}-"
                               f"{n.rng.integers(1000000, 9999999)}")  # fmt: skip
        bdc = n.numbers(a(25), home)
        n.grants.extend(NumberGrant(number, group, since=ago(400), verified=True) for number in bdc)
        n.lawful(stores + bdc)
        owner: dict[str, str] = {}
        for store in stores:
            for customer in n.numbers(1500, int(store[2:5])):
                owner[customer] = store
        served = list(owner)
        n.consented_at(group, served, n.dated(30, 2500), share=0.94)
        n.send(a(rooftops * 400), customer=group, callers=n.assigned(owner), callees=served,
               durations=n.confirmation_ivr(int(n.rng.integers(22, 34))), answered=0.58,
               when=n.between(9, 18))  # fmt: skip
        n.send(a(rooftops * 300), customer=group, callers=n.rotate(bdc), callees=served,
               durations=n.bdc_call(), answered=float(n.rng.uniform(0.3, 0.4)),
               when=n.by_hour(BDC_HOURS), unanswered=PEOPLE)  # fmt: skip

    lender = n.account("wolverine-auto-finance", "payment reminders (recorded) and collections "
                       "calls to our borrowers", opened=ago(365 * 20), numbers=a(60),
                       ein="38-1874426", email="servicing@wolverineautofinance.com")  # fmt: skip
    n.lawful(lender)
    loans = n.numbers(120_000)
    n.consented_at("wolverine-auto-finance", loans, n.dated(30, 2200), share=0.97,
                   evidence="{holder}/contract/{index}")  # fmt: skip
    reminders = lender[:4]
    n.send(a(6000), customer="wolverine-auto-finance", callers=n.rotate(reminders),
           callees=loans, durations=n.payment_reminder(int(n.rng.integers(24, 34))),
           answered=0.5, when=n.between(9, 20))  # fmt: skip
    n.send(a(11_000), customer="wolverine-auto-finance", callers=n.rotate(lender[4:]),
           callees=loans, durations=n.live_dialler(float(n.rng.uniform(150, 240))),
           answered=float(n.rng.uniform(0.22, 0.32)), when=n.between(8, 21))  # fmt: skip

    adjusters = n.account("lakeshore-mutual-claims", "claims centre: adjusters calling "
                          "claimants", opened=ago(365 * 25), numbers=a(90), npa=[248, 734],
                          ein="38-0912233")  # fmt: skip
    n.lawful(adjusters)
    hail = n.numbers(60_000, [734, 313, 248, 586, 419, 567, 440, 216])
    n.consented_at("lakeshore-mutual-claims", hail, n.dated(0, 3), share=0.9,
                   evidence="{holder}/claim/{index}")  # fmt: skip
    n.send([a(600), a(9000), a(8000), a(6000)], customer="lakeshore-mutual-claims",
           callers=n.rotate(adjusters), callees=hail, durations=n.care_callback(),
           answered=0.55, when=n.between(8, 20), unanswered=PEOPLE)  # fmt: skip

    telematics = n.account("fleetsense-telematics", "automated vehicle alerts to fleet managers "
                           "who subscribe", opened=ago(365 * 6), numbers=3, npa=248,
                           ein="47-1192003")  # fmt: skip
    n.lawful(telematics)
    managers = n.numbers(a(5000))
    n.consented_at("fleetsense-telematics", managers, n.dated(10, 1500),
                   evidence="{holder}/subscription/{index}")  # fmt: skip
    n.send(a(8000), customer="fleetsense-telematics", callers=n.rotate(telematics),
           callees=managers, durations=n.fleet_alert(), answered=0.7,
           when=n.by_hour(FLEET_DRIVING))  # fmt: skip

    parts = n.account("midwest-parts-supply", "order-status callbacks to our trade customers",
                      opened=ago(365 * 17), numbers=3, npa=734, ein="38-2209817")  # fmt: skip
    n.lawful(parts)
    shops = n.numbers(9000, MICHIGAN + OHIO)
    n.consented_at("midwest-parts-supply", shops, n.dated(30, 3000), share=0.8)
    n.send(a(3000), customer="midwest-parts-supply", callers=n.rotate(parts), callees=shops,
           durations=n.order_status(int(n.rng.integers(16, 26))), answered=0.75,
           when=n.between(7.5, 17.5))  # fmt: skip

    tow = n.account("motor-city-towing", "towing dispatch", opened=ago(365 * 9), numbers=4,
                    npa=313, ein="38-3350014")  # fmt: skip
    n.lawful(tow)
    motorists = n.numbers(a(4000), METRO_DETROIT)
    n.consented_at("motor-city-towing", motorists, n.dated(0, 2), share=0.5)
    n.send(a(900), customer="motor-city-towing", callers=n.rotate(tow), callees=motorists,
           durations=n.live(70, 0.8), answered=0.7, when=n.by_hour(TOWS),
           unanswered=PEOPLE)  # fmt: skip

    # repair shops, detailers, a tyre shop: the motor trade's small businesses
    n.businesses(30, "garage", towns=MICHIGAN + OHIO, oldest_days=5000, most_calls=200,
                 talk_median_s=150)  # fmt: skip
    return n
