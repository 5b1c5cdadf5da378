"""A collections network: the whole traffic of Ledgerline Voice, a business VoIP carrier in
Columbus, Ohio, whose biggest customers work accounts receivable: third-party debt
collection agencies, a hospital system's billing office, a student-loan servicer, a gas
and electric utility's collections, a credit union, an auto lender, and a hosted
predictive-dialer platform reselling seats to smaller agencies (its clients are
sub-accounts). It also sells wholesale termination to a few carriers and terminates the
public's calls to the numbers it hosts. Five UTC weekdays, Monday 5 to Friday 9 May 2025
(US daylight saving time in force; Arizona and Hawaii keep standard time): the Monday the
Department of Education restarted involuntary collection of defaulted federal student
loans, three weeks after most states' winter utility shut-off moratoria ended. Built on the
plumbing of :mod:`tests.traffic.blind_shapes` (calls on the callee's local clock, KYC
evidence, a DNO list, the RMD, dated consent records), :mod:`tests.traffic.weekly_shapes`
(per-day UTC offsets, invented local numbers) and :mod:`tests.traffic.platform_shapes`
(revoked consent, local presence, a store's own customers). Days are numbered 0 (Monday)
to 4 (Friday); "local" is the callee's time. The carrier signs A for a number it granted
to the account and B for one it did not, and passes a transit call's attestation on.

The shape of this industry: many calls to the same consumers. An agency works a book of
accounts (one number per account here), and its dialler loads each morning the accounts
still eligible: Regulation F (12 CFR 1006.14(b)) presumes a collector harasses a consumer
with more than 7 calls in 7 days about a debt, or any call within 7 days of a telephone
conversation about it, so a compliant dialler caps each account at 7 attempts in the week
(1-2 a day, a morning and an evening pass) and drops an account for the rest of the week
as soon as an agent has talked with the debtor (an answered call of a minute or more),
leaving even that day's later attempt undialled (:meth:`CollectionsNetwork.work`; a book
is scaled with the network's volume so that a smaller agency calls each debtor as often).
Answer rates are low (15-25%), right-party conversations a few percent of attempts; on a
machine the dialler either hangs up or leaves Regulation F's "limited-content message"
(1006.2(j): a name, "please call us back" and a number, about 15 s, recorded); the rest is
wrong parties (skip-traced and reassigned numbers: "he doesn't live here", 4-25 s),
hang-ups on hello, and 3% abandoned calls given the 2 s + 9 s identification message.
Calls are weighted to the callee's morning (8-10 am) and evening (5-9 pm), never outside
8 am-9 pm local (the FDCPA's convenient hours, 15 USC 1692c(a)(1)). Under the TCPA an
autodialled or prerecorded call to a wireless number needs prior express consent, which
a consumer gives by putting the number on the credit application (FCC's 2008 ACA
International ruling; the consent extends to a collector calling for the creditor): the
agencies upload those consent records under the carrier's consent-verification
programme, with the revocations they record; skip-traced numbers (found by a search, not
given by the debtor) have none, and well-run agencies dial them by hand, live, and leave
no recording. Some numbers on every book are disconnected (404/410).

At volume 1.0 the carrier carries about 220,000-225,000 calls a UTC day, Monday about
205,000 (no Sunday-evening calls spill into its first UTC hours, despite the student-loan
servicer's restart and the utility's notices).

Campaigns (each must reach ``high`` at the narrowest responsible entity):

- ``clearpath-account-solutions`` (sub-account of the dialler platform ``collectiq-cloud``,
  opened 75 days before the week, KYC verified with an EIN and a virtual-office address,
  declared "first-party collections follow-up for card issuers"): not a collector but a
  "card member services" credit-card interest-reduction and debt-relief telemarketer
  hiding among the platform's agencies: a 24 s prerecorded "final notice to lower the
  interest rate on your credit cards, press 1" (the same recording left on a quarter of
  the answered calls, machines), 12,000 calls a day, 9 am-8 pm local, from 60 numbers the
  platform granted it in the callees' area codes (local presence, like its neighbours),
  to a list of 200,000 numbers of which 60,000 come from the collectors' own books
  (debtor data sold on): those have consent records, held by the agencies that hold the
  debts, none by it. 15% answered, 55% of those hang up in the pitch, 4% press 1 for a
  "debt specialist" (minutes). 47 USC 227(b)(1)(A)(iii) and (B), 47 CFR 64.1200(a)(2)-(3):
  prerecorded telemarketing to wireless and residential lines without prior express
  written consent; the platform's know-your-customer duty, 64.1200(n)(4).
- ``Tristar Global Voice`` (upstream provider, RMD-filed, partial STIR/SHAKEN; it buys
  wholesale termination): among its ordinary transit (signed enterprise calls, 18,000 a
  day, and consumers' calls, 3,000) it hands over a fake debt collector, "the legal
  department of the Processing Division": a 35 s prerecorded threat ("a complaint has
  been filed against you for a defaulted payday loan; a warrant will be issued for your
  arrest unless you press 1 to speak with a mediator before end of day"), 10,000 calls a
  day from an offshore centre working 9 am-7 pm Eastern on the US at large, each call
  presenting an invented number, in the callee's own area code (another exchange: a
  local-looking number) on three calls in five and anywhere in the US on the rest,
  unsigned or C-attested. 12% answered, half hang up in the threat, 4% press 1 and are
  kept on the line for minutes by the "mediator" (who takes a card payment); a third of
  the answered are machines that record the threat (callbacks are the point). 227(b),
  227(e) (spoofing to defraud), 15 USC 1692e(4) (false threats of arrest), and the
  upstream's duty to mitigate what it carries, 64.1200(n)(2)-(3), (k)(4).
- ``ironclad-portfolio-recovery`` (customer, a debt buyer's collection arm, 3 years, KYC
  verified, declared "collection of purchased consumer debt portfolios (predictive
  dialer)", 30 numbers of its own): beside its agents' ordinary live calls (a book of
  20,000 accounts, 8,000 calls a day, capped as the rules ask), its "hot list" of 5,000
  accounts that refuse to pay is robocalled every day, 3-5 times a day each (about 20
  calls per debtor in the week, 30 per 7 days), 8 am-9 pm local, with a 22 s prerecorded
  "important message for <name>: press 1 to speak to a representative now" (20,000 calls a
  day), also left on machines (35% of the answered), answered 16%, and never stopped by a
  conversation. 90% of the hot list have consent records (the original creditor's credit
  application), and 65% of those were revoked 3-120 days before the week (the debtor
  said "stop calling me", pressed the opt-out key or wrote; the agency's CRM recorded it,
  and its consent file says so, but its dialler lists are never scrubbed against it); the
  other 10% are skip-traced numbers without records. A revoked consent is no consent
  (64.1200(a)(10), in force since 11 April 2025): 227(b)(1)(A)(iii) for the prerecorded
  calls to wireless numbers; the frequency is 12 CFR 1006.14's and 15 USC 1692d(5)'s
  harassment as well.
- ``national-loan-relief-center`` (customer, opened 9 days before the week, KYC pending,
  webmail contact, no EIN, declared "customer service callbacks", 20 numbers): a student
  loan "forgiveness" telemarketer riding the collections restart: a 31 s prerecorded
  "this is the Student Loan Relief Department: collections on defaulted federal loans
  restart today; under the new federal plan you may qualify to have your balance
  forgiven, press 1" (a fifth of the answered calls are machines that record it),
  12,000 calls a day, half of them to 300,000 borrowers of the student-loan servicer's
  book (bought lists; the servicer holds those consent records, it holds none), dialled on
  its call centre's Eastern clock, 8 am to 11 pm Eastern with its heaviest hours in the
  evening, so Eastern callees get calls after 9 pm and western ones before 8 am (about one
  call in eight outside 8 am-9 pm local). It presents an invented number in the
  callee's area code on four calls in five (signed B: not its own) and one of its 20
  numbers on the rest. 11% answered, 60% of them hang up in the pitch, 3% press 1 for a
  "loan advocate" (a quarter of an hour). 227(b), 64.1200(a)(2)-(3); 64.1200(c)(1) (no
  telephone solicitation before 8 am or after 9 pm local); 227(e) and the FTC's
  impersonation rule for the "department".

For review (reported at least ``medium``; ``high`` is neither asked nor forbidden):

- ``bluestone-recovery-services`` (customer, a third-party agency, 6 years, KYC verified,
  40 numbers of its own): a book of 30,000 accounts, 10,000 calls a day worked like its
  compliant peers (at most 7 attempts per account in the week, 1-2 a day, stopped by a
  conversation, 8 am-9 pm local, 18% answered), but 45% of its book is skip-traced
  numbers without consent records that it dials on the same predictive dialler, and on a
  third of its answered calls (machines) it leaves the recorded limited-content message,
  whoever's number it is; 8% of the book is disconnected. A prerecorded message to a
  wireless number without consent breaks 227(b)(1)(A)(iii); to a residential line it is
  exempt for a debt collector's call (64.1200(a)(3)(iii)), up to three calls in 30 days;
  whether its dialler is an autodialler at all is Facebook v. Duguid's question. Which of
  those numbers are wireless, and whether the creditor's consent covers them, is not in
  the carrier's data: an analyst must ask the agency.

Lawful senders (none may reach ``high``; their own numbers are labelled lawful):

- ``northgate-credit-services`` (customer, a third-party agency, 11 years, 250 local
  presence numbers across the country): a predictive dialler with live agents working a
  book of 40,000 consented accounts (at most 7 attempts per account in the week, 1-2 a
  day, stopped for the week by a conversation), 30,000 calls a day, 8 am-9 pm local
  weighted to mornings and evenings, 20% answered, 3% of its book disconnected; and a
  manual-dial queue of 3,500 skip-traced numbers without consent (live agents click to
  dial, leave a spoken voicemail, no recording), 1,500 calls a day. Regulation F's
  frequency, the FDCPA's hours, the ACA ruling's consent.
- ``collectiq-cloud`` (customer, kind reseller: a hosted predictive dialler for
  accounts-receivable management, 8 years; labelled lawful though one client is not) and
  its three agencies: ``prairie-state-collections`` (a book of 20,000, 7,000 calls a day),
  ``coastal-medical-recovery`` (medical debt, 15,000, 5,000 a day) and
  ``heartland-auto-recovery`` (deficiency balances after repossession, 8,000, 3,000 a day),
  each with its own local-presence numbers, consent records for 88-94% of its book (the
  rest skipped by its dialler), capped and stopped like northgate's.
- ``ridgeview-health-billing`` (customer, a Pittsburgh hospital system's patient financial
  services office, 14 years, 6 numbers): a 30 s recorded balance reminder ("you have a
  balance with Ridgeview Health; press 1 to pay by phone, 0 for a representative"), 8,000
  calls a day, 9 am-7 pm local, to a book of 60,000 patients in western Pennsylvania, each
  at most twice in the week (statement cycles); 97% have consent records (numbers given
  at registration: prior express consent for calls about the patient's own account).
- ``front-range-federal-credit-union`` (customer, 20 years, 8 numbers): fraud-alert IVR
  calls triggered by card transactions, 3,000 a day at any hour of the member's day, a 14
  s prompt ("press 1 if you made this purchase"), some transferred to a fraud agent, some
  voicemail; 96% have consent records, and a financial institution's free fraud alert is
  exempt anyway (64.1200(a)(9)(iv)). Time-sensitive: 2 am is when the card is used.
- ``buckeye-gas-and-electric`` (customer, a utility, 30 years, 4 numbers in 216/330/440):
  shut-off notices for nonpayment after the winter moratorium, a 34 s recorded "your
  service is scheduled for disconnection; press 1 to pay or arrange a plan; assistance is
  available", 12,000 calls on Monday falling to 5,000 on Friday, 9 am-8 pm local, to 45,000
  delinquent accounts in northeast Ohio, each at most twice (the 10-day and the 48-hour
  notice); 85% have consent records (the FCC's 2016 Edison Electric Institute ruling: a
  number given to the utility is consent to calls closely related to the service).
- ``aspen-education-loan-services`` (customer, a federal student-loan servicer, 9 years,
  120 numbers): live agents on a predictive dialler calling borrowers about repayment as
  collections restart, 40,000 calls on Monday and 28,000 on the other days, 8 am-9 pm
  local, 22% answered, long conversations (repayment plans: median 7 minutes), a book of
  300,000 borrowers (96% consented on the loan application), capped as the rules ask.
- ``lone-oak-auto-finance`` (customer, a first-party auto lender, 12 years, 60 numbers):
  early-delinquency calls on its own loans, 14,000 a day, 8 am-9 pm local: a recorded
  payment reminder ("press 1 to pay") on 45% of the answered calls, live agents on the
  rest, a book of 50,000 borrowers (98% consented in the retail installment contract), at
  most 7 attempts per account in the week by its own policy.
- ``bayside-pharmacy`` (customer, a chain of 120 stores, 10 years): refill-ready
  reminders from each store's own number to its own patients, 6,000 a day in store hours,
  a 24 s recording; consent records for every patient.
- ``Midstate Fiber Exchange`` (upstream provider, RMD-filed, complete): the public
  calling back the numbers the carrier hosts (debtors, patients, members, borrowers
  returning the agencies' and creditors' calls), 15,000 a day, signed as their carriers
  signed them.
- ``Tristar Global Voice``'s ordinary transit numbers (it is a campaign entity for the
  fake collector).
- ``officeline-*``: 30 small businesses with office phones.

Campaign caller IDs are not labelled: each campaign is judged at the source that carries it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import ClassVar

import numpy as np

from callwarden.customers import ConsentType, CustomerKind, KycStatus
from callwarden.lists import DnoEntry, RmdFiling
from tests.traffic.blind_shapes import (
    AREA_CODES,
    DIALLER,
    PEOPLE,
    START,
    Attestation,
    Callers,
    When,
)
from tests.traffic.platform_shapes import REMINDER_HOURS, PlatformNetwork
from tests.traffic.unseen_shapes import Durations

#: Monday 5 May 2025, the day involuntary collection of defaulted student loans restarted
FIRST = datetime(2025, 5, 5, tzinfo=UTC)
COLLECTIONS_DAYS = 5
#: time zones of every area code the network calls (blind_shapes' cover them all)
ZONES: dict[int, str] = {code: zone for code, (zone, _) in AREA_CODES.items()}
#: western Pennsylvania (the hospital system) and northeast Ohio (the utility)
PITTSBURGH = [412, 724, 814]
NORTHEAST_OHIO = [216, 330, 440]
DENVER = [303, 720]
#: a collection dialler's hours on the callee's clock: before work and after it, never
#: outside 8 am-9 pm (15 USC 1692c(a)(1))
COLLECTION_HOURS = {8: 1.4, 9: 1.3, 10: 1.0, 11: 0.8, 12: 0.8, 13: 0.8, 14: 0.8, 15: 0.9,
                    16: 1.1, 17: 1.5, 18: 1.6, 19: 1.5, 20: 1.1}  # fmt: skip
#: card transactions by the hour of the member's day (fraud alerts follow them)
CARD_ACTIVITY = {h: 0.15 for h in range(7)} | {7: 0.4, 8: 0.7, 9: 0.9, 22: 0.5, 23: 0.3}
CARD_ACTIVITY |= dict.fromkeys(range(10, 22), 1.0)
#: the relief telemarketer's shift on its centre's Eastern clock, as UTC hours (EDT is
#: UTC-4: 12 is 8 am Eastern, 26 is 10 pm), heaviest in the Eastern evening
RELIEF_SHIFT_UTC = {12: 0.6, 13: 0.8, 14: 0.9, 15: 0.9, 16: 0.9, 17: 0.9, 18: 1.0, 19: 1.0,
                    20: 1.1, 21: 1.3, 22: 1.5, 23: 1.6, 24: 1.6, 25: 1.4, 26: 1.0}  # fmt: skip
#: a right-party conversation: an answered call an agent talked through for a minute
CONVERSATION_S = 60


def _replay(heard: np.ndarray) -> Durations:
    """The durations already drawn for a batch of answered calls, in their order."""
    return lambda _count: heard


def ago(days: float) -> datetime:
    """``days`` before the first day."""
    return FIRST - timedelta(days=days)


@dataclass
class CollectionsNetwork(PlatformNetwork):
    """A :class:`PlatformNetwork` (for its revoked consent, local presence and clientele)
    over five UTC weekdays from :data:`FIRST`: a business VoIP carrier whose customers
    work accounts receivable, its wholesale termination and its hosted numbers' inbound."""

    id_prefix: ClassVar[str] = "d"
    days: ClassVar[int] = COLLECTIONS_DAYS
    start_s: ClassVar[float] = (FIRST - START).total_seconds()

    first_day = FIRST
    zones = ZONES

    # --- consent ------------------------------------------------------------------------------
    def some(self, numbers: Sequence[str], share: float) -> list[str]:
        """A random ``share`` of ``numbers`` (in their order)."""
        chosen = self.rng.random(len(numbers)) < share
        return [number for number, yes in zip(numbers, chosen, strict=True) if yes]

    def applications(self, count: int) -> list[datetime]:
        """When ``count`` debtors filled in their credit applications: 1-6 years ago."""
        return self.dated(365, 6 * 365)(count)

    # --- the calls ----------------------------------------------------------------------------
    def work(
        self,
        per_day: int | Sequence[int],
        book: Sequence[str],
        *,
        passes: tuple[int, int],
        cap: int | None,
        stop_after: int | None,
        callers: Callers,
        durations: Durations,
        answered: float,
        when: When,
        customer: str,
        sub_account: str | None = None,
        attestation: Attestation = "A",
        unanswered: Mapping[int, float] = DIALLER,
        disconnected: AbstractSet[str] = frozenset(),
    ) -> None:
        """A dialler working ``book`` (one number per account; its first ``volume`` share,
        so a smaller network's agency calls each debtor as often) about ``per_day``
        attempts (+-10%) a local weekday (no Sunday calls: local day -1 is Sunday): each
        day it loads the eligible accounts in a random order and gives each ``passes``
        attempts (at least, at most), until the day's attempts are used; at ``when`` hours
        of the callee's day. ``cap``: at most that many attempts per account in the week
        (None: no limit). ``stop_after``: an answered call lasting that many seconds is a
        conversation with the debtor, and the account is not dialled again in the week,
        not even later that day (None: nothing stops it). Numbers in ``disconnected`` end
        in 404 or 410."""
        schedule = [per_day] * self.days if isinstance(per_day, int) else list(per_day)
        assert len(schedule) == self.days
        worked = list(book[: max(1, round(len(book) * self.volume))])
        attempts = np.zeros(len(worked), np.int64)
        resting = np.zeros(len(worked), bool)
        for day in range(self.days):
            count = round(schedule[day] * self.volume * self.rng.uniform(0.9, 1.1))
            eligible = ~resting if cap is None else ~resting & (attempts < cap)
            order = self.rng.permutation(np.flatnonzero(eligible))
            if count == 0 or order.size == 0:
                continue
            tries = self.rng.integers(passes[0], passes[1] + 1, order.size)
            if cap is not None:
                tries = np.minimum(tries, cap - attempts[order])
            loaded = int(np.searchsorted(np.cumsum(tries), count)) + 1
            accounts = np.repeat(order[:loaded], tries[:loaded])[:count]
            called = [worked[i] for i in accounts]
            seconds = day * 86_400 + when(len(called)) * 3600
            seconds -= np.array([self.offset_s(number[2:5], day) for number in called])
            gone = np.array([number in disconnected for number in called], bool)
            picked_up = (self.rng.random(len(called)) < answered) & ~gone
            talk = np.zeros(len(called), np.int64)
            talk[picked_up] = np.maximum(1, durations(int(picked_up.sum())))
            # the dialler takes an account off its list the moment an agent has talked
            # with the debtor: its later attempts that day are never dialled
            kept = (seconds >= 0) & (seconds < self.days * 86_400)
            if stop_after is not None:
                talked = picked_up & (talk >= stop_after)
                first_talk = np.full(len(worked), np.inf)
                np.minimum.at(first_talk, accounts[talked], seconds[talked])
                kept &= seconds <= first_talk[accounts]
                resting[accounts[talked & kept]] = True
            index = np.flatnonzero(kept)
            if index.size == 0:
                continue
            np.add.at(attempts, accounts[index], 1)
            heard = talk[index][picked_up[index]]
            self.place([called[i] for i in index], seconds[index] + self.start_s, day,
                       picked_up[index], unanswered, callers=callers,
                       durations=_replay(heard), customer=customer,
                       sub_account=sub_account, upstream=None, attestation=attestation,
                       out_of_service=gone[index] if gone[index].any() else None)  # fmt: skip


def build(seed: int, volume: float = 1.0) -> CollectionsNetwork:
    """The network of the module docstring; ``volume`` scales every sender's calls."""
    n = CollectionsNetwork(seed, volume)
    collection_hours = n.by_hour(COLLECTION_HOURS)
    n.dno.extend(DnoEntry(number, "inbound only (customer service)") for number in n.numbers(300))

    # a predictive dialler with live agents, as every agency here runs it (answered calls)
    live_collections = n.mix([
        (0.26, n.between_s(2, 5)),  # a machine, dropped
        (0.22, n.message(15, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),  # limited-content
        (0.14, n.between_s(4, 25)),  # a wrong party: skip-traced or reassigned number
        (0.12, n.between_s(2, 8)),  # hangs up on "hello, this is a debt collector"
        (0.23, n.live(200, 0.8)),  # the debtor: a payment arrangement, a dispute
        (0.03, n.between_s(10, 12)),  # abandoned: the 2 s + 9 s identification message
    ])  # fmt: skip

    # --- campaigns ------------------------------------------------------------------------
    # the dialler platform, its agencies, and the telemarketer among them
    n.account("collectiq-cloud", "hosted predictive dialer for accounts-receivable management "
              "agencies", kind=CustomerKind.RESELLER, opened=ago(365 * 8), ein="31-1849920",
              address="250 E Broad St, Columbus OH")  # fmt: skip
    books: list[str] = []
    agencies = [("prairie-state-collections", 20_000, 7000, 80, 0.9),
                ("coastal-medical-recovery", 15_000, 5000, 60, 0.94),
                ("heartland-auto-recovery", 8000, 3000, 40, 0.88)]  # fmt: skip
    for name, size, daily, lines, share in agencies:
        ein = f"{int(n.rng.integers(20, 99))}-{int(n.rng.integers(1_000_000, 10_000_000))}"
        presence = n.account(name, "third-party debt collection (predictive dialer, live "
                             "agents)", parent="collectiq-cloud",
                             opened=ago(float(n.rng.integers(700, 3000))), numbers=lines,
                             ein=ein)  # fmt: skip
        n.lawful(presence)
        accounts = n.numbers(size)
        books += accounts
        # the dialler skips the numbers without a consent record
        dialled = n.some(accounts, share)
        n.consented_at(name, dialled, n.applications,
                       evidence="{holder}/credit-application/{index}")  # fmt: skip
        n.work(daily, dialled, passes=(1, 2), cap=7, stop_after=CONVERSATION_S,
               callers=n.same_area(presence), durations=live_collections, answered=0.2,
               when=collection_hours, customer="collectiq-cloud", sub_account=name,
               disconnected=set(n.some(dialled, 0.03)))  # fmt: skip

    card_services = n.account("clearpath-account-solutions", "first-party collections "
                              "follow-up for card issuers", campaign=True,
                              parent="collectiq-cloud", opened=ago(75), numbers=60,
                              ein="84-3307215",
                              address="1001 Brickell Bay Dr Ste 2700, Miami FL")  # fmt: skip
    interest_rate = n.mix([
        (0.75, n.press_one(24, transfer=0.04, hang_ups=0.55, agent_median_s=420)),
        (0.25, n.message(24, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip

    # the debt buyer with a hot list it never scrubs
    ironclad = n.account("ironclad-portfolio-recovery", "collection of purchased consumer debt "
                         "portfolios (predictive dialer)", campaign=True, opened=ago(365 * 3),
                         numbers=30, ein="45-4410387",
                         address="5000 Tuttle Crossing Blvd, Dublin OH")  # fmt: skip
    ordinary = n.numbers(20_000)
    n.consented_at("ironclad-portfolio-recovery", ordinary, n.applications,
                   evidence="{holder}/credit-application/{index}")  # fmt: skip
    n.work(8000, ordinary, passes=(1, 2), cap=7, stop_after=CONVERSATION_S,
           callers=n.rotate(ironclad), durations=live_collections, answered=0.2,
           when=collection_hours, customer="ironclad-portfolio-recovery")  # fmt: skip
    hot_list = n.numbers(5000)
    n.consented_then_revoked("ironclad-portfolio-recovery", n.some(hot_list, 0.9),
                             kind=ConsentType.PRIOR_EXPRESS,
                             obtained=(ago(365 * 5), ago(365 * 2)), revoked=0.65,
                             revoked_by=(ago(120), ago(3)),
                             evidence="{holder}/credit-application/{index}")  # fmt: skip
    reminder = n.mix([
        (0.65, n.press_one(22, transfer=0.05, hang_ups=0.5, agent_median_s=240)),
        (0.35, n.message(22, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    n.work(20_000, hot_list, passes=(3, 5), cap=None, stop_after=None,
           callers=n.rotate(ironclad), durations=reminder, answered=0.16,
           when=collection_hours, customer="ironclad-portfolio-recovery")  # fmt: skip

    # the fake collector in a wholesale carrier's transit
    n.rmd.append(RmdFiling("0091", "Tristar Global Voice", "Partial STIR/SHAKEN Implementation"))
    n.campaign["upstream_provider", "Tristar Global Voice"] = True
    threat = n.mix([
        (0.67, n.press_one(35, transfer=0.06, hang_ups=0.75, agent_median_s=900)),
        (0.33, n.message(35, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    n.send(10_000, upstream="Tristar Global Voice",
           callers=n.drawn([(3, n.invented_local()), (2, n.fresh())]), durations=threat,
           answered=0.12, when=n.between(13, 23), clock="utc",
           attestation={None: 0.55, "C": 0.45})  # fmt: skip
    tristar = n.numbers(1500)
    n.lawful(tristar)
    n.send(18_000, upstream="Tristar Global Voice", callers=n.rotate(tristar),
           durations=n.live(160), answered=0.42, when=n.between(8, 19),
           attestation={"A": 0.7, "B": 0.25, None: 0.05}, unanswered=PEOPLE)  # fmt: skip
    n.send(3000, upstream="Tristar Global Voice", callers=n.fresh(), durations=n.live(240),
           answered=0.5, when=n.between(9, 22), attestation={"B": 0.5, None: 0.5},
           unanswered=PEOPLE)  # fmt: skip

    # the student-loan "relief" telemarketer on its own clock
    relief = n.account("national-loan-relief-center", "customer service callbacks",
                       campaign=True, kyc=KycStatus.PENDING, opened=ago(9), numbers=20,
                       email="nationalloanrelief.center@gmail.com")  # fmt: skip

    # --- for review -----------------------------------------------------------------------
    bluestone = n.account("bluestone-recovery-services", "third-party debt collection "
                          "(predictive dialer)", opened=ago(365 * 6), numbers=40,
                          ein="36-4471902")  # fmt: skip
    del n.campaign["customer", "bluestone-recovery-services"]
    n.review.add(("customer", "bluestone-recovery-services"))
    blue_book = n.numbers(30_000)
    n.consented_at("bluestone-recovery-services", blue_book, n.applications, share=0.55,
                   evidence="{holder}/credit-application/{index}")  # fmt: skip
    skip_traced = n.mix([
        (0.22, n.between_s(2, 5)),  # a machine, dropped
        (0.33, n.message(15, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),  # recorded
        (0.14, n.between_s(4, 25)),  # a wrong party
        (0.10, n.between_s(2, 8)),  # hangs up on hello
        (0.18, n.live(200, 0.8)),  # the debtor
        (0.03, n.between_s(10, 12)),  # abandoned: the identification message
    ])  # fmt: skip
    n.work(10_000, blue_book, passes=(1, 2), cap=7, stop_after=CONVERSATION_S,
           callers=n.rotate(bluestone), durations=skip_traced, answered=0.18,
           when=collection_hours, customer="bluestone-recovery-services",
           disconnected=set(n.some(blue_book, 0.08)))  # fmt: skip

    # --- lawful ---------------------------------------------------------------------------
    northgate = n.account("northgate-credit-services", "third-party debt collection for "
                          "banks and card issuers (predictive dialer, live agents)",
                          opened=ago(365 * 11), numbers=250, ein="34-1982207",
                          address="8800 Lyra Dr, Columbus OH")  # fmt: skip
    n.lawful(northgate)
    northgate_book = n.numbers(40_000)
    books += northgate_book
    n.consented_at("northgate-credit-services", northgate_book, n.applications,
                   evidence="{holder}/credit-application/{index}")  # fmt: skip
    n.work(30_000, northgate_book, passes=(1, 2), cap=7, stop_after=CONVERSATION_S,
           callers=n.same_area(northgate), durations=live_collections, answered=0.2,
           when=collection_hours, customer="northgate-credit-services",
           disconnected=set(n.some(northgate_book, 0.03)))  # fmt: skip
    by_hand = n.mix([
        (0.35, n.between_s(20, 45)),  # the agent's own words on the voicemail
        (0.2, n.between_s(4, 25)),  # a wrong party
        (0.45, n.live(200, 0.8)),  # the debtor
    ])  # fmt: skip
    n.work(1500, n.numbers(3500), passes=(1, 1), cap=7, stop_after=CONVERSATION_S,
           callers=n.same_area(northgate), durations=by_hand, answered=0.25,
           when=collection_hours, customer="northgate-credit-services",
           unanswered=PEOPLE)  # fmt: skip

    hospital = n.account("ridgeview-health-billing", "patient billing: balance reminders and "
                         "payment calls to our patients", opened=ago(365 * 14), numbers=6,
                         npa=412, ein="25-0965480")  # fmt: skip
    n.lawful(hospital)
    patients = n.numbers(60_000, PITTSBURGH)
    n.consented_at("ridgeview-health-billing", patients, n.applications, share=0.97,
                   evidence="{holder}/registration/{index}")  # fmt: skip
    balance = n.mix([
        (0.52, n.message(30, hang_ups=0.25)),
        (0.1, lambda count: 30 + n.rng.integers(40, 181, count)),  # pays by phone in the IVR
        (0.05, lambda count: 30 + n.rng.integers(10, 90, count) + n.live(240)(count)),
        (0.3, n.message(30, hang_ups=0.0, voicemail=1.0)),
        (0.03, n.between_s(2, 10)),
    ])  # fmt: skip
    n.work(8000, patients, passes=(1, 1), cap=2, stop_after=None, callers=n.rotate(hospital),
           durations=balance, answered=0.45, when=n.between(9, 19),
           customer="ridgeview-health-billing")  # fmt: skip

    union = n.account("front-range-federal-credit-union", "fraud alerts and account security "
                      "calls to our members", opened=ago(365 * 20), numbers=8, npa=DENVER,
                      ein="84-0512233")  # fmt: skip
    n.lawful(union)
    members = n.numbers(100_000, DENVER) + n.numbers(20_000)
    n.consented_at("front-range-federal-credit-union", members, n.applications, share=0.96,
                   evidence="{holder}/membership/{index}")  # fmt: skip
    fraud_ivr = n.fraud_alert_ivr()
    n.send(3000, customer="front-range-federal-credit-union", callers=n.rotate(union),
           callees=members, durations=fraud_ivr, answered=0.55,
           when=n.by_hour(CARD_ACTIVITY))  # fmt: skip

    utility = n.account("buckeye-gas-and-electric", "customer notifications: billing, "
                        "disconnection notices, outages", opened=ago(365 * 30), numbers=4,
                        npa=NORTHEAST_OHIO, ein="34-0150020")  # fmt: skip
    n.lawful(utility)
    delinquent = n.numbers(45_000, NORTHEAST_OHIO)
    n.consented_at("buckeye-gas-and-electric", delinquent, n.applications, share=0.85,
                   evidence="{holder}/service-application/{index}")  # fmt: skip
    shut_off = n.mix([
        (0.8, n.message(34, hang_ups=0.2, voicemail=0.35)),
        (0.12, lambda count: 34 + n.rng.integers(30, 150, count)),  # pays in the IVR
        (0.08, lambda count: 34 + n.rng.integers(20, 240, count) + n.live(300)(count)),
    ])  # fmt: skip
    n.work([12_000, 9000, 7000, 10_000, 5000], delinquent, passes=(1, 1), cap=2,
           stop_after=None, callers=n.rotate(utility), durations=shut_off, answered=0.5,
           when=n.between(9, 20), customer="buckeye-gas-and-electric")  # fmt: skip

    servicer = n.account("aspen-education-loan-services", "federal student loan servicing: "
                         "borrower contact (predictive dialer, live agents)",
                         opened=ago(365 * 9), numbers=120, ein="84-1330214",
                         address="1600 Broadway, Denver CO")  # fmt: skip
    n.lawful(servicer)
    borrowers = n.numbers(300_000)
    n.consented_at("aspen-education-loan-services", borrowers, n.applications, share=0.96,
                   evidence="{holder}/master-promissory-note/{index}")  # fmt: skip
    repayment = n.mix([
        (0.3, n.between_s(2, 5)),  # a machine, dropped
        (0.15, n.message(20, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
        (0.1, n.between_s(4, 25)),  # a wrong party
        (0.1, n.between_s(2, 8)),  # hangs up on hello
        (0.32, n.live(420, 0.8)),  # the borrower: repayment plans, rehabilitation
        (0.03, n.between_s(10, 12)),  # abandoned: the identification message
    ])  # fmt: skip
    n.work([40_000, 28_000, 28_000, 28_000, 28_000], borrowers, passes=(1, 2), cap=7,
           stop_after=CONVERSATION_S, callers=n.rotate(servicer), durations=repayment,
           answered=0.22, when=collection_hours,
           customer="aspen-education-loan-services")  # fmt: skip

    lender = n.account("lone-oak-auto-finance", "collections on our own auto loans (payment "
                       "reminders, live agents)", opened=ago(365 * 12), numbers=60,
                       ein="75-2870116", address="2200 Ross Ave, Dallas TX")  # fmt: skip
    n.lawful(lender)
    auto_loans = n.numbers(50_000)
    books += auto_loans
    n.consented_at("lone-oak-auto-finance", auto_loans, n.applications, share=0.98,
                   evidence="{holder}/retail-installment-contract/{index}")  # fmt: skip
    first_party = n.mix([
        (0.45, n.mix([
            (0.6, n.message(25, hang_ups=0.3)),  # the recorded payment reminder
            (0.15, lambda count: 25 + n.rng.integers(30, 120, count)),  # pays in the IVR
            (0.25, n.message(25, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
        ])),
        (0.55, live_collections),
    ])  # fmt: skip
    n.work(14_000, auto_loans, passes=(1, 2), cap=7, stop_after=CONVERSATION_S,
           callers=n.rotate(lender), durations=first_party, answered=0.22,
           when=collection_hours, customer="lone-oak-auto-finance")  # fmt: skip

    stores = n.account("bayside-pharmacy", "prescription refill and pickup reminders",
                       opened=ago(365 * 10), numbers=120, ein="59-2241870")  # fmt: skip
    n.lawful(stores)
    refill = n.mix([(0.92, n.message(24, hang_ups=0.12, voicemail=0.33)),
                    (0.08, n.between_s(34, 70))])  # fmt: skip
    n.store_reminders("bayside-pharmacy", stores, 6000, each=250, consented=ago(365),
                      durations=refill, when=n.by_hour(REMINDER_HOURS))  # fmt: skip

    # the campaigns that buy lists made of the lawful senders' books (consent held by those)
    debtors_sold = [books[i] for i in n.rng.choice(len(books), 60_000, replace=False)]
    n.send(12_000, customer="collectiq-cloud", sub_account="clearpath-account-solutions",
           callers=n.same_area(card_services), callees=n.numbers(140_000) + debtors_sold,
           durations=interest_rate, answered=0.15, when=n.between(9, 20))  # fmt: skip
    forgiveness = n.mix([
        (0.8, n.press_one(31, transfer=0.03, hang_ups=0.6, agent_median_s=900)),
        (0.2, n.message(31, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    bought = n.numbers(300_000) + borrowers
    # an invented local number (signed B: not its own) on four calls in five, its own
    # numbers (signed A) on the fifth
    n.send(9600, customer="national-loan-relief-center", callers=n.invented_local(),
           callees=bought, durations=forgiveness, answered=0.11,
           when=n.by_hour(RELIEF_SHIFT_UTC), clock="utc", attestation="B")  # fmt: skip
    n.send(2400, customer="national-loan-relief-center", callers=n.rotate(relief),
           callees=bought, durations=forgiveness, answered=0.11,
           when=n.by_hour(RELIEF_SHIFT_UTC), clock="utc")  # fmt: skip

    # the public calling back the numbers the carrier hosts
    n.rmd.append(RmdFiling("0092", "Midstate Fiber Exchange", "Complete STIR/SHAKEN "
                           "Implementation"))  # fmt: skip
    n.campaign["upstream_provider", "Midstate Fiber Exchange"] = False
    hosted = northgate + hospital + union + utility + servicer + lender + stores
    n.send(15_000, upstream="Midstate Fiber Exchange", callers=n.fresh(), callees=hosted,
           durations=n.live(240), answered=0.8, when=n.by_hour(COLLECTION_HOURS),
           attestation={"A": 0.6, "B": 0.2, None: 0.2}, unanswered=PEOPLE)  # fmt: skip

    n.small_businesses(30, "officeline")
    return n
