"""A layered network: robocalling that hides behind layers (a CPaaS reseller's dialer
platform's client, an upstream that signs what it relays, a gateway's foreign traffic, a
boiler room's live agents, a conversational AI voice, bursts timed under hourly limits),
beside lawful senders that share their outward shape (one-time passcodes around the clock,
a jail's collect calls, a contact centre presenting its clients' numbers, a clinic group's
AI scheduling agent, a transit carrier delivering inbound calls to the network's own
customers). Three UTC days from Tuesday 17 October 2023, built on the plumbing of
:mod:`tests.traffic.blind_shapes` (calls on the callee's local clock, KYC evidence, a DNO
list, the RMD). No campaign holds a consent record for the people it calls.

Campaigns (each must reach ``high`` at the named entity in every window it is run in):

- ``ringburst-dialer`` (sub-account of the CPaaS reseller ``relaywave-cpaas``, itself a
  dialer platform; the chain of the FCC's January 2023 letter to Twilio about PhoneBurner
  and MV Realty): the platform's real-estate client plays a 34 s prerecorded "homeowner
  cash program" pitch (press 1 for a representative; answering-machine detection leaves
  the same pitch after the beep) to a bought list of homeowners in FL, GA, NC, TX, AZ and
  OH, 9 am-5:30 pm local, from 200 local-presence numbers the platform rents (granted,
  signed A). The dialer's client is invisible to the carrier: the platform is the
  narrowest source in the CDRs. About 45% of the platform's calls are its other clients'
  lawful work: realtors and insurance agents power-dialling their leads one at a time
  (live talk, quick refusals, and each agent's own recorded voicemail drop of 18-45 s
  after the greeting), from 500 numbers of their own (labelled lawful). 47 USC 227(b)(1)
  (A)(iii)/(B), 47 CFR 64.1200(a)(2)-(3): prerecorded telemarketing to wireless and
  residential lines without prior express written consent.
- ``vistara-global-connect`` (customer, 38 days old, KYC pending, signs up from India
  with a webmail contact, declared "outbound customer support for e-commerce clients"):
  an offshore boiler room of live agents on a predictive dialler running SSA, IRS and
  bank impersonation ("your Social Security number was used in a crime", "a suspicious
  charge on your account"), 13:30-22:30 UTC (US office hours, night shift in India).
  Two calls in five present the SSA's, IRS's and three banks' published inbound numbers
  (on the DNO list), a quarter present one of 60 sheriff's office and police lines in the
  callee's region (real numbers nobody granted it), the rest an invented number in the
  callee's area code; its carrier signs B. Durations are live conversations: dead air and
  quick hang-ups, 20-60 s scripts, minutes-long pitches, and victims kept on the line
  for half an hour. No recording: it is not a robocall under 227(b), but 47 USC 227(e)
  (Truth in Caller ID; 47 CFR 64.1604) bars spoofing to defraud, and 64.1200(k)(1)-(2)
  and (n) make calls from DNO and unassigned numbers ones the carrier must stop.
- ``sunvolt-energy-advisors`` (customer, 95 days old): a conversational AI voice agent
  ("Hi, this is Ava with SunVolt, am I speaking with the homeowner?") selling rooftop
  solar to a bought list of sunbelt homeowners, 9 am-8 pm local, from 250 numbers of its
  own signed A: answered calls last as conversations do (hang-ups at the greeting,
  20-second refusals, minutes of questions, 5% handed to a human closer), and on a
  machine the agent generates a voicemail whose length varies with the name and script;
  there is no single message length. The FCC's February 2024 declaratory ruling (FCC
  24-17) holds AI-generated voices "artificial" under 227(b): a cold campaign without
  written consent is unlawful as if it were a recording.
- ``Lantern Voice Carrier`` (upstream provider in the RMD; the January 2024 New Hampshire
  primary deepfake, relayed by Lingo Telecom): on the second evening, 6:00-7:30 pm, a
  voice-cloned 47 s message of a well-known politician telling New Hampshire voters not
  to vote, 9,000 calls presenting a real person's mobile number (not the network's,
  granted to nobody), signed A by the upstream. The rest of its traffic, about 25,000
  calls a day, is ordinary signed enterprise voice. 227(b) (prerecorded/artificial voice
  to wireless without consent, political or not), 227(e) (spoofing with intent to
  defraud), and the upstream's 64.6301-6305 attestation duties (it signed A for a number
  its customer had no right to).
- ``powerwise-rate-alerts`` (customer, 28 days old): a deregulated-electricity "your rates
  are going up, press 1" recording (24 s) to PA, OH, NY, IL, MD, MA and TX homes, run in 3
  to 5 bursts a day of 15-30 minutes each at operator-chosen UTC times, each burst
  presenting a fresh 8 of its 80 numbers, so that no hour carries more than one burst of
  1,000-1,800 calls: a shape chosen to stay under the carrier's per-hour limits. 227(b),
  64.1200(a)(2)-(3).
- ``Transpacific Gateway Services`` (upstream provider in the RMD, a gateway provider
  under 47 CFR 64.6305(d)-(e) and 64.1200(n)(4)-(5)): foreign-originated traffic with US
  caller IDs: Manila contact centres calling US customers for US companies (live,
  presenting those companies' numbers), family calls from abroad presenting the callers'
  US VoIP or home-country numbers, and a fifth that is a prerecorded Mandarin "Chinese
  consulate: a package in your name" scam (22 s, press 1 for an "officer") to
  Chinese-American communities in NY, SF, LA and Seattle, a quarter presenting the real
  consulates' numbers and the rest an invented number per call. The gateway signs what
  it can as C, part unsigned. Its duty to block known illegal traffic makes the scam
  slice its to stop; 227(b), 227(e).

For review (reported at least ``medium``; ``high`` is neither asked nor forbidden):

- ``capitol-teleforum`` (customer, a tele-town-hall vendor): on the third evening it
  dials 30,000 constituents of a Pennsylvania congressional district in 15 minutes, a
  15 s recorded invitation ("stay on the line to join Congresswoman ...'s live telephone
  town hall") then the live event (listeners stay 1-60 minutes), presenting the member's
  Washington office number (not granted to the vendor). Whether it is lawful turns on
  facts the carrier cannot see: a federal official's agent acting within its authority
  is not a "person" under the TCPA (FCC Broadnet ruling, 2016), a campaign's or a state
  official's call is, and then prerecorded calls to the wireless numbers among the voter
  file (only a fifth have opt-in records) need consent (227(b)(1)(A)), and residential
  lines are capped at three noncommercial calls in 30 days (64.1200(a)(3)(ii)).

Lawful senders (none may reach ``high``; their own numbers are labelled lawful):

- ``vaultkey-verify``: voice one-time passcodes for apps' two-factor login, 45,000 a day
  around the clock by users' local activity, a 16 s text-to-speech code read twice (many
  hang up after the first reading), 85% answered, from 600 numbers local to the users.
  Requested by the called party, free to them: exempt (FCC 2015 Omnibus ruling,
  64.1200(a)(9)(iv)-style free-to-end-user exemptions); the verify service uploads no
  consent records.
- ``correctlink-inmate-services``: an inmate telephone service at 40 jails and prisons,
  each facility presenting its own two lines to approved family numbers (mostly in
  state), 7 am-10:30 pm: every answered call starts with the 26-34 s recorded collect-call
  announcement, a quarter declined during it, the rest live and cut by the system at 15
  minutes. Live calls the callee accepts: no TCPA issue.
- ``northwind-contact-solutions``: a US contact centre making customer-care callbacks for
  12 clients (utilities, insurers, retailers), presenting each client's number (half
  under letters of authorisation pending verification, the rest not on file; signed B),
  predictive dialling with live agents, 70% of callees consented. Live informational
  calls; presenting a client's number is lawful caller ID use (no intent to defraud).
- ``carewell-ai-scheduling``: an AI voice agent for a clinic group calling its own
  consented patients in six metro areas to book overdue visits from 60 clinic numbers,
  9 am-6 pm: conversations of every length, voicemails that vary. An artificial voice
  with prior express consent for a health care message: 64.1200(a)(2).
- ``relaywave-cpaas`` (reseller, labelled lawful though one client's client is not) and
  its other sub-accounts ``medpoint-refill-alerts`` (a pharmacy chain's consented 22 s
  refill reminders) and ``homeloop-crm`` (realtors' click-to-call from a CRM, live).
- ``Keystone Wholesale Carrier`` (upstream, RMD): signed enterprise transit, rural ILECs'
  unsigned TDM calls, and the inbound calls of the public to this network's own
  customers' numbers (return calls to the pharmacy, the clinics, the jails' lines, the
  agents, a few even to the campaigns' numbers).
- ``mainstreet-*``: 40 small businesses with office phones.

Campaign caller IDs are not labelled: each campaign is judged at the source that carries it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

import numpy as np

from callwarden.customers import CustomerKind, KycStatus, NumberGrant
from callwarden.lists import DnoEntry, RmdFiling
from tests.traffic.blind_shapes import (
    _CODES,
    _WEIGHTS,
    DAYS,
    PEOPLE,
    START,
    Attestation,
    BlindNetwork,
    Callers,
)
from tests.traffic.unseen_shapes import Durations

HOMEOWNER_STATES = [305, 407, 813, 404, 704, 919, 910, 214, 972, 713, 832, 512, 210, 602,
                    480, 520, 216, 440, 330]  # fmt: skip
SUNBELT = [602, 480, 520, 702, 213, 310, 818, 619, 916, 214, 972, 713, 832, 512, 210, 305,
           407, 813]  # fmt: skip
DEREGULATED = [215, 267, 412, 610, 717, 484, 570, 724, 216, 440, 330, 212, 718, 917, 312,
               773, 410, 617, 214, 972, 713, 832]  # fmt: skip
CHINESE_AMERICAN = [212, 718, 917, 415, 408, 213, 818, 206]


@dataclass
class LayeredNetwork(BlindNetwork):
    """A :class:`BlindNetwork` with helpers for bursts, unverified grants and callers
    drawn from several pools."""

    id_prefix = "l"

    def grant(self, customer_id: str, numbers: Sequence[str], *, verified: bool = True) -> None:
        """Numbers authorised for ``customer_id`` (``verified`` False: a letter of
        authorisation on file, the right to use not checked)."""
        since = START - timedelta(days=400)
        self.grants.extend(NumberGrant(number, customer_id, since, verified) for number in numbers)

    def local_to_callee(self, pools: dict[str, list[str]]) -> Callers:
        """A number of ``pools[callee's area code]`` (a pool per area code)."""

        def callers(called: list[str], _day: int) -> list[str]:
            return [
                pools[number[2:5]][int(self.rng.integers(0, len(pools[number[2:5]])))]
                for number in called
            ]

        return callers

    def invented_local(self) -> Callers:
        """A fresh invented number in the callee's area code, per call."""
        return lambda called, _day: [self.numbers(1, int(number[2:5]))[0] for number in called]

    def bursts(
        self,
        *,
        pool: Sequence[str],
        per_burst: tuple[int, int],
        bursts: tuple[int, int],
        minutes: tuple[int, int],
        span: tuple[float, float],
        numbers_per_burst: int,
        customer: str,
        callees: Sequence[str],
        durations: Durations,
        answered: float,
        attestation: Attestation = "A",
    ) -> None:
        """A few bursts a UTC day within ``span`` hours, at least an hour apart, each
        lasting ``minutes`` and presenting a fresh few numbers of ``pool``."""
        for day in range(DAYS):
            count = int(self.rng.integers(bursts[0], bursts[1] + 1))
            slots = np.arange(span[0], span[1] - 0.5, 1.5)
            starts = np.sort(self.rng.choice(slots, min(count, len(slots)), replace=False))
            starts = starts + self.rng.uniform(0, 0.5, len(starts))
            for start in starts.tolist():
                length = int(self.rng.integers(minutes[0], minutes[1] + 1)) / 60
                chosen = [pool[i] for i in self.rng.choice(len(pool), numbers_per_burst,
                                                             replace=False)]  # fmt: skip
                schedule = [0] * DAYS
                schedule[day] = int(self.rng.integers(per_burst[0], per_burst[1] + 1))
                self.send(schedule, customer=customer, callers=self.rotate(chosen),
                          callees=callees, durations=durations, answered=answered,
                          when=self.between(start, start + length), clock="utc",
                          attestation=attestation)  # fmt: skip

    # --- how answered calls last --------------------------------------------------------------
    def greeting_then(self, message: tuple[int, int]) -> Durations:
        """A machine: the callee's greeting (8-25 s) and beep, then a message of a length
        within ``message`` (each agent's or each generated voicemail its own)."""
        return lambda count: (
            self.rng.integers(8, 26, count)
            + self.rng.integers(1, 3, count)
            + self.rng.integers(message[0], message[1] + 1, count)
        )

    def then_live(self, before: Durations, median_s: float, sigma: float = 0.8) -> Durations:
        """``before`` and then a live conversation."""
        return lambda count: before(count) + self.live(median_s, sigma)(count)

    def collect_call(self, cap_s: int = 900) -> Durations:
        """An inmate call: the 26-34 s recorded announcement with its accept prompt; a
        quarter decline or hang up in it, 5% hear the prepaid-account offer and reach
        billing, the rest talk (median 7 minutes) until the system cuts at ``cap_s``."""

        def durations(count: int) -> np.ndarray:
            announcement = self.rng.integers(26, 35, count)
            out = announcement + 2 + np.minimum(cap_s, self.live(420, 0.8)(count))
            declined = self.rng.random(count) < 0.25
            out[declined] = self.rng.integers(3, 35, int(declined.sum()))
            billing = ~declined & (self.rng.random(count) < 0.05 / 0.75)
            out[billing] = announcement[billing] + self.live(150, 0.6)(int(billing.sum()))
            return out

        return durations


def build(seed: int, volume: float = 1.0) -> LayeredNetwork:
    """The network of the module docstring; ``volume`` scales every sender's calls."""
    n = LayeredNetwork(seed, volume)
    days = n.between

    # --- campaigns ------------------------------------------------------------------------
    # the Twilio / PhoneBurner / MV Realty chain: carrier -> CPaaS -> dialer -> its client
    n.account("relaywave-cpaas", "communications platform (programmable voice and SIP) for "
              "software companies", kind=CustomerKind.RESELLER, age_days=2500,
              ein="26-1187344")  # fmt: skip
    n.account("ringburst-dialer", "power dialer for real-estate and insurance agents",
              campaign=True, parent="relaywave-cpaas", kind=CustomerKind.RESELLER,
              age_days=1800, ein="46-2210987")  # fmt: skip
    agents = n.numbers(500)
    n.grant("ringburst-dialer", agents)
    n.lawful(agents)
    leads = n.numbers(60_000)
    n.consented("ringburst-dialer", leads, 0.3)
    agent_calls = n.mix([(0.45, n.live(110)), (0.25, n.between_s(3, 12)),
                         (0.30, n.greeting_then((18, 45)))])  # fmt: skip
    n.send(9000, customer="relaywave-cpaas", sub_account="ringburst-dialer",
           callers=n.rotate(agents), callees=leads, durations=agent_calls, answered=0.22,
           when=days(9, 20))  # fmt: skip
    local_ids = {str(npa): n.numbers(int(n.rng.integers(8, 14)), npa) for npa in HOMEOWNER_STATES}
    n.grant("ringburst-dialer", [number for pool in local_ids.values() for number in pool])
    homeowners = n.numbers(150_000, HOMEOWNER_STATES)
    cash_program = n.mix([
        (0.72, n.press_one(34, transfer=0.04, hang_ups=0.5, agent_median_s=480)),
        (0.28, n.message(34, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    n.send(10_000, customer="relaywave-cpaas", sub_account="ringburst-dialer",
           callers=n.local_to_callee(local_ids), callees=homeowners, durations=cash_program,
           answered=0.25, when=days(9, 17.5))  # fmt: skip

    pharmacy = n.account("medpoint-refill-alerts", "pharmacy refill-ready reminders to "
                         "patients", parent="relaywave-cpaas", age_days=1100, numbers=40,
                         ein="33-0914455")  # fmt: skip
    n.lawful(pharmacy)
    patients = n.numbers(60_000)
    n.consented("medpoint-refill-alerts", patients)
    refill = n.mix([(0.9, n.message(22, hang_ups=0.12, voicemail=0.33)),
                    (0.1, n.between_s(30, 75))])  # fmt: skip
    n.send(4000, customer="relaywave-cpaas", sub_account="medpoint-refill-alerts",
           callers=n.rotate(pharmacy), callees=patients, durations=refill, answered=0.58,
           when=days(10, 19))  # fmt: skip
    crm = n.account("homeloop-crm", "click-to-call from a CRM for real-estate agents",
                    parent="relaywave-cpaas", age_days=900, numbers=300)  # fmt: skip
    n.lawful(crm)
    n.send(2000, customer="relaywave-cpaas", sub_account="homeloop-crm", callers=n.rotate(crm),
           durations=n.mix([(0.7, n.live(150)), (0.3, n.between_s(2, 10))]), answered=0.35,
           when=days(9, 20), unanswered=PEOPLE)  # fmt: skip

    # live-agent imposters presenting government, bank and police numbers
    government = ["+18007721213", "+18008291040", "+18003664484", "+18003250778"]
    banks = ["+18008693557", "+18009359935", "+18004321000", "+18007453600"]
    n.dno.extend(DnoEntry(number, "government inbound-only line") for number in government)
    n.dno.extend(DnoEntry(number, "bank customer service, inbound only") for number in banks)
    n.dno.extend(DnoEntry(number, "inbound only") for number in n.numbers(300))
    n.account("vistara-global-connect", "outbound customer support for e-commerce clients",
              campaign=True, kyc=KycStatus.PENDING, age_days=38, numbers=10,
              email="vistaraglobalconnect@gmail.com", ip_country="IN")  # fmt: skip
    sheriffs = {str(npa): n.numbers(1, int(npa)) for npa in _CODES.tolist()}
    boiler_room = n.mix([
        (0.30, n.between_s(1, 4)),  # dead air before an agent is free, a hang-up
        (0.35, n.live(25, 0.6)),  # "this is officer ... from the Social Security ...": gone
        (0.25, n.live(150, 0.7)),  # argued with, threatened
        (0.10, n.live(1500, 0.8)),  # kept on the line, sent to buy gift cards
    ])  # fmt: skip
    n.send(15_000, customer="vistara-global-connect",
           callers=n.drawn([(0.4, n.rotate(government + banks)),
                            (0.25, n.local_to_callee(sheriffs)),
                            (0.35, n.invented_local())]),
           durations=boiler_room, answered=0.2, when=days(13.5, 22.5), clock="utc",
           attestation="B")  # fmt: skip

    # a conversational AI voice selling solar
    solar = n.account("sunvolt-energy-advisors", "AI assistant for customer follow-up "
                      "calls", campaign=True, age_days=95, numbers=250, npa=SUNBELT,
                      ein="86-3341207", email="ops@sunvoltenergy.co")  # fmt: skip
    ai_pitch = n.mix([
        (0.30, n.between_s(2, 7)),  # gone at "am I speaking with the homeowner?"
        (0.28, n.live(20, 0.5)),  # "not interested", "are you a robot?"
        (0.17, n.live(70, 0.6)),  # questions answered
        (0.05, n.then_live(n.live(60, 0.5), 420)),  # qualified, handed to a closer
        (0.20, n.greeting_then((14, 32))),  # a generated voicemail
    ])  # fmt: skip
    n.send(16_000, customer="sunvolt-energy-advisors", callers=n.rotate(solar),
           callees=n.numbers(120_000, SUNBELT), durations=ai_pitch, answered=0.15,
           when=days(9, 20))  # fmt: skip

    # an upstream relaying a voice-cloned political message, signed A
    n.rmd.append(RmdFiling("0051", "Lantern Voice Carrier", "Complete STIR/SHAKEN Implementation"))
    n.campaign["upstream_provider", "Lantern Voice Carrier"] = True
    businesses = n.numbers(2000)
    n.lawful(businesses)
    n.send(25_000, upstream="Lantern Voice Carrier", callers=n.rotate(businesses),
           durations=n.live(150), answered=0.43, when=days(8, 19),
           attestation={"A": 0.7, "B": 0.25, None: 0.05}, unanswered=PEOPLE)  # fmt: skip
    someone = n.numbers(1, 603)
    n.send([0, 9000, 0], upstream="Lantern Voice Carrier", callers=n.rotate(someone),
           callees=n.numbers(110_000, 603), durations=n.message(47, hang_ups=0.3, voicemail=0.3),
           answered=0.4, when=days(18, 19.5))  # fmt: skip

    # burst-and-pause under per-hour limits
    rates = n.account("powerwise-rate-alerts", "customer notifications", campaign=True,
                      age_days=28, numbers=80, npa=DEREGULATED,
                      email="powerwise.alerts@outlook.com")  # fmt: skip
    n.bursts(pool=rates, per_burst=(1000, 1800), bursts=(3, 5), minutes=(15, 30),
             span=(13.0, 23.5), numbers_per_burst=8, customer="powerwise-rate-alerts",
             callees=n.numbers(100_000, DEREGULATED),
             durations=n.press_one(24, transfer=0.03, hang_ups=0.55, agent_median_s=300),
             answered=0.16)  # fmt: skip

    # a gateway: foreign-originated traffic with US caller IDs, a fifth a consulate scam
    n.rmd.append(
        RmdFiling("0052", "Transpacific Gateway Services", "Complete STIR/SHAKEN Implementation")
    )
    n.campaign["upstream_provider", "Transpacific Gateway Services"] = True
    client_lines = n.numbers(50)
    n.lawful(client_lines)
    n.send(16_000, upstream="Transpacific Gateway Services", callers=n.rotate(client_lines),
           durations=n.mix([(0.75, n.live(240)), (0.25, n.between_s(2, 6))]), answered=0.38,
           when=days(9, 20), attestation={"C": 0.8, None: 0.2})  # fmt: skip
    voip = n.numbers(4000)
    n.lawful(voip)
    abroad = [f"+63917{line:07d}" for line in n.rng.integers(0, 10**7, 1500).tolist()]
    abroad += [f"+5255{line:08d}" for line in n.rng.integers(0, 10**8, 1500).tolist()]
    n.send(10_000, upstream="Transpacific Gateway Services",
           callers=n.drawn([(0.6, n.rotate(voip)), (0.4, n.rotate(abroad))]),
           durations=n.live(600), answered=0.5, when=days(8, 23),
           attestation={"C": 0.7, None: 0.3}, unanswered=PEOPLE)  # fmt: skip
    consulates = ["+12122449392", "+14158525900", "+12138078088", "+13128030095"]
    n.send(7000, upstream="Transpacific Gateway Services",
           callers=n.drawn([(0.25, n.rotate(consulates)), (0.75, n.fresh())]),
           callees=n.numbers(80_000, CHINESE_AMERICAN),
           durations=n.press_one(22, transfer=0.02, hang_ups=0.55, agent_median_s=900),
           answered=0.18, when=days(9, 21), attestation={"C": 0.8, None: 0.2})  # fmt: skip

    # --- for review -------------------------------------------------------------------------
    n.account("capitol-teleforum", "telephone town halls for elected officials",
              age_days=2200, numbers=4, ein="52-2219034")  # fmt: skip
    del n.campaign["customer", "capitol-teleforum"]
    n.review.add(("customer", "capitol-teleforum"))
    district = n.numbers(120_000, [717, 570, 814])
    n.consented("capitol-teleforum", district, 0.2)
    town_hall = n.mix([
        (0.40, n.between_s(2, 15)),  # hung up in the invitation
        (0.15, n.message(15, hang_ups=0.0, voicemail=1.0)),  # invitation on a machine
        (0.45, n.then_live(n.between_s(15, 17), 480, 1.0)),  # stayed for the event
    ])  # fmt: skip
    n.send([0, 0, 30_000], customer="capitol-teleforum", callers=n.rotate(["+12022257715"]),
           callees=district, durations=town_hall, answered=0.3,
           when=days(19.0, 19.25))  # fmt: skip

    # --- lawful ---------------------------------------------------------------------------
    otp = n.account("vaultkey-verify", "voice one-time passcodes (two-factor login) requested "
                    "by app users", age_days=2200, numbers=600, ein="81-4470021")  # fmt: skip
    n.lawful(otp)
    otp_by_npa: dict[str, list[str]] = {}
    for number in otp:
        otp_by_npa.setdefault(number[2:5], []).append(number)
    for npa in _CODES.tolist():
        otp_by_npa.setdefault(str(npa), otp[:20])
    codes = n.mix([
        (0.70, n.message(16, hang_ups=0.0)),  # heard the code twice
        (0.18, n.between_s(8, 12)),  # hung up after the first reading
        (0.05, n.between_s(26, 31)),  # pressed 1 to hear it again
        (0.07, n.message(16, hang_ups=0.0, voicemail=1.0)),
    ])  # fmt: skip
    logins = {0: 0.35, 1: 0.2, 2: 0.12, 3: 0.1, 4: 0.1, 5: 0.2, 6: 0.5, 7: 0.9, 8: 1.2,
              9: 1.3, 10: 1.3, 11: 1.3, 12: 1.3, 13: 1.3, 14: 1.3, 15: 1.3, 16: 1.2, 17: 1.2,
              18: 1.1, 19: 1.1, 20: 1.0, 21: 0.9, 22: 0.8, 23: 0.6}  # fmt: skip
    n.send(45_000, customer="vaultkey-verify", callers=n.local_to_callee(otp_by_npa),
           durations=codes, answered=0.85, when=n.by_hour(logins),
           unanswered={480: 0.5, 487: 0.3, 486: 0.15, 404: 0.05})  # fmt: skip

    n.account("correctlink-inmate-services", "inmate telephone service (collect and prepaid "
              "calls from correctional facilities)", age_days=4000, ein="75-2881903")  # fmt: skip
    facility_of: dict[str, list[str]] = {}
    jail_lines: list[str] = []
    for _ in range(40):
        town = int(n.rng.choice(_CODES, p=_WEIGHTS))
        lines = n.numbers(2, town)
        jail_lines += lines
        for family in n.numbers(900, town) + n.numbers(300):
            facility_of[family] = lines
    n.grant("correctlink-inmate-services", jail_lines)
    n.lawful(jail_lines)
    n.send(16_000, customer="correctlink-inmate-services",
           callers=lambda called, _day: [facility_of[c][int(n.rng.integers(0, 2))]
                                         for c in called],
           callees=list(facility_of), durations=n.collect_call(), answered=0.55,
           when=days(7, 22.5), unanswered=PEOPLE)  # fmt: skip

    own = n.account("northwind-contact-solutions", "customer care callbacks for client "
                    "companies (live agents)", age_days=1900, numbers=10,
                    ein="41-3320876")  # fmt: skip
    clients = n.numbers(24)
    n.grant("northwind-contact-solutions", clients[:12], verified=False)
    n.lawful(own + clients)
    care_customers = n.numbers(100_000)
    n.consented("northwind-contact-solutions", care_customers, 0.7)
    care = n.mix([
        (0.58, n.live(200)),
        (0.22, n.between_s(2, 5)),  # a machine, dropped
        (0.15, n.greeting_then((15, 40))),  # an agent's voicemail
        (0.05, n.between_s(1, 3)),  # abandoned
    ])  # fmt: skip
    n.send(14_000, customer="northwind-contact-solutions",
           callers=n.drawn([(0.9, n.rotate(clients)), (0.1, n.rotate(own))]),
           callees=care_customers, durations=care, answered=0.42, when=days(9, 20),
           attestation="B")  # fmt: skip

    metros = [312, 773, 713, 832, 404, 602, 480, 303, 720]
    clinics = n.account("carewell-ai-scheduling", "AI scheduling assistant calling our "
                        "clinics' patients about overdue visits", age_days=700, numbers=60,
                        npa=metros, ein="84-2290331")  # fmt: skip
    n.lawful(clinics)
    clinic_patients = n.numbers(70_000, metros)
    n.consented("carewell-ai-scheduling", clinic_patients)
    scheduling = n.mix([
        (0.12, n.between_s(2, 8)),
        (0.45, n.live(75, 0.5)),  # booked a visit
        (0.15, n.live(35, 0.5)),  # will call back, or declined
        (0.08, n.then_live(n.live(40, 0.4), 180)),  # handed to staff
        (0.20, n.greeting_then((20, 35))),
    ])  # fmt: skip
    n.send(6000, customer="carewell-ai-scheduling", callers=n.rotate(clinics),
           callees=clinic_patients, durations=scheduling, answered=0.5,
           when=days(9, 18))  # fmt: skip

    n.small_businesses(40, "mainstreet")
    storefronts = [g.number for g in n.grants if g.customer_id.startswith("mainstreet-")]

    n.rmd.append(
        RmdFiling("0053", "Keystone Wholesale Carrier", "Partial STIR/SHAKEN Implementation")
    )
    n.campaign["upstream_provider", "Keystone Wholesale Carrier"] = False
    enterprises = n.numbers(1500)
    n.lawful(enterprises)
    n.send(30_000, upstream="Keystone Wholesale Carrier", callers=n.rotate(enterprises),
           durations=n.live(160), answered=0.42, when=days(8, 19),
           attestation={"A": 0.75, "B": 0.2, None: 0.05}, unanswered=PEOPLE)  # fmt: skip
    n.send(6000, upstream="Keystone Wholesale Carrier", callers=n.fresh(),
           durations=n.live(200), answered=0.5, when=days(8, 22), attestation=None,
           unanswered=PEOPLE)  # fmt: skip
    # the public calling this network's customers back: inbound to their numbers
    returned: list[tuple[Sequence[str], int]] = [
        (pharmacy, 250), (clinics, 500), (jail_lines, 700), (agents, 600), (crm, 150),
        (own, 300), (storefronts, 1200), (otp, 20),
        ([number for pool in local_ids.values() for number in pool], 120), (solar, 150),
    ]  # fmt: skip
    for targets, per_day in returned:
        n.send(per_day, upstream="Keystone Wholesale Carrier", callers=n.fresh(),
               callees=targets, durations=n.live(120), answered=0.6, when=days(8, 20),
               attestation={"A": 0.6, "B": 0.15, None: 0.25}, unanswered=PEOPLE)  # fmt: skip
    return n
