"""A small network: the whole traffic of a rural telephone company, 17,000-25,000 calls a
UTC day, over the five UTC days Monday 8 to Friday 12 January 2024 (central standard time,
UTC-6, all week: no daylight saving time change). The carrier, Shell Rock Valley
Telephone, is an ILEC in north-central Iowa with a CLEC arm reaching into southern
Minnesota: 24 exchanges, 16 in area code 641 and 8 in 507, about 9,000 subscriber lines.
It originates its subscribers', businesses' and local organisations' calls, and receives
calls for its subscribers from its two interconnect partners (a centralised equal-access
tandem and a fibre transit carrier). The week is a hard one: a blizzard on Monday night
and Tuesday (day 1), another on Friday (day 4), and the Iowa caucuses on Monday 15
January, so candidates' volunteers are calling every evening. Built on the plumbing of
:mod:`tests.traffic.blind_shapes` (calls on the callee's local clock, KYC evidence, the
RMD, dated consent records) and :mod:`tests.traffic.weekly_shapes` (per-day UTC offsets).
Days are numbered 0 (Monday) to 4 (Friday); "local" is the callee's time (central for
the carrier's own area; callees elsewhere in the US on their own clocks).

Everything is small: a campaign is a few hundred calls a day, a lawful sender a local
organisation with one to four numbers. This is the check that a small carrier still sees
its bad traffic and does not flag its ordinary customers.

Campaigns (each must reach ``high`` at the named entity):

- ``allstar-home-comfort`` (customer, opened 10 days before the week, KYC verified with
  an EIN but a webmail contact, declared "customer appointment reminders", 4 numbers in
  641): a "$49 furnace safety check before the next storm, press 1" prerecorded pitch,
  27 s (+0-3 s of the repeated prompt), 350-600 calls a day, 9 am-7:30 pm local, to a
  bought list of 12,000 local numbers (the carrier's own subscribers and the area's
  cell phones); its dialler leaves the same pitch on answering machines (a third of the
  answered calls, after an 8-25 s greeting); 4% press 1. No consent records. 47 USC
  227(b)(1)(A)(iii) and (B), 47 CFR 64.1200(a)(2)-(3): prerecorded telemarketing to
  wireless and residential lines without prior express written consent.
- ``sunpath-energy-savings`` (sub-account of the local VoIP reseller
  ``driftless-voip-solutions``, opened 25 days before the week, KYC pending, webmail,
  declared "customer surveys"): a 33 s prerecorded "lower your electric bill with solar,
  press 1" pitch, 150-300 calls a day, 10 am-7 pm local, to a bought list of 40,000
  numbers in Iowa and southern Minnesota, presenting 30 regional numbers that are not
  granted to it (bought elsewhere) which the reseller signs B; 20% answered, 55% of
  those hang up during the pitch. No consent records. 227(b), 64.1200(a)(2)-(3); the
  reseller's know-your-customer duty, 64.1200(n)(4).
- ``Hawkeye Tandem Access`` (upstream provider, RMD-filed; the carrier's tandem): among
  its ordinary transit (about 5,200 calls a day to the carrier's subscribers) it hands
  over an electric-cooperative impostor campaign during the blizzards ("this is your
  electric cooperative: your account is past due and your power will be disconnected in
  30 minutes, press 1 to pay"), 23 s, 250-500 calls a day, 9 am-8 pm local, to the
  carrier's subscribers, each call presenting an invented number in the callee's own
  exchange (NPA-NXX) on four calls in five and in its area code on the rest (a new
  number per call), unsigned or C-attested. In a 24-exchange company many of those
  numbers are its own subscribers' lines, which cannot legitimately arrive from the
  tandem unsigned. 227(b), 227(e) (spoofing to defraud), and the upstream's duty to
  mitigate what it carries, 64.1200(n)(2)-(3), (k)(4).
- ``osage-implement-co`` (customer, a farm-equipment dealer, 12 years, KYC verified, a
  hosted PBX with 8 numbers in 641): 60-100 live calls a weekday to customers and
  suppliers in business hours. Its PBX's SIP password is guessed; on the night of
  Thursday to Friday (23:00-05:00 central, 05:00-11:00 UTC on day 4), while the second
  blizzard keeps everyone at home, the attacker pushes about 300 prerecorded "Amazon: an
  order of $1,199 on your account, press 1" calls (19 s) to numbers across the US, three
  in five presenting the dealer's own numbers (signed A) and the rest invented numbers
  (signed B), and about 100 calls to international revenue-share number ranges that
  answer and hold the line for minutes (IRSF). The dealer is the victim, but its trunk is
  the source to stop now: 227(b) for the robocalls, wire fraud for the IRSF.
- ``guardian-home-security-sales`` (customer, opened 70 days before the week, KYC
  verified, declared "outbound sales calls for home security systems (live agents)", 10
  numbers in 641 and 507): a predictive dialler with live agents selling alarm systems,
  350-450 calls a day to the carrier's subscribers and the area's cell phones, two calls
  in three at 6-8 am or 9-11 pm local (before the family leaves, after it is home), the
  rest 5-9 pm; 30% answered: agents' conversations, machines dropped after 2-5 s, and 3%
  abandoned with the 2 s + 9 s identification message. No consent records (none needed
  for a live call), but a telephone solicitation before 8 am or after 9 pm local is
  unlawful whatever the consent: 47 CFR 64.1200(c)(1), 47 USC 227(c).

For review (reported at least ``medium``; ``high`` is neither asked nor forbidden):

- ``cornerstone-grain-marketing`` (customer, a grain merchandiser, 6 years, KYC verified,
  declared "daily cash-bid broadcasts to farmer subscribers", 1 number in 641): a 35 s
  recorded message with the morning's cash bids for corn and soybeans, 250-350 calls
  each morning at 6:00-6:30 am local, to 900 farms. 60% of them have consent records
  (sign-up cards); the rest were added from the elevator's scale tickets. Price
  information to willing subscribers is informational, but an offer to buy grain at
  those prices is arguably an advertisement (64.1200(f)(1)), which needs prior express
  written consent when prerecorded (64.1200(a)(2)-(3)) and may not be made before 8 am
  (64.1200(c)(1)): which it is cannot be told from CDRs; its analysts should look.

Lawful senders (none may reach ``high``; their own numbers are labelled lawful):

- ``mitchell-county-ema`` (county emergency management, 15 years, 2 numbers in 641):
  at 2:40-3:40 am local on Wednesday (day 2) an anhydrous-ammonia leak at a fertiliser
  plant: a 48 s "shelter in place" message to 3,000 residents of the 4 nearest exchanges
  (landlines from the 911 database and registered cell phones), about 3,000 calls in the
  hour, the unanswered retried at 3:40-4:00 am; a few dozen daytime test and road
  notices on other days. Emergency purpose, exempt from consent (227(b)(1)(A),
  64.1200(a)(1), (a)(3)(i)); a third of the residents registered (consent records).
- ``prairie-ridge-community-schools`` (school district, 1,100 families, 2 numbers in
  641): attendance calls (about 150 at 10-11 am) on school days; closure calls to 2,200
  parent and staff numbers on the evening before each blizzard (Monday 8-8:30 pm for
  Tuesday, Thursday 7:30-8 pm for Friday) and at 5:40-6:15 am on Wednesday (a late
  start). 30 s recorded messages, consent records from enrolment (the FCC's 2016
  Blackboard ruling: informational calls to numbers given to the school).
- ``northwood-regional-medical-center`` (a critical-access hospital, 3 numbers in 641):
  appointment reminders, 250 a weekday at 9:30 am-5 pm local, a 26 s message most
  callers cut short by pressing 1 to confirm; every patient has a consent record
  (healthcare messages, 64.1200(a)(2)).
- ``cornbelt-community-credit-union`` (4 numbers in 641 and 507): fraud-alert IVR
  triggered by card transactions, about 90 calls a day at any hour, a 14 s prompt
  ("press 1 if you made this purchase"), some transferred to an agent, some voicemail;
  every member has a consent record.
- ``north-iowa-farmers-coop`` (farm co-op, 1 number in 641): feed- and propane-delivery
  notices to member farms, 150-200 a day at 6-7:30 am local (farmers are in the barn
  by then; 60 on the storm days), a 20 s message with a press-1 confirmation; 400
  "deliveries delayed by the storm" calls at 7-9 am on Tuesday and Friday. 95% of
  members have consent records (the rest gave a new cell number at the counter).
  Informational, not telephone solicitation, so the 8 am floor of 64.1200(c)(1) does
  not apply.
- ``trinity-lutheran-church`` (1 number in 641): the pastor's 45 s recorded reminder of
  Wednesday's soup supper to 420 members' numbers (Wednesday 5:30-6:30 pm), and of its
  postponement by the storm on Friday (noon-1 pm); the members' directory is on file
  as consent records (and a non-profit's call is exempt to landlines, 64.1200(a)(3)(iv)).
- ``neighbors-for-lindquist`` (a state house candidate's campaign, 25 numbers in 641):
  volunteers clicking to call voters before the caucuses, 300-800 calls a day (fewest
  in Tuesday's blizzard), mostly 4-8:30 pm local; 12% answered, quick refusals and
  conversations. Live calls need no consent.
- ``srvt-residential-lines`` (the carrier's own residential telephone service, 9,000
  subscriber lines): people calling people, 4,200 calls a day, live. Its lines are not
  labelled (the impostors spoof some of them).
- ``driftless-voip-solutions`` (reseller, labelled lawful though one client is not) and
  its five tenants (a dentist, a law office, a veterinarian, ...): office phones.
- ``Hawkeye Tandem Access``'s ordinary transit (it is a campaign entity for the impostor
  calls) includes a pharmacy chain's refill reminders (6 numbers, labelled lawful) and a
  rural electric cooperative's storm outage notifications (2 numbers, labelled lawful; 1,200
  calls on Tuesday and 1,000 on Friday, signed B by the co-op's carrier);
  about 2% of its calls present a number in the callee's own exchange legitimately (a
  neighbour's landline number ported to a cell phone).
- ``Northland Fiber Exchange`` (upstream provider, RMD-filed): ordinary transit, 2,500
  calls a day, mostly signed.
- ``hometown-*``: 20 small businesses (BlindNetwork.small_businesses; the CLEC arm's
  hosted-voice customers in towns across the US).

Campaign caller IDs are not labelled: each campaign is judged at the source that carries it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import ClassVar

import numpy as np

from callwarden.customers import CustomerKind, KycStatus, NumberGrant
from callwarden.lists import DnoEntry, RmdFiling
from tests.traffic.blind_shapes import AREA_CODES, PEOPLE, START, Callers
from tests.traffic.unseen_shapes import EXCHANGES
from tests.traffic.weekly_shapes import OPT_IN, WeeklyNetwork, _revenue_share_ranges

#: Monday 8 January 2024, the first blizzard's day, a week before the Iowa caucuses
FIRST = datetime(2024, 1, 8, tzinfo=UTC)
SMALL_DAYS = 5
#: north-central Iowa, southern Minnesota, and the rest of the two states
HOME = [641, 507]
REGION = [641, 507, 515, 319, 563, 712, 651]
#: time zones of every area code the network calls: blind_shapes' and the region's
ZONES: dict[int, str] = {code: zone for code, (zone, _) in AREA_CODES.items()} | dict.fromkeys(
    REGION, "America/Chicago"
)


@dataclass
class SmallNetwork(WeeklyNetwork):
    """A :class:`WeeklyNetwork` (for its per-day offsets and invented local numbers) over
    five UTC days from :data:`FIRST`, each local day at its own UTC offset."""

    id_prefix: ClassVar[str] = "s"
    days: ClassVar[int] = SMALL_DAYS
    start_s: ClassVar[float] = (FIRST - START).total_seconds()

    first_day = FIRST
    zones = ZONES

    # --- which number a call presents ----------------------------------------------------------
    def neighbour_spoofed(self) -> Callers:
        """An invented number in the callee's own exchange (NPA-NXX), per call."""

        def callers(called: list[str], _day: int) -> list[str]:
            lines = self.rng.integers(0, 10_000, len(called))
            return [
                f"{number[:8]}{int(line):04d}" for number, line in zip(called, lines, strict=True)
            ]

        return callers

    def same_exchange(self, pool: Sequence[str]) -> Callers:
        """A number of ``pool`` in the callee's exchange where it has one (a neighbour
        calling), else any of ``pool``."""
        by_exchange: dict[str, list[str]] = {}
        for number in pool:
            by_exchange.setdefault(number[:8], []).append(number)

        def callers(called: list[str], _day: int) -> list[str]:
            out = []
            for number in called:
                near = by_exchange.get(number[:8]) or pool
                out.append(near[int(self.rng.integers(0, len(near)))])
            return out

        return callers


def build(seed: int, volume: float = 1.0) -> SmallNetwork:
    """The network of the module docstring; ``volume`` scales every sender's calls."""
    n = SmallNetwork(seed, volume)

    def ago(days: float) -> datetime:
        return FIRST - timedelta(days=round(days))

    office = n.between(8, 17)
    office_talk = n.live(150)

    # --- the carrier's area and subscribers ------------------------------------------------
    chosen = n.rng.choice(EXCHANGES, 24, replace=False)
    exchanges = [f"+1641{x}" for x in chosen[:16]] + [f"+1507{x}" for x in chosen[16:]]
    subscribers = n.in_exchanges(9000, exchanges)
    cells = n.numbers(8000, HOME)  # the area's wireless numbers (other exchanges)
    n.account("srvt-residential-lines", "the carrier's own residential telephone service",
              opened=ago(365 * 30), ein="42-0712345")  # fmt: skip
    n.grants.extend(
        NumberGrant(number, "srvt-residential-lines", since=ago(365 * 10), verified=True)
        for number in subscribers
    )
    home_talk = n.mix([(0.6, n.live(180)), (0.4, n.live(40, 0.7))])
    household = {7: 0.5, 8: 0.8, 9: 1.0, 10: 1.1, 11: 1.1, 12: 1.0, 13: 1.0, 14: 1.0, 15: 1.0,
                 16: 1.1, 17: 1.2, 18: 1.3, 19: 1.2, 20: 0.9, 21: 0.5, 22: 0.2}  # fmt: skip
    n.send(4200, customer="srvt-residential-lines", callers=n.rotate(subscribers),
           callees=subscribers[:4000] + cells[:2500] + n.numbers(3500), durations=home_talk,
           answered=0.5, when=n.by_hour(household), unanswered=PEOPLE)  # fmt: skip
    n.dno.extend(DnoEntry(number, "inbound only (repair and 911 administrative lines)")
                 for number in n.in_exchanges(40, exchanges[:4]))  # fmt: skip

    # --- campaigns ------------------------------------------------------------------------
    # a new home-services account
    comfort = n.account("allstar-home-comfort", "customer appointment reminders", campaign=True,
                        opened=ago(10), numbers=4, npa=641, ein="92-3318804",
                        email="allstarhomecomfort.ia@gmail.com")  # fmt: skip
    bought = [subscribers[i] for i in n.rng.choice(len(subscribers), 7000, replace=False)]
    bought += cells[:5000]
    furnace = n.mix([
        (0.67, n.press_one(27, transfer=0.04, hang_ups=0.5, agent_median_s=240)),
        (0.33, n.message(27, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    n.send([350, 600, 550, 450, 300], customer="allstar-home-comfort", callers=n.rotate(comfort),
           callees=bought, durations=furnace, answered=0.3,
           when=n.between(9, 19.5))  # fmt: skip

    # a local reseller, its tenants and its one bad client
    n.account("driftless-voip-solutions", "hosted PBX and SIP trunks for local businesses",
              kind=CustomerKind.RESELLER, opened=ago(365 * 6), ein="46-4409921",
              address="118 Water St, Decorah IA")  # fmt: skip
    tenants = ["decorah-family-dental", "bluff-country-law-office", "upper-iowa-veterinary",
               "riverside-insurance-agency", "norse-valley-realty"]  # fmt: skip
    for tenant in tenants:
        town = int(n.rng.choice(HOME))
        desk = n.account(tenant, "office phones", parent="driftless-voip-solutions",
                         opened=ago(float(n.rng.uniform(200, 2000))), npa=town,
                         numbers=int(n.rng.integers(2, 6)))  # fmt: skip
        n.lawful(desk)
        n.send(int(n.rng.integers(40, 120)), customer="driftless-voip-solutions",
               sub_account=tenant, callers=n.rotate(desk),
               callees=n.numbers(1500, town) + subscribers[:1500], durations=office_talk,
               answered=0.5, when=office, unanswered=PEOPLE)  # fmt: skip
    n.account("sunpath-energy-savings", "customer surveys", campaign=True,
              parent="driftless-voip-solutions", kyc=KycStatus.PENDING, opened=ago(25),
              email="sunpathenergy.savings@gmail.com")  # fmt: skip
    borrowed = n.numbers(30, REGION)
    n.send([200, 250, 150, 300, 220], customer="driftless-voip-solutions",
           sub_account="sunpath-energy-savings", callers=n.rotate(borrowed),
           callees=n.numbers(40_000, REGION),
           durations=n.press_one(33, transfer=0.03, hang_ups=0.55, agent_median_s=420),
           answered=0.2, when=n.between(10, 19), attestation="B")  # fmt: skip

    # the tandem: ordinary transit, two lawful notifiers, and the impostors
    n.rmd.append(RmdFiling("0061", "Hawkeye Tandem Access", "Complete STIR/SHAKEN Implementation"))
    n.campaign["upstream_provider", "Hawkeye Tandem Access"] = True
    impostor = n.press_one(23, transfer=0.05, hang_ups=0.5, agent_median_s=300)
    n.send([300, 450, 250, 380, 500], upstream="Hawkeye Tandem Access",
           callers=n.drawn([(4, n.neighbour_spoofed()), (1, n.invented_local())]),
           callees=subscribers, durations=impostor, answered=0.3, when=n.between(9, 20),
           attestation={None: 0.6, "C": 0.4})  # fmt: skip
    ported = n.in_exchanges(150, exchanges)
    callers_in = n.drawn([
        (0.35, n.rotate(cells)),
        (0.6, n.fresh()),
        (0.02, n.same_exchange(ported)),
        (0.03, n.rotate(n.numbers(400))),  # businesses calling in from anywhere
    ])  # fmt: skip
    n.send(5200, upstream="Hawkeye Tandem Access", callers=callers_in, callees=subscribers,
           durations=home_talk, answered=0.5, when=n.by_hour(household),
           attestation={"A": 0.55, "B": 0.2, None: 0.25}, unanswered=PEOPLE)  # fmt: skip
    pharmacy = n.numbers(6, [515, 319])
    n.lawful(pharmacy)
    n.send(200, upstream="Hawkeye Tandem Access", callers=n.rotate(pharmacy),
           callees=subscribers, durations=n.message(24, hang_ups=0.12, voicemail=0.3),
           answered=0.55, when=n.between(10, 18))  # fmt: skip
    electric = n.numbers(2, 641)
    n.lawful(electric)
    outage = n.message(35, hang_ups=0.25, voicemail=0.3)
    n.send([0, 1200, 0, 0, 1000], upstream="Hawkeye Tandem Access", callers=n.rotate(electric),
           callees=subscribers, durations=outage, answered=0.5,
           when=n.by_hour({7: 1, 8: 1, 9: 1, 10: 1, 14: 0.5, 15: 0.5, 19: 0.8, 20: 0.8}),
           attestation="B")  # fmt: skip

    # a hacked PBX on Thursday night
    dealer = n.account("osage-implement-co", "farm equipment dealer phones (hosted PBX)",
                       campaign=True, opened=ago(365 * 12), numbers=8, npa=641,
                       ein="42-1187730", address="2210 Main St, Osage IA")  # fmt: skip
    farms = n.numbers(3000, REGION) + subscribers[4000:5000]
    n.send([90, 70, 80, 85, 60], customer="osage-implement-co", callers=n.rotate(dealer),
           callees=farms, durations=n.live(130), answered=0.55, when=n.between(7.5, 17.5),
           unanswered=PEOPLE)  # fmt: skip
    amazon = n.press_one(19, transfer=0.03, hang_ups=0.5, agent_median_s=480)
    n.send(n.only(4, 180), customer="osage-implement-co", callers=n.rotate(dealer),
           durations=amazon, answered=0.08, when=n.between(5, 11), clock="utc")  # fmt: skip
    n.send(n.only(4, 120), customer="osage-implement-co", callers=n.fresh(), durations=amazon,
           answered=0.08, when=n.between(5, 11), clock="utc", attestation="B")  # fmt: skip
    irsf = _revenue_share_ranges(n, 3, 30)

    def holding(count: int) -> np.ndarray:
        """A revenue-share number answers and holds the line (minutes, capped at an hour)."""
        return np.minimum(3600, n.live(420, 0.7)(count))

    n.send(n.only(4, 100), customer="osage-implement-co", callers=n.rotate(dealer), callees=irsf,
           durations=holding, answered=0.8, when=n.between(5, 11), clock="utc",
           unanswered={486: 0.5, 480: 0.5})  # fmt: skip

    # a sales dialler outside calling hours
    alarms = n.account("guardian-home-security-sales", "outbound sales calls for home "
                       "security systems (live agents)", campaign=True, opened=ago(70),
                       numbers=10, npa=HOME, ein="86-2231907",
                       address="4400 N Scottsdale Rd, Scottsdale AZ")  # fmt: skip
    prospects = subscribers[:6000] + cells[2000:6000]
    dialler = n.mix([
        (0.56, n.live(90)),
        (0.26, n.between_s(2, 5)),  # a machine, dropped
        (0.15, n.between_s(6, 20)),  # "not interested"
        (0.03, n.between_s(10, 12)),  # abandoned: the 2 s + 9 s identification message
    ])  # fmt: skip
    early_and_late = {6: 0.8, 7: 1.2, 17: 0.6, 18: 0.6, 19: 0.6, 20: 0.6, 21: 1.2, 22: 0.8}
    n.send([380, 420, 400, 450, 350], customer="guardian-home-security-sales",
           callers=n.rotate(alarms), callees=prospects, durations=dialler, answered=0.3,
           when=n.by_hour(early_and_late))  # fmt: skip

    # --- for review -----------------------------------------------------------------------
    bids = n.account("cornerstone-grain-marketing", "daily cash-bid broadcasts to farmer "
                     "subscribers", opened=ago(365 * 6), numbers=1, npa=641,
                     ein="42-1560218")  # fmt: skip
    del n.campaign["customer", "cornerstone-grain-marketing"]
    n.review.add(("customer", "cornerstone-grain-marketing"))
    growers = subscribers[5000:5600] + cells[6000:6300]
    n.consented_at("cornerstone-grain-marketing", growers, ago(400), share=0.6, evidence=OPT_IN)
    n.send(300, customer="cornerstone-grain-marketing", callers=n.rotate(bids), callees=growers,
           durations=n.message(35, hang_ups=0.2, voicemail=0.3), answered=0.55,
           when=n.between(6, 6.5))  # fmt: skip

    # --- lawful ---------------------------------------------------------------------------
    county = n.account("mitchell-county-ema", "emergency notifications (reverse 911, severe "
                       "weather, hazardous materials)", opened=ago(365 * 15), numbers=2,
                       npa=641, ein="42-6004421", email="ema@mitchellcounty.iowa.gov")  # fmt: skip
    n.lawful(county)
    nearby = set(exchanges[:4])
    residents = [number for number in subscribers if number[:8] in nearby]
    residents += n.numbers(3000 - len(residents), 641)
    n.consented("mitchell-county-ema", residents, 1 / 3)
    shelter = n.message(48, hang_ups=0.15, voicemail=0.3)
    n.send(n.only(2, 3000), customer="mitchell-county-ema", callers=n.rotate(county),
           callees=residents, durations=shelter, answered=0.45,
           when=n.between(2.67, 3.67))  # fmt: skip
    n.send(n.only(2, 1100), customer="mitchell-county-ema", callers=n.rotate(county),
           callees=residents, durations=shelter, answered=0.4,
           when=n.between(3.67, 4.0))  # fmt: skip
    n.send([40, 60, 0, 20, 60], customer="mitchell-county-ema", callers=n.rotate(county),
           callees=residents, durations=n.message(30, hang_ups=0.2), answered=0.5,
           when=n.between(9, 16))  # fmt: skip

    district = n.account("prairie-ridge-community-schools", "parent and staff notifications: "
                         "attendance, closures, emergencies", opened=ago(365 * 14), numbers=2,
                         npa=641, ein="42-6002215")  # fmt: skip
    n.lawful(district)
    families = [subscribers[i] for i in n.rng.choice(len(subscribers), 1100, replace=False)]
    families += cells[:1100]
    n.consented_at(
        "prairie-ridge-community-schools",
        families,
        datetime(2023, 8, 21, tzinfo=UTC),
        evidence=OPT_IN,
    )
    notice = n.message(30, hang_ups=0.15, voicemail=0.35)
    n.send([150, 0, 150, 150, 0], customer="prairie-ridge-community-schools",
           callers=n.rotate(district), callees=families, durations=notice, answered=0.5,
           when=n.between(10, 11))  # fmt: skip
    # Monday 8-8:30 pm central is 2-2:30 am UTC on day 1 (a local schedule would repeat it
    # on Sunday evening, the local day before the first)
    n.send(n.only(1, 2200), customer="prairie-ridge-community-schools", callers=n.rotate(district),
           callees=families, durations=notice, answered=0.55, when=n.between(2, 2.5),
           clock="utc")  # fmt: skip
    n.send(n.only(2, 2200), customer="prairie-ridge-community-schools", callers=n.rotate(district),
           callees=families, durations=notice, answered=0.5,
           when=n.between(5.67, 6.25))  # fmt: skip
    n.send(n.only(3, 2200), customer="prairie-ridge-community-schools", callers=n.rotate(district),
           callees=families, durations=notice, answered=0.55,
           when=n.between(19.5, 20))  # fmt: skip

    hospital = n.account("northwood-regional-medical-center", "patient appointment reminders",
                         opened=ago(365 * 20), numbers=3, npa=641,
                         ein="42-0680455")  # fmt: skip
    n.lawful(hospital)
    patients = subscribers[1000:4000] + cells[3000:5000]
    n.consented("northwood-regional-medical-center", patients)
    confirm = n.confirmation_ivr(26, pressed=(14, 27, 4), hold=(20, 90), heard=(27, 30))
    n.send(250, customer="northwood-regional-medical-center", callers=n.rotate(hospital),
           callees=patients, durations=confirm, answered=0.65,
           when=n.between(9.5, 17))  # fmt: skip

    union = n.account("cornbelt-community-credit-union", "fraud alerts and account security "
                      "calls to our members", opened=ago(365 * 25), numbers=4, npa=HOME,
                      ein="42-0498812")  # fmt: skip
    n.lawful(union)
    members = subscribers[2000:6000] + cells[:3000]
    n.consented("cornbelt-community-credit-union", members)
    fraud_ivr = n.fraud_alert_ivr(agent_median_s=240)
    card_activity = {h: 0.15 for h in range(7)} | {7: 0.4, 8: 0.7, 9: 0.9, 22: 0.5, 23: 0.3}
    card_activity |= dict.fromkeys(range(10, 22), 1.0)
    n.send(90, customer="cornbelt-community-credit-union", callers=n.rotate(union),
           callees=members, durations=fraud_ivr, answered=0.55,
           when=n.by_hour(card_activity))  # fmt: skip

    coop = n.account("north-iowa-farmers-coop", "member notices: feed, fuel and propane "
                     "deliveries", opened=ago(365 * 40), numbers=1, npa=641,
                     ein="42-0303140")  # fmt: skip
    n.lawful(coop)
    member_farms = subscribers[6000:7200] + cells[6000:6600]
    n.consented_at(
        "north-iowa-farmers-coop", member_farms, ago(365 * 3), share=0.95, evidence=OPT_IN
    )
    delivery = n.mix([
        (0.7, n.message(20, hang_ups=0.1, voicemail=0.35)),
        (0.3, lambda count: n.rng.integers(8, 20, count) + 3),  # pressed 1 to confirm
    ])  # fmt: skip
    n.send([170, 60, 190, 200, 60], customer="north-iowa-farmers-coop", callers=n.rotate(coop),
           callees=member_farms, durations=delivery, answered=0.6,
           when=n.between(6, 7.5))  # fmt: skip
    n.send([0, 400, 0, 0, 400], customer="north-iowa-farmers-coop", callers=n.rotate(coop),
           callees=member_farms, durations=n.message(24, hang_ups=0.1, voicemail=0.35),
           answered=0.6, when=n.between(7, 9))  # fmt: skip

    church = n.account("trinity-lutheran-church", "member announcements", opened=ago(365 * 9),
                       numbers=1, npa=641, ein="42-0612278")  # fmt: skip
    n.lawful(church)
    congregation = subscribers[7200:7520] + cells[7000:7100]
    n.consented_at("trinity-lutheran-church", congregation, ago(365 * 2), evidence=OPT_IN)
    pastor = n.message(45, hang_ups=0.1, voicemail=0.4)
    n.send(n.only(2, 420), customer="trinity-lutheran-church", callers=n.rotate(church),
           callees=congregation, durations=pastor, answered=0.6,
           when=n.between(17.5, 18.5))  # fmt: skip
    n.send(n.only(4, 420), customer="trinity-lutheran-church", callers=n.rotate(church),
           callees=congregation, durations=pastor, answered=0.6,
           when=n.between(12, 13))  # fmt: skip

    volunteers = n.account("neighbors-for-lindquist", "volunteer phone banking (live callers) "
                           "for a state house campaign", opened=ago(150), numbers=25, npa=641,
                           ein="93-2254110")  # fmt: skip
    n.lawful(volunteers)
    voters = subscribers + cells
    talk = n.mix([(0.35, n.between_s(3, 15)), (0.65, n.live(90, 0.7))])
    n.send([450, 300, 600, 700, 800], customer="neighbors-for-lindquist",
           callers=n.rotate(volunteers), callees=voters, durations=talk, answered=0.12,
           when=n.by_hour({10: 0.2, 11: 0.2, 12: 0.3, 13: 0.3, 14: 0.3, 15: 0.4, 16: 0.8,
                           17: 1.2, 18: 1.5, 19: 1.5, 20: 0.7}), unanswered=PEOPLE)  # fmt: skip

    n.rmd.append(RmdFiling("0062", "Northland Fiber Exchange", "Complete STIR/SHAKEN "
                           "Implementation"))  # fmt: skip
    n.campaign["upstream_provider", "Northland Fiber Exchange"] = False
    n.send(2500, upstream="Northland Fiber Exchange",
           callers=n.drawn([(0.3, n.rotate(n.numbers(3000, REGION))), (0.7, n.fresh())]),
           callees=subscribers, durations=home_talk, answered=0.5, when=n.by_hour(household),
           attestation={"A": 0.7, "B": 0.2, None: 0.1}, unanswered=PEOPLE)  # fmt: skip

    n.small_businesses(20, "hometown")
    return n
