"""A gateway network: the whole traffic of Bellwether International Gateway, a US-based
*gateway provider* (47 CFR 64.6300(d)): the first US provider in the path of calls that
foreign carriers hand over at its Miami and New York points of presence, which it
delivers to US networks. It also sells SIP trunks to a few enterprise customers, some of
them abroad (a contact centre in Manila, an airline's operations centre in Dublin). Four
UTC days, Friday 20 to Monday 23 December 2024, the start of the Christmas travel week (US
standard time: Eastern is UTC-5; Arizona and Hawaii as ever). Built on the plumbing of
:mod:`tests.traffic.blind_shapes` (calls on the callee's local clock, KYC evidence, a DNO
list, the RMD), :mod:`tests.traffic.weekly_shapes` (per-day UTC offsets, invented local
numbers), :mod:`tests.traffic.platform_shapes` (a store's clientele, dated consent) and
:mod:`tests.traffic.transit_shapes` (RMD filings, upstream labels, foreign numbers). Days
are numbered 0 (Friday) to 3 (Monday); "local" is the callee's time.

What a gateway sees. A foreign carrier's traffic is whatever its own customers dial to the
US: families calling relatives (caller IDs of their own countries, long conversations,
evenings and weekends on one clock or the other), contact centres working for US brands
(presenting their clients' US numbers, with the clients' authorisation), US travellers
roaming abroad (whose calls present their own US mobile numbers: a US caller ID arriving
from abroad, lawful), foreign businesses calling their US customers. Almost none of it
arrives signed: a foreign carrier holds no STIR/SHAKEN certificate. The gateway's SBC signs
C (gateway attestation, 64.6302(c)) every SIP call it receives unsigned, whatever its
caller ID; a call arriving with a PASSporT keeps it (the global CPaaS's US affiliate signs
A for numbers it has verified and B for the others); calls on the one legacy TDM (ISUP)
route, from the Caribbean, cannot be signed and go on unsigned (64.6302 covers SIP calls).
So every lawful upstream is C-attested or unsigned: that is what gateway traffic looks
like, and no reason to stop it. A gateway must accept calls only from foreign providers
filed in the Robocall Mitigation Database (64.6305(g)), block calls presenting numbers on a
reasonable do-not-originate list (64.1200(o)), and know its upstream foreign providers
well enough that none uses it to carry a high volume of illegal calls onto US networks
(64.1200(n)(4)-(5)); its direct customers are its to know too (64.1200(n)(4)).

At volume 1.0 the gateway carries about 190,000-205,000 calls a UTC day on Friday, Saturday
and Monday (Saturday with the airline's disruption), about 125,000 on Sunday, when the
contact centres, the impersonation centre, the round-tripping dialler and the fake support
centre rest.

Campaigns (each must reach ``high`` at the narrowest responsible entity: for transit, the
upstream that handed the calls over):

- ``Silk Route Telecom FZE`` (upstream, a Dubai free-zone wholesale carrier, RMD-filed
  "Robocall Mitigation Program only"): beside its South Asian and Gulf diaspora's calls
  (6,000-8,000 a day, UAE, Pakistani and Bangladeshi numbers), an offshore impersonation
  call centre's text-to-speech "press 1" campaigns, 15,000 calls a day Friday, Saturday
  and Monday (the centre rests on Sunday), worked on the centre's night shift, 18:30-04:30
  India time (13:00-23:00 UTC): "your Social Security number has been suspended" (26 s;
  40% of the calls; half of them presenting the SSA's published inbound numbers, on the
  DNO list, the rest an invented US number), "an order of $1,499 on your Amazon account"
  (18 s; 35%; an invented US number per call) and "your electricity will be disconnected
  within the hour" (20 s; 25%; an invented number in the callee's own area code). 10%
  answered, 60% of those hang up in the message, 3% press 1 and are kept on the line by a
  "federal agent" or a "refund desk" for a quarter of an hour. Arrives unsigned, leaves
  C-attested. 47 USC 227(b)(1)(A)(iii)/(B) (prerecorded calls without consent), 227(e)
  (spoofing to defraud); 64.1200(o) (a gateway must block DNO numbers); 64.1200(n)(4)-(5).
- ``Carpathian Wholesale Telecom`` (upstream, a Bucharest wholesale carrier, RMD-filed):
  beside Romanian, Moldovan and Ukrainian family calls (3,500-5,000 a day), a wangiri
  ("one ring") scam: 18,000 calls a day from 240 numbers in ranges whose callbacks pay the
  scammer (Tunisian, Mauritanian, Sierra Leonean and Moldovan mobile ranges leased for
  revenue share), each ringing a US line for one ring (3-6 s) and cancelling (SIP 487).
  Its autodialler scans thousand-blocks of US numbers in numerical order, 3-7 s a line,
  a block of 1,000 in about 80 minutes, starting between 2 pm and 9 pm in the callee's
  time so that the missed call is seen and returned the same evening; a quarter of a
  block's lines are unassigned (404/410); 1.5% of the rung are picked up in time (1-3 s
  of silence). Fraud (the TRACED Act section 12 one-ring scam; FCC 20-171 lets providers
  block it), 64.1200(n)(4)-(5).
- ``Pacifica Interconnect`` (upstream, a Hong Kong carrier; a ``kind=provider`` customers
  row from its interconnection agreement of 2019; its RMD certification was removed in
  the FCC's 2024 removals of deficient filings, so no provider may accept its traffic,
  64.6305(g); the gateway has not cut it off): 8,500-10,000 ordinary calls a day (Chinese,
  Hong Kong and Taiwanese family and business calls) and, among them, a "USPS: your
  parcel could not be delivered, press 1 to reschedule" recording (22 s) in the season's
  parcel rush, 4,000 calls a day, 9 am-8 pm local, a new invented US number per call, 12%
  answered, 55% of them hanging up in it, 2% pressing 1 for an "agent" who asks for a card
  to pay a redelivery fee. 227(b), 227(e), 64.6305(g).
- ``Isthmus Carrier Exchange`` (upstream, a Panama City carrier, RMD-filed "Robocall
  Mitigation Program only"): Central American family calls (5,000-7,500 a day), and a US
  robocaller's traffic laundered through it ("round-tripping": a Florida dialler sends its
  calls to Panama and has them come back through a gateway, so that no US originating
  provider signs them and a traceback ends abroad): a 30 s prerecorded "final notice:
  you qualify to cut your credit card debt in half, press 1" (the dialler's answering
  machine detection leaves it on machines, a fifth of the answered), 18,000 calls a
  weekday, 6,000 on Saturday, none on Sunday, on the dialler's Eastern business hours
  (9 am-6 pm Eastern, 14:00-23:00 UTC; 9 am-2 pm on Saturday), from 2,500 US numbers
  (granted to nobody here; each used a few times a day, a snowshoe), unsigned on arrival
  (C-attested on the way out), 13% answered, 55% of those hanging up in it, 3% pressing 1
  for a "debt counsellor". 227(b), 64.1200(a)(2)-(3) (prerecorded telemarketing without
  written consent), 64.1200(n)(4)-(5).
- ``everbright-global-support`` (direct customer, opened 18 days before the week from a
  signup IP in India, KYC pending, a webmail contact, declared "outbound customer support
  callbacks for US software clients", 4 numbers of its own bought and never used): a
  tech-support refund scam, "your PayPal account was charged $399.99 for a Norton
  renewal, press 1 to cancel", 21 s, 9,000 calls a day (none on Sunday), 13:30-23:30 UTC,
  presenting 80 US numbers it says are its clients' (none granted, none verified: signed
  B), 11% answered, 60% hang up in it, 3% press 1 and are talked into remote access for
  twenty minutes. 227(b), 227(e); the gateway's know-your-customer duty, 64.1200(n)(4).

For review (reported at least ``medium``; ``high`` is neither asked nor forbidden):

- ``andina-nearshore-contact`` (direct customer, a Medellin contact centre, two years on
  the network, KYC verified, declared "outbound sales and customer care for US clients
  (live agents)"): live agents on a predictive dialler selling a US home-warranty
  company's plans, 6,000 calls on a weekday and 2,000 on Saturday, 9 am-8 pm local, from
  30 of the seller's numbers (letters of authorisation: granted, verified, signed A), to
  90,000 "aged" internet leads; 14% answered: machines dropped after 2-5 s, quick
  refusals, pitches of a few minutes, and 6% of the answered abandoned with the 2 s + 9 s
  identification message. 35% of the leads have ``prior_express_written`` records from
  lead-form URLs 3-13 months old, the rest none. A live telemarketing call needs no
  consent unless the number is on the National DNC Registry (64.1200(c)(2)) or an
  autodialler calls a wireless number; whether the seller scrubs its list, whether an
  aged lead's form names this seller, and whether the abandonment rate tops 3% over 30
  days (64.1200(a)(7)) are questions for an analyst, not answers in the CDRs.

Lawful senders (none may reach ``high``; their own numbers are labelled lawful):

- ``Sierra Madre Carrier Services`` (upstream, Guadalajara, RMD-filed): Mexican families
  calling relatives in the Mexican-American US (Los Angeles, Chicago, Texas, Phoenix,
  Denver, Atlanta), 12,000-18,000 calls a day (weekends busiest), 25,000 Mexican numbers
  each calling one to three relatives, evenings on the callee's clock, 58% answered,
  conversations of about nine minutes (some short "call me on WhatsApp").
- ``Indus Longlines`` (upstream, Mumbai, RMD-filed): Indian families (7,000-11,000 a day)
  on their own clock, India's mornings and evenings (the US evening and morning), and the
  contact centres of Pune and Bengaluru working for three US brands (a health insurer's
  member services, a telecom's care and retention, a bank's card services), 14,000 calls
  a weekday, 5,000 on Saturday, none on Sunday, 9 am-8 pm local (the centres' night
  shift), live agents on predictive diallers presenting each brand's own toll-free and
  local numbers (the brands' authorisation), machines dropped or left a 20 s voicemail,
  3% abandoned with the identification message.
- ``Visayas Global Telecom`` (upstream, Manila, RMD-filed): Filipino families (4,500-7,000
  a day, on the Philippine clock) and Manila and Cebu contact centres for two US brands
  (16,000 a weekday, 6,000 on Saturday).
- ``Antilles Voice Exchange`` (upstream, Kingston, RMD-filed, on the TDM route: unsigned):
  Jamaican, Dominican, Trinidadian, Barbadian and Haitian families (5,500-9,000 a day;
  6% of calls a one-ring "flash" asking the US relative to call back, as prepaid callers
  do) and a Montego Bay contact centre for a US utility and a US retailer (3,500 a
  weekday). Their numbers cost a US callee an international call to return, as a
  wangiri's do.
- ``Gulf of Guinea Telecom`` (upstream, Lagos, RMD-filed): Nigerian, Ghanaian and
  Senegalese families, 4,000-6,000 calls a day, West African evenings and the midnight
  bundles (a US afternoon and evening), 12% flashes.
- ``Nordsee IPX`` (upstream, a Dutch roaming hub): calls of US travellers roaming abroad
  over the holidays (circuit-switched roaming breaks out in the visited country; VoLTE
  roaming is routed home and never reaches a gateway): 12,500 a day presenting their own
  US mobile numbers (8,000 travellers, each calling a few of their own people, most in
  their own area code), on the traveller's clock in Europe, Mexico and the Caribbean,
  and East Asia; 60% answered, short calls home.
- ``Celestia Cloud Communications`` (upstream, a global CPaaS's Dublin entity, its US
  affiliate RMD-filed with complete STIR/SHAKEN): international termination of its
  customers' calls: a Mexican and a British bank's fraud alerts to their cardholders in
  the US (3,500 a day at any hour of the cardholder's day: 14 s "press 1 if you made this
  purchase"), a European app's voice one-time passcodes (5,000 a day around the clock),
  hotels in Cancun, Punta Cana and Rome calling arriving guests (1,500 a day, live).
- ``skyhaven-atlantic-airways`` (direct customer, an Irish airline's operations centre in
  Dublin, 12 years, KYC verified): prerecorded flight notifications to passengers who
  gave their numbers at booking (consent records), from its US toll-free reservations
  number (signed A) or its Dublin number (B): 2,500 schedule changes a day, 9 am-9 pm
  local, and on Saturday (day 1), when fog at Dublin and a storm at Heathrow cancel the
  morning's transatlantic departures, 26,000 cancellation and rebooking calls between
  05:00 and 07:30 UTC (midnight to 2:30 am Eastern, 9-11:30 pm Pacific), then 6,000
  follow-ups that morning; a 38 s message, press 1 for the rebooking IVR, voicemail at
  night. Informational calls with prior express consent, urgent at any hour: 64.1200(a)(1)
  and (a)(3) (no telemarketing, so no calling-hours rule).
- ``bayanihan-contact-solutions`` (direct customer, kind reseller: a Manila BPO on a
  direct SIP trunk, 6 years, KYC verified) and its three US clients (sub-accounts: a
  health plan, a wireless carrier, a utility), each presenting its own numbers (letters of
  authorisation: granted, verified, signed A) to its own customers (consent records, 94-97%):
  live agents on a predictive dialler, 10,000 calls a weekday, 3,000 on Saturday.
- ``gwbiz-*``: 12 US small businesses with office phones on the gateway's SIP trunks.
- The campaign upstreams' ordinary numbers (family and business calls).

Campaign caller IDs are not labelled: each campaign is judged at the source that carries it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import ClassVar

import numpy as np

from callwarden.customers import ConsentType, Customer, CustomerKind, KycStatus, NumberGrant
from callwarden.lists import DnoEntry
from tests.traffic.blind_shapes import (
    _CODES,
    _WEIGHTS,
    AREA_CODES,
    PEOPLE,
    START,
    Attestation,
    Callers,
    When,
)
from tests.traffic.platform_shapes import APP_ACTIVITY, PlatformNetwork
from tests.traffic.transit_shapes import IMPLEMENTED, MITIGATION_ONLY, PARTIAL, TransitNetwork
from tests.traffic.unseen_shapes import EXCHANGES, Durations

#: Friday 20 December 2024, the start of the Christmas travel week
FIRST = datetime(2024, 12, 20, tzinfo=UTC)
GATEWAY_DAYS = 4
#: time zones of every area code the network calls: blind_shapes' and the diasporas'
ZONES: dict[int, str] = {code: zone for code, (zone, _) in AREA_CODES.items()} | {
    323: "America/Los_Angeles", 626: "America/Los_Angeles", 909: "America/Los_Angeles",
    951: "America/Los_Angeles", 559: "America/Los_Angeles", 510: "America/Los_Angeles",
    650: "America/Los_Angeles", 858: "America/Los_Angeles", 425: "America/Los_Angeles",
    253: "America/Los_Angeles", 469: "America/Chicago", 281: "America/Chicago",
    956: "America/Chicago", 630: "America/Chicago", 847: "America/Chicago",
    915: "America/Denver", 770: "America/New_York", 678: "America/New_York",
    201: "America/New_York", 732: "America/New_York", 908: "America/New_York",
    973: "America/New_York", 703: "America/New_York", 571: "America/New_York",
    347: "America/New_York", 646: "America/New_York", 786: "America/New_York",
    954: "America/New_York", 860: "America/New_York", 301: "America/New_York",
    240: "America/New_York", 614: "America/New_York",
}  # fmt: skip
#: where each diaspora's relatives live (area codes)
MEXICAN_AMERICAN = [213, 323, 818, 626, 909, 951, 559, 312, 773, 713, 832, 281, 214, 972,
                    469, 210, 915, 956, 602, 480, 520, 303, 720, 404, 770]  # fmt: skip
INDIAN_AMERICAN = [201, 732, 908, 973, 408, 510, 650, 718, 917, 214, 972, 469, 281, 832,
                   630, 847, 678, 425, 703, 571]  # fmt: skip
FILIPINO_AMERICAN = [818, 626, 310, 650, 415, 510, 619, 858, 808, 702, 206, 253, 201]
CARIBBEAN_AMERICAN = [718, 347, 917, 646, 305, 786, 954, 407, 404, 678, 617, 860, 973]
WEST_AFRICAN_AMERICAN = [713, 832, 281, 301, 240, 202, 718, 347, 404, 770, 469, 972, 612, 614]
SOUTH_ASIAN_GULF = [718, 347, 201, 732, 713, 281, 703, 571, 312, 773, 408]
CHINESE_AMERICAN = [212, 718, 917, 347, 646, 415, 510, 408, 626, 213, 713, 281, 206, 425]
CENTRAL_AMERICAN = [213, 323, 713, 832, 703, 301, 718, 305, 786, 240]
EASTERN_EUROPEAN = [773, 312, 718, 347, 916, 206, 425, 215, 412]
#: numbers abroad: a prefix and how many digits follow it (mobiles, some landlines)
MEXICO = [("+5233", 8), ("+5255", 8), ("+5281", 8), ("+52443", 7), ("+52951", 7),
          ("+52222", 7), ("+52477", 7), ("+52667", 7)]  # fmt: skip
INDIA = [("+9198", 8), ("+9199", 8), ("+9197", 8), ("+9194", 8), ("+9190", 8), ("+9170", 8),
         ("+9180", 8), ("+9140", 8)]  # fmt: skip
PHILIPPINES = [("+63917", 7), ("+63918", 7), ("+63905", 7), ("+63927", 7), ("+63998", 7),
               ("+632", 8)]  # fmt: skip
CARIBBEAN = [("+1876", 7), ("+1809", 7), ("+1829", 7), ("+1849", 7), ("+1868", 7),
             ("+1246", 7), ("+5093", 7), ("+5094", 7)]  # fmt: skip
WEST_AFRICA = [("+23480", 8), ("+23481", 8), ("+23470", 8), ("+23490", 8), ("+23324", 7),
               ("+23320", 7), ("+23355", 7), ("+22177", 7), ("+22178", 7)]  # fmt: skip
GULF_AND_SOUTH_ASIA = [("+97150", 7), ("+97155", 7), ("+92300", 7), ("+92321", 7),
                       ("+88017", 8), ("+88019", 8)]  # fmt: skip
GREATER_CHINA = [("+86138", 8), ("+86139", 8), ("+86186", 8), ("+8529", 7), ("+8526", 7),
                 ("+8869", 8)]  # fmt: skip
CENTRAL_AMERICA = [("+5076", 7), ("+5024", 7), ("+5025", 7), ("+5037", 7), ("+5049", 7),
                   ("+5043", 7)]  # fmt: skip
EASTERN_EUROPE = [("+4072", 7), ("+4074", 7), ("+37369", 6), ("+37379", 6), ("+38067", 7),
                  ("+38050", 7)]  # fmt: skip
#: mobile ranges leased for revenue share, whose callbacks pay the one-ring scammer
REVENUE_SHARE = [("+21650", 6), ("+21655", 6), ("+22222", 6), ("+22236", 6), ("+23276", 6),
                 ("+23277", 6), ("+37368", 6), ("+37367", 6)]  # fmt: skip
#: the SSA's published inbound numbers, and brands' customer-service lines (ITG DNO list)
SSA = ["+18007721213", "+18003250778", "+18663784338"]
INBOUND_ONLY = ["+18002758777", "+18882804331", "+18008291040", "+18003664484"]
#: US toll-free area codes
TOLL_FREE = [800, 888, 877, 866, 855, 844, 833]
#: a family's calls to a relative in the US by the hour of the relative's day: a little in
#: the morning before work, most in the evening
EVENINGS = {7: 0.4, 8: 0.5, 9: 0.5, 10: 0.5, 11: 0.5, 12: 0.6, 13: 0.6, 14: 0.6, 15: 0.6,
            16: 0.7, 17: 0.9, 18: 1.2, 19: 1.5, 20: 1.6, 21: 1.4, 22: 0.9, 23: 0.4}  # fmt: skip
#: India's families by the UTC hour: their morning (6:30-10 IST, the US evening) and their
#: evening (19-23 IST, the US morning)
INDIA_UTC = {1: 1.0, 2: 1.2, 3: 1.0, 4: 0.6, 13: 0.6, 14: 1.0, 15: 1.1, 16: 1.0, 17: 0.6}
#: the Philippines' families by the UTC hour: their morning (the US afternoon and evening),
#: their midday (the US West Coast's evening), their evening (the US morning)
PHILIPPINES_UTC = {22: 1.0, 23: 1.2, 24: 1.2, 25: 0.9, 27: 0.8, 28: 0.9, 29: 0.8, 11: 0.5,
                   12: 0.6, 13: 0.7, 14: 0.6}  # fmt: skip
#: West Africa's families by the UTC hour: their evening (the US afternoon) and the
#: operators' cheap midnight bundles (the US evening)
WEST_AFRICA_UTC = {17: 0.8, 18: 1.0, 19: 1.0, 20: 1.0, 21: 0.9, 22: 0.7, 23: 0.8, 24: 0.9,
                   25: 0.8, 26: 0.5, 27: 0.3}  # fmt: skip
#: the Gulf's and South Asia's families by the UTC hour (UTC+4 to UTC+6)
GULF_UTC = {1: 0.8, 2: 1.0, 3: 0.9, 4: 0.6, 14: 0.6, 15: 0.9, 16: 1.0, 17: 1.0, 18: 0.8}
#: China's and Hong Kong's callers by the UTC hour: their morning and evening
CHINA_UTC = {0: 1.0, 1: 1.0, 2: 0.8, 12: 0.6, 13: 0.8, 14: 0.8, 15: 0.6}
#: Romania's, Moldova's and Ukraine's families by the UTC hour: their evening
EASTERN_EUROPE_UTC = {16: 0.8, 17: 1.0, 18: 1.0, 19: 1.0, 20: 0.8, 21: 0.6}
#: travellers in Europe calling home by the UTC hour: their day (8 am-11 pm CET), most in
#: their afternoon and evening, when home (US morning and midday) is awake
EUROPE_ROAMING_UTC = {7: 0.3, 8: 0.4, 9: 0.5, 10: 0.6, 11: 0.7, 12: 0.9, 13: 1.0,
                      14: 1.1, 15: 1.2, 16: 1.2, 17: 1.2, 18: 1.1, 19: 1.0, 20: 0.9,
                      21: 0.7, 22: 0.5}  # fmt: skip
#: travellers in Japan, Korea and the Philippines by the UTC hour: their morning (the US
#: evening) and their evening (the US small hours on the West Coast, early morning East)
ASIA_ROAMING_UTC = {22: 1.0, 23: 1.0, 24: 0.9, 25: 0.6, 9: 0.4, 10: 0.5, 11: 0.5, 12: 0.5,
                    13: 0.5}  # fmt: skip
#: card transactions by the hour of the cardholder's day (fraud alerts follow them)
CARD_ACTIVITY = {h: 0.15 for h in range(7)} | {7: 0.4, 8: 0.7, 9: 0.9, 22: 0.5, 23: 0.3}
CARD_ACTIVITY |= dict.fromkeys(range(10, 22), 1.0)
#: a missed call asking to be called back: the caller hangs up after a ring
FLASH = {487: 0.95, 480: 0.05}
#: a one-ring scam's calls: cancelled by the dialler after one ring, a few rejected
ONE_RING = {487: 0.95, 480: 0.03, 486: 0.02}


def ago(days: float) -> datetime:
    """``days`` before the first day."""
    return FIRST - timedelta(days=days)


@dataclass
class GatewayNetwork(PlatformNetwork, TransitNetwork):
    """A :class:`PlatformNetwork` (per-day offsets, invented local numbers, dated consent)
    and a :class:`TransitNetwork` (RMD filings, upstream labels, foreign numbers) over four
    UTC days from :data:`FIRST`: a US gateway provider's foreign upstreams and its direct
    customers."""

    id_prefix: ClassVar[str] = "g"
    days: ClassVar[int] = GATEWAY_DAYS
    start_s: ClassVar[float] = (FIRST - START).total_seconds()

    first_day = FIRST
    zones = ZONES

    # --- who sends -----------------------------------------------------------------------------
    def carrier(
        self, switch_id: str, legal_name: str, country: str, *, years: float, campaign: bool
    ) -> None:
        """A foreign upstream: the ``kind=provider`` customers row of the interconnection
        agreement signed ``years`` before the week (its country: the gateway's knowledge of
        its upstream), labelled a campaign or not. (TransitNetwork.interconnect dates from
        April 2024 and records no country.)"""
        self.customers.append(
            Customer(
                switch_id,
                legal_name,
                kind=CustomerKind.PROVIDER,
                created_at=ago(round(365 * years)),
                kyc_status=KycStatus.VERIFIED,
                declared_use="international transit to the US (bilateral SIP)",
                country=country,
            )
        )
        self.upstream([switch_id], campaign=campaign)

    def overseas(
        self,
        customer_id: str,
        declared_use: str,
        country: str,
        *,
        opened: datetime,
        campaign: bool = False,
        kyc: KycStatus = KycStatus.VERIFIED,
        kind: CustomerKind = CustomerKind.ENTERPRISE,
        numbers: int = 0,
        npa: int | Sequence[int] | None = None,
        email: str | None = None,
        address: str | None = None,
    ) -> list[str]:
        """:meth:`account` for a customer established in ``country`` (and signing up from
        there); returns its verified numbers."""
        granted = self.account(customer_id, declared_use, campaign=campaign, kyc=kyc,
                               opened=opened, kind=kind, numbers=numbers, npa=npa, email=email,
                               address=address, ip_country=country)  # fmt: skip
        self.customers[-1] = replace(self.customers[-1], country=country)
        return granted

    # --- who is called -------------------------------------------------------------------------
    def circles(
        self, people: Sequence[str], each: tuple[int, int], areas: Callable[[str], Sequence[int]]
    ) -> dict[str, str]:
        """For each of ``people``, ``each`` (at least, at most) numbers of theirs in
        ``areas(person)`` (drawn evenly, so an area listed more often is likelier), mapped
        to them: a family's relatives in the US, a traveller's people at home."""
        known: dict[str, str] = {}
        counts = self.rng.integers(each[0], each[1] + 1, len(people))
        for person, count in zip(people, counts.tolist(), strict=True):
            for number in self.numbers(count, list(areas(person))):
                known[number] = person
        return known

    def toll_free(self, count: int) -> list[str]:
        """``count`` US toll-free numbers (a brand's customer-service lines)."""
        codes = self.rng.choice(TOLL_FREE, count)
        exchanges = self.rng.choice(EXCHANGES, count)
        lines = self.rng.integers(0, 10_000, count)
        return [f"+1{c}{x}{line:04d}" for c, x, line in zip(codes, exchanges, lines, strict=True)]

    # --- the calls -----------------------------------------------------------------------------
    def family(
        self,
        per_day: Sequence[int],
        upstream: str,
        relatives: Mapping[str, str],
        *,
        when: When,
        clock: str,
        attestation: Attestation = "C",
        flashes: float = 0.0,
    ) -> None:
        """Families abroad calling their relatives in the US (``relatives``: relative ->
        the number abroad that calls them): 58% answered, conversations of about nine
        minutes (some a minute: "call me on WhatsApp"); ``flashes`` of the calls a one-ring
        missed call asking the relative to call back (a prepaid caller's habit)."""
        callees = list(relatives)
        # a short call tapers off smoothly (a lognormal, median 25 s), as people do: a
        # uniform 5-60 s would put a cliff at 60 s in every family carrier's calls
        talk = self.mix([(0.12, self.live(25, 0.6)), (0.88, self.live(540, 0.9))])
        talked = [round(day * (1 - flashes)) for day in per_day]
        self.send(talked, upstream=upstream, callers=self.assigned(relatives), callees=callees,
                  durations=talk, answered=0.58, when=when, clock=clock,
                  attestation=attestation, unanswered=PEOPLE)  # fmt: skip
        if flashes:
            rung = [round(day * flashes) for day in per_day]
            self.send(rung, upstream=upstream, callers=self.assigned(relatives),
                      callees=callees, durations=self.between_s(1, 2), answered=0.04,
                      when=when, clock=clock, attestation=attestation,
                      unanswered=FLASH)  # fmt: skip

    def contact_centre(
        self,
        weekday: int,
        saturday: int,
        *,
        callers: Callers,
        callees: Sequence[str],
        upstream: str | None = None,
        customer: str | None = None,
        sub_account: str | None = None,
        attestation: Attestation = "C",
    ) -> None:
        """A contact centre's outbound calls for a US brand: live agents on a predictive
        dialler, ``weekday`` calls on Friday and Monday at 9 am-8 pm local, ``saturday``
        at 10 am-5 pm, none on Sunday; 30% answered: conversations, machines dropped or
        left a 20 s recorded voicemail, 3% abandoned with the 2 s + 9 s identification
        message (64.1200(a)(7))."""
        predictive = self.mix([
            (0.56, self.live(170)),
            (0.26, self.between_s(2, 5)),  # a machine, dropped
            (0.15, self.message(20, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
            (0.03, self.between_s(10, 12)),  # abandoned: the identification message
        ])  # fmt: skip
        for schedule, when in [([weekday, 0, 0, weekday], self.between(9, 20)),
                               (self.only(1, saturday), self.between(10, 17))]:  # fmt: skip
            self.send(schedule, upstream=upstream, customer=customer, sub_account=sub_account,
                      callers=callers, callees=callees, durations=predictive, answered=0.3,
                      when=when, attestation=attestation)  # fmt: skip

    def sweep(
        self,
        per_day: int,
        *,
        upstream: str,
        callers: Callers,
        durations: Durations,
        answered: float,
        starts: When,
        pace_s: tuple[float, float],
        unassigned: float,
        attestation: Attestation,
        unanswered: Mapping[int, float],
    ) -> None:
        """A range-scanning autodialler: ``per_day`` calls (+-10%) a local day through
        thousand-blocks of US numbers (area codes weighted by population), each block
        dialled in numerical order from a start at ``starts`` hours of its callees' day, a
        line every ``pace_s`` seconds; ``unassigned`` of the lines are not in service
        (404 or 410)."""
        for day in range(-1, self.days):
            count = round(per_day * self.volume * self.rng.uniform(0.9, 1.1))
            called: list[str] = []
            times: list[np.ndarray] = []
            while len(called) < count:
                npa = int(self.rng.choice(_CODES, p=_WEIGHTS))
                block = f"+1{npa}{int(self.rng.choice(EXCHANGES)):03d}{self.rng.integers(0, 10)}"
                lines = min(1000, count - len(called))
                called += [f"{block}{line:03d}" for line in range(lines)]
                paced = np.cumsum(self.rng.uniform(pace_s[0], pace_s[1], lines))
                local = day * 86_400 + starts(1)[0] * 3600 + paced
                times.append(local - self.offset_s(str(npa), day))
            seconds = np.concatenate(times)
            kept = np.flatnonzero((seconds >= 0) & (seconds < self.days * 86_400))
            if kept.size == 0:
                continue
            gone = self.rng.random(kept.size) < unassigned
            picked_up = (self.rng.random(kept.size) < answered) & ~gone
            self.place([called[i] for i in kept], seconds[kept] + self.start_s, day, picked_up,
                       unanswered, callers=callers, durations=durations, customer=None,
                       sub_account=None, upstream=upstream, attestation=attestation,
                       out_of_service=gone)  # fmt: skip


def build(seed: int, volume: float = 1.0) -> GatewayNetwork:
    """The network of the module docstring; ``volume`` scales every sender's calls."""
    n = GatewayNetwork(seed, volume)
    n.dno.extend(DnoEntry(number, "government inbound-only line (ITG DNO list)") for number in SSA)
    n.dno.extend(DnoEntry(number, "inbound only (brand customer service, ITG DNO list)")
                 for number in INBOUND_ONLY)  # fmt: skip
    n.dno.extend(DnoEntry(number, "inbound only (bank customer service)")
                 for number in n.numbers(300))  # fmt: skip
    # filings of providers the gateway never sees, as any slice of the RMD holds them
    for frn, name, implementation, updated in [
        ("0031220945", "Pacific Interconnect Solutions LLC", PARTIAL, 20240918),
        ("0033871206", "Silk Road Communications Inc.", IMPLEMENTED, 20241014),
        ("0029917345", "Caribbean Voice Partners Ltd", MITIGATION_ONLY, 20240611),
        ("0024418830", "Andes Telecom Holdings S.A.", MITIGATION_ONLY, 20240202),
        ("0032750018", "Baltic Transit Networks SIA", MITIGATION_ONLY, 20241105),
    ]:  # fmt: skip
        n.filing(frn, name, implementation, updated)

    # --- campaigns ------------------------------------------------------------------------
    # an offshore impersonation centre behind a Dubai wholesale carrier
    silk = "Silk Route Telecom FZE"
    n.carrier(silk, "Silk Route Telecom FZE", "AE", years=3, campaign=True)
    n.filing("0030884412", "Silk Route Telecom FZE", MITIGATION_ONLY, 20240820)
    gulf = n.foreign(GULF_AND_SOUTH_ASIA, 8000)
    n.lawful(gulf)
    n.family([6000, 7500, 8000, 6000], silk, n.circles(gulf, (1, 2), lambda _: SOUTH_ASIAN_GULF),
             when=n.by_hour(GULF_UTC), clock="utc")  # fmt: skip
    night_shift = n.between(13, 23)  # 18:30-04:30 in India
    scripts: list[tuple[float, Callers, Durations]] = [
        (0.4, n.invented(0.5, SSA), n.press_one(26, transfer=0.03, hang_ups=0.6,
                                                agent_median_s=900)),
        (0.35, n.fresh(), n.press_one(18, transfer=0.03, hang_ups=0.6, agent_median_s=900)),
        (0.25, n.invented_local(), n.press_one(20, transfer=0.03, hang_ups=0.6,
                                               agent_median_s=600)),
    ]  # fmt: skip
    for share, callers, pitch in scripts:
        daily = round(15_000 * share)
        n.send([daily, daily, 0, daily], upstream=silk, callers=callers, durations=pitch,
               answered=0.1, when=night_shift, clock="utc", attestation="C")  # fmt: skip

    # a one-ring scam scanning US number blocks through a Bucharest wholesale carrier
    carpathian = "Carpathian Wholesale Telecom"
    n.carrier(carpathian, "Carpathian Wholesale Telecom S.R.L.", "RO", years=5, campaign=True)
    n.filing("0028456671", "Carpathian Wholesale Telecom S.R.L.", MITIGATION_ONLY, 20240403)
    eastern = n.foreign(EASTERN_EUROPE, 5000)
    n.lawful(eastern)
    n.family([3500, 4500, 5000, 3500], carpathian,
             n.circles(eastern, (1, 2), lambda _: EASTERN_EUROPEAN),
             when=n.by_hour(EASTERN_EUROPE_UTC), clock="utc")  # fmt: skip
    n.sweep(18_000, upstream=carpathian, callers=n.rotate(n.foreign(REVENUE_SHARE, 240)),
            durations=n.between_s(1, 3), answered=0.015, starts=n.between(14, 21),
            pace_s=(3, 7), unassigned=0.25, attestation="C", unanswered=ONE_RING)  # fmt: skip

    # a Hong Kong carrier removed from the RMD, still interconnected
    pacifica = "Pacifica Interconnect"
    n.carrier(pacifica, "Pacifica Interconnect Limited", "HK", years=5.5, campaign=True)
    chinese = n.foreign(GREATER_CHINA, 9000)
    n.lawful(chinese)
    n.family([7000, 8000, 8500, 7000], pacifica,
             n.circles(chinese, (1, 2), lambda _: CHINESE_AMERICAN),
             when=n.by_hour(CHINA_UTC), clock="utc")  # fmt: skip
    offices = n.foreign([("+8522", 7), ("+8523", 7), ("+86755", 8), ("+8621", 8)], 400)
    n.lawful(offices)
    n.send([1500, 300, 0, 1500], upstream=pacifica, callers=n.rotate(offices),
           durations=n.live(240), answered=0.45, when=n.between(8, 17), attestation="C",
           unanswered=PEOPLE)  # fmt: skip
    n.send(4000, upstream=pacifica, callers=n.fresh(),
           durations=n.press_one(22, transfer=0.02, hang_ups=0.55, agent_median_s=300),
           answered=0.12, when=n.between(9, 20), attestation="C")  # fmt: skip

    # a US dialler's calls round-tripped through Panama
    isthmus = "Isthmus Carrier Exchange"
    n.carrier(isthmus, "Isthmus Carrier Exchange, S.A.", "PA", years=4, campaign=True)
    n.filing("0027390054", "Isthmus Carrier Exchange, S.A.", MITIGATION_ONLY, 20240716)
    central = n.foreign(CENTRAL_AMERICA, 7000)
    n.lawful(central)
    n.family([5500, 7000, 7500, 5000], isthmus,
             n.circles(central, (1, 2), lambda _: CENTRAL_AMERICAN), when=n.by_hour(EVENINGS),
             clock="local")  # fmt: skip
    snowshoe = n.numbers(2500)
    debt_relief = n.mix([
        (0.8, n.press_one(30, transfer=0.03, hang_ups=0.55, agent_median_s=600)),
        (0.2, n.message(30, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),  # its AMD
    ])  # fmt: skip
    n.send([18_000, 0, 0, 18_000], upstream=isthmus, callers=n.rotate(snowshoe),
           durations=debt_relief, answered=0.13, when=n.between(14, 23), clock="utc",
           attestation="C")  # fmt: skip
    n.send(n.only(1, 6000), upstream=isthmus, callers=n.rotate(snowshoe),
           durations=debt_relief, answered=0.13, when=n.between(14, 19), clock="utc",
           attestation="C")  # fmt: skip

    # a "support centre" signed up as a customer
    n.overseas("everbright-global-support", "outbound customer support callbacks for US "
               "software clients", "IN", opened=ago(18), campaign=True, kyc=KycStatus.PENDING,
               numbers=4, email="everbright.globalsupport@gmail.com")  # fmt: skip
    claimed = n.numbers(80)
    n.send([9000, 9000, 0, 9000], customer="everbright-global-support",
           callers=n.rotate(claimed),
           durations=n.press_one(21, transfer=0.03, hang_ups=0.6, agent_median_s=1200),
           answered=0.11, when=n.between(13.5, 23.5), clock="utc",
           attestation="B")  # fmt: skip

    # --- for review -----------------------------------------------------------------------
    warranty = n.overseas("andina-nearshore-contact", "outbound sales and customer care for "
                          "US clients (live agents)", "CO", opened=ago(700), numbers=30,
                          email="compliance@andinanearshore.com.co",
                          address="Carrera 43A 1-50, Medellin")  # fmt: skip
    del n.campaign["customer", "andina-nearshore-contact"]
    n.review.add(("customer", "andina-nearshore-contact"))
    aged = n.numbers(90_000)
    n.consented_at("andina-nearshore-contact", aged,
                   n.dated(90, 400),
                   kind=ConsentType.PRIOR_EXPRESS_WRITTEN, share=0.35,
                   evidence="https://www.homeprotectquotes.net/lead/{index}")  # fmt: skip
    cold = n.mix([
        (0.25, n.between_s(2, 5)),  # a machine, dropped
        (0.25, n.between_s(3, 20)),  # "not interested"
        (0.44, n.live(240, 0.8)),  # the pitch
        (0.06, n.between_s(10, 12)),  # abandoned: the identification message
    ])  # fmt: skip
    for schedule, when in [([6000, 0, 0, 6000], n.between(9, 20)),
                           (n.only(1, 2000), n.between(10, 17))]:  # fmt: skip
        n.send(schedule, customer="andina-nearshore-contact", callers=n.rotate(warranty),
               callees=aged, durations=cold, answered=0.14, when=when)  # fmt: skip

    # --- lawful ---------------------------------------------------------------------------
    mexico = "Sierra Madre Carrier Services"
    n.carrier(mexico, "Sierra Madre Carrier Services, S.A. de C.V.", "MX", years=9,
              campaign=False)  # fmt: skip
    n.filing("0022908817", "Sierra Madre Carrier Services, S.A. de C.V.", MITIGATION_ONLY,
             20240529)  # fmt: skip
    mexican = n.foreign(MEXICO, 25_000)
    n.lawful(mexican)
    n.family([12_000, 16_000, 18_000, 11_000], mexico,
             n.circles(mexican, (1, 3), lambda _: MEXICAN_AMERICAN), when=n.by_hour(EVENINGS),
             clock="local")  # fmt: skip

    indus = "Indus Longlines"
    n.carrier(indus, "Indus Longlines Private Limited", "IN", years=7, campaign=False)
    n.filing("0023115549", "Indus Longlines Private Limited", MITIGATION_ONLY, 20240314)
    indian = n.foreign(INDIA, 15_000)
    n.lawful(indian)
    n.family([8000, 10_000, 11_000, 7000], indus,
             n.circles(indian, (1, 2), lambda _: INDIAN_AMERICAN), when=n.by_hour(INDIA_UTC),
             clock="utc")  # fmt: skip
    for weekday, saturday, local, hotlines in [(6000, 2000, 60, 2), (5000, 2000, 40, 1),
                                               (3000, 1000, 25, 2)]:  # fmt: skip
        # each brand presents its toll-free lines on a third of its calls, its local ones
        # on the rest
        brand_lines = n.toll_free(hotlines)
        brand_local = n.numbers(local)
        n.lawful(brand_lines + brand_local)
        n.contact_centre(weekday, saturday, upstream=indus, callees=n.numbers(120_000),
                         callers=n.drawn([(1, n.rotate(brand_lines)),
                                          (2, n.rotate(brand_local))]))  # fmt: skip

    visayas = "Visayas Global Telecom"
    n.carrier(visayas, "Visayas Global Telecom, Inc.", "PH", years=8, campaign=False)
    n.filing("0025570183", "Visayas Global Telecom, Inc.", MITIGATION_ONLY, 20240808)
    filipino = n.foreign(PHILIPPINES, 10_000)
    n.lawful(filipino)
    n.family([5000, 6500, 7000, 4500], visayas,
             n.circles(filipino, (1, 2), lambda _: FILIPINO_AMERICAN),
             when=n.by_hour(PHILIPPINES_UTC), clock="utc")  # fmt: skip
    for weekday, saturday, local in [(10_000, 4000, 80), (6000, 2000, 30)]:
        brand_lines = n.toll_free(2)
        brand_local = n.numbers(local)
        n.lawful(brand_lines + brand_local)
        n.contact_centre(weekday, saturday, upstream=visayas, callees=n.numbers(150_000),
                         callers=n.drawn([(1, n.rotate(brand_lines)),
                                          (2, n.rotate(brand_local))]))  # fmt: skip

    antilles = "Antilles Voice Exchange"
    n.carrier(antilles, "Antilles Voice Exchange Limited", "JM", years=11, campaign=False)
    n.filing("0021004376", "Antilles Voice Exchange Limited", MITIGATION_ONLY, 20231211)
    islanders = n.foreign(CARIBBEAN, 9000)
    n.lawful(islanders)
    # the TDM route: nothing signed
    n.family([6000, 8000, 9000, 5500], antilles,
             n.circles(islanders, (1, 2), lambda _: CARIBBEAN_AMERICAN),
             when=n.by_hour(EVENINGS), clock="local", attestation=None,
             flashes=0.06)  # fmt: skip
    montego_bay = n.toll_free(2) + n.numbers(20, [305, 786, 954])
    n.lawful(montego_bay)
    n.contact_centre(3500, 1200, upstream=antilles, callers=n.rotate(montego_bay),
                     callees=n.numbers(60_000), attestation=None)  # fmt: skip

    guinea = "Gulf of Guinea Telecom"
    n.carrier(guinea, "Gulf of Guinea Telecommunications Ltd", "NG", years=6, campaign=False)
    n.filing("0026631950", "Gulf of Guinea Telecommunications Ltd", MITIGATION_ONLY, 20240930)
    west_african = n.foreign(WEST_AFRICA, 7000)
    n.lawful(west_african)
    n.family([4000, 5500, 6000, 3800], guinea,
             n.circles(west_african, (1, 2), lambda _: WEST_AFRICAN_AMERICAN),
             when=n.by_hour(WEST_AFRICA_UTC), clock="utc", flashes=0.12)  # fmt: skip

    hub = "Nordsee IPX"
    n.carrier(hub, "Nordsee IPX Roaming Hub B.V.", "NL", years=10, campaign=False)
    n.filing("0020518862", "Nordsee IPX Roaming Hub B.V.", MITIGATION_ONLY, 20240625)
    # "landed safely" calls (median 30 s, tapering) and longer ones home
    home_calls = n.mix([(0.3, n.live(30, 0.5)), (0.7, n.live(180, 0.9))])
    for travellers, when, clock in [
        (3200, n.by_hour(EUROPE_ROAMING_UTC), "utc"),
        (3800, n.between(8, 23), "local"),  # Mexico and the Caribbean, near US time
        (1000, n.by_hour(ASIA_ROAMING_UTC), "utc"),
    ]:  # fmt: skip
        roamers = n.numbers(travellers)
        n.lawful(roamers)
        # a traveller's people: most in the traveller's own area code
        people = n.circles(roamers, (2, 5), lambda own: [int(own[2:5])] * 7 + [212, 312, 213])
        n.send(round(12_500 * travellers / 8000), upstream=hub, callers=n.assigned(people),
               callees=list(people), durations=home_calls, answered=0.6, when=when,
               clock=clock, attestation="C", unanswered=PEOPLE)  # fmt: skip

    celestia = "Celestia Cloud Communications"
    n.carrier(celestia, "Celestia Cloud Communications Limited", "IE", years=6, campaign=False)
    n.filing("0026102877", "Celestia Cloud Communications Limited", IMPLEMENTED, 20241002)
    n.filing("0026102885", "Celestia Cloud Communications (US) LLC", IMPLEMENTED, 20241002)
    bank_lines = n.toll_free(2)
    bank_abroad = n.foreign([("+52558", 7), ("+44345", 7)], 5)
    n.lawful(bank_lines + bank_abroad)
    fraud_ivr = n.fraud_alert_ivr()
    cardholders = n.numbers(40_000, MEXICAN_AMERICAN) + n.numbers(20_000)
    for bank, share, signed in [(bank_lines, 0.6, "A"), (bank_abroad, 0.4, "B")]:
        n.send(round(3500 * share), upstream=celestia, callers=n.rotate(bank),
               callees=cardholders, durations=fraud_ivr, answered=0.55,
               when=n.by_hour(CARD_ACTIVITY), attestation=signed)  # fmt: skip
    passcodes = n.numbers(30)
    n.lawful(passcodes)
    passcode = n.mix([
        (0.64, n.message(17, hang_ups=0.0)),  # the code read twice
        (0.30, n.between_s(8, 11)),  # hangs up after the first reading
        (0.06, n.message(17, hang_ups=0.0, voicemail=1.0)),
    ])  # fmt: skip
    n.send(5000, upstream=celestia, callers=n.rotate(passcodes), durations=passcode,
           answered=0.9, when=n.by_hour(APP_ACTIVITY), attestation="A",
           unanswered={480: 0.5, 486: 0.2, 487: 0.2, 603: 0.1})  # fmt: skip
    hotels = n.foreign([("+52998", 7), ("+1809", 7), ("+3906", 8)], 60)
    n.lawful(hotels)
    n.send(1500, upstream=celestia, callers=n.rotate(hotels), durations=n.live(120, 0.8),
           answered=0.5, when=n.between(9, 21), attestation="B",
           unanswered=PEOPLE)  # fmt: skip

    n.overseas("skyhaven-atlantic-airways", "flight disruption and schedule-change "
               "notifications to passengers (prerecorded, consented at booking)", "IE",
               opened=ago(365 * 12), email="ops-notify@skyhaven.ie",
               address="Skyhaven House, Dublin Airport")  # fmt: skip
    reservations = n.toll_free(1)[0]
    dublin = n.foreign([("+3531", 7)], 1)[0]
    n.grants.append(NumberGrant(reservations, "skyhaven-atlantic-airways", ago(365 * 12), True))
    n.lawful([reservations, dublin])
    passengers = n.numbers(150_000)
    n.consented_at("skyhaven-atlantic-airways", passengers,
                   n.dated(1, 200),
                   evidence="{holder}/booking/{index}")  # fmt: skip
    notice = n.mix([
        (0.45, n.message(38, hang_ups=0.15)),
        (0.2, lambda count: 38 + n.rng.integers(60, 241, count)),  # the rebooking IVR
        (0.3, n.message(38, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
        (0.05, n.between_s(2, 10)),
    ])  # fmt: skip
    # routine schedule changes; Saturday's cancellations in the night (the departures were
    # due that morning), then the morning's follow-ups
    waves: list[tuple[list[int], float, When, str]] = [
        ([2500] * GATEWAY_DAYS, 0.55, n.between(9, 21), "local"),
        (n.only(1, 26_000), 0.35, n.between(5, 7.5), "utc"),
        (n.only(1, 6000), 0.5, n.between(8, 12), "local"),
    ]
    for number, share, signed in [(reservations, 0.85, "A"), (dublin, 0.15, "B")]:
        for schedule, answered, when, clock in waves:
            n.send([round(day * share) for day in schedule], customer="skyhaven-atlantic-airways",
                   callers=n.rotate([number]), callees=passengers, durations=notice,
                   answered=answered, when=when, clock=clock, attestation=signed)  # fmt: skip

    n.overseas("bayanihan-contact-solutions", "outbound customer care for US clients (live "
               "agents, predictive dialer, clients' consented lists)", "PH",
               opened=ago(365 * 6), kind=CustomerKind.RESELLER,
               email="compliance@bayanihancontact.com.ph",
               address="32nd St, Bonifacio Global City, Taguig")  # fmt: skip
    for client, weekday, saturday, lines, share in [
        ("pinecrest-health-plan", 4000, 1200, 40, 0.97),
        ("brightline-wireless", 4000, 1200, 50, 0.95),
        ("harborview-utilities", 2000, 600, 20, 0.94),
    ]:  # fmt: skip
        # letters of authorisation: the client's numbers, granted and verified
        own = n.account(client, "the client's own customer care (BPO-placed)",
                        parent="bayanihan-contact-solutions", opened=ago(365 * 3),
                        numbers=lines)  # fmt: skip
        n.lawful(own)
        book = n.numbers(100_000)
        n.consented_at(client, book, ago(400), kind=ConsentType.PRIOR_EXPRESS_WRITTEN,
                       share=share, evidence="{holder}/account-terms/{index}")  # fmt: skip
        n.contact_centre(weekday, saturday, customer="bayanihan-contact-solutions",
                         sub_account=client, callers=n.rotate(own), callees=book,
                         attestation="A")  # fmt: skip

    # US businesses on the gateway's SIP trunks (they call on weekends too, less)
    n.small_businesses(12, "gwbiz")
    return n
