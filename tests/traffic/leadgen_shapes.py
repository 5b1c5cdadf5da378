"""A lead-generation network: the whole traffic of Intracoastal Voice Partners, a wholesale
SIP provider in Boca Raton, Florida, in the pay-per-call economy of health-insurance lead
generation, during the last week of Medicare's annual enrolment period (AEP, 15 October-7
December) and the fifth week of the ACA marketplace's open enrolment (1 November-15
January; 15 December is the deadline for 1 January coverage). Four UTC days, Wednesday 4
to Saturday 7 December 2024, the Saturday being AEP's last day (US standard time: Eastern
is UTC-5, Central UTC-6, Mountain and Arizona UTC-7, Pacific UTC-8, Hawaii UTC-10). Built on
the plumbing of :mod:`tests.traffic.blind_shapes` (calls on the callee's local clock, KYC
evidence, a DNO list, the RMD), :mod:`tests.traffic.weekly_shapes` (per-day UTC offsets,
invented local numbers), :mod:`tests.traffic.platform_shapes` (call tracking, revoked
consent, a store's clientele, local presence), :mod:`tests.traffic.transit_shapes` (RMD
filings, upstream labels, ordinary transit) and :mod:`tests.traffic.gateway_shapes` (its
network class). Days are numbered 0 (Wednesday) to 3 (Saturday); "local" is the callee's
time. The provider signs A for a number it granted to the account, B for one it did not,
and passes a transit or forwarded call's attestation on.

The economy. An insurance *buyer* (a licensed agency, a final-expense or Medicare Advantage
call centre, a field marketing organisation) pays for inbound calls from consumers who want
a plan: $35-$90 a Medicare call that lasts past a "billable" 90-120 s in AEP, less for
ACA calls. *Publishers* (lead generators) produce those calls: television and web ads with
a phone number, and, at the bottom of the market, outbound "press 1" robocalls and
offshore "live transfer" call centres whose interested callees are transferred to the
buyer. Between them sits a *call-tracking platform* (Ringba, Retreaver, Invoca and the
like): it owns pools of tracking numbers, gives each publisher its own for attribution,
and forwards each call to a buyer in real time, presenting the consumer's number (the
buyer's CRM and its TCPA records want the consumer, not the publisher). Web leads are the
other currency: a "Medicare benefits quiz" or a quote-comparison site collects a name and
a number under a consent disclosure (TrustedForm or Jornaya certificates as evidence URLs),
sells the lead in real time to one buyer, then for months as an "aged lead" to anyone, for
cents. Consent is the law's pivot. A live call needs none unless the number is on the
National Do-Not-Call Registry (47 CFR 64.1200(c)(2)) or an autodialler calls a wireless
number; an artificial or prerecorded voice needs prior express consent (47 USC
227(b)(1)(A)(iii) for wireless numbers, 227(b)(1)(B) for residential lines), and *prior
express written consent* if it is telemarketing (64.1200(a)(2)-(3)), which 64.1200(f)(9)
defines as a signed agreement authorising "the seller" to call the number: a consent to
"marketing partners" listed behind a link, hundreds of them, is the industry's standing
dispute, which the FCC's December 2023 order settled by requiring one seller per consent,
a rule due to take effect on 27 January 2025, seven weeks after this week. A consumer may
revoke consent by any reasonable means (the FCC's 2015 Omnibus Order; its 2024 rules
writing this into 64.1200(a)(10) took effect in April 2025). Medicare Advantage agents must
also keep to CMS's marketing rules (42 CFR 422.2264: no unsolicited contact; a scope of
appointment or a business reply card is good for 12 months).

What the provider sees. Its direct customers include two publishers, an offshore
live-transfer centre, the call-tracking platform, a hosted dialler platform for insurance
agencies (a reseller whose clients are sub-accounts, among them a publisher's three
accounts), licensed agencies, a Medicare Advantage plan, a pharmacy chain and small
businesses. It also terminates two domestic wholesale carriers' traffic and takes a third's
calls although that carrier is not in the Robocall Mitigation Database. At volume 1.0 it
carries about 225,000-235,000 calls a UTC day Wednesday to Friday, about 140,000-145,000
on Saturday (day 3), when the agencies work short hours for the deadline and offices rest.

Campaigns (each must reach ``high`` at the narrowest responsible entity):

- ``silver-harbor-media``, ``benefit-line-partners``, ``crestview-senior-outreach``
  (sub-accounts of the dialler platform ``agentlink-dialer``, opened 38, 24 and 9 days
  before the week, one verified with an EIN, two pending with webmail contacts, declared
  "inbound customer service and appointment reminders", "appointment setting for insurance
  agents", "customer follow-up calls"): one publisher's "Medicare benefits hotline"
  robocall split over three accounts by region (Florida; the Sun Belt west of it; the
  North-East, Midwest and South-East) so that no account stands out: a 28 s recording
  ("an important message for Medicare beneficiaries about your 2025 benefits: you may
  qualify for a $0 premium plan with dental, vision and a flex card for groceries; press
  1 to speak with a licensed benefits advisor, press 2 to be removed") to a bought list of
  200,000 seniors, 4,000-5,000 calls a weekday per account and 40% of that on Saturday,
  only while the buyers' call centres are open (9 am-8 pm Eastern, 9 am-5 pm on Saturday,
  within 9 am-8 pm of the callee's day), each from 60 numbers granted to it in its region
  (one in the callee's area code where it has one), signed A. 15% answered; the
  dialler's answering-machine detection drops a quarter of the answered after 2-5 s and
  leaves the recording on a tenth; of the humans 55% hang up in it, 5% press 1 and are
  transferred through the tracking platform to a buyer (a call from the sub-account to
  one of the publisher's tracking numbers presenting the consumer's number, signed B, and
  the platform's forwarded leg to the buyer). No consent records. 227(b)(1)(A)(iii) and
  (B), 64.1200(a)(2)-(3); the platform's know-your-customer duty, 64.1200(n)(4).
- ``bayshore-connect-bpo`` (direct customer: a Belize City contact centre with a Wyoming
  LLC, opened 4 months before the week from a signup IP in Belize, KYC verified, declared
  "customer care and appointment setting for US insurance agencies (live agents)", 4
  numbers of its own it never uses): an ACA "live transfer" floor cold-calling a data
  broker's list of 300,000 adults in the marketplace's biggest non-expansion states
  (Florida, Texas, Georgia, Tennessee, the Carolinas' southern half, Alabama,
  Mississippi), unscrubbed against the Do-Not-Call Registry, 24,000 calls a weekday and
  7,000 on Saturday on its centre's day shift (8 am-6 pm in Belize, 14:00-24:00 UTC;
  15:00-21:00 on Saturday). Its "agents" are soundboard (avatar) operators clicking
  recorded clips ("Hi, this is Amy with the health benefits centre; are you between 18 and
  64?"); a licensed agent of the buyer takes the interested ones by warm transfer. It
  presents local-presence numbers rented from a rotation vendor (brought from another
  carrier, not granted here: signed B): a dozen in each area code, fresh every day, so
  that none lasts long enough to be labelled spam. The predictive dialler over-dials: 9%
  answered, a tenth of those abandoned after 1-3 s of dead air with no identification
  message, machines dropped, most hang up at the opener, a fifth answer the qualifying
  questions for about a minute, a tenth are transferred. No consent records. 64.1200(c)(2)
  (the National DNC Registry; the lists' owners are on it), 64.1200(a)(7) (abandonment
  over 3%, no identification message), 64.1601(e) and 16 CFR 310.4(a)(8) (a telemarketer
  must present a number it can be called back on), and a soundboard's clips are a
  prerecorded voice (the FTC's 2016 staff opinion: 16 CFR 310.4(b)(1)(v); 227(b)(1)(B)).
- ``Cypress Route Telecom`` (upstream provider, a Miami wholesale carrier, RMD-filed,
  partial STIR/SHAKEN): among its ordinary transit (signed enterprise calls and consumers'
  calls, 20,000 a weekday, and a quarter of the public's calls to the tracking platform's
  numbers) it hands over a "new Medicare card" scam from an offshore centre: "Medicare is
  issuing new cards with a chip; your old card will be deactivated; press 1 to verify your
  Medicare number", 24 s, 12,000 calls a weekday and 5,000 on Saturday, 9 am-5:30 pm
  Eastern (14:00-22:30 UTC: 6 am on the West Coast) to seniors, presenting
  1-800-MEDICARE or a CMS line (on the DNO list) on two calls in five and an invented
  number in the callee's own area code on the rest, unsigned or C-attested. 14% answered,
  half hang up in it, 5% press 1 and are asked for their Medicare number and bank
  details by a "Medicare representative"; a fifth of the answered are machines that
  record it. 227(b), 227(e) (spoofing to defraud), 42 USC 1320b-10 (misusing Medicare's
  name), and the upstream's duty to mitigate what it carries, 64.1200(n)(2)-(3), (k)(4).
- ``nationwide-health-advocates`` (direct customer, a Miami publisher, 9 months on the
  network, KYC verified with an EIN, declared "follow-up calls to consumers who requested
  health insurance quotes", 120 numbers granted to it across its lists' area codes):
  aged-lead robocalling before the ACA's 15 December deadline: a 26 s "final notice:
  open enrolment ends December 15; you requested information about a $0 health plan;
  press 1" (left on machines too), 14,000 calls a weekday and 8,000 on Saturday, 9 am-8
  pm local (10 am-6 pm on Saturday), from a local number where it has one, to 120,000
  aged leads bought for cents from four quote sites' back catalogues. 70% of the leads
  have ``prior_express_written`` records it uploaded, 6-20 months old, evidence URLs on
  those sites (whose forms named "marketing partners", not it), and 40% of those were
  revoked 5-150 days before the week (press-2 opt-outs and STOP replies to its earlier
  campaigns, which its opt-out system records and its dialler's lists ignore); the rest
  of the list has none. 13% answered, 55% of the humans hang up in the pitch, 4% press 1
  and are transferred to a buyer through the tracking platform. 227(b), 64.1200(a)(2)-(3),
  (f)(9), and revocation.
- ``Sonoran Digital Voice`` (upstream provider, a Phoenix VoIP carrier interconnected in
  2022, not in the Robocall Mitigation Database: it never certified, so no provider may
  accept its traffic, 64.6305(g)): 5,000 ordinary calls a day and a final-expense press-1
  ("a state-regulated burial insurance programme for seniors, up to $35,000 with no
  medical exam; press 1"), 30 s, 10,000 calls a weekday and 4,000 on Saturday, 9 am-7 pm
  local, each call presenting an invented number in the callee's own exchange (neighbour
  spoofing), unsigned or C-attested; 16% answered, a fifth of them machines dropped by
  its dialler, 55% of the humans hang up in it, 5% press 1 for a "senior benefits
  counsellor". 227(b), 64.1200(a)(2)-(3), 64.6305(g).

For review (reported at least ``medium``; ``high`` is neither asked nor forbidden):

- ``silverline-live-transfers`` (direct customer, a Tampa live-transfer vendor, 2 years,
  KYC verified, 80 numbers of its own): live US agents on a predictive dialler calling
  60,000 web leads from three "Medicare benefits quiz" sites and transferring the
  interested to buyers through the tracking platform, 10,000 calls a weekday and 5,000 on
  Saturday, 9 am-8 pm local; 20% answered; 2.5% of the answered abandoned with the
  identification message. 88% of the leads have ``prior_express_written`` records 0-45
  days old whose evidence is a quiz-site URL; the sites' disclosures name 1,100
  "marketing partners". A live call needs no consent unless the number is on the
  Registry, where only a signed agreement with the seller exempts it (64.1200(c)(2)(ii));
  whether a consent shared with 1,100 sellers is one, and which leads are on the
  Registry, is for an analyst reading the forms and the vendor's scrub logs.
- ``sunbelt-medicare-advisors`` (direct customer, a Sarasota Medicare agency, 6 years,
  KYC verified, 14 numbers): a 38 s recorded reminder in its agent's voice to its book of
  18,000 clients and former clients ("AEP ends this Saturday; your plan's benefits change
  in January; press 1 to schedule your free annual review with me"), 3,500 calls a
  weekday and 2,500 on Saturday, 10 am-7 pm local, left on machines too; 85% have
  ``prior_express`` records (the number on an enrolment application, 1-6 years old), the
  others came from its CRM. Whether a plan-review offer to the agency's own clients is
  telemarketing (which needs written consent) or service, and whether its scopes of
  appointment are within CMS's 12 months, is an analyst's question.

Lawful senders (none may reach ``high``; their own numbers are labelled lawful):

- ``ringroute-call-analytics`` (customer, a call-tracking platform, 7 years, 9,000 local
  tracking numbers it holds): the public's calls to television and web ads (22,000 a day,
  8 am-10 pm on the tracking number's clock, arriving from ``Everglades Fiber Transit``
  and ``Cypress Route Telecom``) forwarded within a second or two to 120 queue lines of the buyers,
  presenting the caller's number and attestation; answered 78%; screening calls of half a
  minute, conversations of minutes, enrolments of half an hour. It also forwards the
  publishers' transfers (above), presenting the consumer's number. A consumer who dials
  is not robocalled.
- ``agentlink-dialer`` (customer, kind reseller: a hosted predictive dialler for insurance
  agencies, 8 years; labelled lawful though one publisher hides among its clients) and
  its eight agencies (sub-accounts): Medicare and ACA agencies in Florida, Georgia,
  Texas, Arizona, Kansas, Pennsylvania and North Carolina, 2,500-4,500 calls a weekday
  each (28,000 in all, half on Saturday), live agents calling their own clients (plan
  reviews, renewals; permission-to-contact records or client agreements, 95% on record)
  and, at three of them, the week's leads from their own quote forms naming the agency
  (written consent, 0-5 days old, a sixth of the book), 9 am-8 pm local; machines
  dropped, short answers, conversations of several minutes, 2% abandoned with the
  identification message.
- ``bluecrest-health-plan`` (customer, a Florida Medicare Advantage plan, 12 years):
  recorded member notices ("your 2025 benefits start January 1; your new ID card is in
  the mail; press 1 for member services"), 12,000 calls a weekday, 9 am-7 pm local, to
  120,000 members (97% consented on the enrolment form), and live welcome calls to 30,000
  members who joined in AEP, 2,000 a weekday. Health care messages of a covered entity to
  its members: prior express consent suffices (64.1200(a)(2)); not marketing.
- ``sunrise-pharmacy-group`` (customer, 150 stores, 9 years): refill-ready reminders from
  each store's own number to its own patients, 6,000 a day including Saturday, in store
  hours; consent records for every patient.
- ``seaside-health-insurance-center`` (customer, a Fort Lauderdale buyer, 5 years): its
  agents calling back consumers whose calls through the tracking platform dropped or who
  asked to be called back (``prior_express`` records, 0-4 days old: they called first),
  3,000 a weekday and 2,000 on Saturday; live.
- ``suncoast-ship-counseling`` (customer, a State Health Insurance Assistance Program's
  volunteer counsellors in Tampa Bay, 10 years): returning seniors' requests for free
  plan counselling, 500 calls a weekday, long conversations.
- ``Everglades Fiber Transit`` (upstream provider, RMD-filed, complete): ordinary transit
  (15,000 a weekday, 9,000 on Saturday) and three quarters of the public's calls to the
  tracking numbers.
- ``Cypress Route Telecom``'s and ``Sonoran Digital Voice``'s ordinary numbers.
- ``qbiz-*``: 25 small businesses with office phones.

Campaign caller IDs are not labelled: each campaign is judged at the source that carries it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import ClassVar

import numpy as np

from callwarden.customers import ConsentType, Customer, CustomerKind, KycStatus, NumberGrant
from callwarden.lists import DnoEntry
from tests.traffic.blind_shapes import AREA_CODES, PEOPLE, START, Callers, When
from tests.traffic.gateway_shapes import GatewayNetwork
from tests.traffic.transit_shapes import IMPLEMENTED, MITIGATION_ONLY, PARTIAL, SIGNED
from tests.traffic.unseen_shapes import Durations

#: Wednesday 4 December 2024, the last week of Medicare's annual enrolment period
FIRST = datetime(2024, 12, 4, tzinfo=UTC)
LEADGEN_DAYS = 4
#: time zones of every area code the network calls: blind_shapes' and the senior- and
#: marketplace-heavy areas of the Sun Belt
ZONES: dict[int, str] = {code: zone for code, (zone, _) in AREA_CODES.items()} | {
    561: "America/New_York", 954: "America/New_York", 772: "America/New_York",
    239: "America/New_York", 941: "America/New_York", 727: "America/New_York",
    352: "America/New_York", 386: "America/New_York", 904: "America/New_York",
    321: "America/New_York", 863: "America/New_York", 513: "America/New_York",
    614: "America/New_York", 937: "America/New_York", 248: "America/New_York",
    586: "America/New_York", 734: "America/New_York", 516: "America/New_York",
    631: "America/New_York", 732: "America/New_York", 908: "America/New_York",
    336: "America/New_York", 828: "America/New_York", 252: "America/New_York",
    803: "America/New_York", 843: "America/New_York", 864: "America/New_York",
    865: "America/New_York", 423: "America/New_York", 770: "America/New_York",
    678: "America/New_York", 912: "America/New_York", 281: "America/Chicago",
    817: "America/Chicago", 901: "America/Chicago", 205: "America/Chicago",
    256: "America/Chicago", 334: "America/Chicago", 601: "America/Chicago",
    662: "America/Chicago", 623: "America/Phoenix", 928: "America/Phoenix",
    816: "America/Chicago", 913: "America/Chicago", 385: "America/Denver",
    760: "America/Los_Angeles", 775: "America/Los_Angeles",
}  # fmt: skip
#: where Medicare beneficiaries live (repeated: weighted), Florida first
FLORIDA = [561, 561, 954, 772, 239, 239, 941, 941, 727, 727, 352, 352, 386, 904, 321, 863,
           305, 407, 813]  # fmt: skip
SUN_BELT_WEST = [602, 480, 623, 623, 520, 928, 214, 972, 713, 281, 817, 210, 512, 702, 775,
                 619, 760, 916]  # fmt: skip
EAST_AND_MIDWEST = [215, 412, 610, 717, 570, 724, 814, 216, 330, 440, 614, 513, 937, 313,
                    248, 586, 734, 516, 631, 718, 732, 908, 704, 919, 336, 828, 252, 843,
                    864, 803, 615, 865, 423, 901, 404, 770, 678, 912]  # fmt: skip
SENIORS = FLORIDA * 2 + SUN_BELT_WEST + EAST_AND_MIDWEST
#: the marketplace's biggest states that did not expand Medicaid (ACA leads)
MARKETPLACE = [305, 954, 561, 407, 813, 904, 863, 239, 727, 214, 972, 713, 832, 281, 817,
               210, 512, 404, 770, 678, 912, 615, 901, 865, 423, 803, 843, 864, 205, 256,
               334, 601, 662]  # fmt: skip
#: where the buyers' call centres are: South Florida, Tampa, Utah, Arizona, Dallas
BUYER_AREAS = [561, 954, 305, 813, 801, 385, 480, 602, 214, 972]
#: 1-800-MEDICARE, its TTY line, and CMS's Baltimore switchboard (the ITG DNO list)
MEDICARE = ["+18006334227", "+18774862048", "+14107863000"]
SSA = ["+18007721213", "+18003250778", "+18663784338"]
#: the public calling an advertised number, by the hour of the number's day
ADS = {8: 0.6, 9: 1.0, 10: 1.2, 11: 1.2, 12: 1.1, 13: 1.0, 14: 1.0, 15: 1.0, 16: 1.0,
       17: 0.9, 18: 0.9, 19: 0.8, 20: 0.5, 21: 0.3}  # fmt: skip
#: a pharmacy's store hours
STORE_HOURS = {9: 0.6, 10: 1.0, 11: 1.2, 12: 1.2, 13: 1.0, 14: 1.0, 15: 1.0, 16: 1.1,
               17: 1.1, 18: 0.8, 19: 0.4}  # fmt: skip


def ago(days: float) -> datetime:
    """``days`` before the first day."""
    return FIRST - timedelta(days=days)


def week(weekday: int, saturday: int) -> list[int]:
    """Calls a day, Wednesday (day 0) to Saturday (day 3)."""
    return [weekday, weekday, weekday, saturday]


@dataclass
class LeadgenNetwork(GatewayNetwork):
    """A :class:`GatewayNetwork` (per-day offsets, dated and revoked consent, call tracking,
    RMD filings and ordinary transit) over four UTC days from :data:`FIRST`: a wholesale SIP
    provider to publishers, a call-tracking platform, a dialler platform, buyers and
    carriers."""

    id_prefix: ClassVar[str] = "q"
    days: ClassVar[int] = LEADGEN_DAYS
    start_s: ClassVar[float] = (FIRST - START).total_seconds()

    first_day = FIRST
    zones = ZONES

    # --- who sends -----------------------------------------------------------------------------
    def peer(self, switch_id: str, legal_name: str, *, years: float, campaign: bool) -> None:
        """A domestic upstream: the ``kind=provider`` customers row of the interconnection
        agreement signed ``years`` before the week, labelled a campaign or not."""
        self.customers.append(
            Customer(
                switch_id,
                legal_name,
                kind=CustomerKind.PROVIDER,
                created_at=ago(round(365 * years)),
                kyc_status=KycStatus.VERIFIED,
                declared_use="wholesale termination (bilateral SIP)",
                country="US",
            )
        )
        self.upstream([switch_id], campaign=campaign)

    # --- consent ------------------------------------------------------------------------------
    # --- which number a call presents ----------------------------------------------------------
    def neighbour(self) -> Callers:
        """An invented number in the callee's own exchange (NPA-NXX), per call."""

        def callers(called: list[str], _day: int) -> list[str]:
            lines = self.rng.integers(0, 10_000, len(called))
            return [
                f"{number[:8]}{int(line):04d}" for number, line in zip(called, lines, strict=True)
            ]

        return callers

    def rented(self, per_area: int) -> Callers:
        """A rotation vendor's local presence: ``per_area`` numbers in each callee area
        code, a fresh set every day, drawn per call."""
        sets: dict[tuple[int, str], list[str]] = {}

        def callers(called: list[str], day: int) -> list[str]:
            out = []
            for number in called:
                key = (day, number[2:5])
                if key not in sets:
                    sets[key] = self.numbers(per_area, int(number[2:5]))
                pool = sets[key]
                out.append(pool[int(self.rng.integers(0, per_area))])
            return out

        return callers

    # --- the calls ----------------------------------------------------------------------------
    def while_buyers_open(
        self,
        weekday: int,
        saturday: int,
        callees: Sequence[str],
        *,
        weekday_et: tuple[float, float] = (9, 20),
        saturday_et: tuple[float, float] = (9, 17),
        local: tuple[float, float] = (9, 20),
        customer: str,
        sub_account: str,
        callers: Callers,
        durations: Durations,
        answered: float,
    ) -> None:
        """A publisher's dialling, which runs only while its buyers' call centres take
        transfers (``weekday_et``, ``saturday_et``: hours of the Eastern day), and within
        ``local`` hours of the callee's day: ``weekday`` and ``saturday`` calls (+-10%)
        shared among ``callees``' time zones by their numbers' share."""
        zones: dict[str, list[str]] = {}
        for number in callees:
            zones.setdefault(self.zones[int(number[2:5])], []).append(number)
        eastern = self.offset_s("212", 0)
        for members in zones.values():
            shift = (self.offset_s(members[0][2:5], 0) - eastern) / 3600
            share = len(members) / len(callees)
            for schedule, (opens, closes) in [(week(weekday, 0), weekday_et),
                                              (self.only(3, saturday), saturday_et)]:  # fmt: skip
                first, last = max(local[0], opens + shift), min(local[1], closes + shift)
                if last <= first:
                    continue
                self.send([round(day * share) for day in schedule], customer=customer,
                          sub_account=sub_account, callers=callers, callees=members,
                          durations=durations, answered=answered,
                          when=self.between(first, last))  # fmt: skip

    def transferred(
        self,
        per_day: Sequence[float],
        *,
        consumers: Sequence[str],
        tracking: Sequence[str],
        buyers: Mapping[str, str],
        platform: str,
        talk: Durations,
        when: When,
        customer: str,
        sub_account: str | None = None,
        clock: str = "local",
    ) -> None:
        """Transfers of interested consumers to buyers: ``per_day`` calls (+-10%) from
        ``customer`` (``sub_account``) to its ``tracking`` numbers, presenting the
        consumer's number (not the account's: signed B), at ``when`` hours of the
        consumer's day (or of the UTC day). The tracking ``platform`` answers each, and
        0.3-1.5 s later rings the buyer's line (``buyers``: tracking number -> line) with
        the consumer's number and attestation; 88% of buyers answer after a few seconds'
        ringing and talk for ``talk``, the others' callers give up after half a minute of
        ringback (480 or 487 on the platform's leg)."""
        for day in range(-1, self.days) if clock == "local" else range(self.days):
            count = round(per_day[max(day, 0)] * self.volume * self.rng.uniform(0.9, 1.1))
            if count == 0:
                continue
            callers = [consumers[i] for i in self.rng.integers(0, len(consumers), count)]
            seconds = day * 86_400 + when(count) * 3600
            if clock == "local":
                seconds -= np.array([self.offset_s(number[2:5], day) for number in callers])
            kept = np.flatnonzero((seconds >= 0) & (seconds < self.days * 86_400))
            if kept.size == 0:
                continue
            callers = [callers[i] for i in kept]
            seconds = seconds[kept] + self.start_s
            count = len(callers)
            dialled = [tracking[i] for i in self.rng.integers(0, len(tracking), count)]
            ringing = np.maximum(2, self.rng.lognormal(np.log(9), 0.5, count)).astype(np.int64)
            picked_up = self.rng.random(count) < 0.88
            talked = np.where(picked_up, np.maximum(1, talk(count)), 0)
            waited = np.maximum(5, self.rng.lognormal(np.log(30), 0.4, count)).astype(np.int64)
            inbound = np.where(picked_up, ringing + talked + 2, waited)
            delay = self.rng.uniform(0.3, 1.5, count)
            gave_up = self.rng.choice(np.array([487, 480]), count, p=[0.7, 0.3])
            self.append(
                start_times=[START + timedelta(seconds=float(s)) for s in seconds],
                durations=inbound.tolist(),
                sip_codes=[200] * count,
                callers=callers,
                called=dialled,
                customer=customer,
                upstream=None,
                sub_account=sub_account,
                attestations=["B"] * count,
            )
            self.append(
                start_times=[
                    START + timedelta(seconds=float(s + d))
                    for s, d in zip(seconds, delay, strict=True)
                ],
                durations=talked.tolist(),
                sip_codes=np.where(picked_up, 200, gave_up).tolist(),
                callers=callers,
                called=[buyers[number] for number in dialled],
                customer=platform,
                upstream=None,
                sub_account=None,
                attestations=["B"] * count,
            )

    # --- how answered calls last --------------------------------------------------------------
    def agency_dialler(self, conversation_s: float) -> Durations:
        """Live agents on a predictive dialler: machines dropped by its detection after
        2-5 s or given a short spoken voicemail, quick answers ("not now", "call me next
        week"), conversations of a median ``conversation_s``, 2% abandoned with the 2 s +
        9 s identification message (64.1200(a)(7))."""
        return self.mix([
            (0.22, self.between_s(2, 5)),
            (0.08, self.live(24, 0.4)),  # the agent's voicemail
            (0.25, self.live(35, 0.7)),
            (0.43, self.live(conversation_s, 0.8)),
            (0.02, self.between_s(10, 12)),
        ])  # fmt: skip

    def transfer_talk(self) -> Durations:
        """A transferred consumer with a buyer's licensed agent: screened out in a minute
        or two (on Medicaid, already enrolled), a quote of several minutes, an enrolment
        of half an hour or more."""
        return self.mix([(0.35, self.live(70, 0.6)), (0.4, self.live(420, 0.7)),
                         (0.25, self.live(1900, 0.45))])  # fmt: skip


def build(seed: int, volume: float = 1.0) -> LeadgenNetwork:
    """The network of the module docstring; ``volume`` scales every sender's calls."""
    n = LeadgenNetwork(seed, volume)
    n.dno.extend(DnoEntry(number, "government inbound-only line (ITG DNO list)")
                 for number in MEDICARE + SSA)  # fmt: skip
    n.dno.extend(DnoEntry(number, "inbound only (customer service)") for number in n.numbers(300))
    # filings of providers the network never sees, as any slice of the RMD holds them; two
    # close in name to an upstream but other companies
    for frn, name, implementation, updated in [
        ("0027340918", "Sonora Communications Group LLC", IMPLEMENTED, 20240705),
        ("0021184460", "Cypress Bend Telephone Cooperative", MITIGATION_ONLY, 20231130),
        ("0030661274", "Palmetto Wholesale Voice LLC", PARTIAL, 20240918),
        ("0019527783", "Gulfstream Digital Networks, Inc.", IMPLEMENTED, 20240222),
        ("0028809135", "Saguaro Telecom Partners LLC", MITIGATION_ONLY, 20240611),
    ]:  # fmt: skip
        n.filing(frn, name, implementation, updated)

    # --- the call-tracking platform and its buyers' queues ---------------------------------------
    ringroute = "ringroute-call-analytics"
    n.account(ringroute, "call tracking and real-time routing of inbound calls to advertisers "
              "and buyers", opened=ago(365 * 7), ein="46-4471092",
              address="1 S Ocean Blvd, Boca Raton FL")  # fmt: skip
    queues = n.numbers(120, BUYER_AREAS)
    tracking = n.numbers(9000, SENIORS + MARKETPLACE)
    n.grants.extend(NumberGrant(number, ringroute, since=ago(float(n.rng.uniform(30, 2000))),
                                verified=True) for number in tracking)  # fmt: skip
    routed = {number: queues[int(n.rng.integers(0, len(queues)))] for number in tracking}
    # the publishers' own tracking numbers, for attribution
    publisher_lines = {name: tracking[i * 4 : i * 4 + 4] for i, name in enumerate(
        ["ghb", "bayshore", "nationwide", "silverline"])}  # fmt: skip
    talk = n.transfer_talk()

    # --- campaigns ------------------------------------------------------------------------
    # a publisher's press-1 robocall split over three accounts on the dialler platform
    n.account("agentlink-dialer", "hosted predictive dialer for insurance agencies (live "
              "agents, consented lists)", kind=CustomerKind.RESELLER, opened=ago(365 * 8),
              ein="27-3390518", address="5300 W Cypress St, Tampa FL")  # fmt: skip
    hotline = n.mix([
        (0.65, n.press_one(28, transfer=0.05, hang_ups=0.55, agent_median_s=420)),
        (0.25, n.between_s(2, 5)),  # a machine, dropped by its detection
        (0.10, n.message(28, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    for name, region, opened, kyc, email, daily, declared in [
        ("silver-harbor-media", FLORIDA, 38, KycStatus.VERIFIED, "ops@silverharbormedia.com",
         5000, "inbound customer service and appointment reminders"),
        ("benefit-line-partners", SUN_BELT_WEST, 24, KycStatus.PENDING,
         "benefitlinepartners@gmail.com", 4000, "appointment setting for insurance agents"),
        ("crestview-senior-outreach", EAST_AND_MIDWEST, 9, KycStatus.PENDING,
         "crestview.outreach@outlook.com", 4500, "customer follow-up calls"),
    ]:  # fmt: skip
        pool = n.account(name, declared, campaign=True, parent="agentlink-dialer",
                         opened=ago(opened), kyc=kyc, numbers=60, npa=region, email=email,
                         ein="88-2140937" if kyc is KycStatus.VERIFIED else None)  # fmt: skip
        seniors = n.numbers(round(200_000 * len(region) / len(FLORIDA + SUN_BELT_WEST +
                                                          EAST_AND_MIDWEST)), region)  # fmt: skip
        n.while_buyers_open(daily, round(daily * 0.4), seniors, customer="agentlink-dialer",
                            sub_account=name, callers=n.same_area(pool), durations=hotline,
                            answered=0.15)  # fmt: skip
        pressed = 0.15 * 0.65 * 0.05
        n.transferred([daily * pressed] * 3 + [daily * 0.4 * pressed], consumers=seniors,
                      tracking=publisher_lines["ghb"], buyers=routed, platform=ringroute,
                      talk=talk, when=n.between(10, 17), customer="agentlink-dialer",
                      sub_account=name)  # fmt: skip

    # an offshore live-transfer floor on soundboards, rented local presence, no DNC scrub
    n.overseas("bayshore-connect-bpo", "customer care and appointment setting for US "
               "insurance agencies (live agents)", "BZ", opened=ago(120), numbers=4,
               campaign=True, email="admin@bayshoreconnect.bz",
               address="Coney Drive Plaza, Belize City")  # fmt: skip
    households = n.numbers(300_000, MARKETPLACE)
    soundboard = n.mix([
        (0.30, n.between_s(2, 5)),  # a machine, dropped
        (0.10, n.between_s(1, 3)),  # abandoned: dead air, no identification message
        (0.30, n.live(9, 0.6)),  # hangs up at the avatar's opener
        (0.20, n.live(65, 0.5)),  # answers the qualifying clips, not qualified
        (0.10, lambda count: n.live(75, 0.4)(count) + talk(count)),  # transferred
    ])  # fmt: skip
    for schedule, when in [(week(24_000, 0), n.between(14, 24)),
                           (n.only(3, 7000), n.between(15, 21))]:  # fmt: skip
        n.send(schedule, customer="bayshore-connect-bpo", callers=n.rented(12),
               callees=households, durations=soundboard, answered=0.09, when=when,
               clock="utc", attestation="B")  # fmt: skip
    n.transferred([24_000 * 0.09 * 0.1] * 3 + [7000 * 0.09 * 0.1], consumers=households,
                  tracking=publisher_lines["bayshore"], buyers=routed, platform=ringroute,
                  talk=talk, when=n.between(14.5, 23.5), clock="utc",
                  customer="bayshore-connect-bpo")  # fmt: skip

    # a wholesale carrier handing over a "new Medicare card" scam
    cypress = "Cypress Route Telecom"
    n.peer(cypress, "Cypress Route Telecom LLC", years=4, campaign=True)
    n.filing("0029154406", "Cypress Route Telecom LLC", PARTIAL, 20240530)
    cypress_enterprises = n.numbers(1500)
    n.lawful(cypress_enterprises)
    n.transit(week(20_000, 11_000), cypress, cypress_enterprises)
    card_scam = n.mix([
        (0.8, n.press_one(24, transfer=0.05, hang_ups=0.5, agent_median_s=480)),
        (0.2, n.message(24, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    n.send(week(12_000, 5000), upstream=cypress,
           callers=n.drawn([(0.4, n.rotate(MEDICARE)), (0.6, n.invented_local())]),
           callees=n.numbers(250_000, SENIORS), durations=card_scam, answered=0.14,
           when=n.between(14, 22.5), clock="utc", attestation={None: 0.55, "C": 0.45})  # fmt: skip

    # aged leads robocalled before the marketplace deadline, revocations ignored
    advocates = n.account("nationwide-health-advocates", "follow-up calls to consumers who "
                          "requested health insurance quotes", campaign=True, opened=ago(270),
                          numbers=120, npa=MARKETPLACE, ein="85-4016623",
                          address="801 Brickell Ave Ste 900, Miami FL")  # fmt: skip
    aged = n.numbers(80_000, MARKETPLACE) + n.numbers(40_000)
    claimed = [number for number, yes in zip(aged, n.rng.random(len(aged)) < 0.7, strict=True)
               if yes]  # fmt: skip
    sites = ["healthquotepro.net", "obamacare-subsidy-check.com", "myhealthplanfinder.org",
             "quotes4health.com"]  # fmt: skip
    part = len(claimed) // len(sites)
    for index, site in enumerate(sites):
        n.consented_then_revoked("nationwide-health-advocates",
                                 claimed[index * part : (index + 1) * part],
                                 kind=ConsentType.PRIOR_EXPRESS_WRITTEN,
                                 obtained=(ago(600), ago(180)), revoked=0.4,
                                 revoked_by=(ago(150), ago(5)),
                                 evidence=f"https://www.{site}/lead/{{index}}")  # fmt: skip
    final_notice = n.mix([
        (0.7, n.press_one(26, transfer=0.04, hang_ups=0.55, agent_median_s=420)),
        (0.3, n.message(26, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    for schedule, when in [(week(14_000, 0), n.between(9, 20)),
                           (n.only(3, 8000), n.between(10, 18))]:  # fmt: skip
        n.send(schedule, customer="nationwide-health-advocates", callers=n.same_area(advocates),
               callees=aged, durations=final_notice, answered=0.13, when=when)  # fmt: skip
    pressed = 0.13 * 0.7 * 0.04
    n.transferred([14_000 * pressed] * 3 + [8000 * pressed], consumers=aged,
                  tracking=publisher_lines["nationwide"], buyers=routed, platform=ringroute,
                  talk=talk, when=n.between(9.5, 19.5),
                  customer="nationwide-health-advocates")  # fmt: skip

    # a carrier outside the RMD, neighbour-spoofed final-expense calls
    sonoran = "Sonoran Digital Voice"
    n.peer(sonoran, "Sonoran Digital Voice LLC", years=2.5, campaign=True)
    sonoran_enterprises = n.numbers(400, [602, 480, 623, 520])
    n.lawful(sonoran_enterprises)
    n.transit(5000, sonoran, sonoran_enterprises, signed={None: 0.85, "C": 0.15})
    burial = n.mix([
        (0.8, n.press_one(30, transfer=0.05, hang_ups=0.55, agent_median_s=540)),
        (0.2, n.between_s(2, 5)),  # a machine, dropped
    ])  # fmt: skip
    n.send(week(10_000, 4000), upstream=sonoran, callers=n.neighbour(),
           callees=n.numbers(150_000, SENIORS), durations=burial, answered=0.16,
           when=n.between(9, 19), attestation={None: 0.8, "C": 0.2})  # fmt: skip

    # --- for review -----------------------------------------------------------------------
    silverline = n.account("silverline-live-transfers", "live transfers of consenting web "
                           "leads to licensed insurance agencies", opened=ago(730), numbers=80,
                           ein="83-2261704", address="4830 W Kennedy Blvd, Tampa FL")  # fmt: skip
    del n.campaign["customer", "silverline-live-transfers"]
    n.review.add(("customer", "silverline-live-transfers"))
    quiz_leads = n.numbers(60_000, SENIORS)
    for index, site in enumerate(["medicarebenefitsquiz.com", "seniorsavingscheck.com",
                                  "2025-medicare-extras.com"]):  # fmt: skip
        n.consented_at("silverline-live-transfers",
                       quiz_leads[index * 20_000 : (index + 1) * 20_000], n.dated(0, 45),
                       kind=ConsentType.PRIOR_EXPRESS_WRITTEN, share=0.88,
                       evidence=f"https://www.{site}/cert/{{index}}")  # fmt: skip
    fronting = n.mix([
        (0.25, n.between_s(2, 5)),  # a machine, dropped
        (0.10, n.live(8, 0.5)),  # a wrong number, "who?"
        (0.33, n.live(25, 0.6)),  # not interested
        (0.18, n.live(140, 0.6)),  # qualified out
        (0.115, lambda count: n.live(110, 0.4)(count) + talk(count)),  # transferred
        (0.025, n.between_s(10, 12)),  # abandoned: the identification message
    ])  # fmt: skip
    for schedule, when in [(week(10_000, 0), n.between(9, 20)),
                           (n.only(3, 5000), n.between(10, 17))]:  # fmt: skip
        n.send(schedule, customer="silverline-live-transfers", callers=n.same_area(silverline),
               callees=quiz_leads, durations=fronting, answered=0.2, when=when)  # fmt: skip
    n.transferred([10_000 * 0.2 * 0.115] * 3 + [5000 * 0.2 * 0.115], consumers=quiz_leads,
                  tracking=publisher_lines["silverline"], buyers=routed, platform=ringroute,
                  talk=talk, when=n.between(9.5, 19.5),
                  customer="silverline-live-transfers")  # fmt: skip

    sunbelt = n.account("sunbelt-medicare-advisors", "Medicare insurance agency: client "
                        "service and annual plan reviews", opened=ago(365 * 6), numbers=14,
                        npa=[941, 239, 727], ein="59-3381146",
                        address="1990 Main St, Sarasota FL")  # fmt: skip
    del n.campaign["customer", "sunbelt-medicare-advisors"]
    n.review.add(("customer", "sunbelt-medicare-advisors"))
    book = n.numbers(18_000, FLORIDA)
    n.consented_at("sunbelt-medicare-advisors", book, n.dated(365, 6 * 365), share=0.85,
                   evidence="{holder}/enrolment-application/{index}")  # fmt: skip
    reminder = n.mix([
        (0.6, n.press_one(38, transfer=0.06, hang_ups=0.45, agent_median_s=900)),
        (0.4, n.message(38, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    n.send(week(3500, 2500), customer="sunbelt-medicare-advisors", callers=n.rotate(sunbelt),
           callees=book, durations=reminder, answered=0.35, when=n.between(10, 19))  # fmt: skip

    # --- lawful ---------------------------------------------------------------------------
    # the public calling the ads, forwarded to the buyers
    everglades = "Everglades Fiber Transit"
    n.peer(everglades, "Everglades Fiber Transit, Inc.", years=9, campaign=False)
    n.filing("0018833562", "Everglades Fiber Transit, Inc.", IMPLEMENTED, 20241015)
    everglades_enterprises = n.numbers(1200)
    n.lawful(everglades_enterprises)
    n.transit(week(15_000, 9000), everglades, everglades_enterprises, signed=SIGNED)
    n.forwarded(22_000, customer=ringroute, lines=routed,
                upstreams={everglades: 0.75, cypress: 0.25}, when=n.by_hour(ADS),
                answered=0.78, talk=talk, signed={"A": 0.6, "B": 0.15, None: 0.25})  # fmt: skip

    # the dialler platform's agencies
    for name, region, daily, book_size, lines, conversation, written in [
        ("harbor-lane-insurance", [813, 727, 941, 352], 4500, 25_000, 40, 480, False),
        ("gulf-breeze-insurance-group", [941, 239, 561, 954], 3500, 20_000, 30, 540, False),
        ("tri-state-benefits-group", [404, 770, 678, 912], 4000, 24_000, 35, 360, True),
        ("lone-star-health-advisors", [713, 281, 214, 972], 4000, 24_000, 35, 360, True),
        ("desert-sun-senior-benefits", [602, 480, 623, 520], 3500, 18_000, 25, 480, False),
        ("prairie-final-expense-agency", [316, 816, 913], 2500, 12_000, 20, 300, True),
        ("keystone-medicare-solutions", [717, 570, 610, 215], 2500, 14_000, 20, 480, False),
        ("carolina-senior-insurance", [704, 336, 828, 803], 3500, 20_000, 30, 420, False),
    ]:  # fmt: skip
        own = n.account(name, "licensed insurance agency: client service and consented "
                        "leads (live agents)", parent="agentlink-dialer",
                        opened=ago(float(n.rng.integers(600, 3600))), numbers=lines,
                        npa=region)  # fmt: skip
        n.lawful(own)
        clients = n.numbers(book_size, region)
        if written:
            # a sixth of the book: this week's leads from the agency's own quote form, which
            # names it; the rest: its clients' renewals, on their client agreements
            fresh = len(clients) // 6
            n.consented_at(name, clients[:fresh], n.dated(0, 5),
                           kind=ConsentType.PRIOR_EXPRESS_WRITTEN, share=0.98,
                           evidence="{holder}/quote-form/{index}")  # fmt: skip
            n.consented_at(name, clients[fresh:], n.dated(30, 900),
                           kind=ConsentType.PRIOR_EXPRESS_WRITTEN, share=0.95,
                           evidence="{holder}/client-agreement/{index}")  # fmt: skip
        else:
            # permission to contact and scopes of appointment, in the last year
            n.consented_at(name, clients, n.dated(20, 360),
                           kind=ConsentType.PRIOR_EXPRESS_WRITTEN, share=0.94,
                           evidence="{holder}/permission-to-contact/{index}")  # fmt: skip
        for schedule, when in [(week(daily, 0), n.between(9, 20)),
                               (n.only(3, daily // 2), n.between(9, 16))]:  # fmt: skip
            n.send(schedule, customer="agentlink-dialer", sub_account=name,
                   callers=n.same_area(own), callees=clients,
                   durations=n.agency_dialler(conversation), answered=0.26, when=when)  # fmt: skip

    # a Medicare Advantage plan's member notices and welcome calls
    plan = n.account("bluecrest-health-plan", "member notifications and welcome calls for a "
                     "Medicare Advantage plan (HIPAA covered entity)", opened=ago(365 * 12),
                     numbers=12, npa=[813, 407, 305], ein="59-2874410",
                     address="4010 W Boy Scout Blvd, Tampa FL")  # fmt: skip
    n.lawful(plan)
    members = n.numbers(120_000, FLORIDA)
    n.consented_at("bluecrest-health-plan", members, n.dated(60, 3000), share=0.97,
                   evidence="{holder}/enrolment-form/{index}")  # fmt: skip
    notice = n.mix([
        (0.85, n.message(34, spread=2, hang_ups=0.2, voicemail=0.3)),
        (0.15, lambda count: 34 + n.live(240, 0.8)(count)),  # pressed 1: member services
    ])  # fmt: skip
    n.send(week(12_000, 0), customer="bluecrest-health-plan", callers=n.rotate(plan),
           callees=members, durations=notice, answered=0.55,
           when=n.between(9, 19))  # fmt: skip
    joined = n.numbers(30_000, FLORIDA)
    n.consented_at("bluecrest-health-plan", joined, n.dated(1, 50),
                   evidence="{holder}/aep-enrolment/{index}")  # fmt: skip
    n.send(week(2000, 0), customer="bluecrest-health-plan", callers=n.rotate(plan),
           callees=joined, durations=n.mix([(0.3, n.live(30, 0.6)), (0.7, n.live(480, 0.6))]),
           answered=0.45, when=n.between(9, 18), unanswered=PEOPLE)  # fmt: skip

    # a pharmacy chain's refill reminders
    stores = n.account("sunrise-pharmacy-group", "prescription refill and pickup reminders",
                       opened=ago(365 * 9), numbers=150, npa=SENIORS,
                       ein="65-1187302")  # fmt: skip
    n.lawful(stores)
    refill = n.mix([(0.9, n.message(24, hang_ups=0.12, voicemail=0.33)),
                    (0.1, lambda count: 24 + n.live(35, 0.5)(count))])  # fmt: skip
    n.store_reminders("sunrise-pharmacy-group", stores, 6000, each=250,
                      consented=n.dated(30, 2000), durations=refill,
                      when=n.by_hour(STORE_HOURS))  # fmt: skip

    # a buyer calling back the consumers who called it
    seaside = n.account("seaside-health-insurance-center", "licensed Medicare and ACA call "
                        "centre: callbacks to consumers who called us", opened=ago(365 * 5),
                        numbers=20, npa=954, ein="47-1109385",
                        address="110 E Broward Blvd, Fort Lauderdale FL")  # fmt: skip
    n.lawful(seaside)
    callers_back = n.numbers(15_000, SENIORS + MARKETPLACE)
    n.consented_at("seaside-health-insurance-center", callers_back, n.dated(0, 4),
                   evidence="{holder}/inbound-call/{index}")  # fmt: skip
    n.send(week(3000, 2000), customer="seaside-health-insurance-center",
           callers=n.rotate(seaside), callees=callers_back,
           durations=n.mix([(0.2, n.live(22, 0.4)), (0.35, n.live(45, 0.7)),
                            (0.45, n.live(900, 0.8))]),
           answered=0.35, when=n.between(9, 20), unanswered=PEOPLE)  # fmt: skip

    # volunteer counsellors returning seniors' requests
    counsellors = n.account("suncoast-ship-counseling", "State Health Insurance Assistance "
                            "Program: free Medicare counselling callbacks",
                            opened=ago(365 * 10), numbers=6, npa=727,
                            ein="59-1726634")  # fmt: skip
    n.lawful(counsellors)
    requests = n.numbers(3000, [727, 813, 941, 352])
    n.consented_at("suncoast-ship-counseling", requests, n.dated(0, 30),
                   evidence="{holder}/counselling-request/{index}")  # fmt: skip
    n.send(week(500, 250), customer="suncoast-ship-counseling", callers=n.rotate(counsellors),
           callees=requests, durations=n.mix([(0.25, n.live(30, 0.5)),
                                              (0.75, n.live(1500, 0.6))]),
           answered=0.55, when=n.between(9.5, 16.5), unanswered=PEOPLE)  # fmt: skip

    n.small_businesses(25, "qbiz")
    return n
