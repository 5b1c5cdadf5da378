"""How each kind of sender calls: the behaviours of the synthetic cast.

A :class:`Behaviour` is a stable name (the ``behaviour`` column of labels.csv) plus the
distributions its calls are drawn from. Parameters are ranges: every sender picks its own
values from them with the seed, so no two runs (and no two senders) share giveaway
constants. Legitimate behaviours are deliberately close to illegal ones on single features
(high volume, short answered calls, low answer rates, bursts, night calls, local caller
IDs): what separates them is the combination, and the consent and numbering facts behind it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from callwarden.customers import ConsentType


class CalleeMode(StrEnum):
    ROSTER = "roster"  # the sender's own list of people (patients, clients, subscribers)
    POPULATION = "population"  # anyone
    WIRELESS = "wireless"  # anyone on a wireless number
    LANDLINE_HEAVY = "landline_heavy"  # anyone, mostly landlines (live survey sample frames)
    SEQUENTIAL = "sequential"  # runs of consecutive numbers from a hit list


class CallerMode(StrEnum):
    OWNED = "owned"  # a few numbers the sender holds, some used more than others
    LOCAL_PRESENCE = "local_presence"  # own numbers in many NPAs; the one matching the callee
    NEIGHBOUR_SPOOF = "neighbour_spoof"  # callee's NPA-NXX with a random line: not held
    ROTATING_POOL = "rotating_pool"  # thousands of held numbers, each used a few times
    POPULATION = "population"  # transit: the calling party is anyone
    FLOOD = "flood"  # invalid, fictional, DNO and random spoofed numbers


def _hours(*spans: tuple[int, int, float]) -> tuple[float, ...]:
    """24 hourly weights from (first_hour, last_hour_inclusive, weight) spans."""
    weights = [0.0] * 24
    for first, last, weight in spans:
        for hour in range(first, last + 1):
            weights[hour] += weight
    return tuple(weights)


# Lawful senders slip outside 8 am - 9 pm now and then (a callback, a moved number whose
# area code says another time zone): a small share, not a practice.
BUSINESS_HOURS = _hours(
    (7, 7, 0.03), (8, 8, 0.5), (9, 11, 1.0), (12, 12, 0.6), (13, 16, 1.0), (17, 17, 0.4),
    (18, 19, 0.08), (21, 21, 0.01),
)  # fmt: skip
DIALLER_HOURS = _hours(
    (7, 7, 0.01), (8, 8, 0.2), (9, 11, 1.0), (12, 15, 0.8), (16, 19, 1.1), (20, 20, 0.5),
    (21, 21, 0.04),
)  # fmt: skip
REMINDER_HOURS = _hours((9, 9, 0.6), (10, 12, 1.0), (13, 17, 0.9), (18, 19, 0.5))
SURVEY_HOURS = _hours((9, 9, 0.3), (10, 16, 0.6), (17, 20, 1.1))
TRANSIT_HOURS = _hours(
    (0, 5, 0.03), (6, 6, 0.1), (7, 7, 0.35), (8, 8, 0.7), (9, 16, 1.0), (17, 19, 0.8),
    (20, 21, 0.45), (22, 23, 0.15),
)  # fmt: skip
NOTIFIER_HOURS = _hours((7, 7, 0.4), (8, 17, 1.0), (18, 19, 0.4))
ROBOCALL_HOURS = _hours((8, 8, 0.3), (9, 12, 1.0), (13, 18, 1.0), (19, 20, 0.6))
#: A telemarketer ignoring 47 CFR 64.1200(c)(1): before 8 am and after 9 pm local time.
NIGHT_HOURS = _hours((6, 7, 0.7), (8, 11, 0.4), (12, 17, 0.3), (18, 20, 0.5), (21, 23, 1.0))

COMMON_UNANSWERED = {480: 30.0, 486: 20.0, 408: 20.0, 487: 15.0, 603: 8.0, 404: 7.0}
DIALLER_UNANSWERED = {487: 38.0, 480: 22.0, 486: 12.0, 408: 14.0, 603: 6.0, 404: 8.0}
ROBOCALL_UNANSWERED = {480: 25.0, 486: 14.0, 408: 16.0, 487: 18.0, 603: 17.0, 404: 10.0}
HIT_LIST_UNANSWERED = {404: 38.0, 480: 20.0, 486: 10.0, 408: 12.0, 487: 10.0, 603: 10.0}


@dataclass(frozen=True)
class Behaviour:
    name: str
    legitimate: bool
    description: str
    hours: tuple[float, ...]  # 24 weights, callee local time
    weekend: tuple[float, float]  # Saturday, Sunday volume relative to a weekday
    asr: tuple[float, float]  # answer-seizure ratio range
    unanswered: dict[int, float]
    callee: CalleeMode
    caller: CallerMode
    # Answered-call durations: a mixture of early hang-ups, a recorded message of a fixed
    # length (a narrow peak) and live conversations (lognormal).
    early_share: float = 0.1
    message_share: float = 0.0
    message_s: tuple[float, float] = (30.0, 45.0)
    message_sd: float = 3.0
    #: how many different messages a sender plays (each call one of them, at random)
    messages: tuple[int, int] = (1, 1)
    talk_median_s: tuple[float, float] = (90.0, 180.0)
    talk_sigma: float = 0.8
    consent: ConsentType | None = None
    numbers: tuple[int, int] = (1, 4)  # how many numbers the sender holds
    bursts: bool = False


SMALL_BUSINESS = Behaviour(
    "small_business", True,
    "Small business calling its clients: business hours, mostly answered, long live calls, "
    "a few numbers it owns, many callees in its own area code.",
    BUSINESS_HOURS, (0.3, 0.05), (0.5, 0.75), COMMON_UNANSWERED,
    CalleeMode.ROSTER, CallerMode.OWNED,
    early_share=0.12, talk_median_s=(100.0, 240.0), talk_sigma=0.9, numbers=(1, 4),
)  # fmt: skip
CONTACT_CENTRE = Behaviour(
    "contact_centre_consent", True,
    "Contact centre calling its customers with written consent: high volume, predictive "
    "dialler (ASR 30-40%), agent talk times, local-presence numbers it owns.",
    DIALLER_HOURS, (0.45, 0.1), (0.3, 0.4), DIALLER_UNANSWERED,
    CalleeMode.ROSTER, CallerMode.LOCAL_PRESENCE,
    early_share=0.35, talk_median_s=(150.0, 260.0), talk_sigma=0.7,
    consent=ConsentType.PRIOR_EXPRESS_WRITTEN, numbers=(40, 160),
)  # fmt: skip
REMINDERS = Behaviour(
    "appointment_reminders", True,
    "Prescription and appointment reminders with prior express consent: high volume, short "
    "prerecorded answered calls (a narrow duration peak), a handful of verified numbers.",
    REMINDER_HOURS, (0.35, 0.05), (0.55, 0.72), COMMON_UNANSWERED,
    CalleeMode.ROSTER, CallerMode.OWNED,
    early_share=0.15, message_share=0.8, message_s=(22.0, 48.0), message_sd=2.5,
    talk_median_s=(60.0, 120.0), consent=ConsentType.PRIOR_EXPRESS, numbers=(2, 10),
)  # fmt: skip
NOTIFIER = Behaviour(
    "emergency_school_notifier", True,
    "School / emergency notification service: sudden bursts to its whole subscriber list "
    "within minutes (school closures before 7 am), consent on file, its own numbers.",
    NOTIFIER_HOURS, (0.2, 0.2), (0.6, 0.78), COMMON_UNANSWERED,
    CalleeMode.ROSTER, CallerMode.OWNED,
    early_share=0.12, message_share=0.85, message_s=(25.0, 55.0), message_sd=3.0,
    consent=ConsentType.PRIOR_EXPRESS, numbers=(1, 3), bursts=True,
)  # fmt: skip
NEW_ACCOUNT = Behaviour(
    "new_account_ramp", True,
    "New account ramping up legitimately: a clinic group or sales team whose volume grows "
    "over its first weeks, calling its own consenting customers.",
    DIALLER_HOURS, (0.4, 0.1), (0.35, 0.6), DIALLER_UNANSWERED,
    CalleeMode.ROSTER, CallerMode.OWNED,
    early_share=0.25, message_share=0.3, message_s=(25.0, 50.0),
    talk_median_s=(90.0, 200.0), consent=ConsentType.PRIOR_EXPRESS_WRITTEN, numbers=(3, 12),
)  # fmt: skip
SURVEY = Behaviour(
    "live_survey", True,
    "Live (human-dialled) opinion survey: many callees each called once, low ASR, quick "
    "refusals and long interviews. Not telemarketing, manually dialled, so no consent is "
    "needed (47 CFR 64.1200(a)(1) covers autodialled/prerecorded calls only); about 60% of "
    "its sample is landlines.",
    SURVEY_HOURS, (0.8, 0.6), (0.12, 0.22), COMMON_UNANSWERED,
    CalleeMode.LANDLINE_HEAVY, CallerMode.OWNED,
    early_share=0.6, talk_median_s=(360.0, 600.0), talk_sigma=0.5, numbers=(8, 30),
)  # fmt: skip
DIALER_CLIENT = Behaviour(
    "dialer_platform_client", True,
    "A dialer platform's client: an agent team (real estate, insurance, mortgage) "
    "power-dialling its own opted-in leads, live conversations, its own numbers.",
    DIALLER_HOURS, (0.5, 0.15), (0.22, 0.4), DIALLER_UNANSWERED,
    CalleeMode.ROSTER, CallerMode.OWNED,
    early_share=0.3, talk_median_s=(60.0, 150.0), talk_sigma=0.9,
    consent=ConsentType.PRIOR_EXPRESS_WRITTEN, numbers=(2, 20),
)  # fmt: skip
DIALER_CLIENT_RECORDED = Behaviour(
    "dialer_client_prerecorded_consent", True,
    "A dialer platform's client sending prerecorded messages (policy renewals, open-house "
    "invitations) to leads who opted in in writing: the same one-minute message shape as an "
    "illegal campaign, its length blurred by 5 s of text-to-speech and network timing, but "
    "consent is on file.",
    ROBOCALL_HOURS, (0.4, 0.1), (0.25, 0.45), DIALLER_UNANSWERED,
    CalleeMode.ROSTER, CallerMode.OWNED,
    early_share=0.3, message_share=0.6, message_s=(35.0, 70.0), message_sd=5.0,
    talk_median_s=(60.0, 150.0), consent=ConsentType.PRIOR_EXPRESS_WRITTEN, numbers=(4, 25),
)  # fmt: skip
WHOLESALE_CLIENT = Behaviour(
    "wholesale_client", True,
    "A CPaaS reseller's client: small-business phone service sold on; ordinary live calls "
    "from its own numbers.",
    BUSINESS_HOURS, (0.3, 0.1), (0.45, 0.7), COMMON_UNANSWERED,
    CalleeMode.ROSTER, CallerMode.OWNED,
    early_share=0.15, talk_median_s=(80.0, 200.0), numbers=(2, 12),
)  # fmt: skip
TRANSIT = Behaviour(
    "transit_carrier", True,
    "Upstream carrier handing over ordinary transit traffic, signed per its own mix.",
    TRANSIT_HOURS, (0.55, 0.45), (0.45, 0.62), COMMON_UNANSWERED,
    CalleeMode.POPULATION, CallerMode.POPULATION,
    early_share=0.15, talk_median_s=(60.0, 110.0), talk_sigma=1.2,
)  # fmt: skip

PRERECORDED_NO_CONSENT = Behaviour(
    "prerecorded_no_consent", False,
    "Dialer platform client sending prerecorded calls to wireless numbers without consent "
    "(the PhoneBurner -> MV Realty pattern): ~60 s message peak blurred by 6 s (the "
    "voicemail greetings its dialler waits out, text-to-speech and network timing), too "
    "blurred for a 9-second band to hold, numbers it holds.",
    ROBOCALL_HOURS, (0.4, 0.1), (0.2, 0.34), ROBOCALL_UNANSWERED,
    CalleeMode.WIRELESS, CallerMode.OWNED,
    early_share=0.3, message_share=0.65, message_s=(54.0, 66.0), message_sd=6.0,
    talk_median_s=(60.0, 150.0), numbers=(8, 40),
)  # fmt: skip
PRERECORDED_LOW_VOLUME = Behaviour(
    "prerecorded_low_volume", False,
    "A reseller's small client playing a recording to wireless numbers without consent, a "
    "couple of hundred calls a day whatever the network's size: no day holds enough "
    "answered calls to show the recording beyond chance; the days together do.",
    ROBOCALL_HOURS, (0.4, 0.1), (0.22, 0.36), ROBOCALL_UNANSWERED,
    CalleeMode.WIRELESS, CallerMode.OWNED,
    early_share=0.25, message_share=0.65, message_s=(25.0, 75.0), message_sd=3.0,
    talk_median_s=(60.0, 150.0), numbers=(2, 6),
)  # fmt: skip
PRERECORDED_MULTI_MESSAGE = Behaviour(
    "prerecorded_multi_message", False,
    "A travel club's campaign with answering-machine detection: people who answer are "
    "passed to live agents, voicemail boxes get a recording, and two or three messages "
    "take turns (one per offer): no one message is a large share of the answered calls.",
    ROBOCALL_HOURS, (0.4, 0.1), (0.2, 0.35), ROBOCALL_UNANSWERED,
    CalleeMode.WIRELESS, CallerMode.OWNED,
    early_share=0.1, message_share=0.45, message_s=(18.0, 75.0), message_sd=2.5,
    messages=(2, 3), talk_median_s=(60.0, 180.0), numbers=(6, 30),
)  # fmt: skip
#: calls a day of the low-volume campaign at every scale: too few answered calls for a day
#: to show a recording beyond chance (under 50), enough over two days
LOW_VOLUME_CALLS = (150.0, 240.0)
NEIGHBOUR_SPOOFING = Behaviour(
    "neighbour_spoofing", False,
    "Neighbour spoofing: caller IDs made of the callee's own NPA-NXX and a random line, "
    "numbers the customer does not hold.",
    ROBOCALL_HOURS, (0.5, 0.2), (0.15, 0.28), ROBOCALL_UNANSWERED,
    CalleeMode.POPULATION, CallerMode.NEIGHBOUR_SPOOF,
    early_share=0.35, message_share=0.5, message_s=(20.0, 40.0),
    talk_median_s=(60.0, 180.0), numbers=(1, 2),
)  # fmt: skip
SNOWSHOE = Behaviour(
    "snowshoe", False,
    "Snowshoe campaign: traffic spread over thousands of held caller IDs, each used only a "
    "few times, to stay under per-number thresholds.",
    ROBOCALL_HOURS, (0.5, 0.3), (0.12, 0.25), ROBOCALL_UNANSWERED,
    CalleeMode.POPULATION, CallerMode.ROTATING_POOL,
    early_share=0.35, message_share=0.55, message_s=(15.0, 35.0),
    talk_median_s=(40.0, 120.0), numbers=(2000, 8000),
)  # fmt: skip
GATEWAY_FLOOD = Behaviour(
    "gateway_flood", False,
    "Gateway flood from an upstream provider absent from the Robocall Mitigation Database: "
    "invalid, fictional, DNO and spoofed caller IDs, C-attested or unsigned.",
    TRANSIT_HOURS, (0.9, 0.9), (0.06, 0.14), ROBOCALL_UNANSWERED,
    CalleeMode.POPULATION, CallerMode.FLOOD,
    early_share=0.45, message_share=0.45, message_s=(10.0, 30.0),
    talk_median_s=(30.0, 90.0), numbers=(0, 0),
)  # fmt: skip
SEQUENTIAL_HIT_LIST = Behaviour(
    "sequential_dialing", False,
    "Hit-list dialling: runs of consecutive numbers (many not in service), short "
    "prerecorded calls.",
    ROBOCALL_HOURS, (0.6, 0.2), (0.08, 0.18), HIT_LIST_UNANSWERED,
    CalleeMode.SEQUENTIAL, CallerMode.OWNED,
    early_share=0.4, message_share=0.5, message_s=(12.0, 30.0),
    talk_median_s=(30.0, 90.0), numbers=(3, 15),
)  # fmt: skip
NIGHT_TELEMARKETER = Behaviour(
    "outside_calling_hours", False,
    "Telemarketer calling outside 8 am - 9 pm in the callee's time zone "
    "(47 CFR 64.1200(c)(1)), no consent.",
    NIGHT_HOURS, (0.7, 0.5), (0.15, 0.3), DIALLER_UNANSWERED,
    CalleeMode.POPULATION, CallerMode.OWNED,
    early_share=0.4, talk_median_s=(40.0, 120.0), numbers=(4, 15),
)  # fmt: skip
