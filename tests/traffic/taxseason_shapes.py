"""A tax-season network: the whole traffic of Ledgerline Voice, a US VoIP and SIP-trunking
provider whose customers are accounting and tax-preparation firms, fintech and payroll
companies, call centres, a few resellers (their clients as sub-accounts) and small
businesses, plus transit from a few upstream carriers, over four UTC days, Saturday 12 to
Tuesday 15 April 2025: the weekend before the federal filing deadline and the deadline day
itself. Daylight saving time is in force (Eastern UTC-4 to Hawaii UTC-10; Arizona UTC-7);
callees in every US time zone; each sender keeps to its own hours, mostly on the callee's
clock. Every count, share, message length and pool size is drawn per seed around the figure
given.

The rules. An artificial or prerecorded voice call to a wireless number needs the callee's
prior express consent, written if it is telemarketing (47 USC 227(b)(1)(A)(iii), 47 CFR
64.1200(a)(1)-(2)); to a residential line too (64.1200(a)(3)); live calls need none of this
consent. Telephone solicitations keep to 8 am-9 pm at the callee's location (64.1200(c)(1);
the Telemarketing Sales Rule likewise, 16 CFR 310.4(c)) and respect the Do-Not-Call rules
(64.1200(c)(2)). Spoofing caller ID to defraud is unlawful (47 USC 227(e)); the provider
blocks its DNO list's numbers and invalid numbers (64.1200(k)); it may not accept traffic
from a provider absent from the Robocall Mitigation Database (64.6305(g)).

Campaigns (each must reach ``high`` at the narrowest responsible source):

- ``Meridian Gateway Partners`` (upstream, RMD-filed wholesale carrier, partial
  STIR/SHAKEN): beside its customers' ordinary calls, an IRS impostor robocall ("this is
  the IRS criminal investigation division; a warrant has been issued for your arrest; press
  1 to speak to an officer") from an offshore centre working 13:00-23:30 UTC, presenting
  on a third to three fifths of its calls one of a small pool (the IRS's, TIGTA's and the
  Treasury's published inbound numbers, on the DNO list, and a few dozen invented
  Washington DC numbers) and a new invented number on the rest, unsigned or C; voicemail
  boxes record it, most humans hang up, a few press 1 and are kept on the line for long
  (gift cards, wire transfers). 227(e), (b); DNO (64.1200(k)(1)).
- ``national-tax-relief-center`` (customer, opened 6-10 weeks ago, KYC verified on a new
  LLC's papers, declared "customer notifications"): a "tax relief / IRS debt forgiveness
  program, press 1" recording from a rotating pool of a few hundred purchased DIDs, to a
  bought list of "tax debt" leads without consent; Saturday, Monday and Tuesday, 9 am-8 pm
  local. Prerecorded telemarketing without written consent (64.1200(a)(2)-(3)).
- ``erc-refund-advisors`` (sub-account of the reseller ``tollgate-cloud-voice``, opened
  under two weeks ago, KYC pending, webmail): an Employee Retention Credit promoter's
  recorded pitch ("your business may still qualify for up to $26,000 per employee, press
  1") to a scraped list of small-business numbers (many of them owners' cell phones),
  business hours, Monday and Tuesday heavy; no consent records.
- ``refund-status-alerts`` (customer, opened days ago, KYC pending, declared "account
  notifications"): "your federal refund is on hold; press 1 to verify your identity", a
  phishing recording presenting for every call an invented number in the callee's own
  NPA-NXX (none granted to it), signed B. 227(e) and (b).
- ``Bayou Link Telecom`` (upstream, a VoIP wholesaler interconnected four months ago,
  absent from the RMD): a little ordinary traffic and a tax-debt scam ("final notice of a
  federal tax lien on your property, press 1"), invented and a few invalid caller IDs,
  unsigned or C. 64.6305(g) whatever the calls.
- ``maxrefund-tax-pros`` (sub-account of the dialler reseller ``taxpro-connect``, a
  storefront tax preparer, a year on the platform): bought a lead list ("people who
  haven't filed yet") and robocalls it with a recorded ad for its "fast refund, file
  today" service from 7 to a little before 9 in the morning, callee's local time, to catch
  people before work; a handful of written-consent records from a sweepstakes page, most of
  the list none. Prerecorded telemarketing without written consent, before 8 am.

For review (grey; reported at least ``medium``):

- ``summit-tax-resolution`` (customer, 6 years, a tax-resolution firm): live agents
  telemarketing its "fresh start program" consultations to a purchased list of people with
  tax liens: live calls (no consent needed under 227(b)), no consent records, but some
  calls from 7:30 am and until 10 pm local, outside the 8 am-9 pm of 64.1200(c)(1) and
  the TSR, and a list nobody checked against the DNC registry.
- ``clearpath-debt-partners`` (customer, 3 years, a debt-settlement marketing partner):
  agents driving a soundboard (prerecorded clips picked by a live agent; the FCC's 2016
  guidance treats soundboard calls as prerecorded) to leads bought from comparison sites,
  written-consent records gathered on those sites' pages for most of them.

Lawful senders (none may reach ``high``):

- ``beacon-tax-service``: a national tax-preparation chain's recorded appointment and
  document reminders ("press 1 to confirm", "bring your W-2s"), each office calling its
  own clients in its own area code, consent records for every client (given at booking:
  prior express consent, informational calls, 64.1200(a)(1)); busiest on the deadline.
- ``taxpro-connect`` (reseller) and its lawful clients: a dozen accountants' offices making
  live callbacks to their own clients, surging on Monday and Tuesday into the evening
  (live calls need no consent), and a bookkeeping firm's consented recorded reminders.
- ``paycrest-payroll``: a payroll company's recorded notices (tax deposit and filing
  confirmations) to its employer clients, who agreed to them in the service contract
  (consent records), weekdays in office hours.
- ``harborline-bank``: refund-deposit notices and card-fraud alerts (IVR) to consenting
  customers at the hours of their activity, late night included.
- ``filewise-software``: a tax-software company's live support callbacks to customers who
  asked for one in the app (consent records within the last days), into the night before
  the deadline (a callback the customer asked for is not a telephone solicitation).
- ``pinnacle-revenue-recovery``: a private collection agency under contract to the IRS's
  private debt collection program (26 USC 6306) making live calls to its assigned
  taxpayers, 8 am-9 pm local (FDCPA 15 USC 1692c(a)(1)); live calls need no consent under
  227(b); agents leave short live messages on machines. About half of the taxpayers gave
  the number on their return (consent records).
- ``ohio-taxation-notices``: a state department of taxation's recorded notices (refund
  issued, return received, missing document) to taxpayers who opted in to phone notices
  (consent records for every callee), weekdays.
- ``eastside-vita-site``: a VITA (volunteer income tax assistance) site's volunteers
  calling their booked clients with live reminders, weekend-heavy.
- ``tollgate-cloud-voice`` (reseller) and its lawful clients (an insurance agency and a
  dental office), ``smallbiz-*``: office phones.
- ``Lone Star Interexchange`` (upstream, RMD-filed, full STIR/SHAKEN): enterprises' and the
  public's transit, mostly A-attested, with a tax franchise's consented reminders.

Campaign caller IDs are not labelled: each campaign is judged at the source that carries it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import ClassVar

from callwarden.customers import ConsentType, CustomerKind, KycStatus
from callwarden.lists import DnoEntry
from tests.traffic.blind_shapes import PEOPLE, START
from tests.traffic.holiday_shapes import _CODES, _WEIGHTS, ZONES, HolidayNetwork
from tests.traffic.unseen_shapes import Durations

#: Saturday 12 April 2025; the filing deadline is Tuesday 15 April
FIRST = datetime(2025, 4, 12, tzinfo=UTC)
TAX_DAYS = 4

#: published inbound-only numbers of the IRS, TIGTA and the Treasury (on the DNO list)
GOVERNMENT = ["+18008291040", "+18008294933", "+18003664484", "+12026222000", "+18668611300"]

#: an office's day (callee's hour)
OFFICE = {8: 0.6, 9: 1.0, 10: 1.1, 11: 1.1, 12: 0.7, 13: 0.9, 14: 1.0, 15: 1.0, 16: 0.9,
          17: 0.5}  # fmt: skip
#: accountants in the last days: early to late
CRUNCH = {8: 0.7, 9: 1.0, 10: 1.1, 11: 1.1, 12: 0.9, 13: 1.0, 14: 1.1, 15: 1.1, 16: 1.2,
          17: 1.2, 18: 1.0, 19: 0.8, 20: 0.5}  # fmt: skip
#: a bank's alerts follow its customers' card activity and the IRS's deposit batches
ACTIVITY = {0: 0.3, 1: 0.18, 2: 0.1, 3: 0.07, 4: 0.06, 5: 0.12, 6: 0.3, 7: 0.5, 8: 0.8,
            9: 1.0, 10: 1.0, 11: 1.1, 12: 1.2, 13: 1.1, 14: 1.0, 15: 1.0, 16: 1.0, 17: 1.1,
            18: 1.2, 19: 1.2, 20: 1.1, 21: 0.9, 22: 0.7, 23: 0.5}  # fmt: skip
#: support callbacks the night before the deadline: customers filing after work
SUPPORT = {8: 0.4, 9: 0.6, 10: 0.7, 11: 0.8, 12: 0.8, 13: 0.8, 14: 0.9, 15: 1.0, 16: 1.1,
           17: 1.3, 18: 1.5, 19: 1.7, 20: 1.8, 21: 1.7, 22: 1.3, 23: 0.9, 24: 0.4}  # fmt: skip
#: a collection agency's dialling day, 8 am-9 pm local
COLLECTOR = {8: 0.8, 9: 1.0, 10: 1.0, 11: 1.0, 12: 0.8, 13: 0.9, 14: 1.0, 15: 1.0, 16: 1.1,
             17: 1.3, 18: 1.3, 19: 1.1, 20: 0.7}  # fmt: skip
#: a tax-resolution call floor: opens early, runs late (7:30 am-10 pm local)
FLOOR = {7.5: 0.5, 8: 0.9, 9: 1.0, 10: 1.0, 11: 1.0, 12: 0.8, 13: 0.9, 14: 1.0, 15: 1.0,
         16: 1.1, 17: 1.2, 18: 1.3, 19: 1.2, 20: 0.9, 21: 0.6}  # fmt: skip
#: wholesale carriers' ordinary calls: business by day, people in the evening
MIXED_DAY = {7: 0.4, 8: 0.8, 9: 1.1, 10: 1.2, 11: 1.2, 12: 1.0, 13: 1.1, 14: 1.1, 15: 1.1,
             16: 1.0, 17: 0.9, 18: 0.8, 19: 0.7, 20: 0.6, 21: 0.4, 22: 0.2}  # fmt: skip


def ago(days: float) -> datetime:
    """``days`` before the first day."""
    return FIRST - timedelta(days=days)


@dataclass
class TaxSeasonNetwork(HolidayNetwork):
    """A :class:`HolidayNetwork`'s machinery over the four UTC days from :data:`FIRST`."""

    id_prefix: ClassVar[str] = "j"
    days: ClassVar[int] = TAX_DAYS
    start_s: ClassVar[float] = (FIRST - START).total_seconds()

    first_day = FIRST
    zones = ZONES

    # --- how answered calls last --------------------------------------------------------------
    def live_collector(self, talk_median_s: float) -> Durations:
        """A collector's live calls: refusals and wrong parties in seconds, a short live
        message on a machine after its greeting, conversations."""
        return self.mix([
            (0.22, self.between_s(3, 16)),
            (0.23, lambda count: (self.rng.integers(8, 25, count)
                                  + self.rng.integers(12, 35, count))),
            (0.55, self.live(talk_median_s, 0.8)),
        ])  # fmt: skip

    def cold_call(self, talk_median_s: float) -> Durations:
        """A live telemarketer's calls to a bought list: many quick hang-ups, machines the
        agent leaves a pitch on, some conversations."""
        return self.mix([
            (0.45, self.between_s(2, 15)),
            (0.2, lambda count: (self.rng.integers(8, 25, count)
                                 + self.rng.integers(15, 50, count))),
            (0.35, self.live(talk_median_s, 0.9)),
        ])  # fmt: skip

    def deposit_notice(self, message_s: int) -> Durations:
        """A bank's "your tax refund has been deposited" notice: heard out, hung up once the
        amount was said, or recorded by voicemail."""
        return self.mix([
            (0.55, self.between_s(message_s, message_s + 2)),
            (0.2, self.between_s(4, message_s - 2)),
            (0.25, self.message(message_s, hang_ups=0.0, voicemail=1.0, greeting=(7, 24))),
        ])  # fmt: skip


def build(seed: int, volume: float = 1.0) -> TaxSeasonNetwork:
    """The network of the module docstring; ``volume`` scales every sender's calls."""
    n = TaxSeasonNetwork(seed, volume)
    a = n.around
    n.dno.extend(DnoEntry(number, "government inbound-only line (ITG DNO list)")
                 for number in GOVERNMENT)  # fmt: skip
    n.dno.extend(DnoEntry(number, "inbound only (customer service)") for number in n.numbers(300))

    # --- the upstream carriers ---------------------------------------------------------------
    lone_star = "Lone Star Interexchange"
    n.carrier(lone_star, "Lone Star Interexchange, LLC", opened=ago(365 * 8), campaign=False,
              filing=("0023310457", "Complete STIR/SHAKEN Implementation"))  # fmt: skip
    firms = n.numbers(a(1500))
    n.lawful(firms)
    n.send([a(9000), a(5000), a(20_000), a(21_000)], upstream=lone_star,
           callers=n.rotate(firms), durations=n.live(160), answered=0.44,
           when=n.by_hour(MIXED_DAY), attestation={"A": 0.8, "B": 0.13, None: 0.07},
           unanswered=PEOPLE)  # fmt: skip
    n.send(a(5000), upstream=lone_star, callers=n.fresh(), durations=n.live(220),
           answered=0.5, when=n.by_hour(MIXED_DAY), attestation={"A": 0.6, "B": 0.2, None: 0.2},
           unanswered=PEOPLE)  # fmt: skip
    franchise = n.numbers(4, [214, 972, 713])
    n.lawful(franchise)
    filers = n.numbers(25_000, [214, 972, 713, 832])
    n.send([a(1200), 0, a(2500), a(2500)], upstream=lone_star, callers=n.rotate(franchise),
           callees=filers, durations=n.confirmation_ivr(int(n.rng.integers(22, 32))),
           answered=0.6, when=n.between(9, 19), attestation="A")  # fmt: skip

    # --- campaigns ----------------------------------------------------------------------------
    meridian = "Meridian Gateway Partners"
    n.carrier(meridian, "Meridian Gateway Partners LLC", opened=ago(365 * 4), campaign=True,
              filing=("0031187420", "Partial STIR/SHAKEN Implementation"))  # fmt: skip
    meridian_firms = n.numbers(a(1000))
    n.lawful(meridian_firms)
    n.send([a(4000), a(2500), a(9000), a(9000)], upstream=meridian,
           callers=n.rotate(meridian_firms), durations=n.live(140), answered=0.43,
           when=n.by_hour(MIXED_DAY), attestation={"A": 0.35, "B": 0.4, None: 0.25},
           unanswered=PEOPLE)  # fmt: skip
    washington = n.numbers(a(40), 202)  # invented DC numbers, reused
    pool = GOVERNMENT + washington
    n.send([a(10_000), a(7000), a(13_000), a(14_000)], upstream=meridian,
           callers=n.drawn([(float(n.rng.uniform(0.3, 0.6)), n.rotate(pool)),
                            (0.5, n.fresh())]),
           callees=n.numbers(300_000),
           durations=n.scam_press_one(int(n.rng.integers(20, 36)), machines=0.25, quits=0.6,
                                      press=0.04, agent_median_s=900),
           answered=float(n.rng.uniform(0.07, 0.12)), when=n.between(13, 23.5), clock="utc",
           attestation={None: 0.55, "C": 0.45})  # fmt: skip

    relief = n.account("national-tax-relief-center", "customer notifications", campaign=True,
                       opened=ago(int(n.rng.integers(42, 70))), numbers=a(300),
                       ein="86-3319047", email="ops@nationaltaxreliefcenter.com")  # fmt: skip
    owing = n.numbers(200_000)
    relief_pitch = n.mix([
        (0.15, n.between_s(2, 5)),  # its answering-machine detection drops machines
        (0.85, n.press_one(int(n.rng.integers(25, 41)), transfer=0.04, hang_ups=0.6,
                           agent_median_s=600)),
    ])  # fmt: skip
    n.send([a(7000), 0, a(10_000), a(10_000)], customer="national-tax-relief-center",
           callers=n.rotate(relief), callees=owing, durations=relief_pitch,
           answered=float(n.rng.uniform(0.12, 0.2)), when=n.between(9, 20))  # fmt: skip

    n.account("tollgate-cloud-voice", "UCaaS reseller: hosted PBX and SIP trunks for small "
              "business", kind=CustomerKind.RESELLER, opened=ago(365 * 5),
              ein="47-2290815", email="noc@tollgatevoice.com")  # fmt: skip
    for client, npa, use, size in [
        ("keller-insurance-agency", [314], "agency office phones", 250),
        ("riverbend-family-dental", [503], "front desk phones", 180),
    ]:  # fmt: skip
        lines = n.account(client, use, parent="tollgate-cloud-voice",
                          opened=ago(int(n.rng.integers(200, 1500))), numbers=5,
                          npa=npa)  # fmt: skip
        n.lawful(lines)
        day = a(size)
        n.send([round(day * 0.3), 0, day, day], customer="tollgate-cloud-voice",
               sub_account=client, callers=n.rotate(lines), callees=n.numbers(3000, npa),
               durations=n.live(150), answered=0.5, when=n.by_hour(OFFICE),
               unanswered=PEOPLE)  # fmt: skip
    erc = n.account("erc-refund-advisors", "business outreach", campaign=True,
                    parent="tollgate-cloud-voice", kyc=KycStatus.PENDING,
                    opened=ago(int(n.rng.integers(4, 14))), numbers=a(8),
                    email="ercrefundadvisors@gmail.com")  # fmt: skip
    owners = n.numbers(120_000)
    n.send([a(1500), 0, a(8000), a(8000)], customer="tollgate-cloud-voice",
           sub_account="erc-refund-advisors", callers=n.rotate(erc), callees=owners,
           durations=n.scam_press_one(int(n.rng.integers(28, 46)), machines=0.35, quits=0.55,
                                      press=0.03, agent_median_s=420),
           answered=float(n.rng.uniform(0.15, 0.25)), when=n.by_hour(OFFICE))  # fmt: skip

    n.account("refund-status-alerts", "account notifications", campaign=True,
              kyc=KycStatus.PENDING, opened=ago(int(n.rng.integers(3, 10))), numbers=2,
              ein="88-0014532", email="support@refund-status-alerts.com",
              ip_country="RO")  # fmt: skip
    n.send(a(8000), customer="refund-status-alerts", callers=n.neighbour(),
           callees=n.numbers(200_000),
           durations=n.scam_press_one(int(n.rng.integers(18, 30)), machines=0.2, quits=0.55,
                                      press=0.05, agent_median_s=300),
           answered=float(n.rng.uniform(0.13, 0.2)), when=n.between(9, 20),
           attestation="B")  # fmt: skip

    bayou = "Bayou Link Telecom"
    n.carrier(bayou, "Bayou Link Telecom Inc.", opened=ago(120), campaign=True, filing=None)
    bayou_firms = n.numbers(250)
    n.lawful(bayou_firms)
    n.send(a(2000), upstream=bayou, callers=n.rotate(bayou_firms), durations=n.live(130),
           answered=0.42, when=n.by_hour(MIXED_DAY), attestation={"B": 0.5, None: 0.5},
           unanswered=PEOPLE)  # fmt: skip
    n.send(a(7000), upstream=bayou, callers=n.garbled(float(n.rng.uniform(0.03, 0.1))),
           callees=n.numbers(200_000),
           durations=n.scam_press_one(int(n.rng.integers(22, 38)), machines=0.3, quits=0.6,
                                      press=0.03, agent_median_s=600),
           answered=float(n.rng.uniform(0.07, 0.13)), when=n.between(14, 24.5), clock="utc",
           attestation={None: 0.7, "C": 0.3})  # fmt: skip

    n.account("taxpro-connect", "dialer and voice platform for tax and accounting practices",
              kind=CustomerKind.RESELLER, opened=ago(365 * 7), ein="27-1189034",
              email="support@taxproconnect.com")  # fmt: skip
    maxrefund = n.account("maxrefund-tax-pros", "client outreach", campaign=True,
                          parent="taxpro-connect", opened=ago(int(n.rng.integers(300, 420))),
                          numbers=a(6), npa=[305, 407, 404],
                          email="maxrefundtaxpros@yahoo.com")  # fmt: skip
    non_filers = n.numbers(90_000)
    n.consented_at("maxrefund-tax-pros", non_filers, n.dated(20, 300),
                   kind=ConsentType.PRIOR_EXPRESS_WRITTEN,
                   share=float(n.rng.uniform(0.0, 0.06)),
                   evidence="https://win-a-tax-refund-boost.net/entry/{index}")  # fmt: skip
    n.send([a(4500), a(3000), a(6000), a(6000)], customer="taxpro-connect",
           sub_account="maxrefund-tax-pros", callers=n.rotate(maxrefund), callees=non_filers,
           durations=n.mix([(0.85, n.message(int(n.rng.integers(28, 45)), spread=1,
                                             hang_ups=0.5, voicemail=0.3)),
                            (0.15, n.between_s(45, 200))]),  # pressed 1 for a preparer
           answered=float(n.rng.uniform(0.18, 0.28)), when=n.between(7, 8.9))  # fmt: skip

    # --- review -------------------------------------------------------------------------------
    resolution = n.account("summit-tax-resolution", "tax resolution consultations: outbound "
                           "telemarketing by live agents", opened=ago(365 * 6),
                           numbers=a(40), ein="45-4471209")  # fmt: skip
    n.review_only("customer", "summit-tax-resolution")
    liens = n.numbers(80_000)
    floor = n.by_hour(FLOOR)  # type: ignore[arg-type]  # a half-hour key: from 7:30 am
    n.send([a(3000), 0, a(6000), a(6000)], customer="summit-tax-resolution",
           callers=n.rotate(resolution), callees=liens, durations=n.cold_call(200),
           answered=float(n.rng.uniform(0.12, 0.2)), when=floor,
           unanswered=PEOPLE)  # fmt: skip

    settlement = n.account("clearpath-debt-partners", "telemarketing: debt settlement "
                           "consultations (agents with soundboard)", opened=ago(365 * 3),
                           numbers=a(25), ein="82-2276610")  # fmt: skip
    n.review_only("customer", "clearpath-debt-partners")
    leads = n.numbers(60_000)
    n.consented_at("clearpath-debt-partners", leads, n.dated(1, 60),
                   kind=ConsentType.PRIOR_EXPRESS_WRITTEN,
                   share=float(n.rng.uniform(0.6, 0.85)),
                   evidence="https://compare-debt-relief-offers.com/lead/{index}")  # fmt: skip
    n.send([a(2500), 0, a(5000), a(5000)], customer="clearpath-debt-partners",
           callers=n.rotate(settlement), callees=leads, durations=n.soundboard(),
           answered=float(n.rng.uniform(0.18, 0.26)), when=n.by_hour(OFFICE | {18: 0.8,
                                                                          19: 0.6}))  # fmt: skip

    # --- lawful -------------------------------------------------------------------------------
    offices = n.account("beacon-tax-service", "appointment and document reminders to our tax "
                        "clients (recorded)", opened=ago(365 * 20), numbers=a(200),
                        ein="43-0839211", email="notify@beacontax.com")  # fmt: skip
    n.lawful(offices)
    owner: dict[str, str] = {}
    for office in offices:
        for client in n.numbers(250, int(office[2:5])):
            owner[client] = office
    n.consented_at("beacon-tax-service", list(owner), n.dated(1, 1500),
                   evidence="{holder}/booking/{index}")  # fmt: skip
    reminders = n.mix([
        (0.7, n.confirmation_ivr(int(n.rng.integers(22, 32)))),
        (0.3, n.message(int(n.rng.integers(34, 48)), hang_ups=0.2, voicemail=0.3)),
    ])  # fmt: skip
    n.send([a(6000), a(3000), a(11_000), a(9000)], customer="beacon-tax-service",
           callers=n.assigned(owner), callees=list(owner), durations=reminders, answered=0.6,
           when=n.by_hour(CRUNCH))  # fmt: skip

    for index in range(12):
        practice = f"cpa-office-{index}"
        town = int(n.rng.choice(_CODES, p=_WEIGHTS))
        desk = n.account(practice, "accounting office phones", parent="taxpro-connect",
                         opened=ago(int(n.rng.integers(200, 3000))),
                         numbers=int(n.rng.integers(2, 9)), npa=town)  # fmt: skip
        n.lawful(desk)
        clients = n.numbers(1500, town) + n.numbers(300)
        n.consented_at(practice, clients, n.dated(30, 2000), share=0.7)
        day = int(n.rng.integers(80, 500))
        n.send([round(day * 0.4), round(day * 0.15), day, round(day * 1.3)],
               customer="taxpro-connect", sub_account=practice, callers=n.rotate(desk),
               callees=clients, durations=n.care_callback(), answered=0.55,
               when=n.by_hour(CRUNCH), unanswered=PEOPLE)  # fmt: skip
    books = n.account("northgate-bookkeeping", "client appointment reminders (recorded)",
                      parent="taxpro-connect", opened=ago(900), numbers=2, npa=[612])  # fmt: skip
    n.lawful(books)
    booked = n.numbers(6000, [612, 414])
    n.consented_at("northgate-bookkeeping", booked, n.dated(5, 900), share=0.98)
    n.send([a(400), 0, a(700), a(500)], customer="taxpro-connect",
           sub_account="northgate-bookkeeping", callers=n.rotate(books), callees=booked,
           durations=n.message(int(n.rng.integers(20, 30)), hang_ups=0.15, voicemail=0.3),
           answered=0.6, when=n.between(10, 17))  # fmt: skip

    payroll = n.account("paycrest-payroll", "payroll tax deposit and filing notices to our "
                        "employer clients (recorded)", opened=ago(365 * 11), numbers=4,
                        ein="36-4410287", email="notices@paycrest.com")  # fmt: skip
    n.lawful(payroll)
    employers = n.numbers(40_000)
    n.consented_at("paycrest-payroll", employers, n.dated(30, 3000),
                   evidence="{holder}/service-agreement/{index}")  # fmt: skip
    n.send([0, 0, a(7000), a(8000)], customer="paycrest-payroll", callers=n.rotate(payroll),
           callees=employers, durations=n.message(int(n.rng.integers(40, 56)), hang_ups=0.25,
                                                  voicemail=0.35),
           answered=0.55, when=n.by_hour(OFFICE))  # fmt: skip

    bank = n.account("harborline-bank", "refund deposit notices and fraud alerts to our "
                     "customers", opened=ago(365 * 40), numbers=16, ein="04-1867445")  # fmt: skip
    n.lawful(bank)
    depositors = n.numbers(120_000)
    n.consented_at("harborline-bank", depositors, n.dated(30, 5000))
    n.send(a(6000), customer="harborline-bank", callers=n.rotate(bank), callees=depositors,
           durations=n.fraud_alert_ivr(), answered=0.55, when=n.by_hour(ACTIVITY))  # fmt: skip
    n.send([a(2000), a(1500), a(5000), a(5000)], customer="harborline-bank",
           callers=n.rotate(bank), callees=depositors,
           durations=n.deposit_notice(int(n.rng.integers(16, 24))), answered=0.55,
           when=n.between(8, 20))  # fmt: skip

    support = n.account("filewise-software", "customer support callbacks requested in our app "
                        "(live agents)", opened=ago(365 * 9), numbers=a(60),
                        ein="94-3380021")  # fmt: skip
    n.lawful(support)
    askers = n.numbers(60_000)
    n.consented_at("filewise-software", askers, n.dated(0, 3))
    n.send([a(3000), a(3500), a(7000), a(5000)], customer="filewise-software",
           callers=n.rotate(support), callees=askers, durations=n.care_callback(),
           answered=0.6, when=n.by_hour(SUPPORT), unanswered=PEOPLE)  # fmt: skip

    collector = n.account("pinnacle-revenue-recovery", "debt collection (IRS private debt "
                          "collection program contractor): live agents", opened=ago(365 * 14),
                          numbers=a(40), ein="25-1730045")  # fmt: skip
    n.lawful(collector)
    taxpayers = n.numbers(70_000)
    n.consented_at("pinnacle-revenue-recovery", taxpayers, n.dated(200, 1500), share=0.5,
                   evidence="{holder}/irs-placement/{index}")  # fmt: skip
    n.send([a(2500), 0, a(7000), a(7000)], customer="pinnacle-revenue-recovery",
           callers=n.rotate(collector), callees=taxpayers, durations=n.live_collector(240),
           answered=float(n.rng.uniform(0.16, 0.24)), when=n.by_hour(COLLECTOR),
           unanswered=PEOPLE)  # fmt: skip

    ohio = [216, 614, 513]
    state = n.account("ohio-taxation-notices", "state department of taxation: recorded notices "
                      "to taxpayers who asked for phone notices", opened=ago(365 * 6), numbers=2,
                      npa=614, ein="31-6000034", email="notices@tax.ohio.gov")  # fmt: skip
    n.lawful(state)
    opted_in = n.numbers(50_000, ohio)
    n.consented_at("ohio-taxation-notices", opted_in, n.dated(10, 1500))
    n.send([0, 0, a(5000), a(4000)], customer="ohio-taxation-notices", callers=n.rotate(state),
           callees=opted_in, durations=n.message(int(n.rng.integers(35, 50)), hang_ups=0.2,
                                                 voicemail=0.3),
           answered=0.55, when=n.between(9, 18))  # fmt: skip

    vita = n.account("eastside-vita-site", "volunteer tax help: live reminder calls to booked "
                     "clients", opened=ago(365 * 4), numbers=a(12), npa=[313],
                     ein="38-2217754")  # fmt: skip
    n.lawful(vita)
    booked_clients = n.numbers(4000, [313])
    n.consented_at("eastside-vita-site", booked_clients, n.dated(1, 60))
    n.send([a(700), a(500), a(400), a(300)], customer="eastside-vita-site",
           callers=n.rotate(vita), callees=booked_clients, durations=n.phone_bank(70),
           answered=0.45, when=n.between(10, 18), unanswered=PEOPLE)  # fmt: skip

    # a Saturday and a Sunday, then the week's first two days
    n.businesses(30, "smallbiz", week=(0.3, 0.1, 1, 1))
    return n
