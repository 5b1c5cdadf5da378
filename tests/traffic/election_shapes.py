"""An election network: the whole traffic of Northpoint Voice Partners, a competitive local
exchange carrier (CLEC) in Lansing, Michigan, whose wholesale SIP arm sells trunks to
political vendors, dialler platforms, governments and businesses and terminates other
carriers' calls, in the last four UTC days before the US general election of Tuesday 5
November 2024: Saturday 2 to Tuesday 5 November. US daylight saving time ends at 2 am local
on Sunday 3 November (day 1): on Saturday Eastern is UTC-4, Central UTC-5, Mountain UTC-6
(Arizona UTC-7 all year), Pacific UTC-7; from Sunday every zone but Arizona's is an hour
further behind UTC. Days are numbered 0 (Saturday) to 3 (Election Day); "local" is the
callee's time. The extract holds whole UTC days, so Election Day ends at 7 pm Eastern and
4 pm Pacific, before the polls close, and a Monday evening's calls in the East fall on
Tuesday's UTC day. Built on the plumbing of :mod:`tests.traffic.blind_shapes` (calls on
the callee's local clock, KYC evidence, a DNO list, the RMD), :mod:`tests.traffic.
weekly_shapes` (per-day UTC offsets across a daylight-saving change, invented local
numbers), :mod:`tests.traffic.platform_shapes` (local presence, dated consent, a store's
clientele), :mod:`tests.traffic.transit_shapes` (RMD filings, upstream labels, foreign
numbers, ordinary transit), :mod:`tests.traffic.gateway_shapes` (foreign carriers, families
abroad) and :mod:`tests.traffic.leadgen_shapes` (domestic peers, its network class, the
agencies' dialler). The provider signs A for a number it granted to the account (or its
sub-account) and verified, B for one it did not; it passes a transit call's attestation
on, and signs C (gateway attestation) the calls a foreign carrier hands it.

How political calling works, and the rules. In the last days a campaign's field programme
calls its universe (the voters it models as supporters or persuadable, drawn from the state
voter file with phone numbers appended by data vendors: three in four of them wireless
today) again and again: volunteers in phone banks (live calls through a hosted dialler
platform that dials two or three lines per free volunteer and presents a local number of
the campaign's own), recorded "get out the vote" (GOTV) messages from a voice-broadcast
vendor, and on Election Day "ballot chase" calls to supporters who have not voted. The
TCPA draws its lines by the kind of line called, not by the purpose: an autodialled or
artificial or prerecorded voice call to a *wireless* number needs the called party's prior
express consent whatever its purpose, political, charitable or commercial (47 USC
227(b)(1)(A)(iii); 47 CFR 64.1200(a)(1)(iii)), and no emergency exception covers a
campaign; a prerecorded call to a *residential landline* needs consent unless an FCC rule
exempts it, and the rules exempt non-commercial calls (political, charities, surveys) up to
three in any 30 days (227(b)(1)(B); 64.1200(a)(3)(ii)-(v), since the TRACED Act rules of
2020). Live calls, hand dialled or by a volunteer on a power dialler, need no consent, and
political calls are not telephone solicitations: the Do-Not-Call Registry and the 8 am-9 pm
rule do not bind them. Every prerecorded message must name at its start the entity
responsible and give a telephone number (64.1200(b)); the caller ID must be one the caller
may use (227(e), spoofing with intent to defraud or cause harm). Since the FCC's February
2024 Declaratory Ruling an AI-generated voice is an "artificial" voice under the TCPA: a
cloned voice needs the consent a recording needs. The case behind it: on 21 January 2024,
two days before the New Hampshire primary, between 5,000 and 25,000 calls played a clone of
President Biden's voice telling Democrats to "save your vote for the November election",
presenting the personal number of a former state party chair; a political consultant had
them sent by Life Corporation through Lingo Telecom, which signed them A-attested as if it
knew its customer had the right to that number. The FCC fined the consultant $6 million and
Lingo $1 million (2024). In 2002 a telemarketer hired by a state party jammed the other
party's ride-to-the-polls lines on Election Day morning with 800 hang-up calls over about
an hour and a half; its principals were convicted of conspiracy to make harassing calls (47
USC 223). Whether a number is wireless or a landline is not in a carrier's CDRs nor in the
reference data here (no line-type field): only the senders' lists know it.

What the provider sees. At volume 1.0 it carries about 200,000 calls on Saturday's UTC day,
240,000 on Sunday's, 345,000 on Monday's and 520,000 on Election Day's (which ends at 7 pm
Eastern and takes Monday evening's calls in the East), most of it political. The
battlegrounds' area codes (Michigan, Wisconsin, Pennsylvania, Georgia, Arizona, Nevada,
North Carolina) take most of it.

Campaigns (each must reach ``high`` at the narrowest source that carries it):

- ``Pecos Line Telecom`` (upstream, a Texas VoIP carrier, RMD-filed with complete STIR/
  SHAKEN, 6 years interconnected): beside its ordinary transit (14,000 on Saturday, 10,000 on
  Sunday, 22,000 and 20,000 on the weekdays, signed as its customers are), a voice
  broadcaster's AI-voice disinformation robocall: a cloned voice of Detroit's city clerk and
  of Milwaukee's election director saying that "because of record turnout and a security
  threat, voters in your precinct vote on Wednesday; save your vote for Wednesday", 32 s,
  12,000 calls on Monday 5:30-8:30 pm local and 16,000 on Election Day 7-11 am local, to
  80,000 voters of Detroit (313) and Milwaukee (414), each presenting the main number of the
  callee's city's election office: Detroit's is granted on this network to the Department of
  Elections (its own customer), Milwaukee's is another carrier's. Pecos signs every call A.
  30% answered, a third of them machines that record it after their greeting, 30% of the
  humans hanging up in it. A few hundred callees call the Detroit office back (through the
  transit carriers). 227(e), 227(b)(1)(A)(iii)/(B) (an artificial voice without consent, and
  no identification of its sender, 64.1200(b)), Michigan and Wisconsin election law, and the
  upstream's duty to mitigate what it carries (64.1200(n)(2)-(3)).
- ``red-maple-strategies`` (direct customer, a political consultancy opened 16 days before
  the week, KYC pending, no EIN, a webmail contact, declared "political consulting: voter
  outreach by voice broadcast to residential landlines", 60 numbers bought at signup across
  Michigan, Wisconsin and Pennsylvania: granted, verified, signed A): a super PAC client's
  30 s recorded attack-and-turnout message blasted to a cell-phone append list of 400,000
  voters, each number at most once a day: 25,000 calls on Saturday, 30,000 on Sunday, 45,000
  on Monday and 40,000 on Election Day, 10 am-8 pm local (from 8 am on Election Day),
  presenting a number in the callee's area code. 36% answered: 55% of those are mobile
  voicemail boxes that record it after their greeting, half of the humans hang up in it. No
  consent records. 227(b)(1)(A)(iii), 64.1200(a)(1)(iii); the provider's know-your-customer
  duty, 64.1200(n)(4).
- ``Albion Crossing Telecom`` (upstream, a London wholesale carrier, a ``kind=provider``
  row of an interconnection agreement signed 14 months before the week; not in the Robocall
  Mitigation Database, so no provider may accept its traffic, 64.6305(g); the RMD's "Albion
  Telecommunications, Inc." is an unrelated Ohio company): British callers' calls to family
  and business in the US (4,000-5,500 a day) and an offshore centre's "National Voter
  Protection Hotline" scam, 24 s ("our records show your registration was flagged as
  inactive; press 1 to verify your identity so your ballot counts"), 9,000, 7,000, 14,000
  and 12,000 calls a day on the centre's 14:00-23:30 UTC shift, to 250,000 voters of the
  battleground states, presenting an invented number in the callee's area code on 55% of
  the calls, the Election Protection coalition's 866-OUR-VOTE hotline (+18666878683, not on
  the DNO list) on 25% and the Justice Department's voting-section complaint line
  (+18002533931, inbound only, on the DNO list) on 20%; the provider signs C (or passes
  unsigned the 20% from the carrier's TDM route). 12% answered, a fifth of them machines,
  55% of the humans hang up in it, 4% press 1 and are asked for their Social Security
  number and date of birth. 227(b), 227(e), 64.1200(k)(1), (o), 64.6305(g).
- ``heartland-patriots-victory-pac`` (sub-account of the dialler platform ``civicdial-
  platform``, opened 12 days before the week, KYC pending, a webmail contact, declared
  "volunteer phone banking (live callers)", 40 numbers the platform granted it in
  battleground area codes): a press-1 fundraising robocall in a recorded voice ("the radical
  left is outspending us three to one; press 1 to chip in $50 before the polls close"), 27 s,
  14,000 calls a day on the weekend, 18,000 on Monday, 16,000 on Election Day, 10 am-8 pm
  local, to a rented donor file of 250,000 older voters (mobile and landline alike), from
  its number in the callee's area code where it has one. 18% answered, 30% of those
  machines that record it, 55% of the humans hang up in it, 4% press 1 and give a card
  number to a telemarketer (minutes). No consent records. 227(b)(1)(A)(iii) for the mobiles,
  and a recording on a platform account declared for live calls: its know-your-customer
  duty (64.1200(n)(4)).
- ``wolverine-teleservices`` (direct customer, a Michigan call centre, 4 years, KYC
  verified, 12 numbers): its agents' live persuasion and voter-ID calls for campaigns
  (3,000 on Saturday, 2,500 on Sunday, 4,000 on Monday, 2,000 on Election Day, 10 am-8 pm
  local) and, on Election Day 7:05-8:45 am, 900 computer-generated hang-up calls from its
  own numbers to the six ride-to-the-polls lines of the other party's county offices and a
  firefighters' union hall (numbers this network grants to ``peninsula-party-state-
  committee`` and ``metro-firefighters-local-344``): the lines ring, a volunteer answers to
  silence (1-5 s) or the hunt group is busy (486), all morning. 47 USC 223 (harassing
  calls), 52 USC 20511 (interfering with an election), and the lines' owners' complaints.

For review (reported at least ``medium``; ``high`` is neither asked nor forbidden):

- ``whitfield-for-congress`` (sub-account of the voice-broadcast vendor ``townsquare-voice-
  broadcasting``, a congressional candidate's committee, opened 10 months before the week,
  KYC verified with an EIN and an FEC committee address, 2 numbers of its campaign office):
  the candidate's 35 s recorded GOTV message to the 85,000 numbers of its district's voter
  file ("this is Dana Whitfield... paid for by Whitfield for Congress"), 25,000 on Sunday
  1-6 pm, 30,000 on Monday 4:30-8:30 pm and 30,000 on Election Day 7-11 am, each number at
  most once a wave; 6% of the numbers have ``prior_express`` records from its site's
  volunteer and donation forms. The voter file's phone field mixes landlines with the cell
  numbers voters wrote on their registration and a vendor appended: to a landline the call is
  lawful (three in 30 days), to a wireless number without consent it is not. Which are which
  needs a line-type lookup the carrier does not hold: an analyst's question.

Lawful senders (none may reach ``high``; their own numbers are labelled lawful):

- ``civicdial-platform`` (customer, kind reseller: a hosted power dialler for campaigns'
  volunteer phone banks, 6 years, KYC verified; labelled lawful though one client is not)
  and eight phone-bank clients (sub-accounts opened 2-9 months before, a labour council's 6
  years before, each with 20-120 local numbers of its own in its states): Michigan's coordinated
  campaign, Wisconsin's, Pennsylvania's, Georgia's, Arizona's, Nevada's and North
  Carolina's volunteer programmes and a labour council calling its members, 50,000-71,000
  calls a day in all, 10 am-8 pm local on Saturday, noon-8:30 pm on Sunday, into the evening
  on Monday, and 7 am onwards on Election Day (ballot chase). 17% answered: voicemail
  greetings the volunteer clicks past, quick "already voted"s, wrong numbers,
  conversations of a minute or two, 3% dead air (the dialler connected no volunteer in
  time). Live calls: no consent needed; the union's members gave their numbers on their
  membership cards (``prior_express`` records).
- ``townsquare-voice-broadcasting`` (customer, kind reseller: a voice-broadcast vendor, 11
  years) and two clients of the same state party: ``peninsula-party-landline-gotv``, its
  recorded GOTV messages ("polls are open 7 am to 8 pm; find your polling place at...;
  paid for by the Peninsula Party", 29 s) to the 260,000 *landline* numbers of its Michigan
  file (the vendor removes wireless and ported-to-wireless numbers before each wave), three
  waves of 50,000-60,000 (Sunday afternoon, Monday evening, Election Day morning), each
  number at most once a wave and so at most three times, presenting the party's main
  number (granted to it by letter of authorisation, signed A), no consent records (none
  needed: 64.1200(a)(3)(ii)); and ``peninsula-party-supporters``, recorded messages to the
  45,000 supporters who signed up on the party's site with their mobile numbers
  (``prior_express`` records whose evidence is the party's own sign-up page): 10,000 on
  Sunday, 35,000 on Monday evening, 40,000 on Election Day morning.
- ``peninsula-party-state-committee`` (customer, the party's own offices, 20 years): office
  phones and its county offices' ride-to-the-polls lines (live; the public calls them).
- ``detroit-department-of-elections`` (customer, 12 years): poll-worker reminders (a 24 s
  recording, press 1 to confirm your assignment: 1,200, 600 and 1,500 calls Saturday to
  Monday) to its 6,000 poll workers (consent on their applications), staff calling voters
  whose absentee ballots need curing (live, 250-600 a day), and on Election Day, 9:30 am-
  12:30 pm, its answer to the night's disinformation: 60,000 recorded calls ("the
  Department of Elections did not call you last night; Election Day is today; polls are
  open until 8 pm") from its main number (the one the robocall spoofed) to the voters with a
  phone number on their registration (``prior_express``: given for election business).
- ``kent-county-clerk`` (customer, Grand Rapids, 9 years): poll-worker reminders, and on
  Election Day at 6:40-7:30 am an emergency notice to the 5,500 voters of three precincts
  whose polling place lost power overnight ("your polling place has moved to..."), 38 s,
  the unanswered retried at 8:15-8:45 am; consent from their registrations.
- ``crossroads-opinion-research`` (customer, a pollster, 15 years): live interviewers hand
  dialling registration-based samples in the battlegrounds (15,000, 13,000 and 16,000 on
  Saturday to Monday; 8% answered: machines hung up on, refusals, screen-outs, 17-minute
  interviews) and IVR polls of *landline* samples in Michigan, Wisconsin and Pennsylvania
  (20,000, 18,000, 14,000; a recorded questionnaire: hang-ups in the introduction,
  break-offs, 4-5 minute completes). Fieldwork closes on Monday. Surveys are non-commercial:
  IVR to landlines is exempt, cells are hand dialled.
- ``great-lakes-voter-alliance`` (customer, a non-partisan 501(c)(3), 7 years): recorded
  reminders ("in Michigan you can still register and vote at your clerk's office today") to
  the 70,000 people who filled in a pledge card at its registration drives (consent
  records), 6,000, 4,000, 10,000 and 18,000 calls.
- ``capital-area-schools`` (customer, a school district): on Monday 5:30-6:15 pm, 28,000
  calls to parents (consent at enrolment): "no school tomorrow: our buildings are polling
  places".
- ``grand-river-health`` (hospital reminders on Monday and Tuesday), ``northwoods-pharmacy``
  (refill reminders every day, each store to its own patients), ``mitten-state-credit-
  union`` (fraud-alert IVR around the clock), ``metro-firefighters-local-344`` (office
  phones), ``glbiz-*`` (30 small businesses, little at the weekend), all consented where
  automated.
- ``Huron Valley Telephone Company`` (upstream, an ILEC, RMD-filed, partial: TDM end
  offices unsigned) and ``Lakeland Broadband Voice`` (upstream, a cable company's VoIP,
  RMD-filed, complete): ordinary transit, the public's calls to the ride lines, and the
  callbacks to Detroit's election office.
- ``Pecos Line Telecom``'s and ``Albion Crossing Telecom``'s ordinary numbers.

Campaign caller IDs are not labelled: each campaign is judged at the source that carries it.
Detroit's election office number keeps its lawful label though a campaign spoofs it: blocking
it would block the office on Election Day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import ClassVar

import numpy as np

from callwarden.customers import CustomerKind, KycStatus, NumberGrant
from callwarden.lists import DnoEntry
from tests.traffic.blind_shapes import (
    AREA_CODES,
    DIALLER,
    PEOPLE,
    START,
    Attestation,
    Callers,
    When,
)
from tests.traffic.gateway_shapes import CARD_ACTIVITY
from tests.traffic.leadgen_shapes import STORE_HOURS, LeadgenNetwork
from tests.traffic.transit_shapes import IMPLEMENTED, MITIGATION_ONLY, PARTIAL, SIGNED
from tests.traffic.unseen_shapes import Durations

#: Saturday 2 November 2024, three days before the general election
FIRST = datetime(2024, 11, 2, tzinfo=UTC)
ELECTION_DAYS = 4
#: time zones of every area code the network calls: blind_shapes' and the battlegrounds'
ZONES: dict[int, str] = {code: zone for code, (zone, _) in AREA_CODES.items()} | {
    248: "America/New_York", 734: "America/New_York", 586: "America/New_York",
    616: "America/New_York", 517: "America/New_York", 810: "America/New_York",
    269: "America/New_York", 989: "America/New_York", 231: "America/New_York",
    262: "America/Chicago", 608: "America/Chicago", 920: "America/Chicago",
    715: "America/Chicago", 470: "America/New_York", 678: "America/New_York",
    770: "America/New_York", 912: "America/New_York", 706: "America/New_York",
    478: "America/New_York", 229: "America/New_York", 623: "America/Phoenix",
    928: "America/Phoenix", 725: "America/Los_Angeles", 775: "America/Los_Angeles",
    336: "America/New_York", 828: "America/New_York", 252: "America/New_York",
    980: "America/New_York", 984: "America/New_York",
}  # fmt: skip
#: the battlegrounds' area codes (repeated: weighted by population)
MICHIGAN = [313, 313, 248, 248, 734, 586, 586, 616, 616, 517, 810, 269, 989, 231]
WISCONSIN = [414, 414, 262, 608, 608, 920, 920, 715]
PENNSYLVANIA = [215, 267, 412, 610, 717, 814, 484, 570, 724]
GEORGIA = [404, 470, 678, 770, 770, 912, 706, 478, 229]
ARIZONA = [602, 480, 480, 623, 520, 928]
NEVADA = [702, 702, 725, 775]
NORTH_CAROLINA = [704, 919, 910, 336, 828, 252, 980, 984]
BATTLEGROUNDS = MICHIGAN + WISCONSIN + PENNSYLVANIA + GEORGIA + ARIZONA + NEVADA + NORTH_CAROLINA
#: the main lines of Detroit's and Milwaukee's election offices (the first granted here)
DETROIT_ELECTIONS = "+13132240800"
MILWAUKEE_ELECTIONS = "+14142865900"
#: Election Protection's hotline (866-OUR-VOTE) and the Justice Department's voting-section
#: complaint line (inbound only: on the DNO list)
OUR_VOTE = "+18666878683"
DOJ_VOTING = "+18002533931"
SSA = ["+18007721213", "+18003250778", "+18663784338"]
#: UK callers' calls to the US by the UTC hour: the British afternoon and evening
UK_UTC = {12: 0.5, 13: 0.6, 14: 0.7, 15: 0.8, 16: 0.9, 17: 1.0, 18: 1.1, 19: 1.1, 20: 1.0,
          21: 0.8, 22: 0.5}  # fmt: skip
#: where British callers' people in the US live
BRITISH_AMERICAN = [212, 718, 917, 617, 202, 305, 407, 312, 313, 415, 213, 310, 206]
#: a volunteer phone bank's calls by the hour of the callee's day: Saturday, Sunday (after
#: church), Monday (after work) and Election Day (from the polls' opening)
BANK_HOURS: list[dict[int, float]] = [
    {10: 0.7, 11: 1.0, 12: 1.0, 13: 1.0, 14: 1.1, 15: 1.1, 16: 1.1, 17: 1.1, 18: 1.0, 19: 0.8,
     20: 0.4},
    {12: 0.6, 13: 0.9, 14: 1.0, 15: 1.1, 16: 1.1, 17: 1.1, 18: 1.0, 19: 0.8, 20: 0.4},
    {10: 0.4, 11: 0.5, 12: 0.6, 13: 0.6, 14: 0.7, 15: 0.8, 16: 1.0, 17: 1.3, 18: 1.5, 19: 1.4,
     20: 1.0},
    {7: 0.6, 8: 0.8, 9: 0.9, 10: 1.0, 11: 1.0, 12: 1.0, 13: 1.0, 14: 1.1, 15: 1.2, 16: 1.3,
     17: 1.4, 18: 1.3, 19: 1.0},
]  # fmt: skip
#: an office's calls: weekdays, a little on Saturday morning, almost none on Sunday
OFFICE_DAYS = [0.2, 0.03, 1.0, 0.95]


def ago(days: float) -> datetime:
    """``days`` before the first day."""
    return FIRST - timedelta(days=days)


@dataclass
class ElectionNetwork(LeadgenNetwork):
    """A :class:`LeadgenNetwork` (per-day offsets across daylight saving's end, dated
    consent, local presence, RMD filings, domestic and foreign peers) over four UTC days from
    :data:`FIRST`: a CLEC and wholesale SIP provider in an election's last days."""

    id_prefix: ClassVar[str] = "v"
    days: ClassVar[int] = ELECTION_DAYS
    start_s: ClassVar[float] = (FIRST - START).total_seconds()

    first_day = FIRST
    zones = ZONES

    # --- who sends -----------------------------------------------------------------------------
    def interconnected(
        self,
        switch_id: str,
        legal_name: str,
        *,
        opened: datetime,
        campaign: bool,
        country: str | None = None,
    ) -> None:
        """A domestic (or, with ``country``, foreign) upstream whose interconnection
        agreement was signed at ``opened``: :meth:`peer` or :meth:`carrier`, dated."""
        if country is None:
            self.peer(switch_id, legal_name, years=0, campaign=campaign)
        else:
            self.carrier(switch_id, legal_name, country, years=0, campaign=campaign)
        self.customers[-1] = replace(self.customers[-1], created_at=opened)

    def offices(self, count: int, prefix: str, region: Sequence[int]) -> None:
        """``count`` lawful small businesses (``<prefix>-<n>``) in ``region``, each with a
        few numbers of its town, calling mostly its town in office hours on the weekdays, a
        fifth as much on Saturday morning, almost nothing on Sunday."""
        for business in range(count):
            name = f"{prefix}-{business}"
            town = int(self.rng.choice(region))
            opened = ago(int(self.rng.integers(60, 4000)))
            phones = self.account(name, "office phones", opened=opened,
                                  numbers=int(self.rng.integers(1, 5)), npa=town)  # fmt: skip
            self.lawful(phones)
            neighbours = self.numbers(2000, town) + self.numbers(600)
            daily = int(self.rng.integers(15, 250))
            schedule = [round(daily * share) for share in OFFICE_DAYS]
            self.send([schedule[0], schedule[1], 0, 0], customer=name,
                      callers=self.rotate(phones), callees=neighbours, durations=self.live(150),
                      answered=0.45, when=self.between(9, 14), unanswered=PEOPLE)  # fmt: skip
            self.send([0, 0, schedule[2], schedule[3]], customer=name,
                      callers=self.rotate(phones), callees=neighbours, durations=self.live(180),
                      answered=0.5, when=self.between(8, 18), unanswered=PEOPLE)  # fmt: skip

    # --- the calls -----------------------------------------------------------------------------
    def daily(self, per_day: Sequence[int], hours: Sequence[When], **calls: object) -> None:
        """:meth:`send` ``per_day`` calls (a count per day) at each day's own ``hours``
        (Saturday's also for the local Friday's calls that fall on the first UTC day)."""
        for day, count in enumerate(per_day):
            if count:
                self.send(self.only(day, count), when=hours[day], **calls)  # type: ignore[arg-type]

    def dial_list(
        self,
        numbers: Sequence[str],
        per_day: Sequence[int],
        hours: Sequence[When],
        *,
        callers: Callers,
        durations: Durations,
        answered: float,
        customer: str,
        sub_account: str | None = None,
        attestation: Attestation = "A",
        unanswered: dict[int, float] = DIALLER,
        retry: tuple[float, float] | None = None,
    ) -> None:
        """A broadcast working down a list: each local day (from the local Friday, at
        Saturday's count) ``per_day`` numbers of ``numbers`` (+-10%), each dialled once, at
        that day's ``hours`` of the callee's clock; ``retry`` (hours later, at least, at most):
        the unanswered dialled once more. Only calls within the network's UTC days are kept."""
        for day in range(-1, self.days):
            wanted = per_day[max(day, 0)] * self.volume * self.rng.uniform(0.9, 1.1)
            count = min(len(numbers), round(wanted))
            if count == 0:
                continue
            picked = self.rng.choice(len(numbers), count, replace=False)
            called = [numbers[i] for i in picked]
            offsets = np.array([self.offset_s(number[2:5], day) for number in called])
            seconds = day * 86_400 + hours[max(day, 0)](count) * 3600 - offsets
            picked_up = self.rng.random(count) < answered
            passes = [(np.arange(count), seconds, picked_up)]
            if retry is not None:
                again = np.flatnonzero(~picked_up)
                later = seconds[again] + self.rng.uniform(retry[0], retry[1], again.size) * 3600
                passes.append((again, later, self.rng.random(again.size) < answered))
            for chosen, when_s, answered_now in passes:
                kept = np.flatnonzero((when_s >= 0) & (when_s < self.days * 86_400))
                if kept.size == 0:
                    continue
                self.place([called[i] for i in chosen[kept]], when_s[kept] + self.start_s, day,
                           answered_now[kept], unanswered, callers=callers, durations=durations,
                           customer=customer, sub_account=sub_account, upstream=None,
                           attestation=attestation)  # fmt: skip

    # --- how answered calls last --------------------------------------------------------------
    def phone_bank(self, conversation_s: float) -> Durations:
        """Volunteers on a power dialler: a voicemail greeting or a machine the volunteer
        clicks past, a quick "not interested" or "already voted", a wrong number, a
        conversation of a median ``conversation_s`` (support, a plan to vote, the polling
        place), and dead air when the dialler connected no free volunteer in time."""
        return self.mix([
            (0.38, self.between_s(2, 7)),
            (0.24, self.live(9, 0.5)),
            (0.05, self.live(16, 0.5)),
            (0.30, self.live(conversation_s, 0.7)),
            (0.03, self.between_s(1, 3)),
        ])  # fmt: skip


def build(seed: int, volume: float = 1.0) -> ElectionNetwork:
    """The network of the module docstring; ``volume`` scales every sender's calls."""
    n = ElectionNetwork(seed, volume)
    n.dno.extend(DnoEntry(number, "government inbound-only line (ITG DNO list)")
                 for number in [*SSA, DOJ_VOTING])  # fmt: skip
    n.dno.extend(DnoEntry(number, "inbound only (customer service)") for number in n.numbers(300))
    # filings of providers the network never sees, as any slice of the RMD holds them; one
    # close in name to an upstream but another company
    for frn, name, implementation, updated in [
        ("0012873345", "Albion Telecommunications, Inc.", IMPLEMENTED, 20240419),
        ("0004417719", "Pecos Valley Telephone Cooperative, Inc.", MITIGATION_ONLY, 20231108),
        ("0027716630", "Thumb Area Fiber Networks LLC", PARTIAL, 20240812),
        ("0021148807", "Lake Superior Communications Co.", IMPLEMENTED, 20240227),
        ("0030944152", "Keystone Wholesale Voice LLC", PARTIAL, 20241001),
    ]:  # fmt: skip
        n.filing(frn, name, implementation, updated)
    daily_hours = [n.by_hour(hours) for hours in BANK_HOURS]

    # --- the transit carriers (lawful), whose calls carry the public's -----------------------
    huron = "Huron Valley Telephone Company"
    n.interconnected(huron, "Huron Valley Telephone Company", opened=ago(365 * 15),
                     campaign=False)  # fmt: skip
    n.filing("0001736624", "Huron Valley Telephone Company", PARTIAL, 20240612)
    huron_enterprises = n.numbers(900, MICHIGAN)
    n.lawful(huron_enterprises)
    n.transit([9000, 6000, 16_000, 15_000], huron, huron_enterprises,
              signed={"A": 0.55, "B": 0.15, None: 0.30})  # fmt: skip
    lakeland = "Lakeland Broadband Voice"
    n.interconnected(lakeland, "Lakeland Broadband Voice, LLC", opened=ago(365 * 8),
                     campaign=False)  # fmt: skip
    n.filing("0023318490", "Lakeland Broadband Voice, LLC", IMPLEMENTED, 20240905)
    lakeland_enterprises = n.numbers(700, MICHIGAN + WISCONSIN)
    n.lawful(lakeland_enterprises)
    n.transit([8000, 6000, 12_000, 11_000], lakeland, lakeland_enterprises)

    # --- campaigns ------------------------------------------------------------------------
    # an AI-voice "vote on Wednesday" robocall, signed A by the carrier that originated it
    pecos = "Pecos Line Telecom"
    n.interconnected(pecos, "Pecos Line Telecom LLC", opened=ago(365 * 6), campaign=True)
    n.filing("0026650913", "Pecos Line Telecom LLC", IMPLEMENTED, 20240301)
    pecos_enterprises = n.numbers(1400)
    n.lawful(pecos_enterprises)
    n.transit([14_000, 10_000, 22_000, 20_000], pecos, pecos_enterprises, signed=SIGNED)
    city_voters = n.numbers(44_000, 313) + n.numbers(36_000, 414)
    spoofed = {"313": DETROIT_ELECTIONS, "414": MILWAUKEE_ELECTIONS}
    deepfake = n.message(32, hang_ups=0.3, voicemail=0.35, greeting=(8, 25))
    n.daily([0, 0, 12_000, 16_000], [n.between(0, 0)] * 2 + [n.between(17.5, 20.5),
                                                           n.between(7, 11)],
            upstream=pecos, callers=lambda called, _: [spoofed[c[2:5]] for c in called],
            callees=city_voters, durations=deepfake, answered=0.3,
            attestation="A")  # fmt: skip
    # some of Detroit's callees call the number back (the message gave no other)
    detroiters = city_voters[:44_000]
    office_line = n.mix([(0.6, n.live(35, 0.4)), (0.4, n.live(150, 0.7))])
    for carrier, share in [(huron, 0.5), (lakeland, 0.5)]:
        n.daily([0, 0, round(250 * share), round(600 * share)],
                [n.between(0, 0)] * 2 + [n.between(18, 21.5), n.between(7, 12)],
                upstream=carrier, callers=n.rotate(detroiters), callees=[DETROIT_ELECTIONS],
                durations=office_line, answered=0.6, attestation={"A": 0.6, None: 0.4},
                unanswered={486: 0.7, 480: 0.2, 487: 0.1})  # fmt: skip

    # a new political consultancy blasting a recording to a cell-phone list
    blaster = n.account("red-maple-strategies", "political consulting: voter outreach by "
                        "voice broadcast to residential landlines", campaign=True,
                        kyc=KycStatus.PENDING, opened=ago(16), numbers=60,
                        npa=MICHIGAN + WISCONSIN + PENNSYLVANIA,
                        email="redmaplestrategies.llc@gmail.com")  # fmt: skip
    cells = n.numbers(400_000, MICHIGAN + WISCONSIN + PENNSYLVANIA)
    attack = n.message(30, hang_ups=0.5, voicemail=0.55, greeting=(5, 20))
    n.dial_list(cells, [25_000, 30_000, 45_000, 40_000],
                [n.between(10, 20), n.between(11, 20), n.between(10, 20), n.between(8, 20)],
                callers=n.same_area(blaster), durations=attack, answered=0.36,
                customer="red-maple-strategies")  # fmt: skip

    # a foreign carrier outside the RMD, an "election hotline" identity-theft scam
    albion = "Albion Crossing Telecom"
    n.interconnected(albion, "Albion Crossing Telecom Ltd", opened=ago(425), campaign=True,
                     country="GB")  # fmt: skip
    britons = n.foreign([("+447", 9), ("+4420", 8), ("+44161", 7), ("+44131", 7)], 6000)
    n.lawful(britons)
    n.family([4500, 5500, 4000, 4000], albion,
             n.circles(britons, (1, 2), lambda _: BRITISH_AMERICAN), when=n.by_hour(UK_UTC),
             clock="utc", attestation={"C": 0.8, None: 0.2})  # fmt: skip
    hotline = n.mix([
        (0.8, n.press_one(24, transfer=0.04, hang_ups=0.55, agent_median_s=420)),
        (0.2, n.message(24, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    n.send([9000, 7000, 14_000, 12_000], upstream=albion,
           callers=n.drawn([(0.55, n.invented_local()), (0.25, n.rotate([OUR_VOTE])),
                            (0.2, n.rotate([DOJ_VOTING]))]),
           callees=n.numbers(250_000, BATTLEGROUNDS), durations=hotline, answered=0.12,
           when=n.between(14, 23.5), clock="utc", attestation={"C": 0.8, None: 0.2})  # fmt: skip

    # the dialler platform, its phone banks, and a PAC's press-1 fundraising among them
    n.account("civicdial-platform", "hosted power dialer for campaigns' volunteer phone "
              "banks (live callers)", kind=CustomerKind.RESELLER, opened=ago(365 * 6),
              ein="47-2218806", address="1100 13th St NW, Washington DC")  # fmt: skip
    n.account("heartland-patriots-victory-pac", "volunteer phone banking (live callers)",
              campaign=True, parent="civicdial-platform", kyc=KycStatus.PENDING,
              opened=ago(12), email="heartlandpatriotspac@gmail.com")  # fmt: skip
    pac_lines = n.grant("heartland-patriots-victory-pac", 40, BATTLEGROUNDS, since=ago(12))
    donors = n.numbers(250_000, [*BATTLEGROUNDS, 305, 407, 813, 214, 713, 615])
    chip_in = n.mix([
        (0.7, n.press_one(27, transfer=0.04, hang_ups=0.55, agent_median_s=240)),
        (0.3, n.message(27, hang_ups=0.0, voicemail=1.0, greeting=(6, 24))),
    ])  # fmt: skip
    n.send([14_000, 14_000, 18_000, 16_000], customer="civicdial-platform",
           sub_account="heartland-patriots-victory-pac", callers=n.same_area(pac_lines),
           callees=donors, durations=chip_in, answered=0.18, when=n.between(10, 20))  # fmt: skip
    for index, (name, region, per_day, lines, months) in enumerate([
        ("michigan-coordinated-victory", MICHIGAN, [18_000, 15_000, 21_000, 20_000], 120, 8),
        ("badger-state-turnout", WISCONSIN, [9000, 8000, 11_000, 10_000], 60, 7),
        ("keystone-neighbors-calling", PENNSYLVANIA, [11_000, 9000, 12_000, 12_000], 80, 9),
        ("peach-state-ballot-chase", GEORGIA, [6000, 5000, 7000, 7000], 40, 5),
        ("copper-state-votes", ARIZONA, [6000, 5000, 7000, 7000], 40, 6),
        ("silver-state-neighbors", NEVADA, [4000, 3000, 4500, 4500], 25, 4),
        ("tar-heel-turnout-project", NORTH_CAROLINA, [5000, 4000, 6000, 6000], 35, 2),
        ("great-lakes-labor-council", MICHIGAN + WISCONSIN, [2500, 1500, 3000, 2500], 20, 72),
    ]):  # fmt: skip
        n.account(name, "volunteer phone banking (live callers) for a campaign's field "
                  "programme", parent="civicdial-platform", opened=ago(30 * months),
                  ein=f"{81 + index}-{3_104_227 + 618_033 * index}")  # fmt: skip
        own = n.grant(name, lines, region, since=ago(30 * months))
        n.lawful(own)
        universe = n.numbers(40_000 * len(set(region)) // 4 + 60_000, region)
        if name == "great-lakes-labor-council":
            n.consented_at(name, universe, n.dated(60, 3000), share=0.9,
                           evidence="{holder}/membership-card/{index}")  # fmt: skip
        n.daily(per_day, daily_hours, customer="civicdial-platform", sub_account=name,
                callers=n.same_area(own), callees=universe, durations=n.phone_bank(75),
                answered=0.17)  # fmt: skip

    # a call centre's election-morning jam of the other side's ride-to-the-polls lines
    party_phones = n.account("peninsula-party-state-committee", "state party offices (office "
                             "phones, county field offices, ride-to-the-polls lines)",
                             opened=ago(365 * 20), numbers=40, npa=MICHIGAN,
                             ein="38-1776450", email="office@peninsulaparty.org",
                             address="606 Townsend St, Lansing MI")  # fmt: skip
    n.lawful(party_phones)
    ride_lines = party_phones[:5]
    hall = n.account("metro-firefighters-local-344", "union office phones",
                     opened=ago(365 * 14), numbers=2, npa=313, ein="38-0911623")  # fmt: skip
    n.lawful(hall)
    teleservices = n.account("wolverine-teleservices", "live-agent political and survey "
                             "calling for campaigns and consultants", campaign=True,
                             opened=ago(365 * 4), numbers=12, npa=[517, 616, 810],
                             ein="38-3390127",
                             address="2800 E Grand River Ave, Lansing MI")  # fmt: skip
    n.daily([3000, 2500, 4000, 2000], [n.between(10, 20)] * 3 + [n.between(9, 19)],
            customer="wolverine-teleservices", callers=n.rotate(teleservices),
            callees=n.numbers(150_000, MICHIGAN), durations=n.agency_dialler(150),
            answered=0.18)  # fmt: skip
    n.daily([0, 0, 0, 900], [n.between(0, 0)] * 3 + [n.between(7.08, 8.75)],
            customer="wolverine-teleservices", callers=n.rotate(teleservices),
            callees=[*ride_lines, hall[0]], durations=n.between_s(1, 5), answered=0.55,
            unanswered={486: 0.85, 480: 0.1, 487: 0.05})  # fmt: skip

    # --- for review -----------------------------------------------------------------------
    n.account("townsquare-voice-broadcasting", "voice broadcasting for political campaigns, "
              "parties and public agencies", kind=CustomerKind.RESELLER,
              opened=ago(365 * 11), ein="38-3561904",
              address="120 N Washington Sq, Lansing MI")  # fmt: skip
    n.account("whitfield-for-congress", "candidate committee: GOTV voice broadcasts",
              parent="townsquare-voice-broadcasting", opened=ago(300), ein="93-2207415",
              email="field@danawhitfield.com",
              address="415 E Michigan Ave, Lansing MI")  # fmt: skip
    del n.campaign["sub_account", "whitfield-for-congress"]
    n.review.add(("sub_account", "whitfield-for-congress"))
    whitfield_office = n.grant("whitfield-for-congress", 2, 517, since=ago(300))
    district = n.numbers(85_000, [517, 517, 517, 810, 989, 734])
    n.consented_at("whitfield-for-congress", district, n.dated(5, 300), share=0.06,
                   evidence="https://www.danawhitfield.com/volunteer/{index}")  # fmt: skip
    candidate = n.message(35, hang_ups=0.35, voicemail=0.45, greeting=(6, 24))
    n.dial_list(district, [0, 25_000, 30_000, 30_000],
                [n.between(0, 0), n.between(13, 18), n.between(16.5, 20.5), n.between(7, 11)],
                callers=n.rotate(whitfield_office), durations=candidate, answered=0.33,
                customer="townsquare-voice-broadcasting",
                sub_account="whitfield-for-congress")  # fmt: skip

    # --- lawful ---------------------------------------------------------------------------
    # the party's recorded GOTV: landlines (no consent needed) and consented supporters
    headquarters = party_phones[5]
    for client, declared in [
        ("peninsula-party-landline-gotv", "state party: GOTV voice broadcasts to residential "
         "landlines (wireless and ported numbers removed before each wave)"),
        ("peninsula-party-supporters", "state party: recorded messages to supporters who "
         "signed up with their mobile numbers"),
    ]:  # fmt: skip
        n.account(client, declared, parent="townsquare-voice-broadcasting",
                  opened=ago(365 * 6), ein="38-1776450", email="digital@peninsulaparty.org",
                  address="606 Townsend St, Lansing MI")  # fmt: skip
        n.grants.append(NumberGrant(headquarters, client, since=ago(365 * 6), verified=True))
    landlines = n.numbers(260_000, [*MICHIGAN, 517, 810, 989, 231, 269])
    gotv = n.message(29, hang_ups=0.3, voicemail=0.45, greeting=(8, 25))
    n.dial_list(landlines, [0, 50_000, 60_000, 60_000],
                [n.between(0, 0), n.between(14, 19), n.between(16, 20.5), n.between(7, 10.5)],
                callers=n.rotate([headquarters]), durations=gotv, answered=0.32,
                customer="townsquare-voice-broadcasting",
                sub_account="peninsula-party-landline-gotv")  # fmt: skip
    supporters = n.numbers(45_000, MICHIGAN)
    n.consented_at("peninsula-party-supporters", supporters, n.dated(3, 900), share=0.98,
                   evidence="https://www.peninsulaparty.org/signup/{index}")  # fmt: skip
    n.dial_list(supporters, [0, 10_000, 35_000, 40_000],
                [n.between(0, 0), n.between(15, 19), n.between(17, 20.5), n.between(7.5, 11)],
                callers=n.rotate([headquarters]),
                durations=n.message(26, hang_ups=0.2, voicemail=0.45), answered=0.45,
                customer="townsquare-voice-broadcasting",
                sub_account="peninsula-party-supporters")  # fmt: skip
    n.daily([600, 300, 900, 1200], [n.between(9, 18)] * 2 + [n.between(9, 20)] * 2,
            customer="peninsula-party-state-committee", callers=n.rotate(party_phones[5:]),
            callees=n.numbers(20_000, MICHIGAN), durations=n.live(120), answered=0.4,
            unanswered=PEOPLE)  # fmt: skip
    for carrier in [huron, lakeland]:
        n.daily([0, 0, 80, 300], [n.between(0, 0)] * 2 + [n.between(9, 20), n.between(7, 19)],
                upstream=carrier, callers=n.fresh(), callees=[*ride_lines, hall[0]],
                durations=n.live(90, 0.6), answered=0.7, attestation={"A": 0.6, None: 0.4},
                unanswered=PEOPLE)  # fmt: skip

    # election offices: poll workers, ballot curing, Election Day notices
    detroit = n.account("detroit-department-of-elections", "city election administration: "
                        "poll-worker and voter notices, ballot curing", opened=ago(365 * 12),
                        numbers=6, npa=313, ein="38-6004606",
                        email="elections@detroitmi.gov",
                        address="2978 W Grand Blvd, Detroit MI")  # fmt: skip
    n.grants.append(NumberGrant(DETROIT_ELECTIONS, "detroit-department-of-elections",
                                since=ago(365 * 12), verified=True))  # fmt: skip
    n.lawful([DETROIT_ELECTIONS, *detroit])
    kent = n.account("kent-county-clerk", "county election administration: poll-worker "
                     "and voter notices", opened=ago(365 * 9), numbers=4, npa=616,
                     ein="38-6004863", email="elections@kentcountymi.gov")  # fmt: skip
    n.lawful(kent)
    reminder = n.mix([
        (0.45, lambda count: n.rng.integers(14, 24, count) + 3),  # pressed 1 to confirm
        (0.2, n.message(24, hang_ups=0.1)),
        (0.35, n.message(24, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    for office, numbers, workers, per_day in [
        ("detroit-department-of-elections", [DETROIT_ELECTIONS], n.numbers(6000, [313, 313, 248]),
         [1200, 600, 1500, 0]),
        ("kent-county-clerk", kent[:1], n.numbers(2500, 616), [700, 300, 800, 0]),
    ]:  # fmt: skip
        n.consented_at(office, workers, n.dated(20, 200),
                       evidence="{holder}/poll-worker-application/{index}")  # fmt: skip
        n.daily(per_day, [n.between(10, 18)] * 4, customer=office,
                callers=n.rotate(numbers), callees=workers, durations=reminder,
                answered=0.55)  # fmt: skip
    curing = n.numbers(3000, [313, 313, 248])
    n.daily([250, 100, 400, 600], [n.between(10, 17)] * 3 + [n.between(8, 19)],
            customer="detroit-department-of-elections", callers=n.rotate(detroit),
            callees=curing, durations=n.live(140, 0.7), answered=0.45,
            unanswered=PEOPLE)  # fmt: skip
    registered = city_voters[:30_000] + n.numbers(60_000, 313)
    n.consented_at("detroit-department-of-elections", registered, n.dated(30, 4000),
                   share=0.97, evidence="{holder}/voter-registration/{index}")  # fmt: skip
    n.dial_list(registered, [0, 0, 0, 60_000], [n.between(0, 0)] * 3 + [n.between(9.5, 12.5)],
                callers=n.rotate([DETROIT_ELECTIONS]),
                durations=n.message(27, hang_ups=0.25, voicemail=0.4), answered=0.38,
                customer="detroit-department-of-elections")  # fmt: skip
    precincts = n.in_exchanges(5500, ["+1616456", "+1616459", "+1616632", "+1616676"])
    n.consented_at("kent-county-clerk", precincts, n.dated(30, 5000), share=0.98,
                   evidence="{holder}/voter-registration/{index}")  # fmt: skip
    n.dial_list(precincts, [0, 0, 0, 5500], [n.between(0, 0)] * 3 + [n.between(6.67, 7.5)],
                callers=n.rotate(kent[1:3]),
                durations=n.message(38, hang_ups=0.15, voicemail=0.3), answered=0.45,
                customer="kent-county-clerk", retry=(1.2, 1.6))  # fmt: skip

    # a pollster: live interviews of registration-based samples, IVR polls of landlines
    pollster = n.account("crossroads-opinion-research", "public opinion research: live "
                         "telephone interviews and IVR surveys", opened=ago(365 * 15),
                         numbers=8, npa=517, ein="38-3102277")  # fmt: skip
    n.lawful(pollster)
    interview = n.mix([
        (0.45, n.between_s(3, 8)),  # a machine or voicemail: the interviewer hangs up
        (0.33, n.live(14, 0.6)),  # a refusal
        (0.08, n.live(70, 0.4)),  # screened out: not registered, not voting
        (0.14, n.live(1020, 0.3)),  # a completed interview
    ])  # fmt: skip
    evening = n.by_hour({10: 0.4, 11: 0.4, 12: 0.4, 13: 0.4, 14: 0.5, 15: 0.6, 16: 0.8,
                         17: 1.2, 18: 1.4, 19: 1.4, 20: 1.2})  # fmt: skip
    n.daily([15_000, 13_000, 16_000, 0],
            [n.between(10, 21), n.between(12, 21), evening, n.between(0, 0)],
            customer="crossroads-opinion-research", callers=n.rotate(pollster[:6]),
            callees=n.numbers(300_000, BATTLEGROUNDS), durations=interview, answered=0.08,
            unanswered=PEOPLE)  # fmt: skip
    ivr = n.mix([
        (0.2, n.between_s(3, 6)),  # a machine, dropped
        (0.4, n.between_s(2, 14)),  # hangs up in the introduction
        (0.25, n.between_s(15, 150)),  # breaks off
        (0.15, n.live(270, 0.15)),  # completes the questionnaire
    ])  # fmt: skip
    n.dial_list(n.numbers(200_000, MICHIGAN + WISCONSIN + PENNSYLVANIA),
                [20_000, 18_000, 14_000, 0],
                [n.between(11, 20), n.between(13, 20), n.between(17, 20.5), n.between(0, 0)],
                callers=n.rotate(pollster[6:]), durations=ivr, answered=0.16,
                customer="crossroads-opinion-research")  # fmt: skip

    # a non-partisan voter-registration group's reminders to those who pledged to vote
    alliance = n.account("great-lakes-voter-alliance", "non-partisan voter registration "
                         "and turnout reminders to people who pledged to vote",
                         opened=ago(365 * 7), numbers=4, npa=[313, 616, 810],
                         ein="47-4410935", email="info@greatlakesvoters.org")  # fmt: skip
    n.lawful(alliance)
    pledged = n.numbers(70_000, MICHIGAN)
    n.consented_at("great-lakes-voter-alliance", pledged, n.dated(5, 400), share=0.97,
                   evidence="{holder}/pledge-card/{index}")  # fmt: skip
    n.dial_list(pledged, [6000, 4000, 10_000, 18_000],
                [n.between(11, 19), n.between(13, 19), n.between(16, 20), n.between(7, 11)],
                callers=n.rotate(alliance), durations=n.message(30, hang_ups=0.25,
                                                                voicemail=0.4),
                answered=0.4, customer="great-lakes-voter-alliance")  # fmt: skip

    # a school district's closure notice: its buildings are polling places
    schools = n.account("capital-area-schools", "school district notifications to parents "
                        "and staff", opened=ago(365 * 10), numbers=2, npa=517,
                        ein="38-6005419")  # fmt: skip
    n.lawful(schools)
    parents = n.numbers(30_000, 517)
    n.consented_at("capital-area-schools", parents, n.dated(60, 1500),
                   evidence="{holder}/enrolment/{index}")  # fmt: skip
    n.dial_list(parents, [0, 0, 28_000, 0], [n.between(0, 0)] * 2 + [n.between(17.5, 18.25),
                                                                    n.between(0, 0)],
                callers=n.rotate(schools),
                durations=n.message(28, hang_ups=0.2, voicemail=0.35), answered=0.5,
                customer="capital-area-schools")  # fmt: skip

    # ordinary business
    hospital = n.account("grand-river-health", "patient appointment reminders",
                         opened=ago(365 * 13), numbers=3, npa=517, ein="38-1360584")  # fmt: skip
    n.lawful(hospital)
    patients = n.numbers(40_000, [517, 517, 810, 989, 616])
    n.consented_at("grand-river-health", patients, n.dated(10, 2000),
                   evidence="{holder}/patient-portal/{index}")  # fmt: skip
    confirm = n.confirmation_ivr(28, pressed=(18, 29, 5), hold=(20, 120), talk_median_s=180,
                                 heard=(29, 32), refused_s=17)  # fmt: skip
    n.daily([0, 0, 5000, 4000], [n.between(10, 18.5)] * 4, customer="grand-river-health",
            callers=n.rotate(hospital), callees=patients, durations=confirm,
            answered=0.65)  # fmt: skip
    stores = n.account("northwoods-pharmacy", "prescription refill and pickup reminders",
                       opened=ago(365 * 9), numbers=90, npa=MICHIGAN + WISCONSIN,
                       ein="38-2291170")  # fmt: skip
    n.lawful(stores)
    refill = n.mix([(0.9, n.message(24, hang_ups=0.12, voicemail=0.33)),
                    (0.1, lambda count: 24 + n.live(35, 0.5)(count))])  # fmt: skip
    n.store_reminders("northwoods-pharmacy", stores, 3500, each=300,
                      consented=n.dated(30, 2000), durations=refill,
                      when=n.by_hour(STORE_HOURS))  # fmt: skip
    union = n.account("mitten-state-credit-union", "fraud alerts and account security calls "
                      "to our members", opened=ago(365 * 16), numbers=10, npa=[517, 616],
                      ein="38-1364217")  # fmt: skip
    n.lawful(union)
    members = n.numbers(60_000, MICHIGAN)
    n.consented_at("mitten-state-credit-union", members, n.dated(30, 3000),
                   evidence="{holder}/account-agreement/{index}")  # fmt: skip
    n.send(3500, customer="mitten-state-credit-union", callers=n.rotate(union),
           callees=members, durations=n.fraud_alert_ivr(), answered=0.55,
           when=n.by_hour(CARD_ACTIVITY))  # fmt: skip
    n.daily([30, 5, 120, 100], [n.between(9, 13)] * 2 + [n.between(9, 17)] * 2,
            customer="metro-firefighters-local-344", callers=n.rotate(hall),
            durations=n.live(150), answered=0.5, unanswered=PEOPLE)  # fmt: skip
    n.offices(30, "glbiz", MICHIGAN)
    return n
