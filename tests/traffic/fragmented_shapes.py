"""A fragmented network: robocalling split thin across many small sources, beside lawful
senders that are just as many and just as small. Three UTC days, Tuesday 13 to Thursday 15
May 2025 (US daylight saving time in force, as in :mod:`tests.traffic.blind_shapes`, whose
offsets, area codes and plumbing this network reuses; Arizona and Hawaii keep standard
time). Every call follows its callee's local clock unless said otherwise.

Sizes: the per-source volumes of the many-small senders (the sub-accounts, stores, offices,
tenants and new accounts, the snowshoe's numbers, the paced campaign) are absolute, as
written here, at every ``volume``: a thin source is thin at any scale, and the test runs
at ``volume=0.35`` only to keep the carriers' transit (which scales) small. Upstream
carriers' traffic, their campaign slices included, and ``mainst-*`` small businesses
scale with ``volume`` (shares of a carrier's traffic are what matter there).

Campaigns (each must reach ``high`` at the named entity in some window it calls in):

- The 32 ``WARRANTY_CLIENTS`` (sub-accounts of the CPaaS/dialer reseller
  ``relaywave-cpaas``; "national-auto-protect", "guardian-drive-shield", ...): one operator's
  extended auto-warranty "final notice" campaign, split over 32 shell clients so that no
  client is big. 24 of them were onboarded by the reseller in the 7 days before the week,
  8 more on days 0 and 1 (replacing blocked ones, they call from the day after); all with
  thin KYC: pending, no EIN, the same registered-agent address ("1417 Silverleaf Blvd,
  Suite 210, Wilmington DE 19808"), contacts on one domain (``@vantagepointleads.com``),
  sign-up from the Philippines, declared "customer notifications". Each has 2-4 numbers
  granted by the reseller (signed A) and places 100-300 calls a day, 9 am-8 pm local, to
  numbers nationwide: the same 34 s prerecorded pitch on all of them ("this is your final
  notice... press 1 to speak to a specialist"; 55% hang up in it, 3% press 1 and talk to a
  closer for minutes; answering-machine detection leaves the same pitch after the
  greeting on 30% of answered calls), 17% answered. No consent records. 47 USC
  227(b)(1)(A)(iii) and (B), 47 CFR 64.1200(a)(2)-(3): prerecorded telemarketing to wireless
  and residential lines without prior express written consent; the reseller's duty to know
  its customers, 64.1200(n)(4). The narrowest entity carrying the campaign is each
  sub-account (the CDRs name them; the operator behind them appears only in their shared
  KYC evidence), so each is labelled. The reseller is labelled lawful (its 36 other
  tenants are, and must not be cut off): the sub-accounts are what is mitigated.
- ``lakemont-consumer-services`` (customer, opened 50 days before the week, KYC verified
  with an EIN, declared "appointment setting for financial services"): a snowshoe
  campaign. 2,000 numbers granted across the country (verified, signed A), used in turn
  so each places about 7 calls a UTC day (3-11, never 15), 14,000 calls a day in all,
  9 am-8 pm local, to numbers nationwide: a 27 s "card services: lower your credit card
  interest rate, press 1" prerecorded pitch (60% hang up in it, 2% press 1), 12%
  answered. No consent records.
  227(b)(1)(A)(iii)/(B), 64.1200(a)(2)-(3); the debt-relief pitch also breaks the FTC's
  Telemarketing Sales Rule (16 CFR 310.4(a)(5), (b)(1)(v)).
- ``SPLIT_CARRIERS`` (5 upstream providers, each in the RMD: ``Sable Ridge
  Communications``, ``Northgate Voice``, ``Tristar Telecom Exchange``, ``Bayline Carrier
  Services``, ``Cobalt Interconnect``): one "tax debt relief: the IRS Fresh Start program,
  press 1" campaign (a 24 s prerecorded message, 15% answered, 55% hang up in it, 3%
  press 1) split over five carriers, 600-2,000 calls a day each (3-17% of each carrier's
  traffic), a new invented number per call (spoofed, nationwide), unsigned (60%) or
  C-attested, 9 am-8 pm local. The rest of each carrier's traffic, 10,000-18,000 calls a
  day, is ordinary enterprise (signed A or B) and consumer (B or unsigned) voice.
  227(b), 227(e) and 64.1604 (spoofed caller ID to defraud); each carrier's duty to
  mitigate illegal traffic it hands over, 64.1200(n)(2)-(3), (k)(4).
- The 24 ``LOAN_ACCOUNTS`` (direct customers, "clearpath-student-services", ...): one
  "student loan forgiveness under the new federal plan, press 1" operation through 24
  small direct accounts opened 3-11 days before the week, each a fresh LLC at the same
  registered-agent address ("30 N Gould St, Ste 5, Sheridan WY 82801"), contacts on one
  domain (``@studentaidgroup.net``), 16 verified with distinct EINs and 8 pending,
  declared "customer service callbacks". Each has 3-6 numbers of its own (signed A) and
  places 250-500 calls a day, 10 am-7 pm local: a 38 s prerecorded pitch (AMD leaves it
  on machines, a quarter of answered calls), 17% answered. No consent records.
  227(b)(1)(A)(iii)/(B), 64.1200(a)(2)-(3); TSR advance-fee debt relief (16 CFR
  310.4(a)(5)); the carrier's own know-your-customer duty, 64.1200(n)(4).
- ``sunvale-energy-rebates`` (customer, 75 days old, KYC verified with an EIN, declared
  "energy efficiency program outreach"): a campaign paced to stay under any per-hour cap a
  carrier might set: 720 calls a day spread evenly over 9 am-8 pm local (about 65 an
  hour), from 40 numbers of its own (signed A), a 19 s "your utility has approved a
  rebate for your home, press 1" pitch (50% hang up, 3% press 1), 20% answered. No
  consent records. 227(b)(1)(A)(iii)/(B), 64.1200(a)(2)-(3).

Lawful senders (none may reach ``high``; their own numbers are labelled lawful):

- ``relaywave-cpaas`` (CPaaS reseller, 7 years) and its 36 lawful tenants: 6 voice
  one-time-passcode senders (a 11-16 s code, 150-600 calls a day around the clock with
  their users' activity, 85% answered), 22 local practices and shops (dentists, clinics,
  vets, salons, auto service) sending appointment reminders (each its own 20-45 s
  message, press 1 to confirm, 40-400 calls a day, 9 am-7 pm local, to their own area
  code), 8 delivery and scheduling notifiers (18-30 s, 100-500 a day, 8 am-8 pm); consent
  records for 97-100% of their callees (given at sign-up or booking: prior express
  consent suffices for informational calls, 64.1200(a)(1), (a)(3)); 4 of them onboarded in
  the 3 weeks before the week, with full KYC (verified, EIN, their own addresses).
- ``medway-pharmacy`` (enterprise, 10 years) and its 48 store sub-accounts
  (``medway-store-NNNN``): each store calls its own patients in its own area code from
  its own 1-2 numbers, 120-350 calls a day in store hours, with the chain's one
  "your prescription is ready for pickup" 26 s recording (the same length at every
  store; 30% reach voicemail first, 10% press 1 for the pharmacist); a consent record
  for every patient, held under the store's sub-account id (health care messages with
  prior express consent, 64.1200(a)(1), (a)(3)(v)). Two stores opened in the last 3
  weeks.
- ``speedline-dialer`` (a power-dialer platform, 6 years) and the 30 offices of the
  Hearthway Realty franchise (``hearthway-realty-<town>`` sub-accounts; brokers'
  contacts all on ``@hearthwayrealty.com``, each office at its own address, 3 offices
  opened in the last 3 weeks): live agents clicking through their own leads (85% with
  prior express written consent from web inquiries) and past clients, 80-350 calls a
  day per office, 9 am-8:30 pm local, from 2-6 agent numbers each; 25% answered: quick
  refusals (2-10 s), live voicemails the agent speaks (15-45 s, no recording) and
  conversations (median 100 s). Live calls: no prerecorded-voice rule applies.
- ``bluepeak-ucaas`` (hosted PBX/UCaaS reseller, 9 years) and its 300 small-business
  tenants (``bpt-NNN-<trade>``): office phones, 8-90 live calls a day each in business
  hours, mostly to their own area code; 10 of them onboarded in the last 2 weeks.
- ``Great Plains Transit`` (upstream, RMD): ordinary transit, 30,000 calls a day
  (scaled), and the five split carriers' own ordinary traffic.
- ``mainst-*``: 40 small businesses (``BlindNetwork.small_businesses``).

Campaign caller IDs are not labelled: each campaign is judged at the source that carries
it. No sender is for review.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np

from callwarden.customers import ConsentType, CustomerKind, KycStatus
from callwarden.lists import DnoEntry, RmdFiling
from tests.traffic.blind_shapes import _CODES, _WEIGHTS, PEOPLE, START, BlindNetwork, Callers

#: Tuesday 13 May 2025
WEEK = datetime(2025, 5, 13, tzinfo=UTC)
DAYS = 3
#: ``place`` counts seconds from blind_shapes' START
SHIFT_S = (WEEK - START).total_seconds()

WARRANTY_CLIENTS: tuple[str, ...] = tuple(
    f"{first}-{second}"
    for first in (
        "national",
        "premier",
        "united",
        "guardian",
        "secure",
        "american",
        "reliant",
        "patriot",
    )
    for second in ("auto-protect", "vehicle-services", "drive-shield", "motor-care")
)
LOAN_ACCOUNTS: tuple[str, ...] = tuple(
    f"{first}-{second}"
    for first in ("clearpath", "brightfuture", "freshstart", "truenorth", "newleaf", "openroad")
    for second in ("student-services", "education-aid", "loan-advisors", "edu-solutions")
)
SPLIT_CARRIERS: tuple[str, ...] = (
    "Sable Ridge Communications",
    "Northgate Voice",
    "Tristar Telecom Exchange",
    "Bayline Carrier Services",
    "Cobalt Interconnect",
)
SNOWSHOE = "lakemont-consumer-services"
PACED = "sunvale-energy-rebates"

_TOWNS = (
    "lakewood", "fairview", "oak-hill", "maple-grove", "cedar-park", "brookside",
    "hillcrest", "westfield", "eastgate", "pinecrest", "stonebridge",
)  # fmt: skip
_PRACTICES = (
    "family-dental", "animal-hospital", "pediatrics", "dermatology", "auto-service",
    "hair-studio", "eye-care", "physical-therapy",
)  # fmt: skip
_OTP = (
    "paysprout-verify", "ledgerly-2fa", "homekey-auth", "medportal-verify", "tripnest-codes",
    "coinharbor-security",
)  # fmt: skip
_DELIVERY = (
    "freshcart-delivery", "parcelpoint-notify", "furnish-direct-delivery",
    "applianceco-scheduling", "flowerbox-orders", "petfood-express-delivery", "mealkit-notify",
    "tirehub-installs",
)  # fmt: skip
_TRADES = (
    "dental", "law", "hvac", "plumbing", "accounting", "insurance", "salon", "vet",
    "auto-repair", "chiropractic", "realty", "landscaping", "bakery", "print-shop",
)  # fmt: skip
_REALTY_TOWNS = (
    "allentown", "scranton", "harrisburg", "lancaster", "york", "reading", "erie", "altoona",
    "cleveland", "lorain", "akron", "mentor", "canton", "raleigh", "durham", "charlotte",
    "richmond", "norfolk", "baltimore", "annapolis", "tampa", "orlando", "miami", "atlanta",
    "nashville", "memphis", "austin", "dallas", "houston", "denver",
)  # fmt: skip
#: area codes of blind_shapes' list near each franchise office's town (by position)
_REALTY_NPAS = (
    610, 570, 717, 717, 717, 484, 814, 814, 216, 440, 330, 440, 330, 919, 919, 704,
    804, 804, 410, 410, 813, 407, 305, 404, 615, 615, 512, 214, 713, 303,
)  # fmt: skip
#: area codes of blind_shapes' list (those its time zones know)
_KNOWN = frozenset(int(code) for code in _CODES)


@dataclass
class FragmentedNetwork(BlindNetwork):
    """A :class:`BlindNetwork` over three UTC days from :data:`WEEK` (daylight saving
    time, as blind_shapes' offsets assume)."""

    id_prefix = "f"
    days = DAYS
    start_s = SHIFT_S

    def thin(self, per_day: int) -> int:
        """``per_day`` calls as written at every ``volume`` (``send`` scales by it)."""
        return max(1, round(per_day / self.volume))

    def opened(self, days_before: float) -> datetime:
        return WEEK - timedelta(days=days_before)

    def consent_since(
        self,
        holder: str,
        callees: Sequence[str],
        earliest_days: int,
        *,
        kind: ConsentType = ConsentType.PRIOR_EXPRESS,
        share: float = 1.0,
    ) -> None:
        """Consent records for ``share`` of ``callees``, each obtained between
        ``earliest_days`` before the week and a day before it, with evidence."""
        self.consented_at(
            holder,
            callees,
            lambda count: [
                WEEK - timedelta(days=float(age))
                for age in self.rng.uniform(1, earliest_days, count)
            ],
            kind=kind,
            share=share,
        )

    def evenly(self, pool: Sequence[str]) -> Callers:
        """Each call the next number of a shuffled ``pool``: every number used as often."""
        order = self.rng.permutation(len(pool))
        cursor = [0]

        def callers(called: list[str], _day: int) -> list[str]:
            first = cursor[0]
            cursor[0] += len(called)
            return [pool[order[(first + i) % len(pool)]] for i in range(len(called))]

        return callers

    def local_npa(self) -> int:
        return int(self.rng.choice(_CODES, p=_WEIGHTS))


def build(seed: int, volume: float = 1.0) -> FragmentedNetwork:
    """The network of the module docstring; ``volume`` scales the carriers' transit and
    the ``mainst-*`` businesses (the many-small senders are absolute)."""
    n = FragmentedNetwork(seed, volume)
    assert set(_REALTY_NPAS) <= _KNOWN
    n.dno.extend(DnoEntry(number, "inbound only (customer service)") for number in n.numbers(300))

    # --- campaigns ------------------------------------------------------------------------
    n.account("relaywave-cpaas", "CPaaS: programmable voice and dialer for business clients",
              kind=CustomerKind.RESELLER, opened=n.opened(7 * 365), ein="46-2218873",
              address="500 Mission St, San Francisco CA",
              email="trust@relaywave.io")  # fmt: skip
    warranty = n.mix([
        (0.7, n.press_one(34, transfer=0.03, hang_ups=0.55, agent_median_s=360)),
        (0.3, n.message(34, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    for index, client in enumerate(WARRANTY_CLIENTS):
        late = index >= 24
        if late:
            onboarded = WEEK + timedelta(days=int(n.rng.integers(0, 2)), hours=14)
        else:
            onboarded = n.opened(float(n.rng.uniform(0.5, 7)))
        lines = n.account(client, "customer notifications", campaign=True,
                          parent="relaywave-cpaas", kyc=KycStatus.PENDING, opened=onboarded,
                          numbers=int(n.rng.integers(2, 5)),
                          address="1417 Silverleaf Blvd, Suite 210, Wilmington DE 19808",
                          email=f"{client.split('-')[0]}.ops@vantagepointleads.com",
                          ip_country="PH")  # fmt: skip
        daily = n.thin(int(n.rng.integers(100, 301)))
        first_day = (onboarded - WEEK).days + 1 if late else 0
        n.send([daily if day >= first_day else 0 for day in range(DAYS)],
               customer="relaywave-cpaas", sub_account=client, callers=n.rotate(lines),
               durations=warranty, answered=0.17, when=n.between(9, 20))  # fmt: skip

    snowshoe = n.account(SNOWSHOE, "appointment setting for financial services", campaign=True,
                         opened=n.opened(50), numbers=2000, ein="83-4410276",
                         address="2200 N Commerce Pkwy, Weston FL 33326",
                         email="admin@lakemontcs.com")  # fmt: skip
    n.send(n.thin(14_000), customer=SNOWSHOE, callers=n.evenly(snowshoe),
           durations=n.press_one(27, transfer=0.02, hang_ups=0.6, agent_median_s=420),
           answered=0.12, when=n.between(9, 20))  # fmt: skip

    tax_relief = n.press_one(24, transfer=0.03, hang_ups=0.55, agent_median_s=600)
    for frn, carrier in enumerate(SPLIT_CARRIERS, start=71):
        n.rmd.append(RmdFiling(f"00{frn}", carrier, "Complete STIR/SHAKEN Implementation"))
        n.campaign["upstream_provider", carrier] = True
        n.send(int(n.rng.integers(600, 2001)), upstream=carrier, callers=n.fresh(),
               durations=tax_relief, answered=0.15, when=n.between(9, 20),
               attestation={None: 0.6, "C": 0.4})  # fmt: skip
        clean = int(n.rng.integers(10_000, 18_001))
        enterprises = n.numbers(1200)
        n.lawful(enterprises)
        n.send(round(clean * 0.8), upstream=carrier, callers=n.rotate(enterprises),
               durations=n.live(160), answered=0.42, when=n.between(8, 19),
               attestation={"A": 0.7, "B": 0.25, None: 0.05}, unanswered=PEOPLE)  # fmt: skip
        n.send(round(clean * 0.2), upstream=carrier, callers=n.fresh(), durations=n.live(240),
               answered=0.5, when=n.between(9, 22), attestation={"B": 0.5, None: 0.5},
               unanswered=PEOPLE)  # fmt: skip

    loan_pitch = n.mix([
        (0.75, n.press_one(38, transfer=0.03, hang_ups=0.55, agent_median_s=480)),
        (0.25, n.message(38, hang_ups=0.0, voicemail=1.0, greeting=(8, 25))),
    ])  # fmt: skip
    for index, name in enumerate(LOAN_ACCOUNTS):
        verified = index % 3 != 2
        lines = n.account(name, "customer service callbacks", campaign=True,
                          opened=n.opened(float(n.rng.uniform(3, 11))),
                          kyc=KycStatus.VERIFIED if verified else KycStatus.PENDING,
                          ein=f"{n.rng.integers(20, 99)}-{n.rng.integers(1_000_000, 9_999_999)}"
                          if verified else None,
                          numbers=int(n.rng.integers(3, 7)),
                          address="30 N Gould St, Ste 5, Sheridan WY 82801",
                          email=f"compliance.{name.split('-')[0]}@studentaidgroup.net")  # fmt: skip
        n.send(n.thin(int(n.rng.integers(250, 501))), customer=name, callers=n.rotate(lines),
               durations=loan_pitch, answered=0.17, when=n.between(10, 19))  # fmt: skip

    paced = n.account(PACED, "energy efficiency program outreach", campaign=True,
                      opened=n.opened(75), numbers=40, ein="92-1178350",
                      address="7600 N 16th St, Phoenix AZ 85020",
                      email="info@sunvalerebates.com")  # fmt: skip
    n.send(n.thin(720), customer=PACED, callers=n.rotate(paced),
           durations=n.press_one(19, transfer=0.03, hang_ups=0.5, agent_median_s=300),
           answered=0.2, when=n.between(9, 20))  # fmt: skip

    # --- lawful: the CPaaS's other tenants -------------------------------------------------
    around_the_clock = {h: 0.2 for h in range(6)} | {6: 0.5, 7: 0.9, 22: 0.8, 23: 0.4}
    around_the_clock |= dict.fromkeys(range(8, 22), 1.0)
    practices = [f"{town}-{trade}" for town in _TOWNS for trade in _PRACTICES]
    picked = n.rng.choice(len(practices), 22, replace=False)
    tenants = [("otp", name) for name in _OTP]
    tenants += [("reminder", practices[int(i)]) for i in picked]
    tenants += [("delivery", name) for name in _DELIVERY]
    new_tenants = set(n.rng.choice(len(tenants), 4, replace=False).tolist())
    for index, (kind, tenant) in enumerate(tenants):
        days_before = (
            float(n.rng.uniform(5, 21)) if index in new_tenants else float(n.rng.integers(60, 2500))
        )
        npa = n.local_npa()
        lines = n.account(tenant, {"otp": "two-factor verification calls",
                                   "reminder": "appointment reminders to our patients/clients",
                                   "delivery": "delivery scheduling notifications"}[kind],
                          parent="relaywave-cpaas", opened=n.opened(days_before),
                          numbers=int(n.rng.integers(1, 4)), npa=npa,
                          ein=f"{n.rng.integers(10, 99)}-{n.rng.integers(1_000_000, 9_999_999)}",
                          address=f"{n.rng.integers(10, 9999)} Main St",
                          email=f"it@{tenant}.com")  # fmt: skip
        n.lawful(lines)
        if kind == "otp":
            users = n.numbers(20_000)
            n.consent_since(tenant, users, 900, share=0.98)
            n.send(n.thin(int(n.rng.integers(150, 601))), customer="relaywave-cpaas",
                   sub_account=tenant, callers=n.rotate(lines), callees=users,
                   durations=n.message(int(n.rng.integers(11, 17)), hang_ups=0.05),
                   answered=0.85, when=n.by_hour(around_the_clock))  # fmt: skip
        elif kind == "reminder":
            clients = n.numbers(3000, npa)
            n.consent_since(tenant, clients, 1500)
            length = int(n.rng.integers(20, 46))
            confirm = n.mix([
                (0.5, n.between_s(12, length + 3)),  # pressed 1 during it, 4 s to hang up
                (0.2, n.message(length, hang_ups=0.1)),
                (0.25, n.message(length, hang_ups=0.0, voicemail=1.0)),
                (0.05, n.between_s(2, 8)),
            ])  # fmt: skip
            n.send(n.thin(int(n.rng.integers(40, 401))), customer="relaywave-cpaas",
                   sub_account=tenant, callers=n.rotate(lines), callees=clients,
                   durations=confirm, answered=0.55, when=n.between(9, 19))  # fmt: skip
        else:
            buyers = n.numbers(15_000)
            n.consent_since(tenant, buyers, 120, share=0.97)
            n.send(n.thin(int(n.rng.integers(100, 501))), customer="relaywave-cpaas",
                   sub_account=tenant, callers=n.rotate(lines), callees=buyers,
                   durations=n.message(int(n.rng.integers(18, 31)), hang_ups=0.15,
                                       voicemail=0.3),
                   answered=0.5, when=n.between(8, 20))  # fmt: skip

    # --- lawful: a pharmacy chain's stores -------------------------------------------------
    n.account("medway-pharmacy", "prescription ready and refill reminders (all stores)",
              opened=n.opened(10 * 365), ein="31-1290574",
              address="1 Medway Plaza, Columbus OH",
              email="pharmacy-it@medwayrx.com")  # fmt: skip
    ready = n.mix([
        (0.9, n.message(26, hang_ups=0.12, voicemail=0.3)),
        (0.1, lambda count: 26 + n.rng.integers(5, 40, count) + n.live(120)(count)),
    ])  # fmt: skip
    store_hours = {10: 1, 11: 1.2, 12: 1.2, 13: 1, 14: 1, 15: 1, 16: 1.1, 17: 1.1, 18: 0.8}
    store_ids = n.rng.choice(np.arange(1000, 10_000), 48, replace=False)
    new_stores = set(n.rng.choice(48, 2, replace=False).tolist())
    for index, store_id in enumerate(store_ids.tolist()):
        store = f"medway-store-{store_id}"
        npa = n.local_npa()
        days_before = float(n.rng.uniform(4, 21)) if index in new_stores else 200 + index * 60
        lines = n.account(store, "prescription ready notifications", parent="medway-pharmacy",
                          opened=n.opened(days_before), numbers=int(n.rng.integers(1, 3)),
                          npa=npa, ein="31-1290574", address=f"{store_id} Medway store",
                          email="pharmacy-it@medwayrx.com")  # fmt: skip
        n.lawful(lines)
        patients = n.numbers(2500, npa)
        n.consent_since(store, patients, 1800)
        n.send(n.thin(int(n.rng.integers(120, 351))), customer="medway-pharmacy",
               sub_account=store, callers=n.rotate(lines), callees=patients, durations=ready,
               answered=0.6, when=n.by_hour(store_hours))  # fmt: skip

    # --- lawful: a real-estate franchise on a power dialer ---------------------------------
    n.account("speedline-dialer", "power dialer platform for sales teams (live agents)",
              kind=CustomerKind.RESELLER, opened=n.opened(6 * 365), ein="45-3391027",
              address="1800 Congress Ave, Austin TX", email="compliance@speedline.io")  # fmt: skip
    agent_talk = n.mix([
        (0.3, n.between_s(2, 10)),  # "not interested"
        (0.2, n.between_s(15, 45)),  # the agent leaves a voicemail in their own words
        (0.5, n.live(100, 0.8)),
    ])  # fmt: skip
    evening_peak = {9: 0.7, 10: 1.0, 11: 1.0, 12: 0.8, 13: 0.9, 14: 1.0, 15: 1.0, 16: 1.1,
                    17: 1.3, 18: 1.4, 19: 1.2, 20: 0.5}  # fmt: skip
    new_offices = set(n.rng.choice(len(_REALTY_TOWNS), 3, replace=False).tolist())
    for index, (town, npa) in enumerate(zip(_REALTY_TOWNS, _REALTY_NPAS, strict=True)):
        office = f"hearthway-realty-{town}"
        days_before = float(n.rng.uniform(5, 21)) if index in new_offices else 400 + index * 45
        agents = n.account(office, "real estate agents calling their own leads and clients",
                           parent="speedline-dialer", opened=n.opened(days_before),
                           numbers=int(n.rng.integers(2, 7)), npa=npa,
                           ein=f"{n.rng.integers(10, 99)}-{n.rng.integers(1_000_000, 9_999_999)}",
                           address=f"{n.rng.integers(100, 9999)} Market St, {town.title()}",
                           email=f"broker.{town}@hearthwayrealty.com")  # fmt: skip
        n.lawful(agents)
        leads = n.numbers(3000, npa)
        n.consent_since(office, leads, 400, kind=ConsentType.PRIOR_EXPRESS_WRITTEN, share=0.85)
        past_clients = n.numbers(800, npa)
        n.send(n.thin(int(n.rng.integers(80, 351))), customer="speedline-dialer",
               sub_account=office, callers=n.rotate(agents), callees=leads + past_clients,
               durations=agent_talk, answered=0.25, when=n.by_hour(evening_peak),
               unanswered=PEOPLE)  # fmt: skip

    # --- lawful: a hosted PBX reseller's small businesses ---------------------------------
    n.account("bluepeak-ucaas", "hosted PBX and SIP trunking for small businesses",
              kind=CustomerKind.RESELLER, opened=n.opened(9 * 365), ein="27-0048812",
              address="400 Capitol Mall, Sacramento CA", email="noc@bluepeak.net")  # fmt: skip
    office_talk = n.live(150)
    new_pbx = set(n.rng.choice(300, 10, replace=False).tolist())
    for index in range(300):
        trade = _TRADES[index % len(_TRADES)]
        tenant = f"bpt-{index:03d}-{trade}"
        npa = n.local_npa()
        days_before = float(n.rng.uniform(1, 14)) if index in new_pbx else float(
            n.rng.integers(60, 3000))  # fmt: skip
        desk = n.account(tenant, "office phones", parent="bluepeak-ucaas",
                         opened=n.opened(days_before), numbers=int(n.rng.integers(1, 9)),
                         npa=npa, email=f"office@{tenant}.com",
                         address=f"{n.rng.integers(10, 9999)} Elm St")  # fmt: skip
        n.lawful(desk)
        neighbours = n.numbers(1500, npa) + n.numbers(300)
        n.send(n.thin(int(n.rng.integers(8, 91))), customer="bluepeak-ucaas",
               sub_account=tenant, callers=n.rotate(desk), callees=neighbours,
               durations=office_talk, answered=0.5, when=n.between(8.5, 17.5),
               unanswered=PEOPLE)  # fmt: skip

    # --- lawful: transit and small businesses ----------------------------------------------
    n.rmd.append(RmdFiling("0079", "Great Plains Transit", "Complete STIR/SHAKEN Implementation"))
    n.campaign["upstream_provider", "Great Plains Transit"] = False
    plains = n.numbers(1500)
    n.lawful(plains)
    n.send(24_000, upstream="Great Plains Transit", callers=n.rotate(plains),
           durations=n.live(160), answered=0.42, when=n.between(8, 19),
           attestation={"A": 0.7, "B": 0.25, None: 0.05}, unanswered=PEOPLE)  # fmt: skip
    n.send(6000, upstream="Great Plains Transit", callers=n.fresh(), durations=n.live(240),
           answered=0.5, when=n.between(9, 22), attestation={"B": 0.5, None: 0.5},
           unanswered=PEOPLE)  # fmt: skip

    n.small_businesses(40, "mainst")
    return n
