"""A wireless network: the traffic of Northstar Wireless, a US mobile network operator, as
its Great Lakes region's IMS core sees it: calls its subscribers there place (postpaid
family plans, prepaid lines, business accounts, the lines of the two MVNOs it hosts), calls
the other carriers hand it for those subscribers, and the enterprise voice it sells on the
same core (SIP trunks and number pools). Four UTC days, Tuesday 11 to Friday 14 February
2025 (US standard time: Eastern is UTC-5; every subscriber's area code in the region is
Eastern; callees elsewhere keep their own zones, Arizona and Hawaii as ever). A winter storm
crosses Pennsylvania and Ohio on the night of Tuesday 11 February and schools close on
Wednesday; Friday is Valentine's Day. Built on the plumbing of
:mod:`tests.traffic.blind_shapes` (KYC evidence, a DNO list, the RMD),
:mod:`tests.traffic.weekly_shapes` (per-day UTC offsets), :mod:`tests.traffic.platform_shapes`
(a store's clientele, dated consent), :mod:`tests.traffic.transit_shapes` (RMD filings,
upstream labels, foreign numbers) and :mod:`tests.traffic.gateway_shapes` (toll-free
numbers). Days are numbered 0 (Tuesday) to 3 (Friday).

What a mobile core sees. Most of its calls are people calling people: a line calls a small
circle of its own (the other lines of its family plan most, then a dozen friends, relatives
and workplaces, most in its own area code) and now and then a business; it is called by the
same circle. A mobile callee who does not pick up is sent to voicemail after 20-25 s, and the
mailbox *answers*: SIP 200 with the greeting's length and, if the caller speaks, the message's
(a mobile CDR's "answered" holds those); a caller who hangs up before that ends in 487. A line
placing 3 calls a day is typical, 30 is a busy person, 100 is not a person. Person-to-person
calls follow the *caller's* clock (people call when they are awake, whoever they call: a
night owl's call at 11:30 pm is lawful), business and robocall senders the callee's (as in the
other networks). The carrier signs A every call its subscribers and enterprise customers
place from numbers it assigned them (MVNO lines too: they are its numbers); it passes on the
attestation another carrier signed. Call detail records name the originating billing account
(``customer_id``; an MVNO's lines name the MVNO) and, for the prepaid MVNO whose lines are
activated on Northstar's wholesale activation platform, the dealer that activated the line
(``sub_account``: the platform records each line's dealer code for commissions).

Volume. A network at volume ``v`` is a ``v``-sized sample of this one: ``v`` of every
population of lines, accounts, proxies, stores and devices (at least one), each keeping its
habits (a line places as many calls a day at any volume); senders without lines of their own
(IVRs on SIP trunks, the interconnecting carriers' traffic) have their calls scaled with the
population they call. The burner ring's eight eSIMs are its whole output and are not sampled.
At volume 1.0 the core carries about 230,000-240,000 calls a UTC day, 250,000 on Friday (the
delivery platform's Valentine's Day).

Subscribers (at volume 1.0; all lawful, every line labelled lawful):

- ``ban-*``: 4,000 postpaid family plans (1-5 lines, about 10,200 lines; the billing account
  is the customer, KYC verified by the credit check, opened days to 15 years ago): a median
  of 3 calls a line a day (lognormal; 20 a day for the busiest 1%, never over 60), 55% picked
  up (median 70 s), 27% to voicemail, on the caller's clock (a few calls after midnight; most
  4-8 pm).
  1.5% of the plans' lines with family on the plan are abroad all week (Mexico, the
  Caribbean, Europe): their calls home are home-routed over VoLTE roaming (customer-originated,
  signed A, on the traveller's clock, so a Madrid afternoon is a Pittsburgh morning) or broken
  out in the visited network and handed over by the roaming hub ``Meridian IPX`` presenting
  the traveller's own Northstar number.
- ``pp-*``: 2,500 Northstar Prepaid lines, one account each, KYC ``unknown`` (a prepaid line
  needs no ID), busier than postpaid (median 4 calls a day), 10% of their circles abroad
  (Mexico, Central America, the Caribbean: relatives), some activated this week.
- Small businesses (30 accounts, 2-20 lines: roofers, plumbers, towing, property managers):
  median 9 calls a line a weekday, office hours, 35% to numbers outside their circle (new
  customers), 15% fewer on the snow day.
- ``brightwave-mobile`` (MVNO, a cable company's mobile service, kind reseller, 5 years,
  1,600 plans, about 4,100 lines): its subscribers are ordinary; their calls name the MVNO.
- ``liberty-talk-wireless`` (MVNO, prepaid, kind reseller, 4 years): 1,000 lines activated
  online and 1,500 through ten dealers (sub-accounts, 60-240 lines each), ordinary prepaid
  users; and the dealer ``ltw-dealer-2217`` (a campaign, below).
- The other carriers' subscribers calling Northstar's: each off-net member of a line's circle
  belongs to ``Atlas Mobility`` (a national MNO, 50%; signs A), ``Cardinal Cable Voice``
  (cable VoIP, 18%; A), ``Penn-Ohio Telephone Company`` (an ILEC, 17%; a third of its lines
  still on TDM end offices: unsigned) or ``Tidemark Voice Exchange`` (a wholesale carrier for
  small VoIP providers, 15%; B or unsigned, and the calls from abroad: C or unsigned), and
  calls back about 0.8 times as often as it is called; strangers (businesses, wrong numbers)
  add half a call a line a day, 35% picked up.

Campaigns (each must reach ``high`` at the narrowest source that carries it):

- ``ltw-dealer-2217`` (sub-account of ``liberty-talk-wireless``: "Prime Cellular & Repair", a
  phone-repair shop in Philadelphia that became an authorised Liberty Talk dealer 7 months
  before the week, KYC verified with an EIN; 70 ordinary prepaid customers in those months):
  between 17 January and 9 February it activated 300 more prepaid lines (unlimited talk,
  numbers in 215/267/610/484, granted and verified like any line) and sold them, SIMs in
  hand, to a SIM farm: GoIP-style SIM boxes in a Philadelphia rowhouse, fed by a VoIP
  autodialler. Each SIM places about 95 calls a day, 9 am-7 pm in the callee's time, to a
  bought list of 300,000 "health insurance leads" across the US (Florida, Texas and Georgia
  over-weighted), with a prerecorded "$6,400 health-subsidy card: you qualify, press 1" (26 s).
  Signed A (real subscriber lines: why farms use them), 20% answered (a local-looking mobile
  number is picked up), 30% of those machines that record the pitch, 55% of humans hanging
  up in it, 4% pressing 1 for a "licensed agent". 4% of the callees call the number back: the
  SIM box rejects incoming calls (486/603) or lets them ring out. 47 USC 227(b)(1)(A)(iii) and
  (B), 47 CFR 64.1200(a)(2)-(3) (prerecorded telemarketing without written consent); 227(e)
  and the FTC's rules for the fake subsidy; the MVNO's and the host's duty to know who uses
  their lines, 64.1200(n)(4).
- ``great-lakes-home-offers`` (customer, a Cleveland "we buy houses" wholesaler's business
  account, opened 70 days before the week, KYC verified, EIN and a virtual-office address,
  declared "real estate investment: calls to homeowners (acquisitions team)"): 36 business
  smartphone lines on a rack driven by a phone-farm dialler app, each about 150 calls a day,
  9 am-8 pm local, to a skip-traced list of 120,000 property owners in Ohio, Michigan and
  western Pennsylvania; the app waits for the voicemail beep and plays a 24 s recorded "Hi,
  this is Mike, a local buyer, I'd like to make you a cash offer on your property, call me
  back" (58% of the answered calls), and plays the same recording to the humans it detects
  (60% hang up in it, 6% press 1 for an acquisitions rep). 32% answered. 3% of the list filled
  in its web form (written consent records); the rest none. 2% of the callees call back (a
  virtual assistant answers half). 227(b)(1)(A)(iii) and (B), 64.1200(a)(2)-(3); its
  business plan's acceptable-use terms forbid autodialling.
- ``Tidemark Voice Exchange`` (upstream, RMD-filed, partial STIR/SHAKEN): beside its ordinary
  traffic (its share of the subscribers' circles, small VoIP providers' business calls,
  international calls, passcodes), a carrier-impersonation account-takeover scam targeting
  Northstar's own subscribers from a leaked customer list: "Northstar Wireless loyalty
  department: your line qualifies for a free iPhone 16, press 1" (23 s; the "agent" asks for
  the account PIN and reads back the one-time code Northstar texts, to port the number out),
  about 1,000 calls a day (5% of the subscribers a day), 9 am-6 pm Eastern (14:00-23:00 UTC),
  from an offshore centre. It presents the callee's own NPA-NXX (a neighbour number) on 45%
  of the calls, a real Northstar subscriber's number in the callee's area code on 25% (some
  of those subscribers are called back by the confused callees), Northstar's own
  customer-care numbers (inbound only, on the DNO list) on 15%, an invented number in the
  callee's area code on the rest; unsigned, C- or B-attested. 20% answered, 50% hang up in
  it, 5% press 1. 227(e) (spoofing to defraud), 227(b); 64.1200(k)(1), (o) (DNO);
  64.1200(n)(2)-(3), an upstream's duty to mitigate what it hands over. A Northstar number
  arriving from another carrier is spoofed unless its holder roams abroad (``Meridian IPX``).
- ``pp-7730418``, ``pp-7730552``, ``pp-7731093``, ``pp-7731260``, ``pp-7731874``,
  ``pp-7732015``, ``pp-7732467``, ``pp-7732901`` (customers: Northstar Prepaid eSIMs bought on
  its website with stolen cards by a fraud ring, two a day, one line each, KYC ``unknown``,
  webmail contacts, half the sign-ups through proxies abroad): each is put in the ring's
  dialler an hour or three after activation and burned until the end of the ring's
  13:00-23:00 UTC shift, or for 6-11 hours (4-10 hours, about 30 calls an hour: 120-300
  calls), then discarded: an "Apple
  Support: your iCloud account was accessed from another device, press 1" text-to-speech
  message (19 s) to numbers nationwide, signed A (its own number), 16% answered, 60% hang up
  in it, 3% press 1 and are talked into remote access. 227(b), 227(e), 64.1200(n)(4) (the
  carrier's own know-your-customer duty for self-serve prepaid).

For review (reported at least ``medium``; ``high`` is neither asked nor forbidden):

- ``steel-city-home-team`` (customer, a Pittsburgh real-estate team's business account, 14
  months, KYC verified, 9 lines): each agent prospects 2 blocks a day (9:30 am-noon, 4:30-7:30
  pm local) with an auto-advance dialler app on the phone, one call at a time, about 110 dials
  a day: expired and withdrawn listings and for-sale-by-owner numbers across 412/724, and
  "circle prospecting" the neighbours of its new listings (reverse-directory lists: whole
  exchanges). 20% answered: quick refusals, a spoken voicemail, conversations. Live calls by
  a person need no consent, but a cold telemarketing call to a number on the National DNC
  Registry does (64.1200(c)(2)), and whether the team scrubs its lists is not in the CDRs.

Lawful senders (none may reach ``high``; their own numbers are labelled lawful):

- ``swiftcart-delivery`` (customer, a delivery platform, 6 years): number masking between
  couriers and customers through 1,800 proxy numbers local to its markets, 18,000 calls a day
  (28,000 on Valentine's Day, flowers in the daytime), at lunch and dinner, 74% picked up,
  median 38 s. Live, not telemarketing: no consent needed.
- ``riverton-drug`` (customer on Northstar's business SIP trunks, a pharmacy chain of 120
  stores, 12 years): refill-ready reminders from each store's number to its own patients in
  its area code, 7,200 a day in store hours, a 24 s recording (10% press 1 for the
  refill line); a consent record for every patient (pharmacy profile).
- ``st-brendan-medical-center`` (customer, a Pittsburgh hospital, 9 years): 220 clinicians'
  lines calling each other, pharmacies and patients around the clock (care teams of 4-8), and
  its clinical paging system (2 numbers on its SIP trunk) calling the on-call clinician for
  each page, day and night (1,500 pages a day): a 12 s "STAT page from 4 West, press 1 to
  accept", most accepted in seconds, the unanswered repeated after 5 and 10 minutes; to the
  hospital's own lines and 180 affiliated physicians' personal phones (on-call agreements:
  consent records). Emergency and healthcare purposes, the callee's own employer.
- ``silverline-medical-alert`` (customer, a personal emergency response service, 10 years,
  15,000 pendant and base-station lines on an IoT plan): each device places its weekly
  automatic test call (a Contact ID handshake, 11-20 s) at its own slot, midnight to 6 am
  local, to the monitoring centre's 4 toll-free receiver lines (a busy receiver is retried
  a few minutes later), and 1.2% of the devices a day call the operators' 2 lines when a
  senior presses the button (mostly by mistake). Calls to the service's own centre.
- ``ortega-family-insurance`` (customer, an insurance agency, 3 lines, 11 years): the agent
  and two producers calling policyholders about renewals and claims and quote requests
  back, by hand, about 45 calls a line a day in office hours (8 am-6 pm); consent records
  for most of the book.
- ``brightwave-mobile``, ``liberty-talk-wireless`` (labelled lawful though one dealer is not)
  and its eleven lawful dealers, the subscribers, the small businesses.
- ``Atlas Mobility``, ``Cardinal Cable Voice``, ``Penn-Ohio Telephone Company`` (upstreams,
  RMD-filed): their subscribers' calls, their enterprises' lawful automated calls to
  Northstar's subscribers (appointment and pharmacy reminders, deliveries: 3,600 a day, 8 am-8
  pm local), and
  on Wednesday 5:15-6:30 am local the school-closing calls of 14 districts' notification
  vendor (through Penn-Ohio and Cardinal) to the parents among the subscribers of western and
  central Pennsylvania and northeast Ohio (a fifth of the lines there, some twice: two
  schools), a 35 s recording.
- ``Meridian IPX`` (upstream, a roaming hub, RMD-filed): the travellers' broken-out calls
  home, presenting their own Northstar numbers, C-attested or unsigned.

Campaign caller IDs are not labelled: each campaign is judged at the source that carries it.
Spoofed subscribers' numbers keep their lawful label (blocking them blocks the victim).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import ClassVar

import numpy as np

from callwarden.customers import ConsentType, Customer, CustomerKind, KycStatus, NumberGrant
from callwarden.lists import DnoEntry
from tests.traffic.blind_shapes import (
    _CODES,
    _WEIGHTS,
    AREA_CODES,
    DIALLER,
    PEOPLE,
    START,
    Callers,
)
from tests.traffic.gateway_shapes import (
    CARIBBEAN,
    CENTRAL_AMERICA,
    INBOUND_ONLY,
    MEXICO,
    SSA,
    GatewayNetwork,
)
from tests.traffic.platform_shapes import REMINDER_HOURS
from tests.traffic.transit_shapes import IMPLEMENTED, MITIGATION_ONLY, PARTIAL
from tests.traffic.unseen_shapes import EXCHANGES, Durations

#: Tuesday 11 February 2025, the day of the storm night before Wednesday's school closings
FIRST = datetime(2025, 2, 11, tzinfo=UTC)
WIRELESS_DAYS = 4
#: the Great Lakes region's area codes, each weighted by its share of the subscribers
REGION: dict[int, int] = {
    412: 3, 724: 3, 814: 2, 215: 3, 267: 2, 610: 3, 484: 2, 717: 3, 570: 2,  # Pennsylvania
    216: 2, 440: 2, 330: 3, 614: 3, 740: 2, 513: 2, 937: 2, 419: 2,  # Ohio
    313: 2, 248: 3, 734: 2, 586: 2, 616: 2, 517: 1,  # Michigan (its Eastern part)
    304: 3, 716: 2,  # West Virginia, western New York
}  # fmt: skip
_REGION_DRAW = [code for code, weight in REGION.items() for _ in range(weight)]
#: time zones of every area code the network calls: blind_shapes' and the region's
ZONES: dict[int, str] = {code: zone for code, (zone, _) in AREA_CODES.items()} | dict.fromkeys(
    REGION, "America/New_York"
)
PHILADELPHIA = [215, 267, 610, 484]
CLEVELAND_DETROIT = [216, 440, 330, 313, 248, 734, 586]
#: the "we buy houses" list: property owners in Ohio, Michigan and western Pennsylvania
OWNERS = [216, 440, 330, 614, 740, 513, 937, 419, 313, 248, 734, 586, 616, 517, 412, 724]
#: where school closed on Wednesday: western and central Pennsylvania, northeast Ohio
SNOW_DAY = [412, 724, 814, 717, 570, 216, 440, 330]
#: the health-subsidy list: nationwide, Florida, Texas and Georgia twice over
SUBSIDY_STATES = [305, 407, 813, 214, 972, 713, 832, 512, 210, 404]
#: abroad: the relatives of prepaid subscribers
RELATIVES_ABROAD = MEXICO + CENTRAL_AMERICA + CARIBBEAN

ATLAS = "Atlas Mobility"
CARDINAL = "Cardinal Cable Voice"
PENN_OHIO = "Penn-Ohio Telephone Company"
TIDEMARK = "Tidemark Voice Exchange"
MERIDIAN = "Meridian IPX"
#: the carriers of the subscribers' off-net contacts: share of contacts, how each signs
CARRIERS: dict[str, tuple[float, dict[str | None, float]]] = {
    ATLAS: (0.50, {"A": 0.95, "B": 0.04, None: 0.01}),
    CARDINAL: (0.18, {"A": 0.90, "B": 0.08, None: 0.02}),
    PENN_OHIO: (0.17, {"A": 0.55, "B": 0.10, None: 0.35}),
    TIDEMARK: (0.15, {"A": 0.30, "B": 0.45, None: 0.25}),
}
#: how calls from abroad arrive through Tidemark's international gateway service
FROM_ABROAD: dict[str | None, float] = {"C": 0.7, None: 0.3}
#: Northstar's own customer-care numbers (inbound only: on the DNO list)
NORTHSTAR_CARE = ["+18006421789", "+18774117260", "+18885264013"]
#: the burner ring's eSIM accounts: (account, UTC day, activation hour UTC, abroad sign-up)
BURNERS: list[tuple[str, int, float, str]] = [
    ("pp-7730418", 0, 11.2, "US"), ("pp-7730552", 0, 15.6, "NG"),
    ("pp-7731093", 1, 10.4, "US"), ("pp-7731260", 1, 14.9, "PK"),
    ("pp-7731874", 2, 11.8, "NG"), ("pp-7732015", 2, 16.1, "US"),
    ("pp-7732467", 3, 10.9, "PK"), ("pp-7732901", 3, 15.2, "US"),
]  # fmt: skip

#: people calling people, by the hour of the caller's day
PERSONAL = {0: 0.12, 1: 0.06, 2: 0.04, 3: 0.03, 4: 0.04, 5: 0.1, 6: 0.25, 7: 0.5, 8: 0.75,
            9: 0.85, 10: 0.95, 11: 1.0, 12: 1.1, 13: 1.0, 14: 1.0, 15: 1.1, 16: 1.3, 17: 1.5,
            18: 1.45, 19: 1.3, 20: 1.1, 21: 0.85, 22: 0.55, 23: 0.3}  # fmt: skip
#: work phones, by the hour of the caller's day
WORKDAY = {6: 0.15, 7: 0.5, 8: 1.0, 9: 1.2, 10: 1.2, 11: 1.1, 12: 0.8, 13: 1.0, 14: 1.1,
           15: 1.1, 16: 1.0, 17: 0.7, 18: 0.35, 19: 0.2, 20: 0.1}  # fmt: skip
#: reminder platforms (appointments, prescriptions, deliveries) on the callee's clock: 8 am
#: to 8 pm, as their default sending windows are
REMINDERS = {8: 0.5, 9: 1.0, 10: 1.1, 11: 1.1, 12: 0.9, 13: 1.0, 14: 1.0, 15: 1.0, 16: 1.0,
             17: 0.9, 18: 0.7, 19: 0.4}  # fmt: skip
#: an insurance agency's office: 8 am to 6 pm
AGENCY = {8: 0.5, 9: 1.0, 10: 1.1, 11: 1.1, 12: 0.7, 13: 1.0, 14: 1.1, 15: 1.0, 16: 0.9,
          17: 0.6}  # fmt: skip
#: a hospital's clinicians: day shift, evening, the night's fewer calls
WARDS = {h: 0.35 for h in range(6)} | {6: 0.7, 7: 1.3, 8: 1.4, 9: 1.3, 10: 1.2, 11: 1.2,
                                        12: 1.0, 13: 1.1, 14: 1.1, 15: 1.0, 16: 0.9, 17: 0.8,
                                        18: 0.8, 19: 1.0, 20: 0.7, 21: 0.6, 22: 0.5,
                                        23: 0.4}  # fmt: skip
#: deliveries: breakfast, lunch and dinner rushes
MEALS = {7: 0.3, 8: 0.4, 9: 0.4, 10: 0.5, 11: 1.2, 12: 1.6, 13: 1.1, 14: 0.6, 15: 0.5,
         16: 0.7, 17: 1.3, 18: 1.8, 19: 1.7, 20: 1.2, 21: 0.8, 22: 0.5, 23: 0.3}  # fmt: skip
#: local days -1 (Monday) to 3 (Friday): Wednesday's snow keeps people home, Friday is
#: Valentine's Day
PERSONAL_DAYS = [1.0, 1.0, 1.05, 1.0, 1.1]
OFFICE_DAYS = [1.0, 1.0, 0.85, 1.0, 1.0]
#: a mobile caller's unanswered call: hung up while ringing (487), unreachable or no answer
#: (480, 408), busy (486), declined (603), a wrong number (404)
MOBILE = {487: 0.5, 480: 0.2, 486: 0.12, 408: 0.06, 603: 0.08, 404: 0.04}
#: a SIM box refusing the callbacks to its SIMs
REJECTED = {486: 0.5, 603: 0.2, 480: 0.3}


def ago(days: float) -> datetime:
    """``days`` before the first day."""
    return FIRST - timedelta(days=days)


@dataclass
class Circles:
    """Subscriber lines with one set of habits, and who each calls: its contacts, sorted by
    line, each with a share of the line's calls (the other lines of its plan first)."""

    numbers: list[str]
    customers: list[str]
    subs: list[str | None]
    #: calls a day each line places
    rates: np.ndarray
    #: lines abroad all week (they place no calls at home)
    away: np.ndarray
    #: per contact: its line, its number, whether another carrier serves it, which one, and
    #: how that carrier signs its calls
    owner: np.ndarray
    contacts: list[str]
    offnet: np.ndarray
    carriers: list[str | None]
    signed: list[str | None]
    #: ``owner`` + the cumulative share of the line's calls up to each contact (over all
    #: contacts, and over the off-net ones at ``offnet_index``)
    key: np.ndarray
    offnet_index: np.ndarray
    offnet_key: np.ndarray
    #: the share of each line's calls that go to its off-net contacts
    offnet_share: np.ndarray


def _segment_keys(owner: np.ndarray, weight: np.ndarray, count: int) -> np.ndarray:
    """``owner`` (ascending) + each element's cumulative share of its owner's weight."""
    total = np.cumsum(weight)
    starts = np.searchsorted(owner, np.arange(count))
    ends = np.searchsorted(owner, np.arange(count), side="right")
    before = np.where(starts > 0, total[np.maximum(starts - 1, 0)], 0.0)
    sums = total[np.maximum(ends - 1, 0)] - before
    keys: np.ndarray = owner + (total - before[owner]) / sums[owner]
    return keys


def _pick(
    key: np.ndarray, owner: np.ndarray, lines: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """For each of ``lines``, the index of one of its contacts (``owner``: each contact's
    line, ascending) drawn by its share (``key``: :func:`_segment_keys`)."""
    index = np.searchsorted(key, lines + rng.random(lines.size), side="right")
    return np.minimum(index, np.searchsorted(owner, lines, side="right") - 1)


@dataclass
class WirelessNetwork(GatewayNetwork):
    """A :class:`GatewayNetwork` (per-day offsets, RMD filings, foreign and toll-free
    numbers, dated consent) over four UTC days from :data:`FIRST`: a mobile operator's
    subscribers, its hosted MVNOs, its enterprise voice and its interconnecting carriers."""

    id_prefix: ClassVar[str] = "m"
    days: ClassVar[int] = WIRELESS_DAYS
    start_s: ClassVar[float] = (FIRST - START).total_seconds()

    first_day = FIRST
    zones = ZONES

    #: every number the carrier assigned: the account (and sub-account) that holds it
    holder: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    #: the burner ring's accounts' calls are not sampled: see the module docstring
    accounts: set[str] = field(default_factory=set)

    # --- populations ---------------------------------------------------------------------------
    def sample(self, count: int) -> int:
        """How many of a sender's ``count`` lines (accounts, stores, devices) this volume's
        network holds."""
        return max(1, round(count * self.volume))

    def habits(self, count: int, median: float, sigma: float, most: float = 60) -> np.ndarray:
        """Calls a day each of ``count`` people places: lognormal (``median``, ``sigma``),
        redrawn above ``most`` (a person's day has only so many calls in it)."""
        rates = self.rng.lognormal(np.log(median), sigma, count)
        while (over := rates > most).any():
            rates[over] = self.rng.lognormal(np.log(median), sigma, int(over.sum()))
        return rates

    def account_id(self, prefix: str, digits: int) -> str:
        """A new billing account number."""
        while True:
            made = f"{prefix}{int(self.rng.integers(10 ** (digits - 1), 10**digits))}"
            if made not in self.accounts:
                self.accounts.add(made)
                return made

    def assign(
        self,
        count: int,
        npa: int | Sequence[int],
        *,
        grantee: str,
        since: Sequence[datetime],
        customer: str | None = None,
        sub: str | None = None,
    ) -> list[str]:
        """``count`` numbers no line holds yet, granted (verified) to ``grantee`` from
        ``since`` and recorded as lines of ``customer`` (default: ``grantee``) and
        ``sub``."""
        out: list[str] = []
        while len(out) < count:
            for number in self.numbers(count - len(out), npa):
                if number not in self.holder:
                    self.holder[number] = (customer or grantee, sub)
                    out.append(number)
        self.grants.extend(
            NumberGrant(number, grantee, since=at, verified=True)
            for number, at in zip(out, since, strict=True)
        )
        return out

    def activations(self, count: int, opened: datetime, latest: float = 1.0) -> list[datetime]:
        """When ``count`` lines of an account opened at ``opened`` were activated: at
        opening, or later, up to ``latest`` days before the week."""
        span = max(0.0, (FIRST - opened).total_seconds() / 86_400 - latest)
        late = self.rng.random(count) < 0.4
        days = np.where(late, self.rng.uniform(0, span, count), 0.0)
        return [opened + timedelta(days=float(d)) for d in days]

    def acquaint(
        self,
        numbers: list[str],
        customers: list[str],
        subs: list[str | None],
        rates: np.ndarray,
        *,
        plans: Sequence[Sequence[int]] = (),
        circle: tuple[float, float] = (12, 0.6),
        home: float = 0.55,
        region: float = 0.3,
        abroad: float = 0.0,
    ) -> Circles:
        """Each line's circle: the other lines of its plan (``plans``: indices into
        ``numbers``) and a lognormal number (median, sigma) of off-net contacts, ``home`` of
        them in the line's own area code, ``region`` elsewhere in the region, ``abroad``
        abroad, the rest anywhere in the US, each served by one of :data:`CARRIERS`. A
        line's calls go to its contacts by rank (the k-th gets a share like 1/k)."""
        count = len(numbers)
        family = [(i, j) for plan in plans for i in plan for j in plan if i != j]
        sizes = np.maximum(2, self.rng.lognormal(np.log(circle[0]), circle[1], count))
        off_owner = np.repeat(np.arange(count), sizes.astype(np.int64))
        total = off_owner.size
        own = np.array([int(number[2:5]) for number in numbers])[off_owner]
        draw = self.rng.random(total)
        npas = np.where(
            draw < home,
            own,
            np.where(draw < home + region, self.rng.choice(_REGION_DRAW, total),
                     self.rng.choice(_CODES, total, p=_WEIGHTS)),
        )  # fmt: skip
        exchanges = self.rng.choice(EXCHANGES, total)
        lines = self.rng.integers(0, 10_000, total)
        off_numbers = [
            f"+1{a}{x}{line:04d}" for a, x, line in zip(npas, exchanges, lines, strict=True)
        ]
        off_carriers = self.via_carriers(total)
        off_signed = self.signed_by(off_carriers)
        if abroad:
            foreign = np.flatnonzero(self.rng.random(total) < abroad)
            for i, number in zip(
                foreign, self.foreign(RELATIVES_ABROAD, foreign.size), strict=True
            ):
                off_numbers[i] = number
                off_carriers[i] = TIDEMARK
                off_signed[i] = self.draw_levels(FROM_ABROAD, 1)[0]
        owner = np.concatenate([np.array([i for i, _ in family], np.int64), off_owner])
        contacts = [numbers[j] for _, j in family] + off_numbers
        offnet = np.concatenate([np.zeros(len(family), bool), np.ones(total, bool)])
        carriers: list[str | None] = [None] * len(family)
        carriers += off_carriers
        signed: list[str | None] = ["A"] * len(family)
        signed += off_signed
        order = np.argsort(owner, kind="stable")
        owner = owner[order]
        offnet = offnet[order]
        contacts = [contacts[i] for i in order]
        carriers = [carriers[i] for i in order]
        signed = [signed[i] for i in order]
        starts = np.searchsorted(owner, np.arange(count))
        rank = np.arange(owner.size) - starts[owner]
        weight = 1.0 / (rank + 1.0)
        offnet_index = np.flatnonzero(offnet)
        share = np.bincount(owner, weight * offnet, count) / np.bincount(owner, weight, count)
        return Circles(
            numbers=numbers, customers=customers, subs=subs, rates=rates,
            away=np.zeros(count, bool), owner=owner, contacts=contacts, offnet=offnet,
            carriers=carriers, signed=signed, key=_segment_keys(owner, weight, count),
            offnet_index=offnet_index,
            offnet_key=_segment_keys(owner[offnet_index], weight[offnet_index], count),
            offnet_share=share,
        )  # fmt: skip

    def draw_levels(self, levels: Mapping[str | None, float], count: int) -> list[str | None]:
        """``count`` attestation levels drawn by their shares in ``levels``."""
        keys = list(levels)
        shares = np.array(list(levels.values()), dtype=float)
        return [keys[i] for i in self.rng.choice(len(keys), count, p=shares / shares.sum())]

    def via_carriers(self, count: int) -> list[str | None]:
        """``count`` of :data:`CARRIERS`, drawn by their shares."""
        names = list(CARRIERS)
        shares = np.array([share for share, _ in CARRIERS.values()])
        return [names[i] for i in self.rng.choice(len(names), count, p=shares / shares.sum())]

    def signed_by(self, carriers: Sequence[str | None]) -> list[str | None]:
        """How each call's carrier (one of :data:`CARRIERS`) signs it."""
        out: list[str | None] = [None] * len(carriers)
        for name, (_, levels) in CARRIERS.items():
            mine = [i for i, carrier in enumerate(carriers) if carrier == name]
            for i, level in zip(mine, self.draw_levels(levels, len(mine)), strict=True):
                out[i] = level
        return out

    # --- how calls end -------------------------------------------------------------------------
    def talk(self, median_s: float, sigma: float = 1.1) -> Durations:
        """A conversation: lognormal, at most three hours."""
        return lambda count: np.minimum(10_800, self.live(median_s, sigma)(count))

    def mailbox(self, count: int) -> np.ndarray:
        """A call sent to the callee's voicemail: the greeting (median 11 s) and the beep,
        then a message (median 14 s) from 45% of callers; 30% hang up in the greeting."""
        greeting = self.rng.lognormal(np.log(11), 0.35, count) + 1
        message = self.rng.lognormal(np.log(14), 0.6, count)
        spoke = self.rng.random(count) < 0.45
        quit_early = ~spoke & (self.rng.random(count) < 0.55)
        out = greeting + np.where(spoke, message, 0.0)
        out[quit_early] = greeting[quit_early] * self.rng.uniform(0.2, 0.95, int(quit_early.sum()))
        return np.maximum(1, out.astype(np.int64))

    def outcome(
        self,
        count: int,
        *,
        answered: float,
        mailbox: float,
        talk: Durations,
        unanswered: Mapping[int, float] = MOBILE,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Durations and SIP codes of ``count`` calls: ``answered`` picked up (``talk``),
        ``mailbox`` sent to voicemail (answered by the mailbox), the rest failing."""
        draw = self.rng.random(count)
        picked = draw < answered
        boxed = ~picked & (draw < answered + mailbox)
        durations = np.zeros(count, np.int64)
        if picked.any():
            durations[picked] = np.maximum(1, talk(int(picked.sum())))
        if boxed.any():
            durations[boxed] = self.mailbox(int(boxed.sum()))
        codes = np.array(list(unanswered), dtype=np.int64)
        shares = np.array(list(unanswered.values()), dtype=float)
        failures = self.rng.choice(codes, count, p=shares / shares.sum())
        return durations, np.where(picked | boxed, 200, failures)

    # --- the calls -----------------------------------------------------------------------------
    def record(
        self,
        seconds: np.ndarray,
        callers: Sequence[str],
        called: Sequence[str],
        durations: np.ndarray,
        codes: np.ndarray,
        *,
        signed: Sequence[str | None],
        customers: Sequence[str | None] | None = None,
        subs: Sequence[str | None] | None = None,
        upstreams: Sequence[str | None] | None = None,
    ) -> None:
        """Append calls starting ``seconds`` after :data:`FIRST` (those within the days),
        each with its own account, sub-account or upstream."""
        kept = np.flatnonzero((seconds >= 0) & (seconds < self.days * 86_400)).tolist()
        if not kept:
            return
        start = len(self.columns["call_id"])
        self.append(
            start_times=[START + timedelta(seconds=float(seconds[i] + self.start_s)) for i in kept],
            durations=durations[kept].tolist(),
            sip_codes=codes[kept].tolist(),
            callers=[callers[i] for i in kept],
            called=[called[i] for i in kept],
            customer=None,
            upstream=None,
            sub_account=None,
            attestations=[signed[i] for i in kept],
        )
        for name, values in (("customer_id", customers), ("sub_account", subs),
                             ("upstream_provider", upstreams)):  # fmt: skip
            if values is not None:
                self.columns[name][start:] = [values[i] for i in kept]

    def local_offsets(self, numbers: Sequence[str], day: int) -> np.ndarray:
        """Seconds each number's area code is ahead of UTC on local ``day``."""
        cache: dict[str, int] = {}
        out = np.empty(len(numbers))
        for i, number in enumerate(numbers):
            npa = number[2:5]
            if npa not in cache:
                cache[npa] = self.offset_s(npa, day)
            out[i] = cache[npa]
        return out

    def strangers(self, count: int, near: Sequence[str]) -> list[str]:
        """Numbers of people and businesses outside a line's circle: in the area code of
        the matching line of ``near`` (60%), elsewhere in the region (25%), the US."""
        fresh = self.numbers(count)
        regional = self.numbers(count, _REGION_DRAW)
        draw = self.rng.random(count)
        return [
            f"+1{line[2:5]}{other[5:]}" if u < 0.6 else (far if u < 0.85 else other)
            for line, other, far, u in zip(near, fresh, regional, draw, strict=True)
        ]

    def converse(
        self,
        people: Circles,
        *,
        hours: Mapping[int, float],
        talk: Durations,
        answered: float = 0.55,
        mailbox: float = 0.27,
        one_off: float = 0.12,
        inbound: float = 0.8,
        strangers: float = 0.5,
        factors: Sequence[float] = PERSONAL_DAYS,
    ) -> None:
        """Each line's calls, a Poisson number a local day (its rate times the day's
        ``factors``), at ``hours`` of its own clock: to its contacts by their shares, or
        (``one_off`` of them) to a business or a stranger (75% picked up, 2 minutes); and
        the calls its off-net contacts place to it (``inbound`` times as many as it places
        to them) through their carriers, and ``strangers`` calls a day from outside its
        circle (35% picked up)."""
        when = self.by_hour(hours)
        everyone = np.arange(len(people.numbers))
        for day in range(-1, self.days):
            factor = factors[day + 1]
            offsets = self.local_offsets(people.numbers, day)
            # calls the lines place
            rates = np.where(people.away, 0.0, people.rates) * factor
            line = np.repeat(everyone, self.rng.poisson(rates))
            seconds = day * 86_400 + when(line.size) * 3600 - offsets[line]
            lone = self.rng.random(line.size) < one_off
            picked = _pick(people.key, people.owner, line, self.rng)
            called = [people.contacts[c] for c in picked]
            near = [people.numbers[i] for i in line[lone]]
            for i, number in zip(np.flatnonzero(lone), self.strangers(len(near), near),
                                 strict=True):  # fmt: skip
                called[i] = number
            durations, codes = self.outcome(line.size, answered=answered, mailbox=mailbox,
                                            talk=talk)  # fmt: skip
            business, business_codes = self.outcome(int(lone.sum()), answered=0.75,
                                                    mailbox=0.05, talk=self.talk(120, 0.9),
                                                    unanswered=PEOPLE)  # fmt: skip
            durations[lone] = business
            codes[lone] = business_codes
            self.record(seconds, [people.numbers[i] for i in line], called, durations, codes,
                        signed=["A"] * line.size, customers=[people.customers[i] for i in line],
                        subs=[people.subs[i] for i in line])  # fmt: skip
            # calls from the lines' off-net contacts
            rates = people.rates * factor * inbound * people.offnet_share
            line = np.repeat(everyone, self.rng.poisson(rates))
            contact = people.offnet_index[
                _pick(people.offnet_key, people.owner[people.offnet_index], line, self.rng)
            ]
            seconds = day * 86_400 + when(line.size) * 3600 - offsets[line]
            durations, codes = self.outcome(line.size, answered=answered, mailbox=mailbox,
                                            talk=talk)  # fmt: skip
            self.record(seconds, [people.contacts[c] for c in contact],
                        [people.numbers[i] for i in line], durations, codes,
                        signed=[people.signed[c] for c in contact],
                        upstreams=[people.carriers[c] for c in contact])  # fmt: skip
            # and from strangers: businesses, wrong numbers
            line = np.repeat(everyone, self.rng.poisson(strangers * factor, everyone.size))
            seconds = day * 86_400 + self.by_hour(WORKDAY)(line.size) * 3600 - offsets[line]
            via = self.via_carriers(line.size)
            durations, codes = self.outcome(line.size, answered=0.35, mailbox=0.3,
                                            talk=self.talk(45, 1.0))  # fmt: skip
            self.record(seconds, self.strangers(line.size, [people.numbers[i] for i in line]),
                        [people.numbers[i] for i in line], durations, codes,
                        signed=self.signed_by(via), upstreams=via)  # fmt: skip

    def roam(self, people: Circles, share: float) -> None:
        """``share`` of the lines with family on their plan are abroad all week, on the
        clock of where they are; they call home about 2.5 times a day (their circle, by its
        shares): home-routed over VoLTE roaming (55%: customer-originated, signed A) or
        broken out in the visited network and handed over by :data:`MERIDIAN` (only the
        calls to their family, Northstar's lines, cross this core)."""
        has_family = np.bincount(people.owner[~people.offnet], minlength=len(people.numbers)) > 0
        chosen = np.flatnonzero(has_family & (self.rng.random(len(people.numbers)) < share))
        people.away[chosen] = True
        # Cancun (UTC-5), Mexico City (UTC-6), Punta Cana (UTC-4), Europe (UTC+1)
        where = self.rng.choice([-5, -6, -4, 1], chosen.size, p=[0.25, 0.15, 0.2, 0.4]) * 3600
        when = self.by_hour(PERSONAL)
        for day in range(-1, self.days):
            counts = self.rng.poisson(2.5, chosen.size)
            line = np.repeat(chosen, counts)
            seconds = day * 86_400 + when(line.size) * 3600 - np.repeat(where, counts)
            contact = _pick(people.key, people.owner, line, self.rng)
            durations, codes = self.outcome(line.size, answered=0.55, mailbox=0.27,
                                            talk=self.talk(150, 1.0))  # fmt: skip
            home_routed = self.rng.random(line.size) < 0.55
            callers = [people.numbers[i] for i in line]
            called = [people.contacts[c] for c in contact]
            mine = np.flatnonzero(home_routed)
            self.record(seconds[mine], [callers[i] for i in mine], [called[i] for i in mine],
                        durations[mine], codes[mine], signed=["A"] * mine.size,
                        customers=[people.customers[line[i]] for i in mine],
                        subs=[people.subs[line[i]] for i in mine])  # fmt: skip
            hub = np.flatnonzero(~home_routed & ~people.offnet[contact])
            self.record(seconds[hub], [callers[i] for i in hub], [called[i] for i in hub],
                        durations[hub], codes[hub],
                        signed=self.draw_levels({"C": 0.8, None: 0.2}, hub.size),
                        upstreams=[MERIDIAN] * hub.size)  # fmt: skip

    def rows_since(self, start: int) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
        """Callers, callees, seconds after :data:`FIRST` and SIP codes of the calls
        appended from row ``start``."""
        times = self.columns["start_time"][start:]
        seconds = np.array([(t - FIRST).total_seconds() for t in times])  # type: ignore[operator]
        codes = np.array(self.columns["sip_code"][start:], dtype=np.int64)
        callers = [str(c) for c in self.columns["caller_id"][start:]]
        called = [str(c) for c in self.columns["called_number"][start:]]
        return callers, called, seconds, codes

    def callbacks(
        self,
        start: int,
        share: float,
        *,
        answered: float,
        mailbox: float,
        talk: Durations,
        unanswered: Mapping[int, float],
    ) -> None:
        """``share`` of the callees of the calls appended from row ``start`` call the number
        back (minutes to hours later): a Northstar subscriber from their own line, the
        others through their carriers."""
        callers, called, seconds, _ = self.rows_since(start)
        back = np.flatnonzero(self.rng.random(len(called)) < share)
        later = seconds[back] + self.rng.lognormal(np.log(1800), 1.2, back.size)
        durations, codes = self.outcome(back.size, answered=answered, mailbox=mailbox,
                                        talk=talk, unanswered=unanswered)  # fmt: skip
        ours = np.array([called[i] in self.holder for i in back], bool)
        mine = np.flatnonzero(ours)
        self.record(later[mine], [called[back[i]] for i in mine],
                    [callers[back[i]] for i in mine], durations[mine], codes[mine],
                    signed=["A"] * mine.size,
                    customers=[self.holder[called[back[i]]][0] for i in mine],
                    subs=[self.holder[called[back[i]]][1] for i in mine])  # fmt: skip
        theirs = np.flatnonzero(~ours)
        via = self.via_carriers(theirs.size)
        self.record(later[theirs], [called[back[i]] for i in theirs],
                    [callers[back[i]] for i in theirs], durations[theirs], codes[theirs],
                    signed=self.signed_by(via), upstreams=via)  # fmt: skip

    def spoofed_subscribers(self, by_area: Mapping[str, Sequence[str]]) -> Callers:
        """The account-takeover scam's caller IDs: a neighbour number in the callee's
        NPA-NXX (45%), a real subscriber's number in the callee's area code (25%),
        Northstar's customer-care numbers (15%), an invented number in the callee's area
        code (15%)."""

        def callers(called: list[str], _day: int) -> list[str]:
            draw = self.rng.random(len(called))
            lines = self.rng.integers(0, 10_000, len(called))
            exchanges = self.rng.choice(EXCHANGES, len(called))
            out = []
            for callee, u, line, exchange in zip(called, draw, lines, exchanges, strict=True):
                area = by_area.get(callee[2:5], ())
                if u < 0.45:
                    out.append(f"{callee[:8]}{line:04d}")
                elif u < 0.7 and area:
                    out.append(area[int(self.rng.integers(0, len(area)))])
                elif u < 0.85:
                    out.append(NORTHSTAR_CARE[int(self.rng.integers(0, len(NORTHSTAR_CARE)))])
                else:
                    out.append(f"{callee[:5]}{exchange}{line:04d}")
            return out

        return callers

    def peer(
        self, switch_id: str, legal_name: str, use: str, *, years: float, campaign: bool
    ) -> None:
        """An interconnecting carrier: its ``kind=provider`` row, its label."""
        self.customers.append(
            Customer(switch_id, legal_name, kind=CustomerKind.PROVIDER,
                     created_at=ago(round(365 * years)), kyc_status=KycStatus.VERIFIED,
                     declared_use=use, country="US")
        )  # fmt: skip
        self.upstream([switch_id], campaign=campaign)

    def households(
        self, plans: int, sizes: Mapping[int, float], *, customer: str | None, prefix: str,
        kyc: KycStatus, use: str, years: tuple[float, float], rate: tuple[float, float],
        npa: Sequence[int] = _REGION_DRAW, sub: str | None = None, abroad: float = 0.0,
    ) -> Circles:  # fmt: skip
        """``plans`` subscriber accounts of ``sizes`` lines (their shares), each opened a
        lognormal number of years ago (median, sigma) in a home area code of ``npa``, each
        line placing a lognormal number of calls a day (``rate``: median, sigma). Each plan
        is its own billing account (``prefix``), or, with ``customer``, a line group of that
        MVNO (and ``sub``: the dealer that activated it)."""
        numbers: list[str] = []
        customers: list[str] = []
        subs: list[str | None] = []
        groups: list[list[int]] = []
        counts = list(sizes)
        shares = np.array(list(sizes.values()), dtype=float)
        for _ in range(plans):
            size = int(self.rng.choice(counts, p=shares / shares.sum()))
            age = min(15 * 365, 365 * float(self.rng.lognormal(np.log(years[0]), years[1])))
            opened = ago(max(2.0, age))
            home = int(self.rng.choice(npa))
            if customer is None:
                owner = self.account_id(prefix, 9 if prefix == "ban-" else 7)
                domain = self.rng.choice(["gmail.com", "yahoo.com", "comcast.net", "icloud.com",
                                          "outlook.com", "aol.com"])  # fmt: skip
                self.account(owner, use, kyc=kyc, opened=opened, email=f"{owner[3:]}@{domain}")
                grantee, billed = owner, owner
            else:
                grantee, billed = sub or customer, customer
            first = len(numbers)
            npas = [home if self.rng.random() < 0.93 else int(self.rng.choice(npa))
                    for _ in range(size)]  # fmt: skip
            for area, at in zip(npas, self.activations(size, opened), strict=True):
                numbers += self.assign(
                    1, area, grantee=grantee, since=[at], customer=billed, sub=sub
                )
            customers += [billed] * size
            subs += [sub] * size
            groups.append(list(range(first, first + size)))
        rates = self.habits(len(numbers), *rate)
        self.lawful(numbers)
        return self.acquaint(numbers, customers, subs, rates, plans=groups, abroad=abroad)


def build(seed: int, volume: float = 1.0) -> WirelessNetwork:
    """The network of the module docstring; ``volume`` samples every population."""
    n = WirelessNetwork(seed, volume)
    n.accounts.update(account for account, *_ in BURNERS)
    n.dno.extend(DnoEntry(number, "government inbound-only line (ITG DNO list)") for number in SSA)
    n.dno.extend(DnoEntry(number, "inbound only (customer service)") for number in INBOUND_ONLY)
    n.dno.extend(DnoEntry(number, "Northstar Wireless customer care: inbound only")
                 for number in NORTHSTAR_CARE)  # fmt: skip
    n.dno.extend(DnoEntry(number, "inbound only (customer service)") for number in n.numbers(300))
    for frn, name, implementation, updated in [
        ("0004371188", "Northstar Wireless LLC", IMPLEMENTED, 20240617),
        ("0012550713", "Atlas Mobility USA, Inc.", IMPLEMENTED, 20240503),
        ("0008826401", "Cardinal Cable Voice, LLC", IMPLEMENTED, 20231120),
        ("0003317725", "Penn-Ohio Telephone Company", PARTIAL, 20240212),
        ("0027718340", "Tidemark Voice Exchange, Inc.", PARTIAL, 20240826),
        ("0024410987", "Meridian IPX B.V.", MITIGATION_ONLY, 20240402),
        ("0019003816", "Brightwave Communications LLC d/b/a Brightwave Mobile", IMPLEMENTED,
         20240711),
        ("0026650431", "Liberty Talk Wireless, Inc.", PARTIAL, 20240930),
    ]:  # fmt: skip
        n.filing(frn, name, implementation, updated)
    n.peer(ATLAS, "Atlas Mobility USA, Inc.", "wireless interconnection (IP, bilateral)",
           years=12, campaign=False)  # fmt: skip
    n.peer(CARDINAL, "Cardinal Cable Voice, LLC", "local interconnection (IP)", years=9,
           campaign=False)  # fmt: skip
    n.peer(PENN_OHIO, "Penn-Ohio Telephone Company", "local interconnection (TDM and IP)",
           years=20, campaign=False)  # fmt: skip
    n.peer(TIDEMARK, "Tidemark Voice Exchange, Inc.", "wholesale transit and international "
           "termination", years=3, campaign=True)  # fmt: skip
    n.peer(MERIDIAN, "Meridian IPX B.V.", "roaming hub (international breakout of roamers' "
           "calls)", years=6, campaign=False)  # fmt: skip

    # --- the subscribers ------------------------------------------------------------------
    family_sizes = {1: 0.22, 2: 0.33, 3: 0.2, 4: 0.17, 5: 0.08}
    postpaid = n.households(n.sample(4000), family_sizes, customer=None, prefix="ban-",
                            kyc=KycStatus.VERIFIED, use="postpaid wireless (consumer)",
                            years=(4, 0.9), rate=(3.0, 0.8))  # fmt: skip
    prepaid = n.households(n.sample(2500), {1: 1.0}, customer=None, prefix="pp-",
                           kyc=KycStatus.UNKNOWN, use="prepaid wireless (consumer)",
                           years=(0.8, 1.2), rate=(4.0, 0.85), abroad=0.1)  # fmt: skip
    n.account("brightwave-mobile", "MVNO: mobile service for our cable and internet "
              "subscribers (postpaid)", kind=CustomerKind.RESELLER, opened=ago(365 * 5),
              ein="23-3104488", address="1 Brightwave Plaza, Pittsburgh PA")  # fmt: skip
    cable = n.households(n.sample(1600), family_sizes, customer="brightwave-mobile",
                         prefix="", kyc=KycStatus.VERIFIED, use="", years=(2, 0.6),
                         rate=(3.0, 0.8))  # fmt: skip
    n.account("liberty-talk-wireless", "MVNO: prepaid wireless sold online and through "
              "authorised dealers", kind=CustomerKind.RESELLER, opened=ago(365 * 4),
              ein="46-5528130", address="400 Penn Center Blvd, Pittsburgh PA")  # fmt: skip
    liberty = [n.households(n.sample(1000), {1: 1.0}, customer="liberty-talk-wireless",
                            prefix="", kyc=KycStatus.VERIFIED, use="", years=(1.0, 0.8),
                            rate=(4.0, 0.85), abroad=0.08)]  # fmt: skip
    for code, shop, lines, area in [
        ("1043", "Northside Wireless", 240, [412]), ("1088", "Mahoning Cell & Tech", 120, [330]),
        ("1121", "Westgate Phones", 180, [216, 440]), ("1176", "Campus Mobile", 90, [614]),
        ("1214", "Riverfront Wireless", 150, [313, 586]), ("1250", "Cellular Plus", 200, [215]),
        ("1302", "Kanawha Phone Shop", 60, [304]), ("1357", "Lakeview Wireless", 130, [716]),
        ("1411", "Reading Cell Center", 170, [610, 484]),
        ("1468", "Grand River Mobile", 160, [616]),
    ]:  # fmt: skip
        dealer = f"ltw-dealer-{code}"
        n.account(dealer, "authorised retailer: prepaid activations",
                  parent="liberty-talk-wireless", opened=ago(365 * 2), ein=None)  # fmt: skip
        n.customers[-1] = replace(n.customers[-1], name=f"{shop} (dealer {code})")
        liberty.append(n.households(n.sample(lines), {1: 1.0}, customer="liberty-talk-wireless",
                                    prefix="", kyc=KycStatus.VERIFIED, use="", npa=area,
                                    years=(1.0, 0.8), rate=(4.0, 0.85), sub=dealer,
                                    abroad=0.08))  # fmt: skip
    rogue = "ltw-dealer-2217"
    n.account(rogue, "authorised retailer: prepaid activations", campaign=True,
              parent="liberty-talk-wireless", opened=ago(210), ein="85-4410269",
              address="5412 Frankford Ave, Philadelphia PA",
              email="primecellrepair@gmail.com")  # fmt: skip
    n.customers[-1] = replace(n.customers[-1], name="Prime Cellular & Repair (dealer 2217)")
    liberty.append(n.households(n.sample(70), {1: 1.0}, customer="liberty-talk-wireless",
                                prefix="", kyc=KycStatus.VERIFIED, use="", npa=PHILADELPHIA,
                                years=(0.3, 0.5), rate=(4.0, 0.85), sub=rogue,
                                abroad=0.08))  # fmt: skip

    small: list[Circles] = []
    trades = ["roofing", "plumbing", "landscaping-and-snow", "hvac", "electric", "auto-body",
              "towing", "property-management", "cleaning", "moving", "pest-control",
              "construction"]  # fmt: skip
    places = ["allegheny", "buckeye", "maumee", "monongahela", "cuyahoga", "schuylkill",
              "huron", "kanawha", "genesee", "lehigh", "susquehanna", "scioto"]  # fmt: skip
    names = sorted({f"{p}-{t}" for p in places for t in trades})
    for name in n.rng.choice(names, n.sample(30), replace=False):
        town = int(n.rng.choice(_REGION_DRAW))
        opened = ago(float(n.rng.uniform(200, 5000)))
        n.account(
            str(name),
            "business wireless (office and field staff)",
            opened=opened,
            ein=f"{int(n.rng.integers(10, 99))}-{int(n.rng.integers(1000000, 9999999))}",
        )
        size = int(n.rng.integers(2, 21))
        numbers = n.assign(size, town, grantee=str(name), since=n.activations(size, opened))
        n.lawful(numbers)
        crew = n.acquaint(numbers, [str(name)] * size, [None] * size,
                          n.habits(size, 9, 0.7, most=80), plans=[list(range(size))],
                          circle=(60, 0.5), home=0.7, region=0.25)  # fmt: skip
        small.append(crew)

    n.roam(postpaid, 0.015)
    for people in [postpaid, cable]:
        n.converse(people, hours=PERSONAL, talk=n.talk(70))
    for people in [prepaid, *liberty]:
        n.converse(people, hours=PERSONAL, talk=n.talk(80), one_off=0.15)
    for crew in small:
        n.converse(crew, hours=WORKDAY, talk=n.talk(90, 1.0), answered=0.5, one_off=0.35,
                   inbound=0.9, strangers=2.0, factors=OFFICE_DAYS)  # fmt: skip
    subscribers = [number for people in [postpaid, prepaid, cable, *liberty]
                   for number in people.numbers]  # fmt: skip
    by_area: dict[str, list[str]] = {}
    for number in subscribers:
        by_area.setdefault(number[2:5], []).append(number)

    # --- campaigns ------------------------------------------------------------------------
    # the dealer's SIM farm
    farm_since = n.dated(2, 25)(n.sample(300))
    sims = n.assign(len(farm_since), PHILADELPHIA, grantee=rogue, since=farm_since,
                    customer="liberty-talk-wireless", sub=rogue)  # fmt: skip
    leads = n.numbers(n.sample(200_000)) + n.numbers(n.sample(100_000), SUBSIDY_STATES)
    subsidy = n.mix([
        (0.7, n.press_one(26, transfer=0.04, hang_ups=0.55, agent_median_s=420)),
        (0.3, n.message(26, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    start = len(n.columns["call_id"])
    n.send(28_500, customer="liberty-talk-wireless", sub_account=rogue, callers=n.rotate(sims),
           callees=leads, durations=subsidy, answered=0.2,
           when=n.by_hour(dict.fromkeys(range(9, 19), 1.0)))  # fmt: skip
    n.callbacks(start, 0.04, answered=0.0, mailbox=0.0, talk=n.talk(30),
                unanswered=REJECTED)  # fmt: skip

    # the "we buy houses" phone farm
    offers = "great-lakes-home-offers"
    opened = ago(70)
    n.account(offers, "real estate investment: calls to homeowners (acquisitions team)",
              campaign=True, opened=opened, ein="88-3057721",
              address="1360 E 9th St Ste 910, Cleveland OH",
              email="acquisitions@greatlakeshomeoffers.com")  # fmt: skip
    rack = n.assign(n.sample(36), CLEVELAND_DETROIT, grantee=offers,
                    since=n.activations(n.sample(36), opened, latest=20))  # fmt: skip
    owners = n.numbers(n.sample(120_000), OWNERS)
    n.consented_at(offers, owners, n.dated(5, 60),
                   kind=ConsentType.PRIOR_EXPRESS_WRITTEN, share=0.03,
                   evidence="https://www.greatlakeshomeoffers.com/offer/{index}")  # fmt: skip
    cash_offer = n.mix([
        (0.58, n.message(24, hang_ups=0.0, voicemail=1.0, greeting=(9, 27))),
        (0.42, n.press_one(24, transfer=0.06, hang_ups=0.6, agent_median_s=300)),
    ])  # fmt: skip
    start = len(n.columns["call_id"])
    n.send(5400, customer=offers, callers=n.rotate(rack), callees=owners, durations=cash_offer,
           answered=0.32, when=n.between(9, 20))  # fmt: skip
    n.callbacks(start, 0.02, answered=0.5, mailbox=0.3, talk=n.talk(180, 0.8),
                unanswered=PEOPLE)  # fmt: skip

    # the carrier-impersonation scam through Tidemark
    takeover = n.mix([
        (0.75, n.press_one(23, transfer=0.05, hang_ups=0.5, agent_median_s=540)),
        (0.25, n.message(23, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    start = len(n.columns["call_id"])
    n.send(1000, upstream=TIDEMARK, callers=n.spoofed_subscribers(by_area), callees=subscribers,
           durations=takeover, answered=0.2, when=n.between(14, 23), clock="utc",
           attestation={None: 0.45, "C": 0.35, "B": 0.2})  # fmt: skip
    callers, called, seconds, codes = n.rows_since(start)
    # the callees who call back the subscriber whose number they saw
    urge = np.where(codes == 200, 0.05, 0.1) > n.rng.random(codes.size)
    back = [i for i, caller in enumerate(callers) if caller in n.holder and urge[i]]
    durations, outcomes = n.outcome(len(back), answered=0.45, mailbox=0.3, talk=n.talk(30, 0.6))
    n.record(seconds[back] + n.rng.lognormal(np.log(900), 1.0, len(back)),
             [called[i] for i in back], [callers[i] for i in back], durations, outcomes,
             signed=["A"] * len(back), customers=[n.holder[called[i]][0] for i in back],
             subs=[n.holder[called[i]][1] for i in back])  # fmt: skip

    # the burner eSIMs
    apple = n.mix([
        (0.8, n.press_one(19, transfer=0.03, hang_ups=0.6, agent_median_s=900)),
        (0.2, n.message(19, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    for burner, day, hour, country in BURNERS:
        activated = FIRST + timedelta(days=day, hours=hour)
        domain = n.rng.choice(["gmail.com", "outlook.com", "proton.me"])
        n.account(burner, "prepaid wireless (consumer)", campaign=True, kyc=KycStatus.UNKNOWN,
                  opened=activated, email=f"{burner[3:]}x{int(n.rng.integers(10, 99))}@{domain}",
                  ip_country=country)  # fmt: skip
        line = n.assign(1, int(n.rng.choice(_REGION_DRAW)), grantee=burner, since=[activated])
        first = max(hour + float(n.rng.uniform(1, 3)), 13.0)
        last = min(first + float(n.rng.uniform(6, 11)), 23.0)
        count = int(n.rng.poisson(30 * (last - first)))
        seconds = day * 86_400 + n.rng.uniform(first, last, count) * 3600
        callees = n.numbers(count)
        picked_up = n.rng.random(count) < 0.16
        n.place(callees, seconds + n.start_s, day, picked_up, DIALLER, callers=n.rotate(line),
                durations=apple, customer=burner, sub_account=None, upstream=None,
                attestation="A")  # fmt: skip

    # --- for review -----------------------------------------------------------------------
    team = "steel-city-home-team"
    opened = ago(430)
    n.account(team, "real estate brokerage team (agents' business lines)", opened=opened,
              ein="82-2215907", address="2100 Wharton St, Pittsburgh PA")  # fmt: skip
    del n.campaign["customer", team]
    n.review.add(("customer", team))
    agents = n.assign(
        n.sample(9), [412, 724], grantee=team, since=n.activations(n.sample(9), opened)
    )
    exchanges = n.rng.choice(EXCHANGES, 40)
    listings = [f"+1{npa}{x}" for npa, x in zip(n.rng.choice([412, 724], 40), exchanges,
                                               strict=True)]  # fmt: skip
    prospects = n.numbers(n.sample(40_000), [412, 724]) + n.in_exchanges(n.sample(60_000), listings)
    prospecting = n.mix([
        (0.45, n.talk(7, 0.5)),  # "not interested"
        (0.2, n.talk(38, 0.3)),  # a spoken voicemail
        (0.35, n.talk(80, 0.8)),  # a conversation
    ])  # fmt: skip
    for block in [n.between(9.5, 12), n.between(16.5, 19.5)]:
        n.send(990 // 2, customer=team, callers=n.rotate(agents), callees=prospects,
               durations=prospecting, answered=0.2, when=block, unanswered=PEOPLE)  # fmt: skip

    # --- lawful enterprises ---------------------------------------------------------------
    swiftcart = "swiftcart-delivery"
    n.account(swiftcart, "number masking between couriers and customers (proxy numbers)",
              opened=ago(365 * 6), ein="47-1180936",
              address="200 Smallman St, Pittsburgh PA")  # fmt: skip
    proxies = n.assign(n.sample(1800), _REGION_DRAW, grantee=swiftcart,
                       since=n.dated(30, 2000)(n.sample(1800)))  # fmt: skip
    n.lawful(proxies)
    couriers_and_customers = n.numbers(n.sample(80_000), _REGION_DRAW)
    masked = n.talk(38, 0.75)
    ringing = {480: 0.4, 487: 0.35, 486: 0.15, 603: 0.1}
    n.send([18_000, 18_000, 18_000, 22_000], customer=swiftcart, callers=n.same_area(proxies),
           callees=couriers_and_customers, durations=masked, answered=0.74,
           when=n.by_hour(MEALS), unanswered=ringing)  # fmt: skip
    n.send(n.only(3, 6000), customer=swiftcart, callers=n.same_area(proxies),
           callees=couriers_and_customers, durations=masked, answered=0.74,
           when=n.between(9, 18), unanswered=ringing)  # fmt: skip

    riverton = "riverton-drug"
    n.account(riverton, "prescription refill and pickup reminders (store IVR)",
              opened=ago(365 * 12), ein="25-0871134")  # fmt: skip
    stores = n.assign(n.sample(120), _REGION_DRAW, grantee=riverton,
                      since=[ago(365 * 3)] * n.sample(120))  # fmt: skip
    n.lawful(stores)
    refill = n.mix([(0.9, n.message(24, hang_ups=0.12, voicemail=0.33)),
                    (0.1, lambda count: 24 + n.talk(40, 0.5)(count))])  # fmt: skip
    n.store_reminders(riverton, stores, 7200, each=300,
                      consented=n.dated(30, 3000), durations=refill,
                      when=n.by_hour(REMINDER_HOURS))  # fmt: skip

    hospital = "st-brendan-medical-center"
    opened = ago(365 * 9)
    n.account(hospital, "clinicians' phones and clinical paging", opened=opened,
              ein="25-1012247", address="4800 Friendship Ave, Pittsburgh PA")  # fmt: skip
    size = n.sample(220)
    staff = n.assign(size, [412, 724], grantee=hospital, since=n.activations(size, opened))
    n.lawful(staff)
    teams = np.array_split(np.arange(size), max(1, size // 6))
    wards = n.acquaint(staff, [hospital] * size, [None] * size,
                       n.habits(size, 10, 0.6),
                       plans=[team_.tolist() for team_ in teams], circle=(25, 0.5), home=0.8,
                       region=0.15)  # fmt: skip
    n.converse(wards, hours=WARDS, talk=n.talk(60, 1.0), answered=0.6, mailbox=0.2,
               one_off=0.2, factors=[1.0] * 5)  # fmt: skip
    pagers = n.assign(2, 412, grantee=hospital, since=[ago(365 * 5)] * 2)
    n.lawful(pagers)
    physicians = n.numbers(n.sample(180), [412, 724])
    n.consented_at(hospital, physicians, ago(300), evidence="{holder}/on-call-agreement/{index}")
    on_call = staff + physicians
    page = n.mix([(0.85, n.talk(7, 0.35)), (0.1, n.talk(18, 0.2)),
                  (0.05, n.message(12, hang_ups=0.0, voicemail=1.0))])  # fmt: skip
    unanswered_page = {480: 0.4, 487: 0.4, 486: 0.1, 603: 0.1}
    start = len(n.columns["call_id"])
    n.send(1500, customer=hospital, callers=n.rotate(pagers),
           callees=on_call, durations=page, answered=0.82,
           when=n.by_hour({h: 0.5 for h in range(24)} | dict.fromkeys(range(7, 20), 1.0)),
           unanswered=unanswered_page)  # fmt: skip
    for repeat in (1, 2):
        callers, called, seconds, codes = n.rows_since(start)
        again = np.flatnonzero(codes != 200)
        start = len(n.columns["call_id"])
        durations, outcomes = n.outcome(again.size, answered=0.75, mailbox=0.0, talk=page,
                                        unanswered=unanswered_page)  # fmt: skip
        n.record(seconds[again] + 300 * repeat + n.rng.uniform(0, 20, again.size),
                 [callers[i] for i in again], [called[i] for i in again], durations, outcomes,
                 signed=["A"] * again.size, customers=[hospital] * again.size)  # fmt: skip

    alerts = "silverline-medical-alert"
    opened = ago(365 * 10)
    n.account(alerts, "personal emergency response devices (IoT voice lines: test calls and "
              "alarms to our monitoring centre)", opened=opened, ein="36-4470815")  # fmt: skip
    devices = n.assign(n.sample(15_000), _REGION_DRAW, grantee=alerts,
                       since=n.dated(5, 3000)(n.sample(15_000)))  # fmt: skip
    n.lawful(devices)
    receivers, operators = n.toll_free(4), n.toll_free(2)
    slot_day = n.rng.integers(0, 7, len(devices))
    slot_hour = n.rng.uniform(0, 6, len(devices))
    for day in range(-1, n.days):
        testing = np.flatnonzero(slot_day == day % 7)
        offsets = n.local_offsets([devices[i] for i in testing], day)
        seconds = day * 86_400 + slot_hour[testing] * 3600 - offsets
        handshake = np.maximum(1, n.rng.lognormal(np.log(15), 0.15, testing.size).astype(np.int64))
        busy = n.rng.random(testing.size) < 0.015
        callers = [devices[i] for i in testing]
        receiver = [receivers[i] for i in n.rng.integers(0, 4, testing.size)]
        n.record(seconds, callers, receiver, np.where(busy, 0, handshake),
                 np.where(busy, 486, 200), signed=["A"] * testing.size,
                 customers=[alerts] * testing.size)  # fmt: skip
        retried = np.flatnonzero(busy)
        n.record(seconds[retried] + n.rng.uniform(60, 240, retried.size),
                 [callers[i] for i in retried], [receiver[i] for i in retried],
                 handshake[retried], np.full(retried.size, 200),
                 signed=["A"] * retried.size,
                 customers=[alerts] * retried.size)  # fmt: skip
        pressed = n.rng.choice(len(devices), n.rng.poisson(0.012 * len(devices)))
        seniors = [devices[i] for i in pressed]
        seconds = (day * 86_400 + n.by_hour(PERSONAL)(pressed.size) * 3600
                   - n.local_offsets(seniors, day))  # fmt: skip
        durations, codes = n.outcome(pressed.size, answered=0.995, mailbox=0.0,
                                     talk=n.mix([(0.7, n.talk(45, 0.5)),
                                                 (0.3, n.talk(240, 0.7))]))  # fmt: skip
        n.record(seconds, seniors, [operators[i] for i in n.rng.integers(0, 2, pressed.size)],
                 durations, codes, signed=["A"] * pressed.size,
                 customers=[alerts] * pressed.size)  # fmt: skip

    agency = "ortega-family-insurance"
    opened = ago(365 * 11)
    n.account(agency, "insurance agency (agent and producers' phones)", opened=opened,
              ein="34-1908823", address="2217 Lorain Ave, Cleveland OH")  # fmt: skip
    producers = n.assign(n.sample(3), [216, 440], grantee=agency, since=[opened] * n.sample(3))
    n.lawful(producers)
    book = n.numbers(n.sample(6000), [216, 440, 330])
    n.consented(agency, book, 0.85)
    n.send(135, customer=agency, callers=n.rotate(producers), callees=book,
           durations=n.talk(150, 0.9), answered=0.45, when=n.by_hour(AGENCY),
           unanswered=PEOPLE)  # fmt: skip

    # --- the other carriers' lawful automated and business calls to the subscribers -------
    automated: list[tuple[str, int, dict[str | None, float]]] = [
        (ATLAS, 600, {"A": 0.9, "B": 0.1}),
        (CARDINAL, 1300, {"A": 0.85, "B": 0.15}),
        (PENN_OHIO, 1700, {"A": 0.6, "B": 0.1, None: 0.3}),
    ]
    for carrier, per_day, signed in automated:
        reminders = n.numbers(400, _REGION_DRAW)
        n.lawful(reminders)
        n.send(per_day, upstream=carrier, callers=n.rotate(reminders), callees=subscribers,
               durations=n.message(28, spread=3, hang_ups=0.15, voicemail=0.3), answered=0.55,
               when=n.by_hour(REMINDERS), attestation=signed)  # fmt: skip
    vendor = n.numbers(14, SNOW_DAY)
    n.lawful(vendor)
    parents = [number for number in subscribers
               if int(number[2:5]) in SNOW_DAY and n.rng.random() < 0.2]  # fmt: skip
    twice = parents + [number for number in parents if n.rng.random() < 0.3]
    closing = n.message(35, spread=6, hang_ups=0.15, voicemail=0.3)
    through_penn_ohio = n.rng.random(len(twice)) < 0.6
    for carrier, mine in [(PENN_OHIO, through_penn_ohio), (CARDINAL, ~through_penn_ohio)]:
        chosen = [number for number, yes in zip(twice, mine, strict=True) if yes]
        seconds = 86_400 + n.rng.uniform(5.25, 6.5, len(chosen)) * 3600 - n.local_offsets(chosen, 1)
        durations, codes = n.outcome(len(chosen), answered=0.5, mailbox=0.0, talk=closing,
                                     unanswered=DIALLER)  # fmt: skip
        n.record(seconds, [vendor[i] for i in n.rng.integers(0, len(vendor), len(chosen))],
                 chosen, durations, codes, signed=["A"] * len(chosen),
                 upstreams=[carrier] * len(chosen))  # fmt: skip
    offices = n.numbers(800)
    n.lawful(offices)
    n.send(2500, upstream=TIDEMARK, callers=n.rotate(offices), callees=subscribers,
           durations=n.talk(120, 1.0), answered=0.45, when=n.by_hour(WORKDAY),
           attestation={"A": 0.3, "B": 0.6, None: 0.1}, unanswered=PEOPLE)  # fmt: skip
    passcodes = n.numbers(20)
    n.lawful(passcodes)
    n.send(600, upstream=TIDEMARK, callers=n.rotate(passcodes), callees=subscribers,
           durations=n.mix([(0.7, n.message(17, hang_ups=0.0)), (0.3, n.talk(10, 0.2))]),
           answered=0.9, when=n.by_hour(PERSONAL), attestation="A",
           unanswered={480: 0.5, 486: 0.2, 487: 0.2, 603: 0.1})  # fmt: skip
    return n
