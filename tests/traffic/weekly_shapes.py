"""A weekly network: senders whose shape CHANGES over seven UTC days, Tuesday 31 October to
Monday 6 November 2023, the week before the 7 November 2023 elections (Pennsylvania's
Supreme Court race among them). US daylight saving time ends at 2 am local on Sunday 5
November (day 5), so every zone's offset to UTC grows by an hour in the middle of the
week (Arizona and Hawaii keep standard time). Built on the plumbing of
:mod:`tests.traffic.blind_shapes` (calls on the callee's local clock, KYC evidence, a DNO
list, the RMD), with its own 7-day ``send`` and accounts dated from the week's start.
Weekdays are busier than weekends for offices, schools and transit; days are numbered 0
(Tue) to 6 (Mon). Each sender's story is a change in time: a sender's early days are its
own baseline for its later days.

Campaigns (each must reach ``high`` at the named entity in some window it is run in):

- ``harborview-title-escrow`` (customer, a Tampa title-and-escrow office, 9 years on the
  network, KYC verified, declared "office phones"): 4 numbers, 20-40 live office calls a
  weekday, none on weekends, for years. Its owner retired and sold the LLC with its carrier
  account: the office calls stop after Thursday (day 2); on Friday (day 3) the new owner
  orders 60 new numbers across the US (granted, verified) and from Friday to Monday sends
  a prerecorded final-expense ("burial benefit for seniors, press 1") pitch, 31 s, to a
  bought list of seniors, 3,500 to 7,000 calls a day, 9:30 am-7 pm local (Saturday and
  Monday too, half on Sunday), a third from its old office numbers. No consent records.
  47 USC 227(b)(1)(A)(iii)/(B), 47 CFR 64.1200(a)(2)-(3): prerecorded telemarketing to
  wireless and residential lines without prior express written consent.
- ``capital-relief-advisors`` (sub-account of the CPaaS reseller ``relaypoint-
  communications``): a client the reseller onboarded at 14:20 UTC on Thursday (day 2) with
  thin KYC (pending, a webmail contact, no EIN, declared "customer follow-up calls") and 40
  numbers. It ramps from 80 calls on its first afternoon to 700, 2,200, 900 (Sunday) and
  6,500 (Monday): a 36 s prerecorded "student loan forgiveness under the new federal plan,
  press 1" pitch (AMD leaves the same pitch on machines) to numbers nationwide. No consent
  records. 227(b), 64.1200(a)(2)-(3); the reseller's know-your-customer duty,
  64.1200(n)(4). The reseller's six tenants (offices, a dental group's consented
  reminders) are lawful.
- ``riverbend-orthopedics`` (customer, an Atlanta practice, 11 years, KYC verified, 24
  numbers): a hosted PBX whose SIP credentials were brute-forced. Weekdays 300-400 live
  calls to patients in business hours, a few on Saturday morning. On Saturday night (day
  4) the attacker tests the trunk with a handful of international calls, then from 22:00
  Saturday to 06:30 Sunday Eastern (02:00-10:30 UTC on day 5) pumps 11,000 prerecorded
  "Amazon: a $1,199 iPhone order on your account, press 1" calls (19 s) at callees
  nationwide (night in every zone), half presenting the practice's own numbers, half
  invented ones (its carrier signs those B), beside 1,800 calls to international
  revenue-share numbers (IRSF: blocks of consecutive numbers in Latvia, Somalia, Sierra
  Leone and Tunisia that answer and hold the line for minutes). The practice is the
  victim, but its trunk is the source that must be stopped now: 227(b) for the
  robocalls (and 64.1200(c)(1)'s 8 am-9 pm for telephone solicitation), wire fraud for
  the IRSF.
- ``Apex Transit Partners``, ``Bluewave Telecom``, ``Corridor Voice Exchange`` (upstream
  providers in the RMD): one ACA open-enrolment ("open enrolment starts today, you qualify
  for a $0 health plan, press 1") prerecorded campaign, 27 s, 12,000 calls a weekday (half
  on Sunday), each call presenting an invented number in the callee's own area code,
  unsigned or C-attested, that moves to another upstream after each one blocks it
  following a traceback: Apex on days 0-1, Bluewave on days 2-3, Corridor on days 4-6.
  Each upstream's other traffic, 14,000-22,000 calls a weekday (less at weekends), is
  ordinary signed enterprise and consumer voice. 227(b); the upstream's duty to
  mitigate traffic it carries (64.1200(n)(2)-(3), (k)(4)).
- ``sunridge-home-improvement`` (customer, 14 months old, KYC verified, declared
  "marketing calls to homeowners who requested quotes"): a "boiling frog" ramp, 20% more
  calls each day from 1,500 on Tuesday to 4,500 on Monday (no weekend pause), of a 26 s
  prerecorded windows-and-roofing pitch ("press 1 for a free estimate"; AMD leaves it on
  machines), 9 am-8 pm local, from 30 numbers of its own, to a bought list of 60,000
  homeowners. 55% of them have consent records, all ``prior_express`` (co-registration
  lead forms): a prerecorded telemarketing call needs prior express *written* consent,
  and the record type says it was not given. 64.1200(a)(2)-(3), 227(b).
- ``Harborline Networks`` (upstream provider in the RMD): during a nor'easter that cuts
  power across northern New England on Thursday afternoon (day 2), it hands over a utility
  impostor campaign ("this is Northshore Electric, your account is past due, power will
  be cut within 30 minutes, press 1 to pay"), 21 s, to the storm zone's area codes on
  days 2-4 (6,000, 7,000, 3,000 calls, 9 am-8 pm local), presenting the co-op's published
  customer-service number on three calls in five (spoofed: granted to the co-op, not on
  the DNO list) and an invented local number on the rest, C-attested or unsigned, beside
  its ordinary signed transit (15,000 a weekday). 227(b), 227(e) (spoofing to defraud),
  64.1200(n)(2)-(3).

For review (reported at least ``medium``; ``high`` is neither asked nor forbidden):

- ``commonwealth-turnout-pac`` (customer, 8 months old, declared "political voter
  contact"): on the last two evenings before the election (days 5-6, 4-8:30 pm local) a
  30 s prerecorded get-out-the-vote message to 25,000 Pennsylvania voters a day from 4
  granted numbers, signed A, no consent records. Lawful to residential landlines
  (noncommercial, up to three calls in 30 days: 64.1200(a)(3)(ii)), unlawful to wireless
  numbers without prior express consent (227(b)(1)(A)(iii)). Which callees are wireless,
  and how many calls a line has had from others this month, is not in the carrier's
  CDRs or reference data.

Lawful senders (none may reach ``high``; their own numbers are labelled lawful):

- ``hearthstone-home-furnishings`` (retailer, 8 years): prerecorded order and delivery
  notifications (22 s, press 1 to confirm, 2 to reschedule) to its customers, ~2,000 a
  weekday, 9 am-8 pm local from 12 numbers. Its Friday (day 3) doorbuster sale brings
  60,000 new customers, whose numbers and consent are taken at checkout that day; on
  Saturday (day 4) it places 20,000 order-confirmation and delivery-scheduling calls, ten
  times its usual day, then tails off. Informational prerecorded calls with prior express
  consent: 64.1200(a)(1)/(a)(3).
- ``northshore-electric-coop`` (utility, 16 years): a few hundred billing reminders a
  weekday from one number; during the storm (days 2-3) 35,000 and 28,000 outage and
  restoration notifications at any hour from 2 outage numbers, 5,000 restoration notices
  on day 4, then quiet. 85% of members have consent records (the rest gave their number
  on their account: the FCC's 2016 Edison Electric Institute ruling treats that as
  consent to outage and restoration calls).
- ``front-range-unified-schools`` (Denver school district): weekday attendance calls
  (1,500 at 10-11 am), the superintendent's Sunday-evening message (20,000 at 6-6:45 pm on
  day 5), and on Monday (day 6) a snow day: 48,000 closure calls at 5:30-6:30 am local,
  no attendance calls. Parents' and staff numbers given at enrolment (consent records);
  the FCC's 2016 Blackboard ruling.
- ``keystone-forward-votes`` (a Pennsylvania Supreme Court campaign's volunteer phone
  bank): live click-to-call from 300 granted numbers, 1,500 calls a day, exploding to
  16,000 a day on days 5-6 as volunteers flood in before the election; 12% answered,
  quick refusals and conversations. Live calls need no consent.
- ``tidewater-policy-services`` (a new call centre, opened 6 days before the week, KYC
  verified with EIN and address): policyholder service and renewal calls for a regional
  insurer with live agents on a predictive dialler (abandoned calls get the 2 s + 9 s
  identification message), ramping 300, 900, 1,800, 2,800, 900 (Saturday), none on Sunday,
  4,200 on Monday as agents finish training; every callee has a consent record.
- ``relaypoint-communications`` (CPaaS reseller, labelled lawful though one client is not)
  and its tenants (offices, a dental group's consented reminders).
- ``Piedmont Transit Networks`` (upstream, RMD): ordinary transit with a weekday/weekend
  rhythm and a Monday-morning peak.
- ``localco-*``: 40 small businesses with office phones, quiet weekends.

Campaign caller IDs are not labelled: each campaign is judged at the source that carries it.
The co-op's customer-service number (spoofed by the impostors) is not labelled either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np

from callwarden.customers import (
    ConsentType,
    CustomerKind,
    KycStatus,
    NumberGrant,
)
from callwarden.lists import DnoEntry, RmdFiling
from callwarden.numbers import classify
from tests.traffic.blind_shapes import (
    _CODES,
    _WEIGHTS,
    AREA_CODES,
    PEOPLE,
    START,
    BlindNetwork,
    Callers,
)
from tests.traffic.unseen_shapes import EXCHANGES

#: Tuesday 31 October 2023, a week before election day
WEEK = datetime(2023, 10, 31, tzinfo=UTC)
WEEK_DAYS = 7
#: ``place`` counts seconds from blind_shapes' START
SHIFT_S = (WEEK - START).total_seconds()
#: time zones of the network's area codes: blind_shapes' and a few more
ZONES: dict[int, str] = {code: zone for code, (zone, _) in AREA_CODES.items()} | {
    508: "America/New_York", 781: "America/New_York", 978: "America/New_York",
    207: "America/New_York", 757: "America/New_York", 540: "America/New_York",
    703: "America/New_York", 678: "America/New_York", 770: "America/New_York",
}  # fmt: skip
PENNSYLVANIA = [215, 267, 412, 610, 717, 814, 484, 570, 724]
STORM_ZONE = [978, 508, 603, 207]


def weekly(weekday: int, saturday: int, sunday: int) -> list[int]:
    """Calls a day, Tuesday (day 0) to Monday (day 6)."""
    return [weekday, weekday, weekday, weekday, saturday, sunday, weekday]


#: the evidence reference of the network's consent records: an opt-in per callee
OPT_IN = "{holder}/optin/{index}"


@dataclass
class WeeklyNetwork(BlindNetwork):
    """A :class:`BlindNetwork` over seven UTC days from :data:`WEEK`, each local day at its
    own UTC offset (daylight saving time ends on day 5)."""

    id_prefix = "w"
    days = WEEK_DAYS
    start_s = SHIFT_S

    first_day = WEEK
    zones = ZONES

    # --- accounts ------------------------------------------------------------------------------
    def grant(
        self,
        customer_id: str,
        count: int,
        npa: int | Sequence[int] | None = None,
        *,
        since: datetime,
    ) -> list[str]:
        granted = self.numbers(count, npa)
        self.grants.extend(
            NumberGrant(number, customer_id, since=since, verified=True) for number in granted
        )
        return granted

    # --- which number a call presents ----------------------------------------------------------
    def invented_local(self) -> Callers:
        """An invented number in the callee's area code (another exchange), per call."""

        def callers(called: list[str], _day: int) -> list[str]:
            exchanges = self.rng.choice(EXCHANGES, len(called))
            lines = self.rng.integers(0, 10_000, len(called))
            return [
                f"{number[:5]}{int(x):03d}{int(line):04d}"
                for number, x, line in zip(called, exchanges, lines, strict=True)
            ]

        return callers

    # --- the calls -----------------------------------------------------------------------------
    def local_businesses(self, count: int, prefix: str) -> None:
        """``count`` lawful small businesses calling mostly their town on weekdays, a
        quarter as much on Saturday mornings, almost nothing on Sunday."""
        for business in range(count):
            name = f"{prefix}-{business}"
            town = int(self.rng.choice(_CODES, p=_WEIGHTS))
            age = int(self.rng.integers(60, 4000))
            phones = self.account(name, "office phones", opened=WEEK - timedelta(days=age),
                                  numbers=int(self.rng.integers(1, 5)), npa=town)  # fmt: skip
            self.lawful(phones)
            neighbours = self.numbers(2000, town) + self.numbers(600)
            daily = int(self.rng.integers(15, 250))
            self.send(weekly(daily, 0, 0), customer=name, callers=self.rotate(phones),
                      callees=neighbours, durations=self.live(180), answered=0.5,
                      when=self.between(8, 18), unanswered=PEOPLE)  # fmt: skip
            self.send(weekly(0, daily // 4, daily // 30), customer=name,
                      callers=self.rotate(phones), callees=neighbours, durations=self.live(150),
                      answered=0.45, when=self.between(9, 14), unanswered=PEOPLE)  # fmt: skip


def _revenue_share_ranges(network: WeeklyNetwork, blocks: int, size: int) -> list[str]:
    """``blocks`` ranges of ``size`` consecutive international numbers of the kind IRSF
    traders lease (Latvia, Somalia, Sierra Leone, Tunisia)."""
    prefixes = ["+3716", "+25261", "+23276", "+21650"]
    out: list[str] = []
    while len(out) < blocks * size:
        prefix = str(network.rng.choice(prefixes))
        head = "".join(map(str, network.rng.integers(0, 10, 12 - len(prefix) - 2)))
        block = [f"{prefix}{head}{line:02d}" for line in range(size)]
        if all(classify(number) == "international" for number in block):
            out.extend(block)
    return out


def build(seed: int, volume: float = 1.0) -> WeeklyNetwork:
    """The network of the module docstring; ``volume`` scales every sender's calls."""
    n = WeeklyNetwork(seed, volume)

    def years(count: float) -> datetime:
        return WEEK - timedelta(days=round(365 * count))

    office = n.between(9, 17.5)
    office_talk = n.live(150)
    n.dno.extend(DnoEntry(number, "inbound only (customer service)") for number in n.numbers(300))

    # --- campaigns ------------------------------------------------------------------------
    # a dormant office account sold with its carrier account
    sold = WEEK + timedelta(days=3, hours=13)
    old_desk = n.account("harborview-title-escrow", "office phones (title and escrow)",
                         opened=years(9), campaign=True, numbers=4, npa=813, ein="59-3318842",
                         address="4010 W Boy Scout Blvd, Tampa FL")  # fmt: skip
    clients = n.numbers(800, 813) + n.numbers(300, [305, 407])
    n.send([30, 25, 35, 0, 0, 0, 0], customer="harborview-title-escrow",
           callers=n.rotate(old_desk), callees=clients, durations=office_talk, answered=0.55,
           when=office, unanswered=PEOPLE)  # fmt: skip
    new_lines = n.grant("harborview-title-escrow", 60, since=sold)
    seniors = n.numbers(150_000)
    final_expense = n.press_one(31, transfer=0.04, hang_ups=0.55, agent_median_s=420)
    n.send([0, 0, 0, 3500, 5000, 2500, 7000], customer="harborview-title-escrow",
           callers=n.drawn([(1, n.rotate(old_desk)), (2, n.rotate(new_lines))]),
           callees=seniors, durations=final_expense, answered=0.13,
           when=n.between(9.5, 19))  # fmt: skip

    # a reseller's new client ramping up
    n.account("relaypoint-communications", "CPaaS: programmable voice and SIP trunks for "
              "businesses", opened=years(6), kind=CustomerKind.RESELLER,
              ein="84-2210937")  # fmt: skip
    tenants = ["ridgeview-family-dental", "ostrander-law-group", "cascade-roofing-supply",
               "mapleton-insurance-agency", "harbor-light-counseling"]  # fmt: skip
    for tenant in tenants:
        town = int(n.rng.choice(_CODES, p=_WEIGHTS))
        desk = n.account(tenant, "office phones", parent="relaypoint-communications",
                         opened=years(float(n.rng.uniform(0.5, 5))), numbers=4,
                         npa=town)  # fmt: skip
        n.lawful(desk)
        n.send(weekly(int(n.rng.integers(60, 250)), 10, 0), customer="relaypoint-communications",
               sub_account=tenant, callers=n.rotate(desk), callees=n.numbers(3000, town),
               durations=office_talk, answered=0.5, when=office, unanswered=PEOPLE)  # fmt: skip
    reminders = n.account("bayside-dental-partners", "patient appointment reminders",
                          parent="relaypoint-communications", opened=years(3), numbers=6,
                          npa=[206, 503])  # fmt: skip
    n.lawful(reminders)
    patients = n.numbers(30_000, [206, 503])
    n.consented_at("bayside-dental-partners", patients, years(1), evidence=OPT_IN)
    n.send(weekly(600, 150, 0), customer="relaypoint-communications",
           sub_account="bayside-dental-partners", callers=n.rotate(reminders), callees=patients,
           durations=n.message(24, hang_ups=0.1, voicemail=0.3), answered=0.6,
           when=n.between(10, 17))  # fmt: skip
    opened = WEEK + timedelta(days=2, hours=14, minutes=20)
    relief = n.account("capital-relief-advisors", "customer follow-up calls", opened=opened,
                       campaign=True, kyc=KycStatus.PENDING, parent="relaypoint-communications",
                       numbers=40, email="capitalreliefadvisors@gmail.com")  # fmt: skip
    student_loans = n.mix([
        (0.72, n.press_one(36, transfer=0.05, hang_ups=0.5, agent_median_s=600)),
        (0.28, n.message(36, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    n.send([0, 0, 80, 700, 2200, 900, 6500], customer="relaypoint-communications",
           sub_account="capital-relief-advisors", callers=n.rotate(relief),
           durations=student_loans, answered=0.16, when=n.between(12, 19.5))  # fmt: skip

    # a hacked PBX on Saturday night
    practice = n.account("riverbend-orthopedics", "medical practice phones (hosted PBX)",
                         opened=years(11), numbers=24, npa=404, ein="58-2087731",
                         address="1100 Peachtree Industrial Blvd, Atlanta GA",
                         campaign=True)  # fmt: skip
    atlanta = n.numbers(20_000, [404, 678, 770])
    n.send(weekly(350, 0, 0), customer="riverbend-orthopedics", callers=n.rotate(practice),
           callees=atlanta, durations=n.live(130), answered=0.5, when=n.between(8, 17),
           unanswered=PEOPLE)  # fmt: skip
    n.send(weekly(0, 25, 0), customer="riverbend-orthopedics", callers=n.rotate(practice),
           callees=atlanta, durations=n.live(130), answered=0.5, when=n.between(9, 12),
           unanswered=PEOPLE)  # fmt: skip
    irsf = _revenue_share_ranges(n, 8, 40)

    def holding(count: int) -> np.ndarray:
        """A revenue-share number answers and holds the line (minutes, capped at an hour)."""
        return np.minimum(3600, n.live(420, 0.7)(count))

    n.send(n.only(4, 30), customer="riverbend-orthopedics", callers=n.rotate(practice),
           callees=irsf, durations=holding, answered=0.8, when=n.between(23, 24), clock="utc",
           unanswered={486: 0.5, 480: 0.5})  # fmt: skip
    n.send(n.only(5, 1800), customer="riverbend-orthopedics", callers=n.rotate(practice),
           callees=irsf, durations=holding, answered=0.8, when=n.between(2, 10.5), clock="utc",
           unanswered={486: 0.5, 480: 0.5})  # fmt: skip
    n.send(n.only(5, 5500), customer="riverbend-orthopedics", callers=n.rotate(practice),
           durations=n.press_one(19, transfer=0.03, hang_ups=0.5, agent_median_s=480),
           answered=0.07, when=n.between(2, 10.5), clock="utc")  # fmt: skip
    n.send(n.only(5, 5500), customer="riverbend-orthopedics", callers=n.fresh(),
           durations=n.press_one(19, transfer=0.03, hang_ups=0.5, agent_median_s=480),
           answered=0.07, when=n.between(2, 10.5), clock="utc", attestation="B")  # fmt: skip

    # one campaign hopping between upstreams, each with its own clean transit
    enrolment = n.press_one(27, transfer=0.03, hang_ups=0.6, agent_median_s=900)
    hops = {
        "Apex Transit Partners": (0, 1, 22_000),
        "Bluewave Telecom": (2, 3, 14_000),
        "Corridor Voice Exchange": (4, 6, 18_000),
    }
    for frn, (upstream, (first, last, clean)) in enumerate(hops.items(), start=41):
        n.rmd.append(RmdFiling(f"00{frn}", upstream, "Complete STIR/SHAKEN Implementation"))
        n.campaign["upstream_provider", upstream] = True
        schedule = [
            (6000 if day == 5 else 12_000) if first <= day <= last else 0
            for day in range(WEEK_DAYS)
        ]
        n.send(
            schedule,
            upstream=upstream,
            callers=n.invented_local(),
            durations=enrolment,
            answered=0.12,
            when=n.between(9, 20),
            attestation={None: 0.55, "C": 0.45},
        )
        enterprises = n.numbers(1500)
        n.lawful(enterprises)
        n.send(weekly(clean, clean // 3, clean // 5), upstream=upstream,
               callers=n.rotate(enterprises), durations=n.live(160), answered=0.42,
               when=n.between(8, 19), attestation={"A": 0.7, "B": 0.25, None: 0.05},
               unanswered=PEOPLE)  # fmt: skip
        n.send(weekly(clean // 6, clean // 5, clean // 5), upstream=upstream, callers=n.fresh(),
               durations=n.live(240), answered=0.5, when=n.between(9, 22),
               attestation={"B": 0.5, None: 0.5}, unanswered=PEOPLE)  # fmt: skip

    # a boiling frog
    frog = n.account("sunridge-home-improvement", "marketing calls to homeowners who "
                     "requested quotes", opened=WEEK - timedelta(days=425), campaign=True,
                     numbers=30, ein="27-1190455")  # fmt: skip
    homeowners = n.numbers(60_000)
    n.consented_at("sunridge-home-improvement", homeowners, WEEK - timedelta(days=40),
                   kind=ConsentType.PRIOR_EXPRESS, share=0.55, evidence=OPT_IN)  # fmt: skip
    windows = n.mix([
        (0.75, n.press_one(26, transfer=0.04, hang_ups=0.55, agent_median_s=360)),
        (0.25, n.message(26, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    n.send([round(1500 * 1.2**day) for day in range(WEEK_DAYS)],
           customer="sunridge-home-improvement", callers=n.rotate(frog), callees=homeowners,
           durations=windows, answered=0.18, when=n.between(9, 20))  # fmt: skip

    # a storm, its utility, and its impostors
    coop_service = n.numbers(1, 978)
    outage_lines = n.account("northshore-electric-coop", "member notifications: outages, "
                             "restoration, billing", opened=years(16), numbers=2, npa=978,
                             ein="04-1587230")  # fmt: skip
    n.grants.append(NumberGrant(coop_service[0], "northshore-electric-coop", years(16), True))
    billing_line = n.grant("northshore-electric-coop", 1, 978, since=years(16))
    n.lawful(outage_lines + billing_line)
    members = n.numbers(90_000, STORM_ZONE)
    n.consented_at("northshore-electric-coop", members, years(3), share=0.85, evidence=OPT_IN)
    n.send(weekly(400, 0, 0), customer="northshore-electric-coop",
           callers=n.rotate(billing_line), callees=members,
           durations=n.message(28, hang_ups=0.2, voicemail=0.3), answered=0.5,
           when=n.between(10, 18))  # fmt: skip
    outage = n.message(35, hang_ups=0.25, voicemail=0.3)
    storm_night = {15: 0.6, 16: 1.0, 17: 1.5, 18: 2.0, 19: 2.2, 20: 2.0, 21: 1.8, 22: 1.5,
                   23: 1.2, 24: 0.8, 25: 0.6, 26: 0.5, 27: 0.4, 28: 0.4, 29: 0.5}  # fmt: skip
    n.send(n.only(2, 35_000), customer="northshore-electric-coop", callers=n.rotate(outage_lines),
           callees=members, durations=outage, answered=0.45,
           when=n.by_hour(storm_night))  # fmt: skip
    restoring = {6: 0.8, 7: 1.0, 8: 1.2, 9: 1.2, 10: 1.2, 11: 1.2, 12: 1.2, 13: 1.2, 14: 1.2,
                 15: 1.2, 16: 1.2, 17: 1.2, 18: 1.2, 19: 1.0, 20: 1.0, 21: 0.8, 22: 0.6,
                 23: 0.5, 24: 0.3, 25: 0.3}  # fmt: skip
    n.send(n.only(3, 28_000), customer="northshore-electric-coop", callers=n.rotate(outage_lines),
           callees=members, durations=outage, answered=0.5,
           when=n.by_hour(restoring))  # fmt: skip
    n.send(n.only(4, 5000), customer="northshore-electric-coop", callers=n.rotate(outage_lines),
           callees=members, durations=outage, answered=0.5, when=n.between(8, 20))  # fmt: skip

    n.rmd.append(RmdFiling("0051", "Harborline Networks", "Complete STIR/SHAKEN Implementation"))
    n.campaign["upstream_provider", "Harborline Networks"] = True
    impostor = n.press_one(21, transfer=0.06, hang_ups=0.45, agent_median_s=240)
    n.send([0, 0, 6000, 7000, 3000, 0, 0], upstream="Harborline Networks",
           callers=n.drawn([(3, n.rotate(coop_service)), (2, n.invented_local())]),
           callees=n.numbers(200_000, STORM_ZONE), durations=impostor, answered=0.3,
           when=n.between(9, 20), attestation={"C": 0.6, None: 0.4})  # fmt: skip
    harborline = n.numbers(1200)
    n.lawful(harborline)
    n.send(weekly(15_000, 5000, 3000), upstream="Harborline Networks",
           callers=n.rotate(harborline), durations=n.live(160), answered=0.42,
           when=n.between(8, 19), attestation={"A": 0.7, "B": 0.25, None: 0.05},
           unanswered=PEOPLE)  # fmt: skip

    # --- for review -----------------------------------------------------------------------
    pac_lines = n.account("commonwealth-turnout-pac", "political voter contact",
                          opened=WEEK - timedelta(days=240), numbers=4, npa=PENNSYLVANIA,
                          ein="88-0457120")  # fmt: skip
    del n.campaign["customer", "commonwealth-turnout-pac"]
    n.review.add(("customer", "commonwealth-turnout-pac"))
    voters = n.numbers(250_000, PENNSYLVANIA)
    n.send([0, 0, 0, 0, 0, 25_000, 25_000], customer="commonwealth-turnout-pac",
           callers=n.rotate(pac_lines), callees=voters,
           durations=n.message(30, hang_ups=0.35, voicemail=0.3), answered=0.3,
           when=n.between(16, 20.5))  # fmt: skip

    # --- lawful ---------------------------------------------------------------------------
    store = n.account("hearthstone-home-furnishings", "order and delivery notifications to "
                      "our customers", opened=years(8), numbers=12, ein="41-1702298")  # fmt: skip
    n.lawful(store)
    customers = n.numbers(150_000)
    n.consented_at("hearthstone-home-furnishings", customers, years(2), evidence=OPT_IN)
    sale_day = WEEK + timedelta(days=3, hours=4)
    buyers = n.numbers(60_000)
    n.consented_at("hearthstone-home-furnishings", buyers, sale_day, evidence=OPT_IN)
    delivery = n.mix([
        (0.72, n.message(22, hang_ups=0.1, voicemail=0.3)),
        (0.23, lambda count: n.rng.integers(8, 22, count) + 4),  # pressed 1 or 2 in it
        (0.05, lambda count: 22 + n.rng.integers(5, 60, count) + n.live(180)(count)),
    ])  # fmt: skip
    n.send(weekly(2000, 2200, 500), customer="hearthstone-home-furnishings",
           callers=n.rotate(store), callees=customers, durations=delivery, answered=0.55,
           when=n.between(9, 20))  # fmt: skip
    n.send([0, 0, 0, 800, 18_000, 1500, 3000], customer="hearthstone-home-furnishings",
           callers=n.rotate(store), callees=buyers, durations=delivery, answered=0.55,
           when=n.between(9, 20))  # fmt: skip

    district = n.account("front-range-unified-schools", "parent and staff notifications: "
                         "attendance, closures, emergencies", opened=years(12), numbers=3,
                         npa=303, ein="84-6000594")  # fmt: skip
    n.lawful(district)
    families = n.numbers(60_000, [303, 720])
    n.consented_at("front-range-unified-schools", families, years(1.2), evidence=OPT_IN)
    notice = n.message(28, hang_ups=0.15, voicemail=0.35)
    n.send([1500, 1500, 1500, 1500, 0, 0, 0], customer="front-range-unified-schools",
           callers=n.rotate(district), callees=families, durations=notice, answered=0.5,
           when=n.between(10, 11))  # fmt: skip
    n.send(n.only(5, 20_000), customer="front-range-unified-schools", callers=n.rotate(district),
           callees=families, durations=notice, answered=0.5,
           when=n.between(18, 18.75))  # fmt: skip
    n.send(n.only(6, 48_000), customer="front-range-unified-schools", callers=n.rotate(district),
           callees=families, durations=notice, answered=0.45,
           when=n.between(5.5, 6.5))  # fmt: skip

    volunteers = n.account("keystone-forward-votes", "volunteer phone banking (live callers) "
                           "for a state supreme court campaign", opened=WEEK - timedelta(
                           days=150), numbers=300, npa=PENNSYLVANIA,
                           ein="87-2093341")  # fmt: skip
    n.lawful(volunteers)
    talk = n.mix([(0.35, n.between_s(3, 15)), (0.65, n.live(90, 0.7))])
    n.send([1500, 1500, 1500, 1500, 1500, 16_000, 16_000], customer="keystone-forward-votes",
           callers=n.rotate(volunteers), callees=voters, durations=talk, answered=0.12,
           when=n.by_hour({11: 0.5, 12: 0.6, 13: 0.7, 14: 0.7, 15: 0.8, 16: 1.0, 17: 1.3,
                           18: 1.5, 19: 1.5, 20: 0.8}), unanswered=PEOPLE)  # fmt: skip

    agents = n.account("tidewater-policy-services", "policyholder service and renewal calls "
                       "for a regional auto insurer (live agents, predictive dialer)",
                       opened=WEEK - timedelta(days=6), numbers=40, npa=757,
                       ein="54-2291174", address="999 Waterside Dr, Norfolk VA",
                       email="compliance@tidewaterpolicy.com")  # fmt: skip
    n.lawful(agents)
    policyholders = n.numbers(120_000, [757, 804, 540, 703, 919, 704, 410])
    n.consented_at("tidewater-policy-services", policyholders, years(2),
                   kind=ConsentType.PRIOR_EXPRESS_WRITTEN, evidence=OPT_IN)  # fmt: skip
    predictive = n.predictive_dialler(170)
    n.send([300, 900, 1800, 2800, 900, 0, 4200], customer="tidewater-policy-services",
           callers=n.rotate(agents), callees=policyholders, durations=predictive,
           answered=0.3, when=n.between(9, 20))  # fmt: skip

    n.rmd.append(RmdFiling("0052", "Piedmont Transit Networks", "Complete STIR/SHAKEN "
                           "Implementation"))  # fmt: skip
    n.campaign["upstream_provider", "Piedmont Transit Networks"] = False
    piedmont = n.numbers(1500)
    n.lawful(piedmont)
    n.send(weekly(25_000, 8000, 4000), upstream="Piedmont Transit Networks",
           callers=n.rotate(piedmont), durations=n.live(160), answered=0.42,
           when=n.by_hour({8: 1.0, 9: 1.4, 10: 1.3, 11: 1.2, 12: 0.9, 13: 1.1, 14: 1.1,
                           15: 1.0, 16: 0.9, 17: 0.6, 18: 0.3}),
           attestation={"A": 0.7, "B": 0.25, None: 0.05}, unanswered=PEOPLE)  # fmt: skip
    n.send(n.only(6, 8000), upstream="Piedmont Transit Networks", callers=n.rotate(piedmont),
           durations=n.live(160), answered=0.42, when=n.between(8, 11),
           attestation={"A": 0.7, "B": 0.25, None: 0.05}, unanswered=PEOPLE)  # fmt: skip

    n.local_businesses(40, "localco")
    return n
