"""A second network built, independently of the detectors, from how robocallers and
legitimate callers actually dial: calls placed in the callee's local hours, schedules that
change from day to day (a storm night, a snow day), a calling number chosen per callee
(local presence, a store calling its own patients, the callee's own area code), mixed
attestation, and answered-call lengths from how each kind of call goes.

Campaigns (each must reach ``high``):

- an auto-warranty recording played from 60 leased numbers by a sub-account of a CPaaS
  reseller whose five other tenants make ordinary support callbacks;
- a press-1 health-insurance pitch to a bought lead list (a quarter of it consented) in
  which a quarter of those who answer press 1 and talk to a live closer for minutes;
- a personalised text-to-speech tax-relief message whose length varies by a few seconds
  with the callee's name and amount owed;
- snowshoeing: five young accounts, some with KYC still pending, each placing a few hundred
  calls a day of the same message from two numbers;
- a gateway provider filed in the RMD handing over a recording spoofed in the callee's own
  area code (C- or B-attested), plus live-sounding calls from a new C-attested number each;
- an energy-savings robocall with answering-machine detection: a 20 s cut for people, a
  35 s message left after the beep;
- a loan robocall that dials only from 9 to 11 pm in the callee's time zone;
- a ten-day-old account with KYC pending claiming to send appointment reminders;
- a local-presence robocall presenting its own granted number in the callee's area code;
- a carrier filed in the RMD signing B on an impersonation message from a new number per
  call, under 5% of its answered calls not A-attested, among live transit;
- a home-services company whose agents call its consented customers while a recording
  from two of its numbers goes to a bought list: under half its answered calls, and only a
  fifth or so of those of 6 s or more heard to the end, with hang-ups and voicemail
  greetings around it.

Legitimate senders (none may reach ``high``):

- a predictive-dialler contact centre calling consented clients with local presence,
  dropping answering machines at 3-5 s and abandoning 3% of answers;
- a hospital's appointment reminders in English and Spanish, press 1 to confirm, press 2
  to reach scheduling;
- an electric utility's daily bill reminders, then a storm night of restoration calls
  between 1 and 4 am;
- a new political campaign's volunteer phone bank making live calls to voters (live calls
  need no consent), half of whom hang up at once;
- a bank's card fraud alerts around the clock, press 1 if it was you, 2 for an agent;
- a large transit carrier filed in the RMD with mixed signed and unsigned live traffic and
  some busy PBX trunks;
- a school district's daily attendance calls, then a 5:30 am burst of closure alerts;
- a pharmacy chain whose 200 stores each call their own consented patients;
- a survey firm's live interviewers calling a list-assisted random sample at a 6% answer
  rate;
- a dental-reminder platform (a reseller) whose 30 offices play the vendor's one template
  to their own patients;
- a family practice's reminders to its patients, only half of whose consent is on file
  with the carrier;
- an insurance agency's recorded renewal reminders to its consented policyholders beside
  its agents' hand-dialled calls to referrals without consent records (a quarter of its
  answered calls and more; live calls need none);
- a call-tracking service forwarding callers to its clients' 1,800 business lines, each
  caller's own number passed on (unassigned to the service, a new one nearly every call).
- a second volunteer phone bank, 60% of whose answerers refuse within 2-11 s, evenly.
- a survey firm whose interviewers hang up on answering machines after 3-9 s, with
  refusals of about 15 s after them, at an 11% answer rate.

The resellers hosting sub-accounts are labelled legitimate: the CPaaS platform's medium
(its campaign tenant is the one to reach ``high``) is right.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Literal, TypeAlias

import numpy as np

from callwarden.customers import CustomerKind, KycStatus, NumberGrant
from callwarden.lists import RmdFiling
from tests.traffic.unseen_shapes import DAYS, EXCHANGES, FIRST_DAY, Durations, UnseenNetwork

#: UTC offsets of the network's area codes in early March 2023, before US daylight saving
#: time starts on 12 March
UTC_OFFSET: dict[int, int] = {212: -5, 617: -5, 305: -5, 404: -5, 312: -6, 214: -6, 713: -6,
                              615: -6, 303: -7, 602: -7, 206: -8, 415: -8}  # fmt: skip
_NPAS = np.array(sorted(UTC_OFFSET))

#: how a call's calling number is picked: ``random`` from ``callers``, ``assigned`` the one
#: serving the callee's place on the roster, ``local_presence`` the sender's number in the
#: callee's area code, ``spoof_npa`` an invented number in the callee's area code, ``new``
#: an invented number per call
CallerChoice: TypeAlias = Literal["random", "assigned", "local_presence", "spoof_npa", "new"]
#: one attestation for every call, or a share of the calls per attestation
Attestation: TypeAlias = str | dict[str | None, float] | None


class ProbeNetwork(UnseenNetwork):
    """An :class:`UnseenNetwork` whose calls keep the callee's local hours, follow a
    schedule per day, pick the calling number by callee and mix attestations."""

    id_prefix = "p"

    def local_calls(
        self,
        per_day: int | list[int],
        *,
        customer: str | None,
        durations: Durations,
        answered: float,
        callees: list[str] | None = None,
        callers: list[str] | None = None,
        choice: CallerChoice = "random",
        assigned: list[str] | None = None,
        local_pool: dict[int, list[str]] | None = None,
        sub_account: str | None = None,
        upstream: str | None = None,
        hours: tuple[float, float] = (9, 20),
        callee_local: bool = True,
        attestation: Attestation = "A",
    ) -> None:
        """``per_day`` calls a day (+-10%; a list: one figure per day) at uniform times
        between ``hours`` in the callee's time zone (``callee_local`` False: UTC);
        ``callees`` None: anyone, else drawn from that roster; ``assigned`` gives the
        calling number for each roster entry, ``local_pool`` the sender's numbers per area
        code."""
        schedule = per_day if isinstance(per_day, list) else [per_day] * DAYS
        for day, base in enumerate(schedule):
            if base <= 0:
                continue
            count = int(base * self.volume * self.rng.uniform(0.9, 1.1))
            roster_index: np.ndarray | None = None
            if callees is None:
                called = self.numbers(count)
            else:
                roster_index = self.rng.integers(0, len(callees), count)
                called = [callees[i] for i in roster_index]
            npa = np.array([int(number[2:5]) for number in called])
            # an area code the table does not know is taken as Central, mid-country
            offset = np.array([UTC_OFFSET.get(int(code), -6) for code in npa])
            local_seconds = self.rng.uniform(hours[0] * 3600, hours[1] * 3600, count)
            seconds = local_seconds - offset * 3600 if callee_local else local_seconds
            picked_up = self.rng.random(count) < answered
            duration = np.zeros(count, np.int64)
            if picked_up.any():
                duration[picked_up] = durations(int(picked_up.sum()))
            failures = self.rng.choice([480, 486, 487, 603], count)
            calling = self._calling(
                choice,
                count,
                npa=npa,
                roster_index=roster_index,
                callers=callers,
                assigned=assigned,
                local_pool=local_pool,
            )
            if isinstance(attestation, dict):
                levels = list(attestation)
                drawn = self.rng.choice(len(levels), count, p=list(attestation.values()))
                attested = [levels[i] for i in drawn]
            else:
                attested = [attestation] * count
            self.append(
                start_times=[FIRST_DAY + timedelta(days=day, seconds=float(s)) for s in seconds],
                durations=duration.tolist(),
                sip_codes=np.where(picked_up, 200, failures).tolist(),
                callers=calling,
                called=called,
                customer=customer,
                upstream=upstream,
                sub_account=sub_account,
                attestations=attested,
            )

    def _calling(
        self,
        choice: CallerChoice,
        count: int,
        *,
        npa: np.ndarray,
        roster_index: np.ndarray | None,
        callers: list[str] | None,
        assigned: list[str] | None,
        local_pool: dict[int, list[str]] | None,
    ) -> list[str]:
        """The calling numbers of ``count`` calls to callees in area codes ``npa``."""
        if choice == "random":
            assert callers is not None
            return [callers[i] for i in self.rng.integers(0, len(callers), count)]
        if choice == "assigned":
            assert assigned is not None
            assert roster_index is not None
            return [assigned[i] for i in roster_index]
        if choice == "local_presence":
            assert local_pool is not None
            return [local_pool[code][self.rng.integers(len(local_pool[code]))] for code in npa]
        if choice == "spoof_npa":
            # the callee's area code with any exchange: close enough to look local, not the
            # callee's own exchange (that is unseen_shapes' neighbour spoofing)
            exchanges = self.rng.choice(EXCHANGES, count)
            lines = self.rng.integers(0, 10_000, count)
            return [f"+1{a}{x}{line:04d}" for a, x, line in zip(npa, exchanges, lines, strict=True)]
        return self.numbers(count)

    # --- how answered calls last -----------------------------------------------------------
    def press1_transfer(
        self, message: int, transfer: float, agent_mean: float, hang_ups: float = 0.5
    ) -> Durations:
        """A press-1 pitch of ``message`` s: ``hang_ups`` of those who answer leave during
        it, ``transfer`` of them press 1, wait 5-40 s on hold and talk to a live closer for
        ``agent_mean`` s on average; the rest hear it out."""

        def durations(count: int) -> np.ndarray:
            out = message + self.rng.integers(-1, 2, count)
            early = self.rng.random(count) < hang_ups
            out[early] = self.rng.integers(1, message, int(early.sum()))
            pressed = (~early) & (self.rng.random(count) < transfer / max(1e-9, 1 - hang_ups))
            held = self.rng.integers(5, 40, int(pressed.sum()))
            talk = self.rng.exponential(agent_mean, int(pressed.sum())).astype(np.int64)
            out[pressed] = message + held + talk
            return out

        return durations

    def text_to_speech(self, base: int, spread: int = 4, hang_ups: float = 0.45) -> Durations:
        """A text-to-speech message of ``base`` s that the callee's name, amount and address
        lengthen or shorten by up to ``spread`` s; ``hang_ups`` leave early."""

        def durations(count: int) -> np.ndarray:
            out = base + self.rng.integers(-spread, spread + 1, count)
            early = self.rng.random(count) < hang_ups
            out[early] = self.rng.integers(1, base - spread, int(early.sum()))
            return out

        return durations

    def machine_detection(
        self, human: int, machine: int, machine_share: float, hang_ups: float = 0.4
    ) -> Durations:
        """Answering-machine detection: 2 s of silence while it listens, then a ``human`` s
        cut for a person (``hang_ups`` of them leave early) or, for the ``machine_share``
        reaching a machine, an 8-22 s greeting, the beep and a ``machine`` s message."""

        def durations(count: int) -> np.ndarray:
            machines = self.rng.random(count) < machine_share
            out = human + self.rng.integers(-1, 2, count) + 2
            early = (~machines) & (self.rng.random(count) < hang_ups)
            out[early] = self.rng.integers(2, human, int(early.sum()))
            reached = int(machines.sum())
            greeting = self.rng.integers(8, 22, reached) + 3
            out[machines] = greeting + machine + self.rng.integers(-1, 2, reached)
            return out

        return durations

    def predictive(self, mean: float, abandoned: float = 0.03, machine: float = 0.2) -> Durations:
        """A predictive dialler with live agents: answers with no agent free are abandoned
        at 0-2 s, machines it detects are dropped at 3-5 s, the rest talk ``mean`` s on
        average (at least 15 s)."""

        def durations(count: int) -> np.ndarray:
            out = np.maximum(15, self.rng.exponential(mean, count).astype(np.int64))
            draw = self.rng.random(count)
            dropped = draw < machine
            out[dropped] = self.rng.integers(3, 6, int(dropped.sum()))
            no_agent = draw > 1 - abandoned
            out[no_agent] = self.rng.integers(0, 3, int(no_agent.sum()))
            return out

        return durations

    def live_mix(
        self,
        short: float,
        short_range: tuple[int, int],
        mean: float,
        talk_from: int | None = None,
    ) -> Durations:
        """Live calls: ``short`` of the answers are quick refusals lasting ``short_range``
        s, the rest conversations of ``mean`` s on average: at least 20 s (those shorter
        counted as 20 s) or, with ``talk_from``, that many seconds plus an exponential
        remainder (no pile at the floor)."""

        def durations(count: int) -> np.ndarray:
            if talk_from is None:
                out = np.maximum(20, self.rng.exponential(mean, count).astype(np.int64))
            else:
                remainder = self.rng.exponential(mean - talk_from, count).astype(np.int64)
                out = talk_from + remainder
            refused = self.rng.random(count) < short
            out[refused] = self.rng.integers(short_range[0], short_range[1], int(refused.sum()))
            return out

        return durations

    def survey_outcomes(self) -> Durations:
        """A live survey's answered calls: 35% answering machines it hangs up on after
        3-9 s, 30% refusals of about 15 s (gamma), 17% break-offs of a few minutes and 18%
        completed interviews of about 14 minutes."""

        def durations(count: int) -> np.ndarray:
            kind = self.rng.choice(4, count, p=[0.35, 0.30, 0.17, 0.18])
            lasted = np.select(
                [kind == 0, kind == 1, kind == 2],
                [
                    self.rng.uniform(3, 9, count),
                    self.rng.gamma(2.5, 6, count),
                    self.rng.lognormal(np.log(140), 0.6, count),
                ],
                self.rng.lognormal(np.log(840), 0.3, count),
            )
            return np.round(lasted).astype(np.int64) + 1

        return durations

    def reminder_menu(
        self,
        *,
        english: int,
        spanish: int,
        spanish_share: float,
        confirm: float,
        reschedule: float,
        voicemail: float,
    ) -> Durations:
        """An appointment reminder of ``english`` or ``spanish`` s (+-2 s for the name and
        date): ``confirm`` press 1 and the call ends a few seconds after the prompt,
        ``reschedule`` press 2 and reach a scheduler, 8% hang up at once, and a
        ``voicemail`` share hear a greeting before the message is left."""

        def durations(count: int) -> np.ndarray:
            in_spanish = self.rng.random(count) < spanish_share
            length = np.where(in_spanish, spanish, english) + self.rng.integers(-2, 3, count)
            out = length.copy()
            draw = self.rng.random(count)
            confirmed = draw < confirm
            out[confirmed] = length[confirmed] - 8 + self.rng.integers(2, 8, int(confirmed.sum()))
            scheduler = (draw >= confirm) & (draw < confirm + reschedule)
            waited = self.rng.integers(10, 60, int(scheduler.sum()))
            talked = self.rng.exponential(150, int(scheduler.sum())).astype(np.int64)
            out[scheduler] = length[scheduler] + waited + talked
            hung_up = (draw >= confirm + reschedule) & (draw < confirm + reschedule + 0.08)
            out[hung_up] = self.rng.integers(1, 12, int(hung_up.sum()))
            machines = self.rng.random(count) < voicemail
            out[machines] = length[machines] + self.rng.integers(8, 25, int(machines.sum()))
            return out

        return durations

    def fraud_alert(self) -> Durations:
        """A card fraud alert, 'press 1 if it was you, 2 if not': most press 1 within
        14-25 s, 10% press 2 and talk to a fraud agent, 8% hang up at once and 15% reach
        voicemail (greeting plus 'please call us')."""

        def durations(count: int) -> np.ndarray:
            out = self.rng.integers(14, 26, count)
            draw = self.rng.random(count)
            agent = draw < 0.10
            out[agent] = 25 + self.rng.exponential(280, int(agent.sum())).astype(np.int64)
            hung_up = (draw >= 0.10) & (draw < 0.18)
            out[hung_up] = self.rng.integers(1, 8, int(hung_up.sum()))
            machines = (draw >= 0.18) & (draw < 0.33)
            out[machines] = self.rng.integers(30, 48, int(machines.sum()))
            return out

        return durations


def build(seed: int, volume: float = 1.0) -> ProbeNetwork:
    """The network of the module docstring; ``volume`` scales every sender's calls (1.0 is
    about 300,000 calls over the 3 days)."""
    n = ProbeNetwork(seed, volume)

    # --- campaigns ------------------------------------------------------------------------
    # an auto-warranty recording from 60 leased numbers in a CPaaS reseller's sub-account,
    # hidden among the reseller's clean tenants
    n.account("dialvantage-cpaas", "programmable voice platform", kind=CustomerKind.RESELLER,
              age_days=1500)  # fmt: skip
    for tenant in range(5):
        name = f"dialvantage-tenant-{tenant}"
        phones = n.account(name, "customer support callbacks", parent="dialvantage-cpaas",
                           numbers=4)  # fmt: skip
        contacts = n.numbers(1500)
        n.consented(name, contacts, 0.95)
        n.local_calls(300, customer="dialvantage-cpaas", sub_account=name, callers=phones,
                      callees=contacts, durations=n.live_mix(0.15, (5, 20), 180),
                      answered=0.45)  # fmt: skip
    leased = n.account("vehicle-service-dept", "customer retention calls", campaign=True,
                       parent="dialvantage-cpaas", age_days=90, numbers=60)  # fmt: skip
    n.local_calls(4000, customer="dialvantage-cpaas", sub_account="vehicle-service-dept",
                  callers=leased, durations=n.recording(38, hang_ups=0.55, jitter=1),
                  answered=0.12, hours=(10, 19))  # fmt: skip

    # press 1 to a bought lead list; the live transfers make a quarter of the answered
    # calls long, as a contact centre's would be
    pitch = n.account("national-health-enroll", "insurance enrollment assistance",
                      campaign=True, age_days=200, numbers=10)  # fmt: skip
    leads = n.numbers(30000)
    n.consented("national-health-enroll", leads, 0.25)
    n.local_calls(5000, customer="national-health-enroll", callers=pitch, callees=leads,
                  durations=n.press1_transfer(18, 0.25, 240, hang_ups=0.5),
                  answered=0.15)  # fmt: skip

    # personalised text-to-speech: no single duration, a band of +-4 s
    speech = n.account("taxrelief-advocates", "client account notifications", campaign=True,
                       age_days=150, numbers=30)  # fmt: skip
    n.local_calls(3000, customer="taxrelief-advocates", callers=speech,
                  durations=n.text_to_speech(45, 4, hang_ups=0.45), answered=0.2)  # fmt: skip

    # snowshoeing: the campaign split so that no account is large
    for index, (kyc, age) in enumerate([(KycStatus.VERIFIED, 60), (KycStatus.VERIFIED, 45),
                                        (KycStatus.VERIFIED, 35), (KycStatus.PENDING, 25),
                                        (KycStatus.PENDING, 20)]):  # fmt: skip
        name = f"snowshoe-llc-{index}"
        phones = n.account(name, "customer notifications", campaign=True, kyc=kyc,
                           age_days=age, numbers=2)  # fmt: skip
        n.local_calls(350, customer=name, callers=phones, durations=n.recording(27, hang_ups=0.5),
                      answered=0.2, hours=(10, 18))  # fmt: skip

    # a gateway in the RMD handing over numbers spoofed in the callee's area code, and
    # calls from a new C-attested number each
    n.rmd.append(RmdFiling("0101", "Caribe Gateway Telecom"))
    n.campaign["upstream_provider", "Caribe Gateway Telecom"] = True
    n.local_calls(6000, customer=None, upstream="Caribe Gateway Telecom", choice="spoof_npa",
                  durations=n.recording(24, hang_ups=0.45), answered=0.22,
                  attestation={"C": 0.7, "B": 0.3})  # fmt: skip
    n.local_calls(2000, customer=None, upstream="Caribe Gateway Telecom", choice="new",
                  durations=n.live(200), answered=0.5, hours=(8, 22), attestation="C")  # fmt: skip

    # answering-machine detection splits the message into two lengths
    detecting = n.account("premier-energy-savings", "energy efficiency program notifications",
                          campaign=True, age_days=300, numbers=12)  # fmt: skip
    n.local_calls(4000, customer="premier-energy-savings", callers=detecting,
                  durations=n.machine_detection(20, 35, 0.4), answered=0.35)  # fmt: skip

    # 9-11 pm where the callee lives, across four time zones
    night = n.account("lastcall-loans", "loan offers to prior applicants", campaign=True,
                      age_days=400, numbers=5)  # fmt: skip
    n.local_calls(1500, customer="lastcall-loans", callers=night, durations=n.recording(30),
                  answered=0.25, hours=(21, 23))  # fmt: skip

    # a new account, KYC pending, whose declared use does not match what it plays
    fresh = n.account("rapid-reach-marketing", "appointment reminders", campaign=True,
                      kyc=KycStatus.PENDING, age_days=10, numbers=4)  # fmt: skip
    n.local_calls(2000, customer="rapid-reach-marketing", callers=fresh,
                  durations=n.recording(42, jitter=2, hang_ups=0.45), answered=0.2,
                  hours=(9, 19))  # fmt: skip

    # local presence with numbers it was granted: every calling number is legitimately its
    # own, only the message gives it away
    n.account("homeshield-improvements", "customer appointment confirmations", campaign=True,
              age_days=250, numbers=0)  # fmt: skip
    presence = {int(code): n.numbers(1, int(code)) for code in _NPAS}
    n.grants.extend(NumberGrant(own[0], "homeshield-improvements") for own in presence.values())
    n.local_calls(3000, customer="homeshield-improvements", choice="local_presence",
                  local_pool=presence, durations=n.recording(32, hang_ups=0.5), answered=0.22,
                  hours=(10, 19))  # fmt: skip

    # --- legitimate -----------------------------------------------------------------------
    # a predictive dialler with local presence, to consented clients: its AMD drops and
    # abandoned answers are short calls, but they have no single length
    centre_pool = {int(code): n.numbers(2, int(code)) for code in _NPAS}
    n.account("summit-renewals-cc", "outbound customer service and renewals for opted-in "
              "clients", age_days=2000)  # fmt: skip
    n.grants.extend(NumberGrant(own, "summit-renewals-cc")
                    for pair in centre_pool.values() for own in pair)  # fmt: skip
    clients = n.numbers(60000)
    n.consented("summit-renewals-cc", clients, 0.96)
    n.local_calls(8000, customer="summit-renewals-cc", choice="local_presence",
                  local_pool=centre_pool, callees=clients, durations=n.predictive(220),
                  answered=0.3)  # fmt: skip

    # reminders in two languages behind a press-1/press-2 menu
    hospital = n.account("st-lukes-health", "patient appointment reminders", age_days=3000,
                         numbers=4)  # fmt: skip
    patients = n.numbers(25000)
    n.consented("st-lukes-health", patients, 0.99)
    menu = n.reminder_menu(english=36, spanish=44, spanish_share=0.35, confirm=0.45,
                           reschedule=0.08, voicemail=0.25)  # fmt: skip
    n.local_calls(3000, customer="st-lukes-health", callers=hospital, callees=patients,
                  durations=menu, answered=0.55, hours=(9, 19.5))  # fmt: skip

    # an ordinary two days, then a storm: restoration calls in the small hours to members
    # who asked for them
    utility = n.account("gulf-coast-electric", "outage and restoration notifications",
                        age_days=4000, numbers=3)  # fmt: skip
    members = n.numbers(40000, 713)
    n.consented("gulf-coast-electric", members, 0.95)
    n.local_calls(300, customer="gulf-coast-electric", callers=utility, callees=members,
                  durations=n.recording(30, hang_ups=0.1), answered=0.5,
                  hours=(10, 18))  # fmt: skip
    n.local_calls([0, 0, 12000], customer="gulf-coast-electric", callers=utility,
                  callees=members, durations=n.recording(28, hang_ups=0.1, voicemail=0.5),
                  answered=0.35, hours=(1, 4))  # fmt: skip

    # live volunteers on a young account: low answer rate, many quick refusals, no consent
    # records (live calls need none)
    volunteers = n.account("friends-of-maria-lopez", "volunteer voter contact calls (live)",
                           age_days=45, numbers=20)  # fmt: skip
    voters = n.numbers(80000)
    n.local_calls(4000, customer="friends-of-maria-lopez", callers=volunteers, callees=voters,
                  durations=n.live_mix(0.5, (3, 20), 120), answered=0.13,
                  hours=(17, 21))  # fmt: skip

    # fraud alerts go out the moment a card is used, at any hour in UTC
    bank = n.account("firstcity-bank-fraud", "card fraud alerts", age_days=5000, numbers=10)
    cards = n.numbers(80000)
    n.consented("firstcity-bank-fraud", cards, 0.99)
    n.local_calls(4000, customer="firstcity-bank-fraud", callers=bank, callees=cards,
                  durations=n.fraud_alert(), answered=0.6, hours=(0, 24),
                  callee_local=False)  # fmt: skip

    # a large transit carrier: a quarter of its calls unsigned, a tenth C-attested, all live
    n.rmd.append(RmdFiling("0102", "Continental Transit Exchange"))
    n.campaign["upstream_provider", "Continental Transit Exchange"] = False
    n.local_calls(18000, customer=None, upstream="Continental Transit Exchange", choice="new",
                  durations=n.live_mix(0.2, (2, 15), 170), answered=0.5, hours=(7, 22),
                  attestation={"A": 0.45, "B": 0.2, "C": 0.1, None: 0.25})  # fmt: skip
    trunks = n.numbers(40)
    n.local_calls(3000, customer=None, upstream="Continental Transit Exchange", callers=trunks,
                  durations=n.live(150), answered=0.45, hours=(8, 18))  # fmt: skip

    # a carrier in the RMD signing B on an impersonation message from a new number per
    # call: a few per cent of its answered calls, hidden among live transit (no floor on
    # talk times, so the spike is the message's alone)
    n.rmd.append(RmdFiling("0103", "Allegheny Interconnect"))
    n.campaign["upstream_provider", "Allegheny Interconnect"] = True
    n.local_calls(12000, customer=None, upstream="Allegheny Interconnect", choice="new",
                  durations=n.live_mix(0.2, (2, 15), 170, talk_from=12), answered=0.5,
                  hours=(7, 22), attestation={"A": 0.6, "B": 0.25, None: 0.15})  # fmt: skip
    n.local_calls(1500, customer=None, upstream="Allegheny Interconnect", choice="new",
                  durations=n.recording(23, hang_ups=0.5), answered=0.3, hours=(9, 19),
                  attestation="B")  # fmt: skip

    # attendance calls each morning, then a snow day: 15,000 closure alerts at 5:30 am
    school = n.account("metro-nashville-schools", "emergency school closure and attendance "
                       "notifications", age_days=3000, numbers=2)  # fmt: skip
    families = n.numbers(30000, 615)
    n.consented("metro-nashville-schools", families, 0.85)
    n.local_calls(200, customer="metro-nashville-schools", callers=school, callees=families,
                  durations=n.recording(22, hang_ups=0.05), answered=0.55,
                  hours=(9.5, 11))  # fmt: skip
    n.local_calls([0, 0, 15000], customer="metro-nashville-schools", callers=school,
                  callees=families, durations=n.recording(26, hang_ups=0.05, voicemail=0.35),
                  answered=0.6, hours=(5.5, 6.5))  # fmt: skip

    # 200 stores, each calling its own 150 patients from its own local number: many
    # calling numbers and one template, as a rotating robocaller has
    store_npas = n.rng.choice(_NPAS, 200)
    stores = [n.numbers(1, int(code))[0] for code in store_npas]
    n.account("healthmart-pharmacies", "prescription refill reminders", age_days=2500)
    n.grants.extend(NumberGrant(store, "healthmart-pharmacies") for store in stores)
    store_patients: list[str] = []
    their_store: list[str] = []
    for store, code in zip(stores, store_npas, strict=True):
        for patient in n.numbers(150, int(code)):
            store_patients.append(patient)
            their_store.append(store)
    n.consented("healthmart-pharmacies", store_patients, 0.97)
    n.local_calls(6000, customer="healthmart-pharmacies", choice="assigned", assigned=their_store,
                  callees=store_patients,
                  durations=n.recording(24, hang_ups=0.12, voicemail=0.3), answered=0.55,
                  hours=(10, 19))  # fmt: skip

    # a list-assisted random sample: every number of 600 100-number blocks known to hold
    # working lines, dialled at random by live interviewers (no consent needed); its
    # callees cluster in blocks by design, not by dialling down a range
    blocks = n.numbers(600)
    sample = [f"{block[:10]}{line:02d}" for block in blocks for line in range(100)]
    interviewers = n.account("keystone-survey-research", "live telephone opinion surveys",
                             age_days=3500, numbers=80)  # fmt: skip
    n.local_calls(6000, customer="keystone-survey-research", callers=interviewers,
                  callees=sample, durations=n.live_mix(0.55, (4, 40), 840), answered=0.06,
                  hours=(10, 21))  # fmt: skip

    # one vendor template played by 30 dental offices, each to its own patients: the same
    # recording across many sub-accounts, as snowshoeing looks
    n.account("smilesync-saas", "appointment reminder platform for dental offices",
              kind=CustomerKind.RESELLER, age_days=2200)  # fmt: skip
    for office in range(30):
        name = f"smilesync-office-{office}"
        code = int(n.rng.choice(_NPAS))
        phone = n.account(name, "dental appointment reminders", parent="smilesync-saas",
                          numbers=1, npa=code, age_days=int(n.rng.integers(100, 2000)))  # fmt: skip
        office_patients = n.numbers(2500, code)
        n.consented(name, office_patients, 0.98)
        n.local_calls(int(n.rng.integers(60, 160)), customer="smilesync-saas", sub_account=name,
                      callers=phone, callees=office_patients, answered=0.5, hours=(10, 17),
                      durations=n.recording(22, hang_ups=0.1, jitter=2, voicemail=0.3))  # fmt: skip

    # a family practice's reminders to its patients, half of whose consent is on file with
    # the carrier: a patient who gave the practice a number consented to its healthcare
    # calls, and practices seldom hand those records over
    practice = n.account("lakeside-family-practice", "patient appointment reminders",
                         age_days=2200, numbers=2, npa=312)  # fmt: skip
    practice_patients = n.numbers(9000, 312)
    n.consented("lakeside-family-practice", practice_patients, 0.5)
    n.local_calls(600, customer="lakeside-family-practice", callers=practice,
                  callees=practice_patients, answered=0.6, hours=(9, 17),
                  durations=n.recording(38, hang_ups=0.15, voicemail=0.3))  # fmt: skip

    # recorded renewal reminders to consented policyholders, and agents calling referrals
    # by hand: the missing consent records are the live calls', which need none
    agency = n.account("heartland-insurance-agency", "policy renewal reminders and agent "
                       "calls", age_days=1800, numbers=6)  # fmt: skip
    policyholders = n.numbers(20000)
    n.consented("heartland-insurance-agency", policyholders, 0.97)
    n.local_calls(1500, customer="heartland-insurance-agency", callers=agency[:2],
                  callees=policyholders, answered=0.55, hours=(10, 19),
                  durations=n.recording(31, hang_ups=0.15, voicemail=0.3))  # fmt: skip
    n.local_calls(1000, customer="heartland-insurance-agency", callers=agency[2:],
                  durations=n.live_mix(0.35, (3, 25), 200), answered=0.4,
                  hours=(9, 20.5))  # fmt: skip

    # call tracking: callers reach businesses through numbers the service provides, and it
    # forwards each call to the business's own line presenting the caller's number
    n.account("trackline-call-analytics", "call tracking and forwarding for businesses",
              age_days=2400, numbers=3000)  # fmt: skip
    business_lines = n.numbers(1800)
    n.local_calls(10000, customer="trackline-call-analytics", choice="new",
                  callees=business_lines, durations=n.live_mix(0.15, (2, 15), 140),
                  answered=0.75, hours=(8, 19), attestation={"B": 0.8, "C": 0.2})  # fmt: skip

    # a contact centre serving its customers, and a message from two of its numbers to a
    # bought list: the recording hides among the floor's calls by its length alone
    floor = n.account("summit-home-services", "customer service and scheduling calls",
                      campaign=True, age_days=400, numbers=6)  # fmt: skip
    clientele = n.numbers(20000)
    n.consented("summit-home-services", clientele, 0.97)
    n.local_calls(2500, customer="summit-home-services", callers=floor[2:], callees=clientele,
                  durations=n.live_mix(0.35, (3, 25), 200), answered=0.4,
                  hours=(9, 20.5))  # fmt: skip
    n.local_calls(3000, customer="summit-home-services", callers=floor[:2], answered=0.3,
                  durations=n.recording(31, hang_ups=0.3, voicemail=0.2),
                  hours=(10, 19))  # fmt: skip

    # a survey firm screening out answering machines: its machine hang-ups at 3-9 s and
    # refusals after them make a hump ending at 10 s (read as a message before the rise)
    pollsters = n.account("opinionworks-research", "live telephone survey interviews",
                          age_days=2500, numbers=8)  # fmt: skip
    n.local_calls(7000, customer="opinionworks-research", callers=pollsters, answered=0.11,
                  durations=n.survey_outcomes(), hours=(17, 21))  # fmt: skip

    # a second phone bank whose voters refuse quickly and evenly over 2-11 s: a plateau
    # ending in a cliff, no message (its 10 s band read as one before short bands had to rise)
    callers = n.account("district-7-neighbors", "volunteer voter contact calls (live)",
                        age_days=60, numbers=150)  # fmt: skip
    n.local_calls(5000, customer="district-7-neighbors", callers=callers,
                  callees=n.numbers(60000), answered=0.25, hours=(16, 21),
                  durations=n.live_mix(0.6, (2, 12), 60, talk_from=12))  # fmt: skip
    return n
