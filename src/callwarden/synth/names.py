"""Invented names, ids and KYC details for the synthetic cast.

Every sender, legitimate or not, gets its account id, EIN, address and e-mail from the same
generators, so nothing about an id tells a detector which senders are labelled illegal.
"""

from __future__ import annotations

import re

import numpy as np

PLACE_WORDS = (
    "Maple", "Cedar", "Riverside", "Summit", "Lakeside", "Oak Hill", "Harbor", "Pioneer",
    "Granite", "Willow", "Sterling", "Bayview", "Prairie", "Ridgeline", "Evergreen", "Canyon",
    "Meadow", "Northgate", "Silver Creek", "Bluewater", "Redwood", "Keystone", "Magnolia",
    "Liberty", "Heritage", "Crescent", "Highland", "Lone Star", "Frontier", "Coastal",
    "Juniper", "Aspen", "Beacon", "Cobalt", "Falcon", "Union", "Parkside", "Westfield",
)  # fmt: skip
SUFFIXES = ("LLC", "Inc.", "Group", "Co.", "Partners", "Services LLC", "Holdings Inc.")

INDUSTRIES = {
    "small_business": (
        "Dental", "Auto Repair", "Plumbing", "Law Office", "Realty", "Veterinary Clinic",
        "Insurance Agency", "Heating & Air", "Chiropractic", "Landscaping", "Roofing",
        "Family Medicine", "Tax Services", "Physical Therapy", "Pest Control", "Locksmith",
    ),
    "contact_centre": ("Contact Solutions", "Customer Care", "Teleservices", "Response Center"),
    "reminders": ("Health Network", "Pharmacy Services", "Medical Group", "Care Partners"),
    "notifier": ("School District", "County Emergency Management", "Public Schools"),
    "new_account": ("Urgent Care", "Solar Installers", "Home Services", "Clinics"),
    "survey": ("Research Associates", "Opinion Research", "Polling Institute"),
    "dialer_platform": ("Dial", "Connect", "Reach"),
    "dialer_client": (
        "Realty Team", "Insurance Agency", "Mortgage Group", "Home Buyers", "Realty",
        "Property Solutions", "Financial Advisors", "Auto Sales",
    ),
    "wholesale": ("Voice", "Telecom", "Cloud Communications"),
    "carrier": ("Telecom", "Communications", "Networks", "Telephone Company", "Carrier Services"),
    # Businesses behind unlawful campaigns have ordinary-sounding names, like the rest.
    "auto_warranty": ("Auto Protection", "Vehicle Services", "Motor Club"),
    "health_plans": ("Health Plans", "Benefits Center", "Insurance Marketplace"),
    "debt": ("Debt Relief", "Financial Solutions", "Credit Services"),
    "home_services": ("Home Improvement", "Window Replacement", "Home Warranty", "Roofing Leads"),
    "travel": ("Travel Rewards", "Resort Getaways", "Cruise Club", "Vacation Deals"),
    "energy": ("Energy Savings", "Solar Solutions", "Vacation Club", "Home Solutions"),
}  # fmt: skip

STREETS = ("Main St", "Oak Ave", "Park Blvd", "Commerce Dr", "Industrial Way", "Market St",
           "Center St", "Elm St", "Washington Ave", "Lake Rd", "Broadway", "Pine St")  # fmt: skip


def pick(rng: np.random.Generator, options: tuple[str, ...]) -> str:
    return options[int(rng.integers(len(options)))]


def company_name(rng: np.random.Generator, industry: str) -> str:
    place = pick(rng, PLACE_WORDS)
    kind = pick(rng, INDUSTRIES[industry])
    suffix = pick(rng, SUFFIXES) if rng.random() < 0.8 else ""
    if suffix.split(" ")[0] in kind.split(" "):
        suffix = pick(rng, ("LLC", "Inc."))
    return " ".join(part for part in (place, kind, suffix) if part)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class IdMinter:
    """Account ids ``<slug>-<4 digits>`` that never repeat within one network."""

    def __init__(self, rng: np.random.Generator) -> None:
        self._rng = rng
        self._used: set[str] = set()

    def mint(self, name: str) -> str:
        base = "-".join(slug(name).split("-")[:3])
        while True:
            candidate = f"{base}-{int(self._rng.integers(1000, 10_000))}"
            if candidate not in self._used:
                self._used.add(candidate)
                return candidate


def ein(rng: np.random.Generator) -> str:
    return f"{int(rng.integers(10, 99)):02d}-{int(rng.integers(0, 10_000_000)):07d}"


def address(rng: np.random.Generator, place: str) -> str:
    """A street address in ``place`` ("City, ST") with a plausible ZIP."""
    number = int(rng.integers(10, 9999))
    street = pick(rng, STREETS)
    zip_code = int(rng.integers(10_000, 99_999))
    return f"{number} {street}, {place} {zip_code:05d}"


def email(rng: np.random.Generator, name: str) -> str:
    box = pick(rng, ("ops", "admin", "billing", "it", "info", "compliance"))
    domain = "".join(slug(name).split("-")[:2]) or "example"
    return f"{box}@{domain}.{pick(rng, ('com', 'com', 'net', 'us', 'org'))}"


def ipv4(rng: np.random.Generator) -> str:
    """A public-looking unicast address (no private, loopback, multicast or reserved)."""
    while True:
        first = int(rng.integers(1, 224))
        second = int(rng.integers(0, 256))
        if first in (10, 127, 0) or (first == 172 and 16 <= second <= 31):
            continue
        if (first == 192 and second == 168) or (first == 169 and second == 254):
            continue
        if first == 100 and 64 <= second <= 127:
            continue
        return f"{first}.{second}.{int(rng.integers(0, 256))}.{int(rng.integers(1, 255))}"
