"""A cross-border network: the whole traffic of Peace Bridge Communications, a wholesale and
business SIP provider with a switch in Buffalo, New York (Peace Bridge Communications, Inc.,
in the Robocall Mitigation Database, a US STI certificate) and one in Toronto, Ontario (its
affiliate Peace Bridge Communications Canada ULC, registered with the CRTC, signing under the
Canadian Secure Token Governance Authority), whose customers call into both countries and
whose upstream carriers hand it calls for either. Four UTC days, Friday 7 to Monday 10 March
2025, one CDR extract for both switches. Built on the plumbing of
:mod:`tests.traffic.hosted_shapes` (signalling source addresses, per-day UTC offsets, dated
grants), :mod:`tests.traffic.gateway_shapes` (foreign carriers and numbers, families,
circles), :mod:`tests.traffic.platform_shapes` (a store's clientele, local presence) and
:mod:`tests.traffic.transit_shapes` (RMD filings, ordinary transit). Days are numbered 0
(Friday) to 3 (Monday); "local" is the callee's time unless said otherwise.

The clocks. Daylight saving time starts in both countries at 2 am local on Sunday 9 March
(day 2), but not everywhere: Newfoundland (709) is UTC-3:30 on Friday and Saturday and
UTC-2:30 from Sunday, an hour and a half ahead of Toronto; the Maritimes (902, 782, 506, 428)
are UTC-4, then UTC-3; Saskatchewan (306, 639, 474) keeps UTC-6 all year, the same as
Winnipeg and Chicago on Friday and Saturday but an hour behind them, level with Calgary,
from Sunday; Arizona keeps UTC-7 (level with Alberta until Saturday, with Vancouver from
Sunday); Mexico gave up daylight saving in 2022 (Monterrey stays UTC-6). An area code gets
its majority's zone: Labrador's west (709) keeps Atlantic time, Kenora (807) Central, the
Saskatchewan side of Lloydminster (306) Alberta's, Peace River country and Creston (250)
UTC-7 all year, the Magdalen Islands (418) Atlantic. A number's area code says where the line
was issued, not where its holder is: in March hundreds of thousands of Canadians winter in
Florida, Arizona and Texas with their Canadian mobiles and home numbers.

The week. The US 25% tariffs on Canadian goods took effect on Tuesday 4 March and Canada's
counter-tariffs the same day; on Thursday 6 March the US paused them for goods that qualify
under CUSMA/USMCA, so importers on both sides spend Friday and Monday on certificates of
origin with their customs brokers. Quebec's schools had their spring break (la semaine de
relâche) 3-7 March, and families fly home over the weekend. On Sunday morning (the network's
own weather) freezing rain closes Toronto Pearson's de-icing pads until noon.

The rules. In the US an artificial or prerecorded voice needs prior express consent (47 USC
227(b)(1)(A)(iii) for wireless numbers, (b)(1)(B) for residential lines), written consent if
it is telemarketing (47 CFR 64.1200(a)(2)-(3)); telephone solicitations keep to 8 am-9 pm
at the callee's location (64.1200(c)(1)); the TCPA binds any person within the US, wherever
the callee is. In Canada the CRTC's Unsolicited Telecommunications Rules: an automatic
dialing-announcing device (ADAD) may not be used for solicitation without the callee's
express consent (Part IV; in 2014 the CRTC refused to let an existing business relationship
stand in for it); ADAD calls that solicit nothing need no consent but must say who calls
and why; telemarketing keeps to 9 am-9:30 pm on weekdays and 10 am-6 pm on weekends, the
callee's time (Part III); the National DNCL binds telemarketers (charities, surveys, political
calls, existing customers and businesses exempt). Surveys and debt collection are not
telemarketing (provinces regulate collectors' hours: Ontario keeps them to 7 am-9 pm and
Sunday afternoons). Caller ID may not be spoofed to defraud on either side (227(e),
64.1604; the CRTC's STIR/SHAKEN mandate, Telecom Decision 2021-123). The provider blocks
calls from numbers on its DNO list (64.1200(k)(1)): the ITG's (the SSA's and IRS's inbound
lines), its own entries for the Government of Canada's inbound-only lines (the CRA's
individual, business and benefits enquiry lines, Service Canada's 1 800 O-Canada and EI
lines, IRCC's call centre, the Canadian Anti-Fraud Centre's line) and 350 banks' and brands'
inbound lines. It may not accept traffic directly from a provider, foreign or not,
absent from the RMD (64.6305(g)), and must stop the illegal calls it carries once it knows
of them and know its customers (64.1200(n)), whichever country the callee is in.

What the provider carries. At volume 1.0 about 235,000-240,000 calls a UTC day on Friday and
Monday and 135,000 on Saturday and Sunday; three in five go to Canadian numbers on the
weekdays, seven in ten at the weekend.

Campaigns (each must reach ``high`` at the narrowest responsible entity):

- ``Meridian Crossroads Telecom`` (upstream, Meridian Crossroads Telecom LLC of Newark, New
  Jersey, a least-cost-routing wholesaler in the RMD with a mitigation programme and no
  STIR/SHAKEN): beside 14,000-17,000 ordinary calls a weekday (its customers' live calls to
  both countries), the "Canada Revenue Agency" scam from an offshore centre working its
  night shift (14:00-24:00 UTC, 9 or 10 am to 7 or 8 pm Eastern, 6 or 7 am Pacific): a 32 s
  text-to-speech message ("this is the CRA; a warrant has been issued for tax evasion;
  press 1"), 14,000 calls on Friday and Monday, 9,000 and 5,000 at the weekend, to a list of
  250,000 numbers in the areas where newcomers to Canada live (Toronto, Peel, Vancouver,
  Surrey, Calgary, Edmonton, Montreal, Winnipeg). It presents the CRA's, Service Canada's and
  IRCC's inbound lines (on the DNO list) on 35% of the calls, the Toronto, Ottawa and
  Vancouver police's non-emergency lines (which do call out) on 12%, and an invented number
  in Ottawa, Gatineau or Toronto on the rest; unsigned or C-attested. 12% answered: a
  quarter voicemail boxes recording it, 55% of the humans hanging up in it, 4% pressing 1
  for a "CRA officer" (a quarter of an hour). 227(e), 64.1604, 64.1200(k)(1), (n)(2).
- ``Tundra Link Communications`` (upstream, Tundra Link Communications Inc., a Montreal VoIP
  wholesaler registered with the CRTC, interconnected seven months ago, not in the RMD; a
  "Tundra Telephone Cooperative" filing is another company): its Montreal customers' calls
  to the US (4,000 a weekday), and two recorded scams from its wholesale partners: "Service
  Canada: votre numéro d'assurance sociale a été suspendu / your Social Insurance Number
  has been suspended" (38 s, French then English, press 1), 6,000-6,500 calls a weekday to
  Quebec and eastern Ontario, 10 am-7:30 pm, presenting 1 800 O-Canada or the EI line (40%,
  DNO) or an invented Gatineau, Ottawa or Montreal number; and an "Amazon order" press-1
  (20 s) to US numbers, 4,000-4,500 a weekday, each from an invented number in the callee's
  own exchange. Unsigned, C or B. 64.6305(g) whatever the calls; 227(e), 64.1200(k)(1).
- ``greenhome-energy-services`` (customer on the Toronto switch: "2873641 Ontario Inc. o/a
  GreenHome Energy Services", a numbered company opened 37 days before the week, KYC
  verified by a corporate search, declared "appointment confirmations for HVAC, duct
  cleaning and insulation customers", its dialler on a budget VPS in Beauharnois): the
  Canadian classic, a 22 s recording ("we're cleaning ducts in your neighbourhood this week
  / homeowners qualify for a free home energy audit and up to $10,000 in rebates; press
  1"), 9,000-9,500 calls a weekday 9:30 am-8:30 pm, 6,000 on Saturday and 4,000 on Sunday
  10 am-6 pm (it keeps the telemarketing hours), to 180,000 homeowners in Ontario and
  Quebec, each from one of its 120 DIDs in the callee's area code (signed A). 15% answered:
  machines dropped after 2-5 s, 60% of the humans hanging up, 6% pressing 1 for a
  salesman. No consent records: ADAD solicitation without express consent (Part IV).
- ``vehicle-protection-services`` (sub-account of the Buffalo dialler platform
  ``quantum-dial-cloud``, opened 19 days before the week, KYC pending, a webmail contact,
  declared "customer service callbacks for vehicle owners"): the auto-warranty "final notice"
  (30 s, press 1), 14,000 calls on Friday and Monday and 5,000 on Saturday, 9 am-7 pm local,
  to a purchased list of 218,000 vehicle owners in New York, Pennsylvania, Ohio, Michigan and
  Illinois, mostly wireless, into which the list vendor blended 18,000 Ontario numbers; 200
  DIDs granted by the platform, one in the callee's area code where it has one (signed A;
  Ontario callees get a New York or Michigan number). 12% answered. No consent records.
  227(b)(1)(A)(iii), 64.1200(a)(2); in Canada Part IV.
- ``comfortwise-home-rebates`` (customer on the Toronto switch, 8 months, KYC verified,
  declared "appointment setting for heat pump installers (live agents)"): a 25 s recording
  about the federal oil-to-heat-pump grant ("homeowners heating with oil get up to $15,000;
  press 1") to 70,000 rural numbers in Newfoundland (40%), Nova Scotia and PEI (22%), New
  Brunswick (15%) and Saskatchewan (23%), dialled from its Toronto floor on Toronto's clock:
  9 am-9:30 pm on Friday and Monday (busiest in the evening), 10 am-6 pm at the weekend,
  6,000 and 4,000 a day, from 40 DIDs in the callees' provinces (signed A). Fine in Toronto;
  in St. John's it rings until 11 pm on a weekday and until 7:30 pm at the weekend, in
  Halifax until 10:30 pm, in Regina from 8 am on Friday, 9 am on Saturday, 8 am on Sunday
  (the weekend's calls may start at 10) and 7 am on Monday: about a sixth of its calls. 22%
  answered (rural lines, answering machines). No consent records: ADAD solicitation
  without consent, and out of hours where its callees live.
- ``northpoint-connect`` (customer on the Toronto switch, "1374562 B.C. Ltd.", opened 23
  days before the week, KYC pending, a webmail contact, its signup and dialler behind an
  address in Beauharnois): snowshoeing over Canadian DIDs ordered in the provider's number
  portal, 500 at signup across 24 area codes from St. John's to Victoria and 300 more on
  Saturday afternoon (in use from Sunday), each call from a DID in the callee's area code,
  about 30 calls a DID a day, granted and verified: signed A. A "card services" recording
  ("lower your credit card interest rate to 1.9%; press 1", 24 s), 16,000-17,000 calls a
  weekday and 6,000 on Saturday, 10 am-8 pm local, to 300,000 Canadians. 13% answered;
  machines dropped; 58% of the humans hang up in it, 4% press 1. No consent records.

For review (reported; ``high`` is neither asked nor forbidden):

- ``niagara-credit-recovery`` (customer on the Buffalo switch, a collection agency, 6
  years): US hospitals' and card issuers' accounts, a third of them owed by Canadians who
  were treated in a US emergency room while travelling. Text-to-speech "message for
  <name>" (31 s +-4 s) every day, Sunday included, on Buffalo's clock, 8 am-9 pm Eastern:
  from 5 am in Vancouver and Los Angeles, until 10:30 pm in St. John's. 80% of the debtors gave
  their number at admission (consent records). Collection calls are not solicitation under
  either country's rules; the hours breach the FDCPA for western US debtors and the
  provinces' collection rules, matters for the regulators of collectors.
- ``bayview-health-foundation`` (customer on the Toronto switch, a hospital foundation, a
  registered charity, 10 years): its lottery's final weekend, a 35 s recording ("final
  hours to win a dream home; tickets support the new cancer centre; press 1 to buy") to
  90,000 past ticket buyers in Ontario, 6,000 on Friday 10 am-9 pm and 8,000 on Saturday and
  Sunday 10 am-6 pm. 30% ticked "call me about draws" on their order (written consent
  records); the rest bought a ticket once. A charity is exempt from the National DNCL but
  not from Part IV: an ADAD selling lottery tickets needs express consent, which an existing
  relationship does not give. An analyst should speak to it.

Lawful senders (none may reach ``high``; their own numbers are labelled lawful):

- ``Laurentian Telecom`` (upstream, Laurentian Telecommunications Inc., a Canadian
  incumbent, in the RMD with STIR/SHAKEN; its Canadian-signed calls arrive with their
  attestation, its TDM exchanges' unsigned): Canadian businesses' calls to the US (24,000-
  26,000 a weekday), Canadians calling family in Detroit, Buffalo, Seattle, New York and
  Florida (more at the weekend), and snowbirds' Canadian mobiles roaming in Florida and
  Arizona (home-routed VoLTE, so their calls to Florida and Arizona numbers come back
  through their Canadian carrier) calling restaurants, clinics and golf clubs on the Florida
  or Arizona clock. Passengers calling ``northway-airlines`` on Sunday.
- ``Empire Tandem Exchange`` (upstream, Empire Tandem Exchange, LLC, a Rochester tandem in
  the RMD): the US public's and businesses' calls to Canadian numbers, families, and
  American passengers calling the airline on Sunday.
- ``dominion-trust-bank`` (Toronto switch, 12 years): card-fraud alerts (the IVR of
  blind_shapes: press 1 if you made this purchase), in English and French, 30 numbers and 2
  toll-free lines, 7,000 a day on the cardholder's clock, a consent record for every
  cardholder; and its snowbirds' alerts follow their cards: 900 a day on the Florida clock
  and 400 on Arizona's to Ontario, Quebec, Atlantic, Prairie and BC numbers, and 1,200 to
  its US cross-border clients' US numbers.
- ``northway-airlines`` (Toronto switch, 9 years, 3 toll-free and 8 local numbers): flight
  notices to passengers who gave their number when booking (95% consent records; 70%
  Canadian, 25% US, 5% British, French and Mexican numbers): schedule changes 10 am-8 pm
  from its toll-free lines and day-of-departure delays from 4 am to 10 pm from the hubs'
  operations centres, on the departing hub's clock (Toronto, Montreal, Vancouver) whatever
  the callee's zone; on Sunday 22,000 rebooking calls
  between 4:30 am and 1 pm Toronto time for the freezing rain (1:30 am in Vancouver, 6 am
  in St. John's), 5,000 more early on Monday; and, through both upstreams, passengers
  calling its toll-free lines back (half an hour on hold). Not solicitation: no consent needed
  in Canada, and prior express consent in the US.
- ``trillium-pharmacy-group`` (Toronto switch, 15 years): refill and pickup reminders from
  230 stores from St. John's to Victoria (16 of them added in Newfoundland and
  Saskatchewan), each calling its own
  patients in its own area code in store hours (a 22 s message; English, French in Quebec).
- ``frontier-customs-brokers`` (Buffalo switch, 15 years): a cross-border customs broker's
  contact centre in tariff week, live agents calling importers, exporters and carriers in
  both countries on the broker's clock (Eastern: 7:30 am-7 pm, western clients after 11
  am), 9,000 calls on Friday and 11,000 on Monday, little at the weekend; and its Monterrey
  office's overflow desk presenting its Mexican numbers (unsigned) from 8 am to 6 pm
  Monterrey time.
- ``quantum-dial-cloud`` (Buffalo switch, a hosted dialler platform, reseller) and its
  lawful clients: ``great-lakes-home-solar`` (live agents on a predictive dialler calling
  web leads with written consent on its own site, 9 am-8 pm), ``erie-shore-insurance-agency``
  (live calls to its policyholders), ``buffalo-auto-group-bdc`` (a dealership's service
  reminders by live agents, no consent records).
- ``sondages-boreal`` (Toronto switch, Sondages Boréal inc., a Montreal survey firm, 11
  years): live interviewers calling a random-digit-dialling sample of Quebec numbers, 9 am-9
  pm on weekdays, 10 am-9 pm at the weekend (surveys are not telemarketing), 16% answered,
  a fifth of the numbers not in service.
- ``sunbelt-maple-voice`` (Buffalo switch, 6 years): a retail VoIP service for snowbirds,
  4,000 subscribers' Canadian home numbers ported in, on adapters at their winter homes in
  Florida and Arizona (signalling from US broadband): calls home to family in Canada, to
  other snowbirds, to Florida and Arizona businesses, on the Florida or Arizona clock.
- ``avalon-seafoods`` (Toronto switch, a St. John's seafood exporter): buyers in Boston,
  Maine, Toronto, Montreal, Halifax, Norway, Iceland, the UK and China from 7 am Newfoundland
  time (5:30 am in Boston). ``avalon-home-heating`` (St. John's, 20 years): recorded
  heating-oil delivery notices to its customers, 9 am-7:30 pm Newfoundland time (7:30 am-6
  pm in Toronto), consented.
- Small businesses on both sides (``smallbiz-ca-*``, ``smallbiz-us-*``).

Campaign caller IDs are not labelled: each campaign is judged at the source that carries it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

import numpy as np

from callwarden.customers import ConsentType, CustomerKind, KycStatus, NumberGrant
from callwarden.lists import DnoEntry
from tests.traffic.blind_shapes import (
    DIALLER,
    PEOPLE,
    START,
    When,
    _zone_offset_s,
)
from tests.traffic.gateway_shapes import CARD_ACTIVITY, EVENINGS
from tests.traffic.hosted_shapes import (
    AMAZON,
    BROADBAND,
    COLOCATION,
    HostedNetwork,
)
from tests.traffic.hosted_shapes import ZONES as HOSTED_ZONES
from tests.traffic.platform_shapes import BUSINESS, REMINDER_HOURS
from tests.traffic.transit_shapes import IMPLEMENTED, MITIGATION_ONLY, PARTIAL
from tests.traffic.unseen_shapes import Durations

#: Friday 7 March 2025: daylight saving time starts on Sunday (not in Saskatchewan, Arizona,
#: Yukon or Mexico)
FIRST = datetime(2025, 3, 7, tzinfo=UTC)
BORDER_DAYS = 4

#: Canadian area codes: (time zone of most of the area, people in it, hundreds of thousands)
CANADA: dict[int, tuple[str, float]] = {
    709: ("America/St_Johns", 5.4),
    902: ("America/Halifax", 9.0), 782: ("America/Halifax", 3.5),
    506: ("America/Moncton", 6.5), 428: ("America/Moncton", 1.9),
    514: ("America/Toronto", 11.0), 438: ("America/Toronto", 7.0), 263: ("America/Toronto", 2.0),
    450: ("America/Toronto", 20.0), 579: ("America/Toronto", 8.0), 354: ("America/Toronto", 2.0),
    418: ("America/Toronto", 12.0), 581: ("America/Toronto", 6.0), 367: ("America/Toronto", 1.0),
    819: ("America/Toronto", 15.0), 873: ("America/Toronto", 5.0), 468: ("America/Toronto", 1.0),
    416: ("America/Toronto", 12.0), 647: ("America/Toronto", 12.0), 437: ("America/Toronto", 5.0),
    942: ("America/Toronto", 1.0),
    905: ("America/Toronto", 30.0), 289: ("America/Toronto", 16.0), 365: ("America/Toronto", 7.0),
    742: ("America/Toronto", 2.0),
    613: ("America/Toronto", 13.0), 343: ("America/Toronto", 5.0), 753: ("America/Toronto", 1.0),
    519: ("America/Toronto", 17.0), 226: ("America/Toronto", 9.0), 548: ("America/Toronto", 2.5),
    382: ("America/Toronto", 0.5),
    705: ("America/Toronto", 11.5), 249: ("America/Toronto", 5.0), 683: ("America/Toronto", 0.5),
    807: ("America/Toronto", 2.3),
    204: ("America/Winnipeg", 10.0), 431: ("America/Winnipeg", 4.0),
    584: ("America/Winnipeg", 0.5),
    306: ("America/Regina", 9.0), 639: ("America/Regina", 3.0), 474: ("America/Regina", 0.3),
    403: ("America/Edmonton", 16.0), 780: ("America/Edmonton", 16.0),
    587: ("America/Edmonton", 12.0), 825: ("America/Edmonton", 4.0), 368: ("America/Edmonton", 1.0),
    604: ("America/Vancouver", 17.0), 778: ("America/Vancouver", 22.0),
    236: ("America/Vancouver", 6.0), 250: ("America/Vancouver", 10.0),
    672: ("America/Vancouver", 1.0),
}  # fmt: skip
#: time zones of every area code the network calls: the hosted network's, upstate New York's,
#: the border states', and Canada's
ZONES: dict[int, str] = (
    HOSTED_ZONES
    | dict.fromkeys([716, 585, 315, 518, 607, 810, 207, 781, 978, 508, 802, 646, 347],
                    "America/New_York")
    | dict.fromkeys([253, 360, 425], "America/Los_Angeles")
    | {651: "America/Chicago", 701: "America/Chicago", 406: "America/Denver"}
    | {npa: zone for npa, (zone, _) in CANADA.items()}
)  # fmt: skip


def draw(npas: Iterable[int]) -> list[int]:
    """Canadian area codes repeated by their people: for :meth:`BorderNetwork.numbers`,
    which draws its area codes evenly from what it is given."""
    return [npa for npa in npas for _ in range(max(1, round(CANADA[npa][1] * 2)))]


NEWFOUNDLAND = [709]
MARITIMES = [902, 782, 506, 428]
QUEBEC = [514, 438, 263, 450, 579, 354, 418, 581, 367, 819, 873, 468]
TORONTO = [416, 647, 437, 942]
GTA = [905, 289, 365, 742]
EASTERN_ONTARIO = [613, 343, 753]
SOUTHWEST_ONTARIO = [519, 226, 548, 382]
NORTHERN_ONTARIO = [705, 249, 683, 807]
ONTARIO = TORONTO + GTA + EASTERN_ONTARIO + SOUTHWEST_ONTARIO + NORTHERN_ONTARIO
MANITOBA = [204, 431, 584]
SASKATCHEWAN = [306, 639, 474]
ALBERTA = [403, 780, 587, 825, 368]
BRITISH_COLUMBIA = [604, 778, 236, 250, 672]
EVERYWHERE = draw(CANADA)
#: where newcomers to Canada settle: the CRA scam's list
NEWCOMERS = draw([*TORONTO, 905, 289, 365, 604, 778, 236, 403, 587, 780, 825, 514, 438, 204,
                  431])  # fmt: skip
#: the snowshoe's 24 area codes, St. John's to Victoria
SNOWSHOE_AREAS = draw([709, 902, 506, 514, 450, 418, 819, 416, 647, 905, 289, 613, 519, 705,
                       204, 306, 403, 587, 780, 604, 778, 250, 226, 438])  # fmt: skip

#: US areas across the border and where Canadians winter
BUFFALO = [716, 716, 585]
DETROIT = [313, 248, 586, 734, 810]
SEATTLE = [206, 425, 253, 360]
NEW_YORK = [212, 718, 917, 646, 347, 516]
FLORIDA = [239, 239, 941, 941, 727, 813, 561, 954, 954, 772, 321, 386]
ARIZONA = [480, 480, 602, 623, 520, 928]
#: the auto-warranty list: New York, Pennsylvania, Ohio, Michigan, Illinois
VEHICLE_OWNERS = [716, 585, 315, 518, 607, 212, 718, 516, 412, 215, 610, 717, 216, 330, 614,
                  513, 313, 248, 586, 734, 810, 312, 773]  # fmt: skip
#: a Buffalo dialler platform's own clients' customers
WESTERN_NEW_YORK = [716, 716, 716, 585, 585, 315, 607, 518]
#: a Canadian's people in the US, by the Canadian's area code
ACROSS_THE_BORDER: dict[int, list[int]] = {
    519: DETROIT, 226: DETROIT, 905: BUFFALO + NEW_YORK, 289: BUFFALO + NEW_YORK,
    416: [*NEW_YORK, *FLORIDA, 617], 647: [*NEW_YORK, *FLORIDA, 617], 613: [*NEW_YORK, 802],
    514: [*NEW_YORK, *FLORIDA, 802], 438: NEW_YORK + FLORIDA, 450: [802, 518, *FLORIDA],
    604: [*SEATTLE, 415, 213], 778: [*SEATTLE, 415, 408], 403: [*ARIZONA, 406, 702],
    780: [*ARIZONA, 406], 204: [612, 651, 701], 306: [701, 406, *ARIZONA],
    902: [617, 207, 781], 506: [207, 617],
}  # fmt: skip
#: an American's people in Canada, by the American's area code
NORTH_OF_THE_BORDER: dict[int, list[int]] = {
    313: [519, 226], 248: [519, 226, 416], 586: [519, 226], 734: [519, 226], 810: [519],
    716: [905, 289, 416, 647], 585: [905, 416, 613], 206: [604, 778, 236], 425: [604, 778],
    253: [604, 250], 360: [604, 778, 250], 212: [416, 647, 514, 438], 718: [416, 514, 438],
    617: [902, 506, 416, 514], 612: [204, 431], 651: [204], 802: [514, 450, 819],
    207: [506, 902], 312: [416, 204, 403], 214: [403, 780],
}  # fmt: skip

#: the Government of Canada's inbound lines: the CRA (individual, business and benefits
#: enquiries), Service Canada (1 800 O-Canada, EI), IRCC's call centre and the Canadian
#: Anti-Fraud Centre; listed on the provider's DNO list at the CAFC's request
GOVERNMENT_OF_CANADA = ["+18009598281", "+18009595525", "+18003871193", "+18006226232",
                        "+18002067218", "+18882422100", "+18884958501"]  # fmt: skip
SERVICE_CANADA = ["+18006226232", "+18002067218"]
#: police services' non-emergency lines (Toronto, Ottawa, Vancouver): they call out too
POLICE = ["+14168082222", "+16132361222", "+16047173321"]
#: the SSA's and IRS's published inbound lines (the ITG's DNO list)
US_GOVERNMENT = ["+18007721213", "+18003250778", "+18008291040", "+18003664484"]

# --- signalling: where calls come from (public IPv4 /16s) ----------------------------------------
#: Canadian cable, DSL and fibre (offices, homes)
CANADIAN_BROADBAND = ["99.224", "99.236", "174.112", "142.114", "70.26", "24.114", "184.144",
                      "69.159"]  # fmt: skip
#: Toronto and Montreal data centres (carriers' and enterprises' SBCs)
CANADIAN_COLOCATION = ["66.135", "199.243", "209.15", "198.73"]
#: budget VPS hosting in Beauharnois, Quebec
BEAUHARNOIS_VPS = ["51.79", "144.217", "192.99"]
#: Mexican broadband (the broker's Monterrey office)
MEXICAN_BROADBAND = ["187.188", "189.203"]

#: foreign numbers: a prefix and how many digits follow it
PASSENGERS_ABROAD = [("+447", 9), ("+336", 8), ("+337", 8), ("+52998", 7), ("+5255", 8)]
FISH_BUYERS_ABROAD = [("+474", 7), ("+479", 7), ("+3546", 6), ("+3548", 6), ("+4420", 8),
                      ("+86138", 8), ("+86139", 8)]  # fmt: skip
MONTERREY = [("+5281", 8)]

#: how Canadian carriers' calls arrive signed: their IP customers A or B, TDM unsigned
CANADIAN_SIGNED: dict[str | None, float] = {"A": 0.62, "B": 0.12, None: 0.26}
#: how the public's US calls arrive signed by their own carriers
US_SIGNED: dict[str | None, float] = {"A": 0.66, "B": 0.14, None: 0.20}
#: a random-digit-dialling sample: numbers not in service, no answer, the interviewer's
#: dialler cancelling at its ring timeout, busy, declined
RDD = {404: 0.22, 480: 0.3, 487: 0.26, 486: 0.08, 603: 0.14}
#: callers to a toll-free line on hold who give up, or find every line busy
QUEUE = {487: 0.7, 486: 0.3}

# --- hours (relative weights) ------------------------------------------------------------------
#: a Toronto telemarketing floor's calls by the hour of Toronto's day: busiest after supper
FLOOR_EVENINGS = {9: 0.5, 10: 0.6, 11: 0.6, 12: 0.6, 13: 0.7, 14: 0.7, 15: 0.8, 16: 1.0,
                  17: 1.3, 18: 1.5, 19: 1.6, 20: 1.6, 21: 0.8}  # fmt: skip
#: flight delays and cancellations by the hour of the departing hub's day: the first wave's
#: crews and aircraft, then the day's knock-on delays
DEPARTURES = {4: 0.5, 5: 1.2, 6: 1.3, 7: 1.1, 8: 0.9, 9: 0.8, 10: 0.7, 11: 0.7, 12: 0.8,
              13: 0.9, 14: 1.0, 15: 1.0, 16: 1.1, 17: 1.1, 18: 1.0, 19: 0.8, 20: 0.6,
              21: 0.4}  # fmt: skip
#: snowbirds' own calls by the hour of their winter home's day
SNOWBIRD_DAY = {8: 0.6, 9: 1.0, 10: 1.1, 11: 1.0, 12: 0.8, 13: 0.7, 14: 0.7, 15: 0.8, 16: 0.9,
                17: 1.0, 18: 1.1, 19: 1.1, 20: 0.8, 21: 0.4}  # fmt: skip
#: a customs broker's agents (Eastern) calling clients in the East
BROKER_HOURS = {7: 0.5, 8: 1.0, 9: 1.3, 10: 1.3, 11: 1.2, 12: 0.8, 13: 1.1, 14: 1.2, 15: 1.2,
                16: 1.0, 17: 0.7, 18: 0.3}  # fmt: skip
#: a seafood exporter's day (Newfoundland): early calls to buyers and the plant's shifts
FISH_HOURS = {7: 1.0, 8: 1.3, 9: 1.3, 10: 1.2, 11: 1.0, 12: 0.6, 13: 0.9, 14: 0.9, 15: 0.8,
              16: 0.5}  # fmt: skip
#: a collection agency's dialler, Buffalo's clock, every day
COLLECTION_HOURS = {8: 1.2, 9: 1.1, 10: 1.0, 11: 0.9, 12: 0.8, 13: 0.8, 14: 0.8, 15: 0.9,
                    16: 1.0, 17: 1.2, 18: 1.3, 19: 1.3, 20: 1.1}  # fmt: skip
#: a survey's interviewers by the callee's hour: evenings answer best
SURVEY_WEEKDAY = {9: 0.5, 10: 0.6, 11: 0.6, 12: 0.5, 13: 0.6, 14: 0.6, 15: 0.7, 16: 0.9,
                  17: 1.3, 18: 1.6, 19: 1.6, 20: 1.3}  # fmt: skip
SURVEY_WEEKEND = {10: 0.8, 11: 1.0, 12: 1.0, 13: 1.0, 14: 1.0, 15: 1.0, 16: 1.0, 17: 1.1,
                  18: 1.1, 19: 1.0, 20: 0.8}  # fmt: skip


def kin_near(homes: Sequence[int]) -> Callable[[str], list[int]]:
    """Where a snowbird's people live: mostly in the area code of the snowbird's own home
    number, some elsewhere in ``homes``."""
    return lambda line: [int(line[2:5])] * 3 + list(homes)


def ago(days: float) -> datetime:
    """``days`` before the first day."""
    return FIRST - timedelta(days=days)


def at(day: int, hours: float) -> datetime:
    """``hours`` after UTC midnight of ``day``."""
    return FIRST + timedelta(days=day, hours=hours)


def four_days(friday: int, saturday: int, sunday: int, monday: int) -> list[int]:
    """Calls a day, Friday (day 0) to Monday (day 3)."""
    return [friday, saturday, sunday, monday]


def later(when: When, hours: float) -> When:
    """``when``'s hours, ``hours`` later."""
    return lambda count: when(count) + hours


def until(when: When, last: float) -> When:
    """``when``'s hours, those drawn in the half hour from ``last`` moved half an hour back
    (a floor that stops at 9:30 pm, its last hour drawn as a whole)."""

    def hours(count: int) -> np.ndarray:
        out = when(count)
        out[out >= last] -= 0.5
        return out

    return hours


@dataclass
class BorderNetwork(HostedNetwork):
    """A :class:`HostedNetwork` (signalling addresses, per-day offsets, dated grants, local
    presence, foreign carriers and numbers) over four UTC days from :data:`FIRST`: a US-Canadian
    wholesale and business SIP provider, its customers and upstream carriers on both sides."""

    id_prefix: ClassVar[str] = "n"
    days: ClassVar[int] = BORDER_DAYS
    start_s: ClassVar[float] = (FIRST - START).total_seconds()

    first_day = FIRST
    zones = ZONES

    # --- who sends -----------------------------------------------------------------------------
    def carrier_since(
        self,
        switch_id: str,
        legal_name: str,
        *,
        opened: datetime,
        campaign: bool,
        country: str = "US",
        sites: Sequence[str] = COLOCATION,
    ) -> None:
        """An upstream whose interconnection agreement was signed at ``opened``, domestic or
        in ``country``, signalling from ``sites`` (four addresses)."""
        if country == "US":
            self.peer(switch_id, legal_name, years=0, campaign=campaign)
        else:
            self.carrier(switch_id, legal_name, country, years=0, campaign=campaign)
        self.customers[-1] = replace(self.customers[-1], created_at=opened)
        self.sites[switch_id] = self.addresses(sites, 4)

    def canadian(
        self, customer_id: str, declared_use: str, *, bn: str, **account: Any
    ) -> list[str]:
        """:meth:`overseas` for a customer established in Canada, with its business number
        (BN) as KYC evidence; returns its verified numbers."""
        granted = self.overseas(customer_id, declared_use, "CA", **account)
        self.customers[-1] = replace(self.customers[-1], ein=bn)
        return granted

    def unverified(self, customer_id: str, numbers: Sequence[str], since: datetime) -> None:
        """Numbers ``customer_id`` may present that the provider did not issue nor check."""
        self.grants.extend(
            NumberGrant(number, customer_id, since=since, verified=False) for number in numbers
        )

    # --- the calls -----------------------------------------------------------------------------
    def on_clock(self, zone: str, per_day: Sequence[int], when: When, **calls: Any) -> None:
        """:meth:`send` ``per_day`` calls at ``when`` hours of the sender's own day in ``zone``
        (a hub, a winter home, a floor: not the callee's), from the local day before the
        first (at Friday's count) on."""
        for day in range(-1, self.days):
            count = per_day[max(day, 0)]
            if count == 0:
                continue
            noon = self.first_day + timedelta(days=day, hours=12)
            shift = _zone_offset_s(zone, noon) / 3600 + (24 if day < 0 else 0)
            self.send(self.only(max(day, 0), count), clock="utc", when=later(when, -shift),
                      **calls)  # fmt: skip

    def businesses(
        self,
        count: int,
        prefix: str,
        region: Sequence[int],
        *,
        canadian: bool,
        abroad: Sequence[int],
    ) -> None:
        """``count`` lawful small businesses (``<prefix>-<n>``) in ``region``, each with a few
        numbers of its town, calling its town and, a tenth of the time, ``abroad`` (the other
        country's areas) in office hours on Friday and Monday, a fifth as much on Saturday
        morning, almost nothing on Sunday."""
        for business in range(count):
            name = f"{prefix}-{business}"
            town = int(self.rng.choice(region))
            opened = ago(int(self.rng.integers(60, 4000)))
            lines = int(self.rng.integers(1, 5))
            if canadian:
                bn = f"BN {self.rng.integers(10**8, 10**9)}"
                phones = self.canadian(name, "office phones", opened=opened, numbers=lines,
                                       npa=town, bn=bn)  # fmt: skip
                self.sites[name] = self.addresses(CANADIAN_BROADBAND, 1)
            else:
                phones = self.account(name, "office phones", opened=opened, numbers=lines,
                                      npa=town)  # fmt: skip
                self.sites[name] = self.addresses(BROADBAND, 1)
            self.lawful(phones)
            neighbours = self.numbers(1800, town) + self.numbers(200, list(abroad))
            daily = int(self.rng.integers(15, 220))
            self.send(four_days(daily, 0, 0, daily), customer=name, callers=self.rotate(phones),
                      callees=neighbours, durations=self.live(170), answered=0.5,
                      when=self.by_hour(BUSINESS), unanswered=PEOPLE)  # fmt: skip
            self.send(four_days(0, daily // 5, daily // 30, 0), customer=name,
                      callers=self.rotate(phones), callees=neighbours, durations=self.live(150),
                      answered=0.45, when=self.between(9, 14), unanswered=PEOPLE)  # fmt: skip

    # --- how answered calls last --------------------------------------------------------------
    def flight_notice(self) -> Durations:
        """An airline's recorded flight notice (30 s): heard out, or 1 pressed for the
        rebooking options (an IVR, sometimes an agent), or hung up on once the app's alert
        had said it, or recorded by voicemail after the greeting."""
        return self.mix([
            (0.45, self.between_s(31, 36)),
            (0.20, lambda count: 30 + self.live(75, 0.6)(count)),
            (0.15, self.between_s(3, 20)),
            (0.20, self.message(30, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
        ])  # fmt: skip

    def scam(self, message_s: int, *, machines: float, agent_median_s: float) -> Durations:
        """A scam's press-1 recording of ``message_s`` s: ``machines`` of the answered are
        voicemail boxes recording it after their greeting; of the humans 57% hang up in it
        and 4% press 1 for an "officer" or "specialist"."""
        return self.mix([
            (machines, self.message(message_s, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
            (1 - machines, self.press_one(message_s, transfer=0.04, hang_ups=0.57,
                                          agent_median_s=agent_median_s)),
        ])  # fmt: skip

    def dropping(self, message_s: int, *, dropped: float, transfer: float) -> Durations:
        """A robocaller's dialler whose answering-machine detection drops ``dropped`` of the
        answered after 2-5 s, playing the others a press-1 recording of ``message_s`` s."""
        return self.mix([
            (dropped, self.between_s(2, 5)),
            (1 - dropped, self.press_one(message_s, transfer=transfer, hang_ups=0.58,
                                         agent_median_s=420)),
        ])  # fmt: skip

    def interview(self) -> Durations:
        """A survey interviewer's calls: refusals, callbacks arranged, answering machines
        the interviewer hangs up on, completed interviews of about twelve minutes."""
        return self.mix([
            (0.42, self.live(12, 0.5)),
            (0.15, self.live(45, 0.5)),
            (0.15, self.between_s(3, 8)),
            (0.28, self.live(720, 0.35)),
        ])  # fmt: skip


def build(seed: int, volume: float = 1.0) -> BorderNetwork:
    """The network of the module docstring; ``volume`` scales every sender's calls."""
    n = BorderNetwork(seed, volume)
    n.dno.extend(DnoEntry(number, "Government of Canada inbound-only line (listed at the "
                          "Canadian Anti-Fraud Centre's request)")
                 for number in GOVERNMENT_OF_CANADA)  # fmt: skip
    n.dno.extend(DnoEntry(number, "government inbound-only line (ITG DNO list)")
                 for number in US_GOVERNMENT)  # fmt: skip
    n.dno.extend(DnoEntry(number, "inbound only (customer service)")
                 for number in AMAZON + n.numbers(250) + n.numbers(100, EVERYWHERE))  # fmt: skip
    # filings of providers the network never sees, as any slice of the RMD holds them; one
    # close in name to an upstream but another company
    for frn, name, implementation, updated in [
        ("0004417702", "Tundra Telephone Cooperative, Inc.", MITIGATION_ONLY, 20231114),
        ("0021376645", "Niagara Mohawk Voice Services LLC", PARTIAL, 20240510),
        ("0027743108", "Saint Lawrence Seaway Telecom Inc.", IMPLEMENTED, 20240822),
        ("0012298753", "Cascadia Fibre Networks Ltd.", IMPLEMENTED, 20240305),
        ("0030011462", "Great Lakes Carrier Exchange, LLC", PARTIAL, 20241119),
    ]:  # fmt: skip
        n.filing(frn, name, implementation, updated)

    # --- the carriers delivering the public's calls (lawful) --------------------------------
    laurentian = "Laurentian Telecom"
    n.carrier_since(laurentian, "Laurentian Telecommunications Inc.", opened=ago(365 * 14),
                    campaign=False, country="CA", sites=CANADIAN_COLOCATION)  # fmt: skip
    n.filing("0004481237", "Laurentian Telecommunications Inc.", IMPLEMENTED, 20240628)
    firms_ca = n.numbers(2500, EVERYWHERE)
    n.lawful(firms_ca)
    n.send(four_days(24_000, 3000, 1500, 26_000), upstream=laurentian, callers=n.rotate(firms_ca),
           durations=n.live(170), answered=0.45, when=n.by_hour(BUSINESS),
           attestation=CANADIAN_SIGNED, unanswered=PEOPLE)  # fmt: skip
    canadians = n.numbers(8000, draw(ACROSS_THE_BORDER))
    in_the_us = n.circles(canadians, (1, 3), lambda person: ACROSS_THE_BORDER[int(person[2:5])])
    n.family(four_days(6000, 8000, 9000, 6000), laurentian, in_the_us, when=n.by_hour(EVENINGS),
             clock="local", attestation=CANADIAN_SIGNED)  # fmt: skip
    # snowbirds' Canadian mobiles, home-routed from Florida and Arizona
    for zone, homes, places, per_day in [
        ("America/New_York", ONTARIO + QUEBEC + MARITIMES, FLORIDA, 2600),
        ("America/Phoenix", ALBERTA + BRITISH_COLUMBIA + SASKATCHEWAN + MANITOBA, ARIZONA, 1100),
    ]:  # fmt: skip
        mobiles = n.numbers(per_day, draw(homes))
        n.lawful(mobiles)
        n.on_clock(zone, [per_day] * 4, n.by_hour(SNOWBIRD_DAY),
                   upstream=laurentian, callers=n.rotate(mobiles),
                   callees=n.numbers(8000, places), durations=n.live(100), answered=0.6,
                   attestation="A", unanswered=PEOPLE)  # fmt: skip

    empire = "Empire Tandem Exchange"
    n.carrier_since(empire, "Empire Tandem Exchange, LLC", opened=ago(365 * 11), campaign=False)
    n.filing("0020984415", "Empire Tandem Exchange, LLC", IMPLEMENTED, 20240917)
    firms_us = n.numbers(2500, [*BUFFALO, *DETROIT, *SEATTLE, *NEW_YORK, 312, 617, 214, 713])
    n.lawful(firms_us)
    canadian_lines = n.numbers(150_000, EVERYWHERE)
    n.transit(four_days(26_000, 5000, 3500, 28_000), empire, firms_us, signed=US_SIGNED,
              consumers=0.2, callees=canadian_lines)  # fmt: skip
    americans = n.numbers(6000, list(NORTH_OF_THE_BORDER))
    in_canada = n.circles(americans, (1, 3), lambda person: NORTH_OF_THE_BORDER[int(person[2:5])])
    n.family(four_days(4500, 6500, 7500, 4500), empire, in_canada, when=n.by_hour(EVENINGS),
             clock="local", attestation=US_SIGNED)  # fmt: skip

    # --- campaigns ------------------------------------------------------------------------
    # (1) the CRA scam through a US wholesaler in the RMD
    meridian = "Meridian Crossroads Telecom"
    n.carrier_since(meridian, "Meridian Crossroads Telecom LLC", opened=ago(365 * 3),
                    campaign=True)  # fmt: skip
    n.filing("0030552291", "Meridian Crossroads Telecom LLC", MITIGATION_ONLY, 20240917)
    firms_meridian = n.numbers(1800)
    n.lawful(firms_meridian)
    n.transit(four_days(14_000, 4000, 2500, 17_000), meridian, firms_meridian,
              signed={"A": 0.4, "B": 0.35, None: 0.25}, consumers=0.3,
              callees=canadian_lines[:60_000] + n.numbers(60_000))  # fmt: skip
    n.send(four_days(14_000, 9000, 5000, 14_000), upstream=meridian,
           callers=n.drawn([(0.35, n.rotate(GOVERNMENT_OF_CANADA[:6])), (0.12, n.rotate(POLICE)),
                            (0.53, n.invented_in([613, 819, 343, 873, 416, 647]))]),
           callees=n.numbers(250_000, NEWCOMERS),
           durations=n.scam(32, machines=0.25, agent_median_s=900), answered=0.12,
           when=n.between(14, 24), clock="utc", attestation={None: 0.55, "C": 0.45})  # fmt: skip

    # (2) a Canadian wholesaler outside the RMD: Service Canada and Amazon scams
    tundra = "Tundra Link Communications"
    n.carrier_since(tundra, "Tundra Link Communications Inc.", opened=ago(213), campaign=True,
                    country="CA", sites=CANADIAN_COLOCATION)  # fmt: skip
    firms_montreal = n.numbers(600, draw(QUEBEC))
    n.lawful(firms_montreal)
    n.send(four_days(4000, 700, 400, 4200), upstream=tundra, callers=n.rotate(firms_montreal),
           durations=n.live(150), answered=0.45, when=n.by_hour(BUSINESS),
           attestation={"B": 0.5, None: 0.5}, unanswered=PEOPLE)  # fmt: skip
    n.send(four_days(6000, 4000, 3000, 6500), upstream=tundra,
           callers=n.drawn([(0.4, n.rotate(SERVICE_CANADA)),
                            (0.6, n.invented_in([819, 613, 514, 438, 450]))]),
           callees=n.numbers(150_000, draw(QUEBEC + EASTERN_ONTARIO)),
           durations=n.scam(38, machines=0.2, agent_median_s=700), answered=0.10,
           when=n.between(10, 19.5), attestation={None: 0.6, "C": 0.4})  # fmt: skip
    n.send(four_days(4000, 3000, 2000, 4500), upstream=tundra, callers=n.neighbour(),
           callees=n.numbers(200_000), durations=n.scam(20, machines=0.2, agent_median_s=600),
           answered=0.12, when=n.between(9, 20),
           attestation={None: 0.5, "C": 0.3, "B": 0.2})  # fmt: skip

    # (3) duct cleaning and energy audits by ADAD in Ontario and Quebec
    greenhome = "greenhome-energy-services"
    cleaners = n.canadian(greenhome, "appointment confirmations for HVAC, duct cleaning and "
                          "insulation customers", bn="BN 781234560", opened=ago(37),
                          campaign=True, numbers=120, npa=draw(GTA + TORONTO + [519, 613, 705]),
                          email="greenhome.energy.services@gmail.com",
                          address="2873641 Ontario Inc., 3300 Hwy 7, Vaughan ON")  # fmt: skip
    n.sites[greenhome] = n.addresses(BEAUHARNOIS_VPS, 2)
    homeowners = n.numbers(180_000, draw(GTA + TORONTO + [519, 226, 613, 705, 450, 514]))
    audit = n.dropping(22, dropped=0.25, transfer=0.06)
    for schedule, when in [(four_days(9000, 0, 0, 9500), n.between(9.5, 20.5)),
                           (four_days(0, 6000, 4000, 0), n.between(10, 18))]:  # fmt: skip
        n.send(schedule, customer=greenhome, callers=n.same_area(cleaners), callees=homeowners,
               durations=audit, answered=0.15, when=when)  # fmt: skip

    # (4) the auto warranty, from a new client of a US dialler platform
    platform = "quantum-dial-cloud"
    n.account(platform, "hosted predictive and power dialer for US sales and service teams",
              kind=CustomerKind.RESELLER, opened=ago(365 * 4), ein="16-1562284",
              address="300 Pearl St, Buffalo NY", email="noc@quantumdial.com")  # fmt: skip
    dialler_sbc = n.addresses(COLOCATION, 3)
    n.sites[platform] = dialler_sbc
    warranty = "vehicle-protection-services"
    agents = n.account(warranty, "customer service callbacks for vehicle owners", campaign=True,
                       parent=platform, kyc=KycStatus.PENDING, opened=ago(19), numbers=200,
                       npa=VEHICLE_OWNERS, email="vps.customercare@gmail.com")  # fmt: skip
    n.sites[warranty] = dialler_sbc
    owners = n.numbers(200_000, VEHICLE_OWNERS) + n.numbers(18_000, draw(ONTARIO))
    final_notice = n.mix([(0.1, n.message(30, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
                          (0.9, n.dropping(30, dropped=0.22, transfer=0.04))])  # fmt: skip
    for schedule, when in [(four_days(14_000, 0, 0, 14_000), n.between(9, 19)),
                           (four_days(0, 5000, 0, 0), n.between(10, 17))]:  # fmt: skip
        n.send(schedule, customer=platform, sub_account=warranty, callers=n.same_area(agents),
               callees=owners, durations=final_notice, answered=0.12, when=when)  # fmt: skip

    # (5) a Toronto floor dialling Newfoundland, the Maritimes and Saskatchewan on its clock
    comfortwise = "comfortwise-home-rebates"
    rural = draw(NEWFOUNDLAND) * 8 + draw(MARITIMES) * 2 + draw(SASKATCHEWAN) * 2
    floor = n.canadian(comfortwise, "appointment setting for heat pump installers (live "
                       "agents)", bn="BN 734410982", opened=ago(250), campaign=True, numbers=40,
                       npa=rural, email="bookings@comfortwiserebates.ca",
                       address="4100 Yonge St, North York ON")  # fmt: skip
    n.sites[comfortwise] = n.addresses(CANADIAN_BROADBAND, 1)
    oil_heat = n.numbers(70_000, rural)
    rebate = n.mix([(0.2, n.message(25, hang_ups=0.0, voicemail=1.0, greeting=(10, 30))),
                    (0.8, n.press_one(25, transfer=0.05, hang_ups=0.55,
                                      agent_median_s=360))])  # fmt: skip
    for schedule, when in [(four_days(6000, 0, 0, 6000), until(n.by_hour(FLOOR_EVENINGS), 21.5)),
                           (four_days(0, 4000, 4000, 0), n.between(10, 18))]:  # fmt: skip
        n.on_clock("America/Toronto", schedule, when, customer=comfortwise,
                   callers=n.same_area(floor), callees=oil_heat, durations=rebate,
                   answered=0.22, attestation="A", unanswered=DIALLER)  # fmt: skip

    # (6) snowshoeing over Canadian DIDs
    northpoint = "northpoint-connect"
    first_dids = n.canadian(northpoint, "customer care and appointment reminders for our "
                            "clients", bn="BN 702938114", opened=ago(23), campaign=True,
                            kyc=KycStatus.PENDING, numbers=500, npa=SNOWSHOE_AREAS,
                            email="northpointconnect.ca@gmail.com",
                            address="1374562 B.C. Ltd., 10090 152 St, Surrey BC")  # fmt: skip
    more_dids = n.grant(northpoint, 300, SNOWSHOE_AREAS, since=at(1, 20))
    n.sites[northpoint] = n.addresses(BEAUHARNOIS_VPS, 1)
    n.send(four_days(16_000, 6000, 0, 17_000), customer=northpoint,
           callers=n.by_day([(0, n.same_area(first_dids)),
                             (2, n.same_area(first_dids + more_dids))]),
           callees=n.numbers(300_000, SNOWSHOE_AREAS),
           durations=n.dropping(24, dropped=0.25, transfer=0.04), answered=0.13,
           when=n.between(10, 20))  # fmt: skip

    # --- for review -----------------------------------------------------------------------
    collector = "niagara-credit-recovery"
    desks = n.account(collector, "third-party collection of US medical and consumer accounts, "
                      "including from Canadian residents (recorded messages and live agents)",
                      opened=ago(365 * 6), numbers=12, npa=716, ein="16-1498820",
                      address="40 Fountain Plaza, Buffalo NY")  # fmt: skip
    del n.campaign["customer", collector]
    n.review.add(("customer", collector))
    n.sites[collector] = n.addresses(COLOCATION, 1)
    debtors = n.numbers(40_000) + n.numbers(20_000, EVERYWHERE)
    n.consented_at(collector, debtors, n.dated(60, 900), share=0.8,
                   evidence="{holder}/hospital-admission/{index}")  # fmt: skip
    n.on_clock("America/New_York", four_days(3500, 1500, 1200, 3800), n.by_hour(COLLECTION_HOURS),
               customer=collector, callers=n.rotate(desks), callees=debtors,
               durations=n.message(31, spread=4, hang_ups=0.35, voicemail=0.4),
               answered=0.3)  # fmt: skip

    foundation = "bayview-health-foundation"
    lottery = n.canadian(foundation, "hospital foundation (registered charity): lottery "
                         "ticket sales and donor relations", bn="BN 119234567RR0001",
                         opened=ago(365 * 10), numbers=4, npa=[905, 416],
                         email="lottery@bayviewhealthfoundation.ca")  # fmt: skip
    del n.campaign["customer", foundation]
    n.review.add(("customer", foundation))
    n.sites[foundation] = n.addresses(CANADIAN_COLOCATION, 1)
    buyers = n.numbers(90_000, draw(ONTARIO))
    n.consented_at(foundation, buyers, n.dated(20, 700), kind=ConsentType.PRIOR_EXPRESS_WRITTEN,
                   share=0.3, evidence="{holder}/lottery-order/{index}")  # fmt: skip
    last_call = n.mix([(0.3, n.message(35, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
                       (0.7, n.press_one(35, transfer=0.04, hang_ups=0.45,
                                         agent_median_s=240))])  # fmt: skip
    for schedule, when in [(four_days(6000, 0, 0, 0), n.between(10, 21)),
                           (four_days(0, 8000, 8000, 0), n.between(10, 18))]:  # fmt: skip
        n.send(schedule, customer=foundation, callers=n.rotate(lottery), callees=buyers,
               durations=last_call, answered=0.3, when=when)  # fmt: skip

    # --- lawful ---------------------------------------------------------------------------
    # a Canadian bank's fraud alerts, at home and following its snowbirds' cards
    bank = "dominion-trust-bank"
    bank_lines = n.canadian(bank, "fraud alerts and account security calls to our "
                            "cardholders, in English and French (Canada, and our US "
                            "cross-border banking clients)", bn="BN 100234567",
                            opened=ago(365 * 12), numbers=30, npa=[416, 647],
                            email="fraud.operations@dominiontrust.ca")  # fmt: skip
    bank_toll_free = n.toll_free(2)
    n.grants.extend(NumberGrant(number, bank, since=ago(365 * 12), verified=True)
                    for number in bank_toll_free)  # fmt: skip
    bank_numbers = bank_lines + bank_toll_free
    n.lawful(bank_numbers)
    n.sites[bank] = n.addresses(CANADIAN_COLOCATION, 2)
    cardholders = n.numbers(120_000, EVERYWHERE)
    in_florida = n.numbers(8000, draw(ONTARIO + QUEBEC + MARITIMES))
    in_arizona = n.numbers(4000, draw(ALBERTA + BRITISH_COLUMBIA + SASKATCHEWAN + MANITOBA))
    cross_border = n.numbers(15_000, FLORIDA + ARIZONA + BUFFALO + NEW_YORK)
    n.consented_at(bank, cardholders + in_florida + in_arizona + cross_border,
                   n.dated(30, 3000), evidence="{holder}/cardholder-agreement/{index}")  # fmt: skip
    fraud = n.fraud_alert_ivr()
    n.send(7000, customer=bank, callers=n.rotate(bank_numbers), callees=cardholders,
           durations=fraud, answered=0.55, when=n.by_hour(CARD_ACTIVITY))  # fmt: skip
    n.send(1200, customer=bank, callers=n.rotate(bank_numbers), callees=cross_border,
           durations=fraud, answered=0.55, when=n.by_hour(CARD_ACTIVITY))  # fmt: skip
    for zone, wintering, per_day in [("America/New_York", in_florida, 900),
                                     ("America/Phoenix", in_arizona, 400)]:  # fmt: skip
        n.on_clock(zone, [per_day] * 4, n.by_hour(CARD_ACTIVITY),
                   customer=bank, callers=n.rotate(bank_numbers), callees=wintering,
                   durations=fraud, answered=0.55, attestation="A", unanswered=DIALLER)  # fmt: skip

    # an airline's flight notices, on its hubs' clocks, and the freezing rain
    airline = "northway-airlines"
    n.canadian(airline, "flight notifications to our passengers (schedule changes, delays, "
               "cancellations, rebooking) by recorded voice", bn="BN 887012346",
               opened=ago(365 * 9), email="digital.ops@northwayair.ca")  # fmt: skip
    notices = n.toll_free(3)
    #: the hubs' operations centres (Toronto and Montreal share a clock), and their share of
    #: departures
    hubs = {"America/Toronto": (n.numbers(4, 416) + n.numbers(2, 514), 0.8),
            "America/Vancouver": (n.numbers(2, 604), 0.2)}  # fmt: skip
    airline_numbers = notices + [number for lines, _ in hubs.values() for number in lines]
    n.grants.extend(NumberGrant(number, airline, since=ago(365 * 9), verified=True)
                    for number in airline_numbers)  # fmt: skip
    n.lawful(airline_numbers)
    n.sites[airline] = n.addresses(CANADIAN_COLOCATION, 2)
    passengers = n.numbers(140_000, EVERYWHERE) + n.numbers(50_000, FLORIDA + ARIZONA + NEW_YORK
                                                            + [702, 617, 312, 213])  # fmt: skip
    abroad = n.foreign(PASSENGERS_ABROAD, 8000)
    n.consented_at(airline, passengers + abroad, n.dated(1, 120), share=0.95,
                   evidence="{holder}/booking/{index}")  # fmt: skip
    notice = n.flight_notice()
    for zone, (operations, share) in hubs.items():
        for travellers, part in [(passengers, 0.95), (abroad, 0.05)]:
            changes, delays = round(4000 * share * part), round(1500 * share * part)
            n.on_clock(zone, [changes] * 4, n.between(10, 20), customer=airline,
                       callers=n.rotate(notices), callees=travellers, durations=notice,
                       answered=0.55, attestation="A")  # fmt: skip
            n.on_clock(zone, [delays] * 4, n.by_hour(DEPARTURES), customer=airline,
                       callers=n.rotate(operations), callees=travellers, durations=notice,
                       answered=0.55, attestation="A")  # fmt: skip
    # freezing rain at Pearson: Sunday's first waves cancelled, Monday's backlog
    n.on_clock("America/Toronto", four_days(0, 0, 22_000, 0), n.between(4.5, 13), customer=airline,
               callers=n.rotate(notices), callees=passengers, durations=notice, answered=0.6,
               attestation="A")  # fmt: skip
    n.on_clock("America/Toronto", four_days(0, 0, 0, 5000), n.between(4.5, 9), customer=airline,
               callers=n.rotate(notices), callees=passengers, durations=notice, answered=0.6,
               attestation="A")  # fmt: skip
    on_hold = n.mix([(0.3, n.live(240, 0.6)), (0.7, n.live(1800, 0.5))])
    for carrier, travellers, signed in [(laurentian, passengers[:140_000], CANADIAN_SIGNED),
                                        (empire, passengers[140_000:], US_SIGNED)]:  # fmt: skip
        n.on_clock("America/Toronto", four_days(0, 0, 7000, 2000), n.between(6, 22),
                   upstream=carrier, callers=n.rotate(travellers), callees=notices,
                   durations=on_hold, answered=0.85, attestation=signed,
                   unanswered=QUEUE)  # fmt: skip

    # a pharmacy chain's reminders from each store to its own patients
    pharmacy = "trillium-pharmacy-group"
    n.canadian(pharmacy, "prescription refill-ready and pickup reminders from each pharmacy to "
               "its own patients (English and French)", bn="BN 865501237",
               opened=ago(365 * 15), email="pharmacy.systems@trilliumpharmacy.ca")  # fmt: skip
    stores = n.numbers(214, EVERYWHERE) + n.numbers(8, 709) + n.numbers(8, [306, 639])
    n.grants.extend(NumberGrant(number, pharmacy, since=ago(365 * 5), verified=True)
                    for number in stores)  # fmt: skip
    n.lawful(stores)
    n.sites[pharmacy] = n.addresses(CANADIAN_COLOCATION, 1)
    refill = n.mix([(0.92, n.message(22, hang_ups=0.12, voicemail=0.33)),
                    (0.08, n.between_s(32, 70))])  # fmt: skip
    n.store_reminders(pharmacy, stores, 12_000, each=400, consented=n.dated(30, 2500),
                      durations=refill, when=n.by_hour(REMINDER_HOURS))  # fmt: skip

    # a customs broker's contact centre in tariff week, and its Monterrey desk
    broker = "frontier-customs-brokers"
    broker_lines = n.account(broker, "customs brokerage contact centre: live agents calling "
                             "importers, exporters and carriers about entries, duties, tariffs "
                             "and documents (US and Canada)", opened=ago(365 * 15), numbers=70,
                             npa=[716, 716, 905, 289], ein="16-1187342",
                             address="1 Peace Bridge Plaza, Buffalo NY",
                             email="service@frontiercustoms.com")  # fmt: skip
    n.lawful(broker_lines)
    n.sites[broker] = n.addresses(BROADBAND, 2) + n.addresses(CANADIAN_BROADBAND, 1)
    east = n.numbers(9000, draw(ONTARIO + QUEBEC + MARITIMES))
    east += n.numbers(5000, [*BUFFALO, *NEW_YORK, *DETROIT, 617, 312])
    west = n.numbers(3000, draw(ALBERTA + BRITISH_COLUMBIA + MANITOBA + SASKATCHEWAN))
    west += n.numbers(1500, [*SEATTLE, 213, 415, 503])
    clients_talk = n.mix([(0.7, n.live(200, 0.9)),
                          (0.3, lambda count: n.rng.integers(8, 25, count)
                           + n.live(25, 0.4)(count))])  # fmt: skip
    for clients, when, share in [(east, n.by_hour(BROKER_HOURS), 0.75),
                                 (west, n.between(11, 19), 0.25)]:  # fmt: skip
        n.on_clock("America/New_York",
                   [round(count * share) for count in four_days(9000, 1200, 300, 11_000)], when,
                   customer=broker, callers=n.rotate(broker_lines), callees=clients,
                   durations=clients_talk, answered=0.5, attestation="A",
                   unanswered=PEOPLE)  # fmt: skip
    monterrey = n.foreign(MONTERREY, 6)
    n.unverified(broker, monterrey, ago(365 * 3))
    n.lawful(monterrey)
    with n.intruding(n.addresses(MEXICAN_BROADBAND, 1)):  # the Monterrey office's router
        n.on_clock("America/Monterrey", four_days(1000, 0, 0, 1200), n.between(8, 18),
                   customer=broker, callers=n.rotate(monterrey), callees=east + west,
                   durations=clients_talk, answered=0.5, attestation=None,
                   unanswered=PEOPLE)  # fmt: skip

    # a US dialler platform's lawful clients
    for name, declared, count, schedule, hours in [
        ("great-lakes-home-solar", "outbound sales calls to homeowners who requested a solar "
         "quote (live agents)", 40, four_days(6000, 2000, 0, 6500), n.between(9, 20)),
        ("erie-shore-insurance-agency", "policy renewal and service calls to our "
         "policyholders (live agents)", 15, four_days(2500, 0, 0, 2800), n.between(9, 19)),
        ("buffalo-auto-group-bdc", "service and recall reminders to our customers (live "
         "agents)", 10, four_days(1800, 900, 0, 2000), n.between(9, 19)),
    ]:  # fmt: skip
        lines = n.account(name, declared, parent=platform, opened=ago(int(n.rng.integers(300,
                          1500))), numbers=count, npa=[716, 585, 315])  # fmt: skip
        n.lawful(lines)
        n.sites[name] = dialler_sbc
        book = n.numbers(60_000, WESTERN_NEW_YORK)
        if name == "great-lakes-home-solar":
            n.consented_at(name, book, n.dated(1, 90), kind=ConsentType.PRIOR_EXPRESS_WRITTEN,
                           share=0.97, evidence="https://great-lakes-home-solar.com/quote?"
                           "lead={index}")  # fmt: skip
        elif name == "erie-shore-insurance-agency":
            n.consented_at(name, book, n.dated(30, 3000), kind=ConsentType.PRIOR_EXPRESS_WRITTEN,
                           share=0.9, evidence="{holder}/policy-application/{index}")  # fmt: skip
        n.send(schedule, customer=platform, sub_account=name, callers=n.same_area(lines),
               callees=book, durations=n.agency_dialler(240), answered=0.27,
               when=hours)  # fmt: skip

    # a Montreal survey firm's live interviewers on a random-digit sample of Quebec
    boreal = "sondages-boreal"
    interviewers = n.canadian(boreal, "sondages téléphoniques et recherche d'opinion, "
                              "intervieweurs en direct (public opinion and market research, "
                              "live interviewers)", bn="BN 142857390", opened=ago(365 * 11),
                              numbers=40, npa=[514, 438],
                              email="terrain@sondagesboreal.ca")  # fmt: skip
    n.lawful(interviewers)
    n.sites[boreal] = n.addresses(CANADIAN_BROADBAND, 2)
    sample = n.numbers(400_000, draw(QUEBEC))
    for schedule, weights in [(four_days(10_000, 0, 0, 10_000), SURVEY_WEEKDAY),
                              (four_days(0, 8000, 8000, 0), SURVEY_WEEKEND)]:  # fmt: skip
        n.send(schedule, customer=boreal, callers=n.rotate(interviewers), callees=sample,
               durations=n.interview(), answered=0.16, when=n.by_hour(weights),
               unanswered=RDD)  # fmt: skip

    # snowbirds' home numbers on a VoIP adapter in Florida and Arizona
    sunbelt = "sunbelt-maple-voice"
    n.account(sunbelt, "residential VoIP for Canadians wintering in the US: their own Canadian "
              "home numbers, ported in, on an adapter at their winter home (consumer)",
              opened=ago(365 * 6), ein="59-3318842", address="12800 University Dr, Fort Myers "
              "FL", email="support@sunbeltmaplevoice.com")  # fmt: skip
    n.sites[sunbelt] = n.addresses(BROADBAND, 800)
    talk = n.mix([(0.12, n.live(25, 0.6)), (0.88, n.live(540, 0.9))])
    for zone, homes, places, subscribers in [
        ("America/New_York", ONTARIO + QUEBEC + MARITIMES, FLORIDA, 2800),
        ("America/Phoenix", ALBERTA + BRITISH_COLUMBIA + SASKATCHEWAN + MANITOBA + ONTARIO,
         ARIZONA, 1200),
    ]:  # fmt: skip
        home_lines = n.numbers(subscribers, draw(homes))
        n.grants.extend(NumberGrant(number, sunbelt, since=ago(float(n.rng.uniform(30, 2000))),
                                    verified=True) for number in home_lines)  # fmt: skip
        n.lawful(home_lines)
        family = n.circles(home_lines, (2, 6), kin_near(homes))
        n.on_clock(zone, [round(subscribers * 0.9)] * 4, n.by_hour(SNOWBIRD_DAY),
                   customer=sunbelt, callers=n.assigned(family), callees=list(family),
                   durations=talk, answered=0.58, attestation="A", unanswered=PEOPLE)  # fmt: skip
        n.on_clock(zone, [round(subscribers * 0.6)] * 4, n.by_hour(SNOWBIRD_DAY),
                   customer=sunbelt, callers=n.rotate(home_lines),
                   callees=n.numbers(6000, places) + home_lines, durations=n.live(110),
                   answered=0.55, attestation="A", unanswered=PEOPLE)  # fmt: skip

    # Newfoundland on its own clock
    seafoods = "avalon-seafoods"
    plant = n.canadian(seafoods, "seafood processor and exporter: office phones (sales, "
                       "buyers, shipping)", bn="BN 893145620", opened=ago(365 * 7), numbers=6,
                       npa=709, email="sales@avalonseafoods.ca")  # fmt: skip
    n.lawful(plant)
    n.sites[seafoods] = n.addresses(CANADIAN_BROADBAND, 1)
    buyers_home = n.numbers(400, [617, 781, 978, 508, 207, 416, 905, 514, 902, 709, 709])
    n.on_clock("America/St_Johns", four_days(230, 40, 0, 250), n.by_hour(FISH_HOURS),
               customer=seafoods, callers=n.rotate(plant), callees=buyers_home,
               durations=n.live(200), answered=0.55, attestation="A",
               unanswered=PEOPLE)  # fmt: skip
    n.on_clock("America/St_Johns", four_days(30, 0, 0, 35), n.between(7, 12), customer=seafoods,
               callers=n.rotate(plant), callees=n.foreign(FISH_BUYERS_ABROAD, 80),
               durations=n.live(300), answered=0.5, attestation="A",
               unanswered=PEOPLE)  # fmt: skip

    heating = "avalon-home-heating"
    depot = n.canadian(heating, "heating oil delivery notices to our customers (recorded: "
                       "delivery day and window, press 1 to reschedule) and office phones",
                       bn="BN 104773211", opened=ago(365 * 20), numbers=2, npa=709,
                       email="dispatch@avalonheating.ca")  # fmt: skip
    n.lawful(depot)
    n.sites[heating] = n.addresses(CANADIAN_BROADBAND, 1)
    tanks = n.numbers(9000, 709)
    n.consented_at(heating, tanks, n.dated(60, 5000), share=0.97,
                   evidence="{holder}/delivery-agreement/{index}")  # fmt: skip
    n.send(four_days(900, 300, 0, 1200), customer=heating, callers=n.rotate(depot), callees=tanks,
           durations=n.mix([(0.95, n.message(24, hang_ups=0.1, voicemail=0.3)),
                            (0.05, lambda count: 24 + n.live(60, 0.5)(count))]),
           answered=0.6, when=n.between(9, 19.5))  # fmt: skip

    # small businesses on both sides
    n.businesses(30, "smallbiz-ca", ONTARIO + QUEBEC + ALBERTA + BRITISH_COLUMBIA + [709, 306],
                 canadian=True, abroad=BUFFALO + DETROIT + SEATTLE + NEW_YORK)  # fmt: skip
    n.businesses(25, "smallbiz-us", BUFFALO + DETROIT + SEATTLE + NEW_YORK + FLORIDA,
                 canadian=False, abroad=draw(ONTARIO + QUEBEC + BRITISH_COLUMBIA))  # fmt: skip
    return n
