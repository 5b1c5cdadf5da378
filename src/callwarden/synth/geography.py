"""The US numbering plan the synthetic network dials into: real NPA-NXX codes and their
time zones.

The codes come from the metadata shipped with ``phonenumbers`` (its geocoder lists the
NPA-NXX rate centres in service and its time-zone table maps each prefix to an IANA zone),
so synthetic numbers fall in real, valid exchanges across every US time zone, and calling
hours can be judged in the callee's local time as 47 CFR 64.1200(c)(1) requires.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt
import phonenumbers
from phonenumbers.geodata import GEOCODE_DATA
from phonenumbers.tzdata import TIMEZONE_DATA

#: NANP numbers are +1 followed by ten digits: NPA (3) NXX (3) line (4).
NATIONAL_DIGITS = 10


@dataclass(frozen=True)
class NumberingPlan:
    """Every US NPA-NXX in service, as ``npa * 1000 + nxx``, with the index of its time
    zone in :attr:`zones`."""

    npa_nxx: npt.NDArray[np.int32]
    zone_of_npa_nxx: npt.NDArray[np.int8]
    zones: tuple[str, ...]
    places: tuple[str, ...]

    def utc_offsets_s(self, day: date) -> npt.NDArray[np.int32]:
        """UTC offset of each zone at noon UTC on ``day``, in seconds (DST included)."""
        noon = datetime.combine(day, time(12))
        offsets = []
        for name in self.zones:
            offset = ZoneInfo(name).utcoffset(noon)
            offsets.append(int(offset.total_seconds()) if offset else 0)
        return np.array(offsets, dtype=np.int32)

    @property
    def npas(self) -> npt.NDArray[np.int32]:
        return np.unique(self.npa_nxx // 1000).astype(np.int32)


def _zone_for(prefix: str) -> str | None:
    """Longest-prefix match in the phonenumbers time-zone table."""
    for length in range(len(prefix), 0, -1):
        zones = TIMEZONE_DATA.get(prefix[:length])
        if zones:
            return str(zones[0])
    return None


@functools.cache
def load_numbering_plan() -> NumberingPlan:
    """The plan, built once per process (about half a second)."""
    us_npas: set[str] = set()
    for key in GEOCODE_DATA:
        if key.startswith("1") and len(key) == 4:
            sample = phonenumbers.parse(f"+{key}2345678")
            if phonenumbers.region_code_for_number(sample) == "US":
                us_npas.add(key[1:])
    codes: list[int] = []
    zone_names: list[str] = []
    places: list[str] = []
    for key in sorted(GEOCODE_DATA):
        if not (key.startswith("1") and len(key) == 7 and key[1:4] in us_npas):
            continue
        nxx = key[4:7]
        # N11 service codes and 555 are not assignable exchanges.
        if nxx[1:] == "11" or nxx == "555" or nxx[0] in "01":
            continue
        zone = _zone_for(key)
        if zone is None or not zone.startswith(("America/", "Pacific/")):
            continue
        codes.append(int(key[1:7]))
        zone_names.append(zone)
        places.append(str(GEOCODE_DATA[key].get("en", "")))
    if not codes:  # pragma: no cover - only if phonenumbers changes its data layout
        raise RuntimeError("phonenumbers metadata holds no US NPA-NXX codes")
    zones = tuple(sorted(set(zone_names)))
    zone_index = {name: i for i, name in enumerate(zones)}
    npa_nxx, first = np.unique(np.array(codes, dtype=np.int32), return_index=True)
    return NumberingPlan(
        npa_nxx=npa_nxx,
        zone_of_npa_nxx=np.array([zone_index[zone_names[i]] for i in first], dtype=np.int8),
        zones=zones,
        places=tuple(places[i] for i in first),
    )


def day_start_us(day: date) -> int:
    """Microseconds since the epoch at 00:00 UTC of ``day``."""
    return (day - date(1970, 1, 1)).days * 86_400_000_000


def days_from(start: date, days: int) -> list[date]:
    return [start + timedelta(days=i) for i in range(days)]
