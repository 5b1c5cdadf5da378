"""An evasive network: operators who know their carrier watches its traffic and shape their
calls to stay under its radar, beside lawful senders whose traffic looks like robocalling.
Three UTC days from Tuesday 17 October 2023, built on the plumbing of
:mod:`tests.traffic.blind_shapes` (calls on the callee's local clock, KYC evidence, a DNO
list). Every campaign breaks 47 USC 227(b) / 47 CFR 64.1200(a) (prerecorded or
artificial-voice calls to wireless and residential lines without the called party's prior
express consent; in writing for telemarketing), and some also 64.1200(k)/(o) or
64.6305(g)-style carrier duties; none holds a consent record for its callees.

Campaigns (each must reach ``high`` at its own entity in some window):

- ``clearpath-benefit-services`` (customer): a prerecorded "benefits review" pitch recorded
  in five or six versions of 18-45 s, the dialler rotating them per call (an A/B test of
  scripts that also blurs a single duration spike), from 60 of its own numbers, to a
  purchased list, 10 am-7:30 pm local. Operators vary recordings once they learn that
  carriers look for one message length.
- snowshoe (15 customers, ``*-outreach``, ``*-marketing`` ...): one operator's vehicle
  service contract robocall split over 15 accounts opened 5-25 days ago by the same people
  (one registered-agent address, look-alike webmail contacts, consecutive EINs), each with
  4 numbers and 150-300 calls a day whatever the network's volume, the same 26-42 s
  recording, to one shared purchased list. Low-and-slow "snowshoeing" keeps every account
  below per-account volume limits.
- ``patriot-home-warranty`` (customer): a dialler whose answered calls go to a live agent
  when one is free (30-40%) and otherwise play a 22-36 s recorded pitch (the rest), so that
  the account's durations look partly live; declared "customer callbacks (live agents)".
- ``sunrise-final-expense`` (customer): a final-expense insurance press-1 recording
  (30-45 s) to a "warm" list bought from a lead generator (web-form leads, no consent to
  this seller), so half the calls are answered; calls spread evenly over 8 am-9 pm local;
  150 caller IDs it was never granted (its provider signed them B: the customer known, the
  numbers not).
- ``vanguard-auto-shield`` (customer): press-1 "auto warranty" recording (18-30 s)
  presenting a fresh number per call in the callee's own area code but another exchange ("near
  neighbour" spoofing that dodges exact NPA-NXX matching), B-attested, a new account with
  KYC pending and a webmail contact.
- ``premier-debt-relief-center`` (sub-account of the dialer platform ``dialsphere-cloud``):
  a hit-list dialler working through a purchased block of consecutive numbers (whole
  exchanges in Tampa's 813) in shuffled order, so no run of number order shows; about a
  third of the block is unassigned or disconnected (SIP 404 Not Found / 410 Gone on every
  try), the rest hear a 22-40 s debt-relief recording.
- ``Meridian Voice Exchange`` (upstream provider, in the RMD): wholesale transit that is
  85% ordinary signed enterprise traffic, with a 15% slice of unsigned "your Amazon order"
  press-1 recordings (20-35 s) from invented numbers (a fresh one per call) handed over
  by one of its own upstreams; 64.1200(n)(2)/(k)(4) make its downstream block the slice once known.

Legitimate senders (must never reach ``high``):

- ``maple-valley-schools``: a district's attendance line; a 25-40 s TTS message (the
  student's name makes it +-2 s) to the parents of absent students, every school day at
  9-10 am, from two numbers; every parent consented on enrolment (informational calls,
  FCC's 2016 Blackboard ruling).
- ``Laurel Highlands Telephone`` (upstream, a small rural carrier in the RMD whose TDM
  network does not sign): its subscribers' calls plus a state senate campaign's volunteer
  phone bank on a hosted predictive dialler (60 campaign numbers, evenings), live calls
  with many abandons and machine drops. Live political calls need no consent, and the 3%
  abandonment cap of 64.1200(a)(7) binds telemarketing only; a predictive dialler that
  dials from a list is not an autodialer (Facebook v. Duguid, 2021).
- ``cascade-valley-electric``: an electric co-op's prerecorded planned-outage notice
  (35-55 s) to every account in the exchanges of the work area, dialled in number order
  by its notification platform, on two of the three days; customers gave these numbers to the
  utility (informational, FCC's 2016 Edison Electric Institute ruling), all consented.
- ``northstar-health-system``: a hospital network's appointment reminders ("press 1 to
  confirm") rotating over 120 clinic numbers it holds, to consenting patients in three
  metro areas, 9 am-7 pm.
- ``calltrack-analytics``: a call-tracking service that forwards calls to its clients'
  tracking numbers on to 600 business lines, presenting each original caller's number
  (signed B or C): thousands of caller IDs it was never granted, each seen once or twice.
- ``hope-harbor-childrens-fund``: a 501(c)(3)'s live fundraising calls to past donors
  (nonprofits are outside the Do-Not-Call rules, live calls need no consent), predictive
  dialling with short hang-ups, no consent records.
- ``dialsphere-cloud`` (dialer platform, labelled legitimate though one client is not) and
  its clients ``coastal-insurance-agency`` (live agents), ``metro-dental-group``
  (consented reminders) and ``lakeside-property-mgmt`` (live).
- ``Great Lakes Transit`` (upstream): clean transit: signed enterprise live calls and a
  pharmacy chain's consented reminders (18-30 s, A-attested).
- 40 small businesses with office phones.

For review (reported at least ``medium``, not ``high``):

- ``sunstate-roofing-solar``: a long-standing, verified home-improvement company whose
  live agents make sales calls from 7 am and up to 10 pm local, a fifth of them outside
  8 am-9 pm (64.1200(c)(1)). The breach is real, but the calls are live, modest in volume
  and made by an identified business under its own numbers: a compliance notice and
  watching, not blocking its lines.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from callwarden.customers import CustomerKind, KycStatus
from callwarden.lists import DnoEntry, RmdFiling
from tests.traffic.blind_shapes import (
    DAYS,
    DIALLER,
    PEOPLE,
    UTC_OFFSET_S,
    Attestation,
    BlindNetwork,
    Callers,
)
from tests.traffic.unseen_shapes import EXCHANGES, Durations


@dataclass
class EvasiveNetwork(BlindNetwork):
    """A :class:`BlindNetwork` that can also dial a list in a given order."""

    id_prefix = "e"

    def dial(
        self,
        day_lists: Sequence[Sequence[str]],
        *,
        first: float,
        last: float,
        callers: Callers,
        durations: Durations,
        answered: float,
        customer: str | None = None,
        sub_account: str | None = None,
        upstream: str | None = None,
        attestation: Attestation = "A",
        unanswered: Mapping[int, float] = DIALLER,
        gone: frozenset[str] = frozenset(),
    ) -> None:
        """Dial ``day_lists[d]`` on local day ``d`` in the order given, paced evenly
        between ``first`` and ``last`` local hours. A number in ``gone`` is not in service:
        every call to it ends in 404 or 410."""
        for day, listed in enumerate(day_lists):
            count = len(listed)
            if count == 0:
                continue
            local = np.sort(self.rng.uniform(first, last, count))
            offsets = np.array([UTC_OFFSET_S[number[2:5]] for number in listed])
            seconds = day * 86_400 + local * 3600 - offsets
            kept = np.flatnonzero((seconds >= 0) & (seconds < DAYS * 86_400))
            called = [listed[i] for i in kept.tolist()]
            seconds = seconds[kept]
            count = len(called)
            dead = np.array([number in gone for number in called], dtype=bool)
            picked_up = ~dead & (self.rng.random(count) < answered)
            self.place(called, seconds, day, picked_up, unanswered, callers=callers,
                       durations=durations, customer=customer, sub_account=sub_account,
                       upstream=upstream, attestation=attestation,
                       out_of_service=dead)  # fmt: skip

    def near_neighbour(self) -> Callers:
        """A fresh number per call in the callee's area code, never its exchange."""

        def callers(called: list[str], _day: int) -> list[str]:
            exchanges = self.rng.choice(EXCHANGES, len(called))
            lines = self.rng.integers(0, 10_000, len(called))
            out = []
            for number, drawn, line in zip(called, exchanges, lines, strict=True):
                exchange = int(drawn)
                while f"{exchange:03d}" == number[5:8]:
                    exchange = int(self.rng.choice(EXCHANGES))
                out.append(f"{number[:5]}{exchange:03d}{line:04d}")
            return out

        return callers

    def whatever_volume(self, per_day: int) -> int:
        """``per_day`` calls at every ``volume`` (``send`` scales by it)."""
        return max(1, round(per_day / self.volume))


SNOWSHOE = [
    "bluecrest-outreach", "northgate-marketing", "silverline-connect", "redwood-reach",
    "oakmont-media-group", "clearview-dialing", "summit-peak-leads", "ironwood-contact",
    "lakeshore-reach-llc", "pinnacle-voice-solutions", "harbor-point-marketing",
    "granite-bay-outreach", "eastfield-connections", "westbrook-lead-services",
    "crescent-moon-media",
]  # fmt: skip


def build(seed: int, volume: float = 1.0) -> EvasiveNetwork:
    """The network of the module docstring; ``volume`` scales every sender's calls except
    the snowshoe accounts', which keep 150-300 a day each."""
    n = EvasiveNetwork(seed, volume)

    def seconds(shortest: int, longest: int) -> int:
        """A recording's length, which varies with the seed."""
        return int(n.rng.integers(shortest, longest + 1))

    us_list = n.numbers(120_000)  # a purchased consumer list several campaigns draw on

    # --- campaigns ------------------------------------------------------------------------
    # five or six recorded versions of one pitch, rotated per call
    lengths = [18, 23, 28, 33, 39, 45]
    if n.rng.random() < 0.5:
        del lengths[int(n.rng.integers(1, 5))]
    lengths = [min(45, max(18, length + int(n.rng.integers(-1, 2)))) for length in lengths]
    versions = n.mix([(1.0, n.message(length, hang_ups=0.4, voicemail=0.3)) for length in lengths])
    clearpath = n.account("clearpath-benefit-services", "customer service notifications",
                          campaign=True, age_days=120, numbers=60, ein="87-2290451",
                          email="compliance@clearpathbenefit.com")  # fmt: skip
    n.send(9000, customer="clearpath-benefit-services", callers=n.rotate(clearpath),
           callees=us_list, durations=versions, answered=0.3,
           when=n.between(10, 19.5))  # fmt: skip

    # snowshoe: one operator, 15 thin new accounts, one script
    shared_list = n.numbers(50_000)
    warranty = n.message(seconds(26, 42), hang_ups=0.45, voicemail=0.25)
    for index, name in enumerate(SNOWSHOE):
        held = n.account(name, "appointment setting" if index % 2 else "customer follow-up",
                         campaign=True, kyc=KycStatus.PENDING if index % 3 else
                         KycStatus.VERIFIED, age_days=int(n.rng.integers(5, 26)), numbers=4,
                         ein=f"92-31{index + 40:02d}877",
                         email=f"{name.split('-')[0]}.team{index}@gmail.com")  # fmt: skip
        n.customers[-1] = replace(n.customers[-1], address="8 The Green, Suite B, Dover DE 19901")
        n.send(n.whatever_volume(int(n.rng.integers(150, 301))), customer=name,
               callers=n.rotate(held), callees=shared_list, durations=warranty,
               answered=0.25, when=n.between(9, 20))  # fmt: skip

    # a third live agents, two thirds a recording when no agent is free
    agent_share = float(n.rng.uniform(0.3, 0.4))
    agents = n.account("patriot-home-warranty", "customer callbacks (live agents)",
                       campaign=True, age_days=300, numbers=50, ein="46-1178230")  # fmt: skip
    n.send(7000, customer="patriot-home-warranty", callers=n.rotate(agents), callees=us_list,
           durations=n.mix([(agent_share, n.live(140)),
                            (1 - agent_share, n.message(seconds(22, 36), hang_ups=0.4,
                                                        voicemail=0.3))]),
           answered=0.22, when=n.between(9, 20))  # fmt: skip

    # a warm purchased list, evenly paced over the lawful hours, numbers not its own
    n.account("sunrise-final-expense", "insurance lead follow-up", campaign=True,
              age_days=60, numbers=5, ein="83-4410927",
              email="sunrisefinalexpense@outlook.com")  # fmt: skip
    leads = n.numbers(30_000)
    borrowed = n.numbers(150)
    n.send(6000, customer="sunrise-final-expense", callers=n.rotate(borrowed), callees=leads,
           durations=n.press_one(seconds(30, 45), transfer=0.08, hang_ups=0.35, agent_median_s=240),
           answered=0.48, when=n.between(8, 21), attestation="B")  # fmt: skip

    # near-neighbour spoofing: the callee's area code, another exchange, fresh per call
    n.account("vanguard-auto-shield", "customer notifications", campaign=True,
              kyc=KycStatus.PENDING, age_days=35, numbers=3,
              email="vanguardautoshield@gmail.com")  # fmt: skip
    n.send(10_000, customer="vanguard-auto-shield", callers=n.near_neighbour(),
           durations=n.press_one(seconds(18, 30), transfer=0.04, hang_ups=0.55, agent_median_s=300),
           answered=0.18, when=n.between(9.5, 19.5), attestation="B")  # fmt: skip

    # a dialer platform, its lawful clients, and a hit-list client working a bought block
    n.account("dialsphere-cloud", "hosted predictive and preview dialer for contact centres",
              kind=CustomerKind.RESELLER, age_days=1500, ein="27-3390115")  # fmt: skip
    debt = n.account("premier-debt-relief-center", "debt consolidation customer service",
                     campaign=True, parent="dialsphere-cloud", kyc=KycStatus.PENDING,
                     age_days=20, numbers=20, npa=813,
                     email="premierdebtrelief@gmail.com")  # fmt: skip
    exchanges = [f"+1813{x}" for x in n.rng.choice(EXCHANGES, 6, replace=False)]
    block = [f"{exchange}{line:04d}" for exchange in exchanges for line in range(10_000)]
    block = block[: round(len(block) * volume)]
    not_in_service = frozenset(
        block[i] for i in np.flatnonzero(n.rng.random(len(block)) < 0.35).tolist()
    )
    order = n.rng.permutation(len(block))
    per_day = round(len(block) * 0.2)
    hit_days = [[block[i] for i in order[d * per_day : (d + 1) * per_day]] for d in range(DAYS)]
    n.dial(hit_days, first=10, last=18, customer="dialsphere-cloud",
           sub_account="premier-debt-relief-center", callers=n.rotate(debt),
           durations=n.message(seconds(22, 40), hang_ups=0.45, voicemail=0.3), answered=0.22,
           gone=not_in_service)  # fmt: skip
    insurance = n.account("coastal-insurance-agency", "insurance agents' outbound calls",
                          parent="dialsphere-cloud", age_days=900, numbers=15,
                          npa=[305, 407, 813])  # fmt: skip
    n.lawful(insurance)
    n.send(1500, customer="dialsphere-cloud", sub_account="coastal-insurance-agency",
           callers=n.rotate(insurance), callees=n.numbers(20_000, [305, 407, 813]),
           durations=n.live(120), answered=0.3, when=n.between(9, 19))  # fmt: skip
    dental = n.account("metro-dental-group", "patient appointment reminders",
                       parent="dialsphere-cloud", age_days=1300, numbers=4, npa=404)  # fmt: skip
    n.lawful(dental)
    patients = n.numbers(15_000, 404)
    n.consented("metro-dental-group", patients)
    n.send(800, customer="dialsphere-cloud", sub_account="metro-dental-group",
           callers=n.rotate(dental), callees=patients,
           durations=n.message(24, hang_ups=0.15, voicemail=0.35), answered=0.55,
           when=n.between(10, 17))  # fmt: skip
    property_mgmt = n.account("lakeside-property-mgmt", "tenant and owner calls",
                              parent="dialsphere-cloud", age_days=700, numbers=3,
                              npa=312)  # fmt: skip
    n.lawful(property_mgmt)
    n.send(400, customer="dialsphere-cloud", sub_account="lakeside-property-mgmt",
           callers=n.rotate(property_mgmt), callees=n.numbers(4000, [312, 773]),
           durations=n.live(200), answered=0.5, when=n.between(9, 18),
           unanswered=PEOPLE)  # fmt: skip

    # an upstream whose transit is 85% clean and 15% spoofed unsigned recordings
    n.rmd.append(
        RmdFiling("0041", "Meridian Voice Exchange", "Complete STIR/SHAKEN Implementation")
    )
    n.campaign["upstream_provider", "Meridian Voice Exchange"] = True
    clients = n.numbers(2500)
    n.send(34_000, upstream="Meridian Voice Exchange", callers=n.rotate(clients),
           durations=n.live(150), answered=0.42, when=n.between(8, 20),
           attestation={"A": 0.6, "B": 0.3, None: 0.1}, unanswered=PEOPLE)  # fmt: skip
    n.send(6000, upstream="Meridian Voice Exchange", callers=n.fresh(), callees=us_list,
           durations=n.press_one(seconds(20, 35), transfer=0.03, hang_ups=0.5, agent_median_s=400),
           answered=0.2, when=n.between(9, 20), attestation=None)  # fmt: skip

    # --- legitimate -----------------------------------------------------------------------
    school = n.account("maple-valley-schools", "attendance and school closure notifications "
                       "to parents", age_days=3200, numbers=2, npa=303, ein="84-6000512",
                       email="it@maplevalley.k12.co.us")  # fmt: skip
    n.lawful(school)
    parents = n.numbers(40_000, [303, 720])
    n.consented("maple-valley-schools", parents)
    n.send(2500, customer="maple-valley-schools", callers=n.rotate(school), callees=parents,
           durations=n.message(seconds(25, 40), spread=2, hang_ups=0.1, voicemail=0.35),
           answered=0.55,
           when=n.between(9, 10))  # fmt: skip

    n.rmd.append(
        RmdFiling("0042", "Laurel Highlands Telephone", "Partial STIR/SHAKEN Implementation")
    )
    n.campaign["upstream_provider", "Laurel Highlands Telephone"] = False
    western_pa = [412, 724, 814]
    subscribers = n.numbers(3000, western_pa)
    phone_bank = n.numbers(60, western_pa)
    n.lawful(phone_bank)
    n.send(6000, upstream="Laurel Highlands Telephone", callers=n.rotate(subscribers),
           callees=n.numbers(30_000, western_pa) + n.numbers(10_000), durations=n.live(150),
           answered=0.5, when=n.between(8, 21), attestation=None,
           unanswered=PEOPLE)  # fmt: skip
    predictive = n.mix([
        (0.55, n.live(70, 0.8)),  # a volunteer talks with the voter
        (0.25, n.between_s(1, 3)),  # abandoned: answered, no volunteer free, dropped
        (0.2, n.between_s(2, 5)),  # an answering machine, dropped
    ])  # fmt: skip
    n.send(12_000, upstream="Laurel Highlands Telephone", callers=n.rotate(phone_bank),
           callees=n.numbers(150_000, [412, 724, 814, 215, 267, 610, 717]),
           durations=predictive, answered=0.16, when=n.between(16, 20.9),
           attestation=None)  # fmt: skip

    outage = n.account("cascade-valley-electric", "outage and service notifications to "
                       "members", age_days=4200, numbers=4, npa=916, ein="94-0812233",
                       email="memberservices@cascadevalley.coop")  # fmt: skip
    n.lawful(outage)
    work_area = [f"+1916{x}" for x in n.rng.choice(EXCHANGES, 6, replace=False)]
    lines = round(10_000 * volume)
    members = [
        f"{exchange}{line:04d}"
        for exchange in work_area
        for line in np.flatnonzero(n.rng.random(lines) < 0.62).tolist()
    ]
    n.consented("cascade-valley-electric", members)
    per_exchange = [[m for m in members if m.startswith(exchange)] for exchange in work_area]
    sweeps = [per_exchange[0] + per_exchange[1] + per_exchange[2],
              per_exchange[3] + per_exchange[4], []]  # fmt: skip
    n.dial(sweeps, first=11, last=18, customer="cascade-valley-electric",
           callers=n.rotate(outage),
           durations=n.message(seconds(35, 55), hang_ups=0.2, voicemail=0.3),
           answered=0.45, unanswered=PEOPLE)  # fmt: skip

    hospital = n.account("northstar-health-system", "patient appointment reminders",
                         age_days=5000, numbers=120, npa=[612, 414, 314],
                         ein="41-0956618")  # fmt: skip
    n.lawful(hospital)
    patients = n.numbers(90_000, [612, 414, 314])
    n.consented("northstar-health-system", patients)
    confirm = n.mix([
        (0.5, n.between_s(24, 40)),  # pressed 1 to confirm, heard the thanks
        (0.15, n.message(31, hang_ups=0.0, voicemail=1.0)),
        (0.15, n.between_s(2, 15)),  # hung up in the greeting
        (0.1, lambda count: 35 + n.live(200)(count)),  # pressed 2: put through to scheduling
        (0.1, n.between_s(40, 60)),  # asked for the message to be repeated
    ])  # fmt: skip
    n.send(15_000, customer="northstar-health-system", callers=n.rotate(hospital),
           callees=patients, durations=confirm, answered=0.62,
           when=n.between(9, 19))  # fmt: skip

    n.account("calltrack-analytics", "call tracking and forwarding for marketing "
              "attribution (presents the original caller's number)", age_days=2000,
              numbers=2000, ein="45-3321789")  # fmt: skip
    businesses = n.numbers(600)
    n.send(20_000, customer="calltrack-analytics", callers=n.fresh(), callees=businesses,
           durations=n.live(170), answered=0.78, when=n.between(8, 20),
           attestation={"B": 0.6, "C": 0.4}, unanswered=PEOPLE)  # fmt: skip

    charity = n.account("hope-harbor-childrens-fund", "donor fundraising calls by live "
                        "staff (501(c)(3) nonprofit)", age_days=2500, numbers=40,
                        ein="23-7145560")  # fmt: skip
    n.lawful(charity)
    donors = n.numbers(60_000)
    n.send(8000, customer="hope-harbor-childrens-fund", callers=n.rotate(charity),
           callees=donors, durations=n.mix([(0.8, n.live(150, 0.8)), (0.2, n.between_s(2, 6))]),
           answered=0.22, when=n.between(10, 20.5))  # fmt: skip

    n.rmd.append(RmdFiling("0043", "Great Lakes Transit", "Complete STIR/SHAKEN Implementation"))
    n.campaign["upstream_provider", "Great Lakes Transit"] = False
    enterprises = n.numbers(1500)
    pharmacy = n.numbers(6, [313, 216])
    n.lawful(enterprises + pharmacy)
    n.send(30_000, upstream="Great Lakes Transit", callers=n.rotate(enterprises),
           durations=n.live(160), answered=0.42, when=n.between(8, 19),
           attestation={"A": 0.75, "B": 0.2, None: 0.05}, unanswered=PEOPLE)  # fmt: skip
    n.send(3000, upstream="Great Lakes Transit", callers=n.rotate(pharmacy),
           callees=n.numbers(25_000, [313, 216, 440, 330]),
           durations=n.message(seconds(18, 30), hang_ups=0.15, voicemail=0.3), answered=0.55,
           when=n.between(10, 18))  # fmt: skip

    n.small_businesses(40, "localbiz")

    # --- for review -----------------------------------------------------------------------
    roofer = n.account("sunstate-roofing-solar", "sales calls to homeowners (live agents)",
                       age_days=900, numbers=12, npa=[407, 813, 305],
                       ein="59-3874410")  # fmt: skip
    del n.campaign["customer", "sunstate-roofing-solar"]
    n.review.add(("customer", "sunstate-roofing-solar"))
    homeowners = n.numbers(40_000)
    late = {7: 1.5, 21: 2.0} | dict.fromkeys(range(8, 21), 1.0)
    n.send(3000, customer="sunstate-roofing-solar", callers=n.rotate(roofer),
           callees=homeowners, durations=n.live(110), answered=0.3,
           when=n.by_hour(late))  # fmt: skip

    # the provider's DNO list: inbound-only lines of government and banks
    n.dno.extend(DnoEntry(number, "inbound only") for number in n.numbers(300))
    return n
