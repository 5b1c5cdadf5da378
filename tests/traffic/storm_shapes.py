"""A storm network: the whole traffic of Laurel Gap Communications, a competitive local exchange
carrier (CLEC) in Asheville, North Carolina, the business arm of a telephone membership
cooperative, which sells voice and SIP trunks to the institutions and businesses of western North
Carolina, north-east Tennessee, upstate South Carolina and north Georgia, wholesales SIP trunks
to notification vendors, a dialler platform and contact centres, and as a regional tandem takes
other carriers' calls for the region's numbers, over the four UTC days of Hurricane Helene's
landfall and first aftermath: Thursday 26 to Sunday 29 September 2024 (US daylight saving time:
Eastern is UTC-4, Central UTC-5). Days are numbered 0 (Thursday) to 3 (Sunday); "local" is the
callee's time unless said otherwise, and for nearly every callee that is Eastern, so day 0 runs
from 8 pm on Wednesday to 8 pm on Thursday local. Built on the plumbing of
:mod:`tests.traffic.blind_shapes` (calls on the callee's local clock, KYC evidence, a DNO list,
the RMD), :mod:`tests.traffic.weekly_shapes` (per-day UTC offsets, dated grants),
:mod:`tests.traffic.platform_shapes` (local presence, a clinic's or a store's clientele),
:mod:`tests.traffic.transit_shapes` and :mod:`tests.traffic.election_shapes` (RMD filings,
interconnected upstreams, ordinary transit).

The storm. A predecessor rain event soaked the southern Appalachians on 25-26 September; Helene
made landfall in Florida's Big Bend near Perry as a category 4 hurricane at 11:10 pm EDT on
Thursday (03:10 UTC Friday, day 1), crossed Georgia before dawn (Valdosta, then Augusta) and
reached upstate South Carolina and the mountains on Friday morning, where 12-30 inches of rain
in three days made the French Broad, Swannanoa, Broad and Nolichucky rivers flood as never
recorded: Swannanoa, Chimney Rock and Erwin, Tennessee, were swept away, Asheville's water system
was destroyed, and the dams of Lake Lure, the Nolichucky and Walters (Newport, Tennessee) were
feared to fail. Millions were without power (nearly every member of the mountain electric
co-operatives), and the telephone networks went with it: fibre cut by landslides, central
offices flooded or on failing generators, by Saturday about three quarters of the cell sites of
western North Carolina out. A call into the region then fails at the far end: the tandem or the
mobile network answers 503 (service unavailable: no route, all circuits busy), 480
(temporarily unavailable: the handset is not reachable), 408 (no response) or 500, whole
exchanges at once where a central office is cut off. The network models that per callee
(:meth:`StormNetwork.cut_off`): each area code has a share of its lines unreachable through the
four days (the Big Bend and south Georgia from Friday 00:00-08:00 UTC, north Georgia and the
upstate from Friday dawn, the mountains from Friday 09:00-16:00 UTC, most of all in 828), each
exchange more or less than its area code, each line the same line on every call; lines the
carrier hosts itself (its customers' numbers, on its own switch with generators) stay up.

The rules. An artificial or prerecorded voice call needs the called party's prior express
consent (47 USC 227(b)(1)(A)(iii) to wireless numbers, 227(b)(1)(B) to residential lines;
47 CFR 64.1200(a)(1)-(3)), written consent if it is telemarketing (64.1200(a)(2), (f)(9)),
except a call made for emergency purposes (227(b)(1)(A); 64.1200(a)(1), (f)(4): "calls made
necessary in any situation affecting the health and safety of consumers"), which needs none at
any hour. A utility's customer who gave it the number has consented to calls closely related to
the service: outages, restoration, service interruptions, boil-water notices (FCC 2016
Blackboard and Edison Electric Institute rulings, 31 FCC Rcd 9054 and 9121); a school's closure
call for weather is an emergency call (Blackboard); a health-care provider's calls to its
patients need only prior express consent (64.1200(a)(2)). Live calls need no consent unless
they are telephone solicitations to numbers on the Do-Not-Call Registry (64.1200(c)(2));
solicitations keep to 8 am-9 pm local (64.1200(c)(1)). Caller ID may not be spoofed to defraud
(227(e), 64.1604). A provider must know its customers and stop their illegal traffic
(64.1200(n)(2)-(4)), may block calls from numbers on the DNO list (64.1200(k)(1), (o)), and may
not accept traffic from a provider absent from the Robocall Mitigation Database (64.6305(g)).
The carrier signs A for a number it assigned to the account and verified (ATIS-1000074) and
passes on what an upstream signed (nothing from a rural ILEC's TDM switches). What a disaster
brings every time, and the FTC, the FCC, FEMA and the co-ops warned of within days of Helene:
callers impersonating the power company ("pay now or your restoration is cancelled"), fake
FEMA and "disaster relief grant" callers after the SSN and bank details, storm chasers selling
roof and tree work and "damage assessments", and flood-damaged-car pitches.

What the provider sees. At volume 1.0 about 170,000 calls on Thursday's UTC day, 315,000 on
Friday's, 280,000 on Saturday's and 240,000 on Sunday's: the emergency and utility bursts, the
public calling each other and the co-ops' outage lines, and the campaigns. Where a fifth of
Thursday's calls end in 503, 480, 408 or 500 (mostly phones not answered, 480), from Friday
over two in five do.

Campaigns (each must reach ``high`` at the narrowest source that carries it):

- ``Sable Point Communications`` (upstream, a Doral, Florida wholesale VoIP carrier, RMD-filed
  with partial STIR/SHAKEN, interconnected 3 years): beside its ordinary transit (its business
  customers' calls, 20,000 a weekday, fewer at the weekend), from Friday afternoon an offshore
  centre's utility-impersonation robocall ("this is Ivy River EMC's restoration department:
  crews are scheduled to restore power at your address, but a $389 reconnection deposit must be
  paid within 30 minutes or your restoration moves to the end of the list; press 1 to pay"), 27
  s of text-to-speech, 6,000, 11,000 and 9,000 calls on Friday to Sunday at 13:00-23:30 UTC (9
  am-7:30 pm Eastern; on Friday from 17:00, 1 pm), to lines in the two co-ops' exchanges and to
  small businesses across the Southeast. It presents Ivy River EMC's real customer-service
  number on 45% of the calls (a number this carrier grants to its own customer, which sends its
  lawful outage calls from it the same days), the Tennessee co-op's on 15%, another utility's
  toll-free line on 10% and an invented number in the callee's area code on 30%; unsigned (55%)
  or C-attested (its "international gateway partner"). 16% answered, a fifth of them machines,
  55% of the humans hanging up in it, 3% pressing 1 to pay by gift card or app. 227(e), 64.1604,
  227(b); 64.1200(n)(2)-(3).
- ``Tidewater Digital Voice`` (upstream, a Virginia Beach VoIP carrier, RMD-filed with complete
  STIR/SHAKEN, 5 years): beside its ordinary transit (signed as its customers are), a UCaaS
  customer of its own runs a "federal disaster relief" robocall from Saturday, when the major
  disaster declarations for North Carolina and Tennessee came ("this is the Federal Disaster
  Relief Program: residents affected by Hurricane Helene qualify for an immediate $750 relief
  grant and up to $7,500 in housing assistance; press 1 to verify your eligibility"), 31 s,
  12,000 calls on Saturday and 16,000 on Sunday, 10 am-7 pm local, to the storm's area codes from
  Florida's Big Bend to south-west Virginia, presenting 180 DIDs of that customer (60-80
  calls a number a day) and on 12% FEMA's helpline (1-800-621-3362, inbound only, on the DNO
  list). Tidewater signs every call A, FEMA's number included: it vouches for its customer.
  14% answered, a quarter of them machines; half the humans hang up in it, 4% press 1 and are
  asked for their Social Security number and bank account "for the deposit". 227(b), 227(e),
  64.1200(k)(1); the upstream's duty to mitigate (64.1200(n)(2)-(3)).
- ``ridgetop-home-damage-pros`` (sub-account of the dialler platform ``peakdial-cloud``,
  opened two and a half days before the week as the forecasts firmed up, KYC pending, a webmail
  contact, no EIN, declared "appointment setting for home improvement contractors (live
  agents)", 50 DIDs the platform granted it across the region's area codes): a storm chasers'
  lead-generation robocall ("did Helene damage your roof or bring down trees? Licensed
  contractors are in your area this week with free damage assessments and work directly with
  your insurance company; press 1"), 24 s, 11,000 calls on Saturday and 14,000 on Sunday, 9 am-7
  pm local, to a bought list of 200,000 homeowners' numbers, each call from its DID in the
  callee's area code (signed A). 16% answered; its answering-machine detection drops a fifth
  after 2-4 s and leaves the recording on a tenth; 55% of the humans hang up in it, 5% press 1
  for a "project manager" who books an inspection. No consent records: a prerecorded
  telemarketing call needs written consent (64.1200(a)(2)); 64.1200(n)(4) for the platform.
- ``southeastern-vehicle-protection`` (direct customer, a Charlotte vehicle-service-contract
  seller, 8 months on the network, KYC verified with an EIN, declared "customer retention and
  renewal calls to vehicle service contract holders", 12 numbers of its own, signed A): its
  recorded "final notice" rewritten for the storm ("flood damage is not covered by your
  manufacturer's warranty; this is your final notice to extend your coverage; press 1"), 38 s,
  7,000-8,000 calls a day Thursday and Friday, 6,000 and 4,000 at the weekend, 9 am-8 pm local,
  to a bought list of 120,000 vehicle owners in the Carolinas, Tennessee and Georgia. 30% of the
  list carries ``prior_express`` records whose evidence is a page of a third-party quote site
  (a lead seller's form), not written consent to this seller's robocalls. 18% answered; its
  detection drops 15% as machines after 2-4 s and leaves the recording on a tenth; 60% of the
  humans hang up in it, 4% press 1 for a closer. 64.1200(a)(2) (a seller's prerecorded
  telemarketing needs written consent), 227(b).

For review (reported at least ``medium``; ``high`` is neither asked nor forbidden):

- ``high-country-roofing-and-restoration`` (direct customer, an Asheville roofer, 6 years, KYC
  verified, 3 numbers): its office traffic (quotes, crews, suppliers, customers calling back
  after the storm), and on Saturday and Sunday a 32 s recorded message from its owner from its
  main number ("this is Dale at High Country Roofing; if Helene damaged your roof, we are
  putting our past customers first: call us back at this number"), 2,500 and 3,000 calls 10 am-6
  pm to the 7,000 numbers on ten years of its invoices; 20% carry ``prior_express`` records from
  a roof-warranty registration. To a past customer it is a local business offering needed help;
  under the rules a prerecorded telemarketing call needing written consent, which it does not
  hold (an established business relationship no longer exempts a prerecorded call, since 2012).
  45% answered, 40% of those voicemail. An analyst should judge it.

Lawful senders (none may reach ``high``; their own numbers are labelled lawful):

- ``coopcall-notify`` (customer, kind reseller: a Tennessee service bureau running outage
  IVRs and notifications for electric co-ops and water systems, 12 years) and its clients:
  ``ivy-river-emc`` (an electric membership corporation north of Asheville, 28,000 members,
  34,000 numbers: 30,000 in its 14 exchanges, 4,000 second-home owners' elsewhere; 93% with
  ``prior_express`` records from the membership application), presenting its customer-service
  number (the one the scam spoofs): on Thursday 6-7:30 pm a storm-preparedness message to every
  member (44 s; the unanswered dialled again an hour later), from Friday 4 am outage
  notifications as its outage-management system sees the circuits trip (20,000 by 2 pm: press
  1 to confirm, 2 if the power is on), on Friday 7-8:30 pm (23:00-00:30 UTC) "restoration may
  take weeks" to 26,000 affected members, on Sunday at 12:30-2 pm an update to 20,000, and
  restoration calls whenever crews re-energise a circuit, at 2 am as at noon (1,500 on Saturday,
  4,000 on Sunday); and its staff calling members on its critical-care list (live);
  ``nolichucky-valley-electric`` (a Tennessee co-op, 17,000 numbers in Unicoi, Greene and
  Washington counties): outage notices on Friday 7 am-3 pm (9,000), an update on Saturday
  (8,000), restoration calls on Sunday at any hour (2,500); ``french-broad-water-authority``
  (28,000 customers' numbers in Asheville's exchanges, 88% with records from their service
  applications): on Friday at 3-4:30 pm "the system is damaged, conserve water" (20,000), on
  Saturday at 9:30-11 am the system-wide boil-water advisory and outage (28,000), on Sunday at
  5-6:30 pm the water-distribution sites (28,000). Emergency purpose and consented service
  calls, at any hour.
- ``alertline-public-safety`` (customer, kind reseller: a mass-notification platform for
  counties and schools, 9 years) and its clients: ``buncombe-county-emergency-services`` (the
  county's reverse-911: 60,000 numbers of its 911 database and alert registrations in 20
  exchanges, 30% registered (consent records)): on Thursday 10-11:30 pm a flood warning to the
  river valleys' 5 exchanges (Swannanoa, Black Mountain, Biltmore and the French Broad's
  lowlands), on Friday 5:30-7 am their mandatory evacuation (the unanswered dialled again 60-90
  minutes later), at 11 am-noon "stay off the roads; shelters are open" county-wide (40,000),
  on Saturday 6-7:30 pm the 7 pm-7 am curfew and where to find water and food (60,000), on
  Sunday 10-11 am the distribution points (40,000); ``unicoi-county-ema`` (7,000 numbers of
  Erwin's and Unicoi's exchanges): on Friday 8-9 am the Nolichucky Dam failure warning,
  "evacuate now", redialled twice at hourly intervals, and a boil-water and shelter notice on
  Saturday; ``cocke-county-ema`` (9,000 numbers of Newport's exchanges): on Friday 1-2 pm the
  Walters Dam warning, redialled an hour later; ``henderson-county-public-schools`` (18,000
  parent and staff numbers, 90% from enrolment): "schools are closed today" on Thursday at
  5:15-6 am, "closed tomorrow" at 3:30-4:15 pm, "closed all week; meal sites" on Sunday at 4-5
  pm, every number each time. Emergency purpose (64.1200(a)(1), (f)(4)), whoever the number,
  at any hour.
- ``mountain-laurel-health`` (customer, a hospital and 30 clinics, 13 years): staff calls;
  appointment reminders from each clinic's number on Thursday (a 28 s confirmation IVR); on
  Friday at 6-7:30 am the day's appointments cancelled (5,000), on Saturday at 10-11:30 am
  "clinics closed Monday and Tuesday; urgent care open at..." (6,000), on Sunday afternoon
  rescheduling calls (4,000); 97% of patients with ``prior_express`` records (registration).
- ``smoky-ridge-pharmacy`` (customer, 40 stores): refill reminders from each store to its own
  customers, and store-closure notices on Friday morning (5,000) and Saturday (3,000): "your
  store is closed; your prescriptions can be filled at... ; emergency refills are allowed under
  the state of emergency". Consent on the pharmacy profile.
- ``piedmont-farm-mutual-insurance`` (customer, a Greensboro mutual insurer's claims and service
  centre on SIP trunks, 11 years, 120 numbers and a hosted toll-free claims line): its service
  dialler on the weekdays, and from Friday afternoon a recorded message to policyholders in
  the storm's area codes ("we are here to help: to report a claim, press 1 to reach an
  adjuster") from its claims line, 15,000, 15,000 and 10,000 calls Friday to Sunday, adjusters
  calling claimants live on Saturday and Sunday (6,000, 8,000), and the public calling the
  claims line; 96% of policyholders with records from their applications.
- ``peakdial-cloud`` (customer, kind reseller: a hosted power and predictive dialler, 7 years;
  labelled lawful though one client is not) and two lawful clients: ``appalachian-home-health``
  (nurses checking on their home-bound patients, live) and ``ridgeview-credit-union`` (fraud
  alerts around the clock, and on Saturday a recorded notice to 9,000 members: branches closed,
  payments deferred, fees waived), consented.
- ``wncbiz-*``: 70 small businesses of the region, quiet from Friday.
- ``Cane Creek Telephone Cooperative`` (upstream, the rural ILEC whose TDM end offices sign
  nothing, RMD-filed partial) and ``Foothills Cable Voice`` (upstream, a cable company's
  VoIP, complete): the public's calls: people checking on each other (short calls or long
  ones, many failing into the cut-off exchanges), calls to the co-ops' outage lines (busy for
  hours: three in four get a busy signal) and to the insurer's claims line. Only the public's
  calls: labelled lawful, with their subscribers' numbers.
- ``Sable Point Communications``' and ``Tidewater Digital Voice``'s ordinary numbers.

Campaign caller IDs are not labelled: each campaign is judged at the source that carries it.
Ivy River EMC's customer-service number and the Tennessee co-op's keep their lawful labels though
the scam spoofs them: blocking them would block the co-ops' outage calls in the storm.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import ClassVar

import numpy as np

from callwarden.customers import CustomerKind, KycStatus, NumberGrant
from callwarden.lists import DnoEntry
from tests.traffic.blind_shapes import DIALLER, PEOPLE, START, Attestation, Callers, When
from tests.traffic.election_shapes import ElectionNetwork
from tests.traffic.gateway_shapes import CARD_ACTIVITY
from tests.traffic.leadgen_shapes import SSA
from tests.traffic.leadgen_shapes import ZONES as LEADGEN_ZONES
from tests.traffic.transit_shapes import IMPLEMENTED, MITIGATION_ONLY, PARTIAL, SIGNED
from tests.traffic.unseen_shapes import Durations

#: Thursday 26 September 2024: Helene makes landfall that night (03:10 UTC Friday)
FIRST = datetime(2024, 9, 26, tzinfo=UTC)
STORM_DAYS = 4
#: time zones of every area code the network calls: the lead-generation network's and the
#: storm's (north and south Georgia, south-west Virginia, Florida's Big Bend: Tallahassee and
#: Perry keep Eastern time)
ZONES: dict[int, str] = LEADGEN_ZONES | {
    706: "America/New_York", 762: "America/New_York", 276: "America/New_York",
    850: "America/New_York", 229: "America/New_York", 478: "America/New_York",
    470: "America/New_York", 980: "America/New_York", 540: "America/New_York",
}  # fmt: skip

#: the storm's area codes (repeated: weighted by the lines there)
MOUNTAINS = [828, 828, 828, 423, 423, 865, 276]
UPSTATE_AND_GEORGIA = [864, 864, 706, 706, 762]
BIG_BEND_AND_SOUTH_GEORGIA = [850, 352, 229, 912]
STORM_AREAS = MOUNTAINS * 2 + UPSTATE_AND_GEORGIA + BIG_BEND_AND_SOUTH_GEORGIA
#: the carrier's region (its customers' customers and the public it serves)
REGION = [828, 828, 828, 828, 423, 423, 865, 864, 864, 706, 336, 704]
#: the Southeast at large (scam and lead lists, policyholders, families)
SOUTHEAST = [*REGION, 919, 910, 252, 980, 843, 803, 404, 770, 678, 912, 615, 901, 276, 850]
#: where the co-ops' second-home owners live
SECOND_HOMES = [561, 954, 407, 813, 404, 770, 704, 919, 305]

#: Ivy River EMC's exchanges (Madison, Yancey, northern Buncombe), Nolichucky Valley's
#: (Unicoi, Greene, Washington counties, Tennessee)
EMC_EXCHANGES = ["+1828649", "+1828689", "+1828680", "+1828682", "+1828675", "+1828678",
                 "+1828645", "+1828658", "+1828626", "+1828656", "+1828688", "+1828766",
                 "+1828765", "+1828284"]  # fmt: skip
TN_COOP_EXCHANGES = ["+1423743", "+1423735", "+1423639", "+1423638", "+1423787", "+1423753",
                     "+1423257"]  # fmt: skip
#: Buncombe County's exchanges; the first five are the river valleys'
BUNCOMBE_EXCHANGES = ["+1828686", "+1828669", "+1828298", "+1828274", "+1828684",
                      "+1828252", "+1828253", "+1828254", "+1828255", "+1828258",
                      "+1828277", "+1828299", "+1828281", "+1828232", "+1828236",
                      "+1828225", "+1828271", "+1828505", "+1828350", "+1828665"]  # fmt: skip
ASHEVILLE_WATER = [*BUNCOMBE_EXCHANGES[5:], "+1828686", "+1828298", "+1828274"]
ERWIN = ["+1423743", "+1423735", "+1423784"]
NEWPORT = ["+1423623", "+1423625", "+1423613", "+1423487"]
HENDERSON = ["+1828692", "+1828693", "+1828696", "+1828697", "+1828698", "+1828685",
             "+1828891", "+1828687", "+1828654", "+1828209"]  # fmt: skip
#: the Cane Creek ILEC's exchanges (Fairview, Gerton, Bat Cave, Barnardsville)
CANE_CREEK = ["+1828628", "+1828625", "+1828626", "+1828338"]

#: the co-ops' customer-service and outage lines (presented on their notifications; the scam
#: spoofs them), another utility's toll-free line (another carrier's), FEMA's helpline
IVY_RIVER_SERVICE = "+18286493100"
NOLICHUCKY_SERVICE = "+14237433110"
OTHER_UTILITY = "+18664732714"
FEMA_HELPLINE = "+18006213362"

#: a share of each area code's lines unreachable (503/480/408) by the hour after Thursday
#: 00:00 UTC: the storm's path, the rain, the power and the fibre
DOWN: dict[str, list[tuple[float, float]]] = {
    "850": [(0, 0.01), (24, 0.04), (28, 0.35), (48, 0.3), (96, 0.18)],
    "352": [(0, 0.0), (25, 0.02), (29, 0.2), (48, 0.15), (96, 0.08)],
    "229": [(0, 0.0), (27, 0.02), (31, 0.35), (60, 0.28), (96, 0.2)],
    "912": [(0, 0.0), (28, 0.01), (32, 0.15), (60, 0.1), (96, 0.06)],
    "706": [(0, 0.01), (29, 0.02), (34, 0.3), (60, 0.25), (96, 0.15)],
    "762": [(0, 0.01), (29, 0.02), (34, 0.35), (60, 0.28), (96, 0.18)],
    "864": [(0, 0.01), (31, 0.02), (36, 0.35), (60, 0.3), (96, 0.18)],
    "828": [(0, 0.03), (24, 0.06), (33, 0.2), (40, 0.6), (70, 0.65), (96, 0.55)],
    "423": [(0, 0.01), (33, 0.03), (40, 0.25), (70, 0.22), (96, 0.18)],
    "865": [(0, 0.0), (34, 0.01), (40, 0.08), (96, 0.05)],
    "276": [(0, 0.0), (36, 0.01), (42, 0.15), (96, 0.1)],
    "336": [(0, 0.0), (36, 0.0), (42, 0.04), (96, 0.02)],
    "704": [(0, 0.0), (36, 0.0), (42, 0.04), (96, 0.02)],
}  # fmt: skip
#: how a call to an unreachable line ends
CUT_OFF = {503: 0.42, 480: 0.33, 408: 0.15, 500: 0.05, 487: 0.05}
#: the public calling an outage line that is busy for hours (its IVR ports all taken)
JAMMED = {486: 0.75, 487: 0.15, 480: 0.1}
#: business hours, a small business's own clock
OFFICE = {8: 0.6, 9: 1.0, 10: 1.2, 11: 1.2, 12: 0.9, 13: 1.0, 14: 1.1, 15: 1.1, 16: 1.0,
          17: 0.6, 18: 0.2}  # fmt: skip
#: people calling each other, by the hour of the callee's day
HOMES = {7: 0.3, 8: 0.6, 9: 0.8, 10: 0.9, 11: 1.0, 12: 1.0, 13: 1.0, 14: 1.0, 15: 1.0, 16: 1.1,
         17: 1.2, 18: 1.3, 19: 1.3, 20: 1.1, 21: 0.7, 22: 0.3}  # fmt: skip
#: crews re-energise circuits round the clock: restoration calls by the hour
CREWS = {h: 0.5 for h in range(6)} | dict.fromkeys(range(6, 24), 1.0)
#: a business's calls on Thursday to Sunday: the storm shuts the region's offices from Friday
BUSINESS_DAYS = [1.0, 0.3, 0.25, 0.08]


def ago(days: float) -> datetime:
    """``days`` before the first day."""
    return FIRST - timedelta(days=days)


def _fate(key: str) -> float:
    """A uniform draw in [0, 1) fixed by ``key`` (a line's or an exchange's): which lines go
    down first and stay down longest, the same on every call."""
    return zlib.crc32(key.encode()) / 2**32


@dataclass
class StormNetwork(ElectionNetwork):
    """An :class:`ElectionNetwork` (per-day offsets, dated consent, local presence, RMD
    filings, interconnected upstreams, ordinary transit) over four UTC days from
    :data:`FIRST`: a regional CLEC and wholesale SIP provider in a hurricane, whose calls into
    the storm's exchanges fail where the lines are down."""

    id_prefix: ClassVar[str] = "o"
    days: ClassVar[int] = STORM_DAYS
    start_s: ClassVar[float] = (FIRST - START).total_seconds()

    first_day = FIRST
    zones = ZONES

    #: numbers on the carrier's own switch (its customers'), which stay up, and how many
    #: grants they were read from
    hosted: set[str] = field(init=False, default_factory=set)
    hosted_from: int = field(init=False, default=0)
    #: each exchange's weight on its area code's share of lines down
    exchange_weight: dict[str, float] = field(init=False, default_factory=dict)

    # --- the storm ----------------------------------------------------------------------------
    def cut_off(self, called: Sequence[str], seconds: np.ndarray) -> np.ndarray:
        """Which of ``called`` cannot be reached at ``seconds`` after START: the line's fixed
        fate below its area code's share down at that hour, times its exchange's weight
        (0.25-1.75: a central office cut off, or one still on its generator). The carrier's
        own customers' numbers stay up."""
        for grant in self.grants[self.hosted_from :]:
            self.hosted.add(grant.number)
        self.hosted_from = len(self.grants)
        hours = (np.asarray(seconds, dtype=float) - self.start_s) / 3600
        areas = np.array([number[2:5] for number in called])
        out = np.zeros(len(called), bool)
        for area, curve in DOWN.items():
            index = np.flatnonzero(areas == area)
            if index.size == 0:
                continue
            xs, ys = zip(*curve, strict=True)
            share = np.interp(hours[index], xs, ys)
            lines = [called[i] for i in index.tolist()]
            for exchange in {number[:8] for number in lines}:
                if exchange not in self.exchange_weight:
                    self.exchange_weight[exchange] = 0.25 + 1.5 * _fate("x" + exchange)
            weight = np.array([self.exchange_weight[number[:8]] for number in lines])
            fate = np.array([_fate(number) for number in lines])
            hosted = np.array([number in self.hosted for number in lines])
            out[index] = (fate < np.minimum(0.97, share * weight)) & ~hosted
        return out

    def place(
        self,
        called: list[str],
        seconds: np.ndarray,
        day: int,
        picked_up: np.ndarray,
        unanswered: Mapping[int, float],
        *,
        callers: Callers,
        durations: Durations,
        customer: str | None,
        sub_account: str | None,
        upstream: str | None,
        attestation: Attestation,
        out_of_service: np.ndarray | None = None,
    ) -> None:
        """:meth:`BlindNetwork.place`, but a call to a line that is down fails as the far end
        says (:data:`CUT_OFF`) whatever the sender."""
        cut = self.cut_off(called, seconds)
        for part, codes in [(np.flatnonzero(~cut), unanswered), (np.flatnonzero(cut), CUT_OFF)]:
            if part.size == 0:
                continue
            super().place(
                [called[i] for i in part],
                seconds[part],
                day,
                picked_up[part] & ~cut[part],
                codes,
                callers=callers,
                durations=durations,
                customer=customer,
                sub_account=sub_account,
                upstream=upstream,
                attestation=attestation,
                out_of_service=None if out_of_service is None else out_of_service[part],
            )

    # --- the calls ----------------------------------------------------------------------------
    def wave(
        self,
        numbers: Sequence[str],
        count: int,
        day: int,
        when: When,
        *,
        callers: Callers,
        durations: Durations,
        answered: float,
        customer: str,
        sub_account: str | None = None,
        retries: Sequence[tuple[float, float]] = (),
        attestation: Attestation = "A",
        unanswered: Mapping[int, float] = DIALLER,
    ) -> None:
        """A broadcast: ``count`` of ``numbers`` (+-5%, each once) dialled at ``when`` hours
        of local ``day`` on each callee's clock; each of ``retries`` (hours later, at least,
        at most) dials those not yet answered again. Only calls within the network's UTC
        days are kept."""
        wanted = min(len(numbers), round(count * self.volume * self.rng.uniform(0.95, 1.05)))
        if wanted == 0:
            return
        picked = self.rng.choice(len(numbers), wanted, replace=False)
        called = [numbers[i] for i in picked.tolist()]
        offsets = np.array([self.offset_s(number[2:5], day) for number in called])
        seconds = day * 86_400 + when(wanted) * 3600 - offsets
        pending = np.arange(wanted)
        for attempt in range(len(retries) + 1):
            if attempt:
                low, high = retries[attempt - 1]
                seconds[pending] += self.rng.uniform(low, high, pending.size) * 3600
            who = [called[i] for i in pending]
            moment = seconds[pending] + self.start_s
            reached = (self.rng.random(pending.size) < answered) & ~self.cut_off(who, moment)
            kept = np.flatnonzero((seconds[pending] >= 0) & (seconds[pending] < self.days * 86_400))
            if kept.size:
                self.place([who[i] for i in kept], moment[kept], day, reached[kept], unanswered,
                           callers=callers, durations=durations, customer=customer,
                           sub_account=sub_account, upstream=None,
                           attestation=attestation)  # fmt: skip
            pending = pending[~reached]
            if pending.size == 0:
                break

    def businesses(self, count: int, prefix: str) -> None:
        """``count`` lawful small businesses of the region (``<prefix>-<n>``), each with a few
        numbers of its town, calling mostly its town in office hours; the storm shuts them
        from Friday (:data:`BUSINESS_DAYS`)."""
        for business in range(count):
            name = f"{prefix}-{business}"
            town = int(self.rng.choice(REGION))
            opened = ago(int(self.rng.integers(60, 4000)))
            phones = self.account(name, "office phones", opened=opened,
                                  numbers=int(self.rng.integers(1, 5)), npa=town)  # fmt: skip
            self.lawful(phones)
            neighbours = self.numbers(2000, town) + self.numbers(600, SOUTHEAST)
            daily = int(self.rng.integers(15, 250))
            self.send([round(daily * share) for share in BUSINESS_DAYS], customer=name,
                      callers=self.rotate(phones), callees=neighbours, durations=self.live(170),
                      answered=0.5, when=self.by_hour(OFFICE), unanswered=PEOPLE)  # fmt: skip

    # --- how answered calls last --------------------------------------------------------------
    def check_in(self) -> Durations:
        """People reaching each other in a disaster: "are you all right?" in under a minute,
        or the long call that follows."""
        return self.mix([(0.45, self.live(40, 0.6)), (0.55, self.live(260, 0.9))])

    def outage_ivr(self, message_s: int) -> Durations:
        """A co-op's outage notification: "press 1 if you are still without power, 2 if it is
        on": most press during it and hear the thanks, some hear it out, a third are
        voicemail boxes that record it after their greeting."""
        return self.mix([
            (0.42, lambda count: self.rng.integers(12, message_s, count) + 4),
            (0.25, self.message(message_s, hang_ups=0.25)),
            (0.33, self.message(message_s, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
        ])  # fmt: skip

    def scam(
        self,
        pitch: int,
        *,
        machines: float,
        transfer: float,
        hang_ups: float,
        agent_median_s: float,
        dropped: float = 0.0,
    ) -> Durations:
        """A press-1 robocall: ``dropped`` of the answered are machines its detection drops
        after 2-4 s, ``machines`` voicemail boxes that record the pitch after the greeting,
        the rest humans (:meth:`BlindNetwork.press_one`)."""
        parts: list[tuple[float, Durations]] = [
            (machines, self.message(pitch, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
            (1 - machines - dropped, self.press_one(pitch, transfer=transfer, hang_ups=hang_ups,
                                                    agent_median_s=agent_median_s)),
        ]  # fmt: skip
        if dropped:
            parts.append((dropped, self.between_s(2, 4)))
        return self.mix(parts)


def _rmd_background(n: StormNetwork) -> None:
    """Filings of providers the carrier never sees, as any slice of the RMD holds them; one
    close in name to an upstream but another company."""
    for frn, name, implementation, updated in [
        ("0003371842", "Sable Telephone Company, Inc.", MITIGATION_ONLY, 20230418),
        ("0021197730", "Tidewater Telecom Holdings LLC", IMPLEMENTED, 20240122),
        ("0004410093", "Yadkin Valley Telephone Membership Corporation", PARTIAL, 20240311),
        ("0027356614", "Blue Ridge Wholesale Voice LLC", PARTIAL, 20240509),
        ("0019204477", "Chattahoochee Fiber Networks, Inc.", IMPLEMENTED, 20231117),
        ("0030711258", "Palmetto Carrier Exchange LLC", PARTIAL, 20240801),
    ]:  # fmt: skip
        n.filing(frn, name, implementation, updated)


def build(seed: int, volume: float = 1.0) -> StormNetwork:
    """The network of the module docstring; ``volume`` scales every sender's calls."""
    n = StormNetwork(seed, volume)
    _rmd_background(n)
    n.dno.extend(DnoEntry(number, "government inbound-only line (ITG DNO list)")
                 for number in [*SSA, FEMA_HELPLINE])  # fmt: skip
    n.dno.extend(DnoEntry(number, "inbound only (customer service)") for number in n.numbers(300))

    # --- the upstreams that hand over the public's calls (lawful) -----------------------------
    cane = "Cane Creek Telephone Cooperative"
    n.interconnected(cane, "Cane Creek Telephone Cooperative, Inc.", opened=ago(365 * 14),
                     campaign=False)  # fmt: skip
    n.filing("0004418265", "Cane Creek Telephone Cooperative, Inc.", PARTIAL, 20240212)
    foothills = "Foothills Cable Voice"
    n.interconnected(foothills, "Foothills Cable Voice, LLC", opened=ago(365 * 8),
                     campaign=False)  # fmt: skip
    n.filing("0023617740", "Foothills Cable Voice, LLC", IMPLEMENTED, 20240610)
    subscribers = {
        cane: n.in_exchanges(9000, CANE_CREEK),
        foothills: n.numbers(8000, [828, 828, 864, 423, 865]),
    }
    for people in subscribers.values():
        n.lawful(people)
    region_people = n.numbers(120_000, REGION) + n.numbers(30_000)
    for carrier, per_day, signed in [
        (cane, [14_000, 24_000, 22_000, 17_000], {None: 0.75, "A": 0.25}),
        (foothills, [10_000, 12_000, 14_000, 12_000], {"A": 0.9, "B": 0.05, None: 0.05}),
    ]:  # fmt: skip
        n.send(per_day, upstream=carrier, callers=n.rotate(subscribers[carrier]),
               callees=region_people, durations=n.check_in(), answered=0.5,
               when=n.by_hour(HOMES), attestation=signed, unanswered=PEOPLE)  # fmt: skip

    # --- lawful: the co-ops, the water system and their service bureau ------------------------
    n.account("coopcall-notify", "outage IVR and member notifications for electric "
              "cooperatives and water systems (service bureau)", kind=CustomerKind.RESELLER,
              opened=ago(365 * 12), ein="62-1783340", email="noc@coopcall.net",
              address="410 Sevier St, Greeneville TN")  # fmt: skip
    emc = "ivy-river-emc"
    emc_lines = n.account(emc, "electric membership cooperative: outage and restoration "
                          "notifications and member service calls", parent="coopcall-notify",
                          opened=ago(365 * 10), numbers=4, npa=828, ein="56-0543318",
                          email="memberservices@ivyriveremc.coop",
                          address="1225 US-25/70, Marshall NC")  # fmt: skip
    n.grants.append(NumberGrant(IVY_RIVER_SERVICE, emc, since=ago(365 * 10), verified=True))
    n.lawful([IVY_RIVER_SERVICE, *emc_lines])
    members = n.in_exchanges(30_000, EMC_EXCHANGES) + n.numbers(4000, SECOND_HOMES)
    n.consented_at(emc, members, n.dated(30, 7000), share=0.93,
                   evidence="{holder}/membership-application/{index}")  # fmt: skip
    service_line = n.rotate([IVY_RIVER_SERVICE])
    for count, day, when, durations, answered, retries in [
        (34_000, 0, n.between(18, 19.5), n.message(44, spread=2, hang_ups=0.25, voicemail=0.35),
         0.5, [(1.0, 1.5)]),
        (20_000, 1, n.by_hour({4: 0.5, 5: 1.0, 6: 1.4, 7: 1.6, 8: 1.8, 9: 1.8, 10: 1.5,
                               11: 1.2, 12: 1.0, 13: 0.8}), n.outage_ivr(30), 0.45, []),
        (26_000, 1, n.between(19, 20.5), n.message(52, spread=3, hang_ups=0.3, voicemail=0.4),
         0.42, []),
        (1500, 2, n.by_hour(CREWS | dict.fromkeys(range(6), 0.0)), n.outage_ivr(22), 0.5, []),
        (20_000, 3, n.between(12.5, 14), n.message(47, spread=2, hang_ups=0.3, voicemail=0.4),
         0.42, []),
        (4000, 3, n.by_hour(CREWS), n.outage_ivr(22), 0.5, []),
    ]:  # fmt: skip
        n.wave(members, count, day, when, callers=service_line, durations=durations,
               answered=answered, customer="coopcall-notify", sub_account=emc,
               retries=retries)  # fmt: skip
    critical_care = members[:600]
    n.daily([100, 300, 300, 250], [n.between(9, 17), n.between(7, 20), n.between(8, 20),
                                   n.between(8, 20)],
            customer="coopcall-notify", sub_account=emc, callers=n.rotate(emc_lines),
            callees=critical_care, durations=n.live(150, 0.8), answered=0.4,
            unanswered=PEOPLE)  # fmt: skip
    tn_coop = "nolichucky-valley-electric"
    tn_lines = n.account(tn_coop, "electric cooperative: outage and restoration notifications",
                         parent="coopcall-notify", opened=ago(365 * 8), numbers=2, npa=423,
                         ein="62-0412290", email="service@nolichuckyelectric.coop")  # fmt: skip
    n.grants.append(NumberGrant(NOLICHUCKY_SERVICE, tn_coop, since=ago(365 * 8), verified=True))
    n.lawful([NOLICHUCKY_SERVICE, *tn_lines])
    tn_members = n.in_exchanges(16_000, TN_COOP_EXCHANGES) + n.numbers(1000, SECOND_HOMES)
    n.consented_at(tn_coop, tn_members, n.dated(30, 6000), share=0.92,
                   evidence="{holder}/membership-application/{index}")  # fmt: skip
    for count, day, when, durations in [
        (9000, 1, n.between(7, 15), n.outage_ivr(28)),
        (8000, 2, n.between(10, 12), n.message(40, spread=2, hang_ups=0.3, voicemail=0.4)),
        (2500, 3, n.by_hour(CREWS), n.outage_ivr(22)),
    ]:  # fmt: skip
        n.wave(tn_members[:16_000], count, day, when, callers=n.rotate([NOLICHUCKY_SERVICE]),
               durations=durations, answered=0.45, customer="coopcall-notify",
               sub_account=tn_coop)  # fmt: skip
    water = "french-broad-water-authority"
    water_lines = n.account(water, "water system customer notifications (service "
                            "interruptions, boil-water advisories)", parent="coopcall-notify",
                            opened=ago(365 * 6), numbers=2, npa=828, ein="56-6000310",
                            email="customerservice@frenchbroadwater.org")  # fmt: skip
    n.lawful(water_lines)
    customers = n.in_exchanges(28_000, ASHEVILLE_WATER)
    n.consented_at(water, customers, n.dated(30, 9000), share=0.88,
                   evidence="{holder}/service-application/{index}")  # fmt: skip
    for count, day, when, length in [(20_000, 1, n.between(15, 16.5), 38),
                                     (28_000, 2, n.between(9.5, 11), 46),
                                     (28_000, 3, n.between(17, 18.5), 52)]:  # fmt: skip
        n.wave(customers, count, day, when, callers=n.rotate(water_lines),
               durations=n.message(length, spread=2, hang_ups=0.2, voicemail=0.35),
               answered=0.45, customer="coopcall-notify", sub_account=water)  # fmt: skip
    # members calling the outage lines, busy for hours (they redial); the claims line below
    for carrier, share, signed in [(cane, 0.6, {None: 0.7, "A": 0.3}),
                                   (foothills, 0.4, {"A": 0.95, None: 0.05})]:  # fmt: skip
        for lines, people, per_day in [
            ([IVY_RIVER_SERVICE, *emc_lines[:1]], members, [300, 7000, 6000, 2500]),
            ([NOLICHUCKY_SERVICE], tn_members, [100, 2500, 2000, 800]),
        ]:  # fmt: skip
            n.send([round(day * share) for day in per_day], upstream=carrier,
                   callers=n.rotate(people), callees=lines,
                   durations=n.mix([(0.6, n.between_s(25, 90)), (0.4, n.live(240, 0.6))]),
                   answered=0.3, when=n.by_hour(HOMES),
                   attestation=signed, unanswered=JAMMED)  # fmt: skip

    # --- lawful: the emergency managers and a school district on a notification platform ------
    n.account("alertline-public-safety", "mass notification for counties, emergency "
              "management and school districts", kind=CustomerKind.RESELLER,
              opened=ago(365 * 9), ein="58-2290071", email="support@alertline.us",
              address="3500 Parkway Ln, Peachtree Corners GA")  # fmt: skip
    alerting: list[tuple[str, str, str, str]] = [
        ("buncombe-county-emergency-services", "county emergency management: reverse-911 "
         "evacuation and public safety alerts", "56-6000305", "em@buncombecounty.org"),
        ("unicoi-county-ema", "county emergency management: emergency alerts",
         "62-6000902", "ema@unicoicountytn.gov"),
        ("cocke-county-ema", "county emergency management: emergency alerts",
         "62-6000344", "ema@cockecountytn.gov"),
        ("henderson-county-public-schools", "school district notifications to parents and "
         "staff (closures, emergencies)", "56-6000521", "communications@hcpsnc.org"),
    ]  # fmt: skip
    alert_lines: dict[str, list[str]] = {}
    for name, declared, ein, email in alerting:
        npa = 423 if "ema" in name.split("-") else 828
        alert_lines[name] = n.account(name, declared, parent="alertline-public-safety",
                                opened=ago(365 * 7), numbers=2, npa=npa, ein=ein,
                                email=email)  # fmt: skip
        n.lawful(alert_lines[name])
    county = "buncombe-county-emergency-services"
    database = n.in_exchanges(60_000, BUNCOMBE_EXCHANGES)
    n.consented_at(county, database, n.dated(10, 3000), share=0.3,
                   evidence="https://www.buncombecounty.org/alerts/register/{index}")  # fmt: skip
    valleys = [number for number in database if number[:8] in BUNCOMBE_EXCHANGES[:5]]
    evacuate = n.message(48, spread=2, hang_ups=0.15, voicemail=0.3)
    for pool, count, day, when, durations, answered, retries in [
        (valleys, 12_000, 0, n.between(22, 23.5), evacuate, 0.35, []),
        (valleys, 15_000, 1, n.between(5.5, 7), evacuate, 0.4, [(1.0, 1.5)]),
        (database, 40_000, 1, n.between(11, 12), n.message(41, hang_ups=0.2, voicemail=0.3),
         0.45, []),
        (database, 60_000, 2, n.between(18, 19.5), n.message(58, hang_ups=0.25, voicemail=0.3),
         0.45, []),
        (database, 40_000, 3, n.between(10, 11), n.message(50, hang_ups=0.25, voicemail=0.3),
         0.45, []),
    ]:  # fmt: skip
        n.wave(pool, count, day, when, callers=n.rotate(alert_lines[county]), durations=durations,
               answered=answered, customer="alertline-public-safety", sub_account=county,
               retries=retries)  # fmt: skip
    for name, exchanges, size, waves in [
        ("unicoi-county-ema", ERWIN, 7000,
         [(1, n.between(8, 9), 42, [(1.0, 1.1), (1.0, 1.1)]), (2, n.between(12, 13), 50, [])]),
        ("cocke-county-ema", NEWPORT, 9000, [(1, n.between(13, 14), 39, [(1.0, 1.2)])]),
    ]:  # fmt: skip
        residents = n.in_exchanges(size, exchanges)
        n.consented_at(name, residents, n.dated(10, 3000), share=0.25,
                       evidence="{holder}/alert-registration/{index}")  # fmt: skip
        for day, when, length, retries in waves:
            n.wave(residents, size, day, when, callers=n.rotate(alert_lines[name]),
                   durations=n.message(length, spread=2, hang_ups=0.15, voicemail=0.3),
                   answered=0.4, customer="alertline-public-safety", sub_account=name,
                   retries=retries)  # fmt: skip
    schools = "henderson-county-public-schools"
    families = n.in_exchanges(15_000, HENDERSON) + n.numbers(3000, 828)
    n.consented_at(schools, families, n.dated(30, 1500), share=0.9,
                   evidence="{holder}/enrolment/{index}")  # fmt: skip
    for day, when, length in [(0, n.between(5.25, 6), 31), (0, n.between(15.5, 16.25), 36),
                              (3, n.between(16, 17), 49)]:  # fmt: skip
        n.wave(families, 18_000, day, when, callers=n.rotate(alert_lines[schools]),
               durations=n.message(length, spread=4, hang_ups=0.15, voicemail=0.35),
               answered=0.55, customer="alertline-public-safety", sub_account=schools)  # fmt: skip

    # --- lawful: health care ------------------------------------------------------------------
    health = "mountain-laurel-health"
    health_lines = n.account(health, "hospital and 30 clinics: staff phones and patient "
                             "appointment reminders", opened=ago(365 * 13), numbers=40,
                             npa=[828, 828, 828, 423], ein="56-0529945",
                             email="telecom@mountainlaurelhealth.org")  # fmt: skip
    n.lawful(health_lines)
    patient_of = n.clientele(health_lines[:30], 1200)
    patients = list(patient_of)
    n.consented_at(health, patients, n.dated(20, 3000), share=0.97,
                   evidence="{holder}/patient-registration/{index}")  # fmt: skip
    confirm = n.confirmation_ivr(28, pressed=(18, 29, 5), hold=(20, 120), talk_median_s=180,
                                 heard=(29, 32), refused_s=17)  # fmt: skip
    n.daily([4000, 0, 0, 0], [n.between(10, 18)] * 4, customer=health,
            callers=n.assigned(patient_of), callees=patients, durations=confirm,
            answered=0.62)  # fmt: skip
    cancelled = n.mix([
        (0.55, n.message(34, spread=2, hang_ups=0.2)),
        (0.15, lambda count: 34 + n.live(120, 0.7)(count)),  # pressed 1 to reschedule
        (0.30, n.message(34, spread=2, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    for count, day, when in [(5000, 1, n.between(6, 7.5)), (6000, 2, n.between(10, 11.5)),
                             (4000, 3, n.between(13, 16))]:  # fmt: skip
        n.wave(patients, count, day, when, callers=n.assigned(patient_of), durations=cancelled,
               answered=0.55, customer=health)  # fmt: skip
    n.daily([1500, 800, 400, 600], [n.by_hour(OFFICE)] * 4, customer=health,
            callers=n.rotate(health_lines[30:]), callees=patients + n.numbers(5000, REGION),
            durations=n.live(150), answered=0.45, unanswered=PEOPLE)  # fmt: skip
    pharmacy = "smoky-ridge-pharmacy"
    stores = n.account(pharmacy, "prescription refill reminders and store notices",
                       opened=ago(365 * 16), numbers=40, npa=[828, 828, 423, 864, 865],
                       ein="56-1102876", email="rx@smokyridgepharmacy.com")  # fmt: skip
    n.lawful(stores)
    store_of = n.clientele(stores, 700)
    store_customers = list(store_of)
    n.consented_at(pharmacy, store_customers, n.dated(30, 3000),
                   evidence="{holder}/pharmacy-profile/{index}")  # fmt: skip
    refill = n.mix([(0.9, n.message(24, hang_ups=0.12, voicemail=0.33)),
                    (0.1, lambda count: 24 + n.live(35, 0.5)(count))])  # fmt: skip
    n.daily([2500, 600, 800, 1000], [n.by_hour({9: 0.6, 10: 1.0, 11: 1.2, 12: 1.2, 13: 1.0,
                                                14: 1.0, 15: 1.0, 16: 1.1, 17: 1.1, 18: 0.8})] * 4,
            customer=pharmacy, callers=n.assigned(store_of), callees=store_customers,
            durations=refill, answered=0.6)  # fmt: skip
    closed = n.mix([(0.85, n.message(29, hang_ups=0.15, voicemail=0.35)),
                    (0.15, lambda count: 29 + n.live(60, 0.6)(count))])  # fmt: skip
    for count, day, when in [(5000, 1, n.between(8, 10)), (3000, 2, n.between(9, 11))]:
        n.wave(store_customers, count, day, when, callers=n.assigned(store_of),
               durations=closed, answered=0.55, customer=pharmacy)  # fmt: skip

    # --- lawful: an insurer's claims centre -------------------------------------------------
    insurer = "piedmont-farm-mutual-insurance"
    desks = n.account(insurer, "insurance policy servicing and claims: live agents, "
                      "predictive dialer and claim notifications to our policyholders",
                      opened=ago(365 * 11), numbers=120, npa=[336, 336, 704, 828, 864, 423],
                      ein="56-0412004", email="claims@piedmontfarmmutual.com",
                      address="1200 W Market St, Greensboro NC")  # fmt: skip
    claims_line = n.toll_free(1)
    n.host(insurer, claims_line)
    n.lawful([*desks, *claims_line])
    policyholders = n.numbers(80_000, SOUTHEAST + STORM_AREAS)
    n.consented_at(insurer, policyholders, n.dated(30, 5000), share=0.96,
                   evidence="{holder}/policy-application/{index}")  # fmt: skip
    n.daily([3000, 1000, 0, 0], [n.between(9, 20)] * 4, customer=insurer,
            callers=n.rotate(desks), callees=policyholders, durations=n.predictive_dialler(200),
            answered=0.28)  # fmt: skip
    storm_policyholders = [number for number in policyholders
                           if int(number[2:5]) in set(STORM_AREAS)]  # fmt: skip
    outreach = n.mix([
        (0.55, n.message(33, hang_ups=0.3)),
        (0.12, lambda count: 33 + n.rng.integers(20, 240, count) + n.live(900, 0.6)(count)),
        (0.33, n.message(33, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    for count, day, when in [(15_000, 1, n.between(14, 19)), (15_000, 2, n.between(10, 18)),
                             (10_000, 3, n.between(12, 18))]:  # fmt: skip
        n.wave(storm_policyholders, count, day, when, callers=n.rotate(claims_line),
               durations=outreach, answered=0.4, customer=insurer)  # fmt: skip
    claimants = storm_policyholders[:20_000]
    n.daily([0, 0, 6000, 8000], [n.between(8, 20)] * 4, customer=insurer,
            callers=n.rotate(desks), callees=claimants, durations=n.agency_dialler(420),
            answered=0.3, unanswered=PEOPLE)  # fmt: skip
    for carrier, share in [(cane, 0.5), (foothills, 0.5)]:
        n.send([round(day * share) for day in [400, 2500, 3500, 3000]], upstream=carrier,
               callers=n.rotate(storm_policyholders), callees=claims_line,
               durations=n.mix([(0.3, n.between_s(20, 90)), (0.7, n.live(600, 0.7))]),
               answered=0.6, when=n.by_hour({h + 4: w for h, w in HOMES.items()}),
               clock="utc", attestation={None: 0.7, "A": 0.3} if carrier == cane else "A",
               unanswered={487: 0.7, 486: 0.3})  # fmt: skip

    # --- the dialler platform: two lawful clients and a storm chaser --------------------------
    n.account("peakdial-cloud", "hosted power and predictive dialer for contact centres, "
              "agencies and healthcare outreach", kind=CustomerKind.RESELLER,
              opened=ago(365 * 7), ein="45-3329107", email="trust@peakdial.io",
              address="100 N Tryon St, Charlotte NC")  # fmt: skip
    nurses = n.account("appalachian-home-health", "home health nurses calling their patients "
                       "(live)", parent="peakdial-cloud", opened=ago(365 * 4), numbers=12,
                       npa=[828, 423], ein="56-2210934")  # fmt: skip
    n.lawful(nurses)
    homebound = n.numbers(5000, [828, 828, 423])
    n.consented_at("appalachian-home-health", homebound, n.dated(10, 900),
                   evidence="{holder}/admission/{index}")  # fmt: skip
    n.daily([600, 1500, 1800, 1500], [n.between(8, 20)] * 4, customer="peakdial-cloud",
            sub_account="appalachian-home-health", callers=n.rotate(nurses),
            callees=homebound, durations=n.live(240, 0.7), answered=0.55,
            unanswered=PEOPLE)  # fmt: skip
    union = n.account("ridgeview-credit-union", "fraud alerts and member notices to our "
                      "members", parent="peakdial-cloud", opened=ago(365 * 5), numbers=6,
                      npa=[828, 423], ein="56-0601773")  # fmt: skip
    n.lawful(union)
    credit_members = n.numbers(40_000, [828, 828, 423, 865, 864])
    n.consented_at("ridgeview-credit-union", credit_members, n.dated(30, 4000), share=0.97,
                   evidence="{holder}/account-agreement/{index}")  # fmt: skip
    n.send(800, customer="peakdial-cloud", sub_account="ridgeview-credit-union",
           callers=n.rotate(union), callees=credit_members, durations=n.fraud_alert_ivr(),
           answered=0.55, when=n.by_hour(CARD_ACTIVITY))  # fmt: skip
    n.wave(credit_members, 9000, 2, n.between(10, 17), callers=n.rotate(union[:1]),
           durations=n.message(37, hang_ups=0.2, voicemail=0.4), answered=0.45,
           customer="peakdial-cloud", sub_account="ridgeview-credit-union")  # fmt: skip

    chaser = "ridgetop-home-damage-pros"
    n.account(chaser, "appointment setting for home improvement contractors (live agents)",
              campaign=True, parent="peakdial-cloud", kyc=KycStatus.PENDING, opened=ago(2.5),
              email="ridgetophomepros@gmail.com")  # fmt: skip
    chaser_lines = n.grant(chaser, 50, [828, 828, 864, 864, 423, 706, 865], since=ago(2.5))
    homeowners = n.numbers(200_000, [828, 828, 864, 864, 423, 706, 865, 762])
    n.daily([0, 0, 11_000, 14_000], [n.between(9, 19)] * 4, customer="peakdial-cloud",
            sub_account=chaser, callers=n.same_area(chaser_lines), callees=homeowners,
            durations=n.scam(24, machines=0.1, dropped=0.2, transfer=0.05, hang_ups=0.55,
                             agent_median_s=300),
            answered=0.16)  # fmt: skip

    # --- campaigns: a seller's storm pitch, and two upstreams' scams -------------------------
    seller = "southeastern-vehicle-protection"
    seller_lines = n.account(seller, "customer retention and renewal calls to vehicle service "
                             "contract holders", campaign=True, opened=ago(240), numbers=12,
                             npa=[704, 980], ein="87-1904456",
                             email="compliance@sevehicleprotection.com",
                             address="9115 Harris Corners Pkwy, Charlotte NC")  # fmt: skip
    owners = n.numbers(120_000, SOUTHEAST)
    n.consented_at(seller, owners, n.dated(20, 400), share=0.3,
                   evidence="https://www.autoquotesdirect-now.com/lead/{index}")  # fmt: skip
    n.daily([7000, 8000, 6000, 4000], [n.between(9, 20)] * 4, customer=seller,
            callers=n.rotate(seller_lines), callees=owners,
            durations=n.scam(38, machines=0.1, dropped=0.15, transfer=0.04, hang_ups=0.6,
                             agent_median_s=480),
            answered=0.18)  # fmt: skip

    sable = "Sable Point Communications"
    n.interconnected(sable, "Sable Point Communications LLC", opened=ago(365 * 3),
                     campaign=True)  # fmt: skip
    n.filing("0028815562", "Sable Point Communications LLC", PARTIAL, 20240115)
    sable_enterprises = n.numbers(1200, [305, 786, 954, 561, 407, 404, 770, 678])
    n.lawful(sable_enterprises)
    n.transit([20_000, 20_000, 12_000, 10_000], sable, sable_enterprises,
              signed={"A": 0.4, "B": 0.45, None: 0.15},
              callees=n.numbers(60_000, SOUTHEAST) + n.numbers(40_000))  # fmt: skip
    co_op_lines = n.in_exchanges(40_000, EMC_EXCHANGES + TN_COOP_EXCHANGES)
    storefronts = n.numbers(25_000, SOUTHEAST)
    # from Friday afternoon (1 pm Eastern), then the offshore centre's whole shift
    n.daily([0, 6000, 11_000, 9000], [n.between(17, 23.5)] * 2 + [n.between(13, 23.5)] * 2,
            upstream=sable,
            callers=n.drawn([(0.45, n.rotate([IVY_RIVER_SERVICE])),
                             (0.15, n.rotate([NOLICHUCKY_SERVICE])),
                             (0.10, n.rotate([OTHER_UTILITY])),
                             (0.30, n.invented_local())]),
            callees=co_op_lines + storefronts,
            durations=n.scam(27, machines=0.2, transfer=0.03, hang_ups=0.55,
                             agent_median_s=420),
            answered=0.16, clock="utc", attestation={None: 0.55, "C": 0.45})  # fmt: skip
    tidewater = "Tidewater Digital Voice"
    n.interconnected(tidewater, "Tidewater Digital Voice, Inc.", opened=ago(365 * 5),
                     campaign=True)  # fmt: skip
    n.filing("0026093318", "Tidewater Digital Voice, Inc.", IMPLEMENTED, 20240403)
    tidewater_enterprises = n.numbers(1500, [757, 804, 919, 704, 404, 202, 410])
    n.lawful(tidewater_enterprises)
    n.transit([18_000, 18_000, 12_000, 11_000], tidewater, tidewater_enterprises,
              signed=SIGNED, callees=n.numbers(60_000, SOUTHEAST) + n.numbers(40_000))  # fmt: skip
    relief_dids = n.numbers(180, [828, 423, 864, 706, 850, 704, 919, 404, 865])
    n.daily([0, 0, 12_000, 16_000], [n.between(10, 19)] * 4, upstream=tidewater,
            callers=n.drawn([(0.88, n.rotate(relief_dids)), (0.12, n.rotate([FEMA_HELPLINE]))]),
            callees=n.numbers(250_000, STORM_AREAS),
            durations=n.scam(31, machines=0.25, transfer=0.04, hang_ups=0.5,
                             agent_median_s=540),
            answered=0.14, attestation="A")  # fmt: skip

    # --- for review -----------------------------------------------------------------------
    roofer = "high-country-roofing-and-restoration"
    roofer_lines = n.account(roofer, "roofing contractor: office phones", opened=ago(365 * 6),
                             numbers=3, npa=828, ein="56-2287719",
                             email="office@highcountryroofingnc.com",
                             address="75 Thompson St, Asheville NC")  # fmt: skip
    del n.campaign["customer", roofer]
    n.review.add(("customer", roofer))
    n.lawful(roofer_lines)
    n.daily([60, 40, 150, 150], [n.by_hour(OFFICE)] * 4, customer=roofer,
            callers=n.rotate(roofer_lines), callees=n.numbers(3000, [828, 828, 864, 423]),
            durations=n.live(180), answered=0.5, unanswered=PEOPLE)  # fmt: skip
    past_customers = n.numbers(7000, [828, 828, 828, 864, 423])
    n.consented_at(roofer, past_customers, n.dated(100, 3000), share=0.2,
                   evidence="{holder}/roof-warranty-registration/{index}")  # fmt: skip
    for count, day in [(2500, 2), (3000, 3)]:
        n.wave(past_customers, count, day, n.between(10, 18), callers=n.rotate(roofer_lines[:1]),
               durations=n.message(32, hang_ups=0.3, voicemail=0.4), answered=0.45,
               customer=roofer)  # fmt: skip

    # --- lawful: the region's small businesses ----------------------------------------------
    n.businesses(70, "wncbiz")
    return n
