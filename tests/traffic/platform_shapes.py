"""A CPaaS network: the whole traffic of a programmable-voice platform (the Twilio, Telnyx,
Plivo situation) whose customers are software companies and developers placing calls
through its API, often on behalf of their own clients (sub-accounts), and enterprises on
its elastic SIP trunks; it also terminates calls from interconnecting carriers to the
numbers it hosts for its customers. Four UTC days, Tuesday 10 to Friday 13 September 2024
(US daylight saving time in force; Arizona and Hawaii keep standard time), the week the
Airport, Bridge and Line fires burned in Southern California and eight weeks before the
2024 general election; after the FCC's February 2024 ruling that AI-generated voices are
"artificial" voices under the TCPA. Built on the plumbing of
:mod:`tests.traffic.blind_shapes` (calls on the callee's local clock, KYC evidence, a DNO
list, the RMD, dated consent records) and :mod:`tests.traffic.weekly_shapes` (per-day UTC
offsets, invented local numbers). Days are numbered 0 (Tuesday) to 3 (Friday); "local" is
the callee's time. The platform signs A for a number it hosts or has verified for the
account, B for a number it has not (elastic SIP trunks and bring-your-own caller ID), and
passes a forwarded call's original attestation on.

At volume 1.0 the platform carries about 230,000-270,000 calls a UTC day, 300,000 on
Wednesday (the school district's wildfire notices).

Campaigns (each must reach ``high`` at the narrowest responsible entity):

- ``homestead-benefit-realty`` (sub-account of the power-dialer ISV ``dialwave-software``,
  the PhoneBurner / MV Realty situation; opened 7 months before the week, KYC verified,
  declared "real estate brokerage: homeowner outreach (live agents)"): its agents
  power-dial a list of 120,000 homeowners in Florida, Pennsylvania, Massachusetts, Ohio,
  Georgia and the Carolinas for a "Homeowner Benefit Program" (a small cash payment now
  for a 40-year exclusive listing agreement recorded as a lien on the home), 14,000 calls
  a day, 9 am-8 pm local, from 180 numbers granted to it (one in the callee's area code
  where it has one: local presence). 38% are answered; on the 62% of those that reach a
  voicemail greeting the agent clicks the dialler's "drop voicemail" button 1-3 s after
  the beep and a 32 s prerecorded message is left (the calls YouMail flagged in the
  FCC's letter to Twilio); the humans get a live agent (a third refuse within 15 s, the
  rest hear a pitch of about two minutes). A fifth of the homeowners have consent records
  held by the sub-account, all ``prior_express`` (a phone number left years ago on a
  home-valuation form, not written consent to telemarketing), a third of them revoked
  before the week (callees who asked to stop); another tenth have records held by the
  ISV itself for its other clients. 47 USC 227(b)(1)(A)(iii) and (B), 47 CFR
  64.1200(a)(2)-(3): prerecorded telemarketing to wireless and residential lines without
  prior express written consent (a revoked consent is none, 64.1200(a)(10)).
- ``ac-5d21e0b7``, ``ac-91f4c3a0``, ``ac-0b77e512``, ``ac-c4e8f219`` (customers: self-serve
  accounts opened with a web form and upgraded with stolen card numbers, KYC pending or
  unknown, webmail contacts, signup IPs abroad, one number bought each): each is opened
  hours before it blasts a short text-to-speech scam "press 1" message through the
  platform's elastic SIP trunk (which lets a customer present numbers it brings from
  another carrier, signed B) at about the new-account rate limit for two to four hours,
  then is shut down by the platform's fraud team and never calls again. ``ac-5d21e0b7``
  (day 0, 15:00-18:00 UTC): "your Social Security number has been suspended", 19 s,
  presenting the SSA's published inbound numbers (on the DNO list) on a third of its
  calls and an invented number on the rest. ``ac-91f4c3a0`` (day 1, 13:30-17:00 UTC): "an
  order of $1,249 for an iPhone 15 Pro on your Amazon account", 16 s, an invented number
  in the callee's own area code per call. ``ac-0b77e512`` (day 2, 16:00-19:30 UTC): "your
  new Medicare card", 22 s, 50 numbers it does not hold, rotated. ``ac-c4e8f219`` (day 3,
  14:00-16:30 UTC): "your electricity will be disconnected in 30 minutes", 18 s,
  invented numbers. 7,000-10,000 calls each, 8-11% answered, 3% press 1 and are held
  for a "representative" (minutes). 227(b), 227(e) (spoofing to defraud); the
  platform's know-your-customer duty, 64.1200(n)(4).
- ``benefit-assist-center`` (sub-account of the AI voice-agent ISV ``parlance-voice-ai``,
  opened 20 days before the week, KYC pending, declared "customer service follow-ups (AI
  agent)"): an AI voice agent speaking in a cloned voice, introducing itself as "Linda
  from the Medicare benefits office" about "your new Medicare card and extra benefits
  you are owed", to a list of 150,000 people turning 65, 20,000 calls a day, 9 am-7 pm
  local, from 400 numbers granted to it, signed A. 16% answered: 45% hang up in the first
  2-12 s, 25% argue with the bot for 15-90 s, 12% are warm-transferred to a licensed
  "closer" after a scripted qualification (minutes), 18% reach voicemail, where the bot
  leaves a 24 s message. No consent records. An AI-generated voice is an artificial voice
  (FCC Declaratory Ruling, February 2024): 227(b)(1)(A)(iii) and (B), 64.1200(a)(2)-(3);
  impersonating a government programme, 227(e) and the FTC's impersonation rule.
- ``Vantage Peak Telecom`` (upstream provider, RMD-filed, partial STIR/SHAKEN): among its
  ordinary traffic (inbound calls to call-tracking numbers the platform hosts, 5,400 a
  day) it hands over a "Google business listing" robocall ("your Google listing will be
  marked permanently closed, press 1 to verify"), 24 s, 8,000 calls a day in business
  hours to the office numbers the UCaaS customer ``officevox-ucaas`` hosts on the
  platform (scraped from business listings), each call presenting a new invented number,
  unsigned or C-attested; businesses answer 45% of them (a receptionist picks up), 55%
  of those hang up in the message, 4% press 1 and talk to a "listing specialist". 227(b)
  (prerecorded calls to wireless office lines), 227(e), and the upstream's duty to
  mitigate what it carries, 64.1200(n)(2)-(3), (k)(4).

For review (reported at least ``medium``; ``high`` is neither asked nor forbidden):

- ``sunvista-home-energy`` (customer, a solar installer, 8 months on the platform, KYC
  verified with an EIN, declared "speed-to-lead calls to homeowners who requested solar
  quotes"): a 27 s prerecorded "this is Sarah from SunVista about the solar quote you
  requested, press 1" message, also left on answering machines, 7,000 calls a day, 9 am-8
  pm local, from 30 numbers of its own, to 30,000 leads bought in the last two weeks from
  three comparison websites (each lead called about once every four days). Every lead has a
  ``prior_express_written`` consent record, obtained 0-14 days before the week, whose
  evidence is a lead-form URL on one of the three sites; the forms' disclosure names
  hundreds of "marketing partners". Under 64.1200(f)(9) such consent is valid only if
  the consumer agreed to calls from this seller; the FCC's one-to-one consent rule that
  would have settled it was not in force (and was later vacated). Whether the consent is
  real is a question for an analyst reading the lead forms, not for the CDRs.

Lawful senders (none may reach ``high``; their own numbers are labelled lawful):

- ``authgate-identity`` (customer, an identity-verification API, 6 years): voice one-time
  passcodes, 20,000 calls a day around the clock with app activity, from 40 numbers
  signed A, answered 90%: a 17 s call reading the code twice, 30% hanging up after the
  first reading (8-11 s), 6% reaching voicemail. The platform holds no consent records
  for it: each user typed the number and asked for the call, a one-time call in
  response to the consumer's own request (FCC 2015 TCPA Omnibus Order), not
  telemarketing.
- ``carecadence-health`` (customer, an appointment-reminder ISV for 500 clinics, 5 years):
  12,000 calls a day, 9 am-7 pm local, each clinic's reminders presenting the clinic's
  own number (verified for the account by the platform's caller-ID verification, signed
  A) to its own patients in its area code: a 28 s message most cut short by pressing 1
  to confirm, some transferred to the front desk, some voicemail. A
  ``prior_express`` consent record for 98% of patients (intake forms): healthcare
  messages, 64.1200(a)(2).
- ``harborside-pharmacy-network`` (customer, a pharmacy chain, 7 years): refill-ready
  reminders from 200 store numbers, each store calling its own patients, 9,000 a day in
  store hours; a 24 s message, 8% press 1 to refill, a third voicemail. Consent records
  for every patient.
- ``edualert-systems`` (customer, kind reseller: a school-notification vendor) and its
  districts (sub-accounts). ``san-gorgonio-unified-schools`` (909/951, the Inland
  Empire): 1,500 attendance calls on an ordinary weekday; as the Line and Bridge fires
  spread, 40,000 "schools closed tomorrow, evacuation warnings" calls at 7:00-7:40 pm
  Tuesday (02:00-02:40 UTC Wednesday), 30,000 updates at 5:45-6:30 am Wednesday, and
  35,000 "schools reopen Friday" calls at 6:00-6:40 pm Thursday, from 2 numbers, a 30-45
  s recorded message. 85% of the 32,000 parent and staff numbers have consent records
  (enrolment forms); emergency purpose anyway (227(b)(1)(A), 64.1200(a)(1), (f)(4)); the
  FCC's 2016 Blackboard ruling. Three other districts make routine attendance calls.
- ``callmetric-analytics`` (customer, a call-tracking service, 9 years): 6,000 tracking
  numbers (hosted on the platform, local to 2,000 advertising businesses) receive calls
  from the public through the interconnecting carriers ``Crosslake Communications`` and
  ``Vantage Peak Telecom``; each is re-originated within a second or two to the
  business's own line, presenting the original caller's number with the original
  attestation (a ``div`` PASSporT): 18,000 forwarded calls a day in business hours, a new
  caller ID on almost every call, none of them the account's, ordinary conversations
  (median 150 s), 72% answered (the rest reach the business's voicemail or the caller
  gives up). The caller chose to call; nothing is prerecorded or autodialled.
- ``northpoint-bpo`` (customer, a BPO contact centre on elastic SIP trunks, 4 years, 90
  granted numbers): 15,000 calls a day for client brands' renewals and care on a
  predictive dialler (live agents; machines dropped or left a 20 s voicemail; 3%
  abandoned with the 2 s + 9 s identification message, 64.1200(a)(7)), 9 am-8 pm local,
  to customers 96% of whom have written-consent records.
- ``dialwave-software`` (customer, kind reseller: the power-dialer ISV, labelled lawful
  though one client is not) and its lawful clients: ``keystone-forward-pac`` (a
  Pennsylvania volunteer phone bank for the general election, 150 numbers, 8,000 calls a
  day, noon-8:30 pm local, 11% answered: quick refusals and conversations; live calls
  need no consent), ``lakeside-home-lending`` (loan officers calling back inbound
  mortgage leads with written-consent records, live, 2,500 a day) and
  ``hometown-insurance-agency`` (renewal calls to its policyholders, consented, live, 1,500
  a day).
- ``parlance-voice-ai`` (customer, kind reseller: the AI voice-agent ISV, labelled lawful
  though one client is not) and its lawful clients: ``brightsmile-dental-group`` (an AI
  receptionist confirming appointments with consented patients, 2,000 a day) and
  ``fleetroute-logistics`` (an AI agent scheduling furniture deliveries with customers who
  gave their number at checkout, 3,000 a day). Artificial-voice calls with prior express
  consent that are not telemarketing: 64.1200(a)(1)/(a)(3).
- ``huddlebridge-meetings`` (customer, a conferencing service): "call me" dial-outs when
  meetings start (on the hour and half hour, a few minutes either side), 6,000 a day in
  business hours from 24 numbers to 12,000 regular participants, 85% answered, calls of
  about half an hour.
- ``officevox-ucaas`` (customer, kind reseller: a UCaaS provider hosting 8,000 office
  numbers on the platform): its offices' live outbound calls, 12,000 a day in business
  hours.
- ``Crosslake Communications`` (upstream provider, RMD-filed, complete): inbound calls
  to the numbers the platform hosts (call-tracking numbers, the UCaaS offices, the contact
  centre's inbound lines), 40,000 a day, signed A, B or unsigned as the callers' carriers
  signed them.
- ``devshop-*``: 30 small businesses and developers with office phones on the platform.

Campaign caller IDs are not labelled: each campaign is judged at the source that carries it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import ClassVar

import numpy as np

from callwarden.customers import (
    ConsentRecord,
    ConsentType,
    CustomerKind,
    KycStatus,
    NumberGrant,
)
from callwarden.lists import DnoEntry, RmdFiling
from tests.traffic.blind_shapes import (
    AREA_CODES,
    PEOPLE,
    START,
    Attestation,
    Callers,
    When,
)
from tests.traffic.unseen_shapes import Durations
from tests.traffic.weekly_shapes import OPT_IN, WeeklyNetwork

#: Tuesday 10 September 2024, as the Southern California fires spread
FIRST = datetime(2024, 9, 10, tzinfo=UTC)
PLATFORM_DAYS = 4
#: time zones of every area code the network calls: blind_shapes' and the Inland Empire's
ZONES: dict[int, str] = {code: zone for code, (zone, _) in AREA_CODES.items()} | {
    909: "America/Los_Angeles",
    951: "America/Los_Angeles",
}
PENNSYLVANIA = [215, 267, 412, 610, 717, 814, 484, 570, 724]
#: where the homeowner-benefit list lives: Florida, Pennsylvania, Massachusetts, Ohio,
#: Georgia, the Carolinas
HOMEOWNER_STATES = [305, 407, 813, 215, 412, 610, 617, 216, 330, 404, 704, 919]
#: the SSA's published inbound numbers (on the provider's DNO list)
SSA = ["+18007721213", "+18003250778", "+18663784338"]
#: business hours on the callee's clock
BUSINESS = {8: 0.5, 9: 1.0, 10: 1.2, 11: 1.2, 12: 0.9, 13: 1.1, 14: 1.2, 15: 1.1, 16: 1.0,
            17: 0.6, 18: 0.3}  # fmt: skip
#: app sign-ins by the hour of the user's day (one-time passcodes follow them)
APP_ACTIVITY = {h: 0.15 for h in range(6)} | {6: 0.4, 7: 0.7, 22: 0.7, 23: 0.4}
APP_ACTIVITY |= dict.fromkeys(range(8, 22), 1.0)


def ago(days: float) -> datetime:
    """``days`` before the first day."""
    return FIRST - timedelta(days=days)


def at(day: int, hours: float) -> datetime:
    """``hours`` after UTC midnight of ``day``."""
    return FIRST + timedelta(days=day, hours=hours)


#: a pharmacy's reminder calls by local hour (relative weights): opening to early evening
REMINDER_HOURS = {10: 1, 11: 1.2, 12: 1.2, 13: 1, 14: 1, 15: 1, 16: 1.1, 17: 1.1, 18: 0.8}


@dataclass
class PlatformNetwork(WeeklyNetwork):
    """A :class:`WeeklyNetwork` (for its per-day offsets and invented local numbers) over
    four UTC days from :data:`FIRST`: a CPaaS's API and SIP-trunk customers, their
    sub-accounts, and the carriers terminating calls to the numbers it hosts."""

    id_prefix: ClassVar[str] = "c"
    days: ClassVar[int] = PLATFORM_DAYS
    start_s: ClassVar[float] = (FIRST - START).total_seconds()

    first_day = FIRST
    zones = ZONES

    # --- accounts -----------------------------------------------------------------------------
    def host(self, customer_id: str, numbers: Sequence[str]) -> None:
        """Numbers the platform hosts for ``customer_id`` (its own numbers: verified)."""
        self.grants.extend(
            NumberGrant(number, customer_id, since=ago(365), verified=True) for number in numbers
        )

    # --- consent ------------------------------------------------------------------------------
    def consented_then_revoked(
        self,
        holder: str,
        callees: Sequence[str],
        *,
        kind: ConsentType,
        obtained: tuple[datetime, datetime],
        revoked: float,
        revoked_by: tuple[datetime, datetime],
        evidence: str = OPT_IN,
    ) -> None:
        """A consent record of ``kind`` held by ``holder`` for each of ``callees``, obtained
        at a uniform time within ``obtained``; ``revoked`` of them revoked at a uniform time
        within ``revoked_by`` (a callee who asked to stop)."""
        span = (obtained[1] - obtained[0]).total_seconds()
        stop_span = (revoked_by[1] - revoked_by[0]).total_seconds()
        for index, number in enumerate(callees):
            given = obtained[0] + timedelta(seconds=float(self.rng.uniform(0, span)))
            stopped = None
            if self.rng.random() < revoked:
                stopped = revoked_by[0] + timedelta(seconds=float(self.rng.uniform(0, stop_span)))
            self.consent.append(
                ConsentRecord(number, holder, kind, given, stopped,
                              evidence.format(holder=holder, index=index))
            )  # fmt: skip

    def clientele(self, locations: Sequence[str], each: int) -> dict[str, str]:
        """``each`` people in the area code of each of ``locations`` (a clinic's or a
        store's number), mapped to it: its patients or customers."""
        served: dict[str, str] = {}
        for location in locations:
            for person in self.numbers(each, int(location[2:5])):
                served[person] = location
        return served

    def store_reminders(
        self,
        customer: str,
        stores: Sequence[str],
        per_day: int,
        *,
        each: int,
        consented: datetime | Callable[[int], Sequence[datetime]],
        durations: Durations,
        when: When,
    ) -> None:
        """A pharmacy chain's refill and pickup reminders: ``each`` customers of every one of
        ``stores`` (its numbers), who consented on their pharmacy profile (``consented``:
        when), called ``per_day`` times a day (+-10%) from their own store's number, 60%
        answered."""
        store_of = self.clientele(stores, each)
        self.consented_at(customer, list(store_of), consented,
                          evidence="{holder}/pharmacy-profile/{index}")  # fmt: skip
        self.send(per_day, customer=customer, callers=self.assigned(store_of),
                  callees=list(store_of), durations=durations, answered=0.6,
                  when=when)  # fmt: skip

    # --- which number a call presents ----------------------------------------------------------
    def same_area(self, pool: Sequence[str]) -> Callers:
        """Local presence: a number of ``pool`` in the callee's area code where it has one,
        else any of ``pool``."""
        by_area: dict[str, list[str]] = {}
        for number in pool:
            by_area.setdefault(number[2:5], []).append(number)

        def callers(called: list[str], _day: int) -> list[str]:
            out = []
            for number in called:
                near = by_area.get(number[2:5]) or list(pool)
                out.append(near[int(self.rng.integers(0, len(near)))])
            return out

        return callers

    # --- when ---------------------------------------------------------------------------------
    def meeting_starts(self, weights: Mapping[int, float]) -> When:
        """Dial-outs when meetings start: on the hour or half hour of an hour drawn by
        ``weights``, from a minute early to five minutes late."""
        hours = np.array(list(weights), dtype=float)
        shares = np.array(list(weights.values()), dtype=float)
        shares /= shares.sum()

        def when(count: int) -> np.ndarray:
            start: np.ndarray = self.rng.choice(hours, count, p=shares)
            start += self.rng.choice([0.0, 0.5], count, p=[0.7, 0.3])
            return start + self.rng.uniform(-1 / 60, 5 / 60, count)

        return when

    # --- the calls ----------------------------------------------------------------------------
    def forwarded(
        self,
        per_day: int,
        *,
        customer: str,
        lines: Mapping[str, str],
        upstreams: Mapping[str, float],
        when: When,
        answered: float,
        talk: Durations,
        signed: Mapping[str | None, float],
    ) -> None:
        """Call tracking: ``per_day`` calls from the public to the tracking numbers of
        ``lines`` (local to the business, so on its clock), each arriving from one of
        ``upstreams`` (by share) and re-originated by ``customer`` 0.3-1.5 s later to the
        business's own line, presenting the caller's number and the caller's attestation.
        A forwarded call the business answers lasts ``talk`` (the inbound leg 2 s more,
        the whisper); an unanswered one ends in a SIP failure, its caller sent to the
        business's voicemail on the inbound leg (answered, 15-45 s) or giving up (487)."""
        tracking = list(lines)
        carriers = list(upstreams)
        shares = np.array(list(upstreams.values()), dtype=float)
        levels = list(signed)
        level_shares = np.array(list(signed.values()), dtype=float)
        for day in range(-1, self.days):
            count = round(per_day * self.volume * self.rng.uniform(0.9, 1.1))
            dialled = [tracking[i] for i in self.rng.integers(0, len(tracking), count)]
            seconds = day * 86_400 + when(count) * 3600
            seconds -= np.array([self.offset_s(number[2:5], day) for number in dialled])
            kept = np.flatnonzero((seconds >= 0) & (seconds < self.days * 86_400))
            dialled = [dialled[i] for i in kept]
            seconds = seconds[kept] + self.start_s
            count = len(dialled)
            callers = self.numbers(count)
            via = self.rng.choice(len(carriers), count, p=shares / shares.sum())
            attested = [
                levels[i]
                for i in self.rng.choice(len(levels), count, p=level_shares / level_shares.sum())
            ]
            picked_up = self.rng.random(count) < answered
            talked = np.zeros(count, np.int64)
            if picked_up.any():
                talked[picked_up] = np.maximum(1, talk(int(picked_up.sum())))
            codes = np.array(list(PEOPLE), dtype=np.int64)
            code_shares = np.array(list(PEOPLE.values()), dtype=float)
            failures = self.rng.choice(codes, count, p=code_shares / code_shares.sum())
            mailbox = ~picked_up & (self.rng.random(count) < 0.6)
            inbound = np.where(picked_up, talked + 2, 0)
            inbound[mailbox] = self.rng.integers(15, 46, int(mailbox.sum()))
            for index, carrier in enumerate(carriers):
                legs = np.flatnonzero(via == index)
                self.append(
                    start_times=[START + timedelta(seconds=float(seconds[i])) for i in legs],
                    durations=inbound[legs].tolist(),
                    sip_codes=[200 if picked_up[i] or mailbox[i] else 487 for i in legs],
                    callers=[callers[i] for i in legs],
                    called=[dialled[i] for i in legs],
                    customer=None,
                    upstream=carrier,
                    sub_account=None,
                    attestations=[attested[i] for i in legs],
                )
            delay = self.rng.uniform(0.3, 1.5, count)
            self.append(
                start_times=[
                    START + timedelta(seconds=float(s + d))
                    for s, d in zip(seconds, delay, strict=True)
                ],
                durations=talked.tolist(),
                sip_codes=np.where(picked_up, 200, failures).tolist(),
                callers=callers,
                called=[lines[number] for number in dialled],
                customer=customer,
                upstream=None,
                sub_account=None,
                attestations=attested,
            )


def _scam_account(
    n: PlatformNetwork,
    customer_id: str,
    *,
    declared_use: str,
    opened: datetime,
    kyc: KycStatus,
    email: str,
    ip_country: str,
) -> None:
    """A self-serve account opened at ``opened`` with one number bought, a campaign."""
    n.account(customer_id, declared_use, campaign=True, kyc=kyc, opened=opened, numbers=1,
              email=email, ip_country=ip_country)  # fmt: skip


def _blast(
    n: PlatformNetwork,
    customer_id: str,
    *,
    day: int,
    hours: tuple[float, float],
    count: int,
    pitch: int,
    callers: Callers,
    answered: float,
    attestation: Attestation = "B",
) -> None:
    """A scam account's hours of a text-to-speech "press 1" message at the new-account
    rate limit, on the UTC clock of the offshore centre running it."""
    n.send(n.only(day, count), customer=customer_id, callers=callers,
           durations=n.press_one(pitch, transfer=0.03, hang_ups=0.55, agent_median_s=540),
           answered=answered, when=n.between(*hours), clock="utc",
           attestation=attestation)  # fmt: skip


def build(seed: int, volume: float = 1.0) -> PlatformNetwork:
    """The network of the module docstring; ``volume`` scales every sender's calls."""
    n = PlatformNetwork(seed, volume)
    business = n.by_hour(BUSINESS)
    n.dno.extend(DnoEntry(number, "government inbound-only line (ITG DNO list)") for number in SSA)
    n.dno.extend(DnoEntry(number, "inbound only (customer service)") for number in n.numbers(300))

    # --- the numbers the platform hosts for inbound calls --------------------------------------
    officevox = n.account("officevox-ucaas", "UCaaS: hosted PBX for small and mid-size "
                          "businesses", kind=CustomerKind.RESELLER, opened=ago(365 * 7),
                          numbers=8000, ein="27-4419803",
                          address="600 Congress Ave, Austin TX")  # fmt: skip
    n.lawful(officevox)
    n.send(12_000, customer="officevox-ucaas", callers=n.rotate(officevox),
           durations=n.live(150), answered=0.5, when=business,
           unanswered=PEOPLE)  # fmt: skip

    # --- campaigns ------------------------------------------------------------------------
    # the power-dialer ISV and its homeowner-benefit client
    n.account("dialwave-software", "power dialer software for sales teams (agent-driven "
              "dialing, voicemail drop)", kind=CustomerKind.RESELLER, opened=ago(365 * 6),
              ein="45-3120977", address="1200 E Warner Rd, Tempe AZ")  # fmt: skip
    benefit = n.account("homestead-benefit-realty", "real estate brokerage: homeowner outreach "
                        "(live agents)", campaign=True, parent="dialwave-software",
                        opened=ago(210), numbers=180, npa=HOMEOWNER_STATES,
                        ein="85-2719934",
                        address="3201 W Cypress St, Tampa FL")  # fmt: skip
    homeowners = n.numbers(120_000, HOMEOWNER_STATES)
    left_forms = homeowners[:24_000]
    n.consented_then_revoked("homestead-benefit-realty", left_forms,
                             kind=ConsentType.PRIOR_EXPRESS,
                             obtained=(ago(365 * 5), ago(365)), revoked=1 / 3,
                             revoked_by=(ago(300), ago(5)),
                             evidence="{holder}/home-valuation-form/{index}")  # fmt: skip
    n.consented_at("dialwave-software", homeowners[24_000:36_000], ago(400),
                   kind=ConsentType.PRIOR_EXPRESS_WRITTEN,
                   evidence="{holder}/platform-optin/{index}")  # fmt: skip

    def voicemail_drop(count: int) -> np.ndarray:
        """The greeting (8-25 s), the beep, 1-3 s for the agent's click, a 32 s message."""
        return n.rng.integers(8, 26, count) + n.rng.integers(2, 5, count) + 32

    power_dialer = n.mix([
        (0.62, voicemail_drop),
        (0.13, n.between_s(3, 15)),  # a human refuses
        (0.25, n.live(120, 0.7)),  # a human hears the agent's pitch
    ])  # fmt: skip
    n.send(14_000, customer="dialwave-software", sub_account="homestead-benefit-realty",
           callers=n.same_area(benefit), callees=homeowners, durations=power_dialer,
           answered=0.38, when=n.between(9, 20))  # fmt: skip

    # self-serve accounts on stolen cards: a few hours each, then shut down
    _scam_account(n, "ac-5d21e0b7", declared_use="appointment reminders for my clinic app",
                  opened=at(0, 9.2), kyc=KycStatus.PENDING, email="nexanotify.dev@gmail.com",
                  ip_country="NG")  # fmt: skip
    _blast(n, "ac-5d21e0b7", day=0, hours=(15, 18), count=9000, pitch=19,
           callers=n.invented(1 / 3, SSA), answered=0.09)  # fmt: skip
    _scam_account(n, "ac-91f4c3a0", declared_use="testing voice API", opened=at(1, 2.7),
                  kyc=KycStatus.UNKNOWN, email="orbit.devstudio@proton.me",
                  ip_country="PK")  # fmt: skip
    _blast(n, "ac-91f4c3a0", day=1, hours=(13.5, 17), count=10_000, pitch=16,
           callers=n.invented_local(), answered=0.11)  # fmt: skip
    _scam_account(n, "ac-0b77e512", declared_use="delivery notifications", opened=at(2, 12.1),
                  kyc=KycStatus.PENDING, email="primelogistics.alerts@outlook.com",
                  ip_country="VN")  # fmt: skip
    _blast(n, "ac-0b77e512", day=2, hours=(16, 19.5), count=8000, pitch=22,
           callers=n.rotate(n.numbers(50)), answered=0.08)  # fmt: skip
    _scam_account(n, "ac-c4e8f219", declared_use="customer notifications", opened=at(2, 22),
                  kyc=KycStatus.PENDING, email="brightline.notify@gmail.com",
                  ip_country="US")  # fmt: skip
    _blast(n, "ac-c4e8f219", day=3, hours=(14, 16.5), count=7000, pitch=18,
           callers=n.fresh(), answered=0.1)  # fmt: skip

    # the AI voice-agent ISV and its cloned-voice "Medicare benefits office" client
    n.account("parlance-voice-ai", "AI voice agents for businesses (inbound and outbound)",
              kind=CustomerKind.RESELLER, opened=ago(365 * 2), ein="88-4021756",
              address="548 Market St, San Francisco CA")  # fmt: skip
    clone = n.account("benefit-assist-center", "customer service follow-ups (AI agent)",
                      campaign=True, parent="parlance-voice-ai", kyc=KycStatus.PENDING,
                      opened=ago(20), numbers=400,
                      email="benefitassistcenter@gmail.com")  # fmt: skip
    ai_pitch = n.mix([
        (0.45, n.between_s(2, 12)),  # hangs up on the cloned voice
        (0.25, n.between_s(15, 90)),  # argues with the bot
        (0.12, lambda count: n.rng.integers(40, 121, count) + n.live(420, 0.8)(count)),
        (0.18, n.message(24, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    n.send(20_000, customer="parlance-voice-ai", sub_account="benefit-assist-center",
           callers=n.rotate(clone), callees=n.numbers(150_000), durations=ai_pitch,
           answered=0.16, when=n.between(9, 19))  # fmt: skip

    # an interconnecting carrier passing a listing-verification robocall to hosted offices
    n.rmd.append(RmdFiling("0081", "Vantage Peak Telecom", "Partial STIR/SHAKEN Implementation"))
    n.campaign["upstream_provider", "Vantage Peak Telecom"] = True
    n.send(8000, upstream="Vantage Peak Telecom", callers=n.fresh(), callees=officevox,
           durations=n.press_one(24, transfer=0.04, hang_ups=0.55, agent_median_s=360),
           answered=0.45, when=n.between(9, 17), attestation={None: 0.5, "C": 0.5})  # fmt: skip

    # --- for review -----------------------------------------------------------------------
    solar = n.account("sunvista-home-energy", "speed-to-lead calls to homeowners who "
                      "requested solar quotes", opened=ago(240), numbers=30,
                      ein="87-1904462", address="2150 S 1300 E, Salt Lake City UT")  # fmt: skip
    del n.campaign["customer", "sunvista-home-energy"]
    n.review.add(("customer", "sunvista-home-energy"))
    leads = n.numbers(30_000)
    sites = ["compare-solar-savings", "homeenergyquotes-now", "solarrebatefinder"]

    # each lead's form filled in 0-14 days before the week
    bought = n.dated(0, 14)

    for part, site in enumerate(sites):
        n.consented_at("sunvista-home-energy", leads[part * 10_000 : (part + 1) * 10_000],
                       bought, kind=ConsentType.PRIOR_EXPRESS_WRITTEN,
                       evidence=f"https://www.{site}.com/lead/{{index}}")  # fmt: skip
    quote = n.mix([
        (0.7, n.press_one(27, transfer=0.05, hang_ups=0.5, agent_median_s=480)),
        (0.3, n.message(27, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    n.send(7000, customer="sunvista-home-energy", callers=n.rotate(solar), callees=leads,
           durations=quote, answered=0.22, when=n.between(9, 20))  # fmt: skip

    # --- lawful ---------------------------------------------------------------------------
    codes = n.account("authgate-identity", "one-time passcodes by voice (two-factor "
                      "authentication API)", opened=ago(365 * 6), numbers=40,
                      ein="46-2285310")  # fmt: skip
    n.lawful(codes)
    passcode = n.mix([
        (0.64, n.message(17, hang_ups=0.0)),  # the code read twice
        (0.30, n.between_s(8, 11)),  # hangs up after the first reading
        (0.06, n.message(17, hang_ups=0.0, voicemail=1.0)),
    ])  # fmt: skip
    n.send(20_000, customer="authgate-identity", callers=n.rotate(codes), durations=passcode,
           answered=0.9, when=n.by_hour(APP_ACTIVITY),
           unanswered={480: 0.5, 486: 0.2, 487: 0.2, 603: 0.1})  # fmt: skip

    clinics = n.account("carecadence-health", "appointment reminders for medical and dental "
                        "clinics", opened=ago(365 * 5), numbers=500,
                        ein="81-3349021")  # fmt: skip
    n.lawful(clinics)
    clinic_of = n.clientele(clinics, 120)
    patients = list(clinic_of)
    n.consented_at("carecadence-health", patients, n.dated(30, 900), share=0.98,
                   evidence="{holder}/intake/{index}")  # fmt: skip
    confirm = n.confirmation_ivr(28)
    n.send(12_000, customer="carecadence-health", callers=n.assigned(clinic_of),
           callees=patients, durations=confirm, answered=0.62,
           when=n.between(9, 19))  # fmt: skip

    stores = n.account("harborside-pharmacy-network", "prescription refill and pickup "
                       "reminders", opened=ago(365 * 7), numbers=200,
                       ein="52-0987712")  # fmt: skip
    n.lawful(stores)
    refill = n.mix([(0.92, n.message(24, hang_ups=0.12, voicemail=0.33)),
                    (0.08, n.between_s(34, 70))])  # fmt: skip
    n.store_reminders("harborside-pharmacy-network", stores, 9000, each=250, consented=ago(365),
                      durations=refill, when=n.by_hour(REMINDER_HOURS))  # fmt: skip

    # the school-notification vendor and the district in the fires
    n.account("edualert-systems", "school and district notifications (attendance, closures, "
              "emergencies)", kind=CustomerKind.RESELLER, opened=ago(365 * 10),
              ein="20-5561437")  # fmt: skip
    district = n.account("san-gorgonio-unified-schools", "parent and staff notifications",
                         parent="edualert-systems", opened=ago(365 * 8), numbers=2,
                         npa=909, ein="95-6002631")  # fmt: skip
    n.lawful(district)
    families = n.numbers(32_000, [909, 951])
    n.consented_at("san-gorgonio-unified-schools", families, datetime(2024, 8, 5, tzinfo=UTC),
                   share=0.85, evidence="{holder}/enrolment/{index}")  # fmt: skip
    closure = n.message(38, spread=7, hang_ups=0.15, voicemail=0.35)
    n.send([1500, 0, 0, 1500], customer="edualert-systems",
           sub_account="san-gorgonio-unified-schools", callers=n.rotate(district),
           callees=families, durations=n.message(30, hang_ups=0.15), answered=0.5,
           when=n.between(10, 11))  # fmt: skip
    # Tuesday 7-7:40 pm Pacific is 02:00-02:40 UTC Wednesday (a local schedule would repeat
    # it on the Monday evening, the local day before the first)
    n.send(n.only(1, 40_000), customer="edualert-systems",
           sub_account="san-gorgonio-unified-schools", callers=n.rotate(district),
           callees=families, durations=closure, answered=0.6, when=n.between(2, 2.67),
           clock="utc")  # fmt: skip
    n.send(n.only(1, 30_000), customer="edualert-systems",
           sub_account="san-gorgonio-unified-schools", callers=n.rotate(district),
           callees=families, durations=closure, answered=0.5,
           when=n.between(5.75, 6.5))  # fmt: skip
    n.send(n.only(2, 35_000), customer="edualert-systems",
           sub_account="san-gorgonio-unified-schools", callers=n.rotate(district),
           callees=families, durations=closure, answered=0.6,
           when=n.between(18, 18.67))  # fmt: skip
    for name, area in [("lakewood-city-schools", 216), ("cypress-creek-isd", 713),
                       ("mesa-verde-school-district", 480)]:  # fmt: skip
        lines = n.account(name, "parent and staff notifications", parent="edualert-systems",
                          opened=ago(365 * 6), numbers=2, npa=area)  # fmt: skip
        n.lawful(lines)
        parents = n.numbers(15_000, area)
        n.consented_at(name, parents, datetime(2024, 8, 1, tzinfo=UTC), share=0.9,
                       evidence="{holder}/enrolment/{index}")  # fmt: skip
        n.send(1200, customer="edualert-systems", sub_account=name, callers=n.rotate(lines),
               callees=parents, durations=n.message(28, hang_ups=0.15, voicemail=0.3),
               answered=0.5, when=n.between(9.5, 11))  # fmt: skip

    # call tracking: the public's calls forwarded in real time
    n.account("callmetric-analytics", "call tracking and forwarding for advertisers",
              opened=ago(365 * 9), ein="26-1187345")  # fmt: skip
    line_of: dict[str, str] = {}
    for _ in range(2000):
        own = n.numbers(1)[0]
        for tracking in n.numbers(3, int(own[2:5])):
            line_of[tracking] = own
    n.host("callmetric-analytics", list(line_of))
    n.rmd.append(RmdFiling("0082", "Crosslake Communications", "Complete STIR/SHAKEN "
                           "Implementation"))  # fmt: skip
    n.campaign["upstream_provider", "Crosslake Communications"] = False
    n.forwarded(18_000, customer="callmetric-analytics", lines=line_of,
                upstreams={"Crosslake Communications": 0.7, "Vantage Peak Telecom": 0.3},
                when=business, answered=0.72, talk=n.live(150),
                signed={"A": 0.55, "B": 0.2, None: 0.25})  # fmt: skip

    # a contact centre on SIP trunks
    agents = n.account("northpoint-bpo", "outbound customer care and renewals for client "
                       "brands (live agents, predictive dialer, consented lists)",
                       opened=ago(365 * 4), numbers=90, ein="46-3381902",
                       address="2200 Renaissance Blvd, King of Prussia PA")  # fmt: skip
    n.lawful(agents)
    customers = n.numbers(150_000)
    n.consented_at("northpoint-bpo", customers, ago(500), kind=ConsentType.PRIOR_EXPRESS_WRITTEN,
                   share=0.96, evidence="{holder}/client-optin/{index}")  # fmt: skip
    predictive = n.predictive_dialler(170)
    n.send(15_000, customer="northpoint-bpo", callers=n.rotate(agents), callees=customers,
           durations=predictive, answered=0.3, when=n.between(9, 20))  # fmt: skip
    inbound_lines = n.numbers(200, [215, 610, 484])
    n.host("northpoint-bpo", inbound_lines)

    # the power-dialer ISV's lawful clients
    volunteers = n.account("keystone-forward-pac", "volunteer phone bank (live callers) for "
                           "the general election", parent="dialwave-software",
                           opened=ago(150), numbers=150, npa=PENNSYLVANIA,
                           ein="93-3318770")  # fmt: skip
    n.lawful(volunteers)
    talk = n.mix([(0.35, n.between_s(3, 15)), (0.65, n.live(95, 0.7))])
    n.send(8000, customer="dialwave-software", sub_account="keystone-forward-pac",
           callers=n.rotate(volunteers), callees=n.numbers(90_000, PENNSYLVANIA),
           durations=talk, answered=0.11,
           when=n.by_hour({12: 0.5, 13: 0.6, 14: 0.6, 15: 0.7, 16: 0.9, 17: 1.2, 18: 1.5,
                           19: 1.5, 20: 0.6}))  # fmt: skip
    officers = n.account("lakeside-home-lending", "loan officers calling back mortgage "
                         "enquiries", parent="dialwave-software", opened=ago(900),
                         numbers=25, ein="38-3920114")  # fmt: skip
    n.lawful(officers)
    enquiries = n.numbers(20_000)
    n.consented_at("lakeside-home-lending", enquiries,
                   n.dated(1, 60),
                   kind=ConsentType.PRIOR_EXPRESS_WRITTEN,
                   evidence="{holder}/rate-quote-form/{index}")  # fmt: skip
    n.send(2500, customer="dialwave-software", sub_account="lakeside-home-lending",
           callers=n.rotate(officers), callees=enquiries,
           durations=n.mix([(0.4, n.between_s(3, 20)), (0.6, n.live(240, 0.8))]),
           answered=0.3, when=n.between(9, 19))  # fmt: skip
    agency = n.account("hometown-insurance-agency", "renewal calls to policyholders",
                       parent="dialwave-software", opened=ago(1400), numbers=8, npa=314,
                       ein="31-1770256")  # fmt: skip
    n.lawful(agency)
    policyholders = n.numbers(12_000, 314)
    n.consented("hometown-insurance-agency", policyholders, 0.95)
    n.send(1500, customer="dialwave-software", sub_account="hometown-insurance-agency",
           callers=n.rotate(agency), callees=policyholders, durations=n.live(200),
           answered=0.35, when=n.between(9, 18), unanswered=PEOPLE)  # fmt: skip

    # the AI voice-agent ISV's lawful clients
    dental = n.account("brightsmile-dental-group", "AI receptionist: appointment confirmations",
                       parent="parlance-voice-ai", opened=ago(300), numbers=40,
                       npa=[602, 480, 520])  # fmt: skip
    n.lawful(dental)
    dental_patients = n.numbers(25_000, [602, 480, 520])
    n.consented("brightsmile-dental-group", dental_patients)
    n.send(2000, customer="parlance-voice-ai", sub_account="brightsmile-dental-group",
           callers=n.rotate(dental), callees=dental_patients,
           durations=n.mix([(0.7, n.between_s(15, 45)), (0.15, n.between_s(2, 10)),
                            (0.15, n.message(22, hang_ups=0.0, voicemail=1.0))]),
           answered=0.55, when=n.between(9, 17))  # fmt: skip
    fleet = n.account("fleetroute-logistics", "AI agent: delivery scheduling with customers",
                      parent="parlance-voice-ai", opened=ago(420), numbers=20)  # fmt: skip
    n.lawful(fleet)
    buyers = n.numbers(40_000)
    n.consented_at("fleetroute-logistics", buyers,
                   n.dated(1, 30),
                   evidence="{holder}/checkout/{index}")  # fmt: skip
    n.send(3000, customer="parlance-voice-ai", sub_account="fleetroute-logistics",
           callers=n.rotate(fleet), callees=buyers,
           durations=n.mix([(0.65, n.between_s(20, 70)), (0.2, n.between_s(2, 12)),
                            (0.15, n.message(25, hang_ups=0.0, voicemail=1.0))]),
           answered=0.5, when=n.between(9, 19))  # fmt: skip

    # a conferencing service's "call me" dial-outs
    bridges = n.account("huddlebridge-meetings", "conference bridge dial-out to participants",
                        opened=ago(365 * 8), numbers=24, ein="94-3329018")  # fmt: skip
    n.lawful(bridges)
    participants = n.numbers(12_000)

    def meeting(count: int) -> np.ndarray:
        """About half an hour in the meeting, never more than three hours."""
        return np.minimum(10_800, n.live(1800, 0.5)(count))

    n.send(6000, customer="huddlebridge-meetings", callers=n.rotate(bridges),
           callees=participants, durations=meeting, answered=0.85,
           when=n.meeting_starts({h: 1.0 for h in range(8, 18)}),
           unanswered=PEOPLE)  # fmt: skip

    # the public calling hosted numbers through the platform's main interconnect
    n.send(40_000, upstream="Crosslake Communications", callers=n.fresh(),
           callees=officevox + inbound_lines, durations=n.live(180), answered=0.7,
           when=business, attestation={"A": 0.6, "B": 0.2, None: 0.2},
           unanswered=PEOPLE)  # fmt: skip

    n.small_businesses(30, "devshop")
    return n
